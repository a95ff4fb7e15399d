"""Culture & tourism, sports, radio/TV, archives, audit, ethnic & religious affairs, women's federation,
Red Cross, trade unions, commerce."""

from __future__ import annotations

from v7lib import (
    CHENGDU, COMMUNITIES, COUNTIES, ETHNIC, EDU, MARITAL, POLITICAL, VILLAGES, TOWNS, Col as C, Gen, table, mask_id, mask_name,
    mask_phone, mask_card, fmt_date, fullwidth, spaced_id,
)


@table("culture_tour_guides", "people", "导游人员信息库", "csv", 400, enc="utf-8", delim="\t")
def culture_tour_guides(g: Gen) -> list[C]:
    P = g.people((21, 60))
    return [
        C("导游证号", "P/PERSON_ID/d", [f"D-5101-{g.r.randint(0, 999999):06d}" for _ in P], note="guide certificate (v2 call)"),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [mask_id(p.rid, 2) for p in P], tags=("masked",)),
        C("语种", "N/-/o", g.pick(["普通话", "普通话", "英语", "日语", "韩语", "藏语"])),
        C("等级", "N/-/o", g.pick(["初级", "初级", "中级", "高级"])),
        C("学历", "N/EDUCATION/q", g.pick(EDU[3:7])),
        C("所属旅行社", "N/ORG_NAME/q", g.companies(g.n, "国际旅行社")),
        C("手机号Mobile", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("发证日期", "N/EVENT_DATE/q", g.dates("2012-01-01", "2026-10-01")),
        C("旅行社投诉电话", "N/PHONE_NUMBER/o", ["12345"] * g.n),
    ]


@table("culture_hotel_guests", "people", "旅馆业住宿登记", "parquet", 1500)
def culture_hotel_guests(g: Gen) -> list[C]:
    P = g.people((18, 80), region=None)
    docs = g.pick(["居民身份证", "居民身份证", "居民身份证", "居民身份证", "护照", "港澳居民来往内地通行证"])
    nums = [p.rid if d == "居民身份证" else (g.foreign_passport() if d == "护照" else "H" + str(g.r.randint(10**7, 10**8 - 1))) for p, d in zip(P, docs)]
    cin = g.times("2026-10-01 12:00:00", "2026-11-28 23:00:00")
    return [
        C("LGMC", "S/PRECISE_LOCATION/s", g.pick(["成都锦江宾馆", "成都春熙路亚朵酒店", "如家酒店（成都天府广场店）", "汉庭酒店（成都武侯祠店）", "全季酒店（成都宽窄巷子店）", "宽窄客栈"]), style="initials", note="lodging of a person (rule 8)"),
        C("XM", "P/PERSON_NAME/d", [p.name for p in P], style="initials"),
        C("ZJLX", "N/-/o", docs, style="initials"),
        C("ZJHM", "S/CN_RESIDENT_ID/d", nums, tags=("mixed_docs",), style="initials"),
        C("MZ", "N/ETHNICITY/q", g.pick(ETHNIC), style="initials"),
        C("HJDZ", "P/ADDRESS/d", [p.addr for p in P], style="initials"),
        C("FJH", "N/-/o", [f"{g.r.randint(2, 18)}{g.r.randint(1, 40):02d}" for _ in P], style="initials", note="room number (v2 call)"),
        C("RZSJ", "N/EVENT_DATE/q", cin, style="initials"),
        C("TFSJ", "N/EVENT_DATE/q", g.sparse(g.times("2026-10-02 08:00:00", "2026-11-29 12:00:00"), 0.9), tags=("sparse",), style="initials"),
        C("TZR", "P/PERSON_NAME/d", g.sparse(g.names(), 0.3), tags=("sparse",), style="initials", note="co-resident"),
        C("CPHM", "P/LICENSE_PLATE/d", g.sparse([g.plate(p.region) for p in P], 0.2), tags=("sparse",), style="initials"),
        C("YSQXYK", "S/CREDIT_CARD/d", g.sparse(g.cards(credit=True), 0.3), tags=("sparse",), style="initials", note="credit card taken for a deposit pre-authorisation"),
    ]


@table("culture_scenic_ticket_orders", "people", "景区实名预约购票订单", "jsonl", 1200, ascii_style="english_snake")
def culture_scenic_ticket_orders(g: Gen) -> list[C]:
    P = g.people((18, 78))
    tt = g.pick(["成人票", "成人票", "优惠票（60-69岁）", "学生票"])
    price = {"成人票": 80, "优惠票（60-69岁）": 40, "学生票": 40}
    return [
        C("order_id", "N/-/o", g.randserial("T", 15), note="order serial (rule 1)"),
        C("visitorName", "P/PERSON_NAME/d", [mask_name(p.name, 0) for p in P], tags=("masked",)),
        C("idNo", "S/CN_RESIDENT_ID/d", [mask_id(p.rid, 0) for p in P], tags=("masked",)),
        C("mobile", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("scenic_spot", "N/-/q", g.pick(["都江堰景区", "青城山景区", "武侯祠博物馆", "杜甫草堂", "金沙遗址博物馆"]), note="place of a visit: quasi"),
        C("ticket_type", "N/-/o", tt),
        C("list_price", "N/-/o", [price[t] for t in tt], note="catalogue price (rule 3)"),
        C("paid_amount", "S/PERSONAL_INCOME/s", [round(price[t] * g.r.choice([1, 1, 0.9, 0.8]), 2) for t in tt], note="a person's transaction (rule 3)"),
        C("visit_date", "N/EVENT_DATE/q", g.dates("2026-09-01", "2026-11-30")),
        C("entry_time", "N/EVENT_DATE/q", g.sparse(g.times("2026-09-01 08:00:00", "2026-11-30 17:00:00", "%H:%M:%S"), 0.8), tags=("sparse",)),
        C("channel", "N/-/o", g.pick(["微信小程序", "官网", "OTA", "窗口"])),
    ]


@table("culture_entertainment_venues", "mixed", "娱乐场所经营单位信息", "csv", 180, enc="gbk", delim=",")
def culture_entertainment_venues(g: Gen) -> list[C]:
    return [
        C("场所名称", "N/ORG_NAME/o", [f"成都{w}{t}" for w, t in zip(g.pick(["星光", "钱柜", "纯K", "欢唱", "麦乐迪", "蓉城"]), g.pick(["KTV", "量贩式KTV", "电子游艺厅", "歌舞厅"]))]),
        C("娱乐经营许可证号", "N/-/o", [f"510{g.r.randint(100, 199)}{g.r.randint(10**9, 10**10 - 1)}" for _ in range(g.n)]),
        C("统一社会信用代码", "N/USCC/o", [g.uscc("91") for _ in range(g.n)]),
        C("法定代表人", "P/PERSON_NAME/d", g.names()),
        C("法人手机", "P/PHONE_NUMBER/d", g.mobiles()),
        C("经营地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("包厢数", "N/-/o", g.ints(5, 80)),
        C("营业面积（平方米）", "N/-/o", g.money(150, 3000, 1)),
        C("场所电话", "N/PHONE_NUMBER/o", g.landlines()),
        C("年检日期", "N/EVENT_DATE/o", g.dates("2025-01-01", "2026-11-01", "%Y/%m/%d")),
    ]


@table("culture_library_readers", "people", "公共图书馆读者证办理", "xlsx", 600, minors=True)
def culture_library_readers(g: Gen) -> list[C]:
    P = g.people((6, 80))
    rt = ["少儿" if g.age_of(p) < 14 else ("老年" if g.age_of(p) >= 60 else "成人") for p in P]
    return [
        C("读者证号", "P/PERSON_ID/d", g.serial("CDLIB", 8, start=1000001), note="reader number (rule 1)"),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("性别", "N/GENDER/q", ["1" if p.sex == "男" else "2" for p in P], note="GB/T 2261.1 codes"),
        C("出生日期", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y-%m-%d") for p in P]),
        C("证件号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("手机", "P/PHONE_NUMBER/d", [int(p.mobile) for p in P], tags=("int",), note="children's cards carry a guardian's mobile"),
        C("读者类型", "N/-/o", rt),
        C("押金（元）", "S/PERSONAL_INCOME/s", g.pick([0, 0, 100, 200]), note="deposit of a person (Annex B property)"),
        C("办证日期", "N/EVENT_DATE/q", g.dates("2018-01-01", "2026-11-28")),
        C("累计借阅册次", "N/-/o", g.ints(0, 600)),
    ]


@table("sports_marathon_entries", "people", "成都马拉松参赛报名", "csv", 1500, enc="utf-8", delim=",", ascii_style="english_snake")
def sports_marathon_entries(g: Gen) -> list[C]:
    P = g.people((18, 70))
    docs = g.pick(["ID", "ID", "ID", "ID", "ID", "ID", "ID", "ID", "PASSPORT", "HK_MO"])
    return [
        C("bib_no", "P/PERSON_ID/d", [f"{'A' if i % 3 else 'B'}{i:05d}" for i in range(1, g.n + 1)], note="bib number (v3 call)"),
        C("name_cn", "P/PERSON_NAME/d", [p.name for p in P]),
        C("name_en", "P/PERSON_NAME/d", [g.fk_en.last_name().upper() + " " + g.fk_en.first_name().upper() if d == "PASSPORT" else "" for d in docs], tags=("sparse",), note="romanised name, filled for foreign runners"),
        C("cert_type", "N/-/o", docs),
        C("cert_no", "S/CN_RESIDENT_ID/d", [p.rid if d == "ID" else (g.foreign_passport() if d == "PASSPORT" else g.hk_permit()) for p, d in zip(P, docs)], tags=("mixed_docs",)),
        C("gender", "N/GENDER/q", ["M" if p.sex == "男" else "F" for p in P]),
        C("birthday", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y/%m/%d") for p in P]),
        C("blood_type", "S/MEDICAL_CONDITION/s", g.pick(["A", "B", "O", "AB", "A", "O"]), note="rule 2"),
        C("emergency_contact", "P/PERSON_NAME/d", g.names()),
        C("emergency_phone", "P/PHONE_NUMBER/d", g.mobiles()),
        C("tshirt_size", "N/-/o", g.pick(["S", "M", "L", "XL", "XXL"])),
        C("event", "N/-/o", g.pick(["全程马拉松", "半程马拉松", "欢乐跑"])),
        C("net_time", "P/-/s", [f"{g.r.randint(2, 6)}:{g.r.randint(0, 59):02d}:{g.r.randint(0, 59):02d}" for _ in P], note="performance record of a person, like an exam score (v2 call)"),
    ]


@table("sports_social_instructors", "people", "社会体育指导员名册", "parquet", 500, ascii_style="pinyin")
def sports_social_instructors(g: Gen) -> list[C]:
    P = g.people((22, 72))
    return [
        C("zhengshubianhao", "P/PERSON_ID/d", [f"SC{y}{g.r.randint(10**5, 10**6 - 1)}" for y in g.ints(2010, 2026)], note="certificate number of a person"),
        C("xingming", "P/PERSON_NAME/d", [p.name for p in P]),
        C("xingbie", "N/GENDER/q", [p.sex for p in P]),
        C("minzu", "N/ETHNICITY/q", g.pick(ETHNIC)),
        C("chushengnianyue", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y%m") for p in P], note="birth year-month"),
        C("jishudengji", "N/-/o", g.pick(["三级", "二级", "一级", "国家级"])),
        C("zhidaoxiangmu", "N/-/o", g.pick(["广场舞", "太极拳", "健身气功", "乒乓球", "篮球", "游泳"])),
        C("gongzuodanwei", "N/ORG_NAME/q", g.pick(["成都市体育中心", "锦江区文体中心", "玉林社区", "成都七中"])),
        C("shoujihaoma", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("zhengzhimianmao", "N/-/q", g.pick(POLITICAL), note="political status (rule 7)"),
        C("fazhengriqi", "N/EVENT_DATE/q", g.dates("2010-01-01", "2026-10-01")),
    ]


@table("sports_youth_athlete_tests", "people", "青少年运动员体能测试", "jsonl", 450, minors=True, ascii_style="english_snake")
def sports_youth_athlete_tests(g: Gen) -> list[C]:
    P = g.people((9, 17))
    return [
        C("athleteRegNo", "P/PERSON_ID/d", g.randserial("51", 10), note="athlete registration number"),
        C("name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("birth", "P/DATE_OF_BIRTH/q", [f"{p.dob.year}年{p.dob.month}月{p.dob.day}日" for p in P]),
        C("school", "N/ORG_NAME/q", g.pick(["成都市体育运动学校", "成都七中育才学校", "棕北中学", "树德实验中学", "双流中学"])),
        C("sport", "N/-/o", g.pick(["游泳", "田径", "举重", "乒乓球", "足球", "跳水"])),
        C("height_cm", "S/MEDICAL_CONDITION/s", g.money(125, 190, 1), note="body measurement (rule 2)"),
        C("weight_kg", "S/MEDICAL_CONDITION/s", g.money(25, 85, 1)),
        C("bone_age", "S/MEDICAL_CONDITION/s", g.money(8, 18, 1), note="bone age from X-ray (rule 2)"),
        C("vital_capacity_ml", "S/MEDICAL_CONDITION/s", g.ints(1500, 5500)),
        C("run_30m_s", "N/-/o", g.money(3.8, 6.5, 2), note="fitness test result (not a health record)"),
        C("coach", "P/PERSON_NAME/d", g.pick(g.names(15))),
        C("guardian_mobile", "P/PHONE_NUMBER/d", [mask_phone(m, 2) for m in g.mobiles()], tags=("masked",)),
        C("test_date", "N/EVENT_DATE/o", ["2026-10-18"] * g.n),
    ]


@table("sports_venues", "organisations", "公共体育场馆开放信息", "xlsx", 120)
def sports_venues(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("场馆名称", "N/-/o", [f"{CHENGDU[c][0]}{t}" for c, t in zip(g.pick(list(CHENGDU)), g.pick(["全民健身中心", "体育馆", "游泳馆", "社区运动场", "网球中心"]))]),
        C("运营单位", "N/ORG_NAME/o", g.companies(g.n, "体育文化")),
        C("统一社会信用代码", "N/USCC/o", [g.uscc() for _ in range(g.n)]),
        C("地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("经度", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("纬度", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("咨询电话", "N/PHONE_NUMBER/o", g.landlines()),
        C("开放时间", "N/-/o", g.pick(["09:00-21:00", "06:30-22:00", "周一闭馆"])),
        C("低收费标准（元/小时）", "N/-/o", g.pick([10, 15, 20, 30])),
    ]


@table("radiotv_satellite_users", "people", "卫星电视地面接收设施安装用户", "csv", 500, enc="utf-8-sig", delim="|", ascii_style="opaque")
def radiotv_satellite_users(g: Gen) -> list[C]:
    P = g.people((25, 85), region="513301")
    return [
        C("ZD01", "P/PERSON_NAME/d", [p.name for p in P]),
        C("ZD02", "S/CN_RESIDENT_ID/d", [spaced_id(p.rid) if g.r.random() < 0.2 else p.rid for p in P], tags=("spaced",)),
        C("ZD03", "P/ADDRESS/d", [f"甘孜州康定市{t}{v}{k}号" for t, v, k in zip(g.pick(["炉城镇", "姑咱镇", "新都桥镇", "塔公镇"]), g.pick(VILLAGES), g.ints(1, 90))]),
        C("ZD04", "P/PERSON_ID/d", g.randserial("8510", 12), note="smart-card number of a subscriber (subscription id)"),
        C("ZD05", "P/PHONE_NUMBER/d", g.sparse([p.mobile for p in P], 0.7), tags=("sparse",)),
        C("ZD06", "N/EVENT_DATE/q", g.dates("2019-01-01", "2026-11-01", "%Y%m%d")),
        C("ZD07", "N/ORG_NAME/o", g.pick(["甘孜州广电网络公司", "康定市广播电视台"])),
        C("ZD08", "N/-/o", g.pick(["户户通", "村村通", "直播卫星"])),
    ]


@table("radiotv_audience_complaints", "people", "广播电视节目观众投诉", "jsonl", 200, ascii_style="english_snake")
def radiotv_audience_complaints(g: Gen) -> list[C]:
    P = g.people((20, 80))
    txt = [g.r.choice([
        f"{p.name}反映某购物频道夸大宣传保健品疗效，其母亲购买后血压控制不佳，联系电话{p.mobile}。",
        f"观众来电称{g.r.choice(['四川卫视', '成都电视台'])}广告音量过大。",
        f"住{p.addr}的观众反映有线电视信号中断三天，回电{p.mobile}。",
        "反映少儿频道插播网络游戏广告。",
    ]) for p in P]
    return [
        C("ticket", "N/-/o", g.serial("GDTS26", 5)),
        C("caller", "P/PERSON_NAME/d", g.sparse([mask_name(p.name, 2, p.sex) for p in P], 0.8), tags=("masked", "sparse")),
        C("callback_no", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("channel", "N/-/o", g.pick(["四川卫视", "成都新闻综合", "CDTV-5", "四川公共"])),
        C("content", "P/FREE_TEXT/d", txt, tags=("free_text",), note="complaint text (rule 14)"),
        C("received_at", "N/EVENT_DATE/q", g.times("2026-01-01 08:00:00", "2026-11-28 20:00:00")),
        C("status", "N/-/o", g.pick(["已回复", "已转办", "不予受理"])),
    ]


@table("radiotv_transmitters", "organisations", "广播电视发射台站", "csv", 80, enc="utf-8", delim=";")
def radiotv_transmitters(g: Gen) -> list[C]:
    pts = [g.coord((101.0, 106.0), (27.0, 33.0), 5) for _ in range(g.n)]
    return [
        C("station", "N/-/o", [f"{t}发射台" for t in g.pick(TOWNS + ["龙泉山", "二郎山", "峨眉山", "青城山"])]),
        C("freq_mhz", "N/-/o", g.money(87.5, 108, 1)),
        C("power_kw", "N/-/o", g.pick([0.1, 0.3, 1, 3, 10])),
        C("lon", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("lat", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("altitude_m", "N/-/o", g.ints(400, 4200)),
        C("duty_phone", "N/PHONE_NUMBER/o", g.landlines()),
        C("operator", "N/ORG_NAME/o", g.pick(["四川省广播电视局直属台", "成都市广播电视台", "四川广电网络"])),
    ]


@table("archives_access_log", "people", "档案查阅利用登记", "csv", 450, enc="gbk", delim=",", crlf=True, ascii_style="opaque")
def archives_access_log(g: Gen) -> list[C]:
    P = g.people((20, 85))
    return [
        C("col_1", "N/-/o", g.serial("LY2026", 5)),
        C("col_2", "P/PERSON_NAME/d", [p.name for p in P]),
        C("col_3", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("col_4", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("col_5", "N/-/o", g.pick(["婚姻登记档案", "知青档案", "招工档案", "房产档案", "学籍档案"])),
        C("col_6", "N/-/o", g.pick(["办理退休", "房产继承", "出国公证", "工龄认定"])),
        C("col_7", "N/-/o", [f"{g.r.randint(1, 300)}-{y}-{g.r.choice(['永久', '长期', '30年'])}-{g.r.randint(1, 9999):04d}" for y in g.ints(1960, 2010)], note="archive reference (档号)"),
        C("col_8", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-28")),
        C("col_9", "P/PERSON_NAME/d", g.pick(g.names(5)), note="reception staff (rule 15)"),
    ]


@table("archives_zhiqing_catalogue", "people", "知识青年上山下乡档案目录", "xlsx", 350, title_row=True)
def archives_zhiqing_catalogue(g: Gen) -> list[C]:
    P = g.people((64, 80), region="510104")
    return [
        C("档号", "N/-/o", [f"ZQ-{g.r.randint(1, 80):02d}-{i:05d}" for i in range(g.n)]),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("出生年月", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y.%m") for p in P]),
        C("原居住地", "N/REGION/q", g.pick(["成都市东城区", "成都市西城区", "成都市金牛区"])),
        C("下乡地点", "N/REGION/q", g.pick(["米易县撒莲公社", "会理县黎溪公社", "西昌县礼州公社", "邛崃县夹关公社"]), note="place of an event about the person"),
        C("下乡时间", "N/EVENT_DATE/q", g.dates("1968-01-01", "1976-12-31", "%Y.%m")),
        C("返城时间", "N/EVENT_DATE/q", g.sparse(g.dates("1977-01-01", "1981-12-31", "%Y.%m"), 0.8), tags=("sparse",)),
        C("家庭出身", "N/-/q", g.pick(["工人", "贫农", "职员", "小商", "城市贫民"]), note="class origin: not in PIPL Art. 28 list, quasi like political status (rule 7)"),
        C("保管期限", "N/-/o", ["永久"] * g.n),
    ]


@table("audit_economic_responsibility", "mixed", "领导干部经济责任审计项目", "csv", 120, enc="utf-8", delim=",")
def audit_economic_responsibility(g: Gen) -> list[C]:
    return [
        C("项目编号", "N/-/o", g.serial("JZSJ2026-", 3)),
        C("被审计领导干部", "P/PERSON_NAME/d", g.names()),
        C("任职单位", "N/ORG_NAME/o", g.pick(["成都市水务局", "锦江区教育局", "双流区卫健局", "成都市交通运输局", "某国有企业"])),
        C("职务", "N/-/o", g.pick(["局长", "党组书记", "董事长", "区长"])),
        C("审计期间", "N/-/o", [f"{a}年1月至{a + b}年12月" for a, b in zip(g.ints(2018, 2022), g.ints(1, 4))]),
        C("发现问题金额（万元）", "N/-/o", g.money(0, 5000, 2), note="amount of the audited body"),
        C("审计组长", "P/PERSON_NAME/d", g.names()),
        C("报告文号", "N/-/o", [f"成审经责报〔2026〕{i}号" for i in g.ints(1, 120)]),
        C("审计结论类别", "N/-/o", g.pick(["较好", "一般", "较差"])),
    ]


@table("audit_pension_anomalies", "people", "社保基金专项审计疑点数据", "parquet", 320, ascii_style="english_snake")
def audit_pension_anomalies(g: Gen) -> list[C]:
    P = g.people((60, 95))
    return [
        C("clue_no", "N/-/o", g.serial("YD", 6)),
        C("person_name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("id_number", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("clue_type", "S/-/s", g.pick(["死亡后继续领取养老金", "重复领取", "服刑期间违规领取", "机关企业双重待遇"]),
          note="finding about a person's benefits; one value reveals imprisonment (rules 5/6); no single entity"),
        C("death_date", "N/EVENT_DATE/q", g.sparse(g.dates("2018-01-01", "2026-06-30"), 0.6), tags=("sparse",)),
        C("overpaid_amount", "S/PERSONAL_INCOME/s", g.money(800, 120000, 2)),
        C("payee_account", "S/BANK_CARD/d", [g.bank_card() for _ in P]),
        C("county", "N/REGION/q", g.pick(list(COUNTIES.values()))),
        C("verify_status", "N/-/o", g.pick(["已核实追回", "核实中", "排除疑点"])),
    ]


@table("ethnic_clergy_register", "people", "宗教教职人员备案信息", "csv", 260, enc="gbk", delim=";")
def ethnic_clergy_register(g: Gen) -> list[C]:
    P = g.people((22, 85))
    rel = g.pick(["佛教", "佛教", "道教", "伊斯兰教", "天主教", "基督教", "藏传佛教"])
    title = {"佛教": "比丘", "道教": "道士", "伊斯兰教": "阿訇", "天主教": "神父", "基督教": "牧师", "藏传佛教": "喇嘛"}
    venue = {"佛教": "文殊院", "道教": "青羊宫", "伊斯兰教": "皇城清真寺", "天主教": "平安桥天主堂", "基督教": "恩光堂", "藏传佛教": "塔公寺"}
    return [
        C("备案编号", "P/PERSON_ID/d", [f"{r[:1]}{g.r.randint(10**9, 10**10 - 1)}" for r in rel], note="certificate number of a person"),
        C("俗名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("教名（法名）", "P/PERSON_NAME/d", [("释" + g.r.choice("慧智明觉圆净") + g.r.choice("海空光真")) if r == "佛教" else None for r in rel], tags=("sparse",), note="religious name of a person"),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("民族", "N/ETHNICITY/q", g.pick(ETHNIC)),
        C("出生日期", "P/DATE_OF_BIRTH/q", [fmt_date(p.dob, 3) for p in P]),
        C("公民身份号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("宗教", "S/RELIGION/s", rel),
        C("教职身份", "S/RELIGION/s", [title[r] for r in rel], note="clerical title reveals religion"),
        C("所在宗教活动场所", "S/RELIGION/s", [venue[r] for r in rel], note="venue of a cleric reveals the person's religion"),
        C("备案日期", "N/EVENT_DATE/q", g.dates("2010-01-01", "2026-11-01")),
    ]


@table("ethnic_religious_venues", "mixed", "宗教活动场所基本信息", "xlsx", 150)
def ethnic_religious_venues(g: Gen) -> list[C]:
    return [
        C("场所名称", "N/ORG_NAME/o", [f"{t}{s}" for t, s in zip(g.pick(TOWNS), g.pick(["观音寺", "祖师殿", "清真寺", "福音堂", "天主堂", "龙泉寺"]))]),
        C("宗教类别", "N/RELIGION/o", g.pick(["佛教", "道教", "伊斯兰教", "天主教", "基督教"]), note="venue religion (rule 9)"),
        C("登记证号", "N/-/o", [f"川宗登字（{g.r.choice(['成', '德', '绵'])}）{g.r.randint(1, 999):03d}号" for _ in range(g.n)]),
        C("统一社会信用代码", "N/USCC/o", [g.uscc("71") for _ in range(g.n)]),
        C("地址", "N/ADDRESS/o", [g.rural_addr() for _ in range(g.n)]),
        C("负责人", "P/PERSON_NAME/d", g.names()),
        C("负责人电话", "P/PHONE_NUMBER/d", g.mobiles()),
        C("建筑面积（㎡）", "N/-/o", g.money(200, 20000, 0)),
        C("开放时间", "N/-/o", g.pick(["08:00-17:00", "07:00-18:00"])),
    ]


@table("ethnic_student_grants", "people", "少数民族大学生资助名单", "csv", 300, enc="utf-8", delim=",", ascii_style="initials")
def ethnic_student_grants(g: Gen) -> list[C]:
    P = g.people((18, 23), region="513401")
    return [
        C("xsxm", "P/PERSON_NAME/d", [p.name for p in P]),
        C("mz", "N/ETHNICITY/q", g.pick(["彝族", "彝族", "藏族", "羌族", "回族"])),
        C("sfzjh", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("xx", "N/ORG_NAME/q", g.pick(["四川大学", "西南民族大学", "西华大学", "成都理工大学", "西昌学院"])),
        C("zzje", "S/PERSONAL_INCOME/s", g.pick([2000, 3000, 4000, 5000])),
        C("jtjjkndj", "S/-/s", g.pick(["特别困难", "困难", "一般困难"]), note="rule 5"),
        C("yhkh", "S/BANK_CARD/d", [mask_card(g.bank_card(), 1) for _ in P], tags=("masked",)),
        C("ffrq", "N/EVENT_DATE/o", ["2026-10-15"] * g.n),
    ]


@table("ethnic_population_by_county", "aggregate", "分县少数民族人口统计", "csv", 140, enc="utf-8", delim=",")
def ethnic_population_by_county(g: Gen) -> list[C]:
    codes = g.pick(list(COUNTIES))
    return [
        C("行政区划代码", "N/REGION/o", codes),
        C("区县", "N/REGION/o", [COUNTIES[c] for c in codes]),
        C("民族", "N/ETHNICITY/o", g.pick(["彝族", "藏族", "羌族", "回族", "土家族", "苗族"])),
        C("人口数", "N/-/o", g.ints(12, 300000)),
        C("占总人口比重（%）", "N/-/o", g.money(0.01, 80, 2)),
        C("统计年度", "N/EVENT_DATE/o", ["2025"] * g.n),
    ]


@table("women_dv_help_requests", "people", "反家暴求助登记", "jsonl", 180, ascii_style="english_snake")
def women_dv_help_requests(g: Gen) -> list[C]:
    P = g.people((19, 70), sex="女")
    txt = [g.r.choice([
        f"求助人称被丈夫{g.name('男')}多次殴打，{g.r.choice(['左眼淤青', '肋骨骨折', '头部外伤'])}，现住{p.addr}，电话{p.mobile}。",
        f"{p.name}来电反映遭受前男友威胁跟踪，要求心理援助。",
        f"邻居代为求助，称{p.community}一女子长期被家暴，需上门核实。",
    ]) for p in P]
    return [
        C("case_id", "N/-/o", g.serial("FJB", 5)),
        C("seeker", "P/PERSON_NAME/d", [mask_name(p.name, 1) for p in P], tags=("masked",)),
        C("seeker_phone", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("age", "N/AGE/q", [g.age_of(p) for p in P]),
        C("marital", "N/MARITAL_STATUS/q", g.pick(MARITAL)),
        C("abuser_name", "P/PERSON_NAME/d", g.sparse([g.name("男") for _ in P], 0.5), tags=("sparse",)),
        C("injury", "S/MEDICAL_CONDITION/s", g.pick(["软组织挫伤", "无明显外伤", "骨折", "精神抑郁", "轻微伤"])),
        C("narrative", "S/FREE_TEXT/s", txt, tags=("free_text",), note="names, phones, addresses and injuries: no single dominant entity"),
        C("police_caution", "S/CRIMINAL_RECORD/s", g.pick(["否", "否", "已出具告诫书"]), note="a caution to the abuser is a violation record of a person"),
        C("shelter", "S/PRECISE_LOCATION/s", g.sparse(g.pick(["市救助管理站庇护中心", "区妇女儿童之家"]), 0.25), tags=("sparse",), note="lodging of a person (rule 8)"),
        C("received", "N/EVENT_DATE/q", g.dates("2025-01-01", "2026-11-28", "%Y.%m.%d")),
    ]


@table("women_hardship_mothers", "people", "贫困母亲两癌救助", "csv", 260, enc="utf-8-sig", delim="\t")
def women_hardship_mothers(g: Gen) -> list[C]:
    P = g.people((35, 64), sex="女")
    return [
        C("受助人姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号码", "S/CN_RESIDENT_ID/d", [fullwidth(p.rid) if g.r.random() < 0.1 else p.rid for p in P], tags=("fullwidth",)),
        C("户籍地", "N/REGION/q", g.pick(list(COUNTIES.values()))),
        C("病种", "S/MEDICAL_CONDITION/s", g.pick(["乳腺癌", "宫颈癌", "C50.9", "C53.9"]), tags=("mixed_formats",)),
        C("确诊医院", "N/ORG_NAME/q", g.pick(["四川大学华西医院", "四川省肿瘤医院", "成都市妇女儿童中心医院"])),
        C("救助类别", "S/-/s", g.pick(["低保家庭", "特困供养", "防返贫监测户", "一般困难"]), note="rule 5"),
        C("救助金额（元）", "S/PERSONAL_INCOME/s", g.pick([10000, 10000, 5000])),
        C("联系电话", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("申报单位", "N/ORG_NAME/o", g.pick(["锦江区妇联", "金堂县妇联", "西昌市妇联"])),
    ]


@table("women_grassroots_federations", "mixed", "基层妇联组织及主席名录", "parquet", 200, ascii_style="pinyin")
def women_grassroots_federations(g: Gen) -> list[C]:
    return [
        C("zuzhimingcheng", "N/ORG_NAME/o", [f"{c}妇女联合会" for c in g.pick(COMMUNITIES + VILLAGES)]),
        C("suoshujiedao", "N/REGION/o", g.pick(TOWNS)),
        C("zhuxixingming", "P/PERSON_NAME/d", g.names()),
        C("zhuxishouji", "P/PHONE_NUMBER/d", g.mobiles()),
        C("zhiweirenshu", "N/-/o", g.ints(5, 21)),
        C("bangongdizhi", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("bangongdianhua", "N/PHONE_NUMBER/o", g.landlines()),
        C("huanjieshijian", "N/EVENT_DATE/o", g.dates("2021-06-01", "2026-11-01")),
    ]


@table("redcross_blood_donors", "people", "无偿献血者信息", "parquet", 1500)
def redcross_blood_donors(g: Gen) -> list[C]:
    P = g.people((18, 60))
    return [
        C("献血者编号", "P/PERSON_ID/d", g.randserial("51", 10)),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("出生日期", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y%m%d") for p in P]),
        C("证件号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("ABO血型", "S/MEDICAL_CONDITION/s", g.pick(["A", "B", "O", "AB"])),
        C("RhD", "S/MEDICAL_CONDITION/s", g.pick(["阳性"] * 30 + ["阴性"])),
        C("献血量（ml）", "N/-/o", g.pick([200, 300, 400])),
        C("献血地点", "N/ORG_NAME/q", g.pick(["春熙路献血屋", "天府广场献血车", "四川省血液中心", "红牌楼献血屋"])),
        C("献血日期", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-28")),
        C("检测结果", "S/MEDICAL_CONDITION/s", g.pick(["合格"] * 20 + ["ALT异常", "HBsAg阳性", "抗-HCV阳性", "梅毒阳性"])),
        C("手机号码", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
    ]


@table("redcross_organ_donor_pledges", "people", "人体器官捐献志愿登记", "csv", 400, enc="utf-8", delim=",", ascii_style="english_snake")
def redcross_organ_donor_pledges(g: Gen) -> list[C]:
    P = g.people((18, 75))
    return [
        C("registration_no", "P/PERSON_ID/d", g.randserial("CODR", 9)),
        C("name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("id_card", "S/CN_RESIDENT_ID/d", [p.rid.lower() if g.r.random() < 0.5 else p.rid for p in P], tags=("lowercase_x",)),
        C("mobile", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("email", "P/EMAIL/d", g.sparse([g.email() for _ in P], 0.4), tags=("sparse",)),
        C("postal_address", "P/ADDRESS/d", [p.addr for p in P]),
        C("pledge_scope", "S/-/s", g.pick(["全部器官", "肾脏", "肝脏", "眼角膜", "遗体"]),
          note="what a person will donate of the body: health/physiological information (Annex B), no vocabulary entity"),
        C("witness", "P/PERSON_NAME/d", g.sparse(g.names(), 0.6), tags=("sparse",)),
        C("pledged_on", "N/EVENT_DATE/q", g.dates("2019-01-01", "2026-11-28")),
        C("channel", "N/-/o", g.pick(["中国人体器官捐献管理中心网站", "现场登记", "支付宝"])),
    ]


@table("redcross_humanitarian_aid", "people", "红十字人道救助发放", "xlsx", 240, minors=True)
def redcross_humanitarian_aid(g: Gen) -> list[C]:
    P = g.people((1, 85))
    return [
        C("受助人", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("年龄", "N/AGE/q", [f"{g.age_of(p)}岁" for p in P]),
        C("救助类别", "S/-/s", g.pick(["大病救助", "灾害救助", "博爱助学", "应急救助"]), note="rule 5"),
        C("疾病名称", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["白血病", "先天性心脏病", "尿毒症", "脑瘫", "肝癌"]), 0.7), tags=("sparse",)),
        C("救助金额", "S/PERSONAL_INCOME/s", [f"{v}元" for v in g.pick([2000, 3000, 5000, 10000])]),
        C("监护人或本人电话", "P/PHONE_NUMBER/d", g.mobiles()),
        C("经办人", "P/PERSON_NAME/d", g.pick(g.names(6))),
        C("发放日期", "N/EVENT_DATE/q", g.dates("2025-01-01", "2026-11-20", "%Y年%m月%d日")),
    ]


@table("union_member_register", "people", "工会会员实名制信息", "csv", 900, enc="gbk", delim="|", ascii_style="initials")
def union_member_register(g: Gen) -> list[C]:
    P = g.people((18, 60))
    return [
        C("HYBH", "P/PERSON_ID/d", g.randserial("GH51", 10), note="member number"),
        C("XM", "P/PERSON_NAME/d", [p.name for p in P]),
        C("SFZH", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("SJHM", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("GZDW", "N/ORG_NAME/q", g.companies()),
        C("ZGLX", "N/OCCUPATION/q", g.pick(["农民工", "劳务派遣工", "合同制职工", "新就业形态劳动者"])),
        C("HYFWKH", "S/BANK_CARD/d", [g.bank_card() for _ in P], note="member service card co-branded with a bank: a bank card"),
        C("RHSJ", "N/EVENT_DATE/q", g.dates("2005-01-01", "2026-11-01", "%Y/%m/%d")),
        C("SFKNZG", "S/-/s", g.pick(["否"] * 9 + ["是"]), note="hardship-worker flag (rule 5)"),
        C("XL", "N/EDUCATION/q", g.pick(EDU)),
    ]


@table("union_hardship_aid", "people", "困难职工帮扶档案", "jsonl", 280, ascii_style="english_snake")
def union_hardship_aid(g: Gen) -> list[C]:
    P = g.people((25, 60))
    return [
        C("file_no", "P/PERSON_ID/d", g.serial("KNZG", 6), note="record number of a person (rule 1)"),
        C("workerName", "P/PERSON_NAME/d", [p.name for p in P]),
        C("idCard", "S/CN_RESIDENT_ID/d", [mask_id(p.rid, 3) for p in P], tags=("masked",)),
        C("employer", "N/ORG_NAME/q", g.companies()),
        C("hardshipCause", "S/-/s", g.pick(["本人患病", "家属患病", "子女就学", "单亲", "工伤致残"]), note="rule 5"),
        C("illness", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["尿毒症", "乳腺癌", "脑梗塞后遗症", "重度抑郁"]), 0.6), tags=("sparse",)),
        C("monthlyIncomePerCapita", "S/PERSONAL_INCOME/s", g.money(400, 1800, 0)),
        C("aidAmount", "S/PERSONAL_INCOME/s", g.pick([1000, 2000, 3000, 5000])),
        C("home", "P/ADDRESS/d", [p.addr for p in P]),
        C("registeredAt", "N/EVENT_DATE/q", g.dates("2023-01-01", "2026-11-01")),
    ]


@table("union_grassroots_unions", "mixed", "基层工会组织名录", "csv", 220, enc="utf-8", delim="|")
def union_grassroots_unions(g: Gen) -> list[C]:
    return [
        C("工会名称", "N/ORG_NAME/o", [c + "工会委员会" for c in g.companies()]),
        C("统一社会信用代码", "N/USCC/o", [g.uscc("81") for _ in range(g.n)]),
        C("工会主席", "P/PERSON_NAME/d", g.names()),
        C("主席联系电话", "P/PHONE_NUMBER/d", [g.mobile() if g.r.random() < 0.7 else g.landline() for _ in range(g.n)], note="rule 12"),
        C("会员人数", "N/-/o", g.ints(3, 3000)),
        C("其中女职工数", "N/-/o", g.ints(0, 1000)),
        C("单位地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("成立时间", "N/EVENT_DATE/o", g.dates("1995-01-01", "2026-06-01", "%Y年%m月")),
    ]


@table("commerce_prepaid_card_issuers", "organisations", "单用途商业预付卡发卡企业备案", "jsonl", 160, ascii_style="english_snake")
def commerce_prepaid_card_issuers(g: Gen) -> list[C]:
    return [
        C("filing_no", "N/-/o", [f"5101{g.r.randint(10**7, 10**8 - 1)}" for _ in range(g.n)]),
        C("enterprise", "N/ORG_NAME/o", g.companies(g.n, "商贸")),
        C("uscc", "N/USCC/o", [g.uscc("91") for _ in range(g.n)]),
        C("card_type", "N/-/o", g.pick(["记名卡", "不记名卡", "记名卡/不记名卡"])),
        C("issued_wan_yuan", "N/-/o", g.money(5, 9000, 2), note="company amount"),
        C("service_hotline", "N/PHONE_NUMBER/o", [f"400-{g.r.randint(100, 999)}-{g.r.randint(1000, 9999)}" for _ in range(g.n)]),
        C("office_email", "N/EMAIL/o", [f"service@{w}.com.cn" for w in g.pick(["hongqi", "wangfujing", "yishang", "ito-cd", "renrenle"])], note="office mailbox"),
        C("address", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("filed_on", "N/EVENT_DATE/o", g.dates("2013-01-01", "2026-10-01")),
    ]


@table("commerce_trade_operators", "mixed", "对外贸易经营者备案登记", "xlsx", 200, ascii_style="english_snake")
def commerce_trade_operators(g: Gen) -> list[C]:
    return [
        C("备案登记表编号", "N/-/o", g.randserial("0", 7)),
        C("经营者中文名称", "N/ORG_NAME/o", g.companies(g.n, "进出口")),
        C("统一社会信用代码", "N/USCC/o", [g.uscc("91") for _ in range(g.n)]),
        C("海关编码", "N/-/o", [f"5101{g.r.randint(10**5, 10**6 - 1)}{g.r.randint(0, 9)}" for _ in range(g.n)]),
        C("组织机构代码", "N/-/o", [g.org_code() for _ in range(g.n)], note="GB 11714 organisation code"),
        C("联系人", "P/PERSON_NAME/d", g.names()),
        C("联系人手机", "P/PHONE_NUMBER/d", g.mobiles()),
        C("联系人邮箱", "P/EMAIL/d", [g.email() for _ in range(g.n)], note="mostly webmail (rule 12)"),
        C("经营场所", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("备案日期", "N/EVENT_DATE/o", g.dates("2016-01-01", "2026-11-01", "%Y/%m/%d")),
    ]


@table("commerce_tradein_subsidies", "people", "消费品以旧换新补贴核销明细", "jsonl", 1000, ascii_style="english_snake")
def commerce_tradein_subsidies(g: Gen) -> list[C]:
    P = g.people((20, 75))
    price = g.money(1500, 20000, 2)
    return [
        C("writeoff_no", "N/-/o", g.randserial("YJHX", 12), note="transaction serial"),
        C("consumer", "P/PERSON_NAME/d", [mask_name(p.name, 0) for p in P], tags=("masked",)),
        C("consumer_mobile", "P/PHONE_NUMBER/d", [mask_phone(p.mobile, 0) for p in P], tags=("masked",)),
        C("category", "N/-/o", g.pick(["冰箱", "洗衣机", "空调", "电视", "手机", "电动自行车"])),
        C("deal_price", "S/PERSONAL_INCOME/s", price, note="a person's purchase (rule 3)"),
        C("subsidy", "S/PERSONAL_INCOME/s", [round(min(p * 0.15, 2000), 2) for p in price]),
        C("store", "N/ORG_NAME/q", g.pick(["国美电器（春熙店）", "苏宁易购（天府店）", "五星电器（武侯店）", "京东MALL"])),
        C("pay_card", "S/BANK_CARD/d", [mask_card(g.bank_card(), 0) for _ in P], tags=("masked",)),
        C("paid_at", "N/EVENT_DATE/q", g.times("2026-01-01 09:00:00", "2026-11-28 21:00:00")),
    ]
