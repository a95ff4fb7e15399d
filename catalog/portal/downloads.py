"""Downloads of any published version as CSV (UTF-8 with BOM), Parquet or JSON, streamed."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from email.utils import format_datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, StreamingResponse

from catalog import queries
from catalog.portal.pages import checked_ids
from pubdata import CatalogError, home

router = APIRouter()
BATCH = 65536
MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
         "json": "application/json"}


def _version_file(department: str, dataset: str, version: int | None) -> tuple[dict, Path]:
    checked_ids(department, dataset)
    try:
        row = queries.version_row(department, dataset, version)
    except CatalogError:
        raise HTTPException(404, "no such dataset or version") from None
    detail = queries.dataset_detail(department, dataset)
    if detail is None or detail["open_tier"] != "open":
        raise HTTPException(403, "this dataset is not open to the public; see its page for how to apply")
    path = (home() / row["path"]).resolve()
    if not path.is_relative_to((home() / "open").resolve()) or not path.is_file():
        raise HTTPException(404, "file of this version is missing")
    return row, path


def _csv_stream(path: Path) -> Iterator[bytes]:
    yield b"\xef\xbb\xbf"
    pf = pq.ParquetFile(path)
    first = True
    for batch in pf.iter_batches(batch_size=BATCH):
        buf = io.BytesIO()
        pacsv.write_csv(pa.Table.from_batches([batch]), buf,
                        write_options=pacsv.WriteOptions(include_header=first))
        first = False
        yield buf.getvalue()
    if first:  # no rows: still write the header
        buf = io.BytesIO()
        pacsv.write_csv(pf.schema_arrow.empty_table(), buf)
        yield buf.getvalue()


def _json_stream(path: Path) -> Iterator[bytes]:
    yield b"["
    sep = b""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
        for row in batch.to_pylist():
            yield sep + json.dumps(row, ensure_ascii=False, default=str).encode()
            sep = b",\n"
    yield b"]\n"


@router.get("/datasets/{department}/{dataset}/download.{fmt}", summary="Download a published version")
def download(request: Request, department: str, dataset: str, fmt: str, version: int | None = None):
    if fmt not in MEDIA:
        raise HTTPException(404, "format must be csv, parquet or json")
    if version is not None and not (1 <= version <= 10**9):
        raise HTTPException(400, "version must be a positive integer")
    row, path = _version_file(department, dataset, version)
    name = f"{department}__{dataset}__v{row['version']}.{fmt}"
    etag = f'"{row["sha256"][:32]}-{fmt}"'
    headers = {"ETag": etag, "Content-Disposition": f'attachment; filename="{name}"',
               "Cache-Control": "public, max-age=60"}
    if row.get("published_at"):
        headers["Last-Modified"] = format_datetime(row["published_at"].replace(tzinfo=dt.UTC), usegmt=True)
    if request.headers.get("if-none-match") == etag:
        return StreamingResponse(iter(()), status_code=304, headers={"ETag": etag})
    if fmt == "parquet":
        return FileResponse(path, media_type=MEDIA[fmt], headers=headers)
    stream = _csv_stream(path) if fmt == "csv" else _json_stream(path)
    return StreamingResponse(stream, media_type=MEDIA[fmt], headers=headers)
