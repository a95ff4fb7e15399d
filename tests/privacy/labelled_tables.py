"""Labelled test tables for the column classifier: every column-name style (Chinese, English,
pinyin initials, opaque), decoys (serial numbers with bad check digits, 11-digit codes that are
not phones, order numbers, dates, zip codes), organisation contacts, places, masked values,
mostly-null columns, free text and minors. Deterministic (fixed seeds)."""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Any

import pyarrow as pa
import testdata as td
from faker import Faker
from testdata import Label, LabelledTable

S, P, N = "sensitive", "personal", "none"


def L(entity: str | None, level: str) -> Label:
    return Label(entity, level)


def _fake(seed: int) -> Faker:
    f = Faker("zh_CN")
    f.seed_instance(seed)
    return f


def _table(cols: dict[str, list]) -> pa.Table:
    return pa.table({k: (v if isinstance(v, pa.Array) else pa.array(v, pa.string())) for k, v in cols.items()})


def people_pinyin(n: int = 600) -> LabelledTable:
    rng, f = random.Random(1), _fake(1)
    cols = {
        "xm": [f.name() for _ in range(n)],
        "sfzh": [td.legacy_id(rng) if i % 10 == 0 else td.resident_id(rng) for i in range(n)],
        "lxdh": [td.mobile(rng, rng.choice(("plain", "+86", "spaced", "dashed"))) for _ in range(n)],
        "jtzz": [f.address().split(" ")[0] + f"{rng.randint(1, 20)}单元{rng.randint(101, 909)}室" for _ in range(n)],
        "csrq": [(dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 20000))).isoformat() for _ in range(n)],
        "hphm": [td.license_plate(rng, new_energy=rng.random() < 0.3) for _ in range(n)],
        "xb": [rng.choice("12") for _ in range(n)],
        "mz": [rng.choice(("汉族", "回族", "满族", "壮族")) for _ in range(n)],
        "djrq": [(dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))).isoformat() for _ in range(n)],
    }
    labels = {
        "xm": L("PERSON_NAME", P),
        "sfzh": L("CN_RESIDENT_ID", S),
        "lxdh": L("PHONE_NUMBER", P),
        "jtzz": L("ADDRESS", P),
        "csrq": L("DATE_OF_BIRTH", P),
        "hphm": L("LICENSE_PLATE", P),
        "xb": L(None, N),
        "mz": L(None, N),
        "djrq": L(None, N),
    }
    return LabelledTable("people_pinyin", _table(cols), labels)


def people_chinese(n: int = 500) -> LabelledTable:
    rng, f = random.Random(2), _fake(2)
    diagnoses = ("高血压", "2型糖尿病", "冠心病", "肺炎", "J45.9 哮喘", "I10", "E11.9", "抑郁症", "慢性胃炎", "骨折")
    cols: dict[str, list | pa.Array] = {
        "姓名": [f.name() for _ in range(n)],
        "公民身份号码": [td.resident_id(rng) for _ in range(n)],
        "联系电话": pa.array([int(td.mobile(rng)) for _ in range(n)], pa.int64()),
        "家庭住址": [
            f.province() + f.city() + f.district() + "区" + f.street_name() + f"{rng.randint(1, 300)}号"
            for _ in range(n)
        ],
        "出生日期": [f"{rng.randint(1950, 2000)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日" for _ in range(n)],
        "宗教信仰": [rng.choice(("佛教", "无宗教信仰", "基督教", "伊斯兰教", "道教", "天主教")) for _ in range(n)],
        "诊断": [rng.choice(diagnoses) for _ in range(n)],
        "月收入": [str(rng.randint(2000, 30000)) for _ in range(n)],
        "银行卡号": [td.bank_card(rng) for _ in range(n)],
        "电子邮箱": [td.person_email(rng) for _ in range(n)],
        "护照号": [td.passport(rng) if rng.random() < 0.4 else None for _ in range(n)],
        "罪名": [rng.choice(("盗窃罪", "诈骗罪", "危险驾驶罪", "故意伤害罪")) for _ in range(n)],
    }
    labels = {
        "姓名": L("PERSON_NAME", P),
        "公民身份号码": L("CN_RESIDENT_ID", S),
        "联系电话": L("PHONE_NUMBER", P),
        "家庭住址": L("ADDRESS", P),
        "出生日期": L("DATE_OF_BIRTH", P),
        "宗教信仰": L("RELIGION", S),
        "诊断": L("MEDICAL_CONDITION", S),
        "月收入": L("PERSONAL_INCOME", S),
        "银行卡号": L("BANK_CARD", S),
        "电子邮箱": L("EMAIL", P),
        "护照号": L("PASSPORT", S),
        "罪名": L("CRIMINAL_RECORD", S),
    }
    return LabelledTable("people_chinese", _table(cols), labels)


def people_english(n: int = 400) -> LabelledTable:
    rng, f = random.Random(3), _fake(3)
    cols = {
        "name": [f.name() for _ in range(n)],
        "id_number": [td.resident_id(rng) for _ in range(n)],
        "mobile": [td.mobile(rng) for _ in range(n)],
        "email": [td.person_email(rng) for _ in range(n)],
        "home_address": [f.address().split(" ")[0] for _ in range(n)],
        "date_of_birth": [
            f"{rng.randint(1950, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" for _ in range(n)
        ],
        "login_ip": [f.ipv4_public() for _ in range(n)],
        "plate_no": [td.license_plate(rng) for _ in range(n)],
        "credit_card": [td.credit_card(rng) for _ in range(n)],
        "salary": [f"{rng.randint(3000, 50000)}.00" for _ in range(n)],
        "created_at": [f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 10:00:00" for _ in range(n)],
    }
    labels = {
        "name": L("PERSON_NAME", P),
        "id_number": L("CN_RESIDENT_ID", S),
        "mobile": L("PHONE_NUMBER", P),
        "email": L("EMAIL", P),
        "home_address": L("ADDRESS", P),
        "date_of_birth": L("DATE_OF_BIRTH", P),
        "login_ip": L("IP_ADDRESS", P),
        "plate_no": L("LICENSE_PLATE", P),
        "credit_card": L("CREDIT_CARD", S),
        "salary": L("PERSONAL_INCOME", S),
        "created_at": L(None, N),
    }
    return LabelledTable("people_english", _table(cols), labels)


def opaque(n: int = 800) -> LabelledTable:
    """Opaque column names: only content decides."""
    rng, f = random.Random(4), _fake(4)
    cols = {
        "col_1": [td.resident_id(rng) for _ in range(n)],
        "col_2": [f.name() for _ in range(n)],
        "col_3": [td.mobile(rng) for _ in range(n)],
        "col_4": [td.bank_card(rng) for _ in range(n)],
        "col_5": [td.person_email(rng) for _ in range(n)],
        "col_6": [f.ipv4_public() for _ in range(n)],
        "col_7": [
            f.province() + f.city() + f.district() + "区" + f.street_name() + f"{rng.randint(1, 300)}号"
            for _ in range(n)
        ],
        "备用字段1": [td.license_plate(rng) for _ in range(n)],
        "备用字段2": [td.uscc(rng) for _ in range(n)],
        "col_10": [f"{rng.uniform(116.2, 116.6):.6f},{rng.uniform(39.8, 40.1):.6f}" for _ in range(n)],
    }
    labels = {
        "col_1": L("CN_RESIDENT_ID", S),
        "col_2": L("PERSON_NAME", P),
        "col_3": L("PHONE_NUMBER", P),
        "col_4": L("BANK_CARD", S),
        "col_5": L("EMAIL", P),
        "col_6": L("IP_ADDRESS", P),
        "col_7": L("ADDRESS", P),
        "备用字段1": L("LICENSE_PLATE", P),
        "备用字段2": L("USCC", N),
        "col_10": L("PRECISE_LOCATION", S),
    }
    return LabelledTable("opaque", _table(cols), labels)


def decoys(n: int = 1000) -> LabelledTable:
    """Nothing personal here, and much that looks like it."""
    rng = random.Random(5)
    bad_serials = []
    for s in td.serial_numbers(rng, n, 18, start=110105199001010000):  # ID-shaped, evenly increasing
        bad_serials.append(s)
    cols = {
        "流水号": bad_serials,
        "单据号": [td.bad_check_id(rng) for _ in range(n)],  # bad check digits
        "商品编码": [f"{rng.choice('23456789')}{rng.randint(0, 10**10 - 1):010d}" for _ in range(n)],  # 11 digits
        "业务编号": td.serial_numbers(rng, n, 11, start=13800000000),  # 11-digit serial from 138
        "订单号": [f"{rng.randint(10**15, 10**16 - 1)}" for _ in range(n)],  # 16 digits (10% pass Luhn)
        "登记日期": [(dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 8000))).isoformat() for _ in range(n)],
        "邮编": [f"{rng.randint(100000, 850000)}" for _ in range(n)],
        "行政区划代码": [rng.choice(("330106", "110105", "440305", "510104")) for _ in range(n)],
        "年度": [str(rng.randint(2000, 2024)) for _ in range(n)],
        "金额": [f"{rng.uniform(1, 99999):.2f}" for _ in range(n)],
        "办理人数": [str(rng.randint(0, 500)) for _ in range(n)],
        "状态": [rng.choice(("已办结", "办理中", "已受理")) for _ in range(n)],
        "version": [
            f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}" for _ in range(n)
        ],
        "备注": [rng.choice(("无", "材料齐全", "已补正", "需复核", "按期办结", "")) or None for _ in range(n)],
    }
    return LabelledTable("decoys", _table(cols), {k: L(None, N) for k in cols})


def organisations(n: int = 400) -> LabelledTable:
    """A register of organisations: their contacts are not personal; the legal representative is."""
    rng, f = random.Random(6), _fake(6)
    cols = {
        "单位名称": [f.company() for _ in range(n)],
        "统一社会信用代码": [
            td.uscc(rng, individual=rng.random() < 0.3, letters_in_org_code=rng.random() < 0.2) for _ in range(n)
        ],
        "法定代表人": [f.name() for _ in range(n)],
        "办公电话": [td.landline(rng) for _ in range(n)],
        "服务热线": [f"400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}" for _ in range(n)],
        "单位邮箱": [td.org_email(rng) for _ in range(n)],
        "办公地址": [
            f.province() + f.city() + f.district() + "区" + f.street_name() + f"{rng.randint(1, 300)}号"
            for _ in range(n)
        ],
        "经度": [f"{rng.uniform(120.0, 120.4):.6f}" for _ in range(n)],
        "纬度": [f"{rng.uniform(30.1, 30.4):.6f}" for _ in range(n)],
        "成立日期": [(dt.date(1990, 1, 1) + dt.timedelta(days=rng.randint(0, 12000))).isoformat() for _ in range(n)],
    }
    labels = {
        "单位名称": L("ORG_NAME", N),
        "统一社会信用代码": L("USCC", N),
        "法定代表人": L("PERSON_NAME", P),
        "办公电话": L("PHONE_NUMBER", N),
        "服务热线": L("PHONE_NUMBER", N),
        "单位邮箱": L("EMAIL", N),
        "办公地址": L("ADDRESS", N),
        "经度": L("PRECISE_LOCATION", N),
        "纬度": L("PRECISE_LOCATION", N),
        "成立日期": L(None, N),
    }
    return LabelledTable("organisations", _table(cols), labels)


def bus_stops(n: int = 300) -> LabelledTable:
    rng = random.Random(7)
    roads = ("人民路", "解放路", "中山路", "文三路", "延安路", "体育场路", "凤起路", "庆春路")
    cols = {
        "stop_id": [f"S{i:05d}" for i in range(n)],
        "站点名称": [f"{rng.choice(roads)}{rng.choice(('东', '西', '南', '北', '口', ''))}站" for _ in range(n)],
        "lng": [round(rng.uniform(120.0, 120.4), 6) for _ in range(n)],
        "lat": [round(rng.uniform(30.1, 30.4), 6) for _ in range(n)],
        "线路数": [str(rng.randint(1, 12)) for _ in range(n)],
    }
    arrays = {
        k: (pa.array(v, pa.float64()) if k in ("lng", "lat") else pa.array(v, pa.string())) for k, v in cols.items()
    }
    labels = {
        "stop_id": L(None, N),
        "站点名称": L(None, N),
        "lng": L("PRECISE_LOCATION", N),
        "lat": L("PRECISE_LOCATION", N),
        "线路数": L(None, N),
    }
    return LabelledTable("bus_stops", pa.table(arrays), labels, context={"dataset_title": "公交站点"})


def trajectories(n: int = 2000) -> LabelledTable:
    """The same kind of coordinates, about people: sensitive."""
    rng = random.Random(8)
    users = [f"u{rng.randint(10**6, 10**7):x}" for _ in range(50)]
    cols = {
        "user_id": pa.array([rng.choice(users) for _ in range(n)], pa.string()),
        "ts": pa.array([f"2024-05-01T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00" for _ in range(n)]),
        "longitude": pa.array([rng.uniform(120.0, 120.4) for _ in range(n)], pa.float64()),
        "latitude": pa.array([rng.uniform(30.1, 30.4) for _ in range(n)], pa.float64()),
    }
    labels = {
        "user_id": L("PERSON_ID", P),  # an internal identifier of persons
        "ts": L(None, N),
        "longitude": L("PRECISE_LOCATION", S),
        "latitude": L("PRECISE_LOCATION", S),
    }
    return LabelledTable("trajectories", pa.table(cols), labels)


def masked(n: int = 300) -> LabelledTable:
    """Masking is de-identification, not anonymisation: entity and level stay."""
    rng, f = random.Random(9), _fake(9)

    def m_id() -> str:
        v = td.resident_id(rng)
        return v[:6] + "********" + v[-4:]

    def m_name() -> str:
        s = f.last_name()
        return rng.choice((s + "某某", s + "女士", s + "先生", s + "*", s + "**"))

    cols = {
        "姓名": [m_name() for _ in range(n)],
        "sfzh": [m_id() for _ in range(n)],
        "手机号": [(lambda m: m[:3] + "****" + m[-4:])(td.mobile(rng)) for _ in range(n)],
        "银行卡号": [(lambda c: c[:4] + " **** **** " + c[-4:])(td.bank_card(rng, 16)) for _ in range(n)],
    }
    labels = {
        "姓名": L("PERSON_NAME", P),
        "sfzh": L("CN_RESIDENT_ID", S),
        "手机号": L("PHONE_NUMBER", P),
        "银行卡号": L("BANK_CARD", S),
    }
    return LabelledTable("masked", _table(cols), labels)


def mostly_null(n: int = 5000) -> LabelledTable:
    rng = random.Random(10)
    ids = [td.resident_id(rng) if i % 50 == 7 else None for i in range(n)]  # 2% filled
    phones = [td.mobile(rng) if i % 40 == 3 else None for i in range(n)]  # 2.5% filled, no hint
    cols: dict[str, list[Any]] = {
        "身份证号": ids,
        "col_9": phones,
        "empty": [None] * n,
        "id": [str(i) for i in range(n)],
    }
    labels = {"身份证号": L("CN_RESIDENT_ID", S), "col_9": L("PHONE_NUMBER", P), "empty": L(None, N), "id": L(None, N)}
    return LabelledTable("mostly_null", _table(cols), labels)


def free_text(n: int = 400) -> LabelledTable:
    rng, f = random.Random(11), _fake(11)
    events = (
        "咨询办理营业执照变更事宜",
        "反映道路照明设施损坏",
        "申请公开年度财政预算",
        "投诉噪音扰民问题，请求处理",
        "建议增加公交线路班次",
        "咨询社保缴费政策",
    )
    remarks = []
    for i in range(n):
        base = rng.choice(events)
        if i % 8 == 0:  # 12.5% of rows hold an ID number
            base += f"，来电人身份证号{td.resident_id(rng)}"
        remarks.append(base)
    one_hit = [rng.choice(events) for _ in range(n)]
    # one ID number with a valid check digit in free text is certain, and would be published:
    # the column holds it (the leak gate would block the publish anyway)
    one_hit[123] += f"，身份证{td.resident_id(rng)}"
    case_text = [
        f"被告人{f.name()}因犯{rng.choice(('盗窃罪', '诈骗罪', '故意伤害罪'))}，被判处有期徒刑{rng.randint(1, 9)}年"
        for _ in range(n)
    ]
    cols = {
        "诉求内容": remarks,
        "处理意见": one_hit,
        "说明": [rng.choice(events) for _ in range(n)],
        "col_12": case_text,
    }
    labels = {
        "诉求内容": L("CN_RESIDENT_ID", S),
        "处理意见": L("CN_RESIDENT_ID", S),
        "说明": L(None, N),
        "col_12": L("CRIMINAL_RECORD", S),
    }
    return LabelledTable("free_text", _table(cols), labels)


def students(n: int = 300) -> LabelledTable:
    """Children under 14: their personal information is sensitive (the policy empties their rows)."""
    rng, f = random.Random(12), _fake(12)
    today = dt.date.today()
    births = [today - dt.timedelta(days=rng.randint(6 * 365, 12 * 365)) for _ in range(n)]
    cols = {
        "学生姓名": [f.name() for _ in range(n)],
        "身份证号": [td.resident_id(rng, birth=b) for b in births],
        "出生日期": [b.isoformat() for b in births],
        "家长电话": [td.mobile(rng) for _ in range(n)],
        "班级": [f"{rng.randint(1, 6)}年级{rng.randint(1, 8)}班" for _ in range(n)],
    }
    labels = {  # columns keep their levels; ``minors`` makes the policy treat these rows as sensitive
        "学生姓名": L("PERSON_NAME", P),
        "身份证号": L("CN_RESIDENT_ID", S),
        "出生日期": L("DATE_OF_BIRTH", P),
        "家长电话": L("PHONE_NUMBER", P),
        "班级": L(None, N),
    }
    return LabelledTable("students", _table(cols), labels)


@functools.cache
def all_tables() -> tuple[LabelledTable, ...]:
    return (
        people_pinyin(),
        people_chinese(),
        people_english(),
        opaque(),
        decoys(),
        organisations(),
        bus_stops(),
        trajectories(),
        masked(),
        mostly_null(),
        free_text(),
        students(),
    )
