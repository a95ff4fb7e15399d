"""Column-name hints, in one table: Chinese names (身份证号, 联系电话), English names
(id_number, mobile) and the pinyin initials of Chinese government databases (sfzh, xm, lxdh,
jtzz, csrq, cph, hphm, zjhm...).

A hint is only a hint: the column classifier combines it with the content of the column.
Besides entities, names tell context: an organisation's contact (单位电话, 办公地址, 服务热线,
dw_lxdh), a table about people (用户ID, 人员编号, device_id) and aggregates (人数, 合计, count) --
aggregates are not about one person.

Matching: Chinese keys match as substrings, English keys as whole ``snake``/``camel`` tokens
(or token sequences), pinyin initials only as a whole token. The longest match wins.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["NameHint", "HINTS", "hint_for", "is_aggregate_name", "is_people_key_name"]


@dataclass(frozen=True)
class NameHint:
    """What a column name suggests."""

    entity: str | None
    #: the key that matched (shown in evidence)
    key: str
    #: the column names an organisation's contact or office (单位电话, 办公地址)
    org: bool = False


# entity -> (Chinese substrings, English tokens/sequences, pinyin initials)
HINTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "CN_RESIDENT_ID": (
        (
            "身份证",
            "公民身份号码",
            "身份号码",
            "证件号",
            "证件编号",
            "社保卡号",
            "社会保障号",
            "社会保障卡号",
            "驾驶证号",
            "驾驶证编号",
            "居民身份",
        ),
        (
            "id number",
            "id no",
            "idno",
            "id num",
            "idcard",
            "id card",
            "national id",
            "citizen id",
            "resident id",
            "identity number",
            "identity card",
            "ssn",
            "id code",
            "certificate no",
            "cert no",
            "cert number",
        ),
        ("sfzh", "sfzhm", "zjhm", "gmsfhm", "sfz", "shbzh", "jszh", "zjh", "sfzjhm"),
    ),
    "PASSPORT": (("护照",), ("passport", "passport no", "passport number"), ("hzhm", "hzh")),
    "BANK_CARD": (
        (
            "银行卡",
            "银行账号",
            "银行帐号",
            "银行账户",
            "开户账号",
            "收款账号",
            "收款账户",
            "借记卡",
            "储蓄卡",
            "卡号",
            "账号",
            "帐号",
        ),
        ("bank card", "bank account", "bankcard", "account no", "account number", "card no", "card number"),
        ("yhkh", "yhzh", "khzh", "yhk"),
    ),
    "CREDIT_CARD": (("信用卡",), ("credit card", "creditcard", "cc number"), ("xykh",)),
    "PHONE_NUMBER": (
        ("电话", "手机", "联系方式", "联系号码", "移动电话", "固话", "座机", "号码", "热线", "传真"),
        ("phone", "mobile", "tel", "telephone", "cellphone", "cell", "contact number", "phone number", "msisdn"),
        ("lxdh", "sjhm", "sjh", "dh", "lxfs", "yddh", "gddh", "sj", "lxhm", "dhhm"),
    ),
    "EMAIL": (
        ("邮箱", "电子邮件", "电子信箱", "邮件地址"),
        ("email", "e mail", "mail", "mailbox"),
        ("yx", "dzyx", "dzxx", "yxdz"),
    ),
    "ADDRESS": (
        ("住址", "地址", "居住地", "户籍地", "住所", "现住", "居住", "户籍所在地", "通讯地址", "联系地址", "家庭地址"),
        ("address", "addr", "home address", "residence", "street"),
        ("jtzz", "zz", "dz", "xzz", "hjdz", "jzdz", "txdz", "hjszd", "jtdz", "zsdz", "xjzd"),
    ),
    "DATE_OF_BIRTH": (
        ("出生日期", "出生年月", "生日", "出生", "出生时间"),
        ("birth", "dob", "birthday", "date of birth", "birth date", "birthdate", "born"),
        ("csrq", "csny", "csrqsj"),
    ),
    "PERSON_NAME": (
        (
            "姓名",
            "名字",
            "联系人",
            "负责人",
            "法定代表人",
            "法人代表",
            "法人",
            "申请人",
            "户主",
            "患者",
            "当事人",
            "经办人",
            "监护人",
            "驾驶员",
            "收件人",
            "投诉人",
            "举报人",
            "被申请人",
            "联系人姓名",
            "家长",
        ),
        (
            "person name",
            "full name",
            "first name",
            "last name",
            "given name",
            "surname",
            "contact person",
            "contact name",
            "patient name",
            "owner name",
            "fullname",
            "username",
            "real name",
            "realname",
        ),
        ("xm", "lxr", "fzr", "fddbr", "frdb", "sqr", "jbr", "hzxm", "xsxm", "brxm", "fr"),
    ),
    "ORG_NAME": (
        (
            "单位名称",
            "企业名称",
            "机构名称",
            "公司名称",
            "学校名称",
            "医院名称",
            "工作单位",
            "单位",
            "企业",
            "机构",
            "名称",
            "商户",
            "店名",
            "店铺",
        ),
        (
            "org",
            "organization",
            "organisation",
            "company",
            "institution",
            "employer",
            "agency",
            "org name",
            "company name",
            "merchant",
            "shop name",
        ),
        ("dwmc", "qymc", "jgmc", "gzdw", "dw", "jg", "gsmc", "shmc", "zzmc"),
    ),
    "USCC": (
        ("统一社会信用代码", "信用代码", "社会信用代码"),
        ("uscc", "credit code", "social credit code"),
        ("tyshxydm", "shxydm", "xydm"),
    ),
    "LICENSE_PLATE": (
        ("车牌", "号牌"),
        ("plate", "license plate", "licence plate", "plate no", "car no", "vehicle plate"),
        ("cph", "hphm", "cphm", "hp"),
    ),
    "IP_ADDRESS": (
        ("ip地址", "登录ip", "访问ip"),
        ("ip", "ip address", "ipaddr", "client ip", "remote addr", "src ip", "source ip"),
        ("ipdz",),
    ),
    "PRECISE_LOCATION": (
        ("经纬度", "坐标", "定位", "经度", "纬度", "位置", "轨迹"),
        (
            "lat",
            "latitude",
            "lon",
            "lng",
            "longitude",
            "coord",
            "coords",
            "coordinates",
            "location",
            "geo",
            "gps",
            "lnglat",
            "latlng",
            "lonlat",
            "position",
        ),
        ("jd", "wd", "jwd", "zb", "gjd"),
    ),
    "MEDICAL_CONDITION": (
        (
            "诊断",
            "疾病",
            "病史",
            "病情",
            "病名",
            "病种",
            "既往史",
            "过敏史",
            "健康状况",
            "残疾类别",
            "残疾",
            "病症",
            "主诉",
            "症状",
            "icd",
        ),
        ("diagnosis", "disease", "condition", "illness", "icd", "icd10", "medical", "health status", "symptom"),
        ("zd", "jb", "jbmc", "zdmc", "jws", "zdbm", "jbbm"),
    ),
    "RELIGION": (("宗教", "信仰"), ("religion", "faith", "belief"), ("zjxy", "zj")),
    "CRIMINAL_RECORD": (
        ("犯罪", "前科", "刑事", "违法记录", "判决", "刑罚", "案由", "罪名", "处罚", "服刑", "涉案"),
        ("criminal", "conviction", "offence", "offense", "sentence", "penalty", "crime", "criminal record"),
        ("fzjl", "qk", "xsjl", "zm", "ay"),
    ),
    "PERSONAL_INCOME": (
        (
            "收入",
            "工资",
            "薪资",
            "薪酬",
            "月薪",
            "年薪",
            "存款",
            "资产",
            "财产",
            "退休金",
            "养老金",
            "缴费基数",
            "余额",
        ),
        ("income", "salary", "wage", "wages", "pay", "earnings", "assets", "savings", "balance", "pension"),
        ("gz", "sr", "ysr", "nsr", "gzsr", "ck", "jfjs"),
    ),
}

#: Names of organisations' contacts and offices: the value is not about a person.
_ORG_CONTACT = re.compile(
    r"单位|办公|咨询|服务|热线|值班|举报|投诉|客服|总机|传真|机构|企业|公司|学校|医院|门店|网点|站点|场所|注册|经营|官方|"
    r"(?:^|_)(?:dw|bg|zx|fw|jg|qy|org|office|company|corp|hotline|service|support|store|shop|site)(?:_|$)",
    re.I,
)
#: Names that say each row is one person (pseudonymous keys included).
_PEOPLE_KEY = re.compile(
    r"用户|人员|居民|患者|病人|学生|乘客|会员|员工|职工|客户|旅客|就诊|参保人|持卡人|驾驶人|设备号|设备编号|"
    r"(?:^|_)(?:user|person|people|member|customer|patient|student|passenger|employee|device|imei|imsi|openid|"
    r"uid|userid|rybh|yhid|hybh)(?:_|$)",
    re.I,
)
#: Aggregates: counts, totals, rates are not about one person.
_AGGREGATE = re.compile(
    r"人数|人次|数量|总数|总计|合计|小计|平均|人均|比例|占比|比率|率$|例数|户数|总额|总量|营业|财政|税收|产值|"
    r"(?:^|_)(?:count|cnt|num|total|sum|avg|mean|rate|ratio|pct|percent|share|revenue|turnover)(?:_|$)",
    re.I,
)
#: Words that cancel an income hint (a company's revenue, aggregates).
_NOT_INCOME = re.compile(r"营业|营收|财政|企业|单位|公司|人均|平均|总|合计|税|产值|预算|项目|资金", re.I)


def _tokens(name: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    return [t for t in re.split(r"[\s_\-./:()（）\[\]]+|(?<=[a-zA-Z])(?=\d)|(?<=\d)(?=[a-zA-Z])", spaced.lower()) if t]


@functools.lru_cache(maxsize=4096)
def hint_for(column_name: str) -> NameHint | None:
    """The entity a column name suggests (longest matching key wins), or None."""
    name = column_name.strip()
    lower = name.lower()
    tokens = _tokens(name)
    joined = " " + " ".join(tokens) + " "
    best: tuple[int, str, str] | None = None
    for entity, (zh, en, py) in HINTS.items():
        for key in zh:
            if key in lower and (best is None or len(key) > best[0]):
                best = (len(key), entity, key)
        for key in en:
            if f" {key} " in joined and (best is None or len(key) > best[0]):
                best = (len(key), entity, key)
        for key in py:
            if key in tokens and (best is None or len(key) > best[0]):
                best = (len(key), entity, key)
    if best is None:
        return None
    _, entity, key = best
    if entity == "PERSONAL_INCOME" and _NOT_INCOME.search(name):
        return None
    if _AGGREGATE.search(name) and entity not in ("ORG_NAME", "USCC"):
        return None
    org = bool(_ORG_CONTACT.search(name)) and entity in (
        "PHONE_NUMBER",
        "EMAIL",
        "ADDRESS",
        "PRECISE_LOCATION",
        "PERSON_NAME",
    )
    if org and entity == "PERSON_NAME":
        # 单位名称 is an organisation; 单位联系人 is still a person
        if not re.search(r"联系人|负责人|法定代表人|法人|经办人|姓名", name):
            return NameHint("ORG_NAME", key, False)
        org = False
    return NameHint(entity, key, org)


def is_people_key_name(column_name: str) -> bool:
    """The column looks like a key of persons (用户ID, 人员编号, device_id)."""
    return bool(_PEOPLE_KEY.search(column_name))


def is_aggregate_name(column_name: str) -> bool:
    """The column holds counts, totals or rates."""
    return bool(_AGGREGATE.search(column_name))
