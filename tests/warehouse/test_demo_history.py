"""`make demo` starts with history: back-dated earlier runs (versions 1..3) of the demo departments,
so the scorecard's trends and the version diffs show something at first look. Deterministic."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from pathlib import Path

import pytest


@pytest.fixture
def history_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh PUBDATA_HOME with its own demo sources (the history rewrites them, then restores them)."""
    from orchestration.demo import generate

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    monkeypatch.delenv("PUBDATA_SOURCE_ROOTS", raising=False)
    generate(home / "sources")
    return home


def _content(path: Path) -> bytes:
    if path.suffix == ".xlsx":  # a workbook carries its save time: compare the cells
        import openpyxl

        rows = openpyxl.load_workbook(path, read_only=True).active.iter_rows(values_only=True)
        return repr(list(rows)).encode()
    return path.read_bytes()


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(_content(p)).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.pipeline  # every demo dataset through the five stages, three times
def test_history_rounds_are_back_dated_versions(history_home: Path) -> None:
    from catalog.queries import versions_of
    from catalog.scorecard import department_runs
    from core.clock import utcnow
    from orchestration.demo_history import HISTORY_DAYS, add_history
    from orchestration.pipeline import run_dataset
    from portal.diffs import version_diff

    before = _digests(history_home / "sources")
    said: list[str] = []
    assert add_history(said.append, only=["ecology"]) == len(HISTORY_DAYS) == 3
    assert len(said) == 3 and all("1 datasets published" in s for s in said)
    assert _digests(history_home / "sources") == before  # today's sources are back
    versions = sorted(versions_of("ecology", "air_quality"), key=lambda v: v["version"])
    assert [v["version"] for v in versions] == [1, 2, 3]
    published = [v["published_at"] for v in versions]
    assert [p.hour for p in published] == [2, 2, 2]  # the departments' 02:00 schedule (+5 minutes)
    assert [b - a for a, b in itertools.pairwise(published)] == [dt.timedelta(days=1)] * 2
    assert dt.timedelta(hours=1) <= utcnow() - published[-1] <= dt.timedelta(hours=25)
    rows = [v["rows"] for v in versions]
    assert len(set(rows)) == 3 and all(r < 480 for r in rows)  # a different subset of today's 480 rows each time
    diff = version_diff(versions[1], versions[2], ["station", "date"])
    assert diff["rows_added"] > 0 and diff["rows_removed"] > 0 and diff["by"].startswith("primary key")
    # today's run follows as version 4
    out = run_dataset("ecology", "air_quality", f"manual__{utcnow().isoformat()}")
    assert out["version"] == 4 and out["rows"] == 480
    runs = [r for r in department_runs() if r["department_id"] == "ecology"]
    assert len(runs) == 4 and [r["started_at"] for r in runs] == sorted(r["started_at"] for r in runs)
    assert all(r["on_time"] == 1.0 for r in runs)  # one run a day, a daily dataset: on time
    assert add_history(said.append, only=["ecology"]) == 0  # once only


def test_history_sources_are_deterministic(tmp_path: Path) -> None:
    from orchestration.demo import generate

    a = _digests(generate(tmp_path / "a", variant=2))
    b = _digests(generate(tmp_path / "b", variant=2))
    today = _digests(generate(tmp_path / "c"))
    assert a == b and a != today


@pytest.mark.parametrize("hour", range(24))
def test_today_follows_the_history_at_a_daily_cadence_at_any_hour(hour: int) -> None:
    """Whatever the hour `make demo` runs, its run comes 1 to 25 hours after the last history round
    (a daily dataset is on time: the freshness allowance is 36 hours), and the rounds are a day apart
    at 02:00 UTC. (The rounds were pinned to 02:00 of the days before today: from 14:00 UTC on, today's
    run came more than 36 hours after the last one and every daily dataset read late.)"""
    from orchestration.demo_history import history_times
    from quality.validate import FRESHNESS_HOURS

    now = dt.datetime(2026, 12, 7, hour, 38)
    rounds = history_times(now)
    assert len(rounds) == 3 and all(r.hour == 2 and r.minute == 0 for r in rounds)
    assert [b - a for a, b in itertools.pairwise(rounds)] == [dt.timedelta(days=1)] * 2
    assert dt.timedelta(hours=1) <= now - rounds[-1] <= dt.timedelta(hours=25)
    assert now - rounds[-1] <= dt.timedelta(hours=FRESHNESS_HOURS["daily"])
