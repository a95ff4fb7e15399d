#!/usr/bin/env python3
"""Self-test of the evaluation set.

    python eval/classify/check.py [--keep DIR]

1. Regenerates the set twice into temporary directories and requires byte-identical files.
2. Validates labels.json (schema, vocabulary, split file, sizes, minors flags).
3. Reads every file back (CSV with its encoding/delimiter, Parquet, JSONL, XLSX) and compares
   header and row count with the labels.
4. Verifies check digits of every labelled resident-ID / USCC / bank-card / credit-card column
   (masked values, placeholders and declared mixed documents are allowed), passport formats,
   and that no birth date lies in the future.
5. Prints counts per split: tables, columns by level / entity / role / naming style, formats,
   kinds, sectors.
Exit status 0 when everything passes.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gen.checks import id_valid, luhn_valid, uscc_valid  # noqa: E402
from gen.table import ENTITIES, KINDS, LEVELS, ROLES, STYLES  # noqa: E402
import split as splitmod  # noqa: E402

REF = dt.date(2025, 12, 31)
PLACEHOLDERS = {"", "无", "不详", "-", "—", "0", "/", "NULL", "\\N", "待定", "匿名", "未知"}
PASSPORT_RES = [
    r"E[A-HJ-NP-Z]?\d{7,8}", r"[GPSD]\d{7,8}",            # mainland passports
    r"C[A-Z0-9]\d{7}",                                     # 往来港澳通行证
    r"L\d{8}",                                             # 往来台湾通行证
    r"[HM]\d{8}(\d{2})?",                                  # 港澳居民来往内地通行证
    r"\d{8}",                                              # 台湾居民来往大陆通行证
    r"\d{9}", r"[A-Z]\d{7,8}", r"C[0-9C-HJ-NPR-Z]{8}", r"\d{2}[A-Z]{2}\d{5}", r"[A-Z]{2}\d{7}",  # foreign passports
]
PASSPORT_RE = re.compile("^(" + "|".join(PASSPORT_RES) + ")$")
ID_IN_TEXT = re.compile(r"(?<![0-9])\d{17}[0-9Xx](?![0-9])")

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def norm(v) -> str:
    return unicodedata.normalize("NFKC", str(v)).strip()


# ------------------------------------------------------------------------------------- generation
def run_generate(out: str) -> float:
    t0 = time.time()
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out], check=True,
                   stdout=subprocess.DEVNULL)
    return time.time() - t0


def digest_tree(root: str) -> dict[str, str]:
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return out


# ------------------------------------------------------------------------------------- reading back
def read_table(root: str, t: dict) -> tuple[list[str], list[list]]:
    path = os.path.join(root, t["file"])
    fmt = t["format"]
    if fmt == "csv":
        with open(path, "rb") as f:
            raw = f.read()
        enc = t["encoding"]
        if enc == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{t['id']}: declared utf-8-sig but no BOM")
        if enc == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{t['id']}: unexpected BOM")
        text = raw.decode(enc)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=t["delimiter"]))
        header, body = rows[0], rows[1:]
        null = t.get("null_token", "")
        body = [[None if v == null else v for v in r] for r in body]
        return header, body
    if fmt == "parquet":
        import pyarrow.parquet as pq
        tab = pq.read_table(path)
        cols = [tab.column(i).to_pylist() for i in range(tab.num_columns)]
        return tab.column_names, [list(r) for r in zip(*cols)]
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as f:
            objs = [json.loads(line) for line in f if line.strip()]
        header = list(objs[0].keys())
        return header, [[o.get(k) for k in header] for o in objs]
    if fmt == "xlsx":
        from openpyxl import load_workbook
        wb = load_workbook(path, read_only=True)
        ws = wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        h = t.get("header_line", 1) - 1
        return [str(x) for x in rows[h]], rows[h + 1:]
    raise ValueError(fmt)


# ------------------------------------------------------------------------------------- value checks
def check_ids(tid: str, col: dict, values: list) -> tuple[int, int]:
    tags = set(col.get("tags", []))
    ok = bad = 0
    for v in values:
        if v is None:
            continue
        s = norm(v).upper()
        if s in PLACEHOLDERS:
            continue
        if "free_text" in tags:
            for m in ID_IN_TEXT.findall(s):
                if id_valid(m):
                    ok += 1
                else:
                    bad += 1
                    fail(f"{tid}.{col['name']}: invalid ID inside text")
            continue
        if "*" in s:
            ok += 1
            continue
        if "prefixed" in tags and s.startswith("G"):
            s = s[1:]
        if "cert_suffix" in tags and len(s) == 20:
            s = s[:18]
        if id_valid(s) or ("mixed_docs" in tags and (PASSPORT_RE.match(s) or uscc_valid(s))):
            ok += 1
        else:
            bad += 1
            if bad <= 3:
                fail(f"{tid}.{col['name']}: invalid resident ID value (len {len(s)})")
    return ok, bad


def check_simple(tid: str, col: dict, values: list, validator, what: str) -> tuple[int, int]:
    tags = set(col.get("tags", []))
    ok = bad = 0
    for v in values:
        if v is None:
            continue
        s = norm(v).upper()
        if s in PLACEHOLDERS:
            continue
        if "*" in s:
            ok += 1
            continue
        if validator(s, tags):
            ok += 1
        else:
            bad += 1
            if bad <= 3:
                fail(f"{tid}.{col['name']}: invalid {what} value")
    return ok, bad


def _card(s: str, tags: set) -> bool:
    d = s.replace(" ", "").replace("-", "")
    if "account_no" in tags:
        return d.isdigit() and 8 <= len(d) <= 20
    return d.isdigit() and 13 <= len(d) <= 19 and luhn_valid(d)


def _unionpay(s: str, tags: set) -> bool:
    d = s.replace(" ", "")
    return _card(s, tags) and ("account_no" in tags or (d.startswith("62") and 16 <= len(d) <= 19))


def parse_date(v) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(v))  # Excel serial
    s = norm(v)
    for pat, order in ((r"^(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"), (r"^(\d{4})(\d{2})(\d{2})$", "ymd"),
                       (r"^(\d{4})/(\d{1,2})/(\d{1,2})", "ymd"), (r"^(\d{4})年(\d{1,2})月(\d{1,2})日", "ymd"),
                       (r"^(\d{4})\.(\d{2})\.(\d{2})$", "ymd"), (r"^(\d{4})\.(\d{2})$", "ym")):
        m = re.match(pat, s)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            d = int(m.group(3)) if order == "ymd" else 1
            return dt.date(y, mo, d)
    try:
        return dt.datetime.strptime(s.title(), "%d-%b-%Y").date()
    except ValueError:
        return None


def check_dob(tid: str, col: dict, values: list) -> list[dt.date]:
    out = []
    if ":" in " ".join(str(v) for v in values[:5] if v is not None) and all(len(str(v)) <= 5 for v in values[:20] if v):
        return out  # time-of-birth column
    unparsed = 0
    for v in values:
        d = parse_date(v)
        if v is not None and d is None:
            unparsed += 1
        if d is not None:
            if d > REF:
                fail(f"{tid}.{col['name']}: birth date in the future")
                break
            out.append(d)
    if unparsed:
        fail(f"{tid}.{col['name']}: {unparsed} unparsable birth dates")
    return out


def age_years(v) -> float | None:
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    m = re.match(r"^(\d+)(岁|月|天)?$", norm(v))
    if not m:
        return None
    n = int(m.group(1))
    return {None: n, "岁": n, "月": n / 12, "天": n / 365}[m.group(2)]


def birth_from_id(v) -> dt.date | None:
    s = norm(v).upper() if v is not None else ""
    if len(s) == 19 and s[0] == "G":
        s = s[1:]
    if len(s) >= 18 and id_valid(s[:18]):
        try:
            return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
        except ValueError:
            return None
    return None


# ------------------------------------------------------------------------------------- labels
def validate_labels(doc: dict) -> None:
    if doc.get("version") != 1:
        fail("labels.json: version must be 1")
    frozen = splitmod.load()
    ids = set()
    for t in doc["tables"]:
        tid = t["id"]
        if tid in ids:
            fail(f"duplicate table id {tid}")
        ids.add(tid)
        if not re.match(r"^[a-z][a-z0-9_]*$", tid):
            fail(f"{tid}: bad id")
        for k in ("id", "file", "split", "sector", "kind", "title", "format", "encoding", "rows", "columns"):
            if k not in t:
                fail(f"{tid}: missing {k}")
        if t["split"] != frozen.get(tid):
            fail(f"{tid}: split {t['split']} differs from split.tsv")
        if t["kind"] not in KINDS:
            fail(f"{tid}: kind {t['kind']}")
        if not 60 <= t["rows"] <= 3000:
            fail(f"{tid}: rows {t['rows']}")
        names = [c["name"] for c in t["columns"]]
        if len(names) != len(set(names)):
            fail(f"{tid}: duplicate column names")
        for c in t["columns"]:
            if c["level"] not in LEVELS or c["role"] not in ROLES or c.get("style") not in STYLES:
                fail(f"{tid}.{c['name']}: bad level/role/style")
            if c["entity"] is not None and c["entity"] not in ENTITIES:
                fail(f"{tid}.{c['name']}: entity {c['entity']}")
            if t["kind"] in ("organisations", "aggregate") and c["role"] not in ("other", "direct"):
                fail(f"{tid}.{c['name']}: role {c['role']} in a {t['kind']} table")
            if t["kind"] in ("organisations", "aggregate") and c["level"] != "none":
                fail(f"{tid}.{c['name']}: personal column in a {t['kind']} table")
            if c["level"] == "none" and c["role"] in ("direct", "sensitive"):
                fail(f"{tid}.{c['name']}: level none with role {c['role']}")
    missing = set(frozen) ^ ids
    if missing:
        fail(f"split.tsv and labels.json disagree on {sorted(missing)}")


def check_table(root: str, t: dict, stats: collections.Counter) -> None:
    tid = t["id"]
    header, rows = read_table(root, t)
    names = [c["name"] for c in t["columns"]]
    if header != names:
        fail(f"{tid}: header {header[:4]}... differs from labels {names[:4]}...")
        return
    if len(rows) != t["rows"]:
        fail(f"{tid}: {len(rows)} rows, labels say {t['rows']}")
    cols = list(zip(*rows)) if rows else [[] for _ in names]
    births: list[dt.date] = []
    for c, values in zip(t["columns"], cols):
        values = list(values)
        e = c["entity"]
        nonnull = [v for v in values if v is not None and norm(v) != ""]
        if not nonnull and "empty" not in c.get("tags", []):
            fail(f"{tid}.{c['name']}: column is empty")
        if e == "CN_RESIDENT_ID":
            ok, bad = check_ids(tid, c, values)
            stats["id_ok"] += ok
            stats["id_bad"] += bad
            births += [b for b in (birth_from_id(v) for v in values) if b]
        elif e == "USCC":
            ok, bad = check_simple(tid, c, values, lambda s, _: uscc_valid(s), "USCC")
            stats["uscc_ok"] += ok
            stats["uscc_bad"] += bad
        elif e == "BANK_CARD":
            ok, bad = check_simple(tid, c, values, _unionpay, "bank card")
            stats["card_ok"] += ok
            stats["card_bad"] += bad
        elif e == "CREDIT_CARD":
            ok, bad = check_simple(tid, c, values, _card, "credit card")
            stats["card_ok"] += ok
            stats["card_bad"] += bad
        elif e == "PASSPORT":
            ok, bad = check_simple(tid, c, values, lambda s, _: bool(PASSPORT_RE.match(s)), "passport")
            stats["passport_ok"] += ok
            stats["passport_bad"] += bad
        elif e == "DATE_OF_BIRTH" and c["level"] != "none":
            births += check_dob(tid, c, values)
        elif e == "AGE":
            ages = [age_years(v) for v in values]
            births += [REF - dt.timedelta(days=int(a * 365.25) + 1) for a in ages if a is not None]
    if t.get("minors"):
        if not any((REF - b).days < 14 * 365 for b in births):
            fail(f"{tid}: flagged minors but no birth date under 14 found")
    elif t["kind"] == "people" and births and any((REF - b).days < 14 * 365 - 400 for b in births):
        fail(f"{tid}: holds children under 14 but lacks minors: true")


# ------------------------------------------------------------------------------------- summary
def summarise(doc: dict) -> str:
    splits = ("tune", "report")
    lines = []

    def block(title: str, key_fn, per="table"):
        cnt = {s: collections.Counter() for s in splits}
        for t in doc["tables"]:
            if per == "table":
                for k in key_fn(t):
                    cnt[t["split"]][k] += 1
            else:
                for c in t["columns"]:
                    for k in key_fn(t, c):
                        cnt[t["split"]][k] += 1
        keys = sorted(set(cnt["tune"]) | set(cnt["report"]), key=lambda k: (-(cnt["tune"][k] + cnt["report"][k]), str(k)))
        lines.append(f"\n{title}")
        lines.append(f"  {'':34s} {'tune':>6s} {'report':>6s} {'total':>6s}")
        for k in keys:
            a, b = cnt["tune"][k], cnt["report"][k]
            lines.append(f"  {str(k):34s} {a:6d} {b:6d} {a + b:6d}")
        a, b = sum(cnt["tune"].values()), sum(cnt["report"].values())
        lines.append(f"  {'(all)':34s} {a:6d} {b:6d} {a + b:6d}")

    block("tables by kind", lambda t: [t["kind"]])
    block("tables by sector", lambda t: [t["sector"]])
    block("tables by format", lambda t: [t["format"] + ("" if t["format"] != "csv" else f" {t['encoding']} {t['delimiter']!r}")])
    block("tables with minors / title row", lambda t: (["minors"] if t.get("minors") else []) + (["title_row"] if t.get("title_row") else []))
    block("columns by level", lambda t, c: [c["level"]], per="column")
    block("columns by role", lambda t, c: [c["role"]], per="column")
    block("columns by entity (level in brackets)", lambda t, c: [f"{c['entity']} [{c['level']}]"], per="column")
    block("columns by naming style", lambda t, c: [c["style"]], per="column")
    block("columns by table kind", lambda t, c: [t["kind"]], per="column")
    block("columns by value tag", lambda t, c: c.get("tags", []), per="column")
    return "\n".join(lines)


def balance(doc: dict) -> list[str]:
    notes = []
    for key in ("sector", "kind"):
        cnt = collections.defaultdict(collections.Counter)
        for t in doc["tables"]:
            cnt[t[key]][t["split"]] += 1
        for k, c in sorted(cnt.items()):
            if abs(c["tune"] - c["report"]) > 1:
                notes.append(f"{key} {k}: tune {c['tune']} / report {c['report']}")
    return notes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="also copy the first generated set to this directory")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d1, d2 = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        t1 = run_generate(d1)
        t2 = run_generate(d2)
        h1, h2 = digest_tree(d1), digest_tree(d2)
        if h1 != h2:
            diff = sorted(k for k in set(h1) | set(h2) if h1.get(k) != h2.get(k))
            fail(f"regeneration is not byte-identical: {diff[:5]}")
        print(f"generated twice in {t1:.1f}s and {t2:.1f}s (wall); {len(h1)} files byte-identical: {h1 == h2}")
        if max(t1, t2) > 60:
            print("WARNING: generation took more than 60 s of wall time (machine load?)")
        with open(os.path.join(d1, "labels.json"), encoding="utf-8") as f:
            doc = json.load(f)
        validate_labels(doc)
        stats: collections.Counter = collections.Counter()
        for t in doc["tables"]:
            check_table(d1, t, stats)
        if a.keep:
            import shutil
            shutil.rmtree(a.keep, ignore_errors=True)
            shutil.copytree(d1, a.keep)
    tables = doc["tables"]
    n_cols = sum(len(t["columns"]) for t in tables)
    sectors = {t["sector"] for t in tables}
    print(f"tables {len(tables)}, labelled columns {n_cols}, sectors {len(sectors)}")
    print("check digits: resident IDs {id_ok} ok / {id_bad} bad; USCC {uscc_ok} ok / {uscc_bad} bad; "
          "cards {card_ok} ok / {card_bad} bad; passports {passport_ok} ok / {passport_bad} bad".format(
              **{k: stats.get(k, 0) for k in ("id_ok", "id_bad", "uscc_ok", "uscc_bad", "card_ok", "card_bad",
                                              "passport_ok", "passport_bad")}))
    if len(tables) < 64:
        fail("fewer than 64 tables")
    if n_cols < 850:
        fail("fewer than 850 labelled columns")
    if len(sectors) < 10:
        fail("fewer than 10 sectors")
    for k in KINDS:
        if not any(t["kind"] == k for t in tables):
            fail(f"no table of kind {k}")
    print(summarise(doc))
    notes = balance(doc)
    print("\nsplit balance (|tune - report| > 1): " + ("; ".join(notes) if notes else "none"))
    if failures:
        print(f"\nFAILED ({len(failures)}):")
        for m in failures[:80]:
            print("  - " + m)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
