"""CKAN's routes beside the Action API: ``/api`` and ``/api/<1-3>`` (the API version), the util
autocompletes (``/api[/<1-2>]/util/...``, ``{"ResultSet": {"Result": [...]}}``) and
``/api[/<1-2>]/i18n/<lang>`` (CKAN's JavaScript translations), as ``ckan/views/api.py`` (2.10) serves them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from portal import state as catalog_state
from portal.ckan import CkanError
from portal.ckan_actions import LOCALES, param_int
from portal.ckan_actions.datasets import package_autocomplete
from portal.ckan_actions.groups import organization_autocomplete, tag_list
from portal.ckan_actions.resources import format_autocomplete

router = APIRouter(tags=["CKAN Action API"])


def _api_version(version: int):
    def endpoint() -> dict[str, int]:
        return {"version": version}

    return endpoint


router.add_api_route("/api", _api_version(1), methods=["GET"], summary="CKAN API root (version 1)")
for _v in (1, 2, 3):
    router.add_api_route(f"/api/{_v}", _api_version(_v), methods=["GET"], summary=f"CKAN API version {_v}")


def _util(fn: Callable[[Request, dict[str, Any]], Any], path: str, summary: str) -> None:
    async def endpoint(request: Request) -> Response:
        params = dict(request.query_params)
        try:
            result = fn(request, params) if catalog_state.is_fresh() else await run_in_threadpool(fn, request, params)
        except CkanError as exc:
            return JSONResponse(exc.message, status_code=exc.status)
        return JSONResponse(result)

    for prefix in ("/api", "/api/1", "/api/2"):
        router.add_api_route(
            prefix + path, endpoint, methods=["GET"], summary=summary, include_in_schema=prefix == "/api/2"
        )


def _limit(params: dict[str, Any], default: int) -> int:
    return param_int(params, "limit", default, 0, 1000)


def _util_datasets(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    q = params.get("incomplete", "")
    found = package_autocomplete(request, {"q": q, "limit": _limit(params, 10)}) if q else []
    return {"ResultSet": {"Result": found}}


def _util_tags(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    q = params.get("incomplete", "")
    tags = tag_list(request, {"query": q})[: _limit(params, 10)] if q else []
    return {"ResultSet": {"Result": [{"Name": t} for t in tags]}}


def _util_formats(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    q = params.get("incomplete", "")
    found = format_autocomplete(request, {"q": q, "limit": _limit(params, 5)}) if q else []
    return {"ResultSet": {"Result": [{"Format": f} for f in found]}}


def _util_organizations(request: Request, params: dict[str, Any]) -> list[dict[str, str]]:
    q = params.get("q", "")
    return organization_autocomplete(request, {"q": q, "limit": _limit(params, 20)}) if q else []


def _util_groups(request: Request, params: dict[str, Any]) -> list[Any]:
    _limit(params, 20)
    return []


_util(_util_datasets, "/util/dataset/autocomplete", "Dataset autocomplete (CKAN util API)")
_util(_util_tags, "/util/tag/autocomplete", "Tag autocomplete (CKAN util API)")
_util(_util_formats, "/util/resource/format_autocomplete", "Format autocomplete (CKAN util API)")
_util(_util_organizations, "/util/organization/autocomplete", "Organization autocomplete (CKAN util API)")
_util(_util_groups, "/util/group/autocomplete", "Group autocomplete (CKAN util API)")


def i18n(lang: str) -> Response:
    """CKAN's JavaScript translations: the Jed dict for a locale the site offers (``{}`` for one
    without translations, the source language), 400 for a locale it does not offer."""
    if lang not in LOCALES:
        return JSONResponse(f"Bad request - Unknown locale: {lang[:40]}", status_code=400)
    if lang == "en":
        return Response("{}", media_type="text/html; charset=utf-8")  # CKAN returns the text "{}"
    from portal.messages import js_translations

    return JSONResponse(js_translations(lang))


for _prefix in ("/api", "/api/1", "/api/2"):
    router.add_api_route(
        _prefix + "/i18n/{lang}",
        i18n,
        methods=["GET"],
        summary="JavaScript translations (CKAN)",
        description="JavaScript translations of a locale the site offers (CKAN's Jed dict; `{}` for the source language)",
        include_in_schema=_prefix == "/api",
    )
