"""Seeded value generators for the v3 tuning set (written for v3; only v1's check digits are reused)."""
from __future__ import annotations

import datetime as dt
import random

from checks import id_check_char, luhn_check_digit, orgcode_check_char, uscc_check_char, USCC_CHARS
from faker import Faker

TODAY = dt.date(2025, 12, 31)  # reference date: ages and "minors" are computed at this date

# GB/T 2260 county codes of a Zhejiang-like province: code -> (city, district, landline area code)
COUNTIES = {
    "330102": ("杭州市", "上城区", "0571"), "330105": ("杭州市", "拱墅区", "0571"), "330106": ("杭州市", "西湖区", "0571"),
    "330108": ("杭州市", "滨江区", "0571"), "330109": ("杭州市", "萧山区", "0571"), "330110": ("杭州市", "余杭区", "0571"),
    "330203": ("宁波市", "海曙区", "0574"), "330212": ("宁波市", "鄞州区", "0574"), "330302": ("温州市", "鹿城区", "0577"),
    "330381": ("温州市", "瑞安市", "0577"), "330402": ("嘉兴市", "南湖区", "0573"), "330502": ("湖州市", "吴兴区", "0572"),
    "330602": ("绍兴市", "越城区", "0575"), "330702": ("金华市", "婺城区", "0579"), "330782": ("金华市", "义乌市", "0579"),
    "330802": ("衢州市", "柯城区", "0570"), "330902": ("舟山市", "定海区", "0580"), "331002": ("台州市", "椒江区", "0576"),
    "331102": ("丽水市", "莲都区", "0578"),
}
OTHER_REGIONS = ["340104", "360102", "410102", "420106", "430102", "510104", "522601", "320106", "350102", "610113"]
STREETS = ["文新", "翠苑", "古荡", "北山", "转塘", "蒋村", "留下", "湖滨", "清波", "小营", "望江", "南星", "紫阳", "朝晖",
           "西兴", "长河", "浦沿", "城厢", "北干", "新塘", "南苑", "五常", "仓前", "闲林", "白云", "江北", "鼓楼", "东湖",
           "稠城", "北苑", "江东", "府山", "塔山", "城东", "城西", "新桥", "梅园", "芦庄", "云和", "花园"]
TOWNS = ["塘栖", "良渚", "瓶窑", "河桥", "义桥", "戴村", "横溪", "咸祥", "塘下", "马屿", "新丰", "织里", "孙端", "汤溪",
         "佛堂", "石梁", "干览", "章安", "碧湖", "大港头", "安仁", "双浦", "临浦", "进化"]
VILLAGE = ["上", "下", "东", "西", "南", "北", "新", "前", "后", "大", "小", "金", "石", "柳", "桃", "杨", "梅", "竹", "溪", "山"]
VILLAGE2 = ["湾", "岙", "塘", "桥", "坞", "岭", "庄", "家", "墩", "埠", "垟", "头", "园", "田", "港", "浦"]
ESTATE = ["金色", "阳光", "绿城", "翠竹", "和睦", "锦绣", "丹桂", "紫荆", "春江", "滨江", "都市", "望湖", "香樟", "银杏",
          "嘉禾", "凤起", "翡翠", "名苑", "东方", "景华"]
ESTATE2 = ["花园", "小区", "公寓", "家园", "新村", "苑", "府", "华庭", "新苑", "雅苑"]
ROADS = ["文三", "文一", "教工", "莫干山", "天目山", "延安", "解放", "中山", "环城北", "江南", "滨盛", "江陵", "钱江",
         "学院", "人民", "建设", "工业", "科技", "创业", "世纪", "振兴", "兴业", "开元", "长兴", "文化", "体育场"]
BUILDINGS = ["国际", "金融", "科创", "财富", "中心", "数码", "创意", "商务", "元丰", "华星", "东部"]
ICD = [("I10", "原发性高血压"), ("E11.9", "2型糖尿病"), ("J44.9", "慢性阻塞性肺疾病"), ("I25.1", "冠状动脉粥样硬化性心脏病"),
       ("C34.9", "肺恶性肿瘤"), ("F20.9", "精神分裂症"), ("N18.9", "慢性肾脏病"), ("K74.6", "肝硬化"), ("I63.9", "脑梗死"),
       ("M81.9", "骨质疏松"), ("J45.9", "哮喘"), ("B18.1", "慢性乙型病毒性肝炎"), ("E78.5", "高脂血症"), ("F32.9", "抑郁发作")]
INFECTIOUS = ["流行性感冒", "手足口病", "其他感染性腹泻病", "肺结核", "病毒性肝炎", "梅毒", "猩红热", "水痘", "流行性腮腺炎",
              "新型冠状病毒感染", "细菌性痢疾", "登革热"]
ETHNIC = ["汉族"] * 40 + ["畲族", "回族", "土家族", "苗族", "满族", "壮族", "布依族", "侗族"]
EDU = ["小学", "初中", "高中", "中专", "大专", "大学本科", "硕士研究生", "博士研究生"]
PLACEHOLDERS = ["无", "-", "NULL", "/", "暂无", "不详"]
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
                 "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184",
                 "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]
DEBIT_BINS = [("622202", 19), ("621700", 19), ("622848", 19), ("621661", 19), ("623058", 19), ("622588", 16), ("621226", 19),
              ("622908", 18), ("621799", 19), ("623668", 19)]
CREDIT_BINS = [("622575", 16), ("625912", 16), ("628266", 16), ("438088", 16), ("518710", 16), ("436742", 16)]
FULLWIDTH = str.maketrans("0123456789Xx-", "０１２３４５６７８９ＸＸ－")


class V:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.fk = Faker("zh_CN")
        self.fk.seed_instance(seed)

    # --- basics -------------------------------------------------------------------------------
    def pick(self, seq, weights=None):
        if weights:
            return self.r.choices(seq, weights=weights)[0]
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randrange(10)) for _ in range(n))

    def date_between(self, a: dt.date, b: dt.date) -> dt.date:
        return a + dt.timedelta(days=self.r.randrange((b - a).days + 1))

    def dtime_between(self, a: dt.date, b: dt.date, hours=(7, 22)) -> dt.datetime:
        d = self.date_between(a, b)
        return dt.datetime(d.year, d.month, d.day, self.r.randint(hours[0], hours[1] - 1), self.r.randrange(60),
                           self.r.randrange(60))

    def dob(self, amin: int, amax: int) -> dt.date:
        """A birth date giving an age in [amin, amax] on TODAY."""
        hi = dt.date(TODAY.year - amin, TODAY.month, TODAY.day)
        lo = dt.date(TODAY.year - amax - 1, TODAY.month, TODAY.day) + dt.timedelta(days=1)
        return self.date_between(lo, hi)

    # --- places -------------------------------------------------------------------------------
    def county(self, local=0.9) -> str:
        if self.chance(local):
            return self.pick(list(COUNTIES))
        return self.pick(OTHER_REGIONS)

    def home_address(self, code=None, rural=None, with_city=True) -> str:
        code = code if code in COUNTIES else self.pick(list(COUNTIES))
        city, dist, _ = COUNTIES[code]
        pre = (city if with_city else "") + dist
        if rural is None:
            rural = self.chance(0.3)
        if rural:
            return (f"{pre}{self.pick(TOWNS)}镇{self.pick(VILLAGE)}{self.pick(VILLAGE2)}村"
                    f"{self.r.randint(1, 12)}组{self.r.randint(1, 180)}号")
        return (f"{pre}{self.pick(STREETS)}街道{self.pick(ESTATE)}{self.pick(ESTATE2)}{self.r.randint(1, 32)}幢"
                f"{self.r.randint(1, 4)}单元{self.r.randint(1, 28)}{self.r.randint(1, 4):02d}室")

    def biz_address(self, code=None) -> str:
        code = code if code in COUNTIES else self.pick(list(COUNTIES))
        city, dist, _ = COUNTIES[code]
        k = self.r.randrange(3)
        if k == 0:
            return f"{city}{dist}{self.pick(ROADS)}路{self.r.randint(1, 999)}号{self.pick(BUILDINGS)}大厦{self.r.randint(1, 30)}层"
        if k == 1:
            return f"{city}{dist}{self.pick(ROADS)}路{self.r.randint(1, 999)}号{self.r.randint(1, 12)}幢{self.r.randint(101, 1808)}室"
        return f"{dist}{self.pick(TOWNS)}镇工业园区{self.pick(ROADS)}路{self.r.randint(1, 300)}号"

    def township(self, code=None) -> str:
        return self.pick(STREETS) + "街道" if self.chance(0.6) else self.pick(TOWNS) + "镇"

    def village(self) -> str:
        if self.chance(0.5):
            return f"{self.pick(VILLAGE)}{self.pick(VILLAGE2)}村"
        return f"{self.pick(ESTATE)}社区"

    def coord(self, code=None, digits=6):
        lon = round(119.0 + self.r.random() * 2.8, digits)
        lat = round(27.2 + self.r.random() * 3.6, digits)
        return lon, lat

    # --- people -------------------------------------------------------------------------------
    def name(self, male=None) -> str:
        if male is None:
            male = self.chance(0.5)
        return self.fk.last_name() + (self.fk.first_name_male() if male else self.fk.first_name_female())

    def mask_name(self, n: str, male=None) -> str:
        k = self.r.randrange(4)
        if k == 0:
            return n[0] + "某某"
        if k == 1:
            return n[0] + "*" * (len(n) - 1)
        if k == 2:
            return n[0] + ("先生" if male or (male is None and self.chance(0.5)) else "女士")
        return n[0] + "*" + (n[-1] if len(n) > 2 else "")

    def rid(self, dob: dt.date, male: bool, code=None) -> str:
        code = code or self.county()
        seq = f"{self.r.randrange(100):02d}{self.pick('13579' if male else '02468')}"
        body = f"{code}{dob:%Y%m%d}{seq}"
        return body + id_check_char(body)

    def rid15(self, dob: dt.date, male: bool, code=None) -> str:
        code = code or self.county()
        seq = f"{self.r.randrange(100):02d}{self.pick('13579' if male else '02468')}"
        return f"{code}{dob:%y%m%d}{seq}"

    def person(self, amin=18, amax=85, local=0.88, male=None) -> dict:
        male = self.chance(0.5) if male is None else male
        code = self.county(local)
        d = self.dob(amin, amax)
        return {"name": self.name(male), "male": male, "sex": "男" if male else "女", "dob": d, "code": code,
                "id": self.rid(d, male, code), "mobile": self.mobile(),
                "age": TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))}

    def mask_id(self, v: str) -> str:
        k = self.r.randrange(3)
        if k == 0:
            return v[:6] + "********" + v[-4:]
        if k == 1:
            return v[:3] + "*" * 11 + v[-4:]
        return v[:4] + "**********" + v[-4:]

    def mobile(self) -> str:
        return self.pick(MOBILE_PREFIX) + self.digits(8)

    def fmt_mobile(self, m: str, styles=("plain",)) -> str:
        s = self.pick(styles)
        if s == "plain":
            return m
        if s == "+86":
            return "+86" + m
        if s == "+86 ":
            return "+86 " + m
        if s == "0086":
            return "0086" + m
        if s == "86-":
            return "86-" + m
        if s == "dash":
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if s == "space":
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if s == "mask":
            return m[:3] + "****" + m[7:]
        if s == "full":
            return m.translate(FULLWIDTH)
        raise ValueError(s)

    def landline(self, code=None, ext=0.0) -> str:
        code = code if code in COUNTIES else self.pick(list(COUNTIES))
        area = COUNTIES[code][2]
        n = self.pick("8586") + self.digits(7)
        s = f"{area}-{n}"
        if ext and self.chance(ext):
            s += f"转{self.r.randint(800, 8999)}"
        return s

    def hotline(self) -> str:
        k = self.r.randrange(3)
        if k == 0:
            return "400-" + self.digits(3) + "-" + self.digits(4)
        if k == 1:
            return "96" + self.digits(3)
        return self.landline()

    def email(self) -> str:
        u = self.fk.user_name()
        k = self.r.randrange(5)
        if k == 0:
            return f"{self.r.randint(10000, 2999999999)}@qq.com"
        return f"{u}{self.r.randint(0, 99) if self.chance(0.5) else ''}@" + self.pick(
            ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com", "outlook.com"])

    def ip(self) -> str:
        return f"{self.pick([36, 39, 60, 101, 112, 115, 122, 183, 218, 223])}.{self.r.randrange(256)}.{self.r.randrange(256)}.{self.r.randint(1, 254)}"

    def plate(self, local=0.85, ev=0.2) -> str:
        prov = "浙" if self.chance(local) else self.pick("沪苏皖赣闽")
        city = self.pick("ABCDEFGHJKL")
        chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        if self.chance(ev):
            return prov + city + self.pick("DF") + self.digits(5)
        return prov + city + "".join(self.pick(chars) if i < 2 and self.chance(0.4) else str(self.r.randrange(10))
                                     for i in range(5))

    def passport(self) -> str:
        return "E" + self.digits(8) if self.chance(0.8) else "G" + self.digits(8)

    def hk_permit(self) -> str:
        return "C" + self.digits(8)

    def bank_card(self, spaced=False) -> str:
        bin_, n = self.pick(DEBIT_BINS)
        payload = bin_ + self.digits(n - 7)
        v = payload + luhn_check_digit(payload)
        if spaced:
            v = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        return v

    def credit_card(self) -> str:
        bin_, n = self.pick(CREDIT_BINS)
        payload = bin_ + self.digits(n - 7)
        return payload + luhn_check_digit(payload)

    def uscc(self, prefix="91", code=None) -> str:
        code = code or self.pick(list(COUNTIES))
        chars = USCC_CHARS[:10] * 3 + "ABCDEFGHJKLMNPQRTUWXY"
        body8 = ("MA" if self.chance(0.4) else "") + "".join(self.pick(chars) for _ in range(8))
        body8 = body8[:8]
        body8 = "".join(c if c in USCC_CHARS else "0" for c in body8)
        oc = orgcode_check_char(body8)
        body17 = prefix + code + body8 + oc
        return body17 + uscc_check_char(body17)

    def company(self, code=None) -> str:
        code = code if code in COUNTIES else self.pick(list(COUNTIES))
        city = COUNTIES[code][0][:-1]
        core = self.fk.company_prefix()
        suf = self.pick(["科技有限公司", "贸易有限公司", "建设工程有限公司", "食品有限公司", "物业管理有限公司", "机械制造有限公司",
                         "餐饮管理有限公司", "电子商务有限公司", "化工有限公司", "实业有限公司", "股份有限公司", "运输有限公司"])
        return f"{city}{core}{suf}"

    def excel_serial(self, d: dt.date) -> int:
        return (d - dt.date(1899, 12, 30)).days

    def fmt_date(self, d: dt.date, styles=("iso",)) -> str | int:
        s = self.pick(styles)
        if s == "iso":
            return d.isoformat()
        if s == "slash":
            return f"{d.year}/{d.month}/{d.day}"
        if s == "compact":
            return f"{d:%Y%m%d}"
        if s == "cn":
            return f"{d.year}年{d.month}月{d.day}日"
        if s == "dot":
            return f"{d:%Y.%m.%d}"
        if s == "serial":
            return self.excel_serial(d)
        raise ValueError(s)

    def money(self, lo, hi, dec=2) -> float:
        return round(self.r.uniform(lo, hi), dec)

    def sparse(self, v, p, ph=None):
        """None (or a placeholder from ph) with probability p."""
        if self.chance(p):
            return self.pick(ph) if ph else None
        return v
