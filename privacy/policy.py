"""The negative list (负面清单): a versioned YAML policy and the decision it yields per dataset.

Decision rules (the defaults; ``policy/README.md`` documents the file):

* **Dataset tier.** A rule with action ``withhold`` (不予开放) or ``conditional`` (有条件开放)
  that matches the dataset sets its tier; ``withhold`` beats ``conditional``; among rules of
  the same strength the first in file order names the decision. A dataset no such rule
  matches is opened unconditionally (无条件开放). Column keys in a dataset rule mean "the
  dataset has such a column".
* **Column floor (no rule can lower it).** ``sensitive`` columns never appear in clear in open
  data: they are dropped, unless a rule says ``pseudonymise`` and the entity is an
  identifier (keyed HMAC with a *public* purpose key distinct from every sharing key).
  ``personal`` columns are masked or generalised by entity (name → 张*, mobile →
  138****8000, address → district, birth date → age band or year, coordinates → 0.01° grid,
  plate → 粤B****5, e-mail → z***@domain, IP → /24); a personal column whose entity has no
  method is dropped. ``none`` columns are published as they are. An undeclared or unknown
  level counts as ``sensitive``.
* **Column rules** can only make a column stricter (publish < mask = generalise <
  pseudonymise < encrypt = drop). A rule asking for less than the floor is ignored and the
  reason says so. Among several matching column rules the strictest wins, then file order.
  ``encrypt`` removes the column from open data and encrypts it in every shared variant whose
  scope includes it.
* **Minors.** If the classifier found rows about children under 14, person columns of those
  rows follow the sensitive rules: they are emptied row by row when a birth date or ID
  column gives the age, otherwise every personal column is dropped.
* **k-anonymity** applies to row-level tables about people (manifest ``about_people``, or
  inferred from person entities) over the quasi-identifiers the policy names.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core import ConfigError
from core.settings import path_setting
from privacy.types import LEVELS, ColumnClassification, Level, stricter
from warehouse.manifest import Dataset, Department

__all__ = [
    "ACTIONS",
    "COLUMN_ACTIONS",
    "ColumnDecision",
    "DatasetDecision",
    "METHODS",
    "Policy",
    "Rule",
    "decide",
    "load_policy",
]

ColumnAction = Literal["publish", "mask", "generalise", "drop", "pseudonymise", "encrypt"]
DatasetAction = Literal["withhold", "conditional"]
OpenTier = Literal["open", "conditional", "withheld"]
COLUMN_ACTIONS: tuple[str, ...] = ("publish", "mask", "generalise", "drop", "pseudonymise", "encrypt")
ACTIONS: tuple[str, ...] = ("withhold", "conditional") + COLUMN_ACTIONS
#: How protective an action is for *open* data (encrypt removes the column from open data).
_RANK = {"publish": 0, "mask": 1, "generalise": 1, "pseudonymise": 2, "encrypt": 3, "drop": 3}

#: method -> the action it implements (``privacy.deid`` holds the SQL of each).
METHODS: dict[str, str] = {
    "mask_name": "mask",
    "mask_phone": "mask",
    "mask_id": "mask",
    "mask_card": "mask",
    "mask_email": "mask",
    "mask_plate": "mask",
    "mask_generic": "mask",
    "district": "generalise",
    "division": "generalise",
    "age_band": "generalise",
    "birth_year": "generalise",
    "date_month": "generalise",
    "date_year": "generalise",
    "grid": "generalise",
    "ip_prefix": "generalise",
    "category": "generalise",
    "hmac": "pseudonymise",
    "drop": "drop",
    "publish": "publish",
    "aes_gcm": "encrypt",
    "aes_siv": "encrypt",
}

_DEFAULT_METHODS: dict[str, str] = {
    "PERSON_NAME": "mask_name",
    "PHONE_NUMBER": "mask_phone",
    "ADDRESS": "district",
    "DATE_OF_BIRTH": "age_band",
    "PRECISE_LOCATION": "grid",
    "LICENSE_PLATE": "mask_plate",
    "EMAIL": "mask_email",
    "IP_ADDRESS": "ip_prefix",
    "CN_RESIDENT_ID": "mask_id",
    "BANK_CARD": "mask_card",
    "CREDIT_CARD": "mask_card",
    "REGION_CODE": "division",
    "GENDER": "category",
    "ETHNICITY": "category",
    "OCCUPATION": "category",
    "EDUCATION": "category",
    "AGE": "category",
    "MARITAL_STATUS": "category",
}
_DEFAULT_IDENTIFIERS = ("CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "SOCIAL_SECURITY_NUMBER", "PERSON_ID")
_DEFAULT_QI_ENTITIES = (
    "GENDER",
    "DATE_OF_BIRTH",
    "AGE",
    "ADDRESS",
    "OCCUPATION",
    "ETHNICITY",
    "EDUCATION",
    "REGION_CODE",
    "POSTCODE",
    "MARITAL_STATUS",
)
_DEFAULT_QI_NAMES = (
    r"性别|年龄|职业|民族|学历|婚姻|籍贯|gender|^sex$|^age$|occupation|"
    r"ethnic|education|marital|^xb$|^nl$|^zy$|^mz$"
)
_DEFAULT_PERSON_ENTITIES = (
    "PERSON_NAME",
    "CN_RESIDENT_ID",
    "PASSPORT",
    "PHONE_NUMBER",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "EMAIL",
    "BANK_CARD",
    "MEDICAL_CONDITION",
    "PERSONAL_INCOME",
    "CRIMINAL_RECORD",
    "RELIGION",
    "LICENSE_PLATE",
)


# --------------------------------------------------------------------------------------------
# The file


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(v: Any) -> Any:
    return [v] if isinstance(v, str) else v


class RuleMatch(_M):
    """All given keys must match (AND); a list matches if any element does (OR)."""

    department: list[str] = Field(default_factory=list, description="department ids (globs)")
    dataset: list[str] = Field(default_factory=list, description="dataset id or dept.dataset (globs)")
    theme: list[str] = Field(default_factory=list)
    tag: list[str] = Field(default_factory=list, description="dataset keywords or department tags")
    column: str | None = Field(None, description="regular expression searched in column names (case-insensitive)")
    entity: list[str] = Field(default_factory=list)
    level: list[Level] = Field(default_factory=list)

    @field_validator("department", "dataset", "theme", "tag", "entity", "level", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return _as_list(v)

    @field_validator("column")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression ({exc})") from None
        return v

    @property
    def has_column_keys(self) -> bool:
        return bool(self.column or self.entity or self.level)

    @property
    def is_empty(self) -> bool:
        return not (self.department or self.dataset or self.theme or self.tag or self.has_column_keys)


class Rule(_M):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
    basis: str = Field(min_length=1, description="legal or administrative basis (free text)")
    description: str = ""
    match: RuleMatch
    action: Literal["withhold", "conditional", "publish", "mask", "generalise", "drop", "pseudonymise", "encrypt"]
    method: str | None = Field(None, description="de-identification method for column actions")
    allow: list[str] = Field(default_factory=list, description="conditional: departments that may receive it")

    @model_validator(mode="after")
    def _coherent(self) -> Rule:
        if self.match.is_empty:
            raise ValueError(
                "match must name at least one key (a rule matching everything is a "
                "blanket ban: list the datasets instead)"
            )
        if self.method is not None:
            if self.method not in METHODS:
                raise ValueError(f"unknown method {self.method!r}; known: {', '.join(sorted(METHODS))}")
            if METHODS[self.method] != self.action:
                raise ValueError(f"method {self.method!r} implements {METHODS[self.method]!r}, not {self.action!r}")
        if self.action in ("withhold", "conditional") and self.method:
            raise ValueError("dataset actions take no method")
        if self.action in COLUMN_ACTIONS and not self.match.has_column_keys:
            raise ValueError("a column action needs a column, entity or level key in match")
        return self

    @property
    def is_dataset_rule(self) -> bool:
        return self.action in ("withhold", "conditional")


class EntityLevel(_M):
    level: Level
    basis: str = ""


class QuasiIdentifiers(_M):
    entities: list[str] = list(_DEFAULT_QI_ENTITIES)
    name_pattern: str | None = _DEFAULT_QI_NAMES


class CryptoSettings(_M):
    #: standard: HMAC-SHA256, AES-256-GCM / AES-SIV; national: HMAC-SM3, SM4-GCM (if OpenSSL has them)
    suite: Literal["standard", "national"] = "standard"
    #: department key pairs: x25519 (default) or rsa (RSA-3072 OAEP-SHA256)
    wrap: Literal["x25519", "rsa"] = "x25519"
    #: entities encrypted deterministically (AES-SIV) in shared variants, for equality matching
    deterministic_entities: list[str] = Field(default_factory=list)


class Defaults(_M):
    k_threshold: int = Field(5, ge=1)
    age_band_width: int = Field(10, ge=1, le=50)
    #: largest share of rows k-anonymity may suppress before generalising further
    max_suppression: float = Field(0.05, ge=0.0, le=1.0)
    #: level of a column nobody classified or declared
    unknown_level: Level = "sensitive"
    entity_levels: dict[str, EntityLevel] = Field(default_factory=dict)
    entity_methods: dict[str, str] = Field(default_factory=lambda: dict(_DEFAULT_METHODS))
    identifier_entities: list[str] = list(_DEFAULT_IDENTIFIERS)
    person_entities: list[str] = list(_DEFAULT_PERSON_ENTITIES)
    quasi_identifiers: QuasiIdentifiers = QuasiIdentifiers()
    crypto: CryptoSettings = CryptoSettings()

    @field_validator("entity_methods")
    @classmethod
    def _methods(cls, v: dict[str, str]) -> dict[str, str]:
        merged = dict(_DEFAULT_METHODS)
        merged.update(v)
        for entity, method in merged.items():
            if METHODS.get(method) not in ("mask", "generalise", "drop"):
                raise ValueError(f"{entity}: {method!r} is not a mask/generalise method")
        return merged


class Policy(_M):
    """A parsed negative list. ``version`` is the policy's own version string."""

    version: str
    title: str = ""
    defaults: Defaults = Defaults()
    rules: list[Rule] = Field(default_factory=list)
    source: str | None = Field(None, description="file it was read from (set by load_policy)")

    @model_validator(mode="after")
    def _unique_ids(self) -> Policy:
        ids = [r.id for r in self.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate rule ids {dupes}")
        return self

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def load_policy(path: Path | None = None) -> Policy:
    """Read and validate the negative list (default: setting ``PUBDATA_POLICY``)."""
    path = Path(path) if path is not None else path_setting("PUBDATA_POLICY")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"policy {path}: cannot read ({exc.__class__.__name__})",
            hint="set PUBDATA_POLICY to the negative-list file",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"policy {path}:{where} is not valid YAML") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"policy {path}: expected a mapping with version, defaults, rules")
    raw["source"] = str(path)
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        lines = []
        for err in exc.errors()[:10]:
            loc = ".".join(str(p) for p in err["loc"])
            if err["loc"][:1] == ("rules",) and len(err["loc"]) > 1 and isinstance(err["loc"][1], int):
                try:
                    loc = f"rule {raw['rules'][err['loc'][1]].get('id', '?')!r} " + loc
                except (AttributeError, IndexError, KeyError, TypeError):
                    pass
            lines.append(f"policy {path}: {loc}: {err['msg'].removeprefix('Value error, ')}")
        raise ConfigError("\n".join(lines), hint="see policy/README.md") from None


# --------------------------------------------------------------------------------------------
# Decisions


@dataclass
class ColumnDecision:
    name: str
    level: Level
    entity: str | None
    action: ColumnAction
    method: str | None
    reason: str
    rule_id: str | None = None
    #: source of the level: detected | declared | override | unknown
    level_source: str = "detected"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DatasetDecision:
    department: str
    dataset: str
    policy_version: str
    open_tier: OpenTier
    rule_id: str | None
    basis: str
    columns: list[ColumnDecision]
    quasi_identifiers: list[str] = field(default_factory=list)
    k_threshold: int = 5
    about_people: bool = False
    #: conditional tier: departments that may receive the open variant without applying
    allowed_departments: list[str] = field(default_factory=list)
    #: rows about children under 14 were found
    minors: bool = False
    #: column giving each row's age (birth date or ID number) when minors were found
    minors_column: str | None = None
    age_band_width: int = 10
    max_suppression: float = 0.05
    crypto_suite: str = "standard"
    deterministic_entities: list[str] = field(default_factory=list)
    identifier_entities: list[str] = field(default_factory=list)
    #: reference date for ages (ISO); the decision day
    as_of: str = field(default_factory=lambda: _dt.date.today().isoformat())
    matched_rules: list[str] = field(default_factory=list)

    def column(self, name: str) -> ColumnDecision | None:
        return next((c for c in self.columns if c.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["columns"] = [c.to_dict() for c in self.columns]
        return d

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-able row per column for the catalog's disclosure record (no values)."""
        return [
            {
                "department": self.department,
                "dataset": self.dataset,
                "policy_version": self.policy_version,
                "open_tier": self.open_tier,
                "tier_rule_id": self.rule_id,
                "column": c.name,
                "level": c.level,
                "entity": c.entity,
                "action": c.action,
                "method": c.method,
                "reason": c.reason,
                "rule_id": c.rule_id,
                "quasi_identifier": c.name in self.quasi_identifiers,
            }
            for c in self.columns
        ]


def _glob_any(patterns: list[str], *values: str) -> bool:
    return any(fnmatch.fnmatchcase(v, p) for p in patterns for v in values)


def _dataset_matches(m: RuleMatch, department: Department, dataset: Dataset) -> bool:
    if m.department and not _glob_any(m.department, department.id):
        return False
    if m.dataset and not _glob_any(m.dataset, dataset.id, f"{department.id}.{dataset.id}"):
        return False
    if m.theme and dataset.theme not in m.theme:
        return False
    if m.tag and not (set(m.tag) & (set(dataset.keywords) | set(department.tags))):
        return False
    return True


def _column_matches(m: RuleMatch, name: str, entity: str | None, level: Level) -> bool:
    if m.column and not re.search(m.column, name, flags=re.IGNORECASE):
        return False
    if m.entity and entity not in m.entity:
        return False
    if m.level and level not in m.level:
        return False
    return True


@dataclass
class _Col:
    name: str
    entity: str | None
    level: Level
    source: str
    minors: bool


def _effective(columns: list[ColumnClassification], dataset: Dataset, policy: Policy) -> list[_Col]:
    out: list[_Col] = []
    seen: set[str] = set()
    levels = policy.defaults.entity_levels
    for c in columns:
        seen.add(c.name)
        declared = dataset.column(c.name)
        level: Level = c.level if c.level in LEVELS else policy.defaults.unknown_level
        entity = c.entity or (declared.entity if declared else None)
        source = c.source
        if c.source != "override" and declared is not None and declared.privacy is not None:
            level = stricter(level, declared.privacy)
        if entity and entity in levels:
            level = stricter(level, levels[entity].level)
        out.append(_Col(c.name, entity, level, source, c.minors))
    # declared but unclassified columns: declared level, else the unknown level
    for col in dataset.columns:
        if col.name not in seen:
            level = col.privacy or policy.defaults.unknown_level
            if col.entity and col.entity in levels:
                level = stricter(level, levels[col.entity].level)
            out.append(_Col(col.name, col.entity, level, "declared" if col.privacy else "unknown", False))
    return out


def _floor(col: _Col, policy: Policy) -> tuple[ColumnAction, str | None, str]:
    """The least protective treatment allowed for a column (action, method, reason)."""
    if col.level == "none":
        return "publish", None, "not personal: published as is"
    if col.level == "sensitive":
        what = f"sensitive ({col.entity or 'unknown entity'})"
        if col.source == "unknown":
            what = "undeclared and unclassified (counted as sensitive)"
        return "drop", None, f"{what}: never in clear in open data (floor)"
    method = policy.defaults.entity_methods.get(col.entity or "")
    if method is None or METHODS[method] == "drop":
        return "drop", None, (f"personal ({col.entity or 'unknown entity'}) with no masking method: dropped (floor)")
    return METHODS[method], method, f"personal ({col.entity}): {method} (floor)"  # type: ignore[return-value]


def decide(
    department: Department, dataset: Dataset, columns: list[ColumnClassification], policy: Policy
) -> DatasetDecision:
    """Apply the negative list and the privacy floor to one dataset's classified columns."""
    d = policy.defaults
    cols = _effective(columns, dataset, policy)
    identifiers = set(d.identifier_entities)
    in_scope = [r for r in policy.rules if _dataset_matches(r.match, department, dataset)]
    matched: list[str] = []

    # ---- dataset tier
    tier: OpenTier = "open"
    tier_rule: Rule | None = None
    allowed: list[str] = []
    for rule in in_scope:
        if not rule.is_dataset_rule:
            continue
        if rule.match.has_column_keys and not any(_column_matches(rule.match, c.name, c.entity, c.level) for c in cols):
            continue
        matched.append(rule.id)
        if rule.action == "withhold" and tier != "withheld":
            tier, tier_rule = "withheld", rule
        elif rule.action == "conditional":
            allowed += [a for a in rule.allow if a not in allowed]
            if tier == "open":
                tier, tier_rule = "conditional", rule
    basis = tier_rule.basis if tier_rule else "not on the negative list: opened unconditionally (无条件开放)"

    # ---- minors
    minors = any(c.minors for c in cols)
    minors_column: str | None = None
    if minors:
        for want in ("DATE_OF_BIRTH", "CN_RESIDENT_ID"):
            minors_column = next((c.name for c in cols if c.entity == want), None)
            if minors_column:
                break

    # ---- columns
    decisions: list[ColumnDecision] = []
    for col in cols:
        if minors and minors_column is None and col.level == "personal":
            col = _Col(col.name, col.entity, "sensitive", col.source, col.minors)
            minor_note = "; table holds data of children under 14 and no age column: sensitive"
        else:
            minor_note = ""
        f_action, f_method, f_reason = _floor(col, policy)
        rules = [
            r for r in in_scope if not r.is_dataset_rule and _column_matches(r.match, col.name, col.entity, col.level)
        ]
        for r in rules:
            if r.id not in matched:
                matched.append(r.id)
        rule = max(rules, key=lambda r: _RANK[r.action], default=None)  # first of the strictest
        action, method, reason, rule_id = f_action, f_method, f_reason + minor_note, None
        if rule is not None:
            ra = rule.action
            ignored = ""
            if col.level == "sensitive":
                if ra == "pseudonymise" and col.entity in identifiers:
                    action, method = "pseudonymise", "hmac"
                elif ra in ("drop", "encrypt"):
                    action, method = ra, rule.method or ("aes_gcm" if ra == "encrypt" else None)
                else:
                    ignored = (
                        "only an identifier may be pseudonymised"
                        if ra == "pseudonymise"
                        else "floor for sensitive is drop"
                    )
            elif _RANK[ra] > _RANK[f_action] or (_RANK[ra] == _RANK[f_action] and ra != "publish"):
                action, method = ra, rule.method
                if method is None and _RANK[ra] == _RANK[f_action] and f_method:
                    action, method = f_action, f_method
                elif method is None:
                    method = {"pseudonymise": "hmac", "encrypt": "aes_gcm", "drop": None}.get(
                        ra, d.entity_methods.get(col.entity or "", "mask_generic")
                    )
                    if ra in ("mask", "generalise"):
                        if METHODS.get(method or "") in ("mask", "generalise"):
                            action = METHODS[method or ""]  # type: ignore[assignment]
                        else:
                            action, method = "mask", "mask_generic"
            elif _RANK[ra] == _RANK[f_action]:
                pass  # publish on a none column: nothing to change
            else:
                ignored = f"floor for {col.level} is {f_action}"
            if ignored:
                reason = f"rule {rule.id} asks {ra}: ignored ({ignored}); " + f_reason + minor_note
            else:
                rule_id = rule.id
                reason = (
                    f"rule {rule.id}: {ra}"
                    + (f" ({method})" if method else "")
                    + f" [{col.level}{', ' + col.entity if col.entity else ''}]"
                    + minor_note
                )
        decisions.append(ColumnDecision(col.name, col.level, col.entity, action, method, reason, rule_id, col.source))

    # ---- people and quasi-identifiers
    person = set(d.person_entities)
    if dataset.about_people is not None:
        about_people = dataset.about_people
    else:
        about_people = any(c.entity in person and c.level != "none" for c in cols)
    qis: list[str] = []
    if about_people:
        qi_ent = set(d.quasi_identifiers.entities)
        pat = d.quasi_identifiers.name_pattern
        for c in decisions:
            if c.action not in ("publish", "generalise"):
                continue
            if c.entity in qi_ent or (pat and re.search(pat, c.name, flags=re.IGNORECASE)):
                qis.append(c.name)

    return DatasetDecision(
        department=department.id,
        dataset=dataset.id,
        policy_version=policy.version,
        open_tier=tier,
        rule_id=tier_rule.id if tier_rule else None,
        basis=basis,
        columns=decisions,
        quasi_identifiers=qis,
        k_threshold=d.k_threshold,
        about_people=about_people,
        allowed_departments=allowed if tier == "conditional" else [],
        minors=minors,
        minors_column=minors_column,
        age_band_width=d.age_band_width,
        max_suppression=d.max_suppression,
        crypto_suite=d.crypto.suite,
        deterministic_entities=list(d.crypto.deterministic_entities),
        identifier_entities=list(d.identifier_entities),
        matched_rules=matched,
    )
