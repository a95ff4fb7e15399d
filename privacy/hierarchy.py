"""Generalisation hierarchies: the levels a quasi-identifier climbs (their SQL is
:mod:`privacy.deid.hierarchy`).

A hierarchy (declared in ``privacy/roles.yaml``) lists its levels finest first; the implicit
level after the last is *suppressed* (NULL). ``base_sql`` computes level 0 from a source column;
``level_sql`` computes level ``to`` from a value already at level ``frm`` (``frm <= to``).
Every level is a function of the level below it, so the equivalence classes counted once (at the release's lowest level) can be regrouped at any higher level on
the small class table (:mod:`privacy.kanon`), and coarsening only ever merges classes (the
monotonicity the lattice search relies on). Every output is text.

=============  ==========================================================================
date           ``2026-10-05`` → ``2026-10`` → ``2026-Q4`` → ``2026``
month          ``2026-10`` → ``2026-Q4`` → ``2026``
birth_date     age at the decision day: ``30-34`` → ``30-39`` → ``20-39``
age            ``34`` → ``30-34`` → ``30-39`` → ``20-39``
division       GB/T 2260: ``330106`` → ``330100`` → ``330000``
address        ``浙江省杭州市西湖区`` → ``浙江省杭州市`` → ``浙江省`` (never a street or number)
postcode       ``314501`` → ``314500`` (first four digits: the postal area) → ``310000`` (the province)
category       the value
institution    the name → its type (``综合医院``, ``基层医疗卫生机构`` ...) where a pattern maps it
amount         ``[1200,1300)`` (two significant digits) → ``[1000,2000)`` → ``[0,10000)``
=============  ==========================================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["HIERARCHY_NAMES", "Hierarchy", "SUPPRESSED"]

#: name of the implicit top level (the value withheld)
SUPPRESSED = "suppressed"

HIERARCHY_NAMES = (
    "date",
    "month",
    "birth_date",
    "age",
    "division",
    "address",
    "postcode",
    "category",
    "institution",
    "amount",
)


@dataclass(frozen=True)
class Hierarchy:
    name: str
    #: levels finest first (the suppressed top level is implicit)
    levels: tuple[str, ...]
    basis: str = ""
    #: institution: (regular expression, type) pairs, first match wins
    types: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def height(self) -> int:
        """Index of the top (suppressed) level."""
        return len(self.levels)

    def level_name(self, level: int) -> str:
        return self.levels[level] if level < self.height else SUPPRESSED

    def index(self, name: str) -> int | None:
        return self.levels.index(name) if name in self.levels else None

    def shape(self, level: int) -> str | None:
        """Regular expression every non-null value at ``level`` matches (leak gate), if any."""
        if level >= self.height:
            return ""
        target = self.levels[level]
        if target.startswith("age_"):
            return r"\d+-\d+"
        if self.name == "division" or target == "area" or (self.name, target) == ("postcode", "value"):
            return r"\d{6}"
        if self.name == "address":
            return r"[^0-9０-９]*"
        if target == "type":
            return "|".join(re.escape(t) for t in sorted({t for _, t in self.types})) or None
        return {
            "day": r"\d{4}-\d{2}-\d{2}",
            "month": r"\d{4}-\d{2}",
            "quarter": r"\d{4}-Q[1-4]",
            "year": r"\d{4}",
            "band_2": r"\[-?\d+,-?\d+\)",
            "band_1": r"\[-?\d+,-?\d+\)",
            "magnitude": r"\[-?\d+,-?\d+\)",
        }.get(target, r"\d+" if self.name == "age" else None)
