"""DAG integrity: Airflow's DagBag parses the generated DAGs; a broken manifest is isolated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.airflow  # Airflow's DagBag parses the DAG file


def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"), safe_mode=False)


def test_every_department_dag_imports_with_tags_and_retries() -> None:
    from warehouse.manifest import load_all

    bag = dagbag()
    assert bag.import_errors == {}
    good, _ = load_all()
    assert sorted(bag.dag_ids) == sorted(f"dept_{d.id}" for d in good)
    for dept in good:
        dag = bag.dags[f"dept_{dept.id}"]
        assert "pubdata" in dag.tags and f"department:{dept.id}" in dag.tags
        ids = set(dag.task_dict)
        for ds in dept.datasets:
            for stage in ("extract", "validate", "classify", "protect", "publish"):
                assert f"{ds.id}.{stage}" in ids
        for t in dag.tasks:
            assert t.retries >= 2 and t.retry_delay.total_seconds() > 0
        publish = [t for t in dag.tasks if t.task_id.endswith(".publish")]
        assert all(t.outlets and t.outlets[0].uri.startswith("pubdata://open/") for t in publish)


def test_dag_file_does_not_import_heavy_libraries_at_parse_time() -> None:
    import subprocess
    import sys

    code = (
        "import sys, runpy; runpy.run_path('dags/departments.py'); "
        "heavy = [m for m in ('great_expectations', 'presidio_analyzer', 'duckdb', 'spacy') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_broken_manifest_yields_a_clear_failing_dag_and_the_others_still_load(tmp_path: Path, monkeypatch) -> None:
    import shutil

    for name in ("ecology.yaml", "transport.yaml"):
        shutil.copy(REPO / "departments" / name, tmp_path / name)
    bad = yaml.safe_load((REPO / "departments" / "ecology.yaml").read_text(encoding="utf-8"))
    bad["id"] = "broken_dept"
    bad["datasets"][0]["columns"][2]["type"] = "money"
    (tmp_path / "broken_dept.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(tmp_path))
    bag = dagbag()
    assert bag.import_errors == {}
    assert {"dept_ecology", "dept_transport", "broken_broken_dept"} == set(bag.dag_ids)
    broken = bag.dags["broken_broken_dept"]
    assert "broken-manifest" in broken.tags
    assert "broken_dept.yaml" in broken.description and "columns[2].type" in broken.description
