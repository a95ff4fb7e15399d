"""Dev-time script: vendor the Data Docs CDN assets from the npm registry into ``vendor/``.

Run once (needs ``npm`` and the registry; nothing here runs in the pipeline)::

    .venv/bin/python quality/assets/vendor_assets.py

It packs the exact versions Great Expectations 1.24's Data Docs templates reference
(``great_expectations/render/view/templates/{js_script_imports,page,index_page}.j2``), copies
only the files the pages load, and writes ``vendor/MANIFEST.json`` mapping every CDN URL to its
local file (used by :mod:`quality.docs` to rewrite the built HTML). ``vega@5`` / ``vega-lite@5`` /
``vega-embed@6`` on jsDelivr resolve to the newest release of that major: pinned below.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "vendor"

# package@version -> {file inside the package: [CDN URLs it replaces]}
PACKAGES: dict[str, dict[str, list[str]]] = {
    "jquery@3.7.1": {"dist/jquery.min.js": ["https://code.jquery.com/jquery-3.7.1.min.js"]},
    "popper.js@1.12.9": {
        "dist/umd/popper.min.js": ["https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js"]
    },
    "bootstrap@4.3.1": {
        "dist/js/bootstrap.min.js": ["https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js"],
        "dist/css/bootstrap.min.css": ["https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"],
    },
    "bootstrap-table@1.19.1": {
        "dist/bootstrap-table.min.js": ["https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js"],
        "dist/bootstrap-table.min.css": ["https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css"],
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.js": [
            "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js"
        ],
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.css": [
            "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
            "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css",
        ],
    },
    "bootstrap-datepicker@1.9.0": {
        "dist/js/bootstrap-datepicker.min.js": [
            "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js"
        ],
        "dist/css/bootstrap-datepicker.min.css": [
            "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css"
        ],
    },
    "@forevolve/bootstrap-dark@1.1.0": {
        "dist/css/bootstrap-prefers-dark.min.css": [
            "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css"
        ]
    },
    "@fortawesome/fontawesome-free@6.6.0": {
        "css/all.min.css": ["https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css"],
        "webfonts/fa-solid-900.woff2": [],
        "webfonts/fa-regular-400.woff2": [],
        "webfonts/fa-brands-400.woff2": [],
        "webfonts/fa-v4compatibility.woff2": [],
    },
    "vega@5.33.1": {"build/vega.min.js": ["https://cdn.jsdelivr.net/npm/vega@5"]},
    "vega-lite@5.23.0": {"build/vega-lite.min.js": ["https://cdn.jsdelivr.net/npm/vega-lite@5"]},
    "vega-embed@6.29.0": {"build/vega-embed.min.js": ["https://cdn.jsdelivr.net/npm/vega-embed@6"]},
}


def local_dir(spec: str) -> str:
    """``@fortawesome/fontawesome-free@6.6.0`` -> ``fontawesome-free-6.6.0``."""
    name, _, version = spec.rpartition("@")
    return f"{name.rsplit('/', 1)[-1]}-{version}"


def main() -> None:
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    urls: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for spec, files in PACKAGES.items():
            out = (
                subprocess.run(
                    ["npm", "pack", spec, "--silent", "--pack-destination", tmp],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            with tarfile.open(Path(tmp) / out) as tar:
                for inner, cdn_urls in files.items():
                    member = tar.extractfile(f"package/{inner}")
                    assert member is not None, (spec, inner)
                    dest = VENDOR / local_dir(spec) / inner
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(member.read())
                    for url in cdn_urls:
                        urls[url] = f"{local_dir(spec)}/{inner}"
    (VENDOR / "MANIFEST.json").write_text(
        json.dumps({"packages": sorted(PACKAGES), "urls": urls}, indent=1, sort_keys=True) + "\n"
    )
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    print(f"vendored {len(urls)} URLs, {total / 1e6:.2f} MB into {VENDOR}")


if __name__ == "__main__":
    main()
