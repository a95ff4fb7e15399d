"""v5 tables, part C: utilities billing, property management, rural collective economy, fisheries,
forestry, meteorology (negatives), statistics (aggregates), government procurement."""

from __future__ import annotations

import datetime as dt

from v5lib import (BANKS, CHENGDU, ESTATES, REGIONS, SURNAMES, Col, d, mask_id, mask_phone, sector, table)

D0, D1 = dt.date(2021, 1, 1), dt.date(2026, 11, 20)


def reg_name(c):
    return REGIONS[c.ch(list(REGIONS))][1]


# ============================================================================ utilities
sector("utility", "公用事业（水电气）")


@table("utility_gas_accounts_billing", "utility", "people", "居民燃气用户抄表收费", "csv", 1500, encoding="gbk", delimiter="|")
def gas(c, n):
    P = c.people(n, age=(22, 90))
    use = [c.ri(0, 90) for _ in P]
    tier = ["第一档" if u <= 30 else "第二档" if u <= 60 else "第三档" for u in use]
    price = [{"第一档": 2.09, "第二档": 2.51, "第三档": 3.14}[t] for t in tier]
    arrears = [round(c.r.uniform(20, 900), 2) if c.p(0.12) else 0 for _ in P]
    return [
        Col("户号", "pid", [f"{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P], note="household number (rule 1)"),
        Col("户名", "name", [p.name if c.p(0.96) else c.ch(ESTATES) + "物业管理处" for p in P], note="4% organisations (rule 12)"),
        Col("用气地址", "addr", [c.street_addr(p.region if p.region in CHENGDU else None) for p in P]),
        Col("表号", "pdirect", [f"{c.ch(['JK', 'GL', 'QF'])}{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P], note="meter of a household: device identifier (Annex A)"),
        Col("联系电话", "phone", [p.phone if c.p(0.85) else c.landline() for p in P], note="~15% home landlines"),
        Col("本期用量(立方米)", "x", use, note="consumption volume (v3 call)"),
        Col("阶梯档位", "x", tier),
        Col("单价(元/立方米)", "x", price, note="tariff"),
        Col("应缴金额", "inc", [round(u * p, 2) for u, p in zip(use, price)], note="a household's bill"),
        Col("欠费金额", "inc", arrears),
        Col("抄表日期", "date", [d(c.date(dt.date(2026, 1, 1), D1)) for _ in P]),
        Col("抄表员", "name", [c.cname() for _ in P]),
        Col("燃气公司", "orgq", c.chs(["成都城市燃气有限责任公司", "绵阳华油天然气有限公司", "德阳华润燃气有限公司"], n)),
    ]


@table("utility_water_tariffs", "utility", "organisations", "城镇供水价格表", "xlsx", 150, title_row=True,
       note="reference tariff table of water companies: no person")
def water_tariffs(c, n):
    cat = c.chs(["居民生活用水", "非居民用水", "特种用水"], n)
    return [
        Col("供水企业", "org", c.chs(["成都市自来水有限责任公司", "绵阳市水务（集团）有限公司", "德阳市供排水有限公司", "宜宾市自来水公司"], n)),
        Col("供水区域", "oregion", [reg_name(c) for _ in cat]),
        Col("用水类别", "x", cat),
        Col("阶梯", "x", [c.ch(["第一阶梯", "第二阶梯", "第三阶梯"]) if k == "居民生活用水" else "-" for k in cat]),
        Col("年用水量区间(m³)", "x", [c.ch(["0-216", "217-300", "300以上"]) if k == "居民生活用水" else "-" for k in cat]),
        Col("水价(元/m³)", "x", [round(c.r.uniform(2.0, 25.0), 2) for _ in cat]),
        Col("污水处理费(元/m³)", "x", [c.ch([0.95, 1.2, 1.4]) for _ in cat]),
        Col("执行日期", "bdate", [d(c.date(dt.date(2018, 1, 1), D1)) for _ in cat]),
        Col("价格文件", "x", [f"成发改价格〔{c.ri(2018, 2025)}〕{c.ri(1, 200)}号" for _ in cat]),
        Col("客服电话", "ophone", c.chs(["028-96889", "96889", "0816-2222000", "0838-96520"], n)),
    ]


@table("utility_electricity_arrears", "utility", "people", "居民用电欠费催缴清单", "jsonl", 800)
def elec(c, n):
    P = c.people(n, age=(22, 85))
    return [
        Col("accountNo", "pid", [f"{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P], note="electricity account of a household"),
        Col("customerName", "name", [p.name for p in P]),
        Col("idCardNo", "id", [mask_id(p.id18) for p in P], tags=("masked",)),
        Col("installAddress", "addr", [c.home_addr(p.region) for p in P]),
        Col("contactMobile", "phone", [mask_phone(p.phone) if c.p(0.5) else p.phone for p in P], tags=("masked",)),
        Col("arrearsAmount", "inc", [round(c.r.uniform(30, 2500), 2) for _ in P]),
        Col("overdueDays", "sens", [c.ri(15, 400) for _ in P], note="overdue payment record (rule 4: credit record)"),
        Col("meterReadingKwh", "x", [c.ri(1000, 80000) for _ in P], note="cumulative meter reading"),
        Col("tariffType", "x", c.chs(["居民生活", "居民合表", "农业生产"], n)),
        Col("powerCutNoticeDate", "date", [d(c.date(dt.date(2026, 1, 1), D1)) for _ in P]),
        Col("supplyStation", "orgq", [f"国网{reg_name(c)}供电公司{c.ch(['城东', '城西', '城南', '城北'])}供电所" for _ in P]),
    ]


# ============================================================================ property management
sector("property", "住房（物业管理）")


@table("property_owner_fee_ledger", "property", "people", "业主物业费收缴台账", "csv", 1600)
def prop_fees(c, n):
    P = c.people(n, age=(25, 85))
    area = [round(c.r.uniform(45, 220), 2) for _ in P]
    unit = [c.ch([1.8, 2.2, 2.5, 3.2]) for _ in P]
    due = [round(a * u * 12, 2) for a, u in zip(area, unit)]
    paid = [x if c.p(0.8) else round(x * c.r.uniform(0, 0.7), 2) for x in due]

    def phone(p):
        k = c.r.random()
        return p.phone if k < 0.6 else ("+86" + p.phone if k < 0.8 else f"{p.phone[:3]}-{p.phone[3:7]}-{p.phone[7:]}")
    return [
        Col("小区名称", "xq", c.chs(ESTATES, n), note="estate name is a place (v3 call)"),
        Col("房号", "addr", [f"{c.ri(1, 30)}栋{c.ri(1, 4)}单元{c.ri(1, 33)}{c.ri(1, 6):02d}" for _ in P],
            note="with the estate name it locates the owner's home"),
        Col("业主姓名", "name", [p.name for p in P]),
        Col("业主电话", "phone", [phone(p) for p in P], tags=("mixed_formats",)),
        Col("建筑面积(㎡)", "inc", area, note="floor area of a person's home (rule 4)"),
        Col("物业费单价(元/㎡·月)", "x", unit, note="tariff"),
        Col("应缴金额", "inc", due),
        Col("实缴金额", "inc", paid),
        Col("缴费状态", "sens", ["已缴清" if a == b else "欠费" for a, b in zip(due, paid)], note="arrears status: credit record"),
        Col("车位号", "x", c.maybe([f"B{c.ri(1, 3)}-{c.ri(1, 600):03d}" for _ in P], null=0.5), tags=("sparse",), note="parking space code"),
        Col("缴费日期", "date", [d(c.date(dt.date(2025, 1, 1), D1)) for _ in P]),
        Col("收费员", "name", [c.cname() for _ in P]),
    ]


@table("property_service_companies", "property", "organisations", "物业服务企业信用信息", "parquet", 250)
def prop_cos(c, n):
    cos = [c.company() for _ in range(n)]
    return [
        Col("企业名称", "org", cos),
        Col("统一社会信用代码", "uscc", [c.uscc("91") for _ in cos]),
        Col("资质等级", "x", c.chs(["一级", "二级", "三级", "无"], n)),
        Col("在管项目数", "x", [c.ri(1, 120) for _ in cos]),
        Col("在管面积(万㎡)", "x", [round(c.r.uniform(1, 900), 1) for _ in cos]),
        Col("服务热线", "ophone", [f"400-{c.ri(100, 999)}-{c.ri(1000, 9999)}" if c.p(0.5) else c.landline() for _ in cos]),
        Col("注册地址", "oaddr", [c.street_addr(detail=False) for _ in cos]),
        Col("投诉电话", "ophone", ["12345"] * n),
        Col("信用等级", "x", c.chs(["AAA", "AA", "A", "B", "C"], n)),
    ]


@table("property_owners_committees", "property", "mixed", "业主委员会备案信息", "csv", 180, encoding="utf-8-sig", delimiter=";")
def prop_committees(c, n):
    return [
        Col("小区名称", "x", [c.ch(ESTATES) + c.ch(["", "一期", "二期", "三期"]) for _ in range(n)]),
        Col("业委会主任", "name", [c.cname() for _ in range(n)]),
        Col("主任电话", "phone", [c.mobile() for _ in range(n)]),
        Col("委员名单", "name", ["、".join(c.cname() for _ in range(c.ri(4, 8))) for _ in range(n)], tags=("free_text",),
            note="list of members' names (rule 14)"),
        Col("备案日期", "bdate", [d(c.date(D0, D1)) for _ in range(n)]),
        Col("所属街道", "oregion", [f"{reg_name(c)}{c.ch(['玉林', '桂溪', '石羊', '华阳', '犀浦'])}街道" for _ in range(n)]),
        Col("物业企业", "org", [c.company() for _ in range(n)]),
        Col("备案编号", "x", [f"YWH{c.ri(2018, 2026)}{c.ri(1000, 9999)}" for _ in range(n)]),
    ]


# ============================================================================ rural collective economy
sector("rural", "农业农村（集体经济）")


@table("rural_collective_dividends", "rural", "people", "村股份经济合作社成员分红名册", "xlsx", 1000, title_row=True)
def rural_div(c, n):
    heads = c.people(n // 3 + 1, age=(35, 80), region=c.ch(["510121", "510129", "510182", "510183"]))
    rows = []
    for i in range(n):
        h = heads[i // 3]
        rel = "户主" if i % 3 == 0 else c.ch(["配偶", "子", "女", "孙子", "儿媳"])
        m = h if rel == "户主" else c.person(age=(1, 80), region=h.region)
        rows.append((h, m, rel))
    shares = [c.ch([1, 1, 1.5, 2]) for _ in rows]
    return [
        Col("组别", "xq", [f"{(i // 30) % 12 + 1}组" for i in range(n)]),
        Col("户号", "pid", [f"{heads.index(h) + 1:04d}" for h, _, _ in rows], note="household number (rule 1)"),
        Col("户主", "name", [h.name for h, _, _ in rows]),
        Col("成员姓名", "name", [m.name for _, m, _ in rows]),
        Col("与户主关系", "x", [r for _, _, r in rows]),
        Col("身份证号", "id", [m.id18 for _, m, _ in rows]),
        Col("股份数", "inc", shares, note="collective shares of a member: property (rule 4)"),
        Col("分红金额", "inc", [round(s * 860, 2) for s in shares]),
        Col("发放账号", "card", [c.card(["621098", "623501", "621483"]) if c.p(0.7) else f"8802{c.ri(10 ** 12, 10 ** 13 - 1)}" for _ in rows],
            tags=("account_no",), note="30% rural-credit passbook accounts (no Luhn, rule 11)"),
        Col("签领日期", "date", [d(c.date(dt.date(2026, 1, 10), dt.date(2026, 2, 10))) for _ in rows]),
    ]


@table("rural_collective_organisations", "rural", "mixed", "农村集体经济组织登记赋码", "csv", 300, encoding="gbk")
def rural_orgs(c, n):
    regs = c.chs(["510121", "510129", "510131", "510182", "510183", "510185", "510703", "511502"], n)
    return [
        Col("P:组织 名称", "org", [f"{REGIONS[r][1]}{c.ch(['永兴', '太平', '合江', '三星', '白果'])}村股份经济合作联合社" for r in regs]),
        Col("P:统一 社会 信用 代码", "uscc", [c.uscc("N2", r) for r in regs], note="rural collective economic organisation (N2)"),
        Col("P:所在 乡镇", "oregion", [REGIONS[r][1] + c.ch(["赵镇", "安仁镇", "寿安镇", "天彭街道"]) for r in regs]),
        Col("P:成员数", "x", [c.ri(200, 4000) for _ in regs]),
        Col("P:资产 总额", "x", [round(c.r.uniform(20, 9000), 2) for _ in regs]),
        Col("P:经营性 收入", "x", [round(c.r.uniform(0, 600), 2) for _ in regs]),
        Col("P:登记 日期", "bdate", [d(c.date(dt.date(2018, 1, 1), D1)) for _ in regs]),
        Col("P:法定 代表人", "name", [c.cname() for _ in regs], note="village committee head"),
        Col("P:法定 代表人 手机", "phone", [c.mobile() for _ in regs]),
        Col("P:办公 地址", "oaddr", [c.village_addr(r) for r in regs], note="village office"),
    ]


# ============================================================================ fisheries
sector("fishery", "农业农村（渔业）")


@table("fishery_retired_fishers", "fishery", "people", "长江流域退捕渔民安置保障台账", "parquet", 500)
def fishers(c, n):
    regs = ["511502", "510502", "511102", "510121", "511302"]
    P = [c.person(age=(35, 80), region=c.ch(regs)) for _ in range(n)]
    return [
        Col("渔民姓名", "name", [p.name for p in P]),
        Col("身份证", "id", [p.id18 for p in P]),
        Col("渔船船名号", "pdirect", [f"川{REGIONS[p.region][0][:1]}渔{c.ri(10000, 99999)}" for p in P], note="fishing-boat number of the owner: like a VIN (rule 15)"),
        Col("船长(米)", "x", [round(c.r.uniform(5, 14), 1) for _ in P]),
        Col("退捕补偿金额", "inc", [c.ri(20, 160) * 1000 for _ in P]),
        Col("社保补贴", "inc", [c.ri(5, 30) * 1000 for _ in P]),
        Col("安置方式", "xq", c.chs(["转产就业", "社保兜底", "自主创业", "公益岗位"], n)),
        Col("银行卡号", "card", [c.card() for _ in P]),
        Col("所在县", "region", [REGIONS[p.region][1] for p in P]),
        Col("手机", "phone", [p.phone for p in P]),
        Col("登记日期", "date", [d(c.date(dt.date(2020, 1, 1), D1)) for _ in P]),
    ]


@table("fishery_output_statistics", "fishery", "aggregate", "水产品产量统计", "jsonl", 200)
def fishery_stats(c, n):
    return [
        Col("I:年份", "bdate", [c.ri(2018, 2026) for _ in range(n)]),
        Col("I:地区", "oregion", [REGIONS[c.ch(list(REGIONS))][0] for _ in range(n)]),
        Col("I:品种", "x", c.chs(["草鱼", "鲤鱼", "鲫鱼", "鲢鱼", "小龙虾", "大鲵", "虹鳟"], n)),
        Col("I:产量 吨", "x", [round(c.r.uniform(10, 90000), 1) for _ in range(n)]),
        Col("I:产值 万元", "x", [round(c.r.uniform(10, 200000), 1) for _ in range(n)]),
        Col("I:养殖 面积", "x", [round(c.r.uniform(5, 20000), 1) for _ in range(n)]),
    ]


# ============================================================================ forestry
sector("forestry", "林业和草原")


@table("forestry_tenure_certificates", "forestry", "people", "林权证登记信息", "csv", 600, delimiter="|", opaque=("zd{:02d}", 0))
def forest_tenure(c, n):
    regs = ["510129", "510182", "510181", "511802", "513401", "510802"]
    P = [c.person(age=(30, 85), region=c.ch(regs)) for _ in range(n)]
    coll = [c.p(0.06) for _ in P]

    def four():
        return f"东至{c.cname()}承包地，南至{c.ch(['山脊', '小溪', '公路'])}，西至{c.cname()}林地，北至{c.ch(['村道', '集体林'])}"
    return [
        Col("林权证号", "pid", [f"川林证字（{c.ri(2008, 2024)}）第{p.region}{c.ri(100000, 999999)}号" for p in P], note="certificate of a person's forest rights"),
        Col("权利人", "name", [c.ch(["永兴村民委员会", "白果村股份经济合作社"]) if k else p.name for p, k in zip(P, coll)], note="6% collectives (rule 12)"),
        Col("权利人证件号", "id", [c.uscc("N2", p.region) if k else p.id18 for p, k in zip(P, coll)], tags=("mixed_docs",), note="USCCs of collectives (rule 10)"),
        Col("林地坐落", "region", [f"{REGIONS[p.region][1]}{c.ch(['西岭镇', '龙门山镇', '碧峰峡镇'])}{c.ch(['永兴', '白果', '三合'])}村{c.ri(1, 9)}组" for p in P],
            note="village group of the woodland"),
        Col("小班号", "x", [f"{c.ri(1, 40):02d}-{c.ri(1, 99):03d}" for _ in P], note="forest sub-compartment code"),
        Col("面积(亩)", "inc", [round(c.r.uniform(0.5, 120), 1) for _ in P], note="contracted forest land of a person (rule 4)"),
        Col("林种", "x", c.chs(["商品林", "公益林", "经济林"], n)),
        Col("主要树种", "x", c.chs(["杉木", "柏木", "马尾松", "桤木", "核桃", "柑橘"], n)),
        Col("四至", "name", [four() for _ in P], tags=("free_text",), note="boundaries naming neighbours (rule 14)"),
        Col("发证日期", "date", [d(c.date(dt.date(2008, 1, 1), D1)) for _ in P]),
        Col("林地使用期限", "x", c.chs(["70年", "50年", "30年"], n)),
    ]


@table("forestry_fire_watchtowers", "forestry", "mixed", "森林防火瞭望塔及值守人员", "xlsx", 160)
def forest_towers(c, n):
    return [
        Col("瞭望塔编号", "x", [f"LWT-{c.ri(1, 400):03d}" for _ in range(n)]),
        Col("名称", "x", [f"{c.ch(['龙门山', '西岭', '峨眉', '螺髻山', '瓦屋山'])}{c.ri(1, 9)}号瞭望塔" for _ in range(n)]),
        Col("所属林场", "org", [f"{reg_name(c)}国有林场" for _ in range(n)]),
        Col("经度", "oloc", [round(c.r.uniform(101.5, 105.5), 5) for _ in range(n)]),
        Col("纬度", "oloc", [round(c.r.uniform(27.0, 32.5), 5) for _ in range(n)]),
        Col("海拔(m)", "x", [c.ri(600, 3900) for _ in range(n)]),
        Col("值守人员", "name", [c.cname() for _ in range(n)]),
        Col("值守人员电话", "phone", [c.mobile() for _ in range(n)]),
        Col("值班电话", "ophone", [c.landline(c.ch(["成都市", "雅安市", "凉山彝族自治州"])) for _ in range(n)]),
        Col("监测半径(km)", "x", [c.ch([5, 8, 10, 15]) for _ in range(n)]),
    ]


# ============================================================================ meteorology (negatives)
sector("weather", "气象")
STATIONS = [("56294", "成都", 104.02, 30.67), ("56196", "绵阳", 104.73, 31.45), ("56571", "西昌", 102.27, 27.90),
            ("56287", "雅安", 103.00, 29.98), ("56492", "宜宾", 104.60, 28.80), ("56385", "峨眉山", 103.33, 29.52),
            ("56146", "甘孜", 100.00, 31.62), ("57411", "南充", 106.10, 30.80)]


@table("weather_station_hourly_obs", "weather", "organisations", "国家气象站逐小时观测数据", "parquet", 3000, opaque=("ATTR{}", 4),
       note="observation table of weather stations: no person")
def wx_hourly(c, n):
    st = c.chs(STATIONS, n)
    t0 = dt.datetime(2026, 7, 1)
    return [
        Col("IU:站号", "x", [s[0] for s in st], note="WMO station number (5 digits)"),
        Col("IU:站名", "org", [s[1] for s in st]),
        Col("IU:经度", "oloc", [s[2] for s in st]),
        Col("IU:纬度", "oloc", [s[3] for s in st]),
        Col("IU:观测 时间", "bdate", [(t0 + dt.timedelta(hours=i // 8)).strftime("%Y%m%d%H") for i in range(n)]),
        Col("IU:气温", "x", [round(c.r.uniform(12, 38), 1) for _ in st]),
        Col("IU:相对 湿度", "x", [c.ri(35, 100) for _ in st]),
        Col("IU:降水量", "x", [round(c.r.expovariate(2), 1) if c.p(0.3) else 0.0 for _ in st]),
        Col("IU:风向", "x", [c.ri(0, 359) for _ in st]),
        Col("IU:风速", "x", [round(c.r.uniform(0, 12), 1) for _ in st]),
        Col("IU:能见度", "x", [c.ri(800, 30000) for _ in st]),
        Col("IU:气压", "x", [round(c.r.uniform(940, 1010), 1) for _ in st]),
    ]


@table("weather_warning_bulletins", "weather", "mixed", "气象灾害预警信号发布记录", "jsonl", 300)
def wx_warnings(c, n):
    typ = c.chs(["暴雨", "高温", "大风", "雷电", "冰雹", "大雾", "寒潮"], n)
    lvl = c.chs(["蓝色", "黄色", "橙色", "红色"], n)
    return [
        Col("warningId", "x", [f"51{c.ri(10 ** 8, 10 ** 9 - 1)}" for _ in typ]),
        Col("warningType", "x", typ),
        Col("warningLevel", "x", lvl),
        Col("issueOrg", "org", [f"{REGIONS[c.ch(list(REGIONS))][0]}气象台" for _ in typ]),
        Col("e:issuer", "name", [c.cname() for _ in typ], note="signing official (签发人)"),
        Col("e:forecaster", "name", [c.cname() for _ in typ]),
        Col("issueTime", "bdate", [c.dtime(D0, D1).strftime("%Y-%m-%d %H:%M") for _ in typ]),
        Col("affectedAreas", "oregion", ["、".join(sorted({reg_name(c) for _ in range(c.ri(1, 4))})) for _ in typ]),
        Col("e:content", "ftx", [f"预计未来{c.ri(3, 24)}小时内，将出现{t}天气，请注意防范。" for t in typ], note="bulletin text, no person"),
        Col("contactPhone", "ophone", ["12121"] * n),
    ]


# ============================================================================ statistics (aggregates)
sector("stats", "统计")


@table("stats_county_gdp", "stats", "aggregate", "各县（市、区）地区生产总值", "xlsx", 200, title_row=True)
def st_gdp(c, n):
    return [
        Col("年度", "bdate", [c.ri(2015, 2025) for _ in range(n)]),
        Col("地区", "oregion", [reg_name(c) for _ in range(n)]),
        Col("地区生产总值(亿元)", "x", [round(c.r.uniform(50, 3000), 2) for _ in range(n)]),
        Col("第一产业", "x", [round(c.r.uniform(1, 300), 2) for _ in range(n)]),
        Col("第二产业", "x", [round(c.r.uniform(10, 1500), 2) for _ in range(n)]),
        Col("第三产业", "x", [round(c.r.uniform(10, 2000), 2) for _ in range(n)]),
        Col("增速(%)", "x", [round(c.r.uniform(-2, 12), 1) for _ in range(n)]),
        Col("常住人口(万人)", "x", [round(c.r.uniform(10, 200), 2) for _ in range(n)]),
        Col("人均地区生产总值(元)", "x", [c.ri(25000, 180000) for _ in range(n)], note="per-capita output, not a person's income"),
    ]


@table("stats_population_age_sex", "stats", "aggregate", "分年龄性别常住人口", "csv", 300, opaque=("C{:02d}", 0))
def st_pop(c, n):
    return [
        Col("地区", "oregion", [reg_name(c) for _ in range(n)]),
        Col("年龄组", "agg_age", c.chs([f"{a}-{a + 4}岁" for a in range(0, 85, 5)] + ["85岁及以上"], n)),
        Col("性别", "agg_gender", c.chs(["男", "女"], n)),
        Col("人口数", "x", [c.ri(500, 90000) for _ in range(n)]),
        Col("占比(%)", "x", [round(c.r.uniform(0.1, 5), 2) for _ in range(n)]),
        Col("普查年份", "bdate", c.chs([2010, 2020], n)),
    ]


@table("stats_average_wage_by_industry", "stats", "aggregate", "分行业城镇单位就业人员平均工资", "parquet", 200)
def st_wage(c, n):
    return [
        Col("e:year", "bdate", [c.ri(2015, 2025) for _ in range(n)]),
        Col("e:region", "oregion", [REGIONS[c.ch(list(REGIONS))][0] for _ in range(n)]),
        Col("e:industry", "agg_occ", c.chs(["制造业", "建筑业", "金融业", "教育", "卫生和社会工作", "信息传输、软件和信息技术服务业", "住宿和餐饮业"], n),
            note="industry categories"),
        Col("e:avg_wage_non_private", "agg_inc", [c.ri(55000, 190000) for _ in range(n)], note="average wage (rule 9)"),
        Col("e:avg_wage_private", "agg_inc", [c.ri(38000, 120000) for _ in range(n)]),
        Col("e:employed_persons", "x", [c.ri(1000, 900000) for _ in range(n)]),
        Col("e:growth_pct", "x", [round(c.r.uniform(-3, 12), 1) for _ in range(n)]),
    ]


@table("stats_surname_distribution", "stats", "aggregate", "户籍人口姓氏分布", "csv", 240, encoding="gbk", delimiter=";")
def st_surname(c, n):
    sn = c.chs(list(SURNAMES), n)
    return [
        Col("地区", "oregion", [REGIONS[c.ch(list(REGIONS))][0] for _ in sn]),
        Col("姓氏", "x", sn, note="surnames in a surname statistic (rule 9)"),
        Col("人数", "x", [c.ri(200, 900000) for _ in sn]),
        Col("占比(%)", "x", [round(c.r.uniform(0.01, 9), 3) for _ in sn]),
        Col("排名", "x", [c.ri(1, 120) for _ in sn]),
    ]


# ============================================================================ government procurement
sector("procurement", "政府采购·招标投标")


@table("procurement_award_notices", "procurement", "mixed", "政府采购中标（成交）结果公告", "csv", 800)
def proc_awards(c, n):
    buyers = c.chs(["成都市教育局", "四川省人民医院", "绵阳市公安局", "武侯区卫生健康局", "成都市第七中学", "德阳市住房和城乡建设局"], n)
    return [
        Col("项目编号", "x", [f"N51{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in buyers]),
        Col("项目名称", "x", [f"{b}{c.ch(['信息化系统建设', '办公设备采购', '物业服务', '医疗设备采购', '食堂食材配送'])}项目" for b in buyers]),
        Col("采购单位", "org", buyers),
        Col("采购单位联系人", "name", [c.cname() for _ in buyers]),
        Col("联系电话", "phone", [c.mobile() if c.p(0.7) else c.landline() for _ in buyers], note="70% mobiles / 30% landlines (rule 12)"),
        Col("中标供应商", "org", [c.company() for _ in buyers]),
        Col("供应商统一社会信用代码", "uscc", [c.uscc("91") for _ in buyers]),
        Col("中标金额(元)", "x", [round(c.r.uniform(5e4, 5e7), 2) for _ in buyers], note="company amount"),
        Col("代理机构", "org", [f"四川{c.ch(['中信', '国际', '天府', '建标'])}招标代理有限公司" for _ in buyers]),
        Col("代理机构联系人", "name", [c.cname() for _ in buyers]),
        Col("评审专家", "name", ["、".join(c.cname() for _ in range(c.ch([3, 5, 7]))) for _ in buyers], tags=("free_text",),
            note="list of evaluation experts (natural persons)"),
        Col("公告日期", "bdate", [d(c.date(D0, D1)) for _ in buyers]),
    ]


@table("procurement_supplier_registry", "procurement", "mixed", "政府采购供应商库", "parquet", 600)
def proc_suppliers(c, n):
    cos = [c.company() for _ in range(n)]
    L_ = c.people(n, age=(28, 70))
    return [
        Col("供应商名称", "org", cos),
        Col("统一社会信用代码", "uscc", [c.uscc("91") for _ in cos]),
        Col("法定代表人", "name", [p.name for p in L_]),
        Col("法定代表人身份证号", "id", [p.id18 for p in L_]),
        Col("注册资本(万元)", "x", [c.ch([50, 100, 200, 500, 1000, 5000]) for _ in cos]),
        Col("经营范围", "x", [f"{c.ch(['计算机软硬件', '医疗器械', '办公用品', '建筑材料'])}的销售；{c.ch(['技术服务', '物业管理', '工程施工', '货物进出口'])}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
                           for _ in cos], note="business scope"),
        Col("联系人", "name", [c.cname() for _ in cos]),
        Col("联系人手机", "phone", [c.mobile() for _ in cos]),
        Col("电子邮箱", "email", [c.email() if c.p(0.8) else f"sales@{c.ch(['tf', 'sc', 'jc'])}{c.ri(1, 999)}.com.cn" for _ in cos],
            note="mostly webmail (rule 12)"),
        Col("注册地址", "oaddr", [c.street_addr(detail=False) for _ in cos]),
        Col("企业规模", "x", c.chs(["大型", "中型", "小型", "微型"], n)),
    ]


@table("procurement_evaluation_experts", "procurement", "people", "评标评审专家库", "csv", 450, encoding="utf-8-sig", delimiter="\t")
def proc_experts(c, n):
    P = c.people(n, age=(32, 70))
    return [
        Col("I:专家 姓名", "name", [p.name for p in P]),
        Col("I:身份证号", "id", [p.id18 for p in P]),
        Col("I:出生 年份", "dob", [p.dob.year for p in P], note="year of birth"),
        Col("I:评审 专业", "x", c.chs(["信息技术", "医疗设备", "建筑工程", "财务审计", "法律"], n)),
        Col("I:职称", "occ", c.chs(["高级工程师", "正高级工程师", "主任医师", "高级会计师", "教授"], n)),
        Col("I:工作 单位", "orgq", [c.company() if c.p(0.5) else c.ch(["四川大学", "西南交通大学", "四川省人民医院"]) for _ in P]),
        Col("I:手机 号码", "phone", [int(p.phone) for p in P], tags=("int",)),
        Col("I:银行 卡号", "card", [c.card() for _ in P]),
        Col("I:开户 银行", "org", c.chs(BANKS, n)),
        Col("I:电子 邮箱", "email", [c.email() for _ in P]),
        Col("I:评审费", "inc", [c.ch([400, 600, 800, 1200]) for _ in P], note="fee paid to the person"),
        Col("I:所在 城市", "region", [REGIONS[p.region][0] for p in P]),
    ]


# ============================================================================ additions: lodging of foreigners, auto-pay, parking
@table("security_foreigner_lodging", "security", "people", "境外人员住宿登记", "parquet", 700)
def sec_foreigners(c, n):
    from v5lib import FOREIGN_COUNTRIES

    ctry = [c.ch(FOREIGN_COUNTRIES + [("中国香港", "+852"), ("中国台湾", "+886")]) for _ in range(n)]
    f = c.faker("en_US")
    sex = c.chs("MF", n)
    dob = [c.date(dt.date(1950, 1, 1), dt.date(2008, 1, 1)) for _ in range(n)]
    t = [c.dtime(dt.date(2025, 6, 1), D1) for _ in range(n)]
    docs = [c.passport("hk") if x[0] == "中国香港" else c.passport("tw") if x[0] == "中国台湾" else c.passport("foreign") for x in ctry]
    return [
        Col("e:surname", "name", [f.last_name().upper() for _ in ctry], note="family name alone of a foreign guest"),
        Col("e:given_name", "name", [(f.first_name_male() if s == "M" else f.first_name_female()).upper() for s in sex]),
        Col("e:chinese_name", "name", [c.cname() if x[0].startswith("中国") else None for x in ctry], tags=("sparse",)),
        Col("e:nationality", "xq", [x[0] for x in ctry]),
        Col("e:doc_no", "pass", docs, note="foreign passports and HK/Macao/Taiwan permits (rule 10)"),
        Col("e:visa_no", "pid", [f"{c.ri(10 ** 8, 10 ** 9 - 1)}" if not x[0].startswith("中国") else None for x in ctry], tags=("sparse",),
            note="visa number identifies the holder: PERSON_ID"),
        Col("e:sex", "gender", sex),
        Col("e:dob", "dob", [d(x, "%Y%m%d") for x in dob]),
        Col("e:hotel_name", "traj", [f"成都{c.ch(['锦江宾馆', '香格里拉大酒店', '岷山饭店', '瑞吉酒店', '全季酒店春熙路店'])}" for _ in ctry], note="lodging (rule 8)"),
        Col("e:room_no", "x", [f"{c.ri(2, 30)}{c.ri(1, 40):02d}" for _ in ctry], note="room number"),
        Col("e:check_in", "date", [x.strftime("%Y-%m-%d %H:%M") for x in t]),
        Col("e:check_out", "date", [(x + dt.timedelta(days=c.ri(1, 10))).strftime("%Y-%m-%d %H:%M") for x in t]),
        Col("e:guarantee_card", "cc", [(lambda x: x[:4] + " " + x[4:6] + "** **** " + x[-4:])(c.credit()) if c.p(0.7) else None for _ in ctry],
            tags=("masked", "sparse"), note="credit card guaranteeing the room"),
        Col("e:stay_reason", "x", c.chs(["旅游", "商务", "探亲", "学习", "会议"], n)),
        Col("e:mobile", "phone", [f"{x[1]}{c.ri(10 ** 8, 10 ** 9 - 1)}" if c.p(0.6) else c.mobile() for x in ctry], tags=("mixed_formats",),
            note="foreign numbers with country code and mainland mobiles"),
    ]


@table("utility_autopay_mandates", "utility", "people", "水电气费代扣协议签约信息", "csv", 900, encoding="utf-8-sig", delimiter="|")
def autopay(c, n):
    P = c.people(n, age=(22, 80))
    kind = c.chs(["借记卡", "借记卡", "借记卡", "信用卡"], n)
    online = [c.p(0.55) for _ in P]
    return [
        Col("P:户 号", "pid", [f"{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P], note="household number"),
        Col("P:户 名", "name", [p.name for p in P]),
        Col("P:证件 号码", "id", [p.id18 for p in P]),
        Col("P:扣款 类型", "x", kind, note="account type"),
        Col("P:借记卡 号", "card", [c.card() if k == "借记卡" else None for k in kind], tags=("sparse",)),
        Col("P:信用卡 号", "cc", [c.credit() if k == "信用卡" else None for k in kind], tags=("sparse",)),
        Col("P:预留 手机", "phone", [p.phone for p in P]),
        Col("P:签约 日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("P:签约 渠道", "x", ["网上营业厅" if o else c.ch(["柜台", "银行网点"]) for o in online]),
        Col("P:签约 ip", "ip", [c.ip() if o else None for o in online], tags=("sparse",)),
        Col("P:机构", "orgq", c.chs(["成都市自来水有限责任公司", "国网成都供电公司", "成都城市燃气有限责任公司"], n)),
    ]


@table("property_vehicle_parking_permits", "property", "people", "小区业主车辆登记及月卡", "xlsx", 650)
def parking(c, n):
    P = c.people(n, age=(22, 75))
    return [
        Col("小区", "xq", c.chs(ESTATES, n)),
        Col("房号", "addr", [f"{c.ri(1, 30)}-{c.ri(1, 4)}-{c.ri(1, 33)}{c.ri(1, 6):02d}" for _ in P], note="home unit of the owner"),
        Col("车主", "name", [p.name for p in P]),
        Col("车主手机", "phone", c.maybe([p.phone for p in P], placeholder=0.05, ph=["未提供", "-"]), tags=("placeholder",)),
        Col("车牌", "plate", [c.plate(REGIONS[p.region][0]) if c.p(0.9) else c.plate() for p in P]),
        Col("品牌型号", "x", c.chs(["大众朗逸", "比亚迪秦PLUS", "丰田卡罗拉", "特斯拉Model 3", "长安CS75", "本田雅阁"], n)),
        Col("车身颜色", "x", c.chs(["白", "黑", "灰", "银", "红", "蓝"], n)),
        Col("车位", "x", [f"B{c.ri(1, 2)}-{c.ri(1, 800):03d}" for _ in P], note="parking space code"),
        Col("月卡费用", "inc", [c.ch([150, 200, 300, 350]) for _ in P], note="fee paid by the owner (personal transaction)"),
        Col("到期日", "date", [d(c.date(dt.date(2026, 1, 1), dt.date(2027, 12, 31))) for _ in P]),
        Col("备用字段1", "x", [None] * n, tags=("empty",), note="unused legacy column"),
    ]
