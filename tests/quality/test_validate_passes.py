"""Validation reads the raw run once without a duplicate rule, three times with one: the duplicate
keys' two passes (the keys that repeat, then the rows that repeat one), and one pass for every row
rule that keeps the failing rows and writes the valid ones. Counted from DuckDB's own profile of
every statement (rows its Parquet reader scanned in the raw file), not timed: the code before the
first change read it six times with duplicate rules (counts, the duplicate keys' join back per
duplicate rule, the checks, the valid write), the code before the second three times without."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from warehouse.manifest import Dataset

N = 3000

MANIFEST = {
    "id": "people",
    "title": "People",
    "source": {"type": "file", "path": "people.csv"},
    "primary_key": ["rid"],
    "update_frequency": "irregular",
    "columns": [
        {"name": "rid", "required": True},
        {"name": "phone", "standard": "cn_mobile", "privacy": "personal"},
        {"name": "code", "unique": True},
        {"name": "kind", "enum": ["A", "B", "C"]},
        {"name": "amount", "type": "number", "minimum": 0},
        {"name": "updated", "type": "datetime"},
    ],
}


def _columns() -> dict[str, list[str]]:
    """``N`` rows; every 100th row repeats the previous key, every 150th the previous code, every
    70th has a bad phone."""
    rid, phone, code, kind, amount, updated = [], [], [], [], [], []
    for i in range(N):
        rid.append(f"R{i - 1 if i % 100 == 99 else i:06d}")
        phone.append(("12" if i % 70 == 5 else "13") + f"{i:09d}")
        code.append(f"C{i - 1 if i % 150 == 149 else i}")
        kind.append("ABC"[i % 3])
        amount.append(f"{i}.5")
        updated.append(f"2026-01-{1 + i % 28:02d} 08:00:00")
    return {"rid": rid, "phone": phone, "code": code, "kind": kind, "amount": amount, "updated": updated}


class _Profiled:
    """A DuckDB connection that profiles each statement and adds up the rows its Parquet reader
    scanned in ``raw`` (the profile of a statement is read before the next one overwrites it)."""

    def __init__(self, con: Any, raw: str, out: Path) -> None:
        self._con, self._raw, self._out = con, raw, out
        self.rows_read = 0
        con.execute("PRAGMA enable_profiling = 'json'")
        con.execute(f"PRAGMA profiling_output = '{out}'")

    def _collect(self) -> None:
        if not self._out.exists():
            return
        text = self._out.read_text()
        self._out.unlink()
        if text.strip():
            self._walk(json.loads(text))

    def _walk(self, node: dict[str, Any]) -> None:
        info = node.get("extra_info") or {}
        if node.get("operator_name") == "READ_PARQUET" and self._raw in str(info.get("Filename(s)", "")):
            self.rows_read += int(node.get("operator_rows_scanned", 0))
        for child in node.get("children", []):
            self._walk(child)

    def execute(self, *args: Any, **kw: Any) -> Any:
        self._collect()
        return self._con.execute(*args, **kw)

    def close(self) -> None:
        self._collect()
        self._con.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _profiled(monkeypatch) -> list[_Profiled]:
    from quality import validate as v

    opened: list[_Profiled] = []
    real_open = v._open

    def profiled_open(raw_path, spill):
        con = _Profiled(real_open(raw_path, spill), str(raw_path), Path(spill).parent / f"{Path(spill).name}.json")
        opened.append(con)
        return con

    monkeypatch.setattr(v, "_open", profiled_open)
    return opened


def test_raw_file_is_read_three_times(home, run_paths, write_raw, monkeypatch, gx_warm):
    from quality import validate as v

    paths = run_paths("people")
    write_raw(paths, _columns())
    opened = _profiled(monkeypatch)
    report = v.validate_dataset(paths.raw, Dataset.model_validate(MANIFEST), paths, build_docs=False)

    assert len(opened) == 1
    # the same outcome as ever: duplicates after the first, bad phones, counts from GX
    failed = {r["rule"]: r["unexpected_count"] for r in report.rule_results if not r["success"]}
    assert failed == {"dataset:primary_key": N // 100, "code:unique": N // 150, "phone:cn_mobile": len(range(5, N, 70))}
    quarantine = pq.read_table(paths.quarantine).to_pylist()
    assert {r["_source_row"] for r in quarantine if "dataset:primary_key" in r["_rejected_rules"]} == set(
        range(99, N, 100)
    )
    assert report.valid_rows + report.quarantined_rows == N
    assert pq.read_metadata(paths.valid).num_rows == report.valid_rows
    # the repeating keys, the rows repeating them, the checks with the valid write: three reads
    assert opened[0].rows_read == 3 * N


def test_raw_file_is_read_once_without_a_duplicate_rule(home, run_paths, write_raw, monkeypatch, gx_warm):
    from quality import validate as v

    manifest = json.loads(json.dumps(MANIFEST))  # no primary key, no unique column
    manifest["primary_key"] = []
    for col in manifest["columns"]:
        col.pop("unique", None)
    paths = run_paths("people")
    write_raw(paths, _columns())
    opened = _profiled(monkeypatch)
    report = v.validate_dataset(paths.raw, Dataset.model_validate(manifest), paths, build_docs=False)

    failed = {r["rule"]: r["unexpected_count"] for r in report.rule_results if not r["success"]}
    assert failed == {"phone:cn_mobile": len(range(5, N, 70))}
    assert pq.read_table(paths.valid).column("rid").to_pylist() == [
        r for i, r in enumerate(_columns()["rid"]) if i % 70 != 5
    ]
    # counts, checks, failing rows and the valid write in one read of every raw row
    assert opened[0].rows_read == N
