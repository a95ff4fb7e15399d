"""Generate the v8 evaluation set: ``python eval/classify8/generate.py --out DIR [--only ID ...]``.

Writes ``DIR/report/<table_id>.<ext>`` and ``DIR/labels.json`` (schema of eval/README.md).
Each table is drawn from its own seed, sha256("pubdata-eval/v8/" + table_id).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lib8 import Ctx, seed_of, write_csv, write_jsonl, write_parquet, write_xlsx
from tables8 import SECTORS, TABLES
from vals8 import gen

VERSION = "v8"
LEVELS = {"S": "sensitive", "P": "personal", "N": "none"}
ROLES = {"d": "direct", "q": "quasi", "s": "sensitive", "o": "other"}
OPAQUE = re.compile(r"^(col_?\d+|F\d+|ZD\d+|R\d+|C\d+|field\d+|EXT_?\d+|(备用)?字段\d+)$", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")


def naming_style(name: str, default: str) -> str:
    if OPAQUE.match(name):
        return "opaque"
    if CJK.search(name):
        return "mixed" if re.search(r"[A-Za-z]{2,}", name) else "chinese"
    if re.search(r"[a-z][A-Z]", name):
        return "english_camel"
    return "english_snake" if default in ("opaque", "chinese") else default


def parse_label(lab: str, name: str, default_style: str) -> dict[str, Any]:
    style = None
    if "@" in lab:
        lab, style = lab.split("@")
    lv, ent, ro = lab.split(".")
    return {
        "name": name,
        "level": LEVELS[lv],
        "entity": None if ent == "-" else ent,
        "role": ROLES[ro],
        "style": style or naming_style(name, default_style),
    }


def build(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[list[Any]]]:
    tid = spec["id"]
    ctx = Ctx(seed_of(VERSION, tid), spec["rows"], spec["ages"], spec["regions"])
    header: list[str] = []
    cols: list[list[Any]] = []
    labels: list[dict[str, Any]] = []
    for col in spec["cols"]:
        name, vspec, lab = col[0], col[1], col[2]
        vals, tags = gen(ctx, vspec)
        lbl = parse_label(lab, name, spec["style"])
        if tags:
            lbl["tags"] = tags
        if len(col) > 3:
            lbl["note"] = col[3]
        header.append(name)
        cols.append(vals)
        labels.append(lbl)
    parts = spec["fmt"].split("/")
    fmt = parts[0]
    ext = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}[fmt]
    meta: dict[str, Any] = {
        "id": tid,
        "file": f"report/{tid}.{ext}",
        "split": "report",
        "sector": spec["sector"],
        "sector_name": SECTORS[spec["sector"]],
        "kind": spec["kind"],
        "title": spec["title"],
        "format": fmt,
        "encoding": parts[1] if fmt == "csv" else ("utf-8" if fmt == "jsonl" else None),
    }
    if fmt == "csv":
        meta["delimiter"] = parts[2]
    meta["rows"] = spec["rows"]
    if spec["kind"] == "people" and any(p["age"] < 14 for p in ctx.P):
        meta["minors"] = True
    if fmt == "xlsx" and len(parts) > 1 and parts[1] == "title":
        meta["title_row"] = True
        meta["header_line"] = 2
    if spec.get("note"):
        meta["note"] = spec["note"]
    meta["columns"] = labels
    return meta, header, cols


def write(out: str, meta: dict[str, Any], header: list[str], cols: list[list[Any]]) -> None:
    path = os.path.join(out, meta["file"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    rows = [list(r) for r in zip(*cols)]
    fmt = meta["format"]
    if fmt == "csv":
        write_csv(path, header, rows, meta["encoding"], meta["delimiter"])
    elif fmt == "parquet":
        write_parquet(path, header, cols)
    elif fmt == "jsonl":
        write_jsonl(path, header, rows)
    else:
        write_xlsx(path, header, rows, meta["title"] if meta.get("title_row") else None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    ids = [t["id"] for t in TABLES]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate table ids")
    tables = []
    for spec in TABLES:
        if a.only and spec["id"] not in a.only:
            continue
        meta, header, cols = build(spec)
        write(a.out, meta, header, cols)
        tables.append(meta)
        if a.verbose:
            print(meta["file"], len(header), "columns")
    with open(os.path.join(a.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"version": 8, "tables": tables}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(tables)} tables, {sum(len(t['columns']) for t in tables)} columns -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
