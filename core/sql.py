"""SQL text built from hostile names and values: the one place quoting is done.

Every identifier and literal spliced into DuckDB SQL goes through the two quoting functions;
values from data travel as bound parameters wherever DuckDB allows one (it does not for file
paths in ``read_parquet``/``COPY`` and for view definitions, hence :func:`quote_literal`).
:func:`scalar` reads the one value of an aggregate query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["quote_ident", "quote_literal", "scalar"]


def quote_ident(name: str) -> str:
    """Any text as a quoted DuckDB identifier (``"`` doubled). A NUL byte is refused: DuckDB
    would cut the name there."""
    if "\x00" in name:
        raise ValueError("identifier contains a NUL byte")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: object) -> str:
    """Any text (paths included) as a SQL string literal (``'`` doubled). A NUL byte is refused."""
    s = str(text)
    if "\x00" in s:
        raise ValueError("string literal contains a NUL byte")
    return "'" + s.replace("'", "''") + "'"


def scalar(con: Any, sql: str, params: Sequence[object] | Mapping[str, object] | None = None) -> Any:
    """The one value of a query that always returns one row (an aggregate such as ``count(*)``
    or ``max(...)``, which may be NULL); no row at all is a bug in the query, not data."""
    row = con.execute(sql, params).fetchone()
    assert row is not None, "a one-row query returned no row"
    return row[0]
