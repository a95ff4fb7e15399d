"""De-identification as DuckDB SQL: every method is one vectorised expression over a column.

Nothing here loops over rows in Python. :func:`build_plan` turns a :class:`DatasetDecision`
and the input's Arrow schema into a :class:`Plan` (helper columns, output expressions, joins,
bound parameters); :mod:`privacy.variants` runs the plans of one dataset in one scan. Column names are always
quoted (:func:`quote_ident`); secrets and dates travel as bound parameters or integer literals, never
as text spliced from data.

Methods (outputs):

=============  ==============================================================
mask_name      first character + ``*``                     张三丰 → 张*
mask_phone     first 3 + ``****`` + last 4 digits          13812348000 → 138****8000
mask_id        first 6 + ``********`` + last 4             330106********1234
mask_card      first 4 + `` **** **** `` + last 4          6222 **** **** 1234
mask_email     first character + ``***@`` + domain         z***@example.cn
mask_plate     first 2 + ``****`` + last 1                 粤B****5
mask_generic   first character + ``***``
district       address up to the first 区/县/旗 (else 市); no digits ever kept
division       GB/T 2260 name of a region code / ID-number prefix
age_band       ``30-39`` (width from the policy) from a birth date
birth_year     ``1990``;  date_month ``1990-05``;  date_year ``1990``
grid           coordinates rounded to 0.01° (strings: decimals cut to 2)
ip_prefix      IPv4 → ``a.b.c.0/24``, IPv6 → first 48 bits ``::/48``
category       published as is (protected by k-anonymity)
hmac           keyed pseudonym: HMAC-SHA256 over the normalised value, 32 hex chars
=============  ==============================================================

Keyed pseudonyms (HMAC-SHA256 over the normalised value; HMAC-SM3 in the national suite):

* with the compiled helper :mod:`privacy._hmac` (built by ``make install``; needs a C compiler):
  the plan's output is the *normalised* value (SQL) marked ``post="hmac"``, and
  :mod:`privacy.variants` hashes each record batch in one native call (:func:`hmac_hex`): the
  pads' midstates are computed once per key, so a value costs 2 SHA-256 compressions, on the
  x86 SHA extensions when present (~0.12 µs/value/core measured here, SHA-NI; ~0.5 portable),
  with the GIL released so several variants hash in parallel. Checked against Python's hmac.
* without it: the same HMAC in SQL, ``sha256(K^opad || unhex(sha256(K^ipad || m)))`` with the
  pads bound as BLOB parameters (~1 µs/value: 4 compressions of DuckDB's software SHA-256).
  A DuckDB Arrow UDF was measured and rejected: ~0.25 s per 1e6 rows of call overhead alone.
* national suite: HMAC-SM3, an Arrow UDF over the distinct values of each vector (Python per
  distinct value: slow, for deployments that require national algorithms).

ID normalisation has a fast path (clean 18-char numbers skip trim/replace/upper: 0.3 → 0.1
µs/value).
"""

from __future__ import annotations

from privacy.deid.methods import (
    HELPER,
    MASK_SHAPES,
    SqlContext,
    age_sql,
    date_sql,
    divisions_table,
    id_birth_sql,
    is_text,
    method_sql,
    normalise_sql,
    pseudonym_sql,
    text_sql,
)
from privacy.deid.plan import OutputColumn, Plan, build_plan, check_column_names, new_context
from privacy.deid.pseudonym import (
    PSEUDONYM_HEX,
    hmac_hex,
    hmac_pads,
    hmac_sql,
    native_hmac,
    pseudonym_py,
    register_udfs,
)

__all__ = [
    "HELPER",
    "MASK_SHAPES",
    "OutputColumn",
    "PSEUDONYM_HEX",
    "Plan",
    "SqlContext",
    "age_sql",
    "build_plan",
    "check_column_names",
    "date_sql",
    "divisions_table",
    "hmac_hex",
    "hmac_pads",
    "hmac_sql",
    "id_birth_sql",
    "is_text",
    "method_sql",
    "native_hmac",
    "new_context",
    "normalise_sql",
    "pseudonym_py",
    "pseudonym_sql",
    "register_udfs",
    "text_sql",
]
