"""Use of the published data: download counters per dataset version and format."""

from __future__ import annotations

import threading

from catalog.store import connect
from core.clock import utcnow
from core.sql import scalar
from warehouse.storage import is_distributed

__all__ = ["count_download"]

_COUNT_LOCK = threading.Lock()


def count_download(department: str, dataset: str, version: int, fmt: str) -> None:
    """Add one to the download counter of a dataset version and format."""
    now = utcnow()
    with _COUNT_LOCK, connect() as con:
        if not is_distributed():
            con.execute(
                "INSERT INTO download_counts VALUES (?, ?, ?, ?, 1, ?) "
                "ON CONFLICT (department_id, dataset_id, version, format) "
                "DO UPDATE SET count = count + 1, last_at = excluded.last_at",
                [department, dataset, version, fmt, now],
            )
            return
        # DuckLake has no keys (no ON CONFLICT); the catalog's writer lock makes this upsert safe
        key = [department, dataset, version, fmt]
        con.execute("BEGIN")
        hit = scalar(
            con,
            "SELECT count(*) FROM download_counts WHERE department_id = ? AND dataset_id = ? "
            "AND version = ? AND format = ?",
            key,
        )
        if hit:
            con.execute(
                "UPDATE download_counts SET count = count + 1, last_at = ? WHERE department_id = ? "
                "AND dataset_id = ? AND version = ? AND format = ?",
                [now, *key],
            )
        else:
            con.execute("INSERT INTO download_counts VALUES (?, ?, ?, ?, 1, ?)", [*key, now])
        con.execute("COMMIT")
