"""A small client of Airflow's REST API (trigger runs, wait for them), used by tests and benchmarks."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from orchestration.cluster.envfile import cluster_env, ports
from orchestration.cluster.supervisor import _wait

__all__ = ["AirflowAPI", "wait_for_dags"]


class AirflowAPI:
    """Minimal client of Airflow's REST API v2 on the cluster's API server (simple auth manager)."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        env = env or cluster_env()
        self.base = f"http://127.0.0.1:{env.get('AIRFLOW__API__PORT') or ports()['airflow']}"
        pw_file = Path(env["AIRFLOW_HOME"]) / "simple_auth_manager_passwords.json.generated"
        _wait("Airflow admin password file", pw_file.exists, 60)
        password = json.loads(pw_file.read_text())["admin"]
        self.token = self._call("POST", "/auth/token", {"username": "admin", "password": password}, auth=False)[
            "access_token"
        ]

    def _call(self, method: str, path: str, body: dict | None = None, *, auth: bool = True) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            self.base + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        if auth:
            req.add_header("Authorization", f"Bearer {self.token}")
        for attempt in range(6):
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    text = r.read()
                return json.loads(text) if text else {}
            except urllib.error.HTTPError as exc:
                if exc.code < 500 or attempt == 5 or method not in ("GET", "PATCH"):
                    raise
            except urllib.error.URLError:
                if attempt == 5:
                    raise
            except TimeoutError:  # no answer in time: the call may have been done; repeat only idempotent ones
                if attempt == 5 or method not in ("GET", "PATCH"):
                    raise
            time.sleep(1 + attempt)  # a busy API server (retry idempotent calls)
        raise AssertionError("unreachable")

    def dag_ids(self, prefix: str = "dept_") -> list[str]:
        out = self._call("GET", "/api/v2/dags?limit=1000")
        return sorted(d["dag_id"] for d in out.get("dags", []) if d["dag_id"].startswith(prefix))

    def trigger(self, dag_id: str, run_id: str | None = None) -> str:
        self._call("PATCH", f"/api/v2/dags/{dag_id}", {"is_paused": False})
        body: dict = {"logical_date": None}
        if run_id:
            body["dag_run_id"] = run_id
        return self._call("POST", f"/api/v2/dags/{dag_id}/dagRuns", body)["dag_run_id"]

    def run_state(self, dag_id: str, run_id: str) -> str:
        return self._call("GET", f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id, safe='')}")["state"]

    def task_instances(self, dag_id: str, run_id: str) -> list[dict]:
        return self._call("GET", f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id, safe='')}/taskInstances?limit=1000")[
            "task_instances"
        ]

    def wait(
        self,
        runs: dict[str, str],
        timeout: float = 900,
        poll: float = 2.0,
        on_poll: Callable[[dict[str, str]], None] | None = None,
    ) -> dict[str, str]:
        """Wait until every ``{dag_id: run_id}`` is finished; returns their states."""
        deadline = time.time() + timeout
        states: dict[str, str] = {}
        while time.time() < deadline:
            states = {d: self.run_state(d, r) for d, r in runs.items()}
            if on_poll:
                on_poll(states)
            if all(s in ("success", "failed") for s in states.values()):
                return states
            time.sleep(poll)
        raise TimeoutError(f"DAG runs not finished in {timeout:.0f} s: {states}")


def wait_for_dags(api: AirflowAPI, expected: list[str], timeout: float = 180) -> None:
    """Wait until the DAG processor has serialised every expected DAG."""
    _wait(f"DAGs {expected} parsed", lambda: set(expected) <= set(api.dag_ids("")), timeout)
