"""Recording use from the portal's requests (:mod:`catalog.usage_recorder`).

:func:`track` is the one call a route makes: it works out the consumer kind from the request
(anonymous, a department token, an officer), whether the caller is another portal harvesting
this one (User-Agent patterns in ``portal/harvesters.yaml``: counted as kind ``harvest``), and
hands the client's address to the recorder, which keeps only a keyed hash of it for the day.
Issue 17's verification and aggregate endpoints record with ``track(request, "verify", d)`` /
``track(request, "aggregate", d)``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml
from fastapi import Request

from catalog import usage_recorder
from portal.access import AccessDenied, optional_token, presented_secret
from portal.paths import HERE

__all__ = ["consumer_of", "is_harvester", "track"]


@functools.lru_cache(maxsize=1)
def _agents() -> list[tuple[re.Pattern[str], str]]:
    data = yaml.safe_load((HERE / "harvesters.yaml").read_text(encoding="utf-8"))
    return [(re.compile(a["pattern"], re.IGNORECASE), a["name"]) for a in data["user_agents"]]


def is_harvester(request: Request) -> bool:
    agent = request.headers.get("user-agent", "")[:300]
    return any(p.search(agent) for p, _ in _agents())


def consumer_of(request: Request) -> tuple[str, str]:
    """(consumer kind, the token's department) of a request; an invalid token counts as anonymous."""
    token = request.scope.get("pubdata.token")
    if token is None and presented_secret(request, cookie=request.url.path.startswith("/officers")):
        try:
            token = optional_token(request, cookie=True)
        except AccessDenied:
            token = None
    if not token:
        return "anonymous", ""
    if token.kind == "officer":
        return "officer", ""
    return "department", token.department_id or ""


def track(
    request: Request,
    kind: str,
    d: dict[str, Any] | None = None,
    *,
    action: str = "",
    version: int | None = None,
) -> None:
    """Count one use of dataset ``d`` (a catalog row; None for catalog-wide calls)."""
    consumer, consumer_dept = consumer_of(request)
    if is_harvester(request):
        kind, action = "harvest", f"{kind}:{action}" if action else kind
    usage_recorder.record(
        kind,
        action=action,
        department=d["department_id"] if d else "",
        dataset=d["dataset_id"] if d else "",
        version=version if version is not None else (d or {}).get("version"),
        consumer=consumer,
        consumer_department=consumer_dept,
        client=request.client.host if request.client else None,
    )
