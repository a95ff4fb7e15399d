"""How harvested datasets (brought from another portal by a harvest) show in the portal's outputs.

Pure functions over a catalog row's ``harvest`` dict (:func:`catalog.queries.catalog_state`):
CKAN extras and resources, DCAT provenance, and whether a dataset is withdrawn upstream (kept in
the catalog and shown as 已撤回, but not served as current: left out of searches, ``package_list``
and the DCAT catalog, downloads answer 410). A dataset whose data is pulled is served from this
portal's protected copy only; the remote files are linked only for metadata-only datasets.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "STATE_TITLES",
    "ckan_extras",
    "ckan_resources",
    "dcat_provenance",
    "is_withdrawn",
    "remote_links",
]

STATE_TITLES = {"current": "现行", "withdrawn": "已撤回"}
KIND_TITLES = {"ckan": "CKAN", "dcat": "DCAT"}


def is_withdrawn(d: dict[str, Any]) -> bool:
    return (d.get("harvest") or {}).get("state") == "withdrawn"


def remote_links(d: dict[str, Any]) -> list[dict[str, Any]]:
    """The remote resources to link to (metadata-only datasets; never for pulled ones)."""
    h = d.get("harvest") or {}
    if not h or d.get("version") or h.get("data_resource"):
        return []
    return [r for r in h.get("resources") or [] if r.get("url")]


def ckan_extras(d: dict[str, Any]) -> dict[str, str]:
    h = d.get("harvest") or {}
    if not h:
        return {}
    return {
        "harvest_source": h.get("source_portal") or "",
        "harvest_url": h.get("original_url") or "",
        "harvest_source_type": h.get("source_kind") or "",
        "harvest_remote_id": h.get("remote_id") or "",
        "harvest_remote_modified": h.get("remote_modified") or "",
        "harvest_last_harvested": _iso(h.get("last_harvested")),
        "harvest_state": h.get("state") or "",
    }


def ckan_resources(d: dict[str, Any], package: str) -> list[dict[str, Any]]:
    """CKAN resource dicts for the remote files of a metadata-only harvested dataset."""
    out = []
    for pos, r in enumerate(remote_links(d)):
        out.append(
            {
                "id": f"{package}__remote{pos}",
                "package_id": package,
                "name": r.get("name") or r.get("format") or "resource",
                "description": "来源门户的原始资源（元数据汇聚，未经本平台处理）",
                "format": r.get("format") or "",
                "mimetype": r.get("media_type"),
                "url": r["url"],
                "url_type": None,
                "size": r.get("size"),
                "hash": "",
                "position": pos,
                "state": "active",
                "resource_type": "harvested",
                "datastore_active": False,
            }
        )
    return out


def dcat_provenance(d: dict[str, Any]) -> dict[str, Any]:
    """``dct:source`` (the page on the source portal) and ``prov:wasDerivedFrom`` (the remote
    dataset's IRI, else that page), plus distributions linking the remote files."""
    h = d.get("harvest") or {}
    if not h:
        return {}
    origin = h.get("original_url") or h.get("remote_iri")
    out: dict[str, Any] = {}
    if origin:
        out["dct:source"] = {"@id": origin}
    derived = h.get("remote_iri") or origin
    if derived:
        out["prov:wasDerivedFrom"] = {"@id": derived}
    return out


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")
