"""Sensitive content recognised by what the values are, not by the column's name (cases written
from the domain, with names and values of this file): test results, lists of names, the venue of
a person's stay, disability-certificate numbers, drugs and treatment measures, supervision
grades, clergy titles, care services and hardship categories, case classes of a notifiable
disease, sentences under a category's name; and the name vocabulary of reproductive and mental
health whose short terms must not take over unrelated initials."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from privacy.classification import classify_table
from privacy.name_hints import analyse_name
from privacy.recognizers import recognizers
from tests.testdata import resident_id

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _people(n: int, seed: int = 11, **columns: list[str]) -> pa.Table:
    rng = random.Random(seed)
    data = {"姓名": [_name(rng) for _ in range(n)], "身份证号": [resident_id(rng) for _ in range(n)]}
    data.update(columns)
    return pa.table(data)


def _pick(rng: random.Random, values: list[str], n: int, weights: list[int] | None = None) -> list[str]:
    return rng.choices(values, weights=weights, k=n)


def _col(table: pa.Table, name: str, title: str = "登记表", **ctx: object):
    return classify_table(table, context={"dataset_title": title, **ctx}).column(name)


# ------------------------------------------------------------------------------ test results


def test_laboratory_results_under_an_opaque_name_are_health_information() -> None:
    rng = random.Random(1)
    n = 300
    t = _people(n, 字段7=_pick(rng, ["阴性", "阳性", "弱阳性"], n, [90, 8, 2]))
    c = _col(t, "字段7")
    assert (c.entity, c.level) == ("MEDICAL_CONDITION", "sensitive")


def test_normal_or_abnormal_alone_is_not_a_test_result() -> None:
    rng = random.Random(2)
    n = 300
    t = _people(n, 设备状态=_pick(rng, ["正常", "异常"], n, [95, 5]))
    assert _col(t, "设备状态").entity != "MEDICAL_CONDITION"


def test_results_in_a_register_of_sampling_sites_are_not_a_persons_health() -> None:
    rng = random.Random(3)
    n = 200
    t = pa.table({"采样点": [f"监测点{i}" for i in range(n)], "检测结果": _pick(rng, ["阴性", "阳性"], n)})
    c = _col(t, "检测结果", title="环境样本检测", about_people=False)
    assert c.level == "none"


# ------------------------------------------------------------------------------ lists of names


def test_a_list_of_names_is_personal_whatever_the_column_is_called() -> None:
    rng = random.Random(4)
    n = 120
    lists = ["、".join(_name(rng) for _ in range(rng.randint(3, 7))) for _ in range(n)]
    t = pa.table({"小区名称": [f"锦城{i}苑" for i in range(n)], "成员情况": lists})
    c = _col(t, "成员情况")
    assert c.entity == "PERSON_NAME" and c.level != "none"


def test_a_list_of_districts_is_not_a_list_of_names() -> None:
    rng = random.Random(5)
    n = 120
    districts = ["锦江区", "青羊区", "金牛区", "武侯区", "成华区", "龙泉驿区", "新都区", "温江区"]
    lists = ["、".join(rng.sample(districts, 3)) for _ in range(n)]
    t = pa.table({"项目编号": [f"XM{i:05d}" for i in range(n)], "覆盖区域": lists})
    assert _col(t, "覆盖区域").entity != "PERSON_NAME"


# ------------------------------------------------------------------------------ lodging


def test_the_hotel_of_a_guest_is_where_the_person_stayed() -> None:
    rng = random.Random(6)
    n = 200
    hotels = ["锦里大酒店", "望江宾馆", "青城山庄酒店", "天府快捷酒店", "蓉城国际饭店"]
    t = _people(n, 旅馆名称=_pick(rng, hotels, n), 房间号=[str(rng.randrange(101, 1999)) for _ in range(n)])
    c = _col(t, "旅馆名称", title="旅客住宿登记")
    assert (c.entity, c.level) == ("PRECISE_LOCATION", "sensitive")


def test_hotels_in_a_register_of_hotels_are_organisations() -> None:
    n = 60
    t = pa.table({"旅馆名称": [f"第{i}号宾馆有限公司" for i in range(n)], "床位数": [str(20 + i) for i in range(n)]})
    c = _col(t, "旅馆名称", title="旅馆业名录", about_people=False)
    assert c.level == "none"


# ------------------------------------------------------------------------------ disability certificates


def test_disability_certificate_numbers_are_the_holders_id_number() -> None:
    rng = random.Random(7)
    rec = recognizers()["CnResidentIdRecognizer"]
    for _ in range(20):
        ident = resident_id(rng)
        assert rec.match_cell(ident + rng.choice("1234567") + rng.choice("1234")) == "valid"
        assert rec.match_cell(ident + "8" + "1") is None  # no eighth category
        assert rec.match_cell(ident + "4" + "5") is None  # no fifth grade
    bad = resident_id(rng)
    wrong_check = bad[:17] + ("0" if bad[17] != "0" else "1")
    assert rec.match_cell(wrong_check + "41") != "valid"


# ------------------------------------------------------------------------------ value vocabularies


@pytest.mark.parametrize(
    ("values", "entity"),
    [
        (["海洛因", "甲基苯丙胺", "氯胺酮", "大麻"], "CRIMINAL_RECORD"),  # drugs of a drug user
        (["社区戒毒", "强制隔离戒毒", "自愿戒毒"], "CRIMINAL_RECORD"),  # measures of the Anti-Drug Law
        (["严管", "普管", "宽管"], "CRIMINAL_RECORD"),  # supervision grades of community correction
        (["管制", "缓刑", "假释", "暂予监外执行"], "CRIMINAL_RECORD"),
        (["住持", "阿訇", "神父", "牧师", "道长"], "RELIGION"),  # clergy titles reveal the religion
        (["疑似病例", "确诊病例", "临床诊断病例", "病原携带者"], "MEDICAL_CONDITION"),
        (["言语康复训练", "人工耳蜗植入", "假肢装配"], "MEDICAL_CONDITION"),
        (["不宜结婚", "暂缓结婚", "未发现医学上不宜结婚的情形"], "MEDICAL_CONDITION"),
    ],
)
def test_sensitive_categories_are_recognised_under_an_opaque_name(values: list[str], entity: str) -> None:
    rng = random.Random(8)
    n = 240
    t = _people(n, EXT_3=_pick(rng, values, n))
    c = _col(t, "EXT_3")
    assert (c.entity, c.level) == (entity, "sensitive")


def test_offences_without_the_suffix_count_as_categories_not_inside_sentences() -> None:
    rec = recognizers()["CriminalRecordRecognizer"]
    assert [rec.match_cell(v) for v in ["盗窃", "寻衅滋事", "容留他人吸毒"]] == ["valid"] * 3
    assert rec.match_cell("反映有人冒充客服实施诈骗，请求公安机关调查处理") is None
    assert rec.match_cell("物业管理") is None


@pytest.mark.parametrize(
    "values",
    [
        ["独生子女伤残", "独生子女死亡"],  # family-planning special support
        ["助餐", "助浴", "助洁", "陪同就医"],  # home-care services received
        ["因案致伤无力就医", "因案致残丧失劳动能力", "财产遭受重大损失生活困难"],  # victims in hardship
        ["已缴清", "欠费"],  # arrears of a person
    ],
)
def test_hardship_care_and_arrears_categories_are_sensitive(values: list[str]) -> None:
    rng = random.Random(9)
    n = 240
    t = _people(n, 类别=_pick(rng, values, n))
    assert _col(t, "类别").level == "sensitive"


def test_ordinary_categories_stay_published() -> None:
    rng = random.Random(10)
    n = 240
    t = _people(n, 办理方式=_pick(rng, ["窗口办理", "网上办理", "邮寄办理"], n))
    c = _col(t, "办理方式")
    assert c.level == "none" and not c.review


# ------------------------------------------------------------------------------ sentences


def test_sentences_under_a_category_name_are_read_as_free_text() -> None:
    rng = random.Random(12)
    n = 200
    illnesses = ["肺癌", "尿毒症", "脑梗死", "白血病"]
    text = [
        f"反映其母亲患{rng.choice(illnesses)}长期住院，医疗费用负担过重，请求救助。"
        if rng.random() < 0.3
        else "反映小区道路破损，要求尽快维修。"
        for _ in range(n)
    ]
    t = _people(n, 信访事项=text)
    c = _col(t, "信访事项", title="来访登记")
    assert c.level == "sensitive"


def test_places_under_a_category_name_are_not_analysed_as_text() -> None:
    rng = random.Random(13)
    n = 200
    roads = ["人民南路", "蜀都大道", "天府大道", "一环路", "红星路"]
    t = _people(n, 发生地点类型=[f"{rng.choice(roads)}与{rng.choice(roads)}交叉口" for _ in range(n)])
    c = classify_table(t, context={"dataset_title": "登记"}).column("发生地点类型")
    assert not any(e.startswith("free text") for e in c.evidence)


# ------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("末次月经", "MEDICAL_CONDITION"),
        ("yuchanqi", "MEDICAL_CONDITION"),  # 预产期 in full pinyin
        ("yunci", "MEDICAL_CONDITION"),  # 孕次
        ("HIV抗体", "MEDICAL_CONDITION"),
        ("梅毒筛查", "MEDICAL_CONDITION"),
        ("住院天数", "MEDICAL_CONDITION"),
        ("危险性评估", "MEDICAL_CONDITION"),
        ("收缩压(mmHg)", "MEDICAL_CONDITION"),  # mmHg is no role word's initials
        ("毒品种类", "CRIMINAL_RECORD"),
        ("戒毒措施", "CRIMINAL_RECORD"),
        ("jiedu_cuoshi", "CRIMINAL_RECORD"),  # 戒毒措施 in full pinyin
        ("矫正类别", "CRIMINAL_RECORD"),
        ("监管等级", "CRIMINAL_RECORD"),
        ("jd", "PRECISE_LOCATION"),  # still 经度: 戒毒 gives no initials
        ("评审专家", "PERSON_NAME"),
        ("服刑人员", "PERSON_NAME"),
    ],
)
def test_names_of_health_data_elements_and_roles(name: str, entity: str) -> None:
    assert analyse_name(name).entity == entity


@pytest.mark.parametrize("name", ["counselor_no", "courier_no", "结婚证字号", "收养登记证字号"])
def test_numbers_of_persons_by_role_or_certificate(name: str) -> None:
    assert analyse_name(name).people_key


def test_jzlb_is_still_an_assistance_category() -> None:
    assert analyse_name("jzlb").kind == "status"  # 救助类别, not 矫正类别 (no initials for the latter)


@pytest.mark.parametrize("name", ["律师事务所", "专家库", "委员会名称", "企业字号", "监管部门"])
def test_organisations_named_after_a_role_are_organisations(name: str) -> None:
    info = analyse_name(name)
    assert info.entity != "PERSON_NAME" and not info.people_key
