"""The DuckDB catalog: metadata tables plus schema ``open`` with one view per published dataset.

``$PUBDATA_HOME/catalog.duckdb`` holds departments, datasets, versions, columns (the disclosure
record per version), runs, classifications, reviews. Each published version is an immutable
Parquet file under ``open/<department>/<dataset>/``; the view ``open."<department>__<dataset>"``
reads the latest one through a path relative to ``PUBDATA_HOME`` (connections set
``file_search_path``), so the folder can be moved.

Connections are short-lived: DuckDB allows one writing process per file, so every operation
opens, works and closes, retrying while another process holds the lock.

In the distributed profile (``PUBDATA_PROFILE=distributed``) the same tables live in a
**DuckLake** catalog: metadata in PostgreSQL (``PUBDATA_CATALOG_PG``), data files in the object
store (``s3://<bucket>/catalog/``), so any number of workers on any number of machines attach it
at once; :func:`connect` attaches it as ``lake`` and makes it the default database, so the same
SQL runs on both profiles. DuckLake has no PRIMARY KEY constraints (they are stripped from the
DDL), and its optimistic commits cannot keep "read the max, then insert max+1" (audit chain,
version numbers) or delete-then-insert upserts correct under concurrency; so a *writing*
connection holds a PostgreSQL advisory lock for its (milliseconds-long) metadata transaction,
which gives writers the same one-at-a-time semantics DuckDB's file lock gives locally, while the
heavy work (reading, validating, protecting, writing Parquet to the object store) runs in
parallel outside it. Published files are addressed by ``s3://`` URIs there.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from catalog.schema import DDL, SCHEMA_VERSION
from core import CatalogError, home
from core.sql import quote_ident

__all__ = [
    "catalog_path",
    "catalog_version",
    "connect",
    "ensure_catalog",
    "ensure_schema",
    "has_table",
    "open_view_name",
    "rows_as_dicts",
]


def catalog_path() -> Path:
    return home() / "catalog.duckdb"


def ensure_catalog() -> None:
    """Create the catalog (or bring an older one up to the current schema)."""
    with connect():
        pass


def open_view_name(department: str, dataset: str) -> str:
    return f"open.{quote_ident(f'{department}__{dataset}')}"


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() or "Conflicting lock" in text


@contextlib.contextmanager
def connect(
    *, read_only: bool = False, timeout: float = 60.0, home_dir: Path | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection to the catalog, waiting while another process holds the lock
    (``home_dir``: the catalog of that PUBDATA_HOME rather than the current one)."""
    from warehouse.storage import is_distributed

    if is_distributed():
        from catalog.ducklake import connect_ducklake

        with connect_ducklake(read_only=read_only, timeout=timeout) as con:
            yield con
        return
    path = home_dir / "catalog.duckdb" if home_dir is not None else catalog_path()
    if read_only and not path.exists():
        # Nothing published yet: make an empty, valid catalog so readers see "no datasets".
        with connect(read_only=False, home_dir=home_dir):
            pass
    deadline = time.monotonic() + timeout
    delay = 0.005
    mode = read_only
    if not read_only:
        _writers_waiting(+1)
    try:
        while True:
            if read_only and _WRITERS[0] > 0:
                mode = False  # a writer of this process is waiting: don't keep a read-only instance alive
            try:
                con = duckdb.connect(
                    str(path),
                    read_only=mode,
                    config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"},
                )
                break
            except duckdb.Error as exc:
                if _is_config_conflict(exc):
                    # DuckDB allows one configuration per file and process. A reader may share the
                    # read-write instance of this process; a writer waits for the readers to close.
                    if read_only and mode:
                        mode = False
                        continue
                    mode = read_only
                elif not _is_lock_error(exc):
                    deadline = 0.0
                if time.monotonic() > deadline:
                    raise CatalogError(
                        f"catalog {path.name} cannot be opened ({str(exc).splitlines()[0][:160]})",
                        hint="another process may hold it; retry, or check PUBDATA_HOME",
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
    finally:
        if not read_only:
            _writers_waiting(-1)
    try:
        con.execute("SET file_search_path = ?", [str(home_dir if home_dir is not None else home())])
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


_WRITERS = [0]
_WRITERS_LOCK = threading.Lock()


def _writers_waiting(delta: int) -> None:
    with _WRITERS_LOCK:
        _WRITERS[0] += delta


def _is_config_conflict(exc: Exception) -> bool:
    return "different configuration" in str(exc)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


def catalog_version() -> Any:
    """Changes whenever the catalog changes: the local file's stamp, or DuckLake's latest snapshot id."""
    from warehouse.storage import is_distributed

    if not is_distributed():
        return None
    import psycopg2

    from catalog.ducklake import pg_dsn

    pg = psycopg2.connect(pg_dsn(), connect_timeout=10)
    try:
        with pg.cursor() as cur:
            cur.execute("SELECT max(snapshot_id) FROM ducklake.ducklake_snapshot")
            return cur.fetchone()[0]
    finally:
        pg.close()


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether a table exists: read-only connections do not create the tables a newer version
    added, so readers of those tables check first (an older catalog simply has none of it)."""
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0] > 0


def rows_as_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
