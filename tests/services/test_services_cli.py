"""``pubdata demands`` and ``pubdata query``: the same flow from the command line (each call is a
process of its own: few calls, the rules themselves are tested through the API)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from services_support import DATASET, Services


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.cli
def test_file_answer_query_revoke_from_the_cli(services_home: Services) -> None:
    filed = _cli(
        "demands",
        "file",
        "transport",
        "--dataset",
        DATASET,
        "--fields",
        "division_code,subsidy_type,amount",
        "--services",
        "query",
        "--purpose",
        "route_subsidy",
        "--legal-basis",
        "《城市公共交通条例》第十条（示例）",
    )
    assert filed.returncode == 0, filed.stderr
    found = re.search(r"(dm_[0-9a-f]{10})", filed.stdout)
    assert found, filed.stdout
    demand_id = found.group(1)
    assert "civil_affairs answers with" in filed.stdout
    answered = _cli("demands", "answer", demand_id, "--by", "civil_affairs", "--grant", "--epsilon", "4")
    assert answered.returncode == 0, answered.stderr
    found = re.search(r"(gr_[0-9a-f]{10})", answered.stdout)
    assert found, answered.stdout
    grant_id = found.group(1)
    q = _cli(
        "query",
        DATASET,
        "--as",
        "transport",
        "--group-by",
        "subsidy_type",
        "--agg",
        "count",
        "--agg",
        "avg:amount:0:3000",
        "--filter",
        "amount>=100",
    )
    assert q.returncode == 0, q.stderr
    header, *rows = q.stdout.strip().splitlines()
    assert header.split("\t") == ["subsidy_type", "count", "avg(amount)"] and len(rows) == 4
    assert "budget ε 1 of 4 spent" in q.stderr
    listed = _cli("demands", "list", "--department", "transport")
    assert demand_id in listed.stdout and "granted" in listed.stdout and grant_id in listed.stdout
    assert _cli("demands", "revoke", grant_id, "--by", "civil_affairs").returncode == 0
    after = _cli("query", DATASET, "--as", "transport", "--group-by", "subsidy_type")
    assert after.returncode == 2 and "no grant in force" in after.stderr
