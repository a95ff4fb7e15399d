"""The DCAT-AP catalog over HTTP: JSON-LD, Turtle, RDF/XML and N-Triples, by extension
(``/catalog.jsonld``, ``/catalog.ttl``, ``/catalog.rdf`` or ``.xml``, ``/catalog.nt``) or by content
negotiation (``/catalog``, ``/catalog.jsonld`` with an ``Accept`` header), paged with Hydra
(``?page=N&page_size=M``), profile ``euro_dcat_ap_2`` (default) or ``euro_dcat_ap_3``
(``?profiles=``, ckanext-dcat's parameter). The IRIs the catalog mints for places
(``/divisions/<GB/T 2260 code>``) and pubdata's themes (``/themes/<theme>``) answer with their
description.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from core.identifiers import division_codes
from portal import dcat
from portal import state as catalog_state
from portal.common import base_url
from portal.downloads import resolve_file
from portal.tracking import track
from portal.vocab import vocab
from warehouse.storage import parquet_file

router = APIRouter(tags=["metadata"])

MEDIA = {
    "jsonld": "application/ld+json",
    "ttl": "text/turtle",
    "rdf": "application/rdf+xml",
    "nt": "application/n-triples",
}
RDFLIB = {"ttl": "turtle", "rdf": "xml", "nt": "nt"}
ACCEPT = {
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/rdf+xml": "rdf",
    "application/xml": "rdf",
    "text/xml": "rdf",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
_CACHE: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def negotiate(accept: str | None, default: str = "jsonld") -> str:
    """The serialisation an ``Accept`` header prefers (q-values honoured; JSON-LD by default)."""
    best, best_q = default, -1.0
    for part in (accept or "").split(","):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        fmt = ACCEPT.get(media)
        if fmt and q > best_q:
            best, best_q = fmt, q
        elif media in ("*/*", "application/*") and q > best_q:
            best, best_q = default, q - 0.001  # an explicit type wins over a wildcard of equal q
    return best


# ---- temporal extents ------------------------------------------------------------------------

_EXTENTS: dict[str, dict[str, Any] | None] = {}


def _column_extent(d: dict[str, Any]) -> dict[str, Any] | None:
    """Earliest and latest value of the date/timestamp columns of the latest version (Parquet
    footer statistics: no data is read)."""
    cols = [c["name"] for c in json.loads(d.get("schema_json") or "[]") if c["type"].startswith(("date", "timestamp"))]
    if not cols:
        return None
    lo = hi = None
    try:
        meta = parquet_file(resolve_file(d["path"])).metadata
    except (HTTPException, OSError):
        return None
    names = [meta.schema.column(i).name for i in range(meta.num_columns)]
    for rg in range(meta.num_row_groups):
        group = meta.row_group(rg)
        for i, name in enumerate(names):
            stats = group.column(i).statistics
            if name not in cols or stats is None or not stats.has_min_max:
                continue
            small, big = stats.min, stats.max
            small = small.date() if isinstance(small, dt.datetime) else small
            big = big.date() if isinstance(big, dt.datetime) else big
            if not isinstance(small, dt.date):
                continue
            lo = small if lo is None or small < lo else lo
            hi = big if hi is None or big > hi else hi
    return {"start": lo, "end": hi} if lo and hi else None


def extents(st: catalog_state.State) -> dict[tuple[str, str], dict[str, Any]]:
    """Each published dataset's temporal coverage: the range of its date columns, else the period
    its versions were published over (a register describes the state of things then)."""
    out = {}
    for d in st.datasets:
        if not d.get("version"):
            continue
        key = d.get("sha256") or f"{d['department_id']}/{d['dataset_id']}/{d['version']}"
        if key not in _EXTENTS:
            _EXTENTS[key] = _column_extent(d)
        extent = _EXTENTS[key]
        if extent is None:
            published = [v["published_at"] for v in st.versions_of(d["department_id"], d["dataset_id"])]
            published = [p for p in published if p]
            if published:
                extent = {"start": min(published).date(), "end": max(published).date()}
        if extent:
            out[(d["department_id"], d["dataset_id"])] = extent
    return out


def place_names(st: catalog_state.State) -> dict[str, str]:
    from core.identifiers import division_name

    return {c: division_name(c) or c for c in dcat.spatial_codes(st.datasets)}


def catalog_doc(request: Request, st: catalog_state.State, **kw: Any) -> dict[str, Any]:
    """The catalog document (all datasets unless ``page`` is given)."""
    return dcat.dcat_catalog(
        st.datasets, st.dept_by_id, base_url(request), extents=extents(st), place_names=place_names(st), **kw
    )


# ---- serialisation ---------------------------------------------------------------------------


def serialise(doc: dict[str, Any], fmt: str) -> bytes:
    text = json.dumps(doc, ensure_ascii=False, default=str)
    if fmt == "jsonld":
        return text.encode()
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=text, format="json-ld")
    for prefix, iri in doc["@context"].items():
        if isinstance(iri, str):
            graph.bind(prefix, iri)
    return graph.serialize(format=RDFLIB[fmt], encoding="utf-8")


def _int_param(request: Request, name: str, default: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= hi:
        raise HTTPException(400, f"{name} must be a whole number between 1 and {hi}")
    return int(raw)


def _catalog(request: Request, fmt: str | None) -> Response:
    fmt = fmt or negotiate(request.headers.get("accept"))
    st = catalog_state.current()
    page = _int_param(request, "page", 1, 10**6)
    size = _int_param(request, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    profile = request.query_params.get("profiles") or dcat.DEFAULT_PROFILE
    if profile not in dcat.PROFILES:
        raise HTTPException(400, f"profiles must be one of {', '.join(dcat.PROFILES)}")
    if page > 1 and (page - 1) * size >= len(st.datasets):
        raise HTTPException(404, "no such page of the catalog")
    track(request, "api", action="dcat")
    base = base_url(request)
    path = request.url.path

    def page_url(n: int) -> str:
        args: dict[str, str | int] = {"page": n}
        if size != PAGE_SIZE:
            args["page_size"] = size
        if profile != dcat.DEFAULT_PROFILE:
            args["profiles"] = profile
        return f"{base}{path}?{urlencode(args)}"

    key = (st.content_key, base, path, fmt, page, size, profile)
    etag = '"' + hashlib.sha256(repr(key).encode()).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Vary": "Accept"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
    if hit is None:
        doc = catalog_doc(request, st, profile=profile, page=page, page_size=size, page_url=page_url)
        hit = (serialise(doc, fmt), MEDIA[fmt])
        with _CACHE_LOCK:
            _CACHE[key] = hit
            while len(_CACHE) > 64:
                _CACHE.popitem(last=False)
    return Response(hit[0], media_type=hit[1], headers=headers)


def _route(path: str, fmt: str | None, summary: str) -> None:
    def endpoint(request: Request) -> Response:
        return _catalog(request, fmt)

    router.add_api_route(
        path,
        endpoint,
        methods=["GET", "HEAD"],
        summary=summary,
        description="Query parameters: `page` (1-based), `page_size` (1-1000, default 100), `profiles` "
        "(`euro_dcat_ap_2` default, `euro_dcat_ap_3`). Paging: Hydra `PartialCollectionView`.",
        responses={200: {"content": {MEDIA[f]: {} for f in ([fmt] if fmt else list(MEDIA))}}},
        operation_id=f"catalog_{fmt or 'negotiated'}_{path.rsplit('.', 1)[-1].strip('/')}",
    )


_route("/catalog", None, "DCAT-AP catalog (format by Accept: JSON-LD, Turtle, RDF/XML, N-Triples)")
_route("/catalog.jsonld", None, "DCAT-AP catalog (JSON-LD; Turtle or RDF/XML when Accept asks for them)")
_route("/catalog.ttl", "ttl", "DCAT-AP catalog (Turtle)")
_route("/catalog.rdf", "rdf", "DCAT-AP catalog (RDF/XML)")
_route("/catalog.xml", "rdf", "DCAT-AP catalog (RDF/XML)")
_route("/catalog.nt", "nt", "DCAT-AP catalog (N-Triples)")


# ---- the IRIs the catalog mints --------------------------------------------------------------


def _described(request: Request, node: dict[str, Any], fmt: str | None = None) -> Response:
    doc = {"@context": dcat.context(), **node}
    fmt = fmt or negotiate(request.headers.get("accept"))
    return Response(serialise(doc, fmt), media_type=MEDIA[fmt], headers={"Vary": "Accept"})


@router.get(
    "/divisions/{code}",
    summary="A GB/T 2260 administrative division (dct:Location)",
    responses={200: {"content": {m: {} for m in MEDIA.values()}}},
)
def division(request: Request, code: str) -> Response:
    names = division_codes()
    if code not in names:
        raise HTTPException(404, "no such division code")
    from core.identifiers import division_name

    return _described(request, dcat.place(base_url(request), code, division_name(code) or names[code]))


@router.get(
    "/themes/{theme}",
    summary="A pubdata theme (skos:Concept)",
    responses={200: {"content": {m: {} for m in MEDIA.values()}}},
)
def theme(request: Request, theme: str) -> Response:
    if theme not in vocab()["themes"]:
        raise HTTPException(404, "no such theme")
    node = next(t for t in dcat._themes(base_url(request), theme) if "skos:prefLabel" in t)
    return _described(request, node)
