"""``pubdata cluster up|down|status|env``: the distributed profile on 127.0.0.1 (what ``make
cluster-up`` / ``make cluster-down`` call). The logic is in :mod:`orchestration.cluster`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cluster", help="start/stop the distributed profile's services on 127.0.0.1")
    p.add_argument("action", choices=["up", "down", "status", "env", "stop", "kill", "start-worker"])
    p.add_argument("service", nargs="?", help="stop / kill / start-worker: the service (e.g. worker-1)")
    p.add_argument("--no-workers", action="store_true", help="up: start everything but the Celery workers")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from orchestration import cluster

    if args.action == "up":
        cluster.up(workers=not args.no_workers)
        return 0
    if args.action == "down":
        cluster.down()
        return 0
    if args.action == "env":
        print(cluster.env_file())
        return 0
    if args.action == "stop":
        if not args.service:
            print("name the service, e.g. `pubdata cluster stop worker-2`")
            return 2
        cluster.stop_service(args.service)
        return 0
    if args.action == "kill":
        if not args.service:
            print("name the service, e.g. `pubdata cluster kill worker-1`")
            return 2
        pgid = cluster.kill_service(args.service)
        print(f"killed {args.service} (SIGKILL to process group {pgid})")
        return 0
    if args.action == "start-worker":
        cluster.start_worker(args.service or "worker-1")
        return 0
    width = max(len(n) for n in cluster.all_services())
    running = 0
    for name, pid in cluster.status().items():
        print(f"{name:<{width}}  {'running (process group ' + str(pid) + ')' if pid else 'stopped'}")
        running += bool(pid)
    return 0 if running else 3
