"""v4 tables, part B: housing fund, education, transport, natural resources, justice, tax, agriculture,
emergency, culture & tourism, water/utilities, hotline, veterans."""

from __future__ import annotations

import datetime as dt

from v4lib import (RELIGIONS, MARITAL, DRUGS, PSYCH, COUNTIES, ESTATES, ICD, ROADS, STREETS, VILLAGES, EDU, ETHNIC, fullwidth, mask_card, mask_id,
                   mask_name, mask_phone, age_of)
from v4reg import (ADDR, ADDR_EVENT, ADDR_ORG, ADDR_PROP, AGE, C, CARD, CASE_NO, CC, CRIME, CRIME_AGG, DOB,
                   EDU as L_EDU, EMAIL, EMAIL_ORG, ETH, EVD, EVD_Q, FT_P, FT_S, GENDER, ID, INC, INC_AGG, IP,
                   LOC_FAC, LOC_HOME, LOC_TRAJ, MAR, MED, MED_AGG, NAME, NONE, NONE_Q, OCC, ORG, ORG_Q, PASS,
                   PHONE, PHONE_ORG, PID, PLATE, PLATE_Q, REGION, REGION_Q, REL, USCC, WELF, table)
from v4text import D, dfmt, dts, estate_addr, hotline_text, sex

# =========================================================================== housing provident fund


@table("fund_rent_withdrawal", "fund", "people", "住房公积金租房提取", "csv", 1600, "utf-8", ",")
def _(g, n):
    ps = g.persons(n, 22, 55, 0.4)
    return [
        C("tqywlsh", g.serial(n, "TQ", 12), NONE, "i", note="withdrawal business serial"),
        C("zgxm", [p["name"] for p in ps], NAME, "i", note="职工姓名"),
        C("zjhm", [p["id"] for p in ps], ID, "i"),
        C("grzh", [f"{g.r.randrange(10 ** 11, 10 ** 12)}" for _ in ps], CARD, "i", tags=["account_no"],
          note="公积金个人账号 (call 11)"),
        C("dwmc", [g.org_name() for _ in ps], ORG_Q, "i"),
        C("tqyy", g.choice(["租赁住房", "租赁公共租赁住房"], n), NONE, "i",
          note="renting is not hardship (kept none, unlike welfare reasons)"),
        C("zfdz", [p["addr"] for p in ps], ADDR, "i", note="the rented home = where the worker lives (personal)"),
        C("yzj", g.choice([1200, 1500, 1800, 2200, 2600, 3000, 3500], n), INC, "i", note="monthly rent paid (transaction)"),
        C("tqje", g.money(n, 1500, 18000), INC, "i"),
        C("skzh", [g.bank_card(19) for _ in ps], CARD, "i"),
        C("skyh", g.choice(["中国建设银行", "中国工商银行", "南京银行", "江苏银行"], n), NONE, "i"),
        C("sjhm", [p["mobile"] for p in ps], PHONE, "i"),
        C("blqd", g.choice(["手机公积金", "网上营业厅", "柜面"], n), NONE, "i"),
        C("tqrq", g.dates(n, D(2025, 1, 1), D(2026, 6, 20)), EVD_Q, "i"),
    ]


@table("fund_deposit_ledger", "fund", "people", "个人住房公积金缴存明细账", "parquet", 3000)
def _(g, n):
    ppl = g.persons(250, 22, 60, 0.3)
    ps = [ppl[i % 250] for i in range(n)]
    base = {p["id"]: g.choice([2490, 3000, 4500, 6000, 8000, 12000, 20000, 33000]) for p in ppl}
    accs = {p["id"]: f"{g.r.randrange(10 ** 11, 10 ** 12)}" for p in ppl}
    months = [f"2025{(i // 250) % 12 + 1:02d}" for i in range(n)]
    return [
        C("account_no", [accs[p["id"]] for p in ps], CARD, "e", tags=["account_no"]),
        C("name", [p["name"] for p in ps], NAME, "e"),
        C("id_card_masked", [mask_id(p["id"]) for p in ps], ID, "e", tags=["masked"]),
        C("unit_code", [f"D{g.r.randrange(10 ** 7):07d}" for _ in range(n)], NONE, "e", note="employer account code"),
        C("deposit_month", months, EVD_Q, "e", note="months differ within the file"),
        C("deposit_base", [base[p["id"]] for p in ps], INC, "e"),
        C("unit_rate", g.choice([0.05, 0.08, 0.10, 0.12], n), NONE, "e"),
        C("unit_amount", g.money(n, 120, 4000), INC, "e"),
        C("personal_amount", g.money(n, 120, 4000), INC, "e"),
        C("balance_after", g.money(n, 500, 300000), INC, "e"),
        C("txn_type", g.choice(["汇缴", "补缴", "结息"], n), NONE, "e"),
        C("posted_at", dts(g, n, D(2025, 1, 5), D(2025, 12, 28)), EVD_Q, "e"),
    ]


@table("fund_loan_overdue", "fund", "people", "公积金贷款逾期催收清单", "xlsx", 360)
def _(g, n):
    ps = g.persons(n, 25, 60, 0.1)
    co = g.persons(n, 25, 60, 0.1)
    return [
        C("借款合同号", g.serial(n, "GJJDK", 9), NONE, note="loan contract serial"),
        C("借款人", [p["name"] for p in ps], NAME),
        C("借款人证件号码", [" ".join([p["id"][:6], p["id"][6:14], p["id"][14:]]) if g.r.random() < 0.2 else p["id"]
                       for p in ps], ID, tags=["spaced"]),
        C("共同借款人", g.sparse([c["name"] for c in co], 0.6), NAME, tags=["sparse"]),
        C("房屋坐落", [estate_addr(g, g.county()) for _ in ps], ADDR_PROP, note="location of the home bought (call 4)"),
        C("贷款金额", g.choice([300000, 400000, 500000, 600000, 800000, 1000000], n), INC),
        C("贷款余额", g.money(n, 20000, 900000), INC),
        C("逾期期数", g.ints(n, 1, 12), INC, note="overdue instalments (call 4: PERSONAL_INCOME/sensitive)"),
        C("逾期金额", g.money(n, 2000, 60000), INC),
        C("手机", [p["mobile"] for p in ps], PHONE),
        C("单位电话", [g.landline() for _ in ps], PHONE_ORG, note="borrower's employer switchboard"),
        C("催收方式", g.choice(["短信", "电话", "上门", "律师函"], n), NONE),
        C("催收日期", g.dates(n, D(2026, 1, 1), D(2026, 6, 28)), EVD_Q),
    ]


@table("fund_employer_arrears", "fund", "organisations", "住房公积金缴存单位欠缴情况", "csv", 420, "gbk", ";")
def _(g, n):
    return [
        C("DWZH", [f"D{g.r.randrange(10 ** 7):07d}" for _ in range(n)], NONE, "i", note="单位账号"),
        C("DWMC", [g.org_name() for _ in range(n)], ORG, "i"),
        C("TYSHXYDM", [g.uscc() for _ in range(n)], USCC, "i"),
        C("DWDZ", [g.org_addr() for _ in range(n)], ADDR_ORG, "i"),
        C("QJYS", g.ints(n, 1, 36), NONE, "i", note="months in arrears of a company"),
        C("QJJE", g.money(n, 5000, 2e6), NONE, "i", note="company arrears"),
        C("QJRS", g.ints(n, 2, 400), NONE, "i"),
        C("CJZT", g.choice(["已下达责令限期缴存通知书", "已申请法院强制执行", "已补缴"], n), NONE, "i"),
        C("ZGBM", g.choice(["南京住房公积金管理中心", "苏州住房公积金管理中心"], n), ORG, "i"),
        C("TJRQ", ["2026-06-30"] * n, EVD, "i"),
    ]


# =========================================================================== education


@table("edu_preschool_aid", "education", "people", "学前教育幼儿资助名单", "csv", 900, "utf-8-sig", "\t")
def _(g, n):
    kids = g.persons(n, 3, 6, 0.05)
    par = g.persons(n, 24, 45, 0.1)
    return [
        C("幼儿姓名", [k["name"] for k in kids], NAME),
        C("幼儿身份证号", [k["id"] for k in kids], ID),
        C("性别", sex(kids), GENDER),
        C("出生日期", [dfmt(k["birth"], "slash") for k in kids], DOB),
        C("民族", g.choice(ETHNIC, n), ETH),
        C("幼儿园", g.choice(["南京市第一幼儿园", "苏州工业园区星海幼儿园", "无锡市实验幼儿园", "沛县机关幼儿园"], n), ORG_Q),
        C("班级", g.choice(["小一班", "中二班", "大三班"], n), NONE_Q),
        C("资助类别", g.choice(["建档立卡", "低保家庭", "特困供养", "残疾儿童", "孤儿"], n), WELF),
        C("资助金额", g.choice([1000, 1500, 2000], n), INC),
        C("监护人姓名", [p["name"] for p in par], NAME),
        C("监护人电话", [p["mobile"] for p in par], PHONE),
        C("家庭住址", [p["addr"] for p in par], ADDR),
        C("学年", ["2025-2026"] * n, EVD),
    ]


@table("edu_zhongkao_reg", "education", "people", "初中毕业升学考试报名信息", "jsonl", 2500)
def _(g, n):
    ps = [g.person(14, 16, 0.1) for _ in range(n)]
    return [
        C("zkzh", g.serial(n, "2026", 8), PID, "i", note="准考证号 of a candidate"),
        C("ksxm", [p["name"] for p in ps], NAME, "i"),
        C("sfzjh", [p["id"] for p in ps], ID, "i"),
        C("xjh", ["G" + p["id"] for p in ps], ID, "i", tags=["prefixed"], note="national student number G+ID (call 10)"),
        C("xb", sex(ps, "scode"), GENDER, "i"),
        C("byxx", g.choice(["南京市第二十九中学", "苏州市立达中学", "无锡市天一实验学校", "徐州市第三十六中学"], n), ORG_Q, "i"),
        C("kslb", g.choice(["应届", "往届", "随迁子女"], n), NONE_Q, "i"),
        C("tyxmxz", g.choice(["篮球;立定跳远", "足球;一分钟跳绳", "排球;实心球"], n), NONE, "i", note="chosen PE items"),
        C("jfxm", g.sparse(g.choice(["少数民族加分", "烈士子女加分", "台湾籍考生加分"], n), 0.03), WELF, "i",
          tags=["sparse"], note="bonus-point category reveals specific identity"),
        C("mkty", g.sparse(g.choice(["免考体育(残疾)", "免考体育(伤病)"], n), 0.02), MED, "i", tags=["sparse"],
          note="PE exemption for disability or illness: health"),
        C("jhrdh", [g.mobile() for _ in ps], PHONE, "i", note="guardian phone"),
        C("txdz", [p["addr"] for p in ps], ADDR, "i"),
        C("bmsj", dts(g, n, D(2026, 3, 1), D(2026, 3, 20)), EVD_Q, "i"),
    ]


@table("edu_school_canteens", "education", "organisations", "学校食堂食品安全量化分级", "parquet", 640)
def _(g, n):
    pts = [g.coord() for _ in range(n)]
    return [
        C("school_name", [f"{COUNTIES[g.county()][3:]}{g.r.choice(['实验', '第一', '城东', '育英', '新城'])}{g.r.choice(['小学', '初级中学', '中学', '幼儿园'])}"
                          for _ in range(n)], ORG, "e"),
        C("school_code", [f"{g.r.randrange(10 ** 9, 10 ** 10)}" for _ in range(n)], NONE, "e", note="学校标识码"),
        C("canteen_licence", [f"JY3{g.r.randrange(10 ** 13):013d}" for _ in range(n)], NONE, "e"),
        C("address", [g.org_addr() for _ in range(n)], ADDR_ORG, "e"),
        C("lng", [p[1] for p in pts], LOC_FAC, "e", note="school coordinates (hard negative)"),
        C("lat", [p[0] for p in pts], LOC_FAC, "e"),
        C("rating", g.choice(["A", "B", "C"], n), NONE, "e"),
        C("meals_per_day", g.ints(n, 80, 3000), NONE, "e"),
        C("operator", g.choice(["自营", "承包经营"], n), NONE, "e"),
        C("office_tel", [g.landline() for _ in range(n)], PHONE_ORG, "e"),
        C("inspect_date", g.dates(n, D(2025, 9, 1), D(2026, 6, 1)), EVD, "e"),
        C("student_count", g.ints(n, 120, 4000), NONE, "e"),
    ]


@table("edu_offcampus_training", "education", "mixed", "校外培训机构白名单", "xlsx", 380, title_row=True)
def _(g, n):
    reps = g.persons(n, 26, 65, 0.05)
    return [
        C("机构名称", [g.org_name(trade=g.r.choice(["教育科技", "艺术培训", "体育发展"]), form="有限公司") for _ in range(n)], ORG),
        C("办学许可证号", [f"教民1320{g.r.randrange(10 ** 10):010d}号" for _ in range(n)], NONE),
        C("统一社会信用代码", [g.uscc(g.r.choice(["52", "91"])) for _ in range(n)], USCC),
        C("法定代表人", [r["name"] for r in reps], NAME),
        C("法人Mobile", [r["mobile"] for r in reps], PHONE),
        C("培训类别", g.choice(["学科类", "艺术类", "体育类", "科技类"], n), NONE),
        C("办学地址", [g.org_addr() for _ in range(n)], ADDR_ORG),
        C("收费标准（元/课时）", g.choice([60, 80, 120, 150, 200], n), NONE, note="catalogue price"),
        C("资金监管账户", [g.bank_card(19) for _ in range(n)], ("BANK_CARD", "none", "other"),
          note="the organisation's supervised escrow account (company account, not a person's)"),
        C("咨询电话", [g.landline() if g.r.random() < 0.7 else "400-" + f"{g.r.randrange(1000, 9999)}-{g.r.randrange(1000, 9999)}"
                   for _ in range(n)], PHONE_ORG),
        C("审批日期", g.dates(n, D(2022, 1, 1), D(2026, 5, 1)), EVD),
    ]


# =========================================================================== transport


@table("trans_bus_card_trips", "transport", "people", "公交一卡通实名卡刷卡记录", "csv", 3000, "utf-8", ",")
def _(g, n):
    ppl = g.persons(300, 10, 85, 0.1)
    ps = [g.r.choice(ppl) for _ in range(n)]
    stops = [f"{r}{g.r.choice(['站', '东站', '北站', '公交枢纽'])}" for r in ROADS]
    return [
        C("txn_id", g.serial(n, "", 14), NONE, "e"),
        C("card_no", [f"3100{int(p['id'][6:14]) * 7 % 10 ** 8:08d}" for p in ps], PID, "e",
          note="real-name transit card number"),
        C("holder", [p["name"] for p in ps], NAME, "e"),
        C("card_type", [("学生卡" if age_of(p["birth"]) < 18 else "老年卡" if age_of(p["birth"]) >= 65 else "普通卡")
                        for p in ps], NONE_Q, "e", note="card type (student/senior): quasi"),
        C("line_no", [f"{g.r.randint(1, 180)}路" for _ in range(n)], NONE, "e"),
        C("board_stop", g.choice(stops, n), LOC_TRAJ, "e", note="boarding stop of a person with time: trajectory (call 8)"),
        C("board_time", dts(g, n, D(2026, 5, 1), D(2026, 5, 31)), EVD_Q, "e"),
        C("alight_stop", g.sparse(g.choice(stops, n), 0.7), LOC_TRAJ, "e", tags=["sparse"]),
        C("fare", g.choice([0.0, 1.0, 2.0, 0.8, 1.6], n), INC, "e", note="fare paid (call 3)"),
        C("balance", g.money(n, 0, 300), INC, "e"),
        C("device_id", [f"BUS{g.r.randrange(10 ** 5):05d}" for _ in range(n)], NONE, "e"),
    ]


@table("trans_freight_drivers", "transport", "people", "道路货物运输驾驶员从业资格", "parquet", 1400)
def _(g, n):
    ps = g.persons(n, 22, 60, 0.4)
    return [
        C("CYZGZH", [p["id"] for p in ps], ID, "i", note="从业资格证号 = resident ID"),
        C("XM", [p["name"] for p in ps], NAME, "i"),
        C("XB", sex(ps, "scode"), GENDER, "i"),
        C("CSRQ", [p["birth"] for p in ps], DOB, "i"),
        C("ZJCX", g.choice(["A2", "B2", "A1"], n), NONE, "i"),
        C("CYLB", g.choice(["道路货物运输驾驶员", "道路危险货物运输驾驶员", "道路危险货物运输押运人员"], n), OCC, "i"),
        C("FWDW", [g.org_name(trade="物流") for _ in range(n)], ORG_Q, "i"),
        C("SJHM", [int(p["mobile"]) for p in ps], PHONE, "i", tags=["int"]),
        C("JZDZ", [p["addr"] for p in ps], ADDR, "i"),
        C("XYDJ", g.choice(["AAA", "AA", "A", "B"], n), CRIME, "i", note="诚信考核等级 reflects a driver's violations"),
        C("WFJF", g.ints(n, 0, 20), CRIME, "i", note="违法记分 of the driver"),
        C("FZRQ", g.dates(n, D(2015, 1, 1), D(2026, 5, 1)), EVD_Q, "i"),
        C("YXQZ", g.dates(n, D(2026, 7, 1), D(2032, 1, 1)), EVD, "i"),
        C("CPH", [g.plate(ev_share=0.02) for _ in range(n)], PLATE_Q, "i", note="truck of the employer driven (call 15)"),
    ]


@table("trans_road_transport_licence", "transport", "organisations", "道路运输经营许可证信息", "jsonl", 700)
def _(g, n):
    return [
        C("licenceNo", [f"苏交运管许可宁字{g.r.randrange(10 ** 11, 10 ** 12)}号" for _ in range(n)], NONE, "E"),
        C("operatorName", [g.org_name(trade=g.r.choice(["物流", "运输", "客运"])) for _ in range(n)], ORG, "E"),
        C("creditCode", [g.uscc() for _ in range(n)], USCC, "E"),
        C("businessScope", g.choice(["道路普通货物运输", "货物专用运输（集装箱）", "道路危险货物运输（2类1项）", "省际包车客运"], n), NONE, "E"),
        C("officeAddress", [g.org_addr() for _ in range(n)], ADDR_ORG, "E"),
        C("vehicleCount", g.ints(n, 1, 400), NONE, "E"),
        C("serviceTel", [g.landline() for _ in range(n)], PHONE_ORG, "E"),
        C("serviceEmail", [f"service@{g.r.choice(['hdwl', 'jyys', 'sdkyun', 'ctlogistics'])}{g.r.randrange(99)}.com.cn"
                           for _ in range(n)], EMAIL_ORG, "E"),
        C("issueDate", g.dates(n, D(2018, 1, 1), D(2026, 5, 1)), EVD, "E"),
        C("validTo", g.dates(n, D(2026, 7, 1), D(2031, 1, 1)), EVD, "E"),
        C("status", g.choice(["营业", "注销", "停业"], n), NONE, "E"),
    ]


@table("trans_taxi_complaints", "transport", "people", "出租汽车服务投诉", "csv", 800, "utf-8", "|")
def _(g, n):
    ps = g.persons(n, 18, 75, 0.15)
    drivers = g.persons(n, 25, 60, 0.2)
    return [
        C("投诉单号", g.serial(n, "CZ", 10), NONE),
        C("乘客姓名", [mask_name(p["name"], g.r) for p in ps], NAME, tags=["masked"]),
        C("乘客Tel", [g.phone_form(p["mobile"]) for p in ps], PHONE, tags=["mixed_formats"]),
        C("车牌号码", [g.plate("320102", 0.3) for _ in ps], PLATE_Q, note="taxi plate of the driver complained about (call 15)"),
        C("驾驶员", [d["name"] for d in drivers], NAME),
        C("驾驶员资格证号", [d["id"] for d in drivers], ID, note="taxi qualification = resident ID (call 10)"),
        C("所属公司", [g.org_name(trade="出租汽车") for _ in ps], ORG_Q),
        C("上车地点", [f"{g.r.choice(ROADS)}{g.r.randint(1, 300)}号附近" for _ in ps], LOC_TRAJ,
          note="a passenger's pick-up place with time: trajectory (call 8)"),
        C("乘车时间", dts(g, n, D(2026, 1, 1), D(2026, 6, 28)), EVD_Q),
        C("投诉类型", g.choice(["拒载", "绕道", "多收费", "服务态度", "遗失物品"], n), NONE),
        C("投诉内容", [g.r.choice([f"司机{d['name'][0]}师傅绕路多收{g.r.randint(10, 80)}元，乘客要求退还，回电{p['mobile']}",
                                  "司机拒载，态度恶劣", f"乘客将手机遗落车内，请联系{p['mobile'][:3]}****{p['mobile'][-4:]}",
                                  "车内异味严重，空调未开"]) for p, d in zip(ps, drivers)], PHONE, tags=["free_text"],
          note="mostly mobiles and driver surnames: PHONE_NUMBER dominates"),
        C("处理结果", g.choice(["属实，扣分处理", "不属实", "调解退费"], n), CRIME, note="sanction of the driver when upheld"),
    ]


@table("trans_toll_station_flow", "transport", "aggregate", "高速公路收费站出入口车流量日报", "parquet", 1800)
def _(g, n):
    st = ["南京南", "禄口机场", "苏州新区", "无锡东", "常州", "镇江", "扬州西", "徐州东", "连云港", "盐城"]
    return [
        C("stat_date", g.dates(n, D(2026, 1, 1), D(2026, 6, 28), None), EVD, "e"),
        C("station", g.choice(st, n), NONE, "e", note="toll station: a facility"),
        C("direction", g.choice(["入口", "出口"], n), NONE, "e"),
        C("passenger_cars", g.ints(n, 500, 40000), NONE, "e"),
        C("trucks", g.ints(n, 100, 9000), NONE, "e"),
        C("etc_rate", [round(g.r.uniform(0.7, 0.98), 3) for _ in range(n)], NONE, "e"),
        C("toll_income_wan", [round(g.r.uniform(5, 300), 2) for _ in range(n)], NONE, "e", note="operator's toll revenue"),
        C("plate_province_top1", g.choice(["苏", "沪", "浙", "皖", "鲁"], n), NONE, "e"),
        C("congestion_minutes", g.ints(n, 0, 600), NONE, "e"),
        C("accidents", g.wchoice([(0, 85), (1, 10), (2, 5)], n), NONE, "e"),
    ]


# =========================================================================== natural resources / real estate


@table("res_mortgage_reg", "resources", "people", "不动产抵押权登记", "csv", 1200, "gbk", "\t")
def _(g, n):
    ps = g.persons(n, 23, 75, 0.15)
    return [
        C("bdcdyh", [f"{g.county()}{g.r.randrange(10 ** 6):06d}GB{g.r.randrange(10 ** 5):05d}F{g.r.randrange(10 ** 8):08d}"
                     for _ in range(n)], NONE, "i", note="不动产单元号 (land-registry unit; v2 call none)"),
        C("djzmh", [f"苏(2025)南京市不动产证明第{g.r.randrange(10 ** 7):07d}号" for _ in range(n)], PID, "i",
          note="registration certificate number of a person's right"),
        C("dyr", [p["name"] for p in ps], NAME, "i", note="抵押人 (mortgagor)"),
        C("dyrzjh", [p["id"] for p in ps], ID, "i"),
        C("dyqr", g.choice(["中国建设银行股份有限公司南京分行", "中国工商银行股份有限公司苏州分行", "江苏银行股份有限公司无锡分行"], n), ORG,
          "i", note="抵押权人 (the bank)"),
        C("zl", [estate_addr(g, g.county()) for _ in ps], ADDR_PROP, "i", note="坐落 of a person's property (call 4)"),
        C("mj", [round(g.r.uniform(45, 220), 2) for _ in range(n)], INC, "i", note="floor area (call 4)"),
        C("bdbzqse", g.money(n, 1e5, 3e6), INC, "i", note="secured debt amount"),
        C("zwlxqx", [f"{d}至{d.replace(year=d.year + g.r.choice([10, 20, 30]))}" for d in g.dates(n, D(2024, 1, 1), D(2026, 5, 1), None)],
          EVD_Q, "i", note="debt term"),
        C("dyfs", g.choice(["一般抵押", "最高额抵押"], n), NONE, "i"),
        C("lxdh", [p["mobile"] for p in ps], PHONE, "i"),
        C("djsj", g.dates(n, D(2024, 1, 1), D(2026, 6, 1)), EVD_Q, "i"),
    ]


@table("res_reg_appointment", "resources", "people", "不动产登记网上预约", "jsonl", 1500)
def _(g, n):
    ps = g.persons(n, 20, 80, 0.15)
    return [
        C("yuyue_bianhao", g.serial(n, "YY", 10), NONE, "p", note="appointment serial"),
        C("yuyue_ren", [p["name"] for p in ps], NAME, "p"),
        C("zhengjian_haoma", [mask_id(p["id"]) if g.r.random() < 0.5 else p["id"] for p in ps], ID, "p", tags=["masked"]),
        C("shouji_haoma", [p["mobile"] for p in ps], PHONE, "p"),
        C("yewu_leixing", g.choice(["二手房转移登记", "抵押注销", "继承登记", "更正登记", "查询不动产登记信息"], n), NONE, "p",
          note="business type (继承 hints a death in the family; kept none as an event category)"),
        C("banli_dating", g.choice(["南京市不动产登记中心鼓楼分中心", "苏州市不动产登记中心姑苏分中心"], n), ORG_Q, "p"),
        C("yuyue_shijian", dts(g, n, D(2026, 6, 1), D(2026, 7, 15)), EVD_Q, "p"),
        C("dengji_ip", [g.ip() for _ in range(n)], IP, "p"),
        C("zhuangtai", g.choice(["已预约", "已取号", "已取消", "爽约"], n), NONE, "p"),
        C("dating_dianhua", g.choice(["025-83608000", "0512-68256500"], n), PHONE_ORG, "p"),
    ]


@table("res_land_transfer", "resources", "organisations", "国有建设用地使用权出让结果公示", "csv", 360, "utf-8", ",")
def _(g, n):
    return [
        C("dkbh", [f"NO.2025G{g.r.randrange(10, 99)}" for _ in range(n)], NONE, "i", note="plot number"),
        C("dkwz", [f"{COUNTIES[g.county()]}{g.r.choice(ROADS)}以东、{g.r.choice(ROADS)}以南" for _ in range(n)], ADDR_ORG, "i",
          note="location of a land plot"),
        C("tdyt", g.choice(["住宅用地", "商服用地", "工业用地"], n), NONE, "i"),
        C("crmj", [round(g.r.uniform(5000, 200000), 2) for _ in range(n)], NONE, "i"),
        C("crnx", g.choice([40, 50, 70], n), NONE, "i"),
        C("cjjg", g.money(n, 1e6, 5e9), NONE, "i", note="transaction price paid by a company"),
        C("srdw", [g.org_name(trade=g.r.choice(["房地产开发", "置业"]), form="有限公司") for _ in range(n)], ORG, "i"),
        C("qdrq", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD, "i"),
        C("zxjd", [round(g.r.uniform(118.4, 121.0), 6) for _ in range(n)], LOC_FAC, "i", note="plot centre longitude"),
        C("zxwd", [round(g.r.uniform(31.3, 34.5), 6) for _ in range(n)], LOC_FAC, "i"),
    ]


@table("res_rural_house_safety", "resources", "people", "农村房屋安全隐患排查", "xlsx", 1100, title_row=True)
def _(g, n):
    ps = g.persons(n, 30, 92, 0.0)
    pts = [g.coord() for _ in range(n)]
    return [
        C("房屋编码", g.serial(n, "NF32", 10), NONE, note="survey record code of a house"),
        C("户主姓名", [p["name"] for p in ps], NAME),
        C("户主身份证", [p["id"] for p in ps], ID),
        C("联系电话", [str(int(p["mobile"])) + ".0" if g.r.random() < 0.1 else p["mobile"] for p in ps], PHONE,
          tags=["dirty"], note="some numbers exported as floats"),
        C("房屋地址", [f"{COUNTIES[p['county']]}{g.r.choice(STREETS)}{g.r.choice(VILLAGES)}{g.r.randint(1, 15)}组{g.r.randint(1, 80)}号"
                   for p in ps], ADDR_PROP, note="owner's own house (call 4)"),
        C("GPS经度", [p[1] for p in pts], LOC_HOME, note="home coordinates (call 8)"),
        C("GPS纬度", [p[0] for p in pts], LOC_HOME),
        C("结构类型", g.choice(["砖混", "砖木", "土木", "钢混", "石结构"], n), NONE),
        C("层数", g.ints(n, 1, 4), NONE),
        C("建造年代", g.choice(["1980年以前", "1981-1990年", "1991-2000年", "2001-2010年", "2011年以后"], n), NONE),
        C("排查结论", g.choice(["安全", "存在隐患", "C级危房", "D级危房"], n), WELF, note="house-damage status (call 4)"),
        C("是否低收入户", g.wchoice([("否", 85), ("是", 15)], n), WELF),
        C("排查人", g.choice([g.cname() for _ in range(10)], n), NAME),
        C("排查日期", g.dates(n, D(2025, 3, 1), D(2026, 6, 1)), EVD),
    ]


# =========================================================================== courts / justice


@table("justice_civil_hearing_notice", "justice", "people", "民事案件开庭公告", "csv", 1100, "utf-8", ",")
def _(g, n):
    pl = g.persons(n, 20, 80, 0.1)
    df = g.persons(n, 20, 80, 0.1)
    causes = g.choice(["离婚纠纷", "民间借贷纠纷", "机动车交通事故责任纠纷", "劳动争议", "信用卡纠纷", "房屋租赁合同纠纷",
                       "抚养费纠纷", "医疗损害责任纠纷", "买卖合同纠纷"], n)
    comp = [g.r.random() < 0.25 for _ in range(n)]
    return [
        C("case_no", [f"（2026）苏{g.r.choice(['0102', '0508', '0213', '0311'])}民初{g.r.randint(1, 9999)}号" for _ in range(n)],
          CASE_NO, "e", note="court case number (call 6)"),
        C("cause_of_action", causes, (None, "sensitive", "sensitive"), "e",
          note="civil causes reveal divorce, debts, card default, medical harm (Annex B 婚史/信贷记录/健康): sensitive, null"),
        C("plaintiff", [p["name"] if not c else g.org_name() for p, c in zip(pl, comp)], NAME, "e",
          note="25% companies (call 12)"),
        C("defendant", [mask_name(d["name"], g.r) if g.r.random() < 0.3 else d["name"] for d in df], NAME, "e",
          tags=["masked"]),
        C("hearing_time", dts(g, n, D(2026, 6, 1), D(2026, 8, 31)), EVD_Q, "e"),
        C("court", g.choice(["南京市玄武区人民法院", "苏州市姑苏区人民法院", "无锡市梁溪区人民法院", "徐州市泉山区人民法院"], n), ORG_Q, "e"),
        C("courtroom", g.choice(["第一法庭", "第三法庭", "第七法庭", "远程庭审室"], n), NONE, "e"),
        C("judge", g.choice([g.cname() for _ in range(15)], n), NAME, "e"),
        C("clerk", g.choice([g.cname() for _ in range(15)], n), NAME, "e"),
        C("court_tel", g.choice(["025-84412000", "0512-65220000", "12368"], n), PHONE_ORG, "e"),
    ]


@table("justice_notary_applications", "justice", "people", "公证事项申办登记", "parquet", 900)
def _(g, n):
    ps = g.persons(n, 18, 90, 0.1)
    matters = g.choice(["出生公证", "无犯罪记录公证", "学历公证", "继承公证", "委托公证", "遗嘱公证", "婚姻状况公证", "亲属关系公证"], n)
    return [
        C("gzsh", [f"（2026）苏宁石证字第{g.r.randrange(10 ** 4, 10 ** 5)}号" for _ in range(n)], NONE, "i",
          note="notarial certificate serial (document of a matter)"),
        C("sqrxm", [p["name"] for p in ps], NAME, "i"),
        C("sqrzjlx", g.wchoice([("居民身份证", 9), ("护照", 1)], n), NONE, "i"),
        C("sqrzjhm", [p["id"] if g.r.random() < 0.9 else g.passport("cn") for p in ps], ID, "i", tags=["mixed_docs"]),
        C("sqr_xpy", [g.pinyin_of(p["name"], "parts")[0].upper() for p in ps], NAME, "i",
          note="申请人姓拼音: surname in pinyin for a notarial translation"),
        C("sqr_mpy", [g.pinyin_of(p["name"], "parts")[1].upper() for p in ps], NAME, "i", note="given name in pinyin"),
        C("hzhm", g.sparse([g.passport("cn") for _ in range(n)], 0.35), PASS, "i", tags=["sparse"],
          note="applicant's passport for a notarisation used abroad"),
        C("sqrdh", [p["mobile"] for p in ps], PHONE, "i"),
        C("gzsx", matters, NONE, "i", note="matter type (wills/inheritance are family events; kept none)"),
        C("syd", g.choice(["美国", "加拿大", "澳大利亚", "日本", "国内使用", "英国"], n), NONE, "i"),
        C("gzy", g.choice([g.cname() for _ in range(8)], n), NAME, "i", note="notary (staff)"),
        C("sfje", g.choice([80, 100, 200, 300, 500], n), NONE, "i", note="statutory notary fee (call 3)"),
        C("slrq", g.dates(n, D(2025, 6, 1), D(2026, 6, 1)), EVD_Q, "i"),
        C("bz", g.sparse([f"代理人{g.cname()}，电话{g.mobile()}" for _ in range(n)], 0.12), NAME, "i",
          tags=["sparse", "free_text"], note="remarks naming an agent with a mobile"),
    ]


@table("justice_lawyer_roster", "justice", "people", "律师执业信息", "xlsx", 820)
def _(g, n):
    ps = g.persons(n, 24, 70, 0.1)
    return [
        C("lawyerName", [p["name"] for p in ps], NAME, "E"),
        C("licenseNo", [f"1320{g.r.randint(2000, 2026)}{g.r.randrange(10 ** 7):07d}" for _ in range(n)], PID, "E",
          note="lawyer's practising certificate (call 15)"),
        C("gender", sex(ps), GENDER, "E"),
        C("politicalStatus", g.choice(["中共党员", "群众", "民主党派"], n), NONE_Q, "E", note="call 7"),
        C("education", g.choice(["本科", "硕士研究生", "博士研究生"], n), L_EDU, "E"),
        C("lawFirm", [g.r.choice(["江苏", "南京", "苏州"]) + g.r.choice(["金陵", "天衡", "苏源", "东恒", "致邦"]) + "律师事务所"
                      for _ in range(n)], ORG_Q, "E"),
        C("firmTel", [g.landline() for _ in range(n)], PHONE_ORG, "E"),
        C("practiceArea", g.choice(["民商事", "刑事辩护", "知识产权", "劳动争议", "公司法务"], n), NONE, "E"),
        C("firstPracticeYear", g.ints(n, 1995, 2025), EVD_Q, "E"),
        C("annualAssessment", g.choice(["称职", "基本称职", "不称职"], n), NONE, "E"),
        C("disciplinaryRecord", g.wchoice([(None, 95), ("警告", 3), ("停止执业三个月", 2)], n), CRIME, "E",
          tags=["sparse"], note="sanctions of a lawyer (violation record of a person)"),
    ]


@table("justice_judicial_appraisal", "justice", "people", "司法鉴定委托受理", "jsonl", 540)
def _(g, n):
    ps = g.persons(n, 3, 85, 0.15)
    kinds = g.choice(["法医临床鉴定", "法医精神病鉴定", "法医物证(亲子)鉴定", "痕迹鉴定", "文书鉴定"], n)
    return [
        C("caseId", g.serial(n, "SJ2026", 5), NONE, "E"),
        C("appraisee", [p["name"] for p in ps], NAME, "E", note="被鉴定人"),
        C("appraiseeId", [p["id"] for p in ps], ID, "E"),
        C("appraiseeAge", [age_of(p["birth"]) for p in ps], AGE, "E"),
        C("appraisalType", kinds, MED, "E", note="forensic psychiatric / clinical / paternity: health & genetic"),
        C("appraisalResult", g.choice(["轻伤二级", "轻微伤", "重伤二级", "具有完全刑事责任能力", "限制刑事责任能力",
                                      "支持亲生关系", "伤残十级"], n), MED, "E"),
        C("commissioner", g.choice(["南京市公安局玄武分局", "苏州市姑苏区人民法院", "无锡市滨湖区人民检察院", "律师事务所"], n), ORG, "E"),
        C("fee", g.choice([1500, 2400, 3000, 4500], n), INC, "E", note="fee paid by the person (transaction)"),
        C("agent", g.choice([g.cname() for _ in range(10)], n), NAME, "E"),
        C("acceptedOn", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD_Q, "E"),
    ]


# =========================================================================== tax


@table("tax_iit_annual_refund", "tax", "people", "个人所得税综合所得年度汇算退税", "parquet", 2400)
def _(g, n):
    ps = g.persons(n, 22, 65, 0.2)
    return [
        C("nsrsbh", [p["id"] for p in ps], ID, "i", note="纳税人识别号 of a natural person = resident ID"),
        C("nsrxm", [p["name"] for p in ps], NAME, "i"),
        C("gzxjsd", g.money(n, 30000, 600000), INC, "i", note="wage income"),
        C("lwbcsd", g.sparse(g.money(n, 1000, 80000), 0.3), INC, "i", tags=["sparse"]),
        C("zxfjkc", g.choice([0, 12000, 24000, 36000, 48000, 60000], n), INC, "i", note="special additional deductions (v3 call)"),
        C("ynse", g.money(n, 0, 80000), INC, "i"),
        C("yjse", g.money(n, 0, 80000), INC, "i"),
        C("ytse", g.money(n, 0, 8000), INC, "i"),
        C("tskh", [mask_card(g.bank_card()) for _ in range(n)], CARD, "i", tags=["masked"]),
        C("sbqd", g.choice(["个人所得税APP", "扣缴义务人代办", "办税服务厅"], n), NONE, "i"),
        C("zgswjg", g.choice(["国家税务总局南京市鼓楼区税务局", "国家税务总局苏州工业园区税务局"], n), ORG_Q, "i"),
        C("sbrq", g.dates(n, D(2026, 3, 1), D(2026, 6, 30)), EVD_Q, "i"),
    ]


@table("tax_natural_person_invoice", "tax", "people", "自然人代开增值税发票", "csv", 1300, "gbk", "|")
def _(g, n):
    ps = g.persons(n, 20, 75, 0.25)
    return [
        C("发票号码", [f"{g.r.randrange(10 ** 19, 10 ** 20)}" for _ in range(n)], NONE, note="20-digit e-invoice number"),
        C("销售方名称", [p["name"] for p in ps], NAME, note="the seller is a natural person"),
        C("销售方纳税人识别号", [p["id"] for p in ps], ID),
        C("购买方名称", [g.org_name() for _ in range(n)], ORG),
        C("购买方识别号", [g.uscc() for _ in range(n)], USCC),
        C("项目名称", g.choice(["*劳务*咨询服务", "*经纪代理服务*", "*租赁服务*房屋租赁", "*设计服务*"], n), NONE),
        C("金额", g.money(n, 500, 100000), INC, note="a person's service income"),
        C("税额", g.money(n, 5, 3000), INC),
        C("开票日期", g.dates(n, D(2025, 7, 1), D(2026, 6, 28)), EVD_Q),
        C("代开税务机关", g.choice(["国家税务总局南京市玄武区税务局", "国家税务总局无锡市梁溪区税务局"], n), ORG),
        C("销售方电话", [p["mobile"] for p in ps], PHONE),
        C("销售方开户行及账号", [f"{g.r.choice(['中国银行', '交通银行', '江苏银行'])}{g.bank_card()}" for _ in range(n)], CARD,
          tags=["prefixed"], note="bank name followed by card number"),
    ]


@table("tax_arrears_announcement", "tax", "mixed", "欠税公告", "jsonl", 450,
       note="public arrears notice of companies that names their legal representatives")
def _(g, n):
    reps = g.persons(n, 30, 70, 0.1)
    return [
        C("taxpayer_name", [g.org_name() for _ in range(n)], ORG, "e"),
        C("taxpayer_id", [g.uscc() for _ in range(n)], USCC, "e"),
        C("legal_rep_name", [r["name"] for r in reps], NAME, "e"),
        C("legal_rep_id_no", [mask_id(r["id"]) if g.r.random() < 0.6 else r["id"] for r in reps], ID, "e",
          tags=["masked"]),
        C("business_address", [g.org_addr() for _ in range(n)], ADDR_ORG, "e"),
        C("tax_type", g.choice(["增值税", "企业所得税", "城镇土地使用税", "房产税", "印花税"], n), NONE, "e"),
        C("arrears_balance", g.money(n, 1000, 5e6), NONE, "e", note="company tax arrears"),
        C("new_arrears", g.money(n, 0, 5e5), NONE, "e"),
        C("period", g.choice(["2025年第四季度", "2026年第一季度"], n), EVD, "e"),
        C("tax_office", g.choice(["国家税务总局南京市税务局", "国家税务总局苏州市税务局"], n), ORG, "e"),
    ]


# =========================================================================== agriculture


@table("agri_crop_insurance", "agriculture", "people", "政策性农业保险投保清单", "xlsx", 1500, title_row=True)
def _(g, n):
    ps = g.persons(n, 30, 80, 0.0)
    area = [round(g.r.uniform(0.5, 120), 2) for _ in range(n)]
    return [
        C("保单号", g.serial(n, "PPXZ2026", 9), NONE),
        C("被保险人", [p["name"] for p in ps], NAME),
        C("被保险人身份证号", [p["id"] for p in ps], ID),
        C("村组", [f"{g.r.choice(STREETS)}{g.r.choice(VILLAGES)}{g.r.randint(1, 12)}组" for _ in range(n)], REGION_Q,
          note="village group of residence"),
        C("险种", g.choice(["水稻种植保险", "小麦种植保险", "能繁母猪保险", "设施大棚保险"], n), NONE),
        C("投保面积(亩)", area, INC, note="contracted land insured (call 4)"),
        C("保险金额", [round(a * 1000, 2) for a in area], INC),
        C("农户自缴保费", [round(a * 6, 2) for a in area], INC),
        C("财政补贴保费", [round(a * 24, 2) for a in area], INC, note="premium paid by government for this farmer: a subsidy (call 3)"),
        C("理赔金额", g.sparse(g.money(n, 100, 20000), 0.2), INC, tags=["sparse"]),
        C("一卡通账号", [g.bank_card(19) for _ in range(n)], CARD),
        C("联系电话", [p["mobile"] for p in ps], PHONE),
    ]


@table("agri_collective_members", "agriculture", "people", "农村集体经济组织成员身份确认名册", "csv", 2000, "utf-8", ",")
def _(g, n):
    heads = g.persons(n // 3 + 1, 35, 85, 0.0)
    rows = []
    for i in range(n):
        h = heads[i // 3]
        if i % 3 == 0:
            rows.append((h, "户主", h))
        else:
            m = g.person(1, 90, 0.0)
            m["name"] = h["name"][0] + m["name"][1:] if g.r.random() < 0.6 else m["name"]
            rows.append((h, g.r.choice(["配偶", "子", "女", "孙子", "孙女", "母亲"]), m))
    return [
        C("cydm", g.serial(n, "JT", 9), PID, "i", note="member code"),
        C("hh", [f"{int(h['id'][6:14]) % 10 ** 6:06d}" for h, _, _ in rows], PID, "i", note="户号 (call 1)"),
        C("hzxm", [h["name"] for h, _, _ in rows], NAME, "i"),
        C("cyxm", [m["name"] for _, _, m in rows], NAME, "i"),
        C("yhzgx", [r for _, r, _ in rows], NONE, "i"),
        C("sfzhm", [m["id"] for _, _, m in rows], ID, "i"),
        C("xb", sex([m for _, _, m in rows]), GENDER, "i"),
        C("cyrq", g.dates(n, D(1983, 1, 1), D(2025, 12, 31)), EVD_Q, "i", note="date of becoming a member"),
        C("gfs", [round(g.r.choice([0.5, 1, 1, 1.5]), 1) for _ in range(n)], INC, "i", note="collective shares held"),
        C("fhje", g.money(n, 0, 6000), INC, "i", note="dividend of a person"),
        C("ssjjzz", [f"{g.r.choice(STREETS)}{g.r.choice(VILLAGES)}股份经济合作社" for _ in range(n)], ORG_Q, "i"),
    ]


@table("agri_pesticide_dealers", "agriculture", "mixed", "农药经营许可证信息", "parquet", 520)
def _(g, n):
    heads = g.persons(n, 25, 70, 0.05)
    pts = [g.coord() for _ in range(n)]
    return [
        C("licence_no", [f"农药经许（苏）{g.r.randrange(10 ** 13, 10 ** 14)}" for _ in range(n)], NONE, "e"),
        C("dealer_name", [g.org_name(trade="农资", form=g.r.choice(["有限公司", "经营部", "农资店"])) for _ in range(n)], ORG, "e"),
        C("credit_code", [g.uscc(g.r.choice(["91", "92"])) for _ in range(n)], USCC, "e"),
        C("person_in_charge", [h["name"] for h in heads], NAME, "e", note="负责人"),
        C("pic_mobile", [h["mobile"] for h in heads], PHONE, "e"),
        C("shop_address", [g.org_addr() for _ in range(n)], ADDR_ORG, "e"),
        C("store_lon", [p[1] for p in pts], LOC_FAC, "e"),
        C("store_lat", [p[0] for p in pts], LOC_FAC, "e"),
        C("restricted_pesticides", g.choice(["是", "否"], n), NONE, "e"),
        C("valid_until", g.dates(n, D(2026, 7, 1), D(2031, 6, 1)), EVD, "e"),
        C("issuer", g.choice(["南京市农业农村局", "盐城市农业农村局", "徐州市农业农村局"], n), ORG, "e"),
    ]


@table("agri_produce_prices", "agriculture", "aggregate", "重点农产品批发价格周报", "csv", 520, "gbk", ",")
def _(g, n):
    items = ["猪肉白条", "活鸡", "鲫鱼", "大白菜", "黄瓜", "土豆", "苹果", "香蕉", "鸡蛋", "大米"]
    return [
        C("周次", [f"2026年第{g.r.randint(1, 26)}周" for _ in range(n)], EVD),
        C("品种", g.choice(items, n), NONE),
        C("均价(元/公斤)", g.money(n, 1.5, 40), NONE),
        C("最高价", g.money(n, 2, 50), NONE),
        C("最低价", g.money(n, 1, 30), NONE),
        C("环比", [f"{g.r.uniform(-12, 12):.1f}%" for _ in range(n)], NONE),
        C("交易量(吨)", g.money(n, 10, 900), NONE),
        C("采价点", g.choice(["南京众彩", "苏州南环桥", "无锡朝阳", "徐州七里沟", "淮安清江"], n), ORG),
        C("主要产地", g.choice(["山东寿光", "江苏沛县", "安徽砀山", "云南元谋", "江苏兴化"], n), REGION),
        C("到货量(车)", g.ints(n, 5, 400), NONE),
    ]


# =========================================================================== emergency management


@table("emerg_special_ops_cert", "emergency", "people", "特种作业操作证信息", "jsonl", 1800)
def _(g, n):
    ps = g.persons(n, 18, 60, 0.35)
    return [
        C("zhengshu_bianhao", [("T" if g.r.random() < 0.5 else "") + p["id"] for p in ps], ID, "p", tags=["prefixed"],
          note="certificate number = T + resident ID"),
        C("xingming", [p["name"] for p in ps], NAME, "p"),
        C("xingbie", sex(ps), GENDER, "p"),
        C("chusheng_riqi", [dfmt(p["birth"], "dot") for p in ps], DOB, "p"),
        C("wenhua_chengdu", g.choice(["初中", "高中", "中专", "大专", "本科"], n), L_EDU, "p"),
        C("zuoye_leibie", g.choice(["电工作业", "焊接与热切割作业", "高处作业", "制冷与空调作业", "危险化学品安全作业"], n), OCC, "p"),
        C("zhunzao_xiangmu", g.choice(["低压电工作业", "熔化焊接与热切割作业", "登高架设作业", "高处安装维护拆除作业"], n), NONE, "p"),
        C("kaoshi_chengji", [f"{g.r.randint(60, 100)}/{g.r.randint(60, 100)}" for _ in range(n)], (None, "personal", "sensitive"), "p",
          note="theory/practical exam score of a person (v2 call for exam scores)"),
        C("gongzuo_danwei", [g.org_name(trade=g.r.choice(["建设工程", "机械制造", "电子"])) for _ in range(n)], ORG_Q, "p"),
        C("lianxi_dianhua", [p["mobile"] for p in ps], PHONE, "p"),
        C("chuling_riqi", g.dates(n, D(2016, 1, 1), D(2026, 5, 1)), EVD_Q, "p"),
        C("fuzheng_jiguan", g.choice(["江苏省应急管理厅", "南京市应急管理局"], n), ORG, "p"),
    ]


@table("emerg_flood_duty", "emergency", "mixed", "防汛防台责任人名单", "csv", 460, "utf-8", ";",
       note="facilities (reservoirs, dikes, sluices) with the persons responsible")
def _(g, n):
    a = g.persons(n, 30, 60, 0.0)
    t = g.persons(n, 25, 60, 0.0)
    pts = [g.coord() for _ in range(n)]
    return [
        C("工程名称", [f"{g.r.choice(['石塘', '横山', '团结', '大泉', '方便', '天生港'])}{g.r.choice(['水库', '闸站', '圩堤', '泵站'])}"
                   for _ in range(n)], NONE, note="name of a facility"),
        C("工程类型", g.choice(["小(1)型水库", "小(2)型水库", "中型水库", "堤防", "水闸"], n), NONE),
        C("所在地", [COUNTIES[g.county()] + g.r.choice(STREETS) for _ in range(n)], REGION),
        C("坝址经度", [p[1] for p in pts], LOC_FAC),
        C("坝址纬度", [p[0] for p in pts], LOC_FAC),
        C("行政责任人", [x["name"] for x in a], NAME),
        C("行政责任人职务", g.choice(["镇长", "副区长", "党委书记", "村主任"], n), NONE, note="post title of an official"),
        C("行政责任人手机", [x["mobile"] for x in a], PHONE),
        C("技术责任人", [x["name"] for x in t], NAME),
        C("技术责任人电话", [x["mobile"] if g.r.random() < 0.7 else g.landline() for x in t], PHONE),
        C("巡查责任人", [g.cname() for _ in range(n)], NAME),
        C("值班电话", [g.landline() for _ in range(n)], PHONE_ORG, note="duty room landline"),
        C("更新日期", ["2026-04-15"] * n, EVD),
    ]


@table("emerg_disaster_loss_stats", "emergency", "aggregate", "自然灾害灾情统计", "jsonl", 300)
def _(g, n):
    return [
        C("eventName", [f"2025年第{g.r.randint(1, 20)}号台风" if g.r.random() < 0.5 else g.r.choice(["梅汛期强降雨", "冰雹", "龙卷风", "干旱"])
                        for _ in range(n)], NONE, "E"),
        C("county", [COUNTIES[g.county()] for _ in range(n)], REGION, "E"),
        C("startDate", g.dates(n, D(2025, 5, 1), D(2025, 10, 31)), EVD, "E"),
        C("affectedPeople", g.ints(n, 0, 80000), NONE, "E"),
        C("evacuated", g.ints(n, 0, 20000), NONE, "E"),
        C("deaths", g.wchoice([(0, 95), (1, 4), (3, 1)], n), NONE, "E"),
        C("collapsedHouses", g.ints(n, 0, 200), NONE, "E"),
        C("cropAreaHa", [round(g.r.uniform(0, 9000), 1) for _ in range(n)], NONE, "E"),
        C("directLossWan", [round(g.r.uniform(0, 50000), 1) for _ in range(n)], NONE, "E"),
        C("reliefFundWan", [round(g.r.uniform(0, 2000), 1) for _ in range(n)], INC_AGG, "E", note="relief funds total (call 9)"),
    ]


# =========================================================================== culture & tourism


@table("cult_museum_booking", "culture", "people", "博物馆参观预约记录", "parquet", 3000)
def _(g, n):
    kinds = g.wchoice([("id", 85), ("passport", 5), ("hk", 4), ("tw", 2), ("foreign", 4)], n)
    ps = g.persons(n, 4, 85, 0.3)
    docs, names = [], []
    for k, p in zip(kinds, ps):
        if k == "id":
            docs.append(p["id"])
            names.append(p["name"])
        elif k == "foreign":
            docs.append(g.passport("foreign"))
            names.append(g.foreign_name())
        else:
            docs.append(g.passport({"passport": "cn", "hk": "hkres", "tw": "twres"}[k]))
            names.append(g.pinyin_of(p["name"]) if k == "passport" and g.r.random() < 0.5 else p["name"])
    return [
        C("order_no", g.serial(n, "MB", 12), NONE, "e"),
        C("visitor_name", names, NAME, "e"),
        C("doc_type", [{"id": "身份证", "passport": "护照", "hk": "港澳居民来往内地通行证", "tw": "台湾居民来往大陆通行证",
                        "foreign": "外国护照"}[k] for k in kinds], NONE, "e"),
        C("doc_no", docs, ID, "e", tags=["mixed_docs"], note="85% resident IDs, rest passports/permits (call 10)"),
        C("mobile", [p["mobile"] for p in ps], PHONE, "e"),
        C("visit_date", g.dates(n, D(2026, 5, 1), D(2026, 7, 31), None), EVD_Q, "e"),
        C("time_slot", g.choice(["09:00-11:00", "11:00-13:00", "13:00-15:00", "15:00-17:00"], n), NONE, "e"),
        C("ticket_type", [("儿童免费" if age_of(p["birth"]) < 14 else "老人免费" if age_of(p["birth"]) >= 65 else
                           g.r.choice(["免费", "特展票"])) for p in ps], NONE, "e", note="ticket tier"),
        C("ticket_price", g.choice([0, 0, 0, 30, 60], n), NONE, "e", note="catalogue price"),
        C("group_leader", g.sparse([g.cname() for _ in range(n)], 0.15), NAME, "e", tags=["sparse"]),
        C("entered", g.choice(["是", "否"], n), NONE, "e"),
        C("channel_ip", [g.ip() for _ in range(n)], IP, "e"),
    ]


@table("cult_homestay_register", "culture", "mixed", "民宿登记备案", "csv", 420, "utf-8", "|")
def _(g, n):
    ops = g.persons(n, 25, 70, 0.1)
    pts = [g.coord() for _ in range(n)]
    return [
        C("msmc", [f"{g.r.choice(['山语', '竹里', '听溪', '云栖', '隐庐', '渔舍'])}{g.r.choice(['民宿', '客栈', '小院'])}" for _ in range(n)],
          ORG, "i"),
        C("tyshxydm", [g.uscc(g.r.choice(["92", "91"])) for _ in range(n)], USCC, "i"),
        C("jyz", [o["name"] for o in ops], NAME, "i", note="operator (often the house owner)"),
        C("jyzsfz", [o["id"] for o in ops], ID, "i"),
        C("jyzsj", [o["mobile"] for o in ops], PHONE, "i"),
        C("yddh", [f"400-{g.r.randrange(1000, 9999)}-{g.r.randrange(1000, 9999)}" if g.r.random() < 0.4 else o["mobile"]
                   for o in ops], PHONE, "i", note="booking phone: 60% the operator's mobile, so personal"),
        C("dz", [f"{COUNTIES[g.county()]}{g.r.choice(STREETS)}{g.r.choice(VILLAGES)}{g.r.randint(1, 90)}号" for _ in range(n)],
          ADDR_ORG, "i", note="business premises (call 13)"),
        C("jd", [p[1] for p in pts], LOC_FAC, "i"),
        C("wd", [p[0] for p in pts], LOC_FAC, "i"),
        C("kfs", g.ints(n, 2, 14), NONE, "i"),
        C("zdjg", g.choice([180, 260, 380, 580, 880], n), NONE, "i", note="room price"),
        C("pddj", g.choice(["甲级", "乙级", "未评级"], n), NONE, "i"),
        C("barq", g.dates(n, D(2020, 1, 1), D(2026, 5, 1)), EVD, "i"),
    ]


@table("cult_art_training_signup", "culture", "people", "文化馆公益培训报名", "csv", 1200, "utf-8", ",")
def _(g, n):
    ps = g.persons(n, 6, 78, 0.1)
    return [
        C("报名序号", list(range(100001, 100001 + n)), NONE),
        C("学员姓名", [p["name"] for p in ps], NAME),
        C("学员ID号", [p["id"] for p in ps], ID),
        C("年龄", [age_of(p["birth"]) for p in ps], AGE),
        C("课程", g.choice(["少儿书法", "少儿美术", "合唱", "太极拳", "古筝", "摄影", "广场舞", "智能手机使用"], n), NONE),
        C("联系人", [p["name"] if age_of(p["birth"]) >= 18 else g.cname() for p in ps], NAME, note="the learner or a parent"),
        C("联系电话", [p["mobile"] for p in ps], PHONE),
        C("特殊需求", g.placeholders(g.sparse(g.choice(["轮椅通行", "听力障碍需手语", "哮喘，避免剧烈运动", "花生过敏"], n), 0.1), 0.3),
          MED, tags=["sparse", "placeholder"], note="special needs: disabilities, allergies"),
        C("报名时间", dts(g, n, D(2026, 2, 1), D(2026, 3, 1)), EVD_Q),
        C("录取结果", g.choice(["录取", "候补", "未录取"], n), NONE),
    ]


# =========================================================================== water / utilities


@table("water_arrears_households", "water", "people", "居民用水欠费催缴名单", "csv", 1000, "gbk", ",")
def _(g, n):
    ps = g.persons(n, 25, 90, 0.1)
    return [
        C("用户号", [f"{g.r.randrange(10 ** 9, 10 ** 10)}" for _ in range(n)], PID, note="water customer account (household, call 1)"),
        C("户名", [mask_name(p["name"], g.r) if g.r.random() < 0.3 else p["name"] for p in ps], NAME, tags=["masked"]),
        C("用水地址", [estate_addr(g, g.county()) for _ in ps], ADDR),
        C("表号", [f"SB{g.r.randrange(10 ** 8):08d}" for _ in range(n)], NONE, note="meter number (a device)"),
        C("水表口径", g.choice(["DN15", "DN20", "DN25"], n), NONE),
        C("欠费月数", g.ints(n, 2, 18), INC, note="arrears of a household bill"),
        C("欠费金额", g.money(n, 60, 3000), INC),
        C("违约金", g.money(n, 0, 300), INC),
        C("手机", [p["mobile"] for p in ps], PHONE),
        C("固话TEL", g.sparse([g.landline(dash=False) for _ in range(n)], 0.25), PHONE, tags=["sparse"],
          note="home landline of the household"),
        C("催缴日期", g.dates(n, D(2026, 4, 1), D(2026, 6, 28)), EVD_Q),
        C("营业所", g.choice(["城东营业所", "城西营业所", "江北营业所"], n), ORG),
        C("客服热线", ["96889"] * n, PHONE_ORG),
    ]


@table("water_gas_safety_checks", "water", "people", "管道燃气用户入户安检记录", "jsonl", 2200)
def _(g, n):
    ps = g.persons(n, 25, 95, 0.15)
    return [
        C("ajdh", g.serial(n, "AJ", 11), NONE, "i", note="inspection serial"),
        C("yhbh", [f"{g.r.randrange(10 ** 8, 10 ** 9)}" for _ in range(n)], PID, "i", note="gas customer number"),
        C("yhxm", [p["name"] for p in ps], NAME, "i"),
        C("yhdz", [p["addr"] for p in ps], ADDR, "i"),
        C("lxfs", [g.phone_form(p["mobile"]) if g.r.random() < 0.85 else g.landline() for p in ps], PHONE, "i",
          tags=["mixed_formats"]),
        C("sfdj", [("是" if age_of(p["birth"]) >= 70 and g.r.random() < 0.5 else "否") for p in ps], NONE_Q, "i",
          note="独居老人 flag (kept quasi/none: a living arrangement, not hardship)"),
        C("yhlx", g.choice(["燃气泄漏", "软管老化", "无熄火保护", "违规使用液化气", "无"], n), NONE, "i",
          note="hazard found in the home (safety, not a person's attribute)"),
        C("zgqk", g.choice(["已整改", "未整改", "拒绝整改"], n), NONE, "i"),
        C("ajy", g.choice([g.cname() for _ in range(15)], n), NAME, "i", note="inspector (staff)"),
        C("ajygh", g.serial(n, "GH", 4), PID, "i", note="inspector staff number"),
        C("ajsj", dts(g, n, D(2026, 1, 1), D(2026, 6, 28)), EVD_Q, "i"),
        C("qmtp", [f"sign/{g.r.randrange(10 ** 9)}.jpg" for _ in range(n)], NONE, "i",
          note="signature image file name (no identifier in it)"),
    ]


@table("water_quality_monthly", "water", "aggregate", "城市供水水质月度公示", "parquet", 288)
def _(g, n):
    plants = ["北河口水厂", "城南水厂", "江浦水厂", "相城水厂", "锡东水厂", "胥江水厂"]
    return [
        C("plant", [plants[i % 6] for i in range(n)], NONE, "e", note="water plant: facility"),
        C("month", [f"2025-{(i // 6) % 12 + 1:02d}" for i in range(n)], EVD, "e"),
        C("turbidity_ntu", [round(g.r.uniform(0.05, 0.5), 2) for _ in range(n)], NONE, "e"),
        C("chlorine_mg_l", [round(g.r.uniform(0.3, 0.8), 2) for _ in range(n)], NONE, "e"),
        C("coliform", g.choice(["未检出"], n), NONE, "e"),
        C("cod_mn", [round(g.r.uniform(0.8, 2.5), 2) for _ in range(n)], NONE, "e"),
        C("samples", g.ints(n, 30, 200), NONE, "e"),
        C("pass_rate", [round(g.r.uniform(0.98, 1.0), 4) for _ in range(n)], NONE, "e"),
        C("lab_tel", g.choice(["025-86551234", "0512-68189000"], n), PHONE_ORG, "e"),
        C("ph", [round(g.r.uniform(6.8, 8.2), 2) for _ in range(n)], NONE, "e"),
        C("hardness_mg_l", g.ints(n, 80, 220), NONE, "e"),
    ]


# =========================================================================== hotline


@table("hotline_mayor_mailbox", "hotline", "people", "市长信箱来信", "jsonl", 1400)
def _(g, n):
    ps = g.persons(n, 18, 80, 0.1)
    return [
        C("letterId", g.serial(n, "SZXX", 9), NONE, "E"),
        C("writerName", [p["name"] if g.r.random() < 0.6 else mask_name(p["name"], g.r) for p in ps], NAME, "E",
          tags=["masked"]),
        C("writerEmail", g.sparse([g.email(p["name"]) for p in ps], 0.55), EMAIL, "E", tags=["sparse"]),
        C("writerPhone", [p["mobile"] for p in ps], PHONE, "E"),
        C("subject", g.choice(["噪音扰民", "物业纠纷", "学区划分", "医保报销", "公交线路", "拆迁补偿", "养老服务"], n), NONE, "E"),
        C("content", [hotline_text(g, p) for p in ps], FT_S, "E", tags=["free_text"],
          note="names, mobiles, home addresses, a few illnesses (call 14)"),
        C("submittedAt", dts(g, n, D(2025, 9, 1), D(2026, 6, 28)), EVD_Q, "E"),
        C("clientIp", [g.ip() for _ in range(n)], IP, "E"),
        C("handlingDept", g.choice(["市住房和城乡建设局", "市教育局", "市医疗保障局", "市交通运输局", "市民政局"], n), ORG, "E"),
        C("replyText", g.choice(["您好，您反映的问题已转属地街道处理。", "经核实，该路段已纳入整治计划。", "已联系物业公司限期整改，感谢监督。"], n),
          NONE, "E", note="template replies without personal data"),
        C("isPublic", g.choice(["是", "否"], n), NONE, "E"),
        C("satisfaction", g.choice(["满意", "基本满意", "不满意", None], n), NONE, "E"),
    ]


@table("hotline_knowledge_base", "hotline", "organisations", "12345热线知识库", "csv", 600, "utf-8-sig", ",")
def _(g, n):
    return [
        C("知识编号", g.serial(n, "ZS", 6), NONE),
        C("事项名称", g.choice(["居住证办理", "新生儿医保参保", "公积金提取", "不动产登记预约", "犬只登记", "电动自行车上牌", "低保申请"], n), NONE),
        C("责任单位", g.choice(["市公安局", "市医疗保障局", "住房公积金管理中心", "市不动产登记中心", "市民政局"], n), ORG),
        C("咨询电话", [g.landline() if g.r.random() < 0.7 else g.r.choice(["12345", "12333", "12329", "96196"]) for _ in range(n)],
          PHONE_ORG),
        C("办理地点", [g.org_addr() for _ in range(n)], ADDR_ORG),
        C("办公时间", g.choice(["工作日9:00-17:00", "周一至周六8:30-17:30"], n), NONE),
        C("答复口径", g.choice(["携带本人身份证原件及复印件到窗口办理", "登录政务服务网在线申请，3个工作日内办结",
                             "申请人需提供户口簿、身份证及收入证明", "可通过手机APP预约办理"], n), NONE,
          note="answer templates mention documents but hold no personal value"),
        C("联系邮箱", [f"{g.r.choice(['gaj', 'ybj', 'gjj', 'mzj'])}@nanjing.gov.cn" for _ in range(n)], EMAIL_ORG),
        C("更新时间", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD),
    ]


# =========================================================================== veterans


@table("vet_discharged_placement", "veterans", "people", "退役士兵安置登记", "xlsx", 520)
def _(g, n):
    ps = g.persons(n, 20, 40, 0.05)
    return [
        C("zd01", [p["name"] for p in ps], NAME, "o"),
        C("zd02", [p["id"] for p in ps], ID, "o"),
        C("zd03", [dfmt(p["birth"], "compact") for p in ps], DOB, "o"),
        C("zd04", g.choice(ETHNIC, n), ETH, "o"),
        C("zd05", g.choice(["中共党员", "共青团员", "群众"], n), NONE_Q, "o", note="political status (call 7)"),
        C("zd06", g.dates(n, D(2012, 9, 1), D(2024, 9, 1)), EVD_Q, "o", note="enlistment date"),
        C("zd07", g.dates(n, D(2024, 9, 1), D(2026, 3, 1)), EVD_Q, "o", note="discharge date"),
        C("zd08", g.choice(["义务兵", "下士", "中士", "上士"], n), OCC, "o", note="rank at discharge"),
        C("zd09", g.choice(["自主就业", "安排工作", "退休", "供养"], n), NONE, "o"),
        C("zd10", g.money(n, 20000, 180000), INC, "o", note="一次性经济补助金"),
        C("zd11", g.sparse(g.choice(["三等功", "四级残疾", "二等功", "六级残疾"], n), 0.1), MED, "o", tags=["sparse"],
          note="awards and disability grades mixed; disability is health"),
        C("zd12", [p["mobile"] for p in ps], PHONE, "o"),
        C("zd13", [p["addr"] for p in ps], ADDR, "o"),
        C("zd14", [g.bank_card() for _ in range(n)], CARD, "o"),
        C("zd15", g.choice(RELIGIONS, n), REL, "o", note="religion under an opaque legacy name"),
    ]


# =========================================================================== additional tables


@table("health_maternal_records", "health", "people", "孕产妇保健管理记录", "csv", 1300, "utf-8", ";")
def _(g, n):
    ps = []
    for _ in range(n):
        p = g.person(19, 44, 0.2)
        p["male"] = False
        p["id"] = g.rid(p["birth"], False, p["county"])
        ps.append(p)
    hus = g.persons(n, 21, 50, 0.2)
    return [
        C("PAT_NAME", [p["name"] for p in ps], NAME, "e"),
        C("孕妇SFZH", [p["id"] for p in ps], ID, note="mixed Chinese + initials"),
        C("孕妇Tel", [p["mobile"] for p in ps], PHONE),
        C("丈夫XM", [h["name"] for h in hus], NAME),
        C("丈夫Tel", [h["mobile"] for h in hus], PHONE),
        C("mo_ci_yue_jing", g.dates(n, D(2025, 6, 1), D(2026, 3, 1)), MED, "p", note="末次月经 (last menstrual period)"),
        C("yun_ci", g.ints(n, 1, 5), MED, "p", note="孕次 (gravidity)"),
        C("chan_ci", g.ints(n, 0, 3), MED, "p", note="产次 (parity)"),
        C("gao_wei_yin_su", g.placeholders(g.choice(["高龄", "妊娠期糖尿病", "妊娠期高血压", "瘢痕子宫", "乙肝表面抗原阳性", "前置胎盘"], n), 0.5, ("无",)),
          MED, "p", tags=["placeholder"], note="高危因素 (high-risk factors)"),
        C("B超结果", g.choice(["单活胎，胎位正常", "双胎妊娠", "胎儿偏小", "羊水偏多", "未见明显异常"], n), MED, "c",
          note="B超 is the Chinese term for ultrasound: a Chinese name"),
        C("血红蛋白g/L", g.ints(n, 85, 145), MED, "c", note="haemoglobin (call 2)"),
        C("jian_ce_yi_yuan", g.choice(["南京市妇幼保健院", "苏州市立医院本部", "无锡市妇幼保健院", "常州市第二人民医院"], n), ORG_Q, "p"),
        C("yu_chan_qi", g.dates(n, D(2026, 3, 1), D(2026, 12, 1)), MED, "p", note="expected delivery date (pregnancy)"),
        C("jian_ce_ri_qi", g.dates(n, D(2025, 8, 1), D(2026, 6, 1)), EVD_Q, "p"),
        C("hun_yin_zhuang_kuang", g.wchoice([("已婚", 92), ("未婚", 6), ("离婚", 2)], n), MAR, "p"),
        C("xian_ju_zhu_di", [p["addr"] for p in ps], ADDR, "p"),
    ]


@table("hrss_pension_qualification", "hrss", "people", "养老保险待遇领取资格认证记录", "parquet", 2600)
def _(g, n):
    ps = g.persons(n, 55, 100, 0.05)
    pts = [g.coord() for _ in range(n)]
    return [
        C("rz_lsh", g.serial(n, "RZ", 12), NONE, "i", note="certification serial"),
        C("ry_xm", [p["name"] for p in ps], NAME, "i"),
        C("ry_sfzh", [p["id"] for p in ps], ID, "i"),
        C("ry_nl", [age_of(p["birth"]) for p in ps], AGE, "i"),
        C("ltxlb", g.choice(["企业退休", "机关事业退休", "城乡居民养老"], n), NONE_Q, "i"),
        C("yyljje", g.money(n, 180, 9000), INC, "i", note="monthly pension"),
        C("rzfs", g.choice(["人脸识别", "社区上门认证", "数据比对", "窗口认证"], n), NONE, "i"),
        C("rzjg", g.wchoice([("认证通过", 92), ("认证不通过", 5), ("暂停发放", 3)], n), NONE, "i"),
        C("rz_jd", [p[1] for p in pts], LOC_HOME, "i", note="GPS of the phone at face certification, mostly at home"),
        C("rz_wd", [p[0] for p in pts], LOC_HOME, "i"),
        C("sbip", [g.ip() for _ in range(n)], IP, "i"),
        C("rzsj", dts(g, n, D(2026, 1, 1), D(2026, 6, 28)), EVD_Q, "i"),
        C("dbr_xm", g.sparse([g.cname() for _ in range(n)], 0.2), NAME, "i", tags=["sparse"], note="代办人 (agent)"),
        C("dbr_lxdh", g.sparse([g.mobile() for _ in range(n)], 0.2), PHONE, "i", tags=["sparse"]),
    ]


@table("police_internet_cafe_users", "police", "people", "互联网上网服务营业场所上网人员登记", "csv", 2400, "utf-8", ",")
def _(g, n):
    ps = g.persons(n, 18, 60, 0.3)
    cafes = [f"{g.r.choice(['网鱼', '极客', '星际', '龙腾'])}网咖({g.r.choice(ROADS)}店)" for _ in range(20)]
    ins = dts(g, n, D(2026, 5, 1), D(2026, 6, 28))
    return [
        C("F1", g.serial(n, "", 12), NONE, "o", note="login serial"),
        C("F2", [p["name"] for p in ps], NAME, "o"),
        C("F3", [p["id"] if g.r.random() < 0.97 else g.passport("foreign") for p in ps], ID, "o", tags=["mixed_docs"]),
        C("F4", g.choice(cafes, n), LOC_TRAJ, "o", note="venue where a person was at a time: whereabouts (like lodging, call 8)"),
        C("F5", [f"A{g.r.randint(1, 150):03d}" for _ in range(n)], NONE, "o", note="seat/terminal number"),
        C("F6", ins, EVD_Q, "o"),
        C("F7", [x[:11] + f"{min(23, int(x[11:13]) + g.r.randint(1, 4)):02d}" + x[13:] for x in ins], EVD_Q, "o"),
        C("F8", [f"192.168.{g.r.randint(0, 3)}.{g.r.randint(2, 254)}" for _ in range(n)], NONE, "o",
          note="private LAN address of a terminal (not a person's public IP)"),
        C("F9", g.sparse([p["mobile"] for p in ps], 0.4), PHONE, "o", tags=["sparse"]),
        C("F10", [g.uscc("92") if g.r.random() < 0.3 else g.uscc() for _ in range(n)], USCC, "o"),
    ]


@table("civil_elderly_daycare_members", "civil", "people", "社区老年人日间照料中心会员信息", "csv", 1000, "gbk", ";")
def _(g, n):
    ps = g.persons(n, 60, 98, 0.02)
    kin = g.persons(n, 28, 70, 0.1)
    dx = [g.choice(ICD) for _ in range(n)]
    return [
        C("会员卡号", g.serial(n, "RJ", 7), PID),
        C("会员Name", [p["name"] for p in ps], NAME),
        C("身份证No", [p["id"] for p in ps], ID),
        C("备用字段2", [dfmt(p["birth"], "slash") for p in ps], DOB, note="birth date under an opaque name"),
        C("宗教信仰", g.placeholders(g.choice(RELIGIONS, n), 0.1, ("不详", "/")), REL, tags=["placeholder"]),
        C("居住情况", g.choice(["独居", "与配偶同住", "与子女同住", "空巢"], n), NONE_Q,
          note="living arrangement (household composition): quasi, none"),
        C("慢病编码", [c for c, _ in dx], MED, note="ICD-10 codes without names"),
        C("失能等级", g.choice(["能力完好", "轻度失能", "中度失能", "重度失能"], n), MED, note="dependency level (call 2)"),
        C("助餐补贴(元/月)", g.choice([0, 60, 90, 150], n), INC),
        C("紧急联系人", [k["name"] for k in kin], NAME),
        C("紧急联系人Tel", [fullwidth(k["mobile"]) if g.r.random() < 0.2 else int(k["mobile"]) for k in kin], PHONE,
          tags=["fullwidth", "int"], note="mixed full-width strings and integers"),
        C("家庭住址Addr", [p["addr"] for p in ps], ADDR),
        C("所属中心", g.choice(["梅园社区日间照料中心", "双塔街道颐养中心", "新桥镇居家养老服务站"], n), ORG_Q),
        C("中心电话", g.choice(["025-84561230", "0512-65102233", "0510-88771234"], n), PHONE_ORG),
        C("入会日期", g.dates(n, D(2019, 1, 1), D(2026, 5, 1)), EVD_Q),
    ]


@table("civil_religious_venue_stats", "civil", "aggregate", "宗教活动场所分区县统计", "csv", 208, "utf-8", ",")
def _(g, n):
    rel = ["佛教", "道教", "伊斯兰教", "天主教", "基督教"]
    sel = [(c, r, y) for c in sorted(COUNTIES) for r in rel for y in (2024, 2025)]
    sel = [sel[i % len(sel)] for i in range(n)]
    return [
        C("xzqh", [COUNTIES[c] for c, _, _ in sel], REGION, "i"),
        C("zjlb", [r for _, r, _ in sel], ("RELIGION", "none", "other"), "i", note="religion of venues in a count (call 9)"),
        C("css", g.ints(n, 0, 60), NONE, "i", note="number of venues"),
        C("jzrys", g.ints(n, 0, 120), NONE, "i", note="number of clergy"),
        C("ndhdcs", g.ints(n, 0, 900), NONE, "i"),
        C("tjnd", [y for _, _, y in sel], EVD, "i"),
    ]


@table("edu_international_students", "education", "people", "来华留学生学籍信息", "jsonl", 600)
def _(g, n):
    f = g.faker
    fam = [f.last_name() for _ in range(n)]
    giv = [f.first_name() for _ in range(n)]
    return [
        C("studentNo", g.serial(n, "LX2025", 4), PID, "E"),
        C("familyName", [x.upper() for x in fam], NAME, "E", note="foreign surname (separate column)"),
        C("givenName", giv, NAME, "E"),
        C("chineseName", g.sparse([g.cname() for _ in range(n)], 0.6), NAME, "E", tags=["sparse"]),
        C("passportNo", [g.passport("foreign") for _ in range(n)], PASS, "E"),
        C("nationality", g.choice(["Pakistan", "Korea", "Japan", "Thailand", "Russia", "Kazakhstan", "Indonesia", "Ghana", "France"], n),
          NONE_Q, "E"),
        C("religion", g.placeholders(g.choice(["Islam", "Christianity", "Buddhism", "Catholicism", "None", "Hinduism"], n), 0.2,
                                     ("N/A", "-")), REL, "E", tags=["placeholder"]),
        C("birthDate", [dfmt(g.birth(18, 35), "iso") for _ in range(n)], DOB, "E"),
        C("program", g.choice(["汉语进修", "本科-临床医学", "硕士-国际贸易", "博士-土木工程"], n), NONE, "E"),
        C("scholarship", g.choice(["中国政府奖学金", "江苏省茉莉花奖学金", "自费", "校级奖学金"], n), INC, "E",
          note="scholarship type = benefit received"),
        C("scholarshipAmount", g.choice([0, 36000, 42000, 60000], n), INC, "E"),
        C("email", [f"{gv.lower()}.{fm.lower()}{g.r.randrange(100)}@{g.r.choice(['gmail.com', 'yahoo.com', 'naver.com', 'outlook.com'])}"
                    for gv, fm in zip(giv, fam)], EMAIL, "E"),
        C("wechatId", g.sparse([f"wxid_{g.r.randrange(10 ** 9, 10 ** 10)}" for _ in range(n)], 0.5), PID, "E", tags=["sparse"],
          note="messaging account id of a person"),
        C("dormRoom", [f"留学生公寓{g.r.randint(1, 6)}-{g.r.randint(1, 20)}{g.r.randint(1, 30):02d}" for _ in range(n)], NONE, "E",
          note="dorm room (room numbers are none, v2 call)"),
        C("visaExpiry", g.dates(n, D(2026, 7, 1), D(2029, 7, 1)), EVD_Q, "E"),
    ]


@table("vet_hardship_assistance", "veterans", "people", "退役军人困难帮扶援助", "csv", 620, "utf-8", "|")
def _(g, n):
    ps = g.persons(n, 25, 90, 0.02)
    cards = [g.bank_card(19) for _ in range(n)]
    return [
        C("xingming", [p["name"] for p in ps], NAME, "p"),
        C("shenfenzhenghao", [p["id"] for p in ps], ID, "p"),
        C("minzu", g.choice(ETHNIC, n), ETH, "p"),
        C("hunyin_zhuangkuang", g.choice(["已婚", "未婚", "离异", "丧偶"], n), MAR, "p"),
        C("wenhua_chengdu", g.choice(EDU, n), L_EDU, "p"),
        C("tuiyi_niandu", g.ints(n, 1975, 2024), EVD_Q, "p"),
        C("kunnan_leixing", g.choice(["因病致困", "因残致困", "因灾致困", "子女就学", "失业"], n), WELF, "p"),
        C("bangfu_jine", g.choice([1000, 2000, 3000, 5000, 8000], n), INC, "p"),
        C("yinhang_kahao", [" ".join(c[i:i + 4] for i in range(0, len(c), 4)) if g.r.random() < 0.4 else c for c in cards],
          CARD, "p", tags=["spaced"]),
        C("lianxi_dianhua", g.placeholders([p["mobile"] for p in ps], 0.08, ("无", "-")), PHONE, "p", tags=["placeholder"]),
        C("jiating_zhuzhi", [p["addr"] for p in ps], ADDR, "p"),
        C("suoshu_shequ", g.choice(STREETS, n), REGION_Q, "p"),
        C("dianzi_youxiang", g.sparse([g.email(p["name"]) for p in ps], 0.3), EMAIL, "p", tags=["sparse"]),
        C("shenpi_riqi", g.dates(n, D(2025, 1, 1), D(2026, 6, 1)), EVD_Q, "p"),
    ]


@table("trans_driving_school_students", "transport", "people", "机动车驾驶培训学员报名", "xlsx", 1300)
def _(g, n):
    ps = g.persons(n, 18, 60, 0.2)
    coaches = [g.cname() for _ in range(25)]
    return [
        C("学员编号", g.serial(n, "XY", 8), PID),
        C("学员姓名", [p["name"] for p in ps], NAME),
        C("身份证明号码", [p["id"] for p in ps], ID),
        C("报考车型", g.choice(["C1", "C2", "B2", "A2", "D"], n), NONE),
        C("身高(cm)", g.ints(n, 150, 192), MED, note="body height (call 2)"),
        C("视力", [f"左{g.r.choice(['4.9', '5.0', '5.1', '5.2'])}右{g.r.choice(['4.9', '5.0', '5.1'])}" for _ in range(n)], MED),
        C("辨色力", g.wchoice([("正常", 97), ("红绿色弱", 3)], n), MED),
        C("听力", g.wchoice([("正常", 99), ("左耳弱听", 1)], n), MED),
        C("培训费", g.choice([3800, 4200, 4800, 5500, 6800], n), INC, note="fee paid by the learner: a personal transaction (call 3)"),
        C("分期信用卡", g.sparse([mask_card(g.credit_card()) if g.r.random() < 0.5 else g.credit_card() for _ in range(n)], 0.15),
          CC, tags=["sparse", "masked"]),
        C("教练员", g.choice(coaches, n), NAME),
        C("教练车号牌", [g.plate("320102", 0.05)[:-1] + "学" for _ in range(n)], PLATE_Q,
          note="driving-school car (学 plate) of the coach (call 15)"),
        C("联系电话", [p["mobile"] for p in ps], PHONE),
        C("报名日期", g.dates(n, D(2025, 9, 1), D(2026, 6, 1)), EVD_Q),
        C("驾校名称", g.choice(["南京东方驾校", "苏州金桥驾校", "无锡阳光驾校"], n), ORG_Q),
    ]


@table("hotline_sms_callback_log", "hotline", "people", "热线工单短信回访发送日志", "parquet", 2800)
def _(g, n):
    ps = g.persons(n, 18, 85, 0.1)
    wos = g.serial(n, "GD2026", 8)
    return [
        C("msg_id", g.serial(n, "", 16), NONE, "e"),
        C("work_order_no", wos, NONE, "e", note="work-order number (call 1)"),
        C("to_number", [g.r.choice(["+86", "86", "0086", ""]) + p["mobile"] for p in ps], PHONE, "e", tags=["mixed_formats"]),
        C("sms_text", [f"【12345】尊敬的{p['name'][0]}{g.r.choice(['先生', '女士'])}，您的工单{w}已办结，请回复1-3评价。"
                       for p, w in zip(ps, wos)], NAME, "e", tags=["free_text", "masked"],
          note="template naming the citizen by surname + title: masked person name"),
        C("send_status", g.wchoice([("DELIVRD", 95), ("UNDELIV", 3), ("EXPIRED", 2)], n), NONE, "e"),
        C("gateway", g.choice(["cmcc-01", "unicom-02", "telecom-01"], n), NONE, "e"),
        C("sent_at", dts(g, n, D(2026, 3, 1), D(2026, 6, 28)), EVD_Q, "e"),
        C("reply", g.sparse(g.choice(["1", "2", "3", "TD"], n), 0.4), NONE, "e", tags=["sparse"]),
        C("cost_cny", [0.05] * n, NONE, "e", note="gateway tariff"),
    ]


@table("pop_resident_register_members", "population", "people", "常住人口登记表（户成员）", "parquet", 2400)
def _(g, n):
    rows = []
    while len(rows) < n:
        head = g.person(30, 85, 0.0)
        hh = f"{g.r.randrange(10 ** 8, 10 ** 9)}"
        rows.append((hh, "户主", head))
        for rel in g.r.sample(["配偶", "长子", "长女", "次子", "孙子", "母亲"], g.r.randint(0, 3)):
            m = g.person(0 if rel in ("孙子",) else 1, 90, 0.0)
            if rel in ("长子", "长女", "次子", "孙子"):
                m["name"] = head["name"][0] + m["name"][1:]
            rows.append((hh, rel, m))
    rows = rows[:n]
    ps = [m for _, _, m in rows]
    legacy = [g.r.random() < 0.03 and age_of(p["birth"]) > 45 for p in ps]
    return [
        C("HH", [h for h, _, _ in rows], PID, "i", note="户号 (call 1)"),
        C("YHZGX", [r for _, r, _ in rows], NONE, "i"),
        C("XM", [p["name"] for p in ps], NAME, "i"),
        C("CYM", g.sparse([g.cname() for _ in range(n)], 0.08), NAME, "i", tags=["sparse"], note="曾用名"),
        C("XB", sex(ps, "scode"), GENDER, "i"),
        C("MZ", g.choice(ETHNIC, n), ETH, "i"),
        C("CSRQ", [dfmt(p["birth"], "compact") for p in ps], DOB, "i"),
        C("GMSFHM", [g.rid15(p["birth"], p["male"]) if lg else p["id"] for p, lg in zip(ps, legacy)], ID, "i",
          tags=["legacy15"]),
        C("JG", [g.r.choice(sorted(COUNTIES.values()))[:3] for _ in range(n)], REGION_Q, "i", note="籍贯"),
        C("HYZK", [("未婚" if age_of(p["birth"]) < 22 else g.r.choice(["已婚", "已婚", "已婚", "离婚", "丧偶", "未婚"])) for p in ps],
          MAR, "i"),
        C("WHCD", g.choice(EDU, n), L_EDU, "i"),
        C("ZJXY", g.choice(RELIGIONS, n), REL, "i", note="宗教信仰"),
        C("BYZK", g.choice(["未服兵役", "退出现役", "服现役", None], n), NONE_Q, "i", note="兵役状况 (military service status)"),
        C("SG", g.sparse([g.r.randint(50, 190) for _ in range(n)], 0.7), MED, "i", tags=["sparse"], note="身高 (call 2)"),
        C("XX", g.sparse(g.choice(["A", "B", "O", "AB"], n), 0.5), MED, "i", tags=["sparse"], note="血型 (call 2)"),
        C("ZY", g.choice(["农民", "工人", "个体", "学生", "无业", "退休", "职员"], n), OCC, "i"),
        C("FWCS", [g.org_name() if g.r.random() < 0.5 else None for _ in range(n)], ORG_Q, "i", tags=["sparse"],
          note="服务处所 (workplace)"),
        C("HJDZ", [p["addr"] for p in ps], ADDR, "i"),
        C("DJRQ", g.dates(n, D(1990, 1, 1), D(2026, 6, 1), "%Y%m%d"), EVD_Q, "i"),
    ]


@table("health_pharmacy_price_list", "health", "organisations", "定点零售药店药品价格公示", "csv", 1500, "utf-8", "\t",
       note="drug names in a price catalogue are not about a person")
def _(g, n):
    shops = [(f"{g.r.choice(['老百姓', '益丰', '国药控股', '百佳惠', '大参林'])}大药房({g.r.choice(ROADS)}店)", g.uscc(), g.org_addr())
             for _ in range(40)]
    sel = g.choice(shops, n)
    return [
        C("pharmacy", [s[0] for s in sel], ORG, "e"),
        C("pharmacy_uscc", [s[1] for s in sel], USCC, "e"),
        C("pharmacy_address", [s[2] for s in sel], ADDR_ORG, "e"),
        C("drug_name", g.choice(DRUGS, n), MED_AGG, "e",
          note="drug names of a catalogue keep their entity at level none (like disease categories, call 9)"),
        C("nhsa_code", [f"X{g.r.choice('ABCJ')}{g.r.randrange(10, 99)}{g.r.choice('ABCD')}{g.r.randrange(100, 999)}A{g.r.randrange(100, 999)}E{g.r.randrange(1000, 9999)}"
                        for _ in range(n)], NONE, "e", note="national medical-insurance drug code"),
        C("spec", g.choice(["0.25g*24粒", "0.5g*30片", "5mg*28片", "10mg*7片", "3ml:300单位"], n), NONE, "e"),
        C("manufacturer", [g.org_name(trade="医药", form="股份有限公司") for _ in range(n)], ORG, "e"),
        C("insurance_class", g.choice(["甲类", "乙类", "自费"], n), NONE, "e"),
        C("retail_price", g.money(n, 3, 380), NONE, "e", note="catalogue price"),
        C("price_date", g.dates(n, D(2026, 4, 1), D(2026, 6, 28)), EVD, "e"),
        C("complaint_tel", ["12345"] * n, PHONE_ORG, "e"),
    ]


@table("edu_school_enrollment_zones", "education", "organisations", "义务教育学校施教区划分", "xlsx", 300, title_row=True)
def _(g, n):
    return [
        C("学校名称", [f"{COUNTIES[g.county()][3:]}{g.r.choice(['实验', '第一', '城东', '育英', '新城', '科利华'])}{g.r.choice(['小学', '初级中学'])}"
                   for _ in range(n)], ORG),
        C("学段", g.choice(["小学", "初中"], n), NONE),
        C("施教区范围", [f"{g.r.choice(ROADS)}以东、{g.r.choice(ROADS)}以北，含{g.r.choice(ESTATES)}、{g.r.choice(ESTATES)}" for _ in range(n)],
          ADDR_ORG, note="road ranges and estate names: places, not anyone's home"),
        C("对口小区", ["、".join(g.r.sample(ESTATES, 3)) for _ in range(n)], ADDR_ORG, note="estate names (places)"),
        C("计划招生班数", g.ints(n, 2, 16), NONE),
        C("计划招生人数", g.ints(n, 80, 720), NONE),
        C("招生咨询电话", [g.landline() for _ in range(n)], PHONE_ORG),
        C("学校地址", [g.org_addr() for _ in range(n)], ADDR_ORG),
        C("学年", ["2026"] * n, EVD),
    ]


@table("agri_vet_clinics", "agriculture", "mixed", "动物诊疗许可证信息", "jsonl", 360)
def _(g, n):
    vets = g.persons(n, 25, 65, 0.1)
    return [
        C("clinicName", [f"{g.r.choice(['爱宠', '瑞派', '新瑞鹏', '宠爱', '萌宠'])}动物医院({g.r.choice(ROADS)}店)" for _ in range(n)], ORG, "E"),
        C("licenceNo", [f"（苏）动诊证字第{g.r.randrange(10 ** 9, 10 ** 10)}号" for _ in range(n)], NONE, "E"),
        C("creditCode", [g.uscc() for _ in range(n)], USCC, "E"),
        C("address", [g.org_addr() for _ in range(n)], ADDR_ORG, "E"),
        C("chiefVet", [v["name"] for v in vets], NAME, "E", note="执业兽医 in charge (a natural person)"),
        C("vetCertNo", [f"{g.r.randint(2010, 2025)}{g.r.randrange(10 ** 8):08d}" for _ in range(n)], PID, "E",
          note="practising veterinarian certificate (person's certificate, call 15)"),
        C("chiefVetMobile", [v["mobile"] for v in vets], PHONE, "E"),
        C("clinicTel", [g.landline() for _ in range(n)], PHONE_ORG, "E"),
        C("scope", g.choice(["动物颅腔、胸腔和腹腔手术", "动物诊疗（不含手术）", "犬猫诊疗"], n), NONE, "E"),
        C("issuedOn", g.dates(n, D(2018, 1, 1), D(2026, 5, 1)), EVD, "E"),
    ]
