"""The ``classify`` command contract: JSON shape, exit codes, GBK/GB18030 CSV, Parquet, JSONL,
XLSX, readable table; never a raw value on stdout or stderr. Run through a subprocess
(``python -m cli.commands.classify``)."""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import testdata as td

from privacy.types import ENTITIES as ENTITY_VOCABULARY

REPO = Path(__file__).resolve().parents[2]
ENTITIES = {*ENTITY_VOCABULARY, None}


def _rows(n: int = 120) -> tuple[list[str], list[list[str]]]:
    rng = random.Random(42)
    header = ["姓名", "身份证号", "联系电话", "诊断", "流水号", "备用字段1"]
    names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"]
    rows = [
        [
            rng.choice(names),
            td.resident_id(rng),
            td.mobile(rng),
            rng.choice(("高血压", "糖尿病", "肺炎")),
            str(202400000000000000 + i),
            td.bank_card(rng),
        ]
        for i in range(n)
    ]
    return header, rows


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.commands.classify", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def gbk_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    header, rows = _rows()
    path = tmp_path_factory.mktemp("cli") / "人员名单.csv"
    with open(path, "w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def cli_runs(gbk_csv: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """``--json`` and the readable table, run side by side (each process loads Presidio)."""
    procs = {
        key: subprocess.Popen(
            [sys.executable, "-m", "cli.commands.classify", str(gbk_csv), *extra],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for key, extra in (("json", ["--json"]), ("table", []))
    }
    out = {}
    for key, p in procs.items():
        stdout, stderr = p.communicate(timeout=180)
        out[key] = subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr)
    return out


def _check_contract(out: dict) -> dict[str, dict]:
    assert isinstance(out["columns"], list) and out["rows"] == 120
    for c in out["columns"]:
        assert isinstance(c["name"], str)
        assert c["entity"] in ENTITIES
        assert c["level"] in ("sensitive", "personal", "none")
        assert 0.0 <= c["confidence"] <= 1.0
        assert c["review"] in (True, False)
    return {c["name"]: c for c in out["columns"]}


@pytest.mark.cli
def test_gbk_csv_json_contract(cli_runs: dict) -> None:
    proc = cli_runs["json"]
    assert proc.returncode == 0, proc.stderr
    by = _check_contract(json.loads(proc.stdout))
    assert [by[k]["entity"] for k in ("姓名", "身份证号", "联系电话", "诊断", "流水号", "备用字段1")] == [
        "PERSON_NAME",
        "CN_RESIDENT_ID",
        "PHONE_NUMBER",
        "MEDICAL_CONDITION",
        None,
        "BANK_CARD",
    ]
    assert [by[k]["level"] for k in ("姓名", "身份证号", "诊断", "流水号")] == [
        "personal",
        "sensitive",
        "sensitive",
        "none",
    ]
    _, rows = _rows()
    for value in (rows[0][1], rows[0][2], rows[0][5]):
        assert value not in proc.stdout and value[:12] not in proc.stdout


def _run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from cli.commands import classify

    code = classify.main(list(args))
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "xlsx", "gb18030"])
def test_other_formats(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Same contract in process (the subprocess path is covered above; Presidio loads once)."""
    header, rows = _rows()
    cols = {h: [r[i] for r in rows] for i, h in enumerate(header)}
    if fmt == "parquet":
        path = tmp_path / "t.parquet"
        pq.write_table(pa.table(cols), path)
    elif fmt == "jsonl":
        path = tmp_path / "t.jsonl"
        path.write_text("\n".join(json.dumps(dict(zip(header, r)), ensure_ascii=False) for r in rows), encoding="utf-8")
    elif fmt == "xlsx":
        import openpyxl

        path = tmp_path / "t.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            ws.append(r)
        wb.save(path)
    else:
        path = tmp_path / "t.csv"
        with open(path, "w", encoding="gb18030", newline="") as fh:
            csv.writer(fh).writerows([header, *rows])
    code, out = _run_in_process(capsys, str(path), "--json")
    assert code == 0
    by = _check_contract(json.loads(out))
    assert by["身份证号"]["entity"] == "CN_RESIDENT_ID"


@pytest.mark.cli
def test_readable_table(cli_runs: dict) -> None:
    proc = cli_runs["table"]
    assert proc.returncode == 0, proc.stderr
    assert "身份证号" in proc.stdout and "CN_RESIDENT_ID" in proc.stdout and "sensitive" in proc.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(proc.stdout)


@pytest.mark.cli
def test_missing_file_exit_2(tmp_path: Path) -> None:
    proc = _run(str(tmp_path / "nope.csv"), "--json")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "nope.csv" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.cli
def test_unreadable_file_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    proc = _run(str(bad), "--json")
    assert proc.returncode == 2 and "broken.parquet" in proc.stderr and "Traceback" not in proc.stderr
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    proc = _run(str(empty))
    assert proc.returncode == 2 and "empty.csv" in proc.stderr


def test_register_hook_builds_the_subcommand(gbk_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.commands import classify

    parser = argparse.ArgumentParser(prog="pubdata")
    classify.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["classify", str(gbk_csv), "--json", "--sample-size", "50"])
    assert args.func is classify.run
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sampled"] == 50


def test_a_structured_file_needs_neither_presidio_nor_jieba_nor_pandas(gbk_csv: Path) -> None:
    """Start-up matters for a command run on one file: the column classifier loads no NLP engine,
    segmenter or dataframe library unless a column of free text needs them."""
    code = (
        "import sys, io, contextlib\n"
        "from cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['classify', {str(gbk_csv)!r}, '--json']) == 0\n"
        "print(sorted(m for m in ('presidio_analyzer', 'jieba', 'spacy', 'pandas', 'pypinyin') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_held_columns_are_marked_in_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(21)
    path = tmp_path / "people.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["身份证号", "ref_x"])
        for _ in range(200):
            w.writerow([td.resident_id(rng), "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))])
    code, out = _run_in_process(capsys, str(path), "--json")
    by = {c["name"]: c for c in json.loads(out)["columns"]}
    assert code == 0 and by["ref_x"]["review"] is True and by["身份证号"]["review"] is False
    assert "held" in by["ref_x"]["review_reason"] or "not recognised" in by["ref_x"]["review_reason"]
    code, out = _run_in_process(capsys, str(path))
    assert code == 0 and "held" in out
