"""CKAN shapes built from catalog rows (pure functions, no I/O).

Departments are organisations, datasets are packages (name ``<department>__<dataset>``), each
download format of the latest version is a resource, keywords are free tags. Every object has a
stable UUID (uuid5 over a fixed pubdata namespace and its name: the same in every run and after a
catalog rebuild) as ``id``; the slug is its ``name``; both are accepted wherever CKAN takes an id
(resources also by their old id ``<package>__<format>``). Withheld datasets list their metadata
only (no resources); conditional ones list resources whose URLs need a department token.

The key sets are CKAN 2.10's: the model columns (``ckan/model/package.py``, ``resource.py``,
``group.py``, ``tag.py``) plus what ``ckan/lib/dictization/model_dictize.py`` adds
(``package_dictize``, ``group_dictize``, ``tag_dictize``); keys CKAN always emits are present and
``None`` when unset.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
import uuid
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from portal import harvested
from portal.vocab import titles, vocab

__all__ = [
    "FACET_FIELDS",
    "TIER_TITLES",
    "CkanError",
    "CkanIndex",
    "field_values",
    "invalid",
    "license_dict",
    "organization_core",
    "organization_dict",
    "package_dict",
    "package_name",
    "param_int",
    "parse_sort",
    "resource_dicts",
    "split_package",
    "split_resource",
    "uid",
]

NAMESPACE = uuid.UUID("8d1f6a52-5c0e-5b7d-9a3e-2f4b6c8d0e1a")  # pubdata's ids: never change it
TIER_TITLES = titles("tiers")
_PKG = re.compile(r"^[a-z][a-z0-9_]{0,130}$")


def formats() -> dict[str, dict[str, str]]:
    return vocab()["formats"]


class CkanError(Exception):
    """An error to return in CKAN's envelope (``Bad Request``: CKAN's bare JSON string)."""

    STATUS = {
        "Not Found Error": 404,
        "Authorization Error": 403,
        "Validation Error": 409,
        "Search Query Error": 400,
        "Search Error": 409,
        "Bad Request": 400,
    }

    def __init__(
        self, type_: str, message: str, status: int | None = None, fields: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(message)
        self.type = type_
        self.message = message
        self.status = status or self.STATUS.get(type_, 400)
        self.fields = fields or {}

    def body(self) -> Any:
        """The ``error`` object, worded as CKAN 2.10's ``ckan/views/api.py`` words it."""
        if self.type == "Validation Error" and self.fields:
            return {**self.fields, "__type": self.type}
        message = self.message
        if self.type == "Not Found Error":
            message = "Not found" + ("" if message in ("", "Not found") else f": {message}")
        elif self.type == "Authorization Error" and not message.startswith("Access denied"):
            message = f"Access denied: {message}"
        elif self.type == "Search Query Error":
            message = f"Search Query is invalid: {(message,)!r}"
        elif self.type == "Search Error":
            message = f"Search error: {(message,)!r}"
        return {"__type": self.type, "message": message}


def invalid(name: str, message: str) -> CkanError:
    return CkanError("Validation Error", f"{name}: {message}", fields={name: [message]})


def param_int(params: dict[str, Any], name: str, default: int, lo: int = 0, hi: int = 2**40) -> int:
    """A natural number parameter (CKAN's ``natural_number_validator``), capped at ``hi``."""
    raw = params.get(name, default)
    if raw is None or raw == "":
        raw = default
    if isinstance(raw, bool):
        raise invalid(name, "Invalid integer")
    try:
        value = int(raw)
    except (TypeError, ValueError, OverflowError):
        raise invalid(name, "Invalid integer") from None
    if value < lo:
        raise invalid(name, "Must be a natural number" if lo == 0 else f"Must be at least {lo}")
    return min(value, hi)


@functools.lru_cache(maxsize=65536)
def uid(kind: str, name: str) -> str:
    """The stable UUID of a package, resource, organization, tag or extra."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{name}"))


def iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    return str(value)


def package_name(department: str, dataset: str) -> str:
    return f"{department}__{dataset}"


def split_package(name: Any, known: Container[tuple[str, str]]) -> tuple[str, str] | None:
    """``<department>__<dataset>`` back to its parts (``known`` resolves ids that contain ``__``)."""
    if not isinstance(name, str) or not _PKG.match(name):
        return None
    parts = name.split("__")
    for i in range(1, len(parts)):
        key = ("__".join(parts[:i]), "__".join(parts[i:]))
        if key in known:
            return key
    return None


def split_resource(resource_id: Any, known: Container[tuple[str, str]]) -> tuple[str, str, str] | None:
    if not isinstance(resource_id, str) or "__" not in resource_id:
        return None
    pkg, _, fmt = resource_id.rpartition("__")
    if fmt not in formats():
        return None
    key = split_package(pkg, known)
    return (key[0], key[1], fmt) if key else None


@dataclass
class CkanIndex:
    """UUIDs of one catalog state's objects, both ways."""

    packages: dict[str, tuple[str, str]] = field(default_factory=dict)  # uuid -> (dept, dataset)
    resources: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # uuid -> (dept, ds, fmt)
    organizations: dict[str, str] = field(default_factory=dict)  # uuid -> department id
    tags: dict[str, str] = field(default_factory=dict)  # uuid -> tag name

    @classmethod
    def build(cls, datasets: list[dict[str, Any]], departments: list[dict[str, Any]]) -> CkanIndex:
        idx = cls()
        for d in datasets:
            name = package_name(d["department_id"], d["dataset_id"])
            idx.packages[uid("package", name)] = (d["department_id"], d["dataset_id"])
            for fmt in formats():
                idx.resources[uid("resource", f"{name}__{fmt}")] = (d["department_id"], d["dataset_id"], fmt)
            for k in d.get("keywords") or []:
                idx.tags[uid("tag", k)] = k
        for dept in departments:
            idx.organizations[uid("organization", dept["id"])] = dept["id"]
        return idx

    def package(self, ident: Any, known: Container[tuple[str, str]]) -> tuple[str, str] | None:
        if isinstance(ident, str) and ident in self.packages:
            return self.packages[ident]
        return split_package(ident, known)

    def resource(self, ident: Any, known: Container[tuple[str, str]]) -> tuple[str, str, str] | None:
        if isinstance(ident, str) and ident in self.resources:
            return self.resources[ident]
        return split_resource(ident, known)

    def organization(self, ident: Any, names: set[str]) -> str | None:
        if not isinstance(ident, str):
            return None
        return self.organizations.get(ident) or (ident if ident in names else None)

    def tag(self, ident: Any) -> str | None:
        if not isinstance(ident, str):
            return None
        return self.tags.get(ident) or (ident if ident in self.tags.values() else None)


# ---- dicts ----------------------------------------------------------------------------------


def license_dict(code: str) -> dict[str, str]:
    """A licence as CKAN 2.10's ``license_list`` returns its built-in ones (every value a string)."""
    v = vocab()["licenses"].get(code, {})
    return {
        "domain_content": str(bool(v.get("domain_content", False))),
        "id": code,
        "domain_data": str(bool(v.get("domain_data", False))),
        "domain_software": str(bool(v.get("domain_software", False))),
        "family": v.get("family", ""),
        "is_generic": str(bool(v.get("is_generic", False))),
        "od_conformance": v.get("od_conformance", "not reviewed"),
        "osd_conformance": v.get("osd_conformance", "not reviewed"),
        "maintainer": v.get("maintainer", ""),
        "status": "active",
        "url": v.get("url", ""),
        "title": v.get("title", code),
    }


def organization_core(dept: dict[str, Any]) -> dict[str, Any]:
    """The ``group`` table's columns: what a package embeds as ``organization``."""
    return {
        "id": uid("organization", dept["id"]),
        "name": dept["id"],
        "title": dept["name"],
        "type": "organization",
        "description": dept.get("description") or "",
        "image_url": "",
        "created": iso(dept.get("updated_at")),
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
    }


def organization_dict(
    dept: dict[str, Any],
    *,
    package_count: int | None = None,
    include_extras: bool = True,
    include_tags: bool = True,
    include_groups: bool = True,
    include_users: bool = True,
) -> dict[str, Any]:
    """``organization_show`` (``organization_list all_fields`` passes the ``include_*`` as False)."""
    out = organization_core(dept)
    out.update(
        display_name=dept["name"],
        image_display_url="",
        package_count=dept.get("datasets", 0) if package_count is None else package_count,
        num_followers=0,
    )
    if include_extras:
        org_id = out["id"]
        out["extras"] = [
            {
                "id": uid("group_extra", f"{dept['id']}:{key}"),
                "group_id": org_id,
                "key": key,
                "value": dept.get(key) or "",
                "state": "active",
            }
            for key in ("contact_email", "contact_name")
        ]
    if include_tags:
        out["tags"] = []
    if include_groups:
        out["groups"] = []
    if include_users:
        out["users"] = []
    return out


def tag_dict(name: str, *, with_state: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"id": uid("tag", name), "name": name, "vocabulary_id": None}
    if with_state:
        out["state"] = "active"
    out["display_name"] = name
    return out


def has_resources(d: dict[str, Any]) -> bool:
    return bool(d.get("version")) and d.get("open_tier") in ("open", "conditional")


def resource_dicts(d: dict[str, Any], base_url: str, *, downloads: dict[str, int] | None = None) -> list[dict]:
    if not has_resources(d):
        return []
    name = package_name(d["department_id"], d["dataset_id"])
    out = []
    for pos, (fmt, f) in enumerate(formats().items()):
        out.append(
            {
                "id": uid("resource", f"{name}__{fmt}"),
                "package_id": uid("package", name),
                "url": f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}/download.{fmt}",
                "format": f["label"],
                "description": f"v{d['version']}，{d['rows']} 行；{f['description']}"
                + ("；需部门令牌" if d["open_tier"] != "open" else ""),
                "hash": d["sha256"] if fmt == "parquet" else "",
                "position": pos,
                "name": f"{d['title']} ({f['label']})",
                "resource_type": "file",
                "mimetype": f["mime"],
                "mimetype_inner": None,
                "size": d["bytes"] if fmt == "parquet" else None,
                "created": iso(d.get("published_at")),
                "last_modified": iso(d.get("published_at")),
                "metadata_modified": iso(d.get("published_at")),
                "cache_url": None,
                "cache_last_updated": None,
                "url_type": None,
                "state": "active",
                # extras (CKAN merges a resource's extras into its dict)
                "datastore_active": True,
                "version": d["version"],
                "downloads": (downloads or {}).get(fmt, 0),
            }
        )
    return out


def harvested_resources(d: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The remote files of a metadata-only harvested dataset, with CKAN's full key set and UUIDs
    (their old ids ``<package>__remote<n>`` stay accepted by ``resource_show``)."""
    out = []
    for r in harvested.ckan_resources(d, name):
        r = {**r, "id": uid("resource", r["id"]), "package_id": uid("package", name)}
        for key in ("mimetype_inner", "cache_url", "cache_last_updated", "created", "last_modified"):
            r.setdefault(key, None)
        r.setdefault("metadata_modified", iso(metadata_modified(d)))
        out.append(r)
    return out


def metadata_modified(d: dict[str, Any]) -> Any:
    return d.get("published_at") or d.get("updated_at") or d.get("registered_at")


def package_dict(
    d: dict[str, Any],
    dept: dict[str, Any] | None,
    base_url: str,
    *,
    columns: list[dict[str, Any]] | None = None,
    downloads: dict[str, int] | None = None,
) -> dict[str, Any]:
    """A ``package_show`` dict for one catalog dataset row (latest version joined)."""
    name = package_name(d["department_id"], d["dataset_id"])
    tier = d.get("open_tier") or "unpublished"
    manifest = d.get("manifest") or {}
    tags = [tag_dict(k, with_state=True) for k in d.get("keywords") or []]
    resources = resource_dicts(d, base_url, downloads=downloads) or harvested_resources(d, name)
    extras = {
        "department": d["department_id"],
        "theme": d.get("theme") or "",
        "update_frequency": d.get("update_frequency") or "",
        "open_tier": tier,
        "open_tier_title": TIER_TITLES.get(tier, "未发布"),
        "tier_rule": d.get("tier_rule") or "",
        "version": str(d.get("version") or ""),
        "rows": str(d.get("rows") if d.get("rows") is not None else ""),
        "quality_score": "" if d.get("quality_score") is None else f"{d['quality_score']:.1f}",
        "table_schema": f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}/schema.json",
        "primary_key": ",".join(d.get("primary_key") or []),
    }
    risk = d.get("risk")
    if risk:
        extras["risk_report"] = f"{base_url}/api/datasets/{d['department_id']}/{d['dataset_id']}/risk"
        extras["risk_targets_met"] = "true" if risk.get("met") else "false"
        if risk.get("kind") == "aggregate":
            extras["risk_cell_threshold"] = str(risk.get("threshold") or "")
            extras["risk_method"] = str(risk.get("method") or "")
        else:
            extras["risk_k_achieved"] = "" if risk.get("k_achieved") is None else str(risk["k_achieved"])
            extras["risk_max_prosecutor"] = "" if risk.get("max_risk") is None else f"{risk['max_risk']:.4f}"
            extras["risk_suppressed_share"] = f"{risk.get('suppressed_share') or 0:.4f}"
    extras.update(harvested.ckan_extras(d))
    if tier == "conditional":
        extras["access_conditions"] = (
            "有条件开放：经申请、审核批准后凭部门令牌访问。申请："
            f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}/apply"
        )
    if columns is not None:
        extras["columns"] = json.dumps(
            [
                {
                    "name": c["name"],
                    "type": c.get("type"),
                    "published": bool(c.get("published")),
                    "treatment": c.get("action"),
                }
                for c in columns
            ],
            ensure_ascii=False,
        )
    contact = dept or {}
    lic = d.get("license") or ""
    lic_info = vocab()["licenses"].get(lic)
    out = {
        "id": uid("package", name),
        "name": name,
        "title": d.get("title") or name,
        "version": str(d.get("version") or ""),
        "url": f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}",
        "author": contact.get("name", d.get("department_name")),
        "author_email": contact.get("contact_email"),
        "maintainer": contact.get("contact_name"),
        "maintainer_email": contact.get("contact_email"),
        "notes": d.get("description") or "",
        "license_id": lic,
        "type": "dataset",
        "owner_org": uid("organization", d["department_id"]),
        "creator_user_id": None,
        "metadata_created": iso(d.get("registered_at")),
        "metadata_modified": iso(metadata_modified(d)),
        "private": False,
        "state": "deleted" if harvested.is_withdrawn(d) else "active",
        "resources": resources,
        "num_resources": len(resources),
        "tags": tags,
        "num_tags": len(tags),
        "extras": sorted(({"key": k, "value": v} for k, v in extras.items()), key=lambda e: e["key"]),
        "groups": [],
        "organization": organization_core(dept) if dept else None,
        "relationships_as_subject": [],
        "relationships_as_object": [],
        "isopen": tier == "open" and bool(lic_info and lic_info.get("od_conformance") == "approved"),
        "license_title": lic_info["title"] if lic_info else lic,
        # dataset-level fields of pubdata's schema (as ckanext-scheming adds them)
        "theme": d.get("theme"),
        "update_frequency": d.get("update_frequency"),
        "open_tier": tier,
        "about_people": manifest.get("about_people"),
    }
    if lic_info and lic_info.get("url"):
        out["license_url"] = lic_info["url"]
    return out


# ---- package_search fields and sort ---------------------------------------------------------

FACET_FIELDS = ("organization", "tags", "res_format", "theme", "update_frequency", "open_tier", "license_id", "groups")
#: fields package_search's q and fq understand, and how they compare (see portal.ckan_query)
FIELD_KINDS = {
    "id": "string",
    "name": "string",
    "title": "text",
    "notes": "text",
    "text": "text",
    "tags": "string",
    "groups": "string",
    "organization": "string",
    "owner_org": "string",
    "res_format": "string",
    "res_name": "text",
    "res_description": "text",
    "res_url": "string",
    "license_id": "string",
    "metadata_modified": "date",
    "metadata_created": "date",
    "num_resources": "int",
    "num_tags": "int",
    "state": "string",
    "capacity": "string",
    "type": "string",
    "dataset_type": "string",
    "private": "bool",
    "site_id": "string",
    "version": "string",
    "author": "text",
    "maintainer": "text",
    "theme": "string",
    "update_frequency": "string",
    "open_tier": "string",
    "department": "string",
}
SORT_FIELDS = {
    "score",
    "id",
    "metadata_modified",
    "metadata_created",
    "name",
    "title",
    "title_string",
    "num_resources",
    "num_tags",
    "downloads",
}


def field_values(d: dict[str, Any], field: str) -> list[Any]:
    """A dataset's values of a package_search field."""
    name = package_name(d["department_id"], d["dataset_id"])
    if field in ("organization", "department"):
        return [d["department_id"]]
    if field == "owner_org":
        return [uid("organization", d["department_id"]), d["department_id"]]
    if field == "id":
        return [uid("package", name)]
    if field == "name":
        return [name]
    if field == "tags":
        return list(d.get("keywords") or [])
    if field == "res_format":
        return [f["label"] for f in formats().values()] if has_resources(d) else []
    if field == "res_name":
        return [f"{d['title']} ({f['label']})" for f in formats().values()] if has_resources(d) else []
    if field == "res_description":
        return [f["description"] for f in formats().values()] if has_resources(d) else []
    if field == "res_url":
        page = f"/datasets/{d['department_id']}/{d['dataset_id']}/download."
        return [page + fmt for fmt in formats()] if has_resources(d) else []
    if field == "groups":
        return []
    if field == "title":
        return [d.get("title") or ""]
    if field == "notes":
        return [d.get("description") or ""]
    if field == "text":
        return [
            " ".join(
                [name, d.get("title") or "", d.get("description") or "", d.get("department_name") or ""]
                + list(d.get("keywords") or [])
            )
        ]
    if field == "license_id":
        return [d.get("license")] if d.get("license") else []
    if field == "metadata_modified":
        return [metadata_modified(d)]
    if field == "metadata_created":
        return [d.get("registered_at")]
    if field == "num_resources":
        return [len(formats()) if has_resources(d) else 0]
    if field == "num_tags":
        return [len(d.get("keywords") or [])]
    if field == "state":
        return ["active"]
    if field == "capacity":
        return ["public"]
    if field in ("type", "dataset_type"):
        return ["dataset"]
    if field == "private":
        return ["false"]
    if field == "site_id":
        return ["default"]
    if field == "version":
        return [str(d.get("version") or "")]
    if field == "author":
        return [d.get("department_name") or ""]
    if field == "maintainer":
        return [(d.get("manifest") or {}).get("contact", {}).get("name", "")]
    value = d.get(field)
    return [value] if value else []


def parse_sort(sort: str | None) -> list[tuple[str, bool]]:
    """``"field asc, field desc"`` -> ``[(field, descending)]`` (fields from a whitelist)."""
    if not sort or sort == "rank":
        return [("score", True), ("metadata_modified", True)]
    if len(sort) > 200:
        raise CkanError("Search Query Error", "sort is too long")
    out = []
    for part in sort.split(","):
        bits = part.strip().split()
        if (
            not bits
            or len(bits) > 2
            or bits[0] not in SORT_FIELDS
            or (len(bits) == 2 and bits[1].lower() not in ("asc", "desc"))
        ):
            raise CkanError("Search Query Error", f"cannot sort by {part.strip()[:40]!r}")
        out.append((bits[0], len(bits) == 2 and bits[1].lower() == "desc"))
    return out
