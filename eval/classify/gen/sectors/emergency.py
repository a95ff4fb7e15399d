"""应急管理: hazardous-chemical enterprises, shelters, disaster relief, production accidents, rescue teams,
fire statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (CARD, DOB, EVENT_Q, GENDER, ID, INCOME, MED, NAME, ORG_Q, OTHER, PHONE, REGION_Q, STAT, WELFARE,
                     ENUM_Q, org, table)
from ..texts import accident_text
from ..values import fmt_date, gender_text, mapv, mixed_dates, spaced_card


@table("emergency_hazchem_enterprises", "emergency", "mixed", "危险化学品企业安全生产信息", "parquet", 450, "english_snake")
def hazchem_enterprises(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    lon, lat = g.coords_in(codes, spread=(0.12, 0.1))
    t.col("enterprise_name", mapv(lambda c: g.company_name(c, g.one(["化工", "新材料", "石化", "医药化工", "气体"])), codes), org("ORG_NAME"))
    t.col("uscc", mapv(lambda c: g.uscc("91", c), codes), org("USCC"))
    t.col("address", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("longitude", lon, org("PRECISE_LOCATION"))
    t.col("latitude", lat, org("PRECISE_LOCATION"))
    t.col("principal_name", g.names(t.n), NAME, note="主要负责人")
    t.col("principal_mobile", g.mobiles(t.n), PHONE)
    t.col("safety_officer", g.names(t.n), NAME)
    t.col("safety_officer_mobile", g.mobiles(t.n), PHONE)
    t.col("duty_phone", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"), note="24-hour duty room")
    t.col("major_hazard_level", g.choice(["一级", "二级", "三级", "四级", "无"], t.n, [0.03, 0.07, 0.15, 0.25, 0.5]), STAT)
    t.col("main_chemicals", mapv(lambda _: "、".join(sorted(set(g.choice(["甲醇", "液氨", "液氯", "甲苯", "硫酸", "氢气", "丙烯", "乙酸乙酯"], 3)))), codes), STAT)


@table("emergency_shelters", "emergency", "organisations", "应急避难场所信息", "csv", 300, "opaque")
def shelters(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    lon, lat = g.coords_in(codes)
    t.col("col_1", mapv(lambda c: f"{V.DISTRICTS[c]}{g.one(V.COMMUNITY_PREFIX)}{g.one(['公园', '小学', '体育馆', '文化礼堂', '广场'])}应急避难场所", codes),
          org(), note="shelter name (a place)")
    t.col("col_2", g.choice(["Ⅰ类", "Ⅱ类", "Ⅲ类"], t.n, [0.1, 0.3, 0.6]), STAT)
    t.col("col_3", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("col_4", g.lognormal_amounts(t.n, 3000, 0.8, 200, 80000, 1).astype(int), STAT, note="area m2")
    t.col("col_5", g.lognormal_amounts(t.n, 800, 0.8, 50, 20000, 1).astype(int), STAT, note="capacity")
    t.col("col_6", lon, org("PRECISE_LOCATION"))
    t.col("col_7", lat, org("PRECISE_LOCATION"))
    t.col("col_8", mapv(lambda c: f"{V.DISTRICTS[c]}应急管理局", codes), org("ORG_NAME"))
    t.col("col_9", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"))


@table("emergency_disaster_relief", "emergency", "people", "受灾群众生活救助发放名册", "xlsx", 1100, "chinese")
def disaster_relief(t):
    g = t.g
    P = g.persons(t.n, 22, 92, local=1.0)
    d = g.choice([c for c in V.DISTRICTS if V.DISTRICTS[c].endswith("县")], t.n)
    cash = g.flag(0.15, t.n)
    cards = np.array([g.bank_card(["621058", "623091"], 19) for _ in range(t.n)], dtype=object)
    t.col("受助人", P.name, NAME)
    t.col("身份证号", P.id, ID)
    t.col("家庭人口", g.ints(1, 6, t.n), ENUM_Q)
    t.col("乡镇", mapv(g.street, d), REGION_Q)
    t.col("村", mapv(lambda _: g.one(V.VILLAGE_PREFIX) + g.one(V.VILLAGE_SUFFIX), d), REGION_Q)
    t.col("受灾类型", g.choice(["台风", "洪涝", "山体滑坡", "风雹"], t.n, [0.6, 0.3, 0.05, 0.05]), OTHER)
    t.col("房屋受损情况", g.choice(["倒塌", "严重损坏", "一般损坏", "未损坏"], t.n, [0.05, 0.15, 0.45, 0.35]), ("sensitive", None, "sensitive"),
          note="damage to the person's house (property information)")
    t.col("救助类别", g.choice(["过渡期生活救助", "冬春生活救助", "应急救助"], t.n), WELFARE)
    t.col("救助金额（元）", g.choice([500, 800, 1000, 1500, 3000, 5000], t.n).astype(int), INCOME)
    t.col("发放方式", np.where(cash, "现金", "银行转账"), OTHER)
    t.col("收款人", np.where(g.flag(0.85, t.n), P.name, g.names(t.n)), NAME, note="payee: the recipient or a family member")
    t.col("收款账号", np.where(cash, None, np.where(g.flag(0.3, t.n), mapv(spaced_card, cards), cards)), CARD, tags=("spaced", "sparse"))
    t.col("联系电话", P.mobile, PHONE)
    t.col("发放日期", g.dates(t.n, dt.date(2024, 9, 1), dt.date(2025, 10, 31)), EVENT_Q, ptype="date")


@table("emergency_production_accidents", "emergency", "mixed", "生产安全事故信息", "jsonl", 200, "pinyin")
def production_accidents(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    firms = mapv(lambda c: g.company_name(c, g.one(["机械", "建设", "化工", "纺织", "物流", "建材"])), codes)
    victims = g.persons(t.n, 20, 62)
    kind = g.choice(["机械伤害", "高处坠落", "物体打击", "起重伤害", "中毒和窒息", "车辆伤害"], t.n)
    dead = g.choice([0, 1, 1, 1, 2], t.n).astype(int)
    t.col("shigumingcheng", mapv(lambda f, k: f"{f}“{k}”事故".replace("有限公司", "", 1) if g.pr.random() < 0.5 else f"{f}{k}事故", firms, kind), STAT)
    t.col("fashengshijian", g.datetimes(t.n, dt.date(2023, 1, 1), dt.date(2025, 11, 30), hours=(6, 22)), org("EVENT_DATE"))
    t.col("fashengdidian", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("qiyemingcheng", firms, org("ORG_NAME"))
    t.col("tongyishehuixinyongdaima", mapv(lambda c: g.uscc("91", c), codes), org("USCC"))
    t.col("shiguleixing", kind, STAT)
    t.col("siwangrenshu", dead, STAT)
    t.col("shoushangrenshu", g.choice([0, 0, 1, 2, 3], t.n).astype(int), STAT)
    t.col("zhijiejingjisunshi", np.round(g.lognormal_amounts(t.n, 150, 0.8, 10, 3000), 1), STAT, note="万元 (organisation loss)")
    t.col("shigujianyaojingguo", mapv(lambda f, n, a, s: accident_text(g, f, n, a, s), firms, victims.name, victims.age, victims.sex),
          ("sensitive", "MEDICAL_CONDITION", "sensitive"),
          note="narrative: masked victim (王某某), sex, age and injuries: health of an identifiable worker", tags=("free_text", "masked"))


@table("emergency_rescue_team_members", "emergency", "people", "应急救援队伍队员信息", "csv", 600, "initials", delim="|")
def rescue_team_members(t):
    g = t.g
    P = g.persons(t.n, 20, 58)
    teams = [f"{V.DISTRICTS[c]}{g.one(['蓝天救援队', '应急救援大队', '山地救援队', '水上救援队'])}" for c in g.choice(list(V.DISTRICTS), 12)]
    t.col("dyxm", P.name, NAME)
    t.col("xb", gender_text(P.sex, "code"), GENDER)
    t.col("csrq", mixed_dates(g, P.birth, ["iso", "slash", "compact"], [0.5, 0.3, 0.2]), DOB, tags=("mixed_formats",))
    t.col("sfzh", P.id, ID)
    t.col("sjhm", P.mobile, PHONE)
    t.col("xx_blood", g.choice(["A型", "B型", "O型", "AB型", "A型Rh阴性", "O型Rh阴性"], t.n, [0.31, 0.28, 0.32, 0.08, 0.005, 0.005]), MED,
          note="blood type (physiological information)", style="mixed")
    t.col("zytc", g.choice(["绳索救援", "水域救援", "医疗急救", "通信保障", "无人机", "驾驶", "搜救犬"], t.n), OTHER)
    t.col("ssdw", g.choice(teams, t.n), ORG_Q)
    t.col("jjlxr", g.names(t.n), NAME, note="emergency contact")
    t.col("jjlxrdh", g.mobiles(t.n), PHONE)
    t.col("rdrq", mapv(lambda d: fmt_date(d, "iso"), g.dates(t.n, dt.date(2015, 1, 1), dt.date(2025, 10, 1))), EVENT_Q, note="joined on")


@table("emergency_fire_stats", "emergency", "aggregate", "火灾情况月度统计", "csv", 576, "chinese", enc="gbk", newline="\r\n")
def fire_stats(t):
    g = t.g
    rows = [(f"{y}年{m}月", c) for y in (2022, 2023, 2024, 2025) for m in range(1, 13) for c in list(V.DISTRICTS)[:12]]
    fires = g.r.poisson(35, len(rows))
    t.col("月份", [r[0] for r in rows], STAT)
    t.col("区县", [V.DISTRICTS[r[1]] for r in rows], org("REGION"))
    t.col("火灾起数", fires, STAT)
    t.col("死亡人数", g.r.poisson(0.15, len(rows)), STAT)
    t.col("受伤人数", g.r.poisson(0.4, len(rows)), STAT)
    t.col("直接财产损失（万元）", np.round(fires * g.r.uniform(0.5, 8, len(rows)), 2), STAT, dec=2)
