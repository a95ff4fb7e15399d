"""The column-name vocabulary: data with sources, pinyin derived (never typed), read the way
Chinese government column names are written; and its cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from core import ConfigError
from privacy import vocabulary
from privacy.name_hints import analyse_name, hint_for, is_aggregate_name, is_people_key_name
from privacy.vocabulary import _parse_names, _parse_values, _yaml_files, name_index, value_terms


def test_every_entry_and_group_cites_a_source() -> None:
    for p in _yaml_files("names"):
        for e in _parse_names(p):
            assert e["source"].split(": ", 1)[1].strip(), p.name
    for p in _yaml_files("values"):
        assert _parse_values(p)  # raises ConfigError when a group has no source


def test_pinyin_is_derived_not_typed() -> None:
    """No listed abbreviation is the pinyin (or its initials) of a Chinese term of the same entry:
    those are derived with pypinyin when the index is built."""
    from pypinyin import Style, lazy_pinyin

    for p in _yaml_files("names"):
        for e in _parse_names(p):
            derived = set()
            for t in e["zh"]:
                derived.add("".join(lazy_pinyin(t, style=Style.FIRST_LETTER)).lower())
                derived.add("".join(lazy_pinyin(t)).lower())
            typed = [a for a in e["abbr"] if a.lower() in derived]
            assert not typed, f"{p.name}: {typed} are derived from the Chinese terms; do not type them"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"version": 1, "entries": [{"entity": "NOPE", "zh": ["x"], "source": "s"}]}, "unknown entity"),
        ({"version": 1, "entries": [{"kind": "nope", "zh": ["x"], "source": "s"}]}, "unknown kind"),
        ({"version": 1, "entries": [{"entity": "EMAIL", "zh": ["邮箱"]}]}, "no source"),
        ({"version": 1, "entries": [{"entity": "EMAIL", "kind": "org", "source": "s"}]}, "either"),
        ({"version": 1, "entries": {"x": 1}}, "entries"),
    ],
)
def test_malformed_name_files_are_refused(tmp_path: Path, bad: dict, message: str) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as err:
        _parse_names(p)
    assert "bad.yaml" in str(err.value)


def test_malformed_value_files_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "v.yaml"
    p.write_text("version: 1\ngroups:\n  g:\n    terms: [a]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="needs a source"):
        _parse_values(p)


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("身份证号", "CN_RESIDENT_ID"),
        ("公民身份号码", "CN_RESIDENT_ID"),
        ("sfzh", "CN_RESIDENT_ID"),  # pinyin initials (derived)
        ("GMSFHM", "CN_RESIDENT_ID"),
        ("shen_fen_zheng_hao", "CN_RESIDENT_ID"),  # full pinyin, split
        ("shenfenzhenghao", "CN_RESIDENT_ID"),
        ("id_card_no", "CN_RESIDENT_ID"),
        ("IdNumber", "CN_RESIDENT_ID"),
        ("车主", "PERSON_NAME"),  # a role word alone names a person
        ("来电人", "PERSON_NAME"),
        ("fddbr", "PERSON_NAME"),
        ("hphm", "LICENSE_PLATE"),
        ("护照号码", "PASSPORT"),
        ("往来港澳通行证号", "PASSPORT"),
        ("gms", "MEDICAL_CONDITION"),  # 过敏史
        ("blfy", "MEDICAL_CONDITION"),  # 不良反应
        ("用药记录", "MEDICAL_CONDITION"),
        ("B超结果", "MEDICAL_CONDITION"),
        ("应发工资", "PERSONAL_INCOME"),
        ("jfjs", "PERSONAL_INCOME"),  # 缴费基数
        ("tax_withheld", "PERSONAL_INCOME"),
        ("account_balance", "PERSONAL_INCOME"),
        ("zjxy", "RELIGION"),
        ("登录IP", "IP_ADDRESS"),
        ("用户IP地址", "IP_ADDRESS"),
        ("family_name", "PERSON_NAME"),
        ("csrq", "DATE_OF_BIRTH"),
        ("统一社会信用代码", "USCC"),
    ],
)
def test_names_give_entities(name: str, entity: str) -> None:
    assert analyse_name(name).entity == entity, analyse_name(name)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("身份证有效期", "event_date"),  # a date after an entity word is a date
        ("证件类型", "enum"),
        ("低保人数", "aggregate"),
        ("营业收入", "not_income"),
        ("人员编号", "people_key"),
        ("user_id", "people_key"),
        ("性别", "attribute"),
        ("经营范围", "free_text_public"),
        ("登记日期", "event_date"),
        ("备注", "text"),
    ],
)
def test_names_give_kinds(name: str, kind: str) -> None:
    info = analyse_name(name)
    assert info.kind == kind and info.entity is None, info


def test_whose_contact_a_name_says() -> None:
    switchboard, mailbox, org_name = hint_for("单位电话"), hint_for("办公邮箱"), hint_for("单位名称")
    assert switchboard is not None and switchboard.org and not analyse_name("单位电话").person
    assert mailbox is not None and mailbox.org
    for personal in ("单位负责人电话", "负责人手机", "fzrdh", "lxr_dh", "contactPersonPhone", "车主联系电话"):
        info = analyse_name(personal)
        assert info.entity == "PHONE_NUMBER" and info.person and not info.org, (personal, info)
    assert org_name is not None and org_name.entity == "ORG_NAME"


def test_opaque_and_aggregate_names() -> None:
    for opaque in ("col_7", "备用字段1", "field12", "x"):
        assert analyse_name(opaque).entity is None
    assert is_aggregate_name("办理人数") and not is_aggregate_name("姓名")
    assert is_people_key_name("患者ID") and not is_people_key_name("检查编号")


def test_value_vocabularies_load() -> None:
    med = value_terms("medical")
    assert "高血压" in med["diseases"] and "阿莫西林" in med["drugs"]
    with pytest.raises(ConfigError):
        value_terms("no_such_file")


def test_index_is_cached_with_a_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built once (pypinyin), then read from the cache; a changed vocabulary is rebuilt."""
    monkeypatch.setattr(vocabulary, "_PACKAGE_CACHE", tmp_path / "pkg" / ".index.json")
    monkeypatch.setenv("PUBDATA_HOME", str(tmp_path / "home"))
    vocabulary._raw.cache_clear()
    try:
        data = vocabulary._raw()
        cached = list((tmp_path / "home" / "cache").glob("vocabulary-*.json"))
        assert (
            len(cached) == 1 and json.loads(cached[0].read_text(encoding="utf-8"))["fingerprint"] == data["fingerprint"]
        )
        # a stale cache (another fingerprint) is ignored
        cached[0].write_text(json.dumps({"fingerprint": "old"}), encoding="utf-8")
        vocabulary._raw.cache_clear()
        assert vocabulary._raw()["fingerprint"] == data["fingerprint"]
    finally:
        vocabulary._raw.cache_clear()
        name_index.cache_clear()
