"""Check digits written from the standards (no project code, no python-stdnum).

- Resident ID, GB 11643-1999: 17 digits + check char.
- Organisation code, GB 11714-1997: 8 chars + check char (the 9-char body inside a USCC).
- Unified social credit code, GB 32100-2015: 17 chars + check char.
- Luhn (ISO/IEC 7812) for bank and credit cards.
"""

from __future__ import annotations

import datetime as dt

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I O Z S V
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

ORGCODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(body17: str) -> str:
    total = sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS))
    return ID_CHECK[total % 11]


def id_valid(value: str, today: dt.date | None = None) -> bool:
    """True for a well-formed 18-char ID (check char, real past birth date) or a
    legacy 15-digit ID (real birth date 19YYMMDD)."""
    v = value.strip().upper()
    today = today or dt.date(2026, 12, 31)
    if len(v) == 18:
        if not v[:17].isdigit() or v[17] not in "0123456789X":
            return False
        if id_check_char(v[:17]) != v[17]:
            return False
        birth = v[6:14]
    elif len(v) == 15 and v.isdigit():
        birth = "19" + v[6:12]
    else:
        return False
    try:
        d = dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        return False
    return dt.date(1880, 1, 1) <= d <= today


def orgcode_check_char(body8: str) -> str:
    total = 0
    for c, w in zip(body8, ORGCODE_WEIGHTS):
        v = int(c) if c.isdigit() else ord(c) - ord("A") + 10
        total += v * w
    r = 11 - total % 11
    return "X" if r == 10 else ("0" if r == 11 else str(r))


def uscc_check_char(body17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc_valid(value: str) -> bool:
    v = value.strip().upper()
    if len(v) != 18 or any(c not in USCC_CHARS for c in v):
        return False
    return uscc_check_char(v[:17]) == v[17]


def luhn_check_digit(payload: str) -> str:
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) < 12 or len(digits) != len(number.replace(" ", "").replace("-", "")):
        return False
    return luhn_check_digit(digits[:-1]) == digits[-1]


def _selftest() -> None:
    assert id_check_char("11010519491231002") == "X"
    assert id_valid("11010519491231002X")
    assert uscc_valid("91350100M000100Y43")
    assert luhn_check_digit("7992739871") == "3"
    assert luhn_valid("4111 1111 1111 1111")


_selftest()
