"""Sharing: purpose pseudonyms join like raw IDs; encrypted columns open with the right key only."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from testdata import resident_id

from cli.commands.decrypt import decrypt_file
from core import PrivacyError
from core.sql import scalar
from privacy.crypto import decrypt_table, read_encryption_meta
from privacy.keys import KeyStore
from privacy.policy import Policy, decide
from privacy.protection import protect_open, share_variants
from privacy.types import ColumnClassification as CC
from privacy.types import Level
from warehouse.lake import RunPaths
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource, Share


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "keys"))
    return tmp_path


def _setup(
    tmp_path: Path,
    ids: list[str],
    extra: dict[str, tuple[str | None, Level, list[Any]]],
    shares: list[Share],
    dataset_id: str,
    policy: Policy | None = None,
    keywords: list[str] | None = None,
    about_people: bool | None = None,
):
    cols = [CC("身份证号", "CN_RESIDENT_ID", "sensitive", 1)] + [CC(n, e, lv, 1) for n, (e, lv, _) in extra.items()]
    t = pa.table({"身份证号": ids, **{n: v for n, (_, _, v) in extra.items()}})
    src = tmp_path / f"{dataset_id}.parquet"
    pq.write_table(t, src)
    ds = Dataset(
        id=dataset_id,
        title="t",
        source=FileSource(type="file", path="x"),
        keywords=keywords or [],
        columns=[Column(name=c.name) for c in cols],
        sharing=shares,
        about_people=about_people,
    )
    dept = Department(id="owner", name="o", contact=Contact(name="x"), datasets=[ds])
    d = decide(dept, ds, cols, policy or Policy.model_validate({"version": "1"}))
    return src, ds, d


def test_two_departments_join_on_pseudonyms_like_raw_ids(home: Path) -> None:
    rng = random.Random(5)
    people = [resident_id(rng) for _ in range(300)]
    a_ids = people[:200] + people[100:120]  # duplicates join many-to-many
    b_ids = [p.lower() if i % 3 == 0 else p for i, p in enumerate(people[100:300])]  # x vs X normalised
    src_a, ds_a, dec_a = _setup(
        home,
        a_ids,
        {"补贴": (None, "none", list(range(len(a_ids))))},
        [Share(department="civil", purpose="relief"), Share(department="audit", purpose="audit")],
        "subsidy",
    )
    src_b, ds_b, dec_b = _setup(
        home,
        b_ids,
        {"病种": (None, "none", ["x"] * len(b_ids))},
        [Share(department="tax", purpose="relief"), Share(department="audit", purpose="audit")],
        "clinic",
    )
    keys = KeyStore()
    ra = share_variants(src_a, dec_a, ds_a, RunPaths.for_run("owner", "subsidy", "r1"), keys)
    rb = share_variants(src_b, dec_b, ds_b, RunPaths.for_run("owner", "clinic", "r1"), keys)
    con = duckdb.connect()
    raw = scalar(
        con,
        "SELECT count(*) FROM read_parquet(?) a JOIN read_parquet(?) b ON upper(a.身份证号) = upper(b.身份证号)",
        [str(src_a), str(src_b)],
    )
    assert raw == 100 + 20
    pseudo = scalar(
        con,
        "SELECT count(*) FROM read_parquet(?) a JOIN read_parquet(?) b USING (身份证号)",
        [str(ra[0].path), str(rb[0].path)],
    )
    assert pseudo == raw
    # no raw ID in the shared files
    a_share = pq.read_table(ra[0].path)["身份证号"].to_pylist()
    assert not set(a_share) & set(people) and all(len(v) == 32 for v in a_share)
    # a different purpose gives unlinkable pseudonyms
    cross = scalar(
        con,
        "SELECT count(*) FROM read_parquet(?) a JOIN read_parquet(?) b USING (身份证号)",
        [str(ra[0].path), str(rb[1].path)],
    )
    assert cross == 0
    # the public pseudonym differs from every sharing one
    pol = Policy.model_validate(
        {
            "version": "1",
            "rules": [{"id": "P", "basis": "b", "match": {"entity": ["CN_RESIDENT_ID"]}, "action": "pseudonymise"}],
        }
    )
    # (an open release about people carries no persistent pseudonym at all: direct identifiers
    # are dropped there; the public pseudonym serves tables declared not about people)
    src_c, ds_c, dec_c = _setup(home, a_ids, {}, [], "open_one", policy=pol, about_people=False)
    protect_open(src_c, dec_c, home / "open.parquet")
    public = set(pq.read_table(home / "open.parquet")["身份证号"].to_pylist())
    assert public and not public & set(a_share)


def _income_share(home: Path):
    rng = random.Random(9)
    ids = [resident_id(rng) for _ in range(2500)]
    income: list[float | None] = [float(rng.randint(1000, 90000)) / 4 for _ in ids]
    income[7] = None
    src, ds, dec = _setup(
        home,
        ids,
        {"收入": ("PERSONAL_INCOME", "sensitive", income), "姓名": ("PERSON_NAME", "personal", ["张三"] * len(ids))},
        [
            Share(department="tax", purpose="audit", clear=["收入"]),
            Share(department="civil", purpose="relief", columns=["身份证号"]),
        ],
        "wages",
    )
    return src, ds, dec, income


def test_clear_columns_are_encrypted_and_decrypt(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import privacy.variants

    monkeypatch.setattr(privacy.variants, "BATCH_ROWS", 1000)  # several GCM segments
    src, ds, dec, income = _income_share(home)
    keys = KeyStore()
    reps = share_variants(src, dec, ds, RunPaths.for_run("owner", "wages", "r1"), keys)
    tax, civil = reps
    assert tax.encrypted == ["收入"] and civil.encrypted == [] and civil.columns == ["身份证号"]
    shared = pq.read_table(tax.path)
    assert shared["收入"].type == pa.binary() and shared["姓名"].to_pylist()[0] == "张*"
    assert stat.S_IMODE(os.stat(tax.path).st_mode) == 0o600
    meta = read_encryption_meta(tax.path)
    assert meta and len(meta["columns"]["收入"]["segments"]) == 3
    out = home / "dec.parquet"
    rows, cols = decrypt_file(tax.path, out)
    got = pq.read_table(out)
    assert rows == 2500 and cols == ["收入"] and got["收入"].type == pa.float64()
    assert got["收入"].to_pylist() == income
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600

    # a wrong private key fails cleanly
    other = keys.create_department("civil2")
    del other
    with pytest.raises(PrivacyError, match="does not open") as err:
        decrypt_file(tax.path, home / "x.parquet", private_key=keys.private_key_path("civil2"))
    assert "BEGIN" not in str(err.value)

    # a tampered (re-ordered) file fails
    swapped = shared.take(list(range(1, len(shared))) + [0])
    bad = home / "bad.parquet"
    pq.write_table(swapped.replace_schema_metadata(None), bad)
    import pyarrow.parquet as _pq

    with _pq.ParquetWriter(bad, swapped.schema) as w:
        w.write_table(swapped)
        w.add_key_value_metadata(
            {b"pubdata.encryption": _pq.ParquetFile(tax.path).metadata.metadata[b"pubdata.encryption"]}
        )
    with pytest.raises(PrivacyError, match="does not decrypt"):
        decrypt_file(bad, home / "y.parquet", department="tax")


def test_rotation_revocation_and_shredding(home: Path) -> None:
    src, ds, dec, income = _income_share(home)
    keys = KeyStore()
    reps = share_variants(src, dec, ds, RunPaths.for_run("owner", "wages", "r1"), keys)
    path = reps[0].path
    old_private = keys.private_key_path("tax").read_bytes()
    mtime = path.stat().st_mtime_ns
    assert keys.rotate_department("tax") == 1
    assert path.stat().st_mtime_ns == mtime  # nothing re-published
    decrypt_file(path, home / "a.parquet")  # new key opens old data
    (home / "old.pem").write_bytes(old_private)
    with pytest.raises(PrivacyError):
        decrypt_file(path, home / "b.parquet", private_key=home / "old.pem")
    # master rotation re-wraps data keys at rest
    assert keys.rotate_master() == 1
    decrypt_file(path, home / "c.parquet")
    # revocation: no access now, no variant in the future
    assert keys.revoke("tax") == 1
    with pytest.raises(PrivacyError, match="revoked|no key"):
        decrypt_file(path, home / "d.parquet", private_key=home / "old.pem")
    again = share_variants(src, dec, ds, RunPaths.for_run("owner", "wages", "r2"), keys)
    assert again[0].status == "revoked" and again[0].path is None
    # per-dataset revocation also stops future variants for that dataset only
    civil = share_variants(src, dec, ds, RunPaths.for_run("owner", "wages", "r2b"), keys)[1]
    assert civil.status == "written"
    keys.revoke("civil", owner="owner.wages")
    assert share_variants(src, dec, ds, RunPaths.for_run("owner", "wages", "r2c"), keys)[1].status == "revoked"
    keys.restore("civil", owner="owner.wages")
    # crypto-shredding: destroying the data key makes the ciphertext unreadable for everyone
    keys.create_department("tax")
    again = share_variants(src, dec, ds, RunPaths.for_run("owner", "wages", "r3"), keys)
    decrypt_file(again[0].path, home / "e.parquet")
    assert keys.destroy_data_key("owner.wages") == 1
    with pytest.raises(PrivacyError, match="destroyed"):
        decrypt_file(again[0].path, home / "f.parquet")


def test_deterministic_encryption_for_equality(home: Path) -> None:
    pol = Policy.model_validate({"version": "1", "defaults": {"crypto": {"deterministic_entities": ["PHONE_NUMBER"]}}})
    phones = ["13812348000", "13912345678", "13812348000", None]
    src, ds, dec = _setup(
        home,
        [resident_id(random.Random(i)) for i in range(4)],
        {"手机": ("PHONE_NUMBER", "personal", phones)},
        [Share(department="tax", purpose="audit", clear=["手机"])],
        "phones",
        policy=pol,
    )
    rep = share_variants(src, dec, ds, RunPaths.for_run("owner", "phones", "r1"), KeyStore())[0]
    enc = pq.read_table(rep.path)["手机"].to_pylist()
    assert enc[0] == enc[2] != enc[1] and enc[3] is None
    decrypt_file(rep.path, home / "p.parquet")
    assert pq.read_table(home / "p.parquet")["手机"].to_pylist() == phones


def test_national_suite_when_available(home: Path) -> None:
    from privacy.crypto import national_available

    if not national_available():
        pytest.skip("this OpenSSL build has no SM3/SM4")
    pol = Policy.model_validate({"version": "1", "defaults": {"crypto": {"suite": "national"}}})
    src, ds, dec = _setup(
        home,
        [resident_id(random.Random(i)) for i in range(50)],
        {"收入": ("PERSONAL_INCOME", "sensitive", [float(i) for i in range(50)])},
        [Share(department="tax", purpose="audit", clear=["收入"])],
        "sm",
        policy=pol,
    )
    rep = share_variants(src, dec, ds, RunPaths.for_run("owner", "sm", "r1"), KeyStore())[0]
    meta = read_encryption_meta(rep.path)
    assert meta and meta["columns"]["收入"]["mode"] == "sm4-gcm"
    from privacy.deid import pseudonym_py

    ids = pq.read_table(src)["身份证号"].to_pylist()
    assert pq.read_table(rep.path)["身份证号"].to_pylist()[0] == pseudonym_py(
        ids[0], KeyStore().pseudonym_key("audit"), suite="national"
    )
    decrypt_file(rep.path, home / "n.parquet")
    assert pq.read_table(home / "n.parquet")["收入"].to_pylist() == [float(i) for i in range(50)]
    # the table API under decrypt_file: SM4-GCM authenticates, a wrong data key is refused
    with pytest.raises(PrivacyError, match="does not decrypt"):
        decrypt_table(pq.read_table(rep.path), meta, os.urandom(32))


def test_encrypted_share_single_copy_and_fallback(home: Path) -> None:
    """The COPY path (ciphertext injected by file row number) and the streaming fallback (a
    column named ``file_row_number``) both give files that decrypt to the input, in order."""
    rng = random.Random(11)
    n = 5000
    ids = [resident_id(rng) for _ in range(n)]
    income = [float(rng.randint(0, 10**6)) / 8 if i % 97 else None for i in range(n)]
    for extra_name in ("序号", "file_row_number"):
        src, ds, dec = _setup(
            home,
            ids,
            {"收入": ("PERSONAL_INCOME", "sensitive", income), extra_name: (None, "none", list(range(n)))},
            [Share(department="tax", purpose="audit", clear=["收入"])],
            f"w{len(extra_name)}",
        )
        rep = share_variants(src, dec, ds, RunPaths.for_run("owner", f"w{len(extra_name)}", "r1"), KeyStore())[0]
        assert rep.rows == n and rep.encrypted == ["收入"]
        assert stat.S_IMODE(os.stat(rep.path).st_mode) == 0o600
        assert not [p for p in rep.path.parent.iterdir() if p.name.startswith(".")]  # no temp left
        shared = pq.read_table(rep.path)
        assert shared[extra_name].to_pylist() == list(range(n))
        out = home / f"dec{len(extra_name)}.parquet"
        decrypt_file(rep.path, out)
        assert pq.read_table(out)["收入"].to_pylist() == income


def test_protections_share_one_duckdb_instance_its_functions_and_leave_nothing_on_it(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Protection of a small file runs on the process's DuckDB instance for it (one per process,
    not per dataset): the national suite's HMAC-SM3 function lives on the instance (one registered
    on a dataset's own connection crashed the next dataset's call once that connection closed), and
    what a dataset's protection creates (its classes, kept tables, registered views) goes with its
    connection. A larger input (here: every input) gets an instance of its own, with the same result."""
    from privacy import variants
    from privacy.crypto import national_available
    from privacy.deid import pseudonym_py
    from warehouse import storage

    if not national_available():
        pytest.skip("this OpenSSL build has no SM3/SM4")
    pol = Policy.model_validate({"version": "1", "defaults": {"crypto": {"suite": "national"}}})
    for name in ("sm1", "sm2", "sm3", "own"):
        if name == "own":
            monkeypatch.setattr(variants, "SHARED_MAX_BYTES", 0)
        src, ds, dec = _setup(
            home,
            [resident_id(random.Random(f"{name}{i}")) for i in range(40)],
            {
                "收入": ("PERSONAL_INCOME", "sensitive", [float(i) for i in range(40)]),
                "类别": (None, "none", ["甲", "乙"] * 20),
            },
            [Share(department="tax", purpose="audit", clear=["收入"])],
            name,
            policy=pol,
        )
        protect_open(src, dec, home / f"{name}-open.parquet")
        rep = share_variants(src, dec, ds, RunPaths.for_run("owner", name, "r1"), KeyStore())[0]
        ids = pq.read_table(src)["身份证号"].to_pylist()
        assert pq.read_table(rep.path)["身份证号"].to_pylist()[0] == pseudonym_py(
            ids[0], KeyStore().pseudonym_key("audit"), suite="national"
        )
    with storage.duckdb_cursor("privacy") as con:
        assert scalar(con, "SELECT count(*) FROM duckdb_tables()") == 0
        assert scalar(con, "SELECT count(*) FROM duckdb_views() WHERE NOT internal") == 0
        assert scalar(con, "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'pubdata_hmac_sm3'") == 1
