"""Helpers shared by the portal's pages and APIs: base URL, ids, search with facets."""

from __future__ import annotations

import os
import re
from typing import Any

from fastapi import HTTPException, Request

from portal import ckan
from portal.harvested import is_withdrawn
from portal.search import index_for
from portal.state import State

_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")

FREQUENCY_TITLES = {
    "realtime": "实时",
    "daily": "每日",
    "weekly": "每周",
    "monthly": "每月",
    "quarterly": "每季度",
    "yearly": "每年",
    "irregular": "不定期",
}
THEME_TITLES = {
    "health": "医疗卫生",
    "transport": "交通运输",
    "environment": "生态环境",
    "economy": "经济",
    "society": "社会民生",
    "market": "市场监管",
    "social": "社会民生",
    "other": "其他",
}
ACTION_TITLES = {
    "publish": "公开",
    "mask": "脱敏",
    "generalise": "泛化",
    "drop": "不公开",
    "pseudonymise": "假名化",
    "encrypt": "加密",
    "hold": "待审核",
}


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
    """``PUBDATA_PORTAL_URL`` when set in the environment, else the URL the client used."""
    configured = os.environ.get("PUBDATA_PORTAL_URL")
    if configured:
        return configured.rstrip("/")
    return str(request.base_url).rstrip("/")


def _docs(state: State) -> list[dict[str, Any]]:
    out = []
    for d in state.datasets:
        cols = [
            c["name"] for c in state.columns_of(d["department_id"], d["dataset_id"], d["version"]) if c["published"]
        ]
        out.append(
            {
                "key": f"{d['department_id']}/{d['dataset_id']}",
                "title": d["title"],
                "description": d["description"],
                "keywords": d["keywords"],
                "columns": cols,
                "department": d["department_name"],
                "theme": d["theme"],
            }
        )
    return out


def search(
    state: State, q: str | None, terms: list[tuple[bool, str, str]] | None = None
) -> list[tuple[dict[str, Any], float]]:
    """Datasets matching free text ``q`` (all when empty or ``*:*``) and ``field:value`` terms."""
    q = (q or "").strip()
    # CKAN clients send field queries inside q too ("tags:门诊", "name:x")
    if q and q != "*:*":
        field_terms = ckan._TERM.findall(q)
        if field_terms and all(f[1] in ckan.FQ_FIELDS for f in field_terms):
            terms = list(terms or []) + ckan.parse_fq(q)
            q = ""
    if not q or q == "*:*":
        hits = [(d, 0.0) for d in state.datasets]
    else:
        index = index_for(state.content_key, lambda: _docs(state))
        found = [(tuple(k.split("/", 1)), s) for k, s in index.search(q)]
        hits = [(state.by_key[k], s) for k, s in found if k in state.by_key]
    for negated, field, value in terms or []:
        hits = [(d, s) for d, s in hits if (value in ckan.facet_value(d, field)) != negated]
    return [(d, s) for d, s in hits if not is_withdrawn(d)]  # gone upstream: not a current result


def facets(datasets: list[dict[str, Any]], fields: list[str], limit: int = 50) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for field in fields:
        counts: dict[str, int] = {}
        for d in datasets:
            for v in ckan.facet_value(d, field):
                counts[v] = counts.get(v, 0) + 1
        out[field] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])
    return out
