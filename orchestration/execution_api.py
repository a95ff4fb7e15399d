"""The in-process execution API of ``dag.test()``, built for the one API version its client speaks.

Every task of ``dag.test()`` talks to Airflow's execution API in this process (an in-process
FastAPI app behind httpx, :func:`airflow.sdk.execution_time.supervisor.in_process_api_server`).
The app is a Cadwyn app: on its first request it generates a router for *every* API version
Airflow still serves to older workers (nine in Airflow 3.3), copying each route and re-creating
its pydantic models per version; measured at load ~13 that is ~7.5 s of CPU, half of the start-up
before the first task. The only client of the in-process app is this process's task runner, which
sends the Task SDK's ``API_VERSION`` (the newest). :func:`prepare` builds the app once with that
version only (the same routes and models: Airflow's head version, which equals the newest when it
has no changes of its own); routes that exist only for older versions are left out. Airflow's own
module state (its version bundle, its router) is restored right after, so nothing else in the
process sees a difference. When anything does not match these assumptions (another Airflow with a
head of its own, a client of another version, an app already built), Airflow's app is built as
usual. ``PUBDATA_EMBEDDED_API_VERSIONS=all`` turns this off.
"""

from __future__ import annotations

import logging

from core import ConfigError
from core.settings import get_setting

__all__ = ["prepare"]

log = logging.getLogger(__name__)


def prepare() -> bool:
    """Build the in-process execution API for the client's version only, when it is not built yet
    and the setting allows it; True when it did."""
    mode = get_setting("PUBDATA_EMBEDDED_API_VERSIONS")
    if mode not in ("current", "all"):
        raise ConfigError(
            f"setting PUBDATA_EMBEDDED_API_VERSIONS={mode!r} is not current or all",
            hint="unset it (current) or set it to all",
        )
    if mode == "all":
        return False
    from airflow.sdk.execution_time.supervisor import in_process_api_server

    if in_process_api_server.cache_info().currsize:
        return False  # built already (a run before in this process): reused as it is
    from airflow.api_fastapi.execution_api import versions
    from airflow.api_fastapi.execution_api.routes import execution_api_router
    from airflow.sdk.api.datamodels._generated import API_VERSION
    from cadwyn import HeadVersion, Version, VersionBundle
    from cadwyn.route_generation import _DELETED_ROUTE_TAG

    full = versions.bundle
    if full.versions[0].value != API_VERSION or full.head_version.changes:
        log.info("in-process execution API: Airflow's versions as they are (client %s)", API_VERSION)
        return False
    routes = list(execution_api_router.routes)
    versions.bundle = VersionBundle(HeadVersion(), Version(API_VERSION))
    execution_api_router.routes[:] = [r for r in routes if _DELETED_ROUTE_TAG not in (getattr(r, "tags", None) or ())]
    try:
        in_process_api_server().app  # noqa: B018 -- built (and cached) now, with the bundle above
    finally:
        versions.bundle = full
        execution_api_router.routes[:] = routes
    return True
