"""Importing Great Expectations leaves scipy.stats unexecuted (GX imports it at import time for
distribution expectations pubdata never uses; ~40 % of the import), and an expectation that does
use it still gets the real module on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gx


def test_gx_import_defers_scipy_stats_until_it_is_used() -> None:
    code = (
        "import sys\n"
        "from quality import _gx\n"
        "_gx.gx_module()\n"
        "print('scipy.stats._stats_py' in sys.modules)\n"
        "from great_expectations.expectations.core import expect_column_kl_divergence_to_be_less_than as kl\n"
        "print(round(float(kl.stats.entropy([0.5, 0.5], [0.25, 0.75])), 4))\n"
        "print('scipy.stats._stats_py' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-3:] == ["False", "0.1438", "True"]
