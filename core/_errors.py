"""The one exception tree of the platform (drawn in :mod:`pubdata`)."""

from __future__ import annotations


class PubdataError(Exception):
    """Base class. ``str(err)`` is safe to show and log: it never contains a data value."""

    #: What the user should do next; appended to the message by the CLI.
    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class ConfigError(PubdataError):
    """A setting or secret is missing or malformed."""


class ManifestError(PubdataError):
    """A department manifest is invalid. The message names the file, dataset and field."""


class SourceError(PubdataError):
    """A source could not be read; permanent (bad file, bad format)."""


class SourceUnavailable(SourceError):
    """A transient source failure (timeout, HTTP 5xx, database down): worth a retry."""


class QualityGateError(PubdataError):
    """Critical data-standard failures: the publish is blocked (the previous version, if any, stays)."""


class PrivacyError(PubdataError):
    """Classification or protection refused to go on (e.g. the leak gate found personal data)."""


class CatalogError(PubdataError):
    """The catalog could not be read or written."""
