"""Verification against a running portal: match / no_match / not_found, batches of 1,000, and no
value of a key or a record in any response, audit entry or index file."""

from __future__ import annotations

import json
import random

import pyarrow.parquet as pq
import pytest
from services_support import SUBSIDY, Services, ok

from catalog import audit
from catalog.services import published_run
from core.identifiers import id_check_char


@pytest.fixture(scope="module")
def records(granted: Services) -> list[dict]:
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    return pq.read_table(paths.valid, columns=["id_number", "recipient_name", "subsidy_type"]).to_pylist()


def _unknown_id(known: set[str]) -> str:
    for n in range(1000):
        first17 = f"1101051960010{n:03d}1"
        candidate = first17 + id_check_char(first17)
        if candidate not in known:
            return candidate
    raise AssertionError("no unknown id")


def test_matching_non_matching_and_unknown_keys(granted: Services, records: list[dict]) -> None:
    a, b = records[0], records[1]
    other_type = next(t for t in ("低保", "特困供养", "临时救助", "高龄津贴") if t != b["subsidy_type"])
    unknown = _unknown_id({r["id_number"] for r in records})
    body = {
        "keys": [
            {
                "id_number": a["id_number"].lower(),
                "recipient_name": f" {a['recipient_name']} ",
                "subsidy_type": a["subsidy_type"],
            },
            {"id_number": b["id_number"], "recipient_name": b["recipient_name"] + "某", "subsidy_type": other_type},
            {"id_number": unknown, "recipient_name": a["recipient_name"], "subsidy_type": a["subsidy_type"]},
        ],
        "fields": ["recipient_name", "subsidy_type"],
    }
    with granted.client("health") as c:
        result = ok(c.post(SUBSIDY, json=body))
    assert result["results"] == [
        {"recipient_name": "match", "subsidy_type": "match"},
        {"recipient_name": "no_match", "subsidy_type": "no_match"},
        {"recipient_name": "not_found", "subsidy_type": "not_found"},
    ]
    assert result["not_found"] == 1 and result["count"] == 3


def test_a_batch_of_1000_is_answered_and_1001_is_refused(granted: Services, records: list[dict]) -> None:
    rng = random.Random(3)
    keys = [
        {"id_number": r["id_number"], "subsidy_type": r["subsidy_type"] if rng.random() < 0.5 else "高龄津贴"}
        for r in rng.choices(records, k=1000)
    ]
    with granted.client("health") as c:
        result = ok(c.post(SUBSIDY, json={"keys": keys, "fields": ["subsidy_type"]}))
        assert result["count"] == 1000
        assert {r["subsidy_type"] for r in result["results"]} <= {"match", "no_match"}
        too_many = c.post(SUBSIDY, json={"keys": keys + keys[:1], "fields": ["subsidy_type"]})
    assert too_many.status_code == 400 and too_many.json()["success"] is False


def test_fields_outside_the_grant_and_departments_without_one_are_refused(
    granted: Services, records: list[dict]
) -> None:
    r0 = records[0]
    with granted.client("health") as c:
        r = c.post(SUBSIDY, json={"keys": [{"id_number": r0["id_number"], "amount": 100}], "fields": ["amount"]})
        assert r.status_code == 403
        r = c.post(SUBSIDY, json={"keys": [{"id_number": r0["id_number"]}], "fields": ["subsidy_type"]})
        assert r.status_code == 400 and "lacks" in r.json()["error"]["message"]
    with granted.client("ecology") as c:
        r = c.post(
            SUBSIDY, json={"keys": [{"id_number": r0["id_number"], "subsidy_type": "低保"}], "fields": ["subsidy_type"]}
        )
    assert r.status_code == 403 and r.json()["error"]["__type"] == "Authorization Error"


def test_no_submitted_or_stored_value_in_responses_audit_or_index(granted: Services, records: list[dict]) -> None:
    sample = records[:20]
    body = {
        "keys": [
            {"id_number": r["id_number"], "recipient_name": r["recipient_name"], "subsidy_type": r["subsidy_type"]}
            for r in sample
        ],
        "fields": ["recipient_name", "subsidy_type"],
    }
    with granted.client("health") as c:
        responses = [c.post(SUBSIDY, json=body).text, c.post(SUBSIDY, json={**body, "fields": ["subsidy_type"]}).text]
    entries = json.dumps(audit.entries(limit=1000), ensure_ascii=False, default=str)
    indexes = sorted((granted.home / "lake" / "verify" / "civil_affairs" / "subsidy_recipients").glob("*.parquet"))
    assert indexes
    index_bytes = b"".join(p.read_bytes() for p in indexes)
    values = {r["id_number"] for r in records} | {r["recipient_name"] for r in records}
    values |= {v[:14] for v in values if len(v) == 18}  # no partial ID either
    types = {r["subsidy_type"] for r in sample}
    for text in responses:
        assert "match" in text
        for v in values | types:
            assert v not in text
    for v in values:
        assert v not in entries
        assert v.encode("utf-8") not in index_bytes
    for t in types:
        assert t.encode("utf-8") not in index_bytes
    checks = [e for e in audit.entries(limit=1000, action="verify.check")]
    assert checks and all(set(e["detail"]) >= {"keysets", "fields", "outcomes", "grant_id"} for e in checks)
