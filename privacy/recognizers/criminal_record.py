"""Criminal records (entity CRIMINAL_RECORD, sensitive when about persons): penalty and court
vocabulary (判处, 有期徒刑, 缓刑, 罚金, 刑事拘留...), offences named ``…罪`` and record words (前科,
服刑, 劳教); punishments of persons under the public-security administration law (行政拘留).
The vocabulary is data (``privacy/vocabulary/values/criminal.yaml``).

Administrative penalties that also apply to organisations (罚款, 责令停产停业, 吊销营业执照) are
not matched here: against a company they are public enforcement information, and the column
classifier labels them only under a name hint in a table about people."""

from __future__ import annotations

import functools
import re

from privacy.recognizers._base import CellMatch, CellRecognizer, nfkc
from privacy.recognizers._terms import TermSet

_OFFENCE = r"[\u4e00-\u9fff]{2,8}罪"
_OFFENCE_CELL = re.compile(rf"(?:犯|涉嫌)?{_OFFENCE}(?:$|[，,、；;（(])")


@functools.cache
def _terms() -> TermSet:
    from privacy.vocabulary import value_terms

    v = value_terms("criminal")
    return TermSet(
        v["criminal"]
        + v["administrative_person"]
        + v["traffic_violations"]
        + v["drugs_of_abuse"]
        + v["drug_treatment"]
        + v["corrections"]
        + v.get("supervision_measures", ())
        + v.get("non_prosecution_conditions", ())
        + v.get("medical_insurance_fraud", ())
        + v.get("driving_licence_measures", ())
    )


@functools.cache
def _whole_cells() -> frozenset[str]:
    """Measures that name an offence of a person only as the whole cell (吊销, 暂扣: inside longer
    text, 吊销营业执照, they may be a company's)."""
    from privacy.vocabulary import value_terms

    return frozenset(value_terms("criminal").get("whole_cells", ()))


#: offences named without 罪 count only in cells this short (categories, not sentences)
SHORT_CELL = 12


@functools.cache
def _short_terms() -> TermSet:
    from privacy.vocabulary import value_terms

    return TermSet(value_terms("criminal")["offences_short"])


@functools.cache
def administrative_terms() -> tuple[str, ...]:
    """Penalties that also apply to organisations (警告, 罚款, 吊销营业执照...)."""
    from privacy.vocabulary import value_terms

    return value_terms("criminal")["administrative_any"]


@functools.cache
def _civil_terms() -> TermSet:
    from privacy.vocabulary import value_terms

    return TermSet(value_terms("criminal")["civil_causes"])


def is_civil_cause(value: str) -> bool:
    """A cause of action of a civil or administrative case (离婚纠纷, 劳动争议, 行政许可):
    a dispute between parties, naming no offence or punishment (``civil_causes`` of the vocabulary)."""
    v = nfkc(value).strip()
    return bool(v) and _civil_terms().search(v) and not _names_offence(v)


def _names_offence(v: str) -> bool:
    """A penalty, a measure or an offence (盗窃罪; 盗窃 in a short cell) in a normalised cell."""
    return bool(
        _terms().search(v)
        or _OFFENCE_CELL.match(v)
        or (len(v) <= SHORT_CELL and _short_terms().search(v))
        or v in _whole_cells()
    )


class CriminalRecordRecognizer(CellRecognizer):
    ENTITY = "CRIMINAL_RECORD"
    CONTEXT = ("刑事", "处罚", "犯罪", "判决")

    def text_patterns(self) -> tuple[tuple[str, str, float], ...]:
        alternation = "|".join(re.escape(t) for t in sorted(_terms().terms, key=len, reverse=True))
        return (
            ("penalty", rf"(?:{alternation})", 0.5),
            ("offence", rf"(?:犯|涉嫌|以|构成){_OFFENCE}", 0.7),
            ("sentence", r"(?:判处|判)(?:有期徒刑|拘役|管制)[一二三四五六七八九十百零两\d]+(?:年|个月|日)", 0.9),
        )

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = nfkc(value).strip()
        if not v or len(v) > 60 or not re.search(r"[\u4e00-\u9fff]", v):
            return None
        return "valid" if _names_offence(v) else None
