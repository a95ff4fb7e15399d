"""Fixtures of the harvest tests: the shared replay server of recorded real catalogs
(``../shared/harvest_fixtures/serve.py``, run as a subprocess on a free port, with its request log)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def fixtures_dir() -> Path | None:
    """``../shared/harvest_fixtures`` next to the repo (or next to the main checkout of a worktree)."""
    candidates = [REPO.parent / "shared" / "harvest_fixtures"]
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        if common:
            candidates.append(Path(common).parent.parent / "shared" / "harvest_fixtures")
    except (OSError, subprocess.SubprocessError):
        pass
    return next((c for c in candidates if (c / "serve.py").is_file()), None)


class ReplayServer:
    """The replay server of recorded CKAN portals and DCAT catalogs, in a subprocess."""

    def __init__(self, folder: Path, log: Path) -> None:
        self.folder = folder
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, str(folder / "serve.py"), "--port", "0", "--log", str(log)],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        if not line.startswith("READY"):
            self.proc.kill()
            raise RuntimeError(f"replay server did not start: {line!r}")
        self.port = int(line.split()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))

    def scenario(self, name: str) -> None:
        with urllib.request.urlopen(f"{self.url}/__fixture/scenario?set={name}", timeout=10) as r:
            assert json.load(r)["scenario"] == name

    def requests(self) -> list[dict]:
        """Requests logged since the last :meth:`clear` (fixture control requests left out)."""
        if not self.log.exists():
            return []
        rows = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [r for r in rows if not r["path"].startswith("/__fixture/")]

    def clear(self) -> None:
        self.log.write_text("", encoding="utf-8")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def replay(tmp_path: Path) -> Iterator[ReplayServer]:
    folder = fixtures_dir()
    if folder is None:
        pytest.skip("../shared/harvest_fixtures (the replay server of recorded catalogs) is not on this machine")
    server = ReplayServer(folder, tmp_path / "requests.jsonl")
    try:
        yield server
    finally:
        server.close()
