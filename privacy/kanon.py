"""k-anonymity over quasi-identifiers, computed in DuckDB on the table of equivalence classes.

The class table (QI values after de-identification → row count) is counted from the record
batches as the open variant is written (:func:`class_counts`, :func:`merge_counts`): the data is
scanned once. Further generalisation is computed on that small table only, because every ladder
step is a function of the previous output (``30-39`` → ``20-39`` → ``0-39`` → NULL;
``浙江省杭州市西湖区`` → ``浙江省杭州市`` → ``浙江省`` → NULL; ``1990-05`` → ``1990`` →
``1990s`` → NULL; 0.01° → 0.1° → 1° → NULL; categories → NULL).

Algorithm (Datafly-style): while the rows in classes smaller than k exceed the policy's
``max_suppression`` share, generalise one step the quasi-identifier with the most distinct
values that can still be generalised; then suppress the rows of the remaining small classes.
The result records the k achieved, the rows suppressed and the level of each QI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from core.sql import quote_ident, scalar

__all__ = ["KAnonResult", "QuasiIdentifier", "class_counts", "enforce", "ladder_sql", "merge_counts"]


@dataclass(frozen=True)
class QuasiIdentifier:
    name: str
    #: method that produced the column's values (age_band, district, category, ...)
    method: str | None
    arrow_type: pa.DataType
    band: int = 10


def _steps(qi: QuasiIdentifier) -> int:
    m = qi.method
    if m == "age_band":
        return 3
    if m in ("district", "division"):
        return 3
    if m == "date_month":
        return 3
    if m in ("birth_year", "date_year"):
        return 2
    if m == "grid" and (pa.types.is_floating(qi.arrow_type) or pa.types.is_decimal(qi.arrow_type)):
        return 3
    if m == "ip_prefix":
        return 2
    return 1


def ladder_sql(qi: QuasiIdentifier, x: str, level: int) -> str:
    """SQL generalising value expression ``x`` (already at level 0) to ``level``."""
    if level <= 0:
        return x
    if level >= _steps(qi):
        text_methods = ("age_band", "district", "division", "date_month", "birth_year", "date_year", "ip_prefix")
        if qi.method in text_methods:
            return "CAST(NULL AS VARCHAR)"
        return f"CAST(NULL AS {_duck_type(qi.arrow_type)})"
    m = qi.method
    if m == "age_band":
        w = qi.band * (2**level)
        lo = f"(CAST(split_part({x}, '-', 1) AS INTEGER) // {w} * {w})"
        return (
            f"CASE WHEN {x} IS NULL THEN NULL ELSE CAST({lo} AS VARCHAR) || '-' || CAST({lo} + {w - 1} AS VARCHAR) END"
        )
    if m in ("district", "division"):
        from privacy.deid.methods import _CITY, _PROVINCE

        prov = f"nullif(regexp_extract({x}, '{_PROVINCE}', 0), '')"
        if level == 1:
            return f"coalesce(nullif(regexp_extract({x}, '{_CITY}', 0), ''), {prov})"
        return prov
    if m == "date_month":
        if level == 1:
            return f"left({x}, 4)"
        return f"left({x}, 3) || '0s'"
    if m in ("birth_year", "date_year"):
        return f"left({x}, 3) || '0s'"
    if m == "grid":
        return f"round({x}, {2 - level})"
    if m == "ip_prefix":
        return (
            f"CASE WHEN contains({x}, ':') THEN NULL ELSE regexp_replace({x}, '\\.[0-9]{{1,3}}\\.0/24$', '.0.0/16') END"
        )
    return x


def _duck_type(t: pa.DataType) -> str:
    if pa.types.is_integer(t):
        return "BIGINT"
    if pa.types.is_floating(t):
        return "DOUBLE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_date(t):
        return "DATE"
    if pa.types.is_timestamp(t):
        return "TIMESTAMP"
    return "VARCHAR"


@dataclass
class KAnonResult:
    k_threshold: int
    #: smallest class among the rows kept (None: no rows)
    k_achieved: int | None
    suppressed_rows: int
    rows: int
    levels: dict[str, int] = field(default_factory=dict)
    #: name of the temp table of classes kept (for a semi-join), None when nothing is suppressed
    keep_table: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("keep_table")
        return d


def class_counts(batch: pa.RecordBatch | pa.Table, qis: list[QuasiIdentifier]) -> pa.Table:
    """The equivalence classes of one batch: QI values (as columns ``c0..``) and row count ``n``;
    merge the batches' tables with :func:`merge_counts`."""
    t = pa.table([batch.column(q.name) for q in qis], names=[f"c{i}" for i in range(len(qis))])
    return _count(t, "count_all", [])


def merge_counts(parts: list[pa.Table]) -> pa.Table:
    return _count(pa.concat_tables(parts, promote_options="permissive"), "sum", ["n"])


def _count(t: pa.Table, how: str, cols: list[str]) -> pa.Table:
    keys = [c for c in t.column_names if c != "n"]
    out = t.group_by(keys, use_threads=False).aggregate([(cols, how)] if not cols else [(cols[0], how)])
    return out.rename_columns(keys + ["n"])


def enforce(
    con: duckdb.DuckDBPyConnection, classes: pa.Table, qis: list[QuasiIdentifier], k: int, max_suppression: float
) -> KAnonResult:
    """Generalise/suppress the equivalence classes (from :func:`class_counts`) until k holds."""
    cols = [f"c{i}" for i in range(len(qis))]
    con.register("__pubdata_counts", classes)
    con.execute("CREATE OR REPLACE TEMP TABLE __pubdata_classes AS SELECT * FROM __pubdata_counts")
    con.unregister("__pubdata_counts")
    total = scalar(con, "SELECT coalesce(sum(n), 0) FROM __pubdata_classes")
    levels = [0] * len(qis)

    def grouped() -> str:
        g = ", ".join(f"{ladder_sql(q, c, lv)} AS {c}" for q, c, lv in zip(qis, cols, levels))
        return f"SELECT {g}, sum(n) AS n FROM __pubdata_classes GROUP BY ALL"

    def small_rows() -> int:
        return int(scalar(con, f"SELECT coalesce(sum(n), 0) FROM ({grouped()}) WHERE n < {k}"))

    budget = int(total * max_suppression)
    bad = small_rows()
    while bad > budget:
        candidates = [i for i, q in enumerate(qis) if levels[i] < _steps(q)]
        if not candidates:
            break
        distinct = con.execute(
            "SELECT "
            + ", ".join(f"count(DISTINCT {ladder_sql(qis[i], cols[i], levels[i])})" for i in candidates)
            + " FROM __pubdata_classes"
        ).fetchone()
        assert distinct is not None
        pick = candidates[max(range(len(candidates)), key=lambda j: distinct[j])]
        levels[pick] += 1
        bad = small_rows()
    keep_table = None
    if bad:
        con.execute(f"CREATE OR REPLACE TEMP TABLE __pubdata_keep AS SELECT * FROM ({grouped()}) WHERE n >= {k}")
        keep_table = "__pubdata_keep"
        kmin = scalar(con, "SELECT min(n) FROM __pubdata_keep")
    else:
        kmin = scalar(con, f"SELECT min(n) FROM ({grouped()})")
    return KAnonResult(
        k_threshold=k,
        k_achieved=int(kmin) if kmin is not None else None,
        suppressed_rows=int(bad),
        rows=int(total),
        levels={q.name: lv for q, lv in zip(qis, levels)},
        keep_table=keep_table,
    )


def keep_join_sql(qis: list[QuasiIdentifier], alias: str = "t", keep: str = "__pubdata_keep") -> str:
    """``SEMI JOIN`` clause keeping the rows whose class survived."""

    cond = " AND ".join(f"{alias}.{quote_ident(q.name)} IS NOT DISTINCT FROM k.c{i}" for i, q in enumerate(qis))
    return f"SEMI JOIN {keep} AS k ON {cond}"
