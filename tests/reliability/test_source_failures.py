"""Source and process failures: HTTP 500 / timeout / slow / trickling / oversized / cut short /
redirected, SQL source down, a source that changes between retries. Transient failures are
retried by Airflow with back-off and the run names the cause; permanent ones fail at once with
a clear error; the catalog keeps the last good version until a good run; no partial download
is left behind."""

from __future__ import annotations

import copy
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import BASE_MANIFEST, DEPT, DS, catalog_rows, clone_base, csv_text, leaked, rows, versions_intact

from core import PubdataError, SourceError, SourceUnavailable

GOOD = csv_text(rows(7, start=1, seed=3)).encode()
CHANGED = csv_text(rows(9, start=101, seed=3)).encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: dict[str, list[float]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, status: int = 200, length: int | None = None, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/csv; charset=utf-8")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.hits.setdefault(path, []).append(time.monotonic())
        n = len(self.hits[path])
        self.close_connection = True
        try:
            if path == "/ok.csv":
                self._send(GOOD)
            elif path == "/500.csv":
                self._send(b"internal error", 500)
            elif path == "/404.csv":
                self._send(b"not found", 404)
            elif path == "/slow.csv":  # slow, but within the timeout
                time.sleep(0.6)
                self._send(GOOD)
            elif path == "/hang.csv":  # never answers within the timeout
                time.sleep(4)
                self._send(GOOD)
            elif path == "/trickle.csv":  # answers, then one byte every 0.05 s: never trips the read timeout
                self.send_response(200)
                self.send_header("Content-Length", str(10**6))
                self.end_headers()
                for _ in range(400):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif path == "/declares_huge.csv":
                self._send(GOOD, length=50 * 10**9)
            elif path == "/flood.csv":  # no length, streams far more than the cap
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                block = b"1,x\n" * 16384
                for _ in range(200):  # 12.5 MB
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                self.wfile.write(b"0\r\n\r\n")
            elif path == "/more_than_declared.csv":  # body longer than its Content-Length
                self._send(GOOD + CHANGED * 2000, length=len(GOOD))
            elif path == "/cut_short.csv":  # declares more than it sends, then closes
                self._send(GOOD[:40], length=len(GOOD))
            elif path == "/redirect.csv":
                self._send(b"", 302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
            elif path == "/flaky.csv":  # fails, then serves a *changed* export on the retry
                if n == 1:
                    self._send(b"busy", 503)
                else:
                    self._send(CHANGED)
            else:
                self._send(b"?", 404)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _env(base: dict, tmp_path: Path, monkeypatch, source: dict):
    env = clone_base(base, tmp_path / "case")
    env.activate(monkeypatch)
    m = copy.deepcopy(BASE_MANIFEST)
    m["datasets"][0]["source"] = source
    env.write_manifest(m)
    monkeypatch.setenv("PUBDATA_HTTP_TIMEOUT", "1")
    return env


def _unchanged(base: dict, env) -> None:
    assert catalog_rows("SELECT max(version) FROM versions") == [(1,)]
    assert catalog_rows(f'SELECT count(*) FROM open."{DEPT}__{DS}"') == [(base["rows"],)]
    assert versions_intact(env.home) == []
    assert not list((env.home / "landing").rglob("*.part")), "a partial download was left behind"


HTTP_CASES = [
    # name, path, expected: handled | transient | permanent, words in the message, settings
    ("http_500", "/500.csv", "transient", ("HTTP 500",), {}),
    ("http_404", "/404.csv", "permanent", ("HTTP 404", "check the URL"), {}),
    ("http_timeout", "/hang.csv", "transient", ("timed out",), {}),
    ("http_slow_within_timeout", "/slow.csv", "handled", (), {}),
    ("http_trickle_never_finishes", "/trickle.csv", "transient", ("did not finish",), {"PUBDATA_HTTP_TIMEOUT": "0.3"}),
    (
        "http_declares_more_than_cap",
        "/declares_huge.csv",
        "permanent",
        ("declares", "PUBDATA_MAX_SOURCE_BYTES"),
        {"PUBDATA_MAX_SOURCE_BYTES": "1000000"},
    ),
    (
        "http_streams_more_than_cap",
        "/flood.csv",
        "permanent",
        ("exceeds", "PUBDATA_MAX_SOURCE_BYTES"),
        {"PUBDATA_MAX_SOURCE_BYTES": "1000000"},
    ),
    ("http_more_than_content_length", "/more_than_declared.csv", "handled", (), {}),
    ("http_cut_short", "/cut_short.csv", "transient", ("cut short",), {}),
    ("http_redirect_to_metadata_ip", "/redirect.csv", "permanent", ("HTTP 302",), {}),
]


@pytest.mark.reliability("source_failure")
@pytest.mark.parametrize("name, path, expect, words, settings", HTTP_CASES, ids=[c[0] for c in HTTP_CASES])
def test_http_source_failure(
    name, path, expect, words, settings, server, base, tmp_path, monkeypatch, case_record
) -> None:
    env = _env(base, tmp_path, monkeypatch, {"type": "http", "url": f"{server}{path}"})
    for k, v in settings.items():
        monkeypatch.setenv(k, v)
    from orchestration.pipeline import run_dataset

    started = time.monotonic()
    try:
        res = run_dataset(DEPT, DS, f"http_{name}")
        err = None
    except PubdataError as exc:
        err, res = exc, None
    assert time.monotonic() - started < 30
    case_record.outcome = "handled" if err is None else "clear_error"
    case_record.leaks = len(leaked(str(err or "")))
    if expect == "handled":
        assert err is None, f"{err} — {getattr(err, 'hint', '')}"
        assert res is not None
        assert res["version"] == 2 and res["rows"] == 7
        assert (env.home / "landing" / DEPT / DS / f"http_{name}" / path.strip("/")).read_bytes() == GOOD
        return
    assert isinstance(err, SourceUnavailable if expect == "transient" else SourceError)
    if expect == "permanent":
        assert not isinstance(err, SourceUnavailable), "a permanent error would be retried"
    for w in words:
        assert w in f"{err} {err.hint}"
    assert server.split("//")[1] in str(err) and err.hint
    _unchanged(base, env)
    msg = catalog_rows("SELECT status, stage, message FROM runs WHERE run_id = ?", [f"http_{name}"])[0]
    assert msg[0] == "failed" and msg[1] == "extract" and words[0] in msg[2]


@pytest.mark.reliability("source_failure")
@pytest.mark.parametrize(
    "name, url, transient",
    [
        ("sql_database_down", "sqlite:////nonexistent-dir/pubdata/civil.db", True),
        ("sql_server_down", "postgresql+psycopg2://reader:${RELIAB_DB_PASSWORD}@127.0.0.1:1/civil", True),
    ],
)
def test_sql_source_down(name, url, transient, base, tmp_path, monkeypatch, case_record) -> None:
    monkeypatch.setenv("RELIAB_DB_PASSWORD", "pw-Zq81-secret")
    env = _env(base, tmp_path, monkeypatch, {"type": "sql", "url": url, "query": "SELECT * FROM subsidy"})
    from orchestration.pipeline import run_dataset

    with pytest.raises(SourceError) as info:
        run_dataset(DEPT, DS, name)
    err = info.value
    case_record.outcome = "clear_error"
    assert isinstance(err, SourceUnavailable) == transient
    text = f"{err} {err.hint}" + "".join(r[0] for r in catalog_rows("SELECT message FROM runs"))
    assert "pw-Zq81-secret" not in text, "the database password leaked into an error"
    case_record.leaks = int("pw-Zq81-secret" in text)
    _unchanged(base, env)


# ----------------------------------------------------------------------------- through Airflow
def _task_tries(dag_id: str, run_id: str) -> dict[str, tuple[str, int]]:
    from airflow.models import TaskInstance
    from airflow.utils.session import create_session

    with create_session() as s:
        return {
            ti.task_id: (str(ti.state), ti.try_number)
            for ti in s.query(TaskInstance).filter(TaskInstance.dag_id == dag_id, TaskInstance.run_id == run_id)
        }


def _latest_run_id(dag_id: str) -> str:
    from airflow.models import DagRun
    from airflow.utils.session import create_session

    with create_session() as s:
        run = s.query(DagRun).filter(DagRun.dag_id == dag_id).order_by(DagRun.id.desc()).first()
        assert run is not None, f"{dag_id} has no run"
        return run.run_id


@pytest.mark.reliability("source_failure")
@pytest.mark.usefixtures("airflow_db")
def test_airflow_retries_a_failing_http_source_with_backoff_and_reports_the_cause(
    server, base, tmp_path, monkeypatch, case_record
) -> None:
    from orchestration.runner import run_departments

    env = _env(base, tmp_path, monkeypatch, {"type": "http", "url": f"{server}/500.csv"})
    _Handler.hits.pop("/500.csv", None)
    monkeypatch.setenv("PUBDATA_RETRY_DELAY", "1")
    [outcome] = run_departments([DEPT], progress=False, serve_sources=False)
    case_record.outcome = "clear_error"
    assert outcome.status == "failed" and outcome.stage == "extract"
    assert "HTTP 500" in outcome.message and str(server.split("//")[1]) in outcome.message
    hits = _Handler.hits["/500.csv"]
    assert len(hits) == 3, f"expected 1 try + 2 retries, got {len(hits)} requests"
    gaps = [b - a for a, b in zip(hits, hits[1:])]
    assert gaps[0] >= 1.0 and gaps[1] >= 2.0 and gaps[1] > gaps[0], f"no back-off: {gaps}"
    tries = _task_tries(f"dept_{DEPT}", _latest_run_id(f"dept_{DEPT}"))
    assert tries[f"{DS}.extract"] == ("failed", 3)
    assert tries[f"{DS}.publish"][0] == "upstream_failed"
    _unchanged(base, env)


@pytest.mark.reliability("source_failure")
@pytest.mark.usefixtures("airflow_db")
def test_a_source_that_changes_between_retries_publishes_the_retry_as_a_whole(
    server, base, tmp_path, monkeypatch, case_record
) -> None:
    from orchestration.runner import run_departments

    env = _env(base, tmp_path, monkeypatch, {"type": "http", "url": f"{server}/flaky.csv"})
    _Handler.hits.pop("/flaky.csv", None)
    [outcome] = run_departments([DEPT], progress=False, serve_sources=False)
    case_record.outcome = "handled"
    assert outcome.status == "published" and outcome.version == 2, outcome
    assert len(_Handler.hits["/flaky.csv"]) == 2
    # the published version is the changed export, whole: none of the first export's rows
    ids = [r[0] for r in catalog_rows(f'SELECT "编号" FROM open."{DEPT}__{DS}" ORDER BY 1')]
    assert ids == list(range(101, 110))
    landed = list((env.home / "landing" / DEPT / DS).rglob("flaky.csv"))
    assert len(landed) == 1 and landed[0].read_bytes() == CHANGED
    assert versions_intact(env.home) == []


@pytest.mark.reliability("source_failure")
@pytest.mark.usefixtures("airflow_db")
def test_a_data_error_fails_at_once_without_retries(base, tmp_path, monkeypatch, case_record) -> None:
    from orchestration.runner import run_departments

    env = _env(base, tmp_path, monkeypatch, {"type": "file", "path": f"{DEPT}/records.csv"})
    (env.src / DEPT / "records.csv").write_bytes(b"")
    started = time.monotonic()
    [outcome] = run_departments([DEPT], progress=False, serve_sources=False)
    case_record.outcome = "clear_error"
    assert outcome.status == "failed" and "records.csv: the file is empty" in outcome.message
    tries = _task_tries(f"dept_{DEPT}", _latest_run_id(f"dept_{DEPT}"))
    assert tries[f"{DS}.extract"] == ("failed", 1)
    assert time.monotonic() - started < 60
    _unchanged(base, env)


@pytest.mark.reliability("source_failure")
@pytest.mark.usefixtures("airflow_db")
def test_a_missing_file_fails_at_once_and_other_manifests_get_no_demo_data(
    base, tmp_path, monkeypatch, case_record, capsys
) -> None:
    """`pubdata run` with manifests other than the bundled demo ones: nothing is generated, the
    missing file fails its extract on the first try (a SourceError is permanent) with a clear message."""
    import argparse

    from cli.commands import run as run_cmd

    env = _env(base, tmp_path, monkeypatch, {"type": "file", "path": f"{DEPT}/gone.csv"})
    before = sorted(p.relative_to(env.src) for p in env.src.rglob("*"))
    code = run_cmd.run(argparse.Namespace(department=[DEPT], no_progress=True))
    out = capsys.readouterr()
    case_record.outcome = "clear_error"
    assert code == 1
    line = next(x for x in out.out.splitlines() if x.startswith(f"FAIL {DEPT}.{DS}: failed"))
    assert f"SourceError: {DEPT}/gone.csv: no such file under src/ —" in line and "check the source path" in line, line
    assert "were missing: generated" not in out.out + out.err
    assert sorted(p.relative_to(env.src) for p in env.src.rglob("*")) == before
    tries = _task_tries(f"dept_{DEPT}", _latest_run_id(f"dept_{DEPT}"))
    assert tries[f"{DS}.extract"] == ("failed", 1), tries
    _unchanged(base, env)


@pytest.mark.reliability("source_failure")
def test_a_token_in_the_url_never_reaches_an_error(server, base, tmp_path, monkeypatch, case_record) -> None:
    monkeypatch.setenv("RELIAB_API_TOKEN", "tok-7Hq2-very-secret")
    env = _env(base, tmp_path, monkeypatch, {"type": "http", "url": f"{server}/500.csv?token=${{RELIAB_API_TOKEN}}"})
    from orchestration.pipeline import run_dataset

    with pytest.raises(SourceUnavailable) as info:
        run_dataset(DEPT, DS, "http_token")
    text = f"{info.value} {info.value.hint} " + " ".join(r[0] for r in catalog_rows("SELECT message FROM runs"))
    case_record.outcome = "clear_error"
    case_record.leaks = int("tok-7Hq2" in text)
    assert "tok-7Hq2" not in text and "/500.csv?…" in str(info.value)
    _unchanged(base, env)
