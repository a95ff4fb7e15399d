"""After a `make demo`-style run, no raw ID number, bank card or mobile number from the demo
sources appears in any published file, the open schema, or a portal response (bytes scanned)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pyarrow.compute as pc
import pytest

from core.sql import scalar
from warehouse.sources import read_file


def demo_secrets(sources: Path) -> set[str]:
    """Every ID number, bank card and mobile number in the demo departments' sources."""
    import sqlite3

    values: set[str] = set()
    ent = read_file(sources / "market_regulation" / "enterprises.csv").table
    values |= set(ent.column("法定代表人身份证号").to_pylist()) | set(ent.column("法人联系电话").to_pylist())
    visits = read_file(sources / "health" / "clinic_visits.csv").table
    values |= set(visits.column("身份证号").to_pylist()) | set(visits.column("联系电话").to_pylist())
    con = sqlite3.connect(sources / "civil_affairs" / "civil.db")
    for idn, card, mobile in con.execute("SELECT id_number, bank_card, mobile FROM subsidy"):
        values |= {idn, card, mobile}
    con.close()
    assert len(values) > 9000
    return values


def find(haystack: bytes, needles: set[str]) -> list[str]:
    text = haystack.decode("utf-8", errors="replace")
    return [n for n in needles if n in text]


@pytest.fixture(scope="module")
def secrets(demo_sources: Path) -> set[str]:
    return demo_secrets(demo_sources)


def test_no_raw_identifier_in_published_files(in_demo_home: Path, secrets: set[str]) -> None:
    import pyarrow.parquet as pq

    files = list((in_demo_home / "open").rglob("*.parquet"))
    assert len(files) >= 8
    for f in files:
        table = pq.read_table(f)
        for name in table.column_names:
            col = pc.cast(table.column(name), "string")
            hits = pc.is_in(col, value_set=__import__("pyarrow").array(sorted(secrets))).to_pylist()
            assert not any(hits), f"{f.name}:{name} holds raw identifiers"


def test_no_raw_identifier_in_the_open_schema(in_demo_home: Path, secrets: set[str]) -> None:
    from catalog.store import connect

    with connect(read_only=True) as con:
        views = [
            r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'open'").fetchall()
        ]
        assert len(views) >= 8
        con.execute("CREATE TEMP TABLE secrets AS SELECT unnest(?) AS v", [sorted(secrets)])
        for view in views:
            cols = [r[0] for r in con.execute(f'DESCRIBE open."{view}"').fetchall()]
            for col in cols:
                q = f'SELECT count(*) FROM open."{view}" t JOIN secrets s ON CAST(t."{col}" AS VARCHAR) = s.v'
                assert scalar(con, q) == 0, f"{view}.{col} holds raw identifiers"
                q = f'SELECT count(*) FROM open."{view}" t, secrets s WHERE contains(CAST(t."{col}" AS VARCHAR), s.v)'
                assert scalar(con, q) == 0, f"{view}.{col} contains raw identifiers"


def test_no_raw_identifier_in_portal_responses(in_demo_home: Path, secrets: set[str], live_portal) -> None:
    from catalog.queries import list_datasets

    long_secrets = {s for s in secrets if len(s) >= 11}
    with httpx.Client(base_url=live_portal.url, timeout=30) as client:
        pages = ["/"] + [f"/datasets/{d['department_id']}/{d['dataset_id']}" for d in list_datasets()]
        downloads = 0
        for url in pages:
            r = client.get(url)
            assert r.status_code == 200, url
            assert not find(r.content, long_secrets), url
            if "/datasets/" in url:
                for fmt in ("csv", "json"):
                    d = client.get(f"{url}/download.{fmt}")
                    # open data downloads; conditional and withheld data is refused, nothing else
                    assert d.status_code in (200, 401, 403), f"{url}/download.{fmt}: {d.status_code}"
                    if d.status_code == 200:
                        downloads += 1
                        assert not find(d.content, long_secrets), f"{url}/download.{fmt}"
        assert downloads >= 8, f"only {downloads} downloads were scanned"
