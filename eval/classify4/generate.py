"""Generate the v4 held-out evaluation set (REPORT ONLY).

    python eval/classify4/generate.py --out DIR [--only ID ...]

Writes DIR/report/<table_id>.<ext> and DIR/labels.json (schema of eval/README.md, "version": 4).
Each table is drawn from its own seed, sha256("pubdata-eval/v4/" + table_id).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import v4lib  # noqa: E402
import v4reg  # noqa: E402
import v4tables_a  # noqa: E402,F401
import v4tables_b  # noqa: E402,F401

EXT = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}


def build(td):
    g = v4lib.Gen(td.id)
    cols = td.fn(g, td.rows)
    names = [c.name for c in cols]
    assert len(set(names)) == len(names), (td.id, names)
    for c in cols:
        assert len(c.values) == td.rows, (td.id, c.name, len(c.values))
    return cols


def write_table(td, cols, out):
    rel = f"report/{td.id}.{EXT[td.fmt]}"
    path = os.path.join(out, rel)
    header = [c.name for c in cols]
    if td.fmt == "csv":
        rows = list(zip(*[c.values for c in cols]))
        v4lib.write_csv(path, header, rows, td.encoding, td.delimiter)
    elif td.fmt == "jsonl":
        v4lib.write_jsonl(path, header, list(zip(*[c.values for c in cols])))
    elif td.fmt == "parquet":
        v4lib.write_parquet(path, header, [c.values for c in cols])
    elif td.fmt == "xlsx":
        v4lib.write_xlsx(path, header, list(zip(*[c.values for c in cols])),
                         title=td.title if td.title_row else None)
    return rel


def label(td, cols, rel):
    t = {"id": td.id, "file": rel, "split": "report", "sector": td.sector,
         "sector_name": v4reg.SECTORS[td.sector], "kind": td.kind, "title": td.title, "format": td.fmt,
         "encoding": td.encoding if td.fmt in ("csv", "jsonl") else None,
         "delimiter": td.delimiter if td.fmt == "csv" else None, "rows": td.rows}
    if td.fmt == "jsonl":
        t["encoding"] = "utf-8"
    if td.kind in ("people", "mixed"):
        a = v4lib.min_age([(c.entity, c.values) for c in cols])
        if a is not None and a < 14:
            t["minors"] = True
    if td.title_row:
        t["title_row"] = True
        t["header_line"] = 2
    if td.note:
        t["note"] = td.note
    t["columns"] = []
    for c in cols:
        d = {"name": c.name, "level": c.level, "entity": c.entity, "role": c.role, "style": c.style,
             "tags": c.tags}
        if c.note:
            d["note"] = c.note
        t["columns"].append(d)
    return t


def generate(out, only=None, verbose=False):
    os.makedirs(os.path.join(out, "report"), exist_ok=True)
    labels = []
    for td in v4reg.TABLES:
        if only and td.id not in only:
            continue
        t0 = time.perf_counter()
        cols = build(td)
        rel = write_table(td, cols, out)
        labels.append(label(td, cols, rel))
        if verbose:
            print(f"{td.id:40s} {len(cols):3d} cols {td.rows:5d} rows {time.perf_counter() - t0:5.2f}s")
    doc = {"version": 4, "tables": labels}
    with open(os.path.join(out, "labels.json"), "wb") as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return doc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    doc = generate(a.out, a.only, a.verbose)
    n = sum(len(t["columns"]) for t in doc["tables"])
    print(f"wrote {len(doc['tables'])} tables, {n} labelled columns to {a.out} in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
