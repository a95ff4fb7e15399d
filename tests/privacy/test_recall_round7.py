"""Recall round 7, by kind of failure (synthetic tables of this file, not the evaluation sets): a
seller's code on every contract does not turn a table of buyers into a register of organisations;
persons mixed with companies in one column are persons; an amount per head in cents that varies
with the rows is a household's money; places of worship named by their kind (某某寺, 某某庵) or
faith (天主教某某堂). Each kind with a case that must stay as it is."""

from __future__ import annotations

import random

import pyarrow as pa

from privacy.classification import classify_table
from tests.privacy.test_false_alarms import _names, _people
from tests.privacy.test_recall_round4 import TODAY, _pick
from tests.testdata import mobile, resident_id, uscc

ROADS = ["人民路", "解放路", "中山路", "建设路", "韶山路", "芙蓉路"]
ESTATES = ["金色家园", "湘江世纪城", "丽景花园", "铁路小区"]


def _flat(rng: random.Random) -> str:
    return (
        f"湖南省长沙市岳麓区{rng.choice(ROADS)}{rng.randrange(1, 400)}号{rng.choice(ESTATES)}"
        f"{rng.randrange(1, 30)}栋{rng.randrange(1, 4)}单元{rng.randrange(1, 30)}0{rng.randrange(1, 5)}室"
    )


def test_a_sellers_code_on_every_contract_does_not_make_the_buyers_an_organisation_register() -> None:
    rng = random.Random(71)
    n = 300
    developers = ["长沙湘江置业有限公司", "湖南华盛房地产开发有限公司", "株洲金色家园置业有限公司"]
    table = pa.table(
        {
            "合同编号": [f"YS{2024000 + i}" for i in range(n)],
            "开发企业": _pick(rng, n, developers),
            "出卖人信用代码": [uscc(rng) for _ in range(n)],  # the project company of each contract
            "买受人姓名": _names(rng, n),
            "买受人证件号码": [resident_id(rng) for _ in range(n)],
            "房屋坐落": [_flat(rng) for _ in range(n)],
            "成交总价": [round(rng.uniform(5e5, 4e6), 2) for _ in range(n)],
            "买受人电话": [mobile(rng) for _ in range(n)],
        }
    )
    result = classify_table(table, context={"dataset_title": "商品房网签备案"}, today=TODAY)
    assert result.subject == "people", result.subject
    where = result.column("房屋坐落")
    assert where.entity == "ADDRESS" and where.level == "sensitive", where.evidence
    price = result.column("成交总价")
    assert price.level != "none" and (price.review or price.entity == "PERSONAL_INCOME"), price.evidence
    # a register of companies (each row its own name and code) with their legal representatives stays
    # a register: the company's registered address is its own, published
    m = 60
    register = pa.table(
        {
            "企业名称": [f"长沙第{i + 1}建筑工程有限公司" for i in range(m)],
            "统一社会信用代码": [uscc(rng) for _ in range(m)],
            "法定代表人": _names(rng, m),
            "注册地址": [f"湖南省长沙市岳麓区{rng.choice(ROADS)}{rng.randrange(1, 400)}号" for _ in range(m)],
        }
    )
    reg = classify_table(register, context={"dataset_title": "建筑企业名录"}, today=TODAY)
    office = reg.column("注册地址")
    assert office.level == "none" and not office.review, office.evidence


def test_persons_mixed_with_companies_under_a_name_word_are_persons_names() -> None:
    rng = random.Random(72)
    n = 300
    companies = ["长沙星沙汽车销售有限公司", "广州华南医药连锁有限责任公司", "岳阳洞庭农业开发有限公司"]
    payers = [rng.choice(companies) if rng.random() < 0.1 else name for name in _names(rng, n)]
    table = _people(
        rng,
        n,
        纳税人名称=payers,
        代扣义务人名称=_pick(rng, n, companies),  # all companies: stays an organisation's name
        应纳税额=[round(rng.uniform(3000, 90000), 2) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "契税申报"}, today=TODAY)
    c = result.column("纳税人名称")
    assert c.entity == "PERSON_NAME" and c.level == "personal", c.evidence
    agent = result.column("代扣义务人名称")
    assert agent.entity != "PERSON_NAME" and agent.level == "none" and not agent.review, agent.evidence


def test_an_amount_per_head_in_cents_varying_with_the_rows_is_the_households_money() -> None:
    rng = random.Random(73)
    n = 300
    table = _people(rng, n, renjun_chunshouru=[round(rng.uniform(2500, 15000), 2) for _ in range(n)])
    result = classify_table(table, context={"dataset_title": "防止返贫监测对象"}, today=TODAY)
    c = result.column("renjun_chunshouru")
    assert c.level != "none" and c.entity == "PERSONAL_INCOME", c.evidence
    # the same amounts per village, in a statistics table without persons, are statistics
    villages = {
        "村名": [f"第{i + 1}村" for i in range(40)],
        "户数": [rng.randint(80, 600) for _ in range(40)],
        "renjun_chunshouru": [round(rng.uniform(8000, 20000), 2) for _ in range(40)],
    }
    stats = classify_table(pa.table(villages), context={"dataset_title": "各村收入统计"}, today=TODAY)
    s = stats.column("renjun_chunshouru")
    assert s.level == "none" and not s.review, s.evidence


def test_places_of_worship_named_by_their_kind_or_faith_reveal_belief() -> None:
    rng = random.Random(74)
    n = 200
    venues = ["开福寺", "麓山寺", "慈云庵", "南岳大庙", "天主教湘潭堂", "长沙基督教城南堂", "株洲清真寺"]
    table = _people(
        rng,
        n,
        所在场所=_pick(rng, n, venues),
        活动场所=_pick(rng, n, ["市少年宫", "工人文化宫", "市体育馆", "市图书馆"]),  # no faith there
        联系电话=[mobile(rng) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "教职人员备案"}, today=TODAY)
    c = result.column("所在场所")
    assert c.entity == "RELIGION" and c.level == "sensitive", c.evidence
    other = result.column("活动场所")
    assert other.entity != "RELIGION" and other.level != "sensitive", other.evidence


def test_a_column_of_categories_is_as_sensitive_as_its_most_sensitive_category() -> None:
    rng = random.Random(75)
    n = 300
    table = _people(
        rng,
        n,
        aid_matter=_pick(rng, n, ["劳动争议", "婚姻家庭", "刑事辩护", "工伤赔偿"]),
        withdraw_purpose=_pick(rng, n, ["购房", "租房", "重大疾病", "退休", "偿还贷款"]),
        补助项目=_pick(rng, n, ["重度残疾人护理补贴", "困难残疾人生活补贴", "高龄津贴"]),
        办理渠道=_pick(rng, n, ["窗口", "网上", "自助机", "电话"]),  # how the row was filed: stays none
        联系电话=[mobile(rng) for _ in range(n)],
    )
    result = classify_table(table, context={"dataset_title": "援助申请"}, today=TODAY)
    crime = result.column("aid_matter")
    assert crime.entity == "CRIMINAL_RECORD" and crime.level == "sensitive", crime.evidence
    health = result.column("withdraw_purpose")
    assert health.entity == "MEDICAL_CONDITION" and health.level == "sensitive", health.evidence
    allowance = result.column("补助项目")
    assert allowance.level == "sensitive", allowance.evidence
    channel = result.column("办理渠道")
    assert channel.level == "none" and not channel.review, channel.evidence
    # the same categories counted in a statistics table are statistics
    stats = {
        "案件类型": ["劳动争议", "婚姻家庭", "刑事辩护", "工伤赔偿"] * 5,
        "区县": [f"第{i // 4 + 1}区" for i in range(20)],
        "件数": [rng.randint(10, 400) for _ in range(20)],
    }
    kinds = classify_table(pa.table(stats), context={"dataset_title": "法律援助案件统计"}, today=TODAY)
    k = kinds.column("案件类型")
    assert k.level == "none" and not k.review, k.evidence


def test_yes_no_flags_under_unread_question_initials_are_held() -> None:
    rng = random.Random(77)
    n = 200
    table = _people(
        rng,
        n,
        sfkn=_pick(rng, n, ["是", "否", "否", "否"]),  # 是否困难: nothing but "is it?" can be read
        是否有效=_pick(rng, n, ["是", "是", "否"]),  # the question is written out: a record's validity
    )
    result = classify_table(table, context={"dataset_title": "公共租赁住房保障"}, today=TODAY)
    c = result.column("sfkn")
    assert c.review and c.level != "none", c.evidence
    valid = result.column("是否有效")
    assert valid.level == "none" and not valid.review, valid.evidence


def test_registers_of_organisations_with_their_heads_stay_registers() -> None:
    rng = random.Random(78)
    m = 80
    coops = pa.table(
        {
            "coopName": [f"浏阳{rng.choice(['金橘', '花木', '蔬菜'])}第{i + 1}专业合作社" for i in range(m)],
            "uscc": [uscc(rng) for _ in range(m)],
            "chairman": _names(rng, m),
            "chairmanId": [resident_id(rng) for _ in range(m)],
            "chairmanPhone": [mobile(rng) for _ in range(m)],
            "address": [f"湖南省浏阳市{rng.choice(ROADS)}{rng.randrange(1, 400)}号" for _ in range(m)],
        }
    )
    result = classify_table(coops, context={"dataset_title": "农民专业合作社名录"}, today=TODAY)
    office = result.column("address")
    assert office.level == "none" and not office.review, office.evidence
    # the chairman's own phone and ID stay personal in the register
    assert result.column("chairmanPhone").level == "personal"
    assert result.column("chairmanId").level == "sensitive"
    # a register of clinics whose names repeat (one chain), with the person in charge and that
    # person's practising-certificate number: each clinic's address and coordinates are its own
    clinics = pa.table(
        {
            "诊所名称": _pick(rng, m, ["仁和诊所", "康宁诊所", "益民诊所"]),
            "主要负责人": _names(rng, m),
            "负责人执业证书编号": [f"1104301{rng.randrange(10**8, 10**9)}" for _ in range(m)],
            "负责人电话": [mobile(rng) for _ in range(m)],
            "诊疗科目": _pick(rng, m, ["内科", "外科", "中医科", "口腔科"]),
            "地址": [f"湖南省长沙市开福区{rng.choice(ROADS)}{i + 1}号" for i in range(m)],
            "经度": [round(112.9 + rng.random() / 10, 6) for _ in range(m)],
            "纬度": [round(28.1 + rng.random() / 10, 6) for _ in range(m)],
        }
    )
    reg = classify_table(clinics, context={"dataset_title": "诊所备案信息"}, today=TODAY)
    for name in ("地址", "经度", "纬度", "诊疗科目"):
        c = reg.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    assert reg.column("负责人电话").level == "personal"


def test_the_phone_of_an_organisations_head_in_a_foreign_format_stays_personal() -> None:
    rng = random.Random(79)
    m = 60
    table = pa.table(
        {
            "社团名称": [f"澳洲湖南同乡会第{i + 1}分会" for i in range(m)],
            "会长": _names(rng, m),
            "会长电话": [f"+61-{rng.randrange(200, 999)}-{rng.randrange(10**6, 10**7)}" for _ in range(m)],
            "联络处地址": [f"湖南省长沙市芙蓉区{rng.choice(ROADS)}{i + 1}号" for i in range(m)],
        }
    )
    result = classify_table(table, context={"dataset_title": "海外侨团名录"}, today=TODAY)
    phone = result.column("会长电话")
    assert phone.level == "personal" and phone.entity == "PHONE_NUMBER", phone.evidence
    office = result.column("联络处地址")
    assert office.level == "none", office.evidence
