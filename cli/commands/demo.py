"""``pubdata demo-data`` and ``pubdata demo``: the bundled demo departments end to end."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo-data", help="generate the demo departments' sources (deterministic)")
    p.set_defaults(func=run_data)
    p = sub.add_parser("demo", help="generate demo sources, run every department DAG, serve the portal")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-serve", action="store_true", help="stop after the runs")
    p.add_argument(
        "--no-history",
        action="store_true",
        help="no back-dated history runs before today's (an empty catalog gets them)",
    )
    p.set_defaults(func=run_demo)


def run_data(args: argparse.Namespace) -> int:
    from orchestration.demo import generate

    print(f"demo sources written to {generate()}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from cli.commands import run as run_cmd
    from cli.commands import serve

    run_data(args)
    if not args.no_history:
        from orchestration.demo_history import add_history

        if add_history():
            print("history added: three earlier runs of every demo department (versions 1-3, back-dated)")
    code = run_cmd.run(argparse.Namespace(department=None, no_progress=False))
    if code != 0:
        print("some datasets failed (see above); the portal serves what was published")
    if args.no_serve:
        return code
    return serve.run(argparse.Namespace(host=args.host, port=args.port))
