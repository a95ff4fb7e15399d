"""Arrow types as Frictionless Table Schema field types: the one table of them.

Used where a published or harvested file's Arrow schema becomes a Table Schema (the portal's
``datapackage.json`` and pages) or a manifest column type (the harvester's inferred columns).
"""

from __future__ import annotations

__all__ = ["table_schema_type"]

#: Arrow type-name prefix -> Table Schema type (first match wins; ``large_string`` before ``string``)
_TYPES = (
    ("large_string", "string"),
    ("string", "string"),
    ("int", "integer"),
    ("uint", "integer"),
    ("double", "number"),
    ("float", "number"),
    ("decimal", "number"),
    ("bool", "boolean"),
    ("date", "date"),
    ("timestamp", "datetime"),
    ("time", "time"),
)


def table_schema_type(arrow_type: str | None, default: str = "any") -> str:
    """The Table Schema type of an Arrow type written as text (``int64``, ``timestamp[us]`` ...);
    ``default`` when none fits."""
    t = (arrow_type or "").lower()
    return next((name for prefix, name in _TYPES if t.startswith(prefix)), default)
