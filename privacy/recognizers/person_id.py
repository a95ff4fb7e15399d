"""Internal numbers of persons (entity PERSON_ID, personal): student, patient, member, customer
and case-person numbers a department gives the people in its records.

Nothing in such a number says whose it is (``2025449844`` is a student number in one table and a
batch number in another), so a whole cell counts only when the column name says so
(``NEEDS_HINT``); the column classifier also labels PERSON_ID the codes it has shown to key
persons (a people-key name in a table about people, codes that follow one person's ID number
row by row, court case numbers: :mod:`privacy.classification`). In free text, a code after a
word naming such a number (学号：2025…, 病案号 A123…: ``lead_words`` of
``privacy/vocabulary/values/person_ids.yaml``) is that person's number.
"""

from __future__ import annotations

import functools
import re

from privacy.recognizers._base import CellMatch, CellRecognizer

#: a code of letters and digits (optionally grouped by - or _), no run of more than six letters
#: (a word), at least four digits, at most 32 characters: student, patient, member, meter-account
#: and case-person numbers (2025449844, 4301JZ1000238, ZY-2024-000123)
_CODE = (
    r"(?=[A-Za-z0-9_-]{4,32}(?![A-Za-z0-9]))(?!\S*[A-Za-z]{7})(?=(?:[^\d\s]*\d){4})[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*"
)


#: dates and months written with separators or month names (1964-05, 2024/3/1, 17-JAN-1990): not codes
_DATE_LIKE = re.compile(
    r"(?i)(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{1,2})?"
    r"|\d{1,2}[-/ ]?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/ ]?\d{2,4}"
)


@functools.cache
def lead_words() -> tuple[str, ...]:
    from privacy.vocabulary import value_terms

    return value_terms("person_ids")["lead_words"]


class PersonIdRecognizer(CellRecognizer):
    ENTITY = "PERSON_ID"
    NEEDS_HINT = True
    MASKED = (r"[A-Za-z0-9]{1,8}\*{2,}[A-Za-z0-9]{0,8}",)

    def cell_patterns(self) -> tuple[str, ...]:
        return (_CODE,)

    def text_patterns(self) -> tuple[tuple[str, str, float], ...]:
        words = "|".join(re.escape(w) for w in sorted(lead_words(), key=len, reverse=True))
        # the lead word, a separator, then a code of at least four digits (not the word alone)
        return (("person_number", rf"(?:{words})(?:为|是|：|:|\s){{0,3}}{_CODE}", 0.6),)

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        if _DATE_LIKE.fullmatch(value.strip()):
            return None  # a date or a month, whatever the name says
        return super().match_cell(value, hinted)
