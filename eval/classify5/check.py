"""Self-test of the v5 tuning set: `python eval/classify5/check.py [--keep DIR]`.

1. generates twice (separate processes, temporary directories) and compares every byte;
2. validates labels.json (schema of eval/README.md, version 5, vocabularies, roles per kind);
3. reads every file back (CSV with its encoding/delimiter/BOM, Parquet, JSONL, XLSX with its header
   line) and compares header and row count; labelled columns are non-empty unless tagged;
4. check digits and formats where claimed (GB 11643, GB 32100, Luhn, passports/permits, phones,
   birth dates not in the future) and `minors` exactly where an ID, birth date or age is under 14;
5. pinyin.json equals a fresh pypinyin derivation (when pypinyin is importable);
6. prints counts.
"""

from __future__ import annotations

import argparse
import collections
import csv
import filecmp
import io
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import v5lib as L  # noqa: E402

LEVELS = {"sensitive", "personal", "none"}
ROLES = {"direct", "quasi", "sensitive", "other"}
STYLES = {"chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"}
KINDS = {"people", "organisations", "mixed", "aggregate"}
ENTITIES = set("""CN_RESIDENT_ID PASSPORT BANK_CARD CREDIT_CARD MEDICAL_CONDITION RELIGION PRECISE_LOCATION
CRIMINAL_RECORD PERSONAL_INCOME PERSON_NAME PHONE_NUMBER EMAIL ADDRESS DATE_OF_BIRTH LICENSE_PLATE IP_ADDRESS
PERSON_ID USCC ORG_NAME GENDER AGE ETHNICITY MARITAL_STATUS OCCUPATION EDUCATION REGION EVENT_DATE FREE_TEXT""".split())
TAGS = {"masked", "sparse", "placeholder", "int", "free_text", "mixed_docs", "spaced", "fullwidth", "dirty",
        "lowercase_x", "legacy15", "prefixed", "cert_suffix", "excel_serial", "mixed_formats", "account_no", "empty"}
MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$|^0\d{2,3}9\d{4,5}$|^\d{5,6}$|^(400|800)\d{7}$|^1\d{4}$")
FAILS: list[str] = []


def fail(msg):
    if msg not in FAILS:
        FAILS.append(msg)


def gen(out: Path):
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)


def same_tree(a: Path, b: Path) -> tuple[bool, int]:
    fa = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    fb = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if fa != fb:
        return False, len(fa)
    return all(filecmp.cmp(a / f, b / f, shallow=False) for f in fa), len(fa)


def read_back(root: Path, t: dict):
    path = root / t["file"]
    fmt = t["format"]
    if fmt == "csv":
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        if bom != (t["encoding"] == "utf-8-sig"):
            fail(f"{t['id']}: BOM mismatch")
        text = raw.decode(t["encoding"])
        rows = list(csv.reader(io.StringIO(text), delimiter=t["delimiter"]))
        header, body = rows[0], rows[1:]
        cols = [[(r[i] if r[i] != "" else None) for r in body] for i in range(len(header))]
        return header, cols, len(body)
    if fmt == "jsonl":
        recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        header = list(recs[0].keys())
        return header, [[r.get(h) for r in recs] for h in header], len(recs)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        tb = pq.read_table(str(path))
        return tb.column_names, [tb.column(i).to_pylist() for i in range(tb.num_columns)], tb.num_rows
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    hl = t.get("header_line", 1)
    header = list(rows[hl - 1])
    body = rows[hl:]
    return header, [[r[i] if i < len(r) else None for r in body] for i in range(len(header))], len(body)


def skip(v) -> bool:
    return v is None or (isinstance(v, str) and (not v.strip() or "*" in v or v.strip() in L.PLACEHOLDERS))


def check_values(t, lab, vals, stats):
    ent, lvl, tags = lab["entity"], lab["level"], set(lab.get("tags", ()))
    where = f"{t['id']}.{lab['name']}"
    if ent == "CN_RESIDENT_ID" and lvl != "none":
        for v in vals:
            if skip(v):
                continue
            s = L.norm_id(v)
            if "cert_suffix" in tags and len(s) == 20:
                s = s[:18]
            if L.id_valid(s):
                stats["resident IDs ok"] += 1
            elif "mixed_docs" in tags and (L.passport_valid(s) or L.uscc_valid(s)):
                stats["passports ok"] += 1
            else:
                stats["resident IDs bad"] += 1
                fail(f"{where}: bad ID")
    if ent in ("FREE_TEXT", "CN_RESIDENT_ID", "MEDICAL_CONDITION") and "free_text" in tags:
        for v in vals:
            for m in L.ID_IN_TEXT.findall(str(v or "")):
                ok = L.id_valid(m.upper())
                stats["resident IDs ok" if ok else "resident IDs bad"] += 1
                if not ok:
                    fail(f"{where}: bad ID in text")
    if ent == "USCC":
        for v in vals:
            if skip(v):
                continue
            ok = L.uscc_valid(str(v))
            stats["USCC ok" if ok else "USCC bad"] += 1
            if not ok:
                fail(f"{where}: bad USCC")
    if ent in ("BANK_CARD", "CREDIT_CARD"):
        for v in vals:
            if skip(v):
                continue
            s = str(v).replace(" ", "")
            if "account_no" in tags:
                continue
            ok = L.luhn_valid(s) and (ent == "CREDIT_CARD" or s.startswith("62")) and 15 <= len(s) <= 19
            stats["cards ok" if ok else "cards bad"] += 1
            if not ok:
                fail(f"{where}: bad card")
    if ent == "PASSPORT":
        for v in vals:
            if skip(v):
                continue
            ok = L.passport_valid(str(v).strip().upper())
            stats["passports ok" if ok else "passports bad"] += 1
            if not ok:
                fail(f"{where}: bad passport")
    if ent == "DATE_OF_BIRTH":
        for v in vals:
            b = L.parse_date(v)
            if b and b > L.REF:
                fail(f"{where}: birth date in the future")
    if ent == "PHONE_NUMBER" and "free_text" not in tags:
        for v in vals:
            if skip(v):
                continue
            s = re.sub(r"^(手机：|Tel:|电话)", "", str(v).strip())
            s = re.sub(r"^0086", "86", re.sub(r"[\s\-()]", "", s))
            s = s[:-2] if s.endswith(".0") else s
            ok = bool(MOBILE.match(s) or LANDLINE.match(s) or re.match(r"^(\+\d{1,3})\d{6,12}$", s))
            stats["phones ok" if ok else "phones bad"] += 1
            if not ok:
                fail(f"{where}: bad phone shape")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="also keep one generated copy here")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as t1, tempfile.TemporaryDirectory() as t2:
        r1, r2 = Path(t1), Path(t2)
        s = time.perf_counter()
        gen(r1)
        w1 = time.perf_counter() - s
        s = time.perf_counter()
        gen(r2)
        w2 = time.perf_counter() - s
        same, nfiles = same_tree(r1, r2)
        print(f"generated twice in {w1:.1f}s and {w2:.1f}s (wall); {nfiles} files byte-identical: {same}")
        if not same:
            fail("regeneration differs")
        doc = json.loads((r1 / "labels.json").read_text(encoding="utf-8"))
        if doc.get("version") != 5:
            fail("version must be 5")
        stats = collections.Counter()
        for t in doc["tables"]:
            for k in ("id", "file", "split", "sector", "sector_name", "kind", "title", "format", "encoding", "rows", "columns"):
                if k not in t:
                    fail(f"{t.get('id')}: missing {k}")
            if t["split"] != "tune" or t["kind"] not in KINDS or not (150 <= t["rows"] <= 3000):
                fail(f"{t['id']}: split/kind/rows")
            if (t["format"] == "csv") != ("delimiter" in t):
                fail(f"{t['id']}: delimiter only for CSV")
            if t["format"] in ("parquet", "xlsx") and t["encoding"] is not None:
                fail(f"{t['id']}: encoding must be null")
            header, cols, nrows = read_back(r1, t)
            names = [c["name"] for c in t["columns"]]
            if header != names or nrows != t["rows"]:
                fail(f"{t['id']}: header/rows differ on read-back")
                continue
            labs = []
            for lab, vals in zip(t["columns"], cols):
                if lab["level"] not in LEVELS or lab["role"] not in ROLES or lab["style"] not in STYLES:
                    fail(f"{t['id']}.{lab['name']}: vocabulary")
                if lab["entity"] is not None and lab["entity"] not in ENTITIES:
                    fail(f"{t['id']}.{lab['name']}: entity {lab['entity']}")
                if not set(lab.get("tags", ())) <= TAGS:
                    fail(f"{t['id']}.{lab['name']}: tags")
                if lab["level"] == "none" and lab["role"] in ("direct", "sensitive"):
                    fail(f"{t['id']}.{lab['name']}: none-level column with role {lab['role']}")
                if t["kind"] in ("organisations", "aggregate") and (lab["level"] != "none" or lab["role"] != "other"):
                    fail(f"{t['id']}.{lab['name']}: {t['kind']} tables hold only none/other columns")
                if t["kind"] == "mixed" and lab["level"] == "none" and lab["role"] != "other":
                    fail(f"{t['id']}.{lab['name']}: none-level columns of mixed tables are other")
                if all(v is None or v == "" for v in vals) and not {"sparse", "empty"} & set(lab.get("tags", ())):
                    fail(f"{t['id']}.{lab['name']}: empty")
                check_values(t, lab, vals, stats)
                labs.append((lab["entity"], lab["level"]))
            minor = t["kind"] in ("people", "mixed") and L.has_minor(labs, cols)
            if minor != bool(t.get("minors")):
                fail(f"{t['id']}: minors flag {t.get('minors')} but data says {minor}")
        if a.keep:
            import shutil

            shutil.rmtree(a.keep, ignore_errors=True)
            shutil.copytree(r1, a.keep)
    try:
        import derive_pinyin

        if derive_pinyin.derive(derive_pinyin.wanted()) != json.loads((HERE / "pinyin.json").read_text(encoding="utf-8")):
            fail("pinyin.json differs from a fresh pypinyin derivation: run derive_pinyin.py")
        else:
            print("pinyin.json matches pypinyin")
    except ImportError:
        print("pypinyin not importable: pinyin.json not re-derived")
    report(doc, stats)
    if FAILS:
        print(f"\n{len(FAILS)} problems:")
        for f in FAILS[:60]:
            print("  " + f)
        sys.exit(1)
    print("\nall checks passed")


def table_counts(title, counter):
    print(f"\n{title}")
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {str(k):44s} {v:5d}")
    print(f"  {'(all)':44s} {sum(counter.values()):5d}")


def report(doc, stats):
    T = doc["tables"]
    cols = [c for t in T for c in t["columns"]]
    print(f"tables {len(T)}, labelled columns {len(cols)}, sectors {len({t['sector'] for t in T})}")
    print("check digits: " + "; ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    table_counts("tables by kind", collections.Counter(t["kind"] for t in T))
    table_counts("tables by sector", collections.Counter(f"{t['sector']} ({t['sector_name']})" for t in T))
    table_counts("tables by format", collections.Counter(
        t["format"] + (f" {t['encoding']} {t['delimiter']!r}" if t["format"] == "csv" else "") for t in T))
    table_counts("tables with minors / title row", collections.Counter(
        k for t in T for k in ("minors", "title_row") if t.get(k)))
    table_counts("columns by kind of table", collections.Counter(t["kind"] for t in T for _ in t["columns"]))
    table_counts("columns by level", collections.Counter(c["level"] for c in cols))
    table_counts("columns by role", collections.Counter(c["role"] for c in cols))
    table_counts("columns by entity [level]", collections.Counter(f"{c['entity']} [{c['level']}]" for c in cols))
    table_counts("columns by naming style", collections.Counter(c["style"] for c in cols))
    table_counts("columns by value tag", collections.Counter(g for c in cols for g in c.get("tags", ())))


if __name__ == "__main__":
    main()
