"""The accountability log: every access to conditional data and every publication decision.

Entries live in the catalog table ``audit_log`` (seq, ts, actor, action, subject, detail_json,
prev_hash, hash). Each entry commits to the one before it::

    hash = sha256(prev_hash + canonical_json({seq, ts, actor, action, subject, detail}))

with ``prev_hash`` of the first entry = 64 zeros. Editing, deleting or reordering entries breaks
the chain, and :func:`verify` names the first bad ``seq``. The head (last seq and hash) is also
kept in ``meta`` so that cutting entries off the end is detected too.

Details must never hold a secret (token secrets, data values): callers pass ids and purposes.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import threading
import time
from typing import Any

import duckdb

from catalog.store import connect, rows_as_dicts
from core.sql import scalar

__all__ = ["GENESIS", "append", "entries", "entry_hash", "verify"]

GENESIS = "0" * 64
_LOCK = threading.Lock()  # appends of one process are serialised (DuckDB allows one writer process)


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(prev_hash: str, seq: int, ts: str, actor: str, action: str, subject: str | None, detail: Any) -> str:
    body = canonical({"seq": seq, "ts": ts, "actor": actor, "action": action, "subject": subject, "detail": detail})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def append(
    actor: str,
    action: str,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> dict[str, Any]:
    """Append one entry; returns it (with ``seq`` and ``hash``).

    ``actor`` is who acted (``officer:NAME``, ``token:ID``, ``pipeline``), ``action`` a dotted verb
    (``access.conditional``, ``publish.version``, ``token.issue`` ...), ``subject`` what it was done to
    (``department.dataset``), ``detail`` a JSON-able dict of ids and reasons — never a secret.
    Pass ``con`` to append inside the caller's open read-write connection/transaction.
    """
    detail = json.loads(canonical(detail or {}))  # what is hashed is exactly what is stored
    with _LOCK:
        if con is not None:
            return _append(con, actor, action, subject, detail)
        for attempt in range(20):
            try:
                with connect() as c:
                    c.execute("BEGIN")
                    entry = _append(c, actor, action, subject, detail)
                    c.execute("COMMIT")
                    return entry
            except (duckdb.TransactionException, duckdb.ConstraintException):
                time.sleep(0.01 * (attempt + 1))
        raise RuntimeError("audit log append kept conflicting")


def _append(
    con: duckdb.DuckDBPyConnection, actor: str, action: str, subject: str | None, detail: Any
) -> dict[str, Any]:
    last = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    ts = _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")
    h = entry_hash(prev, seq, ts, actor, action, subject, detail)
    con.execute(
        "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, ts, actor, action, subject, canonical(detail), prev, h],
    )
    # delete + insert rather than INSERT OR REPLACE: the DuckLake catalog (distributed profile) has no keys
    con.execute("DELETE FROM meta WHERE key = 'audit_head'")
    con.execute("INSERT INTO meta VALUES ('audit_head', ?)", [f"{seq}:{h}"])
    return {
        "seq": seq,
        "ts": ts,
        "actor": actor,
        "action": action,
        "subject": subject,
        "detail": detail,
        "prev_hash": prev,
        "hash": h,
    }


def count() -> int:
    """Number of entries in the log."""
    with connect(read_only=True) as con:
        return int(scalar(con, "SELECT count(*) FROM audit_log"))


def verify() -> tuple[bool, int | None]:
    """Walk the chain. ``(True, None)`` when intact, else ``(False, first_bad_seq)``.

    A bad seq is the first position where an entry is missing (gap or reordering), was edited
    (hash mismatch), or no longer links to its predecessor; a truncated tail reports the seq after
    the last entry left.
    """
    with connect(read_only=True) as con:
        rows = con.execute(
            "SELECT seq, ts, actor, action, subject, detail_json, prev_hash, hash FROM audit_log ORDER BY seq"
        ).fetchall()
        head = con.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    prev = GENESIS
    expected = 1
    for seq, ts, actor, action, subject, detail_json, prev_hash, h in rows:
        if seq != expected or prev_hash != prev:
            return False, expected
        try:
            detail = json.loads(detail_json)
        except (TypeError, ValueError):
            return False, seq
        if entry_hash(prev, seq, ts, actor, action, subject, detail) != h:
            return False, seq
        prev = h
        expected += 1
    if head is not None:
        head_seq, _, head_hash = head[0].partition(":")
        if int(head_seq) != expected - 1 or head_hash != prev:
            return False, min(expected, int(head_seq))
    elif rows:
        return False, 1
    return True, None


def entries(
    *, limit: int = 100, before: int | None = None, action: str | None = None, subject: str | None = None
) -> list[dict[str, Any]]:
    """The newest entries first (for the officers' page and ``pubdata audit show``)."""
    where: list[str] = ["1 = 1"]
    params: list[object] = []
    if before is not None:
        where.append("seq < ?")
        params.append(before)
    if action:
        where.append("starts_with(action, ?)")
        params.append(action)
    if subject:
        where.append("subject = ?")
        params.append(subject)
    params.append(max(1, min(int(limit), 1000)))
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute(f"SELECT * FROM audit_log WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ?", params)
        )
    for r in rows:
        r["detail"] = json.loads(r.pop("detail_json") or "{}")
    return rows
