"""Department scorecards (考核 / 赛马): departments compared side by side, run after run.

For each department run (one Airflow DAG run = one ``run_id`` across the department's datasets):

- ``quality``: mean quality score (0-100) of the run's validated datasets;
- ``on_time``: share of the department's datasets published in the run within their declared
  update frequency (a first publication counts as on time);
- ``open_share``: share of the department's registered datasets open to the public
  (无条件开放, with a published version) after the run;
- ``withheld_without_rule``: registered datasets not open and not justified by a negative-list
  rule (blocked by quality, failed, never published...): what should be open but is not;
- ``quarantine_rate``: quarantined rows / input rows over the run's datasets;
- ``awaiting_review``: columns held for an officer's review (the classifier could not tell they
  are not personal; left out of open data until an officer decides) in the department's latest
  classifications and not yet decided: work the department's officers owe, not a penalty;
- ``usage`` (以使用量为基准): share of the department's published datasets (open or conditional,
  with a version at the run's end) that were used at least once -- downloaded, called through
  the API or datastore, previewed, verified, aggregated or harvested, as recorded by
  :mod:`catalog.usage_recorder` -- from the day the run ended until the day the department's
  next run started (today for its latest run), at most the last :data:`USAGE_WINDOW_DAYS` days
  of that span. Data nobody uses counts against the department as data nobody can find;
- ``demands`` (供需对接, :func:`catalog.demands.stats` as of the run's end; the ranking: now):
  demands received, answered on time, answered late, overdue, refused without basis, median
  response time in working days, and ``demand_score`` = 100 × answers on time with a basis /
  demands due or answered (100 when none is). A refusal without basis, an overdue or a late
  answer lowers it.

Datasets a department harvested from another portal are not its own and are left out of every
figure. The ranking uses each department's latest run and a composite score
``0.3·quality + 0.15·100·on_time + 0.2·100·open_share + 0.1·100·(1 − quarantine_rate)
+ 0.15·100·usage + 0.1·demand_score``. The withheld report also lists each department's overdue
demands.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from catalog import demands
from catalog.reviews import awaiting_review_by_department as awaiting_by_department
from catalog.reviews import review_queue
from catalog.store import connect, has_table, rows_as_dicts
from core.sql import scalar

__all__ = ["WEIGHTS", "awaiting_review", "department_runs", "ranking", "withheld_report"]

WEIGHTS = {"quality": 0.3, "on_time": 0.15, "open_share": 0.2, "clean": 0.1, "usage": 0.15, "demands": 0.1}
#: the demand counters each scorecard row carries (catalog.demands.stats)
DEMAND_FIELDS = (
    "received",
    "answered_on_time",
    "answered_late",
    "overdue",
    "refused_without_basis",
    "median_response_days",
)
USAGE_WINDOW_DAYS = 30
_OWN = (
    "NOT EXISTS (SELECT 1 FROM harvested h WHERE h.department_id = {t}.department_id AND h.dataset_id = {t}.dataset_id)"
)


def _own(con, t: str) -> str:
    """SQL: the row of alias ``t`` is the department's own dataset (not harvested)."""
    return _OWN.format(t=t) if has_table(con, "harvested") else "true"


_RUNS = """
SELECT r.department_id, r.run_id, min(r.started_at) AS started_at,
       avg(r.quality_score) AS quality,
       count(*) FILTER (WHERE r.status = 'published' AND coalesce(r.on_time, false)) AS published_on_time,
       count(*) FILTER (WHERE r.status = 'published') AS published,
       sum(coalesce(r.quarantined_rows, 0)) AS quarantined_rows, sum(coalesce(r.input_rows, 0)) AS input_rows,
       (SELECT count(*) FROM datasets d WHERE d.department_id = r.department_id AND {own_d}) AS registered
FROM runs r
WHERE {own}
GROUP BY r.department_id, r.run_id
ORDER BY started_at
"""


def _open_after(con, department: str, at) -> int:
    """Datasets of a department open (tier open, with a version) as of time ``at``."""
    return scalar(
        con,
        "SELECT count(DISTINCT v.dataset_id) FROM versions v JOIN datasets d USING (department_id, dataset_id) "
        "WHERE v.department_id = ? AND v.published_at <= ? AND v.open_tier = 'open' AND d.open_tier = 'open' "
        f"AND {_own(con, 'd')}",
        [department, at],
    )


def _composite(r: dict[str, Any]) -> float:
    return round(
        WEIGHTS["quality"] * r["quality"]
        + WEIGHTS["on_time"] * 100 * r["on_time"]
        + WEIGHTS["open_share"] * 100 * r["open_share"]
        + WEIGHTS["clean"] * 100 * (1 - r["quarantine_rate"])
        + WEIGHTS["usage"] * 100 * r["usage"]
        + WEIGHTS["demands"] * r["demand_score"],
        2,
    )


def _usage_share(con, department: str, finished, until) -> float:
    """Published datasets of the department (at ``finished``) used at least once from that day
    to ``until`` (at most the last USAGE_WINDOW_DAYS days of it) / published datasets."""
    published = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT v.dataset_id FROM versions v WHERE v.department_id = ? AND v.published_at <= ? "
            f"AND v.open_tier IN ('open', 'conditional') AND {_own(con, 'v')}",
            [department, finished],
        ).fetchall()
    }
    if not published or not has_table(con, "usage_daily"):
        return 0.0
    last = until.date() if until else _dt.datetime.now(_dt.UTC).date()
    first = max(finished.date(), last - _dt.timedelta(days=USAGE_WINDOW_DAYS - 1))
    used = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT dataset_id FROM usage_daily WHERE department_id = ? AND day BETWEEN ? AND ? AND count > 0",
            [department, first, last],
        ).fetchall()
    }
    return len(published & used) / len(published)


def department_runs() -> list[dict[str, Any]]:
    """One row per department run, oldest first (the trend)."""
    asked = demands.demand_rows()
    with connect(read_only=True) as con:
        rows = rows_as_dicts(con.execute(_RUNS.format(own=_own(con, "r"), own_d=_own(con, "d"))))
        next_start: dict[int, object] = {}
        last_seen: dict[str, int] = {}
        for i, r in enumerate(rows):  # oldest first: the next run of the same department
            if r["department_id"] in last_seen:
                next_start[last_seen[r["department_id"]]] = r["started_at"]
            last_seen[r["department_id"]] = i
        for i, r in enumerate(rows):
            finished = scalar(
                con,
                "SELECT max(finished_at) FROM runs WHERE department_id = ? AND run_id = ?",
                [r["department_id"], r["run_id"]],
            )
            registered = r["registered"] or 0
            r["on_time"] = r["published_on_time"] / registered if registered else 0.0
            r["open_share"] = _open_after(con, r["department_id"], finished) / registered if registered else 0.0
            r["quarantine_rate"] = r["quarantined_rows"] / r["input_rows"] if r["input_rows"] else 0.0
            r["quality"] = float(r["quality"]) if r["quality"] is not None else 0.0
            r["usage"] = _usage_share(con, r["department_id"], finished, next_start.get(i)) if finished else 0.0
            _add_demands(r, finished, asked)
            r["composite"] = _composite(r)
    withheld = {d: sum(1 for it in items if it.get("kind") != "demand") for d, items in withheld_report().items()}
    held = awaiting_by_department()
    for r in rows:
        r["withheld_without_rule"] = withheld.get(r["department_id"], 0)
        r["awaiting_review"] = held.get(r["department_id"], 0)
    return rows


def _add_demands(r: dict[str, Any], at: Any, rows: list[dict[str, Any]] | None = None) -> None:
    """The department's demand counters as of ``at`` (a run's end; the ranking: now)."""
    s = demands.stats(at, rows).get(r["department_id"], {})
    for key in DEMAND_FIELDS:
        r[key] = s.get(key, None if key == "median_response_days" else 0)
    r["demand_score"] = s.get("score", 100.0)


def awaiting_review() -> dict[str, list[dict[str, Any]]]:
    """Per department: the columns held for review that no officer has decided yet."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in review_queue():
        if not r["reviewed"]:
            out.setdefault(r["department_id"], []).append(r)
    return out


def ranking() -> list[dict[str, Any]]:
    """Each department's latest run, best first, with its rank."""
    latest: dict[str, dict[str, Any]] = {}
    for r in department_runs():
        latest[r["department_id"]] = r
    with connect(read_only=True) as con:
        names = dict(con.execute("SELECT id, name FROM departments").fetchall())
    asked = demands.demand_rows()
    for r in latest.values():  # demands answered or overdue since the last run count now
        _add_demands(r, None, asked)
        r["composite"] = _composite(r)
    ranked = sorted(latest.values(), key=lambda r: (-r["composite"], r["department_id"]))
    for i, r in enumerate(ranked, 1):
        r["rank"] = i
        r["department_name"] = names.get(r["department_id"], r["department_id"])
    return ranked


def withheld_report() -> dict[str, list[dict[str, Any]]]:
    """Per department: registered datasets that are not open and have no negative-list rule,
    then its overdue demands (``kind: "demand"``: data another department asked for and did not
    get in time)."""
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute(
                """
            SELECT d.department_id, d.dataset_id, d.title, d.open_tier, d.tier_rule, d.tier_basis,
                   (SELECT count(*) FROM versions v WHERE v.department_id = d.department_id
                        AND v.dataset_id = d.dataset_id) AS versions,
                   (SELECT r.status || ' at ' || r.stage || ': ' || coalesce(r.message, '') FROM runs r
                    WHERE r.department_id = d.department_id AND r.dataset_id = d.dataset_id
                    ORDER BY r.started_at DESC LIMIT 1) AS last_run
            FROM datasets d WHERE {own} ORDER BY d.department_id, d.dataset_id""".format(own=_own(con, "d"))
            )
        )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        is_open = r["open_tier"] == "open" and r["versions"] > 0
        justified = r["open_tier"] in ("withheld", "conditional") and r["tier_rule"]
        if is_open or justified:
            continue
        if r["versions"] == 0 and r["last_run"] is None:
            reason = "registered but never run"
        elif r["versions"] == 0:
            reason = f"never published ({r['last_run']})"
        elif r["open_tier"] in ("withheld", "conditional"):
            # e.g. the publication gate: re-identification risk targets not met (the reason says why)
            reason = r["tier_basis"] or f"{r['open_tier']} without a negative-list rule"
        else:
            reason = f"not open ({r['last_run']})"
        out.setdefault(r["department_id"], []).append({**r, "kind": "dataset", "reason": reason})
    for owner, items in demands.overdue_report().items():
        for d in items:
            out.setdefault(owner, []).append(
                {
                    "kind": "demand",
                    "department_id": owner,
                    "dataset_id": d["dataset_id"],
                    "demand_id": d["id"],
                    "title": d["description"] or d["dataset"],
                    "requester": d["requester"],
                    "due_at": d["due_at"],
                    "reason": f"demand {d['id']} from {d['requester']} overdue since {d['due_at']:%Y-%m-%d}",
                }
            )
    return out
