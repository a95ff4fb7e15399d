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
from catalog.services import shared_grant
from core import PubdataError
from portal import ckan, dcat, quota
from portal import state as catalog_state
from portal.access import (
    AccessDenied,
    check_not_revoked,
    check_purpose,
    optional_token,
    refuse,
    throttle,
    version_tier,
)
from portal.api_dcat import catalog_doc
from portal.common import base_url, checked_ids
from portal.downloads import MEDIA, file_response, resolve_file
from portal.pages import templates
from portal.tracking import track
from privacy.keys import KeyStore
from warehouse.storage import LakePath, lake_path, parquet_file

router = APIRouter()


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


def _answers(file: Path | LakePath, grant: dict[str, Any]) -> bool:
    """Whether the run that wrote ``file`` read ``grant`` (its ``.grants.json`` names it): a run
    that read a grant revoked since writes a file newer than the grant now in force."""
    side = file.with_name(file.name + ".grants.json")
    try:
        return str(grant.get("id")) in json.loads(side.read_text(encoding="utf-8")).get("grants", [])
    except (OSError, ValueError, AttributeError):
        return False


@router.get(
    "/api/shared/{department}/{dataset}",
    tags=["conditional data"],
    responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}, "application/json": {}}}},
    summary="A shared variant, for the recipient department's token",
    description="Served only to a department token of the recipient named in the owner's manifest "
    "(`sharing`) or in a grant in force (answering a data demand) for that `purpose`. Every access is audited.",
)
def shared_variant(request: Request, department: str, dataset: str, purpose: str, format: str = "parquet") -> Response:
    checked_ids(department, dataset)
    if format not in MEDIA:
        raise HTTPException(404, "format must be csv, parquet or json")
    checked = check_purpose(purpose)
    if checked is None:
        raise HTTPException(400, "purpose is required")
    purpose = checked
    subject = f"{department}.{dataset}"
    token = optional_token(request, subject=subject)
    if token is None:
        raise AccessDenied(401, "shared variants need the recipient department's token")
    quota.check(request, "download")
    st = catalog_state.current()
    d = st.dataset(department, dataset)
    shares = (d or {}).get("manifest", {}).get("sharing", []) if d else []
    allowed = token.kind == "department" and any(
        s.get("department") == token.department_id and s.get("purpose") == purpose for s in shares
    )
    why = {"purpose": purpose, "what": "shared"}
    grant = None
    if not allowed and d is not None and token.kind == "department":
        # a grant answering a demand (checked on every request: a revoked grant stops access at once)
        grant = shared_grant(token.department_id or "", department, dataset, purpose)
        allowed = grant is not None
    if not allowed:
        raise refuse(
            request,
            403,
            f"no share of {subject} with this department for purpose {purpose}",
            reason="not a recipient",
            subject=subject,
            token=token,
            **why,
        )
    check_not_revoked(request, token, subject, **why)
    folder = f"lake/shared/{token.department_id}/{department}/{dataset}"
    files: list[Path | LakePath] = sorted(
        lake_path(folder).glob(f"{purpose}__*.parquet"), key=lambda p: p.stat().st_mtime
    )
    if grant is not None:
        # a grant takes effect on the next run: a file written before it was granted answers an
        # older grant (revoked, or the same purpose with other fields or mode), never this one
        at = grant["granted_at"]
        at = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
        since = at.replace(tzinfo=dt.UTC).timestamp()
        # the newest file that qualifies (files are oldest first): one side file read, not one per run
        files = next(([f] for f in reversed(files) if f.stat().st_mtime >= since and _answers(f, grant)), [])
        if not files:
            raise HTTPException(404, "no shared variant has been produced for this grant yet: the next run writes it")
    if not files:
        raise HTTPException(404, "no shared variant has been produced yet")
    path = resolve_file(f"{folder}/{files[-1].name}", root="lake/shared")
    key_id = _data_key_of(path)
    if key_id is not None and KeyStore().is_destroyed(subject, key_id):
        # crypto-shredded: the file is unreadable anyway; it is no longer handed out either
        raise refuse(
            request,
            410,
            f"the data key of this shared variant of {subject} was destroyed",
            reason="key destroyed",
            subject=subject,
            token=token,
            key_id=key_id,
            **why,
        )
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
            **({"grant_id": grant["id"]} if grant else {}),
        },
    )
    st_ = path.stat()
    etag = f'"{hashlib.sha256(f"{path.name}{st_.st_size}{st_.st_mtime_ns}".encode()).hexdigest()[:32]}-{format}"'
    response = file_response(
        request,
        path,
        format,
        f"{department}__{dataset}__{purpose}.{format}",
        etag,
        dt.datetime.fromtimestamp(st_.st_mtime, dt.UTC).replace(tzinfo=None),
    )
    return response


def _data_key_of(path: Any) -> str | None:
    """The data key id a shared variant's encrypted columns are under (None: nothing encrypted)."""
    raw = (parquet_file(path).metadata.metadata or {}).get(b"pubdata.encryption")
    if raw is None:
        return None
    try:
        return str(json.loads(raw)["key_id"])
    except (ValueError, KeyError, TypeError):
        return ""  # unreadable metadata: treated as a key that is not there


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
    throttle("PUBDATA_APPLY_LIMIT", f"token:{token.id}", "too many applications from this token; try again later")
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
                catalog_doc(request, st),
                ensure_ascii=False,
                indent=1,
                default=str,
            ),
        )
        yield sink.take()
        for d in st.datasets:
            if not _open_latest(st, d):
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


def _open_latest(st: catalog_state.State, d: dict[str, Any]) -> bool:
    """Whether the dataset's latest version is open (the dump holds only those)."""
    return bool(d["version"]) and version_tier(d, st.version(d["department_id"], d["dataset_id"], None)) == "open"


@router.get("/dump", response_class=HTMLResponse, include_in_schema=False)
def dump_page(request: Request) -> HTMLResponse:
    st = catalog_state.current()
    open_sets = [d for d in st.datasets if _open_latest(st, d)]
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
    quota.check(request, "download")  # the whole open catalog: a download like any other
    st = catalog_state.current()
    etag = f'"{st.content_key}-zip"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    for d in st.datasets:
        if _open_latest(st, d):
            track(request, "download", d, action="dump")
    return StreamingResponse(
        _zip_stream(request, st),
        media_type="application/zip",
        headers={"ETag": etag, "Content-Disposition": 'attachment; filename="pubdata-catalog.zip"'},
    )


@router.get("/dump/metadata.json", tags=["bulk"], summary="Whole-catalog metadata (CKAN package dicts)")
def dump_metadata(request: Request) -> JSONResponse:
    return JSONResponse(json.loads(json.dumps(_metadata(request, catalog_state.current()), default=str)))
