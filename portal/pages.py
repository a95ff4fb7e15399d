"""Server-rendered HTML pages: home, search, dataset page, departments, the application form."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from catalog import tokens
from core import PubdataError
from portal import ckan, datastore, harvested
from portal import state as catalog_state
from portal.access import AccessDenied, authenticate, optional_token, throttle, version_tier
from portal.charts import trend_svg
from portal.common import (
    ACTION_TITLES,
    FREQUENCY_TITLES,
    THEME_TITLES,
    base_url,
    checked_ids,
    facets,
    is_id,
    review_reason_zh,
    search,
)
from portal.dcat import frictionless_type
from portal.diffs import diff_key, version_diff
from portal.downloads import resolve_file
from portal.messages import api_text, label, zh, zh_error
from portal.paths import HERE
from portal.search import highlight
from portal.tracking import track

router = APIRouter()
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    TIERS=ckan.TIER_TITLES,
    FREQ=FREQUENCY_TITLES,
    THEMES=THEME_TITLES,
    ACTIONS=ACTION_TITLES,
    label=label,
    review_reason_zh=review_reason_zh,
)
templates.env.filters["zh"] = zh
templates.env.globals.update(api_text=api_text, field_type=frictionless_type)
FACETS = [
    ("department", "organization", "部门"),
    ("theme", "theme", "主题"),
    ("format", "res_format", "格式"),
    ("frequency", "update_frequency", "更新频率"),
    ("tier", "open_tier", "开放属性"),
]
PAGE_SIZE = 20


def _has_route(request: Request, path: str) -> bool:
    return any(getattr(r, "path", None) == path for r in request.app.router.routes)


templates.env.globals["has_route"] = _has_route


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    text, detail = zh_error(status, message)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": text, "detail": detail}, status_code=status
    )


def _facet_links(
    request: Request, counts: dict[str, dict[str, int]], selected: dict[str, str], q: str, st: catalog_state.State
) -> list[dict[str, Any]]:
    out = []
    for param, field, title in FACETS:
        items = []
        for value, count in counts.get(field, {}).items():
            chosen = selected.get(param) == value
            args = {k: v for k, v in selected.items() if v and k != param}
            if not chosen:
                args[param] = value
            if q:
                args["q"] = q
            label = value
            if field == "organization":
                label = st.dept_by_id.get(value, {}).get("name", value)
            elif field == "theme":
                label = THEME_TITLES.get(value, value)
            elif field == "update_frequency":
                label = FREQUENCY_TITLES.get(value, value)
            elif field == "open_tier":
                label = ckan.TIER_TITLES.get(value, value)
            items.append({"label": label, "count": count, "chosen": chosen, "href": "/search?" + urlencode(args)})
        out.append({"title": title, "param": param, "items": items})
    return out


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request) -> HTMLResponse:
    st = catalog_state.current()
    counts = facets(st.datasets, [f for _, f, _ in FACETS])
    recent = [d for d in st.datasets if d["published_at"] and not harvested.is_withdrawn(d)][:8]
    return templates.TemplateResponse(
        request,
        "index.html",
        {
            "datasets": st.datasets,
            "departments": st.departments,
            "recent": recent,
            "facets": _facet_links(request, counts, {}, "", st),
            "st": st,
        },
    )


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    request: Request,
    q: str = "",
    department: str = "",
    theme: str = "",
    format: str = "",
    frequency: str = "",
    tier: str = "",
    page: int = 1,
) -> HTMLResponse:
    st = catalog_state.current()
    q = q.strip()[:200]
    if not (1 <= page <= 10_000):
        raise HTTPException(400, "page must be between 1 and 10000")
    selected = {"department": department, "theme": theme, "format": format, "frequency": frequency, "tier": tier}
    fields = {p: f for p, f, _ in FACETS}
    terms = [(False, fields[p], v[:100]) for p, v in selected.items() if v]
    hits = search(st, q, terms)
    counts = facets([d for d, _ in hits], list(fields.values()))
    shown = hits[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    results = [
        {
            "d": d,
            "score": s,
            "title": highlight(d["title"], q),
            "description": highlight(d["description"], q),
            "keywords": [highlight(k, q) for k in d["keywords"]],
            "downloads": st.download_total(d["department_id"], d["dataset_id"]),
        }
        for d, s in shown
    ]
    more = len(hits) > page * PAGE_SIZE
    args = {k: v for k, v in selected.items() if v}
    if q:
        args["q"] = q
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "q": q,
            "results": results,
            "count": len(hits),
            "page": page,
            "next": ("/search?" + urlencode({**args, "page": page + 1})) if more else None,
            "prev": ("/search?" + urlencode({**args, "page": page - 1})) if page > 1 else None,
            "facets": _facet_links(request, counts, selected, q, st),
            "selected": args,
        },
    )


def _quality_points(st: catalog_state.State, department: str, dataset: str) -> list[tuple[str, float, bool]]:
    runs = st.runs.get((department, dataset), [])
    if runs:
        return [
            (
                r["started_at"].strftime("%m-%d") if r["started_at"] else r["run_id"][:8],
                float(r["quality_score"]),
                r["status"] == "published",
            )
            for r in runs[-30:]
        ]
    versions = list(reversed(st.versions_of(department, dataset)))
    return [
        (f"v{v['version']}", float(v["quality_score"]), True) for v in versions[-30:] if v["quality_score"] is not None
    ]


def _diffs(st: catalog_state.State, d: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Diffs of consecutive versions for the page: only pairs whose both sides are open (a diff
    of conditional rows is read with a token, at ``diff.json``)."""
    versions = st.versions_of(d["department_id"], d["dataset_id"])
    out = {}
    for newer, older in list(zip(versions, versions[1:]))[:10]:
        if version_tier(d, newer) != "open" or version_tier(d, older) != "open":
            continue
        out[newer["version"]] = version_diff(older, newer, diff_key(st, d, newer["version"]))
    return out


def _snippets(request: Request, d: dict[str, Any]) -> dict[str, str]:
    base = base_url(request)
    name = ckan.package_name(d["department_id"], d["dataset_id"])
    auth = ' -H "Authorization: Bearer $DEPT_TOKEN"' if d["open_tier"] == "conditional" else ""
    key = ', apikey=os.environ["DEPT_TOKEN"]' if d["open_tier"] == "conditional" else ""
    return {
        "curl": f"curl{auth} -o {name}.csv {base}/datasets/{d['department_id']}/{d['dataset_id']}/download.csv",
        "ckan": (
            f'import os, ckanapi\nportal = ckanapi.RemoteCKAN("{base}"{key})\n'
            f'pkg = portal.action.package_show(id="{name}")\n'
            f'rows = portal.action.datastore_search(resource_id="{name}__csv", limit=100)["records"]'
        ),
        "duckdb": (
            f"SELECT * FROM read_parquet('{base}/datasets/{d['department_id']}/{d['dataset_id']}"
            f"/download.parquet') LIMIT 10;  -- needs DuckDB's httpfs extension"
        ),
    }


@router.get("/datasets/{department}/{dataset}", response_class=HTMLResponse, include_in_schema=False)
def dataset_page(request: Request, department: str, dataset: str) -> HTMLResponse:
    checked_ids(department, dataset)
    st = catalog_state.current()
    d = st.dataset(department, dataset)
    if d is None:
        raise HTTPException(404, "no such dataset")
    show_rows = bool(d["version"]) and version_tier(d, st.version(department, dataset, None)) == "open"
    counts = st.download_counts(department, dataset)
    # the page is a function of the catalog state, the base URL and the download counts (nothing
    # of the caller's): rendered once per such key and kept on the state (~2-3 ms of Jinja a view)
    key = ("dataset_page", department, dataset, base_url(request), repr(counts), _has_route(request, "/scorecard"))
    body, previewed = st.keep(key, lambda: _dataset_page(request, st, d, counts, show_rows))
    if previewed:
        track(request, "preview", d, action="page")
    return HTMLResponse(body)


def _dataset_page(
    request: Request, st: catalog_state.State, d: dict[str, Any], counts: dict[int, dict[str, int]], show_rows: bool
) -> tuple[bytes, bool]:
    """(the dataset page's HTML, whether it shows rows of the data)."""
    from portal.risk import risk_view

    department, dataset = d["department_id"], d["dataset_id"]
    columns = st.columns_of(department, dataset, d["version"])
    preview = datastore.preview(resolve_file(d["path"]), d.get("sha256")) if show_rows else []
    points = _quality_points(st, department, dataset)
    shares = [s for s in (d.get("manifest") or {}).get("sharing", [])]
    page = templates.TemplateResponse(
        request,
        "dataset.html",
        {
            "d": d,
            "dept": st.dept_by_id.get(department),
            "columns": columns,
            "preview": preview,
            "versions": st.versions_of(department, dataset),
            "diffs": _diffs(st, d),
            "counts": counts,
            "total_downloads": sum(sum(v.values()) for v in counts.values()),
            "chart": trend_svg(points),
            "snippets": _snippets(request, d),
            "shares": shares,
            "name": ckan.package_name(department, dataset),
            "risk": risk_view(d.get("risk")),
            "remote_links": harvested.remote_links(d),
        },
    )
    return bytes(page.body), bool(preview)


@router.get("/departments", response_class=HTMLResponse, include_in_schema=False)
def departments_page(request: Request) -> HTMLResponse:
    st = catalog_state.current()
    return templates.TemplateResponse(request, "departments.html", {"departments": st.departments})


@router.get("/departments/{department}", response_class=HTMLResponse, include_in_schema=False)
def department_page(request: Request, department: str) -> HTMLResponse:
    checked_ids(department)
    st = catalog_state.current()
    dept = st.dept_by_id.get(department)
    if dept is None:
        raise HTTPException(404, "no such department")
    datasets = [d for d in st.datasets if d["department_id"] == department]
    return templates.TemplateResponse(
        request,
        "department.html",
        {
            "dept": dept,
            "datasets": datasets,
            "downloads": {d["dataset_id"]: st.download_total(department, d["dataset_id"]) for d in datasets},
        },
    )


def _conditional(department: str, dataset: str) -> dict[str, Any]:
    checked_ids(department, dataset)
    d = catalog_state.current().dataset(department, dataset)
    if d is None:
        raise HTTPException(404, "no such dataset")
    return d


@router.get("/datasets/{department}/{dataset}/apply", response_class=HTMLResponse, include_in_schema=False)
def apply_form(request: Request, department: str, dataset: str) -> HTMLResponse:
    d = _conditional(department, dataset)
    st = catalog_state.current()
    return templates.TemplateResponse(
        request, "apply.html", {"d": d, "departments": st.departments, "done": None, "error": None}
    )


@router.post("/datasets/{department}/{dataset}/apply", response_class=HTMLResponse, include_in_schema=False)
def apply_submit(
    request: Request,
    department: str,
    dataset: str,
    purpose: str = Form(..., max_length=63),
    reason: str = Form(..., max_length=2000),
    contact: str = Form("", max_length=200),
    token: str = Form("", max_length=200),
    applicant: str = Form("", max_length=63),
) -> HTMLResponse:
    """An application needs the applicant department's own token (typed into the form, or sent as
    ``Authorization``); an officer's token may apply in a named department's name. The answer never
    says whose a token is; applications per token are rate-limited (``PUBDATA_APPLY_LIMIT``)."""
    d = _conditional(department, dataset)
    st = catalog_state.current()
    done, error, status, headers = None, None, 200, {}
    subject = f"{department}.{dataset}"
    try:
        secret = token.strip() or None
        who = authenticate(request, secret, subject=subject) if secret else optional_token(request, subject=subject)
        if who is None:
            raise AccessDenied(401, "需要申请部门的有效令牌")
        if who.kind == "department":
            applicant = who.department_id or ""
        elif not is_id(applicant):
            raise PubdataError("申请部门须为标识符（如 civil_affairs）")
        if not is_id(purpose):
            raise PubdataError("用途须为标识符（如 medical_assistance）")
        throttle("PUBDATA_APPLY_LIMIT", f"token:{who.id}", "申请过于频繁，请稍后再试")
        done = tokens.apply(
            applicant,
            subject,
            purpose,
            reason,
            contact=contact,
            token_id=who.id if who.kind == "department" else None,
            actor=who.actor,
        )
        catalog_state.invalidate()
    except AccessDenied as exc:
        # one answer for every refused token: nothing tells whose a token (or a token id) is
        error, status = (
            ("需要申请部门的有效令牌（或数据管理员令牌）。" if exc.status in (401, 403) else exc.message),
            exc.status,
        )
        headers = {k: v for k, v in exc.headers.items() if k == "Retry-After"}
    except PubdataError as exc:
        error, status = str(exc), 400
    response = templates.TemplateResponse(
        request,
        "apply.html",
        {"d": d, "departments": st.departments, "done": done, "error": error},
        status_code=status,
        headers=headers,
    )
    return response
