"""Credit cards of international brands (Visa, Mastercard, American Express, JCB, Diners),
Luhn check. UnionPay (``62``) numbers are reported as BANK_CARD instead."""

from __future__ import annotations

from core.identifiers import luhn_ok, strip_separators
from privacy.recognizers._base import CellRecognizer, nfkc

_BRANDS = r"(?:4\d{3}|5[1-5]\d{2}|2[2-7]\d{2}|35\d{2})"


class CreditCardRecognizer(CellRecognizer):
    ENTITY = "CREDIT_CARD"
    PATTERNS = (
        ("brand16", rf"(?<![0-9]){_BRANDS}(?:[ \-]?\d{{4}}){{3}}(?![0-9])", 0.3),
        ("amex", r"(?<![0-9])3[47]\d{2}[ \-]?\d{6}[ \-]?\d{5}(?![0-9])", 0.3),
        ("diners", r"(?<![0-9])3(?:0[0-5]|[68]\d)\d[ \-]?\d{6}[ \-]?\d{4}(?![0-9])", 0.2),
    )
    CELL_PATTERNS = (rf"{_BRANDS}\d{{12}}", r"3[47]\d{13}", r"3(?:0[0-5]|[68]\d)\d{11}")
    CONTEXT = ("信用卡", "credit card", "卡号")
    MASKED = (r"[2-5]\d{3,5}\*{5,9}\d{4}",)

    def normalise_cell(self, value: str) -> str:
        return strip_separators(nfkc(value).strip())

    def validate_result(self, pattern_text: str) -> bool:
        return luhn_ok(strip_separators(pattern_text))
