"""Generate the v5 TUNING set: `python eval/classify5/generate.py --out DIR [--only ID ...]`.

Writes DIR/tune/<table_id>.<ext> and DIR/labels.json (schema of eval/README.md, version 5).
Every table is drawn from its own seed sha256("pubdata-eval/v5/" + id). Stdlib, numpy, pyarrow,
faker only; nothing from the project is imported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import v5lib as L  # noqa: E402
import tables_a  # noqa: E402,F401
import tables_b  # noqa: E402,F401
import tables_c  # noqa: E402,F401
import tables_d  # noqa: E402,F401

EXT = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}


def build(tid: str):
    fn, meta = L.REGISTRY[tid]
    c = L.Ctx(tid)
    n = meta["rows"]
    cols = fn(c, n)
    if meta.get("opaque"):  # legacy export: columns from `start` on carry opaque names
        pattern, start = meta["opaque"]
        for k, col in enumerate(cols[start:], start=1):
            col.name, col.style = pattern.format(k), "opaque"
    names = [col.name for col in cols]
    if len(set(names)) != len(names):
        raise ValueError(f"{tid}: duplicate column names")
    for col in cols:
        if len(col.values) != n:
            raise ValueError(f"{tid}.{col.name}: {len(col.values)} values for {n} rows")
        if isinstance(col.label, str) and col.label not in L.LAB:
            raise ValueError(f"{tid}.{col.name}: unknown label {col.label}")
    return meta, cols, n


def label_of(col) -> dict:
    level, entity, role = L.LAB[col.label] if isinstance(col.label, str) else col.label
    out = {"name": col.name, "level": level, "entity": entity, "role": role, "style": col.style}
    if col.tags:
        out["tags"] = list(col.tags)
    if col.note:
        out["note"] = col.note
    return out


def write_table(out: Path, tid: str) -> dict:
    meta, cols, n = build(tid)
    fmt = meta["fmt"]
    rel = f"tune/{tid}.{EXT[fmt]}"
    path = out / rel
    header = [c.name for c in cols]
    rows = list(zip(*[c.values for c in cols]))
    enc = delim = None
    if fmt == "csv":
        enc, delim = meta.get("encoding", "utf-8"), meta.get("delimiter", ",")
        L.write_csv(path, header, rows, enc, delim)
    elif fmt == "jsonl":
        enc = "utf-8"
        L.write_jsonl(path, header, rows)
    elif fmt == "parquet":
        L.write_parquet(path, header, [c.values for c in cols])
    elif fmt == "xlsx":
        L.write_xlsx(path, header, rows, title=meta["title"] if meta.get("title_row") else None)
    labels = [label_of(c) for c in cols]
    entry = {"id": tid, "file": rel, "split": "tune", "sector": meta["sector"],
             "sector_name": L.SECTORS[meta["sector"]], "kind": meta["kind"], "title": meta["title"],
             "format": fmt, "encoding": enc}
    if fmt == "csv":
        entry["delimiter"] = delim
    entry["rows"] = n
    if meta["kind"] in ("people", "mixed") and L.has_minor(
        [(lab["entity"], lab["level"]) for lab in labels], [c.values for c in cols]
    ):
        entry["minors"] = True
    if meta.get("title_row"):
        entry["title_row"] = True
        entry["header_line"] = 2
    if meta.get("note"):
        entry["note"] = meta["note"]
    entry["columns"] = labels
    return entry


def generate(out: Path, only=None, verbose=False) -> dict:
    (out / "tune").mkdir(parents=True, exist_ok=True)
    tables = []
    for tid in sorted(L.REGISTRY):
        if only and tid not in only:
            continue
        t0 = time.perf_counter()
        tables.append(write_table(out, tid))
        if verbose:
            print(f"{tid}: {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    doc = {"version": 5, "tables": tables}
    (out / "labels.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return doc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    doc = generate(a.out, set(a.only) if a.only else None, a.verbose)
    ncol = sum(len(t["columns"]) for t in doc["tables"])
    print(f"{len(doc['tables'])} tables, {ncol} labelled columns -> {a.out} ({time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
