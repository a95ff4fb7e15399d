"""Small datasets of a department run in batches: one Airflow task per stage for several datasets.

An Airflow task costs about a quarter of a second of Airflow's own work even when its data work
takes milliseconds (``dag.test()``: ~5 execution-API calls per task; a scheduler adds the task's
queueing and start), so five tasks per dataset put a floor of 1.3 s under every tiny dataset.
A department's *small local-file* datasets (:func:`plan`) therefore run as batches: a task group
``batch-N`` of the same five stages, each task running its stage for every dataset of the batch
that is still going, then an ``outcome`` task. What the per-dataset tasks guarantee still holds:

* a dataset whose stage fails is recorded by the stage as before (catalog run row with its safe
  message and what stays published, audit) and left out of the batch's later stages; the other
  datasets of the batch go on (:func:`run_stage`);
* the ``outcome`` task runs whatever happened upstream and fails, naming each dataset that did
  not publish and its stage, so Airflow shows the batch (and the DAG run) failed;
* stages stay idempotent, so a retried batch task re-runs its stage for the batch's datasets;
* summaries between the tasks are one XCom per task: ``{dataset id: stage summary}`` (paths and
  counts, the same dicts a per-dataset task passes on).

Only local file sources are batched: they are never *transiently* unavailable (HTTP, SQL and
harvest sources are retried with back-off by Airflow, per dataset, so they keep their own tasks),
and their size is known before the run. Large files keep their own tasks as well, and a
department with fewer than ``PUBDATA_BATCH_MIN`` small datasets is not batched at all.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from core import PubdataError
from core.settings import int_setting
from orchestration.collector import settle
from warehouse.manifest import Dataset, Department
from warehouse.sources.local import resolve_local

__all__ = ["failures", "plan", "run_stage"]

log = logging.getLogger(__name__)

#: a dataset of a batch finished well with one of these catalog run statuses
DONE = ("published", "withheld")


def source_bytes(dataset: Dataset) -> int | None:
    """Bytes of a local file source (all files of a glob), or None (not a local file, missing)."""
    if dataset.source.type != "file":
        return None
    try:
        return sum(f.stat().st_size for f in resolve_local(dataset.source.path))
    except (PubdataError, OSError):
        return None  # missing or refused: it runs in its own tasks and fails there, visibly


def plan(department: Department) -> tuple[list[list[Dataset]], list[Dataset]]:
    """``(batches, own)``: the department's batches of small local-file datasets (in manifest order,
    at most ``PUBDATA_BATCH_SIZE`` each) and the datasets that keep their own tasks."""
    size, fewest = int_setting("PUBDATA_BATCH_SIZE"), int_setting("PUBDATA_BATCH_MIN")
    limit = int_setting("PUBDATA_BATCH_MAX_BYTES")
    small = []
    if size >= 2:
        for ds in department.datasets:
            nbytes = source_bytes(ds)
            if nbytes is not None and nbytes <= limit:
                small.append(ds)
    if len(small) < max(fewest, 2):
        return [], list(department.datasets)
    batched = {ds.id for ds in small}
    return (
        [small[i : i + size] for i in range(0, len(small), size)],
        [ds for ds in department.datasets if ds.id not in batched],
    )


def run_stage(
    stage: str, department: Department, dataset_ids: list[str], run_id: str, *upstream: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """One stage for each dataset of a batch still going (all of them for ``extract``; else those in
    the first upstream summary); ``upstream`` summaries are handed to the stage per dataset (publish
    takes the protect and validate summaries). Returns ``{dataset id: summary}`` of the datasets
    whose stage succeeded; a failing one was recorded by the stage and is left out."""
    from catalog import deferred_writes
    from orchestration import pipeline  # lazy: parsing the DAG file must not load the pipeline's libraries
    from quality import docs_batch

    going = [ds for ds in dataset_ids if not upstream or ds in upstream[0]]
    out: dict[str, dict[str, Any]] = {}
    settle()  # the libraries loaded so far are left out of the collector's work from now on
    # validate: each dataset's Data Docs page as it runs, the site's index once for the batch;
    # every stage: the datasets' progress records and decisions wait for the batch's next catalog
    # write (one catalog opening for many records; outcomes and publications are written at once)
    jobs = [pipeline.Job(department, department.dataset(ds), run_id) for ds in going]
    with (
        docs_batch() if stage == "validate" else contextlib.nullcontext(),
        deferred_writes() as pending,
        # the catalog reads of the stage: one opening for the batch (publish: of those not withheld)
        pipeline.batch_reads(
            stage, [j for j in jobs if stage != "publish" or not _withheld(upstream[0][j.dataset.id])]
        ),
    ):
        for ds, job in zip(going, jobs, strict=True):
            pending.key = ds
            args = [u[ds] for u in upstream] if stage == "publish" else []
            try:
                out[ds] = getattr(pipeline, stage)(job, *args)
            except PubdataError as exc:  # recorded by the stage with its safe message; the batch goes on
                hint = f" — {exc.hint}" if exc.hint else ""
                log.error("%s %s: %s%s", job.label, stage, exc, hint)
            except Exception:  # recorded by the stage as an internal error (type only); traceback to the log
                log.exception("%s %s: internal error", job.label, stage)
            settle()  # and those its first dataset loaded (Great Expectations, Presidio)
    for ds in pending.failed & set(out):  # its catalog record is incomplete: it does not go on
        log.error("%s.%s %s: the catalog record of the stage was not written", department.id, ds, stage)
        del out[ds]
    return out


def _withheld(protected: dict[str, Any]) -> bool:
    """Whether a protect summary says the dataset is withheld (its publish stage publishes nothing)."""
    return protected.get("open_tier") == "withheld"


def failures(department: Department, dataset_ids: list[str], run_id: str) -> list[str]:
    """``["dataset (status at stage)"]`` for each dataset of a batch that did not finish well in
    this run, from the catalog's run records (what the run summary shows)."""
    from catalog.queries import run_rows

    rows = run_rows(run_id, department.id)
    out = []
    for ds in dataset_ids:
        r = rows.get(ds)
        if r is None:
            out.append(f"{ds} (not run)")
        elif r["status"] not in DONE:
            out.append(f"{ds} ({r['status']} at {r['stage']})")
    return out
