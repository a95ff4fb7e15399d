"""validate_dataset end to end: real DuckDB checks, real Great Expectations validation, real Parquet outputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from core import QualityGateError
from core.identifiers import id_check_char
from warehouse.manifest import Dataset


def _id(body17: str) -> str:
    return body17 + id_check_char(body17)


GOOD_IDS = [_id(f"110105198001{i:02d}{i:03d}") for i in range(1, 9)]
BAD_CHECK_ID = GOOD_IDS[1][:17] + ("0" if GOOD_IDS[1][17] != "0" else "1")
BAD_DATE_ID = _id("11010519800230123")
BAD_REGION_ID = _id("99999919800101123")

PEOPLE: dict[str, Any] = {
    "id": "people",
    "title": "Residents",
    "source": {"type": "file", "path": "people.csv"},
    "primary_key": ["person_id"],
    "update_frequency": "irregular",
    "row_count": {"min": 1, "max": 1000},
    "columns": [
        {"name": "person_id", "type": "integer"},
        {"name": "id_number", "standard": "cn_resident_id", "privacy": "sensitive"},
        {"name": "name", "max_length": 10, "privacy": "personal"},
        {"name": "gender", "standard": "gender_code"},
        {"name": "region", "standard": "division_code", "required": True},
        {"name": "phone", "standard": "cn_mobile", "privacy": "personal"},
        {"name": "status", "enum": ["active", "moved"]},
        {"name": "benefit", "type": "number", "standard": "amount"},
        {"name": "registered", "type": "date", "standard": "date"},
    ],
}


def people_rows() -> dict[str, list]:
    n = 8
    cols = {
        "person_id": [str(i) for i in range(1, n + 1)],
        "id_number": list(GOOD_IDS),
        "name": ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"],
        "gender": ["1", "2", "1", "2", "1", "2", "1", "2"],
        "region": ["110105"] * n,
        "phone": ["13812345678"] * n,
        "status": ["active"] * n,
        "benefit": ["100.5"] * n,
        "registered": ["2020-01-01"] * n,
    }
    return cols


@pytest.fixture
def people():
    return Dataset.model_validate(PEOPLE)


def _planted():
    """8 good rows + planted bad rows; returns (columns, {source_row: expected rule ids})."""
    cols = people_rows()
    expected: dict[int, set[str]] = {}

    def add(row: dict[str, str | None], rules: set[str]) -> None:
        base = {k: v[0] for k, v in people_rows().items()}
        base["person_id"] = str(100 + len(expected))
        base.update(row)
        for k in cols:
            cols[k].append(base[k])
        expected[len(cols["person_id"]) - 1] = rules

    add({"id_number": BAD_CHECK_ID}, {"id_number:cn_resident_id"})
    add({"id_number": BAD_DATE_ID}, {"id_number:cn_resident_id"})
    add({"id_number": BAD_REGION_ID, "region": "999999"}, {"id_number:cn_resident_id", "region:division_code"})
    add({"gender": "3", "phone": "12345"}, {"gender:gender_code", "phone:cn_mobile"})
    add({"region": ""}, {"region:required"})  # "" is null
    add({"status": "gone"}, {"status:enum"})
    add({"benefit": "-3"}, {"benefit:amount"})
    add({"benefit": "lots"}, {"benefit:type:number", "benefit:amount"})
    add({"registered": "2023-02-29"}, {"registered:type:date", "registered:date"})
    add({"name": "一二三四五六七八九十十一"}, {"name:max_length"})
    add({"person_id": "x7"}, {"person_id:type:integer"})
    add({"person_id": "3"}, {"dataset:primary_key"})  # duplicate of row 2 (first occurrence kept)
    add({"person_id": None}, {"person_id:required"})  # key columns are implicitly required
    return cols, expected


def test_planted_bad_rows_are_quarantined_with_reasons(gx_warm, write_raw, run_paths, people):
    from quality import validate_dataset

    paths = run_paths()
    cols, expected = _planted()
    write_raw(paths, cols)
    report = validate_dataset(paths.raw, people, paths, build_docs=False)

    n = len(cols["person_id"])
    assert report.input_rows == n
    assert report.valid_rows + report.quarantined_rows == report.input_rows  # the invariant
    assert report.quarantined_rows == len(expected)
    assert report.success and not report.critical_failures

    q = pq.read_table(paths.quarantine).to_pylist()
    got = {r["_source_row"]: set(r["_rejected_rules"]) for r in q}
    assert got == expected
    # quarantined rows keep their source values, as strings
    row = next(r for r in q if r["_source_row"] == 15)
    assert row["benefit"] == "lots" and row["person_id"] == "107"
    assert pq.read_schema(paths.quarantine).field("person_id").type == pa.string()

    valid = pq.read_table(paths.valid)
    assert valid.num_rows == report.valid_rows == n - len(expected)
    assert valid.column_names == [c["name"] for c in PEOPLE["columns"]]
    assert valid.schema.field("person_id").type == pa.int64()
    assert valid.schema.field("benefit").type == pa.float64()
    assert valid.schema.field("registered").type == pa.date32()
    # valid + quarantine partition the source rows exactly
    valid_ids = set(valid.column("person_id").to_pylist())
    assert len(valid_ids) == valid.num_rows
    assert 3 in valid_ids  # the first occurrence of the duplicated key is published

    by_rule = {r["rule"]: r for r in report.rule_results}
    assert by_rule["id_number:cn_resident_id"]["unexpected_count"] == 3
    assert by_rule["id_number:cn_resident_id"]["severity"] == "warning"
    assert by_rule["dataset:row_count"]["success"]
    assert 0 < report.score < 100
    summary = report.to_summary()
    json.dumps(summary)
    assert "id_number:cn_resident_id" in summary["failed_rules"]
    report.raise_for_gate()  # no critical failure -> no exception


def test_critical_failure_blocks_publish_and_says_why(gx_warm, write_raw, run_paths):
    from quality import validate_dataset

    manifest = json.loads(json.dumps(PEOPLE))
    manifest["columns"][1]["severity"] = "critical"
    ds = Dataset.model_validate(manifest)
    paths = run_paths()
    cols, _ = _planted()
    paths.valid.parent.mkdir(parents=True, exist_ok=True)
    paths.valid.write_bytes(b"stale")
    write_raw(paths, cols)
    report = validate_dataset(paths.raw, ds, paths, build_docs=False)

    assert not report.success
    assert report.valid_path is None and not paths.valid.exists()  # nothing publishable is left
    assert paths.quarantine.exists()  # still written, for information
    assert report.valid_rows + report.quarantined_rows == report.input_rows
    assert report.score <= 50
    assert any(m.startswith("id_number:cn_resident_id: 3 of") for m in report.critical_failures)
    for msg in report.critical_failures:
        assert BAD_CHECK_ID not in msg and BAD_DATE_ID not in msg
    with pytest.raises(QualityGateError) as err:
        report.raise_for_gate()
    assert "civil_affairs.people" in str(err.value) and "id_number:cn_resident_id" in str(err.value)


def test_row_count_out_of_bounds_is_critical(gx_warm, write_raw, run_paths):
    from quality import validate_dataset

    manifest = json.loads(json.dumps(PEOPLE))
    manifest["row_count"] = {"min": 100}
    ds = Dataset.model_validate(manifest)
    paths = run_paths()
    write_raw(paths, people_rows())
    report = validate_dataset(paths.raw, ds, paths, build_docs=False)
    assert not report.success
    assert report.quarantined_rows == 0 and report.valid_rows == 8
    assert report.critical_failures == ["dataset:row_count: 8 rows, expected between 100 and any"]


def test_schema_drift_is_reported(gx_warm, write_raw, run_paths, people):
    from quality import validate_dataset

    paths = run_paths()
    cols = people_rows()
    del cols["status"]  # declared, missing from the source
    cols["nickname"] = ["x"] * 7 + [""]  # in the source, undeclared
    cols["visits"] = pa.array(list(range(8)), pa.int64())  # undeclared and typed
    cols["benefit"] = pa.array([True] * 8)  # typed source: boolean where a number is declared
    write_raw(paths, cols)
    previous = {
        "person_id": "string",
        "id_number": "string",
        "old_code": "string",
        "name": "string",
        "gender": "string",
        "region": "string",
        "phone": "string",
        "benefit": "number",
    }
    report = validate_dataset(paths.raw, people, paths, previous_columns=previous, build_docs=False)

    d = report.drift
    assert d["against_manifest"]["added"] == ["nickname", "visits"]
    assert d["against_manifest"]["removed"] == ["status"]
    assert d["against_manifest"]["retyped"] == [{"column": "benefit", "declared": "number", "source": "boolean"}]
    assert d["added"] == ["status", "registered"]
    assert d["removed"] == ["old_code"]
    assert d["retyped"] == [{"column": "person_id", "from": "string", "to": "integer"}]
    assert "- old_code (string)" in d["diff"] and "~ person_id: string -> integer" in d["diff"]
    assert "+ nickname (in the source, not declared: kept as text, classified by content)" in d["diff"]
    # a missing optional column is a warning; undeclared columns go on as text (the classifier
    # decides them like any other column)
    assert report.success
    valid = pq.read_schema(paths.valid)
    assert valid.field("nickname").type == pa.string() and valid.field("visits").type == pa.string()
    rows = pq.read_table(paths.valid).to_pylist() + pq.read_table(paths.quarantine).to_pylist()
    assert sorted((r["visits"], r["nickname"]) for r in rows) == [(str(i), "x" if i < 7 else None) for i in range(8)]
    assert report.to_summary()["drift"]["removed"] == ["old_code"]


def test_typed_source_custom_expectation_and_freshness(gx_warm, write_raw, run_paths):
    from quality import validate_dataset

    ds = Dataset.model_validate(
        {
            "id": "stations",
            "title": "Stations",
            "source": {"type": "sql", "url": "sqlite://", "query": "select 1"},
            "primary_key": ["code", "day"],
            "update_frequency": "daily",
            "columns": [
                {"name": "code", "type": "string", "standard": "uscc"},
                {"name": "day", "type": "date"},
                {"name": "lat", "type": "number", "standard": "latitude"},
                {"name": "lon", "type": "number", "standard": "longitude"},
                {"name": "visits", "type": "integer", "minimum": 0},
                {"name": "updated_at", "type": "datetime"},
            ],
            "expectations": [
                {
                    "type": "expect_column_values_to_be_between",
                    "kwargs": {"column": "visits", "max_value": 1000},
                    "severity": "warning",
                }
            ],
        }
    )
    paths = run_paths("stations")
    old = dt.datetime(2020, 1, 1, 8, 0)
    write_raw(
        paths,
        {
            "code": ["91350100M000100Y43", "91350100M000100Y43", "91350100M000100Y43", "91350100M000100Y44"],
            "day": pa.array([dt.date(2024, 1, 1), dt.date(2024, 1, 2), dt.date(2024, 1, 1), dt.date(2024, 1, 3)]),
            "lat": pa.array([39.9, 95.0, 39.9, 30.1]),
            "lon": pa.array([116.4, 116.4, 116.4, 120.2]),
            "visits": pa.array([10, 20, 5000, 7], pa.int32()),
            "updated_at": pa.array([old] * 4, pa.timestamp("us")),
        },
    )
    report = validate_dataset(paths.raw, ds, paths, build_docs=False)
    q = {r["_source_row"]: set(r["_rejected_rules"]) for r in pq.read_table(paths.quarantine).to_pylist()}
    assert q == {
        1: {"lat:latitude"},
        2: {"dataset:primary_key", "custom:0:expect_column_values_to_be_between"},
        3: {"code:uscc"},
    }
    assert report.success and report.valid_rows == 1
    assert report.freshness["checked"] and not report.freshness["ok"]
    assert any(w.startswith("dataset:freshness") for w in report.warnings)
    valid = pq.read_table(paths.valid)
    assert valid.schema.field("visits").type == pa.int64()
    assert valid.column("updated_at").to_pylist() == [old]

    # a recent publish makes it fresh again
    report2 = validate_dataset(
        paths.raw, ds, paths, build_docs=False, last_published_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    )
    assert report2.freshness["ok"] and report2.freshness["basis"] == "last_published_at"


def test_score_formula():
    from quality.score import quality_score

    assert quality_score([]) == 100.0
    rows = [
        {
            "rule": "a",
            "severity": "warning",
            "level": "row",
            "evaluated": 100,
            "unexpected_count": 10,
            "success": False,
        },
        {"rule": "b", "severity": "critical", "level": "row", "evaluated": 100, "unexpected_count": 0, "success": True},
    ]
    assert quality_score(rows) == round(100 * (0.9 + 3) / 4, 2)
    rows.append({"rule": "c", "severity": "critical", "level": "dataset", "success": False})
    assert quality_score(rows) == 50.0


def test_no_personal_values_in_stored_results_or_data_docs(gx_warm, write_raw, run_paths, people):
    """Raw ID numbers (and phones / names of redacted columns) from failing rows never reach the
    stored validation result JSON nor any HTML page of the Data Docs."""
    from quality import validate_dataset

    paths = run_paths()
    cols, _ = _planted()
    write_raw(paths, cols)
    report = validate_dataset(paths.raw, people, paths, redact_columns={"name"})
    assert report.docs_path and Path(report.docs_path).is_file()
    assert report.results_path and Path(report.results_path).is_file()

    secrets = [BAD_CHECK_ID, BAD_DATE_ID, BAD_REGION_ID, "12345", "一二三四五六七八九十十一"]
    # sanity: the same run does put non-personal failing values into the evidence
    stored = Path(report.results_path).read_text(encoding="utf-8")
    assert '"gone"' in stored and '"999999"' in stored
    # ... and the masked IDs are there
    assert (BAD_CHECK_ID[:4] + "*" * 14) in stored
    files = [Path(report.results_path)] + sorted(Path(paths.data_docs).rglob("*.html"))
    assert len(files) >= 3
    for f in files:
        text = f.read_text(encoding="utf-8")
        for secret in secrets:
            assert secret not in text, f"{secret!r} leaked into {f}"
    # the validation page did render the failing, non-personal evidence
    page = Path(report.docs_path).read_text(encoding="utf-8")
    assert "gone" in page and "1101**************" in page


def test_a_batch_of_validations_gets_each_page_and_one_index_linking_them_all(gx_warm, write_raw, run_paths, people):
    """Inside ``docs_batch`` (a batch of small datasets) each validation still gets its own page,
    rendered with the redacted evidence, and the site's index, built once at the end, links every
    page of the batch; the site stays offline and free of personal values."""
    from quality import docs_batch, validate_dataset
    from quality.docs import remote_asset_refs

    cols, _ = _planted()
    reports = []
    with docs_batch():
        for run in ("manual__2024-05-01", "manual__2024-05-02"):
            paths = run_paths(run=run)
            write_raw(paths, cols)
            reports.append(validate_dataset(paths.raw, people, paths, redact_columns={"name"}))
    site = Path(paths.data_docs)
    index = (site / "index.html").read_text(encoding="utf-8")
    for report in reports:
        page = Path(report.docs_path or "")
        assert page.is_file() and page.is_relative_to(site / "validations")
        assert page.relative_to(site).as_posix() in index  # linked from the index
        text = page.read_text(encoding="utf-8")
        assert "gone" in text and "1101**************" in text and BAD_CHECK_ID not in text
    assert BAD_CHECK_ID not in index
    assert remote_asset_refs(site) == {}


def test_custom_expectation_evidence_of_a_personal_column_is_redacted_in_the_page_of_a_lone_validation(
    gx_warm, write_raw, run_paths
):
    """A custom expectation over a personal column fails on raw values (GX reads the typed column):
    its page (a validation outside any batch builds it at once) shows them masked, like the stored
    result, and no row index list. (GX ran the Data Docs action of a Checkpoint before any other,
    so the page was rendered from the unredacted result.)"""
    from quality import validate_dataset

    ds = Dataset.model_validate(
        {
            "id": "contacts",
            "title": "Contacts",
            "source": {"type": "file", "path": "c.csv"},
            "primary_key": ["code"],
            "columns": [{"name": "code"}, {"name": "phone", "privacy": "personal"}],
            "expectations": [
                {
                    "type": "expect_column_value_lengths_to_be_between",
                    "kwargs": {"column": "phone", "min_value": 11, "max_value": 11},
                    "severity": "warning",
                }
            ],
        }
    )
    paths = run_paths("contacts")
    secret = "8613912345678"
    write_raw(paths, {"code": ["a", "b", "c"], "phone": ["13812345678", secret, "13912345679"]})
    report = validate_dataset(paths.raw, ds, paths, redact_columns={"phone"})
    assert report.quarantined_rows == 1 and report.docs_path
    page = Path(report.docs_path).read_text(encoding="utf-8")
    stored = Path(report.results_path or "").read_text(encoding="utf-8")
    assert "861" + "*" * 10 in page and "861" + "*" * 10 in stored  # the evidence, masked
    for f in [Path(report.results_path or ""), *Path(paths.data_docs).rglob("*.html")]:
        assert secret not in f.read_text(encoding="utf-8"), f
    assert "df.filter(items=" not in page  # no row index list


def _page_text(path: Path, run: str) -> str:
    """A Data Docs page without what differs between two runs (run name and time, ids)."""
    import re

    text = path.read_text(encoding="utf-8").replace(run, "<run>")
    text = re.sub(r"\d{8}T\d{6}\.\d{6}Z|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00)?", "<time>", text)
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}", "<id>", text)
    return text


def test_a_batch_of_datasets_renders_every_page_as_a_lone_validation_would_and_an_index_of_all(
    gx_warm, write_raw, run_paths, people
):
    """Inside ``docs_batch`` the pages of all the batch's datasets are rendered when the block
    ends: afterwards each dataset has its validation page (at the report's ``docs_path``, the same
    page a validation outside a batch renders) and its suite page, the index links them all, and
    the site is offline."""
    from quality import docs_batch, validate_dataset
    from quality.docs import remote_asset_refs

    cols, _ = _planted()
    alone = run_paths(run="manual__alone")
    write_raw(alone, cols)
    lone = validate_dataset(alone.raw, people, alone, redact_columns={"name"})
    others = [Dataset.model_validate({**PEOPLE, "id": f"people{i}", "title": f"Residents {i}"}) for i in range(2)]
    batch = [(people, run_paths(run="manual__batch"))] + [(ds, run_paths(ds.id, run="manual__batch")) for ds in others]
    with docs_batch():
        reports = []
        for ds, paths in batch:
            write_raw(paths, cols)
            reports.append(validate_dataset(paths.raw, ds, paths, redact_columns={"name"}))
    site = Path(alone.data_docs)
    index = (site / "index.html").read_text(encoding="utf-8")
    for (ds, _paths), report in zip(batch, reports, strict=True):
        page = Path(report.docs_path or "")
        assert page.is_file() and page.relative_to(site).as_posix() in index
        assert (site / "expectations" / "civil_affairs" / f"{ds.id}.html").is_file()
        assert f"expectations/civil_affairs/{ds.id}.html" in index
    assert _page_text(Path(reports[0].docs_path or ""), "manual__batch") == _page_text(
        Path(lone.docs_path or ""), "manual__alone"
    )
    assert remote_asset_refs(site) == {}


def _stored_text(report, run: str) -> str:
    """A report's stored validation result (JSON) without what differs between two runs."""
    return _page_text(Path(report.results_path or ""), run)


def test_a_batch_validates_each_dataset_exactly_as_a_lone_validation_with_its_rules_annotations(
    gx_warm, write_raw, run_paths, people
):
    """Several small datasets with different failing rows (one with a custom expectation over a
    personal column), validated one at a time and then in one ``docs_batch``: each dataset's rule
    results (GX's unexpected counts and percentages), stored result, validation page and suite page
    are the same both ways (run names, times and ids masked), and every stored result carries its
    rule's annotations (the expectation's meta: rule id, level, severity, native expectations) as
    the manifest's rules give them, although GX validates the suite without them."""
    from quality import docs_batch, validate_dataset
    from quality.suite import compile_rules, default_redactions

    cols, _ = _planted()
    fewer = {k: v[:11] for k, v in cols.items()}  # 8 good rows + 3 bad ones
    contacts = Dataset.model_validate(
        {
            "id": "contacts",
            "title": "Contacts",
            "source": {"type": "file", "path": "c.csv"},
            "primary_key": ["code"],
            "columns": [{"name": "code"}, {"name": "phone", "privacy": "personal"}],
            "expectations": [
                {
                    "type": "expect_column_value_lengths_to_be_between",
                    "kwargs": {"column": "phone", "min_value": 11, "max_value": 11},
                    "severity": "warning",
                }
            ],
        }
    )
    jobs = [
        (people, cols, {"name"}),
        (Dataset.model_validate({**PEOPLE, "id": "people2", "title": "Residents 2"}), fewer, set()),
        (
            contacts,
            {"code": ["a", "b", "c", "c"], "phone": ["13812345678", "8613912345678", "1391234567", None]},
            {"phone"},
        ),
    ]

    def validate(run: str) -> list:
        reports = []
        for ds, raw, redact in jobs:
            paths = run_paths(ds.id, run=run)
            write_raw(paths, raw)
            reports.append(validate_dataset(paths.raw, ds, paths, redact_columns=redact))
        return reports

    lone = validate("manual__lone")
    site = Path(run_paths().data_docs)
    suite_pages = {ds.id: site / "expectations" / "civil_affairs" / f"{ds.id}.html" for ds, _raw, _redact in jobs}
    lone_suites = {k: _page_text(p, "manual__lone") for k, p in suite_pages.items()}
    with docs_batch():
        batch = validate("manual__batch")
    assert [r.quarantined_rows for r in lone] == [13, 3, 3]  # failing rows in every dataset
    for (ds, _raw, redact), a, b in zip(jobs, lone, batch, strict=True):
        assert a.rule_results == b.rule_results
        assert any(r["unexpected_count"] for r in a.rule_results)
        assert _stored_text(a, "manual__lone") == _stored_text(b, "manual__batch")
        assert _page_text(Path(a.docs_path or ""), "manual__lone") == _page_text(
            Path(b.docs_path or ""), "manual__batch"
        )
        assert _page_text(suite_pages[ds.id], "manual__batch") == lone_suites[ds.id]
        stored = json.loads(Path(b.results_path or "").read_text(encoding="utf-8"))
        metas = {r["expectation_config"]["meta"]["rule"]: r["expectation_config"]["meta"] for r in stored["results"]}
        rules = compile_rules(ds, set(redact) | default_redactions(ds))
        assert metas == {r.id: json.loads(json.dumps(r.meta(), sort_keys=True)) for r in rules}
