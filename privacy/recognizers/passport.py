"""Passports of the PRC: ``E`` + 8 digits, ``E`` + letter + 7 digits (since 2017), older ``G``
+ 8 digits, and service/diplomatic ``D/S/P`` numbers. No check digit exists, so the content
alone is weak evidence (score 0.4); ``invalidate_result`` drops runs of one digit."""

from __future__ import annotations

import re

from privacy.recognizers._base import ZhPatternRecognizer

_SAME = re.compile(r"^(.)\1+$")


class PassportRecognizer(ZhPatternRecognizer):
    ENTITY = "PASSPORT"
    PATTERNS = (
        ("cn_passport", r"(?<![0-9A-Za-z])(?:E[0-9A-HJ-NP-Z]\d{7}|[EG]\d{8}|[DSP]E?\d{7})(?![0-9A-Za-z])", 0.4),
    )
    CONTEXT = ("护照", "passport", "护照号")
    MASKED = (r"[EGDSP][0-9A-Z]\*{4,6}\d{2,3}", r"[EGDSP]\*{5,7}\d{1,3}")

    def normalise_cell(self, value: str) -> str:
        return value.strip().upper()

    def invalidate_result(self, pattern_text: str) -> bool:
        return bool(_SAME.match(pattern_text[-7:]))

    def validate_result(self, pattern_text: str) -> bool | None:
        return False if self.invalidate_result(pattern_text) else None
