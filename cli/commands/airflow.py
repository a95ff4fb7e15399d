"""``pubdata airflow start|stop``: Airflow's own UI and scheduler (``airflow standalone``) on
127.0.0.1:8080 with the same DAGs and PUBDATA_HOME, for data engineers.

``start`` launches ``airflow standalone`` (and the demo departments' HTTP source) in a new
process group, records the group id in ``$PUBDATA_HOME/airflow/standalone.pgid`` and waits
until the UI answers. ``stop`` terminates that whole group (killing only the parent would leave
the scheduler running).
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from core import ConfigError, home
from core.settings import REPO_ROOT


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("airflow", help="start/stop Airflow's UI and scheduler on 127.0.0.1:8080")
    p.add_argument("action", choices=["start", "stop", "status"])
    p.add_argument("--wait", type=int, default=180, help="seconds to wait for the UI (start)")
    p.set_defaults(func=run)


def _pgid_file() -> Path:
    return home() / "airflow" / "standalone.pgid"


def _env() -> dict[str, str]:
    from orchestration.airflow_env import configure

    configure()
    env = dict(os.environ)
    secret_file = home() / "keys" / "airflow_jwt_secret"
    if not secret_file.exists():
        secret_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(32))
    env["AIRFLOW__API_AUTH__JWT_SECRET"] = secret_file.read_text().strip()
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


def _alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def run(args: argparse.Namespace) -> int:
    pgid_file = _pgid_file()
    if args.action == "status":
        pgid = int(pgid_file.read_text()) if pgid_file.exists() else None
        print("running" if pgid and _alive(pgid) else "stopped")
        return 0
    if args.action == "stop":
        if not pgid_file.exists():
            print("Airflow is not running (no standalone.pgid)")
            return 0
        pgid = int(pgid_file.read_text())
        if _alive(pgid):
            os.killpg(pgid, signal.SIGTERM)
            for _ in range(60):
                if not _alive(pgid):
                    break
                time.sleep(0.5)
            else:
                os.killpg(pgid, signal.SIGKILL)
        pgid_file.unlink(missing_ok=True)
        print("Airflow stopped")
        return 0
    if pgid_file.exists() and _alive(int(pgid_file.read_text())):
        print("Airflow is already running: http://127.0.0.1:8080/  (stop: make airflow-stop)")
        return 0
    env = _env()
    from orchestration.runner import ensure_airflow_db

    ensure_airflow_db()
    script = (
        f"{sys.executable} -m http.server {env.get('PUBDATA_DEMO_SOURCE_PORT', '8765')} --bind 127.0.0.1 "
        f"--directory {_q(str(home() / 'sources' / 'http'))} >/dev/null 2>&1 & exec airflow standalone"
    )
    with open(home() / "airflow" / "standalone.log", "ab") as log:  # the child keeps its own descriptor
        proc = subprocess.Popen(
            ["bash", "-c", script], env=env, stdout=log, stderr=log, start_new_session=True, cwd=REPO_ROOT
        )
    pgid_file.write_text(str(proc.pid))
    print(f"starting airflow standalone (process group {proc.pid}); log: {home() / 'airflow' / 'standalone.log'}")
    deadline = time.time() + args.wait
    while time.time() < deadline:
        if proc.poll() is not None:
            raise ConfigError(
                "airflow standalone exited early; see its log", hint=str(home() / "airflow" / "standalone.log")
            )
        try:
            urllib.request.urlopen("http://127.0.0.1:8080/api/v2/monitor/health", timeout=2)
            break
        except OSError:
            time.sleep(2)
    else:
        print("Airflow did not answer yet; it may still be starting. Log: standalone.log")
    pw = home() / "airflow" / "simple_auth_manager_passwords.json.generated"
    print("Airflow UI: http://127.0.0.1:8080/")
    if pw.exists():
        print(f"login: admin, password in {pw}")
    print("stop it with: make airflow-stop")
    return 0


def _q(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"
