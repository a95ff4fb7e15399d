"""The CKAN actions pubdata answers (``ckan/logic/action/get.py``'s read actions), registered by name
for :mod:`portal.api_ckan`: each is ``fn(request, params) -> result`` and raises
:class:`portal.ckan.CkanError`; its docstring is its ``help_show`` text, as in CKAN. The
parameter helpers validate as CKAN's validators do (same error wording).

Modules: :mod:`.datasets` (site, packages, search), :mod:`.resources` (resources, datastore),
:mod:`.groups` (organizations, groups, tags).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request

from portal import ckan
from portal import state as catalog_state
from portal.ckan import CkanError, invalid, param_int
from portal.common import base_url

__all__ = [
    "ACTIONS",
    "CKAN_VERSION",
    "LOCALES",
    "MAX_ROWS",
    "action",
    "ckan_index",
    "invalid",
    "newest_first",
    "package_dict",
    "package_of",
    "param_bool",
    "param_int",
    "param_str",
]

MAX_ROWS = 1000
ACTIONS: dict[str, Callable[[Request, dict[str, Any]], Any]] = {}
CKAN_VERSION = "2.10.4"
LOCALES = ("zh_Hans_CN", "en")


def action(fn: Callable) -> Callable:
    ACTIONS[fn.__name__] = fn
    return fn


def param_bool(value: Any, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("true", "1", "yes", "on")


def param_str(params: dict[str, Any], name: str, *, required: bool = False, max_len: int = 1000) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise invalid(name, "Missing value")
        return None
    if not isinstance(value, str) or len(value) > max_len:
        raise invalid(name, f"Must be text of at most {max_len} characters")
    return value


def ckan_index(st: catalog_state.State) -> ckan.CkanIndex:
    """The UUID index of a catalog state (built once per state)."""
    idx = getattr(st, "_ckan_index", None)
    if idx is None:
        idx = ckan.CkanIndex.build(st.datasets, st.departments)
        st._ckan_index = idx  # type: ignore[attr-defined]
    return idx


def package_of(params: dict[str, Any]) -> tuple[catalog_state.State, dict[str, Any]]:
    st = catalog_state.current()
    ident = param_str(params, "id", max_len=200) or param_str(params, "name_or_id", required=True, max_len=200)
    key = ckan_index(st).package(ident, st.by_key)
    if key is None:
        raise CkanError("Not Found Error", "")
    return st, st.by_key[key]


def package_dict(request: Request, st: catalog_state.State, d: dict[str, Any]) -> dict[str, Any]:
    """The ``package_show`` dict of ``d``. Kept per catalog state (metadata only, the same for every
    caller), base URL and download counts: the dicts are shared, callers never change them."""
    latest = st.download_counts(d["department_id"], d["dataset_id"]).get(d["version"] or 0, {})
    base = base_url(request)
    key = (base, d["department_id"], d["dataset_id"], tuple(sorted(latest.items())))
    cache = getattr(st, "_package_dicts", None)
    if cache is None:
        cache = st._package_dicts = {}  # type: ignore[attr-defined]
    found = cache.get(key)
    if found is None:
        found = ckan.package_dict(
            d,
            st.dept_by_id.get(d["department_id"]),
            base,
            columns=st.columns_of(d["department_id"], d["dataset_id"], d["version"]),
            downloads=latest,
        )
        if len(cache) < 4 * len(st.datasets) + 64:  # bounded: a few base URLs per dataset
            cache[key] = found
    return found


def newest_first(st: catalog_state.State) -> list[dict[str, Any]]:
    return sorted(st.datasets, key=lambda d: ckan.iso(ckan.metadata_modified(d)) or "", reverse=True)


from portal.ckan_actions import datasets, groups, resources  # noqa: E402, F401  (registers the actions)
