"""The sharing services as the portal and the CLI call them: shared variants, verification, queries.

Each call: find the caller's grant in force (:mod:`catalog.grants`; revoked or expired grants
are refused at once), check the request against it, count the call on the grant's daily
allowance, do the work on the server's copy of the data (:mod:`privacy.verify`,
:mod:`privacy.query`) and append the call's *shape* to the audit log — ids, counts, field
names, never a key or a value. A refused call is audited too (``access.denied``).

Which files: the dataset's latest published version names its run; the run's lake files are the
verification index (``lake/verify/...``) and the validated rows (``lake/valid/...``), which
never leave the server.
"""

from __future__ import annotations

import json
from typing import Any

from catalog import audit
from catalog.grants import GrantRefused, count_call, find_grant
from catalog.store import connect
from catalog.tokens import split_dataset
from core import CatalogError, PrivacyError
from warehouse.lake import RunPaths

__all__ = ["GrantRefused", "ServiceError", "published_run", "query", "shared_grant", "verify"]


class ServiceError(CatalogError):
    """A service call that cannot be answered (HTTP ``status``)."""

    def __init__(self, message: str, *, status: int = 400, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.status = status


def published_run(department: str, dataset: str) -> tuple[RunPaths, dict[str, Any]]:
    """The lake paths of the dataset's latest published version, and its manifest."""
    with connect(read_only=True) as con:
        row = con.execute(
            "SELECT v.run_id, d.manifest_json FROM versions v JOIN datasets d USING (department_id, dataset_id) "
            "WHERE v.department_id = ? AND v.dataset_id = ? ORDER BY v.version DESC LIMIT 1",
            [department, dataset],
        ).fetchone()
    if row is None:
        raise ServiceError(f"{department}.{dataset} has no published version yet", status=409)
    return RunPaths.for_run(department, dataset, row[0]), json.loads(row[1] or "{}")


def _grant(
    recipient: str | None, department: str, dataset: str, service: str, actor: str, token_id: str | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The caller's grant in force for ``service`` (else the refusal is audited and raised) and
    the audit detail every entry of the call starts with."""
    base = {"token_id": token_id, "department": recipient, "what": service}
    grant = find_grant(recipient, department, dataset, service)
    if grant is None:
        audit.append(actor, "access.denied", f"{department}.{dataset}", base)
        raise ServiceError(
            f"no grant in force lets this department use {service} on {department}.{dataset}", status=403
        )
    return grant, {**base, "grant_id": grant["id"], "purpose": grant["purpose"]}


def _policy() -> Any:
    from privacy.policy import current_policy

    return current_policy()


def shared_grant(recipient: str, department: str, dataset: str, purpose: str) -> dict[str, Any] | None:
    """The recipient's active ``share`` grant for the dataset and purpose, with today's call
    counted (None when there is none; 429 when its calls are used)."""
    grant = find_grant(recipient, department, dataset, "share", purpose)
    if grant is not None:
        count_call(grant, _policy().quotas.grant_calls_per_day)
    return grant


def verify(
    recipient: str | None, department: str, dataset: str, body: Any, *, actor: str, token_id: str | None
) -> dict[str, Any]:
    """Answer a verification request ``{"keys": [{column: value}], "fields": [...]}``."""
    from privacy.keys import KeyStore
    from privacy.verify import NOT_FOUND, keyset_id, load_index, verify

    subject = f"{department}.{dataset}"
    grant, base = _grant(recipient, department, dataset, "verify", actor, token_id)
    policy = _policy()
    keysets, fields = _verify_body(body, grant, policy.quotas.verify_batch_max)
    count_call(grant, policy.quotas.grant_calls_per_day)
    paths, _ = published_run(department, dataset)
    index_path = paths.verification(keyset_id(grant["verify_keys"]))
    if not index_path.exists():
        raise ServiceError(
            f"the verification index of {subject} is built on its next run after the grant; try again later",
            status=409,
        )
    index = load_index(index_path)
    missing = [f for f in fields if f not in index.fields]
    if missing or index.key_columns != grant["verify_keys"]:
        raise ServiceError(f"the verification index of {subject} is built on its next run after the grant", status=409)
    key = KeyStore().service_key(f"verify/{subject}")
    results = verify(index, key, keysets, fields)
    outcome = {"match": 0, "no_match": 0, "not_found": 0}
    for r in results:
        for v in r.values():
            outcome[v] += 1
    audit.append(
        actor,
        "verify.check",
        subject,
        {
            **base,
            "keysets": len(keysets),
            "fields": fields,
            "outcomes": outcome,
        },
    )
    return {
        "dataset": subject,
        "grant_id": grant["id"],
        "fields": fields,
        "count": len(results),
        "results": results,
        "not_found": sum(1 for r in results if all(v == NOT_FOUND for v in r.values())),
    }


def _verify_body(body: Any, grant: dict[str, Any], batch_max: int) -> tuple[list[dict[str, Any]], list[str]]:
    if not isinstance(body, dict) or set(body) - {"keys", "fields", "purpose"}:
        raise ServiceError('the body is {"keys": [{column: value, ...}], "fields": [column, ...]}')
    keysets, fields = body.get("keys"), body.get("fields")
    if not isinstance(fields, list) or not fields or not all(isinstance(f, str) for f in fields):
        raise ServiceError("fields: name the fields to check")
    fields = list(dict.fromkeys(fields))
    outside = [f[:60] for f in fields if f not in grant["verify_fields"]]
    if outside:
        raise ServiceError(f"fields {outside[:5]} are not among the fields your grant lets you verify", status=403)
    if not isinstance(keysets, list) or not 1 <= len(keysets) <= batch_max:
        raise ServiceError(f"keys: a list of 1-{batch_max} key sets")
    need = set(grant["verify_keys"]) | set(fields)
    for i, ks in enumerate(keysets):
        if not isinstance(ks, dict) or len(ks) > 50:
            raise ServiceError(f"keys[{i}]: an object {{column: value}}")
        lacking = need - set(ks)
        if lacking:
            raise ServiceError(f"keys[{i}] lacks {sorted(lacking)[:5]} (key columns and the fields to check)")
        for v in ks.values():
            if not (v is None or isinstance(v, str | int | float | bool)) or (isinstance(v, str) and len(v) > 500):
                raise ServiceError(f"keys[{i}]: values are strings or numbers (at most 500 characters)")
    return keysets, fields


def _columns(paths: RunPaths, manifest: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Per column its level, entity and declared bounds; whether the data is about people
    (unknown: assumed so)."""
    from privacy.query import ColumnInfo

    declared = {c["name"]: c for c in manifest.get("columns", [])}
    try:
        decision = json.loads(paths.decision.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        decision = {"columns": [], "about_people": True}
    out = {}
    for c in decision.get("columns", []):
        d = declared.get(c["name"], {})
        lo, hi = d.get("minimum"), d.get("maximum")
        bounds = (float(lo), float(hi)) if lo is not None and hi is not None and lo < hi else None
        out[c["name"]] = ColumnInfo(c.get("level") or "sensitive", c.get("entity"), bounds)
    return out, bool(decision.get("about_people", True))


def query(recipient: str | None, spec: Any, *, actor: str, token_id: str | None) -> dict[str, Any]:
    """Run an aggregate query (see :mod:`privacy.query`) under the caller's grant."""
    from catalog.grants import spend_epsilon
    from privacy.query import QueryError, plan, run

    if not isinstance(spec, dict) or not isinstance(spec.get("dataset"), str):
        raise ServiceError('name the dataset: {"dataset": "DEPARTMENT.DATASET", ...}')
    try:
        department, dataset = split_dataset(spec["dataset"])
    except CatalogError as exc:
        raise ServiceError(str(exc)) from None
    subject = f"{department}.{dataset}"
    grant, base = _grant(recipient, department, dataset, "query", actor, token_id)
    policy = _policy()
    paths, manifest = published_run(department, dataset)
    columns, about_people = _columns(paths, manifest)
    try:
        p = plan(
            spec,
            label=subject,
            allowed=grant["fields"],
            columns=columns,
            about_people=about_people,
            policy=policy.aggregates,
        )
    except QueryError as exc:
        raise ServiceError(str(exc), status=exc.status) from None
    count_call(grant, policy.quotas.grant_calls_per_day)
    total, spent = grant["epsilon_total"], grant["epsilon_spent"]
    if p.epsilon > 0:
        total, spent = spend_epsilon(grant["id"], p.epsilon)
    try:
        result = run(p, paths.valid)
    except (QueryError, PrivacyError) as exc:
        if p.epsilon > 0:  # nothing was released: the charge is returned
            total, spent = spend_epsilon(grant["id"], -p.epsilon)
        raise ServiceError(str(exc), status=getattr(exc, "status", 400)) from None
    budget = {
        "total": total,
        "spent": round(spent or 0.0, 6),
        "remaining": None if total is None else round(max(0.0, total - (spent or 0.0)), 6),
    }
    audit.append(
        actor,
        "query.run",
        subject,
        {
            **base,
            **p.shape,
            "epsilon": p.epsilon,
            "cells": len(result["rows"]),
            "suppressed_cells": result["suppressed_cells"],
        },
    )
    return {**result, "grant_id": grant["id"], "budget": budget}
