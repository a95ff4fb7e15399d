"""``pubdata airflow start|stop|status``: Airflow's own UI and scheduler (``airflow standalone``)
with the same DAGs and PUBDATA_HOME, for data engineers (what ``make airflow`` calls). The logic
is in :mod:`orchestration.standalone`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "airflow",
        help="start/stop Airflow's UI and scheduler (airflow standalone) on 127.0.0.1",
        description="start: generate the demo departments' missing sources, serve their HTTP source, start "
        "airflow standalone and wait until it answers; stop: stop all of it; status: running or stopped.",
    )
    p.add_argument("action", choices=["start", "stop", "status"])
    p.add_argument("--wait", type=int, default=600, help="seconds to wait for Airflow to be ready (start)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from orchestration import standalone

    if args.action == "start":
        return standalone.start(wait=args.wait)
    if args.action == "stop":
        return standalone.stop()
    return standalone.status()
