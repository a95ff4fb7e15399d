"""The open release of a table about people: column roles and what each role means for the
release (the vocabulary is ``privacy/roles.yaml``; the search is :mod:`privacy.kanon`).

* **direct identifiers** are not published at all, not even masked: a display mask (``138****8000``)
  keeps 7 of 11 digits and stays unique; masks are for authorised screens. The column's floor
  treatment is kept as its *authorised* treatment (what shared variants apply);
* the **row key** (primary key) becomes a random surrogate per release (a keyed pseudonym under a
  key drawn for this release and never stored: it cannot be linked across releases);
* **quasi-identifiers** climb their hierarchy from the level the floor (or a rule's method)
  allows; the level actually released is chosen by the lattice search;
* **sensitive attributes** at level ``sensitive`` keep the floor (dropped); others are published,
  amounts in bands, and must be l-diverse in every class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from privacy.hierarchy import Hierarchy
from privacy.roles import Roles

if TYPE_CHECKING:
    from privacy.policy.decision import ColumnDecision
    from privacy.policy.model import Policy, Rule
    from warehouse.manifest import Dataset

__all__ = ["hierarchy_method", "min_level", "release_targets", "treat_people"]

#: (hierarchy, floor or rule method) -> the hierarchy level that method's output corresponds to
_METHOD_LEVELS: dict[tuple[str, str], str] = {
    ("address", "district"): "county",
    ("address", "division"): "county",
    ("division", "division"): "county",
    ("division", "district"): "county",
    ("date", "date_month"): "month",
    ("date", "date_year"): "year",
    ("date", "birth_year"): "year",
    ("month", "date_month"): "month",
    ("month", "date_year"): "year",
    ("month", "birth_year"): "year",
}


def min_level(h: Hierarchy, method: str | None, band: int) -> int | None:
    """The lowest level of ``h`` at least as coarse as ``method``'s output (None: the method has
    no place in the hierarchy; the column is then a category of that method's output)."""
    if method in (None, "publish", "category"):
        return 0
    if method == "age_band" and h.name in ("birth_date", "age"):
        for i, name in enumerate(h.levels):
            if name.startswith("age_") and int(name[4:]) >= band and int(name[4:]) % band == 0:
                return i
        return None
    level = _METHOD_LEVELS.get((h.name, method))
    return h.index(level) if level else None


def hierarchy_method(h: str, level_name: str) -> str:
    return f"{h}:{level_name}"


def release_targets(policy: Policy, rules: list[Rule], dataset: Dataset) -> tuple[int, int, float, list[str]]:
    """k, l and the largest share suppressed for this dataset: the strictest of the matching
    ``anonymise`` rules (else the policy's defaults), tightened by the manifest's ``risk``."""
    d = policy.defaults
    ks = [r.k for r in rules if r.k is not None]
    ls = [r.l for r in rules if r.l is not None]
    ms = [r.max_suppression for r in rules if r.max_suppression is not None]
    k, l_div, max_s = (
        max(ks) if ks else d.k_threshold,
        max(ls) if ls else d.l_diversity,
        min(ms) if ms else d.max_suppression,
    )
    if dataset.risk is not None:
        k = max(k, dataset.risk.k or 0)
        l_div = max(l_div, dataset.risk.l or 0)
        if dataset.risk.max_suppression is not None:
            max_s = min(max_s, dataset.risk.max_suppression)
    return k, l_div, max_s, [r.id for r in rules]


def treat_people(
    decisions: list[ColumnDecision],
    roles: Roles,
    dataset: Dataset,
    *,
    k: int,
    l_div: int,
    band: int,
) -> tuple[list[str], list[str]]:
    """Give every column its role and its open-release treatment (in place); returns the
    quasi-identifiers and the published sensitive attributes."""
    qis: list[str] = []
    sas: list[str] = []
    key = set(dataset.primary_key)
    for c in decisions:
        declared = dataset.column(c.name)
        m = roles.match(c.name, c.entity, c.level, declared.standard if declared else None)
        c.role = m.role
        basis = m.basis
        removed = c.action in ("drop", "encrypt", "hold")  # a held column waits for its officer
        if c.name in key and (m.role == "direct" or not m.matched) and not removed:
            c.role = "direct"
            _authorise(c)
            c.action, c.method = "pseudonymise", "surrogate"
            c.reason = f"row key of a release about people: a random surrogate per release (not linkable across releases) [{basis}]"
            continue
        if m.role == "direct":
            if not removed:
                _authorise(c)
                c.action, c.method = "drop", None
                c.reason = (
                    f"direct identifier ({c.entity or 'by its name'}) in a release about people: not published, "
                    f"not even masked (display masks are for authorised screens) [{basis}]"
                )
            continue
        if m.hierarchy is None or removed:
            if m.role in ("quasi", "sensitive") and removed:
                c.reason += f"; {m.role} attribute"
            continue
        h = m.hierarchy
        if c.action == "pseudonymise":  # a persistent pseudonym of a QI links people across releases
            _authorise(c)
            c.action, c.method = "drop", None
            c.reason = f"{m.role} attribute with a persistent pseudonym: not in an open release about people [{basis}]"
            continue
        lowest = min_level(h, c.method, band)
        _authorise(c)
        if lowest is None:  # the floor's (or a rule's) method output, kept or suppressed
            h_name, lowest = "category", 0
        else:
            h_name = h.name
        c.hierarchy, c.hierarchy_level = h_name, lowest
        level_name = roles.hierarchies[h_name].level_name(lowest) if h_name in roles.hierarchies else "value"
        c.method = hierarchy_method(h_name, level_name)
        c.action = "publish" if level_name == "value" else "generalise"
        if m.role == "quasi":
            qis.append(c.name)
            c.reason = (
                f"quasi-identifier: generalised along its {h_name} hierarchy (from {level_name}) and records "
                f"suppressed until every class has >= {k} records (k-anonymity) [{basis}]"
            )
        else:
            sas.append(c.name)
            c.reason = f"sensitive attribute: >= {l_div} distinct values in every class (l-diversity) [{basis}]"
    return qis, sas


def _authorise(c: ColumnDecision) -> None:
    """Keep the floor/rule treatment for authorised recipients (shared variants)."""
    if c.authorised_action is None:
        c.authorised_action, c.authorised_method = c.action, c.method
