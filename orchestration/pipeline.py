"""The five stages of a dataset run, callable without a scheduler.

Each stage takes a :class:`Job` (the parsed department and dataset, the run id and the run's
lake paths), reads its input from the lake, writes its output to the lake, records the run in
the catalog and returns a small JSON-able summary (paths and counts only: never rows, values or
keys). Stages are idempotent: re-running a run overwrites that run's files and rows. The DAG
file parses the manifests once and hands each task its :class:`Job`; :func:`run_dataset` does
the same without a scheduler.

A stage's catalog bookkeeping (its run status, audit entries, tier, reads) is grouped into
blocks that share one catalog connection (:func:`catalog.session`): opening the catalog file and
checkpointing it on close cost more than a tiny dataset's data work. A block never spans data
work, so the portal's readers wait no longer than for the bookkeeping itself.

The lake's paths come from :class:`warehouse.lake.RunPaths`: local files, or (distributed profile)
objects in the S3 store; every read and write goes through :mod:`warehouse.storage`.

    extract -> validate -> classify -> protect -> publish
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog import audit, later, session
from catalog.grants import active_grants, shares_for
from catalog.publish import publish_locks, publishing, record_run, register_department, set_tier, version_state
from catalog.queries import latest_published, latest_version
from catalog.reviews import latest_reviews, record_classification, resolve
from catalog.webhooks import hooks_for, notify_new_version
from core import PubdataError, QualityGateError
from core.clock import utcnow
from orchestration import progress, stopping
from privacy import protection
from privacy.policy import current_policy
from privacy.protection import KeyStore, column_fates, decide, gate, leak_gate
from privacy.types import ColumnClassification
from privacy.verify import build_index, keyset_id
from quality import validate_dataset
from quality.validate import FRESHNESS_HOURS
from warehouse import storage
from warehouse.extract import extract_to_raw, rel
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset, Department, Share, load_department_by_id

__all__ = ["STAGES", "Job", "batch_reads", "classify", "extract", "protect", "publish", "run_dataset", "validate"]

STAGES = ("extract", "validate", "classify", "protect", "publish")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """One dataset's run: what every stage is given."""

    department: Department
    dataset: Dataset
    run_id: str

    @functools.cached_property
    def paths(self) -> RunPaths:
        return RunPaths.for_run(self.department.id, self.dataset.id, self.run_id)

    @property
    def label(self) -> str:
        return f"{self.department.id}.{self.dataset.id}"


def _record(job: Job, status: str, stage: str, message: str = "", **fields: Any) -> None:
    """The run's status in the catalog; a ``running`` step may wait for the batch's next catalog
    write (:func:`catalog.deferred_writes`), an outcome (published, withheld, failed, blocked) is
    written at once. Progress subscribers hear of it now either way."""
    write = later if status == "running" else _now
    write(record_run, job.paths, job.run_id, status=status, stage=stage, message=message, **fields)
    progress.emit(job.department.id, job.dataset.id, stage, status, message)


def _now(fn: Callable[..., Any], *args: Any, **kw: Any) -> None:
    fn(*args, **kw)


@contextlib.contextmanager
def _bookkeeping(job: Job, stage: str | None = None) -> Iterator[None]:
    """Consecutive catalog operations of a stage on one catalog connection (never data work
    inside); with ``stage``: the stage's start is recorded first."""
    with session():
        if stage:
            _record(job, "running", stage)
        yield


#: the catalog reads a stage needs for a dataset (reader(department id, dataset id)), made for a
#: batch's datasets at once (:func:`batch_reads`)
_READERS: dict[str, Callable[[str, str], Any]] = {
    "previous": latest_published,
    "reviews": latest_reviews,
    "shares": shares_for,
    "grants": active_grants,
}
_STAGE_READS = {
    "validate": ("previous",),
    "classify": ("reviews",),
    "protect": ("shares",),
    "publish": ("previous", "grants"),
}


class _Reads(threading.local):
    values: dict[tuple[str, str, str], Any] | None = None


_READS = _Reads()


@contextlib.contextmanager
def batch_reads(stage: str, jobs: list[Job]) -> Iterator[None]:
    """The catalog reads ``stage`` needs for each of ``jobs``, made on one catalog connection
    before the batch's stage runs (one opening of the catalog instead of one per dataset; a tiny
    dataset's stage took less time than opening and checkpointing the file). Each is used once by
    its dataset's stage; one that failed here is read again by the stage (which records its error).
    What these read changes only between runs (an officer's review or a grant takes effect on the
    next run; a dataset's last publication, by its own publish stage), so reading it a few seconds
    earlier gives each dataset the values it would have read. Publish also reads each dataset's
    version numbers (:func:`catalog.publish.version_state`): under the datasets' publish locks, taken
    here for the batch (:func:`catalog.publish.publish_locks`; each released when its dataset's
    publication ends), so no other publisher of a dataset commits between this read and its commit."""
    kinds = _STAGE_READS.get(stage, ())
    values: dict[tuple[str, str, str], Any] = {}
    batched = bool(kinds) and len(jobs) > 1
    with contextlib.ExitStack() as held:
        locked: set[tuple[str, str]] = set()
        if batched and stage == "publish":
            # publish: the datasets' publish locks first, so the batch's version numbers are read
            # together under the locks, as each publication reads its own; in the distributed
            # profile none are held and each publication reads under its own lock, as before
            held_paths = held.enter_context(publish_locks([j.paths for j in jobs]))
            locked = {(p.department, p.dataset) for p in held_paths}
            batched = bool(locked)
        if batched:
            try:
                with session():
                    for job in jobs:
                        mine = (job.department.id, job.dataset.id)
                        for kind in (*kinds, "versions") if mine in locked else kinds:
                            key = (kind, *mine)
                            try:
                                if kind == "versions":
                                    values[key] = version_state(*mine, job.run_id)
                                else:
                                    values[key] = _READERS[kind](*mine)
                            except Exception as exc:  # read again (and its error recorded) by the dataset's stage
                                log.warning("%s: the batch's %s read failed (%s)", job.label, kind, type(exc).__name__)
            except Exception as exc:  # closing the catalog failed: what was read stays valid
                log.warning("%s: the batch's reads ended with %s", stage, type(exc).__name__)
        _READS.values = values
        try:
            yield
        finally:
            _READS.values = None


def _read(kind: str, job: Job) -> Any:
    """A catalog read of :data:`_READERS` for ``job``: what :func:`batch_reads` read, else now."""
    key = (kind, job.department.id, job.dataset.id)
    if _READS.values is not None and key in _READS.values:
        return _READS.values.pop(key)
    return _READERS[kind](job.department.id, job.dataset.id)


def _batch_versions(job: Job) -> tuple[tuple[int, str] | None, int] | None:
    """The version record :func:`batch_reads` read for ``job``'s publication under the publish lock
    this thread holds for it (:func:`catalog.publish.publish_locks`), else None (read it now)."""
    if _READS.values is None:
        return None
    state: tuple[tuple[int, str] | None, int] | None = _READS.values.pop(
        ("versions", job.department.id, job.dataset.id), None
    )
    return state


def _audit(action: str, job: Job, detail: dict[str, Any], *, now: bool = False) -> None:
    """Every publication decision goes to the hash-chained audit log (ids and decisions only); in
    a batch with the batch's next catalog write, unless ``now`` (what accompanies a publication)."""
    (_now if now else later)(audit.append, "pipeline", action, job.label, {"run_id": job.run_id, **detail})


def _with_fate(job: Job, hint: str) -> str:
    """``hint`` with what is true of the published data after this run stopped: the previous
    version stays live, or (first run) nothing was published."""
    version = latest_version(job.department.id, job.dataset.id)
    fate = (
        f"the previous version (v{version}) stays live"
        if version
        else "nothing was published (this dataset has no published version yet)"
    )
    if fate in hint:
        return hint
    return f"{fate}; {hint}" if hint else fate


def _stage(stage: str) -> Callable[[Callable[..., dict[str, Any]]], Callable[..., dict[str, Any]]]:
    """Record the failure of a stage in the catalog; errors keep their safe message. (Each stage
    records its start in its first :func:`_bookkeeping` block, with the reads it needs first.)"""

    def wrap(fn: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        @functools.wraps(fn)
        def inner(job: Job, *args: Any, **kw: Any) -> dict[str, Any]:
            stopping.reassert()  # a stopped `pubdata run` starts no stage (and keeps its SIGTERM handler)
            try:
                return fn(job, *args, **kw)
            except PubdataError as exc:
                status = "blocked" if exc.__class__.__name__ in ("QualityGateError", "PrivacyError") else "failed"
                with _bookkeeping(job):
                    exc.hint = _with_fate(job, exc.hint)
                    hint = f" — {exc.hint}" if exc.hint else ""
                    _record(job, status, stage, f"{exc.__class__.__name__}: {exc}{hint}")
                raise
            except Exception as exc:  # unexpected: record the type only (messages may hold values)
                _record(job, "failed", stage, f"internal error {exc.__class__.__name__} in {stage}")
                raise

        return inner

    return wrap


@_stage("extract")
def extract(job: Job) -> dict[str, Any]:
    """Land the source bytes and write all source columns to ``lake/raw`` as Parquet."""
    with _bookkeeping(job, "extract"):
        later(register_department, job.department, [job.dataset.id])
    out = extract_to_raw(job.dataset, job.paths)
    _record(job, "running", "extract", out.message, input_rows=out.input_rows)
    return out.summary


@_stage("validate")
def validate(job: Job, *, build_docs: bool = True) -> dict[str, Any]:
    """Run the dataset's Great Expectations suite; quarantine failing rows; gate critical failures."""
    ds, paths = job.dataset, job.paths
    redact = {c.name for c in ds.columns if c.privacy != "none"}
    with _bookkeeping(job, "validate"):
        previous, last_published = _read("previous", job)
    report = validate_dataset(
        paths.raw,
        ds,
        paths,
        redact_columns=redact,
        previous_columns=previous,
        last_published_at=last_published,
        build_docs=build_docs,
    )
    summary = report.to_summary()
    unparseable_file = paths.landing / "unparseable_rows.parquet"
    unparseable = storage.parquet_file(unparseable_file).metadata.num_rows if unparseable_file.exists() else 0
    summary["unparseable_rows"] = unparseable
    extra = f", {unparseable} unparseable (kept in the landing zone)" if unparseable else ""
    _record(
        job,
        "running",
        "validate",
        f"{report.valid_rows} valid, {report.quarantined_rows} quarantined{extra}, score {report.score:.1f}",
        input_rows=report.input_rows + unparseable,
        valid_rows=report.valid_rows,
        quarantined_rows=report.quarantined_rows,
        quality_score=report.score,
        summary_json=json.dumps(summary, ensure_ascii=False, default=str),
    )
    report.raise_for_gate()
    if report.valid_rows == 0 and report.input_rows > 0:
        paths.valid.unlink(missing_ok=True)
        rules = sorted({r["rule"] for r in report.rule_results if not r.get("success")})[:5]
        raise QualityGateError(
            f"dataset {job.label} run {paths.run}: all {report.input_rows} rows were "
            f"quarantined (failed rules: {', '.join(rules) or 'see the report'}); an empty version is not published",
            hint=f"fix the export; the rows and reasons are in {rel(paths.quarantine)}",
        )
    return {
        "valid": str(paths.valid),
        "score": report.score,
        "valid_rows": report.valid_rows,
        "quarantined_rows": report.quarantined_rows,
        "unparseable_rows": unparseable,
    }


@_stage("classify")
def classify(job: Job) -> dict[str, Any]:
    """Classify every column (detector + manifest declarations + officers' reviews)."""
    from privacy.classification import classify_table  # lazy: Presidio and jieba load with it
    from privacy.sampling import default_sample_size, parquet_sample

    ds, paths = job.dataset, job.paths
    _record(job, "running", "classify")
    # the classifier reads a bounded sample: taken batch by batch, never the whole table in memory
    sample = parquet_sample(paths.valid, default_sample_size(), max_chars=CLASSIFY_MAX_CHARS)
    detected = classify_table(
        sample, context={"dataset_title": ds.title, "about_people": ds.about_people, "theme": ds.theme}
    )
    with _bookkeeping(job):
        final = resolve(paths, job.run_id, ds, detected.columns, reviews=_read("reviews", job), record=False)
        later(record_classification, paths, job.run_id, detected.columns, final)
        held = [c.name for c in final if c.review]
        if held:
            _record(
                job, "running", "classify", f"{len(held)} column(s) held for an officer's review: {', '.join(held)}"
            )
    paths.classification.parent.mkdir(parents=True, exist_ok=True)
    paths.classification.write_text(
        json.dumps([c.to_dict() for c in final], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    counts = {lvl: sum(1 for c in final if c.level == lvl) for lvl in ("sensitive", "personal", "none")}
    return {
        "classification": str(paths.classification),
        **counts,
        "needs_review": sum(1 for c in final if c.needs_review),
        "held_for_review": held,
    }


#: the classifier sees at most this many characters of a value (a 10 MB cell took minutes);
#: the leak gate still scans every published value in full
CLASSIFY_MAX_CHARS = 8192


def _decision_path(paths: RunPaths) -> Path | storage.LakePath:
    return paths.decision


@_stage("protect")
def protect(job: Job) -> dict[str, Any]:
    """Apply the negative list and the privacy floor; build shared variants; run the leak gate."""
    dept, ds, paths = job.department, job.dataset, job.paths
    with _bookkeeping(job, "protect"):
        granted: list[dict[str, Any]] = _read("shares", job)
    cols = [ColumnClassification(**c) for c in json.loads(paths.classification.read_text(encoding="utf-8"))]
    decision = decide(dept, ds, cols, current_policy())  # parsed once while the file is unchanged
    report = None
    shares: list[Any] = []
    grants: list[str] = []
    if decision.open_tier != "withheld":
        # the sharing scope: the manifest's and the grants answering demands
        scoped, grants = _with_grants(job, {c.name for c in decision.columns}, granted)
        # the open variant and every shared variant, written from one scan of the valid rows; the
        # decision's column records are brought in line with what the open file holds
        report, shares = protection.protect(
            paths.valid, decision, paths.protected, dataset=scoped, paths=paths, keys=KeyStore()
        )
        assert report is not None
        _record_grants_answered(paths, granted, grants)
        gate(decision, report.risk)
    _decision_path(paths).write_text(json.dumps(decision.to_dict(), ensure_ascii=False, default=str), encoding="utf-8")
    fates = column_fates(decision, report) if report is not None else column_fates(decision)
    with _bookkeeping(job):
        later(set_tier, paths.department, paths.dataset, decision.open_tier, decision.rule_id, decision.basis)
        _audit(
            "decision.open_tier",
            job,
            {
                "open_tier": decision.open_tier,
                "rule": decision.rule_id,
                "columns": {c.name: c.action for c in decision.columns},
                **(
                    {"risk_met": report.risk["met"], "k_achieved": report.risk.get("k_achieved")}
                    if report and report.risk
                    else {}
                ),
            },
        )
        _record(job, "running", "protect", _fates_line(fates), summary_update={"columns": fates})
    if report is None:
        return {"open_tier": "withheld", "rule": decision.rule_id, "protected": None, "columns": fates}
    leak_gate(paths.protected, decision, dataset_label=job.label)
    return {
        "open_tier": decision.open_tier,
        "protected": str(paths.protected),
        **report.to_dict(),
        "shared": [s.to_dict() for s in shares],
        "grants": grants,
        "columns": fates,
    }


def _record_grants_answered(paths: RunPaths, granted: list[dict[str, Any]], used: list[str]) -> None:
    """Next to each shared file written for a grant, the ids of the grants it answers
    (``<file>.grants.json``): the portal serves a grant only a file that names it. A grant
    revoked and granted again (other fields, clear mode) between this stage's read of the grants
    and its write would otherwise get the old grant's file, newer than the new grant."""
    by_share: dict[tuple[str, str], list[str]] = {}
    for g in granted:
        if g["grant_id"] in used:
            by_share.setdefault((g["department"], g["purpose"]), []).append(g["grant_id"])
    for (recipient, purpose), ids in by_share.items():
        target = paths.shared(recipient, purpose)
        if target.exists():
            side = target.with_name(target.name + ".grants.json")
            side.write_text(json.dumps({"grants": sorted(ids)}), encoding="utf-8")


def _with_grants(job: Job, columns: set[str], grants: list[dict[str, Any]]) -> tuple[Dataset, list[str]]:
    """The dataset with its sharing scope = the manifest's ``sharing`` + the active ``share``
    grants in the catalog (a grant takes effect on the next run, without editing the manifest).
    ``grants``: those grants, as :func:`catalog.grants.shares_for` read them at the stage's start.
    A grant for the same recipient and purpose as a manifest entry widens it; grant fields the
    data no longer has are left out (they never fail the owner's run)."""
    merged = {(s.department, s.purpose): s for s in job.dataset.sharing}
    used = []
    for g in grants:
        granted = [c for c in g["columns"] if c in columns]
        clear = [c for c in g["clear"] if c in columns]
        if not granted:
            continue
        key = (g["department"], g["purpose"])
        cols: list[str] | None = granted
        if key in merged:
            old = merged[key]
            cols = None if old.columns is None else list(dict.fromkeys([*old.columns, *granted]))
            clear = list(dict.fromkeys([*old.clear, *clear]))
        merged[key] = Share(department=g["department"], purpose=g["purpose"], columns=cols, clear=clear)
        used.append(g["grant_id"])
    if not used:
        return job.dataset, []
    return job.dataset.model_copy(update={"sharing": list(merged.values())}), used


def _verification_indexes(job: Job, grants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The verification index of each set of key columns the dataset's active ``grants`` verify on
    (keyed hashes of this run's valid rows; :mod:`privacy.verify`)."""
    wanted: dict[tuple[str, ...], list[str]] = {}
    for g in grants:
        if "verify" in g["services"] and g["verify_keys"] and g["verify_fields"]:
            fields = wanted.setdefault(tuple(g["verify_keys"]), [])
            fields.extend(f for f in g["verify_fields"] if f not in fields)
    if not wanted:
        return []
    decision = json.loads(_decision_path(job.paths).read_text(encoding="utf-8"))
    entities = {c["name"]: c.get("entity") for c in decision["columns"]}
    key = KeyStore().service_key(f"verify/{job.label}")
    out = []
    for keys, fields in wanted.items():
        summary = build_index(
            job.paths.valid,
            job.paths.verification(keyset_id(list(keys))),
            key_columns=list(keys),
            fields=fields,
            entities=entities,
            key=key,
            label=job.label,
        )
        out.append(summary)
    _audit("verify.index", job, {"indexes": out})
    return out


def _fates_line(fates: dict[str, str]) -> str:
    """``12 columns: 8 published, 2 masked, 1 dropped, 1 held for review``."""
    from collections import Counter

    kinds = Counter(f.split(" (")[0].split(",")[0] for f in fates.values())
    return f"{len(fates)} columns: " + ", ".join(f"{k} {what}" for what, k in kinds.most_common())


@_stage("publish")
def publish(job: Job, protected: dict[str, Any], validated: dict[str, Any]) -> dict[str, Any]:
    """Publish the protected variant as the next immutable version (atomic). Two catalog blocks:
    the reads (under the dataset's publish lock), then the version's commit with its audit entry
    and run record; the file work runs between them, outside the catalog. In a batch the reads
    were made for all its datasets at once, under their publish locks (:func:`batch_reads`): the
    first block then opens no connection (its progress record waits for the next write)."""
    paths = job.paths
    if protected.get("open_tier") == "withheld":
        with _bookkeeping(job, "publish"):
            _record(job, "withheld", "publish", f"withheld by negative-list rule {protected.get('rule')}")
        return {"version": None, "open_tier": "withheld"}
    with publishing(paths, job.run_id) as pub:
        with _bookkeeping(job, "publish"):
            on_time = _on_time(job)
            grants = _read("grants", job)
            pub.read(_batch_versions(job))
        decision = json.loads(_decision_path(paths).read_text(encoding="utf-8"))
        # before the version: a failure leaves the previous version (and its index) in use
        indexes = _verification_indexes(job, grants)
        pub.stage(paths.protected)
        fates = protected.get("columns") or {}
        with _bookkeeping(job):
            result = pub.commit(
                columns=decision["columns"],
                quality_score=validated.get("score"),
                open_tier=decision["open_tier"],
                k_achieved=protected.get("k_achieved"),
                suppressed_rows=protected.get("suppressed_rows") or 0,
                risk=protected.get("risk"),
            )
            _audit(
                "publish.version",
                job,
                {
                    "version": result["version"],
                    "rows": result["rows"],
                    "sha256": result["sha256"],
                    "open_tier": decision["open_tier"],
                },
                now=True,
            )
            _record(
                job,
                "published",
                "publish",
                f"version {result['version']} ({result['rows']} rows)" + (f"; {_fates_line(fates)}" if fates else ""),
                version=result["version"],
                on_time=on_time,
            )
            hooks = [] if result["reused"] else hooks_for(paths.department, paths.dataset)
    if hooks:  # departments that registered a webhook for this dataset are told (outside the block: HTTP)
        notify_new_version(paths.department, paths.dataset, result["version"], hooks)
    return {
        **result,
        "quality_score": validated.get("score"),
        "open_tier": decision["open_tier"],
        "verification": indexes,
    }


def _on_time(job: Job) -> bool:
    """Published within the declared update frequency of the previous version (first: on time)."""
    _, last = _read("previous", job)
    hours = FRESHNESS_HOURS.get(job.dataset.update_frequency)
    if last is None or hours is None:
        return True
    now = utcnow()
    return (now - last).total_seconds() <= hours * 3600


def run_dataset(department_id: str, dataset_id: str, run_id: str, *, build_docs: bool = True) -> dict[str, Any]:
    """All five stages in order, in this process (no scheduler): for tests, benchmarks and the
    demo's history (``build_docs=False``: no Great Expectations Data Docs for the run)."""
    department = load_department_by_id(department_id)
    job = Job(department, department.dataset(dataset_id), run_id)
    extract(job)
    validated = validate(job, build_docs=build_docs)
    classify(job)
    protected = protect(job)
    return publish(job, protected, validated)
