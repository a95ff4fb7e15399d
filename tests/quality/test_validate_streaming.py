"""Validation streams: its memory does not grow with the rows of the table (only with the failing
ones), and the valid rows keep their source order across row groups."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from warehouse.manifest import Dataset

REPO = Path(__file__).resolve().parents[2]

MANIFEST = yaml.safe_load(
    """
id: people
title: People
source: {type: file, path: people.csv}
primary_key: [rid]
update_frequency: irregular
columns:
  - {name: rid, required: true}
  - {name: phone, standard: cn_mobile, privacy: personal}
  - {name: kind, enum: [A, B, C]}
  - {name: amount, type: number, minimum: 0}
  - {name: day, type: date, standard: date}
"""
)


def _columns(n: int) -> dict[str, list[str]]:
    """``n`` rows; one row in 1,000 breaks a rule (a different rule in turn), one a duplicate key."""
    rid, phone, kind, amount, day = [], [], [], [], []
    for i in range(n):
        bad = i % 1000 == 999
        rid.append(f"R{(i - 1) if bad and i % 3 == 0 else i:09d}")
        phone.append(("12" if bad and i % 3 == 1 else "13") + f"{i % 10**9:09d}")
        kind.append("Z" if bad and i % 3 == 2 else "ABC"[i % 3])
        amount.append(f"{i % 5000}.50")
        day.append(f"2026-0{1 + i % 9}-1{i % 10}")
    return {"rid": rid, "phone": phone, "kind": kind, "amount": amount, "day": day}


def _write(path: Path, n: int, row_group: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = _columns(n)
    pq.write_table(pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()}), path, row_group_size=row_group)


_CHILD = """
import json, os, sys
from pathlib import Path
sys.path.insert(0, {repo!r})
sys.path.insert(0, {tests!r})
os.environ["PUBDATA_HOME"] = {home!r}
from test_validate_streaming import MANIFEST, _write
from quality import validate_dataset
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024

ds = Dataset.model_validate(MANIFEST)
warm = RunPaths.for_run("d", "people", "warm")
_write(Path(warm.raw), 2000, 1000)
validate_dataset(warm.raw, ds, warm, build_docs=False)  # Great Expectations loaded and used once
paths = RunPaths.for_run("d", "people", "big")  # written by the test, not in this process
open("/proc/self/clear_refs", "w").write("5")
base = status("VmRSS:")
report = validate_dataset(paths.raw, ds, paths, build_docs=False)
print(json.dumps({{"growth_mb": status("VmHWM:") - base, "valid": report.valid_rows, "bad": report.quarantined_rows}}))
"""


def _growth(tmp_path: Path, rows: int) -> dict:
    from warehouse.lake import RunPaths

    home = Path(tempfile.mkdtemp(prefix=f"home{rows}-", dir=tmp_path))  # a fresh home per measurement
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PUBDATA_HOME", str(home))
        raw = RunPaths.for_run("d", "people", "big").raw
        assert isinstance(raw, Path)  # the local profile
        _write(raw, rows, 50_000)
    code = _CHILD.format(repo=str(REPO), tests=str(Path(__file__).parent), home=str(home))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc (peak RSS reset)")
def test_validation_memory_does_not_grow_with_rows(tmp_path: Path) -> None:
    """Peak memory of one validation (after Great Expectations is loaded) on 4x the rows grows by
    far less than the table: materialising the conformed rows (the old way) grew by ~85 MB more
    (42 -> 130 MB); now ~20 MB more (16 -> 39 MB: the primary key's hash table, which DuckDB
    spills beyond ``quality.validate.MEMORY_LIMIT``, and Great Expectations' per-row masks).
    A process's peak swings by up to ~20 MB run to run (allocator, collector timing), upwards
    only, so the larger table is measured twice and its lower peak counts; the bound (55 MB)
    stays well below the old way's growth."""
    small = _growth(tmp_path, 60_000)
    big = min((_growth(tmp_path, 240_000) for _ in range(2)), key=lambda r: r["growth_mb"])
    assert big["bad"] == 4 * small["bad"] and big["valid"] + big["bad"] == 240_000
    assert big["growth_mb"] - small["growth_mb"] < 55, (small, big)


def test_valid_rows_keep_source_order_across_row_groups(tmp_path: Path, monkeypatch, gx_warm) -> None:
    """The valid file is written in one streamed pass without the failing rows: what is left of
    each row group comes out in source order, and each failing row is quarantined with its rule."""
    from quality import validate_dataset
    from warehouse.lake import RunPaths

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    paths = RunPaths.for_run("d", "people", "r1")
    n = 30_000
    assert isinstance(paths.raw, Path)  # the local profile
    _write(paths.raw, n, 2_500)
    report = validate_dataset(paths.raw, Dataset.model_validate(MANIFEST), paths, build_docs=False)
    cols = _columns(n)
    quarantine = pq.read_table(paths.quarantine)
    bad_rows = quarantine.column("_source_row").to_pylist()
    assert bad_rows == [i for i in range(n) if i % 1000 == 999]
    reasons = dict(zip(bad_rows, quarantine.column("_rejected_rules").to_pylist()))
    assert reasons[999] == ["dataset:primary_key"]
    assert reasons[1999] == ["phone:cn_mobile"]
    assert reasons[2999] == ["kind:enum"]
    valid = pq.read_table(paths.valid)
    keep = [i for i in range(n) if i % 1000 != 999]
    assert valid.column("rid").to_pylist() == [cols["rid"][i] for i in keep]
    assert report.valid_rows == len(keep) and report.quarantined_rows == len(bad_rows)


EVERY_RULE = yaml.safe_load(
    """
id: every_rule
title: Every kind of row rule
source: {type: file, path: every.csv}
primary_key: [rid]
update_frequency: irregular
columns:
  - {name: rid, required: true}
  - {name: pid, standard: cn_resident_id, privacy: sensitive}
  - {name: region, standard: division_code}
  - {name: code, unique: true, min_length: 2, max_length: 4, pattern: "[A-Z][0-9]+"}
  - {name: kind, enum: [A, B, C]}
  - {name: n, type: integer, minimum: 0, maximum: 100}
  - {name: amount, type: number, standard: amount}
  - {name: day, type: date, standard: date}
  - {name: at, type: datetime}
  - {name: absent, type: integer}
"""
)

#: row -> (column, bad value, the rules it breaks); every other row passes every rule
BAD = {
    3: ("rid", None, ["rid:required"]),
    7: ("pid", "110101199003070001", ["pid:cn_resident_id"]),  # wrong check character
    11: ("region", "999999", ["region:division_code"]),
    13: ("code", "Z", ["code:min_length", "code:pattern"]),
    17: ("code", "A12345", ["code:max_length"]),
    19: ("code", "a1", ["code:pattern"]),
    23: ("code", "A0", ["code:unique"]),  # repeats row 0's code
    29: ("kind", "Z", ["kind:enum"]),
    31: ("n", "1.5", ["n:type:integer"]),
    37: ("n", "101", ["n:maximum"]),
    41: ("n", "-1", ["n:minimum"]),
    43: ("amount", "-2.5", ["amount:amount"]),
    47: ("amount", "abc", ["amount:type:number", "amount:amount"]),
    53: ("day", "2026-02-30", ["day:type:date", "day:date"]),
    59: ("at", "yesterday", ["at:type:datetime"]),
    61: ("rid", "R0000", ["dataset:primary_key"]),  # repeats row 0's key
}


def _every_rule_columns(n: int) -> dict[str, list]:
    from core.identifiers import ID_WEIGHTS

    def pid(i: int) -> str:
        first17 = f"110101{19900101 + i % 28:08d}{i % 1000:03d}"
        return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]

    cols: dict[str, list] = {
        "rid": [f"R{i:04d}" for i in range(n)],
        "pid": [pid(i) for i in range(n)],
        "region": ["110101"] * n,
        "code": [f"A{i}" if i < 1000 else f"B{i % 1000}" for i in range(n)],
        "kind": ["ABC"[i % 3] for i in range(n)],
        "n": [str(i % 100) for i in range(n)],
        "amount": [f"{i}.25" for i in range(n)],
        "day": [f"2026-01-{1 + i % 28:02d}" for i in range(n)],
        "at": [f"2026-01-{1 + i % 28:02d} 08:00:00" for i in range(n)],
        "extra": [f"x{i}" for i in range(n)],  # not in the manifest: kept as text
    }
    for row, (col, value, _) in BAD.items():
        cols[col][row] = value
    return cols


def test_every_kind_of_bad_row_is_routed_with_its_reasons_and_valid_rows_keep_order_and_types(
    tmp_path: Path, monkeypatch, gx_warm
) -> None:
    """One table breaking each row rule (a declared column missing, an undeclared one present,
    several row groups): the quarantine holds exactly the failing rows with their rule ids, the
    valid file every other row in source order, typed as declared (the missing column all-null,
    the undeclared one as text), and GX counts what SQL counted."""
    import datetime as dt

    from quality import validate_dataset
    from warehouse.lake import RunPaths

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    paths = RunPaths.for_run("d", "every_rule", "r1")
    assert isinstance(paths.raw, Path)  # the local profile
    paths.raw.parent.mkdir(parents=True, exist_ok=True)
    n = 2000
    cols = _every_rule_columns(n)
    pq.write_table(pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()}), paths.raw, row_group_size=300)
    report = validate_dataset(paths.raw, Dataset.model_validate(EVERY_RULE), paths, build_docs=False)

    quarantine = pq.read_table(paths.quarantine)
    reasons = dict(zip(quarantine.column("_source_row").to_pylist(), quarantine.column("_rejected_rules").to_pylist()))
    assert reasons == {row: rules for row, (_, _, rules) in BAD.items()}
    assert quarantine.column("extra").to_pylist() == [f"x{i}" for i in sorted(BAD)]
    counts = {r["rule"]: r["unexpected_count"] for r in report.rule_results if r["level"] == "row"}
    for rule in {x for _, _, rules in BAD.values() for x in rules}:
        assert counts[rule] == sum(rule in rules for _, _, rules in BAD.values()), rule

    assert report.success and report.valid_rows == n - len(BAD)
    valid = pq.read_table(paths.valid)
    keep = [i for i in range(n) if i not in BAD]
    assert valid.column_names == [c["name"] for c in EVERY_RULE["columns"]] + ["extra"]
    assert valid.column("rid").to_pylist() == [cols["rid"][i] for i in keep]
    assert valid.column("n").to_pylist() == [int(cols["n"][i]) for i in keep]
    assert valid.column("amount").to_pylist() == [float(cols["amount"][i]) for i in keep]
    assert valid.column("day").to_pylist() == [dt.date.fromisoformat(cols["day"][i]) for i in keep]
    assert valid.column("at").to_pylist() == [dt.datetime.fromisoformat(cols["at"][i]) for i in keep]
    assert valid.column("absent").to_pylist() == [None] * len(keep)
    assert str(valid.schema.field("absent").type) == "int64"
    assert valid.column("extra").to_pylist() == [cols["extra"][i] for i in keep]
    assert report.drift["against_manifest"]["removed"] == ["absent"]
