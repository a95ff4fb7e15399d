"""Working days (工作日) for deadlines: Monday-Friday, minus public holidays, plus make-up days.

The calendar is data: ``policy/holidays_cn.yaml`` (setting ``PUBDATA_HOLIDAYS``) lists, per year,
the State Council's holidays and the weekend days worked in exchange (调休上班), with the notice
each year comes from. A year the file does not list counts Monday-Friday only
(:func:`Calendar.known` says which years are covered). Dates are local: the catalog's naive UTC
timestamps are shifted by the file's ``utc_offset_hours`` (8: China has no daylight saving).
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core._errors import ConfigError
from core.settings import path_setting

__all__ = ["Calendar", "calendar"]


def _dates(item: Any, where: str) -> list[_dt.date]:
    if isinstance(item, _dt.date):
        return [item]
    text = str(item).strip()
    first, dots, last = text.partition("..")
    try:
        start = _dt.date.fromisoformat(first.strip())
        end = _dt.date.fromisoformat(last.strip()) if dots else start
    except ValueError:
        raise ConfigError(f"{where}: {text[:40]!r} is not a date or a range DATE..DATE") from None
    if end < start:
        raise ConfigError(f"{where}: range {text[:40]!r} ends before it starts")
    return [start + _dt.timedelta(days=i) for i in range((end - start).days + 1)]


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[_dt.date] = frozenset()
    workdays: frozenset[_dt.date] = frozenset()
    years: dict[int, str] = field(default_factory=dict)
    utc_offset: _dt.timedelta = _dt.timedelta(hours=8)

    def known(self, year: int) -> bool:
        """Whether the file lists the holidays of ``year``."""
        return year in self.years

    def is_working_day(self, day: _dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def local_date(self, utc: _dt.datetime) -> _dt.date:
        """The local calendar day of a naive UTC timestamp."""
        return (utc + self.utc_offset).date()

    def add_working_days(self, start: _dt.date, n: int) -> _dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself does not count)."""
        day = start
        left = n
        while left > 0:
            day += _dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def deadline(self, filed_utc: _dt.datetime, n: int) -> _dt.datetime:
        """End (local midnight, as naive UTC) of the ``n``-th working day after the filing day."""
        due_day = self.add_working_days(self.local_date(filed_utc), n)
        return _dt.datetime.combine(due_day + _dt.timedelta(days=1), _dt.time()) - self.utc_offset

    def working_days_between(self, start_utc: _dt.datetime, end_utc: _dt.datetime) -> int:
        """Working days after the start day up to and including the end day (0: answered the same day)."""
        a, b = self.local_date(start_utc), self.local_date(end_utc)
        n = 0
        day = a
        while day < b:
            day += _dt.timedelta(days=1)
            if self.is_working_day(day):
                n += 1
        return n


def load(path: Path) -> Calendar:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(
            f"holiday calendar {path}: cannot read ({exc.__class__.__name__})",
            hint="set PUBDATA_HOLIDAYS to the holidays file",
        ) from None
    except yaml.YAMLError:
        raise ConfigError(f"holiday calendar {path}: not valid YAML") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("years", {}), dict):
        raise ConfigError(f"holiday calendar {path}: expected utc_offset_hours and years: {{YEAR: ...}}")
    holidays: set[_dt.date] = set()
    workdays: set[_dt.date] = set()
    years: dict[int, str] = {}
    for year, spec in (raw.get("years") or {}).items():
        where = f"holiday calendar {path.name}, year {year}"
        if not isinstance(spec, dict) or not str(spec.get("source") or "").strip():
            raise ConfigError(f"{where}: each year needs a source (the notice it comes from)")
        years[int(year)] = str(spec["source"])
        for item in spec.get("holidays") or []:
            holidays.update(_dates(item, where))
        for item in spec.get("workdays") or []:
            workdays.update(_dates(item, where))
    clash = holidays & workdays
    if clash:
        raise ConfigError(f"holiday calendar {path.name}: {min(clash)} is both a holiday and a working day")
    offset = raw.get("utc_offset_hours", 8)
    if not isinstance(offset, int | float) or not -14 <= offset <= 14:
        raise ConfigError(f"holiday calendar {path.name}: utc_offset_hours must be a number of hours")
    return Calendar(frozenset(holidays), frozenset(workdays), years, _dt.timedelta(hours=offset))


@functools.cache
def _cached(path: Path, mtime: float) -> Calendar:
    return load(path)


def calendar() -> Calendar:
    """The calendar of setting ``PUBDATA_HOLIDAYS`` (re-read when the file changes)."""
    path = path_setting("PUBDATA_HOLIDAYS")
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _cached(path, mtime)
