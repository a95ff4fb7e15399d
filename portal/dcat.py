"""Metadata documents: the DCAT-AP catalog (JSON-LD) and a Frictionless Table Schema per dataset.

Pure functions over catalog rows (as :func:`catalog.queries.catalog_state` returns them).

The catalog follows DCAT-AP 2.1.1 (profile ``euro_dcat_ap_2``, the default) or DCAT-AP 3
(``euro_dcat_ap_3``: ``dcat:byteSize`` as ``xsd:nonNegativeInteger`` instead of ``xsd:decimal``),
the profile names and differences of ckanext-dcat. Every node pubdata describes is typed with the
class DCAT-AP expects (publisher ``foaf:Agent``, contact point ``vcard:Kind``, landing page
``foaf:Document``, Table Schema ``dct:Standard``, licence ``dct:LicenseDocument``, rights
``dct:RightsStatement``, media type ``dct:MediaType`` as an IANA IRI, place ``dct:Location``,
period ``dct:PeriodOfTime``); frequency, access right, file type, data theme, language and
availability are IRIs of the EU controlled vocabularies (``portal/data/vocabularies.yaml``; their
classes and labels are in ``portal/data/eu-vocabularies.ttl``). A dataset's theme is two concepts:
the EU data theme and pubdata's own theme with its Chinese label. Large catalogs are paged with
a Hydra ``PartialCollectionView`` (``hydra:first``/``last``/``next``/``previous``,
``hydra:totalItems``), as ckanext-dcat's harvester follows it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from portal import harvested
from portal.vocab import EU, IANA, vocab
from warehouse.types import table_schema_type

ADMS = "http://purl.org/adms/"
_MIME = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")

__all__ = ["PROFILES", "dcat_catalog", "dcat_dataset", "table_schema"]

PROFILES = ("euro_dcat_ap_2", "euro_dcat_ap_3")
DEFAULT_PROFILE = PROFILES[0]


def context(profile: str = DEFAULT_PROFILE) -> dict[str, Any]:
    return {
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "adms": "http://www.w3.org/ns/adms#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "hydra": "http://www.w3.org/ns/hydra/core#",
        "dcatap": "http://data.europa.eu/r5r/",
        "prov": "http://www.w3.org/ns/prov#",
        "dct:modified": {"@type": "xsd:dateTime"},
        "dct:issued": {"@type": "xsd:dateTime"},
        "dcat:startDate": {"@type": "xsd:date"},
        "dcat:endDate": {"@type": "xsd:date"},
        "hydra:totalItems": {"@type": "xsd:integer"},
        "hydra:itemsPerPage": {"@type": "xsd:integer"},
    }


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return str(value)


def _zh(text: str | None) -> dict[str, str]:
    return {"@value": text or "", "@language": "zh"}


def _license(code: str | None) -> dict[str, Any] | None:
    if not code:
        return None
    info = vocab()["licenses"].get(code, {})
    out: dict[str, Any] = {
        "@id": info.get("url") or f"urn:spdx:{code}",
        "@type": "dct:LicenseDocument",
        "dct:identifier": code,
        "rdfs:label": info.get("title", code),
    }
    if info.get("adms_type"):
        out["dct:type"] = {"@id": ADMS + "licencetype/" + info["adms_type"]}
    return out


def _agent(iri: str, name: str) -> dict[str, Any]:
    return {
        "@id": iri,
        "@type": ["foaf:Agent", "foaf:Organization"],
        "foaf:name": name,
        "dct:type": {"@id": ADMS + "publishertype/" + vocab()["catalog"]["publisher_type"]},
    }


def division_iri(base_url: str, code: str) -> str:
    return f"{base_url}/divisions/{code}"


def place(base_url: str, code: str, name: str | None) -> dict[str, Any]:
    """A GB/T 2260 division as a ``dct:Location`` (and a SKOS concept of pubdata's division scheme)."""
    return {
        "@id": division_iri(base_url, code),
        "@type": ["dct:Location", "skos:Concept"],
        "skos:prefLabel": _zh(name or code),
        "skos:notation": code,
        "skos:inScheme": {
            "@id": f"{base_url}/divisions",
            "@type": "skos:ConceptScheme",
            "dct:title": _zh("GB/T 2260 行政区划代码"),
        },
    }


def _themes(base_url: str, theme: str | None) -> list[dict[str, Any]]:
    if not theme:
        return []
    info = vocab()["themes"].get(theme, {})
    out: list[dict[str, Any]] = []
    if info.get("eu"):
        out.append({"@id": f"{EU}data-theme/{info['eu']}"})
    out.append(
        {
            "@id": f"{base_url}/themes/{theme}",
            "@type": "skos:Concept",
            "skos:prefLabel": _zh(info.get("title", theme)),
            "skos:notation": theme,
            "skos:inScheme": {"@id": f"{base_url}/themes"},
        }
    )
    return out


def dcat_dataset(
    d: dict[str, Any],
    dept: dict[str, Any] | None,
    base_url: str,
    *,
    extent: dict[str, Any] | None = None,
    spatial_name: str | None = None,
    profile: str = DEFAULT_PROFILE,
) -> dict[str, Any]:
    """One ``dcat:Dataset``. ``extent``: ``{"start": date, "end": date}`` (its temporal coverage);
    ``spatial_name``: the name of its GB/T 2260 division (``manifest.spatial``)."""
    v = vocab()
    page = f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}"
    tier = d.get("open_tier") or "withheld"
    freq = v["frequencies"].get(d.get("update_frequency") or "", {}).get("eu", "UNKNOWN")
    access = v["tiers"].get(tier, v["tiers"]["withheld"])
    schema = {
        "@id": f"{page}/schema.json",
        "@type": "dct:Standard",
        "dct:title": _zh(f"{d.get('title') or d['dataset_id']}：数据结构（Frictionless Table Schema）"),
    }
    out: dict[str, Any] = {
        "@id": f"{page}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{d['department_id']}.{d['dataset_id']}",
        "dct:title": _zh(d.get("title") or d["dataset_id"]),
        "dct:description": _zh(d.get("description") or d.get("title") or ""),
        "dcat:keyword": [_zh(k) for k in d.get("keywords") or []],
        "dcat:theme": _themes(base_url, d.get("theme")),
        "dct:publisher": _agent(
            f"{base_url}/departments/{d['department_id']}#organization",
            (dept or {}).get("name") or d.get("department_name") or d["department_id"],
        ),
        "dct:accrualPeriodicity": {"@id": f"{EU}frequency/{freq}"},
        "dct:accessRights": {"@id": f"{EU}access-right/{access['eu']}"},
        "dcat:landingPage": {"@id": page, "@type": "foaf:Document"},
        "dct:conformsTo": schema,
        "dct:issued": _iso(d.get("registered_at")),
        "dct:modified": _iso(d.get("published_at") or d.get("updated_at")),
        "dcat:distribution": [],
    }
    if d.get("version"):
        out["owl:versionInfo"] = str(d["version"])  # DCAT-AP 2
        out["dcat:version"] = str(d["version"])  # DCAT-AP 3
    spatial = (d.get("manifest") or {}).get("spatial")
    if spatial:
        out["dct:spatial"] = place(base_url, spatial, spatial_name)
    if extent and extent.get("start") and extent.get("end"):
        out["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": str(extent["start"]),
            "dcat:endDate": str(extent["end"]),
        }
    if dept and (dept.get("contact_email") or dept.get("contact_name")):
        contact: dict[str, Any] = {
            "@id": f"{base_url}/departments/{d['department_id']}#contact",
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": dept.get("contact_name") or dept.get("name") or "",
        }
        if dept.get("contact_email"):
            contact["vcard:hasEmail"] = {"@id": f"mailto:{dept['contact_email']}"}
        out["dcat:contactPoint"] = contact
    lic = _license(d.get("license"))
    if lic:
        out["dct:license"] = lic
    out.update(harvested.dcat_provenance(d))
    for pos, r in enumerate(harvested.remote_links(d)):
        remote: dict[str, Any] = {
            "@id": f"{page}#remote{pos}",
            "@type": "dcat:Distribution",
            "dct:title": _zh(r.get("name") or r.get("format") or "resource"),
            "dct:description": _zh("来源门户的原始资源（元数据汇聚，未经本平台处理）"),
            "dcat:accessURL": {"@id": r["url"], "@type": "rdfs:Resource"},
        }
        code = re.sub(r"[^A-Z0-9_]", "", str(r.get("format") or "").upper())
        if code:  # the EU file-type authority names formats by their upper-case code
            remote["dct:format"] = {"@id": f"{EU}file-type/{code}"}
        if r.get("media_type") and _MIME.match(str(r["media_type"])):
            remote["dcat:mediaType"] = {"@id": f"{IANA}{r['media_type']}", "@type": "dct:MediaType"}
        out["dcat:distribution"].append(remote)
    if d.get("version") and tier in ("open", "conditional"):
        for fmt, f in v["formats"].items():
            dist: dict[str, Any] = {
                "@id": f"{page}#distribution-{fmt}",
                "@type": "dcat:Distribution",
                "dct:title": _zh(f"{d.get('title')} ({f['label']})"),
                "dct:description": _zh(
                    f"{d.get('title')}最新版本 v{d['version']}（{d['rows']} 行），{f['description']}。"
                    + ("需部门令牌。" if tier != "open" else "")
                ),
                "dcat:accessURL": {"@id": page, "@type": ["foaf:Document", "rdfs:Resource"]},
                "dcat:downloadURL": {"@id": f"{page}/download.{fmt}", "@type": "rdfs:Resource"},
                "dct:format": {"@id": f"{EU}file-type/{f['eu']}"},
                "dcat:mediaType": {"@id": f"{IANA}{f['mime']}", "@type": "dct:MediaType"},
                "dct:conformsTo": schema,
                "dct:issued": _iso(d.get("published_at")),
                "dct:modified": _iso(d.get("published_at")),
                "dct:rights": {"@type": "dct:RightsStatement", "rdfs:label": _zh(access["rights"])},
                "dcatap:availability": {"@id": f"{EU}planned-availability/{v['catalog']['availability']}"},
            }
            if fmt == "parquet" and d.get("bytes") is not None:
                # DCAT-AP 2.1.1: xsd:decimal; DCAT-AP 3: xsd:nonNegativeInteger
                kind = "xsd:decimal" if profile == "euro_dcat_ap_2" else "xsd:nonNegativeInteger"
                dist["dcat:byteSize"] = {"@value": str(int(d["bytes"])), "@type": kind}
            if lic:
                dist["dct:license"] = lic
            out["dcat:distribution"].append(dist)
    return out


def spatial_codes(datasets: list[dict[str, Any]]) -> list[str]:
    """The GB/T 2260 division codes the datasets cover (manifest ``spatial``), sorted."""
    return sorted({str(code) for d in datasets if (code := (d.get("manifest") or {}).get("spatial"))})


def dcat_catalog(
    datasets: list[dict[str, Any]],
    departments: dict[str, dict[str, Any]],
    base_url: str,
    *,
    title: str = "pubdata 公共数据开放平台",
    profile: str = DEFAULT_PROFILE,
    extents: dict[tuple[str, str], dict[str, Any]] | None = None,
    place_names: dict[str, str] | None = None,
    page: int | None = None,
    page_size: int | None = None,
    page_url: Any = None,
) -> dict[str, Any]:
    """The catalog: all ``datasets``, or (``page``, ``page_size``) one page of them with a Hydra
    ``PartialCollectionView``; ``page_url(n)`` is the URL of page ``n`` in the requested format."""
    v = vocab()
    datasets = [d for d in datasets if not harvested.is_withdrawn(d)]  # gone upstream: not current
    total = len(datasets)
    shown = datasets
    if page is not None and page_size:
        shown = datasets[(page - 1) * page_size : page * page_size]
    modified = max((d["published_at"] for d in datasets if d.get("published_at")), default=None)
    issued = min((d["registered_at"] for d in datasets if d.get("registered_at")), default=None)
    codes = spatial_codes(datasets)
    names = place_names or {}
    own_themes = {
        "@id": f"{base_url}/themes",
        "@type": "skos:ConceptScheme",
        "dct:title": _zh("pubdata 数据主题分类"),
    }
    out: dict[str, Any] = {
        "@context": context(profile),
        "@id": f"{base_url}/catalog",
        "@type": "dcat:Catalog",
        "dct:title": _zh(title),
        "dct:description": _zh("各部门公共数据资源目录（开放、有条件开放及不予开放数据的元数据）"),
        "dct:publisher": _agent(f"{base_url}/#publisher", title),
        "foaf:homepage": {"@id": base_url + "/", "@type": "foaf:Document"},
        "dct:language": {"@id": f"{EU}language/{v['catalog']['language']}"},
        "dct:license": _license(v["catalog"]["license"]),
        "dct:issued": _iso(issued),
        "dct:modified": _iso(modified),
        "dcat:themeTaxonomy": [{"@id": f"{EU}data-theme"}, own_themes],
        "dcat:dataset": [
            dcat_dataset(
                d,
                departments.get(d["department_id"]),
                base_url,
                extent=(extents or {}).get((d["department_id"], d["dataset_id"])),
                spatial_name=names.get((d.get("manifest") or {}).get("spatial") or ""),
                profile=profile,
            )
            for d in shown
        ],
    }
    if codes:
        out["dct:spatial"] = [place(base_url, c, names.get(c)) for c in codes]
    if page is not None and page_size and page_url is not None:
        last = max(1, -(-total // page_size))
        view: dict[str, Any] = {
            "@id": page_url(page),
            "@type": "hydra:PartialCollectionView",
            "hydra:totalItems": total,
            "hydra:itemsPerPage": page_size,
            "hydra:first": {"@id": page_url(1)},
            "hydra:last": {"@id": page_url(last)},
        }
        if page < last:
            view["hydra:next"] = {"@id": page_url(page + 1)}
        if page > 1:
            view["hydra:previous"] = {"@id": page_url(page - 1)}
        out["hydra:view"] = view
    return out


def frictionless_type(arrow_type: str | None) -> str:
    return table_schema_type(arrow_type)


def table_schema(d: dict[str, Any], columns: list[dict[str, Any]], schema: list[dict[str, str]]) -> dict[str, Any]:
    """Frictionless Table Schema of the latest published version.

    Constraints declared in the manifest are kept only for columns published unchanged
    (a masked ID number no longer matches its pattern).
    """
    manifest_cols = {c["name"]: c for c in (d.get("manifest") or {}).get("columns", [])}
    treatment = {c["name"]: c for c in columns}
    fields = []
    for col in schema:
        name = col["name"]
        m = manifest_cols.get(name, {})
        t = treatment.get(name, {})
        field: dict[str, Any] = {"name": name, "type": frictionless_type(col.get("type"))}
        if m.get("description"):
            field["description"] = m["description"]
        action = t.get("action") or "publish"
        field["pubdata:treatment"] = action
        if t.get("reason"):
            field["pubdata:reason"] = t["reason"]
        if action == "publish":
            cons: dict[str, Any] = {}
            if m.get("required"):
                cons["required"] = True
            if m.get("unique"):
                cons["unique"] = True
            for src, dst in (
                ("enum", "enum"),
                ("min_length", "minLength"),
                ("max_length", "maxLength"),
                ("minimum", "minimum"),
                ("maximum", "maximum"),
                ("pattern", "pattern"),
            ):
                if m.get(src) is not None:
                    cons[dst] = m[src]
            if cons:
                field["constraints"] = cons
        fields.append(field)
    out: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    pk = list(d.get("primary_key") or [])
    published = {f["name"]: f for f in fields}
    if pk and all(k in published and published[k]["pubdata:treatment"] == "publish" for k in pk):
        out["primaryKey"] = pk
    return out
