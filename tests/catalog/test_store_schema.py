"""The catalog's DDL runs once per catalog and DDL version (issue 19: it ran on every writing
connection), and a catalog made by an older DDL is still brought up to date."""

from __future__ import annotations

from pathlib import Path

import duckdb


def _tables(path: Path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()


def test_a_catalog_from_an_older_ddl_gets_the_missing_tables_on_the_next_write(tmp_path: Path) -> None:
    from catalog.store import connect

    with connect(home_dir=tmp_path) as con:
        stamp = con.execute("SELECT value FROM meta WHERE key = 'schema_ddl'").fetchone()
    assert stamp is not None
    path = tmp_path / "catalog.duckdb"
    full = _tables(path)
    assert {"meta", "runs"} <= full

    old = duckdb.connect(str(path))  # what an older version left: no runs table, another DDL stamp
    old.execute("DROP TABLE runs")
    old.execute("UPDATE meta SET value = 'older' WHERE key = 'schema_ddl'")
    old.close()
    with connect(home_dir=tmp_path):
        pass
    assert _tables(path) == full

    dropped = duckdb.connect(str(path))  # same stamp: the DDL is not run again
    dropped.execute("DROP TABLE runs")
    dropped.close()
    with connect(home_dir=tmp_path):
        pass
    assert "runs" not in _tables(path)
