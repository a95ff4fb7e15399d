"""SQL text built from hostile names and values: the one place quoting is done.

Every identifier and literal spliced into DuckDB SQL goes through these two functions; values
from data travel as bound parameters wherever DuckDB allows one (it does not for file paths in
``read_parquet``/``COPY`` and for view definitions, hence :func:`quote_literal`).
"""

from __future__ import annotations

__all__ = ["quote_ident", "quote_literal"]


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
