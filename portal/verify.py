"""Verification (核验): ``POST /api/verify/<department>/<dataset>`` answers match / no_match / not_found.

The caller's department token must hold a grant in force that lets it verify the named fields
(:mod:`catalog.grants`); the answer never carries a value (:mod:`privacy.verify`). Up to the
policy's ``verify_batch_max`` (1,000) key sets per call; every call is audited by its shape and
counted against the token's quota and the grant's calls per day.
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
from portal.common import checked_ids
from portal.services_api import body_doc, caller_token, ok, read_json, service
from portal.tracking import track

__all__ = ["router"]

router = APIRouter(tags=["sharing services"])


class VerifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keys: list[dict[str, Any]] = Field(
        min_length=1,
        max_length=1000,
        description="key sets: the key columns (e.g. id_number) and the claimed value of each field to check",
    )
    fields: list[str] = Field(min_length=1, max_length=100, description="fields to check")


@router.post(
    "/api/verify/{department}/{dataset}",
    summary="Verify facts against a dataset: per key set and field match / no_match / not_found, never a value",
    openapi_extra=body_doc(VerifyIn),
)
@service
async def verify(request: Request, department: str, dataset: str) -> JSONResponse:
    token = await run_in_threadpool(caller_token, request)
    checked_ids(department, dataset)
    quota.check(request, "verify")
    body = await read_json(request)
    result = await run_in_threadpool(
        services.verify, token.department_id, department, dataset, body, actor=token.actor, token_id=token.id
    )
    track(request, "verify", catalog_state.current().dataset(department, dataset))
    return ok(request, result)
