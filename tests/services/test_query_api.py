"""Aggregate queries against a running portal: small cells suppressed with complementary cells,
noise under a per-grant privacy budget that is reported and enforced, and what the policy refuses."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from services_support import DATASET, Services, granted_demand, ok, policy_copy

from catalog import audit
from catalog.services import published_run

SPEC = {
    "dataset": DATASET,
    "group_by": ["division_code", "subsidy_type", "month"],
    "aggregates": [{"fn": "count"}, {"fn": "sum", "column": "amount", "bounds": [0, 3000]}],
}


def _recoverable(rows: list[dict], dims: list[str]) -> list[list[dict]]:
    out = []
    for d in dims:
        lines: dict[tuple, list[dict]] = {}
        for r in rows:
            lines.setdefault(tuple(r[x] for x in dims if x != d), []).append(r)
        out += [line for line in lines.values() if len(line) > 1 and sum(r["suppressed"] for r in line) == 1]
    return out


def test_small_cells_are_suppressed_with_complementary_cells_and_noise_costs_budget(granted: Services) -> None:
    # grouped by a column with declared values (subsidy_type's enum), a few rows per cell
    small = {
        "dataset": DATASET,
        "filters": {"month": "2026-01", "amount": {"lt": 500}},
        "group_by": ["subsidy_type"],
        "aggregates": SPEC["aggregates"],
    }
    with granted.client("health") as c:
        first = ok(c.post("/api/query", json=small))
        second = ok(c.post("/api/query", json=SPEC))
    assert first["suppressed_cells"] > 0 and len(first["rows"]) == 4
    hidden = [r for r in first["rows"] if r["suppressed"]]
    assert hidden and all(r["count"] is None and r["sum(amount)"] is None for r in hidden)
    assert all(r["subsidy_type"] for r in hidden)  # declared labels stay, values go
    assert _recoverable(first["rows"], small["group_by"]) == []
    # grouped by columns whose labels come from the data: only released cells are listed
    assert second["suppressed_cells"] == 0 and not any(r["suppressed"] for r in second["rows"])
    assert all(r["count"] >= second["threshold"] for r in second["rows"])
    assert first["noise"] == {"mechanism": "laplace", "epsilon": 1.0}
    assert second["budget"]["spent"] == pytest.approx(first["budget"]["spent"] + 1.0)
    assert second["budget"]["total"] == 50 and second["budget"]["remaining"] == pytest.approx(
        50 - second["budget"]["spent"]
    )
    run = audit.entries(limit=50, action="query.run")[0]["detail"]
    assert run["group_by"] == SPEC["group_by"] and run["cells"] == len(second["rows"])
    assert "rows" not in run and "330102" not in json.dumps(run, ensure_ascii=False)


def test_the_budget_is_enforced(services_home: Services) -> None:
    s = services_home
    granted_demand(
        s,
        "market_regulation",
        fields=["division_code", "subsidy_type"],
        services=["query"],
        purpose="business_support",
        legal_basis="《优化营商环境条例》第十条（示例）",
        epsilon=2.0,
    )
    spec = {"dataset": DATASET, "group_by": ["division_code"]}
    with s.client("market_regulation") as c:
        budgets = [ok(c.post("/api/query", json=spec))["budget"] for _ in range(2)]
        refused = c.post("/api/query", json=spec)
        # a failing query costs nothing
        bad = c.post("/api/query", json={**spec, "filters": {"division_code": {"in": []}}})
        quota = c.get("/api/quota").json()
    assert [b["remaining"] for b in budgets] == [pytest.approx(1.0), pytest.approx(0.0)]
    assert refused.status_code == 403
    assert "budget" in refused.json()["error"]["message"]
    assert bad.status_code == 400
    g = next(g for g in quota["grants"] if g["dataset"] == DATASET)
    assert g["budget"] == {"total": 2.0, "spent": 2.0, "remaining": 0.0}


def test_exact_counts_without_noise_match_duckdb_apart_from_suppressed_cells(
    granted: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "PUBDATA_POLICY", str(policy_copy(tmp_path, aggregates={"noise.apply": "never", "threshold": 10}))
    )
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    truth = {
        (r[0], r[1]): r[2]
        for r in duckdb.execute(
            "SELECT division_code, subsidy_type, count(*) FROM read_parquet(?) WHERE month <= '2026-03' GROUP BY ALL",
            [str(paths.valid)],
        ).fetchall()
    }
    spec = {"dataset": DATASET, "group_by": ["division_code", "subsidy_type"], "filters": {"month": {"le": "2026-03"}}}
    with granted.client("health") as c:
        result = ok(c.post("/api/query", json=spec))
    assert result["noise"] is None
    rows = {(r["division_code"], r["subsidy_type"]): r for r in result["rows"]}
    assert any(n < 10 for n in truth.values()) and any(n >= 10 and key in rows for key, n in truth.items())
    # labels from the data (division codes): a suppressed cell is not listed at all
    assert not any(r["suppressed"] for r in rows.values()) and result["suppressed_cells"] == 0
    for key, n in truth.items():
        if n < 10:
            assert key not in rows
        elif key in rows:  # a complementary cell may be left out too
            assert rows[key]["count"] == n
    # no line of cells (a total another query gives) misses exactly one cell
    for d in (0, 1):
        lines: dict[str, list[bool]] = {}
        for key in truth:
            lines.setdefault(key[1 - d], []).append(key in rows)
        assert all(shown.count(False) != 1 for shown in lines.values() if len(shown) > 1), lines


@pytest.mark.parametrize(
    ("spec", "status", "words"),
    [
        ({"group_by": ["id_number"]}, 403, "identifies persons"),
        ({"aggregates": [{"fn": "max", "column": "recipient_name"}]}, 403, "not among the columns"),
        ({"group_by": ["address"]}, 403, "not among the columns"),
        ({"aggregates": [{"fn": "sum", "column": "amount"}]}, 400, "bounds"),
        ({"filters": {"amount": {"like": "1%"}}}, 400, "unknown operator"),
        ({"group_by": ["no_such"]}, 400, "no column"),
        ({"filters": {"amount": {"ge": "many"}}}, 400, "type"),
        ({"dataset": "health.clinic_visits"}, 403, "no grant"),
    ],
)
def test_what_the_grant_or_the_policy_does_not_allow_is_refused(
    granted: Services, spec: dict, status: int, words: str
) -> None:
    with granted.client("health") as c:
        r = c.post("/api/query", json={"dataset": DATASET, **spec})
    assert r.status_code == status, r.text
    assert words in r.json()["error"]["message"]


def test_min_max_only_on_columns_the_policy_allows_and_never_under_noise(
    granted: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    month = {"dataset": DATASET, "aggregates": [{"fn": "max", "column": "month"}]}
    with granted.client("health") as c:
        # a recipient's amount is a person's benefit (sensitive): its max would reveal one person's value
        r = c.post("/api/query", json={"dataset": DATASET, "aggregates": [{"fn": "max", "column": "amount"}]})
        assert r.status_code == 403 and "would reveal one person's value" in r.json()["error"]["message"], r.text
        # the month is of level none, but the dataset is about people: noise applies and an exact
        # max beside noisy counts is one person's value (before: answered)
        noisy = c.post("/api/query", json=month)
        assert noisy.status_code == 403, noisy.text
        assert "max(month) is not answered under noise" in noisy.json()["error"]["message"]
        # exact answers (no noise): allowed by min_max_levels [none], for a cell past the threshold
        monkeypatch.setenv("PUBDATA_POLICY", str(policy_copy(tmp_path, aggregates={"noise.apply": "never"})))
        result = ok(c.post("/api/query", json=month))
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    found = duckdb.execute("SELECT max(month) FROM read_parquet(?)", [str(paths.valid)]).fetchone()
    assert found is not None and result["rows"][0]["max(month)"] == found[0]


def test_a_policy_cannot_let_min_max_through_the_noise() -> None:
    from pydantic import ValidationError

    from privacy.policy.services import AggregatePolicy

    with pytest.raises(ValidationError, match="answered exactly under noise"):
        AggregatePolicy.model_validate({"noise": {"functions": ["count", "max"]}})
