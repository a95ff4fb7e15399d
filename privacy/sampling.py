"""Sampling of table values for the classifier: at most ``sample_size`` non-null values per
column, spread evenly over the whole table (not only its head), so the cost of classifying
does not grow with the table.

Rows are sampled once per table (evenly spaced row numbers), so values of one sampled row
stay aligned across columns (needed for lat/lon pairs and minors). A column that is mostly
null in those rows is topped up from its non-null positions, again evenly spaced.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core.settings import int_setting

__all__ = ["default_sample_size", "sample_rows", "column_sample", "take", "to_strings"]


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
    taken = take(column, rows)
    values = to_strings(taken)
    out = [(int(r), v) for r, v in zip(rows, values) if v is not None and v.strip() != ""]
    n_valid = len(column) - column.null_count
    want = min(sample_size, n_valid)
    if len(out) < want // 2 and n_valid > len(out):
        # mostly null (or blank) where we looked: sample among non-null positions instead
        positions = pc.indices_nonzero(pc.is_valid(column)).to_numpy()
        pick = positions[sample_rows(len(positions), sample_size)]
        extra = to_strings(take(column, pick))
        seen = {r for r, _ in out}
        out += [(int(r), v) for r, v in zip(pick, extra) if v is not None and v.strip() != "" and int(r) not in seen]
        out.sort()
        if len(out) > sample_size:
            out = [out[i] for i in sample_rows(len(out), sample_size)]
    return [v for _, v in out], [r for r, _ in out]
