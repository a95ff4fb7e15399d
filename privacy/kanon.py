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

from core.sql import quote_ident, scalar
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
#: materialised class tables kept for roll-ups
_TABLES = 12
CLASSES = "__pubdata_classes"
ENCODED = "__pubdata_encoded"
KEEP = "__pubdata_keep"
BEFORE = "__pubdata_before"


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
    """Evaluates nodes on the class table, one ``GROUP BY`` each (cached).

    The class table is dictionary-encoded once: each quasi-identifier's values become small
    integer codes, and per level a lookup list maps a level-0 code to the code of its
    generalisation, so a node's class is ONE integer (mixed radix over the codes) and its
    evaluation an integer ``GROUP BY``. A node whose distinct classes are provably too many
    (more than n/k classes of >= k records plus one class per suppressible record, estimated with
    HyperLogLog and a 10% margin) fails without the ``GROUP BY``."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, qis: list[QuasiIdentifier], sas: list[int], targets: Targets, total: int
    ) -> None:
        self.con, self.qis, self.sas, self.t, self.total = con, qis, sas, targets, total
        self.cache: dict[tuple[int, ...], int] = {}
        self.prechecked = 0
        #: materialised classes of evaluated nodes: node -> (temp table, rows)
        self.tables: dict[tuple[int, ...], tuple[str, int]] = {}
        self.tables_made: list[str] = []
        self.luts: list[dict[int, list[int]]] = []  # per QI: level -> level-0 code -> code at level
        self.cards: list[dict[int, int]] = []  # per QI: level -> number of codes
        joins, codes = [], []
        for i, q in enumerate(qis):
            # the distinct values (small), their code at each level: dense ranks of the level's values
            levels = list(q.levels)
            gen = ", ".join(f"{level_sql(q.hierarchy, 'v', q.min_level, lv)} AS l{lv}" for lv in levels)
            ranks = ", ".join(f"dense_rank() OVER (ORDER BY l{lv} NULLS LAST) - 1 AS c{lv}" for lv in levels)
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE __pubdata_d{i} AS SELECT v, {ranks} FROM "
                f"(SELECT v, {gen} FROM (SELECT DISTINCT q{i} AS v FROM {CLASSES}))"
            )
            rows = con.execute(
                f"SELECT {', '.join(f'c{lv}' for lv in levels)} FROM __pubdata_d{i} ORDER BY c{levels[0]}"
            ).fetchall()
            self.luts.append({lv: [int(r[j]) for r in rows] for j, lv in enumerate(levels)})
            self.cards.append({lv: max(1, len({r[j] for r in rows})) for j, lv in enumerate(levels)})
            joins.append(f"LEFT JOIN __pubdata_d{i} AS d{i} ON c.q{i} IS NOT DISTINCT FROM d{i}.v")
            codes.append(f"d{i}.c{q.min_level}::INTEGER AS k{i}")
        sa_cols = [f"c.s{j}" for j in sas]
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {ENCODED} AS SELECT {', '.join(codes + sa_cols + ['c.n'])} "
            f"FROM {CLASSES} AS c {' '.join(joins)}"
        )
        self.encoded_rows = int(scalar(con, f"SELECT count(*) FROM {ENCODED}"))

    def _radix(self, node: tuple[int, ...]) -> list[int] | None:
        """Place value of each QI's code in the class key at ``node`` (None: beyond 2^62)."""
        out, radix = [], 1
        for i, lv in enumerate(node):
            out.append(radix)
            radix *= self.cards[i][lv]
            if radix > 2**62:
                return None
        return out

    def _code(self, i: int, frm: int, to: int, code: str) -> str:
        """QI ``i``'s code at level ``to`` from ``code`` (at level ``frm``)."""
        if to == frm:
            return code
        base = self.luts[i][frm]
        lut = [0] * self.cards[i][frm]
        for c0, c in enumerate(base):
            lut[c] = self.luts[i][to][c0]
        return f"{_list(lut)}[{code} + 1]"

    def _source(self, node: tuple[int, ...]) -> tuple[str, str]:
        """The smallest table to compute ``node``'s classes from (the encoded class table, or the
        materialised classes of an evaluated node below it: a roll-up) and the class key there."""
        radix = self._radix(node)
        assert radix is not None
        best: tuple[int, tuple[int, ...]] | None = None
        for u, (_, rows) in self.tables.items():
            if _below(u, node) and (best is None or rows < best[0]):
                best = (rows, u)
        terms = []
        if best is None:
            table = ENCODED
            for i, (q, lv) in enumerate(zip(self.qis, node)):
                terms.append(f"{self._code(i, q.min_level, lv, f'k{i}')} * {radix[i]}")
        else:
            u = best[1]
            table = self.tables[u][0]
            ru = self._radix(u)
            assert ru is not None
            for i, lv in enumerate(node):
                code = f"(key // {ru[i]} % {self.cards[i][u[i]]})"
                terms.append(f"{self._code(i, u[i], lv, code)} * {radix[i]}")
        return table, ("(" + " + ".join(terms) + ")::BIGINT" if terms else "0::BIGINT")

    def classes(self, node: tuple[int, ...]) -> int:
        """An upper bound of the number of classes at ``node`` (product of the codes)."""
        out = 1
        for i, lv in enumerate(node):
            out *= self.cards[i][lv]
        return out

    def grouped(self, node: tuple[int, ...]) -> str:
        """Classes at ``node`` with their QI values: ``q<i>`` regrouped, size ``n`` and per
        sensitive attribute its number of distinct values ``l<j>`` (NULL counting as one value)."""
        g = [
            f"{level_sql(q.hierarchy, f'q{i}', q.min_level, lv)} AS q{i}"
            for i, (q, lv) in enumerate(zip(self.qis, node))
        ]
        return f"SELECT {', '.join(g + ['sum(n) AS n'] + self._ls())} FROM {CLASSES} GROUP BY ALL"

    def _ls(self) -> list[str]:
        return [f"count(DISTINCT s{j}) + max(CASE WHEN s{j} IS NULL THEN 1 ELSE 0 END) AS l{j}" for j in self.sas]

    def bad(self) -> str:
        return " OR ".join([f"n < {int(self.t.k)}"] + [f"l{j} < {int(self.t.l)}" for j in self.sas])

    def suppressed(self, node: tuple[int, ...], budget: int | None = None) -> int:
        """Records suppressed at ``node``; with ``budget``, any answer above it may be a bound."""
        if node in self.cache:
            return self.cache[node]
        if self._radix(node) is None:  # too many codes for one integer key: group by the values
            row = self.con.execute(
                f"SELECT coalesce(sum(n) FILTER (WHERE {self.bad()}), 0) FROM ({self.grouped(node)})"
            ).fetchone()
            assert row is not None  # an aggregate returns one row
            self.cache[node] = int(row[0])
            return self.cache[node]
        table, key = self._source(node)
        limit = self.total / self.t.k + (budget or 0)
        if budget is not None and self.classes(node) > 2 * limit and self.total > 100_000:
            approx = scalar(self.con, f"SELECT approx_count_distinct({key}) FROM {table}")
            if approx > 1.1 * limit:
                self.prechecked += 1
                return budget + 1  # too many classes to pass: at least this many records suppressed
        sa = "".join(f", s{j}" for j in self.sas)
        name = f"__pubdata_node{len(self.tables_made)}"
        self.tables_made.append(name)
        self.con.execute(
            f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {key} AS key{sa}, sum(n) AS n FROM {table} GROUP BY ALL"
        )
        if self.sas:
            row = self.con.execute(
                f"SELECT coalesce(sum(n) FILTER (WHERE {self.bad()}), 0), count(*) FROM "
                f"(SELECT {', '.join(['sum(n) AS n'] + self._ls())} FROM {name} GROUP BY key)"
            ).fetchone()
            rows = int(scalar(self.con, f"SELECT count(*) FROM {name}"))
        else:
            row = self.con.execute(
                f"SELECT coalesce(sum(n) FILTER (WHERE {self.bad()}), 0), count(*) FROM {name}"
            ).fetchone()
            assert row is not None
            rows = int(row[1])
        assert row is not None  # an aggregate returns one row
        self.cache[node] = int(row[0])
        # keep the smaller materialised class tables for roll-ups (the largest are dropped first)
        self.tables[node] = (name, rows)
        while len(self.tables) > _TABLES or (self.tables and rows > self.encoded_rows // 2):
            drop = max(self.tables, key=lambda u: self.tables[u][1])
            self.con.execute(f"DROP TABLE IF EXISTS {self.tables.pop(drop)[0]}")
            if drop == node:
                break
        return self.cache[node]

    def precision(self, node: tuple[int, ...]) -> float:
        parts = [lv / q.hierarchy.height for q, lv in zip(self.qis, node) if q.hierarchy.height]
        return sum(parts) / len(parts) if parts else 0.0


def _list(values: list[int]) -> str:
    return "[" + ", ".join(map(str, values)) + "]"


def _loss(precision: float, suppressed: int, total: int) -> float:
    s = suppressed / total if total else 0.0
    return precision * (1 - s) + s


def _below(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(x <= y for x, y in zip(a, b))


def _search(lat: _Lattice, total: int, budget: int) -> tuple[int, ...] | None:
    """Least-loss node whose suppression is within ``budget`` (None: no node).

    Nodes are visited in order of precision (a lower bound of their loss) until it reaches the
    best loss found. A node nothing settles yet is settled by a binary search up a chain of its
    successors (each step raising the quasi-identifier that stays least generalised): the highest failing node
    of the chain fails every node below it at once; passing nodes pass every node above them."""
    nodes = list(itertools.product(*(q.levels for q in lat.qis)))
    nodes.sort(key=lambda v: (lat.precision(v), sum(v), v))
    tops = tuple(q.hierarchy.height for q in lat.qis)
    best: tuple[float, int, tuple[int, ...]] | None = None
    failed: list[tuple[int, ...]] = []  # maximal failing nodes
    passed: list[tuple[int, ...]] = []  # minimal passing nodes

    def fails(v: tuple[int, ...]) -> bool:
        s = lat.suppressed(v, budget)
        if s > budget:
            nonlocal failed
            failed = [f for f in failed if not _below(f, v)] + [v]
            return True
        passed[:] = [p for p in passed if not _below(v, p)] + [v]
        return False

    for v in nodes:
        p = lat.precision(v)
        if best is not None and p >= best[0]:
            break
        if any(_below(v, f) for f in failed):
            continue
        if not any(_below(q, v) for q in passed):
            chain = [v]
            while chain[-1] != tops:
                cur = list(chain[-1])
                i = min((j for j in range(len(cur)) if cur[j] < tops[j]), key=lambda j: ((cur[j] + 1) / tops[j], j))
                cur[i] += 1
                chain.append(tuple(cur))
            lo, hi = 0, len(chain)  # chain[:lo] fail, chain[hi:] pass (statuses are monotone)
            while lo < hi:
                mid = (lo + hi) // 2
                c = chain[mid]
                if any(_below(c, f) for f in failed) or (not any(_below(q, c) for q in passed) and fails(c)):
                    lo = mid + 1
                else:
                    hi = mid
            if lo > 0:
                continue  # v is below a failing node of its chain
        s = lat.suppressed(v)
        if s <= budget:
            cand = (_loss(p, s, total), s, v)
            if best is None or cand[:2] < best[:2]:
                best = cand
    return best[2] if best else None


def _greedy(lat: _Lattice, con: duckdb.DuckDBPyConnection, budget: int) -> tuple[int, ...]:
    node = [q.min_level for q in lat.qis]
    while lat.suppressed(tuple(node)) > budget:
        open_ = [i for i, q in enumerate(lat.qis) if node[i] < q.hierarchy.height]
        if not open_:
            break
        node[open_[max(range(len(open_)), key=lambda j: lat.cards[open_[j]][node[open_[j]]])]] += 1
    return tuple(node)


def anonymise(
    con: duckdb.DuckDBPyConnection,
    classes: pa.Table | str,
    qis: list[QuasiIdentifier],
    sas: list[SensitiveAttribute],
    targets: Targets,
) -> Anonymisation:
    """Choose the generalisation levels and the classes to suppress (see the module docstring).
    ``classes``: the class table (``q0..``, ``s0..``, ``n``), as Arrow or as a SQL query."""
    if isinstance(classes, str):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {CLASSES} AS {classes}")
    else:
        con.register("__pubdata_counts", classes)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {CLASSES} AS SELECT * FROM __pubdata_counts")
        con.unregister("__pubdata_counts")
    total = int(scalar(con, f"SELECT coalesce(sum(n), 0) FROM {CLASSES}"))
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
    assert overall is not None  # an aggregate returns one row
    kept_sas = [j for j in range(len(sas)) if not total or overall[j] >= targets.l]
    withheld = [sas[j].name for j in range(len(sas)) if j not in kept_sas]
    lat = _Lattice(con, qis, kept_sas, targets, total)
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
    con.execute(f"CREATE OR REPLACE TEMP TABLE {KEEP} AS SELECT * FROM ({lat.grouped(node)}) WHERE NOT ({lat.bad()})")
    bottom = tuple(q.min_level for q in qis)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {BEFORE} AS {lat.grouped(bottom)}")
    report = measure(
        con,
        kept_sql=f"SELECT * FROM {KEEP}",
        before_sql=f"SELECT * FROM {BEFORE}",
        qis=[(q.name, q.hierarchy, lv) for q, lv in zip(qis, node)],
        sas=[(sas[j].name, sas[j].hierarchy, sas[j].level, f"l{j}") for j in kept_sas],
        withheld=withheld,
        targets=(targets.k, targets.l, targets.max_suppression),
        rows=total,
        suppressed=suppressed,
        precision=lat.precision(node),
        met=met,
        search={"method": search, "nodes": n_nodes, "evaluated": len(lat.cache), "prechecked": lat.prechecked},
    )
    return Anonymisation(
        levels={q.name: lv for q, lv in zip(qis, node)},
        rows=total,
        suppressed_rows=suppressed,
        met=met,
        report=report,
        keep_table=KEEP if suppressed else None,
        withheld=withheld,
    )


def keep_join_sql(qis: list[tuple[int, QuasiIdentifier]], alias: str = "t", keep: str = KEEP) -> str:
    """``SEMI JOIN`` clause keeping the rows whose class survived; ``qis``: (position in the
    class table, QI) of the columns the rows still have, already generalised."""
    if not qis:
        return f"SEMI JOIN {keep} AS k ON true"
    cond = " AND ".join(f"{alias}.{quote_ident(q.name)} IS NOT DISTINCT FROM k.q{i}" for i, q in qis)
    return f"SEMI JOIN {keep} AS k ON {cond}"
