"""Unified social credit codes (GB 32100-2015), validated by check char. An organisation
identifier: not personal, including individual businesses' ``92...`` codes, which are public
registry identifiers (the operator's name and ID number beside them are personal)."""

from __future__ import annotations

from core.identifiers import is_valid_uscc
from privacy.recognizers._base import CellRecognizer, nfkc

_C = "0-9A-HJ-NP-RTUWXY"


class UsccRecognizer(CellRecognizer):
    ENTITY = "USCC"
    PATTERNS = (
        ("uscc", rf"(?<![0-9A-Za-z])[1-9ANY][{_C}]\d{{6}}[{_C}]{{10}}(?![0-9A-Za-z])", 0.3),
        ("uscc_any", rf"(?<![0-9A-Za-z])[{_C}]{{18}}(?![0-9A-Za-z])", 0.05),
    )
    CONTEXT = ("统一社会信用代码", "信用代码", "uscc")
    #: masked codes keep the 18 characters of GB 32100 (a masked 16- or 19-digit card is no code)
    MASKED = (rf"(?=[{_C}*]{{18}}$)[{_C}]{{4,8}}\*{{6,12}}[{_C}]{{2,4}}",)

    def normalise_cell(self, value: str) -> str:
        return nfkc(value).strip().upper()

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_uscc(pattern_text)
