"""The tables of the v2 held-out set: one small function per table, labels next to the values."""
from __future__ import annotations

import datetime as dt

import numpy as np

from generate import (ADDR, AGE, CARD, CASENO, CRIME, DOB, EDU, EMAIL, ETHNIC, EVENT_Q, GENDER, HOMELOC, ID, INCOME,
                      MARITAL, MED, NAME, OCC, ORG_Q, OTHER, PASSPORT, PHONE, PID, PLACE_Q, PLATE, PROPADDR,
                      REGION_Q, ENUM_Q, TRACK, WELFARE, org, table)
from vals import (COUNTIES, EDU as EDU_LIST, ETHNIC as ETHNIC_LIST, REF, excel_serial, fullwidth, mask_card, mask_id,
                  mask_id_birth, mask_name, mask_phone, spaced_phone)

D = dt.date
A = lambda xs: np.array(list(xs), dtype=object)  # noqa: E731


def _county(cis):
    return A(COUNTIES[int(c)][2] for c in cis)


def _dedupe_ids(P):
    return P


# =========================================================================== education
@table("education_student_register", "education", "people", "2025学年中小学学籍信息", "xlsx", 2400, "chinese",
       minors=True, title_row="XX区2025学年中小学在籍学生花名册（内部使用）")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(6, 17), migrant=0.25)
    gp = g.persons(n, age=(30, 50))
    t.col("序号", range(1, n + 1), OTHER)
    t.col("学籍号", A("G" + x for x in P["id"]), ID, note="national student number = G + resident ID (rule 10)")
    t.col("姓名", P["name"], NAME)
    t.col("性别", P["sex"], GENDER)
    t.col("出生日期", P["dob"], DOB)
    t.col("民族", g.pick(ETHNIC_LIST, n), ETHNIC)
    ids = A(mask_id_birth(x) if m else x for x, m in zip(P["id"], g.chance(0.2, n)))
    t.col("身份证件号", ids, ID, tags=("masked",))
    t.col("就读学校", A(f"{c[:-1]}{s}" for c, s in zip(P["county"], g.pick(["实验小学", "第一中学", "第二小学", "育才学校", "城南初级中学", "外国语学校"], n))), ORG_Q)
    t.col("年级", A(f"{min(max(int(a) - 5, 1), 12)}年级" for a in P["age"]), ENUM_Q)
    t.col("班级", A(f"{k}班" for k in g.ints(1, 12, n)), ENUM_Q)
    t.col("监护人姓名", gp["name"], NAME)
    t.col("监护人联系方式", g.mobiles(n), PHONE)
    t.col("家庭住址", g.addresses(P["ci"]), ADDR)
    t.col("是否随迁子女", g.pick(["是", "否"], n, [0.25, 0.75]), ENUM_Q, note="migrant-child flag: a residence status, not hardship")
    t.col("是否留守儿童", g.pick(["否", "是"], n, [0.9, 0.1]), WELFARE, note="left-behind child: welfare/care status (rule 5)")


@table("education_gaokao_scores", "education", "people", "普通高考考生成绩", "csv", 3000, "initials", enc="gbk", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(17, 20))
    t.col("ksh", A(f"25330{c[2:4]}{k:07d}" for c, k in zip(P["region"], g.ints(1, 9999999, n))), PID, note="考生号: person-keyed exam number")
    t.col("zkzh", A(f"{k:09d}" for k in g.ints(100000000, 999999999, n)), PID, note="准考证号")
    t.col("xm", P["name"], NAME)
    t.col("xb", A("1" if m else "2" for m in P["male"]), GENDER, note="GB/T 2261.1 code")
    t.col("sfzh", P["id"], ID)
    t.col("kl", g.pick(["综合改革", "艺术类", "体育类"], n, [0.85, 0.1, 0.05]), OTHER, note="exam category")
    t.col("byxx", A(f"{c[:-1]}第{k}中学" for c, k in zip(P["county"], g.ints(1, 5, n))), ORG_Q)
    t.col("yw", g.ints(60, 145, n), ("personal", None, "sensitive"), note="exam score: education record of a person (Annex A)")
    t.col("sx", g.ints(30, 150, n), ("personal", None, "sensitive"), note="exam score")
    t.col("zf", g.ints(350, 720, n), ("personal", None, "sensitive"), note="total score")
    t.col("kqdm", A(c[:4] + "00" for c in P["region"]), OTHER, note="exam-district code")


@table("education_teacher_roster", "education", "people", "教职工基本信息及工资", "parquet", 1200, "english_snake")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(23, 60), female=0.65)
    t.col("staff_no", A(f"JG{k:06d}" for k in g.ints(1, 999999, n)), PID, note="教工号")
    t.col("name", P["name"], NAME)
    t.col("gender", P["sex"], GENDER)
    t.col("cert_no", P["id"], ID)
    t.col("teacher_cert_no", A(f"{y}33{c[2:4]}{k:07d}" for y, c, k in zip(g.ints(2000, 2024, n), P["region"], g.ints(1, 9999999, n))),
          PID, note="教师资格证号码: certificate of a person")
    t.col("subject", g.pick(["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "体育", "音乐", "美术", "信息技术"], n), OCC)
    t.col("title", g.pick(["三级教师", "二级教师", "一级教师", "高级教师", "正高级教师"], n), OCC)
    t.col("highest_degree", g.pick(EDU_LIST[4:], n, [0.1, 0.65, 0.22, 0.03]), EDU)
    t.col("mob", g.mobiles(n), PHONE)
    t.col("school_id", A(f"21{k:08d}" for k in g.ints(0, 99999999, n)), OTHER, note="学校标识码 (10 digits): organisation code")
    t.col("gross_pay", g.money(5200, 19000, n), INCOME, dec=2)
    t.col("hire_date", g.dates(D(1990, 8, 1), D(2025, 9, 1), n), EVENT_Q)


@table("education_school_directory", "education", "organisations", "全省中小学校名录", "jsonl", 900, "english_camel")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    P = g.persons(n, age=(38, 60))
    cty = _county(ci)
    t.col("schoolName", A(f"{c[:-1]}{s}" for c, s in zip(cty, g.pick(["实验小学", "第一中学", "育英学校", "城东小学", "青山初级中学", "外国语学校", "职业技术学校"], n))), org("ORG_NAME"))
    t.col("schoolCode", A(f"31{k:08d}" for k in g.ints(0, 99999999, n)), OTHER)
    t.col("creditCode", g.usccs([COUNTIES[int(c)][0] for c in ci], prefix="12"), org("USCC"), note="public institution (12-prefixed)")
    t.col("schoolType", g.pick(["小学", "初级中学", "完全中学", "九年一贯制", "中等职业学校"], n), OTHER)
    t.col("address", A(g.org_address(int(c)) for c in ci), org("ADDRESS"))
    t.col("principal", P["name"], NAME, note="named person in an organisation table")
    t.col("principalMobile", g.mobiles(n), PHONE)
    t.col("officeTel", g.landlines([COUNTIES[int(c)][1] for c in ci]), org("PHONE_NUMBER"))
    t.col("lng", A(round(119.0 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"), note="school coordinates")
    t.col("lat", A(round(27.5 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("studentCount", g.ints(80, 3500, n), OTHER)
    t.col("mailbox", A(f"xb{k:04d}@zjedu.gov.cn" for k in g.ints(1, 9999, n)), org("EMAIL"), note="school office mailbox")


# =========================================================================== human resources & social security
@table("hrss_pension_payments", "hrss", "people", "城乡居民养老保险待遇发放明细", "parquet", 3000, "chinese")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(60, 95), old_code=0.08)
    t.col("个人编号", A(f"3300{k:010d}" for k in g.ints(0, 9999999999, n)), PID)
    t.col("姓名", P["name"], NAME)
    t.col("社会保障卡号", P["id"], ID, note="social-security card number = resident ID (rule 10)")
    t.col("待遇类别", g.pick(["基础养老金", "个人账户养老金", "缴费年限养老金"], n), OTHER)
    t.col("月发放金额", g.money(190, 2600, n), INCOME, dec=2)
    t.col("发放月份", ["2026-10"] * n, ("none", "EVENT_DATE", "other"), note="batch month")
    t.col("代发银行", g.pick(["农业银行", "农商银行", "邮储银行", "建设银行"], n), ORG_Q)
    t.col("银行账号", g.bank_cards(n), CARD)
    t.col("参保地", P["county"], REGION_Q)
    t.col("人员状态", g.pick(["正常", "暂停", "终止"], n, [0.94, 0.03, 0.03]), OTHER)


@table("hrss_unemployment_benefit", "hrss", "people", "失业保险金申领发放", "jsonl", 1500, "initials")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(20, 59))
    t.col("sqrxm", P["name"], NAME)
    t.col("sfzjhm", A(x.lower() for x in P["id"]), ID, tags=("lowercase_x",))
    ph = g.mobiles(n)
    t.col("lxdh", A(int(p) for p in ph), PHONE, tags=("int",))
    t.col("yddw", g.org_names(P["ci"]), ORG_Q, note="原单位: former employer of the person")
    t.col("sylyy", g.pick(["劳动合同期满", "单位解除", "单位破产", "协商一致解除"], n), ENUM_Q)
    t.col("lqqs", g.ints(3, 24, n), OTHER, note="months granted")
    t.col("syjje", g.money(1800, 2300, n), INCOME, dec=2)
    t.col("sqrq", g.dates(D(2024, 1, 1), D(2026, 10, 31), n), EVENT_Q)
    t.col("jbr", g.names(n), NAME, note="case worker")


@table("hrss_labour_arbitration", "hrss", "mixed", "劳动人事争议仲裁案件", "csv", 800, "chinese", enc="utf-8-sig", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(18, 60))
    t.col("案号", A(f"浙{c[2:4]}劳人仲案字〔{y}〕第{k}号" for c, y, k in zip(P["region"], g.ints(2023, 2026, n), g.ints(1, 2000, n))), CASENO,
          note="case number: personal/quasi, entity null (rule 6)")
    t.col("申请人", P["name"], NAME)
    t.col("申请人证件号码", P["id"], ID)
    t.col("申请人联系电话", g.mobiles(n), PHONE)
    t.col("被申请人", g.org_names(P["ci"]), ORG_Q, note="employer")
    t.col("统一社会信用代码", g.usccs([COUNTIES[int(c)][0] for c in P["ci"]]), org("USCC"))
    t.col("争议类型", g.pick(["追索劳动报酬", "经济补偿", "工伤待遇", "确认劳动关系", "社会保险"], n), ENUM_Q)
    t.col("请求金额", g.money(3000, 300000, n), INCOME, dec=2, note="wages claimed by the person")
    t.col("结案方式", g.pick(["调解", "裁决", "撤诉"], n), OTHER)
    t.col("仲裁员", g.names(n), NAME)


@table("hrss_skill_certificates", "hrss", "people", "职业技能等级证书核发", "csv", 2000, "english_snake", enc="utf-8", delim="\t")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(18, 58))
    t.col("cert_number", A(f"S{y}33{k:09d}" for y, k in zip(g.ints(2021, 2026, n), g.ints(0, 999999999, n))), PID,
          note="skill certificate number of a person")
    t.col("holder_name", P["name"], NAME)
    docs = P["id"].copy()
    for i in np.nonzero(g.chance(0.03, n))[0]:
        docs[i] = "E" + g.digits(8)
    t.col("id_no", docs, ID, tags=("mixed_docs",))
    t.col("occupation", g.pick(["电工", "焊工", "育婴员", "养老护理员", "中式烹调师", "美容师", "汽车维修工", "保育师"], n), OCC)
    t.col("skill_level", g.pick(["五级/初级工", "四级/中级工", "三级/高级工", "二级/技师"], n), OTHER)
    t.col("issue_date", g.dates(D(2021, 1, 1), D(2026, 11, 1), n), EVENT_Q)
    t.col("assessment_org", g.org_names(P["ci"], ["职业技能培训学校", "人力资源服务"]), ORG_Q)


# =========================================================================== public security administration
@table("police_hukou_moves", "police", "people", "户口迁移登记", "csv", 2500, "initials", enc="gbk", delim="|", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(0, 85), old_code=0.1)
    ids = P["id"].copy()
    legacy = g.chance(0.04, n) & np.array([d.year < 1990 for d in P["dob"]])
    for i in np.nonzero(legacy)[0]:
        ids[i] = ids[i][:6] + ids[i][8:17]
    t.col("hh", A(f"{c}{k:09d}" for c, k in zip(P["region"], g.ints(0, 999999999, n))), PID, note="户号 household number (rule 1)")
    t.col("xm", P["name"], NAME)
    t.col("gmsfhm", ids, ID, tags=("legacy15",))
    t.col("yhzgx", g.pick(["户主", "配偶", "子", "女", "父亲", "母亲", "孙子"], n), ENUM_Q, note="relationship to householder")
    t.col("qrlx", g.pick(["投靠迁入", "购房迁入", "人才引进", "毕业生落户", "出生登记"], n), ENUM_Q)
    t.col("qcdxz", A(g.address(int(c), province=False) for c in g.r.integers(0, len(COUNTIES), size=n)), ADDR,
          note="迁出地详址: the person's former home address")
    t.col("qrrq", g.dates(D(2022, 1, 1), D(2026, 11, 20), n), EVENT_Q)
    t.col("cbr", g.names(n), NAME, note="handling officer")
    t.col("sldw", A(f"{c}{s}派出所" for c, s in zip(P["county"], g.pick(["城东", "城西", "新塘", "北山", "临江"], n))), ORG_Q)
    t.col("sjly", ["ZJHZ_RK"] * n, OTHER, note="source system code")


@table("police_residence_permits", "police", "people", "居住证办理登记", "xlsx", 2000, "initials")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(16, 65), migrant=0.95)
    L = g.persons(n, age=(35, 75), migrant=0.0)
    t.col("jzzbh", P["id"], ID,
          note="居住证编号 = resident ID (rule 10)")
    t.col("xm", P["name"], NAME)
    t.col("xb", P["sex"], GENDER)
    t.col("csrq", A(excel_serial(d) for d in P["dob"]), DOB, tags=("excel_serial",), note="birth date as Excel serial number")
    t.col("hjdz", A(f"{s}{v}" for s, v in zip(g.pick(["河南省周口市", "安徽省阜阳市", "江西省上饶市", "四川省南充市", "贵州省毕节市", "湖南省邵阳市"], n),
                                        g.pick(["太康县城关镇", "临泉县杨桥镇", "鄱阳县饶州街道", "仪陇县新政镇", "织金县三塘镇"], n))),
          ADDR, note="household-registration address (may stop at the town)")
    t.col("jzdz", g.addresses(P["ci"], province=False), ADDR)
    t.col("fzxm", L["name"], NAME, note="landlord")
    t.col("fzlxdh", g.mobiles(n), PHONE)
    t.col("jydw", g.org_names(P["ci"]), ORG_Q)
    t.col("djrq", g.dates(D(2024, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("yxqz", g.dates(D(2025, 1, 1), D(2027, 11, 25), n), EVENT_Q)


@table("police_lost_id_reports", "police", "people", "居民身份证挂失补领", "csv", 1200, "chinese", enc="utf-8", delim=";")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(16, 80))
    t.col("证件号码", A(fullwidth(x) if f else x for x, f in zip(P["id"], g.chance(0.05, n))), ID, tags=("fullwidth",))
    t.col("姓名", P["name"], NAME)
    ph = g.mobiles(n)
    ph = A(spaced_phone(p) if s else p for p, s in zip(ph, g.chance(0.15, n)))
    t.col("联系方式", g.placeholders(ph, 0.04, ("无", "未留")), PHONE, tags=("spaced", "placeholder"))
    t.col("丢失地点", A(f"{c}{s}附近" for c, s in zip(P["county"], g.pick(["火车站", "公交站", "菜市场", "商场", "医院门口", "出租车上"], n))),
          PLACE_Q, note="place of a single event")
    t.col("丢失时间", g.dates(D(2025, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("补领方式", g.pick(["窗口办理", "异地办理", "网上预约"], n), OTHER)
    t.col("受理单位", A(f"{c}公安分局户政科" for c in P["county"]), ORG_Q)
    t.col("受理编号", A(f"SL{k:010d}" for k in g.ints(0, 9999999999, n)), OTHER, note="application serial (rule 1)")
