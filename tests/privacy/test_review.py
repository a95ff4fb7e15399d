"""Officers' reviews: overrides win on later runs; a changed detection is flagged for re-review."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.publish import register_department
from catalog.reviews import add_review, resolve
from cli.main import main
from core import PrivacyError
from privacy.types import ColumnClassification, Level
from warehouse.lake import RunPaths
from warehouse.manifest import departments_dir, load_department


@pytest.fixture
def transport(fresh_home: Path):
    dept = load_department(departments_dir() / "transport.yaml")
    register_department(dept)
    return dept.dataset("bus_stops")


def det(name: str, level: Level, entity: str | None) -> ColumnClassification:
    return ColumnClassification(name, entity, level, 0.9, [f"{entity} on 90% of sampled values"])


def test_override_wins_until_detection_changes(transport) -> None:
    paths = RunPaths.for_run("transport", "bus_stops", "r1")
    first = resolve(paths, "r1", transport, [det("stop_name", "personal", "PERSON_NAME")])
    assert first[0].level == "personal" and first[0].source == "detected"
    # an officer decides the stop names are not personal (places named after people)
    add_review(
        "transport",
        "bus_stops",
        "stop_name",
        level="none",
        entity=None,
        reviewer="王审核",
        reason="站名用人名命名，不是个人信息",
    )
    second = resolve(
        RunPaths.for_run("transport", "bus_stops", "r2"), "r2", transport, [det("stop_name", "personal", "PERSON_NAME")]
    )
    assert (second[0].level, second[0].entity, second[0].source, second[0].needs_review) == (
        "none",
        None,
        "override",
        False,
    )
    assert any("王审核" in e for e in second[0].evidence)
    # the detector now finds something else: flagged, and the stricter level applies meanwhile
    third = resolve(
        RunPaths.for_run("transport", "bus_stops", "r3"),
        "r3",
        transport,
        [det("stop_name", "sensitive", "CN_RESIDENT_ID")],
    )
    assert third[0].needs_review and third[0].level == "sensitive"


def test_manifest_declaration_raises_but_never_lowers(transport) -> None:
    from warehouse.manifest import Dataset

    ds = Dataset.model_validate(
        {
            **transport.model_dump(),
            "primary_key": [],
            "columns": [
                {"name": "stop_name", "privacy": "personal", "entity": "ADDRESS"},
                {"name": "lines", "privacy": "none"},
            ],
        }
    )
    out = resolve(
        RunPaths.for_run("transport", "bus_stops", "r1"),
        "r1",
        ds,
        [det("stop_name", "none", None), det("lines", "personal", "PHONE_NUMBER")],
    )
    assert (out[0].level, out[0].entity, out[0].source) == ("personal", "ADDRESS", "declared")
    assert (out[1].level, out[1].entity) == ("personal", "PHONE_NUMBER")


def test_review_cli_records_and_lists(transport, capsys) -> None:
    resolve(
        RunPaths.for_run("transport", "bus_stops", "r1"), "r1", transport, [det("stop_name", "personal", "PERSON_NAME")]
    )
    assert (
        main(
            [
                "review",
                "transport.bus_stops",
                "--column",
                "stop_name",
                "--level",
                "none",
                "--by",
                "王审核",
                "--reason",
                "地名",
            ]
        )
        == 0
    )
    assert main(["review", "transport.bus_stops"]) == 0
    assert "stop_name" in capsys.readouterr().out
    assert (
        main(["review", "transport.bus_stops", "--column", "nope", "--level", "none", "--by", "x", "--reason", "y"])
        == 2
    )
    assert "no classified column 'nope'" in capsys.readouterr().err
    with pytest.raises(PrivacyError, match="needs a reviewer and a reason"):
        add_review("transport", "bus_stops", "stop_name", level="none", entity=None, reviewer=" ", reason="")
