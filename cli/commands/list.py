"""``pubdata list``: the catalog's datasets."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the catalog's datasets")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from catalog.queries import list_datasets

    rows = list_datasets()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    if not rows:
        print("no datasets yet: run `pubdata run` (or `make demo`)")
        return 0
    width = max(len(f"{r['department_id']}.{r['dataset_id']}") for r in rows)
    for r in rows:
        name = f"{r['department_id']}.{r['dataset_id']}"
        ver = f"v{r['version']}" if r["version"] else "-"
        h = r.get("harvest")
        origin = (
            ""
            if h is None
            else f"  [harvested from {h['source_portal']}"
            + (", withdrawn upstream]" if h["state"] == "withdrawn" else "]")
        )
        print(
            f"{name:<{width}}  {ver:>5}  {r['rows'] or 0:>8} rows  {r['open_tier'] or 'unpublished':<11}  {r['title']}"
            + origin
        )
    return 0
