"""Aggregate queries over data nobody may download (可用不可见): plan, run, protect.

A query is a small JSON structure, never SQL::

    {"dataset": "civil_affairs.subsidy_recipients",
     "filters": {"subsidy_type": "低保", "amount": {"ge": 500, "lt": 2000}, "month": {"in": ["2026-01"]}},
     "group_by": ["division_code"],
     "aggregates": [{"fn": "count"}, {"fn": "sum", "column": "amount", "bounds": [0, 5000]}]}

:func:`plan` checks it against what the grant allows (its columns) and what the policy allows
(no direct identifiers; min/max only on columns at ``min_max_levels``; under noise only the
aggregates of ``noise.functions``, the ones the noise covers: an exact extreme next to noisy
counts is one person's value; noisy sums need bounds, from the query or from the manifest's
``minimum``/``maximum``) and says the privacy loss it will cost. :func:`run` computes it in DuckDB over the server's copy of the rows (nothing of the
client's text is spliced into SQL: names are checked and quoted, values are cast parameters),
then protects the cells: noise first where the policy says so (OpenDP, :mod:`privacy.cells`;
the cell sizes are always among the noisy measurements, so suppression is decided on noisy
counts), then threshold suppression with complementary cells. Rows never leave: only the
protected cells do. Which cells are listed must not tell who matched: grouped by columns with
declared values (the manifest's ``enum``), every declared cell is listed (a suppressed one keeps
its labels and loses every value); a cell whose labels come from the data is listed only when
it is released — under noise, when its noisy size is past what one person could reach but with
the policy's ``delta`` — and a suppressed one is neither listed nor counted. An extreme (min/max,
exact answers only) is given only for a released cell whose extreme at least ``threshold``
persons hold: never one person's value, whichever groups two queries compare. Exact answers do
not bound a person's rows, so persons are counted by the column naming them (the policy's
``noise.person_keys``); in a file about people without such a column the extreme is withheld,
with the reason in the answer's ``withheld`` (rows count as persons only in data not about people).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

from core import PrivacyError
from core.sql import quote_ident
from privacy.cells import add_noise_many, noise_tail, suppress
from privacy.policy.services import AGGREGATE_FUNCTIONS, AggregatePolicy

__all__ = ["ColumnInfo", "QueryError", "QueryPlan", "plan", "run"]

FUNCTIONS = AGGREGATE_FUNCTIONS
OPS = {"eq": "=", "ne": "<>", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
MAX_GROUP_BY = 4
MAX_AGGREGATES = 10
MAX_IN = 100


class QueryError(PrivacyError):
    """The query is malformed or asks what the grant or the policy does not allow (HTTP 400/403)."""

    def __init__(self, message: str, *, status: int = 400, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.status = status


@dataclass(frozen=True)
class ColumnInfo:
    level: str = "none"
    entity: str | None = None
    #: declared bounds (manifest minimum / maximum), for noisy sums
    bounds: tuple[float, float] | None = None
    #: declared values (the manifest's ``enum``): group labels known without looking at the data
    domain: tuple[Any, ...] | None = None


@dataclass
class QueryPlan:
    label: str
    filters: list[tuple[str, str, Any]]
    group_by: list[str]
    aggregates: list[dict[str, Any]]
    noisy: bool
    #: ε this query costs (0 without noise)
    epsilon: float
    policy: AggregatePolicy
    shape: dict[str, Any] = field(default_factory=dict)
    #: per group-by column its declared values (None: its labels come from the data)
    domains: list[tuple[Any, ...] | None] = field(default_factory=list)
    #: the column naming the person a row is about: under noise, each person's rows are bounded
    #: to the policy's ``rows_per_person`` (the sensitivity the noise is calibrated to); in exact
    #: answers, the persons holding an extreme are counted by it
    person_key: str | None = None
    #: whether the rows are about persons (a row then need not be one person)
    about_people: bool = True


def _name(value: Any, allowed: list[str], columns: dict[str, ColumnInfo], policy: AggregatePolicy, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise QueryError(f"{what}: a column name is expected")
    if value not in columns:
        raise QueryError(f"{what}: the dataset has no column {value[:60]!r}")
    if value not in allowed:
        raise QueryError(f"{what}: column {value[:60]!r} is not among the columns your grant allows", status=403)
    if columns[value].entity in policy.direct_identifiers:
        raise QueryError(
            f"{what}: column {value[:60]!r} identifies persons and cannot be used in queries (use verification)",
            status=403,
        )
    return value


def _scalar(v: Any, what: str) -> Any:
    if isinstance(v, bool | int | float | str) and not (isinstance(v, float) and not math.isfinite(v)):
        if isinstance(v, str) and len(v) > 500:
            raise QueryError(f"{what}: values are at most 500 characters")
        return v
    raise QueryError(f"{what}: a value must be a string, number or boolean")


def _filters(
    raw: Any, allowed: list[str], columns: dict[str, ColumnInfo], policy: AggregatePolicy
) -> list[tuple[str, str, Any]]:
    if raw in (None, {}):
        return []
    if not isinstance(raw, dict) or len(raw) > 20:
        raise QueryError("filters must be an object {column: value | {op: value}} (at most 20 columns)")
    out = []
    for col, cond in raw.items():
        name = _name(col, allowed, columns, policy, "filters")
        if isinstance(cond, list):
            cond = {"in": cond}
        elif not isinstance(cond, dict):
            cond = {"eq": cond}
        if not cond:
            raise QueryError(f"filters.{name}: give an operator")
        for op, value in cond.items():
            if op == "in":
                if not isinstance(value, list) or not 1 <= len(value) <= MAX_IN:
                    raise QueryError(f"filters.{name}.in: a list of 1-{MAX_IN} values")
                out.append((name, "in", [_scalar(v, f"filters.{name}") for v in value]))
            elif op in OPS:
                out.append((name, op, _scalar(value, f"filters.{name}")))
            else:
                raise QueryError(f"filters.{name}: unknown operator {str(op)[:20]!r}; use {', '.join([*OPS, 'in'])}")
    return out


def plan(
    spec: dict[str, Any],
    *,
    label: str,
    allowed: list[str],
    columns: dict[str, ColumnInfo],
    about_people: bool,
    policy: AggregatePolicy,
) -> QueryPlan:
    """Check a query against the grant's columns and the policy; say what it costs."""
    if not isinstance(spec, dict):
        raise QueryError("the query is a JSON object")
    unknown = set(spec) - {"dataset", "filters", "group_by", "aggregates", "purpose"}
    if unknown:
        raise QueryError(f"unknown query keys {sorted(unknown)[:5]}")
    group_raw = spec.get("group_by") or []
    if not isinstance(group_raw, list) or len(group_raw) > MAX_GROUP_BY:
        raise QueryError(f"group_by: a list of at most {MAX_GROUP_BY} columns")
    group_by = [_name(c, allowed, columns, policy, "group_by") for c in group_raw]
    if len(set(group_by)) != len(group_by):
        raise QueryError("group_by: a column is named twice")
    aggs_raw = spec.get("aggregates") or [{"fn": "count"}]
    if not isinstance(aggs_raw, list) or not 1 <= len(aggs_raw) <= MAX_AGGREGATES:
        raise QueryError(f"aggregates: a list of 1-{MAX_AGGREGATES} {{fn, column}}")
    noisy = policy.noise.apply == "always" or (policy.noise.apply == "about_people" and about_people)
    aggregates: list[dict[str, Any]] = []
    for i, a in enumerate(aggs_raw):
        where = f"aggregates[{i}]"
        if not isinstance(a, dict) or a.get("fn") not in FUNCTIONS or set(a) - {"fn", "column", "bounds"}:
            raise QueryError(f"{where}: {{fn: {'|'.join(FUNCTIONS)}, column, bounds}}")
        fn = a["fn"]
        col = a.get("column")
        if col is None and fn != "count":
            raise QueryError(f"{where}: {fn} needs a column")
        if col is not None:
            col = _name(col, allowed, columns, policy, where)
        if fn in ("min", "max") and col is not None and columns[col].level not in policy.min_max_levels:
            raise QueryError(
                f"{where}: {fn} of {col!r} would reveal one person's value "
                f"(the policy allows min/max on levels {', '.join(policy.min_max_levels)} only)",
                status=403,
            )
        if noisy and fn not in policy.noise.functions:
            raise QueryError(
                f"{where}: {fn}({col}) is not answered under noise: the noise covers "
                f"{', '.join(policy.noise.functions)} only, and an exact {fn} tells the one person holding "
                "the extreme (two queries whose groups differ by one person tell that person's value); "
                f"ask a noisy {' / '.join(policy.noise.functions)} instead, or count grouped by "
                f"{col!r} (a histogram; of its declared values where the manifest has an enum)",
                status=403,
            )
        bounds = None
        if fn in ("sum", "avg"):
            bounds = _bounds(a.get("bounds"), columns[col].bounds if col else None, where)
            if noisy and bounds is None:
                raise QueryError(
                    f"{where}: a noisy {fn} needs bounds [low, high] (from the query or the manifest's minimum/maximum)"
                )
        aggregates.append({"fn": fn, "column": col, "bounds": bounds, "label": f"{fn}({col})" if col else fn})
    labels = [a["label"] for a in aggregates]
    if len(set(labels)) != len(labels):
        raise QueryError("aggregates: an aggregate is asked twice")
    filters = _filters(spec.get("filters"), allowed, columns, policy)
    # noisy measurements: the cell sizes, each count(column) and sum, and avg's sum and count
    measurements = 1 + sum(
        2 if a["fn"] == "avg" else 1
        for a in aggregates
        if a["fn"] in ("sum", "avg") or (a["fn"] == "count" and a["column"])
    )
    epsilon = policy.noise.epsilon_per_query if noisy else 0.0
    shape = {
        "filters": sorted({c for c, _, _ in filters}),
        "filter_ops": sorted({op for _, op, _ in filters}),
        "group_by": group_by,
        "aggregates": labels,
        "noisy": noisy,
    }
    p = QueryPlan(label, filters, group_by, aggregates, noisy, epsilon, policy, shape)
    p.domains = [columns[g].domain for g in group_by]
    p.person_key = next((c for c, info in columns.items() if info.entity in policy.noise.person_keys), None)
    p.about_people = about_people
    p.shape["measurements"] = measurements
    return p


def _bounds(raw: Any, declared: tuple[float, float] | None, where: str) -> tuple[float, float] | None:
    if raw is None:
        return declared
    ok = (
        isinstance(raw, list)
        and len(raw) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in raw)
        and raw[0] < raw[1]
    )
    if not ok:
        raise QueryError(f"{where}.bounds: [low, high] with low < high")
    return float(raw[0]), float(raw[1])


def _holders(p: QueryPlan) -> str | None:
    """What counts the holders of an extreme: the persons (``DISTINCT`` of the person key), the
    rows (data not about people), or None (about people without a key: the extreme is withheld)."""
    if p.person_key is not None:
        return f"DISTINCT {quote_ident(p.person_key)}"
    return None if p.about_people else "*"


#: the answer's reason for an extreme withheld because nothing says whose rows they are
NO_PERSON_KEY = (
    "withheld: the rows are about people but no column names the person a row is about "
    "(policy aggregates.noise.person_keys), so how many persons hold the extreme is unknown "
    "(one person's several rows could be the only ones holding it)"
)


def _sql(p: QueryPlan, types: dict[str, str], bound: str | None = None) -> tuple[str, list[Any]]:
    """The query's SQL and its parameters after the file's; ``bound``: the column naming the
    person whose rows are bounded to ``rows_per_person`` (None: no person has more)."""
    params: list[Any] = []
    where = []
    for col, op, value in p.filters:
        c, t = quote_ident(col), types[col]
        if op == "in":
            where.append(f"{c} IN ({', '.join(f'CAST(? AS {t})' for _ in value)})")
            params.extend(value)
        else:
            where.append(f"{c} {OPS[op]} CAST(? AS {t})")
            params.append(value)
    select = [f"{quote_ident(g)} AS g{i}" for i, g in enumerate(p.group_by)] + ["count(*) AS n"]
    extremes: list[str] = []
    partition = ("PARTITION BY " + ", ".join(quote_ident(g) for g in p.group_by)) if p.group_by else ""
    for i, a in enumerate(p.aggregates):
        target = quote_ident(a["column"]) if a["column"] else "*"
        if a["fn"] == "count":
            select.append(f"count({target}) AS a{i}")
        elif a["fn"] in ("sum", "avg"):
            x = f"CAST({target} AS DOUBLE)"
            if a["bounds"] is not None:
                x = f"least(greatest({x}, {a['bounds'][0]!r}), {a['bounds'][1]!r})"
            select.append(f"sum({x}) AS a{i}")
            select.append(f"count({target}) AS c{i}")  # avg = sum / count, each noisy where noise applies
        else:  # min/max (exact answers only): the extreme and how many persons hold it, see _value
            holders, top = _holders(p), int(p.policy.threshold)
            select.append(f"{a['fn']}({target}) AS a{i}")
            if holders is None:
                select.append("CAST(NULL AS BIGINT)")
            elif holders == "*":  # rows (not about people): the `threshold` most extreme values, all equal
                select.append(
                    f"CASE WHEN {a['fn']}({target}, {top})[{top}] = {a['fn']}({target}) THEN {top} ELSE 0 END"
                )
            else:  # persons: beside each row its cell's extreme (a window: ~6x the query's time)
                select.append(f"count({holders}) FILTER (WHERE {target} = __extreme{i})")
                extremes.append(f"{a['fn']}({target}) OVER ({partition}) AS __extreme{i}")
    source = "read_parquet(?)" + (" WHERE " + " AND ".join(where) if where else "")
    if extremes:  # each row beside its cell's extreme (the cell's rows are the same after grouping)
        source = f"(SELECT *, {', '.join(extremes)} FROM {source})"
    if bound is not None:
        # contribution bounding: the noise assumes a person adds at most rows_per_person rows; a
        # person's monthly records would otherwise stand out of it (rows without a key: kept)
        k = quote_ident(bound)
        source = (
            f"(SELECT * FROM {source} QUALIFY {k} IS NULL OR "
            f"row_number() OVER (PARTITION BY {k} ORDER BY random()) <= {int(p.policy.noise.rows_per_person)})"
        )
    sql = f"SELECT {', '.join(select)} FROM {source}"
    if p.group_by:
        sql += " GROUP BY ALL ORDER BY " + ", ".join(f"g{i} NULLS LAST" for i in range(len(p.group_by)))
    sql += f" LIMIT {p.policy.max_groups + 1}"
    return sql, params


def run(p: QueryPlan, source: Any) -> dict[str, Any]:
    """Compute the plan over the Parquet file ``source`` and protect the cells."""
    import duckdb

    from warehouse import storage

    con = storage.duckdb_connect()
    try:
        src = storage.uri(storage.key_of(source)) if isinstance(source, storage.LakePath) else str(source)
        types: dict[str, str] = {}
        if p.filters:  # filter values are cast to their column's type
            types = {r[0]: r[1] for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [src]).fetchall()}
            missing = sorted({c for c, _, _ in p.filters} - set(types))
            if missing:
                raise QueryError(f"the current version of {p.label} has no column(s) {missing[:5]}")
        bound = None
        if (
            p.noisy
            and p.person_key is not None
            and _most_rows_per_key(con, source, src, p.person_key) > (p.policy.noise.rows_per_person)
        ):
            bound = p.person_key
        sql, params = _sql(p, types, bound)
        try:
            rows = con.execute(sql, [src, *params]).fetchall()
        except duckdb.BinderException:
            raise QueryError(f"the current version of {p.label} lacks a column the query names") from None
        except (duckdb.ConversionException, duckdb.InvalidInputException):
            raise QueryError("a filter value does not fit its column's type") from None
    finally:
        con.close()
    if len(rows) > p.policy.max_groups:
        raise QueryError(f"the query gives more than {p.policy.max_groups} groups; group by fewer or coarser columns")
    return _protect(p, rows)


def _declared_cells(p: QueryPlan, rows: list[tuple[Any, ...]]) -> tuple[list[tuple[Any, ...]], list[bool]]:
    """The result rows with every cell of the declared labels (zero where no row matched), and
    per row whether its labels are declared. Which cells exist then does not depend on who
    matches the query; the labels of the other cells come from the data (:func:`_protect`)."""
    ng = len(p.group_by)
    if ng == 0:  # one cell, whatever matched
        return rows, [True] * len(rows)
    domains = p.domains
    if len(domains) != ng or any(d is None for d in domains):
        return rows, [False] * len(rows)
    if math.prod(len(d) for d in domains if d is not None) > p.policy.max_groups:
        return rows, [False] * len(rows)

    def norm(key: tuple[Any, ...]) -> tuple[str, ...]:
        return tuple(str(v) for v in key)

    found = {norm(tuple(r[:ng])): r for r in rows}
    # an empty cell: no rows, count(...) 0, sum and avg of nothing NULL with a count of 0, min/max NULL
    empty: list[Any] = [0]
    for a in p.aggregates:
        empty += [0] if a["fn"] == "count" else [None, 0]  # sum/avg: and its count; min/max: and its holders
    out: list[tuple[Any, ...]] = []
    for key in itertools.product(*(d for d in domains if d is not None)):
        row = found.pop(norm(key), None)
        out.append((*key, *empty) if row is None else row)
    declared = [True] * len(out)
    out += list(found.values())  # NULL or undeclared labels: from the data
    return out, declared + [False] * (len(out) - len(declared))


#: (file, its size and time, key column) -> the most rows one key has (a published file never changes)
_ROWS_PER_KEY: dict[tuple[Any, ...], int] = {}


def _most_rows_per_key(con: Any, source: Any, src: str, key: str) -> int:
    """The most rows one value of ``key`` has in the file: bounding each person's rows costs a
    sort of the whole file (~6x the query), so it is done only when someone has more rows than
    the noise assumes. Kept per file while its size and time are unchanged."""
    import duckdb

    try:
        st = source.stat()
        stamp: tuple[Any, ...] | None = (src, key, st.st_size, st.st_mtime)
    except (AttributeError, OSError):
        stamp = None
    if stamp is not None and stamp in _ROWS_PER_KEY:
        return _ROWS_PER_KEY[stamp]
    k = quote_ident(key)
    try:
        row = con.execute(
            f"SELECT max(n) FROM (SELECT count(*) AS n FROM read_parquet(?) WHERE {k} IS NOT NULL GROUP BY {k})", [src]
        ).fetchone()
    except duckdb.Error:  # unreadable: bound anyway (a missing column then fails the query, naming it)
        return 2**62
    most = int(row[0] or 0) if row else 0
    if stamp is not None:
        if len(_ROWS_PER_KEY) > 256:
            _ROWS_PER_KEY.clear()
        _ROWS_PER_KEY[stamp] = most
    return most


def _protect(p: QueryPlan, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    ng = len(p.group_by)
    rows, declared = _declared_cells(p, rows)
    keys = [tuple(r[:ng]) for r in rows]
    n = [float(r[ng]) for r in rows]
    # per aggregate: its column of the result (and avg's count of values, min/max's holders)
    values: list[list[Any]] = []
    counts: list[list[Any] | None] = []
    pos = ng + 1
    for a in p.aggregates:
        values.append([r[pos] for r in rows])
        counts.append([r[pos + 1] for r in rows] if a["fn"] in ("avg", "min", "max") else None)
        pos += 1 if a["fn"] == "count" else 2  # a sum's count of values is a column too (see _sql)
    spent = 0.0
    noise = None
    # a cell whose labels come from the data is listed only when it is released: listed with its
    # labels, a cell of one person told that person's values of the group-by columns. Under noise,
    # released only when its noisy size is past what one person's rows reach but with the policy's
    # delta (DP partition selection); else past the threshold.
    release_min = float(p.policy.threshold)
    if p.noisy and rows:
        nz = p.policy.noise
        person = nz.rows_per_person
        # the cell sizes, each count(column), each sum and avg's count: one release, ε in total
        wanted: list[tuple[list[float], float]] = [(n, person)]
        slots: list[tuple[str, int]] = [("n", -1)]
        for i, a in enumerate(p.aggregates):
            if a["fn"] == "count" and a["column"]:
                wanted.append(([float(v or 0) for v in values[i]], person))
                slots.append(("value", i))
            elif a["fn"] in ("sum", "avg"):
                lo, hi = a["bounds"]
                wanted.append(([float(v or 0) for v in values[i]], person * max(abs(lo), abs(hi))))
                slots.append(("value", i))
                avg_counts = counts[i]
                if avg_counts is not None:
                    wanted.append(([float(v or 0) for v in avg_counts], person))
                    slots.append(("count", i))
        noisy, spent = add_noise_many(wanted, epsilon=p.epsilon, mechanism=nz.mechanism, delta=nz.delta)
        for (kind, i), vals in zip(slots, noisy):
            if kind == "n":
                n = vals
            elif kind == "value":
                values[i] = vals
            else:
                counts[i] = vals
        noise = {"mechanism": nz.mechanism, "epsilon": round(spent, 6)}
        if nz.mechanism == "gaussian":
            noise["delta"] = nz.delta
        if not all(declared):
            tail = noise_tail(len(wanted), epsilon=p.epsilon, mechanism=nz.mechanism, delta=nz.delta, tail=nz.delta)
            release_min = max(release_min, person * (1 + tail))
    sizes = [nj if declared[j] or nj >= release_min else -1.0 for j, nj in enumerate(n)]
    hidden = suppress(list(zip(keys, sizes)), p.policy.threshold, complementary=p.policy.complementary)
    out_rows = []
    for j, key in enumerate(keys):
        if j in hidden and not declared[j]:
            continue  # neither its labels nor that it exists
        row: dict[str, Any] = {g: _plain(key[i]) for i, g in enumerate(p.group_by)}
        row["suppressed"] = j in hidden
        for i, a in enumerate(p.aggregates):
            c = counts[i]
            row[a["label"]] = (
                None if j in hidden else _value(a, values[i][j], n[j], c[j] if c else None, p.noisy, p.policy.threshold)
            )
        out_rows.append(row)
    return {
        "dataset": p.label,
        "group_by": p.group_by,
        "aggregates": [a["label"] for a in p.aggregates],
        "rows": out_rows,
        "suppressed_cells": sum(1 for r in out_rows if r["suppressed"]),
        "threshold": p.policy.threshold,
        "withheld": {
            a["label"]: NO_PERSON_KEY for a in p.aggregates if a["fn"] in ("min", "max") and _holders(p) is None
        },
        "noise": noise,
        "epsilon_spent": round(spent, 6),
    }


def _value(a: dict[str, Any], v: Any, n: float, count: Any, noisy: bool, threshold: int) -> Any:
    fn = a["fn"]
    if fn == "count" and not a["column"]:
        return max(0, round(n))
    if fn == "count":
        return max(0, round(float(v or 0)))
    if fn == "avg":
        if not count or float(count) < 1:
            return None
        mean = float(v or 0) / float(count)
        if noisy:  # post-processing (free): a mean lies within the bounds
            mean = min(max(mean, a["bounds"][0]), a["bounds"][1])
        return round(mean, 6)
    if fn == "sum":
        if not noisy:
            return None if v is None else round(float(v), 6)
        lo, hi = a["bounds"]  # post-processing (free): a noisy sum within what n rows could add up to
        return round(min(max(float(v or 0), min(0.0, n * lo)), max(0.0, n * hi)), 6)
    # min/max: ``v`` is the cell's extreme and ``count`` how many persons hold it (None: unknown);
    # given only when at least ``threshold`` do, else it is one person's (or a few persons') value
    if v is None or count is None or int(count) < threshold:
        return None
    return _plain(v)


def _plain(v: Any) -> Any:
    if v is None or isinstance(v, bool | int | float | str):
        return v
    return str(v)
