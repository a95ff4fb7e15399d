"""Religious belief (entity RELIGION, sensitive): religions, adherents and stated absence of
belief (无宗教信仰 is religious information too), in Chinese and English. The vocabulary is data
(``privacy/vocabulary/values/religion.yaml``)."""

from __future__ import annotations

import functools
import re

from privacy.recognizers._base import CellMatch, CellRecognizer, nfkc
from privacy.recognizers._terms import TermSet


@functools.cache
def _terms() -> TermSet:
    from privacy.vocabulary import value_terms

    return TermSet(t for group in value_terms("religion").values() for t in group)


class ReligionRecognizer(CellRecognizer):
    ENTITY = "RELIGION"
    CONTEXT = ("宗教", "信仰", "religion")

    def text_patterns(self) -> tuple[tuple[str, str, float], ...]:
        alternation = "(?i:" + "|".join(re.escape(t) for t in sorted(_terms().terms, key=len, reverse=True)) + ")"
        return (
            ("religion", alternation, 0.5),
            ("religion_stated", rf"(?:信仰|信奉|皈依|宗教信仰[：:]?)\s*{alternation}", 0.8),
        )

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = nfkc(value).strip()
        v = re.sub(r"^(?:信仰|信奉)", "", v)
        v = re.sub(r"(?<=[\u4e00-\u9fff])(?:信徒|教徒|者)$", "", v) if v not in _terms() else v
        return "valid" if v and v in _terms() else None
