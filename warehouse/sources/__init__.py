"""Read department sources into Arrow tables.

Local files (CSV in UTF-8 with/without BOM, UTF-16 with or without BOM, GBK/GB18030 detected;
Parquet; JSON Lines; XLSX), HTTP(S) URLs returning CSV or JSON, and SQL queries over a SQLAlchemy
URL. Text formats are read as strings (leading zeros in IDs and phones survive; typing happens at
validation) and ``""`` is read as null. Rows that cannot be parsed (wrong field count, NUL bytes,
XLSX values beyond the header) are returned as :class:`RejectedRow` with their line; files that
cannot be read at all (mixed or invalid encodings, a quote never closed, a wrong delimiter) raise
:class:`SourceError`. Error messages name the file, line and field but never echo a data value.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from core import SourceError
from core.netguard import display_url
from warehouse.sources.delimited import csv_batches, read_csv, sniff_delimiter
from warehouse.sources.encoding import NotUtf8, detect_encoding
from warehouse.sources.http import fetch_http
from warehouse.sources.jsonfile import read_json, read_jsonl
from warehouse.sources.local import copy_to_landing, resolve_local, source_roots
from warehouse.sources.result import BatchStream, ReadResult, RejectedRow
from warehouse.sources.sql import read_sql
from warehouse.sources.xlsx import read_xlsx

__all__ = [
    "BatchStream",
    "NotUtf8",
    "ReadResult",
    "RejectedRow",
    "copy_to_landing",
    "detect_encoding",
    "display_url",
    "fetch_http",
    "read_file",
    "read_file_batches",
    "read_sql",
    "resolve_local",
    "source_roots",
]


def read_file(
    path: str | Path,
    fmt: str = "auto",
    *,
    encoding: str = "auto",
    delimiter: str = ",",
    sheet: str | int | None = None,
    records_path: str | None = None,
) -> ReadResult:
    """Read one local file into Arrow. Raises :class:`SourceError` naming the file."""
    path = Path(path)
    fmt, delimiter = _format(path, fmt, encoding, delimiter)
    if fmt == "csv":
        return read_csv(path, encoding, delimiter)
    if fmt == "parquet":
        try:
            return ReadResult(pq.read_table(path))
        except (pa.ArrowInvalid, OSError) as exc:
            raise _unreadable_parquet(path, exc) from None
    if fmt == "jsonl":
        return read_jsonl(path, encoding)
    if fmt == "json":
        return read_json(path, records_path)
    if fmt == "xlsx":
        return read_xlsx(path, sheet)
    raise SourceError(f"{path.name}: unknown format {fmt!r}", hint="use csv, parquet, jsonl, json or xlsx")


def read_file_batches(
    path: str | Path,
    fmt: str = "auto",
    *,
    encoding: str = "auto",
    delimiter: str = ",",
    sheet: str | int | None = None,
    records_path: str | None = None,
    sniff: bool = True,
) -> BatchStream:
    """:func:`read_file` as a stream of record batches: CSV a parse block and Parquet a row group
    at a time (memory stays flat in rows, for big exports); other formats are read whole. A CSV
    stream may raise :class:`NotUtf8` (see :func:`~warehouse.sources.delimited.csv_batches`): read
    it again with ``sniff=False``."""
    path = Path(path)
    fmt, delimiter = _format(path, fmt, encoding, delimiter)
    if fmt == "csv":
        return csv_batches(path, encoding, delimiter, sniff=sniff)
    if fmt == "parquet":
        try:
            pf = pq.ParquetFile(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise _unreadable_parquet(path, exc) from None
        return BatchStream(pf.schema_arrow, None, _parquet_batches(path, pf))
    return BatchStream.of(
        read_file(path, fmt, encoding=encoding, delimiter=delimiter, sheet=sheet, records_path=records_path)
    )


def _parquet_batches(path: Path, pf: pq.ParquetFile) -> Iterator[pa.RecordBatch]:
    try:
        yield from pf.iter_batches(batch_size=64 * 1024)
    except (pa.ArrowInvalid, OSError) as exc:
        raise _unreadable_parquet(path, exc) from None


def _unreadable_parquet(path: Path, exc: Exception) -> SourceError:
    return SourceError(
        f"{path.name}: is not a readable Parquet file ({str(exc)[:120]})",
        hint="re-export the file; it may be truncated",
    )


def _format(path: Path, fmt: str, encoding: str, delimiter: str) -> tuple[str, str]:
    """The file's format (``auto``: by its suffix) and delimiter (``auto``: sniffed); the file must
    exist and hold bytes."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file", hint="check the source path in the manifest")
    if fmt == "auto":
        suffix = path.suffix.lower().lstrip(".")
        fmt = {"txt": "csv", "tsv": "csv", "pq": "parquet", "ndjson": "jsonl", "xls": "xlsx"}.get(suffix, suffix)
        if suffix == "tsv":
            delimiter = "\t"
    if path.stat().st_size == 0:
        raise SourceError(f"{path.name}: the file is empty", hint="the department's export produced no bytes")
    if fmt == "csv" and delimiter == "auto":
        delimiter = sniff_delimiter(path, encoding)
    return fmt, delimiter
