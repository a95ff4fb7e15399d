"""Resident ID numbers (GB 11643-1999): 18 digits with check char, legacy 15 digits.

Validation (``validate_result``): check char, a real past birth date, a known GB/T 2260
region code (historical codes included) -- all from :mod:`core.identifiers`.
Driving-licence and social-security numbers are the same number and are found here too, and so
is the second-generation disability certificate number (the ID number + category + grade digits).
"""

from __future__ import annotations

from core.identifiers import is_valid_resident_id, strip_separators
from privacy.recognizers._base import CellMatch, CellRecognizer, nfkc

_DATE8 = r"(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_DATE6 = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"


#: 第二代残疾人证 (China Disabled Persons' Federation, 2008; categories and grades of GB/T 26341-2010):
#: the certificate number is the holder's resident ID number, then the category digit (1 vision,
#: 2 hearing, 3 speech, 4 physical, 5 intellectual, 6 mental, 7 multiple) and the grade digit (1-4)
DISABILITY_CATEGORIES = "1234567"
DISABILITY_GRADES = "1234"


class CnResidentIdRecognizer(CellRecognizer):
    ENTITY = "CN_RESIDENT_ID"
    PATTERNS = (
        ("id18", rf"(?<![0-9A-Za-z])[1-9]\d{{5}}{_DATE8}\d{{3}}[0-9Xx](?![0-9A-Za-z])", 0.3),
        ("id15", rf"(?<![0-9A-Za-z])[1-9]\d{{5}}{_DATE6}\d{{3}}(?![0-9A-Za-z])", 0.1),
    )
    CONTEXT = ("身份证", "公民身份号码", "证件号码", "身份证号")
    MASKED = (
        r"[1-9]\d{5}[*xX]{8}\d{3}[0-9Xx*]",  # 110105********002X
        r"[1-9]\d{2,5}\*{6,11}[0-9Xx*]{1,4}",  # 1101**********002X, 110***...
        r"[1-9]\d{5}\d{4}\*{4}\d{3}[0-9Xx*]|[1-9]\d{5}\d{4}\*{8}",
    )

    def normalise_cell(self, value: str) -> str:
        return strip_separators(nfkc(value).strip()).upper()

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = self.normalise_cell(value)
        if v.startswith("G") and len(v) == 19:  # national student number: G + the ID number
            v = v[1:]
        if len(v) == 20 and v[18] in DISABILITY_CATEGORIES and v[19] in DISABILITY_GRADES:
            v = v[:18]  # second-generation disability certificate: the ID number + category + grade
        if len(v) not in (15, 18):
            return None
        return super().match_cell(v, hinted)

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_resident_id(pattern_text.upper())
