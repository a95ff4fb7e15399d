"""``pubdata classify PATH [--json]``: classify the columns of a data file.

Reads CSV (UTF-8 / UTF-8 BOM / GBK / GB18030, detected), Parquet, JSON Lines or XLSX through
:func:`warehouse.sources.read_file` and prints, per column, the entity found, the level
(``sensitive`` | ``personal`` | ``none``), the confidence and the evidence. ``--json`` prints
one JSON object (the contract: ``{"columns": [{"name", "entity", "level", "confidence", ...}],
"rows": ..., ...}``). A file that cannot be read exits with code 2 and ``error: <why>`` on
stderr. Values are never printed.

Registered by the ``pubdata`` console script through :func:`register`; also runnable as
``python -m cli.commands.classify PATH [--json]``. A column held for an officer's review (in a
table about people, not positively recognised as non-personal) has ``"review": true`` and its
``review_reason``; the table shows ``held``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from core import PubdataError

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``classify`` subcommand."""
    p = subparsers.add_parser(
        "classify",
        help="detect personal information in the columns of a data file",
        description="Classify each column of a CSV/Parquet/JSONL/XLSX file: entity, level "
        "(sensitive | personal | none), confidence and evidence (never raw values).",
    )
    p.add_argument("path", metavar="PATH", help="data file (csv, tsv, parquet, jsonl, xlsx)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument(
        "--sample-size",
        type=int,
        default=None,
        metavar="N",
        help="non-null values sampled per column (default: PUBDATA_SAMPLE_SIZE, 1000)",
    )
    p.add_argument("--levels", default=None, metavar="FILE", help="level policy YAML (default: privacy/levels.yaml)")
    p.add_argument("--title", default=None, help="dataset title (helps decide whether rows are people)")
    about = p.add_mutually_exclusive_group()
    about.add_argument(
        "--about-people",
        dest="about_people",
        action="store_const",
        const=True,
        default=None,
        help="rows describe people (contacts and coordinates are personal)",
    )
    about.add_argument(
        "--about-organisations",
        dest="about_people",
        action="store_const",
        const=False,
        help="rows describe organisations or places",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="show the evidence in the table")
    p.set_defaults(func=run)


def _print_table(path: str, result: Any, verbose: bool) -> None:
    from rich.console import Console  # lazy: every subcommand module is imported at start-up
    from rich.table import Table

    colour = {"sensitive": "red", "personal": "yellow", "none": "green"}
    head = f"{path}: {result.rows} rows, {result.sampled} sampled per column, subject: {result.subject}" + (
        f", minors under 14 in {100 * result.minors_rows_share:.1f}% of sampled rows" if result.minors else ""
    )
    table = Table(title=head, title_justify="left")
    for name in ("column", "entity", "level", "confidence", "review") + (("evidence",) if verbose else ()):
        table.add_column(name, overflow="fold")
    for c in result.columns:
        row = [c.name, c.entity or "-", f"[{colour[c.level]}]{c.level}[/]", f"{c.confidence:.2f}"]
        row.append("[bold]held[/]" if c.review else "")
        if verbose:
            row.append("\n".join(c.evidence))
        table.add_row(*row)
    Console(soft_wrap=False).print(table)


def _without_pandas_probe() -> None:
    """pyarrow asks "is pandas installed?" (importing it: ~0.7 s) the first time it converts
    anything; this command never hands pyarrow a pandas object, so the first probe is answered
    "no" without the import. pyarrow retries the import whenever pandas is actually needed."""
    import sys

    import pyarrow as pa

    class _NoPandas:
        @staticmethod
        def find_spec(name: str, *args: object) -> None:
            if name == "pandas":
                raise ImportError("pandas is not needed to classify a file")

    if "pandas" in sys.modules:
        return
    sys.meta_path.insert(0, _NoPandas)
    try:
        pa.array([0])
    finally:
        sys.meta_path.remove(_NoPandas)


def run(args: argparse.Namespace) -> int:
    """Classify ``args.path``; return the exit code (0 ok, 2 unreadable file or bad settings)."""
    try:
        _without_pandas_probe()
        from warehouse.sources import read_file

        if args.sample_size is not None and args.sample_size < 1:
            raise PubdataError("--sample-size must be at least 1")
        table = read_file(args.path).table
        # imported after the file is read: a bad path fails fast, without loading Presidio
        from privacy.classification import classify_table

        context: dict[str, Any] = {}
        if args.title:
            context["dataset_title"] = args.title
        if args.about_people is not None:
            context["about_people"] = args.about_people
        result = classify_table(table, sample_size=args.sample_size, context=context or None, levels=args.levels)
    except PubdataError as exc:
        msg = str(exc) + (f" ({exc.hint})" if exc.hint else "")
        print(f"error: {msg}", file=sys.stderr)
        return 2
    if args.json:
        out = result.to_dict()
        out["file"] = str(args.path)
        print(json.dumps(out, ensure_ascii=False))
    else:
        _print_table(str(args.path), result, args.verbose)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m cli.commands.classify PATH [--json]``: the same as ``pubdata classify``."""
    from cli.main import main as cli_main

    return cli_main(["classify", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
