"""Privacy: column classification, officers' reviews, the negative-list policy, de-identification,
privacy-preserving sharing and the leak gate.

Public names are loaded lazily (Presidio and jieba are heavy to import; ``privacy.types`` is not).
Errors raised here belong to the platform's one exception tree (:mod:`core`), mostly
:class:`core.PrivacyError`.
"""

from __future__ import annotations

import importlib
from typing import Any

import core  # noqa: F401  (offline defaults before Presidio or tldextract are imported)

_EXPORTS = {
    "ColumnClassification": "privacy.types",
    "classify_table": "privacy.classification",
    "TableClassification": "privacy.classification",
    "load_policy": "privacy.protection",
    "decide": "privacy.protection",
    "protect": "privacy.protection",
    "gate": "privacy.protection",
    "protect_open": "privacy.protection",
    "share_variants": "privacy.protection",
    "leak_gate": "privacy.protection",
    "KeyStore": "privacy.protection",
    "DatasetDecision": "privacy.protection",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'privacy' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
