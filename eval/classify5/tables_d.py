"""v5 tables, part D: persons named by their role (服刑人员, 被监护人, 委托人, 当事人, 投保人, 受助人),
allergies, English abbreviations (ssn_no, cert_no), and a few more organisation/mixed tables."""

from __future__ import annotations

import datetime as dt

from v5lib import ALLERGIES, DRUGS, ICD, REGIONS, Col, d, fw, sector, table

D0, D1 = dt.date(2021, 1, 1), dt.date(2026, 11, 20)


def reg_name(c):
    return REGIONS[c.ch(list(REGIONS))][1]


@table("corrections_inmate_medical_visits", "corrections", "people", "服刑人员狱内就医记录", "csv", 900, encoding="gbk", delimiter=";")
def inmate_medical(c, n):
    P = c.people(n, age=(18, 75))
    dx = c.chs([x for x in ICD if not x[0].startswith(("O", "Q"))], n)
    return [
        Col("服刑人员编号", "pid", [f"51{c.ri(10, 99)}{c.ri(100000, 999999)}" for _ in P]),
        Col("服刑人员姓名", "name", [p.name for p in P]),
        Col("监区", "xq", [f"{c.ri(1, 12)}监区" for _ in P]),
        Col("就诊日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("主诉", "med", c.chs(["头痛三天", "咳嗽咳痰一周", "胸闷气短", "腹痛腹泻", "失眠焦虑", "腰痛"], n)),
        Col("诊断", "med", [x[1] for x in dx]),
        Col("ICD编码", "med", [x[0] for x in dx]),
        Col("过敏史", "med", c.chs(ALLERGIES, n), note="allergy history (mostly 无)"),
        Col("处方药品", "med", [c.ch(DRUGS) + ("、" + c.ch(DRUGS) if c.p(0.3) else "") for _ in P]),
        Col("接诊医生", "name", [c.cname() for _ in P]),
        Col("是否外诊", "x", c.chs(["否", "否", "否", "是"], n)),
        Col("监狱医院", "orgq", c.chs(["四川省监狱管理局中心医院", "成都监狱医院", "川西监狱卫生所"], n)),
    ]


sector("childwelfare", "民政（儿童福利·监护）")


@table("civil_guardianship_records", "childwelfare", "people", "困境儿童监护及基本生活保障", "jsonl", 500)
def guardianship(c, n):
    K = c.people(n, age=(1, 17))
    G = c.people(n, age=(35, 80))
    entrust = [c.p(0.3) for _ in K]
    return [
        Col("I:被监护人 姓名", "name", [k.name for k in K]),
        Col("I:被监护人 身份证号", "id", [fw(k.id18) if c.p(0.15) else k.id18 for k in K], tags=("fullwidth",)),
        Col("I:被监护人 出生 日期", "dob", [d(k.dob) for k in K]),
        Col("I:儿童 类别", "sens", c.chs(["事实无人抚养儿童", "孤儿", "重病重残儿童", "留守儿童"], n), note="welfare/hardship status (rule 5)"),
        Col("I:监护人 姓名", "name", [g.name for g in G]),
        Col("I:监护人 电话", "phone", [g.phone for g in G]),
        Col("I:监护 类型", "x", ["委托监护" if e else c.ch(["法定监护", "指定监护"]) for e in entrust]),
        Col("I:委托人 姓名", "name", [c.cname() if e else None for e in entrust], tags=("sparse",), note="parent who entrusted the guardian"),
        Col("I:基本 生活费", "inc", c.chs([1300, 1450, 1600], n)),
        Col("I:儿童 主任", "name", [c.cname() for _ in K], note="village child-welfare officer"),
        Col("I:所在 村 社区", "region", [f"{reg_name(c)}{c.ch(['永兴', '白果', '东风', '玉林'])}{c.ch(['村', '社区'])}" for _ in K]),
    ]


@table("court_people_mediation_cases", "court", "people", "诉前人民调解案件登记", "csv", 700, delimiter=",")
def mediation(c, n):
    A = c.people(n, age=(20, 80))
    B = c.people(n, age=(20, 80))
    typ = c.chs(["邻里纠纷", "婚姻家庭纠纷", "民间借贷纠纷", "物业纠纷", "交通事故赔偿"], n)
    return [
        Col("调解案号", "case", [f"({c.ri(2022, 2026)})川{c.ri(100, 999)}诉前调{c.ri(1, 9999)}号" for _ in A], note="like a court case number (rule 6)"),
        Col("当事人（申请人）", "name", [a.name for a in A]),
        Col("当事人联系电话", "phone", [a.phone for a in A]),
        Col("当事人（被申请人）", "name", [b.name if c.p(0.85) else c.company() for b in B], note="15% companies (rule 12)"),
        Col("纠纷类型", "xq", typ),
        Col("肇事车辆号牌", "plate", [c.plate() if t == "交通事故赔偿" else None for t in typ], tags=("sparse",), note="vehicle of a party"),
        Col("调解结果", "x", c.chs(["调解成功", "调解成功", "调解不成", "撤回"], n), note="case-handling result"),
        Col("协议金额(元)", "inc", [c.ri(1, 300) * 500 if c.p(0.7) else None for _ in A], tags=("sparse",), note="amount agreed in mediation (rule 3)"),
        Col("调解员", "name", [c.cname() for _ in A]),
        Col("调解组织", "orgq", [f"{reg_name(c)}{c.ch(['人民调解委员会', '诉调对接中心'])}" for _ in A]),
        Col("受理日期", "date", [d(c.date(D0, D1)) for _ in A]),
    ]


@table("union_mutual_insurance_claims", "union", "people", "职工互助保障理赔明细", "xlsx", 600)
def union_claims(c, n):
    P = c.people(n, age=(20, 60))
    same = [c.p(0.8) for _ in P]
    Q = [p if s else c.person(age=(1, 60)) for p, s in zip(P, same)]
    dx = c.chs(ICD, n)
    return [
        Col("投保人", "name", [p.name for p in P]),
        Col("投保人证件号", "id", [p.id18 for p in P]),
        Col("被保险人", "name", [q.name for q in Q]),
        Col("被保险人证件号", "id", [q.id18 for q in Q]),
        Col("保障项目", "x", c.chs(["住院医疗互助", "重大疾病互助", "意外伤害互助"], n)),
        Col("保费", "inc", c.chs([30, 50, 80], n), note="premium paid by the person"),
        Col("出险原因", "med", [x[1] for x in dx]),
        Col("住院天数", "med", [c.ri(1, 40) for _ in P], note="length of stay is part of the medical record"),
        Col("理赔金额", "inc", [round(c.r.uniform(200, 30000), 2) for _ in P]),
        Col("收款卡号", "card", [(lambda x: " ".join(x[i:i + 4] for i in range(0, len(x), 4)))(c.card()) for _ in P], tags=("spaced",)),
        Col("受理工会", "orgq", [f"{reg_name(c)}总工会" for _ in P]),
        Col("理赔日期", "date", [d(c.date(D0, D1)) for _ in P]),
    ]


@table("union_model_workers", "union", "people", "劳动模范名册及津贴", "parquet", 300)
def model_workers(c, n):
    P = c.people(n, age=(35, 90))
    return [
        Col("e:emp_name", "name", [p.name for p in P]),
        Col("e:ssn_no", "id", [p.id18 for p in P], note="social-security number is the resident ID (rule 10)"),
        Col("e:cert_no", "pid", [f"LM{c.ri(1980, 2025)}{c.ri(1000, 9999)}" for _ in P], note="model-worker certificate number"),
        Col("e:mob", "phone", [p.phone for p in P]),
        Col("e:dob", "dob", [d(p.dob, "%Y/%m/%d") for p in P]),
        Col("e:org_name", "orgq", [c.company() for _ in P]),
        Col("e:title_awarded", "x", c.chs(["全国劳动模范", "四川省劳动模范", "成都市劳动模范", "全国五一劳动奖章"], n)),
        Col("e:award_year", "x", [c.ri(1985, 2025) for _ in P]),
        Col("e:monthly_allowance", "inc", c.chs([300, 500, 800, 1000], n)),
        Col("e:hukou_addr", "addr", [c.home_addr(p.region) for p in P]),
    ]


@table("express_smart_lockers", "express", "mixed", "智能快件箱点位及维护人员", "csv", 350, encoding="gbk", delimiter="\t")
def lockers(c, n):
    regs = c.chs(list(REGIONS), n)
    from v5lib import ESTATES

    return [
        Col("点位编号", "x", [f"FC{r[-4:]}{c.ri(10000, 99999)}" for r in regs]),
        Col("运营企业", "org", c.chs(["深圳市丰巢科技有限公司", "中邮智递科技有限公司", "成都递易科技有限公司"], n)),
        Col("点位名称", "x", [f"{c.ch(ESTATES)}{c.ri(1, 6)}号门" for _ in regs], note="locker site name"),
        Col("点位地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("格口数", "x", [c.ri(40, 300) for _ in regs]),
        Col("维护人员", "name", [c.cname() for _ in regs]),
        Col("维护人员手机", "phone", [c.mobile() for _ in regs]),
        Col("客服电话", "ophone", c.chs(["95333", "400-683-2566", "11183"], n)),
    ]


@table("funeral_public_cemeteries", "funeral", "organisations", "公墓基本情况", "jsonl", 160)
def cemeteries(c, n):
    regs = c.chs(list(REGIONS), n)
    total = [c.ri(500, 60000) for _ in regs]
    return [
        Col("P:公墓 名称", "org", [f"{REGIONS[r][1]}{c.ch(['福寿', '长青', '天堂', '仙鹤', '青山'])}{c.ch(['陵园', '公墓', '生态陵园'])}" for r in regs]),
        Col("P:性质", "x", c.chs(["公益性", "经营性"], n)),
        Col("P:占地 面积 亩", "x", [round(c.r.uniform(10, 900), 1) for _ in regs], note="area of a cemetery (organisation), not property of a person"),
        Col("P:墓穴 总数", "x", total),
        Col("P:剩余 墓穴", "x", [int(t * c.r.uniform(0, 0.6)) for t in total]),
        Col("P:地址", "oaddr", [c.village_addr(r) for r in regs]),
        Col("P:经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("P:纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("P:服务 电话", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("P:审批 文号", "x", [f"川民函〔{c.ri(2000, 2024)}〕{c.ri(1, 300)}号" for _ in regs]),
    ]


@table("blood_online_appointments", "blood", "people", "献血线上预约记录", "jsonl", 1200)
def blood_appointments(c, n):
    P = c.people(n, age=(18, 60))
    return [
        Col("appointNo", "x", [f"YY{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in P]),
        Col("donorName", "name", [p.name for p in P]),
        Col("idCardMasked", "id", [p.id18[:3] + "*" * 11 + p.id18[-4:] for p in P], tags=("masked",)),
        Col("mobileNo", "phone", [int(p.phone) for p in P], tags=("int",)),
        Col("siteName", "xq", c.chs(["天府广场献血屋", "春熙路献血屋", "成都东站献血屋", "高新区献血屋"], n)),
        Col("appointTime", "date", [c.dtime(dt.date(2026, 1, 1), D1).strftime("%Y-%m-%d %H:00") for _ in P]),
        Col("submitIp", "ip", [c.ip() for _ in P]),
        Col("deviceId", "pdirect", [c.faker("en_US").uuid4().upper() for _ in P], note="device identifier of the donor's phone (Annex A)"),
        Col("wxOpenId", "pid", ["o" + c.faker("en_US").pystr(min_chars=27, max_chars=27) for _ in P], note="WeChat user id"),
        Col("e:status", "x", c.chs(["已预约", "已到场", "已取消", "爽约"], n)),
    ]
