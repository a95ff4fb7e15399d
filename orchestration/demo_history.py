"""The demo's history: a few earlier runs of every demo department, so that after `make demo` the
officers' trend charts (scorecard, quality per dataset) and the version diffs show something.

Deterministic: round ``k`` runs the pipeline on the sources as they were then
(``orchestration.demo.generate(variant=k)``: a fixed subset of today's rows), as versions 1..3,
each run then moved to its place in time by :func:`catalog.publish.backdate_run`: the last three
02:00 UTC runs of the departments' usual schedule (:func:`history_times`; the latest 02:00 at least
an hour ago is round 3). They are offsets from now rather than calendar dates, so that today's run
follows the history at the departments' daily cadence whenever the demo runs (within 25 hours of
round 3: a daily dataset's run is on time in the scorecard also in the afternoon, when the 02:00 of
the day before lies more than 36 hours back). History is added once, to a catalog with nothing published.
The rounds run the five stages in this process (:func:`orchestration.pipeline.run_dataset`, without
Great Expectations Data Docs: the officers' reports show today's run), not through Airflow: Airflow
runs today's round, as `pubdata run` does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable

from core.clock import utcnow

__all__ = ["HISTORY_DAYS", "add_history", "history_times"]

#: days before the next scheduled run (02:00 UTC) of the history rounds, oldest first (round 1, 2, 3)
HISTORY_DAYS = (3, 2, 1)
_SCHEDULE_HOUR = 2


def history_times(now: dt.datetime) -> list[dt.datetime]:
    """When the history rounds ran (naive UTC, oldest first): 02:00 of the last days, the latest
    02:00 at least an hour before ``now`` being the last round."""
    latest = now.replace(hour=_SCHEDULE_HOUR, minute=0, second=0, microsecond=0)
    if latest + dt.timedelta(hours=1) > now:
        latest -= dt.timedelta(days=1)
    return [latest + dt.timedelta(days=1 - days) for days in HISTORY_DAYS]


def add_history(say: Callable[[str], None] = print, only: list[str] | None = None) -> int:
    """Run the history rounds into an empty catalog; return how many were added (0 if it had data).
    ``only``: these departments (default: every valid manifest)."""
    from catalog.publish import backdate_run, has_versions
    from orchestration.demo import generate, serve_http_sources, sources_dir
    from orchestration.pipeline import run_dataset
    from quality.validate import FRESHNESS_HOURS
    from warehouse.manifest import load_all

    if has_versions():
        return 0
    departments, _ = load_all()
    departments = [d for d in departments if not only or d.id in only]
    previous: dt.datetime | None = None
    try:
        for k, when in enumerate(history_times(utcnow()), start=1):
            run_id = f"scheduled__{when:%Y-%m-%dT%H:%M:%S}+00:00"
            generate(variant=k)
            published = 0
            with contextlib.ExitStack() as stack:
                with contextlib.suppress(OSError):  # port taken: someone else serves the demo's HTTP source
                    stack.enter_context(serve_http_sources(sources_dir()))
                for dept in departments:
                    for ds in dept.datasets:
                        try:
                            out = run_dataset(dept.id, ds.id, run_id, build_docs=False)
                            published += bool(out.get("version"))
                        except Exception:  # recorded in the catalog as the run's outcome
                            pass
            on_time = {}
            if previous is not None:
                gap = (when - previous).total_seconds() / 3600
                on_time = {
                    (dept.id, ds.id): gap <= FRESHNESS_HOURS.get(ds.update_frequency, float("inf"))
                    for dept in departments
                    for ds in dept.datasets
                }
            backdate_run(run_id, when, on_time)
            previous = when
            say(f"history round {k}/{len(HISTORY_DAYS)} ({when:%Y-%m-%d}): {published} datasets published")
    finally:
        generate()  # today's sources, whatever happened
    return len(HISTORY_DAYS)
