"""Who may read what: department tokens for conditional data, officer tokens for the officers' pages.

Credentials come from ``Authorization: Bearer <token>``, ``X-CKAN-API-Key: <token>`` or a bare
``Authorization: <token>`` (what ``ckanapi`` sends); officers' browsers use the HttpOnly cookie
set by the officers' login form. Failures raise :class:`AccessDenied`, which the app turns into a
401/403 JSON error (or the CKAN envelope on CKAN routes) -- never an HTML login page for API
clients.

Rows are read under the tier their *version* was published under (:func:`version_tier`: the
stricter of the version's tier and the dataset's current one), never under whatever the dataset
is now. Each request checks the token (unknown, malformed, revoked, expired), its scopes and the
key store's revocations afresh -- a revocation stops access at the next request. Every grant of
conditional data and every refused token use is appended to the audit log (token id and reason,
never the secret). A client presenting too many refused tokens is slowed down with 429
(``PUBDATA_AUTH_FAILURE_LIMIT``).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request

from catalog import audit, tokens
from catalog.tokens import Token
from portal.ratelimit import client_key, limiter, retry_after

__all__ = [
    "AccessDenied",
    "OFFICER_COOKIE",
    "authenticate",
    "check_purpose",
    "data_access",
    "check_not_revoked",
    "optional_token",
    "presented_secret",
    "refuse",
    "require_officer",
    "throttle",
    "version_tier",
]

OFFICER_COOKIE = "pubdata_officer"
_PURPOSE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_STRICTNESS = {"open": 0, "conditional": 1, "withheld": 2}


class AccessDenied(Exception):
    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self._headers = headers or {}

    @property
    def headers(self) -> dict[str, str]:
        extra = {"WWW-Authenticate": 'Bearer realm="pubdata"'} if self.status == 401 else {}
        return {**extra, **self._headers}


def version_tier(d: dict[str, Any], version: dict[str, Any] | None) -> str:
    """The tier rows of ``version`` of dataset ``d`` are read under: the stricter of the tier the
    version was published under and the dataset's current tier (a later, stricter decision also
    closes older versions; a later, looser one never opens them). Unknown: withheld."""
    tiers = [(version or {}).get("open_tier") or d.get("open_tier"), d.get("open_tier")]
    return max((t if t in _STRICTNESS else "withheld" for t in tiers), key=_STRICTNESS.__getitem__)


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


def refuse(
    request: Request,
    status: int,
    message: str,
    *,
    reason: str,
    subject: str | None = None,
    token: Token | None = None,
    token_id: str | None = None,
    **detail: Any,
) -> AccessDenied:
    """Audit a refused use of a token (id and reason, never the secret) and return the error to raise."""
    actor = token.actor if token is not None else (f"token:{token_id}" if token_id else "anonymous")
    audit.append(
        actor,
        "access.denied",
        subject,
        {
            "reason": reason,
            "token_id": token.id if token is not None else token_id,
            "path": request.url.path[:200],
            "client": client_key(request),
            **detail,
        },
    )
    return AccessDenied(status, message)


def optional_token(request: Request, *, cookie: bool = False, subject: str | None = None) -> Token | None:
    """The caller's token; ``None`` when none is presented; 401 (audited) when one is presented
    but is malformed, unknown, revoked or expired; 429 when this client presented too many such."""
    cached = request.scope.get("pubdata.token")
    if cached is not None:
        return cached or None
    secret = presented_secret(request, cookie=cookie)
    if secret is None:
        return None
    token = authenticate(request, secret, subject=subject)
    request.scope["pubdata.token"] = token
    return token


def authenticate(request: Request, secret: str, *, subject: str | None = None) -> Token:
    """The live token for ``secret`` (from a header, a cookie or a form field); 401 (audited)
    when it is malformed, unknown, revoked or expired; 429 after too many refusals from this client."""
    failures = limiter("PUBDATA_AUTH_FAILURE_LIMIT")
    client = client_key(request)
    if failures.left(client) < 1:
        wait = failures.take(client)
        raise AccessDenied(
            429,
            "too many refused tokens from this client; try again later",
            headers={"Retry-After": retry_after(wait)},
        )
    token, reason, token_id = tokens.check(secret[:200])
    if token is None:
        failures.take(client)
        raise refuse(
            request, 401, "the token is unknown, expired or revoked", reason=reason, subject=subject, token_id=token_id
        )
    return token


def check_purpose(purpose: Any) -> str | None:
    if purpose is None or purpose == "":
        return None
    if not isinstance(purpose, str) or not _PURPOSE.match(purpose):
        raise AccessDenied(403, "purpose must be an identifier such as medical_assistance")
    return purpose


def check_not_revoked(request: Request, token: Token, subject: str, **context: Any) -> None:
    """403 (audited) when the key store revokes the token's department (everywhere, or for ``subject``)."""
    from privacy.keys import KeyStore

    if token.department_id is not None and KeyStore().is_revoked(token.department_id, owner=subject):
        raise refuse(
            request,
            403,
            f"{token.department_id}'s access to {subject} is revoked",
            reason="revoked",
            subject=subject,
            token=token,
            **context,
        )


def data_access(
    request: Request,
    d: dict[str, Any],
    version: dict[str, Any] | None,
    *,
    purpose: Any = None,
    what: str,
    detail: dict[str, Any] | None = None,
) -> Token | None:
    """Allow reading rows of ``version`` (a ``versions`` row) of dataset ``d``, or raise :class:`AccessDenied`.

    By :func:`version_tier`: open -- everyone; conditional -- a live department token with a
    scope for the dataset (and ``purpose`` when given) whose department the key store does not
    revoke, audited; withheld or unpublished -- nobody.
    """
    subject = f"{d['department_id']}.{d['dataset_id']}"
    if version is None:
        raise AccessDenied(403, f"{subject} is not open: only its metadata is published")
    tier = version_tier(d, version)
    if tier == "open":
        return None
    if tier != "conditional":
        raise AccessDenied(403, f"{subject} v{version['version']} is not open: only its metadata is published")
    purpose = check_purpose(purpose if purpose is not None else request.query_params.get("purpose"))
    token = optional_token(request, subject=subject)
    if token is None:
        raise AccessDenied(
            401,
            f"{subject} v{version['version']} is conditionally open: present a department token "
            f"(Authorization: Bearer ...) whose scope covers it; apply at "
            f"/datasets/{d['department_id']}/{d['dataset_id']}/apply",
        )
    context = {"purpose": purpose, "what": what, "version": version["version"]}
    if token.kind != "department":
        raise refuse(
            request,
            403,
            "only department tokens read conditional data",
            reason="kind",
            subject=subject,
            token=token,
            **context,
        )
    check_not_revoked(request, token, subject, **context)
    scope = tokens.scope_for(token, d["department_id"], d["dataset_id"], purpose)
    if scope is None:
        raise refuse(
            request,
            403,
            f"this token's scope does not cover {subject}" + (f" for purpose {purpose}" if purpose else ""),
            reason="scope",
            subject=subject,
            token=token,
            **context,
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
            "version": version["version"],
            **(detail or {}),
        },
    )
    return token


def throttle(setting: str, key: str, message: str) -> None:
    """429 (with ``Retry-After``) when ``key`` exceeded the ``BURST/SECONDS`` limit of ``setting``."""
    wait = limiter(setting).take(key)
    if wait:
        raise AccessDenied(429, message, headers={"Retry-After": retry_after(wait)})


def require_officer(request: Request) -> Token:
    token = optional_token(request, cookie=True)
    if token is None:
        raise AccessDenied(401, "an officer token is required (pubdata tokens issue --officer NAME)")
    if token.kind != "officer":
        raise refuse(request, 403, "this page is for data officers", reason="kind", token=token)
    return token
