"""What the values of a column say about the row's person, whatever the column is called
(read by :mod:`privacy.classification` once the table is known to be about people):

* :func:`exam_results`: the outcome of a laboratory test or a screening (阴性, 阳性, 弱阳性,
  未检出...). A test result is health information of the person tested (GB/T 35273-2020 Annex B,
  个人健康生理信息: 检验检查结果); these words come from no other business, so the values decide
  under an opaque or unrelated name (``字段7``, ``sc_jg`` read as 籍贯).
* :func:`name_lists`: lists of persons' names (张三、李四、王五: the members of a committee, the
  experts of an evaluation, the members of a household): each part is a natural person's name
  (GB/T 35273-2020 Annex A, 个人基本资料), however the column is called.
* :func:`venue_of_stay`: organisation names (hotels, internet cafés) under a name that says
  where a person stayed or went (旅馆名称, hotel name): in a table about people the venue is the
  person's lodging or whereabouts (Annex B, 住宿信息 / 行踪轨迹), not an organisation's record.
* :func:`court_case_numbers`: numbers of court cases in the form fixed by 最高人民法院《关于人民法院
  案件案号的若干规定》(2015): （收案年度）+ 法院代字 + 类型代字 + 案件编号 + 号 ((2024)浙0102民初1234号,
  (2023)最高法刑终5号). In a table about people each names the row's person's case, which the
  courts' public registers (裁判文书网, 执行信息公开网) link to the party's name: an identifier of
  the person (PIPL Art. 4), whatever the column is called (caseCode, 执行依据文号, zd04).
* :func:`venue_of_person`: venues repeated over many rows (each shared by many persons) that are
  lodgings, internet cafés (``values/venues.yaml``): where each row's person stayed or went online
  (Annex B 住宿信息 / 行踪轨迹), or places of worship: the person's religious belief (PIPL Art. 28),
  whatever the column is called (site_name, mosque, col_5), unless the name says employer.

Thresholds are data: ``person_content`` of ``privacy/levels.yaml``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from privacy.profile import ColumnProfile

__all__ = ["court_case_numbers", "exam_results", "name_lists", "venue_of_person", "venue_of_stay"]


@functools.cache
def _rules() -> dict[str, Any]:
    from privacy.vocabulary import default_levels

    return dict(default_levels().get("person_content") or {})


@functools.cache
def _results() -> tuple[frozenset[str], frozenset[str]]:
    """(every result word, the polar ones only a test gives) of ``values/medical.yaml``."""
    from privacy.recognizers._base import nfkc
    from privacy.vocabulary import value_terms

    v = value_terms("medical")
    return frozenset(nfkc(t) for t in v["results"]), frozenset(nfkc(t) for t in v["polar_results"])


@functools.cache
def _neutral() -> frozenset[str]:
    from privacy.vocabulary import value_terms

    return frozenset(value_terms("neutral")["neutral"])


def exam_results(c: ColumnProfile) -> bool:
    """Most (``exam_results_min_share``) of the column's non-null-like values are test results,
    and enough of them (``polar_results_min_share``) are results only a test gives (阴性/阳性,
    not 正常/异常, which also describe equipment or accounts)."""
    from privacy.recognizers._base import nfkc

    rule = _rules()
    results, polar = _results()
    neutral = _neutral()
    base = sum(k for v, k in c.counts.items() if v not in neutral)
    if base < 3:
        return False
    norm = [(nfkc(v).strip(), k) for v, k in c.counts.items() if v not in neutral]
    hits = sum(k for v, k in norm if v in results)
    polar_hits = sum(k for v, k in norm if v in polar)
    return (
        hits >= float(rule.get("exam_results_min_share", 0.8)) * base
        and polar_hits >= float(rule.get("polar_results_min_share", 0.5)) * base
    )


_SEPARATORS = re.compile(r"[、，,；;/|\s]+")


def name_lists(c: ColumnProfile) -> bool:
    """``name_lists_min_share`` of the sampled values list two or more parts, of which
    ``name_parts_min_share`` are shaped like Chinese names (a surname of the vocabulary and a one-
    or two-character given name)."""
    from privacy.recognizers.person_name import looks_like_name

    rule = _rules()
    part_share = float(rule.get("name_parts_min_share", 0.8))
    lists = 0
    for v, k in c.counts.items():
        parts = [p for p in _SEPARATORS.split(v.strip()) if p]
        if len(parts) >= 2 and sum(looks_like_name(p) is not None for p in parts) >= part_share * len(parts):
            lists += k
    return c.n >= 3 and lists >= float(rule.get("name_lists_min_share", 0.5)) * c.n


def venue_of_stay(c: ColumnProfile) -> bool:
    """Organisation names under a name hinting a person's lodging or whereabouts."""
    hint = c.hint
    return c.entity == "ORG_NAME" and hint is not None and hint.entity == "PRECISE_LOCATION"


@functools.cache
def _venues() -> dict[str, Any]:
    from privacy.recognizers._terms import TermSet
    from privacy.vocabulary import value_terms

    v = value_terms("venues")
    return {
        "PRECISE_LOCATION": TermSet(v["lodging"] + v["internet_venues"]),
        "RELIGION": TermSet(v["worship"] + v["worship_names"]),
        "employer": TermSet(v["employer_words"]),
    }


def venue_of_person(c: ColumnProfile) -> str | None:
    """The entity of repeated venues of persons (``venue_*`` of ``person_content``): PRECISE_LOCATION
    for lodgings and internet cafés, RELIGION for places of worship; None otherwise."""
    rules, venues = _rules(), _venues()
    if c.entity not in (None, "ORG_NAME") or c.n < int(rules.get("venue_min_rows", 20)) or c.cjk_share < 0.5:
        return None
    read = " ".join([c.name, *(t.term for t in c.info.terms)])  # gzdw read as 工作单位
    if c.distinct_ratio > float(rules.get("venue_max_distinct_ratio", 0.2)) or venues["employer"].search(read):
        return None
    need = float(rules.get("venue_min_share", 0.7)) * c.n
    for entity in ("RELIGION", "PRECISE_LOCATION"):
        if sum(k for v, k in c.counts.items() if venues[entity].search(v)) >= need:
            return entity
    return None


#: （收案年度）法院代字 类型代字 案件编号 号 (最高人民法院 2015 案号规定; half- or full-width brackets)
_CASE_NUMBER = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*[）)]\s*[\u4e00-\u9fff]{1,3}\d{0,4}[\u4e00-\u9fff]{1,5}\d{1,6}号")


def court_case_numbers(c: ColumnProfile) -> bool:
    """``court_case_min_share`` of the sampled values are court case numbers (see the module)."""
    share = float(_rules().get("court_case_min_share", 0.8))
    hits = sum(k for v, k in c.counts.items() if _CASE_NUMBER.fullmatch(v.strip()))
    return c.n > 0 and hits >= share * c.n
