"""Datasette for ``bench/portal.py``: its own virtualenv from a committed lock, and the same table in SQLite.

Datasette is the benchmark's peer, never a runtime dependency: it is installed from
``bench/tools/requirements-datasette.lock`` into ``.pubdata/tools/datasette-<lock digest>/`` with
uv on first use (the package registry must be reachable once; afterwards it works offline).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "bench" / "tools" / "requirements-datasette.lock"


class Unavailable(Exception):
    """Datasette cannot be installed here (the reason is the message)."""


def executable() -> Path:
    """The ``datasette`` command of the benchmark's own virtualenv (built when missing)."""
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:12]
    venv = REPO / ".pubdata" / "tools" / f"datasette-{digest}"
    exe = venv / "bin" / "datasette"
    if (venv / ".complete").is_file():
        return exe
    uv = Path(sys.executable).with_name("uv")
    if not uv.is_file():
        uv = Path(shutil.which("uv") or "uv")
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    for cmd in (
        [str(uv), "venv", "-q", "--python", sys.executable, str(venv)],
        [str(uv), "pip", "sync", "-q", "--python", str(venv / "bin" / "python"), str(LOCK)],
    ):
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise Unavailable(f"{' '.join(cmd[:3])} failed: {done.stderr.strip()[-300:]}")
    (venv / ".complete").write_text(digest)
    return exe


def build_sqlite(parquet: Path, table: str, index_on: str, datasets: list[dict[str, str]], db: Path) -> None:
    """``table`` copied from ``parquet`` (indexed on ``index_on``), and ``datasets`` (name, title,
    description) with an FTS5 trigram index, as Datasette finds it (``datasets_fts``, content table)."""
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    pf = pq.ParquetFile(parquet)
    names = pf.schema_arrow.names
    con.execute(f"CREATE TABLE {table} ({', '.join(f'[{n}]' for n in names)})")
    insert = f"INSERT INTO {table} VALUES ({', '.join('?' * len(names))})"
    for batch in pf.iter_batches(batch_size=100_000):
        cols = [c.to_pylist() for c in batch.columns]
        con.executemany(insert, zip(*cols))
    con.execute(f"CREATE INDEX {table}_{index_on} ON {table} ([{index_on}])")
    con.execute("CREATE TABLE datasets (name TEXT PRIMARY KEY, title TEXT, description TEXT)")
    con.executemany("INSERT INTO datasets VALUES (:name, :title, :description)", datasets)
    con.execute(
        "CREATE VIRTUAL TABLE datasets_fts USING fts5(title, description, content='datasets', "
        "content_rowid='rowid', tokenize='trigram')"
    )
    con.execute("INSERT INTO datasets_fts (rowid, title, description) SELECT rowid, title, description FROM datasets")
    con.commit()
    con.close()


def serve(exe: Path, db: Path, port: int) -> subprocess.Popen[bytes]:
    """Datasette on 127.0.0.1:``port``: the database immutable, CSV export without a size cap, no
    facet suggestions (each would scan the table on every page: the setting its docs give for large
    tables); otherwise its defaults."""
    return subprocess.Popen(
        [
            str(exe),
            "serve",
            "-i",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--setting",
            "max_csv_mb",
            "0",
            "--setting",
            "suggest_facets",
            "off",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
