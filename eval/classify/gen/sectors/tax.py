"""税务: individual income tax withholding, A-level taxpayers, abnormal households, revenue, deed tax."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import CARD, EVENT_Q, ID, INCOME, NAME, ORG_Q, OTHER, PHONE, STAT, org, table
from ..values import mapv, mask_id

PROPERTY_ADDR = ("sensitive", "ADDRESS", "direct")


@table("tax_individual_income", "tax", "people", "个人所得税扣缴申报明细", "parquet", 2400, "chinese")
def individual_income(t):
    g = t.g
    P = g.persons(t.n, 18, 70)
    kind = g.choice(["居民身份证", "中国护照", "外国护照", "港澳居民来往内地通行证"], t.n, [0.95, 0.01, 0.02, 0.02])
    doc = mapv(lambda k, i: i if k == "居民身份证" else g.passport_cn() if k == "中国护照" else
               g.foreign_passport(g.one(["美国", "德国", "日本", "韩国", "英国"])) if k == "外国护照" else g.home_return_permit(), kind, P.id)
    names = mapv(lambda k, n: " ".join(g.foreign_person(g.one(["美国", "德国", "英国"]))[::-1]) if k == "外国护照" else n, kind, P.name)
    n_emp = 150
    codes = g.choice(list(V.DISTRICTS), n_emp)
    emp = np.array([g.company_name(c) for c in codes], dtype=object)
    uscc = np.array([g.uscc("91", c) for c in codes], dtype=object)
    e = g.ints(0, n_emp - 1, t.n)
    item = g.choice(["工资、薪金所得", "劳务报酬所得", "稿酬所得", "全年一次性奖金收入"], t.n, [0.85, 0.08, 0.02, 0.05])
    income = np.round(g.lognormal_amounts(t.n, 9000, 0.6, 2000, 300000), 2)
    special = np.round(np.minimum(income * 0.225, 8000), 2)
    taxable = np.round(np.maximum(0, income - 5000 - special), 2)
    withheld = np.round(taxable * np.where(taxable > 3000, 0.1, 0.03), 2)
    t.col("纳税人识别号", doc, ID, note="for residents the taxpayer number is the ID number", tags=("mixed_docs",))
    t.col("纳税人姓名", names, NAME)
    t.col("证件类型", kind, OTHER)
    t.col("证件号码", doc, ID, note="mostly resident IDs; passports and permits too", tags=("mixed_docs",))
    t.col("所得项目", item, OTHER)
    t.col("所得期间", g.choice([f"2025-{m:02d}" for m in range(1, 12)], t.n), ("none", "EVENT_DATE", "other"))
    t.col("收入额", income, INCOME)
    t.col("专项扣除", special, INCOME, note="personal social-insurance contributions")
    t.col("应纳税所得额", taxable, INCOME)
    t.col("已扣缴税额", withheld, INCOME)
    t.col("扣缴义务人名称", emp[e], ORG_Q)
    t.col("扣缴义务人识别号", uscc[e], ("none", "USCC", "quasi"))
    t.col("备用字段2", np.where(g.flag(0.3, t.n), np.array([g.bank_card() for _ in range(t.n)], dtype=object), None), CARD,
          note="opaque field: refund bank account of the taxpayer", tags=("sparse",))


@table("tax_a_level_taxpayers", "tax", "organisations", "纳税信用A级纳税人名单", "csv", 1800, "initials", enc="utf-8-sig")
def a_level_taxpayers(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    t.col("nsr_uscc", mapv(lambda c: g.uscc("91", c), codes), org("USCC"), style="mixed")
    t.col("nsrmc", mapv(g.company_name, codes), org("ORG_NAME"))
    t.col("pjnd", g.choice([2022, 2023, 2024], t.n).astype(int), STAT)
    t.col("xyjb", np.full(t.n, "A", dtype=object), STAT)
    t.col("zgswjg", mapv(lambda c: f"国家税务总局{g.city_of(c)}{V.DISTRICTS[c]}税务局", codes), org("ORG_NAME"))


@table("tax_abnormal_households", "tax", "mixed", "走逃（失联）及非正常户公告", "xlsx", 500, "chinese",
       title_row="关于认定非正常户的公告（2025年第4期）")
def abnormal_households(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    P = g.persons(t.n, 22, 70, local=0.6)
    t.col("纳税人名称", mapv(g.company_name, codes), org("ORG_NAME"))
    t.col("纳税人识别号", mapv(lambda c: g.uscc("91", c), codes), org("USCC"))
    t.col("法定代表人姓名", P.name, NAME)
    t.col("法定代表人身份证件号码", mapv(lambda s: mask_id(s, 0), P.id), ID, note="masked in the notice (330106********1234)",
          tags=("masked",))
    t.col("生产经营地址", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("认定日期", g.dates(t.n, dt.date(2025, 1, 1), dt.date(2025, 11, 30)), org("EVENT_DATE"), ptype="date")
    t.col("主管税务机关", mapv(lambda c: f"国家税务总局{g.city_of(c)}{V.DISTRICTS[c]}税务局", codes), org("ORG_NAME"))
    t.col("欠税余额（元）", np.round(np.where(g.flag(0.4, t.n), g.lognormal_amounts(t.n, 12000, 1.2, 10, 2e6), 0.0), 2), STAT,
          dec=2, note="tax owed by an organisation")


@table("tax_revenue_stats", "tax", "aggregate", "分税种税收收入月报", "jsonl", 480, "english_camel")
def revenue_stats(t):
    g = t.g
    regions = ["全省", "杭州市", "宁波市", "温州市"]
    rows = [(x, m, r) for x in V.TAXES[:10] for m in range(1, 13) for r in regions]
    t.col("taxType", [r[0] for r in rows], STAT)
    t.col("statMonth", [f"2025-{r[1]:02d}" for r in rows], STAT)
    t.col("region", [r[2] for r in rows], org("REGION"))
    t.col("revenueTenThousand", np.round(g.lognormal_amounts(len(rows), 80000, 1.0, 100, 4e6), 1), STAT, dec=1)
    t.col("yoyGrowth", np.round(g.r.normal(3, 8, len(rows)), 1), STAT, dec=1)


@table("tax_property_deed", "tax", "people", "存量房交易契税申报信息", "csv", 1000, "english_snake", delim=";",
       note="property of natural persons (location, area, price, tax) labelled sensitive (GB/T 35273 Annex B 房产信息)")
def property_deed(t):
    g = t.g
    buyers = g.persons(t.n, 23, 70)
    sellers = g.persons(t.n, 28, 85)
    developer = g.flag(0.15, t.n)
    area = np.round(g.r.normal(92, 28, t.n).clip(30, 260), 2)
    price = np.round(area * g.r.uniform(12000, 65000, t.n), -2)
    t.col("buyer_name", buyers.name, NAME)
    t.col("buyer_id_no", buyers.id, ID)
    t.col("seller_name", np.where(developer, np.array([g.company_name(trade="房地产开发") for _ in range(t.n)], dtype=object), sellers.name),
          NAME, note="natural persons; ~15% developers (companies)")
    t.col("seller_id_no", np.where(developer, np.array([g.uscc("91") for _ in range(t.n)], dtype=object), sellers.id), ID,
          note="resident IDs; USCC where the seller is a developer", tags=("mixed_docs",))
    t.col("property_location", mapv(lambda c: g.home_address(c, with_province=False), buyers.district), PROPERTY_ADDR,
          note="the dwelling being bought (buyer's property)")
    t.col("property_type", g.choice(["住宅", "住宅", "住宅", "非住宅"], t.n), OTHER)
    t.col("floor_area", area, INCOME, note="property of a person")
    t.col("transaction_price", price, INCOME, dec=2)
    t.col("taxable_price", price, INCOME, dec=2)
    t.col("first_home", g.choice(["是", "否"], t.n, [0.6, 0.4]), ("sensitive", None, "sensitive"),
          note="first-home status reveals the buyer's property holdings")
    t.col("deed_tax", np.round(price * np.where(area > 140, 0.015, 0.01), 2), INCOME, dec=2)
    t.col("filing_date", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 12, 20))), EVENT_Q)
    t.col("contact_phone", buyers.mobile, PHONE)
