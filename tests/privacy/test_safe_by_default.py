"""Safe by default, by kind of evidence (synthetic tables of this file, not the evaluation set):
a rare health category among an enumeration's values, small numbers under a name that does not
say what they count, codes padded with zeros that are no sums of money, regions and rooms that
are no addresses or names, and narratives of injuries in a register of organisations."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from privacy.classification import classify_table
from privacy.recognizers.org_name import is_org_name, is_place_name
from tests.testdata import resident_id

TODAY = dt.date(2026, 6, 1)


def _people(rng: random.Random, n: int, **cols: list) -> pa.Table:
    return pa.table(
        {"姓名": [rng.choice("赵钱孙李周吴郑王") + rng.choice("伟芳娜敏静丽强磊") for _ in range(n)], **cols}
    )


def test_a_rare_health_category_among_reasons_holds_the_column() -> None:
    rng = random.Random(1)
    n = 600
    common = ["购买自住住房", "偿还购房贷款", "租赁住房", "离休、退休"]
    reasons = [rng.choice(common) for _ in range(n)]
    for i in range(0, n, 40):  # 2.5% of the rows: a serious illness, an incapacity
        reasons[i] = "重大疾病" if i % 80 else "完全丧失劳动能力"
    table = _people(rng, n, col_4=reasons, col_5=[rng.choice(common) for _ in range(n)])
    result = classify_table(table, context={"dataset_title": "提取明细"}, today=TODAY)
    held = result.column("col_4")
    assert held.review and "MEDICAL_CONDITION" in held.review_reason, held.evidence
    # the same reasons without a health state are an enumeration
    assert result.column("col_5").level == "none" and not result.column("col_5").review


def test_small_numbers_under_an_unknown_name_are_held_unless_they_are_ages() -> None:
    rng = random.Random(2)
    n = 300
    births = [dt.date(rng.randrange(1935, 1965), rng.randrange(1, 13), rng.randrange(1, 29)) for _ in range(n)]
    ids = [resident_id(rng, birth=b) for b in births]
    ages = [TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day)) - 1 for b in births]  # a year ago
    table = _people(
        rng,
        n,
        身份证号=ids,
        col_3=ages,
        col_7=[rng.randrange(95, 185) for _ in range(n)],  # systolic pressure? offence points? nobody can tell
        就诊次数=[rng.randrange(0, 12) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "随访登记"}, today=TODAY)
    assert result.column("col_7").review, result.column("col_7").evidence
    assert "small whole numbers" in result.column("col_7").review_reason
    for name in ("col_3", "就诊次数"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)


def test_codes_padded_with_zeros_are_no_sums_of_money() -> None:
    rng = random.Random(3)
    n = 300
    table = _people(
        rng,
        n,
        身份证号=[resident_id(rng) for _ in range(n)],
        CJJG=[rng.choice(["330100000000", "330200000000", "330300000000", "330106001000"]) for _ in range(n)],
        col_9=[rng.choice([200, 500, 800, 1500, 2000]) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "处罚决定"}, today=TODAY)
    codes = result.column("CJJG")
    assert codes.level == "none" and not codes.review, codes.evidence
    assert result.column("col_9").review  # whole sums of money of a person: still held


def test_village_groups_junctions_and_court_rooms_are_not_personal() -> None:
    assert is_place_name("丹桂社区11组") and is_place_name("红星村第三组")
    assert is_place_name("学院路与体育场路交叉口")
    assert is_org_name("第13法庭")
    # a person's name ending in a group word, a bare number: neither
    assert not is_place_name("张三组") and not is_place_name("第3组") and not is_org_name("王法")
    rng = random.Random(4)
    n = 400
    groups = [f"{rng.choice(['丹桂', '凤起', '紫荆', '银杏'])}社区{rng.randrange(1, 15)}组" for _ in range(n)]
    table = _people(rng, n, 身份证号=[resident_id(rng) for _ in range(n)], 所在村组=groups)
    c = classify_table(table, context={"dataset_title": "承包户"}, today=TODAY).column("所在村组")
    assert c.level == "none" and not c.review, c.evidence


def test_a_narrative_of_injuries_in_a_register_of_organisations_stays_sensitive() -> None:
    rng = random.Random(5)
    n = 120
    firms = [
        f"{rng.choice(['恒达', '宏远', '新华', '金石'])}{rng.choice(['建材', '机械', '化工'])}有限公司"
        for _ in range(n)
    ]
    story = [
        f"{rng.randrange(1, 12)}月{rng.randrange(1, 28)}日车间作业时一名工人被卷入设备，造成{rng.choice(['左手骨折', '颅脑损伤', '多处烧伤'])}，送医院救治"
        for _ in range(n)
    ]
    table = pa.table(
        {"企业名称": firms, "事故类型": [rng.choice(["机械伤害", "灼烫"]) for _ in range(n)], "col_6": story}
    )
    result = classify_table(table, context={"dataset_title": "生产安全事故"}, today=TODAY)
    assert result.subject in ("organisations", "mixed")
    assert result.column("col_6").level == "sensitive", result.column("col_6").evidence


def test_a_village_group_of_each_rows_own_plot_is_its_address() -> None:
    rng = random.Random(6)
    n = 300
    plots = [
        f"某县{rng.choice(['古荡', '柳市', '灵溪'])}镇{rng.choice(['王田', '上塘', '石溪'])}村{i}组" for i in range(n)
    ]
    table = _people(rng, n, 身份证号=[resident_id(rng) for _ in range(n)], 宅基地坐落=plots)
    c = classify_table(table, context={"dataset_title": "宅基地审批"}, today=TODAY).column("宅基地坐落")
    assert c.entity == "ADDRESS" and c.level != "none", c.evidence


def test_offence_points_read_from_initials_and_consumption_read_from_units() -> None:
    from privacy.holds import _count_unit
    from privacy.name_hints import analyse_name

    assert analyse_name("WFJFS").entity == "CRIMINAL_RECORD"  # 违法记分数
    assert analyse_name("WFSJ").entity != "CRIMINAL_RECORD"  # 违法时间: the date of an event
    assert _count_unit("用水量（吨）") and _count_unit("用电量(千瓦时)")
    assert not _count_unit("体重(kg)") and not _count_unit("建筑面积（平方米）")


def test_few_numbers_under_an_unknown_name_are_held_unless_the_name_says_what_they_count() -> None:
    rng = random.Random(7)
    n = 400
    few = [rng.choice([0, 0, 1, 2]) for _ in range(n)]  # disabled members of the household? nobody can tell
    table = _people(
        rng,
        n,
        身份证号=[resident_id(rng) for _ in range(n)],
        字段9=few,
        家庭人口=[rng.choice([1, 2, 3, 4, 5]) for _ in range(n)],
        **{"保障人口（人）": [rng.choice([1, 2, 3]) for _ in range(n)], "col_2": [1] * n},
    )
    result = classify_table(table, context={"dataset_title": "监测对象"}, today=TODAY)
    assert result.column("字段9").review, result.column("字段9").evidence
    for name in ("家庭人口", "保障人口（人）", "col_2"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
