"""Passports and permits (entity PASSPORT, an identity document):

* PRC passports: ``E`` + 8 digits, ``E`` + letter + 7 digits (since 2017), older ``G`` + 8
  digits, service/diplomatic ``D/S/P`` (``DE``/``SE``/``PE``) + 7 digits;
* mainland residents' permits for Hong Kong/Macao (``C`` + 8 digits or ``C`` + letter + 7
  digits; older ``W`` + 8 digits) and for Taiwan (``L`` + 8 digits; older ``T`` + 8 digits);
* Hong Kong/Macao residents' home-return permits (``H``/``M`` + 8 or 10 digits);
* the second line of an ICAO 9303 machine-readable zone (document number, birth date and
  expiry with their check digits, weights 7-3-1): validated by the check digits;
* under a passport/permit name hint only: foreign document numbers (6-9 letters and digits,
  e.g. ``TK1234567``, ``C01X00T47``) and Taiwan residents' permits (8 or 10 digits).

No check digit exists in the bare numbers, so content alone is moderate evidence (score 0.4,
raised by a context word such as 护照 before it); runs of one digit are never documents.
"""

from __future__ import annotations

import re

from privacy.recognizers._base import CellRecognizer, nfkc

_SAME = re.compile(r"^(.)\1+$")
_L = "A-HJ-NP-Z"
_CN_DOCS = (
    rf"E[0-9{_L}]\d{{7}}|[EG]\d{{8}}|[DSP]E?\d{{7}}"  # passports
    rf"|C[0-9{_L}]\d{{7}}|W\d{{8}}"  # Hong Kong / Macao permits (mainland residents)
    r"|[LT]\d{8}"  # Taiwan permits (mainland residents)
    r"|[HM]\d{8}(?:\d{2})?"  # home-return permits
)
_MRZ2 = r"[A-Z0-9<]{9}\d[A-Z<]{3}\d{6}\d[MF<]\d{6}\d[A-Z0-9<]{14}[\d<]\d"
_MRZ_WEIGHTS = (7, 3, 1)


def _mrz_value(c: str) -> int:
    if c.isdigit():
        return int(c)
    if c == "<":
        return 0
    return ord(c) - 55  # A=10


def mrz_check(field: str, digit: str) -> bool:
    """ICAO 9303 check digit of ``field``."""
    total = sum(_mrz_value(c) * _MRZ_WEIGHTS[i % 3] for i, c in enumerate(field))
    return digit.isdigit() and total % 10 == int(digit)


class PassportRecognizer(CellRecognizer):
    ENTITY = "PASSPORT"
    PATTERNS = (
        ("cn_travel_document", rf"(?<![0-9A-Za-z])(?:{_CN_DOCS})(?![0-9A-Za-z])", 0.4),
        ("mrz_line2", rf"(?<![A-Z0-9<]){_MRZ2}(?![A-Z0-9<])", 0.5),
    )
    CELL_PATTERNS = (_CN_DOCS, _MRZ2)
    HINTED_PATTERNS = (r"(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,9}", r"\d{8}|\d{10}[A-Z]?", r"\d{9}")
    CONTEXT = ("护照", "passport", "通行证", "台胞证", "回乡证", "证件号")
    MASKED = (
        r"[A-Z]{1,2}[0-9A-Z]?\*{3,7}\d{1,4}",
        r"[A-Z]\*{5,7}\d{1,3}",
    )

    def normalise_cell(self, value: str) -> str:
        return re.sub(r"[\s\-]", "", nfkc(value).strip().upper())

    def invalidate_result(self, pattern_text: str) -> bool:
        v = nfkc(pattern_text).upper()
        digits = re.sub(r"\D", "", v[:9])
        return bool(digits) and bool(_SAME.match(digits)) and len(digits) >= 6

    def validate_result(self, pattern_text: str) -> bool | None:
        v = nfkc(pattern_text).upper()
        if len(v) == 44 and "<" in v:  # MRZ line 2: all four check digits must hold
            return (
                mrz_check(v[0:9], v[9])
                and mrz_check(v[13:19], v[19])
                and mrz_check(v[21:27], v[27])
                and mrz_check(v[0:10] + v[13:20] + v[21:43], v[43])
            )
        return None
