"""Fixtures of the sharing-service tests: real pipeline runs, a live portal, department tokens.

``services_home`` (once per session): a PUBDATA_HOME with every demo department registered and
civil_affairs.subsidy_recipients run through the five stages (``run_dataset``), with
a live portal and a token per department and one officer's token. ``granted`` (once): health
and transport file demands through the API, civil_affairs grants them through the API, what
the portal answers before the next run is recorded, then the dataset runs again (run2) and the
grants take effect.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from services_support import DATASET, SUBSIDY, Services, ok
from support import LiveServer


@pytest.fixture(scope="session")
def services_home(session_dir: Path, demo_sources: Path) -> Iterator[Services]:
    from catalog import tokens
    from catalog.publish import register_department
    from orchestration.pipeline import run_dataset
    from warehouse.manifest import departments_dir, load_department

    home = session_dir / "services"
    home.mkdir()
    (home / "sources").symlink_to(demo_sources, target_is_directory=True)
    old = os.environ["PUBDATA_HOME"]
    os.environ["PUBDATA_HOME"] = str(home)
    try:
        for manifest in sorted(departments_dir().glob("*.yaml")):
            register_department(load_department(manifest))
        run_dataset("civil_affairs", "subsidy_recipients", "run1")
        secrets = {
            d: tokens.issue(d)[1] for d in ("health", "transport", "civil_affairs", "market_regulation", "ecology")
        }
        officer = tokens.issue(officer="li.officer")[1]
        with LiveServer() as server:
            yield Services(home, server.url, secrets, officer)
    finally:
        os.environ["PUBDATA_HOME"] = old


@pytest.fixture(autouse=True)
def _in_services_home(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "services_home" in request.fixturenames:
        monkeypatch.setenv("PUBDATA_HOME", str(request.getfixturevalue("services_home").home))


@pytest.fixture(scope="session")
def granted(services_home: Services) -> Services:
    """Demands filed and granted through the API; observations before the next run; run2."""
    from orchestration.pipeline import run_dataset

    s = services_home
    with s.client("health") as health, s.client("transport") as transport, s.client("civil_affairs") as owner:
        d1 = ok(
            health.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": ["id_number", "subsidy_type", "amount", "month", "division_code"],
                    "services": ["share", "verify", "query"],
                    "purpose": "eligibility_check",
                    "legal_basis": "《社会救助暂行办法》第二十九条：医疗救助对象的认定",
                    "period_end": "2027-12-31",
                },
            ),
            201,
        )
        d2 = ok(
            transport.post(
                "/api/demands",
                json={
                    "dataset": DATASET,
                    "fields": ["recipient_name", "subsidy_type", "month"],
                    "services": ["share", "verify"],
                    "purpose": "fare_concession",
                    "legal_basis": "《某省公共交通乘车优惠办法》第六条（示例）",
                },
            ),
            201,
        )
        g1 = ok(
            owner.post(
                f"/api/demands/{d1['id']}/answer",
                json={
                    "decision": "grant",
                    "verify_keys": ["id_number"],
                    "verify_fields": ["recipient_name", "subsidy_type"],
                    "epsilon": 50,
                },
            )
        )
        g2 = ok(
            owner.post(
                f"/api/demands/{d2['id']}/answer",
                json={
                    "decision": "grant",
                    "mode": "clear",
                    "verify_keys": ["id_number"],
                    "verify_fields": ["subsidy_type"],
                },
            )
        )
        before = {
            "shared": health.get(
                "/api/shared/civil_affairs/subsidy_recipients", params={"purpose": "eligibility_check"}
            ),
            "verify": health.post(
                SUBSIDY,
                json={
                    "keys": [{"id_number": "11010519491231002X", "subsidy_type": "低保"}],
                    "fields": ["subsidy_type"],
                },
            ),
        }
    s.extra.update(demand=d1, grant=g1["grant_id"], transport_demand=d2, transport_grant=g2["grant_id"], before=before)
    run_dataset("civil_affairs", "subsidy_recipients", "run2")
    return s
