"""Small datasets of a department run as one batch (one Airflow task per stage for all of them):
each dataset still fails on its own, keeps its last good publication and is reported, rejected
rows keep their reasons, and Airflow shows the batch failed when one of its datasets did."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from warehouse.manifest import Department

REPO = Path(__file__).resolve().parents[2]
STAGES = ("extract", "validate", "classify", "protect", "publish")


def _department(root: Path, ids: list[str], big: str | None = None) -> tuple[Path, Path]:
    depts, src = root / "departments", root / "sources"
    (src / "batchy").mkdir(parents=True)
    depts.mkdir()
    lines = ["id: batchy", "name: 批处理测试局", "contact: {name: 测试处}", "schedule: none", "datasets:"]
    for ds in ids:
        rows = 2000 if ds == big else 30
        body = "code,count\n" + "".join(f"C{ds}{i:04d},{i}\n" for i in range(rows))
        (src / "batchy" / f"{ds}.csv").write_text(body, encoding="utf-8")
        lines += [
            f"  - id: {ds}",
            f"    title: 测试数据{ds}",
            "    update_frequency: irregular",
            f"    source: {{type: file, path: batchy/{ds}.csv}}",
            "    primary_key: [code]",
            "    columns:",
            "      - {name: code, required: true}",
            "      - {name: count, type: integer, minimum: 0}",
        ]
    (depts / "batchy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return depts, src


def _use(monkeypatch: pytest.MonkeyPatch, root: Path, depts: Path, src: Path) -> None:
    monkeypatch.setenv("PUBDATA_HOME", str(root / "home"))
    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(depts))
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(src))


def test_small_file_datasets_are_batched_large_and_few_keep_their_own_tasks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.batches import plan
    from warehouse.manifest import load_department

    depts, src = _department(tmp_path, ["a", "b", "c", "d", "e"], big="e")
    _use(monkeypatch, tmp_path, depts, src)
    monkeypatch.setenv("PUBDATA_BATCH_MAX_BYTES", "10000")  # e (~20 KB) is not small
    monkeypatch.setenv("PUBDATA_BATCH_SIZE", "3")
    dept = load_department(depts / "batchy.yaml")
    batches, own = plan(dept)
    assert [[d.id for d in b] for b in batches] == [["a", "b", "c"], ["d"]]
    assert [d.id for d in own] == ["e"]
    monkeypatch.setenv("PUBDATA_BATCH_MIN", "5")  # only 4 small ones: none batched
    assert plan(dept) == ([], list(dept.datasets))
    monkeypatch.setenv("PUBDATA_BATCH_MIN", "3")
    monkeypatch.setenv("PUBDATA_BATCH_SIZE", "1")  # batching off
    assert plan(dept) == ([], list(dept.datasets))
    (src / "batchy" / "a.csv").unlink()  # a missing file runs (and fails) in its own tasks
    monkeypatch.setenv("PUBDATA_BATCH_SIZE", "25")
    assert [[d.id for d in b] for b in plan(dept)[0]] == [["b", "c", "d"]]


@pytest.mark.airflow
def test_the_dag_has_one_task_per_stage_for_a_batch_and_an_outcome_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk import AssetAlias, BaseOperator

    depts, src = _department(tmp_path, ["a", "b", "c", "e"], big="e")
    _use(monkeypatch, tmp_path, depts, src)
    monkeypatch.setenv("PUBDATA_BATCH_MAX_BYTES", "10000")
    bag = DagBag(dag_folder=str(REPO / "dags"), safe_mode=False)
    assert bag.import_errors == {}
    dag = bag.dags["dept_batchy"]
    assert set(dag.task_dict) == {f"batch-1.{s}" for s in (*STAGES, "outcome")} | {f"e.{s}" for s in STAGES}
    assert dag.task_dict["batch-1.publish"].upstream_task_ids == {"batch-1.protect", "batch-1.validate"}
    assert dag.task_dict["batch-1.outcome"].upstream_task_ids == {"batch-1.publish"}
    assert dag.task_dict["batch-1.outcome"].trigger_rule == "all_done"
    stage_tasks = [dag.task_dict[f"batch-1.{s}"] for s in STAGES]
    assert all(isinstance(t, BaseOperator) and t.multiple_outputs is False for t in stage_tasks)  # one XCom each
    assert [type(o) for o in dag.task_dict["batch-1.publish"].outlets] == [AssetAlias]
    assert "a, b, c" in dag.task_group_dict["batch-1"].tooltip


def _airflow(dag_id: str, run_id: str) -> tuple[dict[str, str], dict[str, int]]:
    """Task states and, per asset, the events of one DAG run (from Airflow's metadata DB)."""
    db = os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].removeprefix("sqlite:///")
    with sqlite3.connect(db) as con:
        states = dict(
            con.execute("SELECT task_id, state FROM task_instance WHERE dag_id = ? AND run_id = ?", [dag_id, run_id])
        )
        events = dict(
            con.execute(
                "SELECT a.name, count(*) FROM asset_event e JOIN asset a ON a.id = e.asset_id "
                "WHERE e.source_dag_id = ? AND e.source_run_id = ? GROUP BY a.name",
                [dag_id, run_id],
            )
        )
    return states, events


def test_a_failing_dataset_of_a_batch_stops_only_itself_keeps_its_version_and_fails_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, airflow_db
) -> None:
    from catalog.queries import latest_version
    from orchestration.runner import run_departments

    depts, src = _department(tmp_path, ["a", "b", "c"])
    _use(monkeypatch, tmp_path, depts, src)
    first = run_departments(["batchy"], progress=False, serve_sources=False)
    assert [(o.dataset, o.status, o.version) for o in first] == [
        ("a", "published", 1),
        ("b", "published", 1),
        ("c", "published", 1),
    ]

    (src / "batchy" / "a.csv").write_text("code,count\n", encoding="utf-8")  # header, no rows
    with open(src / "batchy" / "b.csv", "a", encoding="utf-8") as fh:
        fh.write("Cbad,-5\n")  # one row breaks `count >= 0`
    second = {o.dataset: o for o in run_departments(["batchy"], progress=False, serve_sources=False)}
    assert second["a"].status == "failed" and second["a"].stage == "extract"
    assert "header but no rows" in second["a"].message and "the previous version (v1) stays live" in second["a"].message
    assert latest_version("batchy", "a") == 1
    assert (second["b"].status, second["b"].version) == ("published", 2)
    assert (second["c"].status, second["c"].version) == ("published", 2)

    # the rejected row of b is kept with its reasons (the quarantine of this run)
    import pyarrow.parquet as pq

    quarantine = sorted((tmp_path / "home" / "lake" / "quarantine" / "batchy" / "b").glob("*.parquet"))[-1]
    rejected = pq.read_table(quarantine).to_pylist()
    assert len(rejected) == 1 and rejected[0]["code"] == "Cbad" and rejected[0]["_rejected_rules"], rejected

    db = os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].removeprefix("sqlite:///")
    with sqlite3.connect(db) as con:
        (run_id,) = con.execute(
            "SELECT run_id FROM dag_run WHERE dag_id = 'dept_batchy' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    states, events = _airflow("dept_batchy", run_id)
    assert states == {**{f"batch-1.{s}": "success" for s in STAGES}, "batch-1.outcome": "failed"}
    assert events == {"pubdata.batchy.b": 1, "pubdata.batchy.c": 1}  # none for a: nothing new published


#: the upstream summaries each stage of a batch is handed (as dags/departments.py wires them)
UPSTREAM = {
    "extract": (),
    "validate": ("extract",),
    "classify": ("validate",),
    "protect": ("classify",),
    "publish": ("protect", "validate"),
}


def _stage_in_process(monkeypatch: pytest.MonkeyPatch, dept: Department, ids: list[str], run_id: str) -> dict[str, int]:
    """The five stages of one batch in this process (what the batch's tasks run), counting the
    times each stage attached the catalog file (an opening: the file is loaded, then checkpointed
    when the last user closes it)."""
    from catalog import store
    from orchestration.batches import run_stage

    opened = {"n": 0}
    real = store._attach

    def counting(path: Path, *, read_only: bool) -> Any:
        if path not in store._HOST.attached:
            opened["n"] += 1
        return real(path, read_only=read_only)

    monkeypatch.setattr(store, "_attach", counting)
    counts: dict[str, int] = {}
    s: dict[str, dict[str, dict[str, Any]]] = {}
    for st in STAGES:
        opened["n"] = 0
        s[st] = run_stage(st, dept, ids, run_id, *[s[u] for u in UPSTREAM[st]])
        counts[st] = opened["n"]
        assert sorted(s[st]) == sorted(ids), (st, s[st])
    monkeypatch.setattr(store, "_attach", real)
    return counts


def test_a_batch_opens_the_catalog_once_per_stage_for_its_progress_and_once_per_publication(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog import audit
    from catalog.queries import latest_version, run_rows
    from catalog.reviews import add_review, latest_classification
    from warehouse.manifest import load_department

    ids = ["a", "b", "c", "d"]
    depts, src = _department(tmp_path, ids)
    _use(monkeypatch, tmp_path, depts, src)
    dept = load_department(depts / "batchy.yaml")
    _stage_in_process(monkeypatch, dept, ids, "warm")  # creates the catalog and its schema
    # an officer's review of one dataset's column, made between the runs: the batch's reads see it
    add_review("batchy", "c", "count", level="personal", entity=None, reviewer="officer", reason="counts people")
    counts = _stage_in_process(monkeypatch, dept, ids, "r2")
    # extract: every dataset's progress record and registration in one opening for the batch
    assert counts["extract"] == 1, counts
    # validate, classify, protect: the reads every dataset needs (previous version, reviews, sharing
    # grants) in one opening for the batch, then one for the batch's queued records (the
    # classifications among them)
    for stage in ("validate", "classify", "protect"):
        assert counts[stage] == 2, counts
    reviewed = {c["column"]: (c["level"], c["source"]) for c in latest_classification("batchy", "c")}
    assert reviewed["count"] == ("personal", "override"), reviewed
    assert {c["column"] for c in latest_classification("batchy", "a")} == {"code", "count"}
    # publish: the batch's reads (version numbers under the publish locks, grants, previous
    # versions) in one opening, then each dataset's commit with its audit entry and outcome
    assert counts["publish"] == 1 + len(ids), counts
    rows = run_rows("r2", "batchy")
    assert {ds: (r["status"], r["version"]) for ds, r in rows.items()} == {ds: ("published", 2) for ds in ids}
    assert all(latest_version("batchy", ds) == 2 for ds in ids)
    # the queued decisions reached the audit log, in order, before each publication
    newest_first = audit.entries(limit=1000)
    actions = [(e["subject"], e["action"]) for e in reversed(newest_first) if e["detail"].get("run_id") == "r2"]
    for ds in ids:
        mine = [a for s, a in actions if s == f"batchy.{ds}"]
        assert mine == ["decision.open_tier", "publish.version"], mine
    assert audit.verify() == (True, None), "the hash chain holds across the queued appends"


def test_queued_catalog_writes_keep_their_order_and_one_failing_does_not_lose_anothers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog import deferred_writes, later
    from catalog.publish import record_run
    from catalog.queries import run_rows
    from warehouse.lake import RunPaths

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))

    def paths(ds: str) -> RunPaths:
        return RunPaths.for_run("q", ds, "r1")

    def broken() -> None:
        raise RuntimeError("disk full")

    with deferred_writes() as pending:
        pending.key = "a"
        later(record_run, paths("a"), "r1", status="running", stage="extract")
        later(broken)
        later(record_run, paths("a"), "r1", status="running", stage="validate")  # skipped: a's record broke
        pending.key = "b"
        later(record_run, paths("b"), "r1", status="running", stage="extract")
        assert run_rows("r1", "q") == {}, "queued, not written yet"
        # a write that does not wait applies the queue first: b's outcome lands after its progress
        record_run(paths("b"), "r1", status="published", stage="publish")
        later(record_run, paths("c"), "r1", status="running", stage="extract")
    rows = run_rows("r1", "q")
    assert (rows["a"]["status"], rows["a"]["stage"]) == ("running", "extract")
    assert (rows["b"]["status"], rows["b"]["stage"]) == ("published", "publish")
    assert (rows["c"]["status"], rows["c"]["stage"]) == ("running", "extract"), "applied when the block ended"
    assert pending.failed == {"a"}


def test_a_batch_read_that_failed_is_read_again_by_its_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orchestration import pipeline
    from warehouse.manifest import load_department

    depts, src = _department(tmp_path, ["a", "b", "c"])
    _use(monkeypatch, tmp_path, depts, src)
    dept = load_department(depts / "batchy.yaml")
    calls: list[str] = []

    def grants(department: str, dataset: str) -> list[str]:
        calls.append(dataset)
        if dataset == "b" and calls.count("b") == 1:
            raise RuntimeError("catalog busy")
        return [f"{department}.{dataset}"]

    monkeypatch.setitem(pipeline._READERS, "shares", grants)
    jobs = [pipeline.Job(dept, dept.dataset(ds), "r1") for ds in ("a", "b", "c")]
    with pipeline.batch_reads("protect", jobs):
        assert calls == ["a", "b", "c"], "one read per dataset before the stage"
        assert [pipeline._read("shares", job) for job in jobs] == [["batchy.a"], ["batchy.b"], ["batchy.c"]]
        assert calls == ["a", "b", "c", "b"], "only the failed one is read again, by its dataset"
        assert pipeline._read("shares", jobs[0]) == ["batchy.a"]
        assert calls[-1] == "a", "a value read for the batch is used once"


def _through_protect(dept: Department, ids: list[str], run_id: str) -> dict[str, dict[str, dict[str, Any]]]:
    """Extract to protect of one batch in this process; the summaries publish is handed."""
    from orchestration.batches import run_stage

    s: dict[str, dict[str, dict[str, Any]]] = {}
    for st in STAGES[:-1]:
        s[st] = run_stage(st, dept, ids, run_id, *[s[u] for u in UPSTREAM[st]])
        assert sorted(s[st]) == sorted(ids), (st, s[st])
    return s


def _lock_is_free(open_dir: object) -> bool:
    """Whether the publish lock of a dataset's ``open`` folder is free (nobody holds it)."""
    import fcntl

    assert isinstance(open_dir, Path)
    fd = os.open(open_dir / ".publish.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_a_publication_failing_in_a_batch_leaves_the_others_published_with_their_version_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.queries import latest_version, run_rows
    from orchestration.batches import run_stage
    from orchestration.pipeline import Job
    from warehouse.manifest import load_department

    ids = ["a", "b", "c"]
    depts, src = _department(tmp_path, ids)
    _use(monkeypatch, tmp_path, depts, src)
    dept = load_department(depts / "batchy.yaml")
    s = _through_protect(dept, ids, "r1")
    # b's protected file is damaged between protect and publish: its publication fails after the copy
    Job(dept, dept.dataset("b"), "r1").paths.protected.write_bytes(b"not parquet")
    out = run_stage("publish", dept, ids, "r1", s["protect"], s["validate"])
    assert sorted(out) == ["a", "c"]
    assert {ds: out[ds]["version"] for ds in out} == {"a": 1, "c": 1}
    rows = run_rows("r1", "batchy")
    assert (rows["b"]["status"], rows["b"]["stage"]) == ("failed", "publish")
    assert "nothing was published" in rows["b"]["message"] or "internal error" in rows["b"]["message"]
    assert [latest_version("batchy", ds) for ds in ids] == [1, None, 1]
    # every publish lock the batch held is released, the failed dataset's too
    for ds in ids:
        assert _lock_is_free(Job(dept, dept.dataset(ds), "r1").paths.open_dir), ds

    s = _through_protect(dept, ids, "r2")
    out = run_stage("publish", dept, ids, "r2", s["protect"], s["validate"])
    assert {ds: out[ds]["version"] for ds in out} == {"a": 2, "b": 1, "c": 2}
    b_dir = Job(dept, dept.dataset("b"), "r2").paths.open_dir
    assert sorted(p.name for p in b_dir.glob("*.parquet")) == ["v000001.parquet"]  # the failed copy was removed
    # a retried publish task of the same run reuses its versions
    again = run_stage("publish", dept, ids, "r2", s["protect"], s["validate"])
    assert {ds: (again[ds]["version"], again[ds]["reused"]) for ds in again} == {
        "a": (2, True),
        "b": (1, True),
        "c": (2, True),
    }


def test_two_batches_publishing_the_same_datasets_at_once_get_distinct_version_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch reads its datasets' version numbers together (one catalog opening) under their
    publish locks: a second publisher of a dataset waits for the first one's commit, never reads
    the same latest version. The read waits (up to 3 s) for the other batch's read: without the
    locks both would read before either committed and choose the same number."""
    import threading

    from catalog import publish as catalog_publish
    from catalog.store import connect
    from orchestration import pipeline
    from orchestration.batches import run_stage
    from warehouse.manifest import load_department

    ids = ["a", "b"]
    depts, src = _department(tmp_path, ids)
    _use(monkeypatch, tmp_path, depts, src)
    dept = load_department(depts / "batchy.yaml")
    s1 = _through_protect(dept, ids, "r1")
    s2 = _through_protect(dept, ids, "r2")

    both_read = threading.Barrier(2)
    real = catalog_publish.version_state

    def read_then_meet(department: str, dataset: str, run_id: str) -> Any:
        state = real(department, dataset, run_id)
        if dataset == "a":
            try:
                both_read.wait(timeout=3)
            except threading.BrokenBarrierError:
                pass  # the other batch waits for the locks: it reads after this one's commits
        return state

    monkeypatch.setattr(pipeline, "version_state", read_then_meet)
    monkeypatch.setattr(catalog_publish, "version_state", read_then_meet)
    results: dict[str, dict[str, dict[str, Any]]] = {}
    errors: list[BaseException] = []

    def publish(run_id: str, order: list[str], s: dict[str, dict[str, dict[str, Any]]]) -> None:
        try:
            results[run_id] = run_stage("publish", dept, order, run_id, s["protect"], s["validate"])
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [
        threading.Thread(target=publish, args=("r1", ["a", "b"], s1)),
        threading.Thread(target=publish, args=("r2", ["b", "a"], s2)),  # the other order: no deadlock
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and not any(t.is_alive() for t in threads), errors
    for ds in ids:
        assert sorted([results["r1"][ds]["version"], results["r2"][ds]["version"]]) == [1, 2], results
    with connect(read_only=True) as con:
        rows = con.execute(
            "SELECT dataset_id, version, run_id, sha256, path FROM versions ORDER BY dataset_id, version"
        ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [("a", 1), ("a", 2), ("b", 1), ("b", 2)]
    for ds, version, run_id, sha256, path in rows:
        assert results[run_id][ds]["version"] == version
        assert results[run_id][ds]["sha256"] == sha256
        import hashlib

        assert hashlib.sha256((tmp_path / "home" / path).read_bytes()).hexdigest() == sha256, (ds, version)
