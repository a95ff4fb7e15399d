"""Conditional data: department tokens, scopes, expiry, revocation, applications, shared variants."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import httpx
import portal_catalog
import pytest

from catalog import tokens
from catalog.store import connect

PUBDATA = [sys.executable, "-m", "cli.main"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_scoped_token_reads_conditional_data_and_is_audited(portal) -> None:
    _, token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance", days=30)
    url = f"{portal.url}/datasets/health/clinic_visits/download.csv"
    r = httpx.get(url, headers=bearer(token))
    assert r.status_code == 200 and portal_catalog.CONDITIONAL_MARK in r.content.decode("utf-8-sig")
    # ckanapi style: raw key in X-CKAN-API-Key
    ds = httpx.post(
        f"{portal.url}/api/action/datastore_search",
        headers={"X-CKAN-API-Key": token},
        json={"resource_id": "health__clinic_visits__csv", "limit": 1},
    )
    assert ds.status_code == 200 and ds.json()["result"]["total"] == 40
    # the scope is for one purpose
    assert httpx.get(url, params={"purpose": "statistics"}, headers=bearer(token)).status_code == 403
    # ... and one dataset: department B's conditional data stays closed to department A's token
    other = httpx.get(f"{portal.url}/datasets/civil_affairs/subsidy_recipients/download.csv", headers=bearer(token))
    assert other.status_code == 403 and other.json()["error"]["status"] == 403
    with connect(read_only=True) as con:
        rows = con.execute(
            "SELECT actor, action, detail_json FROM audit_log WHERE subject = 'health.clinic_visits' "
            "AND action = 'access.conditional'"
        ).fetchall()
    assert len(rows) >= 2
    assert all(token not in (a + d) for a, _, d in rows), "a token secret reached the audit log"


def test_wrong_expired_and_revoked_tokens(portal) -> None:
    url = f"{portal.url}/datasets/health/clinic_visits/download.json"
    assert httpx.get(url, headers=bearer("pdt_000000000000_" + "x" * 43)).status_code == 401
    assert httpx.get(url, headers=bearer("not-a-token")).status_code == 401
    row, token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    assert httpx.get(url, headers=bearer(token)).status_code == 200
    tokens.revoke(row["id"])
    r = httpx.get(url, headers=bearer(token))
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/json")
    row, token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    with connect() as con:
        con.execute("UPDATE tokens SET expires_at = ? WHERE id = ?", [dt.datetime(2000, 1, 1), row["id"]])
    assert httpx.get(url, headers=bearer(token)).status_code == 401
    row, token = tokens.issue("civil_affairs", dataset="health.clinic_visits", purpose="medical_assistance")
    with connect() as con:
        con.execute("UPDATE token_scopes SET expires_at = ? WHERE token_id = ?", [dt.datetime(2000, 1, 1), row["id"]])
    assert httpx.get(url, headers=bearer(token)).status_code == 403
    # a token without scope is authenticated but not authorised
    _, plain = tokens.issue("transport")
    assert httpx.get(url, headers=bearer(plain)).status_code == 403
    with connect(read_only=True) as con:
        hashes = [r[0] for r in con.execute("SELECT secret_sha256 FROM tokens").fetchall()]
    assert plain not in hashes and all(len(h) == 64 for h in hashes)


def test_shared_variant_only_for_the_recipient(portal) -> None:
    url = f"{portal.url}/api/shared/health/clinic_visits"
    _, recipient = tokens.issue("civil_affairs")
    _, stranger = tokens.issue("transport")
    assert httpx.get(url, params={"purpose": "medical_assistance"}).status_code == 401
    assert httpx.get(url, params={"purpose": "medical_assistance"}, headers=bearer(stranger)).status_code == 403
    assert httpx.get(url, params={"purpose": "marketing"}, headers=bearer(recipient)).status_code == 403
    r = httpx.get(url, params={"purpose": "medical_assistance", "format": "json"}, headers=bearer(recipient))
    assert r.status_code == 200 and r.json() == [{"就诊流水号": "V00001", "费用": 121.0}]


def test_application_review_approval_via_api_and_portal(portal, officer_token: str) -> None:
    row, token = tokens.issue("transport")
    url = f"{portal.url}/datasets/civil_affairs/subsidy_recipients/download.json"
    assert httpx.get(url, headers=bearer(token)).status_code == 403
    app = httpx.post(
        f"{portal.url}/api/applications",
        headers=bearer(token),
        json={
            "dataset": "civil_affairs.subsidy_recipients",
            "purpose": "transit_subsidy",
            "reason": "公交优惠资格核验",
        },
    )
    assert app.status_code == 201, app.text
    app_id = app.json()["id"]
    # a department token cannot approve
    assert (
        httpx.post(
            f"{portal.url}/api/officers/applications/{app_id}", headers=bearer(token), json={"approve": True}
        ).status_code
        == 403
    )
    assert httpx.post(f"{portal.url}/api/officers/applications/{app_id}", json={"approve": True}).status_code == 401
    ok = httpx.post(
        f"{portal.url}/api/officers/applications/{app_id}",
        headers=bearer(officer_token),
        json={"approve": True, "note": "符合规定"},
    )
    assert ok.status_code == 200 and ok.json()["status"] == "approved" and "token" not in ok.json()
    assert httpx.get(url, headers=bearer(token)).status_code == 200
    assert (
        httpx.post(
            f"{portal.url}/api/officers/applications/{app_id}", headers=bearer(officer_token), json={"approve": False}
        ).status_code
        == 409
    )
    # the browser form: anonymous application; approval issues a new token shown once
    form = httpx.post(
        f"{portal.url}/datasets/civil_affairs/subsidy_recipients/apply",
        data={"applicant": "ecology", "purpose": "research", "reason": "研究老龄化与补贴的关系"},
    )
    assert form.status_code == 200 and "待审核" in form.text
    pending = httpx.get(
        f"{portal.url}/api/officers/applications", params={"status": "pending"}, headers=bearer(officer_token)
    ).json()
    mine = next(a for a in pending if a["applicant"] == "ecology")
    client = httpx.Client(base_url=portal.url)
    login = client.post("/officers/login", data={"token": officer_token}, follow_redirects=True)
    assert login.status_code == 200 and mine["id"] in login.text
    csrf = login.text.split('name="csrf" value="')[1].split('"')[0]
    assert client.post(f"/officers/applications/{mine['id']}", data={"decision": "approve"}).status_code == 403
    done = client.post(f"/officers/applications/{mine['id']}", data={"decision": "approve", "csrf": csrf})
    assert done.status_code == 200
    new_token = done.text.split('id="new-token"')[1].split("<code>")[1].split("</code>")[0]
    assert httpx.get(url, params={"purpose": "research"}, headers=bearer(new_token)).status_code == 200


def test_officer_pages_need_an_officer_token(portal, officer_token: str) -> None:
    for path in ("/officers/", "/officers/audit", "/officers/tokens", "/officers/data-docs/index.html"):
        api = httpx.get(portal.url + path)
        assert api.status_code == 401 and api.json()["error"]["status"] == 401
        html = httpx.get(portal.url + path, headers={"Accept": "text/html"})
        assert html.status_code == 401 and "管理员令牌" in html.text
    _, dept_token = tokens.issue("health")
    assert httpx.get(f"{portal.url}/api/officers/audit", headers=bearer(dept_token)).status_code == 403
    audit = httpx.get(f"{portal.url}/api/officers/audit", headers=bearer(officer_token)).json()
    assert audit["chain_ok"] is True and audit["entries"]
    page = httpx.get(f"{portal.url}/officers/audit", headers={**bearer(officer_token), "Accept": "text/html"})
    assert page.status_code == 200 and "哈希链完整" in page.text


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """The real `pubdata` entry point, in-process (a subprocess costs seconds of imports each)."""
    from cli.main import main

    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.cli
def test_cli_issue_apply_approve_list_revoke(portal, capsys) -> None:
    code, out, _ = cli(capsys, "tokens", "issue", "ecology")
    token = out.strip().splitlines()[-1]
    token_id = token.split("_")[1]
    code, out, _ = cli(
        capsys,
        "tokens",
        "apply",
        "ecology",
        "--dataset",
        "health.clinic_visits",
        "--purpose",
        "epidemiology",
        "--reason",
        "空气质量与呼吸道就诊",
        "--token-id",
        token_id,
    )
    app_id = out.split()[1]
    assert app_id in cli(capsys, "tokens", "approve")[1]
    assert cli(capsys, "tokens", "approve", app_id, "--by", "li.officer")[0] == 0
    url = f"{portal.url}/datasets/health/clinic_visits/download.json"
    assert httpx.get(url, params={"purpose": "epidemiology"}, headers=bearer(token)).status_code == 200
    # one run as a real separate process, while the portal is serving
    listing = subprocess.run(PUBDATA + ["tokens", "list"], capture_output=True, text=True, check=True).stdout
    assert token_id in listing and "health.clinic_visits for epidemiology" in listing and token not in listing
    assert cli(capsys, "tokens", "revoke", token_id)[0] == 0
    assert httpx.get(url, headers=bearer(token)).status_code == 401
    code, _, err = cli(capsys, "tokens", "issue", "no_such_dept")
    assert code == 2 and "no department" in err


@pytest.mark.parametrize(
    "args", [["--dataset", "health.clinic_visits"], ["--days", "0"], ["--dataset", "../x", "--purpose", "p"]]
)
def test_cli_rejects_bad_issue_arguments(capsys, args) -> None:
    code, _, err = cli(capsys, "tokens", "issue", "civil_affairs", *args)
    assert code == 2 and err.startswith("error:")
