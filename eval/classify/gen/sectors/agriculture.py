"""农业农村: farmland subsidies, cooperatives, machinery subsidies, crop statistics, poverty-relapse monitoring."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (CARD, ENUM_Q, EVENT_Q, ID, INCOME, MED, NAME, OTHER, PHONE, REGION_Q, STAT, WELFARE, org, table)
from ..values import mapv, mask_id, spaced_card, sparse

RURAL = [c for c in V.DISTRICTS if V.DISTRICTS[c].endswith(("县", "市"))]


@table("agriculture_farmland_subsidy", "agriculture", "people", "耕地地力保护补贴发放公示", "xlsx", 2000, "chinese",
       title_row="2025年耕地地力保护补贴发放花名册（公示）")
def farmland_subsidy(t):
    g = t.g
    P = g.persons(t.n, 30, 90, local=1.0)
    dist = g.choice(RURAL, 6)
    d = g.choice(dist, t.n)
    area = np.round(g.lognormal_amounts(t.n, 2.2, 0.8, 0.1, 60), 2)
    cards = np.array([g.bank_card(["621058", "623091"], 19) for _ in range(t.n)], dtype=object)
    t.col("序号", np.arange(1, t.n + 1), OTHER)
    t.col("乡镇", mapv(g.street, d), REGION_Q)
    t.col("村", mapv(lambda _: g.one(V.VILLAGE_PREFIX) + g.one(V.VILLAGE_SUFFIX), d), REGION_Q)
    t.col("户主姓名", P.name, NAME)
    t.col("身份证号", P.id, ID)
    t.col("补贴面积（亩）", area, INCOME, note="contracted land area of the household (property information)", dec=2)
    t.col("补贴标准（元/亩）", np.full(t.n, 125.6), OTHER, note="rate: constant", dec=1)
    t.col("补贴金额（元）", np.round(area * 125.6, 2), INCOME, dec=2)
    t.col("一卡通账号", np.where(g.flag(0.3, t.n), mapv(spaced_card, cards), cards), CARD, note="惠农一卡通 (bank card)", tags=("spaced",))
    t.col("联系电话", sparse(g, P.mobile, 0.7), PHONE, tags=("sparse",))


@table("agriculture_cooperatives", "agriculture", "mixed", "农民专业合作社名录", "csv", 700, "initials", enc="gbk",
       newline="\r\n")
def cooperatives(t):
    g = t.g
    codes = g.choice(RURAL, t.n)
    prod = g.choice(["茶叶", "水果", "蔬菜", "粮食", "水产养殖", "中药材", "竹笋", "食用菌", "生猪", "花卉苗木"], t.n)
    t.col("hzsmc", mapv(lambda c, p: f"{V.DISTRICTS[c][:-1]}{g.pick(V.BRAND_CHARS, 2)}{p}专业合作社", codes, prod), org("ORG_NAME"))
    t.col("tyshxydm", mapv(lambda c: g.uscc("93", c), codes), org("USCC"), note="93-prefixed: farmers' cooperative")
    t.col("fddbr_name", g.names(t.n), NAME, style="mixed")
    t.col("lxdh", g.mobiles(t.n), PHONE, note="the legal representative's mobile")
    t.col("cys", g.lognormal_amounts(t.n, 12, 0.8, 5, 800, 1).astype(int), STAT, note="成员数")
    t.col("czze", np.round(g.lognormal_amounts(t.n, 80, 1.0, 5, 5000), 1), STAT, note="出资总额（万元）")
    t.col("zyyw", mapv(lambda p: f"组织收购、销售成员种植的{p}；引进新技术、新品种，开展技术培训", prod), STAT)
    t.col("zs", mapv(lambda c: f"{g.city_of(c)}{V.DISTRICTS[c]}{g.street(c)}{g.one(V.VILLAGE_PREFIX)}{g.one(V.VILLAGE_SUFFIX)}", codes),
          org("ADDRESS"), note="registered seat (often a village)")
    t.col("clrq", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2008, 1, 1), dt.date(2025, 6, 30))), org("EVENT_DATE"))


@table("agriculture_machinery_subsidy", "agriculture", "people", "农机购置补贴资金兑付公示", "jsonl", 850, "english_camel")
def machinery_subsidy(t):
    g = t.g
    P = g.persons(t.n, 25, 70, local=1.0)
    cat = g.choice(["轮式拖拉机", "插秧机", "谷物联合收割机", "植保无人飞机", "茶叶炒（烘）干机", "微耕机", "谷物烘干机"], t.n)
    amt = mapv(lambda c: {"轮式拖拉机": 9500, "插秧机": 8400, "谷物联合收割机": 26000, "植保无人飞机": 6500, "茶叶炒（烘）干机": 1700,
                          "微耕机": 600, "谷物烘干机": 18000}[c], cat)
    d = g.choice(RURAL, t.n)
    t.col("buyerName", P.name, NAME)
    t.col("idNo", mapv(lambda s: mask_id(s, 1), P.id), ID, tags=("masked",))
    t.col("county", mapv(lambda c: V.DISTRICTS[c], d), REGION_Q)
    t.col("town", mapv(g.street, d), REGION_Q)
    t.col("village", mapv(lambda _: g.one(V.VILLAGE_PREFIX) + g.one(V.VILLAGE_SUFFIX), d), REGION_Q)
    t.col("machineCategory", cat, OTHER)
    t.col("manufacturer", g.choice(["常州东风农机集团有限公司", "久保田农业机械（苏州）有限公司", "广州极飞科技股份有限公司", "浙江柳林农业机械股份有限公司",
                                    "潍柴雷沃智慧农业科技股份有限公司"], t.n), org("ORG_NAME"))
    t.col("model", mapv(lambda _: f"{g.one(['SN', 'DF', 'P', '2ZG', '4LZ'])}-{g.randint(10, 900)}{g.one(['', 'A', 'D'])}", cat), OTHER)
    t.col("dealer", mapv(lambda c: f"{V.DISTRICTS[c]}{g.pick(V.BRAND_CHARS, 2)}农机销售有限公司", d), org("ORG_NAME"))
    t.col("purchaseDate", mapv(lambda x: x.isoformat(), g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 11, 30))), EVENT_Q)
    t.col("subsidyAmount", amt, INCOME)
    t.col("factoryNo", np.array([f"{g.one(['', 'NO.'])}{g.digits(10)}" for _ in range(t.n)], dtype=object), OTHER)
    t.col("status", g.choice(["已兑付", "已兑付", "待兑付", "审核中"], t.n), OTHER)


@table("agriculture_crop_output_stats", "agriculture", "aggregate", "主要农作物播种面积和产量", "parquet", 576, "initials")
def crop_output_stats(t):
    g = t.g
    crops = ["稻谷", "小麦", "玉米", "大豆", "油菜籽", "茶叶", "蔬菜", "水果"]
    rows = [(c, y, k) for c in RURAL[:12] for y in range(2019, 2025) for k in crops]
    area = np.round(g.lognormal_amounts(len(rows), 4, 0.8, 0.05, 60), 2)
    yld = np.round(g.r.uniform(0.1, 3, len(rows)) * 1000, 0)
    t.col("qx", [V.DISTRICTS[r[0]] for r in rows], org("REGION"))
    t.col("nf", [r[1] for r in rows], STAT)
    t.col("zw", [r[2] for r in rows], STAT)
    t.col("bzmj", area, STAT, note="sown area, thousand ha")
    t.col("cl", np.round(area * yld * 10, 1), STAT, note="output, tonnes")
    t.col("dc", yld, STAT, note="yield")


@table("agriculture_poverty_monitoring", "agriculture", "people", "防止返贫监测对象信息", "csv", 500, "opaque",
       enc="utf-8-sig")
def poverty_monitoring(t):
    g = t.g
    P = g.persons(t.n, 25, 85, local=1.0)
    d = g.choice(RURAL, t.n)
    t.col("字段1", P.name, NAME, note="opaque column: householder name")
    t.col("字段2", P.id, ID)
    t.col("字段3", g.ints(1, 7, t.n), ENUM_Q, note="household size")
    t.col("字段4", g.choice(["因病", "因残", "因学", "因灾", "因意外事故", "因务工就业不稳", "缺劳动力"], t.n,
                          [0.35, 0.2, 0.08, 0.05, 0.07, 0.15, 0.1]), WELFARE, note="risk type (因病/因残 reveal health)")
    t.col("字段5", np.round(g.lognormal_amounts(t.n, 9500, 0.35, 3000, 30000)), INCOME, note="per-capita net income", dec=0)
    t.col("字段6", mapv(lambda _: "、".join(sorted(set(g.choice(["产业帮扶", "就业帮扶", "医疗保障", "教育资助", "低保兜底", "公益岗位"], g.randint(1, 3))))), d),
          WELFARE, note="assistance measures received")
    t.col("字段7", mapv(lambda x: x.isoformat(), g.dates(t.n, dt.date(2021, 1, 1), dt.date(2025, 10, 31))), EVENT_Q)
    t.col("字段8", mapv(lambda c: f"{V.DISTRICTS[c]}{g.street(c)}{g.one(V.VILLAGE_PREFIX)}{g.one(V.VILLAGE_SUFFIX)}", d), REGION_Q,
          note="village of residence")
    t.col("字段9", g.choice([0, 0, 0, 1, 1, 2], t.n).astype(int), MED, note="number of disabled household members (health)")
    t.col("备用字段1", sparse(g, P.mobile, 0.12), PHONE, note="mostly empty; a few mobiles", tags=("sparse",))
    t.col("备用字段2", np.full(t.n, None, dtype=object), OTHER, note="always empty", tags=("empty",))
