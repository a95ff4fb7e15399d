"""民政: subsistence allowance, marriage, elderly care, funerals, disability subsidies, statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ADDR, AGE, CARD, DOB, ENUM_Q, ETHNIC, EVENT_Q, GENDER, HOMELOC, ID, INCOME, MARITAL, MED,
                     NAME, ORG_Q, OTHER, PHONE, REGION_Q, RELIGION, STAT, WELFARE, org, table)
from ..values import (fmt_date, gender_text, mapv, mask_card, mask_id, short_street,
                      spaced_card)

FOREIGN = ["越南", "日本", "美国", "韩国", "英国", "德国"]


def _members(g, head: str, size: int) -> str | None:
    """'王芳（配偶）、李浩（子）' — the other members of a household."""
    rels = ["配偶", "子", "女", "母亲"][: size - 1]
    out = []
    for r in rels:
        name = g.name("1" if r == "子" else "2", 1990 if r in ("子", "女") else 1960)
        if r in ("子", "女"):
            name = head[0] + name[1:]
        out.append(f"{name}（{r}）")
    return "、".join(out) or None


@table("civil_dibao_recipients", "civil", "people", "城乡最低生活保障对象公示名单", "xlsx", 1300, "chinese",
       title_row="2025年第三季度城乡最低生活保障对象公示名单（按户）")
def dibao_recipients(t):
    g = t.g
    P = g.persons(t.n, 28, 92, local=0.97)
    size = g.choice([1, 2, 3, 4, 5], t.n, [0.42, 0.28, 0.17, 0.09, 0.04]).astype(int)
    covered = np.maximum(1, size - (g.r.random(t.n) < 0.25).astype(int))
    rural = g.flag(0.55, t.n)
    t.col("序号", np.arange(1, t.n + 1), OTHER)
    t.col("乡镇（街道）", mapv(g.street, P.district), REGION_Q)
    t.col("村（社区）", mapv(lambda r: g.one(V.VILLAGE_PREFIX) + g.one(V.VILLAGE_SUFFIX) if r else g.one(V.COMMUNITY_PREFIX) + "社区", rural),
          REGION_Q)
    t.col("户主姓名", P.name, NAME)
    t.col("身份证号码", mapv(lambda s: mask_id(s, 1), P.id), ID, note="masked for publication (3301**********1234): still direct",
          tags=("masked",))
    t.col("保障类别", np.where(rural, "农村低保", "城市低保"), WELFARE, note="welfare category of the household")
    t.col("家庭人口", size, ENUM_Q)
    t.col("保障人数", covered, ENUM_Q)
    t.col("月保障金额（元）", np.round(covered * g.r.uniform(400, 1330, t.n)).astype(int), INCOME)
    t.col("致贫原因", g.choice(["因病", "因残", "因学", "缺劳力", "因灾", "其他"], t.n, [0.38, 0.27, 0.06, 0.2, 0.02, 0.07]),
          WELFARE, note="hardship reason (因病/因残 reveal illness or disability)")
    t.col("开户银行", g.choice(["浙江农商银行", "中国农业银行", "中国邮政储蓄银行", "中国工商银行"], t.n, [0.6, 0.2, 0.15, 0.05]),
          org("ORG_NAME"))
    cards = np.array([g.bank_card(["621058", "623091", "622848", "621799"], 19) for _ in range(t.n)], dtype=object)
    t.col("银行账号", np.where(g.flag(0.3, t.n), mapv(spaced_card, cards), cards), CARD, tags=("spaced",))
    t.col("联系电话", mapv(int, P.mobile), PHONE, tags=("int",), ptype="int")
    t.col("家庭住址", P.addr, ADDR)
    t.col("审批日期", g.dates(t.n, dt.date(2019, 1, 1), dt.date(2025, 9, 30)), EVENT_Q, ptype="date")
    t.col("备用字段1", mapv(lambda head, k: _members(g, head, int(k)), P.name, size), NAME, note="opaque field listing the other household members' names", tags=("free_text", "sparse"))
    t.col("经办人", g.choice(g.names(12), t.n), NAME, note="case worker (staff)")


def _doc(g, nationality, birth, sex, resident_id):
    if nationality == "中国":
        return "居民身份证", resident_id
    if nationality in ("中国香港", "中国澳门"):
        return "港澳居民来往内地通行证", g.home_return_permit()
    if nationality == "中国台湾":
        return "台湾居民来往大陆通行证", g.mtp_permit()
    return "护照", g.foreign_passport(nationality)


def _spouse_name(g, name, nationality, sex):
    if nationality.startswith("中国"):
        return name
    if nationality == "越南":
        return g.one(["NGUYEN THI", "TRAN THI", "LE THI", "PHAM THI"]) + " " + g.one(["HOA", "LAN", "MAI", "THU", "HUONG"])
    last, first = g.foreign_person(nationality, sex)
    return f"{first} {last}"


@table("civil_marriage_registration", "civil", "people", "婚姻登记信息", "csv", 1100, "initials", enc="gbk",
       newline="\r\n")
def marriage_registration(t):
    g = t.g
    kind = g.choice(["结婚", "离婚", "补领结婚证", "补领离婚证"], t.n, [0.68, 0.24, 0.06, 0.02])
    men = g.persons(t.n, 22, 70, sex="1", local=0.85)
    women = g.persons(t.n, ages=np.clip(men.age - g.ints(-2, 6, t.n), 20, 70), sex="2", local=0.8)
    date = g.dates(t.n)
    office = g.choice(list(V.DISTRICTS), t.n)
    nat_m = g.choice(["中国", "中国香港", "中国台湾", "美国", "日本"], t.n, [0.985, 0.005, 0.004, 0.003, 0.003])
    nat_f = g.choice(["中国", "中国香港", "中国澳门", "中国台湾", "越南", "日本", "韩国"], t.n,
                     [0.97, 0.006, 0.002, 0.004, 0.01, 0.004, 0.004])
    doc_m = [_doc(g, n, b, "1", i) for n, b, i in zip(nat_m, men.birth, men.id)]
    doc_f = [_doc(g, n, b, "2", i) for n, b, i in zip(nat_f, women.birth, women.id)]
    t.col("djlb", kind, MARITAL, note="registration type (结婚/离婚): reveals marital status and history; "
          "kept none/quasi per the brief's rule for marital status (GB/T 35273 Annex B lists 婚史 as sensitive)")
    t.col("djrq", mapv(lambda d: d.isoformat(), date), EVENT_Q)
    t.col("djjg", mapv(lambda c: f"{V.DISTRICTS[c]}民政局婚姻登记处", office), ORG_Q)
    t.col("zsbh", mapv(lambda k, c, d: f"{'L' if '离' in k else 'J'}{c}-{d.year}-{g.randint(1, 9999):06d}", kind, office, date),
          ("personal", "PERSON_ID", "direct"), note="certificate number (结婚证/离婚证字号) of the couple")
    t.col("nfxm", mapv(lambda n, nat: _spouse_name(g, n, nat, "1"), men.name, nat_m), NAME)
    t.col("nfzjlx", np.array([d[0] for d in doc_m], dtype=object), OTHER)
    t.col("nfzjhm", np.array([d[1] for d in doc_m], dtype=object), ID,
          note="mostly resident IDs; a few passports / Hong Kong-Macao and Taiwan permits", tags=("mixed_docs",))
    t.col("nfcsrq", mapv(lambda b: fmt_date(b, "compact"), men.birth), DOB)
    t.col("nfgj", nat_m, ENUM_Q, note="nationality/region")
    t.col("nfhjdz", np.where(nat_m == "中国", men.hukou_addr, None), ADDR)
    t.col("nvxm", mapv(lambda n, nat: _spouse_name(g, n, nat, "2"), women.name, nat_f), NAME,
          note="includes romanised names of foreign spouses")
    t.col("nvzjlx", np.array([d[0] for d in doc_f], dtype=object), OTHER)
    t.col("nvzjhm", np.array([d[1] for d in doc_f], dtype=object), ID,
          note="mostly resident IDs; a few passports / permits", tags=("mixed_docs",))
    t.col("nvcsrq", mapv(lambda b: fmt_date(b, "compact"), women.birth), DOB)
    t.col("nvgj", nat_f, ENUM_Q)
    t.col("nvhjdz", np.where(nat_f == "中国", women.hukou_addr, None), ADDR)


@table("civil_elderly_care_institutions", "civil", "mixed", "养老机构基本信息", "parquet", 240, "english_camel")
def elderly_care_institutions(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    nature = g.choice(["公办", "公建民营", "民办"], t.n, [0.35, 0.25, 0.4])
    names = mapv(lambda c, k: f"{V.DISTRICTS[c]}{short_street(g.street(c))}{g.one(['养老院', '颐养院', '老年公寓', '社会福利中心', '康养中心', '敬老院'])}"
                 if k == "公办" else f"{g.city_of(c)}{g.one(V.COMMUNITY_PREFIX)}{g.one(['颐养院', '老年公寓', '护理院', '康养中心'])}", codes, nature)
    t.col("institutionName", names, org("ORG_NAME"))
    t.col("creditCode", mapv(lambda c, k: g.uscc("12" if k == "公办" else "52", c), codes, nature), org("USCC"))
    t.col("address", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("nature", nature, STAT)
    t.col("starLevel", g.choice([0, 1, 2, 3, 4, 5], t.n, [0.3, 0.1, 0.25, 0.2, 0.1, 0.05]).astype(int), STAT)
    beds = g.lognormal_amounts(t.n, 120, 0.7, 20, 1200, 1).astype(int)
    t.col("bedCount", beds, STAT)
    t.col("occupiedBeds", (beds * g.r.uniform(0.3, 0.95, t.n)).astype(int), STAT)
    t.col("phone", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"), note="front-desk landline")
    t.col("legalRepresentative", g.names(t.n), NAME)
    t.col("legalRepMobile", g.mobiles(t.n), PHONE)
    lon, lat = g.coords_in(codes)
    t.col("longitude", lon, org("PRECISE_LOCATION"))
    t.col("latitude", lat, org("PRECISE_LOCATION"))
    t.col("registeredDate", g.dates(t.n, dt.date(2000, 1, 1), dt.date(2025, 6, 30)), org("EVENT_DATE"), ptype="date")
    t.col("monthlyFeeMin", np.round(g.r.uniform(1800, 6500, t.n), -1), STAT, note="price list of the institution")


@table("civil_elderly_allowance", "civil", "people", "高龄津贴发放明细", "csv", 2000, "mixed", delim="\t")
def elderly_allowance(t):
    g = t.g
    P = g.persons(t.n, ages=np.where(g.flag(0.85, t.n), g.ints(80, 89, t.n), g.ints(90, 104, t.n)), local=1.0)
    amount = np.where(P.age >= 100, 500, np.where(P.age >= 90, 200, 60))
    proxy = g.flag(0.35, t.n)
    proxies = g.names(t.n)
    t.col("lr_xm", P.name, NAME, style="initials")
    t.col("sfzh", P.id, ID, style="initials")
    t.col("nianling", P.age, AGE, style="pinyin")
    t.col("butie_amount", amount, INCOME, style="mixed", note="old-age allowance paid to the person")
    t.col("ffyf", np.full(t.n, "2025-09", dtype=object), ("none", "EVENT_DATE", "other"), style="initials",
          note="payment month of the batch (same for all rows)")
    t.col("payee_xm", np.where(proxy, proxies, P.name), NAME, style="mixed", note="payee: the elder or a relative")
    cards = np.array([g.bank_card(["621058", "623091"], 19) for _ in range(t.n)], dtype=object)
    t.col("payee_account", np.where(g.flag(0.2, t.n), mapv(lambda c: mask_card(c, False), cards), cards), CARD,
          style="english_snake", tags=("masked",))
    t.col("jiedao", mapv(g.street, P.district), REGION_Q, style="pinyin")
    t.col("shequ", mapv(lambda _: g.one(V.COMMUNITY_PREFIX) + "社区", P.district), REGION_Q, style="pinyin")
    remark = mapv(lambda p, q: g.one([f"由其子{q}代领", f"由其女{q}代领", f"委托{q}代领"]) if p else
                  (g.one(["已故停发", "户籍迁出，停发", "2025年8月去世，9月起停发", "-", "本人领取"]) if g.pr.random() < 0.08 else None),
                  proxy & g.flag(0.6, t.n), proxies)
    t.col("remark", remark, NAME, style="english_snake",
          note="remarks: mostly empty; many name the relative who collects the allowance", tags=("free_text", "sparse"))


@table("civil_funeral_cremation", "civil", "people", "遗体火化登记信息", "csv", 900, "chinese", enc="utf-8-sig",
       note="deceased persons: their information stays protected (PIPL Art. 49); labelled as for the living")
def funeral_cremation(t):
    g = t.g
    P = g.persons(t.n, 40, 100, local=0.95)
    death = g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 11, 30))
    cause = g.choice(["肺癌", "脑梗死", "急性心肌梗死", "慢性阻塞性肺疾病", "胃癌", "肝癌", "脑出血", "多器官功能衰竭", "交通事故",
                      "意外跌倒", "自然死亡", "不详"], t.n, [0.12, 0.14, 0.12, 0.08, 0.06, 0.05, 0.07, 0.06, 0.04, 0.04, 0.16, 0.06])
    t.col("逝者姓名", P.name, NAME)
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("身份证号码", P.id, ID)
    t.col("出生日期", mapv(lambda b: b.isoformat(), P.birth), DOB)
    t.col("死亡日期", mapv(lambda d: d.isoformat(), death), EVENT_Q)
    t.col("死亡原因", cause, MED)
    t.col("民族", P.ethnicity, ETHNIC)
    t.col("宗教信仰", g.choice(V.RELIGIONS, t.n, [0.82, 0.1, 0.05, 0.015, 0.01, 0.005]), RELIGION, note="无 is the usual value")
    t.col("户籍地址", P.hukou_addr, ADDR)
    t.col("火化日期", mapv(lambda d: (d + dt.timedelta(days=g.randint(1, 4))).isoformat(), death), EVENT_Q)
    t.col("殡仪馆", mapv(lambda c: f"{g.city_of(c)}殡仪馆" if g.pr.random() < 0.7 else f"{V.DISTRICTS[c]}殡仪馆", P.district), ORG_Q)
    t.col("家属姓名", g.names(t.n), NAME)
    t.col("与逝者关系", g.choice(["子", "女", "配偶", "孙子", "其他亲属"], t.n, [0.45, 0.25, 0.2, 0.05, 0.05]), OTHER)
    t.col("家属联系电话", g.mobiles(t.n), PHONE)
    t.col("骨灰安放方式", g.choice(["公墓安葬", "骨灰堂寄存", "海葬", "树葬", "带回"], t.n, [0.55, 0.2, 0.05, 0.05, 0.15]), OTHER)
    t.col("惠民殡葬补助（元）", np.where(g.flag(0.9, t.n), g.choice([1000, 1500, 2000], t.n), 0).astype(int), INCOME,
          note="funeral benefit paid to the family")


@table("civil_disability_subsidies", "civil", "people", "残疾人两项补贴发放对象", "jsonl", 1400, "english_snake",
       minors=True)
def disability_subsidies(t):
    g = t.g
    P = g.persons(t.n, ages=np.where(g.flag(0.12, t.n), g.ints(2, 17, t.n), g.ages(t.n, 18, 95)), local=0.98)
    dtype = g.choice(V.DISABILITY_TYPES, t.n, V.DISABILITY_W)
    grade = g.choice(V.DISABILITY_GRADES, t.n, [0.12, 0.28, 0.3, 0.3])
    tcode = {v: str(i + 1) for i, v in enumerate(V.DISABILITY_TYPES)}
    gcode = {v: str(i + 1) for i, v in enumerate(V.DISABILITY_GRADES)}
    sub = mapv(lambda gr: g.one(["困难残疾人生活补贴", "两项补贴"]) if gr in ("一级", "二级") else "困难残疾人生活补贴", grade)
    t.col("name", P.name, NAME)
    t.col("id_number", P.id, ID)
    t.col("gender", gender_text(P.sex, "cn"), GENDER)
    t.col("age", P.age, AGE)
    t.col("disability_cert_no", mapv(lambda i, d, gr: i + tcode[d] + gcode[gr], P.id, dtype, grade), ID,
          note="disability certificate number = resident ID + category digit + grade digit", tags=("cert_suffix",))
    t.col("disability_type", dtype, MED)
    t.col("disability_grade", grade, MED)
    t.col("subsidy_type", sub, WELFARE)
    t.col("monthly_amount", mapv(lambda s: 650 if s == "两项补贴" else 330, sub) + g.choice([0, 0, 20, 40], t.n), INCOME)
    need_guard = (P.age < 18) | np.isin(dtype, ["智力残疾", "精神残疾"])
    t.col("guardian_name", np.where(need_guard, g.names(t.n), None), NAME, tags=("sparse",))
    t.col("guardian_phone", np.where(need_guard, g.mobiles(t.n), None), PHONE, tags=("sparse",))
    t.col("town", mapv(g.street, P.district), REGION_Q)
    t.col("bank_account", np.array([g.bank_card(["621058", "623091", "622848"], 19) for _ in range(t.n)], dtype=object), CARD)
    t.col("approved_at", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2016, 1, 1), dt.date(2025, 10, 31))), EVENT_Q)


@table("civil_home_care_recipients", "civil", "people", "居家养老服务对象信息", "parquet", 1000, "initials")
def home_care_recipients(t):
    g = t.g
    P = g.persons(t.n, 60, 100, local=0.98)
    t.col("lrxm", P.name, NAME)
    t.col("sfzh", P.id, ID)
    t.col("nl", P.age, AGE)
    t.col("sndj", g.choice(["能力完好", "轻度失能", "中度失能", "重度失能", "完全失能"], t.n, [0.25, 0.3, 0.2, 0.15, 0.1]), MED,
          note="disability/dependency level (health)")
    t.col("fwxm", mapv(lambda _: "、".join(sorted(set(g.choice(["助餐", "助浴", "助洁", "助医", "康复护理", "精神慰藉"], g.randint(1, 3))))), P.age),
          WELFARE, note="care services received (welfare); 助医/康复护理 hint at health")
    t.col("jtzz", P.addr, ADDR)
    lon, lat = g.coords_in(P.district, spread=(0.1, 0.07))
    t.col("jd", lon, HOMELOC, note="home longitude (6 decimals): precise location of a person's home")
    t.col("wd", lat, HOMELOC)
    t.col("jjlxr", g.names(t.n), NAME)
    t.col("jjlxrdh", mapv(int, g.mobiles(t.n)), PHONE, tags=("int",), ptype="int")
    t.col("bt_amount", g.choice([100.0, 200.0, 300.0, 400.0, 600.0], t.n).astype(float), INCOME, note="monthly care subsidy", style="mixed")
    t.col("fwjg", g.choice([f"{g.one(V.COMMUNITY_PREFIX)}居家养老服务中心" for _ in range(15)], t.n), ORG_Q)
    t.col("pgrq", g.dates(t.n, dt.date(2021, 1, 1), dt.date(2025, 12, 1)), EVENT_Q, ptype="date")


@table("civil_stats_quarterly", "civil", "aggregate", "民政事业统计季报", "xlsx", 240, "chinese")
def stats_quarterly(t):
    g = t.g
    codes = list(V.DISTRICTS)[:12]
    quarters = [f"{y}Q{q}" for y in range(2021, 2026) for q in range(1, 5)]
    rows = [(c, q) for c in codes for q in quarters]
    t.col("区县", [V.DISTRICTS[c] for c, _ in rows], org("REGION"))
    t.col("季度", [q for _, q in rows], STAT)
    city = g.lognormal_amounts(len(rows), 3000, 0.4, 300, 20000, 1).astype(int)
    rural = g.lognormal_amounts(len(rows), 5000, 0.5, 200, 30000, 1).astype(int)
    t.col("城市低保人数", city, STAT)
    t.col("农村低保人数", rural, STAT)
    t.col("特困供养人数", (rural * g.r.uniform(0.05, 0.15, len(rows))).astype(int), STAT)
    t.col("低保金支出（万元）", np.round((city + rural) * 1100 * 3 / 1e4 * g.r.uniform(0.8, 1.1, len(rows)), 1),
          org("PERSONAL_INCOME"), dec=1, note="aggregate of benefits: not about one person")
    t.col("结婚登记（对）", g.r.poisson(800, len(rows)), STAT)
    t.col("离婚登记（对）", g.r.poisson(250, len(rows)), STAT)
    t.col("养老机构床位数", g.lognormal_amounts(len(rows), 4000, 0.3, 500, 20000, 1).astype(int), STAT)
