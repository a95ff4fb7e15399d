"""The verification index: keyed hashes only, normalised keys, yes/no answers, never a value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from core.identifiers import id_check_char
from privacy.verify import MATCH, NO_MATCH, NOT_FOUND, build_index, load_index, verify

KEY = bytes(range(32))
IDS = [f + id_check_char(f) for f in ("11010519491231002", "33010619900101123", "33010619850505432")]
NAMES = ["张三丰", "李四", "王五"]


def _index(tmp_path: Path) -> Path:
    table = pa.table(
        {
            "身份证号": IDS + [None],
            "姓名": NAMES + ["无名"],
            "补助类型": ["低保", "特困供养", "低保", "临时救助"],
            "金额": [800.0, 1200.5, 650.0, 300.0],
        }
    )
    src, out = tmp_path / "valid.parquet", tmp_path / "index.parquet"
    pq.write_table(table, src)
    summary = build_index(
        src,
        out,
        key_columns=["身份证号"],
        fields=["姓名", "补助类型", "金额"],
        entities={"身份证号": "CN_RESIDENT_ID", "姓名": "PERSON_NAME"},
        key=KEY,
        label="civil_affairs.subsidy_recipients",
    )
    assert summary["indexed"] == 3 and summary["without_key"] == 1
    return out


def test_the_index_file_holds_no_identifier_and_no_value(tmp_path: Path) -> None:
    out = _index(tmp_path)
    raw = out.read_bytes()
    for v in [*IDS, *NAMES, "低保", "特困供养", "800"]:
        assert v.encode("utf-8") not in raw
    assert IDS[0][:6].encode() not in raw
    assert set(pq.read_schema(out).names) == {"k", "v0", "v1", "v2"}


def test_answers_match_no_match_not_found_after_normalisation(tmp_path: Path) -> None:
    index = load_index(_index(tmp_path))
    keysets: list[dict[str, Any]] = [
        # full-width digits, lower-case x, spaces in the name, a number as text with decimals
        {"身份证号": "１１０１０５１９４９１２３１００２x", "姓名": "张 三丰", "补助类型": "低保", "金额": "800.00"},
        {"身份证号": IDS[1], "姓名": "李四", "补助类型": "低保", "金额": 1200.5},
        {"身份证号": "110105194912310037", "姓名": "张三丰", "补助类型": "低保", "金额": 800},
        {"身份证号": "", "姓名": "王五", "补助类型": "低保", "金额": 650},
    ]
    out = verify(index, KEY, keysets, ["姓名", "补助类型", "金额"])
    assert out[0] == {"姓名": MATCH, "补助类型": MATCH, "金额": MATCH}
    assert out[1] == {"姓名": MATCH, "补助类型": NO_MATCH, "金额": MATCH}
    assert out[2] == {"姓名": NOT_FOUND, "补助类型": NOT_FOUND, "金额": NOT_FOUND}
    assert out[3] == {"姓名": NOT_FOUND, "补助类型": NOT_FOUND, "金额": NOT_FOUND}


def test_a_legacy_15_digit_id_finds_its_18_digit_record(tmp_path: Path) -> None:
    index = load_index(_index(tmp_path))
    legacy = IDS[1][:6] + IDS[1][8:17]  # 15 digits: no century, no check character
    assert verify(index, KEY, [{"身份证号": legacy, "姓名": "李四"}], ["姓名"]) == [{"姓名": MATCH}]


def test_another_key_finds_nothing(tmp_path: Path) -> None:
    index = load_index(_index(tmp_path))
    out = verify(index, bytes(32), [{"身份证号": IDS[0], "姓名": NAMES[0]}], ["姓名"])
    assert out == [{"姓名": NOT_FOUND}]
