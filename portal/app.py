"""Build the FastAPI application. Features are routers registered in one list (``ROUTERS``)."""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections.abc import Iterable

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
    "portal.diffs",
    "portal.api_ckan",
    "portal.api_ckan_util",
    "portal.api_meta",
    "portal.api_dcat",
    "portal.officers",
    "portal.docs",
    "portal.scorecard",
    "portal.risk",
    "portal.feeds",
    "portal.usage",
    "portal.demands",
    "portal.verify",
    "portal.query",
    "portal.quota",
)


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    from catalog import audit, ensure_catalog, usage_recorder

    ensure_catalog()  # create the portal's tables in an older catalog
    threading.Thread(target=_warm_search, name="warm-search", daemon=True).start()
    try:
        yield
    finally:
        try:
            usage_recorder.flush()  # downloads and other use counted since the last batch
        except Exception:  # the catalog is unreachable: say so, still checkpoint the audit log
            log.warning("usage counted since the last batch could not be written at shutdown")
        with contextlib.suppress(Exception):
            audit.checkpoint(reason="portal shutdown")


def _warm_search() -> None:
    """Load the Chinese tokenizer and build the search index now, not on the first search."""
    try:
        from portal import state
        from portal.common import search

        search(state.current(), "数据")
    except Exception:  # a broken catalog shows up on the first request instead
        log.debug("search warm-up failed", exc_info=True)
    # what is loaded now lives as long as the process (modules, the tokenizer's dictionary of
    # ~350,000 words, templates): out of the cyclic collector's reach, so that its full
    # collections, which walked all of it (~140-250 ms each on the event loop's thread, a p99
    # request's whole delay), only walk what requests create. Reference counting still frees
    # these objects; only cycles among them would stay.
    gc.collect()
    gc.freeze()


def create_app(*, extra_hosts: Iterable[str] = ()) -> FastAPI:
    """The portal. ``extra_hosts``: ``Host`` names allowed besides ``PUBDATA_ALLOWED_HOSTS``
    (``pubdata serve`` adds the address it listens on)."""
    import importlib

    from portal import cache
    from portal.access import AccessDenied
    from portal.hosts import HostGuard
    from portal.limits import BodyLimit

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
    # outermost last: the cache policy sees every answer (also the host and body refusals)
    app.add_middleware(BodyLimit)
    app.add_middleware(HostGuard, extra_hosts=list(extra_hosts))
    app.add_middleware(cache.CachePolicy)

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

    from catalog.grants import GrantRefused
    from portal.quota import QuotaExceeded
    from portal.services_api import service_errors

    @app.exception_handler(QuotaExceeded)
    @app.exception_handler(GrantRefused)
    async def refused(request: Request, exc: Exception):
        return service_errors(request, exc)  # 429 with Retry-After, or 403; CKAN-style JSON

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
        # answered outside the middlewares: the cache policy is applied here
        return JSONResponse(
            {"error": {"status": 500, "message": "internal error"}},
            status_code=500,
            headers=cache.headers_for(request.scope, 500),
        )

    return app


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "") and not request.url.path.startswith("/api")
