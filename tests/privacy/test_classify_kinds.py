"""Kinds of classifier failure found on tables nobody here wrote, each with a synthetic case
(names and values of this file, not of the evaluation set): category words after a health,
offence or religion word, a person's total, birth dates under a generic date word, keys of
persons by name and by value shape, statistics that count people with a welfare status."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from privacy.classification import classify_table
from privacy.name_hints import analyse_name
from tests.testdata import resident_id


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("残疾类型", "MEDICAL_CONDITION"),
        ("诊断类型", "MEDICAL_CONDITION"),
        ("disability_grade", "MEDICAL_CONDITION"),
        ("过敏反应名称", "MEDICAL_CONDITION"),
        ("bloodType", "MEDICAL_CONDITION"),
        ("费用合计", "PERSONAL_INCOME"),
        ("total_cost", "PERSONAL_INCOME"),
        ("csrq_date", "DATE_OF_BIRTH"),
        ("hb_xhdb", "MEDICAL_CONDITION"),
    ],
)
def test_category_total_and_date_words_keep_the_entity_before_them(name: str, entity: str) -> None:
    assert analyse_name(name).entity == entity


@pytest.mark.parametrize(
    "name", ["staff_no", "teacherNo", "学生编号", "证书编号", "zsbh", "childCode", "reader_card_no"]
)
def test_a_persons_word_before_a_code_keys_persons(name: str) -> None:
    assert analyse_name(name).people_key


@pytest.mark.parametrize("name", ["order_no", "流水号", "batch_no", "区划代码"])
def test_plain_codes_do_not_key_persons(name: str) -> None:
    assert not analyse_name(name).people_key


def _people(rng: random.Random, n_people: int, visits: int) -> tuple[list[str], list[str]]:
    ids = [resident_id(rng) for _ in range(n_people)]
    codes = [f"K{rng.randrange(10**9, 10**10)}" for _ in range(n_people)]
    rows = [rng.randrange(n_people) for _ in range(n_people * visits)]
    return [ids[r] for r in rows], [codes[r] for r in rows]


def test_a_code_that_repeats_with_the_person_is_a_key_of_persons_whatever_its_name() -> None:
    rng = random.Random(7)
    ids, codes = _people(rng, 150, 4)
    serial = [f"S{i:08d}" for i in range(len(ids))]
    table = pa.table({"身份证号": ids, "编号": codes, "记录号": serial, "col_9": codes})
    result = classify_table(table, context={"dataset_title": "随访记录"})
    for name in ("编号", "col_9"):
        c = result.column(name)
        assert c.level == "personal" and not c.review, (name, c.evidence)
        assert any("one-to-one" in e for e in c.evidence)
    assert result.column("记录号").level == "none"  # a record number, unique per row


def test_counts_of_people_with_a_welfare_status_are_statistics() -> None:
    rng = random.Random(3)
    table = pa.table(
        {
            "区县": [rng.choice(["上城区", "西湖区", "滨江区"]) for _ in range(40)],
            "城市低保人数": [rng.randrange(1000, 5000) for _ in range(40)],
            "特困供养人数": [rng.randrange(100, 900) for _ in range(40)],
            "低保金支出（万元）": [round(rng.uniform(500, 3000), 1) for _ in range(40)],
        }
    )
    result = classify_table(table, context={"dataset_title": "社会救助统计季报"})
    assert result.subject == "aggregates"
    assert all(c.level == "none" and not c.review for c in result.columns), [(c.name, c.level) for c in result.columns]


def test_a_code_unique_to_each_row_of_a_table_of_one_row_per_person_is_held() -> None:
    rng = random.Random(11)
    ids = [resident_id(rng) for _ in range(200)]
    members = [f"HY{rng.randrange(100, 1000)}X{i:04d}" for i in range(200)]
    dated = [f"SQ2025{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{i:05d}" for i in range(200)]
    table = pa.table({"身份证号": ids, "编号": members, "记录号": dated})
    result = classify_table(table, context={"dataset_title": "会员登记"})
    member = result.column("编号")
    assert member.level == "personal" and member.review, member.evidence
    assert any("one row per person" in e for e in member.evidence)
    # codes carrying the day they were made are serials of records, not of persons
    assert result.column("记录号").level == "none"
    # the same codes where a person has several rows number the rows, not the persons
    rows = [rng.randrange(50) for _ in range(200)]
    repeat = pa.table({"身份证号": [ids[r] for r in rows], "编号": members})
    assert not classify_table(repeat, context={"dataset_title": "会员登记"}).column("编号").review


def test_land_boundaries_name_the_neighbours() -> None:
    from privacy.recognizers.person_name import PersonNameRecognizer

    text = "东至王建国，南至水渠，西至李秀英，北至河"
    spans = [s for s in PersonNameRecognizer().find_in_text(text) if s.score >= 0.8]
    assert sorted(text[s.start : s.end] for s in spans) == ["李秀英", "王建国"]


def test_regions_of_people_are_not_their_addresses() -> None:
    rng = random.Random(5)
    towns = ["西湖区转塘街道", "桐庐县分水镇", "淳安县千岛湖镇", "临安区於潜镇", "上城区湖滨街道", "建德市新安江街道"]
    streets = ["文三路", "延安路", "解放路", "中山北路", "凤起路", "体育场路"]
    n = 120
    table = pa.table(
        {
            "身份证号": [resident_id(rng) for _ in range(n)],
            "户籍地": [rng.choice(towns) for _ in range(n)],
            "籍贯代码": [rng.choice(["330106", "330122", "330127", "330185", "330102"]) for _ in range(n)],
            "现住址": [
                f"杭州市{rng.choice(streets)}{rng.randrange(1, 400)}号{rng.randrange(1, 30)}幢" for _ in range(n)
            ],
        }
    )
    result = classify_table(table, context={"dataset_title": "人员登记"})
    for name in ("户籍地", "籍贯代码"):
        c = result.column(name)
        assert c.level == "none" and not c.review, (name, c.evidence)
    assert result.column("现住址").entity == "ADDRESS"


@pytest.mark.parametrize("name", ["领取月数", "享受待遇月数", "benefit_months"])
def test_how_long_a_benefit_is_received_states_receiving_it(name: str) -> None:
    assert analyse_name(name).status
