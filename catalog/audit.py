"""The accountability log: every access to conditional data and every publication decision.

Entries live in the catalog table ``audit_log`` (seq, ts, actor, action, subject, detail_json,
prev_hash, hash). Each entry is MACed with the **audit key** and commits to the one before it::

    hash = HMAC-SHA256(audit key, prev_hash + canonical_json({seq, ts, actor, action, subject, detail}))

with ``prev_hash`` of the first entry = 64 zeros. The audit key lives with the platform's other
secrets in the key store (``PUBDATA_KEYS_DIR/platform/audit.key``), never in the catalog: someone
who can write the catalog can delete or edit entries but cannot recompute their MACs. The head
(last seq and hash, MACed) is kept in ``meta``; and **signed checkpoints** of the head (seq, hash,
count, time; Ed25519, the signing key also in the key store) are appended to a file outside the
catalog (``PUBDATA_AUDIT_CHECKPOINTS``; in the distributed profile also objects
``audit/checkpoints/`` in the bucket) every ``PUBDATA_AUDIT_CHECKPOINT_EVERY`` entries, at the end of
each ``pubdata run``, at portal shutdown and by ``pubdata audit checkpoint``. So cutting the tail,
emptying the log or rewriting it is detected against the latest checkpoint.

:func:`verify_report` names exactly which entries are missing (gaps, a cut tail, an emptied log)
and which are altered (MAC mismatch: edited, renumbered, reordered).

A log written before the audit key existed (a plain SHA-256 chain) still verifies with that chain;
at its first keyed use (the next append, or ``pubdata audit checkpoint``) it is checked once and
re-chained with the key from the genesis, the ``meta`` row ``audit_keyed`` records the migration
(how many entries, their old head, whether their old chain was intact) and the first checkpoint,
written at once, carries the same record, signed.

Details must never hold a secret (token secrets, data values): callers pass ids and purposes.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from catalog.store import connect, rows_as_dicts
from core.sql import scalar

__all__ = [
    "GENESIS",
    "Report",
    "append",
    "checkpoint",
    "checkpoints",
    "count",
    "entries",
    "entry_hash",
    "entry_mac",
    "verify",
    "verify_report",
]

GENESIS = "0" * 64
# appends of one process are serialised (DuckDB allows one writer process); re-entrant: an append's
# connection first applies the thread's queued catalog writes (catalog.store.deferred_writes),
# which may hold appends of their own
_LOCK = threading.RLock()
_KEYS: dict[str, tuple[bytes, Any]] = {}
_LAST_CHECKPOINT: dict[str, int] = {}
_COLUMNS = "seq, ts, actor, action, subject, detail_json, prev_hash, hash"


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _body(seq: int, ts: str, actor: str, action: str, subject: str | None, detail: Any) -> str:
    return canonical({"seq": seq, "ts": ts, "actor": actor, "action": action, "subject": subject, "detail": detail})


def entry_hash(prev_hash: str, seq: int, ts: str, actor: str, action: str, subject: str | None, detail: Any) -> str:
    """The unkeyed chain of logs written before the audit key (verification of old catalogs)."""
    return hashlib.sha256((prev_hash + _body(seq, ts, actor, action, subject, detail)).encode("utf-8")).hexdigest()


def entry_mac(
    key: bytes, prev_hash: str, seq: int, ts: str, actor: str, action: str, subject: str | None, detail: Any
) -> str:
    body = _body(seq, ts, actor, action, subject, detail)
    return hmac.new(key, (prev_hash + body).encode("utf-8"), hashlib.sha256).hexdigest()


def _head_mac(key: bytes, seq: int, h: str) -> str:
    return hmac.new(key, f"pubdata/audit/head/v1|{seq}|{h}".encode(), hashlib.sha256).hexdigest()


def _keys() -> tuple[bytes, Any]:
    """(MAC key, Ed25519 signing key) from the key store (cached per key folder)."""
    from core.settings import path_setting

    root = str(path_setting("PUBDATA_KEYS_DIR"))
    if root not in _KEYS:
        from privacy.keys import KeyStore

        ks = KeyStore()
        _KEYS[root] = (ks.audit_key(), ks.audit_signing_key())
    return _KEYS[root]


def _public_hex() -> str:
    from cryptography.hazmat.primitives import serialization

    return _keys()[1].public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


# ---- appending ---------------------------------------------------------------------------------


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
    Pass ``con`` to append inside the caller's open read-write connection/transaction (a
    checkpoint then waits for a later append: it must only ever name committed entries).
    """
    detail = json.loads(canonical(detail or {}))  # what is MACed is exactly what is stored
    with _LOCK:
        if con is not None:
            entry, migrated = _append(con, actor, action, subject, detail)
        else:
            for attempt in range(20):
                try:
                    with connect() as c:
                        c.execute("BEGIN")
                        entry, migrated = _append(c, actor, action, subject, detail)
                        c.execute("COMMIT")
                    break
                except (duckdb.TransactionException, duckdb.ConstraintException):
                    time.sleep(0.01 * (attempt + 1))
            else:
                raise RuntimeError("audit log append kept conflicting")
    if con is None:
        _checkpoint_if_due(entry["seq"], force=migrated is not None, migrated=migrated)
    return entry


def _marker(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'audit_keyed'").fetchone()
    return json.loads(row[0]) if row else None


def _set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    # delete + insert rather than INSERT OR REPLACE: the DuckLake catalog (distributed profile) has no keys
    con.execute("DELETE FROM meta WHERE key = ?", [key])
    con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])


def _ensure_keyed(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """Re-chain an unkeyed (older) log with the audit key, once. Returns the migration record
    when this call migrated, else None."""
    if _marker(con) is not None:
        return None
    key = _keys()[0]
    rows = con.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq").fetchall()
    intact, first_bad = _legacy_chain(rows, _head_value(con))
    prev = GENESIS
    for seq, ts, actor, action, subject, detail_json, _old_prev, _old in rows:
        try:
            detail = json.loads(detail_json)
        except (TypeError, ValueError):
            detail = detail_json
        h = entry_mac(key, prev, seq, ts, actor, action, subject, detail)
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, h, seq])
        prev = h
    record = {
        "v": 1,
        "keyed_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "legacy_entries": len(rows),
        "legacy_head": rows[-1][7] if rows else GENESIS,
        "legacy_intact": intact,
        "legacy_first_bad": first_bad,
    }
    _set_meta(con, "audit_keyed", canonical(record))
    if rows:
        _set_meta(con, "audit_head", f"{rows[-1][0]}:{prev}:{_head_mac(key, rows[-1][0], prev)}")
    return record


def _append(
    con: duckdb.DuckDBPyConnection, actor: str, action: str, subject: str | None, detail: Any
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    migrated = _ensure_keyed(con)
    key = _keys()[0]
    last = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    ts = _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")
    h = entry_mac(key, prev, seq, ts, actor, action, subject, detail)
    con.execute(
        f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, ts, actor, action, subject, canonical(detail), prev, h],
    )
    _set_meta(con, "audit_head", f"{seq}:{h}:{_head_mac(key, seq, h)}")
    entry = {
        "seq": seq,
        "ts": ts,
        "actor": actor,
        "action": action,
        "subject": subject,
        "detail": detail,
        "prev_hash": prev,
        "hash": h,
    }
    return entry, migrated


def _head_value(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    return row[0] if row else None


def count() -> int:
    """Number of entries in the log."""
    with connect(read_only=True) as con:
        return int(scalar(con, "SELECT count(*) FROM audit_log"))


# ---- checkpoints -------------------------------------------------------------------------------


def _checkpoint_file() -> Path:
    from core.settings import path_setting

    return path_setting("PUBDATA_AUDIT_CHECKPOINTS")


def _signed(doc: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
    return {**doc, "public_key": _public_hex(), "signature": _keys()[1].sign(body).hex()}


def _signature_ok(doc: dict[str, Any], public_hex: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body = {k: v for k, v in doc.items() if k not in ("signature", "public_key")}
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(str(doc.get("signature", ""))),
            json.dumps(body, sort_keys=True, separators=(",", ":")).encode(),
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return doc.get("public_key") == public_hex


def checkpoint(*, reason: str = "manual", migrated: dict[str, Any] | None = None) -> dict[str, Any]:
    """Sign the log's current head and append it to the checkpoint file (and, in the distributed
    profile, write it as an object). An unkeyed log is re-chained with the key first."""
    from core.locks import file_lock
    from warehouse.storage import is_distributed, lake_path

    with _LOCK, connect() as con:
        con.execute("BEGIN")
        migrated = _ensure_keyed(con) or migrated
        last = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        n = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]  # type: ignore[index]
        keyed = _marker(con)
        con.execute("COMMIT")
    seq, h = (int(last[0]), last[1]) if last else (0, GENESIS)
    doc: dict[str, Any] = {
        "v": 1,
        "seq": seq,
        "hash": h,
        "count": int(n),
        "time": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "reason": reason[:60],
    }
    if migrated:
        doc["migrated"] = migrated
    doc["keyed"] = keyed  # when the log was sealed with the key (and what it held before), signed
    signed = _signed(doc)
    path = _checkpoint_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    line = (json.dumps(signed, sort_keys=True) + "\n").encode()
    with file_lock(path.with_name(path.name + ".lock"), mode=0o600):
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
    if is_distributed():
        lake_path(f"audit/checkpoints/{seq:012d}-{doc['time'].replace(':', '')}.json").write_text(line.decode())
    _LAST_CHECKPOINT[str(path)] = max(seq, _LAST_CHECKPOINT.get(str(path), 0))
    return signed


def _last_checkpoint_seq() -> int:
    path = str(_checkpoint_file())
    if path not in _LAST_CHECKPOINT:
        _LAST_CHECKPOINT[path] = max((c["seq"] for c in checkpoints() if c["valid"]), default=-1)
    return _LAST_CHECKPOINT[path]


def _checkpoint_if_due(seq: int, *, force: bool = False, migrated: dict[str, Any] | None = None) -> None:
    from core.settings import int_setting

    every = max(1, int_setting("PUBDATA_AUDIT_CHECKPOINT_EVERY"))
    last = _last_checkpoint_seq()
    if force or last < 0 or seq - last >= every:
        checkpoint(reason="migration" if migrated else ("first" if last < 0 else "periodic"), migrated=migrated)


def checkpoints() -> list[dict[str, Any]]:
    """Every checkpoint (file lines, and objects in the distributed profile), oldest first, each
    with ``valid`` (signed by this platform's audit signing key) and ``where``."""
    from warehouse.storage import LakePath, is_distributed

    public = _public_hex()
    found: list[tuple[str, str]] = []
    path = _checkpoint_file()
    if path.exists():
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                found.append((f"{path.name} line {i}", line))
    if is_distributed():
        folder = LakePath("audit/checkpoints")  # the distributed profile's object store
        for obj in sorted(folder.glob("*.json"), key=lambda p: p.name):
            found.append((f"object {obj.name}", obj.read_text()))
    out = []
    for where, text in found:
        try:
            doc = json.loads(text)
            ok = isinstance(doc, dict) and isinstance(doc.get("seq"), int) and _signature_ok(doc, public)
        except ValueError:
            doc, ok = {}, False
        out.append({**(doc if isinstance(doc, dict) else {}), "valid": ok, "where": where})
    return out


# ---- verifying ---------------------------------------------------------------------------------


@dataclass
class Report:
    """What :func:`verify_report` found."""

    entries: int
    keyed: bool
    missing: list[int] = field(default_factory=list)
    altered: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checkpoint: dict[str, Any] | None = None
    migration: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return not (self.missing or self.altered or self.problems)

    @property
    def first_bad(self) -> int | None:
        bad = self.missing + self.altered
        return min(bad) if bad else None


def _legacy_chain(rows: list[tuple], head: str | None) -> tuple[bool, int | None]:
    """The plain SHA-256 chain of a log written before the audit key: (intact, first bad seq)."""
    prev, expected = GENESIS, 1
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
        head_seq, _, rest = head.partition(":")
        head_hash = rest.split(":")[0]
        if int(head_seq) != expected - 1 or head_hash != prev:
            return False, min(expected, int(head_seq))
    elif rows:
        return False, 1
    return True, None


def verify_report() -> Report:
    """Check every entry's MAC and link, the MACed head and the latest signed checkpoint."""
    with connect(read_only=True) as con:
        rows = con.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq").fetchall()
        head = _head_value(con)
        marker = _marker(con)
    cps = checkpoints()
    valid = [c for c in cps if c["valid"]]
    report = Report(entries=len(rows), keyed=marker is not None or bool(valid), migration=marker)
    for c in cps:
        if not c["valid"]:
            report.problems.append(
                f"checkpoint {c['where']}: signature does not verify with this platform's audit key (forged or edited)"
            )
    if not report.keyed:  # an older catalog, not yet sealed with the key
        intact, bad = _legacy_chain(rows, head)
        if not intact and bad is not None:
            report.altered.append(bad)
        return report
    key = _keys()[0]
    latest = max(valid, key=lambda c: c["seq"]) if valid else None
    report.checkpoint = latest
    present: dict[int, tuple] = {r[0]: r for r in rows}
    good: set[int] = set()
    for seq, ts, actor, action, subject, detail_json, prev_hash, h in rows:
        try:
            detail = json.loads(detail_json)
        except (TypeError, ValueError):
            report.altered.append(seq)
            continue
        if not hmac.compare_digest(entry_mac(key, prev_hash, seq, ts, actor, action, subject, detail), h):
            report.altered.append(seq)
            continue
        good.add(seq)
    for seq in sorted(good):  # authentic entries whose link to an authentic predecessor is broken
        before = present.get(seq - 1)
        if (seq == 1 and present[seq][6] != GENESIS) or (
            seq - 1 in good and before is not None and present[seq][6] != before[7]
        ):
            report.altered.append(seq)
    target = max(present, default=0)
    if head is not None:
        parts = head.split(":")
        if (
            len(parts) == 3
            and parts[0].isdigit()
            and hmac.compare_digest(_head_mac(key, int(parts[0]), parts[1]), parts[2])
        ):
            target = max(target, int(parts[0]))
            if int(parts[0]) in good and present[int(parts[0])][7] != parts[1]:
                report.altered.append(int(parts[0]))
        else:
            report.problems.append("the head anchor in the catalog was altered")
    elif rows:
        report.problems.append("the head anchor in the catalog is missing")
    if latest is not None:
        target = max(target, latest["seq"])
    # every signed checkpoint must agree with the entry it names (not only the latest one)
    contradicted = [c for c in valid if c["seq"] in good and present[c["seq"]][7] != c["hash"]]
    for c in contradicted:
        report.altered.append(c["seq"])
    if contradicted:
        c = contradicted[0]
        # the entry's MAC verifies, so whoever wrote it had the audit key: either the key leaked,
        # or the checkpoint is another catalog's that shares the keys directory
        report.problems.append(
            f"{len(contradicted)} signed checkpoint(s) name an entry with another head (first: {c['where']}, "
            f"entry {c['seq']}): the entry was rewritten with the audit key, or the checkpoint file is shared "
            "with another catalog (PUBDATA_AUDIT_CHECKPOINTS must be one file per catalog)"
        )
    report.missing = [s for s in range(1, target + 1) if s not in present]
    report.altered = sorted(set(report.altered))
    return report


def verify() -> tuple[bool, int | None]:
    """``(True, None)`` when intact, else ``(False, first_bad_seq)`` (see :func:`verify_report`)."""
    report = verify_report()
    if report.ok:
        return True, None
    return False, report.first_bad or (report.entries + 1)


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
