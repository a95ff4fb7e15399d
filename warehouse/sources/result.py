"""What reading a source returns: the table and the rows that could not be parsed."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

__all__ = ["RejectedRow", "ReadResult"]


@dataclass
class RejectedRow:
    """A source row that could not be parsed (kept, with why, in the landing zone).

    ``row`` is the line of the file where the record starts (the header is line 1; for XLSX the
    sheet row); 0 when it could not be located."""

    row: int
    reason: str
    text: str = field(repr=False, default="")


@dataclass
class ReadResult:
    table: pa.Table
    encoding: str | None = None
    rejected: list[RejectedRow] = field(default_factory=list)
