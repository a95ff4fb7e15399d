"""Searches relative to the clock (Solr date math on NOW) answer for the moment they are asked."""

from __future__ import annotations

import datetime as dt
import time

from core.clock import utcnow
from portal import ckan_query
from portal.common import search
from portal.state import State


def _state(published_at: dt.datetime) -> State:
    d = {
        "department_id": "ecology",
        "dataset_id": "air",
        "title": "空气质量",
        "published_at": published_at,
        "updated_at": published_at,
        "registered_at": published_at,
    }
    st = State(datasets=[d], departments=[], versions={}, columns={}, runs={}, downloads={})
    st.by_key = {("ecology", "air"): d}
    return st


def test_now_is_the_instant_not_the_second() -> None:
    """A dataset published earlier in the same second is modified before NOW (NOW/SECOND rounds down)."""
    now = dt.datetime(2026, 12, 7, 15, 0, 0, 700_000)
    assert ckan_query.parse_date("NOW", now) == now
    assert ckan_query.parse_date("NOW/SECOND", now) == dt.datetime(2026, 12, 7, 15, 0, 0)
    assert ckan_query.parse_date("NOW-1DAY/DAY", now) == dt.datetime(2026, 12, 6)


def test_a_clock_relative_search_is_not_answered_from_an_older_moment() -> None:
    """The same catalog state lives as long as nothing changes; an answer to
    ``metadata_modified:[* TO NOW]`` given before a dataset's time must not be given again after it."""
    st = _state(utcnow() + dt.timedelta(seconds=1.5))
    assert search(st, None, fq="metadata_modified:[* TO NOW]", strict=True) == []
    time.sleep(2)  # the dataset's time passes; the catalog (and so the state) does not change
    found = search(st, None, fq="metadata_modified:[* TO NOW]", strict=True)
    assert [d["dataset_id"] for d, _ in found] == ["air"]
    # answers that do not depend on the clock are kept on the state as before
    fixed = "metadata_modified:[2000-01-01T00:00:00Z TO *]"
    assert [d["dataset_id"] for d, _ in search(st, None, fq=fixed, strict=True)] == ["air"]
    kept = vars(st).get("_searches", {})
    assert kept and all("NOW" not in (key[2] or "") for key in kept)
