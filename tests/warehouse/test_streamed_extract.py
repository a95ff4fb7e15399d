"""Extraction of a big CSV or Parquet export is streamed batch by batch (issue 19: memory flat in
rows). The lake file and the rejected rows are those of reading the whole file: every good row in
source order, each bad row kept with its line and reason, a GBK file decoded, Excel serial dates
converted only when a column holds nothing else."""

from __future__ import annotations

import csv
import io
from collections.abc import Generator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

COLUMNS = ["记录编号", "姓名", "办理日期", "金额"]
MANIFEST = """id: stream
name: 流式测试厅
contact: {{name: 测试处, email: stream@example.gov.cn}}
schedule: none
datasets:
  - id: big
    title: 流式读取
    description: 流式读取测试
    theme: social
    keywords: [测试]
    update_frequency: irregular
    source: {{type: file, path: stream/{name}, encoding: {encoding}}}
    columns:
      - {{name: 记录编号, required: true}}
      - {{name: 姓名, privacy: personal, entity: PERSON_NAME}}
      - {{name: 办理日期, type: date}}
      - {{name: 金额, type: number}}
"""


def _dataset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, encoding: str = "auto", manifest_text: str = MANIFEST
):
    from warehouse.manifest import load_department

    home = tmp_path / "home"
    (home / "sources" / "stream").mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(home / "sources"))
    manifest = tmp_path / "stream.yaml"
    manifest.write_text(manifest_text.format(name=name, encoding=encoding), encoding="utf-8")
    return load_department(manifest).dataset("big"), home / "sources" / "stream" / name


def _extract(ds):
    from warehouse.extract import extract_to_raw
    from warehouse.lake import RunPaths

    paths = RunPaths.for_run("stream", "big", "run-1")
    return extract_to_raw(ds, paths), paths


def test_a_gbk_csv_over_many_parse_blocks_gives_every_good_row_and_every_reject_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse.sources import delimited

    monkeypatch.setattr(delimited, "BLOCK_BYTES", 4096)  # ~100 rows per batch: dozens of batches
    ds, src = _dataset(tmp_path, monkeypatch, "big.csv")
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    expected, line = [], 1
    bad_fields = nul = multiline = 0
    for i in range(3000):
        row = [f"R{i:05d}", "张三丰" if i % 2 else "李四", f"2026-01-{i % 28 + 1:02d}", f"{i}.50"]
        line += 1
        if i == 1234:
            writer.writerow([*row, "多余"])  # one field too many
            bad_fields = line
            continue
        if i == 2345:
            writer.writerow([row[0], "王\x00五", *row[2:]])
            nul = line
            continue
        if i == 2900:
            row[1] = "赵\n六"  # a quoted value across two lines
            multiline = line
            line += 1
        writer.writerow(row)
        expected.append(row)
    src.write_bytes(out.getvalue().encode("gbk"))

    result, paths = _extract(ds)

    table = pq.read_table(paths.raw)
    assert table.column_names == COLUMNS
    assert [list(r.values()) for r in table.to_pylist()] == expected
    assert pq.ParquetFile(paths.raw).metadata.num_row_groups > 1  # written batch by batch
    assert result.summary["rows"] == len(expected) and result.input_rows == len(expected) + 2
    assert result.summary["encoding"] in ("gbk", "gb18030")
    rejects = pq.read_table(paths.landing / "unparseable_rows.parquet").to_pylist()
    assert [(r["row"], r["reason"]) for r in rejects] == [
        (bad_fields, "expected 4 fields, found 5"),
        (nul, "field '姓名' contains NUL bytes"),
    ]
    assert multiline and f"line {bad_fields}" in result.message


def test_a_failed_streamed_extraction_leaves_no_raw_file_and_keeps_the_rejects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core import SourceError

    ds, src = _dataset(tmp_path, monkeypatch, "bad.csv", encoding="utf-8")
    src.write_text("记录编号,姓名,办理日期,金额\nR1,张三,2026-01-01,1,多余\nR2,李四\n", encoding="utf-8")
    with pytest.raises(SourceError, match="none of the 2 rows could be parsed") as err:
        _extract(ds)
    assert "first at line 2" in str(err.value)
    from warehouse.lake import RunPaths

    paths = RunPaths.for_run("stream", "big", "run-1")
    assert not paths.raw.exists()
    assert pq.read_table(paths.landing / "unparseable_rows.parquet").column("row").to_pylist() == [2, 3]


def test_a_parquet_export_is_read_by_row_group_and_excel_serial_dates_are_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ds, src = _dataset(tmp_path, monkeypatch, "big.parquet")
    n = 5000
    table = pa.table(
        {
            "记录编号": [f"R{i:05d}" for i in range(n)],
            "姓名": [None if i % 7 == 0 else "张三" for i in range(n)],
            "办理日期": [None if i % 11 == 0 else str(46000 + i % 30) for i in range(n)],
            "金额": [f"{i}.5" for i in range(n)],
            "备注": [f"note {i}" for i in range(n)],  # undeclared: kept, classified later
        }
    )
    pq.write_table(table, src, row_group_size=700)

    result, paths = _extract(ds)

    raw = pq.read_table(paths.raw)
    assert raw.num_rows == n and raw.column_names == table.column_names
    assert result.summary["excel_serial_dates"] == ["办理日期"]
    dates = raw.column("办理日期").to_pylist()
    assert dates[0] is None and dates[1] == "2025-12-10" and dates[30] == "2025-12-09"
    assert raw.drop(["办理日期"]).equals(table.drop(["办理日期"]))


def test_a_date_column_with_one_real_date_among_serials_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse.sources import delimited

    monkeypatch.setattr(delimited, "BLOCK_BYTES", 4096)
    ds, src = _dataset(tmp_path, monkeypatch, "mixed.csv")
    rows = [f"R{i:05d},张三,{46000 + i % 30},{i}" for i in range(2000)]
    rows[1500] = "R01500,张三,2026-01-05,1"  # a later batch holds a real date
    src.write_text("\n".join(["记录编号,姓名,办理日期,金额", *rows]) + "\n", encoding="utf-8")

    result, paths = _extract(ds)

    assert result.summary["excel_serial_dates"] == []
    dates = pq.read_table(paths.raw).column("办理日期").to_pylist()
    assert dates[0] == "46000" and dates[1500] == "2026-01-05"


_CHILD = """
import json, sys
sys.path.insert(0, {repo!r})
from pathlib import Path
import pyarrow as pa
from warehouse.extract import extract_to_raw
from warehouse.lake import RunPaths
from warehouse.manifest import load_department
from warehouse.sources import delimited

delimited.BLOCK_BYTES = {block}
ds = load_department(Path({manifest!r})).dataset("big")
done = extract_to_raw(ds, RunPaths.for_run("stream", "big", "run-1"))
# Arrow's own peak allocation in this process (deterministic; RSS would also count what the
# allocator keeps cached, which varies from run to run)
print(json.dumps({{"peak": pa.default_memory_pool().max_memory(), "rows": done.input_rows}}))
"""


def _extract_peak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int, block: int) -> int:
    import json
    import os
    import subprocess
    import sys

    ds, src = _dataset(tmp_path / str(rows), monkeypatch, "big.csv")
    with open(src, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(
            [f"R{i:07d}", "张三丰" * (1 + i % 3), f"2026-01-{i % 28 + 1:02d}", f"{i}.50"] for i in range(rows)
        )
    repo = Path(__file__).resolve().parents[2]
    child = _CHILD.format(repo=str(repo), block=block, manifest=str(tmp_path / str(rows) / "stream.yaml"))
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, cwd=repo, env=dict(os.environ))
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["rows"] == rows
    return int(got["peak"])


def test_extract_memory_does_not_grow_with_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A CSV 4x as long takes no more Arrow memory to extract. pyarrow's reader used to read up to
    32 blocks ahead of the batches taken (on its own I/O thread): a file of up to 32 blocks sat in
    memory, here ~3 MiB more for the long file than for the short one. The bound allows a few
    blocks of read-ahead that depend on thread timing (it failed once at 2 blocks under load 13)."""
    block = 128 << 10
    short = _extract_peak(tmp_path, monkeypatch, 25_000, block)  # ~1 MiB: 8 blocks
    long = _extract_peak(tmp_path, monkeypatch, 100_000, block)  # ~4 MiB: 32 blocks
    assert long - short < 8 * block, (short, long)  # the old reader: ~24 blocks


def test_a_stream_left_after_its_first_batch_stops_reading_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A consumer that stops early (an error while writing the lake file) leaves no reader thread
    blocked on the file: closing the stream ends it and a new read of the same file works."""
    from warehouse.sources import delimited, read_file_batches

    monkeypatch.setattr(delimited, "BLOCK_BYTES", 4096)
    src = tmp_path / "long.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([f"R{i:05d}", "李四", "2026-01-02", f"{i}"] for i in range(5000))
    batches = read_file_batches(src, "csv").batches
    assert isinstance(batches, Generator)
    assert next(batches).num_rows > 0
    batches.close()
    assert sum(b.num_rows for b in read_file_batches(src, "csv")) == 5000


ASCII_NAMES = {"记录编号": "rid", "姓名": "name", "办理日期": "day", "金额": "amount"}


def _long_ascii_then(
    tail: str, encoding: str, rows: int = 40_000, columns: list[str] = COLUMNS
) -> tuple[bytes, list[list[str]]]:
    """A CSV whose first MiB and more is UTF-8 (``columns`` as the header, ASCII rows), then
    ``tail``'s rows in ``encoding``."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    expected = [[f"R{i:06d}", "Li Si", f"2026-01-{i % 28 + 1:02d}", f"{i}.50"] for i in range(rows)]
    writer.writerows(expected)
    head = out.getvalue().encode("utf-8")
    more = [[f"T{i:03d}", tail, "2026-02-01", "1"] for i in range(3)]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(more)
    return head + out.getvalue().encode(encoding), expected + more


def test_a_csv_utf8_in_its_first_mib_only_is_read_again_in_the_encoding_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The encoding is guessed from the first MiB (no pass of its own over a big export); a GBK
    row further on makes the stream start over with the encoding detected over the whole file:
    the same rows as a whole-file detection, nothing of the first attempt kept."""
    from warehouse import sources
    from warehouse.sources import delimited

    monkeypatch.setattr(delimited, "BLOCK_BYTES", 64 << 10)  # the GBK rows come many batches in
    manifest = MANIFEST
    for name, ascii_name in ASCII_NAMES.items():
        manifest = manifest.replace(name, ascii_name)
    ds, src = _dataset(tmp_path, monkeypatch, "late_gbk.csv", manifest_text=manifest)
    data, expected = _long_ascii_then("张三丰", "gbk", columns=list(ASCII_NAMES.values()))
    assert data[: 1 << 20].isascii()
    src.write_bytes(data)

    with pytest.raises(sources.NotUtf8):  # what the first attempt runs into
        list(sources.read_file_batches(src, "csv"))
    result, paths = _extract(ds)

    assert result.summary["encoding"] == "gb18030"
    assert [list(r.values()) for r in pq.read_table(paths.raw).to_pylist()] == expected
    assert sources.read_file(src, "csv").table.num_rows == len(expected)  # the whole-table reader too


def test_a_csv_mixing_utf8_and_gbk_after_its_first_mib_is_refused_naming_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core import SourceError

    ds, src = _dataset(tmp_path, monkeypatch, "mixed.csv")
    data, _ = _long_ascii_then("张三丰", "gbk")  # a UTF-8 header in Chinese, GBK rows at the end
    src.write_bytes(data)
    with pytest.raises(SourceError, match="mixes text encodings"):
        _extract(ds)
    from warehouse.lake import RunPaths

    assert not RunPaths.for_run("stream", "big", "run-1").raw.exists()


def test_nul_bytes_and_an_unclosed_quote_late_in_a_utf8_file_are_found_without_a_pass_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NUL bytes and quotes are noted on the bytes as the reader reads them: a NUL deep in the
    file still rejects its row (with its line); an unclosed quote still fails the file."""
    from core import SourceError
    from warehouse.sources import delimited, read_file_batches

    monkeypatch.setattr(delimited, "BLOCK_BYTES", 4096)
    src = tmp_path / "late.csv"
    lines = ["记录编号,姓名,办理日期,金额"] + [f"R{i:05d},李四,2026-01-02,{i}" for i in range(3000)]
    lines[2500] = "R02499,王\x00五,2026-01-02,1"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream = read_file_batches(src, "csv")
    assert sum(b.num_rows for b in stream) == 2999
    assert [(r.row, r.reason) for r in stream.rejected] == [(2501, "field '姓名' contains NUL bytes")]

    src.write_text("\n".join(lines[:-1] + ['R9,"李四,2026-01-02,1']) + "\n", encoding="utf-8")  # in the last block
    with pytest.raises(SourceError, match="never closed"):
        list(read_file_batches(src, "csv"))


def test_the_raw_file_has_dictionary_pages_only_for_columns_that_repeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse.extract import RAW_COMPRESSION

    ds, src = _dataset(tmp_path, monkeypatch, "dict.csv")
    data, expected = _long_ascii_then("x", "ascii", rows=5000)
    src.write_bytes(data)
    _, paths = _extract(ds)
    meta = pq.ParquetFile(paths.raw).metadata.row_group(0)
    pages = {meta.column(i).path_in_schema: meta.column(i).has_dictionary_page for i in range(meta.num_columns)}
    assert pages == {"记录编号": False, "姓名": True, "办理日期": True, "金额": False}
    assert meta.column(0).compression == RAW_COMPRESSION.upper()
    assert [list(r.values()) for r in pq.read_table(paths.raw).to_pylist()] == expected
