"""Data officers' review of column classifications, stored in the catalog.

Resolution of one column's final classification, most authoritative first:

1. An officer's review (``pubdata review``) wins, unless fresh detection now differs from what
   the detector said when the officer reviewed: then the column is flagged ``needs_review`` and
   the stricter of the two levels applies until someone looks again.
2. Otherwise the stricter of the detector's level and the manifest's declared ``privacy`` level
   (a manifest can raise a level, never lower the detector's finding).
3. A column the manifest does not declare is decided by the detector alone.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from catalog.store import connect, rows_as_dicts
from core import PrivacyError
from core.clock import utcnow
from privacy.types import LEVELS, ColumnClassification, stricter
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset

__all__ = ["add_review", "latest_classification", "latest_reviews", "resolve"]


def latest_reviews(department: str, dataset: str) -> dict[str, dict[str, Any]]:
    with connect() as con:
        rows = rows_as_dicts(
            con.execute(
                "SELECT * FROM reviews WHERE department_id = ? AND dataset_id = ? ORDER BY created_at",
                [department, dataset],
            )
        )
    return {r["column"]: r for r in rows}  # later rows win


def add_review(
    department: str, dataset: str, column: str, *, level: str, entity: str | None, reviewer: str, reason: str
) -> None:
    """Confirm or override a column. Stores what the detector last said, to spot later changes."""
    if level not in LEVELS:
        raise PrivacyError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if not reviewer.strip() or not reason.strip():
        raise PrivacyError("a review needs a reviewer and a reason", hint="pass --by and --reason")
    with connect() as con:
        last = con.execute(
            "SELECT detected_entity, detected_level FROM classifications WHERE department_id = ? AND "
            'dataset_id = ? AND "column" = ? ORDER BY created_at DESC LIMIT 1',
            [department, dataset, column],
        ).fetchone()
        if last is None:
            raise PrivacyError(
                f"{department}.{dataset} has no classified column {column!r}",
                hint="run the dataset once, then review its columns (pubdata review --list)",
            )
        con.execute(
            "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                department,
                dataset,
                column,
                entity,
                level,
                reviewer,
                reason,
                last[0],
                last[1],
                utcnow(),
            ],
        )


def resolve(
    paths: RunPaths, run_id: str, ds: Dataset, detected: list[ColumnClassification]
) -> list[ColumnClassification]:
    reviews = latest_reviews(paths.department, paths.dataset)
    final: list[ColumnClassification] = []
    for det in detected:
        declared = ds.column(det.name)
        review = reviews.get(det.name)
        if review is not None:
            changed = (det.level, det.entity) != (review["detected_level"], review["detected_entity"])
            level = stricter(review["level"], det.level) if changed else review["level"]
            note = f"officer {review['reviewer']}: {review['reason']}"
            if changed:
                note += f"; detector now says {det.level}/{det.entity}: needs re-review"
            col = replace(
                det,
                level=level,
                entity=review["entity"] if not changed else (det.entity or review["entity"]),
                source="override",
                needs_review=changed,
                evidence=[*det.evidence, note],
            )
        elif declared is not None and declared.privacy is not None:
            level = stricter(declared.privacy, det.level)
            from_manifest = level == declared.privacy and (declared.entity or level != det.level)
            col = (
                det
                if not from_manifest
                else replace(
                    det,
                    level=level,
                    entity=declared.entity or det.entity,
                    source="declared",
                    evidence=[
                        *det.evidence,
                        f"manifest declares {declared.privacy}" + (f" ({declared.entity})" if declared.entity else ""),
                    ],
                )
            )
        else:
            col = det
        final.append(col)
    now = utcnow()
    with connect() as con:
        con.execute("BEGIN")
        con.execute(
            "DELETE FROM classifications WHERE department_id = ? AND dataset_id = ? AND run_id = ?",
            [paths.department, paths.dataset, run_id],
        )
        for det, col in zip(detected, final):
            con.execute(
                "INSERT INTO classifications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    paths.department,
                    paths.dataset,
                    run_id,
                    col.name,
                    col.entity,
                    col.level,
                    col.confidence,
                    json.dumps(col.evidence, ensure_ascii=False),
                    col.source,
                    det.entity,
                    det.level,
                    col.needs_review,
                    now,
                ],
            )
        con.execute("COMMIT")
    return final


def latest_classification(department: str, dataset: str) -> list[dict[str, Any]]:
    """The columns of the dataset's latest classification (one row per column)."""
    with connect(read_only=True) as con:
        return rows_as_dicts(
            con.execute(
                'SELECT "column", entity, level, confidence, source, needs_review, evidence_json FROM classifications '
                "WHERE department_id = ? AND dataset_id = ? AND run_id = (SELECT run_id FROM classifications "
                "WHERE department_id = ? AND dataset_id = ? ORDER BY created_at DESC LIMIT 1)",
                [department, dataset, department, dataset],
            )
        )
