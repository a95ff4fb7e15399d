"""The cluster's settings and secrets: generated once, kept only in the 0600 env file."""

from __future__ import annotations

import os
import secrets
import shlex
from pathlib import Path

from core import ConfigError, home
from core.settings import REPO_ROOT, get_setting, int_setting
from orchestration.cluster.layout import VENV_BIN, env_file

__all__ = ["apply_env", "build_env", "cluster_env", "ports", "read_env_file", "write_env_file"]


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
