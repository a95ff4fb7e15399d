#!/usr/bin/env python3
"""Generate the independent personal-information column-classification evaluation set.

    python eval/classify/generate.py --out DIR [--only TABLE_ID ...]

Writes DIR/<split>/<table_id>.<ext> for every table and DIR/labels.json.
Deterministic: every table is generated from a seed derived from its id only.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import split as splitmod  # noqa: E402
from gen import (
    sectors,  # noqa: F401  (fills the registry)
    writers,
)
from gen.table import REGISTRY, SECTORS, T, TableDef  # noqa: E402

EXT = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}


def build(d: TableDef) -> T:
    t = T(d)
    d.fn(t)
    assert t.cols, d.id
    return t


def write(t: T, path: str) -> None:
    d = t.d
    if d.fmt == "csv":
        writers.write_csv(path, t.cols, d.enc, d.delim, d.null, d.newline)
    elif d.fmt == "parquet":
        writers.write_parquet(path, t.cols)
    elif d.fmt == "jsonl":
        writers.write_jsonl(path, t.cols)
    elif d.fmt == "xlsx":
        writers.write_xlsx(path, t.cols, title=d.title_row)
    else:
        raise ValueError(d.fmt)


def label(t: T, split: str, rel: str) -> dict:
    d = t.d
    lab = {
        "id": d.id, "file": rel, "split": split, "sector": d.sector, "sector_name": SECTORS[d.sector],
        "kind": d.kind, "title": d.title, "format": d.fmt, "encoding": d.enc if d.fmt in ("csv", "jsonl") else None,
        "rows": d.rows,
    }
    if d.fmt == "jsonl":
        lab["encoding"] = "utf-8"
    if d.fmt == "csv":
        lab["delimiter"] = d.delim
        if d.null:
            lab["null_token"] = d.null
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


def _work(job: tuple[str, str, str]) -> tuple[dict, float]:
    tid, out, sp = job
    d = next(d for d in REGISTRY if d.id == tid)
    t0 = time.time()
    t = build(d)
    rel = f"{sp}/{d.id}.{EXT[d.fmt]}"
    write(t, os.path.join(out, rel))
    return label(t, sp, rel), time.time() - t0


def _warm() -> None:
    """Create the Faker instances (and pyarrow's lazy pandas import) once so forked workers inherit them."""
    import pyarrow as pa

    from gen.values import faker
    for loc in ("zh_CN", "en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "it_IT", "es_ES"):
        faker(loc)
    pa.array([0])  # pyarrow imports pandas on first use: do it once, before forking


def generate(out: str, only: list[str] | None = None, verbose: bool = False, jobs: int | None = None) -> dict:
    splits = splitmod.load()
    missing = [d.id for d in REGISTRY if d.id not in splits]
    if missing:
        raise SystemExit(f"tables without a frozen split (run split.py --freeze): {missing}")
    defs = [d for d in sorted(REGISTRY, key=lambda d: d.id) if not only or d.id in only]
    for sp in set(splits[d.id] for d in defs):
        os.makedirs(os.path.join(out, sp), exist_ok=True)
    jobs = jobs or min(2, os.cpu_count() or 1)
    work = [(d.id, out, splits[d.id]) for d in sorted(defs, key=lambda d: -d.rows)]  # big tables first
    if jobs > 1 and len(work) > 1:
        _warm()
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_work, work, chunksize=1)
    else:
        results = [_work(w) for w in work]
    results.sort(key=lambda r: r[0]["id"])  # every table is independent: order does not change any byte
    if verbose:
        for lab, secs in results:
            print(f"{lab['id']:48s} {lab['format']:8s} {lab['rows']:5d} rows {len(lab['columns']):3d} cols {secs:5.2f}s",
                  file=sys.stderr)
    doc = {"version": 1, "tables": [lab for lab, _ in results]}
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return doc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--only", nargs="*", help="generate only these table ids (debugging)")
    ap.add_argument("-j", "--jobs", type=int, help="worker processes (default: min(2, CPUs)); output is identical")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    doc = generate(a.out, a.only, a.verbose, a.jobs)
    n_cols = sum(len(t["columns"]) for t in doc["tables"])
    print(f"wrote {len(doc['tables'])} tables, {n_cols} labelled columns to {a.out} in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
