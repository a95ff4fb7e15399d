"""Mainland landlines (``0571-88888888``, ``(010)12345678``, extensions) and 400/800 service
numbers; validated with ``phonenumbers`` (region CN, offline metadata). Entity: PHONE_NUMBER.

Landlines and service numbers mostly belong to organisations (switchboards, hotlines); the
column classifier treats them as personal only in tables about people."""

from __future__ import annotations

import re

from core.identifiers import strip_separators
from privacy.recognizers._base import CellRecognizer, nfkc

_SERVICE = re.compile(r"[48]00\d{7}")


def is_service_number(value: str) -> bool:
    """400/800 hotline numbers: always an organisation's."""
    return bool(_SERVICE.fullmatch(strip_separators(nfkc(value).strip())))


class CnLandlineRecognizer(CellRecognizer):
    ENTITY = "PHONE_NUMBER"
    PATTERNS = (
        (
            "landline",
            r"(?<![0-9])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[ \-]?)[2-9]\d{6,7}(?:[\-转#]\d{1,5})?(?![0-9])",
            0.3,
        ),
        ("service", r"(?<![0-9])[48]00[ \-]?\d{3}[ \-]?\d{4}(?![0-9])", 0.3),
    )
    CELL_PATTERNS = (r"0\d{2,3}[2-9]\d{6,7}", r"[48]00\d{7}")
    CONTEXT = ("电话", "座机", "热线", "tel")
    MASKED = (r"0\d{2,3}\*{3,4}\d{3,4}",)

    def normalise_cell(self, value: str) -> str:
        v = nfkc(value).strip()
        if len(v) > 13:
            v = re.sub(r"(?:[\-转#]|ext\.?)\d{1,5}$", "", v)
        return strip_separators(v).replace("(", "").replace(")", "").replace("（", "").replace("）", "")

    def validate_result(self, pattern_text: str) -> bool:
        import phonenumbers

        v = self.normalise_cell(pattern_text)
        if _SERVICE.fullmatch(v):
            return True
        try:
            num = phonenumbers.parse(v, "CN")
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in (
            phonenumbers.PhoneNumberType.FIXED_LINE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
