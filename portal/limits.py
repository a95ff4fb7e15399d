"""Limits on what a client may send: body size, body read time, JSON nesting depth.

* :class:`BodyLimit` (ASGI middleware) refuses a body larger than ``PUBDATA_MAX_BODY_BYTES``
  with 413 -- at once from ``Content-Length``, else as soon as the streamed (chunked) body passes
  the limit, never after reading it whole -- and answers 408 when the body does not arrive
  within ``PUBDATA_BODY_TIMEOUT`` seconds of the application asking for it. The application
  then sees the client as gone; the connection is closed.
* :func:`loads` parses request JSON with a bounded nesting depth (``PUBDATA_MAX_JSON_DEPTH``):
  deeper documents raise :class:`JsonTooDeep` (a ``ValueError``, like any malformed JSON) before
  the parser recurses, so a deep document is a client error, never a ``RecursionError``.

Header size and header read time are the server's (:mod:`portal.server`).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass
from typing import Any

from core.settings import float_setting, int_setting
from portal.asgi import HttpMiddleware, send_error

__all__ = ["BodyLimit", "JsonTooDeep", "check_depth", "loads", "max_depth"]

# a JSON string, or an unterminated one up to the end: each character is looked at once (a pattern that
# needs the closing quote rescans the rest of the text from every quote: quadratic in a hostile body)
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonTooDeep(ValueError):
    pass


def max_depth() -> int:
    return int_setting("PUBDATA_MAX_JSON_DEPTH")


def check_depth(text: str | bytes, limit: int | None = None) -> None:
    """Raise :class:`JsonTooDeep` if the JSON text nests arrays/objects deeper than ``limit``
    (brackets inside strings do not count)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    limit = max_depth() if limit is None else limit
    if text.count("[") + text.count("{") <= limit:
        return
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > limit:
                raise JsonTooDeep(f"JSON nested deeper than {limit} levels")
        else:
            depth -= 1


def loads(text: str | bytes) -> Any:
    """``json.loads`` with the nesting depth bounded (``ValueError`` for anything malformed)."""
    check_depth(text)
    return json.loads(text)


@dataclass
class _BodyState:
    """What one request's body reading has seen so far."""

    read: int = 0
    deadline: float | None = None
    answered: bool = False
    started: bool = False


class BodyLimit(HttpMiddleware):
    """ASGI middleware: request body size and read-time limits (see the module docstring)."""

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        limit = int_setting("PUBDATA_MAX_BODY_BYTES")
        timeout = float_setting("PUBDATA_BODY_TIMEOUT")
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > limit:
                    await send_error(send, 413, f"request body larger than {limit} bytes", close=True)
                    return
        state = _BodyState()

        async def guarded_receive() -> dict[str, Any]:
            if state.answered:
                return {"type": "http.disconnect"}
            if state.deadline is None:
                state.deadline = time.monotonic() + timeout
            deadline = state.deadline
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                await answer(408, f"request body not received within {timeout:g} s")
                return {"type": "http.disconnect"}
            if message["type"] == "http.request":
                state.read += len(message.get("body", b""))
                if state.read > limit:
                    await answer(413, f"request body larger than {limit} bytes")
                    return {"type": "http.disconnect"}
            return message

        async def answer(status: int, message: str) -> None:
            state.answered = True
            if not state.started:
                await send_error(send, status, message, close=True)

        async def guarded_send(message: dict[str, Any]) -> None:
            if state.answered:
                return  # the limit already answered; the application's reply is dropped
            if message["type"] == "http.response.start":
                state.started = True
            await send(message)

        try:
            await self.app(scope, guarded_receive, guarded_send)
        except Exception:
            if not state.answered:
                raise
            # the application saw the client as gone (it was refused): nothing more to say or log
