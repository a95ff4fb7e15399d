"""Grants: what an owning department allowed another to do with one dataset, after a demand.

A grant (table ``grants``) names the recipient department, the dataset, the purpose, the
*services* it opens and their limits:

* ``share`` — a shared variant of ``fields`` for the recipient (``mode`` ``pseudonymised``:
  identifiers become the purpose's pseudonyms; ``clear``: the fields are encrypted for the
  recipient, who opens them in clear). The pipeline's protect stage merges active grants with
  the manifest's ``sharing`` (:func:`shares_for`), so a grant takes effect on the next run
  without editing the manifest.
* ``verify`` — yes/no checks of ``verify_fields`` for records found by ``verify_keys``
  (核验, :mod:`privacy.verify`).
* ``query`` — aggregate queries over ``fields`` (可用不可见), under a privacy budget
  ``epsilon_total`` of which ``epsilon_spent`` is used (:func:`record_call`).

``calls_per_day`` caps the calls on the grant per (UTC) day (table ``grant_calls``); a
verification counts one call per key set it checks (else a batch of 1,000 resident ID numbers
of one county and birth date, everyone born there that day, would cost one call). A call's
count, budget charge and audit entry are one transaction (:func:`record_call`); a refused
call is audited (``access.denied``, its shape and why). Revoking
(:func:`revoke`) stops every service at once: the portal checks the grant on every request.
Every change is in the audit log.
"""

from __future__ import annotations

import datetime as _dt
import secrets
import threading
from typing import Any

import duckdb

from catalog import audit
from catalog.store import connect, rows_as_dicts
from core import CatalogError
from core.clock import utcnow

__all__ = [
    "MODES",
    "SERVICES",
    "GrantInactive",
    "GrantRefused",
    "NotFound",
    "active_grants",
    "count_call",
    "find_grant",
    "get_grant",
    "insert_grant",
    "is_active",
    "list_grants",
    "record_call",
    "revoke",
    "shares_for",
]

SERVICES = ("share", "verify", "query")
MODES = ("pseudonymised", "clear")

#: one accounting transaction at a time in this process: the portal's threads share one DuckDB
#: instance, where two transactions updating one grant's row conflict (the loser failed with a
#: 500, unaudited); other processes wait for the catalog's lock anyway
_ACCOUNTING = threading.Lock()


class NotFound(CatalogError):
    """No such demand or grant (HTTP 404)."""


class GrantRefused(CatalogError):
    """A grant exists but does not allow this call now (budget spent, daily calls used)."""

    def __init__(self, message: str, *, status: int = 403, retry_after: int | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.status = status
        self.retry_after = retry_after


class GrantInactive(GrantRefused):
    """The grant was revoked or expired after the caller's grant was looked up."""


def is_active(g: dict[str, Any], now: _dt.datetime | None = None) -> bool:
    now = now or utcnow()
    return g["revoked_at"] is None and (g["expires_at"] is None or g["expires_at"] > now)


def _rows(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = rows_as_dicts(con.execute(f"SELECT * FROM grants WHERE {where} ORDER BY granted_at", params))
    for r in rows:
        for k in ("services", "fields", "verify_keys", "verify_fields"):
            r[k] = list(r[k] or [])
        r["active"] = is_active(r)
    return rows


def insert_grant(
    con: duckdb.DuckDBPyConnection,
    *,
    demand_id: str | None,
    recipient: str,
    department: str,
    dataset: str,
    purpose: str,
    services: list[str],
    fields: list[str],
    mode: str,
    verify_keys: list[str],
    verify_fields: list[str],
    epsilon_total: float | None,
    calls_per_day: int | None,
    expires_at: _dt.datetime | None,
    by: str,
) -> str:
    """Insert a grant inside the caller's transaction (the demand's answer); returns its id."""
    grant_id = "gr_" + secrets.token_hex(5)
    con.execute(
        "INSERT INTO grants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.0, ?, ?, ?, ?, NULL, NULL, NULL)",
        [
            grant_id,
            demand_id,
            recipient,
            department,
            dataset,
            purpose,
            services,
            fields,
            mode,
            verify_keys,
            verify_fields,
            epsilon_total,
            calls_per_day,
            by,
            utcnow(),
            expires_at,
        ],
    )
    audit.append(
        by,
        "grant.create",
        f"{department}.{dataset}",
        {
            "grant_id": grant_id,
            "demand_id": demand_id,
            "recipient": recipient,
            "purpose": purpose,
            "services": services,
            "fields": fields,
            "mode": mode,
            "verify_keys": verify_keys,
            "verify_fields": verify_fields,
            "epsilon_total": epsilon_total,
            "calls_per_day": calls_per_day,
            "expires_at": expires_at,
        },
        con=con,
    )
    return grant_id


def get_grant(grant_id: str) -> dict[str, Any]:
    with connect(read_only=True) as con:
        rows = _rows(con, "id = ?", [str(grant_id)[:40]])
    if not rows:
        raise NotFound(f"no grant {str(grant_id)[:40]!r}")
    return rows[0]


def list_grants(department: str | None = None) -> list[dict[str, Any]]:
    """Grants a department gave or received (all when ``department`` is None), oldest first."""
    with connect(read_only=True) as con:
        if department is None:
            return _rows(con, "1 = 1", [])
        return _rows(con, "recipient = ? OR department_id = ?", [department, department])


def active_grants(department: str, dataset: str) -> list[dict[str, Any]]:
    """The dataset's grants in force now."""
    with connect(read_only=True) as con:
        return [g for g in _rows(con, "department_id = ? AND dataset_id = ?", [department, dataset]) if g["active"]]


def find_grant(
    recipient: str | None,
    department: str,
    dataset: str,
    service: str,
    purpose: str | None = None,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> dict[str, Any] | None:
    """The recipient's grant in force for ``service`` on the dataset (and ``purpose`` when given);
    the most recent when several match. ``con``: read inside the caller's connection."""
    if recipient is None:
        return None
    where, params = "recipient = ? AND department_id = ? AND dataset_id = ?", [recipient, department, dataset]
    if con is None:
        with connect(read_only=True) as c:
            rows = _rows(c, where, params)
    else:
        rows = _rows(con, where, params)
    found = [
        g for g in rows if g["active"] and service in g["services"] and (purpose is None or g["purpose"] == purpose)
    ]
    return found[-1] if found else None


def shares_for(department: str, dataset: str) -> list[dict[str, Any]]:
    """The active ``share`` grants of a dataset as manifest-style sharing entries
    (``{department, purpose, columns, clear}``): what the pipeline adds to the manifest's scope."""
    out = []
    for g in active_grants(department, dataset):
        if "share" not in g["services"] or not g["fields"]:
            continue
        out.append(
            {
                "department": g["recipient"],
                "purpose": g["purpose"],
                "columns": list(g["fields"]),
                "clear": list(g["fields"]) if g["mode"] == "clear" else [],
                "grant_id": g["id"],
            }
        )
    return out


def revoke(grant_id: str, *, by: str, department: str | None = None, reason: str = "") -> dict[str, Any]:
    """Revoke a grant (``department``: the caller must be its owner; None: an officer)."""
    grant = get_grant(grant_id)
    if department is not None and department != grant["department_id"]:
        raise GrantRefused("only the owning department (or a data officer) revokes a grant", status=403)
    if grant["revoked_at"] is not None:
        return grant
    with _ACCOUNTING, connect() as con:
        con.execute("BEGIN")
        con.execute(
            "UPDATE grants SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
            [utcnow(), by, reason[:500], grant["id"]],
        )
        audit.append(
            by,
            "grant.revoke",
            f"{grant['department_id']}.{grant['dataset_id']}",
            {"grant_id": grant["id"], "recipient": grant["recipient"], "reason": reason[:500]},
            con=con,
        )
        con.execute("COMMIT")
    return get_grant(grant_id)


def _spend(con: duckdb.DuckDBPyConnection, grant_id: str, epsilon: float) -> tuple[float, float]:
    """Charge ``epsilon`` to the grant's privacy budget (check and charge in one statement);
    ``(total, spent)`` after the charge. Refused when it would exceed the budget."""
    row = con.execute(
        "UPDATE grants SET epsilon_spent = epsilon_spent + ? WHERE id = ? AND revoked_at IS NULL "
        "AND epsilon_total IS NOT NULL AND epsilon_spent + ? <= epsilon_total + 1e-9 "
        "RETURNING epsilon_total, epsilon_spent",
        [epsilon, grant_id, epsilon],
    ).fetchone()
    if row is None:
        cur = con.execute("SELECT epsilon_total, epsilon_spent FROM grants WHERE id = ?", [grant_id]).fetchone()
        total, spent = cur or (0.0, 0.0)
        raise GrantRefused(
            f"the privacy budget of grant {grant_id} is exhausted (ε spent {spent or 0:.3g} of {total or 0:.3g}; "
            f"this query needs {epsilon:.3g})",
            status=403,
            hint="ask the owning department for a new grant; suppression-only answers need no budget",
        )
    return float(row[0]), float(row[1])


def _count(con: duckdb.DuckDBPyConnection, grant: dict[str, Any], default_per_day: int, units: int = 1) -> int:
    """Count ``units`` calls on the grant today (a verification: one per key set); refused (429)
    when they would exceed the day's calls."""
    limit = grant["calls_per_day"] or default_per_day
    now = utcnow()
    day = now.date()
    used = con.execute("SELECT calls FROM grant_calls WHERE grant_id = ? AND day = ?", [grant["id"], day]).fetchone()
    calls = (used[0] if used else 0) + max(1, units)
    if calls > limit:
        tomorrow = _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time())
        left = max(0, limit - (used[0] if used else 0))
        raise GrantRefused(
            f"grant {grant['id']} allows {limit} calls a day (a verification counts one per key set); "
            + (f"{left} are left today, this call needs {units}" if units > 1 and left else "today's are used"),
            status=429,
            retry_after=max(1, int((tomorrow - now).total_seconds())),
        )
    if used:
        con.execute("UPDATE grant_calls SET calls = ? WHERE grant_id = ? AND day = ?", [calls, grant["id"], day])
    else:
        con.execute("INSERT INTO grant_calls VALUES (?, ?, ?)", [grant["id"], day, calls])
    return calls


def record_call(
    grant: dict[str, Any],
    *,
    default_per_day: int,
    epsilon: float = 0.0,
    units: int = 1,
    audit_entry: tuple[str, str, str, dict[str, Any]] | None = None,
    audit_refusal: bool = True,
) -> tuple[float | None, float]:
    """Account for one call on the grant in ONE catalog transaction, before its answer leaves:
    the grant is still in force (:class:`GrantInactive` if it was revoked meanwhile), the day's
    calls (``units`` of them; 429 when used up), the privacy budget (``epsilon``; 403 when it
    would be exceeded) and the call's audit entry ``(actor, action, subject, detail)``. All or
    nothing; a refusal is audited instead (``access.denied`` with the call's detail, its status
    and why; unless ``audit_refusal`` is false: the caller looks the grant up again first).
    Returns the budget ``(total, spent)`` after the call."""
    try:
        with _ACCOUNTING, connect() as con:
            con.execute("BEGIN")
            try:
                state = con.execute(
                    "SELECT revoked_at, expires_at, epsilon_total, epsilon_spent FROM grants WHERE id = ?",
                    [grant["id"]],
                ).fetchone()
                if state is None or not is_active({"revoked_at": state[0], "expires_at": state[1]}):
                    raise GrantInactive(f"grant {grant['id']} was revoked or has expired", status=403)
                _count(con, grant, default_per_day, units)
                total, spent = state[2], state[3]
                if epsilon > 0:
                    total, spent = _spend(con, grant["id"], epsilon)
                if audit_entry is not None:
                    audit.append(*audit_entry, con=con)
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
    except GrantRefused as exc:
        # an inactive grant is looked up again (a refusal then is audited where it is found)
        if audit_entry is not None and audit_refusal and not isinstance(exc, GrantInactive):
            actor, action, subject, detail = audit_entry
            audit.append(
                actor, "access.denied", subject, {**detail, "refused": action, "status": exc.status, "reason": str(exc)}
            )
        raise
    return total, float(spent or 0.0)


def count_call(grant: dict[str, Any], default_per_day: int) -> int:
    """Count one call on the grant today (its own transaction); refused (429) when used up."""
    with _ACCOUNTING, connect() as con:
        con.execute("BEGIN")
        try:
            calls = _count(con, grant, default_per_day)
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    return calls
