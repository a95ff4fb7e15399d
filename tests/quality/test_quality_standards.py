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


# The resident ID predicate before its check digit moved to the prepared STRUCT (the digits bound
# by a lambda over a one-element list, the check char compared through the '10X98765432' map):
# the new SQL must give the same verdict on every input, not only on the reference's.
def _old_resident_id_sql(x: str) -> str:
    from core.identifiers import ID_WEIGHTS
    from quality.standards import _in_divisions

    s = f"upper(trim({x}))"
    first17 = f"TRY_CAST(left({s}, 17) AS BIGINT)"
    total = " + ".join(f"{w} * (d // {10 ** (16 - i)} % 10)" for i, w in enumerate(ID_WEIGHTS))
    check = f"list_transform([{first17}], d -> substr('10X98765432', (({total}) % 11) + 1, 1))[1] = substr({s}, 18, 1)"
    birth18 = f"try_strptime(substr({s}, 7, 8), '%Y%m%d')"
    birth15 = f"try_strptime('19' || substr({s}, 7, 6), '%Y%m%d')"
    date_ok = "BETWEEN TIMESTAMP '1880-01-01' AND current_date::TIMESTAMP"
    return (
        f"(CASE WHEN regexp_full_match({s}, '[0-9]{{17}}[0-9X]') THEN "
        f"({check}) AND coalesce({birth18} {date_ok}, false) "
        f"WHEN regexp_full_match({s}, '[0-9]{{15}}') THEN coalesce({birth15} {date_ok}, false) "
        f"ELSE false END AND {_in_divisions(f'substr({s}, 1, 6)')})"
    )


def _old_resident_id(values: list) -> list:
    import duckdb
    import pyarrow as pa

    from quality.standards import register_code_tables

    con = duckdb.connect()
    register_code_tables(con)
    con.register("_vals", pa.table({"v": pa.array(values, pa.string()), "i": pa.array(range(len(values)))}))
    rows = con.execute(
        f"SELECT CASE WHEN v IS NULL THEN NULL ELSE coalesce(({_old_resident_id_sql('v')}), false) END FROM _vals ORDER BY i"
    ).fetchall()
    con.close()
    return [r[0] for r in rows]


def _with_check(first17: str) -> list[str]:
    """``first17`` with its right check character, then with every wrong one."""
    right = id_check_char(first17)
    return [first17 + right] + [first17 + c for c in "0123456789X" if c != right]


def test_resident_id_check_digit_sql_gives_the_old_predicates_verdict_on_every_kind_of_input():
    values: list[str | None] = [
        *_with_check("11010519491231002"),  # every check char, one right (X)
        *_with_check("44030519900307123"),  # every check char, one right (a digit)
        "11010519491231002x",  # lowercase x
        " 11010519491231002X ",  # padded
        "110105491231002",  # 15 digits, no check char
        "110105491331002",  # 15 digits, no 13th month
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits
        "11010519491231002",  # 17 characters
        "1101051949123100",
        "1101051949123100222",  # 19
        "",
        "   ",
        None,
        "11010519491231002Y",
        "1101051949123100AX",
        "-1010519491231002X",
        "+10105194912310021",
        "1_010519491231002X",
        "11010519491231002 X",
        "0x1010519491231002",
        "NaN",
        "身份证号码",
        "99999999999999999X",
        "00000000000000000X",
        "000000000000000000",
    ]
    new = STANDARDS["cn_resident_id"].validate(values)
    assert new == _old_resident_id(values)
    # and the reference's verdict where it has one (it takes any string)
    from core.identifiers import is_valid_resident_id

    assert new == [None if v is None else is_valid_resident_id(v) for v in values]
    assert new[0] is True and new[1:11] == [False] * 10 and new[22] is True  # the lowercase x


def test_resident_id_check_digit_sql_matches_the_old_predicate_on_generated_ids():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from core.identifiers import division_codes

    codes = sorted(division_codes())
    region = st.one_of(st.sampled_from(codes), st.text("0123456789", min_size=6, max_size=6))
    date = st.dates(dt.date(1870, 1, 1), dt.date.today() + dt.timedelta(days=400)).map(lambda d: d.strftime("%Y%m%d"))
    body = st.builds(lambda r, d, q: r + d + q, region, date, st.text("0123456789", min_size=3, max_size=3))
    ids = st.one_of(
        body.map(lambda b: b + id_check_char(b)),  # right check char
        st.builds(lambda b, c: b + c, body, st.sampled_from("0123456789Xx")),  # any check char
        body.map(lambda b: b[:6] + b[8:14] + b[14:17]),  # 15-digit form
        st.text("0123456789Xx ", min_size=14, max_size=19),  # near misses
    )

    @settings(max_examples=50, deadline=None, database=None)
    @given(st.lists(ids, min_size=1, max_size=60))
    def check(values: list[str]) -> None:
        assert STANDARDS["cn_resident_id"].validate(values) == _old_resident_id(values)

    check()


@pytest.mark.parametrize("name", ["amount", "latitude", "longitude"])
def test_range_standards_cast_once_and_still_reject_infinities_nan_and_text(name):
    values: list[str | None] = ["0", "-0", "-0.0", " 5 ", "5e2", "-5", "90", "90.0001", "-180", "180.5", "+3", "1_000"]
    values += ["1e309", "-1e309", "inf", "-inf", "Infinity", "nan", "NaN", "1.7976931348623157e308"]
    values += ["abc", "", "0x10", "5 5", None]
    std = STANDARDS[name]
    got = std.validate(values)
    assert got == [None if v is None else std.check(v) for v in values]
    assert not any(got[values.index(v)] for v in ("1e309", "inf", "-inf", "Infinity", "nan", "NaN", "abc", ""))
