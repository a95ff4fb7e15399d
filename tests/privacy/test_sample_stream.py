"""The classify stage reads a bounded sample of the valid file, batch by batch: the same values as
sampling the whole table in memory, and memory that does not grow with the rows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from privacy import sampling
from privacy.sampling import TableSample, parquet_sample

REPO = Path(__file__).resolve().parents[2]


def _table(n: int) -> pa.Table:
    return pa.table(
        {
            "code": pa.array([f"C{i:07d}" for i in range(n)]),
            "amount": pa.array([i * 0.5 for i in range(n)]),
            "day": pa.array([None if i % 5 == 0 else i % 3000 for i in range(n)], pa.int32()).cast(pa.date32()),
            # mostly null: the sampled rows miss it, the top-up finds its few values
            "rare": pa.array([f"值{i}" if i % 997 == 3 else None for i in range(n)]),
            "note": pa.array(["长" * 150 + str(i) if i % 2 else "" for i in range(n)]),
        }
    )


def test_parquet_sample_is_the_in_memory_sample_of_the_whole_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sampling, "SAMPLE_BATCH_ROWS", 1_000)  # many batches, samples in each
    table = _table(25_000)
    path = tmp_path / "valid.parquet"
    pq.write_table(table, path, row_group_size=3_000)
    streamed = parquet_sample(path, 300, max_chars=20)
    read = pq.read_table(path)  # one chunk per row group: the top-up takes across chunks
    assert read.column("rare").num_chunks > 1
    clipped = read.set_column(4, "note", pa.compute.utf8_slice_codeunits(read.column("note"), 0, 20))
    whole = TableSample.of_table(clipped, 300)
    assert streamed.num_rows == whole.num_rows == 25_000
    assert list(streamed.rows) == list(whole.rows)
    assert streamed.columns == whole.columns
    rare_values, rare_rows = streamed.columns["rare"]
    assert len(rare_values) >= 20 and all(r % 997 == 3 for r in rare_rows)  # topped up
    assert all(len(v) <= 20 for v in streamed.columns["note"][0])


def test_classify_table_gives_the_same_answer_from_the_streamed_sample(tmp_path: Path) -> None:
    from privacy.classification import classify_table

    table = _table(5_000)
    path = tmp_path / "valid.parquet"
    pq.write_table(table, path, row_group_size=700)
    a = classify_table(table, sample_size=200).to_dict()
    b = classify_table(parquet_sample(path, 200)).to_dict()
    for d in (a, b):
        d.pop("seconds", None)
    assert a == b


_CHILD = """
import json, sys
sys.path.insert(0, {repo!r})
from pathlib import Path
import pyarrow as pa
from privacy.sampling import parquet_sample

sample = parquet_sample(Path({path!r}), 1000)
# Arrow's own peak allocation in this process (deterministic; RSS would also count what the
# allocator keeps cached, which varies from run to run)
print(json.dumps({{"growth_mb": pa.default_memory_pool().max_memory() / 2**20, "rows": sample.num_rows}}))
"""


def _growth(path: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(repo=str(REPO), path=str(path))], capture_output=True, text=True, cwd=REPO
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])["growth_mb"]


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc (peak RSS reset)")
def test_sampling_memory_does_not_grow_with_rows(tmp_path: Path) -> None:
    """Reading the whole file (the old way) grows with the table: ~35 MB more for 4x the rows here."""
    for n in (100_000, 400_000):
        pq.write_table(_table(n), tmp_path / f"t{n}.parquet", row_group_size=50_000)
    small, big = _growth(tmp_path / "t100000.parquet"), _growth(tmp_path / "t400000.parquet")
    assert big - small < 10, (small, big)
