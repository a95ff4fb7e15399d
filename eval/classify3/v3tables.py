"""The v3 tuning tables: one function per table (department systems written "differently")."""
from __future__ import annotations

import datetime as dt

from v3frame import (ADDR, ADDR_S, AGE, BANK, CASE_NO, CREDIT, CRIM, DATE, DATE_Q, DOB, EDU, EMAIL, ETH, EVENT_ADDR,
                     FREE_P, FREE_S, GENDER, INC, IP, LOC, LOC_S, MARITAL, MED, NAME, NONE, NONE_Q, OCC, ORG, ORG_ADDR,
                     ORG_EMAIL, ORG_PHONE, ORG_Q, PASSPORT, PHONE, PID, PLATE, PLATE_Q, REGION, REGION_Q, RID, USCC, WELF,
                     T, agg, table)
from v3vals import COUNTIES, EDU as EDU_LIST, ETHNIC, ICD, INFECTIOUS, PLACEHOLDERS, TODAY, TOWNS, FULLWIDTH

D = dt.date
ALL_STYLES = ("plain", "+86", "+86 ", "0086", "86-", "dash", "space")


def people(t: T, amin=18, amax=85, local=0.88):
    return [t.v.person(amin, amax, local) for _ in range(t.n)]


def serial(t: T, prefix, width, start=1):
    base = t.v.r.randint(10 ** (width - 2), 10 ** (width - 1))
    return [f"{prefix}{base + i * t.v.r.randint(1, 3):0{width}d}" for i in range(t.n)]


# ============================== market regulation ==============================

@table("market_food_licence_holders", "market", "mixed", "食品经营许可证持证主体", "csv", 1800, enc="gbk", delim=",")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("许可证编号", [f"JY{'23' if v.chance(.5) else '13'}{c}{v.digits(7)}" for c in codes], NONE)
    t.col("经营者名称", [v.company(c) if v.chance(.6) else f"{COUNTIES[c][1]}{v.fk.last_name()}记小吃店" for c in codes], ORG,
          note="trade names of small shops may embed a surname; still an organisation name (rule 13)")
    t.col("统一社会信用代码", [v.uscc("91" if v.chance(.6) else "92", c) for c in codes], USCC)
    t.col("法定代表人（负责人）", [v.name() for _ in range(n)], NAME)
    t.col("负责人手机", [v.fmt_mobile(v.mobile(), ("plain", "+86", "dash")) for _ in range(n)], PHONE, tags=("prefixed",))
    t.col("经营场所", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("主体业态", [v.pick(["食品销售经营者", "餐饮服务经营者", "单位食堂", "网络经营者"]) for _ in range(n)], NONE)
    t.col("有效期至", [v.fmt_date(v.date_between(D(2025, 1, 1), D(2030, 12, 31)), ("iso",)) for _ in range(n)], DATE)
    t.col("日常监督管理机构", [f"{COUNTIES[c][1]}市场监督管理局{v.pick(TOWNS)}所" for c in codes], ORG)
    t.col("投诉举报电话", ["12315"] * n, ORG_PHONE)


@table("market_individual_business", "market", "mixed", "个体工商户登记信息", "parquet", 2400, style="pinyin")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 20, 70)
    t.col("tyshxydm", [v.uscc("92", p["code"] if p["code"] in COUNTIES else None) for p in P], USCC, style="initials")
    t.col("zihao", [f"{COUNTIES.get(p['code'], ('', '义乌市'))[1][:2]}{p['name'][0]}{v.pick(['记', '氏', '家'])}"
                    f"{v.pick(['便利店', '五金店', '面馆', '水果店', '理发店', '服装店', '维修部'])}" for p in P], ORG,
          note="individual business trade name; may embed the operator's surname (rule 13)")
    t.col("jingyingzhe", [p["name"] for p in P], NAME)
    t.col("jyzsfzh", [p["id"].lower() if v.chance(.1) else p["id"] for p in P], RID, style="initials", tags=("lowercase_x",))
    t.col("lianxidianhua", [int(p["mobile"]) if v.chance(.7) else p["mobile"] for p in P], PHONE, tags=("int",),
          ptype="str")
    t.col("jingyingchangsuo", [v.biz_address(p["code"]) for p in P], ORG_ADDR, note="business premises (rule 13)")
    t.col("zijinshue", [float(v.r.choice([1, 2, 3, 5, 10, 20, 50])) for _ in range(n)], NONE,
          note="registered funds of the business (万元)")
    t.col("chenglirq", [v.date_between(D(2003, 1, 1), D(2025, 11, 30)) for _ in range(n)], DATE, style="mixed")
    t.col("djjg", [f"{COUNTIES.get(p['code'], ('', '义乌市'))[1]}市场监督管理局" for p in P], ORG, style="initials")
    t.col("zhuangtai", [v.pick(["存续", "在业", "注销", "吊销"], [70, 20, 8, 2]) for _ in range(n)], NONE)


@table("market_consumer_complaints", "market", "people", "12315消费投诉工单", "jsonl", 2200, style="english_camel")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 75)
    items = ["预付卡", "手机", "健身卡", "家具", "装修服务", "外卖", "教育培训课程", "二手车", "美容服务"]
    t.col("complaintId", serial(t, "TS2025", 8), NONE, note="work-order serial (rule 1)")
    t.col("acceptTime", [v.dtime_between(D(2025, 1, 1), D(2025, 12, 30)).strftime("%Y-%m-%d %H:%M:%S") for _ in range(n)],
          DATE_Q)
    t.col("complainantName", [v.mask_name(p["name"], p["male"]) if v.chance(.3) else p["name"] for p in P], NAME,
          tags=("masked",))
    t.col("complainantMobile", [v.fmt_mobile(p["mobile"], ("plain", "plain", "mask")) for p in P], PHONE, tags=("masked",))
    orgs = [v.company() for _ in range(n)]
    t.col("respondentName", orgs, ORG)
    texts = []
    for p, o in zip(P, orgs):
        d = v.date_between(D(2024, 6, 1), D(2025, 12, 1))
        it = v.pick(items)
        s = f"消费者于{d.month}月{d.day}日在{o}购买{it}，{v.pick(['商家拒绝退款', '商品存在质量问题', '商家已跑路', '虚假宣传'])}，要求退还费用。"
        if v.chance(.35):
            s += f"联系人{p['name']}，电话{p['mobile']}。"
        if v.chance(.2):
            s += f"住址：{v.home_address(p['code'])}。"
        texts.append(s)
    t.col("complaintContent", texts, FREE_P, tags=("free_text",),
          note="narratives carry the consumer's name, mobile and address in a part of the rows")
    t.col("amountInvolved", [v.money(30, 30000) for _ in range(n)], INC, dec=2,
          note="amount of the consumer's purchase: a personal transaction (rule 3)")
    t.col("handleResult", [v.pick(["调解成功", "调解不成", "终止调解", "转立案"]) for _ in range(n)], NONE)
    t.col("serviceHotline", ["12315"] * n, ORG_PHONE)


@table("market_registered_entities_stats", "market", "aggregate", "市场主体登记统计", "xlsx", 380,
       title_row="2025年市场主体登记情况统计表（按地区、行业）")
def _(t: T):
    v, n = t.v, t.n
    inds = ["农、林、牧、渔业", "制造业", "批发和零售业", "住宿和餐饮业", "建筑业", "信息传输、软件和信息技术服务业", "租赁和商务服务业",
            "交通运输、仓储和邮政业", "房地产业", "居民服务、修理和其他服务业"]
    base = [(c, i) for c in COUNTIES for i in inds]
    keys = [base[i % len(base)] for i in range(n)]
    t.col("地区", [COUNTIES[k[0]][0] + COUNTIES[k[0]][1] for k in keys], REGION)
    t.col("行业门类", [k[1] for k in keys], NONE)
    t.col("统计季度", [f"2025年第{1 + (i // len(base)) % 4}季度" for i in range(n)], DATE)
    t.col("企业户数（户）", [v.r.randint(50, 40000) for _ in range(n)], NONE)
    t.col("个体工商户（户）", [v.r.randint(100, 90000) for _ in range(n)], NONE)
    t.col("注册资本（万元）", [v.money(1e3, 9e6) for _ in range(n)], NONE, dec=2)
    t.col("新设户数", [v.r.randint(0, 3000) for _ in range(n)], NONE)
    t.col("注销户数", [v.r.randint(0, 1500) for _ in range(n)], NONE)


@table("market_special_equipment_operators", "market", "people", "特种设备作业人员证", "csv", 1500, style="initials",
       enc="utf-8", delim="|")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 19, 62)
    t.col("ZSBH", [f"T{p['id'][:6]}{v.digits(8)}" for p in P], PID, note="certificate number of a person (PERSON_ID)")
    t.col("XM", [p["name"] for p in P], NAME)
    t.col("SFZH", [p["id"] for p in P], RID)
    t.col("XB", [("1" if p["male"] else "2") for p in P], GENDER, note="GB/T 2261.1 codes")
    t.col("ZYXM", [v.pick(["N1叉车司机", "Q2桥门式起重机司机", "G1工业锅炉司炉", "R1快开门式压力容器操作", "A电梯修理"]) for _ in range(n)],
          OCC, note="work item of the certificate: an occupation")
    t.col("YRDW", [v.company() for _ in range(n)], ORG_Q, note="employer of the person")
    t.col("FZRQ", [v.fmt_date(v.date_between(D(2016, 1, 1), D(2025, 12, 1)), ("compact",)) for _ in range(n)], DATE_Q)
    t.col("FZJG", [f"{v.pick(list(COUNTIES.values()))[0]}市场监督管理局" for _ in range(n)], ORG)
    t.col("ZT", [v.pick(["有效", "注销", "过期"], [85, 5, 10]) for _ in range(n)], NONE)


# ============================== traffic police ==============================

@table("traffic_violation_decisions", "traffic", "people", "非现场交通违法处理决定书", "csv", 3000, style="initials",
       enc="utf-8", delim=";")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 75, local=0.8)
    acts = [("1352", "机动车违反禁令标志指示", 100, 3), ("1625", "驾驶机动车违反道路交通信号灯通行", 200, 6),
            ("1303", "机动车超过规定时速50%以下", 200, 3), ("1039", "机动车违反规定停放", 150, 0), ("1240", "驾驶时拨打接听手持电话", 100, 3),
            ("1345", "机动车不按规定车道行驶", 100, 3)]
    A = [v.pick(acts) for _ in range(n)]
    t.col("JDSBH", [f"3301{v.digits(12)}" for _ in range(n)], NONE, note="decision serial (rule 1)")
    t.col("HPHM", [v.plate() for _ in range(n)], PLATE)
    t.col("HPZL", [v.pick(["02", "01", "52"], [85, 10, 5]) for _ in range(n)], NONE, note="plate type code")
    t.col("DSR", [p["name"] if v.chance(.92) else v.company() for p in P], NAME,
          note="party; a minority of rows are companies (rule 12)")
    t.col("JSZH", [p["id"].lower() if v.chance(.15) else p["id"] for p in P], RID, tags=("lowercase_x",),
          note="driving-licence number = resident ID (rule 10)")
    t.col("WFXW", [a[0] for a in A], CRIM, note="violation code of a person (rule 6)")
    t.col("WFNR", [a[1] for a in A], CRIM)
    t.col("FKJE", [a[2] for a in A], CRIM, note="fine of a person (rule 6)")
    t.col("WFJFS", [a[3] for a in A], CRIM)
    t.col("WFDZ", [f"{v.pick(ROADS_X)}与{v.pick(ROADS_X)}交叉口" for _ in range(n)], EVENT_ADDR,
          note="junction of a single violation (rule 8)")
    t.col("WFSJ", [v.dtime_between(D(2025, 1, 1), D(2025, 12, 20), (0, 24)).strftime("%Y%m%d%H%M%S") for _ in range(n)],
          DATE_Q)
    t.col("CJJG", [v.pick(["330100", "330200", "330300", "330600", "330700"]) + "000000" for _ in range(n)], NONE,
          note="issuing agency code")


ROADS_X = ["文三路", "学院路", "莫干山路", "天目山路", "解放路", "中山路", "延安路", "江南大道", "滨盛路", "环城北路", "秋涛路",
           "体育场路", "德胜路", "石桥路", "机场路", "钱江路"]


@table("traffic_accident_parties", "traffic", "people", "道路交通事故当事人信息", "xlsx", 900)
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 80, local=0.8)
    t.col("事故编号", [f"330{v.digits(3)}2025{i:06d}" for i in range(n)], NONE, note="accident serial (rule 1)")
    t.col("当事人", [p["name"] for p in P], NAME)
    t.col("身份证明号码", [p["id"] if v.chance(.95) else v.passport() for p in P], RID, tags=("mixed_docs",))
    t.col("联系方式", [v.fmt_mobile(p["mobile"], ("plain", "dash")) if v.chance(.85) else v.landline(p["code"]) for p in P],
          PHONE, note="mostly mobiles, some home landlines", tags=("mixed_formats",))
    t.col("驾驶车辆号牌", [v.plate() if v.chance(.8) else "无" for _ in range(n)], PLATE, tags=("placeholder",),
          note="pedestrians and cyclists have none")
    t.col("伤情", [v.pick(["无伤", "轻微伤", "轻伤", "重伤", "死亡"], [50, 25, 15, 8, 2]) for _ in range(n)], MED)
    t.col("事故形态", [v.pick(["追尾碰撞", "侧面碰撞", "刮擦", "碾压", "撞固定物"]) for _ in range(n)], NONE)
    t.col("发生时间", [v.dtime_between(D(2025, 1, 1), D(2025, 12, 20), (0, 24)) for _ in range(n)], DATE_Q)
    t.col("事故地点", [f"{v.pick(list(COUNTIES.values()))[1]}{v.pick(ROADS_X)}{v.r.randint(1, 999)}号附近" for _ in range(n)],
          EVENT_ADDR, note="place of the event (rule 8)")
    t.col("处理民警", [v.name() for _ in range(n)], NAME, note="staff are natural persons (rule 15)")


@table("traffic_checkpoint_devices", "traffic", "organisations", "卡口电子警察设备台账", "parquet", 700,
       style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    C = [v.coord() for _ in range(n)]
    t.col("device_code", [f"33{v.digits(6)}12{v.digits(10)}" for _ in range(n)], NONE)
    t.col("checkpoint_name", [f"{v.pick(ROADS_X)}{v.pick(['与', '-'])}{v.pick(ROADS_X)}卡口" for _ in range(n)], NONE)
    t.col("direction", [v.pick(["东向西", "西向东", "南向北", "北向南"]) for _ in range(n)], NONE)
    t.col("longitude", [c[0] for c in C], LOC, note="coordinates of a facility")
    t.col("latitude", [c[1] for c in C], LOC)
    t.col("owner_unit", [f"{v.pick(list(COUNTIES.values()))[0]}公安局交通警察支队" for _ in range(n)], ORG)
    t.col("maintainer", [v.company() for _ in range(n)], ORG)
    t.col("maint_phone", [v.hotline() for _ in range(n)], ORG_PHONE)
    t.col("installed_on", [v.date_between(D(2012, 1, 1), D(2025, 6, 30)) for _ in range(n)], DATE)
    t.col("lane_cnt", [v.r.randint(1, 8) for _ in range(n)], NONE)
    t.col("online_rate", [round(v.r.uniform(0.8, 1.0), 4) for _ in range(n)], NONE)


@table("traffic_exam_bookings", "traffic", "people", "机动车驾驶人考试预约", "csv", 2600, style="initials",
       enc="utf-8-sig", delim=",")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 60, local=0.85)
    t.col("yyh", serial(t, "YY", 12), NONE, note="booking serial (rule 1)")
    t.col("ksxm", [p["name"] for p in P], NAME)
    t.col("zjhm", [p["id"] if v.chance(.97) else v.passport() for p in P], RID, tags=("mixed_docs",))
    t.col("kskm", [v.pick(["科目一", "科目二", "科目三", "科目四"]) for _ in range(n)], NONE)
    t.col("zjcx", [v.pick(["C1", "C2", "B2", "A2", "D", "E"], [60, 25, 5, 3, 4, 3]) for _ in range(n)], NONE,
          note="licence class applied for")
    t.col("kcmc", [f"{v.pick(list(COUNTIES.values()))[1]}{v.pick(['第一', '第二', '城北', '城南'])}考场" for _ in range(n)], ORG_Q)
    t.col("ksrq", [v.date_between(D(2025, 3, 1), D(2026, 2, 28)) for _ in range(n)], DATE_Q)
    t.col("sjhm", [int(p["mobile"]) for p in P], PHONE, tags=("int",), note="phones stored as numbers")
    t.col("jxmc", [f"{v.fk.company_prefix()}驾驶员培训有限公司" for _ in range(n)], ORG_Q, note="driving school of the person")


# ============================== health ==============================

@table("health_chronic_followup", "health", "people", "慢病随访记录", "csv", 2800, enc="gbk", delim="\t")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 35, 92, local=0.97)
    dz = [v.pick(ICD[:4] + ICD[8:9] + ICD[12:13]) for _ in range(n)]
    t.col("档案编号", [f"{p['code']}{v.digits(9)}" for p in P], PID, note="health record number (rule 1)")
    t.col("姓名", [p["name"] for p in P], NAME)
    t.col("性别", [p["sex"] for p in P], GENDER)
    t.col("出生日期", [v.excel_serial(p["dob"]) for p in P], DOB, tags=("excel_serial",),
          note="Excel serial day numbers exported as integers")
    t.col("现住址", [v.home_address(p["code"] if p["code"] in COUNTIES else None) for p in P], ADDR)
    t.col("疾病名称", [d[1] for d in dz], MED)
    t.col("ICD编码", [d[0] for d in dz], MED)
    t.col("收缩压(mmHg)", [v.r.randint(100, 185) for _ in range(n)], MED)
    t.col("舒张压(mmHg)", [v.r.randint(60, 115) for _ in range(n)], MED)
    t.col("空腹血糖(mmol/L)", [v.sparse(round(v.r.uniform(4.2, 13.5), 1), .3) for _ in range(n)], MED, tags=("sparse",),
          dec=1)
    t.col("随访日期", [v.fmt_date(v.date_between(D(2025, 1, 1), D(2025, 12, 28)), ("slash",)) for _ in range(n)], DATE_Q)
    t.col("随访医生", [v.name() for _ in range(n)], NAME, note="staff (rule 15)")
    t.col("随访机构", [f"{v.pick(list(COUNTIES.values()))[1]}{v.pick(STREETS_HC)}社区卫生服务中心" for _ in range(n)], ORG_Q)


STREETS_HC = ["文新", "翠苑", "古荡", "北山", "转塘", "蒋村", "湖滨", "清波", "小营", "望江", "南星", "朝晖", "西兴", "长河"]


@table("health_birth_registrations", "health", "people", "出生医学证明签发登记", "jsonl", 1600, style="english_snake",
       minors=True)
def _(t: T):
    v, n = t.v, t.n
    M = [v.person(21, 42, male=False) for _ in range(n)]
    births = [v.dtime_between(D(2024, 1, 1), D(2025, 12, 20), (0, 24)) for _ in range(n)]
    t.col("cert_no", [f"{'Q' if v.chance(.2) else 'P'}33{v.digits(7)}" for _ in range(n)], PID,
          note="birth certificate number of the baby (certificate of a person)")
    t.col("baby_name", [v.sparse(M[i]["name"][0] + v.fk.first_name(), .25) for i in range(n)], NAME, tags=("sparse",))
    t.col("baby_sex", [v.pick(["男", "女"]) for _ in range(n)], GENDER)
    t.col("birth_time", [b.strftime("%Y-%m-%d %H:%M") for b in births], DOB, note="time of birth (rule 15)")
    t.col("birth_weight_g", [v.r.randint(2100, 4600) for _ in range(n)], MED, note="rule 2")
    t.col("gestation_wk", [f"{v.r.randint(34, 41)}+{v.r.randint(0, 6)}" for _ in range(n)], MED)
    t.col("mother_name", [m["name"] for m in M], NAME)
    t.col("mother_id", [m["id"] for m in M], RID)
    t.col("father_mobile", [v.sparse(v.fmt_mobile(v.mobile(), ("plain", "+86")), .15, ["-", "无"]) for _ in range(n)],
          PHONE, tags=("placeholder", "prefixed"))
    t.col("hospital", [f"{v.pick(list(COUNTIES.values()))[0]}{v.pick(['妇幼保健院', '第一人民医院', '中医院', '人民医院'])}"
                       for _ in range(n)], ORG_Q)
    t.col("issue_date", [v.date_between(b.date(), min(b.date() + dt.timedelta(days=40), TODAY)).isoformat() for b in births],
          DATE_Q)


@table("health_medical_institutions", "health", "organisations", "医疗机构执业登记", "csv", 900, enc="utf-8", delim=",")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    kinds = ["社区卫生服务站", "诊所", "口腔诊所", "卫生院", "中医诊所", "门诊部", "医院"]
    t.col("医疗机构名称", [f"{COUNTIES[c][1]}{v.pick(TOWNS + STREETS_HC)}{v.pick(kinds)}" for c in codes], ORG)
    t.col("登记号", [f"PDY{v.digits(5)}{c}{v.digits(5)}" for c in codes], NONE)
    t.col("统一社会信用代码", [v.uscc(v.pick(["12", "52", "91"]), c) for c in codes], USCC)
    t.col("机构类别", [v.pick(["公立", "民营"]) for _ in range(n)], NONE)
    t.col("地址", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("咨询电话", [v.landline(c) for c in codes], ORG_PHONE)
    t.col("床位（张）", [v.r.choice([0, 0, 0, 10, 20, 50, 120, 500]) for _ in range(n)], NONE)
    t.col("诊疗科目", [v.pick(["内科;外科", "预防保健科;全科医疗科", "口腔科", "中医科", "内科;儿科;妇产科"]) for _ in range(n)], NONE)
    C = [v.coord() for _ in range(n)]
    t.col("经度", [c[0] for c in C], LOC)
    t.col("纬度", [c[1] for c in C], LOC)
    t.col("有效期限", [f"{v.date_between(D(2021, 1, 1), D(2025, 1, 1)):%Y-%m-%d}至{v.date_between(D(2026, 1, 1), D(2030, 1, 1)):%Y-%m-%d}"
                      for _ in range(n)], DATE)


@table("health_notifiable_disease_weekly", "health", "aggregate", "法定传染病周报", "parquet", 1200,
       style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    t.col("week_start", [D(2025, 1, 6) + dt.timedelta(weeks=(i // 24) % 52) for i in range(n)], DATE)
    t.col("county_code", [v.pick(list(COUNTIES)) for _ in range(n)], REGION)
    t.col("disease", [v.pick(INFECTIOUS) for _ in range(n)], agg("MEDICAL_CONDITION"), note="rule 9")
    t.col("cases", [v.r.randint(0, 400) for _ in range(n)], NONE)
    t.col("deaths", [v.r.choice([0] * 20 + [1, 2]) for _ in range(n)], NONE)
    t.col("inc_per_100k", [round(v.r.uniform(0, 60), 2) for _ in range(n)], NONE)


# ============================== civil affairs ==============================

@table("civil_minimum_living_allowance", "civil", "people", "最低生活保障对象名册", "xlsx", 1400,
       title_row="城乡最低生活保障对象花名册（2025年12月）")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 25, 90, local=1.0)
    t.col("户主姓名", [p["name"] for p in P], NAME)
    t.col("身份证号码", [p["id"].lower() if p["id"].endswith("X") and v.chance(.6) else p["id"] for p in P], RID,
          tags=("lowercase_x",))
    t.col("保障人口（人）", [v.r.randint(1, 5) for _ in range(n)], NONE)
    t.col("保障类别", [v.pick(["A类", "B类", "C类", "低边"]) for _ in range(n)], WELF, note="welfare status (rule 5)")
    t.col("月保障金（元）", [v.money(300, 3600) for _ in range(n)], INC, dec=2)
    t.col("开户银行", [v.pick(["农商银行", "中国农业银行", "邮储银行", "中国工商银行"]) + v.pick(TOWNS) + "支行" for _ in range(n)], ORG)
    t.col("银行账号", [v.bank_card(spaced=v.chance(.5)) for _ in range(n)], BANK, tags=("spaced",))
    t.col("乡镇（街道）", [v.township() for _ in range(n)], REGION_Q)
    t.col("村（社区）", [v.village() for _ in range(n)], REGION_Q)
    t.col("联系电话", [v.sparse(p["mobile"], .2, PLACEHOLDERS[:3]) for p in P], PHONE, tags=("placeholder",))


@table("civil_social_organisations", "civil", "organisations", "社会组织登记信息", "csv", 1100, enc="gbk", delim="|")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    typ = [v.pick(["51", "52", "53"], [45, 50, 5]) for _ in range(n)]
    t.col("社会组织名称", [f"{COUNTIES[c][1]}{v.pick(['慈善', '志愿者', '养老服务', '青少年发展', '社区服务', '书法', '摄影', '篮球'])}"
                          f"{ {'51': '协会', '52': '中心', '53': '基金会'}[k]}" for c, k in zip(codes, typ)], ORG)
    t.col("统一社会信用代码", [v.uscc(k, c) for k, c in zip(typ, codes)], USCC)
    t.col("类型", [{"51": "社会团体", "52": "民办非企业单位", "53": "基金会"}[k] for k in typ], NONE)
    t.col("登记管理机关", [f"{COUNTIES[c][1]}民政局" for c in codes], ORG)
    t.col("业务主管单位", [v.sparse(f"{COUNTIES[c][1]}{v.pick(['文化和旅游局', '教育局', '体育局', '卫生健康局'])}", .4, ["无"]) for c in codes],
          ORG, tags=("placeholder",))
    t.col("住所", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("成立登记日期", [v.fmt_date(v.date_between(D(1995, 1, 1), D(2025, 10, 1)), ("cn",)) for _ in range(n)], DATE)
    t.col("注册资金（万元）", [v.r.choice([3, 5, 10, 20, 50, 200]) for _ in range(n)], NONE)
    t.col("评估等级", [v.pick(["5A", "4A", "3A", "未评估"], [5, 15, 25, 55]) for _ in range(n)], NONE)
    t.col("办公电话", [v.landline(c) for c in codes], ORG_PHONE)


@table("civil_elderly_meal_aid", "civil", "people", "老年食堂助餐补贴发放", "csv", 2000, enc="utf-8", delim="\t")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 60, 99, local=1.0)
    t.col("F1", [p["name"] for p in P], NAME)
    t.col("F2", [v.mask_id(p["id"]) for p in P], RID, tags=("masked",))
    t.col("F3", [p["age"] for p in P], AGE)
    t.col("F4", [f"{v.pick(STREETS_HC)}{v.pick(['社区', '街道'])}老年食堂" for _ in range(n)], ORG_Q,
          note="canteen the person eats at")
    t.col("F5", [v.pick(["2025-10", "2025-11"]) for _ in range(n)], DATE, note="batch month (rule 16)")
    t.col("F6", [v.pick([3.0, 5.0, 8.0, 10.0]) * v.r.randint(10, 30) for _ in range(n)], INC, note="subsidy paid (rule 3)",
          dec=1)
    t.col("F7", [v.pick(["一般老人", "80周岁以上", "低保老人", "失能老人", "独居老人"]) for _ in range(n)], WELF,
          note="subsidy category reveals hardship/disability (rule 5)")
    t.col("F8", [v.fmt_mobile(p["mobile"], ("plain", "space")) if v.chance(.6) else None for p in P], PHONE,
          tags=("sparse", "spaced"))


# ============================== education ==============================

@table("education_student_aid", "education", "people", "义务教育家庭经济困难学生资助", "parquet", 2200, style="initials",
       minors=True)
def _(t: T):
    v, n = t.v, t.n
    S = people(t, 6, 15, local=0.9)
    t.col("xsxm", [s["name"] for s in S], NAME)
    t.col("xjh", ["G" + s["id"] for s in S], RID, note="national student number G + ID (rule 10)")
    t.col("xb", [s["sex"] for s in S], GENDER)
    t.col("nj", [f"{min(9, max(1, s['age'] - 6))}年级" for s in S], NONE_Q, note="grade: quasi like age, entity null")
    t.col("xxmc", [f"{v.pick(list(COUNTIES.values()))[1]}{v.pick(TOWNS)}{v.pick(['中心小学', '初级中学', '实验学校'])}" for _ in range(n)],
          ORG_Q)
    t.col("zzlb", [v.pick(["建档立卡", "低保家庭", "特困供养", "残疾学生", "孤儿"]) for _ in range(n)], WELF)
    t.col("zzje", [v.pick([625.0, 1000.0, 1250.0]) for _ in range(n)], INC, dec=2)
    t.col("jhrxm", [s["name"][0] + v.fk.first_name() for s in S], NAME, note="guardian")
    t.col("jhrdh", [v.fmt_mobile(v.mobile(), ("plain", "dash")) for _ in range(n)], PHONE)
    t.col("ffrq", [D(2025, 11, 20)] * n, DATE, note="batch date (rule 16)")


@table("education_school_directory", "education", "organisations", "中小学校名录", "jsonl", 800, style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("school_name", [f"{COUNTIES[c][1]}{v.pick(TOWNS + STREETS_HC)}{v.pick(['小学', '中学', '实验学校', '幼儿园'])}" for c in codes],
          ORG)
    t.col("school_code", [f"3133{v.digits(6)}" for _ in range(n)], NONE, note="10-digit school identifier")
    t.col("uscc", [v.uscc("12", c) for c in codes], USCC)
    t.col("stage", [v.pick(["小学", "初中", "九年一贯制", "学前"]) for _ in range(n)], NONE)
    t.col("address", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("office_tel", [v.landline(c) for c in codes], ORG_PHONE)
    t.col("office_mail", [f"xb{v.digits(4)}@{v.pick(['hzedu', 'nbedu', 'wzedu'])}.gov.cn" for _ in range(n)], ORG_EMAIL)
    C = [v.coord() for _ in range(n)]
    t.col("lng", [c[0] for c in C], LOC)
    t.col("lat", [c[1] for c in C], LOC)
    t.col("pupils", [v.r.randint(80, 3200) for _ in range(n)], NONE)


@table("education_teacher_certificates", "education", "people", "教师资格证书认定", "csv", 1300, enc="utf-8", delim=",",
       style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 22, 55)
    t.col("cert_no", [f"20{v.r.randint(15, 25)}{p['code']}{v.digits(8)}" for p in P], PID, note="certificate of a person")
    t.col("name", [p["name"] for p in P], NAME)
    t.col("id_no", [p["id"] for p in P], RID)
    t.col("xueli", [v.pick(EDU_LIST[4:]) for _ in range(n)], EDU, style="pinyin")
    t.col("subject", [v.pick(["语文", "数学", "英语", "物理", "音乐", "体育与健康", "信息技术"]) for _ in range(n)], NONE)
    t.col("cert_type", [v.pick(["幼儿园", "小学", "初级中学", "高级中学", "中职专业课"]) for _ in range(n)], NONE)
    t.col("recognised_on", [v.date_between(D(2015, 1, 1), D(2025, 10, 1)) for _ in range(n)], DATE_Q)
    t.col("work_unit", [v.sparse(f"{v.pick(list(COUNTIES.values()))[1]}{v.pick(TOWNS)}小学", .4, ["待业", "无"]) for _ in range(n)],
          ORG_Q, tags=("placeholder",))
    t.col("mobile", [v.fmt_mobile(p["mobile"], ("plain", "+86 ", "0086")) for p in P], PHONE, tags=("prefixed",))


# ============================== human resources & social security ==============================

@table("hrss_unemployment_benefit", "hrss", "people", "失业保险金申领发放", "csv", 1900, enc="gbk", delim=",")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 20, 59)
    t.col("个人编号", [f"33{v.digits(8)}" for _ in range(n)], PID, note="social-insurance person number")
    t.col("姓名", [p["name"] for p in P], NAME)
    t.col("社会保障号码", [p["id"] for p in P], RID, note="= resident ID (rule 10)")
    t.col("原参保单位", [v.company() for _ in range(n)], ORG_Q)
    t.col("缴费基数（元）", [v.money(4462, 24000) for _ in range(n)], INC, dec=2)
    t.col("失业金月标准（元）", [v.pick([2124.0, 2106.0, 1917.0]) for _ in range(n)], INC, dec=2)
    t.col("享受月数", [v.r.randint(1, 24) for _ in range(n)], WELF, note="months of benefit granted (v2 judgement)")
    t.col("起始年月", [f"2025{v.r.randint(1, 12):02d}" for _ in range(n)], DATE_Q)
    t.col("社保卡银行账号", [v.bank_card() for _ in range(n)], BANK)
    t.col("户籍性质", [v.pick(["城镇", "农村"]) for _ in range(n)], NONE_Q, note="hukou type: quasi enumeration")


@table("hrss_job_vacancies", "hrss", "organisations", "人力资源市场岗位信息", "xlsx", 1500)
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("岗位名称", [v.pick(["普工", "仓管员", "会计", "销售代表", "CNC操作工", "厨师", "保安", "软件工程师", "电工"]) for _ in range(n)],
          OCC, note="occupation of a post, not a person")
    t.col("招聘单位", [v.company(c) for c in codes], ORG)
    t.col("统一社会信用代码", [v.uscc("91", c) for c in codes], USCC)
    lo = [v.r.choice([3000, 4000, 5000, 6000, 8000, 10000]) for _ in range(n)]
    t.col("薪资范围（元/月）", [f"{a}-{a + v.r.choice([1000, 2000, 4000])}" for a in lo], NONE,
          note="salary range of a job post (rule 3)")
    t.col("学历要求", [v.pick(["不限", "初中", "高中", "大专", "本科"]) for _ in range(n)], agg("EDUCATION"))
    t.col("工作地点", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("招聘人数", [v.r.randint(1, 50) for _ in range(n)], NONE)
    t.col("HR电话", [v.landline(c, ext=.3) for c in codes], ORG_PHONE, note="company switchboard with extension")
    t.col("发布日期", [v.date_between(D(2025, 6, 1), D(2025, 12, 30)) for _ in range(n)], DATE)


@table("hrss_pension_monthly_stats", "hrss", "aggregate", "城乡居民养老保险月度统计", "csv", 456, enc="utf-8", delim=";")
def _(t: T):
    v, n = t.v, t.n
    t.col("统计月份", [f"{2024 + i // 228}-{(i // 19) % 12 + 1:02d}" for i in range(n)], DATE)
    t.col("区县", [list(COUNTIES.values())[i % 19][1] for i in range(n)], REGION)
    t.col("参保人数", [v.r.randint(20000, 400000) for _ in range(n)], NONE)
    t.col("领取待遇人数", [v.r.randint(5000, 150000) for _ in range(n)], NONE)
    t.col("人均月养老金（元）", [v.money(260, 1400) for _ in range(n)], agg("PERSONAL_INCOME"), note="rule 9", dec=2)
    t.col("基金支出（万元）", [v.money(200, 20000) for _ in range(n)], agg("PERSONAL_INCOME"), note="benefit total (rule 9)",
          dec=2)


@table("hrss_labour_arbitration", "hrss", "people", "劳动人事争议仲裁案件", "jsonl", 1100, style="english_camel")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 62)
    t.col("caseNo", [f"{v.pick(['杭', '甬', '温', '嘉'])}劳人仲案字〔2025〕第{v.r.randint(1, 4000)}号" for _ in range(n)], CASE_NO,
          note="arbitration case number treated like a court case number (rule 6)")
    t.col("applicantName", [p["name"] for p in P], NAME)
    t.col("applicantIdNo", [p["id"] for p in P], RID)
    t.col("applicantTel", [v.fmt_mobile(p["mobile"], ALL_STYLES) for p in P], PHONE, tags=("prefixed", "spaced"))
    t.col("respondentCompany", [v.company() for _ in range(n)], ORG_Q, note="employer in the dispute")
    t.col("respondentUscc", [v.uscc("91") for _ in range(n)], USCC)
    t.col("claimAmount", [v.money(2000, 260000) for _ in range(n)], INC, note="unpaid wages / compensation claimed", dec=2)
    t.col("disputeType", [v.pick(["劳动报酬", "解除劳动合同", "社会保险", "工伤待遇", "确认劳动关系"]) for _ in range(n)], NONE)
    t.col("filedDate", [v.date_between(D(2025, 1, 1), D(2025, 12, 20)).isoformat() for _ in range(n)], DATE_Q)
    t.col("arbitrator", [v.name() for _ in range(n)], NAME, note="staff (rule 15)")


# ============================== housing ==============================

@table("housing_rental_filings", "housing", "people", "住房租赁合同网签备案", "csv", 2500, enc="utf-8", delim="|",
       style="mixed")
def _(t: T):
    v, n = t.v, t.n
    L = people(t, 28, 80)
    R = [v.person(19, 60, 0.6) for _ in range(n)]
    t.col("备案编号", serial(t, "ZLBA", 10), NONE)
    t.col("出租人XM", [p["name"] for p in L], NAME)
    t.col("出租人证件", [p["id"] for p in L], RID)
    t.col("承租人XM", [p["name"] for p in R], NAME)
    t.col("承租人证件号", [p["id"] if v.chance(.93) else (v.passport() if v.chance(.5) else v.hk_permit()) for p in R], RID,
          tags=("mixed_docs",))
    t.col("承租人电话", [v.fmt_mobile(p["mobile"], ("plain", "0086", "+86")) for p in R], PHONE, tags=("prefixed",))
    t.col("房屋坐落", [v.home_address(p["code"], rural=False) for p in L], ADDR_S,
          note="location of the landlord's home (rule 4); also the tenant's residence")
    t.col("月租金（元）", [float(v.r.randrange(1200, 9000, 100)) for _ in range(n)], INC, note="personal transaction (rule 3)",
          dec=2)
    t.col("租期起", [v.date_between(D(2024, 6, 1), D(2025, 12, 1)).isoformat() for _ in range(n)], DATE_Q)
    t.col("中介机构", [v.sparse(f"{v.fk.company_prefix()}房地产经纪有限公司", .5, ["无"]) for _ in range(n)], ORG,
          tags=("placeholder",))


@table("housing_fund_loans", "housing", "people", "住房公积金个人贷款台账", "xlsx", 1700, title_row="公积金贷款发放明细表")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 23, 60)
    t.col("借款人", [p["name"] for p in P], NAME)
    t.col("证件号码", [p["id"] for p in P], RID)
    t.col("公积金账号", [f"{v.r.randint(1, 9)}{v.digits(11)}" for _ in range(n)], BANK, tags=("account_no",),
          note="provident-fund personal account (rule 11)")
    t.col("贷款金额（万元）", [float(v.r.randrange(20, 120)) for _ in range(n)], INC, note="rule 4")
    t.col("房屋坐落", [v.home_address(p["code"], rural=False) for p in P], ADDR_S, note="rule 4")
    t.col("建筑面积（平方米）", [round(v.r.uniform(45, 180), 2) for _ in range(n)], INC, dec=2, note="rule 4")
    t.col("首套房", [v.pick(["是", "否"], [85, 15]) for _ in range(n)], WELF, note="first-home flag (rule 4)")
    t.col("放款日期", [v.date_between(D(2020, 1, 1), D(2025, 12, 1)) for _ in range(n)], DATE_Q)
    t.col("逾期期数", [v.r.choice([0] * 30 + [1, 2, 3]) for _ in range(n)], INC, note="overdue instalments (rule 4)")
    t.col("经办网点", [f"{v.pick(list(COUNTIES.values()))[0]}住房公积金中心{v.pick(TOWNS)}办事处" for _ in range(n)], ORG)


@table("housing_property_managers", "housing", "organisations", "物业服务企业及项目", "parquet", 1000, style="initials")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("QYMC", [f"{COUNTIES[c][0][:-1]}{v.fk.company_prefix()}物业管理有限公司" for c in codes], ORG)
    t.col("TYXYDM", [v.uscc("91", c) for c in codes], USCC)
    t.col("XMMC", [f"{v.pick(['金色', '阳光', '绿城', '翠竹', '和睦', '锦绣'])}{v.pick(['花园', '小区', '家园', '华庭'])}" for _ in range(n)],
          NONE, note="name of a residential estate (a place)")
    t.col("XMDZ", [v.biz_address(c) for c in codes], ORG_ADDR, note="address of the estate, not of a person")
    t.col("FWDH", [v.hotline() if v.chance(.5) else v.landline(c) for c in codes], ORG_PHONE)
    t.col("WYFBZ", [round(v.r.uniform(0.8, 4.5), 2) for _ in range(n)], NONE, note="fee per m² (catalogue price)")
    t.col("HS", [v.r.randint(120, 3800) for _ in range(n)], NONE, note="number of households served")
    t.col("XYDJ", [v.pick(["AAA", "AA", "A", "B"]) for _ in range(n)], NONE)


# ============================== transport ==============================

@table("transport_taxi_drivers", "transport", "people", "巡游出租汽车驾驶员", "csv", 1600, enc="gbk", delim=";")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 24, 63, local=0.7)
    t.col("从业资格证号", [p["id"] for p in P], RID, note="taxi qualification number = resident ID (rule 10)")
    t.col("驾驶员姓名", [p["name"] for p in P], NAME)
    t.col("所属企业", [f"{v.pick(list(COUNTIES.values()))[0][:-1]}{v.fk.company_prefix()}出租汽车有限公司" for _ in range(n)], ORG_Q)
    t.col("车牌号", [v.plate(local=1.0, ev=.5) for _ in range(n)], PLATE_Q, note="company taxi (rule 15)")
    t.col("手机", [v.fmt_mobile(p["mobile"], ("plain", "full")) for p in P], PHONE, tags=("fullwidth",))
    t.col("信誉等级", [v.pick(["AAA", "AA", "A", "B"]) for _ in range(n)], NONE)
    t.col("初领证日期", [v.fmt_date(v.date_between(D(2005, 1, 1), D(2025, 6, 1)), ("dot",)) for _ in range(n)], DATE_Q)
    t.col("户籍地", [p["code"] for p in P], REGION_Q, note="county code of household registration")


@table("transport_bus_stops", "transport", "organisations", "公交站点", "jsonl", 2000, style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    C = [v.coord() for _ in range(n)]
    t.col("stop_id", [f"BS{v.digits(7)}" for _ in range(n)], NONE)
    t.col("stop_name", [f"{v.pick(ROADS_X)}{v.pick(['口', '站', '东', '西', '北'])}" for _ in range(n)], NONE)
    t.col("line_no", [f"{v.r.randint(1, 399)}路" for _ in range(n)], NONE)
    t.col("lng", [c[0] for c in C], LOC)
    t.col("lat", [c[1] for c in C], LOC)
    t.col("district", [v.pick(list(COUNTIES)) for _ in range(n)], REGION)
    t.col("operator", [f"{v.pick(list(COUNTIES.values()))[0]}公共交通集团有限公司" for _ in range(n)], ORG)
    t.col("service_tel", [v.pick(["96196", "96345", "12328"]) for _ in range(n)], ORG_PHONE)


@table("transport_etc_passages", "transport", "people", "高速公路ETC通行流水", "parquet", 3000)
def _(t: T):
    v, n = t.v, t.n
    st = ["杭州北", "德清", "湖州", "嘉兴", "海宁", "萧山", "绍兴", "上虞", "宁波东", "余姚", "义乌", "金华", "衢州", "温州南",
          "台州", "临海北", "丽水"]
    ent = [v.dtime_between(D(2025, 10, 1), D(2025, 12, 30), (0, 24)) for _ in range(n)]
    t.col("ETC卡号", [f"3301{v.digits(16)}" for _ in range(n)], PID, note="ETC card number (rule 11)")
    t.col("车牌", [v.plate(local=.8) for _ in range(n)], PLATE)
    t.col("入口站", [v.pick(st) + "收费站" for _ in range(n)], LOC_S, note="trajectory point (rule 8)")
    t.col("入口时间", ent, DATE_Q)
    t.col("出口站", [v.pick(st) + "收费站" for _ in range(n)], LOC_S, note="trajectory point (rule 8)")
    t.col("出口时间", [e + dt.timedelta(minutes=v.r.randint(20, 300)) for e in ent], DATE_Q)
    t.col("通行费（元）", [v.money(5, 260) for _ in range(n)], INC, note="toll: personal transaction (rule 3)", dec=2)
    t.col("车型", [v.pick(["一型客车", "二型客车", "一型货车", "三型货车"], [80, 8, 7, 5]) for _ in range(n)], NONE)


# ============================== agriculture ==============================

@table("agriculture_land_contracts", "agriculture", "people", "农村土地承包经营权确权登记", "csv", 2400, enc="utf-8-sig",
       delim=";")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 40, 90, local=1.0)
    t.col("承包方代表", [p["name"] for p in P], NAME)
    t.col("身份证", [v.rid15(p["dob"], p["male"], p["code"]) if p["dob"].year < 1975 and v.chance(.35) else p["id"] for p in P],
          RID, tags=("legacy15",), note="older holders keep 15-digit legacy numbers")
    t.col("地块编码", [f"{p['code']}{v.digits(9)}JA{v.digits(5)}" for p in P], NONE, note="land parcel code")
    t.col("承包面积（亩）", [round(v.r.uniform(0.3, 12), 2) for _ in range(n)], INC, dec=2,
          note="contracted land area (rule 4)")
    t.col("所在村组", [f"{v.village()}{v.r.randint(1, 12)}组" for _ in range(n)], REGION_Q)
    t.col("地块四至", [f"东至{v.name()}承包地，南至{v.pick(['机耕路', '水渠', '村道', '山林'])}，西至{v.name()}家，北至{v.pick(['河', '田埂', '公路'])}"
                      for _ in range(n)], NAME, tags=("free_text",), note="boundaries name neighbours (rule 14)")
    t.col("家庭成员数", [v.r.randint(1, 7) for _ in range(n)], NONE)
    t.col("合同签订日期", [v.fmt_date(v.date_between(D(1998, 1, 1), D(2019, 12, 31)), ("compact", "cn")) for _ in range(n)],
          DATE_Q, tags=("mixed_formats",))


@table("agriculture_farmer_cooperatives", "agriculture", "mixed", "农民专业合作社名录", "xlsx", 850)
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    prod = ["茶叶", "水果", "蔬菜", "水稻", "中药材", "畜禽", "水产", "食用菌"]
    pr = [v.pick(prod) for _ in range(n)]
    t.col("合作社名称", [f"{COUNTIES[c][1]}{v.pick(TOWNS)}{p}专业合作社" for c, p in zip(codes, pr)], ORG)
    t.col("统一社会信用代码", [v.uscc("93", c) for c in codes], USCC)
    t.col("理事长", [v.name() for _ in range(n)], NAME)
    t.col("理事长联系电话", [v.mobile() if v.chance(.8) else v.landline(c) for c in codes], PHONE,
          note="mostly mobiles (rule 12)")
    t.col("住所", [v.home_address(c, rural=True) for c in codes], ORG_ADDR,
          note="registered seat of the cooperative (often in a village)")
    t.col("成员数（户）", [v.r.randint(5, 400) for _ in range(n)], NONE)
    t.col("主营产品", pr, NONE)
    t.col("出资总额（万元）", [float(v.r.choice([10, 30, 50, 100, 200, 500])) for _ in range(n)], NONE)
    t.col("示范社等级", [v.pick(["国家级", "省级", "市级", "县级", "无"], [3, 10, 20, 30, 37]) for _ in range(n)], NONE, tags=("placeholder",))


@table("agriculture_crop_output", "agriculture", "aggregate", "主要农作物播种面积和产量", "csv", 380, enc="utf-8", delim=",",
       style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    crops = ["稻谷", "小麦", "玉米", "大豆", "油菜籽", "茶叶", "蔬菜", "水果", "薯类", "花生"]
    t.col("year", [2016 + (i // 38) % 10 for i in range(n)], DATE)
    t.col("county", [list(COUNTIES.values())[i % 19][0] + list(COUNTIES.values())[i % 19][1] for i in range(n)], REGION)
    t.col("crop", [crops[(i // 19) % 10] for i in range(n)], NONE)
    t.col("sown_area_kha", [round(v.r.uniform(0.1, 40), 2) for _ in range(n)], NONE)
    t.col("output_t", [v.r.randint(100, 300000) for _ in range(n)], NONE)
    t.col("yield_kg_per_mu", [round(v.r.uniform(80, 600), 1) for _ in range(n)], NONE)


# ============================== natural resources ==============================

@table("resources_homestead_approvals", "resources", "people", "农村宅基地审批", "jsonl", 1200, style="pinyin")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 25, 75, local=1.0)
    t.col("shenqingren", [p["name"] for p in P], NAME)
    t.col("shenfenzhenghao", [p["id"] for p in P], RID)
    t.col("jiatingrenkou", [v.r.randint(1, 8) for _ in range(n)], NONE)
    t.col("zhaijidi_zuoluo", [v.home_address(p["code"], rural=True) for p in P], ADDR_S,
          note="homestead location (rule 4)")
    t.col("pizhun_mianji", [round(v.r.uniform(60, 125), 1) for _ in range(n)], INC, note="rule 4", dec=1)
    t.col("jianzhu_cengshu", [v.r.randint(1, 3) for _ in range(n)], NONE)
    t.col("pizhun_wenhao", [f"{v.pick(['杭', '甬', '温', '金'])}宅审〔2025〕{v.r.randint(1, 900)}号" for _ in range(n)], NONE)
    t.col("pizhun_riqi", [v.date_between(D(2023, 1, 1), D(2025, 12, 20)).isoformat() for _ in range(n)], DATE_Q)
    t.col("suozai_cun", [v.village() for _ in range(n)], REGION_Q)
    t.col("zhongxin_zuobiao", [", ".join(f"{x:.6f}" for x in v.coord()) for _ in range(n)], LOC_S,
          note="centre point of the applicant's home plot: home coordinates (rule 8)")


@table("resources_mining_rights", "resources", "organisations", "采矿权登记", "csv", 420, enc="utf-8", delim="\t",
       style="initials")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("KQMC", [f"{COUNTIES[c][1]}{v.pick(TOWNS)}{v.pick(['建筑用石料矿', '萤石矿', '叶蜡石矿', '砂石矿'])}" for c in codes], NONE,
          note="name of a mine (a place)")
    t.col("CKQR", [v.company(c) for c in codes], ORG)
    t.col("XKZH", [f"C33{v.digits(4)}20{v.r.randint(10, 25)}{v.digits(7)}" for _ in range(n)], NONE)
    t.col("KZ", [v.pick(["建筑石料用灰岩", "萤石", "叶蜡石", "砂岩"]) for _ in range(n)], NONE)
    t.col("KQMJ", [round(v.r.uniform(0.01, 2.5), 4) for _ in range(n)], NONE, note="km²")
    t.col("ZXJD", [v.coord()[0] for _ in range(n)], LOC)
    t.col("ZXWD", [v.coord()[1] for _ in range(n)], LOC)
    t.col("YXQQ", [v.fmt_date(v.date_between(D(2015, 1, 1), D(2025, 1, 1)), ("compact",)) for _ in range(n)], DATE)
    t.col("SCGM", [f"{v.r.choice([5, 10, 30, 50, 100])}万吨/年" for _ in range(n)], NONE)


# ============================== tax ==============================

@table("tax_iit_withholding", "tax", "people", "个人所得税扣缴明细", "parquet", 2800, style="opaque")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 20, 65)
    t.col("col_1", [p["name"] for p in P], NAME)
    t.col("col_2", [p["id"] for p in P], RID)
    t.col("col_3", ["居民身份证"] * n, NONE, note="document type constant")
    inc = [v.money(5000, 60000) for _ in range(n)]
    t.col("col_4", inc, INC, note="taxable income", dec=2)
    t.col("col_5", [round(max(0.0, (x - 5000) * 0.1 - 210), 2) for x in inc], INC, note="tax withheld", dec=2)
    t.col("col_6", [v.pick([0.0, 1000.0, 1500.0, 2000.0, 3000.0]) for _ in range(n)], INC, dec=2,
          note="special additional deductions (reveal children/elderly/loans)")
    t.col("col_7", [v.company() for _ in range(n)], ORG_Q, note="withholding agent = employer")
    t.col("col_8", ["2025-11"] * n, DATE, note="tax period of the batch (rule 16)")
    t.col("col_9", [v.sparse(v.bank_card(), .4) for _ in range(n)], BANK, tags=("sparse",))


@table("tax_abnormal_invoice_firms", "tax", "organisations", "异常凭证涉及纳税人", "csv", 600, enc="gbk", delim="\t")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("纳税人识别号", [v.uscc("91", c) for c in codes], USCC)
    t.col("纳税人名称", [v.company(c) for c in codes], ORG)
    t.col("主管税务机关", [f"国家税务总局{COUNTIES[c][0]}{COUNTIES[c][1]}税务局" for c in codes], ORG)
    t.col("异常类型", [v.pick(["走逃（失联）", "虚开增值税发票", "非正常户", "异常凭证"]) for _ in range(n)], NONE,
          note="status of a company")
    t.col("认定日期", [v.date_between(D(2023, 1, 1), D(2025, 12, 1)).isoformat() for _ in range(n)], DATE)
    t.col("涉及税额（元）", [v.money(1e4, 5e7) for _ in range(n)], NONE, dec=2, note="company amount")
    t.col("生产经营地址", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("举报电话", ["12366"] * n, ORG_PHONE)


@table("tax_revenue_by_industry", "tax", "aggregate", "分行业税收收入", "xlsx", 360, title_row="2025年1-11月分行业税收收入情况")
def _(t: T):
    v, n = t.v, t.n
    inds = ["制造业", "批发和零售业", "房地产业", "金融业", "建筑业", "信息技术服务业", "交通运输业", "住宿和餐饮业", "租赁和商务服务业",
            "采矿业", "电力燃气及水", "其他"]
    taxes = ["增值税", "企业所得税", "个人所得税", "城市维护建设税", "房产税", "印花税", "土地增值税", "契税", "消费税", "资源税"]
    t.col("行业", [inds[i % 12] for i in range(n)], NONE)
    t.col("税种", [taxes[(i // 12) % 10] for i in range(n)], NONE)
    t.col("地区", [list(COUNTIES.values())[(i // 120) % 19][0] for i in range(n)], REGION)
    t.col("本年累计（万元）", [v.money(10, 900000) for _ in range(n)], NONE, dec=2)
    t.col("同比增减（%）", [round(v.r.uniform(-30, 40), 1) for _ in range(n)], NONE)
    t.col("纳税户数", [v.r.randint(10, 90000) for _ in range(n)], NONE)


# ============================== courts ==============================

@table("court_enforcement_debtors", "court", "people", "执行案件被执行人", "csv", 2000, enc="utf-8", delim=",",
       style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 22, 75)
    comp = [v.chance(.18) for _ in range(n)]
    t.col("case_no", [f"（2025）浙{v.r.randint(1, 11):02d}{v.r.randint(1, 99):02d}执{v.r.randint(1, 9000)}号" for _ in range(n)],
          CASE_NO, note="court case number (rule 6)")
    t.col("debtor", [v.company() if c else p["name"] for c, p in zip(comp, P)], NAME, note="18% companies (rule 12)")
    t.col("id_or_code", [v.uscc("91") if c else p["id"] for c, p in zip(comp, P)], RID, tags=("mixed_docs",),
          note="company debtors carry a USCC (rule 10)")
    t.col("amount_cny", [v.money(3000, 2_000_000) for _ in range(n)], INC, dec=2, note="debt of a person (v2 judgement)")
    t.col("filed_on", [v.date_between(D(2024, 1, 1), D(2025, 12, 15)).isoformat() for _ in range(n)], DATE_Q)
    t.col("court", [f"{v.pick(list(COUNTIES.values()))[1]}人民法院" for _ in range(n)], ORG_Q)
    t.col("performance", [v.pick(["全部未履行", "部分履行", "全部履行"], [60, 30, 10]) for _ in range(n)], WELF,
          note="credit record (rule 6)")
    t.col("judge", [v.name() for _ in range(n)], NAME, note="staff (rule 15)")
    t.col("court_tel", [v.landline() for _ in range(n)], ORG_PHONE)


@table("court_criminal_hearing_notices", "court", "people", "刑事案件开庭公告", "jsonl", 700)
def _(t: T):
    v, n = t.v, t.n
    offences = ["危险驾驶罪", "盗窃罪", "诈骗罪", "帮助信息网络犯罪活动罪", "故意伤害罪", "开设赌场罪", "非法吸收公众存款罪", "交通肇事罪"]
    t.col("案号", [f"（2025）浙{v.r.randint(1, 11):02d}{v.r.randint(1, 99):02d}刑初{v.r.randint(1, 1500)}号" for _ in range(n)],
          CASE_NO)
    t.col("案由", [v.pick(offences) for _ in range(n)], CRIM)
    t.col("被告人", [v.mask_name(v.name()) for _ in range(n)], NAME, tags=("masked",), note="masked names (张某某)")
    t.col("开庭时间", [v.dtime_between(D(2025, 12, 1), D(2026, 2, 28), (9, 16)).strftime("%Y-%m-%d %H:%M") for _ in range(n)],
          DATE_Q)
    t.col("法庭", [f"第{v.r.randint(1, 20)}法庭" for _ in range(n)], NONE)
    t.col("审判长", [v.name() for _ in range(n)], NAME, note="staff (rule 15)")
    t.col("公诉机关", [f"{v.pick(list(COUNTIES.values()))[1]}人民检察院" for _ in range(n)], ORG)


# ============================== justice ==============================

@table("justice_community_corrections", "justice", "people", "社区矫正对象信息", "csv", 900, enc="utf-8", delim="|",
       style="initials")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 70)
    t.col("XM", [p["name"] for p in P], NAME)
    t.col("ZJHM", [p["id"] for p in P], RID)
    t.col("XB", [p["sex"] for p in P], GENDER)
    t.col("MZ", [v.pick(ETHNIC) for _ in range(n)], ETH)
    t.col("ZM", [v.pick(["危险驾驶罪", "盗窃罪", "诈骗罪", "故意伤害罪", "交通肇事罪", "掩饰、隐瞒犯罪所得罪"]) for _ in range(n)], CRIM)
    t.col("JZLB", [v.pick(["缓刑", "假释", "暂予监外执行", "管制"], [80, 10, 8, 2]) for _ in range(n)], CRIM)
    t.col("JZQX_Q", [v.date_between(D(2023, 1, 1), D(2025, 12, 1)).isoformat() for _ in range(n)], DATE_Q)
    t.col("SFS", [f"{v.pick(list(COUNTIES.values()))[1]}司法局{v.pick(TOWNS)}司法所" for _ in range(n)], ORG_Q)
    t.col("ZHDW", [f"{x[0]:.6f},{x[1]:.6f}" for x in (v.coord() for _ in range(n))], LOC_S, note="last GPS fix (rule 8)")
    t.col("JJLXR_DH", [v.sparse(v.fmt_mobile(v.mobile(), ("plain", "dash")), .2, ["无"]) for _ in range(n)], PHONE,
          tags=("placeholder",), note="emergency contact's phone")


@table("justice_law_firms", "justice", "organisations", "律师事务所执业信息", "jsonl", 500, style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("firm_name", [f"浙江{v.fk.company_prefix()}律师事务所" for _ in range(n)], ORG)
    t.col("uscc", [v.uscc("31", c) for c in codes], USCC)
    t.col("licence_no", [f"3{c[:4]}20{v.r.randint(0, 25):02d}{v.digits(5)}" for c in codes], NONE)
    t.col("org_form", [v.pick(["普通合伙", "特殊普通合伙", "个人所"]) for _ in range(n)], NONE)
    t.col("address", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("tel", [v.landline(c) for c in codes], ORG_PHONE)
    t.col("lawyers", [v.r.randint(3, 400) for _ in range(n)], NONE)
    t.col("est_year", [v.r.randint(1993, 2025) for _ in range(n)], DATE)


# ============================== emergency ==============================

@table("emergency_hazchem_enterprises", "emergency", "mixed", "危险化学品企业安全生产信息", "csv", 700, enc="gbk", delim=",")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("企业名称", [v.company(c) for c in codes], ORG)
    t.col("信用代码", [v.uscc("91", c) for c in codes], USCC)
    t.col("安全负责人", [v.name() for _ in range(n)], NAME)
    t.col("负责人手机", [v.fmt_mobile(v.mobile(), ("plain", "dash", "space")) for _ in range(n)], PHONE, tags=("spaced",))
    t.col("24小时值班电话", [v.landline(c) for c in codes], ORG_PHONE)
    t.col("企业地址", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("危化品种类", [v.pick(["液氯", "液氨", "甲醇", "硫酸", "天然气", "汽油", "苯"]) for _ in range(n)], NONE)
    t.col("重大危险源等级", [v.pick(["一级", "二级", "三级", "四级", "无"]) for _ in range(n)], NONE, tags=("placeholder",))
    C = [v.coord() for _ in range(n)]
    t.col("经度", [c[0] for c in C], LOC)
    t.col("纬度", [c[1] for c in C], LOC)


@table("emergency_disaster_relief", "emergency", "people", "自然灾害生活救助发放", "xlsx", 1300)
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 25, 92, local=1.0)
    t.col("受灾户主", [p["name"] for p in P], NAME)
    t.col("身份证号", [v.mask_id(p["id"]) for p in P], RID, tags=("masked",))
    t.col("受灾类型", [v.pick(["台风", "洪涝", "山体滑坡", "冰冻"]) for _ in range(n)], NONE, note="event category")
    t.col("房屋损坏情况", [v.pick(["倒塌", "严重损坏", "一般损坏", "未损坏"]) for _ in range(n)], WELF, note="rule 4")
    t.col("救助金额（元）", [float(v.r.choice([500, 1000, 2000, 5000, 20000])) for _ in range(n)], INC, dec=2)
    t.col("发放日期", [v.date_between(D(2025, 8, 1), D(2025, 11, 30)) for _ in range(n)], DATE_Q)
    t.col("村（社区）", [v.village() for _ in range(n)], REGION_Q)
    t.col("联系电话", [v.fmt_mobile(p["mobile"], ("mask", "plain")) for p in P], PHONE, tags=("masked",))
    t.col("灾害名称", [v.pick(["2025年第12号台风", "7·25强降雨", "8·14山洪"]) for _ in range(n)], NONE)


# ============================== sports ==============================

@table("sports_marathon_registrants", "sports", "people", "马拉松赛事报名", "jsonl", 3000, style="english_camel")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 70, local=0.6)
    foreign = [v.chance(.04) for _ in range(n)]
    t.col("bibNo", [f"{'A' if i % 3 else 'B'}{10000 + i}" for i in range(n)], PID,
          note="race number: identifies the runner in published results")
    t.col("runnerName", [v.fk.romanized_name() if f else p["name"] for f, p in zip(foreign, P)], NAME)
    t.col("idType", ["护照" if f else "身份证" for f in foreign], NONE)
    t.col("idNumber", [v.passport() if f else p["id"] for f, p in zip(foreign, P)], RID, tags=("mixed_docs",))
    t.col("gender", [("M" if p["male"] else "F") for p in P], GENDER)
    t.col("birthDate", [p["dob"].isoformat() for p in P], DOB)
    t.col("mobile", [v.fmt_mobile(p["mobile"], ("plain", "+86")) for p in P], PHONE, tags=("prefixed",))
    t.col("email", [v.email() for _ in range(n)], EMAIL)
    t.col("emergencyContact", [v.name() for _ in range(n)], NAME)
    t.col("emergencyPhone", [v.mobile() for _ in range(n)], PHONE)
    t.col("bloodType", [v.pick(["A", "B", "O", "AB", "不详"]) for _ in range(n)], MED, note="rule 2",
          tags=("placeholder",))
    t.col("tshirtSize", [v.pick(["S", "M", "L", "XL", "XXL"]) for _ in range(n)], NONE)
    t.col("event", [v.pick(["全程马拉松", "半程马拉松", "迷你跑"]) for _ in range(n)], NONE)


@table("sports_fitness_venues", "sports", "organisations", "公共体育场馆开放信息", "csv", 650, enc="utf-8-sig", delim=",")
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("场馆名称", [f"{COUNTIES[c][1]}{v.pick(TOWNS)}{v.pick(['全民健身中心', '体育馆', '游泳馆', '笼式足球场', '百姓健身房'])}" for c in codes],
          ORG)
    t.col("运营单位", [v.company(c) if v.chance(.4) else f"{COUNTIES[c][1]}文化和广电旅游体育局" for c in codes], ORG)
    t.col("地址", [v.biz_address(c) for c in codes], ORG_ADDR)
    t.col("预约电话", [v.landline(c) if v.chance(.7) else v.hotline() for c in codes], ORG_PHONE)
    t.col("开放时间", [v.pick(["08:00-21:00", "06:00-22:00", "09:00-20:30"]) for _ in range(n)], NONE)
    t.col("面积（㎡）", [v.r.randint(300, 30000) for _ in range(n)], NONE)
    C = [v.coord() for _ in range(n)]
    t.col("经纬度", [f"{c[0]},{c[1]}" for c in C], LOC)
    t.col("是否免费", [v.pick(["是", "否", "低收费"]) for _ in range(n)], NONE)


# ============================== culture & tourism ==============================

@table("culture_library_readers", "culture", "people", "公共图书馆读者证", "parquet", 2600, style="english_snake",
       minors=True)
def _(t: T):
    v, n = t.v, t.n
    P = [v.person(7, 80, 0.85) if v.chance(.85) else v.person(6, 13, 0.95) for _ in range(n)]
    t.col("reader_card", [f"0{v.digits(9)}" for _ in range(n)], PID, note="reader number (rule 1)")
    t.col("reader_name", [p["name"] for p in P], NAME)
    t.col("id_card", [p["id"].lower() if v.chance(.3) else p["id"] for p in P], RID, tags=("lowercase_x",))
    t.col("phone", [v.sparse(v.fmt_mobile(p["mobile"], ("plain", "dash", "86-")), .1) for p in P], PHONE,
          tags=("sparse", "prefixed"))
    t.col("email", [v.sparse(v.email(), .7) for _ in range(n)], EMAIL, tags=("sparse",))
    t.col("home_addr", [v.sparse(v.home_address(p["code"]), .3, ["", "-"]) for p in P], ADDR, tags=("sparse", "placeholder"))
    t.col("reg_date", [v.date_between(D(2012, 1, 1), D(2025, 12, 20)) for _ in range(n)], DATE_Q)
    t.col("deposit", [v.pick([0.0, 0.0, 100.0]) for _ in range(n)], INC, note="a person's deposit balance (rule 3)", dec=2)
    t.col("loans_total", [v.r.randint(0, 800) for _ in range(n)], NONE, note="activity count of a person")
    t.col("last_login_ip", [v.sparse(v.ip(), .5) for _ in range(n)], IP, tags=("sparse",))


@table("culture_scenic_visitors_daily", "culture", "aggregate", "A级景区日接待游客统计", "csv", 900, enc="utf-8", delim="|",
       style="english_camel")
def _(t: T):
    v, n = t.v, t.n
    spots = [f"{x}景区" for x in ["西湖", "千岛湖", "乌镇", "西塘", "雁荡山", "普陀山", "天台山", "横店影视城", "溪口", "南浔古镇"]]
    t.col("statDate", [(D(2025, 10, 1) + dt.timedelta(days=i // 10)).isoformat() for i in range(n)], DATE)
    t.col("scenicName", [spots[i % 10] for i in range(n)], ORG)
    t.col("aLevel", [v.pick(["5A", "4A"]) for _ in range(n)], NONE)
    t.col("visitorCount", [v.r.randint(800, 120000) for _ in range(n)], NONE)
    t.col("provincialShare", [round(v.r.uniform(0.2, 0.8), 3) for _ in range(n)], NONE)
    t.col("ticketRevenue", [v.money(1e4, 5e6) for _ in range(n)], NONE, dec=2, note="revenue of a scenic area (organisation)")


# ============================== water ==============================

@table("water_river_chiefs", "water", "mixed", "河长制公示信息", "csv", 1200, enc="gbk", delim=",", style="pinyin")
def _(t: T):
    v, n = t.v, t.n
    t.col("hedao_mingcheng", [f"{v.pick(VILLAGE_R)}{v.pick(['溪', '河', '江', '港', '浦'])}" for _ in range(n)], NONE)
    t.col("heduan_qizhi", [f"{v.pick(TOWNS)}至{v.pick(TOWNS)}" for _ in range(n)], NONE)
    t.col("hezhang", [v.name() for _ in range(n)], NAME, note="river chiefs are officials, still natural persons")
    t.col("zhiwu", [v.pick(["镇长", "村党支部书记", "副县长", "街道办事处主任", "村委会主任"]) for _ in range(n)], OCC)
    t.col("lxdh", [v.mobile() if v.chance(.75) else v.landline() for _ in range(n)], PHONE, style="initials",
          note="~75% mobiles (rule 12)")
    t.col("gongshipai_bh", [f"HZ{v.digits(8)}" for _ in range(n)], NONE)
    t.col("suoshu_xiangzhen", [v.township() for _ in range(n)], REGION)
    t.col("jiandu_dianhua", ["12345" if v.chance(.5) else v.landline() for _ in range(n)], ORG_PHONE)


VILLAGE_R = ["东苕", "西苕", "浦阳", "曹娥", "楠", "瓯", "椒", "飞云", "鳌", "浦", "分水", "桐"]


@table("water_rural_water_bills", "water", "people", "农村供水用户缴费", "csv", 2200, enc="utf-8", delim="\t",
       style="mixed")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 25, 88, local=1.0)
    t.col("用户编号", [f"{v.digits(2)}{i:06d}" for i in range(n)], PID, note="household water account (like 户号, rule 1)")
    t.col("户名", [p["name"] for p in P], NAME)
    t.col("用水地址", [v.home_address(p["code"], rural=True) for p in P], ADDR)
    t.col("本期读数", [v.r.randint(100, 9000) for _ in range(n)], NONE)
    t.col("用水量（吨）", [v.r.randint(2, 40) for _ in range(n)], NONE, note="consumption volume, not money")
    t.col("应缴金额（元）", [v.money(5, 150) for _ in range(n)], INC, dec=2, note="personal bill (rule 3)")
    t.col("缴费日期", [v.sparse(v.fmt_date(v.date_between(D(2025, 9, 1), D(2025, 12, 30)), ("iso", "slash")), .1, ["未缴"])
                      for _ in range(n)], DATE_Q, tags=("placeholder",))
    t.col("手机号", [v.sparse(v.fmt_mobile(p["mobile"], ("space", "plain")), .2, [" "]) for p in P], PHONE,
          tags=("spaced", "placeholder"))
    t.col("供水站", [f"{v.pick(TOWNS)}水厂" for _ in range(n)], ORG_Q)


# ============================== veterans ==============================

@table("veterans_preferential_care", "veterans", "people", "重点优抚对象定期抚恤补助", "xlsx", 1000,
       title_row="重点优抚对象定期抚恤补助金发放名册")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 30, 98, local=1.0)
    t.col("姓名", [p["name"] for p in P], NAME)
    t.col("公民身份号码", [p["id"] for p in P], RID)
    t.col("民族", [v.pick(ETHNIC) for _ in range(n)], ETH)
    t.col("优抚对象类别", [v.pick(["伤残军人", "在乡复员军人", "带病回乡退伍军人", "烈士遗属", "参战退役人员"]) for _ in range(n)], WELF,
          note="specific identity (rule 5)")
    t.col("伤残等级", [v.sparse(v.pick(["一级", "二级", "三级", "四级", "五级", "六级", "七级", "八级", "九级", "十级"]), .6, ["/"])
                      for _ in range(n)], MED, tags=("placeholder",), note="disability grade (rule 2)")
    t.col("定期抚恤金（元/月）", [v.money(800, 9000) for _ in range(n)], INC, dec=2)
    t.col("入伍年月", [f"{v.r.randint(1950, 2010)}.{v.r.randint(1, 12):02d}" for _ in range(n)], DATE_Q)
    t.col("户籍地", [f"{COUNTIES[p['code']][1]}{v.township()}" for p in P], REGION_Q)


@table("veterans_employment_stats", "veterans", "aggregate", "退役军人就业创业统计", "parquet", 380)
def _(t: T):
    v, n = t.v, t.n
    t.col("年度", [2016 + (i // 38) % 10 for i in range(n)], DATE)
    t.col("区县代码", [list(COUNTIES)[i % 19] for i in range(n)], REGION)
    t.col("安置方式", [["自主就业", "安排工作"][(i // 19) % 2] for i in range(n)], NONE)
    t.col("接收人数", [v.r.randint(20, 900) for _ in range(n)], NONE)
    t.col("就业率(%)", [round(v.r.uniform(70, 99), 1) for _ in range(n)], NONE)
    t.col("一次性经济补助总额（万元）", [v.money(50, 9000) for _ in range(n)], agg("PERSONAL_INCOME"), note="benefit total (rule 9)",
          dec=2)


# ============================== statistics ==============================

@table("stats_population_by_age", "stats", "aggregate", "分年龄性别人口", "csv", 760, enc="utf-8-sig", delim="\t")
def _(t: T):
    v, n = t.v, t.n
    bands = [f"{a}-{a + 4}岁" for a in range(0, 95, 5)] + ["95岁及以上"]
    t.col("地区", [list(COUNTIES.values())[(i // 40) % 19][1] for i in range(n)], REGION)
    t.col("年龄组", [bands[(i // 2) % 20] for i in range(n)], agg("AGE"))
    t.col("性别", [["男", "女"][i % 2] for i in range(n)], agg("GENDER"))
    t.col("人口数", [v.r.randint(50, 80000) for _ in range(n)], NONE)
    t.col("占比（%）", [round(v.r.uniform(0.01, 5), 2) for _ in range(n)], NONE)
    t.col("普查年份", [2020] * n, DATE)


@table("stats_enterprise_survey_directory", "stats", "mixed", "规模以上工业企业统计调查名录", "xlsx", 1100)
def _(t: T):
    v, n = t.v, t.n
    codes = [v.pick(list(COUNTIES)) for _ in range(n)]
    t.col("单位详细名称", [v.company(c) for c in codes], ORG)
    t.col("统一社会信用代码", [v.uscc("91", c) for c in codes], USCC)
    t.col("行业代码", [f"C{v.r.randint(13, 43)}{v.digits(2)}" for _ in range(n)], NONE)
    t.col("区划代码", [f"{c}{v.digits(3)}000" for c in codes], REGION)
    t.col("从业人员期末人数", [v.r.randint(20, 5000) for _ in range(n)], NONE)
    t.col("营业收入（千元）", [v.r.randint(20000, 9000000) for _ in range(n)], NONE, note="company amount")
    t.col("统计负责人", [v.name() for _ in range(n)], NAME)
    t.col("填表人", [v.name() for _ in range(n)], NAME)
    t.col("联系电话", [v.mobile() if v.chance(.6) else v.landline(c, ext=.3) for c in codes], PHONE,
          note="~60% mobiles of the form filler (rule 12)", tags=("mixed_formats",))
    t.col("邮政编码", [f"3{v.r.randint(10000, 24999)}" for _ in range(n)], NONE)


# ============================== more people tables (opaque / legacy) ==============================

@table("health_elderly_checkups", "health", "people", "老年人健康体检", "csv", 2400, enc="gbk", delim="|", style="opaque")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 65, 95, local=1.0)
    t.col("字段1", [p["name"] for p in P], NAME)
    t.col("字段2", [p["id"][:6] + " " + p["id"][6:14] + " " + p["id"][14:] if v.chance(.3) else p["id"] for p in P], RID,
          tags=("spaced",))
    t.col("字段3", [p["age"] for p in P], AGE)
    t.col("字段4", [round(v.r.uniform(145, 180), 1) for _ in range(n)], MED, note="height (rule 2)", dec=1)
    t.col("字段5", [round(v.r.uniform(40, 90), 1) for _ in range(n)], MED, note="weight (rule 2)", dec=1)
    t.col("字段6", [v.pick(["正常", "异常：心电图ST段改变", "异常：血脂偏高", "异常：B超示脂肪肝", "异常：血糖偏高"]) for _ in range(n)], MED)
    t.col("字段7", [v.date_between(D(2025, 3, 1), D(2025, 11, 30)).isoformat() for _ in range(n)], DATE_Q)
    t.col("字段8", [v.sparse(v.fmt_mobile(v.mobile(), ("plain",)), .35, PLACEHOLDERS) for _ in range(n)], PHONE,
          tags=("placeholder",), note="phone of the person or a relative")
    t.col("备用字段", [None] * n, NONE, tags=("empty",))


@table("civil_marriage_registrations", "civil", "people", "婚姻登记", "parquet", 1500, style="initials")
def _(t: T):
    v, n = t.v, t.n
    M = [v.person(22, 70, male=True) for _ in range(n)]
    W = [v.person(20, 68, male=False) for _ in range(n)]
    t.col("DJZH", [f"J330{v.digits(3)}-2025-{i:06d}" for i in range(n)], PID, note="marriage certificate number (v2)")
    t.col("YWLX", [v.pick(["结婚", "离婚", "补发"], [70, 25, 5]) for _ in range(n)], MARITAL, note="rule 7")
    t.col("NFXM", [m["name"] for m in M], NAME)
    t.col("NFZJHM", [m["id"] for m in M], RID)
    t.col("NFCSRQ", [m["dob"] for m in M], DOB)
    t.col("NVXM", [w["name"] for w in W], NAME)
    t.col("NVZJHM", [w["id"] if v.chance(.96) else v.hk_permit() for w in W], RID, tags=("mixed_docs",))
    t.col("NVCSRQ", [w["dob"] for w in W], DOB)
    t.col("DJRQ", [v.date_between(D(2025, 1, 1), D(2025, 12, 30)) for _ in range(n)], DATE_Q)
    t.col("DJJG", [f"{v.pick(list(COUNTIES.values()))[1]}民政局婚姻登记处" for _ in range(n)], ORG_Q)
    t.col("NFWHCD", [v.pick(EDU_LIST) for _ in range(n)], EDU)


@table("hrss_vocational_training_subsidy", "hrss", "people", "职业技能培训补贴申领", "csv", 1400, enc="utf-8", delim=",",
       style="english_camel")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 58, local=0.7)
    t.col("applyNo", serial(t, "PX", 10), NONE, note="application serial (rule 1)")
    t.col("traineeName", [p["name"] for p in P], NAME)
    t.col("certNo", [p["id"] for p in P], RID)
    t.col("traineeAge", [p["age"] for p in P], AGE)
    t.col("educationLevel", [v.pick(EDU_LIST[:6]) for _ in range(n)], EDU)
    t.col("occupationName", [v.pick(["育婴员", "电工", "焊工", "中式烹调师", "保育师", "养老护理员", "电子商务师"]) for _ in range(n)], OCC)
    t.col("skillLevel", [v.pick(["五级/初级工", "四级/中级工", "三级/高级工"]) for _ in range(n)], NONE)
    t.col("trainingOrg", [f"{v.fk.company_prefix()}职业技能培训学校" for _ in range(n)], ORG_Q)
    t.col("subsidyAmount", [float(v.pick([800, 1200, 1800, 2400])) for _ in range(n)], INC, dec=2)
    t.col("bankCardNo", [v.bank_card() for _ in range(n)], BANK)
    t.col("personType", [v.pick(["城乡未继续升学初高中毕业生", "失业人员", "农村转移就业劳动者", "脱贫劳动力", "残疾人"]) for _ in range(n)], WELF,
          note="person category reveals hardship/disability (rule 5)")


@table("traffic_parking_credit_payments", "traffic", "people", "路内停车欠费追缴", "csv", 1800, enc="utf-8", delim=",",
       style="english_snake")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 20, 70)
    t.col("order_id", serial(t, "PK", 14), NONE, note="order serial (rule 1)")
    t.col("plate_no", [v.plate() for _ in range(n)], PLATE)
    t.col("berth_no", [f"{v.pick(ROADS_X)[:2]}{v.r.randint(1, 300):03d}" for _ in range(n)], NONE, note="parking berth code")
    t.col("enter_time", [v.dtime_between(D(2025, 6, 1), D(2025, 12, 20)) for _ in range(n)], DATE_Q)
    t.col("owed_amount", [v.money(2, 200) for _ in range(n)], INC, dec=2, note="personal transaction (rule 3)")
    t.col("owner_name", [v.mask_name(p["name"], p["male"]) for p in P], NAME, tags=("masked",))
    t.col("owner_mobile", [v.fmt_mobile(p["mobile"], ("mask",)) for p in P], PHONE, tags=("masked",))
    t.col("paid_card", [v.sparse(v.credit_card(), .6) for _ in range(n)], CREDIT, tags=("sparse",))
    t.col("pay_channel", [v.sparse(v.pick(["微信", "支付宝", "银联", "ETC"]), .5) for _ in range(n)], NONE, tags=("sparse",))
    t.col("operator_tel", ["96" + "345"] * n, ORG_PHONE)


@table("culture_outbound_tour_members", "culture", "people", "出境旅游团队游客名单", "xlsx", 600,
       title_row="出境旅游团队名单表（报送文化和旅游部门）")
def _(t: T):
    v, n = t.v, t.n
    P = people(t, 18, 78)
    t.col("团号", [f"ZJ2025{v.r.randint(1, 999):04d}" for _ in range(n)], NONE, note="tour group code")
    t.col("中文姓名", [p["name"] for p in P], NAME)
    t.col("护照号码", [v.passport() for _ in range(n)], PASSPORT)
    t.col("性别", [p["sex"] for p in P], GENDER)
    t.col("出生日期", [p["dob"] for p in P], DOB)
    t.col("签发地", [v.pick(["浙江", "浙江", "上海", "江苏", "安徽"]) for _ in range(n)], NONE_Q, note="issuing province of the passport")
    t.col("手机（Mobile）", [v.fmt_mobile(p["mobile"], ("plain", "+86")) for p in P], PHONE, tags=("prefixed",))
    t.col("目的地", [v.pick(["日本", "泰国", "新加坡", "法国", "澳大利亚", "埃及"]) for _ in range(n)], NONE_Q,
          note="destination of the person's trip (place of an event)")
    t.col("出团日期", [v.date_between(D(2025, 3, 1), D(2026, 1, 31)) for _ in range(n)], DATE_Q)
    t.col("组团社", [f"浙江{v.fk.company_prefix()}国际旅行社有限公司" for _ in range(n)], ORG)
    t.col("领队", [v.name() for _ in range(n)], NAME, note="staff (rule 15)")
    t.col("领队证号", [f"L-ZJ-{v.digits(6)}" for _ in range(n)], PID, note="tour-leader certificate of a person")
