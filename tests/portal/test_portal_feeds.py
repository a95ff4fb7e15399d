"""Atom change feeds: valid Atom (parsed with feedparser and checked element by element), one
entry per published version, breaking schema changes flagged."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import feedparser
import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("content-type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, "", e.read()


def check_atom(body: bytes) -> ET.Element:
    """The elements RFC 4287 requires: feed id/title/updated/author (or per entry) and a self
    link; entry id/title/updated/link or content; ids are tag: URIs and unique."""
    root = ET.fromstring(body)
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(ATOM + name) is not None, name
    assert [ln for ln in root.findall(ATOM + "link") if ln.get("rel") == "self"]
    ids = []
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated", "summary"):
            assert (entry.find(ATOM + name).text or "").strip(), name
        assert entry.find(ATOM + "link[@rel='alternate']") is not None
        ids.append(entry.find(ATOM + "id").text)
    assert all(i.startswith("tag:") for i in ids) and len(ids) == len(set(ids))
    return root


@pytest.mark.parametrize("path", ["/feeds/catalog.atom", "/feeds/health.atom", "/feeds/health/hospitals.atom"])
def test_feeds_are_valid_atom(portal, path: str) -> None:
    status, ctype, body = fetch(portal.url + path)
    assert status == 200 and ctype.startswith("application/atom+xml")
    check_atom(body)
    feed = feedparser.parse(body)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.id and feed.feed.updated_parsed
    assert feed.entries
    for e in feed.entries:
        assert e.id.startswith("tag:") and e.title and e.updated_parsed and e.link and e.summary


def test_one_entry_per_version_newest_first_with_breaking_changes_flagged(portal) -> None:
    feed = feedparser.parse(fetch(portal.url + "/feeds/health/hospitals.atom")[2])
    assert [e.title.rsplit(" ", 2)[-2] for e in feed.entries] == ["3", "2", "1"]
    v3, v2, v1 = feed.entries
    assert [t.term for t in v3.tags] == ["breaking-change"] and v3.tags[0].label == "不兼容变更"
    assert "不兼容变更" in v3.summary and "beds" in v3.summary
    assert [t.term for t in v2.tags] == ["new-version"] and "首个版本" in v1.summary
    assert v3.link.endswith("/datasets/health/hospitals#v3")
    enclosure = [ln for ln in v3.links if ln.rel == "enclosure"][0]
    assert enclosure.href.endswith("/datasets/health/hospitals/download.parquet?version=3")
    assert fetch(enclosure.href)[0] == 200
    # ids never change: the same feed read again gives the same ids
    again = feedparser.parse(fetch(portal.url + "/feeds/health/hospitals.atom")[2])
    assert [e.id for e in again.entries] == [e.id for e in feed.entries]


def test_catalog_and_department_feeds_cover_their_datasets_and_hide_withheld(portal) -> None:
    catalog = feedparser.parse(fetch(portal.url + "/feeds/catalog.atom")[2])
    links = {e.link.split("#")[0].rsplit("/datasets/", 1)[1] for e in catalog.entries}
    assert {"health/hospitals", "transport/bus_stops", "civil_affairs/subsidy_recipients"} <= links
    assert "market_regulation/enterprise_registry" not in links  # withheld: no data feed
    dept = feedparser.parse(fetch(portal.url + "/feeds/transport.atom")[2])
    assert {e.link.split("#")[0].rsplit("/datasets/", 1)[1].split("/")[0] for e in dept.entries} == {"transport"}


@pytest.mark.parametrize(
    "path", ["/feeds/nope.atom", "/feeds/health/nope.atom", "/feeds/..%2f.atom", "/feeds/A-B.atom"]
)
def test_unknown_feeds_are_404(portal, path: str) -> None:
    assert fetch(portal.url + path)[0] == 404
