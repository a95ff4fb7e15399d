"""Recall from the shape of a table about people, not from more words (issue 12, round 6;
``privacy/structural.py``; synthetic tables of this file, not the evaluation sets): money that
varies row by row under a price or per-head name, yes/no flags under a field number, persons'
names under a generic organisation word, and the address of a person's property beside its area.
Each kind beside the case where the same shape must stay non-personal."""

from __future__ import annotations

import random

import pyarrow as pa

from privacy.classification import classify_table
from tests.privacy.test_false_alarms import TODAY, _names, _people
from tests.testdata import mobile

ROADS = ["人民路", "解放路", "中山路", "建设路", "文化路", "滨江路"]


def _pick(rng: random.Random, n: int, values: list[str]) -> list[str]:
    return [rng.choice(values) for _ in range(n)]


def test_prices_and_incomes_per_head_that_vary_by_row_are_held_as_a_persons_money() -> None:
    rng = random.Random(61)
    n = 300
    table = _people(
        rng,
        n,
        墓位价格=[str(rng.randrange(30, 400) * 1000) for _ in range(n)],  # what each buyer paid
        per_capita_income=[f"{rng.uniform(300, 3000):.1f}" for _ in range(n)],  # of each household
        门票价格=_pick(rng, n, ["40", "60", "80"]),  # a catalogue price: a few levels
    )
    result = classify_table(table, context={"dataset_title": "公墓销售登记"}, today=TODAY)
    for name in ("墓位价格", "per_capita_income"):
        c = result.column(name)
        assert c.review and c.entity == "PERSONAL_INCOME", (name, c.evidence)
        assert "row" in c.review_reason, c.review_reason
    tier = result.column("门票价格")
    assert tier.level == "none" and not tier.review, tier.evidence


def test_amounts_of_organisations_named_row_by_row_with_contacts_only_stay_published() -> None:
    rng = random.Random(62)
    n = 200
    table = pa.table(
        {
            "项目联系人": _names(rng, n),
            "联系电话": [mobile(rng) for _ in range(n)],
            "供应商": [f"四川{rng.choice('华川蜀锦天府')}{i}号建设工程有限公司" for i in range(n)],
            "中标价格": [f"{rng.uniform(1e5, 5e7):.2f}" for _ in range(n)],
        }
    )
    result = classify_table(table, context={"dataset_title": "中标结果公告"}, today=TODAY)
    c = result.column("中标价格")
    assert not c.review and c.level == "none", c.evidence
    # with an identity document of the row's person, the same prices are that person's
    table = table.append_column("身份证号", pa.array(_people(rng, n).column("身份证号").to_pylist()))
    c = classify_table(table, context={"dataset_title": "中标结果公告"}, today=TODAY).column("中标价格")
    assert c.review and c.entity == "PERSONAL_INCOME", c.evidence


def test_yes_no_flags_under_a_field_number_are_held() -> None:
    rng = random.Random(63)
    n = 400
    table = _people(
        rng,
        n,
        F7=_pick(rng, n, ["否"] * 9 + ["是"]),
        col_12=_pick(rng, n, ["N", "N", "N", "Y"]),
        F3=_pick(rng, n, ["男", "女"]),  # gender under a field number: a quasi-identifier, published
        是否在校=_pick(rng, n, ["是", "否"]),  # the name says what the flag marks
    )
    result = classify_table(table, context={"dataset_title": "用户档案"}, today=TODAY)
    for name in ("F7", "col_12"):
        c = result.column(name)
        assert c.review and "flag" in c.review_reason, (name, c.evidence)
    for name in ("F3", "是否在校"):
        c = result.column(name)
        assert not c.review and c.level == "none", (name, c.evidence)


def test_persons_names_under_a_generic_organisation_word_are_names() -> None:
    rng = random.Random(64)
    n = 300
    table = _people(
        rng,
        n,
        承租方名称=_names(rng, n),
        出租方名称=[f"成都{rng.choice('锦华蜀')}置业有限公司{i}分公司" for i in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "公租房租赁合同备案"}, today=TODAY)
    c = result.column("承租方名称")
    assert c.entity == "PERSON_NAME" and c.level == "personal", c.evidence
    org = result.column("出租方名称")
    assert org.entity == "ORG_NAME" and org.level == "none" and not org.review, org.evidence
    # a few names repeated over many rows (brands, shops) are not read as persons
    few = _names(rng, 6)
    result = classify_table(
        _people(rng, n, 承租方名称=_pick(rng, n, few)), context={"dataset_title": "公租房租赁合同备案"}, today=TODAY
    )
    assert result.column("承租方名称").entity != "PERSON_NAME", result.column("承租方名称").evidence


def _property_table(rng: random.Random, n: int, with_area: bool) -> pa.Table:
    cols: dict[str, list] = {
        "坐落": [
            f"成都市武侯区{rng.choice(ROADS)}{rng.randint(1, 300)}号{rng.randint(1, 20)}栋"
            f"{rng.randint(1, 4)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}号"
            for _ in range(n)
        ],
        "家庭住址": [f"成都市青羊区{rng.choice(ROADS)}{rng.randint(1, 300)}号" for _ in range(n)],
    }
    if with_area:
        cols["建筑面积（㎡）"] = [f"{rng.uniform(40, 180):.2f}" for _ in range(n)]
    return _people(rng, n, **cols)


def test_the_address_of_a_persons_property_beside_its_area_is_sensitive() -> None:
    rng = random.Random(65)
    n = 300
    result = classify_table(_property_table(rng, n, True), context={"dataset_title": "不动产登记"}, today=TODAY)
    c = result.column("坐落")
    assert c.entity == "ADDRESS" and c.level == "sensitive", c.evidence
    home = result.column("家庭住址")  # a home address by its name stays ordinary personal information
    assert home.entity == "ADDRESS" and home.level == "personal", home.evidence
    # without a column measuring the property, the same addresses are ordinary addresses
    result = classify_table(_property_table(rng, n, False), context={"dataset_title": "不动产登记"}, today=TODAY)
    c = result.column("坐落")
    assert c.entity == "ADDRESS" and c.level == "personal", c.evidence


def _visits(rng: random.Random, persons: int, per_person: int) -> pa.Table:
    """Visits of persons to public venues, each at its own moment (a contact-tracing log when a
    person has several rows)."""
    phones = [mobile(rng) for _ in range(persons)]
    venues = ["某超市", "某火锅店", "东客站候车厅", "某健身房", "某影城"]
    rows = []
    for i in range(persons * per_person):
        rows.append(
            {
                "手机号码": phones[i % persons],
                "到访时间": f"2026-05-{1 + i % 28:02d} {i % 24:02d}:{(7 * i) % 60:02d}:{(13 * i) % 60:02d}",
                "到访场所": rng.choice(venues),
                "场所经度": round(104.0 + rng.random() * 0.2, 6),
                "场所纬度": round(30.5 + rng.random() * 0.2, 6),
            }
        )
    return pa.Table.from_pylist(rows)


def test_places_in_a_log_of_persons_are_their_whereabouts() -> None:
    rng = random.Random(66)
    result = classify_table(_visits(rng, 40, 8), context={"dataset_title": "到访记录"}, today=TODAY)
    for name in ("到访场所", "场所经度", "场所纬度"):
        c = result.column(name)
        assert c.entity == "PRECISE_LOCATION" and c.level == "sensitive", (name, c.evidence)
    # one visit per person: the venues' coordinates are the venues' (an organisation word), as before
    result = classify_table(_visits(rng, 300, 1), context={"dataset_title": "到访记录"}, today=TODAY)
    for name in ("场所经度", "场所纬度"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
