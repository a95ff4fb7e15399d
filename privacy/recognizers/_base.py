"""Shared base of pubdata's recognizers (Chinese text, offline).

A recognizer is a plain Python object (no Presidio import: the column classifier must start
fast) with two questions it can answer:

- :meth:`CellRecognizer.match_cell`: does a *whole* cell of a structured column hold the
  entity? (``valid`` / ``masked`` / ``invalid`` / None). The column classifier calls it on its
  sample.
- :meth:`CellRecognizer.find_in_text`: where is the entity inside free text? (spans with a
  score). :mod:`privacy.engine` registers every recognizer in a real Presidio
  ``AnalyzerEngine`` through one adapter (:class:`privacy.engine.PresidioAdapter`), so the
  free-text path is Presidio's, with the same patterns and the same validation.

Both paths share the patterns and the ``validate_result`` / ``invalidate_result`` hooks, with
Presidio's meaning: ``validate_result`` True lifts the score to 1.0, False drops the match, None
keeps the pattern's score; ``invalidate_result`` True drops the match.

Boundaries: ``\\b`` never matches between a Chinese character and a digit (both are ``\\w``),
so patterns use digit/letter look-arounds instead. Cells and texts are read after NFKC
normalisation (full-width digits and letters ``１３８`` become ``138``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar, Literal

LANGUAGE = "zh"
#: Regex flags of every pattern: no IGNORECASE (plates, USCC and check chars are upper-case).
FLAGS = re.DOTALL | re.MULTILINE

CellMatch = Literal["valid", "masked", "invalid"]


def nfkc(value: str) -> str:
    """Full-width digits, letters and punctuation as ASCII (``１３８`` -> ``138``)."""
    return unicodedata.normalize("NFKC", value) if not value.isascii() else value


@dataclass(frozen=True)
class Span:
    """One finding in free text (offsets refer to the NFKC-normalised text, which keeps the
    length of every character it changes)."""

    start: int
    end: int
    score: float
    pattern: str


class CellRecognizer:
    """One entity's patterns and validation (see the module docstring).

    Class-level knobs:

    - ``ENTITY``: the pubdata entity name.
    - ``NEEDS_HINT``: the content alone is too ambiguous (plain dates, plain numbers); the
      column scorer labels a column with this entity only with a column-name hint.
    - ``PATTERNS``: ``(name, regex, score)`` for free text.
    - ``CELL_PATTERNS``: regexes matched against the whole normalised cell; if none is given,
      ``PATTERNS`` are used in full-match mode.
    - ``MASKED``: regexes of masked forms (``138****1234``): masked values keep their entity.
    - ``HINTED_PATTERNS``: whole-cell forms too ambiguous alone (foreign passport numbers, bare
      ICD-10 categories), accepted only when the column name hints this entity.
    - ``CONTEXT``: words that tell the entity nearby: a span with one of them in the
      ``CONTEXT_WINDOW`` characters before it gains ``CONTEXT_BOOST`` (Presidio's context
      enhancement, done here because the offline engine has no tokens to look at).
    """

    ENTITY: ClassVar[str] = ""
    NEEDS_HINT: ClassVar[bool] = False
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = ()
    CELL_PATTERNS: ClassVar[tuple[str, ...]] = ()
    MASKED: ClassVar[tuple[str, ...]] = ()
    HINTED_PATTERNS: ClassVar[tuple[str, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_WINDOW: ClassVar[int] = 12
    CONTEXT_BOOST: ClassVar[float] = 0.35

    def __init__(self) -> None:
        self.name = type(self).__name__
        self._context_lower = tuple(c.lower() for c in self.CONTEXT)

    # ---- compiled patterns (compiled on first use: a recognizer a table never needs costs nothing)
    @functools.cached_property
    def _text_res(self) -> tuple[tuple[str, re.Pattern[str], float], ...]:
        return tuple((n, re.compile(r, FLAGS), s) for n, r, s in self.text_patterns())

    @functools.cached_property
    def _cell_res(self) -> tuple[re.Pattern[str], ...]:
        cells = self.cell_patterns() or tuple(r for _, r, _ in self.text_patterns())
        return tuple(re.compile(p, FLAGS) for p in cells)

    @functools.cached_property
    def _masked_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, FLAGS) for p in self.MASKED)

    @functools.cached_property
    def _hinted_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, FLAGS) for p in self.HINTED_PATTERNS)

    # ---- patterns (recognizers built from a vocabulary override these)
    def text_patterns(self) -> tuple[tuple[str, str, float], ...]:
        return self.PATTERNS

    def cell_patterns(self) -> tuple[str, ...]:
        return self.CELL_PATTERNS

    # ---- hooks
    def normalise_cell(self, value: str) -> str:
        return nfkc(value).strip()

    def validate_result(self, pattern_text: str) -> bool | None:
        return None

    def invalidate_result(self, pattern_text: str) -> bool:
        return False

    # ---- whole cells
    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        """Does the whole cell hold this entity? ``valid`` (format and checks pass), ``invalid``
        (the format matches but a check fails, e.g. a bad check digit), ``masked``, or None.
        ``hinted``: the column name suggests this entity (``HINTED_PATTERNS`` count too)."""
        v = self.normalise_cell(value)
        if not v:
            return None
        for rx in self._cell_res + (self._hinted_res if hinted else ()):
            if rx.fullmatch(v):
                if self.invalidate_result(v):
                    return "invalid"
                ok = self.validate_result(v)
                return "invalid" if ok is False else "valid"
        for rx in self._masked_res:
            if rx.fullmatch(v):
                return "masked"
        return None

    # ---- free text
    def find_in_text(self, text: str) -> list[Span]:
        """Validated spans of the entity in ``text`` (Presidio's pattern semantics)."""
        t = nfkc(text)
        if len(t) != len(text):  # a compatibility character expanded: keep offsets honest
            t = text
        out: list[Span] = []
        for name, rx, score in self._text_res:
            for m in rx.finditer(t):
                s = m.group()
                if not s or self.invalidate_result(s):
                    continue
                ok = self.validate_result(s)
                if ok is False:
                    continue
                found = 1.0 if ok else score
                if not ok and self._context_lower:
                    before = t[max(0, m.start() - self.CONTEXT_WINDOW) : m.start()].lower()
                    if any(c in before for c in self._context_lower):
                        found = min(1.0, score + self.CONTEXT_BOOST)
                out.append(Span(m.start(), m.end(), found, name))
        return out
