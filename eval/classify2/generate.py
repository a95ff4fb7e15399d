#!/usr/bin/env python3
"""Generate the second held-out personal-information column-classification set (v2).

    python eval/classify2/generate.py --out DIR [--only TABLE_ID ...] [-v]

Writes DIR/report/<table_id>.<ext> for every table and DIR/labels.json ("version": 2, every table
"split": "report"). Deterministic: each table is drawn from sha256("pubdata-eval/v2/" + table_id).
Written from eval/README.md (label rules) and shared/reference/privacy-standards.md only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
# v1's byte-deterministic writers and check digits (output format only; v2's tables are its own)
V1_GEN = os.path.join(os.path.dirname(HERE), "classify", "gen")
for path in (V1_GEN, HERE):
    if path not in sys.path:
        sys.path.insert(0, path)

import writers  # noqa: E402
from vals import Gen  # noqa: E402

SECTORS = {
    "education": "教育", "hrss": "人力资源和社会保障", "police": "公安（户政与出入境）", "justice": "司法行政",
    "veterans": "退役军人事务", "disabled": "残疾人联合会", "women": "妇女联合会", "housing": "住房和城乡建设",
    "natres": "自然资源", "ecology": "生态环境", "water": "水利", "commerce": "商务", "culture": "文化和旅游",
    "sports": "体育", "emergency": "应急管理", "tax": "税务", "stats": "统计", "customs": "海关", "post": "邮政管理",
    "court": "法院执行", "medins": "医疗保障", "health": "卫生健康（妇幼、采供血）", "civil": "民政（婚姻、殡葬、养老）",
    "rural": "农业农村（乡村振兴）", "grid": "基层治理（网格）",
}
KINDS = ("people", "organisations", "mixed", "aggregate")
LEVELS = ("sensitive", "personal", "none")
ROLES = ("direct", "quasi", "sensitive", "other")
ENTITIES = ("CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "MEDICAL_CONDITION", "RELIGION",
            "PRECISE_LOCATION", "CRIMINAL_RECORD", "PERSONAL_INCOME", "PERSON_NAME", "PHONE_NUMBER", "EMAIL",
            "ADDRESS", "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS", "PERSON_ID", "USCC", "ORG_NAME", "GENDER",
            "AGE", "ETHNICITY", "MARITAL_STATUS", "OCCUPATION", "EDUCATION", "REGION", "EVENT_DATE", "FREE_TEXT")
STYLES = ("chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque")

# label shorthands (level, entity, role) — the rules of eval/README.md
ID = ("sensitive", "CN_RESIDENT_ID", "direct")
PASSPORT = ("sensitive", "PASSPORT", "direct")
CARD = ("sensitive", "BANK_CARD", "direct")
MED = ("sensitive", "MEDICAL_CONDITION", "sensitive")
TRACK = ("sensitive", "PRECISE_LOCATION", "sensitive")
HOMELOC = ("sensitive", "PRECISE_LOCATION", "direct")
CRIME = ("sensitive", "CRIMINAL_RECORD", "sensitive")
INCOME = ("sensitive", "PERSONAL_INCOME", "sensitive")
WELFARE = ("sensitive", None, "sensitive")
PROPADDR = ("sensitive", "ADDRESS", "direct")
NAME = ("personal", "PERSON_NAME", "direct")
PHONE = ("personal", "PHONE_NUMBER", "direct")
EMAIL = ("personal", "EMAIL", "direct")
ADDR = ("personal", "ADDRESS", "direct")
DOB = ("personal", "DATE_OF_BIRTH", "quasi")
PLATE = ("personal", "LICENSE_PLATE", "direct")
PID = ("personal", "PERSON_ID", "direct")
CASENO = ("personal", None, "quasi")
GENDER = ("none", "GENDER", "quasi")
AGE = ("none", "AGE", "quasi")
ETHNIC = ("none", "ETHNICITY", "quasi")
MARITAL = ("none", "MARITAL_STATUS", "quasi")
OCC = ("none", "OCCUPATION", "quasi")
EDU = ("none", "EDUCATION", "quasi")
REGION_Q = ("none", "REGION", "quasi")
EVENT_Q = ("none", "EVENT_DATE", "quasi")
ORG_Q = ("none", "ORG_NAME", "quasi")
PLACE_Q = ("none", "ADDRESS", "quasi")
ENUM_Q = ("none", None, "quasi")
OTHER = ("none", None, "other")


def org(entity=None):
    return ("none", entity, "other")


@dataclass
class Col:
    name: str
    values: np.ndarray
    level: str
    entity: str | None
    role: str
    style: str
    note: str | None = None
    tags: tuple = ()
    dec: int | None = None
    ptype: str | None = None


@dataclass
class TableDef:
    id: str
    sector: str
    kind: str
    title: str
    fmt: str
    rows: int
    style: str
    fn: Callable
    enc: str | None = "utf-8"
    delim: str = ","
    minors: bool = False
    title_row: str | None = None
    note: str | None = None
    cols: list = field(default_factory=list)

    @property
    def seed(self) -> int:
        return int(hashlib.sha256(f"pubdata-eval/v2/{self.id}".encode()).hexdigest()[:15], 16)


REGISTRY: list[TableDef] = []


def table(id, sector, kind, title, fmt, rows, style, **kw):
    assert re.match(r"^[a-z][a-z0-9_]*$", id) and id.startswith(sector + "_"), id
    assert sector in SECTORS and kind in KINDS and style in STYLES and 200 <= rows <= 3000, id
    if fmt in ("xlsx", "parquet"):
        kw.setdefault("enc", None)

    def deco(fn):
        assert all(d.id != id for d in REGISTRY), id
        REGISTRY.append(TableDef(id, sector, kind, title, fmt, rows, style, fn, **kw))
        return fn
    return deco


_OPAQUE = re.compile(r"^(col_?\d+|field_?\d+|[CF]\d{1,3}|ZD\d{3}|attr_?\d+|备用字段\d*|字段\d+|扩展字段\d*|column\d+|ext\d+)$", re.I)


def detect_style(name: str, default: str) -> str:
    if _OPAQUE.match(name):
        return "opaque"
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in name)
    latin = any(ch.isascii() and ch.isalpha() for ch in name)
    if cjk and latin:
        return "mixed"
    if cjk:
        return "chinese"
    if re.search(r"[a-z][A-Z]", name):
        return "english_camel"
    return default


class T:
    def __init__(self, d: TableDef):
        self.d = d
        self.g = Gen(d.seed)
        self.n = d.rows
        self.cols: list[Col] = []

    def col(self, name, values, label, note=None, style=None, tags=(), dec=None, ptype=None):
        values = np.array(list(values), dtype=object)
        assert len(values) == self.n, (self.d.id, name, len(values), self.n)
        assert all(c.name != name for c in self.cols), (self.d.id, name)
        level, entity, role = label
        assert level in LEVELS and role in ROLES and (entity is None or entity in ENTITIES), (self.d.id, name)
        if self.d.kind in ("organisations", "aggregate") and role not in ("other", "direct"):
            raise AssertionError(f"{self.d.id}.{name}: role {role} in a {self.d.kind} table")
        st = style or detect_style(name, self.d.style)
        assert st in STYLES, (self.d.id, name, st)
        self.cols.append(Col(name, values, level, entity, role, st, note, tuple(tags), dec, ptype))

    def people_idx(self, n_people):
        """Row -> person index for event tables (some persons have several rows)."""
        w = self.g.r.pareto(2.0, size=n_people) + 1.0
        return self.g.r.choice(n_people, size=self.n, p=w / w.sum())


sys.modules.setdefault("generate", sys.modules[__name__])
import tables  # noqa: E402,F401  (fills REGISTRY through generate.table)


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
    lab = {"id": d.id, "file": rel, "split": "report", "sector": d.sector, "sector_name": SECTORS[d.sector],
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
    os.makedirs(os.path.join(out, "report"), exist_ok=True)
    labs = []
    for d in sorted(REGISTRY, key=lambda d: d.id):
        if only and d.id not in only:
            continue
        t0 = time.time()
        t = build(d)
        rel = f"report/{d.id}.{d.fmt}"
        write(t, os.path.join(out, rel))
        labs.append(label(t, rel))
        if verbose:
            print(f"{d.id:44s} {d.fmt:8s} {d.rows:5d} rows {len(t.cols):3d} cols {time.time() - t0:5.2f}s", file=sys.stderr)
    doc = {"version": 2, "tables": labs}
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
