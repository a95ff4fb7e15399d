"""CKAN Action API compatibility: ``/api/action/<name>`` and ``/api/3/action/<name>``, GET and POST.

Same envelope as CKAN (``help``, ``success``, ``result`` | ``error {__type, message}``) and the same
error types and statuses, so that the ``ckanapi`` client and CKAN harvesters work unchanged.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, Literal, overload

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from portal import ckan, datastore
from portal import state as catalog_state
from portal.access import AccessDenied, data_access
from portal.ckan import CkanError
from portal.common import base_url, facets, search
from portal.downloads import resolve_file
from portal.harvested import is_withdrawn
from portal.tracking import track

router = APIRouter(tags=["CKAN Action API"])
MAX_ROWS = 1000
MAX_BODY = 1 << 20
ACTIONS: dict[str, Callable[[Request, dict[str, Any]], Any]] = {}
BLOCKING = {"datastore_search"}  # actions that read data files run in the thread pool; the rest are
#                                  CPU-only work on the cached catalog and run on the event loop


def action(fn: Callable) -> Callable:
    ACTIONS[fn.__name__] = fn
    return fn


def _bool(value: Any, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("true", "1", "yes", "on")


def _int(params: dict[str, Any], name: str, default: int, lo: int = 0, hi: int = 2**40) -> int:
    raw = params.get(name, default)
    if isinstance(raw, bool):
        raise CkanError("Validation Error", f"{name}: must be a whole number", fields={name: ["Invalid integer"]})
    try:
        value = int(raw)
    except (TypeError, ValueError, OverflowError):
        raise CkanError(
            "Validation Error", f"{name}: must be a whole number", fields={name: ["Invalid integer"]}
        ) from None
    if value < lo:
        raise CkanError("Validation Error", f"{name}: must be at least {lo}", fields={name: [f"Must be at least {lo}"]})
    return min(value, hi)


@overload
def _str(params: dict[str, Any], name: str, *, required: Literal[True], max_len: int = 1000) -> str: ...
@overload
def _str(params: dict[str, Any], name: str, *, required: bool = False, max_len: int = 1000) -> str | None: ...
def _str(params: dict[str, Any], name: str, *, required: bool = False, max_len: int = 1000) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise CkanError("Validation Error", f"{name}: Missing value", fields={name: ["Missing value"]})
        return None
    if not isinstance(value, str) or len(value) > max_len:
        raise CkanError(
            "Validation Error",
            f"{name}: must be text of at most {max_len} characters",
            fields={name: ["Invalid value"]},
        )
    return value


def _package(params: dict[str, Any]) -> tuple[catalog_state.State, dict[str, Any]]:
    st = catalog_state.current()
    ident = _str(params, "id", required=True, max_len=200)
    key = ckan.split_package(ident, set(st.by_key))
    if key is None:
        raise CkanError("Not Found Error", "Not found")
    return st, st.by_key[key]


def _pkg(request: Request, st: catalog_state.State, d: dict[str, Any]) -> dict[str, Any]:
    latest = st.download_counts(d["department_id"], d["dataset_id"]).get(d["version"] or 0, {})
    return ckan.package_dict(
        d,
        st.dept_by_id.get(d["department_id"]),
        base_url(request),
        columns=st.columns_of(d["department_id"], d["dataset_id"], d["version"]),
        downloads=latest,
    )


@action
def package_list(request: Request, params: dict[str, Any]) -> list[str]:
    st = catalog_state.current()
    limit = _int(params, "limit", 10**9, 0)
    offset = _int(params, "offset", 0, 0)
    names = sorted(ckan.package_name(d["department_id"], d["dataset_id"]) for d in st.datasets if not is_withdrawn(d))
    return names[offset : offset + limit]


@action
def current_package_list_with_resources(request: Request, params: dict[str, Any]) -> list[dict]:
    st = catalog_state.current()
    limit = _int(params, "limit", MAX_ROWS, 0, MAX_ROWS)
    offset = _int(params, "offset", 0, 0)
    current = [d for d in st.datasets if not is_withdrawn(d)]
    return [_pkg(request, st, d) for d in current[offset : offset + limit]]


@action
def package_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    st, d = _package(params)
    return _pkg(request, st, d)


@action
def package_search(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    st = catalog_state.current()
    q = _str(params, "q", max_len=500) or "*:*"
    fq = _str(params, "fq", max_len=1000) or ""
    rows = _int(params, "rows", 10, 0, MAX_ROWS)
    start = _int(params, "start", 0, 0)
    sort_text = _str(params, "sort", max_len=200)
    order = ckan.parse_sort(sort_text)
    facet_fields = params.get("facet.field")
    if isinstance(facet_fields, str):
        try:
            facet_fields = json.loads(facet_fields)
        except ValueError:
            raise CkanError(
                "Validation Error", "facet.field: must be a JSON list", fields={"facet.field": ["Invalid JSON list"]}
            ) from None
    facet_fields = facet_fields or []
    if not isinstance(facet_fields, list) or not all(isinstance(f, str) for f in facet_fields):
        raise CkanError(
            "Validation Error", "facet.field: must be a list of field names", fields={"facet.field": ["Invalid list"]}
        )
    unknown = [f for f in facet_fields if f not in ckan.FACET_FIELDS]
    if unknown:
        raise CkanError("Search Query Error", f"cannot facet on {unknown[0][:40]!r}")
    facet_limit = _int(params, "facet.limit", 50, -1, 1000)
    hits = search(st, q, ckan.parse_fq(fq))
    for field, desc in reversed(order):
        hits.sort(key=functools.partial(_sort_key, st, field=field), reverse=desc)
    page = hits[start : start + rows]
    found = [d for d, _ in hits]
    counts = facets(found, facet_fields, limit=facet_limit if facet_limit >= 0 else 10**6)
    titles = {d["id"]: d["name"] for d in st.departments}
    search_facets = {
        f: {
            "title": f,
            "items": [
                {"name": k, "display_name": titles.get(k, k) if f == "organization" else k, "count": c}
                for k, c in counts[f].items()
            ],
        }
        for f in facet_fields
    }
    return {
        "count": len(hits),
        "results": [_pkg(request, st, d) for d, _ in page],
        "sort": sort_text or "score desc, metadata_modified desc",
        "facets": counts,
        "search_facets": search_facets,
    }


def _sort_key(st: catalog_state.State, hit: tuple[dict, float], field: str) -> Any:
    d, score = hit
    if field == "score":
        return score
    if field in ("metadata_modified", "metadata_created"):
        value = (
            d.get("published_at") or d.get("registered_at") if field == "metadata_modified" else d.get("registered_at")
        )
        return str(value or "")
    if field == "name":
        return ckan.package_name(d["department_id"], d["dataset_id"])
    if field in ("title", "title_string"):
        return d.get("title") or ""
    if field == "num_resources":
        return len(ckan.facet_value(d, "res_format"))
    if field == "downloads":
        return st.download_total(d["department_id"], d["dataset_id"])
    return ""


@action
def organization_list(request: Request, params: dict[str, Any]) -> list[Any]:
    st = catalog_state.current()
    limit = _int(params, "limit", 1000, 0, 1000)
    offset = _int(params, "offset", 0, 0)
    depts = st.departments[offset : offset + limit]
    if _bool(params.get("all_fields")):
        return [ckan.organization_dict(d) for d in depts]
    return [d["id"] for d in depts]


@action
def organization_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    st = catalog_state.current()
    ident = _str(params, "id", required=True, max_len=200)
    dept = st.dept_by_id.get(ident)
    if dept is None:
        dept = next((d for d in st.departments if d["name"] == ident), None)
    if dept is None:
        raise CkanError("Not Found Error", "Not found")
    out = ckan.organization_dict(dept)
    if _bool(params.get("include_datasets")):
        out["packages"] = [_pkg(request, st, d) for d in st.datasets if d["department_id"] == dept["id"]][:1000]
    return out


def _resource(params: dict[str, Any], name: str = "id") -> tuple[catalog_state.State, dict, str]:
    st = catalog_state.current()
    ident = _str(params, name, required=True, max_len=200)
    found = ckan.split_resource(ident, set(st.by_key))
    if found is None:
        key = ckan.split_package(ident, set(st.by_key))  # a package name means its latest table
        if key is None:
            raise CkanError("Not Found Error", "Resource was not found.")
        found = (key[0], key[1], "parquet")
    d = st.by_key[(found[0], found[1])]
    if not ckan.resource_dicts(d, ""):
        raise CkanError("Not Found Error", "Resource was not found.")
    return st, d, found[2]


@action
def resource_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    st, d, fmt = _resource(params)
    for r in _pkg(request, st, d)["resources"]:
        if r["id"].endswith("__" + fmt):
            return r
    raise CkanError("Not Found Error", "Resource was not found.")


@action
def datastore_search(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    st, d, fmt = _resource(params, "resource_id")
    try:
        data_access(
            request, d, purpose=params.get("purpose"), what="datastore_search", detail={"version": d["version"]}
        )
    except AccessDenied as exc:
        raise CkanError("Authorization Error", exc.message, status=exc.status) from None
    path = resolve_file(d["path"])
    result = datastore.search(path, params)
    result["resource_id"] = f"{ckan.package_name(d['department_id'], d['dataset_id'])}__{fmt}"
    return result


@action
def status_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    return {
        "ckan_version": "2.10.4",
        "site_title": "pubdata 公共数据开放平台",
        "site_url": base_url(request),
        "site_description": "",
        "locale_default": "zh_Hans_CN",
        "extensions": ["datastore", "dcat"],
    }


@action
def site_read(request: Request, params: dict[str, Any]) -> bool:
    return True


def _envelope(request: Request, name: str, *, result: Any = None, error: CkanError | None = None) -> JSONResponse:
    body: dict[str, Any] = {"help": f"{base_url(request)}/api/3/action/help_show?name={name}"}
    if error is None:
        body.update(success=True, result=result)
        return JSONResponse(body)
    body.update(success=False, error=error.body())
    headers = {"WWW-Authenticate": 'Bearer realm="pubdata"'} if error.status == 401 else None
    return JSONResponse(body, status_code=error.status, headers=headers)


async def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        raw = await request.body()
        if len(raw) > MAX_BODY:
            raise CkanError("Bad Request", "Bad request - request body too large", status=413)
        ctype = request.headers.get("content-type", "")
        if raw.strip():
            if "application/x-www-form-urlencoded" in ctype:
                form = await request.form()
                params.update({k: v for k, v in form.items() if isinstance(v, str)})
            else:
                try:
                    body = json.loads(raw)
                except (ValueError, UnicodeDecodeError):
                    raise CkanError("Bad Request", "Bad request - JSON Error: could not parse the body") from None
                if not isinstance(body, dict):
                    raise CkanError("Bad Request", "Bad request - JSON Error: the body must be a JSON object")
                params.update(body)
    return params


async def ckan_action(request: Request, name: str) -> JSONResponse:
    safe = name if name.isascii() and name.replace("_", "").isalnum() and len(name) < 64 else "unknown"
    fn = ACTIONS.get(name)
    try:
        if fn is None:
            raise CkanError("Not Found Error", f"Action name not known: {safe}", status=400)
        params = await _params(request)
        if name in BLOCKING or not catalog_state.is_fresh():
            result = await run_in_threadpool(fn, request, params)
        else:
            result = fn(request, params)
    except CkanError as exc:
        return _envelope(request, safe, error=exc)
    except AccessDenied as exc:
        return _envelope(request, safe, error=CkanError("Authorization Error", exc.message, status=exc.status))
    _track(request, name, params)
    return _envelope(request, safe, result=result)


def _track(request: Request, name: str, params: dict[str, Any]) -> None:
    """Count a successful call: per dataset for the actions that name one, else catalog-wide."""
    st = catalog_state.current()
    known = set(st.by_key)
    ident = params.get("resource_id") if name == "datastore_search" else params.get("id")
    key = None
    if name in ("package_show", "resource_show", "datastore_search") and isinstance(ident, str):
        found = ckan.split_resource(ident, known) or ckan.split_package(ident, known)
        key = (found[0], found[1]) if found else None
    track(
        request, "datastore" if name == "datastore_search" else "api", st.by_key.get(key) if key else None, action=name
    )


_DESCRIPTION = (
    "CKAN Action API. Actions: "
    + ", ".join(sorted(ACTIONS))
    + ". GET with query parameters or POST a JSON object; the answer is CKAN's envelope."
)
for _prefix, _label in (("/api/action", "unversioned"), ("/api/3/action", "v3")):
    for _method in ("GET", "POST"):
        router.add_api_route(
            f"{_prefix}/{{name}}",
            ckan_action,
            methods=[_method],
            summary=f"CKAN action ({_label}, {_method})",
            description=_DESCRIPTION,
            operation_id=f"ckan_{_label}_{_method.lower()}",
        )
