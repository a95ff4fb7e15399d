"""Every CKAN read action, driven through the real ``ckanapi`` client (library and CLI) against a live
portal, compared with CKAN 2.10's response shapes.

Expected key sets, from CKAN 2.10.9's source (github.com/ckan/ckan, tag ckan-2.10.9):
* package: the ``package`` table's columns (``ckan/model/package.py``, without ``plugin_data``,
  which only sysadmins see) plus what ``package_dictize`` (``ckan/lib/dictization/model_dictize.py``)
  adds: resources, num_resources, tags, num_tags, extras, groups, organization,
  relationships_as_subject, relationships_as_object, isopen, license_title (license_url when the
  licence has one).
* resource: the ``resource`` table's columns (``ckan/model/resource.py``; ``extras`` merged in).
* organization embedded in a package: the ``group`` table's columns (``ckan/model/group.py``);
  ``organization_show`` adds display_name, extras, package_count, tags, groups, users,
  image_display_url, num_followers (``group_dictize`` and ``_group_or_org_show``);
  ``organization_list all_fields`` calls it with include_* False.
* tag: the ``tag`` table's columns + display_name (``tag_dictize``); in a package also ``state``.
* license_list: ``DefaultLicense._keys`` (``ckan/model/license.py``), every value a string.
* status_show, package_autocomplete, organization_autocomplete, package_search, resource_search,
  help_show, unknown action: ``ckan/logic/action/get.py`` and ``ckan/views/api.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import ckanapi
import httpx
import pytest

CKANAPI_CLI = Path(sys.executable).parent / "ckanapi"

PACKAGE_KEYS = {
    "id", "name", "title", "version", "url", "author", "author_email", "maintainer", "maintainer_email",
    "notes", "license_id", "type", "owner_org", "creator_user_id", "metadata_created", "metadata_modified",
    "private", "state",
    "resources", "num_resources", "tags", "num_tags", "extras", "groups", "organization",
    "relationships_as_subject", "relationships_as_object", "isopen", "license_title",
}  # fmt: skip
RESOURCE_KEYS = {
    "id", "package_id", "url", "format", "description", "hash", "position", "name", "resource_type",
    "mimetype", "mimetype_inner", "size", "created", "last_modified", "metadata_modified", "cache_url",
    "cache_last_updated", "url_type", "state",
}  # fmt: skip
GROUP_COLUMNS = {
    "id", "name", "title", "type", "description", "image_url", "created", "is_organization",
    "approval_status", "state",
}  # fmt: skip
ORG_SHOW_KEYS = GROUP_COLUMNS | {
    "display_name", "extras", "package_count", "tags", "groups", "users", "image_display_url", "num_followers",
}  # fmt: skip
ORG_LIST_ALL_FIELDS_KEYS = GROUP_COLUMNS | {"display_name", "package_count", "image_display_url", "num_followers"}
TAG_KEYS = {"id", "name", "vocabulary_id", "display_name"}
PACKAGE_TAG_KEYS = TAG_KEYS | {"state"}
LICENSE_KEYS = {
    "domain_content", "id", "domain_data", "domain_software", "family", "is_generic", "od_conformance",
    "osd_conformance", "maintainer", "status", "url", "title",
}  # fmt: skip
STATUS_KEYS = {
    "site_title",
    "site_description",
    "site_url",
    "error_emails_to",
    "locale_default",
    "extensions",
    "ckan_version",
}
SEARCH_KEYS = {"count", "facets", "results", "sort", "search_facets"}


@pytest.fixture(scope="module")
def remote(portal):
    with ckanapi.RemoteCKAN(portal.url, user_agent="pubdata-conformance") as ckan:
        yield ckan


def _is_uuid(value: str) -> bool:
    return str(uuid.UUID(value)) == value


def test_ids_are_stable_uuids_and_names_stay_slugs(remote) -> None:
    pkg = remote.action.package_show(id="health__hospitals")
    # uuid5 over pubdata's fixed namespace and the name: the same in every run and after a rebuild
    assert pkg["id"] == "74eb8392-3e0d-51a3-973b-b54c71398267"  # never changes: harvesters key datasets by it
    assert pkg["id"] == str(uuid.uuid5(uuid.UUID("8d1f6a52-5c0e-5b7d-9a3e-2f4b6c8d0e1a"), "package:health__hospitals"))
    assert pkg["name"] == "health__hospitals"
    assert remote.action.package_show(id=pkg["id"])["name"] == "health__hospitals"
    assert _is_uuid(pkg["owner_org"]) and pkg["owner_org"] == pkg["organization"]["id"]
    for r in pkg["resources"]:
        assert _is_uuid(r["id"]) and r["package_id"] == pkg["id"]
        assert remote.action.resource_show(id=r["id"])["id"] == r["id"]
    assert remote.action.resource_show(id="health__hospitals__csv")["format"] == "CSV"  # old ids still work
    for t in pkg["tags"]:
        assert _is_uuid(t["id"]) and remote.action.tag_show(id=t["id"])["name"] == t["name"]
    org = remote.action.organization_show(id=pkg["owner_org"])
    assert org["name"] == "health" and remote.action.organization_show(id="health")["id"] == org["id"]


def test_package_show_shape(remote) -> None:
    pkg = remote.action.package_show(id="health__hospitals")
    assert set(pkg) >= PACKAGE_KEYS, PACKAGE_KEYS - set(pkg)
    assert pkg["creator_user_id"] is None and pkg["type"] == "dataset" and pkg["private"] is False
    assert set(pkg["organization"]) == GROUP_COLUMNS
    assert all(set(t) == PACKAGE_TAG_KEYS for t in pkg["tags"])
    assert pkg["extras"] == sorted(pkg["extras"], key=lambda e: e["key"]) and all(
        set(e) == {"key", "value"} for e in pkg["extras"]
    )
    assert pkg["license_url"].startswith("https://creativecommons.org/")
    for r in pkg["resources"]:
        assert set(r) >= RESOURCE_KEYS, RESOURCE_KEYS - set(r)
        assert r["cache_last_updated"] is None and r["mimetype_inner"] is None and r["datastore_active"] is True
    assert [r["position"] for r in pkg["resources"]] == [0, 1, 2]


def test_lists(remote) -> None:
    names = remote.action.package_list()
    assert names == sorted(names) and len(names) == 9
    assert remote.action.package_list(limit=3, offset=2) == names[2:5]
    current = remote.action.current_package_list_with_resources(limit=4, offset=1)
    everything = remote.action.current_package_list_with_resources(limit=100)
    assert [p["name"] for p in current] == [p["name"] for p in everything[1:5]]
    modified = [p["metadata_modified"] for p in everything]
    assert modified == sorted(modified, reverse=True)  # most recently modified first
    assert all(set(p) >= PACKAGE_KEYS for p in everything)
    assert len(remote.action.current_package_list_with_resources()) == 9  # default 10 rows


def test_organizations_groups_tags_licenses(remote) -> None:
    orgs = remote.action.organization_list()
    assert len(orgs) == 5 and all(isinstance(o, str) for o in orgs)
    full = remote.action.organization_list(all_fields=True, limit=2, offset=1)
    assert [o["name"] for o in full] == orgs[1:3]
    assert all(set(o) == ORG_LIST_ALL_FIELDS_KEYS for o in full)
    shown = remote.action.organization_show(id="transport", include_datasets=True)
    assert set(shown) >= ORG_SHOW_KEYS and len(shown["packages"]) == 2 and shown["package_count"] == 2
    assert all({"id", "group_id", "key", "value", "state"} == set(e) for e in shown["extras"])
    assert remote.action.organization_autocomplete(q="transp") == [
        {"id": shown["id"], "name": "transport", "title": "省交通运输厅"}
    ]
    assert remote.action.group_list() == [] and remote.action.group_list(all_fields=True) == []
    with pytest.raises(ckanapi.NotFound):
        remote.action.group_show(id="anything")
    tags = remote.action.tag_list()
    assert "医院" in tags and tags == sorted(tags)
    assert remote.action.tag_list(query="公交") == ["公交"]
    assert all(set(t) == TAG_KEYS for t in remote.action.tag_list(all_fields=True))
    with pytest.raises(ckanapi.NotFound):
        remote.action.tag_list(vocabulary_id="no_such_vocabulary")
    tag = remote.action.tag_show(id="公交", include_datasets=True)
    assert set(tag) == TAG_KEYS | {"packages"} and {p["name"] for p in tag["packages"]} == {
        "transport__bus_stops",
        "transport__ridership",
    }
    with pytest.raises(ckanapi.NotFound):
        remote.action.tag_show(id="没有这个标签")
    licenses = remote.action.license_list()
    assert {lic["id"] for lic in licenses} >= {"CC-BY-4.0", "CC0-1.0"}
    assert all(set(lic) == LICENSE_KEYS and all(isinstance(v, str) for v in lic.values()) for lic in licenses)


def test_autocomplete_and_resource_search(remote) -> None:
    found = remote.action.package_autocomplete(q="bus")
    assert found == [
        {
            "name": "transport__bus_stops",
            "title": "公交站点",
            "match_field": "name",
            "match_displayed": "transport__bus_stops",
        }
    ]
    by_title = remote.action.package_autocomplete(q="公交线路")
    assert (
        by_title[0]["match_field"] == "title"
        and by_title[0]["match_displayed"] == "公交线路日客流 (transport__ridership)"
    )
    assert remote.action.format_autocomplete(q="par") == ["parquet"]
    assert remote.action.format_autocomplete(q="s", limit=1) == ["csv"]
    csv = remote.action.resource_search(query="format:csv")
    assert (
        set(csv) == {"count", "results"} and csv["count"] == 6
    )  # 4 open (inspections: v2 open) + 2 conditional datasets
    assert all(set(r) >= RESOURCE_KEYS and r["format"] == "CSV" for r in csv["results"])
    page = remote.action.resource_search(query=["format:csv", "name:公交"], order_by="name", limit=1, offset=1)
    assert page["count"] == 2 and len(page["results"]) == 1
    parquet = remote.action.resource_search(
        query="hash:" + remote.action.package_show(id="transport__bus_stops")["resources"][2]["hash"][:8]
    )
    assert parquet["count"] == 1 and parquet["results"][0]["format"] == "Parquet"
    with pytest.raises(ckanapi.ValidationError):
        remote.action.resource_search(query="no_such_field:x")
    with pytest.raises(ckanapi.ValidationError):
        remote.action.resource_search()


def test_package_search_finds_every_dataset_by_its_name(remote) -> None:
    result = remote.action.package_search(q="*:*", rows=1000)
    assert set(result) == SEARCH_KEYS and result["count"] == 9
    for name in remote.action.package_list():
        hits = remote.action.package_search(q=name)["results"]
        assert hits and hits[0]["name"] == name, (name, [h["name"] for h in hits])
        assert remote.action.package_search(q=f"name:{name}")["count"] == 1


def test_package_search_fields_fq_sort_facets(remote) -> None:
    by_tag = remote.action.package_search(q="tags:公交")
    assert {p["name"] for p in by_tag["results"]} == {"transport__bus_stops", "transport__ridership"}
    by_org = remote.action.package_search(q="organization:health", sort="name asc")
    assert [p["name"] for p in by_org["results"]] == ["health__clinic_visits", "health__hospitals"]
    by_notes = remote.action.package_search(q="notes:站点坐标")
    assert by_notes["count"] >= 1
    either = remote.action.package_search(fq="organization:health OR organization:transport", rows=100)
    assert either["count"] == 4
    negated = remote.action.package_search(fq="-organization:health", rows=100)
    assert negated["count"] == 7
    formats = remote.action.package_search(fq="res_format:CSV +open_tier:open", rows=100)
    assert formats["count"] == 4  # hospitals, bus_stops, ridership, inspections
    with_org = remote.action.package_search(fq="owner_org:" + remote.action.organization_show(id="ecology")["id"])
    assert with_org["count"] == 1
    ids = [p["id"] for p in remote.action.package_search(sort="id asc", rows=100)["results"]]
    assert ids == sorted(ids)
    facets = remote.action.package_search(rows=0, **{"facet.field": json.dumps(["license_id", "res_format"])})
    items = facets["search_facets"]["license_id"]["items"]
    assert {"name", "display_name", "count"} == set(items[0]) and facets["results"] == []
    names = [i["display_name"] for i in facets["search_facets"]["res_format"]["items"]]
    assert names == sorted(names, reverse=True)  # as CKAN sorts them
    assert remote.action.package_search(rows=5000)["count"] == 9  # rows capped at 1000, not an error
    with pytest.raises(ckanapi.SearchQueryError):
        remote.action.package_search(q="title:(unbalanced")
    with pytest.raises(ckanapi.SearchQueryError):
        remote.action.package_search(no_such_parameter="x")


def test_metadata_modified_ranges(remote) -> None:
    everything = remote.action.package_search(rows=100, sort="metadata_modified asc")["results"]
    stamps = [p["metadata_modified"] for p in everything]
    middle = stamps[len(stamps) // 2]
    since = remote.action.package_search(fq=f"metadata_modified:[{middle}Z TO *]", rows=100)
    assert since["count"] == sum(1 for s in stamps if s >= middle)
    before = remote.action.package_search(fq=f"metadata_modified:{{* TO {middle}Z}}", rows=100)
    assert before["count"] == sum(1 for s in stamps if s < middle)
    assert remote.action.package_search(fq="metadata_modified:[NOW+1DAY TO *]")["count"] == 0
    assert remote.action.package_search(fq="metadata_modified:[* TO NOW]", rows=100)["count"] == 9
    with pytest.raises(ckanapi.SearchQueryError):
        remote.action.package_search(fq="metadata_modified:[yesterday TO *]")


def test_site_status_help(remote) -> None:
    assert remote.action.site_read() is True
    status = remote.action.status_show()
    assert set(status) == STATUS_KEYS and status["ckan_version"].startswith("2.10")
    text = remote.action.help_show(name="package_search")
    assert ":param q:" in text and ":param fq:" in text
    with pytest.raises(ckanapi.NotFound):
        remote.action.help_show(name="no_such_action")


def test_unknown_action_is_ckans_bad_request(portal, remote) -> None:
    # ckan/views/api.py (2.10): _finish_bad_request(u'Action name not known: {0}') -> HTTP 400 with
    # the JSON string 'Bad request - Action name not known: X'; ckanapi raises CKANAPIError for it
    for method in ("GET", "POST"):
        r = httpx.request(method, f"{portal.url}/api/3/action/no_such_action", json={} if method == "POST" else None)
        assert r.status_code == 400 and r.headers["content-type"].startswith("application/json")
        assert r.json() == "Bad request - Action name not known: no_such_action"
    with pytest.raises(ckanapi.CKANAPIError) as err:
        remote.action.no_such_action()
    assert not isinstance(err.value, ckanapi.NotFound) and "Action name not known" in str(err.value)


def test_api_root_util_and_i18n(portal) -> None:
    get = lambda path: httpx.get(portal.url + path)  # noqa: E731
    assert get("/api/3").json() == {"version": 3} and get("/api").json() == {"version": 1}
    assert get("/api/2").json() == {"version": 2}
    assert get("/api/2/util/resource/format_autocomplete?incomplete=cs").json() == {
        "ResultSet": {"Result": [{"Format": "csv"}]}
    }
    assert get("/api/util/resource/format_autocomplete?incomplete=").json() == {"ResultSet": {"Result": []}}
    assert get("/api/2/util/dataset/autocomplete?incomplete=ridership").json()["ResultSet"]["Result"][0]["name"] == (
        "transport__ridership"
    )
    assert get("/api/2/util/tag/autocomplete?incomplete=公").json()["ResultSet"]["Result"] == [{"Name": "公交"}]
    assert get("/api/2/util/organization/autocomplete?q=eco").json()[0]["name"] == "ecology"
    zh = get("/api/i18n/zh_Hans_CN").json()
    assert zh[""]["lang"] == "zh_Hans_CN" and zh["not personal: published as is"] == [None, "非个人信息：原样公开"]
    assert get("/api/i18n/en").text == "{}"
    bad = get("/api/i18n/xx")
    assert bad.status_code == 400 and bad.json() == "Bad request - Unknown locale: xx"


def _cli(portal, *args: str) -> Any:
    proc = subprocess.run(
        [str(CKANAPI_CLI), "action", *args, "-r", portal.url],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{CKANAPI_CLI.parent}:{os.environ.get('PATH', '')}"},
    )
    assert proc.returncode == 0, (args, proc.stderr[-500:])
    return json.loads(proc.stdout)


def test_every_action_through_the_ckanapi_cli(portal) -> None:
    assert _cli(portal, "group_list") == []
    assert "医院" in _cli(portal, "tag_list")
    assert _cli(portal, "tag_show", "id=医院")["name"] == "医院"
    assert len(_cli(portal, "license_list")) >= 3
    assert _cli(portal, "package_autocomplete", "q=hosp")[0]["name"] == "health__hospitals"
    assert _cli(portal, "format_autocomplete", "q=js") == ["json"]
    assert _cli(portal, "organization_autocomplete", "q=health")[0]["name"] == "health"
    assert _cli(portal, "resource_search", "query=format:parquet")["count"] == 6
    assert ":param name:" in _cli(portal, "help_show", "name=help_show")
    assert _cli(portal, "status_show")["ckan_version"].startswith("2.10")
    assert _cli(portal, "site_read") is True
    assert _cli(portal, "package_list", "limit=2") == [
        "civil_affairs__elderly_care",
        "civil_affairs__subsidy_recipients",
    ]
    assert len(_cli(portal, "current_package_list_with_resources", "limit=3")) == 3
    assert _cli(portal, "package_show", "id=transport__bus_stops")["num_resources"] == 3
    assert _cli(portal, "package_search", "q=公交", "rows:1")["count"] == 2
    assert len(_cli(portal, "organization_list", "all_fields:true")) == 5
    assert _cli(portal, "organization_show", "id=health")["package_count"] == 2
    res = _cli(portal, "resource_show", "id=transport__bus_stops__json")
    assert res["format"] == "JSON"
    assert _cli(portal, "datastore_search", f"resource_id={res['id']}", "limit:2")["total"] == 30
    proc = subprocess.run(
        [str(CKANAPI_CLI), "action", "group_show", "id=x", "-r", portal.url], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode != 0 and "NotFound" in proc.stderr
