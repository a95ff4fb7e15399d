"""Recall on tables nobody here wrote, round 5, by kind of failure (synthetic tables of this file,
not the evaluation sets): where a person served a sentence or is held, aftercare, relapse and
offence kinds of a person; body measures, care levels and disease codes of health checks; and
statuses written as yes/no questions or as a person's supervision level (also in pinyin
initials). Each kind with a case that must stay non-personal."""

from __future__ import annotations

import random

from privacy.classification import classify_table
from tests.privacy.test_false_alarms import _people
from tests.privacy.test_recall_round3 import _column_of
from tests.privacy.test_recall_round4 import TODAY, _pick


def test_custody_aftercare_and_offence_kinds_of_a_person_are_criminal_records() -> None:
    rng = random.Random(51)
    n = 300
    table = _people(
        rng,
        n,
        原服刑场所=_pick(rng, n, ["省第一监狱", "省女子监狱", "市第二监狱", "省未成年犯管教所"]),
        帮教衔接状态=_pick(rng, n, ["已衔接", "未衔接", "脱管", "已衔接"]),
        累计复吸次数=[rng.randint(0, 4) for _ in range(n)],
        custody_facility_detention=_pick(rng, n, ["市看守所", "区拘留所", "县看守所"]),
        priorConviction=_pick(rng, n, ["有", "无", "无", "无"]),
        涉诈行为类别=_pick(rng, n, ["出租银行卡", "出借电话卡", "冒充客服", "刷单返利"]),
        办理状态=_pick(rng, n, ["已办结", "办理中", "待受理"]),  # a case file's state stays an enumeration
    )
    result = classify_table(table, context={"dataset_title": "安置帮教对象登记"}, today=TODAY)
    for name in (
        "原服刑场所",
        "帮教衔接状态",
        "累计复吸次数",
        "custody_facility_detention",
        "priorConviction",
        "涉诈行为类别",
    ):
        c = result.column(name)
        assert c.entity == "CRIMINAL_RECORD" and c.level == "sensitive", (name, c.evidence)
    other = result.column("办理状态")
    assert other.entity != "CRIMINAL_RECORD" and other.level == "none" and not other.review, other.evidence
    # a prison's own register of its facilities is about organisations, not about persons
    prisons: dict[str, list] = {
        "监所名称": [f"第{i + 1}监所" for i in range(40)],
        "服刑人员床位数": [rng.randint(200, 2000) for _ in range(40)],
    }
    beds = _column_of(prisons, "监管场所床位统计", "服刑人员床位数")
    assert beds.level == "none" and not beds.review, beds.evidence


def test_body_measures_care_levels_and_disease_codes_are_health_information() -> None:
    rng = random.Random(52)
    n = 300
    table = _people(
        rng,
        n,
        body_fat_ratio=[round(rng.uniform(8, 40), 1) for _ in range(n)],
        boneAgeYears=[round(rng.uniform(6, 16), 1) for _ in range(n)],
        肺活量测试值=[rng.randint(1200, 5200) for _ in range(n)],
        nursing_level=_pick(rng, n, ["一级", "二级", "三级", "特级"]),
        慢病病种编码=_pick(rng, n, ["M03900", "M01600", "M07800", "M04600"]),
        service_level=_pick(rng, n, ["一级", "二级", "三级"]),  # a service contract's tier stays an enumeration
    )
    result = classify_table(table, context={"dataset_title": "会员体测与照护记录"}, today=TODAY)
    for name in ("body_fat_ratio", "boneAgeYears", "肺活量测试值", "nursing_level", "慢病病种编码"):
        c = result.column(name)
        assert c.entity == "MEDICAL_CONDITION" and c.level == "sensitive", (name, c.evidence)
    other = result.column("service_level")
    assert other.entity != "MEDICAL_CONDITION" and other.level == "none" and not other.review, other.evidence


def test_yes_no_statuses_and_supervision_levels_of_a_person_are_sensitive() -> None:
    rng = random.Random(53)
    n = 300
    table = _people(
        rng,
        n,
        SFJYKN=_pick(rng, n, ["是", "否", "否"]),  # 是否就业困难, in pinyin initials
        是否困难职工家庭=_pick(rng, n, ["是", "否", "否", "否"]),
        留守儿童类型=_pick(rng, n, ["父母均外出", "父亲外出", "母亲外出", "非留守"]),
        稳控责任等级=_pick(rng, n, ["A", "B", "C"]),
        employment_difficulty_flag=_pick(rng, n, ["Y", "N", "N"]),
        是否党员=_pick(rng, n, ["是", "否"]),  # an ordinary yes/no attribute is not a hardship status
    )
    result = classify_table(table, context={"dataset_title": "帮扶对象名册"}, today=TODAY)
    for name in ("SFJYKN", "是否困难职工家庭", "留守儿童类型", "稳控责任等级", "employment_difficulty_flag"):
        c = result.column(name)
        assert c.level == "sensitive", (name, c.evidence)
    other = result.column("是否党员")
    assert other.level != "sensitive", other.evidence


def test_numbers_of_persons_named_by_an_abbreviated_or_sector_role_are_person_ids() -> None:
    rng = random.Random(54)
    n = 300
    table = _people(
        rng,
        n,
        psnId=[f"P{rng.randint(10**9, 10**10 - 1)}" for _ in range(n)],  # psn: person, in medical-insurance interfaces
        athlete_code=[f"YD{rng.randint(10**7, 10**8 - 1)}" for _ in range(n)],
        运动员注册编码=[f"3301{rng.randint(10**9, 10**10 - 1)}" for _ in range(n)],
        event_code=_pick(rng, n, ["E100", "E200", "E400", "E800"]),  # the race run stays a code
    )
    result = classify_table(table, context={"dataset_title": "参赛与结算登记"}, today=TODAY)
    for name in ("psnId", "athlete_code", "运动员注册编码"):
        c = result.column(name)
        # recognised as a person's number by its name, not merely held as an unexplained code
        assert c.entity == "PERSON_ID" and c.level == "personal" and not c.review, (name, c.evidence)
    other = result.column("event_code")
    assert other.level == "none" and not other.review, other.evidence
