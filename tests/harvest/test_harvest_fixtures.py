"""Harvesting recorded real catalogs (five CKAN portals, a DCAT catalog in three syntaxes and two
more DCAT documents) from the replay server, through the normal, changed, deleted, down and
garbage scenarios; the planted personal-data resource goes through classification and the leak
gate before anything is republished."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from harvest_replay import ReplayServer
from support import CannedServer, LiveServer

from warehouse.manifest import load_department


def department(tmp_path: Path, dept_id: str, entries: dict[str, dict]) -> object:
    folder = tmp_path / "departments"
    folder.mkdir(exist_ok=True)
    manifest = {
        "id": dept_id,
        "name": "省大数据发展管理局",
        "contact": {"name": "数据资源处", "email": "data@example.gov.cn"},
        "schedule": "none",
        "datasets": [{"id": k, "title": f"汇聚 {k}", "source": v} for k, v in entries.items()],
    }
    path = folder / f"{dept_id}.yaml"
    path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    return load_department(path)


def catalog_of(dept: str, entry: str) -> dict[str, dict]:
    """Remote key -> {id, title, state, modified} of what one harvest entry brought."""
    from catalog.harvest import harvested_keys
    from catalog.queries import dataset_detail

    out = {}
    for key, row in harvested_keys(dept, entry).items():
        d = dataset_detail(dept, row["dataset_id"])
        assert d is not None, key
        out[key] = {
            "id": row["dataset_id"],
            "title": d["title"],
            "state": row["state"],
            "modified": row["remote_modified"],
            "version": d["version"],
        }
    return out


def current(entries: dict[str, dict]) -> dict[str, str]:
    return {k: v["title"] for k, v in entries.items() if v["state"] == "current"}


def run(dept, run_id: str, **kw):
    from orchestration.harvest import harvest_department

    return {r.entry: r for r in harvest_department(dept, run_id, **kw)}


def pii_values(replay: ReplayServer) -> tuple[list[str], list[str]]:
    url = replay.url + replay.expected["pii_resource"]["url"]
    with urllib.request.urlopen(url, timeout=10) as r:
        text = r.read().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";" if text.count(";") > text.count(",") else ","))
    mobiles = [r["contact_mobile"] for r in rows if r.get("contact_mobile")]
    ids = [r["id_number"] for r in rows if r.get("id_number")]
    assert len(ids) == replay.expected["pii_resource"]["rows"] and len(mobiles) == len(ids)
    return mobiles, ids


def test_ckan_portals_normal_changed_deleted_down_garbage_and_the_planted_personal_data(
    replay: ReplayServer, fresh_home: Path, tmp_path: Path
) -> None:
    exp = replay.expected["scenarios"]
    base = replay.url
    dept = department(
        tmp_path,
        "province",
        {
            "ridl_gt": {"type": "ckan", "url": base + "/ridl", "organization": "guatemala", "data": "data"},
            "ridl": {"type": "ckan", "url": base + "/ridl"},
            "envidat": {"type": "ckan", "url": base + "/envidat"},
            "avalanche": {
                "type": "ckan",
                "url": base + "/envidat",
                "organization": "slf-snow-avalanches-and-prevention",
                "data": "data",
                "formats": ["csv"],
            },
            "demo": {"type": "ckan", "url": base + "/demo-ckan"},
            "hk": {"type": "ckan", "url": base + "/data-gov-hk"},
        },
    )
    portals = {"ridl": "ckan:ridl", "envidat": "ckan:envidat", "demo": "ckan:demo-ckan", "hk": "ckan:data-gov-hk"}
    mobiles, ids = pii_values(replay)

    # ---- normal: exactly the recorded datasets and titles; only downloadable resources pulled
    replay.clear()
    results = run(dept, "harvest__1")
    assert all(r.status == "ok" for r in results.values()), {k: r.message for k, r in results.items()}
    for entry, ep in portals.items():
        want = {d["name"]: d["title"] for d in exp["normal"][ep]["datasets"]}
        assert current(catalog_of("province", entry)) == want, entry
    guatemala = exp["normal"]["ckan:ridl"]["by_organization"]["guatemala"]
    assert sorted(catalog_of("province", "ridl_gt")) == sorted(guatemala)
    pulled = {p["dataset"]: p for r in results.values() for p in r.pulls}
    assert len(pulled) == 3 and all(p["status"] == "published" for p in pulled.values()), pulled
    downloadable = {u for ep in ("ckan:ridl", "ckan:envidat") for u in exp["normal"][ep]["downloadable"]["CSV"]}
    fetched = {r["path"] for r in replay.requests() if r["path"].startswith("/files/")}
    assert fetched and fetched <= downloadable
    assert replay.expected["pii_resource"]["url"] in fetched

    # the planted personal data: classified, ID numbers dropped, mobiles masked, nothing raw anywhere
    from catalog.queries import columns_of

    gt = catalog_of("province", "ridl_gt")[replay.expected["pii_resource"]["dataset"]]
    cols = {c["name"]: c for c in columns_of("province", gt["id"], gt["version"])}
    assert cols["id_number"]["level"] == "sensitive" and not cols["id_number"]["published"]
    assert cols["contact_mobile"]["level"] in ("personal", "sensitive")
    assert cols["contact_mobile"]["action"] in ("mask", "drop", "pseudonymise")
    published = [pq.read_table(p).to_pylist() for p in (fresh_home / "open").rglob("*.parquet")]
    blob = json.dumps(published, ensure_ascii=False, default=str)
    assert not [v for v in mobiles + ids if v in blob]
    with LiveServer() as portal:
        outputs = []
        for path in (
            f"/datasets/province/{gt['id']}",
            f"/datasets/province/{gt['id']}/download.csv",
            f"/datasets/province/{gt['id']}/download.json",
            f"/api/3/action/package_show?id=province__{gt['id']}",
            f"/api/3/action/datastore_search?resource_id=province__{gt['id']}__csv&limit=100",
            "/catalog.jsonld",
            "/api/3/action/package_search?rows=1000",
        ):
            with urllib.request.urlopen(portal.url + path, timeout=30) as r:
                assert r.status == 200, path
                outputs.append(r.read().decode("utf-8"))
        page = outputs[0]
        assert "汇聚来源" in page and base + "/ridl" in page
        show = json.loads(outputs[3])["result"]
        extras = {e["key"]: e["value"] for e in show["extras"]}
        assert extras["harvest_source"] == base + "/ridl"
        assert extras["harvest_url"].endswith("/dataset/" + replay.expected["pii_resource"]["dataset"])
        # a pulled dataset is served from the protected copy only: no link to the raw remote file
        assert replay.expected["pii_resource"]["url"] not in outputs[0] + outputs[3]
        # a metadata-only one links the remote files as CKAN resources with UUIDs resource_show finds
        linked = [p for p in json.loads(outputs[6])["result"]["results"] if p["resources"] and not p["version"]]
        assert linked, "no metadata-only harvested dataset with remote files"
        remote_res = linked[0]["resources"][0]
        assert str(uuid.UUID(remote_res["id"])) == remote_res["id"]
        assert {"mimetype_inner", "cache_last_updated", "cache_url"} <= set(remote_res)
        with urllib.request.urlopen(f"{portal.url}/api/3/action/resource_show?id={remote_res['id']}", timeout=30) as r:
            assert json.loads(r.read())["result"] == remote_res
    text = "\n".join(outputs)
    assert not [v for v in mobiles + ids if v in text]
    # remote maintainers' e-mail addresses are not republished
    raw_emails = {
        p.get("maintainer_email")
        for ep in ("ridl", "envidat", "demo-ckan")
        for f in (replay.folder / "fixtures" / "ckan" / ep / "package_show").glob("*.json")
        for p in [json.loads(f.read_text(encoding="utf-8"))["result"]]
        if p.get("maintainer_email")
    }
    assert raw_emails and not [e for e in raw_emails if e in text]

    # ---- changed: only the changed dataset is fetched again
    before = {e: catalog_of("province", e) for e in ("ridl", "avalanche", "ridl_gt")}
    replay.scenario("changed")
    replay.clear()
    results = run(dept, "harvest__2")
    assert all(r.status == "ok" for r in results.values())
    for entry, ep in portals.items():
        changed = exp["changed"][ep]["changed"]
        got = catalog_of("province", entry)
        assert got[changed["name"]]["title"] == changed["new_title"]
        assert got[changed["name"]]["modified"] == changed["new_metadata_modified"]
        assert current(got) == {d["name"]: d["title"] for d in exp["changed"][ep]["datasets"]}
    assert results["avalanche"].to_pull == [
        before["avalanche"][exp["changed"]["ckan:envidat"]["changed"]["name"]]["id"]
    ]
    assert results["ridl_gt"].changed == [] and results["ridl_gt"].to_pull == []
    log = replay.requests()
    assert not [r for r in log if r["path"].endswith("/package_show")]  # nothing re-read one by one
    assert [r for r in log if "metadata_modified" in urllib.parse.unquote(r["query"])]  # asked for changes only
    avalanche = next(d for d in exp["changed"]["ckan:envidat"]["datasets"] if d["name"].startswith("fatal-avalanche"))
    files = {r["path"] for r in log if r["path"].startswith("/files/")}
    assert files and files <= {x["url"] for x in avalanche["resources"]}
    av = catalog_of("province", "avalanche")[avalanche["name"]]
    assert av["version"] == 2  # the changed dataset's data pulled again (a new version)
    gt_after = catalog_of("province", "ridl_gt")
    assert {k: v["version"] for k, v in gt_after.items()} == {k: v["version"] for k, v in before["ridl_gt"].items()}

    # ---- deleted: marked withdrawn, kept, not current
    replay.scenario("deleted")
    results = run(dept, "harvest__3")
    assert all(r.status == "ok" for r in results.values())
    for entry, ep in portals.items():
        gone = exp["deleted"][ep]["deleted"]["name"]
        got = catalog_of("province", entry)
        assert got[gone]["state"] == "withdrawn", entry
        assert set(current(got)) == set(exp["deleted"][ep]["names"])
    withdrawn_id = catalog_of("province", "ridl")[exp["deleted"]["ckan:ridl"]["deleted"]["name"]]["id"]
    with LiveServer() as portal:
        names = json.load(urllib.request.urlopen(portal.url + "/api/3/action/package_list", timeout=30))["result"]
        assert f"province__{withdrawn_id}" not in names and f"province__{gt['id']}" in names
        q = urllib.parse.quote("Democratic Republic of the Congo")
        found = json.load(urllib.request.urlopen(f"{portal.url}/api/3/action/package_search?q={q}", timeout=30))
        assert f"province__{withdrawn_id}" not in [p["name"] for p in found["result"]["results"]]
        shown = json.load(
            urllib.request.urlopen(f"{portal.url}/api/3/action/package_show?id=province__{withdrawn_id}", timeout=30)
        )["result"]
        assert shown["state"] == "deleted"
        assert {"key": "harvest_state", "value": "withdrawn"} in shown["extras"]
        page = urllib.request.urlopen(f"{portal.url}/datasets/province/{withdrawn_id}", timeout=30).read().decode()
        assert "已撤回" in page
        dcat = json.load(urllib.request.urlopen(portal.url + "/catalog.jsonld", timeout=30))
        assert not [d for d in dcat["dcat:dataset"] if d["@id"].endswith("/" + withdrawn_id)]

    # ---- down, then garbage: a clear error naming the portal; the last good harvest stays
    kept = {e: catalog_of("province", e) for e in portals}
    for scenario, what in (("down", "HTTP 503"), ("garbage", "not JSON")):
        replay.scenario(scenario)
        results = run(dept, f"harvest__{scenario}")
        for entry in portals:
            r = results[entry]
            assert r.status == "failed", entry
            assert base + "/" in r.message and what in r.message, r.message
        assert {e: catalog_of("province", e) for e in portals} == kept
        from catalog.harvest import harvest_runs, last_good

        failed = [h for h in harvest_runs("province", run_id=f"harvest__{scenario}")]
        assert failed and all(h["status"] == "failed" and what in h["message"] for h in failed)
        good = last_good("province", "ridl")
        assert good is not None and good["run_id"] == "harvest__3"


def test_dcat_catalogs_jsonld_paged_turtle_rdfxml(replay: ReplayServer, fresh_home: Path, tmp_path: Path) -> None:
    exp = replay.expected["scenarios"]
    base = replay.url
    entries = {
        "jsonld": ("dcat-jsonld", "/catalog.jsonld"),
        "ttl": ("dcat-ttl", "/catalog.ttl"),
        "rdf": ("dcat-rdf", "/catalog.rdf"),
        "madrid": ("dcat-ttl:datos-gob-es", "/dcat/datos-gob-es.ttl"),
        "rostock": ("dcat-rdf:opendata-hro", "/dcat/opendata-hro.rdf"),
    }
    dept = department(
        tmp_path,
        "province",
        {
            k: {"type": "dcat", "url": base + path} | ({"data": "data", "formats": ["csv"]} if k == "rostock" else {})
            for k, (_, path) in entries.items()
        },
    )
    replay.clear()
    results = run(dept, "harvest__1")
    assert all(r.status == "ok" for r in results.values()), {k: r.message for k, r in results.items()}
    for entry, (ep, _) in entries.items():
        want = {d["identifier"]: d["title"] for d in exp["normal"][ep]["datasets"]}
        assert current(catalog_of("province", entry)) == want, entry
    pages = [r for r in replay.requests() if r["path"] == "/catalog.jsonld"]
    assert len(pages) == exp["normal"]["dcat-jsonld"]["pages_followed"] == 3  # Hydra paging followed
    ids = [v["id"] for e in ("jsonld", "ttl", "rdf") for v in catalog_of("province", e).values()]
    assert len(ids) == len(set(ids)) == 300  # the same identifiers under three entries: distinct local ids
    assert results["rostock"].pulls and results["rostock"].pulls[0]["status"] == "published"

    replay.scenario("changed")
    run(dept, "harvest__2")
    for entry in ("jsonld", "ttl", "rdf"):
        changed = exp["changed"][f"dcat-{entry}"]["changed"]
        got = catalog_of("province", entry)[changed["identifier"]]
        assert (got["title"], got["modified"]) == (changed["new_title"], changed["new_modified"])

    replay.scenario("deleted")
    run(dept, "harvest__3")
    for entry in ("jsonld", "ttl", "rdf"):
        gone = exp["deleted"][f"dcat-{entry}"]["deleted"]["identifier"]
        got = catalog_of("province", entry)
        assert got[gone]["state"] == "withdrawn"
        assert set(current(got)) == set(exp["deleted"][f"dcat-{entry}"]["identifiers"])

    kept = {e: catalog_of("province", e) for e in entries}
    for scenario, whats in (
        ("down", {"jsonld": "HTTP 503", "ttl": "HTTP 503", "rdf": "HTTP 503"}),
        ("garbage", {"jsonld": "not valid JSON-LD", "ttl": "not valid Turtle", "rdf": "not valid RDF/XML"}),
    ):
        replay.scenario(scenario)
        results = run(dept, f"harvest__{scenario}")
        for entry, what in whats.items():
            assert results[entry].status == "failed"
            assert f"DCAT catalog {base}/catalog." in results[entry].message and what in results[entry].message
        assert {e: catalog_of("province", e) for e in entries} == kept


@pytest.mark.parametrize(
    "source, error",
    [
        ({"type": "ckan", "url": "http://10.0.0.7/api"}, "private"),
        ({"type": "dcat", "url": "file:///etc/passwd"}, "http"),
        ({"type": "ckan", "url": "http://127.0.0.1/x", "data": "all"}, "data"),
        ({"type": "dcat", "url": "http://127.0.0.1/x", "formats": ["pdf"]}, "formats"),
    ],
)
def test_harvest_sources_are_checked_in_the_manifest(tmp_path: Path, source: dict, error: str) -> None:
    from core import ManifestError

    with pytest.raises(ManifestError) as exc:
        department(tmp_path, "province", {"portal": source})
    assert "dataset 'portal'" in str(exc.value) and error in str(exc.value)


def test_a_harvest_entry_declares_no_columns_and_a_table_needs_some(tmp_path: Path) -> None:
    from core import ManifestError

    with pytest.raises(ManifestError, match="declares no columns"):
        folder = tmp_path / "departments"
        folder.mkdir()
        (folder / "p.yaml").write_text(
            yaml.safe_dump(
                {
                    "id": "p",
                    "name": "p",
                    "contact": {"name": "x"},
                    "datasets": [
                        {
                            "id": "a",
                            "title": "a",
                            "source": {"type": "ckan", "url": "http://127.0.0.1/"},
                            "columns": [{"name": "x"}],
                        }
                    ],
                }
            ),
            encoding="utf-8",
        )
        load_department(folder / "p.yaml")


def test_local_ids_are_safe_stable_and_collision_free() -> None:
    from warehouse.sources.remote import local_id

    assert local_id("cbi-pdm-guatemala-august-2021", set()) == "cbi_pdm_guatemala_august_2021"
    assert local_id("0111a5d3-6a11-43e8", set()) == "d_0111a5d3_6a11_43e8"
    assert local_id("規管海外物業銷售", set()).startswith("d")
    long = "ecuador-neighborhood-polls-as-a-needs-assessment-tool-socio-economic-characterization-2019"
    a = local_id(long, set())
    assert len(a) <= 63 and a == local_id(long, set())  # the same every time
    taken = {"cbi_pdm_guatemala_august_2021"}
    b = local_id("CBI PDM Guatemala August 2021", taken)
    assert b != "cbi_pdm_guatemala_august_2021" and b.startswith("cbi_pdm_guatemala_august_2021_")
    import re

    for key in (long, "../../etc/passwd", "x" * 500, "'; DROP TABLE datasets; --", "🙂"):
        assert re.fullmatch(r"[a-z][a-z0-9_]{0,62}", local_id(key, set()))


def test_a_redirect_to_a_private_address_is_refused() -> None:
    from core import SourceError
    from warehouse.sources.ckan import CkanPortal
    from warehouse.sources.dcat import DcatCatalog

    with CannedServer(302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"") as evil:
        with pytest.raises(SourceError, match="private or link-local"):
            CkanPortal(evil.url).action("package_list")
        with pytest.raises(SourceError, match="private or link-local"):
            DcatCatalog(evil.url + "/catalog.ttl").datasets()


def test_json_ld_with_a_remote_context_is_not_fetched() -> None:
    from core import SourceError
    from warehouse.sources.dcat import DcatCatalog

    doc = json.dumps({"@context": "https://w3id.org/dcat-ap/context.jsonld", "@type": "Catalog"}).encode()
    with (
        CannedServer(200, {"Content-Type": "application/ld+json"}, doc) as remote,
        pytest.raises(SourceError, match="remote @context"),
    ):
        DcatCatalog(remote.url + "/catalog.jsonld").datasets()


def test_compacted_json_ld_with_an_inline_context_is_read() -> None:
    from warehouse.sources.dcat import DcatCatalog

    doc = {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
        "@id": "http://x.example/catalog",
        "@type": "dcat:Catalog",
        "dcat:dataset": [
            {
                "@id": "http://x.example/d/1",
                "@type": "dcat:Dataset",
                "dct:identifier": "ds-1",
                "dct:title": [{"@value": "Roads", "@language": "en"}, {"@value": "道路", "@language": "zh"}],
                "dct:modified": "2026-11-02T10:00:00",
                "dcat:distribution": {
                    "@type": "dcat:Distribution",
                    "dcat:downloadURL": {"@id": "https://x.example/roads.csv"},
                    "dcat:mediaType": "text/csv",
                },
            }
        ],
    }
    with CannedServer(200, {"Content-Type": "application/ld+json"}, json.dumps(doc).encode()) as remote:
        (ds,) = DcatCatalog(remote.url + "/catalog.jsonld").datasets()
    assert (ds.key, ds.title, ds.modified) == ("ds-1", "道路", "2026-11-02T10:00:00")
    assert [(r.url, r.kind) for r in ds.resources] == [("https://x.example/roads.csv", "csv")]


def test_a_hostile_remote_description_does_not_stall_the_harvest(tmp_path: Path, monkeypatch) -> None:
    """Remote text is scrubbed of e-mail addresses with a pattern whose unbounded parts backtracked
    from every start of a long run of letters: a remote description of the 20,000 characters kept
    (``MAX_TEXT``) took ~5 s to scrub, a hostile catalog of thousands of them held the harvest for
    hours. Addresses are still masked."""
    import subprocess
    import sys

    from catalog.queries import dataset_detail
    from warehouse.sources.remote import MAX_TEXT

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    hostile = "a" * (MAX_TEXT // 2 - 1) + "@" + "a." * (MAX_TEXT // 4)  # the slowest shape found: ~5 s before
    doc = {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
        "@id": "http://x.example/catalog",
        "@type": "dcat:Catalog",
        "dcat:dataset": [
            {
                "@id": f"http://x.example/d/{i}",
                "@type": "dcat:Dataset",
                "dct:identifier": f"ds-{i}",
                "dct:title": f"道路 {i}",
                "dct:description": ("联系 zhang.san@example.gov.cn " if i == 0 else "") + hostile,
                "dct:modified": "2026-11-02T10:00:00",
            }
            for i in range(10)
        ],
    }
    with CannedServer(200, {"Content-Type": "application/ld+json"}, json.dumps(doc).encode()) as remote:
        dept = department(tmp_path, "province", {"hostile": {"type": "dcat", "url": remote.url + "/catalog.jsonld"}})
        (result,) = run(dept, "harvest__1").values()
    assert result.status == "ok", result.message
    first = dataset_detail("province", catalog_of("province", "hostile")["ds-0"]["id"])
    assert first is not None and "zhang.san@" not in first["description"] and "[邮箱已隐去]" in first["description"]
    # a hang guard, not a speed figure: ten times the kept length finishes (the old pattern needed
    # ~7 s for MAX_TEXT characters and grows with the square: ~12 min for ten times as many)
    big = 10 * MAX_TEXT
    code = (
        "from orchestration.harvest import scrub\n"
        f"for text in ('a' * {big // 2 - 1} + '@' + 'a.' * {big // 4}, 'a.' * {big // 2}, '1' * {big}):\n"
        "    scrub(text)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
