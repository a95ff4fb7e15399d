"""Harvested datasets in the catalog: what another portal holds, under the harvesting department.

Each remote dataset is a row of ``datasets`` (so it is listed, searched, shown and served like any
other) plus a row of ``harvested``: which harvest entry brought it, the source portal, its remote
key / id / IRI, its page there, the remote modified date, its resources, the resource whose data
is pulled (if any), and its state (``current`` or ``withdrawn``: gone upstream, kept here, not
served as current). ``harvest_runs`` has one row per harvest run of an entry (counts, the high
water mark of remote modified dates used by the next incremental harvest, the error if it failed).

A harvest writes everything it found in one transaction (:func:`apply_harvest`); a failed one
only records its run (:func:`record_failure`), so the last good harvest stays published.
"""

from __future__ import annotations

import json
from typing import Any

from catalog.store import connect, has_table, rows_as_dicts
from core.clock import utcnow

__all__ = [
    "apply_harvest",
    "dataset_ids",
    "harvest_info",
    "harvest_runs",
    "harvested_keys",
    "last_good",
    "record",
    "record_failure",
]

_RUN_COLS = (
    "department_id",
    "harvest_id",
    "run_id",
    "source_kind",
    "source_portal",
    "status",
    "message",
    "listed",
    "added",
    "changed",
    "unchanged",
    "withdrawn",
    "to_pull",
    "high_water",
    "requests",
    "started_at",
    "finished_at",
)


def harvested_keys(department: str, harvest_id: str) -> dict[str, dict[str, Any]]:
    """Remote key -> its ``harvested`` row, for every dataset one harvest entry ever brought."""
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute("SELECT * FROM harvested WHERE department_id = ? AND harvest_id = ?", [department, harvest_id])
        )
    return {r["remote_key"]: r for r in rows}


def dataset_ids(department: str) -> set[str]:
    """Every dataset id a department uses in the catalog (its own and harvested)."""
    with connect() as con:
        own = con.execute("SELECT dataset_id FROM datasets WHERE department_id = ?", [department]).fetchall()
        got = con.execute("SELECT dataset_id FROM harvested WHERE department_id = ?", [department]).fetchall()
    return {r[0] for r in own + got}


def last_good(department: str, harvest_id: str) -> dict[str, Any] | None:
    """The latest successful harvest run of an entry (``None`` before the first)."""
    with connect() as con:
        rows = rows_as_dicts(
            con.execute(
                "SELECT * FROM harvest_runs WHERE department_id = ? AND harvest_id = ? AND status = 'ok' "
                "ORDER BY finished_at DESC LIMIT 1",
                [department, harvest_id],
            )
        )
    return rows[0] if rows else None


def record(department: str, dataset: str) -> dict[str, Any] | None:
    """The ``harvested`` row of one dataset, JSON fields decoded."""
    with connect(read_only=True) as con:
        if not has_table(con, "harvested"):
            return None
        rows = rows_as_dicts(
            con.execute("SELECT * FROM harvested WHERE department_id = ? AND dataset_id = ?", [department, dataset])
        )
    return _decoded(rows[0]) if rows else None


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["resources"] = json.loads(row.pop("resources_json") or "[]")
    row["data_resource"] = json.loads(row.pop("data_resource_json") or "null")
    return row


def apply_harvest(
    department: str,
    harvest_id: str,
    run_id: str,
    *,
    source_kind: str,
    source_portal: str,
    upserts: list[dict[str, Any]],
    withdrawn: list[str],
    listed: list[str],
    summary: dict[str, Any],
    started_at: Any,
) -> None:
    """Write one successful harvest: new and changed datasets (``upserts``: ``dataset_id``,
    ``dataset`` (the ``datasets`` row fields), ``remote`` (the ``harvested`` fields)), the remote
    keys gone upstream (``withdrawn``), the keys still listed (their ``last_harvested`` is now),
    and the run row -- in one transaction."""
    now = utcnow()
    with connect() as con:
        con.execute("BEGIN")
        for item in upserts:
            ds, rem, did = item["dataset"], item["remote"], item["dataset_id"]
            old = con.execute(
                "SELECT registered_at, open_tier, tier_rule, tier_basis FROM datasets "
                "WHERE department_id = ? AND dataset_id = ?",
                [department, did],
            ).fetchone()
            con.execute("DELETE FROM datasets WHERE department_id = ? AND dataset_id = ?", [department, did])
            con.execute(
                "INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    department,
                    did,
                    ds["title"],
                    ds["description"],
                    ds.get("theme") or "other",
                    ds.get("keywords") or [],
                    ds.get("update_frequency") or "irregular",
                    ds.get("license"),
                    [],
                    old[1] if old else None,
                    old[2] if old else None,
                    old[3] if old else None,
                    ds["manifest_json"],
                    old[0] if old else now,
                    now,
                ],
            )
            prior = con.execute(
                "SELECT first_harvested FROM harvested WHERE department_id = ? AND dataset_id = ?", [department, did]
            ).fetchone()
            con.execute("DELETE FROM harvested WHERE department_id = ? AND dataset_id = ?", [department, did])
            con.execute(
                "INSERT INTO harvested VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, ?, ?, NULL)",
                [
                    department,
                    did,
                    harvest_id,
                    source_kind,
                    source_portal,
                    rem["key"],
                    rem.get("remote_id"),
                    rem.get("url"),
                    rem.get("iri"),
                    rem.get("modified"),
                    rem.get("organization"),
                    json.dumps(rem.get("resources") or [], ensure_ascii=False),
                    json.dumps(item.get("data_resource"), ensure_ascii=False),
                    prior[0] if prior else now,
                    now,
                    now,
                ],
            )
        for key in withdrawn:
            con.execute(
                "UPDATE harvested SET state = 'withdrawn', withdrawn_at = ?, last_harvested = ? "
                "WHERE department_id = ? AND harvest_id = ? AND remote_key = ?",
                [now, now, department, harvest_id, key],
            )
        if listed:
            con.execute(
                "UPDATE harvested SET last_harvested = ? WHERE department_id = ? AND harvest_id = ? "
                "AND state = 'current' AND remote_key IN (SELECT unnest(?::VARCHAR[]))",
                [now, department, harvest_id, listed],
            )
        _insert_run(con, department, harvest_id, run_id, "ok", "", source_kind, source_portal, summary, started_at)
        con.execute("COMMIT")


def record_failure(
    department: str,
    harvest_id: str,
    run_id: str,
    *,
    source_kind: str,
    source_portal: str,
    message: str,
    requests: int,
    started_at: Any,
) -> None:
    """A harvest that failed: only its run row (with the error) is written."""
    with connect() as con:
        con.execute("BEGIN")
        _insert_run(
            con,
            department,
            harvest_id,
            run_id,
            "failed",
            message,
            source_kind,
            source_portal,
            {"requests": requests},
            started_at,
        )
        con.execute("COMMIT")


def _insert_run(
    con, department: str, harvest_id: str, run_id: str, status: str, message: str, kind: str, portal: str, summary, t0
) -> None:
    con.execute(
        "DELETE FROM harvest_runs WHERE department_id = ? AND harvest_id = ? AND run_id = ?",
        [department, harvest_id, run_id],
    )
    row = {
        **{c: summary.get(c) for c in _RUN_COLS},
        "department_id": department,
        "harvest_id": harvest_id,
        "run_id": run_id,
        "source_kind": kind,
        "source_portal": portal,
        "status": status,
        "message": message[:2000],
        "started_at": t0,
        "finished_at": utcnow(),
    }
    con.execute(
        f"INSERT INTO harvest_runs ({', '.join(_RUN_COLS)}) VALUES ({', '.join('?' * len(_RUN_COLS))})",
        [row[c] for c in _RUN_COLS],
    )


def harvest_runs(department: str | None = None, *, run_id: str | None = None) -> list[dict[str, Any]]:
    """Harvest runs, newest first (of one department, of one run)."""
    where, args = [], []
    if department:
        where.append("department_id = ?")
        args.append(department)
    if run_id:
        where.append("run_id = ?")
        args.append(run_id)
    sql = "SELECT * FROM harvest_runs" + (" WHERE " + " AND ".join(where) if where else "")
    with connect(read_only=True) as con:
        if not has_table(con, "harvest_runs"):
            return []
        return rows_as_dicts(con.execute(sql + " ORDER BY finished_at DESC", args))


def harvest_info(con) -> dict[tuple[str, str], dict[str, Any]]:
    """(department, dataset) -> what the portal shows of a harvested dataset (in the caller's
    connection): source portal, original URL, remote id and modified date, last harvested, state,
    the remote resources, and whether its data is pulled."""
    if not has_table(con, "harvested"):
        return {}
    rows = rows_as_dicts(
        con.execute(
            "SELECT department_id, dataset_id, harvest_id, source_kind, source_portal, remote_key, remote_id, "
            "original_url, remote_iri, remote_modified, remote_organization, resources_json, data_resource_json, "
            "state, first_harvested, last_harvested, withdrawn_at FROM harvested"
        )
    )
    return {(r["department_id"], r["dataset_id"]): _decoded(r) for r in rows}
