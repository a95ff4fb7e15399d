"""v6 evaluation set: registry, seeded value generators, check digits and byte-stable writers.

Written from the label rules in eval/README.md, shared/reference/privacy-standards.md and
public standards only (GB 11643, GB/T 2260, GB 11714, GB 32100, ISO/IEC 7812 Luhn).
Only the standard library, numpy, pyarrow and faker are used.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import zipfile
from xml.sax.saxutils import escape

import numpy as np

REF = dt.date(2026, 11, 30)  # "today" of the imagined exports

SECTORS = {
    "court": "人民法院",
    "procur": "人民检察院",
    "justice": "司法行政",
    "prison": "监狱戒毒",
    "police": "公安",
    "health": "卫生健康",
    "medins": "医疗保障",
    "hrss": "人力资源和社会保障",
    "fund": "住房公积金",
    "civil": "民政",
    "edu": "教育",
    "transport": "交通运输",
    "tax": "税务",
    "finance": "金融监管",
    "veteran": "退役军人事务",
    "religion": "民族宗教事务",
    "emergency": "应急管理",
    "utility": "公用事业",
    "stats": "统计",
    "market": "市场监督管理",
    "disabled": "残疾人联合会",
    "govservice": "政务服务",
}

# ---------------------------------------------------------------- registry

REGISTRY: list[dict] = []


def table(tid, sector, kind, title, fmt="csv", enc="utf-8", delim=",", rows=500, note=None, crlf=False):
    def deco(fn):
        assert sector in SECTORS, sector
        assert all(t["id"] != tid for t in REGISTRY), tid
        REGISTRY.append(
            dict(id=tid, sector=sector, kind=kind, title=title, fmt=fmt, enc=enc, delim=delim,
                 rows=rows, note=note, crlf=crlf, fn=fn)
        )
        return fn

    return deco


LEVELS = {"S": "sensitive", "P": "personal", "N": "none"}
ROLES = {"d": "direct", "q": "quasi", "s": "sensitive", "o": "other"}
STYLES = {"zh": "chinese", "py": "pinyin", "in": "initials", "sn": "english_snake",
          "cc": "english_camel", "mx": "mixed", "op": "opaque"}


class Col:
    __slots__ = ("name", "vals", "level", "entity", "role", "style", "tags", "note")

    def __init__(self, name, style, lab, vals, tags=(), note=None):
        lv, ent, ro = lab.split("/")
        self.name = name
        self.style = STYLES[style]
        self.level = LEVELS[lv]
        self.entity = None if ent == "-" else ent
        self.role = ROLES[ro]
        self.vals = list(vals)
        self.tags = list(tags)
        self.note = note

    def label(self):
        d = {"name": self.name, "level": self.level, "entity": self.entity, "role": self.role,
             "style": self.style}
        if self.tags:
            d["tags"] = self.tags
        if self.note:
            d["note"] = self.note
        return d


C = Col


def seed_of(tid: str) -> int:
    return int.from_bytes(hashlib.sha256(("pubdata-eval/v6/" + tid).encode()).digest()[:8], "big")


# ---------------------------------------------------------------- check digits

ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, ID_W)) % 11]


USCC_CS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check(first17: str) -> str:
    s = sum(USCC_CS.index(ch) * w for ch, w in zip(first17, USCC_W))
    return USCC_CS[(31 - s % 31) % 31]


ORG_CS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def org_check(first8: str) -> str:
    c = 11 - sum(ORG_CS.index(ch) * w for ch, w in zip(first8, ORG_W)) % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def luhn_digit(body: str) -> str:
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(num: str) -> bool:
    return num.isdigit() and luhn_digit(num[:-1]) == num[-1]


def id_ok(s: str) -> bool:
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        b = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return b <= REF and id_check(s[:17]) == s[17].upper()


# ---------------------------------------------------------------- vocabularies

# GB/T 2260 county-level codes of a Hunan-like province (+ some from elsewhere for migrants)
COUNTIES = [
    ("430102", "长沙市", "芙蓉区"), ("430103", "长沙市", "天心区"), ("430104", "长沙市", "岳麓区"),
    ("430105", "长沙市", "开福区"), ("430111", "长沙市", "雨花区"), ("430112", "长沙市", "望城区"),
    ("430121", "长沙市", "长沙县"), ("430181", "长沙市", "浏阳市"), ("430182", "长沙市", "宁乡市"),
    ("430202", "株洲市", "荷塘区"), ("430203", "株洲市", "芦淞区"), ("430211", "株洲市", "天元区"),
    ("430302", "湘潭市", "雨湖区"), ("430304", "湘潭市", "岳塘区"), ("430381", "湘潭市", "湘乡市"),
    ("430405", "衡阳市", "珠晖区"), ("430407", "衡阳市", "石鼓区"), ("430408", "衡阳市", "蒸湘区"),
    ("430602", "岳阳市", "岳阳楼区"), ("430702", "常德市", "武陵区"), ("430703", "常德市", "鼎城区"),
    ("430903", "益阳市", "赫山区"), ("431002", "郴州市", "北湖区"), ("431102", "永州市", "零陵区"),
    ("431302", "娄底市", "娄星区"), ("433101", "湘西州", "吉首市"),
]
CITY_TEL = {"长沙市": "0731", "株洲市": "0731", "湘潭市": "0731", "衡阳市": "0734", "岳阳市": "0730",
            "常德市": "0736", "益阳市": "0737", "郴州市": "0735", "永州市": "0746", "娄底市": "0738",
            "湘西州": "0743"}
OUTSIDE = ["420102", "420111", "440106", "440304", "360102", "500103", "510104", "450103",
           "330106", "110105", "320102", "410105", "521727", "522601"]
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万覃")
GIVEN_M = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林兵锋建国志文博睿轩泽宏峰成亮志红新"
GIVEN_F = "芳娜敏静丽艳娟霞燕玲桂丹萍红梅琳洁颖雪慧婷倩琴云莉兰凤秀英佳欣怡雯璐晶瑶婧蓉菲露妍"
ROADS = ["芙蓉中路", "五一大道", "韶山北路", "麓山南路", "人民东路", "解放西路", "湘江中路", "建设北路",
         "新华路", "车站北路", "劳动西路", "东二环", "万家丽中路", "金星中路", "岳华路", "雷锋大道",
         "桐梓坡路", "枫林三路", "长沙大道", "星沙大道", "红旗路", "建湘路", "团结路", "迎宾路"]
ESTATES = ["金域蓝湾", "碧桂园", "梅溪湖壹号", "万科城", "恒大华府", "保利林语", "湘江世纪城", "中建芙蓉工社",
           "新城国际", "紫薇苑", "桃花苑", "和园小区", "锦绣华庭", "东方明珠小区", "玉兰花园", "水岸新都"]
TOWNS = ["望月湖街道", "橘子洲街道", "东塘街道", "左家塘街道", "侯家塘街道", "火星街道", "洪山街道",
         "黎托街道", "坪塘街道", "星沙街道", "集里街道", "玉潭街道", "金洲镇", "白箬铺镇", "榔梨街道"]
VILLAGES = ["石门村", "高桥村", "新民村", "团山村", "胜利村", "光明村", "长冲村", "枫树村", "大塘村"]
COMM = ["桂花社区", "红枫社区", "望城坡社区", "新河社区", "湘府社区", "清水塘社区", "五里牌社区", "荷花池社区",
        "马王堆社区", "南湖社区", "金盆岭社区", "左家垅社区"]
ETHNIC = ["汉族"] * 20 + ["土家族", "苗族", "侗族", "瑶族", "回族", "白族", "壮族", "满族", "蒙古族"]
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生", "文盲或半文盲"]
MARITAL = ["未婚", "已婚", "离婚", "丧偶", "初婚", "再婚"]
OCCUP = ["农民", "工人", "个体经营者", "公司职员", "教师", "医生", "司机", "退休人员", "无业", "学生",
         "自由职业", "建筑工人", "餐饮服务员", "快递员", "保安", "护士", "厨师", "销售人员"]
POLIT = ["群众", "中共党员", "共青团员", "民革党员", "无党派人士"]
MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
                 "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "180", "181", "182",
                 "183", "185", "186", "187", "188", "189", "191", "195", "198", "199"]
BANKS = [("621700", "中国建设银行"), ("622202", "中国工商银行"), ("622848", "中国农业银行"),
         ("621661", "中国银行"), ("622262", "交通银行"), ("621799", "中国邮政储蓄银行"),
         ("623595", "长沙银行"), ("621449", "湖南农信"), ("622588", "招商银行")]
ICD = [("I10", "原发性高血压"), ("E11.9", "2型糖尿病不伴有并发症"), ("J18.9", "肺炎"), ("J44.1", "慢性阻塞性肺病伴急性加重"),
       ("I63.9", "脑梗死"), ("I25.1", "动脉粥样硬化性心脏病"), ("K29.7", "胃炎"), ("N18.5", "慢性肾脏病5期"),
       ("C34.9", "支气管或肺恶性肿瘤"), ("C50.9", "乳房恶性肿瘤"), ("C16.9", "胃恶性肿瘤"), ("C22.0", "肝细胞癌"),
       ("F20.9", "精神分裂症"), ("F32.9", "抑郁发作"), ("F31.9", "双相情感障碍"), ("G40.9", "癫痫"),
       ("B18.1", "慢性乙型病毒性肝炎"), ("A15.0", "肺结核，经显微镜下痰检查证实"), ("B20", "HIV病造成的感染性疾病"),
       ("O80", "单胎顺产"), ("O24.4", "妊娠期糖尿病"), ("M17.9", "膝关节病"), ("S72.0", "股骨颈骨折"),
       ("J06.9", "急性上呼吸道感染"), ("K80.2", "胆囊结石不伴有胆囊炎"), ("E78.5", "高脂血症"),
       ("I50.9", "心力衰竭"), ("D64.9", "贫血"), ("H25.9", "老年性白内障"), ("Z34.9", "正常妊娠监督")]
DRUGS = ["阿莫西林胶囊", "苯磺酸氨氯地平片", "二甲双胍缓释片", "阿托伐他汀钙片", "奥美拉唑肠溶胶囊", "氯吡格雷片",
         "胰岛素注射液", "利培酮片", "奥氮平片", "舍曲林片", "丙戊酸钠缓释片", "恩替卡韦分散片", "替诺福韦片",
         "异烟肼片", "利福平胶囊", "头孢克肟分散片", "布洛芬缓释胶囊", "硝苯地平控释片", "美托洛尔缓释片",
         "碳酸锂缓释片", "甲硝唑片", "左氧氟沙星片", "缬沙坦胶囊", "阿司匹林肠溶片"]
ALLERGY = ["青霉素", "头孢类", "磺胺类", "海鲜", "花粉", "链霉素", "碘造影剂", "无", "无", "无", "不详", "鸡蛋", "芒果"]
CRIMES = ["盗窃罪", "诈骗罪", "故意伤害罪", "危险驾驶罪", "寻衅滋事罪", "帮助信息网络犯罪活动罪", "开设赌场罪",
          "贩卖毒品罪", "交通肇事罪", "容留他人吸毒罪", "职务侵占罪", "合同诈骗罪", "掩饰、隐瞒犯罪所得罪",
          "非法吸收公众存款罪", "抢劫罪", "非法持有毒品罪", "聚众斗殴罪", "拒不支付劳动报酬罪", "妨害公务罪",
          "非法捕捞水产品罪", "失火罪", "猥亵儿童罪", "故意毁坏财物罪", "滥伐林木罪"]
CIVIL_CAUSES = ["民间借贷纠纷", "离婚纠纷", "机动车交通事故责任纠纷", "劳动争议", "买卖合同纠纷", "金融借款合同纠纷",
                "物业服务合同纠纷", "房屋租赁合同纠纷", "继承纠纷", "抚养纠纷", "追索劳动报酬纠纷", "信用卡纠纷",
                "提供劳务者受害责任纠纷", "医疗损害责任纠纷", "相邻关系纠纷"]
HOTELS = ["长沙五一广场如家酒店", "7天连锁酒店(长沙火车站店)", "汉庭酒店(湘潭雨湖区店)", "锦江之星(株洲神农城店)",
          "维也纳酒店(长沙梅溪湖店)", "格林豪泰(衡阳高铁站店)", "岳阳楼区金水湾宾馆", "常德武陵阁大酒店",
          "浏阳河畔民宿", "宁乡花明楼旅社", "湘西吉首乾州宾馆", "星沙通程大酒店", "橘子洲头青年旅舍"]
CO_WORDS = ["湘江", "星城", "麓谷", "岳麓", "芙蓉", "天心", "华菱", "金霞", "楚天", "潇湘", "南岳", "洞庭",
            "梅溪", "三一", "中联", "友阿", "步步高", "通程", "远大", "山河", "和顺", "鑫源", "博源", "盛世"]
CO_INDUSTRY = ["科技", "建设工程", "商贸", "物流", "餐饮管理", "食品", "医药", "机械制造", "电子", "房地产开发",
               "物业管理", "农业开发", "劳务", "信息技术", "装饰工程", "汽车销售服务", "环保科技", "文化传媒"]
CO_FORM = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]

FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def fullwidth(s):
    return None if s is None else s.translate(FULLWIDTH)


# ---------------------------------------------------------------- context


class Ctx:
    def __init__(self, tid, n):
        s = seed_of(tid)
        self.tid = tid
        self.n = n
        self.r = random.Random(s)
        self.g = np.random.default_rng(s)
        self._fk = None
        self._seed = s
        self.min_age = 999

    # faker is created lazily (slow to import per locale)
    def faker(self, locale="zh_CN"):
        from faker import Faker

        f = Faker(locale)
        f.seed_instance(self._seed)
        return f

    # ---- basic draws
    def ch(self, seq):
        return seq[self.r.randrange(len(seq))]

    def chs(self, seq, k=None):
        return [self.ch(seq) for _ in range(self.n if k is None else k)]

    def wch(self, seq, weights):
        return self.r.choices(seq, weights=weights, k=1)[0]

    def wchs(self, seq, weights):
        return self.r.choices(seq, weights=weights, k=self.n)

    def ints(self, lo, hi):
        return [self.r.randint(lo, hi) for _ in range(self.n)]

    def digits(self, k):
        return "".join(str(self.r.randrange(10)) for _ in range(k))

    def serials(self, prefix, start=None, width=6, step=(1, 3)):
        x = start if start is not None else self.r.randint(10, 9000)
        out = []
        for _ in range(self.n):
            x += self.r.randint(*step)
            out.append(f"{prefix}{x:0{width}d}")
        return out

    def sparse(self, vals, p_null, filler=None):
        return [filler if self.r.random() < p_null else v for v in vals]

    def placeholders(self, vals, p, fills=("无", "-", "NULL", "/", "不详")):
        return [self.ch(fills) if self.r.random() < p else v for v in vals]

    # ---- dates
    def date(self, a: dt.date, b: dt.date):
        return a + dt.timedelta(days=self.r.randint(0, (b - a).days))

    def dates(self, a, b, fmt="%Y-%m-%d"):
        return [self.date(a, b).strftime(fmt) for _ in range(self.n)]

    def dtime(self, a, b):
        d = self.date(a, b)
        return dt.datetime(d.year, d.month, d.day, self.r.randint(0, 23), self.r.randint(0, 59), self.r.randint(0, 59))

    def dtimes(self, a, b, fmt="%Y-%m-%d %H:%M:%S"):
        return [self.dtime(a, b).strftime(fmt) for _ in range(self.n)]

    # ---- persons
    def name(self, sex=None):
        sex = sex or self.ch("MF")
        pool = GIVEN_M if sex == "M" else GIVEN_F
        sur = self.ch(SURNAMES)
        if self.r.random() < 0.02:
            sur = self.ch(["欧阳", "司马", "诸葛", "上官"])
        g = self.ch(pool) + (self.ch(pool) if self.r.random() < 0.7 else "")
        return sur + g

    def county(self, outside=0.0):
        if self.r.random() < outside:
            return (self.ch(OUTSIDE), None, None)
        return self.ch(COUNTIES)

    def rid(self, birth: dt.date, sex, code=None):
        code = code or self.county(0.1)[0]
        seq = self.r.randint(0, 99) * 10 + self.r.choice([1, 3, 5, 7, 9] if sex == "M" else [0, 2, 4, 6, 8])
        body = f"{code}{birth:%Y%m%d}{seq:03d}"
        return body + id_check(body)

    def birth(self, age_lo, age_hi):
        a = REF - dt.timedelta(days=int(age_hi * 365.25) + 300)
        b = REF - dt.timedelta(days=int(age_lo * 365.25) + 1)
        d = self.date(a, b)
        return d

    def person(self, age=(18, 80), outside=0.1, sex=None):
        sex = sex or self.ch("MF")
        b = self.birth(*age)
        cty = self.county(outside)
        age_y = REF.year - b.year - ((REF.month, REF.day) < (b.month, b.day))
        self.min_age = min(self.min_age, age_y)
        return {"name": self.name(sex), "sex": sex, "sexzh": "男" if sex == "M" else "女",
                "sexcode": "1" if sex == "M" else "2", "birth": b, "age": age_y,
                "id": self.rid(b, sex, cty[0]), "mobile": self.mobile(), "county": cty}

    def people(self, age=(18, 80), outside=0.1, sex=None):
        return [self.person(age, outside, sex) for _ in range(self.n)]

    def mobile(self):
        return self.ch(MOBILE_PREFIX) + self.digits(8)

    def landline(self, city="长沙市", dash="-"):
        return CITY_TEL.get(city, "0731") + dash + self.ch("2345678") + self.digits(7)

    def address(self, county=None, detail=True):
        c = county if county and county[1] else self.ch(COUNTIES)
        if self.r.random() < 0.25:
            s = f"湖南省{c[1]}{c[2]}{self.ch(TOWNS)}{self.ch(VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 99)}号"
        else:
            s = f"湖南省{c[1]}{c[2]}{self.ch(ROADS)}{self.r.randint(1, 600)}号{self.ch(ESTATES)}"
            if detail:
                s += f"{self.r.randint(1, 30)}栋{self.r.randint(1, 4)}单元{self.r.randint(1, 33)}{self.r.randint(1, 4):02d}室"
        if self.r.random() < 0.3:
            s = s.replace("湖南省", "", 1)
        return s

    def org_address(self):
        c = self.ch(COUNTIES)
        return f"湖南省{c[1]}{c[2]}{self.ch(ROADS)}{self.r.randint(1, 900)}号"

    def bank_card(self, n19=None):
        bin_, bank = self.ch(BANKS)
        ln = 19 if (n19 if n19 is not None else self.r.random() < 0.7) else 16
        body = bin_ + self.digits(ln - 7)
        return body + luhn_digit(body)

    def credit_card(self):
        bin_ = self.ch(["622588", "625802", "628288", "438088", "524047", "356833", "512425"])
        body = bin_ + self.digits(9)
        return body + luhn_digit(body)

    def passport(self):
        if self.r.random() < 0.5:
            return "E" + self.digits(8)
        return "E" + self.ch("ABCDEFGHJK") + self.digits(7)

    def hk_permit(self):  # 往来港澳通行证 (C + letter/digit + 7 digits) / 回乡证 H/M + 8 digits
        return "C" + self.ch("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") + self.digits(7)

    def home_return(self):
        return self.ch("HM") + self.digits(8)

    def tw_permit(self):  # 台湾居民来往大陆通行证: 8 digits
        return self.digits(8)

    def plate(self, city_letter=None):
        L = city_letter or self.ch("AAAAABCDEFGHJKLMNU")
        if self.r.random() < 0.15:
            return "湘" + L + self.ch("DF") + self.digits(5)
        chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
        s = "".join(self.ch(chars) if i < 2 and self.r.random() < 0.4 else str(self.r.randrange(10)) for i in range(5))
        return "湘" + L + s

    def ip(self):
        return self.ch(["113.246", "175.9", "222.240", "58.20", "124.228", "36.157", "42.48"]) + f".{self.r.randint(0, 255)}.{self.r.randint(1, 254)}"

    def gps(self, lon0=112.94, lat0=28.23, spread=0.15, nd=6):
        return (round(lon0 + self.r.uniform(-spread, spread), nd), round(lat0 + self.r.uniform(-spread, spread), nd))

    def money(self, lo, hi, nd=2):
        return round(self.r.uniform(lo, hi), nd)

    def moneys(self, lo, hi, nd=2):
        return [self.money(lo, hi, nd) for _ in range(self.n)]

    # ---- organisations
    def uscc(self, kind="91"):
        c = self.ch(COUNTIES)[0]
        body8 = "".join(self.ch("0123456789ABCDEFGHJKLMNPQRTUWXY") if i == 0 and self.r.random() < 0.3 else str(self.r.randrange(10)) for i in range(8))
        org9 = body8 + org_check(body8)
        body = kind + c + org9
        return body + uscc_check(body)

    def company(self):
        return f"{self.ch(['长沙', '湖南', '株洲', '湘潭', '衡阳', '岳阳', '常德', ''])}{self.ch(CO_WORDS)}{self.ch(CO_INDUSTRY)}{self.ch(CO_FORM)}"

    # ---- masks
    @staticmethod
    def mask_id(s):
        return s[:6] + "********" + s[-4:]

    @staticmethod
    def mask_phone(s):
        return s[:3] + "****" + s[-4:]

    @staticmethod
    def mask_name(s):
        return s[0] + ("*" if len(s) == 2 else "*" * (len(s) - 1))

    @staticmethod
    def mask_card(s):
        return s[:4] + " **** **** " + s[-4:]


def age_of(b: dt.date) -> int:
    return REF.year - b.year - ((REF.month, REF.day) < (b.month, b.day))


# ---------------------------------------------------------------- writers


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_csv(path, names, rows, enc, delim, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(names)
    for row in rows:
        w.writerow([_cell(v) for v in row])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(enc))


def _arrow_col(vals):
    import pyarrow as pa

    nn = [v for v in vals if v is not None]
    if nn and all(isinstance(v, bool) for v in nn):
        return pa.array(vals, type=pa.bool_())
    if nn and all(isinstance(v, int) and not isinstance(v, bool) for v in nn):
        return pa.array(vals, type=pa.int64())
    if nn and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in nn):
        return pa.array([None if v is None else float(v) for v in vals], type=pa.float64())
    return pa.array([None if v is None else _cell(v) for v in vals], type=pa.string())


def write_parquet(path, names, cols):
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pa.table({n: _arrow_col(c) for n, c in zip(names, cols)})
    pq.write_table(t, path, compression="snappy")


def write_jsonl(path, names, rows):
    with open(path, "wb") as f:
        for row in rows:
            f.write((json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n").encode("utf-8"))


def _colref(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def _xml_text(s):
    s = "".join(ch for ch in s if ch in "\t\n\r" or ord(ch) >= 32)
    return escape(s)


def write_xlsx(path, names, rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for ri, row in enumerate([names] + rows, start=1):
        cells = []
        for ci, v in enumerate(row):
            if v is None:
                continue
            ref = f"{_colref(ci)}{ri}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_xml_text(_cell(v))}</t></is></c>')
        out.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
    out.append("</sheetData></worksheet>")
    parts = {
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
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, text.encode("utf-8"))
