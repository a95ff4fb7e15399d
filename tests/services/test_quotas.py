"""Quotas from the policy: 429 with Retry-After (CKAN-style JSON) per token and per client, per
grant and day; shown to the holder (GET /api/quota) and on the officers' tokens page."""

from __future__ import annotations

from pathlib import Path

import pytest
from services_support import DATASET, SUBSIDY, Services, ok, policy_copy

from catalog import demands, tokens


@pytest.fixture
def tight(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    limits = {
        "download": {"anonymous": 3, "token": 30},
        "datastore": {"anonymous": 2, "token": 20},
        "verify": {"anonymous": 0, "token": 2},
        "query": {"anonymous": 0, "token": 2},
    }
    monkeypatch.setenv("PUBDATA_POLICY", str(policy_copy(tmp_path, quotas={"limits": limits, "window_seconds": 600})))


def _is_429(r) -> None:
    assert r.status_code == 429, r.text
    assert 1 <= int(r.headers["Retry-After"]) <= 600
    body = r.json()
    assert body["success"] is False and body["error"]["__type"] == "Rate Limit Error"


def test_a_token_gets_429_after_its_verification_quota(granted: Services, tight: None) -> None:
    fresh = tokens.issue("health")[1]  # counters are per token: a new one starts at zero
    body = {"keys": [{"id_number": "11010519491231002X", "subsidy_type": "低保"}], "fields": ["subsidy_type"]}
    with granted.client() as c:
        h = {"Authorization": f"Bearer {fresh}"}
        assert [c.post(SUBSIDY, json=body, headers=h).status_code for _ in range(2)] == [200, 200]
        _is_429(c.post(SUBSIDY, json=body, headers=h))
        q = c.get("/api/quota", headers=h).json()
    assert q["caller"] == "token"
    assert q["services"]["verify"] == {
        "limit": 2,
        "used": 2,
        "remaining": 0,
        "resets_in": q["services"]["verify"]["resets_in"],
    }
    assert any(g["dataset"] == DATASET for g in q["grants"])


def test_anonymous_clients_get_429_on_downloads_and_datastore(granted: Services, tight: None) -> None:
    with granted.client() as c:
        q = c.get("/api/quota").json()
        assert q["caller"] == "client"
        left = q["services"]["download"]["remaining"]
        codes = [c.get("/datasets/civil_affairs/subsidy_recipients/download.csv").status_code for _ in range(left)]
        assert set(codes) <= {200}
        _is_429(c.get("/datasets/civil_affairs/subsidy_recipients/download.csv"))
        left = c.get("/api/quota").json()["services"]["datastore"]["remaining"]
        params = {"resource_id": "civil_affairs__subsidy_recipients__csv", "limit": 1}
        for _ in range(left):
            assert c.get("/api/3/action/datastore_search", params=params).status_code == 200
        _is_429(c.get("/api/3/action/datastore_search", params=params))
        # a token holder has its own, larger quota
        h = {"Authorization": f"Bearer {granted.tokens['transport']}"}
        assert c.get("/datasets/civil_affairs/subsidy_recipients/download.csv", headers=h).status_code == 200


def test_a_grant_allows_its_calls_per_day(services_home: Services) -> None:
    s = services_home
    with s.client("ecology") as c:
        d = ok(
            c.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": ["division_code"],
                    "services": ["query"],
                    "purpose": "daily_cap",
                    "legal_basis": "《环境保护法》第三十九条（示例）",
                },
            ),
            201,
        )
        demands.answer(
            d["id"], decision="grant", by_department="civil_affairs", actor="cli:civil_affairs", calls_per_day=2
        )
        spec = {"dataset": DATASET, "group_by": ["division_code"]}
        assert [c.post("/api/query", json=spec).status_code for _ in range(2)] == [200, 200]
        r = c.post("/api/query", json=spec)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) <= 86400
    assert "calls a day" in r.json()["error"]["message"]


def test_the_officers_tokens_page_shows_the_quotas(services_home: Services) -> None:
    with services_home.client("officer") as c:
        page = c.get("/officers/tokens").text
    assert 'id="quotas"' in page and "核验" in page and "/api/quota" in page
