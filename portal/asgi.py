"""What the portal's ASGI middlewares share: the HTTP-only dispatch and a JSON error answer."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["HttpMiddleware", "send_error"]


class HttpMiddleware:
    """An ASGI middleware that looks at HTTP requests only (lifespan and others pass through)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        raise NotImplementedError


async def send_error(send: Any, status: int, message: str, *, close: bool = False) -> None:
    """Answer with the portal's JSON error shape (``{"error": {"status", "message"}}``)."""
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})
