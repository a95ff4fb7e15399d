"""k-anonymity and l-diversity of a release about people: the lattice search on the class table.

The class table (quasi-identifier values at the release's lowest levels + published sensitive
values → record count) is counted from the record batches as the open variant is written
(:func:`class_counts`, :func:`merge_counts`): the data is scanned once. Everything here runs on
that small table in DuckDB.

**Lattice search (ARX-style).** A *node* is a vector of generalisation levels, one per
quasi-identifier (from its lowest level to the top, "suppressed", of its hierarchy; see
:mod:`privacy.hierarchy`). Evaluating a node is ONE ``GROUP BY`` over the class table with
every quasi-identifier regrouped at its level: classes with fewer than k records, or in which a
sensitive attribute has fewer than l distinct values (a missing value counts as one value),
would be suppressed. A node *passes* when those records are at most ``max_suppression`` of the
table. Among passing nodes the search returns the one with the least information loss::

    loss = precision · (1 − s) + s        precision = mean over QIs of level / height,
                                           s = share of records suppressed

(Sweeney's precision with suppressed records counted as fully lost; GB/T 42460-2023 asks for
the utility lost to be reported). Pruning uses two monotonicity facts: coarsening only merges
classes, so a node below a failing node fails too (it is skipped without a query); and
``loss >= precision``, so once the next node's precision reaches the best loss found, no
remaining node can win (nodes are visited in order of precision). When no node passes (fewer
records than k, or more suppression needed than allowed), the result says so (the
publication gate) and carries the least-loss node with suppression unbounded, so whatever is
released still meets k and l. A sensitive attribute with fewer than l distinct values in the
whole table can never be l-diverse: it is withheld from the release instead.

A lattice larger than ``MAX_NODES`` (many quasi-identifiers) is searched greedily instead
(Datafly: raise the quasi-identifier with the most distinct values until the node passes).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from core.sql import quote_ident
from privacy.deid.hierarchy import level_sql
from privacy.hierarchy import Hierarchy
from privacy.risk import RiskReport, measure

__all__ = [
    "Anonymisation",
    "QuasiIdentifier",
    "SensitiveAttribute",
    "Targets",
    "anonymise",
    "class_counts",
    "keep_join_sql",
    "merge_counts",
]

#: lattices with more nodes are searched greedily
MAX_NODES = 100_000
CLASSES = "__pubdata_classes"
KEEP = "__pubdata_keep"


@dataclass(frozen=True)
class QuasiIdentifier:
    name: str
    hierarchy: Hierarchy
    #: level of the values as written (the release's lowest level: the floor or a rule's method)
    min_level: int = 0

    @property
    def levels(self) -> range:
        return range(self.min_level, self.hierarchy.height + 1)


@dataclass(frozen=True)
class SensitiveAttribute:
    name: str
    hierarchy: Hierarchy | None = None
    level: int = 0


@dataclass(frozen=True)
class Targets:
    k: int
    l: int  # noqa: E741 (the standard name of the model's parameter)
    max_suppression: float


@dataclass
class Anonymisation:
    """The node chosen and what it does to the release."""

    #: level applied per quasi-identifier (index in its hierarchy; height = suppressed)
    levels: dict[str, int]
    rows: int
    suppressed_rows: int
    #: the targets were met with at most the allowed suppression (False: the publication gate)
    met: bool
    report: RiskReport
    #: temp table of the classes kept (for a semi-join), None when nothing is suppressed
    keep_table: str | None = None
    #: sensitive attributes withheld because l can never be met
    withheld: list[str] = field(default_factory=list)


def class_counts(
    batch: pa.RecordBatch | pa.Table, qis: list[QuasiIdentifier], sas: list[SensitiveAttribute]
) -> pa.Table:
    """The equivalence classes of one batch: QI values (``q0..``), sensitive values (``s0..``)
    and the record count ``n``; merge the batches' tables with :func:`merge_counts`."""
    cols = [batch.column(q.name) for q in qis] + [batch.column(s.name) for s in sas]
    names = [f"q{i}" for i in range(len(qis))] + [f"s{j}" for j in range(len(sas))]
    if not names:
        return pa.table({"n": pa.array([batch.num_rows], pa.int64())})
    t = pa.table(cols, names=names)
    return t.group_by(names, use_threads=False).aggregate([([], "count_all")]).rename_columns(names + ["n"])


def merge_counts(parts: list[pa.Table]) -> pa.Table:
    t = pa.concat_tables(parts, promote_options="permissive")
    keys = [c for c in t.column_names if c != "n"]
    if not keys:
        return pa.table({"n": pa.array([pc.sum(t.column("n")).as_py() or 0], pa.int64())})
    return t.group_by(keys, use_threads=False).aggregate([("n", "sum")]).rename_columns(keys + ["n"])


def empty_counts(qis: list[QuasiIdentifier], sas: list[SensitiveAttribute]) -> pa.Table:
    cols = {f"q{i}": pa.array([], pa.string()) for i in range(len(qis))}
    cols |= {f"s{j}": pa.array([], pa.string()) for j in range(len(sas))}
    return pa.table({**cols, "n": pa.array([], pa.int64())})


class _Lattice:
    """Evaluates nodes on the class table (one GROUP BY each, cached)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, qis: list[QuasiIdentifier], sas: list[int], targets: Targets):
        self.con, self.qis, self.sas, self.t = con, qis, sas, targets
        self.cache: dict[tuple[int, ...], int] = {}

    def grouped(self, node: tuple[int, ...]) -> str:
        """Classes at ``node``: regrouped QI values, size ``n`` and per sensitive attribute its
        number of distinct values ``l<j>`` (NULL counting as one value)."""
        g = [
            f"{level_sql(q.hierarchy, f'q{i}', q.min_level, lv)} AS q{i}"
            for i, (q, lv) in enumerate(zip(self.qis, node))
        ]
        ls = [f"count(DISTINCT s{j}) + max(CASE WHEN s{j} IS NULL THEN 1 ELSE 0 END) AS l{j}" for j in self.sas]
        return f"SELECT {', '.join(g + ['sum(n) AS n'] + ls)} FROM {CLASSES} GROUP BY ALL"

    def bad(self) -> str:
        return " OR ".join([f"n < {int(self.t.k)}"] + [f"l{j} < {int(self.t.l)}" for j in self.sas])

    def suppressed(self, node: tuple[int, ...]) -> int:
        if node not in self.cache:
            row = self.con.execute(
                f"SELECT coalesce(sum(n) FILTER (WHERE {self.bad()}), 0) FROM ({self.grouped(node)})"
            ).fetchone()
            self.cache[node] = int(row[0])  # type: ignore[index]
        return self.cache[node]

    def precision(self, node: tuple[int, ...]) -> float:
        parts = [lv / q.hierarchy.height for q, lv in zip(self.qis, node) if q.hierarchy.height]
        return sum(parts) / len(parts) if parts else 0.0


def _loss(precision: float, suppressed: int, total: int) -> float:
    s = suppressed / total if total else 0.0
    return precision * (1 - s) + s


def _search(lat: _Lattice, total: int, budget: int) -> tuple[int, ...] | None:
    """Least-loss node whose suppression is within ``budget`` (None: no node)."""
    nodes = list(itertools.product(*(q.levels for q in lat.qis)))
    nodes.sort(key=lambda v: (lat.precision(v), sum(v), v))
    best: tuple[float, int, tuple[int, ...]] | None = None
    failed: list[tuple[int, ...]] = []  # maximal failing nodes
    for v in nodes:
        p = lat.precision(v)
        if best is not None and p >= best[0]:
            break
        if any(all(a <= b for a, b in zip(v, f)) for f in failed):
            continue  # below a failing node: fails too
        s = lat.suppressed(v)
        if s <= budget:
            cand = (_loss(p, s, total), s, v)
            if best is None or cand[:2] < best[:2]:
                best = cand
        else:
            failed = [f for f in failed if not all(a <= b for a, b in zip(f, v))] + [v]
    return best[2] if best else None


def _greedy(lat: _Lattice, con: duckdb.DuckDBPyConnection, budget: int) -> tuple[int, ...]:
    node = [q.min_level for q in lat.qis]
    while lat.suppressed(tuple(node)) > budget:
        open_ = [i for i, q in enumerate(lat.qis) if node[i] < q.hierarchy.height]
        if not open_:
            break
        exprs = ", ".join(
            f"count(DISTINCT {level_sql(lat.qis[i].hierarchy, f'q{i}', lat.qis[i].min_level, node[i])})" for i in open_
        )
        distinct = con.execute(f"SELECT {exprs} FROM {CLASSES}").fetchone()
        assert distinct is not None
        node[open_[max(range(len(open_)), key=lambda j: distinct[j])]] += 1
    return tuple(node)


def anonymise(
    con: duckdb.DuckDBPyConnection,
    classes: pa.Table,
    qis: list[QuasiIdentifier],
    sas: list[SensitiveAttribute],
    targets: Targets,
) -> Anonymisation:
    """Choose the generalisation levels and the classes to suppress (see the module docstring)."""
    con.register("__pubdata_counts", classes)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {CLASSES} AS SELECT * FROM __pubdata_counts")
    con.unregister("__pubdata_counts")
    total = int(con.execute(f"SELECT coalesce(sum(n), 0) FROM {CLASSES}").fetchone()[0])  # type: ignore[index]
    budget = int(total * targets.max_suppression)
    # a sensitive attribute with fewer than l values in the whole table is never l-diverse
    overall = (
        con.execute(
            "SELECT "
            + ", ".join(
                f"count(DISTINCT s{j}) + max(CASE WHEN s{j} IS NULL THEN 1 ELSE 0 END)" for j in range(len(sas))
            )
            + f" FROM {CLASSES}"
        ).fetchone()
        if sas and total
        else ()
    )
    kept_sas = [j for j in range(len(sas)) if not total or overall[j] >= targets.l]  # type: ignore[index]
    withheld = [sas[j].name for j in range(len(sas)) if j not in kept_sas]
    lat = _Lattice(con, qis, kept_sas, targets)
    n_nodes = 1
    for q in qis:
        n_nodes *= len(q.levels)
    search = "lattice" if n_nodes <= MAX_NODES else "greedy"
    if search == "lattice":
        node = _search(lat, total, budget)
        met = node is not None
        if node is None:
            node = _search(lat, total, total)
    else:
        node = _greedy(lat, con, budget)
        met = lat.suppressed(node) <= budget
    assert node is not None
    suppressed = lat.suppressed(node)
    keep_table = None
    if suppressed:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {KEEP} AS SELECT * FROM ({lat.grouped(node)}) WHERE NOT ({lat.bad()})"
        )
        keep_table = KEEP
    bottom = tuple(q.min_level for q in qis)
    report = measure(
        con,
        kept_sql=f"SELECT * FROM ({lat.grouped(node)}) WHERE NOT ({lat.bad()})",
        before_sql=lat.grouped(bottom),
        qis=[(q.name, q.hierarchy, lv) for q, lv in zip(qis, node)],
        sas=[(sas[j].name, sas[j].hierarchy, sas[j].level, f"l{i}") for i, j in enumerate(kept_sas)],
        withheld=withheld,
        targets=(targets.k, targets.l, targets.max_suppression),
        rows=total,
        suppressed=suppressed,
        precision=lat.precision(node),
        met=met,
        search={"method": search, "nodes": n_nodes, "evaluated": len(lat.cache)},
    )
    return Anonymisation(
        levels={q.name: lv for q, lv in zip(qis, node)},
        rows=total,
        suppressed_rows=suppressed,
        met=met,
        report=report,
        keep_table=keep_table,
        withheld=withheld,
    )


def keep_join_sql(qis: list[tuple[int, QuasiIdentifier]], alias: str = "t", keep: str = KEEP) -> str:
    """``SEMI JOIN`` clause keeping the rows whose class survived; ``qis``: (position in the
    class table, QI) of the columns the rows still have, already generalised."""
    if not qis:
        return f"SEMI JOIN {keep} AS k ON true"
    cond = " AND ".join(f"{alias}.{quote_ident(q.name)} IS NOT DISTINCT FROM k.q{i}" for i, q in qis)
    return f"SEMI JOIN {keep} AS k ON {cond}"
