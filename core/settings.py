"""Every setting of the platform, declared once: name, default, help.

Settings come from the environment (``PUBDATA_*``). The README's settings table is checked
against this list by a test, so a setting cannot be added without being documented.
Secrets are never settings values: settings only name *where* secrets live.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from core._errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    #: a secret's value never appears in a message (:func:`core.secrets.redact`)
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "PUBDATA_HOME",
        ".pubdata",
        "Folder holding all runtime state: Airflow DB and logs, "
        "lake, catalog.duckdb, reports, keys. Relative paths are taken from the repo root.",
    ),
    Setting("PUBDATA_DEPARTMENTS", "departments", "Folder of department manifests (*.yaml)."),
    Setting(
        "PUBDATA_SOURCE_ROOTS",
        "{home}/sources",
        "Folders local file sources may be read from "
        "(separated by ':'); relative source paths resolve against the first.",
    ),
    Setting(
        "PUBDATA_HTTP_ALLOW_PRIVATE",
        "127.0.0.1,localhost",
        "Hosts on private, loopback or link-local addresses that HTTP sources may still reach (comma-separated).",
    ),
    Setting("PUBDATA_HTTP_TIMEOUT", "30", "Seconds before an HTTP source is given up (then retried)."),
    Setting("PUBDATA_MAX_SOURCE_BYTES", "2147483648", "Largest source download accepted, in bytes."),
    Setting(
        "PUBDATA_HARVEST_MAX_BYTES",
        "67108864",
        "Largest reply accepted from another portal's catalog API or DCAT page during a harvest, in bytes "
        "(harvested data files are capped by PUBDATA_MAX_SOURCE_BYTES).",
    ),
    Setting("PUBDATA_WEBHOOK_TIMEOUT", "5", "Seconds a webhook receiver has to answer one delivery attempt."),
    Setting(
        "PUBDATA_WEBHOOK_RETRIES",
        "2",
        "Further attempts after a failed webhook delivery (back-off 0.5 s, 1 s, ...); every attempt is recorded.",
    ),
    Setting(
        "PUBDATA_USAGE_FLUSH_SECONDS",
        "30",
        "Usage records (download counts included) are buffered in the portal's memory and written to the catalog "
        "in one batch at most this many seconds apart (and when the portal stops).",
    ),
    Setting("PUBDATA_SAMPLE_SIZE", "1000", "Non-null values sampled per column by the classifier."),
    Setting("PUBDATA_POLICY", "policy/negative_list.yaml", "The negative-list policy file."),
    Setting(
        "PUBDATA_HOLIDAYS",
        "policy/holidays_cn.yaml",
        "Public holidays and make-up working days (per year, with the State Council notice cited), for working-day deadlines.",
    ),
    Setting(
        "PUBDATA_DEMAND_DEADLINE_DAYS",
        "10",
        "Working days a department has to answer a data demand (供需对接) before it counts as overdue.",
    ),
    Setting(
        "PUBDATA_KEYS_DIR",
        "{home}/keys",
        "Folder of platform secrets and department key pairs (0600 files; never inside the repo).",
    ),
    Setting(
        "PUBDATA_DEMO_SOURCE_PORT",
        "8765",
        "Port of the local HTTP server on 127.0.0.1 that plays the demo departments' HTTP source "
        "(during `pubdata run`, `make demo` and for as long as `make airflow` runs).",
    ),
    Setting(
        "PUBDATA_AIRFLOW_STANDALONE_PORTS",
        "8080,8793,8794",
        "`make airflow` (`airflow standalone`): ports of Airflow's API server and UI on 127.0.0.1, "
        "then of its worker and triggerer log servers (Airflow binds those two on all interfaces).",
    ),
    Setting(
        "PUBDATA_RETRIES",
        "2",
        "Airflow retries of a task after a transient failure (source down, timeout). Data errors fail at once.",
    ),
    Setting("PUBDATA_RETRY_DELAY", "30", "Seconds before the first retry; doubles each time (back-off)."),
    Setting(
        "PUBDATA_BATCH_SIZE",
        "25",
        "Most small datasets of a department run together in one batch (one Airflow task per stage for "
        "all of them; each dataset still fails, keeps its last publication and is reported on its own); "
        "1 turns batching off.",
    ),
    Setting(
        "PUBDATA_BATCH_MIN",
        "3",
        "Fewest small datasets a department needs before they are batched (fewer keep their own tasks).",
    ),
    Setting(
        "PUBDATA_BATCH_MAX_BYTES",
        "8388608",
        "Largest local source file (bytes, all files of a glob) that counts as small for a batch; larger "
        "ones, and HTTP, SQL and harvest sources, always get their own tasks.",
    ),
    Setting(
        "PUBDATA_EMBEDDED_API_VERSIONS",
        "current",
        "`pubdata run` (`dag.test()`): `current` builds Airflow's in-process execution API for the one "
        "API version its task runner speaks (start-up ~7 s of CPU less); `all` builds every version "
        "Airflow serves to older workers, as Airflow does.",
    ),
    Setting(
        "PUBDATA_PORTAL_URL",
        "http://127.0.0.1:8000",
        "Public base URL of the portal, used in download links and API documents.",
    ),
    Setting(
        "PUBDATA_PROFILE",
        "local",
        "Deployment profile: `local` (embedded: SQLite for Airflow, local files, "
        "one DuckDB file) or `distributed` (CeleryExecutor + Redis + PostgreSQL, S3 object store, DuckLake "
        'catalog); see "Distributed profile".',
    ),
    Setting(
        "PUBDATA_LAKE_ENDPOINT",
        "http://127.0.0.1:8333",
        "Distributed profile: the S3-compatible object store's endpoint (scheme, host, port).",
    ),
    Setting(
        "PUBDATA_LAKE_BUCKET",
        "pubdata",
        "Distributed profile: bucket holding the lake, the published versions and the DuckLake data files.",
    ),
    Setting(
        "PUBDATA_LAKE_REGION", "us-east-1", "Distributed profile: the object store's region (any value for SeaweedFS)."
    ),
    Setting(
        "PUBDATA_LAKE_KEY_ID",
        "",
        "Distributed profile: S3 access key id. A secret: from the environment "
        "(or `$PUBDATA_HOME/cluster/env`), never from the repo; masked in every message.",
        secret=True,
    ),
    Setting(
        "PUBDATA_LAKE_SECRET",
        "",
        "Distributed profile: S3 secret key. A secret: from the environment "
        "(or `$PUBDATA_HOME/cluster/env`), never from the repo; masked in every message.",
        secret=True,
    ),
    Setting(
        "PUBDATA_CATALOG_PG",
        "host=127.0.0.1 port=54329 dbname=pubdata_catalog user=pubdata",
        "Distributed profile: libpq DSN (without password) of the PostgreSQL database holding the DuckLake "
        "catalog's metadata.",
    ),
    Setting(
        "PUBDATA_PG_PASSWORD",
        "",
        "Distributed profile: password of the PostgreSQL user (catalog and "
        "Airflow metadata). A secret: from the environment (or `$PUBDATA_HOME/cluster/env`), never from the repo.",
        secret=True,
    ),
    Setting(
        "PUBDATA_REDIS_PASSWORD",
        "",
        "Distributed profile: password of the Redis broker. A secret: from the "
        "environment (or `$PUBDATA_HOME/cluster/env`), never from the repo.",
        secret=True,
    ),
    Setting(
        "PUBDATA_PG_PORT",
        "54329",
        "Distributed profile: port of the private PostgreSQL cluster `make cluster-up` starts on 127.0.0.1.",
    ),
    Setting("PUBDATA_REDIS_PORT", "63799", "Distributed profile: port of the Redis Celery broker on 127.0.0.1."),
    Setting(
        "PUBDATA_SEAWEEDFS_PORTS",
        "8333,9334,9335,9336",
        "Distributed profile: SeaweedFS ports on 127.0.0.1 (S3, master, volume, filer; each gRPC port is +10000).",
    ),
    Setting(
        "PUBDATA_AIRFLOW_PORT",
        "8085",
        "Distributed profile: port of the Airflow API server (UI and "
        "execution API the Celery workers talk to) on 127.0.0.1.",
    ),
    Setting(
        "PUBDATA_WORKERS",
        "2",
        "Distributed profile: number of Celery worker processes `make cluster-up` starts (each its own process group).",
    ),
    Setting("PUBDATA_WORKER_CONCURRENCY", "2", "Distributed profile: task slots per Celery worker."),
    Setting(
        "PUBDATA_ALLOWED_HOSTS",
        "127.0.0.1,localhost,::1",
        "Host names the portal answers to (comma-separated; the host of `PUBDATA_PORTAL_URL`, when set, is "
        "allowed too). A request with any other `Host` header gets 400; links are never built from it.",
    ),
    Setting(
        "PUBDATA_TRUSTED_PROXIES",
        "",
        "Addresses of reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` headers the portal "
        "believes (comma-separated IPs or networks). Empty: forwarded headers are ignored and a client is "
        "the address that connected (quotas and refusal limits count per client).",
    ),
    Setting(
        "PUBDATA_MAX_BODY_BYTES",
        "1048576",
        "Largest request body the portal reads, in bytes (checked against `Content-Length`, then while "
        "reading); larger gets 413.",
    ),
    Setting(
        "PUBDATA_MAX_HEADER_BYTES",
        "16384",
        "Largest request head (request line and headers) the portal reads, in bytes; larger closes the connection.",
    ),
    Setting(
        "PUBDATA_HEADER_TIMEOUT",
        "10",
        "Seconds a client has to send a complete request head (from connecting, or from the first byte of its "
        "next request on a kept-alive connection) before the portal closes the connection.",
    ),
    Setting(
        "PUBDATA_BODY_TIMEOUT",
        "30",
        "Seconds a client has to send a whole request body before the portal answers 408 and closes.",
    ),
    Setting("PUBDATA_KEEP_ALIVE_TIMEOUT", "5", "Seconds an idle keep-alive connection to the portal stays open."),
    Setting(
        "PUBDATA_PORTAL_WORKERS",
        "1",
        "Processes `pubdata serve` runs on one listening socket (uvicorn workers); quotas are counted across them "
        "(`$PUBDATA_HOME/run/quota.sqlite`). About one per core the portal may use.",
    ),
    Setting(
        "PUBDATA_MAX_JSON_DEPTH",
        "32",
        "Deepest nesting of arrays and objects accepted in a request's JSON (bodies, `filters`, `q`); deeper "
        "gets a 400 (CKAN envelope on the Action API).",
    ),
    Setting(
        "PUBDATA_APPLY_LIMIT",
        "5/3600",
        "Applications for conditional data per token (the applicant department's, or an officer's): "
        "`BURST/SECONDS` -- at most BURST at once, refilled at BURST per SECONDS; beyond it 429.",
    ),
    Setting(
        "PUBDATA_AUTH_FAILURE_LIMIT",
        "30/60",
        "Refused token presentations (unknown, malformed, revoked, expired) per client address: `BURST/SECONDS`; "
        "beyond it the portal answers 429 without checking tokens. Clients are told apart by a keyed hash of "
        "the address, never the address itself.",
    ),
    Setting(
        "PUBDATA_AUDIT_CHECKPOINTS",
        "{keys}/audit-checkpoints.jsonl",
        "File of signed checkpoints of the audit log's head (seq, hash, count, time; Ed25519), kept outside "
        "the catalog (`{keys}` is `PUBDATA_KEYS_DIR`): point it at storage the officers control, one file per "
        "catalog. In the distributed profile each checkpoint is also an object `audit/checkpoints/` in the bucket.",
    ),
    Setting(
        "PUBDATA_AUDIT_CHECKPOINT_EVERY",
        "100",
        "A signed checkpoint of the audit log is written after every this many entries (and at the end of "
        "each `pubdata run`, at portal shutdown and by `pubdata audit checkpoint`).",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get_setting(name: str) -> str:
    """The value of a declared setting (environment first, then default)."""
    try:
        setting = _BY_NAME[name]
    except KeyError:
        raise KeyError(f"{name} is not a declared setting; declare it in core/settings.py") from None
    value = os.environ.get(name)
    if value is None or value == "":
        value = setting.default
    if "{home}" in value:
        value = value.replace("{home}", str(home()))
    if "{keys}" in value:
        value = value.replace("{keys}", str(path_setting("PUBDATA_KEYS_DIR")))
    return value


def _resolve(value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p)


def home() -> Path:
    """The runtime-state folder (created on first use)."""
    raw = os.environ.get("PUBDATA_HOME") or _BY_NAME["PUBDATA_HOME"].default
    path = _resolved(raw, "" if os.path.isabs(os.path.expanduser(raw)) else os.getcwd())
    if not os.path.isdir(path):  # one stat: mkdir(exist_ok=True) raises and catches FileExistsError each call
        path.mkdir(parents=True, exist_ok=True)
    return path


@functools.lru_cache(maxsize=64)
def _resolved(raw: str, cwd: str) -> Path:
    """``raw`` made absolute with symlinks resolved (a walk over every component: the portal asks
    for the home several times per request). ``cwd`` is part of the key for a relative ``raw``."""
    return _resolve(raw).resolve()


def path_setting(name: str) -> Path:
    return _resolved(get_setting(name), "")


def float_setting(name: str) -> float:
    from core._errors import ConfigError

    raw = get_setting(name)
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(
            f"setting {name}={raw!r} is not a number", hint=f"set {name} to a number or unset it"
        ) from None


def list_setting(name: str) -> list[str]:
    """A comma-separated setting as a list (blanks dropped)."""
    return [p.strip() for p in get_setting(name).split(",") if p.strip()]


def int_setting(name: str) -> int:
    raw = get_setting(name)
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(
            f"setting {name}={raw!r} is not a whole number", hint=f"set {name} to an integer or unset it"
        ) from None
