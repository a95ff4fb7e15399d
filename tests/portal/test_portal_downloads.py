"""Downloads: CSV with BOM, JSON, Parquet with ranges, ETag/Last-Modified, old versions, counting."""

from __future__ import annotations

import io
import json
import re

import httpx
import portal_catalog
import pyarrow.parquet as pq


def test_csv_has_bom_and_chinese(portal) -> None:
    r = httpx.get(f"{portal.url}/datasets/transport/bus_stops/download.csv")
    assert r.status_code == 200
    assert r.content[:3] == b"\xef\xbb\xbf"
    text = r.content.decode("utf-8-sig")
    assert text.splitlines()[0] == '"stop_id","stop_name","latitude","longitude","lines","district_code"'
    assert "武林门" in text and len(text.splitlines()) == 31
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.headers["etag"] and r.headers["last-modified"].endswith("GMT")


def test_json_and_parquet_and_old_versions(portal) -> None:
    rows = httpx.get(f"{portal.url}/datasets/health/hospitals/download.json").json()
    assert len(rows) == 24 and "telephone" in rows[0] and "beds" not in rows[0]
    v1 = httpx.get(f"{portal.url}/datasets/health/hospitals/download.json", params={"version": 1}).json()
    assert len(v1) == 20 and "beds" in v1[0]
    p = httpx.get(f"{portal.url}/datasets/health/hospitals/download.parquet", params={"version": 2})
    assert pq.read_table(io.BytesIO(p.content)).num_rows == 25
    assert httpx.get(f"{portal.url}/datasets/health/hospitals/download.csv", params={"version": 9}).status_code == 404


def test_etag_304_and_parquet_ranges(portal) -> None:
    url = f"{portal.url}/datasets/health/hospitals/download.parquet"
    full = httpx.get(url)
    etag = full.headers["etag"]
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304
    csv_etag = httpx.get(url.replace(".parquet", ".csv")).headers["etag"]
    assert csv_etag != etag
    part = httpx.get(url, headers={"Range": "bytes=0-3"})
    assert part.status_code == 206 and part.content == b"PAR1"
    tail = httpx.get(url, headers={"Range": "bytes=-8"})
    assert tail.status_code == 206 and tail.content == full.content[-8:]
    assert tail.headers["content-range"] == f"bytes {len(full.content) - 8}-{len(full.content) - 1}/{len(full.content)}"
    assert httpx.get(url, headers={"Range": "bytes=999999999-"}).status_code == 416


def test_downloads_are_counted_and_shown(portal) -> None:
    from catalog.store import connect

    def count() -> int:
        with connect(read_only=True) as con:
            row = con.execute(
                "SELECT count FROM download_counts WHERE department_id = 'transport' AND "
                "dataset_id = 'ridership' AND version = 1 AND format = 'json'"
            ).fetchone()
        return row[0] if row else 0

    def total() -> int:
        with connect(read_only=True) as con:
            row = con.execute(
                "SELECT coalesce(sum(count), 0) FROM download_counts "
                "WHERE department_id = 'transport' AND dataset_id = 'ridership'"
            ).fetchone()
        assert row is not None
        return int(row[0])

    before = count()
    for _ in range(3):
        assert httpx.get(f"{portal.url}/datasets/transport/ridership/download.json").status_code == 200
    assert count() == before + 3
    page = httpx.get(f"{portal.url}/datasets/transport/ridership").text
    # the JSON button's own counter (the latest version, v1) and the dataset's total over all formats
    shown = re.search(r'/download\.json" download>JSON</a> <span class="count" title="下载次数">(\d+)</span>', page)
    assert shown is not None, "the JSON download button has no counter"
    assert int(shown.group(1)) == before + 3
    assert f'<dd id="download-total">{total()}</dd>' in page
    pkg = httpx.get(f"{portal.url}/api/3/action/package_show", params={"id": "transport__ridership"}).json()
    res = {r["format"]: r for r in pkg["result"]["resources"]}
    assert res["JSON"]["downloads"] == before + 3


def test_conditional_and_withheld_files_are_not_public(portal) -> None:
    for path in (
        "/datasets/health/clinic_visits/download.csv",
        "/datasets/health/clinic_visits/download.parquet",
        "/datasets/civil_affairs/subsidy_recipients/download.json",
    ):
        r = httpx.get(portal.url + path, headers={"Accept": "text/html"})
        assert r.status_code == 401
        assert r.headers["content-type"].startswith("application/json")
        assert "error" in r.json() and portal_catalog.CONDITIONAL_MARK not in r.text
        assert r.headers["www-authenticate"].startswith("Bearer")
    r = httpx.get(f"{portal.url}/datasets/market_regulation/enterprise_registry/download.csv")
    assert r.status_code == 403 and "某某" not in r.text
    page = httpx.get(f"{portal.url}/datasets/health/clinic_visits").text
    assert portal_catalog.CONDITIONAL_MARK not in page and "如何申请" in page


def test_bulk_dump_zip(portal, tmp_path) -> None:
    import zipfile

    r = httpx.get(f"{portal.url}/dump/catalog.zip", timeout=60)
    assert r.status_code == 200
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    names = set(zf.namelist())
    assert {"metadata.json", "catalog.jsonld", "health/hospitals/v3.parquet", "transport/bus_stops/v1.parquet"} <= names
    assert not any(n.startswith(("health/clinic_visits", "market_regulation", "civil_affairs")) for n in names)
    meta = json.loads(zf.read("metadata.json"))
    assert len(meta["packages"]) == 9
    assert pq.read_table(io.BytesIO(zf.read("health/hospitals/v3.parquet"))).num_rows == 24
