"""The cases of issue 13, after a demo run: open person-level releases are judged by the
re-identification risk of the people in them, not by masks on columns.

* ``civil_affairs.subsidy_recipients``: the masked mobile was unique in almost every row;
* ``market_regulation.enterprise_registry``: masked phones of individual businesses (people);
* ``health.clinic_visits``: gender + visit date + district + clinic identified almost everyone;
* an organisation's address "published as is" came out empty (generalised away by k-anonymity).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

K = 5
MASKED = r"^\d{3}\*{4}\d{4}$|^.\*$|\*{4}"  # 138****8000, 张*, any run of mask stars


def _latest(home: Path, department: str, dataset: str) -> tuple[Path, pa.Table]:
    from catalog.queries import version_row

    path = home / version_row(department, dataset, None)["path"]
    return path, pq.read_table(path)


def _smallest_class(path: Path, columns: list[str]) -> int:
    from core.sql import quote_ident, scalar

    cols = ", ".join(quote_ident(c) for c in columns)
    return int(scalar(duckdb, f"SELECT min(n) FROM (SELECT count(*) AS n FROM read_parquet('{path}') GROUP BY {cols})"))


def _no_masked_values(table: pa.Table) -> None:
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            hits = pc.sum(pc.match_substring_regex(col, MASKED)).as_py() or 0
            assert hits == 0, f"{name}: {hits} partially masked value(s) in an open release"


def _report(department: str, dataset: str) -> dict:
    from catalog.risk import release_risk

    report = release_risk(department, dataset)
    assert report is not None, f"{department}.{dataset}: no risk report recorded"
    return report


def test_subsidy_recipients_has_no_masked_identifier_and_is_k_anonymous(in_demo_home: Path) -> None:
    path, table = _latest(in_demo_home, "civil_affairs", "subsidy_recipients")
    for direct in ("recipient_name", "id_number", "bank_card", "mobile"):
        assert direct not in table.column_names
    _no_masked_values(table)
    # the amount is published in bands, never the exact (unique) value
    assert "amount" not in table.column_names or not pa.types.is_floating(table.schema.field("amount").type)
    report = _report("civil_affairs", "subsidy_recipients")
    qis = [q["name"] for q in report["quasi_identifiers"]]
    assert {"month", "division_code", "address"} <= set(qis)
    published_qis = [q for q in qis if q in table.column_names]
    assert _smallest_class(path, published_qis) >= K == report["k_threshold"]
    assert report["k_achieved"] >= K and report["k_achieved"] == _smallest_class(path, published_qis)
    # every combination of what is published besides the sensitive attributes is shared by >= k people
    sas = {s["name"] for s in report["sensitive_attributes"]}
    # the welfare type is sensitive (issue 12): published only as a sensitive attribute of the release
    assert "subsidy_type" in sas or "subsidy_type" not in table.column_names
    assert _smallest_class(path, [c for c in table.column_names if c not in sas]) >= K


def test_enterprise_registry_publishes_no_phone_or_name_of_a_person(in_demo_home: Path) -> None:
    path, table = _latest(in_demo_home, "market_regulation", "enterprise_registry")
    for direct in ("法定代表人", "法定代表人身份证号", "法人联系电话"):
        assert direct not in table.column_names
    _no_masked_values(table)
    individual = table.filter(pc.starts_with(table.column("统一社会信用代码"), "92"))
    assert individual.num_rows > 100  # individual businesses are still listed (a public register)
    report = _report("market_regulation", "enterprise_registry")
    assert report["k_achieved"] is None or report["k_achieved"] >= K


def test_clinic_visits_quasi_identifiers_are_k_anonymous(in_demo_home: Path) -> None:
    path, table = _latest(in_demo_home, "health", "clinic_visits")
    report = _report("health", "clinic_visits")
    qis = [q["name"] for q in report["quasi_identifiers"]]
    assert {"性别", "就诊日期", "所在区划", "就诊机构"} <= set(qis)
    published = [q for q in ("性别", "就诊日期", "所在区划", "就诊机构") if q in table.column_names]
    assert len(published) >= 2
    assert _smallest_class(path, published) >= K
    assert report["k_achieved"] >= K
    # the visit number is a row key: a random surrogate per release, not the hospital's number
    keys = table.column("就诊流水号").to_pylist()
    assert len(set(keys)) == len(keys) and not any(str(k).startswith("MZ") for k in keys)


def test_an_organisation_address_published_as_is_is_not_generalised_away(tmp_path: Path) -> None:
    from privacy.policy import Policy, decide
    from privacy.protection import protect_open
    from privacy.types import ColumnClassification as CC
    from warehouse.manifest import Column, Contact, Dataset, Department, FileSource

    cols = [
        CC("性别", "GENDER", "personal", 1),
        CC("出生日期", "DATE_OF_BIRTH", "personal", 1),
        CC("办理机构地址", "ADDRESS", "none", 1),  # the office's address: not about the person
    ]
    ds = Dataset(
        id="p",
        title="t",
        source=FileSource(type="file", path="x"),
        about_people=True,
        columns=[Column(name=c.name) for c in cols],
    )
    dept = Department(id="d", name="d", contact=Contact(name="x"), datasets=[ds])
    decision = decide(dept, ds, cols, Policy.model_validate({"version": "1"}))
    decision.as_of = "2025-06-30"
    offices = [f"浙江省杭州市西湖区文三路{i}号" for i in range(1, 11)]  # more distinct than any QI
    n = 80
    src = tmp_path / "in.parquet"
    pq.write_table(
        pa.table(
            {
                "性别": ["男" if i % 2 else "女" for i in range(n)],
                "出生日期": pa.array([dt.date(1980 + i % 20, 3, 1) for i in range(n)]),
                "办理机构地址": [offices[i % 10] for i in range(n)],
            }
        ),
        src,
    )
    protect_open(src, decision, tmp_path / "o.parquet")
    out = pq.read_table(tmp_path / "o.parquet")
    said = decision.column("办理机构地址")
    assert said is not None and said.action == "publish"
    assert "办理机构地址" in out.column_names
    assert set(out.column("办理机构地址").to_pylist()) <= set(offices) and out.column("办理机构地址").null_count == 0


@pytest.mark.parametrize("dataset", ["subsidy_recipients"])
def test_partially_masked_identifiers_are_not_in_open_person_releases(in_demo_home: Path, dataset: str) -> None:
    from catalog.queries import columns_of, version_row

    v = version_row("civil_affairs", dataset, None)["version"]
    for c in columns_of("civil_affairs", dataset, v):
        if c["entity"] in ("PERSON_NAME", "PHONE_NUMBER", "CN_RESIDENT_ID", "BANK_CARD"):
            assert c["action"] == "drop" and not c["published"], c["name"]
