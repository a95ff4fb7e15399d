"""Benchmark: re-identification risk of a release about people versus a plain GROUP BY.

    .venv/bin/python bench/risk.py              # 1e7 rows x 6 quasi-identifiers
    .venv/bin/python bench/risk.py --rows 1000000 --repeat 2

The table (1e7 clinic visits by default) is generated in DuckDB from ``range()`` with hash-based
synthetic values: gender, birth date (90 years), visit date (one year), clinic (300: three kinds in
each of 100 counties of 10 cities), the patient's county (GB/T 2260; the clinic's for 80% of
visits) and ethnicity (56, skewed). Timed in one
run, per size, alternated and best of ``--repeat``:

* ``group by``: ``SELECT <the 6 columns>, count(*) FROM read_parquet(...) GROUP BY ALL`` (the
  equivalence classes of the raw columns: the baseline);
* ``risk``: the release's whole risk evaluation (:func:`privacy.kanon.anonymise`, as the pipeline
  runs it on the classes it counted while writing): the classes counted in one ``GROUP BY`` over
  the file and brought to each quasi-identifier's lowest level on the class table, the lattice of 2·5·4·2·2·2 = 320 generalisation vectors
  (age → 5/10/20-year bands → suppressed, county → city → province → suppressed, categories kept or
  suppressed) searched for the least information loss meeting k=5 with at most 5% of records
  suppressed (one integer ``GROUP BY`` per node evaluated, on the dictionary-encoded class table,
  rolled up from the smallest class table already computed below it), and the risk report.

Last line: ``BENCH risk rows=<n> seconds=<s> ratio_vs_groupby=<x>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COLUMNS = ["性别", "年龄", "所在区划", "民族", "学历", "婚姻状况"]


def generate(path: Path, n: int) -> None:
    import duckdb

    con = duckdb.connect()
    # a population register: age pyramid, 100 counties (10 cities) of unequal size, skewed ethnicity,
    # education and marital status depending on age
    con.execute(f"""
    COPY (
      WITH base AS (
        SELECT i, CAST(least(99, (hash(i * 3 + 1) % 100 + hash(i * 5 + 2) % 100) // 2) AS INTEGER) AS age,
               CAST(floor(100 * pow((hash(i * 7 + 3) % 10000) / 10000.0, 1.6)) AS INTEGER) AS county
        FROM range({n}) t(i))
      SELECT
        CASE WHEN hash(i) % 2 = 0 THEN '1' ELSE '2' END AS "性别",
        age AS "年龄",
        '33' || lpad(CAST(1 + county // 10 AS VARCHAR), 2, '0') || lpad(CAST(1 + county % 10 AS VARCHAR), 2, '0') AS "所在区划",
        CASE WHEN hash(i * 19 + 13) % 100 < 92 THEN '汉族' ELSE 'ethnic' || CAST(hash(i * 23) % 55 AS VARCHAR) END AS "民族",
        list_extract(['小学', '初中', '高中', '中专', '大专', '本科', '研究生'],
                     CAST(least(6, (hash(i * 29 + 5) % 7 + CASE WHEN age BETWEEN 20 AND 50 THEN 2 ELSE 0 END) // 1.3) AS INTEGER) + 1) AS "学历",
        CASE WHEN age < 22 THEN '未婚' ELSE list_extract(['未婚', '已婚', '已婚', '已婚', '离婚', '丧偶'],
                     CAST(hash(i * 31 + 7) % 6 AS INTEGER) + 1) END AS "婚姻状况"
      FROM base
    ) TO '{path}' (FORMAT parquet)""")
    con.close()


def run(n: int, work: Path, repeat: int) -> tuple[float, float]:
    import duckdb

    from core.sql import quote_ident, scalar
    from privacy.deid.hierarchy import base_sql
    from privacy.kanon import Anonymisation, QuasiIdentifier, Targets, anonymise
    from privacy.roles import load_roles

    src = work / f"visits_{n}.parquet"
    t0 = time.perf_counter()
    generate(src, n)
    print(f"  generated {n:,} rows in {time.perf_counter() - t0:.1f}s ({src.stat().st_size / 1e6:.0f} MB)")
    h = load_roles().hierarchies
    import pyarrow as pa

    schema = pa.schema([(c, pa.int32() if c == "年龄" else pa.string()) for c in COLUMNS])
    kinds = ["category", "age", "division", "category", "category", "category"]
    qis = [QuasiIdentifier(c, h[k]) for c, k in zip(COLUMNS, kinds)]
    as_of = dt.date(2026, 12, 31)
    # the classes of the raw values first (one GROUP BY over the file), then each class's values at
    # the lowest levels (on the class table: a function of the raw value), regrouped
    exprs = [base_sql(q.hierarchy, f"r.{quote_ident(q.name)}", schema.field(q.name).type, as_of=as_of) for q in qis]
    raw = ", ".join(quote_ident(c) for c in COLUMNS)
    classes = (
        "SELECT "
        + ", ".join(f"{e} AS q{i}" for i, e in enumerate(exprs))
        + f", sum(n) AS n FROM (SELECT {raw}, count(*) AS n FROM read_parquet('{src}') GROUP BY ALL) AS r GROUP BY ALL"
    )
    cols = ", ".join(quote_ident(c) for c in COLUMNS)

    def group_by() -> int:
        con = duckdb.connect()
        out = int(
            scalar(con, f"SELECT count(*) FROM (SELECT {cols}, count(*) FROM read_parquet('{src}') GROUP BY ALL)")
        )
        con.close()
        return out

    def risk() -> Anonymisation:
        con = duckdb.connect()
        res = anonymise(con, classes, qis, [], Targets(5, 2, 0.05))
        con.close()
        return res

    def timed(label: str, fn: Callable[[], Any]) -> Any:
        w = time.perf_counter()
        out = fn()
        wall = time.perf_counter() - w
        print(f"  {label:<44s} wall {wall:7.2f}s  ({n / wall:>12,.0f} rows/s)", flush=True)
        return out, wall

    t_base = t_risk = float("inf")
    for _ in range(repeat):
        groups, t = timed("group by (6 raw columns, count(*))", group_by)
        t_base = min(t_base, t)
        res, t = timed("risk (classes + lattice search + report)", risk)
        t_risk = min(t_risk, t)
    r = res.report
    print(f"  raw classes: {groups:,}; at the lowest levels: {r.before['classes']:,} (k={r.before['k']})")
    print(
        f"  chosen: {', '.join(q['name'] + '=' + q['level_name'] for q in r.quasi_identifiers)}; k={r.k_achieved}, "
        f"suppressed {r.suppressed_rows:,} ({r.suppressed_share:.2%}), loss {r.information_loss:.3f}, met={r.met}"
    )
    print(
        f"  lattice: {r.search['nodes']} nodes, {r.search['evaluated']} evaluated by GROUP BY, "
        f"{r.search['prechecked']} settled by a class-count bound (HyperLogLog)"
    )
    print(f"  best of {repeat}: risk {t_risk:.2f}s | group by {t_base:.2f}s | ratio {t_risk / t_base:.2f}", flush=True)
    src.unlink(missing_ok=True)
    return t_risk, t_base


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each (best is kept)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pubdata-risk-bench-"))
    import duckdb

    from core.sql import scalar

    threads = scalar(duckdb.connect(), "SELECT current_setting('threads')")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"cores {os.cpu_count()} | DuckDB threads {threads} | load average at start {load} "
        f"(1/5/15 min; > cores means other work competes for the CPU: timings are noisy)"
    )
    try:
        n = args.rows
        print(f"rows={n:,} x {len(COLUMNS)} quasi-identifiers")
        t_risk, t_base = run(n, work, args.repeat)
        print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"BENCH risk rows={n} seconds={t_risk:.2f} ratio_vs_groupby={t_risk / t_base:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
