"""Registry of v4 tables and label shorthands (entity, level, role)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTORS = {
    "population": "公安户政", "health": "卫生健康", "civil": "民政", "hrss": "人力资源和社会保障",
    "police": "公安交管", "market": "市场监管", "fund": "住房公积金", "education": "教育",
    "transport": "交通运输", "resources": "自然资源和不动产登记", "justice": "法院司法",
    "tax": "税务", "agriculture": "农业农村", "emergency": "应急管理", "culture": "文化和旅游",
    "water": "水务和公用事业", "hotline": "政务热线", "veterans": "退役军人事务",
}

# label shorthands: (entity, level, role)
NAME = ("PERSON_NAME", "personal", "direct")
ID = ("CN_RESIDENT_ID", "sensitive", "direct")
PASS = ("PASSPORT", "sensitive", "direct")
PHONE = ("PHONE_NUMBER", "personal", "direct")
PHONE_ORG = ("PHONE_NUMBER", "none", "other")
EMAIL = ("EMAIL", "personal", "direct")
EMAIL_ORG = ("EMAIL", "none", "other")
ADDR = ("ADDRESS", "personal", "direct")
ADDR_PROP = ("ADDRESS", "sensitive", "direct")
ADDR_ORG = ("ADDRESS", "none", "other")
ADDR_EVENT = ("ADDRESS", "none", "quasi")
DOB = ("DATE_OF_BIRTH", "personal", "quasi")
PLATE = ("LICENSE_PLATE", "personal", "direct")
PLATE_Q = ("LICENSE_PLATE", "personal", "quasi")
IP = ("IP_ADDRESS", "personal", "direct")
PID = ("PERSON_ID", "personal", "direct")
CARD = ("BANK_CARD", "sensitive", "direct")
CC = ("CREDIT_CARD", "sensitive", "direct")
MED = ("MEDICAL_CONDITION", "sensitive", "sensitive")
INC = ("PERSONAL_INCOME", "sensitive", "sensitive")
REL = ("RELIGION", "sensitive", "sensitive")
CRIME = ("CRIMINAL_RECORD", "sensitive", "sensitive")
LOC_HOME = ("PRECISE_LOCATION", "sensitive", "direct")
LOC_TRAJ = ("PRECISE_LOCATION", "sensitive", "sensitive")
LOC_FAC = ("PRECISE_LOCATION", "none", "other")
WELF = (None, "sensitive", "sensitive")
CASE_NO = (None, "personal", "quasi")
GENDER = ("GENDER", "none", "quasi")
AGE = ("AGE", "none", "quasi")
ETH = ("ETHNICITY", "none", "quasi")
MAR = ("MARITAL_STATUS", "none", "quasi")
EDU = ("EDUCATION", "none", "quasi")
OCC = ("OCCUPATION", "none", "quasi")
REGION_Q = ("REGION", "none", "quasi")
REGION = ("REGION", "none", "other")
EVD_Q = ("EVENT_DATE", "none", "quasi")
EVD = ("EVENT_DATE", "none", "other")
ORG = ("ORG_NAME", "none", "other")
ORG_Q = ("ORG_NAME", "none", "quasi")
USCC = ("USCC", "none", "other")
NONE = (None, "none", "other")
NONE_Q = (None, "none", "quasi")
MED_AGG = ("MEDICAL_CONDITION", "none", "other")
INC_AGG = ("PERSONAL_INCOME", "none", "other")
INC_NONE = ("PERSONAL_INCOME", "none", "other")
CRIME_AGG = ("CRIMINAL_RECORD", "none", "other")
FT_S = ("FREE_TEXT", "sensitive", "sensitive")
FT_P = ("FREE_TEXT", "personal", "direct")

STYLES = {"c": "chinese", "p": "pinyin", "i": "initials", "e": "english_snake", "E": "english_camel",
          "m": "mixed", "o": "opaque"}
TAGS = {"masked", "sparse", "placeholder", "int", "free_text", "mixed_docs", "spaced", "fullwidth", "dirty",
        "lowercase_x", "legacy15", "prefixed", "cert_suffix", "excel_serial", "mixed_formats", "account_no", "empty"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Col:
    name: str
    values: list
    entity: str | None
    level: str
    role: str
    style: str
    tags: list = field(default_factory=list)
    note: str | None = None


def C(name, values, lab, style=None, tags=(), note=None):
    ent, lev, role = lab
    if style is None:
        if CJK.search(name):
            # units in brackets (身高(cm), 金额（元）) keep a name Chinese; ASCII words outside them make it mixed
            bare = re.sub(r"\(.*?\)|（.*?）", "", name)
            style = "m" if re.search(r"[A-Za-z]", bare) else "c"
        else:
            raise ValueError(f"style needed for {name}")
    style = STYLES.get(style, style)
    for t in tags:
        assert t in TAGS, t
    return Col(name, list(values), ent, lev, role, style, sorted(tags), note)


@dataclass
class TableDef:
    id: str
    sector: str
    kind: str
    title: str
    fmt: str
    encoding: str | None
    delimiter: str | None
    rows: int
    fn: object
    title_row: bool = False
    note: str | None = None


TABLES: list[TableDef] = []


def table(id, sector, kind, title, fmt, rows, encoding=None, delimiter=None, title_row=False, note=None):
    assert sector in SECTORS and kind in ("people", "organisations", "mixed", "aggregate")
    if fmt == "csv":
        assert encoding in ("utf-8", "utf-8-sig", "gbk") and delimiter in (",", ";", "|", "\t")
    assert 200 <= rows <= 3000

    def deco(fn):
        assert all(t.id != id for t in TABLES), id
        TABLES.append(TableDef(id, sector, kind, title, fmt, encoding, delimiter, rows, fn, title_row, note))
        return fn

    return deco
