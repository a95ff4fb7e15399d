"""What reading a source returns: the table and the rows that could not be parsed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa

__all__ = ["BatchStream", "ReadResult", "RejectedRow"]


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


@dataclass
class BatchStream:
    """A source read as a stream of record batches of one ``schema`` (iterate it once).
    ``rejected`` is complete once the stream is exhausted."""

    schema: pa.Schema
    encoding: str | None = None
    batches: Iterable[pa.RecordBatch] = ()
    rejected: list[RejectedRow] = field(default_factory=list)

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        return iter(self.batches)

    @classmethod
    def of(cls, result: ReadResult) -> BatchStream:
        """A table already read, as a stream."""
        return cls(result.table.schema, result.encoding, result.table.to_batches(), result.rejected)
