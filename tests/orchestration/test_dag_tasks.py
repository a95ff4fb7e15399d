"""Each dataset of a department is a task group of the five stages, and each stage task hands its
summary on as one XCom (``return_value``): no XCom per summary key (each one an execution-API call)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.airflow  # Airflow's DagBag parses the DAG file

REPO = Path(__file__).resolve().parents[2]
STAGES = ("extract", "validate", "classify", "protect", "publish")


def test_stage_tasks_are_named_by_stage_and_push_one_xcom() -> None:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk import BaseOperator

    bag = DagBag(dag_folder=str(REPO / "dags"), safe_mode=False)
    assert bag.import_errors == {}
    dag = bag.dags["dept_transport"]
    assert set(dag.task_dict) == {f"{ds}.{s}" for ds in ("bus_stops", "ridership") for s in STAGES}
    assert all(isinstance(t, BaseOperator) and t.multiple_outputs is False for t in dag.tasks)
    assert dag.task_dict["bus_stops.publish"].upstream_task_ids == {"bus_stops.protect", "bus_stops.validate"}


def test_parsing_context_builds_only_the_department_asked_for() -> None:
    """A worker (and `pubdata run -d ID`, for its parse and for dag.test()'s re-sync) sets Airflow's
    parsing context: the DAG file then builds that one department's DAG, the same as in a full parse."""
    from airflow.dag_processing.dagbag import DagBag

    from orchestration.runner import load_dags, parsing_context

    full = DagBag(dag_folder=str(REPO / "dags"), safe_mode=False).dags
    assert {"dept_transport", "dept_health"} <= set(full)
    with parsing_context("dept_transport"):
        only = DagBag(dag_folder=str(REPO / "dags"), safe_mode=False).dags
    assert set(only) == {"dept_transport"}
    assert set(only["dept_transport"].task_dict) == set(full["dept_transport"].task_dict)
    assert set(load_dags(["transport"])) == {"dept_transport"}
    with parsing_context("dept_nobody"):
        assert DagBag(dag_folder=str(REPO / "dags"), safe_mode=False).dags == {}
    assert set(DagBag(dag_folder=str(REPO / "dags"), safe_mode=False).dags) == set(full)  # context restored
