"""Metadata documents and token APIs: DCAT-AP, Table Schema, shared variants, applications, bulk dump."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from catalog import audit, tokens
from catalog.queries import schema_of
from core import PubdataError
from portal import ckan, dcat
from portal import state as catalog_state
from portal.access import AccessDenied, check_purpose, optional_token
from portal.common import base_url, checked_ids
from portal.downloads import MEDIA, count_download, file_response, resolve_file
from portal.pages import templates
from portal.tracking import track
from warehouse.storage import LakePath, lake_path

router = APIRouter()


@router.get(
    "/catalog.jsonld",
    tags=["metadata"],
    summary="DCAT-AP catalog (JSON-LD)",
    responses={200: {"content": {"application/ld+json": {}}}},
)
def catalog_jsonld(request: Request) -> Response:
    st = catalog_state.current()
    track(request, "api", action="dcat")
    doc = dcat.dcat_catalog(st.datasets, st.dept_by_id, base_url(request))
    return Response(
        json.dumps(doc, ensure_ascii=False, default=str),
        media_type="application/ld+json",
        headers={"ETag": f'"{st.content_key}"'},
    )


@router.get(
    "/datasets/{department}/{dataset}/schema.json",
    tags=["metadata"],
    summary="Frictionless Table Schema of the latest version",
)
def table_schema(request: Request, department: str, dataset: str) -> JSONResponse:
    checked_ids(department, dataset)
    st = catalog_state.current()
    d = st.dataset(department, dataset)
    if d is None or not d["version"]:
        raise HTTPException(404, "no such dataset or nothing published yet")
    track(request, "api", d, action="table_schema")
    return JSONResponse(dcat.table_schema(d, st.columns_of(department, dataset, d["version"]), schema_of(d)))


@router.get(
    "/api/shared/{department}/{dataset}",
    tags=["conditional data"],
    responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}, "application/json": {}}}},
    summary="A shared variant, for the recipient department's token",
    description="Served only to a department token of the recipient named in the owner's manifest "
    "(`sharing`) for that `purpose`. Every access is audited.",
)
def shared_variant(request: Request, department: str, dataset: str, purpose: str, format: str = "parquet") -> Response:
    checked_ids(department, dataset)
    if format not in MEDIA:
        raise HTTPException(404, "format must be csv, parquet or json")
    checked = check_purpose(purpose)
    if checked is None:
        raise HTTPException(400, "purpose is required")
    purpose = checked
    token = optional_token(request)
    if token is None:
        raise AccessDenied(401, "shared variants need the recipient department's token")
    st = catalog_state.current()
    d = st.dataset(department, dataset)
    subject = f"{department}.{dataset}"
    shares = (d or {}).get("manifest", {}).get("sharing", []) if d else []
    allowed = token.kind == "department" and any(
        s.get("department") == token.department_id and s.get("purpose") == purpose for s in shares
    )
    if not allowed:
        if d is not None:
            audit.append(
                token.actor, "access.denied", subject, {"token_id": token.id, "purpose": purpose, "what": "shared"}
            )
        raise AccessDenied(403, f"no share of {subject} with this department for purpose {purpose}")
    folder = f"lake/shared/{token.department_id}/{department}/{dataset}"
    files: list[Path | LakePath] = sorted(
        lake_path(folder).glob(f"{purpose}__*.parquet"), key=lambda p: p.stat().st_mtime
    )
    if not files:
        raise HTTPException(404, "no shared variant has been produced yet")
    path = resolve_file(f"{folder}/{files[-1].name}", root="lake/shared")
    audit.append(
        token.actor,
        "access.shared",
        subject,
        {
            "token_id": token.id,
            "department": token.department_id,
            "purpose": purpose,
            "file": path.name,
            "format": format,
        },
    )
    st_ = path.stat()
    etag = f'"{hashlib.sha256(f"{path.name}{st_.st_size}{st_.st_mtime_ns}".encode()).hexdigest()[:32]}-{format}"'
    return file_response(
        request,
        path,
        format,
        f"{department}__{dataset}__{purpose}.{format}",
        etag,
        dt.datetime.fromtimestamp(st_.st_mtime, dt.UTC).replace(tzinfo=None),
    )


class Application(BaseModel):
    dataset: str = Field(max_length=130, description="DEPARTMENT.DATASET of a conditional dataset")
    purpose: str = Field(max_length=63)
    reason: str = Field(max_length=2000)
    contact: str = Field("", max_length=200)
    days: int | None = Field(None, ge=1, le=3650)


@router.post(
    "/api/applications",
    tags=["conditional data"],
    status_code=201,
    summary="Apply for access to a conditional dataset (with your department token)",
)
def submit_application(request: Request, body: Application) -> dict[str, Any]:
    token = optional_token(request)
    if token is None:
        raise AccessDenied(401, "apply with your department token (or use the form on the dataset page)")
    if token.kind != "department":
        raise AccessDenied(403, "only department tokens apply for data")
    assert token.department_id is not None  # a department token always names its department
    try:
        app = tokens.apply(
            token.department_id,
            body.dataset,
            body.purpose,
            body.reason,
            contact=body.contact,
            token_id=token.id,
            days=body.days,
            actor=token.actor,
        )
    except PubdataError as exc:
        raise HTTPException(409, str(exc)) from None
    return {"id": app["id"], "status": app["status"], "dataset": body.dataset, "purpose": body.purpose}


@router.get("/api/whoami", tags=["conditional data"], summary="The presented token's holder and scopes")
def whoami(request: Request) -> dict[str, Any]:
    token = optional_token(request)
    if token is None:
        raise AccessDenied(401, "no token presented")
    return {
        "token_id": token.id,
        "kind": token.kind,
        "department": token.department_id,
        "officer": token.officer,
        "expires_at": token.expires_at,
        "scopes": [
            {
                "dataset": f"{s['department_id']}.{s['dataset_id']}",
                "purpose": s["purpose"],
                "expires_at": s["expires_at"],
            }
            for s in token.scopes
        ],
    }


# ---- bulk dump -----------------------------------------------------------------------------


class _Sink:
    """A write-only file object whose bytes are taken out in chunks (zip streaming)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.pos = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self.pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


def _metadata(request: Request, st: catalog_state.State) -> dict[str, Any]:
    base = base_url(request)
    return {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "organizations": [ckan.organization_dict(d) for d in st.departments],
        "packages": [
            ckan.package_dict(
                d,
                st.dept_by_id.get(d["department_id"]),
                base,
                columns=st.columns_of(d["department_id"], d["dataset_id"], d["version"]),
            )
            for d in st.datasets
        ],
    }


def _zip_stream(request: Request, st: catalog_state.State) -> Iterator[bytes]:
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        zf.writestr("metadata.json", json.dumps(_metadata(request, st), ensure_ascii=False, indent=1, default=str))
        zf.writestr(
            "catalog.jsonld",
            json.dumps(
                dcat.dcat_catalog(st.datasets, st.dept_by_id, base_url(request)),
                ensure_ascii=False,
                indent=1,
                default=str,
            ),
        )
        yield sink.take()
        for d in st.datasets:
            if d["open_tier"] != "open" or not d["version"]:
                continue
            path = resolve_file(d["path"])
            stem = f"{d['department_id']}/{d['dataset_id']}"
            zf.writestr(
                f"{stem}/schema.json",
                json.dumps(
                    dcat.table_schema(
                        d, st.columns_of(d["department_id"], d["dataset_id"], d["version"]), schema_of(d)
                    ),
                    ensure_ascii=False,
                    indent=1,
                ),
            )
            info = zipfile.ZipInfo(
                f"{stem}/v{d['version']}.parquet",
                date_time=(d["published_at"] or dt.datetime(1980, 1, 1)).timetuple()[:6],
            )
            with path.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
                    yield sink.take()
            yield sink.take()
    yield sink.take()


@router.get("/dump", response_class=HTMLResponse, include_in_schema=False)
def dump_page(request: Request) -> HTMLResponse:
    st = catalog_state.current()
    open_sets = [d for d in st.datasets if d["open_tier"] == "open" and d["version"]]
    return templates.TemplateResponse(
        request, "dump.html", {"open_sets": open_sets, "total": sum(d["bytes"] or 0 for d in open_sets)}
    )


@router.get(
    "/dump/catalog.zip",
    tags=["bulk"],
    summary="Whole catalog: metadata + latest open files (zip)",
    responses={200: {"content": {"application/zip": {}}}},
)
def dump_zip(request: Request) -> Response:
    st = catalog_state.current()
    etag = f'"{st.content_key}-zip"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    for d in st.datasets:
        if d["open_tier"] == "open" and d["version"]:
            count_download(d["department_id"], d["dataset_id"], d["version"], "dump")
            track(request, "download", d, action="dump")
    return StreamingResponse(
        _zip_stream(request, st),
        media_type="application/zip",
        headers={"ETag": etag, "Content-Disposition": 'attachment; filename="pubdata-catalog.zip"'},
    )


@router.get("/dump/metadata.json", tags=["bulk"], summary="Whole-catalog metadata (CKAN package dicts)")
def dump_metadata(request: Request) -> JSONResponse:
    return JSONResponse(json.loads(json.dumps(_metadata(request, catalog_state.current()), default=str)))
