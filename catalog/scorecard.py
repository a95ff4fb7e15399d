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
  classifications and not yet decided: work the department's officers owe, not a penalty.

The ranking uses each department's latest run and a composite score
``0.4·quality + 0.2·100·on_time + 0.3·100·open_share + 0.1·100·(1 − quarantine_rate)``.
"""

from __future__ import annotations

from typing import Any

from catalog.reviews import awaiting_review_by_department as awaiting_by_department
from catalog.reviews import review_queue
from catalog.store import connect, rows_as_dicts

__all__ = ["WEIGHTS", "awaiting_review", "department_runs", "ranking", "withheld_report"]

WEIGHTS = {"quality": 0.4, "on_time": 0.2, "open_share": 0.3, "clean": 0.1}

_RUNS = """
SELECT r.department_id, r.run_id, min(r.started_at) AS started_at,
       avg(r.quality_score) AS quality,
       count(*) FILTER (WHERE r.status = 'published' AND coalesce(r.on_time, false)) AS published_on_time,
       count(*) FILTER (WHERE r.status = 'published') AS published,
       sum(coalesce(r.quarantined_rows, 0)) AS quarantined_rows, sum(coalesce(r.input_rows, 0)) AS input_rows,
       (SELECT count(*) FROM datasets d WHERE d.department_id = r.department_id) AS registered
FROM runs r
GROUP BY r.department_id, r.run_id
ORDER BY started_at
"""


def _open_after(con, department: str, at) -> int:
    """Datasets of a department open (tier open, with a version) as of time ``at``."""
    return con.execute(
        "SELECT count(DISTINCT v.dataset_id) FROM versions v JOIN datasets d USING (department_id, dataset_id) "
        "WHERE v.department_id = ? AND v.published_at <= ? AND v.open_tier = 'open' AND d.open_tier = 'open'",
        [department, at],
    ).fetchone()[0]


def department_runs() -> list[dict[str, Any]]:
    """One row per department run, oldest first (the trend)."""
    with connect(read_only=True) as con:
        rows = rows_as_dicts(con.execute(_RUNS))
        for r in rows:
            finished = con.execute(
                "SELECT max(finished_at) FROM runs WHERE department_id = ? AND run_id = ?",
                [r["department_id"], r["run_id"]],
            ).fetchone()[0]
            registered = r["registered"] or 0
            r["on_time"] = r["published_on_time"] / registered if registered else 0.0
            r["open_share"] = _open_after(con, r["department_id"], finished) / registered if registered else 0.0
            r["quarantine_rate"] = r["quarantined_rows"] / r["input_rows"] if r["input_rows"] else 0.0
            r["quality"] = float(r["quality"]) if r["quality"] is not None else 0.0
            r["composite"] = round(
                WEIGHTS["quality"] * r["quality"]
                + WEIGHTS["on_time"] * 100 * r["on_time"]
                + WEIGHTS["open_share"] * 100 * r["open_share"]
                + WEIGHTS["clean"] * 100 * (1 - r["quarantine_rate"]),
                2,
            )
    withheld = {d: len(items) for d, items in withheld_report().items()}
    held = awaiting_by_department()
    for r in rows:
        r["withheld_without_rule"] = withheld.get(r["department_id"], 0)
        r["awaiting_review"] = held.get(r["department_id"], 0)
    return rows


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
    ranked = sorted(latest.values(), key=lambda r: (-r["composite"], r["department_id"]))
    for i, r in enumerate(ranked, 1):
        r["rank"] = i
        r["department_name"] = names.get(r["department_id"], r["department_id"])
    return ranked


def withheld_report() -> dict[str, list[dict[str, Any]]]:
    """Per department: registered datasets that are not open and have no negative-list rule."""
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute("""
            SELECT d.department_id, d.dataset_id, d.title, d.open_tier, d.tier_rule,
                   (SELECT count(*) FROM versions v WHERE v.department_id = d.department_id
                        AND v.dataset_id = d.dataset_id) AS versions,
                   (SELECT r.status || ' at ' || r.stage || ': ' || coalesce(r.message, '') FROM runs r
                    WHERE r.department_id = d.department_id AND r.dataset_id = d.dataset_id
                    ORDER BY r.started_at DESC LIMIT 1) AS last_run
            FROM datasets d ORDER BY d.department_id, d.dataset_id""")
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
            reason = f"{r['open_tier']} without a negative-list rule"
        else:
            reason = f"not open ({r['last_run']})"
        out.setdefault(r["department_id"], []).append({**r, "reason": reason})
    return out
