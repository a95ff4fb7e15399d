"""Core of the v5 tuning set: check digits, seeded values, label shorthands, writers.

Only the standard library, numpy, pyarrow and faker are used. Nothing here imports project code.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

HERE = Path(__file__).resolve().parent
REF = dt.date(2026, 11, 30)  # "today" of the data: no event or birth after this day

# --------------------------------------------------------------------------- check digits

ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_C = "10X98765432"
USCC_CS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body17: str) -> str:
    """GB 11643 check character of a 17-digit body."""
    return ID_C[sum(int(d) * w for d, w in zip(body17, ID_W)) % 11]


def id_valid(s: str) -> bool:
    s = s.upper()
    if len(s) == 15 and s.isdigit():
        try:
            dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
        except ValueError:
            return False
        return True
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        born = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return born <= REF and born.year >= 1900 and id_check(s[:17]) == s[17]


def org_code_check(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation-code body."""
    v = sum((int(ch) if ch.isdigit() else ord(ch) - 55) * w for ch, w in zip(body8, ORG_W))
    c = 11 - v % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc_check(body17: str) -> str:
    v = sum(USCC_CS.index(ch) * w for ch, w in zip(body17, USCC_W))
    return USCC_CS[(31 - v % 31) % 31]


def uscc_valid(s: str) -> bool:
    return len(s) == 18 and all(ch in USCC_CS for ch in s) and uscc_check(s[:17]) == s[17]


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(s: str) -> bool:
    return s.isdigit() and luhn_digit(s[:-1]) == s[-1]


PASSPORT_RES = {
    "cn_passport": re.compile(r"^(E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$"),
    "hk_macao_permit": re.compile(r"^C[A-HJ-NP-Z0-9]\d{7}$"),
    "tw_permit": re.compile(r"^T\d{8}$"),
    "home_return": re.compile(r"^[HM]\d{8}(\d{2})?$"),
    "taiwan_compat": re.compile(r"^\d{8}$"),
    "foreign": re.compile(r"^[A-Z0-9]{1,2}\d{6,8}$"),
}


def passport_valid(s: str) -> bool:
    return any(r.match(s) for r in PASSPORT_RES.values())


# --------------------------------------------------------------------------- vocabularies

# GB/T 2260 codes of Sichuan (current and a few retired ones, for older IDs).
REGIONS = {
    "510104": ("成都市", "锦江区"), "510105": ("成都市", "青羊区"), "510106": ("成都市", "金牛区"),
    "510107": ("成都市", "武侯区"), "510108": ("成都市", "成华区"), "510112": ("成都市", "龙泉驿区"),
    "510113": ("成都市", "青白江区"), "510114": ("成都市", "新都区"), "510115": ("成都市", "温江区"),
    "510116": ("成都市", "双流区"), "510117": ("成都市", "郫都区"), "510121": ("成都市", "金堂县"),
    "510129": ("成都市", "大邑县"), "510131": ("成都市", "蒲江县"), "510181": ("成都市", "都江堰市"),
    "510182": ("成都市", "彭州市"), "510183": ("成都市", "邛崃市"), "510185": ("成都市", "简阳市"),
    "510302": ("自贡市", "自流井区"), "510402": ("攀枝花市", "东区"), "510502": ("泸州市", "江阳区"),
    "510603": ("德阳市", "旌阳区"), "510703": ("绵阳市", "涪城区"), "510704": ("绵阳市", "游仙区"),
    "510802": ("广元市", "利州区"), "510903": ("遂宁市", "船山区"), "511002": ("内江市", "市中区"),
    "511102": ("乐山市", "市中区"), "511302": ("南充市", "顺庆区"), "511402": ("眉山市", "东坡区"),
    "511502": ("宜宾市", "翠屏区"), "511602": ("广安市", "广安区"), "511702": ("达州市", "通川区"),
    "511802": ("雅安市", "雨城区"), "511902": ("巴中市", "巴州区"), "512002": ("资阳市", "雁江区"),
    "513201": ("阿坝藏族羌族自治州", "马尔康市"), "513301": ("甘孜藏族自治州", "康定市"),
    "513401": ("凉山彝族自治州", "西昌市"), "513431": ("凉山彝族自治州", "昭觉县"),
    "513432": ("凉山彝族自治州", "喜德县"), "513436": ("凉山彝族自治州", "美姑县"),
}
RETIRED = ["510122", "510124", "512501", "513101", "513400"]  # 双流县, 郫县, 老内江地区码, 雅安地区, 凉山州本级
CITY_OF = {c: v[0] for c, v in REGIONS.items()}
LANDLINE = {"成都市": "028", "自贡市": "0813", "攀枝花市": "0812", "泸州市": "0830", "德阳市": "0838",
            "绵阳市": "0816", "广元市": "0839", "遂宁市": "0825", "内江市": "0832", "乐山市": "0833",
            "南充市": "0817", "眉山市": "028", "宜宾市": "0831", "广安市": "0826", "达州市": "0818",
            "雅安市": "0835", "巴中市": "0827", "资阳市": "028", "阿坝藏族羌族自治州": "0837",
            "甘孜藏族自治州": "0836", "凉山彝族自治州": "0834"}
PLATE_OF = {"成都市": "川A", "绵阳市": "川B", "自贡市": "川C", "攀枝花市": "川D", "泸州市": "川E",
            "德阳市": "川F", "广元市": "川H", "遂宁市": "川J", "内江市": "川K", "乐山市": "川L",
            "资阳市": "川M", "宜宾市": "川Q", "南充市": "川R", "达州市": "川S", "雅安市": "川T",
            "阿坝藏族羌族自治州": "川U", "甘孜藏族自治州": "川V", "凉山彝族自治州": "川W",
            "广安市": "川X", "巴中市": "川Y", "眉山市": "川Z"}
CHENGDU = [c for c in REGIONS if c.startswith("5101")]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
            "顾毛郝龚邵万钱严覃武戴莫孔向汤敬蒲冉税母苟")
SURNAME_W = [max(1, 40 - i // 3) for i in range(len(SURNAMES))]
GIVEN_M = "伟强磊军勇杰涛斌波辉刚健明超亮俊峰鹏宇浩凯华平兵林东成志建国文龙海鑫雷洪川蜀渝锐毅"
GIVEN_F = "芳娜敏静丽艳娟霞秀英玲燕红梅琳雪莉婷颖倩萍琴慧蓉兰洁佳瑶欣悦蕾茜露晶丹月雯琼"
GIVEN_X = "子一思梓雨欣诗浩宇嘉晨家俊佳怡可奕语沐云"
YI_NAMES = ["阿苦日沙", "吉克曲布", "沙马伍呷", "阿牛木呷", "俄底拉哈", "吉伍阿呷", "曲比阿果", "马海木呷",
            "海来拉且", "阿西阿呷", "勒格尔古", "吉克石布", "苏呷伍各", "俄木阿呷", "阿说日体", "瓦其尔哈"]
ZANG_NAMES = ["扎西多吉", "次仁卓玛", "格桑拉姆", "洛绒泽仁", "降央曲珍", "泽郎王清", "四郎措姆", "尼玛顿珠",
              "益西拉姆", "贡布泽仁", "央金卓玛", "丹增尼玛", "阿旺平措", "拥措", "德吉", "呷绒"]
QIANG_NAMES = ["余阿妹", "王木吉", "杨友花", "何阿牛", "陈羌林"]
ETHNICITIES = ["汉族"] * 80 + ["彝族"] * 8 + ["藏族"] * 5 + ["羌族", "回族", "苗族", "土家族", "蒙古族", "满族", "纳西族"]
STREETS = ["人民南路", "蜀都大道", "红星路", "天府大道", "一环路南三段", "二环路西一段", "科华北路", "玉林西路",
           "抚琴东路", "建设路", "府青路", "光华大道", "蜀汉路", "西大街", "东大街", "沙湾路", "长顺上街",
           "青龙街", "双林路", "新华大道", "万年场路", "龙舟路", "迎宾大道", "川藏路", "航空路", "解放路",
           "临江路", "滨江路", "顺城大街", "草市街"]
SUBDIST = ["街道", "镇", "乡"]
COMMUNITIES = ["桂溪", "玉林", "望江", "猛追湾", "驷马桥", "白莲池", "金沙", "浆洗街", "簇桥", "石羊", "永丰",
               "华阳", "东升", "犀浦", "柳城", "大田坎", "双桥子", "草堂", "少城", "府南", "火车南站", "合江亭"]
ESTATES = ["锦绣花园", "蓝光·coco时代", "万科城市花园", "保利心语", "中海国际社区", "南苑小区", "金沙名城",
           "龙湖时代天街", "华润二十四城", "翡翠城", "天府长城", "东方花园", "棕榈泉", "紫荆小区", "凯德风尚"]
HOSPITALS = ["四川大学华西医院", "四川省人民医院", "成都市第一人民医院", "成都市第三人民医院", "成都市妇女儿童中心医院",
             "绵阳市中心医院", "西南医科大学附属医院", "川北医学院附属医院", "凉山州第一人民医院", "德阳市人民医院",
             "成都市第四人民医院", "四川省精神卫生中心", "成都市公共卫生临床医疗中心", "武侯区人民医院", "金牛区妇幼保健院"]
BANKS = ["中国工商银行成都分行", "中国农业银行四川省分行", "中国建设银行成都第一支行", "中国银行成都锦江支行",
         "四川农村信用社", "成都银行", "中国邮政储蓄银行成都市分行", "四川天府银行", "乐山市商业银行"]
CARD_BINS = ["622202", "621226", "622848", "621700", "623668", "621098", "622908", "622188", "621483", "623501"]
CREDIT_BINS = ["622588", "625802", "438088", "524091", "356833", "404119", "622155"]
COMPANY_WORDS = ["天府", "锦城", "蜀道", "川渝", "峨眉", "青城", "巴蜀", "西岭", "金沙", "锦江", "岷江", "嘉陵",
                 "龙泉", "雪山", "九寨", "熊猫", "芙蓉", "望江", "星辰", "宏远", "鼎盛", "恒通", "利民", "益康"]
COMPANY_TRADES = ["科技", "建设工程", "物流", "餐饮管理", "医药", "商贸", "物业服务", "环保科技", "农业开发",
                  "信息技术", "建材", "劳务", "文化传媒", "食品", "汽车服务", "能源", "教育咨询", "电子"]
COMPANY_TAILS = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]
ICD = [("I10", "原发性高血压"), ("E11.9", "2型糖尿病"), ("J18.9", "肺炎"), ("K29.7", "胃炎"), ("N18.5", "慢性肾脏病5期"),
       ("C34.9", "肺恶性肿瘤"), ("C50.9", "乳腺恶性肿瘤"), ("C53.9", "宫颈恶性肿瘤"), ("B18.1", "慢性乙型病毒性肝炎"),
       ("A15.0", "肺结核"), ("F20.9", "精神分裂症"), ("F31.9", "双相情感障碍"), ("F32.9", "抑郁发作"),
       ("G40.9", "癫痫"), ("I63.9", "脑梗死"), ("M54.5", "腰痛"), ("O24.4", "妊娠期糖尿病"), ("O13", "妊娠期高血压"),
       ("A53.9", "梅毒"), ("B20", "艾滋病"), ("B08.4", "手足口病"), ("J10.1", "流行性感冒"), ("F10.2", "酒精依赖综合征"),
       ("F11.2", "阿片类物质依赖综合征"), ("H90.3", "双侧感音神经性聋"), ("Q90.9", "唐氏综合征")]
DRUGS = ["二甲双胍片", "硝苯地平缓释片", "阿托伐他汀钙片", "利培酮片", "奥氮平片", "丙戊酸钠缓释片", "碳酸锂片",
         "舍曲林片", "阿莫西林胶囊", "美沙酮口服液", "恩替卡韦片", "异烟肼片", "胰岛素注射液", "氯氮平片", "阿司匹林肠溶片"]
ALLERGIES = ["青霉素", "头孢类", "磺胺类", "花粉", "海鲜", "无", "无", "无", "碘造影剂", "芒果"]
CRIMES = ["盗窃罪", "诈骗罪", "故意伤害罪", "危险驾驶罪", "交通肇事罪", "贩卖毒品罪", "寻衅滋事罪", "非法吸收公众存款罪",
          "帮助信息网络犯罪活动罪", "聚众斗殴罪", "职务侵占罪", "开设赌场罪", "抢劫罪", "非法持有毒品罪"]
CIVIL_CAUSES = ["民间借贷纠纷", "离婚纠纷", "买卖合同纠纷", "机动车交通事故责任纠纷", "物业服务合同纠纷",
                "劳动争议", "房屋租赁合同纠纷", "金融借款合同纠纷", "继承纠纷", "赡养纠纷", "侵权责任纠纷"]
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "文盲或半文盲"]
OCC = ["农民", "工人", "个体经营者", "公司职员", "教师", "医务人员", "无业", "退休人员", "学生", "自由职业", "司机", "服务员"]
MARITAL = ["未婚", "已婚", "离婚", "丧偶"]
PLACEHOLDERS = ["无", "-", "/", "NULL", "不详", "未提供"]
FOREIGN_COUNTRIES = [("美国", "+1"), ("加拿大", "+1"), ("马来西亚", "+60"), ("新加坡", "+65"), ("泰国", "+66"),
                     ("澳大利亚", "+61"), ("英国", "+44"), ("印度尼西亚", "+62"), ("日本", "+81"), ("意大利", "+39")]
MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151", "152", "153",
                 "155", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "186", "187", "188",
                 "189", "191", "193", "198", "199"]
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


# --------------------------------------------------------------------------- labels

LAB = {
    "id": ("sensitive", "CN_RESIDENT_ID", "direct"),
    "pass": ("sensitive", "PASSPORT", "direct"),
    "card": ("sensitive", "BANK_CARD", "direct"),
    "cc": ("sensitive", "CREDIT_CARD", "direct"),
    "med": ("sensitive", "MEDICAL_CONDITION", "sensitive"),
    "rel": ("sensitive", "RELIGION", "sensitive"),
    "traj": ("sensitive", "PRECISE_LOCATION", "sensitive"),
    "homeloc": ("sensitive", "PRECISE_LOCATION", "direct"),
    "crime": ("sensitive", "CRIMINAL_RECORD", "sensitive"),
    "inc": ("sensitive", "PERSONAL_INCOME", "sensitive"),
    "sens": ("sensitive", None, "sensitive"),
    "ft_s": ("sensitive", "FREE_TEXT", "sensitive"),
    "addr_s": ("sensitive", "ADDRESS", "direct"),
    "name": ("personal", "PERSON_NAME", "direct"),
    "phone": ("personal", "PHONE_NUMBER", "direct"),
    "email": ("personal", "EMAIL", "direct"),
    "addr": ("personal", "ADDRESS", "direct"),
    "dob": ("personal", "DATE_OF_BIRTH", "quasi"),
    "plate": ("personal", "LICENSE_PLATE", "direct"),
    "ip": ("personal", "IP_ADDRESS", "direct"),
    "pid": ("personal", "PERSON_ID", "direct"),
    "pdirect": ("personal", None, "direct"),
    "case": ("personal", None, "quasi"),
    "ft_p": ("personal", "FREE_TEXT", "direct"),
    "gender": ("none", "GENDER", "quasi"),
    "age": ("none", "AGE", "quasi"),
    "eth": ("none", "ETHNICITY", "quasi"),
    "mar": ("none", "MARITAL_STATUS", "quasi"),
    "occ": ("none", "OCCUPATION", "quasi"),
    "edu": ("none", "EDUCATION", "quasi"),
    "region": ("none", "REGION", "quasi"),
    "date": ("none", "EVENT_DATE", "quasi"),
    "orgq": ("none", "ORG_NAME", "quasi"),
    "xq": ("none", None, "quasi"),
    # organisation-side / non-personal (role other)
    "bdate": ("none", "EVENT_DATE", "other"),
    "org": ("none", "ORG_NAME", "other"),
    "uscc": ("none", "USCC", "other"),
    "ophone": ("none", "PHONE_NUMBER", "other"),
    "oaddr": ("none", "ADDRESS", "other"),
    "oemail": ("none", "EMAIL", "other"),
    "oloc": ("none", "PRECISE_LOCATION", "other"),
    "oregion": ("none", "REGION", "other"),
    "x": ("none", None, "other"),
    "agg_med": ("none", "MEDICAL_CONDITION", "other"),
    "agg_crime": ("none", "CRIMINAL_RECORD", "other"),
    "agg_inc": ("none", "PERSONAL_INCOME", "other"),
    "agg_rel": ("none", "RELIGION", "other"),
    "agg_gender": ("none", "GENDER", "other"),
    "agg_age": ("none", "AGE", "other"),
    "agg_eth": ("none", "ETHNICITY", "other"),
    "agg_edu": ("none", "EDUCATION", "other"),
    "agg_occ": ("none", "OCCUPATION", "other"),
    "agg_mar": ("none", "MARITAL_STATUS", "other"),
    "ftx": ("none", "FREE_TEXT", "other"),
    "oaddr_q": ("none", "ADDRESS", "quasi"),
    "oloc_q": ("none", "PRECISE_LOCATION", "quasi"),
}

_PINYIN = json.loads((HERE / "pinyin.json").read_text(encoding="utf-8")) if (HERE / "pinyin.json").exists() else {}
OPAQUE_RE = re.compile(r"^(col_?\d+|COL\d+|F\d+|f\d+|zd\d+|ZD\d+|ATTR\d+|EXT_\d+|备用字段\d*|字段\d+|C\d{2,}|field\d+|ext\d+)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def resolve_name(spec: str) -> tuple[str, str]:
    """`I:姓名` -> ('xm', initials); `IU:` upper initials; `P:联系 电话` -> 'lianxi_dianhua';
    `PU:` upper pinyin; `i:`/`p:`/`e:`/`k:`/`m:`/`o:` give the style explicitly; bare names auto."""
    if ":" in spec[:3]:
        tag, rest = spec.split(":", 1)
        if tag in ("I", "IU", "P", "PU"):
            out = []
            for part in rest.split(" "):
                if CJK.search(part):
                    key = ("I:" if tag in ("I", "IU") else "P:") + part
                    if key not in _PINYIN:
                        raise KeyError(f"pinyin.json lacks {key}: run derive_pinyin.py")
                    out.append(_PINYIN[key])
                else:
                    out.append(part)
            name = "_".join(out)
            name = name.upper() if tag.endswith("U") else name
            return name, ("initials" if tag.startswith("I") else "pinyin")
        style = {"i": "initials", "p": "pinyin", "e": "english_snake", "k": "english_camel",
                 "m": "mixed", "o": "opaque", "c": "chinese"}[tag]
        return rest, style
    if OPAQUE_RE.match(spec):
        return spec, "opaque"
    has_cjk = bool(CJK.search(spec))
    if has_cjk and re.search(r"[A-Za-z]", spec):
        return spec, "mixed"
    if has_cjk:
        return spec, "chinese"
    if re.search(r"[a-z][A-Z]", spec) or re.match(r"^[A-Z][a-z]+[A-Z]", spec):
        return spec, "english_camel"
    raise ValueError(f"give the style of ascii column name {spec!r}")


@dataclass
class Col:
    name: str
    label: str | tuple
    values: list
    tags: tuple = ()
    note: str | None = None
    style: str = ""

    def __post_init__(self):
        self.name, self.style = resolve_name(self.name)


@dataclass
class Table:
    id: str
    sector: str
    kind: str
    title: str
    fmt: str
    cols: list
    encoding: str | None = None
    delimiter: str | None = None
    minors: bool = False
    title_row: bool = False
    note: str | None = None
    extra: dict = field(default_factory=dict)


SECTORS: dict[str, str] = {}
REGISTRY: dict[str, tuple] = {}


def sector(sid: str, cname: str):
    SECTORS[sid] = cname


def table(tid: str, sector_id: str, kind: str, title: str, fmt: str, rows: int, **kw):
    """Register a table function f(c, n) -> list[Col]."""

    def deco(fn):
        if tid in REGISTRY:
            raise ValueError(f"duplicate table id {tid}")
        REGISTRY[tid] = (fn, dict(sector=sector_id, kind=kind, title=title, fmt=fmt, rows=rows, **kw))
        return fn

    return deco


# --------------------------------------------------------------------------- context / values


@dataclass
class Person:
    name: str
    sex: str  # 男/女
    dob: dt.date
    region: str
    id18: str
    phone: str
    eth: str


class Ctx:
    def __init__(self, tid: str):
        digest = hashlib.sha256(("pubdata-eval/v5/" + tid).encode()).digest()
        self.seed = int.from_bytes(digest[:8], "big")
        self.r = random.Random(self.seed)
        self.np = np.random.default_rng(self.seed)
        self._fakers: dict = {}
        self.tid = tid

    # -- basics
    def ch(self, seq, w=None):
        return self.r.choices(seq, weights=w)[0] if w else self.r.choice(seq)

    def chs(self, seq, n, w=None):
        return [self.ch(seq, w) for _ in range(n)]

    def ri(self, a, b):
        return self.r.randint(a, b)

    def p(self, x):
        return self.r.random() < x

    def faker(self, locale):
        if locale not in self._fakers:
            from faker import Faker

            f = Faker(locale)
            f.seed_instance(self.seed % (2**31) + len(self._fakers))
            self._fakers[locale] = f
        return self._fakers[locale]

    def date(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.r.randint(0, (end - start).days))

    def dtime(self, start: dt.date, end: dt.date) -> dt.datetime:
        d = self.date(start, end)
        return dt.datetime(d.year, d.month, d.day, self.ri(6, 22), self.ri(0, 59), self.ri(0, 59))

    # -- names
    def cname(self, sex=None, eth="汉族"):
        sex = sex or self.ch("男女")
        if eth == "彝族":
            return self.ch(YI_NAMES)
        if eth == "藏族":
            return self.ch(ZANG_NAMES)
        if eth == "羌族" and self.p(0.5):
            return self.ch(QIANG_NAMES)
        s = self.r.choices(SURNAMES, weights=SURNAME_W)[0]
        if self.p(0.02):
            s = self.ch(["欧阳", "司马", "上官", "诸葛"])
        pool = GIVEN_M if sex == "男" else GIVEN_F
        g = self.ch(pool) if self.p(0.3) else self.ch(GIVEN_X + pool) + self.ch(pool)
        return s + g

    def foreign_name(self):
        f = self.faker("en_US")
        return f"{f.first_name()} {f.last_name()}"

    def pinyin_name(self, cn: str, style="upper"):
        """A romanised name from a small syllable table (used for English-name columns)."""
        sy = [self.ch(["ZHANG", "WANG", "LI", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "XU", "LUO"])]
        given = "".join(self.ch(["WEI", "FANG", "JING", "MING", "LI", "XIN", "YU", "HAO", "TING", "JUN", "LAN", "QIANG"])
                        for _ in range(self.ri(1, 2)))
        if style == "upper":
            return f"{sy[0]} {given}"
        return f"{given.title()} {sy[0].title()}"

    # -- persons
    def person(self, age=(18, 85), region=None, sex=None, eth=None, legacy15=False) -> Person:
        sex = sex or self.ch("男女")
        eth = eth or self.ch(ETHNICITIES)
        if region is None:
            if eth == "彝族":
                region = self.ch(["513401", "513431", "513432", "513436"])
            elif eth == "藏族":
                region = self.ch(["513301", "513201"])
            elif eth == "羌族":
                region = "513201"
            else:
                region = self.ch(CHENGDU) if self.p(0.55) else self.ch(list(REGIONS))
        a0, a1 = age
        start = dt.date(REF.year - a1 - 1, REF.month, 1) + dt.timedelta(days=1)
        end = dt.date(REF.year - a0, REF.month, 1) - dt.timedelta(days=1)
        dob = self.date(start, end)
        idregion = self.ch(RETIRED) if dob.year < 1990 and self.p(0.08) else region
        seq = self.ri(0, 99) * 10 + (self.ch([1, 3, 5, 7, 9]) if sex == "男" else self.ch([0, 2, 4, 6, 8]))
        body = f"{idregion}{dob:%Y%m%d}{seq:03d}"
        id18 = body + id_check(body)
        return Person(self.cname(sex, eth), sex, dob, region, id18, self.mobile(), eth)

    def people(self, n, **kw):
        return [self.person(**kw) for _ in range(n)]

    # -- identifiers
    def mobile(self):
        return self.ch(MOBILE_PREFIX) + f"{self.ri(0, 99999999):08d}"

    def landline(self, city="成都市"):
        code = LANDLINE.get(city, "028")
        return f"{code}-{self.ri(2, 8)}{self.ri(0, 9999999):07d}" if code == "028" else f"{code}-{self.ri(2, 8)}{self.ri(0, 999999):06d}"

    def id15(self, p: Person):
        return p.id18[:6] + p.id18[8:14] + p.id18[14:17]

    def card(self, bins=CARD_BINS, length=None):
        length = length or self.ch([16, 19, 19])
        body = self.ch(bins) + "".join(str(self.ri(0, 9)) for _ in range(length - 7))
        return body + luhn_digit(body)

    def credit(self):
        body = self.ch(CREDIT_BINS) + "".join(str(self.ri(0, 9)) for _ in range(9))
        return body + luhn_digit(body)

    def uscc(self, kind="91", region=None):
        region = region or self.ch(list(REGIONS))
        body8 = "".join(self.ch("0123456789ABCDEFGHJKLMNPQRTUWXY" if i < 2 and self.p(0.3) else "0123456789")
                        for i in range(8))
        b17 = kind + region + body8 + org_code_check(body8)
        return b17 + uscc_check(b17)

    def passport(self, kind="cn"):
        if kind == "cn":
            return self.ch(["E", "E", "G"]) + (f"{self.ri(0, 99999999):08d}" if self.p(0.6)
                                               else self.ch("ABCDEFGHJKLMN") + f"{self.ri(0, 9999999):07d}")
        if kind == "hk":
            return "C" + self.ch("ABCDEFGHJKLMN0123456789") + f"{self.ri(0, 9999999):07d}"
        if kind == "tw":
            return "T" + f"{self.ri(0, 99999999):08d}"
        if kind == "home":
            return self.ch("HM") + f"{self.ri(0, 99999999):08d}"
        # foreign machine-readable
        return self.ch(["", "", "K", "P", "X", "GB", "AU"]) + f"{self.ri(0, 99999999):08d}"

    def plate(self, city=None, nev=None):
        pre = PLATE_OF.get(city, "川A") if city else self.ch(list(PLATE_OF.values()), [40] + [3] * 20)
        nev = self.p(0.15) if nev is None else nev
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        if nev:
            return pre + self.ch("DF") + "".join(self.ch("0123456789" + letters[:6]) for _ in range(5))
        return pre + "".join(self.ch("0123456789" * 2 + letters) for _ in range(5))

    # -- places
    def street_addr(self, region=None, detail=True, prov=False):
        region = region or self.ch(CHENGDU)
        city, dist = REGIONS[region]
        s = (("四川省" if prov else "") + city + dist + self.ch(STREETS) + f"{self.ri(1, 399)}号")
        if detail:
            s += self.ch(["", f"{self.ri(1, 30)}栋", f"{self.ri(1, 12)}幢"]) + f"{self.ri(1, 4)}单元{self.ri(1, 32)}{self.ri(1, 8):02d}号"
        return s

    def village_addr(self, region=None):
        region = region or self.ch(list(REGIONS))
        city, dist = REGIONS[region]
        return f"{city}{dist}{self.ch(COMMUNITIES)}{self.ch(['镇', '乡'])}{self.ch(COMMUNITIES)}村{self.ri(1, 12)}组{self.ri(1, 99)}号"

    def home_addr(self, region=None):
        return self.street_addr(region) if self.p(0.7) else self.village_addr(region)

    def company(self, region=None):
        city = REGIONS[region][0] if region else self.ch(["四川", "成都", "成都", "绵阳", "德阳", "宜宾", "四川省"])
        return city.replace("市", "") + self.ch(COMPANY_WORDS) + self.ch(COMPANY_WORDS) + self.ch(COMPANY_TRADES) + self.ch(COMPANY_TAILS)

    def coord(self, region=None, prec=6):
        lat = 30.66 + self.r.uniform(-0.25, 0.25)
        lng = 104.06 + self.r.uniform(-0.3, 0.3)
        return round(lng, prec), round(lat, prec)

    def email(self, p: Person | None = None):
        user = self.ch(["zhang", "li", "wang", "chen", "liu", "xiao", "tian", "hu", "deng", "yang"]) + str(self.ri(1, 99999))
        return user + self.ch(["@qq.com", "@163.com", "@126.com", "@sina.com", "@foxmail.com", "@139.com", "@outlook.com"])

    def ip(self):
        return f"{self.ch([171, 182, 125, 118, 223, 110, 117, 61])}.{self.ri(0, 255)}.{self.ri(0, 255)}.{self.ri(1, 254)}"

    # -- value styles
    def maybe(self, values, null=0.0, placeholder=0.0, ph=None):
        out = []
        for v in values:
            x = self.r.random()
            if x < null:
                out.append(None)
            elif x < null + placeholder:
                out.append(self.ch(ph or PLACEHOLDERS))
            else:
                out.append(v)
        return out


# -- formatting helpers (pure)


def mask_id(s: str) -> str:
    return s[:6] + "*" * 8 + s[-4:] if len(s) == 18 else s[:6] + "******" + s[-3:]


def mask_id2(s: str) -> str:
    return s[:4] + "**********" + s[-4:]


def mask_phone(s: str) -> str:
    return s[:3] + "****" + s[-4:]


def mask_name(n: str) -> str:
    return n[0] + ("*" if len(n) == 2 else "*" * (len(n) - 1))


def mask_name_mou(n: str, sex: str | None = None) -> str:
    if sex:
        return n[0] + ("先生" if sex == "男" else "女士")
    return n[0] + "某" * (len(n) - 1 if len(n) <= 3 else 2)


def mask_card(s: str) -> str:
    return s[:4] + " **** **** " + s[-4:]


def fw(s: str) -> str:
    return s.translate(FULLWIDTH)


def d(x: dt.date, fmt="%Y-%m-%d") -> str:
    return x.strftime(fmt)


def excel_serial(x: dt.date) -> int:
    return (x - dt.date(1899, 12, 30)).days


def age_of(dob: dt.date, at: dt.date = REF) -> int:
    return at.year - dob.year - ((at.month, at.day) < (dob.month, dob.day))


def gb_sex(sex: str) -> str:
    return "1" if sex == "男" else "2"


# --------------------------------------------------------------------------- writers

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _cell_str(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v) if v != int(v) or abs(v) >= 1e15 else (f"{v:.2f}" if abs(v) < 1e9 else repr(v))
    return str(v)


def write_csv(path: Path, header, rows, encoding="utf-8", delimiter=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if encoding == "gbk" else "\n")
    w.writerow(header)
    for row in rows:
        w.writerow([_cell_str(v) for v in row])
    data = buf.getvalue().encode("gbk" if encoding == "gbk" else "utf-8")
    if encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def write_jsonl(path: Path, header, rows):
    lines = [json.dumps(dict(zip(header, row)), ensure_ascii=False, separators=(",", ":")) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def write_parquet(path: Path, header, columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = []
    for vals in columns:
        kinds = {type(v) for v in vals if v is not None}
        if kinds <= {int} and kinds:
            arr = pa.array(vals, type=pa.int64())
        elif kinds <= {int, float} and kinds:
            arr = pa.array([None if v is None else float(v) for v in vals], type=pa.float64())
        elif kinds <= {bool} and kinds:
            arr = pa.array(vals, type=pa.bool_())
        else:
            arr = pa.array([None if v is None else _cell_str(v) for v in vals], type=pa.string())
        arrays.append(arr)
    tbl = pa.Table.from_arrays(arrays, names=list(header))
    pq.write_table(tbl, str(path), compression="snappy", write_statistics=False)


def _col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path: Path, header, rows, title: str | None = None):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    all_rows = ([[title]] if title else []) + [list(header)] + [list(r) for r in rows]
    for ri, row in enumerate(all_rows, start=1):
        cells = []
        for ci, v in enumerate(row):
            if v is None:
                continue
            ref = f"{_col_letter(ci)}{ri}"
            if isinstance(v, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(v))}</t></is></c>')
        out.append(f'<row r="{ri}">{"".join(cells)}</row>')
    out.append("</sheetData>")
    if title:
        out.append(f'<mergeCells count="1"><mergeCell ref="A1:{_col_letter(len(header) - 1)}1"/></mergeCells>')
    out.append("</worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": "".join(out),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, text.encode("utf-8"))


# --------------------------------------------------------------------------- shared parsing (generate + check)

_DATE_RES = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def parse_date(v):
    if v is None:
        return None
    if isinstance(v, (dt.datetime, dt.date)):
        return v.date() if isinstance(v, dt.datetime) else v
    if isinstance(v, (int, float)) and 1000 < v < 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(v))
    s = str(v).strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    for r in _DATE_RES:
        m = r.match(s)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def norm_id(v) -> str:
    s = str(v).strip().strip("'").strip().translate(str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789XX"))
    return s.replace(" ", "").replace("-", "").upper()


def id_birth(s: str):
    s = norm_id(s)
    try:
        if len(s) == 18:
            return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
        if len(s) == 15:
            return dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
    except ValueError:
        return None
    return None


ID_IN_TEXT = re.compile(r"(?<!\d)(\d{17}[\dXx])(?!\d)")


def has_minor(col_labels, col_values) -> bool:
    """True when an ID, birth date or age column shows someone under 14 at REF."""
    for (entity, level), vals in zip(col_labels, col_values):
        for v in vals:
            if v is None or (isinstance(v, str) and ("*" in v or v.strip() in PLACEHOLDERS or not v.strip())):
                continue
            born = None
            if entity == "CN_RESIDENT_ID" and level != "none":
                s = norm_id(v)
                if len(s) in (15, 18) and s[:17].isdigit():
                    born = id_birth(s)
            elif entity == "DATE_OF_BIRTH":
                born = parse_date(v)
            elif entity == "AGE" and level == "none":
                try:
                    if int(str(v).rstrip("岁")) < 14:
                        return True
                except ValueError:
                    pass
            if born and age_of(born) < 14:
                return True
    return False
