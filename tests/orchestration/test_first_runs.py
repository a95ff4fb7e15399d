"""First runs that just work (issue 20): on a fresh PUBDATA_HOME with the bundled demo manifests,
``pubdata run`` and ``pubdata airflow start`` (``make airflow``) need no other command; other
manifests never get demo data (their missing sources fail at once: tests/reliability)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import free_port

REPO = Path(__file__).resolve().parents[2]
PUBDATA = [str(Path(sys.executable).parent / "pubdata")]


def _fresh_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a new user: nothing of the test session's Airflow or PUBDATA_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "PUBDATA_"))}
    env.update(PUBDATA_HOME=str(home), PUBDATA_DEMO_SOURCE_PORT=str(free_port()), PYTHONPATH=str(REPO))
    env.update(extra)
    return env


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


# ----------------------------------------------------------------------------- demo sources
def test_missing_demo_sources_are_generated_per_department_and_only_for_the_bundled_manifests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.demo import DEMO_DEPARTMENTS, missing_demo_sources, prepare_demo_sources
    from warehouse.manifest import load_department_by_id

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    src = tmp_path / "home" / "sources"
    assert missing_demo_sources() == list(DEMO_DEPARTMENTS)
    said: list[str] = []
    assert prepare_demo_sources(["transport"], say=said.append) == ["transport"]
    assert len(said) == 1 and "transport" in said[0] and str(src) in said[0]
    assert _files(src) == {"transport/bus_stops.csv", "http/transport/ridership.csv"}
    assert prepare_demo_sources(["transport"], say=said.append) == [] and len(said) == 1

    # every file source of every demo manifest is one the generator writes: deleting it is noticed
    assert prepare_demo_sources(say=said.append) == [d for d in DEMO_DEPARTMENTS if d != "transport"]
    for dept in DEMO_DEPARTMENTS:
        for ds in load_department_by_id(dept).datasets:
            if ds.source.type != "file":
                continue
            f = src / ds.source.path
            data = f.read_bytes()
            f.unlink()
            assert missing_demo_sources() == [dept], ds.source.path
            f.write_bytes(data)
    assert missing_demo_sources() == []

    # other manifests (even copies of the demo ones) never get demo data
    other = tmp_path / "manifests"
    other.mkdir()
    shutil.copy(REPO / "departments" / "transport.yaml", other)
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "other-home"))
    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(other))
    assert prepare_demo_sources(say=said.append) == [] and len(said) == 2
    assert not (tmp_path / "other-home" / "sources").exists()


# ----------------------------------------------------------------------------- pubdata run
def test_pubdata_run_on_a_fresh_home_needs_no_other_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    r = subprocess.run(
        [*PUBDATA, "run", "--department", "transport", "--no-progress"],
        env=_fresh_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "demo sources of transport were missing: generated" in r.stdout
    assert re.search(r"^ok +transport\.bus_stops: published v1", r.stdout, re.M), r.stdout
    assert re.search(r"^ok +transport\.ridership: published v1", r.stdout, re.M), r.stdout  # the HTTP source
    assert {p.name for p in (home / "sources").iterdir()} == {"transport", "http"}  # only what runs
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    from catalog.queries import versions_of

    assert [v["version"] for v in versions_of("transport", "ridership")] == [1]


# ----------------------------------------------------------------------------- make airflow
def test_make_airflow_with_a_port_taken_says_which_and_starts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from core import ConfigError
    from orchestration import standalone

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setenv("PUBDATA_AIRFLOW_STANDALONE_PORTS", f"{free_port()},{port},{free_port()}")
        with pytest.raises(ConfigError) as info:
            standalone.start(wait=5, say=lambda _: None)
        assert f"port {port} (worker-log) is already in use" in str(info.value)
        assert "PUBDATA_AIRFLOW_STANDALONE_PORTS" in (info.value.hint or "")
        monkeypatch.setenv("PUBDATA_AIRFLOW_STANDALONE_PORTS", f"{free_port()},{free_port()},{free_port()}")
        monkeypatch.setenv("PUBDATA_DEMO_SOURCE_PORT", str(port))
        with pytest.raises(ConfigError) as info:
            standalone.start(wait=5, say=lambda _: None)
        assert f"port {port} (demo HTTP source) is already in use" in str(info.value)
        assert "PUBDATA_DEMO_SOURCE_PORT" in (info.value.hint or "")
    assert not list((standalone.state_dir() / "run").glob("*.pid")), "something was started"
    said: list[str] = []
    assert standalone.status(say=said.append) == 0 and said == ["stopped"]


def _processes_of(home: Path) -> list[int]:
    """Processes (other than this one) whose environment names this PUBDATA_HOME."""
    needle = f"PUBDATA_HOME={home}\0".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            if needle in Path(f"/proc/{entry}/environ").read_bytes() + b"\0":
                found.append(int(entry))
        except OSError:
            continue
    return found


def _listening(port: int) -> bool:
    from orchestration.cluster.supervisor import _port_open

    return _port_open(port)


@pytest.mark.heavy
def test_make_airflow_on_a_fresh_home_runs_a_triggered_demo_dag_and_stops_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.cluster.airflow_api import AirflowAPI, wait_for_dags

    home = tmp_path / "home"
    api_port, worker_log, trigger_log = free_port(), free_port(), free_port()
    env = _fresh_env(
        home,
        PUBDATA_AIRFLOW_STANDALONE_PORTS=f"{api_port},{worker_log},{trigger_log}",
        # only the triggered run: unpausing would also start the latest @daily run right away
        AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE="False",
    )
    ports = [api_port, worker_log, trigger_log, int(env["PUBDATA_DEMO_SOURCE_PORT"])]
    t0 = time.monotonic()
    try:
        start = subprocess.run(
            [*PUBDATA, "airflow", "start", "--wait", "900"], env=env, capture_output=True, text=True, timeout=1200
        )
        print(f"pubdata airflow start: ready after {time.monotonic() - t0:.0f} s")
        out = start.stdout
        assert start.returncode == 0, out + start.stderr
        assert "demo sources of market_regulation, health, civil_affairs, transport, ecology were missing" in out
        assert f"http://127.0.0.1:{api_port}/" in out and "log in as admin" in out
        password_file = home / "airflow" / "simple_auth_manager_passwords.json.generated"
        assert str(password_file) in out and password_file.stat().st_mode & 0o077 == 0
        assert "dept_transport" in out and "no DAG import errors" in out and "make airflow-stop" in out
        password = json.loads(password_file.read_text())["admin"]
        log = (home / "airflow" / "standalone" / "logs" / "airflow.log").read_text(errors="replace")
        assert password not in out and password not in log, "the admin password was printed"
        assert all(_listening(p) for p in ports)

        again = subprocess.run([*PUBDATA, "airflow", "start"], env=env, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0 and "already running" in again.stdout, again.stdout + again.stderr

        api = AirflowAPI({"AIRFLOW__API__PORT": str(api_port), "AIRFLOW_HOME": str(home / "airflow")})
        wait_for_dags(api, ["dept_transport"], timeout=600)
        run_id = api.trigger("dept_transport")
        t1 = time.monotonic()
        states = api.wait({"dept_transport": run_id}, timeout=1800, poll=5)
        print(f"dept_transport triggered through the REST API: {states} after {time.monotonic() - t1:.0f} s")
        tries = {t["task_id"]: (t["state"], t["try_number"]) for t in api.task_instances("dept_transport", run_id)}
        assert states == {"dept_transport": "success"}, tries
        # the HTTP source was served: its extract did not wait through retries with back-off
        assert tries["ridership.extract"] == ("success", 1), tries
        assert _processes_of(home), "no Airflow process seen while it runs: the check below would prove nothing"
    finally:
        t2 = time.monotonic()
        stop = subprocess.run([*PUBDATA, "airflow", "stop"], env=env, capture_output=True, text=True, timeout=300)
        print(f"pubdata airflow stop: {time.monotonic() - t2:.0f} s")
    assert stop.returncode == 0 and "Airflow stopped" in stop.stdout, stop.stdout + stop.stderr
    assert _processes_of(home) == [], "processes of this Airflow outlived `pubdata airflow stop`"
    assert [p for p in ports if _listening(p)] == [], "a port stayed open after stop"
    status = subprocess.run([*PUBDATA, "airflow", "status"], env=env, capture_output=True, text=True, timeout=120)
    assert status.stdout.startswith("stopped"), status.stdout
    print(f"whole case: {time.monotonic() - t0:.0f} s")

    monkeypatch.setenv("PUBDATA_HOME", str(home))
    from catalog.queries import versions_of

    published = versions_of("transport", "ridership")
    assert [v["version"] for v in published] == [1] and published[0]["run_id"] == run_id
