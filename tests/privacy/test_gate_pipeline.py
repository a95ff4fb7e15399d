"""The publication gate end to end: a release about people whose re-identification targets cannot
be met within the allowed suppression goes through every stage and comes out as conditional
(有条件开放), with the reason in the catalog, in the "should be open but is not" report and on
the dataset page (隐私风险评估 says 未达标)."""

from __future__ import annotations

import html
from pathlib import Path

import httpx
import pytest

MANIFEST = """
id: gate
name: 风险评估示例
contact: {name: 信息处}
datasets:
  - id: rare_cases
    title: 罕见病登记（示例）
    about_people: true
    source: {type: file, path: gate/rare_cases.csv}
    columns:
      - {name: 姓名, privacy: personal, entity: PERSON_NAME}
      - {name: 性别}
      - {name: 出生日期, type: date, privacy: personal, entity: DATE_OF_BIRTH}
      - {name: 诊断名称, privacy: sensitive, entity: MEDICAL_CONDITION}
"""

# three people: fewer records than k=5, so no generalisation or suppression can make them 5-anonymous
ROWS = (
    "姓名,性别,出生日期,诊断名称\n张三,男,1950-03-01,戈谢病\n李四,女,1962-07-15,法布雷病\n王五,男,1971-11-30,庞贝病\n"
)


def test_an_unmeetable_release_is_offered_as_conditional_with_the_reason(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, live_portal
) -> None:
    from catalog.queries import version_row
    from catalog.risk import release_risk
    from catalog.scorecard import withheld_report
    from orchestration.pipeline import run_dataset

    folder = tmp_path / "departments"
    folder.mkdir()
    (folder / "gate.yaml").write_text(MANIFEST, encoding="utf-8")
    src = tmp_path / "src"
    (src / "gate").mkdir(parents=True)
    (src / "gate" / "rare_cases.csv").write_text(ROWS, encoding="utf-8")
    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(folder))
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(src))

    run_dataset("gate", "rare_cases", "r1")

    report = release_risk("gate", "rare_cases")
    assert report is not None and report["kind"] == "anonymisation"
    assert report["met"] is False and report["k_threshold"] == 5
    v = version_row("gate", "rare_cases", None)
    assert v is not None and v["open_tier"] == "conditional"
    [item] = withheld_report()["gate"]
    assert item["dataset_id"] == "rare_cases" and item["open_tier"] == "conditional"
    assert item["reason"].startswith("再识别风险评估未通过") and "有条件开放" in item["reason"]

    page = html.unescape(httpx.get(f"{live_portal.url}/datasets/gate/rare_cases", headers={"Accept": "text/html"}).text)
    assert "有条件开放" in page and item["reason"] in page  # the tier and why, as the report says
    section = page[page.index('id="risk"') :]
    assert "未达标" in section and report["reason_zh"] in section
    # nothing of the three people is on the page
    for value in ("张三", "李四", "王五", "1950-03-01", "戈谢病"):
        assert value not in page
