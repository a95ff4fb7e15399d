"""Self-test of the v7 set: regenerate twice and compare bytes, validate labels.json, read every file back
(CSV with its encoding/delimiter/BOM, Parquet, JSONL, XLSX with openpyxl), verify check digits, minors flags,
phone shapes, and print counts.  ``python eval/classify7/check.py [--keep DIR]``"""

from __future__ import annotations

import argparse
import collections
import csv
import filecmp
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import openpyxl  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from checks import valid_luhn, valid_org_code, valid_resident_id, valid_uscc  # noqa: E402
from generate import generate  # noqa: E402
from v7lib import ENTITIES, KINDS, STYLES, TAGS, TODAY, has_minor, parse_any_date  # noqa: E402

LEVELS = {"sensitive", "personal", "none"}
ROLES = {"direct", "quasi", "sensitive", "other"}
FW = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")
PROBLEMS: list[str] = []


def fail(msg: str) -> None:
    PROBLEMS.append(msg)


def read_table(out: Path, t: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    path = out / t["file"]
    fmt = t["format"]
    if fmt == "csv":
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        if bom != (t["encoding"] == "utf-8-sig"):
            fail(f"{t['id']}: BOM presence does not match encoding {t['encoding']}")
        text = raw.decode(t["encoding"])
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=t["delimiter"]))
        return rows[0], [[None if v == "" else v for v in r] for r in rows[1:]]
    if fmt == "parquet":
        tab = pq.read_table(path)
        cols = [tab.column(i).to_pylist() for i in range(tab.num_columns)]
        return tab.column_names, [list(r) for r in zip(*cols)]
    if fmt == "jsonl":
        header: list[str] = []
        rows2 = []
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            if not header:
                header = list(obj)
            elif list(obj) != header:
                fail(f"{t['id']}: JSONL keys differ between lines")
            rows2.append([obj[k] for k in header])
        return header, rows2
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.worksheets[0]
    all_rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    hl = t.get("header_line", 1)
    if t.get("title_row"):
        if not all_rows or all_rows[0][0] != t["title"]:
            fail(f"{t['id']}: title row missing")
    header = [str(v) for v in all_rows[hl - 1]]
    return header, [[None if v == "" else v for v in r] for r in all_rows[hl:]]


def norm(v: Any) -> str:
    return re.sub(r"\s", "", str(v).translate(FW))


def check_values(t: dict[str, Any], col: dict[str, Any], values: list[Any], stats: collections.Counter) -> None:
    tags = set(col.get("tags", []))
    ent, tid, name = col["entity"], t["id"], col["name"]
    present = [v for v in values if v not in (None, "")]
    if not present and "empty" not in tags:
        fail(f"{tid}.{name}: column is empty")
    if len(present) < len(values) * 0.9 and not tags & {"sparse", "empty"} and len(values) > 0:
        fail(f"{tid}.{name}: {len(values) - len(present)} empty cells but not tagged sparse")
    if ent == "CN_RESIDENT_ID" and col["level"] != "none":
        for v in present:
            s = norm(v).upper()
            if s.startswith("G") and len(s) == 19:
                s = s[1:]
            if "*" in s:
                if "masked" not in tags:
                    fail(f"{tid}.{name}: masked value in a column not tagged masked")
                stats["id_masked"] += 1
                continue
            if s in ("无", "-", "NULL", "/"):
                stats["placeholder"] += 1
                continue
            if valid_resident_id(s, TODAY):
                stats["id_ok"] += 1
            elif "mixed_docs" in tags and (re.fullmatch(r"[A-Z]{1,2}\d{7,8}", s) or re.fullmatch(r"C[A-Z]\d{7}|H\d{8}", s) or valid_uscc(s)):
                stats["id_other_doc"] += 1
            else:
                stats["id_bad"] += 1
                fail(f"{tid}.{name}: invalid resident ID")
    if ent == "USCC":
        for v in present:
            if valid_uscc(str(v)):
                stats["uscc_ok"] += 1
            else:
                stats["uscc_bad"] += 1
                fail(f"{tid}.{name}: invalid USCC")
    if ent in ("BANK_CARD", "CREDIT_CARD"):
        for v in present:
            s = norm(v)
            if "*" in s:
                stats["card_masked"] += 1
                continue
            if valid_luhn(s) and (ent == "CREDIT_CARD" or s.startswith("62") or "account_no" in tags):
                stats["card_ok"] += 1
            else:
                stats["card_bad"] += 1
                fail(f"{tid}.{name}: invalid card")
    if ent == "PASSPORT":
        for v in present:
            if re.fullmatch(r"[EG]\d{8}|[A-Z]{1,2}\d{8}", str(v)):
                stats["passport_ok"] += 1
            else:
                fail(f"{tid}.{name}: bad passport format")
    if "GB 11714" in (col.get("note") or ""):
        for v in present:
            if valid_org_code(str(v)):
                stats["orgcode_ok"] += 1
            else:
                fail(f"{tid}.{name}: invalid organisation code")
    if ent == "DATE_OF_BIRTH":
        for v in present:
            d = parse_any_date(v)
            if d is None:
                stats["dob_unparsed"] += 1
            elif d > TODAY:
                fail(f"{tid}.{name}: birth date in the future")
    if ent == "PHONE_NUMBER" and col["level"] == "personal" and "free_text" not in tags:
        mob = sum(1 for v in present if re.fullmatch(r"(\+?86|0086)?-?1[3-9]\d[\d*X-]{8,10}", norm(v).replace("-XXXX-", "XXXX")))
        if present and mob / len(present) < 0.6:
            fail(f"{tid}.{name}: personal phone column mostly not mobile-shaped ({mob}/{len(present)})")
        stats["phones_personal_cols"] += 1
    if "free_text" in tags:
        for v in present:
            for m in re.findall(r"(?<!\d)\d{17}[\dXx](?!\d)", str(v)):
                stats["id_in_text_ok" if valid_resident_id(m, TODAY) else "id_bad"] += 1


def validate_labels(doc: dict[str, Any]) -> None:
    if doc.get("version") != 1:
        fail("labels.json version must be 1")
    ids = set()
    for t in doc["tables"]:
        tid = t["id"]
        if tid in ids:
            fail(f"duplicate table id {tid}")
        ids.add(tid)
        for k in ("id", "file", "split", "sector", "sector_name", "kind", "title", "format", "encoding", "rows", "columns"):
            if k not in t:
                fail(f"{tid}: missing field {k}")
        if t["split"] != "tune":
            fail(f"{tid}: split must be tune")
        if t["kind"] not in KINDS:
            fail(f"{tid}: bad kind")
        if not 50 <= t["rows"] <= 2000:
            fail(f"{tid}: rows {t['rows']} outside 50-2000")
        if t["format"] == "csv" and (t["encoding"] not in ("utf-8", "utf-8-sig", "gbk") or t.get("delimiter") not in (",", ";", "|", "\t")):
            fail(f"{tid}: bad csv encoding/delimiter")
        if t.get("title_row") and (t["format"] != "xlsx" or t.get("header_line") != 2):
            fail(f"{tid}: title_row needs xlsx and header_line 2")
        names = [c["name"] for c in t["columns"]]
        if len(set(names)) != len(names):
            fail(f"{tid}: duplicate column names")
        for c in t["columns"]:
            where = f"{tid}.{c['name']}"
            if c["level"] not in LEVELS or c["role"] not in ROLES or c["style"] not in STYLES:
                fail(f"{where}: bad level/role/style")
            if c["entity"] is not None and c["entity"] not in ENTITIES:
                fail(f"{where}: bad entity")
            if any(x not in TAGS for x in c.get("tags", [])):
                fail(f"{where}: bad tag")
            if t["kind"] in ("organisations", "aggregate") and (c["level"] != "none" or c["role"] != "other"):
                fail(f"{where}: organisation/aggregate tables must be none/other")
            if t["kind"] == "mixed" and c["level"] == "none" and c["role"] != "other":
                fail(f"{where}: none-level columns of mixed tables must be other")
            if t["kind"] == "mixed" and c["level"] != "none" and c["role"] != "direct":
                fail(f"{where}: personal columns of mixed tables are liaison columns (direct)")
        if t["kind"] == "people" and not any(c["level"] != "none" for c in t["columns"]):
            fail(f"{tid}: people table without personal columns")


def table_count(title: str, counter: collections.Counter) -> None:
    print(f"\n{title}")
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {str(k):44} {v:6}")
    print(f"  {'(all)':44} {sum(counter.values()):6}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--keep", type=Path, help="keep one generated copy here")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        o1, o2 = Path(d1), Path(d2)
        t0 = time.perf_counter()
        doc = generate(o1)
        t1 = time.perf_counter()
        generate(o2)
        t2 = time.perf_counter()
        files = sorted(p.relative_to(o1) for p in o1.rglob("*") if p.is_file())
        same = all(filecmp.cmp(o1 / f, o2 / f, shallow=False) for f in files) and files == sorted(
            p.relative_to(o2) for p in o2.rglob("*") if p.is_file())
        if not same:
            fail("two regenerations differ")
        print(f"generated twice in {t1 - t0:.1f}s and {t2 - t1:.1f}s (wall); {len(files)} files byte-identical: {same}")
        validate_labels(doc)
        stats: collections.Counter = collections.Counter()
        total_rows = 0
        for t in doc["tables"]:
            header, rows = read_table(o1, t)
            names = [c["name"] for c in t["columns"]]
            if header != names:
                fail(f"{t['id']}: header read back differs from labels")
                continue
            if len(rows) != t["rows"]:
                fail(f"{t['id']}: {len(rows)} rows read back, labelled {t['rows']}")
            total_rows += len(rows)
            cols = [list(c) for c in zip(*rows)] if rows else [[] for _ in names]
            for c, values in zip(t["columns"], cols):
                check_values(t, c, values, stats)
            minors = t["kind"] in ("people", "mixed") and has_minor([(c["entity"], v) for c, v in zip(t["columns"], cols)])
            if minors != bool(t.get("minors")):
                fail(f"{t['id']}: minors flag {t.get('minors')} but data says {minors}")
        if a.keep:
            import shutil

            shutil.rmtree(a.keep, ignore_errors=True)
            shutil.copytree(o1, a.keep)

    tables = doc["tables"]
    cols = [(t, c) for t in tables for c in t["columns"]]
    print(f"tables {len(tables)}, labelled columns {len(cols)}, sectors {len({t['sector'] for t in tables})}, rows {total_rows}")
    print("check digits: resident IDs {id_ok} ok / {id_bad} bad ({id_masked} masked, {id_other_doc} other documents in mixed_docs columns, "
          "{id_in_text_ok} IDs inside free text ok); USCC {uscc_ok} ok / {uscc_bad} bad; organisation codes {orgcode_ok} ok; "
          "cards {card_ok} ok / {card_bad} bad ({card_masked} masked); passports {passport_ok} ok; "
          "personal phone columns {phones_personal_cols} mostly mobile-shaped".format_map(collections.defaultdict(int, stats)))
    if len(tables) < 90 or len(cols) < 1000 or len({t["sector"] for t in tables}) < 15:
        fail("size targets not met (>=90 tables, >=1000 columns, >=15 sectors)")
    table_count("tables by kind", collections.Counter(t["kind"] for t in tables))
    table_count("tables by sector", collections.Counter(f"{t['sector']} {t['sector_name']}" for t in tables))
    table_count("tables by format", collections.Counter(
        t["format"] if t["format"] != "csv" else f"csv {t['encoding']} {t['delimiter']!r}" for t in tables))
    table_count("tables flagged", collections.Counter(k for t in tables for k in ("minors", "title_row") if t.get(k)))
    table_count("columns by level", collections.Counter(c["level"] for _, c in cols))
    table_count("columns by role", collections.Counter(c["role"] for _, c in cols))
    table_count("columns by table kind and level", collections.Counter(f"{t['kind']} / {c['level']}" for t, c in cols))
    table_count("columns by naming style", collections.Counter(c["style"] for _, c in cols))
    for lv in ("sensitive", "personal", "none"):
        table_count(f"{lv} columns by entity", collections.Counter(str(c["entity"]) for _, c in cols if c["level"] == lv))
    table_count("columns by value tag", collections.Counter(x for _, c in cols for x in c.get("tags", [])))
    none_share = sum(1 for _, c in cols if c["level"] == "none") / len(cols)
    print(f"\nnon-personal share: {none_share:.1%}")
    if PROBLEMS:
        print(f"\n{len(PROBLEMS)} problems:")
        for p in PROBLEMS[:60]:
            print("  " + p)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
