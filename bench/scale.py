"""Benchmark: publish the same N datasets through the distributed profile with 1 and with 2 Celery workers.

    .venv/bin/python bench/scale.py                  # N=8 datasets x 20,000 rows
    .venv/bin/python bench/scale.py --datasets 12 --rows 50000

A fresh loopback cluster (``pubdata cluster up --no-workers``: PostgreSQL, Redis, SeaweedFS,
Airflow API server, scheduler, DAG processor) is started in a temporary ``PUBDATA_HOME`` with one
generated department ``bench`` of N datasets (CSV sources, no personal data: every stage runs,
protection is light). Each worker runs one task at a time (``PUBDATA_WORKER_CONCURRENCY=1``), so
"workers" = task slots. Timed from trigger to DAG-run success (all 5 stages of every dataset,
publish into the DuckLake catalog and the object store):

1. worker-1 alone: one DAG run;
2. worker-1 + worker-2: one more DAG run (new versions of the same N datasets).

A warm-up run (2 workers) first takes the one-off costs (first parse, catalog creation, key
generation) out of both measurements. Prints datasets/min of each and the speed-up; the cluster
is torn down at the end. Last line: ``BENCH scale datasets=<n> speedup_2_workers=<x>``.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO))


def make_department(root: Path, n: int, rows: int) -> Path:
    depts = root / "departments"
    depts.mkdir(parents=True)
    src = root / "home" / "sources" / "bench"
    src.mkdir(parents=True)
    rng = random.Random(7)
    lines = [
        "id: bench",
        "name: 基准测试厅",
        "contact: {name: 测试处, email: bench@example.gov.cn}",
        "schedule: none",
        "datasets:",
    ]
    for i in range(n):
        with open(src / f"ds{i:03d}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["record_id", "category", "amount", "day"])
            for r in range(rows):
                w.writerow(
                    [
                        f"R{i:03d}{r:07d}",
                        rng.choice("ABCDEFGH"),
                        f"{rng.uniform(0, 10000):.2f}",
                        f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    ]
                )
        lines += [
            f"  - id: ds{i:03d}",
            f"    title: 基准数据集 {i}",
            "    update_frequency: irregular",
            f"    source: {{type: file, path: bench/ds{i:03d}.csv}}",
            "    primary_key: [record_id]",
            "    about_people: false",
            "    columns:",
            "      - {name: record_id, required: true, unique: true}",
            "      - {name: category, enum: [A, B, C, D, E, F, G, H]}",
            "      - {name: amount, type: number, standard: amount, minimum: 0}",
            "      - {name: day, type: date, standard: date}",
        ]
    (depts / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return depts


def pubdata(env: dict[str, str], *args: str, timeout: float = 900) -> str:
    out = subprocess.run(
        [str(BIN / "pubdata"), *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if out.returncode != 0:
        raise SystemExit(f"pubdata {' '.join(args)} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return out.stdout


def timed_run(api, dag_id: str) -> float:
    t0 = time.perf_counter()
    run = api.trigger(dag_id)
    states = api.wait({dag_id: run}, timeout=3600, poll=1.0)
    seconds = time.perf_counter() - t0
    if states[dag_id] != "success":
        bad = [(t["task_id"], t["state"]) for t in api.task_instances(dag_id, run) if t["state"] != "success"]
        raise SystemExit(f"{dag_id} run {run} {states[dag_id]}: {bad[:10]}")
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=int, default=8)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--keep", action="store_true", help="leave the cluster and its folder (debugging)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pubdata-bench-scale-"))
    home = work / "home"
    depts = make_department(work, args.datasets, args.rows)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "PUBDATA_"))}
    env.update(
        PUBDATA_HOME=str(home),
        PUBDATA_DEPARTMENTS=str(depts),
        PUBDATA_WORKERS="2",
        PUBDATA_WORKER_CONCURRENCY="1",
        PUBDATA_RETRY_DELAY="3",
        PYTHONPATH=str(REPO),
    )
    print(
        f"cores={os.cpu_count()} datasets={args.datasets} rows_per_dataset={args.rows:,} "
        f"(5 tasks each; 1 task slot per worker)",
        flush=True,
    )
    try:
        t0 = time.perf_counter()
        pubdata(env, "cluster", "up", "--no-workers")
        print(f"cluster up (no workers) in {time.perf_counter() - t0:.0f} s", flush=True)
        from orchestration.cluster import AirflowAPI, read_env_file, wait_for_dags

        cenv = {**env, **read_env_file(home / "cluster" / "env")}
        api = AirflowAPI(cenv)
        wait_for_dags(api, ["dept_bench"])
        pubdata(cenv, "cluster", "start-worker", "worker-1")
        pubdata(cenv, "cluster", "start-worker", "worker-2")
        warm = timed_run(api, "dept_bench")
        print(f"warm-up (2 workers): {warm:.1f} s", flush=True)
        pubdata(cenv, "cluster", "stop", "worker-2")  # idle now: stop it for the 1-worker run
        one = timed_run(api, "dept_bench")
        print(f"1 worker : {one:7.1f} s  {args.datasets / one * 60:6.1f} datasets/min", flush=True)
        pubdata(cenv, "cluster", "start-worker", "worker-2")
        two = timed_run(api, "dept_bench")
        print(f"2 workers: {two:7.1f} s  {args.datasets / two * 60:6.1f} datasets/min", flush=True)
        rows_per_s = args.datasets * args.rows / two
        print(
            f"2 workers publish {rows_per_s:,.0f} source rows/s end to end; load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        print(f"BENCH scale datasets={args.datasets} speedup_2_workers={one / two:.2f}")
    finally:
        if not args.keep:
            subprocess.run(
                [str(BIN / "pubdata"), "cluster", "down"], env=env, cwd=REPO, capture_output=True, timeout=300
            )
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
