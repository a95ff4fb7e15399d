"""The negative-list file: its model (rules, defaults) and :func:`load_policy` (errors name the rule and field)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core import ConfigError
from core.settings import path_setting
from privacy.policy.services import AggregatePolicy, QuotaPolicy
from privacy.types import Level, valid_regex

__all__ = [
    "ACTIONS",
    "COLUMN_ACTIONS",
    "ColumnAction",
    "CryptoSettings",
    "DatasetAction",
    "Defaults",
    "EntityLevel",
    "METHODS",
    "OpenTier",
    "Policy",
    "Rule",
    "RuleMatch",
    "current_policy",
    "load_policy",
]


#: ``hold``: held for an officer's review (the classifier could not tell the column is not personal);
#: never asked by a rule, given by the floor; out of open data like ``drop`` until an officer decides
ColumnAction = Literal["publish", "mask", "generalise", "drop", "pseudonymise", "encrypt", "hold"]


DatasetAction = Literal["withhold", "conditional", "anonymise"]


OpenTier = Literal["open", "conditional", "withheld"]


COLUMN_ACTIONS: tuple[str, ...] = ("publish", "mask", "generalise", "drop", "pseudonymise", "encrypt")


#: dataset actions: the tier (withhold, conditional) or the re-identification targets (anonymise)
DATASET_ACTIONS: tuple[str, ...] = ("withhold", "conditional", "anonymise")


ACTIONS: tuple[str, ...] = DATASET_ACTIONS + COLUMN_ACTIONS
#: How protective an action is for *open* data (encrypt removes the column from open data).


_RANK = {"publish": 0, "mask": 1, "generalise": 1, "pseudonymise": 2, "encrypt": 3, "drop": 3, "hold": 3}

#: method -> the action it implements (``privacy.deid`` holds the SQL of each).


METHODS: dict[str, ColumnAction] = {
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
    "surrogate": "pseudonymise",
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

    _regex = field_validator("column")(valid_regex)

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
    action: Literal[
        "withhold", "conditional", "anonymise", "publish", "mask", "generalise", "drop", "pseudonymise", "encrypt"
    ]
    method: str | None = Field(None, description="de-identification method for column actions")
    allow: list[str] = Field(default_factory=list, description="conditional: departments that may receive it")
    #: anonymise: the re-identification targets of the datasets it matches
    k: int | None = Field(None, ge=1, le=1000)
    l: int | None = Field(None, ge=1, le=100)  # noqa: E741
    max_suppression: float | None = Field(None, ge=0.0, le=1.0)

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
        if self.action in DATASET_ACTIONS and self.method:
            raise ValueError("dataset actions take no method")
        targets = (self.k, self.l, self.max_suppression)
        if self.action == "anonymise" and all(t is None for t in targets):
            raise ValueError("anonymise needs k, l or max_suppression")
        if self.action != "anonymise" and any(t is not None for t in targets):
            raise ValueError("k, l and max_suppression belong to an anonymise rule")
        if self.action in COLUMN_ACTIONS and not self.match.has_column_keys:
            raise ValueError("a column action needs a column, entity or level key in match")
        return self

    @property
    def is_dataset_rule(self) -> bool:
        return self.action in DATASET_ACTIONS


class EntityLevel(_M):
    level: Level
    basis: str = ""


class CryptoSettings(_M):
    #: standard: HMAC-SHA256, AES-256-GCM / AES-SIV; national: HMAC-SM3, SM4-GCM (if OpenSSL has them)
    suite: Literal["standard", "national"] = "standard"
    #: department key pairs: x25519 (default) or rsa (RSA-3072 OAEP-SHA256)
    wrap: Literal["x25519", "rsa"] = "x25519"
    #: entities encrypted deterministically (AES-SIV) in shared variants, for equality matching
    deterministic_entities: list[str] = Field(default_factory=list)


class Defaults(_M):
    #: k-anonymity: every equivalence class of an open release about people holds >= k records
    k_threshold: int = Field(5, ge=1, le=1000)
    #: l-diversity: every published sensitive attribute has >= l distinct values in every class
    l_diversity: int = Field(2, ge=1, le=100)
    age_band_width: int = Field(10, ge=1, le=50)
    #: largest share of records the release may suppress; beyond it the dataset is not opened
    #: unconditionally (the publication gate: offered as conditional instead)
    max_suppression: float = Field(0.05, ge=0.0, le=1.0)
    #: the role vocabulary (privacy/roles.yaml format), relative to the policy file; None: shipped
    roles: str | None = None
    #: level of a column nobody classified or declared
    unknown_level: Level = "sensitive"
    entity_levels: dict[str, EntityLevel] = Field(default_factory=dict)
    entity_methods: dict[str, str] = Field(default_factory=lambda: dict(_DEFAULT_METHODS))
    identifier_entities: list[str] = list(_DEFAULT_IDENTIFIERS)
    person_entities: list[str] = list(_DEFAULT_PERSON_ENTITIES)
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
    #: protection of aggregate query results and quotas of the sharing services (privacy.policy.services)
    aggregates: AggregatePolicy = AggregatePolicy()
    quotas: QuotaPolicy = QuotaPolicy()
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

    def roles_path(self) -> Path | None:
        """The role vocabulary this policy names (None: the shipped ``privacy/roles.yaml``)."""
        if self.defaults.roles is None:
            return None
        base = Path(self.source).parent if self.source else Path.cwd()
        return (base / self.defaults.roles).resolve()


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


_CURRENT: dict[str, tuple[tuple[int, int], Policy]] = {}


def current_policy() -> Policy:
    """:func:`load_policy` of ``PUBDATA_POLICY``, kept while the file is unchanged (for per-request
    reads: quotas, the sharing services)."""
    path = path_setting("PUBDATA_POLICY")
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        return load_policy(path)  # the error names the file
    hit = _CURRENT.get(str(path))
    if hit and hit[0] == stamp:
        return hit[1]
    policy = load_policy(path)
    _CURRENT[str(path)] = (stamp, policy)
    return policy
