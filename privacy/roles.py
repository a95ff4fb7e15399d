"""The role vocabulary: which columns of a table about people are direct identifiers,
quasi-identifiers, sensitive attributes or other, and the hierarchy each quasi-identifier climbs.

Read from ``privacy/roles.yaml`` (or the file the negative list names in ``defaults.roles``);
a malformed file raises :class:`core.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core import ConfigError
from privacy.hierarchy import HIERARCHY_NAMES, Hierarchy
from privacy.types import Level, valid_regex

__all__ = ["DEFAULT_ROLES_PATH", "Role", "RoleMatch", "Roles", "load_roles"]

DEFAULT_ROLES_PATH = Path(__file__).with_name("roles.yaml")

Role = Literal["direct", "quasi", "sensitive", "other"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _TypeMap(_M):
    pattern: str
    type: str = Field(min_length=1)

    _regex = field_validator("pattern")(valid_regex)


class _HierarchySpec(_M):
    levels: list[str] = Field(min_length=1)
    basis: str = Field(min_length=1)
    types: list[_TypeMap] = Field(default_factory=list)


class _Entry(_M):
    role: Role
    hierarchy: str | None = None
    entities: list[str] = Field(default_factory=list)
    names: str | None = None
    standards: list[str] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    basis: str = Field(min_length=1)

    _regex = field_validator("names")(valid_regex)

    @model_validator(mode="after")
    def _coherent(self) -> _Entry:
        if not (self.entities or self.names or self.standards):
            raise ValueError("an entry needs entities, names or standards to match")
        if self.role in ("quasi", "sensitive") and not self.hierarchy:
            raise ValueError(f"a {self.role} entry needs a hierarchy")
        if self.role in ("direct", "other") and self.hierarchy:
            raise ValueError(f"a {self.role} entry takes no hierarchy")
        return self


#: the levels each hierarchy knows (privacy/hierarchy.py), finest first
_LEVELS: dict[str, tuple[str, ...]] = {
    "date": ("day", "month", "quarter", "year"),
    "month": ("month", "quarter", "year"),
    "birth_date": ("age_5", "age_10", "age_20"),
    "age": ("value", "age_5", "age_10", "age_20"),
    "division": ("county", "city", "province"),
    "address": ("county", "city", "province"),
    "postcode": ("value", "area", "province"),
    "category": ("value",),
    "institution": ("value", "type"),
    "amount": ("band_2", "band_1", "magnitude"),
}


class _File(_M):
    version: str | int
    sources: dict[str, str] = Field(default_factory=dict)
    hierarchies: dict[str, _HierarchySpec]
    roles: list[_Entry]

    @model_validator(mode="after")
    def _known(self) -> _File:
        unknown = sorted(set(self.hierarchies) - set(HIERARCHY_NAMES))
        if unknown:
            raise ValueError(f"unknown hierarchies {unknown}; known: {', '.join(HIERARCHY_NAMES)}")
        for name, h in self.hierarchies.items():
            allowed = _LEVELS[name]
            bad = [
                lv
                for lv in h.levels
                if lv not in allowed and not (name in ("age", "birth_date") and re.fullmatch(r"age_\d+", lv))
            ]
            if bad:
                raise ValueError(f"hierarchies.{name}: unknown levels {bad}; known: {', '.join(allowed)}")
        for i, e in enumerate(self.roles):
            if e.hierarchy and e.hierarchy not in self.hierarchies:
                raise ValueError(f"roles[{i}]: hierarchy {e.hierarchy!r} is not declared under hierarchies")
        return self


@dataclass(frozen=True)
class RoleMatch:
    role: Role
    hierarchy: Hierarchy | None
    basis: str
    #: an entry matched (False: nothing did, the column is ``other`` by default)
    matched: bool


@dataclass(frozen=True)
class Roles:
    version: str
    hierarchies: dict[str, Hierarchy]
    entries: tuple[_Entry, ...]
    source: str

    def match(self, name: str, entity: str | None, level: Level, standard: str | None = None) -> RoleMatch:
        """The role of a column (first matching entry), with its hierarchy and basis."""
        for e in self.entries:
            if e.levels and level not in e.levels:
                continue
            if (
                (entity is not None and entity in e.entities)
                or (e.names is not None and re.search(e.names, name, flags=re.IGNORECASE))
                or (standard is not None and standard in e.standards)
            ):
                return RoleMatch(e.role, self.hierarchies[e.hierarchy] if e.hierarchy else None, e.basis, True)
        return RoleMatch("other", None, "no entry of the role vocabulary matches", False)


@functools.cache
def _load(path: str) -> Roles:
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read the role vocabulary ({exc.strerror})") from None
    except yaml.YAMLError:
        raise ConfigError(f"{p}: is not valid YAML") from None
    try:
        f = _File.model_validate(raw)
    except ValidationError as exc:
        lines = [
            f"{p}: {'.'.join(str(x) for x in e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()[:10]
        ]
        raise ConfigError("\n".join(lines), hint="see privacy/roles.yaml for the format") from None
    hierarchies = {
        n: Hierarchy(n, tuple(h.levels), h.basis, tuple((t.pattern, t.type) for t in h.types))
        for n, h in f.hierarchies.items()
    }
    return Roles(str(f.version), hierarchies, tuple(f.roles), str(p))


def load_roles(path: str | Path | None = None) -> Roles:
    """The role vocabulary at ``path`` (default: the shipped ``privacy/roles.yaml``); cached."""
    return _load(str(Path(path or DEFAULT_ROLES_PATH).resolve()))
