"""v6 tables added after the first delivery (only additions; earlier tables unchanged)."""

from __future__ import annotations

import datetime as dt

import v6lib
from v6lib import C, COMM, COUNTIES, CRIMES, CIVIL_CAUSES, DRUGS, ICD, TOWNS, table

D = dt.date


def pk(P, k):
    return [p[k] for p in P]


@table("court_hearing_notices", "court", "people", "开庭公告", fmt="jsonl", rows=800, note="full-pinyin keys")
def t_hearing(c):
    A = c.people((18, 80), 0.1)
    B = c.people((18, 80), 0.1)
    crim = [c.r.random() < 0.3 for _ in A]
    return [
        C("anhao", "py", "P/-/q", [f"（2026）湘01{c.r.randint(2, 99):02d}{'刑初' if k else '民初'}{c.r.randint(1, 9999)}号" for k in crim]),
        C("anyou", "py", "S/CRIMINAL_RECORD/s", [c.ch(CRIMES) if k else c.ch(CIVIL_CAUSES) for k in crim], note="mixes offences (30%) with civil causes: labelled by the offences"),
        C("yuangao", "py", "P/PERSON_NAME/d", [("长沙市" + c.ch(["岳麓区", "芙蓉区", "天心区"]) + "人民检察院") if k else a["name"] for k, a in zip(crim, A)], note="prosecutor in criminal rows, a person otherwise"),
        C("beigao", "py", "P/PERSON_NAME/d", pk(B, "name")),
        C("kaitingshijian", "py", "N/EVENT_DATE/q", c.dtimes(D(2026, 12, 1), D(2027, 1, 31), "%Y-%m-%d %H:%M")),
        C("fating", "py", "N/-/o", [f"第{c.r.randint(1, 30)}法庭" for _ in A]),
        C("chengbanbumen", "py", "N/-/o", c.chs(["刑事审判庭", "民事审判第一庭", "民事审判第二庭", "速裁庭"])),
        C("shenpanzhang", "py", "P/PERSON_NAME/d", [c.name() for _ in A]),
        C("gongkaishenli", "py", "N/-/o", c.wchs(["是", "否"], [90, 10])),
    ]


@table("procur_juvenile_non_prosecution", "procur", "people", "未成年人附条件不起诉", fmt="xlsx", rows=240)
def t_juvenile(c):
    P = c.people((14, 17), 0.1)
    return [
        C("嫌疑人姓名", "zh", "P/PERSON_NAME/d", [c.mask_name(p["name"]) for p in P], tags=["masked"]),
        C("身份证号码", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("年龄", "zh", "N/AGE/q", pk(P, "age")),
        C("就读学校", "zh", "N/ORG_NAME/q", c.sparse(c.chs(["长沙市第十一中学", "岳麓区职业中专", "雨花区某中学", "开福区第三中学"]), 0.4), tags=["sparse"]),
        C("涉嫌罪名", "zh", "S/CRIMINAL_RECORD/s", c.chs(["盗窃罪", "寻衅滋事罪", "故意伤害罪", "抢劫罪", "帮助信息网络犯罪活动罪"])),
        C("考验期（月）", "zh", "S/CRIMINAL_RECORD/s", c.chs([6, 8, 10, 12])),
        C("附带条件", "zh", "S/CRIMINAL_RECORD/s", c.chs(["接受心理辅导", "参加公益劳动40小时", "不得进入娱乐场所", "接受法治教育"]), note="conditions imposed on a suspect"),
        C("法定代理人", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("代理人电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("决定日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
    ]


@table("prison_family_visits", "prison", "people", "罪犯亲属会见登记", delim=",", enc="utf-8-sig", rows=1500, note="mixed naming")
def t_visits(c):
    V = c.people((18, 85), 0.1)
    ids = []
    for v in V:
        x = c.r.random()
        s = v["id"]
        ids.append("身份证:" + s if x < 0.1 else (v6lib.fullwidth(s) if x < 0.2 else s))
    return [
        C("zf罪犯编号", "mx", "P/PERSON_ID/d", [f"43{c.r.randint(10, 40)}{c.r.randint(100000, 999999)}" for _ in V]),
        C("zfxm_罪犯姓名", "mx", "P/PERSON_NAME/d", [c.name() for _ in V]),
        C("visitor姓名", "mx", "P/PERSON_NAME/d", pk(V, "name")),
        C("visitor证件号", "mx", "S/CN_RESIDENT_ID/d", ids, tags=["prefixed", "fullwidth", "dirty"]),
        C("关系gx", "mx", "N/-/o", c.chs(["父亲", "母亲", "配偶", "子女", "兄弟姐妹"])),
        C("会见方式", "zh", "N/-/o", c.chs(["现场会见", "远程视频会见"])),
        C("会见时间", "zh", "N/EVENT_DATE/q", c.dtimes(D(2026, 9, 1), D(2026, 11, 28))),
        C("visitor手机", "mx", "P/PHONE_NUMBER/d", pk(V, "mobile")),
        C("存款金额", "zh", "S/PERSONAL_INCOME/s", c.sparse(c.chs([100, 200, 300, 500, 800]), 0.5), tags=["sparse"], note="money deposited to the prisoner's account"),
    ]


@table("police_antifraud_warnings", "police", "people", "电信网络诈骗预警劝阻", fmt="parquet", rows=1000)
def t_antifraud(c):
    P = c.people((16, 85), 0.1)
    return [
        C("预警编号", "zh", "N/-/o", c.serials("YJ202611", width=6)),
        C("潜在受害人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("受害人手机", "zh", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("受害人身份证", "zh", "S/CN_RESIDENT_ID/d", c.sparse(pk(P, "id"), 0.2), tags=["sparse"]),
        C("诈骗类型", "zh", "N/-/o", c.chs(["刷单返利", "虚假投资理财", "冒充客服", "虚假贷款", "冒充公检法", "网络游戏交易"]), note="type of the fraud against the victim: event category"),
        C("涉诈电话", "zh", "P/PHONE_NUMBER/d", [c.ch(["+85", "+63", "00855", ""]) + c.mobile() if c.r.random() < 0.7 else "95" + c.digits(6) for _ in P], note="fraudster's number (a natural person's line)"),
        C("已转账金额", "zh", "S/PERSONAL_INCOME/s", c.sparse(c.moneys(100, 500000), 0.6), tags=["sparse"]),
        C("受害人银行卡", "zh", "S/BANK_CARD/d", c.sparse([c.bank_card() for _ in P], 0.6), tags=["sparse"]),
        C("劝阻方式", "zh", "N/-/o", c.chs(["电话劝阻", "上门劝阻", "短信提醒"])),
        C("劝阻结果", "zh", "N/-/o", c.wchs(["劝阻成功", "已被骗", "无法联系"], [75, 15, 10])),
        C("预警时间", "zh", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("受害人所在基站", "zh", "S/PRECISE_LOCATION/s", [f"{c.ch(v6lib.ROADS)}{c.ch(['移动', '联通', '电信'])}基站{c.r.randint(1, 99)}号扇区" for _ in P], note="serving cell of the victim's phone"),
    ]


@table("health_birth_certificates", "health", "people", "出生医学证明签发", enc="gbk", delim=",", rows=900)
def t_birth(c):
    mothers = c.people((20, 42), 0.1, sex="F")
    fathers = c.people((21, 50), 0.1, sex="M")
    kids = c.people((0, 1), 0.0)
    tob = [dt.datetime.combine(k["birth"], dt.time(c.r.randint(0, 23), c.r.randint(0, 59))) for k in kids]
    return [
        C("出生医学证明编号", "zh", "P/PERSON_ID/d", [f"{c.ch('PQRS')}{c.r.randint(430000000, 439999999)}" for _ in kids], note="certificate number (v2)"),
        C("新生儿姓名", "zh", "P/PERSON_NAME/d", c.sparse([f["name"][0] + k["name"][1:] for f, k in zip(fathers, kids)], 0.2), tags=["sparse"]),
        C("性别", "zh", "N/GENDER/q", pk(kids, "sexzh")),
        C("出生时间", "zh", "P/DATE_OF_BIRTH/q", [t.strftime("%Y年%m月%d日%H时%M分") for t in tob], note="time of birth (rule 15)"),
        C("出生孕周", "zh", "S/MEDICAL_CONDITION/s", [f"{c.r.randint(33, 41)}周+{c.r.randint(0, 6)}" for _ in kids]),
        C("出生体重(g)", "zh", "S/MEDICAL_CONDITION/s", c.ints(1800, 4400)),
        C("出生身长(cm)", "zh", "S/MEDICAL_CONDITION/s", c.ints(44, 55)),
        C("出生地点", "zh", "N/REGION/q", [f"湖南省{x[1]}{x[2]}" for x in c.chs(COUNTIES)]),
        C("母亲姓名", "zh", "P/PERSON_NAME/d", pk(mothers, "name")),
        C("母亲有效身份证件号码", "zh", "S/CN_RESIDENT_ID/d", pk(mothers, "id")),
        C("父亲姓名", "zh", "P/PERSON_NAME/d", c.sparse(pk(fathers, "name"), 0.05), tags=["sparse"]),
        C("父亲有效身份证件号码", "zh", "S/CN_RESIDENT_ID/d", c.sparse(pk(fathers, "id"), 0.05), tags=["sparse"]),
        C("接生机构", "zh", "N/ORG_NAME/q", c.chs(["湖南省妇幼保健院", "长沙市妇幼保健院", "湘雅医院", "浏阳市妇幼保健院", "宁乡市人民医院"])),
    ]


@table("health_family_doctor_contracts", "health", "people", "家庭医生签约服务", fmt="parquet", rows=1500, note="full-pinyin column names")
def t_family_doc(c):
    P = c.people((0, 95), 0.0)
    return [
        C("qianyue_bianhao", "py", "N/-/o", c.serials("QY2026", width=7), note="contract serial"),
        C("jumin_xingming", "py", "P/PERSON_NAME/d", pk(P, "name")),
        C("shenfenzheng_haoma", "py", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("lianxi_dianhua", "py", "P/PHONE_NUMBER/d", [p["mobile"] if c.r.random() < 0.8 else c.landline(dash="") for p in P]),
        C("jiating_zhuzhi", "py", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("zhongdian_renqun", "py", "S/MEDICAL_CONDITION/s", c.chs(["高血压患者", "2型糖尿病患者", "孕产妇", "0-6岁儿童", "65岁以上老人", "严重精神障碍患者", "肺结核患者", "残疾人", "一般人群"]), note="key population incl. disease groups"),
        C("fuwu_baoming", "py", "N/-/o", c.chs(["基础包", "老年人包", "慢病包", "母婴包"])),
        C("qianyue_yisheng", "py", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("qianyue_riqi", "py", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("suoshu_shequ", "py", "N/REGION/q", c.chs(COMM)),
        C("ziferi_jine", "py", "S/PERSONAL_INCOME/s", c.chs([0, 0, 30, 60, 120]), note="fee paid by the resident (rule 3); key has a typo"),
    ]


@table("medins_fraud_investigations", "medins", "people", "欺诈骗保案件查处（个人）", enc="utf-8", delim="|", rows=300)
def t_fraud(c):
    P = c.people((25, 80), 0.05)
    return [
        C("案件编号", "zh", "N/-/o", c.serials("YBJC2026", width=4)),
        C("当事人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("社会保障号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("违法情形", "zh", "S/CRIMINAL_RECORD/s", c.chs(["冒用他人医保卡就医", "倒卖医保药品", "虚构医药服务", "伪造票据报销", "重复享受待遇"]), note="violation of a person"),
        C("涉及金额", "zh", "S/PERSONAL_INCOME/s", c.moneys(200, 90000)),
        C("处理结果", "zh", "S/CRIMINAL_RECORD/s", c.chs(["追回基金并处罚款", "暂停医保直接结算6个月", "移送公安机关", "追回基金"])),
        C("罚款金额", "zh", "S/CRIMINAL_RECORD/s", c.sparse(c.moneys(400, 180000), 0.4), tags=["sparse"], note="fine of a person (rule 6)"),
        C("涉及药品", "zh", "S/MEDICAL_CONDITION/s", c.sparse(c.chs(DRUGS), 0.4), tags=["sparse"]),
        C("查处日期", "zh", "N/EVENT_DATE/q", c.dates(D(2025, 6, 1), D(2026, 11, 28))),
        C("查处机构", "zh", "N/ORG_NAME/q", c.chs(["长沙市医疗保障局", "岳麓区医疗保障局", "株洲市医疗保障局"])),
    ]


@table("civil_child_welfare", "civil", "people", "孤儿和事实无人抚养儿童保障", fmt="xlsx", rows=300)
def t_orphans(c):
    P = c.people((0, 17), 0.0)
    return [
        C("儿童姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("出生日期", "zh", "P/DATE_OF_BIRTH/q", [p["birth"].isoformat() for p in P]),
        C("保障类别", "zh", "S/-/s", c.chs(["社会散居孤儿", "机构养育孤儿", "事实无人抚养儿童", "艾滋病病毒感染儿童"]), note="welfare/specific identity (rule 5)"),
        C("父母情况", "zh", "S/-/s", c.chs(["父母双亡", "父亲服刑、母亲失联", "父亲重残、母亲死亡", "父母均失联", "母亲强制隔离戒毒"]), note="reveals parents' death, imprisonment, disability: sensitive"),
        C("月基本生活费", "zh", "S/PERSONAL_INCOME/s", c.chs([1300, 1500, 1800, 2100])),
        C("监护人姓名", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("监护人关系", "zh", "N/-/o", c.chs(["祖父母", "外祖父母", "伯叔", "姑姨", "福利机构"])),
        C("监护人电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("就学情况", "zh", "N/-/q", c.chs(["学龄前", "小学", "初中", "高中", "中职", "未就学"])),
        C("所在乡镇", "zh", "N/REGION/q", c.chs(TOWNS)),
    ]


@table("finance_large_transactions", "finance", "people", "大额交易报告", fmt="jsonl", rows=1500)
def t_large(c):
    P = c.people((20, 80), 0.1)
    return [
        C("report_id", "sn", "N/-/o", c.serials("LTR", width=9, step=(1, 40))),
        C("cust_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("cust_id_type", "sn", "N/-/o", ["110001"] * c.n, note="document type code"),
        C("cust_id_no", "sn", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("acct_no", "sn", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("tx_time", "sn", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28), "%Y%m%d%H%M%S")),
        C("tx_amt", "sn", "S/PERSONAL_INCOME/s", c.moneys(50000, 3000000)),
        C("currency", "sn", "N/-/o", c.wchs(["CNY", "USD", "HKD"], [94, 4, 2])),
        C("cp_name", "sn", "P/PERSON_NAME/d", [c.name() if c.r.random() < 0.6 else c.company() for _ in P], note="counterparty: ~40% companies (rule 12)"),
        C("cp_acct", "sn", "S/BANK_CARD/d", [c.bank_card() for _ in P]),
        C("channel", "sn", "N/-/o", c.chs(["柜面", "网银", "手机银行", "ATM"])),
        C("client_ip", "sn", "P/IP_ADDRESS/q", c.sparse([c.ip() for _ in P], 0.4), tags=["sparse"]),
        C("purpose", "sn", "S/PERSONAL_INCOME/s", c.chs(["购房款", "还款", "投资理财", "家庭资金往来", "购车款", "工资奖金"]), note="purpose of a person's transaction"),
    ]


@table("religion_hajj_applicants", "religion", "people", "朝觐报名人员", delim=";", rows=200)
def t_hajj(c):
    P = c.people((30, 75), 0.2)
    return [
        C("name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("jingming", "py", "P/PERSON_NAME/d", c.sparse(c.chs(["阿卜杜拉", "穆罕默德", "阿伊莎", "法蒂玛", "优素福", "易卜拉欣"]), 0.3), tags=["sparse"], note="religious (经名) name of a person; reveals religion too"),
        C("id_card", "sn", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("passport", "sn", "S/PASSPORT/d", [c.passport() for _ in P]),
        C("ethnic", "sn", "N/ETHNICITY/q", c.wchs(["回族", "维吾尔族", "东乡族", "撒拉族"], [85, 5, 5, 5])),
        C("mosque", "sn", "S/RELIGION/s", c.chs(["长沙清真寺", "常德清真寺", "邵阳清真寺", "桃源清真寺"]), note="mosque of an applicant: religion of a person"),
        C("health_check", "sn", "S/MEDICAL_CONDITION/s", c.wchs(["合格", "高血压需复查", "不合格"], [85, 12, 3])),
        C("phone", "sn", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("fee_paid", "sn", "S/PERSONAL_INCOME/s", c.chs([39000, 42000, 45000])),
    ]


@table("hrss_work_injury_claims", "hrss", "people", "工伤认定和劳动能力鉴定", fmt="parquet", rows=600)
def t_injury(c):
    P = c.people((18, 62), 0.3)
    return [
        C("gsrdbh", "in", "N/-/o", c.serials("GSRD2026", width=5)),
        C("zgxm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("zgsfzh", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("yrdw", "in", "N/ORG_NAME/q", [c.company() for _ in P]),
        C("sgrq", "in", "N/EVENT_DATE/q", c.dates(D(2025, 6, 1), D(2026, 10, 1))),
        C("shbw", "in", "S/MEDICAL_CONDITION/s", c.chs(["右手食指末节离断", "腰椎压缩性骨折", "左胫腓骨骨折", "颅脑损伤", "双眼化学性灼伤", "尘肺病"]), note="injury / occupational disease"),
        C("ldnljddj", "in", "S/MEDICAL_CONDITION/s", c.chs(["一级", "三级", "五级", "七级", "八级", "十级", "未达级"]), note="disability grade"),
        C("shbz", "in", "S/PERSONAL_INCOME/s", c.moneys(5000, 400000), note="one-off disability benefit"),
        C("lxdh", "in", "P/PHONE_NUMBER/d", pk(P, "mobile")),
    ]


@table("civil_social_organisations", "civil", "mixed", "社会组织登记", enc="gbk", delim="\t", rows=500, note="legal representatives of social organisations are natural persons")
def t_socorg(c):
    return [
        C("社会组织名称", "zh", "N/ORG_NAME/o", [f"{c.ch(['长沙市', '岳麓区', '湖南省'])}{c.ch(['志愿者', '慈善', '养老服务', '青少年发展', '书法', '篮球', '物流'])}{c.ch(['协会', '促进会', '服务中心', '基金会'])}" for _ in range(c.n)]),
        C("统一社会信用代码", "zh", "N/USCC/o", [c.uscc(c.ch(["51", "52", "53"])) for _ in range(c.n)]),
        C("类型", "zh", "N/-/o", c.chs(["社会团体", "民办非企业单位", "基金会"])),
        C("法定代表人", "zh", "P/PERSON_NAME/d", [c.name() for _ in range(c.n)]),
        C("联系人手机", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in range(c.n)]),
        C("住所", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("业务主管单位", "zh", "N/ORG_NAME/o", c.chs(["市民政局", "市体育局", "市文旅局", "市教育局", "无"])),
        C("注册资金（万元）", "zh", "N/-/o", c.chs([3, 10, 50, 200, 400])),
        C("成立登记日期", "zh", "N/EVENT_DATE/o", c.dates(D(2000, 1, 1), D(2026, 11, 1))),
        C("年检结论", "zh", "N/-/o", c.chs(["合格", "基本合格", "不合格", "未参检"])),
    ]


@table("health_clinics_responsible_doctors", "health", "mixed", "诊所备案（含负责医师）", fmt="jsonl", rows=400)
def t_clinics(c):
    return [
        C("clinic_name", "sn", "N/ORG_NAME/o", [f"{c.ch(['岳麓', '芙蓉', '天心', '开福', '雨花'])}{c.ch(['仁和', '康宁', '济民', '同德', '惠民'])}{c.ch(['诊所', '中医诊所', '口腔诊所'])}" for _ in range(c.n)]),
        C("record_no", "sn", "N/-/o", [f"PDY{c.r.randint(10 ** 7, 10 ** 8 - 1)}43010{c.r.randint(1, 5)}1{c.r.randint(1000, 9999)}" for _ in range(c.n)], note="practice licence / filing code"),
        C("subjects", "sn", "N/-/o", c.chs(["全科医疗科", "中医科", "口腔科", "内科;外科"]), note="medical subjects of a clinic: not about a person"),
        C("address", "sn", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("tel", "sn", "N/PHONE_NUMBER/o", [c.landline() for _ in range(c.n)]),
        C("principal_doctor", "sn", "P/PERSON_NAME/d", [c.name() for _ in range(c.n)]),
        C("doctor_mobile", "sn", "P/PHONE_NUMBER/d", [c.mobile() for _ in range(c.n)]),
        C("filed_on", "sn", "N/EVENT_DATE/o", c.dates(D(2018, 1, 1), D(2026, 11, 1))),
    ]


@table("stats_traffic_violations_by_junction", "stats", "aggregate", "路口交通违法统计", delim=",", rows=400)
def t_junction(c):
    J = [f"{a}与{b}交叉口" for a in v6lib.ROADS[:20] for b in ["人民路", "解放路", "车站路", "劳动路"]]
    pts = [c.gps() for _ in range(c.n)]
    return [
        C("路口名称", "zh", "N/ADDRESS/o", [J[i % len(J)] for i in range(c.n)]),
        C("经度", "zh", "N/PRECISE_LOCATION/o", [p[0] for p in pts]),
        C("纬度", "zh", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("统计月份", "zh", "N/EVENT_DATE/o", [f"2026-{1 + i // 80:02d}" for i in range(c.n)]),
        C("主要违法行为", "zh", "N/CRIMINAL_RECORD/o", c.chs(["闯红灯", "不按导向车道行驶", "违停", "超速", "不礼让行人"]), note="violation category of an aggregate (rule 9)"),
        C("违法数", "zh", "N/-/o", c.ints(10, 3000)),
        C("事故数", "zh", "N/-/o", c.ints(0, 30)),
    ]


@table("stats_medins_fund_by_disease", "stats", "aggregate", "医保基金分病种支出", fmt="parquet", rows=360)
def t_fund_dis(c):
    G = [(d[1], y, q) for d in ICD for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)]
    return [
        C("bzmc", "in", "N/MEDICAL_CONDITION/o", [G[i % len(G)][0] for i in range(c.n)]),
        C("nd", "in", "N/EVENT_DATE/o", [G[i % len(G)][1] for i in range(c.n)]),
        C("jd", "in", "N/-/o", [G[i % len(G)][2] for i in range(c.n)]),
        C("rc", "in", "N/-/o", c.ints(5, 50000), note="person-times"),
        C("tczf", "in", "N/-/o", c.moneys(1, 9000), note="pooled fund paid (10k yuan)"),
        C("cjfy", "in", "N/PERSONAL_INCOME/o", c.moneys(50, 30000), note="average cost per case (rule 9)"),
    ]


@table("utility_gas_accounts", "utility", "people", "管道燃气用户", enc="utf-8", delim="\t", rows=1200, note="opaque legacy names F1..F10")
def t_gas(c):
    P = c.people((20, 90), 0.0)
    return [
        C("F1", "op", "P/PERSON_ID/d", [f"RQ{c.r.randint(10 ** 7, 10 ** 8 - 1)}" for _ in P], note="gas account number"),
        C("F2", "op", "P/PERSON_NAME/d", pk(P, "name")),
        C("F3", "op", "P/ADDRESS/d", [c.address() for _ in P]),
        C("F4", "op", "P/PHONE_NUMBER/d", [c.mask_phone(p["mobile"]) if c.r.random() < 0.5 else p["mobile"] for p in P], tags=["masked"]),
        C("F5", "op", "N/-/o", c.chs(["IC卡表", "物联网表", "机械表"])),
        C("F6", "op", "N/-/o", c.ints(0, 200), note="monthly volume"),
        C("F7", "op", "S/PERSONAL_INCOME/s", c.moneys(0, 600), note="bill"),
        C("F8", "op", "S/BANK_CARD/d", c.sparse([c.bank_card() for _ in P], 0.6), tags=["sparse"], note="direct-debit card"),
        C("F9", "op", "N/EVENT_DATE/q", c.dates(D(2008, 1, 1), D(2026, 11, 1)), note="account opened"),
        C("F10", "op", "S/-/s", c.wchs(["否", "是"], [94, 6]), note="low-income discount (rule 5)"),
    ]
