"""Process groups of the cluster's services: start, find, signal, stop (SIGTERM, then SIGKILL).

Each service's pid file and log live under a state folder ``base`` (``run/<name>.pid``,
``logs/<name>.log``): the cluster's folder by default, ``$PUBDATA_HOME/airflow/standalone`` for
``pubdata airflow start`` (:mod:`orchestration.standalone`).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core import ConfigError
from core.settings import REPO_ROOT
from orchestration.cluster.layout import _log_dir, _run_dir, _say

__all__ = ["Proc", "kill_service", "pid_of", "service_tree", "stop_service", "task_runners"]


@dataclass
class Proc:
    name: str
    argv: list[str]
    env: dict[str, str]
    cwd: Path = field(default_factory=lambda: REPO_ROOT)
    user: str | None = None
    stop_signal: int = signal.SIGTERM
    #: state folder holding ``run/`` and ``logs/`` (default: the cluster's)
    base: Path | None = None


#: services this process started, by pid file (to reap an exited child: a zombie answers kill(0))
_CHILDREN: dict[str, subprocess.Popen] = {}


def _pid_file(name: str, base: Path | None = None) -> Path:
    return _run_dir(base) / f"{name}.pid"


def _alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def pid_of(name: str, base: Path | None = None) -> int | None:
    f = _pid_file(name, base)
    if not f.exists():
        return None
    try:
        pid = int(f.read_text().strip())
    except ValueError:
        return None
    child = _CHILDREN.get(str(f))
    if child is not None and child.pid == pid:
        child.poll()  # reap our own exited child (a zombie still answers kill(0))
    return pid if _alive(pid) else None


def _proc_table() -> dict[int, tuple[int, int]]:
    """``{pid: (parent pid, process group)}`` of every process (from /proc)."""
    out: dict[int, tuple[int, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        out[int(entry)] = (int(fields[1]), int(fields[2]))
    return out


def service_tree(pgid: int) -> dict[int, int]:
    """``{pid: process group}`` of a service: its group plus every descendant. Airflow's task
    runners start their own process group under the worker's supervisor, so stopping a worker
    stops those groups too."""
    table = _proc_table()
    members = {pid for pid, (_, g) in table.items() if g == pgid}
    grew = True
    while grew:
        new = {pid for pid, (pp, _) in table.items() if pp in members and pid not in members}
        members |= new
        grew = bool(new)
    return {pid: table[pid][1] for pid in members}


def task_runners(name: str) -> list[int]:
    """Process ids of the Airflow task runners a worker is running now."""
    pgid = pid_of(name)
    if pgid is None:
        return []
    out = []
    for pid in service_tree(pgid):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if cmd.startswith(b"airflow worker -- "):
            out.append(pid)
    return out


def _signal_tree(pgid: int, sig: int) -> None:
    groups = set(service_tree(pgid).values()) | {pgid}
    for g in sorted(groups, key=lambda g: g != pgid):
        try:
            os.killpg(g, sig)
        except (ProcessLookupError, PermissionError):
            pass


def _start(proc: Proc) -> int:
    base = proc.base
    running = pid_of(proc.name, base)
    if running:
        _say(f"{proc.name} already running (process group {running})", base)
        return running
    kw: dict = {}
    if proc.user:
        kw.update(user=proc.user, group=proc.user, extra_groups=[])
    with open(_log_dir(base) / f"{proc.name}.log", "ab") as log:  # the child keeps its own descriptor
        p = subprocess.Popen(
            proc.argv,
            env=proc.env,
            cwd=proc.cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            **kw,
        )
    _CHILDREN[str(_pid_file(proc.name, base))] = p
    _pid_file(proc.name, base).write_text(f"{p.pid}\n")
    (_run_dir(base) / f"{proc.name}.signal").write_text(f"{int(proc.stop_signal)}\n")
    _say(f"started {proc.name} (process group {p.pid}); log {_log_dir(base) / (proc.name + '.log')}", base)
    return p.pid


def stop_service(name: str, grace: float = 20.0, base: Path | None = None) -> bool:
    """Stop a service's process group by its recorded id; True if it was running."""
    f = _pid_file(name, base)
    pid = pid_of(name, base)
    if pid is None:
        f.unlink(missing_ok=True)
        return False
    sig_file = _run_dir(base) / f"{name}.signal"
    sig = int(sig_file.read_text()) if sig_file.exists() else signal.SIGTERM
    tree = set(service_tree(pid).values()) | {pid}
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass
    deadline = time.time() + grace
    while time.time() < deadline and any(_alive(g) for g in tree):
        time.sleep(0.25)
    left = [g for g in tree if _alive(g)]
    if left:
        _say(f"{name} did not stop in {grace:.0f} s: SIGKILL to process group(s) {left}", base)
        for g in left:
            try:
                os.killpg(g, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for _ in range(40):
            if not any(_alive(g) for g in left):
                break
            time.sleep(0.25)
    f.unlink(missing_ok=True)
    sig_file.unlink(missing_ok=True)
    _say(f"stopped {name} (process group {pid})", base)
    return True


def kill_service(name: str) -> int:
    """SIGKILL a service's whole process group at once (used to prove worker loss is survived)."""
    pid = pid_of(name)
    if pid is None:
        raise ConfigError(f"{name} is not running")
    tree = set(service_tree(pid).values()) | {pid}
    _signal_tree(pid, signal.SIGKILL)  # the worker and the task runners it started, at once
    for _ in range(40):
        if not any(_alive(g) for g in tree):
            break
        time.sleep(0.1)
    _pid_file(name).unlink(missing_ok=True)
    return pid


def _wait(
    what: str, check: Callable[[], bool], timeout: float, name: str | None = None, base: Path | None = None
) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        child = _CHILDREN.get(str(_pid_file(name, base))) if name else None
        if name and (not pid_of(name, base) or (child is not None and child.poll() is not None)):
            raise ConfigError(f"{name} exited while starting", hint=f"see {_log_dir(base) / (name + '.log')}")
        time.sleep(0.5)
    raise ConfigError(f"{what} did not become ready in {timeout:.0f} s", hint=f"see the logs in {_log_dir(base)}")


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _http_ok(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=3) as r:
        return r.status < 500
