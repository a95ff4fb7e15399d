"""Dictionary lookups without regular expressions: a vocabulary of a few hundred terms compiled
into one regex alternation costs tens of milliseconds per process, which a short command pays
before it has looked at a single value. A :class:`TermSet` finds terms by slicing the text and
looking the slices up in a set (case-insensitive for Latin letters)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["TermSet"]


class TermSet:
    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(t.lower() for t in terms if t)
        lengths = {len(t) for t in self.terms} or {1}
        self.lengths = sorted(lengths, reverse=True)

    def __contains__(self, text: str) -> bool:
        return text.lower() in self.terms

    def find(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) of terms in ``text``, longest first at each position."""
        low = text.lower()
        out: list[tuple[int, int]] = []
        i, n = 0, len(low)
        while i < n:
            for k in self.lengths:
                if i + k <= n and low[i : i + k] in self.terms:
                    out.append((i, i + k))
                    i += k
                    break
            else:
                i += 1
        return out

    def search(self, text: str) -> bool:
        low = text.lower()
        n = len(low)
        return any(low[i : i + k] in self.terms for i in range(n) for k in self.lengths if i + k <= n)

    def suffix_of(self, text: str) -> str | None:
        """The longest term ``text`` ends with."""
        low = text.lower()
        for k in self.lengths:
            if k <= len(low) and low[-k:] in self.terms:
                return text[-k:]
        return None
