"""The leak gate blocks a publish naming dataset and column, never a value."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from testdata import bank_card, mobile, resident_id

from core import PrivacyError
from privacy.leakgate import leak_gate
from privacy.policy import Policy, decide
from privacy.protection import protect_open
from privacy.types import ColumnClassification as CC
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource

COLS = [
    CC("身份证号", "CN_RESIDENT_ID", "sensitive", 1),
    CC("姓名", "PERSON_NAME", "personal", 1),
    CC("手机", "PHONE_NUMBER", "personal", 1),
    CC("说明", None, "none", 1),
]


def _decision():
    ds = Dataset(
        id="p",
        title="t",
        source=FileSource(type="file", path="x"),
        about_people=False,
        columns=[Column(name=c.name) for c in COLS],
    )
    return decide(
        Department(id="d", name="d", contact=Contact(name="x"), datasets=[ds]),
        ds,
        COLS,
        Policy.model_validate({"version": "1"}),
    )


def _table(n: int = 50) -> tuple[pa.Table, list[str], list[str]]:
    rng = random.Random(3)
    ids = [resident_id(rng) for _ in range(n)]
    phones = [mobile(rng) for _ in range(n)]
    return pa.table({"身份证号": ids, "姓名": ["张三"] * n, "手机": phones, "说明": ["ok"] * n}), ids, phones


def test_protected_output_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "k"))
    t, _, phones = _table()
    pq.write_table(t, tmp_path / "in.parquet")
    d = _decision()
    protect_open(tmp_path / "in.parquet", d, tmp_path / "open.parquet")
    leak_gate(tmp_path / "open.parquet", d, dataset_label="d.p")  # raises PrivacyError on a leak
    # what passed the gate is the protected table: ID dropped, name and phone masked, the rest kept
    out = pq.read_table(tmp_path / "open.parquet")
    assert out.column_names == ["姓名", "手机", "说明"]
    assert out.num_rows == t.num_rows and out["说明"].to_pylist() == ["ok"] * t.num_rows
    assert not set(out["手机"].to_pylist()) & set(phones)
    assert "张三" not in out["姓名"].to_pylist()


@pytest.mark.parametrize(
    "case", ["dropped_present", "id_in_free_text", "card_in_text", "phone_in_masked", "unmasked_name", "undecided"]
)
def test_gate_blocks(tmp_path: Path, case: str) -> None:
    d = _decision()
    t, ids, phones = _table()
    rng = random.Random(4)
    card = bank_card(rng)
    base = {"姓名": ["张*"] * 50, "手机": ["138****8000"] * 50, "说明": ["ok"] * 50}
    secret = ""
    if case == "dropped_present":
        base["身份证号"] = ids
        secret, column = ids[0], "身份证号"
    elif case == "id_in_free_text":
        base["说明"] = ["申请人 " + ids[5] + " 已审核"] + ["ok"] * 49
        secret, column = ids[5], "说明"
    elif case == "card_in_text":
        base["说明"] = [f"卡号{card}"] + ["ok"] * 49
        secret, column = card, "说明"
    elif case == "phone_in_masked":
        base["手机"] = ["138****8000"] * 49 + [phones[0]]
        secret, column = phones[0], "手机"
    elif case == "unmasked_name":
        base["姓名"] = ["张*"] * 49 + ["王小明"]
        secret, column = "王小明", "姓名"
    else:
        base["extra"] = ["x"] * 50
        column = "extra"
    p = tmp_path / "open.parquet"
    pq.write_table(pa.table(base), p)
    with pytest.raises(PrivacyError) as err:
        leak_gate(p, d, dataset_label="d.p")
    msg = str(err.value)
    assert "d.p" in msg and repr(column) in msg and "blocked" in msg
    if secret:
        assert secret not in msg and secret[-4:] not in msg.replace("d.p", "")


def _mrz_line() -> str:
    def check(field: str) -> str:
        total = sum(
            (int(c) if c.isdigit() else 0 if c == "<" else ord(c) - 55) * (7, 3, 1)[i % 3] for i, c in enumerate(field)
        )
        return str(total % 10)

    doc, birth, expiry, personal = "EA1234567", "880412", "320101", "<" * 15
    head = doc + check(doc) + "CHN" + birth + check(birth) + "F" + expiry + check(expiry) + personal
    return head + check(doc + check(doc) + birth + check(birth) + expiry + check(expiry) + personal)


@pytest.mark.parametrize(
    ("entity", "value"),
    [
        ("PHONE_NUMBER", "请联系１３８１２３４５６７８（全角）"),
        ("PHONE_NUMBER", "+86 138-1234-5678"),
        ("PHONE_NUMBER", "0086 139 1234 5678"),
        ("EMAIL", "zhang.san@163.com"),
        ("EMAIL", "来信请寄 li_si@qq.com 谢谢"),
        ("IP_ADDRESS", "114.114.114.114"),
        ("LICENSE_PLATE", "浙A12345"),
        ("LICENSE_PLATE", "肇事车辆粤B·D12345逃逸"),
        ("PASSPORT", "E12345678"),
        ("PASSPORT", "往来港澳通行证C87654321"),
        ("PASSPORT", _mrz_line()),
        ("CN_RESIDENT_ID", "110105491231002"),
        ("CREDIT_CARD", "4111111111111111"),
    ],
)
def test_gate_covers_every_structured_entity_in_published_columns(tmp_path: Path, entity: str, value: str) -> None:
    d = _decision()
    p = tmp_path / "open.parquet"
    pq.write_table(pa.table({"姓名": ["张*"] * 50, "手机": ["138****8000"] * 50, "说明": [value] + ["ok"] * 49}), p)
    with pytest.raises(PrivacyError) as err:
        leak_gate(p, d, dataset_label="d.p")
    msg = str(err.value)
    assert entity in msg and "'说明'" in msg and "d.p" in msg
    assert value not in msg


def _org_decision():
    cols = [
        CC("单位邮箱", "EMAIL", "none", 0.9),  # an office mailbox: lowered by context
        CC("订单号", None, "none", 0.9),
        CC("待定", None, "personal", 0.5, review=True, review_reason="not recognised as non-personal"),
    ]
    ds = Dataset(
        id="o", title="t", source=FileSource(type="file", path="x"), columns=[Column(name=c.name) for c in cols]
    )
    dept = Department(id="d", name="d", contact=Contact(name="x"), datasets=[ds])
    return decide(dept, ds, cols, Policy.model_validate({"version": "1"}))


def test_organisation_contacts_and_random_codes_pass(tmp_path: Path) -> None:
    """An office mailbox in a column published as an organisation's contact is not a leak, nor a
    column of 16-digit order numbers of which some pass Luhn by chance."""
    d = _org_decision()
    assert d.column("待定").action == "hold"
    rng = random.Random(9)
    orders = [f"{rng.choice('45')}{rng.randint(10**14, 10**15 - 1)}" for _ in range(500)]
    p = tmp_path / "open.parquet"
    pq.write_table(pa.table({"单位邮箱": ["office@hz.gov.cn", "zhang.wei@company.com"] * 250, "订单号": orders}), p)
    leak_gate(p, d, dataset_label="d.o")
    # the held column may not be there
    pq.write_table(pa.table({"单位邮箱": ["office@hz.gov.cn"] * 10, "订单号": orders[:10], "待定": ["x"] * 10}), p)
    with pytest.raises(PrivacyError, match="'待定': the decision is hold"):
        leak_gate(p, d, dataset_label="d.o")


def test_gate_finds_resident_ids_inside_longer_identifiers(tmp_path: Path) -> None:
    """Identifiers built on the resident ID number (a disability certificate: the ID and two digits
    of category and grade; a national student number: G and the ID) carry the person's ID: published
    as they are, the gate blocks them, naming the column and never a value."""
    rng = random.Random(11)
    ids = [resident_id(rng) for _ in range(40)]
    d = _decision()
    p = tmp_path / "open.parquet"
    for built in (
        [f"{i}{rng.randint(1, 7)}{rng.randint(1, 4)}" for i in ids],
        [f"G{i}" for i in ids],
        [f"证号 {i}{rng.randint(1, 7)}{rng.randint(1, 4)}" for i in ids[:30]] + ["无"] * 10,
    ):
        pq.write_table(pa.table({"姓名": ["张*"] * 40, "说明": built}), p)
        with pytest.raises(PrivacyError) as err:
            leak_gate(p, d, dataset_label="d.p")
        msg = str(err.value)
        assert "CN_RESIDENT_ID" in msg and "'说明'" in msg
        assert not any(i in msg for i in ids)


def test_gate_passes_long_numbers_that_hold_an_id_shape_by_chance(tmp_path: Path) -> None:
    """A column of long transaction numbers in which one happens to hold a valid ID number inside
    is no leak: an ID glued into a longer code blocks when it is how the column's codes are built
    (half of the long codes or more), not when one random code passes the checks."""
    rng = random.Random(12)
    codes = [str(rng.randint(10**24, 10**25 - 1)) for _ in range(400)]
    codes[7] = f"{resident_id(rng)}{rng.randint(1000000, 9999999)}"  # one chance hit among 400
    d = _decision()
    p = tmp_path / "open.parquet"
    pq.write_table(pa.table({"姓名": ["张*"] * 400, "说明": codes}), p)
    leak_gate(p, d, dataset_label="d.p")


def test_the_gate_reads_the_open_file_in_bounded_batches_and_still_scans_every_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open file is read a bounded number of rows at a time (memory flat in rows: it was up
    to a million rows per batch); every value is still scanned: a leak in the last row blocks."""
    from privacy import leakgate
    from warehouse import storage

    monkeypatch.setattr(leakgate, "_BATCH", 16)
    seen: list[int] = []
    opened = storage.parquet_file

    def spying(path: Path) -> Any:
        pf = opened(path)
        batches = pf.iter_batches

        def iter_batches(**kw: Any) -> Iterator[pa.RecordBatch]:
            for b in batches(**kw):
                seen.append(b.num_rows)
                yield b

        pf.iter_batches = iter_batches
        return pf

    monkeypatch.setattr(storage, "parquet_file", spying)
    p = tmp_path / "open.parquet"
    pq.write_table(pa.table({"姓名": ["张*"] * 40, "手机": ["138****8000"] * 40, "说明": ["ok"] * 40}), p)
    leak_gate(p, _decision(), dataset_label="d.p")
    assert seen and max(seen) <= 16 and sum(seen) == 40

    _, ids, _ = _table(40)
    pq.write_table(
        pa.table({"姓名": ["张*"] * 40, "手机": ["138****8000"] * 40, "说明": ["ok"] * 39 + [f"身份证{ids[0]}"]}), p
    )
    with pytest.raises(PrivacyError, match="'说明'"):
        leak_gate(p, _decision(), dataset_label="d.p")
