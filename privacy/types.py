"""Shapes shared by classification, policy and protection."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Level = Literal["sensitive", "personal", "none"]
LEVELS: tuple[Level, ...] = ("none", "personal", "sensitive")

#: The contract's entity vocabulary (``null`` stands for "no entity"); one recognizer each
#: (:mod:`privacy.recognizers`).
ENTITIES: tuple[str, ...] = (
    "CN_RESIDENT_ID",
    "PASSPORT",
    "BANK_CARD",
    "CREDIT_CARD",
    "MEDICAL_CONDITION",
    "RELIGION",
    "PRECISE_LOCATION",
    "CRIMINAL_RECORD",
    "PERSONAL_INCOME",
    "PERSON_NAME",
    "PHONE_NUMBER",
    "EMAIL",
    "ADDRESS",
    "DATE_OF_BIRTH",
    "LICENSE_PLATE",
    "IP_ADDRESS",
    "PERSON_ID",
    "USCC",
    "ORG_NAME",
)


def valid_regex(v: str | None) -> str | None:
    """A pydantic validator: ``v`` compiles as a regular expression (else ValueError saying why)."""
    import re

    if v is not None:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
    return v


def stricter(a: Level, b: Level) -> Level:
    """The more protective of two levels."""
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


@dataclass(frozen=True)
class ColumnClassification:
    """What one column holds. ``evidence`` is readable by a data officer and never holds a raw value."""

    name: str
    entity: str | None
    level: Level
    confidence: float
    evidence: list[str] = field(default_factory=list)
    #: detected (classifier) | declared (manifest) | override (a data officer's review)
    source: str = "detected"
    #: rows about minors under 14 were found (makes the table's person data sensitive)
    minors: bool = False
    #: fresh detection disagrees with an officer's override: someone must look again
    needs_review: bool = False
    #: held for an officer's review: the column was not positively recognised as non-personal
    #: in a table about people (left out of open data until an officer decides)
    review: bool = False
    review_reason: str = ""
    #: free text holding personal information (masking would destroy it: the policy drops it)
    free_text: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
