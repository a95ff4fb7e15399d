"""A stage's catalog bookkeeping shares one connection (issue 19: ~20 connections per tiny dataset,
each opening the catalog file and checkpointing it on close). What must hold: the catalog is free
for other processes (the portal's readers) as soon as a block ends, a failed operation inside a
block leaves nothing half-written and does not poison the next one, and a run records the same
rows and audit entries as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _other_process_reads(path: Path) -> str:
    """Open the catalog read-only from another process, as the portal does (no waiting)."""
    code = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(con.execute(\"SELECT count(*) FROM meta WHERE key = 'p19'\").fetchone()[0])\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    return done.stdout.strip() if done.returncode == 0 else "locked: " + done.stderr.strip().splitlines()[-1]


def test_a_session_shares_one_connection_and_frees_the_catalog_when_it_ends(tmp_path: Path, monkeypatch) -> None:
    from catalog.store import connect, session

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path))
    with session():
        with connect() as first:
            first.execute("INSERT INTO meta VALUES ('p19', 'a')")
        with connect(read_only=True) as second:
            assert second is first
            assert second.execute("SELECT value FROM meta WHERE key = 'p19'").fetchone() == ("a",)
        with session(), connect() as nested:  # a nested block joins the outer one
            assert nested is first
        assert _other_process_reads(tmp_path / "catalog.duckdb").startswith("locked")
    assert _other_process_reads(tmp_path / "catalog.duckdb") == "1"
    with connect() as after:  # outside a block: a connection of its own again
        assert after is not first


def test_a_failed_operation_in_a_session_is_rolled_back_and_the_next_one_works(tmp_path: Path, monkeypatch) -> None:
    from catalog.store import connect, session

    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path))
    with session():
        with pytest.raises(RuntimeError), connect() as con:
            con.execute("BEGIN")
            con.execute("INSERT INTO meta VALUES ('p19', 'half')")
            raise RuntimeError("failed between BEGIN and COMMIT")
        with connect() as con:
            con.execute("BEGIN")  # no transaction left open by the failed operation
            assert con.execute("SELECT count(*) FROM meta WHERE key = 'p19'").fetchone() == (0,)
            con.execute("COMMIT")
    assert _other_process_reads(tmp_path / "catalog.duckdb") == "0"


def test_a_run_records_every_stage_its_run_row_and_its_audit_entries(fresh_home: Path) -> None:
    from catalog import audit
    from catalog.queries import run_rows
    from orchestration import progress
    from orchestration.pipeline import STAGES, run_dataset

    events: list[tuple[str, str]] = []
    unsubscribe = progress.subscribe(lambda dept, ds, stage, status, detail: events.append((stage, status)))
    try:
        assert run_dataset("transport", "bus_stops", "run1")["version"] == 1
    finally:
        unsubscribe()

    started = [stage for stage, status in events if status == "running"]
    assert list(dict.fromkeys(started)) == list(STAGES)  # each stage's start is recorded, in order
    assert events[-1] == ("publish", "published")
    row = run_rows("run1", "transport")["bus_stops"]
    assert (row["status"], row["stage"], row["version"]) == ("published", "publish", 1)
    assert row["input_rows"] == row["valid_rows"] + row["quarantined_rows"] > 0
    assert row["finished_at"] is not None and '"columns"' in row["summary_json"]
    mine = [e for e in audit.entries(subject="transport.bus_stops") if e["detail"].get("run_id") == "run1"]
    assert [e["action"] for e in reversed(mine)] == ["decision.open_tier", "publish.version"]
    assert audit.verify() == (True, None)
    assert _other_process_reads(fresh_home / "catalog.duckdb") == "0"  # no block left open
