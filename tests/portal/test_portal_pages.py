"""Pages, Chinese search, DCAT-AP, Table Schema, version diffs, offline API docs."""

from __future__ import annotations

import re

import httpx

from portal.diffs import schema_changes
from portal.search import SearchIndex, highlight, tokens

HTML = {"Accept": "text/html"}


def test_chinese_tokens_and_highlight() -> None:
    assert {"门诊", "就诊"} <= set(tokens("门诊就诊记录"))
    assert "hospital_code" in tokens("hospital_code") and "code" in tokens("hospital_code")
    marked = str(highlight("全省医疗机构<名录>", "医疗机构"))
    assert "<mark>医疗机构</mark>" in marked and "&lt;名录&gt;" in marked
    assert "<script>" not in str(highlight("<script>x</script>", "script"))


def test_index_ranks_title_matches_first() -> None:
    index = SearchIndex(
        [
            {"key": "a/x", "title": "公交站点", "description": "站点坐标", "keywords": ["公交"], "columns": []},
            {"key": "b/y", "title": "医疗机构名录", "description": "含公交可达性", "keywords": [], "columns": []},
            {"key": "c/z", "title": "空气质量", "description": "监测站", "keywords": [], "columns": ["pm25"]},
        ]
    )
    hits = [k for k, _ in index.search("公交")]
    assert hits == ["a/x", "b/y"]
    assert [k for k, _ in index.search("PM25")] == ["c/z"]
    assert index.search("") == [] and index.search("完全无关的词语") == []


def test_search_page_in_chinese_with_facets_and_highlights(portal) -> None:
    r = httpx.get(f"{portal.url}/search", params={"q": "公交客流"}, headers=HTML)
    assert r.status_code == 200
    results = re.findall(r'class="title" href="/datasets/([a-z_]+/[a-z_]+)"', r.text)
    assert results[0] == "transport/ridership" and "transport/bus_stops" in results
    assert "<mark>" in r.text
    facet = httpx.get(
        f"{portal.url}/search", params={"q": "公交", "tier": "open", "department": "transport"}, headers=HTML
    )
    assert len(re.findall(r'class="result"', facet.text)) == 2
    none = httpx.get(f"{portal.url}/search", params={"q": "公交", "department": "health"}, headers=HTML)
    assert "找到 0 个数据集" in none.text
    by_column = httpx.get(f"{portal.url}/search", params={"q": "诊断编码"}, headers=HTML)
    assert "/datasets/health/clinic_visits" in by_column.text


def test_home_has_search_facets_and_recent(portal) -> None:
    r = httpx.get(portal.url + "/", headers=HTML)
    for needle in ('name="q"', "部门", "主题", "格式", "更新频率", "开放属性", 'id="recent"', "省交通运输厅"):
        assert needle in r.text
    assert 'href="/scorecard"' in r.text  # the department scorecard is linked from every page


def test_dataset_page_shows_everything(portal) -> None:
    r = httpx.get(f"{portal.url}/datasets/health/hospitals", headers=HTML)
    text = r.text
    for needle in (
        "医疗机构名录",
        "省卫生健康委员会",
        "每月",
        "CC-BY-4.0",
        "医院",
        'id="quality-badge"',
        '<svg class="chart"',
        'id="preview"',
        'id="versions"',
        "不兼容变更",
        "重命名",
        "<code>phone</code> → <code>telephone</code>",
        "删除字段 <code>beds</code>",
        'id="api-snippet"',
        "ckanapi.RemoteCKAN",
        "download.csv",
    ):
        assert needle in text, needle
    visits = httpx.get(f"{portal.url}/datasets/health/clinic_visits", headers=HTML).text
    for needle in ("有条件开放", "泛化", "不公开", "诊断属于敏感个人信息", "身份证号", "/apply"):
        assert needle in visits, needle
    assert 'id="preview"' not in visits


def test_schema_diff_rules() -> None:
    old = [{"name": "a", "type": "string"}, {"name": "b", "type": "int64"}, {"name": "c", "type": "double"}]
    same = schema_changes(old, old)
    assert not same["breaking"] and not same["added"]
    added = schema_changes(old, old + [{"name": "d", "type": "string"}])
    assert added["added"] == ["d"] and not added["breaking"]
    retyped = schema_changes(old, [old[0], {"name": "b", "type": "string"}, old[2]])
    assert retyped["breaking"] and retyped["retyped"][0]["name"] == "b"
    dropped = schema_changes(old, old[:2])
    assert dropped["breaking"] and dropped["removed"] == ["c"]


def test_dcat_catalog_and_table_schema(portal) -> None:
    doc = httpx.get(f"{portal.url}/catalog.jsonld").json()
    assert doc["@type"] == "dcat:Catalog" and doc["dct:publisher"] and doc["dct:title"]
    sets = {d["dct:identifier"]: d for d in doc["dcat:dataset"]}
    hosp = sets["health.hospitals"]
    assert hosp["dct:title"]["@value"] == "医疗机构名录" and hosp["dct:modified"]
    assert hosp["dct:publisher"]["foaf:name"] == "省卫生健康委员会" and hosp["dct:license"]
    assert {d["dct:format"]["@id"].rsplit("/", 1)[1] for d in hosp["dcat:distribution"]} == {"CSV", "JSON", "PARQUET"}
    assert all(d["dcat:accessURL"] for d in hosp["dcat:distribution"])
    assert sets["market_regulation.enterprise_registry"]["dcat:distribution"] == []
    assert sets["health.clinic_visits"]["dct:accessRights"]["@id"].endswith("RESTRICTED")
    schema = httpx.get(f"{portal.url}/datasets/transport/bus_stops/schema.json").json()
    assert [f["name"] for f in schema["fields"]][:2] == ["stop_id", "stop_name"]
    assert schema["fields"][2]["type"] == "number" and schema["primaryKey"] == ["stop_id"]
    assert schema["fields"][0]["constraints"] == {"required": True}


def test_api_docs_are_offline(portal) -> None:
    r = httpx.get(f"{portal.url}/docs", headers=HTML)
    assert r.status_code == 200 and "/api/3/action/{name}" in r.text and "/catalog.jsonld" in r.text
    assert not re.search(r"<script[^>]+src=\"https?://", r.text) and "cdn" not in r.text.lower()
    assert httpx.get(f"{portal.url}/openapi.json").json()["info"]["title"]
    assert httpx.get(f"{portal.url}/redoc").status_code == 404


def test_unpublished_dataset_and_department_pages(portal) -> None:
    r = httpx.get(f"{portal.url}/datasets/ecology/air_quality", headers=HTML)
    assert r.status_code == 200 and "尚未发布" in r.text
    assert httpx.get(f"{portal.url}/datasets/ecology/air_quality/download.csv").status_code == 404
    deps = httpx.get(f"{portal.url}/departments", headers=HTML).text
    assert "省卫生健康委员会" in deps and "/departments/transport" in deps
    dept = httpx.get(f"{portal.url}/departments/transport", headers=HTML).text
    assert "公交站点" in dept and "公交线路日客流" in dept and 'id="department-datasets"' in dept
