"""The portal's cache policy, in one place, applied to every response (pages, APIs, downloads, errors).

* ``Cache-Control: private, no-store`` for anything that needed or was given a credential (an
  ``Authorization`` or ``X-CKAN-API-Key`` header, the officers' cookie), every officers' page,
  every answer to a method other than GET/HEAD, and every error: a shared cache (a proxy, a CDN)
  must never keep them.
* ``Cache-Control: public, max-age=60`` only for what anyone may read anonymously: open data and
  public metadata asked for without a credential.

Every response also carries ``Vary: Authorization, X-CKAN-API-Key`` so that a cache that kept an
anonymous answer never hands it out for a request that carries a token (or the reverse).
Routes do not set ``Cache-Control`` themselves: :class:`CachePolicy` (an ASGI middleware) sets it
on the way out; :func:`headers_for` is the rule, for responses built outside the middleware.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from portal.asgi import HttpMiddleware

__all__ = ["PRIVATE", "PUBLIC", "VARY", "CachePolicy", "has_credentials", "headers_for"]

PUBLIC = "public, max-age=60"
PRIVATE = "private, no-store"
VARY = "Authorization, X-CKAN-API-Key"
_CREDENTIAL_HEADERS = (b"authorization", b"x-ckan-api-key")
_OFFICER_COOKIE = b"pubdata_officer="


def has_credentials(scope: Mapping[str, Any]) -> bool:
    """Whether the request presented a token (header) or the officers' cookie."""
    for name, value in scope.get("headers", []):
        if name in _CREDENTIAL_HEADERS and value.strip():
            return True
        if name == b"cookie" and _OFFICER_COOKIE in value:
            return True
    return False


def headers_for(scope: Mapping[str, Any], status: int) -> dict[str, str]:
    """``Cache-Control`` and ``Vary`` for a response of ``status`` to the request of ``scope``."""
    path = scope.get("path", "")
    private = (
        has_credentials(scope)
        or status >= 400
        or scope.get("method", "GET") not in ("GET", "HEAD")
        or path.startswith(("/officers", "/api/officers", "/api/whoami"))
    )
    return {"cache-control": PRIVATE if private else PUBLIC, "vary": VARY}


class CachePolicy(HttpMiddleware):
    """ASGI middleware: replaces any ``Cache-Control`` a response carries by :func:`headers_for`."""

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        async def send_with_policy(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                policy = headers_for(scope, message["status"])
                headers = message.get("headers", [])
                # a route's own Vary (e.g. Accept for content negotiation) is kept beside the policy's
                own = [v.decode("latin-1") for k, v in headers if k.lower() == b"vary"]
                fields = [f.strip() for f in ", ".join([policy["vary"], *own]).split(",") if f.strip()]
                policy["vary"] = ", ".join(dict.fromkeys(fields))
                kept = [(k, v) for k, v in headers if k.lower() not in (b"cache-control", b"vary")]
                kept += [(k.encode(), v.encode()) for k, v in policy.items()]
                message = {**message, "headers": kept}
            await send(message)

        await self.app(scope, receive, send_with_policy)
