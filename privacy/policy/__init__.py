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
* **Held for review.** A column the classifier holds for an officer's review gets ``hold``:
  out of open data (in shared variants only when the scope names it, encrypted); free text
  holding personal information is dropped (masking would destroy it).
* **Column rules** can only make a column stricter (publish < mask = generalise <
  pseudonymise < encrypt = drop = hold). A rule asking for less than the floor is ignored and the
  reason says so. Among several matching column rules the strictest wins, then file order.
  ``encrypt`` removes the column from open data and encrypts it in every shared variant whose
  scope includes it.
* **Minors.** If the classifier found rows about children under 14, person columns of those
  rows follow the sensitive rules: they are emptied row by row when a birth date or ID
  column gives the age, otherwise every personal column is dropped.
* **Releases about people** (row-level tables about people: manifest ``about_people``, or
  inferred from person entities) are judged by re-identification risk (:mod:`privacy.policy.people`,
  the role vocabulary ``privacy/roles.yaml``): direct identifiers are not published, not even
  masked (the floor treatment stays the *authorised* one, for shared variants); the row key
  becomes a random per-release surrogate; quasi-identifiers climb their hierarchies and records
  are suppressed until every class has ``k_threshold`` records and every published sensitive
  attribute ``l_diversity`` values (:mod:`privacy.kanon`). ``anonymise`` rules and the manifest's
  ``risk`` set the targets.
"""

from __future__ import annotations

from privacy.policy.decision import ColumnDecision, DatasetDecision, decide
from privacy.policy.model import (
    ACTIONS,
    COLUMN_ACTIONS,
    METHODS,
    ColumnAction,
    CryptoSettings,
    DatasetAction,
    Defaults,
    EntityLevel,
    OpenTier,
    Policy,
    Rule,
    RuleMatch,
    current_policy,
    load_policy,
)

__all__ = [
    "ACTIONS",
    "COLUMN_ACTIONS",
    "ColumnAction",
    "ColumnDecision",
    "CryptoSettings",
    "DatasetAction",
    "DatasetDecision",
    "Defaults",
    "EntityLevel",
    "METHODS",
    "OpenTier",
    "Policy",
    "Rule",
    "RuleMatch",
    "current_policy",
    "decide",
    "load_policy",
]
