"""``pubdata review``: data officers confirm or override a column's privacy classification, and
release columns held for review."""

from __future__ import annotations

import argparse
import json

from core import PrivacyError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="list, confirm or override column classifications; the queue of columns held for review",
        description="Without --column: list the latest classification of a dataset (columns held for "
        "review are marked HELD). With --column/--level/--by/--reason: record an officer's decision "
        "(it applies from the next run: a held column released as 'none' is published). "
        "--pending: the columns held for review across all datasets (or one department/dataset).",
    )
    p.add_argument("dataset", metavar="DEPARTMENT.DATASET", nargs="?")
    p.add_argument("--pending", action="store_true", help="list the columns awaiting an officer's review")
    p.add_argument("--column")
    p.add_argument("--level", choices=["sensitive", "personal", "none"])
    p.add_argument("--entity", help="entity name (e.g. PERSON_NAME) or 'none'")
    p.add_argument("--by", dest="reviewer", help="who decides")
    p.add_argument("--reason", help="why")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _pending(args: argparse.Namespace, dept: str | None, ds: str | None) -> int:
    from catalog.reviews import review_queue

    rows = review_queue(dept, ds)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    if not rows:
        print("no column is held for review")
        return 0
    print(f"{len(rows)} column(s) held for review (left out of open data until an officer decides):")
    for r in rows:
        state = f"reviewed by {r['reviewed']}: applies on the next run" if r["reviewed"] else "awaiting review"
        print(f"  {r['department_id']}.{r['dataset_id']}  {r['column']}  [{state}]")
        print(f"      {r['reason']}")
    print(
        "release or confirm one with: pubdata review DEPT.DATASET --column C --level none|personal|sensitive "
        "--by WHO --reason WHY"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    from catalog.reviews import add_review, latest_classification

    dept, _, ds = (args.dataset or "").partition(".")
    if args.pending:
        return _pending(args, dept or None, ds or None)
    if not ds:
        raise PrivacyError(
            "name the dataset as DEPARTMENT.DATASET, e.g. health.clinic_visits (or use --pending for the queue)"
        )
    if args.column:
        if not (args.level and args.reviewer and args.reason):
            raise PrivacyError("an override needs --level, --by and --reason")
        entity = None if (args.entity or "").lower() in ("", "none", "null") else args.entity
        add_review(dept, ds, args.column, level=args.level, entity=entity, reviewer=args.reviewer, reason=args.reason)
        print(
            f"recorded: {dept}.{ds}.{args.column} -> {args.level}/{entity} by {args.reviewer} (applies on the next run)"
        )
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
        if r["review"]:
            flag = "  <- HELD for review: " + str(r["review_reason"])
        print(f"{r['column']:<24} {r['level']:<10} {str(r['entity']):<18} {r['confidence']:.2f} {r['source']}{flag}")
    return 0
