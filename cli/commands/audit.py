"""``pubdata audit``: verify and show the hash-chained audit log."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="verify or show the hash-chained audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="check that no entry was edited, deleted or reordered (exit 1 if so)")
    v.set_defaults(func=run_verify)
    s = asub.add_parser("show", help="print the newest entries")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--action", help="only actions starting with this (e.g. access)")
    s.add_argument("--subject", help="only this subject (e.g. health.clinic_visits)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_show)


def run_verify(args: argparse.Namespace) -> int:
    from catalog import audit

    ok, bad = audit.verify()
    n = audit.count()
    if ok:
        print(f"audit log intact: {n} entries, hash chain verified")
        return 0
    print(f"audit log BROKEN at entry {bad}: an entry was edited, deleted or reordered ({n} entries left)")
    return 1


def run_show(args: argparse.Namespace) -> int:
    from catalog import audit

    rows = audit.entries(limit=args.limit, action=args.action, subject=args.subject)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    for e in reversed(rows):
        print(
            f"{e['seq']:>6} {e['ts'][:19]} {e['actor']:<28} {e['action']:<22} {e['subject'] or '':<28} "
            f"{json.dumps(e['detail'], ensure_ascii=False)}"
        )
    return 0
