"""Shared machinery of the reliability suite: a small test department, its data, a base home with
a good published version, and the "nothing lost" invariants checked after every case."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml

from core.identifiers import id_check_char

DEPT = "reliab"
DS = "records"
HEADER = ["编号", "名称", "金额", "日期", "身份证号", "手机"]

#: every raw ID number and mobile the builders wrote: none may appear in an error or a report
SECRETS: set[str] = set()

BASE_MANIFEST: dict[str, Any] = {
    "id": DEPT,
    "name": "可靠性测试厅",
    "contact": {"name": "测试组"},
    "schedule": "none",
    "datasets": [
        {
            "id": DS,
            "title": "测试记录",
            "about_people": False,
            "source": {"type": "file", "path": f"{DEPT}/records.csv"},
            "primary_key": ["编号"],
            "columns": [
                {"name": "编号", "type": "integer", "required": True, "privacy": "none", "severity": "warning"},
                {"name": "名称", "privacy": "none"},
                {"name": "金额", "type": "number", "privacy": "none"},
                {"name": "日期", "type": "date", "privacy": "none"},
                {"name": "身份证号", "standard": "cn_resident_id", "privacy": "sensitive", "entity": "CN_RESIDENT_ID"},
                {"name": "手机", "standard": "cn_mobile", "privacy": "personal", "entity": "PHONE_NUMBER"},
            ],
        }
    ],
}


def id_number(rng: random.Random) -> str:
    first = f"330106{rng.randrange(1950, 2000)}{rng.randrange(1, 13):02d}{rng.randrange(1, 28):02d}{rng.randrange(1000):03d}"
    return first + id_check_char(first)


def rows(n: int, start: int = 1, seed: int = 7) -> list[dict[str, str]]:
    """``n`` good rows (编号 start..start+n-1); their ID numbers and mobiles join SECRETS."""
    rng = random.Random(seed * 1000 + start)
    out = []
    for i in range(start, start + n):
        r = {
            "编号": str(i),
            "名称": f"站点{i}",
            "金额": f"{100 + i}.50",
            "日期": f"2026-03-{i % 28 + 1:02d}",
            "身份证号": id_number(rng),
            "手机": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
        }
        SECRETS.update((r["身份证号"], r["手机"]))
        out.append(r)
    return out


def csv_text(
    data: list[dict[str, str]], header: list[str] | None = None, delimiter: str = ",", newline: str = "\n"
) -> str:
    if header is None:
        header = list(data[0]) if data else HEADER
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(header)
    for r in data:
        w.writerow([r.get(h, "") for h in header])
    return buf.getvalue()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Built:
    """What a case's builder wrote: files (relative to the source root) and row counts."""

    input_rows: int
    valid_ids: list[int] | None = None  # 编号 of the rows that must be published (handled)
    files: list[str] = field(default_factory=list)


@dataclass
class Case:
    name: str
    category: str
    expect: str  # handled | clear_error
    build: Callable[[Path], Built]  # writes under <source root>/reliab/
    tweak: Callable[[dict], None] | None = None  # edits the department manifest dict
    valid: int | None = None
    quarantined: int | None = None
    unparseable: int | None = None
    message: tuple[str, ...] = ()  # each must appear in the error message (file/row/field)
    check: Callable[[dict], None] | None = None  # extra check on the outcome dict
    marks: tuple = ()


@dataclass
class Env:
    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def src(self) -> Path:
        return self.root / "src"

    @property
    def depts(self) -> Path:
        return self.root / "depts"

    def activate(self, monkeypatch) -> None:
        monkeypatch.setenv("PUBDATA_HOME", str(self.home))
        monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(self.depts))
        monkeypatch.setenv("PUBDATA_SOURCE_ROOTS", str(self.src))

    def write_manifest(self, manifest: dict) -> Path:
        self.depts.mkdir(parents=True, exist_ok=True)
        p = self.depts / f"{manifest['id']}.yaml"
        p.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return p


def make_base(root: Path, n: int = 20) -> dict[str, Any]:
    """A home where reliab.records has a good version 1 (``n`` rows), built in-process."""
    env = Env(root)
    (env.src / DEPT).mkdir(parents=True)
    env.home.mkdir(parents=True)
    env.write_manifest(copy.deepcopy(BASE_MANIFEST))
    (env.src / DEPT / "records.csv").write_text(csv_text(rows(n)), encoding="utf-8")
    saved = {k: os.environ.get(k) for k in ("PUBDATA_HOME", "PUBDATA_DEPARTMENTS", "PUBDATA_SOURCE_ROOTS")}
    try:
        os.environ.update(
            PUBDATA_HOME=str(env.home), PUBDATA_DEPARTMENTS=str(env.depts), PUBDATA_SOURCE_ROOTS=str(env.src)
        )
        from orchestration.pipeline import run_dataset

        res = run_dataset(DEPT, DS, "base_good")
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert res["version"] == 1 and res["rows"] == n
    return {"root": root, "rows": n, "sha256": res["sha256"], "path": res["path"]}


def clone_base(base: dict[str, Any], dest: Path) -> Env:
    env = Env(dest)
    shutil.copytree(base["root"] / "home", env.home, symlinks=True)
    env.src.mkdir(parents=True)
    (env.src / DEPT).mkdir()
    return env


def catalog_rows(sql: str, params: list | None = None) -> list[tuple]:
    from catalog.store import connect

    with connect(read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def leaked(text: str, secrets: set[str] | None = None) -> list[str]:
    secrets = SECRETS if secrets is None else secrets
    return sorted(s for s in secrets if s and s in text)


def versions_intact(home: Path) -> list[str]:
    """Problems with published versions: every row names a complete file whose sha256 matches."""
    problems = []
    for dept, ds, version, path, sha, n in catalog_rows(
        "SELECT department_id, dataset_id, version, path, sha256, rows FROM versions ORDER BY 1, 2, 3"
    ):
        f = home / path
        if not f.is_file():
            problems.append(f"{dept}.{ds} v{version}: file missing")
            continue
        if sha256(f) != sha:
            problems.append(f"{dept}.{ds} v{version}: sha256 mismatch")
            continue
        if pq.read_metadata(f).num_rows != n:
            problems.append(f"{dept}.{ds} v{version}: row count mismatch")
    return problems
