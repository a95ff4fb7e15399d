"""Every standard accepts valid and rejects invalid values - in SQL (the pipeline) and in Python."""

from __future__ import annotations

import datetime as dt

import pytest

from core.identifiers import id_check_char, uscc_check_char
from quality.standards import STANDARDS

# a birth date safely in the future even if the suite runs across midnight
IN_A_MONTH = (dt.date.today() + dt.timedelta(days=30)).strftime("%Y%m%d")
FUTURE_ID = "110105" + IN_A_MONTH + "002"
FUTURE_ID += id_check_char(FUTURE_ID)

CASES: dict[str, tuple[list, list]] = {
    "cn_resident_id": (
        [
            "11010519491231002X",
            "11010519491231002x",
            "110105491231002",
            # abolished division code (Beijing Chongwen 110103, merged 2010) stays valid in old IDs
            "11010319800101001" + id_check_char("11010319800101001"),
        ],
        [
            "110105194912310021",  # bad check char
            "11010519490230002" + id_check_char("11010519490230002"),  # 30 Feb
            "99999919800101001" + id_check_char("99999919800101001"),  # unknown region
            "11010518700101001" + id_check_char("11010518700101001"),  # before 1880
            FUTURE_ID,  # born tomorrow
            "1101051949123100",
            "11010519491231002Y",
            "abc",
            "110105491331002",
        ],
    ),
    "uscc": (
        ["91350100M000100Y43", "91110000710931234" + uscc_check_char("91110000710931234")],
        ["91350100M000100Y44", "91350100M000100Y4", "9135010OM000100Y43", "91350100I000100Y43", ""],
    ),
    "division_code": (["110105", "110103", "440300", "650000"], ["999999", "11010", "1101050", "abcdef"]),
    "gender_code": (["0", "1", "2", "9"], ["3", "M", "男", "10"]),
    "date": (["2024-02-29", "1949-10-01"], ["2023-02-29", "2024/01/01", "2024-1-1", "20240101", "2024-13-01"]),
    "datetime": (
        ["2024-01-05T10:00:00+08:00", "2024-01-05 10:00", "2024-01-05T10:00:00.123Z"],
        ["2024-02-30 10:00", "2024-01-05", "2024-01-05 25:00", "yesterday"],
    ),
    "cn_mobile": (["13812345678", "+86 138-1234-5678", "8619912345678"], ["12812345678", "1381234567", "02112345678"]),
    "cn_landline": (
        ["0571-88888888", "010 62345678", "(021)52345678", "400-123-4567", "62345678"],
        ["12345", "0571-08888888", "13812345678x"],
    ),
    "email": (["a.b@x.gov.cn", "name+tag@example.com"], ["a..b@x.cn", "a@b", "no-at.example.cn", "a b@x.cn"]),
    "latitude": (["39.9", "-90", "90", "0"], ["90.0001", "-91", "abc", "nan", "inf"]),
    "longitude": (["116.4", "-180", "180"], ["180.5", "x"]),
    "amount": (["0", "12.50", "1e3"], ["-0.01", "-5", "ten"]),
}


def test_every_standard_has_cases_and_docs():
    assert set(CASES) == set(STANDARDS)
    for std in STANDARDS.values():
        assert std.description and std.title
        assert std.expectations("col"), std.name
        assert all(e["type"].startswith("expect_") for e in std.expectations("col"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_standard_accepts_valid_and_rejects_invalid(name):
    good, bad = CASES[name]
    std = STANDARDS[name]
    assert std.validate(good) == [True] * len(good), f"{name}: SQL rejected a valid value"
    assert std.validate(bad) == [False] * len(bad), f"{name}: SQL accepted an invalid value"
    assert [std.check(v) for v in good] == [True] * len(good)
    assert [std.check(v) for v in bad] == [False] * len(bad)
    assert std.validate([None]) == [None]


def test_resident_id_sql_matches_reference_on_random_ids():
    import random

    from core.identifiers import division_codes, is_valid_resident_id

    rng = random.Random(5)
    codes = sorted(division_codes())
    values = []
    for _ in range(3000):
        region = rng.choice(codes) if rng.random() < 0.9 else f"{rng.randrange(10**6):06d}"
        body = f"{region}{rng.randrange(1870, 2030)}{rng.randrange(1, 14):02d}{rng.randrange(1, 32):02d}{rng.randrange(1000):03d}"
        check = id_check_char(body) if rng.random() < 0.8 else rng.choice("0123456789X")
        values.append(body + check)
    assert STANDARDS["cn_resident_id"].validate(values) == [is_valid_resident_id(v) for v in values]


def test_uscc_sql_matches_reference_on_random_codes():
    import random

    from core.identifiers import USCC_CHARSET, is_valid_uscc

    rng = random.Random(7)
    values = []
    for _ in range(2000):
        body = "".join(rng.choice(USCC_CHARSET) for _ in range(17))
        values.append(body + (uscc_check_char(body) if rng.random() < 0.7 else rng.choice(USCC_CHARSET)))
    assert STANDARDS["uscc"].validate(values) == [is_valid_uscc(v) for v in values]
