"""教育: student roster, teachers, school directory, enrolment statistics, grants, kindergarten check-ups."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ADDR, CARD, DOB, EDU, EMAIL, ENUM_Q, ETHNIC, EVENT_Q, GENDER, ID, INCOME, MED, NAME, OCC,
                     ORG_Q, OTHER, PHONE, PID, STAT, WELFARE, org, table)
from ..values import fmt_date, gender_text, mapv, mask_id, spaced_card

GRADES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级"]


@table("education_student_roster", "education", "people", "中小学生学籍信息", "xlsx", 2800, "initials", minors=True)
def student_roster(t):
    g = t.g
    P = g.persons(t.n, ages=g.ints(6, 15, t.n), local=0.8, ref=dt.date(2025, 9, 1))
    parents = g.persons(t.n, ages=P.age + g.ints(24, 38, t.n))
    schools_p = [g.school_name(level="小学") for _ in range(40)]
    schools_m = [g.school_name(level="初中") for _ in range(25)]
    grade = np.clip(P.age - 6, 0, 8)
    t.col("xjh", mapv(lambda i: "G" + i, P.id), ID, note="national student number = 'G' + resident ID number", tags=("prefixed",))
    t.col("xm", P.name, NAME)
    t.col("xb", gender_text(P.sex, "code"), GENDER)
    t.col("csrq", P.birth, DOB, ptype="date")
    t.col("mz", P.ethnicity, ETHNIC)
    t.col("sfzjh", P.id, ID)
    t.col("xxmc", mapv(lambda gr: g.one(schools_p) if gr < 6 else g.one(schools_m), grade), ORG_Q)
    t.col("nj", mapv(lambda gr: GRADES[gr], grade), ENUM_Q, note="grade (follows age)")
    t.col("bj", mapv(lambda _: f"{g.randint(1, 12)}班", grade), OTHER)
    t.col("jtzz", P.addr, ADDR)
    t.col("jhrxm", parents.name, NAME, note="guardian")
    t.col("jhrdh", mapv(int, parents.mobile), PHONE, tags=("int",), ptype="int")
    t.col("jkzk", g.choice(["健康或良好", "一般或较弱", "有慢性病", "残疾"], t.n, [0.93, 0.04, 0.02, 0.01]), MED, note="health status")
    t.col("sfsqzn", mapv(lambda h: "是" if h not in V.DISTRICTS and h not in V.OLD_DISTRICTS else "否", P.hukou), ENUM_Q,
          note="migrant child flag (随迁子女)")
    t.col("sfcj", g.choice(["否", "是"], t.n, [0.99, 0.01]), MED, note="disability flag")


@table("education_teachers", "education", "people", "教职工基本信息", "csv", 1500, "english_snake")
def teachers(t):
    g = t.g
    P = g.persons(t.n, 22, 60, local=0.9)
    schools = [g.school_name() for _ in range(60)]
    t.col("staff_no", np.array([f"JS{x:06d}" for x in g.r.choice(999999, t.n, replace=False)], dtype=object), PID)
    t.col("name", P.name, NAME)
    t.col("gender", gender_text(P.sex, "cn"), GENDER)
    t.col("id_no", P.id, ID)
    t.col("birth_date", mapv(lambda b: fmt_date(b, "slash"), P.birth), DOB)
    t.col("ethnicity", P.ethnicity, ETHNIC)
    t.col("political_status", g.choice(["中共党员", "群众", "共青团员", "民主党派"], t.n, [0.45, 0.4, 0.1, 0.05]), ENUM_Q,
          note="political affiliation: not in the Art. 28 list; labelled quasi")
    t.col("education", g.choice(["研究生", "大学本科", "大学专科"], t.n, [0.2, 0.72, 0.08]), EDU)
    t.col("professional_title", g.choice(["正高级教师", "高级教师", "一级教师", "二级教师", "三级教师", "未定级"], t.n,
                                          [0.01, 0.22, 0.38, 0.25, 0.04, 0.1]), OCC)
    t.col("school", g.choice(schools, t.n), ORG_Q)
    t.col("subject", g.choice(["语文", "数学", "英语", "科学", "道德与法治", "体育与健康", "音乐", "美术", "信息科技"], t.n), OTHER)
    t.col("mobile", P.mobile, PHONE)
    t.col("email", np.array([g.personal_email() for _ in range(t.n)], dtype=object), EMAIL)
    t.col("col_7", P.addr, ADDR, note="opaque column holding the home address")
    t.col("hire_date", mapv(lambda b: (b + dt.timedelta(days=365 * g.randint(22, 26))).isoformat(), P.birth), EVENT_Q)
    t.col("jszgz_no", np.array([f"{g.randint(1996, 2022)}33{g.digits(11)}" for _ in range(t.n)], dtype=object), PID,
          note="teacher qualification certificate number (教师资格证)", style="mixed")


@table("education_school_directory", "education", "organisations", "各级各类学校名录", "csv", 600, "chinese", enc="gbk",
       newline="\r\n")
def school_directory(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    level = g.choice(["幼儿园", "小学", "初中", "高中"], t.n, [0.4, 0.35, 0.17, 0.08])
    names, seen = [], set()
    for c, lv in zip(codes, level):
        nm = g.school_name(c, lv)
        while nm in seen:
            nm = g.school_name(c, lv)
        seen.add(nm)
        names.append(nm)
    t.col("学校名称", names, org("ORG_NAME"))
    t.col("学校标识码", np.array([f"1133{g.digits(6)}" for _ in range(t.n)], dtype=object), STAT)
    t.col("办学类型", mapv(lambda lv: {"幼儿园": "幼儿园", "小学": "小学", "初中": "初级中学", "高中": "普通高中"}[lv], level), STAT)
    t.col("举办者类型", g.choice(["地方教育部门", "民办", "地方企业", "集体"], t.n, [0.78, 0.18, 0.02, 0.02]), STAT)
    t.col("学校地址", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("邮政编码", mapv(lambda c: "3" + c[2:4] + g.digits(3), codes), STAT)
    t.col("联系电话", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"))
    lon, lat = g.coords_in(codes)
    t.col("经度", lon, org("PRECISE_LOCATION"), note="coordinates of a school (place)")
    t.col("纬度", lat, org("PRECISE_LOCATION"))
    t.col("电子邮箱", np.array([g.org_email("edu") for _ in range(t.n)], dtype=object), org("EMAIL"), note="school mailbox")
    t.col("在校生数", mapv(lambda lv: g.randint(80, 400) if lv == "幼儿园" else g.randint(300, 3000), level), STAT)
    t.col("所属区县", mapv(lambda c: V.DISTRICTS[c], codes), org("REGION"))


@table("education_enrollment_stats", "education", "aggregate", "分区县分学段在校生统计", "xlsx", 240, "chinese",
       title_row="全省各县（市、区）分学段在校学生情况统计表")
def enrollment_stats(t):
    g = t.g
    rows = [(c, y, s) for c in list(V.DISTRICTS)[:12] for y in ("2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025")
            for s in ("学前教育", "小学", "初中", "普通高中")]
    total = np.array([int(g.lognormal_amounts(1, {"学前教育": 15000, "小学": 40000, "初中": 20000, "普通高中": 12000}[s], 0.4)[0]) for _, _, s in rows])
    t.col("区县", [V.DISTRICTS[r[0]] for r in rows], org("REGION"))
    t.col("学年", [r[1] for r in rows], STAT)
    t.col("学段", [r[2] for r in rows], STAT)
    t.col("学校数", (total / g.r.uniform(300, 1500, len(rows))).astype(int) + 1, STAT)
    t.col("班级数", (total / g.r.uniform(30, 45, len(rows))).astype(int), STAT)
    t.col("在校生数", total, STAT)
    boys = (total * g.r.uniform(0.51, 0.54, len(rows))).astype(int)
    t.col("男生", boys, STAT)
    t.col("女生", total - boys, STAT)
    t.col("专任教师数", (total / g.r.uniform(12, 18, len(rows))).astype(int), STAT)
    t.col("随迁子女数", (total * g.r.uniform(0.05, 0.4, len(rows))).astype(int), STAT)


@table("education_student_grants", "education", "people", "高校国家助学金发放名单", "csv", 1200, "chinese", delim="\t")
def student_grants(t):
    g = t.g
    P = g.persons(t.n, 18, 24, local=0.75)
    level = g.choice(["特别困难", "困难", "一般困难"], t.n, [0.25, 0.45, 0.3])
    amount = mapv(lambda lv: {"特别困难": 4400, "困难": 3300, "一般困难": 2200}[lv], level)
    cards = np.array([g.bank_card(["622202", "621700", "622848"], 19) for _ in range(t.n)], dtype=object)
    t.col("学号", np.array([f"{2021 + i % 4}{g.digits(8)}" for i in range(t.n)], dtype=object), PID, note="student number")
    t.col("姓名", P.name, NAME)
    t.col("身份证号", mapv(lambda s: mask_id(s, 2), P.id), ID, note="partly masked (birth month-day hidden)", tags=("masked",))
    t.col("学院", g.choice(["计算机学院", "经济管理学院", "外国语学院", "机械工程学院", "医学院", "艺术学院", "法学院"], t.n), ENUM_Q)
    t.col("专业", g.choice(["软件工程", "会计学", "英语", "机械设计制造及其自动化", "临床医学", "视觉传达设计", "法学", "护理学"], t.n), ENUM_Q)
    t.col("年级", mapv(lambda i: f"{2021 + i % 4}级", np.arange(t.n)), ENUM_Q)
    t.col("家庭经济困难等级", level, WELFARE, note="financial-hardship status of the student")
    t.col("是否建档立卡", g.choice(["否", "是"], t.n, [0.85, 0.15]), WELFARE, note="registered-poor household flag")
    t.col("资助金额", amount, INCOME)
    t.col("银行卡号", np.where(g.flag(0.5, t.n), mapv(spaced_card, cards), cards), CARD, tags=("spaced",))
    t.col("联系电话", P.mobile, PHONE)


@table("education_kindergarten_checkups", "education", "people", "幼儿园儿童健康检查记录", "csv", 700, "mixed", delim=";",
       minors=True)
def kindergarten_checkups(t):
    g = t.g
    P = g.persons(t.n, ages=g.ints(3, 6, t.n), ref=dt.date(2025, 10, 1))
    parents = g.persons(t.n, 26, 42)
    kgs = [g.school_name(level="幼儿园") for _ in range(12)]
    age = P.age.astype(float)
    height = np.round(75 + 7.0 * age + g.r.normal(0, 4, t.n), 1)
    weight = np.round(8 + 2.1 * age + g.r.normal(0, 1.8, t.n), 1)
    t.col("stu_xm", P.name, NAME, style="mixed")
    t.col("stu_xb", gender_text(P.sex, "cn"), GENDER, style="mixed")
    t.col("csrq_date", mapv(lambda b: b.isoformat(), P.birth), DOB, style="mixed")
    t.col("yey_name", g.choice(kgs, t.n), ORG_Q, style="mixed")
    t.col("class_bj", g.choice(["小一班", "小二班", "中一班", "中二班", "大一班", "大二班"], t.n), OTHER, style="mixed")
    t.col("height_sg", height, MED, style="mixed", dec=1, note="height (physiological)")
    t.col("weight_tz", weight, MED, style="mixed", dec=1)
    t.col("vision_sl", mapv(lambda _: f"{g.one(['4.8', '4.9', '5.0', '4.7'])}/{g.one(['4.8', '4.9', '5.0', '4.6'])}", age), MED, style="mixed")
    t.col("hb_xhdb", np.round(g.r.normal(122, 8, t.n)).astype(int), MED, style="mixed", note="haemoglobin g/L")
    t.col("tjjl_result", g.choice(["正常", "正常", "正常", "超重", "肥胖", "轻度贫血", "视力异常", "龋齿"], t.n), MED, style="mixed",
          note="check-up conclusion")
    t.col("jz_mobile", parents.mobile, PHONE, style="mixed", note="parent's mobile")
    t.col("tjrq", mapv(lambda d: d.isoformat(), g.dates(t.n, dt.date(2025, 9, 1), dt.date(2025, 11, 30))), EVENT_Q, style="initials")
