"""Court enforcement, petitions, grid governance, community correction, emergency/fire, telecoms, post,
customs, market regulation, tax."""

from __future__ import annotations

import datetime as dt

from v7lib import (
    CHENGDU, COMMUNITIES, COUNTIES, ESTATES, FOREIGN_COUNTRIES, ROADS, TOWNS, VILLAGES, Col as C, Gen, table,
    mask_id, mask_name, mask_phone, fullwidth, excel_serial,
)

COURTS = ["成都市锦江区人民法院", "成都市武侯区人民法院", "成都市中级人民法院", "金堂县人民法院", "成都高新技术产业开发区人民法院"]
COURT_CODE = ["川0104", "川0107", "川01", "川0121", "川0191"]


def _case_no(g: Gen, kind: str) -> list[str]:
    return [f"({y}){g.r.choice(COURT_CODE)}{kind}{g.r.randint(1, 9999)}号" for y in g.ints(2019, 2026)]


@table("court_dishonest_debtors", "people", "失信被执行人名单（自然人）", "csv", 700, enc="utf-8", delim=",")
def court_dishonest_debtors(g: Gen) -> list[C]:
    P = g.people((22, 75))
    amt = g.money(3000, 2_000_000, 2)
    oblig = [f"被告{p.name}于判决生效之日起十日内偿还原告{g.name()}借款{a:.0f}元及利息" for p, a in zip(P, amt)]
    return [
        C("案号", "P/-/q", _case_no(g, "执"), note="court case number (rule 6)"),
        C("被执行人姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号码", "S/CN_RESIDENT_ID/d", [mask_id(p.rid, 1) for p in P], tags=("masked",)),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("年龄", "N/AGE/q", [g.age_of(p) for p in P]),
        C("执行法院", "N/ORG_NAME/q", g.pick(COURTS)),
        C("省份", "N/REGION/q", ["四川"] * g.n),
        C("执行依据文号", "P/-/q", _case_no(g, "民初"), note="court case number of the judgment (rule 6)"),
        C("生效法律文书确定的义务", "S/FREE_TEXT/s", oblig, tags=("free_text",), note="debtor obligations (rule 14)"),
        C("被执行人的履行情况", "S/-/s", g.pick(["全部未履行", "部分履行"]), note="credit record (rule 6)"),
        C("失信被执行人行为具体情形", "S/-/s", g.pick(["有履行能力而拒不履行生效法律文书确定义务", "违反财产报告制度", "违反限制消费令"]), note="credit record (rule 6)"),
        C("涉案金额（元）", "S/PERSONAL_INCOME/s", amt, note="v2 call"),
        C("发布时间", "N/EVENT_DATE/q", g.dates("2020-01-01", "2026-11-25", "%Y年%m月%d日")),
    ]


@table("court_asset_freezes", "people", "执行查控财产明细", "parquet", 600, ascii_style="initials")
def court_asset_freezes(g: Gen) -> list[C]:
    P = g.people((25, 70))
    kind = g.pick(["存款", "存款", "车辆", "不动产", "微信/支付宝余额"])
    return [
        C("AH", "P/-/q", _case_no(g, "执"), note="rule 6"),
        C("BZXR", "P/PERSON_NAME/d", [p.name for p in P]),
        C("ZJHM", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("CCLX", "S/-/s", kind, note="kind of a person's property found (rule 4)"),
        C("KHH", "N/ORG_NAME/o", [g.r.choice(["中国工商银行成都分行", "成都银行", "招商银行成都分行"]) if k == "存款" else None for k in kind], tags=("sparse",)),
        C("ZH", "S/BANK_CARD/d", [g.bank_card() if k == "存款" else None for k in kind], tags=("sparse",)),
        C("DJJE", "S/PERSONAL_INCOME/s", [round(g.r.uniform(10, 300000), 2) if k in ("存款", "微信/支付宝余额") else None for k in kind], tags=("sparse",)),
        C("CPH", "P/LICENSE_PLATE/d", [g.plate(p.region) if k == "车辆" else None for p, k in zip(P, kind)], tags=("sparse",)),
        C("BDCZL", "S/ADDRESS/d", [p.addr if k == "不动产" else None for p, k in zip(P, kind)], tags=("sparse",), note="rule 4"),
        C("CKRQ", "N/EVENT_DATE/q", g.dates("2025-01-01", "2026-11-28", "%Y%m%d")),
        C("CBFG", "P/PERSON_NAME/d", g.pick(g.names(8)), note="judge (rule 15)"),
    ]


@table("court_enforcement_stats", "aggregate", "执行案件月度统计", "xlsx", 120, title_row=True)
def court_enforcement_stats(g: Gen) -> list[C]:
    return [
        C("法院", "N/ORG_NAME/o", g.pick(COURTS)),
        C("月份", "N/EVENT_DATE/o", [f"2026-{m:02d}" for m in g.ints(1, 11)]),
        C("新收案件数", "N/-/o", g.ints(50, 3000)),
        C("执结案件数", "N/-/o", g.ints(40, 2800)),
        C("执行到位金额（万元）", "N/PERSONAL_INCOME/o", g.money(100, 90000, 2), note="total over all parties (rule 9)"),
        C("新增失信被执行人数", "N/-/o", g.ints(0, 400)),
        C("限制高消费人数", "N/-/o", g.ints(0, 800)),
        C("终本率（%）", "N/-/o", g.money(10, 60, 1)),
    ]


@table("court_auction_bidders", "people", "网络司法拍卖竞买记录", "jsonl", 500, ascii_style="english_snake")
def court_auction_bidders(g: Gen) -> list[C]:
    P = g.people((25, 70))
    return [
        C("lot_id", "N/-/o", g.randserial("PM", 9)),
        C("lot_title", "N/-/o", [f"{g.r.choice(['成都市', '武侯区', '锦江区'])}{g.r.choice(ESTATES)}{g.r.randint(1, 20)}栋住宅" if g.r.random() < 0.6 else f"川A{g.r.randint(10000, 99999)}小型轿车" for _ in P], note="auctioned item of the debtor, described without the debtor"),
        C("bidder_no", "P/PERSON_ID/d", [f"{g.r.choice('ABCDEFGH')}{g.r.randint(1000, 9999)}" for _ in P], note="bidder number of a person"),
        C("bidder_name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("bidder_id", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("bidder_phone", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("deposit", "S/PERSONAL_INCOME/s", g.pick([20000, 50000, 100000, 300000]), note="a person's transaction (rule 3)"),
        C("bid_amount", "S/PERSONAL_INCOME/s", g.money(50000, 3_000_000, 0)),
        C("bid_ip", "P/IP_ADDRESS/d", [g.ip() for _ in P]),
        C("bid_time", "N/EVENT_DATE/q", g.times("2026-01-01 10:00:00", "2026-11-28 10:00:00", "%Y-%m-%d %H:%M:%S.000")),
    ]


PETITION = [
    "反映{t}{v}征地补偿标准过低，本人{n}家承包地2.3亩被征用，至今未兑付，电话{m}。",
    "{n}反映其父在{h}住院期间因{d}死亡，认为医院存在过错，要求鉴定。",
    "反映{c}{e}物业擅自占用公共绿地建停车场。",
    "{n}反映{co}拖欠其及30余名农民工工资共计46万元，联系电话{m}。",
    "反映其子{n}被判刑后家属探视困难，请求协调。",
]


@table("petition_visit_register", "people", "群众来访登记台账", "xlsx", 400, title_row=True)
def petition_visit_register(g: Gen) -> list[C]:
    P = g.people((25, 85))
    txt = [PETITION[g.r.randrange(5)].format(t=g.r.choice(TOWNS), v=g.r.choice(VILLAGES), n=p.name, m=p.mobile, h="某三甲医院",
                                             d=g.r.choice(["肺癌", "脑出血", "术后感染"]), c=p.community, e=g.r.choice(ESTATES), co=g.company()) for p in P]
    return [
        C("信访件编号", "N/-/o", g.randserial("5101002026", 8), note="petition item serial (rule 1)"),
        C("来访人", "P/PERSON_NAME/d", [p.name for p in P]),
        C("证件号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("联系电话", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("住址", "P/ADDRESS/d", [p.addr for p in P]),
        C("来访人数", "N/-/o", g.ints(1, 12)),
        C("信访事项", "S/FREE_TEXT/s", txt, tags=("free_text",), note="narratives with names, phones; some mention a death cause or a sentence (like 12345, rule 14)"),
        C("问题属地", "N/REGION/q", g.pick(list(COUNTIES.values()))),
        C("问题类别", "N/-/q", g.pick(["农村农业", "城乡建设", "劳动社保", "卫生健康", "政法"]), note="event category"),
        C("来访日期", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-28")),
        C("办理单位", "N/ORG_NAME/o", g.pick(["市信访局", "锦江区信访局", "市人社局", "市卫健委"])),
    ]


@table("petition_online_letters", "people", "网上信访件", "jsonl", 350, ascii_style="english_camel")
def petition_online_letters(g: Gen) -> list[C]:
    P = g.people((20, 70))
    txt = [PETITION[g.r.choice([0, 2, 3])].format(t=g.r.choice(TOWNS), v=g.r.choice(VILLAGES), n=p.name, m=p.mobile, c=p.community, e=g.r.choice(ESTATES), co=g.company(), h="", d="") for p in P]
    return [
        C("letterId", "N/-/o", g.serial("WSXF", 7)),
        C("userAccount", "P/PERSON_ID/d", [g.fk_en.user_name() + str(g.r.randint(1, 999)) for _ in P], note="account nickname (rule 15)"),
        C("realName", "P/PERSON_NAME/d", [p.name for p in P]),
        C("mobilePhone", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("email", "P/EMAIL/d", g.sparse([g.email() for _ in P], 0.5), tags=("sparse",)),
        C("clientIp", "P/IP_ADDRESS/d", [g.ip() for _ in P]),
        C("subject", "N/-/o", g.pick(["关于征地补偿的诉求", "关于拖欠工资的反映", "关于小区物业问题的投诉", "关于道路破损的建议"]), note="subject lines without persons"),
        C("content", "P/FREE_TEXT/d", txt, tags=("free_text",), note="petition letter text (rule 14)"),
        C("submittedAt", "N/EVENT_DATE/q", g.times("2026-01-01 00:00:00", "2026-11-28 23:00:00", "%Y-%m-%dT%H:%M:%S+08:00")),
    ]


@table("petition_key_persons", "people", "重点信访人员稳控台账", "parquet", 150)
def petition_key_persons(g: Gen) -> list[C]:
    P = g.people((35, 80))
    return [
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("户籍地", "N/REGION/q", [COUNTIES.get(p.region, "外省") for p in P]),
        C("现居住地", "P/ADDRESS/d", [p.addr for p in P]),
        C("主要诉求类别", "N/-/q", g.pick(["征地补偿", "工伤认定", "医疗纠纷", "涉法涉诉", "退役安置"]), note="event category (like a civil case cause, v6)"),
        C("稳控级别", "S/-/s", g.pick(["A", "B", "C"]), note="security-control level of a person: sensitive (specific identity), not a criminal record"),
        C("包案领导", "P/PERSON_NAME/d", g.pick(g.names(10))),
        C("最近动态", "S/PRECISE_LOCATION/s", [f"{d} 在{g.r.choice(['成都东站', '双流机场T2', '北京西站', '省信访局接待大厅', '家中'])}" for d in g.dates("2026-10-01", "2026-11-28", "%m-%d")], note="whereabouts of a person (rule 8)"),
        C("联系电话", "P/PHONE_NUMBER/d", [fullwidth(p.mobile) if g.r.random() < 0.15 else p.mobile for p in P], tags=("fullwidth",)),
    ]


@table("petition_monthly_stats", "aggregate", "信访事项分类统计", "csv", 100, enc="gbk", delim=",")
def petition_monthly_stats(g: Gen) -> list[C]:
    return [
        C("统计月份", "N/EVENT_DATE/o", [f"2026年{m}月" for m in g.ints(1, 11)]),
        C("区县", "N/REGION/o", g.pick(list(COUNTIES.values()))),
        C("问题类别", "N/-/o", g.pick(["农村农业", "城乡建设", "劳动社保", "卫生健康", "政法", "教育文体"])),
        C("来信件数", "N/-/o", g.ints(0, 300)),
        C("来访批次", "N/-/o", g.ints(0, 200)),
        C("来访人次", "N/-/o", g.ints(0, 900)),
        C("按期办结率", "N/-/o", [f"{v}%" for v in g.money(80, 100, 1)]),
    ]


SPECIAL = ["独居老人", "留守儿童", "残疾人", "刑满释放人员", "精神障碍患者", "社区戒毒人员", "低保户", "空巢老人"]


@table("grid_household_visits", "people", "网格员入户走访记录", "jsonl", 800, ascii_style="english_snake")
def grid_household_visits(g: Gen) -> list[C]:
    P = g.people((18, 95))
    cat = g.pick(SPECIAL)
    pts = [g.coord(nd=6) for _ in P]
    note_txt = [g.r.choice([f"{c}，身体状况一般，子女{g.name()}在外务工，电话{g.mobile()}。", f"{c}，情绪稳定，已按时服药。", f"{c}，家中无异常。"]) for c in cat]
    return [
        C("grid_code", "N/-/o", [f"51010{g.r.randint(4, 8)}{g.r.randint(1, 30):03d}{g.r.randint(1, 40):03d}" for _ in P], note="grid cell code"),
        C("gridman", "P/PERSON_NAME/d", g.pick(g.names(20))),
        C("visitee", "P/PERSON_NAME/d", [p.name for p in P]),
        C("visitee_idno", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("door_address", "P/ADDRESS/d", [p.addr for p in P]),
        C("population_type", "S/-/s", cat, note="special-population category mixes welfare, health and criminal categories: sensitive, no single entity"),
        C("visit_lng", "S/PRECISE_LOCATION/d", [a for a, _ in pts], note="visit at the person's home: home coordinates (rule 8)"),
        C("visit_lat", "S/PRECISE_LOCATION/d", [b for _, b in pts]),
        C("visit_note", "S/FREE_TEXT/s", note_txt, tags=("free_text",), note="category, health remarks, relatives' names and phones"),
        C("visited_at", "N/EVENT_DATE/q", g.times("2026-09-01 09:00:00", "2026-11-28 18:00:00", "%Y/%m/%d %H:%M")),
    ]


@table("grid_rental_housing", "people", "出租房屋及承租人登记", "csv", 600, enc="utf-8-sig", delim=";", ascii_style="initials")
def grid_rental_housing(g: Gen) -> list[C]:
    L = g.people((35, 80))
    T = g.people((18, 55))
    return [
        C("czr_xm", "P/PERSON_NAME/d", [p.name for p in L], tags=("prefixed",)),
        C("czr_lxdh", "P/PHONE_NUMBER/d", [p.mobile for p in L], tags=("prefixed",)),
        C("fwdz", "S/ADDRESS/d", [p.addr for p in L], note="rented home: the landlord's property (v3 call, rule 4)"),
        C("zlr_xm", "P/PERSON_NAME/d", [p.name for p in T], tags=("prefixed",)),
        C("zlr_zjhm", "S/CN_RESIDENT_ID/d", [p.rid for p in T], tags=("prefixed",)),
        C("zlr_sjh", "P/PHONE_NUMBER/d", [f"{p.mobile[:3]} {p.mobile[3:7]} {p.mobile[7:]}" for p in T], tags=("prefixed", "spaced")),
        C("租金zj", "S/PERSONAL_INCOME/s", [f"{v}元/月" for v in g.ints(800, 6000)], note="rent (rule 3)"),
        C("rzrq", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-25")),
        C("wgbh", "N/-/o", [f"WG{g.r.randint(1, 300):04d}" for _ in L]),
        C("czyt", "N/-/o", g.pick(["居住", "居住", "群租", "商住"])),
    ]


@table("grid_incident_reports", "mixed", "网格事件上报处置", "parquet", 900, ascii_style="english_snake")
def grid_incident_reports(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("event_no", "N/-/o", g.randserial("SJ2026", 8)),
        C("event_type", "N/-/o", g.pick(["占道经营", "垃圾堆放", "井盖缺失", "违章搭建", "路灯损坏", "消防通道堵塞"])),
        C("event_addr", "N/ADDRESS/o", [f"{CHENGDU[c][0]}{g.r.choice(ROADS)}{g.r.randint(1, 300)}号附近" for c in g.pick(list(CHENGDU))], note="place of a public-space event"),
        C("event_lng", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("event_lat", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("reporter", "P/PERSON_NAME/d", g.pick(g.names(40)), note="grid worker (rule 15)"),
        C("reporter_tel", "P/PHONE_NUMBER/d", g.pick(g.mobiles(40))),
        C("handling_dept", "N/ORG_NAME/o", g.pick(["城管执法中队", "街道办事处", "市政维护公司", "消防救援站"])),
        C("status", "N/-/o", g.pick(["已办结", "处置中", "已派遣"])),
        C("reported_at", "N/EVENT_DATE/o", g.times("2026-10-01 00:00:00", "2026-11-28 23:59:59")),
    ]


@table("grid_special_population_stats", "aggregate", "社区重点人群数量统计", "csv", 160, enc="utf-8", delim="\t")
def grid_special_population_stats(g: Gen) -> list[C]:
    return [
        C("街道", "N/REGION/o", [g.r.choice(CHENGDU[c][1]) for c in g.pick(list(CHENGDU))]),
        C("社区", "N/REGION/o", g.pick(COMMUNITIES)),
        C("人群类别", "N/-/o", g.pick(SPECIAL), note="categories mixing welfare, health and criminal groups: aggregate, entity null"),
        C("人数", "N/-/o", g.ints(0, 120)),
        C("其中男性", "N/-/o", g.ints(0, 60)),
        C("统计月份", "N/EVENT_DATE/o", ["2026-11"] * g.n),
    ]


CRIMES = ["危险驾驶罪", "盗窃罪", "诈骗罪", "故意伤害罪", "交通肇事罪", "帮助信息网络犯罪活动罪", "非法吸收公众存款罪", "开设赌场罪"]


@table("correction_subjects", "people", "社区矫正对象基本信息", "parquet", 500, ascii_style="initials")
def correction_subjects(g: Gen) -> list[C]:
    P = g.people((18, 75))
    typ = g.pick(["缓刑", "缓刑", "缓刑", "假释", "管制", "暂予监外执行"])
    start = [g.date(dt.date(2023, 1, 1), dt.date(2026, 10, 1)) for _ in P]
    return [
        C("jzdxbh", "P/PERSON_ID/d", g.randserial("5101JZ", 8), note="correction subject number"),
        C("xm", "P/PERSON_NAME/d", [p.name for p in P]),
        C("cym", "P/PERSON_NAME/d", g.sparse([g.name(p.sex) for p in P], 0.1), tags=("sparse",), note="former name"),
        C("sfzh", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("zm", "S/CRIMINAL_RECORD/s", g.pick(CRIMES)),
        C("ypxq", "S/CRIMINAL_RECORD/s", [f"有期徒刑{g.r.randint(6, 36)}个月" if t != "管制" else f"管制{g.r.randint(3, 24)}个月" for t in typ], note="sentence"),
        C("jzlb", "S/CRIMINAL_RECORD/s", typ),
        C("jzqxq", "N/EVENT_DATE/q", [d.isoformat() for d in start]),
        C("jzqxz", "N/EVENT_DATE/q", [(d + dt.timedelta(days=g.r.randint(180, 1500))).isoformat() for d in start]),
        C("jzd", "P/ADDRESS/d", [p.addr for p in P]),
        C("gldj", "S/CRIMINAL_RECORD/s", g.pick(["严管", "普管", "宽管"]), note="supervision level (v6 call)"),
        C("sfs", "N/ORG_NAME/q", [f"{s}司法所" for s in g.pick([x for c in CHENGDU.values() for x in c[1]])]),
        C("dzdwsbh", "P/-/d", g.randserial("DW", 10), note="electronic monitoring device id (v6 call)"),
        C("jwzyy", "S/MEDICAL_CONDITION/s", [g.r.choice(["肝硬化失代偿期", "尿毒症维持透析", "妊娠", "恶性肿瘤晚期"]) if t == "暂予监外执行" else None for t in typ], tags=("sparse",), note="reason for serving outside prison: illness or pregnancy"),
    ]


@table("correction_gps_points", "people", "社区矫正电子定位轨迹", "csv", 2000, enc="utf-8", delim=",", crlf=True, ascii_style="english_snake")
def correction_gps_points(g: Gen) -> list[C]:
    ids = g.randserial("5101JZ", 8, 30)
    return [
        C("subject_no", "P/PERSON_ID/d", g.pick(ids)),
        C("loc_time", "N/EVENT_DATE/q", g.times("2026-11-20 00:00:00", "2026-11-29 23:59:59")),
        C("longitude", "S/PRECISE_LOCATION/s", g.money(103.95, 104.15, 6), note="trajectory of a person (rule 8)"),
        C("latitude", "S/PRECISE_LOCATION/s", g.money(30.58, 30.75, 6)),
        C("lac_ci", "S/PRECISE_LOCATION/s", [f"{g.r.randint(10000, 65000)}-{g.r.randint(1000, 250000)}" for _ in range(g.n)], note="serving cell (v6 call)"),
        C("loc_mode", "N/-/o", g.pick(["GPS", "LBS", "WIFI"])),
        C("alarm", "S/CRIMINAL_RECORD/s", g.sparse(g.pick(["越界", "关机", "信号丢失"]), 0.05, ""), tags=("sparse",), note="breach alarm (v6 call)"),
    ]


@table("correction_leave_requests", "people", "社区矫正对象外出请假审批", "xlsx", 200)
def correction_leave_requests(g: Gen) -> list[C]:
    P = g.people((20, 70))
    return [
        C("矫正对象编号", "P/PERSON_ID/d", g.randserial("5101JZ", 8)),
        C("姓名", "P/PERSON_NAME/d", [mask_name(p.name, 3) for p in P], tags=("masked",)),
        C("外出事由", "N/-/q", g.pick(["就医", "探亲", "务工", "子女升学", "奔丧"]), note="reason category of an event about the person"),
        C("目的地", "S/PRECISE_LOCATION/s", g.pick(["重庆市渝中区", "北京市朝阳区", "西昌市", "绵阳市涪城区", "广州市天河区"]), note="whereabouts of a supervised person (rule 8)"),
        C("外出开始日期", "N/EVENT_DATE/q", [excel_serial(g.date(dt.date(2026, 1, 1), dt.date(2026, 11, 20))) for _ in P], tags=("excel_serial",)),
        C("外出天数", "N/-/o", g.ints(1, 30)),
        C("审批人", "P/PERSON_NAME/d", g.pick(g.names(5))),
        C("审批结果", "N/-/o", g.pick(["批准", "批准", "不批准"])),
    ]


@table("fire_inspections", "organisations", "消防监督检查记录", "csv", 400, enc="gbk", delim="|", ascii_style="initials")
def fire_inspections(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("dwmc", "N/ORG_NAME/o", g.companies()),
        C("tyshxydm", "N/USCC/o", [g.uscc() for _ in range(g.n)]),
        C("dwdz", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("jd", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("wd", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("dwdh", "N/PHONE_NUMBER/o", g.landlines()),
        C("jcrq", "N/EVENT_DATE/o", g.dates("2026-01-01", "2026-11-28", "%Y%m%d")),
        C("yhs", "N/-/o", g.ints(0, 12)),
        C("wsh", "N/-/o", [f"成锦（消）责改字〔2026〕第{i:04d}号" for i in g.ints(1, 3000)]),
        C("jcjg", "N/-/o", g.pick(["合格", "责令改正", "临时查封", "罚款"])),
        C("fkje", "N/-/o", g.sparse(g.pick([5000, 10000, 30000]), 0.2, 0), tags=("sparse",), note="company fine"),
    ]


@table("fire_residential_fires", "people", "居民住宅火灾事故登记", "csv", 150, enc="utf-8", delim=",", ascii_style="opaque")
def fire_residential_fires(g: Gen) -> list[C]:
    P = g.people((25, 90))
    dead = [g.r.random() < 0.08 for _ in P]
    return [
        C("col_1", "N/-/o", g.serial("HZ2026", 4)),
        C("col_2", "P/ADDRESS/d", [p.addr for p in P], note="the fire was at the household's home"),
        C("col_3", "P/PERSON_NAME/d", [p.name for p in P], note="household head"),
        C("col_4", "P/PHONE_NUMBER/d", [p.mobile for p in P], note="caller mobile"),
        C("col_5", "N/-/o", g.pick(["电气线路故障", "电动自行车充电", "用火不慎", "吸烟", "燃气泄漏"])),
        C("col_6", "N/-/o", g.ints(0, 3), note="casualty count"),
        C("col_7", "P/PERSON_NAME/d", [g.name() if d else None for d in dead], tags=("sparse",), note="deceased (rule 15)"),
        C("col_8", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["II度烧伤15%", "吸入性损伤", "轻微烫伤"]), 0.2), tags=("sparse",)),
        C("col_9", "S/PERSONAL_INCOME/s", g.money(500, 300000, 0), note="household's property loss (rule 4)"),
        C("col_10", "N/EVENT_DATE/q", g.times("2025-01-01 00:00:00", "2026-11-28 23:59:59", "%Y/%m/%d %H:%M")),
    ]


@table("fire_disaster_relief", "people", "自然灾害受灾人员生活救助发放", "xlsx", 500, title_row=True)
def fire_disaster_relief(g: Gen) -> list[C]:
    P = g.people((20, 90), region="511802")
    return [
        C("乡镇", "N/REGION/q", g.pick(["草坝镇", "碧峰峡镇", "上里镇", "严桥镇"])),
        C("村组", "N/REGION/q", [f"{v}{k}组" for v, k in zip(g.pick(VILLAGES), g.ints(1, 9))]),
        C("户主", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("受灾类型", "N/-/o", g.pick(["洪涝", "地质灾害", "风雹", "地震"])),
        C("房屋倒损情况", "S/-/s", g.pick(["无", "一般损坏", "严重损坏", "倒塌"]), note="house-damage status (rule 4)"),
        C("救助类别", "S/-/s", g.pick(["过渡期生活救助", "冬春生活救助", "应急救助"]), note="rule 5"),
        C("救助金额（元）", "S/PERSONAL_INCOME/s", g.pick([600, 900, 1500, 3000])),
        C("一卡通ZH", "S/BANK_CARD/d", [g.bank_card() for _ in P]),
        C("发放日期", "N/EVENT_DATE/o", ["2026-08-15"] * g.n),
    ]


@table("fire_shelters", "organisations", "应急避难场所名录", "jsonl", 90)
def fire_shelters(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("名称", "N/-/o", [f"{x}应急避难场所" for x in g.pick(["人民公园", "望江楼公园", "浣花溪公园", "塔子山公园", "成都七中", "东湖公园", "社区广场"])]),
        C("类型", "N/-/o", g.pick(["Ⅰ类", "Ⅱ类", "Ⅲ类"])),
        C("地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("经度", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("纬度", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("容纳人数", "N/-/o", g.ints(500, 30000)),
        C("管理单位", "N/ORG_NAME/o", g.pick(["成都市公园城市建设管理局", "锦江区应急管理局", "成都市教育局"])),
        C("值班电话", "N/PHONE_NUMBER/o", g.landlines()),
    ]


@table("telecom_realname_records", "people", "电话用户真实身份信息登记", "parquet", 1200, ascii_style="english_snake")
def telecom_realname_records(g: Gen) -> list[C]:
    P = g.people((16, 85))
    return [
        C("msisdn", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("imsi", "P/PERSON_ID/d", [f"46000{g.r.randint(10**9, 10**10 - 1)}" for _ in P], note="IMSI (v6 call)"),
        C("iccid", "P/-/d", [f"898600{g.r.randint(10**13, 10**14 - 1)}" for _ in P], note="SIM serial: device id (v6 call)"),
        C("owner_name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("cert_type", "N/-/o", ["01"] * g.n, note="code of 居民身份证"),
        C("cert_no", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("cert_address", "P/ADDRESS/d", [p.addr for p in P]),
        C("face_photo_ref", "S/-/d", [f"oss://rn-face/2026/{g.r.randint(1, 12):02d}/{g.r.getrandbits(64):016x}.jpg" for _ in P], note="reference to a face photo: biometric (PIPL Art. 28), no vocabulary entity"),
        C("activated_at", "N/EVENT_DATE/q", g.times("2015-01-01 00:00:00", "2026-11-28 00:00:00")),
        C("outlet", "N/ORG_NAME/q", g.pick(["中国移动成都春熙路营业厅", "中国电信武侯营业厅", "中国联通高新营业厅"])),
        C("clerk_no", "P/PERSON_ID/d", g.pick(g.randserial("YY", 6, 30)), note="staff number (rule 15)"),
    ]


@table("telecom_fraud_numbers", "people", "涉诈电话号码处置清单", "csv", 500, enc="utf-8", delim="|")
def telecom_fraud_numbers(g: Gen) -> list[C]:
    return [
        C("号码", "P/PHONE_NUMBER/d", g.mobiles(), note="fraudster's phone (v6 call)"),
        C("号码归属地", "N/REGION/q", g.pick(["四川成都", "四川绵阳", "广西南宁", "云南昆明"])),
        C("运营商", "N/ORG_NAME/o", g.pick(["中国移动", "中国电信", "中国联通", "虚拟运营商"])),
        C("涉诈类型", "S/CRIMINAL_RECORD/s", g.pick(["冒充公检法", "刷单返利", "虚假投资理财", "冒充客服退款", "虚假贷款"]), note="suspected offence linked to the holder"),
        C("处置措施", "N/-/o", g.pick(["关停", "二次实名核验", "限制呼出"])),
        C("处置时间", "N/EVENT_DATE/q", g.times("2026-06-01 00:00:00", "2026-11-28 00:00:00")),
        C("线索来源", "N/-/o", g.pick(["96110预警", "公安通报", "运营商模型"])),
    ]


@table("telecom_base_stations", "organisations", "移动通信基站信息", "csv", 800, enc="utf-8", delim=",", ascii_style="english_snake")
def telecom_base_stations(g: Gen) -> list[C]:
    pts = [g.coord(nd=6) for _ in range(g.n)]
    return [
        C("LAC", "N/-/o", g.ints(10000, 65000), style="initials"),
        C("CI", "N/-/o", g.ints(1000, 250000), style="initials"),
        C("site_name", "N/-/o", [f"CD{g.r.choice(['JJ', 'WH', 'QY', 'JN', 'CH'])}{g.r.randint(1, 999):03d}{g.r.choice(['宏站', '室分', '微站'])}" for _ in range(g.n)]),
        C("lng", "N/PRECISE_LOCATION/o", [a for a, _ in pts], note="site of a base station"),
        C("lat", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("site_addr", "N/ADDRESS/o", [g.org_addr() + "楼顶" for _ in range(g.n)]),
        C("operator", "N/ORG_NAME/o", g.pick(["中国移动", "中国电信", "中国联通", "中国广电"])),
        C("band", "N/-/o", g.pick(["n41", "n78", "B3", "B8", "n28"])),
    ]


@table("post_express_waybills", "people", "快递运单信息", "csv", 2000, enc="gbk", delim="\t", ascii_style="initials")
def post_express_waybills(g: Gen) -> list[C]:
    S = g.people((18, 70))
    R = g.people((18, 70))
    return [
        C("YDH", "N/-/o", [f"{g.r.choice(['SF', 'YT', 'ZTO', 'JD'])}{g.r.randint(10**11, 10**12 - 1)}" for _ in S], note="waybill serial (rule 1)"),
        C("JJR", "P/PERSON_NAME/d", [mask_name(p.name, 0) for p in S], tags=("masked",)),
        C("JJRDH", "P/PHONE_NUMBER/d", [mask_phone(p.mobile, 0) for p in S], tags=("masked",)),
        C("JJDZ", "P/ADDRESS/d", [p.addr for p in S]),
        C("SJR", "P/PERSON_NAME/d", [p.name for p in R]),
        C("SJRDH", "P/PHONE_NUMBER/d", [p.mobile for p in R]),
        C("SJDZ", "P/ADDRESS/d", [p.addr for p in R]),
        C("WPMC", "N/-/o", g.pick(["文件", "服装", "食品", "日用品", "电子产品", "药品"])),
        C("ZL", "N/-/o", g.money(0.1, 30, 2)),
        C("YF", "S/PERSONAL_INCOME/s", g.money(8, 120, 1), note="a person's fare (rule 3)"),
        C("LSWD", "N/ORG_NAME/o", g.pick(["顺丰速运成都武侯营业部", "圆通速递成华分部", "中通快递金牛网点"])),
        C("LSSJ", "N/EVENT_DATE/q", g.times("2026-11-01 08:00:00", "2026-11-28 22:00:00", "%Y%m%d%H%M%S")),
    ]


@table("post_user_appeals", "people", "邮政业用户申诉处理", "jsonl", 300, ascii_style="english_snake")
def post_user_appeals(g: Gen) -> list[C]:
    P = g.people((18, 75))
    txt = [g.r.choice([
        f"申诉人{p.name}称其寄往{g.r.choice(['北京', '上海', '西昌'])}的包裹丢失，内有手机一部，要求赔偿，电话{p.mobile}。",
        f"快递员未经同意将快件放入驿站，申诉人住{p.addr}。",
        "快件延误五天，客服电话无人接听。",
    ]) for p in P]
    return [
        C("appeal_no", "N/-/o", g.randserial("SS2026", 7)),
        C("appellant", "P/PERSON_NAME/d", [p.name for p in P]),
        C("appellant_phone", "P/PHONE_NUMBER/d", [int(p.mobile) for p in P], tags=("int",)),
        C("waybill_no", "N/-/o", [f"YT{g.r.randint(10**11, 10**12 - 1)}" for _ in P]),
        C("carrier", "N/ORG_NAME/o", g.pick(["圆通速递有限公司", "中通快递股份有限公司", "韵达控股股份有限公司", "极兔速递"])),
        C("content", "P/FREE_TEXT/d", txt, tags=("free_text",), note="complaint text (rule 14)"),
        C("compensation", "S/PERSONAL_INCOME/s", g.sparse(g.money(20, 3000, 0), 0.4), tags=("sparse",), note="amount agreed (rule 3)"),
        C("received_on", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-28")),
    ]


@table("customs_passenger_declarations", "people", "进境旅客行李物品申报", "jsonl", 600, ascii_style="english_snake")
def customs_passenger_declarations(g: Gen) -> list[C]:
    P = g.people((18, 75))
    foreign = [g.r.random() < 0.3 for _ in P]
    nat = [g.r.choice(FOREIGN_COUNTRIES) if f else ("中国", "CHN") for f in foreign]
    value = g.money(500, 60000, 0)
    return [
        C("passengerName", "P/PERSON_NAME/d", [(g.fk_en.last_name().upper() + "/" + g.fk_en.first_name().upper()) if f else p.name for p, f in zip(P, foreign)]),
        C("passportNo", "S/PASSPORT/d", [g.foreign_passport() if f else g.passport() for f in foreign]),
        C("nationality", "N/-/q", [n[1] for n in nat], note="ISO 3166 alpha-3 nationality: quasi"),
        C("dateOfBirth", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%d%b%Y").upper() for p in P], tags=("mixed_formats",)),
        C("flightNo", "S/PRECISE_LOCATION/s", g.pick(["3U8688", "CA4002", "TG619", "KE657", "LH8401", "SQ838"]), note="the flight of a person's trip with its date: trajectory (rule 8)"),
        C("arrivalDate", "N/EVENT_DATE/q", g.dates("2026-10-01", "2026-11-28")),
        C("goods", "N/-/o", g.pick(["手表", "化妆品", "奢侈品箱包", "电子产品", "烟酒", "无"])),
        C("dutiableValue", "S/PERSONAL_INCOME/s", value, note="a person's purchase (rule 3)"),
        C("taxPaid", "S/PERSONAL_INCOME/s", [round(v * 0.2, 2) if v > 5000 else 0 for v in value]),
        C("port", "N/ORG_NAME/o", g.pick(["成都双流机场海关", "成都天府机场海关"])),
    ]


@table("customs_smuggling_cases", "people", "走私违规行政处罚（个人）", "csv", 180, enc="utf-8-sig", delim=",")
def customs_smuggling_cases(g: Gen) -> list[C]:
    P = g.people((20, 70))
    docs = [g.r.random() < 0.8 for _ in P]
    return [
        C("决定书编号", "N/-/o", [f"蓉关缉违字〔2026〕{i}号" for i in g.ints(1, 900)]),
        C("当事人", "P/PERSON_NAME/d", [p.name for p in P]),
        C("证件号码", "S/CN_RESIDENT_ID/d", [p.rid if d else g.passport() for p, d in zip(P, docs)], tags=("mixed_docs",)),
        C("违法类型", "S/CRIMINAL_RECORD/s", g.pick(["走私普通货物", "违规携带超量外币", "未申报应税物品", "携带濒危物种制品"])),
        C("涉案物品", "N/-/o", g.pick(["香烟", "手表", "外币现钞", "象牙制品", "化妆品"])),
        C("罚款金额（元）", "S/CRIMINAL_RECORD/s", g.money(500, 200000, 0), note="fine of a person (rule 6)"),
        C("处罚日期", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-20")),
        C("口岸", "N/ORG_NAME/o", g.pick(["双流机场", "天府机场", "青白江铁路口岸"])),
    ]


@table("customs_enterprise_credit", "organisations", "进出口企业信用等级", "parquet", 250, ascii_style="english_snake")
def customs_enterprise_credit(g: Gen) -> list[C]:
    return [
        C("customs_code", "N/-/o", [f"5101{g.r.randint(10**5, 10**6 - 1)}{g.r.randint(0, 9)}" for _ in range(g.n)]),
        C("enterprise_name", "N/ORG_NAME/o", g.companies(g.n, "进出口")),
        C("uscc", "N/USCC/o", [g.uscc("91") for _ in range(g.n)]),
        C("credit_level", "N/-/o", g.pick(["高级认证企业", "其他注册登记和备案企业", "失信企业"])),
        C("decided_on", "N/EVENT_DATE/o", g.dates("2020-01-01", "2026-11-01")),
        C("customs_office", "N/ORG_NAME/o", g.pick(["成都海关", "成都双流机场海关", "成都天府国际机场海关"])),
        C("import_usd_wan", "N/-/o", g.money(1, 50000, 2)),
    ]


@table("market_individual_businesses", "people", "个体工商户登记信息", "csv", 900, enc="gbk", delim=",")
def market_individual_businesses(g: Gen) -> list[C]:
    P = g.people((20, 70))
    return [
        C("统一社会信用代码", "N/USCC/o", [g.uscc("92") for _ in P], note="rule 13"),
        C("个体户名称", "N/ORG_NAME/o", [f"成都市{g.r.choice(['锦江区', '武侯区', '成华区'])}{p.name if g.r.random() < 0.3 else g.r.choice(['老妈', '蜀香', '川味', '阿妹'])}{g.r.choice(['面馆', '便利店', '烟酒店', '理发店', '串串香'])}" for p in P], note="trade name may embed the operator's name (rule 13)"),
        C("经营者姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("经营者SFZH", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("经营者手机", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("经营场所", "N/ADDRESS/o", [g.org_addr() for _ in P], note="business premises (rule 13)"),
        C("组成形式", "N/-/o", g.pick(["个人经营", "个人经营", "家庭经营"])),
        C("资金数额（万元）", "N/-/o", g.money(1, 50, 1), note="registered funds of the business (rule 13)"),
        C("经营范围", "N/-/o", g.pick(["餐饮服务", "预包装食品销售", "理发服务", "日用百货零售"])),
        C("成立日期", "N/EVENT_DATE/o", g.dates("2005-01-01", "2026-11-01")),
    ]


@table("market_food_sampling", "organisations", "食品安全监督抽检结果", "xlsx", 300)
def market_food_sampling(g: Gen) -> list[C]:
    return [
        C("抽样单编号", "N/-/o", [f"DC26510100{g.r.randint(10**6, 10**7 - 1)}" for _ in range(g.n)]),
        C("样品名称", "N/-/o", g.pick(["郫县豆瓣", "火锅底料", "腊肉", "鲜鸡蛋", "白酒", "米粉"])),
        C("商标", "N/-/o", g.pick(["鹃城", "丹丹", "好人家", "/"])),
        C("生产日期/批号", "N/-/o", g.dates("2026-01-01", "2026-10-31", "%Y%m%d"), note="batch number shaped like a date (v6 trap)"),
        C("商品条码", "N/-/o", [f"69{g.r.randint(10**10, 10**11 - 1)}" for _ in range(g.n)], note="GTIN-13-like barcode"),
        C("标称生产企业名称", "N/ORG_NAME/o", g.companies(g.n, "食品")),
        C("被抽样单位名称", "N/ORG_NAME/o", g.companies()),
        C("被抽样单位地址", "N/ADDRESS/o", [g.org_addr() for _ in range(g.n)]),
        C("检验结论", "N/-/o", g.pick(["合格"] * 9 + ["不合格"])),
        C("不合格项目", "N/-/o", g.sparse(g.pick(["苯甲酸", "菌落总数", "过氧化值", "铅（以Pb计）"]), 0.1), tags=("sparse",)),
    ]


@table("market_12315_complaints", "people", "12315消费投诉举报", "jsonl", 700, ascii_style="english_snake")
def market_12315_complaints(g: Gen) -> list[C]:
    P = g.people((18, 80))
    txt = [g.r.choice([
        f"消费者{p.name}在{g.company()}办理健身卡3000元，商家跑路，要求退款，电话{p.mobile}。",
        "投诉人称在某美容院做项目后面部过敏，要求赔偿医药费。",
        f"{p.name}购买的冰箱一周内出现故障，商家拒绝退换，地址{p.addr}。",
        "反映某超市销售过期食品。",
    ]) for p in P]
    amt = g.money(20, 30000, 2)
    return [
        C("complaint_id", "N/-/o", g.randserial("1510100", 12)),
        C("complainant", "P/PERSON_NAME/d", [p.name for p in P]),
        C("contact", "P/PHONE_NUMBER/d", [p.mobile if g.r.random() < 0.85 else g.landline() for p in P], note="mostly mobiles"),
        C("respondent", "N/ORG_NAME/o", g.companies()),
        C("respondent_uscc", "N/USCC/o", [g.uscc("91") for _ in P]),
        C("description", "P/FREE_TEXT/d", txt, tags=("free_text",), note="complaint text (rule 14)"),
        C("amount_involved", "S/PERSONAL_INCOME/s", amt, note="a person's transaction (rule 3)"),
        C("refund_amount", "S/PERSONAL_INCOME/s", g.sparse([round(a * g.r.uniform(0.3, 1), 2) for a in amt], 0.5), tags=("sparse",)),
        C("result", "N/-/o", g.pick(["调解成功", "调解不成功", "终止调解", "撤诉"])),
        C("accepted_at", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-28", "%Y/%m/%d")),
    ]


@table("market_equipment_operators", "people", "特种设备作业人员证", "csv", 500, enc="utf-8", delim=";")
def market_equipment_operators(g: Gen) -> list[C]:
    P = g.people((20, 58))
    return [
        C("证书编号", "S/CN_RESIDENT_ID/d", [p.rid for p in P], note="the operator certificate number is the resident ID number (rule 10)"),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("作业项目", "N/-/o", g.pick(["N1 叉车司机", "Q2 起重机司机", "G1 工业锅炉司炉", "R1 快开门式压力容器操作", "T 电梯修理"])),
        C("用人单位", "N/ORG_NAME/q", g.companies()),
        C("发证日期", "N/EVENT_DATE/q", g.dates("2018-01-01", "2026-11-01")),
        C("有效期至", "N/EVENT_DATE/q", g.dates("2026-12-01", "2030-12-31")),
        C("发证机关", "N/ORG_NAME/o", ["成都市市场监督管理局"] * g.n),
    ]


@table("tax_iit_annual_settlement", "people", "个人所得税综合所得年度汇算", "parquet", 1000, ascii_style="english_snake")
def tax_iit_annual_settlement(g: Gen) -> list[C]:
    P = g.people((22, 65))
    wage = g.money(40000, 600000, 2)
    return [
        C("taxpayer_id", "S/CN_RESIDENT_ID/d", [p.rid for p in P], note="the taxpayer identification number of a resident is the ID number"),
        C("taxpayer_name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("wage_income", "S/PERSONAL_INCOME/s", wage),
        C("service_income", "S/PERSONAL_INCOME/s", g.sparse(g.money(1000, 80000, 2), 0.2), tags=("sparse",)),
        C("special_additional_deduction", "S/PERSONAL_INCOME/s", g.pick([0, 12000, 24000, 36000, 48000]), note="v3 call"),
        C("tax_refund_or_due", "S/PERSONAL_INCOME/s", g.money(-8000, 20000, 2)),
        C("employer", "N/ORG_NAME/q", g.companies()),
        C("tax_office", "N/ORG_NAME/o", g.pick(["国家税务总局成都市锦江区税务局", "国家税务总局成都市武侯区税务局", "国家税务总局成都高新技术产业开发区税务局"])),
        C("refund_account", "S/BANK_CARD/d", g.sparse([g.bank_card() for _ in P], 0.6), tags=("sparse",)),
        C("filed_at", "N/EVENT_DATE/q", g.dates("2026-03-01", "2026-06-30")),
    ]


@table("tax_einvoice_lines", "organisations", "全电发票明细（企业间）", "csv", 1500, enc="utf-8", delim=",", ascii_style="opaque")
def tax_einvoice_lines(g: Gen) -> list[C]:
    return [
        C("F1", "N/-/o", [f"2651{g.r.randint(10**15, 10**16 - 1)}" for _ in range(g.n)], note="20-digit invoice number (v6 trap)"),
        C("F2", "N/ORG_NAME/o", g.companies()),
        C("F3", "N/USCC/o", [g.uscc("91") for _ in range(g.n)]),
        C("F4", "N/ORG_NAME/o", g.companies()),
        C("F5", "N/USCC/o", [g.uscc("91") for _ in range(g.n)]),
        C("F6", "N/-/o", [f"{g.r.choice(['1070214', '3040203', '1090416', '3070401'])}{g.r.randint(0, 999999999999):012d}" for _ in range(g.n)], note="19-digit tax classification code"),
        C("F7", "N/-/o", g.money(100, 900000, 2), note="company amount"),
        C("F8", "N/-/o", g.pick([0.13, 0.09, 0.06, 0.03])),
        C("F9", "N/EVENT_DATE/o", g.dates("2026-11-01", "2026-11-28", "%Y%m%d")),
    ]


@table("tax_deed_tax_filings", "people", "契税申报明细（个人购房）", "xlsx", 400)
def tax_deed_tax_filings(g: Gen) -> list[C]:
    P = g.people((23, 70))
    price = g.money(500000, 6000000, 0)
    first = g.pick(["是", "是", "否"])
    return [
        C("纳税人名称", "P/PERSON_NAME/d", [p.name for p in P]),
        C("证件号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("房屋坐落", "S/ADDRESS/d", [g.street_addr(None)[0] for _ in P], note="rule 4"),
        C("建筑面积", "S/PERSONAL_INCOME/s", g.money(50, 200, 2), note="rule 4"),
        C("成交价格（元）", "S/PERSONAL_INCOME/s", price, note="rule 4"),
        C("是否首套", "S/-/s", first, note="first-home flag (rule 4)"),
        C("适用税率", "N/-/o", ["1%" if f == "是" else "3%" for f in first]),
        C("应纳契税（元）", "S/PERSONAL_INCOME/s", [round(p * (0.01 if f == "是" else 0.03), 2) for p, f in zip(price, first)]),
        C("申报日期", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-28", "%Y年%m月%d日")),
    ]
