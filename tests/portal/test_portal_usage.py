"""Operations evaluation by use: a scripted sequence of downloads and API calls against a live
portal, then ``pubdata usage --json``, the officers' 运营评估 page and the monthly export show
exactly those counts; the scorecard's usage component matches a hand computation; clients are
counted by a day-keyed hash, never by their address."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import portal_catalog as _catalog
import pytest
from support import LiveServer

from core.sql import scalar

REPO = Path(__file__).resolve().parents[2]
CKANAPI = "ckanapi/4.11 (+https://github.com/ckan/ckanapi)"


@pytest.fixture
def usage_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    monkeypatch.setenv("PUBDATA_USAGE_FLUSH_SECONDS", "3600")  # only explicit flushes: buffering is visible
    _catalog.build(home)
    return home


def cli_usage(home: Path, *args: str) -> str:
    env = {**os.environ, "PUBDATA_HOME": str(home), "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-m", "cli.main", "usage", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def record_runs(department: str, datasets: dict[str, float]) -> None:
    from catalog.publish import record_run
    from warehouse.lake import RunPaths

    for ds, score in datasets.items():
        record_run(
            RunPaths.for_run(department, ds, "r1"),
            "r1",
            status="published",
            stage="publish",
            quality_score=score,
            input_rows=100,
            valid_rows=100,
            quarantined_rows=0,
            on_time=True,
        )


def page_cells(html: str, row_id: str) -> dict[str, int]:
    row = re.search(rf'<tr id="{re.escape(row_id)}">(.*?)</tr>', html, re.S)
    assert row, row_id
    return {k: int(v) for k, v in re.findall(r'<td data-kind="([a-z_]+)">(\d+)</td>', row.group(1))}


def test_scripted_use_is_counted_exactly_in_cli_page_export_and_scorecard(usage_home: Path) -> None:
    from catalog import tokens
    from catalog.scorecard import department_runs

    record_runs("transport", {"bus_stops": 90.0, "ridership": 100.0})  # transport's latest run, before any use
    _, dept_token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    _, officer = tokens.issue(officer="zhang.ops")
    ckan = {"User-Agent": CKANAPI}
    with LiveServer() as portal, httpx.Client(base_url=portal.url, timeout=30) as c:
        for _ in range(3):
            assert c.get("/datasets/transport/bus_stops/download.csv").status_code == 200
        # one whole-file download in a range, a partial probe and a resumed tail: one download (issue 14 #9)
        first = c.get("/datasets/transport/bus_stops/download.parquet", headers={"Range": "bytes=0-"})
        assert first.status_code in (200, 206)
        assert (
            c.get("/datasets/transport/bus_stops/download.parquet", headers={"Range": "bytes=0-0"}).status_code == 206
        )
        assert (
            c.get("/datasets/transport/bus_stops/download.parquet", headers={"Range": "bytes=100-199"}).status_code
            == 206
        )
        etag = c.get("/datasets/transport/bus_stops/download.json").headers["etag"]  # one json download
        assert c.get("/datasets/transport/bus_stops/download.json", headers={"If-None-Match": etag}).status_code == 304
        for _ in range(2):
            assert c.get("/api/3/action/package_show", params={"id": "health__hospitals"}).json()["success"]
        assert c.post("/api/action/package_search", json={"q": "医院"}).json()["success"]
        assert c.get("/api/3/action/datastore_search", params={"resource_id": "health__hospitals__csv"}).json()[
            "success"
        ]
        auth = {"Authorization": f"Bearer {dept_token}"}
        r = c.get(
            "/api/3/action/datastore_search",
            params={"resource_id": "health__clinic_visits__csv", "purpose": "medical_assistance"},
            headers=auth,
        )
        assert r.json()["success"], r.text
        assert c.get("/api/3/action/package_show", params={"id": "nope__nope"}).status_code == 404  # not a use
        assert "预览" in c.get("/datasets/transport/bus_stops", headers={"accept": "text/html"}).text
        assert c.get("/api/3/action/package_list", headers=ckan).json()["success"]  # another portal harvesting
        assert c.get("/api/3/action/package_show", params={"id": "health__hospitals"}, headers=ckan).status_code == 200

        # buffered: nothing is in the catalog yet; the officers' page writes its process's batch first
        assert json.loads(cli_usage(usage_home, "--json"))["total"] == 0
        page = c.get("/officers/usage", headers={"Authorization": f"Bearer {officer}", "accept": "text/html"})
        assert page.status_code == 200 and "运营评估" in page.text
        html = page.text
        assert c.get("/officers/usage", headers={"accept": "text/html"}).status_code == 401
        month = dt.datetime.now(dt.UTC).strftime("%Y-%m")
        export = c.get(f"/officers/usage/export.csv?month={month}", headers={"Authorization": f"Bearer {officer}"})
        assert export.status_code == 200 and export.content.startswith(b"\xef\xbb\xbf")

    expected_kinds = {"download": 5, "api": 3, "datastore": 2, "preview": 1, "harvest": 2}
    rep = json.loads(cli_usage(usage_home, "--json"))
    assert rep["totals"] == expected_kinds and rep["total"] == 13
    assert rep["by_action"]["download"] == {"csv": 3, "json": 1, "parquet": 1}
    assert rep["by_action"]["api"] == {"package_search": 1, "package_show": 2}
    assert rep["by_action"]["harvest"] == {"api:package_list": 1, "api:package_show": 1}
    assert rep["by_consumer"] == {"anonymous": 12, "department": 1}
    assert rep["by_consumer_department"] == {"civil_affairs": 1}
    per = {f"{d['department']}.{d['dataset']}": d for d in rep["by_dataset"]}
    assert per["transport.bus_stops"]["kinds"] == {"download": 5, "preview": 1}
    assert per["health.hospitals"]["kinds"] == {"api": 2, "datastore": 1, "harvest": 1}
    assert per["health.clinic_visits"]["kinds"] == {"datastore": 1}
    assert per["health.clinic_visits"]["consumers"] == {"department": 1}
    assert set(per) == {"transport.bus_stops", "health.hospitals", "health.clinic_visits"}
    assert all(d["client_days"] == 1 for d in per.values())  # one client (this machine) on one day
    assert per["health.hospitals"]["versions"] == {"3": 4}  # every use of hospitals was of its v3
    assert rep["catalog_level"] == {"api": {"package_search": 1}, "harvest": {"api:package_list": 1}}
    never = {f"{d['department']}.{d['dataset']}" for d in rep["never_used"]}
    assert {"transport.ridership", "civil_affairs.subsidy_recipients"} <= never
    assert not never & set(per)
    assert rep["demand_fulfilment"] == {"demands": 0, "fulfilled": 0, "rate": None}  # none filed here
    only_health = json.loads(cli_usage(usage_home, "--json", "--department", "health"))
    assert only_health["totals"] == {"api": 2, "datastore": 2, "harvest": 1}

    # the page shows the same counts (as the officer saw them before the portal stopped)
    assert page_cells(html, "u-transport-bus_stops") == {
        "total": 6, "download": 5, "api": 0, "datastore": 0, "preview": 1, "verify": 0, "aggregate": 0, "harvest": 0,
        "client_days": 1,
    }  # fmt: skip
    assert page_cells(html, "u-health-hospitals")["total"] == 4
    assert re.search(r'id="usage-total">13<', html)
    assert 'id="usage-top"' in html and 'id="usage-trend"' in html and "<rect" in html
    demand = re.search(r'id="usage-demand">(.*?)</p>', html)
    unused = re.search(r'id="usage-never".*?</table>', html, re.S)
    assert demand and unused, "the usage page lost its demand or never-used section"
    assert "暂无" in demand.group(1)
    assert "公交线路日客流" in unused.group(0)

    # the monthly export for the national platform: the same uses, as rows
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert sum(int(r["uses"]) for r in rows) == 13 and {r["month"] for r in rows} == {month}
    out_dir = usage_home / "export"
    printed = cli_usage(usage_home, "--month", month, "--export", str(out_dir)).split()
    doc = json.loads((out_dir / f"pubdata-usage-{month}.json").read_text(encoding="utf-8"))
    assert str(out_dir / f"pubdata-usage-{month}.csv") in printed and doc["totals"] == expected_kinds
    assert json.loads(cli_usage(usage_home, "--json", "--since", "2999-01-01"))["total"] == 0

    # the scorecard's usage component: transport published bus_stops and ridership in its latest
    # run; since then bus_stops was used and ridership not -> 1/2
    runs = {r["department_id"]: r for r in department_runs()}
    t = runs["transport"]
    assert t["usage"] == pytest.approx(0.5)
    assert (t["quality"], t["on_time"], t["open_share"], t["quarantine_rate"]) == (95.0, 1.0, 1.0, 0.0)
    assert t["received"] == 0 and t["demand_score"] == 100.0  # no demand filed here: nothing failed
    hand = 0.3 * 95 + 0.15 * 100 * 1.0 + 0.2 * 100 * 1.0 + 0.1 * 100 * (1 - 0.0) + 0.15 * 100 * 0.5 + 0.1 * 100
    assert t["composite"] == pytest.approx(hand, abs=0.01)

    # no address in clear: the clients are day-keyed hashes, the key lives in the key store
    from catalog.store import connect

    with connect(read_only=True) as con:
        dump = json.dumps(
            [con.execute(f"SELECT * FROM {t}").fetchall() for t in ("usage_daily", "usage_clients", "usage_unique")],
            default=str,
        )
    assert "127.0.0.1" not in dump
    key = usage_home / "keys" / "daily" / "usage_clients.key"
    assert key.stat().st_mode & 0o777 == 0o600


def test_the_client_key_lives_one_day_and_old_hashes_become_counts(usage_home: Path) -> None:
    from catalog import usage_recorder
    from catalog.store import connect
    from privacy.keys import KeyStore

    keys = KeyStore()
    old = keys.daily_key("usage_clients", "2026-01-01")
    assert keys.daily_key("usage_clients", "2026-01-01") == old
    new = keys.daily_key("usage_clients", "2026-01-02")
    assert new != old and keys.daily_key("usage_clients", "2026-01-01") != old  # gone: cannot be recomputed
    with connect() as con:
        con.execute("INSERT INTO usage_clients VALUES ('2026-01-01', 'health', 'hospitals', 'aa'), "
                    "('2026-01-01', 'health', 'hospitals', 'bb')")  # fmt: skip
    usage_recorder.record("api", action="package_show", department="health", dataset="hospitals", client="10.1.2.3")
    usage_recorder.flush()
    with connect(read_only=True) as con:
        assert scalar(con, "SELECT count(*) FROM usage_clients WHERE day < current_date") == 0
        assert scalar(con, "SELECT clients FROM usage_unique WHERE day = '2026-01-01'") == 2
        assert "10.1.2.3" not in json.dumps(con.execute("SELECT * FROM usage_clients").fetchall(), default=str)


def test_a_kept_dataset_page_counts_every_view_and_shows_new_downloads(usage_home: Path) -> None:
    """The dataset page is rendered once per catalog state, base URL and download counts
    (``portal.pages``): each view is still one preview use, and a download made between two views
    shows on the next one."""
    import time

    views = []

    def total(c: httpx.Client) -> int:
        page = c.get("/datasets/transport/bus_stops", headers={"accept": "text/html"})
        assert page.status_code == 200 and 'id="preview"' in page.text
        views.append(1)
        found = re.search(r'<dd id="download-total">(\d+)</dd>', page.text)
        assert found, "the page shows its download total"
        return int(found.group(1))

    with LiveServer() as portal, httpx.Client(base_url=portal.url, timeout=30) as c:
        assert total(c) == 0 and total(c) == 0
        assert c.get("/datasets/transport/bus_stops/download.csv").status_code == 200
        deadline = time.monotonic() + 10  # the download is counted once its response has ended
        while (seen := total(c)) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert seen == 1 and total(c) == 1
    per = {f"{d['department']}.{d['dataset']}": d for d in json.loads(cli_usage(usage_home, "--json"))["by_dataset"]}
    assert per["transport.bus_stops"]["kinds"] == {"download": 1, "preview": len(views)}
