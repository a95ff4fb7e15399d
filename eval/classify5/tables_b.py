"""v5 tables, part B: religious and ethnic affairs, overseas Chinese, trade unions, women's federation,
veterans, elderly care, funeral, adoption/marriage, grid management, hotels and internet cafés,
express delivery, ride-hailing, bike sharing."""

from __future__ import annotations

import datetime as dt

from v5lib import (CHENGDU, EDU, FOREIGN_COUNTRIES, HOSPITALS, REGIONS, Col, age_of,
                   d, mask_name_mou, mask_phone, sector, table)

D0, D1 = dt.date(2021, 1, 1), dt.date(2026, 11, 20)


def reg_name(c):
    return REGIONS[c.ch(list(REGIONS))][1]


def traj_pair(c, base=None):
    lng, lat = base or c.coord()
    return round(lng + c.r.uniform(-0.08, 0.08), 6), round(lat + c.r.uniform(-0.06, 0.06), 6)


# ============================================================================ religious affairs
sector("religion", "民族宗教（宗教事务）")
RELS = ["佛教", "道教", "伊斯兰教", "天主教", "基督教"]
CLERGY = {"佛教": ["比丘", "比丘尼", "活佛", "喇嘛"], "道教": ["道长", "道士"], "伊斯兰教": ["阿訇", "伊玛目"],
          "天主教": ["神父", "修女"], "基督教": ["牧师", "长老"]}


@table("religion_venue_registry", "religion", "mixed", "宗教活动场所登记信息", "xlsx", 180)
def rel_venues(c, n):
    rel = c.chs(RELS, n, [5, 3, 1, 1, 2])
    suffix = {"佛教": "寺", "道教": "观", "伊斯兰教": "清真寺", "天主教": "天主堂", "基督教": "基督教堂"}
    regs = c.chs(list(REGIONS), n)
    return [
        Col("场所名称", "org", [reg_name(c)[:2] + c.ch(["文殊", "昭觉", "青羊", "大慈", "报恩", "圣水", "福音", "平安"]) + suffix[r] for r in rel]),
        Col("宗教类别", "agg_rel", rel, note="religion of a venue (rule 9)"),
        Col("登记证编号", "x", [f"川宗登字{r[:4]}{c.ri(1, 999):03d}号" for r in regs]),
        Col("场所地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("负责人", "name", [c.cname() for _ in regs]),
        Col("负责人手机", "phone", [c.mobile() for _ in regs]),
        Col("场所电话", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("开放时间", "x", c.chs(["8:00-17:00", "全天", "周日上午", "7:30-18:00"], n)),
    ]


@table("religion_clergy_filings", "religion", "people", "宗教教职人员备案登记", "csv", 260)
def rel_clergy(c, n):
    P = c.people(n, age=(22, 85))
    rel = c.chs(RELS, n, [5, 3, 1, 1, 2])
    dharma = {"佛教": lambda: "释" + c.ch("慧明觉净妙法智心") + c.ch("空源海光如德"), "道教": lambda: c.ch("清玄明妙") + c.ch("真和阳虚") + "子"}
    return [
        Col("姓名", "name", [p.name for p in P]),
        Col("法名（道号/教名）", "name", [dharma.get(r, lambda: c.ch(["约瑟", "玛利亚", "保罗", "阿卜杜", "优素福"]))() for r in rel],
            note="religious name of a natural person"),
        Col("性别", "gender", [p.sex for p in P]),
        Col("出生日期", "dob", [d(p.dob, "%Y.%m.%d") for p in P]),
        Col("身份证号", "id", [p.id18 for p in P]),
        Col("宗教", "rel", rel),
        Col("教职身份", "rel", [c.ch(CLERGY[r]) for r in rel], note="clergy title reveals the religion"),
        Col("所在场所", "orgq", [c.ch({"佛教": ["文殊院", "昭觉寺", "大慈寺"], "道教": ["青羊宫", "鹤鸣山道观"], "伊斯兰教": ["成都清真寺"],
                                      "天主教": ["平安桥天主堂"], "基督教": ["恩光堂", "福音堂"]}[r]) for r in rel]),
        Col("学历", "edu", c.chs(EDU, n)),
        Col("备案日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("备案号", "pid", [f"{r[:1]}{c.ri(2010, 2026)}{c.ri(10000, 99999)}" for r in rel], note="clergy filing number: PERSON_ID"),
        Col("联系电话", "phone", [p.phone for p in P]),
    ]


# ============================================================================ ethnic affairs
sector("ethnic", "民族宗教（民族事务）")


@table("ethnic_student_subsidies", "ethnic", "people", "民族地区学生资助发放名册", "parquet", 900)
def eth_students(c, n):
    eth = c.chs(["彝族", "藏族", "羌族", "汉族"], n, [6, 3, 1, 1])
    P = [c.person(age=(7, 18), eth=e) for e in eth]
    G = [c.person(age=(30, 60), eth=e, region=p.region) for e, p in zip(eth, P)]
    return [
        Col("studentName", "name", [p.name for p in P]),
        Col("ethnicGroup", "eth", eth),
        Col("idCardNo", "id", [p.id18 for p in P]),
        Col("schoolName", "orgq", [f"{REGIONS[p.region][1]}{c.ch(['民族中学', '第一中学', '民族小学', '中心校'])}" for p in P]),
        Col("gradeName", "xq", [f"{c.ch(['七', '八', '九', '高一', '高二', '三', '四', '五'])}年级" if c.p(0.5) else f"{c.ri(1, 6)}年级" for _ in P]),
        Col("subsidyAmount", "inc", c.chs([500, 625, 1000, 1250, 2000], n)),
        Col("guardianName", "name", [g.name for g in G]),
        Col("guardianMobile", "phone", [int(g.phone) for g in G], tags=("int",)),
        Col("homeAddress", "addr", [c.village_addr(g.region) for g in G]),
        Col("bilingualClass", "x", c.chs(["一类模式", "二类模式", "否"], n), note="teaching mode of the class"),
        Col("hometownCounty", "region", [REGIONS[p.region][1] for p in P]),
    ]


@table("ethnic_population_by_county", "ethnic", "aggregate", "分县少数民族人口统计", "xlsx", 200, title_row=True)
def eth_pop(c, n):
    pop = [c.ri(50, 400000) for _ in range(n)]
    return [
        Col("县（市、区）", "oregion", [reg_name(c) for _ in pop]),
        Col("民族", "agg_eth", c.chs(["彝族", "藏族", "羌族", "回族", "苗族", "土家族", "蒙古族", "纳西族"], n), note="ethnic categories in an aggregate (rule 9)"),
        Col("人口数", "x", pop),
        Col("占总人口比重(%)", "x", [round(c.r.uniform(0.01, 90), 2) for _ in pop]),
        Col("其中：男", "x", [p // 2 + c.ri(0, 9) for p in pop]),
        Col("其中：女", "x", [p - p // 2 for p in pop]),
        Col("普查年份", "bdate", c.chs([2010, 2020], n)),
    ]


# ============================================================================ overseas Chinese affairs
sector("overseas", "侨务")


@table("overseas_returnee_registry", "overseas", "people", "归侨侨眷信息登记", "jsonl", 420)
def ovs_returnees(c, n):
    P = c.people(n, age=(18, 90))
    ctry = [c.ch(FOREIGN_COUNTRIES) for _ in P]
    return [
        Col("姓名", "name", [p.name for p in P]),
        Col("英文姓名", "name", [c.pinyin_name(p.name, c.ch(["upper", "title"])) if c.p(0.7) else c.foreign_name() for p in P],
            note="pinyin or foreign names"),
        Col("性别", "gender", [p.sex for p in P]),
        Col("出生日期", "dob", [d(p.dob) for p in P]),
        Col("护照号码", "pass", [c.passport("cn") if c.p(0.6) else c.passport("foreign") for _ in P], note="Chinese and foreign passports"),
        Col("侨居国", "xq", [x[0] for x in ctry]),
        Col("身份类别", "xq", c.chs(["归侨", "侨眷", "华侨", "归侨子女"], n)),
        Col("国内联系电话", "phone", c.maybe([p.phone for p in P], null=0.15, placeholder=0.1, ph=["无", "不详", "/"]), tags=("sparse", "placeholder")),
        Col("海外联系电话", "phone", [f"{x[1]} {c.ri(200, 999)} {c.ri(1000000, 9999999)}" for x in ctry], note="foreign numbers with country code"),
        Col("电子邮箱", "email", [c.email() if c.p(0.6) else c.faker("en_US").user_name() + "@gmail.com" for _ in P]),
        Col("国内住址", "addr", [c.home_addr(p.region) for p in P]),
        Col("登记日期", "date", [d(c.date(D0, D1)) for _ in P]),
    ]


@table("overseas_chinese_associations", "overseas", "mixed", "海外侨团联络名录", "csv", 160, encoding="gbk")
def ovs_assoc(c, n):
    ctry = [c.ch(FOREIGN_COUNTRIES) for _ in range(n)]
    return [
        Col("社团名称", "org", [f"{x[0]}{c.ch(['四川同乡会', '川渝商会', '华侨华人联合会', '天府同乡会'])}" for x in ctry]),
        Col("所在国家", "x", [x[0] for x in ctry]),
        Col("会长", "name", [c.cname() if c.p(0.8) else c.faker("en_US").name() for _ in ctry]),
        Col("会长电话", "phone", [f"{x[1]}-{c.ri(200, 999)}-{c.ri(1000000, 9999999)}" for x in ctry]),
        Col("会长邮箱", "email", [c.email() if c.p(0.5) else c.faker("en_US").user_name() + "@gmail.com" for _ in ctry], note="president's own mailbox"),
        Col("秘书长", "name", [c.cname() for _ in ctry]),
        Col("社团邮箱", "oemail", [f"info@{c.ch(['sc', 'tf', 'cy', 'hq'])}{c.ri(1, 999)}assoc.org" for _ in ctry], note="association's office mailbox"),
        Col("成立年份", "x", [c.ri(1950, 2024) for _ in ctry]),
        Col("会员人数", "x", [c.ri(30, 5000) for _ in ctry]),
        Col("国内联络处地址", "oaddr", [c.street_addr(detail=False) for _ in ctry]),
    ]


# ============================================================================ trade unions
sector("union", "总工会")


@table("union_hardship_workers", "union", "people", "困难职工帮扶档案", "csv", 700, delimiter="|", opaque=("F{}", 0))
def union_hardship(c, n):
    P = c.people(n, age=(22, 60))
    kind = c.chs(["因病", "因残", "单亲", "子女教育", "意外事故"], n)
    return [
        Col("I:职工 姓名", "name", [p.name for p in P]),
        Col("I:身份证 号码", "id", [p.id18 for p in P]),
        Col("I:工作 单位", "orgq", [c.company() for _ in P]),
        Col("I:困难 类型", "sens", kind, note="hardship status (rule 5)"),
        Col("I:患病 名称", "med", [c.ch(["尿毒症", "肺癌", "白血病", "乳腺癌", "脑梗死后遗症"]) if k == "因病" else None for k in kind], tags=("sparse",)),
        Col("I:月 收入", "inc", [c.ri(800, 4200) for _ in P]),
        Col("I:家庭 人口", "x", [c.ri(1, 6) for _ in P]),
        Col("I:帮扶 金额", "inc", c.chs([1000, 2000, 3000, 5000], n)),
        Col("I:银行 卡号", "card", [c.card() for _ in P]),
        Col("I:联系 电话", "phone", [p.phone for p in P]),
        Col("I:建档 日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("I:工会 名称", "orgq", [f"{reg_name(c)}总工会" for _ in P]),
    ]


@table("union_grassroots_registry", "union", "organisations", "基层工会组织登记", "parquet", 300)
def union_orgs(c, n):
    cos = [c.company() for _ in range(n)]
    return [
        Col("工会名称", "org", [x + "工会委员会" for x in cos]),
        Col("统一社会信用代码", "uscc", [c.uscc("81") for _ in cos], note="trade-union code (81 prefix)"),
        Col("所属单位", "org", cos),
        Col("会员人数", "x", [c.ri(25, 3000) for _ in cos]),
        Col("成立日期", "bdate", [d(c.date(dt.date(1995, 1, 1), D1)) for _ in cos]),
        Col("办公电话", "ophone", [c.landline() for _ in cos]),
        Col("办公地址", "oaddr", [c.street_addr(detail=False) for _ in cos]),
        Col("经费拨缴比例", "x", ["2%"] * n),
    ]


@table("union_membership_statistics", "union", "aggregate", "工会会员发展情况统计", "csv", 200, delimiter=";")
def union_stats(c, n):
    return [
        Col("年度", "bdate", [c.ri(2019, 2026) for _ in range(n)]),
        Col("行业", "x", c.chs(["制造业", "建筑业", "快递物流", "网约车", "外卖配送", "家政服务"], n)),
        Col("地区", "oregion", [REGIONS[c.ch(list(REGIONS))][0] for _ in range(n)]),
        Col("会员数", "x", [c.ri(100, 90000) for _ in range(n)]),
        Col("农民工会员数", "x", [c.ri(0, 50000) for _ in range(n)]),
        Col("女职工会员数", "x", [c.ri(0, 40000) for _ in range(n)]),
        Col("入会率", "x", [f"{c.r.uniform(30, 95):.1f}%" for _ in range(n)]),
    ]


# ============================================================================ women's federation
sector("women", "妇女联合会")


def dv_text(c):
    inj = c.ch(["面部软组织挫伤", "左臂骨折", "多处淤青", "头部外伤缝合3针", "肋骨骨裂"])
    return c.ch([
        f"求助人称长期遭受丈夫殴打，{c.ri(1, 5)}日前被打致{inj}，已在{c.ch(HOSPITALS)}就诊。",
        f"被前夫骚扰威胁，要求帮助申请人身安全保护令，现暂住{c.street_addr()}。",
        f"与丈夫发生争执后被打，{inj}，孩子{c.ri(3, 12)}岁，请求法律援助。",
        f"婆家人多次辱骂推搡，造成{inj}，情绪低落失眠。",
    ])


@table("women_dv_help_requests", "women", "people", "反家庭暴力求助登记", "xlsx", 350)
def women_dv(c, n):
    P = c.people(n, age=(20, 70), sex="女")
    return [
        Col("求助人", "name", [mask_name_mou(p.name, "女") if c.p(0.4) else p.name for p in P], tags=("masked",), note="40% as 王女士"),
        Col("联系电活", "phone", [mask_phone(p.phone) if c.p(0.3) else p.phone for p in P], tags=("masked",), note="typo for 联系电话"),
        Col("求助日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("求助方式", "x", c.chs(["12338热线", "来访", "网络", "社区转介"], n)),
        Col("求助内容", "med", [dv_text(c) for _ in P], tags=("free_text",), note="injuries dominate the narrative (rule 14, accident-like)"),
        Col("与施暴人关系", "x", c.chs(["丈夫", "前夫", "同居男友", "婆家成员", "父亲"], n)),
        Col("是否出具告诫书", "x", c.chs(["是", "否", "否"], n)),
        Col("转介机构", "orgq", c.chs(["辖区派出所", "法律援助中心", "妇女儿童维权站", "反家暴庇护所"], n)),
        Col("接待人", "name", [c.cname(sex="女") for _ in P]),
        Col("居住社区", "region", [f"{REGIONS[p.region][1]}{c.ch(['玉林', '望江', '桂溪', '簇桥', '华阳'])}社区" for p in P]),
    ]


@table("women_two_cancers_aid", "women", "people", "贫困妇女“两癌”救助名单", "csv", 500, encoding="gbk", delimiter=";")
def women_cancer(c, n):
    P = c.people(n, age=(30, 70), sex="女")
    return [
        Col("P:受助人 姓名", "name", [p.name for p in P]),
        Col("P:身份证 号码", "id", [p.id18 for p in P]),
        Col("P:年龄", "age", [age_of(p.dob) for p in P]),
        Col("P:确诊 疾病", "med", c.chs(["宫颈癌", "乳腺癌", "乳腺癌", "宫颈癌（Ⅱ期）"], n)),
        Col("P:确诊 医院", "orgq", c.chs(HOSPITALS, n)),
        Col("P:确诊 日期", "date", [d(c.date(D0, D1)) for _ in P]),
        Col("P:救助 金额", "inc", [10000] * n, note="aid paid to a person (the amount is fixed but it is her benefit)"),
        Col("P:银行 卡号", "card", [c.card() for _ in P]),
        Col("P:户籍地", "region", [REGIONS[p.region][0] + REGIONS[p.region][1] for p in P]),
        Col("P:联系 电话", "phone", [p.phone for p in P]),
    ]


# ============================================================================ veterans
sector("veterans", "退役军人事务")


@table("veterans_reemployment_training", "veterans", "people", "退役军人适应性培训及就业补助", "parquet", 600)
def vet_training(c, n):
    P = c.people(n, age=(20, 45), sex=None)
    enl = [c.date(dt.date(2008, 9, 1), dt.date(2022, 9, 30)) for _ in P]
    return [
        Col("姓名", "name", [p.name for p in P]),
        Col("身份证号", "id", [p.id18 for p in P]),
        Col("入伍时间", "date", [e.strftime("%Y-%m") for e in enl]),
        Col("退役时间", "date", [(e + dt.timedelta(days=365 * c.ri(2, 12))).strftime("%Y-%m") for e in enl]),
        Col("退役军衔", "xq", c.chs(["上等兵", "下士", "中士", "上士", "四级军士长"], n), note="rank, like occupation"),
        Col("伤残等级", "med", c.maybe(c.chs(["七级", "八级", "九级", "十级"], n), null=0.9), tags=("sparse",)),
        Col("优待证号", "pid", [f"51{c.ri(10 ** 10, 10 ** 11 - 1)}" for _ in P], note="veteran's preferential card number"),
        Col("培训项目", "x", c.chs(["网约车驾驶", "电工", "无人机操作", "电商运营", "保安员"], n)),
        Col("培训机构", "orgq", c.chs(["四川省退役军人培训中心", "成都市技师学院", "绵阳职业技术学院"], n)),
        Col("补助金额", "inc", c.chs([1500, 2000, 3000], n)),
        Col("手机", "phone", [p.phone for p in P]),
        Col("宗教信仰", "rel", c.maybe(c.chs(["无"] * 17 + ["佛教", "佛教", "基督教", "伊斯兰教"], n), placeholder=0.04, ph=["-", "NULL"]),
            tags=("placeholder",), note="mostly 无 (no religion); a person's religion column"),
        Col("政治面貌", "xq", c.chs(["中共党员", "共青团员", "群众"], n), note="rule 7"),
        Col("安置方式", "xq", c.chs(["自主就业", "安排工作", "退休", "供养"], n)),
    ]


@table("veterans_service_stations", "veterans", "mixed", "退役军人服务站名录", "jsonl", 200)
def vet_stations(c, n):
    regs = c.chs(list(REGIONS), n)
    return [
        Col("stationName", "org", [f"{REGIONS[r][1]}{c.ch(['东升', '华阳', '城南', '金沙', '新华'])}街道退役军人服务站" for r in regs]),
        Col("e:district", "oregion", [REGIONS[r][1] for r in regs]),
        Col("e:director", "name", [c.cname() for _ in regs]),
        Col("directorMobile", "phone", [c.mobile() for _ in regs]),
        Col("officePhone", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("e:address", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("e:lng", "oloc", [c.coord()[0] for _ in regs]),
        Col("e:lat", "oloc", [c.coord()[1] for _ in regs]),
    ]


# ============================================================================ elderly care
sector("elderly", "养老服务")


@table("elderly_homecare_service_orders", "elderly", "people", "居家养老上门服务工单", "csv", 1800)
def eld_orders(c, n):
    P = c.people(n, age=(60, 100))
    ids = [c.id15(p) if c.p(0.1) else p.id18 for p in P]
    locs = [c.coord() for _ in P]
    return [
        Col("工单号", "x", [f"YL{c.ri(2024, 2026)}{c.ri(10 ** 7, 10 ** 8 - 1)}" for _ in P]),
        Col("老人姓名", "name", [p.name for p in P]),
        Col("老人身分证", "id", ids, tags=("legacy15",), note="old/typo form 身分证"),
        Col("年龄", "age", [age_of(p.dob) for p in P]),
        Col("能力评估等级", "med", c.chs(["能力完好", "轻度失能", "中度失能", "重度失能"], n), note="dependency level (rule 2)"),
        Col("服务项目", "sens", c.chs(["助餐", "助浴", "助洁", "康复护理", "陪同就医", "上门探访"], n), note="care services received (rule 5)"),
        Col("服务时长(分钟)", "x", [c.ch([30, 60, 90, 120]) for _ in P]),
        Col("服务费用", "inc", [round(c.r.uniform(15, 160), 1) for _ in P]),
        Col("政府补贴", "inc", [c.ch([0, 20, 40, 60]) for _ in P]),
        Col("服务人员", "name", [c.cname() for _ in P]),
        Col("服务地址", "addr", [c.street_addr(p.region if p.region in CHENGDU else None) for p in P]),
        Col("签到经度", "homeloc", [x[0] for x in locs], note="check-in at the elder's home: home coordinates (rule 8)"),
        Col("签到纬度", "homeloc", [x[1] for x in locs]),
        Col("服务日期", "date", [d(c.date(dt.date(2025, 1, 1), D1)) for _ in P]),
        Col("服务机构", "orgq", [f"{reg_name(c)}{c.ch(['颐养', '福寿', '康乐', '夕阳红'])}居家养老服务中心" for _ in P]),
    ]


@table("elderly_care_institutions", "elderly", "organisations", "养老机构基本信息", "xlsx", 220, title_row=True)
def eld_inst(c, n):
    regs = c.chs(list(REGIONS), n)
    lo = [c.ri(18, 45) * 100 for _ in regs]
    return [
        Col("机构名称", "org", [f"{REGIONS[r][1]}{c.ch(['福寿', '康养', '颐和', '金色年华', '夕阳红'])}{c.ch(['养老院', '敬老院', '老年公寓', '康养中心'])}" for r in regs]),
        Col("统一社会信用代码", "uscc", [c.uscc(c.ch(["52", "12", "91"]), r) for r in regs]),
        Col("机构类型", "x", c.chs(["公办", "民办", "公建民营"], n)),
        Col("床位数", "x", [c.ri(30, 800) for _ in regs]),
        Col("护理型床位", "x", [c.ri(10, 400) for _ in regs]),
        Col("收费标准(元/月)", "x", [f"{x}-{x + c.ri(10, 40) * 100}" for x in lo], note="price range"),
        Col("地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("服务热线", "ophone", [c.landline(REGIONS[r][0]) if c.p(0.8) else f"400-{c.ri(100, 999)}-{c.ri(1000, 9999)}" for r in regs]),
        Col("星级", "x", c.chs(["一星", "二星", "三星", "四星", "五星", "未评定"], n)),
    ]


@table("elderly_longevity_allowance", "elderly", "people", "高龄津贴发放花名册", "csv", 900, encoding="gbk", delimiter="\t")
def eld_allowance(c, n):
    P = c.people(n, age=(80, 104))
    ids = [c.id15(p) if c.p(0.2) else p.id18 for p in P]
    ids = ["'" + x if c.p(0.06) else x + " " if c.p(0.04) else x for x in ids]
    agent = [c.p(0.35) for _ in P]
    return [
        Col("姓名", "name", [p.name for p in P]),
        Col("身份证", "id", ids, tags=("legacy15", "dirty"), note="some with Excel's leading apostrophe or a trailing space"),
        Col("出生日期", "dob", [f"{p.dob.year}年{p.dob.month}月{p.dob.day}日" for p in P]),
        Col("年龄", "age", [age_of(p.dob) for p in P]),
        Col("津贴标准", "inc", [300 if age_of(p.dob) >= 100 else 100 if age_of(p.dob) >= 90 else 50 for p in P],
            note="a person's monthly allowance (tier by age, but paid to the person)"),
        Col("发放账号", "card", [c.card() for _ in P]),
        Col("村(社区)", "region", [f"{c.ch(['东风', '红旗', '胜利', '幸福', '光明'])}{c.ch(['村', '社区'])}" for _ in P]),
        Col("代领人", "name", [c.cname() if a else None for a in agent], tags=("sparse",)),
        Col("代领人电话", "phone", [c.mobile() if a else None for a in agent], tags=("sparse",)),
        Col("发放月份", "bdate", ["2026-11"] * n, note="same for the whole file (rule 16)"),
    ]


# ============================================================================ funeral
sector("funeral", "殡葬服务")


@table("funeral_cemetery_plot_sales", "funeral", "people", "公墓墓穴销售及安葬登记", "parquet", 700)
def fun_plots(c, n):
    P = c.people(n, age=(40, 100))
    B = c.people(n, age=(25, 75))
    death = [c.date(D0, D1) for _ in P]
    return [
        Col("PU:墓位 编号", "x", [f"{c.ch('ABCDEFG')}区{c.ri(1, 40)}排{c.ri(1, 60)}号" for _ in P], note="plot code"),
        Col("PU:逝者 姓名", "name", [p.name for p in P], note="deceased persons are labelled like the living"),
        Col("PU:逝者 身份证号", "id", [p.id18 for p in P]),
        Col("PU:死亡 日期", "date", [d(x) for x in death]),
        Col("PU:安葬 日期", "date", [d(x + dt.timedelta(days=c.ri(3, 400))) for x in death]),
        Col("PU:购墓人", "name", [b.name for b in B]),
        Col("PU:购墓人 电话", "phone", [int(b.phone) for b in B], tags=("int",)),
        Col("PU:与 逝者 关系", "x", c.chs(["子", "女", "配偶", "孙子", "侄子"], n)),
        Col("PU:墓位 价格", "inc", [c.ri(30, 260) * 1000 for _ in P], note="price paid by the buyer: personal transaction"),
        Col("PU:管理费", "inc", [c.ch([2000, 3000, 4000]) for _ in P]),
        Col("PU:墓区", "x", c.chs(["松柏园", "福寿园", "思亲园", "生态葬区"], n)),
        Col("PU:宗教 习俗", "rel", c.maybe(c.chs(["佛教", "基督教", "伊斯兰教", "道教"], n), null=0.85), tags=("sparse",), note="religious rite of the deceased"),
    ]


@table("funeral_service_fee_schedule", "funeral", "organisations", "殡葬服务收费标准公示", "csv", 150)
def fun_fees(c, n):
    homes = ["成都市殡仪馆", "成都市东郊殡仪馆", "绵阳市殡仪馆", "德阳市殡仪馆", "西昌市殡仪馆"]
    item = c.chs(["遗体接运", "遗体冷藏", "遗体火化", "骨灰寄存", "告别厅使用", "遗体整容"], n)
    return [
        Col("殡仪馆", "org", c.chs(homes, n)),
        Col("服务项目", "x", item),
        Col("收费标准(元)", "x", [c.ch([100, 200, 300, 380, 450, 600, 800]) for _ in item], note="catalogue price (rule 3)"),
        Col("计价单位", "x", c.chs(["元/具", "元/天", "元/次", "元/年"], n)),
        Col("是否基本服务", "x", c.chs(["是", "否"], n)),
        Col("价格依据", "x", c.chs(["川发改价格〔2021〕125号", "成发改价格〔2023〕8号"], n)),
        Col("咨询电话", "ophone", [c.landline() for _ in item]),
    ]


# ============================================================================ adoption & marriage registration
sector("civilreg", "民政（收养·婚姻登记）")


@table("civil_adoption_registrations", "civilreg", "people", "收养登记档案", "xlsx", 200)
def civ_adopt(c, n):
    K = c.people(n, age=(0, 12))
    M = c.people(n, age=(30, 55), sex="男")
    F = c.people(n, age=(30, 52), sex="女")
    return [
        Col("被收养人姓名", "name", [k.name for k in K]),
        Col("被收养人性别", "gender", [k.sex for k in K]),
        Col("被收养人出生日期", "dob", [d(k.dob) for k in K]),
        Col("被收养人健康状况", "med", c.chs(["健康", "健康", "健康", "先天性心脏病", "唇腭裂", "脑瘫"], n)),
        Col("送养方", "orgq", c.chs(["成都市儿童福利院", "绵阳市社会福利院", "凉山州儿童福利院", "生父母"], n),
            note="mostly welfare institutions; '生父母' is a category, no name"),
        Col("收养人（男方）姓名", "name", [m.name for m in M]),
        Col("男方身份证号", "id", [m.id18 for m in M]),
        Col("收养人（女方）姓名", "name", [f.name for f in F]),
        Col("女方身份证号", "id", [f.id18 for f in F]),
        Col("外籍收养人护照号", "pass", [c.passport("foreign") if c.p(0.1) else None for _ in K], tags=("sparse",), note="intercountry adoption (涉外收养)"),
        Col("收养人婚姻状况", "mar", c.chs(["已婚", "已婚", "已婚", "离婚", "丧偶"], n)),
        Col("收养人家庭年收入", "inc", [c.ri(6, 40) * 10000 for _ in K]),
        Col("收养人住址", "addr", [c.home_addr(m.region) for m in M]),
        Col("登记日期", "date", [d(c.date(D0, D1)) for _ in K]),
        Col("登记机关", "orgq", [f"{REGIONS[m.region][0]}民政局" for m in M]),
        Col("收养登记证字号", "pid", [f"({c.ri(2021, 2026)})川收字第{c.ri(1, 9999)}号" for _ in K], note="adoption certificate number"),
    ]


@table("civil_marriage_registration_stats", "civilreg", "aggregate", "婚姻登记业务月度统计", "jsonl", 210)
def civ_marriage_stats(c, n):
    return [
        Col("e:stat_month", "bdate", [f"{c.ri(2022, 2026)}{c.ri(1, 12):02d}" for _ in range(n)]),
        Col("e:district", "oregion", [reg_name(c) for _ in range(n)]),
        Col("e:reg_type", "agg_mar", c.chs(["结婚登记", "离婚登记", "补领结婚证", "撤销婚姻"], n), note="registration type categories (rule 7, 9)"),
        Col("e:couples", "x", [c.ri(0, 1500) for _ in range(n)]),
        Col("e:avg_age_first_marriage", "x", [round(c.r.uniform(26, 32), 1) for _ in range(n)]),
        Col("e:foreign_related", "x", [c.ri(0, 12) for _ in range(n)]),
    ]


# ============================================================================ grid management
sector("grid", "基层治理（网格化）")


def grid_no(c, reg=None):
    reg = reg or c.ch(CHENGDU)
    return f"{reg}{c.ri(1, 20):03d}{c.ri(1, 30):03d}{c.ri(1, 40):03d}"


@table("grid_event_reports", "grid", "people", "网格事件上报记录", "csv", 1200, encoding="utf-8-sig", delimiter="|")
def grid_events(c, n):
    def text():
        nm, ph = c.cname(), c.mobile()
        return c.ch([
            f"{c.ch(['锦绣花园', '南苑小区', '金沙名城'])}{c.ri(1, 20)}栋住户{nm}反映楼上漏水，联系电话{ph}。",
            f"居民{nm}家门口堆放杂物占用消防通道，已劝导。",
            "路灯损坏两处，影响夜间出行。",
            f"独居老人{nm}（{c.ri(70, 95)}岁）近日未见出门，已联系其子女{c.cname()}。",
            "井盖缺失，已设置警示标志。",
        ])
    locs = [c.coord() for _ in range(n)]
    return [
        Col("事件编号", "x", [f"SJ{c.ri(10 ** 11, 10 ** 12 - 1)}" for _ in locs]),
        Col("网格编号", "x", [grid_no(c) for _ in locs], note="grid code"),
        Col("网格员", "name", [c.cname() for _ in locs]),
        Col("网格员电话", "phone", [c.mobile() for _ in locs]),
        Col("事件类型", "x", c.chs(["矛盾纠纷", "安全隐患", "市容环境", "特殊人群关爱", "设施损坏"], n)),
        Col("事件描述", "ft_p", [text() for _ in locs], tags=("free_text",), note="names and phones of residents (rule 14)"),
        Col("事件地点", "oaddr_q", [c.street_addr(detail=False) for _ in locs], note="incidental event place (rule 8)"),
        Col("上报经度", "oloc_q", [x[0] for x in locs], note="location of the event, not of a home"),
        Col("上报纬度", "oloc_q", [x[1] for x in locs]),
        Col("上报时间", "date", [c.dtime(D0, D1).strftime("%Y-%m-%d %H:%M:%S") for _ in locs]),
        Col("处置状态", "x", c.chs(["已办结", "处置中", "已派单"], n)),
        Col("处置部门", "org", c.chs(["街道综合执法队", "社区居委会", "城管中队", "物业公司"], n)),
    ]


@table("grid_rental_housing", "grid", "people", "出租房屋及承租人登记", "jsonl", 900)
def grid_rental(c, n):
    L_ = c.people(n, age=(30, 80))
    T = c.people(n, age=(18, 60))
    docs = [t.id18 if c.p(0.95) else c.passport("foreign") for t in T]
    return [
        Col("I:房东 姓名", "name", [x.name for x in L_]),
        Col("I:房东 电话", "phone", [c.ch(["手机：", "Tel:", "电话"]) + x.phone if c.p(0.12) else x.phone for x in L_], tags=("prefixed",)),
        Col("I:承租人 姓名", "name", [t.name if doc == t.id18 else c.foreign_name() for t, doc in zip(T, docs)]),
        Col("I:承租人 证件 号码", "id", docs, tags=("mixed_docs",), note="5% foreign passports"),
        Col("I:承租人 户籍地", "region", [REGIONS[t.region][0] + REGIONS[t.region][1] for t in T]),
        Col("I:出租 房屋 地址", "addr_s", [c.street_addr() for _ in T], note="the landlord's property (rule 4); also the tenant's home"),
        Col("I:月 租金", "inc", [c.ri(6, 45) * 100 for _ in T]),
        Col("I:入住 日期", "date", [d(c.date(D0, D1)) for _ in T]),
        Col("I:居住 人数", "x", [c.ri(1, 5) for _ in T]),
        Col("I:房屋 用途", "x", c.chs(["居住", "居住", "居住", "群租", "经营"], n)),
        Col("I:网格 编号", "x", [grid_no(c) for _ in T]),
    ]


# ============================================================================ public-security real-name registration
sector("security", "公安治安（特种行业）")
CAFES = ["网鱼网咖", "顺网电竞", "天府电竞馆", "极速网吧", "蓝海网络会所", "锦城网咖"]


@table("security_internet_cafe_logins", "security", "people", "网吧上网人员登记", "csv", 2500, encoding="gbk")
def sec_cafe(c, n):
    P = c.people(n, age=(18, 40))
    t0 = [c.dtime(dt.date(2026, 6, 1), D1) for _ in P]
    return [
        Col("ZJHM证件号码", "id", [p.id18 for p in P]),
        Col("XM姓名", "name", [p.name for p in P]),
        Col("ZJLX证件类型", "x", ["居民身份证"] * n),
        Col("网吧MC", "traj", [f"{c.ch(CAFES)}（{c.ch(['春熙路', '建设路', '双楠', '犀浦', '华阳'])}店）" for _ in P],
            note="venue of a person's stay, like a hotel (rule 8)"),
        Col("机器号PCNO", "x", [f"{c.ch('ABC')}{c.ri(1, 120):03d}" for _ in P], note="seat/machine number"),
        Col("上机SJ", "date", [t.strftime("%Y-%m-%d %H:%M:%S") for t in t0]),
        Col("下机SJ", "date", [(t + dt.timedelta(minutes=c.ri(20, 600))).strftime("%Y-%m-%d %H:%M:%S") for t in t0]),
        Col("消费JE", "inc", [round(c.r.uniform(3, 60), 1) for _ in P]),
        Col("国籍GJ", "xq", ["中国"] * n),
    ]


@table("security_hotel_premises", "security", "mixed", "旅馆业场所及治安负责人", "xlsx", 200)
def sec_hotels(c, n):
    regs = c.chs(list(REGIONS), n)
    return [
        Col("旅馆名称", "org", [f"{REGIONS[r][1]}{c.ch(['锦江', '天府', '蜀都', '如家', '汉庭', '全季'])}{c.ch(['宾馆', '酒店', '快捷酒店', '客栈'])}" for r in regs]),
        Col("特种行业许可证号", "x", [f"川公特旅字{r}{c.ri(1000, 9999)}号" for r in regs]),
        Col("地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("房间数", "x", [c.ri(10, 400) for _ in regs]),
        Col("床位数", "x", [c.ri(15, 700) for _ in regs]),
        Col("治安负责人", "name", [c.cname() for _ in regs]),
        Col("负责人手机", "phone", [c.mobile() for _ in regs]),
        Col("前台电话", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("旅业系统接入", "x", c.chs(["是", "是", "否"], n)),
        Col("星级", "x", c.chs(["无", "二星", "三星", "四星", "五星"], n)),
    ]


# ============================================================================ express delivery
sector("express", "邮政快递")
EXPRESS = ["顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "京东物流", "中国邮政EMS", "极兔速递"]


@table("express_waybill_records", "express", "people", "快递运单信息", "csv", 3000, delimiter=";")
def exp_waybills(c, n):
    S = c.people(n, age=(18, 75))
    R = c.people(n, age=(18, 75))
    t = [c.dtime(dt.date(2026, 1, 1), D1) for _ in S]
    return [
        Col("e:waybill_no", "x", [f"{c.ch(['SF', 'ZT', 'YT', 'JT', 'YD'])}{c.ri(10 ** 11, 10 ** 12 - 1)}" for _ in S]),
        Col("e:snd_name", "name", [s.name for s in S]),
        Col("e:snd_mob", "phone", [mask_phone(s.phone) if c.p(0.5) else s.phone for s in S], tags=("masked",)),
        Col("e:snd_addr", "addr", [c.street_addr(s.region) for s in S]),
        Col("e:rcv_name", "name", [r.name if c.p(0.8) else mask_name_mou(r.name, r.sex) for r in R]),
        Col("e:rcv_mob", "phone", [r.phone for r in R]),
        Col("e:rcv_addr", "addr", [c.home_addr(r.region) for r in R]),
        Col("e:item_desc", "x", c.chs(["文件", "衣物", "食品", "日用品", "电子产品", "书籍", "生鲜"], n)),
        Col("e:weight_kg", "x", [round(c.r.uniform(0.1, 25), 2) for _ in S]),
        Col("e:freight", "inc", [round(c.r.uniform(6, 120), 1) for _ in S], note="fare paid by the sender: personal transaction (rule 3)"),
        Col("e:outlet", "orgq", [f"{c.ch(EXPRESS)}{reg_name(c)}{c.ch(['营业部', '网点', '分部'])}" for _ in S]),
        Col("送件人", "name", [c.cname() for _ in S], note="courier (送件人): staff; Chinese header in an English export"),
        Col("e:courier_no", "pid", [f"{c.ri(10 ** 7, 10 ** 8 - 1)}" for _ in S], note="courier staff number"),
        Col("e:pickup_time", "date", [x.strftime("%Y-%m-%d %H:%M") for x in t]),
        Col("e:sign_time", "date", [(x + dt.timedelta(hours=c.ri(12, 96))).strftime("%Y-%m-%d %H:%M") for x in t]),
    ]


@table("express_outlet_directory", "express", "organisations", "快递末端网点备案信息", "parquet", 300)
def exp_outlets(c, n):
    brand = c.chs(EXPRESS, n)
    regs = c.chs(list(REGIONS), n)
    hot = {"顺丰速运": "95338", "中通快递": "95311", "圆通速递": "95554", "韵达快递": "95546", "申通快递": "95543",
           "京东物流": "950616", "中国邮政EMS": "11183", "极兔速递": "956025"}
    return [
        Col("网点名称", "org", [f"{b}{REGIONS[r][1]}{c.ch(['营业部', '服务站', '驿站'])}" for b, r in zip(brand, regs)]),
        Col("网点编码", "x", [f"{r[:4]}{c.ri(1000, 9999)}" for r in regs]),
        Col("所属企业", "org", [b + "有限公司" for b in brand]),
        Col("统一社会信用代码", "uscc", [c.uscc("91", r) for r in regs]),
        Col("地址", "oaddr", [c.street_addr(r, detail=False) for r in regs]),
        Col("经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("网点电话", "ophone", [c.landline(REGIONS[r][0]) for r in regs]),
        Col("客服热线", "ophone", [hot[b] for b in brand]),
        Col("营业时间", "x", c.chs(["8:00-20:00", "9:00-21:00", "全天"], n)),
    ]


# ============================================================================ ride-hailing
sector("ridehail", "交通运输（网约车）")
PLATFORMS = ["滴滴出行科技有限公司", "成都高德网约车平台", "曹操出行", "T3出行", "天府行"]


@table("ridehail_driver_permits", "ridehail", "people", "网络预约出租汽车驾驶员证核发信息", "xlsx", 500, title_row=True)
def rh_drivers(c, n):
    P = c.people(n, age=(23, 60))
    first = [c.date(dt.date(2000, 1, 1), dt.date(2022, 1, 1)) for _ in P]
    issue = [c.date(dt.date(2020, 1, 1), D1) for _ in P]
    return [
        Col("驾驶员姓名", "name", [p.name for p in P]),
        Col("网络预约出租汽车驾驶员证号", "id", [p.id18 for p in P], note="the certificate number is the resident ID (rule 10)"),
        Col("性别", "gender", [p.sex for p in P]),
        Col("出生日期", "dob", [d(p.dob) for p in P]),
        Col("准驾车型", "xq", c.chs(["C1", "C1", "C2", "B1", "A1"], n)),
        Col("初次领取驾驶证日期", "date", [d(x) for x in first]),
        Col("发证日期", "date", [d(x) for x in issue]),
        Col("有效期至", "date", [d(x + dt.timedelta(days=365 * 6)) for x in issue]),
        Col("车牌号码", "plate", [c.plate(REGIONS[p.region][0]) for p in P], note="private car of the driver"),
        Col("所属平台", "orgq", c.chs(PLATFORMS, n)),
        Col("手机号码", "phone", [p.phone for p in P]),
        Col("户籍", "region", [REGIONS[p.region][0] for p in P]),
    ]


@table("ridehail_trip_orders", "ridehail", "people", "网约车订单及轨迹起止点", "parquet", 3000)
def rh_orders(c, n):
    D = c.people(60, age=(23, 60))
    di = [c.ri(0, 59) for _ in range(n)]
    plates = [c.plate("成都市") for _ in D]
    pick = [traj_pair(c) for _ in range(n)]
    drop = [traj_pair(c, p) for p in pick]
    t = [c.dtime(dt.date(2026, 6, 1), D1) for _ in range(n)]
    return [
        Col("orderId", "x", [f"{c.ri(10 ** 15, 10 ** 16 - 1)}" for _ in range(n)]),
        Col("passengerMobile", "phone", [int(c.mobile()) for _ in range(n)], tags=("int",)),
        Col("driverLicenseNo", "id", [D[i].id18 for i in di], note="ride-hailing driver certificate = resident ID"),
        Col("plateNo", "plate", [plates[i] for i in di]),
        Col("pickupLng", "traj", [p[0] for p in pick], note="trajectory point (rule 8)"),
        Col("pickupLat", "traj", [p[1] for p in pick]),
        Col("dropoffLng", "traj", [p[0] for p in drop]),
        Col("dropoffLat", "traj", [p[1] for p in drop]),
        Col("pickupTime", "date", [x.strftime("%Y-%m-%d %H:%M:%S") for x in t]),
        Col("dropoffTime", "date", [(x + dt.timedelta(minutes=c.ri(5, 70))).strftime("%Y-%m-%d %H:%M:%S") for x in t]),
        Col("distanceKm", "x", [round(c.r.uniform(1, 35), 1) for _ in t]),
        Col("fareAmount", "inc", [round(c.r.uniform(9, 120), 2) for _ in t], note="fare (rule 3)"),
        Col("payChannel", "x", c.chs(["微信", "支付宝", "银联", "企业支付"], n)),
        Col("platformName", "orgq", c.chs(PLATFORMS, n)),
    ]


# ============================================================================ bike sharing
sector("bikeshare", "城市管理（共享单车）")


@table("bikeshare_trip_records", "bikeshare", "people", "共享单车骑行记录", "jsonl", 3000)
def bike_trips(c, n):
    users = [c.faker("en_US").hexify("^^^^^^^^^^^^^^^^") for _ in range(400)]
    ui = [c.ri(0, 399) for _ in range(n)]
    a = [traj_pair(c) for _ in range(n)]
    b = [traj_pair(c, x) for x in a]
    t = [c.dtime(dt.date(2026, 8, 1), D1) for _ in range(n)]
    mins = [c.ri(2, 75) for _ in range(n)]
    return [
        Col("e:user_id", "pid", [users[i] for i in ui], note="app user id"),
        Col("e:bike_no", "x", [f"{c.ri(10 ** 9, 10 ** 10 - 1)}" for _ in ui], note="shared bike number"),
        Col("e:unlock_lng", "traj", [x[0] for x in a]),
        Col("e:unlock_lat", "traj", [x[1] for x in a]),
        Col("e:lock_lng", "traj", [x[0] for x in b]),
        Col("e:lock_lat", "traj", [x[1] for x in b]),
        Col("e:unlock_time", "date", [x.isoformat(sep=" ") for x in t]),
        Col("e:lock_time", "date", [(x + dt.timedelta(minutes=m)).isoformat(sep=" ") for x, m in zip(t, mins)]),
        Col("e:ride_minutes", "x", mins),
        Col("e:fee", "inc", [round(1.5 * (1 + m // 15), 1) for m in mins]),
        Col("e:operator", "orgq", c.chs(["美团单车", "哈啰单车", "青桔单车"], n)),
    ]


@table("bikeshare_parking_zones", "bikeshare", "organisations", "共享单车停放区设置", "csv", 400, delimiter="\t")
def bike_zones(c, n):
    regs = c.chs(CHENGDU, n)
    from v5lib import STREETS

    return [
        Col("停放区编号", "x", [f"TF{r[-2:]}{c.ri(10000, 99999)}" for r in regs]),
        Col("所在道路", "x", [f"{c.ch(STREETS)}（{c.ch(STREETS)}至{c.ch(STREETS)}段）" for _ in regs], note="road section"),
        Col("区县", "oregion", [REGIONS[r][1] for r in regs]),
        Col("中心经度", "oloc", [c.coord()[0] for _ in regs]),
        Col("中心纬度", "oloc", [c.coord()[1] for _ in regs]),
        Col("容量", "x", [c.ri(10, 200) for _ in regs]),
        Col("日均停放量", "x", [c.ri(0, 400) for _ in regs]),
        Col("管理单位", "org", [f"{REGIONS[r][1]}城市管理局" for r in regs]),
        Col("监督电话", "ophone", [c.landline() if c.p(0.7) else "12319" for _ in regs]),
    ]
