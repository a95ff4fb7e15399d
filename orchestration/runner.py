"""Run department DAGs through Airflow in this process (``dag.test()``), with a live display.

This is what ``pubdata run`` and ``make demo`` use: real Airflow DAG runs (the DAG file is parsed
by Airflow's DagBag, task instances are recorded in the metadata DB, XCom carries the stage
summaries), without a scheduler process.

SIGTERM or SIGINT stops a run promptly (:mod:`orchestration.stopping`), also while Airflow waits
to retry a failing source: the DAG run and its unfinished task instances are marked failed, the
catalog's unfinished dataset runs are marked stopped, and :class:`~orchestration.stopping.RunStopped`
is raised carrying what was stopped. Publishing is atomic (a version is one catalog transaction
after its file is complete), so a stop never leaves half a version.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import ManifestError, home
from core.settings import REPO_ROOT
from orchestration.airflow_env import configure
from orchestration.collector import hold, release
from orchestration.stopping import RunStopped, StopOnSignals

if TYPE_CHECKING:
    from rich.live import Live

__all__ = ["DatasetOutcome", "RunStopped", "ensure_airflow_db", "load_dags", "parsing_context", "run_departments"]


@dataclass
class DatasetOutcome:
    department: str
    dataset: str
    status: str  # published | withheld | blocked | failed | not run
    stage: str
    message: str
    version: int | None = None
    quality_score: float | None = None
    #: what happened to every column in open data (published, masked, held for review...)
    columns: dict[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("published", "withheld", "harvested")


_READY: set[str] = set()


def ensure_airflow_db() -> None:
    """Create/migrate Airflow's metadata DB once (a marker file remembers it across processes)."""
    configure()
    conn = os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    marker = home() / "airflow" / ".db-ready"
    if conn in _READY or (marker.exists() and marker.read_text().strip() == conn):
        _READY.add(conn)
        return
    from airflow.utils import db

    db.initdb()
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(conn + "\n")
    _READY.add(conn)


@contextlib.contextmanager
def parsing_context(dag_id: str | None) -> Iterator[None]:
    """Airflow's DAG parsing context (the environment variable a worker sets before it parses a DAG
    file for one task): the DAG file then builds only ``dag_id`` (all DAGs when None)."""
    from airflow.sdk.definitions.context import _AIRFLOW_PARSING_CONTEXT_DAG_ID as var

    saved = os.environ.pop(var, None)
    if dag_id:
        os.environ[var] = dag_id
    try:
        yield
    finally:
        os.environ.pop(var, None)
        if saved is not None:
            os.environ[var] = saved


def load_dags(department_ids: list[str] | None = None) -> dict[str, Any]:
    """The departments' DAGs parsed by Airflow's DagBag (only the one asked for, when one is)."""
    configure()
    from airflow.dag_processing.dagbag import DagBag

    only = f"dept_{department_ids[0]}" if department_ids and len(set(department_ids)) == 1 else None
    with parsing_context(only):
        bag = DagBag(dag_folder=str(REPO_ROOT / "dags"), safe_mode=False)
    if bag.import_errors:
        first = next(iter(bag.import_errors.values()))
        raise ManifestError(f"the DAG file failed to import: {str(first).strip().splitlines()[-1]}")
    dags = {dag_id: d for dag_id, d in bag.dags.items() if dag_id.startswith(("dept_", "broken_"))}
    if department_ids:
        missing = [d for d in department_ids if f"dept_{d}" not in dags]
        if missing:
            raise ManifestError(
                f"no valid manifest for department(s) {missing}",
                hint="see `pubdata run --help`; check departments/ and the manifest errors above",
            )
        dags = {f"dept_{d}": dags[f"dept_{d}"] for d in department_ids}
    return dags


def _outcomes(dag_id: str, run_id: str) -> list[DatasetOutcome]:
    from catalog.queries import run_rows
    from warehouse.manifest import load_all

    dept_id = dag_id.removeprefix("dept_")
    rows = run_rows(run_id, dept_id)
    good, _ = load_all()
    dept = next((d for d in good if d.id == dept_id), None)
    out = []
    harvests = {h["harvest_id"]: h for h in _harvest_rows(dept_id, run_id)} if dept else {}
    for ds in dept.datasets if dept else []:
        if ds.is_harvest:
            out += _harvest_outcomes(dept_id, ds.id, harvests.get(ds.id), rows)
            continue
        r = rows.get(ds.id)
        if r is None:
            out.append(DatasetOutcome(dept_id, ds.id, "not run", "-", "no task ran (see Airflow logs)"))
            continue
        status = r["status"] if r["status"] != "running" else "failed"
        try:
            columns = json.loads(r.get("summary_json") or "{}").get("columns")
        except ValueError:
            columns = None
        out.append(
            DatasetOutcome(
                dept_id, ds.id, status, r["stage"], r["message"] or "", r["version"], r["quality_score"], columns
            )
        )
    return out


def _harvest_rows(department: str, run_id: str) -> list[dict[str, Any]]:
    from catalog.harvest import harvest_runs

    return harvest_runs(department, run_id=run_id)


def _harvest_outcomes(
    department: str, entry: str, run: dict[str, Any] | None, rows: dict[str, dict[str, Any]]
) -> list[DatasetOutcome]:
    """The harvest of one entry, then each dataset it pulled in that run."""
    if run is None:
        return [DatasetOutcome(department, entry, "not run", "harvest", "no harvest ran (see Airflow logs)")]
    if run["status"] != "ok":
        return [DatasetOutcome(department, entry, "failed", "harvest", run["message"] or "")]
    message = (
        f"{run['listed']} listed: {run['added']} new, {run['changed']} changed, {run['unchanged']} unchanged, "
        f"{run['withdrawn']} withdrawn; {run['to_pull']} pulled"
    )
    out = [DatasetOutcome(department, entry, "harvested", "harvest", message)]
    from catalog.harvest import harvested_keys

    pulled = {r["dataset_id"] for r in harvested_keys(department, entry).values()}
    for dataset_id in sorted(pulled & set(rows)):
        r = rows[dataset_id]
        status = r["status"] if r["status"] != "running" else "failed"
        out.append(
            DatasetOutcome(
                department, dataset_id, status, r["stage"], r["message"] or "", r["version"], r["quality_score"]
            )
        )
    return out


@contextlib.contextmanager
def _airflow_output_to(log_path: Path):
    """Send everything Airflow prints (task logs, tracebacks) to ``log_path``; yield a stream
    on the real terminal for our own progress display."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out, saved_err = os.dup(1), os.dup(2)
    terminal = os.fdopen(os.dup(2), "w", buffering=1, encoding="utf-8", errors="replace")
    with open(log_path, "ab") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield terminal
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
            os.close(saved_out)
            os.close(saved_err)
            terminal.close()


def run_departments(
    department_ids: list[str] | None = None, *, progress: bool = True, serve_sources: bool = True
) -> list[DatasetOutcome]:
    """Run each department's DAG once; return one outcome per dataset (broken manifests included)."""
    hold()  # no garbage collection while the libraries load: the stage tasks turn it back on
    try:
        return _run_departments(department_ids, progress=progress, serve_sources=serve_sources)
    finally:
        release()


def _run_departments(department_ids: list[str] | None, *, progress: bool, serve_sources: bool) -> list[DatasetOutcome]:
    configure()
    from warehouse.manifest import load_all

    good, broken = load_all()
    outcomes: list[DatasetOutcome] = [
        DatasetOutcome(path.stem, "*", "failed", "manifest", str(err))
        for path, err in broken.items()
        if not department_ids or path.stem in department_ids
    ]
    ctx = contextlib.ExitStack()
    if serve_sources:
        from orchestration.demo import serve_http_sources, sources_dir

        if (sources_dir() / "http").is_dir():
            with contextlib.suppress(OSError):  # port taken: someone else serves it
                ctx.enter_context(serve_http_sources())
    log_path = home() / "airflow" / "logs" / f"pubdata-run-{_dt.datetime.now():%Y%m%dT%H%M%S}.log"
    stopped: RunStopped | None = None
    with ctx, _airflow_output_to(log_path) as terminal, StopOnSignals() as stop:
        if progress:
            print(f"Airflow output goes to {log_path}", file=terminal, flush=True)
        ensure_airflow_db()
        dags = {k: v for k, v in load_dags(department_ids).items() if k.startswith("dept_")}
        display = _Display(good, department_ids, terminal) if progress else None
        with display or contextlib.nullcontext():
            pending = sorted(dags.items())
            try:
                if pending:
                    from orchestration.execution_api import prepare

                    with stop.interruptible():
                        prepare()  # the in-process execution API of the tasks, for their API version only
                while pending:
                    dag_id, dag = pending[0]
                    # dag.test() parses the DAG folder again to record the DAG in Airflow's DB:
                    # only this department's DAG
                    with stop.interruptible(), parsing_context(dag_id):
                        dr = dag.test()
                    pending.pop(0)
                    outcomes += _outcomes(dag_id, dr.run_id)
            except RunStopped as exc:
                stopped = exc
        if stopped is not None:  # outside the interruptible region: this clean-up is not interrupted
            stopped.outcomes = outcomes + _stop_runs(pending, stopped.signame)  # type: ignore[attr-defined]
            stopped.log_path = log_path  # type: ignore[attr-defined]
        _checkpoint_audit(stopped)
    if stopped is not None:
        raise stopped
    for o in outcomes:
        if o.status == "failed" and "internal error" in o.message:
            o.message += f" (traceback in {log_path})"
    return outcomes


def _checkpoint_audit(stopped: RunStopped | None) -> None:
    """A signed checkpoint of the audit log at the end of every run (also a stopped one)."""
    from catalog import audit

    audit.checkpoint(reason=f"end of pubdata run ({stopped})" if stopped else "end of pubdata run")


def _stop_runs(pending: list[tuple[str, Any]], signame: str) -> list[DatasetOutcome]:
    """After a stop: fail the interrupted DAG run and its unfinished task instances in Airflow's
    DB, mark the catalog's unfinished dataset runs stopped; the outcomes of what did not finish."""
    from airflow import settings
    from airflow.models.dagrun import DagRun
    from airflow.utils.state import DagRunState

    from catalog.publish import mark_stopped

    if settings.Session is not None:
        settings.Session.remove()  # the interrupted loop's session may be mid-transaction
    out: list[DatasetOutcome] = []
    why = f"stopped by {signame}"
    assert settings.Session is not None, "Airflow's ORM is configured (the run was going)"
    session = settings.Session()
    try:
        for dag_id, _dag in pending[:1]:  # the DAG that was running when the signal came
            runs = session.query(DagRun).filter(DagRun.dag_id == dag_id, DagRun.state == DagRunState.RUNNING).all()
            for dr in runs:
                tasks = _fail_unfinished(session, dr)
                session.commit()
                mark_stopped(dr.run_id, dag_id.removeprefix("dept_"), why)
                for o in _outcomes(dag_id, dr.run_id):
                    mine = [t for t in tasks if t.startswith(f"{o.dataset}.")]
                    if o.status == "not run" or mine:
                        o.status = "failed"
                        o.message = why + (f" (Airflow task {', '.join(mine)} stopped)" if mine else "")
                    out.append(o)
            if not runs:
                pending = [(dag_id, None), *pending]  # it never started
    finally:
        session.close()
    out += [
        DatasetOutcome(dag_id.removeprefix("dept_"), "*", "not run", "-", f"not started: {why}")
        for dag_id, _ in pending[1:]
    ]
    return out


def _fail_unfinished(session: Any, dr: Any) -> list[str]:
    """Mark a DAG run and its task instances that had not finished failed; ``["task (was state)"]``."""
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.state import DagRunState, State, TaskInstanceState

    now = _dt.datetime.now(_dt.UTC)  # Airflow's columns take aware datetimes
    stopped = []
    for ti in session.query(TaskInstance).filter(TaskInstance.dag_id == dr.dag_id, TaskInstance.run_id == dr.run_id):
        if ti.state in State.finished:
            continue
        if ti.state is not None:
            stopped.append(f"{ti.task_id} (was {ti.state})")
        ti.state = TaskInstanceState.FAILED if ti.state is not None else TaskInstanceState.UPSTREAM_FAILED
        ti.end_date = now
    dr.state = DagRunState.FAILED
    dr.end_date = now
    return stopped


class _Display:
    """A live table: one row per dataset, its current stage and status."""

    def __init__(self, departments, only: list[str] | None, stream) -> None:
        from rich.console import Console

        self.stream = stream
        self.console = Console(file=stream)
        self.rows: dict[tuple[str, str], list[str]] = {}
        for d in departments:
            if only and d.id not in only:
                continue
            for ds in d.datasets:
                self.rows[(d.id, ds.id)] = ["queued", ""]
        self.live: Live | None = None
        self.unsubscribe: Callable[[], None] | None = None

    def _table(self):
        from rich.table import Table

        t = Table(title="pubdata run", expand=False)
        for c in ("department", "dataset", "stage", "detail"):
            t.add_column(c)
        done = 0
        for (dept, ds), (stage, detail) in self.rows.items():
            style = {"published": "green", "failed": "red", "blocked": "yellow", "withheld": "magenta"}.get(
                stage.split(":")[-1].strip(), ""
            )
            done += stage.endswith(("published", "failed", "blocked", "withheld"))
            t.add_row(dept, ds, f"[{style}]{stage}[/]" if style else stage, detail[:70])
        t.caption = f"{done}/{len(self.rows)} datasets finished"
        return t

    def _on_event(self, dept: str, ds: str, stage: str, status: str, detail: str) -> None:
        label = status if status in ("published", "failed", "blocked", "withheld") else f"{stage}: {status}"
        self.rows[(dept, ds)] = [label, detail]
        if self.live:
            self.live.update(self._table())
        elif not self.console.is_terminal:
            print(f"[{dept}.{ds}] {label} {detail}", file=self.stream, flush=True)

    def __enter__(self):
        from rich.live import Live

        from orchestration import progress

        self.unsubscribe = progress.subscribe(self._on_event)
        if self.console.is_terminal:
            self.live = Live(self._table(), console=self.console, refresh_per_second=4)
            self.live.__enter__()
        return self

    def __exit__(self, *exc):
        if self.unsubscribe:
            self.unsubscribe()
        if self.live:
            self.live.__exit__(*exc)
        return False


def outcome_table(outcomes: list[DatasetOutcome]) -> str:
    lines = []
    for o in outcomes:
        mark = "ok  " if o.ok else "FAIL"
        extra = f" v{o.version}" if o.version else ""
        score = f" quality {o.quality_score:.0f}" if o.quality_score is not None else ""
        lines.append(
            f"{mark} {o.department}.{o.dataset}: {o.status}{extra}{score}"
            + (f" — {o.message}" if not o.ok or o.status in ("withheld", "harvested") else "")
        )
        if o.columns and o.status in ("published", "withheld"):
            by_fate: dict[str, list[str]] = {}
            for name, fate in o.columns.items():
                by_fate.setdefault(fate, []).append(name)
            for fate, names in by_fate.items():
                lines.append(f"       {fate}: {', '.join(names)}")
    return "\n".join(lines)
