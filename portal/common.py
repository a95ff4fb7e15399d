"""Helpers shared by the portal's pages and APIs: base URL, ids, search with facets."""

from __future__ import annotations

import re
from typing import Any

from fastapi import HTTPException, Request

from portal import ckan, ckan_query, hosts
from portal.harvested import is_withdrawn
from portal.messages import table as messages_table
from portal.search import index_for
from portal.state import State
from portal.vocab import titles

_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")

FREQUENCY_TITLES = titles("frequencies")
THEME_TITLES = titles("themes")
ACTION_TITLES = messages_table("actions")


#: what the classifier says a held column looks like, in Chinese (its evidence stays English)
_REVIEW_LOOKS = (
    ("amounts of unknown meaning", "含义不明的金额，可能是个人收入或财产"),
    ("free text", "自由文本，可能含有个人信息"),
    ("text shaped like names", "形似姓名的文本"),
    ("identifiers or codes", "编号或代码，可能标识个人"),
    ("numbers (", "含义不明的数值"),
    ("values of unknown meaning", "含义不明的取值"),
)


def review_reason_zh(reason: str | None) -> str:
    """Why a column is held for review, in Chinese."""
    looks = next((zh for en, zh in _REVIEW_LOOKS if en in (reason or "")), "含义不明的取值")
    return f"该表涉及个人，自动识别未能确认此字段不含个人信息（{looks}），在数据管理员审核前不予开放"


def is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


def checked_ids(department: str, dataset: str | None = None) -> None:
    """Ids from a URL are hostile: anything but a plain identifier is simply not found."""
    if not is_id(department) or (dataset is not None and not is_id(dataset)):
        raise HTTPException(404, "no such dataset")


def base_url(request: Request) -> str:
    """``PUBDATA_PORTAL_URL`` when set in the environment, else the URL the client used (whose
    ``Host`` :class:`portal.hosts.HostGuard` allowed): links are never built from an unknown host."""
    return hosts.base_url(request)


def _docs(state: State) -> list[dict[str, Any]]:
    out = []
    for d in state.datasets:
        cols = [
            c["name"] for c in state.columns_of(d["department_id"], d["dataset_id"], d["version"]) if c["published"]
        ]
        out.append(
            {
                "key": f"{d['department_id']}/{d['dataset_id']}",
                "name": f"{d['department_id']} {d['dataset_id']}",
                "title": d["title"],
                "description": d["description"],
                "keywords": d["keywords"],
                "columns": cols,
                "department": d["department_name"],
                "theme": d["theme"],
            }
        )
    return out


def _text_hits(state: State, text: str) -> dict[tuple[str, str], float]:
    """Datasets matching free text: the full-text index (title, description, keywords, columns,
    department, name), and a dataset named exactly (``dept__ds``, ``dept.ds``, its id or title) first."""
    index = index_for(state.content_key, lambda: _docs(state))
    hits: dict[tuple[str, str], float] = {}
    for k, s in index.search(text):
        department, _, dataset = k.partition("/")
        if (department, dataset) in state.by_key:
            hits[(department, dataset)] = s
    wanted = text.strip().lower()
    for key, d in state.by_key.items():
        names = {ckan.package_name(*key), f"{key[0]}.{key[1]}", key[1], (d.get("title") or "").lower()}
        if wanted in names:
            hits[key] = hits.get(key, 0.0) + 1000.0
    return hits


def _evaluate(
    state: State, q_node: tuple, fq: str | None, terms: list[tuple[bool, str, str]] | None
) -> dict[tuple[str, str], float]:
    nodes = [q_node]
    if fq and fq.strip():
        nodes.append(ckan_query.parse(fq))
    for negated, field, value in terms or []:
        term = ("term", field, "eq", value)
        nodes.append(("not", term) if negated else term)
    return ckan_query.evaluate(
        nodes[0] if len(nodes) == 1 else ("and", nodes),
        state.datasets,
        values=ckan.field_values,
        kinds=ckan.FIELD_KINDS,
        text_search=lambda text: _text_hits(state, text),
        key=lambda d: (d["department_id"], d["dataset_id"]),
    )


def search(
    state: State,
    q: str | None,
    terms: list[tuple[bool, str, str]] | None = None,
    *,
    fq: str | None = None,
    strict: bool = False,
) -> list[tuple[dict[str, Any], float]]:
    """Datasets matching ``q`` and ``fq`` (Solr syntax as CKAN takes it: free text, ``field:value``,
    ranges, AND/OR/NOT; all datasets when empty or ``*:*``) and ``(negated, field, value)`` terms;
    best first, then newest first. ``strict``: a query that does not parse is a
    :class:`ckan.CkanError` (the API); otherwise it is searched as plain text (the pages).

    A catalog state never changes: its answers are kept on it (a new state starts empty) -- except
    answers relative to the clock (Solr date math on ``NOW``), which change while the state lives."""
    if any("NOW" in (text or "") for text in (q, fq, *(t[2] for t in terms or ()))):
        return _search(state, q, terms, fq=fq, strict=strict)
    key = (q, tuple(tuple(t) for t in terms or ()), fq, strict)
    cache = getattr(state, "_searches", None)
    if cache is None:
        cache = state._searches = {}  # type: ignore[attr-defined]
    found = cache.get(key)
    if found is None:
        found = _search(state, q, terms, fq=fq, strict=strict)
        if len(cache) >= 1024:
            cache.clear()  # bounded; the next answers fill it again
        cache[key] = found
    return list(found)  # callers sort their copy


def _search(
    state: State,
    q: str | None,
    terms: list[tuple[bool, str, str]] | None,
    *,
    fq: str | None,
    strict: bool,
) -> list[tuple[dict[str, Any], float]]:
    try:
        scores = _evaluate(state, ckan_query.parse(q), fq, terms)
    except ckan_query.QueryError as exc:
        if strict:
            raise ckan.CkanError("Search Query Error", str(exc)) from None
        scores = _evaluate(state, ("text", (q or "")[:200]), fq, terms)
    order = {k: i for i, k in enumerate(state.by_key)}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    # gone upstream (withdrawn harvested datasets): not a current result
    return [(state.by_key[k], s) for k, s in ranked if not is_withdrawn(state.by_key[k])]


def facets(datasets: list[dict[str, Any]], fields: list[str], limit: int = 50) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for field in fields:
        counts: dict[str, int] = {}
        for d in datasets:
            for v in ckan.field_values(d, field):
                counts[v] = counts.get(v, 0) + 1
        out[field] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])
    return out
