"""The standards library: reusable data elements a manifest column names in ``standard:``.

Each :class:`Standard` carries

- ``description`` - what "valid" means (rendered into Data Docs as the expectation description);
- ``sql(s)`` - a vectorised DuckDB predicate over the value's text form ``s`` (a non-null
  ``VARCHAR`` SQL expression) that is TRUE when the value is valid. This is what the pipeline
  evaluates on every row (checksums by ``substr`` arithmetic, division codes by a semi-join with
  the code list);
- ``expectations(column)`` - the element compiled to native Great Expectations expectation
  configurations (``{"type": ..., "kwargs": ...}``) over a raw text column. Checksum rules
  that GX has no native expectation for are expressed by the closest native form (format regex)
  and noted; the pipeline suite (:func:`quality.build_suite`) validates the precomputed results
  instead, see :mod:`quality.suite`;
- ``check(value)`` - the scalar reference implementation (Python; used by the tests to
  cross-check the SQL and usable by callers for single values);
- ``identifier`` - a personal identifier: its failing values are redacted from all evidence by
  default (resident ID, mobile, landline, e-mail).

Elements: ``cn_resident_id`` (GB 11643: format, check char, real past birth date, known GB/T 2260
region - the union of historical codes, since old IDs keep abolished codes), ``uscc``
(GB 32100 check char), ``division_code`` (GB/T 2260), ``gender_code`` (GB/T 2261.1: 0 1 2 9),
``date`` / ``datetime`` (ISO 8601), ``cn_mobile``, ``cn_landline``, ``email``, ``latitude``,
``longitude``, ``amount`` (non-negative). Enumerations, string length limits, numeric bounds,
patterns, required and unique come from the column's own fields (see :mod:`quality.suite`).

The division code list is :func:`core.identifiers.division_codes` (python-stdnum's shipped
historical list); :func:`division_code_table` exposes it as an Arrow table for SQL joins.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from core import ManifestError
from core.identifiers import (
    ID_WEIGHTS,
    USCC_CHARSET,
    division_codes,
    is_valid_division_code,
    is_valid_resident_id,
    is_valid_uscc,
)
from core.sql import quote_literal

__all__ = [
    "DIVISION_BITS",
    "DIVISION_TABLE",
    "STANDARDS",
    "Standard",
    "division_code_table",
    "get",
    "register_code_tables",
    "quote_literal",
]

#: Name of the DuckDB table (one VARCHAR column ``code``) the SQL predicates join with.
DIVISION_TABLE = "_pubdata_division_codes"


@dataclass(frozen=True)
class Standard:
    name: str
    title: str
    description: str
    sql: Callable[[str], str] = field(repr=False)
    expectations: Callable[[str], list[dict[str, Any]]] = field(repr=False)
    check: Callable[[Any], bool] = field(repr=False)
    identifier: bool = False
    reference: str = ""
    #: SQL normalising the text form once per row (e.g. ``upper(trim(x))``, or a STRUCT with more
    #: values derived once, as the resident ID's number); ``sql`` receives its result
    prepare: Callable[[str], str] | None = field(default=None, repr=False)

    def validate(self, values: list[Any]) -> list[bool | None]:
        """Run the SQL predicate over ``values`` in DuckDB: True/False per value, None for null."""
        con = duckdb.connect()
        register_code_tables(con)
        tbl = pa.table(
            {
                "v": pa.array([None if v is None else str(v) for v in values], pa.string()),
                "i": pa.array(range(len(values)), pa.int64()),
            }
        )
        con.register("_vals", tbl)
        rows = con.execute(
            f"SELECT CASE WHEN v IS NULL THEN NULL ELSE coalesce(({self.sql('p')}), false) END "
            f"FROM (SELECT v, i, {self.prepare('v') if self.prepare else 'v'} AS p FROM _vals) ORDER BY i"
        ).fetchall()
        con.close()
        return [r[0] for r in rows]


# ---------------------------------------------------------------------------------------------
# SQL building blocks


def _id18_check_sql(s: str, d: str) -> str:
    """SQL: the 18-character ID ``s`` (the caller matched ``[0-9]{17}[0-9X]``) has a valid check
    character; ``d`` is its first 17 characters as a BIGINT (< 10**17), computed once per row by
    the standard's ``prepare``. ISO 7064 MOD 11-2: the 17 weighted digits plus the check value (X
    stands for 10; ``'X'`` is ASCII 88, so ``(ascii - 48) % 30`` maps ``0-9X`` to 0-10) are 1 mod 11.
    The digits come from the number by integer division: cheaper than 17 ``substr``/``ascii``
    terms on the text (1e6 IDs, one thread: 0.58 against 0.40 CPU s for the check alone). The
    number is a field of the prepared STRUCT, not bound here: inside a predicate evaluated on part
    of the rows (after ``IS NOT NULL``, in a ``CASE`` branch: always, in a validation) DuckDB
    recomputes a cast for each of the 17 terms, and binding it by a lambda over a one-element list
    costs a list per row (0.40 -> 0.26 CPU s per 1e6 IDs without it;
    ``tests/quality/test_quality_standards.py`` compares it with Python's check and the old SQL)."""
    total = " + ".join(f"{w} * ({d} // {10 ** (16 - i)} % 10)" for i, w in enumerate(ID_WEIGHTS))
    return f"(({total}) + (ascii(substr({s}, 18, 1)) - 48) % 30) % 11 = 1"


#: DuckDB variable (set by :func:`register_code_tables`): the GB/T 2260 list as one bit per
#: six-digit number
DIVISION_BITS = "pubdata_division_bits"


def _in_divisions(code_sql: str) -> str:
    """SQL: the six-digit text ``code_sql`` is in the code list (callers check the six digits).
    A bit test, not an ``IN (SELECT ...)``: a join does not keep rows in source order, which the
    validation's streamed valid write relies on; also cheaper than the join."""
    code = f"least(greatest(TRY_CAST({code_sql} AS INTEGER), 0), 999999)"
    return f"coalesce(get_bit(getvariable('{DIVISION_BITS}'), {code}) = 1, false)"


def _norm(x: str) -> str:
    return f"upper(trim({x}))"


def _resident_id_prepare(x: str) -> str:
    """SQL: the ID's normalised text and its first 17 characters as a number, computed once per
    row (a STRUCT; :func:`_resident_id_sql` reads its fields ``s`` and ``d``)."""
    s = _norm(x)
    return f"struct_pack(s := {s}, d := TRY_CAST(left({s}, 17) AS BIGINT))"


def _resident_id_sql(p: str) -> str:
    s, d = f"({p}).s", f"({p}).d"
    birth18 = f"try_strptime(substr({s}, 7, 8), '%Y%m%d')"
    birth15 = f"try_strptime('19' || substr({s}, 7, 6), '%Y%m%d')"
    date_ok = "BETWEEN TIMESTAMP '1880-01-01' AND current_date::TIMESTAMP"
    # one reference to the code list (each IN-subquery is a join for the planner)
    return (
        f"(CASE WHEN regexp_full_match({s}, '[0-9]{{17}}[0-9X]') THEN "
        f"({_id18_check_sql(s, d)}) AND coalesce({birth18} {date_ok}, false) "
        f"WHEN regexp_full_match({s}, '[0-9]{{15}}') THEN coalesce({birth15} {date_ok}, false) "
        f"ELSE false END AND {_in_divisions(f'substr({s}, 1, 6)')})"
    )


_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = "[0-9A-HJ-NP-RTUWXY]{18}"


def _uscc_sql(s: str) -> str:
    cs = quote_literal(USCC_CHARSET)
    total = " + ".join(f"{w} * (instr({cs}, substr({s}, {i + 1}, 1)) - 1)" for i, w in enumerate(_USCC_WEIGHTS))
    return (
        f"CASE WHEN regexp_full_match({s}, '{_USCC_RE}') THEN "
        f"substr({cs}, ((31 - ({total}) % 31) % 31) + 1, 1) = substr({s}, 18, 1) ELSE false END"
    )


def _regex_sql(pattern: str) -> Callable[[str], str]:
    return lambda x: f"regexp_full_match({x}, {quote_literal(pattern)})"


def _range_sql(lo: float | None, hi: float | None) -> Callable[[str], str]:
    """The number read from the text is finite and within [lo, hi]: one ``BETWEEN`` with finite
    bounds (an open side is the largest finite double) excludes infinities and NaN (DuckDB orders
    NaN above every number), so the text is cast once per row, not once per condition."""
    low = -sys.float_info.max if lo is None else lo
    high = sys.float_info.max if hi is None else hi

    def sql(x: str) -> str:
        return f"(TRY_CAST(trim({x}) AS DOUBLE) BETWEEN {low!r} AND {high!r})"

    return sql


def _range_check(lo: float | None, hi: float | None) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        try:
            v = float(str(value).strip())
        except (TypeError, ValueError):
            return False
        if not math.isfinite(v):
            return False
        return (lo is None or v >= lo) and (hi is None or v <= hi)

    return check


def _range_gx(lo: float | None, hi: float | None) -> Callable[[str], list[dict[str, Any]]]:
    return lambda c: [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": c, "min_value": lo, "max_value": hi}}
    ]


def _regex_gx(pattern: str) -> Callable[[str], list[dict[str, Any]]]:
    return lambda c: [
        {"type": "expect_column_values_to_match_regex", "kwargs": {"column": c, "regex": "^(?:" + pattern + ")$"}}
    ]


# ---------------------------------------------------------------------------------------------
# Patterns (RE2 / Python compatible; matched against the whole value)

DATE_RE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
DATETIME_RE = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
MOBILE_RE = r"(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}"
LANDLINE_RE = (
    r"(?:(?:\+?86[ -]?)?(?:\(0[0-9]{2,3}\)|0[0-9]{2,3})[ -]?)?[2-9][0-9]{6,7}"
    r"(?:(?:-|转|ext\.?|x)[0-9]{1,6})?|[48]00[ -]?[0-9]{3}[ -]?[0-9]{4}"
)
EMAIL_RE = (
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
GENDER_CODES = ("0", "1", "2", "9")


def _full(pattern: str) -> Callable[[Any], bool]:
    rx = re.compile(pattern)
    return lambda v: isinstance(v, str) and rx.fullmatch(v) is not None


def _date_check(v: Any) -> bool:
    if isinstance(v, _dt.datetime):
        return False
    if isinstance(v, _dt.date):
        return True
    if not isinstance(v, str) or not re.fullmatch(DATE_RE, v):
        return False
    try:
        _dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _datetime_check(v: Any) -> bool:
    if isinstance(v, _dt.datetime):
        return True
    if not isinstance(v, str) or not re.fullmatch(DATETIME_RE, v):
        return False
    try:
        _dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _datetime_sql(x: str) -> str:
    return (
        f"(regexp_full_match({x}, {quote_literal(DATETIME_RE)}) AND "
        f"coalesce(TRY_CAST({x} AS TIMESTAMPTZ), TRY_CAST({x} AS TIMESTAMP)) IS NOT NULL)"
    )


STANDARDS: dict[str, Standard] = {}


def _add(std: Standard) -> None:
    STANDARDS[std.name] = std


_add(
    Standard(
        "cn_resident_id",
        "Resident ID number (GB 11643-1999)",
        "18 characters: 17 digits and a check character computed with the GB 11643 weights "
        "(X stands for 10), a real birth date (digits 7-14) between 1880 and today, and a region "
        "(digits 1-6) in the GB/T 2260 code list including historical codes; legacy 15-digit numbers "
        "(YYMMDD, no check char) are accepted with the same date and region checks.",
        sql=_resident_id_sql,
        expectations=_regex_gx(r"[0-9]{17}[0-9Xx]|[0-9]{15}"),
        check=lambda v: isinstance(v, str) and is_valid_resident_id(v),
        identifier=True,
        reference="GB 11643-1999; GB/T 2260",
        prepare=_resident_id_prepare,
    )
)
_add(
    Standard(
        "uscc",
        "Unified social credit code (GB 32100-2015)",
        "18 characters of 0-9 and A-Y without I, O, Z, S, V; the 18th is the GB 32100 check character "
        "((31 - weighted sum mod 31) mod 31). Letters are accepted in every position: the check "
        "character decides.",
        sql=_uscc_sql,
        expectations=_regex_gx(_USCC_RE),
        check=lambda v: isinstance(v, str) and is_valid_uscc(v),
        reference="GB 32100-2015",
        prepare=_norm,
    )
)
_add(
    Standard(
        "division_code",
        "Administrative division code (GB/T 2260)",
        "Six digits present in the GB/T 2260 code list - the union of current and historical codes "
        "(python-stdnum's list), since records and old ID numbers keep abolished codes.",
        sql=lambda x: f"(regexp_full_match({x}, '[0-9]{{6}}') AND {_in_divisions(x)})",
        prepare=lambda x: f"trim({x})",
        expectations=lambda c: [
            {
                "type": "expect_column_values_to_be_in_set",
                "kwargs": {"column": c, "value_set": f"<GB/T 2260 code list, {len(division_codes())} codes>"},
            }
        ],
        check=lambda v: isinstance(v, str) and is_valid_division_code(v.strip()),
        reference="GB/T 2260",
    )
)
_add(
    Standard(
        "gender_code",
        "Gender code (GB/T 2261.1-2003)",
        "One of 0 (unknown), 1 (male), 2 (female), 9 (unspecified).",
        sql=lambda x: f"trim({x}) IN ('0', '1', '2', '9')",
        expectations=lambda c: [
            {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": c, "value_set": list(GENDER_CODES)}}
        ],
        check=lambda v: str(v).strip() in GENDER_CODES,
        reference="GB/T 2261.1-2003",
    )
)
_add(
    Standard(
        "date",
        "ISO 8601 calendar date",
        "YYYY-MM-DD naming a real calendar day.",
        sql=lambda x: f"(regexp_full_match({x}, '{DATE_RE}') AND try_strptime({x}, '%Y-%m-%d') IS NOT NULL)",
        expectations=_regex_gx(DATE_RE),
        check=_date_check,
        reference="ISO 8601 / GB/T 7408",
    )
)
_add(
    Standard(
        "datetime",
        "ISO 8601 date and time",
        "YYYY-MM-DD, 'T' or a space, hh:mm[:ss[.fraction]], optional Z or +hh:mm offset; a real instant.",
        sql=_datetime_sql,
        expectations=_regex_gx(DATETIME_RE),
        check=_datetime_check,
        reference="ISO 8601 / GB/T 7408",
    )
)
_add(
    Standard(
        "cn_mobile",
        "Mainland China mobile number",
        "11 digits starting 13-19, optionally prefixed +86/86, optionally separated 3-4-4 by spaces or hyphens.",
        sql=_regex_sql(MOBILE_RE),
        expectations=_regex_gx(MOBILE_RE),
        check=_full(MOBILE_RE),
        identifier=True,
    )
)
_add(
    Standard(
        "cn_landline",
        "Mainland China fixed-line number",
        "Optional +86, optional area code 0xx/0xxx (may be parenthesised), a 7-8 digit local number "
        "not starting 0/1, optional extension; or a 400/800 service number.",
        sql=_regex_sql(LANDLINE_RE),
        expectations=_regex_gx(LANDLINE_RE),
        check=_full(LANDLINE_RE),
        identifier=True,
    )
)
_add(
    Standard(
        "email",
        "E-mail address",
        "local@domain with a dotted domain and an alphabetic top-level label (RFC 5322 dot-atom subset).",
        sql=_regex_sql(EMAIL_RE),
        expectations=_regex_gx(EMAIL_RE),
        check=_full(EMAIL_RE),
        identifier=True,
    )
)
_add(
    Standard(
        "latitude",
        "Latitude in decimal degrees",
        "A finite number between -90 and 90.",
        sql=_range_sql(-90.0, 90.0),
        expectations=_range_gx(-90.0, 90.0),
        check=_range_check(-90.0, 90.0),
        reference="WGS-84 / GCJ-02 decimal degrees",
    )
)
_add(
    Standard(
        "longitude",
        "Longitude in decimal degrees",
        "A finite number between -180 and 180.",
        sql=_range_sql(-180.0, 180.0),
        expectations=_range_gx(-180.0, 180.0),
        check=_range_check(-180.0, 180.0),
        reference="WGS-84 / GCJ-02 decimal degrees",
    )
)
_add(
    Standard(
        "amount",
        "Non-negative amount",
        "A finite number greater than or equal to 0.",
        sql=_range_sql(0.0, None),
        expectations=_range_gx(0.0, None),
        check=_range_check(0.0, None),
    )
)


def get(name: str) -> Standard:
    try:
        return STANDARDS[name]
    except KeyError:
        raise ManifestError(
            f"unknown data standard {name!r}", hint=f"use one of: {', '.join(sorted(STANDARDS))}"
        ) from None


def division_code_table():
    """The GB/T 2260 code list (historical codes included) as an Arrow table ``code``."""
    return pa.table({"code": pa.array(sorted(division_codes()), pa.string())})


def register_code_tables(con) -> None:
    """Make the code lists the SQL predicates use visible on a DuckDB connection."""
    # a real (temp) DuckDB table: IN-subqueries over a registered Arrow view are re-scanned
    # per use and become ~10x slower when several predicates reference it
    con.register("_pubdata_division_arrow", division_code_table())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {DIVISION_TABLE} AS SELECT code FROM _pubdata_division_arrow")
    con.unregister("_pubdata_division_arrow")
    con.execute(
        f"SET VARIABLE {DIVISION_BITS} = (SELECT bitstring_agg(code::INTEGER, 0, 999999) FROM {DIVISION_TABLE})"
    )
