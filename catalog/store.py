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
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from core import CatalogError, home
from core.secrets import redact
from core.sql import quote_ident, quote_literal

__all__ = [
    "catalog_path",
    "catalog_version",
    "connect",
    "ensure_catalog",
    "ensure_schema",
    "open_view_name",
    "rows_as_dicts",
]

SCHEMA_VERSION = 1

_DDL = """
CREATE SCHEMA IF NOT EXISTS open;
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS departments (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, description VARCHAR,
    contact_name VARCHAR, contact_email VARCHAR, schedule VARCHAR, updated_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS datasets (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, title VARCHAR, description VARCHAR,
    theme VARCHAR, keywords VARCHAR[], update_frequency VARCHAR, license VARCHAR,
    primary_key VARCHAR[], open_tier VARCHAR, tier_rule VARCHAR, tier_basis VARCHAR,
    manifest_json VARCHAR, registered_at TIMESTAMP, updated_at TIMESTAMP,
    PRIMARY KEY (department_id, dataset_id));
CREATE TABLE IF NOT EXISTS versions (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    run_id VARCHAR NOT NULL, path VARCHAR NOT NULL, rows BIGINT, bytes BIGINT, sha256 VARCHAR,
    schema_json VARCHAR, published_at TIMESTAMP, quality_score DOUBLE, k_achieved INTEGER,
    suppressed_rows BIGINT, open_tier VARCHAR,
    PRIMARY KEY (department_id, dataset_id, version));
CREATE TABLE IF NOT EXISTS columns (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    position INTEGER, name VARCHAR, type VARCHAR, level VARCHAR, entity VARCHAR,
    action VARCHAR, method VARCHAR, reason VARCHAR, rule_id VARCHAR, published BOOLEAN);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL,
    status VARCHAR, stage VARCHAR, message VARCHAR, input_rows BIGINT, valid_rows BIGINT,
    quarantined_rows BIGINT, quality_score DOUBLE, version INTEGER, on_time BOOLEAN,
    started_at TIMESTAMP, finished_at TIMESTAMP, summary_json VARCHAR,
    PRIMARY KEY (run_id, department_id, dataset_id));
CREATE TABLE IF NOT EXISTS classifications (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL,
    "column" VARCHAR NOT NULL, entity VARCHAR, level VARCHAR, confidence DOUBLE,
    evidence_json VARCHAR, source VARCHAR, detected_entity VARCHAR, detected_level VARCHAR,
    needs_review BOOLEAN, created_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS reviews (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, "column" VARCHAR NOT NULL,
    entity VARCHAR, level VARCHAR NOT NULL, reviewer VARCHAR NOT NULL, reason VARCHAR NOT NULL,
    detected_entity VARCHAR, detected_level VARCHAR, created_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (
    seq BIGINT PRIMARY KEY, ts VARCHAR NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL,
    subject VARCHAR, detail_json VARCHAR NOT NULL, prev_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, department_id VARCHAR, officer VARCHAR,
    secret_sha256 VARCHAR NOT NULL, note VARCHAR, created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP,
    revoked_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS token_scopes (
    token_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL,
    purpose VARCHAR NOT NULL, granted_by VARCHAR, application_id VARCHAR, granted_at TIMESTAMP,
    expires_at TIMESTAMP, PRIMARY KEY (token_id, department_id, dataset_id, purpose));
CREATE TABLE IF NOT EXISTS access_applications (
    id VARCHAR PRIMARY KEY, applicant VARCHAR NOT NULL, token_id VARCHAR, department_id VARCHAR NOT NULL,
    dataset_id VARCHAR NOT NULL, purpose VARCHAR NOT NULL, reason VARCHAR, contact VARCHAR, days INTEGER,
    status VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, decided_by VARCHAR, decided_at TIMESTAMP,
    decision_note VARCHAR);
CREATE TABLE IF NOT EXISTS download_counts (
    department_id VARCHAR NOT NULL, dataset_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    format VARCHAR NOT NULL, count BIGINT NOT NULL, last_at TIMESTAMP,
    PRIMARY KEY (department_id, dataset_id, version, format));
"""


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
def connect(*, read_only: bool = False, timeout: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection to the catalog, waiting while another process holds the lock."""
    from warehouse.storage import is_distributed

    if is_distributed():
        with _connect_ducklake(read_only=read_only, timeout=timeout) as con:
            yield con
        return
    path = catalog_path()
    if read_only and not path.exists():
        # Nothing published yet: make an empty, valid catalog so readers see "no datasets".
        with connect(read_only=False):
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
        con.execute("SET file_search_path = ?", [str(home())])
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
    con.execute(_DDL)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


# --------------------------------------------------------------------------------------------
# distributed profile: DuckLake (metadata in PostgreSQL, data files in the object store)

#: advisory-lock keys (PostgreSQL bigint) of the catalog's writer lock
_WRITE_LOCK_KEY = 0x7075_6264_6174_61  # "pubdata"


def ducklake_ddl() -> str:
    """The catalog DDL without what DuckLake does not support (PRIMARY KEY constraints)."""
    ddl = re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", _DDL)
    return ddl.replace(" PRIMARY KEY", "")


def _pg_dsn(with_password: bool = True) -> str:
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

    key = f"{os.getpid()}|{_pg_dsn()}|{ducklake_data_path()}"
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
                f"ATTACH {quote_literal('ducklake:postgres:' + _pg_dsn())} AS lake "
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

    pg = psycopg2.connect(_pg_dsn(), connect_timeout=10)
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
def _connect_ducklake(*, read_only: bool, timeout: float) -> Iterator[duckdb.DuckDBPyConnection]:
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
    needed = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _DDL))
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


def catalog_version() -> Any:
    """Changes whenever the catalog changes: the local file's stamp, or DuckLake's latest snapshot id."""
    from warehouse.storage import is_distributed

    if not is_distributed():
        return None
    import psycopg2

    pg = psycopg2.connect(_pg_dsn(), connect_timeout=10)
    try:
        with pg.cursor() as cur:
            cur.execute("SELECT max(snapshot_id) FROM ducklake.ducklake_snapshot")
            return cur.fetchone()[0]
    finally:
        pg.close()


def rows_as_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
