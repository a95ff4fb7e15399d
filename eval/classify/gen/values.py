"""Value generators: one `Gen` per table, seeded from the table id.

Everything random goes through `self.r` (numpy Generator) or the seeded Faker
instances, so a table's bytes depend only on its id and the pinned libraries.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import random

import numpy as np
from faker import Faker
from faker.providers.company.zh_CN import Provider as _ZhCompany
from faker.providers.person.zh_CN import Provider as _ZhPerson

from . import vocab as V
from .checks import USCC_CHARS, id_check_char, luhn_check_digit, orgcode_check_char, uscc_check_char

REF = dt.date(2025, 12, 31)          # "today" of the exports
EV_START = dt.date(2020, 1, 1)
EV_END = dt.date(2026, 2, 28)

_SURNAMES = list(_ZhPerson.last_names.keys()) + V.SURNAME_EXTRA
_SURNAME_W = np.array(list(_ZhPerson.last_names.values()) + [0.3] * len(V.SURNAME_EXTRA), dtype=float)
_SURNAME_W /= _SURNAME_W.sum()
_SURNAME_W_T = tuple(_SURNAME_W.tolist())

_CUM: dict[tuple, list] = {}
_FOREIGN_LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "ko_KR", "it_IT", "es_ES"]
_FAKERS: dict[str, Faker] = {}

FULLWIDTH = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-", "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ－")


def faker(locale: str) -> Faker:
    if locale not in _FAKERS:
        _FAKERS[locale] = Faker(locale)
    return _FAKERS[locale]


AGE_BANDS = [4.5, 5.0, 4.8, 4.3, 5.2, 7.2, 9.0, 8.0, 7.0, 7.8, 8.3, 7.0, 5.5, 5.6, 3.9, 2.4, 1.6, 0.9, 0.3, 0.07]


class Persons:
    """Parallel object arrays, one entry per natural person.

    Attributes that many tables do not need (household-registration address, marital status,
    education, occupation) are drawn on first use from the table's generator."""

    def __init__(self, g: "Gen", **fields):
        self._g = g
        self.name: np.ndarray = fields["name"]
        self.sex: np.ndarray = fields["sex"]            # "1" male / "2" female (GB/T 2261.1)
        self.birth: np.ndarray = fields["birth"]        # datetime.date
        self.age: np.ndarray = fields["age"]            # int, at REF
        self.id: np.ndarray = fields["id"]              # 18-char resident ID
        self.hukou: np.ndarray = fields["hukou"]        # region code of household registration
        self.district: np.ndarray = fields["district"]  # current residence district (in province)
        self.mobile: np.ndarray = fields["mobile"]
        self.addr: np.ndarray = fields["addr"]          # current home address
        self.ethnicity: np.ndarray = fields["ethnicity"]

    def __len__(self) -> int:
        return len(self.name)

    @functools.cached_property
    def hukou_addr(self) -> np.ndarray:
        g = self._g
        out = np.empty(len(self), dtype=object)
        out[:] = [g.origin_address(h) if h in V.ORIGINS else g.home_address(h) for h in self.hukou]
        same = np.array([h in V.DISTRICTS for h in self.hukou]) & g.flag(0.7, len(self))
        return np.where(same, self.addr, out)

    @functools.cached_property
    def marital(self) -> np.ndarray:
        return self._g.marital(self.age)

    @functools.cached_property
    def edu(self) -> np.ndarray:
        return self._g.education(self.age, self.birth)

    @functools.cached_property
    def occ(self) -> np.ndarray:
        return self._g.occupation(self.age)


class Gen:
    def __init__(self, seed: int):
        self.seed = seed
        self.r = np.random.default_rng(seed)
        self.pr = random.Random(seed)  # fast scalar draws
        self.zh = faker("zh_CN")
        self.zh.seed_instance(seed)

    # ------------------------------------------------------------------ basics
    def choice(self, items, n, p=None) -> np.ndarray:
        arr = np.empty(len(items), dtype=object)
        arr[:] = list(items)
        if p is not None:
            p = np.asarray(p, dtype=float)
            p = p / p.sum()
        return arr[self.r.choice(len(items), size=n, p=p)]

    def one(self, items, p=None):
        """One element (fast path used inside per-row loops)."""
        if p is None:
            return items[int(self.pr.random() * len(items))]
        key = tuple(p)
        cw = _CUM.get(key)
        if cw is None:
            cw = _CUM[key] = list(itertools.accumulate(float(x) for x in p))
        i = bisect.bisect_right(cw, self.pr.random() * cw[-1])
        return items[min(i, len(items) - 1)]

    def pick(self, items, k):
        return "".join(self.one(items) for _ in range(k))

    def randint(self, lo, hi) -> int:
        """One uniform integer in [lo, hi]."""
        return self.pr.randint(lo, hi)

    def ints(self, lo, hi, n) -> np.ndarray:
        """Uniform integers in [lo, hi]."""
        return self.r.integers(lo, hi + 1, size=n)

    def digits(self, k: int) -> str:
        if k > 18:
            return self.digits(k - 9) + self.digits(9)
        return f"{int(self.pr.randrange(0, 10 ** k)):0{k}d}"

    def flag(self, share: float, n: int) -> np.ndarray:
        return self.r.random(n) < share

    def date(self, start=EV_START, end=EV_END) -> dt.date:
        return start + dt.timedelta(days=self.pr.randrange(0, (end - start).days + 1))

    def dates(self, n, start=EV_START, end=EV_END) -> np.ndarray:
        span = (end - start).days + 1
        out = np.empty(n, dtype=object)
        out[:] = [start + dt.timedelta(days=int(x)) for x in self.r.integers(0, span, size=n)]
        return out

    def datetimes(self, n, start=EV_START, end=EV_END, hours=(7, 22)) -> np.ndarray:
        ds = self.dates(n, start, end)
        secs = self.r.integers(hours[0] * 3600, hours[1] * 3600, size=n)
        out = np.empty(n, dtype=object)
        out[:] = [dt.datetime(d.year, d.month, d.day) + dt.timedelta(seconds=int(s)) for d, s in zip(ds, secs)]
        return out

    def lognormal_amounts(self, n, median, sigma, lo=None, hi=None, step=0.01) -> np.ndarray:
        x = median * np.exp(self.r.normal(0, sigma, size=n))
        if lo is not None:
            x = np.maximum(x, lo)
        if hi is not None:
            x = np.minimum(x, hi)
        return np.round(x / step) * step

    # ------------------------------------------------------------------ people
    def ages(self, n, lo=0, hi=95) -> np.ndarray:
        w = np.repeat(np.array(AGE_BANDS) / 5.0, 5)[: hi + 1].copy()
        w[:lo] = 0
        w = w / w.sum()
        return self.r.choice(len(w), size=n, p=w)

    def birth_from_age(self, ages, ref=REF) -> np.ndarray:
        out = np.empty(len(ages), dtype=object)
        offs = self.r.integers(0, 365, size=len(ages))
        res = []
        for a, o in zip(ages, offs):
            d = ref - dt.timedelta(days=int(a) * 365 + int(a) // 4 + int(o))
            res.append(min(d, ref))
        out[:] = res
        return out

    def name(self, sex: str, year: int) -> str:
        sur = self.one(_SURNAMES, _SURNAME_W_T)
        u = self.pr.random()
        male = sex == "1"
        if year < 1965 and u < 0.35:
            given = self.one(V.GIVEN_MALE_OLD if male else V.GIVEN_FEMALE_OLD)
        elif year < 2005 and u < 0.55:
            given = self.one(_ZhPerson.first_names_male if male else _ZhPerson.first_names_female)
        else:
            pool = (V.CHARS_CHILD_M if male else V.CHARS_CHILD_F) if year >= 2005 else (V.CHARS_MALE if male else V.CHARS_FEMALE)
            k = 1 if self.pr.random() < 0.18 else 2
            given = self.pick(pool, k)
        if self.pr.random() < 0.004:  # compound surnames exist
            sur = self.one(["欧阳", "司马", "诸葛", "上官"])
        return sur + given

    def names(self, n, sex=None, years=None) -> np.ndarray:
        sex = sex if sex is not None else self.choice(["1", "2"], n)
        years = years if years is not None else self.ints(1950, 2000, n)
        out = np.empty(n, dtype=object)
        out[:] = [self.name(s, int(y)) for s, y in zip(sex, years)]
        return out

    def resident_id(self, region: str, birth: dt.date, sex: str) -> str:
        seq = int(self.pr.randrange(0, 100)) * 10 + int(self.r.choice([1, 3, 5, 7, 9] if sex == "1" else [0, 2, 4, 6, 8]))
        body = f"{region}{birth:%Y%m%d}{seq:03d}"
        return body + id_check_char(body)

    def resident_ids(self, regions, births, sexes) -> np.ndarray:
        n = len(regions)
        odd = self.r.integers(0, 5, size=n) * 2
        seq = self.r.integers(0, 100, size=n) * 10 + np.where(np.asarray(sexes) == "1", odd + 1, odd)
        out = np.empty(n, dtype=object)
        bodies = [f"{h}{b:%Y%m%d}{q:03d}" for h, b, q in zip(regions, births, seq)]
        out[:] = [b + id_check_char(b) for b in bodies]
        return out

    def legacy_id15(self, id18: str) -> str:
        return id18[:6] + id18[8:14] + id18[14:17]

    def home_region(self, n, local=0.85, births=None) -> np.ndarray:
        """Region code in the ID number: mostly local, some migrants' origins."""
        loc = self.choice(list(V.DISTRICTS), n)
        org = self.choice(list(V.ORIGINS), n)
        old = self.choice(list(V.OLD_DISTRICTS), n)
        out = np.where(self.flag(local, n), loc, org)
        if births is not None:
            use_old = np.array([b.year < 2010 for b in births]) & self.flag(0.08, n) & (out == loc)
            out = np.where(use_old, old, out)
        return out

    def persons(self, n, lo=0, hi=95, local=0.85, ages=None, ref=REF, sex=None) -> Persons:
        age = np.asarray(ages) if ages is not None else self.ages(n, lo, hi)
        birth = self.birth_from_age(age, ref)
        if sex is None:
            sex = self.choice(["1", "2"], n, p=[0.51, 0.49])
        elif isinstance(sex, str):
            sex = np.full(n, sex, dtype=object)
        hukou = self.home_region(n, local, birth)
        names = np.empty(n, dtype=object)
        names[:] = [self.name(s, b.year) for s, b in zip(sex, birth)]
        ids = self.resident_ids(hukou, birth, sex)
        dist = np.where([h in V.DISTRICTS for h in hukou], hukou, self.choice(list(V.DISTRICTS), n))
        dist = np.where([h in V.OLD_DISTRICTS for h in hukou], self.choice(["330102", "330105", "330111", "330112", "330212", "330213"], n), dist)
        addr = np.empty(n, dtype=object)
        addr[:] = [self.home_address(d) for d in dist]
        return Persons(self, name=names, sex=sex, birth=birth, age=age, id=ids, hukou=hukou, district=dist,
                       mobile=self.mobiles(n), addr=addr, ethnicity=self.choice(V.ETHNICITIES, n, V.ETHNIC_W))

    def marital(self, ages) -> np.ndarray:
        out = []
        for a in ages:
            if a < 20:
                out.append("未婚")
                continue
            table = ([0.8, 0.2, 0, 0] if a < 25 else [0.45, 0.53, 0.02, 0] if a < 30 else [0.12, 0.83, 0.05, 0]
                     if a < 40 else [0.03, 0.88, 0.06, 0.03] if a < 60 else [0.03, 0.8, 0.03, 0.14]
                     if a < 75 else [0.02, 0.5, 0.0, 0.48])
            out.append(self.one(["未婚", "已婚", "离婚", "丧偶"], table))
        return np.array(out, dtype=object)

    def education(self, ages, births) -> np.ndarray:
        out = []
        for a, b in zip(ages, births):
            if a < 6:
                out.append("学龄前")
            elif a < 12:
                out.append("小学")
            elif a < 15:
                out.append("初中")
            elif a < 18:
                out.append(self.one(["高中", "中等专科", "初中"], [0.6, 0.3, 0.1]))
            elif b.year < 1960:
                out.append(self.one(V.EDUCATIONS, [0.005, 0.03, 0.05, 0.03, 0.01, 0.12, 0.3, 0.3, 0.155]))
            elif b.year < 1980:
                out.append(self.one(V.EDUCATIONS, [0.02, 0.1, 0.12, 0.06, 0.03, 0.22, 0.3, 0.13, 0.02]))
            else:
                out.append(self.one(V.EDUCATIONS, [0.06, 0.3, 0.22, 0.05, 0.03, 0.14, 0.17, 0.03, 0.0]))
        return np.array(out, dtype=object)

    def occupation(self, ages) -> np.ndarray:
        out = []
        for a in ages:
            if a < 6:
                out.append("学龄前儿童")
            elif a < 19:
                out.append("学生")
            elif a >= 62 and self.pr.random() < 0.8:
                out.append("退休")
            else:
                out.append(self.one(V.OCCUPATIONS[:-2]))
        return np.array(out, dtype=object)

    # ------------------------------------------------------------------ contact
    def mobile(self) -> str:
        return self.one(V.MOBILE_PREFIXES) + self.digits(8)

    def mobiles(self, n) -> np.ndarray:
        pre = self.choice(V.MOBILE_PREFIXES, n)
        body = self.r.integers(0, 10**8, size=n)
        out = np.empty(n, dtype=object)
        out[:] = [f"{p}{b:08d}" for p, b in zip(pre, body)]
        return out

    def landline(self, city="3301", dashed=True) -> str:
        area = V.CITIES[city][1]
        local = str(int(self.pr.randrange(2, 9))) + self.digits(7)
        return f"{area}-{local}" if dashed else area + local

    def landlines(self, n, cities=None, dashed=True) -> np.ndarray:
        cities = cities if cities is not None else self.choice(list(V.CITIES), n)
        out = np.empty(n, dtype=object)
        out[:] = [self.landline(c, dashed) for c in cities]
        return out

    def hotline400(self) -> str:
        return f"400-{self.pr.randrange(100, 999)}-{self.digits(4)}"

    def personal_email(self) -> str:
        u = self.pr.random()
        dom = self.one(["qq.com", "163.com", "126.com", "sina.com", "139.com", "foxmail.com", "outlook.com", "hotmail.com"],
                       [0.35, 0.25, 0.1, 0.06, 0.08, 0.06, 0.05, 0.05])
        if u < 0.35:
            return f"{self.pr.randrange(10**5, 3 * 10**9)}@qq.com"
        user = (self.zh.last_romanized_name() + self.zh.first_romanized_name()).lower()
        if self.pr.random() < 0.6:
            user += str(self.pr.randrange(1, 9999))
        return f"{user}@{dom}"

    def org_email(self, kind="gov") -> str:
        box = self.one(["office", "bgs", "zwgk", "xxgk", "service", "contact", "hr", "info", "xzb", "admin"])
        dom = self.pick("abcdefghjklmnpqrstwxyz", int(self.pr.randrange(3, 7)))
        tld = {"gov": ".gov.cn", "edu": ".edu.cn", "com": self.one([".com", ".com.cn", ".cn"]), "org": ".org.cn"}[kind]
        return f"{box}@{dom}{tld}"

    def ip(self, v6_share=0.08) -> str:
        if self.pr.random() < v6_share:
            return "240e:" + ":".join(f"{x:x}" for x in self.r.integers(0, 65536, size=7))
        a = self.one(["115.192", "122.224", "60.186", "183.128", "36.24", "112.10", "39.170", "223.104", "125.118", "218.108"])
        return f"{a}.{self.pr.randrange(0, 256)}.{self.pr.randrange(1, 255)}"

    # ------------------------------------------------------------------ places
    def district_name(self, code) -> str:
        return V.DISTRICTS.get(code) or V.OLD_DISTRICTS.get(code) or V.ORIGINS.get(code, "")

    def city_of(self, code) -> str:
        return V.CITIES.get(code[:4], ("", "", ""))[0]

    def street(self, code) -> str:
        k = (int(code) * 7 + int(self.pr.randrange(0, 5))) % len(V.STREETS)
        return V.STREETS[k]

    def community_name(self) -> str:
        return self.one(V.COMMUNITY_PREFIX) + self.one(V.COMMUNITY_SUFFIX)

    def home_address(self, code, with_province=None) -> str:
        city = self.city_of(code)
        dist = V.DISTRICTS.get(code) or V.OLD_DISTRICTS.get(code, "")
        prov = "浙江省" if (with_province if with_province is not None else self.pr.random() < 0.4) else ""
        if dist.endswith("县") or self.pr.random() < 0.2:  # rural
            town = self.street(code)
            vil = self.one(V.VILLAGE_PREFIX) + self.one(V.VILLAGE_SUFFIX)
            tail = f"{vil}{self.pr.randrange(1, 15)}组{self.pr.randrange(1, 120)}号" if self.pr.random() < 0.5 else f"{vil}{self.one(['','新'])}{self.pr.randrange(1, 300)}号"
            return f"{prov}{city}{dist}{town}{tail}"
        road = self.one(V.ROADS)
        return (f"{prov}{city}{dist}{road}{self.pr.randrange(1, 600)}号{self.community_name()}"
                f"{self.pr.randrange(1, 40)}幢{self.pr.randrange(1, 6)}单元{self.pr.randrange(1, 33)}{self.pr.randrange(1, 5):02d}室")

    def origin_address(self, code) -> str:
        place = V.ORIGINS.get(code, "")
        vil = self.one(V.VILLAGE_PREFIX) + self.one(V.VILLAGE_SUFFIX)
        return f"{place}{self.one(['城关镇', '新集镇', '李集乡', '王庄镇', '陈店镇', '周村镇'])}{vil}{self.pr.randrange(1, 200)}号"

    def org_address(self, code=None) -> str:
        code = code or self.one(list(V.DISTRICTS))
        city = self.city_of(code)
        dist = V.DISTRICTS[code]
        road = self.one(V.ROADS)
        u = self.pr.random()
        if u < 0.4:
            return f"{city}{dist}{road}{self.pr.randrange(1, 900)}号{self.one(V.COMMUNITY_PREFIX)}{self.one(V.BUILDINGS)}{self.pr.randrange(1, 28)}楼"
        if u < 0.6:
            return f"{city}{dist}{self.street(code)}{self.one(['工业园区', '经济开发区', '科创园'])}{self.one(V.ROADS)}{self.pr.randrange(1, 300)}号"
        if u < 0.8:
            return f"浙江省{city}{dist}{road}{self.pr.randrange(1, 900)}号"
        return f"{dist}{road}{self.pr.randrange(1, 900)}号{self.pr.randrange(1, 12)}幢"

    def coords_in(self, codes, spread=(0.08, 0.06), decimals=6):
        """Coordinates scattered around the centre of each code's city."""
        n = len(codes)
        c = np.array([V.CITY_CENTERS[code[:4]] for code in codes])
        lon = np.round(c[:, 0] + self.r.normal(0, spread[0], size=n), decimals)
        lat = np.round(c[:, 1] + self.r.normal(0, spread[1], size=n), decimals)
        return lon, lat

    def coords(self, n, center=(120.16, 30.27), spread=(0.18, 0.12), decimals=6):
        lon = np.round(center[0] + self.r.normal(0, spread[0], size=n), decimals)
        lat = np.round(center[1] + self.r.normal(0, spread[1], size=n), decimals)
        return lon, lat

    # ------------------------------------------------------------------ organisations
    def company_name(self, code=None, trade=None) -> str:
        city = self.city_of(code or self.one(list(V.DISTRICTS))).rstrip("市")
        u = self.pr.random()
        if u < 0.35:
            brand = self.one(_ZhCompany.company_prefixes)
            brand = brand.replace("公司", "").replace("电子", "").replace("计算机", "")[:4]
        else:
            brand = self.pick(V.BRAND_CHARS, 2)
        trade = trade or self.one(V.COMPANY_TRADES)
        if self.pr.random() < 0.75:
            return f"{city}{brand}{trade}{self.one(V.COMPANY_FORMS)}"
        return f"浙江{brand}{trade}{self.one(V.COMPANY_FORMS)}"

    def shop_name(self, operator: str, code: str) -> str:
        dist = V.DISTRICTS[code]
        city = self.city_of(code)
        kind = self.one(V.SHOP_TYPES)
        u = self.pr.random()
        if u < 0.3:
            return f"{city}{dist}{operator[0]}记{kind}"
        if u < 0.55:
            return f"{dist}{operator}{kind}"
        if u < 0.85:
            return f"{city}{dist}{self.pick(V.BRAND_CHARS, 2)}{kind}"
        return f"{dist}{self.one(V.ROADS)}{kind}"

    def hospital_name(self, code=None) -> str:
        code = code or self.one(list(V.DISTRICTS))
        city = self.city_of(code)
        dist = V.DISTRICTS[code]
        return self.one([
            f"{city}第一人民医院", f"{city}第二人民医院", f"{dist}人民医院", f"{dist}中医院", f"{city}中医院",
            f"{city}妇幼保健院", f"{city}儿童医院", f"{dist}{self.street(code)}社区卫生服务中心".replace("街道街道", "街道"),
            f"{dist}{self.street(code)}社区卫生服务中心", f"浙江大学医学院附属第{self.one(['一', '二'])}医院",
            f"{city}{self.pick(V.BRAND_CHARS, 2)}口腔门诊部", f"{dist}第二人民医院",
        ], [0.1, 0.08, 0.12, 0.08, 0.05, 0.05, 0.04, 0.1, 0.18, 0.05, 0.05, 0.1])

    def school_name(self, code=None, level=None) -> str:
        code = code or self.one(list(V.DISTRICTS))
        dist = V.DISTRICTS[code]
        city = self.city_of(code)
        base = self.one(V.COMMUNITY_PREFIX + V.ROADS[:10]).replace("路", "")
        level = level or self.one(["幼儿园", "小学", "初中", "高中"], [0.3, 0.4, 0.2, 0.1])
        if level == "幼儿园":
            return self.one([f"{dist}{base}幼儿园", f"{city}{base}幼儿园", f"{dist}机关幼儿园"], [0.6, 0.3, 0.1])
        if level == "小学":
            return self.one([f"{dist}{base}小学", f"{city}{base}小学", f"{dist}实验小学"], [0.6, 0.3, 0.1])
        if level == "初中":
            return self.one([f"{city}{base}中学", f"{dist}{base}初级中学", f"{city}第{self.one(list('一二三四五六七八九十'))}中学"])
        return self.one([f"{city}{base}高级中学", f"{dist}第{self.one(list('一二三'))}高级中学", f"{city}{base}职业高级中学"])

    def uscc(self, prefix="91", code=None, new=None) -> str:
        code = code or self.one(list(V.DISTRICTS))
        if new is None:
            new = prefix[0] == "9" and self.pr.random() < 0.6
        if new:  # registrations since the 2015 reform get "MA..." bodies
            body8 = "MA" + self.pick(USCC_CHARS, 6)
        else:
            body8 = f"{self.pr.randrange(10**7, 10**8)}"
            if prefix.startswith("92") and self.pr.random() < 0.5:
                body8 = "L" + body8[1:]
        org = body8 + orgcode_check_char(body8)
        body = prefix + code + org
        return body + uscc_check_char(body)

    # ------------------------------------------------------------------ cards, documents, vehicles
    def bank_card(self, bins=None, length=None) -> str:
        b = self.one(bins or ["622202", "621226", "622848", "621700", "622700", "621661", "622262",
                              "621483", "622908", "623058", "621058", "623091", "622230"])
        length = length or int(self.one([16, 19], [0.35, 0.65]))
        payload = b + self.digits(length - len(b) - 1)
        return payload + luhn_check_digit(payload)

    def credit_card(self) -> str:
        b = self.one(["625802", "622588", "625965", "628290", "4392", "5187", "4514", "5201"])
        payload = b + self.digits(15 - len(b))
        return payload + luhn_check_digit(payload)

    def passport_cn(self) -> str:
        u = self.pr.random()
        if u < 0.55:
            return "E" + self.one(list("ABCDEFGHJKL")) + self.digits(7)
        if u < 0.85:
            return "E" + self.digits(8)
        if u < 0.93:
            return "G" + self.digits(8)
        return self.one(["P", "S", "D"]) + self.digits(self.one([7, 8]))

    def hk_macao_pass(self) -> str:  # 往来港澳通行证 (mainland residents)
        return "C" + (self.one(list("ABCDEFGHJKLMN")) + self.digits(7) if self.pr.random() < 0.6 else self.digits(8))

    def taiwan_pass(self) -> str:  # 往来台湾通行证 (mainland residents)
        return "L" + self.digits(8)

    def mtp_permit(self) -> str:  # 台胞证 (Taiwan residents), 8 digits since 2015
        return self.digits(8)

    def home_return_permit(self) -> str:  # 港澳居民来往内地通行证
        return self.one(["H", "M"], [0.8, 0.2]) + self.digits(8)

    def hmt_residence_id(self, birth, sex) -> str:  # 港澳台居民居住证 number
        return self.resident_id(self.one(["810000", "820000", "830000"], [0.55, 0.15, 0.3]), birth, sex)

    def foreign_passport(self, country: str) -> str:
        if country in ("美国", "英国", "俄罗斯"):
            return self.digits(9) if self.pr.random() < 0.7 else self.one(list("ACN")) + self.digits(8)
        if country == "德国":
            return "C" + self.pick("CFGHJKLMNPRTVWXYZ0123456789", 8)
        if country == "法国":
            return self.digits(2) + self.pick("ABCDEFGHJKLMNPRSTUVWXYZ", 2) + self.digits(5)
        if country == "日本":
            return self.one(["TK", "TR", "TZ", "MZ"]) + self.digits(7)
        if country == "韩国":
            return "M" + self.digits(8)
        if country == "澳大利亚":
            return self.one(["N", "P", "E"]) + self.digits(7)
        return self.one(list("ABCKLX")) + self.digits(7)

    def foreign_person(self, country: str, sex: str | None = None):
        """(SURNAME, GIVEN) romanised, matching sex "1"/"2" when given."""
        loc = {"美国": "en_US", "英国": "en_GB", "德国": "de_DE", "法国": "fr_FR", "日本": "ja_JP", "韩国": "ko_KR",
               "意大利": "it_IT", "西班牙": "es_ES", "澳大利亚": "en_US", "俄罗斯": "en_GB"}[country]
        sex = sex or self.one(["1", "2"])
        if loc == "ko_KR":
            given = ["MINJUN", "JIHO", "DOYUN", "SEUNGHYUN", "JUNSEO"] if sex == "1" else ["SEOYEON", "HAYOON", "SUBIN", "JIWOO", "MINJI"]
            return self.one(["KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "YOON"]), self.one(given)
        f = faker(loc)
        f.seed_instance(int(self.pr.randrange(0, 2**31)))
        if loc == "ja_JP":
            first = f.first_romanized_name_male() if sex == "1" else f.first_romanized_name_female()
            return f.last_romanized_name().upper(), first.upper()
        strip = str.maketrans("ÄÖÜäöüéèêàçñóíáúÉ", "AOUaoueeeacnoiauE", "ß")
        first = f.first_name_male() if sex == "1" else f.first_name_female()
        return f.last_name().translate(strip).upper(), first.translate(strip).upper()

    def plate(self, city_letter=None, province="浙", new_energy=0.15) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        city_letter = city_letter or self.one(list("ABCDEFGHJKL"), [0.3, 0.15, 0.12, 0.08, 0.06, 0.08, 0.08, 0.03, 0.03, 0.04, 0.03])
        if self.pr.random() < new_energy:
            tail = self.one(["D", "F"]) + self.one(list(letters[:10]) + list("0123456789")) + self.digits(4)
            return f"{province}{city_letter}{tail}"
        chars = []
        n_letters = int(self.one([0, 1, 2], [0.45, 0.4, 0.15]))
        pos = set(self.r.choice(5, size=n_letters, replace=False).tolist())
        for i in range(5):
            chars.append(self.one(list(letters)) if i in pos else str(self.pr.randrange(0, 10)))
        return province + city_letter + "".join(chars)

    def vin(self) -> str:
        """17-char VIN with the ISO 3779 / GB 16735 check character in position 9."""
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        wmi = self.one(["LSV", "LFV", "LGB", "LVS", "LSG", "LBV", "LHG", "LGX", "LRW", "LNB"])
        body = wmi + self.pick(chars, 5) + "0" + self.one("LMNPRS") + self.pick(chars, 1) + self.digits(6)
        trans = {**{str(d): d for d in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
                 "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6,
                 "X": 7, "Y": 8, "Z": 9}
        weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        s = sum(trans[c] * w for c, w in zip(body, weights)) % 11
        return body[:8] + ("X" if s == 10 else str(s)) + body[9:]


# ---------------------------------------------------------------------- formatting helpers

def fmt_date(d: dt.date, style: str, r: np.random.Generator | None = None) -> str:
    if d is None:
        return None
    if style == "iso":
        return d.isoformat()
    if style == "compact":
        return f"{d:%Y%m%d}"
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "dot":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if style == "ym":
        return f"{d.year}.{d.month:02d}"
    if style == "dmy":
        return d.strftime("%d-%b-%Y").upper()
    if style == "iso_time":
        return f"{d.isoformat()} 00:00:00"
    raise ValueError(style)


def mixed_dates(g: Gen, ds, styles, weights) -> np.ndarray:
    chosen = g.choice(styles, len(ds), weights)
    out = np.empty(len(ds), dtype=object)
    out[:] = [None if d is None else fmt_date(d, s) for d, s in zip(ds, chosen)]
    return out


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def fullwidth(s: str) -> str:
    return s.translate(FULLWIDTH)


def mask_id(s: str, style: int = 0) -> str:
    if style == 0:
        return s[:6] + "*" * 8 + s[-4:]
    if style == 1:
        return s[:4] + "*" * 10 + s[-4:]
    if style == 2:
        return s[:10] + "****" + s[-4:]
    return s[:3] + "*" * 11 + s[-4:]


def mask_mobile(s: str) -> str:
    return s[:3] + "****" + s[-4:]


def mask_card(s: str, spaced=True) -> str:
    return f"{s[:4]} **** **** {s[-4:]}" if spaced else s[:6] + "*" * (len(s) - 10) + s[-4:]


def mask_name(name: str, style: int = 0) -> str:
    if style == 0:
        return name[0] + "*" * (len(name) - 1)
    if style == 1:
        return name[0] + "某" * max(1, len(name) - 1)
    return name[0] + ("先生" if style == 2 else "女士")


def spaced_card(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def fmt_mobile(s: str, style: str) -> str:
    if style == "plain":
        return s
    if style == "+86":
        return "+86" + s
    if style == "+86 ":
        return "+86 " + s
    if style == "86-":
        return "86-" + s
    if style == "dash":
        return f"{s[:3]}-{s[3:7]}-{s[7:]}"
    if style == "space":
        return f"{s[:3]} {s[3:7]} {s[7:]}"
    if style == "fw":
        return fullwidth(s)
    if style == "pad":
        return f" {s} "
    if style == "mask":
        return mask_mobile(s)
    raise ValueError(style)


def mixed_mobiles(g: Gen, ms, styles, weights) -> np.ndarray:
    chosen = g.choice(styles, len(ms), weights)
    out = np.empty(len(ms), dtype=object)
    out[:] = [None if m is None else fmt_mobile(m, s) for m, s in zip(ms, chosen)]
    return out


def gender_text(sex, style: str) -> np.ndarray:
    maps = {"cn": {"1": "男", "2": "女"}, "code": {"1": "1", "2": "2"}, "mf": {"1": "M", "2": "F"},
            "cn2": {"1": "男性", "2": "女性"}, "en": {"1": "male", "2": "female"}}
    m = maps[style]
    out = np.empty(len(sex), dtype=object)
    out[:] = [m[s] for s in sex]
    return out


def sparse(g: Gen, values, keep: float, fill=None) -> np.ndarray:
    out = np.array(values, dtype=object).copy()
    drop = ~g.flag(keep, len(out))
    out[drop] = fill
    return out


def placeholders(g: Gen, values, share: float, tokens=("无", "不详", "-", "0")) -> np.ndarray:
    out = np.array(values, dtype=object).copy()
    hit = g.flag(share, len(out))
    out[hit] = g.choice(tokens, int(hit.sum()))
    return out


def age_text(birth: dt.date, at: dt.date) -> str:
    days = (at - birth).days
    if days < 31:
        return f"{max(days, 1)}天"
    if days < 365:
        return f"{days // 30}月"
    return f"{days // 365}岁"


def age_years(birth: dt.date, at: dt.date) -> int:
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))


def mapv(fn, *arrays) -> np.ndarray:
    """Apply fn element-wise over parallel arrays; returns an object array."""
    out = np.empty(len(arrays[0]), dtype=object)
    out[:] = [fn(*xs) for xs in zip(*arrays)]
    return out


def short_street(s: str) -> str:
    for suf in ("街道", "镇", "乡"):
        if s.endswith(suf):
            return s[: -len(suf)]
    return s
