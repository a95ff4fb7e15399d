"""Reading the catalog: what the CLI, the portal and the APIs show."""

from __future__ import annotations

import json
from typing import Any

from catalog.store import connect, rows_as_dicts
from core import CatalogError

__all__ = [
    "columns_of",
    "dataset_detail",
    "department_list",
    "latest_published",
    "list_datasets",
    "run_rows",
    "versions_of",
    "version_row",
]

_LATEST = """
WITH latest AS (
    SELECT * FROM versions v
    WHERE version = (SELECT max(version) FROM versions w
                     WHERE w.department_id = v.department_id AND w.dataset_id = v.dataset_id))
SELECT d.department_id, d.dataset_id, d.title, d.description, d.theme, d.keywords, d.update_frequency,
       d.license, d.open_tier, d.tier_rule, d.tier_basis, d.primary_key, d.registered_at,
       dep.name AS department_name, l.version, l.rows, l.bytes, l.published_at, l.quality_score,
       l.path, l.sha256, l.schema_json
FROM datasets d JOIN departments dep ON dep.id = d.department_id
LEFT JOIN latest l ON l.department_id = d.department_id AND l.dataset_id = d.dataset_id
"""


def list_datasets(*, published_only: bool = False) -> list[dict[str, Any]]:
    """Every dataset (latest version joined); harvested ones carry ``harvest`` (source portal,
    original URL, remote id and modified date, last harvested, state current|withdrawn)."""
    where = " WHERE l.version IS NOT NULL AND d.open_tier <> 'withheld'" if published_only else ""
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute(_LATEST + where + " ORDER BY l.published_at DESC NULLS LAST, d.department_id, d.dataset_id")
        )
        _with_harvest(con, rows)
    return rows


def _with_harvest(con, rows: list[dict[str, Any]]) -> None:
    from catalog.harvest import harvest_info

    info = harvest_info(con)
    for r in rows:
        h = info.get((r["department_id"], r["dataset_id"]))
        r["harvest"] = None if h is None else {k: v for k, v in h.items() if k not in ("department_id", "dataset_id")}


def dataset_detail(department: str, dataset: str) -> dict[str, Any] | None:
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute(_LATEST + " WHERE d.department_id = ? AND d.dataset_id = ?", [department, dataset])
        )
    return rows[0] if rows else None


def versions_of(department: str, dataset: str) -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        return rows_as_dicts(
            con.execute(
                "SELECT version, run_id, rows, bytes, published_at, quality_score, sha256, path, schema_json "
                "FROM versions WHERE department_id = ? AND dataset_id = ? ORDER BY version DESC",
                [department, dataset],
            )
        )


def version_row(department: str, dataset: str, version: int | None) -> dict[str, Any]:
    with connect(read_only=True) as con:
        if version is None:
            rows = rows_as_dicts(
                con.execute(
                    "SELECT * FROM versions WHERE department_id = ? AND dataset_id = ? ORDER BY version DESC LIMIT 1",
                    [department, dataset],
                )
            )
        else:
            rows = rows_as_dicts(
                con.execute(
                    "SELECT * FROM versions WHERE department_id = ? AND dataset_id = ? AND version = ?",
                    [department, dataset, version],
                )
            )
    if not rows:
        raise CatalogError(f"{department}.{dataset} has no published version {version or ''}".strip())
    return rows[0]


def columns_of(department: str, dataset: str, version: int) -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        return rows_as_dicts(
            con.execute(
                "SELECT * FROM columns WHERE department_id = ? AND dataset_id = ? AND version = ? ORDER BY position",
                [department, dataset, version],
            )
        )


def department_list() -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        return rows_as_dicts(
            con.execute(
                "SELECT dep.*, count(d.dataset_id) AS datasets FROM departments dep "
                "LEFT JOIN datasets d ON d.department_id = dep.id GROUP BY ALL ORDER BY dep.id"
            )
        )


def schema_of(row: dict[str, Any]) -> list[dict[str, str]]:
    return json.loads(row["schema_json"]) if row.get("schema_json") else []


def catalog_state() -> dict[str, Any]:
    """Everything the portal shows about the catalog, read in one short connection.

    ``datasets`` (latest version joined, newest first), ``departments``, ``versions`` per
    ``(department, dataset)`` (newest first), ``columns`` per ``(department, dataset, version)``,
    ``runs`` quality history per dataset, ``downloads`` per ``(department, dataset)`` ->
    ``{version: {format: count}}``.
    """
    with connect(read_only=True) as con:
        datasets = rows_as_dicts(
            con.execute(_LATEST + " ORDER BY l.published_at DESC NULLS LAST, d.department_id, d.dataset_id")
        )
        extra = {
            (r[0], r[1]): (r[2], r[3])
            for r in con.execute("SELECT department_id, dataset_id, manifest_json, updated_at FROM datasets").fetchall()
        }
        departments = rows_as_dicts(
            con.execute(
                "SELECT dep.*, count(d.dataset_id) AS datasets FROM departments dep "
                "LEFT JOIN datasets d ON d.department_id = dep.id GROUP BY ALL ORDER BY dep.id"
            )
        )
        versions = rows_as_dicts(
            con.execute(
                "SELECT department_id, dataset_id, version, run_id, rows, bytes, published_at, quality_score, "
                "sha256, path, schema_json, k_achieved, suppressed_rows, open_tier FROM versions "
                "ORDER BY department_id, dataset_id, version DESC"
            )
        )
        columns = rows_as_dicts(
            con.execute("SELECT * FROM columns ORDER BY department_id, dataset_id, version, position")
        )
        runs = rows_as_dicts(
            con.execute(
                "SELECT department_id, dataset_id, run_id, status, quality_score, version, started_at "
                "FROM runs WHERE quality_score IS NOT NULL ORDER BY started_at"
            )
        )
        _with_harvest(con, datasets)
        try:
            downloads = con.execute(
                "SELECT department_id, dataset_id, version, format, count FROM download_counts"
            ).fetchall()
        except Exception:
            downloads = []
    state: dict[str, Any] = {
        "datasets": datasets,
        "departments": departments,
        "versions": {},
        "columns": {},
        "runs": {},
        "downloads": {},
    }
    for d in datasets:
        manifest_json, updated_at = extra.get((d["department_id"], d["dataset_id"]), (None, None))
        d["manifest"] = json.loads(manifest_json) if manifest_json else {}
        d["updated_at"] = updated_at
        d["keywords"] = list(d["keywords"] or [])
    for v in versions:
        state["versions"].setdefault((v["department_id"], v["dataset_id"]), []).append(v)
    for c in columns:
        state["columns"].setdefault((c["department_id"], c["dataset_id"], c["version"]), []).append(c)
    for r in runs:
        state["runs"].setdefault((r["department_id"], r["dataset_id"]), []).append(r)
    for dept, ds, version, fmt, count in downloads:
        state["downloads"].setdefault((dept, ds), {}).setdefault(version, {})[fmt] = count
    return state


def latest_published(department: str, dataset: str) -> tuple[dict[str, str] | None, Any]:
    """Column name -> type of the latest published version, and when it was published
    (``(None, None)`` before the first version)."""
    with connect(read_only=True) as con:
        row = con.execute(
            "SELECT schema_json, published_at FROM versions WHERE department_id = ? AND "
            "dataset_id = ? ORDER BY version DESC LIMIT 1",
            [department, dataset],
        ).fetchone()
    if not row:
        return None, None
    return {c["name"]: c["type"] for c in json.loads(row[0])}, row[1]


def run_rows(run_id: str, department: str) -> dict[str, dict[str, Any]]:
    """The catalog's record of one department run: dataset id -> its ``runs`` row."""
    with connect(read_only=True) as con:
        return {
            r["dataset_id"]: r
            for r in rows_as_dicts(
                con.execute("SELECT * FROM runs WHERE run_id = ? AND department_id = ?", [run_id, department])
            )
        }
