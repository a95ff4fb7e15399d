"""公安: traffic violations, residence permits, lost property, hotel check-ins, exit-entry documents,
no-criminal-record certificates, police stations, case statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ADDR, CREDIT, CRIME, DOB, ENUM_Q, EVENT_Q, GENDER, ID, NAME, ORG_Q, OTHER, PASSPORT, PHONE, PLACE_Q,
                     PLATE, STAT, TRACK, org, table)
from ..texts import lost_item_text
from ..values import (fmt_date, gender_text, mapv, mask_card, mixed_dates, mixed_mobiles, short_street, sparse)

VIOLATIONS = [("1625", "驾驶机动车违反道路交通信号灯通行的", 200, 6), ("1039", "机动车违反规定停放、临时停车且驾驶人不在现场",
              150, 0), ("1303", "驾驶中型以上载客载货汽车、危险物品运输车辆以外的其他机动车行驶超过规定时速20%以上未达到50%的",
              200, 6), ("1345", "驾驶机动车不按导向车道行驶的", 100, 2), ("1211", "驾驶机动车时有拨打、接听手持电话等妨碍安全驾驶的行为的",
              200, 3), ("1357", "驾驶机动车不按规定避让行人的", 200, 3), ("1042", "驾驶机动车违反禁令标志指示的", 100, 3),
              ("1240", "驾驶人未按规定使用安全带的", 50, 1)]


def _plates(g, n, out_of_province=0.1):
    out = []
    for _ in range(n):
        if g.pr.random() < out_of_province:
            out.append(g.plate(province=g.one(list(V.ORIGIN_PLATE.values())), city_letter=g.one("ABCDEFGHJK")))
        else:
            out.append(g.plate())
    return np.array(out, dtype=object)


@table("police_traffic_violations", "police", "people", "道路交通违法记录（电子监控）", "csv", 3000, "initials",
       enc="gbk", newline="\r\n")
def traffic_violations(t):
    g = t.g
    P, idx = t.repeat_people(2100, lo=19, hi=75)
    plates = _plates(g, len(P))
    company = g.flag(0.06, len(P))
    owners = np.where(company, np.array([g.company_name() for _ in range(len(P))], dtype=object), P.name)
    v = [VIOLATIONS[i] for i in g.r.choice(len(VIOLATIONS), t.n, p=[0.25, 0.2, 0.18, 0.12, 0.08, 0.07, 0.06, 0.04])]
    t.col("xh", np.array([f"3301{g.digits(12)}" for _ in range(t.n)], dtype=object), OTHER, note="record serial")
    t.col("hphm", t.take(plates, idx), PLATE)
    t.col("hpzl", mapv(lambda p: "52" if len(p) == 8 else "02", t.take(plates, idx)), OTHER, note="plate type code (GA 24.7)")
    t.col("jszh", t.take(np.where(company, None, P.id), idx), ID, note="driving-licence number = resident ID number")
    t.col("dsr", t.take(owners, idx), NAME, note="当事人: natural persons; ~6% are company-owned vehicles")
    t.col("wfsj", g.datetimes(t.n, dt.date(2024, 1, 1), dt.date(2025, 11, 30), hours=(0, 24)), EVENT_Q)
    t.col("wfdd", mapv(lambda c: f"{V.DISTRICTS[c]}{g.one(V.ROADS)}与{g.one(V.ROADS)}交叉口", g.choice(list(V.DISTRICTS)[:13], t.n)),
          PLACE_Q, note="place of a single violation: incidental event place, not a trajectory")
    t.col("wfxw", np.array([f"{x[0]} {x[1]}" for x in v], dtype=object), CRIME,
          note="violation record of a person: GB/T 35273 Annex B '违法犯罪记录'; a traffic offence, not a crime")
    t.col("fkje", np.array([x[2] for x in v]), CRIME, note="fine of the violation (part of the violation record)")
    t.col("wfjf", np.array([x[3] for x in v]), CRIME, note="penalty points")
    t.col("cjjg", mapv(lambda c: f"{g.city_of(c)}公安局交通警察支队{V.DISTRICTS[c][:-1]}大队", g.choice(list(V.DISTRICTS)[:13], t.n)), ORG_Q)
    t.col("clbj", g.choice(["0", "1"], t.n, [0.3, 0.7]), OTHER, note="处理标记")
    t.col("jkbj", g.choice(["0", "1"], t.n, [0.35, 0.65]), OTHER, note="缴款标记")
    t.col("lxdh", t.take(np.where(company, None, P.mobile), idx), PHONE)


@table("police_residence_permits", "police", "people", "居住证申领信息", "jsonl", 1800, "english_camel")
def residence_permits(t):
    g = t.g
    P = g.persons(t.n, 16, 65, local=0.0)
    t.col("applicantName", P.name, NAME)
    t.col("idNumber", P.id, ID)
    t.col("gender", gender_text(P.sex, "cn"), GENDER)
    t.col("birthDate", mixed_dates(g, P.birth, ["cn", "iso", "compact"], [0.6, 0.3, 0.1]), DOB, tags=("mixed_formats",))
    t.col("nativePlace", mapv(lambda h: V.ORIGINS.get(h, ""), P.hukou), ("none", "REGION", "quasi"), note="籍贯 (county of origin)")
    t.col("residenceAddress", P.addr, ADDR)
    t.col("permitNo", P.id, ID, note="residence-permit number = holder's resident ID number")
    t.col("employer", sparse(g, mapv(g.company_name, P.district), 0.75), ORG_Q)
    move_in = g.dates(t.n, dt.date(2018, 1, 1), dt.date(2025, 6, 30))
    t.col("moveInDate", mapv(lambda d: d.isoformat(), move_in), EVENT_Q)
    t.col("housingType", g.choice(["租赁房屋", "单位内部", "自购房", "借住亲友", "工地工棚"], t.n, [0.6, 0.18, 0.08, 0.1, 0.04]), OTHER)
    t.col("issueDate", mapv(lambda d: (d + dt.timedelta(days=g.randint(183, 900))).isoformat(), move_in), EVENT_Q)
    t.col("policeStation", mapv(lambda c: f"{V.DISTRICTS[c]}{short_street(g.street(c))}派出所", P.district), ORG_Q)
    t.col("mobile", mixed_mobiles(g, P.mobile, ["plain", "fw", "space"], [0.85, 0.1, 0.05]), PHONE, tags=("fullwidth",))


@table("police_lost_property", "police", "people", "失物招领登记", "xlsx", 420, "chinese")
def lost_property(t):
    g = t.g
    owners = g.persons(t.n, 15, 80)
    found = g.datetimes(t.n, dt.date(2024, 6, 1), dt.date(2025, 12, 15))
    claimed = g.flag(0.45, t.n)
    desc = mapv(lambda n, i: lost_item_text(g, n, i), owners.name, owners.id)
    t.col("登记编号", np.array([f"SW{d:%Y%m%d}{i:04d}" for i, d in enumerate(found)], dtype=object), OTHER)
    t.col("物品名称", mapv(lambda d: "身份证" if d.startswith("居民身份证") else d.split("，")[0].split("（")[0][:8], desc), OTHER)
    t.col("物品描述", desc, ID, note="~15% of descriptions carry a found ID card's name and number", tags=("free_text",))
    t.col("拾得地点", mapv(lambda _: g.one(["地铁1号线", "地铁2号线", "公交K155路", "火车东站候车室", "西湖景区断桥", "武林广场", "银泰百货",
                                         "出租车上", "龙翔桥站", "市民中心"]), desc), org("ADDRESS"),
          note="place where an item was found: not about a person")
    t.col("拾得时间", found, EVENT_Q)
    t.col("拾得人", g.names(t.n), NAME)
    t.col("拾得人电话", mapv(int, g.mobiles(t.n)), PHONE, tags=("int",), ptype="int")
    t.col("认领人", np.where(claimed, owners.name, None), NAME, tags=("sparse",))
    t.col("认领人证件号", np.where(claimed, owners.id, None), ID, tags=("sparse",))
    t.col("认领日期", np.where(claimed, mapv(lambda d: d.date() + dt.timedelta(days=g.randint(0, 20)), found), None), EVENT_Q,
          ptype="date")
    t.col("保管单位", g.choice(["市公安局失物招领中心", "地铁公安分局", "火车东站派出所", "西湖景区派出所"], t.n), org("ORG_NAME"))


@table("police_station_directory", "police", "organisations", "公安派出所及户籍窗口信息", "csv", 180, "opaque")
def station_directory(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    names = mapv(lambda c, i: f"{g.city_of(c)}公安局{V.DISTRICTS[c]}分局{short_street(V.STREETS[(i * 7) % len(V.STREETS)])}派出所", codes, np.arange(t.n))
    t.col("C01", names, org("ORG_NAME"))
    t.col("C02", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("C03", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"), note="station duty phone")
    t.col("C04", mapv(lambda _: "辖区：" + "、".join(g.one(V.COMMUNITY_PREFIX) + "社区" for _ in range(g.randint(2, 6))), codes), STAT)
    t.col("C05", g.choice(["周一至周五 8:30-12:00 14:00-17:30", "工作日 9:00-17:00，周六上午 9:00-12:00", "周一至周日 8:30-17:00"], t.n), STAT)
    lon, lat = g.coords_in(codes, spread=(0.06, 0.05))
    t.col("C06", lon, org("PRECISE_LOCATION"))
    t.col("C07", lat, org("PRECISE_LOCATION"))
    t.col("C08", np.array([g.org_email("gov") for _ in range(t.n)], dtype=object), org("EMAIL"), note="office mailbox")
    t.col("C09", mapv(lambda c: V.DISTRICTS[c], codes), org("REGION"))


@table("police_case_stats", "police", "aggregate", "刑事案件立案破案分类统计", "parquet", 1152, "english_snake")
def case_stats(t):
    g = t.g
    codes = list(V.DISTRICTS)[:6]
    months = [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]
    cats = ["盗窃", "诈骗", "电信网络诈骗", "故意伤害", "抢劫", "危险驾驶", "毒品犯罪", "其他"]
    rows = [(c, m, k) for c in codes for m in months for k in cats]
    filed = np.array([int(g.r.poisson({"盗窃": 120, "诈骗": 60, "电信网络诈骗": 90, "危险驾驶": 40}.get(k, 8))) for _, _, k in rows])
    solved = (filed * g.r.uniform(0.3, 0.95, len(rows))).astype(int)
    t.col("district", [V.DISTRICTS[r[0]] for r in rows], org("REGION"))
    t.col("month", [r[1] for r in rows], STAT)
    t.col("case_category", [r[2] for r in rows], org("CRIMINAL_RECORD"), note="offence category in an aggregate")
    t.col("cases_filed", filed, STAT)
    t.col("cases_solved", solved, STAT)
    t.col("clearance_rate", np.round(np.where(filed > 0, solved / np.maximum(filed, 1), 0), 3), STAT, dec=3)
    t.col("suspects_arrested", (solved * g.r.uniform(0.8, 1.6, len(rows))).astype(int), STAT)


def _guest_doc(g, kind, person_id, birth, sex, nationality):
    if kind == "居民身份证":
        return person_id
    if kind == "临时居民身份证":
        return person_id
    if kind == "港澳台居民居住证":
        return g.hmt_residence_id(birth, sex)
    if kind == "港澳居民来往内地通行证":
        return g.home_return_permit()
    if kind == "台湾居民来往大陆通行证":
        return g.mtp_permit()
    return g.foreign_passport(nationality)


@table("police_hotel_checkins", "police", "people", "旅馆业住宿登记信息", "parquet", 2600, "chinese")
def hotel_checkins(t):
    g = t.g
    P = g.persons(t.n, 16, 80, local=0.4)
    kind = g.choice(["居民身份证", "临时居民身份证", "港澳台居民居住证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "护照"], t.n,
                    [0.88, 0.02, 0.01, 0.03, 0.02, 0.04])
    nat = mapv(lambda k: {"港澳居民来往内地通行证": g.one(["中国香港", "中国澳门"], [0.8, 0.2]), "台湾居民来往大陆通行证": "中国台湾",
                          "港澳台居民居住证": g.one(["中国香港", "中国澳门", "中国台湾"]),
                          "护照": g.one(["美国", "日本", "韩国", "德国", "法国", "英国", "澳大利亚", "意大利"])}.get(k, "中国"), kind)
    foreign = kind == "护照"
    en = mapv(lambda f, n, s: "/".join(g.foreign_person(n, s)) if f else None, foreign, nat, P.sex)
    names = np.where(foreign, mapv(lambda e: e.split("/")[0] + " " + e.split("/")[1] if e else None, en), P.name)
    checkin = g.datetimes(t.n, dt.date(2025, 1, 1), dt.date(2025, 12, 20), hours=(10, 24))
    hotels = [f"{g.city_of(c)}{g.one(V.COMMUNITY_PREFIX)}{g.one(['大酒店', '宾馆', '精品酒店', '快捷酒店', '民宿', '国际酒店'])}"
              for c in g.choice(list(V.DISTRICTS), 40)]
    t.col("旅客姓名", names, NAME)
    t.col("英文姓名", en, NAME, note="SURNAME/GIVEN of foreign guests", tags=("sparse",))
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("证件类型", kind, OTHER)
    t.col("证件号码", mapv(lambda k, i, b, s, n: _guest_doc(g, k, i, b, s, n), kind, P.id, P.birth, P.sex, nat), ID,
          note="mostly resident IDs; passports, permits and HK/Macao/Taiwan residence-permit numbers too", tags=("mixed_docs",))
    t.col("国籍地区", nat, ENUM_Q)
    t.col("出生日期", P.birth, DOB, ptype="date")
    t.col("入住时间", checkin, EVENT_Q)
    t.col("退房时间", mapv(lambda c: c + dt.timedelta(hours=g.randint(10, 80)), checkin), EVENT_Q)
    t.col("旅馆名称", g.choice(hotels, t.n), TRACK, note="lodging record (GB/T 35273 Annex B 住宿信息): where a person stayed")
    t.col("房号", mapv(lambda _: f"{g.randint(2, 18)}{g.randint(1, 40):02d}", names), OTHER)
    t.col("手机号", np.where(foreign, None, mapv(int, P.mobile)), PHONE, tags=("int",), ptype="int")
    t.col("车牌号", sparse(g, _plates(g, t.n, 0.3), 0.2), PLATE, tags=("sparse",))
    credit = np.array([g.credit_card() for _ in range(t.n)], dtype=object)
    credit = np.where(g.flag(0.6, t.n), mapv(mask_card, credit), credit)
    t.col("预授权信用卡", np.where(g.flag(0.12, t.n), credit, None), CREDIT, note="card used for the deposit pre-authorisation",
          tags=("masked", "sparse"))


@table("police_exit_entry_documents", "police", "people", "出入境证件受理信息", "csv", 1400, "initials", delim="\t",
       minors=True)
def exit_entry(t):
    g = t.g
    P = g.persons(t.n, 1, 80, local=0.9)
    kind = g.choice(["普通护照", "往来港澳通行证", "往来台湾通行证"], t.n, [0.5, 0.42, 0.08])
    number = mapv(lambda k: g.passport_cn() if k == "普通护照" else g.hk_macao_pass() if k == "往来港澳通行证" else g.taiwan_pass(), kind)
    issue = g.dates(t.n, dt.date(2023, 1, 1), dt.date(2025, 12, 15))
    t.col("sqrxm", P.name, NAME)
    t.col("sfzh", P.id, ID)
    t.col("xb", gender_text(P.sex, "cn"), GENDER)
    t.col("csrq", mapv(lambda b: fmt_date(b, "iso"), P.birth), DOB)
    t.col("zjlb", kind, OTHER)
    t.col("zj_no", number, PASSPORT, note="passport / HK-Macao / Taiwan travel-permit numbers", style="mixed")
    t.col("qfrq", mapv(lambda d: d.isoformat(), issue), EVENT_Q)
    t.col("yxqz", mapv(lambda d, a: dt.date(d.year + (5 if a < 16 else 10), d.month, min(d.day, 28)).isoformat(), issue, P.age),
          ("none", "EVENT_DATE", "quasi"), note="expiry date of the document")
    t.col("slcrj", mapv(lambda c: f"{g.city_of(c)}公安局出入境管理局{V.DISTRICTS[c]}受理点", P.district), ORG_Q)
    t.col("sjhm", mixed_mobiles(g, P.mobile, ["plain", "86-"], [0.9, 0.1]), PHONE)
    t.col("qwgj", g.choice(["港澳", "泰国", "日本", "新加坡", "台湾地区", "美国", "欧洲", "未填写"], t.n), ENUM_Q, note="intended destination")


@table("police_no_crime_certificates", "police", "people", "无犯罪记录证明开具信息", "xlsx", 900, "chinese")
def no_crime_certificates(t):
    g = t.g
    P = g.persons(t.n, 18, 65)
    record = g.flag(0.03, t.n)
    result = mapv(lambda r: (f"{g.randint(2008, 2021)}年因{g.one(V.CRIMES, V.CRIME_W)}被判处"
                             f"{g.one(['有期徒刑六个月', '拘役四个月', '有期徒刑一年', '有期徒刑三年，缓刑四年', '罚金人民币五千元'])}")
                  if r else "未发现有犯罪记录", record)
    t.col("证明编号", np.array([f"浙公({g.one(['杭', '甬', '温', '嘉'])})无犯证字〔2025〕{g.digits(6)}号" for _ in range(t.n)], dtype=object), OTHER)
    t.col("申请人姓名", P.name, NAME)
    t.col("身份证号码", P.id, ID)
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("申请用途", g.choice(["就业", "出国（境）", "入学", "办理资格证", "其他"], t.n, [0.55, 0.2, 0.1, 0.1, 0.05]), OTHER)
    t.col("查询结果", result, CRIME, note="mostly '未发现有犯罪记录'; a few rows state a conviction")
    t.col("开具日期", g.dates(t.n, dt.date(2025, 1, 1), dt.date(2025, 12, 20)), EVENT_Q, ptype="date")
    t.col("开具单位", mapv(lambda c: f"{V.DISTRICTS[c]}{short_street(g.street(c))}派出所", P.district), ORG_Q)
    t.col("联系电话", P.mobile, PHONE)
    t.col("户籍地址", P.hukou_addr, ADDR)
