"""Writing to the catalog: register departments and datasets, record runs, publish versions.

Publishing is atomic. The new Parquet file is written beside its final name, fsynced and
renamed into place; then one transaction inserts the version row and its disclosure record and
copies it into the ``open`` table. A reader sees the previous version or the new one. A crash
between the rename and the commit leaves a file no version row names: it is not a version,
and the next publish of the dataset overwrites it. Publishing the same run again reuses that
run's version number (idempotent task retries).

Publishes of one dataset are serialised by an exclusive lock on ``open/<dept>/<dataset>/.publish.lock``
(held from choosing the version number to the commit), so two processes never pick the same
number or overwrite each other's file; under that lock, temporary files left by a killed
publisher are removed.

In the distributed profile the versions are objects ``open/<dept>/<dataset>/v000001.parquet`` in
the S3 bucket (:mod:`warehouse.storage`): the temporary copy is a server-side copy to
``.tmp-<run>.parquet`` and the "rename" a server-side copy to the final key (an object appears
whole, never half-written), the lock is a PostgreSQL advisory lock per dataset
(:func:`catalog.ducklake.writer_lock`, released by PostgreSQL if the publisher dies), and the ``open``
view reads the version's ``s3://`` URI. ``versions.path`` is the lake key in both profiles.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from catalog.ducklake import lock_key, writer_lock
from catalog.risk import insert_risk
from catalog.store import connect, dumps, refresh_open_table
from core import home
from core.clock import utcnow
from core.locks import file_lock
from core.sql import scalar
from warehouse import rowindex, storage
from warehouse.lake import RunPaths
from warehouse.manifest import Department

log = logging.getLogger("pubdata.publish")

__all__ = [
    "Publication",
    "backdate_run",
    "has_versions",
    "mark_stopped",
    "publish_version",
    "publish_locks",
    "publishing",
    "record_run",
    "register_department",
    "version_state",
]


def register_department(dept: Department, datasets: list[str] | None = None) -> None:
    """Insert or refresh a department and its datasets' metadata (idempotent); ``datasets``: only
    those (a dataset's run registers itself: all of them each time cost a run O(datasets²))."""
    now = utcnow()
    with connect() as con:
        con.execute("BEGIN")
        con.execute("DELETE FROM departments WHERE id = ?", [dept.id])
        con.execute(
            "INSERT INTO departments VALUES (?, ?, ?, ?, ?, ?, ?)",
            [dept.id, dept.name, dept.description, dept.contact.name, dept.contact.email, dept.schedule, now],
        )
        for ds in dept.datasets:
            if ds.is_harvest or (datasets is not None and ds.id not in datasets):
                continue  # a harvest's remote datasets are registered by each harvest (catalog.harvest)
            old = con.execute(
                "SELECT registered_at, open_tier, tier_rule, tier_basis FROM datasets "
                "WHERE department_id = ? AND dataset_id = ?",
                [dept.id, ds.id],
            ).fetchone()
            con.execute("DELETE FROM datasets WHERE department_id = ? AND dataset_id = ?", [dept.id, ds.id])
            con.execute(
                "INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    dept.id,
                    ds.id,
                    ds.title,
                    ds.description,
                    ds.theme,
                    ds.keywords,
                    ds.update_frequency,
                    ds.license,
                    ds.primary_key,
                    old[1] if old else None,
                    old[2] if old else None,
                    old[3] if old else None,
                    # the dataset's manifest, its area defaulting to the department's
                    ds.model_copy(update={"spatial": ds.spatial or dept.spatial}).model_dump_json(),
                    old[0] if old else now,
                    now,
                ],
            )
        con.execute("COMMIT")


def record_run(paths: RunPaths, run_id: str, *, status: str, stage: str, message: str = "", **fields: Any) -> None:
    """Upsert the run row of one dataset run (status: running | failed | published | blocked).
    ``summary_update``: keys merged into the run's ``summary_json`` (a later stage adds to the
    summary an earlier stage wrote)."""
    allowed = {"input_rows", "valid_rows", "quarantined_rows", "quality_score", "version", "on_time", "summary_json"}
    summary_update = fields.pop("summary_update", None)
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown run fields {sorted(unknown)}")
    now = utcnow()
    with connect() as con:
        con.execute("BEGIN")
        row = con.execute(
            "SELECT * FROM runs WHERE run_id = ? AND department_id = ? AND dataset_id = ?",
            [run_id, paths.department, paths.dataset],
        ).fetchone()
        names = [d[0] for d in con.description]
        current: dict[str, Any] = dict(zip(names, row)) if row else {"started_at": now}
        current.update(fields)
        if summary_update:
            merged = json.loads(current.get("summary_json") or "{}")
            merged.update(summary_update)
            current["summary_json"] = json.dumps(merged, ensure_ascii=False, default=str)
        current.update(
            run_id=run_id,
            department_id=paths.department,
            dataset_id=paths.dataset,
            status=status,
            stage=stage,
            message=message[:2000],
            finished_at=now if status != "running" else None,
        )
        con.execute(
            "DELETE FROM runs WHERE run_id = ? AND department_id = ? AND dataset_id = ?",
            [run_id, paths.department, paths.dataset],
        )
        cols = [
            "run_id",
            "department_id",
            "dataset_id",
            "status",
            "stage",
            "message",
            "input_rows",
            "valid_rows",
            "quarantined_rows",
            "quality_score",
            "version",
            "on_time",
            "started_at",
            "finished_at",
            "summary_json",
        ]
        con.execute(
            f"INSERT INTO runs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [current.get(c) for c in cols],
        )
        con.execute("COMMIT")


def mark_stopped(run_id: str, department: str, why: str) -> int:
    """After a run was stopped: its dataset runs still ``running`` become ``failed`` ("<why> during
    <stage>"). Returns how many."""
    with connect() as con:
        n = scalar(
            con,
            "SELECT count(*) FROM runs WHERE run_id = ? AND department_id = ? AND status = 'running'",
            [run_id, department],
        )
        con.execute(
            "UPDATE runs SET status = 'failed', message = ? || ' during ' || stage, finished_at = ? "
            "WHERE run_id = ? AND department_id = ? AND status = 'running'",
            [why, utcnow(), run_id, department],
        )
    return int(n)


def _sha256(path: Path | storage.LakePath) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _copy_hashed(source: Path, target: Path) -> str:
    """Copy a local file, fsynced, and return the SHA-256 of the bytes written (one read of the
    source, where a copy then a hash of the copy read the bytes twice)."""
    h = hashlib.sha256()
    with open(source, "rb") as fin, open(target, "wb") as fout:
        while chunk := fin.read(1 << 20):
            h.update(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_version(
    paths: RunPaths,
    run_id: str,
    source: Path | storage.LakePath,
    *,
    columns: list[dict[str, Any]],
    open_tier: str,
    quality_score: float | None = None,
    k_achieved: int | None = None,
    suppressed_rows: int = 0,
    risk: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Publish ``source`` (the protected open variant) as the dataset's next version.

    ``columns`` is the disclosure record: one dict per source column with name, level, entity,
    action, method, reason, rule_id (withheld columns included, with ``action`` = drop).
    ``open_tier`` is the tier this version is published under, kept with the version
    (``versions.open_tier``): it, not the dataset's later tier, decides who may read this version.
    ``risk``: the release's risk report (:mod:`catalog.risk`), stored with the version.
    Returns ``{"version", "path", "rows", "sha256", "reused"}``. The same steps one by one (the
    pipeline joins the catalog reads and the commit to its own bookkeeping): :func:`publishing`.
    """
    _check_tier(open_tier)
    with publishing(paths, run_id) as pub:
        pub.read()
        pub.stage(source)
        return pub.commit(
            columns=columns,
            quality_score=quality_score,
            open_tier=open_tier,
            k_achieved=k_achieved,
            suppressed_rows=suppressed_rows,
            risk=risk,
        )


def _check_tier(open_tier: str) -> None:
    if open_tier not in ("open", "conditional", "withheld"):
        raise ValueError(f"open_tier must be open, conditional or withheld, not {open_tier!r}")


@contextlib.contextmanager
def publishing(paths: RunPaths, run_id: str) -> Iterator[Publication]:
    """The dataset's publish lock (held from choosing the version number to the commit) and a
    :class:`Publication` to take the steps under it: ``read()`` (catalog), ``stage(source)`` (file
    work, no catalog), ``commit(...)`` (one catalog transaction). ``read`` and ``commit`` open no
    connection of their own inside a :func:`catalog.session`: a caller joins them to its
    bookkeeping (a tiny dataset's publication then opens the catalog twice, not four times)."""
    target_dir = paths.open_dir
    target_dir.mkdir(parents=True, exist_ok=True)
    with _publish_lock(paths, target_dir):
        for stale in target_dir.glob(".tmp-*.parquet"):  # from a publisher killed mid-copy
            stale.unlink(missing_ok=True)
        yield Publication(paths, run_id, target_dir)


def version_state(department: str, dataset: str, run_id: str) -> tuple[tuple[int, str] | None, int]:
    """``(prior, latest)``: this run's latest version of the dataset and its SHA-256 (a retry reuses
    it), None if none; and the dataset's latest version number (0 before the first). Read under the
    dataset's publish lock (:func:`publishing`, :func:`publish_locks`): the next version is
    ``latest + 1``, and no other publisher of the dataset may commit in between."""
    with connect() as con:
        prior = con.execute(
            "SELECT version, sha256 FROM versions WHERE department_id = ? AND dataset_id = ? "
            "AND run_id = ? ORDER BY version DESC LIMIT 1",
            [department, dataset, run_id],
        ).fetchone()
        latest = scalar(
            con,
            "SELECT coalesce(max(version), 0) FROM versions WHERE department_id = ? AND dataset_id = ?",
            [department, dataset],
        )
    return ((prior[0], prior[1]) if prior else None), int(latest)


class _Held(threading.local):
    """Publish locks this thread holds for a batch (:func:`publish_locks`): lock file -> its release."""

    locks: dict[Path, contextlib.ExitStack] | None = None


_HELD = _Held()


@contextlib.contextmanager
def publish_locks(items: list[RunPaths]) -> Iterator[list[RunPaths]]:
    """Hold the publish locks of several datasets at once, so a batch reads their version numbers
    in one catalog connection (:func:`version_state`) instead of one per dataset, under the locks
    as :func:`publishing` reads one. Yields the datasets whose locks are held (local profile: all;
    distributed profile: none, each publication takes its own advisory lock). Taken in one order
    (by lock file), so two batches never wait on each other in a cycle. A dataset's
    :func:`publishing` block in this thread uses the held lock and releases it when it ends (its
    version committed, or failed), so another publisher of the dataset waits no longer than for
    this one's publication; the rest are released when the block ends."""
    if _HELD.locks is not None:
        raise RuntimeError("publish_locks blocks do not nest")
    if not items or isinstance(items[0].open_dir, storage.LakePath):
        yield []
        return
    by_lock = {p.open_dir / ".publish.lock": p for p in items if isinstance(p.open_dir, Path)}
    _HELD.locks = {}
    try:
        for lock in sorted(by_lock):
            stack = contextlib.ExitStack()
            stack.enter_context(file_lock(lock))
            _HELD.locks[lock] = stack
        yield [by_lock[lock] for lock in sorted(by_lock)]
    finally:
        held, _HELD.locks = _HELD.locks, None
        for stack in held.values():
            stack.close()


class Publication:
    """One version being published, under :func:`publishing`'s lock."""

    def __init__(self, paths: RunPaths, run_id: str, target_dir: Path | storage.LakePath) -> None:
        self.paths, self.run_id, self.target_dir = paths, run_id, target_dir
        self._prior: tuple[int, str] | None = None
        self._latest: int | None = None
        self._staged: tuple[int, Path | storage.LakePath, str, Any, Any, bool] | None = None

    def read(self, state: tuple[tuple[int, str] | None, int] | None = None) -> None:
        """The catalog's record of this dataset's versions (this run's, if a retry; the latest);
        ``state``: that record as :func:`version_state` read it under this publication's lock (a
        batch's publications read theirs together under :func:`publish_locks`)."""
        self._prior, self._latest = (
            state if state is not None else version_state(self.paths.department, self.paths.dataset, self.run_id)
        )

    def stage(self, source: Path | storage.LakePath) -> None:
        """Copy ``source`` beside its final name, fsync it, choose its version and rename it into
        place, build its row index: the file work, before the version exists in the catalog."""
        if self._latest is None:
            raise RuntimeError("Publication.read() comes before stage()")
        paths, target_dir, prior = self.paths, self.target_dir, self._prior
        tmp = target_dir / f".tmp-{paths.run}.parquet"
        if isinstance(tmp, Path) and isinstance(source, Path):  # one pass: copied and hashed
            digest = _copy_hashed(source, tmp)
        else:
            storage.copy_file(source, tmp)
            digest = _sha256(tmp)
        with storage.parquet_file(tmp) as pf:
            meta, schema = pf.metadata, pf.schema_arrow
        # a retry of the same run with the same bytes reuses its version; different bytes make a new
        # version (a published file is never rewritten in place)
        reuse = prior is not None and prior[1] == digest
        version = prior[0] if reuse and prior else self._latest + 1
        final = target_dir / f"v{version:06d}.parquet"
        if reuse and final.is_file() and _sha256(final) == digest:
            tmp.unlink()
        elif isinstance(tmp, Path):
            assert isinstance(final, Path)  # both in target_dir
            tmp.replace(final)  # over an orphan of a crashed publish, never over a committed version
        else:
            tmp.replace(final)
        if isinstance(target_dir, Path):
            _fsync_dir(target_dir)
        if isinstance(final, Path):
            _build_row_index(final, digest)
        self._staged = (version, final, digest, meta, schema, reuse)

    def commit(
        self,
        *,
        columns: list[dict[str, Any]],
        open_tier: str,
        quality_score: float | None = None,
        k_achieved: int | None = None,
        suppressed_rows: int = 0,
        risk: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One transaction: the version row, its disclosure record and risk report, the ``open``
        table and the dataset's tier (see :func:`publish_version` for the arguments)."""
        _check_tier(open_tier)
        if self._staged is None:
            raise RuntimeError("Publication.stage() comes before commit()")
        paths, run_id = self.paths, self.run_id
        version, final, digest, meta, schema, reuse = self._staged
        rel = final.relative_to(home()).as_posix()
        schema_json = dumps([{"name": f.name, "type": str(f.type)} for f in schema])
        published_names = {f.name for f in schema}
        types = {f.name: str(f.type) for f in schema}
        with connect() as con:
            con.execute("BEGIN")
            con.execute(
                "DELETE FROM versions WHERE department_id = ? AND dataset_id = ? AND version = ?",
                [paths.department, paths.dataset, version],
            )
            con.execute(
                "DELETE FROM columns WHERE department_id = ? AND dataset_id = ? AND version = ?",
                [paths.department, paths.dataset, version],
            )
            con.execute(
                "DELETE FROM release_risk WHERE department_id = ? AND dataset_id = ? AND version = ?",
                [paths.department, paths.dataset, version],
            )
            if risk is not None:
                insert_risk(con, paths.department, paths.dataset, version, risk)
            con.execute(
                "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    paths.department,
                    paths.dataset,
                    version,
                    run_id,
                    rel,
                    meta.num_rows,
                    final.stat().st_size,
                    digest,
                    schema_json,
                    utcnow(),
                    quality_score,
                    k_achieved,
                    suppressed_rows,
                    open_tier,
                ],
            )
            if columns:  # one statement for the disclosure record (a statement per column cost ~3 ms each)
                con.execute(
                    "INSERT INTO columns VALUES "
                    + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(columns)),
                    [
                        value
                        for pos, col in enumerate(columns)
                        for value in (
                            paths.department,
                            paths.dataset,
                            version,
                            pos,
                            col["name"],
                            types.get(col["name"], col.get("type")),
                            col.get("level"),
                            col.get("entity"),
                            col.get("action"),
                            col.get("method"),
                            col.get("reason"),
                            col.get("rule_id"),
                            col["name"] in published_names,
                        )
                    ],
                )
            refresh_open_table(con, paths.department, paths.dataset, final)
            con.execute(
                "UPDATE datasets SET open_tier = ?, updated_at = ? WHERE department_id = ? AND dataset_id = ?",
                [open_tier, utcnow(), paths.department, paths.dataset],
            )
            con.execute("COMMIT")
        return {"version": version, "path": rel, "rows": meta.num_rows, "sha256": digest, "reused": reuse}


def _publish_lock(paths: RunPaths, target_dir: Path | storage.LakePath) -> contextlib.AbstractContextManager[Any]:
    if isinstance(target_dir, storage.LakePath):  # distributed profile: no shared file system
        return writer_lock(lock_key("publish", paths.department, paths.dataset))
    lock = target_dir / ".publish.lock"
    if _HELD.locks and lock in _HELD.locks:  # held by this thread's batch (publish_locks)
        return _HELD.locks.pop(lock)  # released when this publication ends
    return file_lock(lock)


def _build_row_index(final: Path, digest: str) -> None:
    """The version's row index (``datastore_search`` filters without a scan), before the version is
    recorded, so the portal finds it with the version. Without one the portal scans the file: a
    failure here is logged, never a failed publication."""
    if rowindex.open_index(final, digest) is not None:  # a retry of the same bytes: already built
        return
    try:
        rowindex.build(final, digest)
    except Exception:
        log.warning("row index of %s not built; datastore_search will scan the file", final.name, exc_info=True)


def set_tier(department: str, dataset: str, tier: str, rule: str | None, basis: str | None) -> None:
    """Record a dataset's open tier (also for datasets withheld before any version exists)."""
    with connect() as con:
        con.execute(
            "UPDATE datasets SET open_tier = ?, tier_rule = ?, tier_basis = ?, updated_at = ? "
            "WHERE department_id = ? AND dataset_id = ?",
            [tier, rule, basis, utcnow(), department, dataset],
        )


def has_versions() -> bool:
    """Whether anything was ever published (an empty catalog has no history yet)."""
    with connect(read_only=True) as con:
        return bool(scalar(con, "SELECT count(*) FROM versions"))


def backdate_run(run_id: str, when: Any, on_time: dict[tuple[str, str], bool] | None = None) -> None:
    """Move one run to the past: its run rows start at ``when`` (and finish five minutes later),
    the versions it published carry that time, its datasets count as registered by then, and
    ``on_time`` (per ``(department, dataset)``) replaces the punctuality measured at the real time.
    For the demo's history (:mod:`orchestration.demo_history`); the audit log is not rewritten."""
    import datetime as dt

    done = when + dt.timedelta(minutes=5)
    with connect() as con:
        con.execute("BEGIN")
        con.execute("UPDATE runs SET started_at = ?, finished_at = ? WHERE run_id = ?", [when, done, run_id])
        con.execute("UPDATE versions SET published_at = ? WHERE run_id = ?", [done, run_id])
        con.execute(
            "UPDATE datasets SET registered_at = ? WHERE registered_at > ? AND (department_id, dataset_id) IN "
            "(SELECT department_id, dataset_id FROM runs WHERE run_id = ?)",
            [when, when, run_id],
        )
        for (department, dataset), value in (on_time or {}).items():
            con.execute(
                "UPDATE runs SET on_time = ? WHERE run_id = ? AND department_id = ? AND dataset_id = ? "
                "AND status = 'published'",
                [value, run_id, department, dataset],
            )
        con.execute("COMMIT")
