"""CKAN Action API compatibility: ``/api/action/<name>`` and ``/api/3/action/<name>``, GET and POST,
plus CKAN's ``/api``, ``/api/<1-3>``, util (autocomplete) and ``/api/i18n/<lang>`` routes.

Same envelope as CKAN 2.10 (``help``, ``success``, ``result`` | ``error {__type, message}``), the
same error types, statuses and wording (``ckan/views/api.py``), so that the ``ckanapi`` client and
CKAN harvesters work unchanged. An unknown action is HTTP 400 with CKAN's bare JSON string
``"Bad request - Action name not known: <name>"`` (``_finish_bad_request``), which ``ckanapi`` raises
as ``CKANAPIError``. Each action's docstring is its ``help_show`` text, as in CKAN.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from portal import ckan, datastore
from portal import state as catalog_state
from portal.access import AccessDenied, data_access
from portal.ckan import CkanError
from portal.common import base_url, facets, search
from portal.downloads import resolve_file
from portal.vocab import vocab

router = APIRouter(tags=["CKAN Action API"])
MAX_ROWS = 1000
MAX_BODY = 1 << 20
ACTIONS: dict[str, Callable[[Request, dict[str, Any]], Any]] = {}
BLOCKING = {"datastore_search"}  # actions that read data files run in the thread pool; the rest are
#                                  CPU-only work on the cached catalog and run on the event loop
CKAN_VERSION = "2.10.4"
LOCALES = ("zh_Hans_CN", "en")


def action(fn: Callable) -> Callable:
    ACTIONS[fn.__name__] = fn
    return fn


def _bool(value: Any, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("true", "1", "yes", "on")


def _invalid(name: str, message: str) -> CkanError:
    return CkanError("Validation Error", f"{name}: {message}", fields={name: [message]})


def _int(params: dict[str, Any], name: str, default: int, lo: int = 0, hi: int = 2**40) -> int:
    """A natural number parameter (CKAN's ``natural_number_validator``), capped at ``hi``."""
    raw = params.get(name, default)
    if raw is None or raw == "":
        raw = default
    if isinstance(raw, bool):
        raise _invalid(name, "Invalid integer")
    try:
        value = int(raw)
    except (TypeError, ValueError, OverflowError):
        raise _invalid(name, "Invalid integer") from None
    if value < lo:
        raise _invalid(name, "Must be a natural number" if lo == 0 else f"Must be at least {lo}")
    return min(value, hi)


def _str(params: dict[str, Any], name: str, *, required: bool = False, max_len: int = 1000) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise _invalid(name, "Missing value")
        return None
    if not isinstance(value, str) or len(value) > max_len:
        raise _invalid(name, f"Must be text of at most {max_len} characters")
    return value


def _index(st: catalog_state.State) -> ckan.CkanIndex:
    """The UUID index of a catalog state (built once per state)."""
    idx = getattr(st, "_ckan_index", None)
    if idx is None:
        idx = ckan.CkanIndex.build(st.datasets, st.departments)
        st._ckan_index = idx  # type: ignore[attr-defined]
    return idx


def _package(params: dict[str, Any]) -> tuple[catalog_state.State, dict[str, Any]]:
    st = catalog_state.current()
    ident = _str(params, "id", max_len=200) or _str(params, "name_or_id", required=True, max_len=200)
    key = _index(st).package(ident, set(st.by_key))
    if key is None:
        raise CkanError("Not Found Error", "")
    return st, st.by_key[key]


def _pkg(request: Request, st: catalog_state.State, d: dict[str, Any]) -> dict[str, Any]:
    latest = st.download_counts(d["department_id"], d["dataset_id"]).get(d["version"] or 0, {})
    return ckan.package_dict(
        d,
        st.dept_by_id.get(d["department_id"]),
        base_url(request),
        columns=st.columns_of(d["department_id"], d["dataset_id"], d["version"]),
        downloads=latest,
    )


def _newest_first(st: catalog_state.State) -> list[dict[str, Any]]:
    return sorted(st.datasets, key=lambda d: ckan.iso(ckan.metadata_modified(d)) or "", reverse=True)


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
    name = _str(params, "name", required=True, max_len=100)
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
    limit = _int(params, "limit", 0)
    offset = _int(params, "offset", 0)
    names = sorted(ckan.package_name(d["department_id"], d["dataset_id"]) for d in st.datasets)
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
    limit = _int(params, "limit", 10, 0, MAX_ROWS)
    offset = _int(params, "offset", 0)
    if "offset" not in params and params.get("page") not in (None, ""):
        offset = (_int(params, "page", 1, 1) - 1) * limit
    return [_pkg(request, st, d) for d in _newest_first(st)[offset : offset + limit]]


@action
def package_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata of a dataset (package) and its resources.

    :param id: the id (UUID) or name of the dataset
    :type id: string

    :rtype: dictionary
    """
    st, d = _package(params)
    return _pkg(request, st, d)


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
            raw = json.loads(raw)
        except ValueError:
            raise _invalid("facet.field", "Could not parse as valid JSON") from None
    raw = raw or []
    if not isinstance(raw, list) or not all(isinstance(f, str) for f in raw):
        raise _invalid("facet.field", "Not a list")
    unknown = [f for f in raw if f not in ckan.FACET_FIELDS]
    if unknown:
        raise CkanError("Search Query Error", f"cannot facet on {unknown[0][:40]!r}")
    return raw


def _fq(params: dict[str, Any]) -> str:
    parts = [_str(params, "fq", max_len=1000) or ""]
    extra = params.get("fq_list") or []
    if isinstance(extra, str):
        extra = [extra]
    if not isinstance(extra, list) or not all(isinstance(f, str) and len(f) <= 1000 for f in extra):
        raise _invalid("fq_list", "Not a list of strings")
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
    q = _str(params, "q", max_len=500) or "*:*"
    rows = _int(params, "rows", 10, 0, MAX_ROWS)
    start = _int(params, "start", 0)
    sort_text = _str(params, "sort", max_len=200)
    order = ckan.parse_sort(sort_text)
    facet_fields = _facet_fields(params) if _bool(params.get("facet"), True) else []
    facet_limit = _int(params, "facet.limit", 50, -1, 10**6)
    mincount = _int(params, "facet.mincount", 1)
    hits = search(st, q, fq=_fq(params), strict=True)
    for field, desc in reversed(order):
        hits.sort(key=lambda h, f=field: _sort_key(st, h, f), reverse=desc)
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
            "items": sorted(
                ({"name": k, "display_name": display(f, k), "count": c} for k, c in counts[f].items()),
                key=lambda item: item["display_name"],
                reverse=True,  # as CKAN sorts them after the search
            ),
        }
        for f in facet_fields
    }
    results = [_pkg(request, st, d) for d, _ in hits[start : start + rows]]
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
    q = _str(params, "q", required=True, max_len=200) or ""
    limit = _int(params, "limit", 10, 0, MAX_ROWS)
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


# ---- resources -------------------------------------------------------------------------------


def _resource(params: dict[str, Any], name: str = "id") -> tuple[catalog_state.State, dict, str]:
    st = catalog_state.current()
    ident = _str(params, name, required=True, max_len=200)
    idx = _index(st)
    found = idx.resource(ident, set(st.by_key))
    if found is None:
        key = idx.package(ident, set(st.by_key))  # a package id or name means its latest table
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
    st, d, fmt = _resource(params)
    wanted = ckan.uid("resource", f"{ckan.package_name(d['department_id'], d['dataset_id'])}__{fmt}")
    for r in _pkg(request, st, d)["resources"]:
        if r["id"] == wanted:
            return r
    raise CkanError("Not Found Error", "Resource was not found.")


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
        raise _invalid("query", "Missing value")
    if isinstance(query, str):
        query = [query]
    if not isinstance(query, list) or not all(isinstance(q, str) and ":" in q for q in query):
        raise _invalid("query", "Must be <field>:<value> pair(s)")
    pairs = dict(q.split(":", 1) for q in query[:20])
    for field in pairs:
        if field not in _RESOURCE_FIELDS:
            raise _invalid("query", f'Field "{field[:40]}" not recognised in resource_search.')
    order_by = _str(params, "order_by", max_len=40)
    offset = _int(params, "offset", 0)
    limit = _int(params, "limit", MAX_ROWS, 0, MAX_ROWS)
    found = [
        r
        for d in _newest_first(st)
        for r in _pkg(request, st, d)["resources"]
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
    q = (_str(params, "q", required=True, max_len=100) or "").lower()
    limit = _int(params, "limit", 5, 0, MAX_ROWS)
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
    st, d, fmt = _resource(params, "resource_id")
    try:
        data_access(
            request, d, purpose=params.get("purpose"), what="datastore_search", detail={"version": d["version"]}
        )
    except AccessDenied as exc:
        raise CkanError("Authorization Error", exc.message, status=exc.status) from None
    path = resolve_file(d["path"])
    result = datastore.search(path, params)
    result["resource_id"] = ckan.uid("resource", f"{ckan.package_name(d['department_id'], d['dataset_id'])}__{fmt}")
    return result


# ---- organizations and groups ----------------------------------------------------------------


def _org_list(st: catalog_state.State, params: dict[str, Any]) -> list[dict[str, Any]]:
    depts = list(st.departments)
    wanted = params.get("organizations")
    if wanted:
        names = [wanted] if isinstance(wanted, str) else [w for w in wanted if isinstance(w, str)]
        depts = [d for d in depts if d["id"] in names]
    q = (_str(params, "q", max_len=200) or "").strip().lower()
    if q:
        depts = [
            d
            for d in depts
            if q in d["id"].lower() or q in (d["name"] or "").lower() or q in (d.get("description") or "").lower()
        ]
    sort = (_str(params, "sort", max_len=60) or _str(params, "order_by", max_len=60) or "title asc").strip()
    field, _, direction = sort.partition(" ")
    if field in ("packages", "package_count"):
        field, direction = "package_count", direction or "desc"
    keys = {"name": lambda d: d["id"], "title": lambda d: d["name"] or "", "package_count": lambda d: d["datasets"]}
    if field not in keys:
        raise _invalid("sort", f"Cannot sort by field `{field[:40]}`")
    return sorted(depts, key=keys[field], reverse=direction.strip().lower() == "desc")


@action
def organization_list(request: Request, params: dict[str, Any]) -> list[Any]:
    """Return a list of the names of the site's organizations.

    :param sort: sorting of the search results.  Optional.  Default:
        "title asc" string of field name and sort-order. The allowed fields are
        'name', 'package_count' and 'title'
    :type sort: string
    :param limit: the maximum number of organizations returned (optional)
        Default: ``1000`` when all_fields=false, ``25`` when all_fields=true
    :type limit: int
    :param offset: when ``limit`` is given, the offset to start
        returning organizations from
    :type offset: int
    :param organizations: a list of names of the groups to return,
        if given only groups whose names are in this list will be
        returned (optional)
    :type organizations: list of strings
    :param all_fields: return group dictionaries instead of just names. Only
        core fields are returned - get some more using the include_* options.
        (optional, default: ``False``)
    :type all_fields: bool
    :param include_extras: if all_fields, include the organization extra fields
        (optional, default: ``False``)
    :type include_extras: bool

    :rtype: list of strings
    """
    st = catalog_state.current()
    all_fields = _bool(params.get("all_fields"))
    cap = 25 if all_fields else 1000
    limit = _int(params, "limit", cap, 0, cap) or cap
    offset = _int(params, "offset", 0)
    depts = _org_list(st, params)[offset : offset + limit]
    if not all_fields:
        return [d["id"] for d in depts]
    return [
        ckan.organization_dict(
            d,
            include_extras=_bool(params.get("include_extras")),
            include_tags=_bool(params.get("include_tags")),
            include_groups=_bool(params.get("include_groups")),
            include_users=_bool(params.get("include_users")),
        )
        for d in depts
    ]


@action
def organization_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the details of a organization.

    :param id: the id (UUID) or name of the organization
    :type id: string
    :param include_datasets: include a truncated list of the org's datasets
         (optional, default: ``False``)
    :type include_datasets: bool
    :param include_extras: include the organization's extra fields
         (optional, default: ``True``)
    :type include_extras: bool

    :rtype: dictionary

    .. note:: Only its first 1000 datasets are returned
    """
    st = catalog_state.current()
    ident = _str(params, "id", required=True, max_len=200)
    dept_id = _index(st).organization(ident, set(st.dept_by_id))
    if dept_id is None:
        raise CkanError("Not Found Error", "")
    out = ckan.organization_dict(
        st.dept_by_id[dept_id],
        include_extras=_bool(params.get("include_extras"), True),
        include_tags=_bool(params.get("include_tags"), True),
        include_groups=_bool(params.get("include_groups"), True),
        include_users=_bool(params.get("include_users"), True),
    )
    if _bool(params.get("include_datasets")):
        out["packages"] = [_pkg(request, st, d) for d in st.datasets if d["department_id"] == dept_id][:1000]
    return out


@action
def organization_autocomplete(request: Request, params: dict[str, Any]) -> list[dict[str, str]]:
    """Return a list of organization names that contain a string.

    :param q: the string to search for
    :type q: string
    :param limit: the maximum number of organizations to return (optional,
        default: ``20``)
    :type limit: int

    :rtype: a list of organization dictionaries each with keys ``'name'``,
        ``'title'``, and ``'id'``
    """
    st = catalog_state.current()
    q = (_str(params, "q", required=True, max_len=200) or "").lower()
    limit = _int(params, "limit", 20, 0, 1000)
    return [
        {"id": ckan.uid("organization", d["id"]), "name": d["id"], "title": d["name"]}
        for d in st.departments
        if q in d["id"].lower() or q in (d["name"] or "").lower()
    ][:limit]


@action
def group_list(request: Request, params: dict[str, Any]) -> list[Any]:
    """Return a list of the names of the site's groups.

    pubdata has no groups (departments are organizations; themes are a dataset field):
    the list is always empty.

    :param limit: the maximum number of groups returned (optional)
    :type limit: int
    :param offset: when ``limit`` is given, the offset to start
        returning groups from
    :type offset: int
    :param all_fields: return group dictionaries instead of just names
        (optional, default: ``False``)
    :type all_fields: bool

    :rtype: list of strings
    """
    _int(params, "limit", 1000)
    _int(params, "offset", 0)
    return []


@action
def group_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the details of a group.

    pubdata has no groups: every id is not found.

    :param id: the id or name of the group
    :type id: string

    :rtype: dictionary
    """
    _str(params, "id", required=True, max_len=200)
    raise CkanError("Not Found Error", "")


# ---- tags ------------------------------------------------------------------------------------


def _all_tags(st: catalog_state.State) -> list[str]:
    return sorted({k for d in st.datasets for k in d.get("keywords") or []})


@action
def tag_list(request: Request, params: dict[str, Any]) -> list[Any]:
    """Return a list of the site's tags.

    By default only free tags (tags that don't belong to a vocabulary) are
    returned. If the ``vocabulary_id`` argument is given then only tags
    belonging to that vocabulary will be returned instead.

    :param query: a tag name query to search for, if given only tags whose
        names contain this string will be returned (optional)
    :type query: string
    :param vocabulary_id: the id or name of a vocabulary, if give only tags
        that belong to this vocabulary will be returned (optional)
    :type vocabulary_id: string
    :param all_fields: return full tag dictionaries instead of just names
        (optional, default: ``False``)
    :type all_fields: bool

    :rtype: list of dictionaries
    """
    st = catalog_state.current()
    query = params.get("query") or params.get("q")
    vocabulary = _str(params, "vocabulary_id", max_len=200)
    if vocabulary is not None:  # pubdata's tags are all free tags: no vocabulary exists
        if query:
            return []
        raise CkanError("Not Found Error", f"could not find vocabulary '{vocabulary}'")
    terms = [query] if isinstance(query, str) else list(query or [])
    terms = [t.strip().lower() for t in terms if isinstance(t, str) and t.strip()]
    tags = [t for t in _all_tags(st) if all(term in t.lower() for term in terms)]
    if _bool(params.get("all_fields")):
        return [ckan.tag_dict(t) for t in tags]
    return tags


@action
def tag_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the details of a tag and all its datasets.

    :param id: the name or id of the tag
    :type id: string
    :param vocabulary_id: the id or name of the tag vocabulary that the tag is
        in - if it is not specified it will assume it is a free tag.
        (optional)
    :type vocabulary_id: string
    :param include_datasets: include a list of the tag's datasets. (Up to a
        limit of 1000 - for more flexibility, use package_search - see
        :py:func:`package_search` for an example.)
        (optional, default: ``False``)
    :type include_datasets: bool

    :returns: the details of the tag, including a list of all of the tag's
        datasets and their details
    :rtype: dictionary
    """
    st = catalog_state.current()
    ident = _str(params, "id", required=True, max_len=200)
    name = _index(st).tag(ident)
    if name is None or _str(params, "vocabulary_id", max_len=200) is not None:
        raise CkanError("Not Found Error", "")
    out = ckan.tag_dict(name)
    if _bool(params.get("include_datasets")):
        out["packages"] = [_pkg(request, st, d) for d in st.datasets if name in (d.get("keywords") or [])][:1000]
    return out


# ---- the envelope ----------------------------------------------------------------------------


def _envelope(request: Request, name: str, *, result: Any = None, error: CkanError | None = None) -> Response:
    if error is not None and error.type == "Bad Request":  # CKAN's _finish_bad_request: a bare string
        return JSONResponse(error.message, status_code=error.status)
    body: dict[str, Any] = {"help": f"{base_url(request)}/api/3/action/help_show?name={name}"}
    if error is None:
        body.update(success=True, result=result)
        return JSONResponse(body)
    body.update(success=False, error=error.body())
    headers = {"WWW-Authenticate": 'Bearer realm="pubdata"'} if error.status == 401 else None
    return JSONResponse(body, status_code=error.status, headers=headers)


async def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        raw = await request.body()
        if len(raw) > MAX_BODY:
            raise CkanError("Bad Request", "Bad request - request body too large", status=413)
        ctype = request.headers.get("content-type", "")
        if raw.strip():
            if "application/x-www-form-urlencoded" in ctype:
                form = await request.form()
                params.update({k: v for k, v in form.items() if isinstance(v, str)})
            else:
                try:
                    body = json.loads(raw)
                except (ValueError, UnicodeDecodeError):
                    raise CkanError("Bad Request", "Bad request - JSON Error: could not parse the body") from None
                if not isinstance(body, dict):
                    raise CkanError("Bad Request", "Bad request - JSON Error: the body must be a JSON object")
                params.update(body)
    return params


async def ckan_action(request: Request, name: str) -> Response:
    safe = name if name.isascii() and name.replace("_", "").isalnum() and len(name) < 64 else "unknown"
    fn = ACTIONS.get(name)
    try:
        if fn is None:
            raise CkanError("Bad Request", f"Bad request - Action name not known: {safe}", status=400)
        params = await _params(request)
        params.pop("callback", None)
        if name in BLOCKING or not catalog_state.is_fresh():
            result = await run_in_threadpool(fn, request, params)
        else:
            result = fn(request, params)
    except CkanError as exc:
        return _envelope(request, safe, error=exc)
    except AccessDenied as exc:
        return _envelope(request, safe, error=CkanError("Authorization Error", exc.message, status=exc.status))
    return _envelope(request, safe, result=result)


_DESCRIPTION = (
    "CKAN Action API (CKAN 2.10 shapes): "
    + ", ".join(sorted(ACTIONS))
    + ". GET with query parameters or POST a JSON object; the answer is CKAN's envelope. "
    "`help_show?name=<action>` gives an action's parameters."
)
for _prefix, _label in (("/api/action", "unversioned"), ("/api/3/action", "v3")):
    for _method in ("GET", "POST"):
        router.add_api_route(
            f"{_prefix}/{{name}}",
            ckan_action,
            methods=[_method],
            summary=f"CKAN action ({_label}, {_method})",
            description=_DESCRIPTION,
            operation_id=f"ckan_{_label}_{_method.lower()}",
        )


# ---- /api, /api/<version>, util routes, i18n -------------------------------------------------


def _api_version(version: int):
    def endpoint() -> dict[str, int]:
        return {"version": version}

    return endpoint


router.add_api_route("/api", _api_version(1), methods=["GET"], summary="CKAN API root (version 1)")
for _v in (1, 2, 3):
    router.add_api_route(f"/api/{_v}", _api_version(_v), methods=["GET"], summary=f"CKAN API version {_v}")


def _util(fn: Callable[[Request, dict[str, Any]], Any], path: str, summary: str) -> None:
    async def endpoint(request: Request) -> Response:
        params = dict(request.query_params)
        try:
            result = fn(request, params) if catalog_state.is_fresh() else await run_in_threadpool(fn, request, params)
        except CkanError as exc:
            return JSONResponse(exc.message, status_code=exc.status)
        return JSONResponse(result)

    for prefix in ("/api", "/api/1", "/api/2"):
        router.add_api_route(
            prefix + path, endpoint, methods=["GET"], summary=summary, include_in_schema=prefix == "/api/2"
        )


def _limit(params: dict[str, Any], default: int) -> int:
    return _int(params, "limit", default, 0, 1000)


def _util_datasets(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    q = params.get("incomplete", "")
    found = package_autocomplete(request, {"q": q, "limit": _limit(params, 10)}) if q else []
    return {"ResultSet": {"Result": found}}


def _util_tags(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    q = params.get("incomplete", "")
    tags = tag_list(request, {"query": q})[: _limit(params, 10)] if q else []
    return {"ResultSet": {"Result": [{"Name": t} for t in tags]}}


def _util_formats(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    q = params.get("incomplete", "")
    found = format_autocomplete(request, {"q": q, "limit": _limit(params, 5)}) if q else []
    return {"ResultSet": {"Result": [{"Format": f} for f in found]}}


def _util_organizations(request: Request, params: dict[str, Any]) -> list[dict[str, str]]:
    q = params.get("q", "")
    return organization_autocomplete(request, {"q": q, "limit": _limit(params, 20)}) if q else []


def _util_groups(request: Request, params: dict[str, Any]) -> list[Any]:
    _limit(params, 20)
    return []


_util(_util_datasets, "/util/dataset/autocomplete", "Dataset autocomplete (CKAN util API)")
_util(_util_tags, "/util/tag/autocomplete", "Tag autocomplete (CKAN util API)")
_util(_util_formats, "/util/resource/format_autocomplete", "Format autocomplete (CKAN util API)")
_util(_util_organizations, "/util/organization/autocomplete", "Organization autocomplete (CKAN util API)")
_util(_util_groups, "/util/group/autocomplete", "Group autocomplete (CKAN util API)")


def i18n(lang: str) -> Response:
    """CKAN's JavaScript translations: the Jed dict for a locale the site offers (``{}`` for one
    without translations, the source language), 400 for a locale it does not offer."""
    if lang not in LOCALES:
        return JSONResponse(f"Bad request - Unknown locale: {lang[:40]}", status_code=400)
    if lang == "en":
        return Response("{}", media_type="text/html; charset=utf-8")  # CKAN returns the text "{}"
    from portal.messages import js_translations

    return JSONResponse(js_translations(lang))


for _prefix in ("/api", "/api/1", "/api/2"):
    router.add_api_route(
        _prefix + "/i18n/{lang}",
        i18n,
        methods=["GET"],
        summary="JavaScript translations (CKAN)",
        description="JavaScript translations of a locale the site offers (CKAN's Jed dict; `{}` for the source language)",
        include_in_schema=_prefix == "/api",
    )
