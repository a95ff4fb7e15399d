"""All of pubdata's Presidio recognizers, registered in one place.

One recognizer per module; :data:`RECOGNIZER_CLASSES` is the registry, in the order the
column classifier prefers when two entities fit a value equally (identifiers with check
digits first). :func:`recognizers` gives one cached instance of each, keyed by class name;
:func:`build_registry` puts them into a Presidio :class:`RecognizerRegistry` (used by
:func:`privacy.engine.analyzer`).
"""

from __future__ import annotations

import functools

from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from privacy.recognizers._base import FLAGS, LANGUAGE, CellRecognizer
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
from privacy.recognizers.license_plate import LicensePlateRecognizer
from privacy.recognizers.medical_condition import MedicalConditionRecognizer
from privacy.recognizers.org_name import OrgNameRecognizer
from privacy.recognizers.passport import PassportRecognizer
from privacy.recognizers.person_name import PersonNameRecognizer
from privacy.recognizers.personal_income import PersonalIncomeRecognizer
from privacy.recognizers.precise_location import PreciseLocationRecognizer
from privacy.recognizers.religion import ReligionRecognizer
from privacy.recognizers.uscc import UsccRecognizer

__all__ = ["ENTITIES", "LANGUAGE", "RECOGNIZER_CLASSES", "build_registry", "recognizers"]

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
    OrgNameRecognizer,
    AddressRecognizer,
)

#: The contract's entity vocabulary (``null`` stands for "no entity").
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
    "USCC",
    "ORG_NAME",
)


@functools.cache
def recognizers() -> dict[str, CellRecognizer]:
    """One instance of every recognizer, by class name (cached; recognizers are stateless)."""
    return {cls.__name__: cls() for cls in RECOGNIZER_CLASSES}


def build_registry() -> RecognizerRegistry:
    """A Presidio registry holding exactly pubdata's recognizers (no predefined ones)."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE], global_regex_flags=FLAGS)
    for rec in recognizers().values():
        assert isinstance(rec, EntityRecognizer)
        registry.add_recognizer(rec)
    return registry
