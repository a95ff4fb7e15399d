"""Organisation names (entity ORG_NAME, not personal): Chinese names ending in an organisation
suffix (公司, 局, 医院, 学校, 银行, 委员会...), English names ending in ``Co., Ltd.``, ``Hospital``...
:func:`is_place_name` recognises names of public places (bus stops, parks, stations) -- also not
personal, and a sign that coordinates or phone numbers in the same table describe places rather
than people. Suffixes are data (``privacy/vocabulary/values/organisations.yaml``)."""

from __future__ import annotations

import functools
import re

from privacy.recognizers._base import CellMatch, CellRecognizer, nfkc
from privacy.recognizers._terms import TermSet

_BRANCH = re.compile(r"[（(][\u4e00-\u9fff0-9A-Za-z]{1,12}[)）]$")
_CHARS = re.compile(r"^[\u4e00-\u9fff（）()A-Za-z0-9·&\-]+$")
_EN_ORG = re.compile(
    r"[A-Za-z0-9&.,' \-]{2,60}\b(?:Co\.?,? ?Ltd\.?|Ltd\.?|Inc\.?|LLC|Corp\.?|Corporation|Company|Group|"
    r"Bank|Hospital|University|College|School|Institute|Bureau|Committee|Association|Center|Centre)"
)


@functools.cache
def _suffixes() -> tuple[TermSet, TermSet]:
    from privacy.vocabulary import value_terms

    v = value_terms("organisations")
    return TermSet(v["org_suffixes"] + v.get("township_offices", ())), TermSet(v["place_suffixes"])


@functools.cache
def _group_suffixes() -> TermSet:
    from privacy.vocabulary import value_terms

    return TermSet(value_terms("organisations")["division_groups"])


_GROUP_NUMBER = re.compile(r"(?:第)?[0-9一二三四五六七八九十百]+$")


def is_division_group(v: str) -> bool:
    """A numbered group of a village or community (某某村3组, 某某社区第十一居民小组): the level
    below a village (``division_groups`` of the organisations vocabulary), a region."""
    v = nfkc(v).strip()
    suffix = _group_suffixes().suffix_of(v)
    if suffix is None:
        return False
    head = _GROUP_NUMBER.sub("", v[: -len(suffix)])
    return head != v[: -len(suffix)] and len(head) >= 2 and _ends_with(head, _suffixes()[1], 1)


def _name_char(ch: str) -> bool:
    from privacy.recognizers.person_name import is_given_name_char

    return is_given_name_char(ch)


def _ends_with(value: str, terms: TermSet, min_before: int) -> bool:
    """The name ends in a suffix, with enough before it: a one-character suffix (店, 馆, 区)
    needs three characters before it, so a person's name is never taken for a shop."""
    v = _BRANCH.sub("", nfkc(value).strip())
    if not v or len(v) > 50 or not _CHARS.match(v):
        return False
    suffix = terms.suffix_of(v)
    if suffix is None:
        return False
    if len(suffix) == 1 and _name_char(suffix):  # 建社, 王行: could end a person's name
        return len(v) - 1 >= max(min_before, 3)
    return len(v) - len(suffix) >= min_before


def is_org_name(value: str) -> bool:
    """The value ends in an organisation suffix (公司, 医院, 管理部...) or is an English company name."""
    return _ends_with(value, _suffixes()[0], 2) or bool(_EN_ORG.fullmatch(nfkc(value).strip()))


_LIST = re.compile(r"\s*[、，,；;]\s*")


def is_place_name(value: str) -> bool:
    """A place or division (西湖区, 某某公园, 某某村3组), or a list of them (利州区、金堂县: the
    areas a warning or a service covers)."""
    v = nfkc(value).strip()
    parts = _LIST.split(v)
    if len(parts) > 1:
        return all(p and _one_place(p) for p in parts)
    return _one_place(v)


def _one_place(v: str) -> bool:
    if 2 <= len(v) <= 4 and v[-1] in "区县市旗盟州省镇乡村":  # names of divisions (西湖区, 桐乡市)
        return True
    return _ends_with(v, _suffixes()[1], 1) or is_division_group(v)


#: the type word a division's name ends in (GB/T 2260: 宜宾市, 甘孜藏族自治州, 阿鲁科尔沁旗)
_DIVISION_TYPE = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}?族)*自治(?:区|州|县|旗)$|(?:特别行政区|地区|林区|市|县|区|盟|旗|州|省)$"
)


@functools.cache
def _division_stems() -> frozenset[str]:
    """Names of GB/T 2260 divisions without their type word (宜宾, 甘孜, 峨眉山), as stations,
    offices and weather reports call places."""
    from core.identifiers import division_codes

    stems = set()
    for name in division_codes().values():
        for part in name.split(","):
            stem = _DIVISION_TYPE.sub("", part.strip())
            if len(stem) >= 2 and stem != part.strip():
                stems.add(stem)
    return frozenset(stems)


def is_division_stem(value: str) -> bool:
    """The value is a division's name without its type word (宜宾 for 宜宾市): a place."""
    return nfkc(value).strip() in _division_stems()


class OrgNameRecognizer(CellRecognizer):
    ENTITY = "ORG_NAME"
    CONTEXT = ("单位", "机构", "企业", "名称")

    def text_patterns(self) -> tuple[tuple[str, str, float], ...]:
        alternation = "|".join(re.escape(t) for t in sorted(_suffixes()[0].terms, key=len, reverse=True))
        return (("org_name", rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{alternation})", 0.4),)

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        if is_org_name(value):
            return "valid"
        return None
