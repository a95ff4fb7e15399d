"""Issue 14: the outside review's findings against the running portal, one regression test each.

Each test attacks the live server the way the review did and asserts what a user (or an
attacker) would notice. Findings 4 (audit chain), 11 (shared variants), 12 (messages) and the
SIGTERM finding are tested next to their code (tests/catalog, tests/privacy, tests/reliability).
This module runs on its own copy of the fixture catalog: it revokes keys and tokens.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import httpx
import portal_catalog
import pytest
from support import LiveServer

from catalog import tokens
from catalog.store import connect

INSPECTIONS = "/datasets/market_regulation/inspections"
CLINIC = "/datasets/health/clinic_visits"


@pytest.fixture(scope="module")
def findings_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return portal_catalog.build_home(tmp_path_factory.mktemp("findings"))


@pytest.fixture(autouse=True)
def _in_portal_home(findings_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUBDATA_HOME", str(findings_home))
    monkeypatch.delenv("PUBDATA_PORTAL_URL", raising=False)
    return findings_home


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def audit_rows(action_prefix: str) -> list[dict]:
    with connect(read_only=True) as con:
        rows = con.execute(
            "SELECT actor, action, subject, detail_json FROM audit_log WHERE starts_with(action, ?) ORDER BY seq",
            [action_prefix],
        ).fetchall()
    return [{"actor": a, "action": b, "subject": c, "detail": json.loads(d)} for a, b, c, d in rows]


def raw_exchange(port: int, payload: bytes, *, wait: float) -> tuple[bytes, float]:
    """Send ``payload`` on a fresh connection, then read until the server answers or closes
    (at most ``wait`` seconds). Returns what was read and how long it took."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(payload)
        s.settimeout(wait)
        got = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got += chunk
                if b"\r\n\r\n" in got:
                    break
        except (TimeoutError, ConnectionResetError):
            pass
    return got, time.monotonic() - start


# ---- 1: every version keeps the tier it was published under ---------------------------------


def test_f01_an_old_conditional_version_is_not_served_to_anyone(portal) -> None:
    for fmt in ("csv", "json", "parquet"):
        r = httpx.get(f"{portal.url}{INSPECTIONS}/download.{fmt}", params={"version": 1})
        assert r.status_code == 401, (fmt, r.status_code)
        assert portal_catalog.INSPECTION_MARK.encode() not in r.content
    # the current (open) version stays open to everyone
    latest = httpx.get(f"{portal.url}{INSPECTIONS}/download.csv")
    assert latest.status_code == 200 and portal_catalog.INSPECTION_MARK not in latest.text
    # v1 with the conditional right (a scope on the dataset) is served, and audited
    _, token = tokens.issue("transport", dataset="market_regulation.inspections", purpose="supervision")
    ok = httpx.get(f"{portal.url}{INSPECTIONS}/download.csv", params={"version": 1}, headers=bearer(token))
    assert ok.status_code == 200 and portal_catalog.INSPECTION_MARK in ok.content.decode("utf-8-sig")
    assert any(e["detail"].get("version") == 1 for e in audit_rows("access.conditional"))


# ---- 2: responses that needed or carried a token are never publicly cacheable ----------------


def _private(r: httpx.Response) -> bool:
    cc = r.headers.get("cache-control", "")
    return (
        "private" in cc
        and "no-store" in cc
        and "public" not in cc
        and "authorization" in r.headers.get("vary", "").lower().replace(" ", "")
    )


def test_f02_token_responses_are_private_and_vary_on_authorization(portal) -> None:
    _, officer_token = tokens.issue(officer="cache.officer")
    _, token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    got = httpx.get(f"{portal.url}{CLINIC}/download.csv", headers=bearer(token))
    assert got.status_code == 200 and _private(got), dict(got.headers)
    shared = httpx.get(
        f"{portal.url}/api/shared/health/clinic_visits", params={"purpose": "medical_assistance"}, headers=bearer(token)
    )
    assert shared.status_code == 200 and _private(shared), dict(shared.headers)
    ds = httpx.get(
        f"{portal.url}/api/3/action/datastore_search",
        params={"resource_id": "health__clinic_visits__csv"},
        headers=bearer(token),
    )
    assert ds.status_code == 200 and _private(ds), dict(ds.headers)
    # a 304 for a token holder too
    again = httpx.get(
        f"{portal.url}{CLINIC}/download.csv", headers={**bearer(token), "If-None-Match": got.headers["etag"]}
    )
    assert again.status_code == 304 and _private(again)
    # officers' pages and refusals
    officer = httpx.get(f"{portal.url}/api/officers/audit", headers=bearer(officer_token))
    assert officer.status_code == 200 and _private(officer)
    refused = httpx.get(f"{portal.url}{CLINIC}/download.csv")
    assert refused.status_code == 401 and "public" not in refused.headers.get("cache-control", "")
    # open data served anonymously stays cacheable by anyone
    open_ = httpx.get(f"{portal.url}/datasets/transport/bus_stops/download.csv")
    assert open_.status_code == 200 and open_.headers["cache-control"] == "public, max-age=60"


# ---- 3: revocation and key destruction stop access at once, everywhere -----------------------


def test_f03_revoking_a_department_stops_shared_and_conditional_access_at_once(portal, capsys) -> None:
    from cli.main import main

    _, token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    shared_url = f"{portal.url}/api/shared/health/clinic_visits?purpose=medical_assistance"
    paths = [
        shared_url,
        f"{portal.url}{CLINIC}/download.json",
        f"{portal.url}/api/3/action/datastore_search?resource_id=health__clinic_visits__csv",
    ]
    for url in paths:
        assert httpx.get(url, headers=bearer(token)).status_code == 200, url
    assert main(["keys", "revoke", "--department", "civil_affairs", "--dataset", "health.clinic_visits"]) == 0
    for url in paths:
        r = httpx.get(url, headers=bearer(token))
        assert r.status_code == 403, (url, r.status_code)
        assert portal_catalog.CONDITIONAL_MARK not in r.text and "V00001" not in r.text
    denied = [e for e in audit_rows("access.denied") if e["detail"].get("reason") == "revoked"]
    assert len(denied) >= 3 and all(token not in json.dumps(e, ensure_ascii=False) for e in denied)


def test_f03_destroying_the_data_key_stops_the_shared_variant(portal, findings_home: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cli.main import main
    from privacy.keys import KeyStore

    owner = "civil_affairs.subsidy_recipients"
    key_id, _ = KeyStore().data_key(owner)
    folder = findings_home / "lake" / "shared" / "health" / "civil_affairs" / "subsidy_recipients"
    folder.mkdir(parents=True, exist_ok=True)
    meta = {"v": 1, "owner": owner, "key_id": key_id, "recipient": "health", "purpose": "medical_assistance"}
    table = pa.table({"month": ["2024-01"], "amount": [800.0]}).replace_schema_metadata(
        {b"pubdata.encryption": json.dumps(meta).encode()}
    )
    pq.write_table(table, folder / "medical_assistance__run1.parquet")
    _, token = tokens.issue("health")
    url = f"{portal.url}/api/shared/civil_affairs/subsidy_recipients?purpose=medical_assistance"
    assert httpx.get(url, headers=bearer(token)).status_code == 200
    assert main(["keys", "destroy", "--dataset", owner, "--yes"]) == 0
    r = httpx.get(url, headers=bearer(token))
    assert r.status_code in (403, 410) and "800" not in r.text
    assert any(e["detail"].get("reason") == "key destroyed" for e in audit_rows("access.denied"))


# ---- 5: deeply nested JSON is a client error, never a 500 ------------------------------------


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/api/3/action/package_search", b'{"q": ' + b"[" * 50000 + b"]" * 50000 + b"}"),
        ("POST", "/api/3/action/package_search", b'{"fq": ' + b'{"a":' * 20000 + b"1" + b"}" * 20000 + b"}"),
        (
            "POST",
            "/api/3/action/datastore_search",
            b'{"resource_id": "transport__bus_stops__csv", "filters": ' + b"[" * 50000 + b"]" * 50000 + b"}",
        ),
        (
            "GET",
            "/api/3/action/datastore_search?resource_id=transport__bus_stops__csv&filters=" + "%5B" * 20000,
            b"",
        ),
        ("POST", "/api/applications", b'{"dataset": ' + b"[" * 50000 + b"]" * 50000 + b"}"),
    ],
)
def test_f05_deep_json_gets_a_client_error(portal, method: str, path: str, body: bytes) -> None:
    r = httpx.request(method, portal.url + path, content=body or None, headers={"Content-Type": "application/json"})
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:200])
    doc = r.json()
    if "/api/3/action/" in path:
        if isinstance(doc, str):  # CKAN answers a body it cannot parse with a bare string (_finish_bad_request)
            assert doc.startswith("Bad request - JSON Error"), doc
        else:
            assert doc["success"] is False and doc["error"]["__type"], doc


# ---- 6: request size and slow clients --------------------------------------------------------


def test_f06_an_oversized_body_is_refused_before_it_is_read(portal) -> None:
    head = (
        b"POST /api/3/action/package_search HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: 40000000\r\n\r\n"
    )
    got, took = raw_exchange(portal.port, head + b"{" + b" " * 1024, wait=6)
    assert got.startswith(b"HTTP/1.1 413"), got[:100]
    assert took < 5
    # no Content-Length (chunked): refused once the stream passes the limit, not at its end
    chunk = b" " * 65536
    body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(24))  # 1.5 MiB, never terminated
    head = (
        b"POST /api/3/action/package_search HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    got, took = raw_exchange(portal.port, head + body, wait=6)
    assert got.startswith(b"HTTP/1.1 413"), got[:100]


def test_f06_slow_headers_and_slow_bodies_are_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBDATA_HEADER_TIMEOUT", "1")
    monkeypatch.setenv("PUBDATA_BODY_TIMEOUT", "1")
    monkeypatch.setenv("PUBDATA_MAX_HEADER_BYTES", "4096")
    with LiveServer() as server:
        # a request head larger than the limit is refused, not buffered
        got, took = raw_exchange(server.port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 8192, wait=8)
        assert got.startswith(b"HTTP/1.1 400") or (got == b"" and took < 5), got[:100]
        # headers that never finish: the connection is closed after the header timeout
        got, took = raw_exchange(server.port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a", wait=8)
        assert took < 5, took
        # a body that never finishes: 408 after the body timeout
        head = (
            b"POST /api/3/action/package_search HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        )
        got, took = raw_exchange(server.port, head + b'{"q":', wait=8)
        assert got.startswith(b"HTTP/1.1 408"), got[:100]
        assert took < 5, took


# ---- 7: links are never built from an unknown Host header ------------------------------------


def test_f07_an_unknown_host_gets_400_and_is_never_echoed(portal, monkeypatch: pytest.MonkeyPatch) -> None:
    evil = {"Host": "evil.example"}
    for path in (
        "/",
        "/catalog.jsonld",
        "/api/3/action/package_show?id=health__hospitals",
        "/datasets/health/hospitals",
    ):
        r = httpx.get(portal.url + path, headers=evil)
        assert r.status_code == 400, (path, r.status_code)
        assert "evil.example" not in r.text
    ok = httpx.get(portal.url + "/api/3/action/package_show", params={"id": "health__hospitals"})
    assert ok.json()["result"]["resources"][0]["url"].startswith(f"http://127.0.0.1:{portal.port}/")
    monkeypatch.setenv("PUBDATA_PORTAL_URL", "https://data.example.gov.cn")
    conf = httpx.get(portal.url + "/api/3/action/package_show", params={"id": "health__hospitals"})
    assert conf.json()["result"]["resources"][0]["url"].startswith("https://data.example.gov.cn/datasets/")
    # the configured public host is itself an allowed Host
    assert httpx.get(portal.url + "/", headers={"Host": "data.example.gov.cn"}).status_code == 200


# ---- 8: applications need the applicant's token; no oracle; rate-limited ---------------------


def _applications() -> list[dict]:
    return tokens.applications()


def test_f08_applying_needs_the_applicants_department_token(portal) -> None:
    form = f"{portal.url}/datasets/civil_affairs/subsidy_recipients/apply"
    health_row, health_token = tokens.issue("health")
    before = len(_applications())
    # in another department's name, with nothing but its token id: refused, nothing recorded
    forged = httpx.post(
        form,
        data={"applicant": "health", "purpose": "research", "reason": "冒名申请测试", "token_id": health_row["id"]},
    )
    assert forged.status_code in (401, 403), forged.status_code
    anonymous = httpx.post(form, data={"applicant": "health", "purpose": "research", "reason": "匿名申请测试"})
    assert anonymous.status_code in (401, 403)
    assert len(_applications()) == before
    # no oracle: a real token id and a made-up one get the same answer
    made_up = httpx.post(
        form, data={"applicant": "health", "purpose": "research", "reason": "冒名申请测试", "token_id": "0123456789ab"}
    )
    assert made_up.status_code == forged.status_code and made_up.text == forged.text
    # with the department's own token: recorded in its name, whatever the form claims
    ok = httpx.post(
        form,
        data={"applicant": "ecology", "purpose": "research", "reason": "卫生与补贴关联研究", "token": health_token},
    )
    assert ok.status_code == 200 and "待审核" in ok.text
    mine = [a for a in _applications() if a["purpose"] == "research"]
    assert len(mine) == 1 and mine[0]["applicant"] == "health" and mine[0]["token_id"] == health_row["id"]
    assert health_token not in ok.text


def test_f08_applications_are_rate_limited(portal) -> None:
    _, token = tokens.issue("transport")
    url = f"{portal.url}/api/applications"
    body = {"dataset": "civil_affairs.subsidy_recipients", "purpose": "transit_subsidy", "reason": "公交优惠资格核验"}
    codes = []
    for _ in range(40):
        codes.append(httpx.post(url, headers=bearer(token), json=body).status_code)
        if codes[-1] != 201:
            break
    assert codes[0] == 201 and codes[-1] == 429, codes
    last = httpx.post(url, headers=bearer(token), json=body)
    assert last.status_code == 429 and int(last.headers["retry-after"]) >= 1
    # another department's token has its own allowance
    _, other = tokens.issue("ecology")
    assert httpx.post(url, headers=bearer(other), json=body).status_code == 201


# ---- 9: downloads are counted once per whole download, in batches ----------------------------


def test_f09_ranges_are_not_downloads_and_counts_are_written_in_batches(
    portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog import usage_recorder

    monkeypatch.setenv("PUBDATA_USAGE_FLUSH_SECONDS", "3600")  # only explicit flushes: buffering is visible
    usage_recorder.flush()  # what earlier tests buffered
    url = f"{portal.url}/datasets/transport/bus_stops/download.parquet"

    def shown() -> int:
        pkg = httpx.get(f"{portal.url}/api/3/action/package_show", params={"id": "transport__bus_stops"}).json()
        return next(r for r in pkg["result"]["resources"] if r["format"] == "Parquet")["downloads"]

    def stored() -> int:
        with connect(read_only=True) as con:
            row = con.execute(
                "SELECT count FROM download_counts WHERE department_id = 'transport' AND dataset_id = 'bus_stops' "
                "AND format = 'parquet'"
            ).fetchone()
        return row[0] if row else 0

    before_shown, before_stored = shown(), stored()
    for _ in range(5):
        assert httpx.get(url, headers={"Range": "bytes=0-0"}).status_code == 206
    assert httpx.get(url, headers={"Range": "bytes=100-"}).status_code == 206
    assert shown() == before_shown, "a partial range counted as a download"
    for _ in range(3):
        assert httpx.get(url).status_code == 200
    assert httpx.get(url, headers={"Range": "bytes=0-"}).status_code in (200, 206)  # the whole file, ranged
    assert shown() == before_shown + 4
    assert stored() == before_stored, "each download wrote to the catalog"
    usage_recorder.flush()
    assert stored() == before_stored + 4


# ---- 10: every refused token use is audited (never the secret) -------------------------------


def test_f10_every_refused_token_is_audited_without_its_secret(portal) -> None:
    import datetime as dt

    url = f"{portal.url}{CLINIC}/download.csv"
    revoked_row, revoked = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    tokens.revoke(revoked_row["id"])
    expired_row, expired = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    with connect() as con:
        con.execute("UPDATE tokens SET expires_at = ? WHERE id = ?", [dt.datetime(2000, 1, 1), expired_row["id"]])
    _, other = tokens.issue("transport", dataset="civil_affairs.subsidy_recipients", purpose="transit_subsidy")
    _, unscoped = tokens.issue("ecology")
    unknown = "pdt_0123456789ab_" + "u" * 43
    cases = {
        "malformed": "not-a-token-at-all",
        "unknown": unknown,
        "revoked": revoked,
        "expired": expired,
        "scope": other,
    }
    seen_before = len(audit_rows("access.denied"))
    for reason, secret in cases.items():
        assert httpx.get(url, headers=bearer(secret)).status_code in (401, 403), reason
    assert httpx.get(url, headers=bearer(unscoped)).status_code == 403
    denied = audit_rows("access.denied")[seen_before:]
    reasons = [e["detail"].get("reason") for e in denied]
    for reason in ("malformed", "unknown", "revoked", "expired"):
        assert reason in reasons, (reason, reasons)
    assert reasons.count("scope") >= 2
    text = json.dumps(denied, ensure_ascii=False)
    for secret in (*cases.values(), unscoped):
        assert (
            secret not in text and secret.split("_", 2)[-1] not in text
        )  # pdt_<id>_<secret part>; the part may hold "_"
    assert revoked_row["id"] in text and expired_row["id"] in text  # the token id (not secret) is named


def test_f10_a_client_presenting_many_refused_tokens_is_slowed_down(portal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBDATA_AUTH_FAILURE_LIMIT", "3/600")
    url = f"{portal.url}{CLINIC}/download.csv"
    codes = [httpx.get(url, headers=bearer(f"pdt_00000000000{i}_" + "g" * 43)).status_code for i in range(5)]
    assert codes == [401, 401, 401, 429, 429], codes
    r = httpx.get(url, headers=bearer("pdt_000000000009_" + "g" * 43))
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1 and "private" in r.headers["cache-control"]


# ---- second outside review (after issues 17 and 19) ------------------------------------------


def test_r2_a_hostile_json_body_is_refused_at_once(portal) -> None:
    """An anonymous 100 KB body of escaped quotes after 40 brackets: the depth check's string pattern
    rescanned the rest of the body from every quote (quadratic): one request held the server ~2 min."""
    body = b"[" * 40 + b'"' + b'\\"' * 50_000
    r = httpx.post(
        f"{portal.url}/api/3/action/package_search",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=20,
    )
    assert r.status_code == 400 and "JSON" in r.text, (r.status_code, r.text[:200])
    # the same text as a datastore_search parameter (query string)
    q = "%5B" * 40 + "%22" + "%5C%22" * 2_000
    r = httpx.get(f"{portal.url}/api/3/action/datastore_search?resource_id=transport__bus_stops__csv&q={q}", timeout=20)
    assert r.status_code == 409 and r.json()["success"] is False, (r.status_code, r.text[:200])


@pytest.mark.parametrize("path", ["/api/demands", "/api/query", "/api/verify/civil_affairs/subsidy_recipients"])
def test_r2_deep_json_to_the_sharing_services_gets_a_client_error(portal, path: str) -> None:
    """Finding 5 held for the Action API but not for the sharing services' bodies (issue 17): a
    department token and a deep body gave 500 with a RecursionError in the server log."""
    _, token = tokens.issue("health")
    r = httpx.post(
        portal.url + path,
        content=b"[" * 50_000 + b"]" * 50_000,
        headers={**bearer(token), "Content-Type": "application/json"},
    )
    assert r.status_code == 400, (r.status_code, r.text[:200])
    assert r.json()["success"] is False and "deeper" in r.json()["error"]["message"]


def test_r2_the_demand_form_audits_and_slows_down_refused_tokens(portal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demand form on the dataset page (issue 17) checked its token field without the portal's
    access check: refused tokens were neither audited (finding 10) nor counted against the client's
    refusal limit, so the form was an unthrottled token oracle."""
    monkeypatch.setenv("PUBDATA_AUTH_FAILURE_LIMIT", "2/600")
    before = len(audit_rows("access.denied"))
    form = {"purpose": "medical_assistance", "legal_basis": "《社会救助暂行办法》", "fields": ["费用"]}
    codes = []
    for i in range(3):
        guess = f"pdt_00000000001{i}_" + "h" * 43
        r = httpx.post(f"{portal.url}{CLINIC}/demand", data={**form, "token": guess})
        codes.append(r.status_code)
        assert guess not in r.text
    assert codes == [401, 401, 429], codes
    denied = audit_rows("access.denied")[before:]
    assert [e["detail"]["path"] for e in denied] == [f"{CLINIC}/demand"] * 2, denied
    # a department's own token still files its demand
    monkeypatch.setenv("PUBDATA_AUTH_FAILURE_LIMIT", "1000000/1")
    _, token = tokens.issue("civil_affairs")
    r = httpx.post(f"{portal.url}{CLINIC}/demand", data={**form, "token": token})
    assert r.status_code == 201, r.text[r.text.find("demand-error") :][:300]


def test_r2_a_client_cannot_rename_itself_with_x_forwarded_for(portal, monkeypatch: pytest.MonkeyPatch) -> None:
    """uvicorn believed X-Forwarded-For from any loopback peer: a local client, or every client behind
    a proxy that passes the header through, got a fresh quota and refusal limit per request."""
    url = f"{portal.url}/api/3/action/datastore_search"
    fresh = "10.77.0.200"
    before = httpx.get(f"{portal.url}/api/quota", headers={"X-Forwarded-For": fresh}).json()
    for i in range(3):
        r = httpx.get(
            url,
            params={"resource_id": "transport__bus_stops__csv", "limit": 1},
            headers={"X-Forwarded-For": f"10.77.0.{i}"},
        )
        assert r.status_code == 200, r.text[:200]
    after = httpx.get(f"{portal.url}/api/quota", headers={"X-Forwarded-For": fresh}).json()
    used = after["services"]["datastore"]["used"] - before["services"]["datastore"]["used"]
    assert used == 3, (before["services"]["datastore"], after["services"]["datastore"])
    monkeypatch.setenv("PUBDATA_AUTH_FAILURE_LIMIT", "2/600")
    codes = [
        httpx.get(
            f"{portal.url}{CLINIC}/download.csv",
            headers={**bearer(f"pdt_00000000002{i}_" + "k" * 43), "X-Forwarded-For": f"10.78.0.{i}"},
        ).status_code
        for i in range(3)
    ]
    assert codes == [401, 401, 429], codes
    # a proxy named in PUBDATA_TRUSTED_PROXIES is believed
    from portal.app import create_app
    from portal.server import server_config

    assert server_config(create_app()).proxy_headers is False
    monkeypatch.setenv("PUBDATA_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    config = server_config(create_app())
    assert config.proxy_headers is True and config.forwarded_allow_ips == ["127.0.0.1", "10.0.0.0/8"]


def test_r2_many_filter_values_do_not_make_the_row_index_a_cpu_sink(portal) -> None:
    """The row index (issue 19) looked up each filter value as a branch of one query: an anonymous
    48 KB request (1,000 values on each column of a 40-row table) cost ~14 s of CPU, twice (page and
    total), within the anonymous datastore quota. Beyond ``MAX_LOOKUPS`` values the index declines
    and one scan answers: the same rows."""
    from warehouse import rowindex

    base = {"resource_id": "transport__bus_stops__csv"}
    sample = httpx.get(f"{portal.url}/api/3/action/datastore_search", params={**base, "limit": 5}).json()["result"]
    columns = [f["id"] for f in sample["fields"]]
    wanted = sample["records"][3]
    filters = {c: [str(wanted[c])] + [f"x{i}" for i in range(999)] for c in columns}
    r = httpx.post(f"{portal.url}/api/3/action/datastore_search", json={**base, "filters": filters}, timeout=60)
    assert r.status_code == 200, r.text[:200]
    assert r.json()["result"]["records"] == [wanted] and r.json()["result"]["total"] == 1
    # the index of that version declines so many lookups (the old code took every one of them)
    from catalog import queries
    from core import home

    d = next(x for x in queries.list_datasets() if (x["department_id"], x["dataset_id"]) == ("transport", "bus_stops"))
    index = rowindex.open_index(home() / d["path"], d["sha256"])
    assert index is not None
    column = next(c for c in columns if c in index.tables)
    few = [rowindex.Condition(column, (str(wanted[column]),))]
    many = [rowindex.Condition(column, (str(wanted[column]), *(f"x{i}" for i in range(999))))]
    assert index.covers(few) and not index.covers(many)


def test_r2_the_bulk_dump_counts_against_the_download_quota(
    portal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/dump/catalog.zip streams every open file but was the one download outside the quota: any
    client could keep as many whole-catalog streams going as it liked."""
    import yaml

    policy = yaml.safe_load((portal_catalog.REPO / "policy" / "negative_list.yaml").read_text(encoding="utf-8"))
    policy["quotas"]["limits"]["download"]["anonymous"] = 3
    policy["quotas"]["window_seconds"] = 600
    (tmp_path / "policy.yaml").write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PUBDATA_POLICY", str(tmp_path / "policy.yaml"))
    left = httpx.get(f"{portal.url}/api/quota").json()["services"]["download"]["remaining"]
    codes = [httpx.get(f"{portal.url}/dump/catalog.zip").status_code for _ in range(left + 1)]
    assert codes == [200] * left + [429], codes
