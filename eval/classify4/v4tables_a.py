"""v4 tables, part A: population, health, civil affairs, HR & social security, police/traffic, market."""

from __future__ import annotations

import datetime as dt

from v4lib import (COUNTIES, DRUGS, EDU, ETHNIC, ICD, MARITAL, MIGRANT, OCCUP, PSYCH, RELIGIONS, ROADS,
                   STREETS, VACCINES, ALLERGENS, POLITICAL, VILLAGES, fullwidth, mask_id, mask_name,
                   mask_phone, age_of, REF_DATE)
from v4reg import (ADDR, ADDR_EVENT, ADDR_ORG, ADDR_PROP, AGE, C, CARD, CASE_NO, CC, CRIME, CRIME_AGG, DOB, EDU as L_EDU,
                   EMAIL, EMAIL_ORG, ETH, EVD, EVD_Q, FT_P, FT_S, GENDER, ID, INC, INC_AGG, IP, LOC_FAC, LOC_HOME,
                   LOC_TRAJ, MAR, MED, MED_AGG, NAME, NONE, NONE_Q, OCC, ORG, ORG_Q, PASS, PHONE, PHONE_ORG, PID,
                   PLATE, PLATE_Q, REGION, REGION_Q, REL, USCC, WELF, table)
from v4text import D, case_text, complaint_text, dfmt, dts, hotline_text, sex

# =========================================================================== population


@table("pop_name_change_reg", "population", "people", "公民姓名变更登记", "csv", 640, "gbk", ",")
def _(g, n):
    ps = g.persons(n, 1, 70, 0.05)
    olds = [p["name"] for p in ps]
    news = [g.cname() for _ in ps]
    reasons = g.choice(["随父姓", "随母姓", "父母离异", "与他人重名", "生僻字", "收养", "成年人自愿更名"], n)
    return [
        C("slh", g.serial(n, "BG2025", 6), NONE, "i", note="受理号: application serial (call 1)"),
        C("yxm", olds, NAME, "i", note="原姓名"),
        C("xxm", news, NAME, "i"),
        C("gmsfhm", [p["id"] for p in ps], ID, "i"),
        C("xb", sex(ps, "scode"), GENDER, "i"),
        C("csrq", [dfmt(p["birth"], "compact") for p in ps], DOB, "i"),
        C("mz", g.choice(ETHNIC, n), ETH, "i"),
        C("hjdz", [p["addr"] for p in ps], ADDR, "i"),
        C("bgyy", reasons, WELF, "i", note="reason for a name change reveals parents' divorce or adoption (Annex B 婚史): sensitive, null"),
        C("sqr", [p["name"] if age_of(p["birth"]) >= 18 else g.cname() for p in ps], NAME, "i",
          note="申请人: the person or a parent"),
        C("sqr_sfzh", [p["id"] if age_of(p["birth"]) >= 18 else g.person(25, 50)["id"] for p in ps], ID, "i"),
        C("sqr_lxdh", [int(p["mobile"]) for p in ps], PHONE, "i", tags=["int"]),
        C("slrq", g.dates(n, D(2024, 1, 1), D(2026, 5, 31), "%Y%m%d"), EVD_Q, "i"),
        C("sldw", g.choice(["玄武派出所", "鼓楼派出所", "江宁派出所", "姑苏派出所", "梁溪派出所", "亭湖派出所"], n),
          ORG_Q, "i", note="police station that accepted the change: institution of the event"),
        C("cbr", g.choice(["民警" + g.cname() for _ in range(12)], n), NAME, "i",
          note="承办人 (police officer handling it): staff name"),
    ]


@table("pop_newborn_hukou", "population", "people", "出生登记入户信息", "parquet", 1200)
def _(g, n):
    babies = []
    for _ in range(n):
        male = g.r.random() < 0.52
        b = g.date(D(2024, 1, 1), D(2026, 5, 20))
        c = g.county(0.05)
        babies.append({"name": g.cname(), "male": male, "birth": b, "county": c, "id": g.rid(b, male, c)})
    fathers = g.persons(n, 22, 45, 0.1)
    mothers = g.persons(n, 21, 42, 0.1)
    for b, f in zip(babies, fathers):
        b["name"] = f["name"][0] + b["name"][1:]
    return [
        C("BIRTH_CERT_NO", [g.r.choice("OPQR") + f"{g.r.randrange(10 ** 9):09d}" for _ in range(n)], PID, "e",
          note="出生医学证明编号: certificate of a person (v2 call)"),
        C("CHILD_NAME", [b["name"] for b in babies], NAME, "e"),
        C("CHILD_SEX", sex(babies, "en"), GENDER, "e"),
        C("BIRTH_DATE", [b["birth"] for b in babies], DOB, "e"),
        C("BIRTH_TIME", [f"{g.r.randrange(24):02d}:{g.r.randrange(60):02d}" for _ in range(n)], DOB, "e",
          note="time of birth is DATE_OF_BIRTH (call 15)"),
        C("CHILD_ID_NO", [b["id"] for b in babies], ID, "e"),
        C("BIRTH_WEIGHT_G", g.ints(n, 2100, 4600), MED, "e", note="birth weight (call 2)"),
        C("HOSPITAL", g.choice(["南京市妇幼保健院", "苏州市立医院", "无锡市妇幼保健院", "江苏省人民医院", "常州市妇幼保健院"], n),
          ORG_Q, "e"),
        C("FATHER_NAME", [f["name"] for f in fathers], NAME, "e"),
        C("FATHER_ID", [f["id"] for f in fathers], ID, "e"),
        C("MOTHER_NAME", [m["name"] for m in mothers], NAME, "e"),
        C("MOTHER_ID", [mask_id(m["id"]) for m in mothers], ID, "e", tags=["masked"]),
        C("HOUSEHOLD_NO", [f"{g.r.randrange(10 ** 8, 10 ** 9)}" for _ in range(n)], PID, "e",
          note="户号 (call 1)"),
        C("HUKOU_ADDR", [f["addr"] for f in fathers], ADDR, "e"),
        C("REG_DATE", [b["birth"] + dt.timedelta(days=g.r.randint(5, 40)) for b in babies], EVD_Q, "e"),
    ]


@table("pop_household_stats_street", "population", "aggregate", "户籍人口分街道年龄段统计", "xlsx", 240,
       title_row=True)
def _(g, n):
    streets = [(c, s) for c in sorted(COUNTIES)[:12] for s in STREETS]
    sel = [streets[i % len(streets)] for i in range(n)]
    return [
        C("行政区划代码", [c for c, _ in sel], REGION),
        C("区县", [COUNTIES[c][3:] for c, _ in sel], REGION),
        C("街道（乡镇）", [s for _, s in sel], REGION),
        C("户数", g.ints(n, 3000, 40000), NONE),
        C("总人口", g.ints(n, 9000, 120000), NONE),
        C("男性人口", g.ints(n, 4500, 60000), NONE),
        C("女性人口", g.ints(n, 4500, 60000), NONE),
        C("0-14岁", g.ints(n, 800, 18000), NONE),
        C("15-59岁", g.ints(n, 5000, 70000), NONE),
        C("60岁及以上", g.ints(n, 2000, 35000), NONE),
        C("少数民族人口", g.ints(n, 20, 900), NONE),
        C("出生人数", g.ints(n, 30, 900), NONE),
        C("死亡人数", g.ints(n, 40, 1100), NONE),
        C("统计截止日期", ["2025-12-31"] * n, EVD),
    ]


@table("pop_foreigner_lodging", "population", "people", "境外人员住宿登记", "jsonl", 900)
def _(g, n):
    f = g.faker
    kinds = g.wchoice([("foreign", 6), ("hkres", 2), ("twres", 1), ("hk", 1)], n)
    names, docs, nat = [], [], []
    for k in kinds:
        if k == "foreign":
            names.append(f.name().upper() if g.r.random() < 0.5 else g.foreign_name())
            docs.append(g.passport("foreign"))
            nat.append(g.r.choice(["USA", "JPN", "KOR", "FRA", "DEU", "GBR", "VNM", "RUS", "IND", "MYS"]))
        else:
            nm = g.cname()
            names.append(nm if g.r.random() < 0.6 else g.pinyin_of(nm, "upper"))
            docs.append(g.passport(k))
            nat.append({"hkres": "HKG", "twres": "TWN", "hk": "CHN"}[k])
    hotels = g.choice(["金陵饭店", "苏州香格里拉大酒店", "无锡君来世尊酒店", "如家酒店(南京新街口店)", "全季酒店(苏州观前街店)",
                       "汉庭酒店(常州火车站店)", "亚朵酒店(南通万达店)"], n)
    b = [g.birth(1, 75) for _ in range(n)]
    ins = [g.date(D(2025, 1, 1), D(2026, 6, 20)) for _ in range(n)]
    return [
        C("recordId", g.serial(n, "JW", 10), NONE, "E"),
        C("guestName", names, NAME, "E", note="foreign, HK/TW and pinyin names"),
        C("gender", g.choice(["M", "F"], n), GENDER, "E"),
        C("dateOfBirth", [dfmt(x, "iso") for x in b], DOB, "E"),
        C("nationality", nat, NONE_Q, "E", note="nationality code: quasi enumeration"),
        C("certType", [{"foreign": "普通护照", "hkres": "港澳居民来往内地通行证", "twres": "台湾居民来往大陆通行证",
                        "hk": "往来港澳通行证"}[k] for k in kinds], NONE, "E"),
        C("certNo", docs, PASS, "E", note="passports and permits (call 10)"),
        C("visaNo", g.sparse([f"V{g.r.randrange(10 ** 8):08d}" for _ in range(n)], 0.5), PID, "E", tags=["sparse"],
          note="visa number: a document of a person, no vocabulary entity fits better than PERSON_ID"),
        C("hotelName", hotels, LOC_TRAJ, "E", note="lodging of a person (call 8, Annex B 住宿信息)"),
        C("roomNo", [f"{g.r.randint(2, 25)}{g.r.randint(1, 40):02d}" for _ in range(n)], NONE, "E",
          note="room number (v2 call: none)"),
        C("checkInTime", [f"{d.isoformat()} {g.r.randint(0, 23):02d}:{g.r.randrange(60):02d}" for d in ins],
          EVD_Q, "E"),
        C("checkOutDate", [dfmt(d + dt.timedelta(days=g.r.randint(1, 9)), "iso") for d in ins], EVD_Q, "E"),
        C("mobilePhone", g.sparse([g.r.choice(["+86 ", "+852 ", "+1 "]) + g.mobile() for _ in range(n)], 0.6),
          PHONE, "E", tags=["sparse", "mixed_formats"]),
        C("reportUnitTel", [g.landline() for _ in range(n)], PHONE_ORG, "E", note="hotel front desk"),
        C("guaranteeCard", g.sparse([g.credit_card() for _ in range(n)], 0.3), CC, "E", tags=["sparse"],
          note="credit card given as deposit guarantee"),
    ]


# =========================================================================== health


@table("health_family_doctor_sign", "health", "people", "家庭医生签约服务协议", "csv", 1800, "utf-8", "|")
def _(g, n):
    ps = g.persons(n, 0, 95, 0.05)
    tags = ["老年人", "高血压", "糖尿病", "孕产妇", "0-6岁儿童", "残疾人", "严重精神障碍", "结核病", "一般人群"]
    docs = [g.cname() for _ in range(30)]
    return [
        C("qyxybh", g.serial(n, "QY320", 9), NONE, "i", note="签约协议编号: agreement serial"),
        C("jmxm", [p["name"] for p in ps], NAME, "i"),
        C("jmsfzh", [p["id"].lower() if g.r.random() < 0.3 else p["id"] for p in ps], ID, "i",
          tags=["lowercase_x"]),
        C("xb", sex(ps), GENDER, "i"),
        C("nl", [age_of(p["birth"]) for p in ps], AGE, "i"),
        C("lxdh", [p["mobile"] for p in ps], PHONE, "i"),
        C("jzdz", [p["addr"] for p in ps], ADDR, "i"),
        C("rqfl", ["、".join(sorted(set(g.choice(tags, g.r.randint(1, 2))))) for _ in range(n)], MED, "i",
          note="重点人群分类 (hypertension, diabetes, pregnancy, psychiatric): health status"),
        C("gms", g.placeholders(["、".join(sorted(set(g.choice(ALLERGENS, g.r.randint(1, 2))))) if g.r.random() < 0.25 else "否认"
                                 for _ in range(n)], 0.3, ("无", "-", "不详")), MED, "i", tags=["placeholder"],
          note="过敏史 (allergy history)"),
        C("jzs", g.choice(["无", "高血压", "糖尿病", "冠心病", "脑卒中", "恶性肿瘤", "高血压、糖尿病"], n), MED, "i",
          note="家族史 (family medical history)"),
        C("qytd", g.choice(["玄武门社区卫生服务中心1团队", "湖南路社区卫生服务中心2团队", "双塔街道卫生院团队"], n), ORG_Q, "i"),
        C("jtys", g.choice(docs, n), NAME, "i", note="家庭医生 (staff)"),
        C("ysgh", g.serial(n, "YS", 5), PID, "i", note="doctor staff number"),
        C("qyrq", g.dates(n, D(2025, 1, 1), D(2026, 3, 31)), EVD_Q, "i"),
        C("fwbmc", g.choice(["基础包", "高血压包", "糖尿病包", "老年人健康包", "母婴包"], n), NONE, "i",
          note="service package name (catalogue item)"),
        C("zfje", g.choice([0, 60, 120, 150], n), NONE, "i", note="statutory package fee (call 3: catalogue price)"),
    ]


@table("health_hypertension_followup", "health", "people", "高血压患者随访记录", "parquet", 2400)
def _(g, n):
    pats = g.persons(n // 3 + 1, 35, 92, 0.03)
    ps = [pats[i % len(pats)] for i in range(n)]
    return [
        C("sfjlid", g.serial(n, "", 10), NONE, "i", note="follow-up record serial"),
        C("grdabh", [f"32{p['id'][2:6]}{int(p['id'][6:14]) % 99991:06d}" for p in ps], PID, "i",
          note="个人健康档案编号"),
        C("hzxm", [p["name"] for p in ps], NAME, "i"),
        C("sfrq", g.dates(n, D(2025, 1, 1), D(2026, 6, 20)), EVD_Q, "i"),
        C("ssy", g.ints(n, 105, 190), MED, "i", note="systolic BP"),
        C("szy", g.ints(n, 60, 115), MED, "i", note="diastolic BP"),
        C("xl", g.ints(n, 52, 108), MED, "i", note="heart rate"),
        C("tz", [round(g.r.uniform(45, 95), 1) for _ in range(n)], MED, "i", note="body weight"),
        C("kfxt", g.sparse([round(g.r.uniform(4.2, 12.5), 1) for _ in range(n)], 0.4), MED, "i", tags=["sparse"],
          note="fasting glucose mmol/L"),
        C("yyqk", ["；".join(sorted(set(g.choice(DRUGS[:12], g.r.randint(1, 3))))) for _ in range(n)], MED, "i",
          note="medication list"),
        C("fyycx", g.choice(["规律", "间断", "不服药"], n), MED, "i", note="medication compliance"),
        C("sffl", g.choice(["满意", "不满意", "不良反应", "并发症"], n), MED, "i", note="随访分类 (control status)"),
        C("zzjy", g.sparse(g.choice(["转上级医院", "建议心内科就诊"], n), 0.06), MED, "i", tags=["sparse"],
          note="referral advice"),
        C("ywblfy", g.sparse(g.choice(["干咳", "踝部水肿", "头痛", "面部潮红", "低血糖反应"], n), 0.08), MED, "i",
          tags=["sparse"], note="药物不良反应 (adverse drug reaction)"),
        C("sfys", g.choice([g.cname() for _ in range(20)], n), NAME, "i", note="随访医生 (staff)"),
        C("xcsfrq", g.dates(n, D(2026, 7, 1), D(2026, 10, 1)), EVD_Q, "i"),
    ]


@table("health_psych_patients", "health", "people", "严重精神障碍患者管理信息", "xlsx", 420)
def _(g, n):
    ps = g.persons(n, 16, 85, 0.05)
    dx = g.choice(PSYCH, n)
    guardians = g.persons(n, 30, 80, 0.02)
    return [
        C("患者编号", g.serial(n, "JSZA", 7), PID),
        C("姓名", [p["name"] for p in ps], NAME),
        C("身份证件号码", [fullwidth(p["id"]) if g.r.random() < 0.15 else p["id"] for p in ps], ID, tags=["fullwidth"]),
        C("性别", sex(ps), GENDER),
        C("出生日期", [dfmt(p["birth"], "zh") for p in ps], DOB),
        C("诊断", [f"{c} {t}" for c, t in dx], MED, note="ICD-10 code + Chinese name"),
        C("危险性评估", g.choice(["0级", "1级", "2级", "3级", "4级", "5级"], n), MED, note="dangerousness grade"),
        C("监护人姓名", [x["name"] for x in guardians], NAME),
        C("监护人电话", [x["mobile"] for x in guardians], PHONE),
        C("与患者关系", g.choice(["父母", "配偶", "子女", "兄弟姐妹", "其他"], n), NONE),
        C("现住址", [p["addr"] for p in ps], ADDR),
        C("是否免费服药", g.choice(["是", "否"], n), WELF, note="free-medication subsidy of a psychiatric patient"),
        C("管理社区", g.choice(STREETS, n), REGION_Q),
        C("纳入管理日期", g.dates(n, D(2016, 1, 1), D(2026, 4, 1)), EVD_Q),
    ]


@table("health_food_worker_exam", "health", "people", "从业人员预防性健康检查", "csv", 1500, "utf-8-sig", ",")
def _(g, n):
    ps = g.persons(n, 17, 62, 0.35)
    res = g.wchoice([("合格", 95), ("不合格", 5)], n)
    return [
        C("体检编号", g.serial(n, "TJ", 9), NONE, note="exam serial"),
        C("姓名", [p["name"] for p in ps], NAME),
        C("证件号", [p["id"] for p in ps], ID),
        C("性别", sex(ps), GENDER),
        C("年龄", [f"{age_of(p['birth'])}岁" for p in ps], AGE),
        C("手机", [g.phone_form(p["mobile"]) for p in ps], PHONE, tags=["mixed_formats"]),
        C("从业类别", g.choice(["食品生产", "餐饮服务", "公共场所", "药品经营", "化妆品生产"], n), OCC),
        C("工作单位", [g.org_name(trade=g.r.choice(["餐饮管理", "食品"])) for _ in range(n)], ORG_Q),
        C("胸片", g.wchoice([("未见异常", 97), ("肺纹理增粗", 2), ("疑似肺结核", 1)], n), MED),
        C("粪便培养", g.wchoice([("阴性", 98), ("沙门氏菌阳性", 1), ("志贺氏菌阳性", 1)], n), MED),
        C("皮肤病", g.wchoice([("无", 96), ("手癣", 2), ("银屑病", 1), ("湿疹", 1)], n), MED),
        C("结论", res, MED, note="fit-for-work conclusion from health exam"),
        C("体检日期", g.dates(n, D(2025, 6, 1), D(2026, 6, 1)), EVD_Q),
        C("发证机构", g.choice(["南京市鼓楼区疾病预防控制中心", "苏州市姑苏区疾病预防控制中心", "无锡市梁溪区疾病预防控制中心"], n), ORG),
        C("健康证有效期至", g.dates(n, D(2026, 6, 1), D(2027, 6, 1)), EVD),
    ]


@table("health_infectious_monthly", "health", "aggregate", "法定传染病分病种月报", "csv", 720, "utf-8", ",")
def _(g, n):
    dis = ["病毒性肝炎", "肺结核", "梅毒", "淋病", "艾滋病", "手足口病", "流行性感冒", "其他感染性腹泻病",
           "猩红热", "布鲁氏菌病", "登革热", "流行性腮腺炎"]
    combos = [(y, m, c, d) for y in (2024, 2025) for m in range(1, 13) for c in sorted(COUNTIES)[:2] for d in dis[:]]
    sel = [combos[i % len(combos)] for i in range(n)]
    return [
        C("year", [s[0] for s in sel], EVD, "e"),
        C("month", [s[1] for s in sel], EVD, "e"),
        C("area_code", [s[2] for s in sel], REGION, "e"),
        C("disease_name", [s[3] for s in sel], MED_AGG, "e", note="disease category of a count (call 9)"),
        C("disease_class", ["乙类" if s[3] in dis[:5] + ["猩红热", "布鲁氏菌病", "登革热"] else "丙类" for s in sel],
          NONE, "e"),
        C("cases", g.ints(n, 0, 800), NONE, "e"),
        C("deaths", g.wchoice([(0, 90), (1, 8), (2, 2)], n), NONE, "e"),
        C("incidence_per_100k", [round(g.r.uniform(0, 60), 2) for _ in range(n)], NONE, "e"),
        C("yoy_change_pct", [round(g.r.uniform(-50, 80), 1) for _ in range(n)], NONE, "e"),
        C("report_org", ["江苏省疾病预防控制中心"] * n, ORG, "e"),
    ]


@table("health_clinic_licence", "health", "mixed", "医疗机构执业登记", "jsonl", 560)
def _(g, n):
    reps = g.persons(n, 30, 70, 0.05)
    heads = g.persons(n, 30, 70, 0.05)
    kinds = g.choice(["诊所", "口腔诊所", "中医诊所", "社区卫生服务站", "门诊部", "医学检验实验室"], n)
    names = [f"{COUNTIES[g.county()][3:6].rstrip('区市县')}{g.r.choice(['仁和', '康宁', '博爱', '同济', '益生', '华康'])}{k}"
             for k in kinds]
    return [
        C("jgmc", names, ORG, "i"),
        C("tyshxydm", [g.uscc(g.r.choice(["52", "91", "12"])) for _ in range(n)], USCC, "i"),
        C("djh", [f"PDY{g.r.randrange(10 ** 8):08d}32{g.r.randrange(10 ** 6):06d}" for _ in range(n)], NONE, "i",
          note="医疗机构登记号 of an organisation"),
        C("jglb", kinds, NONE, "i"),
        C("fddbr", [r["name"] for r in reps], NAME, "i", note="法定代表人"),
        C("zyfzr", [h["name"] for h in heads], NAME, "i", note="主要负责人"),
        C("fzr_lxdh", [h["mobile"] for h in heads], PHONE, "i", note="负责人 mobile"),
        C("fr_lxdh", [g.phone_form(r["mobile"]) for r in reps], PHONE, "i", tags=["mixed_formats"],
          note="法定代表人 mobile"),
        C("jgdh", [g.landline() for _ in range(n)], PHONE_ORG, "i", note="clinic front desk"),
        C("dz", [g.org_addr() for _ in range(n)], ADDR_ORG, "i"),
        C("zlkm", g.choice(["内科;外科", "口腔科", "中医科", "全科医疗科;预防保健科", "医学检验科"], n), NONE, "i"),
        C("cws", g.ints(n, 0, 20), NONE, "i"),
        C("yxqz", g.dates(n, D(2026, 1, 1), D(2030, 12, 31)), EVD, "i"),
        C("jd", [g.coord()[1] for _ in range(n)], LOC_FAC, "i"),
        C("wd", [g.coord()[0] for _ in range(n)], LOC_FAC, "i"),
    ]


# =========================================================================== civil affairs


@table("civil_temp_relief", "civil", "people", "临时救助审批台账", "csv", 860, "gbk", "\t")
def _(g, n):
    ps = g.persons(n, 18, 90, 0.08)
    return [
        C("序号", list(range(1, n + 1)), NONE),
        C("申请人姓名", [p["name"] for p in ps], NAME),
        C("申请人身份证号", [p["id"] if g.r.random() > 0.05 else p["id"][:6] + p["id"][8:17] for p in ps], ID,
          tags=["legacy15"], note="5% legacy 15-digit numbers"),
        C("户籍地", [COUNTIES.get(p["county"], MIGRANT.get(p["county"])) for p in ps], REGION_Q),
        C("家庭人口", g.ints(n, 1, 6), NONE_Q, note="household size: quasi"),
        C("救助类型", g.choice(["急难型", "支出型"], n), WELF),
        C("困难原因", g.choice(["重大疾病", "火灾", "交通事故", "子女就学", "意外伤害", "失业"], n), WELF,
          note="cause of hardship (call 5)"),
        C("救助金额（元）", g.choice([500, 800, 1000, 1500, 2000, 3000, 5000], n), INC),
        C("情况说明", [g.r.choice([f"{p['name']}因患{g.r.choice(ICD)[1]}住院，自付医疗费用较高，家庭生活困难。",
                                 f"申请人家中突发火灾，房屋受损，现借住亲戚家，联系电话{p['mobile']}。",
                                 f"{p['name']}之子遭遇交通事故，治疗费用超出家庭承受能力。",
                                 "家庭主要劳动力失业，无稳定收入来源。"]) for p in ps], MED, tags=["free_text"],
          note="circumstances naming illnesses, names and mobiles: most sensitive entity is health"),
        C("发放方式", g.choice(["社会化发放", "现金"], n), NONE),
        C("收款账号", [g.bank_card() for _ in range(n)], CARD),
        C("开户行", g.choice(["农村商业银行", "邮储银行", "中国农业银行"], n), NONE),
        C("联系电话", [p["mobile"] for p in ps], PHONE),
        C("审批日期", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD_Q),
        C("经办人", g.choice([g.cname() for _ in range(8)], n), NAME, note="case worker (staff)"),
    ]


@table("civil_disability_subsidy", "civil", "people", "困难残疾人生活补贴和重度残疾人护理补贴发放名册", "xlsx", 980,
       title_row=True)
def _(g, n):
    ps = g.persons(n, 3, 90, 0.02)
    kinds = g.choice(["视力", "听力", "言语", "肢体", "智力", "精神", "多重"], n)
    grades = g.choice(["一级", "二级", "三级", "四级"], n)
    return [
        C("XM", [p["name"] for p in ps], NAME, "i", note="legacy uppercase initials"),
        C("CJZH", [p["id"] + str(k) + str(gr) for p, k, gr in
                   zip(ps, g.choice([1, 2, 3, 4, 5, 6, 7], n), g.choice([1, 2, 3, 4], n))], ID, "i",
          tags=["cert_suffix"], note="disability certificate = ID + category + grade (call 10)"),
        C("CJLB", kinds, MED, "i"),
        C("CJDJ", grades, MED, "i"),
        C("SHBT", g.choice([0, 100, 150, 200], n), INC, "i", note="living subsidy (yuan/month)"),
        C("HLBT", g.choice([0, 100, 200, 300], n), INC, "i", note="care subsidy"),
        C("BTLX", g.choice(["低保", "低保边缘", "重度残疾", "低保+重度"], n), WELF, "i"),
        C("FFYF", ["2026-05"] * n, EVD, "i", note="payment month of the whole file (call 16)"),
        C("SQRDH", [int(p["mobile"]) if g.r.random() < 0.7 else None for p in ps], PHONE, "i", tags=["int", "sparse"]),
        C("JZDZ", [p["addr"] for p in ps], ADDR, "i"),
        C("JDMC", g.choice(STREETS, n), REGION_Q, "i"),
        C("DLR", [g.cname() if age_of(p["birth"]) < 18 or g.r.random() < 0.2 else None for p in ps], NAME, "i",
          tags=["sparse"], note="代领人 (proxy/guardian)"),
    ]


@table("civil_social_org_annual", "civil", "mixed", "社会组织年度检查结果", "csv", 480, "utf-8", ";")
def _(g, n):
    reps = g.persons(n, 30, 75, 0.02)
    liaisons = g.persons(n, 22, 60, 0.05)
    types = g.choice(["社会团体", "民办非企业单位", "基金会"], n)
    nm = [f"{COUNTIES[g.county()][:3]}{g.r.choice(['青年志愿者', '书法家', '摄影', '养老服务', '心理咨询', '社区发展', '慈善'])}"
          f"{g.r.choice(['协会', '中心', '促进会', '基金会', '服务社'])}" for _ in range(n)]
    return [
        C("org_name", nm, ORG, "e"),
        C("uscc", [g.uscc("52" if t != "社会团体" else "51") for t in types], USCC, "e"),
        C("org_type", types, NONE, "e"),
        C("legal_rep", [r["name"] for r in reps], NAME, "e"),
        C("contact_person", [x["name"] for x in liaisons], NAME, "e"),
        C("contact_phone", [x["mobile"] if g.r.random() < 0.7 else g.landline() for x in liaisons], PHONE, "e",
          note="70% mobiles / 30% office landlines (call 12)"),
        C("contact_email", [g.email(x["name"]) if g.r.random() < 0.8 else "office@" + g.r.choice(["jsyouth", "njxh", "szcs"]) + ".org.cn"
                            for x in liaisons], EMAIL, "e", note="mostly webmail (call 12)"),
        C("office_address", [g.org_addr() for _ in range(n)], ADDR_ORG, "e"),
        C("business_scope", g.choice(["开展志愿服务、培训交流、咨询服务", "书法创作交流、展览、培训", "为老年人提供日间照料、助餐服务",
                                      "心理健康知识普及、心理咨询", "接受捐赠、资助困难群体"], n), NONE, "e"),
        C("registered_capital_wan", [round(g.r.uniform(3, 500), 1) for _ in range(n)], NONE, "e"),
        C("annual_income", g.money(n, 1e4, 5e6), NONE, "e", note="organisation's income"),
        C("check_result", g.wchoice([("合格", 80), ("基本合格", 15), ("不合格", 5)], n), NONE, "e"),
        C("check_year", [2025] * n, EVD, "e"),
    ]


@table("civil_dibao_monthly_stats", "civil", "aggregate", "城乡低保月度统计", "parquet", 480)
def _(g, n):
    sel = [(c, m) for c in sorted(COUNTIES) for m in range(1, 13)]
    sel = [sel[i % len(sel)] for i in range(n)]
    return [
        C("xzqhdm", [c for c, _ in sel], REGION, "i"),
        C("xzqhmc", [COUNTIES[c] for c, _ in sel], REGION, "i"),
        C("tjyf", [f"2025{m:02d}" for _, m in sel], EVD, "i"),
        C("cshs", g.ints(n, 200, 3000), NONE, "i", note="城市低保户数"),
        C("csrs", g.ints(n, 300, 5000), NONE, "i"),
        C("nchs", g.ints(n, 500, 6000), NONE, "i"),
        C("ncrs", g.ints(n, 800, 9000), NONE, "i"),
        C("csbzje", g.choice([960, 1000, 1050, 1100, 1160], n), INC_AGG, "i", note="city minimum standard (yuan)"),
        C("ffzje", g.money(n, 1e5, 8e6), INC_AGG, "i", note="total paid (aggregate)"),
        C("rjbz", g.money(n, 500, 1100), INC_AGG, "i", note="average benefit per person (call 9)"),
    ]


# =========================================================================== HR & social security


@table("hrss_flexible_insured", "hrss", "people", "灵活就业人员参保登记", "csv", 2200, "gbk", "|")
def _(g, n):
    ps = g.persons(n, 18, 60, 0.3)
    return [
        C("grbh", g.serial(n, "3201", 10), PID, "i", note="个人编号 (social insurance person number)"),
        C("xm", [p["name"] for p in ps], NAME, "i"),
        C("shbzhm", [p["id"] for p in ps], ID, "i", note="社会保障号码 = resident ID"),
        C("xb", sex(ps, "scode"), GENDER, "i"),
        C("csny", [p["birth"].strftime("%Y%m") for p in ps], DOB, "i", note="birth year-month"),
        C("hjxz", g.choice(["城镇", "农村"], n), NONE_Q, "i"),
        C("whcd", g.choice(EDU, n), L_EDU, "i"),
        C("hyzk", g.choice(["10", "20", "21", "22", "23", "30", "40", "90"], n), MAR, "i",
          note="GB/T 2261.2 marital status codes (10 unmarried, 20 married, 30 widowed, 40 divorced)"),
        C("sjhm", [p["mobile"] for p in ps], PHONE, "i"),
        C("txdz", [p["addr"] for p in ps], ADDR, "i"),
        C("jfjs", g.choice([4494, 5000, 6000, 7490, 9000, 12000, 22470], n), INC, "i", note="contribution base"),
        C("jfdc", g.choice(["60%", "80%", "100%", "150%", "300%"], n), INC, "i", note="chosen contribution grade"),
        C("cbxz", g.choice(["企业职工基本养老保险", "职工基本医疗保险", "养老+医疗"], n), NONE, "i"),
        C("cbrq", g.dates(n, D(2010, 1, 1), D(2026, 5, 1), "%Y%m%d"), EVD_Q, "i"),
        C("kkyh", g.choice(["中国建设银行", "江苏银行", "中国银行"], n), NONE, "i"),
        C("kkzh", [g.bank_card() for _ in range(n)], CARD, "i"),
        C("jbjg", ["南京市社会保险管理中心"] * n, ORG, "i"),
    ]


@table("hrss_work_injury", "hrss", "people", "工伤认定决定", "jsonl", 700)
def _(g, n):
    ps = g.persons(n, 18, 62, 0.35)
    inj = g.choice(["右手示指末节离断伤", "左胫腓骨骨折", "腰椎压缩性骨折", "颅脑外伤", "右眼角膜挫伤", "多处软组织挫伤",
                    "左足跟骨骨折", "职业性噪声聋", "尘肺病"], n)
    return [
        C("decisionNo", [f"宁人社工认〔2025〕{i:05d}号" for i in g.ints(n, 1, 99999)], NONE, "E",
          note="decision document number (administrative act)"),
        C("workerName", [p["name"] for p in ps], NAME, "E"),
        C("workerIdNo", [mask_id(p["id"]) for p in ps], ID, "E", tags=["masked"]),
        C("employer", [g.org_name(trade=g.r.choice(["建设工程", "机械制造", "物流"])) for _ in range(n)], ORG_Q, "E"),
        C("employerUscc", [g.uscc() for _ in range(n)], USCC, "E"),
        C("injuryDate", g.dates(n, D(2024, 6, 1), D(2026, 4, 1)), EVD_Q, "E"),
        C("injuryPlace", [f"{COUNTIES[g.county()]}{g.r.choice(ROADS)}工地" for _ in range(n)], ADDR_EVENT, "E",
          note="place of the accident (incidental event place)"),
        C("diagnosis", inj, MED, "E"),
        C("accidentDesc", [f"{p['name']}在操作设备时受伤，送医诊断为{i}。" for p, i in zip(ps, inj)], MED, "E",
          tags=["free_text"], note="narrative with name + injury: most sensitive entity is health"),
        C("conclusion", g.wchoice([("认定为工伤", 90), ("不予认定", 10)], n), NONE, "E"),
        C("disabilityGrade", g.sparse(g.choice(["十级", "九级", "八级", "七级", "六级"], n), 0.3), MED, "E",
          tags=["sparse"], note="劳动能力鉴定伤残等级"),
        C("workerMobile", [int(p["mobile"]) for p in ps], PHONE, "E", tags=["int"]),
        C("handler", g.choice([g.cname() for _ in range(6)], n), NAME, "E"),
    ]


@table("hrss_job_posts", "hrss", "mixed", "企业招聘岗位信息", "csv", 1300, "utf-8", ",")
def _(g, n):
    hr = g.persons(n, 22, 55, 0.1)
    lo = g.choice([3000, 4000, 5000, 6000, 8000, 10000], n)
    return [
        C("岗位编号", g.serial(n, "GW", 8), NONE),
        C("单位名称", [g.org_name() for _ in range(n)], ORG),
        C("统一社会信用代码", [g.uscc() for _ in range(n)], USCC),
        C("岗位名称", g.choice(["普工", "电工", "会计", "销售代表", "软件工程师", "仓管员", "厨师", "保安", "护工"], n), NONE),
        C("招聘人数", g.ints(n, 1, 50), NONE),
        C("薪资下限", lo, NONE, note="salary range of a job post (call 3: none)"),
        C("薪资上限", [x + g.r.choice([1000, 2000, 4000]) for x in lo], NONE),
        C("学历要求", g.choice(["不限", "初中", "高中", "大专", "本科"], n), NONE, note="requirement of a post, not a person's education"),
        C("工作地点", [g.org_addr() for _ in range(n)], ADDR_ORG),
        C("联系人", [h["name"] if g.r.random() < 0.7 else h["name"][0] + g.r.choice(["先生", "女士", "经理"]) for h in hr],
          NAME, tags=["masked"]),
        C("联系电话", [h["mobile"] if g.r.random() < 0.7 else g.landline() for h in hr], PHONE,
          note="70/30 mobiles/landlines (call 12)"),
        C("招聘E-mail", [g.email(h["name"]) if g.r.random() < 0.6 else "hr@" + g.r.choice(["hxkj", "sdwl", "jcjx"]) + ".com"
                   for h in hr], EMAIL),
        C("发布日期", g.dates(n, D(2026, 1, 1), D(2026, 6, 28)), EVD),
        C("有效期", g.choice([30, 60, 90], n), NONE),
    ]


@table("hrss_labour_inspection_complaints", "hrss", "people", "劳动保障监察投诉受理", "parquet", 640)
def _(g, n):
    ps = g.persons(n, 18, 60, 0.4)
    return [
        C("tsbh", g.serial(n, "LJ2025", 6), NONE, "i", note="complaint serial"),
        C("tsrxm", [p["name"] for p in ps], NAME, "i"),
        C("tsrsfz", [p["id"] for p in ps], ID, "i"),
        C("tsrdh", [p["mobile"] for p in ps], PHONE, "i"),
        C("btsdw", [g.org_name(trade=g.r.choice(["建设工程", "餐饮管理", "物业管理", "纺织"])) for _ in range(n)], ORG, "i",
          note="the employer complained about"),
        C("btsdwdz", [g.org_addr() for _ in range(n)], ADDR_ORG, "i"),
        C("tsnr", [case_text(g, p) for p in ps], ID, "i", tags=["free_text"],
          note="narratives with names, mobiles, some resident IDs and unpaid wages: most sensitive entity = ID"),
        C("sqje", g.money(n, 2000, 80000), INC, "i", note="wages claimed by the worker"),
        C("slrq", g.dates(n, D(2025, 3, 1), D(2026, 6, 1)), EVD_Q, "i"),
        C("clzt", g.choice(["已受理", "调查中", "已结案", "不予受理"], n), NONE, "i"),
        C("jarq", g.sparse(g.dates(n, D(2025, 6, 1), D(2026, 6, 28)), 0.6), EVD_Q, "i", tags=["sparse"]),
        C("zhje", g.sparse(g.money(n, 1000, 60000), 0.5), INC, "i", tags=["sparse"],
          note="wages recovered for the worker (call 3)"),
    ]


@table("hrss_insured_by_district", "hrss", "aggregate", "分区县分险种参保情况月报", "xlsx", 468)
def _(g, n):
    sel = [(c, m) for c in sorted(COUNTIES) for m in range(1, 13)]
    sel = [sel[k % len(sel)] for k in range(n)]
    return [
        C("Region_Code", [c for c, _ in sel], REGION, "e"),
        C("Region_Name", [COUNTIES[c] for c, _ in sel], REGION, "e"),
        C("Stat_Month", [f"2025-{m:02d}" for _, m in sel], EVD, "e"),
        C("Pension_Insured", g.ints(n, 50000, 900000), NONE, "e"),
        C("Pension_Retirees", g.ints(n, 10000, 300000), NONE, "e"),
        C("Avg_Monthly_Pension", g.money(n, 2200, 4800), INC_AGG, "e", note="average pension (call 9)"),
        C("Medical_Insured", g.ints(n, 80000, 1200000), NONE, "e"),
        C("Unemployment_Insured", g.ints(n, 30000, 600000), NONE, "e"),
        C("Unemployment_Recipients", g.ints(n, 200, 9000), NONE, "e"),
        C("Avg_Unemployment_Benefit", g.money(n, 1700, 2300), INC_AGG, "e"),
        C("Injury_Insured", g.ints(n, 30000, 600000), NONE, "e"),
        C("Contribution_Income_Wan", [round(g.r.uniform(2000, 90000), 1) for _ in range(n)], NONE, "e",
          note="fund revenue of the insurance fund (not a person's money)"),
    ]


# =========================================================================== police / traffic


@table("police_ebike_reg", "police", "people", "电动自行车登记上牌信息", "csv", 2600, "utf-8", ",")
def _(g, n):
    ps = g.persons(n, 16, 80, 0.3)
    al = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return [
        C("hphm", [f"{COUNTIES[p['county']][:2] if p['county'] in COUNTIES else '南京'}{g.r.choice(al)}{g.r.randrange(10 ** 5):05d}"
                   for p in ps], PLATE, "i", note="e-bike plate (city + letter + digits): licence plate of a person"),
        C("syr", [p["name"] for p in ps], NAME, "i", note="所有人"),
        C("sfzmhm", [p["id"] for p in ps], ID, "i"),
        C("lxdh", [p["mobile"] for p in ps], PHONE, "i"),
        C("zsdz", [p["addr"] for p in ps], ADDR, "i"),
        C("clpp", g.choice(["雅迪", "爱玛", "台铃", "新日", "小牛", "九号", "绿源"], n), NONE, "i"),
        C("zcbm", [f"{g.r.randrange(10 ** 14, 10 ** 15)}" for _ in range(n)], NONE, "i",
          note="整车编码 (frame code of a vehicle model run, not a VIN of a person's car)"),
        C("djh", [f"{g.r.choice(['TDR', 'AM', 'XR'])}{g.r.randrange(10 ** 9):09d}" for _ in range(n)], NONE, "i",
          note="motor number"),
        C("csys", g.choice(["白", "黑", "红", "蓝", "灰", "粉"], n), NONE, "i"),
        C("djrq", g.dates(n, D(2019, 4, 15), D(2026, 6, 1)), EVD_Q, "i"),
        C("djd", g.choice(["鼓楼车管所", "姑苏电动车登记点", "梁溪区某4S店代办点"], n), ORG_Q, "i"),
        C("bxgm", g.choice(["是", "否"], n), NONE, "i"),
    ]


@table("police_dog_reg", "police", "people", "养犬登记", "jsonl", 1100)
def _(g, n):
    ps = g.persons(n, 18, 85, 0.2)
    return [
        C("quanzheng_hao", g.serial(n, "NJQ", 7), NONE, "p", note="dog licence number (identifies the dog)"),
        C("zhuren_xingming", [p["name"] for p in ps], NAME, "p"),
        C("zhuren_shenfenzheng", [p["id"] for p in ps], ID, "p"),
        C("lianxi_dianhua", [p["mobile"] for p in ps], PHONE, "p"),
        C("yangquan_dizhi", [p["addr"] for p in ps], ADDR, "p"),
        C("quan_ming", g.choice(["旺财", "豆豆", "可乐", "Lucky", "球球", "毛毛", "小白"], n), NONE, "p", note="dog's name"),
        C("pinzhong", g.choice(["泰迪", "柯基", "柴犬", "金毛", "比熊", "中华田园犬", "边境牧羊犬"], n), NONE, "p"),
        C("maose", g.choice(["黄", "白", "黑", "棕", "黑白"], n), NONE, "p"),
        C("mianyi_riqi", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD, "p", note="dog's rabies vaccination date"),
        C("yimiao_pihao", [f"2025{g.r.randrange(10 ** 6):06d}" for _ in range(n)], NONE, "p",
          note="dog vaccine batch: animal health, not a person's"),
        C("xinpian_hao", [f"{g.r.randrange(10 ** 14, 10 ** 15)}" for _ in range(n)], NONE, "p", note="pet microchip"),
        C("dengji_riqi", g.dates(n, D(2024, 1, 1), D(2026, 6, 1)), EVD_Q, "p"),
    ]


@table("police_driver_points", "police", "people", "机动车驾驶人累积记分", "parquet", 1900)
def _(g, n):
    ps = g.persons(n, 19, 70, 0.1)
    return [
        C("driverName", [p["name"] for p in ps], NAME, "E"),
        C("licenseNo", [p["id"] for p in ps], ID, "E", note="driving licence = resident ID"),
        C("fileNo", [f"32{g.r.randrange(10 ** 10):010d}" for _ in range(n)], PID, "E", note="驾驶证档案编号"),
        C("quasiClass", g.choice(["C1", "C2", "B2", "A2", "A1", "D"], n), NONE, "E"),
        C("firstIssueDate", [dfmt(g.date(max(p["birth"] + dt.timedelta(days=6600), D(1990, 1, 1)), D(2026, 6, 1)), "compact")
                             for p in ps], EVD_Q, "E"),
        C("cyclePoints", g.ints(n, 0, 12), CRIME, "E", note="accumulated points (call 6)"),
        C("violationCount", g.ints(n, 0, 9), CRIME, "E"),
        C("status", g.choice(["正常", "满分", "暂扣", "吊销", "逾期未审验"], n), CRIME, "E",
          note="licence status incl. revoked: violation record"),
        C("mobile", [mask_phone(p["mobile"]) for p in ps], PHONE, "E", tags=["masked"]),
        C("address", [p["addr"] for p in ps], ADDR, "E"),
        C("cycleStart", [d for d in g.dates(n, D(2025, 1, 1), D(2026, 1, 1), None)], EVD_Q, "E"),
        C("studyStatus", g.sparse(g.choice(["满分学习中", "已考试合格", "未报名"], n), 0.15), CRIME, "E", tags=["sparse"],
          note="full-points re-education status: violation record"),
        C("licenceExpiry", g.dates(n, D(2026, 7, 1), D(2036, 1, 1)), EVD_Q, "E"),
    ]


@table("police_parking_violation", "police", "people", "违法停车告知单", "csv", 2800, "gbk", ",")
def _(g, n):
    ps = g.persons(n, 20, 70, 0.1)
    return [
        C("gzdh", g.serial(n, "3201", 11), NONE, "i", note="notice serial"),
        C("hphm", [g.plate(p["county"] if p["county"] in COUNTIES else None) for p in ps], PLATE, "i"),
        C("hpzl", g.choice(["小型汽车", "小型新能源汽车", "大型汽车"], n), NONE, "i"),
        C("wfsj", dts(g, n, D(2026, 1, 1), D(2026, 6, 28)), EVD_Q, "i"),
        C("wfdd", [f"{g.r.choice(ROADS)}与{g.r.choice(ROADS)}交叉口" for _ in range(n)], ADDR_EVENT, "i",
          note="junction of a single violation (call 8)"),
        C("wfxw", g.choice(["机动车违反规定停放", "在人行道上停车", "在消防通道停车"], n), CRIME, "i"),
        C("fkje", g.choice([50, 100, 150, 200], n), CRIME, "i", note="fine of a person (call 6)"),
        C("cjjg", g.choice(["鼓楼交警大队", "玄武交警大队", "城管执法局"], n), ORG, "i"),
        C("syr", g.sparse([p["name"] for p in ps], 0.9), NAME, "i", tags=["sparse"]),
        C("sjhm", g.sparse([p["mobile"] for p in ps], 0.85), PHONE, "i", tags=["sparse"]),
        C("clzt", g.choice(["未处理", "已处理", "已缴款"], n), NONE, "i"),
        C("cjfs", g.choice(["电子警察", "人工抄告", "移动抓拍"], n), NONE, "i"),
    ]


@table("police_traffic_flow", "police", "aggregate", "重点路口小时流量统计", "csv", 2000, "utf-8", "\t")
def _(g, n):
    return [
        C("junction_id", [f"JX{g.r.randrange(1, 120):04d}" for _ in range(n)], NONE, "e"),
        C("junction_name", [f"{g.r.choice(ROADS)}-{g.r.choice(ROADS)}" for _ in range(n)], ADDR_ORG, "e",
          note="junction name: a place, not tied to a person"),
        C("lon", [round(g.r.uniform(118.6, 119.0), 6) for _ in range(n)], LOC_FAC, "e"),
        C("lat", [round(g.r.uniform(31.9, 32.2), 6) for _ in range(n)], LOC_FAC, "e"),
        C("stat_hour", dts(g, n, D(2026, 5, 1), D(2026, 5, 31)), EVD, "e"),
        C("vehicles", g.ints(n, 50, 4000), NONE, "e"),
        C("trucks", g.ints(n, 0, 300), NONE, "e"),
        C("avg_speed_kmh", [round(g.r.uniform(8, 60), 1) for _ in range(n)], NONE, "e"),
        C("congestion_index", [round(g.r.uniform(1, 3.5), 2) for _ in range(n)], NONE, "e"),
        C("plate_local_share", [round(g.r.uniform(0.6, 0.95), 3) for _ in range(n)], NONE, "e"),
    ]


@table("police_security_guard", "police", "people", "保安员证核发", "xlsx", 760)
def _(g, n):
    ps = g.persons(n, 18, 60, 0.35)
    return [
        C("col_1", g.serial(n, "苏宁", 9), PID, "o", note="保安员证编号: certificate of a person"),
        C("col_2", [p["name"] for p in ps], NAME, "o"),
        C("col_3", sex(ps), GENDER, "o"),
        C("col_4", [p["id"] for p in ps], ID, "o"),
        C("col_5", [dfmt(p["birth"], "serial") for p in ps], DOB, "o", tags=["excel_serial"],
          note="birth date as Excel serial numbers"),
        C("col_6", g.choice(["初中", "高中", "中专", "大专"], n), L_EDU, "o"),
        C("col_7", [g.org_name(trade="保安服务", form="有限公司") for _ in range(n)], ORG_Q, "o"),
        C("col_8", g.wchoice([("无", 97), ("有", 3)], n), CRIME, "o",
          note="违法犯罪记录 check result of the applicant"),
        C("col_9", g.dates(n, D(2023, 1, 1), D(2026, 6, 1)), EVD_Q, "o"),
        C("col_10", g.choice([85, 90, 72, 66, 93, 78], n), (None, "personal", "sensitive"), "o",
          note="licence exam score of a person (v2 call for exam scores)"),
    ]


# =========================================================================== market regulation


@table("market_sole_trader_annual_report", "market", "mixed", "个体工商户年度报告", "csv", 1700, "gbk", ",")
def _(g, n):
    ps = g.persons(n, 20, 70, 0.3)
    trades = g.choice(["小吃店", "便利店", "理发店", "五金店", "水果店", "服装店", "手机维修部", "早餐店"], n)
    return [
        C("统一社会信用代码", [g.uscc("92") for _ in range(n)], USCC, note="92-prefixed USCC (call 13)"),
        C("字号名称", [f"{COUNTIES[g.county()][3:5]}{p['name'] if g.r.random() < 0.3 else g.r.choice(['老街', '好运', '阿强', '佳佳'])}{t}"
                     for p, t in zip(ps, trades)], ORG, note="trade name may embed the operator (call 13)"),
        C("经营者", [p["name"] for p in ps], NAME, note="operator"),
        C("经营者证件号", [p["id"] if g.r.random() < 0.9 else g.passport("hkres") for p in ps], ID, tags=["mixed_docs"]),
        C("经营者TEL", [g.phone_form(p["mobile"]) for p in ps], PHONE, tags=["mixed_formats"]),
        C("组成形式", g.choice(["个人经营", "家庭经营"], n), NONE),
        C("经营场所", [g.org_addr() for _ in range(n)], ADDR_ORG, note="business premises (call 13)"),
        C("经营范围", g.choice(["食品销售；餐饮服务", "日用百货销售", "理发服务", "五金产品零售", "电子产品维修",
                            "水果零售", "服装服饰零售"], n), NONE),
        C("资金数额（万元）", [round(g.r.uniform(0.5, 50), 1) for _ in range(n)], NONE,
          note="capital of an individual business, a registry fact (kept none)"),
        C("成立日期", g.dates(n, D(2008, 1, 1), D(2026, 6, 1)), EVD),
        C("登记机关", g.choice(["南京市鼓楼区市场监督管理局", "苏州市姑苏区市场监督管理局"], n), ORG),
        C("登记状态", g.choice(["存续", "注销", "吊销"], n), NONE),
        C("年报年度", [2025] * n, EVD),
        C("从业人数", g.ints(n, 1, 8), NONE),
        C("网店网址", g.sparse([f"https://shop{g.r.randrange(10 ** 6, 10 ** 8)}.taobao.com" for _ in range(n)], 0.2), NONE,
          tags=["sparse"], note="online shop URL of a business"),
    ]


@table("market_12315_complaints", "market", "people", "12315投诉举报登记", "jsonl", 1500)
def _(g, n):
    ps = g.persons(n, 18, 80, 0.2)
    shops = [g.org_name(trade=g.r.choice(["商贸", "餐饮管理", "电子", "家政服务"])) for _ in range(n)]
    return [
        C("gdbh", g.serial(n, "12315-2026", 7), NONE, "i", note="work-order number (call 1)"),
        C("tsrxm", [p["name"] if g.r.random() < 0.8 else mask_name(p["name"], g.r) for p in ps], NAME, "i",
          tags=["masked"]),
        C("tsrdh", [g.phone_form(p["mobile"]) for p in ps], PHONE, "i", tags=["mixed_formats"]),
        C("tsrdz", g.sparse([p["addr"] for p in ps], 0.5), ADDR, "i", tags=["sparse"]),
        C("btsdx", shops, ORG, "i"),
        C("btsdxdh", [g.r.choice(["400-", "400"]) + f"{g.r.randrange(10 ** 3, 10 ** 4)}-{g.r.randrange(10 ** 3, 10 ** 4)}"
                      if g.r.random() < 0.5 else g.landline() for _ in range(n)], PHONE_ORG, "i"),
        C("tsnr", [complaint_text(g, p, s) for p, s in zip(ps, shops)], FT_P, "i", tags=["free_text"],
          note="complaint narratives: names, mobiles, amounts; no single entity dominates"),
        C("sqje", g.money(n, 10, 8000), INC, "i", note="amount at stake of a consumer (call 3 transaction)"),
        C("jsrq", g.dates(n, D(2025, 7, 1), D(2026, 6, 28)), EVD_Q, "i"),
        C("cljg", g.choice(["调解成功", "调解不成功", "不予受理", "转立案调查"], n), NONE, "i"),
        C("qdly", g.choice(["电话", "全国12315平台", "微信", "来信"], n), NONE, "i"),
        C("xfzwlip", g.sparse([g.ip() for _ in range(n)], 0.4), IP, "i", tags=["sparse"],
          note="消费者网络IP of online submissions"),
    ]


@table("market_admin_penalty", "market", "organisations", "行政处罚信息公示", "csv", 900, "utf-8", "|")
def _(g, n):
    return [
        C("penalty_doc_no", [f"苏市监罚〔2025〕{i}号" for i in g.ints(n, 1, 9999)], NONE, "e"),
        C("party_name", [g.org_name() for _ in range(n)], ORG, "e"),
        C("party_uscc", [g.uscc() for _ in range(n)], USCC, "e"),
        C("illegal_act", g.choice(["销售不符合食品安全标准的食品", "虚假广告", "未按规定公示年度报告", "销售侵犯注册商标专用权的商品",
                                   "价格欺诈", "无证经营"], n), NONE, "e", note="company violation (none)"),
        C("penalty_basis", g.choice(["《中华人民共和国食品安全法》第一百二十四条", "《中华人民共和国广告法》第五十五条",
                                     "《中华人民共和国价格法》第四十条"], n), NONE, "e"),
        C("penalty_type", g.choice(["罚款", "警告;罚款", "没收违法所得;罚款"], n), NONE, "e"),
        C("fine_amount", g.money(n, 2000, 500000), NONE, "e", note="fine of a company"),
        C("confiscated", g.sparse(g.money(n, 100, 80000), 0.4), NONE, "e", tags=["sparse"]),
        C("decision_date", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD, "e"),
        C("authority", g.choice(["苏州市市场监督管理局", "南京市市场监督管理局", "无锡市市场监督管理局"], n), ORG, "e"),
        C("authority_tel", g.choice(["12315", "025-68789000", "0512-68550315"], n), PHONE_ORG, "e"),
        C("publicity_end", g.dates(n, D(2026, 1, 1), D(2029, 1, 1)), EVD, "e"),
    ]


@table("market_elevators", "market", "organisations", "电梯使用登记信息", "parquet", 1400)
def _(g, n):
    pts = [g.coord() for _ in range(n)]
    return [
        C("equipCode", [f"3{g.r.randrange(10 ** 18, 10 ** 19)}" for _ in range(n)], NONE, "E", note="20-digit equipment code"),
        C("regCertNo", [f"梯11苏A{g.r.randrange(10 ** 5):05d}(25)" for _ in range(n)], NONE, "E"),
        C("useUnit", [g.org_name(trade="物业管理") for _ in range(n)], ORG, "E"),
        C("useUnitUscc", [g.uscc() for _ in range(n)], USCC, "E"),
        C("installAddress", [g.org_addr() + f"{g.r.randint(1, 30)}幢{g.r.randint(1, 3)}号梯" for _ in range(n)], ADDR_ORG, "E"),
        C("longitude", [p[1] for p in pts], LOC_FAC, "E"),
        C("latitude", [p[0] for p in pts], LOC_FAC, "E"),
        C("maintUnit", [g.org_name(trade="电梯工程") for _ in range(n)], ORG, "E"),
        C("maintHotline", g.choice(["96333", "400-820-8866", "025-84519000"], n), PHONE_ORG, "E"),
        C("lastInspection", g.dates(n, D(2025, 6, 1), D(2026, 6, 1)), EVD, "E"),
        C("inspectionResult", g.choice(["合格", "复检合格", "不合格"], n), NONE, "E"),
        C("floors", g.ints(n, 2, 40), NONE, "E"),
        C("ratedLoadKg", g.choice([630, 800, 1000, 1050, 1350, 1600], n), NONE, "E"),
    ]


@table("market_price_monitor", "market", "aggregate", "农贸市场主要商品价格监测", "xlsx", 600, title_row=True)
def _(g, n):
    goods = [("粳米", "元/公斤"), ("菜籽油", "元/升"), ("猪肉(精瘦肉)", "元/公斤"), ("鸡蛋", "元/公斤"), ("大白菜", "元/公斤"),
             ("西红柿", "元/公斤"), ("草鱼", "元/公斤"), ("牛奶", "元/盒")]
    sel = g.choice(goods, n)
    return [
        C("监测日期", g.dates(n, D(2026, 1, 1), D(2026, 6, 28)), EVD),
        C("市场名称", g.choice(["南京众彩农副产品批发市场", "苏州南环桥市场", "无锡朝阳农产品大市场", "徐州七里沟农副产品中心"], n), ORG),
        C("商品名称", [s[0] for s in sel], NONE),
        C("计量单位", [s[1] for s in sel], NONE),
        C("零售价", g.money(n, 2, 80), NONE, note="product price (hard negative)"),
        C("批发价", g.money(n, 1, 60), NONE),
        C("环比(%)", [round(g.r.uniform(-10, 10), 2) for _ in range(n)], NONE),
        C("同比(%)", [round(g.r.uniform(-20, 20), 2) for _ in range(n)], NONE),
        C("规格等级", g.choice(["一级", "二级", "统货", "散装", "500g/袋"], n), NONE),
        C("价格类型", g.choice(["零售价", "批发价"], n), NONE),
    ]
