"""core: the foundation every layer of pubdata builds on (settings, errors, identifiers and check
digits, SQL quoting, file locks, clock, secret masking). Imports nothing of the platform.

Exception tree (every error the platform raises on purpose)::

    PubdataError
     ├── ConfigError            a setting or secret is missing or malformed
     ├── ManifestError          a department manifest is invalid (names file, dataset, field)
     ├── SourceError            a source could not be read (names file / URL, row if known)
     │    └── SourceUnavailable a transient failure (network, database down): retried
     ├── QualityGateError       critical data-standard failures block a publish
     ├── PrivacyError           classification / protection refused (leak gate, keys)
     └── CatalogError           the catalog cannot be read or written
"""

#: The platform's one version number: the portal's API, ``pubdata --version`` and the package
#: metadata (pyproject.toml reads it) all show this. Changes are listed in CHANGELOG.md.
__version__ = "0.3.0"

from core import _offline  # noqa: F401  (offline library defaults, before anything else)
from core._errors import (
    CatalogError,
    ConfigError,
    ManifestError,
    PrivacyError,
    PubdataError,
    QualityGateError,
    SourceError,
    SourceUnavailable,
)
from core.settings import SETTINGS, Setting, get_setting, home

__all__ = [
    "__version__",
    "CatalogError",
    "ConfigError",
    "ManifestError",
    "PrivacyError",
    "PubdataError",
    "QualityGateError",
    "SETTINGS",
    "Setting",
    "SourceError",
    "SourceUnavailable",
    "get_setting",
    "home",
]
