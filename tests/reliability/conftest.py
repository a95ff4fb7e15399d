"""Reliability suite (issue 7): bad inputs, source and process failures, crash safety, concurrency,
secrets. Every test marked ``reliability(category)`` is one *case*; its outcome (handled or clear
error, rows lost, leaks found) is appended as a JSON line to ``$PUBDATA_RELIABILITY_REPORT`` when
that is set (``bench/reliability.py`` sets it and prints the summary).

Heavy cases (1e7 rows, the 20-kill crash loop) are marked ``heavy`` and run only with
``PUBDATA_HEAVY=1`` (the gate is in ``tests/conftest.py``).
"""

from __future__ import annotations

import json
import os

import pytest


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A home where reliab.records has a good version 1; cases work on copies (``clone_base``)."""
    from harness import make_base

    return make_base(tmp_path_factory.mktemp("rel-base"))


class CaseRecord:
    """What a case reports about itself (filled in by the test, written by the hook)."""

    def __init__(self) -> None:
        self.outcome: str | None = None  # handled | clear_error
        self.lost = 0
        self.leaks = 0
        self.detail = ""


@pytest.fixture
def case_record(request: pytest.FixtureRequest) -> CaseRecord:
    rec = CaseRecord()
    request.node._case_record = rec
    return rec


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    marker = item.get_closest_marker("reliability")
    path = os.environ.get("PUBDATA_RELIABILITY_REPORT")
    if marker is None or not path:
        return
    if report.when == "call" or (report.when == "setup" and (report.failed or report.skipped)):
        rec: CaseRecord = getattr(item, "_case_record", None) or CaseRecord()
        line = {
            "id": item.nodeid,
            "category": marker.args[0] if marker.args else "other",
            "passed": report.passed,
            "skipped": report.skipped,
            "outcome": rec.outcome,
            "lost": rec.lost,
            "leaks": rec.leaks,
            "seconds": round(report.duration, 2),
            "detail": rec.detail[:300],
        }
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
