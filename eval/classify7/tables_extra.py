"""People tables weighted towards the weakest sensitive kinds: criminal records, precise location and
trajectories, religion, passports, credit cards, biometric references, health and money of persons."""

from __future__ import annotations

from v7lib import (
    CHENGDU, COUNTIES, EDU, FOREIGN_COUNTRIES, OCCUP, ROADS, Col as C, Gen, table, fmt_date, mask_card, mask_id,
    mask_name, mask_phone,
)


@table("correction_drug_rehab", "people", "社区戒毒社区康复人员管控", "xlsx", 300, ascii_style="initials")
def correction_drug_rehab(g: Gen) -> list[C]:
    P = g.people((18, 65))
    return [
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("户籍地址", "P/ADDRESS/d", [p.addr for p in P]),
        C("联系电话", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("滥用毒品种类", "S/CRIMINAL_RECORD/s", g.pick(["甲基苯丙胺", "海洛因", "氯胺酮", "大麻", "合成大麻素"]), note="drug use (v6 call)"),
        C("吸食方式", "S/CRIMINAL_RECORD/s", g.pick(["烫吸", "注射", "鼻吸", "口服"])),
        C("初次查获日期", "N/EVENT_DATE/q", g.dates("2010-01-01", "2025-12-31")),
        C("执行类型", "S/CRIMINAL_RECORD/s", g.pick(["社区戒毒", "社区康复"])),
        C("复吸次数", "S/CRIMINAL_RECORD/s", g.ints(0, 5), note="relapse (v6 call)"),
        C("最近尿检结果", "S/MEDICAL_CONDITION/s", g.pick(["阴性"] * 8 + ["阳性", "拒检"]), note="urine test (v6 call)"),
        C("执行地", "N/ORG_NAME/q", [f"{s}禁毒社工站" for s in g.pick([x for c in CHENGDU.values() for x in c[1]])]),
        C("专职社工", "P/PERSON_NAME/d", g.pick(g.names(12))),
    ]


CRIMES = ["盗窃罪", "诈骗罪", "危险驾驶罪", "故意伤害罪", "贩卖毒品罪", "帮助信息网络犯罪活动罪", "寻衅滋事罪", "掩饰、隐瞒犯罪所得罪"]


@table("court_criminal_judgment_index", "people", "刑事裁判文书索引", "csv", 500, enc="utf-8", delim=",", ascii_style="english_snake")
def court_criminal_judgment_index(g: Gen) -> list[C]:
    P = g.people((18, 70))
    return [
        C("case_no", "P/-/q", [f"({y})川{g.r.choice(['0104', '0107', '0108', '01'])}刑初{g.r.randint(1, 999)}号" for y in g.ints(2020, 2026)], note="court case number (rule 6)"),
        C("defendant", "P/PERSON_NAME/d", [mask_name(p.name, 1) for p in P], tags=("masked",)),
        C("gender", "N/GENDER/q", [p.sex for p in P]),
        C("birth_date", "P/DATE_OF_BIRTH/q", [fmt_date(p.dob, 3) for p in P]),
        C("education", "N/EDUCATION/q", g.pick(EDU[:6])),
        C("household_reg", "N/REGION/q", [COUNTIES.get(p.region, "外省") for p in P]),
        C("charge", "S/CRIMINAL_RECORD/s", g.pick(CRIMES)),
        C("sentence", "S/CRIMINAL_RECORD/s", [g.r.choice([f"有期徒刑{g.r.randint(1, 10)}年", f"拘役{g.r.randint(1, 6)}个月", f"有期徒刑{g.r.randint(6, 11)}个月，缓刑一年"]) for _ in P]),
        C("criminal_fine", "S/CRIMINAL_RECORD/s", g.pick([1000, 2000, 5000, 10000, 50000]), note="criminal fine (v6 call)"),
        C("prior_record", "S/CRIMINAL_RECORD/s", g.pick(["初犯", "初犯", "累犯", "有前科"])),
        C("detention_centre", "S/CRIMINAL_RECORD/s", g.pick(["成都市看守所", "成都市第二看守所", "取保候审"]), note="detention of a suspect (v6 call)"),
        C("defence_lawyer", "P/PERSON_NAME/d", g.sparse(g.names(), 0.6), tags=("sparse",)),
        C("presiding_judge", "P/PERSON_NAME/d", g.pick(g.names(10))),
        C("judgment_date", "N/EVENT_DATE/q", g.dates("2020-01-01", "2026-11-20")),
    ]


@table("fire_119_calls", "people", "119接警记录", "jsonl", 600, ascii_style="english_snake")
def fire_119_calls(g: Gen) -> list[C]:
    return [
        C("alarm_id", "N/-/o", g.randserial("JJ2026", 8)),
        C("caller", "P/PERSON_NAME/d", g.sparse([mask_name(n, 2, g.r.choice("男女")) for n in g.names()], 0.7), tags=("masked", "sparse")),
        C("caller_no", "P/PHONE_NUMBER/d", [int(m) for m in g.mobiles()], tags=("int",)),
        C("caller_lng", "S/PRECISE_LOCATION/s", g.money(103.9, 104.2, 6), note="handset position of a caller at a time (rule 8)"),
        C("caller_lat", "S/PRECISE_LOCATION/s", g.money(30.55, 30.78, 6)),
        C("scene_addr", "N/ADDRESS/q", [f"{CHENGDU[c][0]}{g.r.choice(ROADS)}{g.r.randint(1, 300)}号" for c in g.pick(list(CHENGDU))], note="incidental event place (rule 8)"),
        C("incident_type", "N/-/o", g.pick(["火灾扑救", "抢险救援", "社会救助", "电梯困人", "虚假报警"])),
        C("trapped", "N/-/o", g.ints(0, 6)),
        C("casualty_note", "S/MEDICAL_CONDITION/s", g.sparse(g.pick(["1人吸入烟雾送医", "2人轻微烧伤", "1人腿部骨折"]), 0.15), tags=("sparse",)),
        C("operator_no", "P/PERSON_ID/d", g.pick(g.randserial("JJY", 4, 12)), note="staff number (rule 15)"),
        C("received_at", "N/EVENT_DATE/q", g.times("2026-10-01 00:00:00", "2026-11-28 23:59:59")),
    ]


@table("ethnic_hajj_pilgrims", "people", "朝觐人员报名审核", "csv", 120, enc="gbk", delim=",", crlf=True)
def ethnic_hajj_pilgrims(g: Gen) -> list[C]:
    P = g.people((30, 75))
    return [
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("经名", "P/PERSON_NAME/d", g.pick(["穆罕默德", "阿里", "尤素福", "法图麦", "阿伊莎", "易卜拉欣"]), note="religious name of a person"),
        C("民族", "N/ETHNICITY/q", g.pick(["回族", "回族", "东乡族", "撒拉族"])),
        C("身份证号", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("护照号", "S/PASSPORT/d", [g.passport() for _ in P]),
        C("宗教信仰", "S/RELIGION/s", ["伊斯兰教"] * g.n),
        C("所属清真寺", "S/RELIGION/s", g.pick(["成都皇城清真寺", "鼓楼街清真寺", "西昌清真寺", "阿坝清真寺"]), note="mosque of a person reveals religion"),
        C("体检结论", "S/MEDICAL_CONDITION/s", g.pick(["合格", "合格", "高血压控制良好", "不宜长途旅行"])),
        C("手机", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("出境日期", "N/EVENT_DATE/q", g.dates("2026-05-01", "2026-05-31")),
    ]


@table("ethnic_buddhist_refuge_register", "people", "皈依弟子登记", "jsonl", 400, ascii_style="pinyin")
def ethnic_buddhist_refuge_register(g: Gen) -> list[C]:
    P = g.people((18, 85))
    return [
        C("gui_yi_zheng_hao", "P/PERSON_ID/d", g.randserial("WSY", 7), note="refuge certificate of a person"),
        C("xing_ming", "P/PERSON_NAME/d", [p.name for p in P]),
        C("fa_ming", "P/PERSON_NAME/d", ["释" + g.r.choice("慧智明觉圆净善") + g.r.choice("海空光真德") for _ in P]),
        C("shen_fen_zheng", "S/CN_RESIDENT_ID/d", [mask_id(p.rid, 0) for p in P], tags=("masked",)),
        C("gui_yi_si_yuan", "S/RELIGION/s", g.pick(["文殊院", "昭觉寺", "大慈寺", "宝光寺", "石经寺"]), note="the temple where a person took refuge reveals religion"),
        C("zong_jiao", "S/RELIGION/s", ["佛教"] * g.n),
        C("gui_yi_ri_qi", "N/EVENT_DATE/q", g.dates("2000-01-01", "2026-11-20")),
        C("lian_xi_dian_hua", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("zhu_zhi", "P/ADDRESS/d", [p.addr for p in P]),
    ]


@table("health_epi_trace_points", "people", "传染病病例流调活动轨迹", "parquet", 900, minors=True, ascii_style="english_snake")
def health_epi_trace_points(g: Gen) -> list[C]:
    cases = g.people((3, 85), n=60)
    idx = g.ints(0, 59)
    return [
        C("case_no", "P/PERSON_ID/d", [f"CD2026{i:04d}" for i in idx], note="case number of a patient"),
        C("case_name", "P/PERSON_NAME/d", [cases[i].name for i in idx]),
        C("age", "N/AGE/q", [g.age_of(cases[i]) for i in idx]),
        C("disease", "S/MEDICAL_CONDITION/s", [g.r.choice(["肺结核", "麻疹", "猩红热", "登革热", "诺如病毒感染"]) for _ in idx]),
        C("visit_time", "N/EVENT_DATE/q", g.times("2026-10-20 06:00:00", "2026-11-28 23:00:00")),
        C("venue", "S/PRECISE_LOCATION/s", g.pick(["春熙路太古里", "锦江区某农贸市场", "地铁2号线", "成都东站", "某KTV", "双流机场T2"]), note="places visited by a patient: trajectory (rule 8)"),
        C("venue_lng", "S/PRECISE_LOCATION/s", g.money(103.9, 104.2, 6)),
        C("venue_lat", "S/PRECISE_LOCATION/s", g.money(30.55, 30.78, 6)),
        C("transport", "N/-/o", g.pick(["步行", "地铁", "公交", "出租车", "自驾"])),
        C("train_or_flight", "S/PRECISE_LOCATION/s", g.sparse(g.pick(["G8601", "D1923", "3U8888", "CA4105"]), 0.15), tags=("sparse",), note="a trip of a person (trajectory)"),
        C("investigator", "P/PERSON_NAME/d", g.pick(g.names(8)), note="staff (rule 15)"),
    ]


@table("culture_outbound_tour_members", "people", "出境旅游团队名单表", "xlsx", 240, title_row=True, ascii_style="english_snake")
def culture_outbound_tour_members(g: Gen) -> list[C]:
    P = g.people((20, 75))
    return [
        C("团号", "N/-/o", [f"CDU{g.r.randint(100, 999)}-{g.r.choice(['TH', 'JP', 'EU'])}" for _ in P]),
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("姓名拼音", "P/PERSON_NAME/d", [f"{g.fk.romanized_name().upper()}" for _ in P], note="romanised name as in the passport"),
        C("性别", "N/GENDER/q", [p.sex for p in P]),
        C("出生日期", "P/DATE_OF_BIRTH/q", [p.dob.strftime("%Y/%m/%d") for p in P]),
        C("出生地", "N/REGION/q", ["四川"] * g.n),
        C("护照号码", "S/PASSPORT/d", [g.passport() for _ in P]),
        C("护照有效期至", "N/EVENT_DATE/q", g.dates("2027-01-01", "2036-12-31")),
        C("手机", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("目的地", "N/REGION/q", [c[0] for c in g.pick(FOREIGN_COUNTRIES)], note="destination country of a group tour: coarse, quasi"),
        C("押金信用卡", "S/CREDIT_CARD/d", [mask_card(c, 1) if g.r.random() < 0.3 else c for c in g.cards(credit=True)], tags=("masked",)),
        C("领队", "P/PERSON_NAME/d", g.pick(g.names(6))),
    ]


@table("sports_gym_members", "people", "健身场馆会员与人脸入场", "csv", 700, enc="utf-8", delim="|", ascii_style="english_camel")
def sports_gym_members(g: Gen) -> list[C]:
    P = g.people((16, 70))
    return [
        C("memberNo", "P/PERSON_ID/d", g.randserial("M", 8)),
        C("memberName", "P/PERSON_NAME/d", [p.name for p in P]),
        C("mobile", "P/PHONE_NUMBER/d", [mask_phone(p.mobile, 0) if g.r.random() < 0.5 else p.mobile for p in P], tags=("masked",)),
        C("cardBalance", "S/PERSONAL_INCOME/s", g.money(0, 8000, 2), note="prepaid balance of a person (rule 3)"),
        C("lastTopUp", "S/PERSONAL_INCOME/s", g.pick([500, 1000, 2000, 3000, 5000])),
        C("faceTemplateId", "S/-/d", [f"FT{g.r.getrandbits(48):012x}" for _ in P], note="reference to a face template: biometric (PIPL Art. 28), no vocabulary entity"),
        C("bodyFatPct", "S/MEDICAL_CONDITION/s", g.money(8, 40, 1), note="body measurement (rule 2)"),
        C("bmi", "S/MEDICAL_CONDITION/s", g.money(17, 35, 1)),
        C("lastEntry", "N/EVENT_DATE/q", g.times("2026-11-01 06:00:00", "2026-11-28 22:00:00")),
        C("store", "N/ORG_NAME/q", g.pick(["乐刻运动（玉林店）", "超级猩猩（太古里店）", "威尔士健身（天府三街店）"])),
        C("cardType", "N/-/o", g.pick(["月卡", "季卡", "年卡", "次卡"])),
    ]


@table("grid_checkpoint_passes", "people", "治安卡口过车记录", "parquet", 2000, ascii_style="initials")
def grid_checkpoint_passes(g: Gen) -> list[C]:
    owners = g.people((20, 75), n=250)
    idx = g.ints(0, 249)
    plates = [g.plate(o.region) for o in owners]
    gates = [(f"{g.r.choice(ROADS)}与{g.r.choice(ROADS)}交叉口卡口", *g.coord(nd=6)) for _ in range(40)]
    gi = g.ints(0, 39)
    return [
        C("HPHM", "P/LICENSE_PLATE/d", [plates[i] for i in idx]),
        C("HPZL", "N/-/o", g.pick(["02", "02", "52", "01"]), note="plate type code"),
        C("KKMC", "S/PRECISE_LOCATION/s", [gates[i][0] for i in gi], note="checkpoint passed by a vehicle with a time: trajectory (rule 8, like ETC stations)"),
        C("KKJD", "S/PRECISE_LOCATION/s", [gates[i][1] for i in gi]),
        C("KKWD", "S/PRECISE_LOCATION/s", [gates[i][2] for i in gi]),
        C("GCSJ", "N/EVENT_DATE/q", g.times("2026-11-27 00:00:00", "2026-11-28 23:59:59", "%Y%m%d%H%M%S")),
        C("CLSD", "N/-/o", g.ints(10, 90)),
        C("JDCSYR", "P/PERSON_NAME/d", [owners[i].name for i in idx], note="registered owner"),
        C("SYRSJ", "P/PHONE_NUMBER/d", [owners[i].mobile for i in idx]),
        C("JSYRLZP", "S/-/d", [f"http://10.{g.r.randint(1, 254)}.{g.r.randint(1, 254)}.{g.r.randint(1, 254)}/pic/{g.r.getrandbits(40):010x}.jpg" for _ in idx], note="face snapshot of the driver: biometric reference, no vocabulary entity"),
    ]


@table("hrss_wage_arrears_workers", "people", "欠薪农民工工资清偿名单", "csv", 450, enc="utf-8-sig", delim=",", crlf=True, ascii_style="initials")
def hrss_wage_arrears_workers(g: Gen) -> list[C]:
    P = g.people((18, 62))
    owed = g.money(2000, 60000, 2)
    return [
        C("项目名称", "N/-/o", [f"{g.r.choice(['天府新区', '双流', '郫都'])}{g.r.choice(['安置房', '学校', '道路'])}工程{g.r.randint(1, 9)}标段" for _ in P]),
        C("施工单位", "N/ORG_NAME/q", g.companies(g.n, "建筑工程"), note="employer of the worker: institution, quasi"),
        C("班组长", "P/PERSON_NAME/d", g.pick(g.names(30))),
        C("NMG姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("SFZH", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("工种", "N/OCCUPATION/q", g.pick(["钢筋工", "木工", "泥瓦工", "架子工", "电焊工", "杂工"])),
        C("GZKH", "S/BANK_CARD/d", [g.bank_card() for _ in P], note="wage card"),
        C("欠薪金额", "S/PERSONAL_INCOME/s", owed),
        C("已清偿金额", "S/PERSONAL_INCOME/s", [round(o * g.r.choice([0, 0.5, 1]), 2) for o in owed]),
        C("手机SJHM", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
    ]


@table("medins_cross_region_inpatients", "people", "异地就医住院直接结算", "jsonl", 800, ascii_style="english_snake")
def medins_cross_region_inpatients(g: Gen) -> list[C]:
    P = g.people((18, 95))
    dx = g.pick([("C16.9", "胃恶性肿瘤"), ("I63.9", "脑梗死"), ("S72.0", "股骨颈骨折"), ("J18.9", "肺炎"), ("O80.0", "头位顺产"), ("F32.2", "重度抑郁发作")])
    tot = g.money(3000, 260000, 2)
    return [
        C("psn_no", "P/PERSON_ID/d", g.randserial("5134", 12), note="insured person number"),
        C("psn_name", "P/PERSON_NAME/d", [p.name for p in P]),
        C("certno", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("insu_admdvs", "N/REGION/q", g.pick(["513401", "513301", "513201", "511102"]), note="insurance region code"),
        C("fixmedins_name", "N/ORG_NAME/q", g.pick(["四川大学华西医院", "四川省人民医院", "四川省肿瘤医院", "成都市第四人民医院"])),
        C("dept", "S/MEDICAL_CONDITION/s", g.pick(["肿瘤科", "神经内科", "骨科", "呼吸科", "产科", "精神心理科"]), note="department of a stay (rule 2)"),
        C("adm_date", "N/EVENT_DATE/q", g.dates("2026-01-01", "2026-11-20")),
        C("dscg_diag_code", "S/MEDICAL_CONDITION/s", [d[0] for d in dx]),
        C("dscg_diag_name", "S/MEDICAL_CONDITION/s", [d[1] for d in dx]),
        C("medfee_sumamt", "S/PERSONAL_INCOME/s", tot, note="a person's medical bill (rule 3)"),
        C("fund_pay", "S/PERSONAL_INCOME/s", [round(t * g.r.uniform(0.5, 0.8), 2) for t in tot]),
        C("psn_selfpay", "S/PERSONAL_INCOME/s", [round(t * g.r.uniform(0.1, 0.3), 2) for t in tot]),
        C("occupation", "N/OCCUPATION/q", g.pick(OCCUP)),
    ]


@table("telecom_gov_app_logins", "people", "政务服务App登录日志", "jsonl", 1500, ascii_style="english_snake")
def telecom_gov_app_logins(g: Gen) -> list[C]:
    P = g.people((18, 75), n=300)
    idx = g.ints(0, 299)
    uid = g.randserial("U", 10, 300)
    dev = [f"{g.r.getrandbits(64):016X}" for _ in range(300)]
    mails = [g.email() for _ in range(300)]
    return [
        C("user_id", "P/PERSON_ID/d", [uid[i] for i in idx], note="platform account id"),
        C("real_name", "P/PERSON_NAME/d", [mask_name(P[i].name, 0) for i in idx], tags=("masked",)),
        C("login_mobile", "P/PHONE_NUMBER/d", [P[i].mobile for i in idx]),
        C("bound_email", "P/EMAIL/d", g.sparse([mails[i] for i in idx], 0.35), tags=("sparse",)),
        C("login_ip", "P/IP_ADDRESS/d", [g.ip() for _ in idx]),
        C("device_id", "P/-/d", [dev[i] for i in idx], note="device id (v6 call)"),
        C("gps_lng", "S/PRECISE_LOCATION/s", g.sparse(g.money(103.9, 104.2, 6), 0.6), tags=("sparse",), note="position of a user at login time (rule 8)"),
        C("gps_lat", "S/PRECISE_LOCATION/s", g.sparse(g.money(30.55, 30.78, 6), 0.6), tags=("sparse",)),
        C("auth_method", "N/-/o", g.pick(["短信验证码", "人脸识别", "密码", "电子社保卡"])),
        C("login_time", "N/EVENT_DATE/q", g.times("2026-11-20 00:00:00", "2026-11-28 23:59:59")),
        C("app_version", "N/-/o", g.pick(["5.2.1", "5.3.0", "5.3.2"])),
    ]


@table("customs_crossborder_orders", "people", "跨境电商零售进口订单申报", "csv", 900, enc="utf-8", delim="\t", ascii_style="english_camel")
def customs_crossborder_orders(g: Gen) -> list[C]:
    P = g.people((18, 65))
    amt = g.money(50, 5000, 2)
    return [
        C("orderNo", "N/-/o", g.randserial("CB", 16), note="order serial (rule 1)"),
        C("buyerName", "P/PERSON_NAME/d", [p.name for p in P]),
        C("buyerIdNumber", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("buyerTelephone", "P/PHONE_NUMBER/d", [f"86-{p.mobile}" if g.r.random() < 0.3 else p.mobile for p in P], tags=("dirty",)),
        C("consigneeAddress", "P/ADDRESS/d", [p.addr for p in P]),
        C("payCardNo", "S/CREDIT_CARD/d", g.cards(credit=True)),
        C("goodsValue", "S/PERSONAL_INCOME/s", amt, note="a person's purchase (rule 3)"),
        C("annualQuotaUsed", "S/PERSONAL_INCOME/s", [round(a + g.r.uniform(0, 20000), 2) for a in amt], note="a person's yearly cross-border spending"),
        C("goodsName", "N/-/o", g.pick(["婴儿配方奶粉", "面霜", "保健品", "手表", "葡萄酒"])),
        C("ebpName", "N/ORG_NAME/o", g.pick(["天猫国际", "京东国际", "考拉海购", "抖音全球购"])),
        C("declTime", "N/EVENT_DATE/q", g.times("2026-11-01 00:00:00", "2026-11-28 23:59:59", "%Y%m%d%H%M%S")),
    ]


@table("correction_released_prisoners", "people", "刑满释放人员衔接帮教", "xlsx", 260)
def correction_released_prisoners(g: Gen) -> list[C]:
    P = g.people((22, 70))
    return [
        C("姓名", "P/PERSON_NAME/d", [p.name for p in P]),
        C("公民身份号码", "S/CN_RESIDENT_ID/d", [p.rid for p in P]),
        C("原罪名", "S/CRIMINAL_RECORD/s", g.pick(CRIMES)),
        C("原判刑期", "S/CRIMINAL_RECORD/s", [f"{g.r.randint(1, 15)}年" for _ in P]),
        C("服刑监狱", "S/CRIMINAL_RECORD/s", g.pick(["四川省成都监狱", "四川省川西监狱", "四川省锦江监狱", "四川省女子监狱"]), note="the prison reveals imprisonment"),
        C("释放日期", "N/EVENT_DATE/q", g.dates("2024-01-01", "2026-11-20")),
        C("重新犯罪危险性评估", "S/CRIMINAL_RECORD/s", g.pick(["低", "中", "高"])),
        C("帮教状态", "S/CRIMINAL_RECORD/s", g.pick(["帮教中", "已解除", "失联"])),
        C("落脚点地址", "P/ADDRESS/d", [p.addr for p in P]),
        C("家属姓名", "P/PERSON_NAME/d", g.names()),
        C("家属电话", "P/PHONE_NUMBER/d", g.mobiles()),
        C("接收司法所", "N/ORG_NAME/q", [f"{s}司法所" for s in g.pick([x for c in CHENGDU.values() for x in c[1]])]),
    ]


@table("ethnic_church_members", "people", "基督教堂点信徒名册", "csv", 300, enc="gbk", delim="|", ascii_style="opaque")
def ethnic_church_members(g: Gen) -> list[C]:
    P = g.people((18, 90))
    return [
        C("字段1", "P/PERSON_NAME/d", [p.name for p in P]),
        C("字段2", "N/GENDER/q", [p.sex for p in P]),
        C("字段3", "P/DATE_OF_BIRTH/q", [str(p.dob.year) + "年" for p in P], note="birth year"),
        C("字段4", "S/RELIGION/s", g.sparse(g.dates("1985-01-01", "2026-10-01"), 0.8), tags=("sparse",), note="baptism date reveals the person's religion"),
        C("字段5", "S/RELIGION/s", g.pick(["恩光堂", "磨子桥堂", "新都福音堂", "郫都圣恩堂"]), note="congregation of a believer"),
        C("字段6", "S/RELIGION/s", ["基督教"] * g.n),
        C("字段7", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("字段8", "P/ADDRESS/d", [p.addr for p in P]),
        C("字段9", "P/PERSON_ID/d", g.sparse([f"wxid_{g.r.getrandbits(40):010x}" for _ in P], 0.5), tags=("sparse",), note="WeChat id (account of a person)"),
    ]


@table("market_car_rental_orders", "people", "汽车租赁订单备案", "parquet", 700, ascii_style="english_snake")
def market_car_rental_orders(g: Gen) -> list[C]:
    P = g.people((20, 65))
    return [
        C("order_no", "N/-/o", g.randserial("ZC", 12)),
        C("renter", "P/PERSON_NAME/d", [p.name for p in P]),
        C("driving_licence_no", "S/CN_RESIDENT_ID/d", [p.rid for p in P], note="driving-licence number = ID number (rule 10)"),
        C("renter_mobile", "P/PHONE_NUMBER/d", [p.mobile for p in P]),
        C("preauth_card", "S/CREDIT_CARD/d", [mask_card(c, 0) if g.r.random() < 0.5 else c for c in g.cards(credit=True)], tags=("masked",)),
        C("plate", "P/LICENSE_PLATE/q", [g.plate("5101") for _ in P], note="plate of a company car in a renter table (rule 15)"),
        C("pickup_store", "N/ORG_NAME/q", g.pick(["一嗨租车（双流机场店）", "神州租车（成都东站店）", "悟空租车（春熙路店）"])),
        C("return_lng", "S/PRECISE_LOCATION/s", g.money(103.9, 104.2, 6), note="where a person left the car: trajectory point (rule 8)"),
        C("return_lat", "S/PRECISE_LOCATION/s", g.money(30.55, 30.78, 6)),
        C("rent_paid", "S/PERSONAL_INCOME/s", g.money(150, 6000, 2)),
        C("violation_during_rental", "S/CRIMINAL_RECORD/s", g.sparse(g.pick(["超速20%以下", "闯红灯", "违法停车"]), 0.1), tags=("sparse",), note="traffic violation of a person (rule 6)"),
        C("pickup_time", "N/EVENT_DATE/q", g.times("2026-10-01 08:00:00", "2026-11-28 20:00:00")),
    ]
