"""What a column name says, read with the vocabulary of ``privacy/vocabulary/names/*.yaml``
(sector data-element standards, each entry citing its source; pinyin derived with pypinyin).

A name is split into Chinese runs and Latin tokens (``snake_case``, ``camelCase``, digits).
Chinese runs are segmented by longest match against the Chinese terms; Latin tokens are matched
as English words or phrases (``id_number``), full pinyin (``shenfenzhenghao``,
``shen_fen_zheng_hao``), pinyin initials (``sfzh``) or listed abbreviations, and a token may be
a concatenation of such pieces (``fzrdh`` = ``fzr`` + ``dh``). Then, as in Chinese noun phrases,
the last meaningful term is the head and the terms before it modify it:

* the head's entity is the hint (``联系电话`` -> PHONE_NUMBER); a code word after an entity
  keeps the entity (``车牌编码``), a date, status, amount or aggregate word after it does not
  (``身份证有效期`` is a date, ``证件类型`` an enumeration), except that the words of
  ``name_rules`` in ``privacy/levels.yaml`` keep a health, offence or religion word before a
  category word (``残疾类型``: the category is health information), an income word before a
  total (``费用合计``) and a birth word before a generic date word (``csrq_date``);
* a role word (负责人, 车主, 来电人...) alone names a person (PERSON_NAME); before a contact it makes
  the contact that person's (``负责人电话`` is personal even in a register of companies);
* an organisation word (单位, 办公, 服务热线...) before a contact makes it the organisation's
  (``单位电话``), unless a role word says whose it is (``单位负责人电话``);
* an aggregate word (人数, 合计, rate) makes the column an aggregate: not about one person.

A hint is only a hint: the column classifier combines it with the content of the column.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from privacy.vocabulary import NameEntry, default_levels, initialisms, name_index

__all__ = [
    "NONPERSONAL_KINDS",
    "NameHint",
    "NameInfo",
    "analyse_name",
    "hint_for",
    "is_aggregate_name",
    "is_people_key_name",
]

#: kinds of column names that say "not personal" (a code, an enumeration, the date of an event...)
NONPERSONAL_KINDS = frozenset(
    {
        "code",
        "enum",
        "event_date",
        "amount",
        "aggregate",
        "attribute",
        "org_name_word",
        "free_text_public",
        "not_income",
    }
)
#: kinds that can be the head of a column name, besides entities and roles
_HEAD_KINDS = NONPERSONAL_KINDS | {"people_key", "text", "status"}
#: how a spelling is trusted when several entries share it (explicit words first)
_FORM_RANK = {"zh": 0, "en": 0, "abbr": 1, "pinyin": 1, "initials": 2}
#: which meaning wins when one spelling has several (the more protective first)
_KIND_RANK = {
    "entity": 0,
    "role": 1,
    "people_key": 2,
    "attribute": 3,
    "org_name_word": 4,
    "not_income": 5,
    "aggregate": 6,
    "org": 7,
    "event_date": 8,
    "amount": 9,
    "enum": 10,
    "code": 11,
    "free_text_public": 12,
    "text": 13,
    "status": 14,
}
_ENTITY_RANK = {
    "CN_RESIDENT_ID": 0,
    "PASSPORT": 1,
    "BANK_CARD": 2,
    "CREDIT_CARD": 3,
    "MEDICAL_CONDITION": 4,
    "CRIMINAL_RECORD": 5,
    "RELIGION": 6,
    "PERSONAL_INCOME": 7,
    "PHONE_NUMBER": 8,
    "PERSON_NAME": 9,
    "DATE_OF_BIRTH": 10,
    "ADDRESS": 11,
    "EMAIL": 12,
    "LICENSE_PLATE": 13,
    "IP_ADDRESS": 14,
    "PRECISE_LOCATION": 15,
    "USCC": 16,
    "ORG_NAME": 17,
}
#: words that keep the entity before them as the head (B超结果, 过敏情况, 诊断信息)
_KEEPS_ENTITY = frozenset(
    [
        "结果",
        "情况",
        "结论",
        "记录",
        "报告",
        "详情",
        "描述",
        "信息",
        "内容",
        "说明",
        "备注",
        "result",
        "results",
        "info",
        "information",
        "detail",
        "details",
        "record",
        "records",
        "report",
        "description",
        "desc",
        "note",
        "notes",
        "text",
    ]
)
#: contacts and accounts whose owner a role or organisation word decides
_CONTACTS = frozenset(
    {"PHONE_NUMBER", "EMAIL", "ADDRESS", "PRECISE_LOCATION", "PERSON_NAME", "BANK_CARD", "LICENSE_PLATE", "IP_ADDRESS"}
)
#: generic words for a name, which name whatever comes before them (district_name, 站点名称)
_GENERIC_NAME = frozenset({"name", "名称", "名字"})


@functools.cache
def _name_rules() -> dict[str, frozenset[str]]:
    """``name_rules`` of ``privacy/levels.yaml``: which entities keep their meaning before a
    category, total or date word (lower-cased word sets)."""
    raw = default_levels().get("name_rules") or {}
    return {
        k: frozenset(str(w).lower() if k.endswith("_words") else str(w) for w in v)
        for k, v in raw.items()
        if isinstance(v, list)
    }


def _per_quantity(name: str) -> bool:
    """The name's unit is money per unit of a quantity (元/亩, 元/吨: ``name_rules.rate_units``)."""
    units = _name_rules().get("rate_units", frozenset())
    m = re.search(r"元\s*/\s*([\u4e00-\u9fffA-Za-z0-9²³]+)", name)
    return m is not None and m.group(1) in units


def _kept_by_rule(head: NameEntry, prev: NameEntry) -> bool:
    """``prev`` (an entity term) stays the head before ``head`` (残疾类型, 费用合计, csrq_date)."""
    rules = _name_rules()
    word = head.term.lower()
    return any(
        prev.entity in rules.get(f"{r}_entities", ()) and word in rules.get(f"{r}_words", ())
        for r in ("category", "measure", "total", "date")
    )


@dataclass(frozen=True)
class NameHint:
    """What a column name suggests (the classifier's view)."""

    entity: str | None
    #: the term that matched (shown in evidence)
    key: str
    #: the column names an organisation's contact or office (单位电话, 办公地址)
    org: bool = False


@dataclass(frozen=True)
class NameInfo:
    """Everything a column name tells."""

    name: str
    terms: tuple[NameEntry, ...]
    #: the head's entity (None when the head is not an entity)
    entity: str | None = None
    #: the head's kind: entity | role | code | enum | event_date | amount | aggregate | ...
    kind: str | None = None
    key: str = ""
    #: a role word makes the value a person's (负责人电话, 车主姓名)
    person: bool = False
    #: a stricter level than the entity's, from the vocabulary (房屋坐落: sensitive)
    level: str | None = None
    #: an organisation word makes the value the organisation's (单位电话)
    org: bool = False
    aggregate: bool = False
    not_income: bool = False
    people_key: bool = False
    #: a welfare, hardship or credit status word anywhere in the name (低保类别, 失信行为)
    status: bool = False
    kinds: frozenset[str] = field(default_factory=frozenset)

    def hint(self) -> NameHint | None:
        if self.entity is None:
            return None
        return NameHint(self.entity, self.key, self.org and not self.person)


def _best(entries: list[NameEntry]) -> NameEntry:
    return min(
        entries,
        key=lambda e: (_FORM_RANK.get(e.form, 3), _KIND_RANK.get(e.kind, 20), _ENTITY_RANK.get(e.entity or "", 50)),
    )


def _tokens(latin: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", latin)
    return [t for t in re.split(r"[^0-9a-zA-Z]+|(?<=[a-zA-Z])(?=\d)|(?<=\d)(?=[a-zA-Z])", spaced.lower()) if t]


def _segment_zh(run: str) -> list[NameEntry]:
    """Reverse maximum matching of a run of Chinese (and Latin: ``IP地址``) characters: the
    longest term ending at the end, then before it (the head of a Chinese noun phrase is at its
    end: 办理人数 is 办理 + 人数, not 办理人 + 数). Latin stretches no Chinese term covers are
    read as Latin tokens."""
    idx = name_index()
    low = run.lower()
    out: list[NameEntry] = []
    j = len(low)
    while j > 0:
        for i in range(max(0, j - idx.zh_max), j):
            entries = idx.zh(low[i:j])
            if entries:
                out.append(_best(entries))
                j = i
                break
        else:
            if low[j - 1].isascii() and low[j - 1].isalnum():
                i = j
                while i > 0 and low[i - 1].isascii() and low[i - 1].isalnum():
                    i -= 1
                out += reversed(_segment_latin(_tokens(run[i:j])))
                j = i
            else:
                j -= 1
    out.reverse()
    return out


def _split_token(token: str) -> list[NameEntry] | None:
    """A token glued from vocabulary pieces (``fzrdh``): the cover with the fewest pieces,
    each of at least two letters, or None."""
    idx = name_index()
    n = len(token)
    best: list[list[NameEntry] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for j in range(i + 2, min(n, i + 24) + 1):
            entries = idx.latin(token[i:j])
            if entries:
                cand = [*cur, _best(entries)]
                if best[j] is None or len(cand) < len(best[j] or []):
                    best[j] = cand
    return best[n]


_VOWELS = frozenset("aeiou")


def _initials_head(token: str) -> list[NameEntry] | None:
    """A token of pinyin initials ending in the initials of a representation term
    (``privacy/vocabulary/initialisms.yaml``: ``ltxrq`` = ltx + 日期, ``xbdm`` = 性别 + 代码):
    the object words before the head as read by the vocabulary, or unread when the vocabulary
    does not know them; None when the letters before the head end in a word naming a person or a
    person's own data (``hzdm``: 户主; ``xxrybm``: 人员编码), or do not look like initials
    (vowels: English words)."""
    rule = initialisms()
    personal = frozenset(rule["personal"])
    for head_key, term in rule["heads"].items():
        if not token.endswith(head_key):
            continue
        prefix = token[: -len(head_key)]
        if not rule["min_prefix"] <= len(prefix) <= rule["max_prefix"]:
            continue
        entries = name_index().zh(term)
        if not entries or not prefix.isalpha():
            continue
        head = _best(entries)._replace(form="initials")
        known = name_index().latin(prefix)
        pieces = [_best(known)] if known else _split_token(prefix)
        if pieces:  # the vocabulary reads the object words (zzmm + 代码): they modify the head
            return [*pieces, head]
        # the word just before the head may name a person (jzry + bm: 人员编码 is a person's code)
        if _VOWELS & set(prefix) or any(prefix[i:] in personal for i in range(len(prefix) - 1)):
            continue
        return [head]
    return None


def _segment_latin(tokens: list[str]) -> list[NameEntry]:
    idx = name_index()
    out: list[NameEntry] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + max(idx.latin_max_tokens, 6)), i, -1):
            spaced = " ".join(tokens[i:j])
            entries = idx.latin(spaced) or (idx.latin("".join(tokens[i:j])) if j - i > 1 else None)
            if entries:
                out.append(_best(entries))
                i = j
                break
        else:
            tok = tokens[i]
            if not tok.isdigit() and len(tok) >= 3:
                pieces = _split_token(tok)
                if pieces and len(pieces) <= 3:
                    out.extend(pieces)
                else:
                    out.extend(_initials_head(tok) or [])
            i += 1
    return out


def _is_head(t: NameEntry) -> bool:
    return t.kind == "entity" or t.kind in _HEAD_KINDS or t.kind == "role"


def _positional(name: str) -> bool:
    """A legacy field number (zd01 = 字段01, col_7, EXT_3: ``name_rules.positional_prefixes``):
    the name says where the field sits, not what it holds."""
    m = re.fullmatch(r"([A-Za-z\u4e00-\u9fff]+?)[ _\-]?\d{1,3}", name)
    return m is not None and m.group(1).lower() in _name_rules().get("positional_prefixes", frozenset())


@functools.lru_cache(maxsize=8192)
def analyse_name(column_name: str) -> NameInfo:
    """Read a column name (see the module docstring)."""
    name = unicodedata.normalize("NFKC", column_name).strip()
    if _positional(name):
        return NameInfo(column_name, ())
    terms: list[NameEntry] = []
    for m in re.finditer(r"[A-Za-z0-9\u4e00-\u9fff]+(?:[ _\-./][A-Za-z0-9\u4e00-\u9fff]+)*", name):
        run = m.group()
        if re.search(r"[\u4e00-\u9fff]", run):
            terms += _segment_zh(run)
        else:
            terms += _segment_latin(_tokens(run))
    if not terms:
        return NameInfo(column_name, ())
    kinds = frozenset(t.kind for t in terms)
    written = [t for t in terms if t.form != "initials"]
    if len(written) < len(terms) and re.search(r"[\u4e00-\u9fff]", name) and any(_is_head(t) for t in written):
        # a name written out in Chinese with Latin initials beside it (国籍GJ, 机器号PCNO): the
        # written words say what the column is, the initials only gloss them (GJ: 国籍, not 轨迹)
        terms = written
    head: NameEntry | None = None
    head_pos = -1
    for pos in range(len(terms) - 1, -1, -1):
        if _is_head(terms[pos]):
            head, head_pos = terms[pos], pos
            break
    kept = head is not None and head_pos > 0 and terms[head_pos - 1].kind == "entity"
    kept = kept and head is not None and _kept_by_rule(head, terms[head_pos - 1])
    if kept:
        head, head_pos = terms[head_pos - 1], head_pos - 1  # 残疾类型, 不良反应名称, 费用合计, csrq_date
    # a person's word before a code is a key of persons (staff_no, 教师工号, childCode, reader card no)
    person_code = (
        head is not None and head.kind == "code" and any(t.kind in ("role", "people_key") for t in terms[:head_pos])
    )
    keeps = head is not None and (head.kind == "code" or head.term.lower() in _KEEPS_ENTITY)
    if head is not None and keeps:  # 车牌编码, 身份证编号, B超结果: the entity stays the head
        for pos in range(head_pos - 1, -1, -1):
            if terms[pos].kind == "entity":
                head, head_pos = terms[pos], pos
                break
            if terms[pos].kind != "org":
                break
    if (
        head is not None
        and head.term.lower() in _GENERIC_NAME
        and head_pos > 0
        and terms[head_pos - 1].kind not in ("role", "entity")
    ):
        head, head_pos = terms[head_pos - 1], head_pos - 1  # district_name: a district, not a person
        if head.kind == "org":  # 场所名称, 机构名称: an organisation's name
            head = head._replace(kind="org_name_word")
    before = terms[:head_pos] if head is not None else terms
    person = any(t.kind == "role" for t in before)
    org = any(t.kind in ("org", "org_name_word") for t in before) or (head is not None and head.org)
    entity: str | None = None
    kind = head.kind if head is not None else None
    key = head.term if head is not None else ""
    if head is not None and head.kind == "entity":
        entity = head.entity
    elif head is not None and head.kind == "role":
        entity = "PERSON_NAME"  # 负责人, 车主: the column holds that person's name
        person = True
    elif head is not None and head.kind == "org_name_word":
        entity = "ORG_NAME"  # 企业名称, 工作单位
    elif head is None and any(t.kind == "org" for t in terms):
        kind, key = "org_name_word", next(t.term for t in terms if t.kind == "org")
    aggregate = "aggregate" in kinds
    not_income = "not_income" in kinds
    if entity == "PERSONAL_INCOME" and not_income:
        # 失业金月标准, 营业收入: an income word and a not-income word; the table decides (a
        # person's benefit standard in a table about people is held, an organisation's is none)
        entity, kind = None, None
    if kind == "not_income" and any(t.entity == "PERSONAL_INCOME" for t in before):
        kind = None  # 失业金月标准: a person's benefit by its standard; the table decides
        if _per_quantity(name):
            kind = "amount"  # 补贴标准（元/亩）: a rate per unit of land or goods, not anyone's sum
    if (
        aggregate
        and not kept
        and entity not in (None, "ORG_NAME", "USCC")
        and kind not in ("aggregate", "role")  # 统计负责人 is a person, not a statistic
    ):
        # 低保人数, 收入合计 of a group: counts and totals are not about one person (two-letter
        # initials are too ambiguous to say so: hb_xhdb is 血红蛋白, not 环比)
        if head is not None and any(
            t.kind == "aggregate" and not (t.form == "initials" and len(t.term) <= 2)
            for t in terms[head_pos + 1 :] + before
        ):
            entity, kind = None, "aggregate"
    if entity == "PERSON_NAME" and org and not person:
        entity, kind = "ORG_NAME", "org_name_word"  # 单位名称 is an organisation
    if entity is not None and entity not in _CONTACTS:
        org = False
    return NameInfo(
        name=column_name,
        terms=tuple(terms),
        entity=entity,
        kind=kind,
        key=key,
        person=person,
        org=org and not person,
        level=head.level if head is not None and entity == head.entity else None,
        aggregate=aggregate or kind == "aggregate",
        not_income=not_income,
        people_key="people_key" in kinds or (person_code and entity is None),
        status="status" in kinds,
        kinds=kinds,
    )


def hint_for(column_name: str) -> NameHint | None:
    """The entity a column name suggests, or None (see :func:`analyse_name`)."""
    return analyse_name(column_name).hint()


def is_people_key_name(column_name: str) -> bool:
    """The column looks like a key of persons (用户ID, 人员编号, device_id)."""
    return analyse_name(column_name).people_key


def is_aggregate_name(column_name: str) -> bool:
    """The column holds counts, totals or rates."""
    return analyse_name(column_name).aggregate
