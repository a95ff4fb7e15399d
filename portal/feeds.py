"""Change feeds: Atom 1.0 (RFC 4287) of new published versions, for the whole catalog, a
department or one dataset.

``/feeds/catalog.atom``, ``/feeds/<department>.atom``, ``/feeds/<department>/<dataset>.atom``:
one entry per published version, newest first (at most :data:`MAX_ENTRIES`). An entry's id is a
``tag:`` URI that never changes (portal host, publication date, dataset, version); it links to the
dataset page at that version and to the version's Parquet file; its summary (Chinese) gives rows,
quality and what changed in the schema; a ``category`` flags a breaking schema change (a column
removed, renamed or retyped) so that consumers notice before it breaks them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any
from urllib.parse import urlparse
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from catalog.changes import version_changes
from portal import state as catalog_state
from portal.common import base_url, checked_ids
from portal.tracking import track

router = APIRouter(tags=["feeds"])
MAX_ENTRIES = 200
MEDIA = "application/atom+xml; charset=utf-8"
ATOM_RESPONSE: dict = {200: {"content": {"application/atom+xml": {}}, "description": "An Atom 1.0 feed"}}
SITE = "pubdata 公共数据开放平台"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CATEGORY_BREAKING = ("breaking-change", "不兼容变更")
CATEGORY_VERSION = ("new-version", "新版本")


def _t(value: Any) -> str:
    return escape(_XML_BAD.sub("", str(value if value is not None else "")))


def _a(value: Any) -> str:
    return quoteattr(_XML_BAD.sub("", str(value if value is not None else "")))


def _when(value: Any) -> str:
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    return "1970-01-01T00:00:00Z"


def _tag(base: str, when: Any, path: str) -> str:
    """``tag:<portal host>,<YYYY-MM-DD>:pubdata/<path>`` (RFC 4151): fixed once published."""
    host = urlparse(base).hostname or "localhost"
    day = when.date().isoformat() if isinstance(when, _dt.datetime) else "2026-01-01"
    return f"tag:{host},{day}:pubdata/{path}"


def _changes_text(changes: dict[str, Any] | None) -> str:
    if changes is None:
        return "首个版本。"
    parts = []
    if changes["removed"]:
        parts.append("删除字段 " + "、".join(changes["removed"]))
    for r in changes["renamed"]:
        parts.append(f"重命名 {r['from']} → {r['to']}")
    for r in changes["retyped"]:
        parts.append(f"字段 {r['name']} 类型由 {r['from']} 改为 {r['to']}")
    if changes["added"]:
        parts.append("新增字段 " + "、".join(changes["added"]))
    if not parts:
        return "字段结构未变。"
    return ("不兼容变更：" if changes["breaking"] else "兼容变更：") + "；".join(parts) + "。"


def _entries(st: catalog_state.State, keys: list[tuple[str, str]]) -> list[dict[str, Any]]:
    out = []
    for key in keys:
        d = st.by_key.get(key)
        versions = st.versions_of(*key)
        if d is None or d.get("open_tier") not in ("open", "conditional"):  # withheld: metadata only
            continue
        for newer, older in zip(versions, [*versions[1:], None]):
            out.append(
                {
                    "d": d,
                    "v": newer,
                    "changes": version_changes(older["schema_json"] if older else None, newer["schema_json"]),
                }
            )
    out.sort(key=lambda e: (e["v"]["published_at"] or _dt.datetime.min, e["v"]["version"]), reverse=True)
    return out[:MAX_ENTRIES]


def _entry(base: str, e: dict[str, Any], dept_names: dict[str, str]) -> str:
    d, v, changes = e["d"], e["v"], e["changes"]
    page = f"{base}/datasets/{d['department_id']}/{d['dataset_id']}"
    dept = dept_names.get(d["department_id"], d["department_id"])
    quality = f"，质量评分 {v['quality_score']:.0f}" if v.get("quality_score") is not None else ""
    summary = f"{dept}发布「{d['title']}」第 {v['version']} 版：{v['rows']} 行{quality}。{_changes_text(changes)}"
    if d.get("open_tier") == "conditional":
        summary += "本数据集为有条件开放，数据需凭部门令牌获取。"
    term, label = CATEGORY_BREAKING if changes and changes["breaking"] else CATEGORY_VERSION
    n = v["version"]
    entry_id = _tag(base, v["published_at"], f"{d['department_id']}/{d['dataset_id']}/v{n}")
    when = _when(v["published_at"])
    return (
        "<entry>"
        f"<id>{_t(entry_id)}</id>"
        f"<title>{_t(d['title'])} 第 {n} 版</title>"
        f"<updated>{when}</updated><published>{when}</published>"
        f"<author><name>{_t(dept)}</name></author>"
        f'<link rel="alternate" type="text/html" href={_a(f"{page}#v{n}")}/>'
        '<link rel="enclosure" type="application/vnd.apache.parquet" '
        f"href={_a(f'{page}/download.parquet?version={n}')} length={_a(v.get('bytes') or 0)}/>"
        f"<category term={_a(term)} label={_a(label)} scheme={_a(base + '/feeds/categories')}/>"
        f'<summary type="text">{_t(summary)}</summary>'
        "</entry>"
    )


def _feed(request: Request, st: catalog_state.State, path: str, title: str, keys: list[tuple[str, str]]) -> Response:
    base = base_url(request)
    entries = _entries(st, keys)
    names = {d["id"]: d["name"] for d in st.departments}
    updated = entries[0]["v"]["published_at"] if entries else None
    etag = f'"{st.content_key}-{len(entries)}-{_when(updated)}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">'
        f"<id>{_t(_tag(base, None, 'feeds/' + path))}</id>"
        f"<title>{_t(title)}</title>"
        f"<subtitle>{_t('数据集新版本（含不兼容的字段变更提示）')}</subtitle>"
        f"<updated>{_when(updated or _dt.datetime(2026, 1, 1))}</updated>"
        f'<link rel="self" type="application/atom+xml" href={_a(f"{base}/feeds/{path}.atom")}/>'
        f'<link rel="alternate" type="text/html" href={_a(base + "/")}/>'
        f"<author><name>{_t(SITE)}</name></author>"
        '<generator uri="https://github.com/pubdata">pubdata</generator>'
        + "".join(_entry(base, e, names) for e in entries)
        + "</feed>"
    )
    return Response(body, media_type=MEDIA, headers={"ETag": etag, "Cache-Control": "public, max-age=60"})


@router.get(
    "/feeds/catalog.atom",
    response_class=Response,
    responses=ATOM_RESPONSE,
    summary="Atom feed of new versions of every dataset",
)
def catalog_feed(request: Request) -> Response:
    st = catalog_state.current()
    track(request, "api", action="feed")
    return _feed(request, st, "catalog", f"{SITE}：数据集新版本", list(st.by_key))


@router.get(
    "/feeds/{department}.atom",
    response_class=Response,
    responses=ATOM_RESPONSE,
    summary="Atom feed of new versions of a department's datasets",
)
def department_feed(request: Request, department: str) -> Response:
    checked_ids(department)
    st = catalog_state.current()
    dept = st.dept_by_id.get(department)
    if dept is None:
        raise HTTPException(404, "no such department")
    keys = [k for k in st.by_key if k[0] == department]
    track(request, "api", action=f"feed:{department}")
    return _feed(request, st, department, f"{dept['name']}：数据集新版本", keys)


@router.get(
    "/feeds/{department}/{dataset}.atom",
    response_class=Response,
    responses=ATOM_RESPONSE,
    summary="Atom feed of new versions of one dataset",
)
def dataset_feed(request: Request, department: str, dataset: str) -> Response:
    checked_ids(department, dataset)
    st = catalog_state.current()
    d = st.dataset(department, dataset)
    if d is None:
        raise HTTPException(404, "no such dataset")
    track(request, "api", d, action="feed")
    return _feed(request, st, f"{department}/{dataset}", f"{d['title']}：新版本", [(department, dataset)])
