"""Validation inside the pipeline: the demo's planted bad rows, and a critical failure's gate."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from core import QualityGateError
from orchestration.demo import planted_bad_ids
from orchestration.pipeline import run_dataset


def test_demo_planted_bad_rows_are_exactly_the_quarantined_ones(in_demo_home: Path) -> None:
    (qfile,) = (in_demo_home / "lake" / "quarantine" / "health" / "clinic_visits").glob("*.parquet")
    q = pq.read_table(qfile)
    assert sorted(q.column("_source_row").to_pylist()) == planted_bad_ids()
    assert all(
        any("身份证号" in r and "cn_resident_id" in r for r in rules)
        for rules in q.column("_rejected_rules").to_pylist()
    )
    (vfile,) = (in_demo_home / "lake" / "valid" / "health" / "clinic_visits").glob("*.parquet")
    assert pq.read_metadata(vfile).num_rows + q.num_rows == 2000


def test_a_critical_failure_keeps_the_previous_version_published(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.store import connect

    first = run_dataset("market_regulation", "enterprise_registry", "run-1")
    assert first["version"] == 1
    src = tmp_path / "src"
    shutil.copytree(fresh_home / "sources" / "market_regulation", src / "market_regulation")
    csv = src / "market_regulation" / "enterprises.csv"
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    code = lines[5].split(",")[0]
    lines[5] = lines[5].replace(code, code[:17] + ("0" if code[17] != "0" else "1"), 1)  # bad check char
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(src))
    with pytest.raises(QualityGateError, match="market_regulation.enterprise_registry") as err:
        run_dataset("market_regulation", "enterprise_registry", "run-2")
    assert "统一社会信用代码" in str(err.value) and code not in str(err.value)
    with connect(read_only=True) as con:
        assert con.execute("SELECT max(version) FROM versions").fetchone() == (1,)
        assert con.execute('SELECT count(*) FROM open."market_regulation__enterprise_registry"').fetchone() == (1500,)
        assert con.execute("SELECT status FROM runs WHERE run_id = 'run-2'").fetchone() == ("blocked",)
