"""Chinese person names (entity PERSON_NAME), and masked forms (张某某, 王女士, 李*, 欧阳**).

Whole cells (the column classifier): a surname (single or compound) followed by one or two
given-name characters, at least one of them a common given-name character, not ending like a
thing or a place (银行卡, 王府井路); names of minorities written with a middle dot (阿卜杜拉·买买提).
Under a name hint a surname alone, or a given name alone, is a name too (split columns). The
surnames, given-name characters and endings are data (``privacy/vocabulary/values/persons.yaml``);
no segmenter is loaded, so classifying a structured table stays fast.

Free text: jieba's part-of-speech tags (``nr*``) plus the surname list, and masked forms. jieba
is imported only when free text is analysed.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from privacy.recognizers._base import CellMatch, CellRecognizer, Span, nfkc

_CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_CJK_SHORT = re.compile(r"^[\u4e00-\u9fff]{1,3}$")
_DOTTED = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:[·•・.][\u4e00-\u9fff]{2,8}){1,2}$")
_LEAD_WORDS = (
    r"(?:姓名|联系人|患者|申请人|当事人|负责人|户主|法定代表人|法人|经办人|被告人?|原告|嫌疑人|来电人|来访人|投诉人|举报人|"
    r"学生|家长|监护人|驾驶员|司机|居民|村民|市民|病人|死者|受害人|车主|所有人|收款人|医生|医师|老人|儿童|妻子|丈夫|儿子|女儿|"
    r"父亲|母亲|之子|之女|长子|次子|长女|次女|孙子|孙女|配偶|家属|本人|陪同人|代理人|证人|调解员|被执行人|债务人|债权人|"
    r"借款人|出借人|职工|员工|同志"
    # boundaries (四至) of land, homesteads and houses name the neighbour holding each side:
    # 东至张三 (contract and homestead certificates record the four neighbours)
    r"|[东南西北]至|[东南西北]邻)[：:\s为是]{0,2}$"
)


@functools.cache
def _persons() -> dict[str, Any]:
    from privacy.vocabulary import value_terms

    v = value_terms("persons")
    compound = tuple(v["compound_surnames"])
    honorific = "|".join(sorted(v["honorifics"], key=len, reverse=True))
    lead = f"(?:{'|'.join(compound)}|[\\u4e00-\\u9fff])"
    return {
        "surnames": frozenset(v["surnames"]),
        "compound": frozenset(compound),
        "given": frozenset("".join(v["given_name_characters"])),
        "not_end": frozenset(v["not_name_endings"]),
        "masked": re.compile(rf"^{lead}(?:{honorific}|[*＊×xX]{{1,3}}|[*＊]?[\u4e00-\u9fff][*＊])$"),
        "masked_in_text": re.compile(
            rf"{lead}(?:某某|某|[*＊]{{1,2}})(?![\u4e00-\u9fff]{{0,1}}(?:单位|公司|地|处|种|些|天|时|日))"
        ),
    }


def surname_of(value: str) -> str | None:
    p = _persons()
    if value[:2] in p["compound"]:
        return value[:2]
    return value[0] if value[:1] in p["surnames"] else None


def is_masked_name(value: str) -> bool:
    v = value.strip()
    return bool(_persons()["masked"].match(v)) and surname_of(v) is not None


def is_given_name_char(ch: str) -> bool:
    return ch in _persons()["given"]


def looks_like_name(value: str) -> bool | None:
    """True: a name; False: name-shaped but its given name is unusual; None: not name-shaped."""
    v = value.strip()
    if not _CJK.match(v):
        return None
    surname = surname_of(v)
    if surname is None or v[-1] in _persons()["not_end"]:
        return None
    given = v[len(surname) :]
    if not 1 <= len(given) <= 2:
        return None
    return any(ch in _persons()["given"] for ch in given)


#: words after a name that make it a person's (张三来电反映, 李四称)
_TRAIL = frozenset(
    {
        "来电",
        "反映",
        "来访",
        "投诉",
        "举报",
        "表示",
        "诉称",
        "报称",
        "同志",
        "先生",
        "女士",
        "老师",
        "医生",
        "之子",
        "宅",  # 东至张三宅: a neighbour named by their house (homestead boundaries)
        "家宅",
        "住宅",
        "之女",
    }
) | {"称"}
_RELATIONS = (
    "配偶|户主|本人|妻子?|丈夫|夫|儿子|女儿|子|女|父亲?|母亲?|长子|次子|长女|次女|孙子|孙女|外孙|外孙女|儿媳|女婿|兄|弟|姐|妹|"
    "祖父|祖母|外祖父|外祖母|公公|婆婆|岳父|岳母|侄子|侄女|继子|继女|养子|养女"
)
#: a household-member list: 苏玉兰（配偶）、杜平（子）
_NAME_WITH_RELATION = rf"([\u4e00-\u9fff·]{{2,6}})[（(](?:{_RELATIONS})[)）]"


@functools.cache
def _text_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The free-text patterns (compiled when free text is first analysed)."""
    return re.compile(_LEAD_WORDS), re.compile(_NAME_WITH_RELATION)


@functools.cache
def _posseg() -> Any:
    import jieba  # lazy: jieba loads its dictionary (~1 s); only name checks need it
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return pseg


class PersonNameRecognizer(CellRecognizer):
    ENTITY = "PERSON_NAME"
    CONTEXT = ("姓名", "联系人")
    SCORE_PLAIN = 0.45  # below the classifier's free-text threshold: a lead word decides
    SCORE_WITH_LEAD = 0.85

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = nfkc(value).strip()
        if is_masked_name(v):
            return "masked"
        if _DOTTED.match(v):
            return "valid"
        named = looks_like_name(v)
        if named is not None:
            return "valid" if named else "invalid"
        if hinted and _CJK_SHORT.match(v):
            p = _persons()
            if v in p["surnames"] or v in p["compound"]:
                return "valid"  # a surname column
            if len(v) <= 2 and all(ch in p["given"] for ch in v):
                return "valid"  # a given-name column
        return None

    def find_in_text(self, text: str) -> list[Span]:
        out: list[Span] = []
        if not re.search(r"[\u4e00-\u9fff]", text):
            return out
        tokens = []
        pos = 0
        for w in _posseg().cut(text):
            tokens.append((w.word, w.flag, pos))
            pos += len(w.word)
        compound = _persons()["compound"]
        i = 0
        while i < len(tokens):
            word, flag, start = tokens[i]
            # jieba splits some names: 王/nr + 秀英/nr, 欧阳/ns + 建国/ns
            if i + 1 < len(tokens) and _CJK.match(word + tokens[i + 1][0]):
                nxt, nflag, _ = tokens[i + 1]
                if (
                    len(word) == 1
                    and surname_of(word) is not None
                    and flag.startswith("nr")
                    and nflag.startswith("nr")
                    and len(nxt) <= 2
                ) or (word in compound and len(nxt) <= 2):
                    word, flag = word + nxt, "nr"
                    i += 1
            i += 1
            end = start + len(word)
            if (
                not flag.startswith("nr")
                or not 2 <= len(word) <= 4
                or surname_of(word) is None
                or word[-1] in _persons()["not_end"]
            ):
                continue
            # jieba tags many place and shop words as names (东方社区, 阳光): a name needs a role
            # word before it (来电人, 户主, 妻子...), or a common given name and nothing after it
            # that makes it a thing or a place
            if (
                _text_res()[0].search(text[max(0, start - 8) : start])
                or {text[end : end + 1], text[end : end + 2]} & _TRAIL
            ):
                score = self.SCORE_WITH_LEAD
            elif looks_like_name(word) and not (end < len(text) and text[end] in _persons()["not_end"]):
                score = self.SCORE_PLAIN
            else:
                continue
            out.append(Span(start, end, score, "jieba nr tag + surname"))
        for m in _persons()["masked_in_text"].finditer(text):
            if surname_of(m.group()) is not None:
                out.append(Span(m.start(), m.end(), 0.7, "masked name"))
        for m in _text_res()[1].finditer(text):
            name = m.group(1)[-4:] if looks_like_name(m.group(1)[-4:]) is not None else m.group(1)[-3:]
            if looks_like_name(name) is not None:
                out.append(Span(m.end(1) - len(name), m.end(1), self.SCORE_WITH_LEAD, "name with a family relation"))
        return out
