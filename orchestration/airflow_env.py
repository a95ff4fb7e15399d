"""Point Airflow at PUBDATA_HOME before anything imports it.

Airflow reads its configuration when first imported and writes files under ``AIRFLOW_HOME``;
this module must run first. The static configuration is the repo's ``airflow.cfg``; paths that
depend on ``PUBDATA_HOME`` are given as ``AIRFLOW__*`` variables (which win over the file).
"""

from __future__ import annotations

import logging
import os

from core.settings import REPO_ROOT, home


def configure() -> None:
    h = home()
    af = h / "airflow"
    (af / "logs").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("AIRFLOW_HOME", str(af))
    os.environ.setdefault("AIRFLOW_CONFIG", str(REPO_ROOT / "airflow.cfg"))
    os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(REPO_ROOT / "dags"))
    os.environ.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{af / 'airflow.db'}")
    os.environ.setdefault("AIRFLOW__LOGGING__BASE_LOG_FOLDER", str(af / "logs"))
    os.environ.setdefault("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_STORAGE_PATH", str(af / "dag_bundles"))
    os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
    os.environ.setdefault("PYTHONPATH", str(REPO_ROOT))
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
