"""Differential test: pubdata's ID and USCC validators against python-stdnum on thousands of
generated values.

Documented, expected differences (every disagreement must fall in one of them):

Resident ID (``stdnum.cn.ric``):
- stdnum is stricter on regions: it rejects a county code outside the years it was assigned
  (``[1983-2011]`` ranges in its table); pubdata accepts the union of historical codes, since a
  person keeps the number issued by an abolished county.
- stdnum raises ``KeyError`` (instead of answering False) for province- or prefecture-level
  codes (``110000``, ``330100``) that have no county entry; pubdata accepts them.
- pubdata is stricter on dates: birth dates in the future or before 1880 are rejected;
  stdnum accepts any real calendar date.
- Legacy 15-digit numbers: stdnum only knows 18-digit numbers.

USCC (``stdnum.cn.uscc``):
- stdnum rejects letters in positions 3-8 (region code); pubdata accepts every code char in
  every position and lets the check char decide (the shared reference's advice).
"""

from __future__ import annotations

import datetime as dt
import random

import testdata as td
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

from core.identifiers import (
    USCC_CHARSET,
    division_codes,
    id_check_char,
    is_valid_resident_id,
    is_valid_uscc,
    uscc_check_char,
)


def _stdnum_ric(value: str) -> bool | str:
    try:
        return ric.is_valid(value)
    except KeyError:
        return "KeyError"


def _county_assigned_at_birth(value: str) -> bool:
    """What stdnum checks beyond us: was the county code in use in the birth year? (Any other
    exception is a failure of the test, not a "no".)"""
    try:
        ric.get_birth_place(value)
        return True
    except InvalidComponent:
        return False


def test_resident_id_validators_agree_except_documented_cases() -> None:
    rng = random.Random(20240601)
    codes = sorted(division_codes())
    today = dt.date.today()
    values = [td.resident_id(rng) for _ in range(2000)]
    # checksum-valid values over all regions (incl. province/prefecture codes) and dates
    for _ in range(3000):
        birth = dt.date.fromordinal(rng.randint(dt.date(1870, 1, 1).toordinal(), today.toordinal() + 3000))
        first17 = rng.choice(codes) + birth.strftime("%Y%m%d") + f"{rng.randint(0, 999):03d}"
        values.append(first17 + id_check_char(first17))
    # random digits with a correct check char (impossible dates, unknown regions)
    for _ in range(2000):
        first17 = "".join(rng.choice("0123456789") for _ in range(17))
        values.append(first17 + id_check_char(first17))
    # one-character mutations of valid numbers: both must reject
    mutants = []
    for v in values[:2000]:
        i = rng.randrange(18)
        c = rng.choice([d for d in "0123456789" if d != v[i]])
        mutants.append(v[:i] + c + v[i + 1 :])

    categories = {
        "stdnum stricter: county not assigned in birth year": 0,
        "stdnum KeyError": 0,
        "pubdata stricter: date in future or before 1880": 0,
    }
    agree = 0
    for v in values:
        ours, theirs = is_valid_resident_id(v), _stdnum_ric(v)
        if theirs == "KeyError":
            categories["stdnum KeyError"] += 1
            assert v[2:6] == "0000" or v[4:6] == "00" or ours is False
            continue
        if ours == theirs:
            agree += 1
            continue
        birth = dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
        if theirs and not ours:
            assert birth > today or birth.year < 1880, "pubdata rejected a number stdnum accepts"
            categories["pubdata stricter: date in future or before 1880"] += 1
        else:
            assert not _county_assigned_at_birth(v), "stdnum rejected a number for an undocumented reason"
            categories["stdnum stricter: county not assigned in birth year"] += 1
    print("agree", agree, "of", len(values), categories)
    assert agree > 0.5 * len(values)
    assert all(not is_valid_resident_id(m) for m in mutants)
    assert all(_stdnum_ric(m) is not True for m in mutants)
    # generated numbers (the ones the tests and bench use) are valid for both
    assert all(is_valid_resident_id(v) for v in values[:2000])


def test_legacy_ids_are_ours_only() -> None:
    rng = random.Random(7)
    legacy = [td.legacy_id(rng) for _ in range(500)]
    assert all(is_valid_resident_id(v) for v in legacy)
    assert not any(ric.is_valid(v) for v in legacy)


def test_uscc_validators_agree_except_letters_in_region() -> None:
    rng = random.Random(99)
    digits_only = [td.uscc(rng, individual=rng.random() < 0.3) for _ in range(3000)]
    with_letters = []
    for _ in range(1500):
        first17 = "91" + "".join(rng.choice(USCC_CHARSET) for _ in range(15))
        with_letters.append(first17 + uscc_check_char(first17))
    mutants = []
    for v in digits_only[:2000]:
        i = rng.randrange(18)
        c = rng.choice([d for d in USCC_CHARSET if d != v[i]])
        mutants.append(v[:i] + c + v[i + 1 :])
    assert all(is_valid_uscc(v) and uscc.is_valid(v) for v in digits_only)
    assert all(is_valid_uscc(v) for v in with_letters)
    for v in with_letters:
        if not uscc.is_valid(v):
            assert not v[2:8].isdigit(), "stdnum rejected a USCC for an undocumented reason"
    assert sum(not uscc.is_valid(v) for v in with_letters) > 1000  # the documented difference is real
    assert not any(is_valid_uscc(m) for m in mutants)
    assert not any(uscc.is_valid(m) for m in mutants)
    assert is_valid_uscc("91350100M000100Y43") and uscc.is_valid("91350100M000100Y43")
