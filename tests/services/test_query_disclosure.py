"""Aggregate queries must not disclose one person through the shape of the answer (third outside
review): which group labels are listed, and every value of a cell under the noise."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import httpx
import pytest
from services_support import DATASET, Services, granted_demand, ok, policy_copy

from catalog import audit
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


def test_no_aggregate_after_a_sum_is_an_exact_count(
    granted: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer of the aggregate after a sum was read from the sum's own exact, un-noised count
    of values (``max(month)`` answered 1200 for the whole table). Exact answers: under noise
    ``max`` is refused (see the differencing tests below)."""
    monkeypatch.setenv("PUBDATA_POLICY", str(policy_copy(tmp_path, aggregates={"noise.apply": "never"})))
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
    assert result["noise"] is None
    assert row["max(month)"] == last_month, (row, total)


def _extreme_and_others() -> tuple[dict, list[float]]:
    """A recipient singled out by a unique amount whose month is later than those of five other
    payments of unique amounts: among the six, that person alone holds the latest month."""
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    src = [str(paths.valid)]
    unique = "SELECT amount, month FROM read_parquet(?) QUALIFY count(*) OVER (PARTITION BY amount) = 1"
    top = duckdb.execute(f"{unique} ORDER BY month DESC, amount LIMIT 1", src).fetchone()
    assert top is not None
    others = [
        r[0]
        for r in duckdb.execute(
            f"SELECT amount FROM ({unique}) WHERE month < ? ORDER BY amount LIMIT 5", [*src, top[1]]
        ).fetchall()
    ]
    assert len(others) == 5
    return {"amount": top[0], "month": top[1]}, others


def _differencing(c: httpx.Client, person: dict, others: list[float]) -> tuple[httpx.Response, ...]:
    """max(month) of the six payments and of the five others: the groups differ by one person."""
    queries = [
        {
            "dataset": DATASET,
            "filters": {"amount": {"in": amounts}},
            "aggregates": [{"fn": "count"}, {"fn": "max", "column": "month"}],
        }
        for amounts in ([person["amount"], *others], others)
    ]
    return tuple(c.post("/api/query", json=q) for q in queries)


def test_differencing_max_under_noise_is_refused_and_audited(granted: Services) -> None:
    """Noise on counts does not protect an exact extreme: the max month of six payments and of
    the five others told the sixth person's month (and that they were paid)."""
    person, others = _extreme_and_others()
    with granted.client("health") as c:
        answers = _differencing(c, person, others)
    for r in answers:
        assert r.status_code == 403, r.text  # before: 200, max(month) exact, the first one the person's month
        message = r.json()["error"]["message"]
        assert "max(month)" in message and "noisy" in message and "count grouped by" in message
        assert person["month"] not in r.text
    denied = audit.entries(limit=5, action="access.denied", subject=DATASET)
    assert denied and denied[0]["detail"]["refused"] == "query.run" and denied[0]["detail"]["status"] == 403
    assert "max(month)" in denied[0]["detail"]["reason"]
    assert str(person["amount"]) not in json.dumps(denied[0], ensure_ascii=False)


def test_differencing_max_in_exact_answers_gives_no_one_persons_value(
    granted: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without noise (threshold suppression only), both cells are past the threshold, so both
    are released; an extreme is given only when at least `threshold` rows hold it."""
    monkeypatch.setenv("PUBDATA_POLICY", str(policy_copy(tmp_path, aggregates={"noise.apply": "never"})))
    person, others = _extreme_and_others()
    with granted.client("health") as c:
        six, five = (ok(r) for r in _differencing(c, person, others))
    assert six["noise"] is None and six["rows"][0]["count"] == 6 and five["rows"][0]["count"] == 5
    assert six["withheld"] == {}  # the resident ID names the person: persons are counted
    # before: the six answered the person's month as their max
    assert six["rows"][0]["max(month)"] is None, six
    assert five["rows"][0]["max(month)"] is None or five["rows"][0]["max(month)"] != person["month"]


def test_concurrent_queries_are_answered_or_refused_within_the_budget(services_home: Services) -> None:
    """Queries racing for a grant's budget: as many answers as it pays for, the others refused."""
    from concurrent.futures import ThreadPoolExecutor

    s = services_home
    grant = granted_demand(
        s,
        "ecology",
        fields=["division_code", "subsidy_type"],
        services=["query"],
        purpose="budget_race",
        legal_basis="《环境保护法》第三十九条（示例）",
        epsilon=3.0,
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


def _repeated(tmp_path: Path, persons: int, rows_each: int) -> tuple[Path, str]:
    """The published file with ``rows_each`` more rows for each of ``persons`` recipients, in a
    month after every other (a person paid several times in one month: one row per payment)."""
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    src = str(paths.valid)
    found = duckdb.execute("SELECT max(month) FROM read_parquet(?)", [src]).fetchone()
    assert found is not None
    late = f"{int(found[0][:4]) + 1}-01"
    out = tmp_path / f"valid_{persons}x{rows_each}.parquet"
    duckdb.execute(
        f"COPY (SELECT * FROM read_parquet('{src}') UNION ALL "
        f"SELECT t.* REPLACE ('{late}' AS month) FROM "
        f"(SELECT * FROM read_parquet('{src}') ORDER BY id_number LIMIT {persons}) t, range({rows_each})) "
        f"TO '{out}' (FORMAT parquet)"
    )
    return out, late


def _exact_max(source: Path, *, columns: dict | None = None, about_people: bool | None = None) -> dict:
    """``count`` and ``max(month)`` over ``source`` as the portal plans them for the health grant
    (the published run's columns and levels), in exact answers (``noise.apply: never``)."""
    from catalog.services import _columns
    from privacy.policy import current_policy
    from privacy.query import plan, run

    paths, manifest = published_run("civil_affairs", "subsidy_recipients")
    real, real_about = _columns(paths, manifest)
    aggregates = current_policy().aggregates
    exact = aggregates.model_copy(update={"noise": aggregates.noise.model_copy(update={"apply": "never"})})
    spec = {"dataset": DATASET, "aggregates": [{"fn": "count"}, {"fn": "max", "column": "month"}]}
    p = plan(
        spec,
        label=DATASET,
        allowed=["id_number", "subsidy_type", "amount", "month", "division_code"],
        columns=real if columns is None else columns,
        about_people=real_about if about_people is None else about_people,
        policy=exact,
    )
    return run(p, source)


def test_an_extreme_held_by_one_persons_rows_is_not_shown(granted: Services, tmp_path: Path) -> None:
    """Exact answers do not bound a person's rows: one recipient paid `threshold` times in a
    month after all others met the rule "at least `threshold` rows hold the extreme" alone, and
    the whole table's max(month) told that month (a filter on their amount told it was them)."""
    one, late = _repeated(tmp_path, persons=1, rows_each=5)
    result = _exact_max(one)
    assert result["threshold"] == 5 and result["noise"] is None
    (row,) = result["rows"]
    assert row["count"] == 1205
    assert row["max(month)"] is None, row  # before: the late month, one person's
    assert late not in json.dumps(result)
    # five persons holding it: the extreme is given (the rule counts persons, it still answers)
    five, late = _repeated(tmp_path, persons=5, rows_each=1)
    (row,) = _exact_max(five)["rows"]
    assert row["max(month)"] == late, row


def test_an_extreme_is_withheld_when_nothing_names_the_person(granted: Services, tmp_path: Path) -> None:
    """About people, but no column whose entity names the person (policy ``person_keys``): how
    many persons hold the extreme is unknown, so it is withheld, and the answer says why. Data not
    about people: its rows are counted."""
    from catalog.services import _columns
    from privacy.query import ColumnInfo

    paths, manifest = published_run("civil_affairs", "subsidy_recipients")
    columns, _ = _columns(paths, manifest)
    keyless = {name: ColumnInfo(c.level, None, c.bounds, c.domain) for name, c in columns.items()}
    five, late = _repeated(tmp_path, persons=5, rows_each=1)
    result = _exact_max(five, columns=keyless, about_people=True)
    assert result["rows"][0]["max(month)"] is None
    assert "person_keys" in result["withheld"]["max(month)"]
    not_people = _exact_max(five, columns=keyless, about_people=False)
    assert not_people["rows"][0]["max(month)"] == late and not_people["withheld"] == {}
    four, late = _repeated(tmp_path, persons=1, rows_each=4)  # fewer than `threshold` rows hold it
    (row,) = _exact_max(four, columns=keyless, about_people=False)["rows"]
    assert row["max(month)"] is None, row
