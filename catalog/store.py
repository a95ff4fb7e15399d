"""The DuckDB catalog: metadata tables plus schema ``open`` with one view per published dataset.

``$PUBDATA_HOME/catalog.duckdb`` holds departments, datasets, versions, columns (the disclosure
record per version), runs, classifications, reviews. Each published version is an immutable
Parquet file under ``open/<department>/<dataset>/``; the view ``open."<department>__<dataset>"``
reads the latest one through a path relative to ``PUBDATA_HOME`` (connections set
``file_search_path``), so the folder can be moved.

Connections are short-lived: DuckDB allows one writing process per file, so every operation
opens, works and closes, retrying while another process holds the lock.
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

from pubdata import CatalogError, home

__all__ = ["catalog_path", "connect", "ensure_schema", "open_view_name", "quote_ident", "rows_as_dicts"]

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


def quote_ident(name: str) -> str:
    """Quote any text as a DuckDB identifier (hostile names included)."""
    if "\x00" in name:
        raise ValueError("identifier contains a NUL byte")
    return '"' + name.replace('"', '""') + '"'


def open_view_name(department: str, dataset: str) -> str:
    return f"open.{quote_ident(f'{department}__{dataset}')}"


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() or "Conflicting lock" in text


@contextlib.contextmanager
def connect(*, read_only: bool = False, timeout: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection to the catalog, waiting while another process holds the lock."""
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
                con = duckdb.connect(str(path), read_only=mode,
                                     config={"autoinstall_known_extensions": "false",
                                             "autoload_known_extensions": "false"})
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
                    raise CatalogError(f"catalog {path.name} cannot be opened ({str(exc).splitlines()[0][:160]})",
                                       hint="another process may hold it; retry, or check PUBDATA_HOME") from None
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


def rows_as_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
