"""CKAN actions on organizations (the departments), groups (none) and tags (the keywords)."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from portal import ckan
from portal import state as catalog_state
from portal.ckan import CkanError
from portal.ckan_actions import (
    action,
    ckan_index,
    invalid,
    package_dict,
    param_bool,
    param_int,
    param_str,
)

# ---- organizations and groups ----------------------------------------------------------------


def _org_list(st: catalog_state.State, params: dict[str, Any]) -> list[dict[str, Any]]:
    depts = list(st.departments)
    wanted = params.get("organizations")
    if wanted:
        names = [wanted] if isinstance(wanted, str) else [w for w in wanted if isinstance(w, str)]
        depts = [d for d in depts if d["id"] in names]
    q = (param_str(params, "q", max_len=200) or "").strip().lower()
    if q:
        depts = [
            d
            for d in depts
            if q in d["id"].lower() or q in (d["name"] or "").lower() or q in (d.get("description") or "").lower()
        ]
    sort = (param_str(params, "sort", max_len=60) or param_str(params, "order_by", max_len=60) or "title asc").strip()
    field, _, direction = sort.partition(" ")
    if field in ("packages", "package_count"):
        field, direction = "package_count", direction or "desc"
    keys = {"name": lambda d: d["id"], "title": lambda d: d["name"] or "", "package_count": lambda d: d["datasets"]}
    if field not in keys:
        raise invalid("sort", f"Cannot sort by field `{field[:40]}`")
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
    all_fields = param_bool(params.get("all_fields"))
    cap = 25 if all_fields else 1000
    limit = param_int(params, "limit", cap, 0, cap) or cap
    offset = param_int(params, "offset", 0)
    depts = _org_list(st, params)[offset : offset + limit]
    if not all_fields:
        return [d["id"] for d in depts]
    return [
        ckan.organization_dict(
            d,
            include_extras=param_bool(params.get("include_extras")),
            include_tags=param_bool(params.get("include_tags")),
            include_groups=param_bool(params.get("include_groups")),
            include_users=param_bool(params.get("include_users")),
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
    ident = param_str(params, "id", required=True, max_len=200)
    dept_id = ckan_index(st).organization(ident, set(st.dept_by_id))
    if dept_id is None:
        raise CkanError("Not Found Error", "")
    out = ckan.organization_dict(
        st.dept_by_id[dept_id],
        include_extras=param_bool(params.get("include_extras"), True),
        include_tags=param_bool(params.get("include_tags"), True),
        include_groups=param_bool(params.get("include_groups"), True),
        include_users=param_bool(params.get("include_users"), True),
    )
    if param_bool(params.get("include_datasets")):
        out["packages"] = [package_dict(request, st, d) for d in st.datasets if d["department_id"] == dept_id][:1000]
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
    q = (param_str(params, "q", required=True, max_len=200) or "").lower()
    limit = param_int(params, "limit", 20, 0, 1000)
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
    param_int(params, "limit", 1000)
    param_int(params, "offset", 0)
    return []


@action
def group_show(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    """Return the details of a group.

    pubdata has no groups: every id is not found.

    :param id: the id or name of the group
    :type id: string

    :rtype: dictionary
    """
    param_str(params, "id", required=True, max_len=200)
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
    vocabulary = param_str(params, "vocabulary_id", max_len=200)
    if vocabulary is not None:  # pubdata's tags are all free tags: no vocabulary exists
        if query:
            return []
        raise CkanError("Not Found Error", f"could not find vocabulary '{vocabulary}'")
    terms = [query] if isinstance(query, str) else list(query or [])
    terms = [t.strip().lower() for t in terms if isinstance(t, str) and t.strip()]
    tags = [t for t in _all_tags(st) if all(term in t.lower() for term in terms)]
    if param_bool(params.get("all_fields")):
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
    ident = param_str(params, "id", required=True, max_len=200)
    name = ckan_index(st).tag(ident)
    if name is None or param_str(params, "vocabulary_id", max_len=200) is not None:
        raise CkanError("Not Found Error", "")
    out = ckan.tag_dict(name)
    if param_bool(params.get("include_datasets")):
        out["packages"] = [package_dict(request, st, d) for d in st.datasets if name in (d.get("keywords") or [])][
            :1000
        ]
    return out
