"""Datasette for ``bench/portal.py``: its own virtualenv from a committed lock, and the same table in SQLite.

Datasette is the benchmark's peer, never a runtime dependency: it is installed from
``bench/tools/requirements-datasette.lock`` into ``.pubdata/tools/datasette-<lock digest>/`` with
uv on first use (the package registry must be reachable once; afterwards it works offline).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pyarrow.parquet as pq

from bench._tools import ToolUnavailable, tool_venv

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "bench" / "tools" / "requirements-datasette.lock"


class Unavailable(Exception):
    """Datasette cannot be installed here (the reason is the message)."""


def executable() -> Path:
    """The ``datasette`` command of the benchmark's own virtualenv (built when missing)."""
    try:
        return tool_venv("datasette", LOCK) / "bin" / "datasette"
    except ToolUnavailable as exc:
        raise Unavailable(str(exc)) from None


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
