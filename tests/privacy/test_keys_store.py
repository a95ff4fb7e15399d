"""Key store files and permissions, and the `keys` / `decrypt` commands run as subprocesses."""

from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from core import ConfigError
from privacy.keys import KeyStore

REPO = Path(__file__).resolve().parents[2]


def _mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_files_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBDATA_KEYS_DIR", str(tmp_path / "k"))
    ks = KeyStore()
    k1 = ks.public_pseudonym_key()
    assert k1 == KeyStore().public_pseudonym_key()  # stable
    assert ks.pseudonym_key("a") != ks.pseudonym_key("b") != k1
    ks.create_department("tax", alg="rsa")
    ks.data_key("owner.ds")
    assert _mode(ks.root) == 0o700
    files = [p for p in ks.root.rglob("*") if p.is_file()]
    assert files and all(_mode(p) == 0o600 for p in files)
    assert all(_mode(p) == 0o700 for p in ks.root.rglob("*") if p.is_dir())
    with pytest.raises(ConfigError, match="already has"):
        ks.create_department("tax")
    (ks.root / "platform" / "master.key").chmod(0o644)
    with pytest.raises(ConfigError, match="readable by others"):
        ks.data_key("owner.ds")


def test_refuses_keys_inside_repo() -> None:
    with pytest.raises(ConfigError, match="inside the repository"):
        KeyStore(REPO / "policy" / "keys")


_OUTPUTS: list[str] = []


def _cli(module: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(
        [sys.executable, "-m", f"cli.commands.{module}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    _OUTPUTS.append(r.stdout + r.stderr)
    return r


@pytest.mark.cli
def test_keys_and_decrypt_commands(tmp_path: Path) -> None:
    env = {**os.environ, "PUBDATA_HOME": str(tmp_path / "home"), "PUBDATA_KEYS_DIR": str(tmp_path / "keys")}
    r = _cli("keys", "create", "--department", "tax", env=env)
    assert r.returncode == 0, r.stderr
    secrets_ = [p.read_bytes() for p in (tmp_path / "keys").rglob("*.key")]
    pem = (tmp_path / "keys" / "departments" / "tax" / "private.pem").read_text()
    # build a shared variant in-process with the same key store
    environ_backup = dict(os.environ)
    try:
        os.environ.update({"PUBDATA_HOME": env["PUBDATA_HOME"], "PUBDATA_KEYS_DIR": env["PUBDATA_KEYS_DIR"]})
        from testdata import resident_id

        from privacy.policy import Policy, decide
        from privacy.protection import share_variants
        from privacy.types import ColumnClassification as CC
        from warehouse.lake import RunPaths
        from warehouse.manifest import Column, Contact, Dataset, Department, FileSource, Share

        rng = random.Random(1)
        src = tmp_path / "in.parquet"
        pq.write_table(pa.table({"id": [resident_id(rng) for _ in range(10)], "income": list(range(10))}), src)
        cols = [CC("id", "CN_RESIDENT_ID", "sensitive", 1), CC("income", "PERSONAL_INCOME", "sensitive", 1)]
        ds = Dataset(
            id="w",
            title="t",
            source=FileSource(type="file", path="x"),
            columns=[Column(name="id"), Column(name="income")],
            sharing=[Share(department="tax", purpose="audit", clear=["income"])],
        )
        dec = decide(
            Department(id="o", name="o", contact=Contact(name="x"), datasets=[ds]),
            ds,
            cols,
            Policy.model_validate({"version": "1"}),
        )
        rep = share_variants(src, dec, ds, RunPaths.for_run("o", "w", "r"), KeyStore())[0]
    finally:
        os.environ.clear()
        os.environ.update(environ_backup)
    out = tmp_path / "plain.parquet"
    r = _cli("decrypt", str(rep.path), "--output", str(out), env=env)
    assert r.returncode == 0, r.stderr
    assert pq.read_table(out)["income"].to_pylist() == list(range(10))

    r = _cli("keys", "list", env=env)
    assert r.returncode == 0 and "tax" in r.stdout and "o.w" in r.stdout
    r = _cli("keys", "rotate", "--department", "tax", env=env)
    assert r.returncode == 0 and "1 data key(s) re-wrapped" in r.stdout
    r = _cli("keys", "rotate", "--pseudonym", env=env)
    assert r.returncode == 2 and r.stderr.startswith("error: ") and "--yes" in r.stderr
    r = _cli("keys", "revoke", "--department", "tax", env=env)
    assert r.returncode == 0, r.stderr
    r = _cli("decrypt", str(rep.path), "--output", str(tmp_path / "again.parquet"), env=env)
    assert r.returncode == 2 and r.stderr.startswith("error: ")
    r = _cli("keys", "destroy", "--dataset", "o.w", "--yes", env=env)
    assert r.returncode == 0 and "1 data key(s) destroyed" in r.stdout
    r = _cli("keys", "create", "--department", "Bad/../x", env=env)
    assert r.returncode == 2
    # nothing printed ever contains key material
    printed = "\n".join(_OUTPUTS)
    assert pem.split("\n")[1] not in printed and "PRIVATE KEY" not in printed
    for s in secrets_:
        assert s.hex() not in printed and s.hex()[:16] not in printed
