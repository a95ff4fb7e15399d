"""Self-test of the v4 held-out set.

    python eval/classify4/check.py [--keep DIR]

Regenerates the set twice (two fresh processes) into temporary directories, checks the two runs are
byte-identical, then checks labels.json (schema, vocabulary, roles), reads every file back (CSV with
its encoding/delimiter/BOM, Parquet, JSONL, XLSX with its header line), validates check digits where
a column claims an identifier, recomputes `minors`, and prints counts.
"""

from __future__ import annotations

import argparse
import collections
import csv
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
sys.path.insert(0, HERE)

import v4lib  # noqa: E402

ENTITIES = {"CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "MEDICAL_CONDITION", "RELIGION",
            "PRECISE_LOCATION", "CRIMINAL_RECORD", "PERSONAL_INCOME", "PERSON_NAME", "PHONE_NUMBER", "EMAIL",
            "ADDRESS", "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS", "PERSON_ID", "USCC", "ORG_NAME", "GENDER",
            "AGE", "ETHNICITY", "MARITAL_STATUS", "OCCUPATION", "EDUCATION", "REGION", "EVENT_DATE", "FREE_TEXT",
            None}
LEVELS = {"sensitive", "personal", "none"}
ROLES = {"direct", "quasi", "sensitive", "other"}
STYLES = {"chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"}
TAGS = {"masked", "sparse", "placeholder", "int", "free_text", "mixed_docs", "spaced", "fullwidth", "dirty",
        "lowercase_x", "legacy15", "prefixed", "cert_suffix", "excel_serial", "mixed_formats", "account_no", "empty"}
KINDS = {"people", "organisations", "mixed", "aggregate"}
TABLE_KEYS = {"id", "file", "split", "sector", "sector_name", "kind", "title", "format", "encoding", "delimiter",
              "rows", "columns"}
OPTIONAL_KEYS = {"minors", "title_row", "header_line", "note"}
PLACEHOLDERS = {"", "无", "/", "-", "不详", "NULL", "null", "None"}
FW_BACK = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
PASSPORT_RES = [re.compile(p) for p in (r"^E[A-Z]?\d{7,8}$", r"^[GPSD]\d{8}$", r"^C[A-Z]\d{7}$", r"^L\d{8}$",
                                        r"^[HM]\d{8}(\d{2})?$", r"^\d{8}$", r"^\d{9}$", r"^[A-Z]\d{8}$",
                                        r"^[A-Z]{2}\d{7}$")]
ID_IN_TEXT = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")

problems: list[str] = []


def fail(msg):
    problems.append(msg)


# --------------------------------------------------------------------------- reading back


def read_back(out, t):
    path = os.path.join(out, t["file"])
    fmt = t["format"]
    if fmt == "csv":
        raw = open(path, "rb").read()
        bom = raw.startswith(b"\xef\xbb\xbf")
        if (t["encoding"] == "utf-8-sig") != bom:
            fail(f"{t['id']}: BOM presence does not match encoding {t['encoding']}")
        text = raw.decode(t["encoding"])
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=t["delimiter"]))
        header, body = rows[0], rows[1:]
        cols = {h: [r[i] if r[i] != "" else None for r in body] for i, h in enumerate(header)}
        return header, len(body), cols
    if fmt == "parquet":
        import pyarrow.parquet as pq

        tab = pq.read_table(path)
        return tab.column_names, tab.num_rows, {c: tab.column(c).to_pylist() for c in tab.column_names}
    if fmt == "jsonl":
        recs = [json.loads(line) for line in open(path, encoding="utf-8")]
        header = list(recs[0].keys())
        for r in recs:
            if list(r.keys()) != header:
                fail(f"{t['id']}: JSONL keys differ between records")
                break
        return header, len(recs), {h: [r.get(h) for r in recs] for h in header}
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        ws = wb.active
        rows = list(ws.iter_rows(values_only=True))
        hl = t.get("header_line", 1)
        if t.get("title_row"):
            if rows[0][0] != t["title"]:
                fail(f"{t['id']}: title row does not hold the title")
        header = [h for h in rows[hl - 1] if h is not None]
        body = rows[hl:]
        return header, len(body), {h: [r[i] if i < len(r) else None for r in body] for i, h in enumerate(header)}
    raise ValueError(fmt)


# --------------------------------------------------------------------------- identifier checks


def norm(v):
    return str(v).translate(FW_BACK).strip()


def check_ids(t, c, vals, stats):
    tags = set(c["tags"])
    ent = c["entity"]
    name = f"{t['id']}.{c['name']}"
    if ent == "CN_RESIDENT_ID":
        bad = 0
        for v in vals:
            if v is None or norm(v) in PLACEHOLDERS:
                continue
            s = norm(v)
            if "free_text" in tags:
                for m in ID_IN_TEXT.findall(s):
                    stats["id_ok" if v4lib.id_valid(m.upper()) else "id_bad"] += 1
                continue
            if "*" in s:
                continue
            s = s.replace(" ", "")
            if "prefixed" in tags and s[:1] in "GT" and len(s) == 19:
                s = s[1:]
            if "cert_suffix" in tags and len(s) == 20:
                s = s[:18]
            if "mixed_docs" in tags and not (len(s) in (15, 18) and s[:17].isdigit()):
                if any(p.match(s) for p in PASSPORT_RES) or v4lib.uscc_valid(s):
                    continue
            if "lowercase_x" not in tags and s.endswith("x"):
                fail(f"{name}: lowercase x not declared")
            if len(s) == 15 and "legacy15" not in tags:
                fail(f"{name}: 15-digit ID not declared")
            ok = v4lib.id_valid(s.upper())
            stats["id_ok" if ok else "id_bad"] += 1
            bad += not ok
        if bad:
            fail(f"{name}: {bad} invalid resident IDs")
    elif ent == "USCC":
        for v in vals:
            if v is None:
                continue
            ok = v4lib.uscc_valid(norm(v))
            stats["uscc_ok" if ok else "uscc_bad"] += 1
            if not ok:
                fail(f"{name}: invalid USCC {v!r:.4}...")
                break
    elif ent in ("BANK_CARD", "CREDIT_CARD"):
        for v in vals:
            if v is None:
                continue
            s = re.sub(r"^[\u4e00-\u9fff]+", "", norm(v)).replace(" ", "")
            if "*" in s:
                continue
            if "account_no" in tags:
                stats["account_no"] += 1
                continue
            ok = v4lib.luhn_valid(s) and (ent == "CREDIT_CARD" or s.startswith("62"))
            stats["card_ok" if ok else "card_bad"] += 1
            if not ok:
                fail(f"{name}: card fails Luhn/BIN")
                break
    elif ent == "PASSPORT":
        for v in vals:
            if v is None:
                continue
            ok = any(p.match(norm(v)) for p in PASSPORT_RES)
            stats["passport_ok" if ok else "passport_bad"] += 1
            if not ok:
                fail(f"{name}: passport format {v!r}")
                break
    elif ent == "DATE_OF_BIRTH":
        for v in vals:
            d = v4lib.parse_date(v)
            if d is not None and d > v4lib.REF_DATE:
                fail(f"{name}: birth date in the future")
                break


# --------------------------------------------------------------------------- main


def generate_into(d):
    t0 = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", d], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def same_tree(a, b):
    fa = sorted(os.path.relpath(os.path.join(r, f), a) for r, _, fs in os.walk(a) for f in fs)
    fb = sorted(os.path.relpath(os.path.join(r, f), b) for r, _, fs in os.walk(b) for f in fs)
    if fa != fb:
        return False, len(fa)
    return all(filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False) for f in fa), len(fa)


def table_print(title, counter, order=None):
    print(f"\n{title}")
    keys = order or [k for k, _ in counter.most_common()]
    for k in keys:
        print(f"  {str(k):44s} {counter[k]:5d}")
    print(f"  {'(all)':44s} {sum(counter.values()):5d}")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", help="also leave one generated copy in this directory")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        w1 = generate_into(d1)
        w2 = generate_into(d2)
        same, nfiles = same_tree(d1, d2)
        print(f"generated twice in {w1:.1f}s and {w2:.1f}s (wall); {nfiles} files byte-identical: {same}")
        if not same:
            fail("regenerations differ")
        if a.keep:
            import shutil

            shutil.copytree(d1, a.keep, dirs_exist_ok=True)
        doc = json.load(open(os.path.join(d1, "labels.json"), encoding="utf-8"))
        run_checks(d1, doc)
    if problems:
        print(f"\n{len(problems)} PROBLEMS")
        for p in problems[:80]:
            print("  -", p)
        sys.exit(1)
    print("\nall checks passed")


def run_checks(out, doc):
    if doc.get("version") != 4:
        fail("version is not 4")
    tables = doc["tables"]
    stats = collections.Counter()
    by = {k: collections.Counter() for k in ("sector", "kind", "format", "level", "role", "entity", "style", "tag",
                                             "kind_cols", "flags")}
    ids = set()
    ncols = 0
    for t in tables:
        if t["id"] in ids:
            fail(f"duplicate table id {t['id']}")
        ids.add(t["id"])
        keys = set(t)
        if not TABLE_KEYS <= keys or keys - TABLE_KEYS - OPTIONAL_KEYS:
            fail(f"{t['id']}: table keys {sorted(keys ^ TABLE_KEYS)}")
        if t["split"] != "report":
            fail(f"{t['id']}: split is not report")
        if t["kind"] not in KINDS:
            fail(f"{t['id']}: kind")
        if not 200 <= t["rows"] <= 3000:
            fail(f"{t['id']}: rows {t['rows']}")
        if t["file"] != f"report/{t['id']}.{t['format']}":
            fail(f"{t['id']}: file path")
        fmt = t["format"] if t["format"] != "csv" else f"csv {t['encoding']} {t['delimiter']!r}"
        by["format"][fmt] += 1
        by["sector"][f"{t['sector']} ({t['sector_name']})"] += 1
        by["kind"][t["kind"]] += 1
        for f in ("minors", "title_row"):
            if t.get(f):
                by["flags"][f] += 1
        if t.get("title_row") and t.get("header_line") != 2:
            fail(f"{t['id']}: title_row without header_line 2")
        header, nrows, cols = read_back(out, t)
        names = [c["name"] for c in t["columns"]]
        if header != names:
            fail(f"{t['id']}: header read back {header[:3]}... differs from labels")
        if nrows != t["rows"]:
            fail(f"{t['id']}: {nrows} rows read back, {t['rows']} labelled")
        for c in t["columns"]:
            ncols += 1
            if c["entity"] not in ENTITIES or c["level"] not in LEVELS or c["role"] not in ROLES:
                fail(f"{t['id']}.{c['name']}: vocabulary")
            if c["style"] not in STYLES or set(c["tags"]) - TAGS:
                fail(f"{t['id']}.{c['name']}: style/tags")
            if t["kind"] in ("organisations", "aggregate") and (c["level"] != "none" or c["role"] != "other"):
                fail(f"{t['id']}.{c['name']}: personal column or non-other role in {t['kind']} table")
            if t["kind"] == "mixed" and c["level"] == "none" and c["role"] != "other":
                fail(f"{t['id']}.{c['name']}: none-level column of a mixed table should be role other")
            if c["level"] == "none" and c["role"] in ("direct", "sensitive"):
                fail(f"{t['id']}.{c['name']}: none level with role {c['role']}")
            vals = cols.get(c["name"], [])
            filled = [v for v in vals if v is not None and norm(v) not in PLACEHOLDERS]
            if not filled and "empty" not in c["tags"]:
                fail(f"{t['id']}.{c['name']}: empty column")
            check_ids(t, c, vals, stats)
            by["level"][c["level"]] += 1
            by["role"][c["role"]] += 1
            by["entity"][f"{c['entity']} [{c['level']}]"] += 1
            by["style"][c["style"]] += 1
            by["kind_cols"][t["kind"]] += 1
            for tg in c["tags"]:
                by["tag"][tg] += 1
        if t["kind"] in ("people", "mixed"):
            a = v4lib.min_age([(c["entity"], cols.get(c["name"], [])) for c in t["columns"]])
            has_minor = a is not None and a < 14
            if has_minor != bool(t.get("minors")):
                fail(f"{t['id']}: minors flag {t.get('minors')} but youngest age read back {a}")
    nsec = len(by["sector"])
    print(f"tables {len(tables)}, labelled columns {ncols}, sectors {nsec}")
    if len(tables) < 64 or ncols < 850 or nsec < 12 or set(by["kind"]) != KINDS:
        fail("size: need >= 64 tables, >= 850 columns, >= 12 sectors, all four kinds")
    print(f"check digits: resident IDs {stats['id_ok']} ok / {stats['id_bad']} bad; USCC {stats['uscc_ok']} ok / "
          f"{stats['uscc_bad']} bad; cards {stats['card_ok']} ok / {stats['card_bad']} bad "
          f"(+{stats['account_no']} fund account numbers, no Luhn); passports/permits {stats['passport_ok']} ok / "
          f"{stats['passport_bad']} bad")
    table_print("tables by sector", by["sector"])
    table_print("tables by kind", by["kind"])
    table_print("tables by format", by["format"])
    table_print("tables with minors / title row", by["flags"])
    table_print("columns by level", by["level"])
    table_print("columns by role", by["role"])
    table_print("columns by table kind", by["kind_cols"])
    table_print("columns by naming style", by["style"])
    table_print("columns by entity [level]", by["entity"])
    table_print("columns by value tag", by["tag"])


if __name__ == "__main__":
    main()
