"""Data officers' review of column classifications, stored in the catalog.

Resolution of one column's final classification, most authoritative first:

1. An officer's review (``pubdata review``) wins, unless fresh detection now differs from what
   the detector said when the officer reviewed: then the column is flagged ``needs_review`` and
   the stricter of the two levels applies until someone looks again. A review releases a column
   held for review (``review``): the next run publishes it as the officer decided.
2. Otherwise the stricter of the detector's level and the manifest's declared ``privacy`` level
   (a manifest can raise a level, never lower the detector's finding). A column the manifest
   declares ``personal`` or ``sensitive`` is not held (its level is known); a declared ``none``
   does not release a held column (only an officer's review can lower a level).
3. A column the manifest does not declare is decided by the detector alone.

Columns held for review in a dataset's latest classification are its review queue
(:func:`review_queue`; ``pubdata review --pending``, the officers' section, the scorecard).
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

__all__ = [
    "add_review",
    "awaiting_review_by_department",
    "latest_classification",
    "latest_reviews",
    "record_classification",
    "resolve",
    "review_queue",
]


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
    paths: RunPaths,
    run_id: str,
    ds: Dataset,
    detected: list[ColumnClassification],
    *,
    reviews: dict[str, dict[str, Any]] | None = None,
    record: bool = True,
) -> list[ColumnClassification]:
    """The final classification of each column: the detector's, the manifest's declarations and
    the officers' reviews (``reviews``: :func:`latest_reviews` of the dataset, read now when None).
    ``record``: also write it to the catalog (:func:`record_classification`)."""
    if reviews is None:
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
                review=False,
                review_reason="",
                evidence=[*det.evidence, note],
            )
        elif det.review and declared is not None and declared.privacy in ("personal", "sensitive"):
            col = replace(
                det,
                level=declared.privacy,
                entity=declared.entity or det.entity,
                source="declared",
                review=False,
                review_reason="",
                evidence=[*det.evidence, f"manifest declares {declared.privacy}: not held"],
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
    if record:
        record_classification(paths, run_id, detected, final)
    return final


def record_classification(
    paths: RunPaths, run_id: str, detected: list[ColumnClassification], final: list[ColumnClassification]
) -> None:
    """The run's classification of each column (what the detector said and what :func:`resolve`
    made of it) and the columns held for an officer's review, replacing the run's earlier ones."""
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
        con.execute(
            "DELETE FROM held_columns WHERE department_id = ? AND dataset_id = ? AND run_id = ?",
            [paths.department, paths.dataset, run_id],
        )
        for col in final:
            if col.review:
                con.execute(
                    "INSERT INTO held_columns VALUES (?, ?, ?, ?, ?, ?)",
                    [paths.department, paths.dataset, run_id, col.name, col.review_reason, now],
                )
        con.execute("COMMIT")


def latest_classification(department: str, dataset: str) -> list[dict[str, Any]]:
    """The columns of the dataset's latest classification (one row per column); ``review`` is
    true for a column held for an officer's review (``review_reason`` says why)."""
    with connect(read_only=True) as con:
        return rows_as_dicts(
            con.execute(
                'SELECT c."column", c.entity, c.level, c.confidence, c.source, c.needs_review, '
                "h.reason IS NOT NULL AS review, h.reason AS review_reason, c.evidence_json "
                "FROM classifications c LEFT JOIN held_columns h ON h.department_id = c.department_id "
                'AND h.dataset_id = c.dataset_id AND h.run_id = c.run_id AND h."column" = c."column" '
                "WHERE c.department_id = ? AND c.dataset_id = ? AND c.run_id = (SELECT run_id FROM classifications "
                "WHERE department_id = ? AND dataset_id = ? ORDER BY created_at DESC LIMIT 1)",
                [department, dataset, department, dataset],
            )
        )


_QUEUE = """
WITH latest AS (
    SELECT department_id, dataset_id, arg_max(run_id, created_at) AS run_id
    FROM classifications GROUP BY department_id, dataset_id
)
SELECT h.department_id, h.dataset_id, d.title, h."column", h.reason, h.run_id, h.created_at AS held_at,
       (SELECT r.reviewer || ': ' || r.level FROM reviews r WHERE r.department_id = h.department_id
            AND r.dataset_id = h.dataset_id AND r."column" = h."column" AND r.created_at >= h.created_at
        ORDER BY r.created_at DESC LIMIT 1) AS reviewed
FROM held_columns h JOIN latest l USING (department_id, dataset_id, run_id)
LEFT JOIN datasets d ON d.department_id = h.department_id AND d.dataset_id = h.dataset_id
WHERE (? IS NULL OR h.department_id = ?) AND (? IS NULL OR h.dataset_id = ?)
ORDER BY h.department_id, h.dataset_id, h."column"
"""


def review_queue(department: str | None = None, dataset: str | None = None) -> list[dict[str, Any]]:
    """Columns held for review in each dataset's latest classification (oldest datasets first).
    ``reviewed`` is set when an officer has decided since (the next run applies it)."""
    with connect(read_only=True) as con:
        return rows_as_dicts(con.execute(_QUEUE, [department, department, dataset, dataset]))


def awaiting_review_by_department() -> dict[str, int]:
    """Per department: columns held for review and not yet decided by an officer."""
    out: dict[str, int] = {}
    for r in review_queue():
        if not r["reviewed"]:
            out[r["department_id"]] = out.get(r["department_id"], 0) + 1
    return out
