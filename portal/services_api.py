"""What the sharing-service APIs (demands, verification, queries) have in common.

Answers use CKAN's envelope (``{"help", "success", "result"}``; errors ``{"success": false,
"error": {"__type", "message"}}``), so API clients handle them like the CKAN Action API. The
caller's department token is checked *before* the body is read: an anonymous caller gets 401
(never 404 or a validation error), whatever it sent.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from catalog.grants import GrantRefused, NotFound
from catalog.tokens import Token
from core import CatalogError
from portal import limits
from portal.access import AccessDenied, optional_token
from portal.common import base_url

__all__ = [
    "MAX_BODY",
    "BodyError",
    "body_doc",
    "caller_token",
    "error",
    "ok",
    "parse",
    "read_json",
    "service",
    "service_errors",
]

MAX_BODY = 4 * 2**20
_TYPES = {
    400: "Bad Request",
    401: "Authorization Error",
    403: "Authorization Error",
    404: "Not Found Error",
    409: "Validation Error",
    413: "Bad Request",
    429: "Rate Limit Error",
}


def _help(request: Request) -> str:
    return f"{base_url(request)}/docs"


def ok(request: Request, result: Any, status: int = 200) -> JSONResponse:
    body = {"help": _help(request), "success": True, "result": result}
    return JSONResponse(json.loads(json.dumps(body, ensure_ascii=False, default=str)), status_code=status)


def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {
        "help": _help(request),
        "success": False,
        "error": {"__type": _TYPES.get(status, "Error"), "message": message},
    }
    if status == 401:
        headers = {**(headers or {}), "WWW-Authenticate": 'Bearer realm="pubdata"'}
    return JSONResponse(body, status_code=status, headers=headers)


def caller_token(request: Request, *, officers: bool = False) -> Token:
    """The caller's department token (or an officer's, when ``officers``); 401 without one."""
    token = optional_token(request)
    if token is None:
        raise AccessDenied(401, "present your department token (Authorization: Bearer ...)")
    if token.kind != "department" and not (officers and token.kind == "officer"):
        raise AccessDenied(403, "this service is for department tokens")
    return token


async def read_json(request: Request) -> Any:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise BodyError(413, "the request body is too large")
    if not raw.strip():
        return {}
    try:
        return limits.loads(raw)  # nesting bounded: a deep body is a 400, never a RecursionError
    except limits.JsonTooDeep as exc:
        raise BodyError(400, str(exc)) from None
    except (ValueError, UnicodeDecodeError):
        raise BodyError(400, "the body is not valid JSON") from None


async def parse(request: Request, model: type[BaseModel]) -> Any:
    """The JSON body, validated by ``model`` (400 naming the bad fields)."""
    raw = await read_json(request)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        where = ", ".join(".".join(str(p) for p in e["loc"]) or "body" for e in exc.errors()[:5])
        raise BodyError(400, f"invalid field(s): {where[:300]}") from None


def body_doc(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI of a JSON body the handler reads itself (after checking the token); nested models
    are inlined (a ``#/$defs/...`` reference would not resolve inside the OpenAPI document)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.rsplit("/", 1)[-1]])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return {"requestBody": {"required": True, "content": {"application/json": {"schema": inline(schema)}}}}


def service(fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Turn the sharing services' errors into CKAN-style JSON answers."""

    @functools.wraps(fn)
    async def inner(request: Request, *args: Any, **kw: Any) -> Any:
        try:
            return await fn(request, *args, **kw)
        except Exception as exc:
            answer = service_errors(request, exc)
            if answer is None:
                raise
            return answer

    return inner


class BodyError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def service_errors(request: Request, exc: Exception) -> JSONResponse | None:
    """The CKAN-style answer for an error of a sharing service (None: not one of them)."""
    from catalog.services import ServiceError
    from portal.quota import QuotaExceeded

    if isinstance(exc, AccessDenied):
        return error(request, exc.status, exc.message)
    if isinstance(exc, StarletteHTTPException):
        return error(request, exc.status_code, str(exc.detail))
    if isinstance(exc, QuotaExceeded):
        return error(request, 429, exc.message, {"Retry-After": str(exc.retry_after)})
    if isinstance(exc, GrantRefused):
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        return error(request, exc.status, str(exc), headers)
    if isinstance(exc, ServiceError):
        return error(request, exc.status, str(exc))
    if isinstance(exc, NotFound):
        return error(request, 404, str(exc))
    if isinstance(exc, CatalogError):
        return error(request, 409, str(exc))
    if isinstance(exc, BodyError):
        return error(request, exc.status, exc.message)
    return None
