"""Sampling of table values for the classifier: at most ``sample_size`` non-null values per
column, spread evenly over the whole table (not only its head), so the cost of classifying
does not grow with the table.

Rows are sampled once per table (evenly spaced row numbers), so values of one sampled row
stay aligned across columns (needed for lat/lon pairs and minors). A column that is mostly
null in those rows is topped up from its non-null positions, again evenly spaced.

A :class:`TableSample` is what the classifier reads: per column, the sampled values and their
row numbers. :meth:`TableSample.of_table` samples an Arrow table in memory;
:func:`parquet_sample` takes the same rows from a Parquet file record batch by record batch
(the pipeline's classify stage), so memory stays flat however many rows the file has and the
values are exactly those :meth:`TableSample.of_table` would take from the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core.settings import int_setting

__all__ = [
    "TableSample",
    "column_sample",
    "default_sample_size",
    "parquet_sample",
    "sample_rows",
    "take",
    "to_strings",
]

#: rows per record batch read from a Parquet file while sampling it
SAMPLE_BATCH_ROWS = 65_536


def default_sample_size() -> int:
    """``PUBDATA_SAMPLE_SIZE`` (default 1000)."""
    return max(1, int_setting("PUBDATA_SAMPLE_SIZE"))


def sample_rows(n_rows: int, sample_size: int) -> np.ndarray:
    """Evenly spaced row numbers over ``range(n_rows)`` (all rows when the table is small)."""
    if n_rows <= sample_size:
        return np.arange(n_rows, dtype=np.int64)
    return np.unique(np.linspace(0, n_rows - 1, sample_size).round().astype(np.int64))


def to_strings(values: pa.Array | pa.ChunkedArray) -> list[str | None]:
    """Values as Python strings (integers keep their digits, dates are ISO)."""
    t = values.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return values.to_pylist()
    if pa.types.is_dictionary(t):
        return to_strings(
            values.cast(t.value_type)
            if isinstance(values, pa.Array)
            else pa.chunked_array([c.dictionary_decode() for c in values.chunks], t.value_type)
        )
    if (
        pa.types.is_integer(t)
        or pa.types.is_floating(t)
        or pa.types.is_decimal(t)
        or pa.types.is_temporal(t)
        or pa.types.is_boolean(t)
    ):
        try:
            return pc.cast(values, pa.string()).to_pylist()
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return [None if v is None else v.decode("utf-8", "replace") for v in values.to_pylist()]
    return [None if v is None else str(v) for v in values.to_pylist()]


def take(column: pa.ChunkedArray | pa.Array, rows: np.ndarray) -> pa.Array:
    """``column[rows]`` chunk by chunk: ``ChunkedArray.take`` may concatenate all chunks first,
    which would make sampling cost grow with the table."""
    if isinstance(column, pa.Array):
        return column.take(pa.array(rows))
    if column.num_chunks == 1:
        return column.chunk(0).take(pa.array(rows))
    lengths = np.array([len(c) for c in column.chunks], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)])
    which = np.searchsorted(starts, rows, side="right") - 1
    parts = []
    for k in np.unique(which):
        local = rows[which == k] - starts[k]
        parts.append(column.chunk(int(k)).take(pa.array(local)))
    if not parts:
        return pa.array([], column.type)
    return pa.concat_arrays(parts)


def column_sample(column: pa.ChunkedArray, rows: np.ndarray, sample_size: int) -> tuple[list[str], list[int]]:
    """Non-null values of ``column`` at ``rows`` (as strings) and their row numbers; topped up
    from the column's non-null positions when the sampled rows are mostly null."""

    def nonnull(ordinals: np.ndarray) -> tuple[np.ndarray, pa.Array]:
        # (int64: uint64 positions minus a chunk's int64 start would be float in :func:`take`)
        positions = pc.indices_nonzero(pc.is_valid(column)).to_numpy().astype(np.int64)
        pick = positions[ordinals]
        return pick, take(column, pick)

    return _merge(rows, take(column, rows), len(column) - column.null_count, sample_size, nonnull)


def _merge(
    rows: np.ndarray,
    taken: pa.Array,
    n_valid: int,
    sample_size: int,
    nonnull: Callable[[np.ndarray], tuple[np.ndarray, pa.Array]],
) -> tuple[list[str], list[int]]:
    """The sample of one column from its values at ``rows`` (``taken``); ``nonnull(ordinals)``
    gives the row numbers and values of the column's non-null values number ``ordinals``."""
    values = to_strings(taken)
    out = [(int(r), v) for r, v in zip(rows, values) if v is not None and v.strip() != ""]
    want = min(sample_size, n_valid)
    if len(out) < want // 2 and n_valid > len(out):
        # mostly null (or blank) where we looked: sample among non-null positions instead
        pick, picked = nonnull(sample_rows(n_valid, sample_size))
        extra = to_strings(picked)
        seen = {r for r, _ in out}
        out += [(int(r), v) for r, v in zip(pick, extra) if v is not None and v.strip() != "" and int(r) not in seen]
        out.sort()
        if len(out) > sample_size:
            out = [out[i] for i in sample_rows(len(out), sample_size)]
    return [v for _, v in out], [r for r, _ in out]


@dataclass
class TableSample:
    """What the classifier reads of a table: per column (in table order), the sampled values
    and their row numbers."""

    num_rows: int
    #: the evenly spaced row numbers sampled (before any column's top-up)
    rows: np.ndarray
    sample_size: int
    columns: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict)

    @property
    def column_names(self) -> list[str]:
        return list(self.columns)

    @classmethod
    def of_table(cls, table: pa.Table, sample_size: int) -> TableSample:
        rows = sample_rows(table.num_rows, sample_size)
        out = cls(table.num_rows, rows, sample_size)
        for name in table.column_names:
            out.columns[name] = column_sample(table.column(name), rows, sample_size)
        return out


def _clip(values: pa.Array, max_chars: int | None) -> pa.Array:
    if max_chars is None or not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        return values
    return pc.utf8_slice_codeunits(values, 0, max_chars)


def _batches(pf: Any, columns: list[str] | None = None) -> Iterator[tuple[int, pa.RecordBatch]]:
    """``(first row number, batch)`` over the whole file, in row order: one row group at a time,
    on one thread. (A reader over the whole file holds more the more row groups it has passed --
    Arrow's peak went 25 -> 63 MB from 2 to 32 row groups of the same size -- and a threaded one
    decodes ahead by as much as scheduling lets it; per row group the peak is one row group's.)"""
    start = 0
    for group in range(pf.metadata.num_row_groups):
        for batch in pf.iter_batches(
            batch_size=SAMPLE_BATCH_ROWS, columns=columns, row_groups=[group], use_threads=False
        ):
            yield start, batch
            start += batch.num_rows


def _rows_of(batch_start: int, batch_rows: int, rows: np.ndarray) -> np.ndarray:
    """The positions inside a batch of the sorted row numbers ``rows`` that fall into it."""
    lo, hi = np.searchsorted(rows, [batch_start, batch_start + batch_rows])
    return rows[lo:hi] - batch_start


def parquet_sample(path: Any, sample_size: int, *, max_chars: int | None = None) -> TableSample:
    """:meth:`TableSample.of_table` of a Parquet file (a path or a lake handle of
    :mod:`warehouse.storage`), read one record batch at a time: the sampled rows are kept, the
    rest only counted. ``max_chars``: text values are cut to that many characters (the classifier
    of a pipeline run sees at most that much of a value)."""
    from warehouse import storage

    pf = storage.parquet_file(path)
    n = pf.metadata.num_rows
    names = pf.schema_arrow.names
    rows = sample_rows(n, sample_size)
    parts: list[pa.RecordBatch] = []
    n_valid = dict.fromkeys(names, 0)
    for start, batch in _batches(pf):
        for name, col in zip(names, batch.columns):
            n_valid[name] += len(col) - col.null_count
        local = _rows_of(start, batch.num_rows, rows)
        if len(local):
            parts.append(batch.take(pa.array(local)))
    taken = pa.Table.from_batches(parts, schema=pf.schema_arrow)
    out = TableSample(n, rows, sample_size)
    for name in names:

        def nonnull(ordinals: np.ndarray, name: str = name) -> tuple[np.ndarray, pa.Array]:
            return _nonnull_rows(pf, name, ordinals, max_chars)

        values = _clip(taken.column(name).combine_chunks(), max_chars)
        out.columns[name] = _merge(rows, values, n_valid[name], sample_size, nonnull)
    return out


def _nonnull_rows(pf: Any, name: str, ordinals: np.ndarray, max_chars: int | None) -> tuple[np.ndarray, pa.Array]:
    """Row numbers and values of the non-null values number ``ordinals`` (sorted) of one column,
    one record batch at a time."""
    picks: list[np.ndarray] = []
    parts: list[pa.Array] = []
    seen = 0
    for start, batch in _batches(pf, [name]):
        col = batch.column(0)
        positions = pc.indices_nonzero(pc.is_valid(col)).to_numpy().astype(np.int64)
        local = _rows_of(seen, len(positions), ordinals)
        if len(local):
            picks.append(positions[local] + start)
            parts.append(col.take(pa.array(positions[local])))
        seen += len(positions)
    if not parts:
        return np.array([], np.int64), pa.array([], pf.schema_arrow.field(name).type)
    return np.concatenate(picks), _clip(pa.concat_arrays(parts), max_chars)
