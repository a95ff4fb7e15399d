"""Reliability suite summary (issue 7): runs ``pytest tests/reliability`` and prints one row per
category — cases tried, handled, clear-error failures, failed tests, rows lost, leaks — then

    BENCH reliability cases=<n> handled=<n> lost=<n> leaks=<n>

``--heavy`` adds the heavy cases (1e7 rows, the 24-kill crash loop) via ``PUBDATA_HEAVY=1``.
Each case writes its outcome as a JSON line (tests/reliability/conftest.py); lost and leaks are
counted by the cases' own checks, not assumed. Exit status 1 when a case failed, a row was lost
or a leak was found.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--heavy", action="store_true", help="include the heavy cases (PUBDATA_HEAVY=1)")
    ap.add_argument("-k", default=None, help="pytest -k expression (a subset of the cases)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pubdata-reliability-") as tmp:
        report = Path(tmp) / "cases.jsonl"
        env = {**os.environ, "PUBDATA_RELIABILITY_REPORT": str(report)}
        if args.heavy:
            env["PUBDATA_HEAVY"] = "1"
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/reliability"]
        if args.k:
            cmd += ["-k", args.k]
        started = time.monotonic()
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - started
        cases = (
            [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()] if report.exists() else []
        )
    tail = proc.stdout.strip().splitlines()[-1:] if proc.stdout.strip() else []
    ran = [c for c in cases if not c["skipped"]]
    by_cat: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in ran:
        row = by_cat[c["category"]]
        row["tried"] += 1
        ok = c["passed"]
        row["handled"] += ok and c["outcome"] == "handled"
        row["clear_error"] += ok and c["outcome"] == "clear_error"
        row["failed"] += not ok
        row["lost"] += c["lost"]
        row["leaks"] += c["leaks"]
    cols = ("tried", "handled", "clear_error", "failed", "lost", "leaks")
    width = max([len(k) for k in by_cat] + [8])
    print(f"{'category':<{width}}  " + "  ".join(f"{c:>11}" for c in cols))
    total: defaultdict[str, int] = defaultdict(int)
    for cat in sorted(by_cat):
        print(f"{cat:<{width}}  " + "  ".join(f"{by_cat[cat][c]:>11}" for c in cols))
        for c in cols:
            total[c] += by_cat[cat][c]
    print(f"{'total':<{width}}  " + "  ".join(f"{total[c]:>11}" for c in cols))
    skipped = sum(1 for c in cases if c["skipped"])
    print(f"({skipped} heavy case(s) skipped; pytest: {' '.join(tail)}; {seconds:.0f} s)")
    for c in ran:
        if not c["passed"]:
            print(f"FAILED {c['id']}: {c['detail']}")
    if proc.returncode not in (0, 5) and not cases:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
    print(
        f"BENCH reliability cases={total['tried']} handled={total['handled']} "
        f"lost={total['lost']} leaks={total['leaks']}"
    )
    bad = proc.returncode != 0 or total["failed"] or total["lost"] or total["leaks"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
