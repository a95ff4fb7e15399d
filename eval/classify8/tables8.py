"""The tables of the v8 set: one spec per table, one tuple per column.

Column tuple: (name, value spec, label[, note]). Label shorthand ``L.ENTITY.r[@style]``:
L = S(ensitive) / P(ersonal) / N(one); ENTITY or ``-`` for null; r = d(irect) / q(uasi) /
s(ensitive) / o(ther); an optional ``@style`` overrides the table's default naming style.
Format: ``csv/<encoding>/<delimiter>``, ``parquet``, ``jsonl``, ``xlsx`` or ``xlsx/title``.
"""

from __future__ import annotations

from typing import Any

GD = ["440103", "440104", "440105", "440106", "440111", "440113", "440303", "440304", "440305", "440306",
      "440307", "440604", "440606", "441302", "440803", "445102"]
HN = ["430102", "430103", "430104", "430105", "430111", "430202", "430302", "430602", "430702", "431202", "433101"]
HLJ = ["230102", "230103", "230104", "230108", "230202", "230602", "231002", "230882"]

SECTORS = {
    "hrss": "人力资源和社会保障", "medins": "医疗保障", "police": "公安户政", "civil": "民政", "edu": "教育",
    "health": "卫生健康", "housing": "住房城乡建设和住房公积金", "transport": "交通运输", "market": "市场监督管理",
    "tax": "税务", "justice": "司法行政", "veterans": "退役军人事务", "disabled": "残疾人联合会",
    "agri": "农业农村", "emergency": "应急管理", "culture": "文化和旅游", "stats": "统计", "sports": "体育",
    "religion": "民族宗教事务", "petition": "信访",
}

BANKS = "enum:中国工商银行广州天河支行,中国农业银行长沙芙蓉支行,中国建设银行哈尔滨南岗支行,湖南农村信用社,广州农村商业银行,中国邮政储蓄银行"
SCHOOLS = "enum:广州市天河区华阳小学,深圳市南山区第二外国语学校,长沙市雨花区砂子塘小学,长沙市一中,哈尔滨市第三中学,大庆市第一中学,佛山市顺德区碧桂园学校,怀化市鹤城区迎丰小学"
UNIV = "enum:中山大学,华南理工大学,中南大学,湖南大学,哈尔滨工业大学,东北林业大学,深圳大学,湘潭大学,未录取"
TABLES: list[dict[str, Any]] = []


def T(tid: str, kind: str, title: str, fmt: str, rows: int, style: str, cols: list[tuple[str, ...]],
      ages: tuple[int, int] = (18, 85), regions: list[str] | None = None, note: str | None = None) -> None:
    TABLES.append({"id": tid, "sector": tid.split("_")[0], "kind": kind, "title": title, "fmt": fmt, "rows": rows,
                   "style": style, "cols": cols, "ages": ages, "regions": regions, "note": note})


NAME = ("P.PERSON_NAME.d",)
RULE1 = "event serial, not a person identifier"

# ------------------------------------------------------------------ 人力社保
T("hrss_pension_payroll", "people", "城乡居民基本养老金发放明细", "csv/gbk/,", 420, "initials", [
    ("XH", "seq::6", "N.-.o"), ("XM", "name", "P.PERSON_NAME.d"), ("SFZHM", "id_x", "S.CN_RESIDENT_ID.d"),
    ("XB", "sexc", "N.GENDER.q", "GB/T 2261.1 codes"), ("CSRQ", "dob:compact", "P.DATE_OF_BIRTH.q"),
    ("TXRQ", "date:2005:2026", "N.EVENT_DATE.q"), ("YLJ", "money:180:3900", "S.PERSONAL_INCOME.s"),
    ("FFYF", "const:2026-11", "N.EVENT_DATE.o", "pay month identical for the file (batch date)"),
    ("KHH", BANKS, "N.ORG_NAME.o"), ("YHKH", "card", "S.BANK_CARD.d"),
    ("SBKH", "id", "S.CN_RESIDENT_ID.d", "social-security card number = resident ID (rule 10)"),
    ("JBJG", "enum:天心区社保中心,岳麓区社保中心,开福区社保中心,雨花区社保中心", "N.ORG_NAME.o"),
    ("LXDH", "mob_int", "P.PHONE_NUMBER.d")], ages=(60, 96), regions=HN)
T("hrss_unemployment_register", "people", "失业登记及失业保险金申领", "xlsx/title", 300, "english_snake", [
    ("reg_no", "serial:SY", "N.-.o", RULE1), ("full_name", "name", "P.PERSON_NAME.d"),
    ("id_card", "id", "S.CN_RESIDENT_ID.d"), ("gender", "sex", "N.GENDER.q"), ("birth_date", "dob", "P.DATE_OF_BIRTH.q"),
    ("education", "edu", "N.EDUCATION.q"), ("mobile", "mob", "P.PHONE_NUMBER.d"), ("home_addr", "addr", "P.ADDRESS.d"),
    ("last_employer", "org:pool", "N.ORG_NAME.q", "former employer: institution of an event about the person"),
    ("reason", "enum:劳动合同到期,用人单位裁员,个人辞职,单位破产", "N.-.q"),
    ("benefit_months", "int:3:24", "S.-.s", "months of benefit granted (welfare status, rule 5)"),
    ("benefit_amount", "money:1520:2280", "S.PERSONAL_INCOME.s"), ("reg_date", "date:2024:2026", "N.EVENT_DATE.q"),
    ("handler", "oname:6", "P.PERSON_NAME.d", "case worker (staff are natural persons)")], regions=GD)
T("hrss_job_posts", "organisations", "企业招聘岗位信息", "jsonl", 260, "english_camel", [
    ("companyName", "org", "N.ORG_NAME.o"), ("creditCode", "uscc:91", "N.USCC.o"),
    ("postName", "enum:普工,焊工,会计,销售代表,软件工程师,仓库管理员,厨师,护工", "N.OCCUPATION.o", "post, not a person's occupation"),
    ("salaryRange", "enum:3000-4500,4500-6000,6000-8000,8000-12000,面议", "N.-.o", "salary range of a job post (rule 3)"),
    ("headcount", "int:1:50", "N.-.o"), ("workAddress", "orgaddr", "N.ADDRESS.o"),
    ("contactTel", "tel", "N.PHONE_NUMBER.o", "company switchboard"), ("hotline", "hotline", "N.PHONE_NUMBER.o"),
    ("industryCode", "indcode", "N.-.o"), ("publishDate", "date:2026:2026", "N.EVENT_DATE.o"),
    ("minEducation", "enum:不限,初中,高中,大专,本科", "N.EDUCATION.o"), ("ageLimit", "enum:18-45,18-50,不限,22-35", "N.AGE.o")])
T("hrss_labor_arbitration", "people", "劳动人事争议仲裁案件", "csv/utf-8/|", 240, "chinese", [
    ("案号", "caseno:劳人仲案", "P.-.q", "arbitration case number treated like a court case number"),
    ("申请人", "name", "P.PERSON_NAME.d"), ("申请人身份证", "id_m", "S.CN_RESIDENT_ID.d"),
    ("申请人电话", "mob_m", "P.PHONE_NUMBER.d"), ("被申请人", "org", "N.ORG_NAME.q", "the employer in the person's dispute"),
    ("被申请人信用代码", "uscc:91", "N.USCC.o"), ("争议类型", "enum:劳动报酬,经济补偿,社会保险,解除劳动合同", "N.-.q"),
    ("请求金额", "money:2000:160000", "S.PERSONAL_INCOME.s", "amount claimed by a person (rule 3)"),
    ("立案日期", "date:2024:2026", "N.EVENT_DATE.q"), ("结案方式", "enum:调解,裁决,撤诉,不予受理", "N.-.o"),
    ("仲裁员", "oname:5", "P.PERSON_NAME.d", "staff"), ("代理人", "oname:20|half", "P.PERSON_NAME.d")], regions=GD)
T("hrss_work_injury", "people", "工伤认定决定", "parquet", 200, "pinyin", [
    ("xingming", "name", "P.PERSON_NAME.d"), ("shenfenzhenghao", "id", "S.CN_RESIDENT_ID.d"),
    ("xingbie", "sex", "N.GENDER.q"), ("nianling", "age", "N.AGE.q"), ("danweimingcheng", "org", "N.ORG_NAME.q"),
    ("shiguriqi", "date:2024:2026", "N.EVENT_DATE.q"),
    ("shoushangbuwei", "enum:左手食指离断,右小腿骨折,腰椎压缩性骨折,颅脑外伤,双眼化学灼伤", "S.MEDICAL_CONDITION.s"),
    ("shangcandengji", "enum:一级,三级,五级,七级,九级,十级,未达级", "S.MEDICAL_CONDITION.s", "disability grade of an injured worker"),
    ("rendingjielun", "enum:认定为工伤,视同工伤,不予认定", "N.-.q", "administrative decision; the injury itself is in other columns"),
    ("yiliaofeiyong", "money:800:120000", "S.PERSONAL_INCOME.s", "medical bill of a person (rule 3)"),
    ("jingbanren", "oname:4", "P.PERSON_NAME.d", "staff")], regions=HLJ)

# ------------------------------------------------------------------ 医保
T("medins_inpatient_settlement", "people", "住院费用结算明细", "csv/utf-8-sig/,", 500, "initials", [
    ("结算ID", "serial:JS", "N.-.o", RULE1), ("参保人XM", "name", "P.PERSON_NAME.d"),
    ("参保人SFZH", "id", "S.CN_RESIDENT_ID.d"), ("xb", "sexc", "N.GENDER.q"), ("ryrq", "date:2025:2026", "N.EVENT_DATE.q"),
    ("cyrq", "date:2025:2026", "N.EVENT_DATE.q"), ("zyts", "int:1:60", "S.MEDICAL_CONDITION.s", "length of stay is part of the medical record"),
    ("zdmc", "diag", "S.MEDICAL_CONDITION.s"), ("zdbm", "icd", "S.MEDICAL_CONDITION.s"), ("yljgmc", "hosp", "N.ORG_NAME.q"),
    ("zfy", "money:2000:90000", "S.PERSONAL_INCOME.s"), ("tczf", "money:1000:60000", "S.PERSONAL_INCOME.s"),
    ("grzf", "money:100:30000", "S.PERSONAL_INCOME.s"), ("xzlx", "enum:职工基本医疗保险,城乡居民基本医疗保险", "N.-.q")], ages=(0, 95))
T("medins_chronic_cert", "people", "门诊慢特病待遇认定", "xlsx", 220, "english_snake", [
    ("apply_no", "serial:MTB", "N.-.o", RULE1), ("insured_name", "name_m", "P.PERSON_NAME.d"),
    ("id_no", "id_m", "S.CN_RESIDENT_ID.d"), ("disease_code", "icd", "S.MEDICAL_CONDITION.s"),
    ("disease_name", "diag", "S.MEDICAL_CONDITION.s"), ("cert_hospital", "hosp", "N.ORG_NAME.q"),
    ("valid_from", "date:2024:2026", "N.EVENT_DATE.q"), ("valid_to", "date:2026:2026", "N.EVENT_DATE.q"),
    ("doctor", "oname:8", "P.PERSON_NAME.d", "certifying doctor (staff)"), ("review_result", "enum:通过,不通过,补充材料", "N.-.o"),
    ("area_code", "regcode", "N.REGION.q")], ages=(20, 90))
T("medins_pharmacies", "organisations", "医保定点零售药店", "parquet", 180, "english_camel", [
    ("pharmacyName", "enum:老百姓大药房,大参林,益丰大药房,国大药房,海王星辰,采芝林药店,康美之恋药房", "N.ORG_NAME.o"),
    ("creditCode", "uscc:91", "N.USCC.o"), ("address", "orgaddr", "N.ADDRESS.o"), ("tel", "tel", "N.PHONE_NUMBER.o"),
    ("lng", "lon:6", "N.PRECISE_LOCATION.o"), ("lat", "lat:6", "N.PRECISE_LOCATION.o"),
    ("agreementNo", "serial:YD", "N.-.o"), ("creditLevel", "enum:A,AA,AAA,B", "N.-.o"), ("drugCount", "int:300:4000", "N.-.o"),
    ("regionCode", "rcode", "N.REGION.o"), ("openDate", "date:2005:2025", "N.EVENT_DATE.o")])
T("medins_fund_stats", "aggregate", "医保基金支出按病种统计", "jsonl", 150, "chinese", [
    ("统计月份", "date:2025:2026:ym", "N.EVENT_DATE.o"), ("统筹区", "rname", "N.REGION.o"),
    ("病种", "diag", "N.MEDICAL_CONDITION.o", "aggregate category (rule 9)"), ("结算人次", "int:10:9000", "N.-.o"),
    ("基金支付总额", "money:10000:9000000", "N.PERSONAL_INCOME.o", "aggregate (rule 9)"),
    ("次均费用", "money:300:30000", "N.PERSONAL_INCOME.o", "aggregate (rule 9)"), ("异地就医人次", "int:0:800", "N.-.o"),
    ("参保人数", "int:1000:900000", "N.-.o")])

# ------------------------------------------------------------------ 公安户政
T("police_hukou_moves", "people", "户口迁移登记", "csv/gbk/\t", 380, "initials", [
    ("HH", "pid::9", "P.PERSON_ID.d", "household number (rule 1)"), ("XM", "name", "P.PERSON_NAME.d"),
    ("GMSFHM", "id15", "S.CN_RESIDENT_ID.d"), ("XB", "sexc", "N.GENDER.q"), ("MZ", "ethcode", "N.ETHNICITY.q", "GB 3304 codes"),
    ("CSRQ", "dob:compact", "P.DATE_OF_BIRTH.q"), ("YHZGX", "enum:户主,配偶,子,女,孙子,孙女,父亲,母亲", "N.-.q"),
    ("QCD", "rname", "N.REGION.q"), ("QRDZ", "addr", "P.ADDRESS.d"), ("QYYY", "enum:务工,投靠亲属,购房,升学,婚迁,出生", "N.-.q"),
    ("BLRQ", "date:2023:2026", "N.EVENT_DATE.q"), ("BLMJ", "oname:6", "P.PERSON_NAME.d", "police officer (staff)")], ages=(0, 90))
T("police_hotel_guests", "people", "旅馆业住宿登记", "jsonl", 600, "english_snake", [
    ("guest_name", "name", "P.PERSON_NAME.d"), ("cert_type", "enum:居民身份证,护照,往来港澳通行证", "N.-.o"),
    ("cert_no", "id_docs", "S.CN_RESIDENT_ID.d"), ("hotel_name", "hotel", "S.PRECISE_LOCATION.s", "lodging (rule 8)"),
    ("room_no", "int:101:1830", "N.-.o"), ("checkin_time", "date:2026:2026:dt", "N.EVENT_DATE.q"),
    ("checkout_time", "date:2026:2026:dt|half", "N.EVENT_DATE.q"), ("native_place", "rname", "N.REGION.q"),
    ("address", "addr", "P.ADDRESS.d"), ("plate", "plate|sparse", "P.LICENSE_PLATE.d"),
    ("capture_ref", "photo", "S.-.d", "face capture image reference: biometric (PIPL Art. 28)"),
    ("ethnic", "ethnic", "N.ETHNICITY.q")])
T("police_residence_permits", "people", "居住证签发信息", "xlsx/title", 320, "chinese", [
    ("居住证编号", "id", "S.CN_RESIDENT_ID.d", "residence-permit number = resident ID (rule 10)"), ("姓名", "name", "P.PERSON_NAME.d"),
    ("性别", "sex", "N.GENDER.q"), ("民族", "ethnic", "N.ETHNICITY.q"), ("出生日期", "dob:cn", "P.DATE_OF_BIRTH.q"),
    ("居住地址", "addr", "P.ADDRESS.d"), ("服务处所", "org", "N.ORG_NAME.q"), ("联系电话", "mob", "P.PHONE_NUMBER.d"),
    ("签发日期", "date:2024:2026", "N.EVENT_DATE.q"), ("有效期限", "enum:一年,一年,三年", "N.-.o"),
    ("签发机关", "enum:深圳市公安局南山分局,深圳市公安局宝安分局,广州市公安局天河区分局,佛山市公安局顺德分局", "N.ORG_NAME.o")],
  regions=GD)
T("police_lost_found", "people", "失物招领登记", "parquet", 260, "pinyin", [
    ("shiwu_bianhao", "seq:SW:6", "N.-.o"), ("shiwu_miaoshu", "txt:lost", "S.CN_RESIDENT_ID.d", "~15% describe a found ID card with its number (rule 14)"),
    ("shide_didian", "station", "N.-.o", "place where an item was found (rule 8)"), ("shide_shijian", "date:2026:2026", "N.EVENT_DATE.o"),
    ("lingqu_ren", "name|sparse", "P.PERSON_NAME.d"), ("lingqu_dianhua", "mob|sparse", "P.PHONE_NUMBER.d"),
    ("jieshou_danwei", "enum:广州南站派出所,长沙南站派出所,哈尔滨西站派出所,深圳北站派出所", "N.ORG_NAME.o"),
    ("zhuangtai", "enum:待领,已领,已移交", "N.-.o")])
T("police_case_stats", "aggregate", "治安案件分类统计", "csv/utf-8/;", 120, "english_snake", [
    ("year", "int:2020:2025", "N.EVENT_DATE.o"), ("district", "rname", "N.REGION.o"),
    ("case_type", "enum:盗窃,诈骗,赌博,吸毒,殴打他人,寻衅滋事", "N.CRIMINAL_RECORD.o", "aggregate offence category (rule 9)"),
    ("cases", "int:5:3000", "N.-.o"), ("solved", "int:0:2000", "N.-.o"), ("persons_punished", "int:0:1500", "N.-.o"),
    ("detention_days_total", "int:0:40000", "N.-.o")])

# ------------------------------------------------------------------ 民政
T("civil_dibao_households", "people", "城乡最低生活保障对象", "csv/gbk/,", 350, "initials", [
    ("HZXM", "name", "P.PERSON_NAME.d"), ("HZSFZ", "id_sp", "S.CN_RESIDENT_ID.d"), ("JTRK", "int:1:7", "N.-.q"),
    ("DBLB", "enum:A类,B类,C类,特困供养", "S.-.s", "welfare status (rule 5)"), ("BZJE", "money:300:2400", "S.PERSONAL_INCOME.s"),
    ("JTZZ", "addr", "P.ADDRESS.d"), ("SQRQ", "date:2020:2026", "N.EVENT_DATE.q"),
    ("JTCY", "txt:members", "P.PERSON_NAME.d", "household-member list (rule 14)"),
    ("ZPYY", "enum:因病,因残,缺劳动力,因学,因灾", "S.-.s", "cause of hardship (rule 5)"), ("LXDH", "mob_86", "P.PHONE_NUMBER.d"),
    ("SSJD", "town", "N.REGION.q"), ("YHZH", "card_sp", "S.BANK_CARD.d")], regions=HN)
T("civil_marriage_registration", "people", "婚姻登记信息", "xlsx", 300, "english_camel", [
    ("certNo", "pid:J440106-2025-:6", "P.PERSON_ID.d", "marriage certificate number of persons"),
    ("regType", "enum:结婚登记,离婚登记,补领结婚证", "N.MARITAL_STATUS.q", "rule 7"),
    ("maleName", "name", "P.PERSON_NAME.d"), ("maleIdNo", "id", "S.CN_RESIDENT_ID.d"),
    ("femaleName", "oname:400", "P.PERSON_NAME.d"), ("femaleIdNo", "id_o", "S.CN_RESIDENT_ID.d"),
    ("femaleEthnic", "ethnic", "N.ETHNICITY.q"), ("regDate", "date:2024:2026", "N.EVENT_DATE.q"),
    ("regOffice", "enum:越秀区婚姻登记处,天河区婚姻登记处,福田区婚姻登记处,禅城区婚姻登记处", "N.ORG_NAME.o"),
    ("handler", "oname:5", "P.PERSON_NAME.d", "registrar (staff)")], ages=(20, 70), regions=GD)
T("civil_elderly_allowance", "people", "高龄津贴与养老服务补贴发放", "jsonl", 400, "initials", [
    ("lrxm", "name", "P.PERSON_NAME.d"), ("sfzh", "id", "S.CN_RESIDENT_ID.d"), ("nl", "age", "N.AGE.q"),
    ("hjdz", "addr", "P.ADDRESS.d"), ("zlnl", "enum:完全自理,部分失能,中度失能,完全失能", "S.MEDICAL_CONDITION.s", "dependency level (rule 2)"),
    ("btlx", "enum:高龄津贴,护理补贴,服务补贴", "S.-.s", "subsidy type (rule 5)"), ("btje", "money:50:800", "S.PERSONAL_INCOME.s"),
    ("jhrxm", "oname:300", "P.PERSON_NAME.d"), ("jhrdh", "omob", "P.PHONE_NUMBER.d"),
    ("ffyf", "const:202611", "N.EVENT_DATE.o", "batch month"), ("sqjd", "town", "N.REGION.q"),
    ("bz", "txt:remark", "P.PERSON_NAME.d", "remarks: half empty, some names and phones (rule 14)")], ages=(80, 102), regions=HLJ)
T("civil_cremation", "people", "遗体火化登记", "parquet", 260, "chinese", [
    ("火化证号", "pid:HH:8", "P.PERSON_ID.d", "cremation certificate number"), ("逝者姓名", "name", "P.PERSON_NAME.d", "deceased persons labelled like the living"),
    ("逝者身份证号", "id", "S.CN_RESIDENT_ID.d"), ("死亡日期", "date:2025:2026", "N.EVENT_DATE.q"),
    ("死亡原因", "diag", "S.MEDICAL_CONDITION.s"), ("年龄", "age", "N.AGE.q"), ("家属姓名", "oname:300", "P.PERSON_NAME.d"),
    ("家属电话", "omob", "P.PHONE_NUMBER.d"), ("殡仪馆", "enum:广州市殡仪馆,长沙市殡仪馆,哈尔滨市殡仪馆,岳阳市殡仪馆", "N.ORG_NAME.q"),
    ("费用合计", "money:800:9000", "S.PERSONAL_INCOME.s"), ("惠民减免", "money:0:1200", "S.PERSONAL_INCOME.s"),
    ("安葬方式", "enum:公墓安葬,树葬,海葬,骨灰寄存", "N.-.o")], ages=(30, 100))
T("civil_social_orgs", "organisations", "社会组织登记", "csv/utf-8/,", 160, "english_snake", [
    ("org_name", "enum:广州市摄影家协会,长沙市慈善总会,哈尔滨市冰雪运动协会,深圳市义工联合会,湘潭市老年大学协会,佛山市粤剧发展促进会", "N.ORG_NAME.o"),
    ("uscc", "uscc:51", "N.USCC.o"), ("org_type", "enum:社会团体,民办非企业单位,基金会", "N.-.o"),
    ("reg_date", "date:1995:2025", "N.EVENT_DATE.o"), ("business_scope", "enum:行业交流,公益慈善,文化艺术,体育健身,养老服务", "N.-.o"),
    ("office_address", "orgaddr", "N.ADDRESS.o"), ("office_phone", "tel", "N.PHONE_NUMBER.o"),
    ("net_assets", "money:30000:9000000", "N.-.o"), ("annual_check", "enum:合格,基本合格,不合格", "N.-.o"),
    ("member_count", "int:10:3000", "N.-.o")])

# ------------------------------------------------------------------ 教育
T("edu_student_roster", "people", "中小学学籍信息", "xlsx/title", 500, "chinese", [
    ("全国学籍号", "id_G", "S.CN_RESIDENT_ID.d", "G + resident ID (rule 10)"), ("学生姓名", "name", "P.PERSON_NAME.d"),
    ("性别", "sex", "N.GENDER.q"), ("出生日期", "dob", "P.DATE_OF_BIRTH.q"), ("民族", "ethnic", "N.ETHNICITY.q"),
    ("就读学校", SCHOOLS, "N.ORG_NAME.q"), ("年级", "enum:一年级,二年级,三年级,四年级,五年级,六年级,七年级,八年级,九年级", "N.-.q"),
    ("班级", "enum:1班,2班,3班,4班,5班", "N.-.o"), ("监护人", "oname:500", "P.PERSON_NAME.d"), ("监护人电话", "omob", "P.PHONE_NUMBER.d"),
    ("家庭住址", "addr", "P.ADDRESS.d"), ("是否留守儿童", "enum:否,否,否,是", "S.-.s", "left-behind child (rule 5)"),
    ("随迁子女", "enum:否,是", "N.-.q", "migrant-child flag: residence history, not listed as sensitive")], ages=(6, 15))
T("edu_gaokao_scores", "people", "普通高考成绩及录取", "csv/utf-8/\t", 450, "english_snake", [
    ("exam_no", "pid:26:12", "P.PERSON_ID.d", "candidate number"), ("name", "name", "P.PERSON_NAME.d"),
    ("id_number", "id", "S.CN_RESIDENT_ID.d"), ("school", SCHOOLS, "N.ORG_NAME.q"),
    ("total_score", "int:200:720", "P.-.s", "exam score (Annex A education record)"), ("chinese", "int:60:145", "P.-.s", "exam score"),
    ("math", "int:20:150", "P.-.s", "exam score"), ("subject_combo", "enum:物化生,物化地,史政地,物生地,史化生", "N.-.o"),
    ("admitted_college", UNIV, "N.ORG_NAME.q"), ("batch", "enum:本科批,专科批,提前批", "N.-.o")], ages=(17, 19), regions=HN)
T("edu_school_directory", "organisations", "中小学校名录", "jsonl", 140, "english_camel", [
    ("schoolName", SCHOOLS, "N.ORG_NAME.o"), ("schoolCode", "int:2144000000:2144999999", "N.-.o", "school identification code"),
    ("creditCode", "uscc:12", "N.USCC.o"), ("address", "orgaddr", "N.ADDRESS.o"), ("phone", "tel", "N.PHONE_NUMBER.o"),
    ("email", "orgmail", "N.EMAIL.o", "school mailbox"), ("studentCount", "int:300:4000", "N.-.o"),
    ("teacherCount", "int:20:300", "N.-.o"), ("schoolType", "enum:小学,初级中学,九年一贯制,完全中学", "N.-.o"),
    ("lat", "lat:6", "N.PRECISE_LOCATION.o"), ("lng", "lon:6", "N.PRECISE_LOCATION.o"), ("district", "rname", "N.REGION.o")])
T("edu_student_aid", "people", "学生资助发放", "parquet", 380, "initials", [
    ("xsxm", "name", "P.PERSON_NAME.d"), ("sfzh", "id_xl", "S.CN_RESIDENT_ID.d", "part of the numbers mangled to floats by Excel"),
    ("xx", UNIV.replace(",未录取", ""), "N.ORG_NAME.q"), ("zzxm", "enum:国家助学金,生源地信用助学贷款,免学费,国家励志奖学金", "S.-.s", "aid programme (rule 5)"),
    ("zzje", "money:1000:8000", "S.PERSONAL_INCOME.s"), ("knrd", "enum:特别困难,困难,一般困难", "S.-.s", "hardship grade (rule 5)"),
    ("jtnsr", "money:3000:40000", "S.PERSONAL_INCOME.s"), ("yhkh", "card", "S.BANK_CARD.d"),
    ("ffrq", "date:2025:2026", "N.EVENT_DATE.q"), ("nj", "enum:2022级,2023级,2024级,2025级", "N.-.q")], ages=(17, 24))
T("edu_teacher_qualification", "people", "教师资格认定", "csv/utf-8/,", 280, "pinyin", [
    ("证书编号", "pid:2025:13", "P.PERSON_ID.d", "teacher certificate number"), ("xingming", "name", "P.PERSON_NAME.d"),
    ("zhengjian_haoma", "id_docs", "S.CN_RESIDENT_ID.d"), ("xueli", "edu", "N.EDUCATION.q"),
    ("zige_zhonglei", "enum:幼儿园教师资格,小学教师资格,初级中学教师资格,高级中学教师资格", "N.-.q"),
    ("renjiao_xueke", "enum:语文,数学,英语,物理,音乐,体育", "N.-.q"), ("shouyu_riqi", "date:2023:2026", "N.EVENT_DATE.q"),
    ("putonghua_dengji", "enum:一级乙等,二级甲等,二级乙等", "N.-.q"),
    ("tijian_jielun", "enum:合格,合格,合格,不合格", "S.MEDICAL_CONDITION.s", "physical examination result"),
    ("dianzi_youxiang", "email", "P.EMAIL.d")], ages=(21, 45))

# ------------------------------------------------------------------ 卫健
T("health_outpatient_records", "people", "门诊病历摘要", "jsonl", 600, "english_camel", [
    ("visitNo", "serial:MZ", "N.-.o", RULE1), ("patientId", "pid:P:9", "P.PERSON_ID.d", "patient number (rule 1)"),
    ("patientName", "name", "P.PERSON_NAME.d"), ("gender", "sexe", "N.GENDER.q"), ("ageYears", "age", "N.AGE.q"),
    ("visitDate", "date:2026:2026", "N.EVENT_DATE.q"), ("deptName", "dept", "S.MEDICAL_CONDITION.s", "department of the visit (rule 2)"),
    ("chiefComplaint", "txt:medrec", "S.MEDICAL_CONDITION.s"), ("doctorName", "oname:15", "P.PERSON_NAME.d", "staff"),
    ("fee", "money:10:3000", "S.PERSONAL_INCOME.s", "medical bill (rule 3)"), ("hospital", "hosp", "N.ORG_NAME.q")], ages=(0, 90))
T("health_birth_certificates", "people", "出生医学证明签发", "xlsx", 260, "chinese", [
    ("出生医学证明编号", "pid:R:9", "P.PERSON_ID.d", "certificate number of a person"), ("新生儿姓名", "name", "P.PERSON_NAME.d"),
    ("性别", "sex", "N.GENDER.q"), ("出生时间", "dob:dt", "P.DATE_OF_BIRTH.q", "time of birth (rule 15)"),
    ("出生体重(g)", "int:2200:4300", "S.MEDICAL_CONDITION.s", "rule 2"), ("身长(cm)", "int:45:55", "S.MEDICAL_CONDITION.s", "rule 2"),
    ("孕周", "int:34:41", "S.MEDICAL_CONDITION.s", "rule 2"), ("母亲姓名", "oname:260", "P.PERSON_NAME.d"),
    ("母亲身份证号", "id_o", "S.CN_RESIDENT_ID.d"), ("父亲姓名", "oname:260|half", "P.PERSON_NAME.d"),
    ("接生机构", "hosp", "N.ORG_NAME.q"), ("出生地点", "rname", "N.REGION.q")], ages=(0, 2))
T("health_vaccination", "people", "儿童预防接种记录", "parquet", 700, "initials", [
    ("etbm", "pid:4401:14", "P.PERSON_ID.d", "child code of the immunisation system"), ("etxm", "name", "P.PERSON_NAME.d"),
    ("csrq", "dob", "P.DATE_OF_BIRTH.q"), ("jhrxm", "oname:700", "P.PERSON_NAME.d"), ("jhrsj", "omob", "P.PHONE_NUMBER.d"),
    ("ymmc", "enum:乙肝疫苗,脊灰灭活疫苗,百白破疫苗,麻腮风疫苗,乙脑减毒活疫苗,流脑A群C群多糖疫苗", "S.MEDICAL_CONDITION.s", "vaccination (rule 2)"),
    ("jzzc", "int:1:4", "S.MEDICAL_CONDITION.s", "dose number of a vaccination record"), ("jzrq", "date:2020:2026", "N.EVENT_DATE.q"),
    ("jzdw", "enum:天河区石牌街社区卫生服务中心,南山区蛇口人民医院预防接种门诊,岳麓区望城坡社区卫生服务中心,南岗区曲线社区卫生服务中心", "N.ORG_NAME.q"),
    ("ymph", "enum:202504A017,J202503112,20250217-2,B2025040891", "N.-.o", "vaccine batch number"),
    ("scqy", "enum:北京科兴生物制品有限公司,华兰生物疫苗股份有限公司,成都生物制品研究所有限责任公司", "N.ORG_NAME.o")], ages=(0, 6))
T("health_infectious_reports", "people", "传染病报告卡", "csv/gbk/|", 300, "opaque", [
    ("card_id", "serial:CRB", "N.-.o@english_snake", RULE1), ("F1", "name", "P.PERSON_NAME.d"), ("F2", "id", "S.CN_RESIDENT_ID.d"),
    ("F3", "enum:肺结核,乙型肝炎,梅毒,艾滋病,手足口病,猩红热,流行性腮腺炎", "S.MEDICAL_CONDITION.s"),
    ("F4", "addr", "P.ADDRESS.d"), ("F5", "occup", "N.OCCUPATION.q"), ("F6", "date:2025:2026", "N.EVENT_DATE.q", "onset date"),
    ("F7", "mob", "P.PHONE_NUMBER.d"), ("report_unit", "hosp", "N.ORG_NAME.q@english_snake"),
    ("report_doctor", "oname:20", "P.PERSON_NAME.d@english_snake", "reporting clinician (staff)"),
    ("case_class", "enum:确诊病例,临床诊断病例,疑似病例", "S.MEDICAL_CONDITION.s@english_snake")], ages=(1, 90))
T("health_hospital_capacity", "organisations", "医疗机构床位与服务量", "xlsx/title", 120, "chinese", [
    ("机构名称", "hosp", "N.ORG_NAME.o"), ("机构等级", "enum:三级甲等,三级乙等,二级甲等,一级", "N.-.o"),
    ("编制床位", "int:100:5000", "N.-.o"), ("实有床位", "int:100:6000", "N.-.o"), ("门诊人次", "int:10000:4000000", "N.-.o"),
    ("出院人数", "int:1000:200000", "N.-.o"), ("病床使用率", "float:50:120:1", "N.-.o"), ("平均住院日", "float:4:15:1", "N.-.o"),
    ("医师数", "int:50:3000", "N.-.o"), ("地址", "orgaddr", "N.ADDRESS.o"), ("咨询电话", "tel", "N.PHONE_NUMBER.o")])
T("health_disease_incidence", "aggregate", "法定传染病发病死亡统计", "csv/utf-8/,", 200, "chinese", [
    ("月份", "date:2025:2026:ym", "N.EVENT_DATE.o"), ("地区", "rname", "N.REGION.o"),
    ("病名", "enum:肺结核,乙型肝炎,梅毒,艾滋病,手足口病,流行性感冒", "N.MEDICAL_CONDITION.o", "aggregate (rule 9)"),
    ("发病数", "int:0:900", "N.-.o"), ("死亡数", "int:0:20", "N.-.o"), ("发病率(1/10万)", "float:0:90:2", "N.-.o"),
    ("年龄组", "enum:0-4岁,5-14岁,15-29岁,30-59岁,60岁以上", "N.AGE.o"), ("性别", "enum:男,女", "N.GENDER.o")])

# ------------------------------------------------------------------ 住建 / 公积金
T("housing_fund_accounts", "people", "住房公积金个人账户", "parquet", 500, "english_snake", [
    ("account_no", "acct", "S.BANK_CARD.d", "fund personal account (rule 11)"), ("name", "name", "P.PERSON_NAME.d"),
    ("id_no", "id", "S.CN_RESIDENT_ID.d"), ("employer", "org:pool", "N.ORG_NAME.q"), ("employer_uscc", "uscc:91", "N.USCC.o"),
    ("base", "money:2300:38000", "S.PERSONAL_INCOME.s"), ("monthly_deposit", "money:100:7600", "S.PERSONAL_INCOME.s"),
    ("balance", "money:0:400000", "S.PERSONAL_INCOME.s"), ("open_date", "date:2005:2026", "N.EVENT_DATE.q"),
    ("status", "enum:正常,封存,销户", "N.-.o"), ("mobile", "mob_int", "P.PHONE_NUMBER.d")], regions=GD)
T("housing_fund_withdrawals", "people", "住房公积金提取业务", "csv/utf-8-sig/;", 420, "initials", [
    ("tqlsh", "serial:TQ", "N.-.o", RULE1), ("grzh", "acct", "S.BANK_CARD.d", "rule 11"), ("xm", "name_m", "P.PERSON_NAME.d"),
    ("zjhm", "id_m", "S.CN_RESIDENT_ID.d"), ("tqyy", "enum:购买自住住房,租赁住房,离休退休,重大疾病,偿还购房贷款,出境定居", "S.-.s", "withdrawal reason (rule 5)"),
    ("tqje", "money:1000:300000", "S.PERSONAL_INCOME.s"), ("skyh", BANKS, "N.ORG_NAME.o"), ("skzh", "card_m", "S.BANK_CARD.d"),
    ("tqrq", "date:2025:2026", "N.EVENT_DATE.q"), ("fwzl", "addr|half", "S.ADDRESS.d", "location of the home bought (rule 4)")], regions=HN)
T("housing_presale_contracts", "people", "商品房买卖合同网签备案", "jsonl", 360, "english_camel", [
    ("contractNo", "serial:WQ", "N.-.o", RULE1), ("projectName", "enum:碧桂园凤凰城,万科金色家园,保利香槟国际,融科东南海,湘江世纪城,哈西万达广场", "N.-.o"),
    ("developer", "org:pool", "N.ORG_NAME.o"), ("developerUscc", "uscc:91", "N.USCC.o"), ("buyerName", "name", "P.PERSON_NAME.d"),
    ("buyerIdNo", "id_docs", "S.CN_RESIDENT_ID.d"), ("houseLocation", "addr", "S.ADDRESS.d", "rule 4"),
    ("floorArea", "float:50:180:2", "S.PERSONAL_INCOME.s", "rule 4"), ("totalPrice", "money:400000:6000000", "S.PERSONAL_INCOME.s"),
    ("unitPrice", "money:6000:60000", "S.PERSONAL_INCOME.s", "price of this person's deal, not a catalogue price"),
    ("signDate", "date:2025:2026", "N.EVENT_DATE.q"), ("buyerPhone", "mob", "P.PHONE_NUMBER.d")], ages=(23, 70))
T("housing_public_rental", "people", "公共租赁住房保障", "xlsx", 300, "initials", [
    ("sqrxm", "name", "P.PERSON_NAME.d"), ("sqrsfz", "id_pre", "S.CN_RESIDENT_ID.d"), ("jtrs", "int:1:6", "N.-.q"),
    ("jtnsr", "money:8000:60000", "S.PERSONAL_INCOME.s"), ("fyxq", "enum:保利香槟,工人新村,铁路小区,新天地,丽景花园", "P.ADDRESS.q", "estate of residence, without building/room"),
    ("fh", "enum:1栋203,3栋1102,5栋605,2栋1408,7栋301", "N.-.o", "room number alone"), ("zjbz", "money:200:1500", "S.PERSONAL_INCOME.s"),
    ("sfdb", "enum:否,否,是", "S.-.s", "rule 5"), ("lxdh", "mob_mix", "P.PHONE_NUMBER.d", "rule 12"),
    ("shzt", "enum:已配租,轮候中,已退出", "N.-.o")], regions=HLJ)
T("housing_construction_permits", "organisations", "建筑工程施工许可", "csv/gbk/,", 200, "chinese", [
    ("许可证编号", "serial:4401", "N.-.o"), ("项目名称", "enum:科技园二期,人才公寓,中学新建工程,污水处理厂提标改造,商业综合体", "N.-.o"),
    ("建设单位", "org", "N.ORG_NAME.o"), ("统一社会信用代码", "uscc:91", "N.USCC.o"), ("施工单位", "org", "N.ORG_NAME.o"),
    ("建设地址", "orgaddr", "N.ADDRESS.o"), ("合同价格(万元)", "money:100:90000", "N.-.o"), ("建筑面积", "float:1000:200000:1", "N.-.o"),
    ("发证日期", "date:2024:2026", "N.EVENT_DATE.o"), ("项目坐标", "latlon", "N.PRECISE_LOCATION.o")], regions=GD)

# ------------------------------------------------------------------ 交通
T("transport_etc_passages", "people", "ETC通行记录", "parquet", 800, "english_snake", [
    ("etc_card_no", "pid:4401:16", "P.PERSON_ID.d", "ETC card number (rule 11)"), ("plate_no", "plate", "P.LICENSE_PLATE.d"),
    ("owner_name", "name_org", "P.PERSON_NAME.d", "~10% company owners (rule 12)"), ("entry_station", "toll", "S.PRECISE_LOCATION.s", "trajectory (rule 8)"),
    ("entry_time", "date:2026:2026:dt", "N.EVENT_DATE.q"), ("exit_station", "toll", "S.PRECISE_LOCATION.s", "trajectory (rule 8)"),
    ("exit_time", "date:2026:2026:dt", "N.EVENT_DATE.q"), ("toll_fee", "money:5:300", "S.PERSONAL_INCOME.s", "toll (rule 3)"),
    ("vehicle_class", "enum:一型客车,二型客车,一型货车,三型货车", "N.-.o"), ("bound_card", "ccard", "S.CREDIT_CARD.d")])
T("transport_taxi_drivers", "people", "出租汽车驾驶员从业资格", "xlsx", 240, "english_camel", [
    ("driverName", "name", "P.PERSON_NAME.d"), ("qualificationNo", "id", "S.CN_RESIDENT_ID.d", "rule 10"),
    ("companyName", "org:pool", "N.ORG_NAME.q"), ("plateNo", "plate", "P.LICENSE_PLATE.q", "company taxi (rule 15)"),
    ("phone", "mob", "P.PHONE_NUMBER.d"), ("serviceScore", "int:60:100", "N.-.q", "service-quality score of a driver"),
    ("complaintCount", "int:0:9", "N.-.q"), ("firstIssueDate", "date:2005:2026", "N.EVENT_DATE.q"),
    ("homeAddress", "addr", "P.ADDRESS.d"), ("gender", "sex", "N.GENDER.q")], ages=(25, 60), regions=HLJ)
T("transport_ride_hailing", "people", "网约车订单", "jsonl", 700, "english_camel", [
    ("orderId", "serial:DD", "N.-.o", RULE1), ("passengerMobile", "mob_m", "P.PHONE_NUMBER.d"),
    ("pickupLngLat", "latlon", "S.PRECISE_LOCATION.s", "trajectory (rule 8)"), ("dropoffLngLat", "latlon", "S.PRECISE_LOCATION.s", "trajectory (rule 8)"),
    ("departTime", "date:2026:2026:dt", "N.EVENT_DATE.q"), ("fare", "money:8:260", "S.PERSONAL_INCOME.s", "fare (rule 3)"),
    ("driverId", "pid:D:10", "P.PERSON_ID.d"), ("vehiclePlate", "plate", "P.LICENSE_PLATE.d"),
    ("platform", "enum:滴滴出行科技有限公司,广州曹操出行科技有限公司,T3出行,如祺出行", "N.ORG_NAME.o"),
    ("distanceKm", "float:1:60:1", "N.-.o")])
T("transport_bus_stops", "organisations", "公交站点", "csv/utf-8/\t", 300, "initials", [
    ("zdmc", "enum:体育中心站,五一广场站,火车站站,市一医院站,中央大街站,科技园站,岳麓山站,工业园站", "N.-.o", "station name"),
    ("xlmc", "enum:12路,B2路,游1路,K301路,夜8路", "N.-.o"), ("jd", "lon:6", "N.PRECISE_LOCATION.o"), ("wd", "lat:6", "N.PRECISE_LOCATION.o"),
    ("ssqx", "rname", "N.REGION.o"), ("jsrq", "date:1998:2025", "N.EVENT_DATE.o"),
    ("yyqy", "enum:广州市第一巴士公司,长沙市公共交通集团,哈尔滨交通集团,深圳巴士集团", "N.ORG_NAME.o"),
    ("fwrx", "hotline", "N.PHONE_NUMBER.o"), ("rjkl", "int:50:20000", "N.-.o")])
T("transport_freight_operators", "mixed", "道路货物运输经营许可", "jsonl", 220, "english_snake", [
    ("company", "org", "N.ORG_NAME.o"), ("uscc", "uscc", "N.USCC.o"), ("permit_no", "serial:YS", "N.-.o"),
    ("legal_rep", "name", "P.PERSON_NAME.d"), ("legal_rep_id", "id", "S.CN_RESIDENT_ID.d"),
    ("contact_mobile", "mob_mix", "P.PHONE_NUMBER.d", "rule 12"), ("business_scope", "enum:普通货运,货物专用运输,大型物件运输,危险货物运输", "N.-.o"),
    ("vehicles", "int:1:300", "N.-.o"), ("reg_address", "orgaddr", "N.ADDRESS.o"), ("issue_date", "date:2020:2026", "N.EVENT_DATE.o")])

# ------------------------------------------------------------------ 市场监管
T("market_individual_biz", "mixed", "个体工商户登记", "csv/gbk/,", 400, "chinese", [
    ("字号名称", "enum:老王烧腊店,阿芳美发工作室,湘味小厨,东北饺子馆,顺德鱼生档,兴旺五金店,李记肠粉", "N.ORG_NAME.o", "trade name (rule 13)"),
    ("统一社会信用代码", "uscc:92", "N.USCC.o"), ("经营者姓名", "name", "P.PERSON_NAME.d"), ("经营者身份证号", "id", "S.CN_RESIDENT_ID.d"),
    ("联系电话", "mob", "P.PHONE_NUMBER.d"), ("经营场所", "orgaddr", "N.ADDRESS.o", "business premises (rule 13)"),
    ("经营范围", "enum:餐饮服务,美容美发,日用百货零售,五金零售,小食杂", "N.-.o"), ("成立日期", "date:2010:2026", "N.EVENT_DATE.o"),
    ("登记机关", "enum:天河区市场监督管理局,雨花区市场监督管理局,道里区市场监督管理局", "N.ORG_NAME.o"),
    ("资金数额(万元)", "int:1:50", "N.-.o")])
T("market_complaints_12315", "people", "12315投诉举报", "xlsx/title", 320, "english_snake", [
    ("complaint_no", "serial:TS", "N.-.o", RULE1), ("complainant", "name_m", "P.PERSON_NAME.d"),
    ("complainant_phone", "mob_86", "P.PHONE_NUMBER.d"), ("respondent", "org", "N.ORG_NAME.o"),
    ("content", "txt:hotline", "S.FREE_TEXT.s", "names, mobiles, addresses, some illnesses (rule 14)"),
    ("amount_involved", "money:20:20000", "S.PERSONAL_INCOME.s", "consumer's transaction (rule 3)"),
    ("category", "enum:食品,预付卡,网购,家电,美容,教育培训", "N.-.o"), ("accept_date", "date:2026:2026", "N.EVENT_DATE.q"),
    ("result", "enum:调解成功,调解不成,终止调解,转立案", "N.-.o"), ("handler", "oname:10", "P.PERSON_NAME.d", "staff")])
T("market_food_licences", "organisations", "食品经营许可", "parquet", 300, "english_camel", [
    ("licenseNo", "serial:JY2", "N.-.o"), ("operatorName", "org", "N.ORG_NAME.o"), ("creditCode", "uscc", "N.USCC.o"),
    ("premises", "orgaddr", "N.ADDRESS.o"), ("mainBusiness", "enum:预包装食品销售,热食类食品制售,糕点类食品制售,单位食堂", "N.-.o"),
    ("validUntil", "date:2026:2026", "N.EVENT_DATE.o"), ("authority", "enum:福田区市场监督管理局,芙蓉区市场监督管理局,南岗区市场监督管理局", "N.ORG_NAME.o"),
    ("regionCode", "rcode", "N.REGION.o"), ("supervisePhone", "tel", "N.PHONE_NUMBER.o"), ("riskLevel", "enum:A,B,C,D", "N.-.o")])
T("market_penalties", "organisations", "行政处罚决定公示", "csv/utf-8/|", 200, "chinese", [
    ("处罚决定书文号", "wenhao:市监罚", "N.-.o"), ("当事人名称", "org", "N.ORG_NAME.o"), ("统一社会信用代码", "uscc:91", "N.USCC.o"),
    ("违法行为类型", "enum:虚假宣传,销售过期食品,无证经营,价格违法,计量违法", "N.-.o", "penalty of a company (rule 6)"),
    ("处罚内容", "enum:警告,罚款,没收违法所得,责令停产停业", "N.-.o"), ("罚没金额(元)", "money:500:500000", "N.-.o"),
    ("处罚日期", "date:2025:2026", "N.EVENT_DATE.o"), ("处罚机关", "enum:广州市市场监督管理局,长沙市市场监督管理局,哈尔滨市市场监督管理局", "N.ORG_NAME.o"),
    ("公示截止日期", "date:2026:2026", "N.EVENT_DATE.o")])
T("market_entity_stats", "aggregate", "市场主体登记统计", "jsonl", 160, "pinyin", [
    ("tongji_yuefen", "date:2025:2026:ym", "N.EVENT_DATE.o"), ("xingzhengquhua", "rcode", "N.REGION.o"),
    ("hangye_daima", "indcode", "N.-.o"), ("hangye_mingcheng", "indname", "N.-.o"), ("xinshe_shuliang", "int:0:900", "N.-.o"),
    ("zhuxiao_shuliang", "int:0:300", "N.-.o"), ("cunxu_zongshu", "int:100:90000", "N.-.o"),
    ("zhuce_ziben_heji", "money:1000:9000000", "N.-.o")])

# ------------------------------------------------------------------ 税务
T("tax_iit_withholding", "people", "个人所得税扣缴申报明细", "parquet", 600, "opaque", [
    ("ZD01", "name", "P.PERSON_NAME.d"), ("ZD02", "id", "S.CN_RESIDENT_ID.d"), ("ZD03", "enum:居民身份证", "N.-.o"),
    ("ZD04", "money:5000:80000", "S.PERSONAL_INCOME.s", "income of the period"), ("ZD05", "money:500:6000", "S.PERSONAL_INCOME.s", "special deductions"),
    ("ZD06", "enum:0,1000,2000", "S.PERSONAL_INCOME.s", "child-education deduction"), ("ZD07", "money:0:12000", "S.PERSONAL_INCOME.s", "tax payable"),
    ("ZD08", "org:pool", "N.ORG_NAME.q"), ("ZD09", "uscc:91", "N.USCC.o"), ("ZD10", "const:2026-10", "N.EVENT_DATE.o", "tax period of the file"),
    ("ZD11", "enum:正常工资薪金,劳务报酬,稿酬所得", "N.-.q", "income item")], regions=GD)
T("tax_vat_invoices", "organisations", "增值税专用发票开具", "csv/utf-8/,", 400, "english_snake", [
    ("invoice_code", "int:144001900000:144001999999", "N.-.o"), ("invoice_no", "int:10000000:99999999", "N.-.o"),
    ("seller_name", "org", "N.ORG_NAME.o"), ("seller_tax_id", "uscc:91", "N.USCC.o"), ("buyer_name", "org", "N.ORG_NAME.o"),
    ("buyer_tax_id", "uscc:91", "N.USCC.o"), ("amount", "money:100:900000", "N.-.o"), ("tax_amount", "money:10:100000", "N.-.o"),
    ("issue_date", "date:2026:2026", "N.EVENT_DATE.o"), ("goods_name", "enum:*电子元件*电容,*办公用品*复印纸,*建筑服务*工程款,*运输服务*运费", "N.-.o")])
T("tax_deed_tax", "people", "契税申报", "xlsx", 300, "chinese", [
    ("纳税人名称", "name_org", "P.PERSON_NAME.d", "~10% company buyers (rule 12)"), ("纳税人识别号", "id_docs", "S.CN_RESIDENT_ID.d"),
    ("房屋坐落", "addr", "S.ADDRESS.d", "rule 4"), ("成交价格", "money:300000:8000000", "S.PERSONAL_INCOME.s"),
    ("计税依据", "money:300000:8000000", "S.PERSONAL_INCOME.s"), ("税率", "enum:1%,1.5%,3%", "N.-.o"),
    ("应纳税额", "money:3000:240000", "S.PERSONAL_INCOME.s"), ("首套房标识", "enum:是,否", "S.-.s", "rule 4"),
    ("申报日期", "date:2025:2026", "N.EVENT_DATE.q"), ("主管税务所", "enum:国家税务总局长沙市岳麓区税务局第一税务所,国家税务总局哈尔滨市南岗区税务局", "N.ORG_NAME.o")],
  ages=(23, 80))
T("tax_revenue_stats", "aggregate", "分税种税收收入统计", "csv/gbk/;", 140, "english_camel", [
    ("statYear", "int:2019:2025", "N.EVENT_DATE.o"), ("taxCategory", "enum:增值税,企业所得税,个人所得税,契税,印花税", "N.-.o"),
    ("region", "rname", "N.REGION.o"), ("revenue", "money:1000000:900000000", "N.-.o"), ("yoyRate", "float:-20:30:2", "N.-.o"),
    ("taxpayerCount", "int:100:900000", "N.-.o"), ("avgWage", "money:4000:16000", "N.PERSONAL_INCOME.o", "aggregate (rule 9)")])

# ------------------------------------------------------------------ 司法
T("justice_community_correction", "people", "社区矫正对象", "parquet", 220, "initials", [
    ("jzdxbh", "pid:JZ:10", "P.PERSON_ID.d"), ("xm", "name", "P.PERSON_NAME.d"), ("sfzh", "id", "S.CN_RESIDENT_ID.d"),
    ("zm", "crime", "S.CRIMINAL_RECORD.s"), ("jzlb", "enum:管制,缓刑,假释,暂予监外执行", "S.CRIMINAL_RECORD.s"),
    ("xq", "enum:有期徒刑一年,有期徒刑一年六个月,拘役六个月,有期徒刑三年", "S.CRIMINAL_RECORD.s"),
    ("jzqsrq", "date:2024:2026", "N.EVENT_DATE.q"), ("dwzb", "latlon", "S.PRECISE_LOCATION.s", "electronic monitoring (rule 8)"),
    ("jzdz", "addr", "P.ADDRESS.d"), ("sfs", "enum:天心区坡子街司法所,开福区东风路司法所,岳麓区望月湖司法所", "N.ORG_NAME.q"),
    ("gly", "oname:5", "P.PERSON_NAME.d", "staff")], regions=HN)
T("justice_legal_aid", "people", "法律援助案件", "csv/utf-8/,", 260, "english_snake", [
    ("case_no", "serial:FY", "N.-.o", RULE1), ("applicant", "name", "P.PERSON_NAME.d"), ("applicant_id", "id_m", "S.CN_RESIDENT_ID.d"),
    ("applicant_phone", "mob", "P.PHONE_NUMBER.d"), ("case_type", "enum:刑事辩护,劳动争议,婚姻家庭,人身损害赔偿", "S.CRIMINAL_RECORD.s", "rule 6"),
    ("aid_reason", "enum:经济困难,残疾人,老年人,农民工讨薪", "S.-.s", "rule 5"), ("lawyer", "oname:12", "P.PERSON_NAME.d", "staff"),
    ("law_firm", "enum:广东XX律师事务所,湖南金州律师事务所,黑龙江远东律师事务所", "N.ORG_NAME.o"),
    ("accept_date", "date:2025:2026", "N.EVENT_DATE.q")])
T("justice_mediation", "people", "人民调解案件", "xlsx", 240, "chinese", [
    ("调解案号", "serial:TJ", "N.-.o", RULE1), ("当事人甲", "name", "P.PERSON_NAME.d"), ("当事人乙", "oname:240", "P.PERSON_NAME.d"),
    ("纠纷类型", "enum:邻里纠纷,婚姻家庭纠纷,损害赔偿纠纷,物业纠纷", "N.-.q"), ("调解员", "oname:6", "P.PERSON_NAME.d", "staff"),
    ("协议金额", "money:0:80000|half", "S.PERSONAL_INCOME.s", "agreed amount (rule 3)"),
    ("调解情况", "txt:mediation", "P.PERSON_NAME.d", "summary naming both parties (rule 14)"), ("调解日期", "date:2025:2026", "N.EVENT_DATE.q"),
    ("调委会", "enum:五山街人民调解委员会,洞井街道人民调解委员会,哈西街道人民调解委员会", "N.ORG_NAME.q")])
T("justice_notary_stats", "aggregate", "公证业务统计", "jsonl", 120, "chinese", [
    ("公证处", "enum:广州市南方公证处,长沙市长沙公证处,哈尔滨市松北公证处", "N.ORG_NAME.o"), ("月份", "date:2025:2026:ym", "N.EVENT_DATE.o"),
    ("公证事项", "enum:继承,委托,学历,无犯罪记录,亲属关系", "N.-.o"), ("件数", "int:0:900", "N.-.o"), ("收费合计", "money:0:300000", "N.-.o"),
    ("涉外件数", "int:0:300", "N.-.o")])

# ------------------------------------------------------------------ 退役军人
T("veterans_registry", "people", "退役军人信息采集", "xlsx/title", 320, "initials", [
    ("XM", "name", "P.PERSON_NAME.d"), ("GMSFHM", "id", "S.CN_RESIDENT_ID.d"), ("XB", "sex", "N.GENDER.q"),
    ("CSRQ", "dob:dot", "P.DATE_OF_BIRTH.q"), ("RWSJ", "date:1970:2020:ym", "N.EVENT_DATE.q"), ("TWSJ", "date:1975:2026:ym", "N.EVENT_DATE.q"),
    ("BZ", "enum:陆军,海军,空军,火箭军,武警", "N.-.q"), ("CJDJ", "enum:一级,四级,六级,八级,十级|sparse", "S.MEDICAL_CONDITION.s", "disability grade of disabled servicemen"),
    ("ZZMM", "politics", "N.-.q", "rule 7"), ("LXDH", "mob", "P.PHONE_NUMBER.d"), ("JTZZ", "addr", "P.ADDRESS.d"),
    ("AZFS", "enum:自主就业,安排工作,退休,供养", "N.-.q")], ages=(22, 90), regions=HLJ)
T("veterans_pension_payments", "people", "优抚对象定期抚恤补助发放", "csv/gbk/\t", 300, "opaque", [
    ("col_1", "seq::5", "N.-.o"), ("col_2", "name", "P.PERSON_NAME.d"), ("col_3", "id", "S.CN_RESIDENT_ID.d"),
    ("col_4", "enum:在乡复员军人,带病回乡退伍军人,参战参试退役人员,烈士遗属,伤残军人", "S.-.s", "special-care category (specific identity, rule 5)"),
    ("col_5", "money:800:6000", "S.PERSONAL_INCOME.s"), ("col_6", "card", "S.BANK_CARD.d"), ("col_7", "const:2026年11月", "N.EVENT_DATE.o", "batch month"),
    ("col_8", "town", "N.REGION.q"), ("col_9", "txt:remark", "P.PERSON_NAME.d", "remarks: half empty, some names/phones"), ("col_10", "age", "N.AGE.q")],
  ages=(55, 100))
T("veterans_service_stations", "organisations", "退役军人服务站", "parquet", 150, "english_snake", [
    ("station_name", "enum:石牌街道退役军人服务站,望城坡街道退役军人服务站,哈西街道退役军人服务站,蛇口街道退役军人服务站", "N.-.o"),
    ("level", "enum:区级,街道级,社区级", "N.-.o"), ("address", "orgaddr", "N.ADDRESS.o"), ("phone", "tel", "N.PHONE_NUMBER.o"),
    ("lng", "lon:5", "N.PRECISE_LOCATION.o"), ("lat", "lat:5", "N.PRECISE_LOCATION.o"), ("staff_count", "int:1:12", "N.-.o"),
    ("region", "rname", "N.REGION.o"), ("built_date", "date:2019:2025", "N.EVENT_DATE.o")])
T("veterans_employment_stats", "aggregate", "退役军人就业统计", "xlsx", 100, "chinese", [
    ("地区", "rname", "N.REGION.o"), ("年度", "int:2020:2025", "N.EVENT_DATE.o"), ("退役类别", "enum:退役士兵,转业军官,自主择业", "N.-.o"),
    ("人数", "int:10:3000", "N.-.o"), ("已就业", "int:5:2800", "N.-.o"), ("就业率", "float:60:99:1", "N.-.o"),
    ("平均月薪", "money:3000:12000", "N.PERSONAL_INCOME.o", "aggregate (rule 9)"), ("培训人次", "int:0:2000", "N.-.o")])

# ------------------------------------------------------------------ 残联
T("disabled_certificates", "people", "残疾人证持证人员", "parquet", 450, "chinese", [
    ("残疾人证号", "id_cert", "S.CN_RESIDENT_ID.d", "ID + category + grade (rule 10)"), ("姓名", "name", "P.PERSON_NAME.d"),
    ("性别", "sexc", "N.GENDER.q"), ("残疾类别", "disab", "S.MEDICAL_CONDITION.s"), ("残疾等级", "enum:一级,二级,三级,四级", "S.MEDICAL_CONDITION.s"),
    ("监护人", "oname:450|half", "P.PERSON_NAME.d"), ("户籍地址", "addr", "P.ADDRESS.d"), ("联系电话", "mob_int", "P.PHONE_NUMBER.d"),
    ("发证日期", "date:2010:2026", "N.EVENT_DATE.q"), ("两项补贴", "enum:无,生活补贴,护理补贴,两项均享受", "S.-.s", "rule 5")], ages=(0, 90))
T("disabled_rehab_services", "people", "残疾人康复服务", "jsonl", 300, "english_camel", [
    ("serviceId", "serial:KF", "N.-.o", RULE1), ("clientName", "name_m", "P.PERSON_NAME.d"), ("idCardNo", "id_m", "S.CN_RESIDENT_ID.d"),
    ("rehabType", "enum:肢体康复训练,孤独症儿童康复,辅具适配,精神障碍社区康复,人工耳蜗植入", "S.MEDICAL_CONDITION.s"),
    ("assistiveDevice", "enum:轮椅,助听器,假肢,盲杖,助行器|half", "S.MEDICAL_CONDITION.s"),
    ("institution", "enum:广州市残疾人康复中心,湖南省康复医院,哈尔滨市残疾人康复中心", "N.ORG_NAME.q"),
    ("subsidyAmount", "money:500:40000", "S.PERSONAL_INCOME.s"), ("serviceDate", "date:2025:2026", "N.EVENT_DATE.q"),
    ("guardianPhone", "omob", "P.PHONE_NUMBER.d")], ages=(2, 80))
T("disabled_employment_quota", "organisations", "用人单位按比例安排残疾人就业审核", "csv/utf-8/,", 200, "english_snake", [
    ("employer", "org", "N.ORG_NAME.o"), ("uscc", "uscc:91", "N.USCC.o"), ("employee_total", "int:20:5000", "N.-.o"),
    ("disabled_employees", "int:0:60", "N.-.o"), ("quota_rate", "float:0:3:2", "N.-.o"),
    ("levy_amount", "money:0:900000", "N.-.o", "company levy"), ("year", "int:2022:2025", "N.EVENT_DATE.o"),
    ("tax_office", "enum:国家税务总局广州市天河区税务局,国家税务总局长沙市雨花区税务局", "N.ORG_NAME.o"), ("industry", "indname", "N.-.o")])
T("disabled_stats", "aggregate", "持证残疾人分类统计", "csv/utf-8/|", 120, "initials", [
    ("tjnd", "int:2021:2025", "N.EVENT_DATE.o"), ("xzqh", "rcode", "N.REGION.o"), ("cjlb", "disab", "N.MEDICAL_CONDITION.o", "aggregate (rule 9)"),
    ("rs", "int:10:30000", "N.-.o"), ("nxrs", "int:5:15000", "N.-.o"), ("etrs", "int:0:2000", "N.-.o"), ("kfrs", "int:0:9000", "N.-.o")])

# ------------------------------------------------------------------ 农业农村
T("agri_land_contracts", "people", "农村土地承包经营权登记", "xlsx", 300, "initials", [
    ("cbfbm", "pid:4306:14", "P.PERSON_ID.d", "contractor code: 18 digits that are not a resident ID"), ("cbfmc", "name", "P.PERSON_NAME.d"),
    ("cbfzjhm", "id", "S.CN_RESIDENT_ID.d"), ("cbdkmj", "float:0.3:15:2", "S.PERSONAL_INCOME.s", "contracted land area (rule 4)"),
    ("dkbm", "serial:430602", "N.-.o", "parcel code"), ("sz", "txt:farm", "P.PERSON_NAME.d", "boundaries naming neighbours (rule 14)"),
    ("cbqx", "enum:2028-12-31,2057-12-31", "N.-.o"), ("jtcysl", "int:1:8", "N.-.q"), ("lxdh", "mob", "P.PHONE_NUMBER.d"),
    ("dz", "addr", "P.ADDRESS.d")], ages=(30, 85), regions=HN)
T("agri_farmland_subsidy", "people", "耕地地力保护补贴发放", "csv/gbk/,", 500, "chinese", [
    ("户主姓名", "name", "P.PERSON_NAME.d"), ("身份证号码", "id15", "S.CN_RESIDENT_ID.d"), ("一卡通账号", "card", "S.BANK_CARD.d"),
    ("补贴面积(亩)", "float:0.5:40:2", "S.PERSONAL_INCOME.s", "area of a person's land (rule 4)"), ("补贴标准(元/亩)", "const:110.5", "N.-.o"),
    ("补贴金额", "money:50:4400", "S.PERSONAL_INCOME.s"), ("村组", "community", "N.REGION.q"), ("发放日期", "date:2026:2026", "N.EVENT_DATE.q"),
    ("联系电话", "mob|half", "P.PHONE_NUMBER.d")], ages=(35, 90), regions=HLJ)
T("agri_cooperatives", "mixed", "农民专业合作社名录", "parquet", 200, "english_camel", [
    ("coopName", "enum:富锦水稻种植专业合作社,湘潭湘莲专业合作社,顺德鳗鱼养殖专业合作社,怀化黄桃专业合作社", "N.ORG_NAME.o"),
    ("uscc", "uscc:93", "N.USCC.o"), ("chairman", "name", "P.PERSON_NAME.d"), ("chairmanPhone", "mob", "P.PHONE_NUMBER.d"),
    ("memberCount", "int:5:500", "N.-.o"), ("capital", "money:10000:5000000", "N.-.o"), ("address", "orgaddr", "N.ADDRESS.o"),
    ("mainProducts", "enum:水稻,大豆,莲子,黄桃,淡水鱼,生猪", "N.-.o"), ("establishDate", "date:2008:2026", "N.EVENT_DATE.o")])
T("agri_poverty_monitoring", "people", "防止返贫监测对象", "jsonl", 300, "pinyin", [
    ("huzhu_xingming", "name", "P.PERSON_NAME.d"), ("shenfenzheng", "id_x", "S.CN_RESIDENT_ID.d"), ("jiating_renkou", "int:1:8", "N.-.q"),
    ("renjun_chunshouru", "money:3000:12000", "S.PERSONAL_INCOME.s"), ("fengxian_leixing", "enum:因病,因残,因灾,因意外事故,因学", "S.-.s", "rule 5"),
    ("bangfu_cuoshi", "enum:产业帮扶,就业帮扶,医疗救助,低保兜底", "S.-.s", "rule 5"), ("suozai_cun", "community", "N.REGION.q"),
    ("jiankang_zhuangkuang", "enum:健康,长期慢性病,患有大病,残疾", "S.MEDICAL_CONDITION.s"), ("lianxi_dianhua", "mob", "P.PHONE_NUMBER.d"),
    ("jiance_riqi", "date:2025:2026", "N.EVENT_DATE.q")], regions=HN)

# ------------------------------------------------------------------ 应急管理
T("emergency_disaster_relief", "people", "受灾人员救助发放", "xlsx/title", 300, "chinese", [
    ("户主", "name", "P.PERSON_NAME.d"), ("身份证号", "id|fw", "S.CN_RESIDENT_ID.d"), ("受灾类型", "enum:洪涝,台风,冰雹,低温冻害,山体滑坡", "N.-.q"),
    ("房屋损坏情况", "enum:倒塌,严重损坏,一般损坏,无", "S.-.s", "rule 4"), ("救助金额", "money:500:20000", "S.PERSONAL_INCOME.s"),
    ("家庭人口", "int:1:7", "N.-.q"), ("居住地址", "addr", "P.ADDRESS.d"), ("伤亡情况", "enum:无,无,无,轻伤,重伤,死亡", "S.MEDICAL_CONDITION.s"),
    ("发放方式", "enum:现金,一卡通", "N.-.o"), ("联系电话", "mob", "P.PHONE_NUMBER.d")], regions=GD)
T("emergency_safety_inspections", "organisations", "安全生产执法检查", "csv/utf-8/;", 260, "english_snake", [
    ("enterprise", "org", "N.ORG_NAME.o"), ("uscc", "uscc:91", "N.USCC.o"), ("industry", "indname", "N.-.o"),
    ("inspect_date", "date:2025:2026", "N.EVENT_DATE.o"), ("findings", "txt:inspect", "N.-.o", "inspection findings, no persons"),
    ("hazard_count", "int:0:12", "N.-.o"), ("rectify_deadline", "date:2026:2026", "N.EVENT_DATE.o"),
    ("inspector_unit", "enum:广州市应急管理局执法支队,长沙市应急管理局,哈尔滨市应急管理局", "N.ORG_NAME.o"),
    ("address", "orgaddr", "N.ADDRESS.o"), ("fine_amount", "money:0:200000", "N.-.o")])
T("emergency_accident_casualties", "people", "生产安全事故伤亡人员", "parquet", 160, "english_snake", [
    ("accident_no", "serial:SG", "N.-.o"), ("victim_name", "name_m", "P.PERSON_NAME.d"), ("victim_id", "id_m", "S.CN_RESIDENT_ID.d"),
    ("age", "age", "N.AGE.q"), ("injury", "enum:死亡,重伤,轻伤", "S.MEDICAL_CONDITION.s"), ("employer", "org", "N.ORG_NAME.q"),
    ("accident_type", "enum:高处坠落,物体打击,机械伤害,触电,车辆伤害", "N.-.q"),
    ("narrative", "txt:accident", "S.MEDICAL_CONDITION.s", "masked victim, age, injuries (rule 14)"),
    ("occurred_at", "date:2025:2026:dt", "N.EVENT_DATE.q"), ("compensation", "money:10000:1200000", "S.PERSONAL_INCOME.s")], ages=(18, 65))
T("emergency_shelters", "organisations", "应急避难场所", "jsonl", 120, "chinese", [
    ("名称", "enum:天河公园避难场所,岳麓山避难场所,兆麟公园避难场所,市民广场避难场所,体育中心避难场所", "N.-.o"),
    ("类型", "enum:I类,II类,III类", "N.-.o"), ("容纳人数", "int:500:50000", "N.-.o"), ("面积(平方米)", "float:2000:300000:1", "N.-.o"),
    ("地址", "orgaddr", "N.ADDRESS.o"), ("经度", "lon:6", "N.PRECISE_LOCATION.o"), ("纬度", "lat:6", "N.PRECISE_LOCATION.o"),
    ("值班电话", "tel", "N.PHONE_NUMBER.o"), ("所属区县", "rname", "N.REGION.o")])

# ------------------------------------------------------------------ 文旅
T("culture_ticket_orders", "people", "景区分时预约订单", "csv/utf-8-sig/,", 700, "english_camel", [
    ("orderNo", "serial:YY", "N.-.o", RULE1), ("visitorName", "name", "P.PERSON_NAME.d"), ("certType", "enum:身份证,护照,港澳通行证", "N.-.o"),
    ("certNo", "id_docs", "S.CN_RESIDENT_ID.d"), ("mobile", "mob", "P.PHONE_NUMBER.d"),
    ("scenicSpot", "enum:白云山,岳麓山,橘子洲,太阳岛,世界之窗,凤凰古城,张家界国家森林公园", "N.-.q", "place of an event about the person"),
    ("visitDate", "date:2026:2026", "N.EVENT_DATE.q"), ("ticketPrice", "enum:0,40,120,225", "N.-.o", "catalogue price"),
    ("payAmount", "money:0:900", "S.PERSONAL_INCOME.s", "the person's transaction (rule 3)"), ("clientIp", "ip", "P.IP_ADDRESS.d"),
    ("channel", "enum:小程序,官网,OTA", "N.-.o")], ages=(3, 80))
T("culture_tour_guides", "people", "导游人员信息", "xlsx", 220, "pinyin", [
    ("daoyouzheng_hao", "pid:D-4301-:6", "P.PERSON_ID.d", "tour-guide card number"), ("xingming", "name", "P.PERSON_NAME.d"),
    ("xingbie", "sex", "N.GENDER.q"), ("yuzhong", "enum:普通话,英语,粤语,日语,俄语", "N.-.q"), ("dengji", "enum:初级,中级,高级", "N.-.q"),
    ("lvxingshe", "org:pool", "N.ORG_NAME.q"), ("shouji", "mob", "P.PHONE_NUMBER.d"), ("xueli", "edu", "N.EDUCATION.q"),
    ("zhengjian_haoma", "id", "S.CN_RESIDENT_ID.d"), ("zhaopian", "photo", "S.-.d", "face photo reference: biometric")], ages=(21, 60))
T("culture_tourism_complaints", "people", "旅游投诉受理", "jsonl", 200, "english_snake", [
    ("complaint_id", "serial:LY", "N.-.o"), ("tourist_name", "name_m", "P.PERSON_NAME.d"),
    ("content", "txt:tour", "N.-.o", "complaint narratives without personal data"), ("travel_agency", "org", "N.ORG_NAME.o"),
    ("amount", "money:100:30000", "S.PERSONAL_INCOME.s", "tourist's loss/refund (rule 3)"), ("contact", "mob_m", "P.PHONE_NUMBER.d"),
    ("result", "enum:已调解,退款,不予受理,转市场监管", "N.-.o"), ("accept_date", "date:2026:2026", "N.EVENT_DATE.q")])
T("culture_venue_visits", "aggregate", "公共文化场馆接待统计", "csv/gbk/,", 120, "chinese", [
    ("场馆名称", "enum:广东省博物馆,湖南省博物馆,黑龙江省博物馆,深圳图书馆,长沙图书馆,哈尔滨大剧院", "N.ORG_NAME.o"),
    ("月份", "date:2025:2026:ym", "N.EVENT_DATE.o"), ("接待人次", "int:1000:600000", "N.-.o"), ("其中未成年人", "int:100:90000", "N.-.o"),
    ("境外游客", "int:0:9000", "N.-.o"), ("门票收入", "money:0:3000000", "N.-.o"), ("活动场次", "int:0:120", "N.-.o")])

# ------------------------------------------------------------------ 统计
T("stats_census_sample", "people", "人口抽样调查个人表", "parquet", 800, "opaque", [
    ("HH_ID", "pid:4301:12", "P.PERSON_ID.d@english_snake", "household id (rule 1)"), ("R1", "enum:0,1,2,3,4,5,6,7,8,9", "N.-.q", "relationship to head, coded"),
    ("R2", "sexc", "N.GENDER.q"), ("R3", "dob:ymc", "P.DATE_OF_BIRTH.q", "birth year-month YYYYMM"), ("R4", "ethcode", "N.ETHNICITY.q"),
    ("R5", "enum:1,2,3,4,5,6,7,8,9", "N.EDUCATION.q", "education code"), ("R6", "enum:1,2,3,4,5", "N.MARITAL_STATUS.q", "marital code"),
    ("R7", "regcode", "N.REGION.q", "hukou place code"), ("R8", "enum:10000,20000,30000,40000,50000,60000,70000", "N.OCCUPATION.q", "occupation major group code"),
    ("R9", "enum:1,1,1,2,2,3,4", "S.MEDICAL_CONDITION.s", "health status code (1 healthy … 4 unable to care for self)")], ages=(0, 95))
T("stats_enterprise_survey", "organisations", "规模以上工业企业年报", "xlsx", 200, "english_snake", [
    ("unit_name", "org", "N.ORG_NAME.o"), ("uscc", "uscc:91", "N.USCC.o"), ("industry_code", "indcode", "N.-.o"),
    ("employees", "int:50:8000", "N.-.o"), ("revenue", "money:20000000:900000000", "N.-.o"),
    ("wages_total", "money:1000000:90000000", "N.PERSONAL_INCOME.o", "company total (aggregate)"), ("region", "rcode", "N.REGION.o"),
    ("survey_year", "const:2025", "N.EVENT_DATE.o"), ("contact_tel", "tel", "N.PHONE_NUMBER.o")])
T("stats_cpi", "aggregate", "居民消费价格指数", "csv/utf-8/,", 120, "english_snake", [
    ("month", "date:2024:2026:ym", "N.EVENT_DATE.o"), ("region", "enum:广州,深圳,长沙,哈尔滨,全省", "N.REGION.o"),
    ("item", "enum:食品烟酒,衣着,居住,交通通信,医疗保健,教育文化娱乐", "N.-.o"), ("index", "float:97:104:1", "N.-.o"),
    ("yoy", "float:-3:4:1", "N.-.o"), ("mom", "float:-1:1:1", "N.-.o")])
T("stats_household_income", "aggregate", "居民收支调查主要指标", "jsonl", 100, "chinese", [
    ("地区", "rname", "N.REGION.o"), ("年份", "int:2019:2025", "N.EVENT_DATE.o"), ("居民类型", "enum:城镇,农村", "N.-.o"),
    ("人均可支配收入", "money:15000:80000", "N.PERSONAL_INCOME.o", "aggregate (rule 9)"), ("人均消费支出", "money:10000:50000", "N.PERSONAL_INCOME.o", "aggregate"),
    ("样本户数", "int:100:3000", "N.-.o"), ("收入中位数", "money:12000:70000", "N.PERSONAL_INCOME.o", "aggregate")])

# ------------------------------------------------------------------ 体育
T("sports_marathon_runners", "people", "马拉松参赛选手", "csv/utf-8/|", 800, "english_camel", [
    ("bibNo", "int:10001:39999", "P.PERSON_ID.d", "bib number"), ("runnerName", "name", "P.PERSON_NAME.d"),
    ("idType", "enum:身份证,护照,台胞证", "N.-.o"), ("idNumber", "id_docs", "S.CN_RESIDENT_ID.d"), ("gender", "sexe", "N.GENDER.q"),
    ("birthday", "dob:slash", "P.DATE_OF_BIRTH.q"), ("bloodType", "enum:A,B,O,AB", "S.MEDICAL_CONDITION.s", "rule 2"),
    ("emergencyContact", "oname:800", "P.PERSON_NAME.d"), ("emergencyPhone", "omob", "P.PHONE_NUMBER.d"),
    ("finishTime", "enum:02:58:11,03:45:12,04:12:40,05:30:02,DNF", "N.-.q", "race result"), ("tshirtSize", "enum:S,M,L,XL,XXL", "N.-.o"),
    ("medicalHistory", "enum:无,无,无,高血压,心脏病,哮喘,糖尿病", "S.MEDICAL_CONDITION.s")])
T("sports_youth_athletes", "people", "青少年运动员注册", "xlsx", 260, "initials", [
    ("ydybh", "pid:YD:8", "P.PERSON_ID.d"), ("xm", "name", "P.PERSON_NAME.d"), ("xb", "sex", "N.GENDER.q"),
    ("csrq", "dob:serial", "P.DATE_OF_BIRTH.q"), ("sg", "int:120:195", "S.MEDICAL_CONDITION.s", "height (rule 2)"), ("tz", "int:25:90", "S.MEDICAL_CONDITION.s", "weight (rule 2)"),
    ("xx", SCHOOLS, "N.ORG_NAME.q"), ("jlxm", "oname:10", "P.PERSON_NAME.d", "coach (staff)"), ("jhrdh", "omob", "P.PHONE_NUMBER.d"),
    ("xm1", "enum:游泳,田径,乒乓球,速度滑冰,短道速滑,跳水", "N.-.q", "sport event"), ("dj", "enum:无,三级,二级,一级", "N.-.q")], ages=(8, 17))
T("sports_fitness_venues", "organisations", "全民健身场地设施", "parquet", 200, "chinese", [
    ("场馆名称", "enum:天河体育中心,贺龙体育中心,哈尔滨冰上训练中心,深圳湾体育中心,社区健身广场", "N.-.o"), ("地址", "orgaddr", "N.ADDRESS.o"),
    ("开放时间", "enum:06:00-22:00,08:00-21:00,全天", "N.-.o"), ("收费标准", "enum:免费,20元/小时,10元/次", "N.-.o"),
    ("经度", "lon:6", "N.PRECISE_LOCATION.o"), ("纬度", "lat:6", "N.PRECISE_LOCATION.o"), ("管理单位", "org", "N.ORG_NAME.o"),
    ("联系电话", "tel", "N.PHONE_NUMBER.o"), ("面积", "float:200:90000:1", "N.-.o")])
T("sports_lottery_stats", "aggregate", "体育彩票销售统计", "csv/gbk/|", 100, "pinyin", [
    ("nianfen", "int:2019:2025", "N.EVENT_DATE.o"), ("diqu", "rname", "N.REGION.o"), ("xiaoshoue", "money:1000000:900000000", "N.-.o"),
    ("gongyijin", "money:100000:90000000", "N.-.o"), ("zhongjiang_renci", "int:100:900000", "N.-.o"), ("fajiang_zonge", "money:100000:500000000", "N.-.o")])

# ------------------------------------------------------------------ 宗教事务
T("religion_venue_registry", "mixed", "宗教活动场所登记", "xlsx/title", 120, "chinese", [
    ("场所名称", "venue", "N.-.o"), ("宗教", "enum:佛教,道教,伊斯兰教,天主教,基督教", "N.RELIGION.o", "religion of a venue (rule 9)"),
    ("登记证号", "serial:ZJ", "N.-.o"), ("统一社会信用代码", "uscc:71", "N.USCC.o"), ("负责人", "name", "P.PERSON_NAME.d"),
    ("负责人电话", "mob", "P.PHONE_NUMBER.d"), ("地址", "orgaddr", "N.ADDRESS.o"), ("教职人员数", "int:1:60", "N.-.o"),
    ("批准日期", "date:1985:2024", "N.EVENT_DATE.o")])
T("religion_clergy_filing", "people", "宗教教职人员备案", "parquet", 200, "english_snake", [
    ("filing_no", "pid:JZ44:9", "P.PERSON_ID.d", "clergy certificate number"), ("secular_name", "name", "P.PERSON_NAME.d"),
    ("religious_name", "enum:释妙善,释宏觉,释明心,玛利亚,若瑟,阿卜杜拉,玄真,清虚", "P.PERSON_NAME.d", "dharma/baptismal name of a person"),
    ("religion", "enum:佛教,道教,伊斯兰教,天主教,基督教", "S.RELIGION.s"), ("id_no", "id", "S.CN_RESIDENT_ID.d"),
    ("venue", "venue", "S.RELIGION.s", "the venue where the person serves reveals the faith"), ("ordination_date", "date:1990:2025", "N.EVENT_DATE.q"),
    ("education", "edu", "N.EDUCATION.q"), ("mobile", "mob", "P.PHONE_NUMBER.d"), ("ethnicity", "ethnic", "N.ETHNICITY.q")], ages=(25, 85))
T("religion_activity_stats", "aggregate", "宗教活动场所统计", "csv/utf-8/,", 80, "chinese", [
    ("宗教", "enum:佛教,道教,伊斯兰教,天主教,基督教", "N.RELIGION.o", "rule 9"), ("地区", "rname", "N.REGION.o"), ("年份", "int:2020:2025", "N.EVENT_DATE.o"),
    ("场所数", "int:1:200", "N.-.o"), ("教职人员", "int:1:800", "N.-.o"), ("大型活动次数", "int:0:40", "N.-.o")])
T("religion_hajj_applicants", "people", "朝觐报名人员", "jsonl", 120, "english_camel", [
    ("applicantName", "name", "P.PERSON_NAME.d"), ("passportNo", "passport", "S.PASSPORT.d"), ("idNumber", "id", "S.CN_RESIDENT_ID.d"),
    ("ethnicity", "enum:回族,回族,回族,维吾尔族,撒拉族,东乡族", "N.ETHNICITY.q"),
    ("mosque", "enum:怀圣寺,哈尔滨清真寺,长沙清真寺,濠畔清真寺", "S.RELIGION.s", "registering mosque reveals the faith"),
    ("healthCheck", "enum:合格,合格,不合格", "S.MEDICAL_CONDITION.s"), ("mobile", "mob", "P.PHONE_NUMBER.d"), ("address", "addr", "P.ADDRESS.d"),
    ("applyDate", "date:2026:2026", "N.EVENT_DATE.q")], ages=(30, 75))

# ------------------------------------------------------------------ 信访
T("petition_letters", "people", "信访事项登记", "csv/gbk/,", 300, "chinese", [
    ("信访件编号", "serial:XF", "N.-.o", RULE1), ("信访人", "name", "P.PERSON_NAME.d"), ("证件号码", "id|ph", "S.CN_RESIDENT_ID.d"),
    ("联系电话", "mob_86", "P.PHONE_NUMBER.d"), ("住址", "addr", "P.ADDRESS.d"),
    ("信访内容", "txt:petition", "S.FREE_TEXT.s", "names, phones, addresses, wages, illnesses, ID numbers (rule 14)"),
    ("信访形式", "enum:来信,来访,网上信访,电话", "N.-.o"), ("登记日期", "date:2025:2026", "N.EVENT_DATE.q"),
    ("责任单位", "enum:区住建局,区人社局,区自然资源局,街道办事处", "N.ORG_NAME.o"), ("办理状态", "enum:受理,办结,不予受理", "N.-.o"),
    ("重复信访", "enum:否,否,是", "N.-.q")])
T("petition_hotline_12345", "people", "12345热线工单", "parquet", 600, "english_snake", [
    ("work_order_no", "serial:GD", "N.-.o", RULE1), ("caller_name", "name_m", "P.PERSON_NAME.d"), ("caller_phone", "mob_int", "P.PHONE_NUMBER.d"),
    ("content", "txt:hotline", "S.FREE_TEXT.s", "rule 14"), ("category", "enum:城市管理,劳动保障,市场监管,住房保障,医疗卫生", "N.-.o"),
    ("district", "rname", "N.REGION.q"), ("recording_file", "recfile", "P.PHONE_NUMBER.d", "file name embeds the caller's mobile (rule 14)"),
    ("satisfaction", "enum:满意,基本满意,不满意,未评价", "N.-.o"), ("accept_time", "date:2026:2026:dt", "N.EVENT_DATE.q")])
T("petition_online_messages", "people", "领导信箱网上留言", "jsonl", 300, "english_camel", [
    ("msgId", "serial:LY", "N.-.o"), ("nickname", "pid:user_:7", "P.PERSON_ID.d", "forum nickname (rule 15)"),
    ("message", "txt:petition", "S.FREE_TEXT.s", "rule 14"), ("clientIp", "ip", "P.IP_ADDRESS.d"), ("postTime", "date:2026:2026:dt", "N.EVENT_DATE.q"),
    ("replyDept", "enum:市信访局,市住建局,市人社局,区政府", "N.ORG_NAME.o"), ("replyText", "txt:staffnote", "N.-.o", "staff reply without personal data"),
    ("email", "email|sparse", "P.EMAIL.d")])
T("petition_stats", "aggregate", "信访形势统计", "xlsx", 100, "chinese", [
    ("月份", "date:2025:2026:ym", "N.EVENT_DATE.o"), ("地区", "rname", "N.REGION.o"),
    ("问题类别", "enum:征地拆迁,劳动社保,城乡建设,涉法涉诉,农业农村", "N.-.o"), ("件次", "int:0:900", "N.-.o"), ("人次", "int:0:1500", "N.-.o"),
    ("集体访批次", "int:0:30", "N.-.o"), ("及时受理率", "float:80:100:1", "N.-.o")])

T("police_vehicle_owners", "people", "机动车登记信息", "csv/utf-8/,", 400, "initials", [
    ("HPHM", "plate", "P.LICENSE_PLATE.d"), ("HPZL", "enum:01,02,51,52", "N.-.o", "plate type code"),
    ("车主XM", "name_org", "P.PERSON_NAME.d", "~10% company owners (rule 12)"), ("车主SFZH", "id_docs", "S.CN_RESIDENT_ID.d"),
    ("CLSBDH", "vin", "P.-.d", "VIN (rule 15)"), ("CLPP", "enum:比亚迪,大众,丰田,吉利,五菱,红旗", "N.-.o"),
    ("CSYS", "enum:白,黑,银,红,蓝", "N.-.o"), ("CCDJRQ", "date:2010:2026", "N.EVENT_DATE.q"), ("SJHM", "mob", "P.PHONE_NUMBER.d"),
    ("ZSXXDZ", "addr", "P.ADDRESS.d"), ("WFWCL条数", "int:0:12", "S.CRIMINAL_RECORD.s", "unhandled traffic violations of the owner (rule 6)"),
    ("SYXZ", "enum:非营运,营转非,出租客运,网约车", "N.-.o")])

# Second pass: extra columns appended to tables above (hard positives / negatives, more value styles).
EXTRA: dict[str, list[tuple[str, ...]]] = {
    "hrss_pension_payroll": [("BYZD1", "const:x|empty", "N.-.o@opaque", "spare field, always empty")],
    "hrss_job_posts": [("validDays", "int:7:90", "N.-.o")],
    "medins_inpatient_settlement": [("zzys", "oname:25", "P.PERSON_NAME.d", "attending doctor (staff)"), ("cwh", "enum:3床,12床,21床,加1床", "N.-.o", "bed number")],
    "medins_chronic_cert": [("applicant_phone", "mob|fw", "P.PHONE_NUMBER.d")],
    "police_hotel_guests": [("guest_count", "int:1:3", "N.-.o")],
    "police_lost_found": [("lingqu_zjhm", "id|sparse", "S.CN_RESIDENT_ID.d")],
    "civil_marriage_registration": [("maleBirth", "dob:us", "P.DATE_OF_BIRTH.q"), ("maleEdu", "edu", "N.EDUCATION.q")],
    "edu_student_roster": [("学生照片", "photo", "S.-.d", "face photo of a child: biometric")],
    "edu_gaokao_scores": [("home_address", "addr", "P.ADDRESS.d"), ("sex", "sexc", "N.GENDER.q")],
    "health_outpatient_records": [("allergy", "enum:无,无,无,青霉素,头孢类,海鲜|half", "S.MEDICAL_CONDITION.s"),
                                  ("insuranceCardNo", "id", "S.CN_RESIDENT_ID.d", "social-security card = resident ID (rule 10)")],
    "health_vaccination": [("blfy", "enum:无,无,无,无,发热,局部红肿,皮疹", "S.MEDICAL_CONDITION.s", "adverse reaction")],
    "health_infectious_reports": [("F8", "dob:mixed", "P.DATE_OF_BIRTH.q")],
    "housing_fund_accounts": [("last_deposit_month", "const:202610", "N.EVENT_DATE.o", "batch month"), ("email", "email|sparse", "P.EMAIL.d")],
    "housing_public_rental": [("sqrq", "date:2022:2026:serial", "N.EVENT_DATE.q")],
    "transport_taxi_drivers": [("licenseClass", "enum:A1,A2,B1,C1,C2", "N.-.q"), ("birthDate", "dob:iso_t", "P.DATE_OF_BIRTH.q")],
    "transport_ride_hailing": [("payChannel", "enum:微信,支付宝,银联云闪付", "N.-.o")],
    "market_individual_biz": [("从业人数", "int:1:8", "N.-.o")],
    "market_complaints_12315": [("complainant_addr", "addr_m", "P.ADDRESS.d")],
    "tax_iit_withholding": [("ZD12", "card", "S.BANK_CARD.d", "refund account")],
    "tax_deed_tax": [("联系电话", "mob_mix", "P.PHONE_NUMBER.d", "rule 12")],
    "justice_community_correction": [("csrq", "dob:cnp", "P.DATE_OF_BIRTH.q"),
                                     ("jkzk", "enum:良好,良好,良好,患有精神疾病,有吸毒史,患传染病", "S.MEDICAL_CONDITION.s")],
    "justice_legal_aid": [("applicant_income", "money:0:3000", "S.PERSONAL_INCOME.s", "monthly income for the means test")],
    "veterans_registry": [("YHKH", "card", "S.BANK_CARD.d")],
    "disabled_certificates": [("出生日期", "dob:cnp", "P.DATE_OF_BIRTH.q")],
    "disabled_rehab_services": [("clientAddr", "addr_short", "P.ADDRESS.d"), ("clientAge", "age", "N.AGE.q")],
    "agri_farmland_subsidy": [("备注", "txt:remark", "P.PERSON_NAME.d", "remarks: half empty, some names/phones")],
    "agri_cooperatives": [("chairmanId", "id_m", "S.CN_RESIDENT_ID.d")],
    "emergency_disaster_relief": [("救助卡号", "card", "S.BANK_CARD.d"), ("经办人", "oname:5", "P.PERSON_NAME.d", "staff")],
    "emergency_accident_casualties": [("hometown", "rname", "N.REGION.q")],
    "culture_ticket_orders": [("birthDate", "dob:compact|half", "P.DATE_OF_BIRTH.q")],
    "culture_tour_guides": [("youxiang", "email", "P.EMAIL.d")],
    "stats_census_sample": [("R10", "enum:1,2", "N.-.q", "hukou type code")],
    "sports_marathon_runners": [("nationality", "enum:中国,中国,中国,中国,美国,肯尼亚,日本", "N.-.q")],
    "sports_youth_athletes": [("sfzh", "id", "S.CN_RESIDENT_ID.d")],
    "religion_clergy_filing": [("home_address", "addr", "P.ADDRESS.d")],
    "religion_hajj_applicants": [("faceFeature", "feature", "S.-.d", "face feature template: biometric")],
    "petition_letters": [("接待人", "oname:6", "P.PERSON_NAME.d", "staff")],
    "petition_hotline_12345": [("callback_phone", "mob|sparse", "P.PHONE_NUMBER.d")],
    "petition_online_messages": [("realName", "name|sparse", "P.PERSON_NAME.d")],
}
for _t in TABLES:
    _t["cols"] = _t["cols"] + EXTRA.pop(_t["id"], [])
assert not EXTRA, EXTRA
