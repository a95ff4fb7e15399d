"""人口与户籍（含民族宗教）: household register, births, migrants, ID cards, statistics, religion."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (
    ADDR,
    AGE,
    DOB,
    EDU,
    ETHNIC,
    EVENT_Q,
    GENDER,
    ID,
    MARITAL,
    MED,
    NAME,
    OCC,
    ORG_Q,
    OTHER,
    PHONE,
    PID,
    REGION_Q,
    RELIGION,
    STAT,
    org,
    table,
)
from ..values import REF, fmt_date, gender_text, mapv, mixed_dates, mixed_mobiles, short_street, sparse


def _households(g, n_rows):
    """Members of households (head, spouse, children, parents) sharing address and surname."""
    rows = []
    hh_no = 0
    while len(rows) < n_rows:
        hh_no += 1
        code = g.one(list(V.DISTRICTS))
        region = code if g.pr.random() < 0.9 else g.one(list(V.OLD_DISTRICTS))
        addr = g.home_address(code, with_province=False)
        station = f"{g.city_of(code)}公安局{V.DISTRICTS[code]}分局{short_street(g.street(code))}派出所"
        head_age = g.randint(24, 88)
        head_sex = g.one(["1", "2"], [0.72, 0.28])
        head = dict(rel="户主", age=head_age, sex=head_sex)
        members = [head]
        if head_age > 23 and g.pr.random() < 0.8:
            members.append(dict(rel="配偶", age=max(20, head_age + g.randint(-6, 4)), sex="2" if head_sex == "1" else "1"))
        if head_age < 62:
            for _ in range(int(g.one([0, 1, 2, 3], [0.2, 0.45, 0.3, 0.05]))):
                a = head_age - g.randint(22, 38)
                if a >= 0:
                    s = g.one(["1", "2"])
                    members.append(dict(rel="子" if s == "1" else "女", age=a, sex=s))
        if head_age < 55 and g.pr.random() < 0.12:
            s = g.one(["1", "2"])
            members.append(dict(rel="父亲" if s == "1" else "母亲", age=head_age + g.randint(24, 34), sex=s))
        if head_age > 58 and g.pr.random() < 0.2:
            s = g.one(["1", "2"])
            members.append(dict(rel="孙子" if s == "1" else "孙女", age=g.randint(0, 12), sex=s))
        ages = np.array([m["age"] for m in members])
        births = g.birth_from_age(ages)
        father_surname = None
        for m, b in zip(members, births):
            m["birth"] = b
            m["name"] = g.name(m["sex"], b.year)
            if m["rel"] in ("户主",) and m["sex"] == "1":
                father_surname = m["name"][0]
        for m in members:
            if father_surname and m["rel"] in ("子", "女", "孙子", "孙女") and g.pr.random() < 0.85:
                m["name"] = father_surname + m["name"][1:]
            m["id"] = g.resident_id(region if m["rel"] != "配偶" or g.pr.random() < 0.7 else g.one(list(V.DISTRICTS) + list(V.ORIGINS)), m["birth"], m["sex"])
            m["hh"] = f"{code}{hh_no:06d}"
            m["addr"] = addr
            m["code"] = code
            m["station"] = station
        rows.extend(members)
    return rows[:n_rows]


@table("population_household_register", "population", "people", "常住人口户籍登记信息", "csv", 2500, "initials",
       enc="gbk", newline="\r\n", minors=True)
def household_register(t):
    g = t.g
    rows = _households(g, t.n)
    col = lambda k: np.array([r[k] for r in rows], dtype=object)  # noqa: E731
    ages, births, sexes = col("age"), col("birth"), col("sex")
    t.col("hh", col("hh"), PID, note="household number: identifies a household and, with yhzgx, each member")
    t.col("xm", col("name"), NAME)
    t.col("xb", sexes, GENDER, note="GB/T 2261.1 codes")
    t.col("mz", mapv(lambda e: V.ETHNIC_CODE.get(e, "01"), g.choice(V.ETHNICITIES, t.n, V.ETHNIC_W)), ETHNIC,
          note="GB 3304 two-digit codes")
    t.col("csrq", mapv(lambda b: fmt_date(b, "compact"), births), DOB)
    ids = col("id")
    low = g.flag(0.4, t.n)
    t.col("gmsfhm", np.where(low, mapv(str.lower, ids), ids), ID, tags=("lowercase_x",))
    t.col("yhzgx", col("rel"), ("none", None, "quasi"), note="relationship to the householder")
    t.col("whcd", g.education(ages, births), EDU)
    mar = g.marital(ages)
    t.col("hyzk", mapv(lambda m: V.MARITAL_CODE[m], mar), MARITAL, note="GB/T 2261.2 codes")
    occ = mapv(lambda a: "学生" if 6 <= a < 19 else ("" if a < 6 else g.one(V.OCC_GB6565 + ["离退休人员"] * 2)), ages)
    t.col("zy", np.where(occ == "", None, occ), OCC)
    emp = mapv(lambda a: g.company_name() if 20 <= a < 60 and g.pr.random() < 0.7 else None, ages)
    t.col("fwcs", emp, ORG_Q, note="employer (服务处所) of the person")
    t.col("hjdz", col("addr"), ADDR)
    mob = g.mobiles(t.n)
    t.col("sjhm", np.where(ages >= 14, mob, None), PHONE)
    t.col("sspcs", col("station"), ORG_Q, note="police station of registration (reveals area of residence)")
    reg = mapv(lambda b: max(b, dt.date(1992, 1, 1)) + dt.timedelta(days=g.randint(0, 400)), births)
    reg = mapv(lambda d: min(d, REF), reg)
    t.col("djrq", mapv(lambda d: d.isoformat(), reg), EVENT_Q)
    moved = sparse(g, g.dates(t.n, dt.date(2020, 1, 1), dt.date(2025, 12, 20)), 0.04)
    t.col("qcrq", mapv(lambda d: None if d is None else d.isoformat(), moved), EVENT_Q, tags=("sparse",))


@table("population_birth_registration", "population", "people", "出生医学证明签发登记", "xlsx", 800, "chinese",
       minors=True, title_row="2024年度出生医学证明签发登记表")
def birth_registration(t):
    g = t.g
    n = t.n
    births = g.dates(n, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    sex = g.choice(["1", "2"], n, [0.52, 0.48])
    mothers = g.persons(n, ages=g.ints(21, 42, n), local=0.75, sex="2")
    fathers = g.persons(n, ages=np.minimum(mothers.age + g.ints(-2, 7, n), 55), local=0.8, sex="1")
    hospital_code = mothers.district
    t.col("出生医学证明编号", np.array([g.one(list("OPQR")) + "33" + g.digits(8) for _ in range(n)], dtype=object), PID,
          note="birth certificate serial: a document number about the child")
    baby_names = np.array([fathers.name[i][0] + g.name(s, 2024)[1:] for i, s in enumerate(sex)], dtype=object)
    baby_names = np.where(g.flag(0.06, n), "待定", baby_names)
    t.col("新生儿姓名", baby_names, NAME, tags=("placeholder",))
    t.col("性别", gender_text(sex, "cn"), GENDER)
    t.col("出生日期", births, ("personal", "DATE_OF_BIRTH", "quasi"), ptype="date")
    t.col("出生时间", np.array([f"{h:02d}:{m:02d}" for h, m in zip(g.ints(0, 23, n), g.ints(0, 59, n))], dtype=object), DOB,
          note="time of birth, part of the birth date")
    weeks = np.clip(np.round(g.r.normal(39, 1.3, n)), 30, 42).astype(int)
    t.col("出生孕周", weeks, MED, note="gestation: birth/pregnancy information is health information (GB/T 35273 Annex B)")
    t.col("出生体重（克）", np.clip(np.round(g.r.normal(3300, 420, n) / 10) * 10, 1300, 4900).astype(int), MED,
          note="physiological measurement of the child")
    t.col("出生身长（厘米）", np.clip(np.round(g.r.normal(50, 1.8, n)), 42, 56).astype(int), MED)
    t.col("助产机构", mapv(g.hospital_name, hospital_code), ORG_Q)
    t.col("母亲姓名", mothers.name, NAME)
    t.col("母亲身份证件号码", mothers.id, ID)
    t.col("母亲年龄", mothers.age, AGE)
    t.col("父亲姓名", sparse(g, fathers.name, 0.93), NAME)
    t.col("父亲身份证件号码", sparse(g, fathers.id, 0.9), ID)
    t.col("家庭住址", mothers.addr, ADDR)
    t.col("联系电话", mapv(int, mothers.mobile), PHONE, note="stored as numbers", tags=("int",), ptype="int")
    issue = mapv(lambda b: b + dt.timedelta(days=g.randint(1, 40)), births)
    t.col("签发日期", issue, EVENT_Q, ptype="date")


@table("population_stats_by_district", "population", "aggregate", "各县（市、区）户籍人口统计", "csv", 186, "chinese",
       enc="utf-8-sig")
def stats_by_district(t):
    g = t.g
    codes = [c for c in V.DISTRICTS][:62]
    years = [2022, 2023, 2024]
    code_col = np.array([c for c in codes for _ in years], dtype=object)
    year_col = np.array([y for _ in codes for y in years], dtype=object)
    base = {c: int(g.lognormal_amounts(1, 420000, 0.6, 90000, 1800000, 1)[0]) for c in codes}
    pop = np.array([int(base[c] * (1 + 0.006 * (y - 2022))) for c, y in zip(code_col, year_col)])
    t.col("行政区划代码", code_col, org("REGION"))
    t.col("区县", mapv(lambda c: V.DISTRICTS[c], code_col), org("REGION"))
    t.col("统计年度", year_col.astype(int), STAT)
    t.col("户数", (pop / g.r.uniform(2.4, 2.9, len(pop))).astype(int), STAT)
    t.col("户籍人口", pop, STAT)
    male = (pop * g.r.uniform(0.495, 0.51, len(pop))).astype(int)
    t.col("男性", male, STAT)
    t.col("女性", pop - male, STAT)
    t.col("0-14岁", (pop * g.r.uniform(0.11, 0.16, len(pop))).astype(int), STAT)
    t.col("60岁及以上", (pop * g.r.uniform(0.2, 0.33, len(pop))).astype(int), STAT)
    t.col("出生人数", (pop * g.r.uniform(0.005, 0.008, len(pop))).astype(int), STAT)
    t.col("死亡人数", (pop * g.r.uniform(0.006, 0.009, len(pop))).astype(int), STAT)
    t.col("迁入人数", (pop * g.r.uniform(0.004, 0.02, len(pop))).astype(int), STAT)
    t.col("迁出人数", (pop * g.r.uniform(0.003, 0.012, len(pop))).astype(int), STAT)


@table("population_migrant_registration", "population", "people", "流动人口居住登记信息", "jsonl", 1500, "pinyin")
def migrant_registration(t):
    g = t.g
    P = g.persons(t.n, 16, 65, local=0.0)
    t.col("xingming", P.name, NAME)
    t.col("xingbie", gender_text(P.sex, "cn"), GENDER)
    t.col("minzu", P.ethnicity, ETHNIC)
    t.col("chushengriqi", mapv(lambda b: b.isoformat(), P.birth), DOB)
    t.col("gongminshenfenhaoma", P.id, ID)
    t.col("hujidizhi", P.hukou_addr, ADDR, note="household-registration address in the home province")
    t.col("xianjuzhudizhi", P.addr, ADDR)
    t.col("lianxidianhua", mixed_mobiles(g, P.mobile, ["plain", "dash", "space", "+86"], [0.7, 0.1, 0.1, 0.1]), PHONE,
          tags=("dirty",))
    t.col("juzhushiyou", g.choice(["务工", "经商", "投靠亲友", "就学", "随迁", "其他"], t.n, [0.62, 0.12, 0.1, 0.06, 0.07, 0.03]),
          OTHER)
    landlords = g.names(t.n)
    t.col("fangdongxingming", sparse(g, landlords, 0.8), NAME, note="landlord: another natural person")
    t.col("fangdongdianhua", sparse(g, g.mobiles(t.n), 0.75), PHONE)
    t.col("jiuyedanwei", sparse(g, mapv(lambda c: g.company_name(c), P.district), 0.7), ORG_Q)
    t.col("suoshushequ", mapv(lambda c: V.DISTRICTS[c] + g.one(V.COMMUNITY_PREFIX) + "社区", P.district), REGION_Q)
    t.col("dengjiriqi", mapv(lambda d: d.isoformat(), g.dates(t.n)), EVENT_Q)
    t.col("ext_attr_3", sparse(g, g.mobiles(t.n), 0.5), PHONE, note="opaque extension field: emergency-contact mobile",
          tags=("sparse",))


@table("population_id_card_applications", "population", "people", "居民身份证受理信息", "parquet", 2000, "english_snake",
       minors=True)
def id_card_applications(t):
    g = t.g
    ages = np.where(g.flag(0.06, t.n), g.ints(3, 15, t.n), g.ages(t.n, 16, 90))
    P = g.persons(t.n, ages=ages)
    t.col("accept_no", np.array([f"SL{2020 + i % 6}{g.digits(10)}" for i in range(t.n)], dtype=object), OTHER,
          note="application serial (event), not a person identifier")
    t.col("applicant_name", P.name, NAME)
    low = g.flag(0.5, t.n)
    t.col("id_number", np.where(low, mapv(str.lower, P.id), P.id), ID, tags=("lowercase_x",))
    old = mapv(lambda i, b: g.legacy_id15(i) if b.year < 1984 else None, P.id, P.birth)
    t.col("old_id_number", sparse(g, old, 0.3), ID, note="legacy 15-digit number of older residents", tags=("legacy15", "sparse"))
    t.col("gender", gender_text(P.sex, "mf"), GENDER)
    t.col("birth_date", P.birth, DOB, ptype="date")
    t.col("mz_nation", mapv(lambda e: e[:-1] if e.endswith("族") else e, P.ethnicity), ETHNIC, style="mixed")
    t.col("apply_reason", g.choice(["首次申领", "有效期满换领", "损坏换领", "丢失补领"], t.n, [0.12, 0.6, 0.08, 0.2]), OTHER)
    t.col("accept_date", g.dates(t.n), EVENT_Q, ptype="date")
    t.col("accept_station", mapv(lambda c: f"{V.DISTRICTS[c]}{short_street(g.street(c))}派出所户籍窗口", P.district), ORG_Q)
    t.col("fee", np.where(g.flag(0.2, t.n), 40.0, 20.0), OTHER, note="statutory fee (20/40 yuan): an enumeration")
    t.col("delivery_address", sparse(g, P.addr, 0.35), ADDR, tags=("sparse",))
    t.col("mobile", mixed_mobiles(g, P.mobile, ["plain", "+86", "86-"], [0.6, 0.3, 0.1]), PHONE)
    t.col("status", g.choice(["已受理", "制证中", "已发证", "已领取"], t.n, [0.05, 0.05, 0.2, 0.7]), OTHER)


@table("population_surname_stats", "population", "aggregate", "户籍人口姓氏分布统计", "csv", 310, "initials")
def surname_stats(t):
    g = t.g
    codes = list(V.DISTRICTS)[:31]
    top = ["王", "陈", "张", "李", "徐", "吴", "周", "刘", "杨", "黄", "朱", "林", "金", "胡", "俞", "孙", "郑", "何"]
    t_codes, t_sur, t_cnt, t_rank = [], [], [], []
    for c in codes:
        surs = list(g.choice(top, 10))
        surs = list(dict.fromkeys(surs + top))[:10]
        counts = sorted(g.lognormal_amounts(10, 15000, 0.5, 2000, 90000, 1).astype(int), reverse=True)
        for i, (s, k) in enumerate(zip(surs, counts)):
            t_codes.append(c); t_sur.append(s); t_cnt.append(int(k)); t_rank.append(i + 1)
    t.col("qhdm", t_codes, org("REGION"))
    t.col("qhmc", mapv(lambda c: V.DISTRICTS[c], t_codes), org("REGION"))
    t.col("pm", t_rank, STAT)
    t.col("xs", t_sur, STAT, note="surname in an aggregate: not a person's name")
    t.col("rs", t_cnt, STAT)
    t.col("zb", mapv(lambda k: round(k / 420000 * 100, 2), t_cnt), STAT, dec=2)
    t.col("tjnd", np.full(t.n, 2024), STAT)


@table("population_religious_venues", "population", "mixed", "宗教活动场所基本信息", "xlsx", 240, "chinese")
def religious_venues(t):
    g = t.g
    rel = g.choice(["佛教", "道教", "基督教", "天主教", "伊斯兰教"], t.n, [0.45, 0.15, 0.3, 0.07, 0.03])
    codes = g.choice(list(V.DISTRICTS), t.n)
    suffix = {"佛教": ["寺", "禅寺", "庵"], "道教": ["观", "道观", "宫"], "基督教": ["堂", "基督教堂", "聚会点"],
              "天主教": ["天主堂"], "伊斯兰教": ["清真寺"]}
    names = mapv(lambda r, c: f"{V.DISTRICTS[c][:-1]}{g.one(V.COMMUNITY_PREFIX)}{g.one(suffix[r])}", rel, codes)
    t.col("场所名称", names, org("ORG_NAME"))
    t.col("宗教类别", rel, org("RELIGION"), note="religion of a venue, not of a person")
    t.col("登记证编号", np.array([f"浙宗登字{g.digits(6)}号" for _ in range(t.n)], dtype=object), STAT)
    t.col("所属区县", mapv(lambda c: V.DISTRICTS[c], codes), org("REGION"))
    t.col("场所地址", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("负责人", g.names(t.n), NAME, note="person in charge of the venue")
    t.col("负责人联系电话", g.mobiles(t.n), PHONE)
    t.col("联系人", g.names(t.n), NAME, note="liaison person of the venue")
    t.col("联系人手机", mapv(lambda m: m if g.pr.random() < 0.85 else f"{m[:3]} {m[3:7]} {m[7:]}", g.mobiles(t.n)), PHONE)
    t.col("批准设立日期", g.dates(t.n, dt.date(1985, 1, 1), dt.date(2024, 12, 31)), org("EVENT_DATE"), ptype="date")
    t.col("建筑面积（平方米）", g.lognormal_amounts(t.n, 800, 0.8, 60, 20000, 1).astype(int), STAT)


@table("population_clergy_filing", "population", "people", "宗教教职人员备案信息", "csv", 320, "chinese", delim="|")
def clergy_filing(t):
    g = t.g
    P = g.persons(t.n, 22, 85)
    rel = g.choice(["佛教", "道教", "基督教", "天主教", "伊斯兰教"], t.n, [0.5, 0.14, 0.27, 0.06, 0.03])
    titles = {("佛教", "1"): ["法师", "比丘", "方丈"], ("佛教", "2"): ["法师", "比丘尼"], ("道教", "1"): ["道长", "道士", "住持"],
              ("道教", "2"): ["道长", "坤道"], ("基督教", "1"): ["牧师", "长老", "传道员"], ("基督教", "2"): ["牧师", "传道员"],
              ("天主教", "1"): ["神父", "主教"], ("天主教", "2"): ["修女"], ("伊斯兰教", "1"): ["阿訇", "伊玛目"],
              ("伊斯兰教", "2"): ["师娘"]}
    t.col("教职人员姓名", P.name, NAME)
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("出生日期", mixed_dates(g, P.birth, ["cn", "iso"], [0.7, 0.3]), DOB)
    t.col("民族", P.ethnicity, ETHNIC)
    t.col("公民身份号码", P.id, ID)
    t.col("宗教", rel, RELIGION, note="religion of the person")
    t.col("教职", mapv(lambda r, s: g.one(titles[(r, s)]), rel, P.sex), RELIGION, note="clerical title implies the person's religion")
    t.col("任职场所", mapv(lambda r, c: f"{V.DISTRICTS[c][:-1]}{g.one(V.COMMUNITY_PREFIX)}{ {'佛教': '寺', '道教': '观', '基督教': '堂', '天主教': '天主堂', '伊斯兰教': '清真寺'}[r]}", rel, P.district), ORG_Q)
    t.col("文化程度", P.edu, EDU)
    t.col("备案日期", mapv(lambda d: d.isoformat(), g.dates(t.n)), EVENT_Q)
    t.col("联系电话", P.mobile, PHONE)
