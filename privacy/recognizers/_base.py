"""Shared base of pubdata's Presidio recognizers (Chinese text, offline).

Every recognizer is a real Presidio recognizer registered in the analyzer (see
:mod:`privacy.recognizers`). Besides ``analyze`` (spans in free text), each one answers
:meth:`CellRecognizer.match_cell` for a *whole* cell of a structured column, which the
column classifier calls directly on its sample (no Presidio overhead per cell). Both paths
share the same patterns and the same ``validate_result`` hook (checksums, real dates...).

Boundaries: ``\\b`` never matches between a Chinese character and a digit (both are ``\\w``),
so patterns use digit/letter look-arounds instead.
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from presidio_analyzer import Pattern, PatternRecognizer

LANGUAGE = "zh"
#: Regex flags of every pattern: no IGNORECASE (plates, USCC and check chars are upper-case).
FLAGS = re.DOTALL | re.MULTILINE

CellMatch = Literal["valid", "masked", "invalid"]


class CellRecognizer:
    """Mixin: whole-cell matching for the column scorer.

    Class-level knobs:

    - ``ENTITY``: the pubdata entity name.
    - ``NEEDS_HINT``: the content alone is too ambiguous (plain dates, plain numbers); the
      column scorer labels a column with this entity only with a column-name hint.
    - ``CELL_PATTERNS``: regexes matched against the whole normalised cell; if none is given,
      the Presidio patterns are used in full-match mode.
    - ``MASKED``: regexes of masked forms (``138****1234``): masked values keep their entity.
    """

    ENTITY: ClassVar[str] = ""
    NEEDS_HINT: ClassVar[bool] = False
    CELL_PATTERNS: ClassVar[tuple[str, ...]] = ()
    MASKED: ClassVar[tuple[str, ...]] = ()

    _cell_res: tuple[re.Pattern[str], ...]
    _masked_res: tuple[re.Pattern[str], ...]

    def _compile_cells(self, fallback: list[str]) -> None:
        self._cell_res = tuple(re.compile(p, FLAGS) for p in (self.CELL_PATTERNS or fallback))
        self._masked_res = tuple(re.compile(p, FLAGS) for p in self.MASKED)

    def normalise_cell(self, value: str) -> str:
        return value.strip()

    def validate_result(self, pattern_text: str) -> bool | None:  # Presidio hook
        return None

    def match_cell(self, value: str) -> CellMatch | None:
        """Does the whole cell hold this entity? ``valid`` (format and checks pass), ``invalid``
        (the format matches but a check fails, e.g. a bad check digit), ``masked``, or None."""
        v = self.normalise_cell(value)
        if not v:
            return None
        for rx in self._cell_res:
            if rx.fullmatch(v):
                ok = self.validate_result(v)
                return "invalid" if ok is False else "valid"
        for rx in self._masked_res:
            if rx.fullmatch(v):
                return "masked"
        return None


class ZhPatternRecognizer(CellRecognizer, PatternRecognizer):
    """A Presidio :class:`PatternRecognizer` for Chinese text with class-level defaults.

    Subclasses set ``ENTITY``, ``PATTERNS`` (``(name, regex, score)``), optionally ``CONTEXT``
    and override one hook, ``validate_result`` (return True to lift the score to 1.0, False to
    drop the match).
    """

    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=LANGUAGE,
            patterns=[Pattern(n, r, s) for n, r, s in self.PATTERNS],
            context=list(self.CONTEXT),
            global_regex_flags=FLAGS,
        )
        self._compile_cells([r for _, r, _ in self.PATTERNS])
