"""Verification is not an enumeration oracle (third outside review): a grant's daily allowance
counts the key sets checked, not the calls that carry them, and a refused call is audited."""

from __future__ import annotations

from services_support import SUBSIDY, Services, granted_demand

from catalog import audit
from core.identifiers import id_check_char


def test_a_grant_allows_its_key_sets_per_day_and_refusals_are_audited(granted: Services) -> None:
    s = granted
    grant = granted_demand(
        s,
        "market_regulation",
        fields=["id_number", "subsidy_type"],
        services=["verify"],
        purpose="enumeration_cap",
        legal_basis="《优化营商环境条例》第十条（示例）",
        verify_keys=["id_number"],
        verify_fields=["subsidy_type"],
        calls_per_day=1500,
    )["grant_id"]
    # every ID number of one county and birth date (sequence 000-999): everyone born there that day
    ids = []
    for n in range(1000):
        first17 = f"33010219491231{n:03d}"
        ids.append(first17 + id_check_char(first17))
    keys = [{"id_number": i, "subsidy_type": "低保"} for i in ids]
    body = {"keys": keys, "fields": ["subsidy_type"]}
    with s.client("market_regulation") as c:
        first = c.post(SUBSIDY, json=body)
        second = c.post(SUBSIDY, json=body)
        small = c.post(SUBSIDY, json={**body, "keys": keys[:500]})
    assert first.status_code == 200, first.text[:300]
    assert second.status_code == 429, second.text[:300]  # 1,000 + 1,000 key sets > 1,500 a day
    assert "key set" in second.json()["error"]["message"]
    assert small.status_code == 200, small.text[:300]  # what is left of the day's allowance is still usable
    refused = [e for e in audit.entries(limit=200, action="access.denied") if e["detail"].get("grant_id") == grant]
    assert refused, "the refused call is in the audit log"
    detail = refused[0]["detail"]
    assert detail["keysets"] == 1000 and detail["status"] == 429
    text = str(refused)
    assert not any(i in text for i in ids[:50])  # its shape, never a key
