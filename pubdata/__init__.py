"""pubdata: shared foundations (settings, errors, CLI) for the platform packages.

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

from pubdata._errors import (
    CatalogError,
    ConfigError,
    ManifestError,
    PrivacyError,
    PubdataError,
    QualityGateError,
    SourceError,
    SourceUnavailable,
)
from pubdata.settings import SETTINGS, Setting, get_setting, home

__all__ = [
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
