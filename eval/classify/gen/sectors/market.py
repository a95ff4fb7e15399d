"""市场监管: enterprise and individual-business registers, inspections, penalties, complaints, food licences,
registration statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import ADDR, EVENT_Q, ID, INCOME, IP, NAME, OTHER, PHONE, STAT, org, table
from ..texts import complaint_text
from ..values import mapv, mask_name, sparse

ENT_TYPES = ["有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "股份有限公司（非上市、自然人投资或控股）", "个人独资企业",
             "普通合伙企业", "有限责任公司（外商投资、非独资）"]


def _companies(g, n):
    codes = g.choice(list(V.DISTRICTS), n)
    names, seen = [], set()
    for c in codes:
        nm = g.company_name(c)
        while nm in seen:
            nm = g.company_name(c)
        seen.add(nm)
        names.append(nm)
    return codes, np.array(names, dtype=object)


@table("market_enterprise_register", "market", "mixed", "企业登记注册信息", "csv", 2500, "chinese", enc="utf-8-sig")
def enterprise_register(t):
    g = t.g
    codes, names = _companies(g, t.n)
    est = g.dates(t.n, dt.date(1995, 1, 1), dt.date(2025, 11, 30))
    t.col("企业名称", names, org("ORG_NAME"))
    t.col("统一社会信用代码", mapv(lambda c, d: g.uscc("91", c, new=d.year >= 2016), codes, est), org("USCC"))
    t.col("注册号", mapv(lambda c, d: f"{c}{g.digits(9)}" if d.year < 2016 else None, codes, est), STAT,
          note="legacy 15-digit business registration number (pre-2016 firms)", tags=("sparse",))
    t.col("企业类型", g.choice(ENT_TYPES, t.n, [0.55, 0.2, 0.06, 0.08, 0.05, 0.06]), STAT)
    t.col("法定代表人", g.names(t.n), NAME, note="legal representative: a natural person")
    t.col("注册资本（万元）", g.choice([3, 10, 50, 100, 200, 500, 1000, 5000], t.n, [0.05, 0.2, 0.25, 0.22, 0.1, 0.1, 0.06, 0.02]).astype(int), STAT)
    t.col("成立日期", mapv(lambda d: d.isoformat(), est), org("EVENT_DATE"))
    t.col("营业期限至", mapv(lambda d: "长期" if g.pr.random() < 0.7 else dt.date(d.year + 20, d.month, min(d.day, 28)).isoformat(), est), STAT)
    t.col("住所", mapv(g.org_address, codes), org("ADDRESS"), note="registered address of the company")
    t.col("经营范围", g.choice(V.BUSINESS_SCOPE, t.n), STAT, note="business scope text")
    t.col("登记机关", mapv(lambda c: f"{g.city_of(c)}{V.DISTRICTS[c]}市场监督管理局", codes), org("ORG_NAME"))
    t.col("登记状态", g.choice(["存续", "在业", "注销", "吊销，未注销", "迁出"], t.n, [0.65, 0.12, 0.15, 0.05, 0.03]), STAT)
    t.col("ext_attr_3", sparse(g, g.mobiles(t.n), 0.6), PHONE, note="opaque field: mobile of the company's liaison (联络员)",
          tags=("sparse",))
    t.col("核准日期", mapv(lambda d: (d + dt.timedelta(days=g.randint(0, 3000))).isoformat() if d.year < 2017 else d.isoformat(), est),
          org("EVENT_DATE"))


@table("market_individual_business", "market", "mixed", "个体工商户登记信息", "parquet", 3000, "initials")
def individual_business(t):
    g = t.g
    P = g.persons(t.n, 20, 70, local=0.7)
    codes = P.district
    t.col("zh", mapv(lambda n, c: g.shop_name(n, c), P.name, codes), org("ORG_NAME"),
          note="trade name of an individual business; some embed the operator's full name or surname")
    t.col("tyshxydm", mapv(lambda c: g.uscc("92", c), codes), org("USCC"), note="92-prefixed: public registry identifier")
    t.col("jyzxm", P.name, NAME, note="operator (经营者) of the individual business")
    t.col("jyz_idcard", P.id, ID, style="mixed")
    t.col("lxdh", mapv(int, P.mobile), PHONE, tags=("int",), ptype="int")
    t.col("jycs", mapv(lambda c: g.org_address(c) if g.pr.random() < 0.8 else g.home_address(c), codes), org("ADDRESS"),
          note="business premises; ~20% look like residential addresses (judgement: premises, not home)")
    t.col("jyfw", g.choice(V.BUSINESS_SCOPE, t.n), STAT)
    t.col("zcxs", g.choice(["个人经营", "家庭经营"], t.n, [0.85, 0.15]), STAT, note="组成形式")
    t.col("zjse", np.round(g.lognormal_amounts(t.n, 5, 1.0, 0.1, 200), 1), STAT, note="capital in 10k yuan")
    t.col("zcrq", g.dates(t.n, dt.date(2008, 1, 1), dt.date(2025, 12, 1)), org("EVENT_DATE"), ptype="date")
    t.col("djzt", g.choice(["存续", "注销", "吊销"], t.n, [0.75, 0.2, 0.05]), STAT)
    t.col("ssqx", mapv(lambda c: V.DISTRICTS[c], codes), org("REGION"))


@table("market_inspections", "market", "organisations", "双随机抽查结果公示", "jsonl", 1400, "english_snake")
def inspections(t):
    g = t.g
    codes, names = _companies(g, t.n)
    t.col("task_no", np.array([f"ZJ{g.one(['2024', '2025'])}{g.digits(6)}" for _ in range(t.n)], dtype=object), STAT)
    t.col("target_name", names, org("ORG_NAME"))
    t.col("credit_code", mapv(lambda c: g.uscc("91", c), codes), org("USCC"))
    t.col("target_address", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("inspection_type", g.choice(["双随机一公开", "专项检查", "重点检查"], t.n, [0.7, 0.2, 0.1]), STAT)
    t.col("inspection_item", g.choice(["企业公示信息抽查", "食品经营抽查", "产品质量监督抽查", "计量器具抽查", "广告发布抽查", "特种设备抽查"], t.n),
          STAT)
    t.col("inspection_date", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 12, 1))), org("EVENT_DATE"))
    t.col("result", g.choice(["未发现问题", "发现问题已责令改正", "未按规定公示年报", "通过登记的住所无法联系", "发现问题待后续处理"], t.n,
                             [0.72, 0.15, 0.05, 0.05, 0.03]), STAT)
    t.col("inspection_authority", mapv(lambda c: f"{V.DISTRICTS[c]}市场监督管理局", codes), org("ORG_NAME"))


@table("market_admin_penalties", "market", "mixed", "行政处罚信息公示", "xlsx", 700, "chinese",
       title_row="行政处罚信息公示（2025年度）")
def admin_penalties(t):
    g = t.g
    codes, names = _companies(g, t.n)
    indiv = g.flag(0.1, t.n)
    reps = g.names(t.n)
    names = np.where(indiv, mapv(lambda r, c: g.shop_name(r, c), reps, codes), names)
    kinds = [("销售过期食品", "《中华人民共和国食品安全法》第一百二十四条"), ("发布虚假广告", "《中华人民共和国广告法》第五十五条"),
             ("未按规定公示年度报告", "《企业信息公示暂行条例》"), ("销售不合格产品", "《中华人民共和国产品质量法》第四十九条"),
             ("价格违法", "《中华人民共和国价格法》第四十二条"), ("无证经营", "《无证无照经营查处办法》第十三条")]
    k = [kinds[i] for i in g.r.choice(len(kinds), t.n)]
    fine = np.round(g.lognormal_amounts(t.n, 1.2, 1.1, 0.05, 200), 2)
    t.col("行政相对人名称", names, org("ORG_NAME"), note="companies and ~10% individual businesses (trade names)")
    t.col("统一社会信用代码", mapv(lambda c, i: g.uscc("92" if i else "91", c), codes, indiv), org("USCC"))
    t.col("法定代表人", reps, NAME, note="legal representative / operator")
    t.col("处罚决定书文号", np.array([f"{V.DISTRICTS[c][:2]}市监处罚〔{g.one(['2024', '2025'])}〕{g.randint(1, 900)}号" for c in codes], dtype=object), STAT)
    t.col("违法行为类型", np.array([x[0] for x in k], dtype=object), STAT)
    t.col("处罚依据", np.array([x[1] for x in k], dtype=object), STAT)
    t.col("处罚内容", mapv(lambda f: f"罚款人民币{f:.2f}万元" + ("，没收违法所得" if g.pr.random() < 0.3 else ""), fine), STAT,
          note="penalty against an organisation: not personal")
    t.col("罚款金额（万元）", fine, STAT, dec=2)
    d = g.dates(t.n, dt.date(2025, 1, 1), dt.date(2025, 12, 20))
    t.col("处罚决定日期", d, org("EVENT_DATE"), ptype="date")
    t.col("处罚机关", mapv(lambda c: f"{g.city_of(c)}{V.DISTRICTS[c]}市场监督管理局", codes), org("ORG_NAME"))
    t.col("公示截止期", mapv(lambda x: dt.date(x.year + 3, x.month, min(x.day, 28)), d), org("EVENT_DATE"), ptype="date")


@table("market_consumer_complaints", "market", "people", "消费投诉举报登记", "csv", 1900, "english_camel", delim=";")
def consumer_complaints(t):
    g = t.g
    P = g.persons(t.n, 18, 75)
    codes, firms = _companies(g, 300)
    f = g.ints(0, 299, t.n)
    name_disp = mapv(lambda n: n if g.pr.random() < 0.8 else mask_name(n, g.one([2, 3])), P.name)
    t.col("complaintNo", np.array([f"TS{g.one(['2024', '2025'])}{g.digits(8)}" for _ in range(t.n)], dtype=object), OTHER)
    t.col("acceptDate", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 12, 20))), EVENT_Q)
    t.col("complainantName", name_disp, NAME, note="some written as 王先生/李女士")
    phone = np.where(g.flag(0.92, t.n), P.mobile, mapv(lambda c: g.landline(c[:4], dashed=False), P.district))
    t.col("complainantPhone", phone, PHONE, note="mobiles and some home landlines of consumers")
    t.col("complainantAddress", sparse(g, P.addr, 0.4), ADDR, tags=("sparse",))
    t.col("respondentName", firms[f], org("ORG_NAME"))
    t.col("respondentAddress", mapv(g.org_address, codes[f]), org("ADDRESS"))
    t.col("category", g.choice(["商品质量", "售后服务", "合同纠纷", "虚假宣传", "价格", "预付式消费", "食品安全"], t.n), OTHER)
    t.col("complaintContent", mapv(lambda n, m, fm: complaint_text(g, n, m, fm), P.name, P.mobile, firms[f]), ("personal", "FREE_TEXT", "direct"),
          note="narrative; ~35% state the complainant's name and mobile", tags=("free_text",))
    t.col("submitIp", np.where(g.flag(0.55, t.n), np.array([g.ip() for _ in range(t.n)], dtype=object), None), IP,
          note="IP of complaints filed online (empty for phone/visit channels)", tags=("sparse",))
    t.col("handleResult", g.choice(["经调解，双方达成一致，商家退款", "经调解，商家同意换货", "调解不成，告知消费者通过司法途径解决",
                                    "已转立案调查", "消费者撤回投诉", "商家已整改"], t.n), OTHER, note="formulaic outcome, no names")
    t.col("recoveredAmount", np.where(g.flag(0.5, t.n), g.lognormal_amounts(t.n, 600, 1.0, 10, 50000), 0.0), INCOME, dec=2,
          note="money recovered for the consumer (personal transaction amount)")


@table("market_food_licenses", "market", "organisations", "食品经营许可证信息", "csv", 1600, "pinyin", enc="gbk",
       newline="\r\n")
def food_licenses(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    indiv = g.flag(0.45, t.n)
    names = mapv(lambda i, c: g.shop_name(g.name(g.one(["1", "2"]), 1975), c) if i else g.company_name(c, g.one(["餐饮管理", "食品", "超市", "贸易"])),
                 indiv, codes)
    t.col("xukezhengbianhao", np.array([f"JY{g.one(['1', '2', '3'])}{c}{g.digits(7)}" for c in codes], dtype=object), STAT)
    t.col("jingyingzhemingcheng", names, org("ORG_NAME"))
    t.col("tongyishehuixinyongdaima", mapv(lambda i, c: g.uscc("92" if i else "91", c), indiv, codes), org("USCC"))
    t.col("jingyingchangsuo", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("zhutiyetai", g.choice(["餐饮服务经营者", "食品销售经营者", "单位食堂", "餐饮服务经营者（小型餐饮）"], t.n), STAT)
    t.col("jingyingxiangmu", g.choice(["预包装食品销售（含冷藏冷冻食品）", "热食类食品制售", "冷食类食品制售；热食类食品制售",
                                       "散装食品销售（不含冷藏冷冻食品）；特殊食品销售（保健食品）"], t.n), STAT)
    t.col("youxiaoqizhi", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2026, 1, 1), dt.date(2030, 12, 31))), org("EVENT_DATE"))
    t.col("fazhengjiguan", mapv(lambda c: f"{V.DISTRICTS[c]}市场监督管理局", codes), org("ORG_NAME"))
    t.col("richangjianduguanlijigou", mapv(lambda c: f"{V.DISTRICTS[c]}市场监督管理局{g.street(c)}市场监督管理所", codes), org("ORG_NAME"))
    t.col("tousujubaodianhua", g.choice(["12315", "0571-12315", "12345"], t.n), org("PHONE_NUMBER"), note="public complaint hotline")


@table("market_registration_stats", "market", "aggregate", "市场主体登记月度统计", "parquet", 432, "english_camel")
def registration_stats(t):
    g = t.g
    codes = list(V.DISTRICTS)[:12]
    months = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)]
    rows = [(c, m) for c in codes for m in months]
    t.col("districtName", [V.DISTRICTS[c] for c, _ in rows], org("REGION"))
    t.col("statMonth", [m for _, m in rows], STAT)
    t.col("newEnterprises", g.r.poisson(600, len(rows)), STAT)
    t.col("newIndividualBusinesses", g.r.poisson(1100, len(rows)), STAT)
    t.col("deregistered", g.r.poisson(400, len(rows)), STAT)
    t.col("activeEntities", g.lognormal_amounts(len(rows), 120000, 0.4, 20000, 600000, 1).astype(int), STAT)
    t.col("registeredCapitalBillion", np.round(g.r.uniform(5, 80, len(rows)), 2), STAT, dec=2)
