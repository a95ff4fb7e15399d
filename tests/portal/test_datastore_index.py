"""``datastore_search`` answers filter-only queries from the version's row index
(:mod:`warehouse.rowindex`): the rows and the exact total are those a scan of the file returns, a
new version is served from its own index, an index built from other bytes is never used, and
hostile column names and values stay inert."""

from __future__ import annotations

import json
import shutil
from datetime import UTC
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from portal import datastore
from warehouse import rowindex


def _latest(department: str, dataset: str) -> tuple[Path, str]:
    from catalog import queries
    from core import home

    d = next(x for x in queries.list_datasets() if (x["department_id"], x["dataset_id"]) == (department, dataset))
    return home() / d["path"], d["sha256"]


def _both(path: Path, sha: str, params: dict) -> dict:
    """The indexed answer, after checking it equals the scan's."""
    indexed = datastore.search(path, dict(params), sha256=sha)
    scanned = datastore.search(path, dict(params), sha256=None)
    assert indexed == scanned
    again = datastore.search(path, dict(params), sha256=sha)  # from the kept page and its JSON text
    assert again == indexed
    for answer in (indexed, again):
        records = answer["records"]
        if isinstance(records, datastore.Records) and records.json:  # what the API splices in
            assert records.json == datastore.dumps(list(records))
    return indexed


def test_the_envelope_with_kept_records_text_is_the_same_json(portal_home: Path) -> None:
    """``portal.api_ckan`` splices a kept page's JSON text into the CKAN envelope: the body parses
    to exactly what encoding the whole answer gives."""
    from starlette.requests import Request

    from portal.api_ckan import _envelope

    path, sha = _latest("transport", "ridership")
    table = pq.read_table(path)
    column = next(f.name for f in table.schema if pa.types.is_string(f.type))
    value = table.column(column)[0].as_py()
    params = {"filters": json.dumps({column: value}), "limit": "2", "records_format": "lists"}
    answer = datastore.search(path, params, sha256=sha)
    assert isinstance(answer["records"], datastore.Records) and answer["records"].json and answer["total"] >= 1
    answer["resource_id"] = "r"
    request = Request(
        {
            "type": "http",
            "method": "GET",
            "scheme": "http",
            "server": ("portal.test", 80),
            "path": "/",
            "headers": [(b"host", b"portal.test")],
            "query_string": b"",
        }
    )
    spliced = _envelope(request, "datastore_search", result=answer)
    plain = _envelope(request, "datastore_search", result={**answer, "records": list(answer["records"])})
    assert spliced.headers["content-type"] == plain.headers["content-type"] == "application/json"
    assert json.loads(bytes(spliced.body)) == json.loads(bytes(plain.body))
    assert json.loads(bytes(spliced.body))["result"]["records"] == [list(r) for r in answer["records"]]


def _publish(home: Path, run: str, table: pa.Table) -> tuple[Path, str]:
    from catalog.publish import publish_version
    from warehouse.lake import RunPaths

    src = home / f"{run}.parquet"
    pq.write_table(table, src, row_group_size=700)
    cols = [{"name": n, "level": "none", "action": "publish"} for n in table.column_names]
    publish_version(RunPaths.for_run("health", "hospitals", run), run, src, columns=cols, open_tier="open")
    return _latest("health", "hospitals")


def test_open_datasets_filtered_like_a_scan(portal_home: Path) -> None:
    path, sha = _latest("transport", "ridership")
    assert rowindex.open_index(path, sha) is not None  # published with its index
    rows = pq.read_table(path).to_pylist()
    column = next(c for c in rows[0] if isinstance(rows[0][c], str))
    value = rows[len(rows) // 2][column]
    expected = sum(1 for r in rows if r[column] == value)
    got = _both(path, sha, {"filters": json.dumps({column: value}), "limit": "3"})
    assert got["total"] == expected and len(got["records"]) == min(3, expected)
    assert all(r[column] == value for r in got["records"])
    for params in (
        {"filters": json.dumps({column: [value, rows[0][column], None]})},
        {"filters": json.dumps({column: value}), "offset": "1", "limit": "2", "fields": f"{column},{column}"},
        {"filters": json.dumps({column: value}), "records_format": "lists", "include_total": "false"},
        {"filters": json.dumps({column: "x' OR '1'='1"})},  # a hostile value matches nothing
        {"limit": "5", "offset": str(len(rows) - 2)},  # no filter: the file's rows in order
    ):
        _both(path, sha, params)
    assert _both(path, sha, {"filters": json.dumps({column: "x' OR '1'='1"})})["total"] == 0


def test_types_nulls_and_hostile_names(scratch_home: Path) -> None:
    n = 5000
    table = pa.table(
        {
            'a"b': pa.array([f"v{i % 7}" if i % 11 else None for i in range(n)]),
            "x; DROP TABLE meta; --": pa.array(list(range(n)), pa.int64()),
            "中文 列": pa.array([i / 4 for i in range(n)]),
            "day": pa.array([None if i % 13 == 0 else 19000 + i % 40 for i in range(n)], pa.int32()).cast(pa.date32()),
            "flag": pa.array([i % 3 == 0 for i in range(n)]),
        }
    )
    path, sha = _publish(scratch_home, "r1", table)
    assert rowindex.open_index(path, sha) is not None
    cases = [
        {'a"b': "v3"},
        {'a"b': None},
        {'a"b': ["v1", None, "v1"], "flag": True},
        {"x; DROP TABLE meta; --": 4321},
        {"x; DROP TABLE meta; --": "04321"},  # compared as text, like the scan: no match
        {"中文 列": "2.5"},
        {"day": "2022-01-08"},
        {"day": None, 'a"b': "v2"},
    ]
    totals = [_both(path, sha, {"filters": json.dumps(f), "limit": "50"})["total"] for f in cases]
    assert totals[0] == sum(1 for i in range(n) if i % 11 and i % 7 == 3)
    assert totals[1] == sum(1 for i in range(n) if i % 11 == 0)
    assert totals[3] == 1 and totals[4] == 0 and totals[5] == 1
    with pytest.raises(Exception, match="unknown column"):  # names are checked before any SQL
        datastore.search(path, {"filters": json.dumps({'a"b" OR 1=1 --': "v"})}, sha256=sha)


def test_a_new_version_is_served_from_its_own_index(scratch_home: Path) -> None:
    first = pa.table({"station": [f"s{i % 5}" for i in range(3000)]})
    path1, sha1 = _publish(scratch_home, "r1", first)
    assert _both(path1, sha1, {"filters": '{"station": "s1"}'})["total"] == 600
    second = pa.table({"station": [f"s{i % 3}" for i in range(3000)]})
    path2, sha2 = _publish(scratch_home, "r2", second)
    assert path2 != path1 and rowindex.open_index(path2, sha2) is not None
    assert rowindex.open_index(path1, sha2) is None  # the old index answers only for its own bytes
    assert _both(path2, sha2, {"filters": '{"station": "s1"}'})["total"] == 1000


def test_an_index_of_other_bytes_is_not_used(scratch_home: Path) -> None:
    path1, sha1 = _publish(scratch_home, "r1", pa.table({"k": ["a"] * 10 + ["b"] * 5}))
    path2, sha2 = _publish(scratch_home, "r2", pa.table({"k": ["a"] * 3 + ["b"] * 9}))
    shutil.rmtree(rowindex.index_dir(path2))
    shutil.copytree(rowindex.index_dir(path1), rowindex.index_dir(path2))  # a stale/foreign index
    assert rowindex.open_index(path2, sha2) is None
    assert datastore.search(path2, {"filters": '{"k": "b"}'}, sha256=sha2)["total"] == 9


def test_a_file_without_an_index_is_scanned(scratch_home: Path) -> None:
    # a column DuckDB's row numbering would shadow: no index is built, the file is scanned
    path, sha = _publish(scratch_home, "r1", pa.table({"file_row_number": [1, 2, 2], "k": ["a", "b", "b"]}))
    assert not rowindex.index_dir(path).exists()
    assert datastore.search(path, {"filters": '{"file_row_number": 2}'}, sha256=sha)["total"] == 2


def test_values_of_every_type_match_the_scan_and_repeated_filters(scratch_home: Path) -> None:
    # columns read straight from the index's Arrow rows (numbers, text, dates, naive timestamps,
    # decimals) and those still converted by DuckDB (zoned timestamps, times, lists) give the
    # scan's values; a repeated filter (its row numbers kept per version) gives the same answer
    from datetime import datetime, time
    from decimal import Decimal

    n = 3000
    table = pa.table(
        {
            "k": [f"g{i % 4}" for i in range(n)],
            "amount": pa.array([Decimal(i) / 100 for i in range(n)], pa.decimal128(12, 2)),
            "big": pa.array([2**63 + i for i in range(n)], pa.uint64()),
            "at": pa.array([datetime(2024, 1, 1, i % 24, 5, 7, 123456) for i in range(n)], pa.timestamp("us")),
            "zoned": pa.array(
                [datetime(2024, 1, 1, i % 24, tzinfo=UTC) for i in range(n)], pa.timestamp("us", tz="UTC")
            ),
            "clock": pa.array([time(i % 24, 30) for i in range(n)], pa.time64("us")),
            "tags": pa.array([[f"t{i % 3}"] for i in range(n)]),
            "ratio": pa.array([float("nan") if i % 97 == 0 else i / 3 for i in range(n)], pa.float32()),
        }
    )
    path, sha = _publish(scratch_home, "r1", table)
    index = rowindex.open_index(path, sha)
    assert index is not None and index.plain(["k", "amount", "big", "at"]) and not index.plain(["zoned"])
    for fields in ("k,amount,big,at,ratio", "k,zoned,clock,tags", ""):
        params = {"filters": '{"k": "g2"}', "limit": "40", "offset": "7"}
        if fields:
            params["fields"] = fields
        first = _both(path, sha, params)
        assert first["total"] == n // 4 and len(first["records"]) == 40
        assert all(r["k"] == "g2" for r in first["records"])
        assert _both(path, sha, params) == first  # the kept row numbers: the same page and total
    assert _both(path, sha, {"filters": '{"k": "g2"}', "offset": str(n)})["records"] == []


def test_compact_and_full_layouts_answer_like_the_scan(scratch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a column with few distinct values keeps only integers per row (its values once, in a
    # dictionary); a near-unique column keeps every row's text; both answer exactly like the scan,
    # NULLs, absent values and several values included; a column whose distinct values share a
    # hash (forced here) falls back to the full layout
    n = 4000
    table = pa.table(
        {
            "kind": [None if i % 7 == 0 else f"k{i % 5}" for i in range(n)],
            "ident": [f"id{i:05d}" for i in range(n)],
            "day": pa.array([i % 30 for i in range(n)], pa.int32()),
        }
    )
    path, sha = _publish(scratch_home, "r1", table)
    index = rowindex.open_index(path, sha)
    assert index is not None and set(index.values) == {"kind", "day"}  # "ident": full layout
    assert set(index.lists) == {"kind", "day"}  # few values: a row list per value
    for filters in (
        {"kind": "k3"},
        {"kind": None},
        {"kind": ["k1", None, "absent"]},
        {"kind": "absent"},
        {"ident": "id00042"},
        {"ident": ["id00042", "nope"]},
        {"day": 7, "kind": "k2"},
        {"day": "7", "ident": "id00037"},
    ):
        got = _both(path, sha, {"filters": json.dumps(filters), "limit": "5000"})
        assert got["total"] == len(got["records"])
    assert _both(path, sha, {"filters": json.dumps({"kind": "k3"})})["total"] == sum(
        1 for i in range(n) if i % 7 and i % 5 == 3
    )

    monkeypatch.setattr(rowindex, "_shared_hashes", lambda con, table: 1)
    path2, sha2 = _publish(scratch_home, "r2", table.slice(1))
    index2 = rowindex.open_index(path2, sha2)
    assert index2 is not None and index2.values == {} and set(index2.tables) == {"kind", "ident", "day"}
    got = _both(path2, sha2, {"filters": json.dumps({"kind": ["k1", None]}), "limit": "5000"})
    assert got["total"] == sum(1 for i in range(1, n) if i % 7 == 0 or i % 5 == 1)


def test_row_lists_beside_the_sorted_layouts_and_an_index_of_the_previous_format(
    scratch_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one filter over a row-list column (format 4), a sorted compact column and a full one gives
    # the scan's rows; an index written before the row lists (format 3: every compact column
    # sorted by hash and row) is still read, so versions published before keep their index
    n = 4000
    table = pa.table(
        {
            "kind": [None if i % 7 == 0 else f"k{i % 5}" for i in range(n)],
            "ident": [f"id{i % 1900:05d}" for i in range(n)],
            "day": pa.array([i % 30 for i in range(n)], pa.int32()),
        }
    )
    filters: list[dict] = [
        {"kind": ["k1", None], "day": ["3", "4", "17"]},
        {"kind": "k2", "day": 7, "ident": ["id00007", "id01907", "id00037"]},
        {"kind": ["k4", "k0", "absent"], "ident": "id00004"},
        {"kind": None, "day": "absent"},
        {"day": [1, 2], "ident": ["id00031", "id00032", "id01931"]},
    ]

    def expected(f: dict) -> int:
        def ok(column: str, value: object) -> bool:
            wanted = f[column] if isinstance(f[column], list) else [f[column]]
            return (value is None and None in wanted) or (value is not None and str(value) in map(str, wanted))

        return sum(1 for row in table.to_pylist() if all(ok(c, row[c]) for c in f))

    monkeypatch.setattr(rowindex, "LIST_MAX_VALUES", 10)  # "kind" (6 values): lists; "day" (30): sorted
    path, sha = _publish(scratch_home, "r1", table)
    index = rowindex.open_index(path, sha)
    assert index is not None and set(index.lists) == {"kind"} and set(index.values) == {"kind", "day"}
    for f in filters:
        got = _both(path, sha, {"filters": json.dumps(f), "limit": "5000"})
        assert got["total"] == len(got["records"]) == expected(f)

    monkeypatch.setattr(rowindex, "LIST_MAX_VALUES", 0)
    monkeypatch.setattr(rowindex, "_FORMAT", "3")
    path2, sha2 = _publish(scratch_home, "r2", table.slice(1))
    index2 = rowindex.open_index(path2, sha2)
    assert index2 is not None and index2.lists == {} and set(index2.values) == {"kind", "day"}
    for f in filters:
        _both(path2, sha2, {"filters": json.dumps(f), "limit": "5000"})
