"""The de-identification methods, each one vectorised DuckDB SQL expression over a column."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from core import PrivacyError
from core.identifiers import ID_WEIGHTS, division_codes, division_name
from core.sql import quote_ident
from privacy.deid.pseudonym import PSEUDONYM_HEX, hmac_pads, hmac_sql

__all__ = [
    "HELPER",
    "MASK_SHAPES",
    "SqlContext",
    "age_sql",
    "date_sql",
    "divisions_table",
    "id_birth_sql",
    "is_text",
    "method_sql",
    "normalise_sql",
    "pseudonym_sql",
    "text_sql",
]


HELPER = "__pubdata_"


MASK_SHAPES: dict[str, str] = {
    "mask_name": r".\*",
    "mask_phone": r"\d{3}\*{4}\d{4}|\*{4}",
    "mask_id": r"\d{6}\*{5,8}[0-9Xx]{4}|\*{4}",
    "mask_card": r"\d{4} \*{4} \*{4} \d{4}|\*{4}",
    "mask_email": r"[^@]?\*{3}@[^@\s]+|\*{4}",
    "mask_plate": r"..\*{4}.|\*{4}",
    "mask_generic": r".?\*{3}",
    "district": r"[^0-9０-９]*",
    "division": r"[^0-9]*",
    "age_band": r"\d+-\d+",
    "birth_year": r"\d{4}|\d{3}0s",
    "date_year": r"\d{4}|\d{3}0s",
    "date_month": r"\d{4}(?:-\d{2})?|\d{3}0s",
    "ip_prefix": r"[0-9.]+\.0/24|[0-9.]+\.0\.0/16|[0-9A-Fa-f:]*::/48",
    "hmac": rf"[0-9a-f]{{{PSEUDONYM_HEX}}}",
}


def is_text(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


@dataclass
class SqlContext:
    """Bound parameters and joins collected while building one query."""

    as_of: _dt.date
    params: dict[str, Any] = field(default_factory=dict, repr=False)  # HMAC pads: as good as keys
    joins: list[str] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)
    needs_divisions: bool = False
    national: bool = False
    needs_udfs: bool = False

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return "$" + name

    def helper(self, sql: str) -> str:
        """Add a helper column computed once in the source CTE (once per distinct ``sql``, also
        across the plans sharing this context); returns its reference."""
        for i, h in enumerate(self.helpers):
            if h == sql:
                return f"src.{quote_ident(f'{HELPER}h{i}')}"
        self.helpers.append(sql)
        return f"src.{quote_ident(f'{HELPER}h{len(self.helpers) - 1}')}"

    def helper_sql(self) -> str:
        """The helper columns as a select-list suffix (``, <sql> AS "__pubdata_h0", ...``)."""
        return "".join(f", {h} AS {quote_ident(f'{HELPER}h{i}')}" for i, h in enumerate(self.helpers))

    def division_join(self, code_sql: str) -> str:
        self.needs_divisions = True
        alias = f"dv{len(self.joins)}"
        self.joins.append(f"LEFT JOIN {HELPER}divisions AS {alias} ON {alias}.code = {code_sql}")
        return f"{alias}.name"


def text_sql(col: str, t: pa.DataType) -> str:
    return col if is_text(t) else f"CAST({col} AS VARCHAR)"


def date_sql(col: str, t: pa.DataType) -> str:
    if pa.types.is_date(t):
        return col
    if pa.types.is_timestamp(t):
        return f"CAST({col} AS DATE)"
    if is_text(t) or pa.types.is_integer(t):
        x = text_sql(col, t)
        return (
            f"CAST(try_strptime(trim({x}), ['%Y-%m-%d', '%Y%m%d', '%Y/%m/%d', '%Y.%m.%d', "
            f"'%Y-%m-%d %H:%M:%S', '%Y年%m月%d日']) AS DATE)"
        )
    return "CAST(NULL AS DATE)"


def age_sql(date_expr: str, as_of: _dt.date) -> str:
    """Completed years at ``as_of`` (integer literals only)."""
    md = as_of.month * 100 + as_of.day
    return (
        f"({as_of.year} - year({date_expr}) - "
        f"CASE WHEN month({date_expr}) * 100 + day({date_expr}) > {md} THEN 1 ELSE 0 END)"
    )


def id_birth_sql(col: str, t: pa.DataType) -> str:
    x = f"trim({text_sql(col, t)})"
    return (
        f"CASE WHEN length({x}) = 18 THEN CAST(try_strptime(substr({x}, 7, 8), '%Y%m%d') AS DATE) "
        f"WHEN length({x}) = 15 THEN CAST(try_strptime('19' || substr({x}, 7, 6), '%Y%m%d') AS DATE) END"
    )


def _id15_to_18(n: str) -> str:
    """SQL: legacy 15-digit ID (``n``) to its 18-digit form (inserts 19 and the check char)."""
    f17 = f"(left({n}, 6) || '19' || substr({n}, 7, 9))"
    terms = " + ".join(f"(ascii(substr({f17}, {i + 1}, 1)) - 48) * {w}" for i, w in enumerate(ID_WEIGHTS))
    return f"({f17} || substr('10X98765432', (({terms}) % 11) + 1, 1))"


def _phone_digits_sql(x: str) -> str:
    """SQL: the digits of a phone number, a leading +86/86 country code removed."""
    return f"regexp_replace(regexp_replace({x}, '[^0-9]', '', 'g'), '^86(1[0-9]{{10}})$', '\\1')"


def normalise_sql(col: str, t: pa.DataType, entity: str | None) -> str:
    """SQL of the canonical text of an identifier before pseudonymisation."""
    x = text_sql(col, t)
    if entity == "CN_RESIDENT_ID":
        n = f"upper(replace(replace(trim({x}), ' ', ''), '-', ''))"
        # fast path: 18 bytes without spaces or dashes that upper() leaves alone are already
        # canonical (trim/replace/upper are no-ops on them; never the 15-digit case); the string
        # functions cost ~0.3 µs per value, these checks ~0.05 (an RE2 check ~0.1)
        return (
            f"CASE WHEN strlen({x}) = 18 AND NOT contains({x}, ' ') AND NOT contains({x}, '-') "
            f"AND upper({x}) = {x} THEN {x} "
            f"WHEN length({n}) = 15 AND regexp_full_match({n}, '[0-9]{{15}}') "
            f"THEN {_id15_to_18(n)} ELSE {n} END"
        )
    if entity == "PHONE_NUMBER":
        # fast path: 11 digits starting with 1 are already canonical
        return f"CASE WHEN regexp_full_match({x}, '1[0-9]{{10}}') THEN {x} ELSE {_phone_digits_sql(x)} END"
    if entity in ("EMAIL",):
        return f"lower(trim({x}))"
    if entity in ("BANK_CARD", "CREDIT_CARD", "PASSPORT", "LICENSE_PLATE"):
        return f"upper(regexp_replace({x}, '[\\s-]', '', 'g'))"
    return f"trim({x})"


def pseudonym_sql(col: str, t: pa.DataType, entity: str | None, key: bytes, ctx: SqlContext) -> str:
    norm = f"nullif({normalise_sql(col, t, entity)}, '')"
    if ctx.national:
        ctx.needs_udfs = True
        return f"pubdata_hmac_sm3({ctx.param(key)}, {norm})"
    ipad, opad = hmac_pads(key)
    return f"left({hmac_sql(f'encode({norm})', ctx.param(ipad), ctx.param(opad))}, {PSEUDONYM_HEX})"


_DISTRICT = r"^(?:[^0-9０-９]{1,10}?自治区)?[^0-9０-９]{0,30}?(?:自治县|自治旗|区|县|旗)"


_CITY = r"^(?:[^0-9０-９]{1,10}?(?:省|自治区))?[^0-9０-９]{0,12}?(?:市|自治州|地区|盟)"


_PROVINCE = r"^[^0-9０-９]{1,10}?(?:省|自治区|特别行政区|市)"


def method_sql(
    method: str,
    col: str,
    t: pa.DataType,
    entity: str | None,
    ctx: SqlContext,
    *,
    key: bytes | None = None,
    band: int = 10,
) -> str:
    """SQL expression applying one method to column reference ``col`` of Arrow type ``t``."""
    x = text_sql(col, t)
    if method in ("publish", "category"):
        return col
    if method == "mask_name":
        return f"CASE WHEN length(trim({x})) = 0 THEN trim({x}) ELSE left(trim({x}), 1) || '*' END"
    if method == "mask_phone":
        d = _phone_digits_sql(x)
        # (the common case, a clean 11-digit mobile, by one RE2 replacement: ~30% cheaper than
        # left || '****' || right)
        return (
            f"CASE WHEN {x} IS NULL THEN NULL "
            f"WHEN regexp_full_match({x}, '1[3-9][0-9]{{9}}') THEN regexp_replace({x}, '^(...)....', '\\1****') "
            f"WHEN length({d}) >= 7 THEN left({d}, 3) || '****' || right({d}, 4) ELSE '****' END"
        )
    if method == "mask_id":
        n = f"upper(trim({x}))"
        return (
            f"CASE WHEN {x} IS NULL THEN NULL "
            f"WHEN regexp_full_match({n}, '[0-9]{{17}}[0-9X]') THEN left({n}, 6) || '********' || right({n}, 4) "
            f"WHEN regexp_full_match({n}, '[0-9]{{15}}') THEN left({n}, 6) || '*****' || right({n}, 4) "
            f"ELSE '****' END"
        )
    if method == "mask_card":
        d = f"regexp_replace({x}, '[^0-9]', '', 'g')"
        return (
            f"CASE WHEN {x} IS NULL THEN NULL WHEN length({d}) >= 12 "
            f"THEN left({d}, 4) || ' **** **** ' || right({d}, 4) ELSE '****' END"
        )
    if method == "mask_email":
        return (
            f"CASE WHEN {x} IS NULL THEN NULL WHEN regexp_full_match(trim({x}), '[^@\\s]+@[^@\\s]+') "
            f"THEN left(trim({x}), 1) || '***@' || split_part(trim({x}), '@', 2) ELSE '****' END"
        )
    if method == "mask_plate":
        return (
            f"CASE WHEN {x} IS NULL THEN NULL WHEN length(trim({x})) >= 6 "
            f"THEN left(trim({x}), 2) || '****' || right(trim({x}), 1) ELSE '****' END"
        )
    if method == "mask_generic":
        return f"CASE WHEN length({x}) = 0 THEN {x} ELSE left({x}, 1) || '***' END"
    if method == "district":
        if entity == "CN_RESIDENT_ID" or (entity == "REGION_CODE"):
            return method_sql("division", col, t, entity, ctx)
        return (
            f"coalesce(nullif(regexp_extract({x}, '{_DISTRICT}', 0), ''), "
            f"nullif(regexp_extract({x}, '{_CITY}', 0), ''))"
        )
    if method == "division":
        return ctx.division_join(f"left(trim({x}), 6)")
    if method in ("age_band", "birth_year", "date_month", "date_year"):
        dsql = id_birth_sql(col, t) if entity == "CN_RESIDENT_ID" else date_sql(col, t)
        if method == "birth_year" or method == "date_year":
            return f"CAST(year({dsql}) AS VARCHAR)"
        if method == "date_month":
            return f"strftime({dsql}, '%Y-%m')"
        a = ctx.helper(age_sql(dsql, ctx.as_of))
        # bands of ages 0-199 from a constant list (~2.5x cheaper than casting and concatenating)
        labels = ", ".join(f"'{lo}-{lo + band - 1}'" for lo in range(0, 200, band))
        return (
            f"CASE WHEN {a} IS NULL OR {a} < 0 THEN NULL WHEN {a} < {len(range(0, 200, band)) * band} "
            f"THEN [{labels}][{a} // {band} + 1] ELSE CAST({a} // {band} * {band} AS VARCHAR)"
            f" || '-' || CAST({a} // {band} * {band} + {band - 1} AS VARCHAR) END"
        )
    if method == "grid":
        if pa.types.is_floating(t) or pa.types.is_decimal(t):
            return f"round({col}, 2)"
        return f"regexp_replace({x}, '([0-9]+\\.[0-9]{{2}})[0-9]+', '\\1', 'g')"
    if method == "ip_prefix":
        return (
            f"CASE WHEN regexp_full_match(trim({x}), '[0-9]{{1,3}}(\\.[0-9]{{1,3}}){{3}}') "
            f"THEN regexp_replace(trim({x}), '\\.[0-9]{{1,3}}$', '.0/24') "
            f"WHEN contains({x}, ':') THEN regexp_extract(trim({x}), "
            f"'^([0-9A-Fa-f]{{0,4}}:[0-9A-Fa-f]{{0,4}}:[0-9A-Fa-f]{{0,4}})', 1) || '::/48' END"
        )
    if method == "hmac":
        if key is None:
            raise PrivacyError("internal: pseudonymisation without a key")
        return pseudonym_sql(col, t, entity, key, ctx)
    raise PrivacyError(f"no SQL for method {method!r}")


def divisions_table() -> pa.Table:
    codes = division_codes()
    names = [division_name(c) or "" for c in codes]
    return pa.table({"code": list(codes), "name": names})
