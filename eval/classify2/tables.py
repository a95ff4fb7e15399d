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


MIGRANT_PLACES = {
    "360102": "江西省南昌市东湖区", "410102": "河南省郑州市中原区", "420102": "湖北省武汉市江岸区", "430102": "湖南省长沙市芙蓉区",
    "510104": "四川省成都市锦江区", "340102": "安徽省合肥市瑶海区", "450102": "广西壮族自治区南宁市兴宁区",
    "522601": "贵州省黔东南苗族侗族自治州凯里市", "500101": "重庆市万州区", "411302": "河南省南阳市宛城区",
    "341202": "安徽省阜阳市颍州区", "362301": "江西省上饶市", "513101": "四川省雅安市", "430702": "湖南省常德市武陵区",
    "612301": "陕西省汉中市",
}
_ZJ = {c: f"浙江省{city}{county}" for c, city, county in COUNTIES}


def _home_region(code: str) -> str:
    return MIGRANT_PLACES.get(code) or _ZJ.get(code) or "浙江省杭州市"


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
    t.col("email", A(f"{k}@{d}" for k, d in zip(g.ints(100000, 2999999999, n), g.pick(["qq.com", "163.com", "126.com", "sina.com"], n))), EMAIL,
          note="personal webmail of the teacher")
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
    t.col("待遇类别", g.pick(["基础养老金", "个人账户养老金", "缴费年限养老金"], n), OTHER,
          note="pension component (pay-item enumeration), not a hardship status")
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
    t.col("lqqs", g.ints(3, 24, n), WELFARE, note="months of benefit granted: benefit entitlement of a person")
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
    t.col("skill_level", g.pick(["五级/初级工", "四级/中级工", "三级/高级工", "二级/技师"], n), ENUM_Q, note="qualification level of a person")
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
    t.col("hjdz", A(f"{_home_region(c)}{tw}{v}{k}号" for c, tw, v, k in zip(P["region"], g.pick(["城关镇", "新华街道", "杨桥镇", "三塘镇", "东风街道"], n),
                                                                          g.pick(["", "王庄村", "李岗村", "红星社区"], n), g.ints(1, 200, n))),
          ADDR, note="household-registration address (may stop at the town)")
    t.col("jzdz", g.addresses(P["ci"], province=False), ADDR)
    t.col("fzxm", L["name"], NAME, note="landlord")
    t.col("fzlxdh", g.mobiles(n), PHONE)
    t.col("jydw", g.org_names(P["ci"]), ORG_Q)
    pl = A(f"{p}{''.join(g.py.choice('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(5))}"
           for p in g.pick(["浙A", "浙B", "浙C", "浙G", "豫P", "皖K", "赣E", "川R"], n))
    t.col("clhp", g.sparse(pl, 0.7), PLATE, tags=("sparse",), note="plate of the holder's vehicle")
    dj = g.dates(D(2024, 1, 1), D(2026, 11, 25), n)
    t.col("djrq", dj, EVENT_Q)
    t.col("yxqz", A(D(d.year + 1, d.month, min(d.day, 28)) for d in dj), EVENT_Q)


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
    t.col("sjhm", A(f"{p[:3]}-{p[3:7]}-{p[7:]}" if k < 0.15 else p for p, k in zip(g.mobiles(n), g.r.random(n))), PHONE,
          tags=("mixed_formats",))
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


# =========================================================================== commerce, culture & tourism, sports
@table("commerce_used_car_deals", "commerce", "people", "二手车交易登记", "csv", 1500, "english_snake", enc="gbk", delim=",")
def _(t):
    g, n = t.g, t.n
    S = g.persons(n, age=(20, 75))
    B = g.persons(n, age=(20, 65))
    t.col("deal_no", A(f"ESC{k:010d}" for k in g.ints(0, 9999999999, n)), OTHER, note="transaction serial")
    t.col("seller_name", S["name"], NAME)
    t.col("seller_idno", S["id"], ID)
    t.col("buyer_name", B["name"], NAME)
    t.col("buyer_idno", B["id"], ID)
    t.col("buyer_tel", g.mobiles(n), PHONE)
    prov = g.pick(list("ABCDEFGHJKL"), n)
    t.col("plate_no", A(f"浙{p}{''.join(g.py.choice('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(5))}" for p in prov), PLATE)
    t.col("vin", A("L" + "".join(g.py.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16)) for _ in range(n)), ("personal", None, "direct"),
          note="VIN (rule 15)")
    t.col("brand_model", g.pick(["大众朗逸", "丰田卡罗拉", "本田雅阁", "比亚迪秦", "吉利帝豪", "别克英朗"], n), OTHER)
    t.col("price", g.money(8000, 260000, n, dec=0), INCOME, note="personal transaction amount (rule 3)")
    t.col("market", A(f"{c}二手车交易市场" for c in B["city"]), ORG_Q)
    t.col("deal_date", g.dates(D(2025, 1, 1), D(2026, 11, 25), n), EVENT_Q)


@table("culture_hotel_guests", "culture", "people", "旅馆业住宿登记", "jsonl", 3000, "initials", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(3, 80), migrant=0.4)
    t.col("lkxm", P["name"], NAME)
    doc_type = g.pick(["身份证", "护照", "港澳通行证"], n, [0.94, 0.04, 0.02])
    docs = A(x if d == "身份证" else (("E" if d == "护照" else "C") + g.digits(8)) for x, d in zip(P["id"], doc_type))
    t.col("zjlx", doc_type, OTHER)
    t.col("zjhm", docs, ID, tags=("mixed_docs",))
    t.col("csrq", A(d.strftime("%Y%m%d") for d in P["dob"]), DOB)
    t.col("lgmc", A(f"{c[:-1]}{h}" for c, h in zip(P["county"], g.pick(["如家酒店(火车站店)", "汉庭酒店", "维也纳国际酒店", "锦江之星", "西湖国宾馆", "青年旅舍"], n))),
          TRACK, note="hotel stay = lodging information (rule 8)")
    t.col("fjh", A(str(k) for k in g.ints(201, 1820, n)), ENUM_Q, note="room number alone; the hotel column carries the stay")
    rz = g.datetimes(D(2026, 9, 1), D(2026, 11, 25), n, (0, 24))
    t.col("rzsj", rz, EVENT_Q)
    tf = A(dt.datetime(x.year, x.month, x.day, int(h), int(m)) + dt.timedelta(days=int(k))
           for x, k, h, m in zip(rz, g.ints(1, 4, n), g.ints(7, 13, n), g.ints(0, 59, n)))
    t.col("tfsj", g.sparse(tf, 0.1), EVENT_Q, tags=("sparse",))
    ph = A(("+86" + p if k < 0.1 else ("86-" + p if k < 0.15 else p)) for p, k in zip(g.mobiles(n), g.r.random(n)))
    t.col("lxdh", g.sparse(ph, 0.3), PHONE, tags=("sparse", "prefixed"))


@table("culture_tour_guides", "culture", "people", "导游人员信息", "csv", 800, "chinese", enc="utf-8", delim="\t")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(21, 60), female=0.6)
    t.col("导游证号", A(f"D-3300-{k:06d}" for k in g.ints(0, 999999, n)), PID, note="guide certificate of a person")
    t.col("姓名", P["name"], NAME)
    t.col("性别", P["sex"], GENDER)
    t.col("证件号码", P["id"], ID)
    t.col("语种", g.pick(["普通话", "英语", "日语", "韩语", "法语"], n, [0.8, 0.1, 0.04, 0.04, 0.02]), ENUM_Q)
    t.col("等级", g.pick(["初级", "中级", "高级"], n, [0.8, 0.15, 0.05]), ENUM_Q, note="qualification level of a person")
    t.col("学历", g.pick(EDU_LIST[2:7], n), EDU)
    t.col("所属旅行社", g.org_names(P["ci"], ["国际旅行社", "旅行社"]), ORG_Q)
    t.col("手机号码", A(int(p) for p in g.mobiles(n)), PHONE, tags=("int",))


@table("culture_protected_relics", "culture", "organisations", "文物保护单位名录", "xlsx", 400, "mixed")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("文保单位名称", A(f"{w}{k}" for w, k in zip(g.pick(["胡氏", "周家", "永宁", "广福", "龙门", "天宁"], n), g.pick(["宗祠", "古桥", "寺塔", "民居", "古窑址", "摩崖石刻"], n))), OTHER)
    t.col("级别", g.pick(["全国重点", "省级", "市级", "县级"], n, [0.1, 0.3, 0.3, 0.3]), OTHER)
    t.col("年代", g.pick(["宋", "元", "明", "清", "民国"], n), OTHER)
    t.col("所在地", A(g.org_address(int(c)) for c in ci), org("ADDRESS"))
    t.col("GPS_经度", A(round(119.0 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("GPS_纬度", A(round(27.5 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("管理单位", A(f"{COUNTIES[int(c)][2]}文物保护管理所" for c in ci), org("ORG_NAME"))
    t.col("文物保护员", g.names(n), NAME, note="named caretaker")
    t.col("保护员电话", g.mobiles(n), PHONE)


@table("sports_youth_athletes", "sports", "people", "青少年运动员注册", "parquet", 1300, "english_camel", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(8, 19))
    t.col("athleteId", A(f"ZJ{k:08d}" for k in g.ints(0, 99999999, n)), PID)
    t.col("fullName", P["name"], NAME)
    t.col("gender", A(1 if m else 2 for m in P["male"]), GENDER)
    t.col("birthDate", P["dob"], DOB)
    t.col("idCardNo", P["id"], ID)
    t.col("heightCm", A(round(float(x), 1) for x in g.r.normal(160, 14, n)), MED, note="body measurement (rule 2)")
    t.col("weightKg", A(round(float(x), 1) for x in g.r.normal(52, 11, n)), MED)
    t.col("sport", g.pick(["游泳", "田径", "乒乓球", "举重", "皮划艇", "围棋", "体操"], n), OTHER)
    t.col("club", A(f"{c[:-1]}体育运动学校" for c in P["county"]), ORG_Q)
    t.col("coachName", g.names(n), NAME)
    t.col("guardianMobile", g.mobiles(n), PHONE)


# =========================================================================== emergency management
@table("emergency_accident_casualties", "emergency", "people", "生产安全事故伤亡人员", "csv", 500, "chinese", enc="utf-8", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(18, 65), female=0.15, migrant=0.5)
    t.col("事故编号", A(f"AQ{y}{k:05d}" for y, k in zip(g.ints(2022, 2026, n), g.ints(1, 99999, n))), OTHER)
    t.col("伤亡人员姓名", P["name"], NAME)
    t.col("身份证号码", P["id"], ID)
    t.col("年龄", P["age"], AGE)
    t.col("伤亡类别", g.pick(["死亡", "重伤", "轻伤"], n, [0.3, 0.3, 0.4]), MED, note="casualty type = health outcome")
    t.col("伤情", g.pick(["右腿胫骨骨折", "颅脑损伤", "多处软组织挫伤", "双手二度烧伤", "腰椎压缩性骨折", "抢救无效死亡"], n), MED)
    t.col("所在单位", g.org_names(P["ci"], ["建设工程", "机械制造", "化工"]), ORG_Q)
    t.col("事故地点", A(g.org_address(int(c)) for c in P["ci"]), PLACE_Q, note="place of a single event (company site)")
    t.col("事故日期", g.dates(D(2022, 1, 1), D(2026, 11, 20), n), EVENT_Q)
    t.col("赔偿金额", g.money(20000, 1200000, n), INCOME, dec=2)


@table("emergency_safety_inspections", "emergency", "organisations", "企业安全生产执法检查记录", "csv", 1200, "initials", enc="gbk", delim=",")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("qymc", g.org_names(ci, ["化工", "机械制造", "纺织", "家具", "仓储物流"]), org("ORG_NAME"))
    t.col("tyshxydm", g.usccs([COUNTIES[int(c)][0] for c in ci]), org("USCC"))
    t.col("jcrq", g.dates(D(2025, 1, 1), D(2026, 11, 25), n), org("EVENT_DATE"))
    t.col("yhms", g.pick(["消防通道堵塞", "危化品储存超量", "特种作业人员无证上岗", "安全出口锁闭", "未开展应急演练", "电气线路私拉乱接"], n), OTHER,
          note="hazard description of a company")
    t.col("zgqx", g.dates(D(2025, 2, 1), D(2026, 12, 31), n), org("EVENT_DATE"))
    t.col("fkje", g.placeholders(g.money(1000, 200000, n, dec=0), 0.5, (0,)), org(), note="company penalty amount")
    t.col("jcry1", g.names(n), NAME, note="inspector")
    t.col("zfzh1", A(f"33{k:06d}" for k in g.ints(0, 999999, n)), PID, note="inspector's law-enforcement certificate number")
    t.col("jcry2", g.names(n), NAME)
    t.col("qyfzr", g.names(n), NAME, note="company person in charge")
    t.col("lxdh", g.landlines([COUNTIES[int(c)][1] for c in ci]), org("PHONE_NUMBER"), note="company landline")


# =========================================================================== tax
@table("tax_iit_withholding", "tax", "people", "个人所得税扣缴申报明细", "parquet", 3000, "chinese")
def _(t):
    g, n = t.g, t.n
    P = g.persons(600, age=(18, 65))
    ix = t.people_idx(600)
    ci = g.r.integers(0, len(COUNTIES), size=40)
    emp = g.org_names(ci)
    emp_u = g.usccs([COUNTIES[int(c)][0] for c in ci])
    ej = g.r.integers(0, 40, size=600)[ix]
    t.col("纳税人识别号", P["id"][ix], ID, note="a person's taxpayer number is the resident ID")
    t.col("纳税人姓名", P["name"][ix], NAME)
    t.col("所得项目", g.pick(["正常工资薪金", "劳务报酬", "稿酬所得", "全年一次性奖金"], n, [0.8, 0.1, 0.03, 0.07]), ENUM_Q)
    t.col("收入额", g.money(3000, 80000, n), INCOME, dec=2)
    t.col("专项附加扣除", g.placeholders(g.money(1000, 6000, n), 0.3, (0.0,)), INCOME, dec=2)
    t.col("已扣缴税额", g.money(0.01, 15000, n), INCOME, dec=2)
    t.col("扣缴义务人名称", emp[ej], ORG_Q)
    t.col("扣缴义务人识别号", emp_u[ej], org("USCC"))
    t.col("税款所属期", ["2026-10"] * n, org("EVENT_DATE"), note="batch month")


@table("tax_vat_invoices", "tax", "organisations", "增值税发票开具明细", "csv", 3000, "english_snake", enc="utf-8", delim="|")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    cj = g.r.integers(0, len(COUNTIES), size=n)
    t.col("invoice_code", A(f"0{k:11d}" for k in g.ints(33000000000, 33999999999, n)), OTHER)
    t.col("invoice_no", A(f"{k:08d}" for k in g.ints(0, 99999999, n)), OTHER)
    t.col("seller_name", g.org_names(ci), org("ORG_NAME"))
    t.col("seller_tax_id", g.usccs([COUNTIES[int(c)][0] for c in ci]), org("USCC"))
    t.col("buyer_name", g.org_names(cj), org("ORG_NAME"))
    t.col("buyer_tax_id", g.usccs([COUNTIES[int(c)][0] for c in cj]), org("USCC"))
    t.col("amount", g.money(100, 900000, n), org(), dec=2)
    t.col("tax_amount", g.money(10, 90000, n), org(), dec=2)
    t.col("issue_date", g.dates(D(2026, 10, 1), D(2026, 10, 31), n), org("EVENT_DATE"))
    t.col("drawer", g.names(n), NAME, note="clerk who issued the invoice")


# =========================================================================== statistics (aggregates)
@table("stats_avg_wage_by_industry", "stats", "aggregate", "城镇非私营单位分行业平均工资", "csv", 380, "chinese", enc="utf-8-sig", delim=",")
def _(t):
    g, n = t.g, t.n
    inds = ["农林牧渔业", "制造业", "建筑业", "批发和零售业", "交通运输业", "住宿和餐饮业", "信息技术服务业", "金融业", "房地产业",
            "教育", "卫生和社会工作", "公共管理", "科学研究", "水利环境", "居民服务", "文化体育", "采矿业", "电力燃气", "租赁商务"]
    rows = [(y, c, i) for y in range(2025, 2026) for c in [x for x in COUNTIES[:20]] for i in inds][:n]
    t.col("年份", A(r[0] for r in rows), org("EVENT_DATE"))
    t.col("地区", A(r[1][2] for r in rows), org("REGION"))
    t.col("行业", A(r[2] for r in rows), org())
    t.col("平均工资（元）", g.ints(52000, 260000, n), org("PERSONAL_INCOME"), note="aggregate wage (rule 9)")
    t.col("从业人员（人）", g.ints(150, 90000, n), org())


@table("stats_population_by_age", "stats", "aggregate", "分年龄性别人口数（抽样调查）", "xlsx", 357, "chinese",
       title_row="2025年人口变动抽样调查分年龄性别人口")
def _(t):
    g, n = t.g, t.n
    bands = ["0-4岁", "5-9岁", "10-14岁", "15-19岁", "20-24岁", "25-29岁", "30-34岁", "35-39岁", "40-44岁", "45-49岁",
             "50-54岁", "55-59岁", "60-64岁", "65-69岁", "70-74岁", "75-79岁", "80岁及以上"]
    rows = [(c, b) for c in COUNTIES[:21] for b in bands]
    t.col("地区代码", A(r[0][0] for r in rows), org("REGION"))
    t.col("地区", A(r[0][2] for r in rows), org("REGION"))
    t.col("年龄组", A(r[1] for r in rows), org("AGE"))
    t.col("男", g.ints(300, 30000, n), org())
    t.col("女", g.ints(300, 30000, n), org())
    t.col("性别比", A(round(float(x), 2) for x in g.r.normal(105, 4, n)), org())


# =========================================================================== customs, post
@table("customs_declarations", "customs", "organisations", "进出口货物报关单（摘要）", "parquet", 2000, "english_camel")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("entryId", A(f"2920{y}{k:010d}" for y, k in zip(g.ints(2025, 2026, n), g.ints(0, 9999999999, n))), OTHER)
    t.col("tradeName", g.org_names(ci, ["进出口", "国际贸易", "服饰", "五金工具"]), org("ORG_NAME"))
    t.col("tradeCoScc", g.usccs([COUNTIES[int(c)][0] for c in ci]), org("USCC"))
    t.col("customsRegNo", A(f"33{k:08d}" for k in g.ints(0, 99999999, n)), OTHER, note="海关编码 of the company")
    t.col("hsCode", A(f"{k:010d}" for k in g.ints(3900000000, 9619009000, n)), OTHER, note="commodity code that looks like a number")
    t.col("tradeCountry", g.pick(["美国", "德国", "日本", "越南", "巴西", "阿联酋", "英国"], n), OTHER)
    t.col("declTotal", g.money(500, 3000000, n), org(), dec=2)
    t.col("currency", g.pick(["USD", "EUR", "JPY", "CNY"], n), OTHER)
    t.col("declarer", g.names(n), NAME, note="customs declarant (person)")
    t.col("declarerMobile", g.mobiles(n), PHONE)
    t.col("iePort", g.pick(["宁波北仑港", "杭州萧山机场", "义乌海关", "温州港"], n), OTHER)


@table("post_parcel_waybills", "post", "people", "快递运单信息（抽检）", "csv", 3000, "english_snake", enc="utf-8", delim=",")
def _(t):
    g, n = t.g, t.n
    S = g.persons(n, age=(18, 70))
    R = g.persons(n, age=(18, 70))
    t.col("waybill_no", A(f"{p}{k:012d}" for p, k in zip(g.pick(["YT", "ZTO", "SF", "JT"], n), g.ints(0, 999999999999, n))), OTHER,
          note="order/waybill serial")
    t.col("sender", S["name"], NAME)
    t.col("sender_mob", g.mobiles(n), PHONE)
    t.col("sender_addr", g.addresses(S["ci"]), ADDR)
    t.col("receiver", A(mask_name(x) for x in R["name"]), NAME, tags=("masked",))
    t.col("receiver_mob", A(mask_phone(p) for p in g.mobiles(n)), PHONE, tags=("masked",))
    t.col("receiver_addr", g.addresses(R["ci"]), ADDR)
    t.col("item", g.pick(["服装", "文件", "日用品", "食品", "电子产品", "药品"], n), OTHER)
    t.col("weight_kg", g.money(0.1, 25, n, dec=2, log=True), OTHER)
    t.col("outlet", A(f"{c}{b}营业部" for c, b in zip(S["county"], g.pick(["城东", "新塘", "科技园", "开发区"], n))), ORG_Q)
    t.col("pickup_time", g.datetimes(D(2026, 11, 1), D(2026, 11, 28), n), EVENT_Q)


# =========================================================================== court enforcement
@table("court_dishonest_debtors", "court", "mixed", "失信被执行人名单", "jsonl", 2000, "pinyin")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(22, 75))
    comp = g.chance(0.15, n)
    orgs = g.org_names(P["ci"])
    t.col("beizhixingren", A(o if c else p for p, o, c in zip(P["name"], orgs, comp)), NAME, note="minority companies (rule 12)")
    us = g.usccs([COUNTIES[int(c)][0] for c in P["ci"]])
    t.col("zhengjianhaoma", A(u if c else mask_id_birth(x) for x, u, c in zip(P["id"], us, comp)), ID, tags=("masked", "mixed_docs"))
    t.col("zhixingfayuan", A(f"{c}人民法院" for c in P["county"]), ORG_Q)
    t.col("anhao", A(f"（{y}）浙{k:04d}执{j}号" for y, k, j in zip(g.ints(2019, 2026, n), g.ints(101, 1199, n), g.ints(1, 9999, n))), CASENO,
          note="court case number (rule 6)")
    t.col("lvxingqingkuang", g.pick(["全部未履行", "部分未履行"], n, [0.8, 0.2]), WELFARE[:1] + (None, "sensitive"),
          note="performance status = credit record (rule 6)")
    t.col("shixinxingwei", g.pick(["有履行能力而拒不履行生效法律文书确定义务", "违反财产报告制度", "违反限制消费令", "以虚假诉讼规避执行"], n),
          ("sensitive", None, "sensitive"), note="dishonest behaviour = credit record (rule 6)")
    t.col("shean_jine", g.money(5000, 3000000, n), INCOME, dec=2, note="debt of the person/company (mostly persons)")
    t.col("fabushijian", g.dates(D(2019, 1, 1), D(2026, 11, 25), n), EVENT_Q)


@table("court_enforcement_stats", "court", "aggregate", "执行案件收结案情况统计", "csv", 240, "initials", enc="utf-8", delim=",")
def _(t):
    g, n = t.g, t.n
    rows = [(c, m) for c in COUNTIES[:20] for m in range(1, 13)]
    t.col("fydm", A(r[0][0] + "J" for r in rows), OTHER, note="court code")
    t.col("fymc", A(f"{r[0][2]}人民法院" for r in rows), org("ORG_NAME"))
    t.col("tjyf", A(f"2025{r[1]:02d}" for r in rows), org("EVENT_DATE"))
    t.col("sas", g.ints(50, 1200, n), org())
    t.col("jas", g.ints(40, 1200, n), org())
    t.col("zxdwje", g.money(1e6, 8e8, n), org(), dec=2, note="total amount recovered (aggregate)")
    t.col("sxrs", g.ints(5, 400, n), org(), note="count of persons listed as dishonest")


# =========================================================================== medical insurance
@table("medins_inpatient_settlements", "medins", "people", "住院医疗费用结算明细", "csv", 2800, "opaque", enc="gbk", delim=",", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(1600, age=(0, 95))
    ix = t.people_idx(1600)
    adm = g.dates(D(2026, 1, 1), D(2026, 10, 31), n)
    los = g.ints(1, 30, n)
    dx = g.pick(["I10 原发性高血压", "E11.9 2型糖尿病", "J18.9 肺炎", "C34.9 支气管或肺恶性肿瘤", "K80.2 胆囊结石", "S72.0 股骨颈骨折",
                 "I63.9 脑梗死", "O80.0 顺产", "F32.9 抑郁发作", "N18.5 慢性肾脏病5期"], n)
    tot = g.money(1800, 260000, n)
    t.col("F01", A(f"JS{k:012d}" for k in g.ints(0, 999999999999, n)), OTHER, note="settlement serial")
    t.col("F02", P["name"][ix], NAME)
    t.col("F03", A(f"H{k:09d}" for k in g.ints(0, 999999999, 1600))[ix], PID, note="医保号 personal insurance number")
    t.col("F04", P["id"][ix], ID)
    t.col("F05", A(f"{c[:-1]}人民医院" for c in P["county"][ix]), ORG_Q)
    t.col("F06", A(f"{k:08d}" for k in g.ints(0, 99999999, 1600))[ix], PID, note="病案号 medical-record number (person-keyed)")
    t.col("F07", adm, EVENT_Q)
    t.col("F08", A(a + dt.timedelta(days=int(l)) for a, l in zip(adm, los)), EVENT_Q)
    t.col("F09", dx, MED)
    t.col("F10", tot, INCOME, dec=2, note="total medical cost (rule 3)")
    t.col("F11", A(round(x * float(r), 2) for x, r in zip(tot, g.r.uniform(0.4, 0.85, n))), INCOME, dec=2)
    t.col("F12", A(round(x * float(r), 2) for x, r in zip(tot, g.r.uniform(0.1, 0.5, n))), INCOME, dec=2)
    t.col("F13", g.pick(["职工医保", "城乡居民医保"], n), OTHER, note="insurance type")


@table("medins_designated_pharmacies", "medins", "organisations", "医保定点零售药店", "xlsx", 700, "chinese")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("定点编号", A(f"P33{COUNTIES[int(c)][0][2:]}{k:05d}" for c, k in zip(ci, g.ints(0, 99999, n))), OTHER)
    t.col("药店名称", A(f"{w}大药房{COUNTIES[int(c)][2][:-1]}{s}店" for w, c, s in zip(g.pick(["老百姓", "海王星辰", "华东", "九洲", "天天好"], n), ci, g.pick(["城东", "人民路", "新华", "中心"], n))),
          org("ORG_NAME"))
    t.col("统一社会信用代码", g.usccs([COUNTIES[int(c)][0] for c in ci]), org("USCC"))
    t.col("经营地址", A(g.org_address(int(c)) for c in ci), org("ADDRESS"))
    t.col("经度", A(round(119.0 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("纬度", A(round(27.5 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("企业负责人", g.names(n), NAME)
    t.col("执业药师", g.names(n), NAME)
    t.col("执业药师注册证号", A(f"33{y}{k:06d}" for y, k in zip(g.ints(2010, 2025, n), g.ints(0, 999999, n))), PID,
          note="licence number of a person")
    t.col("服务电话", g.landlines([COUNTIES[int(c)][1] for c in ci]), org("PHONE_NUMBER"))


@table("medins_cost_by_disease", "medins", "aggregate", "按病种住院费用统计", "jsonl", 300, "english_snake")
def _(t):
    g, n = t.g, t.n
    dis = ["原发性高血压", "2型糖尿病", "肺炎", "肺恶性肿瘤", "胆囊结石", "股骨颈骨折", "脑梗死", "慢性阻塞性肺病", "抑郁症", "慢性肾衰竭",
           "冠心病", "乳腺癌", "白内障", "阑尾炎", "胃癌"]
    rows = [(c, d) for c in COUNTIES[:20] for d in dis]
    t.col("region_code", A(r[0][0] for r in rows), org("REGION"))
    t.col("disease", A(r[1] for r in rows), org("MEDICAL_CONDITION"), note="aggregate disease category (rule 9)")
    t.col("visits", g.ints(5, 9000, n), org())
    t.col("avg_cost", g.money(3000, 90000, n), org("PERSONAL_INCOME"), dec=2, note="average cost per case (aggregate, rule 9)")
    t.col("fund_paid_total", g.money(1e5, 5e7, n), org("PERSONAL_INCOME"), dec=2)
    t.col("year", [2025] * n, org("EVENT_DATE"))


# =========================================================================== maternal & child health, blood
@table("health_birth_certificates", "health", "people", "出生医学证明签发登记", "csv", 2000, "pinyin", enc="utf-8", delim=";", minors=True)
def _(t):
    g, n = t.g, t.n
    M = g.persons(n, age=(20, 42), female=1.0)
    F = g.persons(n, age=(22, 48), female=0.0)
    bt = g.datetimes(D(2025, 1, 1), D(2026, 11, 20), n, (0, 24))
    sex = g.pick(["男", "女"], n)
    t.col("chushengzhengming_bianhao", A(f"{y}{k:08d}" for y, k in zip(g.pick(["Q", "R", "S"], n), g.ints(0, 99999999, n))), PID,
          note="birth-certificate number (certificate of a person)")
    t.col("xinshenger_xingming", g.sparse(A(s + x[1:] if len(x) > 1 else x for s, x in zip(A(f[0] for f in F["name"]), g.names(n))), 0.15),
          NAME, tags=("sparse",))
    t.col("xingbie", sex, GENDER)
    t.col("chusheng_shijian", bt, DOB, note="time of birth (rule 15)")
    t.col("chusheng_tizhong", g.ints(2100, 4600, n), MED, note="birth weight g (rule 2)")
    t.col("shenchang", g.ints(45, 55, n), MED)
    t.col("yunzhou", A(f"{w}+{d}" for w, d in zip(g.ints(34, 41, n), g.ints(0, 6, n))), MED, note="gestation")
    t.col("muqin_xingming", M["name"], NAME)
    t.col("muqin_shenfenzheng", M["id"], ID)
    nof = g.chance(0.05, n)
    t.col("fuqin_xingming", A(None if m else x for x, m in zip(F["name"], nof)), NAME, tags=("sparse",))
    t.col("fuqin_shenfenzheng", A(None if m else x for x, m in zip(F["id"], nof)), ID, tags=("sparse",))
    t.col("jiesheng_jigou", A(f"{c}妇幼保健院" for c in M["county"]), ORG_Q)


@table("health_child_vaccinations", "health", "people", "儿童预防接种记录", "parquet", 3000, "english_snake", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(900, age=(0, 6))
    ix = t.people_idx(900)
    t.col("recipient_code", A(f"3301{k:014d}" for k in g.ints(0, 99999999999999, 900))[ix], PID, note="受种者编码")
    t.col("child_name", P["name"][ix], NAME)
    t.col("birth_date", P["dob"][ix], DOB)
    t.col("vaccine", g.pick(["乙肝疫苗", "卡介苗", "脊灰灭活疫苗", "百白破疫苗", "麻腮风疫苗", "乙脑减毒活疫苗", "A群流脑多糖疫苗", "甲肝减毒活疫苗"], n), MED,
          note="vaccination (rule 2)")
    t.col("dose_no", g.ints(1, 4, n), MED, note="dose number of a vaccination record")
    t.col("vacc_date", g.dates(D(2021, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("batch_no", A(f"{y}{k:05d}" for y, k in zip(g.ints(2020, 2026, n), g.ints(0, 99999, n))), OTHER, note="vaccine lot number")
    t.col("clinic", A(f"{c}{s}社区卫生服务中心" for c, s in zip(P["county"][ix], g.pick(["城东", "北山", "临江", "新塘"], n))), ORG_Q)
    t.col("aefi", g.sparse(g.pick(["发热", "接种部位红肿", "过敏性皮疹", "硬结", "热性惊厥"], n, [0.5, 0.3, 0.1, 0.08, 0.02]), 0.95), MED,
          tags=("sparse",), note="adverse event following immunisation")
    t.col("parent_mobile", g.mobiles(900)[ix], PHONE)


@table("health_blood_donors", "health", "people", "无偿献血者献血记录", "xlsx", 2200, "opaque")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(18, 60))
    t.col("ZD001", A(f"XX{k:08d}" for k in g.ints(0, 99999999, n)), PID, note="献血者编号")
    t.col("ZD002", P["name"], NAME)
    t.col("ZD003", P["id"], ID)
    t.col("ZD004", g.pick(["A", "B", "O", "AB"], n, [0.28, 0.29, 0.34, 0.09]), MED, note="blood type (rule 2)")
    t.col("ZD005", g.pick(["Rh+", "Rh-"], n, [0.996, 0.004]), MED)
    t.col("ZD006", g.pick([200, 300, 400], n, [0.2, 0.3, 0.5]), MED, note="volume donated (ml): physiological record")
    t.col("ZD007", g.dates(D(2025, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("ZD008", g.pick(["西湖献血屋", "武林广场献血车", "城站献血屋", "血液中心本部"], n), org(), note="donation site (facility)")
    t.col("ZD009", g.pick(["合格", "合格", "合格", "ALT升高", "HBsAg阳性", "抗-HCV阳性", "梅毒阳性"], n, [0.9, 0.02, 0.02, 0.03, 0.01, 0.01, 0.01]),
          MED, note="screening result")
    t.col("ZD010", A(int(p) for p in g.mobiles(n)), PHONE, tags=("int",))


# =========================================================================== civil affairs: marriage, funeral, elderly care
@table("civil_marriage_registrations", "civil", "people", "婚姻登记信息", "csv", 2600, "mixed", enc="utf-8", delim=",")
def _(t):
    g, n = t.g, t.n
    M = g.persons(n, age=(22, 70), female=0.0)
    F = g.persons(n, age=(20, 68), female=1.0)
    typ = g.pick(["结婚", "离婚", "补领结婚证"], n, [0.7, 0.25, 0.05])
    t.col("登记类型", typ, MARITAL, note="rule 7")
    t.col("证件字号", A(f"{'J' if x != '离婚' else 'L'}{c}-{y}-{k:06d}" for x, c, y, k in zip(typ, M["region"], g.ints(2024, 2026, n), g.ints(0, 999999, n))),
          PID, note="marriage/divorce certificate number (certificate of a person)")
    t.col("男方姓名", M["name"], NAME)
    docs = M["id"].copy()
    for i in np.nonzero(g.chance(0.02, n))[0]:
        docs[i] = "H" + g.digits(8)
    t.col("男方证件号码", docs, ID, tags=("mixed_docs",))
    t.col("男方国籍", g.pick(["中国", "中国", "中国", "中国香港"], n, [0.97, 0.0, 0.0, 0.03]), ENUM_Q)
    t.col("女方姓名", F["name"], NAME)
    t.col("女方证件号码", F["id"], ID)
    t.col("女方学历", g.pick(EDU_LIST, n), EDU)
    t.col("登记日期", g.dates(D(2024, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("登记机关", A(f"{c}民政局婚姻登记处" for c in M["county"]), ORG_Q)
    t.col("登记员", g.names(n), NAME)


@table("civil_cremation_records", "civil", "people", "遗体火化登记", "csv", 1800, "opaque", enc="utf-8", delim="\t")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(30, 102), old_code=0.15)
    K = g.persons(n, age=(25, 75))
    t.col("col_1", A(f"HH{y}{k:06d}" for y, k in zip(g.ints(2024, 2026, n), g.ints(0, 999999, n))), PID, note="火化证编号 (certificate of a deceased person)")
    t.col("col_2", P["name"], NAME, note="deceased (rule 15)")
    t.col("col_3", P["sex"], GENDER)
    t.col("col_4", P["age"], AGE)
    t.col("col_5", P["id"], ID)
    t.col("col_6", g.pick(["心力衰竭", "脑出血", "肺癌", "多器官功能衰竭", "交通事故", "肝癌", "呼吸衰竭", "自然死亡"], n), MED, note="cause of death")
    t.col("col_7", g.dates(D(2024, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("col_8", K["name"], NAME, note="family member who handled it")
    t.col("col_9", A(spaced_phone(p) if s else p for p, s in zip(g.mobiles(n), g.chance(0.2, n))), PHONE, tags=("spaced",))
    t.col("col_10", g.pick(["子女", "配偶", "孙子女", "兄弟姐妹", "其他"], n), ENUM_Q)
    t.col("col_11", g.pick(["骨灰寄存", "公墓安葬", "生态葬", "带回"], n), OTHER)
    t.col("col_12", g.pick(["无", "佛教", "基督教", "道教", "天主教", "伊斯兰教"], n, [0.8, 0.1, 0.05, 0.02, 0.02, 0.01]), ("sensitive", "RELIGION", "sensitive"),
          note="religious rite chosen for the funeral reveals the deceased's religion")


@table("civil_elderly_care_subsidies", "civil", "people", "困难失能老年人养老服务补贴", "csv", 1900, "initials", enc="gbk", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(60, 100), female=0.58)
    t.col("lrxm", P["name"], NAME)
    t.col("sfzhm", A(x if k > 0.08 else "000000000000000000" for x, k in zip(P["id"], g.r.random(n))), ID, tags=("placeholder",))
    t.col("nl", P["age"], AGE)
    t.col("snpgdj", g.pick(["能力完好", "轻度失能", "中度失能", "重度失能"], n, [0.2, 0.35, 0.3, 0.15]), MED, note="dependency level (rule 2)")
    t.col("btlx", g.pick(["低保老人", "低边老人", "特困供养", "失独老人", "高龄津贴"], n), WELFARE)
    t.col("btje", g.money(100, 1200, n), INCOME, dec=2)
    t.col("fwjg", g.org_names(P["ci"], ["居家养老服务中心", "颐养院"]), ORG_Q)
    t.col("jjlxr", g.names(n), NAME, note="emergency contact")
    t.col("jjlxrdh", g.mobiles(n), PHONE)
    t.col("jzdz", g.addresses(P["ci"]), ADDR)
    t.col("sqjw", P["county"], REGION_Q)


@table("civil_nursing_homes", "civil", "organisations", "养老机构基本信息", "jsonl", 650, "english_camel")
def _(t):
    g, n = t.g, t.n
    ci = g.r.integers(0, len(COUNTIES), size=n)
    t.col("instName", A(f"{COUNTIES[int(c)][2][:-1]}{w}养老院" for c, w in zip(ci, g.pick(["颐乐", "福寿", "康乐", "夕阳红", "社会福利中心"], n))), org("ORG_NAME"))
    t.col("creditCode", g.usccs([COUNTIES[int(c)][0] for c in ci], prefix="52"), org("USCC"), note="private non-enterprise unit (52)")
    t.col("bedCount", g.ints(20, 800, n), OTHER)
    t.col("address", A(g.org_address(int(c)) for c in ci), org("ADDRESS"))
    t.col("lng", A(round(119.0 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("lat", A(round(27.5 + x, 6) for x in g.r.uniform(0, 3, n)), org("PRECISE_LOCATION"))
    t.col("director", g.names(n), NAME)
    t.col("directorMobile", g.mobiles(n), PHONE)
    t.col("dutyPhone", g.landlines([COUNTIES[int(c)][1] for c in ci]), org("PHONE_NUMBER"))
    t.col("monthlyFeeMin", g.ints(1500, 6000, n), OTHER, note="catalogue price")
    t.col("starRating", g.pick(["一星", "二星", "三星", "四星", "五星", "未评定"], n), OTHER)


# =========================================================================== rural affairs, grid governance
@table("rural_low_income_households", "rural", "people", "低收入农户帮扶台账", "xlsx", 1500, "chinese",
       title_row="低收入农户动态监测帮扶台账（2026年）")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(30, 90))
    t.col("户编号", A(f"{c}{k:08d}" for c, k in zip(P["region"], g.ints(0, 99999999, n))), PID, note="household number (rule 1)")
    t.col("户主姓名", P["name"], NAME)
    t.col("户主身份证", P["id"], ID)
    t.col("家庭人口数", g.ints(1, 7, n), ENUM_Q)
    t.col("致贫原因", g.pick(["因病", "因残", "缺劳力", "因学", "因灾", "缺技术"], n), WELFARE, note="rule 5")
    t.col("人均可支配收入", g.money(6000, 20000, n), INCOME, dec=2)
    t.col("所在村", A(f"{c}{v}" for c, v in zip(P["county"], g.pick(["前村", "后周村", "上塘村", "梅林村", "石门村"], n))), REGION_Q)
    t.col("开户银行", g.pick(["农商银行", "邮储银行", "农业银行"], n), ORG_Q)
    t.col("银行卡号", A(mask_card(c) if m else c for c, m in zip(g.bank_cards(n), g.chance(0.1, n))), CARD, tags=("masked",))
    t.col("帮扶责任人", g.names(n), NAME)
    t.col("帮扶人电话", g.mobiles(n), PHONE)


@table("grid_home_visits", "grid", "people", "网格员走访记录", "csv", 2400, "initials", enc="utf-8", delim="|")
def _(t):
    g, n = t.g, t.n
    P = g.persons(1200, age=(16, 96))
    ix = t.people_idx(1200)
    W = g.names(60)
    wi = g.r.integers(0, 60, size=n)
    t.col("wgyxm", W[wi], NAME, note="grid worker")
    t.col("wgygh", A(f"WG{k:05d}" for k in g.ints(0, 99999, 60))[wi], PID, note="grid worker staff number")
    t.col("zfdx", P["name"][ix], NAME)
    t.col("dxsfzh", P["id"][ix], ID)
    t.col("zfdz", g.addresses(P["ci"])[ix], ADDR)
    t.col("jd", A(round(120.0 + x, 6) for x in g.r.uniform(0, 1, 1200))[ix], HOMELOC, note="coordinates of the visited home (rule 8)")
    t.col("wd", A(round(29.9 + x, 6) for x in g.r.uniform(0, 0.5, 1200))[ix], HOMELOC)
    t.col("zfsj", g.datetimes(D(2026, 6, 1), D(2026, 11, 28), n), EVENT_Q)
    nm = P["name"][ix]
    txt = A(f"{x}{s}" for x, s in zip(nm, g.pick(["独居，患高血压，按时服药，无异常。", "家中老人卧床，已联系社区医生上门。", "居住情况正常，无矛盾纠纷。",
                                                     "反映楼道灯损坏，已上报。", "精神状况稳定，家属陪护。", "子女在外务工，生活能自理。"], n)))
    t.col("zfqk", txt, ("sensitive", "FREE_TEXT", "sensitive"), tags=("free_text",),
          note="visit notes naming the person; about half mention an illness or care need (no single entity dominates)")
    t.col("sqmc", A(f"{c}{s}社区" for c, s in zip(P["county"][ix], g.pick(["城东", "北山", "临江", "新塘"], n))), REGION_Q)


@table("grid_event_stats", "grid", "aggregate", "网格事件分类统计（月）", "parquet", 220, "english_snake")
def _(t):
    g, n = t.g, t.n
    cats = ["矛盾纠纷", "安全隐患", "环境卫生", "治安问题", "民生诉求", "特殊人群服务", "消防隐患", "违章建筑", "道路设施", "其他", "信访维稳"]
    rows = [(c, k) for c in COUNTIES[:20] for k in cats]
    t.col("district", A(r[0][2] for r in rows), org("REGION"))
    t.col("event_category", A(r[1] for r in rows), org())
    t.col("month", ["2026-10"] * n, org("EVENT_DATE"))
    t.col("reported", g.ints(0, 900, n), org())
    t.col("closed", g.ints(0, 900, n), org())
    t.col("close_rate", A(round(float(x), 4) for x in g.r.uniform(0.8, 1.0, n)), org())


# =========================================================================== additions: exit-entry, ticket orders, water permits
@table("police_exit_entry_documents", "police", "people", "出入境证件签发记录", "csv", 1600, "mixed", enc="utf-8-sig", delim="\t")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(16, 80))
    typ = g.pick(["普通护照", "往来港澳通行证", "往来台湾通行证"], n, [0.5, 0.4, 0.1])
    t.col("申请人XM", P["name"], NAME)
    t.col("sfz号码", P["id"], ID)
    t.col("证件类别", typ, OTHER)
    t.col("证件No", A(("E" + g.digits(8)) if x == "普通护照" else ("C" + g.digits(8) if x == "往来港澳通行证" else "L" + g.digits(8)) for x in typ),
          PASSPORT, note="exit-entry documents incl. HK/Macao and Taiwan permits (rule 10)")
    t.col("签发日期", g.dates(D(2020, 1, 1), D(2026, 11, 25), n), EVENT_Q)
    t.col("有效期至", g.dates(D(2026, 12, 1), D(2036, 11, 25), n), EVENT_Q)
    t.col("手机tel", g.mobiles(n), PHONE)
    t.col("前往地", g.pick(["香港", "澳门", "台湾", "日本", "泰国", "美国", "欧洲"], n), ENUM_Q, note="declared destination of a single trip")
    t.col("受理单位", A(f"{c}公安局出入境管理大队" for c in P["county"]), ORG_Q)


@table("culture_scenic_ticket_orders", "culture", "people", "景区实名制门票订单", "jsonl", 2500, "english_camel", minors=True)
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(5, 75), migrant=0.5)
    t.col("orderId", A(f"T{k:015d}" for k in g.ints(0, 999999999999999, n)), OTHER, note="order serial (rule 1)")
    t.col("visitorName", P["name"], NAME)
    t.col("visitorIdNo", A(mask_id(x) if m else x for x, m in zip(P["id"], g.chance(0.5, n))), ID, tags=("masked",))
    t.col("buyerMobile", g.mobiles(n), PHONE)
    t.col("buyerEmail", g.sparse(A(f"{k}@{d}" for k, d in zip(g.ints(100000, 2999999999, n), g.pick(["qq.com", "163.com", "gmail.com", "outlook.com"], n))), 0.6),
          EMAIL, tags=("sparse",))
    from checks import luhn_check_digit
    cc = []
    for k in g.r.random(n):
        p = ("4" + g.digits(14)) if k < 0.5 else (g.py.choice(["51", "52", "53", "54", "55"]) + g.digits(13))
        cc.append(p + luhn_check_digit(p))
    pay = g.pick(["支付宝", "微信", "信用卡"], n, [0.5, 0.4, 0.1])
    t.col("cardNo", A(c if p == "信用卡" else None for c, p in zip(cc, pay)), ("sensitive", "CREDIT_CARD", "direct"), tags=("sparse",))
    t.col("payChannel", pay, OTHER)
    t.col("amount", g.pick([60.0, 80.0, 120.0, 150.0, 30.0], n), INCOME, dec=2, note="personal transaction (rule 3); the price tier itself is catalogue")
    t.col("clientIp", A(".".join(str(int(x)) for x in g.r.integers(1, 255, size=4)) for _ in range(n)), ("personal", "IP_ADDRESS", "direct"))
    t.col("scenicSpot", g.pick(["西湖风景名胜区", "千岛湖景区", "乌镇景区", "雁荡山景区", "横店影视城", "普陀山景区"], n), ORG_Q)
    t.col("visitDate", g.dates(D(2026, 5, 1), D(2026, 11, 30), n), EVENT_Q)


@table("water_abstraction_permits", "water", "mixed", "取水许可证登记", "csv", 600, "initials", enc="gbk", delim=",")
def _(t):
    g, n = t.g, t.n
    P = g.persons(n, age=(30, 75))
    comp = g.chance(0.75, n)
    orgs = g.org_names(P["ci"], ["水务", "供水", "食品", "印染", "农业开发"])
    t.col("qsqr", A(o if c else p for p, o, c in zip(P["name"], orgs, comp)), NAME,
          note="permit holders: 75% companies, 25% farmers (natural persons): a column that holds persons' names is personal")
    t.col("qsxkzh", A(f"D33{COUNTIES[int(c)][0][2:]}S{y}-{k:04d}" for c, y, k in zip(P["ci"], g.ints(2018, 2026, n), g.ints(1, 9999, n))), OTHER)
    t.col("qsdd", A(f"{c}{v}" for c, v in zip(P["county"], g.pick(["溪口村", "大桥村", "工业园区", "梅林村"], n))), org("ADDRESS"), note="abstraction site")
    t.col("qsl", g.money(1, 500, n, dec=1), OTHER, note="permitted volume (10^4 m3/year)")
    t.col("fzr", P["name"], NAME, note="person in charge / holder's name")
    t.col("lxdh", A(p if not c or k < 0.6 else l for p, l, c, k in zip(g.mobiles(n), g.landlines(P["city"]), comp, g.r.random(n))), PHONE,
          note="~70% mobiles (rule 12)")
    t.col("sylx", g.pick(["农业灌溉", "工业用水", "生活用水", "水产养殖"], n), OTHER)
