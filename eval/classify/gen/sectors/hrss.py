"""人力资源和社会保障: payroll, pensions, unemployment insurance, contribution bases, job fairs, wage statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (AGE, CARD, DOB, EMAIL, ENUM_Q, EVENT_Q, GENDER, ID, INCOME, NAME, OCC, ORG_Q, OTHER, PHONE,
                     PASSPORT, PID, REGION_Q, STAT, org, table)
from ..values import (gender_text, mapv, mask_card, mixed_mobiles, spaced_card, sparse)

PAY_MONTH = ("none", "EVENT_DATE", "other")


@table("hrss_payroll", "hrss", "people", "事业单位工资发放明细表", "xlsx", 1800, "chinese")
def payroll(t):
    g = t.g
    staff = 150
    P = g.persons(staff, 23, 60, local=0.9)
    rank = g.choice(["管理岗七级", "管理岗八级", "专业技术岗十级", "专业技术岗八级", "专业技术岗六级", "工勤技能岗三级", "管理岗五级"], staff,
                    [0.15, 0.15, 0.25, 0.18, 0.1, 0.1, 0.07])
    dept = g.choice(["办公室", "财务科", "人事科", "业务一科", "业务二科", "信息中心", "后勤服务中心"], staff)
    base = {"管理岗五级": 2950, "管理岗七级": 2200, "管理岗八级": 1990, "专业技术岗六级": 2540, "专业技术岗八级": 2200,
            "专业技术岗十级": 1990, "工勤技能岗三级": 1900}
    step = g.ints(600, 2600, staff)
    cards = np.array([g.bank_card(["622202", "621226"], 19) for _ in range(staff)], dtype=object)
    idx = np.repeat(np.arange(staff), 12)
    month = np.tile(np.arange(1, 13), staff)
    post = np.array([base[r] for r in rank], dtype=float)[idx]
    level = step[idx].astype(float)
    allow = np.round(g.r.uniform(2800, 4200, staff))[idx]
    perf = np.round(g.r.normal(3500, 900, t.n).clip(800, 9000), -1)
    gross = post + level + allow + perf
    pension = np.round(gross * 0.08, 2)
    medical = np.round(gross * 0.02, 2)
    fund = np.round(gross * 0.12)
    tax = np.round(np.maximum(0, gross - pension - medical - fund - 5000) * 0.03, 2)
    net = np.round(gross - pension - medical - fund - tax, 2)
    t.col("工号", t.take(mapv(lambda i: f"{i:05d}", np.arange(1001, 1001 + staff)), idx), PID, note="employee number")
    t.col("姓名", t.take(P.name, idx), NAME)
    t.col("身份证号", t.take(P.id, idx), ID)
    t.col("部门", t.take(dept, idx), ENUM_Q, note="internal department of the employee")
    t.col("岗位等级", t.take(rank, idx), OCC)
    t.col("发放月份", mapv(lambda m: f"2024-{m:02d}", month), PAY_MONTH, note="pay period")
    for name, values in [("岗位工资", post), ("薪级工资", level), ("岗位津贴", allow), ("绩效工资", perf), ("应发工资", gross),
                         ("养老保险个人缴纳", pension), ("医疗保险个人缴纳", medical), ("住房公积金个人缴存", fund),
                         ("代扣个税", tax), ("实发工资", net)]:
        t.col(name, values.astype(float), INCOME, dec=2)
    t.col("银行卡号", t.take(np.where(g.flag(0.25, staff), mapv(lambda c: mask_card(c, False), cards), cards), idx), CARD,
          tags=("masked",))


@table("hrss_pension_payments", "hrss", "people", "企业职工基本养老金发放明细", "parquet", 3000, "initials")
def pension_payments(t):
    g = t.g
    P = g.persons(t.n, 55, 98, local=0.95)
    retire = mapv(lambda b, s: dt.date(b.year + (60 if s == "1" else g.one([50, 55])), b.month, min(b.day, 28)), P.birth, P.sex)
    cards = np.array([g.bank_card() for _ in range(t.n)], dtype=object)
    t.col("grbh", np.array([f"33{x:010d}" for x in g.r.choice(10**10, t.n, replace=False)], dtype=object), PID,
          note="social-insurance personal number (internal person identifier)")
    t.col("xm", P.name, NAME)
    t.col("sfzh", P.id, ID)
    t.col("xb", gender_text(P.sex, "code"), GENDER)
    t.col("csrq", P.birth, DOB, ptype="date")
    t.col("txrq", retire, EVENT_Q, ptype="date", note="retirement date")
    t.col("txlb", g.choice(["企业职工退休", "企业职工退职", "灵活就业人员退休", "机关事业单位退休"], t.n, [0.7, 0.03, 0.2, 0.07]), OTHER)
    t.col("ylj", g.lognormal_amounts(t.n, 3300, 0.35, 1600, 14000), INCOME, note="monthly pension")
    t.col("ffyf", np.full(t.n, 202409), PAY_MONTH, note="pay month stored as an integer yyyymm", ptype="int")
    t.col("khyh", g.choice(["中国工商银行", "中国农业银行", "中国建设银行", "中国银行", "浙江农商银行", "中国邮政储蓄银行"], t.n), org("ORG_NAME"))
    t.col("yhzh", np.where(g.flag(0.2, t.n), mapv(mask_card, cards), cards), CARD, tags=("masked",))
    t.col("sbkh", P.id, ID, note="social-security card number = resident ID number in mainland China")
    t.col("sjhm", np.where(g.flag(0.9, t.n), mapv(int, P.mobile), None), PHONE, tags=("int",), ptype="int")
    t.col("jzqx", mapv(lambda c: V.DISTRICTS[c], P.district), REGION_Q, note="county of residence")


@table("hrss_unemployment_insurance", "hrss", "people", "失业保险金申领发放", "csv", 700, "english_snake", delim=";")
def unemployment_insurance(t):
    g = t.g
    P = g.persons(t.n, 20, 59)
    start = g.dates(t.n, dt.date(2023, 1, 1), dt.date(2025, 10, 31))
    months = g.ints(3, 24, t.n)
    emp_codes = g.choice(list(V.DISTRICTS), 200)
    employers = np.array([g.company_name(c) for c in emp_codes], dtype=object)
    uscc = np.array([g.uscc("91", c) for c in emp_codes], dtype=object)
    e = g.ints(0, 199, t.n)
    t.col("claimant_name", P.name, NAME)
    t.col("id_card_no", P.id, ID)
    t.col("gender", gender_text(P.sex, "mf"), GENDER)
    t.col("age", P.age, AGE)
    t.col("last_employer", employers[e], ORG_Q)
    t.col("employer_uscc", uscc[e], ("none", "USCC", "quasi"), note="employer of the claimant")
    t.col("contribution_months", np.maximum(12, np.minimum(g.ints(12, 240, t.n), (P.age - 18) * 12)), ENUM_Q)
    t.col("benefit_monthly", np.full(t.n, 2052.0) * g.choice([1.0, 1.0, 0.9], t.n).astype(float), INCOME, dec=2)
    t.col("benefit_months", months, OTHER)
    t.col("start_date", mapv(lambda d: d.isoformat(), start), EVENT_Q)
    t.col("end_date", mapv(lambda d, m: (d + dt.timedelta(days=int(m) * 30)).isoformat(), start, months), EVENT_Q)
    mob = mixed_mobiles(g, P.mobile, ["plain", "dash", "space", "+86", "fw", "pad"], [0.55, 0.1, 0.1, 0.1, 0.08, 0.07])
    t.col("mobile", mob, PHONE, tags=("dirty", "fullwidth"))
    cards = np.array([g.bank_card() for _ in range(t.n)], dtype=object)
    t.col("bank_card", np.where(g.flag(0.4, t.n), mapv(spaced_card, cards), cards), CARD, tags=("spaced",))
    t.col("reason_for_leaving", g.choice(["劳动合同期满终止", "用人单位解除", "协商一致解除", "单位破产", "被辞退"], t.n), OTHER)
    t.col("handler", g.choice(g.names(8), t.n), NAME, note="经办人: staff member")


@table("hrss_contribution_base", "hrss", "people", "企业职工社会保险缴费基数申报明细", "csv", 2200, "chinese")
def contribution_base(t):
    g = t.g
    P = g.persons(t.n, 18, 62)
    n_emp = 120
    codes = g.choice(list(V.DISTRICTS), n_emp)
    emp = np.array([g.company_name(c) for c in codes], dtype=object)
    uscc = np.array([g.uscc("91", c) for c in codes], dtype=object)
    sb = np.array([f"3301{g.digits(8)}" for _ in range(n_emp)], dtype=object)
    e = np.sort(g.r.choice(n_emp, t.n, p=(lambda w: w / w.sum())(g.r.pareto(1.5, n_emp) + 1)))
    t.col("单位名称", emp[e], ORG_Q, note="employer")
    t.col("统一社会信用代码", uscc[e], ("none", "USCC", "quasi"))
    t.col("单位社保编号", sb[e], OTHER)
    t.col("职工姓名", P.name, NAME)
    t.col("公民身份号码", P.id, ID)
    t.col("用工形式", g.choice(["劳动合同制", "劳务派遣", "退休返聘", "非全日制"], t.n, [0.8, 0.1, 0.05, 0.05]), ENUM_Q)
    t.col("缴费基数", np.clip(np.round(g.lognormal_amounts(t.n, 6800, 0.45)), 4462, 22311).astype(int), INCOME,
          note="contribution base derived from the employee's wage")
    t.col("险种", g.choice(["企业职工基本养老保险", "职工基本医疗保险", "失业保险", "工伤保险"], t.n), OTHER)
    t.col("缴费起始年月", g.choice(["202401", "202407", "202501", "202507"], t.n), EVENT_Q)
    t.col("参保状态", g.choice(["正常参保", "暂停缴费", "终止参保"], t.n, [0.9, 0.06, 0.04]), OTHER)
    t.col("field12", sparse(g, P.mobile, 0.8), PHONE, note="opaque column holding the employee's mobile")


@table("hrss_job_fair_enterprises", "hrss", "mixed", "春风行动招聘会参会企业岗位信息", "jsonl", 380, "pinyin")
def job_fair(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    lo = g.choice([4000, 5000, 6000, 7000, 8000, 10000, 12000], t.n).astype(int)
    t.col("qiyemingcheng", mapv(g.company_name, codes), org("ORG_NAME"))
    t.col("tongyishehuixinyongdaima", mapv(lambda c: g.uscc("91", c), codes), org("USCC"))
    t.col("zhaopingangwei", g.choice(["普工", "操作工", "销售代表", "会计", "质检员", "Java开发工程师", "电工", "仓管员", "客服专员", "厨师",
                                      "数控车床操作员", "外贸业务员"], t.n), STAT)
    t.col("zhaopinrenshu", g.ints(1, 50, t.n), STAT)
    t.col("xinzidaiyu", mapv(lambda x: f"{x}-{x + int(g.one([1000, 2000, 3000, 5000]))}元/月", lo), STAT,
          note="salary range offered for a post: not a person's income")
    t.col("xueliyaoqiu", g.choice(["不限", "初中及以上", "高中及以上", "大专及以上", "本科及以上"], t.n), org("EDUCATION"),
          note="requirement of a post")
    t.col("lianxiren", mapv(lambda n: n if g.pr.random() < 0.7 else n[0] + g.one(["先生", "女士", "经理"]), g.names(t.n)), NAME,
          note="liaison person; some written as 王女士/李经理")
    phone = np.where(g.flag(0.7, t.n), g.mobiles(t.n), mapv(lambda c: g.landline(c[:4]), codes))
    t.col("lianxidianhua", phone, PHONE, note="liaison's mobile (70%) or company landline (30%)")
    mail = np.where(g.flag(0.65, t.n), np.array([g.personal_email() for _ in range(t.n)], dtype=object),
                    np.array([g.org_email("com") for _ in range(t.n)], dtype=object))
    t.col("youxiang", mail, EMAIL, note="mostly the liaison's personal webmail, some company mailboxes")
    t.col("gongzuodidian", mapv(g.org_address, codes), org("ADDRESS"))


@table("hrss_foreign_work_permits", "hrss", "people", "外国人来华工作许可信息", "xlsx", 420, "english_camel")
def foreign_work_permits(t):
    g = t.g
    nat = g.choice(["美国", "英国", "德国", "法国", "日本", "韩国", "意大利", "西班牙", "澳大利亚"], t.n,
                   [0.2, 0.12, 0.14, 0.08, 0.16, 0.14, 0.06, 0.05, 0.05])
    sex = g.choice(["1", "2"], t.n, [0.68, 0.32])
    names = [g.foreign_person(n, s) for n, s in zip(nat, sex)]
    birth = g.birth_from_age(g.ints(24, 62, t.n))
    cat = g.choice(["A类（高端人才）", "B类（专业人才）", "C类（其他人员）"], t.n, [0.25, 0.7, 0.05])
    start = g.dates(t.n, dt.date(2023, 1, 1), dt.date(2025, 11, 30))
    codes = g.choice(list(V.DISTRICTS)[:23], 90)
    employers = np.array([g.company_name(c, g.one(["科技", "新材料", "医药", "信息技术", "机械", "文化传媒"])) for c in codes], dtype=object)
    t.col("fullName", np.array([f"{a} {b}" for a, b in names], dtype=object), NAME, note="SURNAME GIVEN")
    t.col("chineseName", np.where(g.flag(0.2, t.n), g.names(t.n), None), NAME, note="Chinese name some foreigners use",
          tags=("sparse",))
    t.col("gender", gender_text(sex, "mf"), GENDER)
    t.col("nationality", nat, ENUM_Q)
    t.col("birthDate", birth, DOB, ptype="date")
    t.col("passportNo", np.array([g.foreign_passport(n) for n in nat], dtype=object), PASSPORT)
    t.col("permitNo", np.array([f"{g.randint(1, 3)}330{x:012d}" for x in g.r.choice(10**12, t.n, replace=False)], dtype=object), PID,
          note="work-permit number of the person")
    t.col("employer", employers[g.ints(0, 89, t.n)], ORG_Q)
    t.col("position", g.choice(["研发工程师", "外籍教师", "技术总监", "市场经理", "设计师", "医生", "首席执行官"], t.n), OCC)
    t.col("category", cat, OTHER)
    t.col("annualSalary", np.round(g.lognormal_amounts(t.n, 420000, 0.5, 120000, 5e6), -3), INCOME, note="agreed annual salary")
    t.col("validFrom", start, EVENT_Q, ptype="date")
    t.col("validTo", mapv(lambda d: dt.date(d.year + g.one([1, 2, 3]), d.month, min(d.day, 28)), start), EVENT_Q, ptype="date")
    t.col("email", np.array([f"{b.lower()}.{a.lower()}@{g.one(['gmail.com', 'outlook.com', 'yahoo.co.jp', 'naver.com', 'web.de', 'qq.com'])}"
                             for a, b in names], dtype=object), EMAIL)
    t.col("mobile", g.mobiles(t.n), PHONE)


@table("hrss_average_wage_stats", "hrss", "aggregate", "分行业在岗职工年平均工资", "csv", 228, "chinese", delim="|")
def average_wage(t):
    g = t.g
    rows = [(y, ind, kind) for y in range(2019, 2025) for ind in V.INDUSTRIES for kind in ("非私营单位", "私营单位")]
    base = {ind: float(g.lognormal_amounts(1, 95000, 0.35)[0]) for ind in V.INDUSTRIES}
    t.col("年份", [r[0] for r in rows], STAT)
    t.col("行业", [r[1] for r in rows], STAT)
    t.col("单位类型", [r[2] for r in rows], STAT)
    t.col("平均工资（元）", [int(base[i] * (1.05 ** (y - 2019)) * (1 if k == "非私营单位" else 0.62)) for y, i, k in rows],
          org("PERSONAL_INCOME"), note="average wage of an industry: aggregate, not about a person")
    t.col("在岗职工人数（万人）", np.round(g.lognormal_amounts(len(rows), 30, 0.9, 0.5, 600), 1), STAT, dec=1)
    t.col("同比增长（%）", np.round(g.r.normal(5.2, 2.5, len(rows)), 1), STAT, dec=1)
