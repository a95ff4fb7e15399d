"""Recipes of the services (PostgreSQL, Redis, SeaweedFS, Airflow, Celery workers) and ``up``/``down``."""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from pyarrow import fs

from catalog import ensure_catalog
from core import ConfigError, home
from core.secrets import redact_url
from core.settings import REPO_ROOT, int_setting
from orchestration.cluster.envfile import _secrets, build_env, cluster_env, ports, write_env_file
from orchestration.cluster.layout import SERVICE_ORDER, VENV_BIN, _log_dir, _run_dir, _say, cluster_dir, env_file
from orchestration.cluster.supervisor import Proc, _http_ok, _port_open, _start, _wait, pid_of, stop_service
from orchestration.demo import generate
from warehouse import storage

__all__ = ["all_services", "down", "ensure_packages", "start_worker", "status", "up", "worker_names"]


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


def _pg_user() -> str:
    try:
        pwd.getpwnam("postgres")
        return "postgres"
    except KeyError:
        raise ConfigError("no 'postgres' system user", hint="install the Debian package postgresql") from None


def _make_traversable(path: Path, user: str) -> None:
    """Let the PostgreSQL user reach its data folder: add only the search (x) bit where missing."""
    uid = pwd.getpwnam(user).pw_uid
    for parent in reversed(path.parents):
        st = parent.stat()
        if st.st_uid != uid and not st.st_mode & 0o001:
            os.chmod(parent, st.st_mode | 0o001)


def _start_postgres(env: dict[str, str], sec: dict[str, str]) -> None:
    bin_dir = _pg_bin()
    assert bin_dir is not None
    pg_user = _pg_user()
    user: str | None = None  # root runs PostgreSQL as pg_user; anyone else as themselves
    base = cluster_dir() / "pg"
    data, sock = base / "data", base / "run"
    port = ports()["postgres"]
    if os.geteuid() == 0:
        user = pg_user
        pw = pwd.getpwnam(user)
        base.mkdir(exist_ok=True, mode=0o700)
        os.chown(base, pw.pw_uid, pw.pw_gid)
        _make_traversable(base, user)
    else:
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
            as_user: dict[str, Any] = {"user": user, "group": user, "extra_groups": []} if user else {}
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
                **as_user,
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
    import psycopg2  # lazy: the distributed extra (not installed with the local profile)

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
