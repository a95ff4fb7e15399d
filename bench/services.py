"""Benchmark of the sharing services on a 1e7-row dataset, each against plain DuckDB doing the same work.

    .venv/bin/python bench/services.py [--rows N] [--rounds R]

In a temporary PUBDATA_HOME: ``civil_affairs.subsidy_recipients`` with N generated rows (ID
number, name, subsidy type, amount, division, month) as the validated rows of a published run,
and a grant to ``health`` (verification of name and subsidy type by ID number; queries), made by
filing and answering a demand. Then, alternating the two sides for R rounds, best of each:

- **verification**: one call with a batch of 1,000 key sets (~70% true, ~20% false claims, ~10%
  unknown IDs) through :func:`catalog.services.verify` — grant check, the grant's call count and
  the audit entry (catalog writes), keyed hashes of the batch, lookups in the verification index
  (loaded once, then cached; its one-off build and first load are printed) — against DuckDB
  joining the same 1,000 clear key sets to the clear rows (Parquet) and comparing the fields;
- **aggregate query**: ``count`` and a bounded ``sum`` per division and subsidy type through
  :func:`catalog.services.query` — grant check, budget charge, DuckDB over the rows, OpenDP
  noise, complementary suppression, audit entry — against the plain DuckDB ``GROUP BY``.

Last line: ``BENCH services verify_per_s=<calls per second> query_ms=<ms> ratio_vs_duckdb=<the
worse of the two ratios pubdata time / DuckDB time>``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TYPES = ["低保", "特困供养", "临时救助", "高龄津贴"]
DIVISIONS = ["330102", "330105", "330106", "330108", "330110", "330183", "330203", "330302"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文"


def _row(i: int) -> dict[str, object]:
    """Row ``i`` as the generator writes it (the bench builds true and false claims from it)."""
    return {
        "id_number": f"3301{i:013d}X",
        "recipient_name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)],
        "subsidy_type": TYPES[i % 4],
    }


def generate(valid: Any, rows: int) -> None:
    import duckdb

    valid.parent.mkdir(parents=True, exist_ok=True)
    sur = "[" + ", ".join(f"'{c}'" for c in SURNAMES) + "]"
    given = "[" + ", ".join(f"'{c}'" for c in GIVEN) + "]"
    duckdb.sql(f"""COPY (SELECT
        '3301' || lpad(CAST(range AS VARCHAR), 13, '0') || 'X' AS id_number,
        {sur}[1 + range % {len(SURNAMES)}] || {given}[1 + (range * 7) % {len(GIVEN)}] AS recipient_name,
        {json.dumps(TYPES, ensure_ascii=False).replace('"', "'")}[1 + range % 4] AS subsidy_type,
        round((range * 7919 % 300000) / 100.0, 2) AS amount,
        {json.dumps(DIVISIONS).replace('"', "'")}[1 + (range * 13) % 8] AS division_code,
        '2026-' || lpad(CAST(1 + range % 12 AS VARCHAR), 2, '0') AS month
        FROM range({int(rows)})) TO '{valid}' (FORMAT parquet, ROW_GROUP_SIZE 122880)""")


def setup(rows: int) -> None:
    """Catalog, published run, decision, demand and grant, verification index."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from catalog import demands
    from catalog.grants import list_grants
    from catalog.publish import publish_version, register_department
    from privacy import KeyStore
    from privacy.verify import build_index, keyset_id
    from warehouse.lake import RunPaths
    from warehouse.manifest import departments_dir, load_department

    for dept in ("civil_affairs", "health"):
        register_department(load_department(departments_dir() / f"{dept}.yaml"))
    paths = RunPaths.for_run("civil_affairs", "subsidy_recipients", "bench")
    t = time.perf_counter()
    generate(paths.valid, rows)
    print(f"generated {rows:,} rows in {time.perf_counter() - t:.1f} s")
    columns: list[dict[str, Any]] = [
        {"name": "id_number", "level": "sensitive", "entity": "CN_RESIDENT_ID", "action": "drop"},
        {"name": "recipient_name", "level": "personal", "entity": "PERSON_NAME", "action": "mask"},
        {"name": "subsidy_type", "level": "none", "entity": None, "action": "publish"},
        {"name": "amount", "level": "none", "entity": None, "action": "publish"},
        {"name": "division_code", "level": "none", "entity": None, "action": "publish"},
        {"name": "month", "level": "none", "entity": None, "action": "publish"},
    ]
    paths.decision.parent.mkdir(parents=True, exist_ok=True)
    paths.decision.write_text(json.dumps({"columns": columns, "about_people": True}), encoding="utf-8")
    small = paths.valid.with_name("protected-sample.parquet")
    pq.write_table(pa.table({"subsidy_type": TYPES}), small)  # the open version's content is not benchmarked
    publish_version(paths, "bench", small, columns=columns, quality_score=100.0, open_tier="open")
    d = demands.file(
        "health",
        dataset="civil_affairs.subsidy_recipients",
        fields=["subsidy_type", "amount", "division_code", "month"],
        services=["verify", "query"],
        purpose="bench",
        legal_basis="benchmark of the sharing services",
        actor="bench",
    )
    demands.answer(
        d["id"],
        decision="grant",
        by_department="civil_affairs",
        actor="bench",
        verify_keys=["id_number"],
        verify_fields=["recipient_name", "subsidy_type"],
        epsilon=1000.0,
        calls_per_day=1_000_000,
    )
    assert list_grants("health")
    t = time.perf_counter()
    build_index(
        paths.valid,
        paths.verification(keyset_id(["id_number"])),
        key_columns=["id_number"],
        fields=["recipient_name", "subsidy_type"],
        entities={c["name"]: c["entity"] for c in columns},
        key=KeyStore().service_key("verify/civil_affairs.subsidy_recipients"),
        label="civil_affairs.subsidy_recipients",
    )
    print(f"verification index built in {time.perf_counter() - t:.1f} s")


def batch(rows: int, rng: random.Random) -> list[dict[str, object]]:
    out = []
    for _ in range(1000):
        r = _row(rng.randrange(rows))
        x = rng.random()
        if x < 0.1:
            r["id_number"] = f"3302{rng.randrange(10**13):013d}X"  # unknown
        elif x < 0.3:
            r["subsidy_type"] = TYPES[(TYPES.index(str(r["subsidy_type"])) + 1) % 4]  # a false claim
        out.append(r)
    return out


VERIFY_SQL = """
SELECT b.i, count(v.id_number) > 0 AS found,
       bool_or(v.recipient_name = b.recipient_name) AS name_ok,
       bool_or(v.subsidy_type = b.subsidy_type) AS type_ok
FROM batch b LEFT JOIN read_parquet(?) v ON v.id_number = b.id_number
GROUP BY b.i ORDER BY b.i
"""
QUERY_SQL = """
SELECT division_code, subsidy_type, count(*) AS n, sum(least(greatest(CAST(amount AS DOUBLE), 0), 3000)) AS s
FROM read_parquet(?) GROUP BY ALL ORDER BY 1, 2
"""
SPEC = {
    "dataset": "civil_affairs.subsidy_recipients",
    "group_by": ["division_code", "subsidy_type"],
    "aggregates": [{"fn": "count"}, {"fn": "sum", "column": "amount", "bounds": [0, 3000]}],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="pubdata-bench-services-"))
    os.environ["PUBDATA_HOME"] = str(home)
    import duckdb
    import pyarrow as pa

    from catalog import services
    from warehouse.lake import RunPaths

    setup(args.rows)
    valid = str(RunPaths.for_run("civil_affairs", "subsidy_recipients", "bench").valid)
    rng = random.Random(11)
    fields = ["recipient_name", "subsidy_type"]

    def ours_verify(keys: list[dict[str, object]]) -> list[dict[str, str]]:
        body = {"keys": keys, "fields": fields}
        return services.verify("health", "civil_affairs", "subsidy_recipients", body, actor="bench", token_id=None)[
            "results"
        ]

    def duck_verify(con: duckdb.DuckDBPyConnection, keys: list[dict[str, object]]) -> list[tuple]:
        table = pa.Table.from_pylist([{**k, "i": i} for i, k in enumerate(keys)])
        con.register("batch", table)
        try:
            return con.execute(VERIFY_SQL, [valid]).fetchall()
        finally:
            con.unregister("batch")

    t = time.perf_counter()
    first = ours_verify(batch(args.rows, rng))
    print(f"first verification call (loads the index): {1000 * (time.perf_counter() - t):.0f} ms")
    con = duckdb.connect()
    # the two sides agree on a batch
    keys = batch(args.rows, rng)
    ours = ours_verify(keys)
    theirs = duck_verify(con, keys)
    for o, (_, found, name_ok, type_ok) in zip(ours, theirs):
        expect = {"recipient_name": "not_found", "subsidy_type": "not_found"}
        if found:
            expect = {
                "recipient_name": "match" if name_ok else "no_match",
                "subsidy_type": "match" if type_ok else "no_match",
            }
        assert o == expect, (o, expect)
    assert len(first) == 1000
    v_ours, v_duck, q_ours, q_duck = [], [], [], []
    for _ in range(args.rounds):
        keys = batch(args.rows, rng)
        t = time.perf_counter()
        ours_verify(keys)
        v_ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        duck_verify(con, keys)
        v_duck.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = services.query("health", SPEC, actor="bench", token_id=None)
        q_ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        plain = con.execute(QUERY_SQL, [valid]).fetchall()
        q_duck.append(time.perf_counter() - t)
        assert len(plain) == len(result["rows"])
    vo, vd, qo, qd = min(v_ours), min(v_duck), min(q_ours), min(q_duck)
    print(f"{'':<38}{'pubdata':>12}{'DuckDB':>12}{'ratio':>8}")
    print(f"{'verification, batch of 1,000 (ms)':<38}{1000 * vo:>12.1f}{1000 * vd:>12.1f}{vo / vd:>8.2f}")
    print(
        f"{'aggregate query, ' + format(args.rows, ',') + ' rows (ms)':<38}{1000 * qo:>12.1f}{1000 * qd:>12.1f}{qo / qd:>8.2f}"
    )
    print(f"best of {args.rounds} alternated rounds; budget left on the grant: {result['budget']['remaining']:g}")
    ratio = max(vo / vd, qo / qd)
    print(f"BENCH services verify_per_s={1 / vo:.1f} query_ms={1000 * qo:.1f} ratio_vs_duckdb={ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
