"""住房公积金: personal accounts, loans, employer units, withdrawals, monthly statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import CARD, EVENT_Q, ID, INCOME, IP, NAME, ORG_Q, OTHER, PHONE, PID, STAT, WELFARE, org, table
from ..values import mapv, mask_card, sparse

ACCOUNT = ("sensitive", "BANK_CARD", "direct")
PROPERTY_ADDR = ("sensitive", "ADDRESS", "direct")


@table("fund_personal_accounts", "fund", "people", "住房公积金个人账户信息", "parquet", 3000, "initials")
def personal_accounts(t):
    g = t.g
    P = g.persons(t.n, 20, 60)
    n_units = 260
    ucodes = g.choice(list(V.DISTRICTS), n_units)
    units = np.array([g.company_name(c) for c in ucodes], dtype=object)
    uacc = np.array([f"{g.digits(10)}" for _ in range(n_units)], dtype=object)
    u = g.ints(0, n_units - 1, t.n)
    base = np.clip(np.round(g.lognormal_amounts(t.n, 7500, 0.5)), 2490, 39000)
    rate = g.choice([0.05, 0.08, 0.1, 0.12], t.n, [0.1, 0.2, 0.2, 0.5]).astype(float)
    t.col("grzh", np.array([f"{x:012d}" for x in g.r.choice(10**12, t.n, replace=False)], dtype=object), ACCOUNT,
          note="provident-fund personal account number: a financial account (no separate vocabulary entity)",
          tags=("account_no",))
    t.col("xm", P.name, NAME)
    t.col("zjhm", P.id, ID)
    t.col("dwmc", units[u], ORG_Q)
    t.col("dwzh", uacc[u], OTHER, note="employer's account")
    t.col("jcjs", base.astype(float), INCOME, note="deposit base (wage)")
    t.col("grjcbl", rate, OTHER)
    t.col("yjce", np.round(base * rate * 2, 2), INCOME, note="monthly deposit (employee + employer)")
    t.col("zhye_amt", np.round(g.lognormal_amounts(t.n, 42000, 1.0, 0, 600000), 2), INCOME, note="account balance", style="mixed")
    t.col("khrq", g.dates(t.n, dt.date(2005, 1, 1), dt.date(2025, 11, 30)), EVENT_Q, ptype="date")
    t.col("zhzt", g.choice(["正常", "封存", "销户"], t.n, [0.8, 0.17, 0.03]), OTHER)
    t.col("sjhm_mobile", P.mobile, PHONE, style="mixed")


@table("fund_loans", "fund", "people", "住房公积金个人贷款发放明细", "xlsx", 900, "chinese",
       note="property of a natural person (house location, floor area, price, loan) is labelled sensitive "
            "(GB/T 35273 Annex B 房产信息/信贷记录)")
def loans(t):
    g = t.g
    P = g.persons(t.n, 23, 55, local=0.9)
    married = g.flag(0.7, t.n)
    spouses = g.persons(t.n, ages=np.clip(P.age + g.ints(-4, 4, t.n), 22, 60), sex=np.where(P.sex == "1", "2", "1"))
    area = np.round(g.r.normal(95, 25, t.n).clip(40, 220), 2)
    price = np.round(area * g.r.uniform(1.4, 6.5, t.n), 1)
    loan = np.minimum(np.round(price * g.r.uniform(0.2, 0.7, t.n)), np.where(married, 120, 60)).astype(float)
    t.col("借款人姓名", P.name, NAME)
    t.col("借款人身份证号", P.id, ID)
    t.col("配偶姓名", np.where(married, spouses.name, None), NAME, tags=("sparse",))
    t.col("配偶身份证号", np.where(married, spouses.id, None), ID, tags=("sparse",))
    t.col("贷款金额（万元）", loan, INCOME, note="loan of a person (credit record)")
    t.col("贷款期限（月）", g.choice([120, 180, 240, 300, 360], t.n).astype(int), OTHER)
    t.col("执行利率（%）", g.choice([2.85, 3.1, 2.6], t.n).astype(float), OTHER)
    t.col("房屋坐落", mapv(lambda c: g.home_address(c, with_province=False), P.district), PROPERTY_ADDR,
          note="location of the borrower's purchased home: property information")
    t.col("建筑面积（㎡）", area, INCOME, note="floor area of the person's property (property information)")
    t.col("购房总价（万元）", price, INCOME)
    t.col("贷款银行", g.choice(["中国建设银行", "中国工商银行", "中国农业银行", "中国银行", "杭州银行", "浙江农商银行"], t.n), org("ORG_NAME"))
    cards = np.array([g.bank_card(["621700", "622202", "622848"]) for _ in range(t.n)], dtype=object)
    t.col("还款账号", cards, CARD)
    d = g.dates(t.n, dt.date(2021, 1, 1), dt.date(2025, 11, 30))
    t.col("放款日期", d, EVENT_Q, ptype="date")
    t.col("贷款余额（元）", np.round(loan * 1e4 * g.r.uniform(0.5, 1.0, t.n), 2), INCOME, dec=2)
    t.col("逾期期数", g.choice([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3], t.n).astype(int), INCOME,
          note="overdue instalments: credit record (sensitive); no credit entity in the vocabulary")


@table("fund_employer_units", "fund", "mixed", "住房公积金缴存单位信息", "csv", 800, "english_snake", delim="|")
def employer_units(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    t.col("unit_name", mapv(g.company_name, codes), org("ORG_NAME"))
    t.col("uscc", mapv(lambda c: g.uscc(g.one(["91", "91", "91", "12", "11"]), c), codes), org("USCC"))
    t.col("unit_account", np.array([g.digits(10) for _ in range(t.n)], dtype=object), STAT)
    t.col("unit_type", g.choice(["企业", "机关", "事业单位", "社会团体", "民办非企业单位"], t.n, [0.8, 0.04, 0.1, 0.03, 0.03]), STAT)
    t.col("handler_name", g.names(t.n), NAME, note="经办人 of the unit")
    t.col("handler_mobile", g.mobiles(t.n), PHONE)
    t.col("unit_phone", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"))
    t.col("depositors", g.lognormal_amounts(t.n, 35, 1.1, 1, 8000, 1).astype(int), STAT)
    t.col("monthly_deposit_total", np.round(g.lognormal_amounts(t.n, 60000, 1.2, 500, 9e6), 2), STAT, dec=2,
          note="amount of an organisation")
    t.col("opened_on", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(1999, 1, 1), dt.date(2025, 11, 30))), org("EVENT_DATE"))
    t.col("unit_address", mapv(g.org_address, codes), org("ADDRESS"))


@table("fund_monthly_stats", "fund", "aggregate", "住房公积金业务运行月报", "jsonl", 432, "pinyin")
def monthly_stats(t):
    g = t.g
    centers = ["市本级", "萧山分中心", "余杭分中心", "富阳分中心", "临安分中心", "省直分中心"]
    months = [f"{y}-{m:02d}" for y in range(2020, 2026) for m in range(1, 13)]
    rows = [(c, m) for c in centers for m in months]
    t.col("fenzhongxin", [c for c, _ in rows], org("ORG_NAME"))
    t.col("yuefen", [m for _, m in rows], STAT)
    t.col("jiaocune", np.round(g.r.uniform(1.5, 25, len(rows)), 2), STAT, note="亿元")
    t.col("tique", np.round(g.r.uniform(1.0, 20, len(rows)), 2), STAT)
    t.col("daikuanfafange", np.round(g.r.uniform(0.5, 15, len(rows)), 2), STAT)
    t.col("jiaocunrenshu", g.lognormal_amounts(len(rows), 300000, 0.6, 20000, 3e6, 1).astype(int), STAT)
    t.col("gedailv", np.round(g.r.uniform(60, 95, len(rows)), 2), STAT)


@table("fund_withdrawals", "fund", "people", "住房公积金提取业务明细", "parquet", 2700, "opaque")
def withdrawals(t):
    g = t.g
    P = g.persons(t.n, 20, 70)
    reason = g.choice(["购买自住住房", "偿还购房贷款本息", "租赁住房", "离休、退休", "重大疾病", "出境定居", "死亡或宣告死亡", "完全丧失劳动能力"],
                      t.n, [0.22, 0.35, 0.3, 0.08, 0.02, 0.01, 0.01, 0.01])
    cards = np.array([g.bank_card() for _ in range(t.n)], dtype=object)
    t.col("col_1", np.array([f"TQ{g.digits(14)}" for _ in range(t.n)], dtype=object), OTHER, note="business serial")
    t.col("col_2", P.name, NAME)
    t.col("col_3", np.where(g.flag(0.3, t.n), mapv(str.lower, P.id), P.id), ID, tags=("lowercase_x",))
    t.col("col_4", reason, WELFARE, note="withdrawal reason; a few values reveal serious illness, incapacity or death")
    t.col("col_5", np.round(g.lognormal_amounts(t.n, 18000, 0.9, 500, 500000), 2), INCOME)
    t.col("col_6", g.dates(t.n, dt.date(2024, 1, 1), dt.date(2025, 12, 20)), EVENT_Q, ptype="date")
    t.col("col_7", np.where(g.flag(0.15, t.n), mapv(mask_card, cards), cards), CARD, tags=("masked",))
    t.col("col_8", mapv(int, P.mobile), PHONE, tags=("int",), ptype="int")
    t.col("col_9", mapv(lambda c: f"{V.DISTRICTS[c]}管理部", P.district), org("ORG_NAME"), note="handling branch")
    t.col("col_10", g.choice([f"GJJ{x:04d}" for x in g.ints(1, 400, 30)], t.n), PID, note="operator's staff number")
    t.col("col_11", sparse(g, g.choice(["补充材料后办理", "委托代办", "线上办理", "柜台办理"], t.n), 0.1), OTHER, tags=("sparse",))
    t.col("col_12", np.where(g.flag(0.45, t.n), np.array([g.ip() for _ in range(t.n)], dtype=object), None), IP,
          note="opaque column: IP of online applications", tags=("sparse",))
