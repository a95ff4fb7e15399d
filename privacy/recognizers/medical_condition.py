"""Medical and health information (entity MEDICAL_CONDITION, sensitive).

The vocabulary is data (``privacy/vocabulary/values/medical.yaml``, sources cited): diseases,
symptoms, allergies, drugs, examinations, disability categories; words ending like a diagnosis
(``…病``, ``…炎``, ``…癌``, ``…综合征``) or like a drug (``…霉素``, ``…沙星``, ``…胶囊``); lab values
with clinical units (``7.8 mmol/L``); and ICD-10 codes (``[A-TV-Z]\\d{2}(\\.\\d+)?``; ``U`` is
reserved), with the Chinese clinical extensions (``I10.x00x002``). A bare three-character
category (``E11``) and exam-result words (阳性, 阴性, 未见异常) count only under a health name
hint; in free text an ICD code needs a lead word (诊断编码…).
"""

from __future__ import annotations

import functools
import re

from privacy.recognizers._base import CellMatch, CellRecognizer, nfkc
from privacy.recognizers._terms import TermSet

ICD10 = r"[A-TV-Z]\d{2}(?:\.[0-9xX]{1,4}(?:[xX+]\d{3})?)?"
_ICD_FULL = re.compile(r"[A-TV-Z]\d{2}\.[0-9xX]{1,4}(?:[xX+]\d{3})?(?:\s*[\u4e00-\u9fff（）()、，,0-9A-Za-z]{1,30})?")
_ICD_BARE = re.compile(r"[A-TV-Z]\d{2}(?:\s*[\u4e00-\u9fff]{2,30})?")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    from privacy.vocabulary import value_terms

    return value_terms("medical")


@functools.cache
def _sets() -> dict[str, TermSet]:
    v = vocabulary()
    return {
        "terms": TermSet(
            v["diseases"]
            + v["symptoms"]
            + v["allergies"]
            + v["drugs"]
            + v["exams"]
            + v["disability"]
            + v["care_needs"]
            + v["health_states"]
            + v["departments"]
            + v["case_classes"]
            + v["rehabilitation"]
            + v["mental_health"]
            + v["premarital_and_prenatal"]
            + v.get("severe_mental_followup", ())
            + v.get("transmission_routes", ())
            + v.get("injury_degrees", ())
            + v.get("disability_causes", ())
            + v.get("lab_items", ())
        ),
        "abbreviations": TermSet(a.replace("_", "-") for a in v.get("whole_abbreviations", ())),
        "whole": TermSet(v["whole_values"]),
        "suffixes": TermSet([s for s in v["suffixes"] + v["drug_suffixes"]]),
        "not": TermSet(v["not_conditions"]),
        "results": TermSet(v["results"]),
        "units": TermSet(v["lab_units"]),
    }


def _cjk_run_before(text: str, end: int) -> int:
    """Start of the run of Chinese characters ending at ``end``."""
    i = end
    while i > 0 and _CJK_CHAR.match(text[i - 1]):
        i -= 1
    return i


def medical_terms_in(text: str) -> list[str]:
    """The medical words of ``text``: dictionary terms, and Chinese words ending like a diagnosis
    or a drug (at least one character before a two-character ending, two before a one-character
    one) that are not ordinary words (疾病, 病房, 看病)."""
    s = _sets()
    found = [text[a:b] for a, b in s["terms"].find(text)]
    suffixes, not_words = s["suffixes"], s["not"]
    for k in suffixes.lengths:
        for i in range(len(text) - k + 1):
            if text[i : i + k].lower() not in suffixes.terms:
                continue
            end = i + k
            if end < len(text) and _CJK_CHAR.match(text[end]):
                continue  # the ending must end the word
            start = max(_cjk_run_before(text, i), i - 10)
            if i - start < (1 if k >= 2 else 2):
                continue
            word = text[start:end]
            if not_words.suffix_of(word) is None:
                found.append(word)
    return found


def _lab_value(v: str) -> bool:
    m = re.search(r"\d(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(\S+)$", v)
    return m is not None and (m.group(1) in _sets()["units"] or _sets()["units"].suffix_of(v) is not None)


_BLOOD = re.compile(r"(?i)(?:A|B|O|AB)型\s*(?:Rh\s*D?\s*[阴阳]性|Rh\s*D?\s*[（(]?[+\-][)）]?)?")


_PARTS = re.compile(r"\s*[+＋]\s*|\s*/\s*(?!r\b)")


def _abbreviations(v: str) -> bool:
    """A cell of lab-item or drug abbreviations (``whole_abbreviations``): one (HbA1c, HIV_Ab) or
    several joined by + or / (a treatment regimen TDF+3TC+EFV), every part one of them."""
    abbr = _sets()["abbreviations"]
    if v.replace("_", "-") in abbr:
        return True
    parts = [p for p in _PARTS.split(v.replace("_", "-")) if p]
    return len(parts) >= 2 and all(p in abbr for p in parts)


def _whole_value(v: str) -> bool:
    """A cell that is one outcome, health-status or blood-group value (``whole_values``: matched
    only as the whole cell), or abbreviations of lab items and drugs."""
    return v in _sets()["whole"] or _BLOOD.fullmatch(v) is not None or _abbreviations(v)


class MedicalConditionRecognizer(CellRecognizer):
    ENTITY = "MEDICAL_CONDITION"
    CONTEXT = ("诊断", "病史", "疾病", "病情", "患有", "过敏", "用药", "ICD")
    MASKED = (r"\*{2,}病|[\u4e00-\u9fff]\*{2,}(?:病|症|炎)",)

    def text_patterns(self) -> tuple[tuple[str, str, float], ...]:
        s = _sets()
        terms = "|".join(re.escape(t) for t in sorted(s["terms"].terms, key=len, reverse=True))
        long_suffixes = "|".join(
            re.escape(t) for t in sorted(s["suffixes"].terms, key=len, reverse=True) if len(t) >= 2
        )
        units = "|".join(re.escape(t) for t in sorted(s["units"].terms, key=len, reverse=True))
        return (
            ("medical_term", f"(?i:{terms})", 0.6),
            (
                "diagnosed_as",
                r"(?:患有|确诊为?|诊断为|诊断：|诊断:|罹患|病史[：:]|既往史[：:])[\u4e00-\u9fff]{2,12}",
                0.7,
            ),
            ("diagnosis_shaped", rf"[\u4e00-\u9fff]{{1,10}}(?:{long_suffixes})", 0.4),
            ("lab_value", rf"\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(?i:{units})", 0.6),
            ("icd10_in_context", rf"(?:ICD-?10|诊断编码|疾病编码|诊断代码|ICD编码)[：:\s]{{0,2}}{ICD10}", 0.7),
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        if re.fullmatch(r"[\u4e00-\u9fff]+", pattern_text) and not _sets()["terms"].search(pattern_text):
            return not medical_terms_in(pattern_text)
        return False

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = nfkc(value).strip()
        if not v or len(v) > 80:
            return None
        if _ICD_FULL.fullmatch(v) or (hinted and _ICD_BARE.fullmatch(v)):
            return "valid"
        if medical_terms_in(v) or _lab_value(v) or _whole_value(v):
            return "valid"
        if hinted and v in _sets()["results"]:
            return "valid"
        for rx in self._masked_res:
            if rx.fullmatch(v):
                return "masked"
        return None
