"""卫生健康: outpatient and inpatient records, vaccination, chronic disease follow-up, ADR reports,
hospital directory, notifiable-disease statistics."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import (ADDR, AGE, DOB, EVENT_Q, GENDER, ID, INCOME, MED, NAME, ORG_Q, OTHER, PHONE, PID, STAT,
                     org, table)
from ..values import (age_text, age_years, excel_serial, fmt_date, gender_text, mapv, mask_id, mask_name,
                      mixed_mobiles, placeholders, sparse)

SURGERIES = {
    "K35.8": "腹腔镜阑尾切除术", "K80.2": "腹腔镜胆囊切除术", "S72.0": "人工股骨头置换术",
    "I25.1": "经皮冠状动脉介入治疗", "H25.9": "白内障超声乳化摘除术+人工晶体植入术", "C34.9": "胸腔镜肺叶切除术",
    "C16.9": "腹腔镜胃癌根治术", "C50.9": "乳腺癌改良根治术", "J35.0": "扁桃体切除术", "M17.9": "全膝关节置换术",
    "O80.0": "会阴侧切缝合术",
}


def _diagnosis_for_age(g, age):
    band = "child" if age < 14 else ("old" if age >= 55 else "adult")
    pool = [d for d in V.DIAGNOSES if d[3] in (band, "any")]
    return pool[int(g.pr.random() * len(pool))]


def _unique(names, g):
    seen, out = set(), []
    for n in names:
        k = n
        while k in seen:
            k = n.replace("医院", f"{g.one(['东', '西', '南', '北', '新'])}院区医院", 1) if "医院" in n else n + g.one(["分中心", "服务站", "门诊部"])
            n = k
        seen.add(k)
        out.append(k)
    return np.array(out, dtype=object)


@table("health_outpatient_visits", "health", "people", "门急诊就诊记录", "csv", 3000, "chinese", delim="|",
       minors=True)
def outpatient_visits(t):
    g = t.g
    P, idx = t.repeat_people(1800, lo=0, hi=92)
    visit = g.datetimes(t.n, dt.date(2024, 1, 1), dt.date(2025, 6, 30), hours=(7, 21))
    visit = np.array(sorted(visit), dtype=object)
    births = t.take(P.birth, idx)
    diag = [_diagnosis_for_age(g, age_years(b, v.date())) for b, v in zip(births, visit)]
    t.col("门诊号", t.take(mapv(lambda i: f"MZ{i:08d}", np.arange(len(P)) * 7 + 10000321), idx), PID,
          note="patient number (internal person identifier)")
    t.col("就诊流水号", np.array([f"{v:%Y%m%d}{i:06d}" for i, v in enumerate(visit)], dtype=object), OTHER,
          note="visit serial (event), not a person identifier on its own")
    t.col("患者姓名", t.take(P.name, idx), NAME)
    t.col("性别", gender_text(t.take(P.sex, idx), "cn"), GENDER)
    t.col("年龄", mapv(lambda b, v: age_text(b, v.date()), births, visit), AGE, note="age text: 岁/月/天")
    ids = t.take(P.id, idx)
    masked = g.flag(0.1, t.n)
    ids = np.where(masked, mapv(mask_id, ids), ids)
    ids = np.where(g.flag(0.12, t.n), None, ids)
    t.col("身份证号", ids, ID, tags=("masked", "sparse"))
    mob = mixed_mobiles(g, t.take(P.mobile, idx), ["plain", "dash", "+86"], [0.85, 0.1, 0.05])
    t.col("联系电话", placeholders(g, mob, 0.04, ("无", "-")), PHONE, tags=("placeholder",))
    kid = mapv(lambda b, v: age_years(b, v.date()) < 14, births, visit).astype(bool)
    t.col("监护人", np.where(kid, g.names(t.n), None), NAME, note="guardian, filled for children only", tags=("sparse",))
    t.col("就诊时间", visit, EVENT_Q)
    t.col("就诊科室", np.array([d[2] for d in diag], dtype=object), MED,
          note="department of a person's visit (肿瘤科, 精神心理科, 感染科 ...) reveals health")
    t.col("诊断名称", np.array([d[1] for d in diag], dtype=object), MED)
    t.col("诊断编码ICD10", np.array([d[0] for d in diag], dtype=object), MED)
    t.col("医保类型", g.choice(["职工医保", "城乡居民医保", "自费", "异地医保", "公费医疗"], t.n, [0.5, 0.3, 0.12, 0.05, 0.03]),
          OTHER)
    t.col("费用合计", g.lognormal_amounts(t.n, 180, 0.9, 8, 9000), INCOME, dec=2,
          note="medical expense of a person: transaction/consumption record (GB/T 35273 Annex B property); "
               "the vocabulary has no separate expense entity")
    doctors = g.names(60)
    t.col("接诊医生", g.choice(doctors, t.n), NAME, note="treating doctor: staff member, a natural person")
    t.col("医疗机构", g.choice([g.hospital_name() for _ in range(12)], t.n), ORG_Q)


@table("health_inpatient_discharge", "health", "people", "出院病人信息", "xlsx", 900, "initials",
       minors=True, title_row="2024年出院病人信息一览表（病案首页摘录）")
def inpatient_discharge(t):
    g = t.g
    P = g.persons(t.n, lo=0, hi=95)
    adm = g.datetimes(t.n, dt.date(2024, 1, 1), dt.date(2024, 12, 20), hours=(0, 24))
    los = np.clip(np.round(g.r.lognormal(1.9, 0.6, t.n)), 1, 60).astype(int)
    dis = mapv(lambda a, d: a + dt.timedelta(days=int(d), hours=g.randint(-3, 5)), adm, los)
    diag = [_diagnosis_for_age(g, age_years(b, a.date())) for b, a in zip(P.birth, adm)]
    t.col("bah", np.array([f"{x:07d}" for x in sorted(g.r.choice(9_000_000, t.n, replace=False) + 100000)], dtype=object),
          PID, note="病案号 (medical record number)")
    t.col("xm", P.name, NAME)
    t.col("xb", gender_text(P.sex, "code"), GENDER)
    t.col("csrq", mapv(excel_serial, P.birth), DOB, note="birth date as Excel serial day numbers", tags=("excel_serial",),
          ptype="int")
    t.col("nl", mapv(lambda b, a: age_years(b, a.date()), P.birth, adm), AGE, ptype="int")
    t.col("sfzh", sparse(g, P.id, 0.95), ID)
    t.col("jtzz", P.addr, ADDR)
    t.col("lxr", g.names(t.n), NAME, note="contact person of the patient")
    t.col("lxr_tel", mapv(int, g.mobiles(t.n)), PHONE, tags=("int",), ptype="int", style="mixed")
    t.col("rysj", adm, EVENT_Q)
    t.col("cysj", dis, EVENT_Q)
    t.col("ks", np.array([d[2] for d in diag], dtype=object), MED, note="ward department reveals health")
    t.col("cyzd", np.array([d[1] for d in diag], dtype=object), MED, note="discharge diagnosis")
    t.col("zdbm", np.array([d[0] for d in diag], dtype=object), MED)
    t.col("ssmc", np.array([SURGERIES.get(d[0]) if g.pr.random() < 0.8 else None for d in diag], dtype=object), MED,
          note="surgery name; empty for non-surgical stays", tags=("sparse",))
    t.col("gms", g.choice(V.ALLERGIES, t.n, V.ALLERGY_W), MED, note="allergy history (过敏史); 无 is a real value")
    t.col("zfy", np.round(g.lognormal_amounts(t.n, 9000, 0.8, 800, 400000) * (1 + los / 30), 2), INCOME, dec=2,
          note="total inpatient cost of the person")
    t.col("zzys", g.choice(g.names(40), t.n), NAME, note="attending doctor")
    t.col("fb", g.choice(["职工医保", "居民医保", "自费", "商业保险"], t.n, [0.55, 0.33, 0.1, 0.02]), OTHER, note="费别")


@table("health_vaccination", "health", "people", "儿童预防接种记录", "jsonl", 2400, "english_camel", minors=True)
def vaccination(t):
    g = t.g
    kids = g.persons(700, ages=g.ints(0, 6, 700), local=0.8)
    parents = g.persons(700, ages=g.ints(24, 45, 700))
    weights = g.r.uniform(0.5, 1.5, 700)
    idx = g.r.choice(700, t.n, p=weights / weights.sum())
    idx.sort()
    births = t.take(kids.birth, idx)
    vdate = mapv(lambda b: min(b + dt.timedelta(days=g.randint(0, 2000)), dt.date(2025, 12, 30)), births)
    t.col("recordId", np.array([f"YM{i + 1:07d}" for i in range(t.n)], dtype=object), OTHER, note="record serial")
    t.col("childCode", t.take(mapv(lambda c: f"{c}{g.digits(10)}", kids.district), idx), PID,
          note="immunisation-system child code (internal person identifier)")
    t.col("childName", t.take(kids.name, idx), NAME)
    t.col("gender", gender_text(t.take(kids.sex, idx), "code"), GENDER)
    t.col("birthDate", mapv(lambda b: b.isoformat(), births), DOB)
    t.col("guardianName", t.take(parents.name, idx), NAME)
    rel = mapv(lambda s: g.one(["父亲", "祖父", "外祖父"], [0.9, 0.06, 0.04]) if s == "1" else g.one(["母亲", "祖母", "外祖母"], [0.9, 0.06, 0.04]),
               parents.sex)
    t.col("guardianRelation", t.take(rel, idx), OTHER)
    t.col("guardianIdNo", t.take(parents.id, idx), ID)
    t.col("guardianMobile", t.take(parents.mobile, idx), PHONE)
    t.col("homeAddress", t.take(kids.addr, idx), ADDR)
    t.col("vaccineName", g.choice(V.VACCINES, t.n), MED, note="immunisation history of a child is a health record")
    t.col("doseNo", g.ints(1, 4, t.n), OTHER)
    t.col("vaccinationDate", mapv(lambda d: d.isoformat(), vdate), EVENT_Q)
    t.col("batchNo", np.array([f"{g.one(['2023', '2024', '2025'])}{g.digits(5)}{g.one(['', '-1', 'A'])}" for _ in range(t.n)], dtype=object),
          OTHER)
    t.col("manufacturer", g.choice(["北京生物制品研究所有限责任公司", "华兰生物疫苗股份有限公司", "成都生物制品研究所有限责任公司",
                                    "深圳康泰生物制品股份有限公司", "北京科兴生物制品有限公司", "中国医学科学院医学生物学研究所"], t.n),
          org("ORG_NAME"))
    t.col("clinicName", t.take(mapv(lambda c: f"{V.DISTRICTS[c]}{g.street(c)}社区卫生服务中心预防接种门诊", kids.district), idx), ORG_Q)
    t.col("adverseReaction", np.where(g.flag(0.03, t.n), g.choice(["发热", "局部红肿", "局部硬结", "皮疹", "哭闹不安"], t.n), None),
          MED, note="adverse event following immunisation", tags=("sparse",))


@table("health_hospital_directory", "health", "organisations", "医疗机构基本信息", "csv", 450, "chinese",
       enc="utf-8-sig")
def hospital_directory(t):
    g = t.g
    codes = g.choice(list(V.DISTRICTS), t.n)
    names = _unique([g.hospital_name(c) for c in codes], g)
    kind = mapv(lambda n: "社区卫生服务中心" if "社区" in n else "专科医院" if any(k in n for k in ("口腔", "儿童", "妇幼")) else
                ("中医医院" if "中医" in n else "综合医院"), names)
    t.col("机构名称", names, org("ORG_NAME"))
    t.col("统一社会信用代码", mapv(lambda n, c: g.uscc("91" if "口腔" in n else "12", c), names, codes), org("USCC"))
    t.col("机构类别", kind, STAT)
    t.col("医院等级", mapv(lambda k: g.one(["三级甲等", "三级乙等", "二级甲等", "二级乙等"]) if k != "社区卫生服务中心" else
                        g.one(["一级", "未定级"]), kind), STAT)
    t.col("经济类型", mapv(lambda n: "私营" if "口腔" in n else "公立", names), STAT)
    t.col("地址", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("联系电话", mapv(lambda c: g.landline(c[:4]), codes), org("PHONE_NUMBER"), note="switchboard")
    t.col("邮政编码", mapv(lambda c: "3" + c[2:4] + g.digits(3), codes), STAT)
    t.col("核定床位", mapv(lambda k: g.randint(20, 2500) if k != "社区卫生服务中心" else g.randint(0, 60), kind), STAT)
    lon, lat = g.coords_in(codes)
    t.col("经度", lon, org("PRECISE_LOCATION"), note="coordinates of a place")
    t.col("纬度", lat, org("PRECISE_LOCATION"))
    t.col("诊疗科目", mapv(lambda k: "；".join(sorted(set(g.choice(V.DEPARTMENTS, g.randint(3, 14))))), kind), STAT)
    t.col("执业许可证登记号", np.array([f"PDY{g.digits(5)}{c}{g.one(['11', '12', '17'])}A{g.digits(4)}" for c in codes], dtype=object),
          STAT)


@table("health_notifiable_disease_stats", "health", "aggregate", "法定传染病分区县月报", "parquet", 1152, "english_snake")
def notifiable_stats(t):
    g = t.g
    codes = list(V.DISTRICTS)[:12]
    diseases = V.NOTIFIABLE[:8]
    rows = [(c, m, d) for c in codes for m in range(1, 13) for d in diseases]
    pop = {c: float(g.lognormal_amounts(1, 600000, 0.5)[0]) for c in codes}
    cases = np.array([int(g.r.poisson({"流行性感冒": 300, "手足口病": 60, "其他感染性腹泻病": 80}.get(d, 8) *
                                     (1.8 if (d == "流行性感冒" and m in (1, 2, 12)) else 1))) for c, m, d in rows])
    t.col("district_code", [r[0] for r in rows], org("REGION"))
    t.col("district_name", [V.DISTRICTS[r[0]] for r in rows], org("REGION"))
    t.col("stat_month", [f"2024-{r[1]:02d}" for r in rows], STAT)
    t.col("disease_name", [r[2] for r in rows], org("MEDICAL_CONDITION"), note="disease category in an aggregate")
    t.col("cases", cases, STAT)
    t.col("deaths", np.array([int(g.pr.random() < 0.01) for _ in rows]), STAT)
    t.col("incidence_per_100k", np.round(cases / np.array([pop[r[0]] for r in rows]) * 1e5, 2), STAT, dec=2)


@table("health_chronic_followup", "health", "people", "高血压糖尿病患者随访记录", "csv", 1600, "pinyin", delim=";")
def chronic_followup(t):
    g = t.g
    P, idx = t.repeat_people(600, lo=35, hi=90)
    kind = g.choice(["高血压", "2型糖尿病", "高血压合并2型糖尿病"], 600, [0.6, 0.25, 0.15])
    k = t.take(kind, idx)
    date = g.dates(t.n, dt.date(2023, 1, 1), dt.date(2025, 12, 15))
    t.col("huanzhexingming", t.take(P.name, idx), NAME)
    t.col("shenfenzhenghao", t.take(P.id, idx), ID)
    t.col("xingbie", gender_text(t.take(P.sex, idx), "cn"), GENDER)
    t.col("nianling", mapv(lambda b, d: age_years(b, d), t.take(P.birth, idx), date), AGE)
    t.col("suifangriqi", mapv(lambda d: fmt_date(d, "slash"), date), EVENT_Q)
    t.col("manbingleixing", k, MED)
    sbp = np.round(g.r.normal(138, 14, t.n)).astype(int)
    dbp = np.round(sbp * 0.6 + g.r.normal(4, 6, t.n)).astype(int)
    t.col("xueya", mapv(lambda s, d: f"{s}/{d}", sbp, dbp), MED, note="blood pressure reading (exam result)")
    glu = np.round(np.where(np.char.find(k.astype(str), "糖尿病") >= 0, g.r.normal(7.9, 1.6, t.n), g.r.normal(5.6, 0.6, t.n)), 1)
    t.col("kongfuxuetang", mapv(lambda x: f"{x} mmol/L" if g.pr.random() < 0.7 else f"{x}", glu), MED,
          note="fasting glucose (exam result)")
    t.col("tizhong", np.round(g.r.normal(66, 10, t.n), 1), MED, note="body weight is physiological information", dec=1)
    t.col("shengao", np.round(g.r.normal(163, 8, t.n)).astype(int), MED)
    t.col("yongyaoqingkuang", mapv(lambda _: "；".join(g.choice(V.MEDICATIONS, g.randint(1, 3))), k), MED,
          note="medication list")
    t.col("suifangyisheng", g.choice(g.names(30), t.n), NAME, note="family doctor (staff)")
    t.col("suifangjigou", t.take(mapv(lambda c: f"{V.DISTRICTS[c]}{g.street(c)}社区卫生服务中心", P.district), idx), ORG_Q)
    t.col("col_14", t.take(P.mobile, idx), PHONE, note="opaque column holding the patient's mobile")
    t.col("col_15", t.take(P.addr, idx), ADDR, note="opaque column holding the home address")
    t.col("col_16", placeholders(g, np.full(t.n, None, dtype=object), 0.3, ("无", "-", "/")), OTHER,
          note="placeholder-only remark column", tags=("placeholder",))


@table("health_adverse_drug_reactions", "health", "people", "药品不良反应/事件报告表", "csv", 300, "chinese",
       enc="gbk", minors=True, newline="\r\n")
def adverse_drug_reactions(t):
    g = t.g
    P = g.persons(t.n, lo=1, hi=90)
    d = g.dates(t.n, dt.date(2023, 1, 1), dt.date(2025, 11, 30))
    t.col("报告编号", np.array([f"33{dd:%Y}{i + 1:06d}" for i, dd in enumerate(d)], dtype=object), OTHER)
    t.col("报告单位", g.choice([g.hospital_name() for _ in range(20)], t.n), ORG_Q)
    t.col("患者姓名", mapv(lambda n: mask_name(n, 1), P.name), NAME, note="masked as 张某某: still a person's name",
          tags=("masked",))
    t.col("性别", gender_text(P.sex, "cn"), GENDER)
    t.col("年龄", mapv(lambda b, x: age_text(b, x), P.birth, d), AGE)
    weight = np.where(P.age < 14, 4 + P.age * 2.6, 62) * g.r.normal(1, 0.15, t.n)
    t.col("体重(kg)", np.round(np.clip(weight, 6, 110)).astype(int), MED, style="chinese")
    diag = [_diagnosis_for_age(g, a) for a in P.age]
    t.col("原患疾病", np.array([x[1] for x in diag], dtype=object), MED)
    t.col("怀疑药品", g.choice(V.DRUGS, t.n), MED, note="medication record")
    t.col("不良反应名称", g.choice(V.ADVERSE_REACTIONS, t.n), MED)
    t.col("不良反应发生时间", mapv(lambda x: x.isoformat(), d), EVENT_Q)
    t.col("转归", g.choice(["痊愈", "好转", "未好转", "有后遗症", "死亡", "不详"], t.n, [0.5, 0.38, 0.05, 0.02, 0.01, 0.04]), MED,
          note="outcome of the reaction (health)")
    t.col("报告人", g.choice(g.names(25), t.n), NAME, note="reporting clinician")
    t.col("报告人电话", g.choice(g.mobiles(25), t.n), PHONE)
