"""Fixtures of the harvest tests: the shared replay server of recorded real catalogs
(``tests/harvest_replay.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from harvest_replay import ReplayServer, fixtures_dir


@pytest.fixture
def replay(tmp_path: Path) -> Iterator[ReplayServer]:
    folder = fixtures_dir()
    if folder is None:
        pytest.skip("../shared/harvest_fixtures (the replay server of recorded catalogs) is not on this machine")
    server = ReplayServer(folder, tmp_path / "requests.jsonl")
    try:
        yield server
    finally:
        server.close()
