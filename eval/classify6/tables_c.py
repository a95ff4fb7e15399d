"""v6 tables: education, transport, tax, finance, veterans, religion, emergency, utilities, statistics, market."""

from __future__ import annotations

import datetime as dt

import v6lib
from v6lib import BANKS, C, COUNTIES, EDU, ETHNIC, TOWNS, VILLAGES, table

D = dt.date
SCHOOLS = ["长沙市第一中学", "湖南师大附中", "长郡中学", "雅礼中学", "长沙市明德中学", "岳麓区博才小学", "芙蓉区大同小学",
           "天心区仰天湖小学", "开福区清水塘实验学校", "雨花区砂子塘小学", "长沙县星沙实验小学", "浏阳市第一中学"]
UNIS = ["中南大学", "湖南大学", "湖南师范大学", "长沙理工大学", "湖南农业大学", "湖南中医药大学", "长沙学院"]


def pk(P, k):
    return [p[k] for p in P]


@table("edu_student_registry", "edu", "people", "中小学学籍信息", fmt="parquet", rows=2000)
def t_students(c):
    P = c.people((6, 18), 0.08)
    return [
        C("全国学籍号", "zh", "S/CN_RESIDENT_ID/d", ["G" + p["id"] for p in P], note="G + resident ID (rule 10)"),
        C("学号", "zh", "P/PERSON_ID/d", [f"2026{c.r.randint(100000, 999999)}" for _ in P]),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("出生日期", "zh", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y.%m.%d") for p in P]),
        C("民族", "zh", "N/ETHNICITY/q", c.chs(ETHNIC)),
        C("学校名称", "zh", "N/ORG_NAME/q", c.chs(SCHOOLS)),
        C("班级", "zh", "N/-/q", [f"{c.r.randint(1, 9)}年级{c.r.randint(1, 15)}班" for _ in P]),
        C("监护人姓名", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("监护人手机", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("家庭住址", "zh", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("是否留守儿童", "zh", "S/-/s", c.wchs(["否", "是"], [88, 12]), note="left-behind child (v2)"),
        C("是否建档立卡", "zh", "S/-/s", c.wchs(["否", "是"], [93, 7]), note="rule 5"),
        C("健康状况", "zh", "S/MEDICAL_CONDITION/s", c.wchs(["健康或良好", "一般或较弱", "有慢性病", "有生理缺陷", "残疾"], [90, 5, 2, 2, 1])),
        C("入学年月", "zh", "N/EVENT_DATE/q", [f"{c.r.randint(2015, 2026)}09" for _ in P]),
    ]


@table("edu_student_aid", "edu", "people", "高校学生资助发放", enc="utf-8-sig", delim=",", rows=1000)
def t_aid(c):
    P = c.people((17, 26), 0.3)
    return [
        C("xh", "in", "P/PERSON_ID/d", [f"{c.ch(['2022', '2023', '2024', '2025'])}{c.r.randint(100000, 999999)}" for _ in P]),
        C("xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("sfzjh", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("yxmc", "in", "N/ORG_NAME/q", c.chs(UNIS)),
        C("zzxm", "in", "S/-/s", c.chs(["国家助学金一等", "国家助学金二等", "国家助学金三等", "国家励志奖学金", "生源地信用助学贷款", "勤工助学"]), note="aid item reveals hardship (rule 5)"),
        C("zzje", "in", "S/PERSONAL_INCOME/s", c.chs([1650, 2750, 3850, 6000, 12000, 16000])),
        C("knrddj", "in", "S/-/s", c.chs(["特别困难", "困难", "一般困难"]), note="hardship grade (rule 5)"),
        C("yhkh", "in", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("ffrq", "in", "N/EVENT_DATE/q", c.dates(D(2026, 9, 1), D(2026, 11, 28))),
    ]


@table("edu_teachers", "edu", "people", "教职工基本信息", fmt="jsonl", rows=800)
def t_teachers(c):
    P = c.people((22, 62), 0.1)
    return [
        C("staffNo", "cc", "P/PERSON_ID/d", c.serials("JZG", width=6)),
        C("name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("idCard", "cc", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("birthDate", "cc", "P/DATE_OF_BIRTH/q", [p["birth"].isoformat() for p in P]),
        C("politicalStatus", "cc", "N/-/q", c.chs(v6lib.POLIT), note="rule 7"),
        C("highestDegree", "cc", "N/EDUCATION/q", c.chs(["本科", "硕士研究生", "博士研究生", "大专"])),
        C("title", "sn", "N/OCCUPATION/q", c.chs(["二级教师", "一级教师", "高级教师", "正高级教师", "未评"])),
        C("subject", "sn", "N/-/o", c.chs(["语文", "数学", "英语", "物理", "化学", "生物", "历史", "体育", "音乐"])),
        C("certNo", "cc", "P/PERSON_ID/d", [f"{c.r.randint(2005, 2025)}43{c.r.randint(1000000000, 9999999999)}" for _ in P], note="teacher qualification certificate (v2)"),
        C("mobilePhone", "cc", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("email", "sn", "P/EMAIL/d", [f"{c.r.randint(100000, 9999999999)}@qq.com" if c.r.random() < 0.6 else f"{c.ch(['zhang', 'li', 'wang', 'liu', 'chen'])}{c.r.randint(1, 9999)}@{c.ch(['163.com', '126.com', 'sina.com'])}" for _ in P]),
        C("school", "sn", "N/ORG_NAME/q", c.chs(SCHOOLS)),
        C("hireDate", "cc", "N/EVENT_DATE/q", c.dates(D(1990, 9, 1), D(2026, 9, 1))),
    ]


@table("edu_school_directory", "edu", "organisations", "学校基本信息", fmt="xlsx", rows=300)
def t_schools(c):
    pts = [c.gps() for _ in range(c.n)]
    return [
        C("学校名称", "zh", "N/ORG_NAME/o", [f"{c.ch(COUNTIES)[2]}{c.ch(['实验', '第一', '第二', '育才', '枫林', '桂花'])}{c.ch(['小学', '中学', '幼儿园', '学校'])}" for _ in range(c.n)]),
        C("学校标识码", "zh", "N/-/o", [f"21430{c.r.randint(10000, 99999)}" for _ in range(c.n)], note="10-digit school code"),
        C("办学类型", "zh", "N/-/o", c.chs(["小学", "初级中学", "完全中学", "九年一贯制学校", "幼儿园"])),
        C("举办者", "zh", "N/-/o", c.chs(["教育部门", "民办", "其他部门"])),
        C("地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("联系电话", "zh", "N/PHONE_NUMBER/o", [c.landline() for _ in range(c.n)]),
        C("电子邮箱", "zh", "N/EMAIL/o", [f"xx{c.r.randint(1000, 9999)}@csedu.gov.cn" for _ in range(c.n)]),
        C("经度", "zh", "N/PRECISE_LOCATION/o", [p[0] for p in pts]),
        C("纬度", "zh", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("在校生数", "zh", "N/-/o", c.ints(80, 4500)),
        C("专任教师数", "zh", "N/-/o", c.ints(8, 300)),
    ]


# ---------------------------------------------------------------- transport

STATIONS_HW = [("长沙西", 112.83, 28.22), ("长沙东", 113.08, 28.24), ("星沙", 113.10, 28.26), ("湘潭北", 112.93, 27.92),
               ("株洲北", 113.15, 27.91), ("宁乡", 112.55, 28.28), ("浏阳", 113.63, 28.16), ("岳阳东", 113.17, 29.36),
               ("衡阳北", 112.62, 26.98), ("常德东", 111.73, 29.04)]


@table("transport_etc_passages", "transport", "people", "高速公路ETC通行记录", fmt="parquet", rows=3000)
def t_etc(c):
    P = c.people((20, 70), 0.15)
    e_in = c.chs(STATIONS_HW)
    e_out = c.chs(STATIONS_HW)
    t_in = [c.dtime(D(2026, 11, 1), D(2026, 11, 28)) for _ in P]
    cards = [c.credit_card() for _ in P]
    return [
        C("etc_card_no", "sn", "P/PERSON_ID/d", [f"4301{c.r.randint(2019, 2026)}{c.r.randint(10, 99)}{c.r.randint(1000000000, 9999999999)}" for _ in P], note="ETC card (rule 11)"),
        C("plate_no", "sn", "P/LICENSE_PLATE/d", [c.plate() for _ in P]),
        C("owner_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("en_station", "sn", "S/PRECISE_LOCATION/s", [e[0] + "收费站" for e in e_in], note="entry station with time: trajectory (rule 8)"),
        C("en_time", "sn", "N/EVENT_DATE/q", [t.strftime("%Y-%m-%d %H:%M:%S") for t in t_in]),
        C("ex_station", "sn", "S/PRECISE_LOCATION/s", [e[0] + "收费站" for e in e_out]),
        C("ex_time", "sn", "N/EVENT_DATE/q", [(t + dt.timedelta(minutes=c.r.randint(15, 240))).strftime("%Y-%m-%d %H:%M:%S") for t in t_in]),
        C("toll_fee", "sn", "S/PERSONAL_INCOME/s", c.moneys(5, 260), note="toll paid (rule 3)"),
        C("vehicle_class", "sn", "N/-/o", c.wchs(["一型客车", "二型客车", "一型货车", "三型货车"], [80, 8, 7, 5])),
        C("bound_card", "sn", "S/CREDIT_CARD/d", [x[:6] + "******" + x[-4:] for x in cards], tags=["masked"], note="credit card bound to the ETC (rule 11)"),
        C("trans_id", "sn", "N/-/o", ["%020d" % c.r.getrandbits(64) for _ in P]),
    ]


@table("transport_ridehail_orders", "transport", "people", "网约车订单轨迹", delim=",", rows=3000)
def t_ride(c):
    pick = [c.gps() for _ in range(c.n)]
    drop = [c.gps() for _ in range(c.n)]
    t0 = [c.dtime(D(2026, 11, 1), D(2026, 11, 28)) for _ in range(c.n)]
    return [
        C("order_id", "sn", "N/-/o", [f"{c.r.randint(10 ** 17, 10 ** 18 - 1)}" for _ in range(c.n)], note="order serial (rule 1)"),
        C("driver_id", "sn", "P/PERSON_ID/d", [f"D{c.r.randint(1000000, 1003000)}" for _ in range(c.n)]),
        C("passenger_phone", "sn", "P/PHONE_NUMBER/d", [c.mask_phone(c.mobile()) for _ in range(c.n)], tags=["masked"]),
        C("pickup_lng", "sn", "S/PRECISE_LOCATION/s", [p[0] for p in pick]),
        C("pickup_lat", "sn", "S/PRECISE_LOCATION/s", [p[1] for p in pick]),
        C("dropoff_lng", "sn", "S/PRECISE_LOCATION/s", [p[0] for p in drop]),
        C("dropoff_lat", "sn", "S/PRECISE_LOCATION/s", [p[1] for p in drop]),
        C("depart_time", "sn", "N/EVENT_DATE/q", [t.strftime("%Y-%m-%d %H:%M:%S") for t in t0]),
        C("arrive_time", "sn", "N/EVENT_DATE/q", [(t + dt.timedelta(minutes=c.r.randint(5, 90))).strftime("%Y-%m-%d %H:%M:%S") for t in t0]),
        C("distance_km", "sn", "N/-/o", c.moneys(1, 60, 1)),
        C("fare", "sn", "S/PERSONAL_INCOME/s", c.moneys(8, 220), note="fare paid (rule 3)"),
        C("vehicle_plate", "sn", "P/LICENSE_PLATE/d", [c.plate() for _ in range(c.n)]),
        C("platform", "sn", "N/ORG_NAME/o", c.chs(["滴滴出行科技有限公司", "高德打车", "曹操出行", "T3出行", "如祺出行"])),
    ]


@table("transport_taxi_drivers", "transport", "people", "出租汽车驾驶员从业资格", fmt="xlsx", rows=600)
def t_taxi(c):
    P = c.people((22, 60), 0.15)
    return [
        C("从业资格证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id"), note="taxi qualification number = resident ID (rule 10)"),
        C("驾驶员姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("准驾车型", "zh", "N/-/o", c.chs(["C1", "C1", "A1", "B1", "C2"])),
        C("初领驾驶证日期", "zh", "N/EVENT_DATE/q", c.dates(D(1995, 1, 1), D(2020, 1, 1))),
        C("所属企业", "zh", "N/ORG_NAME/q", c.chs(["长沙星城出租汽车有限公司", "长沙湘运出租车公司", "长沙万众出租汽车有限公司", "长沙市新时代出租车公司"])),
        C("服务监督卡号", "zh", "P/PERSON_ID/d", [f"CS{c.r.randint(10000, 99999)}" for _ in P]),
        C("营运车辆号牌", "zh", "P/LICENSE_PLATE/q", [c.plate("A") for _ in P], note="plate of a company taxi in a driver table (rule 15)"),
        C("手机号码", "zh", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("服务质量信誉考核等级", "zh", "P/-/s", c.wchs(["AAA", "AA", "A", "B"], [30, 50, 15, 5]), note="evaluation of a person's conduct: personal, not a violation record"),
    ]


@table("transport_bus_stops", "transport", "organisations", "公交站点", fmt="jsonl", rows=1500)
def t_busstops(c):
    pts = [c.gps(spread=0.25) for _ in range(c.n)]
    return [
        C("stop_id", "sn", "N/-/o", c.serials("CS", width=6)),
        C("stop_name", "sn", "N/-/o", [f"{c.ch(v6lib.ROADS)}{c.ch(['口', '站', '路口', '东', '西'])}" for _ in range(c.n)]),
        C("road", "sn", "N/ADDRESS/o", c.chs(v6lib.ROADS)),
        C("lng", "sn", "N/PRECISE_LOCATION/o", [p[0] for p in pts], note="coordinates of a place"),
        C("lat", "sn", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("routes", "sn", "N/-/o", [",".join(str(c.r.randint(1, 905)) for _ in range(c.r.randint(1, 6))) for _ in range(c.n)]),
        C("district", "sn", "N/REGION/o", [x[2] for x in c.chs(COUNTIES[:9])]),
        C("has_shelter", "sn", "N/-/o", [c.r.random() < 0.7 for _ in range(c.n)]),
    ]


# ---------------------------------------------------------------- tax, finance

@table("tax_iit_withholding", "tax", "people", "个人所得税扣缴申报明细", fmt="parquet", rows=2000)
def t_iit(c):
    P = c.people((18, 70), 0.1)
    co = [(c.company(), c.uscc()) for _ in range(30)]
    CO = c.chs(co)
    inc = c.moneys(3000, 60000)
    docs, dtype, nat = [], [], []
    for p in P:
        if c.r.random() < 0.96:
            docs.append(p["id"]); dtype.append("居民身份证"); nat.append("中国")
        else:
            docs.append(c.ch("PMKN") + c.digits(8)); dtype.append("外国护照"); nat.append(c.ch(["美国", "德国", "日本", "韩国", "英国"]))
    return [
        C("KJYWRMC", "in", "N/ORG_NAME/q", [x[0] for x in CO]),
        C("KJYWRSBH", "in", "N/USCC/q", [x[1] for x in CO]),
        C("NSRXM", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("ZJLX", "in", "N/-/o", dtype),
        C("ZJHM", "in", "S/CN_RESIDENT_ID/d", docs, tags=["mixed_docs"]),
        C("GJ", "in", "N/-/q", nat),
        C("SDXM", "in", "N/-/o", c.wchs(["正常工资薪金", "劳务报酬", "全年一次性奖金", "稿酬所得"], [80, 10, 8, 2])),
        C("SRE", "in", "S/PERSONAL_INCOME/s", inc),
        C("ZXKC", "in", "S/PERSONAL_INCOME/s", [round(x * 0.105, 2) for x in inc], note="special deductions (v3)"),
        C("ZXFJKC", "in", "S/PERSONAL_INCOME/s", c.chs([0, 1000, 1500, 2000, 3000, 4000])),
        C("YKJSE", "in", "S/PERSONAL_INCOME/s", [round(max(0, x * 0.895 - 5000) * 0.1, 2) for x in inc]),
        C("SKSSQ", "in", "N/EVENT_DATE/o", ["2026-10"] * c.n),
    ]


@table("tax_vat_invoices", "tax", "organisations", "增值税发票开具明细", delim="|", rows=2000)
def t_vat(c):
    return [
        C("发票号码", "zh", "N/-/o", [f"2643{c.r.randint(10 ** 15, 10 ** 16 - 1)}" for _ in range(c.n)], note="20-digit e-invoice number"),
        C("开票日期", "zh", "N/EVENT_DATE/o", c.dates(D(2026, 10, 1), D(2026, 11, 28))),
        C("销方名称", "zh", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("销方纳税人识别号", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("购方名称", "zh", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("购方纳税人识别号", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("货物或应税劳务名称", "zh", "N/-/o", c.chs(["*钢材*螺纹钢", "*信息技术服务*软件开发", "*餐饮服务*餐费", "*建筑服务*工程款", "*医疗器械*一次性注射器"])),
        C("金额", "zh", "N/-/o", c.moneys(100, 900000)),
        C("税率", "zh", "N/-/o", c.chs(["13%", "9%", "6%", "3%", "1%"])),
        C("税额", "zh", "N/-/o", c.moneys(3, 100000)),
    ]


@table("finance_fundraising_victims", "finance", "people", "非法集资参与人登记", enc="gbk", delim=",", rows=900)
def t_fundraise(c):
    P = c.people((25, 85), 0.1)
    inv = c.moneys(5000, 2000000)
    paid = [round(x * c.r.uniform(0, 0.4), 2) for x in inv]
    banks = c.chs(BANKS)
    return [
        C("集资参与人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号码", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("联系电话", "zh", "P/PHONE_NUMBER/d", [m if c.r.random() < 0.8 else f"{m[:3]}-{m[3:7]}-{m[7:]}" for m in pk(P, "mobile")], tags=["mixed_formats"]),
        C("涉案平台", "zh", "N/ORG_NAME/q", c.chs(["湖南某某财富管理有限公司", "长沙某某投资咨询有限公司", "某某养老服务中心", "某某农业合作社"])),
        C("投资金额", "zh", "S/PERSONAL_INCOME/s", inv),
        C("已兑付金额", "zh", "S/PERSONAL_INCOME/s", paid),
        C("损失金额", "zh", "S/PERSONAL_INCOME/s", [round(a - b, 2) for a, b in zip(inv, paid)]),
        C("开户行", "zh", "N/ORG_NAME/o", [b[1] for b in banks]),
        C("银行卡号", "zh", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("登记日期", "zh", "N/EVENT_DATE/q", c.dates(D(2025, 6, 1), D(2026, 11, 28))),
        C("备注", "zh", "N/-/o", c.sparse(c.chs(["代亲属登记", "材料不全待补", "已报案", "重复登记"]), 0.7), tags=["sparse"]),
    ]


@table("finance_credit_card_delinquency", "finance", "people", "信用卡逾期催收名单", fmt="jsonl", rows=700)
def t_ccdelinq(c):
    P = c.people((22, 65), 0.2)
    return [
        C("cardNo", "cc", "S/CREDIT_CARD/d", [c.credit_card() for _ in P]),
        C("holderName", "cc", "P/PERSON_NAME/d", [c.mask_name(p["name"]) if c.r.random() < 0.5 else p["name"] for p in P], tags=["masked"]),
        C("idNo", "cc", "S/CN_RESIDENT_ID/d", [c.mask_id(p["id"]) for p in P], tags=["masked"]),
        C("mobile", "sn", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("creditLimit", "cc", "S/PERSONAL_INCOME/s", c.chs([5000, 10000, 20000, 30000, 50000, 80000])),
        C("overdueAmt", "cc", "S/PERSONAL_INCOME/s", c.moneys(300, 80000)),
        C("overdueDays", "cc", "S/-/s", c.ints(31, 720), note="credit record"),
        C("collectStatus", "cc", "S/-/s", c.chs(["电话催收", "委外催收", "已起诉", "协商还款中"]), note="credit record"),
        C("branch", "sn", "N/ORG_NAME/o", c.chs(["长沙分行", "株洲分行", "湘潭分行", "信用卡中心湖南分中心"])),
        C("statDate", "cc", "N/EVENT_DATE/o", ["2026-11-30"] * c.n),
    ]


# ---------------------------------------------------------------- veterans, religion, emergency

@table("veteran_preferential_care", "veteran", "people", "重点优抚对象信息", delim="\t", rows=700)
def t_veteran(c):
    P = c.people((40, 100), 0.0)
    kind = c.wchs(["伤残军人", "在乡复员军人", "带病回乡退伍军人", "烈士遗属", "因公牺牲军人遗属", "参战参试退役人员"], [30, 20, 15, 10, 5, 20])
    return [
        C("优待证号", "zh", "P/PERSON_ID/d", [f"43{c.r.randint(1000000000, 9999999999)}" for _ in P]),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("入伍时间", "zh", "N/EVENT_DATE/q", [f"{p['birth'].year + c.r.randint(17, 21)}-{c.r.randint(1, 12):02d}" for p in P]),
        C("退役时间", "zh", "N/EVENT_DATE/q", [f"{p['birth'].year + c.r.randint(22, 30)}-{c.r.randint(1, 12):02d}" for p in P]),
        C("优抚对象类别", "zh", "S/-/s", kind, note="specific identity of an entitled person (rule 5)"),
        C("伤残等级", "zh", "S/MEDICAL_CONDITION/s", [f"{c.ch('一二三四五六七八九十')}级" if k == "伤残军人" else None for k in kind], tags=["sparse"]),
        C("伤残性质", "zh", "S/MEDICAL_CONDITION/s", [c.ch(["因战", "因公", "因病"]) if k == "伤残军人" else None for k in kind], tags=["sparse"]),
        C("月抚恤补助金", "zh", "S/PERSONAL_INCOME/s", c.moneys(800, 9000)),
        C("安置地", "zh", "N/REGION/q", [x[2] for x in c.chs(COUNTIES)]),
        C("手机号", "zh", "P/PHONE_NUMBER/d", [fullw if c.r.random() < 0.1 else m for m, fullw in zip(pk(P, "mobile"), [v6lib.fullwidth(m) for m in pk(P, "mobile")])], tags=["fullwidth"]),
    ]


@table("religion_venues", "religion", "mixed", "宗教活动场所登记", fmt="xlsx", rows=300, note="liaison person columns")
def t_venues(c):
    rel = c.wchs(["佛教", "道教", "基督教", "天主教", "伊斯兰教"], [45, 25, 20, 6, 4])
    suffix = {"佛教": "寺", "道教": "观", "基督教": "堂", "天主教": "天主堂", "伊斯兰教": "清真寺"}
    pts = [c.gps(spread=0.3) for _ in range(c.n)]
    return [
        C("场所名称", "zh", "N/ORG_NAME/o", [f"{c.ch(['开福', '麓山', '洪山', '南岳', '云麓', '城南', '福音', '东塘'])}{suffix[r]}" for r in rel]),
        C("宗教", "zh", "N/RELIGION/o", rel, note="religion of a venue (rule 9)"),
        C("登记证号", "zh", "N/-/o", [f"湘宗场证字{c.r.randint(2004, 2024)}{c.r.randint(100, 999)}号" for _ in rel]),
        C("地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in rel]),
        C("负责人", "zh", "P/PERSON_NAME/d", [c.name() for _ in rel]),
        C("负责人手机", "zh", "P/PHONE_NUMBER/d", [c.mobile() if c.r.random() < 0.8 else c.landline() for _ in rel]),
        C("经度", "zh", "N/PRECISE_LOCATION/o", [p[0] for p in pts]),
        C("纬度", "zh", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("教职人员数", "zh", "N/-/o", c.ints(1, 40)),
        C("登记日期", "zh", "N/EVENT_DATE/o", c.dates(D(2004, 1, 1), D(2026, 6, 1))),
    ]


@table("religion_clergy_filings", "religion", "people", "宗教教职人员备案", fmt="parquet", rows=400)
def t_clergy(c):
    P = c.people((22, 85), 0.2)
    rel = c.wchs(["佛教", "道教", "基督教", "天主教", "伊斯兰教"], [50, 20, 20, 5, 5])
    role = {"佛教": ["比丘", "比丘尼", "住持"], "道教": ["道长", "住持"], "基督教": ["牧师", "长老", "传道员"], "天主教": ["神父", "修女"], "伊斯兰教": ["阿訇", "伊玛目"]}
    return [
        C("ZJJZRYBM", "in", "P/PERSON_ID/d", [f"{r[:1]}{c.r.randint(10000000, 99999999)}" for r in rel], note="national clergy filing number"),
        C("XM", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("FHDH", "mx", "P/PERSON_NAME/d", c.sparse([c.ch(["释", "释", "玄"]) + c.ch("慧明智净空觉真") + c.ch("法德心善然") for _ in P], 0.6), tags=["sparse"], note="religious name (法号/道号)"),
        C("XB", "in", "N/GENDER/q", pk(P, "sexzh")),
        C("SFZH", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("ZJ", "in", "S/RELIGION/s", rel),
        C("JZSF", "in", "S/RELIGION/s", [c.ch(role[r]) for r in rel], note="clergy role reveals the religion"),
        C("MZ", "in", "N/ETHNICITY/q", c.chs(ETHNIC)),
        C("WHCD", "in", "N/EDUCATION/q", c.chs(EDU)),
        C("SZCS", "in", "N/ORG_NAME/q", [f"{c.ch(['开福', '麓山', '洪山', '南岳', '福音'])}{c.ch(['寺', '观', '堂'])}" for _ in P]),
        C("LXDH", "in", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("BARQ", "in", "N/EVENT_DATE/q", c.dates(D(2010, 1, 1), D(2026, 11, 28))),
    ]


@table("emergency_disaster_relief", "emergency", "people", "自然灾害受灾人员救助", fmt="xlsx", rows=800)
def t_relief(c):
    P = c.people((1, 95), 0.0)
    return [
        C("受灾人员", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("乡镇", "zh", "N/REGION/q", c.chs(TOWNS)),
        C("村组", "zh", "N/REGION/q", [f"{c.ch(VILLAGES)}{c.r.randint(1, 12)}组" for _ in P]),
        C("灾害类型", "zh", "N/-/o", c.chs(["洪涝", "风雹", "地质灾害", "低温冷冻", "干旱"])),
        C("房屋损坏情况", "zh", "S/-/s", c.chs(["倒塌", "严重损坏", "一般损坏", "未损坏"]), note="house damage (rule 4)"),
        C("救助类型", "zh", "S/-/s", c.chs(["过渡期生活救助", "冬春生活救助", "倒损住房恢复重建", "应急救助"]), note="rule 5"),
        C("救助金额", "zh", "S/PERSONAL_INCOME/s", c.chs([300, 500, 800, 1500, 3000, 20000])),
        C("安置点", "zh", "N/-/o", c.chs(["村部", "中心小学", "镇敬老院", "亲友家", "无"])),
        C("联系电话", "zh", "P/PHONE_NUMBER/d", c.sparse([c.mobile() for _ in P], 0.2), tags=["sparse"]),
        C("发放日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 6, 1), D(2026, 11, 28))),
    ]


@table("emergency_hazchem_enterprises", "emergency", "mixed", "危险化学品企业安全信息", delim=",", enc="utf-8-sig", rows=300,
       note="safety officer columns are liaison persons")
def t_hazchem(c):
    pts = [c.gps(spread=0.3) for _ in range(c.n)]
    return [
        C("企业名称", "zh", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("危险化学品品名", "zh", "N/-/o", c.chs(["液氨", "氯气", "甲醇", "汽油", "液化石油气", "硫酸", "过氧化氢"])),
        C("重大危险源等级", "zh", "N/-/o", c.chs(["一级", "二级", "三级", "四级", "非重大危险源"])),
        C("生产经营地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("经度", "zh", "N/PRECISE_LOCATION/o", [p[0] for p in pts]),
        C("纬度", "zh", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("安全负责人", "zh", "P/PERSON_NAME/d", [c.name() for _ in range(c.n)]),
        C("安全负责人手机", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in range(c.n)]),
        C("应急值班电话", "zh", "N/PHONE_NUMBER/o", [c.landline() for _ in range(c.n)]),
        C("安全生产许可证号", "zh", "N/-/o", [f"（湘）WH安许证字〔{c.r.randint(2021, 2026)}〕{c.r.randint(100, 999)}号" for _ in range(c.n)]),
    ]


# ---------------------------------------------------------------- utilities

@table("utility_water_accounts", "utility", "people", "供水用户欠费明细", enc="gbk", delim="|", rows=1500, note="~10% of accounts are companies (rule 12)")
def t_water(c):
    P = c.people((20, 90), 0.0)
    names = [p["name"] if c.r.random() > 0.1 else c.company() for p in P]
    vol = c.ints(3, 60)
    return [
        C("户号", "zh", "P/PERSON_ID/d", [f"10{c.r.randint(10000000, 99999999)}" for _ in P], note="utility account number of a household (rule 1)"),
        C("户名", "zh", "P/PERSON_NAME/d", names),
        C("用水地址", "zh", "P/ADDRESS/d", [c.address() for _ in P]),
        C("联系电话", "zh", "P/PHONE_NUMBER/d", c.sparse(pk(P, "mobile"), 0.2), tags=["sparse"]),
        C("水表编号", "zh", "N/-/o", [f"SB{c.r.randint(10 ** 9, 10 ** 10 - 1)}" for _ in P], note="meter serial"),
        C("本期读数", "zh", "N/-/o", c.ints(100, 9000)),
        C("用水量", "zh", "N/-/o", vol, note="consumption volume (v3)"),
        C("应缴金额", "zh", "S/PERSONAL_INCOME/s", [round(v * 3.06, 2) for v in vol], note="a household's bill (v3)"),
        C("欠费金额", "zh", "S/PERSONAL_INCOME/s", c.moneys(0, 900)),
        C("用户类型", "zh", "N/-/o", c.wchs(["居民生活", "非居民", "特种行业"], [90, 8, 2])),
        C("抄表日期", "zh", "N/EVENT_DATE/o", ["2026-11-15"] * c.n),
    ]


@table("utility_power_accounts", "utility", "people", "居民用电户档案", fmt="parquet", rows=2000)
def t_power(c):
    P = c.people((20, 95), 0.0)
    pts = [c.gps() for _ in P]
    return [
        C("cons_no", "sn", "P/PERSON_ID/d", [f"74{c.r.randint(10 ** 8, 10 ** 9 - 1)}" for _ in P]),
        C("cons_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("elec_addr", "sn", "P/ADDRESS/d", [c.address() for _ in P]),
        C("cert_no", "sn", "S/CN_RESIDENT_ID/d", c.sparse(pk(P, "id"), 0.3), tags=["sparse"]),
        C("mobile", "sn", "P/PHONE_NUMBER/d", [int(m) for m in pk(P, "mobile")], tags=["int"]),
        C("meter_lng", "sn", "S/PRECISE_LOCATION/d", [p[0] for p in pts], note="home meter coordinates: home location (rule 8)"),
        C("meter_lat", "sn", "S/PRECISE_LOCATION/d", [p[1] for p in pts]),
        C("price_tier", "sn", "N/-/o", c.chs(["第一档", "第二档", "第三档"]), note="price tier (rule 3)"),
        C("month_kwh", "sn", "N/-/o", c.ints(20, 1200)),
        C("month_fee", "sn", "S/PERSONAL_INCOME/s", c.moneys(12, 900)),
        C("balance", "sn", "S/PERSONAL_INCOME/s", c.moneys(-200, 800), note="prepaid balance"),
        C("low_income_relief", "sn", "S/-/s", c.wchs(["N", "Y"], [93, 7]), note="free-power quota for low-income households (rule 5)"),
        C("org_no", "sn", "N/-/o", [f"43401{c.r.randint(10, 99)}" for _ in P], note="supply unit code"),
    ]


# ---------------------------------------------------------------- statistics (aggregates)

DISTRICTS = [x[2] for x in COUNTIES[:9]]


def grid(c, a, b):
    out = [(x, y) for x in a for y in b]
    return [out[i % len(out)] for i in range(c.n)]


@table("stats_population_by_district", "stats", "aggregate", "分区县人口主要数据", delim=",", rows=216)
def t_pop(c):
    G = grid(c, DISTRICTS, list(range(2003, 2027)))
    return [
        C("区县", "zh", "N/REGION/o", [g[0] for g in G]),
        C("区划代码", "zh", "N/REGION/o", [{x[2]: x[0] for x in COUNTIES}[g[0]] for g in G]),
        C("年份", "zh", "N/EVENT_DATE/o", [g[1] for g in G]),
        C("年末常住人口（万人）", "zh", "N/-/o", c.moneys(30, 160, 2)),
        C("出生人口", "zh", "N/-/o", c.ints(2000, 15000)),
        C("死亡人口", "zh", "N/-/o", c.ints(1500, 9000)),
        C("城镇化率(%)", "zh", "N/-/o", c.moneys(40, 99, 1)),
        C("60岁及以上人口占比", "zh", "N/AGE/o", c.moneys(12, 28, 2), note="age band share"),
    ]


@table("stats_notifiable_disease_monthly", "stats", "aggregate", "法定传染病分病种月报", fmt="jsonl", rows=396)
def t_dis_month(c):
    dis = ["肺结核", "乙型病毒性肝炎", "梅毒", "艾滋病", "手足口病", "流行性感冒", "其它感染性腹泻病", "猩红热", "水痘", "登革热", "布鲁氏菌病"]
    G = grid(c, dis, [f"2026-{m:02d}" for m in range(1, 13)] + [f"2025-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 13)])
    return [
        C("disease_name", "sn", "N/MEDICAL_CONDITION/o", [g[0] for g in G], note="disease category of an aggregate (rule 9)"),
        C("stat_month", "sn", "N/EVENT_DATE/o", [g[1] for g in G]),
        C("cases", "sn", "N/-/o", c.ints(0, 900)),
        C("deaths", "sn", "N/-/o", c.wchs([0, 0, 0, 1, 2], [1, 1, 1, 1, 1])),
        C("incidence_per_100k", "sn", "N/-/o", c.moneys(0, 40, 3)),
        C("region_code", "sn", "N/REGION/o", ["430100"] * c.n),
    ]


@table("stats_wage_by_industry", "stats", "aggregate", "城镇非私营单位分行业平均工资", fmt="xlsx", rows=228)
def t_wage(c):
    ind = ["农、林、牧、渔业", "采矿业", "制造业", "电力、热力、燃气及水生产和供应业", "建筑业", "批发和零售业", "交通运输、仓储和邮政业",
           "住宿和餐饮业", "信息传输、软件和信息技术服务业", "金融业", "房地产业", "租赁和商务服务业", "科学研究和技术服务业", "水利、环境和公共设施管理业",
           "居民服务、修理和其他服务业", "教育", "卫生和社会工作", "文化、体育和娱乐业", "公共管理、社会保障和社会组织"]
    G = grid(c, ind, list(range(2015, 2027)))
    return [
        C("行业", "zh", "N/OCCUPATION/o", [g[0] for g in G]),
        C("年度", "zh", "N/EVENT_DATE/o", [g[1] for g in G]),
        C("平均工资（元）", "zh", "N/PERSONAL_INCOME/o", c.ints(45000, 260000), note="average wage (rule 9)"),
        C("年末从业人员（人）", "zh", "N/-/o", c.ints(3000, 400000)),
        C("工资总额（亿元）", "zh", "N/PERSONAL_INCOME/o", c.moneys(5, 900, 1)),
    ]


@table("stats_criminal_cases_by_category", "stats", "aggregate", "刑事案件分类统计", enc="gbk", delim="\t", rows=240)
def t_crime_stats(c):
    cats = ["盗窃", "诈骗", "电信网络诈骗", "故意伤害", "抢劫", "毒品犯罪", "危险驾驶", "寻衅滋事", "赌博", "非法集资"]
    G = grid(c, cats, [f"{y}Q{q}" for y in (2021, 2022, 2023, 2024, 2025, 2026) for q in (1, 2, 3, 4)])
    return [
        C("案件类别", "zh", "N/CRIMINAL_RECORD/o", [g[0] for g in G], note="offence category of an aggregate (rule 9)"),
        C("季度", "zh", "N/EVENT_DATE/o", [g[1] for g in G]),
        C("立案数", "zh", "N/-/o", c.ints(10, 3000)),
        C("破案数", "zh", "N/-/o", c.ints(5, 2000)),
        C("抓获犯罪嫌疑人", "zh", "N/-/o", c.ints(5, 2500)),
        C("挽回损失（万元）", "zh", "N/-/o", c.moneys(0, 5000)),
    ]


@table("stats_welfare_by_township", "stats", "aggregate", "分乡镇社会救助统计", fmt="parquet", rows=300)
def t_welfare_stats(c):
    G = grid(c, TOWNS, [f"2026-{m:02d}" for m in range(1, 13)] + [f"2025-{m:02d}" for m in range(1, 9)])
    return [
        C("xzjd", "in", "N/REGION/o", [g[0] for g in G]),
        C("tjyf", "in", "N/EVENT_DATE/o", [g[1] for g in G]),
        C("dbhs", "in", "N/-/o", c.ints(20, 900), note="low-income household count"),
        C("dbrs", "in", "N/-/o", c.ints(40, 1800)),
        C("tkrs", "in", "N/-/o", c.ints(0, 200)),
        C("ffje", "in", "N/PERSONAL_INCOME/o", c.moneys(10000, 900000), note="benefit total (rule 9)"),
        C("lsjzrc", "in", "N/-/o", c.ints(0, 80)),
    ]


# ---------------------------------------------------------------- market regulation

SCOPES = ["食品销售；餐饮服务", "软件开发；信息技术咨询服务", "建设工程施工", "普通货物道路运输", "医疗器械经营", "日用百货销售", "房地产开发经营", "农产品初加工"]


@table("market_enterprise_register", "market", "organisations", "企业登记基本信息", fmt="parquet", rows=2000, note="register without legal representatives")
def t_ent(c):
    return [
        C("ENTNAME", "in", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("UNISCID", "in", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("ENTTYPE", "in", "N/-/o", c.chs(["1130", "1151", "1110", "2110", "4540"]), note="enterprise type code"),
        C("ESTDATE", "in", "N/EVENT_DATE/o", c.dates(D(1995, 1, 1), D(2026, 11, 28))),
        C("REGCAP", "in", "N/-/o", c.chs([10, 50, 100, 200, 500, 1000, 5000])),
        C("DOM", "in", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)], note="registered address"),
        C("OPSCOPE", "in", "N/-/o", c.chs(SCOPES)),
        C("REGORG", "in", "N/ORG_NAME/o", [f"{x[1]}{x[2]}市场监督管理局" for x in c.chs(COUNTIES)]),
        C("REGSTATE", "in", "N/-/o", c.wchs(["存续", "在业", "吊销", "注销"], [60, 25, 5, 10])),
        C("TEL", "in", "N/PHONE_NUMBER/o", [c.landline() if c.r.random() < 0.8 else "400" + c.digits(7) for _ in range(c.n)]),
        C("EMAIL", "in", "N/EMAIL/o", [f"{c.ch(['info', 'service', 'office', 'contact'])}@{c.ch(['xj', 'xc', 'lg', 'ct', 'dt'])}{c.r.randint(1, 9999)}.com.cn" for _ in range(c.n)]),
    ]


@table("market_admin_penalties", "market", "organisations", "市场监管行政处罚信息（法人）", delim=";", rows=600)
def t_pen(c):
    return [
        C("处罚决定书文号", "zh", "N/-/o", [f"长市监处罚〔2026〕{c.r.randint(1, 2000)}号" for _ in range(c.n)]),
        C("当事人名称", "zh", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("违法行为类型", "zh", "N/-/o", c.chs(["销售不符合食品安全标准的食品", "虚假宣传", "未按规定公示年度报告", "价格违法", "销售过期药品", "无照经营"]), note="penalty of a company (none)"),
        C("处罚内容", "zh", "N/-/o", c.chs(["警告", "罚款", "没收违法所得并罚款", "责令停产停业"])),
        C("罚没金额（万元）", "zh", "N/-/o", c.moneys(0.2, 200)),
        C("处罚日期", "zh", "N/EVENT_DATE/o", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("处罚机关", "zh", "N/ORG_NAME/o", c.chs(["长沙市市场监督管理局", "岳麓区市场监督管理局", "芙蓉区市场监督管理局", "浏阳市市场监督管理局"])),
    ]


@table("market_individual_businesses", "market", "mixed", "个体工商户登记", enc="gbk", delim=",", rows=1500, note="rule 13")
def t_indiv(c):
    P = c.people((20, 70), 0.2)
    return [
        C("字号名称", "zh", "N/ORG_NAME/o", [f"{c.ch(['岳麓区', '芙蓉区', '开福区', '雨花区'])}{p['name'] if c.r.random() < 0.3 else c.ch(['好味道', '鑫鑫', '老街', '顺发', '福满'])}{c.ch(['便利店', '餐馆', '五金店', '理发店', '水果店'])}" for p in P], note="trade name may embed the operator's name (rule 13)"),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc("92") for _ in P]),
        C("经营者姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("经营者身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("经营者手机", "zh", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("经营场所", "zh", "N/ADDRESS/o", [c.org_address() for _ in P]),
        C("组成形式", "zh", "N/-/o", c.wchs(["个人经营", "家庭经营"], [85, 15])),
        C("成立日期", "zh", "N/EVENT_DATE/o", c.dates(D(2005, 1, 1), D(2026, 11, 28))),
        C("行业门类", "zh", "N/-/o", c.chs(["批发和零售业", "住宿和餐饮业", "居民服务业", "制造业"])),
    ]


@table("market_food_licences", "market", "mixed", "食品经营许可证", fmt="jsonl", rows=800, note="liaison phones ~70% mobiles (rule 12)")
def t_food(c):
    return [
        C("licenceNo", "cc", "N/-/o", [f"JY{c.ch(['1', '2', '3'])}430{c.r.randint(10, 99)}{c.r.randint(10 ** 8, 10 ** 9 - 1)}" for _ in range(c.n)], note="licence number with a check-like tail"),
        C("operatorName", "cc", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("creditCode", "cc", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("legalRep", "cc", "P/PERSON_NAME/d", [c.name() for _ in range(c.n)]),
        C("contactTel", "cc", "P/PHONE_NUMBER/d", [c.mobile() if c.r.random() < 0.7 else c.landline() for _ in range(c.n)]),
        C("premises", "cc", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("mainBusiness", "cc", "N/-/o", c.chs(["预包装食品销售", "热食类食品制售", "冷食类食品制售", "保健食品销售", "散装食品销售"])),
        C("validUntil", "cc", "N/EVENT_DATE/o", c.dates(D(2027, 1, 1), D(2031, 12, 31))),
        C("issuer", "cc", "N/ORG_NAME/o", c.chs(["长沙市市场监督管理局", "岳麓区市场监督管理局", "天心区市场监督管理局"])),
    ]


@table("tax_eservice_logins", "tax", "people", "电子税务局自然人登录日志", fmt="parquet", rows=2500)
def t_logins(c):
    P = c.people((18, 75), 0.15)
    return [
        C("log_id", "sn", "N/-/o", c.serials("L", width=10, step=(1, 20))),
        C("login_user", "sn", "P/PERSON_ID/d", [f"{p['mobile']}" if c.r.random() < 0.3 else f"u{c.r.randint(10 ** 7, 10 ** 8)}" for p in P], note="login account of a natural person (some are phone numbers)"),
        C("real_name", "sn", "P/PERSON_NAME/d", [c.mask_name(p["name"]) for p in P], tags=["masked"]),
        C("id_no", "sn", "S/CN_RESIDENT_ID/d", [p["id"][:3] + "*" * 11 + p["id"][-4:] for p in P], tags=["masked"]),
        C("client_ip", "sn", "P/IP_ADDRESS/q", [c.ip() for _ in P]),
        C("login_time", "sn", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("auth_method", "sn", "N/-/o", c.chs(["人脸识别", "短信验证码", "密码", "个税APP扫码"])),
        C("device_model", "sn", "N/-/o", c.chs(["iPhone15,2", "HUAWEI Mate 60", "Xiaomi 14", "OPPO Reno11", "Windows 10 Chrome"])),
        C("result", "sn", "N/-/o", c.wchs(["成功", "失败"], [92, 8])),
    ]


@table("hrss_social_card_issuance", "hrss", "people", "社会保障卡制发（外包导出）", fmt="xlsx", rows=900,
       note="opaque column names of an outsourced card-making export")
def t_sscard(c):
    P = c.people((0, 90), 0.1)
    return [
        C("zd01", "op", "S/CN_RESIDENT_ID/d", pk(P, "id"), note="social-security number (rule 10)"),
        C("zd02", "op", "P/PERSON_NAME/d", pk(P, "name")),
        C("zd03", "op", "N/GENDER/q", pk(P, "sexcode")),
        C("zd04", "op", "N/-/o", [f"{c.ch('ABCDEFGHJK')}{c.r.randint(10 ** 7, 10 ** 8 - 1)}" for _ in P], note="card serial printed on the card (chip id)"),
        C("zd05", "op", "S/BANK_CARD/d", [c.bank_card(True) for _ in P], note="financial account of the card"),
        C("zd06", "op", "N/ORG_NAME/o", [b[1] for b in c.chs(BANKS)]),
        C("zd07", "op", "N/EVENT_DATE/q", c.dates(D(2024, 1, 1), D(2026, 11, 28))),
        C("zd08", "op", "P/ADDRESS/d", c.sparse([c.address(p["county"]) for p in P], 0.5), tags=["sparse"], note="mailing address"),
        C("zd09", "op", "P/PHONE_NUMBER/d", [int(p["mobile"]) for p in P], tags=["int"]),
        C("zd10", "op", "N/-/o", c.chs(["已制卡", "已发放", "待领取", "挂失"])),
        C("ext_attr1", "op", "N/-/o", [None] * c.n, tags=["empty"], note="unused"),
        C("ext_attr2", "op", "S/MEDICAL_CONDITION/s", c.sparse(c.chs(["A型", "B型", "O型", "AB型"]), 0.7), tags=["sparse"], note="blood type printed on an emergency card"),
    ]


@table("health_lab_results_mixed_names", "health", "people", "检验结果回传（LIS接口）", delim=",", rows=2000,
       note="mixed naming: pinyin initials with English and Chinese parts")
def t_lis(c):
    P = c.people((0, 90), 0.1)
    tests = [("GLU", "葡萄糖", 3.9, 11.0), ("ALT", "丙氨酸氨基转移酶", 7, 120), ("HbA1c", "糖化血红蛋白", 4.0, 12.0), ("WBC", "白细胞计数", 2.0, 18.0),
             ("HBsAg", "乙肝表面抗原", 0, 1), ("HIV_Ab", "HIV抗体", 0, 1), ("CREA", "肌酐", 40, 600), ("TSH", "促甲状腺激素", 0.1, 12)]
    T = c.chs(tests)
    return [
        C("brid_病人ID", "mx", "P/PERSON_ID/d", [f"{c.r.randint(100000, 199999)}" for _ in P]),
        C("br_xm", "mx", "P/PERSON_NAME/d", pk(P, "name")),
        C("br_age", "mx", "N/AGE/q", pk(P, "age")),
        C("sample_no", "sn", "N/-/o", c.serials("S2611", width=6), note="specimen barcode"),
        C("item_code", "sn", "S/MEDICAL_CONDITION/s", [t[0] for t in T], note="test item of a patient's result"),
        C("item名称", "mx", "S/MEDICAL_CONDITION/s", [t[1] for t in T]),
        C("result_值", "mx", "S/MEDICAL_CONDITION/s", [(c.ch(["阴性", "阳性"]) if t[3] == 1 else round(c.r.uniform(t[2], t[3]), 2)) for t in T]),
        C("abn_flag", "sn", "S/MEDICAL_CONDITION/s", c.wchs(["", "H", "L"], [70, 20, 10]), tags=["sparse"]),
        C("送检科室", "zh", "S/MEDICAL_CONDITION/s", c.chs(["感染科", "内分泌科", "肾内科", "肿瘤科", "体检中心", "产科"]), note="rule 2"),
        C("bgsj报告时间", "mx", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("jyys_检验医师", "mx", "P/PERSON_NAME/d", [c.name() for _ in P]),
    ]
