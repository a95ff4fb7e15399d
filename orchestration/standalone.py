"""Airflow standalone for data engineers: ``pubdata airflow start|stop|status`` (``make airflow``).

``start`` first generates the bundled demo departments' missing sources
(:func:`orchestration.demo.prepare_demo_sources`), then starts, each in its own process group
(pid files and logs under ``$PUBDATA_HOME/airflow/standalone/``, the same supervisor as the
distributed profile's services):

- ``demo-http``: the demo departments' HTTP source (``python -m http.server`` on
  127.0.0.1:``PUBDATA_DEMO_SOURCE_PORT``), only when the bundled demo departments are in use;
- ``airflow``: ``airflow standalone`` (API server and UI, scheduler, DAG processor, triggerer) on
  the ports of ``PUBDATA_AIRFLOW_STANDALONE_PORTS``.

It waits until the API server answers and the scheduler and DAG processor are healthy, then says
where to log in, which DAGs exist (parsed here with Airflow's DagBag, import errors included) and
how to stop. A second ``start`` says it is already running. ``stop`` stops both groups and every
process they started (Airflow's task runners have groups of their own): SIGTERM, then SIGKILL.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from core import ConfigError, get_setting, home
from core.settings import REPO_ROOT, int_setting
from orchestration.airflow_env import configure
from orchestration.cluster.supervisor import Proc, _port_open, _start, _wait, pid_of, stop_service

__all__ = ["api_url", "env_file", "ports", "start", "state_dir", "status", "stop"]

Say = Callable[[str], None]
_VENV_BIN = Path(sys.executable).parent


def state_dir() -> Path:
    d = home() / "airflow" / "standalone"
    d.mkdir(parents=True, exist_ok=True)
    return d


def env_file() -> Path:
    """``export`` lines that point the ``airflow`` CLI at this Airflow (no secrets in it)."""
    return state_dir() / "env"


def ports() -> dict[str, int]:
    raw = get_setting("PUBDATA_AIRFLOW_STANDALONE_PORTS")
    try:
        api, worker_log, trigger_log = (int(p) for p in raw.split(","))
    except ValueError:
        raise ConfigError(
            f"PUBDATA_AIRFLOW_STANDALONE_PORTS={raw!r} is not three ports",
            hint="e.g. PUBDATA_AIRFLOW_STANDALONE_PORTS=8080,8793,8794 (API server, worker log server, triggerer log server)",
        ) from None
    return {"api": api, "worker-log": worker_log, "trigger-log": trigger_log}


def api_url() -> str:
    return f"http://127.0.0.1:{ports()['api']}"


def _password_file() -> Path:
    configure()
    return Path(os.environ["AIRFLOW_HOME"]) / "simple_auth_manager_passwords.json.generated"


def _airflow_env() -> dict[str, str]:
    """What ``airflow standalone`` and the ``airflow`` CLI need besides the inherited environment."""
    configure()
    p = ports()
    keep = (
        "AIRFLOW_HOME",
        "AIRFLOW_CONFIG",
        "AIRFLOW__CORE__DAGS_FOLDER",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER",
        "AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_STORAGE_PATH",
        "AIRFLOW__CORE__LOAD_EXAMPLES",
    )
    return {
        "PUBDATA_HOME": str(home()),
        "PUBDATA_DEMO_SOURCE_PORT": get_setting("PUBDATA_DEMO_SOURCE_PORT"),
        **{k: os.environ[k] for k in keep},
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(p["api"]),
        "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{p['api']}",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(p["worker-log"]),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(p["trigger-log"]),
        "PYTHONPATH": str(REPO_ROOT),
    }


def _jwt_secret() -> str:
    secret_file = home() / "keys" / "airflow_jwt_secret"
    if not secret_file.exists():
        secret_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(32))
    return secret_file.read_text().strip()


def _ensure_password_file() -> None:
    """The admin's password, generated here (0600) so that Airflow does not print it into its log."""
    f = _password_file()
    if not f.exists():
        fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"admin": secrets.token_urlsafe(12)}) + "\n")


def _write_env_file(env: dict[str, str]) -> None:
    lines = ["# `airflow` CLI against `make airflow` (written by `pubdata airflow start`): set -a; . THIS; set +a"]
    lines += [f"export {k}={shlex.quote(v)}" for k, v in env.items()]
    lines.append(f'export PATH={shlex.quote(str(_VENV_BIN))}:"$PATH"')
    env_file().write_text("\n".join(lines) + "\n", encoding="utf-8")


def _adopt_legacy_pid_file() -> None:
    """A standalone started before pid files moved (``airflow/standalone.pgid``) is stopped the same way."""
    old = home() / "airflow" / "standalone.pgid"
    if old.exists():
        (state_dir() / "run").mkdir(exist_ok=True)
        (state_dir() / "run" / "airflow.pid").write_text(old.read_text().strip() + "\n")
        old.unlink()


def _check_free(p: dict[str, int], setting: str = "PUBDATA_AIRFLOW_STANDALONE_PORTS") -> None:
    for what, port in p.items():
        if _port_open(port):
            raise ConfigError(
                f"port {port} ({what}) is already in use on this machine: another Airflow or pubdata "
                "(perhaps started from another PUBDATA_HOME) or another service",
                hint=f"stop it, or give `make airflow` other ports with {setting}",
            )


def _parse_dags() -> tuple[list[str], dict[str, str]]:
    """The DAG ids and import errors of the DAG folder, parsed here as Airflow's DAG processor does."""
    configure()
    # Airflow's own log levels (read when airflow is first imported): no INFO lines on our output
    os.environ.setdefault("AIRFLOW__LOGGING__NAMESPACE_LEVELS", "airflow.dag_processing.dagbag=WARNING")
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO_ROOT / "dags"), safe_mode=False)
    errors = {Path(f).name: str(e).strip().splitlines()[-1] for f, e in bag.import_errors.items()}
    return sorted(bag.dags), errors


def _health() -> dict[str, str]:
    with urllib.request.urlopen(api_url() + "/api/v2/monitor/health", timeout=3) as r:
        body = json.loads(r.read())
    return {k: (v or {}).get("status") or "unknown" for k, v in body.items() if isinstance(v, dict)}


def _wait_ready(timeout: float, say: Say) -> float:
    """Wait for the API server and a healthy scheduler and DAG processor; one progress line."""
    t0 = time.monotonic()
    tty = sys.stdout.isatty()
    last_said = -1.0
    state = "API server not answering yet"
    while time.monotonic() - t0 < timeout:
        if not pid_of("airflow", state_dir()):
            tail = _log_tail(state_dir() / "logs" / "airflow.log")
            raise ConfigError(f"airflow standalone exited while starting:\n{tail}", hint=f"see {_log_path()}")
        try:
            h = _health()
            if all(h.get(c) == "healthy" for c in ("scheduler", "dag_processor")):
                if tty:
                    print(file=sys.stdout)
                return time.monotonic() - t0
            state = "API server up; " + ", ".join(f"{k} {v}" for k, v in sorted(h.items()) if k != "metadatabase")
        except (OSError, ValueError):
            pass
        waited = time.monotonic() - t0
        line = f"waiting for Airflow on {api_url()}/ ({waited:.0f} s): {state}"
        if tty:
            print("\r" + line.ljust(110), end="", flush=True)
        elif waited - last_said >= 10:
            say(line)
            last_said = waited
        time.sleep(1)
    if tty:
        print(file=sys.stdout)
    raise ConfigError(
        f"Airflow did not become ready in {timeout:.0f} s ({state}); it keeps starting in the background",
        hint=f"`pubdata airflow status`, the log {_log_path()}, or `make airflow-stop`",
    )


def _log_path() -> Path:
    return state_dir() / "logs" / "airflow.log"


def _log_tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


def _say_where(say: Say, dags: tuple[list[str], dict[str, str]] | None = None) -> None:
    say(f"Airflow UI and REST API: {api_url()}/")
    say(f"  log in as admin; the password is in {_password_file()}")
    if dags is not None:
        ids, errors = dags
        say(f"  DAGs ({len(ids)}, paused until you unpause them): {', '.join(ids) or 'none'}")
        if errors:
            for f, e in sorted(errors.items()):
                say(f"  import error in dags/{f}: {e}")
        else:
            say("  no DAG import errors")
    demo = pid_of("demo-http", state_dir())
    if demo:
        say(f"  demo HTTP source: http://127.0.0.1:{get_setting('PUBDATA_DEMO_SOURCE_PORT')}/ (process group {demo})")
    say(f"  airflow CLI: set -a; . {env_file()}; set +a; airflow dags trigger dept_transport")
    say(f"  logs: {state_dir() / 'logs'}; stop with: make airflow-stop (or pubdata airflow stop)")


def start(wait: float = 600, say: Say = print) -> int:
    """Start Airflow standalone (and the demo HTTP source); 0 once it is ready or already running."""
    t0 = time.monotonic()
    configure()
    base = state_dir()
    _adopt_legacy_pid_file()
    running = pid_of("airflow", base)
    env = {**os.environ, **_airflow_env()}
    env["AIRFLOW__API_AUTH__JWT_SECRET"] = _jwt_secret()
    env["PATH"] = f"{_VENV_BIN}:{env.get('PATH', '/usr/bin:/bin')}"
    if not running:
        _check_free(ports())
        _write_env_file(_airflow_env())
        _ensure_password_file()
    _serve_demo_source(env, say)
    if running:
        say(f"Airflow is already running (process group {running})")
        _say_where(say)
        return 0
    _start(Proc("airflow", [str(_VENV_BIN / "airflow"), "standalone"], env=env, base=base))
    dags = _parse_dags()  # while Airflow starts
    _wait_ready(wait, say)
    say(f"Airflow is ready ({time.monotonic() - t0:.0f} s)")
    _say_where(say, dags)
    return 0


def _serve_demo_source(env: dict[str, str], say: Say) -> None:
    """With the bundled demo departments: their missing sources generated, their HTTP source served."""
    from orchestration.demo import demo_departments_in_use, prepare_demo_sources, sources_dir

    if not demo_departments_in_use():
        return
    prepare_demo_sources(say=say)
    base = state_dir()
    port = int_setting("PUBDATA_DEMO_SOURCE_PORT")
    if pid_of("demo-http", base):
        return
    _check_free({"demo HTTP source": port}, "PUBDATA_DEMO_SOURCE_PORT")
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory"]
    _start(Proc("demo-http", [*argv, str(sources_dir() / "http")], env=env, base=base))
    _wait("the demo HTTP source", lambda: _port_open(port), 20, "demo-http", base)


def stop(say: Say = print) -> int:
    """Stop Airflow standalone and the demo HTTP source (each whole process tree)."""
    base = state_dir()
    _adopt_legacy_pid_file()
    stopped = [name for name in ("airflow", "demo-http") if stop_service(name, grace=40, base=base)]
    say("Airflow stopped" if stopped else "Airflow is not running")
    return 0


def status(say: Say = print) -> int:
    base = state_dir()
    _adopt_legacy_pid_file()
    af, demo = pid_of("airflow", base), pid_of("demo-http", base)
    if not af:
        say("stopped" + (f" (the demo HTTP source still runs: process group {demo})" if demo else ""))
        return 0
    say(f"running: Airflow {api_url()}/ (process group {af})")
    if demo:
        say(f"demo HTTP source http://127.0.0.1:{get_setting('PUBDATA_DEMO_SOURCE_PORT')}/ (process group {demo})")
    return 0
