"""v6 tables: courts, procuratorate, justice, prisons and detention, public security."""

from __future__ import annotations

import datetime as dt

from v6lib import C, COUNTIES, CRIMES, CIVIL_CAUSES, EDU, ETHNIC, HOTELS, MARITAL, OCCUP, table

D = dt.date
COURTS = ["长沙市中级人民法院", "长沙市岳麓区人民法院", "长沙市芙蓉区人民法院", "长沙市天心区人民法院", "株洲市天元区人民法院",
          "湘潭市雨湖区人民法院", "衡阳市石鼓区人民法院", "岳阳市岳阳楼区人民法院", "常德市武陵区人民法院", "浏阳市人民法院"]
STATIONS = ["岳麓派出所", "望月湖派出所", "东塘派出所", "火星派出所", "星沙派出所", "坪塘派出所", "侯家塘派出所", "洪山派出所"]


def pk(P, k):
    return [p[k] for p in P]


def sentence(c):
    kind = c.wch(["有期徒刑", "拘役", "管制", "免予刑事处罚"], [70, 20, 5, 5])
    if kind == "有期徒刑":
        m = c.r.randint(6, 180)
        s = f"有期徒刑{m // 12}年{m % 12}个月" if m >= 12 else f"有期徒刑{m}个月"
    elif kind == "拘役":
        s = f"拘役{c.r.randint(1, 6)}个月"
    elif kind == "管制":
        s = f"管制{c.r.randint(3, 24)}个月"
    else:
        s = kind
    if kind in ("有期徒刑", "拘役") and c.r.random() < 0.3:
        s += f"，缓刑{c.r.randint(1, 4)}年"
    return s


def case_no(c, y, court_abbr, kind):
    return f"（{y}）{court_abbr}{kind}{c.r.randint(1, 9999)}号"


@table("court_criminal_judgments", "court", "people", "刑事判决被告人信息", fmt="parquet", rows=900)
def t_court_criminal(c):
    P = c.people((16, 75), 0.2)
    abbr = c.chs(["湘01", "湘0104", "湘0102", "湘0103", "湘0211", "湘0302", "湘0407", "湘0602"])
    crimes = c.chs(CRIMES)
    return [
        C("案号", "zh", "P/-/q", [case_no(c, c.r.choice([2024, 2025, 2026]), a, c.ch(["刑初", "刑终"])) for a in abbr], note="court case number: personal/quasi (rule 6)"),
        C("承办法院", "zh", "N/ORG_NAME/q", c.chs(COURTS)),
        C("被告人姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("出生日期", "zh", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y%m%d") for p in P]),
        C("民族", "zh", "N/ETHNICITY/q", c.chs(ETHNIC)),
        C("文化程度", "zh", "N/EDUCATION/q", c.chs(EDU)),
        C("公民身份号码", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("户籍所在地", "zh", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("罪名", "zh", "S/CRIMINAL_RECORD/s", crimes),
        C("判处刑罚", "zh", "S/CRIMINAL_RECORD/s", [sentence(c) for _ in P]),
        C("罚金(元)", "zh", "S/CRIMINAL_RECORD/s", [c.ch([0, 1000, 2000, 3000, 5000, 10000, 20000, 50000]) for _ in P], note="criminal fine of a person: part of the sentence (rule 6)"),
        C("是否累犯", "zh", "S/CRIMINAL_RECORD/s", c.wchs(["否", "是"], [85, 15])),
        C("判决日期", "zh", "N/EVENT_DATE/q", c.dates(D(2024, 1, 1), D(2026, 11, 20))),
        C("审判长", "zh", "P/PERSON_NAME/d", [c.name() for _ in P], note="judge: staff are natural persons (rule 15)"),
        C("文书ID", "zh", "N/-/o", ["%032x" % c.r.getrandbits(128) for _ in P], note="document uuid: event serial"),
    ]


@table("court_civil_filings", "court", "people", "民事案件立案登记", enc="gbk", delim=",", rows=1200, crlf=True,
       note="party columns hold ~20% companies (rule 12)")
def t_court_civil(c):
    out = {k: [] for k in ("yg", "ygz", "bg", "bgz", "tel")}
    for _ in range(c.n):
        for side in ("yg", "bg"):
            if c.r.random() < 0.2:
                out[side].append(c.company())
                out[side + "z"].append(c.uscc())
            else:
                p = c.person((18, 85))
                out[side].append(p["name"])
                out[side + "z"].append(p["id"])
        out["tel"].append(c.mobile() if c.r.random() < 0.85 else c.landline())
    return [
        C("立案日期", "zh", "N/EVENT_DATE/q", c.dates(D(2025, 1, 1), D(2026, 11, 25), "%Y/%m/%d")),
        C("案号", "zh", "P/-/q", [case_no(c, 2026, c.ch(["湘0104", "湘0111", "湘0105"]), "民初") for _ in range(c.n)]),
        C("案由", "zh", "N/-/q", c.chs(CIVIL_CAUSES), note="civil cause: an event category, not a criminal record"),
        C("原告", "zh", "P/PERSON_NAME/d", out["yg"]),
        C("原告证件号码", "zh", "S/CN_RESIDENT_ID/d", out["ygz"], tags=["mixed_docs"]),
        C("被告", "zh", "P/PERSON_NAME/d", out["bg"]),
        C("被告证件号码", "zh", "S/CN_RESIDENT_ID/d", c.sparse(out["bgz"], 0.3), tags=["mixed_docs", "sparse"]),
        C("被告联系电话", "zh", "P/PHONE_NUMBER/d", c.sparse(out["tel"], 0.25), tags=["sparse"]),
        C("诉讼标的额", "zh", "S/PERSONAL_INCOME/s", c.moneys(2000, 900000), note="claim between parties: money of a person (rule 3)"),
        C("审理程序", "zh", "N/-/o", c.wchs(["简易程序", "普通程序", "小额诉讼程序"], [50, 30, 20])),
        C("承办人", "zh", "P/PERSON_NAME/d", [c.name() for _ in range(c.n)]),
        C("结案方式", "zh", "N/-/o", c.sparse(c.chs(["判决", "调解", "撤诉", "驳回起诉", "移送"]), 0.4), tags=["sparse"]),
    ]


@table("court_dishonest_debtors", "court", "people", "失信被执行人名单（自然人）", fmt="jsonl", rows=700)
def t_court_dishonest(c):
    P = c.people((20, 70), 0.15)
    debts = c.moneys(3000, 2000000)
    return [
        C("iname", "op", "P/PERSON_NAME/d", pk(P, "name"), note="key of the national list export"),
        C("cardNum", "cc", "S/CN_RESIDENT_ID/d", [p["id"][:10] + "****" + p["id"][14:] for p in P], tags=["masked"]),
        C("sexy", "op", "N/GENDER/q", pk(P, "sexzh"), note="the national list's field name for gender (sic)"),
        C("age", "sn", "N/AGE/q", pk(P, "age")),
        C("courtName", "cc", "N/ORG_NAME/q", c.chs(COURTS)),
        C("areaName", "cc", "N/REGION/q", c.chs(["湖南", "湖南省"])),
        C("caseCode", "cc", "P/-/q", [case_no(c, c.ch([2023, 2024, 2025]), c.ch(["湘0104", "湘0102", "湘01"]), "执") for _ in P]),
        C("gistId", "cc", "P/-/q", [case_no(c, c.ch([2022, 2023, 2024]), c.ch(["湘0104", "湘0103"]), "民初") for _ in P], note="number of the judgment enforced: a case number"),
        C("duty", "sn", "S/FREE_TEXT/s", [f"被告{p['name']}于判决生效之日起十日内偿还原告借款本金{d:.0f}元及利息" for p, d in zip(P, debts)], tags=["free_text"], note="debtor obligation text (rule 14)"),
        C("performance", "sn", "S/-/s", c.wchs(["全部未履行", "部分履行", "全部未履行"], [6, 3, 1]), note="dishonest debtor's performance status: credit record (rule 6)"),
        C("disruptTypeName", "cc", "S/-/s", c.chs(["有履行能力而拒不履行生效法律文书确定义务", "违反限制消费令", "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行"])),
        C("publishDate", "cc", "N/EVENT_DATE/q", c.dates(D(2023, 6, 1), D(2026, 11, 28), "%Y年%m月%d日")),
        C("unpaidAmt", "cc", "S/PERSONAL_INCOME/s", debts),
    ]


@table("court_enforcement_monthly", "court", "aggregate", "执行案件月度统计", fmt="xlsx", rows=240)
def t_court_enf_stats(c):
    months = [f"2026-{m:02d}" for m in range(1, 13)] * 2
    courts = COURTS * 3
    return [
        C("法院", "zh", "N/ORG_NAME/o", [courts[i % len(courts)] for i in range(c.n)]),
        C("统计月份", "zh", "N/EVENT_DATE/o", [months[i % 24] for i in range(c.n)]),
        C("新收执行案件", "zh", "N/-/o", c.ints(50, 1200)),
        C("执结案件", "zh", "N/-/o", c.ints(40, 1100)),
        C("执行到位金额（万元）", "zh", "N/-/o", c.moneys(100, 50000)),
        C("纳入失信名单人次", "zh", "N/-/o", c.ints(0, 300)),
        C("限制高消费人次", "zh", "N/-/o", c.ints(0, 500)),
        C("终本率", "zh", "N/-/o", [f"{c.r.uniform(10, 60):.1f}%" for _ in range(c.n)]),
    ]


@table("procur_arrest_reviews", "procur", "people", "审查逮捕案件登记", delim="|", rows=600)
def t_procur_arrest(c):
    P = c.people((15, 70), 0.25)
    ids = []
    for p in P:
        s = p["id"]
        x = c.r.random()
        if x < 0.1:
            s = s.lower()
        elif x < 0.2:
            s = f"{s[:6]} {s[6:14]} {s[14:]}"
        ids.append(s)
    return [
        C("受案号", "zh", "P/-/q", [f"湘长{c.ch(['岳', '芙', '天', '开'])}检刑捕受〔2026〕{c.r.randint(1, 900)}号" for _ in P], note="procuratorate case number: like a court case number"),
        C("犯罪嫌疑人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("曾用名", "zh", "P/PERSON_NAME/d", c.sparse([c.name() for _ in P], 0.9), tags=["sparse"]),
        C("身份证", "zh", "S/CN_RESIDENT_ID/d", ids, tags=["lowercase_x", "spaced"]),
        C("涉嫌罪名", "zh", "S/CRIMINAL_RECORD/s", c.chs(CRIMES)),
        C("强制措施", "zh", "S/CRIMINAL_RECORD/s", c.chs(["刑事拘留", "逮捕", "取保候审", "监视居住"])),
        C("羁押场所", "zh", "S/CRIMINAL_RECORD/s", c.sparse(c.chs(["长沙市第一看守所", "长沙市第二看守所", "长沙县看守所", "望城区看守所"]), 0.3), tags=["sparse"],
          note="detention centre of a suspect: reveals the criminal matter"),
        C("审查结论", "zh", "S/CRIMINAL_RECORD/s", c.wchs(["批准逮捕", "不批准逮捕", "不予逮捕（无社会危险性）"], [70, 15, 15])),
        C("承办检察官", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("受理日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("移送单位", "zh", "N/ORG_NAME/q", c.chs(["长沙市公安局岳麓分局", "长沙市公安局芙蓉分局", "长沙市公安局天心分局", "长沙市公安局开福分局"])),
    ]


@table("procur_public_interest_clues", "procur", "organisations", "公益诉讼案件线索", fmt="parquet", rows=300)
def t_procur_pil(c):
    return [
        C("线索编号", "zh", "N/-/o", c.serials("GYXS2026", width=5)),
        C("线索来源", "zh", "N/-/o", c.chs(["12345热线", "履职发现", "媒体报道", "人大代表建议", "行政机关移送"])),
        C("被监督单位", "zh", "N/ORG_NAME/o", [c.ch(["长沙市", "岳麓区", "浏阳市", "宁乡市"]) + c.ch(["生态环境局", "自然资源局", "市场监督管理局", "水利局", "城市管理和综合执法局"]) if c.r.random() < 0.5 else c.company() for _ in range(c.n)]),
        C("领域", "zh", "N/-/o", c.chs(["生态环境和资源保护", "食品药品安全", "国有财产保护", "国有土地使用权出让", "英烈保护", "安全生产"])),
        C("问题概述", "zh", "N/FREE_TEXT/o", [c.ch(["企业违规排放废水污染河道", "超范围使用食品添加剂", "违法占用耕地建设厂房", "国有土地出让金未足额收缴", "危化品仓库消防设施缺失"]) for _ in range(c.n)]),
        C("涉及金额（万元）", "zh", "N/-/o", c.sparse(c.moneys(1, 3000), 0.4)),
        C("立案日期", "zh", "N/EVENT_DATE/o", c.dates(D(2025, 1, 1), D(2026, 11, 1))),
        C("办理状态", "zh", "N/-/o", c.chs(["诉前检察建议", "已起诉", "终结审查", "审查中"])),
    ]


@table("justice_community_corrections", "justice", "people", "社区矫正对象基本信息", fmt="parquet", rows=800)
def t_justice_cc(c):
    P = c.people((18, 75), 0.1)
    jzlb = c.wchs(["缓刑", "假释", "管制", "暂予监外执行"], [75, 15, 5, 5])
    return [
        C("jzdxbh", "in", "P/PERSON_ID/d", c.serials("4301JZ", width=7)),
        C("xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("xb", "in", "N/GENDER/q", pk(P, "sexcode")),
        C("csrq", "in", "P/DATE_OF_BIRTH/q", [p["birth"].isoformat() for p in P]),
        C("sfzh", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("mz", "in", "N/ETHNICITY/q", c.chs(ETHNIC)),
        C("whcd", "in", "N/EDUCATION/q", c.chs(EDU)),
        C("hjszd", "in", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("jzd", "in", "P/ADDRESS/d", [c.address() for p in P]),
        C("lxdh", "in", "P/PHONE_NUMBER/d", [int(p["mobile"]) for p in P], tags=["int"]),
        C("jzlb", "in", "S/CRIMINAL_RECORD/s", jzlb, note="correction type (rule 6)"),
        C("zm", "in", "S/CRIMINAL_RECORD/s", c.chs(CRIMES)),
        C("ypxq", "in", "S/CRIMINAL_RECORD/s", [sentence(c) for _ in P], note="original sentence"),
        C("jzqsrq", "in", "N/EVENT_DATE/q", c.dates(D(2023, 1, 1), D(2026, 10, 1))),
        C("jzzzrq", "in", "N/EVENT_DATE/q", c.dates(D(2026, 12, 1), D(2030, 12, 31))),
        C("jsdw", "in", "N/ORG_NAME/q", [c.ch(["岳麓区", "芙蓉区", "天心区", "开福区", "雨花区"]) + c.ch(["望月湖", "东塘", "坡子街", "湘雅路", "洞井"]) + "司法所" for _ in P]),
        C("sfpddwsb", "in", "S/CRIMINAL_RECORD/s", c.wchs(["否", "是"], [80, 20]), note="wears an electronic monitoring device: a correction measure"),
        C("gllb", "in", "S/CRIMINAL_RECORD/s", c.chs(["严格管理", "普通管理", "宽松管理"]), note="supervision level of an offender"),
    ]


@table("justice_monitoring_positions", "justice", "people", "电子定位监管轨迹", delim="\t", rows=3000)
def t_justice_gps(c):
    ids = [f"4301JZ{c.r.randint(1000000, 1000400):07d}" for _ in range(c.n)]
    pts = [c.gps() for _ in range(c.n)]
    return [
        C("对象编号", "zh", "P/PERSON_ID/d", ids),
        C("定位时间", "zh", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 29))),
        C("经度", "zh", "S/PRECISE_LOCATION/s", [p[0] for p in pts], note="trajectory point of a person (rule 8)"),
        C("纬度", "zh", "S/PRECISE_LOCATION/s", [p[1] for p in pts]),
        C("定位方式", "zh", "N/-/o", c.wchs(["GPS", "基站", "WIFI"], [70, 20, 10])),
        C("基站LAC_CI", "mx", "S/PRECISE_LOCATION/s", [f"{c.r.randint(20000, 29999)}-{c.r.randint(10000000, 99999999)}" for _ in range(c.n)], note="serving cell of a person's device: a location of the person"),
        C("告警类型", "zh", "S/CRIMINAL_RECORD/s", c.wchs(["无", "越界", "关机", "人机分离", "信号丢失"], [85, 5, 4, 3, 3]), note="breach of supervision rules by an offender"),
        C("电量", "zh", "N/-/o", c.ints(5, 100)),
    ]


@table("justice_legal_aid", "justice", "people", "法律援助案件受理", fmt="xlsx", rows=500, note="contact column mixes mobile formats")
def t_justice_aid(c):
    P = c.people((10, 85), 0.1)
    tels = []
    for p in P:
        m = p["mobile"]
        tels.append(c.ch([m, "+86 " + m, "86-" + m, f"{m[:3]}-{m[3:7]}-{m[7:]}", f"{m[:3]} {m[3:7]} {m[7:]}"]))
    types = c.wchs(["刑事辩护", "民事", "行政", "刑事代理", "国家赔偿"], [35, 50, 5, 8, 2])
    return [
        C("申请编号", "zh", "N/-/o", c.serials("FY2026-", width=5)),
        C("受援人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("联系方式", "zh", "P/PHONE_NUMBER/d", tels, tags=["mixed_formats"]),
        C("住址", "zh", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("受援人类别", "zh", "S/-/s", c.chs(["农民工", "城乡低保对象", "残疾人", "老年人", "未成年人", "特困供养人员", "军人军属", "其他经济困难"]), note="welfare/hardship status (rule 5)"),
        C("案件类型", "zh", "S/CRIMINAL_RECORD/s", types, note="legal-aid case type (rule 6)"),
        C("承办律师", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("律师执业证号", "zh", "P/PERSON_ID/d", [f"1430{c.r.randint(2005, 2024)}{c.r.randint(10000000, 99999999)}" for _ in P]),
        C("律师事务所", "zh", "N/ORG_NAME/q", c.chs(["湖南湘军律师事务所", "湖南启元律师事务所", "湖南金州律师事务所", "湖南天地人律师事务所", "湖南弘一律师事务所"])),
        C("律所电话", "zh", "N/PHONE_NUMBER/o", [c.landline() for _ in P], note="office landline of a law firm"),
        C("指派日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
    ]


@table("justice_people_mediation", "justice", "people", "人民调解案件", fmt="jsonl", rows=600)
def t_justice_med(c):
    A = c.people((20, 80), 0.05)
    B = c.people((20, 80), 0.05)
    kinds = c.chs(["邻里纠纷", "婚姻家庭纠纷", "损害赔偿纠纷", "劳动争议", "物业纠纷", "土地承包纠纷", "医疗纠纷"])
    amt = c.sparse(c.moneys(500, 80000), 0.35)
    text = [f"{a['name']}与{b['name']}因{k[:-2]}问题发生争执，经调解双方自愿达成协议。" for a, b, k in zip(A, B, kinds)]
    return [
        C("case_no", "sn", "N/-/o", c.serials("TJ2026", width=6), note="mediation file serial"),
        C("party_a", "sn", "P/PERSON_NAME/d", pk(A, "name")),
        C("party_a_tel", "sn", "P/PHONE_NUMBER/d", pk(A, "mobile")),
        C("party_b", "sn", "P/PERSON_NAME/d", pk(B, "name")),
        C("party_b_tel", "sn", "P/PHONE_NUMBER/d", c.sparse(pk(B, "mobile"), 0.3), tags=["sparse"]),
        C("dispute_type", "sn", "N/-/q", kinds, note="event category"),
        C("summary", "sn", "P/PERSON_NAME/d", text, tags=["free_text"], note="mediation summary naming the parties (rule 14)"),
        C("agreed_amount", "sn", "S/PERSONAL_INCOME/s", amt, tags=["sparse"], note="amount agreed in mediation (rule 3)"),
        C("mediator", "sn", "P/PERSON_NAME/d", [c.name() for _ in A]),
        C("committee", "sn", "N/ORG_NAME/q", [c.ch(["桂花", "红枫", "新河", "湘府", "南湖"]) + "社区人民调解委员会" for _ in A]),
        C("result", "sn", "N/-/o", c.wchs(["调解成功", "调解不成功", "终止调解"], [80, 15, 5])),
        C("accepted_at", "sn", "N/EVENT_DATE/q", c.dtimes(D(2026, 1, 1), D(2026, 11, 28))),
    ]


@table("justice_notary_deeds", "justice", "people", "公证业务登记", enc="utf-8-sig", delim=";", rows=500)
def t_justice_notary(c):
    P = c.people((18, 90), 0.1)
    doc_t, doc_n = [], []
    for p in P:
        x = c.r.random()
        if x < 0.88:
            doc_t.append("居民身份证"); doc_n.append(p["id"])
        elif x < 0.96:
            doc_t.append("护照"); doc_n.append(c.passport())
        else:
            doc_t.append("港澳居民来往内地通行证"); doc_n.append(c.home_return())
    return [
        C("公证书编号", "zh", "P/PERSON_ID/d", [f"（2026）湘长{c.ch(['沙', '麓', '星'])}证字第{c.r.randint(1, 19999)}号" for _ in P], note="certificate number issued to the applicant (v2: certificate numbers of persons)"),
        C("申请人", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("证件类型", "zh", "N/-/o", doc_t),
        C("证件号码", "zh", "S/CN_RESIDENT_ID/d", doc_n, tags=["mixed_docs"]),
        C("公证事项", "zh", "N/-/q", c.chs(["继承", "委托", "学历", "出生", "无犯罪记录", "婚姻状况", "声明", "赠与", "亲属关系"]), note="notarial matter: event category"),
        C("使用地", "zh", "N/-/o", c.chs(["中国", "美国", "加拿大", "澳大利亚", "日本", "英国", "香港特别行政区"])),
        C("公证员", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("收费", "zh", "N/-/o", c.chs([80, 100, 200, 300]), note="statutory fee schedule"),
        C("出证日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
    ]


@table("prison_inmates", "prison", "people", "在押罪犯信息", fmt="parquet", rows=1000)
def t_prison(c):
    P = c.people((18, 75), 0.2)
    ids = []
    for p in P:
        if p["birth"].year < 1970 and c.r.random() < 0.5:
            ids.append(p["id"][:6] + p["id"][8:14] + p["id"][14:17])
        else:
            ids.append(p["id"])
    return [
        C("罪犯编号", "zh", "P/PERSON_ID/d", [f"43{c.r.randint(10, 40)}{c.r.randint(100000, 999999)}" for _ in P]),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("别名绰号", "zh", "P/PERSON_NAME/d", c.sparse([c.ch(["阿", "小", "老"]) + p["name"][-1] for p in P], 0.85), tags=["sparse"]),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("出生日期", "zh", "P/DATE_OF_BIRTH/q", [p["birth"].isoformat() for p in P]),
        C("身份证号", "zh", "S/CN_RESIDENT_ID/d", ids, tags=["legacy15"]),
        C("捕前职业", "zh", "N/OCCUPATION/q", c.chs(OCCUP)),
        C("罪名", "zh", "S/CRIMINAL_RECORD/s", c.chs(CRIMES)),
        C("原判刑期", "zh", "S/CRIMINAL_RECORD/s", [f"{c.r.randint(1, 20)}年" if c.r.random() < 0.9 else c.ch(["无期徒刑", "死刑缓期二年执行"]) for _ in P]),
        C("刑期起日", "zh", "N/EVENT_DATE/q", c.dates(D(2010, 1, 1), D(2026, 6, 1))),
        C("刑期止日", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 12, 1), D(2045, 1, 1))),
        C("监区", "zh", "N/-/q", [f"第{c.r.randint(1, 12)}监区" for _ in P]),
        C("减刑次数", "zh", "S/CRIMINAL_RECORD/s", c.ints(0, 4)),
        C("分级处遇", "zh", "S/CRIMINAL_RECORD/s", c.chs(["宽管级", "普管级", "考察级", "严管级"]), note="treatment level of a prisoner"),
        C("血型", "zh", "S/MEDICAL_CONDITION/s", c.chs(["A", "B", "O", "AB", "O", "A"])),
        C("亲属电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("入监日期", "zh", "N/EVENT_DATE/q", c.dates(D(2010, 1, 1), D(2026, 11, 1))),
    ]


@table("prison_detention_intake", "prison", "people", "看守所收押登记", enc="gbk", delim="|", rows=700)
def t_detention(c):
    P = c.people((16, 70), 0.25)
    items = []
    for _ in P:
        parts = [f"现金{c.r.randint(0, 3000)}元", "手机1部"]
        if c.r.random() < 0.5:
            parts.append(f"银行卡1张（尾号{c.digits(4)}）")
        if c.r.random() < 0.3:
            parts.append(c.ch(["金项链1条", "手表1块", "钥匙1串"]))
        items.append("、".join(parts))
    return [
        C("zybh", "in", "P/PERSON_ID/d", c.serials("430100", width=8), note="detainee number"),
        C("xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("zjhm", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("syrq", "in", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28), "%Y%m%d")),
        C("ssjd", "in", "S/CRIMINAL_RECORD/s", c.chs(["侦查", "审查起诉", "一审", "二审", "待执行"]), note="stage of criminal proceedings"),
        C("sxzm", "in", "S/CRIMINAL_RECORD/s", c.chs(CRIMES)),
        C("badw", "in", "N/ORG_NAME/q", c.chs(["长沙市公安局岳麓分局", "长沙市公安局雨花分局", "长沙县公安局", "浏阳市公安局"])),
        C("rstj", "in", "S/MEDICAL_CONDITION/s", c.wchs(["未见异常", "高血压", "糖尿病", "HIV抗体阳性", "乙肝表面抗原阳性", "皮外伤", "肺结核"], [70, 8, 5, 3, 6, 6, 2]), note="intake medical check"),
        C("jsh", "in", "N/-/o", [f"{c.r.randint(1, 30):02d}" for _ in P], note="cell number"),
        C("ssp", "in", "S/PERSONAL_INCOME/s", items, tags=["free_text"], note="belongings: cash and cards of a person"),
    ]


@table("prison_drug_rehab", "prison", "people", "强制隔离戒毒人员", fmt="xlsx", rows=500)
def t_rehab(c):
    P = c.people((16, 65), 0.15)
    return [
        C("戒毒人员编号", "zh", "P/PERSON_ID/d", c.serials("JD43", width=7)),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("身份证号码", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("滥用毒品种类", "zh", "S/CRIMINAL_RECORD/s", c.chs(["海洛因", "甲基苯丙胺（冰毒）", "氯胺酮", "大麻", "合成大麻素", "甲卡西酮"]), note="drug use: violation record (also health)"),
        C("吸食方式", "zh", "S/CRIMINAL_RECORD/s", c.chs(["烫吸", "注射", "鼻吸", "口服"])),
        C("戒毒措施", "zh", "S/CRIMINAL_RECORD/s", c.chs(["强制隔离戒毒", "社区戒毒", "社区康复"])),
        C("决定机关", "zh", "N/ORG_NAME/q", c.chs(["长沙市公安局", "株洲市公安局", "湘潭市公安局", "衡阳市公安局"])),
        C("入所尿检", "zh", "S/MEDICAL_CONDITION/s", c.wchs(["阳性", "阴性"], [85, 15])),
        C("HIV检测", "mx", "S/MEDICAL_CONDITION/s", c.wchs(["阴性", "阳性", "待复检"], [92, 5, 3])),
        C("入所日期", "zh", "N/EVENT_DATE/q", c.dates(D(2024, 6, 1), D(2026, 11, 28))),
        C("期满日期", "zh", "N/EVENT_DATE/q", c.dates(D(2026, 12, 1), D(2028, 11, 28))),
        C("紧急联系人", "zh", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("紧急联系人电话", "zh", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
    ]


@table("police_household_members", "police", "people", "常住人口户籍登记", enc="gbk", delim=",", rows=1500)
def t_hukou(c):
    rows = []
    while len(rows) < c.n:
        hh = f"43010{c.r.randint(1, 5)}{c.r.randint(10000000, 99999999)}"
        cty = c.ch(COUNTIES)
        addr = c.address(cty)
        for rel in ["户主", "配偶", "子", "女", "母亲", "孙子"][: c.r.randint(1, 6)]:
            age = {"户主": (30, 70), "配偶": (28, 70), "子": (0, 40), "女": (0, 40), "母亲": (55, 95), "孙子": (0, 12)}[rel]
            p = c.person(age, 0.0)
            rows.append((hh, rel, p, addr))
            if len(rows) == c.n:
                break
    rel_ = [r[1] for r in rows]
    P = [r[2] for r in rows]
    return [
        C("户号", "zh", "P/PERSON_ID/d", [r[0] for r in rows], note="household number (rule 1)"),
        C("与户主关系", "zh", "N/-/q", rel_),
        C("姓名", "zh", "P/PERSON_NAME/d", pk(P, "name")),
        C("曾用名", "zh", "P/PERSON_NAME/d", c.sparse([c.name() for _ in P], 0.92), tags=["sparse"]),
        C("公民身份号码", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("性别", "zh", "N/GENDER/q", pk(P, "sexzh")),
        C("民族", "zh", "N/ETHNICITY/q", c.chs(ETHNIC)),
        C("出生日期", "zh", "P/DATE_OF_BIRTH/q", [p["birth"].strftime("%Y%m%d") for p in P]),
        C("出生地", "zh", "N/REGION/q", [f"湖南省{c.ch(COUNTIES)[1]}" for _ in P]),
        C("宗教信仰", "zh", "S/RELIGION/s", c.wchs(["无", "佛教", "基督教", "道教", "伊斯兰教", "天主教"], [88, 5, 3, 2, 1, 1])),
        C("文化程度", "zh", "N/EDUCATION/q", c.chs(EDU)),
        C("婚姻状况", "zh", "N/MARITAL_STATUS/q", c.chs(MARITAL)),
        C("兵役状况", "zh", "N/-/q", c.chs(["未服兵役", "退出现役", "预备役", "服现役"])),
        C("服务处所", "zh", "N/ORG_NAME/q", c.sparse([c.company() for _ in P], 0.5), tags=["sparse"]),
        C("住址", "zh", "P/ADDRESS/d", [r[3] for r in rows]),
        C("登记机关", "zh", "N/ORG_NAME/o", [c.ch(STATIONS) for _ in P]),
        C("迁入日期", "zh", "N/EVENT_DATE/q", c.sparse(c.dates(D(1990, 1, 1), D(2026, 11, 1)), 0.5), tags=["sparse"]),
    ]


@table("police_hotel_guests", "police", "people", "旅馆业住宿登记", fmt="parquet", rows=3000)
def t_hotel(c):
    P = c.people((5, 80), 0.45)
    dtype, dnum = [], []
    for p in P:
        x = c.r.random()
        if x < 0.9:
            dtype.append("11"); dnum.append(p["id"])
        elif x < 0.95:
            dtype.append("14"); dnum.append(c.passport())
        else:
            dtype.append("16"); dnum.append(c.tw_permit())
    cin = [c.dtime(D(2026, 10, 1), D(2026, 11, 28)) for _ in P]
    cout = [t + dt.timedelta(hours=c.r.randint(3, 72)) for t in cin]
    return [
        C("LGBM", "in", "N/-/o", [f"4301{c.r.randint(10, 99)}{c.r.randint(1000, 9999)}" for _ in P], note="hotel code"),
        C("LGMC", "in", "S/PRECISE_LOCATION/s", c.chs(HOTELS), note="hotel of a stay: lodging (rule 8)"),
        C("FJH", "in", "N/-/o", [f"{c.r.randint(2, 18)}{c.r.randint(1, 40):02d}" for _ in P], note="room number (v2)"),
        C("LKXM", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("ZJLX", "in", "N/-/o", dtype, note="document type code"),
        C("ZJHM", "in", "S/CN_RESIDENT_ID/d", dnum, tags=["mixed_docs"]),
        C("MZ", "in", "N/ETHNICITY/q", c.chs(ETHNIC)),
        C("RZSJ", "in", "N/EVENT_DATE/q", [t.strftime("%Y%m%d%H%M%S") for t in cin]),
        C("TFSJ", "in", "N/EVENT_DATE/q", [t.strftime("%Y%m%d%H%M%S") for t in cout]),
        C("TZR", "in", "P/PERSON_NAME/d", c.sparse([c.name() for _ in P], 0.7), tags=["sparse"], note="companion in the room"),
        C("HJDZ", "in", "P/ADDRESS/d", [c.address(p["county"], detail=False) for p in P]),
        C("CPH", "in", "P/LICENSE_PLATE/d", c.sparse([c.plate() for _ in P], 0.8), tags=["sparse"]),
        C("SSPCS", "in", "N/ORG_NAME/o", c.chs(STATIONS)),
    ]


@table("police_netbar_sessions", "police", "people", "网吧上网人员登记", fmt="jsonl", rows=3000)
def t_netbar(c):
    P = c.people((16, 50), 0.3)
    on = [c.dtime(D(2026, 11, 1), D(2026, 11, 28)) for _ in P]
    return [
        C("site_code", "sn", "N/-/o", [f"430104{c.r.randint(100000, 100300)}" for _ in P]),
        C("site_name", "sn", "S/PRECISE_LOCATION/s", c.chs(["网鱼网咖(岳麓店)", "极速网吧", "天天网咖", "星际网吧", "蓝海网咖(五一店)", "龙腾网吧"]), note="venue of a person's session: location of the person"),
        C("user_name", "sn", "P/PERSON_NAME/d", pk(P, "name")),
        C("cert_no", "sn", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("online_time", "sn", "N/EVENT_DATE/q", [t.strftime("%Y-%m-%dT%H:%M:%S") for t in on]),
        C("offline_time", "sn", "N/EVENT_DATE/q", [(t + dt.timedelta(minutes=c.r.randint(20, 600))).strftime("%Y-%m-%dT%H:%M:%S") for t in on]),
        C("pc_no", "sn", "N/-/o", [f"A{c.r.randint(1, 120):03d}" for _ in P]),
        C("member_card", "sn", "P/PERSON_ID/d", [f"{c.r.randint(10000000, 99999999)}" for _ in P], note="venue membership card of a person"),
        C("spend", "sn", "S/PERSONAL_INCOME/s", c.moneys(3, 80), note="a person's consumption (rule 3)"),
    ]


@table("police_traffic_violations", "police", "people", "交通违法处理记录", delim=";", rows=2000, note="owner/party ~8% companies (rule 12)")
def t_traffic(c):
    P = c.people((18, 70), 0.1)
    beh = [("1625", "驾驶机动车违反道路交通信号灯通行的", 200, 6), ("1352", "机动车超过规定时速50%以下的", 200, 3),
           ("1039", "机动车违反规定停放的", 150, 0), ("1344", "驾驶机动车不按规定使用安全带的", 50, 1),
           ("1223", "驾驶时拨打接听手持电话的", 200, 3), ("1711", "饮酒后驾驶机动车的", 1500, 12), ("6050", "驾驶机动车不按所需行进方向驶入导向车道的", 100, 2)]
    B = c.chs(beh)
    party = [p["name"] if c.r.random() > 0.08 else c.company() for p in P]
    return [
        C("决定书编号", "zh", "N/-/o", [f"4301041{c.r.randint(100000000, 999999999)}" for _ in P], note="penalty decision document serial"),
        C("号牌号码", "zh", "P/LICENSE_PLATE/d", [c.plate() for _ in P]),
        C("号牌种类", "zh", "N/-/o", c.wchs(["02", "52", "01"], [85, 10, 5])),
        C("当事人", "zh", "P/PERSON_NAME/d", party),
        C("驾驶证号", "zh", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("违法时间", "zh", "N/EVENT_DATE/q", c.dtimes(D(2026, 9, 1), D(2026, 11, 28), "%Y-%m-%d %H:%M")),
        C("违法地点", "zh", "N/ADDRESS/q", [f"{c.ch(['芙蓉中路', '五一大道', '韶山北路', '湘江中路', '万家丽中路'])}与{c.ch(['人民路', '解放路', '车站路', '劳动路'])}交叉口" for _ in P], note="junction of a single violation (rule 8)"),
        C("违法代码", "zh", "S/CRIMINAL_RECORD/s", [b[0] for b in B], note="violation code of a person"),
        C("违法行为", "zh", "S/CRIMINAL_RECORD/s", [b[1] for b in B]),
        C("罚款金额", "zh", "S/CRIMINAL_RECORD/s", [b[2] for b in B]),
        C("记分", "zh", "S/CRIMINAL_RECORD/s", [b[3] for b in B]),
        C("采集机关", "zh", "N/ORG_NAME/o", c.chs(["长沙市公安局交通警察支队", "岳麓交警大队", "芙蓉交警大队", "开福交警大队"])),
        C("处理标记", "zh", "N/-/o", c.chs(["0", "1", "1"])),
    ]


@table("police_drug_users_registry", "police", "people", "吸毒人员动态管控", fmt="xlsx", rows=400)
def t_drugreg(c):
    P = c.people((16, 65), 0.1)
    return [
        C("xingming", "py", "P/PERSON_NAME/d", pk(P, "name")),
        C("shenfenzhenghao", "py", "S/CN_RESIDENT_ID/d", c.placeholders(pk(P, "id"), 0.05, ("不详", "无")), tags=["placeholder"]),
        C("hujidizhi", "py", "P/ADDRESS/d", [c.address(p["county"], detail=False) for p in P]),
        C("xianzhudi", "py", "P/ADDRESS/d", c.sparse([c.address() for _ in P], 0.2), tags=["sparse"]),
        C("chahuoriqi", "py", "N/EVENT_DATE/q", c.dates(D(2015, 1, 1), D(2026, 11, 1))),
        C("chahuodanwei", "py", "N/ORG_NAME/q", [c.ch(STATIONS) for _ in P]),
        C("lanyongdupinzhonglei", "py", "S/CRIMINAL_RECORD/s", c.chs(["海洛因", "冰毒", "K粉", "麻古", "大麻"])),
        C("guankongzhuangtai", "py", "S/CRIMINAL_RECORD/s", c.chs(["社区戒毒执行中", "社区康复执行中", "戒断三年未复吸", "失控", "强制隔离戒毒中"])),
        C("shifoufuxi", "py", "S/CRIMINAL_RECORD/s", c.wchs(["否", "是"], [70, 30])),
        C("lianxidianhua", "py", "P/PHONE_NUMBER/d", [int(p["mobile"]) for p in P], tags=["int"]),
        C("zuijinniaojianriqi", "py", "N/EVENT_DATE/q", c.dates(D(2026, 6, 1), D(2026, 11, 28))),
    ]


@table("police_residence_permits", "police", "people", "居住证办理", fmt="jsonl", rows=900)
def t_respermit(c):
    P = c.people((16, 65), 1.0)
    return [
        C("permitNo", "cc", "S/CN_RESIDENT_ID/d", pk(P, "id"), note="residence-permit number equals the resident ID (rule 10)"),
        C("fullName", "cc", "P/PERSON_NAME/d", pk(P, "name")),
        C("gender", "sn", "N/GENDER/q", pk(P, "sexcode")),
        C("hukouAddress", "cc", "P/ADDRESS/d", [c.address(detail=False) for p in P]),
        C("liveAddress", "cc", "P/ADDRESS/d", [c.address() for _ in P]),
        C("landlordName", "cc", "P/PERSON_NAME/d", [c.name() for _ in P]),
        C("landlordTel", "cc", "P/PHONE_NUMBER/d", [c.mobile() for _ in P]),
        C("reason", "sn", "N/-/o", c.chs(["务工", "经商", "就学", "投靠亲友", "其他"])),
        C("employer", "sn", "N/ORG_NAME/q", c.sparse([c.company() for _ in P], 0.3), tags=["sparse"]),
        C("issueDate", "cc", "N/EVENT_DATE/q", c.dates(D(2025, 1, 1), D(2026, 11, 28))),
        C("validTo", "cc", "N/EVENT_DATE/q", c.dates(D(2026, 12, 1), D(2027, 11, 28))),
    ]


@table("police_station_directory", "police", "organisations", "派出所办事指南", enc="utf-8-sig", delim=",", rows=200)
def t_stations(c):
    pts = [c.gps(nd=6) for _ in range(c.n)]
    return [
        C("派出所名称", "zh", "N/ORG_NAME/o", [f"{c.ch(COUNTIES)[2]}{c.ch(['城关', '东湖', '南门', '河西', '新城', '白沙', '金霞', '高岭'])}派出所" for _ in range(c.n)]),
        C("组织机构代码", "zh", "N/-/o", [(lambda b: b + "-" + __import__("v6lib").org_check(b))(f"{c.r.randint(10000000, 99999999)}") for _ in range(c.n)], note="GB 11714 code with check digit"),
        C("办公地址", "zh", "N/ADDRESS/o", [c.org_address() for _ in range(c.n)]),
        C("值班电话", "zh", "N/PHONE_NUMBER/o", [c.landline() for _ in range(c.n)]),
        C("户籍窗口电话", "zh", "N/PHONE_NUMBER/o", [c.landline(dash="") for _ in range(c.n)]),
        C("经度", "zh", "N/PRECISE_LOCATION/o", [p[0] for p in pts]),
        C("纬度", "zh", "N/PRECISE_LOCATION/o", [p[1] for p in pts]),
        C("辖区社区数", "zh", "N/-/o", c.ints(3, 25)),
        C("办公时间", "zh", "N/-/o", c.chs(["工作日9:00-17:00", "周一至周六8:30-17:30", "全天24小时"])),
        C("电子邮箱", "zh", "N/EMAIL/o", [f"pcs{c.r.randint(100, 999)}@gaj.changsha.gov.cn" for _ in range(c.n)]),
    ]


@table("police_110_incidents", "police", "people", "110接处警记录", fmt="parquet", rows=1200)
def t_110(c):
    P = c.people((16, 85), 0.1)
    texts = []
    for p in P:
        k = c.r.random()
        if k < 0.3:
            texts.append(f"报警人称其在{c.ch(['小区门口', '菜市场', '公交车上'])}被盗手机一部，报警人{p['name']}，电话{p['mobile']}")
        elif k < 0.5:
            texts.append(f"{p['name']}（身份证{p['id']}）与邻居发生纠纷，要求民警到场处理")
        elif k < 0.7:
            texts.append(f"报警称家中老人走失，{p['age']}岁，患有阿尔茨海默病，穿蓝色外套")
        else:
            texts.append(f"{c.ch(['两车剐蹭', '有人打架', '噪音扰民', '门锁被撬'])}，报警人{p['name'][0]}先生/女士请求出警")
    return [
        C("jjbh", "in", "N/-/o", c.serials("J4301002026", width=7), note="incident serial"),
        C("bjsj", "in", "N/EVENT_DATE/q", c.dtimes(D(2026, 11, 1), D(2026, 11, 28))),
        C("bjr", "in", "P/PERSON_NAME/d", [p["name"] if c.r.random() < 0.7 else p["name"][0] + c.ch(["先生", "女士"]) for p in P], tags=["masked"]),
        C("bjdh", "in", "P/PHONE_NUMBER/d", pk(P, "mobile")),
        C("sfdz", "in", "N/ADDRESS/q", [c.address(detail=c.r.random() < 0.3) for _ in P], note="incident place (rule 8); some are homes"),
        C("jqlb", "in", "N/-/o", c.chs(["刑事案件", "治安案件", "群众求助", "交通事故", "纠纷", "火灾"])),
        C("jyjq", "in", "S/FREE_TEXT/s", texts, tags=["free_text"], note="narratives mix names, phones, IDs and an illness"),
        C("cjdw", "in", "N/ORG_NAME/o", c.chs(STATIONS)),
        C("cjmj", "in", "P/PERSON_NAME/d", [c.name() for _ in P], note="officer on duty"),
        C("cjjg", "in", "N/-/o", c.chs(["已处理", "转立案", "调解结束", "无效警情"])),
    ]


@table("police_exit_entry_documents", "police", "people", "出入境证件签发", fmt="parquet", rows=1200, note="one row per document issued")
def t_exit(c):
    P = c.people((1, 80), 0.1)
    kind = c.wchs(["普通护照", "往来港澳通行证", "往来台湾通行证"], [45, 40, 15])
    nums = []
    for k in kind:
        if k == "普通护照":
            nums.append(c.passport())
        elif k == "往来港澳通行证":
            nums.append(c.hk_permit())
        else:
            nums.append("L" + c.digits(8))
    return [
        C("sqbh", "in", "N/-/o", c.serials("4301CRJ2026", width=6), note="application serial"),
        C("xm", "in", "P/PERSON_NAME/d", pk(P, "name")),
        C("xmpy", "in", "P/PERSON_NAME/d", [c.ch(["ZHANG", "WANG", "LI", "LIU", "CHEN", "YANG", "HUANG"]) + "," + c.ch(["WEI", "FANG", "NA", "MIN", "JING", "QIANG", "LEI", "YAN"]) for _ in P], note="name in pinyin on the document"),
        C("gmsfhm", "in", "S/CN_RESIDENT_ID/d", pk(P, "id")),
        C("zjzl", "in", "N/-/o", kind),
        C("zjhm", "in", "S/PASSPORT/d", nums, note="exit-entry documents incl. HK/Macao and Taiwan permits (rule 10)"),
        C("qfrq", "in", "N/EVENT_DATE/q", c.dates(D(2026, 1, 1), D(2026, 11, 28))),
        C("yxqz", "in", "N/EVENT_DATE/o", c.dates(D(2031, 1, 1), D(2036, 11, 28))),
        C("qfd", "in", "N/REGION/o", ["湖南"] * c.n),
        C("sjhm", "in", "P/PHONE_NUMBER/d", pk(P, "mobile")),
    ]


def mrz_name(c):
    return c.ch(["SMITH", "JOHNSON", "NGUYEN", "KIM", "MUELLER", "TANAKA", "GARCIA", "PETROV"]) + "<<" + c.ch(["JOHN", "ANNA", "MINH", "JISOO", "HANS", "YUKI", "MARIA", "IVAN"])


@table("police_foreign_guests", "police", "people", "境外人员住宿登记", fmt="jsonl", rows=500)
def t_foreign(c):
    nat = c.chs([("USA", "美国"), ("KOR", "韩国"), ("VNM", "越南"), ("DEU", "德国"), ("JPN", "日本"), ("RUS", "俄罗斯"), ("GBR", "英国")])
    pn = [c.ch("ABCDEFGHJKLMNPRSTUVWXYZ") + c.digits(8) if c.r.random() < 0.6 else c.digits(9) for _ in range(c.n)]
    nm = [mrz_name(c) for _ in range(c.n)]
    births = [c.birth(18, 75) for _ in range(c.n)]
    c.min_age = min(c.min_age, min(v6lib_age(b) for b in births))
    cin = c.dtimes(D(2026, 11, 1), D(2026, 11, 28))
    return [
        C("guest_name_en", "sn", "P/PERSON_NAME/d", [n.replace("<<", " ") for n in nm]),
        C("nationality", "sn", "N/-/q", [x[1] for x in nat]),
        C("passport_no", "sn", "S/PASSPORT/d", pn),
        C("mrz_line2", "sn", "S/PASSPORT/d", [mrz2(p, x[0], b, c.ch("MF"), c.date(D(2027, 1, 1), D(2035, 12, 31))) for p, x, b in zip(pn, nat, births)], note="MRZ line 2 holds the passport number, birth date and sex"),
        C("birth_date", "sn", "P/DATE_OF_BIRTH/q", [b.isoformat() for b in births]),
        C("visa_type", "sn", "N/-/o", c.chs(["L", "M", "F", "Z", "X1", "免签"])),
        C("hotel", "sn", "S/PRECISE_LOCATION/s", c.chs(HOTELS), note="lodging (rule 8)"),
        C("room", "sn", "N/-/o", [f"{c.r.randint(2, 25)}{c.r.randint(1, 30):02d}" for _ in range(c.n)]),
        C("checkin", "sn", "N/EVENT_DATE/q", cin),
        C("email", "sn", "P/EMAIL/d", c.sparse([f"{n.split('<<')[1].lower()}.{n.split('<<')[0].lower()}{c.r.randint(1, 99)}@{c.ch(['gmail.com', 'outlook.com', 'naver.com', 'yahoo.co.jp'])}" for n in nm], 0.4), tags=["sparse"]),
    ]


def mrz_cd(s):
    v = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}
    return str(sum(v[ch] * (7, 3, 1)[i % 3] for i, ch in enumerate(s)) % 10)


def mrz2(pno, nat, birth, sex, exp):
    """ICAO 9303 TD3 line 2 (44 characters) with check digits."""
    p = f"{pno:<9}".replace(" ", "<")
    b = f"{birth:%y%m%d}"
    e = f"{exp:%y%m%d}"
    opt = "<" * 14
    body = p + mrz_cd(p) + nat + b + mrz_cd(b) + sex + e + mrz_cd(e) + opt + mrz_cd(opt)
    comp = p + mrz_cd(p) + b + mrz_cd(b) + e + mrz_cd(e) + opt + mrz_cd(opt)
    return body + mrz_cd(comp)


def v6lib_age(b):
    from v6lib import age_of

    return age_of(b)


@table("police_vehicle_owners_legacy", "police", "people", "机动车登记（旧系统导出）", enc="gbk", delim="\t", rows=1000,
       note="opaque legacy column names; ~6% company owners (rule 12)")
def t_vehicles(c):
    P = c.people((18, 80), 0.1)
    own, oid = [], []
    for p in P:
        if c.r.random() < 0.06:
            own.append(c.company()); oid.append(c.uscc())
        else:
            own.append(p["name"]); oid.append(p["id"])
    return [
        C("col_1", "op", "P/LICENSE_PLATE/d", [c.plate() for _ in P]),
        C("col_2", "op", "N/-/o", c.chs(["K33", "K31", "H31", "K11", "M22"]), note="vehicle type code"),
        C("col_3", "op", "P/-/d", ["LS" + "".join(c.ch("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(15)) for _ in P], note="VIN (rule 15)"),
        C("col_4", "op", "P/PERSON_NAME/d", own),
        C("col_5", "op", "S/CN_RESIDENT_ID/d", oid, tags=["mixed_docs"]),
        C("col_6", "op", "P/ADDRESS/d", [c.address(p["county"]) for p in P]),
        C("col_7", "op", "P/PHONE_NUMBER/d", [p["mobile"] if c.r.random() < 0.85 else "0" for p in P], tags=["placeholder"]),
        C("col_8", "op", "N/EVENT_DATE/q", c.dates(D(2005, 1, 1), D(2026, 11, 28), "%Y%m%d")),
        C("col_9", "op", "N/-/o", c.chs(["A", "A", "A", "G", "M", "B"]), note="vehicle status code"),
        C("col_10", "op", "N/-/o", c.chs(["白", "黑", "银", "红", "蓝", "灰"])),
        C("col_11", "op", "N/-/o", c.ints(1, 9), note="seat count"),
    ]
