"""Who may read what: department tokens for conditional data, officer tokens for the officers' pages.

Credentials come from ``Authorization: Bearer <token>``, ``X-CKAN-API-Key: <token>`` or a bare
``Authorization: <token>`` (what ``ckanapi`` sends); officers' browsers use the HttpOnly cookie
set by the officers' login form. Failures raise :class:`AccessDenied`, which the app turns into a
401/403 JSON error (or the CKAN envelope on CKAN routes) — never an HTML login page for API
clients. Every grant of conditional data is appended to the audit log (token id, never secret).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request

from catalog import audit, tokens
from catalog.tokens import Token

__all__ = [
    "AccessDenied",
    "OFFICER_COOKIE",
    "check_purpose",
    "data_access",
    "optional_token",
    "presented_secret",
    "require_officer",
]

OFFICER_COOKIE = "pubdata_officer"
_PURPOSE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


class AccessDenied(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": 'Bearer realm="pubdata"'} if self.status == 401 else {}


def presented_secret(request: Request, *, cookie: bool = False) -> str | None:
    for name in ("authorization", "x-ckan-api-key"):
        value = request.headers.get(name, "").strip()
        if value:
            if value.lower().startswith("bearer "):
                value = value[7:].strip()
            return value[:200]
    if cookie:
        value = request.cookies.get(OFFICER_COOKIE) or ""
        if value:
            return value[:200]
    return None


def optional_token(request: Request, *, cookie: bool = False) -> Token | None:
    """The caller's token; ``None`` when none is presented; 401 when one is presented but invalid."""
    cached = request.scope.get("pubdata.token")
    if cached is not None:
        return cached or None
    secret = presented_secret(request, cookie=cookie)
    if secret is None:
        return None
    token = tokens.authenticate(secret)
    if token is None:
        raise AccessDenied(401, "the token is unknown, expired or revoked")
    request.scope["pubdata.token"] = token
    return token


def check_purpose(purpose: Any) -> str | None:
    if purpose is None or purpose == "":
        return None
    if not isinstance(purpose, str) or not _PURPOSE.match(purpose):
        raise AccessDenied(403, "purpose must be an identifier such as medical_assistance")
    return purpose


def data_access(
    request: Request, d: dict[str, Any], *, purpose: Any = None, what: str, detail: dict[str, Any] | None = None
) -> Token | None:
    """Allow reading rows/files of dataset ``d`` or raise :class:`AccessDenied`.

    Open datasets: everyone. Conditional: a department token with a scope for the dataset (and
    ``purpose`` when given); the access is audited. Withheld or unpublished: nobody.
    """
    tier = d.get("open_tier")
    if tier == "open" and d.get("version"):
        return None
    subject = f"{d['department_id']}.{d['dataset_id']}"
    if tier != "conditional" or not d.get("version"):
        raise AccessDenied(403, f"{subject} is not open: only its metadata is published")
    purpose = check_purpose(purpose if purpose is not None else request.query_params.get("purpose"))
    token = optional_token(request)
    if token is None:
        raise AccessDenied(
            401,
            f"{subject} is conditionally open: present a department token "
            f"(Authorization: Bearer ...) whose scope covers it; apply at "
            f"/datasets/{d['department_id']}/{d['dataset_id']}/apply",
        )
    scope = tokens.scope_for(token, d["department_id"], d["dataset_id"], purpose)
    if scope is None:
        audit.append(token.actor, "access.denied", subject, {"token_id": token.id, "purpose": purpose, "what": what})
        raise AccessDenied(
            403, f"this token's scope does not cover {subject}" + (f" for purpose {purpose}" if purpose else "")
        )
    audit.append(
        token.actor,
        "access.conditional",
        subject,
        {
            "token_id": token.id,
            "department": token.department_id,
            "purpose": scope["purpose"],
            "what": what,
            **(detail or {}),
        },
    )
    return token


def require_officer(request: Request) -> Token:
    token = optional_token(request, cookie=True)
    if token is None:
        raise AccessDenied(401, "an officer token is required (pubdata tokens issue --officer NAME)")
    if token.kind != "officer":
        raise AccessDenied(403, "this page is for data officers")
    return token
