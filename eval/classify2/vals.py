"""Seeded value generators for the second held-out set (written independently of eval/classify/gen/values.py)."""
from __future__ import annotations

import datetime as dt
import random

import numpy as np
from faker.providers.person.zh_CN import Provider as _ZH

from checks import ID_CHECK, ID_WEIGHTS, USCC_CHARS, id_check_char, luhn_check_digit, orgcode_check_char, uscc_check_char

REF = dt.date(2026, 11, 30)  # export date of the imagined systems

SURNAMES = list(_ZH.last_names.keys())
SURNAME_W = np.array(list(_ZH.last_names.values()), dtype=float)
SURNAME_W /= SURNAME_W.sum()
GIVEN1 = sorted({x for x in _ZH.first_names if len(x) == 1} | set("涵宇轩萱怡然杰桐琪诺远曦懿泽辰汐程昊"))
GIVEN2 = sorted({x for x in _ZH.first_names if len(x) == 2} | {"子涵", "梓萱", "欣怡", "浩然", "俊杰", "雨桐", "一诺", "思远", "晨曦", "锦程"})

# (county code, city, county) — GB/T 2260 codes of Zhejiang; two historical ones for old IDs
COUNTIES = [
    ("330102", "杭州市", "上城区"), ("330105", "杭州市", "拱墅区"), ("330106", "杭州市", "西湖区"),
    ("330108", "杭州市", "滨江区"), ("330109", "杭州市", "萧山区"), ("330110", "杭州市", "余杭区"),
    ("330122", "杭州市", "桐庐县"), ("330127", "杭州市", "淳安县"), ("330182", "杭州市", "建德市"),
    ("330203", "宁波市", "海曙区"), ("330205", "宁波市", "江北区"), ("330206", "宁波市", "北仑区"),
    ("330212", "宁波市", "鄞州区"), ("330281", "宁波市", "余姚市"), ("330282", "宁波市", "慈溪市"),
    ("330302", "温州市", "鹿城区"), ("330303", "温州市", "龙湾区"), ("330304", "温州市", "瓯海区"),
    ("330381", "温州市", "瑞安市"), ("330382", "温州市", "乐清市"), ("330402", "嘉兴市", "南湖区"),
    ("330411", "嘉兴市", "秀洲区"), ("330481", "嘉兴市", "海宁市"), ("330502", "湖州市", "吴兴区"),
    ("330503", "湖州市", "南浔区"), ("330521", "湖州市", "德清县"), ("330602", "绍兴市", "越城区"),
    ("330603", "绍兴市", "柯桥区"), ("330681", "绍兴市", "诸暨市"), ("330702", "金华市", "婺城区"),
    ("330703", "金华市", "金东区"), ("330782", "金华市", "义乌市"), ("330783", "金华市", "东阳市"),
    ("330802", "衢州市", "柯城区"), ("330803", "衢州市", "衢江区"), ("330902", "舟山市", "定海区"),
    ("331002", "台州市", "椒江区"), ("331003", "台州市", "黄岩区"), ("331082", "台州市", "临海市"),
    ("331102", "丽水市", "莲都区"), ("331121", "丽水市", "青田县"),
]
OLD_CODES = ["330103", "330104", "330204", "330121"]  # historical codes (下城、江干、江东、萧山县)
MIGRANT_CODES = ["360102", "410102", "420102", "430102", "510104", "340102", "450102", "522601", "500101",
                 "411302", "341202", "362301", "513101", "430702", "612301"]
AREA = {"杭州市": "0571", "宁波市": "0574", "温州市": "0577", "嘉兴市": "0573", "湖州市": "0572",
        "绍兴市": "0575", "金华市": "0579", "衢州市": "0570", "舟山市": "0580", "台州市": "0576", "丽水市": "0578"}
STREETS = ["文三路", "解放东路", "中山北路", "人民路", "环城西路", "凤起路", "天目山路", "江南大道", "建设一路", "钱江路",
           "学院路", "东风路", "新华路", "胜利路", "车站路", "府前路", "迎宾大道", "工人路", "湖滨路", "百花路",
           "长安路", "和平路", "商城大道", "城东路", "青年路", "北山路", "体育场路", "延安路", "望江路", "丽水街"]
ESTATES = ["阳光花园", "金色家园", "翠苑一区", "春江花月", "绿城桂花园", "世纪新城", "东方丽都", "锦绣江南", "紫金庭院",
           "和美家园", "桃源小区", "新湖佳苑", "钱塘府", "香樟园", "景苑新村", "南都花园", "星洲花园", "碧水湾"]
VILLAGES = ["前村", "后周村", "上塘村", "下徐村", "东岙村", "西山村", "大桥村", "金星村", "梅林村", "石门村",
            "溪口村", "茶园村", "新联村", "龙潭村", "横街村"]
TOWNS = ["城关镇", "新塘街道", "临江街道", "北山街道", "东城街道", "五常街道", "瓶窑镇", "分水镇", "千岛湖镇", "梅城镇",
         "观海卫镇", "大岚镇", "塘下镇", "柳市镇", "乌镇", "新市镇", "店口镇", "佛堂镇", "横店镇", "峰江街道"]
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
                 "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182",
                 "183", "185", "186", "187", "188", "189", "191", "195", "198", "199"]
ETHNIC = ["汉族"] * 40 + ["畲族", "回族", "土家族", "苗族", "满族", "壮族", "蒙古族", "布依族", "侗族", "彝族"]
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生"]
ORG_WORDS = ["华联", "恒达", "宏远", "鑫源", "正泰", "海纳", "天成", "瑞丰", "中汇", "远景", "新锐", "东升", "金桥", "聚力",
             "永盛", "博越", "启明", "万佳", "三江", "云帆", "泰和", "信诚", "安宏", "德润", "明珠", "汇通", "嘉禾", "立方"]
ORG_TRADE = ["科技", "建设工程", "机械制造", "化工", "纺织", "电子", "食品", "物流", "贸易", "环保科技", "建材", "医药",
             "印染", "汽车零部件", "新材料", "包装", "服饰", "餐饮管理", "物业管理", "网络技术"]
ORG_SUFFIX = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"]
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


class Gen:
    def __init__(self, seed: int):
        self.r = np.random.default_rng(seed)
        self.py = random.Random(seed)

    # ------------------------------------------------------------------ basics
    def pick(self, seq, n, p=None):
        seq = list(seq)
        if p is not None:
            p = np.asarray(p, dtype=float)
            p = p / p.sum()
        idx = self.r.choice(len(seq), size=n, p=p)
        return np.array([seq[i] for i in idx], dtype=object)

    def digits(self, k: int) -> str:
        return "".join(str(d) for d in self.r.integers(0, 10, size=k))

    def chance(self, p: float, n: int) -> np.ndarray:
        return self.r.random(n) < p

    def ints(self, lo, hi, n):
        return np.array([int(x) for x in self.r.integers(lo, hi + 1, size=n)], dtype=object)

    def money(self, lo, hi, n, dec=2, log=True):
        if log:
            v = np.exp(self.r.uniform(np.log(lo), np.log(hi), size=n))
        else:
            v = self.r.uniform(lo, hi, size=n)
        return np.array([round(float(x), dec) for x in v], dtype=object)

    def dates(self, start: dt.date, end: dt.date, n: int) -> np.ndarray:
        span = (end - start).days
        return np.array([start + dt.timedelta(days=int(d)) for d in self.r.integers(0, span + 1, size=n)], dtype=object)

    def datetimes(self, start: dt.date, end: dt.date, n: int, hours=(7, 22)) -> np.ndarray:
        ds = self.dates(start, end, n)
        hh = self.r.integers(hours[0], hours[1], size=n)
        mm = self.r.integers(0, 60, size=n)
        ss = self.r.integers(0, 60, size=n)
        return np.array([dt.datetime(d.year, d.month, d.day, int(h), int(m), int(s)) for d, h, m, s in zip(ds, hh, mm, ss)],
                        dtype=object)

    # ------------------------------------------------------------------ persons
    def name1(self) -> str:
        s = SURNAMES[int(self.r.choice(len(SURNAMES), p=SURNAME_W))]
        u = self.r.random()
        if u < 0.3:
            return s + GIVEN1[int(self.r.integers(0, len(GIVEN1)))]
        if u < 0.6:
            return s + GIVEN2[int(self.r.integers(0, len(GIVEN2)))]
        return s + "".join(GIVEN1[int(i)] for i in self.r.integers(0, len(GIVEN1), size=2))

    def names(self, n) -> np.ndarray:
        return np.array([self.name1() for _ in range(n)], dtype=object)

    def idno(self, region: str, dob: dt.date, male: bool) -> str:
        seq = int(self.r.integers(0, 500)) * 2 + (1 if male else 0)
        body = f"{region}{dob:%Y%m%d}{seq:03d}"
        return body + id_check_char(body)

    def id15(self, region: str, dob: dt.date, male: bool) -> str:
        seq = int(self.r.integers(0, 500)) * 2 + (1 if male else 0)
        return f"{region}{dob:%y%m%d}{seq:03d}"

    def persons(self, n, age=(18, 80), female=0.5, migrant=0.15, old_code=0.03) -> dict:
        """Arrays: name, male (bool), sex (男/女), dob, id, county idx, city, county, region code."""
        ages_days = self.r.integers(int(age[0] * 365.25) + 1, int((age[1] + 1) * 365.25) - 1, size=n)
        dob = np.array([REF - dt.timedelta(days=int(d)) for d in ages_days], dtype=object)
        male = self.r.random(n) >= female
        ci = self.r.integers(0, len(COUNTIES), size=n)
        reg = []
        for i in range(n):
            u = self.r.random()
            if u < migrant:
                reg.append(MIGRANT_CODES[int(self.r.integers(0, len(MIGRANT_CODES)))])
            elif u < migrant + old_code and dob[i].year < 2000:
                reg.append(OLD_CODES[int(self.r.integers(0, len(OLD_CODES)))])
            else:
                reg.append(COUNTIES[ci[i]][0])
        ids = np.array([self.idno(reg[i], dob[i], bool(male[i])) for i in range(n)], dtype=object)
        return {
            "name": self.names(n), "male": male, "sex": np.where(male, "男", "女").astype(object), "dob": dob,
            "id": ids, "ci": ci, "city": np.array([COUNTIES[i][1] for i in ci], dtype=object),
            "county": np.array([COUNTIES[i][2] for i in ci], dtype=object), "region": np.array(reg, dtype=object),
            "age": np.array([(REF - d).days // 365 for d in dob], dtype=object),
        }

    def mobiles(self, n) -> np.ndarray:
        return np.array([self.py.choice(MOBILE_PREFIX) + self.digits(8) for _ in range(n)], dtype=object)

    def landline(self, city: str, dash=True) -> str:
        return AREA.get(city, "0571") + ("-" if dash else "") + str(int(self.r.integers(2, 9))) + self.digits(7)

    def landlines(self, cities) -> np.ndarray:
        return np.array([self.landline(c, self.r.random() < 0.8) for c in cities], dtype=object)

    def address(self, ci: int, rural=None, province=True) -> str:
        _, city, county = COUNTIES[ci]
        pre = ("浙江省" if province and self.r.random() < 0.6 else "") + (city if self.r.random() < 0.8 else "") + county
        if rural is None:
            rural = self.r.random() < 0.3
        if rural:
            return f"{pre}{self.py.choice(TOWNS)}{self.py.choice(VILLAGES)}{int(self.r.integers(1, 300))}号"
        b, u, room = int(self.r.integers(1, 30)), int(self.r.integers(1, 5)), int(self.r.integers(1, 28)) * 100 + int(self.r.integers(1, 5))
        if self.r.random() < 0.5:
            return f"{pre}{self.py.choice(STREETS)}{int(self.r.integers(1, 900))}号{self.py.choice(ESTATES)}{b}幢{u}单元{room}室"
        return f"{pre}{self.py.choice(ESTATES)}{b}-{u}-{room}"

    def addresses(self, cis, rural=None, province=True) -> np.ndarray:
        return np.array([self.address(int(c), rural, province) for c in cis], dtype=object)

    def org_address(self, ci: int) -> str:
        _, city, county = COUNTIES[ci]
        return f"{city}{county}{self.py.choice(STREETS)}{int(self.r.integers(1, 1500))}号"

    # ------------------------------------------------------------------ organisations
    def org_names(self, cis, kinds=None) -> np.ndarray:
        out = []
        for c in cis:
            city = COUNTIES[int(c)][1][:-1] if self.r.random() < 0.6 else COUNTIES[int(c)][2][:-1]
            out.append(f"{city}{self.py.choice(ORG_WORDS)}{self.py.choice(kinds or ORG_TRADE)}{self.py.choice(ORG_SUFFIX)}")
        return np.array(out, dtype=object)

    def uscc1(self, region: str, prefix="91") -> str:
        body8 = "".join(self.py.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") if k == 0 and self.r.random() < 0.3 else str(int(self.r.integers(0, 10)))
                        for k in range(8))
        org = body8 + orgcode_check_char(body8)
        body = prefix + region + org
        return body + uscc_check_char(body)

    def usccs(self, regions, prefix="91") -> np.ndarray:
        return np.array([self.uscc1(r, prefix) for r in regions], dtype=object)

    def bank_cards(self, n) -> np.ndarray:
        bins = ["621700", "622848", "621226", "622202", "621661", "622908", "623058", "621799", "622588", "621483"]
        out = []
        for _ in range(n):
            L = 19 if self.r.random() < 0.7 else 16
            p = self.py.choice(bins) + self.digits(L - 7)
            out.append(p + luhn_check_digit(p))
        return np.array(out, dtype=object)

    # ------------------------------------------------------------------ messiness
    def sparse(self, vals, p, blank=None):
        vals = np.array(vals, dtype=object)
        vals[self.chance(p, len(vals))] = blank
        return vals

    def placeholders(self, vals, p, tokens=("无", "不详", "/", "-")):
        vals = np.array(vals, dtype=object)
        for i in np.nonzero(self.chance(p, len(vals)))[0]:
            vals[i] = self.py.choice(tokens)
        return vals


def mask_id(s: str) -> str:
    return s[:6] + "*" * (len(s) - 10) + s[-4:]


def mask_id_birth(s: str) -> str:
    return s[:10] + "****" + s[-4:]


def mask_phone(s: str) -> str:
    return s[:3] + "****" + s[-4:]


def mask_name(s: str) -> str:
    return s[0] + ("*" if len(s) == 2 else "*" * (len(s) - 1))


def mask_card(s: str) -> str:
    return s[:4] + " **** **** " + s[-4:]


def fullwidth(s: str) -> str:
    return s.translate(FULLWIDTH)


def spaced_phone(s: str) -> str:
    return f"{s[:3]} {s[3:7]} {s[7:]}"


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def under14(dob: dt.date) -> bool:
    return dob > dt.date(REF.year - 14, REF.month, REF.day)
