"""Compile a manifest :class:`~warehouse.manifest.Dataset` into rules and a GX Expectation Suite.

Rules
-----
Every check has a stable, value-free **rule id** (they name the failures in the quarantine's
``_rejected_rules`` column, in reports and in Data Docs):

=============================  =====================================================  =========
rule id                        meaning                                                level
=============================  =====================================================  =========
``<col>:type:<type>``          a non-null value cannot be cast to the declared type   row
``<col>:required``             the value is null (``""`` is loaded as null)           row
``<col>:<standard>``           the value is not a valid ``<standard>`` element        row
``<col>:enum``                 not one of the declared ``enum`` values                row
``<col>:min_length`` / ``max_length``  string length (characters) out of bounds       row
``<col>:minimum`` / ``maximum``  numeric value out of bounds                          row
``<col>:pattern``              does not fully match the declared regex (RE2)          row
``<col>:unique``               repeats an earlier row's value (first one kept)        row
``dataset:primary_key``        repeats an earlier row's primary key (compound too)    row
``dataset:row_count``          input row count outside ``row_count`` {min, max}       dataset
``dataset:schema``             declared columns missing from the source               dataset
``dataset:freshness``          newest data / last publish older than the frequency    dataset
``custom:<n>:<type>``          the manifest's n-th custom expectation                 either
=============================  =====================================================  =========

Severity: a row rule has its column's ``severity``; primary-key rules are critical when any
key column is critical; ``dataset:row_count`` is always critical; ``dataset:schema`` is critical
when a missing column is required, in the key or critical; freshness is a warning; custom
expectations carry their own ``severity``. Null values pass every row rule but ``required``
(columns of the primary key are implicitly required).

Duplicates (``unique`` / ``primary_key``): the first occurrence in source order is kept, later
ones are quarantined with the rule id (so the published table has a unique key and nothing is
dropped silently).

How GX evaluates them
---------------------
Row rules are computed vectorised in DuckDB (:mod:`quality.validate`), one *evidence column*
per rule: null where the row passes, the offending value (masked for redacted columns, see
:mod:`quality.redact`) where it fails. The suite holds one ``expect_column_values_to_be_null``
per evidence column, with the rule's human description, severity and the element's native GX
form in ``meta``; GX decides success, counts and percentages (the engine of record) and the
validation renders them into Data Docs. Dataset rules (row count) and custom expectations run as
native GX expectations on the frame. ``build_suite(dataset, native=True)`` returns instead the
standards compiled to native expectations over the raw columns (regex / set / range forms) for
use with GX on a plain frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core import ManifestError
from core.sql import quote_literal
from quality import standards as _std
from quality._gx import gx_module

__all__ = ["Rule", "build_suite", "compile_rules", "custom_columns", "dup_bits_variable", "SQL_TYPES"]

SQL_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "datetime": "TIMESTAMP",
}


@dataclass(frozen=True)
class Rule:
    id: str
    column: str | None
    check: str
    severity: str  # critical | warning
    level: str  # row | dataset
    description: str
    fail_sql: str | None = None  # row rules: TRUE when the row fails (over s_i / v_i aliases)
    evidence_sql: str | None = None  # row rules: value shown as evidence when failing
    native: list[dict[str, Any]] = field(default_factory=list)
    standard: str | None = None
    #: duplicate rules: (temp table name, key SQL aliases); the table lists each key that repeats
    #: with its first source row (``_first``); its later rows are ``fail_sql``'s bits (:func:`_later_duplicate`)
    dup_table: tuple[str, tuple[str, ...]] | None = None

    def meta(self) -> dict[str, Any]:
        m: dict[str, Any] = {"rule": self.id, "severity": self.severity, "level": self.level, "check": self.check}
        if self.column is not None:
            m["column"] = self.column
        if self.standard:
            m["standard"] = self.standard
        if self.native:
            m["native_expectations"] = self.native
        return m


def _alias(i: int) -> tuple[str, str]:
    return f"s_{i}", f"v_{i}"


def mask_sql(s: str) -> str:
    """SQL masking of evidence: keep a short prefix (at most 4 chars, at most a quarter), star the rest."""
    keep = f"least(4, length({s}) // 4)"
    return f"(left({s}, {keep}) || repeat('*', length({s}) - {keep}))"


def _evidence(s: str, redacted: bool) -> str:
    if redacted:
        return f"coalesce({mask_sql(s)}, '<null>')"
    return f"coalesce(left({s}, 80), '<null>')"


def default_redactions(dataset) -> set[str]:
    """Columns always redacted: those whose standard is a personal identifier (resident ID,
    mobile, landline, e-mail) and those the manifest declares ``privacy: personal|sensitive``.
    Columns with undeclared privacy are redacted only when the caller lists them
    (``redact_columns``, e.g. from the classifier)."""
    return {
        c.name
        for c in dataset.columns
        if (c.standard and c.standard in _std.STANDARDS and _std.STANDARDS[c.standard].identifier)
        or c.privacy in ("personal", "sensitive")
    }


def dup_bits_variable(table: str) -> str:
    """The DuckDB variable holding the later duplicates of a duplicate rule's key table, one bit
    per source row (set by :mod:`quality.validate` before the checks)."""
    return f"pubdata{table}"


def _later_duplicate(table: str) -> str:
    """SQL: TRUE for a row that repeats an earlier row's key (its bit in
    :func:`dup_bits_variable`). A bit test, not a join: a join does not keep the rows in source
    order, which the streamed valid write relies on."""
    return f"coalesce(get_bit(getvariable('{dup_bits_variable(table)}'), _source_row::INTEGER) = 1, false)"


def compile_rules(dataset, redact_columns: set[str] | frozenset[str] = frozenset()) -> list[Rule]:
    """All rules of a dataset, in a stable order (column by column, then dataset rules)."""
    redact = set(redact_columns) | default_redactions(dataset)
    pk = list(dataset.primary_key)
    rules: list[Rule] = []
    for i, col in enumerate(dataset.columns):
        s, v = _alias(i)
        if col.type == "string":  # the typed form of a string column is its text form
            v = s
        name, sev = col.name, col.severity
        ev = _evidence(s, name in redact)

        def add(
            check: str,
            fail: str,
            desc: str,
            native: list | None = None,
            standard: str | None = None,
            severity: str = sev,
            evidence: str = ev,
            dup: tuple | None = None,
            name: str = name,
        ) -> None:
            rules.append(
                Rule(
                    f"{name}:{check}",
                    name,
                    check,
                    severity,
                    "row",
                    f"{name}: {desc}",
                    fail,
                    f"CASE WHEN {fail} THEN {evidence} END",
                    native or [],
                    standard,
                    dup,
                )
            )

        if col.type != "string":
            add(
                f"type:{col.type}",
                f"({s} IS NOT NULL AND {v} IS NULL)",
                f"values can be read as {col.type}",
                [
                    {
                        "type": "expect_column_values_to_be_of_type",
                        "kwargs": {"column": name, "type_": SQL_TYPES[col.type]},
                    }
                ],
            )
        if col.required or name in pk:
            add(
                "required",
                f"({s} IS NULL)",
                "no missing values (empty strings count as missing)",
                [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": name}}],
                severity="critical"
                if (name in pk and any(dataset.column(k).severity == "critical" for k in pk))
                else sev,
            )
        if col.standard:
            std = _std.get(col.standard)
            n = f"n_{i}" if std.prepare else s
            add(
                std.name,
                f"({s} IS NOT NULL AND NOT coalesce({std.sql(n)}, false))",
                f"{std.title} - {std.description}",
                std.expectations(name),
                standard=std.name,
            )
        if col.enum is not None:
            values = ", ".join(quote_literal(e) for e in col.enum) or "NULL"
            add(
                "enum",
                f"({s} IS NOT NULL AND {s} NOT IN ({values}))",
                f"one of {len(col.enum)} declared values",
                [
                    {
                        "type": "expect_column_values_to_be_in_set",
                        "kwargs": {"column": name, "value_set": list(col.enum)},
                    }
                ],
            )
        if col.min_length is not None:
            add(
                "min_length",
                f"({s} IS NOT NULL AND length({s}) < {int(col.min_length)})",
                f"at least {col.min_length} characters",
                [
                    {
                        "type": "expect_column_value_lengths_to_be_between",
                        "kwargs": {"column": name, "min_value": col.min_length},
                    }
                ],
            )
        if col.max_length is not None:
            add(
                "max_length",
                f"({s} IS NOT NULL AND length({s}) > {int(col.max_length)})",
                f"at most {col.max_length} characters",
                [
                    {
                        "type": "expect_column_value_lengths_to_be_between",
                        "kwargs": {"column": name, "max_value": col.max_length},
                    }
                ],
            )
        num = v if col.type in ("integer", "number") else f"TRY_CAST({s} AS DOUBLE)"
        if col.minimum is not None:
            add(
                "minimum",
                f"({num} IS NOT NULL AND {num} < {float(col.minimum)!r})",
                f"at least {col.minimum:g}",
                [{"type": "expect_column_values_to_be_between", "kwargs": {"column": name, "min_value": col.minimum}}],
            )
        if col.maximum is not None:
            add(
                "maximum",
                f"({num} IS NOT NULL AND {num} > {float(col.maximum)!r})",
                f"at most {col.maximum:g}",
                [{"type": "expect_column_values_to_be_between", "kwargs": {"column": name, "max_value": col.maximum}}],
            )
        if col.pattern:
            add(
                "pattern",
                f"({s} IS NOT NULL AND NOT coalesce(regexp_full_match({s}, {quote_literal(col.pattern)}), false))",
                "values fully match the declared pattern",
                [{"type": "expect_column_values_to_match_regex", "kwargs": {"column": name, "regex": col.pattern}}],
            )
        if col.unique:
            add(
                "unique",
                _later_duplicate(f"_dup_{i}"),
                "unique (later repeats of a value are quarantined, the first is kept)",
                [{"type": "expect_column_values_to_be_unique", "kwargs": {"column": name}}],
                dup=(f"_dup_{i}", (v,)),
            )
    if pk:
        idx = [next(i for i, c in enumerate(dataset.columns) if c.name == k) for k in pk]
        vs = [_alias(i)[0 if dataset.columns[i].type == "string" else 1] for i in idx]
        fail = _later_duplicate("_dup_pk")
        if any(k in redact for k in pk):
            ev = "'<redacted key>'"
        else:
            ev = "left(" + " || ' | ' || ".join(f"coalesce(CAST({x} AS VARCHAR), '<null>')" for x in vs) + ", 120)"
        sev = "critical" if any(dataset.column(k).severity == "critical" for k in pk) else "warning"
        rules.append(
            Rule(
                "dataset:primary_key",
                None,
                "primary_key",
                sev,
                "row",
                f"primary key ({', '.join(pk)}) is unique; later duplicates are quarantined, "
                "the first occurrence is kept",
                fail,
                f"CASE WHEN {fail} THEN {ev} END",
                [
                    {
                        "type": "expect_compound_columns_to_be_unique"
                        if len(pk) > 1
                        else "expect_column_values_to_be_unique",
                        "kwargs": {"column_list": pk} if len(pk) > 1 else {"column": pk[0]},
                    }
                ],
                dup_table=("_dup_pk", tuple(vs)),
            )
        )
    rc = dataset.row_count
    rules.append(
        Rule(
            "dataset:row_count",
            None,
            "row_count",
            "critical",
            "dataset",
            f"row count between {rc.min} and {rc.max if rc.max is not None else 'unbounded'}",
            native=[
                {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": rc.min, "max_value": rc.max}}
            ],
        )
    )
    for k, exp in enumerate(dataset.expectations):
        col = exp.kwargs.get("column")
        rules.append(
            Rule(
                f"custom:{k}:{exp.type}",
                col if isinstance(col, str) else None,
                exp.type,
                exp.severity,
                "custom",
                f"custom expectation {exp.type}",
                native=[{"type": exp.type, "kwargs": dict(exp.kwargs)}],
            )
        )
    return rules


def custom_columns(dataset) -> list[str]:
    """Declared columns that custom expectations read (they are handed to GX typed)."""
    names: list[str] = []
    for exp in dataset.expectations:
        for key in ("column", "column_A", "column_B"):
            if isinstance(exp.kwargs.get(key), str):
                names.append(exp.kwargs[key])
        for key in ("column_list", "column_set"):
            if isinstance(exp.kwargs.get(key), list):
                names.extend(str(x) for x in exp.kwargs[key])
    declared = {c.name for c in dataset.columns}
    unknown = sorted(set(names) - declared)
    if unknown:
        raise ManifestError(f"dataset {dataset.id!r}: custom expectations name undeclared columns {unknown}")
    return list(dict.fromkeys(names))


def _camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


def _expectation(
    gx, type_: str, kwargs: dict[str, Any], *, description: str | None = None, meta: dict[str, Any] | None = None
):
    cls = getattr(gx.expectations, _camel(type_), None)
    if cls is None:
        raise ManifestError(
            f"unknown Great Expectations expectation type {type_!r}",
            hint="see https://greatexpectations.io/expectations for the GX Core 1.x gallery",
        )
    kw = dict(kwargs)
    if description:
        kw["description"] = description
    if meta:
        kw["meta"] = meta
    try:
        return cls(**kw)
    except Exception as exc:  # pydantic validation of the kwargs
        raise ManifestError(f"expectation {type_!r}: invalid kwargs ({exc.__class__.__name__})") from None


def build_suite(
    dataset, *, name: str | None = None, redact_columns: set[str] | frozenset[str] = frozenset(), native: bool = False
):
    """The GX ``ExpectationSuite`` generated from the dataset's manifest.

    Default: the pipeline suite over evidence columns (see module doc). ``native=True``: every
    standard/column rule as native GX expectations over the raw columns (documentation and
    small-data use; checksums and code-list membership are only approximated there by format).
    """
    gx = gx_module()
    suite = gx.ExpectationSuite(name=name or dataset.id)
    for rule in compile_rules(dataset, redact_columns):
        if rule.level == "row" and not native:
            suite.add_expectation(
                _expectation(
                    gx,
                    "expect_column_values_to_be_null",
                    {"column": rule.id},
                    description=rule.description,
                    meta=rule.meta(),
                )
            )
        elif rule.level == "row":
            for exp in rule.native:
                kw = {k: v for k, v in exp["kwargs"].items() if not (isinstance(v, str) and v.startswith("<"))}
                if exp["type"] == "expect_column_values_to_be_in_set" and "value_set" not in kw:
                    continue
                if exp["type"] == "expect_column_values_to_be_of_type":
                    continue
                suite.add_expectation(_expectation(gx, exp["type"], kw, description=rule.description, meta=rule.meta()))
        else:
            exp = rule.native[0]
            kwargs = {k: v for k, v in exp["kwargs"].items() if v is not None}
            suite.add_expectation(
                _expectation(
                    gx,
                    exp["type"],
                    kwargs,
                    description=None if rule.level == "custom" else rule.description,
                    meta=rule.meta(),
                )
            )
    return suite
