"""CKAN actions on the site and its datasets (packages): lists, show, search, autocomplete."""

from __future__ import annotations

import functools
from typing import Any

from fastapi import Request

from portal import ckan, limits
from portal import state as catalog_state
from portal.ckan import CkanError
from portal.ckan_actions import (
    ACTIONS,
    CKAN_VERSION,
    LOCALES,
    MAX_ROWS,
    action,
    invalid,
    newest_first,
    package_dict,
    package_of,
    param_bool,
    param_int,
    param_str,
)
from portal.common import base_url, facets, search
from portal.harvested import is_withdrawn
from portal.vocab import vocab

# ---- site ------------------------------------------------------------------------------------


@action
def site_read(request: Request, params: dict[str, Any]) -> bool:
    """Return ``True``.

    :rtype: bool
    """
    return True


@action
def status_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return a dictionary with information about the site's configuration.

    :rtype: dictionary
    """
    return {
        "site_title": "pubdata 公共数据开放平台",
        "site_description": "各部门公共数据开放目录：开放、有条件开放及不予开放数据的元数据与下载",
        "site_url": base_url(request),
        "error_emails_to": None,
        "locale_default": LOCALES[0],
        "extensions": ["datastore", "dcat"],
        "ckan_version": CKAN_VERSION,
    }


@action
def help_show(request: Request, params: dict[str, Any]) -> str | None:
    """Return the help string for a particular API action.

    :param name: Action function name (eg `package_search`, `datastore_search`)
    :type name: string
    :returns: The help string for the action function, or None if the function
              does not have a docstring.
    :rtype: string

    :raises: NotFound: if the action function doesn't exist
    """
    name = param_str(params, "name", required=True, max_len=100)
    fn = ACTIONS.get(name or "")
    if fn is None:
        raise CkanError("Not Found Error", "Action function not found")
    return fn.__doc__


@action
def license_list(request: Request, params: dict[str, Any]) -> list[dict[str, str]]:
    """Return the list of licenses available for datasets on the site.

    :rtype: list of dictionaries
    """
    return [ckan.license_dict(code) for code in sorted(vocab()["licenses"])]


# ---- datasets --------------------------------------------------------------------------------


@action
def package_list(request: Request, params: dict[str, Any]) -> list[str]:
    """Return a list of the names of the site's datasets (packages).

    :param limit: if given, the list of datasets will be broken into pages of
        at most ``limit`` datasets per page and only one page will be returned
        at a time (optional)
    :type limit: int
    :param offset: when ``limit`` is given, the offset to start
        returning packages from
    :type offset: int

    :rtype: list of strings
    """
    st = catalog_state.current()
    limit = param_int(params, "limit", 0)
    offset = param_int(params, "offset", 0)
    names = sorted(ckan.package_name(d["department_id"], d["dataset_id"]) for d in st.datasets if not is_withdrawn(d))
    return names[offset : offset + limit] if limit else names[offset:]


@action
def current_package_list_with_resources(request: Request, params: dict[str, Any]) -> list[dict]:
    """Return a list of the site's datasets (packages) and their resources.

    The list is sorted most-recently-modified first.

    :param limit: if given, the list of datasets will be broken into pages of
        at most ``limit`` datasets per page and only one page will be returned
        at a time (optional, default: ``10``, at most ``1000``)
    :type limit: int
    :param offset: when ``limit`` is given, the offset to start
        returning packages from
    :type offset: int
    :param page: when ``limit`` is given, which page to return,
        Deprecated: use ``offset``
    :type page: int

    :rtype: list of dictionaries
    """
    st = catalog_state.current()
    limit = param_int(params, "limit", 10, 0, MAX_ROWS)
    offset = param_int(params, "offset", 0)
    if "offset" not in params and params.get("page") not in (None, ""):
        offset = (param_int(params, "page", 1, 1) - 1) * limit
    current = [d for d in newest_first(st) if not is_withdrawn(d)]
    return [package_dict(request, st, d) for d in current[offset : offset + limit]]


@action
def package_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata of a dataset (package) and its resources.

    :param id: the id (UUID) or name of the dataset
    :type id: string

    :rtype: dictionary
    """
    st, d = package_of(params)
    return package_dict(request, st, d)


#: package_search parameters (CKAN's default_package_search_schema and Solr's VALID_SOLR_PARAMETERS)
_SEARCH_PARAMS = {
    "q",
    "fq",
    "fq_list",
    "sort",
    "rows",
    "start",
    "fl",
    "qf",
    "wt",
    "bf",
    "boost",
    "tie",
    "defType",
    "mm",
    "df",
    "facet",
    "facet.mincount",
    "facet.limit",
    "facet.field",
    "extras",
    "include_private",
    "include_drafts",
    "include_deleted",
    "use_default_schema",
    "callback",
}


def _facet_fields(params: dict[str, Any]) -> list[str]:
    raw = params.get("facet.field")
    if isinstance(raw, str):
        try:
            raw = limits.loads(raw)
        except ValueError:
            raise invalid("facet.field", "Could not parse as valid JSON") from None
    raw = raw or []
    if not isinstance(raw, list) or not all(isinstance(f, str) for f in raw):
        raise invalid("facet.field", "Not a list")
    unknown = [f for f in raw if f not in ckan.FACET_FIELDS]
    if unknown:
        raise CkanError("Search Query Error", f"cannot facet on {unknown[0][:40]!r}")
    return raw


def _fq(params: dict[str, Any]) -> str:
    parts = [param_str(params, "fq", max_len=1000) or ""]
    extra = params.get("fq_list") or []
    if isinstance(extra, str):
        extra = [extra]
    if not isinstance(extra, list) or not all(isinstance(f, str) and len(f) <= 1000 for f in extra):
        raise invalid("fq_list", "Not a list of strings")
    parts += [f"({f})" for f in extra[:20] if f.strip()]
    return " AND ".join(f"({p})" for p in parts if p.strip())


@action
def package_search(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Searches for packages satisfying a given search criteria.

    Accepts the subset of Solr's query syntax CKAN clients and harvesters use, in both ``q`` and
    ``fq``: free text (searched in name, title, tags, notes, columns and organization),
    ``field:value``, ``field:"a phrase"``, wildcards, ``field:[a TO b]`` ranges (dates in ISO 8601
    or Solr date math, e.g. ``metadata_modified:[2024-01-01T00:00:00Z TO *]``), ``AND``, ``OR``,
    ``NOT``, ``+``/``-`` and parentheses. Fields: id, name, title, notes, text, tags, groups,
    organization, owner_org, res_format, res_name, res_description, res_url, license_id,
    metadata_modified, metadata_created, num_resources, num_tags, state, capacity, type,
    dataset_type, private, version, author, maintainer, theme, update_frequency, open_tier.

    :param q: the solr query.  Optional.  Default: ``"*:*"``
    :type q: string
    :param fq: any filter queries to apply.
    :type fq: string
    :param fq_list: additional filter queries to apply.
    :type fq_list: list of strings
    :param sort: sorting of the search results.  Optional.  Default:
        ``'score desc, metadata_modified desc'``. Fields: score, id, name, title, title_string,
        metadata_modified, metadata_created, num_resources, num_tags, downloads.
    :type sort: string
    :param rows: the maximum number of matching rows (datasets) to return.
        (optional, default: ``10``, upper limit: ``1000``)
    :type rows: int
    :param start: the offset in the complete result for where the set of
        returned datasets should begin.
    :type start: int
    :param facet: whether to enable faceted results.  Default: ``True``.
    :type facet: string
    :param facet.mincount: the minimum counts for facet fields should be
        included in the results.
    :type facet.mincount: int
    :param facet.limit: the maximum number of values the facet fields return.
        A negative value means unlimited. Default is 50.
    :type facet.limit: int
    :param facet.field: the fields to facet upon.  Default empty.  If empty,
        then the returned facet information is empty. Fields: organization, tags, res_format,
        theme, update_frequency, open_tier, license_id, groups.
    :type facet.field: list of strings
    :param fl: the fields of each result to return (default: the whole dataset dict)
    :type fl: list of strings

    :rtype: A dictionary with the following keys
    :param count: the number of results found.
    :type count: int
    :param results: ordered list of datasets matching the query.
    :type results: list of dictized datasets.
    :param facets: DEPRECATED.  Aggregated information about facet counts.
    :type facets: DEPRECATED dict
    :param search_facets: aggregated information about facet counts.
    :type search_facets: nested dict of dicts.
    """
    st = catalog_state.current()
    unknown = sorted(k for k in params if k not in _SEARCH_PARAMS and not k.startswith("ext_"))
    if unknown:
        raise CkanError("Search Query Error", f"Invalid search parameters: {unknown[:5]}")
    q = param_str(params, "q", max_len=500) or "*:*"
    rows = param_int(params, "rows", 10, 0, MAX_ROWS)
    start = param_int(params, "start", 0)
    sort_text = param_str(params, "sort", max_len=200)
    order = ckan.parse_sort(sort_text)
    facet_fields = _facet_fields(params) if param_bool(params.get("facet"), True) else []
    facet_limit = param_int(params, "facet.limit", 50, -1, 10**6)
    mincount = param_int(params, "facet.mincount", 1)
    hits = search(st, q, fq=_fq(params), strict=True)
    for field, desc in reversed(order):
        hits.sort(key=functools.partial(_sort_key, st, field=field), reverse=desc)
    found = [d for d, _ in hits]
    counts = facets(found, facet_fields, limit=facet_limit if facet_limit >= 0 else 10**6)
    counts = {f: {k: c for k, c in v.items() if c >= mincount} for f, v in counts.items()}
    titles = {d["id"]: d["name"] for d in st.departments}
    licences = vocab()["licenses"]

    def display(field: str, name: str) -> str:
        if field == "organization":
            return titles.get(name) or name
        if field == "license_id" and name in licences:
            return licences[name]["title"]
        return name

    search_facets = {
        f: {
            "title": f,
            "items": [
                {"name": k, "display_name": name, "count": c}
                # by display name, descending, as CKAN sorts them after the search
                for name, k, c in sorted(((display(f, k), k, c) for k, c in counts[f].items()), reverse=True)
            ],
        }
        for f in facet_fields
    }
    results = [package_dict(request, st, d) for d, _ in hits[start : start + rows]]
    fl = params.get("fl")
    if fl:
        keys = fl if isinstance(fl, list) else str(fl).replace(",", " ").split()
        results = [{k: r.get(k) for k in keys} for r in results]
    return {
        "count": len(hits),
        "facets": counts,
        "results": results,
        "sort": sort_text or "score desc, metadata_modified desc",
        "search_facets": search_facets,
    }


def _sort_key(st: catalog_state.State, hit: tuple[dict, float], field: str) -> Any:
    d, score = hit
    if field == "score":
        return score
    if field == "metadata_modified":
        return ckan.iso(ckan.metadata_modified(d)) or ""
    if field == "metadata_created":
        return ckan.iso(d.get("registered_at")) or ""
    if field == "id":
        return ckan.uid("package", ckan.package_name(d["department_id"], d["dataset_id"]))
    if field == "name":
        return ckan.package_name(d["department_id"], d["dataset_id"])
    if field in ("title", "title_string"):
        return d.get("title") or ""
    if field in ("num_resources", "num_tags"):
        return ckan.field_values(d, field)[0]
    if field == "downloads":
        return st.download_total(d["department_id"], d["dataset_id"])
    return ""


@action
def package_autocomplete(request: Request, params: dict[str, Any]) -> list[dict[str, str]]:
    """Return a list of datasets (packages) that match a string.

    Datasets with names or titles that contain the query string will be
    returned.

    :param q: the string to search for
    :type q: string
    :param limit: the maximum number of resource formats to return (optional,
        default: ``10``)
    :type limit: int

    :rtype: list of dictionaries
    """
    st = catalog_state.current()
    q = param_str(params, "q", required=True, max_len=200) or ""
    limit = param_int(params, "limit", 10, 0, MAX_ROWS)
    needle = q.lower()
    out = []
    for d in sorted(st.datasets, key=lambda d: ckan.package_name(d["department_id"], d["dataset_id"])):
        name = ckan.package_name(d["department_id"], d["dataset_id"])
        title = d.get("title") or name
        if needle in name:
            out.append({"name": name, "title": title, "match_field": "name", "match_displayed": name})
        elif needle in title.lower():
            out.append({"name": name, "title": title, "match_field": "title", "match_displayed": f"{title} ({name})"})
    return out[:limit]
