"""Small files' row indexes are built on one DuckDB instance per process (creating an instance per
index cost more than indexing a tiny dataset): they answer as an index built on an instance of its
own, one build after another leaves the next one nothing of its settings or tables, and a build
beyond the shared instance's memory (it has no spill folder) is built again on its own."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warehouse import rowindex
from warehouse.rowindex import Condition


def _file(path: Path, n: int, seed: int) -> str:
    table = pa.table(
        {
            "code": [f"S{(i * seed) % n:05d}" for i in range(n)],  # unique: the full layout
            "kind": [f"k{(i * seed) % 7}" for i in range(n)],  # few values: the compact layout
            "amount": [float(i % 13) if i % 11 else None for i in range(n)],
        }
    )
    pq.write_table(table, path, row_group_size=1000)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _answers(parquet: Path, sha: str) -> list[tuple[list[int], int | None]]:
    index = rowindex.open_index(parquet, sha)
    assert index is not None
    asks = [
        [Condition("kind", ("k3",))],
        [Condition("code", ("S00042", "S01000"))],
        [Condition("amount", (), null=True)],
        [Condition("kind", ("k1", "k5")), Condition("amount", ("2.0",))],
    ]
    return [index.select(c, 50, 0) for c in asks]


def test_indexes_built_on_the_shared_instance_answer_like_one_built_on_its_own(tmp_path: Path) -> None:
    answers = []
    for seed in (1, 7, 13):  # one build after another on the shared instance
        shared = tmp_path / f"v{seed:06d}.parquet"
        sha = _file(shared, 5000, seed)
        assert rowindex.build(shared, sha) is not None
        own = tmp_path / "own" / shared.name
        own.parent.mkdir(exist_ok=True)
        shutil.copy(shared, own)
        rowindex.build(own, sha, memory_limit="256MB")  # another limit: an instance of its own
        assert _answers(shared, sha) == _answers(own, sha)
        # the rows in the file's order (a build left on several threads would not keep it)
        rows = pa.ipc.open_file(str(rowindex.index_dir(shared) / "rows.arrow")).read_all()
        assert rows.equals(pq.read_table(shared))
        answers.append(_answers(shared, sha))
    assert answers[0] != answers[1], "different files, different answers: each build saw its own file"
    # nothing of a build stays on the shared instance
    from warehouse import storage

    with storage.duckdb_cursor("rowindex") as con:
        assert con.execute("SELECT count(*) FROM duckdb_databases() WHERE NOT internal").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchone() == (0,)


def test_a_build_beyond_the_shared_instances_memory_is_built_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from warehouse import storage

    monkeypatch.setattr(storage, "_SHARED", {})  # a fresh shared instance with a small memory limit
    monkeypatch.setattr(rowindex, "BUILD_MEMORY", "24MB")
    monkeypatch.setattr(rowindex, "SHARED_MAX_BYTES", 8 << 20)
    parquet = tmp_path / "v000001.parquet"
    n = 300_000
    pq.write_table(pa.table({"code": [f"{i:012d}-{i * 7919 % n:08d}" for i in range(n)]}), parquet)
    sha = hashlib.sha256(parquet.read_bytes()).hexdigest()
    assert parquet.stat().st_size <= rowindex.SHARED_MAX_BYTES
    with caplog.at_level("INFO", logger="pubdata.rowindex"):
        assert rowindex.build(parquet, sha, memory_limit="24MB") is not None
    assert "beyond the shared instance's memory" in caplog.text
    index = rowindex.open_index(parquet, sha)
    assert index is not None
    assert index.select([Condition("code", (f"000000000042-{42 * 7919 % n:08d}",))], 10, 0) == ([42], 1)
    assert not list(tmp_path.glob(".tmp-*")), "no half-built index left"
