"""Quality score of one dataset run, 0-100.

Formula::

    pass_rate(rule) = 1 - unexpected / evaluated        (row rules: evaluated = input rows)
                    = 1 or 0                            (dataset rules: passed or not)
    weight(rule)    = 3 for critical rules, 1 for warnings
    base            = 100 * sum(weight * pass_rate) / sum(weight)
    score           = min(base, 50)   if a critical rule failed (the publish is blocked)
                    = base            otherwise;  100 when there are no rules

Why: a weighted mean of per-rule pass rates reads as "share of checks the data meets", does not
let one wide table with many rules drown a narrow one, and is stable as row counts grow. Critical
rules weigh three times a warning. A blocked run is capped at 50 so it never ranks above a
healthy publishable one, while still showing how bad it was (a run failing only the row count
bound still differs from one failing everything). Rounded to 2 decimals.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["CRITICAL_WEIGHT", "BLOCKED_CAP", "quality_score"]

CRITICAL_WEIGHT = 3.0
BLOCKED_CAP = 50.0


def quality_score(rule_results: Iterable[dict[str, Any]]) -> float:
    total = 0.0
    weights = 0.0
    blocked = False
    for r in rule_results:
        w = CRITICAL_WEIGHT if r.get("severity") == "critical" else 1.0
        evaluated = r.get("evaluated") or 0
        if r.get("level") in ("row",) and evaluated:
            rate = 1.0 - min(r.get("unexpected_count") or 0, evaluated) / evaluated
        elif r.get("level") == "row":
            rate = 1.0
        else:
            rate = 1.0 if r.get("success") else 0.0
        if not r.get("success") and r.get("severity") == "critical":
            blocked = True
        total += w * rate
        weights += w
    base = 100.0 if weights == 0 else 100.0 * total / weights
    if blocked:
        base = min(base, BLOCKED_CAP)
    return round(base, 2)
