"""``pubdata review``: data officers confirm or override a column's privacy classification."""

from __future__ import annotations

import argparse
import json

from core import PrivacyError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="list, confirm or override column classifications",
        description="Without --column: list the latest classification of a dataset. "
        "With --column/--level/--by/--reason: record an officer's decision.",
    )
    p.add_argument("dataset", metavar="DEPARTMENT.DATASET")
    p.add_argument("--column")
    p.add_argument("--level", choices=["sensitive", "personal", "none"])
    p.add_argument("--entity", help="entity name (e.g. PERSON_NAME) or 'none'")
    p.add_argument("--by", dest="reviewer", help="who decides")
    p.add_argument("--reason", help="why")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from catalog.reviews import add_review, latest_classification

    dept, _, ds = args.dataset.partition(".")
    if not ds:
        raise PrivacyError("name the dataset as DEPARTMENT.DATASET, e.g. health.clinic_visits")
    if args.column:
        if not (args.level and args.reviewer and args.reason):
            raise PrivacyError("an override needs --level, --by and --reason")
        entity = None if (args.entity or "").lower() in ("", "none", "null") else args.entity
        add_review(dept, ds, args.column, level=args.level, entity=entity, reviewer=args.reviewer, reason=args.reason)
        print(f"recorded: {dept}.{ds}.{args.column} -> {args.level}/{entity} by {args.reviewer}")
        return 0
    rows = latest_classification(dept, ds)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    if not rows:
        print(f"{dept}.{ds} has not been classified yet")
        return 0
    for r in rows:
        flag = "  <- needs re-review" if r["needs_review"] else ""
        print(f"{r['column']:<24} {r['level']:<10} {str(r['entity']):<18} {r['confidence']:.2f} {r['source']}{flag}")
    return 0
