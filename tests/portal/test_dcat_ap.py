"""``/catalog.jsonld`` validated with pyshacl against the official DCAT-AP shapes in
``../shared/conformance/dcat-ap/`` (SEMIC's shapes as ckanext-dcat keeps them; read its README).

* DCAT-AP 2.1.1 mandatory shapes and range shapes (default profile ``euro_dcat_ap_2``) and the
  DCAT-AP 3 shapes (``?profiles=euro_dcat_ap_3``): 0 violations, with the concepts of the EU
  controlled vocabularies the catalog uses loaded as extra data (``portal/data/eu-vocabularies.ttl``:
  file-type, frequency, access-right, data-theme, language, planned-availability, and the ADMS
  publisher and licence types), as ckanext-dcat's own tests treat them.
* Without those fragments the only violations left are "Value does not have class ..." on an
  IRI of one of those vocabularies (they only need the vocabulary loaded); the test checks that
  and prints the count. Not shipped (and not needed by any shape): the rest of each vocabulary.
* No inference, as ckanext-dcat validates.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import httpx
import pytest
import rdflib

from portal.vocab import EU, EU_VOCABULARIES

REPO = Path(__file__).resolve().parents[2]
# ../shared next to the repository (a checkout), or next to the folder of worktrees
_CANDIDATES = [
    REPO.parent / "shared" / "conformance" / "dcat-ap",
    REPO.parents[1] / "shared" / "conformance" / "dcat-ap",
]
SHAPES = next((p for p in _CANDIDATES if p.is_dir()), None)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
VOCABULARY_PREFIXES = (EU, "http://purl.org/adms/")

pytestmark = pytest.mark.skipif(
    SHAPES is None, reason="the DCAT-AP shapes folder ../shared/conformance/dcat-ap/ is absent next to the repo"
)


def _graph(text: str, *, vocabularies: bool) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=text, format="json-ld")
    if vocabularies:
        g.parse(EU_VOCABULARIES, format="turtle")
    return g


def _results(data: rdflib.Graph, shapes: str) -> list[dict[str, str]]:
    from pyshacl import validate

    assert SHAPES is not None  # the module is skipped without them
    shape_graph = rdflib.Graph().parse(SHAPES / shapes, format="turtle")
    _, report, _ = validate(data, shacl_graph=shape_graph, inference="none", allow_warnings=True)
    out = []
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        out.append(
            {
                "severity": str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
                "path": str(report.value(r, SH.resultPath)),
                "focus": str(report.value(r, SH.focusNode)),
                "value": str(report.value(r, SH.value)),
                "message": str(report.value(r, SH.resultMessage)),
            }
        )
    return out


def _violations(results: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in results if r["severity"] == "Violation"]


@pytest.fixture(scope="module")
def ap2(portal) -> str:
    r = httpx.get(f"{portal.url}/catalog.jsonld", timeout=60)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    return r.text


@pytest.fixture(scope="module")
def ap3(portal) -> str:
    r = httpx.get(f"{portal.url}/catalog.jsonld", params={"profiles": "euro_dcat_ap_3"}, timeout=60)
    assert r.status_code == 200
    return r.text


@pytest.mark.parametrize("shapes", ["dcat-ap_2.1.1_shacl_shapes.ttl", "dcat-ap_2.1.1_shacl_range.ttl"])
def test_dcat_ap_2_1_1_no_violations(ap2: str, shapes: str) -> None:
    found = _violations(_results(_graph(ap2, vocabularies=True), shapes))
    assert found == [], found[:5]


def test_dcat_ap_3_no_violations(ap3: str) -> None:
    found = _violations(_results(_graph(ap3, vocabularies=True), "dcat-ap_3_shacl_shapes.ttl"))
    assert found == [], found[:5]


def test_without_the_vocabularies_only_vocabulary_classes_are_missing(ap2: str, ap3: str) -> None:
    counts: Counter[str] = Counter()
    for text, shapes in (
        (ap2, "dcat-ap_2.1.1_shacl_shapes.ttl"),
        (ap2, "dcat-ap_2.1.1_shacl_range.ttl"),
        (ap3, "dcat-ap_3_shacl_shapes.ttl"),
    ):
        found = _violations(_results(_graph(text, vocabularies=False), shapes))
        for v in found:
            assert v["message"].startswith("Value does not have class"), v
            assert v["value"].startswith(VOCABULARY_PREFIXES), v
            counts[f"{shapes}: {v['path'].rsplit('/', 1)[-1].rsplit('#', 1)[-1]}"] += 1
    print("vocabulary-only violations without eu-vocabularies.ttl:", dict(counts))
    # the ones the fragments exist for (a catalog that stopped using a vocabulary would drop out)
    assert {k.split(": ")[1] for k in counts} >= {"accrualPeriodicity", "accessRights", "format", "theme", "language"}


def test_the_fragments_describe_every_vocabulary_iri_the_catalog_uses(ap2: str) -> None:
    catalog = _graph(ap2, vocabularies=False)
    fragments = rdflib.Graph().parse(EU_VOCABULARIES, format="turtle")
    used = {
        str(o) for o in catalog.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(VOCABULARY_PREFIXES)
    }
    described = {str(s) for s in fragments.subjects(rdflib.RDF.type, None)}
    assert used and used <= described, sorted(used - described)


def test_recommended_properties_are_present(ap2: str) -> None:
    """The recommended shapes warn only where the data has nothing to say: datasets never published
    have no distribution and no temporal coverage; places carry no geometry."""
    warnings = _results(_graph(ap2, vocabularies=True), "dcat-ap_2.1.1_shacl_shapes_recommended.ttl")
    allowed = {"distribution", "temporal", "bbox", "centroid"}
    paths = {w["path"].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for w in warnings}
    assert paths <= allowed, [w for w in warnings if w["path"].rsplit("/", 1)[-1].rsplit("#", 1)[-1] not in allowed]
    g = _graph(ap2, vocabularies=False)
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dct = rdflib.DCTERMS
    published = [d for d in g.subjects(rdflib.RDF.type, dcat.Dataset) if g.value(d, dcat.distribution)]
    assert published and all(g.value(d, dct.temporal) and g.value(d, dct.spatial) for d in published)
    for dist in g.subjects(rdflib.RDF.type, dcat.Distribution):
        assert g.value(dist, dct.description) and g.value(dist, rdflib.URIRef("http://data.europa.eu/r5r/availability"))
        assert str(g.value(dist, dcat.mediaType)).startswith("http://www.iana.org/assignments/media-types/")
    catalog = next(g.subjects(rdflib.RDF.type, dcat.Catalog))
    for prop in (dct.language, dct.issued, dct.license, dcat.themeTaxonomy, dct.spatial):
        assert g.value(catalog, prop) is not None, prop
