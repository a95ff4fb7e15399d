"""自然资源与生态环境: air quality, pollution permits, homestead approvals, emission monitoring,
geological hazard sites, emission statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ENUM_Q, EVENT_Q, ID, INCOME, NAME, OTHER, PHONE, REGION_Q, STAT, org, table)
from ..values import mapv

PROPERTY_ADDR = ("sensitive", "ADDRESS", "direct")


@table("environment_air_quality", "environment", "organisations", "环境空气质量监测站日均值", "parquet", 2400, "english_snake")
def air_quality(t):
    g = t.g
    scodes = g.choice(list(V.DISTRICTS), 20)
    stations = [(f"{g.city_of(c)[:-1]}{V.DISTRICTS[c][:-1]}{g.one(['监测站', '子站', '国控点'])}", c) for c in scodes]
    lon, lat = g.coords_in(scodes, spread=(0.05, 0.04), decimals=4)
    days = [dt.date(2025, 7, 1) + dt.timedelta(days=i) for i in range(120)]
    s = np.repeat(np.arange(20), 120)
    day = np.array(days * 20, dtype=object)
    pm25 = np.round(g.lognormal_amounts(t.n, 28, 0.5, 3, 250), 0).astype(int)
    pm10 = (pm25 * g.r.uniform(1.3, 2.0, t.n)).astype(int)
    o3 = np.round(g.lognormal_amounts(t.n, 95, 0.35, 10, 300)).astype(int)
    aqi = np.maximum.reduce([pm25 * 1.4, pm10 * 0.9, o3 * 0.6]).astype(int)
    t.col("station_name", np.array([stations[i][0] for i in s], dtype=object), org("ORG_NAME"), note="monitoring station")
    t.col("station_code", np.array([f"{1000 + i}A" for i in s], dtype=object), STAT)
    t.col("longitude", lon[s], org("PRECISE_LOCATION"))
    t.col("latitude", lat[s], org("PRECISE_LOCATION"))
    t.col("monitor_date", day, org("EVENT_DATE"), ptype="date")
    t.col("aqi", aqi, STAT)
    t.col("pm25", pm25, STAT)
    t.col("pm10", pm10, STAT)
    t.col("so2", g.ints(3, 15, t.n), STAT)
    t.col("no2", g.ints(8, 70, t.n), STAT)
    t.col("o3_8h", o3, STAT)
    t.col("co", np.round(g.r.uniform(0.3, 1.4, t.n), 1), STAT)
    t.col("primary_pollutant", mapv(lambda a, p, o: "—" if a <= 50 else ("PM2.5" if p * 1.4 >= o * 0.6 else "O3"), aqi, pm25, o3), STAT)
    t.col("quality_level", mapv(lambda a: "优" if a <= 50 else "良" if a <= 100 else "轻度污染" if a <= 150 else "中度污染", aqi), STAT)


@table("environment_pollution_permits", "environment", "mixed", "排污许可证核发信息", "jsonl", 900, "chinese")
def pollution_permits(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    names = mapv(lambda c: g.company_name(c, g.one(["印染", "化工", "纺织", "机械", "电气", "食品", "新材料", "建材"])), codes)
    uscc = mapv(lambda c: g.uscc("91", c), codes)
    lon, lat = g.coords_in(codes, spread=(0.12, 0.1))
    t.col("单位名称", names, org("ORG_NAME"))
    t.col("统一社会信用代码", uscc, org("USCC"))
    t.col("许可证编号", mapv(lambda u: u + g.one(["001P", "001V", "002P"]), uscc), STAT, note="USCC + suffix")
    t.col("行业类别", g.choice(["纺织品印染精加工", "化学原料和化学制品制造业", "通用设备制造业", "食品制造业", "水泥制造", "电镀"], t.n), STAT)
    t.col("管理类别", g.choice(["重点管理", "简化管理"], t.n, [0.35, 0.65]), STAT)
    t.col("生产经营场所地址", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("中心经度", lon, org("PRECISE_LOCATION"), note="site of a facility")
    t.col("中心纬度", lat, org("PRECISE_LOCATION"))
    t.col("有效期限", mapv(lambda d: f"{d.isoformat()}至{dt.date(d.year + 5, d.month, min(d.day, 28)).isoformat()}",
                          g.dates(t.n, dt.date(2021, 1, 1), dt.date(2025, 12, 1))), STAT)
    t.col("主要污染物类别", g.choice(["废水,废气", "废气", "废水", "废气,噪声"], t.n), STAT)
    t.col("排放口数量", g.ints(1, 12, t.n), STAT)
    t.col("环保负责人", g.names(t.n), NAME)
    t.col("负责人联系电话", g.mobiles(t.n), PHONE)


@table("environment_homestead_approvals", "environment", "people", "农村宅基地审批信息", "csv", 650, "pinyin", enc="gbk",
       newline="\r\n", note="homestead location and areas are property of a natural person: labelled sensitive")
def homestead_approvals(t):
    g = t.g
    codes = [c for c in V.DISTRICTS if V.DISTRICTS[c].endswith(("县", "市"))]
    P = g.persons(t.n, 25, 70, local=1.0)
    dist = g.choice(codes, t.n)
    towns = mapv(g.street, dist)
    villages = mapv(lambda _: g.one(V.VILLAGE_PREFIX) + g.one(V.VILLAGE_SUFFIX), dist)
    neighbours = g.names(t.n * 2)
    t.col("shenqingren", P.name, NAME)
    t.col("shenfenzhenghao", P.id, ID)
    t.col("jiatingrenkou", g.ints(1, 7, t.n), ENUM_Q)
    t.col("xiangzhen", towns, REGION_Q)
    t.col("cun", villages, REGION_Q)
    t.col("zhaijidizuoluo", mapv(lambda c, tw, v: f"{g.city_of(c)}{V.DISTRICTS[c]}{tw}{v}{g.randint(1, 15)}组", dist, towns, villages),
          PROPERTY_ADDR, note="location of the applicant's homestead (home and property)")
    t.col("pizhunmianji", np.round(g.r.uniform(60, 125, t.n), 1), INCOME, note="approved homestead area (property)")
    t.col("jianzhumianji", np.round(g.r.uniform(120, 375, t.n), 1), INCOME, note="floor area of the house (property)")
    t.col("sizhi", np.array([f"东至{neighbours[2 * i]}宅，南至村道，西至{neighbours[2 * i + 1]}宅，北至{g.one(['农田', '山脚', '水渠', '空地'])}"
                             for i in range(t.n)], dtype=object), NAME, note="four boundaries name the neighbours",
          tags=("free_text",))
    t.col("shenpiriqi", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2020, 1, 1), dt.date(2025, 11, 30))), EVENT_Q)
    t.col("pizhunwenhao", np.array([f"{g.digits(4)}宅审〔{g.one(['2023', '2024', '2025'])}〕{g.randint(1, 500)}号" for _ in range(t.n)], dtype=object), OTHER)
    t.col("lxdh_mobile", P.mobile, PHONE, style="mixed")


@table("environment_emission_monitoring", "environment", "organisations", "重点排污单位废水自动监测小时数据", "csv", 2000,
       "opaque", delim="\t")
def emission_monitoring(t):
    g = t.g
    n_firms = 25
    codes = g.choice(list(V.DISTRICTS), n_firms)
    firms = np.array([g.company_name(c, g.one(["印染", "化工", "造纸", "食品"])) for c in codes], dtype=object)
    uscc = np.array([g.uscc("91", c) for c in codes], dtype=object)
    f = np.repeat(np.arange(n_firms), t.n // n_firms)
    hours = np.array([dt.datetime(2025, 11, 1) + dt.timedelta(hours=int(h)) for h in np.tile(np.arange(t.n // n_firms), n_firms)], dtype=object)
    cod = np.round(g.lognormal_amounts(t.n, 45, 0.5, 5, 400), 2)
    t.col("C01", firms[f], org("ORG_NAME"))
    t.col("C02", mapv(lambda i: f"DW{i + 1:03d}", f % 3), STAT, note="outlet id")
    t.col("C03", hours, org("EVENT_DATE"))
    t.col("C04", cod, STAT, dec=2)
    t.col("C05", np.round(g.lognormal_amounts(t.n, 2.5, 0.6, 0.1, 40), 3), STAT, dec=3)
    t.col("C06", np.round(g.lognormal_amounts(t.n, 60, 0.5, 1, 900), 1), STAT, dec=1)
    t.col("C07", np.where(cod > 100, "是", "否"), STAT, note="exceeds limit")
    t.col("C08", uscc[f], org("USCC"))


@table("environment_geohazard_sites", "environment", "mixed", "地质灾害隐患点信息", "xlsx", 300, "chinese")
def geohazard_sites(t):
    g = t.g
    codes = g.choice([c for c in V.DISTRICTS if V.DISTRICTS[c].endswith("县")] + ["330112", "330111"], t.n)
    kind = g.choice(["滑坡", "崩塌", "泥石流", "地面塌陷"], t.n, [0.55, 0.3, 0.12, 0.03])
    villages = mapv(lambda _: g.one(V.VILLAGE_PREFIX) + g.one(V.VILLAGE_SUFFIX), codes)
    lon, lat = g.coords_in(codes, spread=(0.15, 0.12))
    t.col("隐患点编号", np.array([f"{c}{i:04d}" for i, c in enumerate(codes)], dtype=object), STAT)
    t.col("隐患点名称", mapv(lambda v, k: f"{v}{g.one(['后山', '村口', '公路边坡', '溪边'])}{k}", villages, kind), org(), note="place name")
    t.col("灾害类型", kind, STAT)
    towns = mapv(g.street, codes)
    t.col("所属乡镇", towns, org("REGION"))
    t.col("位置", mapv(lambda c, tw, v: f"{V.DISTRICTS[c]}{tw}{v}{g.randint(1, 12)}组", codes, towns, villages), org("ADDRESS"),
          note="location of a hazard site (village group), not a home")
    t.col("经度", lon, org("PRECISE_LOCATION"))
    t.col("纬度", lat, org("PRECISE_LOCATION"))
    t.col("威胁户数", g.ints(1, 40, t.n), STAT)
    t.col("威胁人数", g.ints(2, 150, t.n), STAT)
    t.col("威胁财产（万元）", g.ints(10, 2000, t.n), STAT)
    t.col("险情等级", g.choice(["小型", "中型", "大型"], t.n, [0.85, 0.13, 0.02]), STAT)
    t.col("监测责任人", g.names(t.n), NAME, note="village monitor responsible for the site")
    t.col("责任人手机", g.mobiles(t.n), PHONE)


@table("environment_emission_stats", "environment", "aggregate", "主要污染物排放量统计", "csv", 72, "english_snake")
def emission_stats(t):
    g = t.g
    rows = [(y, c) for y in range(2019, 2025) for c in list(V.DISTRICTS)[:12]]
    t.col("year", [y for y, _ in rows], STAT)
    t.col("district", [V.DISTRICTS[c] for _, c in rows], org("REGION"))
    t.col("cod_t", np.round(g.r.uniform(800, 9000, len(rows)), 1), STAT, dec=1)
    t.col("nh3n_t", np.round(g.r.uniform(50, 900, len(rows)), 1), STAT, dec=1)
    t.col("so2_t", np.round(g.r.uniform(100, 6000, len(rows)), 1), STAT, dec=1)
    t.col("nox_t", np.round(g.r.uniform(500, 15000, len(rows)), 1), STAT, dec=1)
    t.col("solid_waste_kt", np.round(g.r.uniform(20, 900, len(rows)), 1), STAT, dec=1)
