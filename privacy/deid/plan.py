"""A dataset decision turned into one query's plan: helper columns, outputs, joins, parameters."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from core import PrivacyError
from core.sql import quote_ident
from privacy.deid.hierarchy import base_sql, level_sql
from privacy.deid.methods import (
    HELPER,
    SqlContext,
    age_sql,
    date_sql,
    divisions_table,
    id_birth_sql,
    method_sql,
    normalise_sql,
)
from privacy.deid.pseudonym import native_hmac, register_udfs
from privacy.policy import ColumnAction, ColumnDecision, DatasetDecision
from privacy.roles import load_roles

__all__ = ["OutputColumn", "Plan", "build_plan", "check_column_names", "new_context"]


@dataclass
class OutputColumn:
    name: str
    sql: str
    decision: ColumnDecision
    #: applied to the SQL result per record batch (privacy.variants): "hmac" (keyed pseudonym
    #: of the normalised value ``sql``) or "encrypt" (privacy.crypto); None: ``sql`` is final
    post: str | None = None


@dataclass
class Plan:
    """Everything to run ``SELECT <outputs> FROM src <joins>`` over one Parquet input."""

    ctx: SqlContext
    outputs: list[OutputColumn]
    dropped: list[str]
    #: columns in the input nobody decided on (dropped, fail closed)
    undecided: list[str]

    def source_cte(self, source_param: str) -> str:
        """``src`` CTE: the input with the helper columns."""
        return f"src AS (SELECT *{self.ctx.helper_sql()} FROM read_parquet({source_param}) AS src)"

    def from_sql(self) -> str:
        return "src " + " ".join(self.ctx.joins)

    def prepare(self, con: duckdb.DuckDBPyConnection) -> None:
        if self.ctx.needs_divisions:
            con.register(f"{HELPER}divisions", divisions_table())
        if self.ctx.needs_udfs:
            register_udfs(con)


def check_column_names(names: list[str], label: str) -> None:
    """Refuse names SQL cannot tell apart: DuckDB binds identifiers without case, so ``Income``
    and ``INCOME`` (or a column named like a helper, ``__PUBDATA_h0``) would let one column's
    treatment apply to the other's values."""
    seen: dict[str, str] = {}
    for n in names:
        key = n.casefold()
        if key.startswith(HELPER.casefold()):
            raise PrivacyError(
                f"dataset {label}: column name {n!r} uses the reserved prefix {HELPER!r}",
                hint="rename the column in the source or the manifest",
            )
        if key in seen:
            raise PrivacyError(
                f"dataset {label}: columns {seen[key]!r} and {n!r} differ only in case "
                "(or are duplicates); SQL cannot tell them apart",
                hint="rename one of them in the source",
            )
        seen[key] = n


def new_context(decision: DatasetDecision) -> SqlContext:
    return SqlContext(as_of=_dt.date.fromisoformat(decision.as_of), national=decision.crypto_suite == "national")


def build_plan(
    decision: DatasetDecision,
    schema: pa.Schema,
    *,
    pseudonym_key: bytes | None,
    overrides: dict[str, tuple[ColumnAction, str | None]] | None = None,
    keep: set[str] | None = None,
    minors_nulling: bool = True,
    ctx: SqlContext | None = None,
    column_keys: dict[str, bytes] | None = None,
) -> Plan:
    """The open-data plan of a decision (``overrides`` lets sharing swap actions per column).

    ``overrides``: column -> (action, method). ``keep``: only these columns (sharing scope).
    ``ctx``: share one context between the plans of one scan (privacy.variants).
    ``column_keys``: columns pseudonymised with their own key instead of ``pseudonym_key``
    (a shared variant's row keys, per recipient).
    """
    ctx = ctx or new_context(decision)
    types = {f.name: f.type for f in schema}
    check_column_names(schema.names, f"{decision.department}.{decision.dataset}")
    minor_ref: str | None = None
    if decision.minors and decision.minors_column and minors_nulling and decision.minors_column in types:
        mc = decision.minors_column
        mdec = decision.column(mc)
        t = types[mc]
        dsql = (
            id_birth_sql(f"src.{quote_ident(mc)}", t)
            if (mdec and mdec.entity == "CN_RESIDENT_ID")
            else date_sql(f"src.{quote_ident(mc)}", t)
        )
        minor_ref = ctx.helper(f"coalesce({age_sql(dsql, ctx.as_of)} < 14, false)")
    outputs: list[OutputColumn] = []
    dropped: list[str] = []
    undecided: list[str] = []
    for name, t in types.items():
        dec = decision.column(name)
        if dec is None:
            undecided.append(name)
            continue
        if keep is not None and name not in keep:
            continue
        action, method = dec.action, dec.method
        if overrides and name in overrides:
            action, method = overrides[name]
        if action in ("drop", "encrypt", "hold") and not (overrides and name in overrides and action == "encrypt"):
            dropped.append(name)
            continue
        col = f"src.{quote_ident(name)}"
        post = None
        if dec.hierarchy is not None and not (overrides and name in overrides):
            sql = _hierarchy_sql(decision, dec, col, t, ctx)
        elif action == "encrypt":
            sql, post = col, "encrypt"  # encrypted per record batch (privacy.crypto)
        elif action == "publish":
            sql = col
        elif action == "pseudonymise" and column_keys and name in column_keys:
            sql = method_sql("hmac", col, t, dec.entity, ctx, key=column_keys[name])
        elif action == "pseudonymise" and native_hmac() and not ctx.national:
            sql, post = f"nullif({normalise_sql(col, t, dec.entity)}, '')", "hmac"
        elif action == "pseudonymise":
            sql = method_sql("hmac", col, t, dec.entity, ctx, key=pseudonym_key)
        else:
            sql = method_sql(method or "mask_generic", col, t, dec.entity, ctx, band=decision.age_band_width)
        if minor_ref is not None and dec.level in ("personal", "sensitive") and action != "encrypt":
            sql = f"CASE WHEN {minor_ref} THEN NULL ELSE {sql} END"
        outputs.append(OutputColumn(name, sql, dec, post))
    return Plan(ctx, outputs, dropped, undecided)


def _hierarchy_sql(decision: DatasetDecision, dec: ColumnDecision, col: str, t: pa.DataType, ctx: SqlContext) -> str:
    """A quasi-identifier or sensitive attribute of a release about people, at its decided level
    (a ``category`` whose floor method has no place in a hierarchy is that method's output)."""
    assert dec.hierarchy is not None
    h = load_roles(decision.roles_source).hierarchies[dec.hierarchy]
    base_method = dec.authorised_method
    method = (
        method_sql(base_method, col, t, dec.entity, ctx, band=decision.age_band_width)
        if h.name == "category" and base_method not in (None, "publish", "category")
        else None
    )
    return level_sql(h, base_sql(h, col, t, as_of=ctx.as_of, method_sql=method), 0, dec.hierarchy_level or 0)
