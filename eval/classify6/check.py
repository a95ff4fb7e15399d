"""Self-test of the v6 set: regenerate twice (byte-identical), labels cover every column,
read back every file, check digits, minors flags, label vocabulary; print counts.

    python eval/classify6/check.py [--keep DIR]
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
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import v6lib  # noqa: E402

ENTITIES = set("""CN_RESIDENT_ID PASSPORT BANK_CARD CREDIT_CARD MEDICAL_CONDITION RELIGION PRECISE_LOCATION
CRIMINAL_RECORD PERSONAL_INCOME PERSON_NAME PHONE_NUMBER EMAIL ADDRESS DATE_OF_BIRTH LICENSE_PLATE IP_ADDRESS
PERSON_ID USCC ORG_NAME GENDER AGE ETHNICITY MARITAL_STATUS OCCUPATION EDUCATION REGION EVENT_DATE FREE_TEXT""".split())
STYLES = {"chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"}
KINDS = {"people", "organisations", "mixed", "aggregate"}
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FW = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")
PLACEHOLDERS = {"", "无", "-", "NULL", "/", "不详", "000000000000000000"}


def gen(out):
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out], check=True, stdout=subprocess.DEVNULL)


def read_back(out, t):
    path = os.path.join(out, t["file"])
    f = t["format"]
    if f == "csv":
        raw = open(path, "rb").read()
        if t["encoding"] == "utf-8-sig":
            assert raw.startswith(b"\xef\xbb\xbf"), t["id"]
        else:
            assert not raw.startswith(b"\xef\xbb\xbf"), t["id"]
        rows = list(csv.reader(io.StringIO(raw.decode(t["encoding"]), newline=""), delimiter=t["delimiter"]))
        return rows[0], [[v if v != "" else None for v in r] for r in rows[1:]]
    if f == "parquet":
        import pyarrow.parquet as pq

        tb = pq.read_table(path)
        cols = [tb.column(i).to_pylist() for i in range(tb.num_columns)]
        return tb.column_names, [list(r) for r in zip(*cols)]
    if f == "jsonl":
        recs = [json.loads(line) for line in open(path, encoding="utf-8")]
        names = list(recs[0].keys())
        assert all(list(r.keys()) == names for r in recs), t["id"]
        return names, [[r[n] for n in names] for r in recs]
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    grid = []
    for row in root.iter(NS + "row"):
        cells = {}
        for cel in row.iter(NS + "c"):
            ref = re.match(r"[A-Z]+", cel.get("r")).group(0)
            ci = 0
            for ch in ref:
                ci = ci * 26 + ord(ch) - 64
            if cel.get("t") == "inlineStr":
                cells[ci - 1] = "".join(x.text or "" for x in cel.iter(NS + "t"))
            else:
                cells[ci - 1] = cel.find(NS + "v").text
        grid.append(cells)
    width = len(grid[0])
    names = [grid[0][i] for i in range(width)]
    try:
        import openpyxl

        ws = openpyxl.load_workbook(path, read_only=True).active
        first = next(ws.iter_rows(max_row=1, values_only=True))
        assert list(first) == names, t["id"]
    except ImportError:
        pass
    return names, [[r.get(i) for i in range(width)] for r in grid[1:]]


PASSPORT_RE = re.compile(r"E\d{8}|E[A-HJ-NP-Z]\d{7}|C[0-9A-Z]\d{7}|[HM]\d{8}|L\d{8}|[A-Z]\d{8}|\d{9}")


def mrz_ok(line):
    """ICAO 9303 TD3 line 2 check digits."""
    val = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}

    def cd(x):
        return str(sum(val[ch] * (7, 3, 1)[i % 3] for i, ch in enumerate(x)) % 10)

    comp = line[0:10] + line[13:20] + line[21:43]
    return cd(line[0:9]) == line[9] and cd(line[13:19]) == line[19] and cd(line[21:27]) == line[27] and cd(comp) == line[43]


def norm_id(v):
    s = str(v).translate(FW).replace(" ", "").upper()
    return re.sub(r"^[^0-9A-Z]+[:：]", "", s)  # tag `prefixed`: "身份证:4301..."


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep")
    a = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="eval6-")
    d1, d2 = a.keep or os.path.join(tmp, "a"), os.path.join(tmp, "b")
    gen(d1)
    gen(d2)
    files = sorted(os.path.relpath(os.path.join(r, f), d1) for r, _, fs in os.walk(d1) for f in fs)
    same = all(filecmp.cmp(os.path.join(d1, f), os.path.join(d2, f), shallow=False) for f in files)
    print(f"regenerated twice: {len(files)} files byte-identical: {same}")
    errs = []
    if not same:
        errs.append("not deterministic")
    lab = json.load(open(os.path.join(d1, "labels.json"), encoding="utf-8"))
    assert lab["version"] == 1
    tables = lab["tables"]
    ok = collections.Counter()
    bad = collections.Counter()
    ids = set()
    for t in tables:
        tid = t["id"]
        assert tid not in ids
        ids.add(tid)
        if t["split"] != "tune" or t["kind"] not in KINDS or t["sector"] not in v6lib.SECTORS:
            errs.append(f"{tid}: table fields")
        if not 200 <= t["rows"] <= 3000:
            errs.append(f"{tid}: rows {t['rows']}")
        names, rows = read_back(d1, t)
        labn = [c["name"] for c in t["columns"]]
        if names != labn:
            errs.append(f"{tid}: header {names} != labels {labn}")
            continue
        if len(rows) != t["rows"]:
            errs.append(f"{tid}: {len(rows)} rows != {t['rows']}")
        cols = {n: [r[i] for r in rows] for i, n in enumerate(names)}
        minor = False
        for c in t["columns"]:
            vals = cols[c["name"]]
            tags = c.get("tags", [])
            if c["level"] not in ("sensitive", "personal", "none") or c["role"] not in ("direct", "quasi", "sensitive", "other"):
                errs.append(f"{tid}.{c['name']}: level/role")
            if c["entity"] is not None and c["entity"] not in ENTITIES:
                errs.append(f"{tid}.{c['name']}: entity {c['entity']}")
            if c["style"] not in STYLES:
                errs.append(f"{tid}.{c['name']}: style")
            if t["kind"] in ("organisations", "aggregate") and (c["level"] != "none" or c["role"] != "other"):
                errs.append(f"{tid}.{c['name']}: org/aggregate column must be none/other")
            if t["kind"] == "mixed" and c["level"] == "none" and c["role"] != "other":
                errs.append(f"{tid}.{c['name']}: none column of a mixed table must be other")
            nn = [v for v in vals if v is not None]
            if not nn and "empty" not in tags:
                errs.append(f"{tid}.{c['name']}: empty")
            ent = c["entity"]
            if ent == "CN_RESIDENT_ID" and "masked" not in tags:
                for v in nn:
                    s = norm_id(v)
                    if s in PLACEHOLDERS:
                        continue
                    if s.startswith("G") and len(s) == 19:
                        s = s[1:]
                    if len(s) == 20 and s[:18].isdigit() is False and s[:17].isdigit():
                        s = s[:18]
                    if len(s) == 20 and s[:17].isdigit():
                        s = s[:18]
                    if len(s) == 15 and s.isdigit():
                        try:
                            b = dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
                            ok["id"] += 1
                            minor |= v6lib.age_of(b) < 14
                        except ValueError:
                            bad["id"] += 1
                        continue
                    if v6lib.id_ok(s):
                        ok["id"] += 1
                        minor |= v6lib.age_of(dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))) < 14
                    elif "mixed_docs" in tags and (re.fullmatch(r"E[0-9A-Z]\d{7}|[HM]\d{8}|\d{8}|C[0-9A-Z]\d{7}|[0-9A-Z]{9}", s) or (len(s) == 18 and v6lib.uscc_check(s[:17]) == s[17])):
                        ok["doc"] += 1
                    else:
                        bad["id"] += 1
                        if bad["id"] < 5:
                            errs.append(f"{tid}.{c['name']}: bad ID {v!r}"[:60])
            if ent == "PASSPORT":
                for v in nn:
                    if PASSPORT_RE.fullmatch(str(v)) or (len(str(v)) == 44 and mrz_ok(str(v))):
                        ok["passport"] += 1
                    else:
                        bad["passport"] += 1
                        errs.append(f"{tid}.{c['name']}: bad passport/permit {v!r}"[:70])
            if ent == "PHONE_NUMBER" and c["level"] == "personal" and "masked" not in tags:
                digits = ["".join(ch for ch in str(v).translate(FW) if ch.isdigit()) for v in nn]
                share = sum(1 for d in digits if re.search(r"1[3-9]\d{9}", d)) / max(1, len(digits))
                if share < 0.5:
                    errs.append(f"{tid}.{c['name']}: only {share:.0%} mobile-shaped")
                ok["phone_cols"] += 1
            if ent == "USCC":
                for v in nn:
                    if v6lib.uscc_check(v[:17]) == v[17]:
                        ok["uscc"] += 1
                    else:
                        bad["uscc"] += 1
                        errs.append(f"{tid}.{c['name']}: bad USCC")
            if ent in ("BANK_CARD", "CREDIT_CARD") and "masked" not in tags and "account_no" not in tags:
                for v in nn:
                    s = str(v).replace(" ", "").replace("-", "")
                    if v6lib.luhn_ok(s) and (ent == "CREDIT_CARD" or s.startswith("62")):
                        ok["card"] += 1
                    else:
                        bad["card"] += 1
                        errs.append(f"{tid}.{c['name']}: bad card")
            if ent == "DATE_OF_BIRTH":
                for v in nn:
                    m = re.match(r"(\d{4})\D?(\d{2})\D?(\d{2})", str(v))
                    if m:
                        b = dt.date(*map(int, m.groups()))
                        if b > v6lib.REF:
                            errs.append(f"{tid}.{c['name']}: future birth date")
                        minor |= v6lib.age_of(b) < 14
            if ent == "AGE":
                for v in nn:
                    m = re.match(r"(\d+)(岁)?$", str(v))
                    if m is None or int(m.group(1)) < 14:
                        minor = True
        if t["kind"] in ("people", "mixed") and minor != bool(t.get("minors")):
            errs.append(f"{tid}: minors flag {t.get('minors')} but data says {minor}")
    ncols = sum(len(t["columns"]) for t in tables)
    print(f"tables {len(tables)}, labelled columns {ncols}, sectors {len({t['sector'] for t in tables})}")
    print(f"check digits: resident IDs {ok['id']} ok / {bad['id']} bad; other documents in mixed_docs columns {ok['doc']}; "
          f"USCC {ok['uscc']} ok / {bad['uscc']} bad; cards {ok['card']} ok / {bad['card']} bad; "
          f"passports/permits/MRZ {ok['passport']} ok / {bad['passport']} bad; personal phone columns mobile-shaped {ok['phone_cols']}")
    cols = [(t, c) for t in tables for c in t["columns"]]

    def show(title, key, items):
        cnt = collections.Counter(key(x) for x in items)
        print(f"\n{title}")
        for k, v in cnt.most_common():
            print(f"  {str(k):<40}{v:>6}")

    show("tables by sector", lambda t: t["sector"], tables)
    show("tables by kind", lambda t: t["kind"], tables)
    show("tables by format", lambda t: t["format"] + (f" {t['encoding']} {t['delimiter']!r}" if t["format"] == "csv" else ""), tables)
    show("columns by level", lambda x: x[1]["level"], cols)
    show("columns by role", lambda x: x[1]["role"], cols)
    show("columns by kind", lambda x: x[0]["kind"], cols)
    show("columns by style", lambda x: x[1]["style"], cols)
    show("columns by entity [level]", lambda x: f"{x[1]['entity']} [{x[1]['level']}]", cols)
    show("columns by value tag", lambda x: x, [tg for _, c in cols for tg in c.get("tags", [])])
    print(f"\ntables with minors: {sum(1 for t in tables if t.get('minors'))}")
    if errs:
        print("\nFAILED:")
        for e in errs[:60]:
            print("  " + e)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
