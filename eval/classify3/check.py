#!/usr/bin/env python3
"""Self-test of the v3 tuning set: determinism, labels schema, read-back, check digits, counts.

    .venv/bin/python eval/classify3/check.py [--keep DIR]

Regenerates the set twice into temporary directories (separate processes), compares every byte,
validates labels.json against eval/README.md's schema and vocabulary, reads every file back
(header, row count, XLSX title row), validates resident IDs (GB 11643), USCCs (GB 32100), bank
and credit cards (Luhn), passport/permit formats, birth dates and the "minors" flag, and prints
counts by level / role / entity / style / kind / tag / format.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import filecmp
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
V1_GEN = os.path.join(os.path.dirname(HERE), "classify", "gen")
sys.path.insert(0, V1_GEN)
from checks import id_valid, luhn_valid, uscc_valid  # noqa: E402

TODAY = dt.date(2025, 12, 31)
LEVELS = {"sensitive", "personal", "none"}
ROLES = {"direct", "quasi", "sensitive", "other"}
STYLES = {"chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"}
KINDS = {"people", "organisations", "mixed", "aggregate"}
ENTITIES = set("""CN_RESIDENT_ID PASSPORT BANK_CARD CREDIT_CARD MEDICAL_CONDITION RELIGION PRECISE_LOCATION
CRIMINAL_RECORD PERSONAL_INCOME PERSON_NAME PHONE_NUMBER EMAIL ADDRESS DATE_OF_BIRTH LICENSE_PLATE IP_ADDRESS PERSON_ID
USCC ORG_NAME GENDER AGE ETHNICITY MARITAL_STATUS OCCUPATION EDUCATION REGION EVENT_DATE FREE_TEXT""".split())
TAGS = {"masked", "sparse", "placeholder", "int", "free_text", "mixed_docs", "spaced", "fullwidth", "dirty", "lowercase_x",
        "legacy15", "prefixed", "cert_suffix", "excel_serial", "mixed_formats", "account_no", "empty"}
FORMATS = {"csv", "parquet", "jsonl", "xlsx"}
ENCODINGS = {"utf-8", "utf-8-sig", "gbk"}
DELIMS = {",", ";", "|", "\t"}
PLACEHOLDERS = {"", "无", "-", "NULL", "/", "暂无", "不详", "未缴", "待业"}
FULL = str.maketrans("０１２３４５６７８９ＸＸ－", "0123456789XX-")
PASSPORT_RE = re.compile(r"^([EG]\d{8}|E[A-Z]\d{7}|C\d{8})$")
ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
SERIAL_EPOCH = dt.date(1899, 12, 30)

problems: list[str] = []


def bad(msg: str) -> None:
    problems.append(msg)


def regenerate(out: str) -> float:
    t0 = time.time()
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out], check=True, stdout=subprocess.DEVNULL)
    return time.time() - t0


def same_tree(a: str, b: str) -> tuple[bool, int]:
    fa = sorted(os.path.relpath(os.path.join(r, f), a) for r, _, fs in os.walk(a) for f in fs)
    fb = sorted(os.path.relpath(os.path.join(r, f), b) for r, _, fs in os.walk(b) for f in fs)
    if fa != fb:
        return False, len(fa)
    ok = all(filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False) for f in fa)
    return ok, len(fa)


# ------------------------------------------------------------------ read back
def read_table(root: str, t: dict) -> tuple[list[str], list[list]]:
    path = os.path.join(root, t["file"])
    fmt = t["format"]
    if fmt == "csv":
        raw = open(path, "rb").read()
        bom = raw.startswith(b"\xef\xbb\xbf")
        if (t["encoding"] == "utf-8-sig") != bom:
            bad(f"{t['id']}: BOM does not match encoding {t['encoding']}")
        text = raw.decode(t["encoding"])
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=t["delimiter"]))
        header, body = rows[0], rows[1:]
        cols = [[r[j] if r[j] != "" else None for r in body] for j in range(len(header))]
        if any(len(r) != len(header) for r in body):
            bad(f"{t['id']}: ragged CSV rows")
        return header, cols
    if fmt == "parquet":
        import pyarrow.parquet as pq
        tab = pq.read_table(path)
        return tab.column_names, [tab.column(j).to_pylist() for j in range(tab.num_columns)]
    if fmt == "jsonl":
        objs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        header = list(objs[0].keys())
        if any(list(o.keys()) != header for o in objs):
            bad(f"{t['id']}: JSONL keys differ between lines")
        return header, [[o.get(k) for o in objs] for k in header]
    if fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        ws = wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        hl = t.get("header_line", 1)
        if t.get("title_row"):
            if not isinstance(rows[0][0], str) or any(c is not None for c in rows[0][1:]):
                bad(f"{t['id']}: title row not as declared")
        header = [str(c) for c in rows[hl - 1]]
        body = rows[hl:]
        return header, [[r[j] if j < len(r) else None for r in body] for j in range(len(header))]
    raise ValueError(fmt)


# ------------------------------------------------------------------ value checks
def norm(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).translate(FULL).replace(" ", "").strip()


def birth_of_id(s: str):
    if len(s) == 18:
        return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    return dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))


def parse_date(v, tags):
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, (int, float)) or (isinstance(v, str) and v.isdigit() and "excel_serial" in tags and len(v) <= 6):
        return SERIAL_EPOCH + dt.timedelta(days=int(float(v)))
    s = str(v).strip()
    m = re.match(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", s) or re.match(r"^(\d{4})(\d{2})(\d{2})$", s)
    if not m:
        return None
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def age_at(b: dt.date) -> int:
    return TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day))


def check_values(t: dict, c: dict, vals: list, stats: collections.Counter) -> list:
    """Returns ages found (for the minors check)."""
    ent, tags = c["entity"], set(c.get("tags", []))
    ages = []
    nonnull = [v for v in vals if v is not None and norm(v) not in PLACEHOLDERS]
    if not nonnull and "empty" not in tags:
        bad(f"{t['id']}.{c['name']}: empty column not tagged 'empty'")
    if len(nonnull) < len(vals) and not tags & {"sparse", "placeholder", "empty"}:
        bad(f"{t['id']}.{c['name']}: {len(vals) - len(nonnull)} null/placeholder values but not tagged sparse/placeholder")
    where = f"{t['id']}.{c['name']}"
    if ent == "CN_RESIDENT_ID":
        for v in nonnull:
            s = norm(v).upper()
            if "*" in s:
                stats["id masked"] += 1
                continue
            if len(s) == 19 and s[0] == "G":  # national student number: G + ID
                s = s[1:]
            if id_valid(s, TODAY):
                stats["id ok"] += 1
                ages.append(age_at(birth_of_id(s)))
            elif "mixed_docs" in tags and (PASSPORT_RE.match(s) or uscc_valid(s)):
                stats["id other doc"] += 1
            else:
                stats["id bad"] += 1
                bad(f"{where}: invalid resident ID")
    if "free_text" in tags or ent == "FREE_TEXT":
        for v in nonnull:
            for m in ID_IN_TEXT.findall(str(v)):
                if id_valid(m.upper(), TODAY):
                    stats["id ok"] += 1
                else:
                    stats["id bad"] += 1
                    bad(f"{where}: invalid resident ID in free text")
    if ent == "USCC":
        for v in nonnull:
            if uscc_valid(str(v)):
                stats["uscc ok"] += 1
            else:
                stats["uscc bad"] += 1
                bad(f"{where}: invalid USCC")
    if ent in ("BANK_CARD", "CREDIT_CARD"):
        for v in nonnull:
            s = str(v).replace(" ", "")
            if "account_no" in tags:
                ok = s.isdigit()
            else:
                ok = luhn_valid(s) and (ent == "CREDIT_CARD" or s.startswith("62")) and 16 <= len(s) <= 19
            stats["card ok" if ok else "card bad"] += 1
            if not ok:
                bad(f"{where}: invalid card number")
    if ent == "PASSPORT":
        for v in nonnull:
            ok = bool(PASSPORT_RE.match(str(v)))
            stats["passport ok" if ok else "passport bad"] += 1
            if not ok:
                bad(f"{where}: invalid passport")
    if ent == "DATE_OF_BIRTH":
        for v in nonnull:
            d = parse_date(v, tags)
            if d is None:
                bad(f"{where}: unparseable birth date")
                continue
            if d > TODAY:
                bad(f"{where}: birth date in the future")
            ages.append(age_at(d))
    if ent == "AGE" and t["kind"] in ("people", "mixed"):
        for v in nonnull:
            ages.append(int(v))
    if ent == "PHONE_NUMBER" and c["level"] == "personal":
        for v in nonnull:
            s = re.sub(r"[\s\-]", "", norm(v))
            s = re.sub(r"^(\+86|0086|86)(?=1\d{10}$)", "", s)
            if not (re.match(r"^1[3-9]\d{9}$", s) or re.match(r"^1[3-9]\d\*{4}\d{4}$", s) or re.match(r"^0\d{2,3}\d{7,8}", s)):
                bad(f"{where}: not a phone number")
    return ages


# ------------------------------------------------------------------ schema
def check_schema(doc: dict) -> None:
    if doc.get("version") != 3:
        bad("labels.json version is not 3")
    ids = set()
    for t in doc["tables"]:
        tid = t["id"]
        if tid in ids:
            bad(f"duplicate id {tid}")
        ids.add(tid)
        for k in ("id", "file", "split", "sector", "sector_name", "kind", "title", "format", "encoding", "rows", "columns"):
            if k not in t:
                bad(f"{tid}: missing {k}")
        if t["split"] != "tune":
            bad(f"{tid}: split is not 'tune'")
        if t["file"] != f"tune/{tid}.{t['format']}":
            bad(f"{tid}: file path")
        if t["kind"] not in KINDS or t["format"] not in FORMATS:
            bad(f"{tid}: kind/format")
        if t["format"] == "csv":
            if t["encoding"] not in ENCODINGS or t.get("delimiter") not in DELIMS:
                bad(f"{tid}: csv encoding/delimiter")
        elif t["format"] == "jsonl":
            if t["encoding"] != "utf-8" or "delimiter" in t:
                bad(f"{tid}: jsonl encoding")
        elif t["encoding"] is not None or "delimiter" in t:
            bad(f"{tid}: binary format with encoding/delimiter")
        if not 300 <= t["rows"] <= 3000:
            bad(f"{tid}: rows {t['rows']}")
        if t.get("title_row") and (t["format"] != "xlsx" or t.get("header_line") != 2):
            bad(f"{tid}: title_row without xlsx/header_line 2")
        if "minors" in t and t["minors"] is not True:
            bad(f"{tid}: minors must be true or absent")
        names = set()
        for c in t["columns"]:
            w = f"{tid}.{c['name']}"
            if c["name"] in names:
                bad(f"{w}: duplicate column")
            names.add(c["name"])
            if c["level"] not in LEVELS or c["role"] not in ROLES or c["style"] not in STYLES:
                bad(f"{w}: level/role/style vocabulary")
            if c["entity"] is not None and c["entity"] not in ENTITIES:
                bad(f"{w}: entity {c['entity']}")
            if set(c.get("tags", [])) - TAGS:
                bad(f"{w}: unknown tags {set(c.get('tags', [])) - TAGS}")
            if t["kind"] in ("organisations", "aggregate"):
                if c["level"] != "none" or c["role"] != "other":
                    bad(f"{w}: organisation/aggregate table with a personal column or non-'other' role")
            if t["kind"] == "mixed" and c["level"] == "none" and c["role"] != "other":
                bad(f"{w}: none-level column in a mixed table must be role other")
            if c["level"] != "none" and c["role"] == "other":
                bad(f"{w}: personal data with role other")
            if c["role"] == "sensitive" and c["level"] != "sensitive":
                bad(f"{w}: role sensitive below level sensitive")
            if c["entity"] in ("USCC", "ORG_NAME", "GENDER", "AGE", "ETHNICITY", "MARITAL_STATUS", "OCCUPATION", "EDUCATION",
                               "REGION", "EVENT_DATE") and c["level"] != "none":
                bad(f"{w}: {c['entity']} must be level none")
            if c["entity"] in ("CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD") and c["level"] != "sensitive":
                bad(f"{w}: {c['entity']} must be sensitive")
            if c["entity"] in ("PERSON_NAME", "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS", "PERSON_ID") and c["level"] != "personal":
                bad(f"{w}: {c['entity']} must be personal")
    tabs, cols = doc["tables"], [c for t in doc["tables"] for c in t["columns"]]
    if len(tabs) < 45 or len(cols) < 400:
        bad(f"too small: {len(tabs)} tables, {len(cols)} columns")
    if len({t["sector"] for t in tabs}) < 15:
        bad("fewer than 15 sectors")
    if {t["kind"] for t in tabs} != KINDS:
        bad("not all kinds present")


def table_counts(title, rows):
    print(f"\n{title}")
    cnt = collections.Counter(rows)
    for k, n in sorted(cnt.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {str(k):40s} {n:5d}")
    print(f"  {'(all)':40s} {sum(cnt.values()):5d}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="also copy nothing; keep the first regeneration in this directory")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        d1 = a.keep or os.path.join(tmp, "a")
        d2 = os.path.join(tmp, "b")
        w1, w2 = regenerate(d1), regenerate(d2)
        same, nfiles = same_tree(d1, d2)
        print(f"generated twice in {w1:.1f}s and {w2:.1f}s (wall); {nfiles} files byte-identical: {same}")
        if not same:
            bad("regeneration is not byte-identical")
        doc = json.load(open(os.path.join(d1, "labels.json"), encoding="utf-8"))
        check_schema(doc)
        stats: collections.Counter = collections.Counter()
        for t in doc["tables"]:
            header, cols = read_table(d1, t)
            names = [c["name"] for c in t["columns"]]
            if header != names:
                bad(f"{t['id']}: header {header} != labels {names}")
                continue
            if any(len(c) != t["rows"] for c in cols):
                bad(f"{t['id']}: row count differs from {t['rows']}")
            ages = []
            for c, vals in zip(t["columns"], cols):
                ages += check_values(t, c, vals, stats)
            if t["kind"] in ("people", "mixed"):
                has_minor = any(a < 14 for a in ages)
                if has_minor != bool(t.get("minors")):
                    bad(f"{t['id']}: minors flag {bool(t.get('minors'))} but data says {has_minor}")
    tabs = doc["tables"]
    cols = [(t, c) for t in tabs for c in t["columns"]]
    print(f"tables {len(tabs)}, labelled columns {len(cols)}, sectors {len({t['sector'] for t in tabs})}, split: all 'tune'")
    print(f"check digits: resident IDs {stats['id ok']} ok / {stats['id bad']} bad ({stats['id masked']} masked, "
          f"{stats['id other doc']} declared other documents); USCC {stats['uscc ok']} ok / {stats['uscc bad']} bad; "
          f"cards {stats['card ok']} ok / {stats['card bad']} bad; passports {stats['passport ok']} ok / {stats['passport bad']} bad")
    table_counts("tables by kind", [t["kind"] for t in tabs])
    table_counts("tables by sector", [t["sector"] for t in tabs])
    table_counts("tables by format", [t["format"] if t["format"] != "csv" else f"csv {t['encoding']} {t['delimiter']!r}"
                                      for t in tabs])
    table_counts("tables with minors / title row", [k for t in tabs for k in ("minors", "title_row") if t.get(k)])
    table_counts("columns by level", [c["level"] for _, c in cols])
    table_counts("columns by role", [c["role"] for _, c in cols])
    table_counts("columns by entity [level]", [f"{c['entity']} [{c['level']}]" for _, c in cols])
    table_counts("columns by naming style", [c["style"] for _, c in cols])
    table_counts("columns by table kind", [t["kind"] for t, _ in cols])
    table_counts("columns by value tag", [g for _, c in cols for g in c.get("tags", [])])
    if problems:
        print(f"\n{len(problems)} problems:")
        for p in problems[:60]:
            print("  " + p)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
