"""文化和旅游: library readers, scenic spots, inbound tour groups, real-name tickets, tourism statistics,
intangible-heritage inheritors."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (DOB, EMAIL, ENUM_Q, ETHNIC, EVENT_Q, GENDER, ID, INCOME, IP, NAME, ORG_Q, OTHER, PASSPORT,
                     PHONE, PID, REGION_Q, STAT, org, table)
from ..values import fmt_date, gender_text, mapv, mixed_dates, mixed_mobiles, sparse


@table("culture_library_readers", "culture", "people", "公共图书馆读者证信息", "jsonl", 2200, "english_camel", minors=True)
def library_readers(t):
    g = t.g
    P = g.persons(t.n, 4, 85)
    kind = mapv(lambda a: "少儿" if a < 14 else ("学生" if a < 23 and g.pr.random() < 0.7 else ("老年" if a >= 60 else "成人")), P.age)
    t.col("readerCardNo", np.array([f"0{x:09d}" for x in g.r.choice(10**9, t.n, replace=False)], dtype=object), PID)
    t.col("name", P.name, NAME)
    t.col("gender", gender_text(P.sex, "mf"), GENDER)
    t.col("birthDate", mixed_dates(g, P.birth, ["iso", "compact", "slash", "cn"], [0.4, 0.2, 0.2, 0.2]), DOB, tags=("mixed_formats",))
    t.col("idNo", np.where(P.age < 14, np.where(g.flag(0.5, t.n), P.id, None), P.id), ID, tags=("sparse",))
    t.col("mobile", mixed_mobiles(g, P.mobile, ["plain", "+86", "dash"], [0.8, 0.1, 0.1]), PHONE,
          note="children's cards carry a parent's mobile")
    t.col("email", sparse(g, np.array([g.personal_email() for _ in range(t.n)], dtype=object), 0.25), EMAIL, tags=("sparse",))
    t.col("registeredAt", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2015, 1, 1), dt.date(2025, 12, 20))), EVENT_Q)
    t.col("readerType", kind, ENUM_Q, note="reader category (少儿 reveals a child)")
    t.col("ext_attr_3", np.where(P.age < 14, g.names(t.n), None), NAME, note="opaque field: guardian of a child reader",
          tags=("sparse",))
    t.col("loanCount", g.lognormal_amounts(t.n, 8, 1.2, 0, 900, 1).astype(int), OTHER)
    t.col("homeBranch", g.choice(["总馆", "少儿分馆", "西湖分馆", "滨江分馆", "萧山分馆", "24小时自助图书馆"], t.n), ORG_Q)


@table("culture_scenic_spots", "culture", "organisations", "A级旅游景区名录", "xlsx", 160, "chinese")
def scenic_spots(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    names, seen = [], set()
    for c in codes:
        nm = f"{V.DISTRICTS[c][:-1]}{g.one(V.COMMUNITY_PREFIX)}{g.one(['景区', '古镇', '湿地公园', '森林公园', '博物馆', '度假区', '大峡谷'])}"
        while nm in seen:
            nm = nm + "（二期）"
        seen.add(nm)
        names.append(nm)
    lon, lat = g.coords_in(codes, spread=(0.2, 0.15))
    t.col("景区名称", names, org("ORG_NAME"))
    t.col("等级", g.choice(["5A", "4A", "3A", "2A"], t.n, [0.06, 0.35, 0.5, 0.09]), STAT)
    t.col("所在地", mapv(lambda c: g.city_of(c) + V.DISTRICTS[c], codes), org("REGION"))
    t.col("地址", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("经度", lon, org("PRECISE_LOCATION"))
    t.col("纬度", lat, org("PRECISE_LOCATION"))
    t.col("咨询电话", mapv(lambda c: g.hotline400() if g.pr.random() < 0.3 else g.landline(c[:4]), codes), org("PHONE_NUMBER"),
          note="landlines and 400 numbers")
    t.col("投诉电话", mapv(lambda c: g.one(["12345", g.landline(c[:4])]), codes), org("PHONE_NUMBER"))
    t.col("开放时间", g.choice(["全天开放", "08:00-17:30", "08:30-17:00（周一闭馆）", "夏季07:30-18:00；冬季08:00-17:00"], t.n), STAT)
    t.col("门票价格", g.choice(["免费", "40元", "60元", "80元", "120元", "150元"], t.n), STAT)
    t.col("管理单位", mapv(lambda c: f"{V.DISTRICTS[c]}{g.pick(V.BRAND_CHARS, 2)}旅游开发有限公司", codes), org("ORG_NAME"))


@table("culture_inbound_tour_groups", "culture", "people", "入境旅游团队游客名单", "csv", 900, "english_snake")
def inbound_tour_groups(t):
    g = t.g
    groups = 60
    gi = np.sort(g.ints(0, groups - 1, t.n))
    nat_g = g.choice(["美国", "日本", "韩国", "德国", "法国", "英国", "澳大利亚", "意大利", "西班牙"], groups)
    nat = nat_g[gi]
    sex = g.choice(["1", "2"], t.n)
    people = [g.foreign_person(n, s) for n, s in zip(nat, sex)]
    age = g.ints(20, 78, t.n)
    birth = g.birth_from_age(age)
    entry = g.dates(groups, dt.date(2025, 3, 1), dt.date(2025, 11, 30))
    guides = g.persons(20, 25, 55)
    gd = g.ints(0, 19, groups)
    t.col("group_no", np.array([f"ZJ2025-{i + 1:04d}" for i in gi], dtype=object), OTHER)
    t.col("guest_name", np.array([f"{a}/{b}" for a, b in people], dtype=object), NAME, note="SURNAME/GIVEN as on the passport")
    t.col("gender", gender_text(sex, "mf"), GENDER)
    t.col("nationality", nat, ENUM_Q)
    t.col("birth_date", mapv(lambda b: fmt_date(b, "dmy"), birth), DOB, note="DD-MON-YYYY")
    t.col("passport_no", np.array([g.foreign_passport(n) for n in nat], dtype=object), PASSPORT, note="foreign passport numbers")
    t.col("passport_expiry", mapv(lambda _: (dt.date(2026, 1, 1) + dt.timedelta(days=g.randint(0, 3600))).isoformat(), nat),
          ("none", "EVENT_DATE", "quasi"))
    t.col("entry_date", mapv(lambda d: d.isoformat(), entry[gi]), EVENT_Q)
    t.col("guide_name", guides.name[gd][gi], NAME)
    t.col("guide_license_no", np.array([f"D-3301-{g.digits(6)}" for _ in range(20)], dtype=object)[gd][gi], PID, note="tour-guide licence")
    t.col("travel_agency", g.choice([f"浙江{g.pick(V.BRAND_CHARS, 2)}国际旅行社有限公司" for _ in range(8)], groups)[gi], ORG_Q)


@table("culture_performance_tickets", "culture", "people", "大型演出实名制购票信息", "parquet", 3000, "english_snake")
def performance_tickets(t):
    g = t.g
    P = g.persons(t.n, 16, 65, local=0.6)
    shows = [("“时光”巡回演唱会-杭州站", "杭州奥体中心体育场"), ("经典音乐剧《猫》中文版", "杭州大剧院"), ("越剧《梁山伯与祝英台》", "浙江胜利剧院"),
             ("跨年音乐节", "杭州奥体中心网球中心"), ("话剧《茶馆》", "杭州大剧院")]
    s = g.r.choice(len(shows), t.n, p=[0.45, 0.2, 0.1, 0.15, 0.1])
    times = [dt.datetime(2025, 5, 17, 19, 30), dt.datetime(2025, 8, 2, 19, 30), dt.datetime(2025, 9, 20, 14, 0),
             dt.datetime(2025, 12, 31, 20, 0), dt.datetime(2025, 11, 8, 19, 30)]
    t.col("order_no", np.array([f"DM{g.digits(16)}" for _ in range(t.n)], dtype=object), OTHER)
    t.col("buyer_name", P.name, NAME)
    t.col("sfz_no", P.id, ID, note="real-name ticketing", style="mixed")
    t.col("mobile", mixed_mobiles(g, P.mobile, ["plain", "+86"], [0.7, 0.3]), PHONE)
    t.col("performance", np.array([shows[i][0] for i in s], dtype=object), ENUM_Q, note="event attended")
    t.col("show_time", np.array([times[i] for i in s], dtype=object), EVENT_Q)
    t.col("venue", np.array([shows[i][1] for i in s], dtype=object), ORG_Q)
    t.col("seat", mapv(lambda _: f"{g.one(['内场', '看台'])}{g.one(list('ABCDEF'))}区{g.randint(1, 40)}排{g.randint(1, 60)}座", s), OTHER)
    t.col("ticket_tier", g.choice(["380", "580", "880", "1280", "1680"], t.n), OTHER, note="price tier (a catalogue price)")
    t.col("payment_method", g.choice(["支付宝", "微信支付", "银联"], t.n), OTHER)
    t.col("ip_address", np.array([g.ip() for _ in range(t.n)], dtype=object), IP, note="buyer's IP")


@table("culture_tourism_stats", "culture", "aggregate", "重点景区月度接待统计", "csv", 960, "chinese", delim="\t")
def tourism_stats(t):
    g = t.g
    spots = [f"{V.DISTRICTS[c][:-1]}{g.one(V.COMMUNITY_PREFIX)}{g.one(['景区', '古镇', '湿地公园'])}" for c in g.choice(list(V.DISTRICTS), 40)]
    rows = [(s, y, m) for s in spots for y in (2024, 2025) for m in range(1, 13)]
    visitors = np.round(g.lognormal_amounts(len(rows), 12, 0.8, 0.2, 300), 2)
    t.col("景区", [r[0] for r in rows], org("ORG_NAME"))
    t.col("月份", [f"{r[1]}-{r[2]:02d}" for r in rows], STAT)
    t.col("接待游客（万人次）", visitors, STAT, dec=2)
    t.col("门票收入（万元）", np.round(visitors * g.r.uniform(0, 60, len(rows)), 2), STAT, dec=2)
    t.col("过夜游客（万人次）", np.round(visitors * g.r.uniform(0.05, 0.4, len(rows)), 2), STAT, dec=2)
    t.col("同比增长（%）", np.round(g.r.normal(6, 15, len(rows)), 1), STAT, dec=1)


@table("culture_heritage_inheritors", "culture", "people", "非物质文化遗产代表性传承人名录", "xlsx", 120, "chinese")
def heritage_inheritors(t):
    g = t.g
    P = g.persons(t.n, 45, 95, local=1.0)
    items = [("龙泉青瓷烧制技艺", "传统技艺"), ("越剧", "传统戏剧"), ("西湖龙井茶制作技艺", "传统技艺"), ("东阳木雕", "传统美术"),
             ("绍兴黄酒酿制技艺", "传统技艺"), ("畲族民歌", "传统音乐"), ("瓯塑", "传统美术"), ("温州鼓词", "曲艺"), ("余杭滚灯", "传统舞蹈")]
    it = g.r.choice(len(items), t.n)
    t.col("姓名", P.name, NAME)
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("出生年月", mapv(lambda b: fmt_date(b, "ym"), P.birth), DOB, note="year.month")
    t.col("民族", P.ethnicity, ETHNIC)
    t.col("项目名称", np.array([items[i][0] for i in it], dtype=object), ENUM_Q)
    t.col("项目类别", np.array([items[i][1] for i in it], dtype=object), OTHER)
    t.col("申报地区", mapv(lambda c: V.DISTRICTS[c], P.district), REGION_Q)
    t.col("认定批次", g.choice(["第三批", "第四批", "第五批", "第六批"], t.n), OTHER)
    t.col("年度补助经费（元）", g.choice([5000, 8000, 10000, 20000], t.n).astype(int), INCOME, note="subsidy paid to the inheritor")
