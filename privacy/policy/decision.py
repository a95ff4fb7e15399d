"""The decision the negative list and the privacy floor yield for one dataset (rules: :mod:`privacy.policy`)."""

from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from privacy.policy.model import _RANK, METHODS, ColumnAction, OpenTier, Policy, Rule, RuleMatch
from privacy.policy.people import release_targets, treat_people
from privacy.roles import load_roles
from privacy.types import LEVELS, ColumnClassification, Level, stricter
from warehouse.manifest import Dataset, Department

__all__ = ["ColumnDecision", "DatasetDecision", "decide"]


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
    #: release about people: direct | quasi | sensitive | other (privacy/roles.yaml); None otherwise
    role: str | None = None
    #: quasi-identifiers and published sensitive attributes: hierarchy and level released
    hierarchy: str | None = None
    hierarchy_level: int | None = None
    #: the floor/rule treatment kept for authorised recipients when the open release differs
    authorised_action: ColumnAction | None = None
    authorised_method: str | None = None

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
    #: published sensitive attributes (l-diversity applies)
    sensitive_attributes: list[str] = field(default_factory=list)
    k_threshold: int = 5
    l_diversity: int = 2
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
    #: the role vocabulary used (None: the shipped privacy/roles.yaml)
    roles_source: str | None = None

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
                "role": c.role,
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
    #: held for an officer's review (reason), and free text holding personal information
    review: str | None = None
    free_text: bool = False


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
        review = (c.review_reason or "not recognised as non-personal") if c.review and source != "override" else None
        out.append(_Col(c.name, entity, level, source, c.minors, review, c.free_text))
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
    if col.review is not None:
        return "hold", None, f"held for an officer's review: {col.review} (floor; not in open data until released)"
    if col.free_text and col.level != "none":
        return (
            "drop",
            None,
            f"free text holding {col.entity or 'personal information'}: dropped (floor; masking would destroy it)",
        )
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
    return METHODS[method], method, f"personal ({col.entity}): {method} (floor)"


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
    anonymise: list[Rule] = []
    rule: Rule | None
    for rule in in_scope:
        if not rule.is_dataset_rule:
            continue
        if rule.match.has_column_keys and not any(_column_matches(rule.match, c.name, c.entity, c.level) for c in cols):
            continue
        matched.append(rule.id)
        if rule.action == "anonymise":
            anonymise.append(rule)
        elif rule.action == "withhold" and tier != "withheld":
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
            col = _Col(col.name, col.entity, "sensitive", col.source, col.minors, col.review, col.free_text)
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
            assert ra != "withhold" and ra != "conditional" and ra != "anonymise"  # a column rule (not is_dataset_rule)
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
                            action = METHODS[method or ""]
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
    k, l_div, max_suppression, _ = release_targets(policy, anonymise, dataset)
    qis: list[str] = []
    sas: list[str] = []
    roles_path = policy.roles_path()
    if about_people:
        qis, sas = treat_people(decisions, load_roles(roles_path), dataset, k=k, l_div=l_div, band=d.age_band_width)

    return DatasetDecision(
        department=department.id,
        dataset=dataset.id,
        policy_version=policy.version,
        open_tier=tier,
        rule_id=tier_rule.id if tier_rule else None,
        basis=basis,
        columns=decisions,
        quasi_identifiers=qis,
        sensitive_attributes=sas,
        k_threshold=k,
        l_diversity=l_div,
        about_people=about_people,
        allowed_departments=allowed if tier == "conditional" else [],
        minors=minors,
        minors_column=minors_column,
        age_band_width=d.age_band_width,
        max_suppression=max_suppression,
        crypto_suite=d.crypto.suite,
        deterministic_entities=list(d.crypto.deterministic_entities),
        identifier_entities=list(d.identifier_entities),
        matched_rules=matched,
        roles_source=str(roles_path) if roles_path else None,
    )
