"""v5 tables, part A: courts, procuratorate, corrections, notary/legal aid, petitions, credit,
disabled persons' federation, maternal and child health, blood, mental health, drug control, CDC."""

from __future__ import annotations

import datetime as dt

from v5lib import (CIVIL_CAUSES, CRIMES, DRUGS, HOSPITALS, ICD, OCC, REF, REGIONS, BANKS, EDU, Col,
                   age_of, d, excel_serial, fw, gb_sex, mask_id2, mask_phone, sector, table)

D0, D1 = dt.date(2021, 1, 1), dt.date(2026, 11, 20)
COURTS = ["成都市武侯区人民法院", "成都市锦江区人民法院", "成都市金牛区人民法院", "成都市中级人民法院", "绵阳市涪城区人民法院",
          "四川天府新区成都片区人民法院", "德阳市旌阳区人民法院", "凉山彝族自治州中级人民法院", "宜宾市翠屏区人民法院"]
COURT_CODE = ["0107", "0104", "0106", "01", "0703", "0192", "0603", "34", "1502"]


def phone_mix(c, ph):
    k = c.r.random()
    if k < 0.55:
        return ph
    if k < 0.68:
        return "+86 " + ph
    if k < 0.76:
        return "86-" + ph
    if k < 0.88:
        return f"{ph[:3]}-{ph[3:7]}-{ph[7:]}"
    return f"{ph[:3]} {ph[3:7]} {ph[7:]}"


def case_no(c, kind="民初", year=None):
    i = c.ri(0, len(COURTS) - 1)
    return f"({year or c.ri(2019, 2026)})川{COURT_CODE[i]}{kind}{c.ri(1, 29999)}号"


def party(c, p_person=0.78):
    return c.cname() if c.p(p_person) else c.company()


# ============================================================================ courts
sector("court", "人民法院")


@table("court_hearing_announcements", "court", "people", "开庭公告（民商事）", "xlsx", 640, title_row=True)
def court_hearing(c, n):
    cause = c.chs(CIVIL_CAUSES, n)
    hear = [c.dtime(D0, D1) for _ in range(n)]
    rows = [(case_no(c, year=h.year - c.ri(0, 1)), party(c, 0.72), party(c, 0.8)) for h in hear]
    court = c.chs(COURTS, n)
    return [
        Col("案号", "case", [r[0] for r in rows], note="court case number: personal/quasi, entity null (rule 6)"),
        Col("案由", "xq", cause, note="civil cause of action of the parties (not a criminal matter): event category"),
        Col("原告", "name", [r[1] for r in rows], note="about 28% companies; stays PERSON_NAME (rule 12)"),
        Col("被告", "name", [r[2] for r in rows], note="about 20% companies; stays PERSON_NAME (rule 12)"),
        Col("承办法官", "name", [c.cname() for _ in range(n)]),
        Col("书记员", "name", [c.cname() for _ in range(n)]),
        Col("开庭时间", "date", [h.strftime("%Y-%m-%d %H:%M") for h in hear]),
        Col("法庭", "x", [c.ch(["第一审判庭", "第三审判庭", "科技法庭", "速裁法庭", f"第{c.ri(1, 12)}法庭"]) for _ in range(n)]),
        Col("承办法院", "orgq", court),
        Col("公告日期", "date", [d(h.date() - dt.timedelta(days=c.ri(3, 20))) for h in hear]),
        Col("法院联系电话", "ophone", [c.landline() for _ in range(n)], note="court switchboard"),
    ]


@table("court_fee_refunds", "court", "people", "诉讼费退费登记", "parquet", 420)
def court_fee_refunds(c, n):
    P = c.people(n)
    return [
        Col("I:申请人 姓名", "name", [p.name for p in P]),
        Col("I:申请人 身份证号", "id", [p.id18 for p in P]),
        Col("I:案号", "case", [case_no(c) for _ in P]),
        Col("I:退费 金额", "inc", [round(c.r.uniform(25, 38000), 2) for _ in P], note="a person's refund: personal transaction (rule 3)"),
        Col("I:收款 账号", "card", [c.card() for _ in P]),
        Col("I:开户行", "org", c.chs(BANKS, n)),
        Col("I:退费 原因", "x", c.chs(["撤诉", "调解结案", "二审改判", "多缴", "减半收取"], n)),
        Col("I:申请 日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("I:审批人", "name", [c.cname() for _ in P], note="court staff"),
        Col("I:联系 电话", "phone", [int(p.phone) for p in P], tags=("int",)),
        Col("I:退费 状态", "x", c.chs(["已退", "审核中", "退回"], n)),
    ]


@table("court_auction_bidders", "court", "people", "司法拍卖竞买人登记", "jsonl", 820)
def court_auction(c, n):
    P = c.people(n, age=(22, 70))
    lots = ["位于{}{}的住宅一套", "2019款大众朗逸轿车一辆", "{}100%股权", "临街商铺一间", "工业厂房及土地使用权", "挖掘机一台"]
    def lot():
        t = c.ch(lots)
        return t.format(c.ch(["成都市武侯区", "绵阳市涪城区", "德阳市旌阳区"]), c.ch(["锦绣花园", "南苑小区", "金沙名城"])) if "住宅" in t \
            else t.format(c.company()) if "股权" in t else t
    deposit = [c.ch([5000, 20000, 50000, 100000, 200000]) for _ in P]
    return [
        Col("bidderName", "name", [p.name for p in P]),
        Col("bidderIdNo", "id", [p.id18 for p in P]),
        Col("bidderMobile", "phone", [phone_mix(c, p.phone) for p in P], tags=("mixed_formats",)),
        Col("bidNo", "pid", [f"{c.ch('ABCDEFGH')}{c.ri(1000, 9999)}" for _ in P], note="bidder number identifies the bidder within the auction: PERSON_ID"),
        Col("lotNo", "x", [f"PM{c.ri(2021, 2026)}{c.ri(100000, 999999)}" for _ in P]),
        Col("lotTitle", "x", [lot() for _ in P], note="lot description, no exact address or plate"),
        Col("depositPaid", "inc", deposit, note="a person's deposit: personal transaction"),
        Col("bidAmount", "inc", [dp * c.ri(4, 30) + c.ri(0, 99) * 100 for dp in deposit]),
        Col("bidTime", "date", [c.dtime(D0, D1).isoformat(sep=" ") for _ in P]),
        Col("bidderIp", "ip", [c.ip() for _ in P]),
        Col("isWinner", "x", [c.p(0.15) for _ in P]),
        Col("courtName", "orgq", c.chs(COURTS, n)),
    ]


@table("court_case_statistics", "court", "aggregate", "审判执行案件分案由统计", "csv", 240, encoding="gbk", delimiter="\t")
def court_stats(c, n):
    cat = c.chs(["刑事", "民事", "行政", "执行"], n, [3, 5, 1, 2])
    cause = [c.ch(CRIMES) if k == "刑事" else c.ch(CIVIL_CAUSES) if k == "民事" else c.ch(["行政处罚", "行政许可", "不动产登记", "-"]) for k in cat]
    recv = [c.ri(5, 900) for _ in range(n)]
    done = [int(r * c.r.uniform(0.6, 1.0)) for r in recv]
    return [
        Col("统计年月", "bdate", [f"{c.ri(2022, 2026)}-{c.ri(1, 12):02d}" for _ in range(n)]),
        Col("法院", "org", c.chs(COURTS, n)),
        Col("案件类别", "x", cat),
        Col("罪名/案由", "agg_crime", cause, note="category of cases (offence names among them) in an aggregate: none (rule 9)"),
        Col("收案数", "x", recv), Col("结案数", "x", done),
        Col("未结数", "x", [r - x for r, x in zip(recv, done)]),
        Col("结案率(%)", "x", [round(100 * x / r, 1) for r, x in zip(recv, done)]),
        Col("平均审理天数", "x", [round(c.r.uniform(20, 160), 1) for _ in range(n)]),
        Col("上诉率(%)", "x", [round(c.r.uniform(0, 25), 2) for _ in range(n)]),
    ]


# ============================================================================ procuratorate
sector("procuratorate", "人民检察院")
PROCS = ["成都市人民检察院", "成都市武侯区人民检察院", "成都市青羊区人民检察院", "绵阳市人民检察院", "凉山州人民检察院", "宜宾市翠屏区人民检察院"]


@table("procuratorate_judicial_aid", "procuratorate", "people", "国家司法救助申请审批表", "xlsx", 320)
def proc_aid(c, n):
    P = c.people(n)
    ids = [fw(p.id18) if c.p(0.12) else p.id18 for p in P]
    cards = [c.card(length=19) for _ in P]
    return [
        Col("救助申请人", "name", [p.name for p in P]),
        Col("证件号码", "id", ids, tags=("fullwidth",)),
        Col("与被害人关系", "x", c.chs(["本人", "配偶", "子女", "父母", "兄弟姐妹"], n)),
        Col("申请人住址", "addr", [c.home_addr(p.region) for p in P]),
        Col("致困情形", "sens", c.chs(["因案致伤无力就医", "被害人死亡家庭生活困难", "因案致残丧失劳动能力", "财产遭受重大损失生活困难"], n),
            note="hardship status (rule 5)"),
        Col("救助金额（元）", "inc", [c.ri(3, 80) * 1000 for _ in P]),
        Col("发放方式", "x", c.chs(["银行转账", "银行转账", "现金"], n)),
        Col("收款银行卡号", "card", [" ".join(x[i:i + 4] for i in range(0, len(x), 4)) for x in cards], tags=("spaced",)),
        Col("承办检察官", "name", [c.cname() for _ in P]),
        Col("决定日期", "date", [d(c.date(D0, D1), "%Y年%m月%d日") for _ in P]),
        Col("检察院", "orgq", c.chs(PROCS, n)),
        Col("联系电话", "phone", [p.phone if c.p(0.85) else c.landline(REGIONS[p.region][0]) for p in P], note="~15% home landlines"),
    ]


@table("procuratorate_public_interest_clues", "procuratorate", "organisations", "公益诉讼案件线索登记", "csv", 260, delimiter=";")
def proc_clues(c, n):
    orgs = [c.company() for _ in range(n)]
    acts = ["违规排放生产废水", "非法占用林地", "销售过期食品", "未按规定处置医疗废物", "擅自改变耕地用途", "违规堆放建筑垃圾"]
    rivers = ["岷江", "沱江", "府河", "南河", "锦江", "涪江", "嘉陵江"]
    return [
        Col("线索编号", "x", [f"GY{c.ri(2021, 2026)}{c.ri(10000, 99999)}" for _ in orgs]),
        Col("被监督单位", "org", orgs),
        Col("统一社会信用代码", "uscc", [c.uscc("91") for _ in orgs]),
        Col("领域", "x", c.chs(["生态环境和资源保护", "食品药品安全", "国有财产保护", "国有土地使用权出让", "英烈保护"], n)),
        Col("线索概要", "ftx", [f"{o}在{c.ch(rivers)}{REGIONS[c.ch(list(REGIONS))][1]}段{c.ch(acts)}，涉嫌损害社会公共利益。" for o in orgs],
            note="narrative about companies, no person"),
        Col("涉及地点", "x", [f"{c.ch(rivers)}{REGIONS[c.ch(list(REGIONS))][1]}段" for _ in orgs], note="river section"),
        Col("受理日期", "bdate", [d(c.date(D0, D1)) for _ in orgs]),
        Col("办理状态", "x", c.chs(["初查", "立案", "诉前程序", "提起诉讼", "结案"], n)),
        Col("检察建议文号", "x", [f"川成{c.ch('武青锦金')}检行公建〔{c.ri(2021, 2026)}〕{c.ri(1, 99)}号" for _ in orgs]),
        Col("承办部门", "org", c.chs(["第八检察部", "公益诉讼检察部", "第五检察部"], n)),
    ]


# ============================================================================ corrections
sector("corrections", "司法行政（监狱·社区矫正）")
SFS = [f"{REGIONS[k][1]}{s}司法所" for k in ["510104", "510107", "510116", "513401", "510703"] for s in ["东升", "华阳", "簇桥", "城南"]]


def sentence(c, kind):
    y = c.ri(1, 3)
    if kind == "缓刑":
        return f"有期徒刑{y}年缓刑{y + 1}年"
    if kind == "管制":
        return f"管制{c.ri(6, 24)}个月"
    return f"有期徒刑{c.ri(2, 15)}年"


@table("corrections_community_subjects", "corrections", "people", "社区矫正对象基本信息", "csv", 900, encoding="gbk")
def corr_subjects(c, n):
    P = c.people(n, age=(18, 75))
    kinds = c.chs(["缓刑", "缓刑", "缓刑", "假释", "管制", "暂予监外执行"], n)
    start = [c.date(D0, D1) for _ in P]
    ids = [p.id18.lower() if p.id18.endswith("X") and c.p(0.7) else p.id18 for p in P]
    return [
        Col("I:矫正对象 编号", "pid", [f"JZ{p.region}{c.ri(100000, 999999)}" for p in P]),
        Col("I:矫正对象 姓名", "name", [p.name for p in P]),
        Col("I:矫正对象 身份证号", "id", ids, tags=("lowercase_x",)),
        Col("I:性别", "gender", [gb_sex(p.sex) for p in P]),
        Col("I:民族", "eth", [p.eth for p in P]),
        Col("I:矫正 类别", "crime", kinds, note="correction type reveals the sentence (rule 6)"),
        Col("I:罪名", "crime", c.chs(CRIMES, n)),
        Col("I:原判 刑期", "crime", [sentence(c, k) for k in kinds]),
        Col("I:矫正 起始 日期", "date", [d(s) for s in start]),
        Col("I:矫正 终止 日期", "date", [d(s + dt.timedelta(days=c.ri(180, 1500))) for s in start]),
        Col("I:居住地", "addr", [c.home_addr(p.region) for p in P]),
        Col("I:司法所", "orgq", c.chs(SFS, n)),
        Col("I:管理 等级", "crime", c.chs(["普管", "普管", "严管", "宽管"], n), note="supervision grade of an offender: part of the criminal matter"),
        Col("I:联系 电话", "phone", [p.phone for p in P]),
        Col("I:文化 程度", "edu", c.chs(EDU, n)),
    ]


@table("corrections_prison_visits", "corrections", "people", "罪犯亲属会见登记", "parquet", 1200, opaque=("col_{}", 0))
def corr_visits(c, n):
    P = c.people(n, age=(20, 70))
    V = c.people(n, age=(18, 85))
    docs = [v.id18 if c.p(0.96) else c.passport("home") for v in V]
    return [
        Col("罪犯编号", "pid", [f"51{c.ri(10, 99)}{c.ri(100000, 999999)}" for _ in P], note="prisoner number: PERSON_ID"),
        Col("罪犯姓名", "name", [p.name for p in P]),
        Col("监区", "xq", [f"{c.ch('一二三四五六七八九十')}监区" for _ in P]),
        Col("会见人姓名", "name", [v.name for v in V]),
        Col("会见人证件号", "id", docs, tags=("mixed_docs",), note="4% home-return permits (rule 10: dominant resident ID)"),
        Col("关系", "x", c.chs(["父亲", "母亲", "配偶", "子女", "兄弟", "姐妹"], n)),
        Col("会见人电话", "phone", [int(v.phone) for v in V], tags=("int",)),
        Col("会见日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("会见方式", "x", c.chs(["现场会见", "远程视频会见"], n)),
        Col("会见室", "x", [f"会见室{c.ri(1, 3)}-{c.ri(1, 24)}号窗口" for _ in P], note="room/window number"),
        Col("随行人数", "x", [c.ri(0, 2) for _ in P]),
        Col("登记民警警号", "pid", [f"{c.ri(0, 99):02d}{c.ri(1000, 9999)}" for _ in P], note="police staff number (rule 15)"),
    ]


@table("corrections_inmate_account_txns", "corrections", "people", "罪犯个人账户交易明细", "jsonl", 1500)
def corr_account(c, n):
    ids = [f"51{c.ri(10, 99)}{c.ri(100000, 999999)}" for _ in range(40)]
    names = [c.cname() for _ in ids]
    k = [c.ri(0, 39) for _ in range(n)]
    typ = c.chs(["购物消费", "亲属汇款入账", "劳动报酬", "购物消费", "购物消费"], n)
    return [
        Col("e:txn_no", "x", [f"T{2025000000 + i * 7 + c.ri(0, 6)}" for i in range(n)]),
        Col("e:inmate_no", "pid", [ids[i] for i in k]),
        Col("e:inmate_name", "name", [names[i] for i in k]),
        Col("e:prison_area", "xq", [f"{c.ri(1, 12)}监区" for _ in k]),
        Col("e:txn_type", "x", typ),
        Col("e:amount", "inc", [round(c.r.uniform(2, 60), 1) if t == "购物消费" else c.ri(1, 20) * 50 for t in typ]),
        Col("e:balance", "inc", [round(c.r.uniform(0, 3000), 2) for _ in k]),
        Col("e:txn_time", "date", [c.dtime(D0, D1).isoformat() for _ in k]),
        Col("e:item_category", "x", [c.ch(["日用品", "食品", "文具", "药品（非处方）"]) if t == "购物消费" else None for t in typ]),
        Col("e:remitter", "name", [c.cname() if t == "亲属汇款入账" else None for t in typ], tags=("sparse",)),
        Col("e:terminal_id", "x", [f"POS-{c.ri(1, 12):02d}" for _ in k]),
    ]


@table("corrections_released_resettlement", "corrections", "people", "刑满释放人员安置帮教台账", "xlsx", 360, title_row=True)
def corr_released(c, n):
    P = c.people(n, age=(20, 80))
    remarks = ["已落实最低生活保障", "患肺结核，需定期复查", "与家人关系紧张", "已在当地务工", "患有糖尿病，长期服药", "无固定住所"]
    ids = [c.id15(p) if p.dob.year < 1975 and c.p(0.35) else p.id18 for p in P]
    return [
        Col("序号", "x", list(range(1, n + 1))),
        Col("姓名", "name", [p.name for p in P]),
        Col("公民身份号码", "id", ids, tags=("legacy15",)),
        Col("出生日期", "dob", [d(p.dob) for p in P]),
        Col("原判罪名", "crime", c.chs(CRIMES, n)),
        Col("刑期", "crime", [sentence(c, "实刑") for _ in P]),
        Col("释放日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("户籍地址", "addr", [c.home_addr(p.region) for p in P]),
        Col("帮教负责人", "name", [c.cname() for _ in P]),
        Col("帮教负责人电话", "phone", [c.mobile() for _ in P], note="mobile of a named staff member"),
        Col("安置状态", "xq", c.chs(["已安置", "已安置", "未安置", "失联"], n), note="resettlement status, like occupation"),
        Col("就业情况", "occ", c.chs(["务工", "务农", "个体经营", "无业"], n)),
        Col("备注", "ft_s", [c.ch(remarks) if c.p(0.4) else None for _ in P], tags=("sparse", "free_text"),
            note="remarks mix illness and welfare status: most sensitive entity is health, none dominates"),
    ]


# ============================================================================ notary & legal aid
sector("legal", "司法行政（公证·法律援助）")


@table("notary_certificate_register", "legal", "people", "公证书出证登记", "csv", 700, encoding="utf-8-sig")
def notary(c, n):
    P = c.people(n, age=(16, 80))
    dtype = c.chs(["居民身份证"] * 10 + ["护照", "港澳居民来往内地通行证"], n)
    docs = [p.id18 if t == "居民身份证" else (c.passport("cn") if t == "护照" else c.passport("home")) for p, t in zip(P, dtype)]
    acc = [c.date(D0, D1) for _ in P]
    return [
        Col("公证书编号", "pid", [f"({a.year})川成{c.ch(['蜀', '锦', '律', '天'])}证字第{c.ri(1, 29999)}号" for a in acc],
            note="certificate number of a person's notarisation: PERSON_ID"),
        Col("申请人", "name", [p.name for p in P]),
        Col("证件类型", "x", dtype),
        Col("证件号码", "id", docs, tags=("mixed_docs",), note="~17% passports/permits; dominant resident ID (rule 10)"),
        Col("公证事项", "xq", c.chs(["出生", "亲属关系", "无犯罪记录", "学历", "婚姻状况", "委托书", "声明书", "驾驶证"], n),
            note="category of notarisation (not its result)"),
        Col("使用地", "xq", c.chs(["美国", "加拿大", "澳大利亚", "日本", "国内", "新加坡", "英国"], n)),
        Col("承办公证员", "name", [c.cname() for _ in P]),
        Col("受理日期", "date", [d(a) for a in acc]),
        Col("出证日期", "date", [d(a + dt.timedelta(days=c.ri(1, 15))) for a in acc]),
        Col("公证费（元）", "x", c.chs([80, 100, 200, 300], n), note="statutory fee tier (rule 3)"),
        Col("联系电话", "phone", [phone_mix(c, p.phone) for p in P], tags=("mixed_formats",)),
        Col("译文语种", "x", c.chs(["英语", "英语", "日语", "法语", "无"], n)),
    ]


@table("legal_aid_workstations", "legal", "mixed", "法律援助工作站及值班律师", "csv", 180, delimiter="|")
def legal_stations(c, n):
    regs = c.chs(list(REGIONS), n)
    return [
        Col("工作站名称", "org", [f"{REGIONS[r][1]}{c.ch(['人民法院', '看守所', '总工会', '妇联', '街道'])}法律援助工作站" for r in regs]),
        Col("地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("值班律师", "name", [c.cname() for _ in regs]),
        Col("律师执业证号", "pid", [f"1{r[:4]}{c.ri(2005, 2024)}1{c.ri(1000000, 9999999)}" for r in regs], note="lawyer's licence number: PERSON_ID"),
        Col("所属律师事务所", "org", [f"四川{c.ch(['蜀都', '天府', '锦城', '明炬', '英济'])}律师事务所" for _ in regs]),
        Col("值班电话", "ophone", [c.landline(REGIONS[r][0]) for r in regs], note="station's landline"),
        Col("服务热线", "ophone", ["12348"] * n),
        Col("经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("服务时间", "x", c.chs(["工作日9:00-17:00", "周一至周六9:00-12:00", "每周三全天"], n)),
    ]


# ============================================================================ petitions
sector("petition", "信访")
PET_TOPICS = ["征地拆迁", "劳动社保", "涉法涉诉", "城乡建设", "卫生健康", "教育", "农业农村", "物业管理"]


def petition_text(c, p):
    other = c.cname()
    t = c.ch([
        f"反映{c.ch(['所在小区', '村里'])}{other}（电话{c.mobile()}）拖欠其工资{c.ri(3, 60)}000元至今未付，多次讨要无果。",
        f"本人{p.name}，住{c.home_addr(p.region)}，对征地补偿标准有异议，要求重新评估。",
        f"反映其父亲因{c.ch(['尿毒症', '脑梗死', '肺癌'])}长期住院，医保报销比例过低，请求救助。",
        f"反映{c.company()}拖欠农民工工资，涉及{c.ri(5, 60)}人，联系人{other}。",
        f"对{c.ch(['法院', '派出所', '街道办'])}处理结果不服，要求复查。联系电话{p.phone}。",
        "反映小区噪音扰民问题，要求相关部门处理。",
    ])
    return t


@table("petition_visit_register", "petition", "people", "来访登记簿", "csv", 1000, encoding="gbk", delimiter="|")
def petition_visits(c, n):
    P = c.people(n, age=(20, 85))
    return [
        Col("信访件编号", "x", [f"XF{p.region}{c.ri(2021, 2026)}{c.ri(100000, 999999)}" for p in P], note="case serial (rule 1)"),
        Col("信访人", "name", [p.name for p in P]),
        Col("信访人身份证", "id", [p.id18 for p in P]),
        Col("信访人电话", "phone", [phone_mix(c, p.phone) for p in P], tags=("mixed_formats",)),
        Col("信访人住址", "addr", [c.home_addr(p.region) for p in P]),
        Col("来访人数", "x", [c.ch([1, 1, 1, 2, 3, 5, 12]) for _ in P]),
        Col("信访形式", "x", c.chs(["来访", "来信", "网上信访", "电话"], n)),
        Col("信访事项", "ft_s", [petition_text(c, p) for p in P], tags=("free_text",),
            note="names, phones, addresses of petitioners and others; ~1 in 6 mentions a relative's illness"),
        Col("问题类别", "x", c.chs(PET_TOPICS, n)),
        Col("责任单位", "org", [f"{REGIONS[p.region][1]}{c.ch(['住建局', '人社局', '卫健局', '街道办事处', '自然资源局'])}" for p in P]),
        Col("登记日期", "date", [d(c.date(D0, D1), "%Y/%m/%d") for _ in P]),
        Col("办理状态", "x", c.chs(["已受理", "办理中", "已办结", "不予受理"], n)),
        Col("满意度", "x", c.maybe(c.chs(["满意", "基本满意", "不满意"], n), null=0.3)),
    ]


@table("petition_online_messages", "petition", "people", "网上信访留言", "jsonl", 800)
def petition_online(c, n):
    P = c.people(n, age=(18, 75))
    nick = ["成都老百姓", "蜀人", "锦江小市民", "川妹子", "路人甲", "tianfu", "熊猫宝宝", "老成都"]
    return [
        Col("msgId", "x", [f"M{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P]),
        Col("userAccount", "pid", [f"{c.ch(nick)}{c.ri(1, 9999)}" for _ in P], note="forum account name (rule 15)"),
        Col("realName", "name", c.maybe([p.name for p in P], null=0.3), tags=("sparse",)),
        Col("mobilePhone", "phone", [p.phone for p in P]),
        Col("e:email", "email", [c.email() for _ in P], note="webmail of the citizen"),
        Col("clientIp", "ip", [c.ip() for _ in P]),
        Col("e:title", "x", [f"关于{c.ch(['小区噪音', '道路积水', '拖欠工资', '物业收费', '学位分配', '停车难'])}问题的{c.ch(['反映', '投诉', '建议'])}" for _ in P],
            note="message title, no person"),
        Col("e:content", "ft_p", [petition_text(c, p).replace("尿毒症", "病").replace("脑梗死", "病").replace("肺癌", "病") for p in P],
            tags=("free_text",), note="complaint text with names/phones/addresses (rule 14)"),
        Col("submitTime", "date", [c.dtime(D0, D1).strftime("%Y-%m-%dT%H:%M:%S+08:00") for _ in P]),
        Col("replyDept", "org", [f"{REGIONS[p.region][1]}{c.ch(['住建局', '人社局', '街道办事处', '城管局'])}" for p in P]),
        Col("replyContent", "ftx", [f"您好，您反映的问题已转{REGIONS[p.region][1]}相关部门办理，咨询电话{c.landline()}。" for p in P],
            note="department's reply with its office landline"),
    ]


@table("petition_monthly_statistics", "petition", "aggregate", "信访事项月度统计", "csv", 300)
def petition_stats(c, n):
    return [
        Col("月份", "bdate", [f"{c.ri(2023, 2026)}年{c.ri(1, 12)}月" for _ in range(n)]),
        Col("区县", "oregion", [REGIONS[c.ch(list(REGIONS))][1] for _ in range(n)]),
        Col("问题类别", "x", c.chs(PET_TOPICS, n)),
        Col("来信件数", "x", [c.ri(0, 90) for _ in range(n)]),
        Col("来访批次", "x", [c.ri(0, 60) for _ in range(n)]),
        Col("来访人次", "x", [c.ri(0, 240) for _ in range(n)]),
        Col("网上信访件数", "x", [c.ri(0, 400) for _ in range(n)]),
        Col("按期办结率", "x", [f"{c.r.uniform(85, 100):.1f}%" for _ in range(n)]),
        Col("群众满意率", "x", [f"{c.r.uniform(70, 99):.1f}%" for _ in range(n)]),
    ]


# ============================================================================ credit
sector("credit", "社会信用")


@table("credit_dishonest_debtors_natural", "credit", "people", "失信被执行人名单（自然人）", "csv", 1500, delimiter="\t")
def credit_dishonest(c, n):
    P = c.people(n, age=(22, 78))
    amt = [c.ri(1, 3000) * 1000 + c.ri(0, 999) for _ in P]
    obl = [f"被执行人{p.name}于判决生效之日起十日内偿还原告{c.cname()}借款{a}元及利息。" for p, a in zip(P, amt)]
    filed = [c.date(dt.date(2020, 1, 1), dt.date(2026, 6, 30)) for _ in P]
    return [
        Col("被执行人姓名", "name", [p.name for p in P]),
        Col("身份证号码", "id", [mask_id2(p.id18) for p in P], tags=("masked",)),
        Col("性别", "gender", [p.sex for p in P]),
        Col("年龄", "age", [age_of(p.dob) for p in P]),
        Col("执行法院", "orgq", c.chs(COURTS, n)),
        Col("省份", "region", ["四川"] * n),
        Col("执行依据文号", "case", [case_no(c, year=f.year - c.ri(0, 2)) for f in filed]),
        Col("案号", "case", [case_no(c, "执", year=f.year) for f in filed]),
        Col("立案时间", "date", [d(f, "%Y年%m月%d日") for f in filed]),
        Col("生效法律文书确定的义务", "ft_s", obl, tags=("free_text",), note="debtor obligations (rule 14)"),
        Col("被执行人的履行情况", "sens", c.chs(["全部未履行", "部分履行"], n), note="credit record (rule 6)"),
        Col("失信被执行人行为具体情形", "sens", c.chs(["有履行能力而拒不履行生效法律文书确定义务", "违反财产报告制度", "违反限制消费令"], n)),
        Col("发布时间", "date", [d(f + dt.timedelta(days=c.ri(30, 150))) for f in filed]),
        Col("涉案金额", "inc", amt, note="debt of a person"),
    ]


@table("credit_administrative_penalties", "credit", "mixed", "行政处罚信息（法人及非法人组织）", "parquet", 1200)
def credit_penalties(c, n):
    indiv = [c.p(0.2) for _ in range(n)]
    names = [(c.ch(["蜀香", "老成都", "川味", "兴旺", "好又多"]) + c.ch(["餐馆", "便利店", "五金店", "汽修店"])) if i else c.company() for i in indiv]
    facts = ["未按规定公示年度报告", "销售不符合食品安全标准的食品", "未取得许可擅自从事经营活动", "虚假宣传", "超标排放大气污染物", "未按规定设置安全警示标志"]
    return [
        Col("行政相对人名称", "org", names, note="companies and individual businesses' trade names (rule 13)"),
        Col("统一社会信用代码", "uscc", [c.uscc("92" if i else "91") for i in indiv]),
        Col("法定代表人", "name", [c.cname() for _ in names], note="legal representative / operator"),
        Col("处罚决定书文号", "x", [f"{c.ch(['成', '绵', '德', '宜'])}市监罚〔{c.ri(2021, 2026)}〕{c.ri(1, 999)}号" for _ in names]),
        Col("违法行为类型", "x", c.chs(["食品安全", "广告", "登记注册", "环境保护", "安全生产"], n)),
        Col("违法事实", "ftx", [f"当事人{c.ch(facts)}，违反了相关规定。" for _ in names], note="facts about the organisation"),
        Col("处罚依据", "x", c.chs(["《中华人民共和国食品安全法》第一百二十四条", "《中华人民共和国广告法》第五十五条", "《企业信息公示暂行条例》第十八条"], n)),
        Col("处罚类别", "x", c.chs(["罚款", "警告", "没收违法所得", "罚款;没收违法所得"], n)),
        Col("罚款金额(万元)", "x", [round(c.r.uniform(0.05, 50), 2) for _ in names], note="amount of a company penalty"),
        Col("处罚决定日期", "bdate", [d(c.date(D0, D1)) for _ in names]),
        Col("处罚机关", "org", c.chs(["成都市市场监督管理局", "绵阳市生态环境局", "德阳市应急管理局", "宜宾市市场监督管理局"], n)),
        Col("处罚机关统一社会信用代码", "uscc", [c.uscc("11") for _ in names]),
        Col("数据来源单位", "org", ["信用中国（四川）"] * n),
    ]


@table("credit_rating_distribution", "credit", "aggregate", "企业公共信用综合评价结果分布", "jsonl", 180)
def credit_rating(c, n):
    return [
        Col("e:year", "bdate", [c.ri(2021, 2026) for _ in range(n)]),
        Col("e:region", "oregion", [REGIONS[c.ch(list(REGIONS))][0] for _ in range(n)]),
        Col("e:industry", "x", c.chs(["制造业", "建筑业", "批发和零售业", "住宿和餐饮业", "交通运输业"], n)),
        Col("e:credit_grade", "x", c.chs(["A", "B", "C", "D"], n)),
        Col("e:enterprise_count", "x", [c.ri(3, 9000) for _ in range(n)]),
        Col("e:share_pct", "x", [round(c.r.uniform(0.1, 70), 2) for _ in range(n)]),
    ]


# ============================================================================ disabled persons' federation
sector("disabled", "残疾人联合会")
DIS_CAT = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]


@table("disabled_child_rehab_aid", "disabled", "people", "0-6岁残疾儿童康复救助名册", "xlsx", 400)
def dis_child(c, n):
    K = c.people(n, age=(0, 6))
    G = c.people(n, age=(24, 60))
    cat = c.chs(DIS_CAT[:6], n, [1, 4, 2, 4, 3, 1])
    grade = [c.ri(1, 4) for _ in K]
    cert = [k.id18 + str(DIS_CAT.index(ct) + 1) + str(g) if c.p(0.7) else None for k, ct, g in zip(K, cat, grade)]
    return [
        Col("儿童姓名", "name", [k.name for k in K]),
        Col("残疾人证号", "id", cert, tags=("cert_suffix", "sparse"), note="ID + category + grade digits (rule 10); 30% not yet certified"),
        Col("出生日期", "dob", [excel_serial(k.dob) for k in K], tags=("excel_serial",)),
        Col("性别", "gender", [k.sex for k in K]),
        Col("残疾类别", "med", [ct + "残疾" for ct in cat]),
        Col("残疾等级", "med", [f"{'一二三四'[g - 1]}级" for g in grade]),
        Col("康复项目", "med", [{"听力": "人工耳蜗植入", "言语": "听觉言语康复训练", "精神": "孤独症康复训练", "智力": "智力康复训练"}.get(ct, "肢体康复训练") for ct in cat]),
        Col("定点康复机构", "orgq", c.chs(["成都市残疾人康复服务指导中心", "四川省八一康复中心", "绵阳市特殊教育学校康复部", "成都市第一人民医院康复科"], n)),
        Col("救助金额", "inc", c.chs([12000, 14400, 18000, 24000], n), note="rehabilitation aid granted to the child"),
        Col("监护人姓名", "name", [g.name for g in G]),
        Col("监护人身份证", "id", [g.id18 for g in G]),
        Col("监护人电话", "phone", [g.phone for g in G]),
        Col("家庭住址", "addr", [c.home_addr(g.region) for g in G]),
        Col("户籍类型", "xq", c.chs(["农业", "非农业"], n)),
    ]


@table("disabled_employment_quota_review", "disabled", "organisations", "用人单位安排残疾人就业情况审核", "csv", 400, delimiter="|")
def dis_quota(c, n):
    staff = [c.ri(30, 4000) for _ in range(n)]
    dis = [int(s * c.r.uniform(0, 0.025)) for s in staff]
    return [
        Col("单位名称", "org", [c.company() for _ in staff]),
        Col("统一社会信用代码", "uscc", [c.uscc("91") for _ in staff]),
        Col("所属行业", "x", c.chs(["制造业", "信息技术", "批发零售", "建筑业", "金融业"], n)),
        Col("上年在职职工平均人数", "x", staff),
        Col("安排残疾人就业人数", "x", dis),
        Col("安排比例(%)", "x", [round(100 * x / s, 2) for x, s in zip(dis, staff)]),
        Col("应缴保障金(元)", "x", [max(0, int((s * 0.015 - x) * 98000)) for s, x in zip(staff, dis)], note="company amount"),
        Col("审核日期", "bdate", [d(c.date(D0, D1)) for _ in staff]),
        Col("单位地址", "oaddr", [c.street_addr(detail=False) for _ in staff]),
        Col("单位电话", "ophone", [c.landline() for _ in staff]),
    ]


@table("disabled_certificate_statistics", "disabled", "aggregate", "持证残疾人分类统计", "parquet", 420)
def dis_stats(c, n):
    return [
        Col("P:年度", "bdate", [c.ri(2020, 2026) for _ in range(n)]),
        Col("P:区县", "oregion", [REGIONS[c.ch(list(REGIONS))][1] for _ in range(n)]),
        Col("P:残疾 类别", "agg_med", c.chs(DIS_CAT, n), note="disability categories in an aggregate (rule 9)"),
        Col("P:残疾 等级", "agg_med", c.chs(["一级", "二级", "三级", "四级"], n)),
        Col("P:持证 人数", "x", [c.ri(5, 6000) for _ in range(n)]),
        Col("P:新增 人数", "x", [c.ri(0, 300) for _ in range(n)]),
        Col("P:男性", "x", [c.ri(0, 3000) for _ in range(n)]),
        Col("P:女性", "x", [c.ri(0, 3000) for _ in range(n)]),
    ]


# ============================================================================ maternal and child health / family planning
sector("mch", "妇幼保健·计划生育")
MCH = ["成都市妇女儿童中心医院", "四川省妇幼保健院", "武侯区妇幼保健院", "绵阳市妇幼保健院", "凉山州妇幼保健院", "金牛区妇幼保健院"]


@table("mch_prenatal_records", "mch", "people", "孕产妇保健手册建册信息", "parquet", 1200)
def mch_prenatal(c, n):
    P = c.people(n, age=(18, 45), sex="女")
    H = c.people(n, age=(20, 50), sex="男")
    lmp = [c.date(dt.date(2024, 1, 1), dt.date(2026, 9, 1)) for _ in P]
    return [
        Col("P:孕妇 姓名", "name", [p.name for p in P]),
        Col("P:身份证号", "id", [p.id18 for p in P]),
        Col("P:年龄", "age", [age_of(p.dob) for p in P]),
        Col("P:联系 电话", "phone", [int(p.phone) for p in P], tags=("int",)),
        Col("P:现 住址", "addr", [c.home_addr(p.region) for p in P]),
        Col("P:末次 月经", "med", [d(x) for x in lmp], note="date of last menstrual period: reproductive health (rule 2)"),
        Col("P:预产期", "med", [d(x + dt.timedelta(days=280)) for x in lmp], note="expected delivery date reveals pregnancy"),
        Col("P:孕次", "med", [c.ri(1, 5) for _ in P]),
        Col("P:产次", "med", [c.ri(0, 3) for _ in P]),
        Col("P:高危 因素", "med", c.chs(["无", "无", "无", "妊娠期糖尿病", "瘢痕子宫", "高龄初产", "妊娠期高血压", "乙肝病毒携带"], n)),
        Col("P:血红蛋白", "med", [c.ri(85, 145) for _ in P], note="g/L exam result"),
        Col("P:建册 日期", "date", [d(x + dt.timedelta(days=c.ri(40, 90))) for x in lmp]),
        Col("P:建册 机构", "orgq", c.chs(MCH, n)),
        Col("P:丈夫 姓名", "name", [h.name for h in H]),
    ]


@table("mch_premarital_checkups", "mch", "people", "婚前医学检查登记", "csv", 600, encoding="gbk")
def mch_premarital(c, n):
    M = c.people(n, age=(20, 45), sex="男")
    F = c.people(n, age=(20, 42), sex="女")
    neg = lambda w: c.ch(["阴性"] * w + ["阳性"])  # noqa: E731
    return [
        Col("男方姓名", "name", [m.name for m in M]),
        Col("男方身份证", "id", [m.id18 for m in M]),
        Col("女方姓名", "name", [f.name for f in F]),
        Col("女方身份证", "id", [f.id18 for f in F]),
        Col("检查日期", "date", [d(c.date(D0, D1)) for _ in M]),
        Col("检查机构", "orgq", c.chs(MCH, n)),
        Col("乙肝表面抗原", "med", [neg(15) for _ in M]),
        Col("梅毒筛查", "med", [neg(60) for _ in M]),
        Col("HIV抗体", "med", [neg(300) for _ in M]),
        Col("地中海贫血筛查", "med", [c.ch(["未见异常"] * 20 + ["α-地贫携带", "β-地贫携带"]) for _ in M]),
        Col("医学意见", "med", c.chs(["未发现医学上不宜结婚的情形"] * 12 + ["建议暂缓结婚", "建议采取医学措施，尊重受检者意愿"], n)),
        Col("主检医师", "name", [c.cname() for _ in M]),
    ]


@table("mch_newborn_screening", "mch", "people", "新生儿疾病筛查登记", "jsonl", 1500)
def mch_newborn(c, n):
    M = c.people(n, age=(19, 43), sex="女")
    born = [c.dtime(dt.date(2025, 1, 1), REF - dt.timedelta(days=5)) for _ in M]
    sex = c.chs("男女", n)
    return [
        Col("I:新生儿 姓名", "name", [m.name + ("之子" if s == "男" else "之女") if c.p(0.6) else c.cname(s) for m, s in zip(M, sex)],
            note="often '<mother>之子/之女' before the baby is named"),
        Col("I:母亲 姓名", "name", [m.name for m in M]),
        Col("I:母亲 证件号", "id", [m.id18 for m in M]),
        Col("I:出生 时间", "dob", [b.strftime("%Y-%m-%d %H:%M") for b in born], note="time of birth (rule 15)"),
        Col("I:出生 体重", "med", [c.ri(1800, 4500) for _ in M], note="grams (rule 2)"),
        Col("I:孕周", "med", [f"{c.ri(33, 41)}+{c.ri(0, 6)}" for _ in M]),
        Col("I:采血 日期", "date", [d(b + dt.timedelta(days=c.ri(2, 5))) for b in born]),
        Col("I:筛查 项目", "x", c.chs(["PKU+CH", "PKU+CH+CAH+G6PD", "听力筛查", "遗传代谢病串联质谱"], n), note="standard screening panel"),
        Col("I:筛查 结果", "med", c.chs(["阴性"] * 30 + ["阳性", "可疑"], n)),
        Col("I:采血 机构", "orgq", c.chs(MCH, n)),
        Col("I:联系 电话", "phone", [m.phone for m in M]),
        Col("I:出生 医院", "orgq", c.chs(HOSPITALS[:5] + MCH, n)),
    ]


@table("familyplanning_special_support", "mch", "people", "计划生育家庭特别扶助对象名册", "csv", 600, delimiter=";")
def fp_support(c, n):
    P = c.people(n, age=(49, 85))
    kind = c.chs(["独生子女死亡", "独生子女伤残"], n)
    return [
        Col("fzdx姓名", "name", [p.name for p in P]),
        Col("身份证HM", "id", [p.id18 for p in P]),
        Col("出生年月", "dob", [p.dob.strftime("%Y-%m") for p in P], note="month of birth"),
        Col("扶助类别", "sens", kind, note="specific identity / hardship (rule 5)"),
        Col("子女伤残等级", "med", [c.ch(["一级", "二级", "三级"]) if k == "独生子女伤残" else "-" for k in kind]),
        Col("年扶助金额", "inc", [7200 if k == "独生子女死亡" else 5760 for k in kind]),
        Col("发放账号", "card", [c.card() for _ in P]),
        Col("开户银行", "org", c.chs(BANKS, n)),
        Col("所在乡镇", "region", [REGIONS[p.region][1] + c.ch(["城关镇", "华阳街道", "东升街道", "新市镇"]) for p in P]),
        Col("联系电话", "phone", [p.phone for p in P]),
        Col("审核年度", "bdate", ["2026"] * n, note="same for the whole file (rule 16)"),
    ]


@table("mch_births_by_hospital", "mch", "aggregate", "助产机构出生情况月报", "xlsx", 300, title_row=True)
def mch_births(c, n):
    live = [c.ri(20, 900) for _ in range(n)]
    cs = [int(x * c.r.uniform(0.25, 0.6)) for x in live]
    return [
        Col("月份", "bdate", [f"{c.ri(2023, 2026)}-{c.ri(1, 12):02d}" for _ in live]),
        Col("医院", "org", c.chs(HOSPITALS + MCH, n)),
        Col("活产数", "x", live), Col("剖宫产数", "x", cs),
        Col("剖宫产率", "x", [round(b / a, 3) for a, b in zip(live, cs)]),
        Col("低出生体重儿数", "x", [c.ri(0, 40) for _ in live]),
        Col("早产儿数", "x", [c.ri(0, 50) for _ in live]),
        Col("孕产妇死亡数", "x", [c.ch([0] * 40 + [1]) for _ in live]),
        Col("出生缺陷发生率(‱)", "x", [round(c.r.uniform(50, 150), 1) for _ in live]),
    ]


# ============================================================================ blood
sector("blood", "血液中心")
BLOOD = ["A", "B", "O", "AB"]


@table("blood_donation_records", "blood", "people", "无偿献血记录", "csv", 2000)
def blood_records(c, n):
    P = c.people(n, age=(18, 60))
    return [
        Col("献血码", "pid", [f"5101{c.ri(20, 26)}{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P], note="donor/donation code printed on the certificate: PERSON_ID"),
        Col("献血者性名", "name", [p.name for p in P], note="typo for 姓名"),
        Col("证件号码", "id", [p.id18.lower() if p.id18[-1] == "X" else p.id18 for p in P], tags=("lowercase_x",)),
        Col("性别", "gender", [p.sex for p in P]),
        Col("出生日期", "dob", [f"{p.dob.year}/{p.dob.month}/{p.dob.day}" for p in P]),
        Col("血型", "med", [c.ch(BLOOD) + "型 " + c.ch(["RhD阳性"] * 30 + ["RhD阴性"]) for _ in P]),
        Col("献血类型", "x", c.chs(["全血", "全血", "全血", "机采血小板"], n)),
        Col("献血量(ml)", "x", c.chs([200, 300, 400, 400], n), note="standard volume tier of the event"),
        Col("献血日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("献血地点", "xq", c.chs(["天府广场献血屋", "春熙路献血屋", "流动献血车", "成都东站献血屋", "四川大学献血点"], n)),
        Col("初筛结果", "med", c.chs(["合格"] * 20 + ["血红蛋白偏低", "ALT偏高", "血压偏高"], n)),
        Col("手机号", "phone", [p.phone for p in P]),
        Col("职业", "occ", c.chs(OCC, n)),
    ]


@table("blood_collection_sites", "blood", "organisations", "献血点（献血屋）名录", "jsonl", 150)
def blood_sites(c, n):
    regs = c.chs(list(REGIONS), n)
    return [
        Col("siteName", "org", [f"{REGIONS[r][1]}{c.ch(['广场', '火车站', '大学城', '万达', '人民公园'])}献血屋" for r in regs]),
        Col("e:address", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("e:longitude", "oloc", [c.coord()[0] for _ in regs]),
        Col("e:latitude", "oloc", [c.coord()[1] for _ in regs]),
        Col("openHours", "x", c.chs(["09:00-17:30", "08:30-18:00", "10:00-19:00"], n)),
        Col("servicePhone", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("urgentBloodTypes", "agg_med", [",".join(sorted(c.r.sample(BLOOD, c.ri(1, 2)))) for _ in regs],
            note="blood types in short supply at a site: category, no person"),
    ]


@table("blood_inventory_daily", "blood", "aggregate", "血液库存日报", "csv", 400, delimiter="\t")
def blood_inventory(c, n):
    return [
        Col("日期", "bdate", [d(c.date(dt.date(2025, 1, 1), D1)) for _ in range(n)]),
        Col("血站", "org", c.chs(["四川省血液中心", "成都市血液中心", "绵阳市中心血站", "凉山州中心血站"], n)),
        Col("血型", "agg_med", c.chs(BLOOD, n)),
        Col("血液成分", "x", c.chs(["悬浮红细胞", "新鲜冰冻血浆", "单采血小板"], n)),
        Col("库存量(U)", "x", [c.ri(20, 4000) for _ in range(n)]),
        Col("预警状态", "x", c.chs(["正常", "正常", "偏紧", "紧急"], n)),
    ]


# ============================================================================ mental health
sector("mental", "精神卫生")
PSY = [x for x in ICD if x[0].startswith("F")] + [("G40.9", "癫痫所致精神障碍")]


@table("mental_severe_disorder_followup", "mental", "people", "严重精神障碍患者随访记录", "parquet", 1000)
def mental_followup(c, n):
    P = c.people(n, age=(16, 80))
    G = c.people(n, age=(30, 80))
    dx = c.chs(PSY, n)
    return [
        Col("IU:患者 编号", "pid", [f"{p.region}{c.ri(10 ** 7, 10 ** 8 - 1)}" for p in P]),
        Col("IU:患者 姓名", "name", [p.name for p in P]),
        Col("IU:身份证号", "id", [p.id18 for p in P]),
        Col("IU:性别", "gender", [gb_sex(p.sex) for p in P]),
        Col("IU:出生 日期", "dob", [d(p.dob, "%Y%m%d") for p in P]),
        Col("IU:诊断", "med", [f"{code} {nm}" for code, nm in dx]),
        Col("IU:危险性 评估", "med", [f"{c.ch([0, 0, 1, 1, 2, 3, 4, 5])}级" for _ in P]),
        Col("IU:服药 情况", "med", c.chs(["规律服药", "间断服药", "不服药"], n)),
        Col("IU:用药 名称", "med", [c.ch(DRUGS[3:8] + ["氯氮平片"]) for _ in P]),
        Col("IU:监护人 姓名", "name", [g.name for g in G]),
        Col("IU:监护人 电话", "phone", [g.phone for g in G]),
        Col("IU:随访 日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("IU:随访 医生", "name", [c.cname() for _ in P]),
        Col("IU:经济 状况", "sens", c.chs(["贫困", "低保", "非贫困", "非贫困"], n), note="hardship status (rule 5)"),
        Col("I:现住址", "addr", [c.home_addr(p.region) for p in P]),
        Col("ZD05", "x", c.chs(["0", "1"], n), note="opaque flag (reward-for-reporting scheme enrolled)"),
    ]


@table("mental_hotline_calls", "mental", "people", "心理援助热线来电记录", "csv", 1500, delimiter="|")
def mental_calls(c, n):
    nums = [mask_phone(c.mobile()) if c.p(0.85) else c.landline()[:-4] + "****" for _ in range(n)]
    return [
        Col("e:call_id", "x", [f"C{c.ri(10 ** 8, 10 ** 9 - 1)}" for _ in nums]),
        Col("e:caller_no", "phone", nums, tags=("masked",), note="masked caller number keeps its entity"),
        Col("e:call_start", "date", [c.dtime(D0, D1).strftime("%Y/%m/%d %H:%M") for _ in nums]),
        Col("e:duration_sec", "x", [c.ri(30, 5400) for _ in nums]),
        Col("e:topic", "med", c.chs(["情绪困扰", "婚恋家庭", "学业压力", "自伤自杀风险", "睡眠问题", "人际关系"], n), note="mental-health concern of the caller"),
        Col("e:risk_level", "med", c.chs(["低", "低", "中", "高"], n)),
        Col("e:age_group", "age", c.chs(["<18", "18-25", "26-35", "36-45", "46-60", ">60"], n)),
        Col("e:gender", "gender", c.chs(["男", "女", "未知"], n)),
        Col("e:counselor_no", "pid", [f"XL{c.ri(1, 80):03d}" for _ in nums], note="staff number"),
        Col("e:referral", "med", c.chs(["无", "无", "转介精神专科", "建议就医"], n)),
        Col("e:hotline", "ophone", c.chs(["028-87577510", "12356", "96008"], n)),
    ]


# ============================================================================ drug control
sector("drugs", "禁毒")


@table("drug_community_rehab_people", "drugs", "people", "社区戒毒社区康复人员管控台账", "xlsx", 500, opaque=("EXT_{}", 5))
def drug_rehab(c, n):
    P = [c.person(age=(18, 60), eth=c.ch(["彝族", "汉族", "彝族", "藏族"])) for _ in range(n)]
    return [
        Col("姓名", "name", [p.name for p in P]),
        Col("曾用名", "name", [c.cname(p.sex) if c.p(0.15) else None for p in P], tags=("sparse",)),
        Col("身份证号码", "id", [p.id18 for p in P]),
        Col("民族", "eth", [p.eth for p in P]),
        Col("户籍地", "region", [f"{REGIONS[p.region][0]}{REGIONS[p.region][1]}" for p in P]),
        Col("现居住地", "addr", [c.home_addr(p.region) for p in P]),
        Col("吸食毒品种类", "crime", c.chs(["海洛因", "冰毒", "氯胺酮", "大麻", "冰毒"], n), note="drug use is a violation record (rule 6)"),
        Col("戒毒类型", "crime", c.chs(["社区戒毒", "社区康复"], n)),
        Col("执行起始日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("尿检结果", "med", c.chs(["阴性"] * 12 + ["阳性"], n)),
        Col("最近尿检日期", "date", [d(c.date(dt.date(2026, 1, 1), D1)) for _ in P]),
        Col("社工姓名", "name", [c.cname() for _ in P]),
        Col("社工电话", "phone", [c.mobile() for _ in P]),
        Col("是否复吸", "crime", c.chs(["否"] * 8 + ["是"], n), note="relapse is a further violation"),
    ]


@table("drug_seizure_statistics", "drugs", "aggregate", "毒品查缉情况统计", "csv", 200, encoding="gbk")
def drug_stats(c, n):
    return [
        Col("年月", "bdate", [f"{c.ri(2022, 2026)}{c.ri(1, 12):02d}" for _ in range(n)]),
        Col("区县", "oregion", [REGIONS[c.ch(list(REGIONS))][1] for _ in range(n)]),
        Col("毒品种类", "x", c.chs(["海洛因", "冰毒", "氯胺酮", "大麻", "新精神活性物质"], n), note="drug type of seizures, no person"),
        Col("缴获数量(克)", "x", [round(c.r.uniform(0.5, 12000), 1) for _ in range(n)]),
        Col("破获案件数", "x", [c.ri(0, 80) for _ in range(n)]),
        Col("抓获嫌疑人数", "x", [c.ri(0, 120) for _ in range(n)]),
        Col("查处吸毒人员数", "x", [c.ri(0, 300) for _ in range(n)]),
    ]


# ============================================================================ disease control
sector("cdc", "疾病预防控制")
INFECT = [("A15.0", "肺结核"), ("B18.1", "乙型病毒性肝炎"), ("A53.9", "梅毒"), ("B20", "艾滋病"), ("B08.4", "手足口病"),
          ("J10.1", "流行性感冒"), ("A09", "其它感染性腹泻病"), ("B26.9", "流行性腮腺炎"), ("A90", "登革热")]


@table("cdc_notifiable_disease_cards", "cdc", "people", "传染病报告卡", "csv", 2000, encoding="utf-8-sig", delimiter="\t")
def cdc_cards(c, n):
    P = [c.person(age=(0, 85)) if c.p(0.85) else c.person(age=(0, 9)) for _ in range(n)]
    dx = c.chs(INFECT, n)
    onset = [c.date(D0, D1) for _ in P]
    kids = [age_of(p.dob) < 14 for p in P]
    docs = [p.id18 if c.p(0.97) else c.passport("foreign") for p in P]
    return [
        Col("e:card_id", "x", [f"{p.region}{c.ri(10 ** 9, 10 ** 10 - 1)}" for p in P], note="report-card serial"),
        Col("e:pt_name", "name", [p.name for p in P]),
        Col("e:id_no", "id", docs, tags=("mixed_docs",), note="3% foreign passports"),
        Col("e:sex", "gender", [p.sex for p in P]),
        Col("e:dob", "dob", [d(p.dob) for p in P]),
        Col("e:parent_name", "name", [c.cname() if k else None for k in kids], tags=("sparse",), note="filled for children"),
        Col("e:mob", "phone", [p.phone for p in P]),
        Col("e:cur_addr", "addr", [c.home_addr(p.region) for p in P]),
        Col("e:occupation", "occ", [c.ch(["散居儿童", "幼托儿童", "学生"]) if k else c.ch(OCC) for k in kids]),
        Col("e:disease", "med", [x[1] for x in dx]),
        Col("e:icd10", "med", [x[0] for x in dx]),
        Col("e:case_class", "med", c.chs(["确诊病例", "临床诊断病例", "疑似病例", "病原携带者"], n)),
        Col("e:onset_date", "date", [d(o) for o in onset]),
        Col("e:diag_date", "date", [d(o + dt.timedelta(days=c.ri(0, 7))) for o in onset]),
        Col("e:rpt_org", "orgq", c.chs(HOSPITALS, n)),
        Col("e:rpt_doctor", "name", [c.cname() for _ in P]),
        Col("e:rpt_date", "date", [d(o + dt.timedelta(days=c.ri(1, 9))) for o in onset]),
    ]


@table("cdc_vaccination_clinics", "cdc", "organisations", "预防接种门诊信息", "xlsx", 200)
def cdc_clinics(c, n):
    regs = c.chs(list(REGIONS), n)
    return [
        Col("门诊名称", "org", [f"{REGIONS[r][1]}{c.ch(['社区卫生服务中心', '人民医院', '妇幼保健院', '中心卫生院'])}预防接种门诊" for r in regs]),
        Col("所属机构", "org", [f"{REGIONS[r][1]}疾病预防控制中心" for r in regs]),
        Col("地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("咨询电话", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("门诊时间", "x", c.chs(["周一至周五 8:30-11:30", "周二、周四全天", "周一至周六上午"], n)),
        Col("可接种疫苗", "x", c.chs(["免疫规划疫苗;非免疫规划疫苗", "免疫规划疫苗", "狂犬病疫苗;破伤风"], n), note="services offered by the clinic"),
        Col("冷链设备数", "x", [c.ri(1, 8) for _ in regs]),
        Col("门诊等级", "x", c.chs(["规范化门诊", "示范门诊", "一般门诊"], n)),
    ]


@table("cdc_weekly_disease_statistics", "cdc", "aggregate", "法定传染病周报", "parquet", 600)
def cdc_weekly(c, n):
    return [
        Col("e:year", "bdate", [c.ri(2022, 2026) for _ in range(n)]),
        Col("e:week_no", "x", [c.ri(1, 52) for _ in range(n)]),
        Col("e:area", "oregion", [REGIONS[c.ch(list(REGIONS))][0] for _ in range(n)]),
        Col("e:disease_name", "agg_med", [x[1] for x in c.chs(INFECT, n)], note="disease names in an aggregate (rule 9)"),
        Col("e:cases", "x", [c.ri(0, 300) for _ in range(n)]),
        Col("e:deaths", "x", [c.ch([0] * 30 + [1, 2]) for _ in range(n)]),
        Col("e:incidence_per_100k", "x", [round(c.r.uniform(0, 30), 3) for _ in range(n)]),
        Col("e:yoy_change", "x", [f"{c.r.uniform(-60, 80):+.1f}%" for _ in range(n)]),
    ]
