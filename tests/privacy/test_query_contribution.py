"""A noisy aggregate query bounds each person's rows to what its noise is calibrated to (third
outside review): a person with many rows (monthly records) stood out of noise made for one row."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from privacy.policy.services import AggregatePolicy
from privacy.query import ColumnInfo, plan, run


def test_one_persons_many_rows_count_once(tmp_path: Path) -> None:
    ids = ["110105194912310021"] * 300 + [f"3301021960010{i:04d}" for i in range(100)]
    divisions = ["A"] * 300 + ["B"] * 100
    src = tmp_path / "valid.parquet"
    pq.write_table(pa.table({"id_number": ids, "division": divisions}), src)
    columns = {"id_number": ColumnInfo("sensitive", "CN_RESIDENT_ID"), "division": ColumnInfo("none")}
    policy = AggregatePolicy()
    assert policy.noise.rows_per_person == 1

    def count(division: str) -> int | None:
        spec = {"dataset": "d.s", "filters": {"division": division}}
        p = plan(spec, label="d.s", allowed=["division"], columns=columns, about_people=True, policy=policy)
        (row,) = run(p, src)["rows"]
        return row["count"]

    # 300 payments to one person: one person's contribution, under the noise (was ~300, released)
    alone = count("A")
    assert alone is None or alone < 50, alone
    # 100 people: still about 100 (Laplace noise of scale 1)
    many = count("B")
    assert many is not None and 80 <= many <= 120, many
