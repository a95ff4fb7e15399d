"""What a harvest reads from another portal: its datasets' metadata and resources.

:mod:`warehouse.sources.ckan` (CKAN Action API) and :mod:`warehouse.sources.dcat` (DCAT in
JSON-LD, Turtle or RDF/XML) both return :class:`RemoteDataset` records. Everything in them came
from another server and is hostile: text is cut to a bounded length, only ``http(s)`` URLs are
kept, and :func:`local_id` turns a remote name into a safe dataset id of this catalog.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlparse

__all__ = [
    "MAX_TEXT",
    "RemoteDataset",
    "RemoteResource",
    "http_url",
    "local_id",
    "normalise_format",
    "text",
]

MAX_TEXT = 20_000  # characters kept of a remote description
_MEDIA = {
    "text/csv": "CSV",
    "application/csv": "CSV",
    "application/json": "JSON",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.apache.parquet": "PARQUET",
    "application/x-parquet": "PARQUET",
    "application/parquet": "PARQUET",
}


@dataclass(frozen=True)
class RemoteResource:
    """A distribution of a remote dataset: where its file is and what format it declares."""

    name: str
    url: str | None
    format: str | None  # normalised upper-case token (CSV, JSON, XLSX, PARQUET, XLS, PDF...)
    media_type: str | None = None
    size: int | None = None
    remote_id: str | None = None

    @property
    def kind(self) -> str | None:
        """The pullable format (csv, json, parquet, xlsx) or None: an ``XLS`` label on an ``.xlsx``
        file counts as XLSX (a quirk of real portals)."""
        fmt = self.format or ""
        path = urlparse(self.url or "").path.lower()
        if fmt == "XLS" and path.endswith(".xlsx"):
            fmt = "XLSX"
        return {"CSV": "csv", "JSON": "json", "PARQUET": "parquet", "XLSX": "xlsx"}.get(fmt)


@dataclass
class RemoteDataset:
    """One dataset of another portal, as far as this catalog keeps it."""

    key: str  # what identifies it across harvests: CKAN name, DCAT identifier
    remote_id: str | None
    title: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    license: str | None = None
    modified: str | None = None  # as the remote states it (ISO text, remote clock)
    url: str | None = None  # its page on the remote portal
    iri: str | None = None  # DCAT: the dataset's IRI
    organization: str | None = None
    resources: list[RemoteResource] = field(default_factory=list)
    slug: str | None = None  # what its local id is made from when not the key (a URL identifier's tail)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RemoteDataset:
        d = dict(d)
        d["resources"] = [RemoteResource(**r) for r in d.get("resources") or []]
        return cls(**d)


def text(value: Any, limit: int = MAX_TEXT) -> str:
    """A remote value as bounded plain text (control characters but tab/newline removed)."""
    if value is None:
        return ""
    s = value if isinstance(value, str) else str(value)
    s = "".join(c for c in s if c in "\t\n" or ord(c) >= 32)
    return s.strip()[:limit]


def http_url(value: Any) -> str | None:
    """``value`` if it is an absolute http(s) URL (never ``javascript:``, ``file:`` ...)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > 2000 or not re.match(r"^https?://[^\s]+$", value, re.IGNORECASE):
        return None
    try:
        return value if urlparse(value).hostname else None
    except ValueError:
        return None


def normalise_format(fmt: Any, media_type: Any = None) -> str | None:
    """A declared format (CKAN ``format``, DCAT ``dct:format`` literal / IRI / media type) as an
    upper-case token; the media type when no format is declared."""
    f = text(fmt, 200)
    if re.match(r"^https?://", f):
        f = re.split(r"[/#]", f.rstrip("/"))[-1]
    if f.lower() in _MEDIA:
        return _MEDIA[f.lower()]
    f = f.lstrip(".").strip().upper()
    if not f and media_type:
        mt = text(media_type, 200).lower()
        mt = re.sub(r"^https?://www\.iana\.org/assignments/media-types/", "", mt)
        f = _MEDIA.get(mt, "")
    return f[:40] or None


_NOT_ID = re.compile(r"[^a-z0-9]+")


def local_id(remote_key: str, taken: set[str], slug: str | None = None) -> str:
    """A dataset id for a remote dataset: its name folded to ``[a-z][a-z0-9_]*`` (``d_`` in front
    when it does not start with a letter; ``slug`` instead of the key when given), at most 63
    characters; a name that had to be shortened
    or that another dataset already uses gets 8 hex digits of its key's SHA-256 appended. The
    caller keeps the id once given (so it is stable across harvests) and passes the ids in use."""
    base = _NOT_ID.sub("_", (slug or remote_key).lower()).strip("_")
    if not base or not base[0].isalpha():
        base = "d_" + base if base else "d"
    digest = hashlib.sha256(remote_key.encode("utf-8")).hexdigest()
    candidate = base
    if len(candidate) > 63 or candidate in taken:
        candidate = f"{base[:54].rstrip('_')}_{digest[:8]}"
    n = 8
    while candidate in taken:  # two keys whose hashes share a prefix: lengthen it
        n += 2
        candidate = f"{base[: 62 - n].rstrip('_')}_{digest[:n]}"
    return candidate
