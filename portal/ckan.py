"""CKAN shapes built from catalog rows (pure functions, no I/O).

Departments are organisations, datasets are packages (name ``<department>__<dataset>``), and each
download format of the latest version is a resource (id ``<package>__<format>``).
Withheld datasets list their metadata only (no resources); conditional ones list resources whose
URLs need a department token.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from portal import harvested

__all__ = [
    "FORMATS",
    "TIER_TITLES",
    "CkanError",
    "organization_dict",
    "package_dict",
    "package_name",
    "parse_fq",
    "parse_sort",
    "resource_dicts",
    "split_package",
    "split_resource",
]

FORMATS = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
    "parquet": ("Parquet", "application/vnd.apache.parquet"),
}
TIER_TITLES = {"open": "无条件开放", "conditional": "有条件开放", "withheld": "不予开放"}
LICENSES = {
    "CC-BY-4.0": "Creative Commons Attribution 4.0",
    "CC0-1.0": "Creative Commons CCZero",
    "ODC-BY-1.0": "Open Data Commons Attribution License",
}
_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_PKG = re.compile(r"^[a-z][a-z0-9_]{0,130}$")


class CkanError(Exception):
    """An error to return in the CKAN envelope."""

    STATUS = {
        "Not Found Error": 404,
        "Authorization Error": 403,
        "Validation Error": 409,
        "Search Query Error": 400,
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

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"__type": self.type, "message": self.message}
        err.update(self.fields)
        return err


def iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    return str(value)


def package_name(department: str, dataset: str) -> str:
    return f"{department}__{dataset}"


def split_package(name: Any, known: set[tuple[str, str]]) -> tuple[str, str] | None:
    """``<department>__<dataset>`` back to its parts (``known`` resolves ids that contain ``__``)."""
    if not isinstance(name, str) or not _PKG.match(name):
        return None
    parts = name.split("__")
    for i in range(1, len(parts)):
        key = ("__".join(parts[:i]), "__".join(parts[i:]))
        if key in known:
            return key
    return None


def split_resource(resource_id: Any, known: set[tuple[str, str]]) -> tuple[str, str, str] | None:
    if not isinstance(resource_id, str) or "__" not in resource_id:
        return None
    pkg, _, fmt = resource_id.rpartition("__")
    if fmt not in FORMATS:
        return None
    key = split_package(pkg, known)
    return (key[0], key[1], fmt) if key else None


def organization_dict(dept: dict[str, Any], *, package_count: int | None = None) -> dict[str, Any]:
    return {
        "id": dept["id"],
        "name": dept["id"],
        "title": dept["name"],
        "display_name": dept["name"],
        "description": dept.get("description") or "",
        "is_organization": True,
        "type": "organization",
        "state": "active",
        "created": iso(dept.get("updated_at")),
        "image_url": "",
        "image_display_url": "",
        "approval_status": "approved",
        "package_count": dept.get("datasets", 0) if package_count is None else package_count,
        "extras": [
            {"key": "contact_name", "value": dept.get("contact_name") or ""},
            {"key": "contact_email", "value": dept.get("contact_email") or ""},
        ],
        "num_followers": 0,
        "users": [],
        "groups": [],
        "tags": [],
    }


def resource_dicts(d: dict[str, Any], base_url: str, *, downloads: dict[str, int] | None = None) -> list[dict]:
    if not d.get("version") or d.get("open_tier") not in ("open", "conditional"):
        return []
    name = package_name(d["department_id"], d["dataset_id"])
    out = []
    for pos, (fmt, (label, mime)) in enumerate(FORMATS.items()):
        out.append(
            {
                "id": f"{name}__{fmt}",
                "package_id": name,
                "name": f"{d['title']} ({label})",
                "description": f"v{d['version']}，{d['rows']} 行"
                + ("；需部门令牌" if d["open_tier"] != "open" else ""),
                "format": label,
                "mimetype": mime,
                "url": f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}/download.{fmt}",
                "url_type": None,
                "size": d["bytes"] if fmt == "parquet" else None,
                "hash": d["sha256"] if fmt == "parquet" else "",
                "created": iso(d.get("published_at")),
                "last_modified": iso(d.get("published_at")),
                "metadata_modified": iso(d.get("published_at")),
                "position": pos,
                "state": "active",
                "resource_type": "file",
                "datastore_active": True,
                "cache_url": None,
                "version": d["version"],
                "downloads": (downloads or {}).get(fmt, 0),
            }
        )
    return out


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
    tags = [
        {"id": k, "name": k, "display_name": k, "state": "active", "vocabulary_id": None}
        for k in d.get("keywords") or []
    ]
    resources = resource_dicts(d, base_url, downloads=downloads) or harvested.ckan_resources(d, name)
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
    return {
        "id": name,
        "name": name,
        "title": d.get("title") or name,
        "notes": d.get("description") or "",
        "url": f"{base_url}/datasets/{d['department_id']}/{d['dataset_id']}",
        "version": str(d.get("version") or ""),
        "state": "deleted" if harvested.is_withdrawn(d) else "active",
        "type": "dataset",
        "private": False,
        "isopen": tier == "open",
        "license_id": d.get("license") or "",
        "license_title": LICENSES.get(d.get("license") or "", d.get("license") or ""),
        "author": (dept or {}).get("name", d.get("department_name")),
        "author_email": contact.get("contact_email"),
        "maintainer": contact.get("contact_name"),
        "maintainer_email": contact.get("contact_email"),
        "metadata_created": iso(d.get("registered_at")),
        "metadata_modified": iso(d.get("published_at") or d.get("updated_at") or d.get("registered_at")),
        "owner_org": d["department_id"],
        "organization": organization_dict(dept) if dept else None,
        "tags": tags,
        "groups": [],
        "extras": [{"key": k, "value": v} for k, v in extras.items()],
        "num_resources": len(resources),
        "num_tags": len(tags),
        "resources": resources,
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "theme": d.get("theme"),
        "update_frequency": d.get("update_frequency"),
        "open_tier": tier,
        "about_people": manifest.get("about_people"),
    }


# ---- package_search parameters -------------------------------------------------------------

FQ_FIELDS = {
    "organization": "department_id",
    "owner_org": "department_id",
    "tags": "keywords",
    "res_format": "formats",
    "theme": "theme",
    "update_frequency": "update_frequency",
    "open_tier": "open_tier",
    "license_id": "license",
    "name": "name",
    "groups": "groups",
}
FACET_FIELDS = ("organization", "tags", "res_format", "theme", "update_frequency", "open_tier", "license_id", "groups")
SORT_FIELDS = {
    "score",
    "metadata_modified",
    "metadata_created",
    "name",
    "title",
    "title_string",
    "num_resources",
    "downloads",
}
_TERM = re.compile(r'([+-]?)([A-Za-z_]+):(?:"((?:[^"\\]|\\.)*)"|(\S+))')


def parse_fq(fq: str) -> list[tuple[bool, str, str]]:
    """``field:value`` / ``field:"value"`` terms (``-`` negates) -> ``[(negated, field, value)]``."""
    fq = (fq or "").strip()
    if len(fq) > 1000:
        raise CkanError("Search Query Error", "fq is too long")
    out, pos = [], 0
    for m in _TERM.finditer(fq):
        gap = fq[pos : m.start()].strip()
        if gap and gap.upper() not in ("AND", "&&"):
            raise CkanError("Search Query Error", f"cannot parse fq near {gap[:40]!r}")
        field = m.group(2)
        if field not in FQ_FIELDS:
            raise CkanError("Search Query Error", f"unknown fq field {field[:40]!r}")
        value = m.group(3) if m.group(3) is not None else m.group(4)
        out.append((m.group(1) == "-", field, value.replace('\\"', '"')))
        pos = m.end()
    rest = fq[pos:].strip()
    if rest:
        raise CkanError("Search Query Error", f"cannot parse fq near {rest[:40]!r}")
    return out


def parse_sort(sort: str | None) -> list[tuple[str, bool]]:
    """``"field asc, field desc"`` -> ``[(field, descending)]`` (fields from a whitelist)."""
    if not sort:
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


def facet_value(d: dict[str, Any], field: str) -> list[str]:
    if field in ("organization", "owner_org"):
        return [d["department_id"]]
    if field == "tags":
        return list(d.get("keywords") or [])
    if field == "res_format":
        return (
            [label for label, _ in FORMATS.values()]
            if d.get("version") and d.get("open_tier") in ("open", "conditional")
            else []
        )
    if field == "name":
        return [package_name(d["department_id"], d["dataset_id"])]
    if field == "groups":
        return []
    value = d.get(FQ_FIELDS[field])
    return [value] if value else []
