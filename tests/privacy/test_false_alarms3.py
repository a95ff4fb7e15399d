"""False alarms, third round, by kind (synthetic tables of this file, not the evaluation sets):
pinyin-initial names whose object words the vocabulary does not know but whose last word (a
representation term: 编号, 代码, 日期, 人数, 次数) says what the column is; record numbers whose
record word is spelled in pinyin or initials; registers of venues whose names repeat, with
persons named only by their role; gender values under a name read by its initials as a health
word; GJ read as 国籍 and examination categories (毕业类别). Each beside the case where the same
evidence must not release the column (fail safe)."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from privacy.classification import classify_table
from privacy.holds import names_a_record
from privacy.name_hints import analyse_name
from tests.privacy.test_false_alarms import TODAY, _names, _people
from tests.testdata import mobile, passport


def _classify(table: pa.Table, title: str = "登记表"):
    return classify_table(table, context={"dataset_title": title}, today=TODAY)


def _dates(rng: random.Random, n: int) -> list[str]:
    start = dt.date(2015, 1, 1)
    return [(start + dt.timedelta(days=rng.randrange(3000))).isoformat() for _ in range(n)]


def _codes(rng: random.Random, n: int, prefix: str = "K") -> list[str]:
    return [f"{prefix}{rng.randrange(10**7):07d}{chr(65 + i % 26)}" for i in range(n)]


def test_initialisms_ending_in_a_representation_term_say_what_the_column_is() -> None:
    # the object words before the head are unknown (dc, fw, wx), the head is not
    assert analyse_name("dcrq").kind == "event_date"
    assert analyse_name("fwcs").kind == "aggregate"
    assert analyse_name("wxbh").kind == "code"
    # known object words before the head still modify it: an ID code is an ID
    assert analyse_name("sfzdm").entity == "CN_RESIDENT_ID"
    assert analyse_name("xbdm").kind == "code" and analyse_name("xbdm").terms[0].term == "性别"
    # letters that spell a word naming a person's own data are not an unknown object word
    assert analyse_name("hzdm").people_key
    rng = random.Random(31)
    n = 300
    table = _people(
        rng,
        n,
        dcrq=_dates(rng, n),
        fwcs=[rng.randrange(0, 12) for _ in range(n)],
        wxbh=[rng.choice(["A01", "A02", "B07", "C11", "C12"]) for _ in range(n)],
    )
    result = _classify(table, "服务记录")
    for name in ("dcrq", "fwcs", "wxbh"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # the same heads after a person's own data stay personal: a household head's code, passports
    # and so does a code after a person word (xx + 人员 + 编码), even when codes repeat
    staff = _codes(rng, 40, "S")
    table = _people(
        rng,
        n,
        hzdm=_codes(rng, n, "H"),
        hzbh2=[passport(rng) for _ in range(n)],
        xxrybm=[rng.choice(staff) for _ in range(n)],
    )
    result = _classify(table, "服务记录")
    for name in ("hzdm", "hzbh2", "xxrybm"):
        c = result.column(name)
        assert c.level != "none" or c.review, (name, c.evidence)


def test_record_words_spelled_in_pinyin_or_initials_number_a_record() -> None:
    for name in ("xieyi_bianhao", "htbh", "slbh"):
        assert names_a_record(name), name
    for name in ("hybh", "huiyuan_bianhao", "zsbh"):
        assert not names_a_record(name), name
    rng = random.Random(32)
    n = 300
    table = _people(rng, n, xieyi_bianhao=_codes(rng, n, "X"), htbh=_codes(rng, n, "T"))
    result = _classify(table, "签约服务")
    for name in ("xieyi_bianhao", "htbh"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # a member's number, or a number of unknown object unique to each row of a table of one row
    # per person (each person's own certificate?), stays personal or held
    table = _people(rng, n, hybh=_codes(rng, n, "M"), wxbh=_codes(rng, n, "W"))
    result = _classify(table, "签约服务")
    assert result.column("hybh").level == "personal"
    assert result.column("wxbh").review and result.column("wxbh").level == "personal"


def _venues(rng: random.Random, n: int, **extra: list) -> dict[str, list]:
    names = ["观音寺", "城隍庙", "清真寺", "福音堂", "玉皇观", "天主堂", "文殊院", "药王庙"]
    towns = ["青城镇", "石桥镇", "永安镇", "龙泉镇", "白马乡", "金山乡"]
    return {
        "场所名称": [rng.choice(names) for _ in range(n)],
        "登记证号": [f"宗场证字{rng.randrange(10**6):06d}" for _ in range(n)],
        "地址": [f"四川省{rng.choice(towns)}{rng.choice('东南西北')}街{i + 1}号" for i in range(n)],
        "负责人": _names(rng, n),
        "负责人手机": [mobile(rng) for _ in range(n)],
        "经度": [f"{103 + rng.random():.6f}" for _ in range(n)],
        "纬度": [f"{30 + rng.random():.6f}" for _ in range(n)],
        **extra,
    }


def test_registers_of_venues_whose_names_repeat_are_about_the_venues() -> None:
    rng = random.Random(33)
    n = 200
    result = _classify(pa.table(_venues(rng, n)), "场所登记")
    for name in ("地址", "经度", "纬度", "登记证号"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # the person in charge and their own mobile stay personal in a register of venues
    for name in ("负责人", "负责人手机"):
        assert result.column(name).level == "personal", name
    # persons named without a role word, or with identity numbers: a table of people
    cols = _venues(rng, n)
    cols["姓名"] = cols.pop("负责人")
    result = _classify(pa.table(cols), "场所登记")
    assert result.column("地址").level != "none" or result.column("地址").review
    assert result.column("经度").level == "sensitive"
    table = pa.table(_venues(rng, n, 身份证号=[r for r in _people(rng, n).column("身份证号").to_pylist()]))
    assert _classify(table, "场所登记").column("地址").level != "none"


def test_gender_values_under_a_name_read_as_a_health_word_are_gender() -> None:
    assert analyse_name("xy").entity == "MEDICAL_CONDITION"  # 血压 by its initials
    rng = random.Random(34)
    n = 300
    c = _classify(_people(rng, n, xy=[rng.choice(["男", "女", "未知"]) for _ in range(n)]), "名单").column("xy")
    assert c.level == "none" and c.entity is None and not c.review, c.evidence
    # blood pressures and diagnoses under the same names stay health information
    pressures = [f"{rng.randrange(100, 170)}/{rng.randrange(60, 100)}" for _ in range(n)]
    for values in (pressures, [rng.choice(["高血压", "男", "女", "糖尿病"]) for _ in range(n)]):
        c = _classify(_people(rng, n, xy=values), "名单").column("xy")
        assert c.level == "sensitive" or c.review, c.evidence


def test_nationality_and_examination_categories_by_their_initials() -> None:
    assert analyse_name("GJ").kind == "attribute" and analyse_name("GJ").entity is None
    assert analyse_name("bylb").kind == "enum" and analyse_name("bylb").entity is None
    rng = random.Random(35)
    n = 300
    table = _people(
        rng,
        n,
        GJ=[rng.choice(["中国", "美国", "日本", "韩国"]) for _ in range(n)],
        bylb=[rng.choice(["应届", "往届"]) for _ in range(n)],
    )
    result = _classify(table, "纳税人")
    for name in ("GJ", "bylb"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # a trajectory beside gj is still where a person was: coordinates of a person's positions
    table = _people(
        rng,
        n,
        gj_lng=[f"{103 + rng.random():.6f}" for _ in range(n)],
        gj_lat=[f"{30 + rng.random():.6f}" for _ in range(n)],
    )
    result = _classify(table, "定位记录")
    for name in ("gj_lng", "gj_lat"):
        assert result.column(name).level == "sensitive", name


def test_township_offices_are_organisations() -> None:
    from privacy.recognizers.org_name import is_org_name

    for v in ("青城镇司法所", "石桥镇财政所", "永安税务所"):
        assert is_org_name(v), v
    rng = random.Random(36)
    n = 300
    offices = [f"{t}{o}" for t in ("青城镇", "石桥镇", "永安镇") for o in ("司法所", "财政所", "供电所", "文化站")]
    c = _classify(_people(rng, n, szdw=[rng.choice(offices) for _ in range(n)]), "人员名册").column("szdw")
    assert c.level == "none" and not c.review, c.evidence
    # persons' names under the same organisation name stay held
    c = _classify(_people(rng, n, szdw=_names(rng, n)), "人员名册").column("szdw")
    assert c.level != "none" or c.review, c.evidence
