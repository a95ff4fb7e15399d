"""An independent check: pycanon (a maintained anonymity-metrics library, CSIC) recomputes k and l
on every published demo release about people from its quasi-identifiers and sensitive attributes,
and must agree with the risk report recorded in the catalog.

pycanon pins numpy 2.0.2 / pandas 2.3.3 exactly, so it lives in its own tools environment, built on
demand from the committed lock ``tests/tools/requirements-pycanon.lock`` (``uv venv`` + ``uv pip
sync``) under the git-ignored ``.pubdata/tools/`` and reused while the lock is unchanged. The test
skips only when the package registry cannot be reached (CI reaches it).
"""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bench._tools import ToolUnavailable, tool_venv

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "tests" / "tools"
LOCK = TOOLS / "requirements-pycanon.lock"


@pytest.fixture(scope="session")
def pycanon_python() -> Path:
    try:
        return tool_venv("pycanon", LOCK) / "bin" / "python"
    except ToolUnavailable as exc:
        if exc.offline:
            pytest.skip(f"the package registry is unreachable, pycanon cannot be installed: {str(exc)[:200]}")
        raise AssertionError(f"building the pycanon tools environment failed: {exc}") from None


def _export(parquet: Path, columns: list[str], out: Path) -> None:
    """The release's QI and SA columns as CSV text, a suppressed (NULL) value as ``*``."""
    table = pq.read_table(parquet, columns=columns)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for row in zip(*(table.column(c).to_pylist() for c in columns)):
            w.writerow(["*" if v is None else str(v) for v in row])


def test_pycanon_agrees_with_every_recorded_report(in_demo_home: Path, pycanon_python: Path, tmp_path: Path) -> None:
    from catalog.queries import list_datasets
    from catalog.risk import release_risk

    checked = []
    for d in list_datasets(published_only=True):
        report = release_risk(d["department_id"], d["dataset_id"], d["version"])
        if report is None or report["kind"] != "anonymisation":
            continue
        path = in_demo_home / d["path"]
        names = set(pq.read_schema(path).names)
        qis = [q["name"] for q in report["quasi_identifiers"] if q["name"] in names]
        sas = [s["name"] for s in report["sensitive_attributes"]]
        assert set(sas) <= names
        if report["rows_out"] == 0 or not (qis or sas):  # nothing published to group people by
            continue
        csv_path = tmp_path / f"{d['department_id']}.{d['dataset_id']}.csv"
        _export(path, qis + sas, csv_path)
        done = subprocess.run(
            [str(pycanon_python), str(TOOLS / "pycanon_check.py"), str(csv_path), json.dumps({"qis": qis, "sas": sas})],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        got = json.loads(done.stdout)
        label = f"{d['department_id']}.{d['dataset_id']} v{d['version']}"
        assert got["k"] == report["k_achieved"], label
        assert got["k"] >= report["k_threshold"] or not report["met"], label
        for s in report["sensitive_attributes"]:
            assert got["l"][s["name"]] == s["l_achieved"] >= report["l_threshold"], (label, s["name"])
        checked.append(label)
    # the demo's releases about people: subsidy recipients, clinic visits, the enterprise register
    # the demo's person-level releases with something to group people by (the enterprise register
    # keeps none of its persons' columns since issue 12/13)
    assert len(checked) >= 2, checked
