"""v6 tables, third addition: traps (ID-like serials, product codes with check digits) and more
trajectory, health and driver records."""

from __future__ import annotations

import datetime as dt

import v6lib
from v6lib import C, COMM, COUNTIES, EDU, table

D = dt.date


def pk(P, k):
    return [p[k] for p in P]


def ean13(body12):
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - s % 10) % 10)


@table("market_product_recalls", "market", "organisations", "缺陷产品召回和药品抽检", fmt="parquet", rows=600,
       note="GTIN-13 barcodes with check digits and approval numbers: not personal")
def t_recalls(c):
    return [
        C("商品条码", "zh", "N/-/o", [ean13("69" + c.digits(10)) for _ in range(c.n)], note="GTIN-13 with check digit"),
        C("产品名称", "zh", "N/-/o", c.chs(["儿童安全座椅", "电动自行车充电器", "婴幼儿配方奶粉", "阿莫西林胶囊", "医用外科口罩", "燃气灶"])),
        C("批准文号", "zh", "N/-/o", [f"国药准字{c.ch('HZS')}{c.r.randint(19990001, 20269999)}" if c.r.random() < 0.5 else "-" for _ in range(c.n)]),
        C("生产批号", "zh", "N/-/o", [f"{c.r.randint(2024, 2026)}{c.r.randint(1, 12):02d}{c.r.randint(1, 28):02d}{c.r.randint(1, 99):02d}" for _ in range(c.n)], note="batch numbers that look like dates"),
        C("生产企业", "zh", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("企业联系电话", "zh", "N/PHONE_NUMBER/o", [c.ch(["400", "800"]) + c.digits(7) if c.r.random() < 0.5 else c.landline() for _ in range(c.n)]),
        C("召回级别", "zh", "N/-/o", c.chs(["一级召回", "二级召回", "三级召回", "主动召回"])),
        C("不合格项目", "zh", "N/-/o", c.chs(["标签标识", "溶出度", "阻燃性能", "蛋白质含量", "微生物限度"])),
        C("发布日期", "zh", "N/EVENT_DATE/o", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
    ]


@table("govservice_applications", "govservice", "people", "政务服务办件信息", enc="gbk", delim=",", rows=2000,
       note="18-digit case numbers with region code and date look like resident IDs")
def t_gov(c):
    P = c.people((18, 85), 0.1)
    acc = [c.dtime(D(2026, 10, 1), D(2026, 11, 25)) for _ in P]
    docs = []
    for p in P:
        x = c.r.random()
        docs.append(p["id"] if x < 0.93 else (c.home_return() if x < 0.97 else c.passport()))
    return [
        C("办件编号", "zh", "N/-/o", [f"{c.ch(COUNTIES)[0]}{t:%Y%m%d}{c.r.randint(0, 9999):04d}" for t in acc], note="case serial: region code + date + sequence (18 digits, no check char)"),
        C("事项名称", "zh", "N/-/o", c.chs(["居民身份证换领", "城乡居民养老保险参保登记", "不动产登记", "个体工商户设立登记", "生育登记", "残疾人证新办", "低保申请"])),
        C("申请人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("申请人证件号码", "zh", "S/CN_RESIDENT_ID/d", docs, tags=["mixed_docs"]),
        C("申请人手机", "zh", "P/PHONE_NUMBER/d", [m if c.r.random() < 0.6 else f"+86{m}" if c.r.random() < 0.5 else f"0086-{m}" for m in pk(P, "mobile")], tags=["mixed_formats"]),
        C("受理部门", "zh", "N/ORG_NAME/q", c.chs(["长沙市政务服务中心", "岳麓区政务服务中心", "芙蓉区政务服务中心", "长沙县政务服务中心"])),
        C("受理时间", "zh", "N/EVENT_DATE/q", [t.strftime("%Y-%m-%d %H:%M:%S") for t in acc]),
        C("办结时间", "zh", "N/EVENT_DATE/q", [(t + dt.timedelta(days=c.r.randint(0, 20))).strftime("%Y-%m-%d %H:%M:%S") for t in acc]),
        C("办理结果", "zh", "N/-/o", c.wchs(["准予许可", "不予许可", "退件", "办结"], [60, 5, 5, 30])),
        C("评价", "zh", "N/-/o", c.wchs(["非常满意", "满意", "基本满意", "不满意", None], [50, 25, 5, 2, 18]), tags=["sparse"]),
        C("窗口人员", "zh", "P/PERSON_NAME/d", [c.name() for _ in P], note="staff (rule 15)"),
    ]


@table("transport_driver_licence_points", "transport", "people", "驾驶人记分和驾驶证状态", fmt="jsonl", rows=1500)
def t_points(c):
    P = c.people((18, 75), 0.1)
    pts = c.wchs([0, 1, 2, 3, 6, 9, 12], [50, 10, 8, 12, 10, 5, 5])
    return [
        C("licenseNo", "cc", "S/CN_RESIDENT_ID/d", pk(P, "id"), note="driving licence number = resident ID"),
        C("driverName", "cc", "P/PERSON_NAME/d", pk(P, "name")),
        C("licenseClass", "cc", "N/-/o", c.wchs(["C1", "C2", "A1", "A2", "B2", "D"], [70, 15, 3, 4, 5, 3])),
        C("firstIssueDate", "cc", "N/EVENT_DATE/q", c.dates(D(1990, 1, 1), D(2026, 6, 1))),
        C("accumulatedPoints", "cc", "S/CRIMINAL_RECORD/s", pts, note="violation points of a person (rule 6)"),
        C("licenseStatus", "cc", "S/CRIMINAL_RECORD/s", [c.ch(["暂扣", "吊销", "注销"]) if p >= 12 else c.wch(["正常", "逾期未审验", "违法未处理"], [85, 5, 10]) for p in pts], note="suspension/revocation status"),
        C("drunkDrivingRecord", "cc", "S/CRIMINAL_RECORD/s", c.wchs(["无", "饮酒驾驶", "醉酒驾驶"], [94, 4, 2])),
        C("lastExamHospital", "cc", "N/ORG_NAME/q", c.sparse(c.chs(["长沙市第三医院", "岳麓区人民医院", "星沙医院体检中心"]), 0.5), tags=["sparse"]),
        C("physicalCondition", "cc", "S/MEDICAL_CONDITION/s", c.sparse(c.wchs(["合格", "矫正视力合格", "色弱", "单眼视力障碍", "听力障碍佩戴助听器"], [80, 15, 2, 2, 1]), 0.5), tags=["sparse"], note="physical examination result of a driver"),
        C("mobileNo", "cc", "P/PHONE_NUMBER/d", [int(m) for m in pk(P, "mobile")], tags=["int"]),
        C("validUntil", "cc", "N/EVENT_DATE/o", c.dates(D(2027, 1, 1), D(2036, 12, 31))),
    ]


@table("police_cell_signalling_trace", "police", "people", "流调手机信令轨迹", fmt="parquet", rows=3000)
def t_signal(c):
    phones = [c.mobile() for _ in range(150)]
    pts = [c.gps(spread=0.2) for _ in range(c.n)]
    return [
        C("MSISDN", "in", "P/PHONE_NUMBER/d", [c.ch(phones) for _ in range(c.n)], note="subscriber number (legacy upper-case name)"),
        C("IMSI", "in", "P/PERSON_ID/d", [f"46000{c.r.randint(10 ** 9, 10 ** 10 - 1)}" for _ in range(c.n)], note="subscriber identity: device identifier of a person"),
        C("LAC", "in", "S/PRECISE_LOCATION/s", c.ints(20000, 29999), note="location area of a person's phone"),
        C("CI", "in", "S/PRECISE_LOCATION/s", c.ints(1000000, 99999999), note="cell id of a person's phone"),
        C("START_TIME", "in", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 20), D(2026, 11, 28))),
        C("STAY_MIN", "in", "N/-/o", c.ints(1, 300)),
        C("CELL_LON", "in", "S/PRECISE_LOCATION/s", [p[0] for p in pts]),
        C("CELL_LAT", "in", "S/PRECISE_LOCATION/s", [p[1] for p in pts]),
        C("CELL_ADDR", "in", "S/PRECISE_LOCATION/s", [f"{x[2]}{c.ch(v6lib.ROADS)}附近" for x in c.chs(COUNTIES)], note="address of the serving cell: where the person was"),
        C("CARRIER", "in", "N/-/o", c.chs(["中国移动", "中国联通", "中国电信"])),
    ]


@table("health_hiv_art_followups", "health", "people", "抗病毒治疗随访", delim="|", rows=400, note="opaque C01..C12 names")
def t_art(c):
    P = c.people((18, 80), 0.1)
    return [
        C("C01", "op", "P/PERSON_ID/d", [f"430{c.r.randint(100, 199)}{c.r.randint(10000, 99999)}" for _ in P], note="treatment number"),
        C("C02", "op", "P/PERSON_NAME/d", [c.mask_name(p["name"]) for p in P], tags=["masked"]),
        C("C03", "op", "S/CN_RESIDENT_ID/d", [c.mask_id(p["id"]) for p in P], tags=["masked"]),
        C("C04", "op", "N/GENDER/q", pk(P, "sexzh")),
        C("C05", "op", "N/AGE/q", pk(P, "age")),
        C("C06", "op", "S/MEDICAL_CONDITION/s", c.chs(["TDF+3TC+EFV", "TDF+3TC+DTG", "AZT+3TC+NVP", "BIC/FTC/TAF", "LPV/r+3TC"]), note="antiretroviral regimen"),
        C("C07", "op", "S/MEDICAL_CONDITION/s", c.ints(20, 1200), note="CD4 count"),
        C("C08", "op", "S/MEDICAL_CONDITION/s", c.wchs(["<20", "<50", "150", "1200", "未检测"], [50, 20, 5, 5, 20]), note="viral load"),
        C("C09", "op", "S/MEDICAL_CONDITION/s", c.chs(["异性性接触", "同性性接触", "注射吸毒", "母婴传播", "不详"]), note="transmission route"),
        C("C10", "op", "N/EVENT_DATE/q", c.dates(D(2026, 6, 1), D(2026, 11, 28))),
        C("C11", "op", "P/PHONE_NUMBER/d", [c.mask_phone(p["mobile"]) for p in P], tags=["masked"]),
        C("C12", "op", "N/ORG_NAME/q", c.chs(["长沙市第一医院", "湘潭市第六人民医院", "株洲市第二医院"])),
    ]


@table("edu_gaokao_candidates", "edu", "people", "普通高考报名考生", fmt="xlsx", rows=1200)
def t_gaokao(c):
    P = c.people((17, 20), 0.02)
    return [
        C("ksh", "in", "P/PERSON_ID/d", [f"26430{c.r.randint(101, 199)}{c.r.randint(100000, 999999)}" for _ in P], note="14-digit candidate number"),
        C("xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("zjhm", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("xbdm", "in", "N/GENDER/q", pk(P, "sexcode")),
        C("mzdm", "in", "N/ETHNICITY/q", c.wchs(["01", "15", "06", "12", "03"], [85, 6, 4, 3, 2]), note="GB 3304 ethnicity code"),
        C("zzmmdm", "in", "N/-/q", c.wchs(["13", "03", "01"], [40, 58, 2]), note="political status code"),
        C("bylb", "in", "N/-/o", c.chs(["应届", "往届"])),
        C("byxx", "in", "N/ORG_NAME/q", c.chs(["长沙市第一中学", "长郡中学", "雅礼中学", "浏阳市第一中学", "宁乡市第一高级中学"])),
        C("kslb", "in", "N/-/o", c.chs(["物理类", "历史类"])),
        C("jtdz", "in", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("lxdh", "in", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("zcjhlb", "in", "S/-/s", c.wchs(["无", "国家专项计划", "地方专项计划", "高校专项计划"], [85, 8, 5, 2]), note="special plans for poor areas reveal hardship (rule 5)"),
        C("tjjg", "in", "S/MEDICAL_CONDITION/s", c.wchs(["合格", "色弱", "色盲", "轻度不宜专业"], [90, 5, 2, 3]), note="physical exam conclusion"),
        C("zf", "in", "P/-/s", c.ints(200, 700), note="exam score (v2)"),
    ]


@table("emergency_accident_casualties", "emergency", "people", "生产安全事故伤亡人员", fmt="jsonl", rows=300)
def t_casualties(c):
    P = c.people((18, 65), 0.4)
    texts = [f"{c.mask_name(p['name'])}，{p['sexzh']}，{p['age']}岁，{c.ch(['高处坠落', '机械伤害', '物体打击', '触电'])}致{c.ch(['右腿骨折', '颅脑损伤', '多处软组织挫伤', '死亡', '左手三指离断'])}" for p in P]
    return [
        C("accident_no", "sn", "N/-/o", c.serials("SG2026", width=4)),
        C("enterprise", "sn", "N/ORG_NAME/q", [c.company() for _ in P]),
        C("victim_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("victim_id", "sn", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("occupation", "sn", "N/OCCUPATION/q", c.chs(["建筑工人", "电工", "焊工", "操作工", "搬运工"])),
        C("injury_level", "sn", "S/MEDICAL_CONDITION/s", c.wchs(["轻伤", "重伤", "死亡"], [60, 30, 10])),
        C("description", "sn", "S/MEDICAL_CONDITION/s", texts, tags=["free_text", "masked"], note="accident narrative (rule 14)"),
        C("compensation", "sn", "S/PERSONAL_INCOME/s", c.sparse(c.moneys(5000, 1200000), 0.3), tags=["sparse"]),
        C("accident_date", "sn", "N/EVENT_DATE/q", c.dates(D(2025, 1, 1), D(2026, 11, 28))),
        C("site_lng", "sn", "N/PRECISE_LOCATION/q", [c.gps()[0] for _ in P], note="accident site: an incidental event place"),
        C("site_lat", "sn", "N/PRECISE_LOCATION/q", [c.gps()[1] for _ in P]),
    ]


@table("veteran_resettlement", "veteran", "people", "退役士兵安置", delim=",", enc="utf-8", rows=500, note="full-pinyin column names")
def t_resettle(c):
    P = c.people((20, 40), 0.1)
    return [
        C("xingming", "py", "P/PERSON_NAME/d", pk(P, "name")),
        C("gongminshenfenhaoma", "py", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("chushengriqi", "py", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y/%m/%d") for p in P]),
        C("wenhuachengdu", "py", "N/EDUCATION/q", c.chs(EDU[1:7])),
        C("tuiyileibie", "py", "N/-/o", c.chs(["退役士兵", "转业士官", "复员干部"])),
        C("anzhifangshi", "py", "N/-/o", c.chs(["自主就业", "安排工作", "退休", "供养"])),
        C("yicixingbuzhujin", "py", "S/PERSONAL_INCOME/s", c.moneys(30000, 200000), note="one-off resettlement payment"),
        C("jiatingzhuzhi", "py", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("shoujihaoma", "py", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("jieshoudanwei", "py", "N/ORG_NAME/q", c.sparse([c.company() for _ in P], 0.6), tags=["sparse"]),
        C("shequ", "py", "N/REGION/q", c.chs(COMM)),
    ]


@table("finance_credit_card_applications", "finance", "people", "信用卡申请进件", fmt="parquet", rows=1000)
def t_ccapp(c):
    P = c.people((18, 65), 0.15)
    return [
        C("applyNo", "cc", "N/-/o", c.serials("CCA2026", width=8, step=(1, 30))),
        C("applicantName", "cc", "P/PERSON_NAME/d", pk(P, "name")),
        C("idNumber", "cc", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("mobileNo", "cc", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("emailAddr", "cc", "P/EMAIL/d", [f"{c.r.randint(10 ** 5, 10 ** 10)}@qq.com" if c.r.random() < 0.5 else f"{p['mobile']}@163.com" if c.r.random() < 0.5 else f"user{c.r.randint(1, 99999)}@{c.ch(['126.com', 'sina.com', 'foxmail.com'])}" for p in P]),
        C("maritalStatus", "cc", "N/MARITAL_STATUS/q", c.chs(["未婚", "已婚", "离异", "丧偶"])),
        C("employer", "cc", "N/ORG_NAME/q", [c.company() for _ in P]),
        C("monthlyIncome", "cc", "S/PERSONAL_INCOME/s", c.chs([3000, 4500, 6000, 8000, 12000, 20000, 35000])),
        C("houseOwnership", "cc", "S/-/s", c.chs(["自有住房无贷款", "按揭", "租房", "与父母同住"]), note="property information (rule 4)"),
        C("applyIp", "cc", "P/IP_ADDRESS/q", [c.ip() for _ in P]),
        C("issuedCardNo", "cc", "S/CREDIT_CARD/d", [c.credit_card() if c.r.random() < 0.7 else None for _ in P], tags=["sparse"]),
        C("creditScore", "cc", "S/-/s", c.ints(350, 900), note="credit score of a person"),
        C("decision", "cc", "N/-/o", c.wchs(["通过", "拒绝", "人工审核"], [65, 25, 10])),
    ]


@table("edu_online_platform_accounts", "edu", "people", "智慧教育平台学生账号", fmt="jsonl", rows=1500)
def t_online(c):
    P = c.people((10, 18), 0.05)
    return [
        C("account", "sn", "P/PERSON_ID/d", [f"hn{c.r.randint(10 ** 8, 10 ** 9)}" for _ in P], note="platform login of a student"),
        C("nickname", "sn", "P/PERSON_ID/d", [c.ch(["小", "快乐", "学霸", "追风", "星空"]) + c.ch(["鱼", "兔", "少年", "同学", "猫"]) + str(c.r.randint(1, 9999)) for _ in P], note="nickname (rule 15)"),
        C("real_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("birthday", "sn", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y-%m") + "-01" if c.r.random() < 0.3 else p["birth"].isoformat() for p in P], tags=["dirty"], note="some apps store only year-month"),
        C("grade", "sn", "N/-/q", [f"{min(12, max(1, p['age'] - 6))}年级" for p in P]),
        C("school_code", "sn", "N/-/q", [f"21430{c.r.randint(10000, 99999)}" for _ in P], note="school identifier"),
        C("parent_email", "sn", "P/EMAIL/d", c.sparse([f"{c.r.randint(10 ** 5, 10 ** 10)}@qq.com" for _ in P], 0.5), tags=["sparse"]),
        C("last_login_ip", "sn", "P/IP_ADDRESS/q", [c.ip() for _ in P]),
        C("last_login_at", "sn", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("study_minutes", "sn", "N/-/o", c.ints(0, 3000)),
        C("device_id", "sn", "P/-/d", ["%016x" % c.r.getrandbits(64) for _ in P], note="device identifier of a person (Annex A)"),
    ]


@table("market_consumer_complaints", "market", "people", "12315消费投诉举报", enc="utf-8-sig", delim="\t", rows=800)
def t_12315(c):
    P = c.people((18, 80), 0.2)
    co = [c.company() for _ in P]
    txt = [f"{c.ch(['本人', '消费者'])}{p['name']}于{c.ch(['10月', '11月'])}在{x}购买{c.ch(['手机', '预付卡', '家具', '保健品', '装修服务'])}，{c.ch(['商家拒绝退款', '货不对板', '虚假宣传', '办卡后门店关闭'])}，请联系{p['mobile']}" for p, x in zip(P, co)]
    return [
        C("登记编号", "zh", "N/-/o", c.serials("12315430100", width=7, step=(1, 9))),
        C("投诉人", "zh", "P/PERSON_NAME/d", [p["name"] if c.r.random() < 0.8 else p["name"][0] + c.ch(["先生", "女士"]) for p in P], tags=["masked"]),
        C("投诉人电话", "zh", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("被投诉单位", "zh", "N/ORG_NAME/q", co),
        C("被投诉单位地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in P]),
        C("诉求内容", "zh", "P/FREE_TEXT/d", txt, tags=["free_text"], note="complaint with name and mobile (rule 14)"),
        C("涉案金额", "zh", "S/PERSONAL_INCOME/s", c.moneys(20, 50000), note="a consumer's purchase (rule 3)"),
        C("登记时间", "zh", "N/EVENT_DATE/q", c.dtimes(D(2026, 10, 1), D(2026, 11, 28))),
        C("处理状态", "zh", "N/-/o", c.chs(["已调解", "调解失败", "转立案", "不予受理", "办理中"])),
    ]
