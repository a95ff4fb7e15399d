"""Officers' pages: applications to approve, columns held for review, the audit log, tokens, Data
Docs (officer token only).

Browsers log in by pasting an officer token once; it is kept in an HttpOnly, SameSite=Strict cookie
limited to ``/officers``. Forms carry a CSRF value derived from the token. API clients use
``Authorization: Bearer`` on the ``/api/officers/...`` routes and get JSON 401/403.
"""

from __future__ import annotations

import hashlib
import hmac
import mimetypes
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from catalog import audit, reviews, tokens
from core import PubdataError, home
from portal import state as catalog_state
from portal.access import OFFICER_COOKIE, AccessDenied, authenticate, presented_secret, refuse, require_officer
from portal.common import review_reason_zh
from portal.pages import templates

router = APIRouter()


def csrf_value(request: Request) -> str:
    secret = presented_secret(request, cookie=True) or ""
    return hashlib.sha256(f"pubdata-csrf:{secret}".encode()).hexdigest()[:32]


def _check_csrf(request: Request, value: str) -> None:
    if request.cookies.get(OFFICER_COOKIE) and not presented_secret(request):
        if not hmac.compare_digest(value or "", csrf_value(request)):
            raise AccessDenied(403, "the form is stale; reload the page")


def login_page(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, "officers_login.html", {"error": error}, status_code=status)


def _dashboard(
    request: Request, officer: tokens.Token, message: str | None = None, new_token: str | None = None
) -> HTMLResponse:
    apps = tokens.applications()
    return templates.TemplateResponse(
        request,
        "officers.html",
        {
            "officer": officer,
            "pending": [a for a in apps if a["status"] == "pending"],
            "decided": [a for a in apps if a["status"] != "pending"][:50],
            "csrf": csrf_value(request),
            "message": message,
            "new_token": new_token,
            "data_docs": (home() / "reports" / "data_docs" / "index.html").is_file(),
            "queue": [{**r, "reason_zh": review_reason_zh(r["reason"])} for r in reviews.review_queue()],
        },
    )


@router.get("/officers/", response_class=HTMLResponse, include_in_schema=False)
def dashboard(request: Request) -> HTMLResponse:
    return _dashboard(request, require_officer(request))


@router.get("/officers", include_in_schema=False)
def dashboard_redirect() -> RedirectResponse:
    return RedirectResponse("/officers/", status_code=307)


@router.post("/officers/login", include_in_schema=False)
def login(request: Request, token: str = Form(..., max_length=200)):
    try:  # a refused token is audited (and too many from one client are slowed down)
        found = authenticate(request, token.strip(), subject="officers")
        if found.kind != "officer":
            raise refuse(request, 401, "not an officer token", reason="kind", token=found)
    except AccessDenied as exc:
        message = "尝试次数过多，请稍后再试。" if exc.status == 429 else "令牌无效、已过期、已吊销或不是管理员令牌。"
        return login_page(request, message, status=exc.status)
    response = RedirectResponse("/officers/", status_code=303)
    response.set_cookie(
        OFFICER_COOKIE,
        token.strip(),
        httponly=True,
        samesite="strict",
        path="/officers",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return response


@router.post("/officers/logout", include_in_schema=False)
def logout(request: Request) -> RedirectResponse:
    response = RedirectResponse("/officers/", status_code=303)
    response.delete_cookie(OFFICER_COOKIE, path="/officers")
    return response


@router.post("/officers/applications/{app_id}", response_class=HTMLResponse, include_in_schema=False)
def decide_form(
    request: Request,
    app_id: str,
    decision: str = Form(...),
    note: str = Form("", max_length=500),
    csrf: str = Form("", max_length=64),
) -> HTMLResponse:
    officer = require_officer(request)
    _check_csrf(request, csrf)
    if decision not in ("approve", "reject"):
        raise HTTPException(400, "decision must be approve or reject")
    assert officer.officer is not None  # an officer token names its officer
    try:
        app, new_token = tokens.decide(app_id[:40], approve=decision == "approve", officer=officer.officer, note=note)
    except PubdataError as exc:
        raise HTTPException(409, str(exc)) from None
    catalog_state.invalidate()
    return _dashboard(
        request,
        officer,
        message=f"申请 {app['id']} 已{'批准' if app['status'] == 'approved' else '驳回'}。",
        new_token=new_token,
    )


_LEVEL_TITLES = {"none": "不是个人信息（公开）", "personal": "一般个人信息", "sensitive": "敏感个人信息"}


@router.post("/officers/reviews/{department}/{dataset}", response_class=HTMLResponse, include_in_schema=False)
def review_form(
    request: Request,
    department: str,
    dataset: str,
    column: str = Form(..., max_length=200),
    level: str = Form(...),
    reason: str = Form(..., min_length=1, max_length=500),
    csrf: str = Form("", max_length=64),
) -> HTMLResponse:
    """An officer decides a column held for review: the next run applies it."""
    officer = require_officer(request)
    _check_csrf(request, csrf)
    if level not in _LEVEL_TITLES:
        raise HTTPException(400, "level must be none, personal or sensitive")
    assert officer.officer is not None  # an officer token names its officer
    try:
        reviews.add_review(
            department[:64], dataset[:64], column, level=level, entity=None, reviewer=officer.officer, reason=reason
        )
    except PubdataError as exc:
        raise HTTPException(404, str(exc)) from None
    audit.append(
        officer.actor, "review.column", f"{department}.{dataset}", {"column": column, "level": level, "reason": reason}
    )
    return _dashboard(
        request,
        officer,
        message=f"已记录：{department}.{dataset} 的字段「{column}」定为{_LEVEL_TITLES[level]}，下次运行时生效。",
    )


@router.get("/officers/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_page(
    request: Request, before: int | None = None, action: str | None = None, subject: str | None = None
) -> HTMLResponse:
    require_officer(request)
    if before is not None and not (1 <= before <= 2**62):
        raise HTTPException(400, "before must be a positive sequence number")
    action = (action or "")[:60] or None
    subject = (subject or "")[:130] or None
    entries = audit.entries(limit=100, before=before, action=action, subject=subject)
    ok, bad = audit.verify()
    older = f"/officers/audit?before={entries[-1]['seq']}" if len(entries) == 100 else None
    return templates.TemplateResponse(
        request,
        "officers_audit.html",
        {
            "entries": entries,
            "ok": ok,
            "bad": bad,
            "older": older,
            "action": action,
            "subject": subject,
            "total": audit.count(),
        },
    )


@router.get("/officers/tokens", response_class=HTMLResponse, include_in_schema=False)
def tokens_page(request: Request) -> HTMLResponse:
    require_officer(request)
    return templates.TemplateResponse(
        request, "officers_tokens.html", {"tokens": tokens.list_tokens(), "csrf": csrf_value(request)}
    )


@router.post("/officers/tokens/{token_id}/revoke", include_in_schema=False)
def revoke_form(request: Request, token_id: str, csrf: str = Form("", max_length=64)) -> RedirectResponse:
    officer = require_officer(request)
    _check_csrf(request, csrf)
    try:
        tokens.revoke(token_id[:20], actor=officer.actor)
    except PubdataError as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse("/officers/tokens", status_code=303)


@router.get("/officers/data-docs/{path:path}", include_in_schema=False)
def data_docs(request: Request, path: str) -> FileResponse:
    """Great Expectations Data Docs under ``PUBDATA_HOME/reports/data_docs`` (read-only)."""
    require_officer(request)
    root = (home() / "reports" / "data_docs").resolve()
    target = (root / (path or "index.html")).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(root) or not target.is_file():
        raise HTTPException(404, "no such report page")
    media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target, media_type=media, headers={"X-Content-Type-Options": "nosniff"})


# ---- JSON API for officers ------------------------------------------------------------------


@router.get("/api/officers/audit", tags=["officers"], summary="Audit log entries (newest first) and chain status")
def audit_api(request: Request, limit: int = 100, before: int | None = None) -> dict[str, Any]:
    require_officer(request)
    if not (1 <= limit <= 1000) or (before is not None and not (1 <= before <= 2**62)):
        raise HTTPException(400, "limit must be 1-1000 and before a positive sequence number")
    report = audit.verify_report()
    cp = report.checkpoint
    return {
        "chain_ok": report.ok,
        "first_bad_seq": report.first_bad,
        "missing": report.missing,
        "altered": report.altered,
        "problems": report.problems,
        "checkpoint": {k: cp[k] for k in ("seq", "hash", "count", "time")} if cp else None,
        "entries": audit.entries(limit=limit, before=before),
    }


@router.get("/api/officers/reviews", tags=["officers"], summary="Columns held for an officer's review")
def reviews_api(request: Request) -> list[dict[str, Any]]:
    require_officer(request)
    return reviews.review_queue()


@router.get("/api/officers/applications", tags=["officers"], summary="Applications for conditional data")
def applications_api(request: Request, status: str | None = None) -> list[dict[str, Any]]:
    require_officer(request)
    if status not in (None, "pending", "approved", "rejected"):
        raise HTTPException(400, "status must be pending, approved or rejected")
    return tokens.applications(status)


class Decision(BaseModel):
    approve: bool
    note: str = Field("", max_length=500)


@router.post(
    "/api/officers/applications/{app_id}",
    tags=["officers"],
    summary="Approve or reject an application (returns a new token once when one is issued)",
)
def decide_api(request: Request, app_id: str, body: Decision) -> dict[str, Any]:
    officer = require_officer(request)
    assert officer.officer is not None  # an officer token names its officer
    try:
        app, new_token = tokens.decide(app_id[:40], approve=body.approve, officer=officer.officer, note=body.note)
    except PubdataError as exc:
        raise HTTPException(409 if "already" in str(exc) else 404, str(exc)) from None
    catalog_state.invalidate()
    out = {"id": app["id"], "status": app["status"], "token_id": app["token_id"]}
    if new_token:
        out["token"] = new_token
    return out
