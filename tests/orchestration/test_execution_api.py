"""`pubdata run` builds Airflow's in-process execution API for the one API version its task runner
speaks (``PUBDATA_EMBEDDED_API_VERSIONS=current``), and it answers the runner's requests; ``all``
leaves Airflow's app as Airflow builds it. Each case in a fresh process: the app is built once per
process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.airflow

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, uuid
from orchestration.airflow_env import configure
configure()
from airflow.api_fastapi.execution_api import versions
from airflow.api_fastapi.execution_api.routes import execution_api_router
from airflow.sdk.api.datamodels._generated import API_VERSION
from airflow.sdk.execution_time.supervisor import InProcessTestSupervisor, in_process_api_server
from orchestration.execution_api import prepare

before = (versions.bundle, list(execution_api_router.routes))
built = prepare()
restored = before == (versions.bundle, list(execution_api_router.routes))
client = InProcessTestSupervisor._api_client()
try:  # a task instance that does not exist: the endpoint itself answers 404
    client.task_instances.heartbeat(uuid.uuid4(), pid=1)
    status = 200
except Exception as exc:
    status = getattr(getattr(exc, "response", None), "status_code", repr(exc))
served = sorted(str(v) for v in in_process_api_server().app.router.versioned_routers)
print(json.dumps({"built": built, "restored": restored, "status": status, "served": served, "client": API_VERSION}))
"""


def _probe(mode: str) -> dict:
    env = {**os.environ, "PUBDATA_EMBEDDED_API_VERSIONS": mode}
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_current_serves_the_clients_version_only_and_answers(airflow_db) -> None:
    r = _probe("current")
    assert r["built"] is True and r["restored"] is True
    assert r["served"] == [r["client"]]
    assert r["status"] == 404  # routed to the task-instance endpoint, which found no such instance


def test_all_is_airflows_app(airflow_db) -> None:
    r = _probe("all")
    assert r["built"] is False
    assert r["client"] in r["served"] and len(r["served"]) > 1
    assert r["status"] == 404
