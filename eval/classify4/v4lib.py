"""v4 evaluation set: check digits, byte-stable writers, seeded value generators.

Written independently (stdlib + numpy + pyarrow + faker only). Nothing here imports project code.
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
from xml.sax.saxutils import escape

import numpy as np

REF_DATE = dt.date(2026, 6, 30)  # "data extracted on": ages and minors are computed against it

# --------------------------------------------------------------------------- check digits

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(body17: str) -> str:
    return ID_C[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


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
        d = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return d <= REF_DATE and id_check(s[:17]) == s[17]


USCC_CS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(body17: str) -> str:
    s = sum(USCC_CS.index(c) * w for c, w in zip(body17, USCC_W))
    return USCC_CS[(31 - s % 31) % 31]


def uscc_valid(s: str) -> bool:
    return len(s) == 18 and all(c in USCC_CS for c in s) and uscc_check(s[:17]) == s[17]


ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def orgcode_check(body8: str) -> str:  # GB 11714
    c = 11 - sum(ORG_CS.index(ch) * w for ch, w in zip(body8, ORG_W)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


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


def luhn_valid(s: str) -> bool:
    return s.isdigit() and len(s) >= 12 and luhn_digit(s[:-1]) == s[-1]


# --------------------------------------------------------------------------- writers

def _cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v) if v != int(v) or abs(v) > 1e15 else f"{v:.2f}"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def write_csv(path, header, rows, encoding, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if encoding == "gbk" else "\n",
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([_cell(v) for v in r])
    data = buf.getvalue().encode(encoding)  # utf-8-sig writes the BOM; gbk raises on foreign chars
    with open(path, "wb") as f:
        f.write(data)


def _jsonable(v):
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def write_jsonl(path, header, rows):
    with open(path, "wb") as f:
        for r in rows:
            obj = {h: _jsonable(v) for h, v in zip(header, r)}
            f.write((json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8"))


def col_type(vals):
    kinds = {type(v) for v in vals if v is not None}
    if kinds == {int}:
        return "int"
    if kinds and kinds <= {int, float}:
        return "float"
    if kinds == {dt.date}:
        return "date"
    return "str"


def write_parquet(path, header, cols):
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = []
    for vals in cols:
        t = col_type(vals)
        if t == "int":
            arrays.append(pa.array(vals, type=pa.int64()))
        elif t == "float":
            arrays.append(pa.array([None if v is None else float(v) for v in vals], type=pa.float64()))
        elif t == "date":
            arrays.append(pa.array(vals, type=pa.date32()))
        else:
            arrays.append(pa.array([None if v is None else _cell(v) for v in vals], type=pa.string()))
    table = pa.Table.from_arrays(arrays, names=list(header))
    pq.write_table(table, path, compression="snappy", write_statistics=False)


def _col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, header, rows, title=None):
    """Minimal SpreadsheetML, one sheet, inline strings, fixed zip dates (byte-stable)."""
    out = []
    rn = 0

    def row_xml(vals):
        nonlocal rn
        rn += 1
        cells = []
        for i, v in enumerate(vals):
            ref = f"{_col_letter(i)}{rn}"
            if v is None:
                continue
            if isinstance(v, bool):
                v = str(v)
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                s = escape(_cell(v))
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{s}</t></is></c>')
        return f'<row r="{rn}">' + "".join(cells) + "</row>"

    if title:
        out.append(row_xml([title]))
    out.append(row_xml(list(header)))
    for r in rows:
        out.append(row_xml(r))
    merge = ""
    if title:
        merge = f'<mergeCells count="1"><mergeCell ref="A1:{_col_letter(len(header) - 1)}1"/></mergeCells>'
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData>' + "".join(out) + '</sheetData>' + merge + '</worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2026, 6, 30, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, text.encode("utf-8"))


# --------------------------------------------------------------------------- vocabularies (hand-written)

SURNAMES = {'王': 'wang', '李': 'li', '张': 'zhang', '刘': 'liu', '陈': 'chen', '杨': 'yang', '黄': 'huang',
            '赵': 'zhao', '吴': 'wu', '周': 'zhou', '徐': 'xu', '孙': 'sun', '马': 'ma', '朱': 'zhu', '胡': 'hu',
            '郭': 'guo', '何': 'he', '高': 'gao', '林': 'lin', '罗': 'luo', '郑': 'zheng', '梁': 'liang',
            '谢': 'xie', '宋': 'song', '唐': 'tang', '许': 'xu', '韩': 'han', '冯': 'feng', '邓': 'deng',
            '曹': 'cao', '彭': 'peng', '曾': 'zeng', '肖': 'xiao', '田': 'tian', '董': 'dong', '袁': 'yuan',
            '潘': 'pan', '于': 'yu', '蒋': 'jiang', '蔡': 'cai', '余': 'yu', '杜': 'du', '叶': 'ye',
            '程': 'cheng', '苏': 'su', '魏': 'wei', '吕': 'lv', '丁': 'ding', '任': 'ren', '沈': 'shen',
            '姚': 'yao', '卢': 'lu', '姜': 'jiang', '崔': 'cui', '钟': 'zhong', '谭': 'tan', '陆': 'lu',
            '汪': 'wang', '范': 'fan', '金': 'jin', '石': 'shi', '廖': 'liao', '贾': 'jia', '夏': 'xia',
            '韦': 'wei', '付': 'fu', '方': 'fang', '白': 'bai', '邹': 'zou', '孟': 'meng', '熊': 'xiong',
            '秦': 'qin', '邱': 'qiu', '江': 'jiang', '尹': 'yin', '薛': 'xue', '闫': 'yan', '段': 'duan',
            '雷': 'lei', '侯': 'hou', '龙': 'long', '史': 'shi', '陶': 'tao', '黎': 'li', '贺': 'he',
            '顾': 'gu', '毛': 'mao', '郝': 'hao', '龚': 'gong', '邵': 'shao', '万': 'wan', '钱': 'qian',
            '严': 'yan', '覃': 'qin', '武': 'wu', '戴': 'dai', '莫': 'mo', '孔': 'kong', '向': 'xiang',
            '汤': 'tang'}
GIVEN = {'鹏': 'peng', '伟': 'wei', '永': 'yong', '新': 'xin', '秋': 'qiu', '峰': 'feng', '敏': 'min',
         '雨': 'yu', '建': 'jian', '诺': 'nuo', '超': 'chao', '晓': 'xiao', '霞': 'xia', '燕': 'yan',
         '凯': 'kai', '勇': 'yong', '文': 'wen', '娟': 'juan', '东': 'dong', '刚': 'gang', '然': 'ran',
         '涵': 'han', '卫': 'wei', '胜': 'sheng', '欣': 'xin', '英': 'ying', '小': 'xiao', '斌': 'bin',
         '晨': 'chen', '军': 'jun', '杰': 'jie', '菊': 'ju', '博': 'bo', '轩': 'xuan', '子': 'zi', '海': 'hai',
         '静': 'jing', '兰': 'lan', '宇': 'yu', '婷': 'ting', '芳': 'fang', '桐': 'tong', '丽': 'li',
         '桂': 'gui', '丹': 'dan', '佳': 'jia', '琪': 'qi', '红': 'hong', '春': 'chun', '嘉': 'jia',
         '志': 'zhi', '浩': 'hao', '玉': 'yu', '艳': 'yan', '秀': 'xiu', '俊': 'jun', '娜': 'na', '磊': 'lei',
         '飞': 'fei', '国': 'guo', '萍': 'ping', '强': 'qiang', '梅': 'mei', '洋': 'yang', '怡': 'yi',
         '远': 'yuan', '德': 'de', '一': 'yi', '思': 'si', '梓': 'zi', '福': 'fu', '华': 'hua', '雪': 'xue',
         '慧': 'hui', '龙': 'long', '平': 'ping', '曦': 'xi', '涛': 'tao', '明': 'ming', '立': 'li'}
SUR_W = np.array([7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.3, 2.2, 2.0, 1.9, 1.8, 1.5, 1.4, 1.3, 1.3, 1.3, 1.2, 1.2,
                  1.1, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8] + [0.5] * (len(SURNAMES) - 25))
SUR_W = SUR_W / SUR_W.sum()

# GB/T 2260 county-level codes (Jiangsu) with names; a few out-of-province codes for migrants
COUNTIES = {
    "320102": "南京市玄武区", "320104": "南京市秦淮区", "320105": "南京市建邺区", "320106": "南京市鼓楼区",
    "320111": "南京市浦口区", "320113": "南京市栖霞区", "320114": "南京市雨花台区", "320115": "南京市江宁区",
    "320116": "南京市六合区", "320117": "南京市溧水区", "320118": "南京市高淳区",
    "320205": "无锡市锡山区", "320206": "无锡市惠山区", "320211": "无锡市滨湖区", "320213": "无锡市梁溪区",
    "320281": "无锡市江阴市", "320282": "无锡市宜兴市", "320311": "徐州市泉山区", "320322": "徐州市沛县",
    "320382": "徐州市邳州市", "320402": "常州市天宁区", "320411": "常州市新北区", "320412": "常州市武进区",
    "320506": "苏州市吴中区", "320507": "苏州市相城区", "320508": "苏州市姑苏区", "320509": "苏州市吴江区",
    "320581": "苏州市常熟市", "320582": "苏州市张家港市", "320583": "苏州市昆山市", "320612": "南通市通州区",
    "320681": "南通市启东市", "320707": "连云港市赣榆区", "320812": "淮安市清江浦区", "320902": "盐城市亭湖区",
    "320981": "盐城市东台市", "321003": "扬州市邗江区", "321181": "镇江市丹阳市", "321281": "泰州市兴化市",
    "321322": "宿迁市沭阳县",
}
MIGRANT = {"340104": "安徽省合肥市蜀山区", "342201": "安徽省宿州市", "410105": "河南省郑州市金水区",
           "411302": "河南省南阳市宛城区", "510107": "四川省成都市武侯区", "500101": "重庆市万州区",
           "430104": "湖南省长沙市岳麓区", "360121": "江西省南昌县", "370102": "山东省济南市历下区",
           "522601": "贵州省凯里市", "130102": "河北省石家庄市长安区", "420106": "湖北省武汉市武昌区"}
AREA_CODE = {"3201": "025", "3202": "0510", "3203": "0516", "3204": "0519", "3205": "0512", "3206": "0513",
             "3207": "0518", "3208": "0517", "3209": "0515", "3210": "0514", "3211": "0511", "3212": "0523",
             "3213": "0527"}
ROADS = ["中山路", "中山北路", "北京东路", "汉中路", "珠江路", "长江路", "人民路", "解放路", "建设路", "太湖大道",
         "干将路", "十全街", "淮海路", "健康路", "文昌路", "新华路", "和平路", "青年路", "东环路", "学府路",
         "湖滨路", "运河路", "南门大街", "环城西路", "通江大道", "金鸡湖大道", "滨河路", "雨花路", "龙蟠路",
         "江东中路"]
ESTATES = ["阳光花园", "金色家园", "翠竹新村", "梅园小区", "锦绣苑", "东湖名邸", "丽景湾", "幸福里", "紫金嘉园",
           "香樟园", "枫林苑", "运河人家", "万科城", "绿地世纪城", "学府雅居", "平江新城", "水岸豪庭", "康居小区",
           "桃园新村", "滨江花苑"]
STREETS = ["湖南路街道", "华侨路街道", "朝天宫街道", "夫子庙街道", "秣陵街道", "东山街道", "沧浪街道",
           "双塔街道", "崇安寺街道", "南长街道", "新桥镇", "梅村街道", "金坛镇", "周庄镇", "陆家镇", "东坎街道",
           "城东街道", "张渚镇", "月城镇", "沙溪镇"]
VILLAGES = ["永安村", "新河村", "红旗村", "前进村", "王庄村", "三合村", "河东村", "双塘村", "杨桥村", "东风村"]
ETHNIC = ["汉族"] * 96 + ["回族", "满族", "蒙古族", "壮族", "苗族", "土家族", "彝族", "维吾尔族"]
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生", "文盲或半文盲"]
MARITAL = ["未婚", "已婚", "离婚", "丧偶"]
OCCUP = ["工人", "农民", "个体经营者", "公司职员", "教师", "医务人员", "公务员", "自由职业", "退休人员", "学生",
         "无业", "驾驶员", "厨师", "销售人员"]
RELIGIONS = ["无"] * 40 + ["佛教"] * 5 + ["基督教"] * 3 + ["伊斯兰教", "天主教", "道教"]
POLITICAL = ["群众"] * 8 + ["中共党员", "共青团员", "民主党派"]
ICD = [("I10", "原发性高血压"), ("E11.9", "2型糖尿病"), ("J18.9", "肺炎"), ("J44.1", "慢性阻塞性肺病伴急性加重"),
       ("K29.7", "胃炎"), ("I25.1", "动脉硬化性心脏病"), ("I63.9", "脑梗死"), ("C34.9", "肺恶性肿瘤"),
       ("C16.9", "胃恶性肿瘤"), ("C50.9", "乳房恶性肿瘤"), ("N18.5", "慢性肾脏病5期"), ("F32.9", "抑郁发作"),
       ("F20.9", "精神分裂症"), ("B18.1", "慢性乙型病毒性肝炎"), ("A15.0", "肺结核"), ("M54.5", "腰痛"),
       ("K80.2", "胆囊结石"), ("J06.9", "急性上呼吸道感染"), ("S72.0", "股骨颈骨折"), ("G40.9", "癫痫"),
       ("E78.5", "高脂血症"), ("H25.9", "老年性白内障"), ("N20.0", "肾结石"), ("K35.8", "急性阑尾炎"),
       ("I48", "心房颤动"), ("D64.9", "贫血"), ("J45.9", "哮喘"), ("L20.9", "特应性皮炎"),
       ("M17.9", "膝关节病"), ("G20", "帕金森病"), ("F03", "痴呆"), ("C22.0", "肝细胞癌")]
PSYCH = [("F20.9", "精神分裂症"), ("F31.9", "双相情感障碍"), ("F32.9", "抑郁发作"), ("F06.8", "器质性精神障碍"),
         ("F79.9", "精神发育迟滞"), ("F22.0", "偏执性精神障碍"), ("G40.9", "癫痫所致精神障碍")]
DRUGS = ["阿莫西林胶囊", "盐酸二甲双胍缓释片", "苯磺酸氨氯地平片", "阿托伐他汀钙片", "头孢克肟分散片",
         "布洛芬缓释胶囊", "奥美拉唑肠溶胶囊", "硝苯地平控释片", "门冬胰岛素注射液", "硫酸氢氯吡格雷片",
         "阿司匹林肠溶片", "左氧氟沙星片", "甲钴胺片", "利培酮片", "盐酸舍曲林片", "恩替卡韦分散片",
         "缬沙坦胶囊", "碳酸锂缓释片", "氯氮平片", "丙戊酸钠缓释片"]
ALLERGENS = ["青霉素", "头孢类", "磺胺类", "阿司匹林", "海鲜", "花粉", "芒果", "链霉素", "碘造影剂"]
VACCINES = ["乙肝疫苗", "卡介苗", "脊灰灭活疫苗", "百白破疫苗", "麻腮风疫苗", "乙脑减毒活疫苗", "A群流脑多糖疫苗",
            "甲肝减毒活疫苗", "水痘疫苗", "流感疫苗", "13价肺炎球菌结合疫苗", "HPV疫苗"]
BANKS = ["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "江苏银行", "南京银行",
         "邮储银行", "农村商业银行", "招商银行"]
BINS = ["622202", "622848", "621700", "621661", "622262", "622588", "621483", "622700", "621098", "623668"]
CC_BINS = ["625802", "622580", "436742", "518710", "552599", "625906", "404119"]
ORG_WORDS = ["华信", "苏海", "金陵", "锦程", "恒达", "天工", "新润", "博远", "汇通", "瑞丰", "长欣", "中晟",
             "聚力", "东禾", "万弘", "江南", "同创", "海纳", "启明", "宏泰", "精诚", "永盛", "众邦", "润泽"]
ORG_TRADES = ["科技", "建设工程", "商贸", "物流", "餐饮管理", "食品", "机械制造", "电子", "医药", "纺织",
              "信息技术", "环保科技", "物业管理", "新材料", "建材", "农业发展", "文化传媒", "家政服务"]
ORG_FORMS = ["有限公司"] * 8 + ["股份有限公司", "有限责任公司"]
MALE_EN = ["James", "John", "Robert", "Michael", "David", "Daniel", "Thomas", "Kenji", "Hiroshi", "Min-jun",
           "Nguyen Van", "Ivan", "Pierre", "Lukas", "Ahmed", "Carlos"]
SUR_EN = ["Smith", "Johnson", "Brown", "Tanaka", "Suzuki", "Kim", "Park", "Tran", "Petrov", "Martin",
          "Muller", "Garcia", "Wilson", "Khan", "Lee", "Sato"]


# --------------------------------------------------------------------------- generator context

class Gen:
    """All randomness of one table, seeded from its id."""

    def __init__(self, table_id: str):
        h = hashlib.sha256(("pubdata-eval/v4/" + table_id).encode()).digest()
        seed = int.from_bytes(h[:8], "big")
        self.r = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self._faker = None
        self.seed = seed
        self._used = set()

    @property
    def faker(self):
        if self._faker is None:
            from faker import Faker
            f = Faker(["en_US", "ja_JP", "ko_KR", "fr_FR", "de_DE"])
            f.seed_instance(self.seed)
            self._faker = f
        return self._faker

    # ---- basics
    def choice(self, seq, n=None, p=None):
        if n is None:
            return self.r.choice(seq) if p is None else seq[int(self.np.choice(len(seq), p=p))]
        idx = self.np.choice(len(seq), size=n, p=p)
        return [seq[int(i)] for i in idx]

    def wchoice(self, pairs, n):
        vals = [v for v, _ in pairs]
        w = np.array([x for _, x in pairs], dtype=float)
        return self.choice(vals, n, p=w / w.sum())

    def date(self, start: dt.date, end: dt.date):
        return start + dt.timedelta(days=self.r.randrange((end - start).days + 1))

    def dates(self, n, start, end, fmt="%Y-%m-%d"):
        out = [self.date(start, end) for _ in range(n)]
        return out if fmt is None else [d.strftime(fmt) for d in out]

    def serial(self, n, prefix, width=8, start=None, step=(1, 7)):
        x = start if start is not None else self.r.randrange(10 ** (width - 2), 10 ** (width - 1))
        out = []
        for _ in range(n):
            x += self.r.randint(*step)
            out.append(f"{prefix}{x:0{width}d}")
        return out

    def sparse(self, vals, keep, fill=None):
        return [v if self.r.random() < keep else fill for v in vals]

    def placeholders(self, vals, share, ph=("无", "/", "-", "不详")):
        return [self.r.choice(ph) if self.r.random() < share else v for v in vals]

    def money(self, n, lo, hi, nd=2, as_str=False):
        out = [round(self.r.uniform(lo, hi), nd) for _ in range(n)]
        return [f"{v:.{nd}f}" for v in out] if as_str else out

    def ints(self, n, lo, hi):
        return [self.r.randint(lo, hi) for _ in range(n)]

    # ---- persons
    def cname(self, gender=None, single=None):
        s = self.choice(list(SURNAMES), p=SUR_W)
        g = list(GIVEN)
        k = 1 if (single if single is not None else self.r.random() < 0.3) else 2
        return s + "".join(self.r.choice(g) for _ in range(k))

    def pinyin_of(self, name, style="upper"):
        sur = SURNAMES[name[0]]
        giv = "".join(GIVEN[c] for c in name[1:])
        if style == "upper":
            return f"{sur.upper()} {giv.upper()}"
        if style == "title":
            return f"{sur.title()} {giv.title()}"
        return sur, giv

    def foreign_name(self):
        return f"{self.r.choice(MALE_EN)} {self.r.choice(SUR_EN)}"

    def birth(self, lo_age=18, hi_age=80):
        start = dt.date(REF_DATE.year - hi_age, 1, 1)
        end = dt.date(REF_DATE.year - lo_age, REF_DATE.month, 1)
        return self.date(start, end)

    def county(self, migrant_share=0.0):
        if self.r.random() < migrant_share:
            return self.r.choice(sorted(MIGRANT))
        return self.r.choice(sorted(COUNTIES))

    def rid(self, birth: dt.date, male: bool, county=None):
        c = county or self.county(0.15)
        seq = self.r.randrange(0, 50) * 2 + (1 if male else 0)
        body = f"{c}{birth:%Y%m%d}{self.r.randrange(10)}{seq:02d}"
        return body + id_check(body)

    def rid15(self, birth: dt.date, male: bool):
        c = self.county()
        seq = self.r.randrange(0, 500) * 2 + (1 if male else 0)
        return f"{c}{birth:%y%m%d}{seq:03d}"

    def person(self, lo=18, hi=80, migrant=0.15):
        male = self.r.random() < 0.5
        b = self.birth(lo, hi)
        c = self.county(migrant)
        return {"name": self.cname(), "male": male, "birth": b, "county": c,
                "id": self.rid(b, male, c), "mobile": self.mobile(), "addr": self.home_addr(c)}

    def persons(self, n, lo=18, hi=80, migrant=0.15):
        return [self.person(lo, hi, migrant) for _ in range(n)]

    # ---- contacts
    def mobile(self):
        pre = self.r.choice(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                             "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "186",
                             "187", "188", "189", "191", "198", "199", "147", "173", "176", "178"])
        return pre + f"{self.r.randrange(10 ** 8):08d}"

    def landline(self, county=None, dash=True):
        c = county or self.county()
        ac = AREA_CODE.get(c[:4], "025")
        num = f"{self.r.choice('5678')}{self.r.randrange(10 ** 7):07d}"
        return f"{ac}-{num}" if dash else f"{ac}{num}"

    def phone_form(self, m):
        k = self.r.random()
        if k < 0.15:
            return "+86 " + m
        if k < 0.25:
            return "+86-" + m
        if k < 0.32:
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if k < 0.38:
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        return m

    def email(self, name=None):
        if name and self.r.random() < 0.6:
            sur, giv = self.pinyin_of(name, "parts")
            local = self.r.choice([sur + giv, giv + "." + sur, sur + giv[:1], sur + giv]) + str(self.r.randrange(100))
        else:
            local = str(self.r.randrange(10 ** 7, 10 ** 10))
        return local + "@" + self.r.choice(["qq.com", "163.com", "126.com", "sina.com", "139.com", "foxmail.com",
                                            "outlook.com", "gmail.com"])

    def ip(self):
        a = self.r.choice([49, 58, 60, 61, 112, 114, 117, 121, 180, 183, 218, 221, 222])
        return f"{a}.{self.r.randrange(256)}.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"

    def home_addr(self, county=None, short=False):
        c = county or self.county()
        base = COUNTIES.get(c) or MIGRANT.get(c)
        if self.r.random() < 0.6:
            tail = (f"{self.r.choice(ROADS)}{self.r.randint(1, 400)}号{self.r.choice(ESTATES)}"
                    f"{self.r.randint(1, 40)}幢{self.r.randint(1, 4)}单元{self.r.randint(1, 33)}0{self.r.randint(1, 4)}室")
        elif self.r.random() < 0.5:
            tail = f"{self.r.choice(ESTATES)}{self.r.randint(1, 40)}栋{self.r.randint(1, 30)}0{self.r.randint(1, 4)}"
        else:
            tail = f"{self.r.choice(STREETS)}{self.r.choice(VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 99)}号"
        if short:
            return tail
        prov = "" if c not in COUNTIES else ("江苏省" if self.r.random() < 0.5 else "")
        return prov + base + tail

    def org_addr(self, county=None):
        c = county or self.county()
        return (COUNTIES.get(c, "南京市鼓楼区") + self.r.choice(ROADS) + f"{self.r.randint(1, 500)}号"
                + self.r.choice(["", "", f"{self.r.randint(2, 25)}楼", f"{self.r.randint(1, 9)}号楼{self.r.randint(1, 12)}0{self.r.randint(1, 9)}室"]))

    # ---- documents
    def bank_card(self, length=None):
        b = self.r.choice(BINS)
        L = length or self.r.choice([16, 19, 19])
        body = b + "".join(str(self.r.randrange(10)) for _ in range(L - len(b) - 1))
        return body + luhn_digit(body)

    def credit_card(self):
        b = self.r.choice(CC_BINS)
        body = b + "".join(str(self.r.randrange(10)) for _ in range(16 - len(b) - 1))
        return body + luhn_digit(body)

    def passport(self, kind="cn"):
        r = self.r
        if kind == "cn":
            if r.random() < 0.5:
                return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + f"{r.randrange(10 ** 7):07d}"
            return "E" + f"{r.randrange(10 ** 8):08d}"
        if kind == "hk":   # 往来港澳通行证 (electronic)
            return "C" + r.choice("ABCDEFGHJKLMNPQRSTUVWXY") + f"{r.randrange(10 ** 7):07d}"
        if kind == "tw":   # 往来台湾通行证
            return "L" + f"{r.randrange(10 ** 8):08d}"
        if kind == "hkres":  # 港澳居民来往内地通行证
            return r.choice("HM") + f"{r.randrange(10 ** 8):08d}"
        if kind == "twres":  # 台湾居民来往大陆通行证
            return f"{r.randrange(10 ** 8):08d}"
        # foreign machine-readable numbers
        return r.choice([lambda: f"{r.randrange(10 ** 8, 10 ** 9)}",
                         lambda: r.choice("MNTRS") + f"{r.randrange(10 ** 7, 10 ** 8)}",
                         lambda: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + f"{r.randrange(10 ** 7):07d}"])()

    def plate(self, county=None, ev_share=0.15):
        c = county or self.county()
        city = {"3201": "A", "3202": "B", "3203": "C", "3204": "D", "3205": "E", "3206": "F", "3207": "G",
                "3208": "H", "3209": "J", "3210": "K", "3211": "L", "3212": "M", "3213": "N"}.get(c[:4], "A")
        al = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        if self.r.random() < ev_share:
            return f"苏{city}{self.r.choice('DF')}{''.join(self.r.choice(al) for _ in range(5))}"
        k = "".join(self.r.choice(al) for _ in range(5))
        if sum(ch.isalpha() for ch in k) > 2:
            k = k[:2] + f"{self.r.randrange(1000):03d}"
        return f"苏{city}{k}"

    def uscc(self, kind="91", county=None):
        c = county or self.county()
        body8 = "".join(self.r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        org = body8 + orgcode_check(body8) if all(ch in ORG_CS for ch in body8) else body8 + "0"
        if org[-1] not in USCC_CS:
            org = org[:-1] + "0"
        body = kind + c + org
        return body + uscc_check(body)

    def org_name(self, county=None, trade=None, form=None):
        c = county or self.county()
        city = (COUNTIES.get(c) or "南京市")[:3].rstrip("市")
        return f"{city}{self.r.choice(ORG_WORDS)}{trade or self.r.choice(ORG_TRADES)}{form or self.r.choice(ORG_FORMS)}"

    def coord(self, county=None, nd=6):
        # rough bounding box of Jiangsu
        lat = self.r.uniform(31.2, 34.6)
        lon = self.r.uniform(117.4, 121.8)
        return round(lat, nd), round(lon, nd)


# --------------------------------------------------------------------------- value styles

FW = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def fullwidth(s):
    return s.translate(FW)


def mask_id(s):
    return s[:6] + "*" * 8 + s[-4:]


def mask_phone(s):
    return s[:3] + "****" + s[-4:]


def mask_name(s, r):
    k = r.random()
    if k < 0.5:
        return s[0] + "*" * (len(s) - 1)
    if k < 0.8:
        return s[0] + "某" * (len(s) - 1)
    return s[0] + r.choice(["先生", "女士"])


def mask_card(s):
    return s[:4] + " **** **** " + s[-4:]


def age_of(b: dt.date, on: dt.date = REF_DATE):
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


# --------------------------------------------------------------------------- reading birth dates back (minors)

_FW_BACK = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")


def birth_from_id(v):
    if v is None:
        return None
    s = str(v).translate(_FW_BACK).replace(" ", "").upper()
    if "*" in s:
        return None
    if len(s) == 18 and id_valid(s):
        return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    if len(s) == 15 and s.isdigit() and id_valid(s):
        return dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
    return None


_DATE_RES = [re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"),
             re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"), re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
             re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})")]


def parse_date(v):
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, (int, float)) and 10000 < v < 80000:  # Excel serial
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(v))
    s = str(v).translate(_FW_BACK).strip()
    if s.isdigit() and 10000 < int(s) < 80000 and len(s) == 5:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(s))
    for rx in _DATE_RES:
        m = rx.match(s)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def min_age(columns):
    """Smallest age (at REF_DATE) shown by any ID, birth-date or age column; None if none shown."""
    ages = []
    for entity, values in columns:
        for v in values:
            if entity == "CN_RESIDENT_ID":
                b = birth_from_id(v)
            elif entity == "DATE_OF_BIRTH":
                b = parse_date(v)
            elif entity == "AGE":
                try:
                    ages.append(int(str(v).rstrip("岁")))
                except (TypeError, ValueError):
                    pass
                continue
            else:
                continue
            if b is not None:
                ages.append(age_of(b))
    return min(ages) if ages else None
