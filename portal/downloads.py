"""Downloads of any published version as CSV (UTF-8 with BOM), Parquet or JSON.

CSV and JSON are streamed batch by batch from the Parquet file (constant memory whatever the
size); Parquet is served as a file with ``Range`` support. Every response carries ``ETag`` and
``Last-Modified`` (versions are immutable) and honours ``If-None-Match``. In the distributed
profile the files are objects in the S3 store (:mod:`warehouse.storage`), read the same way:
Parquet through :class:`ObjectResponse` (Starlette's ``FileResponse`` with ranged reads of the
object: the same ``Range``/``If-Range``/``HEAD`` handling). Access to a version is decided by the
tier that version was published under (:func:`portal.access.data_access`): conditional versions
need a department token whose scope covers them (and the access is audited); withheld versions
serve nothing. Caching headers are the portal's policy (:mod:`portal.cache`).

A download is counted (per dataset, version and format; buffered, :mod:`catalog.usage_recorder`) when a
GET receives the whole file: no ``Range``, or one range from byte 0 to the end. Partial ranges
-- resumed downloads, ``bytes=0-0`` probes, DuckDB's ranged reads -- and 304s are not downloads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import json
import re
from collections.abc import AsyncIterator, Iterator
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import anyio
import pyarrow as pa
import pyarrow.csv as pacsv
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response, StreamingResponse

from core import home
from portal import quota
from portal import state as catalog_state
from portal.access import data_access
from portal.common import checked_ids
from portal.harvested import is_withdrawn
from portal.tracking import track
from warehouse.storage import LakePath, lake_path, parquet_file

router = APIRouter(tags=["downloads"])
BATCH = 65536
MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet", "json": "application/json"}


def resolve_file(path_text: str, root: str = "open") -> Path | LakePath:
    """The file of a published version (a lake key under ``root``): a local path, or
    (distributed profile) an object in the lake. Anything leaving ``root`` is not found."""
    missing = HTTPException(404, "the file of this version is missing")
    try:
        path = lake_path(path_text)
    except ValueError:  # the key leaves the lake
        raise missing from None
    if isinstance(path, LakePath):
        if not (path.key + "/").startswith(root.rstrip("/") + "/") or not path.is_file():
            raise missing
        return path
    real = _real_path(str(path), str(home() / root))
    if real is None or not real.is_file():
        raise missing
    return real


@functools.lru_cache(maxsize=4096)
def _real_path(path: str, root: str) -> Path | None:
    """``path`` resolved (symlinks followed) when it lies under ``root``, else None; kept per
    process. Resolving walks every component of both, a system call each, and every call is a
    moment a request thread gives up the GIL: with 8 concurrent calls each took up to the 5 ms
    switch interval to come back (the filtered query's tail). The file's presence is checked on
    every call; what the folders of a published version resolve to does not change."""
    real = Path(path).resolve()
    return real if real.is_relative_to(Path(root).resolve()) else None


class ObjectResponse(FileResponse):
    """Starlette's :class:`FileResponse` for an object in the lake: the same headers and the
    same ``Range`` (single and multiple), ``If-Range`` and ``HEAD`` handling, with the bytes read
    from the object store (seek + read of the object, in a worker thread)."""

    def __init__(self, obj: LakePath, **kw: Any) -> None:
        self.obj = obj
        super().__init__(obj.fs_path, stat_result=obj.stat(), **kw)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        # the server must not send the object by a local path (ASGI "pathsend")
        extensions = {k: v for k, v in scope.get("extensions", {}).items() if k != "http.response.pathsend"}
        await super().__call__({**scope, "extensions": extensions}, receive, send)

    @contextlib.asynccontextmanager
    async def _open_file(self) -> AsyncIterator[Any]:
        file = anyio.wrap_file(await anyio.to_thread.run_sync(self.obj.open))
        try:
            yield file
        finally:
            with anyio.CancelScope(shield=True):
                await file.aclose()


def csv_stream(path: Path | LakePath) -> Iterator[bytes]:
    yield b"\xef\xbb\xbf"
    pf = parquet_file(path)
    first = True
    for batch in pf.iter_batches(batch_size=BATCH):
        buf = io.BytesIO()
        pacsv.write_csv(pa.Table.from_batches([batch]), buf, write_options=pacsv.WriteOptions(include_header=first))
        first = False
        yield buf.getvalue()
    if first:  # no rows: still write the header
        buf = io.BytesIO()
        pacsv.write_csv(pf.schema_arrow.empty_table(), buf)
        yield buf.getvalue()


def json_stream(path: Path | LakePath) -> Iterator[bytes]:
    yield b"["
    sep = b""
    for batch in parquet_file(path).iter_batches(batch_size=BATCH):
        parts = []
        for row in batch.to_pylist():
            parts.append(sep + json.dumps(row, ensure_ascii=False, default=str).encode())
            sep = b",\n"
        yield b"".join(parts)
    yield b"]\n"


def file_response(
    request: Request, path: Path | LakePath, fmt: str, name: str, etag: str, modified: dt.datetime | None
) -> Response:
    headers = {
        "ETag": etag,
        "Content-Disposition": f'attachment; filename="{name}"',
        "Accept-Ranges": "bytes" if fmt == "parquet" else "none",
    }
    if modified is not None:
        headers["Last-Modified"] = format_datetime(modified.replace(tzinfo=dt.UTC), usegmt=True)
    inm = request.headers.get("if-none-match")
    if inm and etag in [t.strip() for t in inm.split(",")]:
        return Response(
            status_code=304,
            headers={k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")},
        )
    if fmt == "parquet":
        if isinstance(path, LakePath):
            return ObjectResponse(path, media_type=MEDIA[fmt], headers=headers)
        return FileResponse(path, media_type=MEDIA[fmt], headers=headers)
    stream = csv_stream(path) if fmt == "csv" else json_stream(path)
    return StreamingResponse(stream, media_type=MEDIA[fmt], headers=headers)


def whole_file(request: Request, response: Response, size: int | None) -> bool:
    """Whether this answer sends the whole file: what counts as one download. ``size``: the
    file's size when the response honours ``Range`` (Parquet), else None (ranges are ignored)."""
    if request.method != "GET" or response.status_code == 304:
        return False
    rng = request.headers.get("range", "").replace(" ", "").lower()
    if not rng or size is None:
        return True
    m = re.fullmatch(r"bytes=0-(\d*)", rng)
    if m is None:
        return False
    return not m.group(1) or int(m.group(1)) >= size - 1


@router.get(
    "/datasets/{department}/{dataset}/download.{fmt}",
    summary="Download a published version",
    responses={
        200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}, "application/json": {}}},
        206: {"description": "A byte range of the Parquet file"},
    },
    description="CSV (UTF-8 with BOM), Parquet (supports Range) or JSON of the latest version, "
    "or of `version`. Conditional datasets need `Authorization: Bearer <department "
    "token>` (and optionally `purpose`).",
)
def download(
    request: Request, department: str, dataset: str, fmt: str, version: int | None = None, purpose: str | None = None
) -> Response:
    if fmt not in MEDIA:
        raise HTTPException(404, "format must be csv, parquet or json")
    checked_ids(department, dataset)
    if version is not None and not (1 <= version <= 10**9):
        raise HTTPException(400, "version must be a positive integer")
    st = catalog_state.current()
    d = st.dataset(department, dataset)
    if d is None:
        raise HTTPException(404, "no such dataset")
    if is_withdrawn(d):
        raise HTTPException(410, "withdrawn by its source portal: no longer served as current data")
    row = st.version(department, dataset, version)
    if row is None:
        raise HTTPException(404, "no such version")
    quota.check(request, "download")
    data_access(request, d, row, purpose=purpose, what=f"download.{fmt}")
    path = resolve_file(row["path"])
    name = f"{department}__{dataset}__v{row['version']}.{fmt}"
    etag = f'"{row["sha256"][:32]}-{fmt}"'
    response = file_response(request, path, fmt, name, etag, row.get("published_at"))
    if whole_file(request, response, row.get("bytes") if fmt == "parquet" else None):
        track(request, "download", d, action=fmt, version=row["version"])
    return response
