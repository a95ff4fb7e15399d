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


# =========================================================================== justice
@table("justice_legal_aid_cases", "justice", "people", "法律援助案件受理登记", "csv", 1400, "chinese", enc="gbk", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(16, 85))
    t.col("案件编号", A(f"FY{y}{k:05d}" for y, k in zip(g.ints(2023, 2026, n), g.ints(1, 99999, n))), OTHER,
          note="application serial (rule 1)")
    t.col("受援人姓名", P["name"], NAME)
    t.col("公民身份号码", P["id"], ID)
    t.col("受援人类别", g.pick(["低保对象", "特困人员", "农民工", "残疾人", "老年人", "未成年人监护人", "军人军属"], n), WELFARE,
          note="rule 5")
    t.col("案件类型", g.pick(["刑事辩护", "劳动争议", "婚姻家庭", "交通事故赔偿", "请求给付赡养费", "工伤赔偿"], n, [0.25, 0.25, 0.15, 0.15, 0.1, 0.1]),
          CRIME, note="legal-aid case type incl. 刑事辩护 (rule 6)")
    t.col("联系电话", g.mobiles(n), PHONE)
    t.col("承办律师", g.names(n), NAME)
    t.col("律师事务所", A(f"浙江{w}律师事务所" for w in g.pick(["正大", "天册", "六和", "金道", "泽大", "京衡", "合创"], n)), ORG_Q)
    t.col("指派日期", g.dates(D(2023, 1, 1), D(2026, 11, 20), n), EVENT_Q)
    t.col("年龄", P["age"], AGE)


@table("justice_community_corrections", "justice", "people", "社区矫正对象电子定位记录", "parquet", 3000, "english_snake")
def _(t):
    g, n = t.g, t.n
    P = g.persons(300, age=(18, 70), female=0.15)
    ix = t.people_idx(300)
    t.col("subject_name", P["name"][ix], NAME)
    t.col("id_card", P["id"][ix], ID)
    t.col("offence", g.pick(["危险驾驶罪", "盗窃罪", "诈骗罪", "故意伤害罪", "开设赌场罪", "帮助信息网络犯罪活动罪"], 300)[ix], CRIME)
    t.col("correction_type", g.pick(["缓刑", "假释", "管制", "暂予监外执行"], 300, [0.8, 0.1, 0.05, 0.05])[ix], CRIME)
    t.col("gps_lng", A(round(120.0 + x, 6) for x in g.r.uniform(0, 1.2, n)), TRACK, note="electronic-monitoring GPS (rule 8)")
    t.col("gps_lat", A(round(29.8 + x, 6) for x in g.r.uniform(0, 0.6, n)), TRACK)
    t.col("located_at", g.datetimes(D(2026, 10, 1), D(2026, 11, 29), n, (0, 24)), EVENT_Q)
    t.col("judicial_office", A(f"{c}{s}司法所" for c, s in zip(P["county"][ix], g.pick(["城关", "临江", "北山", "东城"], n))), ORG_Q)
    t.col("officer_no", A(f"SF{k:05d}" for k in g.ints(1, 99999, n)), PID, note="staff number of the supervising officer")


@table("justice_people_mediation", "justice", "people", "人民调解案件", "xlsx", 900, "chinese",
       title_row="2026年度人民调解案件登记台账")
def _(t):
    g, n = t.g, t.n
    P1 = g.persons(n, age=(20, 80))
    P2 = g.persons(n, age=(20, 80))
    t.col("协议书编号", A(f"（{y}）{c}调字第{k}号" for y, c, k in zip(g.ints(2025, 2026, n), P1["county"], g.ints(1, 999, n))), OTHER,
          note="agreement serial")
    t.col("当事人甲", P1["name"], NAME)
    t.col("当事人乙", P2["name"], NAME)
    t.col("甲方电话", g.mobiles(n), PHONE)
    kind = g.pick(["邻里纠纷", "婚姻家庭纠纷", "损害赔偿纠纷", "物业纠纷", "山林土地纠纷"], n)
    t.col("纠纷类型", kind, ENUM_Q)
    amt = g.money(500, 80000, n)
    t.col("协议金额（元）", amt, INCOME, dec=2, note="amount agreed between persons (rule 3)")
    t.col("调解员", g.names(n), NAME)
    t.col("调解委员会", A(f"{c}{v}人民调解委员会" for c, v in zip(P1["county"], g.pick(["城东社区", "前村", "梅林村", "新塘街道"], n))), ORG_Q)
    summ = A(f"{a}与{b}因{k[:-2]}发生争执，经调解双方自愿达成协议，由{b}一次性支付{a}{int(m)}元，双方不再追究。"
             for a, b, k, m in zip(P1["name"], P2["name"], kind, amt))
    t.col("调解情况摘要", summ, NAME, tags=("free_text",), note="mediation summary naming both parties (rule 14)")
    t.col("受理日期", g.dates(D(2025, 1, 1), D(2026, 11, 25), n), EVENT_Q)


# =========================================================================== veterans, disabled persons, women
@table("veterans_preferential_care", "veterans", "people", "重点优抚对象抚恤补助发放", "csv", 1100, "initials", enc="utf-8", delim="|")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(35, 98), female=0.1, old_code=0.1)
    t.col("xm", P["name"], NAME)
    t.col("sfzh", A(mask_id(x) if m else x for x, m in zip(P["id"], g.chance(0.3, n))), ID, tags=("masked",))
    t.col("yfdxlb", g.pick(["残疾军人", "烈士遗属", "在乡复员军人", "带病回乡退伍军人", "参战退役人员"], n), WELFARE,
          note="preferential-care category (rule 5)")
    t.col("cjdj", g.placeholders(g.pick(["一级", "二级", "四级", "六级", "八级", "十级"], n), 0.5, ("/",)), MED, tags=("placeholder",),
          note="disability grade of disabled servicemen")
    t.col("fxje", g.money(900, 6500, n), INCOME, dec=2)
    t.col("rwsj", A(d.strftime("%Y.%m") for d in g.dates(D(1950, 1, 1), D(2010, 12, 31), n)), EVENT_Q)
    t.col("lxdh", g.mobiles(n), PHONE)
    t.col("hjd", P["county"], REGION_Q)
    t.col("ffyf", ["202611"] * n, ("none", "EVENT_DATE", "other"), note="batch month")


@table("disabled_certificate_holders", "disabled", "people", "残疾人证持证人员及两项补贴", "xlsx", 2200, "chinese", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(1, 90))
    cat = g.ints(1, 7, n)
    grade = g.ints(1, 4, n)
    t.col("残疾人证号", A(f"{x}{c}{gr}" for x, c, gr in zip(P["id"], cat, grade)), ID, tags=("cert_suffix",),
          note="ID + category digit + grade digit (rule 10)")
    t.col("姓名", P["name"], NAME)
    t.col("性别", P["sex"], GENDER)
    t.col("残疾类别", A(["视力", "听力", "言语", "肢体", "智力", "精神", "多重"][c - 1] + "残疾" for c in cat), MED)
    t.col("残疾等级", A(f"{'一二三四'[gr - 1]}级" for gr in grade), MED)
    t.col("监护人", g.sparse(g.names(n), 0.5), NAME, tags=("sparse",))
    t.col("联系电话", g.mobiles(n), PHONE)
    t.col("困难残疾人生活补贴", g.placeholders(g.money(100, 300, n), 0.4, (0,)), INCOME, dec=2)
    t.col("重度残疾人护理补贴", A(round(v, 2) if gr <= 2 else 0 for v, gr in zip(g.money(150, 400, n), grade)), INCOME, dec=2)
    t.col("居住地址", g.addresses(P["ci"]), ADDR)
    t.col("发证日期", g.dates(D(2010, 1, 1), D(2026, 11, 1), n), EVENT_Q)


@table("women_cancer_screening", "women", "people", "农村适龄妇女两癌筛查结果", "jsonl", 2600, "pinyin")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(35, 64), female=1.0)
    t.col("xingming", P["name"], NAME)
    t.col("shenfenzheng", P["id"], ID)
    t.col("nianling", P["age"], AGE)
    t.col("lianxidianhua", g.mobiles(n), PHONE)
    t.col("cunju", A(f"{c}{v}" for c, v in zip(P["county"], g.pick(["前村", "后周村", "上塘村", "下徐村", "东岙村"], n))), REGION_Q)
    t.col("gongjingai_jieguo", g.pick(["未见异常", "HPV阳性", "CIN1", "CIN2", "宫颈炎"], n, [0.8, 0.1, 0.05, 0.02, 0.03]), MED)
    t.col("ruxianai_jieguo", g.pick(["BI-RADS 1", "BI-RADS 2", "BI-RADS 3", "BI-RADS 4A", "乳腺增生"], n, [0.5, 0.25, 0.1, 0.03, 0.12]), MED)
    t.col("shaichariqi", g.dates(D(2026, 3, 1), D(2026, 11, 15), n), EVENT_Q)
    t.col("shaichajigou", A(f"{c}妇幼保健院" for c in P["county"]), ORG_Q)


@table("women_rights_hotline", "women", "people", "12338妇女维权热线来电登记", "csv", 700, "english_camel", enc="utf-8", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(20, 70), female=0.92)
    t.col("callId", A(f"12338-{k:08d}" for k in g.ints(0, 99999999, n)), OTHER, note="call serial")
    t.col("callerName", A(mask_name(x) if m else x for x, m in zip(P["name"], g.chance(0.4, n))), NAME, tags=("masked",))
    t.col("callerPhone", A(mask_phone(p) for p in g.mobiles(n)), PHONE, tags=("masked",))
    topic = g.pick(["家庭暴力", "婚姻家庭", "抚养权", "劳动权益", "财产分割"], n)
    t.col("topic", topic, ENUM_Q)
    desc = A(f"来电人称{w}，现住{c}，{p}，要求提供法律咨询。" for w, c, p in zip(
        g.pick(["丈夫长期酗酒打人", "离婚后前夫拒付抚养费", "被单位以怀孕为由辞退", "婆家拒绝分割宅基地补偿款", "丈夫隐匿夫妻共同财产"], n),
        P["county"], g.pick(["已报警并就医", "身上有伤", "暂住娘家", "情绪低落", "孩子由其抚养"], n)))
    t.col("description", desc, ("personal", "FREE_TEXT", "sensitive"), tags=("free_text",),
          note="complaint narrative (rule 14: personal FREE_TEXT)")
    t.col("handledBy", g.names(n), NAME)
    t.col("callTime", g.datetimes(D(2026, 1, 1), D(2026, 11, 29), n), EVENT_Q)


# =========================================================================== housing & construction
@table("housing_public_rental_applicants", "housing", "people", "公共租赁住房保障申请家庭", "csv", 1600, "initials", enc="utf-8-sig", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(22, 75))
    t.col("sqr", P["name"], NAME)
    t.col("zjhm", P["id"], ID)
    t.col("sjhm", g.mobiles(n), PHONE)
    t.col("jtrk", g.ints(1, 6, n), ENUM_Q, note="household size")
    t.col("jtnsr", g.money(8000, 90000, n), INCOME, dec=2)
    t.col("zfknlx", g.pick(["无房户", "人均住房面积低于15平方米", "外来务工人员", "新就业大学生"], n), WELFARE)
    t.col("lhxh", g.ints(1, 9000, n), OTHER, note="queue position")
    t.col("pzxq", A(f"{c}{e}公租房{b}幢{r}室" for c, e, b, r in zip(P["county"], g.pick(["城西", "闻涛", "田园", "蓝领公寓"], n), g.ints(1, 20, n), g.ints(101, 2808, n))),
          ADDR, note="allocated flat: the applicant's home")
    t.col("sqrq", g.dates(D(2022, 1, 1), D(2026, 11, 20), n), EVENT_Q)
    t.col("shzt", g.pick(["审核通过", "轮候中", "已配租", "退出"], n), OTHER)


@table("housing_property_registration", "housing", "mixed", "不动产登记簿（房屋）", "parquet", 2500, "chinese")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(22, 85))
    comp = g.chance(0.08, n)
    orgs = g.org_names(P["ci"], ["房地产开发", "置业", "投资"])
    t.col("不动产权证号", A(f"浙（{y}）{c[:-1]}不动产权第{k:07d}号" for y, c, k in zip(g.ints(2016, 2026, n), P["city"], g.ints(1, 9999999, n))),
          PID, note="certificate number of a person's property (certificate of a person)")
    t.col("权利人", A(o if c else p for p, o, c in zip(P["name"], orgs, comp)), NAME, note="minority companies (rule 12)")
    usc = g.usccs([COUNTIES[int(c)][0] for c in P["ci"]])
    t.col("证件号", A(u if c else x for x, u, c in zip(P["id"], usc, comp)), ID, tags=("mixed_docs",))
    t.col("坐落", g.addresses(P["ci"], rural=False), PROPADDR, note="location of a person's home (rule 4)")
    t.col("建筑面积", g.money(35, 260, n), INCOME, dec=2, note="floor area (rule 4)")
    t.col("共有情况", g.pick(["单独所有", "共同共有", "按份共有"], n), ENUM_Q)
    t.col("规划用途", g.pick(["住宅", "商业", "车库"], n, [0.85, 0.1, 0.05]), OTHER)
    t.col("登记时间", g.dates(D(2016, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("不动产单元号", A(f"{COUNTIES[int(c)][0]}{k:06d}GB{j:05d}F{f:08d}" for c, k, j, f in zip(P["ci"], g.ints(0, 999999, n), g.ints(0, 99999, n), g.ints(0, 99999999, n))),
          OTHER, note="unit number of the parcel (land registry code, not about the person)")


@table("housing_construction_permits", "housing", "organisations", "建筑工程施工许可证核发", "xlsx", 600, "chinese",
       title_row="建筑工程施工许可证发放公示表")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("施工许可证编号", A(f"{COUNTIES[int(c)][0]}{y}{m:02d}{k:04d}0101" for c, y, m, k in zip(ci, g.ints(2023, 2026, n), g.ints(1, 12, n), g.ints(1, 9999, n))), OTHER)
    t.col("项目名称", A(f"{COUNTIES[int(c)][2]}{p}项目" for c, p in zip(ci, g.pick(["人民医院迁建", "安置房二期", "实验学校新建", "物流园区", "综合体"], n))), OTHER)
    t.col("建设单位", g.org_names(ci, ["置业", "城市建设投资集团", "房地产开发"]), org("ORG_NAME"))
    t.col("建设单位统一社会信用代码", g.usccs([COUNTIES[int(c)][0] for c in ci]), org("USCC"))
    t.col("施工单位", g.org_names(ci, ["建设工程", "建工集团", "市政工程"]), org("ORG_NAME"))
    t.col("建设地址", A(g.org_address(int(c)) for c in ci), org("ADDRESS"))
    t.col("合同价格（万元）", g.money(300, 90000, n), org(), dec=2, note="organisation amount")
    t.col("法定代表人", g.names(n), NAME)
    t.col("项目经理", g.names(n), NAME)
    t.col("项目经理电话", g.mobiles(n), PHONE)
    t.col("发证日期", g.dates(D(2023, 1, 1), D(2026, 11, 25), n), org("EVENT_DATE"))


# =========================================================================== natural resources, ecology, water
@table("natres_mining_rights", "natres", "organisations", "采矿权登记信息", "csv", 300, "english_snake", enc="utf-8", delim=",")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("licence_no", A(f"C33000020{y}{k:07d}" for y, k in zip(g.ints(10, 26, n), g.ints(0, 9999999, n))), OTHER)
    t.col("holder", g.org_names(ci, ["矿业", "石料", "建材"]), org("ORG_NAME"))
    t.col("mine_name", A(f"{COUNTIES[int(c)][2][:-1]}{w}建筑用石料矿" for c, w in zip(ci, g.pick(["青龙山", "大坞", "石门坑", "黄泥岭"], n))), OTHER)
    t.col("mineral", g.pick(["建筑用凝灰岩", "萤石", "叶蜡石", "建筑用石料"], n), OTHER)
    t.col("center_x", A(round(119.0 + x, 5) for x in g.r.uniform(0, 2.5, n)), org("PRECISE_LOCATION"), note="mine site coordinates")
    t.col("center_y", A(round(28.0 + x, 5) for x in g.r.uniform(0, 2.0, n)), org("PRECISE_LOCATION"))
    t.col("area_km2", g.money(0.01, 2.5, n, dec=4), OTHER)
    t.col("valid_from", g.dates(D(2015, 1, 1), D(2025, 1, 1), n), org("EVENT_DATE"))
    t.col("legal_rep", g.names(n), NAME)


@table("ecology_pollution_permits", "ecology", "organisations", "排污许可证核发信息", "jsonl", 1000, "english_camel")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    us = g.usccs([COUNTIES[int(c)][0] for c in ci])
    t.col("permitNo", A(f"{u}{k:03d}{s}" for u, k, s in zip(us, g.ints(1, 3, n), g.pick(["P", "V", "U"], n))), OTHER,
          note="permit number = company USCC + sequence + letter (organisation)")
    t.col("entName", g.org_names(ci, ["印染", "化工", "电镀", "造纸", "制药"]), org("ORG_NAME"))
    t.col("creditCode", us, org("USCC"))
    t.col("industry", g.pick(["纺织品染整", "化学原料制造", "金属表面处理", "纸制品制造", "化学药品原料药制造"], n), OTHER)
    t.col("siteAddress", A(g.org_address(int(c)) for c in ci), org("ADDRESS"))
    t.col("longitude", A(round(119.5 + x, 6) for x in g.r.uniform(0, 2.0, n)), org("PRECISE_LOCATION"))
    t.col("latitude", A(round(28.5 + x, 6) for x in g.r.uniform(0, 1.8, n)), org("PRECISE_LOCATION"))
    t.col("legalPerson", g.names(n), NAME)
    t.col("contactPerson", g.names(n), NAME)
    ph = g.mobiles(n)
    ll = g.landlines([COUNTIES[int(c)][1] for c in ci])
    t.col("contactTel", A(l if m else p for p, l, m in zip(ph, ll, g.chance(0.3, n))), PHONE,
          note="~70% mobiles of the liaison person (rule 12)")
    t.col("codLimitTpy", g.money(0.5, 800, n, dec=3), OTHER)
    t.col("validUntil", g.dates(D(2026, 1, 1), D(2031, 12, 31), n), org("EVENT_DATE"))


@table("water_flood_relocation", "water", "people", "山洪灾害危险区转移人员名单", "xlsx", 1800, "chinese", minors=True,
       title_row="防汛防台危险区人员转移责任清单")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(1, 95))
    t.col("所属村", A(f"{c}{v}" for c, v in zip(P["county"], g.pick(["溪口村", "石门村", "龙潭村", "茶园村", "大桥村"], n))), REGION_Q)
    t.col("姓名", P["name"], NAME)
    t.col("年龄", P["age"], AGE)
    t.col("联系电话", g.sparse(g.mobiles(n), 0.2), PHONE, tags=("sparse",))
    t.col("住址", g.addresses(P["ci"], rural=True), ADDR)
    t.col("人员类型", g.pick(["一般人员", "老弱病残", "独居老人", "留守儿童", "孕妇"], n, [0.6, 0.15, 0.15, 0.05, 0.05]), WELFARE,
          note="vulnerable-person type (hardship/health status)")
    t.col("安置点", A(f"{v}文化礼堂" for v in g.pick(["溪口村", "石门村", "龙潭村", "茶园村"], n)), org(), note="shelter (facility)")
    t.col("转移责任人", g.names(n), NAME)
    t.col("责任人电话", g.mobiles(n), PHONE)
