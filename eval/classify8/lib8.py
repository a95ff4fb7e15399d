"""v8 evaluation set: check digits, seeded value generators and byte-stable writers.

Standard library, pyarrow and faker only; nothing from the project is imported.
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
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from faker import Faker

TODAY = dt.date(2026, 11, 30)

# ---------------------------------------------------------------- check digits
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(body17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


def id_valid(s: str) -> bool:
    s = s.upper()
    if re.fullmatch(r"\d{15}", s):
        try:
            dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
            return True
        except ValueError:
            return False
    if not re.fullmatch(r"\d{17}[\dX]", s) or id_check(s[:17]) != s[17]:
        return False
    try:
        d = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= d <= TODAY


def uscc_check(body17: str) -> str:
    t = sum(USCC_CS.index(c) * w for c, w in zip(body17, USCC_W))
    return USCC_CS[(31 - t % 31) % 31]


def uscc_valid(s: str) -> bool:
    return bool(re.fullmatch(f"[{USCC_CS}]{{18}}", s)) and uscc_check(s[:17]) == s[17]


def luhn_digit(body: str) -> str:
    t = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        t += d
    return str((10 - t % 10) % 10)


def luhn_valid(s: str) -> bool:
    return s.isdigit() and luhn_digit(s[:-1]) == s[-1]


# ---------------------------------------------------------------- vocabularies
REGIONS = {  # GB/T 2260 county codes: (province, city, district)
    "440103": ("广东省", "广州市", "荔湾区"),
    "440104": ("广东省", "广州市", "越秀区"),
    "440105": ("广东省", "广州市", "海珠区"),
    "440106": ("广东省", "广州市", "天河区"),
    "440111": ("广东省", "广州市", "白云区"),
    "440113": ("广东省", "广州市", "番禺区"),
    "440303": ("广东省", "深圳市", "罗湖区"),
    "440304": ("广东省", "深圳市", "福田区"),
    "440305": ("广东省", "深圳市", "南山区"),
    "440306": ("广东省", "深圳市", "宝安区"),
    "440307": ("广东省", "深圳市", "龙岗区"),
    "440604": ("广东省", "佛山市", "禅城区"),
    "440606": ("广东省", "佛山市", "顺德区"),
    "441302": ("广东省", "惠州市", "惠城区"),
    "440803": ("广东省", "湛江市", "霞山区"),
    "445102": ("广东省", "潮州市", "湘桥区"),
    "430102": ("湖南省", "长沙市", "芙蓉区"),
    "430103": ("湖南省", "长沙市", "天心区"),
    "430104": ("湖南省", "长沙市", "岳麓区"),
    "430105": ("湖南省", "长沙市", "开福区"),
    "430111": ("湖南省", "长沙市", "雨花区"),
    "430202": ("湖南省", "株洲市", "荷塘区"),
    "430302": ("湖南省", "湘潭市", "雨湖区"),
    "430602": ("湖南省", "岳阳市", "岳阳楼区"),
    "430702": ("湖南省", "常德市", "武陵区"),
    "431202": ("湖南省", "怀化市", "鹤城区"),
    "433101": ("湖南省", "湘西土家族苗族自治州", "吉首市"),
    "230102": ("黑龙江省", "哈尔滨市", "道里区"),
    "230103": ("黑龙江省", "哈尔滨市", "南岗区"),
    "230104": ("黑龙江省", "哈尔滨市", "道外区"),
    "230108": ("黑龙江省", "哈尔滨市", "平房区"),
    "230202": ("黑龙江省", "齐齐哈尔市", "龙沙区"),
    "230602": ("黑龙江省", "大庆市", "萨尔图区"),
    "231002": ("黑龙江省", "牡丹江市", "东安区"),
    "230882": ("黑龙江省", "佳木斯市", "富锦市"),
}
RCODES = sorted(REGIONS)
OLD_RCODES = ["440102", "430121", "232700", "440301", "430600"]  # historical codes (births before changes)
PLATE_PREFIX = {
    "440": ["粤A"],
    "4403": ["粤B"],
    "4406": ["粤E"],
    "4413": ["粤L"],
    "4408": ["粤G"],
    "4451": ["粤U"],
    "4301": ["湘A"],
    "4302": ["湘B"],
    "4303": ["湘C"],
    "4306": ["湘F"],
    "4307": ["湘J"],
    "4312": ["湘N"],
    "4331": ["湘U"],
    "2301": ["黑A"],
    "2302": ["黑B"],
    "2306": ["黑E"],
    "2310": ["黑C"],
    "2308": ["黑D"],
}
AREA_CODE = {
    "4401": "020",
    "4403": "0755",
    "4406": "0757",
    "4413": "0752",
    "4408": "0759",
    "4451": "0768",
    "4301": "0731",
    "4302": "0731",
    "4303": "0731",
    "4306": "0730",
    "4307": "0736",
    "4312": "0745",
    "4331": "0743",
    "2301": "0451",
    "2302": "0452",
    "2306": "0459",
    "2310": "0453",
    "2308": "0454",
}
STREETS = [
    "中山路",
    "解放路",
    "人民路",
    "建设路",
    "五一大道",
    "芙蓉中路",
    "天河路",
    "体育西路",
    "深南大道",
    "宝安大道",
    "中央大街",
    "红旗大街",
    "学府路",
    "岳麓大道",
    "韶山路",
    "湘江中路",
    "东风路",
    "新华路",
    "环城北路",
    "滨江路",
    "工农路",
    "黄兴路",
    "北京路",
    "江南大道",
    "友谊路",
    "文昌路",
    "桐梓坡路",
]
ESTATES = [
    "锦绣花园",
    "翠苑小区",
    "阳光新城",
    "金色家园",
    "碧桂园",
    "万科城",
    "保利香槟",
    "汇景新城",
    "凤凰城",
    "湘江世纪城",
    "融科东南海",
    "丽景花园",
    "工人新村",
    "铁路小区",
    "红星社区",
    "长岛花园",
    "新天地",
]
TOWNS = ["街道", "镇", "乡"]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤欧阳"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志强文辉海燕春梅晓东丹"
    "鹏飞宇航子涵梓轩浩然欣怡雨桐思远嘉怡俊杰佳琪晨曦诗涵振华德胜永红淑珍立新国庆建华凤英"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛"]
ETHNIC = ["汉族"] * 40 + [
    "壮族",
    "瑶族",
    "土家族",
    "苗族",
    "侗族",
    "满族",
    "朝鲜族",
    "回族",
    "蒙古族",
    "畲族",
    "白族",
    "达斡尔族",
    "鄂伦春族",
    "赫哲族",
]
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生", "文盲或半文盲"]
MARITAL = ["未婚", "已婚", "离异", "丧偶", "再婚"]
OCCUP = [
    "农民",
    "工人",
    "个体经营",
    "公司职员",
    "教师",
    "医务人员",
    "自由职业",
    "退休人员",
    "学生",
    "无业",
    "快递员",
    "网约车司机",
    "公务员",
    "建筑工人",
    "厨师",
    "保安",
]
POLITICS = ["群众", "中共党员", "共青团员", "民革党员", "九三学社社员", "无党派人士"]
RELIGIONS = ["佛教", "道教", "伊斯兰教", "天主教", "基督教", "无"]
DIAG = [
    ("I10", "原发性高血压"),
    ("E11.9", "2型糖尿病"),
    ("J18.9", "肺炎"),
    ("C34.9", "肺恶性肿瘤"),
    ("C50.9", "乳腺恶性肿瘤"),
    ("F20.9", "精神分裂症"),
    ("F32.9", "抑郁发作"),
    ("B18.1", "慢性乙型病毒性肝炎"),
    ("N18.5", "慢性肾脏病5期"),
    ("I63.9", "脑梗死"),
    ("K35.8", "急性阑尾炎"),
    ("O80.0", "单胎顺产"),
    ("B20", "HIV病所致的感染性疾病"),
    ("G40.9", "癫痫"),
    ("M54.5", "腰痛"),
    ("A15.0", "肺结核"),
    ("F10.2", "酒精依赖综合征"),
    ("Z34.9", "正常妊娠监督"),
    ("J45.9", "哮喘"),
    ("I25.1", "冠状动脉粥样硬化性心脏病"),
]
DRUGS = [
    "二甲双胍片",
    "阿司匹林肠溶片",
    "氨氯地平片",
    "利培酮片",
    "舍曲林片",
    "恩替卡韦分散片",
    "胰岛素注射液",
    "阿托伐他汀钙片",
    "替诺福韦片",
    "奥氮平片",
    "美沙酮口服溶液",
    "异烟肼片",
]
DEPTS = ["内科", "外科", "妇产科", "儿科", "肿瘤科", "精神心理科", "感染科", "皮肤性病科", "肾内科", "心内科"]
HOSP = [
    "中山大学附属第一医院",
    "广东省人民医院",
    "深圳市人民医院",
    "佛山市第一人民医院",
    "中南大学湘雅医院",
    "湖南省人民医院",
    "常德市第一人民医院",
    "哈尔滨医科大学附属第一医院",
    "大庆油田总医院",
    "牡丹江市第一人民医院",
    "广州市惠爱医院",
    "湖南省脑科医院",
]
DISAB = ["视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾", "多重残疾"]
CRIMES = [
    "盗窃罪",
    "诈骗罪",
    "危险驾驶罪",
    "故意伤害罪",
    "寻衅滋事罪",
    "开设赌场罪",
    "非法吸收公众存款罪",
    "帮助信息网络犯罪活动罪",
    "交通肇事罪",
    "走私普通货物罪",
    "贩卖毒品罪",
]
VIOL = [
    "驾驶机动车违反道路交通信号灯通行",
    "机动车违反禁止标线指示",
    "超速50%以下",
    "驾驶时拨打接听手持电话",
    "不按规定系安全带",
    "饮酒后驾驶机动车",
    "违反规定停放",
]
INDUSTRY = [
    ("C3670", "汽车零部件及配件制造"),
    ("F5261", "汽车新车零售"),
    ("H6210", "正餐服务"),
    ("I6513", "应用软件开发"),
    ("E4710", "房屋建筑业"),
    ("A0511", "农业机械活动"),
    ("C1761", "针织或钩针编织物织造"),
    ("G5430", "道路货物运输"),
    ("K7020", "物业管理"),
    ("R8710", "文艺创作与表演"),
    ("C3951", "电视机制造"),
    ("L7211", "企业总部管理"),
]
COMPANY_WORDS = [
    "华南",
    "湘江",
    "龙江",
    "粤海",
    "岳麓",
    "北方",
    "南粤",
    "珠江",
    "洞庭",
    "松花江",
    "鹏城",
    "星沙",
    "冰城",
    "鹤城",
    "顺德",
    "芙蓉",
    "金穗",
    "恒信",
    "永安",
    "联合",
    "东方",
    "新宇",
    "瑞丰",
    "德润",
]
COMPANY_TRADE = [
    "科技",
    "物流",
    "建筑工程",
    "食品",
    "电子",
    "贸易",
    "餐饮管理",
    "物业服务",
    "农业开发",
    "汽车销售",
    "医药连锁",
    "服装",
    "机械制造",
    "文化传媒",
    "劳务派遣",
]
COMPANY_SUFFIX = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]
HOTELS = [
    "如家酒店(天河店)",
    "汉庭酒店(五一广场店)",
    "锦江之星(中央大街店)",
    "7天连锁酒店(宝安店)",
    "维也纳酒店(岳麓店)",
    "格林豪泰(南岗店)",
    "城市便捷酒店(禅城店)",
    "布丁酒店(芙蓉店)",
]
STATIONS = [
    "广州南站",
    "深圳北站",
    "长沙南站",
    "哈尔滨西站",
    "佛山西站",
    "岳阳东站",
    "大庆西站",
    "怀化南站",
    "常德站",
    "齐齐哈尔南站",
    "惠州南站",
    "湘潭北站",
]
TOLLS = [
    "广州北收费站",
    "太和收费站",
    "长沙西收费站",
    "星沙收费站",
    "哈尔滨东收费站",
    "大庆收费站",
    "顺德收费站",
    "岳阳北收费站",
    "牡丹江收费站",
    "惠州收费站",
]
FAITH_VENUES = [
    ("光孝寺", "佛教"),
    ("六榕寺", "佛教"),
    ("麓山寺", "佛教"),
    ("极乐寺", "佛教"),
    ("怀圣寺", "伊斯兰教"),
    ("哈尔滨清真寺", "伊斯兰教"),
    ("石室圣心大教堂", "天主教"),
    ("索菲亚教堂", "天主教"),
    ("长沙基督教城北堂", "基督教"),
    ("南岳大庙", "道教"),
    ("三元宫", "道教"),
    ("哈尔滨基督教会南岗堂", "基督教"),
]


MOBILE_PREFIXES = (
    [f"13{d}" for d in range(10)] * 3
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"] * 2
    + [f"18{d}" for d in range(10)] * 2
    + ["147", "166", "171", "173", "175", "176", "177", "178", "191", "193", "195", "196", "198", "199"]
)


# ---------------------------------------------------------------- context
def seed_of(version: str, table_id: str) -> int:
    return int.from_bytes(hashlib.sha256(f"pubdata-eval/{version}/{table_id}".encode()).digest()[:8], "big")


class Ctx:
    """Per-table random state plus a frame of persons (one per row)."""

    def __init__(self, seed: int, n: int, ages: tuple[int, int] = (18, 85), regions: list[str] | None = None):
        self.n = n
        self.r = random.Random(seed)
        self.fk = Faker("zh_CN")
        self.fk.seed_instance(seed)
        self.fke = Faker("en_US")
        self.fke.seed_instance(seed + 1)
        self.regions = regions or RCODES
        self.P = [self.person(ages) for _ in range(n)]

    # -- base values
    def date_between(self, a: dt.date, b: dt.date) -> dt.date:
        return a + dt.timedelta(days=self.r.randrange((b - a).days + 1))

    def name(self) -> str:
        r = self.r
        s = r.choice(COMPOUND) if r.random() < 0.01 else r.choice(SURNAMES)
        g = "".join(r.choice(GIVEN) for _ in range(1 if r.random() < 0.35 else 2))
        return s + g

    def person(self, ages: tuple[int, int]) -> dict[str, Any]:
        r = self.r
        age = r.randint(*ages)
        dob = self.date_between(
            TODAY.replace(year=TODAY.year - age - 1) + dt.timedelta(days=1), TODAY.replace(year=TODAY.year - age)
        )
        sex = r.choice("12")
        reg = r.choice(self.regions)
        birth_reg = reg if r.random() < 0.8 else r.choice(RCODES + OLD_RCODES)
        seq = r.randrange(0, 100) * 10 + r.choice([1, 3, 5, 7, 9] if sex == "1" else [0, 2, 4, 6, 8])
        body = f"{birth_reg}{dob:%Y%m%d}{seq:03d}"
        return {
            "name": self.name(),
            "sex": sex,
            "dob": dob,
            "age": age,
            "reg": reg,
            "id": body + id_check(body),
            "id15": f"{birth_reg}{dob:%y%m%d}{seq:03d}",
            "mob": self.mobile(),
            "addr": self.home_address(reg),
            "ethnic": r.choice(ETHNIC),
        }

    def mobile(self) -> str:
        r = self.r
        return r.choice(MOBILE_PREFIXES) + f"{r.randrange(10**8):08d}"

    def landline(self, reg: str | None = None) -> str:
        reg = reg or self.r.choice(self.regions)
        ac = AREA_CODE.get(reg[:4], "020")
        return f"{ac}-{self.r.choice('23568')}{self.r.randrange(10**6, 10**7)}"[: len(ac) + 9]

    def home_address(self, reg: str) -> str:
        p, c, d = REGIONS.get(reg, REGIONS["440106"])
        r = self.r
        if r.random() < 0.25:
            return f"{p}{c}{d}{r.choice(['东', '西', '南', '北', '新'])}{r.choice(['塘', '桥', '岭', '湾', '坪'])}村{r.randint(1, 12)}组{r.randint(1, 80)}号"
        return f"{p}{c}{d}{r.choice(STREETS)}{r.randint(1, 399)}号{r.choice(ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 3)}单元{r.randint(1, 33)}0{r.randint(1, 8)}室"

    def org_address(self, reg: str | None = None) -> str:
        reg = reg or self.r.choice(self.regions)
        p, c, d = REGIONS[reg]
        return f"{c}{d}{self.r.choice(STREETS)}{self.r.randint(1, 999)}号{self.r.choice(['', '写字楼', '工业园', '大厦'])}{self.r.choice(['', str(self.r.randint(2, 28)) + '楼'])}"

    def org_name(self, reg: str | None = None) -> str:
        reg = reg or self.r.choice(self.regions)
        c = REGIONS[reg][1].replace("市", "").replace("湘西土家族苗族自治州", "湘西")
        return f"{c}{self.r.choice(COMPANY_WORDS)}{self.r.choice(COMPANY_TRADE)}{self.r.choice(COMPANY_SUFFIX)}"

    def uscc(self, kind: str = "91", reg: str | None = None) -> str:
        reg = reg or self.r.choice(self.regions)
        body8 = "".join(self.r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        cs = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        t = sum(cs.index(ch) * w for ch, w in zip(body8, ORG_W))
        c = 11 - t % 11
        oc = body8 + ("X" if c == 10 else "0" if c == 11 else str(c))
        b17 = kind + reg + oc[:9]
        return b17 + uscc_check(b17)

    def card(self, length: int | None = None, bins: list[str] | None = None) -> str:
        b = self.r.choice(bins or ["622202", "621700", "622848", "621661", "622588", "623058", "621226", "622908"])
        length = length or self.r.choice([16, 19, 19])
        body = b + "".join(str(self.r.randint(0, 9)) for _ in range(length - len(b) - 1))
        return body + luhn_digit(body)

    def plate(self, reg: str) -> str:
        pre = PLATE_PREFIX.get(reg[:4], PLATE_PREFIX.get(reg[:3], ["粤A"]))[0]
        al = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        r = self.r
        if r.random() < 0.2:
            return pre + r.choice("DF") + f"{r.randrange(10**5):05d}"
        s = "".join(r.choice(al) for _ in range(5))
        return pre + s

    def passport(self) -> str:
        return self.r.choice("EG") + f"{self.r.randrange(10**8):08d}"


# ---------------------------------------------------------------- formatting helpers
FW = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def fmt_date(d: dt.date, f: str) -> str | int:
    if f == "serial":
        return (d - dt.date(1899, 12, 30)).days
    if f == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if f == "cnp":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if f == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if f == "ymc":
        return f"{d:%Y%m}"
    if f == "dt":
        return f"{d:%Y-%m-%d} {d.toordinal() % 24:02d}:{d.toordinal() * 7 % 60:02d}"
    if f == "ym":
        return f"{d:%Y-%m}"
    if f == "compact":
        return f"{d:%Y%m%d}"
    if f == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if f == "iso_t":
        return f"{d:%Y-%m-%d}T00:00:00"
    if f == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    return f"{d:%Y-%m-%d}"


def mask_id(s: str, r: random.Random) -> str:
    k = r.choice([0, 1, 2])
    if k == 0:
        return s[:6] + "********" + s[-4:]
    if k == 1:
        return s[:3] + "*" * 11 + s[-4:]
    return s[:10] + "****" + s[-4:]


def mask_name(s: str, r: random.Random, sex: str = "1") -> str:
    k = r.random()
    if k < 0.4:
        return s[0] + "*" * (len(s) - 1)
    if k < 0.7:
        return s[0] + "某" * (len(s) - 1)
    if k < 0.85:
        return s[0] + ("先生" if sex == "1" else "女士")
    return s[0] + "*" + s[-1] if len(s) > 2 else s[0] + "*"


def mask_phone(s: str) -> str:
    return s[:3] + "****" + s[-4:]


Gen = Callable[[Ctx, str], list[Any]]


# ---------------------------------------------------------------- writers
def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_csv(path: str, header: list[str], rows: list[list[Any]], encoding: str, delim: str) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if encoding == "gbk" else "\n")
    w.writerow(header)
    for row in rows:
        w.writerow([_cell(v) for v in row])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def _arrow_col(vals: list[Any]) -> pa.Array:
    nn = [v for v in vals if v is not None]
    if nn and all(isinstance(v, int) and not isinstance(v, bool) for v in nn):
        return pa.array(vals, type=pa.int64())
    if nn and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in nn):
        return pa.array([None if v is None else float(v) for v in vals], type=pa.float64())
    return pa.array([None if v is None else _cell(v) for v in vals], type=pa.string())


def write_parquet(path: str, header: list[str], cols: list[list[Any]]) -> None:
    t = pa.table({h: _arrow_col(c) for h, c in zip(header, cols)})
    pq.write_table(t, path, compression="snappy")


def write_jsonl(path: str, header: list[str], rows: list[list[Any]]) -> None:
    with open(path, "wb") as f:
        for row in rows:
            f.write((json.dumps(dict(zip(header, row)), ensure_ascii=False) + "\n").encode("utf-8"))


def _col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, m = divmod(i - 1, 26)
        s = chr(65 + m) + s
    return s


def _xml_esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_xlsx(path: str, header: list[str], rows: list[list[Any]], title: str | None = None) -> None:
    lines = []
    all_rows = ([[title] + [None] * (len(header) - 1)] if title else []) + [header] + rows
    for ri, row in enumerate(all_rows, 1):
        cells = []
        for ci, v in enumerate(row):
            if v is None:
                continue
            ref = f"{_col_letter(ci)}{ri}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_xml_esc(str(v))}</t></is></c>')
        lines.append(f'<row r="{ri}">{"".join(cells)}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "".join(lines)
        + "</sheetData></worksheet>"
    )
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))


def read_xlsx(path: str) -> list[list[str | None]]:
    """Minimal reader for the files written above (inline strings and numbers)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    out: list[list[str | None]] = []
    for row in re.findall(r"<row r=\"\d+\">(.*?)</row>", xml):
        cells: dict[int, str] = {}
        for ref, body in re.findall(r'<c r="([A-Z]+)\d+"[^>]*>(.*?)</c>', row):
            ci = 0
            for ch in ref:
                ci = ci * 26 + ord(ch) - 64
            m = re.search(r"<t[^>]*>(.*?)</t>", body, re.S) or re.search(r"<v>(.*?)</v>", body)
            txt = m.group(1) if m else ""
            cells[ci - 1] = txt.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        w = max(cells) + 1 if cells else 0
        out.append([cells.get(i) for i in range(w)])
    return out
