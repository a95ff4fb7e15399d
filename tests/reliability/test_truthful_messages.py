"""Issue 14, finding 12: a blocked run says what is true about the published data: "nothing was
published" when the dataset has no version yet, "the previous version (vN) stays live" when it has."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import harness
import pytest

from core import PrivacyError, PubdataError, QualityGateError


def _run_row(run_id: str) -> dict:
    rows = harness.catalog_rows(
        "SELECT status, stage, message FROM runs WHERE run_id = ? AND dataset_id = ?", [run_id, harness.DS]
    )
    assert rows, "the run was not recorded"
    return dict(zip(("status", "stage", "message"), rows[0]))


def _said(exc: PubdataError) -> str:
    return f"{exc} — {exc.hint}"


def _fresh_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, manifest: dict | None = None) -> harness.Env:
    env = harness.Env(tmp_path)
    (env.src / harness.DEPT).mkdir(parents=True)
    env.home.mkdir()
    env.write_manifest(manifest or copy.deepcopy(harness.BASE_MANIFEST))
    (env.src / harness.DEPT / "records.csv").write_text(harness.csv_text(harness.rows(20)), encoding="utf-8")
    env.activate(monkeypatch)
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    return env


def test_f12_a_leak_gate_block_on_a_first_run_says_nothing_was_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.reviews import add_review
    from orchestration import pipeline
    from warehouse.manifest import load_department_by_id

    manifest = copy.deepcopy(harness.BASE_MANIFEST)
    manifest["datasets"][0]["columns"][4] = {"name": "身份证号"}  # not declared: the detector decides
    _fresh_env(tmp_path, monkeypatch, manifest)
    dept = load_department_by_id(harness.DEPT)
    job = pipeline.Job(dept, dept.dataset(harness.DS), "first")
    pipeline.extract(job)
    pipeline.validate(job)
    pipeline.classify(job)
    # an officer wrongly lowers the ID column: the leak gate is the last line and blocks
    add_review(
        harness.DEPT, harness.DS, "身份证号", level="none", entity=None, reviewer="王审核", reason="误判为非个人信息"
    )
    pipeline.classify(job)
    with pytest.raises(PrivacyError) as caught:
        pipeline.protect(job)
    said = _said(caught.value)
    assert "leak gate" in said
    assert "nothing was published" in said and "stays live" not in said, said
    row = _run_row("first")
    assert row["status"] == "blocked" and "nothing was published" in row["message"], row
    assert "stays live" not in row["message"]


def test_f12_a_quality_block_on_a_first_run_says_nothing_was_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.pipeline import run_dataset

    manifest = copy.deepcopy(harness.BASE_MANIFEST)
    manifest["datasets"][0]["columns"][0]["severity"] = "critical"
    env = _fresh_env(tmp_path, monkeypatch, manifest)
    bad = harness.rows(20)
    bad[3]["编号"] = "不是数字"
    (env.src / harness.DEPT / "records.csv").write_text(harness.csv_text(bad), encoding="utf-8")
    with pytest.raises(QualityGateError) as caught:
        run_dataset(harness.DEPT, harness.DS, "first")
    said = _said(caught.value)
    assert "nothing was published" in said and "stays live" not in said, said
    assert "nothing was published" in _run_row("first")["message"]


def test_f12_a_block_after_a_publish_says_which_version_stays_live(
    base: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.pipeline import run_dataset

    env = harness.clone_base(base, tmp_path / "c")
    manifest = copy.deepcopy(harness.BASE_MANIFEST)
    manifest["datasets"][0]["columns"][0]["severity"] = "critical"
    env.write_manifest(manifest)
    bad = harness.rows(20)
    bad[3]["编号"] = "不是数字"
    (env.src / harness.DEPT / "records.csv").write_text(harness.csv_text(bad), encoding="utf-8")
    env.activate(monkeypatch)
    monkeypatch.setenv("PUBDATA_KEYS_DIR", os.path.join(env.home, "keys"))
    with pytest.raises(QualityGateError) as caught:
        run_dataset(harness.DEPT, harness.DS, "second")
    said = _said(caught.value)
    assert "the previous version (v1) stays live" in said and "nothing was published" not in said, said
    assert json.dumps(_run_row("second"), ensure_ascii=False).count("v1") >= 1
