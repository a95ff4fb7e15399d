"""Manifest validation: the bundled ones load; broken ones get errors naming file, dataset, field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from core import ManifestError
from warehouse.manifest import SqlSource, load_all, load_department

REPO = Path(__file__).resolve().parents[2]
GOOD: dict[str, Any] = {
    "id": "water",
    "name": "水利厅",
    "contact": {"name": "信息中心"},
    "datasets": [
        {
            "id": "reservoirs",
            "title": "水库",
            "source": {"type": "file", "path": "water/r.csv"},
            "columns": [{"name": "名称"}, {"name": "库容", "type": "number"}],
        }
    ],
}


def write(tmp_path: Path, data: dict, name: str = "water.yaml") -> Path:
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def test_bundled_demo_manifests_are_valid() -> None:
    good, bad = load_all(REPO / "departments")
    assert not bad
    assert len(good) >= 4 and sum(len(d.datasets) for d in good) >= 8
    kinds = {ds.source.type for d in good for ds in d.datasets}
    assert kinds == {"file", "http", "sql"}


@pytest.mark.parametrize(
    "mutate, expect",
    [
        (
            lambda m: m["datasets"][0]["columns"][1].update(type="money"),
            ["water.yaml", "dataset 'reservoirs'", "columns[1].type"],
        ),
        (lambda m: m["datasets"][0].pop("title"), ["dataset 'reservoirs'", "'title'", "Field required"]),
        (lambda m: m["datasets"][0].update(id="../etc"), ["dataset '../etc'", "'id'", "pattern"]),
        (lambda m: m["datasets"][0]["source"].update(path="../../secret.csv"), ["source.path", "'..'"]),
        (lambda m: m["datasets"][0]["source"].update(type="ftp"), ["source", "ftp"]),
        (lambda m: m.update(schedule="every day"), ["'schedule'", "cron"]),
        (lambda m: m["datasets"].append(dict(m["datasets"][0])), ["duplicate dataset ids ['reservoirs']"]),
        (lambda m: m["datasets"][0].update(primary_key=["编号"]), ["primary_key names undeclared columns ['编号']"]),
        (lambda m: m["datasets"][0]["columns"].append({"name": "名称"}), ["duplicate column names ['名称']"]),
        (lambda m: m.pop("contact"), ["'contact'", "Field required"]),
    ],
)
def test_invalid_manifest_error_names_file_dataset_and_field(tmp_path: Path, mutate, expect) -> None:
    import copy

    data = copy.deepcopy(GOOD)
    mutate(data)
    path = write(tmp_path, data)
    with pytest.raises(ManifestError) as err:
        load_department(path)
    for part in expect:
        assert part in str(err.value)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="rename the file|named 'other.yaml'"):
        load_department(write(tmp_path, GOOD, "other.yaml"))


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    p = tmp_path / "water.yaml"
    p.write_text("id: water\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"water.yaml: line \d+"):
        load_department(p)


@pytest.mark.parametrize("text", ["id: water\nname: [unclosed\n", "id: water\nname: a: b\n", 'id: "\\q"\n'])
def test_yaml_error_reports_the_same_problem_and_line_as_before(tmp_path: Path, text: str) -> None:
    """Manifests are read with libyaml where PyYAML has it; a broken one still gets the message of the
    pure-Python loader (libyaml words its problems differently)."""
    p = tmp_path / "water.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(yaml.MarkedYAMLError) as pure:
        yaml.load(text, Loader=yaml.SafeLoader)
    assert pure.value.problem_mark is not None
    expected = f"{p}: line {pure.value.problem_mark.line + 1} is not valid YAML ({pure.value.problem})"
    with pytest.raises(ManifestError) as err:
        load_department(p)
    assert str(err.value) == expected


def test_bundled_manifests_read_the_same_as_with_the_pure_python_loader(monkeypatch) -> None:
    import warehouse.manifest as manifest

    paths = sorted((REPO / "departments").glob("*.yaml"))
    assert paths
    fast = [load_department(p) for p in paths]
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)  # PyYAML without libyaml
    assert [load_department(p) for p in paths] == fast
    assert manifest._parse_yaml("a: [1, 2]\n") == {"a": [1, 2]}


def test_env_references_are_interpolated_and_missing_ones_named(tmp_path: Path, monkeypatch) -> None:
    import copy

    data = copy.deepcopy(GOOD)
    data["datasets"][0]["source"] = {
        "type": "sql",
        "url": "postgresql://u:${WATER_DB_PASSWORD}@db/w",
        "query": "select 1",
    }
    path = write(tmp_path, data)
    with pytest.raises(ManifestError, match=r"\$\{WATER_DB_PASSWORD\} is not set"):
        load_department(path)
    monkeypatch.setenv("WATER_DB_PASSWORD", "s3cret")
    source = load_department(path).datasets[0].source
    assert isinstance(source, SqlSource)
    assert source.url.endswith("u:s3cret@db/w")


def test_one_broken_manifest_does_not_hide_the_others(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    (tmp_path / "broken.yaml").write_text("id: broken\nname: x\n", encoding="utf-8")
    good, bad = load_all(tmp_path)
    assert [d.id for d in good] == ["water"]
    assert "broken.yaml" in str(bad[tmp_path / "broken.yaml"])
