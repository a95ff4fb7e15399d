"""The DuckDB catalog: metadata tables plus schema ``open`` with one view per published dataset.

``$PUBDATA_HOME/catalog.duckdb`` holds departments, datasets, versions, columns (the disclosure
record per version), runs, classifications, reviews. Each published version is an immutable
Parquet file under ``open/<department>/<dataset>/``; the table ``open."<department>__<dataset>"``
holds a copy of the latest one, written in the same transaction as the version row. A table, not a
view over the file: DuckDB resolves a view's file path against the process's working directory
(or a per-connection ``file_search_path``), never against the database file, so a view breaks
when the catalog is opened from another directory or the folder is moved. The copy makes
``catalog.duckdb`` self-contained: the stock ``duckdb`` CLI or ``duckdb.connect(path)`` queries
``open.*`` from any directory, also in a moved or copied ``PUBDATA_HOME``. Catalogs written before
keep working: their views are replaced by tables on the first writing connection.

Connections are short-lived: DuckDB allows one writing process per file, so every operation
opens, works and closes, retrying while another process holds the lock. Opening the file and the
checkpoint on closing it cost far more than a small write, so a :func:`session` lets consecutive
catalog operations of one thread (a pipeline stage's bookkeeping: its run status, audit entries,
tier) share one writing connection, closed when the block ends. A session holds the file's lock
for its whole block: it wraps catalog operations only, never data work, so other processes (the
portal's readers) wait no longer than for one operation. A connection is a cursor of one in-memory
DuckDB instance per process to which the file is attached while any thread of the process uses it
(``ATTACH`` / ``DETACH``): creating a DuckDB instance per connection cost more CPU than loading the
catalog; the lock is still released (and the file checkpointed) when the last user closes.

In the distributed profile (``PUBDATA_PROFILE=distributed``) the same tables live in a
**DuckLake** catalog: metadata in PostgreSQL (``PUBDATA_CATALOG_PG``), data files in the object
store (``s3://<bucket>/catalog/``), so any number of workers on any number of machines attach it
at once; :func:`connect` attaches it as ``lake`` and makes it the default database, so the same
SQL runs on both profiles; there ``open`` holds views over the versions' ``s3://`` URIs (absolute,
so they work from anywhere that reaches the object store). DuckLake has no PRIMARY KEY constraints (they are stripped from the
DDL), and its optimistic commits cannot keep "read the max, then insert max+1" (audit chain,
version numbers) or delete-then-insert upserts correct under concurrency; so a *writing*
connection holds a PostgreSQL advisory lock for its (milliseconds-long) metadata transaction,
which gives writers the same one-at-a-time semantics DuckDB's file lock gives locally, while the
heavy work (reading, validating, protecting, writing Parquet to the object store) runs in
parallel outside it. Published files are addressed by ``s3://`` URIs there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from catalog.schema import DDL, SCHEMA_VERSION
from core import CatalogError, home
from core.sql import quote_ident, quote_literal, scalar

__all__ = [
    "catalog_path",
    "catalog_version",
    "connect",
    "deferred_writes",
    "drop_open_relation",
    "ensure_catalog",
    "ensure_schema",
    "has_table",
    "later",
    "open_view_name",
    "refresh_open_table",
    "rows_as_dicts",
    "session",
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
    # "Unique file handle conflict": another thread of this process is opening or closing the file
    # at this moment (e.g. the portal's download-count flusher): as transient as a lock
    return "lock" in text.lower() or "Unique file handle conflict" in text


class _Session(threading.local):
    """This thread's open :func:`session`: its depth, and the connection its first operation opened."""

    depth = 0
    path: Path | None = None
    con: duckdb.DuckDBPyConnection | None = None


_SESSION = _Session()


@contextlib.contextmanager
def session() -> Iterator[None]:
    """Catalog operations of this thread inside the block share one writing connection, opened by
    the first of them and closed (checkpointed) when the block ends; each operation keeps its own
    transaction. Nested blocks join the outer one. Wrap catalog bookkeeping only, never data work:
    the connection holds the catalog's lock. (DuckLake, distributed profile: each operation keeps
    its own connection and advisory lock.)"""
    _SESSION.depth += 1
    try:
        yield
    finally:
        _SESSION.depth -= 1
        if _SESSION.depth == 0 and _SESSION.con is not None:
            con, _SESSION.con, _SESSION.path = _SESSION.con, None, None
            _close(con)


class _Pending(threading.local):
    """This thread's :func:`deferred_writes` scope: its queue of catalog writes, the key (a
    dataset id) the next ones belong to, and the keys whose writes failed when applied."""

    queue: list[tuple[str, Callable[..., Any], tuple[Any, ...], dict[str, Any]]] | None = None
    key = ""
    failed: set[str] | None = None
    applying = False


_PENDING = _Pending()
_log = logging.getLogger("pubdata.catalog")


class Deferred:
    """What :func:`deferred_writes` yields: set ``key`` before each unit of work (a dataset of a
    batch); ``failed`` holds the keys whose queued writes raised when they were applied."""

    @property
    def key(self) -> str:
        return _PENDING.key

    @key.setter
    def key(self, value: str) -> None:
        _PENDING.key = value

    @property
    def failed(self) -> set[str]:
        return _PENDING.failed if _PENDING.failed is not None else set()


@contextlib.contextmanager
def deferred_writes() -> Iterator[Deferred]:
    """Catalog writes passed to :func:`later` inside the block are queued, then applied in order on
    one connection: before the next write that does not wait (so the catalog's writes keep their
    order) and when the block ends (also when it ends with an error). Each queued write keeps its
    own transaction; one that raises is logged, its key lands in ``failed`` and that key's further
    queued writes are skipped, the other keys' writes go on. For a batch of small datasets: a
    stage's progress records cost one catalog opening for the batch instead of one or two each
    (opening the file and its checkpoint on closing cost more than a tiny dataset's work)."""
    if _PENDING.queue is not None:  # nested: the outer block applies them
        yield Deferred()
        return
    _PENDING.queue, _PENDING.failed, _PENDING.key = [], set(), ""
    try:
        yield Deferred()
    finally:
        try:
            _apply_pending()
        finally:
            _PENDING.queue, _PENDING.key = None, ""


def later(fn: Callable[..., Any], *args: Any, **kw: Any) -> None:
    """``fn(*args, **kw)`` (a catalog write whose result is not needed) now, or, inside
    :func:`deferred_writes`, queued for the block's next application."""
    if _PENDING.queue is None or _PENDING.applying:
        fn(*args, **kw)
        return
    _PENDING.queue.append((_PENDING.key, fn, args, kw))


def _apply_pending() -> None:
    queue = _PENDING.queue
    if not queue or _PENDING.applying:
        return
    _PENDING.queue = []
    failed = _PENDING.failed if _PENDING.failed is not None else set()
    _PENDING.applying = True
    try:
        with session():
            for key, fn, args, kw in queue:
                if key in failed:
                    continue
                try:
                    fn(*args, **kw)
                except Exception:  # this key's record is incomplete; the other keys' writes go on
                    _log.exception("catalog write %s for %s failed", getattr(fn, "__name__", fn), key or "-")
                    failed.add(key)
    finally:
        _PENDING.applying = False


@contextlib.contextmanager
def connect(
    *, read_only: bool = False, timeout: float = 60.0, home_dir: Path | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection to the catalog, waiting while another process holds the lock
    (``home_dir``: the catalog of that PUBDATA_HOME rather than the current one); inside a
    :func:`session`, the session's connection."""
    if _PENDING.queue and not read_only and not _PENDING.applying:
        _apply_pending()  # queued writes first: the catalog's writes keep their order
    from warehouse.storage import is_distributed

    if is_distributed():
        from catalog.ducklake import connect_ducklake

        with connect_ducklake(read_only=read_only, timeout=timeout) as con:
            yield con
        return
    path = home_dir / "catalog.duckdb" if home_dir is not None else catalog_path()
    if _SESSION.depth and _SESSION.path in (None, path):
        if _SESSION.con is None:
            _SESSION.con, _SESSION.path = _open(path, read_only=False, timeout=timeout, home_dir=home_dir), path
        con = _SESSION.con
        try:
            yield con
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # a transaction the failed operation left open
                con.execute("ROLLBACK")
            raise
        return
    con = _open(path, read_only=read_only, timeout=timeout, home_dir=home_dir)
    try:
        yield con
    finally:
        _close(con)


def _open(path: Path, *, read_only: bool, timeout: float, home_dir: Path | None) -> duckdb.DuckDBPyConnection:
    if read_only and not path.exists():
        # Nothing published yet: make an empty, valid catalog so readers see "no datasets".
        _close(_open(path, read_only=False, timeout=timeout, home_dir=home_dir))
    deadline = time.monotonic() + timeout
    delay = 0.005
    mode = read_only
    if not read_only:
        _writers_waiting(+1)
    try:
        while True:
            if read_only and _WRITERS[0] > 0:
                mode = False  # a writer of this process is waiting: don't keep a read-only attachment alive
            try:
                con = _attach(path, read_only=mode)
                break
            except (duckdb.Error, _ModeConflict) as exc:
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
    except BaseException:
        _close(con)
        raise
    return con


class _ModeConflict(Exception):
    """The file is attached read-only in this process and a writer asked for it (it waits)."""

    def __str__(self) -> str:
        return "attached with a different configuration (read-only) in this process"


class _Host:
    """The process's in-memory DuckDB instance the catalog file is attached to while in use.

    Creating a DuckDB instance (what ``duckdb.connect(path)`` does when no connection of this
    process has the file open) costs ~25-100 ms of CPU, more than the catalog operation itself;
    ``ATTACH``/``DETACH`` on one long-lived instance does not. The file is attached once per
    process however many threads use it (each gets its own cursor, ``USE``-ing the attachment),
    and detached (checkpointed, its lock released for other processes) when the last one closes,
    exactly when the last ``duckdb.connect`` of it would have been closed before."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pid = 0
        self.instance: duckdb.DuckDBPyConnection | None = None
        #: path -> [alias, read_only, users]
        self.attached: dict[Path, list[Any]] = {}
        #: id(cursor) -> path
        self.leases: dict[int, Path] = {}
        self.serial = 0


_HOST = _Host()


def _attach(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A cursor of the host instance on the catalog file ``path`` (attached if it is not)."""
    with _HOST.lock:
        if _HOST.instance is None or _HOST.pid != os.getpid():  # a forked child never uses its parent's
            # one thread: the catalog's work is metadata, and its one big statement, the copy of a
            # published file into ``open`` (refresh_open_table), keeps the file's row order on one
            # thread by writing compressed row groups straight to the file; on two it buffered them
            # and left the table to the checkpoint when the file was detached (1e6 rows: 5 s of CPU
            # instead of 1.5 s, and a file twice the size)
            _HOST.instance = duckdb.connect(
                config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false", "threads": 1}
            )
            _HOST.pid, _HOST.attached, _HOST.leases = os.getpid(), {}, {}
        host = _HOST.instance
        entry = _HOST.attached.get(path)
        if entry is not None and entry[1] and not read_only:
            raise _ModeConflict()
        if entry is None:
            _HOST.serial += 1
            alias = f"pubdata_catalog_{_HOST.serial}"
            host.execute(f"ATTACH {quote_literal(str(path))} AS {alias}" + (" (READ_ONLY)" if read_only else ""))
            entry = _HOST.attached[path] = [alias, read_only, 0]
        con = host.cursor()
        try:
            con.execute(f"USE {entry[0]}")
        except BaseException:
            con.close()
            if entry[2] == 0:
                _detach(path)
            raise
        entry[2] += 1
        _HOST.leases[id(con)] = path
        return con


def _close(con: duckdb.DuckDBPyConnection) -> None:
    """Close a connection :func:`_open` returned; the last one of a file detaches it."""
    with _HOST.lock:
        path = _HOST.leases.pop(id(con), None)
        con.close()
        if path is None or _HOST.pid != os.getpid():
            return
        entry = _HOST.attached[path]
        entry[2] -= 1
        if entry[2] == 0:
            _detach(path)


def _detach(path: Path) -> None:
    alias = _HOST.attached.pop(path)[0]
    assert _HOST.instance is not None
    _HOST.instance.execute(f"DETACH {alias}")


_WRITERS = [0]
_WRITERS_LOCK = threading.Lock()


def _writers_waiting(delta: int) -> None:
    with _WRITERS_LOCK:
        _WRITERS[0] += delta


def _is_config_conflict(exc: Exception) -> bool:
    return isinstance(exc, _ModeConflict) or "different configuration" in str(exc)


#: digest of the DDL a catalog was last brought up to (``meta.schema_ddl``)
_DDL_STAMP = hashlib.sha256(DDL.encode()).hexdigest()[:16]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create what the DDL declares and the catalog lacks. A catalog stamped with this DDL's digest
    skips the DDL: one read instead of ~20 statements and a write on every writing connection.
    Views left from before tables are converted on every writing connection (a read when none)."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_ddl'").fetchone()
    except duckdb.CatalogException:  # a new catalog: no meta table yet
        row = None
    if not (row and row[0] == _DDL_STAMP):
        con.execute(DDL)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_ddl', ?)", [_DDL_STAMP])
    _views_to_tables(con)


def refresh_open_table(con: duckdb.DuckDBPyConnection, department: str, dataset: str, location: Any) -> None:
    """Point ``open."<department>__<dataset>"`` at a version: a local file is copied into a table
    (the catalog stays self-contained, see the module docstring), an ``s3://`` object gets a view."""
    name = open_view_name(department, dataset)
    is_view = _open_kind(con, department, dataset) == "view"
    if isinstance(location, Path):
        if is_view:
            con.execute(f"DROP VIEW {name}")
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM read_parquet({quote_literal(str(location))})")
    else:
        if not is_view:
            con.execute(f"DROP TABLE IF EXISTS {name}")
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({quote_literal(str(location))})")


def _open_kind(con: duckdb.DuckDBPyConnection, department: str, dataset: str) -> str | None:
    """Whether ``open."<department>__<dataset>"`` is a ``"view"``, a ``"table"`` or absent."""
    relation = f"{department}__{dataset}"
    if scalar(
        con,
        "SELECT count(*) FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'open' "
        "AND view_name = ?",
        [relation],
    ):
        return "view"
    if scalar(
        con,
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'open' "
        "AND table_name = ?",
        [relation],
    ):
        return "table"
    return None


def drop_open_relation(con: duckdb.DuckDBPyConnection, department: str, dataset: str) -> None:
    """Remove ``open."<department>__<dataset>"`` (a table locally, a view in the distributed profile)."""
    kind = _open_kind(con, department, dataset)
    if kind:
        con.execute(f"DROP {kind.upper()} {open_view_name(department, dataset)}")


def _views_to_tables(con: duckdb.DuckDBPyConnection) -> None:
    """A catalog written before tables: replace each ``open`` view over a local file by a table."""
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'open' "
        "AND NOT internal AND sql NOT ILIKE '%s3://%'"
    ).fetchall()
    for (view,) in views:
        row = con.execute(
            "SELECT path FROM versions WHERE department_id || '__' || dataset_id = ? ORDER BY version DESC LIMIT 1",
            [view],
        ).fetchone()
        path = home() / row[0] if row else None
        if path is None or not path.is_file():
            continue  # nothing to copy: the view stays as it was
        con.execute("BEGIN")
        con.execute(f"DROP VIEW {quote_ident('open')}.{quote_ident(view)}")
        con.execute(
            f"CREATE TABLE {quote_ident('open')}.{quote_ident(view)} AS SELECT * FROM read_parquet({quote_literal(str(path))})"
        )
        con.execute("COMMIT")


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
    return (
        scalar(
            con,
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ?",
            [name],
        )
        > 0
    )


def rows_as_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
