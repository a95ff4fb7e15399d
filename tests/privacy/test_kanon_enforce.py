"""k-anonymity: generalise further or suppress until every class has at least k rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from privacy.policy import DatasetDecision, Policy, decide
from privacy.protection import protect_open
from privacy.types import ColumnClassification as CC
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource

COLS = [
    CC("姓名", "PERSON_NAME", "personal", 1),
    CC("性别", "GENDER", "personal", 1),
    CC("出生日期", "DATE_OF_BIRTH", "personal", 1),
    CC("住址", "ADDRESS", "personal", 1),
    CC("金额", None, "none", 1),
]


def _decision(k: int = 5, max_suppression: float = 0.05, about_people: bool | None = None) -> DatasetDecision:
    ds = Dataset(
        id="p",
        title="t",
        source=FileSource(type="file", path="x"),
        about_people=about_people,
        columns=[Column(name=c.name) for c in COLS],
    )
    dept = Department(id="d", name="d", contact=Contact(name="x"), datasets=[ds])
    pol = Policy.model_validate({"version": "1", "defaults": {"k_threshold": k, "max_suppression": max_suppression}})
    d = decide(dept, ds, COLS, pol)
    d.as_of = "2025-06-30"
    return d


def _write(tmp_path: Path, rows: list[tuple[str, str, dt.date, str]]) -> Path:
    t = pa.table(
        {
            "姓名": [r[0] for r in rows],
            "性别": [r[1] for r in rows],
            "出生日期": pa.array([r[2] for r in rows], pa.date32()),
            "住址": [r[3] for r in rows],
            "金额": list(range(len(rows))),
        }
    )
    p = tmp_path / "in.parquet"
    pq.write_table(t, p)
    return p


def _classes(table: pa.Table, qis: list[str]) -> dict[tuple, int]:
    out: dict[tuple, int] = {}
    for row in table.select(qis).to_pylist():
        key = tuple(row[q] for q in qis)
        out[key] = out.get(key, 0) + 1
    return out


def test_large_classes_pass_untouched(tmp_path: Path) -> None:
    rows = [("张三", "男", dt.date(1990, 1, 1), "浙江省杭州市西湖区某路1号")] * 6 + [
        ("李四", "女", dt.date(1991, 2, 2), "浙江省杭州市西湖区某路2号")
    ] * 5
    d = _decision()
    assert d.about_people and d.quasi_identifiers == ["性别", "出生日期", "住址"]
    rep = protect_open(_write(tmp_path, rows), d, tmp_path / "o.parquet")
    assert (rep.k_achieved, rep.suppressed_rows, rep.rows_out) == (5, 0, 11)
    assert set(rep.generalisation.values()) == {0}


def test_outliers_are_suppressed_within_budget(tmp_path: Path) -> None:
    base = [("张三", "男", dt.date(1990, 1, 1), "浙江省杭州市西湖区某路1号")] * 100
    rare = [("王五", "女", dt.date(1950, 1, 1), "北京市朝阳区某路")]
    d = _decision(max_suppression=0.05)
    rep = protect_open(_write(tmp_path, base + rare), d, tmp_path / "o.parquet")
    out = pq.read_table(tmp_path / "o.parquet")
    assert (rep.suppressed_rows, rep.rows_out, rep.k_achieved) == (1, 100, 100)
    assert min(_classes(out, d.quasi_identifiers).values()) >= 5


def test_generalises_when_suppression_would_be_too_much(tmp_path: Path) -> None:
    # ages 30..39 spread over distinct bands only when generalised to 20-year bands / city
    rows = []
    for i in range(40):
        rows.append(
            (
                "张三",
                "男" if i % 2 else "女",
                dt.date(1975 + (i % 20), 1, 1),
                ["浙江省杭州市西湖区x", "浙江省杭州市滨江区y", "浙江省杭州市上城区z", "浙江省杭州市拱墅区w"][i % 4],
            )
        )
    d = _decision(k=5, max_suppression=0.0)
    rep = protect_open(_write(tmp_path, rows), d, tmp_path / "o.parquet")
    out = pq.read_table(tmp_path / "o.parquet")
    assert rep.suppressed_rows == 0 and rep.rows_out == 40
    assert any(rep.generalisation.values())
    assert rep.k_achieved is not None and rep.k_achieved >= 5
    assert min(_classes(out, d.quasi_identifiers).values()) == rep.k_achieved
    # further-generalised values still pass the leak gate's shape checks
    from privacy.leakgate import leak_gate

    leak_gate(tmp_path / "o.parquet", d, dataset_label="d.p")
    for method in ("birth_year", "date_month"):
        d2 = _decision(k=5, max_suppression=0.0)
        birth = d2.column("出生日期")
        assert birth is not None
        birth.method = method
        protect_open(_write(tmp_path, rows), d2, tmp_path / "o2.parquet")
        leak_gate(tmp_path / "o2.parquet", d2, dataset_label="d.p")


def test_not_about_people_skips_k(tmp_path: Path) -> None:
    rows = [("张三", "男", dt.date(1990, 1, 1), "北京市朝阳区")]
    rep = protect_open(_write(tmp_path, rows), _decision(about_people=False), tmp_path / "o.parquet")
    assert rep.k_achieved is None and rep.suppressed_rows == 0 and rep.rows_out == 1


@pytest.mark.parametrize("minor_birth", [dt.date(2015, 1, 1)])
def test_minor_rows_follow_sensitive_rules(tmp_path: Path, minor_birth: dt.date) -> None:
    cols = [
        CC("姓名", "PERSON_NAME", "personal", 1, minors=True),
        CC("出生日期", "DATE_OF_BIRTH", "personal", 1),
        CC("学校", None, "none", 1),
    ]
    ds = Dataset(
        id="p",
        title="t",
        source=FileSource(type="file", path="x"),
        about_people=False,
        columns=[Column(name=c.name) for c in cols],
    )
    d = decide(
        Department(id="d", name="d", contact=Contact(name="x"), datasets=[ds]),
        ds,
        cols,
        Policy.model_validate({"version": "1"}),
    )
    d.as_of = "2025-06-30"
    src = tmp_path / "in.parquet"
    pq.write_table(
        pa.table(
            {
                "姓名": ["张三", "李四"],
                "出生日期": pa.array([dt.date(1990, 1, 1), minor_birth]),
                "学校": ["一中", "二小"],
            }
        ),
        src,
    )
    protect_open(src, d, tmp_path / "o.parquet")
    out = pq.read_table(tmp_path / "o.parquet").to_pylist()
    assert out[0] == {"姓名": "张*", "出生日期": "30-39", "学校": "一中"}
    assert out[1] == {"姓名": None, "出生日期": None, "学校": "二小"}
