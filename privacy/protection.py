"""Protection entry points for the pipeline: policy, open variant, shared variants, leak gate.

The pipeline calls, per dataset version::

    policy = load_policy()
    decision = decide(department, dataset, classification.columns, policy)
    report = protect_open(paths.valid, decision, paths.protected)      # unless withheld
    leak_gate(paths.protected, decision, dataset_label=f"{dept}.{ds}")  # before publishing
    shares = share_variants(paths.valid, decision, dataset, paths, KeyStore())
    catalog.store(decision.to_records(), report.to_dict(), [s.to_dict() for s in shares])

Decision rules are documented in :mod:`privacy.policy` and ``policy/README.md``.
:func:`protect_open` runs the whole table through DuckDB in one query (masking,
generalisation, suppression, keyed pseudonyms), with one extra GROUP BY pass for k-anonymity
on tables about people, and writes the Parquet atomically (tmp + rename).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

from privacy.deid import Plan, build_plan, qident
from privacy.kanon import KAnonResult, QuasiIdentifier, enforce, keep_join_sql, ladder_sql
from privacy.keys import KeyStore
from privacy.leakgate import leak_gate
from privacy.policy import ColumnDecision, DatasetDecision, Policy, decide, load_policy
from privacy.share import ShareReport, share_variants
from pubdata import PrivacyError

__all__ = [
    "ColumnDecision",
    "DatasetDecision",
    "KeyStore",
    "Policy",
    "ProtectReport",
    "ShareReport",
    "decide",
    "leak_gate",
    "load_policy",
    "protect_open",
    "share_variants",
]


@dataclass
class ProtectReport:
    rows_in: int
    rows_out: int
    suppressed_rows: int
    #: smallest equivalence class over the quasi-identifiers (None if not about people)
    k_achieved: int | None
    k_threshold: int | None = None
    quasi_identifiers: list[str] = field(default_factory=list)
    #: generalisation steps added by k-anonymity, per quasi-identifier
    generalisation: dict[str, int] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    #: input columns no decision covered (dropped, fail closed)
    undecided: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def protect_open(input_parquet: Path, decision: DatasetDecision, out_path: Path,
                 *, keys: KeyStore | None = None) -> ProtectReport:
    """Write the open variant of ``input_parquet`` per ``decision`` (atomically)."""
    label = f"{decision.department}.{decision.dataset}"
    if decision.open_tier == "withheld":
        raise PrivacyError(f"dataset {label} is withheld by rule {decision.rule_id}: no open variant")
    input_parquet, out_path = Path(input_parquet), Path(out_path)
    meta = pq.ParquetFile(input_parquet).metadata
    rows_in = meta.num_rows
    schema = pq.read_schema(input_parquet)
    need_key = any(c.action == "pseudonymise" for c in decision.columns)
    key = (keys or KeyStore()).public_pseudonym_key() if need_key else None
    plan: Plan = build_plan(decision, schema, pseudonym_key=key)
    if not plan.outputs:
        raise PrivacyError(f"dataset {label}: every column is dropped; nothing to publish")
    types = {f.name: f.type for f in schema}
    con = duckdb.connect()
    try:
        plan.prepare(con)
        params = dict(plan.ctx.params)
        params["src"] = str(input_parquet)
        select = ", ".join(f"{o.sql} AS {qident(o.name)}" for o in plan.outputs)
        inner = f"WITH {plan.source_cte('$src')} SELECT {select} FROM {plan.from_sql()}"
        out_names = {o.name for o in plan.outputs}
        qis = [QuasiIdentifier(n, decision.column(n).method if decision.column(n) else None,  # type: ignore[union-attr]
                               types[n], decision.age_band_width)
               for n in decision.quasi_identifiers if n in out_names]
        kres: KAnonResult | None = None
        final = inner
        if decision.about_people and qis:
            kres = enforce(con, inner, params, qis, decision.k_threshold, decision.max_suppression)
            if any(kres.levels.values()) or kres.keep_table:
                lv = {q.name: (q, kres.levels[q.name]) for q in qis}
                cols = ", ".join(
                    (f"{ladder_sql(lv[o.name][0], 't.' + qident(o.name), lv[o.name][1])} AS {qident(o.name)}"
                     if o.name in lv else f"t.{qident(o.name)}") for o in plan.outputs)
                final = f"SELECT {cols} FROM ({inner}) AS t"
                if kres.keep_table:
                    final = f"SELECT t2.* FROM ({final}) AS t2 {keep_join_sql(qis, 't2', kres.keep_table)}"
        out_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = out_path.with_name(f".{out_path.name}.{secrets.token_hex(4)}.tmp")
        try:
            res = con.execute(f"COPY ({final}) TO {_literal(tmp)} (FORMAT parquet)", params).fetchone()
            rows_out = int(res[0]) if res else 0
            os.replace(tmp, out_path)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        con.close()
    return ProtectReport(
        rows_in=rows_in, rows_out=rows_out,
        suppressed_rows=kres.suppressed_rows if kres else 0,
        k_achieved=kres.k_achieved if kres else None,
        k_threshold=decision.k_threshold if kres else None,
        quasi_identifiers=[q.name for q in qis] if kres else [],
        generalisation=kres.levels if kres else {},
        columns=[o.name for o in plan.outputs], dropped=plan.dropped, undecided=plan.undecided)
