"""Secrets: after a full demo run (every demo department's DAG through Airflow), no key material
and no raw ID number, bank card or mobile number from the demo sources appears in logs, XCom,
reports, catalog tables and views, run/error messages, or any other file of PUBDATA_HOME outside
the internal zone (``sources/``, ``landing/``, ``lake/``, ``keys/``); and ``lake/protected`` and
``lake/shared`` hold no raw ID number or bank card in clear."""

from __future__ import annotations

import base64
import json
import os
import re
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_no_leaks import demo_secrets

INTERNAL = {"sources", "landing", "lake", "keys"}
_TOKEN = re.compile(r"[0-9]{17}[0-9Xx]|[0-9]{11,19}")


def _key_needles(keys_dir: Path) -> dict[str, bytes]:
    """Every secret under keys/ (and the keys derived from the pseudonym secret) in raw, base64
    and hex forms. Public keys are not secret and are skipped."""
    raw: dict[str, bytes] = {}
    for f in sorted(p for p in keys_dir.rglob("*") if p.is_file()):
        data = f.read_bytes()
        if "public" in f.name or b"PUBLIC KEY" in data or f.name.endswith(".lock"):
            continue
        label = f.relative_to(keys_dir).as_posix()
        try:
            doc = json.loads(data)
        except ValueError:
            doc = None
        if isinstance(doc, dict):
            for k, v in doc.items():
                if isinstance(v, str) and len(v) >= 20 and ("private" in k.lower() or k.lower() in ("key", "secret")):
                    raw[f"{label}:{k}"] = v.encode()
        elif b"PRIVATE KEY" in data:
            body = b"".join(line for line in data.splitlines() if line and not line.startswith(b"-----"))
            raw[label] = base64.b64decode(body)
        elif len(data) >= 16:
            raw[label] = data
    from privacy import KeyStore

    ks = KeyStore(keys_dir)
    raw["derived:public_pseudonym"] = ks.public_pseudonym_key()
    needles: dict[str, bytes] = {}
    for label, b in raw.items():
        forms = {
            "raw": b,
            "b64": base64.b64encode(b),
            "b64url": base64.urlsafe_b64encode(b),
            "hex": b.hex().encode(),
            "HEX": b.hex().upper().encode(),
        }
        for form, v in forms.items():
            v = v.rstrip(b"=")
            if len(v) >= 16:
                needles[f"{label} ({form})"] = v
    assert needles, "no key material found to search for"
    return needles


def _scan_bytes(data: bytes, where: str, needles: dict[str, bytes], secrets: set[str], hits: list[str]) -> None:
    for label, needle in needles.items():
        if needle in data:
            hits.append(f"{where}: key material {label}")
    text = data.decode("utf-8", errors="replace")
    found = {t for t in _TOKEN.findall(text) if t in secrets}
    if found:
        hits.append(f"{where}: {len(found)} raw personal value(s)")


def _scan_parquet(path: Path, secrets: set[str], where: str, hits: list[str]) -> None:
    table = pq.read_table(path)
    for name in table.column_names:
        values = {str(v) for v in table.column(name).to_pylist() if v is not None}
        found = {v for v in values if v in secrets} | {t for v in values for t in _TOKEN.findall(v) if t in secrets}
        if found:
            hits.append(f"{where}:{name}: {len(found)} raw value(s)")


@pytest.mark.reliability("secrets")
def test_no_key_material_or_raw_values_outside_the_internal_zone(
    demo_home: Path, demo_sources: Path, session_dir: Path, monkeypatch, case_record
) -> None:
    monkeypatch.setenv("PUBDATA_HOME", str(demo_home))
    secrets = demo_secrets(demo_sources)
    needles = _key_needles(demo_home / "keys")
    probe: list[str] = []  # the scanner itself finds a planted key and a planted value
    _scan_bytes(b"x" + next(iter(needles.values())) + b" " + min(secrets).encode(), "probe", needles, secrets, probe)
    assert len(probe) == 2, probe
    hits: list[str] = []
    scanned = 0
    # 1. every file of PUBDATA_HOME outside the internal zone (reports, open/, logs, catalog file)
    for f in demo_home.rglob("*"):
        rel = f.relative_to(demo_home)
        if rel.parts[0] in INTERNAL or not f.is_file():
            continue
        scanned += 1
        if f.suffix == ".parquet":
            _scan_parquet(f, secrets, str(rel), hits)
        _scan_bytes(f.read_bytes(), str(rel), needles, secrets, hits)
    # 2. Airflow: task logs (AIRFLOW_HOME), the metadata DB, its XCom table
    airflow_home = Path(os.environ["AIRFLOW_HOME"])
    for f in list(airflow_home.rglob("*.log")) + list((demo_home / "airflow").rglob("*.log")):
        scanned += 1
        _scan_bytes(f.read_bytes(), f"airflow log {f.name}", needles, secrets, hits)
    db = session_dir / "airflow.db"
    airflow_db = sqlite3.connect(db)
    xcoms = airflow_db.execute("SELECT dag_id, task_id, value FROM xcom").fetchall()
    airflow_db.close()
    assert any(x[0].startswith("dept_") for x in xcoms), "the demo run left no XCom to check"
    for dag_id, task_id, value in xcoms:
        data = value if isinstance(value, bytes) else str(value).encode()
        _scan_bytes(data, f"xcom {dag_id}.{task_id}", needles, secrets, hits)
    _scan_bytes(db.read_bytes(), "airflow metadata DB", needles, secrets, hits)
    # 3. the catalog: every table and view, every column as text (run messages = error messages)
    from catalog.store import connect

    with connect(read_only=True) as con:
        rels = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal UNION ALL "
            "SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
        assert len(rels) >= 10
        for schema, name in rels:
            rows = con.execute(f'SELECT * FROM "{schema}"."{name}"').fetchall()
            blob = "\n".join("\t".join("" if v is None else str(v) for v in r) for r in rows).encode()
            _scan_bytes(blob, f"catalog {schema}.{name}", needles, secrets, hits)
    # 4. the protected and shared lake zones: no raw ID number or bank card in clear
    ids_and_cards = {s for s in secrets if len(s) >= 16}
    lake_files = list((demo_home / "lake" / "protected").rglob("*.parquet")) + list(
        (demo_home / "lake" / "shared").rglob("*.parquet")
    )
    assert lake_files
    for f in lake_files:
        _scan_parquet(f, ids_and_cards, str(f.relative_to(demo_home)), hits)
    case_record.leaks = len(hits)
    case_record.outcome = "handled"
    case_record.detail = f"{scanned} files, {len(xcoms)} XComs, {len(rels)} catalog relations, {len(needles)} key forms"
    assert not hits, hits[:20]
