"""Table registry, label shorthands and naming-style detection for the v3 tuning set."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Callable

from v3vals import V

SECTORS = {
    "market": "市场监督管理", "traffic": "公安交通管理", "health": "卫生健康", "civil": "民政", "education": "教育",
    "hrss": "人力资源和社会保障", "housing": "住房和城乡建设", "transport": "交通运输", "agriculture": "农业农村",
    "resources": "自然资源和规划", "tax": "税务", "court": "人民法院", "justice": "司法行政", "emergency": "应急管理",
    "sports": "体育", "culture": "文化和旅游", "water": "水利", "veterans": "退役军人事务", "stats": "统计",
}

# (level, entity, role)
NAME = ("personal", "PERSON_NAME", "direct")
RID = ("sensitive", "CN_RESIDENT_ID", "direct")
PASSPORT = ("sensitive", "PASSPORT", "direct")
PHONE = ("personal", "PHONE_NUMBER", "direct")
EMAIL = ("personal", "EMAIL", "direct")
ADDR = ("personal", "ADDRESS", "direct")
ADDR_S = ("sensitive", "ADDRESS", "direct")           # location of a person's property (rule 4)
DOB = ("personal", "DATE_OF_BIRTH", "quasi")
PID = ("personal", "PERSON_ID", "direct")
PLATE = ("personal", "LICENSE_PLATE", "direct")
PLATE_Q = ("personal", "LICENSE_PLATE", "quasi")
IP = ("personal", "IP_ADDRESS", "direct")
BANK = ("sensitive", "BANK_CARD", "direct")
CREDIT = ("sensitive", "CREDIT_CARD", "direct")
MED = ("sensitive", "MEDICAL_CONDITION", "sensitive")
INC = ("sensitive", "PERSONAL_INCOME", "sensitive")
CRIM = ("sensitive", "CRIMINAL_RECORD", "sensitive")
WELF = ("sensitive", None, "sensitive")               # welfare / hardship / credit status (rules 4-6)
LOC_S = ("sensitive", "PRECISE_LOCATION", "sensitive")  # trajectory point of a person
FREE_P = ("personal", "FREE_TEXT", "direct")
FREE_S = ("sensitive", "FREE_TEXT", "direct")
CASE_NO = ("personal", None, "quasi")
GENDER = ("none", "GENDER", "quasi")
AGE = ("none", "AGE", "quasi")
ETH = ("none", "ETHNICITY", "quasi")
EDU = ("none", "EDUCATION", "quasi")
OCC = ("none", "OCCUPATION", "quasi")
MARITAL = ("none", "MARITAL_STATUS", "quasi")
REGION_Q = ("none", "REGION", "quasi")
REGION = ("none", "REGION", "other")
DATE_Q = ("none", "EVENT_DATE", "quasi")
DATE = ("none", "EVENT_DATE", "other")
ORG_Q = ("none", "ORG_NAME", "quasi")
ORG = ("none", "ORG_NAME", "other")
USCC = ("none", "USCC", "other")
ORG_PHONE = ("none", "PHONE_NUMBER", "other")
ORG_EMAIL = ("none", "EMAIL", "other")
ORG_ADDR = ("none", "ADDRESS", "other")
EVENT_ADDR = ("none", "ADDRESS", "quasi")
LOC = ("none", "PRECISE_LOCATION", "other")
NONE = ("none", None, "other")
NONE_Q = ("none", None, "quasi")


def agg(entity):
    return ("none", entity, "other")


STYLES = {"chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque"}
_OPAQUE = re.compile(r"^(col_?\d+|COL_?\d+|F\d+|f\d+|field_?\d+|FIELD\d+|c\d+|C\d+|字段\d+|备用字段\d*|attr\d+|ext\d+|"
                     r"column\d+|Unnamed: \d+|x\d+|A\d+)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_CAMEL = re.compile(r"^[a-z]+(?:[A-Z][a-z0-9]+)+$")


def detect_style(name: str, default: str | None) -> str:
    if _OPAQUE.match(name):
        return "opaque"
    if _CJK.search(name):
        return "mixed" if _LATIN.search(name) else "chinese"
    if _CAMEL.match(name):
        return "english_camel"
    assert default in STYLES, (name, default)
    return default


@dataclass
class Col:
    name: str
    values: list
    level: str
    entity: str | None
    role: str
    style: str
    tags: tuple = ()
    note: str | None = None
    dec: int | None = None
    ptype: str | None = None


@dataclass
class TableDef:
    id: str
    sector: str
    kind: str
    title: str
    fmt: str
    rows: int
    style: str | None
    fn: Callable
    enc: str | None = None
    delim: str | None = None
    title_row: str | None = None
    minors: bool = False
    note: str | None = None

    @property
    def seed(self) -> int:
        return int.from_bytes(hashlib.sha256(("pubdata-eval/v3/" + self.id).encode()).digest()[:8], "big")


REGISTRY: list[TableDef] = []


def table(id, sector, kind, title, fmt, rows, style=None, **kw):
    assert sector in SECTORS and kind in ("people", "organisations", "mixed", "aggregate"), id
    assert 300 <= rows <= 3000, id

    def deco(fn):
        REGISTRY.append(TableDef(id, sector, kind, title, fmt, rows, style, fn, **kw))
        return fn
    return deco


class T:
    def __init__(self, d: TableDef):
        self.d = d
        self.n = d.rows
        self.v = V(d.seed)
        self.cols: list[Col] = []

    def col(self, name, values, lab, style=None, tags=(), note=None, dec=None, ptype=None):
        values = list(values)
        assert len(values) == self.n, (self.d.id, name, len(values))
        level, entity, role = lab
        if self.d.kind in ("organisations", "aggregate"):
            assert level == "none", (self.d.id, name)
            role = "other"
        elif self.d.kind == "mixed" and level == "none":
            role = "other"
        assert name not in {c.name for c in self.cols}, (self.d.id, name)
        self.cols.append(Col(name, values, level, entity, role, detect_style(name, style or self.d.style),
                             tuple(tags), note, dec, ptype))

    def rows(self, fn):
        return [fn(i) for i in range(self.n)]
