"""Value generators of the v8 set, addressed by a short spec: ``kind[:arg...][|modifier...]``.

Person kinds read the table's person frame (row i = person i), so a row's name, sex, birth date,
ID number and phone agree. Modifiers: sparse / half (nulls), ph (placeholders), fw (full-width
digits on part of the rows), dirty (stray spaces / trailing tabs), int (numbers as integers).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lib8 import (
    CRIMES,
    DEPTS,
    DIAG,
    DISAB,
    DRUGS,
    EDU,
    FAITH_VENUES,
    FW,
    HOSP,
    HOTELS,
    INDUSTRY,
    MARITAL,
    OCCUP,
    POLITICS,
    REGIONS,
    RELIGIONS,
    STATIONS,
    STREETS,
    TODAY,
    TOLLS,
    VIOL,
    Ctx,
    fmt_date,
    id_check,
    mask_id,
    mask_name,
    mask_phone,
)

ETH_CODE = {
    "汉族": "01",
    "蒙古族": "02",
    "回族": "03",
    "苗族": "06",
    "壮族": "08",
    "朝鲜族": "10",
    "满族": "11",
    "侗族": "12",
    "瑶族": "13",
    "白族": "14",
    "土家族": "15",
    "畲族": "22",
    "达斡尔族": "31",
    "鄂伦春族": "52",
    "赫哲族": "53",
}
TOWN_NAMES = [
    "石牌",
    "冼村",
    "五山",
    "沙河",
    "新安",
    "西乡",
    "南头",
    "蛇口",
    "东湖",
    "望城坡",
    "洞井",
    "左家塘",
    "新华",
    "太平",
    "哈西",
    "曲线",
    "大庆路",
    "新村",
    "北城",
    "城南",
]
KINDS_TAGS = {
    "name_m": ["masked"],
    "id_m": ["masked"],
    "mob_m": ["masked"],
    "card_m": ["masked"],
    "addr_m": ["masked"],
    "mob_int": ["int"],
    "id15": ["legacy15"],
    "id_sp": ["spaced"],
    "card_sp": ["spaced"],
    "id_x": ["lowercase_x"],
    "id_docs": ["mixed_docs"],
    "id_xl": ["dirty"],
    "id_pre": ["prefixed"],
    "acct": ["account_no"],
    "mob_86": ["mixed_formats"],
    "id_cert": ["cert_suffix"],
}
MOD_TAGS = {
    "sparse": "sparse",
    "half": "sparse",
    "ph": "placeholder",
    "fw": "fullwidth",
    "dirty": "dirty",
    "empty": "empty",
}


def _seq(c: Ctx, fn: Any) -> list[Any]:
    return [fn(i, p) for i, p in enumerate(c.P)]


def _ev_date(c: Ctx, y0: int, y1: int) -> dt.date:
    hi = min(dt.date(y1, 12, 31), TODAY)
    return c.date_between(dt.date(y0, 1, 1), hi)


def _dtime(c: Ctx, d: dt.date) -> str:
    return f"{d:%Y-%m-%d} {c.r.randint(0, 23):02d}:{c.r.randint(0, 59):02d}:{c.r.randint(0, 59):02d}"


def town(c: Ctx, reg: str) -> str:
    return REGIONS[reg][2] + c.r.choice(TOWN_NAMES) + "街道"


def community(c: Ctx) -> str:
    return c.r.choice(TOWN_NAMES) + c.r.choice(["社区", "居委会", "村委会", "社区居委会"])


def texts(c: Ctx, kind: str, i: int, p: dict[str, Any]) -> str | None:
    r = c.r
    if kind == "petition":
        other = c.name()
        k = r.random()
        if k < 0.3:
            return f"来访人{p['name']}（电话{p['mob']}）反映：其居住的{p['addr']}楼上住户{other}长期漏水，多次协调未果，要求相关部门处理。"
        if k < 0.55:
            return f"{p['name']}称其在{c.org_name()}务工期间被拖欠工资{r.randint(3, 40) * 1000}元，请求帮助追讨，联系电话{p['mob']}。"
        if k < 0.7:
            return f"信访人反映其父亲{other}患{r.choice(DIAG)[1]}住院，申请医疗救助未获批准，身份证号{p['id']}。"
        if k < 0.85:
            return f"反映{REGIONS[p['reg']][2]}{r.choice(STREETS)}夜间施工噪音扰民，要求限制施工时间。"
        return f"群众来信反映征地补偿标准偏低，涉及{r.randint(3, 60)}户，要求公开补偿方案。"
    if kind == "hotline":
        k = r.random()
        if k < 0.45:
            return f"市民{p['name'][0]}{'先生' if p['sex'] == '1' else '女士'}来电反映，{p['addr']}附近垃圾清运不及时，请处理。回访电话{p['mob']}。"
        if k < 0.7:
            return f"来电人反映在{c.org_name()}购买的商品存在质量问题，商家拒绝退货，诉求退款{r.randint(100, 9000)}元。"
        if k < 0.8:
            return f"来电人称家中老人患{r.choice(['阿尔茨海默病', '脑梗后遗症', '尿毒症', '精神分裂症'])}，咨询长期护理保险办理流程。"
        return f"咨询{r.choice(['社保卡补办', '公积金提取', '居住证办理', '新生儿落户', '医保异地备案'])}所需材料。"
    if kind == "remark":
        k = r.random()
        if k < 0.5:
            return None
        if k < 0.65:
            return f"联系人{c.name()} {c.mobile()}"
        if k < 0.8:
            return r.choice(["资料齐全", "已核实", "待补充材料", "复核通过", "退回重报", "系统迁移数据"])
        return f"户主{c.name()}，家庭成员{r.randint(2, 6)}人"
    if kind == "staffnote":
        return r.choice(
            [
                "材料齐全，同意受理",
                "经审核符合条件",
                "请于5个工作日内补正",
                "已电话告知结果",
                "现场核查无异常",
                "按程序转办",
                "已办结归档",
                "逾期未补正，不予受理",
                "数据来源：省平台",
            ]
        )
    if kind == "medrec":
        code, dx = r.choice(DIAG)
        return f"主诉反复{r.choice(['咳嗽', '头晕', '胸闷', '腹痛', '失眠'])}{r.randint(2, 30)}天，初步诊断：{dx}（{code}），予{r.choice(DRUGS)}治疗。"
    if kind == "judgment":
        return f"被告人{mask_name(p['name'], r, p['sex'])}犯{r.choice(CRIMES)}，判处有期徒刑{r.randint(6, 60)}个月，并处罚金{r.randint(1, 50) * 1000}元。"
    if kind == "members":
        return "；".join(
            f"{rel}:{c.name()}"
            for rel in r.sample(["配偶", "长子", "次子", "长女", "父亲", "母亲", "孙子"], r.randint(1, 4))
        )
    if kind == "accident":
        return f"{r.choice(['重型货车', '小型轿车', '电动自行车'])}与行人{mask_name(p['name'], r, p['sex'])}（{p['age']}岁）发生碰撞，致其{r.choice(['右腿骨折', '颅脑损伤', '多处软组织挫伤', '肋骨骨折'])}，已送医。"
    if kind == "farm":
        return f"东至{c.name()}承包地，西至村道，南至{c.name()}宅基地，北至水渠"
    if kind == "inspect":
        return r.choice(
            [
                "消防通道堵塞，责令当场整改",
                "应急照明损坏",
                "未建立安全生产台账",
                "特种作业人员未持证上岗",
                "危化品仓库标识不清",
                "无问题",
                "限期7日内整改",
                "配电箱未上锁",
            ]
        )
    if kind == "tour":
        return r.choice(
            [
                "游客反映景区停车收费不透明",
                "导游强迫购物，要求退费",
                "酒店卫生差",
                "门票价格与公示不符",
                "景区排队时间过长",
                "旅行社擅自变更行程",
            ]
        )
    if kind == "lost":
        if r.random() < 0.15:
            return f"拾得居民身份证一张，姓名{p['name']}，号码{p['id']}"
        return r.choice(
            [
                "黑色双肩包一个，内有笔记本电脑",
                "钱包一个，内有现金若干",
                "钥匙一串",
                "手机一部（华为）",
                "雨伞一把",
                "银行卡两张（已剪角）",
                "儿童书包一个",
                "行李箱一个（蓝色）",
            ]
        )
    if kind == "mediation":
        return f"申请人{p['name']}与被申请人{c.name()}因{r.choice(['宅基地边界', '房屋漏水', '赡养老人', '交通事故赔偿', '借款'])}发生纠纷，经调解双方自愿达成协议。"
    raise KeyError(kind)


PY = dict(
    zip(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳",
        [
            "WANG",
            "LI",
            "ZHANG",
            "LIU",
            "CHEN",
            "YANG",
            "HUANG",
            "ZHAO",
            "WU",
            "ZHOU",
            "XU",
            "SUN",
            "MA",
            "ZHU",
            "HU",
            "GUO",
            "HE",
            "LIN",
            "LUO",
            "GAO",
            "ZHENG",
            "LIANG",
            "XIE",
            "SONG",
            "TANG",
            "XU",
            "HAN",
            "FENG",
            "DENG",
            "CAO",
            "PENG",
            "ZENG",
            "XIAO",
            "TIAN",
            "DONG",
            "YUAN",
            "PAN",
            "YU",
            "JIANG",
            "CAI",
            "YU",
            "DU",
            "YE",
            "CHENG",
            "SU",
            "WEI",
            "LV",
            "DING",
            "REN",
            "SHEN",
            "YAO",
            "LU",
            "JIANG",
            "CUI",
            "ZHONG",
            "TAN",
            "LU",
            "WANG",
            "FAN",
            "JIN",
            "SHI",
            "LIAO",
            "JIA",
            "XIA",
            "WEI",
            "FU",
            "FANG",
            "BAI",
            "ZOU",
            "MENG",
            "XIONG",
            "QIN",
            "QIU",
            "JIANG",
            "YIN",
            "XUE",
            "YAN",
            "DUAN",
            "LEI",
            "HOU",
            "LONG",
            "SHI",
            "TAO",
            "LI",
            "HE",
            "GU",
            "MAO",
            "HAO",
            "GONG",
            "SHAO",
            "WAN",
            "QIAN",
            "YAN",
            "QIN",
            "WU",
            "DAI",
            "MO",
            "KONG",
            "XIANG",
            "TANG",
            "OU",
            "YANG",
        ],
    )
)
GIVEN_PY = [
    "WEI",
    "FANG",
    "NA",
    "MIN",
    "JING",
    "LEI",
    "QIANG",
    "JUN",
    "YANG",
    "YONG",
    "YAN",
    "JIE",
    "TAO",
    "MING",
    "CHAO",
    "HUA",
    "HUI",
    "PING",
    "GANG",
    "DONG",
    "FEI",
    "YU",
    "HAO",
    "XIN",
]


def pinyin_name(name: str) -> str:
    """Surname spelt from a table, given name from a list keyed on the characters (a stand-in for pinyin)."""
    compound = {"欧阳": "OUYANG", "司马": "SIMA", "上官": "SHANGGUAN", "诸葛": "ZHUGE"}
    if name[:2] in compound:
        return f"{compound[name[:2]]}/" + "".join(GIVEN_PY[ord(ch) % len(GIVEN_PY)] for ch in name[2:])
    sur = PY.get(name[0], "LI")
    given = "".join(GIVEN_PY[ord(ch) % len(GIVEN_PY)] for ch in name[1:])
    return f"{sur}/{given}"


def gen(c: Ctx, spec: str) -> tuple[list[Any], list[str]]:
    """Return the values of one column and the value tags the spec plants."""
    parts = spec.split("|")
    head, mods = parts[0], parts[1:]
    a = head.split(":")
    k = a[0]
    r = c.r
    tags = list(KINDS_TAGS.get(k, []))
    v: list[Any]
    if k == "name":
        v = _seq(c, lambda i, p: p["name"])
    elif k == "name_m":
        v = _seq(c, lambda i, p: mask_name(p["name"], r, p["sex"]))
    elif k == "oname":  # another person (staff, doctor, guardian...) drawn from a small pool
        pool = [c.name() for _ in range(int(a[1]) if len(a) > 1 else 12)]
        v = [r.choice(pool) for _ in range(c.n)]
    elif k == "oname_m":
        v = [mask_name(c.name(), r, r.choice("12")) for _ in range(c.n)]
    elif k == "id":
        v = _seq(c, lambda i, p: p["id"])
    elif k == "id_m":
        v = _seq(c, lambda i, p: mask_id(p["id"], r))
    elif k == "id15":
        v = _seq(c, lambda i, p: p["id15"] if r.random() < 0.3 else p["id"])
    elif k == "id_sp":
        v = _seq(c, lambda i, p: f"{p['id'][:6]} {p['id'][6:14]} {p['id'][14:]}")
    elif k == "id_x":
        v = _seq(c, lambda i, p: p["id"].lower())
    elif k == "id_docs":
        v = _seq(c, lambda i, p: c.passport() if r.random() < 0.12 else p["id"])
    elif k == "id_xl":  # opened and saved in Excel: part of the numbers became floats
        v = _seq(
            c,
            lambda i, p: f"{int(p['id'][:17]) / 1e16:.5f}E+17" if r.random() < 0.35 and p["id"][-1] != "X" else p["id"],
        )
    elif k == "id_pre":
        v = _seq(c, lambda i, p: "身份证:" + p["id"] if r.random() < 0.6 else p["id"])
    elif k == "id_G":
        v = _seq(c, lambda i, p: "G" + p["id"])
    elif k == "id_cert":  # disability certificate: ID + category digit + grade digit
        v = _seq(c, lambda i, p: p["id"] + str(r.randint(1, 7)) + str(r.randint(1, 4)))
    elif k == "id_o":  # ID of another adult (spouse, mother...)
        v = [c.person((20, 60))["id"] for _ in range(c.n)]
    elif k == "name_org":  # party column: mostly persons, ~10% companies
        v = _seq(c, lambda i, p: c.org_name() if r.random() < 0.1 else p["name"])
    elif k == "orgmail":
        v = [
            r.choice(["office", "xxgk", "bgs", "zhb", "xzfw"])
            + "@"
            + r.choice(["gzedu.cn", "csedu.gov.cn", "hrbedu.cn", "szedu.gov.cn"])
            for _ in range(c.n)
        ]
    elif k == "recfile":
        v = _seq(c, lambda i, p: f"REC_{_ev_date(c, 2025, 2026):%Y%m%d}_{p['mob']}.wav")
    elif k == "photo":  # face photo reference
        v = [f"face/{r.randrange(16**12):012x}.jpg" for _ in range(c.n)]
    elif k == "feature":  # face feature template (base64-like), biometric
        import base64

        v = [base64.b64encode(bytes(r.randrange(256) for _ in range(48))).decode() for _ in range(c.n)]
    elif k == "card_xl":  # bank card opened in Excel: part of the numbers became floats
        tags.append("dirty")
        v = [
            f"{int(x) / 10 ** (len(x) - 1):.5f}E+{len(x) - 1}" if r.random() < 0.35 else x
            for x in (c.card() for _ in range(c.n))
        ]
    elif k == "fakemob":
        v = [r.choice(["13", "18"]) + f"{r.randrange(10**9):09d}" for _ in range(c.n)]
    elif k == "fakeid":  # region + date + 3 digits + a wrong check char
        v = []
        for _ in range(c.n):
            body = r.choice(c.regions) + f"{_ev_date(c, 2025, 2026):%Y%m%d}" + f"{r.randrange(1000):03d}"
            good = id_check(body)
            v.append(body + r.choice([d for d in "0123456789" if d != good]))
    elif k == "lanip":
        v = [f"192.168.{r.randint(0, 3)}.{r.randint(2, 254)}" for _ in range(c.n)]
    elif k == "xdoc":  # exit-entry documents: passports and travel permits
        v = [c.passport() if r.random() < 0.6 else r.choice("CCL") + f"{r.randrange(10**8):08d}" for _ in range(c.n)]
    elif k == "namepy":
        v = _seq(c, lambda i, p: pinyin_name(p["name"]))
    elif k == "vin":
        al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = ["L" + "".join(r.choice(al) for _ in range(16)) for _ in range(c.n)]
    elif k == "id_hash":  # identity number hashed (still a unique key of a person)
        import hashlib

        v = _seq(c, lambda i, p: hashlib.md5(p["id"].encode()).hexdigest())
    elif k == "dob":
        f = a[1] if len(a) > 1 else "iso"
        if f == "mixed":
            tags.append("mixed_formats")
            v = _seq(c, lambda i, p: fmt_date(p["dob"], r.choice(["iso", "cn", "compact", "slash", "dot"])))
        else:
            if f == "serial":
                tags.append("excel_serial")
            v = _seq(c, lambda i, p: fmt_date(p["dob"], f))
    elif k == "age":
        v = _seq(c, lambda i, p: p["age"])
    elif k == "ageband":
        v = _seq(c, lambda i, p: f"{p['age'] // 10 * 10}-{p['age'] // 10 * 10 + 9}岁")
    elif k == "sex":
        v = _seq(c, lambda i, p: "男" if p["sex"] == "1" else "女")
    elif k == "sexc":
        v = _seq(c, lambda i, p: p["sex"] if r.random() > 0.02 else r.choice("09"))
    elif k == "sexe":
        v = _seq(c, lambda i, p: "M" if p["sex"] == "1" else "F")
    elif k == "ethnic":
        v = _seq(c, lambda i, p: p["ethnic"])
    elif k == "ethcode":
        v = _seq(c, lambda i, p: ETH_CODE.get(p["ethnic"], "01"))
    elif k in ("edu", "marital", "occup", "politics", "religion"):
        src = {"edu": EDU, "marital": MARITAL, "occup": OCCUP, "politics": POLITICS, "religion": RELIGIONS}[k]
        v = [r.choice(src) for _ in range(c.n)]
    elif k == "mob":
        v = _seq(c, lambda i, p: p["mob"])
    elif k == "mob_int":
        v = _seq(c, lambda i, p: int(p["mob"]))
    elif k == "mob_m":
        v = _seq(c, lambda i, p: mask_phone(p["mob"]))
    elif k == "mob_86":
        v = _seq(
            c,
            lambda i, p: r.choice(
                [p["mob"], "+86 " + p["mob"], f"{p['mob'][:3]}-{p['mob'][3:7]}-{p['mob'][7:]}", "86" + p["mob"]]
            ),
        )
    elif k == "mob_mix":  # liaison phones: mostly mobiles, some office landlines
        v = _seq(c, lambda i, p: p["mob"] if r.random() < 0.7 else c.landline(p["reg"]))
    elif k == "omob":
        v = [c.mobile() for _ in range(c.n)]
    elif k == "addr":
        v = _seq(c, lambda i, p: p["addr"])
    elif k == "addr_m":
        v = _seq(c, lambda i, p: p["addr"][: p["addr"].find("区") + 1 if "区" in p["addr"] else 9] + "****")
    elif k == "addr_short":  # address without province and city
        v = _seq(c, lambda i, p: p["addr"].split("市", 1)[-1])
    elif k == "regcode":
        v = _seq(c, lambda i, p: p["reg"])
    elif k == "regname":
        v = _seq(c, lambda i, p: REGIONS[p["reg"]][2])
    elif k == "town":
        v = _seq(c, lambda i, p: town(c, p["reg"]))
    elif k == "community":
        v = [community(c) for _ in range(c.n)]
    elif k == "email":
        doms = ["qq.com", "163.com", "126.com", "sina.com", "139.com", "foxmail.com", "hotmail.com"]
        v = [
            (str(r.randint(10**7, 10**10)) if r.random() < 0.4 else c.fke.user_name()) + "@" + r.choice(doms)
            for _ in range(c.n)
        ]
    elif k == "ip":
        v = [c.fk.ipv4_public() for _ in range(c.n)]
    elif k == "plate":
        v = _seq(c, lambda i, p: c.plate(p["reg"]))
    elif k == "card":
        v = [c.card() for _ in range(c.n)]
    elif k == "card_sp":
        v = [" ".join(x[j : j + 4] for j in range(0, len(x), 4)) for x in (c.card() for _ in range(c.n))]
    elif k == "card_m":
        v = [x[:4] + " **** **** " + x[-4:] for x in (c.card(16) for _ in range(c.n))]
    elif k == "ccard":
        v = [c.card(16, ["625807", "622588", "438088", "524047", "628262"]) for _ in range(c.n)]
    elif k == "acct":
        v = [f"{r.choice(['1001', '2001', '4301', '2301'])}{r.randrange(10**8):08d}" for _ in range(c.n)]
    elif k == "passport":
        v = [c.passport() for _ in range(c.n)]
    elif k == "hkpermit":
        v = [r.choice(["C", "C", "L"]) + f"{r.randrange(10**8):08d}" for _ in range(c.n)]
    elif k == "pid":  # internal person identifier: prefix + digits, sequential-ish, unique
        pre, d = (a[1] if len(a) > 1 else ""), int(a[2]) if len(a) > 2 else 8
        base = r.randrange(10 ** (d - 1), 10**d - c.n * 7)
        v = [f"{pre}{base + i * r.randint(1, 5) + i:0{d}d}" for i in range(c.n)]
    elif k == "latlon":  # home / trajectory coordinates, 6 decimals
        v = [f"{r.uniform(22.5, 46.0):.6f},{r.uniform(110.0, 127.0):.6f}" for _ in range(c.n)]
    elif k in ("lat", "lon"):
        lo, hi = (22.5, 46.0) if k == "lat" else (110.0, 127.0)
        v = [round(r.uniform(lo, hi), int(a[1]) if len(a) > 1 else 6) for _ in range(c.n)]
    # ---- organisations, codes, events
    elif k == "org":
        pool = [c.org_name() for _ in range(max(8, c.n // 3))]
        v = [r.choice(pool) for _ in range(c.n)] if len(a) > 1 else [c.org_name() for _ in range(c.n)]
    elif k == "uscc":
        v = [c.uscc(a[1] if len(a) > 1 else r.choice(["91", "91", "91", "92", "12", "52"])) for _ in range(c.n)]
    elif k == "orgaddr":
        v = [c.org_address() for _ in range(c.n)]
    elif k == "tel":
        v = [c.landline() for _ in range(c.n)]
    elif k == "hotline":
        v = [
            r.choice(
                [
                    "12345",
                    "12315",
                    "12366",
                    "12333",
                    "400-" + str(r.randint(600, 899)) + "-" + str(r.randint(1000, 9999)),
                    "95598",
                    "12328",
                ]
            )
            for _ in range(c.n)
        ]
    elif k == "enum":
        opts = a[1].split(",")
        v = [r.choice(opts) for _ in range(c.n)]
    elif k == "const":
        v = [a[1]] * c.n
    elif k == "int":
        v = [r.randint(int(a[1]), int(a[2])) for _ in range(c.n)]
    elif k == "money":
        v = [round(r.uniform(float(a[1]), float(a[2])), 2) for _ in range(c.n)]
    elif k == "moneystr":
        v = [f"{r.uniform(float(a[1]), float(a[2])):,.2f}" for _ in range(c.n)]
    elif k == "float":
        v = [round(r.uniform(float(a[1]), float(a[2])), int(a[3])) for _ in range(c.n)]
    elif k == "date":
        f = a[3] if len(a) > 3 else "iso"
        ds = [_ev_date(c, int(a[1]), int(a[2])) for _ in range(c.n)]
        if f == "mixed":
            tags.append("mixed_formats")
            v = [fmt_date(d, r.choice(["iso", "cn", "compact", "slash", "dot", "us"])) for d in ds]
        elif f == "dt":
            v = [_dtime(c, d) for d in ds]
        else:
            if f == "serial":
                tags.append("excel_serial")
            v = [fmt_date(d, f) for d in ds]
    elif k == "serial":  # event serial: prefix + date + sequence
        d = int(a[2]) if len(a) > 2 else 6
        v = [f"{a[1]}{_ev_date(c, 2023, 2026):%Y%m%d}{r.randrange(10**d):0{d}d}" for _ in range(c.n)]
    elif k == "seq":
        d = int(a[2]) if len(a) > 2 else 6
        v = [f"{a[1]}{i + 1:0{d}d}" for i in range(c.n)]
    elif k == "caseno":
        kinds = a[1].split(",") if len(a) > 1 else ["民初"]
        v = [
            f"（{r.randint(2021, 2026)}）{r.choice(['粤', '湘', '黑'])}{r.choice(['0104', '0305', '0102', '0111', '0103', '0602'])}{r.choice(kinds)}{r.randint(1, 19999)}号"
            for _ in range(c.n)
        ]
    elif k == "wenhao":  # document number of an agency
        v = [
            f"{r.choice(['穗', '深', '长', '哈', '岳', '佛'])}{a[1]}〔{r.randint(2020, 2026)}〕{r.randint(1, 300)}号"
            for _ in range(c.n)
        ]
    elif k == "indcode":
        v = [r.choice(INDUSTRY)[0] for _ in range(c.n)]
    elif k == "indname":
        v = [r.choice(INDUSTRY)[1] for _ in range(c.n)]
    elif k == "rcode":
        v = [r.choice(c.regions) for _ in range(c.n)]
    elif k == "rname":
        v = [REGIONS[r.choice(c.regions)][2] for _ in range(c.n)]
    elif k == "rtown":
        v = [town(c, r.choice(c.regions)) for _ in range(c.n)]
    elif k == "diag":
        v = [r.choice(DIAG)[1] for _ in range(c.n)]
    elif k == "icd":
        v = [r.choice(DIAG)[0] for _ in range(c.n)]
    elif k == "drug":
        v = [r.choice(DRUGS) for _ in range(c.n)]
    elif k == "dept":
        v = [r.choice(DEPTS) for _ in range(c.n)]
    elif k == "hosp":
        v = [r.choice(HOSP) for _ in range(c.n)]
    elif k == "disab":
        v = [r.choice(DISAB) for _ in range(c.n)]
    elif k == "crime":
        v = [r.choice(CRIMES) for _ in range(c.n)]
    elif k == "viol":
        v = [r.choice(VIOL) for _ in range(c.n)]
    elif k == "hotel":
        v = [r.choice(HOTELS) for _ in range(c.n)]
    elif k == "station":
        v = [r.choice(STATIONS) for _ in range(c.n)]
    elif k == "toll":
        v = [r.choice(TOLLS) for _ in range(c.n)]
    elif k == "venue":
        v = [r.choice(FAITH_VENUES)[0] for _ in range(c.n)]
    elif k == "txt":
        tags.append("free_text")
        v = _seq(c, lambda i, p: texts(c, a[1], i, p))
    else:
        raise KeyError(k)
    for m in mods:
        if m in ("sparse", "half"):
            keep = 0.12 if m == "sparse" else 0.5
            v = [x if r.random() < keep else None for x in v]
        elif m == "ph":
            v = [r.choice(["无", "-", "NULL", "/", "不详"]) if r.random() < 0.1 else x for x in v]
        elif m == "fw":
            v = [str(x).translate(FW) if x is not None and r.random() < 0.4 else x for x in v]
        elif m == "dirty":
            v = [
                (" " + str(x) if r.random() < 0.3 else str(x) + r.choice(["\t", " ", ""])) if x is not None else x
                for x in v
            ]
        elif m == "str":
            v = [None if x is None else str(x) for x in v]
        elif m == "empty":
            v = [None] * len(v)
        else:
            raise KeyError(m)
        if m in MOD_TAGS:
            tags.append(MOD_TAGS[m])
    return v, sorted(set(tags))
