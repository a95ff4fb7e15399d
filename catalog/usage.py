"""Use of the published data: download counters per dataset version and format, buffered.

Downloads are counted in memory (:data:`COUNTER`) and written to the catalog's
``download_counts`` in one transaction per ``PUBDATA_COUNT_FLUSH_SECONDS`` (by the thread of
:func:`start_flusher`, which the portal runs for its lifetime) and at shutdown -- never one catalog
write per request. Readers add what is still pending (:func:`pending`), so a count shows at once.
What counts as one download is the caller's rule (the portal: a GET that receives the whole file).

The same counter can buffer other usage figures later (it is keyed by anything hashable).
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections import Counter
from typing import Any

from catalog.store import connect
from core import home
from core.clock import utcnow
from warehouse.storage import is_distributed

__all__ = ["COUNTER", "DownloadCounter", "count_download", "flush", "pending", "start_flusher"]

Key = tuple[str, str, str, int, str]  # catalog (PUBDATA_HOME), department, dataset, version, format


def _catalog() -> str:
    return str(home())


class DownloadCounter:
    """Counts in memory; :meth:`flush` adds them to the catalog in one transaction."""

    def __init__(self) -> None:
        self._pending: Counter[Key] = Counter()
        self._last: dict[Key, _dt.datetime] = {}
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        #: catalog transactions written so far (what a test or a benchmark can watch)
        self.writes = 0

    def add(self, department: str, dataset: str, version: int, fmt: str, n: int = 1) -> None:
        key = (_catalog(), department, dataset, int(version), fmt)
        with self._lock:
            self._pending[key] += n
            self._last[key] = utcnow()

    def pending(self, department: str, dataset: str) -> dict[int, dict[str, int]]:
        """Counts not yet in the catalog: ``{version: {format: n}}``."""
        out: dict[int, dict[str, int]] = {}
        here = _catalog()
        with self._lock:
            for (cat, dept, ds, version, fmt), n in self._pending.items():
                if cat == here and dept == department and ds == dataset:
                    out.setdefault(version, {})[fmt] = n
        return out

    def flush(self) -> int:
        """Write every pending count of the current catalog (one transaction). Returns how many
        keys were written; on a catalog error the counts stay pending for the next flush."""
        here = _catalog()
        with self._flush_lock:
            with self._lock:
                batch = {k: n for k, n in self._pending.items() if k[0] == here}
                last = {k: self._last[k] for k in batch}
                for k in batch:
                    del self._pending[k], self._last[k]
            if not batch:
                return 0
            try:
                _write(batch, last)
            except Exception:
                with self._lock:
                    for key, n in batch.items():
                        self._pending[key] += n
                        self._last.setdefault(key, last[key])
                raise
            self.writes += 1
            return len(batch)


def _write(batch: dict[Key, int], last: dict[Key, _dt.datetime]) -> None:
    rows = [[*key[1:], n, last[key]] for key, n in sorted(batch.items())]
    with connect() as con:
        con.execute("BEGIN")
        if not is_distributed():
            con.executemany(
                "INSERT INTO download_counts VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (department_id, dataset_id, version, format) "
                "DO UPDATE SET count = count + excluded.count, last_at = excluded.last_at",
                rows,
            )
        else:  # DuckLake has no keys (no ON CONFLICT); the catalog's writer lock makes this upsert safe
            for *key, n, at in rows:
                hit = con.execute(
                    "SELECT count(*) FROM download_counts WHERE department_id = ? AND dataset_id = ? "
                    "AND version = ? AND format = ?",
                    key,
                ).fetchone()[0]
                if hit:
                    con.execute(
                        "UPDATE download_counts SET count = count + ?, last_at = ? WHERE department_id = ? "
                        "AND dataset_id = ? AND version = ? AND format = ?",
                        [n, at, *key],
                    )
                else:
                    con.execute("INSERT INTO download_counts VALUES (?, ?, ?, ?, ?, ?)", [*key, n, at])
        con.execute("COMMIT")


COUNTER = DownloadCounter()


def count_download(department: str, dataset: str, version: int, fmt: str) -> None:
    """Count one download of a dataset version in a format (buffered)."""
    COUNTER.add(department, dataset, version, fmt)


def pending(department: str, dataset: str) -> dict[int, dict[str, int]]:
    return COUNTER.pending(department, dataset)


def flush() -> int:
    return COUNTER.flush()


class _Flusher:
    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pubdata-count-flusher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import logging

        while not self._stop.wait(self.interval):
            try:
                flush()
            except Exception:  # the counts stay pending; the next round retries
                logging.getLogger("pubdata.portal").warning("download counts not written yet (catalog busy)")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        flush()


def start_flusher(interval: float | None = None) -> Any:
    """A thread flushing the counts every ``PUBDATA_COUNT_FLUSH_SECONDS``; ``.stop()`` ends it
    and writes what is left."""
    from core.settings import float_setting

    return _Flusher(interval if interval is not None else float_setting("PUBDATA_COUNT_FLUSH_SECONDS"))
