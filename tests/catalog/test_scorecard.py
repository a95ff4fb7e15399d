"""Department scorecard figures against a hand-computed expectation."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from catalog.publish import publish_version, record_run, register_department, set_tier
from catalog.scorecard import department_runs, ranking, withheld_report
from warehouse.lake import RunPaths
from warehouse.manifest import departments_dir, load_department


@pytest.fixture
def two_departments(fresh_home: Path, tmp_path: Path) -> None:
    register_department(load_department(departments_dir() / "transport.yaml"))  # bus_stops, ridership
    register_department(load_department(departments_dir() / "health.yaml"))  # clinic_visits, hospitals
    src = tmp_path / "x.parquet"
    pq.write_table(pa.table({"a": [1, 2, 3]}), src)

    def run(dept, ds, status, score, inp, quar, on_time=True):
        p = RunPaths.for_run(dept, ds, f"{dept}-r1")
        if status == "published":
            publish_version(p, f"{dept}-r1", src, columns=[{"name": "a"}], quality_score=score)
        record_run(
            p,
            f"{dept}-r1",
            status=status,
            stage="publish" if status == "published" else "validate",
            quality_score=score,
            input_rows=inp,
            quarantined_rows=quar,
            valid_rows=inp - quar,
            on_time=on_time if status == "published" else None,
        )

    # transport: both published and open, scores 90 and 100, 10 of 1000 rows quarantined
    run("transport", "bus_stops", "published", 90.0, 400, 10)
    run("transport", "ridership", "published", 100.0, 600, 0)
    # health: visits blocked by a critical quality failure (score 40), hospitals published late
    run("health", "clinic_visits", "blocked", 40.0, 2000, 2000)
    run("health", "hospitals", "published", 80.0, 60, 0, on_time=False)
    set_tier("transport", "bus_stops", "open", None, None)


def test_scorecard_matches_hand_computation(two_departments) -> None:
    runs = {r["department_id"]: r for r in department_runs()}
    t, h = runs["transport"], runs["health"]
    assert t["quality"] == pytest.approx(95.0)
    assert t["on_time"] == pytest.approx(1.0)
    assert t["open_share"] == pytest.approx(1.0)
    assert t["quarantine_rate"] == pytest.approx(10 / 1000)
    assert t["withheld_without_rule"] == 0
    assert t["usage"] == 0.0  # nobody has used anything yet
    assert t["composite"] == pytest.approx(0.35 * 95 + 0.15 * 100 + 0.25 * 100 + 0.1 * 100 * (1 - 0.01) + 0.15 * 0)
    assert h["quality"] == pytest.approx(60.0)
    assert h["on_time"] == pytest.approx(0.0)  # the only publication was late
    assert h["open_share"] == pytest.approx(0.5)  # hospitals open, clinic visits not
    assert h["quarantine_rate"] == pytest.approx(2000 / 2060)
    assert h["withheld_without_rule"] == 1
    assert [r["department_id"] for r in ranking()] == ["transport", "health"]


def test_withheld_report_names_what_should_be_open(two_departments) -> None:
    report = withheld_report()
    assert list(report) == ["health"]
    (item,) = report["health"]
    assert item["dataset_id"] == "clinic_visits"
    assert item["reason"].startswith("never published (blocked at validate")


def test_a_negative_list_rule_justifies_withholding(two_departments) -> None:
    set_tier("health", "clinic_visits", "withheld", "NL-001", "example basis")
    assert withheld_report() == {}
