"""The catalog in the distributed profile: DuckLake, with its metadata in PostgreSQL
(``PUBDATA_CATALOG_PG``) and its data files in the object store, so any number of workers on any
number of machines attach it at once. DuckLake has no PRIMARY KEY constraints and its optimistic
commits cannot keep read-then-insert sequences (audit chain, version numbers) correct under
concurrency, so a *writing* connection holds a PostgreSQL advisory lock (:func:`writer_lock`)
for its milliseconds-long metadata transaction.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any

import duckdb

from catalog.schema import DDL, SCHEMA_VERSION
from core import CatalogError, home
from core.secrets import redact
from core.sql import quote_literal

__all__ = ["connect_ducklake", "ducklake_data_path", "ducklake_ddl", "lock_key", "pg_dsn", "writer_lock"]


#: advisory-lock keys (PostgreSQL bigint) of the catalog's writer lock
_WRITE_LOCK_KEY = 0x7075_6264_6174_61  # "pubdata"


def ducklake_ddl() -> str:
    """The catalog DDL without what DuckLake does not support (PRIMARY KEY constraints)."""
    ddl = re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", DDL)
    return ddl.replace(" PRIMARY KEY", "")


def pg_dsn(with_password: bool = True) -> str:
    from core.settings import get_setting

    dsn = get_setting("PUBDATA_CATALOG_PG")
    pw = get_setting("PUBDATA_PG_PASSWORD")
    if with_password and pw and "password=" not in dsn:
        dsn += f" password={pw}"
    return dsn


_LAKE: dict[str, Any] = {}
_LAKE_LOCK = threading.Lock()


def ducklake_data_path() -> str:
    from warehouse.storage import uri

    return uri("catalog") + "/"


def _lake_instance() -> duckdb.DuckDBPyConnection:
    """This process's DuckDB instance with the DuckLake catalog attached (connections are cursors)."""
    import os

    key = f"{os.getpid()}|{pg_dsn()}|{ducklake_data_path()}"
    with _LAKE_LOCK:
        inst = _LAKE.get("instance")
        if inst is not None and _LAKE.get("key") == key:
            return inst
        from warehouse.storage import configure_duckdb, load_extension

        con = duckdb.connect(
            ":memory:", config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
        )
        try:
            configure_duckdb(con)
            load_extension(con, "postgres")
            load_extension(con, "ducklake")
            con.execute(
                f"ATTACH {quote_literal('ducklake:postgres:' + pg_dsn())} AS lake "
                f"(DATA_PATH {quote_literal(ducklake_data_path())}, METADATA_SCHEMA 'ducklake')"
            )
        except duckdb.Error as exc:
            con.close()
            raise CatalogError(
                f"the DuckLake catalog cannot be attached ({redact(str(exc)).splitlines()[0][:200]})",
                hint="is the cluster up (`make cluster-up`) and $PUBDATA_HOME/cluster/env sourced?",
            ) from None
        _LAKE.update(instance=con, key=key, schema_ok=False)
        return con


@contextlib.contextmanager
def writer_lock(key: int = _WRITE_LOCK_KEY, timeout: float = 120.0) -> Iterator[None]:
    """A cluster-wide exclusive lock (PostgreSQL advisory lock on the catalog database).

    Released when the block ends, or by PostgreSQL when the holder's connection dies (a killed
    worker never leaves it held)."""
    import psycopg2

    pg = psycopg2.connect(pg_dsn(), connect_timeout=10)
    try:
        pg.autocommit = True
        with pg.cursor() as cur:
            cur.execute("SET lock_timeout = %s", [f"{int(timeout * 1000)}ms"])
            cur.execute("SELECT pg_advisory_lock(%s)", [key])
        try:
            yield
        finally:
            with pg.cursor() as cur:
                cur.execute("SELECT pg_advisory_unlock(%s)", [key])
    finally:
        pg.close()


def lock_key(*parts: str) -> int:
    """A stable 63-bit advisory-lock key for a name (e.g. one dataset's publishes)."""
    import hashlib

    return int.from_bytes(hashlib.sha256("\x00".join(parts).encode()).digest()[:8], "big") >> 1


@contextlib.contextmanager
def connect_ducklake(*, read_only: bool, timeout: float) -> Iterator[duckdb.DuckDBPyConnection]:
    inst = _lake_instance()
    lock = contextlib.nullcontext() if read_only else writer_lock(timeout=timeout)
    with lock:
        con = inst.cursor()
        try:
            con.execute("USE lake")
            con.execute("SET ducklake_max_retry_count = 100")
            # relative paths (if any) resolve against PUBDATA_HOME as in the local profile
            con.execute("SET file_search_path = ?", [str(home())])
            if not _LAKE.get("schema_ok"):
                _ensure_ducklake_schema(con, read_only)
            yield con
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            raise type(exc)(redact(str(exc))) from None
        finally:
            con.close()


def _ensure_ducklake_schema(con: duckdb.DuckDBPyConnection, read_only: bool) -> None:
    have = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'lake'").fetchall()}
    needed = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", DDL))
    if needed <= have:
        _LAKE["schema_ok"] = True
        return
    if read_only:
        with writer_lock():
            _create_ducklake_schema(con)
    else:
        _create_ducklake_schema(con)
    _LAKE["schema_ok"] = True


def _create_ducklake_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("BEGIN")
    for stmt in ducklake_ddl().split(";"):
        if stmt.strip():
            con.execute(stmt)
    con.execute("DELETE FROM meta WHERE key = 'schema_version'")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    con.execute("COMMIT")
