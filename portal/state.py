"""A cached, read-only picture of the catalog for the portal process.

Opening the DuckDB catalog costs ~10 ms, so the portal reads the whole metadata once
(:func:`catalog.queries.catalog_state`) and keeps it while the catalog file and its WAL are
unchanged (size and mtime; in the distributed profile: DuckLake's latest snapshot id), re-checking
at most every ``_MAX_AGE`` seconds anyway. Any write (a publish, a token, a download count) makes
the next request reload it.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from catalog import catalog_path, queries
from core import home

_MAX_AGE = 5.0
_LOCK = threading.Lock()
_CACHE: dict[str, Any] = {}


@dataclass
class State:
    datasets: list[dict[str, Any]]
    departments: list[dict[str, Any]]
    versions: dict[tuple[str, str], list[dict[str, Any]]]
    columns: dict[tuple[str, str, int], list[dict[str, Any]]]
    runs: dict[tuple[str, str], list[dict[str, Any]]]
    downloads: dict[tuple[str, str], dict[int, dict[str, int]]]
    by_key: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    dept_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    content_key: str = ""
    #: answers made from this state and nothing else (rendered pages), kept with it: a state never
    #: changes, a changed catalog is a new state with an empty ``kept``
    kept: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def keep(self, key: Any, make: Callable[[], Any], *, limit: int = 256) -> Any:
        """``make()``, kept under ``key`` (at most ``limit`` answers; then it starts again)."""
        found = self.kept.get(key)
        if found is None:
            found = make()
            if len(self.kept) >= limit:
                self.kept.clear()
            self.kept[key] = found
        return found

    def dataset(self, department: str, dataset: str) -> dict[str, Any] | None:
        return self.by_key.get((department, dataset))

    def versions_of(self, department: str, dataset: str) -> list[dict[str, Any]]:
        return self.versions.get((department, dataset), [])

    def version(self, department: str, dataset: str, version: int | None) -> dict[str, Any] | None:
        rows = self.versions_of(department, dataset)
        if version is None:
            return rows[0] if rows else None
        return next((v for v in rows if v["version"] == version), None)

    def columns_of(self, department: str, dataset: str, version: int | None) -> list[dict[str, Any]]:
        return self.columns.get((department, dataset, version), []) if version else []

    def download_counts(self, department: str, dataset: str) -> dict[int, dict[str, int]]:
        """Per version and format: the catalog's counts plus those still buffered in memory."""
        from catalog import usage_recorder

        stored = self.downloads.get((department, dataset), {})
        waiting = usage_recorder.recorder().pending_downloads(department, dataset)
        if not waiting:
            return stored
        out = {v: dict(f) for v, f in stored.items()}
        for version, formats in waiting.items():
            for fmt, n in formats.items():
                out.setdefault(version, {})[fmt] = out.get(version, {}).get(fmt, 0) + n
        return out

    def download_total(self, department: str, dataset: str) -> int:
        return sum(sum(v.values()) for v in self.download_counts(department, dataset).values())


def _stamp() -> tuple:
    from warehouse.storage import is_distributed

    if is_distributed():
        # the DuckLake catalog changes exactly when a new snapshot is committed
        from catalog import catalog_version

        return ("ducklake", catalog_version())
    raw = os.environ.get("PUBDATA_HOME", "")
    where = (raw, "" if os.path.isabs(raw) else os.getcwd())
    paths = _PATHS.get(where)
    if paths is None:  # the home's folder and catalog files, worked out once per PUBDATA_HOME
        path = catalog_path()
        paths = _PATHS[where] = (str(home()), str(path), str(path.with_name(path.name + ".wal")))
    out: list[Any] = [paths[0]]
    for p in paths[1:]:
        try:
            st = os.stat(p)
            out += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            out += [None, None]
    return tuple(out)


_PATHS: dict[tuple[str, str], tuple[str, str, str]] = {}


def current() -> State:
    """The catalog as it is now (cached while unchanged)."""
    stamp = _stamp()
    now = time.monotonic()
    cached = _CACHE.get("state")
    if cached and cached[0] == stamp:
        if now - cached[1] < _MAX_AGE:
            return cached[2]
        # the files are unchanged, only the periodic re-read is due: one thread does it while the
        # others keep answering from the state they have (no request waits for an unchanged catalog)
        if not _LOCK.acquire(blocking=False):
            return cached[2]
        try:
            return _load(stamp)
        finally:
            _LOCK.release()
    with _LOCK:
        cached = _CACHE.get("state")
        if cached and cached[0] == stamp and now - cached[1] < _MAX_AGE:
            return cached[2]
        return _load(stamp)


def _load(stamp: tuple) -> State:
    raw = queries.catalog_state()
    cached = _CACHE.get("state")
    if cached and all(getattr(cached[2], name) == value for name, value in raw.items()):
        # the periodic re-read found what is already loaded: the same state object stays, with
        # the answers kept on it (search results, CKAN dicts), so caches do not go cold every
        # _MAX_AGE seconds
        _CACHE["state"] = (stamp, time.monotonic(), cached[2])
        return cached[2]
    state = State(**raw)
    state.by_key = {(d["department_id"], d["dataset_id"]): d for d in state.datasets}
    state.dept_by_id = {d["id"]: d for d in state.departments}
    state.content_key = _content_key(state)
    _CACHE["state"] = (stamp, time.monotonic(), state)
    return state


def latest() -> State:
    """The state loaded last, without checking the catalog (for bookkeeping after an answer was
    made from a current state: counting a call must not reload the catalog on the event loop)."""
    cached = _CACHE.get("state")
    return cached[2] if cached else current()


def is_fresh() -> bool:
    """True when :func:`current` would answer from the cache (no catalog read needed)."""
    cached = _CACHE.get("state")
    return cached is not None and cached[0] == _stamp() and time.monotonic() - cached[1] < _MAX_AGE


def invalidate() -> None:
    _CACHE.pop("state", None)


def _content_key(state: State) -> str:
    """Changes when any searchable metadata changes (not on download counts)."""
    h = hashlib.sha256()
    for d in state.datasets:
        cols = [
            c["name"] for c in state.columns_of(d["department_id"], d["dataset_id"], d["version"]) if c["published"]
        ]
        h.update(
            json.dumps(
                [
                    d["department_id"],
                    d["dataset_id"],
                    d["title"],
                    d["description"],
                    d["keywords"],
                    d["theme"],
                    d["open_tier"],
                    d["version"],
                    str(d["published_at"]),
                    d["department_name"],
                    d["update_frequency"],
                    cols,
                ],
                ensure_ascii=False,
                default=str,
            ).encode()
        )
    return h.hexdigest()[:16]
