"""Reading department sources: encodings detected, bad shapes kept with reasons, roots enforced."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import SourceError
from warehouse.sources import read_file, resolve_local

ROWS = "编号,姓名,地址\n1,张三,浙江省杭州市西湖区文三路1号\n2,李四,温州市鹿城区\n"


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16")],
)
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    p = tmp_path / "x.csv"
    p.write_bytes(ROWS.encode(encoding))
    res = read_file(p)
    assert res.encoding == expected
    assert res.table.column_names == ["编号", "姓名", "地址"]
    assert res.table.column("姓名").to_pylist() == ["张三", "李四"]


def test_gb18030_characters_outside_gbk(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_bytes("名称\n𠀾记\n".encode("gb18030"))  # U+2003E is in GB18030, not in GBK
    assert read_file(p).table.column("名称").to_pylist() == ["𠀾记"]


def test_gbk_rows_that_happen_to_be_valid_utf8_are_not_a_mix(tmp_path: Path) -> None:
    """Surnames like 卢, 鲁, 陆, 路 are two GBK bytes that also form a UTF-8 sequence: a GBK row
    holding only such characters is valid UTF-8 by chance, and the file is still GBK."""
    p = tmp_path / "x.csv"
    p.write_bytes("编号,姓名,地址\n1,卢鲁,\n2,张三,温州市鹿城区\n".encode("gbk"))
    assert "卢鲁".encode("gbk").decode("utf-8")  # the premise: that row decodes as UTF-8 too
    res = read_file(p)
    assert res.encoding == "gb18030"
    assert res.table.column("姓名").to_pylist() == ["卢鲁", "张三"]


def test_a_file_mixing_utf8_and_gbk_rows_is_refused_naming_lines(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_bytes("编号,姓名\n1,张三\n".encode("gbk") + "2,李四\n".encode())
    with pytest.raises(SourceError, match="line 1 is not UTF-8 but line 3 is: the file mixes text encodings"):
        read_file(p)


def test_demo_gbk_source_reads_correctly(demo_sources: Path) -> None:
    res = read_file(demo_sources / "health" / "clinic_visits.csv")
    assert res.encoding == "gb18030"
    assert "患者姓名" in res.table.column_names and res.table.num_rows == 2000


def test_empty_strings_are_nulls_and_leading_zeros_survive(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("code,v\n007,\n010,x\n", encoding="utf-8")
    t = read_file(p).table
    assert t.column("code").to_pylist() == ["007", "010"]
    assert t.column("v").to_pylist() == [None, "x"]


def test_ragged_rows_are_kept_with_reasons_not_dropped_silently(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n3\n4,5,6\n7,8\n", encoding="utf-8")
    res = read_file(p)
    assert res.table.num_rows == 2
    assert [r.reason for r in res.rejected] == ["expected 2 fields, found 1", "expected 2 fields, found 3"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"a,a\n1,2\n", r"repeats column name\(s\) at position\(s\) \[1, 2\]"),
        (b"a,,c\n1,2,3\n", "empty column name"),
        (b"\xff\xfe\xfa\x00\x81", "not valid utf-16 text"),
    ],
)
def test_bad_files_get_clear_errors_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "export.csv"
    p.write_bytes(content)
    with pytest.raises(SourceError, match=message) as err:
        read_file(p)
    assert "export.csv" in str(err.value)


def test_errors_never_echo_data_values(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text('id\n"11010519491231002X\n', encoding="utf-8")  # unbalanced quote
    try:
        res = read_file(p)
        assert res.table.num_rows <= 1
    except SourceError as err:
        assert "11010519491231002X" not in str(err)


def test_source_paths_outside_the_roots_are_refused(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.csv").write_text("a\n1\n")
    (tmp_path / "secret.csv").write_text("a\n1\n")
    (root / "a" / "link.csv").symlink_to(tmp_path / "secret.csv")
    monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(root))
    assert resolve_local("a/x.csv") == [(root / "a" / "x.csv").resolve()]
    with pytest.raises(SourceError, match="outside the allowed source roots"):
        resolve_local("a/*.csv")  # the glob matches a link that leaves the root
    with pytest.raises(SourceError, match="outside the allowed source roots"):
        resolve_local(str(tmp_path / "secret.csv"))
    with pytest.raises(SourceError, match="outside the allowed source roots"):
        resolve_local("a/link.csv")


def test_http_download_connects_to_the_address_that_was_checked(tmp_path: Path, monkeypatch) -> None:
    """DNS rebinding: the name answers a permitted address when checked and the cloud metadata
    address afterwards; the download goes to the checked address (with the original Host)."""
    import http.server
    import socket
    import threading

    from warehouse.sources import fetch_http

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            seen.append(self.headers.get("Host", ""))
            body = b"a,b\n1,2\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    real = socket.getaddrinfo
    answers = {"n": 0}

    def rebinding(host, *args, **kwargs):
        if host != "rebind.pubdata.test":
            return real(host, *args, **kwargs)
        answers["n"] += 1
        ip = "127.0.0.1" if answers["n"] == 1 else "169.254.169.254"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setenv("PUBDATA_HTTP_TIMEOUT", "2")
    try:
        out = fetch_http(f"http://rebind.pubdata.test:{port}/x.csv", tmp_path / "x.csv")
    finally:
        srv.shutdown()
        srv.server_close()
    assert out.read_bytes() == b"a,b\n1,2\n"
    assert answers["n"] == 1 and seen == [f"rebind.pubdata.test:{port}"]


def test_a_wrong_sql_query_is_a_permanent_error_a_missing_database_a_transient_one(tmp_path: Path) -> None:
    import sqlite3

    from core import SourceError, SourceUnavailable
    from warehouse.sources import read_sql

    db = tmp_path / "civil.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE subsidy (id INTEGER, amount REAL)")
        con.execute("INSERT INTO subsidy VALUES (1, 2.5)")
    assert read_sql(f"sqlite:///{db}", "SELECT * FROM subsidy").num_rows == 1
    for query in ("SELECT * FROM subsidies", "SELECT nope FROM subsidy", "SELEC * FROM subsidy"):
        with pytest.raises(SourceError) as err:
            read_sql(f"sqlite:///{db}", query)
        assert not isinstance(err.value, SourceUnavailable), query  # retrying cannot help
    with pytest.raises(SourceUnavailable):
        read_sql(f"sqlite:///{tmp_path}/missing-dir/x.db", "SELECT 1")


def test_a_repeated_header_is_named_by_position_not_by_its_text(tmp_path: Path) -> None:
    # a file without its header row: the "names" are a person's row; two of its cells repeat
    p = tmp_path / "export.csv"
    p.write_text("张三丰,男,男,13812345678\n李四,女,女,13912345678\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"position\(s\) \[2, 3\]") as err:
        read_file(p)
    assert "男" not in str(err.value) and "张三丰" not in str(err.value)


@pytest.mark.parametrize(
    "name, shape",
    [
        ("110101199003074514", "resident ID number"),
        ("138 1234 5678", "mobile number"),
        ("+8613812345678", "mobile number"),
        ("6222021234567890128", "card number"),
        ("zhang.san@example.com", "e-mail address"),
    ],
)
def test_a_header_cell_shaped_like_a_personal_value_is_refused(name: str, shape: str) -> None:
    from warehouse.manifest import column_name_problem

    problem = column_name_problem(name)
    assert problem is not None and shape in problem and "lack its header row" in problem
    assert name not in problem


@pytest.mark.parametrize(
    "name",
    ["手机号码", "身份证号", "2024", "2024年", "12345678901", "col_7", "E-mail", "邮箱@单位", "110101199013374514"],
)
def test_ordinary_header_names_are_column_names(name: str) -> None:
    from warehouse.manifest import column_name_problem

    # 12345678901 is no mobile range; the last one has no real birth date (month 13)
    assert column_name_problem(name) is None
