"""Recall on tables nobody here wrote, round 3, by kind of missing evidence (synthetic tables of
this file, not the evaluation sets): persons named by their occupation or duty, a person's number
after a role word in a register of organisations, shares and dividends of a member, foreign
documents under a document-number name, codes built on the holder's ID number, and homes under a
service address. Each kind with a case that must stay non-personal."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from privacy.classification import classify_table
from privacy.types import ColumnClassification
from tests.privacy.test_false_alarms import GIVEN, SURNAMES, _names, _people
from tests.testdata import mobile, resident_id

TODAY = dt.date(2026, 6, 1)


def _column_of(cols: dict[str, list], title: str, name: str) -> ColumnClassification:
    """One column of a table classified on its own (the cases that must stay non-personal)."""
    return classify_table(pa.table(cols), context={"dataset_title": title}, today=TODAY).column(name)


def _stations(rng: random.Random, n: int, **cols: list) -> pa.Table:
    """A register of legal-aid workstations (one row per station, its own address)."""
    roads = ["人民路", "解放路", "中山路", "建设路", "文化路", "新华路"]
    return pa.table(
        {
            "工作站名称": [f"第{i + 1}法律援助工作站" for i in range(n)],
            "工作站地址": [f"杭州市西湖区{rng.choice(roads)}{rng.randint(1, 400)}号" for _ in range(n)],
            "工作站编号": [f"ZS{i + 1:04d}" for i in range(n)],
            **cols,
        }
    )


def test_a_person_named_by_occupation_or_duty_is_a_name_even_in_a_register_of_stations() -> None:
    rng = random.Random(1)
    n = 120
    table = _stations(
        rng, n, 值班律师=_names(rng, n), 所属律师事务所=[f"浙江{rng.choice('正大明信诚')}律师事务所" for _ in range(n)]
    )
    result = classify_table(table, context={"dataset_title": "法律援助工作站及值班律师"}, today=TODAY)
    lawyer = result.column("值班律师")
    assert lawyer.entity == "PERSON_NAME" and lawyer.level == "personal", lawyer.evidence
    firm = result.column("所属律师事务所")
    assert firm.level == "none" and not firm.review, firm.evidence


def test_a_number_after_a_role_word_is_the_persons_in_any_table() -> None:
    rng = random.Random(2)
    n = 120
    table = _stations(
        rng, n, 值班律师=_names(rng, n), 律师执业证号=[f"1{rng.randint(10**15, 10**16 - 1)}" for _ in range(n)]
    )
    result = classify_table(table, context={"dataset_title": "法律援助工作站及值班律师"}, today=TODAY)
    licence = result.column("律师执业证号")
    assert licence.level == "personal", licence.evidence
    assert any("role word" in e for e in licence.evidence)
    station = result.column("工作站编号")  # the station's own code stays public
    assert station.level == "none" and not station.review, station.evidence


def test_shares_and_dividends_of_a_member_are_property() -> None:
    rng = random.Random(3)
    n = 300
    table = _people(
        rng,
        n,
        股份数=[rng.choice(["1", "1.5", "2", "2.5", "3"]) for _ in range(n)],
        fenhong=[round(rng.uniform(200, 3000), 2) for _ in range(n)],
        家庭人数=[rng.randint(1, 7) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "村股份经济合作社成员分红名册"}, today=TODAY)
    for name in ("股份数", "fenhong"):
        c = result.column(name)
        assert c.entity == "PERSONAL_INCOME" and c.level == "sensitive", (name, c.evidence)
    count = result.column("家庭人数")  # a count of the household stays an aggregate word
    assert count.level == "none" and not count.review, count.evidence


def test_foreign_documents_under_a_document_number_name_are_passports() -> None:
    rng = random.Random(4)
    n = 200
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def foreign() -> str:
        shape = rng.randrange(3)
        if shape == 0:
            return rng.choice(letters) + f"{rng.randint(0, 10**8 - 1):08d}"
        if shape == 1:
            return f"{rng.randint(10**8, 10**9 - 1)}"
        return rng.choice(letters) + rng.choice(letters) + f"{rng.randint(0, 10**7 - 1):07d}"

    table = _people(rng, n, doc_no=[foreign() for _ in range(n)])
    result = classify_table(table, context={"dataset_title": "境外人员住宿登记"}, today=TODAY)
    doc = result.column("doc_no")
    assert doc.entity == "PASSPORT" and doc.level == "sensitive", doc.evidence
    # decision numbers of penalties against companies are no travel documents
    companies = {
        "企业名称": [f"杭州{rng.choice('东南西北')}{i}贸易有限公司" for i in range(n)],
        "doc_no": [f"杭市监罚〔{rng.randint(2019, 2025)}〕{rng.randint(1, 999)}号" for _ in range(n)],
    }
    other = _column_of(companies, "行政处罚决定", "doc_no")
    assert other.entity != "PASSPORT" and other.level == "none", other.evidence


def test_codes_built_on_the_holders_id_number_are_id_numbers_whatever_the_name() -> None:
    rng = random.Random(5)
    n = 200
    ids = [resident_id(rng) for _ in range(n)]
    table = pa.table(
        {
            "姓名": _names(rng, n),
            # a certificate number: a series prefix, the ID number, a grade (the recognizer's whole-cell
            # forms, ID + two digits and G + ID, do not cover it)
            "col_3": [f"CJ{i}{rng.choice(['11', '12', '21', '42'])}" for i in ids],
            "证书编号": [f"{rng.randint(1, 9)}{i}A" for i in ids],  # a person's number (people_key name)
            "登记编号": [f"DJ{i}" for i in ids],  # a code name
            "受理编号": [f"SL{rng.randint(10**19, 10**20 - 1)}" for _ in range(n)],  # no ID inside
        }
    )
    result = classify_table(table, context={"dataset_title": "残疾人两项补贴发放名册"}, today=TODAY)
    for name in ("col_3", "证书编号", "登记编号"):
        c = result.column(name)
        assert c.entity == "CN_RESIDENT_ID" and c.level == "sensitive", (name, c.evidence)
        assert any("glued" in e for e in c.evidence)
    other = result.column("受理编号")
    assert other.entity != "CN_RESIDENT_ID" and other.level == "none", other.evidence


def test_homes_under_a_service_address_stay_personal_in_a_table_about_people() -> None:
    rng = random.Random(6)
    n = 300
    roads = ["临江路", "解放路", "光华大道", "东大街", "迎宾大道"]

    def flat() -> str:
        return (
            f"成都市青羊区{rng.choice(roads)}{rng.randint(1, 400)}号{rng.randint(1, 30)}幢"
            f"{rng.randint(1, 4)}单元{rng.randint(1, 30)}{rng.randint(1, 8):02d}号"
        )

    table = _people(
        rng, n, 服务地址=[flat() for _ in range(n)], 服务项目=[rng.choice(["助餐", "助洁"]) for _ in range(n)]
    )
    result = classify_table(table, context={"dataset_title": "居家养老上门服务工单"}, today=TODAY)
    home = result.column("服务地址")
    assert home.entity == "ADDRESS" and home.level == "personal", home.evidence
    # a register of service stations: their own address (no flat) stays the organisation's
    stations = {
        "服务站名称": [f"第{i + 1}居家养老服务站" for i in range(n)],
        "服务地址": [f"成都市青羊区{rng.choice(roads)}{rng.randint(1, 400)}号" for _ in range(n)],
    }
    own = _column_of(stations, "居家养老服务站名录", "服务地址")
    assert own.level == "none" and not own.review, own.evidence


def test_criminal_justice_data_elements_of_a_person_are_criminal_records() -> None:
    rng = random.Random(7)
    n = 300
    table = _people(
        rng,
        n,
        是否累犯=[rng.choice(["是", "否", "否", "否"]) for _ in range(n)],
        ssjd=[rng.choice(["侦查", "审查起诉", "一审", "待执行"]) for _ in range(n)],  # 诉讼阶段 by its initials
        减刑次数=[rng.randint(0, 3) for _ in range(n)],
        是否党员=[rng.choice(["是", "否"]) for _ in range(n)],  # an unrelated yes/no stays unknown, not an offence
    )
    result = classify_table(table, context={"dataset_title": "在押人员信息"}, today=TODAY)
    for name in ("是否累犯", "ssjd", "减刑次数"):
        c = result.column(name)
        assert c.entity == "CRIMINAL_RECORD" and c.level == "sensitive", (name, c.evidence)
    assert result.column("是否党员").entity != "CRIMINAL_RECORD"


def test_health_check_items_named_in_english_are_health_information() -> None:
    rng = random.Random(8)
    n = 300
    table = _people(
        rng,
        n,
        ecg=[rng.choice(["正常", "窦性心动过速", "ST段改变", "房颤"]) for _ in range(n)],
        self_care=[rng.choice(["可自理", "轻度依赖", "中度依赖", "不能自理"]) for _ in range(n)],
        tcm_type=[rng.choice(["平和质", "气虚质", "阳虚质", "痰湿质"]) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "老年人健康体检"}, today=TODAY)
    for name in ("ecg", "self_care", "tcm_type"):
        c = result.column(name)
        assert c.entity == "MEDICAL_CONDITION" and c.level == "sensitive", (name, c.evidence)


def test_student_aid_and_debt_collection_states_are_a_persons_status() -> None:
    rng = random.Random(9)
    n = 300
    table = _people(
        rng,
        n,
        zzxm=[rng.choice(["国家助学金一等", "国家助学金二等", "生源地信用助学贷款"]) for _ in range(n)],
        collectStatus=[rng.choice(["电话催收", "委外催收", "已起诉"]) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "学生资助及催收名单"}, today=TODAY)
    for name in ("zzxm", "collectStatus"):
        c = result.column(name)
        assert c.level == "sensitive", (name, c.evidence)


def test_keys_of_inmates_vaccinees_and_employees_are_keys_of_persons() -> None:
    rng = random.Random(10)
    n = 300
    table = _people(
        rng,
        n,
        罪犯编号=[f"43{rng.randint(10**8, 10**9 - 1)}" for _ in range(n)],
        受种者编码=[f"4301{rng.randint(10**10, 10**11 - 1)}" for _ in range(n)],
        empNo=[f"E{rng.randint(10000, 99999)}" for _ in range(n)],
        批次号=[f"PC{rng.randint(1, 20):03d}" for _ in range(n)],  # a batch: a code, not a person
    )
    result = classify_table(table, context={"dataset_title": "人员名册"}, today=TODAY)
    for name in ("罪犯编号", "受种者编码", "empNo"):
        c = result.column(name)
        assert c.level == "personal" and not c.review, (name, c.evidence)
    batch = result.column("批次号")
    assert batch.level == "none" and not batch.review, batch.evidence


def test_court_case_numbers_name_the_persons_case_but_not_a_companys() -> None:
    rng = random.Random(11)
    n = 300

    def case_no() -> str:
        kind = rng.choice(["民初", "执", "刑初", "民终"])
        return f"（{rng.randint(2018, 2025)}）湘01{rng.randint(0, 9):02d}{kind}{rng.randint(1, 9999)}号"

    table = _people(rng, n, caseCode=[case_no() for _ in range(n)], gistId=[case_no() for _ in range(n)])
    result = classify_table(table, context={"dataset_title": "失信被执行人"}, today=TODAY)
    for name in ("caseCode", "gistId"):
        c = result.column(name)
        assert c.level == "personal" and any("court case numbers" in e for e in c.evidence), (name, c.evidence)
    companies = {
        "企业名称": [f"长沙{rng.choice('东南西北')}{i}建材有限公司" for i in range(n)],
        "caseCode": [case_no() for _ in range(n)],
    }
    other = _column_of(companies, "涉诉企业名录", "caseCode")
    assert other.level == "none" and not other.review, other.evidence


def test_cell_tower_identifiers_of_a_person_are_whereabouts() -> None:
    rng = random.Random(12)
    n = 300
    table = _people(
        rng, n, 基站LAC_CI=[f"{rng.randint(20000, 29999)}-{rng.randint(10**7, 10**8 - 1)}" for _ in range(n)]
    )
    result = classify_table(table, context={"dataset_title": "人员轨迹"}, today=TODAY)
    c = result.column("基站LAC_CI")
    assert c.level == "sensitive" and c.entity == "PRECISE_LOCATION", c.evidence


def test_follow_up_values_of_severe_mental_disorders_are_health_under_opaque_names() -> None:
    rng = random.Random(13)
    n = 300
    table = _people(
        rng,
        n,
        F07=[rng.choice(["规律服药", "间断服药", "不服药"]) for _ in range(n)],
        F11=[rng.choice(["无", "无", "无", "曾关锁"]) for _ in range(n)],
        F12=[rng.choice(["电话", "门诊", "家庭访视"]) for _ in range(n)],  # how the visit was made
    )
    result = classify_table(table, context={"dataset_title": "严重精神障碍患者随访"}, today=TODAY)
    for name in ("F07", "F11"):
        c = result.column(name)
        assert c.entity == "MEDICAL_CONDITION" and c.level == "sensitive", (name, c.evidence)
    assert result.column("F12").entity != "MEDICAL_CONDITION"


def test_masked_cards_are_cards_not_organisation_codes() -> None:
    rng = random.Random(14)
    n = 300
    cards = [f"{rng.choice(['622588', '621700', '436742'])}******{rng.randint(0, 9999):04d}" for _ in range(n)]
    table = _people(rng, n, bound_card=cards)
    c = classify_table(table, context={"dataset_title": "ETC通行记录"}, today=TODAY).column("bound_card")
    assert c.entity in ("BANK_CARD", "CREDIT_CARD") and c.level == "sensitive", c.evidence


def test_identifiers_inside_sentences_are_the_peoples_whatever_the_name_says() -> None:
    rng = random.Random(15)
    n = 300

    def account() -> str:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if rng.random() < 0.4:
            return f"{name}（身份证{resident_id(rng)}）与邻居发生纠纷，要求民警到场处理"
        return f"报警人称其在菜市场被盗手机一部，报警人{name}，电话{mobile(rng)}"

    # jyjq: 警情简要 by its initials, which also read as 经营 + ... (an organisation's word)
    table = _people(rng, n, jyjq=[account() for _ in range(n)])
    c = classify_table(table, context={"dataset_title": "110接处警记录"}, today=TODAY).column("jyjq")
    assert c.level == "sensitive", c.evidence


def test_stations_where_a_persons_trip_entered_and_left_are_whereabouts() -> None:
    rng = random.Random(16)
    n = 300
    stations = ["长沙西收费站", "宁乡收费站", "浏阳收费站", "湘潭北收费站", "株洲东收费站"]
    table = _people(
        rng,
        n,
        en_station=[rng.choice(stations) for _ in range(n)],
        ex_station=[rng.choice(stations) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "ETC通行记录"}, today=TODAY)
    for name in ("en_station", "ex_station"):
        c = result.column(name)
        assert c.entity == "PRECISE_LOCATION" and c.level == "sensitive", (name, c.evidence)
    # the same stations in a register of toll stations are the organisation's places
    register: dict[str, list] = {"收费站名称": stations * 10, "入口站": stations * 10, "车道数": [4] * 50}
    other = _column_of(register, "收费站名录", "入口站")
    assert other.level == "none" and not other.review, other.evidence
