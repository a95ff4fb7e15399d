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
from warehouse.manifest import Dataset

__all__ = ["Extracted", "extract_to_raw", "rel"]


@dataclass
class Extracted:
    """What :func:`extract_to_raw` wrote (paths and counts only: never values)."""

    summary: dict[str, Any]
    message: str
    input_rows: int
    rejected: list[sources.RejectedRow] = field(default_factory=list, repr=False)


def extract_to_raw(ds: Dataset, paths: RunPaths) -> Extracted:
    """Land the source's bytes, parse them, and write all source columns to ``paths.raw``."""
    src = ds.source
    rejected: list[sources.RejectedRow] = []
    encoding = None
    if src.type == "file":
        files = sources.resolve_local(src.path)
        with _landing(paths) as landing:
            landed = _keep_landed(paths, sources.copy_to_landing(files, landing))
            where = ", ".join(f.name for f in landed[:3]) + (f" (+{len(landed) - 3} more)" if len(landed) > 3 else "")
            tables = []
            for f in landed:
                res = sources.read_file(f, src.format, encoding=src.encoding, delimiter=src.delimiter, sheet=src.sheet)
                tables.append(res.table)
                rejected += [
                    sources.RejectedRow(r.row, r.reason if len(landed) == 1 else f"{f.name}: {r.reason}", r.text)
                    for r in res.rejected
                ]
                encoding = res.encoding
        table = tables[0] if len(tables) == 1 else _concat(tables, [f.name for f in landed])
    elif src.type == "http":
        name = _safe_name(Path(urlsplit(src.url).path).name)
        where = sources.display_url(src.url)
        with _landing(paths) as landing:
            (dest,) = _keep_landed(paths, [sources.fetch_http(src.url, landing / name)])
            fmt = src.format
            if fmt == "auto":
                suffix = dest.suffix.lower()
                fmt = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}.get(suffix, "csv")
                fmt = "xlsx" if suffix in (".xlsx", ".xls") else fmt
            res = sources.read_file(
                dest, fmt, encoding=src.encoding, delimiter=src.delimiter, records_path=src.records_path
            )
        table, rejected, encoding = res.table, res.rejected, res.encoding
    else:
        where = "the SQL query result"
        table = sources.read_sql(src.url, src.query)
        paths.landing.mkdir(parents=True, exist_ok=True)
        storage.write_parquet_table(table, paths.landing / "query_result.parquet")
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
    if table.num_rows == 0:
        if rejected:
            raise SourceError(
                f"{where}: none of the {len(rejected)} rows could be parsed "
                f"(first at line {rejected[0].row}: {rejected[0].reason})",
                hint="fix the export; the rejected rows and reasons are kept in "
                f"{rel(unparseable)}; the last good version stays published",
            )
        raise SourceError(
            f"{where}: the source has a header but no rows",
            hint="check the department's export; the last good version stays published",
        )
    declared = [c.name for c in ds.columns]
    if declared and not any(n in table.column_names for n in declared):  # none: a harvested resource
        shown = ", ".join(repr(n) for n in declared[:5]) + (", ..." if len(declared) > 5 else "")
        raise SourceError(
            f"{where}: none of the declared columns ({shown}) is in the header row",
            hint="the first row must name the columns as declared in the manifest; the file may "
            "lack a header row, or use another delimiter or column names",
        )
    table, serial = _excel_serial_dates(table, ds)
    storage.write_parquet_table(table, paths.raw)
    summary = {
        "raw": str(paths.raw),
        "rows": table.num_rows,
        "columns": table.num_columns,
        "unparseable_rows": len(rejected),
        "encoding": encoding,
        "excel_serial_dates": serial,
    }
    message = f"{table.num_rows} rows extracted"
    if rejected:
        message += (
            f", {len(rejected)} unparseable row(s) kept in {rel(unparseable)} "
            f"(first at line {rejected[0].row}: {rejected[0].reason})"
        )
    return Extracted(summary, message, table.num_rows + len(rejected), rejected)


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


def _excel_serial_dates(table: pa.Table, ds: Dataset) -> tuple[pa.Table, list[str]]:
    """Declared date/datetime text columns holding only Excel serial numbers (e.g. ``46000`` for
    2025-12-09, as Excel writes dates of cells formatted as numbers) become ISO dates."""
    converted = []
    for col in ds.columns:
        if col.type not in ("date", "datetime") or col.name not in table.column_names:
            continue
        arr = table.column(col.name)
        if not pa.types.is_string(arr.type):
            continue
        values = pc.drop_null(pc.utf8_trim_whitespace(arr))
        if len(values) == 0 or not pc.all(pc.match_substring_regex(values, r"^[0-9]{5}(\.[0-9]+)?$")).as_py():
            continue
        nums = pc.cast(values, pa.float64())
        if pc.min(nums).as_py() < 10000 or pc.max(nums).as_py() > 80000:  # 1927 .. 2119
            continue
        out: list[str | None] = []
        for v in arr.to_pylist():
            if v is None or not v.strip():
                out.append(None)
                continue
            when = _EXCEL_EPOCH + _dt.timedelta(days=float(v))
            out.append(
                when.date().isoformat()
                if col.type == "date" or when.time() == _dt.time(0)
                else when.replace(microsecond=0).isoformat(sep=" ")
            )
        table = table.set_column(table.column_names.index(col.name), col.name, pa.array(out, pa.string()))
        converted.append(col.name)
    return table, converted


def _concat(tables: list[pa.Table], names: list[str]) -> pa.Table:
    first = tables[0].schema.names
    for t, n in zip(tables[1:], names[1:]):
        if t.schema.names != first:
            raise SourceError(f"{n}: columns differ from {names[0]} (files matched by one glob must share a header)")
    return pa.concat_tables(tables, promote_options="permissive")
