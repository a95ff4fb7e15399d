"""Arrow types map to Table Schema types in one table (portal's datapackage and the harvester)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from warehouse.types import table_schema_type


@pytest.mark.parametrize(
    ("arrow", "expected"),
    [
        (pa.string(), "string"),
        (pa.large_string(), "string"),
        (pa.int64(), "integer"),
        (pa.uint8(), "integer"),
        (pa.float64(), "number"),
        (pa.decimal128(12, 2), "number"),
        (pa.bool_(), "boolean"),
        (pa.date32(), "date"),
        (pa.timestamp("us"), "datetime"),
        (pa.time64("us"), "time"),
        (pa.binary(), "any"),
        (None, "any"),
    ],
)
def test_arrow_types_as_table_schema_types(arrow, expected) -> None:
    assert table_schema_type(None if arrow is None else str(arrow)) == expected


def test_the_harvester_default_replaces_unknown_types() -> None:
    assert table_schema_type(str(pa.binary()), default="string") == "string"
