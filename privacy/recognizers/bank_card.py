"""Bank cards issued in China: UnionPay BIN ``62`` + 14-17 digits (16-19 in all), Luhn check.

Written with spaces or dashes in groups of four too. Luhn-valid numbers of the big
international brands are :mod:`privacy.recognizers.credit_card`'s.
"""

from __future__ import annotations

from core.identifiers import luhn_ok, strip_separators
from privacy.recognizers._base import CellRecognizer, nfkc


class BankCardRecognizer(CellRecognizer):
    ENTITY = "BANK_CARD"
    PATTERNS = (
        ("unionpay", r"(?<![0-9A-Za-z])62\d{14,17}(?![0-9A-Za-z])", 0.3),
        ("unionpay_grouped", r"(?<![0-9A-Za-z])62\d{2}(?:[ \-]\d{4}){3}(?:[ \-]?\d{1,3})?(?![0-9A-Za-z])", 0.3),
    )
    CELL_PATTERNS = (r"62\d{14,17}",)
    CONTEXT = ("银行卡", "卡号", "账号", "开户")
    MASKED = (r"6\d{3,5}\*{6,11}\d{4}", r"62\d{2}\*{8,12}\d{3,4}")

    def normalise_cell(self, value: str) -> str:
        return strip_separators(nfkc(value).strip())

    def validate_result(self, pattern_text: str) -> bool:
        digits = strip_separators(pattern_text)
        return 16 <= len(digits) <= 19 and luhn_ok(digits)
