"""A row index of a published Parquet file: exact filtered counts and pages without a scan.

``datastore_search`` with ``filters`` compares ``CAST(column AS VARCHAR)`` with the client's
values; on a big file that is a scan of the whole file per request (twice: the page and the total).
This module keeps, next to a published local file ``vNNNNNN.parquet``, a folder
``vNNNNNN.index/`` built once when the version is published (the file never changes afterwards):

* ``keys.duckdb``: per indexable column a table ``k<position>(h UBIGINT, v VARCHAR, r BIGINT)``:
  ``v`` the value as the filter compares it (``CAST(column AS VARCHAR)``, NULL for null), ``h`` its
  DuckDB ``hash``, ``r`` the row's number in the file, sorted by ``(h, r)``, so DuckDB's zone maps on
  ``h`` narrow a lookup to the few row groups holding that value (zone maps of a VARCHAR column keep
  only a prefix, useless for values such as ``station_1``/``station_2``). A column with few distinct
  values (fewer than a quarter of its rows) has the compact layout instead: ``k<position>(h, r)``
  integers only, sorted the same way, and ``d<position>(h, v)`` its distinct values once; a value's
  rows are those of its hash, which is exact because the build keeps this layout only when no two
  distinct values of the column share a hash (else the column gets the full layout). Writing every
  row's text was most of the build's time. A compact column of at most :data:`LIST_MAX_VALUES`
  distinct values (format 4) has no ``k`` table: ``d<position>(h, v, lo, hi)`` and a file
  ``k<position>.npy`` of the row numbers (``int32``) grouped by value in ``d``'s order, ascending
  within a value, so a value's rows are the slice ``[lo, hi)`` (memory-mapped); built without a
  sort of (hash, row) pairs (a stable radix sort of 16-bit value codes). And ``meta`` (the file's
  SHA-256, its row count, the columns, their tables and dictionaries);
* ``rows.arrow``: the same rows in the same order, an uncompressed Arrow IPC file of record batches
  of :data:`ROW_BLOCK` rows, memory-mapped: a page of matching rows maps the few batches holding
  them (no decoding), where the Parquet file would decode whole 122,880-row groups. The price is
  disk: the table's in-memory size (~12x this Parquet file for the bench's table; compressed
  batches cost ~0.5 ms of decompression each, slower than a scan for scattered rows).

A reader (:func:`open_index`) is used only when the index was built from the very bytes the catalog
records for the version (its SHA-256): a new version is a new file and a new index; anything
missing or unreadable answers ``None`` and the caller scans the file as before. Values are always
``?`` parameters; the generated table names (``k0``, ``k1``…) are the only names in the SQL besides
column names quoted with :func:`core.sql.quote_ident` while building.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.sql import quote_ident, quote_literal
from warehouse import storage

__all__ = ["MAX_LOOKUPS", "ROW_BLOCK", "RowIndex", "build", "index_dir", "open_index"]

log = logging.getLogger("pubdata.rowindex")

ROW_BLOCK = 1024  # rows per record batch of rows.arrow: a fetched page decodes whole batches
_OPEN_MAX = 16  # readers kept open (one read-only DuckDB connection each)
MAX_LOOKUPS = 32  # filter values one indexed query looks up; more are answered by a scan
_FORMAT = "4"  # bump when the layout changes: indexes of other formats are ignored (and rebuilt on publish)
#: formats this reader answers from ("2": every column in the full layout; "3": no row lists)
_READS = ("2", "3", "4")
BUILD_THREADS = 2  # DuckDB threads of a build
BUILD_MEMORY = "128MB"  # DuckDB memory of a build: its sorts spill beyond (at 512MB a 1e7-row build took 300 MB
#: more than a 1e6-row one; at 128MB ~60 MB more, for the same CPU time)
#: a column whose distinct values are fewer than 1/DICT_MAX_SHARE of its rows gets the compact layout
DICT_MAX_SHARE = 4
#: a compact column of at most this many distinct values keeps a row list per value (16-bit codes)
LIST_MAX_VALUES = 1 << 16


def index_dir(parquet: Path) -> Path:
    """The index folder of a published file (``v000003.parquet`` -> ``v000003.index``)."""
    return parquet.with_name(parquet.stem + ".index")


def _connect(database: str, *, read_only: bool = False, **config: str):
    con = storage.duckdb_connect(database, read_only=read_only, **config)
    con.execute("SET enable_progress_bar = false")
    return con


def build(parquet: Path, sha256: str, *, memory_limit: str = BUILD_MEMORY) -> Path | None:
    """Build (or rebuild) the index of ``parquet`` whose bytes hash to ``sha256``; returns its folder.

    Written into a temporary folder and renamed into place, so a reader never sees half an index.
    Returns ``None`` (and builds nothing) when the file has a column DuckDB's row numbering would
    shadow (``file_row_number``): such a file is served by scanning it.

    A small file (a batch's tiny datasets) is indexed on the process's shared DuckDB instance for
    builds (:func:`_shared_build`): creating an instance per index cost more than indexing it."""
    import duckdb

    if memory_limit == BUILD_MEMORY and parquet.stat().st_size <= SHARED_MAX_BYTES and _SHARED.acquire(blocking=False):
        try:  # one build at a time on it: a build changes the instance's threads and order settings
            return _build(parquet, sha256, memory_limit, shared=True)
        except duckdb.OutOfMemoryException:  # it has no spill folder: built again, on an instance of its own
            log.info("row index of %s: beyond the shared instance's memory, built on its own", parquet.name)
        finally:
            _SHARED.release()
    return _build(parquet, sha256, memory_limit, shared=False)


def _build(parquet: Path, sha256: str, memory_limit: str, *, shared: bool) -> Path | None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(parquet)
    if any(name.lower() == "file_row_number" for name in schema.names):
        return None
    target = index_dir(parquet)
    tmp = parquet.with_name(f".tmp-{parquet.stem}.index")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    source = f"read_parquet({quote_literal(str(parquet))}, file_row_number = true)"
    columns: list[dict[str, Any]] = []
    con: Any = (
        _Attached(tmp / "keys.duckdb")
        if shared
        else _connect(
            str(tmp / "keys.duckdb"),
            threads=str(BUILD_THREADS),
            memory_limit=memory_limit,
            temp_directory=str(tmp / "spill"),
            preserve_insertion_order="false",  # CREATE TABLE ... ORDER BY sorts; nothing else needs order
        )
    )
    try:
        flat = [(pos, field) for pos, field in enumerate(schema) if not pa.types.is_nested(field.type)]
        # one pass: the row count and each column's (approximate) number of distinct values, which
        # decides its layout only (both layouts answer exactly)
        counts = con.execute(
            f"SELECT count(*){''.join(f', approx_count_distinct({quote_ident(f.name)})' for _, f in flat)} "
            f"FROM read_parquet({quote_literal(str(parquet))})"
        ).fetchone()
        assert counts is not None
        rows = int(counts[0])
        # the same rows in the same order (one thread: the scan's order is the file's)
        con.execute("SET threads = 1")
        con.execute("SET preserve_insertion_order = true")
        _write_blocks(con.execute(f"SELECT * FROM read_parquet({quote_literal(str(parquet))})"), tmp / "rows.arrow")
        con.execute(f"SET threads = {BUILD_THREADS}")
        con.execute("SET preserve_insertion_order = false")
        for (pos, field), distinct in zip(flat, counts[1:]):
            entry = {"name": field.name, "table": f"k{pos}"}
            few = int(distinct or 0) * DICT_MAX_SHARE < rows
            if few and _lists(con, pos, quote_ident(field.name), source, rows, tmp):
                entry["values"], entry["rows"] = f"d{pos}", f"k{pos}.npy"
            elif few and _dictionary(con, pos, quote_ident(field.name), source):
                entry["values"] = f"d{pos}"
            else:
                con.execute(
                    f"CREATE TABLE k{pos} AS SELECT hash(v) AS h, v, r FROM (SELECT CAST({quote_ident(field.name)} "
                    f"AS VARCHAR) AS v, file_row_number AS r FROM {source}) ORDER BY h, r"
                )
            columns.append(entry)
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [["format", _FORMAT], ["sha256", sha256], ["rows", str(rows)], ["columns", json.dumps(columns)]],
        )
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    con.close()
    shutil.rmtree(tmp / "spill", ignore_errors=True)
    if target.exists():  # a retry of the same publication: the new index replaces the old one
        shutil.rmtree(target)
    tmp.replace(target)
    return target


#: Parquet files up to this size are indexed on the shared instance (a tiny dataset's file is a few
#: KB; a 3.4 MB file of 300,000 distinct codes needed more than 24 MB without spilling, so 1 MB stays
#: far below the builds' 128 MB)
SHARED_MAX_BYTES = 1 << 20
_SHARED = threading.Lock()
_SERIAL = [0]


class _Attached:
    """The index file ``keys.duckdb`` attached to the process's shared instance for builds and made
    the default database of a new connection; ``close()`` checkpoints and detaches it. The instance
    has the builds' threads and memory limit and no spill folder: a build beyond its memory fails
    with ``OutOfMemoryException`` (and is built again on an instance of its own, which spills)."""

    def __init__(self, path: Path) -> None:
        self._cursor = storage.duckdb_cursor(
            "rowindex", threads=str(BUILD_THREADS), memory_limit=BUILD_MEMORY, temp_directory=""
        )
        self.con = self._cursor.__enter__()
        _SERIAL[0] += 1
        self.alias = f"rowindex_{_SERIAL[0]}"
        try:
            self.con.execute(f"ATTACH {quote_literal(str(path))} AS {self.alias}")
            self.con.execute(f"USE {self.alias}")
            # what a previous build left set on the instance
            self.con.execute(f"SET threads = {BUILD_THREADS}")
            self.con.execute("SET preserve_insertion_order = false")
            self.con.execute("SET enable_progress_bar = false")
        except BaseException:
            self.close()
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)

    def close(self) -> None:
        try:
            self.con.execute("USE memory")
            self.con.execute(f"DETACH DATABASE IF EXISTS {self.alias}")
        finally:
            self._cursor.__exit__(None, None, None)


def _dictionary(con: Any, pos: int, column: str, source: str) -> bool:
    """The compact layout of a column with few distinct values: ``d<pos>(h, v)`` its distinct
    values and their hashes, ``k<pos>(h, r)`` only integers (writing the text of every row was most
    of the build). Exact only when no two distinct values of the column share a hash: otherwise
    (never seen; 64-bit hashes) nothing is kept and the caller builds the full layout."""
    con.execute(
        f"CREATE TABLE d{pos} AS SELECT hash(v) AS h, v FROM (SELECT DISTINCT CAST({column} AS VARCHAR) AS v "
        f"FROM {source}) ORDER BY h"
    )
    if _shared_hashes(con, f"d{pos}"):
        con.execute(f"DROP TABLE d{pos}")
        return False
    con.execute(
        f"CREATE TABLE k{pos} AS SELECT hash(CAST({column} AS VARCHAR)) AS h, file_row_number AS r FROM {source} "
        "ORDER BY h, r"
    )
    return True


def _lists(con: Any, pos: int, column: str, source: str, rows: int, folder: Path) -> bool:
    """The row-list layout of a column of at most :data:`LIST_MAX_VALUES` distinct values:
    ``d<pos>(h, v, lo, hi)`` its distinct values sorted by hash, and ``k<pos>.npy`` every row number
    grouped by value in that order (ascending within a value: a stable sort of the rows' value
    codes, which numpy does by radix for 16-bit codes), no sort of (hash, row) pairs. Exact under
    the same condition as :func:`_dictionary` (no two values share a hash); False (nothing kept)
    when the column has more values or a shared hash."""
    import numpy as np
    import pyarrow as pa

    con.execute(
        f"CREATE TABLE d{pos} AS SELECT hash(v) AS h, v FROM (SELECT DISTINCT CAST({column} AS VARCHAR) AS v "
        f"FROM {source}) ORDER BY h"
    )
    too_many = _scalar(con, f"SELECT count(*) FROM d{pos}", []) > LIST_MAX_VALUES or rows >= 1 << 31
    if too_many or _shared_hashes(con, f"d{pos}"):
        con.execute(f"DROP TABLE d{pos}")
        return False
    distinct = con.execute(f"SELECT h, v FROM d{pos} ORDER BY h").to_arrow_table()
    hashes = distinct.column("h").to_numpy()
    codes = np.empty(rows, np.uint16)  # the position in `distinct` of each row's value
    query = f"SELECT hash(CAST({column} AS VARCHAR)) AS h, file_row_number AS r FROM {source}"
    for batch in con.execute(query).to_arrow_reader(1 << 17):
        codes[batch.column(1).to_numpy()] = np.searchsorted(hashes, batch.column(0).to_numpy())
    order = np.argsort(codes, kind="stable").astype(np.int32)
    ends = np.cumsum(np.bincount(codes, minlength=len(hashes)))
    del codes
    np.save(folder / f"k{pos}.npy", order, allow_pickle=False)
    spans = distinct.append_column("lo", pa.array(ends - np.diff(ends, prepend=0), pa.int64()))
    spans = spans.append_column("hi", pa.array(ends, pa.int64()))
    con.execute(f"DROP TABLE d{pos}")
    con.register("_spans", spans)
    try:
        con.execute(f"CREATE TABLE d{pos} AS SELECT h, v, lo, hi FROM _spans ORDER BY h")
    finally:
        con.unregister("_spans")
    return True


def _shared_hashes(con: Any, table: str) -> int:
    """How many distinct values of a dictionary table share their hash with another value."""
    return int(_scalar(con, f"SELECT count(*) - count(DISTINCT h) FROM {table}", []))


def _write_blocks(result: Any, target: Path) -> None:
    """Stream a DuckDB result into an Arrow IPC file of batches of exactly ROW_BLOCK rows (the
    last one may be shorter), so row ``r`` is in batch ``r // ROW_BLOCK``."""
    import pyarrow as pa

    reader = result.to_arrow_reader(ROW_BLOCK)
    pending: list[Any] = []
    size = 0
    with pa.OSFile(str(target), "wb") as sink, pa.ipc.new_file(sink, reader.schema) as writer:
        for batch in reader:
            if not pending and batch.num_rows == ROW_BLOCK:  # DuckDB's usual batch: as it is
                writer.write_batch(batch)
                continue
            pending.append(batch)
            size += batch.num_rows
            while size >= ROW_BLOCK:
                table = pa.Table.from_batches(pending, schema=reader.schema)
                writer.write_batch(table.slice(0, ROW_BLOCK).combine_chunks().to_batches()[0])
                rest = table.slice(ROW_BLOCK)
                pending, size = rest.to_batches(), rest.num_rows
        if size:
            writer.write_batch(pa.Table.from_batches(pending, schema=reader.schema).combine_chunks().to_batches()[0])


def _scalar(con: Any, sql: str, args: list[Any]) -> Any:
    row = con.execute(sql, args).fetchone()
    assert row is not None  # an aggregate without GROUP BY returns one row
    return row[0]


@dataclass(frozen=True)
class Condition:
    """One column's filter: rows whose ``CAST(column AS VARCHAR)`` is one of ``values``, or NULL
    when ``null`` is set."""

    column: str
    values: tuple[str, ...]
    null: bool = False


class RowIndex:
    """A read-only view of one index folder; safe to share between threads (a cursor per call)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._con = _connect(str(folder / "keys.duckdb"), read_only=True, threads="1")
        meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") not in _READS:
            self._con.close()
            raise ValueError("index format differs")
        self.sha256: str = meta["sha256"]
        self.rows = int(meta["rows"])
        listed = json.loads(meta["columns"])
        self.tables: dict[str, str] = {c["name"]: c["table"] for c in listed}
        #: columns in the compact layout: their table of distinct values
        self.values: dict[str, str] = {c["name"]: c["values"] for c in listed if c.get("values")}
        #: columns with a row list per value (format 4): the file of their row numbers
        self.lists: dict[str, str] = {c["name"]: c["rows"] for c in listed if c.get("rows")}
        self._arrays: dict[str, Any] = {}
        self._rows_path = folder / "rows.arrow"
        self._local = threading.local()  # a file reader per thread over the shared memory map
        self._all_batches: list[Any] | None = None
        reader = self._reader()
        blocks = reader.num_record_batches
        if blocks != -(-self.rows // ROW_BLOCK):
            self._con.close()
            raise ValueError("index rows differ")
        self.schema = reader.schema

    def _reader(self) -> Any:
        import pyarrow as pa

        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._local.reader = pa.ipc.open_file(pa.memory_map(str(self._rows_path)))
        return reader

    def covers(self, conditions: Sequence[Condition]) -> bool:
        """Whether the index answers ``conditions``: columns it has, and at most :data:`MAX_LOOKUPS`
        values in all (each is a branch of the lookup query: a request with thousands of values
        cost seconds of CPU here, where one scan with ``IN`` costs milliseconds)."""
        lookups = sum(len(set(c.values)) + c.null for c in conditions)
        return lookups <= MAX_LOOKUPS and all(c.column in self.tables for c in conditions)

    def _matches(self, conditions: Sequence[Condition]) -> tuple[str, list[Any]]:
        """SQL of the set of row numbers matching every condition, and its parameters."""
        per_column, args = [], []
        for cond in conditions:
            table, values = self.tables[cond.column], self.values.get(cond.column)
            parts = []
            for value in dict.fromkeys(cond.values):  # each value once: the parts never overlap
                if values:  # compact: the value's hash is its own in this column (checked at build)
                    parts.append(
                        f"SELECT r FROM {table} WHERE h = hash(CAST(? AS VARCHAR)) AND EXISTS "
                        f"(SELECT 1 FROM {values} WHERE h = hash(CAST(? AS VARCHAR)) AND v = ?)"
                    )
                    args += [value, value, value]
                else:
                    parts.append(f"SELECT r FROM {table} WHERE h = hash(CAST(? AS VARCHAR)) AND v = ?")
                    args += [value, value]
            if cond.null:
                null = "h = hash(CAST(NULL AS VARCHAR))"
                parts.append(
                    f"SELECT r FROM {table} WHERE {null} AND EXISTS (SELECT 1 FROM {values} WHERE {null} AND v IS NULL)"
                    if values
                    else f"SELECT r FROM {table} WHERE {null} AND v IS NULL"
                )
            per_column.append("(" + " UNION ALL ".join(parts) + ")")
        return " INTERSECT ".join(per_column), args

    def matches(self, conditions: Sequence[Condition]) -> Any:
        """Row numbers (ascending, a numpy ``int64`` array) of the rows matching every condition.

        A version never changes, so the answer is kept (:data:`_MATCH_CACHE_BYTES` per process,
        keyed by the index's folder, the file's SHA-256 and the conditions): a repeated filter costs
        no lookup, and the page and the total come from the same array (one query, not two)."""
        import numpy as np

        key = (str(self.folder), self.sha256, tuple(conditions))
        with _MATCH_LOCK:
            found = _MATCHES.get(key)
            if found is not None:
                _MATCHES.move_to_end(key)
                return found
        in_sql = [c for c in conditions if c.column not in self.lists]
        cur = self._con.cursor()
        try:
            sets = [self._listed(cur, c) for c in conditions if c.column in self.lists]
            if in_sql:
                sql, args = self._matches(in_sql)
                got = cur.execute(f"SELECT r FROM ({sql}) ORDER BY r", args).fetchnumpy()["r"]
                sets.append(np.asarray(got, dtype=np.int64))
        finally:
            cur.close()
        got = sets[0]
        for other in sets[1:]:  # each ascending without repeats
            got = np.intersect1d(got, other, assume_unique=True)
        rows = np.ascontiguousarray(np.asarray(got, dtype=np.int64))
        rows.setflags(write=False)
        if rows.nbytes <= _MATCH_CACHE_BYTES // 8:
            with _MATCH_LOCK:
                _MATCHES[key] = rows
                global _MATCH_BYTES
                _MATCH_BYTES += rows.nbytes
                while _MATCH_BYTES > _MATCH_CACHE_BYTES and _MATCHES:
                    _MATCH_BYTES -= _MATCHES.popitem(last=False)[1].nbytes
        return rows

    def _listed(self, cur: Any, cond: Condition) -> Any:
        """Row numbers (ascending ``int64``) of a row-list column's condition: the slices of its
        values (one query for their spans; distinct values have disjoint rows)."""
        import numpy as np

        name = self.lists[cond.column]
        rows = self._arrays.get(name)
        if rows is None:
            rows = self._arrays[name] = np.load(self.folder / name, mmap_mode="r", allow_pickle=False)
        table, values = self.values[cond.column], list(dict.fromkeys(cond.values))
        where = []
        if values:
            marks = ", ".join("?" * len(values))
            hashed = ", ".join("hash(CAST(? AS VARCHAR))" for _ in values)
            where.append(f"(h IN ({hashed}) AND v IN ({marks}))")
        if cond.null:
            where.append("(h = hash(CAST(NULL AS VARCHAR)) AND v IS NULL)")
        sql = f"SELECT lo, hi FROM {table} WHERE {' OR '.join(where) or 'false'}"
        spans = cur.execute(sql, values + values).fetchall()
        if not spans:
            return np.empty(0, np.int64)
        got = np.concatenate([rows[lo:hi] for lo, hi in spans]).astype(np.int64)
        if len(spans) > 1:
            got.sort()
        return got

    def select(
        self, conditions: Sequence[Condition], limit: int, offset: int, *, total: bool = True
    ) -> tuple[list[int], int | None]:
        """Row numbers of the page (ascending, as a scan returns them) and the exact total."""
        if not conditions:
            return list(range(min(offset, self.rows), min(offset + limit, self.rows))), self.rows
        rows = self.matches(conditions)
        return rows[offset : offset + limit].tolist(), int(rows.size)

    def _batches(self) -> list[Any]:
        """Every record batch of ``rows.arrow`` (memory-mapped: nothing is read until used)."""
        batches = self._all_batches
        if batches is None:
            reader = self._reader()
            batches = self._all_batches = [reader.get_batch(i) for i in range(reader.num_record_batches)]
        return batches

    def fetch(self, rownums: Sequence[int], fields: Sequence[str]):
        """The rows ``rownums`` (ascending) of the file, columns ``fields`` (named ``c0``, ``c1``… as
        ``fields`` may repeat a column), as an Arrow table."""
        import pyarrow as pa

        names = [f"c{i}" for i in range(len(fields))]
        columns = [self.schema.get_field_index(f) for f in fields]
        if not rownums:
            return pa.Table.from_arrays([pa.array([], self.schema.field(c).type) for c in columns], names=names)
        batches = self._batches()
        blocks = sorted({r // ROW_BLOCK for r in rownums})
        first = {b: i * ROW_BLOCK for i, b in enumerate(blocks)}  # where each batch starts in `table`
        wanted = sorted(set(columns))
        table = pa.Table.from_batches([batches[b].select(wanted) for b in blocks])  # maps, copies nothing
        where = pa.array([first[r // ROW_BLOCK] + r % ROW_BLOCK for r in rownums], pa.int64())
        table = table.take(where).combine_chunks()
        return pa.Table.from_arrays([table.column(wanted.index(c)) for c in columns], names=names)

    def plain(self, fields: Sequence[str]) -> bool:
        """True when every column of ``fields`` has a type whose Arrow values are the Python values
        DuckDB gives (numbers, text, booleans, dates, naive timestamps, decimals): their rows can
        be read without DuckDB (:meth:`records`)."""
        return all(_plain_type(self.schema.field(f).type) for f in fields)

    def records(self, rownums: Sequence[int], fields: Sequence[str]) -> list[tuple[Any, ...]]:
        """The rows ``rownums`` as tuples of Python values (only for :meth:`plain` fields)."""
        table = self.fetch(rownums, fields)
        return list(zip(*(col.to_pylist() for col in table.columns))) if table.num_columns else []


def _plain_type(t: Any) -> bool:
    import pyarrow as pa

    return bool(
        pa.types.is_integer(t)
        or pa.types.is_floating(t)
        or pa.types.is_string(t)
        or pa.types.is_large_string(t)
        or pa.types.is_boolean(t)
        or pa.types.is_date32(t)
        or pa.types.is_decimal(t)
        or (pa.types.is_timestamp(t) and t.tz is None and t.unit != "ns")
    )


#: match sets kept per process (bytes of row numbers); one set larger than an eighth is not kept
_MATCH_CACHE_BYTES = 64 << 20
_MATCHES: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_MATCH_LOCK = threading.Lock()
_MATCH_BYTES = 0


_OPEN: OrderedDict[tuple[str, int], RowIndex | None] = OrderedDict()
_OPEN_LOCK = threading.Lock()


def open_index(parquet: Path, sha256: str | None) -> RowIndex | None:
    """The index of ``parquet`` when it was built from the bytes hashing to ``sha256``, else None."""
    if not sha256:
        return None
    folder = index_dir(parquet)
    try:
        stamp = (folder / "keys.duckdb").stat().st_mtime_ns
    except OSError:
        return None
    key = (str(folder), stamp)
    with _OPEN_LOCK:
        known = key in _OPEN
        found = _OPEN.get(key)
        if known:
            _OPEN.move_to_end(key)
    if not known:
        try:
            found = RowIndex(folder)
        except Exception:  # unreadable or from another layout: the caller scans the file
            log.warning("row index %s not usable; scanning the file instead", folder.name, exc_info=True)
            found = None
        with _OPEN_LOCK:
            found = _OPEN.setdefault(key, found)
            _OPEN.move_to_end(key)
            while len(_OPEN) > _OPEN_MAX:
                _OPEN.popitem(last=False)  # its connection closes when the last request using it ends
    return found if found is not None and found.sha256 == sha256 else None
