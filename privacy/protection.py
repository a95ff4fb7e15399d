"""Protection entry points for the pipeline: policy, open variant, shared variants, leak gate.

The pipeline calls, per dataset version::

    policy = load_policy()
    decision = decide(department, dataset, classification.columns, policy)
    report, shares = protect(paths.valid, decision, paths.protected,      # unless withheld
                             dataset=dataset, paths=paths, keys=KeyStore())
    leak_gate(paths.protected, decision, dataset_label=f"{dept}.{ds}")    # before publishing

Decision rules are documented in :mod:`privacy.policy` and ``policy/README.md``.
:func:`protect` writes the open variant and every shared variant from one scan of the input
(:mod:`privacy.variants`: masking, generalisation, keyed pseudonyms, encryption; k-anonymity on
tables about people is checked on classes counted during that scan, and the open file is
rewritten once only when k is not met); :func:`protect_open` and :func:`share_variants` are the
same with only the open, or only the shared, variants.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from core import PrivacyError
from privacy.deid import build_plan, new_context
from privacy.kanon import QuasiIdentifier
from privacy.keys import KeyStore
from privacy.leakgate import leak_gate
from privacy.policy import ColumnDecision, DatasetDecision, Policy, decide, load_policy
from privacy.share import ShareReport, share_spec
from privacy.variants import KAnonSpec, Variant, write_variants
from warehouse import storage
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset

__all__ = [
    "ColumnDecision",
    "DatasetDecision",
    "KeyStore",
    "Policy",
    "ProtectReport",
    "ShareReport",
    "column_fates",
    "decide",
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
    #: generalisation steps added by k-anonymity, per quasi-identifier
    generalisation: dict[str, int] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    #: input columns no decision covered (dropped, fail closed)
    undecided: list[str] = field(default_factory=list)

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
    if out_path is not None:
        if decision.open_tier == "withheld":
            raise PrivacyError(f"dataset {label} is withheld by rule {decision.rule_id}: no open variant")
        need_key = any(c.action == "pseudonymise" for c in decision.columns)
        key = keys.public_pseudonym_key() if need_key else None
        plan = build_plan(decision, schema, pseudonym_key=key, ctx=ctx)
        if not plan.outputs:
            raise PrivacyError(f"dataset {label}: every column is dropped; nothing to publish")
        types = {f.name: f.type for f in schema}
        out_names = {o.name for o in plan.outputs}
        qis = [
            QuasiIdentifier(
                n,
                col.method if (col := decision.column(n)) else None,
                types[n],
                decision.age_band_width,
            )
            for n in decision.quasi_identifiers
            if n in out_names
        ]
        kanon = (
            KAnonSpec(qis, decision.k_threshold, decision.max_suppression) if decision.about_people and qis else None
        )
        variants.append(Variant(plan, out_path, pseudonym_key=key, kanon=kanon))
    shares: list[ShareReport] = []
    written_shares: list[tuple[ShareReport, Variant]] = []
    if dataset is not None and dataset.sharing:
        assert paths is not None, "shared variants need the run's paths"
        for share in dataset.sharing:
            rep, var = share_spec(schema, decision, share, paths.shared(share.department, share.purpose), keys, ctx)
            shares.append(rep)
            if var is not None:
                written_shares.append((rep, var))
                variants.append(var)
    if variants:
        write_variants(input_parquet, ctx, variants)
    for rep, var in written_shares:
        rep.rows = var.rows
    if out_path is not None:
        v = variants[0]
        kres = v.kanon.result if v.kanon else None
        report = ProtectReport(
            rows_in=footer.metadata.num_rows,
            rows_out=v.rows,
            suppressed_rows=kres.suppressed_rows if kres else 0,
            k_achieved=kres.k_achieved if kres else None,
            k_threshold=decision.k_threshold if kres else None,
            quasi_identifiers=[q.name for q in v.kanon.qis] if kres and v.kanon else [],
            generalisation=kres.levels if kres else {},
            columns=[o.name for o in v.plan.outputs],
            dropped=v.plan.dropped,
            undecided=v.plan.undecided,
        )
    return report, shares


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
