"""Extraction: a dataset's source landed byte for byte and parsed into ``lake/raw`` Parquet.

The bytes as received are kept in the run's landing zone before they are parsed (a source that
does not parse is still kept); rows that cannot be parsed are written, with their line and
reason, to ``landing/.../unparseable_rows.parquet``. Every source column is kept: columns the
manifest does not declare are classified by content later, like any other.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.compute as pc

from core import SourceError, home
from warehouse import sources, storage
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset, SqlSource, column_name_problem

__all__ = ["Extracted", "extract_to_raw", "rel"]


@dataclass
class Extracted:
    """What :func:`extract_to_raw` wrote (paths and counts only: never values)."""

    summary: dict[str, Any]
    message: str
    input_rows: int
    rejected: list[sources.RejectedRow] = field(default_factory=list, repr=False)


def extract_to_raw(ds: Dataset, paths: RunPaths) -> Extracted:
    """Land the source's bytes, parse them, and write all source columns to ``paths.raw``.

    A single CSV or Parquet file (the big exports) is parsed and written batch by batch, so memory
    stays flat in rows; other sources are read whole first."""
    src = ds.source
    if src.type == "file":
        files = sources.resolve_local(src.path)
        with _landing(paths) as landing:
            landed = _keep_landed(paths, sources.copy_to_landing(files, landing))
            where = ", ".join(f.name for f in landed[:3]) + (f" (+{len(landed) - 3} more)" if len(landed) > 3 else "")
            if len(landed) == 1:
                stream = sources.read_file_batches(
                    landed[0], src.format, encoding=src.encoding, delimiter=src.delimiter, sheet=src.sheet
                )
                try:
                    return _write_raw(ds, paths, stream, where)
                except sources.NotUtf8:  # UTF-8 only at its start: nothing was kept; read it again
                    stream = sources.read_file_batches(
                        landed[0], src.format, encoding=src.encoding, delimiter=src.delimiter, sniff=False
                    )
                    return _write_raw(ds, paths, stream, where)
            tables, rejected, encoding = [], [], None
            for f in landed:
                res = sources.read_file(f, src.format, encoding=src.encoding, delimiter=src.delimiter, sheet=src.sheet)
                tables.append(res.table)
                rejected += [sources.RejectedRow(r.row, f"{f.name}: {r.reason}", r.text) for r in res.rejected]
                encoding = res.encoding
        table = _concat(tables, [f.name for f in landed])
        return _write_raw(ds, paths, sources.BatchStream.of(sources.ReadResult(table, encoding, rejected)), where)
    if src.type == "http":
        name = _safe_name(Path(urlsplit(src.url).path).name)
        where = sources.display_url(src.url)
        with _landing(paths) as landing:
            (dest,) = _keep_landed(paths, [sources.fetch_http(src.url, landing / name)])
            fmt: str = src.format
            if fmt == "auto":
                suffix = dest.suffix.lower()
                fmt = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}.get(suffix, "csv")
                fmt = "xlsx" if suffix in (".xlsx", ".xls") else fmt
            res = sources.read_file(
                dest, fmt, encoding=src.encoding, delimiter=src.delimiter, records_path=src.records_path
            )
        return _write_raw(ds, paths, sources.BatchStream.of(res), where)
    if isinstance(src, SqlSource):
        table = sources.read_sql(src.url, src.query)
        paths.landing.mkdir(parents=True, exist_ok=True)
        storage.write_parquet_table(table, paths.landing / "query_result.parquet")
        return _write_raw(ds, paths, sources.BatchStream.of(sources.ReadResult(table)), "the SQL query result")
    # ckan / dcat entries are harvested (orchestration.harvest), never extracted as one table
    raise SourceError(
        f"dataset {ds.id}: a {src.type} source is harvested, not extracted", hint="run it with pubdata harvest"
    )


def _write_raw(ds: Dataset, paths: RunPaths, stream: sources.BatchStream, where: str) -> Extracted:
    """Write the stream's batches to ``paths.raw`` (it appears only if the source is usable), its
    rejected rows to the landing zone's ``unparseable_rows.parquet``."""
    for i, name in enumerate(stream.schema.names, start=1):
        problem = column_name_problem(name)
        if problem:  # before anything is written: the last good publication stays
            raise SourceError(
                f"{where}: column #{i} of the header row is not usable as a column name ({problem})",
                hint="fix the export's header row; nothing of this file was published",
            )
    serial = _SerialDates(ds, stream.schema)
    rows = 0
    with contextlib.ExitStack() as stack:
        writer = None
        for batch in stream:
            if batch.num_rows:
                if writer is None:  # its settings are chosen on the first batch
                    writer = stack.enter_context(_raw_writer(paths.raw, stream.schema, batch))
                writer.write_batch(batch)
                serial.see(batch)
                rows += batch.num_rows
        rejected = stream.rejected
        unparseable = paths.landing / "unparseable_rows.parquet"
        if rejected:
            storage.write_parquet_table(
                pa.table(
                    {
                        "row": pa.array([r.row for r in rejected], pa.int64()),
                        "reason": pa.array([r.reason for r in rejected], pa.string()),
                        "text": pa.array([r.text for r in rejected], pa.string()),
                    }
                ),
                unparseable,
            )
        else:
            unparseable.unlink(missing_ok=True)  # a retry of this run that now parses cleanly
        if rows == 0:
            if rejected:
                raise SourceError(
                    f"{where}: none of the {len(rejected)} rows could be parsed "
                    f"(first at line {rejected[0].row}: {rejected[0].reason})",
                    hint=f"fix the export; the rejected rows and reasons are kept in {rel(unparseable)}",
                )
            raise SourceError(
                f"{where}: the source has a header but no rows",
                hint="check the department's export",
            )
        declared = [c.name for c in ds.columns]
        if declared and not any(n in stream.schema.names for n in declared):  # none: a harvested resource
            shown = ", ".join(repr(n) for n in declared[:5]) + (", ..." if len(declared) > 5 else "")
            raise SourceError(
                f"{where}: none of the declared columns ({shown}) is in the header row",
                hint="the first row must name the columns as declared in the manifest; the file may "
                "lack a header row, or use another delimiter or column names",
            )
    converted = serial.columns()
    if converted:  # rare: a second pass over the file written
        with storage.parquet_writer(paths.raw, stream.schema, compression=RAW_COMPRESSION) as rewriter:
            for batch in storage.parquet_file(paths.raw).iter_batches(batch_size=256 * 1024):
                rewriter.write_batch(serial.convert(batch, converted))
    summary = {
        "raw": str(paths.raw),
        "rows": rows,
        "columns": len(stream.schema),
        "unparseable_rows": len(rejected),
        "encoding": stream.encoding,
        "excel_serial_dates": converted,
    }
    message = f"{rows} rows extracted"
    if rejected:
        message += (
            f", {len(rejected)} unparseable row(s) kept in {rel(unparseable)} "
            f"(first at line {rejected[0].row}: {rejected[0].reason})"
        )
    return Extracted(summary, message, rows + len(rejected), rejected)


#: the raw zone's Parquet (read once, by validation): the floor's compression (DuckDB's default,
#: Snappy: zstd cost ~20 % of extract's CPU); dictionary pages only for the columns whose first
#: batch repeats its values (building a dictionary for every column, then dropping it for the
#: columns of mostly distinct values, cost as much again)
RAW_COMPRESSION = "snappy"
#: a column gets dictionary pages when its first batch has at most this share of distinct values
DICTIONARY_SHARE = 0.25


def _raw_writer(path: Any, schema: pa.Schema, first: pa.RecordBatch) -> contextlib.AbstractContextManager[Any]:
    dictionary = [
        name
        for name, col in zip(first.schema.names, first.columns)
        if (n := len(col) - col.null_count) and pc.count_distinct(col).as_py() <= DICTIONARY_SHARE * n
    ]
    return storage.parquet_writer(path, schema, compression=RAW_COMPRESSION, use_dictionary=dictionary)


@contextlib.contextmanager
def _landing(paths: RunPaths) -> Iterator[Path]:
    """The local folder the source's bytes land in to be parsed: the landing folder itself in the
    local profile; in the distributed profile a private scratch folder of this worker (removed
    afterwards), whose files :func:`_keep_landed` stores as the run's landing objects."""
    if isinstance(paths.landing, Path):
        yield paths.landing
        return
    with tempfile.TemporaryDirectory(prefix="pubdata-landing-") as scratch:
        yield Path(scratch)


def _keep_landed(paths: RunPaths, files: list[Path]) -> list[Path]:
    """Keep the raw bytes as received in the lake's landing zone (before they are parsed, so a
    source that does not parse is still kept); the local files, to be parsed, are returned."""
    for f in files:
        target = paths.landing / f.name
        if target != f:  # distributed profile: upload the scratch copy
            storage.copy_file(f, target)
    return files


def rel(path: Path | storage.LakePath) -> str:
    """A lake path as shown in messages: relative to ``PUBDATA_HOME``."""
    try:
        return path.relative_to(home()).as_posix()
    except ValueError:
        return path.name


def _safe_name(name: str) -> str:
    """A landing file name from a URL's last path segment (never '..', never a separator)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:100]
    return name or "download"


_EXCEL_EPOCH = _dt.datetime(1899, 12, 30)
_SERIAL = r"^[0-9]{5}(\.[0-9]+)?$"


class _SerialDates:
    """Declared date/datetime text columns holding only Excel serial numbers (e.g. ``46000`` for
    2025-12-09, as Excel writes dates of cells formatted as numbers) become ISO dates. Whether a
    column qualifies is decided over all its values, seen batch by batch (:meth:`see`)."""

    def __init__(self, ds: Dataset, schema: pa.Schema) -> None:
        self.types = {
            c.name: c.type
            for c in ds.columns
            if c.type in ("date", "datetime")
            and c.name in schema.names
            and pa.types.is_string(schema.field(c.name).type)
        }
        self.ok = dict.fromkeys(self.types, True)
        self.seen = dict.fromkeys(self.types, False)

    def see(self, batch: pa.RecordBatch) -> None:
        for name in self.types:
            if not self.ok[name]:
                continue
            values = pc.drop_null(pc.utf8_trim_whitespace(batch.column(name)))
            if len(values) == 0:
                continue
            self.seen[name] = True
            if not pc.all(pc.match_substring_regex(values, _SERIAL)).as_py():
                self.ok[name] = False
                continue
            nums = pc.cast(values, pa.float64())
            if pc.min(nums).as_py() < 10000 or pc.max(nums).as_py() > 80000:  # 1927 .. 2119
                self.ok[name] = False

    def columns(self) -> list[str]:
        """The columns converted, in manifest order."""
        return [n for n in self.types if self.ok[n] and self.seen[n]]

    def convert(self, batch: pa.RecordBatch, converted: list[str]) -> pa.RecordBatch:
        if not converted:
            return batch
        arrays = list(batch.columns)
        for name in converted:
            out: list[str | None] = []
            for v in batch.column(name).to_pylist():
                if v is None or not v.strip():
                    out.append(None)
                    continue
                when = _EXCEL_EPOCH + _dt.timedelta(days=float(v))
                out.append(
                    when.date().isoformat()
                    if self.types[name] == "date" or when.time() == _dt.time(0)
                    else when.replace(microsecond=0).isoformat(sep=" ")
                )
            arrays[batch.schema.get_field_index(name)] = pa.array(out, pa.string())
        return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def _concat(tables: list[pa.Table], names: list[str]) -> pa.Table:
    first = tables[0].schema.names
    for t, n in zip(tables[1:], names[1:]):
        if t.schema.names != first:
            raise SourceError(f"{n}: columns differ from {names[0]} (files matched by one glob must share a header)")
    return pa.concat_tables(tables, promote_options="permissive")
