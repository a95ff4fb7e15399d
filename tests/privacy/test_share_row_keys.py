"""Issue 14, finding 11: a shared variant carries only the scope's columns, and its row keys
(primary key columns) are pseudonymised per recipient, so a recipient cannot link its rows to
the rows of the conditional file (or to another recipient's variant)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from testdata import resident_id

from privacy.keys import KeyStore
from privacy.policy import Policy, decide
from privacy.protection import share_variants
from privacy.types import ColumnClassification as CC
from warehouse.lake import RunPaths
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource, Share

HEX = re.compile(r"^[0-9a-f]{32}$")
SCOPE = ["就诊流水号", "身份证号", "就诊日期", "费用"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    return tmp_path


def test_f11_row_keys_are_pseudonymised_per_recipient_and_only_scoped_columns_go(home: Path) -> None:
    rng = random.Random(11)
    n = 40
    serials = [f"MZ2024{i:06d}" for i in range(n)]
    ids = [resident_id(rng) for _ in range(n)]
    table = pa.table(
        {
            "就诊流水号": serials,
            "身份证号": ids,
            "就诊日期": [f"2024-03-{i % 28 + 1:02d}" for i in range(n)],
            "诊断名称": ["高血压" for _ in range(n)],
            "费用": [100.0 + i for i in range(n)],
        }
    )
    src = home / "clinic.parquet"
    pq.write_table(table, src)
    cols = [
        CC("就诊流水号", None, "none", 1),
        CC("身份证号", "CN_RESIDENT_ID", "sensitive", 1),
        CC("就诊日期", None, "none", 1),
        CC("诊断名称", "MEDICAL_CONDITION", "sensitive", 1),
        CC("费用", None, "none", 1),
    ]
    shares = [
        Share(department="civil_affairs", purpose="medical_assistance", columns=SCOPE, clear=["费用"]),
        Share(department="tax", purpose="medical_assistance", columns=SCOPE, clear=["费用"]),
    ]
    ds = Dataset(
        id="clinic_visits",
        title="门诊",
        source=FileSource(type="file", path="x"),
        primary_key=["就诊流水号"],
        columns=[Column(name=c.name) for c in cols],
        sharing=shares,
    )
    dept = Department(id="health", name="卫健委", contact=Contact(name="x"), datasets=[ds])
    decision = decide(dept, ds, cols, Policy.model_validate({"version": "1"}))
    reports = share_variants(src, decision, ds, RunPaths.for_run("health", "clinic_visits", "r1"), KeyStore())
    got = {r.recipient: pq.read_table(str(r.path)) for r in reports}
    civil, tax = got["civil_affairs"], got["tax"]
    for t in (civil, tax):
        assert sorted(t.column_names) == sorted(SCOPE), t.column_names  # nothing outside the scope
        keys = t["就诊流水号"].to_pylist()
        assert all(HEX.match(k) for k in keys), keys[:3]
        assert not set(keys) & set(serials), "a row key went in clear"
        assert len(set(keys)) == n  # still a key: distinct rows keep distinct pseudonyms
        assert t["费用"].to_pylist() == table["费用"].to_pylist()  # clear, not personal: as it is
    # per recipient: the two recipients' row keys do not link ...
    assert not set(civil["就诊流水号"].to_pylist()) & set(tax["就诊流水号"].to_pylist())
    # ... while the purpose's identifier pseudonyms still join (the point of sharing by purpose)
    assert civil["身份证号"].to_pylist() == tax["身份证号"].to_pylist()
    assert not set(civil["身份证号"].to_pylist()) & set(ids)
    civil_report = next(r for r in reports if r.recipient == "civil_affairs")
    assert "就诊流水号" in (civil_report.pseudonymised or [])
