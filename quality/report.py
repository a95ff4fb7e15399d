"""The result of one dataset run's validation (value-free: safe to log and to put in XCom)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from core import QualityGateError

__all__ = ["ValidationReport"]


@dataclass
class ValidationReport:
    department: str
    dataset: str
    run: str
    input_rows: int
    valid_rows: int
    quarantined_rows: int
    score: float
    success: bool
    critical_failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rule_results: list[dict[str, Any]] = field(default_factory=list)
    drift: dict[str, Any] = field(default_factory=dict)
    freshness: dict[str, Any] = field(default_factory=dict)
    docs_path: str | None = None
    results_path: str | None = None
    valid_path: str | None = None
    quarantine_path: str | None = None
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def published_ok(self) -> bool:
        return self.success

    def to_summary(self) -> dict[str, Any]:
        """Small JSON-able summary (no data values) for Airflow XCom / the catalog."""
        failed = [r["rule"] for r in self.rule_results if not r.get("success")]
        return {
            "department": self.department,
            "dataset": self.dataset,
            "run": self.run,
            "input_rows": self.input_rows,
            "valid_rows": self.valid_rows,
            "quarantined_rows": self.quarantined_rows,
            "score": self.score,
            "success": self.success,
            "critical_failures": list(self.critical_failures)[:20],
            "failed_rules": failed[:50],
            "drift": {k: self.drift.get(k, []) for k in ("added", "removed", "retyped")},
            "docs_path": self.docs_path,
            "results_path": self.results_path,
            "seconds": round(self.seconds, 3),
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def raise_for_gate(self) -> None:
        """Raise :class:`pubdata.QualityGateError` when a critical rule failed (publish blocked)."""
        if self.success:
            return

        shown = "; ".join(self.critical_failures[:5])
        more = f" (+{len(self.critical_failures) - 5} more)" if len(self.critical_failures) > 5 else ""
        raise QualityGateError(
            f"dataset {self.department}.{self.dataset} run {self.run}: publish blocked by critical "
            f"data-standard failures: {shown}{more}",
            hint="the last good version stays live; see the quarantine and the Data Docs"
            + (f" ({self.docs_path})" if self.docs_path else ""),
        )
