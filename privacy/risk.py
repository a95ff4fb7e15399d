"""The risk report of a release about people (GB/T 42460-2023 重标识风险评估; ARX / Google DLP
risk analyses), measured in DuckDB on the class table. It holds counts and levels, never a value.

* **k achieved**: the smallest equivalence class over the quasi-identifiers of the records kept;
* **prosecutor risk** of a record = 1 / size of its class: the highest (1/k achieved) and the
  average (= classes / records); **records at risk**: records whose risk exceeds 1/k;
* the same figures **before** treatment (at the release's lowest levels, nothing suppressed);
* **l achieved** per published sensitive attribute (fewest distinct values in any class);
* the **level** each quasi-identifier was generalised to, the **suppressed** records, and the
  **information lost**: share suppressed, granularity kept per quasi-identifier
  (1 − level / height), and the loss the search minimised.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from core.sql import scalar
from privacy.hierarchy import Hierarchy

__all__ = ["CLASS_BUCKETS", "RiskReport", "measure"]

#: class-size buckets of the chart (lower bound, upper bound or None)
CLASS_BUCKETS: tuple[tuple[int, int | None], ...] = ((1, 1), (2, 4), (5, 9), (10, 19), (20, 49), (50, 99), (100, None))


@dataclass
class RiskReport:
    k_threshold: int
    l_threshold: int
    max_suppression: float
    rows_in: int
    rows_out: int
    suppressed_rows: int
    suppressed_share: float
    k_achieved: int | None
    classes: int
    max_risk: float | None
    avg_risk: float | None
    records_at_risk: int
    #: 1 / k: a record is at risk above it
    risk_threshold: float
    #: the same measures before treatment (lowest levels, nothing suppressed)
    before: dict[str, Any]
    quasi_identifiers: list[dict[str, Any]]
    sensitive_attributes: list[dict[str, Any]]
    #: sensitive attributes withheld (l can never be met)
    withheld_attributes: list[str]
    #: precision · (1 − s) + s, 0 = nothing lost, 1 = everything
    information_loss: float
    class_sizes: list[dict[str, Any]]
    class_sizes_before: list[dict[str, Any]]
    #: the targets were met within the allowed suppression
    met: bool
    reason: str = ""
    reason_zh: str = ""
    search: dict[str, Any] = field(default_factory=dict)
    kind: str = "anonymisation"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _sizes(con: duckdb.DuckDBPyConnection, classes_sql: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Summary (k, risks) and the class-size histogram of a table of classes (column ``n``)."""
    buckets = ", ".join(
        f"count(*) FILTER (WHERE n >= {lo}{f' AND n <= {hi}' if hi else ''}), "
        f"coalesce(sum(n) FILTER (WHERE n >= {lo}{f' AND n <= {hi}' if hi else ''}), 0)"
        for lo, hi in CLASS_BUCKETS
    )
    row = con.execute(f"SELECT min(n), count(*), coalesce(sum(n), 0), {buckets} FROM ({classes_sql})").fetchone()
    assert row is not None
    kmin, classes, rows = row[0], int(row[1]), int(row[2])
    hist = [
        {
            "label": f"{lo}" if lo == hi else (f"{lo}-{hi}" if hi else f"≥{lo}"),
            "classes": int(row[3 + 2 * i]),
            "rows": int(row[4 + 2 * i]),
        }
        for i, (lo, hi) in enumerate(CLASS_BUCKETS)
    ]
    summary = {
        "k": int(kmin) if kmin is not None else None,
        "classes": classes,
        "rows": rows,
        "max_risk": round(1 / kmin, 6) if kmin else None,
        "avg_risk": round(classes / rows, 6) if rows else None,
    }
    return summary, hist


def measure(
    con: duckdb.DuckDBPyConnection,
    *,
    kept_sql: str,
    before_sql: str,
    qis: list[tuple[str, Hierarchy, int]],
    sas: list[tuple[str, Hierarchy | None, int, str]],
    withheld: list[str],
    targets: tuple[int, int, float],
    rows: int,
    suppressed: int,
    precision: float,
    met: bool,
    search: dict[str, Any],
) -> RiskReport:
    """The report of the chosen node: ``kept_sql`` = its classes kept, ``before_sql`` = the
    classes at the lowest levels (tables or queries, keyed by the quasi-identifiers, with size
    ``n`` and the distinct sensitive values ``l<j>``)."""
    k, l_target, max_supp = targets
    after, hist = _sizes(con, kept_sql)
    b, hist_before = _sizes(con, before_sql)
    at_risk_before = scalar(con, f"SELECT coalesce(sum(n), 0) FROM ({before_sql}) WHERE n < {int(k)}")
    ls = {}
    if sas:
        row = con.execute(f"SELECT {', '.join(f'min({col})' for _, _, _, col in sas)} FROM ({kept_sql})").fetchone()
        ls = {name: (int(v) if v is not None else None) for (name, _, _, _), v in zip(sas, row or ())}
    share = suppressed / rows if rows else 0.0
    report = RiskReport(
        k_threshold=k,
        l_threshold=l_target,
        max_suppression=max_supp,
        rows_in=rows,
        rows_out=rows - suppressed,
        suppressed_rows=suppressed,
        suppressed_share=round(share, 6),
        k_achieved=after["k"],
        classes=after["classes"],
        max_risk=after["max_risk"],
        avg_risk=after["avg_risk"],
        records_at_risk=int(scalar(con, f"SELECT coalesce(sum(n), 0) FROM ({kept_sql}) WHERE n < {int(k)}")),
        risk_threshold=round(1 / k, 6),
        before={**b, "records_at_risk": int(at_risk_before)},
        quasi_identifiers=[
            {
                "name": name,
                "hierarchy": h.name,
                "level": lv,
                "level_name": h.level_name(lv),
                "height": h.height,
                "granularity": round(1 - lv / h.height, 4) if h.height else 1.0,
            }
            for name, h, lv in qis
        ],
        sensitive_attributes=[
            {
                "name": name,
                "hierarchy": h.name if h else None,
                "level_name": h.level_name(lv) if h else None,
                "l_achieved": ls.get(name),
            }
            for name, h, lv, _ in sas
        ],
        withheld_attributes=list(withheld),
        information_loss=round(precision * (1 - share) + share, 6),
        class_sizes=hist,
        class_sizes_before=hist_before,
        met=met,
        search=search,
    )
    if not met:
        need = f"{share:.1%}" if rows else "all records"
        if rows < k:
            report.reason = f"{rows} records: fewer than k={k}, no release can be {k}-anonymous"
            report.reason_zh = f"记录数 {rows} 少于 k={k}，任何发布都无法达到 {k}-匿名"
        else:
            report.reason = (
                f"k={k} and l={l_target} cannot be met by suppressing at most {max_supp:.0%} of records "
                f"(the least-loss release needs {need} suppressed)"
            )
            report.reason_zh = (
                f"在最多抑制 {max_supp:.0%} 记录的条件下无法达到 k={k}、ℓ={l_target}（信息损失最小的方案需抑制 {need}）"
            )
    return report
