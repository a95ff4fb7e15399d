"""One DAG per department manifest in ``departments/``.

Each dataset is a task group:  extract -> validate -> classify -> protect -> publish.
A department's small local-file datasets run in batches instead (:mod:`orchestration.batches`):
a task group ``batch-N`` of the same five stages, each task running its stage for every dataset
of the batch still going, then ``outcome`` (fails naming the datasets that did not publish).
Each harvest entry (``source: {type: ckan | dcat}``) is a task group ``harvest`` (list remote ->
diff -> fetch changed metadata, :mod:`orchestration.harvest`) followed by a task group ``pull``
mapped over the remote datasets whose data is pulled: the same five stages, one mapped instance
per dataset.
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

from airflow.sdk import (  # noqa: E402
    DAG,
    Asset,
    AssetAlias,
    XComArg,
    dag,
    get_current_context,
    get_parsing_context,
    task,
    task_group,
)
from airflow.sdk.exceptions import AirflowFailException  # noqa: E402

from core import ManifestError, PubdataError, SourceUnavailable  # noqa: E402
from core.settings import int_setting  # noqa: E402
from orchestration.batches import plan  # noqa: E402
from warehouse.manifest import Dataset, Department, load_all, manifest_path  # noqa: E402

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _call(stage: str, department: Department, dataset: Dataset, *args):
    """Run a pipeline stage; permanent errors skip retries, transient ones are retried."""
    from orchestration import pipeline  # lazy: parsing this file must not load the pipeline's libraries
    from orchestration.collector import settle

    job = pipeline.Job(department, dataset, get_current_context()["run_id"])
    settle()  # the libraries loaded so far are left out of the collector's work (orchestration.collector)
    try:
        return getattr(pipeline, stage)(job, *args)
    except SourceUnavailable:
        raise
    except PubdataError as exc:
        hint = f" — {exc.hint}" if exc.hint else ""
        raise AirflowFailException(f"{job.label} {stage}: {exc}{hint}") from None
    finally:
        settle()  # and those the stage loaded


def asset_for(department: str, dataset: str) -> Asset:
    return Asset(name=f"pubdata.{department}.{dataset}", uri=f"pubdata://open/{department}/{dataset}")


# A task's upstream argument is an XComArg while the DAG is built and the upstream summary (a dict)
# when the task runs.
Upstream = dict | XComArg


# A stage's summary is one XCom (``return_value``): a ``-> dict`` annotation would make Airflow
# infer ``multiple_outputs`` and push every key as an XCom of its own as well (one execution-API
# call each, ~9 per task), which nothing reads.
def stage_task(fn):
    """``@task`` of a stage (a new decorator per function: one decorator object would share its
    task ids)."""
    return task(multiple_outputs=False)(fn)


def dataset_group(department: Department, dataset: Dataset) -> None:
    @stage_task
    def extract() -> dict:
        return _call("extract", department, dataset)

    @stage_task
    def validate(_extracted: Upstream) -> dict:
        return _call("validate", department, dataset)

    @stage_task
    def classify(_validated: Upstream) -> dict:
        return _call("classify", department, dataset)

    @stage_task
    def protect(_classified: Upstream) -> dict:
        return _call("protect", department, dataset)

    @task(multiple_outputs=False, outlets=[asset_for(department.id, dataset.id)])
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


def _batch(stage: str, department: Department, ids: list[str], *upstream: Upstream) -> dict:
    """A pipeline stage for each dataset of a batch still going (failures are recorded per dataset)."""
    from orchestration.batches import run_stage

    summaries = []
    for u in upstream:
        assert isinstance(u, dict), "an upstream summary is a dict when the task runs"
        summaries.append(u)
    return run_stage(stage, department, ids, get_current_context()["run_id"], *summaries)


def batch_group(department: Department, datasets: list[Dataset], group_id: str) -> None:
    ids = [ds.id for ds in datasets]
    alias = AssetAlias(name=f"pubdata.{department.id}.{group_id}")

    @stage_task
    def extract() -> dict:
        return _batch("extract", department, ids)

    @stage_task
    def validate(extracted: Upstream) -> dict:
        return _batch("validate", department, ids, extracted)

    @stage_task
    def classify(validated: Upstream) -> dict:
        return _batch("classify", department, ids, validated)

    @stage_task
    def protect(classified: Upstream) -> dict:
        return _batch("protect", department, ids, classified)

    @task(multiple_outputs=False, outlets=[alias])
    def publish(protected: Upstream, validated: Upstream, **context) -> dict:
        results = _batch("publish", department, ids, protected, validated)
        for ds_id, result in results.items():  # an asset event for each dataset that reached publish
            extra = {k: result.get(k) for k in ("version", "quality_score", "open_tier")}
            context["outlet_events"][alias].add(asset_for(department.id, ds_id), extra=extra)
        return results

    @task(trigger_rule="all_done", retries=0)
    def outcome() -> None:
        """Fail (visibly, in Airflow) when a dataset of the batch did not publish; the others did."""
        from orchestration.batches import failures

        failed = failures(department, ids, get_current_context()["run_id"])
        if failed:
            raise AirflowFailException(
                f"{len(failed)} of {len(ids)} dataset(s) of {department.id}.{group_id} did not finish: "
                + ", ".join(failed)
                + " (each one's message is in the run summary; the others were published)"
            )

    validated = validate(extract())
    publish(protect(classify(validated)), validated) >> outcome()


def _pull(stage: str, department: Department, entry: Dataset, dataset_id: str, *args):
    """A pipeline stage of one harvested dataset (its job is rebuilt from the catalog)."""
    from airflow.sdk import get_current_context
    from airflow.sdk.exceptions import AirflowFailException

    from core import PubdataError, SourceUnavailable
    from orchestration import pipeline
    from orchestration.harvest import pull_job

    run_id = get_current_context()["run_id"]
    try:
        return getattr(pipeline, stage)(pull_job(department, entry, dataset_id, run_id), *args)
    except SourceUnavailable:
        raise
    except PubdataError as exc:
        hint = f" — {exc.hint}" if exc.hint else ""
        raise AirflowFailException(f"{department.id}.{dataset_id} {stage}: {exc}{hint}") from None


def harvest_group(department: Department, entry: Dataset) -> None:
    @task(outlets=[asset_for(department.id, entry.id)])
    def harvest() -> list[str]:
        """List the remote catalog, diff, fetch what changed; returns the datasets to pull."""
        from airflow.sdk import get_current_context
        from airflow.sdk.exceptions import AirflowFailException

        from core import PubdataError, SourceUnavailable
        from orchestration.harvest import harvest as run_harvest

        try:
            result = run_harvest(department, entry, get_current_context()["run_id"])
        except SourceUnavailable:
            raise
        except PubdataError as exc:
            raise AirflowFailException(str(exc)) from None
        return result.to_pull

    @task_group(group_id="pull")
    def pull(dataset_id: str) -> None:
        @stage_task
        def extract(dataset_id: str) -> dict:
            return _pull("extract", department, entry, dataset_id)

        @stage_task
        def validate(dataset_id: str, _extracted: Upstream) -> dict:
            return _pull("validate", department, entry, dataset_id)

        @stage_task
        def classify(dataset_id: str, _validated: Upstream) -> dict:
            return _pull("classify", department, entry, dataset_id)

        @stage_task
        def protect(dataset_id: str, _classified: Upstream) -> dict:
            return _pull("protect", department, entry, dataset_id)

        @stage_task
        def publish(dataset_id: str, protected: Upstream, validated: Upstream) -> dict:
            return _pull("publish", department, entry, dataset_id, protected, validated)

        validated = validate(dataset_id, extract(dataset_id))
        publish(dataset_id, protect(dataset_id, classify(dataset_id, validated)), validated)

    pull.expand(dataset_id=harvest())


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
        batches, own = plan(dept)
        for ds in own:
            group = harvest_group if ds.is_harvest else dataset_group
            task_group(group_id=ds.id, tooltip=ds.title)(group)(dept, ds)
        for i, members in enumerate(batches, 1):  # "-": never a dataset id (ids are [a-z0-9_])
            tip = f"{len(members)} small datasets: " + ", ".join(ds.id for ds in members)
            task_group(group_id=f"batch-{i}", tooltip=tip[:500])(batch_group)(dept, members, f"batch-{i}")

    return department()


def broken_dag_id(path) -> str:
    return "broken_" + re.sub(r"[^a-z0-9_]", "_", path.stem.lower())[:60]


def broken_manifest_dag(path, error: Exception) -> DAG:
    message = str(error)

    @dag(
        dag_id=broken_dag_id(path),
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


# Airflow's parsing context names the one DAG wanted when a task runs (a worker parses this file for
# each task: Airflow's "Optimizing DAG parsing delays during execution") and `pubdata run` sets it
# for the department it runs: then only that DAG is built. The manifests are still all read (a
# duplicate department id is an error of both manifests).
_only = get_parsing_context().dag_id
departments, broken = load_all()
for _dept in departments:
    if _only and _only != f"dept_{_dept.id}":
        continue
    try:
        globals()[f"dept_{_dept.id}"] = department_dag(_dept)
    except Exception as _exc:  # e.g. a schedule Airflow refuses: isolate it, keep the others
        _file = manifest_path(_dept.id)
        broken[_file] = ManifestError(
            f"{_file}: Airflow refused the department's DAG ({_exc.__class__.__name__}: {str(_exc)[:300]})",
            hint="check the schedule and tags in the manifest",
        )
for _path, _error in broken.items():
    if _only and _only != broken_dag_id(_path):
        continue
    _d = broken_manifest_dag(_path, _error)
    globals()[_d.dag_id] = _d
