"""Table registry and column builder with labels.

A table is a function decorated with @table(...). It receives a builder `t`
with `t.g` (the table's seeded value generator) and `t.n` (row count), and
adds columns with `t.col(name, values, LABEL, ...)`.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .values import Gen

SECTORS = {
    "population": "人口与户籍（含民族宗教）",
    "health": "卫生健康",
    "civil": "民政",
    "hrss": "人力资源和社会保障",
    "police": "公安",
    "market": "市场监管",
    "fund": "住房公积金",
    "education": "教育",
    "transport": "交通运输",
    "environment": "自然资源与生态环境",
    "tax": "税务",
    "justice": "法院、司法与法律援助",
    "agriculture": "农业农村",
    "culture": "文化和旅游",
    "emergency": "应急管理",
    "hotline": "12345政务服务热线",
}
KINDS = ("people", "organisations", "mixed", "aggregate")
LEVELS = ("sensitive", "personal", "none")
ROLES = ("direct", "quasi", "sensitive", "other")
ENTITIES = ("CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "MEDICAL_CONDITION", "RELIGION",
            "PRECISE_LOCATION", "CRIMINAL_RECORD", "PERSONAL_INCOME", "PERSON_NAME", "PHONE_NUMBER", "EMAIL",
            "ADDRESS", "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS", "PERSON_ID", "USCC", "ORG_NAME", "GENDER",
            "AGE", "ETHNICITY", "MARITAL_STATUS", "OCCUPATION", "EDUCATION", "REGION", "EVENT_DATE", "FREE_TEXT")
STYLES = ("chinese", "pinyin", "initials", "english_snake", "english_camel", "mixed", "opaque")

# ---------------------------------------------------------------- label shorthands (level, entity, role)
# about a natural person
ID = ("sensitive", "CN_RESIDENT_ID", "direct")
PASSPORT = ("sensitive", "PASSPORT", "direct")
CARD = ("sensitive", "BANK_CARD", "direct")
CREDIT = ("sensitive", "CREDIT_CARD", "direct")
MED = ("sensitive", "MEDICAL_CONDITION", "sensitive")
RELIGION = ("sensitive", "RELIGION", "sensitive")
TRACK = ("sensitive", "PRECISE_LOCATION", "sensitive")     # trajectory / whereabouts points
HOMELOC = ("sensitive", "PRECISE_LOCATION", "direct")      # coordinates of a home
CRIME = ("sensitive", "CRIMINAL_RECORD", "sensitive")
INCOME = ("sensitive", "PERSONAL_INCOME", "sensitive")
WELFARE = ("sensitive", None, "sensitive")                 # welfare / hardship status without a vocabulary entity
NAME = ("personal", "PERSON_NAME", "direct")
PHONE = ("personal", "PHONE_NUMBER", "direct")
EMAIL = ("personal", "EMAIL", "direct")
ADDR = ("personal", "ADDRESS", "direct")
DOB = ("personal", "DATE_OF_BIRTH", "quasi")
PLATE = ("personal", "LICENSE_PLATE", "direct")
IP = ("personal", "IP_ADDRESS", "direct")
PID = ("personal", "PERSON_ID", "direct")
GENDER = ("none", "GENDER", "quasi")
AGE = ("none", "AGE", "quasi")
ETHNIC = ("none", "ETHNICITY", "quasi")
MARITAL = ("none", "MARITAL_STATUS", "quasi")
OCC = ("none", "OCCUPATION", "quasi")
EDU = ("none", "EDUCATION", "quasi")
REGION_Q = ("none", "REGION", "quasi")       # district/township/community of a person
EVENT_Q = ("none", "EVENT_DATE", "quasi")    # date of an event about a person
ORG_Q = ("none", "ORG_NAME", "quasi")        # institution/employer of a person's event
PLACE_Q = ("none", "ADDRESS", "quasi")       # incidental place of a single event about a person
ENUM_Q = ("none", None, "quasi")
OTHER = ("none", None, "other")              # codes, enumerations, amounts of organisations, serials


def org(entity=None):
    """Organisation / place / aggregate column: not personal, role other."""
    return ("none", entity, "other")


STAT = org()


@dataclass
class Col:
    name: str
    values: np.ndarray
    level: str
    entity: str | None
    role: str
    style: str
    note: str | None = None
    tags: tuple = ()
    dec: int | None = None
    ptype: str | None = None  # parquet/xlsx type hint: str, int, float, date, datetime


@dataclass
class TableDef:
    id: str
    sector: str
    kind: str
    title: str
    fmt: str
    rows: int
    style: str
    fn: Callable
    enc: str | None = "utf-8"
    delim: str = ","
    minors: bool = False
    title_row: str | None = None
    null: str = ""
    note: str | None = None
    newline: str = "\n"

    @property
    def seed(self) -> int:
        return int(hashlib.sha256(f"pubdata-eval/v1/{self.id}".encode()).hexdigest()[:15], 16)

    @property
    def ext(self) -> str:
        return {"csv": "csv", "tsv": "tsv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}[self.fmt]


REGISTRY: list[TableDef] = []

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def table(id, sector, kind, title, fmt, rows, style, **kw):
    assert _ID_RE.match(id) and id.startswith(sector + "_"), id
    assert sector in SECTORS and kind in KINDS and style in STYLES and 60 <= rows <= 3000, id
    if fmt == "xlsx" or fmt == "parquet":
        kw.setdefault("enc", None)

    def deco(fn):
        assert all(d.id != id for d in REGISTRY), id
        REGISTRY.append(TableDef(id, sector, kind, title, fmt, rows, style, fn, **kw))
        return fn
    return deco


_OPAQUE = re.compile(r"^(col_?\d+|field_?\d+|[CF]\d{2}|ext_attr_\d+|attr\d+|备用字段\d*|字段\d+|扩展字段\d*|column\d+|F\d+)$", re.I)


def detect_style(name: str, default: str) -> str:
    if _OPAQUE.match(name):
        return "opaque"
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in name)
    latin = any(ch.isascii() and ch.isalpha() for ch in name)
    if cjk and latin:
        return "mixed"
    if cjk:
        return "chinese"
    if re.search(r"[a-z][A-Z]", name):
        return "english_camel"
    return default


class T:
    def __init__(self, d: TableDef):
        self.d = d
        self.g = Gen(d.seed)
        self.n = d.rows
        self.cols: list[Col] = []

    def col(self, name, values, label, note=None, style=None, tags=(), dec=None, ptype=None):
        values = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values.astype(object)
        assert len(values) == self.n, (self.d.id, name, len(values), self.n)
        assert all(c.name != name for c in self.cols), (self.d.id, name)
        level, entity, role = label
        assert level in LEVELS and role in ROLES and (entity is None or entity in ENTITIES), (self.d.id, name)
        if self.d.kind in ("organisations", "aggregate") and role not in ("other", "direct"):
            raise AssertionError(f"{self.d.id}.{name}: role {role} in a {self.d.kind} table")
        st = style or detect_style(name, self.d.style)
        assert st in STYLES, (self.d.id, name, st)
        self.cols.append(Col(name, values, level, entity, role, st, note, tuple(tags), dec, ptype))

    # convenience -------------------------------------------------------------
    def take(self, arr, idx) -> np.ndarray:
        return np.asarray(arr, dtype=object)[idx]

    def repeat_people(self, n_people: int, **kw):
        """Persons plus an index mapping each row to one of them (events per person)."""
        P = self.g.persons(n_people, **kw)
        weights = self.g.r.pareto(2.5, size=n_people) + 1.0
        idx = self.g.r.choice(n_people, size=self.n, p=weights / weights.sum())
        return P, idx
