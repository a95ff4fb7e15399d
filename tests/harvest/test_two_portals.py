"""Two pubdata instances on loopback: a "city" portal (its own PUBDATA_HOME with the demo
departments run, served by `pubdata serve` in a subprocess) and a "province" harvesting it through
its CKAN API (with data, through the province's Airflow DAG) and, separately, through its DCAT
endpoint; then a new version upstream (with a personal column planted in it), a deletion and an
outage upstream."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from support import LiveServer, free_port

REPO = Path(__file__).resolve().parents[2]


def planted(n: int) -> list[str]:
    """Mobile numbers planted in the city's new version (valid prefixes, one per row, random)."""
    import random

    rng = random.Random(18)
    return [rng.choice(["139", "138", "186", "150", "177"]) + f"{rng.randrange(10**8):08d}" for _ in range(n)]


class CityPortal:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        env = {**os.environ, "PUBDATA_HOME": str(self.home), "PYTHONPATH": str(REPO)}
        env.pop("PUBDATA_PORTAL_URL", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "serve", "--port", str(self.port)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/api/3/action/status_show", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the city portal did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)


@pytest.fixture
def city(demo_home: Path, tmp_path: Path) -> Iterator[CityPortal]:
    home = tmp_path / "city"
    home.mkdir()
    for name in ("catalog.duckdb", "open", "keys"):
        src = demo_home / name
        if src.is_dir():
            shutil.copytree(src, home / name)
        elif src.exists():
            shutil.copy2(src, home / name)
    portal = CityPortal(home)
    portal.start()
    try:
        yield portal
    finally:
        portal.stop()


def in_home(home: Path):
    """Run catalog code of another instance (the city) from this process."""

    class _Ctx:
        def __enter__(self):
            self.old = os.environ["PUBDATA_HOME"]
            os.environ["PUBDATA_HOME"] = str(home)

        def __exit__(self, *exc):
            os.environ["PUBDATA_HOME"] = self.old

    return _Ctx()


def city_new_version(city: CityPortal, tmp_path: Path) -> list[str]:
    """The city publishes subsidy_recipients v2 with a contact phone column in clear (what a
    careless upstream does: published directly, without the city's protection)."""
    from catalog.publish import publish_version
    from catalog.queries import columns_of, version_row
    from warehouse.lake import RunPaths

    with in_home(city.home):
        v1 = version_row("civil_affairs", "subsidy_recipients", None)
        table = pq.read_table(city.home / v1["path"])
        phones = planted(table.num_rows)
        table = table.append_column("联系电话", pa.array(phones, pa.string()))
        src = tmp_path / "subsidy_v2.parquet"
        pq.write_table(table, src)
        cols = [dict(c) for c in columns_of("civil_affairs", "subsidy_recipients", v1["version"]) if c["published"]]
        cols.append({"name": "联系电话", "level": "none", "action": "publish"})
        publish_version(
            RunPaths.for_run("civil_affairs", "subsidy_recipients", "city_v2"), "city_v2", src, columns=cols
        )
    return phones


def city_delete(city: CityPortal, department: str, dataset: str) -> None:
    from catalog.store import connect, open_view_name

    with in_home(city.home), connect() as con:
        for table in ("datasets", "versions", "columns"):
            con.execute(f"DELETE FROM {table} WHERE department_id = ? AND dataset_id = ?", [department, dataset])
        con.execute(f"DROP VIEW IF EXISTS {open_view_name(department, dataset)}")


def province_manifest(tmp_path: Path, city: CityPortal) -> Path:
    folder = tmp_path / "province_departments"
    folder.mkdir()
    manifest = {
        "id": "province",
        "name": "省大数据发展管理局",
        "contact": {"name": "数据资源处", "email": "data@example.gov.cn"},
        "schedule": "none",
        "datasets": [
            {
                "id": "city_ckan",
                "title": "市级平台（CKAN）",
                "source": {"type": "ckan", "url": city.url, "organization": "civil_affairs", "data": "data"},
            },
            {
                "id": "city_dcat",
                "title": "市级平台（DCAT）",
                "source": {"type": "dcat", "url": city.url + "/catalog.jsonld"},
            },
        ],
    }
    (folder / "province.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return folder


def harvested(entry: str) -> dict[str, dict]:
    from catalog.harvest import harvested_keys
    from catalog.queries import dataset_detail

    out = {}
    for key, row in harvested_keys("province", entry).items():
        d = dataset_detail("province", row["dataset_id"])
        out[key] = {"id": row["dataset_id"], "state": row["state"], "version": d["version"], "title": d["title"]}
    return out


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_province_harvests_city_through_ckan_and_dcat_with_change_deletion_and_outage(
    city: CityPortal, fresh_home: Path, tmp_path: Path, airflow_db, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.harvest import harvest_department
    from orchestration.runner import run_departments
    from warehouse.manifest import load_department_by_id

    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(province_manifest(tmp_path, city)))
    city_sets = json.loads(get(city.url + "/api/3/action/package_list")[1])["result"]
    people, homes = "civil_affairs__subsidy_recipients", "civil_affairs__elderly_care"
    assert people in city_sets and homes in city_sets

    # ---- first harvest, through the province's Airflow DAG
    outcomes = {o.dataset: o for o in run_departments(["province"], progress=False, serve_sources=False)}
    assert outcomes["city_ckan"].status == "harvested" and outcomes["city_dcat"].status == "harvested"
    ckan = harvested("city_ckan")
    assert set(ckan) == {people, homes}
    for row in ckan.values():
        assert outcomes[row["id"]].status == "published", outcomes[row["id"]]
        assert row["version"] == 1
    dcat = harvested("city_dcat")
    assert set(dcat) == {name.replace("__", ".", 1) for name in city_sets}  # dct:identifier dept.dataset
    city_titles = {
        p["name"].replace("__", ".", 1): p["title"]
        for p in json.loads(get(city.url + "/api/3/action/package_search?rows=1000")[1])["result"]["results"]
    }
    assert {k: v["title"] for k, v in dcat.items()} == city_titles
    subsidy, elderly = ckan[people]["id"], ckan[homes]["id"]
    from catalog.queries import columns_of

    assert columns_of("province", subsidy, 1)  # classified and decided in the province

    # ---- a new version upstream, with a personal column the city published in clear
    phones = city_new_version(city, tmp_path)
    dept = load_department_by_id("province")
    results = {r.entry: r for r in harvest_department(dept, "harvest__change")}
    assert results["city_ckan"].changed == [subsidy] and results["city_ckan"].to_pull == [subsidy]
    assert [p["status"] for p in results["city_ckan"].pulls] == ["published"], results["city_ckan"].pulls
    assert results["city_dcat"].changed == [harvested("city_dcat")["civil_affairs.subsidy_recipients"]["id"]]
    ckan = harvested("city_ckan")
    assert ckan[people]["version"] == 2 and ckan[homes]["version"] == 1  # only the changed one pulled again
    cols = {c["name"]: c for c in columns_of("province", subsidy, 2)}
    assert cols["联系电话"]["level"] in ("personal", "sensitive")
    assert cols["联系电话"]["action"] != "publish"
    with LiveServer() as province:
        status, body = get(f"{province.url}/datasets/province/{subsidy}/download.csv")
        text = body.decode("utf-8-sig")
        assert status == 200 and "联系电话" in text.splitlines()[0] or cols["联系电话"]["action"] == "drop"
        assert not [p for p in phones if p in text]
        page = get(f"{province.url}/datasets/province/{subsidy}")[1].decode()
        assert "汇聚来源" in page and city.url in page and not [p for p in phones if p in page]
    published = json.dumps([pq.read_table(p).to_pylist() for p in (fresh_home / "open").rglob("*.parquet")])
    assert not [p for p in phones if p in published]

    # ---- a deletion upstream
    city_delete(city, "civil_affairs", "elderly_care")
    results = {r.entry: r for r in harvest_department(dept, "harvest__delete")}
    assert results["city_ckan"].withdrawn == [elderly] and not results["city_ckan"].to_pull
    assert harvested("city_ckan")[homes]["state"] == "withdrawn"
    assert harvested("city_dcat")["civil_affairs.elderly_care"]["state"] == "withdrawn"
    with LiveServer() as province:
        names = json.loads(get(province.url + "/api/3/action/package_list")[1])["result"]
        assert f"province__{elderly}" not in names and f"province__{subsidy}" in names
        assert get(f"{province.url}/datasets/province/{elderly}/download.csv")[0] == 410
        assert "已撤回" in get(f"{province.url}/datasets/province/{elderly}")[1].decode()

    # ---- an outage upstream: the DAG's harvest fails naming the portal, the last good harvest stays
    city.stop()
    outcomes = {o.dataset: o for o in run_departments(["province"], progress=False, serve_sources=False)}
    for entry in ("city_ckan", "city_dcat"):
        assert outcomes[entry].status == "failed", outcomes[entry]
        assert city.url in outcomes[entry].message, outcomes[entry].message
    assert harvested("city_ckan")[people] == {**ckan[people], "version": 2}
    with LiveServer() as province:
        assert get(f"{province.url}/datasets/province/{subsidy}/download.csv")[0] == 200
