"""Fixtures of the portal tests: one catalog built directly (no Airflow) and one live server.

``portal_home`` is built once per session; every test of this folder runs with PUBDATA_HOME
pointing at it (autouse), so the live server thread reads it too. Tests that break things
(audit tampering) use ``scratch_home``, their own small catalog.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import portal_catalog as _catalog
import pytest
from support import LiveServer


@pytest.fixture(scope="session")
def portal_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _catalog.build_home(tmp_path_factory.mktemp("portal"))


@pytest.fixture(autouse=True)
def _in_portal_home(portal_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUBDATA_HOME", str(portal_home))
    monkeypatch.delenv("PUBDATA_PORTAL_URL", raising=False)
    return portal_home


@pytest.fixture(autouse=True)
def _many_refusals_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests send hundreds of refused tokens from one address; the refusal limit
    (PUBDATA_AUTH_FAILURE_LIMIT) has its own test and is lifted for the others."""
    monkeypatch.setenv("PUBDATA_AUTH_FAILURE_LIMIT", "1000000/1")


@pytest.fixture(scope="session")
def portal(portal_home: Path) -> Iterator[LiveServer]:
    """A live uvicorn server for the whole folder (it reads PUBDATA_HOME per request)."""
    os.environ["PUBDATA_HOME"] = str(portal_home)
    with LiveServer() as server:
        yield server


@pytest.fixture
def scratch_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    from catalog.publish import register_department
    from warehouse.manifest import load_department

    register_department(load_department(_catalog.REPO / "departments" / "health.yaml"))
    return home


@pytest.fixture(scope="session")
def officer_token(portal_home: Path) -> str:
    os.environ["PUBDATA_HOME"] = str(portal_home)
    from catalog import tokens

    return tokens.issue(officer="wang.officer")[1]
