"""In a real browser: Debian's headless Chromium driven by Playwright (no Playwright browser download)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is missing (make browser installs it)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def test_search_in_chinese_open_dataset_download_csv_see_chart(portal, browser, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    external: list[str] = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(portal.url) else None)

    page.goto(portal.url + "/")
    page.fill("#q", "医院")
    page.press("#q", "Enter")
    page.wait_for_selector("#results .result")
    first = page.locator("#results .result a.title").first
    assert "医疗机构名录" in first.inner_text()
    assert page.locator("#results mark").count() >= 1

    first.click()
    page.wait_for_selector("#title")
    assert "医疗机构名录" in page.inner_text("#title")
    chart = page.locator("#quality-chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50
    assert page.locator("#quality-chart circle").count() == 3
    assert page.locator("#schema tbody tr").count() >= 7
    assert "不兼容变更" in page.inner_text("#versions")

    before = int(page.inner_text("#download-total"))
    with page.expect_download() as info:
        page.click("#downloads a:has-text('CSV')")
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    raw = target.read_bytes()
    assert target.name == "health__hospitals__v3.csv"
    assert raw[:3] == b"\xef\xbb\xbf" and "第1人民医院" in raw.decode("utf-8-sig")

    page.reload()
    assert int(page.inner_text("#download-total")) == before + 1
    assert external == [], f"the page fetched from outside the portal: {external}"
    context.close()


def test_conditional_dataset_offers_the_application(portal, browser) -> None:
    page = browser.new_page()
    page.goto(portal.url + "/datasets/health/clinic_visits")
    assert "如何申请" in page.inner_text("#how-to-apply")
    page.click("#how-to-apply a.button")
    page.select_option("select[name=applicant]", "transport")
    page.fill("input[name=purpose]", "commute_study")
    page.fill("textarea[name=reason]", "研究通勤与就医的关系")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#application-done")
    assert "待审核" in page.inner_text("#application-done")
    page.close()
