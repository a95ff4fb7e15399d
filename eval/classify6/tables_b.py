"""v6 tables: health, medical insurance, HR and social security, housing fund, civil affairs."""

from __future__ import annotations

import datetime as dt

from v6lib import C, COMM, COUNTIES, DRUGS, EDU, ICD, OCCUP, TOWNS, fullwidth, table

D = dt.date
HOSP = ["中南大学湘雅医院", "中南大学湘雅二医院", "湖南省人民医院", "长沙市中心医院", "长沙市第一医院", "湖南省儿童医院",
        "长沙市第三医院", "湖南省脑科医院", "株洲市中心医院", "湘潭市中心医院", "岳麓区人民医院", "长沙县第一人民医院"]
DEPTS = ["心血管内科", "内分泌科", "呼吸内科", "消化内科", "肿瘤科", "精神心理科", "儿科", "妇产科", "骨科", "感染科", "神经内科", "眼科", "普外科"]


def pk(P, k):
    return [p[k] for p in P]


@table("health_outpatient_prescriptions", "health", "people", "门诊处方明细", fmt="parquet", rows=3000)
def t_outpatient(c):
    P = c.people((0, 90), 0.1)
    dx = c.chs(ICD)
    return [
        C("门诊号", "zh", "P/PERSON_ID/d", [f"MZ{c.r.randint(10000000, 10400000)}" for _ in P], note="outpatient number of a patient (rule 1)"),
        C("就诊流水号", "zh", "N/-/o", c.serials("2026", width=9, step=(1, 5)), note="visit serial (rule 1)"),
        C("患者姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("年龄", "zh", "N/AGE/q", [f"{p['age']}岁" if p["age"] > 0 else f"{c.r.randint(1, 11)}月" for p in P]),
        C("就诊时间", "zh", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("就诊科室", "zh", "S/MEDICAL_CONDITION/s", c.chs(DEPTS), note="department of a visit (rule 2)"),
        C("诊断编码", "zh", "S/MEDICAL_CONDITION/s", [d[0] for d in dx]),
        C("诊断名称", "zh", "S/MEDICAL_CONDITION/s", [d[1] for d in dx]),
        C("药品名称", "zh", "S/MEDICAL_CONDITION/s", c.chs(DRUGS)),
        C("规格", "zh", "N/-/o", c.chs(["0.25g*24粒", "5mg*28片", "10ml:0.1g", "0.5g*20片", "300IU/3ml"])),
        C("数量", "zh", "N/-/o", c.ints(1, 6)),
        C("金额", "zh", "S/PERSONAL_INCOME/s", c.moneys(3, 900), note="a patient's bill (rule 3)"),
        C("医生工号", "zh", "P/PERSON_ID/d", [f"{c.r.randint(1000, 3999)}" for _ in P]),
        C("医生姓名", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("医疗机构", "zh", "N/ORG_NAME/q", c.chs(HOSP)),
    ]


@table("health_inpatient_discharges", "health", "people", "住院病案首页", enc="gbk", delim=",", rows=1500)
def t_inpatient(c):
    P = c.people((0, 95), 0.15)
    adm = [c.date(D(2026, 1, 1), D(2026, 11, 1)) for _ in P]
    los = [c.r.randint(1, 40) for _ in P]
    tot = c.moneys(1500, 180000)
    return [
        C("BAH", "in", "P/PERSON_ID/d", [f"{c.r.randint(1000000, 1999999)}" for _ in P], note="medical record number"),
        C("ZYCS", "in", "N/-/o", c.wchs([1, 2, 3, 4], [70, 18, 8, 4]), note="admission count"),
        C("XM", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("SFZH", "in", "S/CN_RESIDENT_ID/d", c.placeholders(pk(P, "id"), 0.04, ("-", "无", "000000000000000000")), tags=["placeholder"]),
        C("RYSJ", "in", "N/EVENT_DATE/q", [a.isoformat() for a in adm]),
        C("CYSJ", "in", "N/EVENT_DATE/q", [(a + dt.timedelta(days=x)).isoformat() for a, x in zip(adm, los)]),
        C("MZZD", "in", "S/MEDICAL_CONDITION/s", [d[1] for d in c.chs(ICD)]),
        C("ZYZD_BM", "in", "S/MEDICAL_CONDITION/s", [d[0] for d in c.chs(ICD)]),
        C("SSMC", "in", "S/MEDICAL_CONDITION/s", c.sparse(c.chs(["腹腔镜胆囊切除术", "经皮冠状动脉支架植入术", "全髋关节置换术", "剖宫产术", "白内障超声乳化摘除术", "肺叶切除术"]), 0.6), tags=["sparse"]),
        C("ZZYS", "in", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("SJZYTS", "in", "N/-/q", los, note="length of stay"),
        C("ZFY", "in", "S/PERSONAL_INCOME/s", tot),
        C("ZFJE", "in", "S/PERSONAL_INCOME/s", [round(t * c.r.uniform(0.1, 0.5), 2) for t in tot]),
        C("LYFS", "in", "S/MEDICAL_CONDITION/s", c.wchs(["医嘱离院", "医嘱转院", "非医嘱离院", "死亡", "其他"], [85, 5, 6, 2, 2]), note="discharge outcome incl. death"),
        C("LXRXM", "in", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("LXRGX", "in", "N/-/o", c.chs(["配偶", "子", "女", "父母", "其他"])),
        C("LXRDH", "in", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("XZZ", "in", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
    ]


@table("health_cdc_notifiable_cases", "health", "people", "传染病报告卡", fmt="jsonl", rows=1000)
def t_cdc(c):
    P = c.people((0, 90), 0.1)
    dis = c.wchs(["肺结核", "乙型病毒性肝炎", "梅毒", "艾滋病", "手足口病", "流行性感冒", "其它感染性腹泻病", "猩红热", "淋病", "登革热", "水痘"],
                 [15, 15, 10, 4, 10, 20, 10, 4, 4, 3, 5])
    onset = [c.date(D(2026, 1, 1), D(2026, 11, 20)) for _ in P]
    return [
        C("card_id", "sn", "N/-/o", ["%016x" % c.r.getrandbits(64) for _ in P]),
        C("patient_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("id_no", "sn", "S/CN_RESIDENT_ID/d", c.sparse(pk(P, "id"), 0.1), tags=["sparse"]),
        C("parent_name", "sn", "P/PERSON_NAME/d", [c.name() if p["age"] < 14 else None for p in P], tags=["sparse"]),
        C("sex", "sn", "N/GENDER/q", pk(P, "sexzh")),
        C("birthday", "sn", "P/DATE_OF_BIRTH/q", [p["birth"].isoformat() for p in P]),
        C("tel", "sn", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("addr_code", "sn", "N/REGION/q", [f"{c.ch(COUNTIES)[0]}{c.r.randint(1, 20):03d}{c.r.randint(1, 30):03d}" for _ in P], note="12-digit township/community code of residence"),
        C("address", "sn", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("occupation", "sn", "N/OCCUPATION/q", c.chs(OCCUP + ["散居儿童", "幼托儿童", "学生"])),
        C("case_class", "sn", "S/MEDICAL_CONDITION/s", c.chs(["确诊病例", "临床诊断病例", "疑似病例", "病原携带者"])),
        C("disease", "sn", "S/MEDICAL_CONDITION/s", dis),
        C("onset_date", "sn", "N/EVENT_DATE/q", [d.isoformat() for d in onset]),
        C("diag_date", "sn", "N/EVENT_DATE/q", [(d + dt.timedelta(days=c.r.randint(0, 6))).isoformat() for d in onset]),
        C("report_org", "sn", "N/ORG_NAME/q", c.chs(HOSP)),
        C("report_doctor", "sn", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("death_date", "sn", "N/EVENT_DATE/q", [d.isoformat() if c.r.random() < 0.01 else None for d in onset], tags=["sparse"]),
    ]


@table("health_child_vaccinations", "health", "people", "儿童预防接种记录", delim="\t", rows=2500)
def t_vacc(c):
    P = c.people((0, 6), 0.05)
    vac = [("乙肝疫苗", "深圳康泰生物制品股份有限公司"), ("卡介苗", "上海生物制品研究所有限责任公司"), ("脊灰灭活疫苗", "北京科兴生物制品有限公司"),
           ("百白破疫苗", "武汉生物制品研究所有限责任公司"), ("麻腮风疫苗", "上海生物制品研究所有限责任公司"), ("乙脑减毒活疫苗", "成都生物制品研究所有限责任公司"),
           ("A群流脑多糖疫苗", "兰州生物制品研究所有限责任公司"), ("甲肝减毒活疫苗", "浙江普康生物技术股份有限公司"), ("13价肺炎球菌多糖结合疫苗", "辉瑞制药有限公司")]
    V = c.chs(vac)
    return [
        C("受种者编码", "zh", "P/PERSON_ID/d", [f"4301{c.r.randint(10, 99)}{c.r.randint(2020, 2026)}{c.r.randint(100000, 999999)}" for _ in P]),
        C("儿童姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("出生日期", "zh", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y/%m/%d") for p in P]),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("母亲姓名", "zh", "P/PERSON_NAME/d", [c.name("F") for _ in P]),
        C("监护人电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("疫苗名称", "zh", "S/MEDICAL_CONDITION/s", [v[0] for v in V], note="vaccination (rule 2)"),
        C("剂次", "zh", "N/-/o", c.ints(1, 4)),
        C("疫苗批号", "zh", "N/-/o", [f"2026{c.r.randint(10, 12)}{c.r.randint(1000, 9999)}" for _ in P], note="product batch number"),
        C("生产企业", "zh", "N/ORG_NAME/o", [v[1] for v in V]),
        C("接种日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28), "%Y/%m/%d")),
        C("接种单位", "zh", "N/ORG_NAME/q", [f"{c.ch(TOWNS)}社区卫生服务中心" for _ in P]),
        C("接种部位", "zh", "N/-/o", c.chs(["左上臂三角肌", "右上臂三角肌", "口服", "大腿前外侧"])),
        C("异常反应", "zh", "S/MEDICAL_CONDITION/s", [c.ch(["发热38.5℃", "局部红肿", "皮疹", "过敏性皮疹"]) if c.r.random() < 0.03 else None for _ in P], tags=["sparse"]),
    ]


@table("health_maternal_records", "health", "people", "孕产妇保健管理", fmt="xlsx", rows=800)
def t_maternal(c):
    P = c.people((18, 45), 0.1, sex="F")
    lmp = [c.date(D(2026, 3, 1), D(2026, 11, 1)) for _ in P]
    return [
        C("保健手册号", "zh", "P/PERSON_ID/d", c.serials("YCF2026", width=6)),
        C("孕妇姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", [fullwidth(p["id"]) if c.r.random() < 0.1 else p["id"] for p in P], tags=["fullwidth"]),
        C("年龄", "zh", "N/AGE/q", pk(P, "age")),
        C("末次月经", "zh", "S/MEDICAL_CONDITION/s", [d.isoformat() for d in lmp], note="pregnancy information"),
        C("孕周", "zh", "S/MEDICAL_CONDITION/s", [f"{min(41, (D(2026, 11, 30) - d).days // 7)}+{c.r.randint(0, 6)}" for d in lmp]),
        C("孕次", "zh", "S/MEDICAL_CONDITION/s", c.ints(1, 5)),
        C("产次", "zh", "S/MEDICAL_CONDITION/s", c.ints(0, 3)),
        C("高危因素", "zh", "S/MEDICAL_CONDITION/s", c.wchs(["无", "高龄", "瘢痕子宫", "妊娠期高血压", "妊娠期糖尿病", "前置胎盘", "乙肝携带"], [60, 12, 10, 6, 7, 2, 3])),
        C("血压mmHg", "mx", "S/MEDICAL_CONDITION/s", [f"{c.r.randint(95, 150)}/{c.r.randint(60, 95)}" for _ in P]),
        C("血红蛋白g/L", "mx", "S/MEDICAL_CONDITION/s", c.ints(85, 145)),
        C("丈夫姓名", "zh", "P/PERSON_NAME/d", [c.name("M") for _ in P]),
        C("丈夫电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("现居住地址", "zh", "P/ADDRESS/d", [c.address() for _ in P]),
        C("建册日期", "zh", "N/EVENT_DATE/q", [(d + dt.timedelta(days=c.r.randint(40, 90))).isoformat() for d in lmp]),
        C("建册机构", "zh", "N/ORG_NAME/q", [f"{c.ch(TOWNS)}社区卫生服务中心" for _ in P]),
    ]


@table("health_severe_mental_followups", "health", "people", "严重精神障碍患者随访", fmt="parquet", rows=600,
       note="opaque legacy export: F01..F15")
def t_mental(c):
    P = c.people((15, 85), 0.05)
    dx = c.wchs([("F20.9", "精神分裂症"), ("F31.9", "双相情感障碍"), ("F06.9", "脑器质性精神障碍"), ("F25.9", "分裂情感性障碍"), ("F72", "重度精神发育迟滞伴发精神障碍"), ("G40.9", "癫痫所致精神障碍")], [50, 20, 8, 8, 7, 7])
    return [
        C("F01", "op", "P/PERSON_ID/d", c.serials("430100JS", width=6), note="patient id"),
        C("F02", "op", "P/PERSON_NAME/d", pk(P, "name")),
        C("F03", "op", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("F04", "op", "S/MEDICAL_CONDITION/s", [d[1] for d in dx]),
        C("F05", "op", "S/MEDICAL_CONDITION/s", [d[0] for d in dx]),
        C("F06", "op", "S/MEDICAL_CONDITION/s", c.wchs([0, 1, 2, 3, 4, 5], [50, 25, 12, 7, 4, 2]), note="risk assessment grade 0-5"),
        C("F07", "op", "S/MEDICAL_CONDITION/s", c.chs(["规律服药", "间断服药", "不服药"])),
        C("F08", "op", "S/MEDICAL_CONDITION/s", c.chs(["利培酮片", "奥氮平片", "阿立哌唑片", "碳酸锂缓释片", "氯氮平片", "丙戊酸钠缓释片"])),
        C("F09", "op", "P/PERSON_NAME/d", [c.name() for _ in P], note="guardian"),
        C("F10", "op", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("F11", "op", "S/MEDICAL_CONDITION/s", c.wchs(["无", "曾关锁", "关锁"], [95, 4, 1]), note="locked-up status"),
        C("F12", "op", "N/EVENT_DATE/q", c.dates(D(2026, 8, 1), D(2026, 11, 28))),
        C("F13", "op", "P/PERSON_NAME/d", [c.name() for _ in P], note="follow-up doctor"),
        C("F14", "op", "S/-/s", c.wchs(["非贫困", "贫困"], [75, 25]), note="household hardship (rule 5)"),
        C("F15", "op", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
    ]


@table("health_elderly_checkups", "health", "people", "老年人健康体检", enc="utf-8-sig", delim=",", rows=2000)
def t_elderly(c):
    P = c.people((65, 98), 0.0)
    h = [c.r.randint(145, 180) for _ in P]
    w = [round(c.r.uniform(40, 90), 1) for _ in P]
    return [
        C("resident_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("id_card_no", "sn", "S/CN_RESIDENT_ID/d", [c.mask_id(p["id"]) for p in P], tags=["masked"]),
        C("age", "sn", "N/AGE/q", pk(P, "age")),
        C("exam_date", "sn", "N/EVENT_DATE/q", c.dates(D(2026, 3, 1), D(2026, 11, 28))),
        C("height_cm", "sn", "S/MEDICAL_CONDITION/s", h),
        C("weight_kg", "sn", "S/MEDICAL_CONDITION/s", w),
        C("bmi", "sn", "S/MEDICAL_CONDITION/s", [round(x / (y / 100) ** 2, 1) for x, y in zip(w, h)]),
        C("sbp", "sn", "S/MEDICAL_CONDITION/s", c.ints(100, 185)),
        C("dbp", "sn", "S/MEDICAL_CONDITION/s", c.ints(55, 105)),
        C("fpg_mmol", "sn", "S/MEDICAL_CONDITION/s", c.moneys(4.0, 13.0, 1)),
        C("ecg", "sn", "S/MEDICAL_CONDITION/s", c.wchs(["正常", "窦性心动过缓", "ST-T改变", "房颤", "左心室高电压"], [60, 12, 15, 5, 8])),
        C("self_care", "sn", "S/MEDICAL_CONDITION/s", c.wchs(["可自理", "轻度依赖", "中度依赖", "不能自理"], [80, 12, 5, 3])),
        C("tcm_type", "sn", "S/MEDICAL_CONDITION/s", c.chs(["平和质", "气虚质", "阳虚质", "阴虚质", "痰湿质", "湿热质", "血瘀质"]), note="TCM constitution"),
        C("doctor", "sn", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("community", "sn", "N/REGION/q", c.chs(COMM)),
    ]


@table("health_hospital_directory", "health", "organisations", "医疗机构名录", fmt="jsonl", rows=200)
def t_hospitals(c):
    pts = [c.gps() for _ in range(c.n)]
    return [
        C("orgName", "cc", "N/ORG_NAME/o", [c.ch(["长沙市", "岳麓区", "芙蓉区", "浏阳市", "宁乡市"]) + c.ch(["第一", "第二", "中医", "妇幼保健", "口腔", "康复", "精神病"]) + c.ch(["医院", "院", "门诊部"]) for _ in range(c.n)]),
        C("uscc", "sn", "N/USCC/o", [c.uscc("12") for _ in range(c.n)]),
        C("grade", "sn", "N/-/o", c.chs(["三级甲等", "三级乙等", "二级甲等", "二级", "一级", "未定级"])),
        C("address", "sn", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("consultTel", "cc", "N/PHONE_NUMBER/o", [c.landline() for _ in range(c.n)]),
        C("emergencyTel", "cc", "N/PHONE_NUMBER/o", [c.ch(["120", c.landline()]) for _ in range(c.n)]),
        C("lng", "sn", "N/PRECISE_LOCATION/o", [p[0] for p in pts]),
        C("lat", "sn", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("beds", "sn", "N/-/o", c.ints(20, 3500)),
        C("website", "sn", "N/-/o", [f"http://www.cshosp{c.r.randint(1, 999)}.com" for _ in range(c.n)]),
    ]


@table("medins_settlements", "medins", "people", "医保结算明细", fmt="parquet", rows=3000)
def t_settle(c):
    P = c.people((0, 95), 0.05)
    tot = c.moneys(20, 60000)
    pool = [round(t * c.r.uniform(0.3, 0.8), 2) for t in tot]
    acct = [round((t - p) * c.r.uniform(0, 0.5), 2) for t, p in zip(tot, pool)]
    return [
        C("setl_id", "sn", "N/-/o", c.serials("4301202611", width=10, step=(1, 9))),
        C("psn_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("psn_no", "sn", "S/CN_RESIDENT_ID/d", pk(P, "id"), note="social-security number equals the resident ID (rule 10)"),
        C("insutype", "sn", "N/-/o", c.chs(["310", "390"]), note="insurance type code"),
        C("psn_type", "sn", "S/-/s", c.wchs(["在职", "退休", "城乡居民", "特困供养人员", "低保对象", "重度残疾人"], [40, 25, 25, 3, 5, 2]), note="category reveals welfare status (rule 5)"),
        C("fixmedins_name", "sn", "N/ORG_NAME/q", c.chs(HOSP)),
        C("med_type", "sn", "N/-/o", c.chs(["普通门诊", "住院", "门诊慢特病", "定点药店购药"])),
        C("dise_name", "sn", "S/MEDICAL_CONDITION/s", [d[1] for d in c.chs(ICD)]),
        C("medfee_sumamt", "sn", "S/PERSONAL_INCOME/s", tot),
        C("fund_pay_sumamt", "sn", "S/PERSONAL_INCOME/s", pool),
        C("acct_pay", "sn", "S/PERSONAL_INCOME/s", acct),
        C("psn_cash_pay", "sn", "S/PERSONAL_INCOME/s", [round(t - p - a, 2) for t, p, a in zip(tot, pool, acct)]),
        C("setl_time", "sn", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("insu_admdvs", "sn", "N/REGION/q", [c.ch(COUNTIES)[0] for _ in P]),
    ]


@table("medins_chronic_certifications", "medins", "people", "门诊慢特病认定", enc="gbk", delim="\t", rows=900)
def t_chronic(c):
    P = c.people((18, 90), 0.0)
    ids = [f"{p['id'][:6]} {p['id'][6:14]} {p['id'][14:]}" if c.r.random() < 0.3 else p["id"] for p in P]
    return [
        C("申请流水号", "zh", "N/-/o", c.serials("MTB2026", width=6)),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证", "zh", "S/CN_RESIDENT_ID/d", ids, tags=["spaced"]),
        C("病种名称", "zh", "S/MEDICAL_CONDITION/s", c.chs(["高血压（Ⅱ级）", "糖尿病", "恶性肿瘤门诊放化疗", "尿毒症透析", "器官移植抗排异", "精神分裂症", "慢性心力衰竭", "帕金森病", "系统性红斑狼疮", "耐药性肺结核"])),
        C("病种编码", "zh", "S/MEDICAL_CONDITION/s", [f"M0{c.r.randint(1000, 9999)}" for _ in P], note="national chronic-disease code"),
        C("认定日期", "zh", "N/EVENT_DATE/q", c.dates(D(2024, 1, 1), D(2026, 11, 28))),
        C("有效期止", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 12, 1), D(2029, 11, 28))),
        C("认定机构", "zh", "N/ORG_NAME/q", c.chs(HOSP)),
        C("认定医师", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("联系电话", "zh", "P/PHONE_NUMBER/d", [int(p["mobile"]) for p in P], tags=["int"]),
        C("状态", "zh", "N/-/o", c.chs(["有效", "有效", "已过期", "已注销"])),
    ]


@table("medins_designated_pharmacies", "medins", "organisations", "医保定点零售药店", fmt="xlsx", rows=300)
def t_pharm(c):
    pts = [c.gps() for _ in range(c.n)]
    return [
        C("药店名称", "zh", "N/ORG_NAME/o", [f"{c.ch(['老百姓大药房', '益丰大药房', '养天和大药房', '千金大药房'])}（{c.ch(['岳麓', '芙蓉', '天心', '开福', '雨花'])}{c.r.randint(1, 99)}店）" for _ in range(c.n)]),
        C("定点机构编码", "zh", "N/-/o", [f"P43010{c.r.randint(1, 5)}{c.r.randint(10000, 99999)}" for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("联系电话", "zh", "N/PHONE_NUMBER/o", [c.landline() if c.r.random() < 0.8 else "400" + c.digits(7) for _ in range(c.n)]),
        C("经营方式", "zh", "N/-/o", c.chs(["连锁", "单体"])),
        C("定点日期", "zh", "N/EVENT_DATE/o", c.dates(D(2015, 1, 1), D(2026, 10, 1))),
        C("坐标", "zh", "N/PRECISE_LOCATION/o", [f"{p[0]},{p[1]}" for p in pts]),
    ]


# ---------------------------------------------------------------- HR & social security

DEPTS_CO = ["综合办公室", "财务部", "生产一车间", "生产二车间", "销售部", "研发中心", "仓储物流部", "质量管理部"]


@table("hrss_payroll_details", "hrss", "people", "单位工资发放明细（代发）", fmt="xlsx", rows=600)
def t_payroll(c):
    P = c.people((20, 60), 0.2)
    base = [c.r.randint(2200, 9000) for _ in P]
    allow = [c.r.choice([0, 300, 500, 800, 1200]) for _ in P]
    bonus = c.moneys(0, 6000)
    gross = [round(a + b + d, 2) for a, b, d in zip(base, allow, bonus)]
    pen = [round(g * 0.08, 2) for g in gross]
    med = [round(g * 0.02, 2) for g in gross]
    hf = [round(g * 0.08, 2) for g in gross]
    tax = [round(max(0.0, (g - p - m - h - 5000) * 0.03), 2) for g, p, m, h in zip(gross, pen, med, hf)]
    return [
        C("empNo", "cc", "P/PERSON_ID/d", c.serials("HX", width=5)),
        C("empName", "cc", "P/PERSON_NAME/d", pk(P, "name")),
        C("deptName", "cc", "N/-/q", c.chs(DEPTS_CO)),
        C("postName", "cc", "N/OCCUPATION/q", c.chs(["操作工", "技术员", "会计", "出纳", "销售代表", "工程师", "仓管员", "质检员", "司机"])),
        C("baseSalary", "cc", "S/PERSONAL_INCOME/s", base),
        C("postAllowance", "cc", "S/PERSONAL_INCOME/s", allow),
        C("perfBonus", "cc", "S/PERSONAL_INCOME/s", bonus),
        C("grossPay", "cc", "S/PERSONAL_INCOME/s", gross),
        C("pensionPsn", "cc", "S/PERSONAL_INCOME/s", pen),
        C("medicalPsn", "cc", "S/PERSONAL_INCOME/s", med),
        C("housingFundPsn", "cc", "S/PERSONAL_INCOME/s", hf),
        C("iit", "cc", "S/PERSONAL_INCOME/s", tax, note="individual income tax withheld"),
        C("netPay", "cc", "S/PERSONAL_INCOME/s", [round(g - p - m - h - t, 2) for g, p, m, h, t in zip(gross, pen, med, hf, tax)]),
        C("bankCardNo", "cc", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("payMonth", "cc", "N/EVENT_DATE/o", ["2026-11"] * c.n, note="batch month (rule 16)"),
    ]


@table("hrss_pension_recipients", "hrss", "people", "企业职工基本养老金领取人员", delim="|", rows=1500)
def t_pension(c):
    P = c.people((55, 98), 0.0)
    return [
        C("grbh", "in", "P/PERSON_ID/d", [f"43{c.r.randint(10000000000, 99999999999)}" for _ in P], note="personal insurance number"),
        C("xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("sfzhm", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("xb", "in", "N/GENDER/q", pk(P, "sexcode")),
        C("csny", "in", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y%m") for p in P], note="birth year-month"),
        C("ltxrq", "in", "N/EVENT_DATE/q", [f"{p['birth'].year + c.ch([50, 55, 60])}-{p['birth'].month:02d}" for p in P], note="retirement month"),
        C("ltxlb", "in", "N/-/o", c.wchs(["退休", "退职", "离休"], [95, 4, 1])),
        C("jbylj", "in", "S/PERSONAL_INCOME/s", c.moneys(1600, 7800)),
        C("grzhye", "in", "S/PERSONAL_INCOME/s", c.moneys(0, 150000), note="personal account balance"),
        C("ffyh", "in", "N/ORG_NAME/o", [b[1] for b in c.chs(__import__("v6lib").BANKS)]),
        C("yhzh", "in", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("lxdh", "in", "P/PHONE_NUMBER/d", c.sparse([c.mobile() if c.r.random() < 0.7 else c.landline() for _ in P], 0.15), tags=["sparse"], note="home landlines and mobiles of retirees"),
        C("jzdz", "in", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("zfzt", "in", "N/-/o", c.wchs(["正常发放", "暂停发放", "终止发放"], [93, 5, 2])),
    ]


@table("hrss_unemployment_benefits", "hrss", "people", "失业保险金申领", fmt="jsonl", rows=800)
def t_unemp(c):
    P = c.people((18, 59), 0.1)
    months = [c.r.randint(1, 24) for _ in P]
    return [
        C("apply_no", "sn", "N/-/o", c.serials("SY202611", width=5)),
        C("applicant_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("id_number", "sn", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("mobile", "sn", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("former_employer", "sn", "N/ORG_NAME/q", [c.company() for _ in P]),
        C("separation_reason", "sn", "N/-/q", c.chs(["劳动合同期满终止", "用人单位解除", "协商一致解除", "单位破产"])),
        C("contribution_months", "sn", "S/-/s", [m * c.r.randint(1, 8) + 12 for m in months], note="months of contributions: insurance record"),
        C("benefit_months", "sn", "S/-/s", months, note="months of benefit granted (v2)"),
        C("monthly_benefit", "sn", "S/PERSONAL_INCOME/s", [c.ch([1584.0, 1701.0, 1782.0]) for _ in P]),
        C("bank_account", "sn", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("education", "sn", "N/EDUCATION/q", c.chs(EDU)),
        C("approved_on", "sn", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
    ]


@table("hrss_contribution_bases", "hrss", "people", "社会保险缴费基数申报", fmt="parquet", rows=2000)
def t_contrib(c):
    P = c.people((18, 60), 0.15)
    co = [(c.company(), c.uscc()) for _ in range(40)]
    CO = c.chs(co)
    base = [c.ch([4200, 4500, 5000, 6200, 8000, 12000, 18000, 25000]) for _ in P]
    return [
        C("单位名称", "zh", "N/ORG_NAME/q", [x[0] for x in CO]),
        C("单位统一社会信用代码", "zh", "N/USCC/q", [x[1] for x in CO]),
        C("个人社保编号", "zh", "P/PERSON_ID/d", [f"1{c.r.randint(100000000, 999999999)}" for _ in P]),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("公民身份号码", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("险种", "zh", "N/-/o", c.chs(["企业职工基本养老保险", "失业保险", "工伤保险", "职工基本医疗保险"])),
        C("月缴费基数", "zh", "S/PERSONAL_INCOME/s", base),
        C("单位缴费", "zh", "S/PERSONAL_INCOME/s", [round(b * 0.16, 2) for b in base], note="employer contribution on a person's account"),
        C("个人缴费", "zh", "S/PERSONAL_INCOME/s", [round(b * 0.08, 2) for b in base]),
        C("费款所属期", "zh", "N/EVENT_DATE/o", ["202611"] * c.n),
        C("参保状态", "zh", "N/-/o", c.wchs(["参保缴费", "暂停缴费", "终止参保"], [85, 10, 5])),
    ]


@table("hrss_job_postings", "hrss", "organisations", "招聘会岗位信息", enc="gbk", delim=",", rows=500)
def t_jobs(c):
    return [
        C("企业名称", "zh", "N/ORG_NAME/o", [c.company() for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc() for _ in range(c.n)]),
        C("岗位名称", "zh", "N/OCCUPATION/o", c.chs(["普工", "电工", "会计", "销售经理", "Java开发工程师", "仓管员", "厨师", "保安", "护士", "叉车司机"])),
        C("薪资范围", "zh", "N/-/o", c.chs(["3000-4500", "4500-6000", "6000-8000", "8000-12000", "面议"]), note="salary range of a post (rule 3)"),
        C("招聘人数", "zh", "N/-/o", c.ints(1, 50)),
        C("学历要求", "zh", "N/EDUCATION/o", c.chs(["不限", "初中", "高中", "大专", "本科"])),
        C("工作地点", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("招聘电话", "zh", "N/PHONE_NUMBER/o", [c.landline() if c.r.random() < 0.75 else "400-" + c.digits(3) + "-" + c.digits(4) for _ in range(c.n)]),
        C("招聘邮箱", "zh", "N/EMAIL/o", [f"hr@{c.ch(['xiangjiang', 'xingcheng', 'lugu', 'chutian', 'hunanmc'])}{c.r.randint(1, 99)}.com" for _ in range(c.n)]),
        C("发布日期", "zh", "N/EVENT_DATE/o", c.dates(D(2026, 10, 1), D(2026, 11, 28))),
    ]


@table("hrss_wage_arrears_complaints", "hrss", "people", "欠薪投诉受理", delim=",", rows=400, note="complainant and company columns")
def t_arrears(c):
    P = c.people((18, 62), 0.4)
    owed = c.moneys(800, 60000)
    text = [f"本人{p['name']}在{c.ch(['工地', '厂里', '餐馆'])}务工，被拖欠工资{o:.0f}元，联系电话{p['mobile']}" for p, o in zip(P, owed)]
    return [
        C("TSBH", "in", "N/-/o", c.serials("QX2026", width=5)),
        C("TSRXM", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("TSRSFZ", "in", "S/CN_RESIDENT_ID/d", c.sparse(pk(P, "id"), 0.2), tags=["sparse"]),
        C("TSRDH", "in", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("BTSDW", "in", "N/ORG_NAME/q", [c.company() for _ in P]),
        C("QXJE", "in", "S/PERSONAL_INCOME/s", owed, note="wages owed to the complainant"),
        C("QXRS", "in", "N/-/o", c.ints(1, 60)),
        C("TSNR", "in", "S/PERSONAL_INCOME/s", text, tags=["free_text"], note="complaint text with name, phone and owed pay"),
        C("SLRQ", "in", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("BJZT", "in", "N/-/o", c.chs(["已办结", "办理中", "转仲裁", "已移送公安"])),
    ]


# ---------------------------------------------------------------- housing fund

@table("fund_withdrawals", "fund", "people", "住房公积金提取业务", enc="gbk", delim=",", rows=1500)
def t_fund_wd(c):
    P = c.people((22, 65), 0.1)
    return [
        C("个人账号", "zh", "S/BANK_CARD/d", [f"{c.r.randint(100000000000, 199999999999)}" for _ in P], tags=["account_no"], note="provident-fund personal account (rule 11)"),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("证件号码", "zh", "S/CN_RESIDENT_ID/d", [p["id"].lower() if c.r.random() < 0.3 else p["id"] for p in P], tags=["lowercase_x"]),
        C("单位名称", "zh", "N/ORG_NAME/q", [c.company() for _ in P]),
        C("提取原因", "zh", "S/-/s", c.wchs(["购买自住住房", "偿还购房贷款本息", "租赁自住住房", "离休退休", "重大疾病", "享受城镇最低生活保障", "出境定居", "死亡"], [25, 30, 25, 8, 3, 2, 1, 1]), note="fund-withdrawal reason (rule 5)"),
        C("提取金额", "zh", "S/PERSONAL_INCOME/s", c.moneys(1000, 200000)),
        C("账户余额", "zh", "S/PERSONAL_INCOME/s", c.moneys(0, 150000)),
        C("收款卡号", "zh", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("办理日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("经办网点", "zh", "N/ORG_NAME/q", c.chs(["市直管理部", "岳麓管理部", "芙蓉管理部", "星沙管理部", "浏阳管理部"])),
    ]


@table("fund_loans", "fund", "people", "住房公积金个人贷款", fmt="parquet", rows=1000)
def t_fund_loan(c):
    P = c.people((22, 55), 0.1)
    S = c.people((22, 55), 0.1)
    for s in S:
        s["mar"] = c.r.random() < 0.7
    area = c.moneys(60, 180)
    price = [round(a * c.r.uniform(6000, 16000), 2) for a in area]
    loan = [round(min(p * 0.7, c.ch([600000, 800000, 900000])), 2) for p in price]
    term = [c.ch([120, 180, 240, 300, 360]) for _ in P]
    return [
        C("jkr_xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("jkr_zjhm", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("po_xm", "in", "P/PERSON_NAME/d", [s["name"] if s["mar"] else None for s in S], tags=["sparse"], note="spouse"),
        C("po_zjhm", "in", "S/CN_RESIDENT_ID/d", [s["id"] if s["mar"] else None for s in S], tags=["sparse"], note="spouse's ID"),
        C("fwzl", "in", "S/ADDRESS/d", [c.address() for _ in P], note="location of the home bought (rule 4)"),
        C("jzmj", "in", "S/PERSONAL_INCOME/s", area, note="floor area (rule 4)"),
        C("fwzj", "in", "S/PERSONAL_INCOME/s", price),
        C("dkje", "in", "S/PERSONAL_INCOME/s", loan),
        C("dkqx", "in", "S/-/s", term, note="loan term in months: credit record"),
        C("yhke", "in", "S/PERSONAL_INCOME/s", [round(l / t * 1.2, 2) for l, t in zip(loan, term)]),
        C("yqqs", "in", "S/PERSONAL_INCOME/s", c.wchs([0, 1, 2, 3, 6], [85, 7, 4, 2, 2]), note="overdue instalments (rule 4)"),
        C("stbz", "in", "S/-/s", c.wchs(["首套", "二套"], [80, 20]), note="first-home flag (rule 4)"),
        C("fkrq", "in", "N/EVENT_DATE/q", c.dates(D(2020, 1, 1), D(2026, 11, 28))),
        C("cbyh", "in", "N/ORG_NAME/o", [b[1] for b in c.chs(__import__("v6lib").BANKS)]),
    ]


# ---------------------------------------------------------------- civil affairs, disabled persons

@table("civil_dibao_households", "civil", "people", "城乡最低生活保障家庭", fmt="parquet", rows=1200, note="one row per household head")
def t_dibao(c):
    P = c.people((25, 90), 0.0)
    members = []
    for p in P:
        k = c.r.randint(0, 4)
        rel = ["配偶", "长子", "长女", "次子", "孙女"]
        members.append("；".join(f"{c.name()}（{rel[i]}）" for i in range(k)) or None)
    cty = [c.ch(COUNTIES) for _ in P]
    return [
        C("户主姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("户主身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("保障人数", "zh", "N/-/q", [1 + (m.count("；") + 1 if m else 0) for m in members]),
        C("保障类别", "zh", "S/-/s", c.chs(["城市低保", "农村低保", "农村低保（重点保障）", "特困供养"]), note="welfare status (rule 5)"),
        C("月保障金额", "zh", "S/PERSONAL_INCOME/s", [c.r.randint(20, 160) * 5 for _ in P]),
        C("致贫原因", "zh", "S/-/s", c.chs(["因病", "因残", "缺劳力", "因学", "缺技术", "因灾"]), note="rule 5"),
        C("家庭年人均收入", "zh", "S/PERSONAL_INCOME/s", c.moneys(0, 8000)),
        C("乡镇街道", "zh", "N/REGION/q", c.chs(TOWNS)),
        C("村社区", "zh", "N/REGION/q", c.chs(COMM)),
        C("家庭住址", "zh", "P/ADDRESS/d", [c.address(x) for x in cty]),
        C("联系电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("开户银行", "zh", "N/ORG_NAME/o", c.chs(["湖南农信", "中国邮政储蓄银行", "中国农业银行"])),
        C("银行账号", "zh", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("家庭成员", "zh", "P/PERSON_NAME/d", members, tags=["free_text", "sparse"], note="household-member list (rule 14)"),
        C("审批日期", "zh", "N/EVENT_DATE/q", c.dates(D(2022, 1, 1), D(2026, 11, 28))),
    ]


@table("civil_marriage_registrations", "civil", "people", "婚姻登记信息", delim=",", rows=1200)
def t_marriage(c):
    M = c.people((20, 70), 0.2, sex="M")
    F = c.people((20, 70), 0.2, sex="F")
    fdoc, fnat = [], []
    for f in F:
        x = c.r.random()
        if x < 0.95:
            fdoc.append(f["id"]); fnat.append("中国")
        else:
            fdoc.append(c.ch("PMKN") + c.digits(8) if c.r.random() < 0.5 else c.passport()); fnat.append(c.ch(["越南", "美国", "日本", "韩国"]))
    return [
        C("登记类型", "zh", "N/MARITAL_STATUS/q", c.wchs(["结婚登记", "离婚登记", "补发结婚证", "补发离婚证"], [60, 30, 7, 3]), note="rule 7"),
        C("男方姓名", "zh", "P/PERSON_NAME/d", pk(M, "name")),
        C("男方身份证件号", "zh", "S/CN_RESIDENT_ID/d", pk(M, "id")),
        C("男方出生日期", "zh", "P/DATE_OF_BIRTH/q", [m["birth"].isoformat() for m in M]),
        C("女方姓名", "zh", "P/PERSON_NAME/d", pk(F, "name")),
        C("女方身份证件号", "zh", "S/CN_RESIDENT_ID/d", fdoc, tags=["mixed_docs"]),
        C("女方国籍", "zh", "N/-/q", fnat),
        C("女方出生日期", "zh", "P/DATE_OF_BIRTH/q", [f["birth"].isoformat() for f in F]),
        C("登记日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("登记机关", "zh", "N/ORG_NAME/q", [f"{x[2]}民政局婚姻登记处" for x in c.chs(COUNTIES)]),
        C("证书字号", "zh", "P/PERSON_ID/d", [f"J{x[0]}-2026-{c.r.randint(1, 9999):06d}" for x in c.chs(COUNTIES)], note="certificate number (v2)"),
    ]


@table("civil_cremations", "civil", "people", "遗体火化登记", fmt="xlsx", rows=700)
def t_cremation(c):
    P = c.people((1, 100), 0.05)
    death = [c.date(D(2026, 6, 1), D(2026, 11, 25)) for _ in P]
    return [
        C("火化证明编号", "zh", "P/PERSON_ID/d", c.serials("HH2026", width=6), note="cremation certificate (v2)"),
        C("逝者姓名", "zh", "P/PERSON_NAME/d", pk(P, "name"), note="deceased persons like the living (rule 15)"),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("死亡日期", "zh", "N/EVENT_DATE/q", [d.isoformat() for d in death]),
        C("死亡原因", "zh", "S/MEDICAL_CONDITION/s", c.wchs(["肺癌", "脑出血", "心肌梗死", "慢性阻塞性肺疾病", "交通事故", "肝硬化", "衰老", "溺水"], [15, 15, 20, 15, 5, 8, 20, 2])),
        C("火化日期", "zh", "N/EVENT_DATE/q", [(d + dt.timedelta(days=c.r.randint(1, 5))).isoformat() for d in death]),
        C("家属姓名", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("家属电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("惠民殡葬补贴", "zh", "S/PERSONAL_INCOME/s", c.chs([0, 1000, 1500, 2000]), note="benefit paid to the family"),
        C("骨灰安放", "zh", "N/-/o", c.chs(["公墓安葬", "家属领回", "寄存", "生态葬"])),
        C("殡仪馆", "zh", "N/ORG_NAME/q", c.chs(["长沙市殡仪馆", "明阳山殡仪馆", "浏阳市殡仪馆", "宁乡市殡仪馆"])),
    ]


@table("civil_elderly_allowances", "civil", "people", "高龄津贴和护理补贴发放", enc="gbk", delim=";", rows=1500)
def t_allow(c):
    P = c.people((80, 102), 0.0)
    return [
        C("lrxm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("sfzh", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("nl", "in", "N/AGE/q", pk(P, "age")),
        C("nlpgdj", "in", "S/MEDICAL_CONDITION/s", c.chs(["能力完好", "轻度失能", "中度失能", "重度失能", "完全失能"]), note="ability/dependency level (rule 2)"),
        C("btlx", "in", "S/-/s", c.chs(["高龄津贴", "护理补贴", "服务补贴", "高龄津贴+护理补贴"]), note="subsidy type (rule 5)"),
        C("btje", "in", "S/PERSONAL_INCOME/s", c.chs([50, 100, 200, 300, 500])),
        C("ffyf", "in", "N/EVENT_DATE/o", ["2026-11"] * c.n),
        C("jzfs", "in", "N/-/q", c.chs(["与子女同住", "独居", "空巢", "入住养老机构"])),
        C("sqmc", "in", "N/REGION/q", c.chs(COMM)),
        C("dlrxm", "in", "P/PERSON_NAME/d", c.sparse([c.name() for _ in P], 0.4), tags=["sparse"], note="agent collecting for the elder"),
        C("dlrdh", "in", "P/PHONE_NUMBER/d", c.sparse([c.mobile() for _ in P], 0.4), tags=["sparse"]),
    ]


@table("civil_nursing_homes", "civil", "organisations", "养老机构名录", fmt="jsonl", rows=250)
def t_nursing(c):
    pts = [c.gps() for _ in range(c.n)]
    return [
        C("机构名称", "zh", "N/ORG_NAME/o", [f"{c.ch(['长沙市', '岳麓区', '开福区', '浏阳市'])}{c.ch(['康乐', '福寿', '颐和', '夕阳红', '松柏'])}{c.ch(['养老院', '老年公寓', '颐养中心', '敬老院'])}" for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc(c.ch(["52", "91", "12"])) for _ in range(c.n)]),
        C("床位数", "zh", "N/-/o", c.ints(20, 600)),
        C("入住老人数", "zh", "N/-/o", c.ints(5, 500)),
        C("地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("联系电话", "zh", "N/PHONE_NUMBER/o", [c.landline() for _ in range(c.n)]),
        C("机构性质", "zh", "N/-/o", c.chs(["公办", "民办", "公建民营"])),
        C("星级", "zh", "N/-/o", c.chs(["一星级", "二星级", "三星级", "四星级", "未评定"])),
        C("经纬度", "zh", "N/PRECISE_LOCATION/o", [f"{p[0]},{p[1]}" for p in pts]),
    ]


@table("disabled_certificate_holders", "disabled", "people", "残疾人证持证人员", delim="|", rows=1200)
def t_disabled(c):
    P = c.people((0, 95), 0.0)
    cat = [c.r.randint(1, 7) for _ in P]
    grade = [c.r.randint(1, 4) for _ in P]
    names = {1: "视力残疾", 2: "听力残疾", 3: "言语残疾", 4: "肢体残疾", 5: "智力残疾", 6: "精神残疾", 7: "多重残疾"}
    return [
        C("残疾人证号", "zh", "S/CN_RESIDENT_ID/d", [f"{p['id']}{a}{g}" for p, a, g in zip(P, cat, grade)], note="ID + category + grade digits (rule 10)"),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("残疾类别", "zh", "S/MEDICAL_CONDITION/s", [names[a] for a in cat]),
        C("残疾等级", "zh", "S/MEDICAL_CONDITION/s", [f"{'一二三四'[g - 1]}级" for g in grade]),
        C("监护人", "zh", "P/PERSON_NAME/d", [c.name() if (p["age"] < 18 or a in (5, 6)) else None for p, a in zip(P, cat)], tags=["sparse"]),
        C("联系电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("户籍地址", "zh", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("生活补贴", "zh", "S/PERSONAL_INCOME/s", c.sparse(c.chs([70, 80, 100]), 0.6), tags=["sparse"], note="hardship disability living subsidy"),
        C("护理补贴", "zh", "S/PERSONAL_INCOME/s", [c.ch([80, 100]) if g <= 2 else None for g in grade], tags=["sparse"]),
        C("就业状况", "zh", "N/-/q", c.chs(["未就业", "按比例就业", "集中就业", "个体就业", "农村种养", "无劳动能力"])),
        C("发证日期", "zh", "N/EVENT_DATE/q", c.dates(D(2012, 1, 1), D(2026, 11, 28))),
    ]
