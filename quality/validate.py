"""Validate one dataset run: conform, check (DuckDB, vectorised), decide (Great Expectations), route.

Steps of :func:`validate_dataset`:

1. Read ``raw_path`` (Parquet) in DuckDB. ``""`` is null. Every declared column gets a text form
   ``s_i`` and a typed form ``v_i`` (strict casts: ``"1.5"`` is not an integer); a column the
   source lacks is all-null and reported as schema drift.
2. The raw file is read once without a duplicate rule, three times with one, streamed: (a) the
   key columns, twice: the keys that repeat with their first row (grouping sets), then the rows
   that repeat an earlier key as one bit per source row; (b) one pass computing every row rule of
   :func:`quality.suite.compile_rules` (standards with checksum arithmetic and a bit test against
   the GB/T 2260 list, enums, lengths, bounds, patterns, duplicates by (a)'s bits), read by
   Python as Arrow batches in source order: the table's counts are added up, the failing rows
   kept (``_bad``), and (no custom expectation) the other rows written as the valid file, kept
   or dropped in step 4. No join in (b): a join does not keep DuckDB's rows in source order.
3. GX is the engine of record: its public API (a ValidationDefinition of the dataset's suite, run
   on a pandas frame of *evidence columns*: one per row rule, null = pass, masked/raw offending
   value = fail) validates the generated suite, plus native expectations (row count, custom ones
   on the typed columns). The evidence of personal columns is redacted in the result before it
   is stored or rendered; then the Data Docs pages into ``paths.data_docs`` (at once, or for a
   whole batch when :func:`docs_batch` ends); the site is then made offline
   (:mod:`quality.docs`). GX's unexpected counts are cross-checked against the SQL counts.
4. Route: rows with no failed rule -> ``paths.valid`` (the file of step 2, moved into place; with
   custom expectations one more streamed pass writes it) (declared columns typed as declared, then
   every source column the manifest does not declare, as text: sharing is the rule, so an
   undeclared column is classified by content like any other) unless a
   critical rule failed (then nothing is written there and any stale file is removed); rows
   with failures -> ``paths.quarantine`` (all source columns as strings + ``_rejected_rules``
   (list of rule ids) + ``_source_row``). ``valid_rows + quarantined_rows == input_rows`` always.
5. The redacted validation result is stored as JSON under ``reports/validations/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from core.clock import utcnow
from core.locks import file_lock
from core.sql import quote_ident, quote_literal
from quality import _gx
from quality import standards as _std
from quality.docs import make_offline
from quality.report import ValidationReport
from quality.score import quality_score
from quality.standards import register_code_tables
from quality.suite import (
    SQL_TYPES,
    build_suite,
    compile_rules,
    custom_columns,
    default_redactions,
    dup_bits_variable,
)
from warehouse.storage import LakePath, configure_duckdb, copy_file

__all__ = ["validate_dataset", "docs_batch", "FRESHNESS_HOURS"]

log = logging.getLogger(__name__)

#: Allowed age (hours) of the newest data / last publish per update frequency (with grace).
FRESHNESS_HOURS = {
    "realtime": 2,
    "daily": 36,
    "weekly": 8 * 24,
    "monthly": 32 * 24,
    "quarterly": 93 * 24,
    "yearly": 370 * 24,
}

_STRING_TYPES = ("VARCHAR",)


def _family(duck_type: str) -> str:
    t = duck_type.upper()
    if t.startswith(("VARCHAR", "CHAR", "TEXT", "STRING")):
        return "string"
    if t in (
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
        "UBIGINT",
        "UHUGEINT",
    ):
        return "integer"
    if t in ("FLOAT", "DOUBLE", "REAL") or t.startswith("DECIMAL"):
        return "number"
    if t == "BOOLEAN":
        return "boolean"
    if t == "DATE":
        return "date"
    if t.startswith("TIMESTAMP"):
        return "datetime"
    return "other"


def _from_text(s: str, typ: str) -> str:
    if typ == "string":
        return s
    if typ == "integer":
        return f"CASE WHEN regexp_full_match(trim({s}), '[+-]?[0-9]{{1,19}}') THEN TRY_CAST(trim({s}) AS BIGINT) END"
    if typ == "number":
        return f"CASE WHEN isfinite(TRY_CAST(trim({s}) AS DOUBLE)) THEN TRY_CAST(trim({s}) AS DOUBLE) END"
    if typ == "boolean":
        return f"TRY_CAST(trim({s}) AS BOOLEAN)"
    if typ == "date":
        return f"CASE WHEN regexp_full_match(trim({s}), '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') THEN TRY_CAST(trim({s}) AS DATE) END"
    if typ == "datetime":
        return (
            f"CASE WHEN regexp_matches(trim({s}), '(Z|[+-][0-9]{{2}}:?[0-9]{{2}})$') "
            f"THEN timezone('UTC', TRY_CAST(trim({s}) AS TIMESTAMPTZ)) "
            f"ELSE TRY_CAST(trim({s}) AS TIMESTAMP) END"
        )
    raise ValueError(typ)


def _conform(raw: str, fam: str, typ: str) -> tuple[str, str]:
    """(text form, typed form) SQL of a declared column from a raw column of family ``fam``."""
    if fam == "string":
        s = f"NULLIF({raw}, '')"
        return s, _from_text(s, typ)
    s = f"CAST({raw} AS VARCHAR)"
    if fam == typ or (typ == "number" and fam == "integer") or (typ == "datetime" and fam == "date"):
        return s, f"CAST({raw} AS {SQL_TYPES[typ]})"
    if typ == "string":
        return s, s
    return s, _from_text(s, typ)


def _now() -> dt.datetime:
    return utcnow().replace(tzinfo=dt.UTC)


def _freshness(dataset, newest: dict[str, Any], last_published_at: dt.datetime | None) -> dict[str, Any]:
    allowed = FRESHNESS_HOURS.get(dataset.update_frequency)
    out: dict[str, Any] = {"update_frequency": dataset.update_frequency, "allowed_hours": allowed}
    if allowed is None:
        out.update(checked=False, ok=True, reason="irregular update frequency: not checked")
        return out
    now = _now()
    ages: dict[str, float] = {}
    for col, value in newest.items():
        if value is None:
            continue
        ts = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        if ts.tzinfo is None:
            ts = ts.replace(tzinfo=dt.UTC)
        ages[f"column:{col}"] = (now - ts).total_seconds() / 3600
    if last_published_at is not None:
        lp = last_published_at if last_published_at.tzinfo else last_published_at.replace(tzinfo=dt.UTC)
        ages["last_published_at"] = (now - lp).total_seconds() / 3600
    if not ages:
        out.update(checked=False, ok=True, reason="no datetime column and no last publish time")
        return out
    basis, age = min(ages.items(), key=lambda kv: kv[1])
    out.update(checked=True, basis=basis, age_hours=round(age, 2), ok=age <= allowed)
    return out


def _drift(
    dataset, raw_types: dict[str, str], all_bad_cast: set[str], previous_columns: dict[str, str] | None
) -> dict[str, Any]:
    declared = {c.name: c.type for c in dataset.columns}
    src_added = [n for n in raw_types if n not in declared]
    src_missing = [n for n in declared if n not in raw_types]
    src_retyped = []
    for name, typ in declared.items():
        if name not in raw_types:
            continue
        fam = _family(raw_types[name])
        if (
            fam not in ("string", typ)
            and not (typ == "number" and fam == "integer")
            and not (typ == "datetime" and fam == "date")
            and typ != "string"
        ):
            src_retyped.append({"column": name, "declared": typ, "source": raw_types[name].lower()})
        elif name in all_bad_cast:
            src_retyped.append({"column": name, "declared": typ, "source": "text that never parses as " + typ})
    out: dict[str, Any] = {"against_manifest": {"added": src_added, "removed": src_missing, "retyped": src_retyped}}
    lines = [f"source vs manifest of {dataset.id}:"]
    lines += [f"  + {n} (in the source, not declared: kept as text, classified by content)" for n in src_added]
    lines += [f"  - {n} (declared, missing from the source)" for n in src_missing]
    lines += [f"  ~ {r['column']}: declared {r['declared']}, source {r['source']}" for r in src_retyped]
    if len(lines) == 1:
        lines.append("  (no differences)")
    if previous_columns is None:
        out.update(added=[], removed=[], retyped=[], baseline=None)
    else:
        added = [n for n in declared if n not in previous_columns]
        removed = [n for n in previous_columns if n not in declared]
        retyped = [
            {"column": n, "from": previous_columns[n], "to": declared[n]}
            for n in declared
            if n in previous_columns and previous_columns[n] != declared[n]
        ]
        out.update(added=added, removed=removed, retyped=retyped, baseline="last published version")
        lines.append("published schema vs last published version:")
        lines += [f"  + {n} ({declared[n]})" for n in added]
        lines += [f"  - {n} ({previous_columns[n]})" for n in removed]
        lines += [f"  ~ {r['column']}: {r['from']} -> {r['to']}" for r in retyped]
        if not (added or removed or retyped):
            lines.append("  (no differences)")
    out["changed"] = bool(src_added or src_missing or src_retyped or out["added"] or out["removed"] or out["retyped"])
    out["diff"] = "\n".join(lines)
    return out


def _write_parquet(con, sql: str, path) -> None:
    """COPY a query to Parquet atomically: local tmp + rename; an object store gets one whole PUT."""
    if isinstance(path, LakePath):
        con.execute(f"COPY ({sql}) TO {quote_literal(path)} (FORMAT parquet, COMPRESSION zstd)")
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    con.execute(f"COPY ({sql}) TO {quote_literal(tmp)} (FORMAT parquet, COMPRESSION zstd)")
    tmp.replace(path)


def _docs_lock(docs_dir: Path):
    return file_lock(docs_dir / ".build.lock")


#: the open :func:`docs_batch`'s pages still to build: docs folder -> (site name, the identifiers
#: of its validation results and suites)
_PENDING_DOCS: dict[Path, tuple[str, list[Any]]] | None = None


@contextlib.contextmanager
def docs_batch():
    """Validations inside this block (one process, e.g. a batch of small datasets) store their
    results at once, but their Data Docs pages (validation result and suite) and the site's index,
    which GX rebuilds from every stored result at each update, are built in one go when the block
    ends, then the site is made offline once. Each report's ``docs_path`` names its page already.
    Alone, a validation builds its pages and the index itself."""
    global _PENDING_DOCS
    if _PENDING_DOCS is not None:  # nested: the outer block builds the pages
        yield
        return
    _PENDING_DOCS = {}
    try:
        yield
    finally:
        pending, _PENDING_DOCS = _PENDING_DOCS, None
        for docs_dir, (site, identifiers) in pending.items():
            try:
                _build_docs(docs_dir, site, identifiers)
            except Exception:  # one page GX cannot render must not cost the batch's other pages
                log.exception("Data Docs of a batch could not be built in one go; building them per dataset")
                for i in range(0, len(identifiers), 2):  # (validation result, suite) of each dataset
                    try:
                        _build_docs(docs_dir, site, identifiers[i : i + 2])
                    except Exception:
                        log.exception("Data Docs page of %s could not be built", identifiers[i])


def _build_docs(docs_dir: Path, site: str, identifiers: list[Any]) -> None:
    """Render the pages of ``identifiers`` (validation results, suites) and the index of the site in
    ``docs_dir``, then make the site offline. Several worker processes (Celery, distributed
    profile) share one Data Docs folder: a file lock keeps one process's build from racing
    another's offline rewrite."""
    with _gx._LOCK, _docs_lock(docs_dir):
        _gx.context().build_data_docs(site_names=[site], resource_identifiers=identifiers, build_index=True)
        make_offline(docs_dir)


def _pending(valid, spill: str) -> Path:
    """Where the checks' pass writes the valid rows before the decision: next to a local valid
    file (moved into place by a rename), or in the spill folder for an object store."""
    if isinstance(valid, LakePath):
        return Path(spill) / "valid.parquet"
    valid.parent.mkdir(parents=True, exist_ok=True)
    return valid.with_name(f".{valid.name}.{uuid.uuid4().hex[:8]}.tmp")


def _place(pending: Path, valid) -> None:
    """The pending valid file becomes ``valid``: a rename (local) or one upload (object store)."""
    if isinstance(valid, LakePath):
        copy_file(pending, valid)
        pending.unlink()
    else:
        pending.replace(valid)


def _lake(path):
    """A lake handle stays as it is (object store); anything else is a local path."""
    return path if isinstance(path, LakePath) else Path(path)


def validate_dataset(
    raw_path: Path | LakePath,
    dataset,
    paths,
    *,
    redact_columns: set[str] | frozenset[str] = frozenset(),
    previous_columns: dict[str, str] | None = None,
    last_published_at: dt.datetime | None = None,
    build_docs: bool = True,
) -> ValidationReport:
    """Validate one extracted run of ``dataset`` and route its rows; see the module docstring.

    Critical failures do not raise: check ``report.success`` or call ``report.raise_for_gate()``.
    """
    t0 = time.perf_counter()
    redact = set(redact_columns) | default_redactions(dataset)
    rules = compile_rules(dataset, redact)
    spill = tempfile.mkdtemp(prefix="pubdata-validate-")  # 0700: DuckDB may spill rows here
    run = _Checks(dataset, [r for r in rules if r.level == "row"], _open(raw_path, spill), spill)
    has_custom = any(r.level == "custom" for r in rules)
    # without custom expectations, the rows the row rules pass are the valid rows: written in the
    # checks' pass, kept or dropped by route (with them, GX decides more failing rows: route writes)
    pending = None if has_custom else _pending(_lake(paths.valid), spill)
    try:
        run.conform_and_flag(pending)  # 1+2: conform and check in one streamed pass
        t1 = time.perf_counter()
        frame = run.evidence_frame(custom_columns(dataset))  # 3: GX checkpoint over evidence columns
        run.timings["frame"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        gx_out = _run_gx(
            dataset,
            paths,
            frame,
            redact | {r.id for r in run.row_rules if r.column in redact},
            has_custom,
            build_docs,
        )
        del frame
        run.timings["gx"] = time.perf_counter() - t2
        rule_results = run.rule_results(rules, gx_out["results"])
        fresh = _freshness(dataset, run.newest, last_published_at)
        drift = _drift(dataset, run.raw_types, run.all_bad_cast, previous_columns)
        rule_results += _dataset_rules(dataset, fresh, drift)
        critical, warnings = _messages(dataset, rule_results, run.n_rows, fresh, drift)
        success = not critical
        t3 = time.perf_counter()
        quarantined = run.route(paths, gx_out["captured"], write_valid=success, pending=pending)  # 4: route rows
        run.timings["route"] = time.perf_counter() - t3
    finally:
        run.con.close()
        if pending is not None:
            pending.unlink(missing_ok=True)
        shutil.rmtree(spill, ignore_errors=True)
    report = ValidationReport(
        department=paths.department,
        dataset=paths.dataset,
        run=paths.run,
        input_rows=run.n_rows,
        valid_rows=run.n_rows - quarantined,
        quarantined_rows=quarantined,
        score=quality_score(rule_results),
        success=success,
        critical_failures=critical,
        warnings=warnings,
        rule_results=rule_results,
        drift=drift,
        freshness=fresh,
        docs_path=gx_out["docs_path"],
        results_path=gx_out["results_path"],
        valid_path=str(paths.valid) if success else None,
        quarantine_path=str(paths.quarantine),
        seconds=time.perf_counter() - t0,
        timings={k: round(v, 3) for k, v in run.timings.items()},
    )
    assert report.valid_rows + report.quarantined_rows == report.input_rows
    return report


#: DuckDB's memory for one validation: beyond it, the duplicate checks' hash tables and the
#: ordered write of the valid rows spill to a private temporary folder (memory flat in rows)
MEMORY_LIMIT = "256MB"

#: rows of one record batch of the checks' pass (DuckDB's row group): what Python holds at a time
_BATCH_ROWS = 122_880


def _open(raw_path: Path | LakePath, spill: str):  # -> duckdb.DuckDBPyConnection with view _raw
    """A DuckDB connection with the raw run as view ``_raw`` (plus its source row number) and
    the code tables of the data standards; it holds at most :data:`MEMORY_LIMIT`, spilling to
    ``spill``."""
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": spill})
    try:
        con.execute("SET TimeZone = 'UTC'")
    except duckdb.Error:  # pragma: no cover - ICU missing
        pass
    con.execute("SET preserve_insertion_order = true")
    configure_duckdb(con)  # the lake may be an object store (distributed profile)
    register_code_tables(con)
    con.execute(
        f"CREATE TEMP VIEW _raw AS SELECT * FROM read_parquet({quote_literal(_lake(raw_path))}, file_row_number = true)"
    )
    return con


class _Checks:
    """The SQL side of one validation: conformed values, one flag per row rule, routing."""

    def __init__(self, dataset, row_rules: list, con, spill: str) -> None:
        self.dataset = dataset
        self.row_rules = row_rules
        self.con = con
        self.spill = spill
        self.t0 = time.perf_counter()
        self.timings: dict[str, float] = {}
        desc = con.execute("DESCRIBE _raw").fetchall()
        self.raw_types = {r[0]: r[1] for r in desc if r[0] != "file_row_number"}
        #: source columns the manifest does not declare (kept as text in the quarantine)
        self.extras = [n for n in self.raw_types if dataset.column(n) is None]
        self.any_bad = " OR ".join(f"f_{k}" for k in range(len(row_rules))) or "false"
        self.n_rows = 0
        self.sql_counts: dict[str, int] = {}
        self.all_bad_cast: set[str] = set()
        self.newest: dict[str, Any] = {}

    def conform_and_flag(self, valid_to: Path | None = None) -> None:
        """Views over the raw file: ``_conf`` (conformed columns), ``_chk`` (+ one flag per row
        rule); then two streamed passes: the repeating keys of the duplicate rules
        (:meth:`_table_pass`, key columns only), and one pass over every row (:meth:`_stream`) that
        counts the table, keeps the failing rows with their flags, evidence and quarantine columns
        as ``_bad`` and, when ``valid_to`` is given, writes the other rows there (typed, in source
        order) for :meth:`route` to keep or drop. Memory grows with failing rows, not with rows."""
        ds, con = self.dataset, self.con
        sel = ["file_row_number AS _source_row"]
        for i, col in enumerate(ds.columns):
            if col.name in self.raw_types:
                s, v = _conform(quote_ident(col.name), _family(self.raw_types[col.name]), col.type)
            else:
                s, v = "NULL::VARCHAR", f"NULL::{SQL_TYPES[col.type]}"
            sel.append(f"{s} AS s_{i}")
            if col.type != "string":
                sel.append(f"{v} AS v_{i}")
        # the standard's normalised text (computed once per row, used by its predicate)
        inner = ", ".join(
            ["*"]
            + [
                f"{prepare(f's_{i}')} AS n_{i}"
                for i, c in enumerate(ds.columns)
                if c.standard and (prepare := _std.get(c.standard).prepare)
            ]
        )
        sel += [f"NULLIF(CAST({quote_ident(n)} AS VARCHAR), '') AS x_{j}" for j, n in enumerate(self.extras)]
        con.execute(f"CREATE TEMP VIEW _conf AS SELECT {inner} FROM (SELECT {', '.join(sel)} FROM _raw)")
        self._table_pass()
        self.timings["conform"] = time.perf_counter() - self.t0
        # the checked rows: a duplicate is flagged in the same streamed pass as every other rule
        # (its rule tests the small table of repeating keys, see quality.suite._later_duplicate)
        flags = [f"coalesce({r.fail_sql}, false) AS f_{k}" for k, r in enumerate(self.row_rules)]
        # (no derived "_bad" column here: DuckDB would inline and evaluate every predicate twice)
        con.execute(f"CREATE TEMP VIEW _chk AS SELECT {', '.join(['*'] + flags)} FROM _conf")
        self.timings["flags"] = time.perf_counter() - self.t0 - self.timings["conform"]
        self._stream(valid_to)
        counts = [f"count(*) FILTER (WHERE f_{k})" for k in range(len(self.row_rules))]
        row = con.execute(f"SELECT {', '.join(['count(*)'] + counts)} FROM _bad").fetchone()
        assert row is not None
        self.sql_counts = {r.id: int(row[1 + k]) for k, r in enumerate(self.row_rules)}
        self.timings["sql_checks"] = time.perf_counter() - self.t0

    def _stream(self, valid_to: Path | None) -> None:
        """The checks' pass: one streamed query over every row (Arrow record batches, in source
        order: no join in ``_chk``), split in Python: the failing rows go to a Parquet file in the
        spill folder, from which the temp table ``_bad`` gets their evidence; the other rows'
        valid columns to ``valid_to``; the table's counts (rows, columns whose text never casts,
        newest datetimes) are added up batch by batch. Memory: a batch, not the table."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        ds, con = self.dataset, self.con
        typed = [i for i, c in enumerate(ds.columns) if c.type != "string"]
        cols = ["_source_row"] + [f"f_{k}" for k in range(len(self.row_rules))]
        cols += [f"s_{i}" for i in range(len(ds.columns))] + [f"v_{i}" for i in typed]
        cols += [f"x_{j}" for j in range(len(self.extras))]
        # (each flag is selected once: the evidence of the failing rows is computed from _bad's file)
        # One DuckDB thread: the batches are consumed by this thread (filter, Parquet writes); two
        # DuckDB threads spent ~30 % more CPU on this shared machine (1e6 rows: 11.6-13.6 against
        # 8.6-9.4 CPU s for the table pass and this pass) and buffer batches ahead.
        con.execute("SET threads = 1")
        reader = con.execute(f"SELECT {', '.join(cols)} FROM _chk").to_arrow_reader(_BATCH_ROWS)
        at = {name: k for k, name in enumerate(reader.schema.names)}
        # the valid columns: declared columns typed as declared (a missing one all-null), then
        # the undeclared source columns as text
        valid_at = [at[f"{'s' if c.type == 'string' else 'v'}_{i}"] for i, c in enumerate(ds.columns)]
        valid_at += [at[f"x_{j}"] for j in range(len(self.extras))]
        valid_schema = pa.schema(
            [
                pa.field(name, reader.schema.field(k).type)
                for name, k in zip([c.name for c in ds.columns] + self.extras, valid_at)
            ]
        )
        counted = [i for i in typed if ds.columns[i].name in self.raw_types]
        nonnull = {f"{p}_{i}": 0 for i in counted for p in "sv"}
        newest_at = {ds.columns[i].name: at[f"v_{i}"] for i in typed if ds.columns[i].type == "datetime"}
        newest: dict[str, Any] = dict.fromkeys(newest_at)
        n = 0
        bad_path = Path(self.spill) / "bad.parquet"
        with contextlib.ExitStack() as stack:
            bad_w = stack.enter_context(pq.ParquetWriter(bad_path, reader.schema, compression="zstd"))
            valid_w = None
            if valid_to is not None:
                valid_w = stack.enter_context(pq.ParquetWriter(valid_to, valid_schema, compression="zstd"))
            for batch in reader:
                n += batch.num_rows
                for name in nonnull:
                    nonnull[name] += batch.num_rows - batch.column(at[name]).null_count
                for name, k in newest_at.items():
                    m = pc.max(batch.column(k)).as_py()
                    if m is not None and (newest[name] is None or m > newest[name]):
                        newest[name] = m
                bad = None
                if self.row_rules:
                    bad = batch.column(at["f_0"])
                    for k in range(1, len(self.row_rules)):
                        bad = pc.or_(bad, batch.column(at[f"f_{k}"]))
                    if pc.any(bad).as_py():
                        bad_w.write_batch(batch.filter(bad))
                    else:
                        bad = None
                if valid_w is not None:
                    part = pa.record_batch([batch.column(k) for k in valid_at], schema=valid_schema)
                    valid_w.write_batch(part.filter(pc.invert(bad)) if bad is not None else part)
        con.execute(
            f"CREATE TEMP TABLE _bad AS SELECT {', '.join(self._bad_columns())} FROM read_parquet({quote_literal(bad_path)})"
        )
        bad_path.unlink()
        self.n_rows = n
        self.all_bad_cast = {ds.columns[i].name for i in counted if nonnull[f"s_{i}"] and not nonnull[f"v_{i}"]}
        self.newest = newest

    def _table_pass(self) -> None:
        """Two streamed passes over the key columns of the duplicate rules (none without one):
        each key that repeats with its first source row (one grouping set per rule's key, into
        small tables ``_dup_*``: memory grows with the distinct keys, spilled beyond
        :data:`MEMORY_LIMIT`), then the rows that repeat an earlier key, one bit per source row
        per rule (:func:`quality.suite.dup_bits_variable`), which the checks test."""
        con = self.con
        dups = dict.fromkeys(r.dup_table for r in self.row_rules if r.dup_table)
        key_cols = list(dict.fromkeys(k for _, keys in dups for k in keys))
        if not key_cols:
            return
        gid = f"grouping_id({', '.join(key_cols)})"
        total_gid = (1 << len(key_cols)) - 1
        sets, having, g_of = ["()"], [f"{gid} = {total_gid}"], {}
        for table, keys in dups:
            # grouping_id: a bit set for each key column *not* in the set (leftmost = highest)
            g_of[table] = total_gid & ~sum(1 << (len(key_cols) - 1 - key_cols.index(k)) for k in keys)
            sets.append(f"({', '.join(keys)})")
            having.append(
                f"({gid} = {g_of[table]} AND count(*) > 1 AND {' AND '.join(f'{k} IS NOT NULL' for k in keys)})"
            )
        con.execute(
            f"CREATE TEMP TABLE _groups AS SELECT {gid} AS _g, {', '.join(key_cols)}, min(_source_row) AS _first, "
            f"count(*) AS _n FROM _conf GROUP BY GROUPING SETS ({', '.join(dict.fromkeys(sets))}) "
            f"HAVING {' OR '.join(having)}"
        )
        row = con.execute(f"SELECT _n FROM _groups WHERE _g = {total_gid}").fetchone()
        last = (int(row[0]) if row else 0) - 1
        joins, bits = "", []
        for table, keys in dups:
            con.execute(
                f"CREATE TEMP TABLE {table} AS SELECT {', '.join(keys)}, _first FROM _groups WHERE _g = {g_of[table]}"
            )
            joins += f" LEFT JOIN {table} ON {' AND '.join(f'c.{k} = {table}.{k}' for k in keys)}"
            bits.append(
                f"bitstring_agg(c._source_row, 0, {last}) FILTER (WHERE c._source_row <> {table}._first) AS {table}"
            )
        if last < 0:
            return  # no rows: no duplicates
        con.execute(f"CREATE TEMP TABLE _dup_bits AS SELECT {', '.join(bits)} FROM _conf c{joins}")
        for table, _ in dups:
            con.execute(f"SET VARIABLE {dup_bits_variable(table)} = (SELECT {table} FROM _dup_bits)")

    def _bad_columns(self) -> list[str]:
        """What ``_bad`` keeps of a failing row: its number, flags, evidence (``e_k``) and the
        columns the quarantine shows."""
        cols = ["_source_row"] + [f"f_{k}" for k in range(len(self.row_rules))]
        cols += [f"{r.evidence_sql.replace(r.fail_sql, f'f_{k}', 1)} AS e_{k}" for k, r in enumerate(self.row_rules)]
        cols += [f"s_{i}" for i, c in enumerate(self.dataset.columns) if c.name in self.raw_types]
        cols += [f"x_{j}" for j in range(len(self.extras))]
        return cols

    def evidence_frame(self, cust_cols: list[str]):  # -> pandas.DataFrame
        """One evidence column per row rule (redacted failing values) plus the typed columns that
        custom expectations read, in source order: what the GX checkpoint validates. Row ``i`` of
        the frame is source row ``i``; an evidence column is categorical (null where the row
        passes), built from ``_bad``: a byte or so per row, not the row's text."""
        import numpy as np
        import pandas as pd

        n = self.n_rows
        frame: dict[str, Any] = {}
        if self.row_rules:
            ev = [f"e_{k}" for k in range(len(self.row_rules))]
            bad = self.con.execute(
                f"SELECT _source_row, {', '.join(ev)} FROM _bad ORDER BY _source_row"
            ).to_arrow_table()
            at = bad.column("_source_row").to_numpy()
            for k, r in enumerate(self.row_rules):
                col = bad.column(1 + k)
                hit = col.is_valid().to_numpy(zero_copy_only=False)
                codes, values = pd.factorize(np.asarray(col.filter(col.is_valid()).to_pylist(), dtype=object))
                full = np.full(n, -1, dtype=np.int8 if len(values) < 127 else np.int32)
                full[at[hit]] = codes
                frame[r.id] = pd.Categorical.from_codes(full, categories=pd.Index(values, dtype=object))
        if cust_cols:
            idx = [next(i for i, c in enumerate(self.dataset.columns) if c.name == name) for name in cust_cols]
            # every column in one pass; source order: insertion order of the scan (no sort of the table)
            typed = self.con.execute(
                f"SELECT {', '.join(f'{_typed(self.dataset, i)} AS c_{j}' for j, i in enumerate(idx))} FROM _conf"
            ).to_arrow_table()
            for j, name in enumerate(cust_cols):
                frame[name] = typed.column(j).to_pandas()
            del typed
        if not frame:
            frame["_none"] = pd.Series([None] * n, dtype=object)
        return pd.DataFrame(frame, index=pd.RangeIndex(n))

    def rule_results(self, rules: list, by_rule: dict[str, Any]) -> list[dict[str, Any]]:
        """Per rule: GX's result (GX is the engine of record; SQL counts must agree)."""
        out: list[dict[str, Any]] = []
        for r in rules:
            res = by_rule.get(r.id)
            if res is None:
                raise RuntimeError(f"GX returned no result for rule {r.id}")
            item = {
                "rule": r.id,
                "column": r.column,
                "severity": r.severity,
                "level": r.level,
                "engine": "gx",
                "success": bool(res["success"]),
                "evaluated": self.n_rows if r.level == "row" else None,
                "unexpected_count": res.get("unexpected_count"),
                "unexpected_percent": res.get("unexpected_percent"),
            }
            if r.level == "row" and res.get("unexpected_count") != self.sql_counts[r.id]:
                raise RuntimeError(
                    f"rule {r.id}: GX counted {res.get('unexpected_count')} failures, SQL {self.sql_counts[r.id]}"
                )
            if r.level == "custom" and res.get("exception"):
                item["error"] = "expectation raised an exception"
            out.append(item)
        return out

    def route(self, paths, custom_fail: dict[str, Any], *, write_valid: bool, pending: Path | None = None) -> int:
        """Write the quarantine (failing rows with their rule ids, from ``_bad``) and, unless a
        critical rule failed, the valid rows: the file the checks' pass wrote (``pending``) is
        moved into place, or without it one streamed pass over the raw file writes them (without
        the rows of ``_bad``, in source order); returns the number of quarantined rows."""
        con, ds = self.con, self.dataset
        names = [f"CASE WHEN f_{k} THEN {quote_literal(r.id)} END" for k, r in enumerate(self.row_rules)]
        rejected = f"list_filter([{', '.join(names)}]::VARCHAR[], x -> x IS NOT NULL)" if names else "[]::VARCHAR[]"
        if custom_fail:
            pairs = [(int(i), rule) for rule, idx in custom_fail.items() for i in idx]
            con.register(
                "_custom_fail",
                pa.table(
                    {
                        "_source_row": pa.array([p[0] for p in pairs], pa.int64()),
                        "rule": pa.array([p[1] for p in pairs], pa.string()),
                    }
                ),
            )
            con.execute(
                "CREATE TEMP TABLE _cf AS SELECT _source_row, list(rule ORDER BY rule) AS rules "
                "FROM _custom_fail GROUP BY _source_row"
            )
            # rows that only a custom expectation failed join the failing rows
            # (they passed every row rule: no flag, no evidence, so the rules are not evaluated again)
            k = len(self.row_rules)
            cols = ["_source_row"] + ["false"] * k + ["NULL"] * k + self._bad_columns()[1 + 2 * k :]
            con.execute(
                f"INSERT INTO _bad SELECT {', '.join(cols)} FROM _conf WHERE _source_row IN "
                "(SELECT _source_row FROM _cf) AND _source_row NOT IN (SELECT _source_row FROM _bad)"
            )
            rejected = (
                f"list_concat({rejected}, coalesce((SELECT cf.rules FROM _cf cf "
                f"WHERE cf._source_row = _bad._source_row), []::VARCHAR[]))"
            )
        row = con.execute("SELECT count(*) FROM _bad").fetchone()
        assert row is not None
        quarantined = int(row[0])
        q_cols = [f"s_{i} AS {quote_ident(c.name)}" for i, c in enumerate(ds.columns) if c.name in self.raw_types]
        q_cols += [f"x_{j} AS {quote_ident(n)}" for j, n in enumerate(self.extras)]
        q_cols += [f"{rejected} AS _rejected_rules", "_source_row"]
        _write_parquet(con, f"SELECT {', '.join(q_cols)} FROM _bad ORDER BY _source_row", _lake(paths.quarantine))
        if write_valid and pending is not None:
            assert not custom_fail  # pending is only written for a dataset without custom expectations
            _place(pending, _lake(paths.valid))
        elif write_valid:
            v_cols = [f"{_typed(ds, i)} AS {quote_ident(c.name)}" for i, c in enumerate(ds.columns)]
            # source columns the manifest does not declare go on as text: the classifier decides them
            v_cols += [f"x_{j} AS {quote_ident(n)}" for j, n in enumerate(self.extras)]
            where = ""
            if quarantined:
                # the failing rows as one bit per source row: a plain filter keeps the scan's order
                # (a join with _bad would not, and ORDER BY would sort, i.e. hold, the whole table)
                con.execute(
                    f"SET VARIABLE _pubdata_bad = (SELECT bitstring_agg(_source_row, 0, {self.n_rows - 1}) FROM _bad)"
                )
                where = " WHERE get_bit(getvariable('_pubdata_bad'), _source_row::INTEGER) = 0"
            # one thread: an order-keeping write with several buffers the row groups that finish out
            # of order (its memory grew with the rows: +280 MB at 1e6 rows, +410 MB at 4e6)
            con.execute("SET threads = 1")
            _write_parquet(con, f"SELECT {', '.join(v_cols)} FROM _conf{where}", _lake(paths.valid))
        else:
            _lake(paths.valid).unlink(missing_ok=True)
        return quarantined


def _dataset_rules(dataset, fresh: dict[str, Any], drift: dict[str, Any]) -> list[dict[str, Any]]:
    """Dataset-level results: freshness, and declared columns missing from the source."""
    out: list[dict[str, Any]] = [
        {
            "rule": "dataset:freshness",
            "column": None,
            "severity": "warning",
            "level": "dataset",
            "engine": "pubdata",
            "success": bool(fresh["ok"]),
            "evaluated": None,
            "unexpected_count": None,
            "unexpected_percent": None,
        }
    ]
    missing = drift["against_manifest"]["removed"]
    if missing:
        pk = set(dataset.primary_key)
        crit = any((c := dataset.column(n)).required or c.severity == "critical" or n in pk for n in missing)
        out.append(
            {
                "rule": "dataset:schema",
                "column": None,
                "severity": "critical" if crit else "warning",
                "level": "dataset",
                "engine": "pubdata",
                "success": False,
                "evaluated": None,
                "unexpected_count": len(missing),
                "unexpected_percent": None,
            }
        )
    return out


def _messages(
    dataset, rule_results: list[dict[str, Any]], n_rows: int, fresh: dict[str, Any], drift: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """One readable line per failed rule: (critical, warnings)."""
    missing = drift["against_manifest"]["removed"]
    critical: list[str] = []
    warnings: list[str] = []
    for item in rule_results:
        if item["success"]:
            continue
        if item["rule"] == "dataset:schema":
            msg = f"dataset:schema: declared columns missing from the source: {', '.join(missing)}"
        elif item["rule"] == "dataset:freshness":
            msg = (
                f"dataset:freshness: newest data is {fresh.get('age_hours')} h old ({fresh.get('basis')}), "
                f"more than {fresh.get('allowed_hours')} h allowed for {dataset.update_frequency} updates"
            )
        elif item["rule"] == "dataset:row_count":
            rc = dataset.row_count
            msg = f"dataset:row_count: {n_rows} rows, expected between {rc.min} and {rc.max if rc.max is not None else 'any'}"
        elif item["level"] == "row":
            msg = (
                f"{item['rule']}: {item['unexpected_count']} of {n_rows} rows failed "
                f"({(item['unexpected_percent'] or 0):.3g}%)"
            )
        else:
            msg = f"{item['rule']}: failed" + (" (raised an exception)" if item.get("error") else "")
        (critical if item["severity"] == "critical" else warnings).append(msg)
    return critical, warnings


def _typed(dataset, i: int) -> str:
    return f"s_{i}" if dataset.columns[i].type == "string" else f"v_{i}"


def _run_gx(dataset, paths, frame, redacted_cols: set[str], has_custom: bool, build_docs: bool) -> dict:
    """Validate ``frame`` with the dataset's suite through GX's public API: the suite and a
    ValidationDefinition in the (ephemeral, in-memory) context's stores, ``ValidationDefinition.run``
    (which stores GX's result), the evidence redacted (:func:`quality._gx.redact`) and stored
    again in its place, then the result's and the suite's Data Docs pages (now, or with the whole
    batch in :func:`docs_batch`) and the redacted result as JSON under ``reports/validations``.

    No stored Checkpoint: its only part was running the one validation definition, with its
    freshness checks and store round trips, and ordering the actions (GX ran the Data Docs action
    before any other, i.e. before the redaction); here the redaction comes first, always."""
    gx = _gx.gx_module()
    # lazy: Great Expectations takes ~10 s to import; quality/_gx.py loads it once, offline
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    with _gx._LOCK:
        ctx = _gx.context()
        suite_name = f"{paths.department}.{paths.dataset}"
        # the previous run's objects of this dataset go first: a suite whose name is in the store
        # saves each expectation to it as it is added (one store write per expectation)
        for store in (ctx.validation_definitions, ctx.suites):
            try:
                store.delete(suite_name)
            except Exception:
                pass
        # the suite is validated without its expectations' meta (pubdata's annotations: rule id,
        # level, severity, the native expectations a rule stands for), which GX never reads while
        # validating but copies ~100 times per expectation (its pydantic configuration is rebuilt
        # for every key it looks up): about a third of GX's run of a small suite. The meta is put
        # back on the stored suite and on each result before anything reads, stores or renders them.
        suite = build_suite(dataset, name=suite_name, redact_columns=redacted_cols)
        metas = [exp.meta for exp in suite.expectations]
        for exp in suite.expectations:
            exp.meta = None
        suite = ctx.suites.add(suite)
        try:
            ds = ctx.data_sources.get("pubdata")
        except Exception:
            ds = ctx.data_sources.add_pandas("pubdata")
        try:
            asset = ds.get_asset(suite_name)
        except Exception:
            asset = ds.add_dataframe_asset(suite_name)
        try:
            batch_def = asset.get_batch_definition("run")
        except Exception:
            batch_def = asset.add_batch_definition_whole_dataframe("run")
        vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=suite_name, data=batch_def, suite=suite))
        result_format: dict[str, Any] = {
            "result_format": "COMPLETE" if has_custom else "SUMMARY",
            "partial_unexpected_count": 20,
        }
        run_id = RunIdentifier(run_name=paths.run, run_time=_now())
        vr = vd.run(batch_parameters={"dataframe": frame}, result_format=result_format, run_id=run_id)
        _restore_meta(suite, metas, vr)
        captured = _gx.redact(vr, redacted_cols, capture=has_custom)
        suite_id = ExpectationSuiteIdentifier(name=suite_name)
        result_id = ValidationResultIdentifier(
            expectation_suite_identifier=suite_id, run_id=run_id, batch_identifier=vr.batch_id
        )
        ctx.validation_results_store.set(result_id, vr)  # the redacted result replaces GX's own
        results: dict[str, dict[str, Any]] = {}
        for evr in vr.results:
            meta = evr.expectation_config.meta or {}
            res = evr.result or {}
            results[meta.get("rule", "")] = {
                "success": evr.success,
                "unexpected_count": res.get("unexpected_count"),
                "unexpected_percent": res.get("unexpected_percent"),
                "exception": bool((evr.exception_info or {}).get("raised_exception")),
            }
        docs_dir = Path(paths.data_docs)
        # 5: the stored (redacted) result
        out_json = docs_dir.parent / "validations" / paths.department / paths.dataset / f"{paths.run}.json"
        out_json.parent.mkdir(parents=True, exist_ok=True)
        out_json.write_text(json.dumps(vr.to_json_dict(), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        docs_path = None
        if build_docs:
            docs_dir.mkdir(parents=True, exist_ok=True)
            site = _gx.ensure_site(ctx, str(docs_dir))
            urls = ctx.get_docs_sites_urls(resource_identifier=result_id, site_name=site, only_if_exists=False)
            docs_path = _page_path(urls[0]["site_url"]) if urls and urls[0]["site_url"] else None
            if _PENDING_DOCS is None:
                _build_docs(docs_dir, site, [result_id, suite_id])
            else:  # built with the batch's other pages when docs_batch() ends
                _PENDING_DOCS.setdefault(docs_dir, (site, []))[1].extend([result_id, suite_id])
    return {"results": results, "captured": captured, "docs_path": docs_path, "results_path": str(out_json)}


def _restore_meta(suite, metas: list[dict[str, Any] | None], vr) -> None:
    """Put each expectation's ``metas`` back on the stored ``suite`` (its Data Docs page and later
    runs read it from the store) and on the expectation configuration of each result of ``vr``
    (matched by the expectation's id): both are then what a run of the annotated suite gives. The
    results get the meta as the suite's store gives it back (JSON with sorted keys), as they did
    when GX validated the stored annotated suite."""
    by_id: dict[str, str] = {}
    for exp, meta in zip(suite.expectations, metas, strict=True):
        exp.meta = meta
        by_id[str(exp.id)] = json.dumps(meta or {}, sort_keys=True)
    suite.save()
    for evr in vr.results:
        config = evr.expectation_config
        if config is None or str(config.id) not in by_id:
            raise RuntimeError(f"GX returned a result for an expectation not in suite {suite.name}")
        config.meta = json.loads(by_id[str(config.id)])


def _page_path(url: str) -> str:
    """The local path of a Data Docs page's ``file://`` URL."""
    from urllib.parse import unquote, urlparse

    return unquote(urlparse(url).path)
