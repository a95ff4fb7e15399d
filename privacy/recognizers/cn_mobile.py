"""Mainland mobile numbers: ``1[3-9]`` + 9 digits, optionally ``+86``/``0086``/``86`` and
spaces or dashes (``+86 138-1234-5678``); also numbers stored as integers. Validated against
the allocated ranges in ``phonenumbers``' CN metadata (offline), which changes as ranges are
allocated. Entity: PHONE_NUMBER."""

from __future__ import annotations

from core.identifiers import mobile_regex, national_mobile
from privacy.recognizers._base import CellRecognizer, nfkc


class CnMobileRecognizer(CellRecognizer):
    ENTITY = "PHONE_NUMBER"
    PATTERNS = (("cn_mobile", r"(?<![0-9])(?:(?:\+|00)?86[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?![0-9])", 0.4),)
    CELL_PATTERNS = (r"1[3-9]\d{9}",)
    CONTEXT = ("手机", "电话", "联系方式", "mobile", "phone")
    MASKED = (r"1[3-9]\d\*{4}\d{4}", r"1[3-9]\d{5}\*{4}", r"1[3-9]\*{5,7}\d{2,4}")

    def normalise_cell(self, value: str) -> str:
        v = nfkc(value).strip()
        if v.endswith(".0"):  # integers that went through a float column
            v = v[:-2]
        return national_mobile(v)

    def validate_result(self, pattern_text: str) -> bool:
        return bool(mobile_regex().fullmatch(national_mobile(pattern_text)))
