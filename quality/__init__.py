"""Data standards and validation (issue 5).

Public API::

    from quality import validate_dataset, ValidationReport, standards, build_suite

    report = validate_dataset(raw_path, dataset, paths, redact_columns={"phone"},
                              previous_columns={"id": "integer"}, last_published_at=None,
                              build_docs=True)
    report.success, report.score, report.valid_rows, report.quarantined_rows
    report.raise_for_gate()          # QualityGateError when a critical rule failed
    report.to_summary()              # small, value-free dict for XCom

- :mod:`quality.standards` - the data elements (``standards.STANDARDS[name]``).
- :mod:`quality.suite` - rule ids, severities, duplicates policy, :func:`build_suite`.
- :mod:`quality.validate` - the pipeline step (DuckDB checks, GX validation, routing).
- :mod:`quality.score` - the 0-100 score formula.
- :mod:`quality.docs` - offline Data Docs (vendored CDN assets).

``with docs_batch(): ...`` around several validations builds their Data Docs pages and the index
once, at the end.

Importing this package is cheap: Great Expectations is imported on first validation.
"""

from __future__ import annotations

from quality import standards
from quality.report import ValidationReport
from quality.suite import build_suite
from quality.validate import docs_batch, validate_dataset

__all__ = ["ValidationReport", "build_suite", "docs_batch", "standards", "validate_dataset"]
