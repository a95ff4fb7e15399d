"""Recall on tables nobody here wrote, round 4, by kind of failure (synthetic tables of this file,
not the evaluation sets): offender and driver measures under names nobody explains, health values
under opaque or code names, sensitive statuses with no entity of their own, venues where persons
stayed or worship, times of birth written with hours, and numbers of persons (PERSON_ID). Each
kind with a case that must stay non-personal."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa
import pytest

from privacy.classification import classify_table
from privacy.recognizers.medical_condition import MedicalConditionRecognizer
from privacy.recognizers.person_id import PersonIdRecognizer
from privacy.types import ENTITIES
from tests.privacy.test_false_alarms import _names, _people
from tests.privacy.test_recall_round3 import _column_of

TODAY = dt.date(2026, 6, 1)


def _pick(rng: random.Random, n: int, values: list[str]) -> list[str]:
    return [rng.choice(values) for _ in range(n)]


def test_offender_and_driver_measures_under_unfamiliar_names_are_criminal_records() -> None:
    rng = random.Random(41)
    n = 300
    table = _people(
        rng,
        n,
        col_4=_pick(rng, n, ["严格管理", "宽松管理", "宽松管理", "严格管理", "普通管理"]),  # supervision grade
        zt2=_pick(rng, n, ["正常", "吊销", "暂扣", "违法未处理", "暂扣"]),  # a driving licence's state
        tj=_pick(rng, n, ["不得进入娱乐场所", "参加公益劳动20小时", "接受法治教育"]),  # conditions of non-prosecution
        qx=_pick(rng, n, ["冒名就医", "虚构医药服务", "倒卖医保药品", "伪造票据报销"]),  # insurance fraud of a person
        sbzt=_pick(rng, n, ["正常", "停用", "注销"]),  # an account's state stays an enumeration
    )
    result = classify_table(table, context={"dataset_title": "社区矫正和驾驶人管理"}, today=TODAY)
    for name in ("col_4", "zt2", "tj", "qx"):
        c = result.column(name)
        assert c.entity == "CRIMINAL_RECORD" and c.level == "sensitive", (name, c.evidence)
    other = result.column("sbzt")
    assert other.entity != "CRIMINAL_RECORD" and other.level == "none" and not other.review, other.evidence
    # a company's licence revoked is public enforcement information, not a person's record
    companies = {
        "企业名称": [f"杭州{rng.choice('东南西北')}{i}贸易有限公司" for i in range(n)],
        "处罚结果": _pick(rng, n, ["吊销营业执照", "罚款", "警告", "责令改正"]),
    }
    penalty = _column_of(companies, "行政处罚公示", "处罚结果")
    assert penalty.level == "none" and not penalty.review, penalty.evidence


def test_health_values_under_opaque_or_code_names_are_health_information() -> None:
    rng = random.Random(42)
    n = 300
    table = _people(
        rng,
        n,
        item_code=_pick(rng, n, ["HGB", "PLT", "AST", "HbA1c", "HBsAg", "TSH"]),
        xmmc=_pick(rng, n, ["血红蛋白", "尿素氮", "甘油三酯", "谷丙转氨酶"]),
        F7=_pick(rng, n, ["TDF+3TC+EFV", "AZT+3TC+NVP", "TDF/FTC", "DTG+3TC"]),  # a treatment regimen
        F8=_pick(rng, n, ["异性传播", "同性传播", "注射毒品", "母婴传播", "不详"]),  # transmission route
        F9=_pick(rng, n, ["轻微伤", "轻伤", "重伤", "轻伤"]),  # degree of injury
        ywlx=_pick(rng, n, ["A01", "A02", "B01", "B07"]),  # service item codes stay codes
        cclx=_pick(rng, n, ["因公", "因私"]),  # a trip on duty or private: not a disability cause
    )
    result = classify_table(table, context={"dataset_title": "随访和检验记录"}, today=TODAY)
    for name in ("item_code", "xmmc", "F7", "F8", "F9"):
        c = result.column(name)
        assert c.entity == "MEDICAL_CONDITION" and c.level == "sensitive", (name, c.evidence)
    for name in ("ywlx", "cclx"):
        c = result.column(name)
        assert c.entity != "MEDICAL_CONDITION" and c.level == "none", (name, c.evidence)


def test_medical_abbreviations_count_only_as_whole_cells_of_known_parts() -> None:
    rec = MedicalConditionRecognizer()
    for value in ("WBC", "HIV_Ab", "hba1c", "TDF+3TC+DTG", "BIC/FTC/TAF", "LPV/r+3TC", "因战"):
        assert rec.match_cell(value) == "valid", value
    for value in ("ABC", "A/B", "TDF-2024-01", "WBC123", "因公", "XYZ+3TC"):
        assert rec.match_cell(value) is None, value


def test_sensitive_statuses_without_an_entity_are_held_back_as_sensitive() -> None:
    rng = random.Random(43)
    n = 300
    table = _people(
        rng,
        n,
        jzzk=_pick(rng, n, ["自置", "按揭", "租房", "亲属楼宇"]),  # housing tenure
        jhlb=_pick(rng, n, ["无", "国家专项计划", "地方专项计划", "高校专项计划"]),  # enrolment for poor areas
        creditScore=[rng.randint(300, 900) for _ in range(n)],
        low_income_relief=_pick(rng, n, ["Y", "N", "N", "N"]),
        jyfs=_pick(rng, n, ["现金", "转账", "刷卡"]),  # how a fee was paid stays an enumeration
    )
    result = classify_table(table, context={"dataset_title": "申请人信息"}, today=TODAY)
    for name in ("jzzk", "jhlb", "creditScore", "low_income_relief"):
        c = result.column(name)
        assert c.level == "sensitive", (name, c.evidence)
    other = result.column("jyfs")
    assert other.level == "none" and not other.review, other.evidence


def test_venues_repeated_over_people_are_where_they_stayed_or_what_they_believe() -> None:
    rng = random.Random(44)
    n = 400
    cafes = ["飞越网吧", "银河网咖(解放店)", "蓝天网吧", "极客电竞馆"]
    hotels = ["西子宾馆", "湖滨青年旅舍", "如家快捷酒店(武林店)", "龙井山庄民宿"]
    table = _people(
        rng,
        n,
        site_name=_pick(rng, n, cafes),
        stay_at=_pick(rng, n, hotels),
        worship=_pick(rng, n, ["城西清真寺", "南关清真寺", "北门清真寺"]),
        gzdw=_pick(rng, n, hotels),  # the person's employer (工作单位): an organisation
    )
    result = classify_table(table, context={"dataset_title": "人员登记"}, today=TODAY)
    for name in ("site_name", "stay_at"):
        c = result.column(name)
        assert c.entity == "PRECISE_LOCATION" and c.level == "sensitive", (name, c.evidence)
    belief = result.column("worship")
    assert belief.entity == "RELIGION" and belief.level == "sensitive", belief.evidence
    employer = result.column("gzdw")
    assert employer.entity != "PRECISE_LOCATION", employer.evidence
    # a register of hotels (one row each) names organisations, not anyone's stay
    register: dict[str, list] = {
        "旅馆名称": [f"{rng.choice('东南西北')}湖{i}号宾馆" for i in range(n)],
        "地址": [f"杭州市西湖区文三路{i + 1}号" for i in range(n)],
        "床位数": [rng.randint(10, 200) for _ in range(n)],
    }
    own = _column_of(register, "旅馆业名录", "旅馆名称")
    assert own.level == "none" and not own.review, own.evidence


def test_times_of_birth_with_hours_are_birth_dates() -> None:
    rng = random.Random(45)
    n = 300

    def stamp(year: int) -> str:
        return f"{year}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日{rng.randint(0, 23):02d}时{rng.randint(0, 59):02d}分"

    table = pa.table(
        {
            "新生儿姓名": _names(rng, n),
            "出生时间": [stamp(rng.choice([2024, 2025])) for _ in range(n)],
            "签发时间": [stamp(2026) for _ in range(n)],  # when the certificate was issued: an event
        }
    )
    result = classify_table(table, context={"dataset_title": "出生医学证明"}, today=TODAY)
    birth = result.column("出生时间")
    assert birth.entity == "DATE_OF_BIRTH" and birth.level != "none", birth.evidence
    issued = result.column("签发时间")
    assert issued.entity != "DATE_OF_BIRTH", issued.evidence


def test_numbers_of_persons_are_labelled_person_id() -> None:
    assert "PERSON_ID" in ENTITIES
    rng = random.Random(46)
    n = 300
    table = _people(
        rng,
        n,
        学号=[f"2024{rng.randint(10**5, 10**6 - 1)}" for _ in range(n)],
        col_9=[f"HZ{rng.randint(10**7, 10**8 - 1)}X" for _ in range(n)],  # unique codes under an opaque name
        受理编号=[f"SL{rng.randint(10**11, 10**12 - 1)}" for _ in range(n)],  # numbers an application
        监督卡号=[f"JD{rng.randint(10**7, 10**8 - 1)}" for _ in range(n)],  # a card name, codes no bank issues
    )
    result = classify_table(table, context={"dataset_title": "学生资助名单"}, today=TODAY)
    student = result.column("学号")
    assert student.entity == "PERSON_ID" and student.level == "personal", student.evidence
    held = result.column("col_9")  # held for review, shown to the officer as a suspected person number
    assert held.review and held.entity == "PERSON_ID", held.evidence
    card = result.column("监督卡号")  # held (no Luhn, no card prefix): shown as a person's number, not a bank card
    assert card.review and card.entity == "PERSON_ID", card.evidence
    record = result.column("受理编号")
    assert record.entity != "PERSON_ID" and record.level == "none", record.evidence


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025449844", "valid"),
        ("HZ1000238X", "valid"),
        ("ZY-2024-000123", "valid"),
        ("2024****1234", "masked"),
        ("12", None),
        ("A1B2", None),
        ("abcdefgh1234", None),
        ("张三", None),
        ("1" * 33, None),
        ("1964-05", None),  # a month of birth
        ("17-JAN-1990", None),  # a date with a month name
    ],
)
def test_person_id_recognizer_cells(value: str, expected: str | None) -> None:
    assert PersonIdRecognizer().match_cell(value, hinted=True) == expected


def test_person_id_recognizer_in_text_needs_a_lead_word_and_a_number() -> None:
    rec = PersonIdRecognizer()
    assert [s.pattern for s in rec.find_in_text("该生学号：2024123456，已发放")] == ["person_number"]
    assert rec.find_in_text("请携带学号和身份证办理") == []
    assert rec.find_in_text("编号2024123456的文件") == []
