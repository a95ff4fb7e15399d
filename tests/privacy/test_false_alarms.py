"""False alarms, by kind of evidence (synthetic tables of this file, not the evaluation set): what
positively shows a column of a table about people to be non-personal (legacy field numbers, months
and time stamps of events, units of consumption, lists of divisions, registers of sites whose
names repeat, Latin initials glossing a Chinese name, numbers of records), each beside the case
where the same evidence must not release the column (fail safe)."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from privacy.classification import classify_table
from privacy.name_hints import analyse_name
from privacy.recognizers.org_name import is_org_name, is_place_name
from tests.testdata import landline, mobile, resident_id

TODAY = dt.date(2026, 6, 1)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def _names(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randrange(1, 3))) for _ in range(n)]


def _people(rng: random.Random, n: int, **cols: list) -> pa.Table:
    return pa.table({"姓名": _names(rng, n), "身份证号": [resident_id(rng) for _ in range(n)], **cols})


def test_legacy_field_numbers_are_opaque_not_initials() -> None:
    # zd01 is 字段01 (a numbered field), not 诊断 read by its initials; zd, zdjg still are
    for name in ("zd01", "ZD05", "zd_3", "字段12", "col_7"):
        info = analyse_name(name)
        assert info.entity is None and info.kind is None, name
    for name in ("zd", "zdjg", "zdmc"):
        assert analyse_name(name).entity == "MEDICAL_CONDITION", name
    rng = random.Random(1)
    n = 300
    table = _people(
        rng,
        n,
        zd07=[rng.choice(["经济林", "公益林", "商品林"]) for _ in range(n)],
        zd08=[rng.choice(["柑橘", "杉木", "马尾松", "柏木"]) for _ in range(n)],
        zd09=[rng.choice(["高血压", "糖尿病", "冠心病", "无"]) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "林权登记"}, today=TODAY)
    for name in ("zd07", "zd08"):
        c = result.column(name)
        assert c.level == "none" and not c.review and c.entity is None, (name, c.evidence)
    # diagnoses under a numbered field are still found by their values (or held): never published
    c = result.column("zd09")
    assert c.review or c.level == "sensitive", c.evidence


def test_certificate_numbers_under_a_numbered_field_are_held() -> None:
    rng = random.Random(2)
    n = 200
    certs = [f"川林证字（{rng.randrange(2005, 2025)}）第{rng.randrange(10**11, 10**12)}号" for _ in range(n)]
    result = classify_table(_people(rng, n, zd01=certs), context={"dataset_title": "林权登记"}, today=TODAY)
    c = result.column("zd01")
    assert c.review and "certificate" in c.review_reason, c.evidence
    # a few repeating document numbers (one decision for many rows) are no one's certificate
    few = [f"川林证字（2020）第{i}号" for i in range(5)]
    result = classify_table(
        _people(rng, n, zd01=[rng.choice(few) for _ in range(n)]), context={"dataset_title": "林权登记"}, today=TODAY
    )
    assert "certificate" not in result.column("zd01").review_reason


def test_months_and_time_stamps_with_an_offset_are_event_dates_under_an_event_name() -> None:
    rng = random.Random(3)
    n = 300
    months = [f"{rng.randrange(2000, 2024)}-{rng.randrange(1, 13):02d}" for _ in range(n)]
    stamps = [
        f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+08:00"
        for _ in range(n)
    ]
    births = [f"{rng.randrange(1950, 2000)}-{rng.randrange(1, 13):02d}" for _ in range(n)]
    table = _people(rng, n, 入伍时间=months, submitTime=stamps, col_6=births)
    result = classify_table(table, context={"dataset_title": "退役军人培训"}, today=TODAY)
    for name in ("入伍时间", "submitTime"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # the same months under a name that says nothing may be birth months: held, or (since months
    # are read as dates) recognised as birth dates by their spread; never published as they are
    c = result.column("col_6")
    assert c.review or c.entity == "DATE_OF_BIRTH", c.evidence


def test_units_of_consumption_at_the_end_of_a_latin_name_say_what_numbers_measure() -> None:
    rng = random.Random(4)
    n = 300
    table = _people(
        rng,
        n,
        meterReadingKwh=[rng.randrange(20_000, 90_000) for _ in range(n)],
        weight_kg=[round(rng.uniform(40, 110), 1) for _ in range(n)],  # a body: never released by its unit
        readingValue=[rng.randrange(20_000, 90_000) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "居民用电欠费"}, today=TODAY)
    c = result.column("meterReadingKwh")
    assert c.level == "none" and not c.review, c.evidence
    for name in ("weight_kg", "readingValue"):
        c = result.column(name)
        assert c.review or c.level != "none", (name, c.evidence)


def _sites(rng: random.Random, n: int, **extra: list) -> pa.Table:
    """Sites of a few operators (names repeat), each with its own coordinates and address, a
    customer-service number of the operator, and the staff member who maintains it."""
    names = [
        f"{rng.choice(['锦江', '青羊', '金牛', '武侯'])}{rng.choice(['花园', '家园', '广场'])}快件箱点"
        for _ in range(n)
    ]
    return pa.table(
        {
            "点位编号": [f"KD{i:05d}" for i in range(n)],
            "点位名称": names,
            "点位地址": [f"成都市武侯区人民南路{i + 1}号" for i in range(n)],
            "经度": [round(104.0 + rng.random() * 0.5, 6) for _ in range(n)],
            "纬度": [round(30.5 + rng.random() * 0.3, 6) for _ in range(n)],
            "维护人员": _names(rng, n),
            "维护人员手机": [mobile(rng) for _ in range(n)],
            "客服电话": [landline(rng) for _ in range(n)],
            **extra,
        }
    )


def test_a_register_of_sites_whose_names_repeat_describes_the_sites() -> None:
    rng = random.Random(5)
    n = 200
    result = classify_table(_sites(rng, n), context={"dataset_title": "快件箱点位"}, today=TODAY)
    for name in ("点位地址", "经度", "纬度"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # the staff stay persons
    assert result.column("维护人员").level == "personal"
    assert result.column("维护人员手机").level == "personal"


def test_a_register_of_sites_with_anything_else_about_the_persons_stays_about_people() -> None:
    rng = random.Random(6)
    n = 200
    with_ids = _sites(rng, n, 身份证号=[resident_id(rng) for _ in range(n)])
    with_health = _sites(rng, n, 诊断=[rng.choice(["高血压", "糖尿病", "无"]) for _ in range(n)])
    no_own_contact = _sites(rng, n).drop(["客服电话"])
    for table in (with_ids, with_health, no_own_contact):
        result = classify_table(table, context={"dataset_title": "快件箱点位"}, today=TODAY)
        for name in ("经度", "纬度"):
            c = result.column(name)
            assert c.level == "sensitive", (table.column_names, name, c.evidence)


def test_latin_initials_beside_a_written_chinese_name_only_gloss_it() -> None:
    assert analyse_name("国籍GJ").kind == "attribute"  # GJ glosses 国籍, it is not 轨迹
    assert analyse_name("国籍GJ").entity is None
    assert analyse_name("机器号PCNO").entity is None  # PC No., not 赔偿 by its initials
    assert analyse_name("出租人XM").entity == "PERSON_NAME"
    assert analyse_name("身份证HM").entity == "CN_RESIDENT_ID"
    # initials alone still read as before
    assert analyse_name("gj").entity == analyse_name("GJ").entity
    assert analyse_name("xm").entity == "PERSON_NAME"


def test_a_record_number_shaped_like_a_permit_is_not_a_permit() -> None:
    rng = random.Random(7)
    n = 300
    numbers = [f"M{rng.randrange(10**9, 10**10)}" for _ in range(n)]  # home-return permit shape
    table = _people(rng, n, msgId=numbers, 证件号码=numbers, 编号=numbers)
    result = classify_table(table, context={"dataset_title": "网上留言"}, today=TODAY)
    assert result.column("msgId").entity != "PASSPORT", result.column("msgId").evidence
    # under a document name, or a code name that does not say what it numbers, the shape decides
    assert result.column("证件号码").entity == "PASSPORT"
    assert result.column("编号").entity == "PASSPORT"


def test_held_columns_carry_the_entity_they_are_suspected_of() -> None:
    rng = random.Random(8)
    n = 300
    table = _people(
        rng,
        n,
        监护人=[rng.choice(["", "", "某某"]) + str(i % 7) for i in range(n)],  # nothing name-shaped
        y_zj=[round(rng.uniform(800, 3000), 2) for _ in range(n)],  # 月租金, read 宗教 by its initials
    )
    result = classify_table(table, context={"dataset_title": "出租房屋登记"}, today=TODAY)
    guardian = result.column("监护人")
    assert guardian.review and guardian.entity == "PERSON_NAME", guardian.evidence
    rent = result.column("y_zj")
    assert rent.review and rent.entity == "PERSONAL_INCOME", rent.evidence  # amounts, never a religion


def test_lists_of_divisions_are_places_and_organisation_suffixes() -> None:
    assert is_place_name("利州区、金堂县")
    assert is_place_name("康定市，简阳市，雁江区")
    assert not is_place_name("张伟、李娜")
    assert not is_place_name("成都市武侯区人民南路4号、5号")
    assert is_org_name("涪城区总工会") and is_org_name("韵达快递金牛区分部")
    assert not is_org_name("张工")
    info = analyse_name("国内联络处地址")
    assert info.entity == "ADDRESS" and info.org  # an office's address, not a person's


def test_branches_and_outlets_of_organisations_are_not_persons() -> None:
    rng = random.Random(9)
    n = 300
    districts = ["金牛区", "武侯区", "青羊区", "成华区", "双流区", "新都区"]
    kinds = ["网点", "营业部", "分部"]
    outlets = [
        f"{rng.choice(['韵达快递', '申通快递', '圆通速递'])}{rng.choice(districts)}{rng.choice(kinds)}"
        for _ in range(n)
    ]
    senders = [rng.choice(outlets) if i % 3 else name for i, name in enumerate(_names(rng, n))]  # a third are persons
    result = classify_table(
        _people(rng, n, outlet=outlets, col_9=senders), context={"dataset_title": "快递运单"}, today=TODAY
    )
    c = result.column("outlet")
    assert c.level == "none" and not c.review, c.evidence
    c = result.column("col_9")
    assert c.review or c.level != "none", c.evidence
