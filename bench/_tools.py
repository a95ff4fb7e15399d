"""Tool environments of the benchmarks and tests: a peer or checker whose pins clash with the
runtime lock (Datasette, pycanon) gets its own virtualenv, built with uv from a committed lock into
``.pubdata/tools/<name>-<lock digest>/`` on first use and reused while the lock is unchanged."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: uv's words for a package registry it cannot reach
_OFFLINE = (
    "failed to fetch",
    "dns error",
    "connection refused",
    "network is unreachable",
    "error sending request",
    "could not connect",
    "timed out",
    "name or service not known",
    "temporary failure in name resolution",
)


class ToolUnavailable(Exception):
    """The tool environment could not be built; ``offline`` when the registry was unreachable."""

    def __init__(self, message: str, *, offline: bool) -> None:
        super().__init__(message)
        self.offline = offline


def tool_venv(name: str, lock: Path) -> Path:
    """The virtualenv of tool ``name`` synced from ``lock`` (built when missing or stale)."""
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:12]
    venv = REPO / ".pubdata" / "tools" / f"{name}-{digest}"
    if (venv / ".complete").is_file():
        return venv
    uv = Path(sys.executable).with_name("uv")
    if not uv.is_file():
        uv = Path(shutil.which("uv") or "uv")
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    for cmd in (
        [str(uv), "venv", "-q", "--python", sys.executable, str(venv)],
        [str(uv), "pip", "sync", "-q", "--python", str(venv / "bin" / "python"), str(lock)],
    ):
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            err = done.stderr.strip()
            raise ToolUnavailable(
                f"{' '.join(cmd[:3])} failed: {err[-300:]}", offline=any(s in err.lower() for s in _OFFLINE)
            )
    (venv / ".complete").write_text(digest)
    return venv
