"""Check digits written from the standards (no project code): GB 11643, GB 11714, GB 32100, Luhn."""

from __future__ import annotations

import datetime as dt
import re

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(first17: str) -> str:
    """GB 11643-1999: ISO 7064 MOD 11-2 check character of a resident ID number."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def valid_resident_id(value: str, today: dt.date) -> bool:
    """An 18-digit number with a right check char and a real past birth date, or a 15-digit one."""
    v = value.strip().upper()
    if re.fullmatch(r"\d{17}[\dX]", v):
        if id_check_char(v[:17]) != v[17]:
            return False
        birth = v[6:14]
    elif re.fullmatch(r"\d{15}", v):
        birth = "19" + v[6:12]
    else:
        return False
    try:
        d = dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        return False
    return d <= today


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character of a unified social credit code."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def valid_uscc(value: str) -> bool:
    v = value.strip()
    if len(v) != 18 or any(c not in USCC_CHARS for c in v):
        return False
    return uscc_check_char(v[:17]) == v[17]


def org_check_char(first8: str) -> str:
    """GB 11714-1997 check character of an organisation code (8 chars + check)."""
    total = sum(ORG_CHARS.index(c) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def valid_org_code(value: str) -> bool:
    m = re.fullmatch(r"([0-9A-Z]{8})-?([0-9X])", value.strip())
    return bool(m) and org_check_char(m.group(1)) == m.group(2)


def luhn_check_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def valid_luhn(value: str) -> bool:
    v = re.sub(r"[\s-]", "", value)
    return v.isdigit() and len(v) >= 12 and luhn_check_digit(v[:-1]) == v[-1]
