"""Generators of valid (and deliberately invalid) Chinese identifiers and labelled tables, shared
by the privacy tests and ``bench/classify.py``. Deterministic for a given ``random.Random``.

All values are synthetic: IDs and codes have correct check characters but are drawn at random.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import pyarrow as pa

from core.identifiers import USCC_CHARSET, division_codes, id_check_char, luhn_ok, uscc_check_char

__all__ = [
    "Label",
    "LabelledTable",
    "bad_check_id",
    "bank_card",
    "bench_table",
    "credit_card",
    "landline",
    "legacy_id",
    "license_plate",
    "mobile",
    "org_email",
    "passport",
    "person_email",
    "resident_id",
    "serial_numbers",
    "uscc",
    "luhn_complete",
]

_COUNTIES: list[str] | None = None


def _counties() -> list[str]:
    global _COUNTIES
    if _COUNTIES is None:
        _COUNTIES = sorted(c for c in division_codes() if not c.endswith("00"))
    return _COUNTIES


def _birth(rng: random.Random, min_age: int = 0, max_age: int = 90, today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    start = today.toordinal() - max_age * 365
    end = today.toordinal() - min_age * 365 - 1
    return dt.date.fromordinal(rng.randint(start, end))


def resident_id(
    rng: random.Random, *, birth: dt.date | None = None, min_age: int = 18, max_age: int = 80, region: str | None = None
) -> str:
    """A valid 18-character resident ID number."""
    birth = birth or _birth(rng, min_age, max_age)
    first17 = (region or rng.choice(_counties())) + birth.strftime("%Y%m%d") + f"{rng.randint(0, 999):03d}"
    return first17 + id_check_char(first17)


def legacy_id(rng: random.Random) -> str:
    """A valid legacy 15-digit ID number (YYMMDD, born 1920-1999)."""
    birth = _birth(rng, 30, 100)
    while birth.year >= 2000 or birth.year < 1900:
        birth = _birth(rng, 30, 100)
    return rng.choice(_counties()) + birth.strftime("%y%m%d") + f"{rng.randint(0, 999):03d}"


def bad_check_id(rng: random.Random) -> str:
    """An ID-shaped value whose check character is wrong."""
    good = resident_id(rng)
    wrong = [c for c in "0123456789X" if c != good[-1]]
    return good[:17] + rng.choice(wrong)


def serial_numbers(rng: random.Random, n: int, width: int = 18, start: int | None = None) -> list[str]:
    """Increasing serial numbers (decoys shaped like IDs or phones)."""
    base = start if start is not None else int("2" + "0" * (width - 1)) + rng.randint(0, 10 ** (width - 4))
    return [str(base + i * 7) for i in range(n)]


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


def bank_card(rng: random.Random, length: int | None = None) -> str:
    """A Luhn-valid UnionPay card number (``62`` BIN, 16 or 19 digits)."""
    bins = ("622202", "622848", "621700", "622588", "621483", "622609", "623668", "621226")
    return luhn_complete(rng.choice(bins), length or rng.choice((16, 19)), rng)


def credit_card(rng: random.Random) -> str:
    """A Luhn-valid Visa / Mastercard number."""
    return luhn_complete(rng.choice(("4", "51", "52", "53", "54", "55")), 16, rng)


def uscc(rng: random.Random, *, individual: bool = False, letters_in_org_code: bool = False) -> str:
    """A valid unified social credit code (``92`` for an individual business)."""
    head = "92" if individual else rng.choice(("91", "11", "12", "51", "52", "31", "93"))
    region = rng.choice(_counties())
    pool = USCC_CHARSET if letters_in_org_code else "0123456789"
    org = "".join(rng.choice(pool) for _ in range(8)) + rng.choice(USCC_CHARSET)
    first17 = head + region + org
    return first17 + uscc_check_char(first17)


_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "182",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)


def mobile(rng: random.Random, style: str = "plain") -> str:
    """A mainland mobile number: ``plain``, ``+86``, ``spaced``, ``dashed``."""
    number = rng.choice(_MOBILE_PREFIXES) + f"{rng.randint(0, 99999999):08d}"
    if style == "+86":
        return "+86 " + number
    if style == "spaced":
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if style == "dashed":
        return f"{number[:3]}-{number[3:7]}-{number[7:]}"
    return number


def landline(rng: random.Random) -> str:
    area = rng.choice(("010", "021", "022", "023", "0571", "0755", "020", "027", "028", "0591"))
    digits = 8 if len(area) == 3 else rng.choice((7, 8))
    return f"{area}-{rng.randint(2, 8)}{rng.randint(0, 10 ** (digits - 1) - 1):0{digits - 1}d}"


_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def license_plate(rng: random.Random, new_energy: bool = False) -> str:
    head = rng.choice(_PROVINCES) + rng.choice(_PLATE_LETTERS[:12])
    if new_energy:
        return head + rng.choice("DF") + rng.choice(_PLATE_LETTERS + "0123456789") + f"{rng.randint(0, 9999):04d}"
    body = [rng.choice("0123456789") for _ in range(5)]
    if rng.random() < 0.5:
        body[rng.randint(0, 3)] = rng.choice(_PLATE_LETTERS)
    return head + "".join(body)


def passport(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "E" + f"{rng.randint(10000000, 99999999)}"
    return "E" + rng.choice(_PLATE_LETTERS) + f"{rng.randint(1000000, 9999999)}"


def person_email(rng: random.Random) -> str:
    user = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9))) + str(
        rng.randint(1, 999)
    )
    return f"{user}@{rng.choice(('qq.com', '163.com', '126.com', 'sina.com', 'gmail.com', 'foxmail.com'))}"


def org_email(rng: random.Random) -> str:
    local = rng.choice(("office", "info", "service", "bgs", "xxgk", "contact"))
    return f"{local}@{rng.choice(('hz.gov.cn', 'zju.edu.cn', 'example-corp.com', 'sz.gov.cn', 'pku.edu.cn'))}"


# --------------------------------------------------------------------------- labelled tables


@dataclass(frozen=True)
class Label:
    entity: str | None
    level: str


@dataclass
class LabelledTable:
    """A table and the expected entity/level per column."""

    name: str
    table: pa.Table
    labels: dict[str, Label] = field(default_factory=dict)
    context: dict | None = None


def bench_table(n: int = 100_000, seed: int = 7) -> LabelledTable:
    """A people table with the common column kinds and decoys, ``n`` distinct rows (the bench
    tiles it to 1e7). Generating 1e5 rows takes a few seconds."""
    from faker import Faker

    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    names = [fake.name() for _ in range(2000)]
    streets = [fake.street_address() for _ in range(2000)]
    cities = [fake.province() + fake.city() + fake.district() + "区" for _ in range(200)]
    cols: dict[str, list] = {
        "xm": [names[rng.randrange(2000)] for _ in range(n)],
        "sfzh": [resident_id(rng) for _ in range(n)],
        "lxdh": [mobile(rng) for _ in range(n)],
        "jtzz": [
            cities[rng.randrange(200)]
            + streets[rng.randrange(2000)]
            + f"{rng.randint(1, 30)}栋{rng.randint(101, 2404)}室"
            for _ in range(n)
        ],
        "yhkh": [bank_card(rng) for _ in range(n)],
        "col_7": [mobile(rng) for _ in range(n)],
        "lsh": serial_numbers(rng, n, 18),
        "dw": [fake.company() for _ in range(min(n, 3000))] * (n // min(n, 3000) + 1),
        "amount_total": [f"{rng.randint(100, 999999)}.{rng.randint(0, 99):02d}" for _ in range(n)],
        "status": [rng.choice(("已办结", "办理中", "已受理", "退回")) for _ in range(n)],
    }
    cols["dw"] = cols["dw"][:n]
    labels = {
        "xm": Label("PERSON_NAME", "personal"),
        "sfzh": Label("CN_RESIDENT_ID", "sensitive"),
        "lxdh": Label("PHONE_NUMBER", "personal"),
        "jtzz": Label("ADDRESS", "personal"),
        "yhkh": Label("BANK_CARD", "sensitive"),
        "col_7": Label("PHONE_NUMBER", "personal"),
        "lsh": Label(None, "none"),
        "dw": Label("ORG_NAME", "none"),
        "amount_total": Label(None, "none"),
        "status": Label(None, "none"),
    }
    table = pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()})
    return LabelledTable("bench_people", table, labels)
