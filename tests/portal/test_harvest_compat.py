"""A real CKAN can harvest this portal: the same HTTP calls, in the same order, that
ckanext-harvest's CKAN harvester and ckanext-dcat's DCAT RDF harvester make, against a live portal.

* ``CKANHarvester`` (ckanext-harvest, ``ckanext/harvest/harvesters/ckanharvester.py``):
  ``gather_stage`` pages ``/api/3/action/package_search`` with ``rows=100&start=N&sort=id asc`` and,
  after a successful job, ``fq=metadata_modified:[<last gather - 1h>Z TO *]``, until a page is empty;
  it drops ids seen on an earlier page and gives up when two pages are identical. We then fetch
  each dataset with ``package_show`` (what an import of a single object needs).
* ``DCATRDFHarvester`` (ckanext-dcat, ``ckanext/dcat/harvesters/rdf.py`` + ``base.py`` +
  ``processors.py``): ``HEAD`` (``GET`` on 400/405) the source URL, takes the format from the
  first page's ``Content-Type``, parses the page with rdflib, takes every ``dcat:Dataset`` (guid:
  ``dct:identifier``, else its URI) and follows ``hydra:next`` (or ``hydra:nextPage``) of a
  ``hydra:PartialCollectionView`` / ``hydra:PagedCollection`` until there is none, stopping if a
  page repeats the previous one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from urllib.parse import urlencode

import httpx
import pytest
import rdflib

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
RDFLIB_FORMATS = {"application/ld+json": "json-ld", "text/turtle": "turtle", "application/rdf+xml": "xml"}


def ckan_search_for_datasets(base: str, fq_terms: list[str] | None = None, rows: int = 100) -> list[dict]:
    """CKANHarvester._search_for_datasets, line for line (with ``rows`` to make paging visible)."""
    params = {"rows": str(rows), "start": "0", "sort": "id asc"}
    if fq_terms:
        params["fq"] = " ".join(fq_terms)
    pkg_dicts: list[dict] = []
    pkg_ids: set[str] = set()
    previous = None
    pages = 0
    while True:
        r = httpx.get(base + "/api/3/action/package_search?" + urlencode(params), timeout=60)
        r.raise_for_status()
        content = r.text
        assert content != previous, "The paging doesn't seem to work"
        previous = content
        page = json.loads(content).get("result", {}).get("results", [])
        ids = {p["id"] for p in page}
        page = [p for p in page if p["id"] not in pkg_ids]
        pkg_ids |= ids
        pkg_dicts.extend(page)
        pages += 1
        if not page:
            break
        params["start"] = str(int(params["start"]) + int(params["rows"]))
    assert pages == -(-len(pkg_dicts) // rows) + 1  # every page, then the empty one
    return pkg_dicts


def test_ckan_harvester_gather_and_fetch(portal) -> None:
    full = ckan_search_for_datasets(portal.url)
    assert len(full) == 9 and len({p["id"] for p in full}) == 9
    assert [p["id"] for p in full] == sorted(p["id"] for p in full)
    paged = ckan_search_for_datasets(portal.url, rows=4)
    assert [p["id"] for p in paged] == [p["id"] for p in full]  # 4 + 4 + 1, then an empty page
    # import stage: each object fetched by id
    for p in full:
        shown = httpx.get(portal.url + "/api/3/action/package_show", params={"id": p["id"]}).json()["result"]
        assert shown["name"] == p["name"] and shown["metadata_modified"] == p["metadata_modified"]
        assert shown["organization"]["name"] == p["name"].split("__")[0]
        for res in shown["resources"]:
            if shown["open_tier"] == "open":
                with httpx.stream("GET", res["url"]) as download:
                    assert download.status_code == 200
    # a later job asks only for what changed since the last gather (minus an hour)
    stamps = sorted(dt.datetime.fromisoformat(p["metadata_modified"]) for p in full)
    last_gather = stamps[-1] + dt.timedelta(minutes=30)
    since = (last_gather - dt.timedelta(hours=1)).isoformat()
    changed = ckan_search_for_datasets(portal.url, [f"metadata_modified:[{since}Z TO *]"])
    expected = {
        p["id"]
        for p in full
        if dt.datetime.fromisoformat(p["metadata_modified"]) >= last_gather - dt.timedelta(hours=1)
    }
    assert {p["id"] for p in changed} == expected and expected
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).replace(tzinfo=None).isoformat()
    assert ckan_search_for_datasets(portal.url, [f"metadata_modified:[{future}Z TO *]"]) == []
    # the organization filters it can be configured with
    only = ckan_search_for_datasets(portal.url, ["organization:health OR organization:ecology"])
    assert {p["organization"]["name"] for p in only} == {"health", "ecology"}
    without = ckan_search_for_datasets(portal.url, ["-organization:health"])
    assert len(without) == 7 and "health" not in {p["organization"]["name"] for p in without}


def dcat_gather(url: str) -> tuple[list[str], list[rdflib.Graph], str]:
    """DCATRDFHarvester.gather_stage's paging loop; returns the guids, the pages and the format."""
    rdf_format = None
    guids: list[str] = []
    pages: list[rdflib.Graph] = []
    last_hash = None
    next_page: str | None = url
    with httpx.Client(timeout=60) as client:
        while next_page:
            r = client.head(next_page)
            if r.status_code in (400, 405):
                r = client.get(next_page)
            r.raise_for_status()
            r = client.get(next_page)
            r.raise_for_status()
            if rdf_format is None:
                rdf_format = r.headers["content-type"].split(";", 1)[0]
            digest = hashlib.md5(r.content).digest()
            if last_hash is not None and digest == last_hash:
                break
            last_hash = last_hash or digest
            g = rdflib.Graph().parse(data=r.text, format=RDFLIB_FORMATS[rdf_format])
            pages.append(g)
            for ds in g.subjects(rdflib.RDF.type, DCAT.Dataset):
                guids.append(str(g.value(ds, rdflib.DCTERMS.identifier) or ds))
            next_page = None
            for kind in (HYDRA.PartialCollectionView, HYDRA.PagedCollection):
                for view in g.subjects(rdflib.RDF.type, kind):
                    for o in list(g.objects(view, HYDRA.next)) + list(g.objects(view, HYDRA.nextPage)):
                        next_page = str(o)
                        break
    return guids, pages, rdf_format or ""


@pytest.mark.parametrize(
    "path, media",
    [
        ("/catalog.jsonld?page_size=4", "application/ld+json"),
        ("/catalog.ttl?page_size=4", "text/turtle"),
        ("/catalog.rdf?page_size=4", "application/rdf+xml"),
    ],
)
def test_dcat_harvester_follows_hydra_paging(portal, path: str, media: str) -> None:
    guids, pages, fmt = dcat_gather(portal.url + path)
    assert fmt == media
    assert len(pages) == 3 and len(guids) == 9 and len(set(guids)) == 9
    assert "health.hospitals" in guids
    first = pages[0]
    view = next(first.subjects(rdflib.RDF.type, HYDRA.PartialCollectionView))
    total, per_page = first.value(view, HYDRA.totalItems), first.value(view, HYDRA.itemsPerPage)
    assert isinstance(total, rdflib.Literal) and isinstance(per_page, rdflib.Literal)
    assert total.toPython() == 9 and per_page.toPython() == 4
    assert str(first.value(view, HYDRA.first)).endswith("page=1&page_size=4")
    assert str(first.value(view, HYDRA.last)).endswith("page=3&page_size=4")
    last_view = next(pages[-1].subjects(rdflib.RDF.type, HYDRA.PartialCollectionView))
    assert pages[-1].value(last_view, HYDRA.next) is None and pages[-1].value(last_view, HYDRA.previous)


def test_dcat_content_negotiation_and_errors(portal) -> None:
    base = portal.url
    for accept, media in (
        ("text/turtle", "text/turtle"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/ld+json", "application/ld+json"),
        ("text/turtle;q=0.5, application/rdf+xml;q=0.9", "application/rdf+xml"),
        ("*/*", "application/ld+json"),
        (None, "application/ld+json"),
    ):
        headers = {"Accept": accept} if accept else {}
        for path in ("/catalog", "/catalog.jsonld"):
            r = httpx.get(base + path, headers=headers)
            assert r.status_code == 200 and r.headers["content-type"].startswith(media), (path, accept)
            assert "Accept" in r.headers["vary"]
            g = rdflib.Graph().parse(data=r.text, format=RDFLIB_FORMATS[media])
            assert len(list(g.subjects(rdflib.RDF.type, DCAT.Dataset))) == 9
    assert (
        httpx.get(base + "/catalog.ttl", headers={"Accept": "application/ld+json"})
        .headers["content-type"]
        .startswith("text/turtle")
    )  # an extension is explicit
    assert httpx.get(base + "/catalog.jsonld?page=4&page_size=4").status_code == 404
    assert httpx.get(base + "/catalog.jsonld?page=0").status_code == 400
    assert httpx.get(base + "/catalog.jsonld?page_size=5000").status_code == 400
    assert httpx.get(base + "/catalog.jsonld?profiles=nope").status_code == 400
    r = httpx.get(base + "/catalog.jsonld")
    assert httpx.get(base + "/catalog.jsonld", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    place = httpx.get(base + "/divisions/330000", headers={"Accept": "text/turtle"})
    assert place.status_code == 200 and "浙江省" in place.text
    assert httpx.get(base + "/divisions/999999").status_code == 404
    assert "医疗卫生" in httpx.get(base + "/themes/health").text
