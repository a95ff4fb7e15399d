"""Masking, generalisation and keyed pseudonyms as DuckDB SQL (real DuckDB, typed columns)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from core.sql import quote_ident, scalar
from privacy.deid import (
    SqlContext,
    divisions_table,
    hmac_hex,
    hmac_pads,
    hmac_sql,
    method_sql,
    native_hmac,
    normalise_sql,
    pseudonym_py,
)
from privacy.policy import Policy, decide
from privacy.protection import protect_open
from privacy.types import ColumnClassification as CC
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource

AS_OF = dt.date(2025, 6, 30)


def _apply(
    method: str, values: list, typ: pa.DataType | None = None, entity: str | None = None, key: bytes | None = None
) -> list:
    con = duckdb.connect()
    arr = pa.array(values, typ) if typ is not None else pa.array(values)
    con.register("input", pa.table({"v": arr, "i": pa.array(range(len(values)))}))
    ctx = SqlContext(as_of=AS_OF)
    sql = method_sql(method, "src.v", arr.type, entity, ctx, key=key)
    helpers = ctx.helper_sql()
    if ctx.needs_divisions:
        con.register("__pubdata_divisions", divisions_table())
    q = f"WITH src AS (SELECT *{helpers} FROM input AS src) SELECT {sql} FROM src {' '.join(ctx.joins)} ORDER BY src.i"
    return [r[0] for r in con.execute(q, ctx.params).fetchall()]


@pytest.mark.parametrize(
    ("method", "values", "expected"),
    [
        ("mask_name", ["张三", "欧阳娜娜", "", None, " 李四 "], ["张*", "欧*", "", None, "李*"]),
        (
            "mask_phone",
            ["13812348000", "+86 138-1234-8000", "8613812348000", "12", None],
            ["138****8000", "138****8000", "138****8000", "****", None],
        ),
        (
            "mask_id",
            ["11010519491231002X", "110105491231002", "abc"],
            ["110105********002X", "110105*****1002", "****"],
        ),
        ("mask_card", ["6222 0212 3456 7890", "62220212345678901"], ["6222 **** **** 7890", "6222 **** **** 8901"]),
        ("mask_email", ["zhang.san@example.cn", "bad"], ["z***@example.cn", "****"]),
        ("mask_plate", ["粤B12345", "粤BD12345"], ["粤B****5", "粤B****5"]),
        (
            "district",
            [
                "浙江省杭州市西湖区文三路100号",
                "北京市朝阳区建国路1号",
                "新疆维吾尔自治区乌鲁木齐市天山区幸福路2号",
                "浙江省义乌市稠城街道3号",
                "云南省大理白族自治州漾濞彝族自治县某村",
                "文三路100号",
            ],
            [
                "浙江省杭州市西湖区",
                "北京市朝阳区",
                "新疆维吾尔自治区乌鲁木齐市天山区",
                "浙江省义乌市",
                "云南省大理白族自治州漾濞彝族自治县",
                None,
            ],
        ),
        ("division", ["330106", "110105", "999999"], ["浙江省西湖区", "北京市朝阳区", None]),
        (
            "ip_prefix",
            ["192.168.1.77", "2001:db8:85a3::8a2e:370:7334", "x"],
            ["192.168.1.0/24", "2001:db8:85a3::/48", None],
        ),
        ("grid", ["30.274123,120.155987"], ["30.27,120.15"]),
    ],
)
def test_masks_on_text(method: str, values: list, expected: list) -> None:
    assert _apply(method, values) == expected


def test_typed_inputs_are_cast() -> None:
    # birth dates as date32, timestamp, text in several formats, and integers
    assert _apply("age_band", [dt.date(1990, 7, 1), dt.date(1990, 6, 30), None]) == ["30-39", "30-39", None]
    assert _apply("age_band", [dt.date(1995, 6, 30)]) == ["30-39"]
    assert _apply("age_band", [dt.date(1995, 7, 1)]) == ["20-29"]
    assert _apply("age_band", [dt.datetime(1980, 1, 2, 3, 4)], pa.timestamp("us")) == ["40-49"]
    assert _apply("age_band", ["1980-01-02", "19800102", "1980/01/02", "1980年01月02日", "junk"]) == ["40-49"] * 4 + [
        None
    ]
    assert _apply("birth_year", [19800102], pa.int64()) == ["1980"]
    assert _apply("date_month", [dt.date(1980, 1, 2)]) == ["1980-01"]
    assert _apply("age_band", ["11010519491231002X"], entity="CN_RESIDENT_ID") == ["70-79"]
    assert _apply("grid", [30.274123, None], pa.float64()) == [30.27, None]
    assert _apply("mask_phone", [13812348000], pa.int64()) == ["138****8000"]
    assert _apply("mask_name", [True], pa.bool_()) == ["t*"]


def test_sql_hmac_matches_python_hmac() -> None:
    con = duckdb.connect()
    for key in (os.urandom(32), os.urandom(80), b"k"):
        ipad, opad = hmac_pads(key)
        for msg in ("11010519491231002X", "", "长一点的中文文本" * 20):
            got = scalar(con, f"SELECT {hmac_sql('encode($m)', '$i', '$o')}", {"m": msg, "i": ipad, "o": opad})
            assert got == hmac.new(key, msg.encode(), hashlib.sha256).hexdigest()


def test_native_batch_hmac_matches_python_hmac() -> None:
    """The compiled helper (built by ``make install``) on both code paths: the x86 SHA extensions
    when the CPU has them, and portable C; block-boundary lengths, long and non-ASCII values,
    keys shorter and longer than a block, nulls kept."""
    from privacy import _hmac

    assert native_hmac(), "privacy._hmac was not built: run `make install` (needs a C compiler)"
    values = [
        "",
        "a",
        "x" * 55,
        "x" * 56,
        "x" * 63,
        "x" * 64,
        "x" * 119,
        "x" * 120,
        "身份证" * 40,
        None,
        "11010519491231002X",
    ]
    arr = pa.array(values)
    for key in (b"", b"k", os.urandom(32), os.urandom(64), os.urandom(100)):
        want = [None if v is None else hmac.new(key, v.encode(), hashlib.sha256).hexdigest() for v in values]
        assert hmac_hex(arr, key, nhex=64).to_pylist() == want
        assert hmac_hex(arr.slice(2), key).to_pylist() == [None if w is None else w[:32] for w in want[2:]]
        inner, outer = (_hmac.midstate(p) for p in hmac_pads(key))
        out = bytearray(len(values) * 64)
        _hmac.hex_batch(inner, outer, arr.buffers()[1], arr.buffers()[2], out, len(values), 64, True)
        assert [out[i * 64 : (i + 1) * 64].decode() for i, v in enumerate(values) if v is not None] == [
            w for w in want if w is not None
        ]
    assert hmac_hex(pa.array([], pa.string()), b"k").to_pylist() == []
    with pytest.raises(ValueError, match="offsets"):
        _hmac.hex_batch(inner, outer, b"\x00" * 8, b"", bytearray(64), 2, 32, False)


def test_pseudonym_normalisation() -> None:
    key = os.urandom(32)
    got = _apply(
        "hmac",
        ["11010519491231002x", " 110105 19491231 002X ", "110105491231002", "", None],
        entity="CN_RESIDENT_ID",
        key=key,
    )
    # the 15-digit legacy number 110105491231002 is 11010519491231002X in 18-digit form
    assert got[0] == got[1] == got[2] == pseudonym_py("11010519491231002X", key)
    assert got[3] is None and got[4] is None
    phone = _apply("hmac", ["+86 138 1234 8000", "13812348000"], entity="PHONE_NUMBER", key=key)
    assert phone[0] == phone[1] == pseudonym_py("13812348000", key)
    con = duckdb.connect()
    assert (
        scalar(con, f"SELECT {normalise_sql(quote_ident('v'), pa.string(), 'EMAIL')} FROM (SELECT ' A@B.cn ' AS v)")
        == "a@b.cn"
    )


def test_protect_open_hostile_names_and_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    names = ['姓 名"; DROP TABLE x; --', "select", "手机'号", "出生 日期", "金额"]
    t = pa.table(
        {
            names[0]: ["张三", "李四"],
            names[1]: [1, 2],
            names[2]: [13812348000, 13912345678],
            names[3]: pa.array([dt.date(1990, 1, 1), dt.date(2000, 1, 1)], pa.date32()),
            names[4]: [1.5, 2.5],
        }
    )
    src = tmp_path / "in.parquet"
    pq.write_table(t, src)
    cols = [
        CC(names[0], "PERSON_NAME", "personal", 1),
        CC(names[1], None, "none", 1),
        CC(names[2], "PHONE_NUMBER", "personal", 1),
        CC(names[3], "DATE_OF_BIRTH", "personal", 1),
        CC(names[4], None, "none", 1),
    ]
    ds = Dataset(
        id="d",
        title="t",
        source=FileSource(type="file", path="x"),
        columns=[Column(name=n) for n in names],
        about_people=False,
    )
    dec = decide(
        Department(id="x", name="x", contact=Contact(name="x"), datasets=[ds]),
        ds,
        cols,
        Policy.model_validate({"version": "1"}),
    )
    out = tmp_path / "out.parquet"
    rep = protect_open(src, dec, out)
    got = pq.read_table(out)
    assert got.column_names == names and rep.rows_out == 2 and rep.k_achieved is None
    assert got[names[0]].to_pylist() == ["张*", "李*"]
    assert got[names[2]].to_pylist() == ["138****8000", "139****5678"]
    assert got[names[1]].type == pa.int64() and got[names[4]].to_pylist() == [1.5, 2.5]
    assert not list(tmp_path.glob(".*tmp"))
