"""Benchmark: validate a 1e6-row person table with the generated suite vs a plain DuckDB query.

    .venv/bin/python bench/quality.py [--rows N] [--no-docs] [--repeat N] [--table PATH]
    .venv/bin/python bench/quality.py --tiny N [--repeat N]

``--tiny N``: the per-dataset cost instead (issue 19): N tiny datasets (100 rows, the columns of
``bench/pipeline.py``'s tiny department) validated one after the other in one process inside
``quality.docs_batch()``, as a batch's validate task does (each dataset's Data Docs pages, the
site's index once); ``--repeat`` batches (the first one after GX's start). Prints seconds per
dataset (all of ``validate_dataset``, and its GX part) and, last,
``BENCH quality_tiny datasets=<n> per_dataset_s=<best batch> gx_s=<its GX part>``.

Builds a text-source person table (all-string columns, as CSV/Excel extraction delivers them)
with ~1% planted bad values, then times

- ``quality.validate_dataset`` (conform + DuckDB checks + real GX validation + Data Docs +
  routing to valid/quarantine Parquet); the one-off ``import great_expectations`` (~7-10 s) is
  done before timing and printed separately;
- a plain DuckDB query computing the same checks over the same Parquet (null counts, regex
  matches, check-char arithmetic, set membership with the code list, uniqueness), aggregates only.

Also printed: DuckDB's floor for the stage (read the raw Parquet, write one Parquet file; before
each validation of ``--repeat``), the ratio to it, CPU seconds and the load average.

Last line: ``BENCH quality rows=<n> seconds=<s> ratio_vs_duckdb=<x>`` (best of ``--repeat``).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warehouse.storage import LakePath

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MANIFEST = {
    "id": "persons",
    "title": "Persons (bench)",
    "source": {"type": "file", "path": "persons.csv"},
    "primary_key": ["person_id"],
    "update_frequency": "irregular",
    "row_count": {"min": 1},
    "columns": [
        {"name": "person_id", "type": "integer", "required": True},
        {"name": "id_number", "standard": "cn_resident_id", "required": True, "privacy": "sensitive"},
        {"name": "name", "max_length": 20, "privacy": "personal"},
        {"name": "gender", "standard": "gender_code"},
        {"name": "region", "standard": "division_code"},
        {"name": "mobile", "standard": "cn_mobile", "privacy": "personal"},
        {"name": "email", "standard": "email", "privacy": "personal"},
        {"name": "birth_date", "type": "date", "standard": "date"},
        {"name": "status", "enum": ["active", "inactive", "moved"]},
        {"name": "income", "type": "number", "standard": "amount"},
    ],
}


def make_table(n: int, seed: int = 7):
    """A person table as all-string columns; ~1% of rows carry one planted bad value."""
    import numpy as np
    import pyarrow as pa

    from core.identifiers import ID_WEIGHTS, division_codes

    rng = np.random.default_rng(seed)
    counties = np.array([c for c in division_codes() if not c.endswith("00")])
    region = counties[rng.integers(0, len(counties), n)]
    days = rng.integers(0, 365 * 80, n)
    birth = (np.datetime64("1940-01-01") + days.astype("timedelta64[D]")).astype(str)
    ymd = np.char.replace(birth, "-", "")
    seq = np.char.zfill(rng.integers(0, 1000, n).astype(str), 3)
    first17 = np.char.add(np.char.add(region, ymd), seq)
    digits = np.frombuffer("".join(first17.tolist()).encode(), dtype=np.uint8).reshape(n, 17) - 48
    check = np.array(list("10X98765432"))[(digits.astype(np.int64) @ np.array(ID_WEIGHTS)) % 11]
    ids = np.char.add(first17, check).astype(object)
    mobile = np.char.add("1" + "3", np.char.zfill(rng.integers(0, 10**9, n).astype(str), 9)).astype(object)
    email = np.char.add(np.char.add("u", np.arange(n).astype(str)), "@example.gov.cn").astype(object)
    gender = np.where(digits[:, 16] % 2 == 1, "1", "2").astype(object)
    status = np.array(["active", "inactive", "moved"])[rng.integers(0, 3, n)].astype(object)
    income = np.round(rng.random(n) * 20000, 2).astype(str).astype(object)
    names = np.array(["张伟", "王芳", "李娜", "刘洋", "陈静"])[rng.integers(0, 5, n)].astype(object)
    pid = np.arange(1, n + 1).astype(str).astype(object)
    birth = birth.astype(object)
    region = region.astype(object)
    bad = rng.random(n) < 0.01
    kinds = rng.integers(0, 8, n)
    for i in np.flatnonzero(bad):
        k = kinds[i]
        if k == 0:
            ids[i] = ids[i][:17] + ("0" if ids[i][17] != "0" else "1")  # bad check char
        elif k == 1:
            region[i] = "999999"
        elif k == 2:
            mobile[i] = "12" + mobile[i][2:]
        elif k == 3:
            email[i] = "no-at-sign.example.cn"
        elif k == 4:
            birth[i] = "2023-02-30"
        elif k == 5:
            status[i] = "unknown"
        elif k == 6:
            income[i] = "-5"
        else:
            pid[i] = pid[i - 1] if i else pid[i]  # duplicate key
    cols = {
        "person_id": pid,
        "id_number": ids,
        "name": names,
        "gender": gender,
        "region": region,
        "mobile": mobile,
        "email": email,
        "birth_date": birth,
        "status": status,
        "income": income,
    }
    return pa.table({k: pa.array(v.tolist(), pa.string()) for k, v in cols.items()})


def duckdb_baseline(raw: Path | LakePath) -> tuple[float, tuple]:
    """The same checks as one plain DuckDB aggregate query (no routing, no report)."""
    import duckdb

    from quality.standards import STANDARDS, register_code_tables

    con = duckdb.connect()
    register_code_tables(con)
    t = time.perf_counter()
    s = STANDARDS
    assert s["cn_resident_id"].prepare is not None  # its SQL reads the prepared STRUCT
    sql = f"""
    WITH n AS MATERIALIZED (SELECT * REPLACE (upper(trim(id_number)) AS id_number, trim(region) AS region),
                                   {s["cn_resident_id"].prepare("id_number")} AS id_prepared
                            FROM read_parquet('{raw}'))
    SELECT count(*),
      count(*) FILTER (WHERE person_id IS NULL OR id_number IS NULL),
      count(*) FILTER (WHERE person_id IS NOT NULL AND TRY_CAST(person_id AS BIGINT) IS NULL),
      count(*) - count(DISTINCT person_id),
      count(*) FILTER (WHERE id_number IS NOT NULL AND NOT ({s["cn_resident_id"].sql("id_prepared")})),
      count(*) FILTER (WHERE length(name) > 20),
      count(*) FILTER (WHERE NOT ({s["gender_code"].sql("gender")})),
      count(*) FILTER (WHERE NOT ({s["division_code"].sql("region")})),
      count(*) FILTER (WHERE NOT ({s["cn_mobile"].sql("mobile")})),
      count(*) FILTER (WHERE NOT ({s["email"].sql("email")})),
      count(*) FILTER (WHERE NOT ({s["date"].sql("birth_date")})),
      count(*) FILTER (WHERE status NOT IN ('active', 'inactive', 'moved')),
      count(*) FILTER (WHERE NOT ({s["amount"].sql("income")}))
    FROM n"""
    row = con.execute(sql).fetchone()
    assert row is not None  # an aggregate query returns one row
    return time.perf_counter() - t, row


def floor(raw: Path | LakePath, out: Path) -> float:
    """DuckDB's floor for a stage that reads the raw run and writes one Parquet file: the same
    copy with nothing checked."""
    import duckdb

    con = duckdb.connect()
    t = time.perf_counter()
    con.execute(f"COPY (SELECT * FROM read_parquet('{raw}')) TO '{out}' (FORMAT parquet, COMPRESSION zstd)")
    con.close()
    return time.perf_counter() - t


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def tiny(n: int, repeat: int) -> None:
    """``--tiny``: seconds per tiny dataset of a batch's validations (see the module docstring)."""
    home = Path(tempfile.mkdtemp(prefix="pubdata-bench-tiny-"))
    os.environ["PUBDATA_HOME"] = str(home)
    import pyarrow as pa
    import pyarrow.parquet as pq
    from _pipeline_data import _dataset_yaml, _department_yaml, _rows

    from quality import _gx, docs_batch, validate_dataset
    from warehouse.lake import RunPaths
    from warehouse.manifest import load_department

    print(f"machine: {os.cpu_count()} cores; load {_load()}")
    rng = random.Random(19)
    blocks = [_dataset_yaml(f"ds{i:03d}", f"基准业务{i:03d}", f"tiny/ds{i:03d}.csv") for i in range(n)]
    (home / "tiny.yaml").parent.mkdir(parents=True, exist_ok=True)
    (home / "tiny.yaml").write_text(_department_yaml("tiny", blocks), encoding="utf-8")
    dept = load_department(home / "tiny.yaml")
    raws = [pa.Table.from_pylist(_rows(rng, f"R{i:03d}", 100)) for i in range(n)]
    t = time.perf_counter()
    _gx.context()
    print(f"import great_expectations + context (one-off per process): {time.perf_counter() - t:.2f} s")
    best = (float("inf"), 0.0)
    for b in range(repeat):
        run = f"bench__{b:02d}"
        jobs = []
        for ds, raw in zip(dept.datasets, raws, strict=True):
            paths = RunPaths.for_run("tiny", ds.id, run)
            paths.raw.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(raw, paths.raw)
            jobs.append((ds, paths))
        gx = 0.0
        t, cpu = time.perf_counter(), time.process_time()
        with docs_batch():
            for ds, paths in jobs:
                report = validate_dataset(
                    paths.raw, ds, paths, redact_columns={c.name for c in ds.columns if c.privacy != "none"}
                )
                assert report.success and report.docs_path, report.critical_failures
                gx += report.timings["gx"]
        secs, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(
            f"batch {b + 1} ({'first after GX start' if b == 0 else 'warm'}): {n} tiny datasets in {secs:.2f} s, "
            f"{secs / n:.3f} s per dataset (GX {gx / n:.3f} s, CPU {cpu / n:.3f} s); load {_load()}"
        )
        if b > 0 or repeat == 1:
            best = min(best, (secs / n, gx / n))
    print(f"BENCH quality_tiny datasets={n} per_dataset_s={best[0]:.3f} gx_s={best[1]:.3f}")


def main() -> None:
    if "--tiny" in sys.argv:
        ap = argparse.ArgumentParser()
        ap.add_argument("--tiny", type=int, required=True, help="tiny datasets per batch")
        ap.add_argument("--repeat", type=int, default=3, help="batches in this process (best warm one kept)")
        a = ap.parse_args()
        tiny(a.tiny, a.repeat)
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="validations in this process (floor before each); best kept")
    ap.add_argument("--table", type=Path, help="reuse this generated raw Parquet (written there when missing)")
    args = ap.parse_args()

    home = Path(tempfile.mkdtemp(prefix="pubdata-bench-"))
    os.environ["PUBDATA_HOME"] = str(home)
    import pyarrow.parquet as pq

    from quality import _gx, validate_dataset
    from warehouse.lake import RunPaths
    from warehouse.manifest import Dataset

    print(f"machine: {os.cpu_count()} cores; load {_load()}")
    t = time.perf_counter()
    paths = RunPaths.for_run("bench", "persons", "bench_run")
    paths.raw.parent.mkdir(parents=True, exist_ok=True)
    if args.table is not None and args.table.exists() and pq.read_metadata(args.table).num_rows == args.rows:
        paths.raw.write_bytes(args.table.read_bytes())
    else:
        pq.write_table(make_table(args.rows), paths.raw)
        if args.table is not None:
            args.table.write_bytes(paths.raw.read_bytes())
    print(f"generated {args.rows} rows in {time.perf_counter() - t:.2f} s -> {paths.raw}")
    dataset = Dataset.model_validate(MANIFEST)

    t = time.perf_counter()
    _gx.context()
    print(f"import great_expectations + context (one-off per process): {time.perf_counter() - t:.2f} s")

    base, counts = duckdb_baseline(paths.raw)
    print(f"duckdb baseline (same checks, aggregates only): {base:.2f} s  failures={counts[1:]}; load {_load()}")

    best = best_floor = float("inf")
    report = None
    for n in range(args.repeat):
        fl = floor(paths.raw, home / "floor.parquet")
        best_floor = min(best_floor, fl)
        t, cpu = time.perf_counter(), time.process_time()
        report = validate_dataset(paths.raw, dataset, paths, build_docs=not args.no_docs)
        secs, cpu = time.perf_counter() - t, time.process_time() - cpu
        best = min(best, secs)
        print(
            f"run {n + 1}: floor (DuckDB reads the raw Parquet, writes one Parquet) {fl:.2f} s; "
            f"validate_dataset {secs:.2f} s = {secs / fl:.1f}x the floor (CPU {cpu:.1f} s); load {_load()}"
        )
        print(f"  timings={report.timings}")
    assert report is not None
    print(
        f"  input={report.input_rows} valid={report.valid_rows} quarantined={report.quarantined_rows} "
        f"score={report.score} success={report.success}"
    )
    for r in report.rule_results:
        if not r["success"]:
            print(f"  failed {r['rule']}: {r['unexpected_count']}")
    print(f"best validate {best:.2f} s, best floor {best_floor:.2f} s: {best / best_floor:.1f}x the floor")
    ratio = best / base if base else float("inf")
    print(f"BENCH quality rows={report.input_rows} seconds={best:.2f} ratio_vs_duckdb={ratio:.2f}")


if __name__ == "__main__":
    random.seed(0)
    main()
