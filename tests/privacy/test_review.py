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


@pytest.mark.usefixtures("airflow_db", "http_sources")
def test_demo_column_held_for_review_then_released_by_an_officer(fresh_home: Path, capsys) -> None:
    """The demo's subsidy table has a column its manifest does not declare (``ext_ref``): it is
    classified by content, held for review (left out of open data, the rest publishes), listed
    in the queue; an officer releases it and the next run publishes it."""
    import json
    import sqlite3

    import pyarrow.parquet as pq

    from catalog.reviews import review_queue
    from catalog.store import connect
    from orchestration.runner import outcome_table, run_departments

    first = {o.dataset: o for o in run_departments(["civil_affairs"], progress=False)}
    sub = first["subsidy_recipients"]
    assert sub.status == "published", sub.message
    assert sub.columns is not None and sub.columns["ext_ref"] == "held for review"
    # a direct identifier of a release about people is not published at all (issue 13), not masked
    assert sub.columns["recipient_name"].startswith("dropped")
    assert sub.columns["month"].startswith(("published", "generalised"))  # a quasi-identifier at its level
    # which subsidy a named person receives (低保, 特困供养) is their welfare status: sensitive
    assert sub.columns["subsidy_type"] != "published"
    assert "held for review: ext_ref" in outcome_table([sub])
    folder = fresh_home / "open" / "civil_affairs" / "subsidy_recipients"
    v1 = pq.read_table(folder / "v000001.parquet")
    assert "ext_ref" not in v1.column_names and "month" in v1.column_names
    with connect(read_only=True) as con:
        row = con.execute(
            "SELECT summary_json FROM runs WHERE dataset_id = 'subsidy_recipients' ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    assert row is not None
    summary = json.loads(row[0])
    assert summary["columns"]["ext_ref"] == "held for review"
    assert set(summary["columns"]) >= {"recipient_name", "id_number", "ext_ref"}

    queue = review_queue()
    assert [(q["dataset_id"], q["column"], q["reviewed"]) for q in queue] == [("subsidy_recipients", "ext_ref", None)]
    assert main(["review", "--pending"]) == 0
    out = capsys.readouterr().out
    assert "civil_affairs.subsidy_recipients  ext_ref  [awaiting review]" in out
    assert main(["review", "civil_affairs.subsidy_recipients"]) == 0
    assert "HELD for review" in capsys.readouterr().out

    # the officers' section and the scorecard show the queue (in Chinese); an officer may decide there
    import httpx
    from support import LiveServer

    from catalog import tokens

    officer = tokens.issue(officer="wang.officer")[1]
    with LiveServer() as portal, httpx.Client(base_url=portal.url, timeout=30) as client:
        api = client.get("/api/officers/reviews", headers={"Authorization": f"Bearer {officer}"}).json()
        assert [(r["dataset_id"], r["column"]) for r in api] == [("subsidy_recipients", "ext_ref")]
        assert client.get("/api/officers/reviews").status_code == 401
        awaiting = client.get("/api/scorecard").json()["awaiting_review"]
        assert awaiting == {
            "civil_affairs": [{"dataset": "subsidy_recipients", "column": "ext_ref", "reason": api[0]["reason"]}]
        }
        score = client.get("/scorecard", headers={"accept": "text/html"}).text
        assert "ext_ref" in score.split('id="awaiting-review"')[1].split("</table>")[0] and "待审核字段" in score
        page = client.post("/officers/login", data={"token": officer}, follow_redirects=True)
        assert page.status_code == 200 and 'id="review-queue"' in page.text
        queue_html = page.text.split('id="review-queue"')[1].split("</table>")[0]
        assert "ext_ref" in queue_html and "待审核" in queue_html and "自动识别未能确认" in queue_html
        csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
        form = {"column": "ext_ref", "level": "personal", "reason": "先按个人信息处理", "csrf": csrf}
        done = client.post("/officers/reviews/civil_affairs/subsidy_recipients", data=form)
        assert done.status_code == 200 and "下次运行时生效" in done.text
        score = client.get("/scorecard", headers={"accept": "text/html"}).text
        assert 'id="awaiting-review"' not in score  # decided by an officer: no longer awaiting
        assert client.get("/api/scorecard").json()["awaiting_review"] == {}
    assert review_queue()[0]["reviewed"] == "wang.officer: personal"

    args = ["--column", "ext_ref", "--level", "none", "--by", "王审核", "--reason", "旧系统业务参考号，不指向个人"]
    assert main(["review", "civil_affairs.subsidy_recipients", *args]) == 0
    assert review_queue()[0]["reviewed"] == "王审核: none"

    second = {o.dataset: o for o in run_departments(["civil_affairs"], progress=False)}
    released = second["subsidy_recipients"].columns
    assert released is not None and released["ext_ref"] == "published"
    v2 = pq.read_table(folder / "v000002.parquet")
    source = sqlite3.connect(fresh_home / "sources" / "civil_affairs" / "civil.db")
    refs = {r for (r,) in source.execute("SELECT ext_ref FROM subsidy")}
    source.close()
    assert set(v2.column("ext_ref").to_pylist()) <= refs and v2.num_rows > 1000
    assert review_queue() == []
