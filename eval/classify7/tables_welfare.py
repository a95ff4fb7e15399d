"""Medical insurance, HR & social security, health (maternity, vaccination, psychiatric care, deaths),
education (schools with minors, universities), civil affairs (elderly care, funeral, marriage, adoption),
veterans, statistics."""

from __future__ import annotations


from v7lib import (
    CHENGDU, COMMUNITIES, COUNTIES, EDU, ETHNIC, OCCUP, POLITICAL, VILLAGES, Col as C, Gen, table,
    fmt_date, mask_name, mask_phone,
)

HOSPITALS = ["四川大学华西医院", "四川省人民医院", "成都市第三人民医院", "成都市第二人民医院", "锦江区妇幼保健院",
             "成华区猛追湾社区卫生服务中心", "武侯区玉林社区卫生服务中心"]
DIAG = [("I10", "原发性高血压"), ("E11.9", "2型糖尿病"), ("C34.9", "肺恶性肿瘤"), ("N18.5", "慢性肾脏病5期"),
        ("F20.0", "偏执型精神分裂症"), ("J44.9", "慢性阻塞性肺疾病"), ("I63.9", "脑梗死"), ("B18.1", "慢性乙型病毒性肝炎"),
        ("C50.9", "乳房恶性肿瘤"), ("M06.9", "类风湿性关节炎")]
DRUGS = ["苯磺酸氨氯地平片", "盐酸二甲双胍片", "阿托伐他汀钙片", "恩替卡韦分散片", "利培酮片", "奥氮平片", "甲磺酸伊马替尼片",
         "胰岛素注射液", "阿司匹林肠溶片", "富马酸替诺福韦二吡呋酯片"]


@table("medins_fraud_clues", "people", "医保基金欺诈骗保线索", "parquet", 400)
def medins_fraud_clues(g: Gen) -> list[C]:
    P = g.people((20, 85))
    d = [g.r.choice(DIAG) for _ in P]
    return [
        C("线索编号", "N/-/o", g.serial("YBXS2026", 5)),
        C("参保人姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("社会保障号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P], note="rule 10"),
        C("定点医药机构", "N/ORG_NAME/q", g.pick(HOSPITALS + ["成都某大药房连锁有限公司某店"])),
        C("疑点类型", "S/CRIMINAL_RECORD/s", g.pick(["冒名就医", "串换药品", "虚假住院", "倒卖医保药品", "超量开药"]), note="suspected insurance fraud of a person: violation record (rule 6)"),
        C("涉及诊断编码", "S/MEDICAL_CONDITION/s", [x[0] for x in d]),
        C("涉及药品", "S/MEDICAL_CONDITION/s", g.pick(DRUGS), note="drugs of a person (rule 2)"),
        C("涉及金额（元）", "S/PERSONAL_INCOME/s", g.money(200, 90000, 2)),
        C("就诊日期", "N/EVENT_DATE/q", g.dates("2025-01-01", "2026-10-31", "%Y/%m/%d")),
        C("处理结果", "S/CRIMINAL_RECORD/s", g.pick(["追回基金", "暂停医保卡结算6个月", "移送公安机关", "排除"]), note="sanction of a person (rule 6)"),
    ]


@table("medins_chronic_disease_certs", "people", "门诊慢特病待遇资格认定", "csv", 800, enc="gbk", delim=",", ascii_style="initials")
def medins_chronic_disease_certs(g: Gen) -> list[C]:
    P = g.people((18, 90))
    dz = g.pick([("M03900", "高血压"), ("M01600", "糖尿病"), ("M00500", "恶性肿瘤门诊治疗"), ("M02300", "精神分裂症"), ("M07800", "尿毒症透析"), ("M01300", "慢性乙型肝炎")])
    return [
        C("GRBH", "P/PERSON_ID/d", g.randserial("51010000000", 9), note="insured person number"),
        C("XM", "P/PERSON_NAME/d", [p.name for p in P]),
        C("ZJHM", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("BZBM", "S/MEDICAL_CONDITION/s", [x[0] for x in dz], note="national chronic-disease code"),
        C("BZMC", "S/MEDICAL_CONDITION/s", [x[1] for x in dz]),
        C("RDYY", "N/ORG_NAME/q", g.pick(HOSPITALS[:4])),
        C("RDRQ", "N/EVENT_DATE/q", g.dates("2020-01-01", "2026-11-01", "%Y%m%d")),
        C("CBLX", "N/-/o", g.pick(["职工医保", "城乡居民医保"])),
        C("LXDH", "P/PHONE_NUMBER/d", g.dirty([p.mobile for p in P], 0.05), tags=("placeholder",)),
    ]


@table("medins_pharmacy_settlements", "people", "定点药店购药结算明细", "jsonl", 1500, ascii_style="english_snake")
def medins_pharmacy_settlements(g: Gen) -> list[C]:
    P = g.people((18, 90), n=200)
    idx = g.ints(0, 199)
    tot = g.money(5, 900, 2)
    return [
        C("setl_id", "N/-/o", g.randserial("SETL", 14), note="settlement serial (rule 1)"),
        C("psn_no", "P/PERSON_ID/d", [f"5101{P[i].rid[-12:-1]}" for i in idx], note="insured person number"),
        C("psn_name", "P/PERSON_NAME/d", [mask_name(P[i].name, 0) for i in idx], tags=("masked",)),
        C("med_list_codg", "S/MEDICAL_CONDITION/s", [f"XC{g.r.choice(['09CAL', '10AAA', '05AFE', '05AFD', '05AFA'])}{g.r.randint(100, 999)}A{g.r.randint(10**9, 10**10 - 1)}" for _ in idx], note="national drug code of a person's purchase reveals the drug (rule 2)"),
        C("drug_name", "S/MEDICAL_CONDITION/s", g.pick(DRUGS)),
        C("cnt", "N/-/o", g.ints(1, 10)),
        C("medfee_sumamt", "S/PERSONAL_INCOME/s", tot, note="a person's medical bill (rule 3)"),
        C("acct_pay", "S/PERSONAL_INCOME/s", [round(t * g.r.uniform(0, 1), 2) for t in tot]),
        C("fixmedins_name", "N/ORG_NAME/q", g.pick(["老百姓大药房（春熙路店）", "一心堂（玉林店）", "太极大药房（建设路店）", "海王星辰（双楠店）"])),
        C("setl_time", "N/EVENT_DATE/q", g.times("2026-11-01 08:00:00", "2026-11-28 22:00:00")),
    ]


@table("hrss_pension_payroll", "people", "企业职工基本养老金发放明细", "csv", 1200, enc="utf-8", delim="|")
def hrss_pension_payroll(g: Gen) -> list[C]:
    P = g.people((55, 95))
    base = g.money(1800, 6500, 2)
    return [
        C("社会保障卡号", "S/CN_RESIDENT_ID/d", [p.rid for p in P], note="the social-security card number is the ID number (rule 10)"),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("银行账号", "S/BANK_CARD/d", [g.bank_card() for _ in P]),
        C("基本养老金", "S/PERSONAL_INCOME/s", base),
        C("过渡性养老金", "S/PERSONAL_INCOME/s", g.money(0, 900, 2)),
        C("本年调整额", "S/PERSONAL_INCOME/s", g.money(40, 160, 2)),
        C("实发金额", "S/PERSONAL_INCOME/s", [round(b * 1.1, 2) for b in base]),
        C("发放年月", "N/EVENT_DATE/o", ["202611"] * g.n, note="rule 16"),
        C("离退休类别", "N/-/o", g.pick(["退休", "退休", "退职", "离休"])),
        C("参加工作时间", "N/EVENT_DATE/q", g.dates("1960-01-01", "1995-12-31", "%Y-%m")),
        C("经办机构", "N/ORG_NAME/o", g.pick(["成都市社会保险事业管理局", "锦江区社保局", "武侯区社保局"])),
    ]


@table("hrss_maternity_allowance", "people", "生育津贴申领审核", "xlsx", 300)
def hrss_maternity_allowance(g: Gen) -> list[C]:
    P = g.people((22, 42), sex="女")
    base = g.money(4000, 25000, 2)
    return [
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("参保单位", "N/ORG_NAME/q", g.companies()),
        C("生育类型", "S/MEDICAL_CONDITION/s", g.pick(["顺产", "剖宫产", "难产", "流产（满4个月）", "流产（不满4个月）"]), note="pregnancy/delivery (v6 call)"),
        C("胎数", "S/MEDICAL_CONDITION/s", g.pick([1] * 20 + [2])),
        C("分娩日期", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-20")),
        C("分娩医院", "N/ORG_NAME/q", g.pick(HOSPITALS[:5])),
        C("月缴费工资基数", "S/PERSONAL_INCOME/s", base),
        C("津贴天数", "N/-/o", g.pick([98, 113, 128, 42, 15])),
        C("生育津贴（元）", "S/PERSONAL_INCOME/s", [round(b / 30 * 128, 2) for b in base]),
    ]


@table("hrss_job_seekers", "people", "求职登记信息", "jsonl", 600, ascii_style="english_camel")
def hrss_job_seekers(g: Gen) -> list[C]:
    P = g.people((16, 58))
    return [
        C("unemployRegNo", "P/PERSON_ID/d", g.sparse(g.randserial("SYDJ", 10), 0.4), tags=("sparse",), note="unemployment registration number of a person"),
        C("name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("gender", "N/GENDER/q", [p.sex for p in P]),
        C("birthDate", "P/DATE_OF_BIRTH/q", [p.dob.isoformat() for p in P]),
        C("education", "N/EDUCATION/q", g.pick(EDU)),
        C("major", "N/-/q", g.sparse(g.pick(["计算机科学与技术", "会计学", "护理", "机械设计", "汉语言文学"]), 0.6), tags=("sparse",)),
        C("desiredJob", "N/OCCUPATION/q", g.pick(OCCUP)),
        C("expectedSalary", "N/-/o", g.pick(["3000-5000", "5000-8000", "8000-12000", "面议"]), note="a salary band like a job post's range (rule 3)"),
        C("mobile", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("email", "P/EMAIL/d", g.sparse([g.email() for _ in P], 0.5), tags=("sparse",)),
        C("hardToEmploy", "S/-/s", g.pick(["否"] * 6 + ["是（残疾人）", "是（零就业家庭）", "是（大龄失业）"]), note="employment-hardship status (rule 5)"),
    ]


@table("health_prenatal_records", "people", "孕产妇保健手册建册信息", "parquet", 700)
def health_prenatal_records(g: Gen) -> list[C]:
    P = g.people((18, 44), sex="女")
    return [
        C("保健手册号", "P/PERSON_ID/d", g.randserial("MCH5101", 9)),
        C("孕妇姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("丈夫姓名", "P/PERSON_NAME/d", [g.name("男") for _ in P]),
        C("丈夫电话", "P/PHONE_NUMBER/d", g.mobiles()),
        C("末次月经", "S/MEDICAL_CONDITION/s", g.dates("2026-03-01", "2026-10-15"), note="v6 call"),
        C("孕周", "S/MEDICAL_CONDITION/s", [f"{g.r.randint(6, 40)}+{g.r.randint(0, 6)}" for _ in P]),
        C("孕次", "S/MEDICAL_CONDITION/s", g.ints(1, 5)),
        C("产次", "S/MEDICAL_CONDITION/s", g.ints(0, 3)),
        C("高危因素", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["妊娠期糖尿病", "瘢痕子宫", "高龄初产", "妊娠期高血压", "HBsAg阳性"]), 0.35, "无"), tags=("placeholder",)),
        C("建册机构", "N/ORG_NAME/q", g.pick(HOSPITALS[4:])),
        C("现住址", "P/ADDRESS/d", [p.addr for p in P]),
    ]


@table("health_child_vaccinations", "people", "儿童预防接种记录", "csv", 1500, enc="utf-8", delim=",", minors=True, ascii_style="opaque")
def health_child_vaccinations(g: Gen) -> list[C]:
    kids = g.people((0, 6), n=300)
    idx = g.ints(0, 299)
    vac = g.pick([("乙肝疫苗", 3), ("脊灰灭活疫苗", 2), ("百白破疫苗", 4), ("麻腮风疫苗", 2), ("乙脑减毒活疫苗", 2), ("流脑A群多糖疫苗", 2), ("甲肝减毒活疫苗", 1)])
    codes = [f"{kids[i].region}{kids[i].dob:%Y}{i:07d}" for i in range(300)]
    guardians = g.names(300)
    gm = g.mobiles(300)
    return [
        C("C01", "P/PERSON_ID/d", [codes[i] for i in idx], note="child vaccination code (region + birth year + serial)"),
        C("C02", "P/PERSON_NAME/d", [kids[i].name for i in idx]),
        C("C03", "N/GENDER/q", [kids[i].sex for i in idx]),
        C("C04", "P/DATE_OF_BIRTH/q", [fmt_date(kids[i].dob, 0) for i in idx]),
        C("C05", "P/PERSON_NAME/d", [guardians[i] for i in idx], note="guardian"),
        C("C06", "P/PHONE_NUMBER/d", [gm[i] for i in idx]),
        C("C07", "S/MEDICAL_CONDITION/s", [v[0] for v in vac], note="vaccination (rule 2)"),
        C("C08", "S/MEDICAL_CONDITION/s", [g.r.randint(1, v[1]) for v in vac], note="dose number"),
        C("C09", "N/EVENT_DATE/q", g.dates("2021-01-01", "2026-11-28")),
        C("C10", "N/-/o", [f"{g.r.choice(['2025', '2026'])}{g.r.randint(10**5, 10**6 - 1)}" for _ in idx], note="vaccine batch"),
        C("C11", "N/ORG_NAME/o", g.pick(["北京生物制品研究所有限责任公司", "成都生物制品研究所有限责任公司", "深圳康泰生物制品股份有限公司"])),
        C("C12", "N/ORG_NAME/q", g.pick(HOSPITALS[4:])),
        C("C13", "S/MEDICAL_CONDITION/s", g.pick(["左上臂三角肌", "右上臂三角肌", "大腿前外侧", "口服"]), note="site of a vaccination: part of a health record"),
    ]


@table("health_psychiatric_patients", "people", "严重精神障碍患者管理信息", "xlsx", 350, title_row=True)
def health_psychiatric_patients(g: Gen) -> list[C]:
    P = g.people((18, 85))
    d = g.pick([("F20.0", "偏执型精神分裂症"), ("F31.1", "双相情感障碍"), ("F25.0", "分裂情感性障碍"), ("F06.3", "器质性心境障碍"), ("F72", "重度精神发育迟滞伴发精神障碍"), ("F22.0", "偏执性精神病")])
    return [
        C("患者编号", "P/PERSON_ID/d", g.randserial("JS5101", 8)),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid if g.r.random() > 0.1 else "" for p in P], tags=("sparse",)),
        C("诊断", "S/MEDICAL_CONDITION/s", [x[1] for x in d]),
        C("ICD-10", "S/MEDICAL_CONDITION/s", [x[0] for x in d]),
        C("危险性评估", "S/MEDICAL_CONDITION/s", [f"{v}级" for v in g.ints(0, 5)], note="risk grade of a patient"),
        C("服药情况", "S/MEDICAL_CONDITION/s", g.pick(["规律服药", "间断服药", "不服药", "医嘱无需服药"])),
        C("是否有肇事肇祸史", "S/-/s", g.pick(["无", "无", "无", "有"]), note="history of violent incidents of a patient: sensitive, no entity (not a conviction)"),
        C("监护人", "P/PERSON_NAME/d", g.names()),
        C("监护人电话", "P/PHONE_NUMBER/d", g.mobiles()),
        C("管理机构", "N/ORG_NAME/q", g.pick(HOSPITALS[5:])),
        C("末次随访日期", "N/EVENT_DATE/q", g.dates("2026-06-01", "2026-11-28", "%Y/%m/%d")),
    ]


@table("health_death_certificates", "people", "居民死亡医学证明", "jsonl", 500, ascii_style="initials")
def health_death_certificates(g: Gen) -> list[C]:
    P = g.people((40, 100))
    d = [g.r.choice(DIAG + [("I21.9", "急性心肌梗死"), ("C22.0", "肝细胞癌"), ("V89.2", "道路交通事故")]) for _ in P]
    return [
        C("swzbh", "P/PERSON_ID/d", g.randserial("S510", 10), note="death-certificate number (v2 call: certificates of persons)"),
        C("xm", "P/PERSON_NAME/d", [p.name for p in P]),
        C("xb", "N/GENDER/q", [p.sex for p in P]),
        C("mz", "N/ETHNICITY/q", g.pick(ETHNIC)),
        C("csrq", "P/DATE_OF_BIRTH/q", [fmt_date(p.dob, 1) for p in P]),
        C("swrq", "N/EVENT_DATE/q", g.dates("2025-01-01", "2026-11-28", "%Y%m%d")),
        C("gbsy", "S/MEDICAL_CONDITION/s", [x[1] for x in d], note="underlying cause of death"),
        C("gbsybm", "S/MEDICAL_CONDITION/s", [x[0] for x in d]),
        C("swdd", "N/-/q", g.pick(["医疗卫生机构", "家中", "养老服务机构", "途中"])),
        C("hjdz", "P/ADDRESS/d", [p.addr for p in P]),
        C("tbys", "P/PERSON_NAME/d", g.pick(g.names(25)), note="reporting doctor (rule 15)"),
    ]


@table("health_facility_directory", "organisations", "医疗机构执业登记名录", "csv", 300, enc="utf-8-sig", delim=",")
def health_facility_directory(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("机构名称", "N/ORG_NAME/o", [f"成都{x}" for x in g.pick(["锦欣妇产医院", "市中西医结合医院", "玉林社区卫生服务中心", "美视眼科医院", "华西口腔门诊部", "康宁精神专科医院"])]),
        C("登记号", "N/-/o", [f"PDY{g.r.randint(10**7, 10**8 - 1)}{g.r.choice(['51010412A1001', '51010717A1002', '51010522D2101'])}" for _ in range(g.n)]),
        C("统一社会信用代码", "N/USCC/o", [g.uscc(g.r.choice(["12", "52", "91"])) for _ in range(g.n)]),
        C("机构类别", "N/-/o", g.pick(["综合医院", "专科医院", "社区卫生服务中心", "门诊部"])),
        C("等级", "N/-/o", g.pick(["三级甲等", "二级甲等", "一级", "未定级"])),
        C("诊疗科目", "N/MEDICAL_CONDITION/o", g.pick(["内科；外科；妇产科", "精神科", "眼科", "口腔科；医学影像科", "传染科"]), note="departments offered by a facility: not about a person"),
        C("地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("经度", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("纬度", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("咨询电话", "N/PHONE_NUMBER/o", g.landlines()),
        C("床位数", "N/-/o", g.ints(0, 4000)),
    ]


@table("edu_primary_students", "people", "小学生学籍信息", "csv", 900, enc="gbk", delim=",", minors=True, ascii_style="initials")
def edu_primary_students(g: Gen) -> list[C]:
    P = g.people((6, 12))
    return [
        C("XJH", "S/CN_RESIDENT_ID/d", ["G" + p.rid for p in P], note="national student number G + ID (rule 10)"),
        C("XM", "P/PERSON_NAME/d", [p.name for p in P]),
        C("XB", "N/GENDER/q", ["1" if p.sex == "男" else "2" for p in P]),
        C("CSRQ", "P/DATE_OF_BIRTH/q", [fmt_date(p.dob, 1) for p in P]),
        C("MZ", "N/ETHNICITY/q", g.pick(ETHNIC)),
        C("BJ", "N/-/o", [f"{g.r.randint(1, 6)}年级{g.r.randint(1, 10)}班" for _ in P]),
        C("JTZZ", "P/ADDRESS/d", [p.addr for p in P]),
        C("JHRXM", "P/PERSON_NAME/d", g.names()),
        C("JHRSJ", "P/PHONE_NUMBER/d", g.mobiles()),
        C("SFLSET", "S/-/s", g.pick(["否"] * 8 + ["是"]), note="left-behind child (v2 call)"),
        C("SFSQZN", "N/-/q", g.pick(["否"] * 6 + ["是"]), note="migrant child: a residence fact, quasi"),
        C("JKZK", "S/MEDICAL_CONDITION/s", g.pick(["健康或良好"] * 12 + ["一般或较弱", "有慢性病", "残疾"])),
    ]


@table("edu_university_freshmen", "people", "高校新生报到信息", "parquet", 1000, ascii_style="english_snake")
def edu_university_freshmen(g: Gen) -> list[C]:
    P = g.people((17, 21))
    return [
        C("student_no", "P/PERSON_ID/d", g.serial("2026141", 5, start=1), note="student number (rule 1)"),
        C("exam_no", "P/PERSON_ID/d", g.randserial("2651", 10), note="gaokao candidate number"),
        C("name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("id_card", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("gaokao_score", "P/-/s", g.ints(480, 690), note="exam score (v2 call)"),
        C("major", "N/-/q", g.pick(["临床医学", "计算机科学与技术", "法学", "土木工程", "汉语言文学", "电子信息工程"])),
        C("origin_region", "N/REGION/q", [COUNTIES.get(p.region, "外省") for p in P]),
        C("宿舍dorm", "P/ADDRESS/d", [f"学生公寓{g.r.randint(1, 30)}栋{g.r.randint(1, 7)}{g.r.randint(1, 40):02d}室" for _ in P], note="dormitory room of a person: residence address"),
        C("bank_card", "S/BANK_CARD/d", [g.bank_card() for _ in P]),
        C("poverty_level", "S/-/s", g.pick(["否"] * 7 + ["一般困难", "困难", "特别困难"]), note="rule 5"),
        C("political_status", "N/-/q", g.pick(POLITICAL[:3])),
        C("mobile", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
    ]


@table("edu_school_directory", "organisations", "中小学校名录", "xlsx", 260)
def edu_school_directory(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("学校标识码", "N/-/o", [f"21{g.r.randint(10**7, 10**8 - 1)}" for _ in range(g.n)], note="school identifier (v6 trap)"),
        C("学校名称", "N/ORG_NAME/o", [f"成都市{CHENGDU[c][0]}{x}" for c, x in zip(g.pick(list(CHENGDU)), g.pick(["实验小学", "第一中学", "外国语学校", "北街小学", "师范附属小学"]))]),
        C("办学类型", "N/-/o", g.pick(["小学", "初级中学", "完全中学", "九年一贯制学校"])),
        C("举办者", "N/-/o", g.pick(["教育部门", "民办"])),
        C("地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("经度", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("纬度", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("招生咨询电话", "N/PHONE_NUMBER/o", g.landlines()),
        C("学校邮箱", "N/EMAIL/o", [f"xb{g.r.randint(100, 999)}@cdedu.gov.cn" for _ in range(g.n)], note="school mailbox"),
        C("在校生数", "N/-/o", g.ints(200, 4000)),
    ]


@table("edu_student_aid_stats", "aggregate", "学生资助分项目统计", "csv", 120, enc="utf-8", delim=";")
def edu_student_aid_stats(g: Gen) -> list[C]:
    return [
        C("区县", "N/REGION/o", g.pick(list(COUNTIES.values()))),
        C("学段", "N/-/o", g.pick(["学前", "义务教育", "普通高中", "中职"])),
        C("资助项目", "N/-/o", g.pick(["国家助学金", "免学费", "营养改善计划", "生活补助"])),
        C("受助人次", "N/-/o", g.ints(10, 30000)),
        C("资助金额（万元）", "N/PERSONAL_INCOME/o", g.money(1, 5000, 2), note="benefit totals (rule 9)"),
        C("学年", "N/EVENT_DATE/o", ["2025-2026"] * g.n),
    ]


@table("civil_elderly_care_residents", "people", "养老机构入住老人信息", "jsonl", 500, ascii_style="english_camel")
def civil_elderly_care_residents(g: Gen) -> list[C]:
    P = g.people((62, 100))
    return [
        C("residentName", "P/PERSON_NAME/d", [p.name for p in P]),
        C("idCardNo", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("age", "N/AGE/q", [g.age_of(p) for p in P]),
        C("institution", "N/ORG_NAME/q", g.pick(["成都市第一社会福利院", "锦江区养老院", "金牛区康养中心", "泰康之家·蜀园"]), note="the institution where the person lives: quasi"),
        C("bedNo", "N/-/o", [f"{g.r.randint(1, 6)}-{g.r.randint(101, 630)}-{g.r.randint(1, 3)}" for _ in P], note="bed number (like a room number)"),
        C("abilityLevel", "S/MEDICAL_CONDITION/s", g.pick(["能力完好", "轻度失能", "中度失能", "重度失能", "完全失能"]), note="dependency level (rule 2)"),
        C("careLevel", "S/MEDICAL_CONDITION/s", g.pick(["自理", "介护一级", "介护二级", "特护"])),
        C("chronicDiseases", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["高血压", "糖尿病；高血压", "阿尔茨海默病", "帕金森病", "脑梗后遗症"]), 0.8), tags=("sparse",)),
        C("monthlyFee", "S/PERSONAL_INCOME/s", g.pick([2800, 3500, 4200, 6000, 9800]), note="fee paid by a person (rule 3)"),
        C("emergencyContact", "P/PERSON_NAME/d", g.names()),
        C("emergencyPhone", "P/PHONE_NUMBER/d", [mask_phone(m, 1) for m in g.mobiles()], tags=("masked",)),
        C("admittedOn", "N/EVENT_DATE/q", g.dates("2018-01-01", "2026-11-20")),
    ]


@table("civil_cremations", "people", "遗体火化登记", "csv", 600, enc="utf-8", delim="\t", crlf=True)
def civil_cremations(g: Gen) -> list[C]:
    P = g.people((30, 102))
    return [
        C("火化证明编号", "P/PERSON_ID/d", g.randserial("HH2026", 6), note="cremation certificate (v2 call)"),
        C("逝者姓名", "P/PERSON_NAME/d", [p.name for p in P], note="deceased (rule 15)"),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("终年", "N/AGE/q", [g.age_of(p) for p in P]),
        C("死亡原因", "S/MEDICAL_CONDITION/s", g.pick(["病故", "病故", "病故", "意外", "自然死亡"]), note="cause category of a death"),
        C("火化日期", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-28")),
        C("承办人", "P/PERSON_NAME/d", g.names(), note="relative arranging the funeral"),
        C("承办人电话", "P/PHONE_NUMBER/d", g.mobiles()),
        C("与逝者关系", "N/-/o", g.pick(["子", "女", "配偶", "孙子", "其他亲属"])),
        C("骨灰去向", "N/-/o", g.pick(["公墓安葬", "寄存", "生态葬", "带回"])),
        C("惠民殡葬补贴（元）", "S/PERSONAL_INCOME/s", g.pick([0, 1000, 1500]), note="benefit paid to the family (rule 3)"),
    ]


@table("civil_marriage_registrations", "people", "婚姻登记信息", "xlsx", 500)
def civil_marriage_registrations(g: Gen) -> list[C]:
    M = g.people((22, 70), sex="男")
    F = g.people((20, 68), sex="女")
    return [
        C("登记类型", "N/MARITAL_STATUS/q", g.pick(["结婚", "结婚", "结婚", "离婚", "补发婚姻登记证"]), note="rule 7"),
        C("男方姓名", "P/PERSON_NAME/d", [p.name for p in M]),
        C("男方_ID_NO", "S/CN_RESIDENT_ID/d", [p.rid for p in M]),
        C("男方出生日期", "P/DATE_OF_BIRTH/q", [p.dob.isoformat() for p in M]),
        C("女方姓名", "P/PERSON_NAME/d", [p.name for p in F]),
        C("女方_ID_NO", "S/CN_RESIDENT_ID/d", [p.rid for p in F]),
        C("女方出生日期", "P/DATE_OF_BIRTH/q", [p.dob.isoformat() for p in F]),
        C("登记日期", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-28")),
        C("证件字号", "P/PERSON_ID/d", [f"J510104-2026-{i:06d}" for i in g.ints(1, 999999)], note="marriage certificate number (v2 call)"),
        C("登记机关", "N/ORG_NAME/o", g.pick(["锦江区民政局婚姻登记处", "武侯区民政局婚姻登记处", "成华区民政局婚姻登记处"])),
    ]


@table("civil_adoptions", "people", "收养登记信息", "parquet", 80, minors=True)
def civil_adoptions(g: Gen) -> list[C]:
    K = g.people((0, 12))
    A = g.people((30, 50))
    return [
        C("收养登记证号", "P/PERSON_ID/d", g.randserial("SY5101", 7)),
        C("被收养人姓名", "P/PERSON_NAME/d", [p.name for p in K]),
        C("被收养人性别", "N/GENDER/q", [p.sex for p in K]),
        C("被收养人出生日期", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y%m%d") for p in K]),
        C("被收养人身份证号", "S/CN_RESIDENT_ID/d", g.sparse([p.rid for p in K], 0.7), tags=("sparse",)),
        C("被收养人来源", "S/-/s", g.pick(["社会福利机构抚养的孤儿", "查找不到生父母的儿童", "生父母有特殊困难无力抚养", "继子女"]), note="circumstances of a child's parents (v6 call)"),
        C("被收养人健康状况", "S/MEDICAL_CONDITION/s", g.pick(["健康", "健康", "唇腭裂术后", "先天性心脏病", "听力障碍"])),
        C("收养人姓名", "P/PERSON_NAME/d", [p.name for p in A]),
        C("收养人身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in A]),
        C("收养人住址", "P/ADDRESS/d", [p.addr for p in A]),
        C("收养人年收入（万元）", "S/PERSONAL_INCOME/s", g.money(6, 60, 1)),
        C("登记日期", "N/EVENT_DATE/q", g.dates("2020-01-01", "2026-11-20")),
    ]


@table("civil_nursing_homes", "mixed", "养老机构备案信息", "csv", 150, enc="gbk", delim="\t")
def civil_nursing_homes(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("机构名称", "N/ORG_NAME/o", [f"成都市{x}{y}" for x, y in zip(g.pick(["锦江", "青羊", "金牛", "武侯", "成华", "双流"]), g.pick(["康养中心", "养老院", "颐养院", "老年公寓"]))]),
        C("统一社会信用代码", "N/USCC/o", [g.uscc(g.r.choice(["52", "12", "91"])) for _ in range(g.n)]),
        C("院长", "P/PERSON_NAME/d", g.names()),
        C("院长手机", "P/PHONE_NUMBER/d", g.mobiles()),
        C("床位数", "N/-/o", g.ints(20, 800)),
        C("护理型床位占比", "N/-/o", [f"{v}%" for v in g.ints(20, 90)]),
        C("地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("经度", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("纬度", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("机构电话", "N/PHONE_NUMBER/o", g.landlines()),
        C("星级", "N/-/o", g.pick(["一星", "二星", "三星", "四星", "未评定"])),
    ]


@table("veteran_entitled_persons", "people", "重点优抚对象抚恤补助发放", "csv", 400, enc="utf-8-sig", delim="|", ascii_style="initials")
def veteran_entitled_persons(g: Gen) -> list[C]:
    P = g.people((45, 98))
    typ = g.pick(["残疾军人", "烈士遗属", "在乡复员军人", "带病回乡退伍军人", "参战退役人员"])
    return [
        C("YFDXBH", "P/PERSON_ID/d", g.randserial("YF51", 8)),
        C("XM", "P/PERSON_NAME/d", [p.name for p in P]),
        C("SFZHM", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("YFLB", "S/-/s", typ, note="entitlement category (rule 5, specific identity)"),
        C("SCDJ", "S/MEDICAL_CONDITION/s", [f"{g.r.randint(1, 10)}级" if t == "残疾军人" else None for t in typ], tags=("sparse",), note="disability grade"),
        C("SCXZ", "S/-/s", [g.r.choice(["因战", "因公", "因病"]) if t == "残疾军人" else None for t in typ], tags=("sparse",), note="nature of disablement (in battle/on duty/illness): sensitive, no entity"),
        C("FXJE", "S/PERSONAL_INCOME/s", g.money(600, 9000, 2)),
        C("RWSJ", "N/EVENT_DATE/q", g.dates("1950-01-01", "2000-12-31", "%Y.%m")),
        C("TWSJ", "N/EVENT_DATE/q", g.dates("1955-01-01", "2005-12-31", "%Y.%m")),
        C("AZD", "N/REGION/q", [COUNTIES.get(p.region, "外省") for p in P]),
        C("YHZH", "S/BANK_CARD/d", [f"{c[:4]} {c[4:8]} {c[8:12]} {c[12:]}" for c in g.cards()], tags=("spaced",)),
    ]


@table("veteran_service_stations", "mixed", "退役军人服务站名录", "jsonl", 200)
def veteran_service_stations(g: Gen) -> list[C]:
    return [
        C("服务站名称", "N/ORG_NAME/o", [f"{c}退役军人服务站" for c in g.pick(COMMUNITIES + VILLAGES)]),
        C("所属街道（乡镇）", "N/REGION/o", [g.r.choice(CHENGDU[c][1]) for c in g.pick(list(CHENGDU))]),
        C("站长", "P/PERSON_NAME/d", g.names()),
        C("站长电话", "P/PHONE_NUMBER/d", [g.mobile() if g.r.random() < 0.7 else g.landline() for _ in range(g.n)], note="rule 12"),
        C("服务对象数", "N/-/o", g.ints(20, 1500)),
        C("地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("服务热线", "N/PHONE_NUMBER/o", ["12345"] * g.n),
    ]


@table("stats_census_sample", "people", "人口抽样调查个人微观数据", "parquet", 2000, minors=True, ascii_style="opaque")
def stats_census_sample(g: Gen) -> list[C]:
    hh = g.randserial("", 6, 700)
    idx = sorted(g.ints(0, 699))
    P = g.people((0, 95))
    return [
        C("H1", "N/REGION/q", [f"510{g.r.choice(['104', '105', '106', '107', '108'])}{g.r.randint(1, 20):03d}{g.r.randint(1, 30):03d}" for _ in idx], note="census enumeration district code", style="opaque"),
        C("H2", "P/PERSON_ID/d", [hh[i] for i in idx], note="household number (rule 1)", style="opaque"),
        C("R1", "N/-/o", g.ints(1, 6), note="person sequence within household", style="opaque"),
        C("R2", "N/-/o", g.pick(["0", "1", "2", "3", "4", "5"]), note="relationship to head code", style="opaque"),
        C("R3", "N/GENDER/q", ["1" if p.sex == "男" else "2" for p in P], style="opaque"),
        C("R4", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y%m") for p in P], note="birth year-month", style="opaque"),
        C("R5", "N/ETHNICITY/q", g.pick(["01"] * 20 + ["03", "07", "08", "09", "15"]), note="GB 3304 ethnicity code", style="opaque"),
        C("R6", "N/EDUCATION/q", g.pick(["1", "2", "3", "4", "5", "6", "7", "8", "9"]), style="opaque"),
        C("R7", "N/MARITAL_STATUS/q", g.pick(["1", "2", "3", "4", "5"]), style="opaque"),
        C("R8", "N/OCCUPATION/q", g.sparse(g.pick(["1-01", "2-02", "4-01", "5-01", "6-18", "3-01"]), 0.6), tags=("sparse",), style="opaque"),
        C("R9", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["1", "1", "1", "2", "3", "4"]), 0.3), tags=("sparse",), note="health status of the elderly (healthy ... unable to care for self)", style="opaque"),
        C("R10", "S/PERSONAL_INCOME/s", g.sparse(g.money(15, 220, 0), 0.9), tags=("sparse",), note="floor area of the household's home (rule 4)", style="opaque"),
    ]


@table("stats_county_gdp", "aggregate", "分县（市、区）地区生产总值", "xlsx", 90, title_row=True)
def stats_county_gdp(g: Gen) -> list[C]:
    codes = g.pick(list(COUNTIES))
    return [
        C("行政区划代码", "N/REGION/o", codes),
        C("地区", "N/REGION/o", [COUNTIES[c] for c in codes]),
        C("年度", "N/EVENT_DATE/o", g.pick(["2023", "2024", "2025"])),
        C("地区生产总值（亿元）", "N/-/o", g.money(80, 3500, 2)),
        C("第一产业增加值（亿元）", "N/-/o", g.money(1, 120, 2)),
        C("常住人口（万人）", "N/-/o", g.money(10, 200, 2)),
        C("城镇居民人均可支配收入（元）", "N/PERSONAL_INCOME/o", g.ints(35000, 62000), note="average income (rule 9)"),
        C("农村居民人均可支配收入（元）", "N/PERSONAL_INCOME/o", g.ints(18000, 36000)),
    ]


@table("stats_household_diary", "people", "住户收支调查记账明细", "jsonl", 1200, ascii_style="english_snake")
def stats_household_diary(g: Gen) -> list[C]:
    heads = g.people((30, 80), n=60)
    idx = g.ints(0, 59)
    codes = [f"510107{g.r.randint(100, 999)}{i:03d}" for i in range(60)]
    return [
        C("hh_code", "P/PERSON_ID/d", [codes[i] for i in idx], note="survey household code (rule 1)"),
        C("head_name", "P/PERSON_NAME/d", [heads[i].name for i in idx]),
        C("entry_date", "N/EVENT_DATE/q", g.dates("2026-11-01", "2026-11-28")),
        C("item", "N/-/o", g.pick(["工资性收入", "经营净收入", "食品烟酒", "衣着", "居住", "医疗保健", "交通通信", "转移性收入"])),
        C("amount", "S/PERSONAL_INCOME/s", g.money(5, 9000, 2), note="a household's income and spending (rule 3)"),
        C("remark", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["住院自付", "买降压药", "孩子学费", "随礼", "看牙"]), 0.2), tags=("sparse",), note="remarks mention medical spending (the most sensitive entity inside)"),
        C("surveyor", "P/PERSON_NAME/d", g.pick(g.names(6)), note="staff (rule 15)"),
    ]


@table("stats_enterprise_directory", "organisations", "基本单位名录库", "csv", 700, enc="utf-8", delim=",", ascii_style="initials")
def stats_enterprise_directory(g: Gen) -> list[C]:
    return [
        C("dwxxmc", "N/ORG_NAME/o", g.companies()),
        C("tyshxydm", "N/USCC/o", [g.uscc() for _ in range(g.n)]),
        C("zzjgdm", "N/-/o", [g.org_code() for _ in range(g.n)], note="GB 11714 organisation code"),
        C("hydm", "N/-/o", g.pick(["C3011", "F5211", "I6513", "E4813", "H6210", "K7010"]), note="GB/T 4754 industry code"),
        C("qhdm", "N/REGION/o", [f"510{g.r.choice(['104', '105', '106', '107', '108'])}{g.r.randint(1, 20):03d}{g.r.randint(1, 30):03d}" for _ in range(g.n)], note="12-digit statistical division code"),
        C("cyrys", "N/-/o", g.ints(1, 5000)),
        C("yysr_qy", "N/-/o", g.ints(100, 9_000_000), note="revenue of a company (thousand yuan)"),
        C("dwdz", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("lxdh", "N/PHONE_NUMBER/o", g.landlines()),
        C("kysj", "N/EVENT_DATE/o", g.dates("1990-01-01", "2026-10-01", "%Y%m")),
    ]
