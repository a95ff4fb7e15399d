"""Metadata documents: the DCAT-AP catalog (JSON-LD) and a Frictionless Table Schema per dataset.

Pure functions over catalog rows (as :func:`catalog.queries.catalog_state` returns them).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from portal import harvested

__all__ = ["dcat_catalog", "dcat_dataset", "table_schema"]

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "adms": "http://www.w3.org/ns/adms#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct:modified": {"@type": "xsd:dateTime"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dcat:byteSize": {"@type": "xsd:nonNegativeInteger"},
}
EU = "http://publications.europa.eu/resource/authority/"
FREQUENCY = {
    "realtime": "UPDATE_CONT",
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "yearly": "ANNUAL",
    "irregular": "IRREG",
}
ACCESS = {"open": "PUBLIC", "conditional": "RESTRICTED", "withheld": "NON_PUBLIC"}
FORMATS = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
    "parquet": ("PARQUET", "application/vnd.apache.parquet"),
}
LICENSES = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "ODC-BY-1.0": "https://opendatacommons.org/licenses/by/1-0/",
}


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return str(value)


def _license(code: str | None) -> dict[str, str] | None:
    if not code:
        return None
    return {"@id": LICENSES.get(code, f"urn:license:{code}"), "dct:identifier": code}


def dcat_dataset(d: dict[str, Any], dept: dict[str, Any] | None, base_url: str) -> dict[str, Any]:
    page = f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}"
    tier = d.get("open_tier") or "withheld"
    out: dict[str, Any] = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": f"{d['department_id']}.{d['dataset_id']}",
        "dct:title": {"@value": d.get("title") or d["dataset_id"], "@language": "zh"},
        "dct:description": {"@value": d.get("description") or d.get("title") or "", "@language": "zh"},
        "dcat:keyword": [{"@value": k, "@language": "zh"} for k in d.get("keywords") or []],
        "dcat:theme": d.get("theme"),
        "dct:publisher": {
            "@id": f"{base_url}/departments/{d['department_id']}",
            "@type": "foaf:Organization",
            "foaf:name": (dept or {}).get("name") or d.get("department_name"),
        },
        "dct:accrualPeriodicity": {
            "@id": EU + "frequency/" + FREQUENCY.get(d.get("update_frequency") or "", "UNKNOWN")
        },
        "dct:accessRights": {"@id": EU + "access-right/" + ACCESS.get(tier, "NON_PUBLIC"), "dct:description": tier},
        "dcat:landingPage": {"@id": page},
        "dct:conformsTo": {"@id": f"{page}/schema.json"},
        "dct:issued": _iso(d.get("registered_at")),
        "dct:modified": _iso(d.get("published_at") or d.get("updated_at")),
        "adms:version": str(d.get("version") or ""),
        "dcat:distribution": [],
    }
    if dept and (dept.get("contact_email") or dept.get("contact_name")):
        out["dcat:contactPoint"] = {
            "@type": "vcard:Organization",
            "vcard:fn": dept.get("contact_name") or "",
            "vcard:hasEmail": f"mailto:{dept['contact_email']}" if dept.get("contact_email") else None,
        }
    lic = _license(d.get("license"))
    if lic:
        out["dct:license"] = lic
    out.update(harvested.dcat_provenance(d))
    for pos, r in enumerate(harvested.remote_links(d)):
        out["dcat:distribution"].append(
            {
                "@id": f"{page}#remote{pos}",
                "@type": "dcat:Distribution",
                "dct:title": r.get("name") or r.get("format") or "resource",
                "dcat:accessURL": {"@id": r["url"]},
                "dct:format": r.get("format") or "",
            }
        )
    if d.get("version") and tier in ("open", "conditional"):
        for fmt, (label, mime) in FORMATS.items():
            dist = {
                "@id": f"{page}/download.{fmt}",
                "@type": "dcat:Distribution",
                "dct:title": f"{d.get('title')} ({label})",
                "dcat:accessURL": {"@id": page},
                "dcat:downloadURL": {"@id": f"{page}/download.{fmt}"},
                "dct:format": {"@id": EU + "file-type/" + label},
                "dcat:mediaType": mime,
                "dct:modified": _iso(d.get("published_at")),
                "dct:rights": {"dct:description": "open" if tier == "open" else "department token required"},
            }
            if fmt == "parquet" and d.get("bytes") is not None:
                dist["dcat:byteSize"] = d["bytes"]
            if lic:
                dist["dct:license"] = lic
            out["dcat:distribution"].append(dist)
    return out


def dcat_catalog(
    datasets: list[dict[str, Any]],
    departments: dict[str, dict[str, Any]],
    base_url: str,
    *,
    title: str = "pubdata 公共数据开放平台",
) -> dict[str, Any]:
    modified = max((d["published_at"] for d in datasets if d.get("published_at")), default=None)
    return {
        "@context": CONTEXT,
        "@id": f"{base_url}/catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": {"@value": title, "@language": "zh"},
        "dct:description": {
            "@value": "各部门公共数据资源目录（开放、有条件开放及不予开放数据的元数据）",
            "@language": "zh",
        },
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": title},
        "foaf:homepage": {"@id": base_url + "/"},
        "dct:modified": _iso(modified),
        "dcat:dataset": [
            dcat_dataset(d, departments.get(d["department_id"]), base_url)
            for d in datasets
            if not harvested.is_withdrawn(d)
        ],
    }


_TYPES = [
    ("string", "string"),
    ("large_string", "string"),
    ("int", "integer"),
    ("uint", "integer"),
    ("double", "number"),
    ("float", "number"),
    ("decimal", "number"),
    ("bool", "boolean"),
    ("date", "date"),
    ("timestamp", "datetime"),
    ("time", "time"),
]


def frictionless_type(arrow_type: str | None) -> str:
    t = (arrow_type or "").lower()
    for prefix, name in _TYPES:
        if t.startswith(prefix):
            return name
    return "any"


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
