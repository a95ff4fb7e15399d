"""交通运输: vehicle register, taxi drivers, bus stops, ride-hailing orders, ETC passages, passenger volume."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ADDR, AGE, CREDIT, EVENT_Q, GENDER, ID, INCOME, NAME, ORG_Q, OTHER, PHONE, PID, PLATE,
                     REGION_Q, STAT, TRACK, org, table)
from ..values import gender_text, mapv, mask_card, mask_mobile

BRANDS = [("大众", ["朗逸", "帕萨特", "速腾", "ID.4"]), ("丰田", ["凯美瑞", "卡罗拉", "RAV4"]), ("比亚迪", ["秦PLUS", "汉", "宋PLUS", "海豚"]),
          ("吉利", ["帝豪", "博越", "星越L"]), ("特斯拉", ["Model 3", "Model Y"]), ("本田", ["雅阁", "思域", "CR-V"]),
          ("别克", ["英朗", "GL8"]), ("理想", ["L7", "L9"]), ("长安", ["CS75", "逸动"])]


@table("transport_vehicle_register", "transport", "people", "机动车登记信息", "parquet", 3000, "initials")
def vehicle_register(t):
    g = t.g
    P = g.persons(t.n, 19, 80)
    company = g.flag(0.07, t.n)
    bi = g.r.choice(len(BRANDS), t.n)
    plates = np.array([g.plate(new_energy=0.22) for _ in range(t.n)], dtype=object)
    t.col("hphm", plates, PLATE)
    t.col("hpzl", mapv(lambda p: "52" if len(p) == 8 else "02", plates), OTHER)
    t.col("clpp", np.array([BRANDS[i][0] for i in bi], dtype=object), OTHER)
    t.col("clxh", np.array([g.one(BRANDS[i][1]) for i in bi], dtype=object), OTHER)
    t.col("csys", g.choice(["A", "J", "B", "E", "H", "G"], t.n, [0.4, 0.25, 0.05, 0.05, 0.15, 0.1]), OTHER, note="colour code")
    owner = np.where(company, np.array([g.company_name() for _ in range(t.n)], dtype=object), P.name)
    t.col("syr", owner, NAME, note="所有人: natural persons; ~7% company-owned vehicles")
    t.col("sfzmmc", np.where(company, "统一社会信用代码证书", "居民身份证"), OTHER)
    t.col("sfzmhm", np.where(company, np.array([g.uscc("91") for _ in range(t.n)], dtype=object), P.id), ID,
          note="resident IDs of owners; USCC for company-owned vehicles", tags=("mixed_docs",))
    t.col("zsxxdz", np.where(company, np.array([g.org_address() for _ in range(t.n)], dtype=object), P.addr), ADDR)
    t.col("owner_sjhm", mapv(int, P.mobile), PHONE, tags=("int",), ptype="int", style="mixed")
    t.col("ccdjrq", g.dates(t.n, dt.date(2008, 1, 1), dt.date(2025, 12, 15)), EVENT_Q, ptype="date")
    t.col("syxz", g.choice(["A", "A", "A", "A", "B", "F", "Z"], t.n), OTHER, note="use code (非营运/公路客运/营转非...)")
    t.col("clsbdh", np.array([g.vin() for _ in range(t.n)], dtype=object), ("personal", None, "direct"),
          note="VIN identifies the owner's vehicle like a plate; no vocabulary entity")
    t.col("zt", g.choice(["A", "A", "A", "G", "E"], t.n), OTHER, note="status code")


@table("transport_taxi_drivers", "transport", "people", "巡游出租汽车驾驶员从业资格信息", "jsonl", 900, "english_camel")
def taxi_drivers(t):
    g = t.g
    P = g.persons(t.n, 25, 62, local=0.6)
    companies = [f"{g.city_of(c)}{g.one(V.COMMUNITY_PREFIX)}出租汽车有限公司" for c in g.choice(list(V.DISTRICTS)[:13], 15)]
    t.col("driverName", P.name, NAME)
    t.col("gender", gender_text(P.sex, "cn"), GENDER)
    t.col("age", P.age, AGE)
    t.col("qualificationCertNo", P.id, ID, note="从业资格证号 = resident ID number")
    t.col("nativePlace", mapv(lambda h: V.ORIGINS.get(h) or g.city_of(h) + V.DISTRICTS.get(h, V.OLD_DISTRICTS.get(h, "")), P.hukou),
          REGION_Q, note="籍贯")
    t.col("company", g.choice(companies, t.n), ORG_Q)
    t.col("plateNo", np.array([g.plate("A", new_energy=0.5) for _ in range(t.n)], dtype=object), ("personal", "LICENSE_PLATE", "quasi"),
          note="plate of the company taxi the driver operates (shared by two drivers)")
    t.col("serviceCardNo", np.array([f"{g.digits(6)}" for _ in range(t.n)], dtype=object), PID, note="服务监督卡号 shown in the cab")
    t.col("mobile", P.mobile, PHONE)
    t.col("issueDate", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2010, 1, 1), dt.date(2025, 10, 31))), EVENT_Q)
    t.col("creditRating", g.choice(["AAA", "AA", "A", "B"], t.n, [0.3, 0.5, 0.15, 0.05]), OTHER)


@table("transport_bus_stops", "transport", "organisations", "公交站点信息", "csv", 2400, "opaque", delim="|")
def bus_stops(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS)[:13], t.n)
    lon, lat = g.coords(t.n, center=(120.17, 30.27), spread=(0.16, 0.11), decimals=6)
    t.col("field1", np.array([f"{c[2:6]}{i:05d}" for i, c in enumerate(codes)], dtype=object), STAT)
    t.col("field2", mapv(lambda _: g.one([g.one(V.ROADS) + g.one(["口", "东", "西", "站", "路口"]), g.community_name(), g.one(V.ROADS) + g.one(V.ROADS)[:2]]),
                         codes), org(), note="stop name (place name)")
    t.col("field3", mapv(lambda _: ",".join(sorted({f"{g.one(['', '', 'K', 'B支'])}{g.randint(1, 399)}路" for _ in range(g.randint(1, 6))})), codes), STAT)
    t.col("field4", lon, org("PRECISE_LOCATION"), note="bus-stop coordinates: a place")
    t.col("field5", lat, org("PRECISE_LOCATION"))
    t.col("field6", mapv(lambda c: V.DISTRICTS[c], codes), org("REGION"))
    t.col("field7", g.choice(["有", "无"], t.n, [0.7, 0.3]), STAT, note="shelter")
    t.col("field8", g.choice(["上行", "下行"], t.n), STAT)


@table("transport_ride_hailing_orders", "transport", "people", "网约车订单信息", "csv", 3000, "mixed")
def ride_hailing(t):
    g = t.g
    drivers = g.persons(300, 23, 60, local=0.5)
    d = g.ints(0, 299, t.n)
    start = g.datetimes(t.n, dt.date(2025, 10, 1), dt.date(2025, 10, 31), hours=(0, 24))
    slon, slat = g.coords(t.n, decimals=6)
    dist = g.r.lognormal(1.9, 0.6, t.n)
    ang = g.r.uniform(0, 2 * np.pi, t.n)
    elon = np.round(slon + dist / 96 * np.cos(ang), 6)
    elat = np.round(slat + dist / 111 * np.sin(ang), 6)
    t.col("order_id", np.array([f"{s:%Y%m%d%H%M%S}{g.digits(6)}" for s in start], dtype=object), OTHER, style="english_snake")
    t.col("ck_mobile", mapv(mask_mobile, g.mobiles(t.n)), PHONE, note="passenger mobile masked 138****1234: still direct",
          tags=("masked",))
    t.col("sc_time", start, EVENT_Q, note="pick-up time")
    t.col("sc_lng", slon, TRACK, note="pick-up longitude of the passenger (trajectory point)")
    t.col("sc_lat", slat, TRACK)
    t.col("xc_time", mapv(lambda s, km: s + dt.timedelta(minutes=int(km * 2.5 + g.randint(3, 15))), start, dist), EVENT_Q)
    t.col("xc_lng", elon, TRACK)
    t.col("xc_lat", elat, TRACK)
    t.col("lc_km", np.round(dist * 1.3, 1), OTHER, dec=1, note="trip distance")
    t.col("order_amount", np.round(11 + dist * 1.3 * 2.3, 2), INCOME, dec=2, note="fare paid by the passenger (transaction record)",
          style="english_snake")
    t.col("driver_xm", drivers.name[d], NAME)
    t.col("car_hphm", np.array([g.plate("A", new_energy=0.6) for _ in range(300)], dtype=object)[d], PLATE,
          note="ride-hailing car, usually the driver's own")
    t.col("pay_type", g.choice(["微信", "支付宝", "银行卡", "企业支付"], t.n), OTHER, style="english_snake")


@table("transport_etc_passages", "transport", "people", "高速公路ETC通行记录", "parquet", 3000, "english_camel")
def etc_passages(t):
    g = t.g
    n_cards = 700
    plates = np.array([g.plate(new_energy=0.2) for _ in range(n_cards)], dtype=object)
    cards = np.array([f"3301{g.digits(16)}" for _ in range(n_cards)], dtype=object)
    credit = np.array([g.credit_card() for _ in range(n_cards)], dtype=object)
    credit_disp = np.where(g.flag(0.5, n_cards), mapv(mask_card, credit), credit)
    credit_disp = np.where(g.flag(0.45, n_cards), None, credit_disp)
    c = g.ints(0, n_cards - 1, t.n)
    stations = ["杭州西", "杭州北", "杭州南", "萧山", "余杭", "富阳", "绍兴", "柯桥", "上虞", "宁波东", "宁波西", "嘉兴", "海宁", "湖州",
                "德清", "诸暨", "义乌", "金华", "东阳", "临安", "桐庐", "温州南", "台州"]
    entry = g.datetimes(t.n, dt.date(2025, 9, 1), dt.date(2025, 11, 30), hours=(0, 24))
    km = g.r.lognormal(4.0, 0.6, t.n)
    t.col("cardNo", cards[c], PID, note="ETC card number: identifies the card holder's account (judgement: PERSON_ID, "
          "not a bank card: 20 digits, no Luhn)")
    t.col("plateNo", plates[c], PLATE)
    owners = g.names(n_cards)
    t.col("车主", owners[c], NAME, note="Chinese column in an English-named table")
    t.col("车主手机", g.mobiles(n_cards)[c], PHONE)
    t.col("plateColor", mapv(lambda p: "渐变绿" if len(p) == 8 else "蓝", plates[c]), OTHER)
    t.col("vehicleClass", g.choice(["一类客车", "二类客车", "一类货车", "二类货车"], t.n, [0.85, 0.05, 0.07, 0.03]), OTHER)
    t.col("entryStation", g.choice(stations, t.n), TRACK, note="toll station + time = trajectory of the vehicle owner")
    t.col("entryTime", entry, EVENT_Q)
    t.col("exitStation", g.choice(stations, t.n), TRACK)
    t.col("exitTime", mapv(lambda e, k: e + dt.timedelta(minutes=int(k / 1.6 + 5)), entry, km), EVENT_Q)
    t.col("toll", np.round(km * 0.45, 2), INCOME, note="toll paid (transaction record)")
    t.col("boundCreditCard", credit_disp[c], CREDIT, note="bound credit card (记账卡), masked or empty in most rows",
          tags=("masked", "sparse"))


@table("transport_passenger_volume", "transport", "aggregate", "公交线路月度客运量统计", "csv", 720, "chinese", enc="gbk",
       newline="\r\n")
def passenger_volume(t):
    g = t.g
    routes = sorted({f"{g.one(['', '', 'K', 'B'])}{g.randint(1, 399)}路" for _ in range(200)})[:60]
    rows = [(r, m) for r in routes for m in range(1, 13)]
    t.col("线路", [r for r, _ in rows], STAT)
    t.col("月份", [f"2024年{m}月" for _, m in rows], STAT)
    t.col("客运量（万人次）", np.round(g.lognormal_amounts(len(rows), 18, 0.7, 0.5, 200), 2), STAT, dec=2)
    t.col("营运里程（万公里）", np.round(g.lognormal_amounts(len(rows), 6, 0.5, 0.5, 40), 2), STAT, dec=2)
    t.col("配车数", g.ints(6, 60, len(rows)), STAT)
    t.col("准点率（%）", np.round(g.r.uniform(82, 99.5, len(rows)), 1), STAT, dec=1)
