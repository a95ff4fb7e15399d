"""One scan, several outputs: the open variant and the shared variants of a dataset version.

Every variant is a :class:`Variant`: its :class:`privacy.deid.Plan` (one SQL expression per output
column, all plans built on one shared :class:`~privacy.deid.SqlContext`), where it goes and how it is
finished. :func:`write_variants` runs ONE DuckDB query over the input that computes each distinct
expression once (a masked name in the open and in a shared variant is one column of the query),
streams the result as Arrow record batches and, per batch and variant, in worker threads:

* keyed pseudonyms (``post="hmac"``): the normalised identifier becomes HMAC-SHA256 hex in one
  native call with the variant's key (:func:`privacy.deid.hmac_hex`, GIL released);
* the open variant's equivalence classes are counted (:func:`privacy.kanon.class_counts`: the
  quasi-identifiers and published sensitive attributes of a release about people);
* encryption (``post="encrypt"``): one AES call per column and batch (:mod:`privacy.crypto`);
* a pyarrow Parquet writer per variant.

While the workers write batch *n*, DuckDB computes batch *n + 1*. The release's risk is judged on
the class table only: :func:`privacy.kanon.anonymise` searches the lattice of generalisation
levels on it for the least information loss meeting k and l; when the levels the file was
written at already do, with nothing suppressed, the open file is final; otherwise it is
rewritten once with the chosen levels, suppressions and withheld attributes applied (other
columns keep their types). Each file is written under a
temporary name (locally in a 0700 directory; shared variants end 0600) and renamed into place
only after every variant was written completely: a failure while writing leaves no new file at
any target and no temporary file. Targets are per-run lake files, so an Airflow retry of the
task rewrites all of them (the renames themselves are not one transaction). In the distributed
profile temporary objects are ``<target>.<hex>.tmp`` keys next to the target, readable only
with the lake's credentials like every lake object. Row order is not part of the
contract (joins may reorder rows); encryption segments are cut from the batches as written.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from core.sql import quote_ident
from privacy.crypto import ColumnCipher
from privacy.deid import OutputColumn, Plan, SqlContext, hmac_hex, register_udfs
from privacy.deid.hierarchy import level_sql
from privacy.kanon import (
    Anonymisation,
    QuasiIdentifier,
    SensitiveAttribute,
    Targets,
    anonymise,
    class_counts,
    empty_counts,
    keep_join_sql,
    merge_counts,
)

__all__ = ["RiskSpec", "Variant", "write_select", "write_variants"]

#: rows per record batch streamed from DuckDB (one Parquet row group and one GCM segment each)
BATCH_ROWS = 131_072
#: pyarrow falls back from dictionary to plain encoding once a column chunk's dictionary page
#: exceeds this: unique values (pseudonyms, phone numbers, amounts) stop paying for a dictionary
#: early, repetitive ones (districts, age bands, categories) keep it (~20% less write time)
DICTIONARY_PAGE_BYTES = 65_536


@dataclass
class RiskSpec:
    """The re-identification targets of a variant (the open release of a table about people),
    over its written quasi-identifiers and sensitive attributes."""

    qis: list[QuasiIdentifier]
    sas: list[SensitiveAttribute]
    targets: Targets
    result: Anonymisation | None = None
    #: class counts of the written batches (merged as they accumulate)
    counts: list[pa.Table] = field(default_factory=list)

    def add(self, batch: pa.RecordBatch) -> None:
        self.counts.append(class_counts(batch, self.qis, self.sas))
        if len(self.counts) >= 32:  # memory stays bounded by the number of classes
            self.counts = [merge_counts(self.counts)]


@dataclass
class Variant:
    plan: Plan
    out_path: Any  # Path, or storage.LakePath in the distributed profile
    pseudonym_key: bytes | None = field(default=None, repr=False)
    cipher: ColumnCipher | None = None
    risk: RiskSpec | None = None
    metadata: dict[bytes, bytes] = field(default_factory=dict)
    #: 0600 file (shared variants)
    private: bool = False
    rows: int = 0

    def __post_init__(self) -> None:
        # the anonymisation rewrite would re-cut encryption segments: never both on one variant
        if self.risk is not None and self.cipher is not None:
            raise ValueError("a variant is either anonymised (open) or encrypted (shared), not both")


def _used(sql: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters ``sql`` refers to (DuckDB refuses unused ones); quoted identifiers and
    string literals, which may hold any text, are not looked into."""
    bare = re.sub(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'', " ", sql)
    names = set(re.findall(r"\$([A-Za-z_]\w*)", bare))
    return {k: v for k, v in params.items() if k in names}


def _source(path: Any) -> str:
    from warehouse import storage

    return storage.uri(storage.key_of(path)) if isinstance(path, storage.LakePath) else str(path)


def write_variants(
    input_parquet: Any, ctx: SqlContext, variants: list[Variant], *, batch_rows: int | None = None
) -> None:
    """Write every variant from one scan of ``input_parquet`` (see the module docstring)."""
    # the stream allocates many short-lived Arrow wrappers; Python's cyclic GC would otherwise
    # walk every object of the process again and again (~8% of the CPU time measured)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with _connection(input_parquet) as con:
            _write_all(con, input_parquet, ctx, variants, batch_rows)
    finally:
        if gc_was_enabled:
            gc.enable()


#: inputs up to this size (a local Parquet file) are protected on the process's shared instance
SHARED_MAX_BYTES = 8 << 20


def _connection(input_parquet: Any) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A DuckDB connection for protecting ``input_parquet``. A small local file: a new connection
    of the process's instance for protection (creating an instance cost more than a tiny dataset's
    protection), its temporary tables and registered views going with it, the UDFs the
    instance's, registered once. A larger input: an instance of its own, closed after it, as the
    memory a big table's protection used is then returned at once."""
    from warehouse import storage

    try:
        small = isinstance(input_parquet, Path) and input_parquet.stat().st_size <= SHARED_MAX_BYTES
    except OSError:  # DuckDB's read reports it, as before
        small = False
    return storage.duckdb_cursor("privacy", setup=register_udfs) if small else _own_instance()


@contextlib.contextmanager
def _own_instance() -> Iterator[duckdb.DuckDBPyConnection]:
    from warehouse import storage

    con = duckdb.connect()
    try:
        storage.configure_duckdb(con)
        yield con
    finally:
        con.close()


def _write_all(
    con: duckdb.DuckDBPyConnection, input_parquet: Any, ctx: SqlContext, variants: list[Variant], batch_rows: int | None
) -> None:
    plan0 = variants[0].plan
    plan0.prepare(con)  # the context is shared: divisions table and UDFs for every plan
    params = dict(ctx.params)
    params["src"] = _source(input_parquet)
    exprs: dict[str, str] = {}
    for v in variants:
        for o in v.plan.outputs:
            exprs.setdefault(o.sql, f"e{len(exprs)}")
    query = (
        f"WITH {plan0.source_cte('$src')} SELECT "
        + (", ".join(f"{sql} AS {a}" for sql, a in exprs.items()) or "1 AS e")
        + f" FROM {plan0.from_sql()}"
    )
    columns = [[(o, exprs[o.sql]) for o in v.plan.outputs] for v in variants]
    reader = con.execute(query, _used(query, params)).to_arrow_reader(batch_rows or BATCH_ROWS)
    _stream(con, reader, variants, columns)


class _Runner:
    """Runs SQL over a plan's input query (``WITH {source} SELECT ... FROM {from_sql}``) with
    exactly the bound parameters it uses."""

    def __init__(self, con: duckdb.DuckDBPyConnection, plan: Plan, params: dict[str, Any]) -> None:
        self.con, self.params = con, params
        self.source, self.from_sql = plan.source_cte("$src"), plan.from_sql()

    def __call__(self, sql: str) -> None:
        self.con.execute(sql, _used(sql, self.params))


def write_select(
    input_parquet: Any, ctx: SqlContext, plan: Plan, build: Callable[[_Runner], str], out_path: Any
) -> int:
    """Write the result of ``build(run)`` (a SELECT, after whatever ``run`` prepares over the
    plan's input) to ``out_path``, atomically like every variant (a statistical table). Returns
    the rows written."""
    sink = _Sink(out_path, False)
    try:
        with _connection(input_parquet) as con:
            plan.prepare(con)
            params = dict(ctx.params)
            params["src"] = _source(input_parquet)
            reader = con.execute(build(_Runner(con, plan, params))).to_arrow_reader(BATCH_ROWS)
            rows = 0
            sink.writer = pq.ParquetWriter(sink.where, reader.schema, filesystem=sink.filesystem)
            for batch in reader:
                sink.writer.write_batch(batch)
                rows += batch.num_rows
            sink.writer.close()
            sink.writer = None
            sink.commit()
            return rows
    finally:
        sink.discard()


def _finish_risk(con: duckdb.DuckDBPyConnection, v: Variant, sink: _Sink) -> None:
    """Choose the release's generalisation on the classes counted while writing
    (:func:`privacy.kanon.anonymise`); rewrite the file once if it must change."""
    spec = v.risk
    assert spec is not None
    classes = merge_counts(spec.counts) if spec.counts else empty_counts(spec.qis, spec.sas)
    res = spec.result = anonymise(con, classes, spec.qis, spec.sas, spec.targets)
    top = {q.name for q in spec.qis if res.levels[q.name] >= q.hierarchy.height}
    gone = top | set(res.withheld)
    raised = any(res.levels[q.name] > q.min_level for q in spec.qis)
    if not raised and not res.keep_table and not gone:
        return
    by_name = {q.name: q for q in spec.qis}
    cols = ", ".join(
        f"{level_sql(by_name[o.name].hierarchy, 't.' + quote_ident(o.name), by_name[o.name].min_level, res.levels[o.name])}"
        f" AS {quote_ident(o.name)}"
        if o.name in by_name
        else f"t.{quote_ident(o.name)}"
        for o in v.plan.outputs
        if o.name not in gone
    )
    rewritten = f"SELECT {cols} FROM read_parquet($src) AS t"
    if res.keep_table:
        kept = [(i, q) for i, q in enumerate(spec.qis) if q.name not in top]
        rewritten = f"SELECT t2.* FROM ({rewritten}) AS t2 {keep_join_sql(kept, 't2', res.keep_table)}"
    v.rows = sink.rewrite(con, rewritten, set(by_name))


def _stream(
    con: duckdb.DuckDBPyConnection,
    reader: pa.RecordBatchReader,
    variants: list[Variant],
    columns: list[list[tuple[OutputColumn, str]]],
) -> None:
    sinks: list[_Sink] = []
    try:
        for v, cols in zip(variants, columns):
            fields = []
            for o, alias in cols:
                t = reader.schema.field(alias).type
                if o.post == "hmac":
                    t = pa.string()
                elif o.post == "encrypt":
                    t = pa.binary()
                fields.append(pa.field(o.name, t))
            sink = _Sink(v.out_path, v.private)
            sinks.append(sink)
            v.rows = 0
            # pseudonyms and ciphertexts are random by construction: snappy gains ~10% on hex
            # and nothing on ciphertext for most of the write's CPU, and min/max statistics of
            # random values prune nothing
            random = {o.name for o, _ in cols if o.post in ("hmac", "encrypt")}
            sink.writer = pq.ParquetWriter(
                sink.where,
                pa.schema(fields),
                filesystem=sink.filesystem,
                compression={f.name: "none" if f.name in random else "snappy" for f in fields},
                write_statistics=[f.name for f in fields if f.name not in random],
                dictionary_pagesize_limit=DICTIONARY_PAGE_BYTES,
            )
        with ThreadPoolExecutor(max_workers=max(1, len(variants))) as pool:
            pending: list[Future[None]] = []
            for batch in reader:  # DuckDB computes the next batch while the workers write this one
                for f in pending:
                    f.result()
                pending = (
                    [pool.submit(_write_batch, v, cols, s, batch) for v, cols, s in zip(variants, columns, sinks)]
                    if batch.num_rows
                    else []
                )
            for f in pending:
                f.result()
        for v, s in zip(variants, sinks):
            md = dict(v.metadata)
            if v.cipher is not None:
                md.update(v.cipher.metadata())
            if md:
                s.writer.add_key_value_metadata(md)
            s.writer.close()
            s.writer = None
            if v.risk is not None:
                _finish_risk(con, v, s)
        for s in sinks:  # only when every variant is complete
            s.commit()
    finally:
        for s in sinks:
            s.discard()


def _write_batch(v: Variant, cols: list[tuple[OutputColumn, str]], sink: _Sink, batch: pa.RecordBatch) -> None:
    arrays = []
    for o, alias in cols:
        arr = batch.column(alias)
        if o.post == "hmac":
            assert v.pseudonym_key is not None
            arr = hmac_hex(arr, v.pseudonym_key)
        arrays.append(arr)
    rb = pa.RecordBatch.from_arrays(arrays, names=[o.name for o, _ in cols])
    if v.risk is not None:
        v.risk.add(rb)
    if v.cipher is not None:
        rb = v.cipher.encrypt_batch(rb)
    sink.writer.write_batch(rb)
    v.rows += rb.num_rows


class _Sink:
    """Where a variant is written until it is complete (a file in a private temporary directory,
    or a temporary object next to the target in the distributed profile); :meth:`commit` moves it
    into place."""

    def __init__(self, out_path: Any, private: bool) -> None:
        from warehouse import storage

        self.out_path, self.private = out_path, private
        self.writer: Any = None
        self.tmpdir: Path | None = None
        self.temps: list[Any] = []  # temporary objects (distributed profile)
        if isinstance(out_path, storage.LakePath):
            # an object is visible only once its upload completes; written under a temporary
            # key, moved into place at commit
            self.filesystem: Any = storage.filesystem()
            self._object(out_path.with_name(f"{out_path.name}.{secrets.token_hex(6)}.tmp"))
        else:
            out = Path(out_path)
            out.parent.mkdir(parents=True, exist_ok=True)
            # a private (0700) directory next to the target: the file is never readable by others
            # while it is written; renamed into place when complete
            self.tmpdir = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
            self.filesystem = None
            self.where = self.uri = str(self.tmpdir / "variant.parquet")

    def _object(self, handle: Any) -> None:
        from warehouse import storage

        self.temps.append(handle)
        self.where, self.uri = handle.fs_path, storage.uri(handle.key)

    def rewrite(self, con: duckdb.DuckDBPyConnection, sql: str, changed: set[str]) -> int:
        """Replace the written file by ``sql`` over it (``$src``); columns not in ``changed``
        keep their written types. Returns the rows written."""
        old_where, old_uri = self.where, self.uri
        if self.tmpdir is None:
            old = self.temps[-1]
            self._object(old.with_name(old.name + ".2"))
        else:
            self.where = self.uri = f"{old_where}.2"
        written = pq.read_schema(old_where, filesystem=self.filesystem)
        reader = con.execute(sql, {"src": old_uri}).to_arrow_reader(BATCH_ROWS)
        schema = pa.schema(
            [reader.schema.field(f.name) if f.name in changed else f for f in written if f.name in reader.schema.names]
        )
        rows = 0
        with pq.ParquetWriter(
            self.where, schema, filesystem=self.filesystem, dictionary_pagesize_limit=DICTIONARY_PAGE_BYTES
        ) as w:
            for batch in reader:
                w.write_batch(batch.cast(schema))
                rows += batch.num_rows
        if self.tmpdir is None:
            self.temps.pop(-2).unlink(missing_ok=True)
        return rows

    def commit(self) -> None:
        if self.tmpdir is None:
            self.temps.pop().replace(self.out_path)  # server-side copy + delete, any size
        else:
            os.chmod(self.where, 0o600 if self.private else 0o644)
            os.replace(self.where, self.out_path)

    def discard(self) -> None:
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:
                pass
            self.writer = None
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        for handle in self.temps:
            try:
                handle.unlink(missing_ok=True)
            except OSError:
                pass
        self.temps = []
