"""Issue 14: `pubdata run` stops promptly on SIGTERM / SIGINT, also while Airflow waits to retry a
failing source; it stops the DAG run (no task instance left running or waiting to retry), leaves
nothing half-published, says what it stopped and exits non-zero. A real `pubdata run` process."""

from __future__ import annotations

import contextlib
import copy
import os
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import harness
import pytest
from support import free_port


def _manifest() -> dict:
    m = copy.deepcopy(harness.BASE_MANIFEST)
    m["id"] = "stopper"
    remote = m["datasets"][0]
    remote["id"] = "remote"
    remote["title"] = "远程记录"
    # a closed local port: every attempt fails as "source unavailable" and is retried with back-off
    remote["source"] = {"type": "http", "url": f"http://127.0.0.1:{free_port()}/records.csv", "format": "csv"}
    return m


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_stops_on_a_signal_while_waiting_to_retry(airflow_db, tmp_path: Path, signum: int) -> None:
    env = harness.Env(tmp_path)
    env.src.mkdir(parents=True)
    env.home.mkdir()
    env.write_manifest(_manifest())
    # the stopped run gets its own copy of the session's (migrated) Airflow DB: a run killed by a
    # signal must not take the metadata DB of every later test with it
    session_db = Path(os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].removeprefix("sqlite:///"))
    own_db = tmp_path / "airflow.db"
    shutil.copyfile(session_db, own_db)
    proc_env = dict(
        os.environ,
        PUBDATA_HOME=str(env.home),
        PUBDATA_DEPARTMENTS=str(env.depts),
        PUBDATA_SOURCE_ROOTS=str(env.src),
        PUBDATA_RETRIES="3",
        PUBDATA_RETRY_DELAY="60",  # the run would wait minutes without the stop
        PUBDATA_HTTP_TIMEOUT="2",
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{own_db}",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "run", "--department", "stopper"],
        env=proc_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    seen = b""
    try:
        sel = selectors.DefaultSelector()
        sel.register(proc.stderr, selectors.EVENT_READ)  # type: ignore[arg-type]
        deadline = time.monotonic() + 240
        # wait until the remote source's first attempt has failed (Airflow now waits to retry)
        while b"[stopper.remote] failed" not in seen:
            assert time.monotonic() < deadline, seen.decode(errors="replace")[-2000:]
            assert proc.poll() is None, seen.decode(errors="replace")[-2000:]
            if sel.select(timeout=1):
                seen += proc.stderr.read1(65536)  # type: ignore[union-attr]
        time.sleep(2)  # well inside the 60 s retry delay
        sent = time.monotonic()
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = (seen + err).decode(errors="replace") + out.decode(errors="replace")
    assert took < 8, f"took {took:.1f} s to stop"
    assert proc.returncode != 0, text[-2000:]
    name = signal.Signals(signum).name
    assert f"stopped by {name}" in text and "stopper.remote" in text, text[-2000:]
    # nothing half-published: every version row names a complete file, no temporary files, and the
    # stopped dataset has no version
    old = os.environ.get("PUBDATA_HOME")
    os.environ["PUBDATA_HOME"] = str(env.home)
    try:
        assert harness.versions_intact(env.home) == []
        versions = harness.catalog_rows("SELECT dataset_id FROM versions WHERE department_id = 'stopper'")
        assert ("remote",) not in versions
        running = harness.catalog_rows("SELECT dataset_id FROM runs WHERE status = 'running'")
        assert running == [], running
    finally:
        if old is not None:
            os.environ["PUBDATA_HOME"] = old
    assert not list((env.home / "open").rglob(".tmp-*")) if (env.home / "open").exists() else True
    # Airflow (the run's own metadata DB): the DAG run is over and no task instance is left
    # running or waiting to retry
    with contextlib.closing(sqlite3.connect(own_db)) as db:
        runs = [r[0] for r in db.execute("SELECT state FROM dag_run WHERE dag_id = 'dept_stopper'")]
        states = dict(db.execute("SELECT task_id, state FROM task_instance WHERE dag_id = 'dept_stopper'").fetchall())
    assert runs and all(r == "failed" for r in runs), runs
    assert not {t: s for t, s in states.items() if s in ("running", "queued", "scheduled", "up_for_retry")}, states
