"""The re-identification risk of a release: the dataset page's 隐私风险评估 section with its chart,
the JSON report, CKAN extras, and the officers' list (officer token only)."""

from __future__ import annotations

import re

import httpx

HTML = {"Accept": "text/html"}


def test_dataset_page_shows_the_risk_report(portal) -> None:
    page = httpx.get(f"{portal.url}/datasets/health/clinic_visits", headers=HTML).text
    section = page[page.index('id="risk"') :]
    for needle in (
        "隐私风险评估",
        "k 匿名",
        "再识别风险",
        "记录抑制",
        "信息损失",
        'id="risk-chart"',
        "<svg",
        "准标识符",
        "就诊日期",
        "ℓ 多样性",
    ):
        assert needle in section, needle
    api = httpx.get(f"{portal.url}/api/datasets/health/clinic_visits/risk").json()
    assert f'<strong id="risk-k">{api["k_achieved"]}</strong>' in section
    assert api["k_achieved"] >= api["k_threshold"] == 5 and api["met"] is True
    assert {q["name"] for q in api["quasi_identifiers"]} == {"性别", "就诊日期"}
    assert api["sensitive_attributes"][0]["l_achieved"] >= 2
    assert api["before"]["records_at_risk"] >= api["records_at_risk"] == 0
    # a dataset not about people has no report
    assert httpx.get(f"{portal.url}/api/datasets/health/hospitals/risk").status_code == 404
    assert 'id="risk"' not in httpx.get(f"{portal.url}/datasets/health/hospitals", headers=HTML).text
    assert httpx.get(f"{portal.url}/api/datasets/health/clinic_visits/risk", params={"version": 0}).status_code == 400


def test_package_show_extras_carry_the_risk(portal) -> None:
    pkg = httpx.get(f"{portal.url}/api/3/action/package_show", params={"id": "health__clinic_visits"}).json()["result"]
    extras = {e["key"]: e["value"] for e in pkg["extras"]}
    assert extras["risk_report"].endswith("/api/datasets/health/clinic_visits/risk")
    assert extras["risk_targets_met"] == "true" and int(extras["risk_k_achieved"]) >= 5
    assert all(isinstance(v, str) for v in extras.values())


def test_officers_list_the_risk_of_every_release(portal, officer_token: str) -> None:
    assert httpx.get(f"{portal.url}/api/officers/risk").status_code == 401
    rows = httpx.get(f"{portal.url}/api/officers/risk", headers={"Authorization": f"Bearer {officer_token}"}).json()
    assert [(r["department_id"], r["dataset_id"]) for r in rows] == [("health", "clinic_visits")]
    client = httpx.Client(base_url=portal.url, headers=HTML)
    assert "管理员" in client.get("/officers/risk").text  # the login page
    client.post("/officers/login", data={"token": officer_token})
    page = client.get("/officers/risk").text
    assert re.search(r'<table class="list" id="risk-list">.*门诊就诊记录.*达标', page, flags=re.S)
