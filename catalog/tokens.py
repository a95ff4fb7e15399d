"""Department and officer tokens, their scopes, and the application -> review -> approval flow.

A token is ``pdt_<id>_<secret>``. Only ``sha256(token)`` is stored; the token itself is shown
once, when issued, and never logged or audited (the audit log names the token *id*).

* department tokens (``kind = 'department'``) belong to a department; each scope lets it read one
  conditional dataset for one purpose, until the scope's expiry. Shared variants are served to the
  recipient department's token without a scope (the owner's manifest is the grant).
* officer tokens (``kind = 'officer'``) open the officers' pages: audit log, applications.

Applications: anyone states department, dataset, purpose and reason; a data officer approves or
rejects. Approval adds the scope to the applicant's token when the application names one, or
issues a new department token carrying the scope (its secret is returned once to the officer).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from catalog import audit
from catalog.store import connect, rows_as_dicts
from core import CatalogError
from core.clock import utcnow

__all__ = [
    "Token",
    "applications",
    "apply",
    "authenticate",
    "decide",
    "grant",
    "issue",
    "list_tokens",
    "revoke",
    "scope_for",
]

_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_TOKEN = re.compile(r"^pdt_([0-9a-f]{12})_([A-Za-z0-9_-]{20,64})$")
_NAME = re.compile(r"^[\w.@-]{1,64}$")


@dataclass
class Token:
    id: str
    kind: str
    department_id: str | None
    officer: str | None
    expires_at: _dt.datetime | None
    scopes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def actor(self) -> str:
        return f"officer:{self.officer}" if self.kind == "officer" else f"token:{self.id}:{self.department_id}"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise CatalogError(f"{what} must match [a-z][a-z0-9_]* (got {str(value)[:40]!r})")
    return value


def split_dataset(ref: str, default_department: str | None = None) -> tuple[str, str]:
    """``department.dataset`` (or a bare dataset of ``default_department``)."""
    dept, dot, ds = ref.partition(".")
    if not dot:
        if default_department is None:
            raise CatalogError("name the dataset as DEPARTMENT.DATASET")
        dept, ds = default_department, ref
    return check_id(dept, "department"), check_id(ds, "dataset")


def issue(
    department: str | None = None,
    *,
    officer: str | None = None,
    dataset: str | None = None,
    purpose: str | None = None,
    days: int | None = None,
    note: str = "",
    actor: str = "cli",
) -> tuple[dict[str, Any], str]:
    """Issue a department token (optionally with one scope) or an officer token.

    Returns ``(row, token)``; ``token`` is the only copy of the secret.
    """
    if (department is None) == (officer is None):
        raise CatalogError("issue a token either to a department or to an officer")
    if days is not None and not (1 <= days <= 3650):
        raise CatalogError("--days must be between 1 and 3650")
    if officer is not None and not _NAME.match(officer):
        raise CatalogError("officer names are 1-64 letters, digits, '.', '@', '-' or '_'")
    if department is not None:
        check_id(department, "department")
    if dataset is not None and purpose is None:
        raise CatalogError("a scope needs both --dataset and --purpose")
    scope = split_dataset(dataset, department) if dataset else None
    if purpose is not None:
        check_id(purpose, "purpose")
    token_id = secrets.token_hex(6)
    token = f"pdt_{token_id}_{secrets.token_urlsafe(32)}"
    now = utcnow()
    expires = now + _dt.timedelta(days=days) if days else None
    kind = "officer" if officer else "department"
    with connect() as con:
        if (
            department is not None
            and not con.execute("SELECT 1 FROM departments WHERE id = ?", [department]).fetchone()
        ):
            raise CatalogError(f"no department {department!r} in the catalog")
        if (
            scope
            and not con.execute(
                "SELECT 1 FROM datasets WHERE department_id = ? AND dataset_id = ?", list(scope)
            ).fetchone()
        ):
            raise CatalogError(f"no dataset {scope[0]}.{scope[1]} in the catalog")
        con.execute("BEGIN")
        con.execute(
            "INSERT INTO tokens VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [token_id, kind, department, officer, _hash(token), note[:500], now, expires],
        )
        audit.append(
            actor,
            "token.issue",
            department or f"officer:{officer}",
            {"token_id": token_id, "kind": kind, "expires_at": expires},
            con=con,
        )
        if scope:
            assert purpose is not None  # checked above: a scope needs a purpose
            _grant(con, token_id, scope[0], scope[1], purpose, actor, None, expires)
        con.execute("COMMIT")
    return {"id": token_id, "kind": kind, "department_id": department, "officer": officer, "expires_at": expires}, token


def _grant(
    con,
    token_id: str,
    department: str,
    dataset: str,
    purpose: str,
    by: str,
    application_id: str | None,
    expires: _dt.datetime | None,
) -> None:
    con.execute(
        "DELETE FROM token_scopes WHERE token_id = ? AND department_id = ? AND dataset_id = ? AND purpose = ?",
        [token_id, department, dataset, purpose],
    )
    con.execute(
        "INSERT INTO token_scopes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [token_id, department, dataset, purpose, by, application_id, utcnow(), expires],
    )
    audit.append(
        by,
        "scope.grant",
        f"{department}.{dataset}",
        {"token_id": token_id, "purpose": purpose, "application_id": application_id, "expires_at": expires},
        con=con,
    )


def grant(
    token_id: str, dataset: str, purpose: str, *, by: str, days: int | None = None, application_id: str | None = None
) -> None:
    """Add a scope (``department.dataset`` for ``purpose``) to a department token."""
    dept, ds = split_dataset(dataset)
    check_id(purpose, "purpose")
    expires = utcnow() + _dt.timedelta(days=days) if days else None
    with connect() as con:
        row = con.execute("SELECT kind, revoked_at FROM tokens WHERE id = ?", [token_id]).fetchone()
        if not row or row[0] != "department" or row[1] is not None:
            raise CatalogError(f"no active department token {token_id!r}")
        con.execute("BEGIN")
        _grant(con, token_id, dept, ds, purpose, by, application_id, expires)
        con.execute("COMMIT")


def revoke(token_id: str, *, actor: str = "cli") -> None:
    with connect() as con:
        row = con.execute("SELECT department_id, officer, revoked_at FROM tokens WHERE id = ?", [token_id]).fetchone()
        if not row:
            raise CatalogError(f"no token {token_id!r}")
        if row[2] is not None:
            return
        con.execute("BEGIN")
        con.execute("UPDATE tokens SET revoked_at = ? WHERE id = ?", [utcnow(), token_id])
        audit.append(actor, "token.revoke", row[0] or f"officer:{row[1]}", {"token_id": token_id}, con=con)
        con.execute("COMMIT")


def list_tokens() -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute(
                "SELECT id, kind, department_id, officer, note, created_at, expires_at, revoked_at FROM tokens "
                "ORDER BY created_at"
            )
        )
        scopes = rows_as_dicts(con.execute("SELECT * FROM token_scopes ORDER BY granted_at"))
    for r in rows:
        r["scopes"] = [s for s in scopes if s["token_id"] == r["id"]]
    return rows


def authenticate(token: str | None) -> Token | None:
    """The active token for a presented secret, or ``None`` (unknown, revoked, expired, malformed)."""
    if not token:
        return None
    m = _TOKEN.match(token.strip())
    if not m:
        return None
    now = utcnow()
    with connect(read_only=True) as con:
        row = con.execute(
            "SELECT id, kind, department_id, officer, secret_sha256, expires_at, revoked_at FROM tokens WHERE id = ?",
            [m.group(1)],
        ).fetchone()
        if not row or not hmac.compare_digest(row[4], _hash(token.strip())):
            return None
        if row[6] is not None or (row[5] is not None and row[5] <= now):
            return None
        scopes = rows_as_dicts(
            con.execute(
                "SELECT department_id, dataset_id, purpose, expires_at FROM token_scopes WHERE token_id = ? "
                "AND (expires_at IS NULL OR expires_at > ?)",
                [row[0], now],
            )
        )
    return Token(row[0], row[1], row[2], row[3], row[5], scopes)


def scope_for(token: Token | None, department: str, dataset: str, purpose: str | None) -> dict | None:
    """The scope of ``token`` covering the dataset (for ``purpose`` when given), else ``None``."""
    if token is None or token.kind != "department":
        return None
    for s in token.scopes:
        if (
            s["department_id"] == department
            and s["dataset_id"] == dataset
            and (purpose is None or s["purpose"] == purpose)
        ):
            return s
    return None


def apply(
    applicant: str,
    dataset: str,
    purpose: str,
    reason: str,
    *,
    contact: str = "",
    token_id: str | None = None,
    days: int | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """Record an application for access to a conditional dataset; returns it (status ``pending``)."""
    check_id(applicant, "applicant department")
    dept, ds = split_dataset(dataset)
    check_id(purpose, "purpose")
    reason = (reason or "").strip()
    if not (4 <= len(reason) <= 2000):
        raise CatalogError("state the reason for the application (4-2000 characters)")
    if days is not None and not (1 <= days <= 3650):
        raise CatalogError("days must be between 1 and 3650")
    app_id = "app_" + secrets.token_hex(5)
    with connect() as con:
        tier = con.execute(
            "SELECT open_tier FROM datasets WHERE department_id = ? AND dataset_id = ?", [dept, ds]
        ).fetchone()
        if tier is None:
            raise CatalogError(f"no dataset {dept}.{ds}")
        if tier[0] != "conditional":
            raise CatalogError(f"{dept}.{ds} is not a conditional dataset (open tier {tier[0]})")
        if not con.execute("SELECT 1 FROM departments WHERE id = ?", [applicant]).fetchone():
            raise CatalogError(f"no department {applicant!r}")
        if token_id is not None:
            row = con.execute(
                "SELECT department_id FROM tokens WHERE id = ? AND kind = 'department' AND revoked_at IS NULL",
                [token_id],
            ).fetchone()
            if not row or row[0] != applicant:
                raise CatalogError("the token named does not belong to the applicant department")
        con.execute("BEGIN")
        con.execute(
            "INSERT INTO access_applications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, NULL, NULL, NULL)",
            [app_id, applicant, token_id, dept, ds, purpose, reason, contact[:200], days, utcnow()],
        )
        audit.append(
            actor or f"department:{applicant}",
            "application.submit",
            f"{dept}.{ds}",
            {"application_id": app_id, "applicant": applicant, "purpose": purpose, "token_id": token_id},
            con=con,
        )
        con.execute("COMMIT")
    return application(app_id)


def application(app_id: str) -> dict[str, Any]:
    with connect(read_only=True) as con:
        rows = rows_as_dicts(con.execute("SELECT * FROM access_applications WHERE id = ?", [app_id]))
    if not rows:
        raise CatalogError(f"no application {app_id!r}")
    return rows[0]


def applications(status: str | None = None) -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        if status:
            return rows_as_dicts(
                con.execute("SELECT * FROM access_applications WHERE status = ? ORDER BY created_at DESC", [status])
            )
        return rows_as_dicts(con.execute("SELECT * FROM access_applications ORDER BY created_at DESC"))


def decide(app_id: str, *, approve: bool, officer: str, note: str = "") -> tuple[dict[str, Any], str | None]:
    """Approve or reject a pending application. Returns ``(application, new_token_or_None)``."""
    app = application(app_id)
    if app["status"] != "pending":
        raise CatalogError(f"application {app_id} is already {app['status']}")
    actor = officer if officer.startswith("officer:") else f"officer:{officer}"
    new_token = None
    token_id = app["token_id"]
    if approve and token_id is None:
        row, new_token = issue(app["applicant"], days=app["days"], note=f"for application {app_id}", actor=actor)
        token_id = row["id"]
    expires = utcnow() + _dt.timedelta(days=app["days"]) if app["days"] else None
    with connect() as con:
        con.execute("BEGIN")
        con.execute(
            "UPDATE access_applications SET status = ?, decided_by = ?, decided_at = ?, "
            "decision_note = ?, token_id = ? WHERE id = ?",
            ["approved" if approve else "rejected", actor, utcnow(), note[:500], token_id, app_id],
        )
        audit.append(
            actor,
            "application.approve" if approve else "application.reject",
            f"{app['department_id']}.{app['dataset_id']}",
            {
                "application_id": app_id,
                "applicant": app["applicant"],
                "purpose": app["purpose"],
                "token_id": token_id,
                "note": note[:500],
            },
            con=con,
        )
        if approve:
            _grant(con, token_id, app["department_id"], app["dataset_id"], app["purpose"], actor, app_id, expires)
        con.execute("COMMIT")
    return application(app_id), new_token
