"""A shared variant is served only as the grant in force allows (third outside review): after a
grant was revoked and the purpose granted again with fewer fields, the file the old grant's run
wrote (its columns, its clear values) was served to the new grant until the next run."""

from __future__ import annotations

import os
import time

import pyarrow.parquet as pq
from services_support import DATASET, Services, ok

from catalog import demands, grants
from catalog.services import published_run


def test_a_new_grant_never_gets_the_file_of_a_revoked_one(granted: Services) -> None:
    s = granted
    url, params = "/api/shared/civil_affairs/subsidy_recipients", {"purpose": "fare_concession"}
    paths, _ = published_run("civil_affairs", "subsidy_recipients")
    old = paths.shared("transport", "fare_concession")
    assert "recipient_name" in pq.read_schema(old).names  # the revoked grant's file: names, in clear mode
    grants.revoke(s.extra["transport_grant"], by="cli:civil_affairs", department="civil_affairs", reason="narrower")
    with s.client("transport") as transport:
        d = ok(
            transport.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": ["subsidy_type", "month"],
                    "services": ["share"],
                    "purpose": "fare_concession",
                    "legal_basis": "《某省公共交通乘车优惠办法》第六条（示例）",
                },
            ),
            201,
        )
        demands.answer(d["id"], decision="grant", by_department="civil_affairs", actor="cli:civil_affairs")
        r = transport.get(url, params=params)
        assert r.status_code == 404, (r.status_code, r.headers.get("content-type"))
        assert "next run" in r.json()["error"]["message"]
        # the race: a run that read the revoked grant before the new one was given writes its file
        # after it (newer than the new grant): still the old grant's columns, never served to it
        later = time.time() + 1
        os.utime(str(old), (later, later))  # the local profile: a file
        r = transport.get(url, params=params)
    assert r.status_code == 404, (r.status_code, r.headers.get("content-type"))
