"""One DAG per department manifest in ``departments/``.

Each dataset is a task group:  extract -> validate -> classify -> protect -> publish.
The logic lives in ``orchestration.pipeline``; this file only wires it. Tasks pass paths and small
summaries through XCom. Data errors fail a task at once (no retry); transient source errors are
retried with back-off. A broken manifest becomes a one-task DAG that fails with its error, so it
is visible in the UI while every other department keeps working.
"""

from __future__ import annotations

import datetime as dt
import re

from orchestration.airflow_env import configure

configure()

from airflow.sdk import DAG, Asset, XComArg, dag, get_current_context, task, task_group  # noqa: E402
from airflow.sdk.exceptions import AirflowFailException  # noqa: E402

from core import ManifestError, PubdataError, SourceUnavailable  # noqa: E402
from core.settings import int_setting  # noqa: E402
from warehouse.manifest import Dataset, Department, load_all, manifest_path  # noqa: E402

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _call(stage: str, department: Department, dataset: Dataset, *args):
    """Run a pipeline stage; permanent errors skip retries, transient ones are retried."""
    from orchestration import pipeline  # lazy: parsing this file must not load the pipeline's libraries

    job = pipeline.Job(department, dataset, get_current_context()["run_id"])
    try:
        return getattr(pipeline, stage)(job, *args)
    except SourceUnavailable:
        raise
    except PubdataError as exc:
        hint = f" — {exc.hint}" if exc.hint else ""
        raise AirflowFailException(f"{job.label} {stage}: {exc}{hint}") from None


def asset_for(department: str, dataset: str) -> Asset:
    return Asset(name=f"pubdata.{department}.{dataset}", uri=f"pubdata://open/{department}/{dataset}")


# A task's upstream argument is an XComArg while the DAG is built and the upstream summary (a dict)
# when the task runs.
Upstream = dict | XComArg


def dataset_group(department: Department, dataset: Dataset) -> None:
    @task
    def extract() -> dict:
        return _call("extract", department, dataset)

    @task
    def validate(_extracted: Upstream) -> dict:
        return _call("validate", department, dataset)

    @task
    def classify(_validated: Upstream) -> dict:
        return _call("classify", department, dataset)

    @task
    def protect(_classified: Upstream) -> dict:
        return _call("protect", department, dataset)

    @task(outlets=[asset_for(department.id, dataset.id)])
    def publish(protected: Upstream, validated: Upstream, **context) -> dict:
        result = _call("publish", department, dataset, protected, validated)
        context["outlet_events"][asset_for(department.id, dataset.id)].extra = {
            "version": result.get("version"),
            "quality_score": result.get("quality_score"),
            "open_tier": result.get("open_tier"),
        }
        return result

    validated = validate(extract())
    publish(protect(classify(validated)), validated)


def department_dag(dept: Department) -> DAG:
    @dag(
        dag_id=f"dept_{dept.id}",
        schedule=None if dept.schedule == "none" else dept.schedule,
        start_date=START,
        catchup=False,
        max_active_runs=1,
        description=f"{dept.name}: {len(dept.datasets)} dataset(s)",
        tags=["pubdata", f"department:{dept.id}", *dept.tags],
        default_args={
            "retries": int_setting("PUBDATA_RETRIES"),
            "retry_delay": dt.timedelta(seconds=int_setting("PUBDATA_RETRY_DELAY")),
            "retry_exponential_backoff": 2.0,
            "owner": dept.contact.name,
        },
    )
    def department():
        for ds in dept.datasets:
            task_group(group_id=ds.id, tooltip=ds.title)(dataset_group)(dept, ds)

    return department()


def broken_manifest_dag(path, error: Exception) -> DAG:
    message = str(error)

    @dag(
        dag_id="broken_" + re.sub(r"[^a-z0-9_]", "_", path.stem.lower())[:60],
        schedule=None,
        start_date=START,
        catchup=False,
        tags=["pubdata", "broken-manifest"],
        description=message.splitlines()[0][:200],
        default_args={"retries": 0},
    )
    def broken():
        @task
        def manifest_is_invalid() -> None:
            raise AirflowFailException(message)

        manifest_is_invalid()

    return broken()


departments, broken = load_all()
for _dept in departments:
    try:
        globals()[f"dept_{_dept.id}"] = department_dag(_dept)
    except Exception as _exc:  # e.g. a schedule Airflow refuses: isolate it, keep the others
        _file = manifest_path(_dept.id)
        broken[_file] = ManifestError(
            f"{_file}: Airflow refused the department's DAG ({_exc.__class__.__name__}: {str(_exc)[:300]})",
            hint="check the schedule and tags in the manifest",
        )
for _path, _error in broken.items():
    _d = broken_manifest_dag(_path, _error)
    globals()[_d.dag_id] = _d
