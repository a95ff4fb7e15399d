"""Extraction of a big CSV or Parquet export is streamed batch by batch (issue 19: memory flat in
rows). The lake file and the rejected rows are those of reading the whole file: every good row in
source order, each bad row kept with its line and reason, a GBK file decoded, Excel serial dates
converted only when a column holds nothing else."""

from __future__ import annotations

import csv
import io
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


def _dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, encoding: str = "auto"):
    from warehouse.manifest import load_department

    home = tmp_path / "home"
    (home / "sources" / "stream").mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("PUBDATA_HOME", str(home))
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(home / "sources"))
    manifest = tmp_path / "stream.yaml"
    manifest.write_text(MANIFEST.format(name=name, encoding=encoding), encoding="utf-8")
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
