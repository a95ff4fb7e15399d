"""Working-day deadlines follow the State Council's holiday calendar (data), make-up days included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core import ConfigError
from core.workdays import calendar, load

D = dt.date


def test_ten_working_days_skip_weekends() -> None:
    cal = calendar()
    assert cal.known(2026)
    # filed Monday 2026-12-07: ten working days later is Monday 2026-12-21
    assert cal.add_working_days(D(2026, 12, 7), 10) == D(2026, 12, 21)


def test_national_day_week_is_not_counted_and_make_up_saturday_is() -> None:
    cal = calendar()
    # Wednesday 2026-09-30: Oct 1-7 are holidays, Saturday Oct 10 is a working day (调休上班)
    assert not cal.is_working_day(D(2026, 10, 5))
    assert cal.is_working_day(D(2026, 10, 10))
    assert cal.add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 10)
    # Sunday 2026-09-20 is worked too
    assert cal.add_working_days(D(2026, 9, 18), 1) == D(2026, 9, 20)


def test_deadline_is_the_end_of_the_local_day_in_utc() -> None:
    cal = calendar()
    # 23:30 UTC on Sunday 2026-12-06 is already Monday 07:30 in Beijing: Monday is the filing day
    due = cal.deadline(dt.datetime(2026, 12, 6, 23, 30), 10)
    assert due == dt.datetime(2026, 12, 21, 16, 0)  # 2026-12-22 00:00 +08:00
    assert cal.working_days_between(dt.datetime(2026, 12, 7, 1), dt.datetime(2026, 12, 9, 1)) == 2


def test_a_year_needs_its_source_and_ranges_must_be_dates(tmp_path: Path) -> None:
    bad = tmp_path / "h.yaml"
    bad.write_text("years:\n  2027:\n    holidays: [2027-01-01]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="source"):
        load(bad)
    bad.write_text("years:\n  2027:\n    source: x\n    holidays: [2027-01-09..2027-01-01]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ends before it starts"):
        load(bad)
