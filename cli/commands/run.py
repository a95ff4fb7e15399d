"""``pubdata run [--department ID ...]``: run department DAGs through Airflow, with progress."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "run",
        help="run department DAGs through Airflow (dag.test) with progress",
        description="Run each department's DAG once. Exit 1 if any dataset failed.",
    )
    p.add_argument(
        "--department", "-d", action="append", metavar="ID", help="only this department (repeatable); default: all"
    )
    p.add_argument("--no-progress", action="store_true", help="no live display")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import gc

    try:
        return _run(args)
    finally:
        # the process ends after this: Airflow leaves millions of objects, and the interpreter's
        # full garbage collection at exit took 10-30 s; frozen objects are skipped (atexit
        # handlers still run), so a stopped run exits at once
        gc.freeze()


def _run(args: argparse.Namespace) -> int:
    from orchestration.demo import prepare_demo_sources
    from orchestration.runner import RunStopped, outcome_table, run_departments

    prepare_demo_sources(args.department)  # the bundled demo departments' sources, when missing
    try:
        outcomes = run_departments(args.department, progress=not args.no_progress)
    except RunStopped as stop:
        outcomes = getattr(stop, "outcomes", [])
        print(outcome_table(outcomes))
        unfinished = [f"{o.department}.{o.dataset}" for o in outcomes if not o.ok]
        print(
            f"\npubdata run {stop}: stopped {', '.join(unfinished) or 'nothing (every dataset had finished)'}; "
            "their Airflow task instances and DAG run are marked failed; nothing was half-published (a version "
            f"is published whole or not at all). Airflow output: {getattr(stop, 'log_path', '-')}",
            file=sys.stderr,
        )
        return stop.exit_code
    print(outcome_table(outcomes))
    failed = [o for o in outcomes if not o.ok]
    if failed:
        print(
            f"\n{len(failed)} dataset(s) failed: " + ", ".join(f"{o.department}.{o.dataset}" for o in failed),
            file=sys.stderr,
        )
        return 1
    return 0
