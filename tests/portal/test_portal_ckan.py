"""The CKAN Action API, exercised with the real ckanapi client (library and CLI) on a live server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import ckanapi
import httpx
import pytest

CKANAPI_CLI = Path(sys.executable).parent / "ckanapi"


@pytest.fixture
def remote(portal):
    with ckanapi.RemoteCKAN(portal.url, user_agent="pubdata-tests") as ckan:
        yield ckan


def test_package_search_in_chinese_with_ckanapi(remote) -> None:
    result = remote.action.package_search(q="医院", rows=5)
    names = [p["name"] for p in result["results"]]
    assert names[0] == "health__hospitals"
    assert result["count"] >= 1
    hit = result["results"][0]
    assert hit["organization"]["name"] == "health"
    assert {r["format"] for r in hit["resources"]} == {"CSV", "JSON", "Parquet"}
    assert isinstance(hit["extras"], list) and {"key", "value"} <= set(hit["extras"][0])


def test_package_search_column_names_fq_facets_sort_paging(remote) -> None:
    by_column = remote.action.package_search(q="boardings")
    assert [p["name"] for p in by_column["results"]] == ["transport__ridership"]
    everything = remote.action.package_search(rows=1000, **{"facet.field": json.dumps(["organization", "open_tier"])})
    assert everything["count"] == 9
    items = {i["name"]: i["count"] for i in everything["search_facets"]["organization"]["items"]}
    assert items["health"] == 2 and items["transport"] == 2
    assert everything["facets"]["open_tier"]["conditional"] == 2
    assert everything["search_facets"]["organization"]["items"][0]["display_name"]
    health = remote.action.package_search(fq="organization:health", sort="name asc")
    assert [p["name"] for p in health["results"]] == ["health__clinic_visits", "health__hospitals"]
    tagged = remote.action.package_search(fq='tags:"公交"')
    assert {p["name"] for p in tagged["results"]} == {"transport__bus_stops", "transport__ridership"}
    page1 = remote.action.package_search(rows=4, start=0, sort="name asc")
    page2 = remote.action.package_search(rows=4, start=4, sort="name asc")
    assert not {p["name"] for p in page1["results"]} & {p["name"] for p in page2["results"]}
    capped = remote.action.package_search(rows=100000)
    assert len(capped["results"]) == capped["count"]


def test_package_show_list_and_organizations(remote) -> None:
    names = remote.action.package_list()
    assert "health__hospitals" in names and len(names) == 9
    pkg = remote.action.package_show(id="health__hospitals", include_datasets=False)
    for key in (
        "id",
        "name",
        "title",
        "notes",
        "url",
        "version",
        "state",
        "type",
        "private",
        "isopen",
        "license_id",
        "license_title",
        "metadata_created",
        "metadata_modified",
        "owner_org",
        "organization",
        "tags",
        "groups",
        "extras",
        "num_resources",
        "num_tags",
        "resources",
        "relationships_as_object",
        "relationships_as_subject",
    ):
        assert key in pkg, key
    assert pkg["type"] == "dataset" and pkg["isopen"] and pkg["version"] == "3"
    # CKAN's form: ISO 8601 in UTC without an offset
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?", pkg["metadata_modified"]), pkg[
        "metadata_modified"
    ]
    assert pkg["tags"][0]["name"] == "医院"
    res = remote.action.resource_show(id="health__hospitals__csv")
    assert res["url"].endswith("/datasets/health/hospitals/download.csv") and res["package_id"] == "health__hospitals"
    assert remote.action.organization_list() == sorted(remote.action.organization_list())
    org = remote.action.organization_show(id="health", include_datasets=True)
    assert org["title"] == "省卫生健康委员会" and len(org["packages"]) == 2
    withheld = remote.action.package_show(id="market_regulation__enterprise_registry")
    assert withheld["resources"] == [] and not withheld["isopen"]


def test_errors_map_to_ckanapi_exceptions(remote) -> None:
    with pytest.raises(ckanapi.NotFound):
        remote.action.package_show(id="health__nope")
    with pytest.raises(ckanapi.NotFound):
        remote.action.organization_show(id="../etc")
    with pytest.raises(ckanapi.ValidationError):
        remote.action.package_search(rows=-1)
    with pytest.raises(ckanapi.SearchQueryError):
        remote.action.package_search(fq="evil_field:x")
    with pytest.raises(ckanapi.SearchQueryError):
        remote.action.package_search(sort="title; DROP TABLE datasets")
    with pytest.raises(ckanapi.NotAuthorized):
        remote.action.datastore_search(resource_id="health__clinic_visits__csv")
    with pytest.raises(ckanapi.NotFound):  # withheld: metadata only, no resources at all
        remote.action.datastore_search(resource_id="market_regulation__enterprise_registry__csv")


def test_datastore_search(remote) -> None:
    out = remote.action.datastore_search(
        resource_id="transport__ridership__csv",
        limit=3,
        offset=0,
        filters={"line": "2路"},
        sort="boardings desc",
        fields=["date", "line", "boardings"],
    )
    assert [f["id"] for f in out["fields"]] == ["date", "line", "boardings"]
    assert out["fields"][2]["type"] == "int"
    assert out["total"] == 10 and len(out["records"]) == 3
    assert all(r["line"] == "2路" for r in out["records"])
    assert out["records"][0]["boardings"] > out["records"][1]["boardings"]
    q = remote.action.datastore_search(resource_id="transport__bus_stops__csv", q="武林门")
    assert q["total"] == 15
    with pytest.raises(ckanapi.ValidationError):
        remote.action.datastore_search(resource_id="transport__bus_stops__csv", filters={"x' OR 1=1 --": "1"})
    with pytest.raises(ckanapi.ValidationError):
        remote.action.datastore_search(resource_id="transport__bus_stops__csv", sort="stop_id; DROP TABLE x")
    big = remote.action.datastore_search(resource_id="transport__bus_stops__csv", limit=10**12)
    assert big["limit"] == 32000 and len(big["records"]) == 30


def test_get_and_post_on_both_paths(portal) -> None:
    for path in ("/api/action/package_show", "/api/3/action/package_show"):
        get = httpx.get(portal.url + path, params={"id": "transport__bus_stops"})
        post = httpx.post(portal.url + path, json={"id": "transport__bus_stops"})
        assert get.status_code == post.status_code == 200
        assert get.json()["result"]["name"] == post.json()["result"]["name"] == "transport__bus_stops"
        assert get.json()["help"].startswith(portal.url)


def _env() -> dict[str, str]:
    # ckanapi's dump starts its workers as `ckanapi` from PATH
    return {**os.environ, "PATH": f"{CKANAPI_CLI.parent}:{os.environ.get('PATH', '')}"}


@pytest.mark.cli
def test_ckanapi_dump_datasets_cli(portal, tmp_path: Path) -> None:
    out = tmp_path / "dump.jsonl"
    proc = subprocess.run(
        [str(CKANAPI_CLI), "dump", "datasets", "--all", "-r", portal.url, "-O", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 9
    assert {r["name"] for r in records} >= {"health__hospitals", "transport__bus_stops"}
    dp = tmp_path / "dp"
    proc = subprocess.run(
        [
            str(CKANAPI_CLI),
            "dump",
            "datasets",
            "transport__bus_stops",
            "-r",
            portal.url,
            "--datapackages",
            str(dp),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stderr
    # ckanapi 4.11's --datapackages downloads the *last* resource's URL into every file (it passes
    # its loop variable instead of the current resource): our last resource is the Parquet file.
    parquet = list(dp.rglob("*.parquet"))
    assert parquet and parquet[0].read_bytes()[:4] == b"PAR1"
    package = json.loads((dp / "transport__bus_stops" / "datapackage.json").read_text())
    assert package["name"] == "transport__bus_stops" and len(package["resources"]) == 3
