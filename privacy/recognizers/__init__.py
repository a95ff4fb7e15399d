"""All of pubdata's recognizers, registered in one place.

One recognizer per module; :data:`RECOGNIZER_CLASSES` is the registry, in the order the
column classifier prefers when two entities fit a value equally (identifiers with check
digits first). :func:`recognizers` gives one cached instance of each, keyed by class name.
Recognizers are plain Python (fast to import); :func:`build_registry` puts them into a
Presidio :class:`RecognizerRegistry` through :class:`privacy.engine.PresidioAdapter` (used by
:func:`privacy.engine.analyzer`, for free text).
"""

from __future__ import annotations

import functools
from typing import Any

from privacy.recognizers._base import FLAGS, LANGUAGE, CellRecognizer, Span, nfkc
from privacy.recognizers.address import AddressRecognizer
from privacy.recognizers.bank_card import BankCardRecognizer
from privacy.recognizers.cn_landline import CnLandlineRecognizer
from privacy.recognizers.cn_mobile import CnMobileRecognizer
from privacy.recognizers.cn_resident_id import CnResidentIdRecognizer
from privacy.recognizers.credit_card import CreditCardRecognizer
from privacy.recognizers.criminal_record import CriminalRecordRecognizer
from privacy.recognizers.date_of_birth import DateOfBirthRecognizer
from privacy.recognizers.email import EmailAddressRecognizer
from privacy.recognizers.ip_address import IpAddressRecognizer
from privacy.recognizers.latin_name import LatinNameRecognizer
from privacy.recognizers.license_plate import LicensePlateRecognizer
from privacy.recognizers.medical_condition import MedicalConditionRecognizer
from privacy.recognizers.org_name import OrgNameRecognizer
from privacy.recognizers.passport import PassportRecognizer
from privacy.recognizers.person_id import PersonIdRecognizer
from privacy.recognizers.person_name import PersonNameRecognizer
from privacy.recognizers.personal_income import PersonalIncomeRecognizer
from privacy.recognizers.precise_location import PreciseLocationRecognizer
from privacy.recognizers.religion import ReligionRecognizer
from privacy.recognizers.uscc import UsccRecognizer
from privacy.types import ENTITIES

__all__ = [
    "ENTITIES",
    "FLAGS",
    "LANGUAGE",
    "RECOGNIZER_CLASSES",
    "CellRecognizer",
    "Span",
    "build_registry",
    "nfkc",
    "recognizers",
]

RECOGNIZER_CLASSES: tuple[type[CellRecognizer], ...] = (
    CnResidentIdRecognizer,
    UsccRecognizer,
    BankCardRecognizer,
    CreditCardRecognizer,
    CnMobileRecognizer,
    CnLandlineRecognizer,
    EmailAddressRecognizer,
    IpAddressRecognizer,
    LicensePlateRecognizer,
    PassportRecognizer,
    PreciseLocationRecognizer,
    DateOfBirthRecognizer,
    PersonalIncomeRecognizer,
    MedicalConditionRecognizer,
    ReligionRecognizer,
    CriminalRecordRecognizer,
    PersonNameRecognizer,
    LatinNameRecognizer,
    OrgNameRecognizer,
    AddressRecognizer,
    PersonIdRecognizer,
)


@functools.cache
def recognizers() -> dict[str, CellRecognizer]:
    """One instance of every recognizer, by class name (cached; recognizers are stateless)."""
    return {cls.__name__: cls() for cls in RECOGNIZER_CLASSES}


def build_registry() -> Any:
    """A Presidio registry holding exactly pubdata's recognizers (no predefined ones).
    Imports Presidio: only the free-text path needs it."""
    from privacy.engine import build_registry as _build

    return _build()
