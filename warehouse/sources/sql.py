"""SQL sources: a query over a SQLAlchemy URL; its password is never echoed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from core import SourceError, SourceUnavailable

__all__ = ["read_sql"]


_QUERY_ERROR = re.compile(r"no such (table|column|function)|syntax error|ambiguous column name", re.IGNORECASE)


def read_sql(url: str, query: str) -> pa.Table:
    """Run a read query over a SQLAlchemy URL. The URL (which may hold a password) is never echoed."""
    import sqlalchemy as sa  # lazy: only SQL sources need it (~0.3 s to import)

    safe = sa.engine.make_url(url).render_as_string(hide_password=True) if "://" in url else "<sql source>"
    try:
        engine = sa.create_engine(url)
    except Exception as exc:
        raise SourceError(f"{safe}: invalid SQL source URL ({exc.__class__.__name__})") from None
    try:
        with engine.connect() as conn:
            result = conn.execute(sa.text(query))
            names = list(result.keys())
            rows = result.fetchall()
    except sa.exc.OperationalError as exc:
        reason = str(exc.orig)[:120]
        # SQLite reports a wrong query as an OperationalError too: that will not heal by retrying
        if _QUERY_ERROR.search(reason):
            raise SourceError(
                f"{safe}: query failed ({reason})", hint="check the query and the table names in the manifest"
            ) from None
        raise SourceUnavailable(f"{safe}: database unavailable or query failed ({reason})") from None
    except sa.exc.SQLAlchemyError as exc:
        raise SourceError(f"{safe}: query failed ({exc.__class__.__name__})") from None
    finally:
        engine.dispose()
    cols: list[Sequence[Any]] = list(zip(*rows)) if rows else [[] for _ in names]
    arrays = {}
    for n, c in zip(names, cols):
        try:
            arrays[n] = pa.array(list(c))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays[n] = pa.array([None if v is None else str(v) for v in c], pa.string())
    return pa.table(arrays)
