"""Data demands (供需对接) and grants in the portal: the API, the form on the dataset page, the officers' list.

API (department tokens; officers' tokens see and route everything)::

    POST /api/demands                  file a demand                       (requester's token)
    GET  /api/demands[?status=...]     my demands, as requester or owner   (officers: all)
    GET  /api/demands/<id>
    POST /api/demands/<id>/answer      grant or refuse                     (owner's token)
    POST /api/demands/<id>/withdraw                                        (requester's token)
    POST /api/demands/<id>/route       name the owner of a free description (officer)
    GET  /api/grants                   grants I gave or received           (officers: all)
    POST /api/grants/<id>/revoke       stops access at once                (owner's token or officer)

An anonymous caller gets 401 with a CKAN-style JSON error on every one of them, whatever its
body. Rules and deadlines: :mod:`catalog.demands`, :mod:`catalog.grants`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from catalog import demands, grants
from catalog.tokens import Token
from core import PubdataError
from portal import quota
from portal import state as catalog_state
from portal.access import AccessDenied, authenticate, require_officer
from portal.common import checked_ids
from portal.officers import _check_csrf, csrf_value
from portal.pages import templates
from portal.services_api import body_doc, caller_token, error, ok, parse, service

__all__ = ["router"]

router = APIRouter(tags=["data demands"])
templates.env.globals["quota_policy"] = quota.limits  # the officers' tokens page shows the limits


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DemandIn(_Body):
    dataset: str | None = Field(None, max_length=130, description="DEPARTMENT.DATASET (or give a description)")
    description: str | None = Field(None, max_length=2000, description="the data needed, when the dataset is unknown")
    owner: str | None = Field(None, max_length=63, description="department thought to hold it (free description)")
    fields: list[str] = Field(default_factory=list, max_length=500, description="columns needed")
    services: list[Literal["share", "verify", "query"]] = Field(["share"], max_length=3)
    purpose: str = Field(max_length=63, description="identifier, e.g. medical_assistance")
    legal_basis: str = Field(max_length=2000, description="law or document allowing the use")
    period_start: dt.date | None = None
    period_end: dt.date | None = Field(None, description="end of the period of use (default expiry of a grant)")


class AnswerIn(_Body):
    decision: Literal["grant", "refuse"]
    dataset: str | None = Field(None, max_length=130, description="the dataset granted (free-description demands)")
    fields: list[str] | None = Field(None, max_length=500)
    purpose: str | None = Field(None, max_length=63)
    services: list[Literal["share", "verify", "query"]] | None = Field(None, max_length=3)
    mode: Literal["pseudonymised", "clear"] = "pseudonymised"
    expires: dt.date | None = None
    days: int | None = Field(None, ge=1, le=3650)
    verify_keys: list[str] | None = Field(None, max_length=20)
    verify_fields: list[str] | None = Field(None, max_length=100)
    epsilon: float | None = Field(None, gt=0, le=1000, description="privacy budget (ε) of aggregate queries")
    calls_per_day: int | None = Field(None, ge=1, le=10_000_000)
    refusal_rule: str | None = Field(None, max_length=64, description="negative-list rule id")
    refusal_basis: str | None = Field(None, max_length=2000, description="cited legal basis")
    note: str = Field("", max_length=1000)


class RouteIn(_Body):
    owner: str = Field(max_length=63)


class RevokeIn(_Body):
    reason: str = Field("", max_length=500)


def _visible(d: dict[str, Any], token: Token) -> bool:
    return token.kind == "officer" or token.department_id in (d["requester"], d["owner"])


def _get_visible(demand_id: str, token: Token) -> dict[str, Any]:
    d = demands.get_demand(demand_id)
    if not _visible(d, token):
        raise grants.NotFound(f"no demand {demand_id[:40]!r}")
    return d


def _actor_dept(token: Token) -> str | None:
    return None if token.kind == "officer" else token.department_id


@router.post(
    "/api/demands", status_code=201, summary="File a data demand (department token)", openapi_extra=body_doc(DemandIn)
)
@service
async def file_demand(request: Request) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request)
    body: DemandIn = await parse(request, DemandIn)
    d = await run_in_threadpool(lambda: demands.file(token.department_id or "", actor=token.actor, **body.model_dump()))
    catalog_state.invalidate()
    return ok(request, d, status=201)


@router.get("/api/demands", summary="Your demands, as requester or owner (officers: all)")
@service
async def list_demands(request: Request, status: str | None = None) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)
    rows = await run_in_threadpool(demands.list_demands, _actor_dept(token), status=status)
    return ok(request, rows)


@router.get("/api/demands/{demand_id}", summary="One demand (its requester, its owner or an officer)")
@service
async def show_demand(request: Request, demand_id: str) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)
    return ok(request, await run_in_threadpool(_get_visible, demand_id, token))


@router.post(
    "/api/demands/{demand_id}/answer",
    summary="Grant or refuse a demand (the owner's token; officers on its behalf)",
    openapi_extra=body_doc(AnswerIn),
)
@service
async def answer_demand(request: Request, demand_id: str) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)
    body: AnswerIn = await parse(request, AnswerIn)

    def work() -> dict[str, Any]:
        d = _get_visible(demand_id, token)
        return demands.answer(d["id"], by_department=_actor_dept(token), actor=token.actor, **body.model_dump())

    d = await run_in_threadpool(work)
    catalog_state.invalidate()
    return ok(request, d)


@router.post("/api/demands/{demand_id}/withdraw", summary="Withdraw your demand (the requester's token)")
@service
async def withdraw_demand(request: Request, demand_id: str) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)

    def work() -> dict[str, Any]:
        d = _get_visible(demand_id, token)
        return demands.withdraw(d["id"], requester=_actor_dept(token), actor=token.actor)

    return ok(request, await run_in_threadpool(work))


@router.post(
    "/api/demands/{demand_id}/route",
    summary="Name the owner of a free-description demand (officer token)",
    openapi_extra=body_doc(RouteIn),
)
@service
async def route_demand(request: Request, demand_id: str) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)
    if token.kind != "officer":
        raise AccessDenied(403, "data officers route demands")
    body: RouteIn = await parse(request, RouteIn)
    return ok(request, await run_in_threadpool(lambda: demands.route(demand_id, body.owner, actor=token.actor)))


@router.get("/api/grants", summary="Grants your department gave or received (officers: all)")
@service
async def list_grants(request: Request) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)
    return ok(request, await run_in_threadpool(grants.list_grants, _actor_dept(token)))


@router.post(
    "/api/grants/{grant_id}/revoke",
    summary="Revoke a grant: access stops at once (the owner's token or an officer)",
    openapi_extra=body_doc(RevokeIn),
)
@service
async def revoke_grant(request: Request, grant_id: str) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request, officers=True)
    body: RevokeIn = await parse(request, RevokeIn)
    g = await run_in_threadpool(
        lambda: grants.revoke(grant_id, by=token.actor, department=_actor_dept(token), reason=body.reason)
    )
    catalog_state.invalidate()
    return ok(request, g)


# ---- the form on the dataset page ------------------------------------------------------------


@router.post("/datasets/{department}/{dataset}/demand", response_class=HTMLResponse, include_in_schema=False)
def demand_form(
    request: Request,
    department: str,
    dataset: str,
    token: str = Form(..., max_length=200),
    fields: list[str] = Form([]),
    services: list[str] = Form(["share"]),
    purpose: str = Form(..., max_length=63),
    legal_basis: str = Form(..., max_length=2000),
    period_end: str = Form("", max_length=10),
) -> HTMLResponse:
    checked_ids(department, dataset)
    d = catalog_state.current().dataset(department, dataset)
    if d is None:
        raise HTTPException(404, "no such dataset")
    done, message, status, headers = None, None, 201, {}
    try:  # a refused token is audited, and too many from one client are slowed down (portal.access)
        holder = authenticate(request, token.strip(), subject=f"{department}.{dataset}")
        if holder.kind != "department":
            raise PubdataError("令牌无效、已过期或已吊销，或不是部门令牌。")
        done = demands.file(
            holder.department_id or "",
            dataset=f"{department}.{dataset}",
            fields=fields,
            services=[s for s in services if s in grants.SERVICES] or ["share"],
            purpose=purpose.strip(),
            legal_basis=legal_basis,
            period_end=period_end or None,
            actor=holder.actor,
        )
        catalog_state.invalidate()
    except AccessDenied as exc:
        message = "尝试次数过多，请稍后再试。" if exc.status == 429 else "令牌无效、已过期或已吊销，或不是部门令牌。"
        status, headers = exc.status, {k: v for k, v in exc.headers.items() if k == "Retry-After"}
    except PubdataError as exc:
        message, status = str(exc), 400
    return templates.TemplateResponse(
        request, "demand_done.html", {"d": d, "done": done, "error": message}, status_code=status, headers=headers
    )


# ---- the officers' list ----------------------------------------------------------------------


@router.get("/officers/demands", response_class=HTMLResponse, include_in_schema=False)
def officers_demands(request: Request, status: str | None = None) -> HTMLResponse:
    officer = require_officer(request)
    if status not in (None, "", *demands.STATUSES, "overdue"):
        raise HTTPException(400, "unknown status")
    every = demands.list_demands()
    if status == "overdue":
        rows = [r for r in every if r["overdue"]]
    else:
        rows = [r for r in every if not status or r["status"] == status]
    st = catalog_state.current()
    return templates.TemplateResponse(
        request,
        "officers_demands.html",
        {
            "officer": officer,
            "demands": rows,
            "grants": grants.list_grants(),
            "departments": st.departments,
            "status": status or "",
            "csrf": csrf_value(request),
            "counts": {s: sum(1 for r in every if r["status"] == s) for s in demands.STATUSES},
            "overdue": sum(1 for r in every if r["overdue"]),
        },
    )


@router.post("/officers/demands/{demand_id}/route", include_in_schema=False)
def officers_route(
    request: Request, demand_id: str, owner: str = Form(..., max_length=63), csrf: str = Form("", max_length=64)
) -> Response:
    officer = require_officer(request)
    _check_csrf(request, csrf)
    try:
        demands.route(demand_id[:40], owner, actor=officer.actor)
    except PubdataError as exc:
        return error(request, 409, str(exc))
    return RedirectResponse("/officers/demands", status_code=303)


@router.post("/officers/grants/{grant_id}/revoke", include_in_schema=False)
def officers_revoke(
    request: Request, grant_id: str, reason: str = Form("", max_length=500), csrf: str = Form("", max_length=64)
) -> Response:
    officer = require_officer(request)
    _check_csrf(request, csrf)
    try:
        grants.revoke(grant_id[:40], by=officer.actor, reason=reason)
    except PubdataError as exc:
        return error(request, 409, str(exc))
    catalog_state.invalidate()
    return RedirectResponse("/officers/demands", status_code=303)
