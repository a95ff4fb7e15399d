"""Usable but invisible (可用不可见): ``POST /api/query`` runs an aggregate query on the server.

The caller's department token must hold a grant in force that allows queries on the dataset;
only the grant's columns may be filtered, grouped or aggregated; small cells are suppressed with
complementary cells and, where the policy says so, noise is added under the grant's privacy
budget, which the answer reports (``budget: {total, spent, remaining}``) and which is enforced
(a query that would exceed it is refused). Rows never leave. See :mod:`privacy.query`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from catalog import services
from portal import quota
from portal import state as catalog_state
from portal.services_api import body_doc, caller_token, ok, read_json, service
from portal.tracking import track
from privacy.policy.services import AggregateFunction

__all__ = ["router"]

router = APIRouter(tags=["sharing services"])


class Aggregate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fn: AggregateFunction
    column: str | None = None
    bounds: list[float] | None = Field(None, min_length=2, max_length=2, description="[low, high] for noisy sum/avg")


class QueryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dataset: str = Field(max_length=130, description="DEPARTMENT.DATASET")
    filters: dict[str, Any] = Field(
        default_factory=dict, description="{column: value | [values] | {eq|ne|lt|le|gt|ge|in: value}}"
    )
    group_by: list[str] = Field(default_factory=list, max_length=4)
    aggregates: list[Aggregate] = Field(
        default_factory=lambda: [Aggregate(fn="count", column=None, bounds=None)], max_length=10
    )


@router.post(
    "/api/query",
    summary="Aggregate query over a granted dataset: suppressed small cells, noise and a privacy budget",
    openapi_extra=body_doc(QueryIn),
)
@service
async def query(request: Request) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request)
    quota.check(request, "query")
    spec = await read_json(request)
    result: dict[str, Any] = await run_in_threadpool(
        services.query, token.department_id, spec, actor=token.actor, token_id=token.id
    )
    department, _, dataset = result["dataset"].partition(".")
    track(request, "aggregate", catalog_state.current().dataset(department, dataset))
    return ok(request, result)
