"""Data demands (供需对接): a department asks another for data; the owner answers in time, or says why not.

A demand (table ``demands``) names the requesting department, the dataset (or, when the
requester does not know which, a description and optionally the department it thinks holds
it), the fields, the services wanted (``share`` a variant, ``verify`` facts, ``query``
aggregates), the purpose, the legal basis and the period of use. Its owner is the dataset's
department; a free description is routed by a data officer (:func:`route`) unless the requester
named the owner.

The owner answers within ``PUBDATA_DEMAND_DEADLINE_DAYS`` working days (:mod:`core.workdays`)
counted from the day the owner is known:

* **grant** — a row in ``grants`` (:mod:`catalog.grants`): fields, purpose, expiry, mode
  (pseudonymised or clear), services, verification keys and fields, privacy budget, calls per
  day. It takes effect on the next run of the dataset, without editing the manifest.
* **refuse** — with a negative-list rule id (checked against the policy) or a cited legal
  basis (free text of at least ``MIN_BASIS`` characters). A refusal with neither is recorded as
  *refused without basis*: allowed, but shown on the scorecard against the owner.

Statuses: ``filed`` → ``granted`` | ``refused`` | ``withdrawn`` (by the requester) |
``expired`` (still unanswered when the requested period of use ended). A filed demand past its
deadline is *overdue* (it stays filed: the owner must still answer). Every step is audited.
"""

from __future__ import annotations

import datetime as _dt
import json
import secrets
import statistics
from typing import Any

import duckdb

from catalog import audit
from catalog.grants import MODES, SERVICES, NotFound, insert_grant
from catalog.store import connect, has_table, rows_as_dicts
from catalog.tokens import check_id, split_dataset
from core import CatalogError
from core.clock import utcnow
from core.settings import int_setting
from core.workdays import calendar

__all__ = [
    "MIN_BASIS",
    "STATUSES",
    "answer",
    "dataset_columns",
    "demand_rows",
    "file",
    "get_demand",
    "list_demands",
    "overdue_report",
    "route",
    "stats",
    "withdraw",
]

STATUSES = ("filed", "granted", "refused", "withdrawn", "expired")
#: shortest legal basis accepted for a demand or a refusal (characters)
MIN_BASIS = 8


def _deadline_days() -> int:
    n = int_setting("PUBDATA_DEMAND_DEADLINE_DAYS")
    if not 1 <= n <= 365:
        raise CatalogError("PUBDATA_DEMAND_DEADLINE_DAYS must be between 1 and 365")
    return n


def _text(value: Any, what: str, lo: int, hi: int) -> str:
    text = " ".join(str(value or "").split())
    if not lo <= len(text) <= hi:
        raise CatalogError(f"{what} must be {lo}-{hi} characters")
    return text


def _names(values: Any, what: str) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) and 0 < len(v) <= 200 for v in values):
        raise CatalogError(f"{what} must be a list of column names")
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    if len(out) > 500:
        raise CatalogError(f"{what}: at most 500 columns")
    return out


def _services(values: Any) -> list[str]:
    names = _names(values, "services") or ["share"]
    bad = [s for s in names if s not in SERVICES]
    if bad:
        raise CatalogError(f"unknown services {bad[:5]}; choose from {', '.join(SERVICES)}")
    return names


def dataset_columns(con: duckdb.DuckDBPyConnection, department: str, dataset: str) -> tuple[list[str], list[str]]:
    """A dataset's column names (declared in the manifest or seen in its latest version, dropped
    ones included) and its primary key. Unknown dataset: CatalogError."""
    row = con.execute(
        "SELECT manifest_json, primary_key FROM datasets WHERE department_id = ? AND dataset_id = ?",
        [department, dataset],
    ).fetchone()
    if row is None:
        raise CatalogError(f"no dataset {department}.{dataset} in the catalog")
    names = [c["name"] for c in json.loads(row[0] or "{}").get("columns", [])]
    for (name,) in con.execute(
        "SELECT name FROM columns WHERE department_id = ? AND dataset_id = ? AND version = "
        "(SELECT max(version) FROM versions WHERE department_id = ? AND dataset_id = ?) ORDER BY position",
        [department, dataset, department, dataset],
    ).fetchall():
        if name not in names:
            names.append(name)
    return names, list(row[1] or [])


def _check_fields(names: list[str], known: list[str], label: str, what: str = "fields") -> None:
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CatalogError(f"{label} has no column(s) {unknown[:5]} ({what})")


def _department(con: duckdb.DuckDBPyConnection, dept: str, what: str) -> str:
    check_id(dept, what)
    if not con.execute("SELECT 1 FROM departments WHERE id = ?", [dept]).fetchone():
        raise CatalogError(f"no department {dept!r} ({what})")
    return dept


def _date(value: Any, what: str) -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise CatalogError(f"{what} must be a date YYYY-MM-DD") from None


def _effective(d: dict[str, Any], now: _dt.datetime) -> dict[str, Any]:
    """Derived fields: status (``expired`` once the period ended unanswered), overdue, days late."""
    if d["status"] == "filed" and d["period_end"] is not None and d["period_end"] < calendar().local_date(now):
        d["status"] = "expired"
    d["overdue"] = d["status"] == "filed" and d["due_at"] is not None and d["due_at"] < now
    d["fields"] = list(d["fields"] or [])
    d["services"] = list(d["services"] or [])
    d["dataset"] = f"{d['department_id']}.{d['dataset_id']}" if d["dataset_id"] else None
    return d


def _known_at(d: dict[str, Any]) -> _dt.datetime:
    return d["routed_at"] or d["filed_at"]


def file(
    requester: str,
    *,
    purpose: str,
    legal_basis: str,
    dataset: str | None = None,
    description: str | None = None,
    owner: str | None = None,
    fields: Any = None,
    services: Any = None,
    period_start: Any = None,
    period_end: Any = None,
    actor: str,
) -> dict[str, Any]:
    """File a demand; returns it. The deadline runs from now when the owner is known."""
    check_id(purpose, "purpose")
    basis = _text(legal_basis, "legal_basis (the law or document that allows the use)", MIN_BASIS, 2000)
    names = _names(fields, "fields")
    wanted = _services(services)
    start, end = _date(period_start, "period_start"), _date(period_end, "period_end")
    now = utcnow()
    if end is not None and (end < calendar().local_date(now) or (start is not None and end < start)):
        raise CatalogError("period_end must be today or later, and not before period_start")
    dept = ds = None
    if dataset:
        dept, ds = split_dataset(str(dataset))
    elif not description:
        raise CatalogError("name the dataset (DEPARTMENT.DATASET) or describe the data you need")
    desc = _text(description, "description", 8, 2000) if description else None
    with connect() as con:
        _department(con, requester, "requester")
        if dept is not None and ds is not None:
            known, _ = dataset_columns(con, dept, ds)
            if not names:
                raise CatalogError("name the fields you need (the columns of the dataset)")
            _check_fields(names, known, f"{dept}.{ds}")
            if owner is not None and owner != dept:
                raise CatalogError(f"{dept}.{ds} belongs to {dept}, not {owner}")
            owner = dept
        elif owner is not None:
            _department(con, owner, "owner")
        if owner == requester:
            raise CatalogError("a department does not file demands for its own data")
        demand_id = "dm_" + secrets.token_hex(5)
        due = calendar().deadline(now, _deadline_days()) if owner else None
        con.execute("BEGIN")
        con.execute(
            "INSERT INTO demands VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'filed', "
            "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
            [
                demand_id,
                requester,
                owner,
                dept,
                ds,
                desc,
                names,
                wanted,
                purpose,
                basis,
                start,
                end,
                actor,
                now,
                now if owner else None,
                due,
            ],
        )
        audit.append(
            actor,
            "demand.file",
            f"{dept}.{ds}" if ds else f"demand:{demand_id}",
            {
                "demand_id": demand_id,
                "requester": requester,
                "owner": owner,
                "fields": names,
                "services": wanted,
                "purpose": purpose,
                "due_at": due,
            },
            con=con,
        )
        con.execute("COMMIT")
    return get_demand(demand_id)


def get_demand(demand_id: str) -> dict[str, Any]:
    with connect(read_only=True) as con:
        rows = rows_as_dicts(con.execute("SELECT * FROM demands WHERE id = ?", [str(demand_id)[:40]]))
    if not rows:
        raise NotFound(f"no demand {str(demand_id)[:40]!r}")
    return _effective(rows[0], utcnow())


def list_demands(department: str | None = None, *, status: str | None = None) -> list[dict[str, Any]]:
    """Demands a department filed or must answer (all when ``department`` is None), newest first."""
    if status is not None and status not in STATUSES + ("overdue",):
        raise CatalogError(f"status must be one of {', '.join(STATUSES)}, overdue")
    with connect(read_only=True) as con:
        if department is None:
            rows = rows_as_dicts(con.execute("SELECT * FROM demands ORDER BY filed_at DESC"))
        else:
            rows = rows_as_dicts(
                con.execute(
                    "SELECT * FROM demands WHERE requester = ? OR owner = ? ORDER BY filed_at DESC",
                    [department, department],
                )
            )
    now = utcnow()
    out = [_effective(r, now) for r in rows]
    if status == "overdue":
        return [d for d in out if d["overdue"]]
    return [d for d in out if status is None or d["status"] == status]


def _open_demand(con: duckdb.DuckDBPyConnection, demand_id: str) -> dict[str, Any]:
    rows = rows_as_dicts(con.execute("SELECT * FROM demands WHERE id = ?", [str(demand_id)[:40]]))
    if not rows:
        raise NotFound(f"no demand {str(demand_id)[:40]!r}")
    d = _effective(rows[0], utcnow())
    if d["status"] != "filed":
        raise CatalogError(f"demand {d['id']} is already {d['status']}")
    return d


def route(demand_id: str, owner: str, *, actor: str) -> dict[str, Any]:
    """A data officer names the department that holds the data of a free-description demand;
    its deadline starts now."""
    now = utcnow()
    with connect() as con:
        d = _open_demand(con, demand_id)
        _department(con, owner, "owner")
        if d["dataset_id"]:
            raise CatalogError(f"demand {d['id']} names a dataset: its owner is {d['owner']}")
        if owner == d["requester"]:
            raise CatalogError("a department does not answer its own demand")
        due = calendar().deadline(now, _deadline_days())
        con.execute("BEGIN")
        con.execute("UPDATE demands SET owner = ?, routed_at = ?, due_at = ? WHERE id = ?", [owner, now, due, d["id"]])
        audit.append(
            actor, "demand.route", f"demand:{d['id']}", {"demand_id": d["id"], "owner": owner, "due_at": due}, con=con
        )
        con.execute("COMMIT")
    return get_demand(demand_id)


def withdraw(demand_id: str, *, requester: str | None, actor: str) -> dict[str, Any]:
    """The requester (or an officer: ``requester`` None) withdraws a filed demand."""
    with connect() as con:
        d = _open_demand(con, demand_id)
        if requester is not None and requester != d["requester"]:
            raise CatalogError("only the requesting department withdraws its demand")
        con.execute("BEGIN")
        con.execute("UPDATE demands SET status = 'withdrawn', answered_at = ? WHERE id = ?", [utcnow(), d["id"]])
        audit.append(actor, "demand.withdraw", _subject(d), {"demand_id": d["id"]}, con=con)
        con.execute("COMMIT")
    return get_demand(demand_id)


def _subject(d: dict[str, Any]) -> str:
    return f"{d['department_id']}.{d['dataset_id']}" if d["dataset_id"] else f"demand:{d['id']}"


def _expiry(value: Any, period_end: _dt.date | None, days: int | None) -> _dt.datetime | None:
    now = utcnow()
    if days is not None:
        if not 1 <= int(days) <= 3650:
            raise CatalogError("days must be between 1 and 3650")
        return now + _dt.timedelta(days=int(days))
    day = _date(value, "expires") or period_end
    if day is None:
        return None
    expires = _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time()) - calendar().utc_offset
    if expires <= now:
        raise CatalogError("the grant's expiry must be in the future")
    return expires


def answer(
    demand_id: str,
    *,
    decision: str,
    by_department: str | None,
    actor: str,
    dataset: str | None = None,
    fields: Any = None,
    purpose: str | None = None,
    services: Any = None,
    mode: str = "pseudonymised",
    expires: Any = None,
    days: int | None = None,
    verify_keys: Any = None,
    verify_fields: Any = None,
    epsilon: float | None = None,
    calls_per_day: int | None = None,
    refusal_rule: str | None = None,
    refusal_basis: str | None = None,
    note: str = "",
) -> dict[str, Any]:
    """The owner (``by_department``; None: a data officer on its behalf) grants or refuses.

    Grant parameters default to what the demand asked; a refusal needs ``refusal_rule`` (a
    negative-list rule id) or ``refusal_basis`` (a cited legal basis), else it is recorded as
    refused without basis.
    """
    if decision not in ("grant", "refuse"):
        raise CatalogError("decision must be grant or refuse")
    now = utcnow()
    with connect() as con:
        d = _open_demand(con, demand_id)
        if d["owner"] is None:
            raise CatalogError(f"demand {d['id']} has no owner yet: a data officer routes it first")
        if by_department is not None and by_department != d["owner"]:
            raise CatalogError(f"demand {d['id']} is for {d['owner']} to answer")
        days_taken = calendar().working_days_between(_known_at(d), now)
        common = {"note": note[:1000], "demand_id": d["id"], "requester": d["requester"], "working_days": days_taken}
        if decision == "refuse":
            rule, basis = _refusal(refusal_rule, refusal_basis)
            without = rule is None and basis is None
            con.execute("BEGIN")
            con.execute(
                "UPDATE demands SET status = 'refused', answered_at = ?, answered_by = ?, refusal_rule = ?, "
                "refusal_basis = ?, without_basis = ?, answer_note = ?, response_days = ? WHERE id = ?",
                [now, actor, rule, basis, without, note[:1000], days_taken, d["id"]],
            )
            audit.append(
                actor,
                "demand.refuse",
                _subject(d),
                {**common, "rule": rule, "basis": basis, "without_basis": without},
                con=con,
            )
            con.execute("COMMIT")
            return get_demand(d["id"])
        if d["dataset_id"]:
            dept, ds = d["department_id"], d["dataset_id"]
            if dataset and split_dataset(str(dataset)) != (dept, ds):
                raise CatalogError(f"demand {d['id']} is for {dept}.{ds}")
        elif dataset:
            dept, ds = split_dataset(str(dataset))
            if dept != d["owner"]:
                raise CatalogError(f"{dept}.{ds} is not a dataset of {d['owner']}")
        else:
            raise CatalogError("name the dataset that answers this demand (DEPARTMENT.DATASET)")
        known, primary_key = dataset_columns(con, dept, ds)
        label = f"{dept}.{ds}"
        granted = _names(fields, "fields") or d["fields"]
        _check_fields(granted, known, label)
        wanted = _services(services) if services else (d["services"] or ["share"])
        if mode not in MODES:
            raise CatalogError(f"mode must be one of {', '.join(MODES)}")
        use = purpose or d["purpose"]
        check_id(use, "purpose")
        keys: list[str] = []
        checks: list[str] = []
        if "verify" in wanted:
            keys = _names(verify_keys, "verify_keys") or primary_key
            checks = _names(verify_fields, "verify_fields") or [f for f in granted if f not in keys]
            if not keys or not checks:
                raise CatalogError("verification needs key columns (verify_keys) and fields to check (verify_fields)")
            _check_fields(keys + checks, known, label, "verification")
            if set(keys) & set(checks):
                raise CatalogError("a verification key column is not also a field to check")
        if "share" in wanted or "query" in wanted:
            if not granted:
                raise CatalogError("name the fields granted")
        if epsilon is not None and not 0 < float(epsilon) <= 1000:
            raise CatalogError("epsilon (the query budget) must be in (0, 1000]")
        if calls_per_day is not None and not 1 <= int(calls_per_day) <= 10_000_000:
            raise CatalogError("calls_per_day must be between 1 and 10,000,000")
        budget = float(epsilon) if epsilon is not None else (_default_budget() if "query" in wanted else None)
        expiry = _expiry(expires, d["period_end"], days)
        con.execute("BEGIN")
        grant_id = insert_grant(
            con,
            demand_id=d["id"],
            recipient=d["requester"],
            department=dept,
            dataset=ds,
            purpose=use,
            services=wanted,
            fields=granted,
            mode=mode,
            verify_keys=keys,
            verify_fields=checks,
            epsilon_total=budget,
            calls_per_day=int(calls_per_day) if calls_per_day is not None else None,
            expires_at=expiry,
            by=actor,
        )
        con.execute(
            "UPDATE demands SET status = 'granted', answered_at = ?, answered_by = ?, without_basis = false, "
            "answer_note = ?, grant_id = ?, response_days = ?, department_id = ?, dataset_id = ? WHERE id = ?",
            [now, actor, note[:1000], grant_id, days_taken, dept, ds, d["id"]],
        )
        audit.append(actor, "demand.grant", label, {**common, "grant_id": grant_id}, con=con)
        con.execute("COMMIT")
    return get_demand(d["id"])


def _default_budget() -> float:
    from privacy.policy import load_policy

    return load_policy().aggregates.noise.budget_per_grant


def _refusal(rule: str | None, basis: str | None) -> tuple[str | None, str | None]:
    rule = (rule or "").strip() or None
    text = " ".join((basis or "").split()) or None
    if rule is not None:
        from privacy.policy import load_policy

        ids = {r.id for r in load_policy().rules}
        if rule not in ids:
            raise CatalogError(
                f"no rule {rule[:64]!r} on the negative list", hint="pubdata withheld / policy/README.md"
            )
    if text is not None and not MIN_BASIS <= len(text) <= 2000:
        raise CatalogError(f"a cited legal basis is {MIN_BASIS}-2000 characters (name the law and article)")
    return rule, text


# ---- accountability (the scorecard) ----------------------------------------------------------


def demand_rows() -> list[dict[str, Any]]:
    """The demands' accountability fields (what :func:`stats` counts); none in a catalog that
    predates demands and was not written since."""
    with connect(read_only=True) as con:
        if not has_table(con, "demands"):
            return []
        return rows_as_dicts(
            con.execute(
                "SELECT owner, status, filed_at, routed_at, due_at, answered_at, without_basis, response_days "
                "FROM demands WHERE owner IS NOT NULL"
            )
        )


def stats(at: _dt.datetime | None = None, rows: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Per owning department, as of ``at`` (default now): demands received, answered on time,
    answered late, overdue (unanswered past the deadline), refused without basis, median
    response time in working days, and ``score`` = 100 × answers on time with a basis / demands
    due or answered (100 when none is). ``rows``: :func:`demand_rows`, when already read."""
    now = at or utcnow()
    out: dict[str, dict[str, Any]] = {}
    for r in demand_rows() if rows is None else rows:
        if _known_at(r) > now:
            continue
        s = out.setdefault(
            r["owner"],
            {
                "received": 0,
                "answered_on_time": 0,
                "answered_late": 0,
                "overdue": 0,
                "refused_without_basis": 0,
                "response_days": [],
                "_good": 0,
                "_considered": 0,
            },
        )
        s["received"] += 1
        answered = r["answered_at"] is not None and r["answered_at"] <= now and r["status"] in ("granted", "refused")
        if answered:
            on_time = r["answered_at"] <= r["due_at"]
            s["answered_on_time" if on_time else "answered_late"] += 1
            s["response_days"].append(r["response_days"] or 0)
            s["_considered"] += 1
            if r["without_basis"]:
                s["refused_without_basis"] += 1
            elif on_time:
                s["_good"] += 1
        elif r["status"] in ("filed", "expired") and r["due_at"] is not None and r["due_at"] < now:
            s["overdue"] += 1
            s["_considered"] += 1
    for s in out.values():
        days = s.pop("response_days")
        s["median_response_days"] = statistics.median(days) if days else None
        good, considered = s.pop("_good"), s.pop("_considered")
        s["score"] = round(100.0 * good / considered, 2) if considered else 100.0
    return out


def overdue_report() -> dict[str, list[dict[str, Any]]]:
    """Per owning department, its overdue demands (for the "should be open but is not" report)."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not demand_rows():
        return out
    for d in list_demands(status="overdue"):
        out.setdefault(d["owner"], []).append(d)
    return out
