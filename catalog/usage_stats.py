"""Usage statistics (运营评估): what :mod:`catalog.usage_recorder` recorded, summed for people.

:func:`report` is what ``pubdata usage`` and the officers' 运营评估 page show: totals per kind,
action and consumer, per department and dataset (with client-days: distinct clients per day,
summed), per published version, a daily trend per department, the published datasets nobody
used, catalog-wide calls (search, lists, DCAT), and demand fulfilment. :func:`monthly_rows` /
:func:`export_month` give the national platform's monthly evaluation report (CSV and JSON).

Demand fulfilment reads the demands of data users (issue 17's ``demands`` table) when the catalog
has one; until then it is ``None`` and shown as 暂无 (:func:`demand_fulfilment` is the hook).
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
from pathlib import Path
from typing import Any

from catalog.store import connect, has_table, rows_as_dicts
from core import CatalogError

__all__ = ["demand_fulfilment", "export_month", "monthly_rows", "month_bounds", "report"]

KIND_TITLES = {
    "download": "下载",
    "api": "接口调用",
    "datastore": "数据查询",
    "preview": "预览",
    "verify": "核验",
    "aggregate": "统计查询",
    "harvest": "被汇聚",
}


def _day(value: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise CatalogError(f"{str(value)[:20]!r} is not a date (YYYY-MM-DD)") from None


def month_bounds(month: str) -> tuple[_dt.date, _dt.date]:
    """``2026-11`` -> (first day, last day)."""
    try:
        first = _dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise CatalogError(f"{month[:20]!r} is not a month (YYYY-MM)") from None
    nxt = (first.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return first, nxt - _dt.timedelta(days=1)


def demand_fulfilment(con=None) -> dict[str, Any] | None:
    """Demands of data users and how many were fulfilled (issue 17's ``demands`` table: a row per
    demand with a ``status``); ``None`` while the catalog has no such table (shown as 暂无)."""

    def read(c) -> dict[str, Any] | None:
        if not has_table(c, "demands"):
            return None
        cols = {
            r[0] for r in c.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'demands'").fetchall()
        }
        if "status" not in cols:
            return None
        total, done = c.execute(
            "SELECT count(*), count(*) FILTER (WHERE status IN ('fulfilled', 'published', 'done')) FROM demands"
        ).fetchone()
        return {"demands": total, "fulfilled": done, "rate": (done / total) if total else None}

    if con is not None:
        return read(con)
    with connect(read_only=True) as c:
        return read(c)


def report(*, department: str | None = None, since: Any = None, until: Any = None) -> dict[str, Any]:
    """Everything the operations evaluation shows, for one department or all, over a period."""
    since_d, until_d = _day(since), _day(until) or _dt.datetime.now(_dt.UTC).date()
    where, args = ["day <= ?"], [until_d]
    if since_d:
        where.append("day >= ?")
        args.append(since_d)
    if department:
        where.append("department_id = ?")
        args.append(department)
    cond = " AND ".join(where)
    with connect(read_only=True) as con:
        if has_table(con, "usage_daily"):
            uses = rows_as_dicts(con.execute(f"SELECT * FROM usage_daily WHERE {cond}", args))
            clients = con.execute(
                f"SELECT department_id, dataset_id, sum(n) FROM (SELECT day, department_id, dataset_id, clients AS n "
                f"FROM usage_unique WHERE {cond} UNION ALL SELECT day, department_id, dataset_id, count(*) "
                f"FROM usage_clients WHERE {cond} GROUP BY ALL) GROUP BY ALL",
                args + args,
            ).fetchall()
        else:
            uses, clients = [], []
        datasets = rows_as_dicts(
            con.execute(
                "SELECT d.department_id, d.dataset_id, d.title, dep.name AS department_name, d.open_tier, "
                "(SELECT max(version) FROM versions v WHERE v.department_id = d.department_id "
                "AND v.dataset_id = d.dataset_id) AS version FROM datasets d JOIN departments dep ON dep.id = d.department_id"
                + (" WHERE d.department_id = ?" if department else ""),
                [department] if department else [],
            )
        )
        withdrawn = set()
        if has_table(con, "harvested"):
            withdrawn = {
                (r[0], r[1])
                for r in con.execute(
                    "SELECT department_id, dataset_id FROM harvested WHERE state = 'withdrawn'"
                ).fetchall()
            }
        names = dict(con.execute("SELECT id, name FROM departments").fetchall())
        demand = demand_fulfilment(con)
    meta = {(d["department_id"], d["dataset_id"]): d for d in datasets}
    client_days = {(r[0], r[1]): int(r[2]) for r in clients}
    totals: dict[str, int] = {}
    by_action: dict[str, dict[str, int]] = {}
    by_consumer: dict[str, int] = {}
    by_consumer_department: dict[str, int] = {}
    per_dataset: dict[tuple[str, str], dict[str, Any]] = {}
    per_dept: dict[str, dict[str, Any]] = {}
    per_version: dict[tuple[str, str, int], int] = {}
    by_day: dict[tuple[str, str], int] = {}
    catalog_level: dict[str, dict[str, int]] = {}
    for u in uses:
        n, kind = int(u["count"]), u["kind"]
        totals[kind] = totals.get(kind, 0) + n
        acts = by_action.setdefault(kind, {})
        acts[u["action"]] = acts.get(u["action"], 0) + n
        by_consumer[u["consumer"]] = by_consumer.get(u["consumer"], 0) + n
        if u["consumer_department"]:
            cd = u["consumer_department"]
            by_consumer_department[cd] = by_consumer_department.get(cd, 0) + n
        if not u["dataset_id"]:
            level = catalog_level.setdefault(kind, {})
            level[u["action"]] = level.get(u["action"], 0) + n
            continue
        key = (u["department_id"], u["dataset_id"])
        ds = per_dataset.setdefault(
            key, {"department": key[0], "dataset": key[1], "total": 0, "kinds": {}, "consumers": {}, "versions": {}}
        )
        ds["total"] += n
        ds["kinds"][kind] = ds["kinds"].get(kind, 0) + n
        ds["consumers"][u["consumer"]] = ds["consumers"].get(u["consumer"], 0) + n
        if u["version"]:
            ds["versions"][u["version"]] = ds["versions"].get(u["version"], 0) + n
            vkey = (key[0], key[1], u["version"])
            per_version[vkey] = per_version.get(vkey, 0) + n
        dept = per_dept.setdefault(key[0], {"department": key[0], "total": 0, "kinds": {}})
        dept["total"] += n
        dept["kinds"][kind] = dept["kinds"].get(kind, 0) + n
        day_key = (str(u["day"]), key[0])
        by_day[day_key] = by_day.get(day_key, 0) + n
    for key, ds in per_dataset.items():
        m = meta.get(key, {})
        ds["title"] = m.get("title") or key[1]
        ds["department_name"] = names.get(key[0], key[0])
        ds["client_days"] = client_days.get(key, 0)
    for d in per_dept.values():
        d["department_name"] = names.get(d["department"], d["department"])
    never = [
        {
            "department": d["department_id"],
            "dataset": d["dataset_id"],
            "title": d["title"],
            "department_name": d["department_name"],
            "version": d["version"],
        }
        for key, d in sorted(meta.items())
        if d["version"]
        and d["open_tier"] in ("open", "conditional")
        and key not in per_dataset
        and key not in withdrawn
    ]
    return {
        "period": {"since": since_d.isoformat() if since_d else None, "until": until_d.isoformat()},
        "department": department,
        "total": sum(totals.values()),
        "totals": dict(sorted(totals.items())),
        "by_action": {k: dict(sorted(v.items())) for k, v in sorted(by_action.items())},
        "by_consumer": dict(sorted(by_consumer.items())),
        "by_consumer_department": dict(sorted(by_consumer_department.items())),
        "by_department": sorted(per_dept.values(), key=lambda d: (-d["total"], d["department"])),
        "by_dataset": sorted(per_dataset.values(), key=lambda d: (-d["total"], d["department"], d["dataset"])),
        "by_version": [
            {"department": k[0], "dataset": k[1], "version": k[2], "uses": n}
            for k, n in sorted(per_version.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "by_day": [{"day": k[0], "department": k[1], "uses": n} for k, n in sorted(by_day.items())],
        "catalog_level": {k: dict(sorted(v.items())) for k, v in sorted(catalog_level.items())},
        "never_used": never,
        "demand_fulfilment": demand,
    }


EXPORT_COLUMNS = (
    "month",
    "department_id",
    "department_name",
    "dataset_id",
    "dataset_title",
    "kind",
    "action",
    "consumer",
    "uses",
)


def monthly_rows(month: str) -> list[dict[str, Any]]:
    """One row per department, dataset, kind, action and consumer kind of a month (consumer
    departments summed: the national platform evaluates use, not who used)."""
    first, last = month_bounds(month)
    with connect(read_only=True) as con:
        if not has_table(con, "usage_daily"):
            return []
        rows = rows_as_dicts(
            con.execute(
                "SELECT u.department_id, coalesce(dep.name, u.department_id) AS department_name, u.dataset_id, "
                "coalesce(d.title, u.dataset_id) AS dataset_title, u.kind, u.action, u.consumer, sum(u.count) AS uses "
                "FROM usage_daily u LEFT JOIN departments dep ON dep.id = u.department_id "
                "LEFT JOIN datasets d ON d.department_id = u.department_id AND d.dataset_id = u.dataset_id "
                "WHERE u.day BETWEEN ? AND ? GROUP BY ALL ORDER BY u.department_id, u.dataset_id, u.kind, u.action, "
                "u.consumer",
                [first, last],
            )
        )
    for r in rows:
        r["month"] = month
        r["uses"] = int(r["uses"])
    return [{c: r[c] for c in EXPORT_COLUMNS} for r in rows]


def export_month(month: str, folder: Path) -> tuple[Path, Path]:
    """Write ``pubdata-usage-<month>.csv`` (UTF-8 with BOM) and ``.json`` into ``folder``."""
    rows = monthly_rows(month)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / f"pubdata-usage-{month}.csv"
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(EXPORT_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    first, last = month_bounds(month)
    summary = report(since=first, until=last)
    doc = {
        "month": month,
        "generated_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "totals": summary["totals"],
        "by_department": summary["by_department"],
        "never_used": summary["never_used"],
        "demand_fulfilment": summary["demand_fulfilment"],
        "rows": rows,
    }
    json_path = folder / f"pubdata-usage-{month}.json"
    json_path.write_text(json.dumps(doc, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return csv_path, json_path
