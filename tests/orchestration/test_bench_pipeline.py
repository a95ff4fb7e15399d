"""bench/pipeline.py (issue 19): its generated data is what the pipeline accepts, and the script
runs end to end with tiny sizes. No timing is asserted: the figures are the benchmark's business."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_big_table_has_valid_ids_unique_keys_and_exactly_the_manifest_columns(tmp_path: Path) -> None:
    from bench._pipeline_data import big_department
    from core.identifiers import id_check_char
    from warehouse.manifest import load_department

    src = big_department(tmp_path / "departments", tmp_path / "sources", 2000)
    dept = load_department(tmp_path / "departments" / "big.yaml")
    with open(src, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2000
    assert list(rows[0]) == [c.name for c in dept.dataset("people").columns]
    assert len({r["记录编号"] for r in rows}) == 2000
    assert all(len(r["身份证号"]) == 18 and id_check_char(r["身份证号"][:17]) == r["身份证号"][17] for r in rows)
    assert all(re.fullmatch(r"1[3-9]\d{9}", r["手机号码"]) for r in rows)


def test_tiny_department_has_one_dataset_per_format_in_rotation(tmp_path: Path) -> None:
    from bench._pipeline_data import FORMATS, tiny_department
    from warehouse.manifest import FileSource, load_department

    formats = tiny_department(tmp_path / "departments", tmp_path / "sources", n=7, rows=5)
    dept = load_department(tmp_path / "departments" / "tiny.yaml")
    assert [ds.id for ds in dept.datasets] == [f"ds{i:03d}" for i in range(7)]
    assert formats == [FORMATS[i % len(FORMATS)] for i in range(7)]
    for ds in dept.datasets:
        assert isinstance(ds.source, FileSource)
        assert (tmp_path / "sources" / ds.source.path).is_file()


@pytest.mark.heavy
@pytest.mark.airflow
def test_bench_pipeline_runs_with_tiny_sizes_and_prints_its_bench_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "PUBDATA_"))}
    env["TMPDIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "pipeline.py"), "--datasets", "2", "--rows", "3000", "--repeat", "1"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(
        r"BENCH pipeline per_dataset_s=[\d.]+ start_s=[\d.]+ rows_per_s=\d+ ratio_vs_floor=[\d.]+ peak_mb=\d+", last
    ), last
