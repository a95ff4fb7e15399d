"""CKAN actions on resources: show, search, format autocomplete, and the DataStore search."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from portal import ckan, datastore, harvested, quota
from portal import state as catalog_state
from portal.access import AccessDenied, data_access
from portal.ckan import CkanError
from portal.ckan_actions import (
    MAX_ROWS,
    action,
    ckan_index,
    invalid,
    newest_first,
    package_dict,
    param_int,
    param_str,
)
from portal.common import facets
from portal.downloads import resolve_file

# ---- resources -------------------------------------------------------------------------------


def resource_of(params: dict[str, Any], name: str = "id") -> tuple[catalog_state.State, dict, str]:
    st = catalog_state.current()
    ident = param_str(params, name, required=True, max_len=200)
    idx = ckan_index(st)
    found = idx.resource(ident, st.by_key)
    if found is None:
        key = idx.package(ident, st.by_key)  # a package id or name means its latest table
        if key is None:
            raise CkanError("Not Found Error", "Resource was not found.")
        found = (key[0], key[1], "parquet")
    d = st.by_key[(found[0], found[1])]
    if not ckan.has_resources(d):
        raise CkanError("Not Found Error", "Resource was not found.")
    return st, d, found[2]


@action
def resource_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata of a resource.

    :param id: the id of the resource (its UUID, or ``<package name>__<csv|json|parquet>``)
    :type id: string

    :rtype: dictionary
    """
    remote = _remote_resource(request, params)
    if remote is not None:
        return remote
    st, d, fmt = resource_of(params)
    wanted = ckan.uid("resource", f"{ckan.package_name(d['department_id'], d['dataset_id'])}__{fmt}")
    for r in package_dict(request, st, d)["resources"]:
        if r["id"] == wanted:
            return r
    raise CkanError("Not Found Error", "Resource was not found.")


def _remote_resource(request: Request, params: dict[str, Any]) -> dict[str, Any] | None:
    """A remote file of a metadata-only harvested dataset, by its UUID or ``<package>__remote<n>``."""
    ident = params.get("id")
    if not isinstance(ident, str) or len(ident) > 200:
        return None
    st = catalog_state.current()
    for d in st.datasets:
        if not harvested.remote_links(d):
            continue
        for r in package_dict(request, st, d)["resources"]:
            if ident == r["id"] or ckan.uid("resource", ident) == r["id"]:
                return r
    return None


#: resource columns resource_search may match (CKAN 2.10's Resource table), and the text ones
_RESOURCE_FIELDS = {
    "id",
    "package_id",
    "url",
    "format",
    "description",
    "hash",
    "position",
    "name",
    "resource_type",
    "mimetype",
    "mimetype_inner",
    "size",
    "created",
    "last_modified",
    "metadata_modified",
    "cache_url",
    "cache_last_updated",
    "url_type",
    "extras",
    "state",
}
_RESOURCE_TEXT = {"url", "format", "description", "name", "resource_type", "mimetype", "mimetype_inner", "cache_url"}


def _resource_matches(r: dict[str, Any], field: str, term: str) -> bool:
    term = term.lower()
    if field == "hash":
        return str(r.get("hash") or "").lower().startswith(term)
    if field == "extras":
        extras = {k: r[k] for k in ("datastore_active", "version", "downloads")}
        return term in json.dumps(extras, ensure_ascii=False).lower()
    if field in _RESOURCE_TEXT:
        return term in str(r.get(field) or "").lower()
    return str(r.get(field) if r.get(field) is not None else "").lower() == term


@action
def resource_search(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Searches for resources in public Datasets satisfying the search criteria.

    It returns a dictionary with 2 fields: ``count`` and ``results``.  The
    ``count`` field contains the total number of Resources found without the
    limit or query parameters having an effect.  The ``results`` field is a
    list of dictized Resource objects.

    The 'query' parameter is a required field.  It is a string of the form
    ``{field}:{term}`` or a list of strings, each of the same form.  Within
    each string, ``{field}`` is a field of the resource.

    If ``{field}`` is ``"hash"``, then an attempt is made to match the
    `{term}` as a *prefix* of the ``Resource.hash`` field.

    All matches are made ignoring case; and apart from the ``"hash"`` field,
    a term matches if it is a substring of the field's value.

    Finally, when specifying more than one search criteria, the criteria are
    AND-ed together.

    :param query: The search criteria.  See above for description.
    :type query: string or list of strings of the form ``{field}:{term1}``
    :param order_by: A field on the Resource model that orders the results.
    :type order_by: string
    :param offset: Apply an offset to the query.
    :type offset: int
    :param limit: Apply a limit to the query.
    :type limit: int

    :returns:  A dictionary with a ``count`` field, and a ``results`` field.
    :rtype: dict
    """
    st = catalog_state.current()
    query = params.get("query")
    if query is None:
        raise invalid("query", "Missing value")
    if isinstance(query, str):
        query = [query]
    if not isinstance(query, list) or not all(isinstance(q, str) and ":" in q for q in query):
        raise invalid("query", "Must be <field>:<value> pair(s)")
    pairs = dict(q.split(":", 1) for q in query[:20])
    for field in pairs:
        if field not in _RESOURCE_FIELDS:
            raise invalid("query", f'Field "{field[:40]}" not recognised in resource_search.')
    order_by = param_str(params, "order_by", max_len=40)
    offset = param_int(params, "offset", 0)
    limit = param_int(params, "limit", MAX_ROWS, 0, MAX_ROWS)
    found = [
        r
        for d in newest_first(st)
        for r in package_dict(request, st, d)["resources"]
        if all(_resource_matches(r, f, t) for f, t in pairs.items())
    ]
    if order_by in _RESOURCE_FIELDS:
        found.sort(key=lambda r: (r.get(order_by) is None, str(r.get(order_by) or "")))
    return {"count": len(found), "results": found[offset : offset + limit]}


@action
def format_autocomplete(request: Request, params: dict[str, Any]) -> list[str]:
    """Return a list of resource formats whose names contain a string.

    :param q: the string to search for
    :type q: string
    :param limit: the maximum number of resource formats to return (optional,
        default: ``5``)
    :type limit: int

    :rtype: list of strings
    """
    st = catalog_state.current()
    q = (param_str(params, "q", required=True, max_len=100) or "").lower()
    limit = param_int(params, "limit", 5, 0, MAX_ROWS)
    counts = facets(st.datasets, ["res_format"], limit=10**6)["res_format"]
    return [f.lower() for f in counts if q in f.lower()][:limit]


@action
def datastore_search(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Search a DataStore resource (a published version's rows).

    :param resource_id: id of the resource to be searched against (or a dataset id or name: its
        latest version)
    :type resource_id: string
    :param filters: matching conditions to select, e.g {"key1": "a", "key2": "b"}
    :type filters: dictionary
    :param q: full text query; a string searches all fields, a dictionary searches one field each
    :type q: string or dictionary
    :param limit: maximum number of rows to return (optional, default: ``100``, at most 32000)
    :type limit: int
    :param offset: offset this number of rows (optional)
    :type offset: int
    :param fields: fields to return (optional, default: all fields in original order)
    :type fields: list or comma separated string
    :param sort: comma separated field names with ordering, e.g.: "fieldname1, fieldname2 desc"
    :type sort: string
    :param include_total: True to return total matching record count (optional, default: true)
    :type include_total: bool
    :param records_format: ``objects`` (default), ``lists``, ``csv`` or ``tsv``
    :type records_format: string

    Conditional datasets answer only to a department token whose scope names the dataset and the
    ``purpose`` parameter.

    :returns: a dictionary with ``fields``, ``records``, ``total``, ``limit``, ``offset``,
        ``filters``, ``resource_id``
    :rtype: dictionary
    """
    st, d, fmt = resource_of(params, "resource_id")
    quota.check(request, "datastore")
    try:
        latest = st.version(d["department_id"], d["dataset_id"], None)
        data_access(request, d, latest, purpose=params.get("purpose"), what="datastore_search")
    except AccessDenied as exc:
        raise CkanError("Authorization Error", exc.message, status=exc.status) from None
    path = resolve_file(d["path"])
    result = datastore.search(path, params, sha256=d.get("sha256"))
    result["resource_id"] = ckan.uid("resource", f"{ckan.package_name(d['department_id'], d['dataset_id'])}__{fmt}")
    return result
