"""The column classifier measured on the evaluation sets (``eval/``).

Generates the v1 evaluation tables (``eval/classify``) into a temporary directory with
``eval/classify/generate.py`` (or reads a set generated before, ``--data DIR``), reads every
table the way the pipeline does (:func:`warehouse.sources.read_file`, with the file's delimiter
and header line) and classifies it with :func:`privacy.classify_table` given only what a manifest
that declares column names would give: the dataset title.

Rule of use (``eval/README.md``): v1 (BOTH halves, tune and report) has been seen while tuning
the classifier and is tuning material; it is printed as ``tune (v1, all)``. The reporting set is
an independent held-out set (v2, ``eval/classify2``) written by someone else and never used for
tuning: give it with ``--data2 DIR`` (reads ``DIR/labels.json``, same schema as v1's; every table
counts as "report"; repeatable: v2 and v4, ``eval/classify4``, are reported together) or
``--report-data DIR --report-labels FILE``. The last line is computed on all reporting sets
together::

    BENCH classify-eval level_acc=<x> sens_recall=<x> leak_recall=<x> fp_rate=<x> entity_acc=<x>

When no reporting set is given, the BENCH line is computed on v1 and the output says so
("v1: seen during tuning, not a held-out figure").

Definitions (a column *held for review* is one the classifier marks ``review: true``: it is left
out of open data until an officer decides):

* level accuracy: share of labelled columns whose predicted level equals the label; a column
  held for review counts as correct if its label is personal or sensitive, and as a false alarm
  (wrong) if its label is none;
* sensitive recall: share of sensitive-labelled columns predicted sensitive (or held);
* leak recall: share of personal-or-sensitive-labelled columns predicted personal or sensitive
  (or held);
* false alarms (fp_rate): share of none-labelled columns predicted personal or sensitive, or held;
* entity accuracy: among personal/sensitive-labelled columns whose entity label is in the
  platform vocabulary (``privacy.types.ENTITIES``), share whose predicted entity equals it.

Per-entity recall: for each labelled entity of personal/sensitive columns, the share predicted
personal/sensitive or held (found), and the share with the same entity.

Further tuning sets (v3, ``eval/classify3``, written independently like v2 but meant for tuning)
are given with ``--tune-data DIR`` (repeatable; reads ``DIR/labels.json``): each is printed as
``tune (DIR name)``, with its per-entity recall, and ``--errors`` lists its misclassified columns
too.

``--errors`` lists the misclassified columns of v1 (both halves) and of every ``--tune-data`` set;
it never lists the reporting set's.

Usage: ``.venv/bin/python bench/classify_eval.py [--data DIR] [--errors] [--tune-data DIR ...]
[--data2 DIR | --report-data DIR --report-labels FILE]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from privacy.classification import classify_table  # noqa: E402
from privacy.types import ENTITIES  # noqa: E402
from warehouse.sources import read_file  # noqa: E402

SENSITIVE, PERSONAL, NONE = "sensitive", "personal", "none"


def generate(out: Path) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, str(REPO / "eval" / "classify" / "generate.py"), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t


def read_table(data: Path, t: dict[str, Any]) -> Any:
    """The table as the pipeline reads it (with the CSV's delimiter, as a manifest would set it;
    XLSX title rows above the header are skipped by the reader)."""
    return read_file(data / t["file"], delimiter=t.get("delimiter") or ",").table


def score(rows: list[dict[str, Any]]) -> dict[str, float]:
    def share(k: int, n: int) -> float:
        return k / n if n else 1.0

    n = len(rows)
    level_ok = sum(
        (r["held"] and r["label"] in (PERSONAL, SENSITIVE)) or (not r["held"] and r["pred"] == r["label"]) for r in rows
    )
    sens = [r for r in rows if r["label"] == SENSITIVE]
    leak = [r for r in rows if r["label"] in (PERSONAL, SENSITIVE)]
    none = [r for r in rows if r["label"] == NONE]
    ent = [r for r in leak if r["entity"] in ENTITIES]
    return {
        "level_acc": share(level_ok, n),
        "sens_recall": share(sum(r["held"] or r["pred"] == SENSITIVE for r in sens), len(sens)),
        "leak_recall": share(sum(r["held"] or r["pred"] in (PERSONAL, SENSITIVE) for r in leak), len(leak)),
        "fp_rate": share(sum(r["held"] or r["pred"] in (PERSONAL, SENSITIVE) for r in none), len(none)),
        "entity_acc": share(sum(r["pred_entity"] == r["entity"] for r in ent), len(ent)),
        "columns": n,
    }


def per_entity(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if r["label"] not in (PERSONAL, SENSITIVE):
            continue
        e = out[r["entity"] or "(none)"]
        e[0] += 1
        e[1] += r["held"] or r["pred"] in (PERSONAL, SENSITIVE)
        e[2] += r["pred_entity"] == r["entity"]
    return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}


def classify_set(data: Path, tables: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Every labelled column of ``tables`` (files under ``data``) with its prediction, and the
    seconds spent classifying."""
    rows: list[dict[str, Any]] = []
    seconds = 0.0
    for t in tables:
        table = read_table(data, t)
        started = time.perf_counter()
        result = classify_table(table, context={"dataset_title": t["title"]})
        seconds += time.perf_counter() - started
        by_name = {c.name: c for c in result.columns}
        for col in t["columns"]:
            c = by_name.get(col["name"])
            rows.append(
                {
                    "table": t["id"],
                    "split": t.get("split", "report"),
                    "column": col["name"],
                    "label": col["level"],
                    "entity": col.get("entity"),
                    "pred": c.level if c else NONE,
                    "pred_entity": c.entity if c else None,
                    "held": bool(c and c.review),
                    "subject": result.subject,
                    "kind": t["kind"],
                }
            )
    return rows, seconds


NAMES = ("level_acc", "sens_recall", "leak_recall", "fp_rate", "entity_acc")
GOALS = {
    "level_acc": ">= 0.97",
    "sens_recall": "= 1.00",
    "leak_recall": ">= 0.99",
    "fp_rate": "<= 0.02",
    "entity_acc": ">= 0.90",
}


def print_table(results: dict[str, dict[str, float]]) -> None:
    heads = list(results)
    print(f"\n{'measure':<14}" + "".join(f"{h:>18}" for h in heads) + "   goal")
    for m in NAMES:
        print(f"{m:<14}" + "".join(f"{results[h][m]:>18.3f}" for h in heads) + f"   {GOALS[m]}")
    print(f"{'columns':<14}" + "".join(f"{results[h]['columns']:>18}" for h in heads))


def print_errors(rows: list[dict[str, Any]], name: str = "v1") -> None:
    print(f"\n{name} errors (tune material; the reporting set is never listed):")
    for r in rows:
        wrong_level = (r["label"] == NONE and (r["held"] or r["pred"] != NONE)) or (
            r["label"] != NONE and not r["held"] and r["pred"] != r["label"]
        )
        wrong_entity = r["label"] != NONE and r["entity"] in ENTITIES and r["pred_entity"] != r["entity"]
        if wrong_level or wrong_entity:
            held = " HELD" if r["held"] else ""
            print(
                f"  [{r['split']}] {r['table']}.{r['column']}: label {r['label']}/{r['entity']} -> "
                f"{r['pred']}/{r['pred_entity']}{held} [{r['kind']}->{r['subject']}]"
            )


def report_sets(args: argparse.Namespace) -> list[tuple[Path, list[dict[str, Any]]]]:
    """The held-out reporting sets given on the command line (every table counts as report);
    the reported figures are computed on all of them together."""
    given: list[tuple[Path, Path]] = [(d, d / "labels.json") for d in args.data2]
    if args.report_data is not None:
        given.append((args.report_data, args.report_labels or args.report_data / "labels.json"))
    out = []
    for data, labels_path in given:
        tables = json.loads(labels_path.read_text(encoding="utf-8"))["tables"]
        out.append((data, [{**t, "split": "report"} for t in tables]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, help="the v1 evaluation set generated before (default: generate one)")
    ap.add_argument("--errors", action="store_true", help="list v1's misclassified columns (both halves)")
    ap.add_argument(
        "--data2",
        type=Path,
        action="append",
        default=[],
        help="a held-out reporting set (v2, v4): DIR with DIR/labels.json; repeatable, reported together",
    )
    ap.add_argument("--report-data", type=Path, help="the held-out reporting set's data directory")
    ap.add_argument("--report-labels", type=Path, help="its labels.json (default: REPORT_DATA/labels.json)")
    ap.add_argument("--skip-v1", action="store_true", help="do not classify v1")
    ap.add_argument(
        "--tune-data",
        type=Path,
        action="append",
        default=[],
        help="a further tuning set (DIR with DIR/labels.json; repeatable); --errors lists its errors",
    )
    args = ap.parse_args()
    if args.report_labels is not None and args.report_data is None:
        ap.error("--report-labels needs --report-data")
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    held_out = report_sets(args)
    if args.skip_v1 and not held_out and not args.tune_data:
        ap.error("--skip-v1 needs a reporting set (--data2 or --report-data) or --tune-data")
    results: dict[str, dict[str, float]] = {}
    per_set: dict[str, list[dict[str, Any]]] = {}
    tmp = None
    if not args.skip_v1:
        data = args.data
        if data is None:
            tmp = tempfile.TemporaryDirectory(prefix="pubdata-eval-")
            data = Path(tmp.name)
            print(f"generated the v1 evaluation set in {generate(data):.1f}s")
        v1_tables = json.loads((data / "labels.json").read_text(encoding="utf-8"))["tables"]
        v1, seconds = classify_set(data, v1_tables)
        print(
            f"v1: classified {len(v1_tables)} tables in {seconds:.1f}s ({seconds / max(len(v1_tables), 1):.2f}s per table)"
        )
        results["tune (v1, all)"] = score(v1)
        for half in ("tune", "report"):
            results[f"v1 {half} half"] = score([r for r in v1 if r["split"] == half])
        per_set["tune (v1, all)"] = v1
    for tune_dir in args.tune_data:
        tables = json.loads((tune_dir / "labels.json").read_text(encoding="utf-8"))["tables"]
        rows, seconds = classify_set(tune_dir, [{**t, "split": t.get("split") or "tune"} for t in tables])
        name = f"tune ({tune_dir.name})"
        print(f"{name}: classified {len(tables)} tables in {seconds:.1f}s")
        results[name] = score(rows)
        per_set[name] = rows
    report_rows: list[dict[str, Any]] = []
    for data2, tables2 in held_out:
        rows2, seconds = classify_set(data2, tables2)
        print(f"held-out {data2.name}: classified {len(tables2)} tables in {seconds:.1f}s")
        if len(held_out) > 1:
            results[f"held-out ({data2.name})"] = score(rows2)
        report_rows += rows2
    if held_out:
        results["held-out report"] = score(report_rows)
        per_set["held-out report"] = report_rows
    print_table(results)
    for name, rows in per_set.items():
        print(f"\nper-entity recall, {name} (labelled personal/sensitive: n, found, same entity)")
        for entity, (n, found, same) in per_entity(rows).items():
            print(f"  {entity:<20}{n:>5}  found {found / n:6.1%}  entity {same / n:6.1%}")
    if args.errors:
        for name, rows in per_set.items():
            if name.startswith("tune ("):
                print_errors(rows, name)
    if tmp is not None:
        tmp.cleanup()
    if held_out:
        print("\nBENCH line: held-out reporting set(s) together (never used for tuning)")
        bench = results["held-out report"]
    else:
        first = next(iter(results))
        seen = "v1: seen during tuning" if first == "tune (v1, all)" else f"{first}: a tuning set"
        print(f"\nBENCH line: {first} ({seen}, not a held-out figure)")
        bench = results[first]
    print("BENCH classify-eval " + " ".join(f"{m}={bench[m]:.3f}" for m in NAMES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
