"""Full-text search over the catalog that works for Chinese.

Titles, descriptions, keywords, column names and department names are tokenised with jieba
(search mode: words and their sub-words) plus CJK character bigrams, stored space-separated in a
table of an in-memory DuckDB database, and indexed with DuckDB's ``fts`` extension (BM25; loaded
from the ``duckdb-extension-fts`` wheel by path — nothing is downloaded). Queries are tokenised
the same way; results are cached per index (LRU). The index is rebuilt when the catalog's searchable content changes (the caller
passes a content key). :func:`highlight` marks matched terms in titles and descriptions.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
from markupsafe import Markup, escape

from core.sql import quote_literal

__all__ = ["SearchIndex", "fts_extension_path", "highlight", "index_for", "query_terms", "tokens"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")
_SPLIT = re.compile(r"[\s\u3000,;，；、。:：/|()（）\[\]【】\"'“”‘’!?！？<>《》+*&^%$#@~`=\\{}]+")
_JIEBA_LOCK = threading.Lock()
_JIEBA_READY = False
MAX_QUERY = 200
CACHE_SIZE = 4096  # distinct queries whose results each index keeps


def fts_extension_path() -> Path:
    spec = importlib.util.find_spec("duckdb_extension_fts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the duckdb-extension-fts wheel is not installed")
    base = Path(list(spec.submodule_search_locations)[0]) / "extensions"
    version = duckdb.__version__
    path = base / f"v{version}" / "fts.duckdb_extension"
    if not path.exists():
        found = sorted(base.glob("v*/fts.duckdb_extension"))
        if not found:
            raise RuntimeError(f"no fts extension under {base}")
        path = found[-1]
    return path


def _jieba():
    global _JIEBA_READY
    import jieba

    if not _JIEBA_READY:
        with _JIEBA_LOCK:
            if not _JIEBA_READY:
                jieba.setLogLevel(60)
                jieba.initialize()
                _JIEBA_READY = True
    return jieba


def _bigrams(run: str) -> Iterable[str]:
    return (run[i : i + 2] for i in range(len(run) - 1))


def tokens(text: str | None) -> list[str]:
    """Index/query tokens of a text: jieba search-mode words, CJK bigrams, lower-case ASCII words."""
    if not text:
        return []
    text = text.lower()
    out: list[str] = []
    jieba = _jieba()
    for piece in _SPLIT.split(text):
        if not piece:
            continue
        for run in _CJK.findall(piece):
            out += [t for t in jieba.cut_for_search(run) if t.strip()]
            out += list(_bigrams(run))
            if len(run) == 1:
                out.append(run)
        for word in _WORD.findall(piece):
            out.append(word)
            parts = re.split(r"[._-]", word)
            if len(parts) > 1:
                out += [p for p in parts if p]
    return [t for t in out if t]


def query_terms(q: str) -> list[str]:
    """Distinct surface terms of a query, longest first (for highlighting)."""
    q = (q or "")[:MAX_QUERY]
    terms: set[str] = set()
    for piece in _SPLIT.split(q.lower()):
        if not piece:
            continue
        for run in _CJK.findall(piece):
            terms.add(run)
            terms.update(t for t in _jieba().cut_for_search(run) if len(t.strip()) >= 1)
        terms.update(w for w in _WORD.findall(piece) if len(w) >= 2)
    return sorted((t for t in terms if t.strip()), key=lambda t: (-len(t), t))


def highlight(text: str | None, q: str | None) -> Markup:
    """``text`` HTML-escaped, with every occurrence of a query term wrapped in ``<mark>``."""
    text = text or ""
    terms = query_terms(q or "")
    if not terms or not text:
        return Markup(escape(text))
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[pos : m.start()])))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


class SearchIndex:
    """BM25 index over documents ``(key, fields...)`` in an in-memory DuckDB with ``fts``."""

    def __init__(self, docs: Sequence[dict[str, Any]]) -> None:
        self.keys = [d["key"] for d in docs]
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[tuple[str, float]]] = OrderedDict()
        self._con = duckdb.connect(
            ":memory:", config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
        )
        self._con.execute(f"LOAD {quote_literal(fts_extension_path())}")
        self._con.execute("CREATE TABLE docs (key VARCHAR PRIMARY KEY, body VARCHAR)")
        rows = []
        for d in docs:
            # the title counts twice: a match in the title ranks above one in a column name
            body = (
                tokens(d.get("title")) * 2
                + tokens(d.get("description"))
                + [t for k in d.get("keywords") or [] for t in tokens(k) + [k.lower()]]
                + [t for c in d.get("columns") or [] for t in tokens(c) + [c.lower()]]
                + tokens(d.get("department"))
                + tokens(d.get("name"))
                + tokens(d.get("theme"))
            )
            rows.append((d["key"], " ".join(t.replace(" ", "") for t in body if t.strip())))
        if rows:
            self._con.executemany("INSERT INTO docs VALUES (?, ?)", rows)
            self._con.execute(
                "PRAGMA create_fts_index('docs', 'key', 'body', stemmer = 'none', "
                "stopwords = 'none', ignore = '\\s+', strip_accents = 0, lower = 1)"
            )

    def search(self, q: str) -> list[tuple[str, float]]:
        """Keys matching ``q``, best first, with their BM25 scores."""
        text = (q or "")[:MAX_QUERY]
        with self._lock:
            if text in self._cache:  # the index is immutable: results can be kept until it is rebuilt
                self._cache.move_to_end(text)  # (keyed by the query's text: tokenizing it costs ~1 ms)
                return list(self._cache[text])
        terms = tokens(text)
        if not terms or not self.keys:
            return []
        query = " ".join(dict.fromkeys(terms))
        with self._lock:
            rows = self._con.execute(
                "SELECT key, score FROM (SELECT key, fts_main_docs.match_bm25(key, ?) AS score FROM docs) "
                "WHERE score IS NOT NULL ORDER BY score DESC, key",
                [query],
            ).fetchall()
            result = [(k, float(s)) for k, s in rows]
            self._cache[text] = result
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return list(result)

    def close(self) -> None:
        self._con.close()


_INDEX: dict[str, Any] = {}
_INDEX_LOCK = threading.Lock()


def index_for(content_key: str, docs_factory) -> SearchIndex:
    """The index for ``content_key``, built with ``docs_factory()`` when the key changed."""
    current = _INDEX.get("idx")
    if current and current[0] == content_key:
        return current[1]
    with _INDEX_LOCK:
        current = _INDEX.get("idx")
        if current and current[0] == content_key:
            return current[1]
        index = SearchIndex(docs_factory())
        _INDEX["idx"] = (content_key, index)
        return index
