"""End to end through real Airflow DAG runs (dag.test), a real DuckDB catalog and the lake."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest


def run_department(dept: str):
    from orchestration.runner import run_departments

    return run_departments([dept], progress=False)


def catalog(sql: str, params: list | None = None) -> list[tuple]:
    from catalog.store import connect

    with connect(read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.mark.usefixtures("airflow_db", "http_sources")
def test_one_department_dag_lands_validates_and_publishes(fresh_home: Path) -> None:
    outcomes = run_department("ecology")
    assert [(o.dataset, o.status) for o in outcomes] == [("air_quality", "published")]
    # the lake: raw bytes landed, raw/valid parquet, an immutable open version
    landing = list((fresh_home / "landing" / "ecology" / "air_quality").glob("*/air_quality.csv"))
    assert len(landing) == 1
    raw = list((fresh_home / "lake" / "raw" / "ecology" / "air_quality").glob("*.parquet"))
    assert len(raw) == 1 and pq.read_metadata(raw[0]).num_rows == 480
    version_file = fresh_home / "open" / "ecology" / "air_quality" / "v000001.parquet"
    assert version_file.is_file()
    # the catalog: metadata rows and the open view with the published rows
    assert catalog("SELECT id, name FROM departments") == [("ecology", "省生态环境厅")]
    (version, rows, path, score) = catalog(
        "SELECT version, rows, path, quality_score FROM versions WHERE dataset_id = 'air_quality'"
    )[0]
    assert (version, rows, path) == (1, 480, "open/ecology/air_quality/v000001.parquet")
    assert 0 <= score <= 100
    assert catalog('SELECT count(*), count(DISTINCT (station, date)) FROM open."ecology__air_quality"') == [(480, 480)]
    assert catalog('SELECT typeof(aqi) FROM open."ecology__air_quality" LIMIT 1') == [("INTEGER",)] or catalog(
        'SELECT typeof(aqi) FROM open."ecology__air_quality" LIMIT 1'
    ) == [("BIGINT",)]
    # XCom carried paths and small summaries only
    run = catalog("SELECT status, input_rows, valid_rows FROM runs")[0]
    assert run == ("published", 480, 480)


@pytest.mark.usefixtures("airflow_db", "http_sources")
def test_running_again_adds_exactly_one_version_and_no_duplicate_rows(fresh_home: Path) -> None:
    run_department("transport")
    run_department("transport")
    versions = catalog("SELECT dataset_id, list(version ORDER BY version) FROM versions GROUP BY 1 ORDER BY 1")
    assert versions == [("bus_stops", [1, 2]), ("ridership", [1, 2])]
    assert catalog('SELECT count(*) FROM open."transport__ridership"') == [(1200,)]
    assert catalog('SELECT count(*) FROM open."transport__bus_stops"') == [(300,)]
    assert len(list((fresh_home / "open" / "transport" / "ridership").glob("v*.parquet"))) == 2


@pytest.mark.usefixtures("airflow_db")
def test_a_failed_run_keeps_the_last_good_version(fresh_home: Path, tmp_path: Path, monkeypatch) -> None:
    import shutil

    run_department("ecology")
    before = catalog('SELECT count(*) FROM open."ecology__air_quality"')
    # the department's next export is broken: the source file is now empty
    src = tmp_path / "src"
    shutil.copytree(fresh_home / "sources" / "ecology", src / "ecology")
    (src / "ecology" / "air_quality.csv").write_bytes(b"")
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(src))
    outcomes = run_department("ecology")
    assert outcomes[0].status == "failed" and "air_quality.csv: the file is empty" in outcomes[0].message
    assert catalog('SELECT count(*) FROM open."ecology__air_quality"') == before
    assert catalog("SELECT max(version) FROM versions") == [(1,)]
    assert (fresh_home / "landing").exists()


def test_publish_is_idempotent_for_the_same_run(fresh_home: Path, tmp_path: Path) -> None:
    import pyarrow as pa

    from catalog.publish import publish_version, register_department
    from warehouse.lake import RunPaths
    from warehouse.manifest import departments_dir, load_department

    register_department(load_department(departments_dir() / "ecology.yaml"))
    src = tmp_path / "p.parquet"
    pq.write_table(pa.table({"station": ["a", "b"]}), src)
    paths = RunPaths.for_run("ecology", "air_quality", "manual__2026-01-01T00:00:00+00:00")
    first = publish_version(
        paths, "manual__2026-01-01T00:00:00+00:00", src, columns=[{"name": "station"}], open_tier="open"
    )
    again = publish_version(
        paths, "manual__2026-01-01T00:00:00+00:00", src, columns=[{"name": "station"}], open_tier="open"
    )
    assert (first["version"], again["version"], again["reused"]) == (1, 1, True)
    assert catalog("SELECT count(*) FROM versions") == [(1,)]
    assert catalog("SELECT count(*) FROM columns") == [(1,)]


def test_an_orphan_file_from_a_crashed_publish_is_not_a_version(fresh_home: Path, tmp_path: Path) -> None:
    import pyarrow as pa

    from catalog.publish import publish_version, register_department
    from warehouse.lake import RunPaths
    from warehouse.manifest import departments_dir, load_department

    register_department(load_department(departments_dir() / "ecology.yaml"))
    open_dir = fresh_home / "open" / "ecology" / "air_quality"
    open_dir.mkdir(parents=True)
    pq.write_table(pa.table({"station": ["half-written"]}), open_dir / "v000001.parquet")  # no catalog row
    src = tmp_path / "p.parquet"
    pq.write_table(pa.table({"station": ["a", "b"]}), src)
    res = publish_version(
        RunPaths.for_run("ecology", "air_quality", "r2"), "r2", src, columns=[{"name": "station"}], open_tier="open"
    )
    assert res["version"] == 1
    assert catalog('SELECT list(station ORDER BY station) FROM open."ecology__air_quality"') == [(["a", "b"],)]
