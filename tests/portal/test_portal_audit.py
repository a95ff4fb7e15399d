"""The hash-chained audit log: appends verify; editing, deleting, reordering or truncating is detected."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from catalog import audit
from catalog.store import connect

PUBDATA = [sys.executable, "-m", "cli.main"]


def _fill(n: int = 6) -> None:
    for i in range(n):
        audit.append("pipeline", "publish.version", "health.hospitals", {"version": i + 1, "reason": "质量通过"})


def _cli_verify(capsys) -> tuple[int, str]:
    from cli.main import main

    capsys.readouterr()
    code = main(["audit", "verify"])
    return code, capsys.readouterr().out


@pytest.mark.cli
def test_chain_links_every_entry(scratch_home, capsys) -> None:
    _fill()
    entries = list(reversed(audit.entries(limit=100)))
    assert [e["seq"] for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0]["prev_hash"] == audit.GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(entries, entries[1:]))
    assert audit.verify() == (True, None)
    r = subprocess.run(PUBDATA + ["audit", "verify"], capture_output=True, text=True)
    assert r.returncode == 0 and "6 entries" in r.stdout
    from cli.main import main

    assert main(["audit", "show", "--limit", "2"]) == 0


def test_concurrent_appends_stay_a_chain(scratch_home) -> None:
    threads = [threading.Thread(target=_fill, args=(5,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert audit.verify() == (True, None)
    assert len(audit.entries(limit=1000)) == 20


@pytest.mark.parametrize(
    "tamper, bad",
    [
        ("UPDATE audit_log SET detail_json = '{\"version\":99}' WHERE seq = 3", 3),
        ("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2", 2),
        ("UPDATE audit_log SET ts = '2020-01-01T00:00:00+00:00' WHERE seq = 5", 5),
        ("DELETE FROM audit_log WHERE seq = 4", 4),
        ("DELETE FROM audit_log WHERE seq = 6", 6),  # the newest entry: caught by the head anchor
        ("DELETE FROM audit_log WHERE seq = 1", 1),
        # reorder: swap the contents of entries 2 and 3 (each keeps its seq)
        (
            """UPDATE audit_log AS a SET actor = b.actor, action = b.action, subject = b.subject,
        detail_json = b.detail_json, ts = b.ts, prev_hash = b.prev_hash, hash = b.hash
        FROM (SELECT * FROM audit_log WHERE seq IN (2, 3)) AS b WHERE a.seq + b.seq = 5""",
            2,
        ),
        # reorder by renumbering: entry 3 and 4 exchange seq numbers
        ("UPDATE audit_log SET seq = CASE seq WHEN 3 THEN 4 ELSE 3 END WHERE seq IN (3, 4)", 3),
    ],
)
def test_tampering_is_detected(scratch_home, capsys, tamper: str, bad: int) -> None:
    _fill()
    assert audit.verify() == (True, None)
    with connect() as con:
        if "seq = CASE" in tamper:  # a primary key cannot be swapped in one UPDATE: go via a spare value
            con.execute("UPDATE audit_log SET seq = 1000 WHERE seq = 3")
            con.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
            con.execute("UPDATE audit_log SET seq = 4 WHERE seq = 1000")
        else:
            con.execute(tamper)
    assert audit.verify() == (False, bad)
    code, out = _cli_verify(capsys)
    assert code == 1 and f"entry {bad}" in out


def test_publication_decisions_can_be_appended_in_a_transaction(scratch_home) -> None:
    with connect() as con:
        con.execute("BEGIN")
        entry = audit.append(
            "pipeline", "publish.blocked", "health.clinic_visits", {"run": "r1", "reason": "leak gate"}, con=con
        )
        con.execute("COMMIT")
    assert entry["seq"] == 1 and audit.verify() == (True, None)
