"""v7 library: table registry, label shorthand, naming styles and seeded value generators.

Everything is synthetic. A table's values depend only on its id (seed) and the pinned
versions of faker / numpy. Nothing here imports project code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from faker import Faker

from checks import id_check_char, luhn_check_digit, org_check_char, uscc_check_char, ORG_CHARS

TODAY = dt.date(2026, 11, 30)
SEED_PREFIX = "pubdata-eval/v7/"

LEVELS = {"S": "sensitive", "P": "personal", "N": "none"}
ROLES = {"d": "direct", "q": "quasi", "s": "sensitive", "o": "other"}
ENTITIES = (
    "CN_RESIDENT_ID PASSPORT BANK_CARD CREDIT_CARD MEDICAL_CONDITION RELIGION PRECISE_LOCATION "
    "CRIMINAL_RECORD PERSONAL_INCOME PERSON_NAME PHONE_NUMBER EMAIL ADDRESS DATE_OF_BIRTH "
    "LICENSE_PLATE IP_ADDRESS PERSON_ID USCC ORG_NAME GENDER AGE ETHNICITY MARITAL_STATUS "
    "OCCUPATION EDUCATION REGION EVENT_DATE FREE_TEXT"
).split()
STYLES = ("chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque")
TAGS = (
    "masked sparse placeholder int free_text mixed_docs spaced fullwidth dirty lowercase_x legacy15 "
    "prefixed cert_suffix excel_serial mixed_formats account_no empty"
).split()
KINDS = ("people", "organisations", "mixed", "aggregate")

# --------------------------------------------------------------------------- registry


@dataclass
class Col:
    name: str
    label: str
    values: list[Any]
    tags: tuple[str, ...] = ()
    note: str | None = None
    style: str | None = None


@dataclass
class TableDef:
    id: str
    sector: str
    sector_name: str
    kind: str
    title: str
    fmt: str
    fn: Callable[..., list[Col]]
    rows: int
    encoding: str | None = None
    delimiter: str | None = None
    crlf: bool = False
    title_row: bool = False
    minors: bool = False
    ascii_style: str = "english_snake"
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


REGISTRY: dict[str, TableDef] = {}

SECTORS = {
    "natres": "自然资源和规划",
    "water": "水利",
    "agri": "农业农村",
    "forestry": "林业和草原",
    "ecoenv": "生态环境",
    "meteo": "气象",
    "commerce": "商务",
    "culture": "文化和旅游",
    "sports": "体育",
    "radiotv": "广播电视",
    "archives": "档案",
    "audit": "审计",
    "ethnic": "民族宗教",
    "women": "妇联",
    "redcross": "红十字会",
    "union": "总工会",
    "court": "法院执行",
    "petition": "信访",
    "grid": "网格化服务管理",
    "correction": "社区矫正",
    "fire": "应急和消防",
    "telecom": "通信管理",
    "post": "邮政管理",
    "customs": "海关",
    "market": "市场监管",
    "tax": "税务",
    "medins": "医疗保障",
    "hrss": "人力资源和社会保障",
    "health": "卫生健康",
    "edu": "教育",
    "civil": "民政",
    "veteran": "退役军人事务",
    "stats": "统计",
}


def table(
    tid: str,
    kind: str,
    title: str,
    fmt: str,
    rows: int,
    *,
    enc: str | None = None,
    delim: str | None = None,
    crlf: bool = False,
    title_row: bool = False,
    minors: bool = False,
    ascii_style: str = "english_snake",
    note: str | None = None,
) -> Callable[[Callable[..., list[Col]]], Callable[..., list[Col]]]:
    sector = tid.split("_", 1)[0]

    def deco(fn: Callable[..., list[Col]]) -> Callable[..., list[Col]]:
        assert tid not in REGISTRY, tid
        assert sector in SECTORS, sector
        assert kind in KINDS, kind
        if fmt == "csv":
            assert enc in ("utf-8", "utf-8-sig", "gbk") and delim in (",", ";", "|", "\t"), tid
        REGISTRY[tid] = TableDef(
            tid, sector, SECTORS[sector], kind, title, fmt, fn, rows, enc, delim, crlf, title_row,
            minors, ascii_style, note,
        )
        return fn

    return deco


def parse_label(label: str) -> tuple[str, str | None, str]:
    lv, ent, role = label.split("/")
    entity = None if ent == "-" else ent
    assert entity is None or entity in ENTITIES, label
    return LEVELS[lv], entity, ROLES[role]


_OPAQUE = re.compile(
    r"(col_?\d+|COL\d+|F\d+|f\d+|ZD\d+|zd\d+|C\d+|field_?\d+|FIELD\d+|ATTR\d+|EXT_?\d+|X\d+|"
    r"备用字段\d+|字段\d+|扩展\d+|BY\d+|RESERVE\d+)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def detect_style(name: str, ascii_default: str) -> str:
    if _OPAQUE.fullmatch(name):
        return "opaque"
    has_cjk = bool(_CJK.search(name))
    has_ascii = bool(re.search(r"[A-Za-z]", name))
    if has_cjk and has_ascii:
        return "mixed"
    if has_cjk:
        return "chinese"
    if re.search(r"[a-z][A-Z]", name):
        return "english_camel"
    return ascii_default


# --------------------------------------------------------------------------- vocabularies

CHENGDU = {
    "510104": ("锦江区", ["春熙路街道", "书院街街道", "合江亭街道", "牛市口街道", "督院街街道", "沙河街道"]),
    "510105": ("青羊区", ["草市街街道", "少城街道", "府南街道", "光华街道", "金沙街道", "苏坡街道"]),
    "510106": ("金牛区", ["驷马桥街道", "荷花池街道", "抚琴街道", "营门口街道", "西安路街道", "茶店子街道"]),
    "510107": ("武侯区", ["浆洗街街道", "玉林街道", "望江路街道", "红牌楼街道", "簇桥街道", "火车南站街道"]),
    "510108": ("成华区", ["猛追湾街道", "建设路街道", "府青路街道", "双桥子街道", "跳蹬河街道", "保和街道"]),
    "510112": ("龙泉驿区", ["龙泉街道", "大面街道", "十陵街道", "同安街道"]),
    "510114": ("新都区", ["新都街道", "大丰街道", "三河街道", "桂湖街道"]),
    "510115": ("温江区", ["柳城街道", "公平街道", "涌泉街道", "天府街道"]),
    "510116": ("双流区", ["东升街道", "西航港街道", "九江街道", "黄水镇"]),
    "510117": ("郫都区", ["郫筒街道", "犀浦街道", "红光街道", "安德街道"]),
}
COUNTIES = {
    **{k: v[0] for k, v in CHENGDU.items()},
    "510113": "青白江区", "510118": "新津区", "510121": "金堂县", "510129": "大邑县", "510131": "蒲江县",
    "510181": "都江堰市", "510182": "彭州市", "510183": "邛崃市", "510184": "崇州市", "510185": "简阳市",
    "510302": "自流井区", "510502": "江阳区", "510603": "旌阳区", "510703": "涪城区", "510802": "利州区",
    "511002": "市中区", "511102": "市中区", "511302": "顺庆区", "511402": "东坡区", "511502": "翠屏区",
    "511602": "广安区", "511702": "通川区", "511802": "雨城区", "511902": "巴州区", "512002": "雁江区",
    "513201": "马尔康市", "513301": "康定市", "513401": "西昌市",
}
CITY_OF = {
    "5101": "成都市", "5103": "自贡市", "5105": "泸州市", "5106": "德阳市", "5107": "绵阳市", "5108": "广元市",
    "5110": "内江市", "5111": "乐山市", "5113": "南充市", "5114": "眉山市", "5115": "宜宾市", "5116": "广安市",
    "5117": "达州市", "5118": "雅安市", "5119": "巴中市", "5120": "资阳市", "5132": "阿坝藏族羌族自治州",
    "5133": "甘孜藏族自治州", "5134": "凉山彝族自治州",
}
PLATE_PREFIX = {
    "5101": "川A", "5103": "川C", "5105": "川E", "5106": "川F", "5107": "川B", "5108": "川H", "5110": "川K",
    "5111": "川L", "5113": "川R", "5114": "川Z", "5115": "川Q", "5116": "川X", "5117": "川S", "5118": "川T",
    "5119": "川Y", "5120": "川M", "5132": "川U", "5133": "川V", "5134": "川W",
}
OTHER_PROV_CODES = ["500103", "530102", "520102", "610113", "420106", "430104", "620102", "440305", "110105", "330106"]
ROADS = [
    "人民南路", "蜀都大道", "红星路", "府青路", "一环路南三段", "天府大道北段", "科华北路", "玉林北路", "芳草街",
    "二环路西一段", "建设北路", "蜀汉路", "羊西线", "光华大道", "东大街", "双林路", "沙湾路", "抚琴西路",
    "营门口路", "机投路", "武侯祠大街", "青华路", "星辉西路", "龙舟路", "致民路", "新光路", "成洛大道",
    "川陕路", "马家花园路", "清江东路",
]
COMMUNITIES = [
    "玉林北路社区", "芳草社区", "望江楼社区", "新鸿社区", "双林社区", "致强社区", "西安路社区", "营康社区",
    "抚琴社区", "桐梓林社区", "倪家桥社区", "新华社区", "黉门街社区", "草堂社区", "红牌楼社区", "跳蹬河社区",
    "建设路社区", "桂溪社区", "沙湾社区", "光华社区",
]
ESTATES = ["锦城花园", "蓝光金双楠", "万科城市花园", "保利心语", "置信丽都花园", "中海城南一号", "龙湖三千城",
           "绿地468", "华润二十四城", "南苑小区", "电子科大宿舍", "川棉厂宿舍", "府河家园", "清水河小区"]
VILLAGES = ["红星村", "石桥村", "青杠村", "柳林村", "白鹤村", "新民村", "永兴村", "大坪村", "双河村", "观音村",
            "金桥村", "高店村", "龙泉村", "瓦窑村"]
TOWNS = ["安仁镇", "唐昌镇", "三道堰镇", "洛带镇", "黄龙溪镇", "平乐镇", "街子镇", "白鹿镇", "元通镇", "怀远镇"]
ETHNIC = ["汉族"] * 30 + ["彝族"] * 3 + ["藏族"] * 2 + ["羌族", "回族", "土家族", "苗族", "蒙古族", "满族"]
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生", "文盲或半文盲"]
MARITAL = ["未婚", "已婚", "离婚", "丧偶"]
OCCUP = ["农民", "个体经营者", "企业职工", "公务员", "教师", "医生", "司机", "自由职业", "退休人员", "学生",
         "无业", "工程技术人员", "快递员", "厨师", "保安"]
POLITICAL = ["中共党员", "共青团员", "群众", "民主党派"]
BANKS = ["中国工商银行成都分行", "中国农业银行四川省分行", "中国建设银行成都第一支行", "成都银行", "四川农信",
         "中国银行成都分行", "邮储银行成都市分行", "成都农商银行"]
BIN_DEBIT = ["622202", "622848", "621700", "622700", "621799", "623668", "621226", "622908"]
BIN_CREDIT = ["625965", "628288", "622588", "625802", "622155"]
ORG_SUFFIX = ["有限公司", "有限责任公司", "股份有限公司", "合作社", "厂"]
ORG_WORDS = ["蜀", "锦", "天府", "川", "蓉", "峨眉", "岷江", "青城", "西岭", "龙泉", "金沙", "武侯", "浣花", "府河",
             "宝光", "鑫", "盛", "华", "通", "达", "源", "祥", "丰", "顺"]
ORG_TRADES = ["建筑工程", "食品", "物流", "商贸", "环保科技", "农业开发", "餐饮管理", "医药", "电子科技", "机械制造",
              "旅游", "文化传媒", "物业管理", "化工", "建材", "酒业", "茶业", "汽车服务", "网络科技", "劳务"]
FOREIGN_COUNTRIES = [("美国", "USA"), ("日本", "JPN"), ("韩国", "KOR"), ("德国", "DEU"), ("法国", "FRA"),
                     ("英国", "GBR"), ("泰国", "THA"), ("澳大利亚", "AUS"), ("俄罗斯", "RUS"), ("新加坡", "SGP")]
WEBMAIL = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com", "outlook.com"]
SURNAME_FIX = ["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
               "罗", "郑", "谢", "唐", "邓", "冯", "曾", "彭", "蒋", "袁", "杜", "向", "邹"]
YI_NAMES = ["阿的", "吉克", "沙马", "阿苏", "勒格", "曲比", "海来", "马海", "俄木", "吉伍"]
YI_GIVEN = ["阿呷", "尔古", "拉则", "木呷", "日火", "伍沙", "子铁", "石布", "阿牛", "克惹"]
TIBET_NAMES = ["扎西", "卓玛", "次仁", "央金", "多吉", "拉姆", "格桑", "达瓦", "尼玛", "曲珍", "泽仁", "益西"]
FW_DIGITS = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def seed_of(tid: str) -> int:
    return int.from_bytes(hashlib.sha256((SEED_PREFIX + tid).encode("utf-8")).digest()[:8], "big")


@dataclass
class Person:
    name: str
    sex: str  # 男 / 女
    dob: dt.date
    rid: str
    region: str
    mobile: str
    addr: str
    county: str
    street: str
    community: str


class Gen:
    """Seeded value generators for one table."""

    def __init__(self, tid: str, n: int):
        s = seed_of(tid)
        self.tid = tid
        self.n = n
        self.r = random.Random(s)
        self.np = np.random.default_rng(s)
        self.fk = Faker("zh_CN")
        self.fk.seed_instance(s)
        self.fk_en = Faker("en_US")
        self.fk_en.seed_instance(s + 1)

    # ----- basic draws
    def pick(self, seq: list[Any] | tuple[Any, ...], n: int | None = None, w: list[float] | None = None) -> list[Any]:
        n = self.n if n is None else n
        if w is None:
            return [seq[self.r.randrange(len(seq))] for _ in range(n)]
        return self.r.choices(list(seq), weights=w, k=n)

    def ints(self, lo: int, hi: int, n: int | None = None) -> list[int]:
        n = self.n if n is None else n
        return [self.r.randint(lo, hi) for _ in range(n)]

    def money(self, lo: float, hi: float, nd: int = 2, n: int | None = None, fmt: str | None = None) -> list[Any]:
        n = self.n if n is None else n
        out: list[Any] = []
        for _ in range(n):
            v = round(self.r.uniform(lo, hi), nd)
            out.append(fmt.format(v) if fmt else v)
        return out

    def date(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.r.randint(0, (end - start).days))

    def dates(self, start: str, end: str, fmt: str = "%Y-%m-%d", n: int | None = None) -> list[str]:
        n = self.n if n is None else n
        a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        return [self.date(a, b).strftime(fmt) for _ in range(n)]

    def times(self, start: str, end: str, fmt: str = "%Y-%m-%d %H:%M:%S", n: int | None = None) -> list[str]:
        n = self.n if n is None else n
        a = dt.datetime.fromisoformat(start)
        span = int((dt.datetime.fromisoformat(end) - a).total_seconds())
        return [(a + dt.timedelta(seconds=self.r.randint(0, span))).strftime(fmt) for _ in range(n)]

    def serial(self, prefix: str = "", width: int = 6, start: int = 1, n: int | None = None) -> list[str]:
        n = self.n if n is None else n
        return [f"{prefix}{i:0{width}d}" for i in range(start, start + n)]

    def randserial(self, prefix: str, width: int, n: int | None = None) -> list[str]:
        n = self.n if n is None else n
        seen: set[str] = set()
        out = []
        while len(out) < n:
            v = prefix + "".join(str(self.r.randrange(10)) for _ in range(width))
            if v not in seen:
                seen.add(v)
                out.append(v)
        return out

    def sparse(self, vals: list[Any], keep: float, filler: Any = None) -> list[Any]:
        return [v if self.r.random() < keep else filler for v in vals]

    def dirty(self, vals: list[Any], rate: float, fillers: tuple[Any, ...] = ("无", "-", "NULL", "/", "")) -> list[Any]:
        return [self.r.choice(fillers) if self.r.random() < rate else v for v in vals]

    # ----- persons
    def name(self, sex: str | None = None, region: str | None = None) -> str:
        if region and region.startswith("5134") and self.r.random() < 0.5:
            return self.r.choice(YI_NAMES) + self.r.choice(YI_GIVEN)
        if region and region[:4] in ("5132", "5133") and self.r.random() < 0.5:
            return self.r.choice(TIBET_NAMES) + (self.r.choice(TIBET_NAMES) if self.r.random() < 0.5 else "")
        last = self.fk.last_name() if self.r.random() < 0.7 else self.r.choice(SURNAME_FIX)
        if sex == "男":
            first = self.fk.first_name_male()
        elif sex == "女":
            first = self.fk.first_name_female()
        else:
            first = self.fk.first_name()
        return last + first

    def region(self, local: float = 0.75, chengdu: float = 0.6) -> str:
        x = self.r.random()
        if x < local * chengdu:
            return self.r.choice(list(CHENGDU))
        if x < local:
            return self.r.choice(list(COUNTIES))
        if x < local + (1 - local) * 0.6:
            return self.r.choice(list(COUNTIES))
        return self.r.choice(OTHER_PROV_CODES)

    def rid(self, region: str, dob: dt.date, sex: str) -> str:
        seq = self.r.randint(0, 99)
        tail = self.r.choice([1, 3, 5, 7, 9]) if sex == "男" else self.r.choice([0, 2, 4, 6, 8])
        body = f"{region}{dob:%Y%m%d}{seq:02d}{tail}"
        return body + id_check_char(body)

    def mobile(self) -> str:
        pre = self.r.choice(["135", "136", "138", "139", "150", "151", "158", "159", "182", "187", "188", "130",
                             "131", "132", "155", "156", "186", "133", "153", "180", "181", "189", "177", "199",
                             "166", "173", "191", "198", "147", "183"])
        return pre + "".join(str(self.r.randrange(10)) for _ in range(8))

    def landline(self, area: str = "028") -> str:
        first = self.r.choice("6888" if area == "028" else "2345")
        n = 8 if area == "028" else 7
        return f"{area}-{first}{''.join(str(self.r.randrange(10)) for _ in range(n - 1))}"

    def street_addr(self, county: str | None = None, with_city: bool = True) -> tuple[str, str, str, str]:
        """(full address, county name, street, community) of a home in a Chengdu district."""
        code = county if county in CHENGDU else self.r.choice(list(CHENGDU))
        cname, streets = CHENGDU[code]
        st = self.r.choice(streets)
        comm = self.r.choice(COMMUNITIES)
        road = self.r.choice(ROADS)
        if self.r.random() < 0.6:
            tail = f"{road}{self.r.randint(1, 399)}号{self.r.choice(ESTATES)}{self.r.randint(1, 30)}栋{self.r.randint(1, 6)}单元{self.r.randint(1, 33)}{self.r.randint(1, 8):02d}号"
        else:
            tail = f"{road}{self.r.randint(1, 399)}号{self.r.randint(1, 12)}栋{self.r.randint(1, 4)}单元{self.r.randint(1, 18)}楼{self.r.randint(1, 4)}号"
        full = ("四川省成都市" if with_city else "") + cname + tail
        return full, cname, st, comm

    def rural_addr(self, code: str | None = None) -> str:
        code = code or self.r.choice(["510121", "510129", "510131", "510181", "510182", "510183", "510184", "510185"])
        return f"{COUNTIES.get(code, '金堂县')}{self.r.choice(TOWNS)}{self.r.choice(VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 120)}号"

    def person(self, age: tuple[int, int] = (18, 80), sex: str | None = None, region: str | None = None) -> Person:
        sex = sex or self.r.choice(["男", "女"])
        region = region or self.region()
        dob = TODAY - dt.timedelta(days=self.r.randint(age[0] * 365 + 1, age[1] * 365 + 300))
        if dob > TODAY:
            dob = TODAY - dt.timedelta(days=1)
        full, cname, st, comm = self.street_addr(region)
        if region[:4] != "5101" and self.r.random() < 0.5 and region in COUNTIES:
            full = self.rural_addr(region) if region.startswith("5101") else f"四川省{CITY_OF.get(region[:4], '')}{COUNTIES[region]}{self.r.choice(ROADS)}{self.r.randint(1, 200)}号"
        return Person(self.name(sex, region), sex, dob, self.rid(region, dob, sex), region, self.mobile(), full, cname,
                      st, comm)

    def people(self, age: tuple[int, int] = (18, 80), n: int | None = None, **kw: Any) -> list[Person]:
        n = self.n if n is None else n
        return [self.person(age, **kw) for _ in range(n)]

    def names(self, n: int | None = None) -> list[str]:
        n = self.n if n is None else n
        return [self.name() for _ in range(n)]

    def mobiles(self, n: int | None = None) -> list[str]:
        n = self.n if n is None else n
        return [self.mobile() for _ in range(n)]

    def landlines(self, n: int | None = None, area: str = "028") -> list[str]:
        n = self.n if n is None else n
        return [self.landline(area) for _ in range(n)]

    def age_of(self, p: Person, at: dt.date = TODAY) -> int:
        return at.year - p.dob.year - ((at.month, at.day) < (p.dob.month, p.dob.day))

    # ----- documents, cards
    def bank_card(self, credit: bool = False) -> str:
        bin_ = self.r.choice(BIN_CREDIT if credit else BIN_DEBIT)
        length = 16 if credit else self.r.choice([16, 19, 19])
        body = bin_ + "".join(str(self.r.randrange(10)) for _ in range(length - len(bin_) - 1))
        return body + luhn_check_digit(body)

    def cards(self, n: int | None = None, credit: bool = False) -> list[str]:
        n = self.n if n is None else n
        return [self.bank_card(credit) for _ in range(n)]

    def passport(self) -> str:
        return self.r.choice("EEEG") + "".join(str(self.r.randrange(10)) for _ in range(8))

    def hk_permit(self) -> str:
        return "C" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXY") + "".join(str(self.r.randrange(10)) for _ in range(7))

    def foreign_passport(self) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(self.r.choice([1, 2]))) + "".join(
            str(self.r.randrange(10)) for _ in range(8))

    def plate(self, region: str | None = None, ev: float = 0.15) -> str:
        pre = PLATE_PREFIX.get((region or "5101")[:4], "川A")
        if self.r.random() < ev:
            return pre + self.r.choice("DF") + "".join(self.r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(1)) + "".join(str(self.r.randrange(10)) for _ in range(4))
        chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
        return pre + "".join(self.r.choice(chars) for _ in range(5))

    def uscc(self, prefix: str | None = None, region: str | None = None) -> str:
        p = prefix or self.r.choice(["91", "91", "91", "92", "93", "11", "12", "52", "51"])
        reg = region or self.r.choice(list(COUNTIES))
        org = "".join(self.r.choice(ORG_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        org = org + org_check_char(org)  # the check char (0-9 or X) is in the USCC charset
        body = p + reg + org
        return body + uscc_check_char(body)

    def org_code(self) -> str:
        body = "".join(self.r.choice("0123456789") for _ in range(2)) + "".join(
            self.r.choice(ORG_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))
        return f"{body}-{org_check_char(body)}"

    def company(self, trade: str | None = None, city: str = "成都") -> str:
        w = self.r.choice(ORG_WORDS) + self.r.choice(ORG_WORDS)
        return f"{city}{w}{trade or self.r.choice(ORG_TRADES)}{self.r.choice(ORG_SUFFIX[:3])}"

    def companies(self, n: int | None = None, trade: str | None = None) -> list[str]:
        n = self.n if n is None else n
        return [self.company(trade, self.r.choice(["成都", "成都", "四川", "德阳", "绵阳", "眉山", "成都市"])) for _ in range(n)]

    def org_addr(self) -> str:
        code = self.r.choice(list(CHENGDU))
        tail = self.r.choice(["号", "号附1号", "号办公楼", "号B座", "号工业园区"])
        return f"成都市{CHENGDU[code][0]}{self.r.choice(ROADS)}{self.r.randint(1, 800)}{tail}"

    def email(self, p_name: str | None = None) -> str:
        user = self.fk_en.user_name() + str(self.r.randint(1, 99)) if self.r.random() < 0.5 else str(self.r.randint(10**7, 10**10))
        return f"{user}@{self.r.choice(WEBMAIL)}"

    def ip(self) -> str:
        return ".".join(str(self.r.randint(1, 254)) for _ in range(4))

    def coord(self, lon: tuple[float, float] = (103.9, 104.2), lat: tuple[float, float] = (30.55, 30.78), nd: int = 6) -> tuple[float, float]:
        return round(self.r.uniform(*lon), nd), round(self.r.uniform(*lat), nd)

    def text_pick(self, templates: list[str], **vals: Callable[[], str]) -> str:
        t = self.r.choice(templates)
        return t.format(**{k: f() for k, f in vals.items() if "{" + k + "}" in t})


# --------------------------------------------------------------------------- value styles


def mask_id(v: str, style: int = 0) -> str:
    if style == 0:
        return v[:6] + "********" + v[-4:]
    if style == 1:
        return v[:10] + "****" + v[-4:]
    if style == 2:
        return v[:3] + "*" * 11 + v[-4:]
    return v[:1] + "*" * 16 + v[-1:]


def mask_phone(v: str, style: int = 0) -> str:
    if style == 0:
        return v[:3] + "****" + v[-4:]
    if style == 1:
        return v[:3] + "-XXXX-" + v[-4:]
    return v[:7] + "****"


def mask_name(v: str, style: int = 0, sex: str | None = None) -> str:
    if style == 0:
        return v[0] + "*" * (len(v) - 1)
    if style == 1:
        return v[0] + "某" * (len(v) - 1)
    if style == 2:
        return v[0] + ("先生" if sex == "男" else "女士")
    return "*" + v[1:] if len(v) > 2 else v[0] + "*"


def mask_card(v: str, style: int = 0) -> str:
    if style == 0:
        return v[:4] + " **** **** " + v[-4:]
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def fullwidth(v: str) -> str:
    return v.translate(FW_DIGITS)


def spaced_id(v: str) -> str:
    return f"{v[:6]} {v[6:14]} {v[14:]}"


def fmt_date(d: dt.date, style: int) -> str:
    return [
        f"{d:%Y-%m-%d}", f"{d:%Y%m%d}", f"{d:%Y/%m/%d}", f"{d.year}年{d.month}月{d.day}日", f"{d:%Y.%m.%d}",
        f"{d.year}/{d.month}/{d.day}",
    ][style]


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


# --------------------------------------------------------------------------- minors

_FW_BACK = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")


def parse_any_date(v: Any) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, int) and 1000 < v < 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=v)
    s = str(v).translate(_FW_BACK).strip()
    ym = re.fullmatch(r"(\d{4})[-/.年]?(\d{2})月?", s)
    if ym:
        try:
            return dt.date(int(ym.group(1)), int(ym.group(2)), 1)
        except ValueError:
            return None
    m = re.match(r"(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})", s)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _age(d: dt.date) -> int:
    return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))


def has_minor(entity_values: list[tuple[str | None, list[Any]]]) -> bool:
    """True when an ID number, birth date or age column shows someone under 14."""
    for entity, values in entity_values:
        for v in values:
            if v is None or v == "":
                continue
            if entity == "CN_RESIDENT_ID":
                s = re.sub(r"\s", "", str(v).translate(_FW_BACK)).upper()
                m = re.search(r"\d{6}(\d{8})\d{3}[\dX]", s)
                if m and "*" not in s:
                    d = parse_any_date(m.group(1))
                    if d and _age(d) < 14:
                        return True
            elif entity == "DATE_OF_BIRTH":
                d = parse_any_date(v)
                if d and _age(d) < 14:
                    return True
            elif entity == "AGE":
                m = re.match(r"\d+", str(v))
                if m and int(m.group(0)) < 14:
                    return True
    return False
