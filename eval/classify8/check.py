"""Self-test of the v8 set: ``python eval/classify8/check.py [--data DIR]``.

1. generates the set twice into temporary directories and compares every byte (and DIR, if given);
2. checks labels.json: schema, vocabulary, levels/roles/styles, counts (>= 80 tables, >= 900 columns,
   >= 15 sectors, all four kinds), organisation/aggregate tables without personal columns;
3. reads every file back (CSV with its encoding/BOM/delimiter, Parquet, JSONL, XLSX with its header
   line): header equals the labelled columns, row count equals ``rows``, no column empty unless tagged;
4. check digits: every resident ID (GB 11643; 15-digit legacy by date) unless masked, a placeholder,
   an Excel-mangled float or a passport in a ``mixed_docs`` column; IDs inside free text; USCC
   (GB 32100); bank cards (Luhn, 62 BIN) unless ``account_no`` or masked; credit cards (Luhn);
   passports; mobile shapes; birth dates not in the future;
5. ``minors: true`` exactly on the people tables whose IDs, birth dates or ages show someone under 14;
6. prints counts.
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
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lib8 import TODAY, id_valid, luhn_valid, read_xlsx, uscc_valid  # noqa: E402

ENTITIES = set(
    [
        "CN_RESIDENT_ID",
        "PASSPORT",
        "BANK_CARD",
        "CREDIT_CARD",
        "MEDICAL_CONDITION",
        "RELIGION",
        "PRECISE_LOCATION",
        "CRIMINAL_RECORD",
        "PERSONAL_INCOME",
        "PERSON_NAME",
        "PHONE_NUMBER",
        "EMAIL",
        "ADDRESS",
        "DATE_OF_BIRTH",
        "LICENSE_PLATE",
        "IP_ADDRESS",
        "PERSON_ID",
        "USCC",
        "ORG_NAME",
        "GENDER",
        "AGE",
        "ETHNICITY",
        "MARITAL_STATUS",
        "OCCUPATION",
        "EDUCATION",
        "REGION",
        "EVENT_DATE",
        "FREE_TEXT",
    ]
)
LEVELS = {"sensitive", "personal", "none"}
ROLES = {"direct", "quasi", "sensitive", "other"}
STYLES = {"chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"}
TAGS = {
    "masked",
    "sparse",
    "placeholder",
    "int",
    "free_text",
    "mixed_docs",
    "spaced",
    "fullwidth",
    "dirty",
    "lowercase_x",
    "legacy15",
    "prefixed",
    "cert_suffix",
    "excel_serial",
    "mixed_formats",
    "account_no",
    "empty",
}
KINDS = {"people", "organisations", "mixed", "aggregate"}
PLACEHOLDERS = {"无", "-", "NULL", "/", "不详"}
FW_BACK = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")
ID_TOKEN = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9])")
MOBILE = re.compile(r"^(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}$")
LANDLINE = re.compile(r"^0\d{2,3}-\d{7,8}$")


def generate(out: str) -> float:
    t0 = time.time()
    subprocess.run(
        [sys.executable, os.path.join(HERE, "generate.py"), "--out", out], check=True, stdout=subprocess.DEVNULL
    )
    return time.time() - t0


def same_tree(a: str, b: str) -> tuple[bool, int]:
    files = []
    for root, _, names in os.walk(a):
        for n in names:
            files.append(os.path.relpath(os.path.join(root, n), a))
    other = {os.path.relpath(os.path.join(r, n), b) for r, _, ns in os.walk(b) for n in ns}
    ok = set(files) == other and all(filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False) for f in files)
    return ok, len(files)


def read_back(data: str, t: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    path = os.path.join(data, t["file"])
    fmt = t["format"]
    if fmt == "csv":
        with open(path, "rb") as f:
            raw = f.read()
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        assert has_bom == (t["encoding"] == "utf-8-sig"), f"{t['id']}: BOM mismatch"
        rows = list(csv.reader(io.StringIO(raw.decode(t["encoding"]), newline=""), delimiter=t["delimiter"]))
        return rows[0], [[None if v == "" else v for v in r] for r in rows[1:]]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        tab = pq.read_table(path)
        cols = [tab.column(i).to_pylist() for i in range(tab.num_columns)]
        return tab.column_names, [list(r) for r in zip(*cols)]
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as f:
            recs = [json.loads(line) for line in f]
        header = list(recs[0].keys())
        return header, [[r.get(h) for h in header] for r in recs]
    rows = read_xlsx(path)
    hl = t.get("header_line", 1)
    if hl == 2:
        assert rows[0][0] == t["title"], f"{t['id']}: title row"
    header = [str(h) for h in rows[hl - 1]]
    body = [r + [None] * (len(header) - len(r)) for r in rows[hl:]]
    return header, body


def parse_date(v: Any) -> dt.date | None:
    if v is None:
        return None
    s = str(v).strip()
    if re.fullmatch(r"\d{5}", s):
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(s))
    if re.fullmatch(r"\d{8}", s):
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    if re.fullmatch(r"\d{6}", s):
        return dt.date(int(s[:4]), int(s[4:6]), 1)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:
        return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    nums = re.findall(r"\d+", s)
    if len(nums) >= 3 and len(nums[0]) == 4:
        return dt.date(int(nums[0]), int(nums[1]), int(nums[2]))
    raise ValueError(f"unparsed date {s!r}")


def age_at(d: dt.date) -> int:
    return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))


def id_birth(s: str) -> dt.date | None:
    if len(s) == 18:
        return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    if len(s) == 15:
        return dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", help="an existing output directory to compare and verify")
    a = ap.parse_args(argv)
    errors: list[str] = []
    c: collections.Counter[str] = collections.Counter()
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        w1, w2 = generate(d1), generate(d2)
        same, nfiles = same_tree(d1, d2)
        print(f"generated twice in {w1:.1f}s and {w2:.1f}s (wall); {nfiles} files byte-identical: {same}")
        if not same:
            errors.append("regeneration is not byte-identical")
        if a.data:
            same_d, _ = same_tree(d1, a.data)
            print(f"{a.data} identical to a fresh generation: {same_d}")
            if not same_d:
                errors.append(f"{a.data} differs from a fresh generation")
        data = d1
        with open(os.path.join(data, "labels.json"), encoding="utf-8") as fh:
            labels = json.load(fh)
        tables = labels["tables"]
        for t in tables:
            tid = t["id"]
            for f in (
                "id",
                "file",
                "split",
                "sector",
                "sector_name",
                "kind",
                "title",
                "format",
                "encoding",
                "rows",
                "columns",
            ):
                if f not in t:
                    errors.append(f"{tid}: missing {f}")
            if t["kind"] not in KINDS:
                errors.append(f"{tid}: kind {t['kind']}")
            if not 60 <= t["rows"] <= 3000:
                errors.append(f"{tid}: rows {t['rows']}")
            for col in t["columns"]:
                cn = f"{tid}.{col['name']}"
                if col["level"] not in LEVELS or col["role"] not in ROLES or col["style"] not in STYLES:
                    errors.append(f"{cn}: level/role/style")
                if col["entity"] is not None and col["entity"] not in ENTITIES:
                    errors.append(f"{cn}: entity {col['entity']}")
                if not set(col.get("tags", [])) <= TAGS:
                    errors.append(f"{cn}: tags {col.get('tags')}")
                if t["kind"] in ("organisations", "aggregate") and (col["level"] != "none" or col["role"] != "other"):
                    errors.append(f"{cn}: personal column or non-other role in an {t['kind']} table")
                if t["kind"] == "mixed" and col["level"] == "none" and col["role"] != "other":
                    errors.append(f"{cn}: none-level column of a mixed table must be other")
                if col["level"] == "none" and col["role"] in ("direct", "sensitive"):
                    errors.append(f"{cn}: none-level column with role {col['role']}")
            header, rows = read_back(data, t)
            names = [col["name"] for col in t["columns"]]
            if header != names:
                errors.append(f"{tid}: header {header} != labels {names}")
                continue
            if len(rows) != t["rows"]:
                errors.append(f"{tid}: {len(rows)} rows, labelled {t['rows']}")
            min_age = 200
            for j, col in enumerate(t["columns"]):
                cn = f"{tid}.{col['name']}"
                tags = set(col.get("tags", []))
                vals = [r[j] for r in rows]
                nn = [v for v in vals if v is not None and str(v).strip() != ""]
                if not nn and "empty" not in tags:
                    errors.append(f"{cn}: empty column")
                if nn and "empty" in tags:
                    errors.append(f"{cn}: tagged empty but has values")
                ent = col["entity"]
                for v in nn:
                    s = str(v).translate(FW_BACK).strip()
                    if s in PLACEHOLDERS:
                        continue
                    if "free_text" in tags:
                        for tok in ID_TOKEN.findall(s):
                            c["id_ok" if id_valid(tok) else "id_bad"] += 1
                            if not id_valid(tok):
                                errors.append(f"{cn}: bad ID in text {tok}")
                        continue
                    if ent == "CN_RESIDENT_ID":
                        if "*" in s:
                            continue
                        if "dirty" in tags and "E+" in s:
                            continue
                        s2 = s.replace(" ", "").replace("身份证:", "")
                        if re.fullmatch(r"G\d{17}[\dXx]", s2):
                            s2 = s2[1:]
                        if "cert_suffix" in tags:
                            s2 = s2[:18]
                        if "mixed_docs" in tags and re.fullmatch(r"[EG]\d{8}", s2):
                            c["passport_ok"] += 1
                            continue
                        if id_valid(s2):
                            c["id_ok"] += 1
                            if col["role"] == "direct":
                                b = id_birth(s2.upper())
                                if b:
                                    min_age = min(min_age, age_at(b))
                        else:
                            c["id_bad"] += 1
                            errors.append(f"{cn}: bad ID {s2}")
                    elif ent == "USCC":
                        if uscc_valid(s):
                            c["uscc_ok"] += 1
                        else:
                            c["uscc_bad"] += 1
                            errors.append(f"{cn}: bad USCC {s}")
                    elif ent in ("BANK_CARD", "CREDIT_CARD") and "account_no" not in tags and "*" not in s:
                        if "dirty" in tags and "E+" in s:
                            continue
                        s2 = s.replace(" ", "")
                        ok = luhn_valid(s2) and (ent == "CREDIT_CARD" or s2.startswith("62"))
                        c["card_ok" if ok else "card_bad"] += 1
                        if not ok:
                            errors.append(f"{cn}: bad card {s}")
                    elif ent == "PASSPORT":
                        ok = bool(re.fullmatch(r"[EGCL]\d{8}", s))
                        c["passport_ok" if ok else "passport_bad"] += 1
                        if not ok:
                            errors.append(f"{cn}: bad passport {s}")
                    elif (
                        ent == "PHONE_NUMBER"
                        and col["level"] == "personal"
                        and "*" not in s
                        and not s.startswith("REC_")
                    ):
                        ok = bool(MOBILE.match(s)) or bool(LANDLINE.match(s))
                        c["phone_ok" if ok else "phone_bad"] += 1
                        if not ok:
                            errors.append(f"{cn}: bad phone {s}")
                    elif ent == "DATE_OF_BIRTH":
                        d = parse_date(s)
                        if d is None or d > TODAY:
                            errors.append(f"{cn}: birth date {s}")
                        elif col["role"] in ("quasi", "direct"):
                            min_age = min(min_age, age_at(d))
                    elif ent == "AGE" and t["kind"] == "people":
                        min_age = min(min_age, int(s))
            has_minor = t["kind"] == "people" and min_age < 14
            if has_minor != bool(t.get("minors")):
                errors.append(f"{tid}: minors flag {t.get('minors')} but youngest shown is {min_age}")
    print_counts(tables, c)
    for e in errors[:40]:
        print("ERROR", e)
    print(f"{len(errors)} errors" if errors else "all checks passed")
    return 1 if errors else 0


def table_of(title: str, counter: collections.Counter) -> None:
    print(f"\n{title}")
    for k, v in counter.most_common():
        print(f"  {str(k):<40} {v:>5}")
    print(f"  {'(all)':<40} {sum(counter.values()):>5}")


def print_counts(tables: list[dict[str, Any]], c: collections.Counter) -> None:
    cols = [col for t in tables for col in t["columns"]]
    sectors = {t["sector"] for t in tables}
    print(f"tables {len(tables)}, labelled columns {len(cols)}, sectors {len(sectors)}")
    print(
        f"check digits: resident IDs {c['id_ok']} ok / {c['id_bad']} bad; USCC {c['uscc_ok']} ok / {c['uscc_bad']} bad; "
        f"cards {c['card_ok']} ok / {c['card_bad']} bad; passports {c['passport_ok']} ok / {c['passport_bad']} bad; "
        f"phones {c['phone_ok']} ok / {c['phone_bad']} bad"
    )
    for msg in (
        "; ".join(
            f"{k} {v}"
            for k, v in sorted(
                collections.Counter(("minors" if t.get("minors") else None) for t in tables).items(), key=str
            )
            if k
        ),
    ):
        print(f"tables with minors: {msg}; with title row: {sum(1 for t in tables if t.get('title_row'))}")
    if len(tables) < 80 or len(cols) < 900 or len(sectors) < 15 or {t["kind"] for t in tables} != KINDS:
        print("ERROR: fewer than 80 tables / 900 columns / 15 sectors or a kind is missing")
    table_of("tables by kind", collections.Counter(t["kind"] for t in tables))
    table_of("tables by sector", collections.Counter(f"{t['sector']} {t['sector_name']}" for t in tables))
    table_of(
        "tables by format",
        collections.Counter(
            f"csv {t['encoding']} {t['delimiter']!r}" if t["format"] == "csv" else t["format"] for t in tables
        ),
    )
    table_of("columns by level", collections.Counter(col["level"] for col in cols))
    table_of("columns by role", collections.Counter(col["role"] for col in cols))
    table_of("columns by entity [level]", collections.Counter(f"{col['entity']} [{col['level']}]" for col in cols))
    table_of("columns by naming style", collections.Counter(col["style"] for col in cols))
    table_of("columns by table kind", collections.Counter(t["kind"] for t in tables for _ in t["columns"]))
    table_of("columns by value tag", collections.Counter(tag for col in cols for tag in col.get("tags", [])))


if __name__ == "__main__":
    sys.exit(main())
