"""One scan writes the open variant and every shared variant; all or nothing."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from testdata import resident_id

import privacy.variants
from privacy.deid import pseudonym_py
from privacy.keys import KeyStore
from privacy.policy import Policy, decide
from privacy.protection import protect
from privacy.types import ColumnClassification as CC
from warehouse.lake import RunPaths
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource, Share

HOSTILE = ["$p0", 'a"b', "x'); DROP TABLE t; --", "$src"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    return tmp_path


def _dataset(home: Path, n: int = 3000):
    rng = random.Random(3)
    ids = [resident_id(rng) for _ in range(n)]
    table = pa.table(
        {
            "身份证号": ids,
            "姓名": [rng.choice("张王李赵") + "某" for _ in ids],
            "手机": [f"138{rng.randrange(10**8):08d}" for _ in ids],
            "收入": [float(i) for i in range(n)],
            **{h: [f"v{i % 7}" for i in range(n)] for h in HOSTILE},
        }
    )
    src = home / "people.parquet"
    pq.write_table(table, src)
    cls = [
        CC("身份证号", "CN_RESIDENT_ID", "sensitive", 1),
        CC("姓名", "PERSON_NAME", "personal", 1),
        CC("手机", "PHONE_NUMBER", "personal", 1),
        CC("收入", "PERSONAL_INCOME", "sensitive", 1),
    ] + [CC(h, None, "none", 1) for h in HOSTILE]
    pol = Policy.model_validate(
        {
            "version": "1",
            "rules": [{"id": "P", "basis": "b", "match": {"entity": ["CN_RESIDENT_ID"]}, "action": "pseudonymise"}],
        }
    )
    ds = Dataset(
        id="people",
        title="t",
        source=FileSource(type="file", path="x"),
        columns=[Column(name=c.name) for c in cls],
        sharing=[Share(department="tax", purpose="audit", clear=["收入"]), Share(department="civil", purpose="relief")],
    )
    dept = Department(id="owner", name="o", contact=Contact(name="x"), datasets=[ds])
    return src, table, ds, decide(dept, ds, cls, pol)


def test_one_scan_writes_every_variant(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy.variants, "BATCH_ROWS", 700)  # several batches, segments, row groups
    src, table, ds, dec = _dataset(home)
    keys = KeyStore()
    paths = RunPaths.for_run("owner", "people", "r1")
    report, shares = protect(src, dec, home / "open.parquet", dataset=ds, paths=paths, keys=keys)
    assert report is not None and report.rows_out == table.num_rows
    open_t = pq.read_table(home / "open.parquet")
    tax, civil = (pq.read_table(s.path) for s in shares)
    assert [s.rows for s in shares] == [table.num_rows] * 2
    # hostile column names are data like any other: carried through unchanged
    for t in (open_t, tax, civil):
        for h in HOSTILE:
            assert t[h].to_pylist() == table[h].to_pylist()
    # masks are computed once and identical in every variant; income only for tax, encrypted
    assert open_t["姓名"].to_pylist() == tax["姓名"].to_pylist() == [v[0] + "*" for v in table["姓名"].to_pylist()]
    assert "收入" not in open_t.column_names and "收入" not in civil.column_names
    assert tax["收入"].type == pa.binary()
    # each variant's pseudonyms use its own purpose's key (natively computed == reference)
    ids = table["身份证号"].to_pylist()
    assert open_t["身份证号"].to_pylist() == [pseudonym_py(i, keys.public_pseudonym_key()) for i in ids]
    assert tax["身份证号"].to_pylist() == [pseudonym_py(i, keys.pseudonym_key("audit")) for i in ids]
    assert civil["身份证号"].to_pylist() == [pseudonym_py(i, keys.pseudonym_key("relief")) for i in ids]
    assert not set(open_t["身份证号"].to_pylist()) & set(tax["身份证号"].to_pylist())
    assert not [p for p in (home / "open.parquet").parent.iterdir() if p.name.startswith(".")]


def test_a_failure_in_any_variant_leaves_every_target_as_it_was(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy.variants, "BATCH_ROWS", 500)
    src, table, ds, dec = _dataset(home)
    keys = KeyStore()
    paths = RunPaths.for_run("owner", "people", "r1")
    out = home / "open.parquet"
    protect(src, dec, out, dataset=ds, paths=paths, keys=keys)
    before = {p: p.read_bytes() for p in (out, paths.shared("tax", "audit"), paths.shared("civil", "relief"))}

    calls = {"n": 0}
    real = privacy.variants.hmac_hex

    def failing(arr, key, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 7:  # mid-stream, after some batches of every variant were written
            raise OSError("disk full")
        return real(arr, key, *a, **kw)

    monkeypatch.setattr(privacy.variants, "hmac_hex", failing)
    with pytest.raises(OSError, match="disk full"):
        protect(src, dec, out, dataset=ds, paths=paths, keys=keys)
    assert {p: p.read_bytes() for p in before} == before
    for p in before:
        assert isinstance(p, Path)  # the local profile
        assert not [q for q in p.parent.iterdir() if q.name.startswith(".")], p.parent


@pytest.mark.parametrize("other", ["INCOME", "__PUBDATA_h0"])
def test_names_sql_cannot_tell_apart_are_refused(home: Path, other: str) -> None:
    """DuckDB binds names without case: ``INCOME`` would read ``Income``'s values (dropped by the
    decision) and ``__PUBDATA_h0`` would stand in for the minors helper; both are refused."""
    from core import PrivacyError

    table = pa.table({"Income": [10000.0] * 20, other: ["x"] * 20, "出生日期": ["2018-01-01"] * 20})
    src = home / "t.parquet"
    pq.write_table(table, src)
    # (a manifest cannot declare both: its validator refuses names equal without case; the file
    # brings the second one)
    cls = [CC("Income", "PERSONAL_INCOME", "sensitive", 1), CC("出生日期", "DATE_OF_BIRTH", "personal", 1)]
    ds = Dataset(
        id="t", title="t", source=FileSource(type="file", path="x"), columns=[Column(name=c.name) for c in cls]
    )
    dec = decide(
        Department(id="o", name="o", contact=Contact(name="x"), datasets=[ds]),
        ds,
        cls,
        Policy.model_validate({"version": "1"}),
    )
    with pytest.raises(PrivacyError, match="differ only in case|reserved prefix") as err:
        protect(src, dec, home / "open.parquet")
    assert "10000" not in str(err.value)
    assert not (home / "open.parquet").exists()


def test_kanon_rewrite_keeps_the_other_columns_types(home: Path) -> None:
    """When k is not met the open file is rewritten with the QIs generalised; every other
    column keeps the type it was written with."""
    n = 40
    table = pa.table(
        {
            "年龄": pa.array([20 + i for i in range(n)], pa.int16()),  # all distinct: k=1
            "职业": [f"occ{i % 2}" for i in range(n)],
            "金额": pa.array([i * 10 for i in range(n)], pa.int16()),
        }
    )
    src = home / "k.parquet"
    pq.write_table(table, src)
    cls = [CC("年龄", "AGE", "personal", 1), CC("职业", "OCCUPATION", "personal", 1), CC("金额", None, "none", 1)]
    ds = Dataset(
        id="k",
        title="t",
        source=FileSource(type="file", path="x"),
        about_people=True,
        columns=[Column(name=c.name) for c in cls],
    )
    dec = decide(
        Department(id="o", name="o", contact=Contact(name="x"), datasets=[ds]),
        ds,
        cls,
        Policy.model_validate({"version": "1"}),
    )
    report, _ = protect(src, dec, home / "open.parquet")
    assert report is not None and report.quasi_identifiers
    assert report.generalisation and any(report.generalisation.values()) or report.suppressed_rows
    out = pq.read_table(home / "open.parquet")
    assert out.schema.field("金额").type == pa.int16()
    assert out.num_rows == report.rows_out == n - report.suppressed_rows
