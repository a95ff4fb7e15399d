"""Protection entry points for the pipeline: policy, open variant, shared variants, leak gate.

The pipeline calls, per dataset version::

    policy = load_policy()
    decision = decide(department, dataset, classification.columns, policy)
    report, shares = protect(paths.valid, decision, paths.protected,      # unless withheld
                             dataset=dataset, paths=paths, keys=KeyStore())
    leak_gate(paths.protected, decision, dataset_label=f"{dept}.{ds}")    # before publishing

Decision rules are documented in :mod:`privacy.policy` and ``policy/README.md``.
:func:`protect` writes the open variant and every shared variant from one scan of the input
(:mod:`privacy.variants`: masking, generalisation, keyed pseudonyms, encryption). The open release
of a table about people is judged by its re-identification risk on the classes counted during
that scan (:mod:`privacy.kanon`: the least-loss generalisation meeting k and l; the file is
rewritten once only when it must change), its risk report returned, and the decision's column
records brought in line with what the file holds; :func:`gate` turns a release whose targets
cannot be met into a conditional one. A dataset declared ``aggregate`` is released as a
statistical table (:mod:`privacy.aggregate`). :func:`protect_open` and :func:`share_variants`
are the same with only the open, or only the shared, variants.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

from core import ManifestError, PrivacyError
from privacy.aggregate import COUNT_COLUMN, SUPPRESSED_COLUMN, AggregateReport, write_aggregate
from privacy.deid import Plan, build_plan, new_context
from privacy.hierarchy import Hierarchy
from privacy.kanon import Anonymisation, QuasiIdentifier, SensitiveAttribute, Targets
from privacy.keys import KeyStore
from privacy.leakgate import leak_gate
from privacy.policy import ColumnDecision, DatasetDecision, Policy, decide, load_policy
from privacy.roles import load_roles
from privacy.share import ShareReport, share_spec
from privacy.variants import RiskSpec, Variant, write_select, write_variants
from warehouse import storage
from warehouse.lake import RunPaths
from warehouse.manifest import Aggregate, Dataset

__all__ = [
    "ColumnDecision",
    "DatasetDecision",
    "KeyStore",
    "Policy",
    "ProtectReport",
    "ShareReport",
    "column_fates",
    "decide",
    "gate",
    "leak_gate",
    "load_policy",
    "protect",
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
    #: level released per quasi-identifier (index in its hierarchy)
    generalisation: dict[str, int] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    #: input columns no decision covered (dropped, fail closed)
    undecided: list[str] = field(default_factory=list)
    #: the risk report of a release about people (:class:`privacy.risk.RiskReport` as a dict)
    risk: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def protect(
    input_parquet: Any,
    decision: DatasetDecision,
    out_path: Any,
    *,
    dataset: Dataset | None = None,
    paths: RunPaths | None = None,
    keys: KeyStore | None = None,
) -> tuple[ProtectReport | None, list[ShareReport]]:
    """The open variant (to ``out_path``; None: none) and one shared variant per ``Share`` of
    ``dataset`` (to ``paths.shared(...)``), written from ONE scan of the input
    (:mod:`privacy.variants`). Each file is written atomically."""
    label = f"{decision.department}.{decision.dataset}"
    keys = keys or KeyStore()
    footer = storage.parquet_file(input_parquet)  # one footer read: schema and row count
    schema = footer.schema_arrow
    ctx = new_context(decision)
    variants: list[Variant] = []
    report: ProtectReport | None = None
    aggregate = dataset.aggregate if dataset is not None else None
    plan: Plan | None = None
    if out_path is not None:
        if decision.open_tier == "withheld":
            raise PrivacyError(f"dataset {label} is withheld by rule {decision.rule_id}: no open variant")
        key = _open_key(decision, keys)
        plan = build_plan(decision, schema, pseudonym_key=key, ctx=ctx)
        if aggregate is not None:
            _check_dimensions(decision, aggregate, label)
        elif not plan.outputs:
            raise PrivacyError(f"dataset {label}: every column is dropped; nothing to publish")
        else:
            variants.append(
                Variant(plan, out_path, pseudonym_key=key, risk=_risk_spec(decision, {o.name for o in plan.outputs}))
            )
    shares: list[ShareReport] = []
    written_shares: list[tuple[ShareReport, Variant]] = []
    if dataset is not None and dataset.sharing:
        assert paths is not None, "shared variants need the run's paths"
        for share in dataset.sharing:
            rep, var = share_spec(
                schema,
                decision,
                share,
                paths.shared(share.department, share.purpose),
                keys,
                ctx,
                primary_key=dataset.primary_key,
            )
            shares.append(rep)
            if var is not None:
                written_shares.append((rep, var))
                variants.append(var)
    if variants:
        write_variants(input_parquet, ctx, variants)
    for rep, var in written_shares:
        rep.rows = var.rows
    if out_path is not None and aggregate is not None:
        assert plan is not None and dataset is not None
        bounds = {m: _bounds(dataset, aggregate, m) for m in aggregate.measures} if aggregate.method == "noise" else {}
        agg_report: list[AggregateReport] = []

        def build(run: Any) -> str:
            sql, rep = write_aggregate(run, plan, aggregate, bounds, label)
            agg_report.append(rep)
            return sql

        rows = write_select(input_parquet, ctx, plan, build, out_path)
        record_aggregate(decision, aggregate, agg_report[0])
        report = ProtectReport(
            rows_in=footer.metadata.num_rows,
            rows_out=rows,
            suppressed_rows=0,
            k_achieved=None,
            columns=[c.name for c in decision.columns if c.action != "drop"],
            dropped=[c.name for c in decision.columns if c.action == "drop" and c.name in schema.names],
            undecided=plan.undecided,
            risk=agg_report[0].to_dict(),
        )
    elif out_path is not None:
        v = variants[0]
        res = v.risk.result if v.risk else None
        if res is not None:
            record_release(decision, res)
        report = ProtectReport(
            rows_in=footer.metadata.num_rows,
            rows_out=v.rows,
            suppressed_rows=res.suppressed_rows if res else 0,
            k_achieved=res.report.k_achieved if res else None,
            k_threshold=decision.k_threshold if res else None,
            quasi_identifiers=list(res.levels) if res else [],
            generalisation=dict(res.levels) if res else {},
            columns=[o.name for o in v.plan.outputs if (c := decision.column(o.name)) is None or c.action != "drop"],
            dropped=v.plan.dropped
            + [
                c.name
                for c in decision.columns
                if c.action == "drop" and c.name not in v.plan.dropped and c.name in schema.names
            ],
            undecided=v.plan.undecided,
            risk=res.report.to_dict() if res else None,
        )
    return report, shares


def _check_dimensions(decision: DatasetDecision, agg: Aggregate, label: str) -> None:
    """A statistical table counts people by categories; a direct identifier is never one."""
    roles = load_roles(decision.roles_source)
    direct = []
    for name in agg.dimensions + agg.measures:
        c = decision.column(name)
        if c is None:
            raise ManifestError(f"dataset {label}: aggregate names column {name!r}, which the data does not have")
        if c.role == "direct" or roles.match(c.name, c.entity, c.level).role == "direct":
            direct.append(name)
    if direct:
        raise PrivacyError(
            f"dataset {label}: {direct} identify people directly and cannot be dimensions or measures of a statistical table",
            hint="aggregate by categories, places or periods",
        )


def _bounds(dataset: Dataset, agg: Aggregate, name: str) -> tuple[float, float]:
    if name in agg.bounds:
        lo, hi = agg.bounds[name]
        return float(lo), float(hi)
    col = dataset.column(name)
    assert col is not None and col.minimum is not None and col.maximum is not None  # the manifest checks it
    return float(col.minimum), float(col.maximum)


def record_aggregate(decision: DatasetDecision, agg: Aggregate, rep: AggregateReport) -> None:
    """Make the decision say what the statistical table holds."""
    how = (
        f"cells counting fewer than {agg.threshold} records suppressed, with complementary cells so totals cannot recover them"
        if agg.method == "suppress"
        else f"Laplace noise (differential privacy, epsilon {agg.epsilon}) on every cell's count and sums"
    )
    for c in decision.columns:
        if c.name in agg.dimensions:
            c.action, c.method = "publish", "dimension"
            c.reason = f"dimension of the statistical table (records counted per cell; {how})"
        elif c.name in agg.measures:
            c.action, c.method = "generalise", "sum"
            c.reason = f"summed per cell of the statistical table ({how})"
        elif c.name == agg.count_column:
            c.action, c.method = "drop", None
            c.reason = "counts of the source cells: summed into the table's record count"
        else:
            c.action, c.method = "drop", None
            c.reason = "not in the statistical table (the dataset is released as an aggregate, not row by row)"
    decision.columns += [
        ColumnDecision(
            COUNT_COLUMN, "none", None, "publish", "count", f"records per cell ({how})", level_source="aggregate"
        ),
        ColumnDecision(
            SUPPRESSED_COLUMN,
            "none",
            None,
            "publish",
            None,
            "true where the cell's count and sums are suppressed",
            level_source="aggregate",
        ),
    ]
    decision.quasi_identifiers, decision.sensitive_attributes = [], []


def _open_key(decision: DatasetDecision, keys: KeyStore) -> bytes | None:
    """The open variant's pseudonym key: the platform's public key, or for the row key of a
    release about people a random key drawn for this release and never stored (surrogates
    cannot be linked across releases). One variant never needs both."""
    methods = {c.method for c in decision.columns if c.action == "pseudonymise"}
    if not methods:
        return None
    if methods == {"surrogate"}:
        return secrets.token_bytes(32)
    if "surrogate" in methods:
        raise PrivacyError(
            f"dataset {decision.department}.{decision.dataset}: a release about people with a persistent pseudonym"
        )
    return keys.public_pseudonym_key()


def _risk_spec(decision: DatasetDecision, written: set[str]) -> RiskSpec | None:
    """What the open release of a table about people is judged by (None: not about people)."""
    if not decision.about_people:
        return None
    hierarchies = load_roles(decision.roles_source).hierarchies

    def level(name: str) -> tuple[Hierarchy, int]:
        c = decision.column(name)
        assert c is not None and c.hierarchy is not None
        return hierarchies[c.hierarchy], c.hierarchy_level or 0

    qis = [QuasiIdentifier(n, *level(n)) for n in decision.quasi_identifiers if n in written]
    sas = [SensitiveAttribute(n, *level(n)) for n in decision.sensitive_attributes if n in written]
    return RiskSpec(qis, sas, Targets(decision.k_threshold, decision.l_diversity, decision.max_suppression))


def record_release(decision: DatasetDecision, res: Anonymisation) -> None:
    """Make the decision's column records say what the file holds: the level each
    quasi-identifier was released at (``publish`` at its value, ``generalise`` above, ``drop``
    when suppressed altogether) and the sensitive attributes withheld."""
    hierarchies = load_roles(decision.roles_source).hierarchies
    for name, level in res.levels.items():
        c = decision.column(name)
        assert c is not None and c.hierarchy is not None
        h = hierarchies[c.hierarchy]
        first = c.hierarchy_level or 0
        c.hierarchy_level = level
        level_name = h.level_name(level)
        c.method = f"{c.hierarchy}:{level_name}"
        if level >= h.height:
            c.action, c.method = "drop", None
            c.reason += f"; suppressed altogether (every value withheld) to reach k={decision.k_threshold}"
        else:
            c.action = "publish" if level_name == "value" else "generalise"
            if level > first:
                c.reason += f"; released at level {level_name}"
    for name in res.withheld:
        c = decision.column(name)
        assert c is not None
        c.action, c.method = "drop", None
        c.reason += f"; withheld: fewer than l={decision.l_diversity} distinct values in the whole table"


def gate(decision: DatasetDecision, risk: dict[str, Any] | None) -> None:
    """The publication gate: an unconditionally open release about people whose targets cannot
    be met with at most the allowed suppression is not opened; the dataset is offered as
    conditional (有条件开放) instead, with the reason (no negative-list rule: it shows in the
    "should be open but is not" report)."""
    if risk is None or risk.get("met", True) or decision.open_tier != "open":
        return
    decision.open_tier = "conditional"
    decision.rule_id = None
    decision.allowed_departments = []
    decision.basis = f"再识别风险评估未通过：{risk.get('reason_zh') or risk.get('reason')}；改为有条件开放"


_FATES = {
    "publish": "published",
    "mask": "masked",
    "generalise": "generalised",
    "pseudonymise": "pseudonymised",
    "drop": "dropped",
    "encrypt": "dropped from open data (encrypted in shared variants)",
    "hold": "held for review",
}


def column_fates(decision: DatasetDecision, report: ProtectReport | None = None) -> dict[str, str]:
    """What happened to every column in open data, in words (for the run summary): published,
    masked (method), generalised (method, plus k-anonymity steps), pseudonymised, dropped,
    held for review, or withheld with the dataset."""
    out: dict[str, str] = {}
    for c in decision.columns:
        if decision.open_tier == "withheld":
            out[c.name] = "withheld (the dataset is not open)"
            continue
        fate = _FATES.get(c.action, c.action)
        if c.action in ("mask", "generalise") and c.method:
            fate += f" ({c.method})"
        if report is not None and report.generalisation.get(c.name):
            fate += f", generalised {report.generalisation[c.name]} more step(s) for k-anonymity"
        if report is not None and c.action not in ("drop", "encrypt", "hold") and c.name in report.undecided:
            fate = "dropped (no decision covered it)"
        out[c.name] = fate
    return out


def protect_open(
    input_parquet: Any, decision: DatasetDecision, out_path: Any, *, keys: KeyStore | None = None
) -> ProtectReport:
    """Write the open variant of ``input_parquet`` per ``decision`` (atomically)."""
    report, _ = protect(input_parquet, decision, out_path, keys=keys)
    assert report is not None
    return report


def share_variants(
    input_parquet: Any, decision: DatasetDecision, dataset: Dataset, paths: RunPaths, keys: KeyStore
) -> list[ShareReport]:
    """One shared variant per ``Share`` in the dataset's sharing scope (one scan for all)."""
    return protect(input_parquet, decision, None, dataset=dataset, paths=paths, keys=keys)[1]
