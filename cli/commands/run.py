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
    from orchestration.demo import prepare_demo_sources
    from orchestration.runner import outcome_table, run_departments

    prepare_demo_sources(args.department)  # the bundled demo departments' sources, when missing
    outcomes = run_departments(args.department, progress=not args.no_progress)
    print(outcome_table(outcomes))
    failed = [o for o in outcomes if not o.ok]
    if failed:
        print(
            f"\n{len(failed)} dataset(s) failed: " + ", ".join(f"{o.department}.{o.dataset}" for o in failed),
            file=sys.stderr,
        )
        return 1
    return 0
