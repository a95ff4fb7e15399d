"""Make a Great Expectations Data Docs site work with no internet.

GX 1.24's pages load jQuery, popper, Bootstrap 4.3.1, bootstrap-table, bootstrap-datepicker,
bootstrap-dark, Vega/Vega-Lite/Vega-Embed and Font Awesome 6.6.0 from public CDNs and the logo
from S3. The same versions are vendored in ``quality/assets/vendor`` (from the npm registry by
``quality/assets/vendor_assets.py``; ``vendor/MANIFEST.json`` maps each CDN URL to its file).
After every build, :func:`make_offline` copies them to ``<site>/static/vendor/`` and rewrites
every HTML and CSS file of the site to relative local URLs (SRI/crossorigin attributes are
dropped: they make file:// loads fail); the S3 logo becomes GX's own ``static/images`` copy.
Idempotent; only files that still reference a remote asset are rewritten.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
from pathlib import Path

__all__ = ["VENDOR_DIR", "make_offline", "remote_asset_refs"]

VENDOR_DIR = Path(__file__).resolve().parent / "assets" / "vendor"
_S3 = re.compile(
    r"https://great-expectations-web-assets\.s3\.[a-z0-9-]+\.amazonaws\.com/([A-Za-z0-9_.-]+)(\?[^\"')\s]*)?"
)
_SRI = re.compile(r'\s+(?:integrity="[^"]*"|crossorigin="[^"]*")')
#: resource-loading references (not plain links) to a remote host
_REMOTE_REF = re.compile(
    r"""(?:<script[^>]*\ssrc=|<link[^>]*\shref=|<img[^>]*\ssrc=|url\()\s*["']?(https?:)?//""", re.I
)


@functools.cache
def _url_map() -> dict[str, str]:
    return json.loads((VENDOR_DIR / "MANIFEST.json").read_text())["urls"]


def _copy_vendor(site: Path) -> Path:
    dest = site / "static" / "vendor"
    stamp = _stamp(dest)
    if stamp is not None and _VENDORED.get(dest) == stamp:
        return dest  # copied by this process and untouched since
    for src in VENDOR_DIR.rglob("*"):
        if src.is_file() and src.name != "MANIFEST.json":
            target = dest / src.relative_to(VENDOR_DIR)
            if not target.exists() or target.stat().st_size != src.stat().st_size:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, target)
    _VENDORED[dest] = _stamp(dest)
    return dest


#: per process: vendor folders already complete, and pages already offline, with the stamp
#: (modification time, size) they had then; a page or folder whose stamp changed is looked at again.
#: Without them every build read every page of the site (the site grows by a page per run).
_VENDORED: dict[Path, tuple[int, int] | None] = {}
_OFFLINE: dict[Path, tuple[int, int] | None] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _rewrite(text: str, file: Path, site: Path) -> str:
    vendor = site / "static" / "vendor"
    images = site / "static" / "images"
    # longest URLs first so that a prefix never shadows a longer one
    for url in sorted(_url_map(), key=len, reverse=True):
        if url in text:
            local = Path(os.path.relpath(vendor / _url_map()[url], file.parent)).as_posix()
            text = re.sub(re.escape(url) + r'(?=["\'])', local, text)

    def logo(m: re.Match[str]) -> str:
        name = m.group(1)
        target = images / name if (images / name).exists() else images / "logo-long.png"
        return Path(os.path.relpath(target, file.parent)).as_posix()

    text = _S3.sub(logo, text)
    return _SRI.sub("", text)


def make_offline(site: str | Path) -> list[Path]:
    """Vendor the assets into ``site`` and rewrite its pages; returns the files rewritten."""
    site = Path(site)
    if not site.is_dir():
        return []
    _copy_vendor(site)
    changed: list[Path] = []
    for file in list(site.rglob("*.html")) + list((site / "static").rglob("*.css")):
        if file.is_relative_to(site / "static" / "vendor"):
            continue
        stamp = _stamp(file)
        if stamp is not None and _OFFLINE.get(file) == stamp:
            continue
        text = file.read_text(encoding="utf-8")
        if "https://" in text or "http://" in text:
            new = _rewrite(text, file, site)
            if new != text:
                file.write_text(new, encoding="utf-8")
                changed.append(file)
                stamp = _stamp(file)
        _OFFLINE[file] = stamp
    return changed


def remote_asset_refs(site: str | Path) -> dict[str, list[str]]:
    """Files of a site that still load something from a remote host (should be empty)."""
    site = Path(site)
    found: dict[str, list[str]] = {}
    for file in list(site.rglob("*.html")) + list(site.rglob("*.css")):
        if file.is_relative_to(site / "static" / "vendor"):
            continue
        hits = [m.group(0)[:120] for m in _REMOTE_REF.finditer(file.read_text(encoding="utf-8"))]
        if hits:
            found[str(file.relative_to(site))] = hits
    return found
