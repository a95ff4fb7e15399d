"""Mainland mobile numbers: ``1[3-9]`` + 9 digits, optionally ``+86``/``0086``/``86`` and
spaces or dashes (``+86 138-1234-5678``); also numbers stored as integers. Validated against
the allocated ranges in ``phonenumbers``' CN metadata (offline), which changes as ranges are
allocated. Entity: PHONE_NUMBER."""

from __future__ import annotations

import functools
import re

import phonenumbers

from privacy.recognizers._base import ZhPatternRecognizer, strip_separators


@functools.cache
def mobile_regex() -> re.Pattern[str]:
    """phonenumbers' CN mobile national-number pattern (RE2-compatible: no look-arounds)."""
    pattern = phonenumbers.PhoneMetadata.metadata_for_region("CN").mobile.national_number_pattern
    return re.compile(f"(?:{pattern})")


def national_mobile(value: str) -> str:
    """Strip separators and a +86/0086/86 prefix."""
    v = strip_separators(value.strip())
    if v.startswith("+86"):
        v = v[3:]
    elif v.startswith("0086"):
        v = v[4:]
    elif v.startswith("86") and len(v) == 13:
        v = v[2:]
    return v


class CnMobileRecognizer(ZhPatternRecognizer):
    ENTITY = "PHONE_NUMBER"
    PATTERNS = (
        ("cn_mobile",
         r"(?<![0-9])(?:(?:\+|00)?86[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?![0-9])", 0.4),
    )
    CELL_PATTERNS = (r"1[3-9]\d{9}",)
    CONTEXT = ("手机", "电话", "联系方式", "mobile", "phone")
    MASKED = (r"1[3-9]\d\*{4}\d{4}", r"1[3-9]\d{5}\*{4}", r"1[3-9]\*{5,7}\d{2,4}")

    def normalise_cell(self, value: str) -> str:
        v = value.strip()
        if v.endswith(".0"):  # integers that went through a float column
            v = v[:-2]
        return national_mobile(v)

    def validate_result(self, pattern_text: str) -> bool:
        return bool(mobile_regex().fullmatch(national_mobile(pattern_text)))
