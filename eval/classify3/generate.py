#!/usr/bin/env python3
"""Generate the v3 personal-information column-classification set (TUNING material).

    python eval/classify3/generate.py --out DIR [--only TABLE_ID ...] [-v]

Writes DIR/tune/<table_id>.<ext> for every table and DIR/labels.json ("version": 3, every table
"split": "tune"). Deterministic: each table is drawn from sha256("pubdata-eval/v3/" + table_id).
Written from eval/README.md (label rules) and shared/reference/privacy-standards.md only; v1's
byte-stable writers and check digits are imported from eval/classify/gen/.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# v1's byte-deterministic writers and check digits (output format only; v3's tables are its own)
V1_GEN = os.path.join(os.path.dirname(HERE), "classify", "gen")
for path in (V1_GEN, HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

import writers  # noqa: E402
from v3frame import REGISTRY, SECTORS, T, TableDef  # noqa: E402
import v3tables  # noqa: E402,F401  (fills REGISTRY through v3frame.table)

SPLIT = "tune"


def build(d: TableDef) -> T:
    t = T(d)
    d.fn(t)
    assert t.cols, d.id
    return t


def write(t: T, path: str) -> None:
    d = t.d
    if d.fmt == "csv":
        writers.write_csv(path, t.cols, d.enc, d.delim)
    elif d.fmt == "parquet":
        writers.write_parquet(path, t.cols)
    elif d.fmt == "jsonl":
        writers.write_jsonl(path, t.cols)
    elif d.fmt == "xlsx":
        writers.write_xlsx(path, t.cols, title=d.title_row)
    else:
        raise ValueError(d.fmt)


def label(t: T, rel: str) -> dict:
    d = t.d
    lab = {"id": d.id, "file": rel, "split": SPLIT, "sector": d.sector, "sector_name": SECTORS[d.sector],
           "kind": d.kind, "title": d.title, "format": d.fmt,
           "encoding": d.enc if d.fmt == "csv" else ("utf-8" if d.fmt == "jsonl" else None), "rows": d.rows}
    if d.fmt == "csv":
        lab["delimiter"] = d.delim
    if d.minors:
        lab["minors"] = True
    if d.title_row:
        lab["title_row"] = True
        lab["header_line"] = 2
    if d.note:
        lab["note"] = d.note
    cols = []
    for c in t.cols:
        cl = {"name": c.name, "level": c.level, "entity": c.entity, "role": c.role, "style": c.style}
        if c.note:
            cl["note"] = c.note
        if c.tags:
            cl["tags"] = list(c.tags)
        cols.append(cl)
    lab["columns"] = cols
    return lab


def generate(out: str, only=None, verbose=False) -> dict:
    os.makedirs(os.path.join(out, SPLIT), exist_ok=True)
    labs = []
    for d in sorted(REGISTRY, key=lambda d: d.id):
        if only and d.id not in only:
            continue
        t0 = time.time()
        t = build(d)
        rel = f"{SPLIT}/{d.id}.{d.fmt}"
        write(t, os.path.join(out, rel))
        labs.append(label(t, rel))
        if verbose:
            print(f"{d.id:44s} {d.fmt:8s} {d.rows:5d} rows {len(t.cols):3d} cols {time.time() - t0:5.2f}s", file=sys.stderr)
    doc = {"version": 3, "tables": labs}
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return doc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    doc = generate(a.out, a.only, a.verbose)
    n = sum(len(t["columns"]) for t in doc["tables"])
    print(f"wrote {len(doc['tables'])} tables, {n} labelled columns to {a.out} in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
