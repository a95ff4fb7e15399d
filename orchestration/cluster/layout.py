"""Where the loopback cluster keeps its state: ``$PUBDATA_HOME/cluster/`` (env file, pid files, logs)."""

from __future__ import annotations

import sys
from pathlib import Path

from core import home

__all__ = ["SERVICE_ORDER", "VENV_BIN", "cluster_dir", "env_file"]


VENV_BIN = Path(sys.executable).parent


SERVICE_ORDER = ("postgres", "redis", "seaweedfs", "demo-http", "api-server", "scheduler", "dag-processor")


def cluster_dir() -> Path:
    d = home() / "cluster"
    d.mkdir(parents=True, exist_ok=True)
    return d


def env_file() -> Path:
    return cluster_dir() / "env"


def _run_dir(base: Path | None = None) -> Path:
    """Pid files of the services kept under ``base`` (default: the cluster's folder)."""
    d = (base or cluster_dir()) / "run"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _log_dir(base: Path | None = None) -> Path:
    d = (base or cluster_dir()) / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _say(msg: str, base: Path | None = None) -> None:
    print(f"{base.name if base else 'cluster'}: {msg}", flush=True)
