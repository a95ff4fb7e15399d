"""SQL of the generalisation hierarchies (:mod:`privacy.hierarchy`): every level one vectorised
DuckDB expression; every output is text."""

from __future__ import annotations

import datetime as _dt

import pyarrow as pa

from core.sql import quote_literal
from privacy.deid.methods import _CITY, _DISTRICT, _PROVINCE, age_sql, date_sql, is_text, text_sql
from privacy.hierarchy import Hierarchy

__all__ = ["base_sql", "level_sql"]

_MONTH_FORMATS = "['%Y-%m', '%Y%m', '%Y/%m', '%Y.%m', '%Y年%m月']"


def _band(lo_sql: str, width: int) -> str:
    lo = f"({lo_sql} // {width} * {width})"
    return f"CAST({lo} AS VARCHAR) || '-' || CAST({lo} + {width - 1} AS VARCHAR)"


def _band_lo(x: str) -> str:
    """Lower bound of an age band (``30-34``) or an age (``34``)."""
    return f"TRY_CAST(split_part({x}, '-', 1) AS INTEGER)"


def _amount_band(v: str, exponent: str) -> str:
    w = f"pow(10, {exponent})"
    lo = f"floor({v} / {w}) * {w}"
    return f"'[' || CAST(CAST({lo} AS BIGINT) AS VARCHAR) || ',' || CAST(CAST({lo} + {w} AS BIGINT) AS VARCHAR) || ')'"


def _magnitude(v: str) -> str:
    return f"floor(log10(greatest(abs({v}), 1)))"


_AMOUNT_EXPONENTS = {
    "band_2": lambda v: f"greatest(1, {_magnitude(v)} - 1)",
    "band_1": lambda v: f"greatest(1, {_magnitude(v)})",
    "magnitude": lambda v: f"greatest(1, {_magnitude(v)} + 1)",
}


#: the finest value base_sql computes, per hierarchy (when level 0 is coarser it is converted)
_FINEST = {"date": "day", "month": "month", "birth_date": "age_5", "age": "value", "amount": "band_2"}


def base_sql(h: Hierarchy, col: str, t: pa.DataType, *, as_of: _dt.date, method_sql: str | None = None) -> str:
    """Level 0 of source column reference ``col`` (Arrow type ``t``); ``method_sql``: a
    column-method's output used as the value of a ``category``."""
    x = text_sql(col, t)
    n = h.name
    if n == "date":
        v = f"strftime({date_sql(col, t)}, '%Y-%m-%d')"
    elif n == "month":
        d = date_sql(col, t)
        if is_text(t):
            d = f"coalesce({d}, CAST(try_strptime(trim({x}), {_MONTH_FORMATS}) AS DATE))"
        v = f"strftime({d}, '%Y-%m')"
    elif n == "birth_date":
        a = age_sql(date_sql(col, t), as_of)
        v = f"CASE WHEN {a} < 0 THEN NULL ELSE {_band(a, 5)} END"
    elif n == "age":
        v = f"CAST(TRY_CAST({x} AS INTEGER) AS VARCHAR)"
    elif n in ("division", "postcode"):
        d = f"regexp_replace({x}, '[^0-9]', '', 'g')"
        return f"CASE WHEN length({d}) >= 6 THEN left({d}, 6) END"
    elif n == "address":
        return f"coalesce(nullif(regexp_extract({x}, '{_DISTRICT}', 0), ''), nullif(regexp_extract({x}, '{_CITY}', 0), ''))"
    elif n == "institution":
        return f"nullif(trim({x}), '')"
    elif n == "amount":
        a = f"TRY_CAST({x} AS DOUBLE)" if is_text(t) else f"CAST({col} AS DOUBLE)"
        v = _amount_band(a, _AMOUNT_EXPONENTS["band_2"](a))
    else:
        return method_sql or x  # category
    return v if h.levels[0] == _FINEST[n] else _convert(h.name, v, h.levels[0])


def level_sql(h: Hierarchy, x: str, frm: int, to: int) -> str:
    """Value expression ``x`` (at level ``frm``) generalised to level ``to``."""
    if to <= frm:
        return x
    if to >= h.height:
        return "CAST(NULL AS VARCHAR)"
    if h.name == "institution":
        whens = " ".join(f"WHEN regexp_matches({x}, {quote_literal(p)}) THEN {quote_literal(t)}" for p, t in h.types)
        return f"CASE {whens} END" if whens else "CAST(NULL AS VARCHAR)"
    return _convert(h.name, x, h.levels[to])


def _convert(name: str, x: str, target: str) -> str:
    """``x`` (any finer level of hierarchy ``name``) at level ``target``."""
    if name in ("date", "month"):
        if target == "month":
            return f"left({x}, 7)"
        if target == "quarter":
            return f"left({x}, 4) || '-Q' || CAST((TRY_CAST(substr({x}, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR)"
        return f"left({x}, 4)"  # year
    if name in ("birth_date", "age"):
        if target == "value":
            return x
        width = int(target.removeprefix("age_"))
        return f"CASE WHEN {_band_lo(x)} IS NULL THEN NULL ELSE {_band(_band_lo(x), width)} END"
    if name in ("division", "postcode"):
        keep = {"city": 4, "area": 4, "province": 2}.get(target, 6)
        return f"rpad(left({x}, {keep}), 6, '0')"
    if name == "address":
        province = f"nullif(regexp_extract({x}, '{_PROVINCE}', 0), '')"
        if target == "city":
            return f"coalesce(nullif(regexp_extract({x}, '{_CITY}', 0), ''), {province})"
        return province if target == "province" else x
    if name == "amount":
        v = f"TRY_CAST(split_part(ltrim({x}, '['), ',', 1) AS DOUBLE)"
        return _amount_band(v, _AMOUNT_EXPONENTS[target](v))
    return x
