"""The column classifier measured on the independent evaluation set (``eval/``).

Generates the evaluation tables into a temporary directory with ``eval/classify/generate.py``
(or reads a set generated before, ``--data DIR``), reads every table the way the pipeline does
(:func:`warehouse.sources.read_file`, with the file's delimiter and header line) and classifies
it with :func:`privacy.classify_table` given only what a manifest that declares column names
would give: the dataset title. Prints the five measures for BOTH halves of the set (tune and
report, clearly labelled) and the per-entity recall of each half. The last line is computed on
the REPORT half::

    BENCH classify-eval level_acc=<x> sens_recall=<x> leak_recall=<x> fp_rate=<x> entity_acc=<x>

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

Rule of use (``eval/README.md``): tune on the tune half only; report on the report half; never
change the classifier because of a report-half result. ``--errors`` lists the tune half's
misclassified columns and refuses to list the report half's.

Usage: ``.venv/bin/python bench/classify_eval.py [--data DIR] [--errors]``.
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="an evaluation set generated before (default: generate one)")
    ap.add_argument("--errors", action="store_true", help="list the TUNE half's misclassified columns")
    ap.add_argument(
        "--tune-only", action="store_true", help="classify the tune half only (while tuning; no BENCH line)"
    )
    args = ap.parse_args()
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    tmp = None
    data = args.data
    if data is None:
        tmp = tempfile.TemporaryDirectory(prefix="pubdata-eval-")
        data = Path(tmp.name)
        print(f"generated the evaluation set in {generate(data):.1f}s")
    labels = json.loads((data / "labels.json").read_text(encoding="utf-8"))
    rows: dict[str, list[dict[str, Any]]] = {"tune": [], "report": []}
    seconds = 0.0
    tables = [t for t in labels["tables"] if not args.tune_only or t["split"] == "tune"]
    for t in tables:
        table = read_table(data, t)
        started = time.perf_counter()
        result = classify_table(table, context={"dataset_title": t["title"]})
        seconds += time.perf_counter() - started
        by_name = {c.name: c for c in result.columns}
        for col in t["columns"]:
            c = by_name.get(col["name"])
            rows[t["split"]].append(
                {
                    "table": t["id"],
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
    n_tables = len(tables)
    print(f"classified {n_tables} tables in {seconds:.1f}s ({seconds / max(n_tables, 1):.2f}s per table)")
    names = ("level_acc", "sens_recall", "leak_recall", "fp_rate", "entity_acc")
    goals = {
        "level_acc": ">= 0.97",
        "sens_recall": "= 1.00",
        "leak_recall": ">= 0.99",
        "fp_rate": "<= 0.02",
        "entity_acc": ">= 0.90",
    }
    halves = ("tune",) if args.tune_only else ("tune", "report")
    results = {half: score(rows[half]) for half in halves}
    print(f"\n{'measure':<14}" + "".join(f"{h.upper() + ' half':>14}" for h in halves) + "   goal")
    for m in names:
        print(f"{m:<14}" + "".join(f"{results[h][m]:>14.3f}" for h in halves) + f"   {goals[m]}")
    print(f"{'columns':<14}" + "".join(f"{results[h]['columns']:>14}" for h in halves))
    for half in halves:
        print(f"\nper-entity recall, {half.upper()} half (labelled personal/sensitive: n, found, same entity)")
        for entity, (n, found, same) in per_entity(rows[half]).items():
            print(f"  {entity:<20}{n:>5}  found {found / n:6.1%}  entity {same / n:6.1%}")
    if args.errors:
        print("\nTUNE half errors (the report half is never listed):")
        for r in rows["tune"]:
            wrong_level = (r["label"] == NONE and (r["held"] or r["pred"] != NONE)) or (
                r["label"] != NONE and not r["held"] and r["pred"] != r["label"]
            )
            wrong_entity = r["label"] != NONE and r["entity"] in ENTITIES and r["pred_entity"] != r["entity"]
            if wrong_level or wrong_entity:
                held = " HELD" if r["held"] else ""
                print(
                    f"  {r['table']}.{r['column']}: label {r['label']}/{r['entity']} -> "
                    f"{r['pred']}/{r['pred_entity']}{held} [{r['kind']}->{r['subject']}]"
                )
    if not args.tune_only:
        rep = results["report"]
        print("BENCH classify-eval " + " ".join(f"{m}={rep[m]:.3f}" for m in names))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
