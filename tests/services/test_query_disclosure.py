"""Aggregate queries must not disclose one person through the shape of the answer (third outside
review): which group labels are listed, and every value of a cell under the noise."""

from __future__ import annotations

import duckdb
from services_support import DATASET, Services, ok

from catalog.services import published_run

TYPES = ["低保", "特困供养", "临时救助", "高龄津贴"]  # the manifest's enum of subsidy_type


def _one_person() -> dict:
    """A recipient singled out by the exact amount of one payment (unique in the table)."""
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    row = duckdb.execute(
        "SELECT amount, division_code, month, subsidy_type FROM read_parquet(?) "
        "QUALIFY count(*) OVER (PARTITION BY amount) = 1 ORDER BY amount LIMIT 1",
        [str(paths.valid)],
    ).fetchone()
    assert row is not None
    return {"amount": row[0], "division_code": row[1], "month": row[2], "subsidy_type": row[3]}


def test_labels_of_a_cell_too_small_to_release_are_not_listed(granted: Services) -> None:
    """A filter that isolates one person, grouped by columns whose values come from the data: the
    listed labels were that person's division and month (a suppressed cell kept its labels)."""
    person = _one_person()
    spec = {
        "dataset": DATASET,
        "filters": {"amount": person["amount"]},
        "group_by": ["division_code", "month"],
    }
    with granted.client("health") as c:
        result = ok(c.post("/api/query", json=spec))
    listed = {(r["division_code"], r["month"]) for r in result["rows"]}
    assert (person["division_code"], person["month"]) not in listed
    assert result["suppressed_cells"] == 0  # how many small groups exist is not told either


def test_declared_labels_are_all_listed_whatever_the_data(granted: Services) -> None:
    """Grouped by a column with a declared enumeration, every declared value is a cell, so which
    cells are listed does not depend on who matches the filter."""
    person = _one_person()
    with granted.client("health") as c:
        one = ok(
            c.post(
                "/api/query",
                json={"dataset": DATASET, "filters": {"amount": person["amount"]}, "group_by": ["subsidy_type"]},
            )
        )
        none = ok(
            c.post(
                "/api/query",
                json={"dataset": DATASET, "filters": {"amount": -1.0}, "group_by": ["subsidy_type"]},
            )
        )
    for result in (one, none):
        assert sorted(r["subsidy_type"] for r in result["rows"]) == sorted(TYPES)
        assert all(r["suppressed"] and r["count"] is None for r in result["rows"])


def test_no_aggregate_after_a_sum_is_an_exact_count(granted: Services) -> None:
    """The answer of the aggregate after a sum was read from the sum's own exact, un-noised count
    of values (``max(month)`` answered 1200 for the whole table)."""
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    found = duckdb.execute("SELECT count(amount), max(month) FROM read_parquet(?)", [str(paths.valid)]).fetchone()
    assert found is not None
    total, last_month = found
    spec = {
        "dataset": DATASET,
        "aggregates": [{"fn": "sum", "column": "amount", "bounds": [0, 3000]}, {"fn": "max", "column": "month"}],
    }
    with granted.client("health") as c:
        result = ok(c.post("/api/query", json=spec))
    (row,) = result["rows"]
    assert row["max(month)"] == last_month, (row, total)


def test_concurrent_queries_are_answered_or_refused_within_the_budget(services_home: Services) -> None:
    """Queries racing for a grant's budget: as many answers as it pays for, the others refused."""
    from concurrent.futures import ThreadPoolExecutor

    from catalog import demands

    s = services_home
    with s.client("ecology") as c:
        d = ok(
            c.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": ["division_code", "subsidy_type"],
                    "services": ["query"],
                    "purpose": "budget_race",
                    "legal_basis": "《环境保护法》第三十九条（示例）",
                },
            ),
            201,
        )
    grant = demands.answer(
        d["id"], decision="grant", by_department="civil_affairs", actor="cli:civil_affairs", epsilon=3.0
    )["grant_id"]
    spec = {"dataset": DATASET, "group_by": ["subsidy_type"]}

    def one(_: int) -> int:
        with s.client("ecology") as c:
            return c.post("/api/query", json=spec).status_code

    with ThreadPoolExecutor(12) as pool:
        codes = list(pool.map(one, range(12)))
    # three answers, then refusals: no call fails on the race (they were 500s, unaudited)
    assert sorted(codes) == [200] * 3 + [403] * 9, codes
    with s.client("ecology") as c:
        g = next(g for g in c.get("/api/quota").json()["grants"] if g["grant_id"] == grant)
    assert g["budget"]["spent"] == 3.0, g
