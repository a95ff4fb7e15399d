"""法院、司法与法律援助: legal aid, dishonest judgment debtors, community corrections, law firms,
court statistics, people's mediation."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ADDR, AGE, CRIME, ENUM_Q, ETHNIC, EVENT_Q, GENDER, ID, INCOME, NAME, ORG_Q, OTHER, PHONE,
                     REGION_Q, STAT, TRACK, WELFARE, org, table)
from ..texts import enforcement_text, mediation_text
from ..values import fmt_date, gender_text, mapv, mask_id, short_street


@table("justice_legal_aid", "justice", "people", "法律援助案件受理信息", "xlsx", 750, "chinese")
def legal_aid(t):
    g = t.g
    P = g.persons(t.n, 16, 85)
    kind = g.choice(["劳动争议", "婚姻家庭", "交通事故", "人身损害赔偿", "刑事辩护", "刑事被害人代理", "农民工讨薪", "赡养抚养"], t.n,
                    [0.22, 0.14, 0.1, 0.08, 0.22, 0.04, 0.15, 0.05])
    firms = [f"浙江{g.one(V.COMMUNITY_PREFIX)}{g.one(['律师事务所', '（杭州）律师事务所'])}" for _ in range(25)]
    lawyers = g.names(60)
    acc = g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 10, 31))
    t.col("受援人姓名", P.name, NAME)
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("年龄", P.age, AGE)
    t.col("身份证号", P.id, ID)
    t.col("民族", P.ethnicity, ETHNIC)
    t.col("户籍地", mapv(lambda h: V.ORIGINS.get(h) or (g.city_of(h) + V.DISTRICTS.get(h, V.OLD_DISTRICTS.get(h, ""))), P.hukou),
          REGION_Q)
    t.col("联系电话", P.mobile, PHONE)
    t.col("col_3", g.mobiles(t.n), PHONE, note="opaque column: mobile of the recipient's emergency contact")
    t.col("案件类型", kind, CRIME, note="'刑事辩护' reveals the aid recipient is a criminal defendant (judgement: sensitive)")
    t.col("受援人类别", g.choice(["低保对象", "特困人员", "残疾人", "农民工", "老年人", "未成年人", "其他经济困难人员"], t.n,
                                [0.12, 0.05, 0.1, 0.3, 0.12, 0.03, 0.28]), WELFARE, note="specific identity / welfare status")
    t.col("承办律师", g.choice(lawyers, t.n), NAME, note="lawyer handling the case")
    t.col("承办机构", g.choice(firms, t.n), org("ORG_NAME"))
    t.col("受理日期", acc, EVENT_Q, ptype="date")
    t.col("结案日期", mapv(lambda d: d + dt.timedelta(days=g.randint(20, 300)) if g.pr.random() < 0.8 else None, acc), EVENT_Q,
          ptype="date")
    t.col("结案方式", g.choice(["判决", "调解", "和解", "撤诉", "终止援助", "未结"], t.n), OTHER)


@table("justice_dishonest_debtors", "justice", "people", "失信被执行人名单（自然人）", "jsonl", 1500, "english_camel",
       note="published by courts, still personal information")
def dishonest_debtors(t):
    g = t.g
    P = g.persons(t.n, 22, 75)
    creditors = g.names(t.n)
    courts = [f"{g.city_of(c)}{V.DISTRICTS[c]}人民法院" for c in g.choice(list(V.DISTRICTS), 30)]
    ci = g.ints(0, 29, t.n)
    year = g.choice([2021, 2022, 2023, 2024, 2025], t.n).astype(int)
    t.col("debtorName", P.name, NAME, note="被执行人")
    t.col("gender", gender_text(P.sex, "cn"), GENDER)
    t.col("age", P.age, AGE)
    t.col("idCardNo", mapv(lambda s: mask_id(s, 2), P.id), ID, note="masked as published (3301061985****1234)", tags=("masked",))
    t.col("court", np.array(courts, dtype=object)[ci], ORG_Q)
    t.col("caseNo", mapv(lambda y, i: f"({y})浙{g.randint(100, 1199):04d}执{g.randint(1, 9999)}号", year, ci), ("personal", None, "quasi"),
          note="case number locates the person's court record")
    t.col("basisDocNo", mapv(lambda y: f"({y - 1})浙{g.randint(100, 1199):04d}民初{g.randint(1, 9999)}号", year), OTHER)
    t.col("obligation", mapv(lambda n, c: enforcement_text(g, n, c), P.name, creditors), ("sensitive", "FREE_TEXT", "direct"),
          note="names debtor and creditor and the debt amount (financial/credit information)", tags=("free_text",))
    t.col("performance", g.choice(["全部未履行", "部分履行"], t.n, [0.85, 0.15]), ("sensitive", None, "sensitive"),
          note="performance status: credit record of the person")
    t.col("dishonestBehavior", g.choice(["有履行能力而拒不履行生效法律文书确定义务", "违反财产报告制度", "违反限制消费令",
                                         "以伪造证据、暴力、威胁等方法妨碍、抗拒执行"], t.n, [0.7, 0.2, 0.06, 0.04]),
          ("sensitive", None, "sensitive"))
    t.col("publishDate", mapv(lambda y: (dt.date(int(y), 1, 1) + dt.timedelta(days=g.randint(30, 360))).isoformat(), year), EVENT_Q)
    t.col("province", np.full(t.n, "浙江", dtype=object), ENUM_Q)


@table("justice_community_corrections", "justice", "people", "社区矫正对象信息", "csv", 400, "initials", enc="gbk",
       newline="\r\n")
def community_corrections(t):
    g = t.g
    P = g.persons(t.n, 18, 75)
    kind = g.choice(["缓刑", "假释", "管制", "暂予监外执行"], t.n, [0.86, 0.08, 0.02, 0.04])
    crime = g.choice(V.CRIMES, t.n, V.CRIME_W)
    start = g.dates(t.n, dt.date(2023, 1, 1), dt.date(2025, 9, 30))
    lon, lat = g.coords_in(P.district, spread=(0.1, 0.07))
    t.col("xm", P.name, NAME)
    t.col("xb", gender_text(P.sex, "cn"), GENDER)
    t.col("sfzh", P.id, ID)
    t.col("csrq", mapv(lambda b: fmt_date(b, "compact"), P.birth), ("personal", "DATE_OF_BIRTH", "quasi"))
    t.col("zm", crime, CRIME, note="offence of conviction")
    probation = [("拘役三个月", "缓刑六个月", 183), ("有期徒刑六个月", "缓刑一年", 365), ("有期徒刑一年", "缓刑一年六个月", 548),
                 ("有期徒刑一年六个月", "缓刑二年", 730), ("有期徒刑二年", "缓刑三年", 1095), ("有期徒刑三年", "缓刑四年", 1461)]
    other = {"假释": [("有期徒刑三年", "", 400), ("有期徒刑五年", "", 700)], "管制": [("管制六个月", "", 183), ("管制一年", "", 365)],
             "暂予监外执行": [("有期徒刑二年", "", 500), ("有期徒刑三年", "", 800)]}
    sent = [g.one(probation) if k == "缓刑" else g.one(other[k]) for k in kind]
    t.col("yxq", np.array([a + ("，" + b if b else "") for a, b, _ in sent], dtype=object), CRIME, note="sentence")
    t.col("jzlb", kind, CRIME, note="correction category")
    t.col("jzqsrq", mapv(lambda d: d.isoformat(), start), EVENT_Q)
    t.col("jzzzrq", np.array([(d + dt.timedelta(days=s[2])).isoformat() for d, s in zip(start, sent)], dtype=object), EVENT_Q)
    t.col("jzdz", P.addr, ADDR, note="居住地址")
    t.col("sjhm", P.mobile, PHONE)
    t.col("sfs", mapv(lambda c: f"{V.DISTRICTS[c]}司法局{short_street(g.street(c))}司法所", P.district), ORG_Q)
    t.col("gps_jd", lon, TRACK, note="electronic-monitoring position (trajectory)", style="mixed")
    t.col("gps_wd", lat, TRACK, style="mixed")
    t.col("dwsj", g.datetimes(t.n, dt.date(2025, 12, 1), dt.date(2025, 12, 20), hours=(0, 24)), EVENT_Q, note="position time")


@table("justice_law_firms", "justice", "mixed", "律师事务所执业信息", "parquet", 350, "english_camel")
def law_firms(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    t.col("firmName", mapv(lambda c: f"{'浙江' if g.pr.random() < 0.6 else g.city_of(c)[:-1]}{g.pick(V.BRAND_CHARS, 2)}律师事务所", codes),
          org("ORG_NAME"))
    t.col("creditCode", mapv(lambda c: g.uscc("31", c), codes), org("USCC"), note="31-prefixed: law firm")
    t.col("licenseNo", np.array([f"3{c[:4]}{g.randint(1995, 2024)}{g.digits(5)}" for c in codes], dtype=object), STAT)
    t.col("firmType", g.choice(["普通合伙", "特殊普通合伙", "个人", "国资"], t.n, [0.7, 0.05, 0.23, 0.02]), STAT)
    t.col("director", g.names(t.n), NAME, note="负责人")
    t.col("directorMobile", g.mobiles(t.n), PHONE)
    t.col("address", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("officePhone", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"))
    t.col("lawyerCount", g.lognormal_amounts(t.n, 12, 0.9, 1, 600, 1).astype(int), STAT)
    t.col("foundedDate", g.dates(t.n, dt.date(1993, 1, 1), dt.date(2025, 6, 30)), org("EVENT_DATE"), ptype="date")


@table("justice_court_case_stats", "justice", "aggregate", "全省法院收结案情况统计", "csv", 390, "chinese")
def court_case_stats(t):
    g = t.g
    courts = ["浙江省高级人民法院"] + [f"{V.CITIES[c][0]}中级人民法院" for c in V.CITIES] + ["杭州互联网法院"]
    rows = [(c, y, k) for c in courts for y in range(2019, 2025) for k in ("刑事", "民事", "行政", "执行", "国家赔偿")]
    filed = np.array([int(g.lognormal_amounts(1, {"刑事": 3000, "民事": 40000, "行政": 1500, "执行": 30000, "国家赔偿": 20}[k], 0.5)[0])
                      for _, _, k in rows])
    closed = (filed * g.r.uniform(0.85, 0.99, len(rows))).astype(int)
    t.col("法院", [r[0] for r in rows], org("ORG_NAME"))
    t.col("年度", [r[1] for r in rows], STAT)
    t.col("案件类型", [r[2] for r in rows], STAT)
    t.col("收案数", filed, STAT)
    t.col("结案数", closed, STAT)
    t.col("结案率(%)", np.round(closed / np.maximum(filed, 1) * 100, 2), STAT, dec=2)


@table("justice_mediation_cases", "justice", "people", "人民调解案件登记", "csv", 600, "pinyin", delim="|")
def mediation_cases(t):
    g = t.g
    A = g.persons(t.n, 20, 80)
    B = g.persons(t.n, 20, 80)
    t.col("anjianbianhao", np.array([f"TJ{g.one(['2024', '2025'])}{g.digits(5)}" for _ in range(t.n)], dtype=object), OTHER)
    t.col("shenqingren", A.name, NAME)
    t.col("shenqingrendianhua", A.mobile, PHONE)
    t.col("beishenqingren", B.name, NAME)
    text = mapv(lambda a, b, ad: mediation_text(g, a, b, ad), A.name, B.name, A.addr)
    kinds = (("邻居", "邻里纠纷"), ("租赁", "合同纠纷"), ("电动车", "损害赔偿纠纷"), ("装修", "合同纠纷"), ("夫妻", "婚姻家庭纠纷"))
    t.col("jiufenleixing", mapv(lambda x: next(k for w, k in kinds if w in x), text), OTHER)
    t.col("jiufenjianyaoqingkuang", text, NAME,
          note="summary always names both parties; some give an address", tags=("free_text",))
    t.col("tiaojieyuan", g.choice(g.names(30), t.n), NAME, note="mediator")
    t.col("tiaojiezuzhi", mapv(lambda c: f"{V.DISTRICTS[c]}{g.street(c)}人民调解委员会", A.district), ORG_Q)
    t.col("tiaojiejieguo", g.choice(["调解成功", "调解成功", "调解不成功", "终止调解"], t.n), OTHER)
    t.col("xieyijine", np.where(g.flag(0.55, t.n), np.round(g.lognormal_amounts(t.n, 5000, 1.0, 200, 300000)), None), INCOME,
          note="amount agreed between the parties (personal financial information)", tags=("sparse",))
    t.col("shouliriqi", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 12, 10))), EVENT_Q)
