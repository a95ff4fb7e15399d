"""Data Docs render offline: real headless Chromium, every non-local request fails the test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import CHROMIUM, CHROMIUM_ARGS


def _local(url: str) -> bool:
    return url.startswith(("file://", "data:", "about:", "blob:"))


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="apt-get install -y chromium")
def test_data_docs_render_offline_in_chromium(gx_warm, write_raw, run_paths, tmp_path):
    from playwright.sync_api import sync_playwright

    from quality import validate_dataset
    from quality.docs import remote_asset_refs
    from warehouse.manifest import Dataset

    ds = Dataset.model_validate(
        {
            "id": "licences",
            "title": "Licences",
            "source": {"type": "file", "path": "l.csv"},
            "primary_key": ["code"],
            "columns": [
                {"name": "code", "standard": "uscc"},
                {"name": "region", "standard": "division_code"},
                {"name": "contact", "standard": "cn_landline"},
                {"name": "fee", "type": "number", "standard": "amount"},
            ],
        }
    )
    paths = run_paths("licences")
    write_raw(
        paths,
        {
            "code": ["91350100M000100Y43", "91350100M000100Y44", "91350100M000100Y43"],
            "region": ["350100", "350100", "990000"],
            "contact": ["0591-87654321", "12", None],
            "fee": ["10", "-1", "x"],
        },
    )
    report = validate_dataset(paths.raw, ds, paths)
    site = Path(paths.data_docs)
    assert remote_asset_refs(site) == {}
    assert (site / "static" / "vendor" / "jquery-3.7.1" / "dist" / "jquery.min.js").is_file()

    assert report.docs_path is not None
    pages = [site / "index.html", Path(report.docs_path)]
    pages += sorted((site / "expectations").rglob("*.html"))
    remote: list[str] = []
    seen: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context()

        def guard(route):
            url = route.request.url
            if _local(url):
                route.continue_()
            else:
                remote.append(url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("request", lambda req: seen.append(req.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for i, file in enumerate(pages):
            page.goto(file.resolve().as_uri(), wait_until="load")
            page.wait_for_timeout(150)
            styled = page.evaluate("""() => {
                const nav = document.querySelector('.navbar');
                const icon = document.querySelector('.fas, .fa');
                return {
                    navbar: nav ? getComputedStyle(nav).display : null,
                    jquery: typeof window.jQuery === 'function',
                    bootstrap: !!(window.jQuery && window.jQuery.fn.tooltip && window.jQuery.fn.bootstrapTable),
                    vega: typeof window.vegaEmbed === 'function',
                    iconFont: icon ? getComputedStyle(icon).fontFamily : null,
                    logo: Array.from(document.images).map(im => im.naturalWidth > 0),
                };
            }""")
            assert styled["navbar"] == "flex", (file, styled)  # Bootstrap 4's .navbar rule applied
            assert styled["jquery"] and styled["bootstrap"] and styled["vega"], (file, styled)
            if styled["iconFont"] is not None:
                assert "Font Awesome" in styled["iconFont"]
            assert all(styled["logo"]), (file, styled)  # local logo loaded
            page.screenshot(path=str(tmp_path / f"docs_{i}.png"), full_page=True)
        browser.close()

    assert remote == [], f"requests left the machine: {remote}"
    assert all(_local(u) for u in seen)
    assert any("static/vendor/bootstrap-4.3.1" in u for u in seen)
    assert errors == [], errors
    assert (tmp_path / "docs_1.png").stat().st_size > 10_000
    if shutil.which("true"):
        print("screenshots in", tmp_path)
