"""Dates of birth. A bare date is not evidence of a birth date (registration dates, zip codes
and year codes fool classifiers that think so), so in free text only dates introduced by a
birth word (出生, 生日, 生于, DOB...) score high, and in a column a date needs a column-name
hint (``NEEDS_HINT``). ``validate_result`` accepts real dates between 1900 and today."""

from __future__ import annotations

import datetime as dt
import re

from privacy.recognizers._base import CellRecognizer, nfkc

_DATE = (
    r"(?:19|20)\d{2}(?:[\-/.]\d{1,2}[\-/.]\d{1,2}|年\d{1,2}月\d{1,2}日?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?|\s*\d{1,2}时(?:\d{1,2}分(?:\d{1,2}秒)?)?)?"
)
_BIRTH_WORD = re.compile(r"出生|生日|生于|DOB|[Bb]irth")
# a year, then a month and a day either both written with separators or both two digits long,
# or a year and a month alone ("1962.12", "1962年12月", "196212"; these were read as 1962-01-02)
_PARTS = re.compile(r"((?:19|20)\d{2})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?|(\d{2})(\d{2})?)(?![\d.\-/])")


def parse_date(value: str) -> dt.date | None:
    """The date in ``1990-01-02`` / ``1990/1/2`` / ``19900102`` / ``1990年1月2日``; a year and
    a month alone (``1990.12``, ``1990年12月``, ``199012``) give the month's first day; else None."""
    m = _PARTS.search(nfkc(value).strip())
    if not m:
        return None
    month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
    try:
        return dt.date(int(m.group(1)), int(month), int(day or 1))
    except ValueError:
        return None


class DateOfBirthRecognizer(CellRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    NEEDS_HINT = True
    PATTERNS = (
        (
            "dob_in_context",
            rf"(?:出生(?:日期|年月日|年月|于)?|生日|生于|DOB|[Bb]irth(?:day| ?date)?)[：:\s为是]{{0,3}}{_DATE}",
            0.7,
        ),
        ("date", rf"(?<![0-9]){_DATE}(?![0-9])", 0.05),
    )
    CELL_PATTERNS = (_DATE,)
    CONTEXT = ("出生", "生日", "birth")
    MASKED = (
        r"(?:19|20)\d{2}[\-/.年]\*{1,2}[\-/.月]\*{1,2}日?",
        r"(?:19|20)\d{2}\*{4}",
        r"\*{4}[\-/.]\d{2}[\-/.]\d{2}",
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        """False for impossible dates; True (score 1.0) only for a date introduced by a birth
        word; None (keep the low score) for a bare date."""
        d = parse_date(re.sub(r"^\D+", "", pattern_text))
        if d is None or not dt.date(1900, 1, 1) <= d <= dt.date.today():
            return False
        return True if _BIRTH_WORD.match(pattern_text) else None
