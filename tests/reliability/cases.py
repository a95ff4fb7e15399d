"""The bad-input cases, as data: name, category, expected outcome, a file builder and an optional
manifest tweak. ``test_bad_inputs.py`` runs each through the real pipeline stages."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from harness import DEPT, HEADER, Built, Case, csv_text, rows

CSV = "records.csv"


def _src(tweak_source: dict):
    def tweak(m: dict) -> None:
        m["datasets"][0]["source"].update(tweak_source)

    return tweak


def _add_column(name: str, **kw):
    def tweak(m: dict) -> None:
        m["datasets"][0]["columns"].append({"name": name, "privacy": "none", **kw})

    return tweak


def write(d: Path, data: bytes, name: str = CSV) -> None:
    (d / name).write_bytes(data)


def encoded(encoding: str, n: int = 6, extra_name: str | None = None, bom: bytes = b""):
    def build(d: Path) -> Built:
        data = rows(n)
        if extra_name:
            data[0]["名称"] = extra_name
        write(d, bom + csv_text(data).encode(encoding))
        return Built(n, list(range(1, n + 1)))

    return build


# ------------------------------------------------------------------ encodings
def mixed(d: Path) -> Built:
    a, b = rows(3), rows(3, start=4)
    write(d, csv_text(a).encode("utf-8") + csv_text(b).split("\n", 1)[1].encode("gbk"))
    return Built(6)


def invalid_bytes(d: Path) -> Built:
    text = csv_text(rows(4)).encode("utf-8")
    lines = text.split(b"\n")
    lines[3] = lines[3].replace("站点".encode(), b"\xff\xfe\x80\x81")
    write(d, b"\n".join(lines))
    return Built(4)


def gbk_declared_utf8(d: Path) -> Built:
    write(d, csv_text(rows(4)).encode("gbk"))
    return Built(4)


# ------------------------------------------------------------------ CSV shape
def ragged(d: Path) -> Built:
    data = rows(8)
    lines = csv_text(data).splitlines()
    lines[3] = lines[3].rsplit(",", 2)[0]  # row 3: 2 fields missing
    lines[6] = lines[6] + ",多余,字段"  # row 6: 2 fields too many
    write(d, ("\n".join(lines) + "\n").encode())
    return Built(8, [1, 2, 4, 5, 7, 8])


def _check_ragged_lines(out: dict) -> None:
    assert sorted(out["unparseable_lines"]) == [4, 7], out["unparseable_lines"]


def semicolons(d: Path) -> Built:
    write(d, csv_text(rows(5), delimiter=";").encode())
    return Built(5, list(range(1, 6)))


def unbalanced(d: Path) -> Built:
    lines = csv_text(rows(6)).splitlines()
    lines[3] = lines[3].replace("站点3", '"站点3')
    write(d, ("\n".join(lines) + "\n").encode())
    return Built(6)


def embedded_newlines(d: Path) -> Built:
    data = rows(5)
    data[1]["名称"] = "第一行\n第二行\r\n第三行"
    write(d, csv_text(data).encode())
    return Built(5, list(range(1, 6)))


def nul_bytes(d: Path) -> Built:
    data = rows(6)
    data[2]["名称"] = "站\x00点"
    write(d, csv_text(data).encode())
    return Built(6, [1, 2, 4, 5, 6])


def huge_line(d: Path) -> Built:
    data = rows(3)
    data[1]["名称"] = "长" * (10 * 1024 * 1024 // 3 + 1)  # > 10 MB of UTF-8 in one line
    write(d, csv_text(data).encode())
    return Built(3, [1, 2, 3])


def crlf(d: Path) -> Built:
    write(d, csv_text(rows(5), newline="\r\n").encode())
    return Built(5, list(range(1, 6)))


def tsv(d: Path) -> Built:
    write(d, csv_text(rows(5), delimiter="\t").encode(), "records.tsv")
    return Built(5, list(range(1, 6)))


def blank_lines(d: Path) -> Built:
    lines = csv_text(rows(5)).splitlines()
    write(d, ("\n\n".join(lines) + "\n\n\n").encode())
    return Built(5, list(range(1, 6)))


# ------------------------------------------------------------------ headers
def no_header(d: Path) -> Built:
    write(d, csv_text(rows(5)).split("\n", 1)[1].encode())
    return Built(5)


def dup_header(d: Path) -> Built:
    write(d, csv_text(rows(3), header=HEADER[:-1] + ["名称"]).encode())
    return Built(3)


def empty_header_name(d: Path) -> Built:
    text = csv_text(rows(3)).replace("金额", "", 1)
    write(d, text.encode())
    return Built(3)


def extra_named(name: str, n: int = 5):
    def build(d: Path) -> Built:
        data = rows(n)
        for r in data:
            r[name] = f"值{r['编号']}"
        write(d, csv_text(data).encode())
        return Built(n, list(range(1, n + 1)))

    return build


def _published_column(name: str):
    def check(out: dict) -> None:
        assert name in out["published_columns"], out["published_columns"]
        assert out["published_values"][name][:2] == ["值1", "值2"]

    return check


def padded_header(d: Path) -> Built:
    data = rows(4)
    text = csv_text(data).split("\n", 1)
    write(d, (",".join(f"  {h} " for h in HEADER) + "\n" + text[1]).encode())
    return Built(4, [1, 2, 3, 4])


LONG = "很长的列名" * 25 + "尾巴"  # 127 characters: declarable
OVERLONG = "超长" * 3000  # 6000 characters: cannot be a column name (max 128)


def overlong_header(d: Path) -> Built:
    data = rows(4)
    for r in data:
        r[OVERLONG] = "x"
    write(d, csv_text(data).encode())
    return Built(4, [1, 2, 3, 4])


def _classified_like_any_other(name: str):
    """An undeclared column is classified by content like any other (issue 12: sharing is the
    rule); these hold a constant, non-personal value, so they are published."""

    def check(out: dict) -> None:
        assert name in out["published_columns"]

    return check


# ------------------------------------------------------------------ content
def empty_file(d: Path) -> Built:
    write(d, b"")
    return Built(0)


def header_only(d: Path) -> Built:
    write(d, (",".join(HEADER) + "\n").encode())
    return Built(0)


def all_nulls(d: Path) -> Built:
    write(d, (",".join(HEADER) + "\n" + ",,,,,\n" * 5).encode())
    return Built(5)


def wrong_types(d: Path) -> Built:
    data = rows(6)
    data[1]["金额"] = "一百元"
    data[3]["编号"] = "四"
    data[4]["日期"] = "2026-13-45"
    write(d, csv_text(data).encode())
    return Built(6, [1, 3, 6])


def excel_serial_dates(d: Path) -> Built:
    data = rows(5)
    for i, r in enumerate(data):
        r["日期"] = str(46082 + i)  # 2026-03-01 ..
    write(d, csv_text(data).encode())
    return Built(5, list(range(1, 6)))


def _dates_converted(out: dict) -> None:
    assert [str(v) for v in out["published_values"]["日期"]] == [f"2026-03-0{i}" for i in range(1, 6)]


def numbers_as_text(d: Path) -> Built:
    data = rows(5)
    data[0]["金额"] = "  12.50 "
    data[1]["金额"] = "+3"
    data[2]["金额"] = "1,234.50"  # thousands separator: not a number -> quarantined
    data[3]["编号"] = "004"
    write(d, csv_text(data).encode())
    return Built(5, [1, 2, 4, 5])


def duplicate_keys(d: Path) -> Built:
    data = rows(5)
    data[3]["编号"] = "2"
    write(d, csv_text(data).encode())
    return Built(5, [1, 2, 3, 5])


def bad_id_checksum(d: Path) -> Built:
    data = rows(5)
    good = data[2]["身份证号"]
    data[2]["身份证号"] = good[:17] + ("0" if good[17] != "0" else "1")
    from harness import SECRETS

    SECRETS.add(data[2]["身份证号"])
    write(d, csv_text(data).encode())
    return Built(5, [1, 2, 4, 5])


# ------------------------------------------------------------------ structure
def drift_extra(d: Path) -> Built:
    data = rows(5)
    for r in data:
        r["新增列"] = "x"
    write(d, csv_text(data).encode())
    return Built(5, list(range(1, 6)))


def drift_missing(col: str, n: int = 5, valid: bool = True):
    def build(d: Path) -> Built:
        data = rows(n)
        write(d, csv_text(data, header=[h for h in HEADER if h != col]).encode())
        return Built(n, list(range(1, n + 1)) if valid else None)

    return build


def drift_retyped(d: Path) -> Built:
    data = rows(5)
    for r in data:
        r["编号"] = "编号" + r["编号"]
    write(d, csv_text(data).encode())
    return Built(5)


def parquet_good(d: Path) -> Built:
    data = rows(5)
    t = pa.table(
        {
            "编号": [int(r["编号"]) for r in data],
            "名称": [r["名称"] for r in data],
            "金额": [float(r["金额"]) for r in data],
            "日期": [dt.date.fromisoformat(r["日期"]) for r in data],
            "身份证号": [r["身份证号"] for r in data],
            "手机": [r["手机"] for r in data],
        }
    )
    pq.write_table(t, d / "records.parquet")
    return Built(5, list(range(1, 6)))


def parquet_corrupt(d: Path) -> Built:
    write(d, b"PAR1" + b"\x00garbage" * 100 + b"PAR1", "records.parquet")
    return Built(5)


def parquet_truncated(d: Path) -> Built:
    parquet_good(d)
    p = d / "records.parquet"
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    return Built(5)


def _xlsx(d: Path, fill) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    fill(wb)
    wb.save(d / "records.xlsx")


def _sheet_rows(ws, data, header=HEADER):
    ws.append(header)
    for r in data:
        ws.append(
            [int(r["编号"]), r["名称"], float(r["金额"]), dt.date.fromisoformat(r["日期"]), r["身份证号"], r["手机"]]
        )


def xlsx_sheets(d: Path) -> Built:
    def fill(wb):
        wb.active.title = "说明"
        wb.active.append(["本表为测试数据"])
        _sheet_rows(wb.create_sheet("数据"), rows(6))
        _sheet_rows(wb.create_sheet("旧数据"), rows(3, start=100))

    _xlsx(d, fill)
    return Built(6, list(range(1, 7)))


def xlsx_title_row(d: Path) -> Built:
    def fill(wb):
        ws = wb.active
        ws.append(["可靠性测试记录表（2026年3月）"])
        ws.merge_cells("A1:F1")
        _sheet_rows(ws, rows(5))
        ws.append([])
        ws.append([None, None, None, None, None, None])

    _xlsx(d, fill)
    return Built(5, list(range(1, 6)))


def xlsx_merged_header(d: Path) -> Built:
    def fill(wb):
        ws = wb.active
        ws.append(["编号", "名称", "证件与联系方式", None, "金额", "日期"])
        ws.merge_cells("C1:D1")
        for r in rows(4):
            ws.append([int(r["编号"]), r["名称"], r["身份证号"], r["手机"], float(r["金额"]), r["日期"]])

    _xlsx(d, fill)
    return Built(4)


def xlsx_wide_row(d: Path) -> Built:
    def fill(wb):
        ws = wb.active
        _sheet_rows(ws, rows(5))
        ws.cell(row=4, column=8, value="表外备注")  # a value beyond the header, row 4 (编号 3)

    _xlsx(d, fill)
    return Built(5, [1, 2, 4, 5])


def xlsx_not_a_workbook(d: Path) -> Built:
    write(d, csv_text(rows(3)).encode(), "records.xlsx")
    return Built(3)


def jsonl_broken(d: Path) -> Built:
    import json

    lines = [json.dumps(r, ensure_ascii=False) for r in rows(4)]
    lines[2] = lines[2][:-5]
    write(d, ("\n".join(lines) + "\n").encode(), "records.jsonl")
    return Built(4, [1, 2, 4])


def jsonl_good(d: Path) -> Built:
    import json

    write(d, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows(5)).encode(), "records.jsonl")
    return Built(5, list(range(1, 6)))


def _path(name: str, **more):
    return _src({"path": f"{DEPT}/{name}", **more})


CASES: list[Case] = [
    # encodings
    Case("utf8_no_bom", "encoding", "handled", encoded("utf-8"), valid=6),
    Case("utf8_bom", "encoding", "handled", encoded("utf-8", bom=codecs.BOM_UTF8), valid=6),
    Case("gbk", "encoding", "handled", encoded("gbk"), valid=6),
    Case(
        "gb18030_outside_gbk",
        "encoding",
        "handled",
        encoded("gb18030", extra_name="𠀾记𪚥"),
        valid=6,
        check=lambda out: out["published_values"]["名称"][0] == "𠀾记𪚥",
    ),
    Case("utf16_bom", "encoding", "handled", encoded("utf-16"), valid=6),
    Case("utf16le_no_bom", "encoding", "handled", encoded("utf-16-le"), valid=6),
    Case("utf16be_no_bom", "encoding", "handled", encoded("utf-16-be"), valid=6),
    Case("mixed_utf8_then_gbk", "encoding", "clear_error", mixed, message=(CSV, "line 5", "mixes")),
    Case("invalid_bytes", "encoding", "clear_error", invalid_bytes, message=(CSV, "line 4")),
    Case(
        "declared_utf8_but_gbk",
        "encoding",
        "clear_error",
        gbk_declared_utf8,
        tweak=_src({"encoding": "utf-8"}),
        message=(CSV, "line 1", "utf-8"),
    ),
    # CSV shape
    Case("ragged_rows", "csv_shape", "handled", ragged, valid=6, unparseable=2, check=_check_ragged_lines),
    Case("wrong_delimiter", "csv_shape", "clear_error", semicolons, message=(CSV, "delimiter", "';'")),
    Case("semicolon_declared", "csv_shape", "handled", semicolons, tweak=_src({"delimiter": ";"}), valid=5),
    Case("unbalanced_quotes", "csv_shape", "clear_error", unbalanced, message=(CSV, "row 4", "line 4", "never closed")),
    Case(
        "embedded_newlines",
        "csv_shape",
        "handled",
        embedded_newlines,
        valid=5,
        check=lambda out: out["published_values"]["名称"][1] == "第一行\n第二行\r\n第三行",
    ),
    Case(
        "nul_bytes",
        "csv_shape",
        "handled",
        nul_bytes,
        valid=5,
        unparseable=1,
        check=lambda out: out["unparseable_lines"] == [4],
    ),
    Case(
        "huge_single_line_10mb",
        "csv_shape",
        "handled",
        huge_line,
        valid=3,
        check=lambda out: len(out["published_values"]["名称"][1]) > 3_000_000,
    ),
    Case("crlf_line_ends", "csv_shape", "handled", crlf, valid=5),
    Case("tsv_by_suffix", "csv_shape", "handled", tsv, tweak=_path("records.tsv"), valid=5),
    Case("blank_lines", "csv_shape", "handled", blank_lines, valid=5),
    # headers
    # the first data row read as the header: its ID number is named by position, never echoed
    Case(
        "header_missing",
        "header",
        "clear_error",
        no_header,
        message=(CSV, "column #5 of the header row", "resident ID number", "may lack its header row"),
    ),
    Case("header_duplicated", "header", "clear_error", dup_header, message=(CSV, "repeats", "position(s) [2, 6]")),
    Case("header_empty_name", "header", "clear_error", empty_header_name, message=(CSV, "empty column name", "[3]")),
    Case(
        "header_quotes",
        "header",
        "handled",
        extra_named('标签"引号"'),
        tweak=_add_column('标签"引号"'),
        valid=5,
        check=_published_column('标签"引号"'),
    ),
    Case(
        "header_semicolon",
        "header",
        "handled",
        extra_named("甲;乙"),
        tweak=_add_column("甲;乙"),
        valid=5,
        check=_published_column("甲;乙"),
    ),
    Case(
        "header_path_traversal",
        "header",
        "handled",
        extra_named("../../etc/passwd"),
        tweak=_add_column("../../etc/passwd"),
        valid=5,
        check=_published_column("../../etc/passwd"),
    ),
    Case(
        "header_sql_keywords",
        "header",
        "handled",
        extra_named('select"; DROP TABLE versions; --'),
        tweak=_add_column('select"; DROP TABLE versions; --'),
        valid=5,
        check=_published_column('select"; DROP TABLE versions; --'),
    ),
    Case(
        "header_emoji",
        "header",
        "handled",
        extra_named("📈指数🚀"),
        tweak=_add_column("📈指数🚀"),
        valid=5,
        check=_published_column("📈指数🚀"),
    ),
    Case(
        "header_long_declared",
        "header",
        "handled",
        extra_named(LONG),
        tweak=_add_column(LONG),
        valid=5,
        check=_published_column(LONG),
    ),
    Case(
        "header_overlong_undeclared",
        "header",
        "clear_error",
        overlong_header,
        message=(CSV, "column #7 of the header row is not usable as a column name (6000 characters, at most 128)"),
    ),
    Case(
        "header_control_characters",
        "header",
        "clear_error",
        extra_named("新\x1b[31m列"),
        message=(CSV, "column #7 of the header row is not usable as a column name (control characters)"),
    ),
    Case("header_padded_spaces", "header", "handled", padded_header, valid=4),
    # content
    Case("empty_file", "content", "clear_error", empty_file, message=(CSV, "empty")),
    Case("header_only", "content", "clear_error", header_only, message=(CSV, "no rows")),
    Case("all_nulls", "content", "clear_error", all_nulls, message=("all 5 rows were quarantined",)),
    Case("wrong_types", "content", "handled", wrong_types, valid=3, quarantined=3),
    Case("excel_serial_dates", "content", "handled", excel_serial_dates, valid=5, check=_dates_converted),
    Case("numbers_as_text", "content", "handled", numbers_as_text, valid=4, quarantined=1),
    Case("duplicate_primary_keys", "content", "handled", duplicate_keys, valid=4, quarantined=1),
    Case("invalid_id_checksum", "content", "handled", bad_id_checksum, valid=4, quarantined=1),
    # structure
    Case(
        "schema_drift_extra_column",
        "structure",
        "handled",
        drift_extra,
        valid=5,
        check=_classified_like_any_other("新增列"),
    ),
    Case("schema_drift_missing_optional", "structure", "handled", drift_missing("金额"), valid=5),
    Case(
        "schema_drift_missing_required",
        "structure",
        "clear_error",
        drift_missing("编号", valid=False),
        message=("编号", "missing"),
    ),
    Case("schema_drift_retyped", "structure", "clear_error", drift_retyped, message=("all 5 rows were quarantined",)),
    Case("parquet_typed", "structure", "handled", parquet_good, tweak=_path("records.parquet"), valid=5),
    Case(
        "parquet_corrupt",
        "structure",
        "clear_error",
        parquet_corrupt,
        tweak=_path("records.parquet"),
        message=("records.parquet", "Parquet"),
    ),
    Case(
        "parquet_truncated",
        "structure",
        "clear_error",
        parquet_truncated,
        tweak=_path("records.parquet"),
        message=("records.parquet", "truncated"),
    ),
    Case(
        "xlsx_several_sheets", "structure", "handled", xlsx_sheets, tweak=_path("records.xlsx", sheet="数据"), valid=6
    ),
    Case(
        "xlsx_missing_sheet",
        "structure",
        "clear_error",
        xlsx_sheets,
        tweak=_path("records.xlsx", sheet="数椐"),
        message=("records.xlsx", "数椐", "数据"),
    ),
    Case("xlsx_merged_title_row", "structure", "handled", xlsx_title_row, tweak=_path("records.xlsx"), valid=5),
    Case(
        "xlsx_merged_header_cells",
        "structure",
        "clear_error",
        xlsx_merged_header,
        tweak=_path("records.xlsx"),
        message=("records.xlsx", "row 1", "['D']", "unmerge"),
    ),
    Case(
        "xlsx_value_beyond_header",
        "structure",
        "handled",
        xlsx_wide_row,
        tweak=_path("records.xlsx"),
        valid=4,
        unparseable=1,
        check=lambda out: out["unparseable_lines"] == [4],
    ),
    Case(
        "xlsx_not_a_workbook",
        "structure",
        "clear_error",
        xlsx_not_a_workbook,
        tweak=_path("records.xlsx"),
        message=("records.xlsx", "XLSX"),
    ),
    Case("jsonl_good", "structure", "handled", jsonl_good, tweak=_path("records.jsonl"), valid=5),
    Case(
        "jsonl_broken_line",
        "structure",
        "handled",
        jsonl_broken,
        tweak=_path("records.jsonl"),
        valid=3,
        unparseable=1,
        check=lambda out: out["unparseable_lines"] == [3],
    ),
]
