"""Aggregate releases: a dataset declared ``aggregate`` in its manifest is published as a
statistical table (records per combination of the dimensions, sums of the measures, with totals),
never row by row. Small cells would single people out; the manifest says how they are protected:

* ``method: suppress`` (cell suppression, as statistical offices do it): **primary** suppression
  of every cell — totals included — counting fewer than ``threshold`` records, then
  **complementary** suppression so that no suppressed cell can be recovered from a total: along
  every dimension, each line of the table (the cells that differ only in that dimension, with
  their total) holds either no suppressed cell or at least two. The smallest cell of a line that
  has exactly one suppressed cell is suppressed too (a total only when no other cell is left),
  until no such line is left (:func:`privacy.cells.suppress`). Suppressed cells publish no count and no sum (``已抑制`` = true).
* ``method: noise`` (differential privacy): Laplace noise from OpenDP on the count and on each
  measure's sum of every cell of the full grid of the dimensions' values (empty cells included,
  so absence reveals nothing); each record's measure is clamped to ``bounds`` first (sensitivity
  = the largest absolute bound), the budget ``epsilon`` is split evenly between the count and the
  measures, and the totals are sums of the noisy cells (post-processing: no further budget).
  Counts are discrete Laplace (integers), sums continuous Laplace. OpenDP keeps these measurements
  behind its ``contrib`` feature flag (components whose proofs have not completed OpenDP's vetting
  process); pubdata enables it for exactly these two calls.

Dimension values are the columns' open-data values (a quasi-identifier at its lowest level, a
category as it is); a direct identifier can never be a dimension.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from core import ManifestError
from core.sql import quote_ident, scalar
from privacy.cells import suppress
from privacy.deid import Plan
from warehouse.manifest import Aggregate

__all__ = ["COUNT_COLUMN", "SUPPRESSED_COLUMN", "TOTAL", "AggregateReport", "write_aggregate"]

#: label of a dimension in a total row
TOTAL = "合计"
COUNT_COLUMN = "记录数"
SUPPRESSED_COLUMN = "已抑制"


@dataclass
class AggregateReport:
    method: str
    threshold: int
    dimensions: list[str]
    measures: list[str]
    rows_in: int
    cells: int
    primary_suppressed: int = 0
    complementary_suppressed: int = 0
    epsilon: float | None = None
    count_scale: float | None = None
    measure_scales: dict[str, float] = field(default_factory=dict)
    met: bool = True
    kind: str = "aggregate"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _dimensions(plan: Plan, agg: Aggregate) -> list[str]:
    """SQL of each dimension's values: the column's open-data value (a quasi-identifier at its
    lowest level), or the value itself for a category the row-level release would drop."""
    exprs = {o.name: o.sql for o in plan.outputs if o.post is None}
    return [f"CAST({exprs.get(name, f'src.{quote_ident(name)}')} AS VARCHAR)" for name in agg.dimensions]


def _suppress(con: duckdb.DuckDBPyConnection, dims: int, threshold: int) -> tuple[int, int]:
    """Primary and complementary suppression on temp table ``cells`` (see the module docstring),
    by :func:`privacy.cells.suppress`, the one implementation the query API uses too."""
    g = "".join(f", g{i}" for i in range(dims))
    rows = con.execute(f"SELECT id{g}, n FROM cells ORDER BY id").fetchall()
    table = [(tuple(r[1 : 1 + dims]), int(r[1 + dims] or 0)) for r in rows]
    hidden = suppress(table, threshold, total=TOTAL, zeros_safe=True)
    primary = sum(1 for _, n in table if 0 < n < threshold)
    if hidden:
        ids = ", ".join(str(int(rows[i][0])) for i in sorted(hidden))
        con.execute(f"UPDATE cells SET sup = true WHERE id IN ({ids})")
    return primary, len(hidden) - primary


def _noise(
    con: duckdb.DuckDBPyConnection, agg: Aggregate, measures: int, bounds: list[tuple[float, float]]
) -> dict[str, Any]:
    """Noisy counts and sums of the finest cells (temp table ``cells``, full grid)."""
    import opendp.prelude as dp

    dp.enable_features("contrib")  # make_laplace is a contrib component (see the module docstring)
    assert agg.epsilon is not None
    eps = agg.epsilon / (1 + measures)
    rows = con.execute(f"SELECT id, n{''.join(f', m{j}' for j in range(measures))} FROM cells ORDER BY id").fetchall()
    ids = [r[0] for r in rows]
    count_scale = 1.0 / eps  # one record changes one cell's count by 1
    counts = dp.m.make_laplace(dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int), scale=count_scale)
    noisy = [max(0, int(v)) for v in counts([int(r[1]) for r in rows])] if rows else []
    out: dict[str, Any] = {"count_scale": count_scale, "measure_scales": {}}
    cols = {"n": noisy}
    for j in range(measures):
        lo, hi = bounds[j]
        scale = max(abs(lo), abs(hi)) / eps
        meas = dp.m.make_laplace(
            dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.l1_distance(T=float), scale=scale
        )
        cols[f"m{j}"] = [round(v, 2) for v in meas([float(r[2 + j]) for r in rows])] if rows else []
        out["measure_scales"][agg.measures[j]] = scale
    con.register("__noisy", pa.table({"id": ids, **cols}))
    sets = ", ".join(f"{c} = x.{c}" for c in cols)
    con.execute(f"UPDATE cells SET {sets} FROM __noisy x WHERE cells.id = x.id")
    con.unregister("__noisy")
    return out


def write_aggregate(
    run: Any, plan: Plan, agg: Aggregate, bounds: dict[str, tuple[float, float]], label: str
) -> tuple[str, AggregateReport]:
    """Compute the protected statistical table in temp table ``cells``; returns the SELECT of the
    release over it and the report. ``run``: the plan's input query runner
    (:func:`privacy.variants.write_select`: ``run.source``, ``run.from_sql``, ``run(sql)``, ``run.con``);
    ``bounds``: clamping bounds of the measures (method noise)."""
    con = run.con
    dims = len(agg.dimensions)
    g = ", ".join(f"g{i}" for i in range(dims))
    m = len(agg.measures)
    dim_exprs = ", ".join(f"{e} AS g{i}" for i, e in enumerate(_dimensions(plan, agg)))
    if agg.method == "noise":
        if agg.count_column:
            raise ManifestError(f"dataset {label}: method noise needs the records, not a table of cells (count_column)")
        n = "count(*)"
        sums = [
            f"sum(least(greatest(TRY_CAST(src.{quote_ident(name)} AS DOUBLE), {float(bounds[name][0])}), {float(bounds[name][1])}))"
            for name in agg.measures
        ]
    else:
        n = (
            f"CAST(sum(TRY_CAST(src.{quote_ident(agg.count_column)} AS BIGINT)) AS BIGINT)"
            if agg.count_column
            else "count(*)"
        )
        sums = [f"sum(TRY_CAST(src.{quote_ident(name)} AS DOUBLE))" for name in agg.measures]
    run(
        f"CREATE OR REPLACE TEMP TABLE finest AS WITH {run.source} SELECT {dim_exprs}, {n} AS n"
        + "".join(f", {x} AS m{j}" for j, x in enumerate(sums))
        + f" FROM {run.from_sql} GROUP BY ALL"
    )
    rows_in = int(scalar(con, "SELECT coalesce(sum(n), 0) FROM finest"))
    labels = ", ".join(
        f"CASE WHEN grouping(g{i}) = 1 THEN '{TOTAL}' ELSE coalesce(g{i}, '') END AS g{i}" for i in range(dims)
    )
    cube = (
        "CREATE OR REPLACE TEMP TABLE cells AS SELECT row_number() OVER () AS id, *, false AS sup FROM "
        f"(SELECT {labels}, CAST(sum(n) AS BIGINT) AS n{''.join(f', round(sum(m{j}), 2) AS m{j}' for j in range(m))} "
        f"FROM {{table}} GROUP BY CUBE ({g}))"
    )
    if agg.method == "suppress":
        con.execute(cube.format(table="finest"))
        primary, extra = _suppress(con, dims, agg.threshold)
        report = AggregateReport("suppress", agg.threshold, agg.dimensions, agg.measures, rows_in, 0, primary, extra)
    else:
        # every cell of the grid, empty ones too, gets noise; totals add the noisy cells up
        grid = " CROSS JOIN ".join(f"(SELECT DISTINCT g{i} FROM finest)" for i in range(dims))
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE cells AS SELECT row_number() OVER () AS id, {g}, coalesce(f.n, 0) AS n"
            + "".join(f", coalesce(f.m{j}, 0.0) AS m{j}" for j in range(m))
            + f" FROM {grid} LEFT JOIN finest f USING ({g})"
        )
        scales = _noise(con, agg, m, [bounds[name] for name in agg.measures])
        con.execute("CREATE OR REPLACE TEMP TABLE noisy AS SELECT * EXCLUDE (id) FROM cells")
        con.execute(cube.format(table="noisy"))
        report = AggregateReport(
            "noise", agg.threshold, agg.dimensions, agg.measures, rows_in, 0, epsilon=agg.epsilon, **scales
        )
    report.cells = int(scalar(con, "SELECT count(*) FROM cells"))
    out = ", ".join(
        [f"g{i} AS {quote_ident(name)}" for i, name in enumerate(agg.dimensions)]
        + [f"CASE WHEN sup THEN NULL ELSE n END AS {quote_ident(COUNT_COLUMN)}"]
        + [f"CASE WHEN sup THEN NULL ELSE m{j} END AS {quote_ident(name)}" for j, name in enumerate(agg.measures)]
        + [f"sup AS {quote_ident(SUPPRESSED_COLUMN)}"]
    )
    order = ", ".join(f"g{i} = '{TOTAL}', g{i}" for i in range(dims))
    return f"SELECT {out} FROM cells ORDER BY {order}", report
