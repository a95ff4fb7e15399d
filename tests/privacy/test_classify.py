"""Column classification on labelled tables, sampling, evidence hygiene, the level policy,
context, minors, and the whole-column scanner."""

from __future__ import annotations

import random
import re
from pathlib import Path

import labelled_tables as lt
import numpy as np
import pyarrow as pa
import pytest
import testdata as td

from core import ConfigError
from core.identifiers import is_valid_resident_id, luhn_ok, mobile_regex
from privacy.classification import classify_table, mask_example
from privacy.levels import load_levels
from privacy.sampling import column_sample, sample_rows
from privacy.scan import find_sensitive_values, scan_table, valid_id_mask

TABLES = {t.name: t for t in lt.all_tables()}


@pytest.fixture(scope="module")
def results() -> dict:
    return {name: classify_table(t.table, context=t.context) for name, t in TABLES.items()}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_labelled_table(name: str, results: dict) -> None:
    table, result = TABLES[name], results[name]
    wrong = []
    for col in result.columns:
        want = table.labels[col.name]
        # a non-personal column may keep the entity it resembles (an aggregate of amounts)
        got = (col.entity if want.entity or want.level != "none" else None, col.level)
        if got != (want.entity, want.level) or col.review:
            wrong.append(f"{col.name}: got {col.entity}/{col.level}, want {want.entity}/{want.level}")
    assert not wrong, "; ".join(wrong)


def test_every_sensitive_column_found_and_no_false_alarms(results: dict) -> None:
    missed, false_alarms = [], []
    for name, t in TABLES.items():
        for col in results[name].columns:
            want = t.labels[col.name]
            if want.level == "sensitive" and col.level != "sensitive":
                missed.append(f"{name}.{col.name}")
            if want.level == "none" and col.level != "none":
                false_alarms.append(f"{name}.{col.name}")
    assert not missed and not false_alarms


def test_output_shape_and_confidence(results: dict) -> None:
    d = results["people_chinese"].to_dict()
    assert set(d) >= {"columns", "rows", "sampled", "minors_rows_share", "subject"}
    for c in d["columns"]:
        assert set(c) >= {"name", "entity", "level", "confidence", "evidence", "clause"}
        assert c["level"] in ("sensitive", "personal", "none")
        assert 0 <= c["confidence"] <= 1
    by = {c["name"]: c for c in d["columns"]}
    assert "PIPL Art. 28" in by["公民身份号码"]["clause"]
    assert any("name hint" in e for e in by["公民身份号码"]["evidence"])
    assert any("CnResidentIdRecognizer" in e and "%" in e for e in by["公民身份号码"]["evidence"])


def _raw_tokens(table: pa.Table) -> set[str]:
    out = set()
    for col in table.columns:
        for v in col.to_pylist()[:300]:
            if v is None:
                continue
            v = str(v)
            if len(v) >= 5:
                out.add(v)
    return out


def test_evidence_never_contains_raw_values(results: dict) -> None:
    for name, t in TABLES.items():
        raw = _raw_tokens(t.table)
        text = " ".join(e for c in results[name].columns for e in c.evidence)
        leaked = [v for v in raw if v in text]
        assert not leaked, f"{name}: evidence quotes {len(leaked)} raw values"
        # no run of 7+ digits (an ID, card or phone fragment) in the evidence
        assert not re.search(r"\d{7,}", text), name


def test_mask_example() -> None:
    assert mask_example("11010519491231002X") == "11***************X"
    assert mask_example("张伟") == "张*"
    assert "12345678" not in mask_example("13812345678")


def test_single_hit_never_labels_a_column() -> None:
    rng = random.Random(1)
    values = [f"A{rng.randint(0, 10**8)}" for _ in range(999)] + [td.resident_id(rng)]
    result = classify_table(pa.table({"col_x": values}))
    assert result.column("col_x").level == "none"
    few = classify_table(pa.table({"col_y": [td.resident_id(rng)] + ["x"] * 50}))
    assert few.column("col_y").level == "none"


def test_sampling_spreads_over_the_table_and_is_bounded() -> None:
    rows = sample_rows(10_000_000, 1000)
    assert len(rows) == 1000 and rows[0] == 0 and rows[-1] == 9_999_999
    assert np.all(np.diff(rows) > 9000)
    # a column whose IDs are only in the last tenth of a large table is still found
    n = 200_000
    rng = random.Random(3)
    ids = [None] * (n - 2000) + [td.resident_id(rng) for _ in range(2000)]
    col = pa.chunked_array([pa.array(ids, pa.string())])
    values, positions = column_sample(col, sample_rows(n, 500), 500)
    assert 0 < len(values) <= 500 and min(positions) >= n - 2000
    result = classify_table(pa.table({"sfzh": col}), sample_size=500)
    assert result.column("sfzh").entity == "CN_RESIDENT_ID"
    assert result.sampled <= 500


def test_sample_size_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBDATA_SAMPLE_SIZE", "50")
    result = classify_table(TABLES["people_pinyin"].table)
    assert result.sample_size == 50 and result.sampled == 50
    assert result.column("sfzh").entity == "CN_RESIDENT_ID"


def test_level_policy_is_configurable(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "privacy" / "levels.yaml"
    custom = tmp_path / "levels.yaml"
    custom.write_text(
        src.read_text(encoding="utf-8").replace(
            'CN_RESIDENT_ID:    {level: sensitive, clause: "PIPL',
            'CN_RESIDENT_ID:    {level: personal, clause: "GB/T 45574-2025 test; PIPL',
        ),
        encoding="utf-8",
    )
    result = classify_table(TABLES["people_pinyin"].table, levels=custom)
    assert result.column("sfzh").level == "personal"
    by = {c["name"]: c for c in result.to_dict()["columns"]}
    assert "GB/T 45574-2025 test" in by["sfzh"]["clause"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  NOT_AN_ENTITY: {level: sensitive}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml"):
        load_levels(bad)
    worse = tmp_path / "worse.yaml"
    worse.write_text("entities:\n  EMAIL: {level: secret}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="level"):
        load_levels(worse)


def test_context_decides_coordinates_and_contacts() -> None:
    rng = random.Random(5)
    n = 200
    coords = pa.table(
        {
            "经度": [f"{rng.uniform(120, 120.4):.6f}" for _ in range(n)],
            "纬度": [f"{rng.uniform(30.1, 30.4):.6f}" for _ in range(n)],
            "联系电话": [td.landline(rng) for _ in range(n)],
        }
    )
    people = classify_table(coords, context={"about_people": True})
    places = classify_table(coords, context={"about_people": False})
    assert people.column("经度").level == "sensitive" and places.column("经度").level == "none"
    assert people.column("联系电话").level == "personal" and places.column("联系电话").level == "none"
    assert places.column("经度").entity == "PRECISE_LOCATION"
    titled = classify_table(coords, context={"dataset_title": "全市公交站点位置"})
    assert titled.column("纬度").level == "none"


def test_minors_are_flagged_for_the_policy() -> None:
    """Columns keep their levels; ``minors`` on every personal column tells the policy to treat
    the rows of children under 14 as sensitive (emptied row by row)."""
    result = classify_table(TABLES["students"].table)
    assert result.minors and result.minors_rows_share == 1.0
    name = result.column("学生姓名")
    assert name.level == "personal" and name.minors
    assert not result.column("班级").minors
    adults = classify_table(TABLES["people_pinyin"].table)
    assert not adults.minors and adults.column("xm").level == "personal" and not adults.column("xm").minors


def test_flat_cost_on_large_tiled_table() -> None:
    base = td.bench_table(2000).table
    big = pa.concat_tables([base] * 500)  # 1e6 rows, zero-copy
    small = classify_table(base)
    large = classify_table(big)
    assert [c.level for c in large.columns] == [c.level for c in small.columns]
    assert large.sampled <= 1000


# ------------------------------------------------------------------------------ scanner


def test_find_sensitive_values_counts_all_values() -> None:
    rng = random.Random(11)
    n = 20_000
    values: list[str | None] = []
    expect = {"CN_RESIDENT_ID": 0, "BANK_CARD": 0, "PHONE_NUMBER": 0}
    for i in range(n):
        r = i % 10
        if r == 0:
            values.append(td.resident_id(rng))
            expect["CN_RESIDENT_ID"] += 1
        elif r == 1:
            bad = td.bad_check_id(rng)
            values.append(bad)
            # an 18-digit 62... number that passes Luhn is a plausible UnionPay card
            expect["BANK_CARD"] += bad.startswith("62") and luhn_ok(bad)
        elif r == 2:
            values.append(td.bank_card(rng))
            expect["BANK_CARD"] += 1
        elif r == 3:
            values.append(td.mobile(rng, rng.choice(("plain", "+86", "dashed"))))
            expect["PHONE_NUMBER"] += 1
        elif r == 4:
            values.append(f"来电人身份证{td.resident_id(rng)}，手机{td.mobile(rng)}")
            expect["CN_RESIDENT_ID"] += 1
            expect["PHONE_NUMBER"] += 1
        elif r == 5:
            card = td.bank_card(rng, 16)
            values.append("卡号 " + " ".join(card[j : j + 4] for j in range(0, 16, 4)))
            expect["BANK_CARD"] += 1
        elif r == 6:
            values.append(None)
        elif r == 7:
            digits = f"{rng.randint(10**10, 2 * 10**10 - 1)}"  # 11 digits starting 1[0-9]
            values.append(digits)
            if re.fullmatch(r"1[3-9]\d{9}", digits):
                expect["PHONE_NUMBER"] += bool(mobile_regex().fullmatch(digits))
        else:
            values.append("普通文本，没有标识符 2024-01-01")
    got = find_sensitive_values(pa.array(values, pa.string()))
    assert got == expect


def test_find_sensitive_values_ids_written_in_groups() -> None:
    rng = random.Random(14)
    ids = [td.resident_id(rng) for _ in range(4)]
    values = [
        f"{ids[0][:6]} {ids[0][6:14]} {ids[0][14:]}",
        f"{ids[1][:6]}-{ids[1][6:14]}-{ids[1][14:]}",
        f"申请人 {ids[2][:6]} {ids[2][6:14]} {ids[2][14:]} 已登记",
        ids[3],
    ]
    assert find_sensitive_values(pa.array(values))["CN_RESIDENT_ID"] == 4
    # groups of a number that is not a valid ID are not counted
    bad = td.bad_check_id(rng)
    assert find_sensitive_values(pa.array([f"{bad[:6]} {bad[6:14]} {bad[14:]}"]))["CN_RESIDENT_ID"] == 0


def test_find_sensitive_values_integers_and_gansu_ids() -> None:
    rng = random.Random(12)
    phones = pa.array([int(td.mobile(rng)) for _ in range(1000)], pa.int64())
    assert find_sensitive_values(phones)["PHONE_NUMBER"] == 1000
    gansu = [td.resident_id(rng, region="620102") for _ in range(500)]
    got = find_sensitive_values(pa.array(gansu))
    assert got["CN_RESIDENT_ID"] == 500 and got["BANK_CARD"] == 0


def test_valid_id_mask_matches_scalar_validator() -> None:
    rng = random.Random(13)
    values = [td.resident_id(rng) for _ in range(3000)] + [td.bad_check_id(rng) for _ in range(3000)]
    values += [td.legacy_id(rng) for _ in range(500)] + [
        "".join(rng.choice("0123456789") for _ in range(18)) for _ in range(3000)
    ]
    mask = valid_id_mask(pa.array(values))
    assert mask.tolist() == [is_valid_resident_id(v) for v in values]


def test_scan_table_reports_only_hits() -> None:
    t = TABLES["people_chinese"].table
    hits = scan_table(t)
    assert set(hits) == {"公民身份号码", "联系电话", "银行卡号"}
