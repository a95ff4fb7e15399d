"""Scorecard of the demo departments after one `make demo`-style run, against hand-computed figures.

Known facts of the demo: every dataset is published once; three clinic visits carry an ID number
with a wrong check char (quarantined, 3 of 2,000 + 60 health rows); the negative list makes clinic
visits conditional (a rule, so it is justified), everything else is open; one column of the
subsidy table (undeclared, ambiguous) is held for an officer's review.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from catalog.scorecard import WEIGHTS, department_runs, ranking, withheld_report


def test_demo_scorecard_matches_hand_computed_figures(in_demo_home: Path) -> None:
    runs = {r["department_id"]: r for r in department_runs()}
    assert set(runs) == {"civil_affairs", "ecology", "health", "market_regulation", "transport"}
    assert runs["health"]["quarantine_rate"] == pytest.approx(3 / 2060)
    assert runs["health"]["open_share"] == pytest.approx(0.5)
    for dept in ("civil_affairs", "ecology", "market_regulation", "transport"):
        assert runs[dept]["quarantine_rate"] == 0
        assert runs[dept]["open_share"] == pytest.approx(1.0)
        assert runs[dept]["quality"] == pytest.approx(100.0)
    for r in runs.values():
        assert r["on_time"] == pytest.approx(1.0)  # first publications are on time
        assert r["withheld_without_rule"] == 0
        expected = (
            WEIGHTS["quality"] * r["quality"]
            + WEIGHTS["on_time"] * 100
            + WEIGHTS["open_share"] * 100 * r["open_share"]
            + WEIGHTS["clean"] * 100 * (1 - r["quarantine_rate"])
            + WEIGHTS["usage"] * 100 * r["usage"]
            + WEIGHTS["demands"] * 100  # no demands filed in the demo
        )
        assert r["composite"] == pytest.approx(expected, abs=0.01)
    assert withheld_report() == {}
    assert ranking()[-1]["department_id"] == "health"  # conditional data and quarantined rows
    assert {d: r["awaiting_review"] for d, r in runs.items()} == {
        "civil_affairs": 1,
        "ecology": 0,
        "health": 0,
        "market_regulation": 0,
        "transport": 0,
    }


def test_scorecard_page_and_json_in_the_portal(in_demo_home: Path, live_portal) -> None:
    with httpx.Client(base_url=live_portal.url, timeout=30) as client:
        page = client.get("/scorecard", headers={"accept": "text/html"})
        assert page.status_code == 200
        assert page.text.count("<tr><td>") >= 5 and "省卫生健康委员会" in page.text
        assert 'id="scorecard-chart"' in page.text and "<path" in page.text
        data = client.get("/api/scorecard").json()
        assert [r["rank"] for r in data["ranking"]] == [1, 2, 3, 4, 5]
        assert data["withheld_without_rule"] == {}
        assert [r["column"] for r in data["awaiting_review"]["civil_affairs"]] == ["ext_ref"]
        assert 'href="/scorecard"' in client.get("/", headers={"accept": "text/html"}).text
