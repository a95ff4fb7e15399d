"""``pubdata serve`` with several worker processes (``PUBDATA_PORTAL_WORKERS``): one listening
socket, and the quotas counted across the processes (a caller gets exactly its limit, not one
limit per process)."""

from __future__ import annotations

import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def _hits(home: str, calls: int, queue: multiprocessing.Queue) -> None:
    os.environ["PUBDATA_HOME"] = home
    from portal import quota

    queue.put([quota._COUNTS.hit("datastore", "client:test", 600, 25) is None for _ in range(calls)])


def test_counters_are_shared_by_processes(scratch_home: Path) -> None:
    from portal import quota

    quota._COUNTS.clear()
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = ctx.Queue()
    procs = [ctx.Process(target=_hits, args=(str(scratch_home), 20, queue)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(60)
    assert sum(ok for r in results for ok in r) == 25  # 60 calls from three processes, limit 25
    used = quota._COUNTS.used("datastore", "client:test", 600)
    assert used[1] == 25 and 0 <= used[0] < 600
    assert quota._COUNTS.used("datastore", "client:other", 600) == (0.0, 0)
    quota._COUNTS.clear()
    assert quota._COUNTS.used("datastore", "client:test", 600) == (0.0, 0)


def _policy(home: Path, anonymous: int) -> Path:
    text = (REPO / "policy" / "negative_list.yaml").read_text(encoding="utf-8")
    quota_line = "datastore: {anonymous: 120, token: 1200}"
    roles = "roles: ../privacy/roles.yaml"
    assert quota_line in text and roles in text
    text = text.replace(quota_line, f"datastore: {{anonymous: {anonymous}, token: 1200}}")
    out = home / "policy.yaml"
    out.write_text(text.replace(roles, f"roles: {REPO / 'privacy' / 'roles.yaml'}"), encoding="utf-8")
    return out


@pytest.mark.cli
def test_two_workers_count_one_quota(portal_home: Path, tmp_path: Path) -> None:
    from portal import quota

    quota._COUNTS.clear()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "PUBDATA_HOME": str(portal_home),
        "PUBDATA_PORTAL_WORKERS": "2",
        "PUBDATA_POLICY": str(_policy(tmp_path, 12)),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/api/3/action/datastore_search?resource_id=transport__ridership__csv&limit=1"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(base + "/api/3/action/site_read", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.time() < deadline, (
                server.stderr.read().decode()[-2000:] if server.stderr else ""
            )
            time.sleep(0.3)
        # a new connection per call: the two processes take turns accepting them
        codes = [httpx.get(url, timeout=30).status_code for _ in range(30)]
        assert codes.count(200) == 12 and codes[:12] == [200] * 12 and set(codes[12:]) == {429}
        left = httpx.get(base + "/api/quota", timeout=30).json()["services"]["datastore"]
        assert left["used"] == 12 and left["remaining"] == 0
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        quota._COUNTS.clear()
