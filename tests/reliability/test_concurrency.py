"""Concurrency: two departments' DAGs run at the same time, each in its own process
(``airflow dags test``), against one PUBDATA_HOME and one Airflow metadata DB, while the portal
serves pages and CSV downloads in a loop. No 5xx, no torn read: every download parses and has
the row count of one complete version; both runs publish; every version is intact."""

from __future__ import annotations

import copy
import csv
import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from harness import BASE_MANIFEST, DS, Env, catalog_rows, csv_text, rows, versions_intact

REPO = Path(__file__).resolve().parents[2]
DEPTS = ("reliab", "reliabtwo")


class _Portal:
    def __init__(self) -> None:
        import socket

        import uvicorn

        from portal import create_app
        from portal.server import server_config

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(server_config(create_app(), host="127.0.0.1", port=self.port))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> _Portal:
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            assert time.time() < deadline, "portal did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.mark.heavy  # ~70 s on 2 cores: two `airflow dags test` processes
@pytest.mark.reliability("concurrency")
@pytest.mark.usefixtures("airflow_db")
def test_two_department_dags_at_once_while_the_portal_serves(
    tmp_path: Path, monkeypatch, session_dir, case_record
) -> None:
    env = Env(tmp_path / "conc")
    env.home.mkdir(parents=True)
    env.activate(monkeypatch)
    sizes = {"reliab": (30, 45), "reliabtwo": (12, 20)}  # (v1 rows, v2 rows)
    for dept in DEPTS:
        m = copy.deepcopy(BASE_MANIFEST)
        m["id"] = dept
        m["datasets"][0]["source"]["path"] = f"{dept}/records.csv"
        env.write_manifest(m)
        (env.src / dept).mkdir(parents=True)
        (env.src / dept / "records.csv").write_text(csv_text(rows(sizes[dept][0])), encoding="utf-8")
    from orchestration.pipeline import run_dataset

    for dept in DEPTS:  # a first version of each, so downloads work from the start
        assert run_dataset(dept, DS, "v1")["version"] == 1
    for dept in DEPTS:
        (env.src / dept / "records.csv").write_text(csv_text(rows(sizes[dept][1], start=500)), encoding="utf-8")

    db = tmp_path / "airflow.db"
    import sqlite3

    src = sqlite3.connect(session_dir / "airflow.db")
    dst = sqlite3.connect(db)
    src.backup(dst)  # a consistent copy (WAL included)
    src.close()
    dst.close()
    sub_env = {
        **os.environ,
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{db}",
        "PATH": f"{REPO / '.venv' / 'bin'}:{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(REPO),
    }
    airflow = str(Path(sys.executable).parent / "airflow")

    errors: list[str] = []
    seen: dict[str, set[int]] = {d: set() for d in DEPTS}
    requests = [0]
    stop = threading.Event()

    downloads = [0]

    def read_loop(url: str) -> None:
        # pages as fast as they come; downloads paced like a well-behaved anonymous client within
        # the policy's download quota (one a second), waiting out a 429's Retry-After if it comes
        next_download = 0.0
        with httpx.Client(base_url=url, timeout=60) as client:
            while not stop.is_set():
                for dept in DEPTS:
                    for path in ("/", f"/datasets/{dept}/{DS}", f"/datasets/{dept}/{DS}/download.csv"):
                        if path.endswith(".csv"):
                            if time.monotonic() < next_download:
                                continue
                            next_download = time.monotonic() + 1.1
                        r = client.get(path)
                        requests[0] += 1
                        if r.status_code >= 500:
                            errors.append(f"{path}: HTTP {r.status_code}")
                            continue
                        if path.endswith(".csv"):
                            if r.status_code == 429:
                                next_download = time.monotonic() + float(r.headers.get("Retry-After", "60"))
                                continue
                            downloads[0] += 1
                            if r.status_code != 200:
                                errors.append(f"{path}: HTTP {r.status_code}")
                                continue
                            table = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
                            n = len(table) - 1
                            if n not in sizes[dept] or any(len(row) != len(table[0]) for row in table):
                                errors.append(f"{path}: torn read ({n} rows)")
                            seen[dept].add(n)
                stop.wait(0.05)

    # write the DAGs and their assets to the metadata DB once: two `dags test` processes syncing
    # a fresh SQLite DB at the same moment race on inserting the same asset rows (Airflow, not us)
    subprocess.run(
        [airflow, "dags", "reserialize"], cwd=REPO, env=sub_env, check=True, capture_output=True, timeout=300
    )
    with _Portal() as portal:
        reader = threading.Thread(target=read_loop, args=(portal.url,), daemon=True)
        reader.start()
        started = time.monotonic()
        procs = {
            d: subprocess.Popen(
                [airflow, "dags", "test", f"dept_{d}"],
                cwd=REPO,
                env=sub_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for d in DEPTS
        }
        outputs = {d: p.communicate(timeout=600)[0] for d, p in procs.items()}
        elapsed = time.monotonic() - started
        time.sleep(0.5)
        stop.set()
        reader.join(60)
    case_record.detail = (
        f"{requests[0]} portal requests ({downloads[0]} downloads checked) in {elapsed:.0f} s; row counts seen {seen}"
    )
    for d, p in procs.items():
        assert p.returncode == 0, outputs[d][-3000:]
    versions = catalog_rows(
        "SELECT department_id, version, rows FROM versions WHERE dataset_id = ? ORDER BY 1, 2", [DS]
    )
    assert versions == [("reliab", 1, 30), ("reliab", 2, 45), ("reliabtwo", 1, 12), ("reliabtwo", 2, 20)], versions
    runs = catalog_rows("SELECT department_id, status FROM runs WHERE run_id <> 'v1' ORDER BY 1")
    assert runs == [("reliab", "published"), ("reliabtwo", "published")], runs
    assert versions_intact(env.home) == []
    assert not errors, errors[:10]
    assert requests[0] >= 6, "the portal was not read during the runs"
    assert downloads[0] >= 2, "no download was checked during the runs"
    case_record.outcome = "handled"
