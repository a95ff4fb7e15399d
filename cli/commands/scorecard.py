"""``pubdata scorecard`` and ``pubdata withheld``: departments compared; what should be open but is not."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scorecard", help="department ranking: quality, timeliness, openness, quarantine, usage")
    p.add_argument("--json", action="store_true")
    p.add_argument("--history", action="store_true", help="every department run, not only the latest")
    p.set_defaults(func=run)
    p = sub.add_parser("withheld", help="datasets withheld without a negative-list rule, per department")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_withheld)


def run(args: argparse.Namespace) -> int:
    from catalog.scorecard import department_runs, ranking

    rows = department_runs() if args.history else ranking()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    if not rows:
        print("no runs yet: run `pubdata run` first")
        return 0
    print(
        f"{'#':>2}  {'department':<20} {'composite':>9} {'quality':>8} {'on time':>8} {'open':>6} "
        f"{'quarantine':>10} {'used':>6} {'withheld w/o rule':>17} {'demands':>7} {'on time':>7} {'overdue':>7} "
        f"{'no basis':>8} {'median wd':>9} {'awaiting review':>15}"
    )
    for i, r in enumerate(rows, 1):
        median = r.get("median_response_days")
        print(
            f"{r.get('rank', i):>2}  {r['department_id']:<20} {r['composite']:>9.1f} {r['quality']:>8.1f} "
            f"{r['on_time']:>8.0%} {r['open_share']:>6.0%} {r['quarantine_rate']:>10.2%} "
            f"{r['usage']:>6.0%} {r['withheld_without_rule']:>17} {r['received']:>7} {r['answered_on_time']:>7} "
            f"{r['overdue']:>7} {r['refused_without_basis']:>8} {'-' if median is None else f'{median:g}':>9} {r.get('awaiting_review', 0):>15}"
        )
    return 0


def run_withheld(args: argparse.Namespace) -> int:
    from catalog.scorecard import withheld_report

    report = withheld_report()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=str, indent=1))
        return 0
    if not report:
        print("every registered dataset is open or withheld by a negative-list rule")
        return 0
    for dept, items in report.items():
        print(dept)
        for it in items:
            print(f"  {it['dataset_id'] or it.get('demand_id', ''):<24} {it['reason']}")
    return 0
