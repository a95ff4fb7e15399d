"""Negative-list evaluation: rule precedence, the floor beats any rule, default open."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import ConfigError
from privacy.policy import ColumnDecision, DatasetDecision, Policy, decide, load_policy
from privacy.types import ColumnClassification as CC
from warehouse.manifest import Column, Contact, Dataset, Department, FileSource

REPO = Path(__file__).resolve().parents[2]


def _ds(cols: list[CC], **kw: object) -> tuple[Department, Dataset]:
    ds = Dataset(
        id=kw.pop("id", "ds"),
        title="t",
        source=FileSource(type="file", path="x.csv"),
        columns=[Column(name=c.name) for c in cols],
        **kw,
    )
    return Department(id=str(kw.get("dept", "dept")), name="D", contact=Contact(name="x"), datasets=[ds]), ds


def _policy(rules: list[dict], **defaults: object) -> Policy:
    return Policy.model_validate({"version": "t1", "defaults": defaults, "rules": rules})


PEOPLE = [
    CC("身份证号", "CN_RESIDENT_ID", "sensitive", 1),
    CC("姓名", "PERSON_NAME", "personal", 1),
    CC("手机", "PHONE_NUMBER", "personal", 1),
    CC("住址", "ADDRESS", "personal", 1),
    CC("出生日期", "DATE_OF_BIRTH", "personal", 1),
    CC("性别", "GENDER", "personal", 1),
    CC("备注", None, "none", 1),
    CC("金额", None, "none", 1),
]


def _by_name(decision: DatasetDecision) -> dict[str, ColumnDecision]:
    return {c.name: c for c in decision.columns}


def test_default_open_with_floor() -> None:
    # the floor, column by column (a table not about people: no risk treatment on top)
    dept, ds = _ds(PEOPLE, about_people=False)
    d = decide(dept, ds, PEOPLE, _policy([]))
    assert d.open_tier == "open" and d.rule_id is None and "无条件开放" in d.basis
    c = _by_name(d)
    assert (c["身份证号"].action, c["身份证号"].rule_id) == ("drop", None)
    assert (c["姓名"].action, c["姓名"].method) == ("mask", "mask_name")
    assert (c["手机"].action, c["手机"].method) == ("mask", "mask_phone")
    assert (c["住址"].action, c["住址"].method) == ("generalise", "district")
    assert (c["出生日期"].action, c["出生日期"].method) == ("generalise", "age_band")
    assert c["金额"].action == "publish"
    assert not d.about_people and d.quasi_identifiers == [] and all(x.role is None for x in d.columns)
    assert all(r["reason"] for r in d.to_records())


def test_release_about_people_roles() -> None:
    """About people (inferred from the person entities): direct identifiers are not published,
    not even masked (the mask stays the authorised treatment for shared variants); quasi-identifiers
    start their hierarchy where the floor allows; amounts are sensitive attributes in bands."""
    dept, ds = _ds(PEOPLE)
    d = decide(dept, ds, PEOPLE, _policy([]))
    c = _by_name(d)
    assert d.about_people
    for name in ("身份证号", "姓名", "手机"):
        assert (c[name].role, c[name].action) == ("direct", "drop"), name
    assert (c["姓名"].authorised_action, c["姓名"].authorised_method) == ("mask", "mask_name")
    assert "not even masked" in c["手机"].reason
    assert (c["住址"].role, c["住址"].action, c["住址"].method) == ("quasi", "generalise", "address:county")
    assert (c["出生日期"].role, c["出生日期"].method) == ("quasi", "birth_date:age_10")  # floor: 10-year bands
    assert (c["性别"].role, c["性别"].action, c["性别"].method) == ("quasi", "publish", "category:value")
    assert (c["金额"].role, c["金额"].action, c["金额"].method) == ("sensitive", "generalise", "amount:band_2")
    assert (c["备注"].role, c["备注"].action) == ("other", "publish")
    assert set(d.quasi_identifiers) == {"住址", "出生日期", "性别"} and d.sensitive_attributes == ["金额"]
    assert (d.k_threshold, d.l_diversity, d.max_suppression) == (5, 2, 0.05)
    # 5-year bands when the policy's floor allows them
    c5 = _by_name(decide(dept, ds, PEOPLE, _policy([], age_band_width=5)))
    assert c5["出生日期"].method == "birth_date:age_5"


def test_row_key_of_a_table_about_people_becomes_a_surrogate() -> None:
    cols = [
        CC("流水号", None, "none", 1),
        CC("统一社会信用代码", "USCC", "none", 1),
        CC("姓名", "PERSON_NAME", "personal", 1),
    ]
    dept, ds = _ds(cols, primary_key=["流水号"])
    c = _by_name(decide(dept, ds, cols, _policy([])))
    assert (c["流水号"].action, c["流水号"].method, c["流水号"].authorised_action) == (
        "pseudonymise",
        "surrogate",
        "publish",
    )
    # an organisation's identifier is not a person's: it stays (a public register)
    dept, ds = _ds(cols, primary_key=["统一社会信用代码"])
    c = _by_name(decide(dept, ds, cols, _policy([])))
    assert (c["统一社会信用代码"].role, c["统一社会信用代码"].action) == ("other", "publish")


def test_risk_targets_from_rules_and_manifest() -> None:
    from warehouse.manifest import RiskTargets

    rules = [
        {"id": "A", "basis": "b", "match": {"theme": ["health"]}, "action": "anonymise", "k": 10, "l": 3},
        {
            "id": "B",
            "basis": "b",
            "match": {"theme": ["health"]},
            "action": "anonymise",
            "k": 8,
            "max_suppression": 0.02,
        },
    ]
    dept, ds = _ds(PEOPLE, theme="health")
    d = decide(dept, ds, PEOPLE, _policy(rules))
    assert (d.k_threshold, d.l_diversity, d.max_suppression) == (10, 3, 0.02) and {"A", "B"} <= set(d.matched_rules)
    # a manifest can only tighten them
    dept, ds = _ds(PEOPLE, theme="health", risk=RiskTargets(k=20, l=1, max_suppression=0.5))
    d = decide(dept, ds, PEOPLE, _policy(rules))
    assert (d.k_threshold, d.l_diversity, d.max_suppression) == (20, 3, 0.02)
    assert decide(dept, ds, PEOPLE, _policy(rules)).open_tier == "open"  # anonymise sets no tier


@pytest.mark.parametrize(
    ("rule", "column", "expected"),
    [
        # a rule can raise protection
        ({"match": {"column": "备注"}, "action": "drop"}, "备注", ("drop", "R1")),
        ({"match": {"entity": ["PERSON_NAME"]}, "action": "drop"}, "姓名", ("drop", "R1")),
        ({"match": {"entity": ["PHONE_NUMBER"]}, "action": "pseudonymise"}, "手机", ("pseudonymise", "R1")),
        # the floor beats a rule asking for less
        ({"match": {"entity": ["CN_RESIDENT_ID"]}, "action": "publish"}, "身份证号", ("drop", None)),
        ({"match": {"entity": ["CN_RESIDENT_ID"]}, "action": "mask"}, "身份证号", ("drop", None)),
        ({"match": {"entity": ["PERSON_NAME"]}, "action": "publish"}, "姓名", ("mask", None)),
        # pseudonymising a sensitive identifier is the one allowed relaxation of drop
        ({"match": {"entity": ["CN_RESIDENT_ID"]}, "action": "pseudonymise"}, "身份证号", ("pseudonymise", "R1")),
        # a different generalisation method chosen by a rule
        (
            {"match": {"entity": ["DATE_OF_BIRTH"]}, "action": "generalise", "method": "birth_year"},
            "出生日期",
            ("generalise", "R1"),
        ),
    ],
)
def test_column_rules_and_floor(rule: dict, column: str, expected: tuple[str, str | None]) -> None:
    dept, ds = _ds(PEOPLE, about_people=False)
    d = decide(dept, ds, PEOPLE, _policy([{"id": "R1", "basis": "test", **rule}]))
    c = _by_name(d)[column]
    assert (c.action, c.rule_id) == expected
    if expected[1] is None:
        assert "R1" in c.reason and "ignored" in c.reason


def test_pseudonymise_only_identifiers_when_sensitive() -> None:
    cols = [CC("诊断", "MEDICAL_CONDITION", "sensitive", 1)]
    dept, ds = _ds(cols)
    d = decide(
        dept,
        ds,
        cols,
        _policy([{"id": "R", "basis": "b", "match": {"entity": ["MEDICAL_CONDITION"]}, "action": "pseudonymise"}]),
    )
    assert d.columns[0].action == "drop" and "only an identifier" in d.columns[0].reason


def test_strictest_rule_wins_then_file_order() -> None:
    dept, ds = _ds(PEOPLE)
    rules = [
        {"id": "A", "basis": "b", "match": {"entity": ["PHONE_NUMBER"]}, "action": "mask", "method": "mask_generic"},
        {"id": "B", "basis": "b", "match": {"column": "手机"}, "action": "drop"},
        {"id": "C", "basis": "b", "match": {"level": ["personal"]}, "action": "drop"},
    ]
    c = _by_name(decide(dept, ds, PEOPLE, _policy(rules)))
    assert (c["手机"].action, c["手机"].rule_id) == ("drop", "B")
    assert (c["姓名"].action, c["姓名"].rule_id) == ("drop", "C")


def test_dataset_tiers_precedence() -> None:
    cols = [CC("金额", None, "none", 1)]
    dept, ds = _ds(cols, theme="health", keywords=["internal"])
    rules = [
        {"id": "C1", "basis": "cond", "match": {"theme": ["health"]}, "action": "conditional", "allow": ["h"]},
        {"id": "W1", "basis": "withhold", "match": {"tag": ["internal"]}, "action": "withhold"},
    ]
    d = decide(dept, ds, cols, _policy(rules))
    assert (d.open_tier, d.rule_id, d.basis) == ("withheld", "W1", "withhold")
    d = decide(dept, ds, cols, _policy(rules[:1]))
    assert (d.open_tier, d.rule_id, d.allowed_departments) == ("conditional", "C1", ["h"])
    # a dataset rule with column keys needs such a column
    rules2 = [{"id": "W2", "basis": "b", "match": {"entity": ["CRIMINAL_RECORD"]}, "action": "withhold"}]
    assert decide(dept, ds, cols, _policy(rules2)).open_tier == "open"
    cols2 = cols + [CC("判决", "CRIMINAL_RECORD", "sensitive", 1)]
    dept2, ds2 = _ds(cols2)
    assert decide(dept2, ds2, cols2, _policy(rules2)).open_tier == "withheld"


def test_unknown_columns_are_sensitive_and_declared_levels_raise() -> None:
    cols = [CC("a", None, "none", 1)]
    ds = Dataset(
        id="ds",
        title="t",
        source=FileSource(type="file", path="x"),
        columns=[Column(name="a", privacy="personal", entity="PERSON_NAME"), Column(name="b")],
        about_people=False,
    )
    dept = Department(id="d", name="D", contact=Contact(name="x"), datasets=[ds])
    c = _by_name(decide(dept, ds, cols, _policy([])))
    assert (c["a"].level, c["a"].action) == ("personal", "mask")
    assert (c["b"].level, c["b"].action) == ("sensitive", "drop") and "undeclared" in c["b"].reason
    # an officer's override is authoritative (the manifest cannot raise it)
    c2 = _by_name(decide(dept, ds, [CC("a", None, "none", 1, source="override")], _policy([])))
    assert c2["a"].action == "publish"


def test_minors_without_age_column_make_personal_sensitive() -> None:
    cols = [CC("姓名", "PERSON_NAME", "personal", 1, minors=True), CC("x", None, "none", 1)]
    dept, ds = _ds(cols, about_people=False)
    d = decide(dept, ds, cols, _policy([]))
    assert d.minors and d.minors_column is None
    assert _by_name(d)["姓名"].action == "drop"
    cols.append(CC("出生日期", "DATE_OF_BIRTH", "personal", 1))
    dept, ds = _ds(cols, about_people=False)
    d = decide(dept, ds, cols, _policy([]))
    assert d.minors_column == "出生日期" and _by_name(d)["姓名"].action == "mask"


def test_demo_policy_loads_and_withholds_public_security() -> None:
    pol = load_policy(REPO / "policy" / "negative_list.yaml")
    assert pol.version and all(r.basis for r in pol.rules)
    cols = [CC("金额", None, "none", 1)]
    dept, ds = _ds(cols, theme="public_security")
    assert decide(dept, ds, cols, pol).open_tier == "withheld"
    dept, ds = _ds(cols, theme="economy")
    assert decide(dept, ds, cols, pol).open_tier == "open"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("version: 1\nrules: [{id: R, basis: b, match: {}, action: drop}]\n", "match must name"),
        ("version: 1\nrules: [{id: R, basis: b, match: {column: '('}, action: drop}]\n", "regular expression"),
        ("version: 1\nrules: [{id: R, basis: b, match: {theme: x}, action: mask}]\n", "column action"),
        ("version: 1\nrules: [{id: R, basis: b, match: {column: x}, action: mask, method: nope}]\n", "unknown method"),
        ("version: 1\nrules: [{id: R, basis: b, match: {theme: x}, action: explode}]\n", "rule 'R'"),
        ("version: [\n", "not valid YAML"),
        ("version: 1\nrules: [{id: R, basis: b, match: {theme: x}, action: anonymise}]\n", "anonymise needs k"),
        (
            "version: 1\nrules: [{id: R, basis: b, match: {theme: x}, action: withhold, k: 3}]\n",
            "belong to an anonymise",
        ),
        ("version: 1\ndefaults: {l_diversity: 0}\n", "l_diversity"),
    ],
)
def test_bad_policy_files(tmp_path: Path, text: str, needle: str) -> None:
    p = tmp_path / "p.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="p.yaml") as err:
        load_policy(p)
    assert needle in str(err.value)


def test_bad_role_vocabulary_names_the_file(tmp_path: Path) -> None:
    from privacy.roles import load_roles

    bad = tmp_path / "roles.yaml"
    bad.write_text(
        "version: 1\nhierarchies: {date: {levels: [day, fortnight], basis: b}}\n"
        "roles: [{role: quasi, hierarchy: date, names: 'x', basis: b}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="roles.yaml") as err:
        load_roles(bad)
    assert "fortnight" in str(err.value)
    bad.write_text("version: 1\nhierarchies: {}\nroles: [{role: quasi, names: 'x', basis: b}]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="needs a hierarchy"):
        load_roles(bad)
    # the negative list names its vocabulary relative to itself
    pol = tmp_path / "p.yaml"
    pol.write_text("version: '1'\ndefaults: {roles: roles.yaml}\n", encoding="utf-8")
    assert load_policy(pol).roles_path() == bad.resolve()


def test_held_columns_are_out_of_open_data_and_shared_only_when_named() -> None:
    from privacy.share import _treatments
    from warehouse.manifest import Share

    cols = [
        CC("姓名", "PERSON_NAME", "personal", 1),
        CC("ext_ref", None, "personal", 0.5, review=True, review_reason="codes of unknown meaning"),
        CC("留言", "PHONE_NUMBER", "personal", 0.8, free_text=True),
        CC("类型", None, "none", 1),
    ]
    dept, ds = _ds(cols)
    d = decide(
        dept, ds, cols, _policy([{"id": "R1", "basis": "t", "match": {"column": "ext_ref"}, "action": "publish"}])
    )
    c = _by_name(d)
    assert c["ext_ref"].action == "hold" and "held for an officer's review" in c["ext_ref"].reason
    assert "codes of unknown meaning" in c["ext_ref"].reason
    assert c["留言"].action == "drop" and "free text" in c["留言"].reason
    assert c["类型"].action == "publish"
    # a sharing scope that does not name the held column leaves it out; naming it encrypts it
    keep, overrides = _treatments(d, Share(department="x", purpose="p"), "dept.ds", [])
    assert "ext_ref" not in keep
    keep, overrides = _treatments(d, Share(department="x", purpose="p", columns=["ext_ref", "类型"]), "dept.ds", [])
    assert overrides["ext_ref"][0] == "encrypt" and "类型" not in overrides
    # an officer's review (source override) releases it
    released = [CC("ext_ref", None, "none", 1, source="override")]
    dept, ds = _ds(released)
    assert decide(dept, ds, released, _policy([])).columns[0].action == "publish"


def test_a_held_column_stays_held_in_a_release_about_people_whatever_its_role() -> None:
    """A held column whose suspected entity or name gives it a role of the release (a health
    category is a sensitive attribute, a pay item an amount) is not published by the risk
    treatment: it waits for its officer (it was published as an l-diverse attribute)."""
    cols = [
        *PEOPLE[:3],
        CC("col_4", "MEDICAL_CONDITION", "personal", 0.5, review=True, review_reason="categories of health terms"),
        CC("诊断", None, "personal", 0.5, review=True, review_reason="values of unknown meaning"),
        CC("col_5", "PERSONAL_INCOME", "personal", 0.5, review=True, review_reason="amounts of unknown meaning"),
    ]
    dept, ds = _ds(cols)
    d = decide(dept, ds, cols, _policy([]))
    assert d.about_people
    for c in d.columns[3:]:
        assert c.action == "hold", (c.name, c.action, c.reason)
    assert not {"col_4", "诊断", "col_5"} & set(d.sensitive_attributes + d.quasi_identifiers)


def test_penalties_against_companies_do_not_withhold_the_dataset() -> None:
    """The bundled negative list withholds datasets with criminal records of persons; a company's
    penalties are kept as CRIMINAL_RECORD at level none by the classifier and are public."""
    policy = load_policy(REPO / "policy" / "negative_list.yaml")
    companies = [CC("企业名称", "ORG_NAME", "none", 1), CC("处罚决定", "CRIMINAL_RECORD", "none", 0.9)]
    dept, ds = _ds(companies)
    assert decide(dept, ds, companies, policy).open_tier == "open"
    persons = [CC("姓名", "PERSON_NAME", "personal", 1), CC("罪名", "CRIMINAL_RECORD", "sensitive", 0.9)]
    dept, ds = _ds(persons)
    assert decide(dept, ds, persons, policy).open_tier == "withheld"
