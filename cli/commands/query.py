"""``pubdata query``: an aggregate query over a granted dataset (可用不可见), as ``POST /api/query`` runs it."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

_FILTER = re.compile(r"^(?P<col>.+?)(?P<op>!=|>=|<=|=|>|<)(?P<value>.*)$")
_OPS = {"=": "eq", "!=": "ne", ">=": "ge", "<=": "le", ">": "gt", "<": "lt"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "query",
        help="aggregate query over a dataset your department holds a grant for (rows never leave)",
        description="Runs on the server's copy of the data under the department's grant: small cells are "
        "suppressed (with complementary cells), noise is added where the policy says so and charged to the "
        "grant's privacy budget; the query's shape is audited.",
    )
    p.add_argument("dataset", metavar="DEPARTMENT.DATASET", nargs="?")
    p.add_argument("--as", dest="department", required=True, metavar="DEPT", help="the department holding the grant")
    p.add_argument("--spec", metavar="FILE", help="the query as JSON (the body of POST /api/query); - for stdin")
    p.add_argument("--group-by", default="", help="columns, comma-separated")
    p.add_argument(
        "--agg",
        action="append",
        default=[],
        metavar="FN[:COLUMN[:LOW:HIGH]]",
        help="count, count:col, sum:col[:low:high], avg:col[:low:high], min:col, max:col (repeatable)",
    )
    p.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="EXPR",
        help="col=value, col!=value, col>=n, col<n ... (repeatable)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _spec(args: argparse.Namespace) -> dict[str, Any]:
    from core import PubdataError

    if args.spec:
        if args.spec == "-":
            text = sys.stdin.read()
        else:
            with open(args.spec, encoding="utf-8") as f:
                text = f.read()
        try:
            spec = json.loads(text)
        except ValueError:
            raise PubdataError(f"{args.spec}: not valid JSON") from None
        if args.dataset:
            spec["dataset"] = args.dataset
        return spec
    if not args.dataset:
        raise PubdataError("name the dataset (DEPARTMENT.DATASET) or give --spec")
    filters: dict[str, dict[str, str]] = {}
    for expr in args.filter:
        m = _FILTER.match(expr)
        if not m:
            raise PubdataError(f"--filter {expr[:60]!r}: write COLUMN=VALUE, COLUMN>=N ...")
        filters.setdefault(m["col"].strip(), {})[_OPS[m["op"]]] = m["value"].strip()
    aggregates = []
    for a in args.agg or ["count"]:
        parts = a.split(":")
        agg: dict[str, Any] = {"fn": parts[0]}
        if len(parts) > 1:
            agg["column"] = parts[1]
        if len(parts) == 4:
            try:
                agg["bounds"] = [float(parts[2]), float(parts[3])]
            except ValueError:
                raise PubdataError(f"--agg {a[:60]!r}: bounds are numbers") from None
        elif len(parts) not in (1, 2):
            raise PubdataError(f"--agg {a[:60]!r}: write FN, FN:COLUMN or FN:COLUMN:LOW:HIGH")
        aggregates.append(agg)
    return {
        "dataset": args.dataset,
        "filters": filters,
        "group_by": [c.strip() for c in args.group_by.split(",") if c.strip()],
        "aggregates": aggregates,
    }


def run(args: argparse.Namespace) -> int:
    from catalog import services

    result = services.query(args.department, _spec(args), actor=f"cli:{args.department}", token_id=None)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str, indent=1))
        return 0
    cols = [*result["group_by"], *result["aggregates"]]
    print("\t".join(cols))
    for row in result["rows"]:
        cells = [row[c] for c in result["group_by"]]
        cells += ["(suppressed)" if row["suppressed"] else row[c] for c in result["aggregates"]]
        print("\t".join("" if v is None else str(v) for v in cells))
    b = result["budget"]
    noise = result["noise"]
    print(
        f"# {result['suppressed_cells']} of {len(result['rows'])} cells suppressed (threshold {result['threshold']}); "
        + (f"{noise['mechanism']} noise, ε {noise['epsilon']:g}; " if noise else "no noise; ")
        + ("" if b["total"] is None else f"budget ε {b['spent']:g} of {b['total']:g} spent, {b['remaining']:g} left"),
        file=sys.stderr,
    )
    for label, reason in result.get("withheld", {}).items():
        print(f"# {label} {reason}", file=sys.stderr)
    return 0
