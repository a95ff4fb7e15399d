"""Secrets kept out of messages: every error, log line or report that may carry a secret goes
through :func:`redact` first (dlt's rule: mask configuration secrets before they reach a log).

Which settings are secrets is declared once, in :mod:`core.settings` (``secret=True``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from core.settings import SETTINGS

__all__ = ["mask", "redact", "redact_url", "secret_values"]

_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def mask(secret: str) -> str:
    """A secret as it may appear in a message: its length and last two characters at most."""
    if not secret:
        return "(unset)"
    return "*" * 6 + (secret[-2:] if len(secret) >= 12 else "")


def secret_values() -> list[str]:
    """The current values of every setting declared secret (empty ones left out)."""
    return [v for s in SETTINGS if s.secret and (v := os.environ.get(s.name, ""))]


def redact_url(text: str) -> str:
    """``scheme://user:password@host`` with the password replaced by ``***``."""
    return _URL_PASSWORD.sub(r"\1***@", text)


def redact(text: str, extra: Iterable[str] = ()) -> str:
    """``text`` with URL passwords, the values of secret settings and ``extra`` secrets replaced
    by ``***`` (longest first, so a secret containing another is masked whole)."""
    out = redact_url(text)
    for secret in sorted({*secret_values(), *(e for e in extra if e)}, key=len, reverse=True):
        if len(secret) >= 4:  # shorter values would mask ordinary words
            out = out.replace(secret, "***")
    return out
