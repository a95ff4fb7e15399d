"""The sharing services as the portal and the CLI call them: shared variants, verification, queries.

Each call: one catalog read finds the caller's grant in force (:mod:`catalog.grants`; revoked
or expired grants are refused at once) and the dataset's published run; the request is checked
against the grant; the work is done on the server's copy of the data (:mod:`privacy.verify`,
:mod:`privacy.query`); then ONE catalog transaction counts the call on the grant's daily
allowance, charges the privacy budget and appends the call's *shape* to the audit log — ids,
counts, field names, never a key or a value — before the answer leaves (nothing computed is
released when that transaction refuses). A refused call is audited too (``access.denied``).

Which files: the dataset's latest published version names its run; the run's lake files are the
verification index (``lake/verify/...``) and the validated rows (``lake/valid/...``), which
never leave the server.
"""

from __future__ import annotations

import json
import time
from typing import Any

from catalog import audit
from catalog.grants import GrantInactive, GrantRefused, count_call, find_grant, record_call
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


def published_run(department: str, dataset: str, *, con: Any = None) -> tuple[RunPaths, dict[str, Any]]:
    """The lake paths of the dataset's latest published version, and its manifest."""
    sql = (
        "SELECT v.run_id, d.manifest_json FROM versions v JOIN datasets d USING (department_id, dataset_id) "
        "WHERE v.department_id = ? AND v.dataset_id = ? ORDER BY v.version DESC LIMIT 1"
    )
    if con is None:
        with connect(read_only=True) as c:
            row = c.execute(sql, [department, dataset]).fetchone()
    else:
        row = con.execute(sql, [department, dataset]).fetchone()
    if row is None:
        raise ServiceError(f"{department}.{dataset} has no published version yet", status=409)
    return RunPaths.for_run(department, dataset, row[0]), json.loads(row[1] or "{}")


#: (recipient, department, dataset, service) -> (when read, grant, (run paths, manifest))
_CONTEXT: dict[tuple[Any, ...], tuple[float, dict[str, Any], tuple[RunPaths, dict[str, Any]]]] = {}
#: seconds a looked-up grant and published run are reused; the grant's state is checked again
#: in the transaction that accounts for the call (:func:`catalog.grants.record_call`), so a
#: revocation still stops the very next answer
CONTEXT_SECONDS = 5.0


def _context(
    recipient: str | None,
    department: str,
    dataset: str,
    service: str,
    actor: str,
    token_id: str | None,
    *,
    fresh: bool = False,
) -> tuple[dict[str, Any], dict[str, Any], RunPaths, dict[str, Any]]:
    """The caller's grant in force for ``service`` (else the refusal is audited and raised), the
    audit detail every entry of the call starts with, and the dataset's published run and
    manifest: one catalog read, reused for a few seconds."""
    base = {"token_id": token_id, "department": recipient, "what": service}
    key = (recipient, department, dataset, service)
    hit = None if fresh else _CONTEXT.get(key)
    if hit is not None and time.monotonic() - hit[0] < CONTEXT_SECONDS:
        known = hit[1]
        return known, {**base, "grant_id": known["id"], "purpose": known["purpose"]}, *hit[2]
    with connect(read_only=True) as con:
        grant = find_grant(recipient, department, dataset, service, con=con)
        run = published_run(department, dataset, con=con) if grant is not None else None
    if grant is not None and run is not None:
        if len(_CONTEXT) > 1000:
            _CONTEXT.clear()
        _CONTEXT[key] = (time.monotonic(), grant, run)
    else:
        _CONTEXT.pop(key, None)
    if grant is None or run is None:
        audit.append(actor, "access.denied", f"{department}.{dataset}", base)
        raise ServiceError(
            f"no grant in force lets this department use {service} on {department}.{dataset}", status=403
        )
    return grant, {**base, "grant_id": grant["id"], "purpose": grant["purpose"]}, *run


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


def _account(grant: dict[str, Any], *, fresh: bool, **kw: Any) -> tuple[float | None, float]:
    """:func:`~catalog.grants.record_call` for a grant looked up afresh (``fresh``) or reused from
    the last few seconds: a reused grant refused (budget spent, day's calls used) is looked up
    afresh once (:func:`_retrying`) — a newer grant may be in force — before the refusal stands."""
    try:
        return record_call(grant, audit_refusal=fresh, **kw)
    except GrantInactive:
        raise
    except GrantRefused as exc:
        if fresh:
            raise
        raise GrantInactive(str(exc), status=exc.status, retry_after=exc.retry_after) from exc


def _retrying(fn: Any) -> Any:
    """Run a service call; if its grant turned out revoked (or, reused, refused) when the call was
    accounted for, look the grant up afresh once (a newer grant may be in force) — else the
    refusal stands."""

    def inner(*args: Any, **kw: Any) -> Any:
        try:
            return fn(*args, **kw, fresh=False)
        except GrantInactive:
            return fn(*args, **kw, fresh=True)

    inner.__doc__ = fn.__doc__
    inner.__name__ = fn.__name__.lstrip("_")
    return inner


def _verify(
    recipient: str | None,
    department: str,
    dataset: str,
    body: Any,
    *,
    actor: str,
    token_id: str | None,
    fresh: bool,
) -> dict[str, Any]:
    """Answer a verification request ``{"keys": [{column: value}], "fields": [...]}``."""
    from privacy.verify import NOT_FOUND, keyset_id, load_index, verify

    subject = f"{department}.{dataset}"
    grant, base, paths, _ = _context(recipient, department, dataset, "verify", actor, token_id, fresh=fresh)
    policy = _policy()
    keysets, fields = _verify_body(body, grant, policy.quotas.verify_batch_max)
    index_path = paths.verification(keyset_id(grant["verify_keys"]))
    if not index_path.exists():
        _CONTEXT.pop((recipient, department, dataset, "verify"), None)  # look for a newer run next time
        raise ServiceError(
            f"the verification index of {subject} is built on its next run after the grant; try again later",
            status=409,
        )
    index = load_index(index_path)
    missing = [f for f in fields if f not in index.fields]
    if missing or index.key_columns != grant["verify_keys"]:
        raise ServiceError(f"the verification index of {subject} is built on its next run after the grant", status=409)
    results = verify(index, _verify_key(subject), keysets, fields)
    outcome = {"match": 0, "no_match": 0, "not_found": 0}
    for r in results:
        for v in r.values():
            outcome[v] += 1
    detail = {**base, "keysets": len(keysets), "fields": fields, "outcomes": outcome}
    _account(
        grant,
        fresh=fresh,
        default_per_day=policy.quotas.grant_calls_per_day,
        units=len(keysets),  # one call per key set checked: the day's allowance bounds enumeration
        audit_entry=(actor, "verify.check", subject, detail),
    )
    return {
        "dataset": subject,
        "grant_id": grant["id"],
        "fields": fields,
        "count": len(results),
        "results": results,
        "not_found": sum(1 for r in results if all(v == NOT_FOUND for v in r.values())),
    }


_KEYS: dict[tuple[str, str], bytes] = {}


def _verify_key(subject: str) -> bytes:
    """The dataset's verification key (from the key store; kept in this process's memory)."""
    from core.settings import path_setting

    where = (str(path_setting("PUBDATA_KEYS_DIR")), subject)
    if where not in _KEYS:
        from privacy.keys import KeyStore

        _KEYS[where] = KeyStore().service_key(f"verify/{subject}")
    return _KEYS[where]


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
        enum = d.get("enum")
        domain = tuple(enum) if isinstance(enum, list) and enum else None
        out[c["name"]] = ColumnInfo(c.get("level") or "sensitive", c.get("entity"), bounds, domain)
    return out, bool(decision.get("about_people", True))


def _query(recipient: str | None, spec: Any, *, actor: str, token_id: str | None, fresh: bool) -> dict[str, Any]:
    """Run an aggregate query (see :mod:`privacy.query`) under the caller's grant."""
    from privacy.query import QueryError, plan, run

    if not isinstance(spec, dict) or not isinstance(spec.get("dataset"), str):
        raise ServiceError('name the dataset: {"dataset": "DEPARTMENT.DATASET", ...}')
    try:
        department, dataset = split_dataset(spec["dataset"])
    except CatalogError as exc:
        raise ServiceError(str(exc)) from None
    subject = f"{department}.{dataset}"
    grant, base, paths, manifest = _context(recipient, department, dataset, "query", actor, token_id, fresh=fresh)
    policy = _policy()
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
        result = run(p, paths.valid)
    except (QueryError, PrivacyError) as exc:
        status = getattr(exc, "status", 400)
        if status == 403:  # refused by the grant or the policy (not a malformed query): audited
            audit.append(
                actor, "access.denied", subject, {**base, "refused": "query.run", "status": status, "reason": str(exc)}
            )
        raise ServiceError(str(exc), status=status) from None
    detail = {
        **base,
        **p.shape,
        "epsilon": p.epsilon,
        "cells": len(result["rows"]),
        "suppressed_cells": result["suppressed_cells"],
    }
    # the budget is charged before anything leaves: a refused charge releases nothing
    total, spent = _account(
        grant,
        fresh=fresh,
        default_per_day=policy.quotas.grant_calls_per_day,
        epsilon=p.epsilon,
        audit_entry=(actor, "query.run", subject, detail),
    )
    budget = {
        "total": total,
        "spent": round(spent, 6),
        "remaining": None if total is None else round(max(0.0, total - spent), 6),
    }
    return {**result, "grant_id": grant["id"], "budget": budget}


verify = _retrying(_verify)
query = _retrying(_query)
