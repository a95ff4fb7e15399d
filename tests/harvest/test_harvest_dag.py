"""A harvest entry becomes a task group in its department's DAG: ``harvest`` then a ``pull``
group mapped over the datasets to pull (the five stages), next to ordinary dataset groups."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_harvest_entries_are_task_groups_with_mapped_pulls(tmp_path: Path, monkeypatch) -> None:
    from airflow.dag_processing.dagbag import DagBag

    manifest = yaml.safe_load((REPO / "departments" / "transport.yaml").read_text(encoding="utf-8"))
    manifest["datasets"].append(
        {"id": "city", "title": "市级平台", "source": {"type": "ckan", "url": "http://127.0.0.1:9/", "data": "data"}}
    )
    (tmp_path / "transport.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(tmp_path))
    bag = DagBag(dag_folder=str(REPO / "dags"), safe_mode=False)
    assert bag.import_errors == {}
    dag = bag.dags["dept_transport"]
    ids = set(dag.task_dict)
    assert {"bus_stops.extract", "ridership.publish", "city.harvest"} <= ids
    stages = ("extract", "validate", "classify", "protect", "publish")
    assert {f"city.pull.{s}" for s in stages} <= ids
    assert all(dag.task_dict[f"city.pull.{s}"].get_closest_mapped_task_group() is not None for s in stages)
    assert dag.task_dict["city.pull.extract"].upstream_task_ids == {"city.harvest"}
    assert all(t.retries >= 2 for t in dag.tasks)
