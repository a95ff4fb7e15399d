"""Generate the v6 PI-classifier tuning set: DIR/tune/<table_id>.<ext> and DIR/labels.json.

    python eval/classify6/generate.py --out DIR [--only ID ...]

Every table is drawn from its own seed sha256("pubdata-eval/v6/" + table_id); the output bytes
depend only on the table id and the pinned library versions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import v6lib  # noqa: E402
import tables_a  # noqa: E402,F401
import tables_b  # noqa: E402,F401
import tables_c  # noqa: E402,F401
import tables_d  # noqa: E402,F401
import tables_e  # noqa: E402,F401

EXT = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}


def build(spec):
    c = v6lib.Ctx(spec["id"], spec["rows"])
    cols = spec["fn"](c)
    names = [col.name for col in cols]
    assert len(set(names)) == len(names), (spec["id"], names)
    for col in cols:
        assert len(col.vals) == spec["rows"], (spec["id"], col.name, len(col.vals))
    return c, cols


def write_table(spec, out_dir):
    c, cols = build(spec)
    names = [col.name for col in cols]
    rows = [list(r) for r in zip(*[col.vals for col in cols])]
    rel = f"tune/{spec['id']}.{EXT[spec['fmt']]}"
    path = os.path.join(out_dir, rel)
    fmt = spec["fmt"]
    if fmt == "csv":
        v6lib.write_csv(path, names, rows, spec["enc"], spec["delim"], spec["crlf"])
    elif fmt == "parquet":
        v6lib.write_parquet(path, names, [col.vals for col in cols])
    elif fmt == "jsonl":
        v6lib.write_jsonl(path, names, rows)
    else:
        v6lib.write_xlsx(path, names, rows)
    t = {
        "id": spec["id"], "file": rel, "split": "tune", "sector": spec["sector"],
        "sector_name": v6lib.SECTORS[spec["sector"]], "kind": spec["kind"], "title": spec["title"],
        "format": fmt,
        "encoding": spec["enc"] if fmt == "csv" else ("utf-8" if fmt == "jsonl" else None),
    }
    if fmt == "csv":
        t["delimiter"] = spec["delim"]
    t["rows"] = spec["rows"]
    if spec["kind"] in ("people", "mixed") and c.min_age < 14:
        t["minors"] = True
    if spec["note"]:
        t["note"] = spec["note"]
    t["columns"] = [col.label() for col in cols]
    return t


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args(argv)
    os.makedirs(os.path.join(a.out, "tune"), exist_ok=True)
    tables = []
    for spec in v6lib.REGISTRY:
        if a.only and spec["id"] not in a.only:
            continue
        tables.append(write_table(spec, a.out))
    with open(os.path.join(a.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"version": 1, "tables": tables}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    ncols = sum(len(t["columns"]) for t in tables)
    print(f"wrote {len(tables)} tables, {ncols} labelled columns to {a.out}")


if __name__ == "__main__":
    main()
