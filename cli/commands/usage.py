"""``pubdata usage``: use of the published data (运营评估), and the monthly export for the national platform."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "usage",
        help="use of the published data: downloads, API calls, queries, previews, harvests (运营评估)",
        description="Counts recorded by the portal (written in batches; a running portal flushes at most "
        "PUBDATA_USAGE_FLUSH_SECONDS after a use). With --month and --export: the monthly report for the "
        "national platform as CSV and JSON.",
    )
    p.add_argument("--department", "-d", metavar="ID", help="only this department's datasets")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="from this day (UTC) on")
    p.add_argument("--month", metavar="YYYY-MM", help="the month to export")
    p.add_argument("--export", metavar="DIR", type=Path, help="write pubdata-usage-<month>.csv and .json into DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from catalog import usage_stats

    if args.export or args.month:
        if not (args.export and args.month):
            print("error: --export needs --month (and --month is for --export)")
            return 2
        csv_path, json_path = usage_stats.export_month(args.month, args.export)
        print(f"{csv_path}\n{json_path}")
        return 0
    rep = usage_stats.report(department=args.department, since=args.since)
    if args.json:
        print(json.dumps(rep, ensure_ascii=False, indent=1, default=str))
        return 0
    period = f"{rep['period']['since'] or 'start'} .. {rep['period']['until']}"
    print(f"usage {period}" + (f", department {args.department}" if args.department else "") + f": {rep['total']} uses")
    if not rep["total"]:
        print("nothing recorded yet (the portal records downloads, API calls, queries, previews and harvests)")
    print("  " + "  ".join(f"{k} {n}" for k, n in rep["totals"].items()))
    print("  by consumer: " + ", ".join(f"{k} {n}" for k, n in rep["by_consumer"].items()))
    for d in rep["by_dataset"][:20]:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(d["kinds"].items()))
        print(f"  {d['department']}.{d['dataset']:<28} {d['total']:>7}  ({kinds}; {d['client_days']} client-days)")
    if rep["never_used"]:
        print("never used: " + ", ".join(f"{d['department']}.{d['dataset']}" for d in rep["never_used"]))
    demand = rep["demand_fulfilment"]
    print(
        "demand fulfilment: " + (f"{demand['fulfilled']}/{demand['demands']}" if demand else "n/a (no demands table)")
    )
    return 0
