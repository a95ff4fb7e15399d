"""False alarms removed by structure, not by words (issue 12): what a column's values and their
relation to the table's rows and persons show, on small tables written for this file (not the
evaluation sets). Each kind sits beside the case where the same evidence must not release the
column (fail safe: held, or still personal/sensitive).

- codes that number the rows of the export (one prefix, then the row's position);
- codes that differ between the rows of one person (by the ID numbers): records, not persons;
- statistics broken down by aid categories: groups, not persons;
- dates under a money name: when it was paid, not a sum;
- coordinates and landlines of a table in which nothing speaks of a person: places.
"""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from privacy.classification import classify_table
from tests.testdata import landline, mobile, resident_id

TODAY = dt.date(2026, 6, 1)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


def _names(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randrange(1, 3))) for _ in range(n)]


def _complaints(rng: random.Random, n: int, code: list[str]) -> pa.Table:
    """Wage-arrears complaints: one row per complainant (ID numbers unique), a code per row."""
    return pa.table(
        {
            "col_1": code,
            "投诉人": _names(rng, n),
            "身份证号": [resident_id(rng) for _ in range(n)],
            "联系电话": [mobile(rng) for _ in range(n)],
            "拖欠月数": [str(rng.randrange(1, 13)) for _ in range(n)],
        }
    )


def _decision(table: pa.Table, column: str, title: str, **kw: object) -> tuple[str, bool, list[str]]:
    c = classify_table(table, context={"dataset_title": title}, today=TODAY, **kw).column(column)  # type: ignore[arg-type]
    return c.level, c.review, c.evidence


# ------------------------------------------------------------------ codes numbering the rows


def test_codes_numbering_the_rows_are_published() -> None:
    rng = random.Random(11)
    n = 240
    level, review, ev = _decision(_complaints(rng, n, [f"TS2026{i + 1:05d}" for i in range(n)]), "col_1", "欠薪投诉")
    assert (level, review) == ("none", False), ev


def test_codes_numbering_the_rows_are_recognised_through_the_sample() -> None:
    # 600 rows, 150 sampled at evenly spaced rows: the code still equals the row's position
    rng = random.Random(12)
    n = 600
    table = _complaints(rng, n, [f"QX{i + 3001:06d}" for i in range(n)])
    level, review, ev = _decision(table, "col_1", "欠薪投诉", sample_size=150)
    assert (level, review) == ("none", False), ev


def test_own_numbers_that_are_not_row_positions_stay_held() -> None:
    rng = random.Random(13)
    n = 240
    # membership numbers drawn at random: each person's own number, nothing shows otherwise
    drawn = [f"HY{rng.randrange(10**7, 10**8)}" for _ in range(n)]
    level, review, ev = _decision(_complaints(rng, n, drawn), "col_1", "会员登记")
    assert review and level == "personal", ev
    # bib numbers whose letter varies (start waves A/B/C): the letter says something of the person
    bibs = [f"{rng.choice('ABC')}{i + 1:05d}" for i in range(n)]
    level, review, ev = _decision(_complaints(rng, n, bibs), "col_1", "马拉松报名")
    assert review and level == "personal", ev
    # a row sequence with one row's code out of place is not the rows' numbering
    broken = [f"TS2026{i + 1:05d}" for i in range(n)]
    broken[100] = "TS202699999"
    level, review, ev = _decision(_complaints(rng, n, broken), "col_1", "欠薪投诉")
    assert review and level == "personal", ev


# ------------------------------------------------------------------ codes of rows, not persons


def _doses(rng: random.Random, children: int, doses: int, code_per_person: bool) -> pa.Table:
    ids = [resident_id(rng, birth=TODAY - dt.timedelta(days=rng.randrange(60, 2000))) for _ in range(children)]
    names = _names(rng, children)
    own = [str(rng.randrange(10**9, 10**10)) for _ in range(children)]
    rows = [(i, d) for i in range(children) for d in range(doses)]
    rng.shuffle(rows)
    return pa.table(
        {
            "儿童姓名": [names[i] for i, _ in rows],
            "儿童身份证号": [ids[i] for i, _ in rows],
            "C10": [own[i] if code_per_person else str(rng.randrange(10**9, 10**10)) for i, _ in rows],
            "剂次": [str(d + 1) for _, d in rows],
        }
    )


def test_codes_that_differ_between_one_persons_rows_are_records() -> None:
    rng = random.Random(21)
    level, review, ev = _decision(_doses(rng, 80, 3, code_per_person=False), "C10", "接种记录")
    assert (level, review) == ("none", False), ev


def test_codes_that_follow_the_person_stay_personal() -> None:
    # the same code on every row of the same child: the child's own number (a key of persons)
    rng = random.Random(22)
    level, review, ev = _decision(_doses(rng, 80, 3, code_per_person=True), "C10", "接种记录")
    assert level == "personal" or review, ev


def test_staff_numbers_that_differ_between_one_persons_rows_stay_held() -> None:
    # the doctor of each dose: differs between one child's doses, but repeats over the table
    rng = random.Random(24)
    table = _doses(rng, 80, 3, code_per_person=False)
    doctors = [f"{rng.randrange(10**9, 10**10)}" for _ in range(60)]
    table = table.set_column(2, "C10", pa.array([rng.choice(doctors) for _ in range(table.num_rows)]))
    level, review, ev = _decision(table, "C10", "接种记录")
    assert level == "personal" or review, ev


def test_codes_unique_per_row_in_a_table_of_one_row_per_person_stay_held() -> None:
    # no person has two rows: nothing shows the codes are the rows' rather than the persons'
    rng = random.Random(23)
    level, review, ev = _decision(_doses(rng, 240, 1, code_per_person=False), "C10", "接种记录")
    assert review and level == "personal", ev


# ------------------------------------------------------------------ statistics by aid category

AID = ["营养改善计划", "生活补助", "免学费", "国家助学金"]
COUNTIES = ["青羊区", "锦江区", "武侯区", "成华区", "金牛区", "郫都区", "温江区", "双流区", "新都区", "龙泉驿区"]


def test_statistics_by_aid_category_are_about_groups() -> None:
    rng = random.Random(31)
    rows = [(county, aid) for county in COUNTIES for aid in AID] * 3
    table = pa.table(
        {
            "区县": [c for c, _ in rows],
            "资助项目": [a for _, a in rows],
            "受助人次": [str(rng.randrange(800, 30000)) for _ in rows],
            "资助金额（万元）": [f"{rng.uniform(50, 4000):.2f}" for _ in rows],
        }
    )
    result = classify_table(table, context={"dataset_title": "学生资助情况"}, today=TODAY)
    assert result.subject == "aggregates"
    for name in ("资助项目", "资助金额（万元）"):
        c = result.column(name)
        assert (c.level, c.review) == ("none", False), (name, c.evidence)


def test_aid_of_named_pupils_stays_sensitive() -> None:
    rng = random.Random(32)
    n = 120
    table = pa.table(
        {
            "学生姓名": _names(rng, n),
            "区县": [rng.choice(COUNTIES) for _ in range(n)],
            "资助项目": [rng.choice(AID) for _ in range(n)],
            "受助人次": [str(rng.randrange(1, 4)) for _ in range(n)],
            "资助金额（元）": [f"{rng.choice([500, 1000, 1500, 2500])}.00" for _ in range(n)],
        }
    )
    result = classify_table(table, context={"dataset_title": "学生资助名单"}, today=TODAY)
    assert result.subject == "people"
    for name in ("资助项目", "资助金额（元）"):
        c = result.column(name)
        assert c.level == "sensitive" or c.review, (name, c.evidence)


# ------------------------------------------------------------------ dates under a money name


def _payments(rng: random.Random, n: int, paid: list[str]) -> pa.Table:
    return pa.table(
        {"姓名": _names(rng, n), "手机号": [mobile(rng) for _ in range(n)], "paid_at": paid, "品类": ["家电"] * n}
    )


def test_dates_under_a_money_name_are_when_it_was_paid() -> None:
    rng = random.Random(41)
    n = 200
    start = dt.datetime(2026, 1, 1)
    stamps = [
        (start + dt.timedelta(seconds=rng.randrange(0, 150 * 86400))).strftime("%Y-%m-%d %H:%M:%S") for _ in range(n)
    ]
    level, review, ev = _decision(_payments(rng, n, stamps), "paid_at", "以旧换新补贴发放")
    assert (level, review) == ("none", False), ev


def test_sums_under_a_money_name_stay_sensitive() -> None:
    rng = random.Random(42)
    n = 200
    sums = [f"{rng.uniform(100, 2000):.2f}" for _ in range(n)]
    level, review, ev = _decision(_payments(rng, n, sums), "paid_at", "以旧换新补贴发放")
    assert level == "sensitive" or review, ev


# ------------------------------------------------------------------ tables of places only


def _sites(rng: random.Random, n: int, **extra: list[str]) -> pa.Table:
    return pa.table(
        {
            "site": [f"S{i:03d}" for i in range(n)],
            "freq_mhz": [f"{rng.uniform(87, 108):.1f}" for _ in range(n)],
            "lon": [f"{rng.uniform(102, 106):.6f}" for _ in range(n)],
            "lat": [f"{rng.uniform(28, 32):.6f}" for _ in range(n)],
            "duty_phone": [landline(rng) for _ in range(n)],
            **extra,
        }
    )


def test_coordinates_and_landlines_of_a_table_without_persons_are_places() -> None:
    rng = random.Random(51)
    result = classify_table(_sites(rng, 80), context={"dataset_title": "频点数据"}, today=TODAY)
    assert result.subject == "unknown"
    for name in ("lon", "lat", "duty_phone"):
        c = result.column(name)
        assert (c.level, c.review) == ("none", False), (name, c.evidence)


def test_coordinates_beside_a_repeating_device_key_stay_sensitive() -> None:
    # a key repeating over rows (a tracker, a SIM): the coordinates may be one person's track
    rng = random.Random(52)
    n = 200
    keys = [f"DEV{rng.randrange(1, 16):04d}" for _ in range(n)]
    result = classify_table(_sites(rng, n, device=keys), context={"dataset_title": "频点数据"}, today=TODAY)
    for name in ("lon", "lat"):
        assert result.column(name).level == "sensitive", result.column(name).evidence


def test_coordinates_beside_a_person_stay_sensitive() -> None:
    rng = random.Random(53)
    n = 80
    result = classify_table(
        _sites(rng, n, contact=_names(rng, n), mobile=[mobile(rng) for _ in range(n)]),
        context={"dataset_title": "频点数据"},
        today=TODAY,
    )
    assert result.column("mobile").level == "personal"
    assert result.column("lon").level == "sensitive" or result.column("lon").review
