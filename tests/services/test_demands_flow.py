"""Data demands against a running portal: file -> answer -> the grant takes effect on the next run
-> access -> revoke; refusals and overdue demands on the scorecard; anonymous callers get 401."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest
from services_support import DATASET, SUBSIDY, Services, ok

from catalog import audit

POSTS = [
    "/api/demands",
    SUBSIDY,
    "/api/query",
    "/api/demands/dm_0000000000/answer",
    "/api/grants/gr_0000000000/revoke",
]


@pytest.mark.parametrize("path", POSTS)
@pytest.mark.parametrize("body", [b"", b"{not json", b'{"dataset": "health.clinic_visits"}'])
def test_anonymous_callers_get_a_ckan_style_401_never_404(services_home: Services, path: str, body: bytes) -> None:
    with services_home.client() as c:
        r = c.post(path, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 401, r.text
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    payload = r.json()
    assert payload["success"] is False
    assert payload["error"]["__type"] == "Authorization Error"
    assert "token" in payload["error"]["message"]


def test_a_revoked_or_unknown_token_is_refused_too(services_home: Services) -> None:
    with services_home.client() as c:
        r = c.post("/api/query", json={}, headers={"Authorization": "Bearer pdt_000000000000_" + "x" * 40})
    assert r.status_code == 401 and r.json()["error"]["__type"] == "Authorization Error"


def test_before_the_next_run_the_grant_has_no_variant_and_no_index(granted: Services) -> None:
    before = granted.extra["before"]
    assert before["shared"].status_code == 404  # granted, but nothing was produced yet
    assert before["verify"].status_code == 409
    assert "next run" in before["verify"].json()["error"]["message"]


def test_grant_takes_effect_on_the_next_run_without_editing_the_manifest(granted: Services, tmp_path) -> None:
    from catalog.services import published_run

    s = granted
    with s.client("health") as health:
        r = health.get("/api/shared/civil_affairs/subsidy_recipients", params={"purpose": "eligibility_check"})
    assert r.status_code == 200, r.text
    (tmp_path / "v.parquet").write_bytes(r.content)
    shared = pq.read_table(tmp_path / "v.parquet")
    # the granted fields; subsidy_type is a welfare status (sensitive since issue 12): it travels only
    # when the grant names it in clear (then encrypted for the recipient), never in a pseudonymised variant
    assert set(shared.column_names) == {"id_number", "amount", "month", "division_code"}
    paths, manifest = published_run("civil_affairs", "subsidy_recipients")
    assert paths.run == "run2"
    assert not any(sh["purpose"] == "eligibility_check" for sh in manifest.get("sharing", []))
    raw_ids = set(pq.read_table(paths.valid, columns=["id_number"]).column(0).to_pylist())
    pseudonyms = shared.column("id_number").to_pylist()
    assert all(len(p) == 32 and int(p, 16) >= 0 for p in pseudonyms)  # keyed pseudonyms, not ID numbers
    assert not raw_ids & set(pseudonyms)

    # the clear-mode grant: the personal field travels encrypted for the recipient
    with s.client("transport") as transport:
        r = transport.get("/api/shared/civil_affairs/subsidy_recipients", params={"purpose": "fare_concession"})
    assert r.status_code == 200, r.text
    (tmp_path / "t.parquet").write_bytes(r.content)
    names = pq.read_table(tmp_path / "t.parquet").schema.field("recipient_name")
    assert str(names.type) == "binary"

    # the owner's own manifest scope is untouched and other departments still get nothing
    with s.client("ecology") as other:
        r = other.get("/api/shared/civil_affairs/subsidy_recipients", params={"purpose": "eligibility_check"})
    assert r.status_code == 403


def test_revoking_stops_every_service_at_once(granted: Services) -> None:
    s = granted
    grant_id = s.extra["transport_grant"]
    keys = {"keys": [{"id_number": "11010519491231002X", "subsidy_type": "低保"}], "fields": ["subsidy_type"]}
    with s.client("transport") as transport, s.client("health") as health, s.client("civil_affairs") as owner:
        assert (
            transport.get(
                "/api/shared/civil_affairs/subsidy_recipients", params={"purpose": "fare_concession"}
            ).status_code
            == 200
        )
        assert transport.post(SUBSIDY, json=keys).status_code == 200
        # only the owner (or an officer) revokes
        r = health.post(f"/api/grants/{grant_id}/revoke", json={"reason": "not mine"})
        assert r.status_code == 403 and r.json()["success"] is False
        g = ok(owner.post(f"/api/grants/{grant_id}/revoke", json={"reason": "用途已结束"}))
        assert g["revoked_at"] is not None and g["active"] is False
        r = transport.get("/api/shared/civil_affairs/subsidy_recipients", params={"purpose": "fare_concession"})
        assert r.status_code == 403
        r = transport.post(SUBSIDY, json=keys)
        assert r.status_code == 403 and r.json()["error"]["__type"] == "Authorization Error"
    actions = [e["action"] for e in audit.entries(limit=1000)]
    for action in ("demand.file", "demand.grant", "grant.create", "grant.revoke", "access.shared", "access.denied"):
        assert action in actions, action


def test_demands_are_seen_by_requester_owner_and_officers_only(granted: Services) -> None:
    s = granted
    demand_id = s.extra["demand"]["id"]
    with s.client("health") as h, s.client("civil_affairs") as o, s.client("ecology") as e, s.client("officer") as off:
        assert demand_id in {d["id"] for d in ok(h.get("/api/demands"))}
        assert demand_id in {d["id"] for d in ok(o.get("/api/demands"))}
        assert demand_id not in {d["id"] for d in ok(e.get("/api/demands"))}
        assert e.get(f"/api/demands/{demand_id}").status_code == 404
        shown = ok(off.get(f"/api/demands/{demand_id}"))
        assert shown["status"] == "granted" and shown["response_days"] == 0
        everything = ok(off.get("/api/demands"))
        assert {d["requester"] for d in everything} >= {"health", "transport"}
        page = off.get("/officers/demands")
    assert page.status_code == 200
    assert demand_id in page.text and "期限" in page.text and "已同意" in page.text


def test_granted_demands_count_as_fulfilled_in_the_operations_evaluation(granted: Services) -> None:
    from catalog.demands import list_demands
    from catalog.usage_stats import demand_fulfilment

    demands = [d for d in list_demands() if d["status"] != "withdrawn"]
    got = demand_fulfilment()
    assert got is not None and got["fulfilled"] >= 2  # health's and transport's demands were granted
    assert got == {
        "demands": len(demands),
        "fulfilled": sum(d["status"] == "granted" for d in demands),
        "rate": sum(d["status"] == "granted" for d in demands) / len(demands),
    }
    with granted.client("officer") as off:
        page = off.get("/officers/usage")
    assert page.status_code == 200
    assert f"{got['fulfilled']} / {got['demands']} 项数据需求已满足" in page.text


def test_refusal_needs_a_rule_or_a_basis_and_without_basis_counts_on_the_scorecard(services_home: Services) -> None:
    s = services_home
    ask = {"dataset": DATASET, "fields": ["month"], "purpose": "licensing"}
    with s.client("health") as health, s.client("civil_affairs") as owner:
        ids = [
            ok(health.post("/api/demands", json={**ask, "legal_basis": "《行政许可法》第三十一条（示例）"}), 201)["id"]
            for _ in range(3)
        ]
        r = owner.post(f"/api/demands/{ids[0]}/answer", json={"decision": "refuse", "refusal_rule": "NL-NOPE"})
        assert r.status_code == 409 and "negative list" in r.json()["error"]["message"]
        r = owner.post(f"/api/demands/{ids[0]}/answer", json={"decision": "refuse", "refusal_basis": "不行"})
        assert r.status_code == 409  # too short to cite anything
        with_rule = ok(
            owner.post(f"/api/demands/{ids[0]}/answer", json={"decision": "refuse", "refusal_rule": "NL-W03"})
        )
        assert with_rule["status"] == "refused" and with_rule["without_basis"] is False
        cited = ok(
            owner.post(
                f"/api/demands/{ids[1]}/answer",
                json={"decision": "refuse", "refusal_basis": "《中华人民共和国数据安全法》第三十八条（示例）"},
            )
        )
        assert cited["without_basis"] is False
        bare = ok(owner.post(f"/api/demands/{ids[2]}/answer", json={"decision": "refuse"}))
        assert bare["status"] == "refused" and bare["without_basis"] is True
        # answered once is answered
        assert owner.post(f"/api/demands/{ids[2]}/answer", json={"decision": "grant"}).status_code == 409
        card = s.client().get("/api/scorecard").json()
        page = s.client().get("/scorecard").text
    owner_row = next(r for r in card["ranking"] if r["department_id"] == "civil_affairs")
    assert owner_row["refused_without_basis"] >= 1
    assert owner_row["demand_score"] < 100
    assert owner_row["received"] >= 3
    assert "无依据拒绝" in page


def test_an_overdue_demand_is_listed_as_withheld_and_lowers_the_score(services_home: Services) -> None:
    from catalog.store import connect

    s = services_home
    with s.client("transport") as transport:
        d = ok(
            transport.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": ["division_code", "subsidy_type"],
                    "purpose": "operator_licensing",
                    "legal_basis": "《道路运输条例》第十条（示例）",
                },
            ),
            201,
        )
    # three weeks pass without an answer
    past = dt.datetime(2026, 1, 5, 2, 0)
    with connect() as con:
        con.execute(
            "UPDATE demands SET filed_at = ?, routed_at = ?, due_at = ? WHERE id = ?",
            [past, past, dt.datetime(2026, 1, 19, 16, 0), d["id"]],
        )
    with s.client("officer") as off:
        overdue = ok(off.get("/api/demands", params={"status": "overdue"}))
        assert d["id"] in {x["id"] for x in overdue}
        page = off.get("/officers/demands", params={"status": "overdue"}).text
    assert d["id"] in page and "逾期" in page
    card = s.client().get("/api/scorecard").json()
    items = card["withheld_without_rule"]["civil_affairs"]
    assert any(it.get("demand_id") == d["id"] for it in items)
    owner_row = next(r for r in card["ranking"] if r["department_id"] == "civil_affairs")
    assert owner_row["overdue"] >= 1
    assert d["id"] in s.client().get("/scorecard").text


def test_a_free_description_is_routed_by_an_officer_then_has_a_deadline(services_home: Services) -> None:
    s = services_home
    with s.client("health") as health, s.client("officer") as off, s.client("transport") as transport:
        d = ok(
            health.post(
                "/api/demands",
                json={
                    "description": "全省养老机构的床位数，用于评估医养结合服务能力",
                    "purpose": "elderly_care_planning",
                    "legal_basis": "《关于深入推进医养结合发展的若干意见》（示例）",
                },
            ),
            201,
        )
        assert d["owner"] is None and d["due_at"] is None
        assert transport.post(f"/api/demands/{d['id']}/route", json={"owner": "civil_affairs"}).status_code == 403
        routed = ok(off.post(f"/api/demands/{d['id']}/route", json={"owner": "civil_affairs"}))
    assert routed["owner"] == "civil_affairs" and routed["due_at"] is not None


def test_the_dataset_page_form_files_a_demand(services_home: Services) -> None:
    s = services_home
    with s.client() as c:
        page = c.get("/datasets/civil_affairs/subsidy_recipients")
        assert 'id="demand-form"' in page.text and "申请共享" in page.text
        bad = c.post(
            "/datasets/civil_affairs/subsidy_recipients/demand",
            data={"token": "pdt_nope", "purpose": "x_y", "legal_basis": "《统计法》第七条规定"},
        )
        assert bad.status_code == 401 and "令牌无效" in bad.text
        r = c.post(
            "/datasets/civil_affairs/subsidy_recipients/demand",
            data={
                "token": s.tokens["ecology"],
                "fields": ["division_code", "amount"],
                "services": ["query"],
                "purpose": "environment_health",
                "legal_basis": "《环境保护法》第三十九条（示例）",
            },
        )
    assert r.status_code == 201, r.text
    assert "需求已提交" in r.text and "civil_affairs" in r.text
    with s.client("civil_affairs") as owner:
        mine = ok(owner.get("/api/demands", params={"status": "filed"}))
    assert any(d["requester"] == "ecology" and d["purpose"] == "environment_health" for d in mine)


def test_a_department_cannot_demand_its_own_data_or_unknown_fields(services_home: Services) -> None:
    with services_home.client("civil_affairs") as c:
        own = c.post(
            "/api/demands", json={"dataset": DATASET, "fields": ["amount"], "purpose": "p", "legal_basis": "x" * 10}
        )
        assert own.status_code == 409
    with services_home.client("health") as c:
        r = c.post(
            "/api/demands", json={"dataset": DATASET, "fields": ["工资"], "purpose": "p", "legal_basis": "x" * 10}
        )
        assert r.status_code == 409 and "工资" in r.json()["error"]["message"]
        r = c.post("/api/demands", json={"dataset": DATASET, "fields": ["amount"], "purpose": "p", "legal_basis": "短"})
        assert r.status_code == 409
