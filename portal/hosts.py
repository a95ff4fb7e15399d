"""Which ``Host`` the portal answers to, and the base URL its links are built from.

Links (resource URLs, DCAT, redirects, the page's code snippets) come from ``PUBDATA_PORTAL_URL``
when it is set, else from the request -- whose ``Host`` header :class:`HostGuard` has checked
against ``PUBDATA_ALLOWED_HOSTS`` (plus the configured URL's host and the address ``pubdata
serve --host`` names). Any other ``Host`` gets 400 before a route runs, and is never echoed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request

from core.settings import list_setting
from portal.asgi import HttpMiddleware, send_error

__all__ = ["HostGuard", "allowed_hosts", "base_url", "host_name"]


def host_name(value: str) -> str:
    """``Example.ORG:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def _configured_url() -> str | None:
    url = os.environ.get("PUBDATA_PORTAL_URL")
    return url.rstrip("/") if url else None


def allowed_hosts(extra: Iterable[str] = ()) -> set[str]:
    hosts = {host_name(h) for h in list_setting("PUBDATA_ALLOWED_HOSTS")}
    hosts |= {host_name(h) for h in extra if h}
    url = _configured_url()
    if url:
        hosts.add((urlsplit(url).hostname or "").lower())
    return hosts - {""}


def base_url(request: Request) -> str:
    """``PUBDATA_PORTAL_URL`` when set, else the URL the client used (its Host was allowed)."""
    return _configured_url() or str(request.base_url).rstrip("/")


class HostGuard(HttpMiddleware):
    """ASGI middleware: 400 for a request whose ``Host`` is not an allowed host."""

    def __init__(self, app: Any, extra_hosts: Iterable[str] = ()) -> None:
        super().__init__(app)
        self.extra = [h for h in extra_hosts if h not in ("0.0.0.0", "::", "")]

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), None)
        if host is not None and host_name(host) not in allowed_hosts(self.extra):
            await send_error(
                send,
                400,
                "unknown host: use the portal's public address (PUBDATA_PORTAL_URL) or a host in PUBDATA_ALLOWED_HOSTS",
            )
            return
        await self.app(scope, receive, send)
