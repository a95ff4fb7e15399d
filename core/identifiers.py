"""National identifier check digits and code lists, shared by quality standards and privacy
recognizers (one implementation each).

- Resident ID (GB 11643-1999): 17 digits + check char, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
  check = "10X98765432"[sum mod 11]; digits 1-6 region, 7-14 birth date. Legacy 15-digit: YYMMDD.
- Unified social credit code (GB 32100-2015): 18 chars of ``0-9A-HJ-NP-RT-UW-Y``, check char
  = (31 - sum mod 31) mod 31 with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
- Luhn (ISO/IEC 7812) for bank cards.
- Administrative division codes (GB/T 2260): the union of historical codes as shipped by
  python-stdnum (``stdnum/cn/loc.dat``), since old ID numbers keep abolished codes.
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib.resources
import re

__all__ = [
    "EMAIL",
    "ID_WEIGHTS",
    "USCC_CHARSET",
    "birth_date_of_id",
    "division_codes",
    "division_name",
    "id_check_char",
    "is_valid_division_code",
    "is_valid_resident_id",
    "is_valid_uscc",
    "luhn_ok",
    "mobile_regex",
    "national_mobile",
    "strip_separators",
    "uscc_check_char",
]

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"^[0-9A-HJ-NP-RTUWXY]{18}$")
_ID18_RE = re.compile(r"^\d{17}[\dX]$")
_ID15_RE = re.compile(r"^\d{15}$")
#: an e-mail address, its parts bounded by RFC 5321's lengths (unbounded parts backtrack from every
#: start of a long run of letters in hostile text)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}")
_SEP = re.compile(r"[\s\-\u2014\u2013\uff0d\u00b7]+")


def strip_separators(value: str) -> str:
    """``"138 1234-5678"`` -> ``"13812345678"``."""
    return _SEP.sub("", value)


@functools.cache
def mobile_regex() -> re.Pattern[str]:
    """phonenumbers' CN mobile national-number pattern (RE2-compatible: no look-arounds)."""
    import phonenumbers  # lazy: its metadata is large and only this pattern is used, once

    meta = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    assert meta is not None and meta.mobile is not None, "phonenumbers ships CN metadata with a mobile pattern"
    pattern = meta.mobile.national_number_pattern
    return re.compile(f"(?:{pattern})")


def national_mobile(value: str) -> str:
    """Strip separators and a +86/0086/86 prefix."""
    v = strip_separators(value.strip())
    if v.startswith("+86"):
        v = v[3:]
    elif v.startswith("0086"):
        v = v[4:]
    elif v.startswith("86") and len(v) == 13:
        v = v[2:]
    return v


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def _date_ok(y: int, m: int, d: int, today: _dt.date | None = None) -> _dt.date | None:
    try:
        date = _dt.date(y, m, d)
    except ValueError:
        return None
    if date.year < 1880 or date > (today or _dt.date.today()):
        return None
    return date


def birth_date_of_id(value: str) -> _dt.date | None:
    """The birth date encoded in a (format-valid) 18- or 15-digit ID number, else None."""
    v = value.strip().upper()
    if len(v) == 18 and v[:17].isdigit():
        return _date_ok(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    if len(v) == 15 and v.isdigit():
        return _date_ok(1900 + int(v[6:8]), int(v[8:10]), int(v[10:12]))
    return None


def is_valid_resident_id(value: str, *, check_region: bool = True) -> bool:
    """GB 11643 ID number: format, check char (18-digit), a real past birth date, known region."""
    if not isinstance(value, str):
        return False
    v = value.strip().upper()
    if _ID18_RE.match(v):
        if id_check_char(v[:17]) != v[17]:
            return False
    elif not _ID15_RE.match(v):
        return False
    if birth_date_of_id(v) is None:
        return False
    return not check_region or is_valid_division_code(v[:6])


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def is_valid_uscc(value: str) -> bool:
    """GB 32100 unified social credit code with a correct check char.

    Any character of the code charset is accepted in every position (python-stdnum rejects
    letters in positions 3-8, which real registries have issued); the check char decides.
    """
    if not isinstance(value, str):
        return False
    v = value.strip().upper()
    if len(v) != 18 or not _USCC_RE.match(v):
        return False
    return uscc_check_char(v[:17]) == v[17]


def luhn_ok(value: str) -> bool:
    digits = [c for c in str(value) if c.isdigit()]
    if len(digits) < 12 or len(digits) != len(str(value).replace(" ", "").replace("-", "")):
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


@functools.cache
def division_codes() -> dict[str, str]:
    """Six-digit GB/T 2260 code -> name (province/prefecture/county), historical codes included."""
    text = importlib.resources.files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    codes: dict[str, str] = {}
    province = ""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if not line.startswith(" "):
            province = line[:2]
            m = re.search(r'province="([^"]*)"', line)
            if m:
                codes[province + "0000"] = re.sub(r"\[[^\]]*\]", "", m.group(1))
            continue
        parts = line.split(None, 1)
        code = province + parts[0]
        m = re.search(r'county="([^"]*)"', line)
        codes[code] = re.sub(r"\[[^\]]*\]", "", m.group(1)) if m else ""
    return codes


def is_valid_division_code(code: str) -> bool:
    return isinstance(code, str) and len(code) == 6 and code in division_codes()


def division_name(code: str) -> str | None:
    """Name of a division code; for a county code, 'province + county'."""
    codes = division_codes()
    if code not in codes:
        return None
    prov = codes.get(code[:2] + "0000", "")
    name = codes[code]
    return name if code.endswith("0000") or name.startswith(prov) else prov + name
