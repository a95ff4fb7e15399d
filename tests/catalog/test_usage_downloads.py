"""One way of counting a download (issue 14 #9 with issue 18's usage recording): a download is
recorded once, as a use; the same buffer feeds ``download_counts`` (the counts pages and the CKAN
API show, with what is still buffered) and ``usage_daily`` (运营评估), in one catalog write."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog import ensure_catalog, usage_recorder
from catalog.store import connect


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    monkeypatch.setenv("PUBDATA_USAGE_FLUSH_SECONDS", "3600")  # only explicit flushes
    ensure_catalog()
    usage_recorder.flush()  # nothing of another test's catalog is left in this process's buffer
    return home


def _stored() -> tuple[dict[tuple[int, str], int], dict[str, int]]:
    with connect(read_only=True) as con:
        counts = con.execute(
            "SELECT version, format, count FROM download_counts WHERE department_id = 'transport' "
            "AND dataset_id = 'bus_stops'"
        ).fetchall()
        uses = con.execute(
            "SELECT kind || ':' || action, sum(count) FROM usage_daily WHERE department_id = 'transport' "
            "AND dataset_id = 'bus_stops' GROUP BY ALL"
        ).fetchall()
    return {(v, f): n for v, f, n in counts}, {k: int(n) for k, n in uses}


def test_a_download_is_counted_once_for_the_shown_count_and_for_usage(home: Path) -> None:
    rec = usage_recorder.recorder()
    for _ in range(3):
        usage_recorder.record("download", action="csv", department="transport", dataset="bus_stops", version=2)
    usage_recorder.record("download", action="parquet", department="transport", dataset="bus_stops", version=1)
    # another portal harvesting the file is a download too (kind harvest, action download:<format>)
    usage_recorder.record("harvest", action="download:csv", department="transport", dataset="bus_stops", version=2)
    usage_recorder.record("api", action="package_show", department="transport", dataset="bus_stops", version=2)
    usage_recorder.record("preview", action="page", department="transport", dataset="bus_stops", version=2)

    # buffered: shown at once (pending), nothing written yet
    assert rec.pending_downloads("transport", "bus_stops") == {2: {"csv": 4}, 1: {"parquet": 1}}
    assert rec.pending_downloads("transport", "ridership") == {}
    assert _stored() == ({}, {})

    usage_recorder.flush()
    counts, uses = _stored()
    assert counts == {(2, "csv"): 4, (1, "parquet"): 1}
    assert uses == {
        "download:csv": 3,
        "download:parquet": 1,
        "harvest:download:csv": 1,
        "api:package_show": 1,
        "preview:page": 1,
    }
    assert rec.pending_downloads("transport", "bus_stops") == {}

    # a second batch adds to the stored counts (never a second counter, never counted twice)
    usage_recorder.record("download", action="csv", department="transport", dataset="bus_stops", version=2)
    usage_recorder.flush()
    counts, uses = _stored()
    assert counts[(2, "csv")] == 5 and uses["download:csv"] == 4


def test_downloads_being_written_still_count_until_their_transaction_is_done(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flush takes the buffered downloads out of the buffer, then writes them: a page made while
    the write was under way showed the stored count without them (a dataset page's 3 downloads read
    1 after a fourth). The real write, held at its start until the page has been made."""
    import threading

    rec = usage_recorder.recorder()
    for _ in range(3):
        usage_recorder.record("download", action="csv", department="transport", dataset="bus_stops", version=2)
    started, go = threading.Event(), threading.Event()
    real_write = usage_recorder._write

    def held_write(*args, **kwargs):
        started.set()
        assert go.wait(30)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(usage_recorder, "_write", held_write)
    flusher = threading.Thread(target=usage_recorder.flush)
    flusher.start()
    try:
        assert started.wait(30)
        usage_recorder.record("download", action="csv", department="transport", dataset="bus_stops", version=2)
        # the catalog does not have the three yet: the buffer still shows them, with the fourth
        assert _stored()[0] == {}
        assert rec.pending_downloads("transport", "bus_stops") == {2: {"csv": 4}}
    finally:
        go.set()
        flusher.join(30)
    assert _stored()[0] == {(2, "csv"): 3}
    assert rec.pending_downloads("transport", "bus_stops") == {2: {"csv": 1}}
