"""Volume: 1e7 rows through all five stages (heavy: PUBDATA_HEAVY=1)."""

from __future__ import annotations

import copy
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pytest
from harness import BASE_MANIFEST, DEPT, DS, Env, catalog_rows, versions_intact

N = 10_000_000


@pytest.mark.heavy
@pytest.mark.reliability("content")
def test_ten_million_rows(tmp_path: Path, monkeypatch, case_record) -> None:
    env = Env(tmp_path / "vol")
    env.home.mkdir(parents=True)
    env.activate(monkeypatch)
    m = copy.deepcopy(BASE_MANIFEST)
    ds = m["datasets"][0]
    ds["columns"] = [c for c in ds["columns"] if c["name"] in ("编号", "名称", "金额")]
    ds["primary_key"] = []
    env.write_manifest(m)
    (env.src / DEPT).mkdir(parents=True)
    ids = pa.array(range(1, N + 1), pa.int64())
    table = pa.table(
        {
            "编号": pc.cast(ids, pa.string()),
            "名称": pc.binary_join_element_wise("站点", pc.cast(pc.bit_wise_and(ids, 1023), pa.string()), ""),
            "金额": pc.cast(pc.multiply(pc.bit_wise_and(ids, 4095), 1), pa.string()),
        }
    )
    pacsv.write_csv(table, env.src / DEPT / "records.csv")
    del table, ids
    from orchestration.pipeline import run_dataset

    res = run_dataset(DEPT, DS, "ten_million")
    case_record.outcome = "handled"
    assert res["version"] == 1 and res["rows"] == N
    assert catalog_rows(f'SELECT count(*), count(DISTINCT "编号") FROM open."{DEPT}__{DS}"') == [(N, N)]
    assert catalog_rows("SELECT input_rows, valid_rows, quarantined_rows FROM runs") == [(N, N, 0)]
    assert versions_intact(env.home) == []
