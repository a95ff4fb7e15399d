"""Natural resources, water, agriculture and rural affairs, forestry, ecology/environment, meteorology."""

from __future__ import annotations

from v7lib import (
    COUNTIES, VILLAGES, TOWNS, Col as C, Gen, table, mask_id, mask_phone, fullwidth,
)

PROPERTY = "rule 4: property of a person"


def _cert(g: Gen, yr: list[int]) -> list[str]:
    return [f"川({y})成都市不动产权第{g.r.randint(1, 999999):07d}号" for y in yr]


@table("natres_realestate_register", "people", "不动产登记簿（住宅）", "parquet", 600)
def natres_realestate_register(g: Gen) -> list[C]:
    P = g.people((22, 85))
    yrs = g.ints(2015, 2026)
    docs = ["身份证" if g.r.random() < 0.95 else "护照" for _ in P]
    ids = [p.rid if d == "身份证" else g.passport() for p, d in zip(P, docs)]
    units = [f"{p.region if p.region in COUNTIES else '510104'}{g.r.randint(1, 30):03d}{g.r.randint(1, 30):03d}GB{g.r.randint(1, 99999):05d}F{g.r.randint(1, 9999):04d}{g.r.randint(1, 9999):04d}" for p in P]
    return [
        C("不动产单元号", "N/-/o", units, note="land-registry unit number identifies a parcel/unit, not a person (v2 call)"),
        C("权利人", "P/PERSON_NAME/d", [p.name for p in P]),
        C("证件种类", "N/-/o", docs),
        C("证件号码", "S/CN_RESIDENT_ID/d", ids, tags=("mixed_docs",)),
        C("坐落", "S/ADDRESS/d", [p.addr for p in P], note=PROPERTY),
        C("建筑面积（㎡）", "S/PERSONAL_INCOME/s", g.money(45, 220), note=PROPERTY),
        C("规划用途", "N/-/o", g.pick(["住宅", "住宅", "成套住宅", "车位", "商业服务"])),
        C("权利性质", "N/-/o", g.pick(["市场化商品房", "房改房", "经济适用住房", "拆迁安置房", "自建房"])),
        C("共有情况", "N/-/o", g.pick(["单独所有", "共同共有", "按份共有"])),
        C("登记时间", "N/EVENT_DATE/q", [f"{y}-{g.r.randint(1, 12):02d}-{g.r.randint(1, 28):02d}" for y in yrs]),
        C("不动产权证号", "P/PERSON_ID/d", _cert(g, yrs), note="certificate number of a person (v2 call)"),
        C("抵押金额（万元）", "S/PERSONAL_INCOME/s", g.sparse(g.money(20, 300, 1), 0.35), tags=("sparse",), note=PROPERTY + " (loan)"),
        C("登记机构", "N/ORG_NAME/o", g.pick(["成都市不动产登记中心", "锦江区不动产登记事务中心", "武侯区不动产登记事务中心"])),
    ]


@table("natres_land_transfer_deals", "organisations", "国有建设用地使用权出让结果", "csv", 180, enc="gbk", delim=",")
def natres_land_transfer_deals(g: Gen) -> list[C]:
    n = g.n
    coords = [g.coord(nd=6) for _ in range(n)]
    return [
        C("宗地编号", "N/-/o", [f"{c}-{y}-{i:03d}" for c, y, i in zip(g.pick(["JJ", "WH", "QY", "JN", "CH", "SL"]), g.ints(2020, 2026), g.ints(1, 120))]),
        C("地块位置", "N/ADDRESS/o", [f"{t}{v}" for t, v in zip(g.pick(["成华区保和街道", "双流区九江街道", "新都区大丰街道", "温江区公平街道"]), g.pick(["东风村1、2组", "胜利社区", "天府大道南侧", "绕城高速以北"]))]),
        C("出让面积（平方米）", "N/-/o", g.money(3000, 90000, 2)),
        C("土地用途", "N/-/o", g.pick(["城镇住宅用地", "商服用地", "工业用地", "仓储用地"])),
        C("出让年限", "N/-/o", g.pick(["70年", "40年", "50年"])),
        C("成交价（万元）", "N/-/o", g.money(800, 260000, 0), note="company amount"),
        C("竞得人", "N/ORG_NAME/o", g.companies(n, "置业")),
        C("竞得人统一社会信用代码", "N/USCC/o", [g.uscc("91") for _ in range(n)]),
        C("成交日期", "N/EVENT_DATE/o", g.dates("2021-01-01", "2026-11-20", "%Y/%m/%d")),
        C("中心点经度", "N/PRECISE_LOCATION/o", [c[0] for c in coords], note="coordinates of a parcel, not of a person"),
        C("中心点纬度", "N/PRECISE_LOCATION/o", [c[1] for c in coords]),
        C("咨询电话", "N/PHONE_NUMBER/o", g.pick(["028-61889009", "028-87036633", "028-85571234"])),
    ]


@table("natres_homestead_approval", "people", "农村宅基地和建房审批台账", "xlsx", 240, title_row=True, ascii_style="initials")
def natres_homestead_approval(g: Gen) -> list[C]:
    P = g.people((25, 75), region="510121")
    nb = [f"东至{g.name()}家 南至村道 西至{g.name()}家 北至{g.r.choice(['水渠', '林地', g.name() + '承包地'])}" for _ in P]
    return [
        C("SPBH", "N/-/o", [f"JT{2025 + i % 2}{i:05d}" for i in range(g.n)], note="approval serial (rule 1)"),
        C("SQRXM", "P/PERSON_NAME/d", [p.name for p in P]),
        C("SFZHM", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("LXDH", "P/PHONE_NUMBER/d", [int(p.mobile) for p in P], tags=("int",)),
        C("HJDZ", "P/ADDRESS/d", [g.rural_addr("510121") for _ in P]),
        C("JTRKS", "N/-/q", g.ints(1, 7), note="household size: a count, quasi"),
        C("NJZDZ", "S/ADDRESS/d", [g.rural_addr("510121") for _ in P], note=PROPERTY + " (homestead location)"),
        C("ZJDMJ", "S/PERSONAL_INCOME/s", g.money(80, 150, 1), note=PROPERTY),
        C("JZMJ", "S/PERSONAL_INCOME/s", g.money(100, 300, 1), note=PROPERTY),
        C("SZ", "P/PERSON_NAME/d", nb, tags=("free_text",), note="boundaries naming neighbours (rule 14)"),
        C("XZ", "N/REGION/q", g.pick(TOWNS[:5])),
        C("SPJG", "N/-/o", g.pick(["同意", "同意", "不同意", "补正材料"])),
        C("SPRQ", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-25", "%Y%m%d")),
    ]


@table("natres_mining_licences", "mixed", "采矿许可证发证信息", "csv", 150, enc="utf-8", delim="|")
def natres_mining_licences(g: Gen) -> list[C]:
    n = g.n
    reps = g.people((35, 65), n)
    coords = [g.coord((102.5, 104.5), (28.5, 31.5), 5) for _ in range(n)]
    return [
        C("xkzh", "N/-/o", [f"C51000020{y}{g.r.randint(1000000, 9999999)}" for y in g.ints(10, 24)], style="initials"),
        C("ckqr", "N/ORG_NAME/o", g.companies(n, "矿业"), style="initials"),
        C("tyshxydm", "N/USCC/o", [g.uscc("91") for _ in range(n)], style="initials"),
        C("fddbr", "P/PERSON_NAME/d", [p.name for p in reps], style="initials"),
        C("lxr_sj", "P/PHONE_NUMBER/d", [p.mobile if g.r.random() < 0.7 else g.landline() for p in reps], style="initials"),
        C("ksmc", "N/-/o", [f"{g.r.choice(TOWNS)}{g.r.choice(['石灰岩矿', '页岩矿', '建筑用砂岩矿', '磷矿'])}" for _ in range(n)], style="initials"),
        C("kckz", "N/-/o", g.pick(["石灰岩", "页岩", "砂岩", "磷矿", "天然气"]), style="initials"),
        C("scgm", "N/-/o", [f"{v}万吨/年" for v in g.ints(5, 200)], style="initials"),
        C("kqmj", "N/-/o", g.money(0.05, 12, 4), style="initials"),
        C("yxqq", "N/EVENT_DATE/o", g.dates("2016-01-01", "2024-12-31"), style="initials"),
        C("yxqz", "N/EVENT_DATE/o", g.dates("2027-01-01", "2040-12-31"), style="initials"),
        C("zxzb", "N/PRECISE_LOCATION/o", [f"{a},{b}" for a, b in coords], style="initials", note="mine centre point"),
        C("kszz", "N/ADDRESS/o", [g.org_addr() for _ in range(n)], style="initials"),
    ]


@table("natres_survey_mark_reports", "people", "测量标志损毁群众举报登记", "jsonl", 90)
def natres_survey_mark_reports(g: Gen) -> list[C]:
    P = g.people((25, 70))
    pts = [g.coord((103.5, 104.6), (30.2, 31.0), 6) for _ in P]
    return [
        C("report_id", "N/-/o", g.serial("CLBZ2026", 4)),
        C("reporter_name", "P/PERSON_NAME/d", g.sparse([p.name for p in P], 0.7), tags=("sparse",)),
        C("reporter_mobile", "P/PHONE_NUMBER/d", [mask_phone(p.mobile) for p in P], tags=("masked",)),
        C("mark_no", "N/-/o", [f"GPS{g.r.randint(1, 999):03d}" if g.r.random() < 0.5 else f"Ⅲ等{g.r.randint(1, 300)}" for _ in P]),
        C("mark_lon", "N/PRECISE_LOCATION/o", [a for a, _ in pts], note="position of a survey mark"),
        C("mark_lat", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("damage_type", "N/-/o", g.pick(["标石被挖", "觇标倒塌", "被建筑压占", "标志被涂改"])),
        C("reported_at", "N/EVENT_DATE/q", g.times("2025-01-01 08:00:00", "2026-11-28 18:00:00")),
        C("reward_yuan", "S/PERSONAL_INCOME/s", g.sparse(g.pick([100, 200, 500]), 0.4), tags=("sparse",), note="reward paid to the reporter (rule 3)"),
    ]


@table("water_abstraction_permits", "mixed", "取水许可证登记表", "xlsx", 160)
def water_abstraction_permits(g: Gen) -> list[C]:
    n = g.n
    pts = [g.coord(nd=5) for _ in range(n)]
    return [
        C("许可证编号", "N/-/o", [f"取水(川成)字[{y}]第{i:04d}号" for y, i in zip(g.ints(2019, 2026), g.ints(1, 3000))]),
        C("取水权人", "N/ORG_NAME/o", g.companies(n)),
        C("统一社会信用代码", "N/USCC/o", [g.uscc() for _ in range(n)]),
        C("联系人XM", "P/PERSON_NAME/d", g.names()),
        C("联系人TEL", "P/PHONE_NUMBER/d", [g.mobile() if g.r.random() < 0.7 else g.landline() for _ in range(n)], note="rule 12"),
        C("取水地点", "N/ADDRESS/o", [f"{COUNTIES[c]}{t}{v}" for c, t, v in zip(g.pick(["510121", "510182", "510184"]), g.pick(TOWNS), g.pick(VILLAGES))]),
        C("取水口经度", "N/PRECISE_LOCATION/o", [a for a, _ in pts]),
        C("取水口纬度", "N/PRECISE_LOCATION/o", [b for _, b in pts]),
        C("水源类型", "N/-/o", g.pick(["地表水", "地下水"])),
        C("年取水量（万m³）", "N/-/o", g.money(1, 500, 2)),
        C("有效期至", "N/EVENT_DATE/o", g.dates("2026-12-31", "2031-12-31", "%Y年%m月%d日")),
    ]


@table("water_flood_evacuees", "people", "山洪灾害危险区转移人员名册", "jsonl", 420, minors=True)
def water_flood_evacuees(g: Gen) -> list[C]:
    P = g.people((2, 90), region="510182")
    return [
        C("hzxm", "P/PERSON_NAME/d", [p.name for p in P], style="initials"),
        C("sfzh", "S/CN_RESIDENT_ID/d", [p.rid if g.r.random() < 0.9 else p.rid.lower() if p.rid.endswith("X") else p.rid for p in P], tags=("lowercase_x",), style="initials"),
        C("lxdh", "P/PHONE_NUMBER/d", g.sparse([p.mobile for p in P], 0.8), tags=("sparse",), style="initials"),
        C("jzdz", "P/ADDRESS/d", [g.rural_addr("510182") for _ in P], style="initials"),
        C("jtrs", "N/-/q", g.ints(1, 6), style="initials"),
        C("sflrbcy", "S/-/s", g.pick(["否", "否", "否", "老", "病", "残", "孕"]), style="initials",
          note="老/病/残/孕 flag of an evacuee reveals health, disability or pregnancy (rule 2/5); no entity"),
        C("azd", "S/PRECISE_LOCATION/s", g.pick(["彭州市龙门山镇中心小学", "宝山村活动室", "白鹿镇敬老院", "通济镇政府礼堂"]), style="initials",
          note="shelter where a named person stays: lodging of a person (rule 8)"),
        C("zrr", "P/PERSON_NAME/d", g.pick(g.names(12)), style="initials"),
        C("zrrdh", "P/PHONE_NUMBER/d", g.pick(g.mobiles(12)), style="initials"),
        C("zyrq", "N/EVENT_DATE/q", g.dates("2025-06-20", "2026-08-31"), style="initials"),
        C("yjdj", "N/-/o", g.pick(["准备转移", "立即转移"]), style="initials"),
    ]


@table("water_river_chiefs", "mixed", "河长公示牌信息", "csv", 120, enc="utf-8-sig", delim=",")
def water_river_chiefs(g: Gen) -> list[C]:
    return [
        C("河流名称", "N/-/o", g.pick(["府河", "南河", "沙河", "江安河", "清水河", "西江河", "毗河", "锦江", "金马河"])),
        C("河段起止", "N/-/o", [f"{a}至{b}" for a, b in zip(g.pick(["二环路", "三环路", "九眼桥", "合江亭"]), g.pick(["绕城高速", "区界", "黄龙溪", "五桂桥"]))]),
        C("河长级别", "N/-/o", g.pick(["区级", "街道级", "社区级"])),
        C("河长姓名", "P/PERSON_NAME/d", g.names(), note="a public official is still a natural person (rule 15)"),
        C("河长职务", "N/-/o", g.pick(["区委副书记", "副区长", "街道党工委书记", "社区主任"])),
        C("监督电话", "N/PHONE_NUMBER/o", g.pick(["12345", "028-85193000", "028-61510110"])),
        C("公示牌编号", "N/-/o", g.serial("HZP-", 4)),
        C("设立日期", "N/EVENT_DATE/o", g.dates("2018-01-01", "2025-12-31")),
    ]


@table("water_irrigation_fees", "people", "农业灌溉水费收缴台账", "csv", 700, enc="gbk", delim="\t", crlf=True)
def water_irrigation_fees(g: Gen) -> list[C]:
    P = g.people((30, 85), region="510184")
    area = g.money(0.5, 12, 1)
    return [
        C("用水户", "P/PERSON_NAME/d", [p.name for p in P]),
        C("户号", "P/PERSON_ID/d", g.randserial("51018410", 6), note="household number (rule 1)"),
        C("村组", "N/REGION/q", [f"{v}{k}组" for v, k in zip(g.pick(VILLAGES), g.ints(1, 12))]),
        C("灌溉面积（亩）", "S/PERSONAL_INCOME/s", area, note=PROPERTY + " (contracted land area)"),
        C("用水量（立方米）", "N/-/o", [round(a * g.r.uniform(300, 450)) for a in area], note="consumption volume (v3 call)"),
        C("应缴水费（元）", "S/PERSONAL_INCOME/s", [round(a * 12.5, 2) for a in area], note="household bill (rule 3)"),
        C("缴费日期", "N/EVENT_DATE/q", g.sparse(g.dates("2026-03-01", "2026-10-31", "%Y/%m/%d"), 0.85), tags=("sparse",)),
        C("收费员", "P/PERSON_NAME/d", g.pick(g.names(6))),
    ]


@table("water_rain_gauges", "organisations", "雨量站基本信息及日雨量", "parquet", 300)
def water_rain_gauges(g: Gen) -> list[C]:
    pts = [g.coord((103.0, 104.9), (29.8, 31.4), 6) for _ in range(g.n)]
    return [
        C("STCD", "N/-/o", [f"6{g.r.randint(0, 9999999):07d}" for _ in range(g.n)], style="initials"),
        C("STNM", "N/-/o", [f"{v}站" for v in g.pick(VILLAGES + TOWNS)], style="initials"),
        C("LGTD", "N/PRECISE_LOCATION/o", [a for a, _ in pts], style="initials"),
        C("LTTD", "N/PRECISE_LOCATION/o", [b for _, b in pts], style="initials"),
        C("ADDVCD", "N/REGION/o", g.pick(list(COUNTIES)), style="initials"),
        C("ADMAUTH", "N/ORG_NAME/o", g.pick(["成都市水文中心", "都江堰水文站", "彭州市水务局"]), style="initials"),
        C("DUTY_TEL", "N/PHONE_NUMBER/o", g.landlines(), style="english_snake"),
        C("ESSTYM", "N/-/o", g.ints(1985, 2024), style="initials"),
        C("DYP", "N/-/o", g.money(0, 120, 1), style="initials"),
        C("TM", "N/EVENT_DATE/o", g.dates("2026-07-01", "2026-07-31", "%Y-%m-%d 08:00:00"), style="initials"),
    ]


@table("agri_land_contract_rights", "people", "农村土地承包经营权确权登记", "parquet", 800, ascii_style="english_snake")
def agri_land_contract_rights(g: Gen) -> list[C]:
    P = g.people((28, 90), region="510129")
    fam = [";".join(f"{g.name()}({g.r.choice(['配偶', '长子', '长女', '次子', '孙子', '母亲'])})" for _ in range(g.r.randint(1, 4))) for _ in P]
    area = g.money(0.8, 9.5, 2)
    return [
        C("承包方编码", "P/PERSON_ID/d", [f"510129{g.r.randint(100, 120)}{g.r.randint(200, 230)}{i:04d}" for i in range(g.n)], note="contractor (household) code, GB/T data standard of land contracting"),
        C("承包方代表名称", "P/PERSON_NAME/d", [p.name for p in P]),
        C("承包方代表证件号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("联系电话", "P/PHONE_NUMBER/d", g.sparse([p.mobile for p in P], 0.6), tags=("sparse",)),
        C("家庭成员", "P/PERSON_NAME/d", fam, tags=("free_text",), note="household-member list (rule 14)"),
        C("合同面积（亩）", "S/PERSONAL_INCOME/s", area, note=PROPERTY),
        C("确权面积（亩）", "S/PERSONAL_INCOME/s", [round(a * g.r.uniform(0.95, 1.2), 2) for a in area], note=PROPERTY),
        C("经营权证编码", "P/PERSON_ID/d", [f"510129{g.r.randint(10**11, 10**12 - 1)}J" for _ in P], note="certificate number of a person"),
        C("发包方名称", "N/ORG_NAME/q", [f"{t}{v}股份经济合作联合社" for t, v in zip(g.pick(TOWNS[4:8]), g.pick(VILLAGES))], note="the collective of the household: institution of the person, quasi"),
        C("承包期限起", "N/EVENT_DATE/o", ["1998-12-31"] * g.n, note="same for the whole file (rule 16)"),
        C("承包方式", "N/-/o", g.pick(["家庭承包", "家庭承包", "其他方式承包"])),
    ]


@table("agri_farmland_subsidy", "people", "耕地地力保护补贴发放花名册", "csv", 900, enc="utf-8-sig", delim=",")
def agri_farmland_subsidy(g: Gen) -> list[C]:
    P = g.people((30, 88), region="510183")
    area = g.money(0.5, 15, 2)
    return [
        C("乡镇", "N/REGION/q", g.pick(["平乐镇", "夹关镇", "固驿街道", "临邛街道"])),
        C("村（社区）", "N/REGION/q", g.pick(VILLAGES)),
        C("户主姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [mask_id(p.rid, 1) for p in P], tags=("masked",)),
        C("惠民惠农一卡通账号", "S/BANK_CARD/d", [g.bank_card() for _ in P]),
        C("补贴面积（亩）", "S/PERSONAL_INCOME/s", area, note=PROPERTY),
        C("补贴标准（元/亩）", "N/-/o", ["105.6"] * g.n, note="statutory rate"),
        C("补贴金额（元）", "S/PERSONAL_INCOME/s", [round(a * 105.6, 2) for a in area]),
        C("发放批次", "N/EVENT_DATE/o", ["2026年第一批"] * g.n),
        C("备注", "N/-/o", g.sparse(g.pick(["代领", "账户已变更", "新增户"]), 0.05), tags=("sparse",)),
    ]


@table("agri_machinery_subsidy", "people", "农机购置与应用补贴公示", "csv", 380, enc="utf-8", delim=";", ascii_style="pinyin")
def agri_machinery_subsidy(g: Gen) -> list[C]:
    P = g.people((25, 70))
    coop = [g.r.random() < 0.12 for _ in P]
    price = g.money(8000, 260000, 0)
    return [
        C("gou_ji_zhe", "P/PERSON_NAME/d", [f"{g.r.choice(VILLAGES)[:-1]}农机专业合作社" if c else p.name for p, c in zip(P, coop)], note="rule 12: minority of co-operatives"),
        C("zheng_jian_hao_ma", "S/CN_RESIDENT_ID/d", [g.uscc("93") if c else p.rid for p, c in zip(P, coop)], tags=("mixed_docs",)),
        C("suo_zai_xiang_zhen", "N/REGION/q", g.pick(TOWNS)),
        C("ji_ju_pin_mu", "N/-/o", g.pick(["轮式拖拉机", "谷物联合收割机", "插秧机", "植保无人飞机", "微耕机"])),
        C("sheng_chan_qi_ye", "N/ORG_NAME/o", g.pick(["常州东风农机集团有限公司", "久保田农业机械（苏州）有限公司", "雷沃重工股份有限公司", "深圳市大疆创新科技有限公司"])),
        C("chu_chang_bian_hao", "P/-/d", [f"{g.r.choice(['LW', 'KB', 'DJ', 'DF'])}{g.r.randint(10**9, 10**10 - 1)}" for _ in P], note="factory serial of a person's machine, like a VIN (rule 15)"),
        C("dan_tai_xiao_shou_jia_ge", "S/PERSONAL_INCOME/s", price, note="a person's purchase (rule 3)"),
        C("bu_tie_e", "S/PERSONAL_INCOME/s", [round(p * 0.25) for p in price]),
        C("jing_xiao_shang", "N/ORG_NAME/o", g.companies(g.n, "农机")),
        C("gou_ji_ri_qi", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-10-31", "%Y%m%d")),
    ]


@table("agri_cooperatives", "mixed", "农民专业合作社名录", "xlsx", 200)
def agri_cooperatives(g: Gen) -> list[C]:
    n = g.n
    return [
        C("合作社名称", "N/ORG_NAME/o", [f"{COUNTIES[c][:-1]}{v[:-1]}{t}专业合作社" for c, v, t in zip(g.pick(["510129", "510131", "510184"]), g.pick(VILLAGES), g.pick(["猕猴桃种植", "茶叶", "生猪养殖", "柑橘", "粮油"]))]),
        C("统一社会信用代码", "N/USCC/o", [g.uscc("93") for _ in range(n)]),
        C("理事长", "P/PERSON_NAME/d", g.names()),
        C("理事长手机", "P/PHONE_NUMBER/d", g.mobiles()),
        C("成员数", "N/-/o", g.ints(5, 300)),
        C("出资总额（万元）", "N/-/o", g.money(10, 800, 1), note="amount of an organisation"),
        C("住所", "N/ADDRESS/o", [g.rural_addr() for _ in range(n)], note="registered seat of the co-operative"),
        C("成立日期", "N/EVENT_DATE/o", g.dates("2008-01-01", "2025-12-31")),
        C("示范社等级", "N/-/o", g.pick(["国家级", "省级", "市级", "无"])),
        C("办公电话", "N/PHONE_NUMBER/o", g.sparse(g.landlines(), 0.5), tags=("sparse",)),
    ]


@table("agri_poverty_monitoring", "people", "防止返贫监测对象信息", "xlsx", 360, title_row=True)
def agri_poverty_monitoring(g: Gen) -> list[C]:
    P = g.people((30, 85), region="513401")
    return [
        C("县", "N/REGION/q", ["西昌市"] * g.n),
        C("村", "N/REGION/q", g.pick(VILLAGES)),
        C("户主姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("证件号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("家庭人口", "N/-/q", g.ints(1, 8)),
        C("监测对象类别", "S/-/s", g.pick(["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]), note="rule 5"),
        C("主要风险类型", "S/-/s", g.pick(["因病", "因残", "因学", "因意外事故", "因务工就业不稳"]), note="rule 5"),
        C("帮扶措施", "S/-/s", g.pick(["产业帮扶", "就业帮扶", "医疗救助", "低保兜底", "教育资助"]), note="rule 5"),
        C("人均纯收入（元）", "S/PERSONAL_INCOME/s", g.money(4000, 12000, 0)),
        C("帮扶责任人", "P/PERSON_NAME/d", g.pick(g.names(20))),
        C("责任人电话", "P/PHONE_NUMBER/d", [fullwidth(m) if g.r.random() < 0.1 else m for m in g.pick(g.mobiles(20))], tags=("fullwidth",)),
        C("识别时间", "N/EVENT_DATE/q", g.dates("2022-01-01", "2026-10-31", "%Y年%m月")),
    ]


@table("forestry_forest_rights", "people", "集体林权登记信息", "csv", 500, enc="gbk", delim="|")
def forestry_forest_rights(g: Gen) -> list[C]:
    P = g.people((25, 85), region="510129")
    return [
        C("LQZH", "P/PERSON_ID/d", [f"川林证字（{y}）第{g.r.randint(10**9, 10**10 - 1)}号" for y in g.ints(2008, 2024)], style="initials", note="forest-rights certificate of a person"),
        C("QLR", "P/PERSON_NAME/d", [p.name for p in P], style="initials"),
        C("SFZH", "S/CN_RESIDENT_ID/d", [p.rid for p in P], style="initials"),
        C("LDZL", "S/ADDRESS/d", [f"大邑县{t}{v}{k}组 小地名：{s}" for t, v, k, s in zip(g.pick(["西岭镇", "花水湾镇", "出江镇"]), g.pick(VILLAGES), g.ints(1, 9), g.pick(["老鹰岩", "大湾头", "杉树坪", "干沟"]))], style="initials", note=PROPERTY + " (location of a person's forest plot, like a homestead)"),
        C("XBH", "N/-/o", [f"{a:03d}-{b:02d}" for a, b in zip(g.ints(1, 300), g.ints(1, 40))], style="initials", note="sub-compartment number"),
        C("MJ", "S/PERSONAL_INCOME/s", g.money(1, 80, 1), style="initials", note=PROPERTY),
        C("LZ", "N/-/o", g.pick(["用材林", "经济林", "防护林", "特用林"]), style="initials"),
        C("ZYSZ", "N/-/o", g.pick(["杉木", "柳杉", "桢楠", "猕猴桃", "茶"]), style="initials"),
        C("QSRQ", "N/EVENT_DATE/o", ["2008-01-01"] * g.n, style="initials"),
        C("ZZRQ", "N/EVENT_DATE/o", ["2077-12-31"] * g.n, style="initials"),
    ]


@table("forestry_logging_permits", "people", "林木采伐许可证核发", "jsonl", 260, ascii_style="english_snake")
def forestry_logging_permits(g: Gen) -> list[C]:
    P = g.people((30, 75), region="510184")
    return [
        C("permit_no", "N/-/o", [f"川采{y}{g.r.randint(10**6, 10**7 - 1)}" for y in g.ints(2024, 2026)], note="document serial of a decision, not of a person (like a penalty decision number)"),
        C("applicant", "P/PERSON_NAME/d", [p.name for p in P]),
        C("applicantIdNo", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("applicantTel", "P/PHONE_NUMBER/d", [f"+86 {p.mobile}" if g.r.random() < 0.3 else p.mobile for p in P], tags=("dirty",)),
        C("site", "N/ADDRESS/q", [f"崇州市{t}{v}" for t, v in zip(g.pick(["街子镇", "怀远镇", "文井江镇"]), g.pick(VILLAGES))], note="village of the logging site: incidental event place"),
        C("volume_m3", "N/-/o", g.money(2, 150, 2)),
        C("species", "N/-/o", g.pick(["杉木", "柳杉", "桉树", "杂木"])),
        C("method", "N/-/o", g.pick(["择伐", "皆伐", "更新采伐"])),
        C("issued_on", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-25")),
        C("approver", "P/PERSON_NAME/d", g.pick(g.names(4)), note="staff (rule 15)"),
    ]


@table("forestry_ranger_tracks", "people", "护林员巡护轨迹点", "parquet", 2000, ascii_style="english_snake")
def forestry_ranger_tracks(g: Gen) -> list[C]:
    rangers = g.people((35, 62), 25, region="510181")
    idx = g.ints(0, 24)
    imeis = [f"86{g.r.randint(10**12, 10**13 - 1)}" for _ in rangers]
    return [
        C("ranger_code", "P/PERSON_ID/d", [f"HLY{510181}{i:03d}" for i in idx]),
        C("ranger_name", "P/PERSON_NAME/d", [rangers[i].name for i in idx]),
        C("device_imei", "P/-/d", [imeis[i] for i in idx], note="device id (v6 call)"),
        C("gps_time", "N/EVENT_DATE/q", g.times("2026-11-01 07:00:00", "2026-11-29 18:00:00")),
        C("lng", "S/PRECISE_LOCATION/s", g.money(103.45, 103.70, 6), note="trajectory of a person (rule 8)"),
        C("lat", "S/PRECISE_LOCATION/s", g.money(30.95, 31.15, 6)),
        C("speed_kmh", "N/-/o", g.money(0, 6, 1)),
        C("patrol_area", "N/REGION/q", g.pick(["龙池片区", "虹口片区", "青城后山片区"])),
        C("battery", "N/-/o", g.ints(5, 100)),
    ]


@table("forestry_wildlife_damage_comp", "people", "野生动物致害补偿申请", "xlsx", 140)
def forestry_wildlife_damage_comp(g: Gen) -> list[C]:
    P = g.people((20, 80), region="511802")
    kind = g.pick(["农作物损失", "农作物损失", "家畜损失", "人身伤害"])
    return [
        C("申请编号", "N/-/o", g.serial("YSDW-2026-", 4)),
        C("受害人", "P/PERSON_NAME/d", [p.name for p in P]),
        C("公民身份号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("开户银行", "N/ORG_NAME/o", g.pick(["雅安市农商银行", "中国农业银行雅安分行", "邮储银行雅安市分行"])),
        C("银行账号", "S/BANK_CARD/d", [g.bank_card() for _ in P]),
        C("致害物种", "N/-/o", g.pick(["野猪", "黑熊", "猕猴", "豪猪", "黑熊"])),
        C("损失类型", "N/-/o", kind),
        C("伤情", "S/MEDICAL_CONDITION/s", [g.r.choice(["左小腿撕裂伤", "右臂骨折", "面部抓伤", "多处软组织挫伤"]) if k == "人身伤害" else None for k in kind], tags=("sparse",)),
        C("发生地点", "N/ADDRESS/q", [f"雨城区{t}{v}" for t, v in zip(g.pick(["碧峰峡镇", "八步镇", "上里镇"]), g.pick(VILLAGES))], note="incidental event place (rule 8)"),
        C("补偿金额（元）", "S/PERSONAL_INCOME/s", g.money(200, 30000, 0)),
    ]


@table("forestry_nature_reserves", "organisations", "自然保护地名录", "csv", 60, enc="utf-8", delim=",")
def forestry_nature_reserves(g: Gen) -> list[C]:
    pts = [g.coord((101.5, 105.0), (28.0, 33.0), 4) for _ in range(g.n)]
    return [
        C("bhdmc", "N/-/o", [f"{w}{t}" for w, t in zip(g.pick(["卧龙", "王朗", "唐家河", "龙溪-虹口", "蜂桶寨", "白水河", "黑竹沟", "美姑大风顶"]), g.pick(["国家级自然保护区", "省级自然保护区", "森林公园", "湿地公园"]))], style="initials"),
        C("jb", "N/-/o", g.pick(["国家级", "省级", "市县级"]), style="initials"),
        C("mj_gq", "N/-/o", g.money(500, 200000, 1), style="initials"),
        C("zyBhdx", "N/-/o", g.pick(["大熊猫", "川金丝猴", "珙桐", "红豆杉", "绿尾虹雉"])),
        C("gljg", "N/ORG_NAME/o", g.pick(["四川卧龙国家级自然保护区管理局", "彭州市林业局", "雅安市林业局"]), style="initials"),
        C("lxdh", "N/PHONE_NUMBER/o", g.landlines(), style="initials", note="office switchboard"),
        C("zxjd", "N/PRECISE_LOCATION/o", [a for a, _ in pts], style="initials"),
        C("zxwd", "N/PRECISE_LOCATION/o", [b for _, b in pts], style="initials"),
        C("jlsj", "N/EVENT_DATE/o", g.ints(1963, 2020), style="initials"),
    ]


@table("ecoenv_company_penalties", "mixed", "生态环境行政处罚信息公示（企业）", "csv", 260, enc="utf-8", delim=",", crlf=True)
def ecoenv_company_penalties(g: Gen) -> list[C]:
    n = g.n
    return [
        C("处罚决定书文号", "N/-/o", [f"成环罚〔{y}〕{i}号" for y, i in zip(g.ints(2023, 2026), g.ints(1, 600))]),
        C("被处罚单位", "N/ORG_NAME/o", g.companies(n)),
        C("统一社会信用代码", "N/USCC/o", [g.uscc("91") for _ in range(n)]),
        C("法定代表人", "P/PERSON_NAME/d", g.names()),
        C("违法行为类型", "N/-/o", g.pick(["超标排放大气污染物", "未批先建", "危险废物贮存不规范", "未按规定开展自行监测", "私设暗管"]), note="violation of a company (rule 6)"),
        C("处罚依据", "N/-/o", g.pick(["《大气污染防治法》第九十九条", "《环境影响评价法》第三十一条", "《固体废物污染环境防治法》第一百一十二条"])),
        C("罚款金额（万元）", "N/-/o", g.money(1, 200, 2), note="company penalty"),
        C("处罚日期", "N/EVENT_DATE/o", g.dates("2023-01-01", "2026-11-20")),
        C("执法证号", "P/PERSON_ID/d", [f"51{g.r.randint(10**6, 10**7 - 1)}" for _ in range(n)], note="enforcement officer's certificate number (staff id, rule 15)"),
        C("企业地址", "N/ADDRESS/o", [g.org_addr() for _ in range(n)]),
    ]


@table("ecoenv_individual_violations", "people", "个人生态环境违法行为处罚台账", "jsonl", 220)
def ecoenv_individual_violations(g: Gen) -> list[C]:
    P = g.people((18, 75))
    beh = g.pick(["露天焚烧秸秆", "非法捕捞水产品", "柴油车冒黑烟", "噪声扰民", "私自倾倒建筑垃圾"])
    return [
        C("decisionNo", "N/-/o", [f"成环罚〔2026〕个{i}号" for i in range(1, g.n + 1)], note="decision number (v6 call)"),
        C("partyName", "P/PERSON_NAME/d", [p.name for p in P]),
        C("partyIdCard", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("partyAddress", "P/ADDRESS/d", [p.addr for p in P]),
        C("illegalAct", "S/CRIMINAL_RECORD/s", beh, note="violation record of a person (rule 6)"),
        C("fineYuan", "S/CRIMINAL_RECORD/s", g.pick([200, 500, 1000, 2000, 5000]), note="fine of a person (rule 6)"),
        C("actPlace", "N/ADDRESS/q", g.pick(["金马河河道", "三环路外侧", "毗河沿线", "双流区黄水镇农田"]), note="incidental event place (rule 8)"),
        C("actTime", "N/EVENT_DATE/q", g.times("2025-01-01 00:00:00", "2026-11-25 23:59:59", "%Y-%m-%dT%H:%M:%S")),
        C("plateNo", "P/LICENSE_PLATE/d", [g.plate() if b == "柴油车冒黑烟" else None for b in beh], tags=("sparse",)),
    ]


@table("ecoenv_key_polluters", "organisations", "重点排污单位名录", "parquet", 240)
def ecoenv_key_polluters(g: Gen) -> list[C]:
    n = g.n
    us = [g.uscc("91") for _ in range(n)]
    pts = [g.coord(nd=6) for _ in range(n)]
    return [
        C("dwmc", "N/ORG_NAME/o", g.companies(n, "化工"), style="initials"),
        C("tyshxydm", "N/USCC/o", us, style="initials"),
        C("pwxkzbh", "N/-/o", [u + f"{g.r.randint(1, 3):03d}P" for u in us], style="initials", note="discharge permit = USCC + serial"),
        C("hylb", "N/-/o", g.pick(["C2614 有机化学原料制造", "C3011 水泥制造", "D4411 火力发电", "C1511 酒精制造"]), style="initials"),
        C("scdz", "N/ADDRESS/o", [g.org_addr() for _ in range(n)], style="initials"),
        C("jd", "N/PRECISE_LOCATION/o", [a for a, _ in pts], style="initials"),
        C("wd", "N/PRECISE_LOCATION/o", [b for _, b in pts], style="initials"),
        C("jbdh", "N/PHONE_NUMBER/o", ["12369"] * n, style="initials"),
        C("pfks", "N/-/o", g.ints(1, 12), style="initials"),
        C("codpfl_t", "N/-/o", g.money(0.5, 900, 3), style="initials"),
        C("zdlb", "N/-/o", g.pick(["水环境", "大气环境", "土壤环境", "环境风险"]), style="initials"),
    ]


@table("ecoenv_complaints_12369", "people", "12369环保举报受理", "jsonl", 400)
def ecoenv_complaints_12369(g: Gen) -> list[C]:
    P = g.people((20, 75))
    txt = [
        g.r.choice([
            f"我住在{p.addr}，楼下{g.company()}每天晚上十点后排放刺鼻气体，联系人{p.name}，电话{p.mobile}。",
            f"{g.company()}在{g.r.choice(VILLAGES)}河边倾倒废渣，请尽快处理。",
            f"反映{p.community}附近工地夜间施工噪声，本人{p.name[0]}先生，回电{p.mobile}。",
            "匿名举报：烧烤摊油烟直排，影响居民休息。",
        ])
        for p in P
    ]
    return [
        C("gdh", "N/-/o", g.randserial("HB2026", 8), style="initials", note="work-order serial (rule 1)"),
        C("jbr", "P/PERSON_NAME/d", g.sparse([p.name for p in P], 0.55), tags=("sparse",), style="initials"),
        C("lxdh", "P/PHONE_NUMBER/d", [int(p.mobile) for p in P], tags=("int",), style="initials"),
        C("jbnr", "P/FREE_TEXT/d", txt, tags=("free_text",), style="initials", note="complaint text (rule 14)"),
        C("bjbdw", "N/ORG_NAME/o", g.companies(), style="initials"),
        C("jbsj", "N/EVENT_DATE/q", g.times("2026-01-01 00:00:00", "2026-11-28 23:00:00", "%Y/%m/%d %H:%M"), style="initials"),
        C("blzt", "N/-/o", g.pick(["已办结", "办理中", "已转交"]), style="initials"),
        C("cbdw", "N/ORG_NAME/o", g.pick(["锦江生态环境局", "武侯生态环境局", "成华生态环境局", "市生态环境保护综合行政执法支队"]), style="initials"),
    ]


@table("meteo_station_hourly", "organisations", "区域自动气象站逐时观测", "csv", 1200, enc="utf-8", delim=",")
def meteo_station_hourly(g: Gen) -> list[C]:
    stations = [(f"5{g.r.randint(6000, 6999)}", g.r.choice(TOWNS) + "站", *g.coord((103.5, 104.6), (30.2, 31.0), 4), g.r.randint(450, 1800)) for _ in range(30)]
    idx = g.ints(0, 29)
    return [
        C("Station_Id_C", "N/-/o", [stations[i][0] for i in idx], style="english_snake"),
        C("Station_Name", "N/-/o", [stations[i][1] for i in idx], style="english_snake"),
        C("Lon", "N/PRECISE_LOCATION/o", [stations[i][2] for i in idx], style="english_snake"),
        C("Lat", "N/PRECISE_LOCATION/o", [stations[i][3] for i in idx], style="english_snake"),
        C("Alti", "N/-/o", [stations[i][4] for i in idx], style="english_snake"),
        C("Datetime", "N/EVENT_DATE/o", g.times("2026-11-01 00:00:00", "2026-11-29 23:00:00", "%Y%m%d%H0000"), style="english_snake"),
        C("TEM", "N/-/o", g.money(-2, 22, 1), style="initials"),
        C("PRE_1h", "N/-/o", g.money(0, 8, 1), style="initials"),
        C("WIN_S_Avg_2mi", "N/-/o", g.money(0, 9, 1), style="initials"),
        C("RHU", "N/-/o", g.ints(40, 100), style="initials"),
    ]


@table("meteo_warning_recipients", "people", "气象预警信息接收责任人", "xlsx", 300)
def meteo_warning_recipients(g: Gen) -> list[C]:
    P = g.people((25, 60))
    return [
        C("序号", "N/-/o", list(range(1, g.n + 1))),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("手机号码", "P/PHONE_NUMBER/d", [int(p.mobile) for p in P], tags=("int",)),
        C("职务", "N/OCCUPATION/q", g.pick(["村支部书记", "村委会主任", "网格员", "应急管理员", "学校校长"])),
        C("所属乡镇（街道）", "N/REGION/q", g.pick(TOWNS)),
        C("所属单位", "N/ORG_NAME/q", [f"{v}村民委员会" for v in g.pick(VILLAGES)], note="employer of the person: institution, quasi"),
        C("接收方式", "N/-/o", g.pick(["短信", "短信+大喇叭", "微信"])),
        C("更新日期", "N/EVENT_DATE/o", ["2026-04-01"] * g.n),
    ]


@table("meteo_lightning_casualties", "people", "雷电灾害伤亡调查表", "csv", 60, enc="gbk", delim=",", ascii_style="opaque")
def meteo_lightning_casualties(g: Gen) -> list[C]:
    P = g.people((16, 80))
    pts = [g.coord((102.0, 105.0), (27.5, 31.5), 5) for _ in P]
    return [
        C("F1", "N/-/o", g.serial("LD", 5)),
        C("F2", "P/PERSON_NAME/d", [p.name for p in P]),
        C("F3", "N/GENDER/q", [p.sex for p in P]),
        C("F4", "N/AGE/q", [g.age_of(p) for p in P]),
        C("F5", "S/MEDICAL_CONDITION/s", g.pick(["死亡", "重伤（烧伤）", "轻伤", "心脏骤停后复苏", "耳膜穿孔"]), note="injury of a person (rule 2)"),
        C("F6", "N/ADDRESS/q", [f"{g.r.choice(TOWNS)}{g.r.choice(VILLAGES)}" for _ in P], note="incidental event place (rule 8)"),
        C("F7", "N/PRECISE_LOCATION/q", [f"{a},{b}" for a, b in pts], note="coordinates of the strike site: incidental event place (v6 call)"),
        C("F8", "N/EVENT_DATE/q", g.dates("2021-05-01", "2026-09-30", "%Y.%m.%d")),
        C("F9", "N/-/o", g.pick(["户外劳作", "避雨树下", "室内使用电器", "野外游玩"])),
    ]
