"""API documentation rendered server-side from the OpenAPI document (no CDN, no JavaScript).

FastAPI's default ``/docs`` loads Swagger UI from a CDN, which does not work offline; this page
lists every operation, its parameters and request body from ``app.openapi()``. The machine-readable
document stays at ``/openapi.json``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from portal.common import base_url
from portal.messages import api_text
from portal.pages import templates

router = APIRouter()


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    ops = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": p.get("required", False),
                    "type": (p.get("schema") or {}).get("type")
                    or "/".join(s.get("type", "") for s in (p.get("schema") or {}).get("anyOf", [])),
                }
                for p in op.get("parameters", [])
            ]
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema", {})
            ref = body.get("$ref", "").rsplit("/", 1)[-1]
            fields = (
                list(spec.get("components", {}).get("schemas", {}).get(ref, {}).get("properties", {})) if ref else []
            )
            ops.append(
                {
                    "path": path,
                    "method": method,
                    "summary": api_text(op.get("summary", "")),
                    "description": api_text(op.get("description", "")),
                    "tags": op.get("tags", ["other"]),
                    "params": params,
                    "body": fields,
                }
            )
    return sorted(ops, key=lambda o: (o["tags"][0], o["path"], o["method"]))


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return templates.TemplateResponse(
        request,
        "docs.html",
        {
            "ops": _operations(spec),
            "base": base_url(request),
            "title": spec["info"]["title"],
            "version": spec["info"]["version"],
        },
    )
