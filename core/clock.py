"""The platform's clock: UTC everywhere.

The catalog stores naive ``TIMESTAMP`` values meaning UTC (DuckDB and DuckLake agree on naive
values; zone-aware ones would be converted by the session's time zone), so :func:`utcnow` is
naive. Text timestamps for files and logs carry the zone (:func:`utcnow_iso`).
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["utcnow", "utcnow_iso"]


def utcnow() -> _dt.datetime:
    """Now, in UTC, without a zone (as the catalog stores it)."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


def utcnow_iso(timespec: str = "seconds") -> str:
    """Now, in UTC, as ISO 8601 text with its zone (``2026-12-06T22:55:48+00:00``)."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec=timespec)
