"""False alarms, second round, by kind of evidence (synthetic tables of this file, not the
evaluation sets): places and organisations under a health or offence name read by initials,
civil causes of action under 案由, organisation names carrying the words of their trade,
numbers of places inside a facility (parking spaces, lockers, rooms), prison areas and
residential compounds, durations, project names and courts' contacts; each beside the case where
the same evidence must not release the column (fail safe)."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

from privacy.classification import classify_table
from privacy.name_hints import analyse_name
from privacy.recognizers.criminal_record import is_civil_cause
from privacy.recognizers.org_name import is_division_stem
from tests.privacy.test_false_alarms import TODAY, _names, _people
from tests.testdata import mobile


def _classify(table: pa.Table, title: str = "登记表"):
    return classify_table(table, context={"dataset_title": title}, today=TODAY)


def test_division_stems_are_places_not_names() -> None:
    for v in ("宜宾", "甘孜", "峨眉山", "西昌"):
        assert is_division_stem(v), v
    for v in ("张伟", "王芳", "李建华", "高血压"):
        assert not is_division_stem(v), v


def test_places_under_an_offence_name_read_by_initials_are_not_offences() -> None:
    # ZM is 罪名 by its initials, and 站名 too: station names that are places decide
    rng = random.Random(1)
    n = 200
    places = ["宜宾", "西昌", "南充", "雅安", "甘孜", "峨眉山", "乐山", "泸州"]
    table = _people(rng, n, ZM=[rng.choice(places) for _ in range(n)])
    c = _classify(table).column("ZM")
    assert c.entity != "CRIMINAL_RECORD" and c.level == "none" and not c.review, c.evidence
    # offences under the same name stay criminal records
    offences = ["盗窃", "诈骗", "寻衅滋事", "故意伤害", "危险驾驶"]
    table = _people(rng, n, ZM=[rng.choice(offences) for _ in range(n)])
    c = _classify(table).column("ZM")
    assert c.entity == "CRIMINAL_RECORD" and c.level == "sensitive", c.evidence


def test_civil_causes_of_action_are_not_criminal_records() -> None:
    assert is_civil_cause("离婚纠纷") and is_civil_cause("劳动争议") and is_civil_cause("买卖合同纠纷")
    assert not is_civil_cause("盗窃罪") and not is_civil_cause("故意伤害")
    # a dispute that names an offence is not only a dispute
    assert not is_civil_cause("刑事附带民事纠纷")
    rng = random.Random(2)
    n = 300
    civil = ["离婚纠纷", "劳动争议", "民间借贷纠纷", "买卖合同纠纷", "房屋租赁合同纠纷", "继承纠纷", "物业服务合同纠纷"]
    civil += [
        "机动车交通事故责任纠纷",
        "金融借款合同纠纷",
        "追索劳动报酬纠纷",
        "健康权纠纷",
        "相邻关系纠纷",
        "抚养纠纷",
    ]
    table = _people(rng, n, 案由=[rng.choice(civil) for _ in range(n)])
    c = _classify(table, "开庭公告").column("案由")
    assert c.level == "none" and not c.review and c.entity is None, c.evidence
    # criminal causes (and a mixed list) under 案由 stay criminal records, or are held
    criminal = ["盗窃罪", "诈骗罪", "故意伤害罪", "危险驾驶罪", "交通肇事罪"]
    for values in (criminal, civil[:4] + criminal):
        table = _people(rng, n, 案由=[rng.choice(values) for _ in range(n)])
        c = _classify(table, "开庭公告").column("案由")
        assert c.level == "sensitive" or c.review, c.evidence


def test_organisation_names_with_words_of_their_trade_are_organisations() -> None:
    rng = random.Random(3)
    n = 200
    orgs = [f"{city}残疾人康复中心" for city in ("成都市", "绵阳市", "宜宾市", "南充市")]
    orgs += ["四川省八一康复中心", "华西医院康复科门诊部", "绵阳市精神卫生中心"]
    table = _people(rng, n, 定点康复机构=[rng.choice(orgs) for _ in range(n)])
    c = _classify(table, "残疾儿童康复救助").column("定点康复机构")
    assert c.level == "none" and not c.review, c.evidence
    # a few health categories among the organisations are still found: held
    mixed = [rng.choice(orgs) if i % 3 else rng.choice(["脑瘫", "孤独症", "智力残疾"]) for i in range(n)]
    c = _classify(_people(rng, n, 定点康复机构=mixed), "残疾儿童康复救助").column("定点康复机构")
    assert c.review or c.level == "sensitive", c.evidence
    # health categories under an organisation word are still held (values are not organisations)
    table = _people(rng, n, 定点康复机构=[rng.choice(["脑瘫", "孤独症", "智力残疾", "听力残疾"]) for _ in range(n)])
    c = _classify(table, "残疾儿童康复救助").column("定点康复机构")
    assert c.review or c.level == "sensitive", c.evidence


def test_numbers_of_places_in_a_facility_are_codes() -> None:
    for name in ("车位", "车位号", "停车位", "locker_no", "房间号", "窗口号", "parking_space_no"):
        assert analyse_name(name).kind == "code", name
    rng = random.Random(4)
    n = 300
    table = _people(
        rng,
        n,
        车位号=[f"B{rng.randrange(1, 4)}-{rng.randrange(1, 800):03d}" for _ in range(n)],
        小区=[rng.choice(["南苑小区", "紫荆小区", "棕榈泉", "金沙名城", "东方花园", "天府长城"]) for _ in range(n)],
        prison_area=[f"{rng.randrange(1, 12)}监区" for _ in range(n)],
        手机=[mobile(rng) for _ in range(n)],
    )
    result = _classify(table, "车位租赁登记")
    for name in ("车位号", "小区", "prison_area"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    assert result.column("手机").level == "personal"
    # an address is not a parking space, whatever the compound: 住址 keeps its entity
    assert analyse_name("小区住址").entity == "ADDRESS"
    # amounts under an area name are still property (prison area is a unit, floor area is not)
    assert analyse_name("area").entity == "PERSONAL_INCOME"
    assert analyse_name("建筑面积").entity == "PERSONAL_INCOME"


def test_durations_are_quantities_not_measurements_of_the_person() -> None:
    rng = random.Random(5)
    n = 300
    table = _people(
        rng,
        n,
        ride_minutes=[rng.randrange(1, 180) for _ in range(n)],
        col_9=[rng.randrange(40, 200) for _ in range(n)],
    )
    result = _classify(table, "骑行记录")
    c = result.column("ride_minutes")
    assert c.level == "none" and not c.review, c.evidence
    # the same numbers under a name that says nothing are still held (a weight? a pulse?)
    assert result.column("col_9").review


def test_project_names_and_courts_contacts() -> None:
    assert analyse_name("项目名称").kind == "free_text_public"
    court = analyse_name("court_tel")
    assert court.entity == "PHONE_NUMBER" and court.org and not court.person
    # a person named by a role keeps the contact a person's, at a court as anywhere
    judge = analyse_name("court_contact_person_phone")
    assert judge.person or not judge.org
    rng = random.Random(6)
    n = 200
    table = _people(rng, n, court_tel=[f"028-{rng.randrange(8000_0000, 8999_9999)}" for _ in range(n)])
    result = _classify(table, "执行案件")
    assert result.column("court_tel").level == "none", result.column("court_tel").evidence


def test_an_offices_landline_in_a_reply_is_not_the_writers() -> None:
    rng = random.Random(7)
    n = 120
    districts = ["温江区", "金牛区", "锦江区", "成华区", "郫都区"]
    replies = [
        f"您好，您反映的问题已转{rng.choice(districts)}相关部门办理，咨询电话028-{rng.randrange(2000_0000, 8999_9999)}。"
        for _ in range(n)
    ]
    table = _people(rng, n, replyContent=replies)
    c = _classify(table, "网上信访留言").column("replyContent")
    assert c.level == "none" and not c.review, c.evidence
    # a writer's own landline or mobile in the text is still found
    own = [f"我家电话028-{rng.randrange(2000_0000, 8999_9999)}，楼下噪音扰民，请尽快处理。" for _ in range(n)]
    mob = [f"咨询电话{mobile(rng)}，请回电，楼下噪音扰民。" for _ in range(n)]
    for values in (own, mob):
        c = _classify(_people(rng, n, content=values), "网上信访留言").column("content")
        assert c.level != "none" or c.review, c.evidence


def test_organisation_mailboxes_do_not_make_a_table_about_people() -> None:
    rng = random.Random(8)
    n = 200
    schools = [f"{d}第{k}小学" for d in ("开福区", "雨花区", "天心区") for k in range(1, 5)]
    table = pa.table(
        {
            "学校名称": [rng.choice(schools) for _ in range(n)],
            "地址": [f"湖南省长沙市开福区新华路{rng.randrange(1, 900)}号" for _ in range(n)],
            "联系电话": [f"0731-{rng.randrange(2000_0000, 8999_9999)}" for _ in range(n)],
            "电子邮箱": [f"xx{rng.randrange(1000, 9999)}@csedu.gov.cn" for _ in range(n)],
            "在校生数": [rng.randrange(200, 3000) for _ in range(n)],
        }
    )
    result = _classify(table, "学校基本信息")
    assert result.subject != "people"
    for name in ("地址", "联系电话", "电子邮箱"):
        assert result.column(name).level == "none", (name, result.column(name).evidence)
    # personal mailboxes keep saying the rows are people
    table = table.set_column(3, "电子邮箱", pa.array([f"user{rng.randrange(10**6)}@qq.com" for _ in range(n)]))
    result = _classify(table, "学校基本信息")
    assert result.subject == "people" and result.column("电子邮箱").level == "personal"


def test_period_dates_flags_and_product_codes() -> None:
    for name in ("刑期起日", "刑期止日"):
        assert analyse_name(name).kind == "event_date", name
    for name in ("处理标记", "剂次"):
        assert analyse_name(name).kind == "enum", name
    for name in ("疫苗批号", "pc_no", "setl_id", "insutype"):
        assert analyse_name(name).kind == "code", name
    # a health word before a flag keeps the flag health information
    assert analyse_name("诊断标记").entity == "MEDICAL_CONDITION"
    # the sentence itself is still a criminal record
    assert analyse_name("刑期").entity == "CRIMINAL_RECORD"
    rng = random.Random(9)
    n = 300
    start = dt.date(2010, 1, 1)
    table = _people(
        rng,
        n,
        迁入日期=[(start + dt.timedelta(days=rng.randrange(5000))).isoformat() for _ in range(n)],
        处理标记=[str(rng.randrange(2)) for _ in range(n)],
        insutype=[rng.choice(["310", "390", "410"]) for _ in range(n)],
    )
    result = _classify(table, "户籍人口")
    for name in ("迁入日期", "处理标记", "insutype"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    # whole sums under a name nobody understands stay held
    table = _people(rng, n, col_4=[rng.choice(["310", "390", "410", "520", "880"]) for _ in range(n)])
    assert _classify(table, "户籍人口").column("col_4").review


def test_weights_of_parcels_in_a_table_of_shipments() -> None:
    rng = random.Random(10)
    n = 300

    def table(**extra: list) -> pa.Table:
        return pa.table(
            {
                "snd_name": _names(rng, n),
                "snd_mob": [mobile(rng) for _ in range(n)],
                "weight_kg": [str(round(rng.uniform(0.1, 25), 2)) for _ in range(n)],
                **extra,
            }
        )

    waybills = [f"SF{rng.randrange(10**12, 10**13)}" for _ in range(n)]
    c = _classify(table(waybill_no=waybills), "快递运单").column("weight_kg")
    assert c.level == "none" and not c.review, c.evidence
    # without a column numbering shipments a weight is the person's: sensitive or held
    c = _classify(table(checkup_no=waybills), "体检记录").column("weight_kg")
    assert c.level == "sensitive" or c.review, c.evidence
    # 体重 says whose body, whatever the table
    rows = table(waybill_no=waybills).rename_columns(["snd_name", "snd_mob", "体重", "waybill_no"])
    c = _classify(rows, "快递运单").column("体重")
    assert c.level == "sensitive" or c.review, c.evidence


def test_dwellings_stay_addresses_under_a_code_or_category_name() -> None:
    rng = random.Random(11)
    n = 200
    homes = [
        f"{rng.choice(['南苑小区', '紫荆小区', '东方花园'])}{rng.randrange(1, 30)}栋{rng.randrange(1, 6)}单元"
        f"{rng.randrange(1, 30)}0{rng.randrange(1, 5)}室"
        for _ in range(n)
    ]
    result = _classify(_people(rng, n, 小区=homes, 车位=homes, 事发地点=homes), "物业登记")
    for name in ("小区", "车位", "事发地点"):
        c = result.column(name)
        assert c.level != "none" or c.review, (name, c.evidence)


def test_numbers_of_reports_and_contracts_and_population_counts() -> None:
    from privacy.holds import names_a_record

    for name in ("预警编号", "案件编号", "report_id", "applyNo", "contract_no"):
        assert names_a_record(name), name
    # a member's or a person's own number is no record
    for name in ("会员编号", "memberNo", "证书编号"):
        assert not names_a_record(name), name
    assert analyse_name("出生人口").kind == "aggregate" and analyse_name("出生日期").entity == "DATE_OF_BIRTH"
    assert analyse_name("用水量").kind == "amount"
    rng = random.Random(12)
    n = 100
    codes = [f"YJ{rng.randrange(10**9, 10**10)}" for _ in range(n)]
    result = _classify(_people(rng, n, 预警编号=codes, 会员编号=codes), "反诈预警")
    assert not result.column("预警编号").review and result.column("预警编号").level == "none"
    assert result.column("会员编号").review or result.column("会员编号").level != "none"
