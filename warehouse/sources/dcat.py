"""Harvest source: another portal's DCAT catalog (JSON-LD expanded or compacted, Turtle, RDF/XML).

Parsed with rdflib. Pages are followed through Hydra (``hydra:next`` / ``hydra:nextPage`` of a
``hydra:PartialCollectionView`` or ``hydra:PagedCollection``; each page URL checked by the network
guard like the first; a page seen twice ends the walk); every ``dcat:Dataset`` of every page is
read with its distributions. A DCAT document cannot be asked "what changed since", so a harvest
reads all pages and compares ``dct:modified``.

JSON-LD contexts given by URL are not fetched (that would be an unchecked request to a third
host, and the platform runs offline): such a document is refused with a clear error. A page
that does not parse, or parses to nothing that is DCAT, fails the harvest naming the page.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin, urlparse

from core import SourceError, SourceUnavailable
from core.netguard import display_url
from core.settings import int_setting
from warehouse.sources.http import Reply, request
from warehouse.sources.remote import RemoteDataset, RemoteResource, http_url, normalise_format, text

__all__ = ["DcatCatalog"]

MAX_PAGES = 1000
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
_ACCEPT = "application/ld+json, text/turtle;q=0.9, application/rdf+xml;q=0.8, application/json;q=0.5"
_FORMATS = {
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
}
_SUFFIXES = {".jsonld": "json-ld", ".json": "json-ld", ".ttl": "turtle", ".rdf": "xml", ".xml": "xml"}
_LABELS = {"json-ld": "JSON-LD", "turtle": "Turtle", "xml": "RDF/XML"}


class DcatCatalog:
    """A remote DCAT catalog document (the first page's URL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.shown = display_url(url)
        self.requests = 0
        self.pages = 0

    def datasets(self) -> list[RemoteDataset]:
        """Every dataset of every page (the first occurrence of an identifier wins)."""
        from rdflib import Graph

        graph = Graph()
        url: str | None = self.url
        seen: set[str] = set()
        while url and url not in seen:
            if len(seen) >= MAX_PAGES:
                raise SourceError(f"DCAT catalog {self.shown}: more than {MAX_PAGES} pages")
            seen.add(url)
            page = self._page(url)
            graph += page
            url = self._next(page, url)
        self.pages = len(seen)
        out: dict[str, RemoteDataset] = {}
        for node in graph.subjects(_u(RDF + "type"), _u(DCAT + "Dataset")):
            ds = self._dataset(graph, node)
            if ds is not None and ds.key not in out:
                out[ds.key] = ds
        if not out and (None, _u(RDF + "type"), _u(DCAT + "Catalog")) not in graph:
            raise SourceError(
                f"DCAT catalog {self.shown}: the document parsed but holds neither a dcat:Catalog nor a dcat:Dataset",
                hint="check the url in the manifest: it must be the catalog document (JSON-LD, Turtle or RDF/XML)",
            )
        return list(out.values())

    # ---------------------------------------------------------------- pages

    def _page(self, url: str):
        from rdflib import Graph

        self.requests += 1
        reply = request(url, headers={"Accept": _ACCEPT}, cap=int_setting("PUBDATA_HARVEST_MAX_BYTES"), redirects=3)
        shown = display_url(url)
        if reply.status >= 500 or reply.status == 429:
            raise SourceUnavailable(
                f"DCAT catalog {shown} answered HTTP {reply.status}",
                hint="the portal is down or overloaded; retried with back-off; the last good harvest stays published",
            )
        if reply.status != 200:
            raise SourceError(
                f"DCAT catalog {shown} answered HTTP {reply.status}",
                hint="check the url in the manifest; the last good harvest stays published",
            )
        fmt = _format_of(reply)
        if fmt == "json-ld":
            _refuse_remote_contexts(reply.content, shown)
        graph = Graph()
        try:
            graph.parse(data=reply.content, format=fmt, publicID=url)
        except Exception as exc:  # rdflib raises many types (SAX, BadSyntax, JSON errors...)
            raise SourceError(
                f"DCAT catalog {shown}: is not valid {_LABELS[fmt]} ({exc.__class__.__name__}, "
                f"{len(reply.content)} bytes)",
                hint="the portal returned a broken document; the last good harvest stays published",
            ) from None
        return graph

    def _next(self, page, url: str) -> str | None:
        for prop in ("next", "nextPage"):
            for value in page.objects(None, _u(HYDRA + prop)):
                target = urljoin(url, str(value))
                if http_url(target) and _same_site(target, url):
                    return target
        return None

    # ---------------------------------------------------------------- datasets

    def _dataset(self, g, node) -> RemoteDataset | None:
        from rdflib import URIRef

        iri = str(node) if isinstance(node, URIRef) else None
        key = _pick(g, node, DCT + "identifier") or iri
        if not key:
            return None
        key = text(key, 500)
        resources = [self._distribution(g, d) for d in g.objects(node, _u(DCAT + "distribution"))]
        publisher = next(iter(g.objects(node, _u(DCT + "publisher"))), None)
        organization = None
        if publisher is not None:
            organization = _pick(g, publisher, FOAF + "name") or _pick(g, publisher, SKOS + "prefLabel")
        license_node = next(iter(g.objects(node, _u(DCT + "license"))), None)
        landing = next(iter(g.objects(node, _u(DCAT + "landingPage"))), None)
        tail = [p for p in urlparse(key).path.split("/") if p] if http_url(key) else []
        return RemoteDataset(
            key=key,
            remote_id=key,
            title=text(_pick(g, node, DCT + "title"), 500) or key,
            description=text(_pick(g, node, DCT + "description")),
            keywords=sorted({text(k, 100) for k in g.objects(node, _u(DCAT + "keyword")) if text(k, 100)})[:50],
            license=text(_pick(g, license_node, DCT + "identifier") or license_node, 300) or None
            if license_node is not None
            else None,
            modified=text(_pick(g, node, DCT + "modified") or _pick(g, node, DCT + "issued"), 40) or None,
            url=http_url(str(landing)) if landing is not None else http_url(iri),
            iri=iri,
            organization=text(organization, 300) or None,
            resources=sorted(resources, key=lambda r: (r.name, r.url or "")),
            slug=tail[-1] if tail else None,
        )

    def _distribution(self, g, node) -> RemoteResource:
        download = [str(o) for o in g.objects(node, _u(DCAT + "downloadURL"))]
        access = [str(o) for o in g.objects(node, _u(DCAT + "accessURL"))]
        fmt_raw = None
        for o in g.objects(node, _u(DCT + "format")):
            fmt_raw = _pick(g, o, RDFS + "label") or _pick(g, o, RDF + "value") or str(o)
            break
        media = next((str(o) for o in g.objects(node, _u(DCAT + "mediaType"))), None)
        size = next((o for o in g.objects(node, _u(DCAT + "byteSize"))), None)
        try:
            size_value = int(float(str(size))) if size is not None else None
        except ValueError:
            size_value = None
        url = next((u for u in (http_url(x) for x in download + access) if u), None)
        return RemoteResource(
            name=text(_pick(g, node, DCT + "title") or _pick(g, node, DCT + "description"), 300),
            url=url,
            format=normalise_format(fmt_raw, media),
            media_type=text(media, 100) or None,
            size=size_value if size_value is not None and size_value >= 0 else None,
            remote_id=str(node) if http_url(str(node)) else None,
        )


def _u(iri: str):
    from rdflib import URIRef

    return URIRef(iri)


def _pick(g, node, prop: str) -> str | None:
    """One value of ``prop``: Chinese first, then no language, then English, then any (sorted)."""
    if node is None:
        return None
    from rdflib import Literal

    values = list(g.objects(node, _u(prop)))
    if not values:
        return None
    lits = [v for v in values if isinstance(v, Literal)]
    for want in ("zh", "", "en"):
        for v in lits:
            lang = (v.language or "").lower()
            if lang == want or (want == "zh" and lang.startswith("zh-")):
                return str(v)
    return str(sorted(values, key=lambda v: (getattr(v, "language", "") or "", str(v)))[0])


def _format_of(reply: Reply) -> str:
    if reply.content_type in _FORMATS:
        return _FORMATS[reply.content_type]
    path = urlparse(reply.url).path.lower()
    for suffix, fmt in _SUFFIXES.items():
        if path.endswith(suffix):
            return fmt
    head = reply.content.lstrip()[:1]
    return "json-ld" if head in (b"{", b"[") else ("xml" if head == b"<" else "turtle")


def _refuse_remote_contexts(content: bytes, shown: str) -> None:
    """A JSON-LD ``@context`` given by URL would make rdflib fetch it, unguarded: refuse."""
    try:
        doc = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return  # the parser reports the broken document

    def remote(ctx: Any) -> bool:
        if isinstance(ctx, str):
            return True
        if isinstance(ctx, list):
            return any(remote(c) for c in ctx)
        return False

    def walk(node: Any, depth: int = 0) -> bool:
        if depth > 64:
            return False
        if isinstance(node, dict):
            if "@context" in node and remote(node["@context"]):
                return True
            return any(walk(v, depth + 1) for v in node.values())
        if isinstance(node, list):
            return any(walk(v, depth + 1) for v in node)
        return False

    if walk(doc):
        raise SourceError(
            f"DCAT catalog {shown}: its JSON-LD names a remote @context, which is not fetched",
            hint="ask the portal for the expanded JSON-LD, Turtle or RDF/XML form of the catalog",
        )


def _same_site(target: str, first: str) -> bool:
    """Hydra links followed only on the catalog's own host (a page cannot send the harvest elsewhere)."""
    a, b = urlparse(target), urlparse(first)
    return (a.hostname, a.port) == (b.hostname, b.port)
