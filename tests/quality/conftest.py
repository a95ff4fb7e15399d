"""Shared fixtures: a PUBDATA_HOME per test, datasets built from manifests, raw Parquet writers."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def run_paths(home):
    from warehouse.lake import RunPaths

    def make(dataset: str = "people", run: str = "manual__2024-05-01", department: str = "civil_affairs"):
        return RunPaths.for_run(department, dataset, run)

    return make


def _write_raw(paths, columns: dict[str, list]) -> None:
    """A raw extract: text sources are all-string columns (None = null), typed ones keep types."""
    arrays = {k: (v if isinstance(v, pa.Array) else pa.array(v)) for k, v in columns.items()}
    paths.raw.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(arrays), paths.raw)


@pytest.fixture
def write_raw():
    return _write_raw


@pytest.fixture(scope="session")
def gx_warm():
    """Import GX and build the ephemeral context once per test session (~5-10 s)."""
    from quality import _gx

    _gx.context()
    return True
