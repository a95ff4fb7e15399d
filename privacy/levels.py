"""The level policy: entity -> level (``sensitive`` | ``personal`` | ``none``) and the clause it
cites, read from ``privacy/levels.yaml`` (or a file given by path). Malformed files raise
:class:`pubdata.ConfigError` naming the file and the entry."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core import ConfigError
from privacy.types import ENTITIES, LEVELS, Level

__all__ = ["DEFAULT_LEVELS_PATH", "LevelPolicy", "load_levels"]

DEFAULT_LEVELS_PATH = Path(__file__).with_name("levels.yaml")


@dataclass(frozen=True)
class LevelPolicy:
    """Levels per entity with their legal basis."""

    levels: dict[str, Level]
    clauses: dict[str, str]
    minors_age: int = 14
    minors_level: Level = "sensitive"
    minors_clause: str = ""
    context_level: Level = "none"
    context_clause: str = ""
    #: welfare, hardship or credit status of a person (no entity of its own)
    status_level: Level = "sensitive"
    status_clause: str = ""
    #: internal identifiers of persons (no entity of its own)
    person_key_level: Level = "personal"
    person_key_clause: str = ""
    source: str = field(default="", compare=False)

    def level(self, entity: str | None) -> Level:
        """Level of an entity (``none`` for None); an entity missing from the policy is
        ``personal`` -- unknown personal data is never silently dropped."""
        if entity is None:
            return "none"
        return self.levels.get(entity, "personal")

    def clause(self, entity: str | None) -> str:
        return self.clauses.get(entity or "", "")


def _level(value: object, where: str) -> Level:
    if value not in LEVELS:
        raise ConfigError(f"{where}: level {value!r} is not one of {list(LEVELS)}")
    return value


def _parse(data: object, name: str) -> LevelPolicy:
    if not isinstance(data, dict) or not isinstance(data.get("entities"), dict):
        raise ConfigError(
            f"{name}: expected a mapping with an 'entities' mapping", hint="see privacy/levels.yaml for the format"
        )
    levels: dict[str, Level] = {}
    clauses: dict[str, str] = {}
    for entity, spec in data["entities"].items():
        where = f"{name}: entities.{entity}"
        if entity not in ENTITIES:
            raise ConfigError(f"{where}: unknown entity", hint=f"use one of {', '.join(ENTITIES)}")
        if isinstance(spec, str):
            spec = {"level": spec}
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: expected {{level: ..., clause: ...}}")
        levels[entity] = _level(spec.get("level"), where)
        clauses[entity] = str(spec.get("clause", ""))
    minors = data.get("minors") or {}
    context = data.get("context") or {}
    status = data.get("status") or {}
    person_key = data.get("person_key") or {}
    try:
        age = int(minors.get("age_under", 14))
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: minors.age_under must be a whole number") from None
    return LevelPolicy(
        levels=levels,
        clauses=clauses,
        minors_age=age,
        minors_level=_level(minors.get("level", "sensitive"), f"{name}: minors"),
        minors_clause=str(minors.get("clause", "")),
        context_level=_level(context.get("level", "none"), f"{name}: context"),
        context_clause=str(context.get("clause", "")),
        status_level=_level(status.get("level", "sensitive"), f"{name}: status"),
        status_clause=str(status.get("clause", "")),
        person_key_level=_level(person_key.get("level", "personal"), f"{name}: person_key"),
        person_key_clause=str(person_key.get("clause", "")),
        source=name,
    )


@functools.cache
def _load(path: str) -> LevelPolicy:
    p = Path(path)
    if p == DEFAULT_LEVELS_PATH.resolve():
        from privacy.vocabulary import default_levels  # parsed once, cached with the vocabulary

        return _parse(default_levels(), p.name)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read the level policy ({exc.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{p.name}: is not valid YAML ({str(exc).splitlines()[0]})") from None
    return _parse(data, p.name)


def load_levels(path: str | Path | None = None) -> LevelPolicy:
    """The level policy at ``path`` (default: the shipped ``privacy/levels.yaml``); cached."""
    return _load(str(Path(path or DEFAULT_LEVELS_PATH).resolve()))
