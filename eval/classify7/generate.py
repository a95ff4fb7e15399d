"""Generate the v7 evaluation set: ``generate.py --out DIR`` writes DIR/tune/<id>.<ext> and DIR/labels.json."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import tables_land  # noqa: E402,F401  (registers tables)
import tables_society  # noqa: E402,F401
import tables_law  # noqa: E402,F401
import tables_welfare  # noqa: E402,F401
import tables_extra  # noqa: E402,F401
from v7lib import REGISTRY, STYLES, TAGS, Gen, TableDef, detect_style, has_minor, parse_label  # noqa: E402
from writers import write_csv, write_jsonl, write_parquet, write_xlsx  # noqa: E402

EXT = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}


def build(t: TableDef) -> tuple[list[str], list[list[Any]], list[dict[str, Any]]]:
    g = Gen(t.id, t.rows)
    cols = t.fn(g)
    header = [c.name for c in cols]
    assert len(set(header)) == len(header), (t.id, "duplicate column")
    labels = []
    for c in cols:
        assert len(c.values) == t.rows, (t.id, c.name, len(c.values))
        level, entity, role = parse_label(c.label)
        style = c.style or detect_style(c.name, t.ascii_style)
        assert style in STYLES, (t.id, c.name, style)
        assert all(x in TAGS for x in c.tags), (t.id, c.name, c.tags)
        col: dict[str, Any] = {"name": c.name, "level": level, "entity": entity, "role": role, "style": style}
        if c.tags:
            col["tags"] = list(c.tags)
        if c.note:
            col["note"] = c.note
        labels.append(col)
    minors = t.kind in ("people", "mixed") and has_minor([(lab["entity"], c.values) for lab, c in zip(labels, cols)])
    assert minors == t.minors, (t.id, "minors flag", minors)
    rows = [list(r) for r in zip(*[c.values for c in cols], strict=True)]
    return header, rows, labels


def write_table(t: TableDef, out: Path) -> dict[str, Any]:
    header, rows, labels = build(t)
    rel = f"tune/{t.id}.{EXT[t.fmt]}"
    path = out / rel
    if t.fmt == "csv":
        assert t.encoding and t.delimiter
        write_csv(path, header, rows, t.encoding, t.delimiter, t.crlf)
    elif t.fmt == "parquet":
        write_parquet(path, header, [list(c) for c in zip(*rows)] if rows else [[] for _ in header])
    elif t.fmt == "jsonl":
        write_jsonl(path, header, rows)
    else:
        write_xlsx(path, header, rows, t.title if t.title_row else None)
    entry: dict[str, Any] = {
        "id": t.id, "file": rel, "split": "tune", "sector": t.sector, "sector_name": t.sector_name,
        "kind": t.kind, "title": t.title, "format": t.fmt,
        "encoding": t.encoding if t.fmt == "csv" else ("utf-8" if t.fmt == "jsonl" else None),
        "rows": t.rows,
    }
    if t.fmt == "csv":
        entry["delimiter"] = t.delimiter
    if t.minors:
        entry["minors"] = True
    if t.title_row:
        entry["title_row"] = True
        entry["header_line"] = 2
    if t.note:
        entry["note"] = t.note
    entry["columns"] = labels
    return entry


def generate(out: Path, only: list[str] | None = None, verbose: bool = False) -> dict[str, Any]:
    (out / "tune").mkdir(parents=True, exist_ok=True)
    tables = []
    for tid in sorted(REGISTRY):
        if only and tid not in only:
            continue
        t0 = time.perf_counter()
        tables.append(write_table(REGISTRY[tid], out))
        if verbose:
            print(f"{tid}: {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    doc = {"version": 1, "tables": tables}
    (out / "labels.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    doc = generate(a.out, a.only, a.verbose)
    ncols = sum(len(t["columns"]) for t in doc["tables"])
    print(f"wrote {len(doc['tables'])} tables, {ncols} labelled columns to {a.out}")


if __name__ == "__main__":
    main()
