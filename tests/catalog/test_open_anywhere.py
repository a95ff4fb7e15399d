"""The DuckDB catalog opens from any directory and after PUBDATA_HOME is moved, with the stock
``duckdb`` module (and the CLI when installed), and the README's examples run as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.cli  # the stock duckdb module (and CLI) in fresh processes

REPO = Path(__file__).resolve().parents[2]
QUERY = "select count(*), min(stop_id) from open.transport__bus_stops"


def _stops(n: int) -> pa.Table:
    return pa.table(
        {
            "stop_id": [f"S{i:03d}" for i in range(n)],
            "stop_name": [f"武林门{i}站" for i in range(n)],
            "latitude": [30.27 + i / 1e4 for i in range(n)],
            "longitude": [120.16 + i / 1e4 for i in range(n)],
            "lines": ["B1;K7" for _ in range(n)],
            "district_code": ["330106" if i % 3 else "330102" for i in range(n)],
        }
    )


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from catalog.publish import publish_version, register_department
    from warehouse.lake import RunPaths
    from warehouse.manifest import departments_dir, load_department

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    register_department(load_department(departments_dir() / "transport.yaml"))
    for run, n in (("r1", 10), ("r2", 12)):
        src = tmp_path / f"{run}.parquet"
        pq.write_table(_stops(n), src)
        publish_version(
            RunPaths.for_run("transport", "bus_stops", run),
            run,
            src,
            columns=[{"name": c} for c in _stops(1).column_names],
            open_tier="open",
        )
    return home


def _plain_duckdb(db: Path, cwd: Path, sql: str = QUERY) -> str:
    """Query with the stock duckdb module in a fresh process: no PUBDATA_HOME, no setup."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUBDATA")}
    code = f"import duckdb; print(duckdb.connect({str(db)!r}, read_only=True).sql({sql!r}).fetchall())"
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_open_tables_answer_from_any_directory_and_after_a_move(home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    expected = "[(12, 'S000')]"  # the latest version (v2, 12 rows)
    assert _plain_duckdb(home / "catalog.duckdb", cwd=elsewhere) == expected
    assert _plain_duckdb(Path("catalog.duckdb"), cwd=home) == expected
    # move the whole folder away (the old path no longer exists), query from a third directory
    moved = tmp_path / "copied" / "pubdata-home"
    moved.parent.mkdir()
    shutil.move(str(home), str(moved))
    assert not home.exists()
    assert _plain_duckdb(moved / "catalog.duckdb", cwd=elsewhere) == expected
    # the catalog file alone is enough for the open tables
    lone = tmp_path / "lone.duckdb"
    shutil.copy(moved / "catalog.duckdb", lone)
    assert _plain_duckdb(lone, cwd=tmp_path) == expected
    cli = shutil.which("duckdb")
    if cli:  # the DuckDB CLI is not installed by `make install`; checked when present
        out = subprocess.run([cli, "-readonly", str(lone), "-csv", "-c", QUERY], capture_output=True, text=True)
        assert out.returncode == 0 and "12,S000" in out.stdout, out.stderr


def test_a_catalog_with_relative_views_is_converted(home: Path, tmp_path: Path) -> None:
    """Catalogs written before (views over paths relative to PUBDATA_HOME) heal on the first write."""
    import duckdb

    from catalog.store import connect

    db = home / "catalog.duckdb"
    con = duckdb.connect(str(db))
    con.execute("SET file_search_path = ?", [str(home)])  # how the old layout wrote its views
    con.execute('DROP TABLE open."transport__bus_stops"')
    con.execute(
        'CREATE VIEW open."transport__bus_stops" AS SELECT * FROM '
        "read_parquet('open/transport/bus_stops/v000002.parquet')"
    )
    con.close()
    with pytest.raises(AssertionError, match="No files found"):
        _plain_duckdb(db, cwd=tmp_path)
    with connect():
        pass
    assert _plain_duckdb(db, cwd=tmp_path) == "[(12, 'S000')]"


def _readme_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("## Query the catalog with DuckDB")
    return text[start : text.index("\n## ", start + 5)]


def test_readme_examples_run(home: Path, tmp_path: Path) -> None:
    """The README's commands, run as written from a folder whose `.pubdata` is the catalog."""
    repo = tmp_path / "checkout"
    repo.mkdir()
    shutil.copytree(home, repo / ".pubdata")
    section = _readme_section()
    shell_block = re.search(r"```sh\n(.*?)```", section, re.S)
    python_block = re.search(r"```python\n(.*?)```", section, re.S)
    assert shell_block and python_block, "the README section lost its shell or Python example"
    shell = shell_block.group(1).strip().splitlines()
    python = python_block.group(1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUBDATA")}
    ran = 0
    for line in shell:
        if line.startswith("duckdb ") and not shutil.which("duckdb"):
            continue  # the CLI is optional
        line = line.replace(".venv/bin/python", sys.executable)
        proc = subprocess.run(line, shell=True, cwd=repo, env=env, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, (line, proc.stderr)
        assert "S000" in proc.stdout and "330106" in proc.stdout, proc.stdout
        ran += 1
    assert ran >= 1
    proc = subprocess.run([sys.executable, "-c", python], cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "bus_stops" in proc.stdout and "330106" in proc.stdout and "stops" in proc.stdout
