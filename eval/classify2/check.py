#!/usr/bin/env python3
"""Self-test of the v2 held-out set.

    python eval/classify2/check.py [--keep DIR]

1. generates the set twice (two fresh processes) and compares every byte;
2. checks labels.json (schema, vocabulary, kinds, roles, rows 200-3000, version 2, split "report");
3. reads every file back (CSV with its encoding/delimiter, Parquet, JSONL, XLSX with its header line)
   and compares header and row count with the labels; no labelled column is empty;
4. validates check digits where a column claims them (resident IDs, USCC, UnionPay cards: Luhn + 62);
5. verifies `minors: true` exactly on the tables that hold someone under 14 (birth dates and IDs);
6. prints counts per level, entity, role, style, format, kind and tag.
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
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(os.path.dirname(HERE), "classify", "gen")]  # v1's check digits

from checks import id_valid, luhn_valid, uscc_valid  # noqa: E402

REF = dt.date(2026, 11, 30)
ENTITIES = {"CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "MEDICAL_CONDITION", "RELIGION",
            "PRECISE_LOCATION", "CRIMINAL_RECORD", "PERSONAL_INCOME", "PERSON_NAME", "PHONE_NUMBER", "EMAIL",
            "ADDRESS", "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS", "PERSON_ID", "USCC", "ORG_NAME", "GENDER",
            "AGE", "ETHNICITY", "MARITAL_STATUS", "OCCUPATION", "EDUCATION", "REGION", "EVENT_DATE", "FREE_TEXT"}
FW = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")
PLACEHOLDERS = {"", "无", "不详", "/", "-", "未留", "NULL", "null", "000000000000000000", "暂无"}


def gen(out: str) -> float:
    t0 = time.time()
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out], check=True, stdout=subprocess.DEVNULL)
    return time.time() - t0


def same_tree(a: str, b: str) -> tuple[bool, int]:
    files = []
    for root, _, fs in os.walk(a):
        for f in fs:
            files.append(os.path.relpath(os.path.join(root, f), a))
    ok = all(os.path.exists(os.path.join(b, f)) and filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False)
             for f in files)
    nb = sum(len(fs) for _, _, fs in os.walk(b))
    return ok and nb == len(files), len(files)


def read_table(path: str, lab: dict) -> tuple[list[str], list[list]]:
    fmt = lab["format"]
    if fmt == "csv":
        with open(path, "rb") as f:
            raw = f.read()
        if lab["encoding"] == "utf-8-sig":
            assert raw.startswith(b"\xef\xbb\xbf"), "missing BOM"
        else:
            assert not raw.startswith(b"\xef\xbb\xbf"), "unexpected BOM"
        rows = list(csv.reader(io.StringIO(raw.decode(lab["encoding"])), delimiter=lab["delimiter"]))
        return rows[0], [[c if c != "" else None for c in r] for r in rows[1:]]
    if fmt == "parquet":
        import pyarrow.parquet as pq
        tb = pq.read_table(path)
        cols = [tb.column(i).to_pylist() for i in range(tb.num_columns)]
        return tb.column_names, [list(r) for r in zip(*cols)]
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as f:
            objs = [json.loads(line) for line in f if line.strip()]
        header = list(objs[0].keys())
        assert all(list(o.keys()) == header for o in objs), "jsonl keys differ between lines"
        return header, [[o[k] for k in header] for o in objs]
    if fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = [list(r) for r in wb.active.iter_rows(values_only=True)]
        hl = lab.get("header_line", 1)
        if lab.get("title_row"):
            assert rows[0][0] and all(v is None for v in rows[0][1:]), "title row"
        header = rows[hl - 1]
        return [str(h) for h in header], [r + [None] * (len(header) - len(r)) for r in rows[hl:]]
    raise ValueError(fmt)


def as_date(v):
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, int) or (isinstance(v, str) and v.isdigit() and 5 <= len(v) <= 5):
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(v))
    if isinstance(v, float):
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(v))
    s = str(v).strip().replace("/", "-").replace(".", "-").replace("年", "-").replace("月", "-").replace("日", "")
    s = s.split(" ")[0].split("T")[0]
    if len(s) == 8 and s.isdigit():
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        y, m, d = (int(x) for x in s.split("-")[:3])
        return dt.date(y, m, d)
    except Exception:
        return None


def norm_id(v, tags) -> str | None:
    if v is None:
        return None
    s = str(v).translate(FW).replace(" ", "").strip().upper()
    if s in PLACEHOLDERS or "*" in s:
        return None
    if s.startswith("G") and len(s) == 19:
        s = s[1:]
    if "cert_suffix" in tags and len(s) == 20:
        s = s[:18]
    if "mixed_docs" in tags and (not (len(s) in (15, 18) and s[:15].isdigit()) or (uscc_valid(s) and not id_valid(s))):
        return None
    return s


def under14(d: dt.date) -> bool:
    return d > dt.date(REF.year - 14, REF.month, REF.day)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", help="also leave a generated copy here")
    a = ap.parse_args(argv)
    errors: list[str] = []
    tmp = tempfile.mkdtemp(prefix="pi-eval2-")
    d1, d2 = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    s1, s2 = gen(d1), gen(d2)
    same, nfiles = same_tree(d1, d2)
    print(f"generated twice in {s1:.1f}s and {s2:.1f}s (wall); {nfiles} files byte-identical: {same}")
    if not same:
        errors.append("regenerations differ")
    doc = json.load(open(os.path.join(d1, "labels.json"), encoding="utf-8"))
    if doc.get("version") != 2:
        errors.append("version != 2")
    tabs = doc["tables"]
    cnt = collections.defaultdict(collections.Counter)
    digits = collections.Counter()
    ids = set()
    for lab in tabs:
        tid = lab["id"]
        if tid in ids:
            errors.append(f"duplicate id {tid}")
        ids.add(tid)
        for k in ("id", "file", "split", "sector", "sector_name", "kind", "title", "format", "encoding", "rows", "columns"):
            if k not in lab:
                errors.append(f"{tid}: missing {k}")
        if lab["split"] != "report" or lab["file"] != f"report/{tid}.{lab['format']}":
            errors.append(f"{tid}: split/file")
        if not 200 <= lab["rows"] <= 3000:
            errors.append(f"{tid}: rows {lab['rows']}")
        if lab["kind"] not in ("people", "organisations", "mixed", "aggregate"):
            errors.append(f"{tid}: kind")
        names = [c["name"] for c in lab["columns"]]
        if len(set(names)) != len(names):
            errors.append(f"{tid}: duplicate column names")
        for c in lab["columns"]:
            if c["level"] not in ("sensitive", "personal", "none") or c["role"] not in ("direct", "quasi", "sensitive", "other"):
                errors.append(f"{tid}.{c['name']}: level/role")
            if c["entity"] is not None and c["entity"] not in ENTITIES:
                errors.append(f"{tid}.{c['name']}: entity {c['entity']}")
            if c["style"] not in ("chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"):
                errors.append(f"{tid}.{c['name']}: style")
            if lab["kind"] in ("organisations", "aggregate") and c["role"] not in ("other", "direct"):
                errors.append(f"{tid}.{c['name']}: role {c['role']} in {lab['kind']} table")
            if lab["kind"] == "aggregate" and c["level"] != "none":
                errors.append(f"{tid}.{c['name']}: personal column in an aggregate table")
        # read back
        try:
            header, rows = read_table(os.path.join(d1, lab["file"]), lab)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{tid}: unreadable: {e!r}")
            continue
        if header != names:
            errors.append(f"{tid}: header {header} != labels {names}")
            continue
        if len(rows) != lab["rows"]:
            errors.append(f"{tid}: {len(rows)} rows != {lab['rows']}")
        has_minor = False
        for j, c in enumerate(lab["columns"]):
            vals = [r[j] for r in rows]
            tags = c.get("tags", [])
            if all(v is None or str(v).strip() == "" for v in vals) and "empty" not in tags:
                errors.append(f"{tid}.{c['name']}: empty column")
            e = c["entity"]
            if e == "CN_RESIDENT_ID":
                for v in vals:
                    s = norm_id(v, tags)
                    if s is None:
                        continue
                    ok = id_valid(s)
                    digits["id ok" if ok else "id bad"] += 1
                    if not ok and digits["id bad"] <= 3:
                        errors.append(f"{tid}.{c['name']}: invalid resident ID")
                    if ok and c["level"] != "none" and lab["kind"] in ("people", "mixed"):
                        b = s[6:14] if len(s) == 18 else "19" + s[6:12]
                        if under14(dt.date(int(b[:4]), int(b[4:6]), int(b[6:]))):
                            has_minor = True
            elif e == "USCC":
                for v in vals:
                    if v is None or "*" in str(v):
                        continue
                    ok = uscc_valid(str(v))
                    digits["uscc ok" if ok else "uscc bad"] += 1
                    if not ok and digits["uscc bad"] <= 3:
                        errors.append(f"{tid}.{c['name']}: invalid USCC")
            elif e in ("BANK_CARD", "CREDIT_CARD") and "account_no" not in tags:
                for v in vals:
                    if v is None or "*" in str(v) or str(v).strip() in PLACEHOLDERS:
                        continue
                    s = str(v).replace(" ", "")
                    ok = luhn_valid(s) and (e == "CREDIT_CARD" or s.startswith("62"))
                    digits["card ok" if ok else "card bad"] += 1
                    if not ok and digits["card bad"] <= 3:
                        errors.append(f"{tid}.{c['name']}: invalid card")
            elif e == "AGE" and lab["kind"] in ("people", "mixed"):
                if any(isinstance(v, int) and v < 14 or (isinstance(v, str) and v.isdigit() and int(v) < 14) for v in vals):
                    has_minor = True
            elif e == "DATE_OF_BIRTH":
                for v in vals:
                    if v is None or str(v).strip() in PLACEHOLDERS:
                        continue
                    d = as_date(v)
                    if d is None:
                        continue
                    if d > REF:
                        errors.append(f"{tid}.{c['name']}: birth date in the future")
                        break
                    if lab["kind"] in ("people", "mixed") and under14(d):
                        has_minor = True
        if has_minor != bool(lab.get("minors")):
            errors.append(f"{tid}: minors flag {lab.get('minors')} but data under-14 = {has_minor}")
        fk = lab["format"] + (f" {lab['encoding']} {lab['delimiter']!r}" if lab["format"] == "csv" else "")
        cnt["format"][fk] += 1
        cnt["kind"][lab["kind"]] += 1
        cnt["sector"][lab["sector"]] += 1
        cnt["table flags"].update(k for k in ("minors", "title_row") if lab.get(k))
        for c in lab["columns"]:
            cnt["level"][c["level"]] += 1
            cnt["role"][c["role"]] += 1
            cnt["entity [level]"][f"{c['entity']} [{c['level']}]"] += 1
            cnt["style"][c["style"]] += 1
            cnt["columns by table kind"][lab["kind"]] += 1
            cnt["tag"].update(c.get("tags", []))
    ncol = sum(len(t["columns"]) for t in tabs)
    print(f"tables {len(tabs)}, labelled columns {ncol}, sectors {len(cnt['sector'])}")
    print("check digits: " + ", ".join(f"{k} {v}" for k, v in sorted(digits.items())))
    for k in ("kind", "format", "table flags", "level", "role", "entity [level]", "style", "columns by table kind", "tag", "sector"):
        print(f"\n{k}")
        for key, v in cnt[k].most_common():
            print(f"  {key:40s} {v:5d}")
    if a.keep:
        import shutil
        shutil.rmtree(a.keep, ignore_errors=True)
        shutil.copytree(d1, a.keep)
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
    if errors:
        print("\nERRORS")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
