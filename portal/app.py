"""Build the FastAPI application. Features are routers registered in one list (``ROUTERS``)."""

from __future__ import annotations

import contextlib
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from core import CatalogError, __version__
from portal.paths import HERE

__all__ = ["HERE", "ROUTERS", "create_app"]

log = logging.getLogger("pubdata.portal")

#: Router modules, in registration order. Add a feature by adding its module here.
ROUTERS = (
    "portal.pages",
    "portal.downloads",
    "portal.api_ckan",
    "portal.api_meta",
    "portal.officers",
    "portal.docs",
    "portal.scorecard",
    "portal.feeds",
    "portal.usage",
)


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    from catalog import ensure_catalog

    ensure_catalog()  # create the portal's tables in an older catalog
    yield
    from catalog.usage_recorder import flush

    flush()  # the usage counted since the last batch


def create_app() -> FastAPI:
    import importlib

    from portal.access import AccessDenied

    app = FastAPI(
        title="pubdata open-data portal",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
        description="Open data of the departments: CKAN Action API, DCAT-AP, downloads, "
        "conditional data with department tokens.",
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for name in ROUTERS:
        app.include_router(importlib.import_module(name).router)

    from portal import pages
    from portal.officers import login_page

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_html(request):
            return pages.error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse(
            {"error": {"status": exc.status_code, "message": str(exc.detail)}},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(AccessDenied)
    async def access_denied(request: Request, exc: AccessDenied):
        if _wants_html(request) and request.url.path.startswith("/officers"):
            return login_page(request, None if exc.status == 401 else exc.message, status=exc.status)
        return JSONResponse(
            {"error": {"status": exc.status, "message": exc.message}}, status_code=exc.status, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        fields = [".".join(str(p) for p in e["loc"]) for e in exc.errors()]
        return JSONResponse(
            {"error": {"status": 400, "message": f"invalid parameter(s): {', '.join(fields)[:300]}"}}, status_code=400
        )

    @app.exception_handler(CatalogError)
    async def catalog_error(request: Request, exc: CatalogError):
        return JSONResponse({"error": {"status": 404, "message": str(exc)}}, status_code=404)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"error": {"status": 500, "message": "internal error"}}, status_code=500)

    return app


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "") and not request.url.path.startswith("/api")
