"""Risk reports of releases: one per published version of a dataset about people (k, l,
prosecutor risk, generalisation, suppression, information lost) or of a statistical table (cells
suppressed or noised). Stored with the version in the same transaction (:mod:`catalog.publish`);
counts and levels only, never a value."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from catalog.store import connect, dumps, rows_as_dicts
from core.clock import utcnow

__all__ = ["insert_risk", "release_risk", "risk_overview"]

_SCALARS = (
    "k_threshold",
    "l_threshold",
    "k_achieved",
    "max_risk",
    "avg_risk",
    "records_at_risk",
    "suppressed_rows",
    "suppressed_share",
    "information_loss",
)


def insert_risk(
    con: duckdb.DuckDBPyConnection, department: str, dataset: str, version: int, report: dict[str, Any]
) -> None:
    """Record ``report`` (a :class:`privacy.risk.RiskReport` or aggregate report as a dict) for a
    version, inside the caller's transaction (which removed the version's previous rows)."""
    con.execute(
        f"INSERT INTO release_risk (department_id, dataset_id, version, kind, met, {', '.join(_SCALARS)}, reason, "
        f"report_json, recorded_at) VALUES ({', '.join(['?'] * (len(_SCALARS) + 8))})",
        [
            department,
            dataset,
            version,
            report.get("kind", "anonymisation"),
            bool(report.get("met", True)),
            *(report.get(c) for c in _SCALARS),
            report.get("reason_zh") or report.get("reason") or None,
            dumps(report),
            utcnow(),
        ],
    )


def release_risk(department: str, dataset: str, version: int | None = None) -> dict[str, Any] | None:
    """The risk report of a version (default: the latest that has one), with ``version``."""
    where = "department_id = ? AND dataset_id = ?" + (" AND version = ?" if version is not None else "")
    args: list[Any] = [department, dataset] + ([version] if version is not None else [])
    with connect(read_only=True) as con:
        row = con.execute(
            f"SELECT version, report_json, recorded_at FROM release_risk WHERE {where} ORDER BY version DESC LIMIT 1",
            args,
        ).fetchone()
    if row is None:
        return None
    return {**json.loads(row[1]), "version": row[0], "recorded_at": row[2]}


def risk_overview() -> list[dict[str, Any]]:
    """For officers: the latest release of every dataset that has a risk report, riskiest first
    (targets not met first, then the highest prosecutor risk)."""
    with connect(read_only=True) as con:
        return rows_as_dicts(
            con.execute(
                f"""
                SELECT r.department_id, r.dataset_id, d.title, d.open_tier, r.version, r.kind, r.met,
                       {", ".join("r." + c for c in _SCALARS)}, r.reason, r.recorded_at
                FROM release_risk r JOIN datasets d USING (department_id, dataset_id)
                WHERE r.version = (SELECT max(version) FROM release_risk x
                                   WHERE x.department_id = r.department_id AND x.dataset_id = r.dataset_id)
                ORDER BY r.met, r.max_risk DESC NULLS LAST, r.department_id, r.dataset_id"""
            )
        )
