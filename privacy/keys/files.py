"""Secret files: 0600, written atomically (or only if absent), shredded when destroyed; base64
helpers for the JSON documents that hold wrapped keys."""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import Any

from core import ConfigError
from core.clock import utcnow_iso

__all__ = ["b64", "now", "read_json", "shred", "unb64", "write_json", "write_secret"]


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"))


def now() -> str:
    """A timestamp for key documents (UTC, seconds)."""
    return utcnow_iso()


def write_secret(path: Path, data: bytes, *, exclusive: bool = False) -> bool:
    """Write a 0600 file atomically. ``exclusive``: only if absent (returns False if it exists)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if exclusive:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return True
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return True


def shred(path: Path) -> None:
    """Overwrite then unlink (best effort on copy-on-write or journaled file systems)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as f:
            f.write(secrets.token_bytes(size))
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON document of the key store (None if absent)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise ConfigError(f"key file {path} is unreadable or corrupt") from None


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write a JSON document of the key store (0600, atomically)."""
    write_secret(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
