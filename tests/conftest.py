"""Test session setup: one Airflow metadata DB and one set of demo sources per session.

``PUBDATA_HOME`` is set to a session folder before anything imports Airflow (Airflow binds its
metadata DB at import). Tests that need a clean catalog use the ``fresh_home`` fixture: a new
``PUBDATA_HOME`` whose ``sources`` link to the session's demo sources.

Tiers (markers registered in ``pyproject.toml``): :func:`pytest_collection_modifyitems` marks a
test ``airflow``, ``portal``, ``pipeline`` or ``gx`` by the fixtures it uses (the fixture is what starts
the expensive part); ``browser``, ``cli``, ``heavy`` and ``distributed`` (and ``airflow`` where no
fixture says it) are set in the test modules; every test with none of them is ``unit``
(``make test-fast``).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_SESSION = Path(os.environ.get("PUBDATA_TEST_DIR") or f"/tmp/pubdata-tests-{os.getpid()}")
if _SESSION.exists():
    shutil.rmtree(_SESSION)
_SESSION.mkdir(parents=True)
os.environ["PUBDATA_HOME"] = str(_SESSION / "home")
os.environ["PUBDATA_RETRY_DELAY"] = "1"
# subprocesses (the CLI, Airflow) import this checkout's packages, whichever venv runs them
os.environ["PYTHONPATH"] = str(REPO)
from support import LiveServer, free_port  # noqa: E402

os.environ["PUBDATA_DEMO_SOURCE_PORT"] = str(free_port())
os.environ.pop("PUBDATA_DEPARTMENTS", None)
os.environ.pop("PUBDATA_SOURCE_ROOTS", None)
os.environ.pop("PUBDATA_KEYS_DIR", None)

from orchestration.airflow_env import configure  # noqa: E402

configure()
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{_SESSION / 'airflow.db'}"


#: fixture -> the tier it puts a test in (the fixture starts the expensive part)
_TIER_OF_FIXTURE = {
    "airflow_db": "airflow",  # Airflow's metadata DB
    "demo_home": "airflow",  # every demo department's DAG run through Airflow
    "in_demo_home": "airflow",
    "portal": "portal",  # tests/portal: a live uvicorn server
    "live_portal": "portal",
    "fresh_home": "pipeline",  # an empty home that tests fill by running pipelines
    "base": "pipeline",  # tests/reliability: a home built by one pipeline run
    "gx_warm": "gx",  # tests/quality: Great Expectations loaded (~10 s of CPU once)
}
#: markers that keep a test out of the unit tier
SYSTEM_TIERS = ("airflow", "browser", "portal", "pipeline", "cli", "gx", "heavy", "distributed")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tier markers from the fixtures; heavy cases run only with ``PUBDATA_HEAVY=1`` (``make test-heavy``)."""
    heavy = os.environ.get("PUBDATA_HEAVY") == "1"
    skip = pytest.mark.skip(reason="heavy case: set PUBDATA_HEAVY=1 (make test-heavy)")
    for item in items:
        if not heavy and item.get_closest_marker("heavy"):
            item.add_marker(skip)
        for name in getattr(item, "fixturenames", ()):
            tier = _TIER_OF_FIXTURE.get(name)
            if tier and not item.get_closest_marker(tier):
                item.add_marker(tier)
        if not any(item.get_closest_marker(m) for m in SYSTEM_TIERS):
            item.add_marker(pytest.mark.unit)


@pytest.fixture(autouse=True)
def _unit_tier_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """A unit test must not load Airflow or the browser driver: fail it (naming the marker it
    needs) when it is the one that imports them."""
    if request.node.get_closest_marker("unit") is None:
        yield
        return
    before = {m for m in ("airflow", "playwright") if m in sys.modules}
    yield
    loaded = {m for m in ("airflow", "playwright") if m in sys.modules} - before
    assert not loaded, f"a unit test imported {sorted(loaded)}: mark it airflow or browser"


@pytest.fixture(scope="session")
def session_dir() -> Path:
    return _SESSION


@pytest.fixture(scope="session")
def demo_sources(session_dir: Path) -> Path:
    """The demo departments' sources, generated once per session."""
    from orchestration.demo import generate

    return generate(session_dir / "home" / "sources")


@pytest.fixture(scope="session")
def airflow_db() -> None:
    """Airflow's metadata DB, initialised once per session (~7 s)."""
    from orchestration.runner import ensure_airflow_db

    ensure_airflow_db()


@pytest.fixture
def fresh_home(tmp_path: Path, demo_sources: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty PUBDATA_HOME (catalog, lake, keys) that still sees the session's demo sources."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "sources").symlink_to(demo_sources, target_is_directory=True)
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def http_sources(demo_sources: Path) -> Iterator[str]:
    from orchestration.demo import serve_http_sources

    with serve_http_sources(demo_sources) as url:
        yield url


@pytest.fixture
def live_portal() -> Iterator[LiveServer]:
    with LiveServer() as server:
        yield server


@pytest.fixture(scope="session")
def demo_home(session_dir: Path, demo_sources: Path, airflow_db, http_sources) -> Path:
    """A PUBDATA_HOME where every demo department's DAG has run once (like `make demo`)."""
    from orchestration.runner import run_departments

    home = session_dir / "demo"
    home.mkdir()
    (home / "sources").symlink_to(demo_sources, target_is_directory=True)
    old = os.environ["PUBDATA_HOME"]
    os.environ["PUBDATA_HOME"] = str(home)
    try:
        outcomes = run_departments(progress=False)
    finally:
        os.environ["PUBDATA_HOME"] = old
    failed = [o for o in outcomes if not o.ok]
    assert not failed, failed
    return home


@pytest.fixture
def in_demo_home(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUBDATA_HOME", str(demo_home))
    return demo_home
