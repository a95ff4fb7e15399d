"""What changed between two consecutive versions of a dataset.

Schema: columns added, removed, retyped, and renamed (a removed and an added column of the same
type at the same position). Removing, renaming or retyping a column is *breaking* for consumers.
Rows: added/removed, by primary key when the published file still has all key columns, else by
whole-row comparison (multiset). Versions are immutable, so results are cached in memory.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import duckdb

from catalog.changes import schema_changes
from core.sql import quote_ident, quote_literal
from warehouse import storage

__all__ = ["schema_changes", "version_diff"]

_CACHE: OrderedDict[tuple, dict[str, Any]] = OrderedDict()
_LOCK = threading.Lock()
ROW_DIFF_LIMIT = 20_000_000  # above this many rows (old + new) only the count delta is shown


def _row_diff(
    old_path: Path | storage.LakePath, new_path: Path | storage.LakePath, key: list[str], columns: list[str]
) -> dict[str, Any]:
    con = storage.duckdb_connect(threads="1", memory_limit="512MB")
    try:
        con.execute(f"CREATE VIEW o AS SELECT * FROM read_parquet({quote_literal(str(old_path))})")
        con.execute(f"CREATE VIEW n AS SELECT * FROM read_parquet({quote_literal(str(new_path))})")
        if key:
            cols = ", ".join(quote_ident(k) for k in key)
            added = con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM n EXCEPT SELECT {cols} FROM o)").fetchone()[
                0
            ]
            removed = con.execute(
                f"SELECT count(*) FROM (SELECT {cols} FROM o EXCEPT SELECT {cols} FROM n)"
            ).fetchone()[0]
            return {"rows_added": added, "rows_removed": removed, "by": "primary key " + ", ".join(key)}
        cols = ", ".join(quote_ident(c) for c in columns)
        added = con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM n EXCEPT ALL SELECT {cols} FROM o)").fetchone()[
            0
        ]
        removed = con.execute(
            f"SELECT count(*) FROM (SELECT {cols} FROM o EXCEPT ALL SELECT {cols} FROM n)"
        ).fetchone()[0]
        return {"rows_added": added, "rows_removed": removed, "by": "whole rows"}
    finally:
        con.close()


def version_diff(old: dict[str, Any], new: dict[str, Any], primary_key: list[str] | None) -> dict[str, Any]:
    """Diff of two version rows (``versions`` table dicts), cached per (sha256, sha256)."""
    cache_key = (old["sha256"], new["sha256"], tuple(primary_key or ()))
    with _LOCK:
        if cache_key in _CACHE:
            _CACHE.move_to_end(cache_key)
            return _CACHE[cache_key]
    old_schema = json.loads(old["schema_json"] or "[]")
    new_schema = json.loads(new["schema_json"] or "[]")
    out: dict[str, Any] = {
        "from": old["version"],
        "to": new["version"],
        "schema": schema_changes(old_schema, new_schema),
        "rows_before": old["rows"],
        "rows_after": new["rows"],
    }
    common = [c["name"] for c in new_schema if c["name"] in {o["name"] for o in old_schema}]
    key = [k for k in (primary_key or []) if k in common]
    if len(key) != len(primary_key or []):
        key = []
    try:
        if (old["rows"] or 0) + (new["rows"] or 0) <= ROW_DIFF_LIMIT and common:
            out.update(_row_diff(storage.lake_path(old["path"]), storage.lake_path(new["path"]), key, common))
        else:
            raise ValueError("too large")
    except (duckdb.Error, ValueError, OSError):
        delta = (new["rows"] or 0) - (old["rows"] or 0)
        out.update({"rows_added": max(delta, 0), "rows_removed": max(-delta, 0), "by": "row counts"})
    with _LOCK:
        _CACHE[cache_key] = out
        while len(_CACHE) > 512:
            _CACHE.popitem(last=False)
    return out
