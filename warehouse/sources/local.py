"""Local file sources: paths and globs under ``PUBDATA_SOURCE_ROOTS`` only, copied to landing."""

from __future__ import annotations

import glob as _glob
import shutil
from pathlib import Path

from core import SourceError, get_setting

__all__ = ["copy_to_landing", "resolve_local", "source_roots", "within_source_roots"]


def source_roots() -> list[Path]:
    """The folders file sources may be read from (``PUBDATA_SOURCE_ROOTS``), symlinks resolved."""
    raw = get_setting("PUBDATA_SOURCE_ROOTS")
    return [Path(p).expanduser().resolve() for p in raw.split(":") if p]


def within_source_roots(path: Path) -> bool:
    """Whether ``path`` (symlinks resolved as far as they exist) lies under a source root."""
    real = path.expanduser().resolve()
    return any(real.is_relative_to(r) for r in source_roots())


def resolve_local(pattern: str) -> list[Path]:
    """Files matching a manifest path (or glob), refusing anything outside the source roots."""
    roots = source_roots()
    p = Path(pattern).expanduser()
    full = p if p.is_absolute() else roots[0] / p
    matches = sorted(Path(m) for m in _glob.glob(str(full))) if any(c in pattern for c in "*?[") else [full]
    files = []
    for m in matches:
        real = m.resolve()
        if not within_source_roots(real):
            raise SourceError(
                f"{pattern}: resolves outside the allowed source roots",
                hint="place the file under PUBDATA_SOURCE_ROOTS or add its folder there",
            )
        files.append(real)
    if not files or not files[0].exists():
        raise SourceError(
            f"{pattern}: no such file under {roots[0].name}/",
            hint="check the source path, or generate the demo data with `pubdata demo-data`",
        )
    return files


def copy_to_landing(files: list[Path], dest_dir: Path) -> list[Path]:
    dest_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for i, f in enumerate(files):
        target = dest_dir / (f"{i:03d}_" + f.name if len(files) > 1 else f.name)
        shutil.copyfile(f, target)
        out.append(target)
    return out
