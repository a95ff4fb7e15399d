"""What changed in a dataset's schema between two versions (pure; used by the version diffs on
dataset pages, the Atom feeds and the webhook payloads).

Removing, renaming (a removed and an added column of the same type at the same position) or
retyping a column is *breaking* for consumers; adding one is not.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["schema_changes", "version_changes"]


def schema_changes(old: list[dict[str, str]], new: list[dict[str, str]]) -> dict[str, Any]:
    old_types = {c["name"]: c["type"] for c in old}
    new_types = {c["name"]: c["type"] for c in new}
    removed = [c["name"] for c in old if c["name"] not in new_types]
    added = [c["name"] for c in new if c["name"] not in old_types]
    retyped = [
        {"name": n, "from": old_types[n], "to": new_types[n]}
        for n in old_types
        if n in new_types and old_types[n] != new_types[n]
    ]
    renamed = []
    old_pos = {c["name"]: i for i, c in enumerate(old)}
    new_pos = {c["name"]: i for i, c in enumerate(new)}
    for r in list(removed):
        for a in list(added):
            if old_types[r] == new_types[a] and old_pos[r] == new_pos[a]:
                renamed.append({"from": r, "to": a})
                removed.remove(r)
                added.remove(a)
                break
    breaking = bool(removed or retyped or renamed)
    return {"added": added, "removed": removed, "retyped": retyped, "renamed": renamed, "breaking": breaking}


def version_changes(older_schema_json: str | None, newer_schema_json: str | None) -> dict[str, Any] | None:
    """:func:`schema_changes` of two versions' ``schema_json`` (``None`` for a first version)."""
    if not older_schema_json:
        return None
    return schema_changes(json.loads(older_schema_json), json.loads(newer_schema_json or "[]"))
