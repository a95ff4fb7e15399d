"""Vocabularies as data: column-name terms (``names/*.yaml``) and value terms (``values/*.yaml``).

Every entry cites its source (see ``names/README.md``). This module loads them and derives what
is not typed by hand:

* the full pinyin and the pinyin initials of every Chinese column-name term (``身份证号`` ->
  ``shenfenzhenghao``, ``sfzh``), with ``pypinyin``;
* the pinyin forms of the surnames of ``values/persons.yaml`` (for names written in pinyin) and
  the set of valid pinyin syllables.

The derived index is built once and cached as JSON, keyed by a hash of the YAML files and the
pypinyin version: first next to this package (written by ``make install``:
``python -m privacy.vocabulary``), else under ``PUBDATA_HOME/cache/``. Loading the cached index
costs a few milliseconds; building it (importing pypinyin) about a second.

Public API::

    value_terms(file) -> {group: (term, ...)}          # values/<file>.yaml
    name_index() -> NameIndex                            # the derived column-name index
    pinyin_surnames() -> frozenset[str]; pinyin_syllables() -> frozenset[str]
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from core import ConfigError

__all__ = [
    "KINDS",
    "NameEntry",
    "NameIndex",
    "VOCABULARY_DIR",
    "build_index",
    "default_levels",
    "initialisms",
    "name_index",
    "pinyin_surnames",
    "pinyin_syllables",
    "value_terms",
    "write_package_cache",
]

VOCABULARY_DIR = Path(__file__).parent
#: kinds of column-name entries besides entities (see names/README.md)
KINDS = (
    "role",
    "org",
    "people_key",
    "aggregate",
    "not_income",
    "attribute",
    "code",
    "enum",
    "event_date",
    "amount",
    "org_name_word",
    "free_text_public",
    "text",
    "status",
)
_INDEX_FORMAT = 6
_PACKAGE_CACHE = VOCABULARY_DIR / ".index.json"
#: the default level policy, parsed into the same cache (its YAML parser is slow to import)
_LEVELS = VOCABULARY_DIR.parent / "levels.yaml"
#: heads of data-element names written in pinyin initials (see the file's comments)
_INITIALISMS = VOCABULARY_DIR / "initialisms.yaml"
#: name entries whose initials, before a head, name a person's own data (not an object word)
_NOT_PERSONAL_ENTITIES = frozenset({"ORG_NAME", "USCC"})
#: endings stripped from a personal term to get the object word its initials spell (护照号 -> 护照)
_NUMBER_ENDINGS = ("号码", "编号", "号", "码")


class NameEntry(NamedTuple):
    """What a column-name term means: an entity (``kind == "entity"``) or another kind."""

    kind: str
    entity: str | None
    term: str
    #: how the column name spelled it: zh | en | pinyin | initials | abbr
    form: str
    source: str
    #: the term names an organisation's contact or place (经营场所, 注册地址)
    org: bool = False
    #: a stricter level than the entity's (房屋坐落: the address of a person's property)
    level: str | None = None


@dataclass(frozen=True)
class NameIndex:
    """Chinese terms (substring match) and Latin keys (English words, pinyin, initials); each
    key maps to its entries (:meth:`zh` / :meth:`latin` build them on first lookup)."""

    _zh: dict[str, list[list[Any]]]
    _latin: dict[str, list[list[Any]]]
    _records: list[dict[str, Any]]
    #: longest Chinese term, for the segmenter
    zh_max: int
    latin_max_tokens: int

    def _entries(self, raw: list[list[Any]] | None) -> list[NameEntry]:
        if not raw:
            return []
        out = []
        for rec_i, form, term in raw:
            rec = self._records[rec_i]
            out.append(
                NameEntry(
                    rec["kind"], rec["entity"], term, form, rec["source"], rec.get("org", False), rec.get("level")
                )
            )
        return out

    def zh(self, key: str) -> list[NameEntry]:
        return self._entries(self._zh.get(key))

    def latin(self, key: str) -> list[NameEntry]:
        return self._entries(self._latin.get(key))

    def has_latin(self, key: str) -> bool:
        return key in self._latin


# ------------------------------------------------------------------------------ YAML files


def _yaml_files(sub: str) -> list[Path]:
    return sorted((VOCABULARY_DIR / sub).glob("*.yaml"))


def _read_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path.name}: cannot read the vocabulary ({str(exc).splitlines()[0]})") from None


def _parse_values(path: Path) -> dict[str, list[str]]:
    data = _read_yaml(path)
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, dict):
        raise ConfigError(f"{path.name}: expected a mapping with a 'groups' mapping")
    out: dict[str, list[str]] = {}
    for name, spec in groups.items():
        if not isinstance(spec, dict) or not str(spec.get("source", "")).strip():
            raise ConfigError(f"{path.name}: groups.{name}: every group needs a source")
        terms = spec.get("terms")
        if not isinstance(terms, list) or not terms:
            raise ConfigError(f"{path.name}: groups.{name}: expected a non-empty list of terms")
        odd = [t for t in terms if not isinstance(t, str)]
        if odd:  # YAML reads a bare no/yes/on/off as a boolean
            raise ConfigError(f"{path.name}: groups.{name}: {odd!r} is not text", hint='quote it: "no"')
        out[name] = [str(t) for t in terms]
    return out


def _parse_names(path: Path) -> list[dict[str, Any]]:
    from privacy.types import ENTITIES

    known = set(ENTITIES)
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path.name}: expected a mapping with an 'entries' list")
    default_source = str(data.get("source", "")).strip()
    out = []
    for i, e in enumerate(data["entries"]):
        where = f"{path.name}: entries[{i}]"
        if not isinstance(e, dict):
            raise ConfigError(f"{where}: expected a mapping")
        entity, kind = e.get("entity"), e.get("kind")
        if (entity is None) == (kind is None):
            raise ConfigError(f"{where}: give either 'entity' or 'kind'")
        if entity is not None and entity not in known:
            raise ConfigError(f"{where}: unknown entity {entity!r}", hint=f"use one of {', '.join(sorted(known))}")
        if kind is not None and kind not in KINDS:
            raise ConfigError(f"{where}: unknown kind {kind!r}", hint=f"use one of {', '.join(KINDS)}")
        source = str(e.get("source") or default_source).strip()
        if not source:
            raise ConfigError(f"{where}: no source (give one for the entry or the file)")
        level = e.get("level")
        if level is not None and (entity is None or level not in ("personal", "sensitive")):
            raise ConfigError(f"{where}: 'level' raises an entity's level: personal or sensitive, with an entity")
        lists = {k: e.get(k) or [] for k in ("zh", "en", "abbr", "prefer_initials")}
        for k, v in lists.items():
            if not isinstance(v, list):
                raise ConfigError(f"{where}: {k} must be a list")
            odd = [t for t in v if not isinstance(t, str)]
            if odd:  # YAML reads a bare no/yes/on/off as a boolean
                raise ConfigError(f"{where}: {k} has {odd!r}, not text", hint='quote it: "no"')
        out.append(
            {
                "kind": "entity" if entity else kind,
                "entity": entity,
                "zh": [str(t) for t in lists["zh"]],
                "en": [str(t) for t in lists["en"]],
                "abbr": [str(t) for t in lists["abbr"]],
                "prefer_initials": [str(t) for t in lists["prefer_initials"]],
                "pinyin": bool(e.get("pinyin", True)),
                "initials": bool(e.get("initials", True)),
                "org": bool(e.get("org", False)),
                "level": level,
                "source": f"{path.name}: {source}",
            }
        )
    return out


# ------------------------------------------------------------------------------ derivation


def _pypinyin_version() -> str:
    """pypinyin's installed version, from its dist-info folder name (importlib.metadata and
    pypinyin itself are slow to import)."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return "no-pypinyin"
    site = Path(next(iter(spec.submodule_search_locations))).parent
    found = sorted(p.name for p in site.glob("pypinyin-*.dist-info"))
    return found[-1] if found else "pypinyin-unknown"


def _fingerprint() -> str:
    h = hashlib.sha256(f"format {_INDEX_FORMAT}".encode())
    for p in [*_yaml_files("names"), *_yaml_files("values"), _LEVELS, _INITIALISMS]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update(_pypinyin_version().encode())
    return h.hexdigest()[:16]


def _latin_key(term: str) -> str:
    """English terms as lower-case words joined by one space (``ID No.`` -> ``id no``)."""
    import re

    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", term)
    return " ".join(t for t in re.split(r"[^0-9a-zA-Z]+", spaced.lower()) if t)


def build_index() -> dict[str, Any]:
    """Parse every YAML file and derive the pinyin forms (imports pypinyin: ~1 s)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    names: list[dict[str, Any]] = []
    names_zh: list[tuple[str, str | None, list[str]]] = []
    preferred: set[str] = set()
    for p in _yaml_files("names"):
        for e in _parse_names(p):
            names_zh.append((e["kind"], e["entity"], e["zh"]))
            preferred.update(e["prefer_initials"])
            rec = {"kind": e["kind"], "entity": e["entity"], "source": e["source"], "forms": []}
            if e["org"]:
                rec["org"] = True
            if e["level"]:
                rec["level"] = e["level"]
            for t in e["zh"]:
                rec["forms"].append(("zh", t, t.lower()))
                cjk = "".join(ch for ch in t if "\u4e00" <= ch <= "\u9fff")
                if not e["pinyin"] or len(cjk) < 2 or cjk != t:
                    continue
                full = lazy_pinyin(t)
                rec["forms"].append(("pinyin", t, " ".join(full)))
                if not e["initials"]:
                    continue
                initials = "".join(lazy_pinyin(t, style=Style.FIRST_LETTER))
                rec["forms"].append(("initials" if len(t) > 2 else "initials2", t, initials))
            for t in e["en"]:
                rec["forms"].append(("en", t, _latin_key(t)))
            for t in e["abbr"]:
                rec["forms"].append(("abbr", t, _latin_key(t)))
            names.append(rec)
    # two-letter initials (xm, jg, zz) are ambiguous: a key whose terms mean different things
    # is kept only for the meanings an entry prefers (prefer_initials: 姓名 for xm), else dropped
    two: dict[str, list[tuple[int, str]]] = {}
    for i, rec in enumerate(names):
        for form, term, key in rec["forms"]:
            if form == "initials2":
                two.setdefault(key, []).append((i, term))
    keep_two: set[tuple[int, str]] = set()
    for items in two.values():
        meanings = {(names[i]["kind"], names[i]["entity"]) for i, _ in items}
        if len(meanings) == 1:
            keep_two.update(items)
        else:
            keep_two.update((i, t) for i, t in items if t in preferred)
    zh: dict[str, list[list[Any]]] = {}
    latin: dict[str, list[list[Any]]] = {}
    for i, rec in enumerate(names):
        for form, term, key in rec["forms"]:
            if form == "initials2":
                if (i, term) not in keep_two:
                    continue
                form = "initials"
            item = [i, form, term]
            if form == "zh":
                zh.setdefault(key, []).append(item)
            elif form == "pinyin":
                latin.setdefault(key, []).append(item)  # "shen fen zheng hao"
                latin.setdefault(key.replace(" ", ""), []).append(item)  # "shenfenzhenghao"
            else:
                latin.setdefault(key, []).append(item)
                if " " in key:
                    latin.setdefault(key.replace(" ", ""), []).append(item)  # "idnumber"
        del rec["forms"]
    values = {p.stem: _parse_values(p) for p in _yaml_files("values")}
    persons = values.get("persons", {})
    surnames = set()
    for s in persons.get("surnames", []) + persons.get("compound_surnames", []):
        for reading in _readings(s, pinyin, Style):
            surnames.add(reading)
    syllables: set[str] = set()
    for cp in range(0x4E00, 0x9FA6):
        syllables.update(r for r in pinyin(chr(cp), style=Style.NORMAL, heteronym=True)[0] if r.isalpha())
    levels = _read_yaml(_LEVELS)
    return {
        "format": _INDEX_FORMAT,
        "levels": levels,
        "initialisms": _initialisms(names_zh, levels, lazy_pinyin, Style),
        "names": names,
        "zh": zh,
        "latin": latin,
        "values": values,
        "pinyin_surnames": sorted(surnames),
        "pinyin_syllables": sorted(s for s in syllables if s.isascii()),
    }


def _initialisms(
    names_zh: list[tuple[str, str | None, list[str]]], levels: Any, lazy_pinyin: Any, style: Any
) -> dict[str, Any]:
    """``initialisms.yaml`` derived: the initials of its heads (``bh``: 编号), the initials of
    every word naming a person's own data (entities, role words, keys of persons; also without
    a number ending: 护照号 -> ``hz``), and the pinyin and initials of the Chinese record words
    of ``levels.yaml`` (``person_key.one_per_row.record_words``: 申请 -> ``shenqing``, ``sq``)."""
    data = _read_yaml(_INITIALISMS)
    if not isinstance(data, dict) or not isinstance(data.get("heads"), dict):
        raise ConfigError(f"{_INITIALISMS.name}: expected a mapping with a 'heads' mapping")
    heads_spec = data["heads"]
    if not str(heads_spec.get("source", "")).strip() or not isinstance(heads_spec.get("terms"), list):
        raise ConfigError(f"{_INITIALISMS.name}: heads needs a source and a list of terms")

    def initials(term: str) -> str:
        return "".join(lazy_pinyin(term, style=style.FIRST_LETTER)).lower()

    heads = {initials(str(t)): str(t) for t in heads_spec["terms"]}
    personal: set[str] = set()
    for kind, entity, terms in names_zh:
        if kind not in ("entity", "role", "people_key") or entity in _NOT_PERSONAL_ENTITIES:
            continue
        for t in terms:
            if not all("\u4e00" <= ch <= "\u9fff" for ch in t):
                continue
            personal.add(initials(t))
            for end in _NUMBER_ENDINGS:
                if t.endswith(end) and len(t) - len(end) >= 2:
                    personal.add(initials(t[: -len(end)]))
    rule = (levels.get("person_key") or {}).get("one_per_row") or {} if isinstance(levels, dict) else {}
    records = [
        ["".join(lazy_pinyin(w)).lower(), initials(w)]
        for w in (str(w) for w in rule.get("record_words") or [])
        if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    ]
    return {
        "heads": heads,
        "personal": sorted(personal),
        "records": records,
        "min_prefix": int(data.get("min_prefix_letters", 2)),
        "max_prefix": int(data.get("max_prefix_letters", 6)),
    }


def _readings(word: str, pinyin: Any, style: Any) -> list[str]:
    """Every pinyin reading of a surname (单: dan/shan; 曾: zeng/ceng), syllables joined."""
    out = [""]
    for readings in pinyin(word, style=style.NORMAL, heteronym=True):
        out = [o + r for o in out for r in readings if r.isascii()]
    return out


def _cache_paths(fp: str) -> list[Path]:
    paths = [_PACKAGE_CACHE]
    try:
        from core import home

        paths.append(home() / "cache" / f"vocabulary-{fp}.json")
    except Exception:  # an unusable PUBDATA_HOME only costs the rebuild
        pass
    return paths


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


@functools.cache
def _raw() -> dict[str, Any]:
    fp = _fingerprint()
    paths = _cache_paths(fp)
    for p in paths:
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("fingerprint") == fp:
            return data
    data = build_index()
    data["fingerprint"] = fp
    for p in paths[1:]:
        try:
            _write_atomic(p, data)
            break
        except OSError:
            continue
    return data


def write_package_cache() -> Path:
    """Build the index and write it next to the package (``make install`` runs this)."""
    data = build_index()
    data["fingerprint"] = _fingerprint()
    _write_atomic(_PACKAGE_CACHE, data)
    return _PACKAGE_CACHE


# ------------------------------------------------------------------------------ public API


def value_terms(file: str) -> dict[str, tuple[str, ...]]:
    """The groups of ``values/<file>.yaml``: ``{group: (term, ...)}``."""
    groups = _raw()["values"].get(file)
    if groups is None:
        raise ConfigError(f"no value vocabulary {file!r} in {VOCABULARY_DIR / 'values'}")
    return {g: tuple(t) for g, t in groups.items()}


@functools.cache
def name_index() -> NameIndex:
    raw = _raw()
    return NameIndex(
        _zh=raw["zh"],
        _latin=raw["latin"],
        _records=raw["names"],
        zh_max=max((len(k) for k in raw["zh"]), default=1),
        latin_max_tokens=max((k.count(" ") + 1 for k in raw["latin"]), default=1),
    )


def initialisms() -> dict[str, Any]:
    """``initialisms.yaml`` derived (see :func:`_initialisms`): ``heads`` {initials: term},
    ``personal`` [initials], ``records`` [[pinyin, initials]], ``min_prefix``, ``max_prefix``."""
    return _raw()["initialisms"]


def default_levels() -> Any:
    """``privacy/levels.yaml`` as parsed data, from the cache."""
    return _raw()["levels"]


@functools.cache
def pinyin_surnames() -> frozenset[str]:
    return frozenset(_raw()["pinyin_surnames"])


@functools.cache
def pinyin_syllables() -> frozenset[str]:
    return frozenset(_raw()["pinyin_syllables"])
