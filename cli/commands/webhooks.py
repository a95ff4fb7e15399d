"""``pubdata webhooks add|list|remove``: a department is told (HMAC-signed POST) of new versions."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("webhooks", help="webhooks: a department is notified of new versions of datasets it receives")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("add", help="register a webhook (prints its signing secret once)")
    a.add_argument("--department", required=True, help="the receiving department")
    a.add_argument("--dataset", required=True, metavar="D.S", help="a dataset it receives (open or shared to it)")
    a.add_argument("--url", required=True, help="where to POST (http or https)")
    a.set_defaults(func=run_add)
    ls = actions.add_parser("list", help="registered webhooks and their last delivery")
    ls.add_argument("--department")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    rm = actions.add_parser("remove", help="unregister (by --id, or --department with --dataset/--url)")
    rm.add_argument("--id")
    rm.add_argument("--department")
    rm.add_argument("--dataset", metavar="D.S")
    rm.add_argument("--url")
    rm.set_defaults(func=run_remove)


def run_add(args: argparse.Namespace) -> int:
    from catalog.webhooks import add

    row, secret = add(args.department, args.dataset, args.url)
    print(f"webhook {row['id']}: {row['department_id']} <- {row['owner_department_id']}.{row['dataset_id']}")
    print(f"signing secret (shown once; keep it with the receiver): {secret}")
    print(
        "each POST carries X-Pubdata-Timestamp and X-Pubdata-Signature: sha256=HMAC-SHA256(secret, timestamp + '.' + body)"
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from catalog.webhooks import list_webhooks

    rows = list_webhooks(args.department)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    if not rows:
        print("no webhooks registered")
        return 0
    for r in rows:
        print(
            f"{r['id']}  {r['department_id']:<18} {r['owner_department_id']}.{r['dataset_id']:<28} {r['url']}  "
            f"{r['last_status'] or 'no delivery yet'}"
        )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from catalog.webhooks import remove

    n = remove(args.id, department=args.department, dataset_ref=args.dataset, url=args.url)
    print(f"{n} webhook(s) removed")
    return 0 if n else 1
