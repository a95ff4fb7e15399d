"""Property-based fuzzing of every documented operation with schemathesis (a real server).

Checks: no 5xx on any generated input, responses use documented content types, and endpoints
that require a token refuse requests without one (``ignored_auth``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.cli
def test_schemathesis_finds_no_server_error_content_type_or_auth_bypass(portal, tmp_path: Path) -> None:
    st = Path(sys.executable).with_name("schemathesis")
    out = subprocess.run(
        [
            str(st),
            "run",
            f"{portal.url}/openapi.json",
            "--checks",
            "not_a_server_error,content_type_conformance,ignored_auth",
            "--max-examples",
            "15",
            "--request-timeout",
            "30",
            "--seed",
            "20261121",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    tail = out.stdout[-3000:]
    assert out.returncode == 0, tail
    counts = re.search(r"(\d+) generated, (\d+) passed", tail)
    assert counts and counts.group(1) == counts.group(2) and int(counts.group(1)) > 100, tail
