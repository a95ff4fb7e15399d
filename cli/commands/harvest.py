"""``pubdata harvest``: harvest other portals' catalogs (CKAN, DCAT) named in a department's manifest."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "harvest",
        help="harvest other portals' catalogs (the ckan/dcat entries of a manifest), in this process",
        description="Run the harvest entries of a department without Airflow (the department's DAG runs the "
        "same code as task groups): list the remote catalog, fetch what changed, mark what disappeared as "
        "withdrawn, and pull data through the pipeline where the manifest asks for it. Exit 1 if a harvest "
        "or a pull failed.",
    )
    p.add_argument("--department", "-d", required=False, metavar="ID", help="the harvesting department")
    p.add_argument("--entry", action="append", metavar="ID", help="only this harvest entry (repeatable)")
    p.add_argument("--full", action="store_true", help="fetch every remote dataset again, changed or not")
    p.add_argument("--no-data", action="store_true", help="metadata only this time (no data pulls)")
    p.add_argument("--status", action="store_true", help="show the latest harvest runs instead of harvesting")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.status:
        return _status(args)
    if not args.department:
        print("error: --department is required to harvest", file=sys.stderr)
        return 2
    from core.clock import utcnow
    from orchestration.harvest import harvest_department
    from warehouse.manifest import load_department_by_id

    department = load_department_by_id(args.department)
    run_id = f"harvest__{utcnow().isoformat(timespec='seconds')}"
    results = harvest_department(department, run_id, entries=args.entry, full=args.full, pull=not args.no_data)
    if not results:
        print(f"error: department {args.department} has no harvest entry (source type ckan or dcat)", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1, default=str))
    else:
        for r in results:
            mark = "ok  " if r.status == "ok" else "FAIL"
            print(f"{mark} {r.department}.{r.entry}: {r.summary()}")
            for p in r.pulls:
                extra = f" v{p['version']}" if p.get("version") else ""
                print(f"     {p['dataset']}: {p['status']}{extra}" + (f" — {p['message']}" if p.get("message") else ""))
    failed = [r for r in results if r.status != "ok" or any(p["status"] == "failed" for p in r.pulls)]
    return 1 if failed else 0


def _status(args: argparse.Namespace) -> int:
    from catalog.harvest import harvest_runs

    rows = harvest_runs(args.department)
    latest: dict[tuple[str, str], dict] = {}
    for r in rows:
        latest.setdefault((r["department_id"], r["harvest_id"]), r)
    if args.json:
        print(json.dumps(list(latest.values()), ensure_ascii=False, indent=1, default=str))
        return 0
    if not latest:
        print("no harvest has run yet")
        return 0
    for (dept, entry), r in sorted(latest.items()):
        what = (
            f"{r['listed']} listed, {r['added']} new, {r['changed']} changed, {r['withdrawn']} withdrawn"
            if r["status"] == "ok"
            else r["message"]
        )
        print(f"{dept}.{entry}  {r['status']:<6} {r['finished_at']:%Y-%m-%d %H:%M}  {r['source_portal']}  {what}")
    return 0
