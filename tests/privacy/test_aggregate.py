"""Aggregate releases: small cells suppressed with complementary cells (no cell recoverable from
the totals), or Laplace noise from OpenDP; never a direct identifier as a dimension."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError

from core import PrivacyError
from privacy.aggregate import COUNT_COLUMN, SUPPRESSED_COLUMN, TOTAL
from privacy.policy import Policy, decide
from privacy.protection import protect
from privacy.types import ColumnClassification as CC
from warehouse.manifest import Aggregate, Column, Contact, Dataset, Department, FileSource

CLS = [
    CC("区县", None, "none", 1),
    CC("类别", None, "none", 1),
    CC("性别", "GENDER", "personal", 1),
    CC("金额", None, "none", 1),
    CC("姓名", "PERSON_NAME", "personal", 1),
]


def _run(tmp_path: Path, rows: list[tuple], agg: Aggregate, cls: list[CC] = CLS) -> tuple[pa.Table, dict]:
    names = [c.name for c in cls]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)}), src)
    ds = Dataset(
        id="stats",
        title="t",
        source=FileSource(type="file", path="x"),
        about_people=True,
        columns=[
            Column(name=n, minimum=0 if n == "金额" else None, maximum=1000 if n == "金额" else None) for n in names
        ],
        aggregate=agg,
    )
    dept = Department(id="d", name="d", contact=Contact(name="x"), datasets=[ds])
    decision = decide(dept, ds, cls, Policy.model_validate({"version": "1"}))
    report, _ = protect(src, decision, tmp_path / "out.parquet", dataset=ds)
    assert report is not None and report.risk is not None
    out = pq.read_table(tmp_path / "out.parquet")
    # the decision says what the file holds
    assert [c.name for c in decision.columns if c.action != "drop"] == sorted(
        out.column_names, key=[c.name for c in decision.columns].index
    )
    return out, report.risk


def _rows(seed: int, n: int) -> list[tuple]:
    rng = random.Random(seed)
    areas = ["西湖区", "滨江区", "上城区", "余杭区"]
    kinds = ["低保", "特困", "临时"]
    rows = [
        (rng.choice(areas), rng.choice(kinds), rng.choice("12"), rng.randrange(100, 900), f"张{i}") for i in range(n)
    ]
    rows += [("淳安县", "特困", "1", 500, "李四")] * 2  # a small cell
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_suppressed_cell_can_be_recovered_from_the_totals(tmp_path: Path, seed: int) -> None:
    dims = ["区县", "类别", "性别"]
    out, rep = _run(tmp_path, _rows(seed, 150), Aggregate(dimensions=dims, measures=["金额"], threshold=5))
    cells = out.to_pylist()
    assert rep["method"] == "suppress" and rep["primary_suppressed"] >= 1 and rep["cells"] == len(cells)
    assert "姓名" not in out.column_names
    for c in cells:
        if c[SUPPRESSED_COLUMN]:
            assert c[COUNT_COLUMN] is None and c["金额"] is None
        else:
            assert c[COUNT_COLUMN] >= 5, c
    # along every dimension, each line (cells differing only there, with its total) holds 0 or >= 2
    # suppressed cells: subtracting the published cells from the total never isolates one
    for d in dims:
        others = [x for x in dims if x != d]
        lines: dict[tuple, list[dict]] = {}
        for c in cells:
            lines.setdefault(tuple(c[o] for o in others), []).append(c)
        for key, line in lines.items():
            hidden = sum(1 for c in line if c[SUPPRESSED_COLUMN])
            assert hidden != 1, (d, key)
    # published totals are the sums of the true cells
    grand = next(c for c in cells if all(c[d] == TOTAL for d in dims))
    assert grand[COUNT_COLUMN] == 152


def test_noise_from_opendp_covers_the_whole_grid(tmp_path: Path) -> None:
    rows = _rows(7, 300)
    out, rep = _run(
        tmp_path, rows, Aggregate(dimensions=["区县", "类别"], measures=["金额"], method="noise", epsilon=1.0)
    )
    cells = out.to_pylist()
    assert rep["method"] == "noise" and rep["epsilon"] == 1.0
    assert rep["count_scale"] == pytest.approx(2.0) and rep["measure_scales"] == {"金额": pytest.approx(2000.0)}
    finest = [c for c in cells if TOTAL not in (c["区县"], c["类别"])]
    areas = {r[0] for r in rows}
    kinds = {r[1] for r in rows}
    assert {(c["区县"], c["类别"]) for c in finest} == set(itertools.product(areas, kinds))  # empty cells too
    assert all(isinstance(c[COUNT_COLUMN], int) and c[COUNT_COLUMN] >= 0 for c in cells)
    # totals are the noisy cells added up (post-processing)
    for area in areas:
        total = next(c for c in cells if c["区县"] == area and c["类别"] == TOTAL)
        assert total[COUNT_COLUMN] == sum(c[COUNT_COLUMN] for c in finest if c["区县"] == area)
    truth = {(a, k): sum(1 for r in rows if (r[0], r[1]) == (a, k)) for a, k in itertools.product(areas, kinds)}
    noisy = {(c["区县"], c["类别"]): c[COUNT_COLUMN] for c in finest}
    assert noisy != truth  # noise was added (15 cells all exact: probability < 1e-4)


def test_a_direct_identifier_is_never_a_dimension(tmp_path: Path) -> None:
    with pytest.raises(PrivacyError, match="identify people directly"):
        _run(tmp_path, _rows(1, 20), Aggregate(dimensions=["姓名"], threshold=5))


def test_manifest_checks_of_an_aggregate() -> None:
    with pytest.raises(ValidationError, match="needs epsilon"):
        Aggregate(dimensions=["a"], method="noise")
    with pytest.raises(ValidationError, match="needs bounds"):
        Dataset(
            id="x",
            title="t",
            source=FileSource(type="file", path="x"),
            columns=[Column(name="a"), Column(name="m", type="number")],
            aggregate=Aggregate(dimensions=["a"], measures=["m"], method="noise", epsilon=1),
        )
    with pytest.raises(ValidationError, match="undeclared"):
        Dataset(
            id="x",
            title="t",
            source=FileSource(type="file", path="x"),
            columns=[Column(name="a")],
            aggregate=Aggregate(dimensions=["b"]),
        )


MANIFEST = """
id: stats
name: 省统计示例
contact: {name: 统计处}
datasets:
  - id: visit_statistics
    title: 门诊就诊统计（按区县、诊断、性别）
    about_people: true
    source: {type: file, path: health/clinic_visits.csv}
    columns:
      - {name: 所在区划, standard: division_code}
      - {name: 诊断名称, privacy: sensitive, entity: MEDICAL_CONDITION}
      - {name: 性别, standard: gender_code}
      - {name: 费用, type: number, standard: amount}
    aggregate: {dimensions: [所在区划, 诊断名称, 性别], measures: [费用], threshold: 10, method: suppress}
  - id: subsidy_statistics
    title: 社会救助发放统计（按区县、救助类别）
    about_people: true
    source:
      type: sql
      url: "sqlite:///${PUBDATA_HOME}/sources/civil_affairs/civil.db"
      query: SELECT division_code, subsidy_type, amount FROM subsidy
    columns:
      - {name: division_code, standard: division_code}
      - {name: subsidy_type, enum: [低保, 特困供养, 临时救助, 高龄津贴]}
      - {name: amount, type: number, standard: amount, minimum: 0, maximum: 2000}
    aggregate: {dimensions: [division_code, subsidy_type], measures: [amount], method: noise, epsilon: 1.0}
"""


def test_statistical_tables_through_the_pipeline(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Declared in a manifest, published through every stage (classification, decision, leak gate,
    catalog): the disclosure record describes the table, the report is stored with the version."""
    from catalog.queries import columns_of, version_row
    from catalog.risk import release_risk
    from orchestration.pipeline import run_dataset

    folder = tmp_path / "departments"
    folder.mkdir()
    (folder / "stats.yaml").write_text(MANIFEST, encoding="utf-8")
    monkeypatch.setenv("PUBDATA_DEPARTMENTS", str(folder))
    for ds, method in (("visit_statistics", "suppress"), ("subsidy_statistics", "noise")):
        run_dataset("stats", ds, "r1")
        v = version_row("stats", ds, None)
        out = pq.read_table(fresh_home / v["path"])
        report = release_risk("stats", ds)
        assert report is not None and report["kind"] == "aggregate" and report["method"] == method
        assert report["cells"] == out.num_rows and report["rows_in"] in (1997, 2000, 1200)
        record = {c["name"]: c for c in columns_of("stats", ds, v["version"])}
        for name in out.column_names:
            assert record[name]["published"] and record[name]["action"] != "drop", name
        for name, c in record.items():
            if c["action"] == "drop":
                assert name not in out.column_names
        rows = out.to_pylist()
        grand = next(r for r in rows if all(r[d] == TOTAL for d in report["dimensions"]))
        if method == "suppress":
            assert report["primary_suppressed"] > 0 and report["complementary_suppressed"] > 0
            assert grand[COUNT_COLUMN] == report["rows_in"]
            assert all(r[COUNT_COLUMN] is None or r[COUNT_COLUMN] >= 10 for r in rows)
        else:
            assert report["epsilon"] == 1.0 and not any(r[SUPPRESSED_COLUMN] for r in rows)
