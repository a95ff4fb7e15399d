"""Issue 14, finding 4: someone who can write to the catalog cannot rewrite the audit log unnoticed.

The attacker of these tests has the catalog file and knows the code (the chain formula), but not
the platform's secrets (``PUBDATA_KEYS_DIR``) nor the officer's checkpoint file. Each attack
recomputes every hash the way the code computes them in public, so a plain hash chain would
verify as intact; ``pubdata audit verify`` must exit 1 naming exactly the missing and altered
entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from catalog import audit
from catalog.store import connect

N = 6


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    monkeypatch.setenv("PUBDATA_AUDIT_CHECKPOINTS", str(tmp_path / "officer" / "audit-checkpoints.jsonl"))
    monkeypatch.setenv("PUBDATA_AUDIT_CHECKPOINT_EVERY", "1")  # a checkpoint after every entry
    return home


def _fill(n: int = N) -> None:
    for i in range(n):
        audit.append("pipeline", "publish.version", "health.hospitals", {"version": i + 1, "reason": "质量通过"})


def _verify(capsys) -> tuple[int, str]:
    from cli.main import main

    capsys.readouterr()
    code = main(["audit", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _listed(out: str, label: str) -> list[int]:
    """The seqs printed on the ``<label>: 1, 2, 5-7`` line of ``pubdata audit verify``."""
    for line in out.splitlines():
        if line.strip().startswith(label + ":"):
            seqs: list[int] = []
            for part in line.split(":", 1)[1].split(","):
                part = part.strip()
                if "-" in part:
                    a, b = part.split("-")
                    seqs += range(int(a), int(b) + 1)
                elif part:
                    seqs.append(int(part))
            return seqs
    return []


def _public_hash(prev: str, seq: int, ts: str, actor: str, action: str, subject: str | None, detail: str) -> str:
    """The chain formula as the code publishes it (what an attacker recomputes)."""
    body = json.dumps(
        {"seq": seq, "ts": ts, "actor": actor, "action": action, "subject": subject, "detail": json.loads(detail)},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()


def _rechain(con, *, start: int = 1, renumber: bool = False) -> None:
    """After an edit, recompute the links and hashes from entry ``start`` on (the entries before
    it keep theirs, as an attacker would leave them) and rewrite the head."""
    rows = con.execute(
        "SELECT seq, ts, actor, action, subject, detail_json, prev_hash, hash FROM audit_log ORDER BY seq"
    ).fetchall()
    con.execute("DELETE FROM audit_log")
    prev = "0" * 64
    seq = 0
    for i, (seq, ts, actor, action, subject, detail, old_prev, old_hash) in enumerate(rows, start=1):
        seq = i if renumber else seq
        if seq < start:
            h, link = old_hash, old_prev
        else:
            h, link = _public_hash(prev, seq, ts, actor, action, subject, detail), prev
        con.execute(
            "INSERT INTO audit_log (seq, ts, actor, action, subject, detail_json, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, ts, actor, action, subject, detail, link, h],
        )
        prev = h
    con.execute("DELETE FROM meta WHERE key LIKE 'audit%'")
    if rows:
        con.execute("INSERT INTO meta VALUES ('audit_head', ?)", [f"{seq}:{prev}"])


def test_f04_editing_an_actor_and_recomputing_the_chain_is_detected(home: Path, capsys) -> None:
    _fill()
    assert _verify(capsys)[0] == 0
    with connect() as con:
        con.execute("UPDATE audit_log SET actor = 'officer:someone-else' WHERE seq = 2")
        _rechain(con, start=2)
    code, out = _verify(capsys)
    assert code == 1, out
    assert _listed(out, "altered")[0] == 2 and not _listed(out, "missing"), out


def test_f04_deleting_entries_renumbering_and_recomputing_is_detected(home: Path, capsys) -> None:
    _fill()
    with connect() as con:
        con.execute("DELETE FROM audit_log WHERE seq IN (3, 4)")
        _rechain(con, start=3, renumber=True)
    code, out = _verify(capsys)
    assert code == 1, out
    # the survivors renumbered 3 and 4 no longer carry their MACs; 5 and 6 are gone
    assert _listed(out, "altered") == [3, 4] and _listed(out, "missing") == [5, 6], out


def test_f04_cutting_the_tail_and_fixing_the_head_is_detected(home: Path, capsys) -> None:
    _fill()
    with connect() as con:
        con.execute("DELETE FROM audit_log WHERE seq >= 5")
        _rechain(con, start=5)
    code, out = _verify(capsys)
    assert code == 1, out
    assert _listed(out, "missing") == [5, 6] and not _listed(out, "altered"), out


def test_f04_an_emptied_log_with_checkpoints_is_tampering(home: Path, capsys) -> None:
    _fill()
    with connect() as con:
        con.execute("DELETE FROM audit_log")
        _rechain(con)
    code, out = _verify(capsys)
    assert code == 1 and "intact" not in out, out
    assert _listed(out, "missing") == list(range(1, N + 1)), out


def test_f04_a_deleted_entry_is_named_without_a_recompute(home: Path, capsys) -> None:
    _fill()
    with connect() as con:
        con.execute("DELETE FROM audit_log WHERE seq = 4")
    code, out = _verify(capsys)
    assert code == 1 and _listed(out, "missing") == [4] and not _listed(out, "altered"), out


def test_audit_key_and_checkpoints_live_outside_the_catalog(home: Path, tmp_path: Path, capsys) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from cli.main import main

    _fill(3)
    capsys.readouterr()
    assert main(["audit", "checkpoint"]) == 0
    assert "seq 3" in capsys.readouterr().out
    key_file = tmp_path / "keys" / "platform" / "audit.key"
    assert key_file.is_file() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_bytes()
    catalog_bytes = (home / "catalog.duckdb").read_bytes()
    assert key not in catalog_bytes and key.hex().encode() not in catalog_bytes
    lines = (tmp_path / "officer" / "audit-checkpoints.jsonl").read_text().splitlines()
    last = json.loads(lines[-1])
    assert last["seq"] == 3 and last["count"] == 3 and last["hash"] == audit.entries(limit=1)[0]["hash"]
    public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(last["public_key"]))
    body = {k: v for k, v in last.items() if k not in ("signature", "public_key")}
    public.verify(bytes.fromhex(last["signature"]), json.dumps(body, sort_keys=True, separators=(",", ":")).encode())
    # a forged checkpoint (signed with another key) is reported, not trusted
    forged = dict(last, seq=99, count=99)
    with open(tmp_path / "officer" / "audit-checkpoints.jsonl", "a") as fh:
        fh.write(json.dumps(forged) + "\n")
    code, out = _verify(capsys)
    assert code == 1 and "checkpoint" in out and "signature" in out, out


def test_an_unkeyed_log_from_an_older_catalog_still_verifies_and_is_sealed(home: Path, capsys) -> None:
    """Catalogs written before the audit key existed: their plain chain is checked once, sealed
    with the key (a signed record of its head), and later entries are MACed."""
    with connect() as con:
        prev = "0" * 64
        for seq in range(1, 5):
            ts = f"2025-01-0{seq}T00:00:00+00:00"
            detail = json.dumps({"version": seq}, sort_keys=True, separators=(",", ":"))
            h = _public_hash(prev, seq, ts, "pipeline", "publish.version", "health.hospitals", detail)
            con.execute(
                "INSERT INTO audit_log (seq, ts, actor, action, subject, detail_json, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [seq, ts, "pipeline", "publish.version", "health.hospitals", detail, prev, h],
            )
            prev = h
        con.execute("INSERT INTO meta VALUES ('audit_head', ?)", [f"4:{prev}"])
    code, out = _verify(capsys)
    assert code == 0, out
    _fill(2)
    code, out = _verify(capsys)
    assert code == 0 and "6 entries" in out, out
    # the legacy part is now sealed: rewriting it (with its public formula) is detected
    with connect() as con:
        con.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
        _rechain(con, start=2)
    code, out = _verify(capsys)
    assert code == 1 and 2 in _listed(out, "altered"), out
    assert not os.environ.get("PUBDATA_AUDIT_KEY")  # the key is never a setting value


def test_a_checkpoint_file_shared_by_two_catalogs_is_named(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Two catalogs with the same keys writing one checkpoint file (the setting says one file per
    catalog): the other catalog's checkpoint contradicts this log, and verify says so (exit 1)."""
    _fill(3)
    assert _verify(capsys)[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(other))
    audit._LAST_CHECKPOINT.clear()
    audit.append("pipeline", "publish.version", "transport.bus_stops", {"version": 9})
    _fill(2)
    # the other catalog sealed its first entry with a checkpoint (in the shared file), which names
    # entry 1 with another head than this catalog's entry 1
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    code, out = _verify(capsys)
    assert code == 1 and _listed(out, "altered") == [1] and not _listed(out, "missing"), out
    assert "shared with another catalog" in out and "one file per catalog" in out, out
