"""Crash safety: a publishing process is killed with SIGKILL at random points (seeded) while it
publishes a version. After every kill the catalog opens, every version row names a complete file
whose sha256 matches, the ``open`` view reads a complete version, orphan files are not versions,
and the next publish completes with the next version number.

The fast run kills 4 times; the heavy run (``PUBDATA_HEAVY=1``) 24 times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from harness import DEPT, DS, catalog_rows, clone_base, versions_intact

REPO = Path(__file__).resolve().parents[2]
PUBLISHER = f"""
import sys
from pathlib import Path
from catalog.publish import publish_version
from warehouse.lake import RunPaths
run, src = sys.argv[1], Path(sys.argv[2])
print("ready", flush=True)
res = publish_version(RunPaths.for_run({DEPT!r}, {DS!r}, run), run, src, columns=[{{"name": "k"}}, {{"name": "v"}}], open_tier="open")
print("done", res["version"], flush=True)
"""


def _prepared(path: Path, n: int) -> Path:
    """A protected-variant-like Parquet file big enough for a publish to take a while."""
    pq.write_table(
        pa.table({"k": pa.array(range(n), pa.int64()), "v": pa.array([f"行{i:09d}-" + "x" * 24 for i in range(n)])}),
        path,
        compression="none",
    )
    return path


def _spawn(run: str, src: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", PUBLISHER, run, str(src)],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_after_crash(home: Path) -> int:
    problems = versions_intact(home)
    assert problems == [], problems
    versions = catalog_rows(
        "SELECT version, rows, path FROM versions WHERE department_id = ? AND dataset_id = ? ORDER BY version",
        [DEPT, DS],
    )
    latest = versions[-1]
    # the open view is the latest committed version, complete
    assert catalog_rows(f'SELECT count(*) FROM open."{DEPT}__{DS}"') == [(latest[1],)]
    assert [r[0] for r in catalog_rows("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'open'")]
    # orphans (renamed before the commit, or temporary) are never versions
    named = {v[2].rsplit("/", 1)[1] for v in versions}
    for f in (home / "open" / DEPT / DS).iterdir():
        # a version's row index (vNNNNNN.index/, warehouse.rowindex) belongs to its file
        name = f.name.removesuffix(".index") + ".parquet" if f.name.endswith(".index") else f.name
        if name not in named:
            assert name.startswith(".") or name > f"v{latest[0]:06d}.parquet", f"orphan {f.name} below latest"
    from catalog.queries import list_datasets, versions_of

    listed = [d for d in list_datasets() if d["dataset_id"] == DS]
    assert listed and listed[0]["version"] == latest[0]
    assert [v["version"] for v in versions_of(DEPT, DS)] == [v[0] for v in reversed(versions)]
    return latest[0]


def _crash_loop(base: dict, tmp_path: Path, monkeypatch, kills: int, seed: int, case_record) -> None:
    env = clone_base(base, tmp_path / "crash")
    env.activate(monkeypatch)
    src_a = _prepared(tmp_path / "a.parquet", 1_500_000)
    src_b = _prepared(tmp_path / "b.parquet", 1_200_000)
    expected_rows = {pq.read_metadata(src_a).num_rows, pq.read_metadata(src_b).num_rows, base["rows"]}
    # time one complete publish (after the imports) to spread the kills over it
    p = _spawn("timing", src_a)
    assert p.stdout is not None
    assert p.stdout.readline().strip() == "ready"
    t0 = time.monotonic()
    out, err = p.communicate(timeout=120)
    span = time.monotonic() - t0
    assert p.returncode == 0, err[-2000:]
    rng = random.Random(seed)
    done = 0
    phases = {"killed": 0, "finished_before_kill": 0}
    # Kill at a random point of the publish until `kills` publishes have been killed. The machine's
    # load changes while this runs: a publish that finished before its kill means the span was
    # over-estimated, so the span shrinks (the kills stay spread over the publish, whatever the load).
    i = -1
    while phases["killed"] < kills and i < 3 * kills:
        i += 1
        src = src_b if i % 2 else src_a
        proc = _spawn(f"crash_{i}", src)
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()[-2000:]
        time.sleep(rng.uniform(0, span * 1.05))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            phases["killed"] += 1
        else:
            phases["finished_before_kill"] += 1
            span *= 0.7
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
        latest = _check_after_crash(env.home)
        assert catalog_rows(f'SELECT count(*) FROM open."{DEPT}__{DS}"')[0][0] in expected_rows
        # the next publish completes, with the next number
        from catalog.publish import publish_version
        from warehouse.lake import RunPaths

        res = publish_version(
            RunPaths.for_run(DEPT, DS, f"after_{i}"),
            f"after_{i}",
            src,
            columns=[{"name": "k"}, {"name": "v"}],
            open_tier="open",
        )
        assert res["version"] == latest + 1
        assert _check_after_crash(env.home) == latest + 1
        done += 1
    case_record.outcome = "handled"
    case_record.detail = f"{done} crash/recover cycles, {phases}"
    assert phases["killed"] == kills, phases
    assert versions_intact(env.home) == []


@pytest.mark.reliability("crash")
def test_publish_survives_sigkill(base, tmp_path, monkeypatch, case_record) -> None:
    _crash_loop(base, tmp_path, monkeypatch, kills=4, seed=7, case_record=case_record)


@pytest.mark.heavy
@pytest.mark.reliability("crash")
def test_publish_survives_24_sigkills(base, tmp_path, monkeypatch, case_record) -> None:
    _crash_loop(base, tmp_path, monkeypatch, kills=24, seed=20260101, case_record=case_record)
