"""Recording use of the published data, cheaply and without personal data (运营评估's input).

Every use is one call to :func:`record`: what kind (``download``, ``api``, ``datastore``,
``preview``, ``verify``, ``aggregate``, ``harvest``), which action (download format, API action,
...), which dataset and version (none for catalog-wide calls such as ``package_search``), and who
by kind only (``anonymous``, ``department`` with the token's department, ``officer``). The
client's address is turned at once into a keyed hash under a key that lives one day
(:meth:`privacy.keys.KeyStore.daily_key`, replaced and shredded at the first use of the next day)
and is never kept: the hash only counts distinct clients per dataset and day, and at the first
flush of a new day the previous days' hashes are replaced by their counts (``usage_unique``).

Records are counted in memory and written to the catalog in one batch (``usage_daily``: one row
per day, dataset, version, kind, action and consumer, with a count) when the buffer is older than
``PUBDATA_USAGE_FLUSH_SECONDS`` or holds many keys (by a background thread: a request never waits
for the catalog), on :func:`flush` and when the portal stops. Several portal processes each buffer
their own counts; a flush adds to what is stored.

Downloads are counted here too, once: a ``download`` use (or a harvester's ``download:<format>``)
is also added, in the same transaction, to ``download_counts`` (per dataset, version and format:
the counts pages and the CKAN API show), and :meth:`Recorder.pending_downloads` gives what is
still buffered so a count shows at once. There is no second counter: what counts as one download
is the portal's rule (:func:`portal.downloads.whole_file`), applied before the one
:func:`record` call.
"""

from __future__ import annotations

import atexit
import datetime as _dt
import hashlib
import hmac
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from catalog.store import connect
from core.clock import utcnow
from core.settings import get_setting, home, path_setting
from core.sql import scalar
from warehouse.storage import is_distributed

__all__ = ["CONSUMERS", "KINDS", "Recorder", "flush", "record", "recorder"]

KINDS = ("download", "api", "datastore", "preview", "verify", "aggregate", "harvest")
CONSUMERS = ("anonymous", "department", "officer")
MAX_KEYS = 5000  # distinct keys buffered before a flush regardless of age

_Key = tuple[_dt.date, str, str, int, str, str, str, str]
_Download = tuple[str, str, int, str]  # department, dataset, version, format


def download_format(kind: str, action: str) -> str | None:
    """The format of a use that is a download (``download`` of a format, or a harvester's
    ``download:<format>``); None for other uses."""
    if kind == "download":
        return action
    if kind == "harvest" and action.startswith("download:"):
        return action.split(":", 1)[1]
    return None


class Recorder:
    """Counts in memory, flushed to ``usage_daily`` / ``usage_clients`` in batches. Buffers are
    kept per catalog (PUBDATA_HOME at the time of the use), so a batch lands where its uses were."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._counts: dict[Path, Counter[_Key]] = {}
        self._clients: dict[Path, set[tuple[_dt.date, str, str, str]]] = {}
        self._oldest: dict[Path, float] = {}  # per catalog: when its oldest unwritten use came
        #: per catalog: the counts a flush is writing (still shown until its transaction is done)
        self._in_flight: dict[Path, Counter[_Key]] = {}
        self._last_download: dict[Path, dict[_Download, _dt.datetime]] = {}  # download_counts.last_at
        self._day_key: tuple[_dt.date, Path, bytes] | None = None
        self._timer: threading.Thread | None = None
        self._wake = threading.Event()

    def _client_hash(self, day: _dt.date, address: str) -> str:
        root = path_setting("PUBDATA_KEYS_DIR")
        if self._day_key is None or self._day_key[:2] != (day, root):
            from privacy.keys import KeyStore

            self._day_key = (day, root, KeyStore(root).daily_key("usage_clients", day.isoformat()))
        return hmac.new(self._day_key[2], address.encode("utf-8"), hashlib.sha256).hexdigest()[:24]

    def record(
        self,
        kind: str,
        *,
        action: str = "",
        department: str = "",
        dataset: str = "",
        version: int | None = None,
        consumer: str = "anonymous",
        consumer_department: str = "",
        client: str | None = None,
        count: int = 1,
    ) -> None:
        """Count one use (``client``: the caller's address, hashed here and never kept)."""
        if kind not in KINDS:
            raise ValueError(f"unknown usage kind {kind!r}")
        if consumer not in CONSUMERS:
            raise ValueError(f"unknown consumer kind {consumer!r}")
        day = _dt.datetime.now(_dt.UTC).date()
        key = (day, department, dataset, int(version or 0), kind, action[:60], consumer, consumer_department or "")
        hashed = self._client_hash(day, client) if client else None
        where = home()
        fmt = download_format(kind, key[5])
        with self._lock:
            counts = self._counts.setdefault(where, Counter())
            counts[key] += count
            if fmt is not None:
                self._last_download.setdefault(where, {})[(department, dataset, key[3], fmt)] = utcnow()
            if hashed:
                self._clients.setdefault(where, set()).add((day, department, dataset, hashed))
            self._oldest.setdefault(where, time.monotonic())
            full = len(counts) >= MAX_KEYS
        self._start_timer()
        if full:  # the timer thread writes (a request never waits for the catalog)
            self._wake.set()

    def _due(self) -> list[Path]:
        """Catalogs whose oldest unwritten use is older than the flush interval (or too many keys)."""
        limit = time.monotonic() - _interval()
        with self._lock:
            return [w for w, t in self._oldest.items() if t <= limit or len(self._counts.get(w, ())) >= MAX_KEYS]

    def pending(self) -> int:
        with self._lock:
            return sum(sum(c.values()) for c in self._counts.values())

    def pending_downloads(self, department: str, dataset: str) -> dict[int, dict[str, int]]:
        """Downloads of a dataset in this catalog not yet written: ``{version: {format: n}}``."""
        out: dict[int, dict[str, int]] = {}
        where = home()
        with self._lock:
            # what a flush is writing counts as buffered until its transaction is done: a page made
            # meanwhile reads the catalog without them (they left the buffer before they are stored)
            buffered = self._counts.get(where, Counter()) + self._in_flight.get(where, Counter())
            for key, n in buffered.items():
                fmt = download_format(key[4], key[5])
                if fmt is not None and key[1] == department and key[2] == dataset:
                    formats = out.setdefault(key[3], {})
                    formats[fmt] = formats.get(fmt, 0) + n
        return out

    def flush(self, catalogs: list[Path] | None = None) -> int:
        """Write what is buffered (one transaction per catalog; all catalogs, or those named);
        returns how many uses were written."""
        with self._flush_lock:
            with self._lock:
                wanted = set(self._oldest) if catalogs is None else set(catalogs) & set(self._oldest)
                counts = {w: self._counts.pop(w) for w in wanted if w in self._counts}
                clients = {w: self._clients.pop(w) for w in wanted if w in self._clients}
                lasts = {w: self._last_download.pop(w) for w in wanted if w in self._last_download}
                for w in wanted:
                    self._oldest.pop(w, None)
                self._in_flight.update(counts)
            written, failed = 0, None
            for where in set(counts) | set(clients):
                c, k = counts.get(where, Counter()), clients.get(where, set())
                last = lasts.get(where, {})
                try:
                    _write(where, c, k, last)
                    written += sum(c.values())
                    with self._lock:
                        self._in_flight.pop(where, None)
                except Exception as exc:
                    failed = exc
                    with self._lock:  # keep them for the next flush
                        self._in_flight.pop(where, None)
                        self._counts.setdefault(where, Counter()).update(c)
                        self._clients.setdefault(where, set()).update(k)
                        kept = self._last_download.setdefault(where, {})
                        for dl, at in last.items():
                            kept.setdefault(dl, at)
                        self._oldest.setdefault(where, time.monotonic())
            if failed is not None:
                raise failed
            return written

    def _start_timer(self) -> None:
        if self._timer is not None and self._timer.is_alive():
            return

        def loop() -> None:
            while True:
                self._wake.wait(max(0.2, min(_interval(), 5.0)))
                self._wake.clear()
                due = self._due()
                if not due:
                    continue
                try:
                    self.flush(due)
                except Exception:  # the catalog is busy: the next round tries again
                    pass

        self._timer = threading.Thread(target=loop, name="pubdata-usage-flush", daemon=True)
        self._timer.start()


def _interval() -> float:
    try:
        return float(get_setting("PUBDATA_USAGE_FLUSH_SECONDS"))
    except ValueError:
        return 30.0


def _downloads(counts: Counter[_Key], last: dict[_Download, _dt.datetime]) -> list[list[Any]]:
    """``download_counts`` rows (department, dataset, version, format, count, last_at) of a batch."""
    summed: Counter[_Download] = Counter()
    for key, n in counts.items():
        fmt = download_format(key[4], key[5])
        if fmt is not None:
            summed[(key[1], key[2], key[3], fmt)] += n
    now = utcnow()
    return [[*dl, n, last.get(dl, now)] for dl, n in sorted(summed.items())]


def _write_downloads(con: Any, rows: list[list[Any]]) -> None:
    if not rows:
        return
    if not is_distributed():
        con.executemany(
            "INSERT INTO download_counts VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (department_id, dataset_id, version, format) "
            "DO UPDATE SET count = count + excluded.count, last_at = excluded.last_at",
            rows,
        )
        return
    cond = "department_id = ? AND dataset_id = ? AND version = ? AND format = ?"
    for *key, n, at in rows:  # DuckLake has no keys: the catalog's writer lock makes this upsert safe
        if scalar(con, f"SELECT count(*) FROM download_counts WHERE {cond}", key):
            con.execute(f"UPDATE download_counts SET count = count + ?, last_at = ? WHERE {cond}", [n, at, *key])
        else:
            con.execute("INSERT INTO download_counts VALUES (?, ?, ?, ?, ?, ?)", [*key, n, at])


def _write(
    where: Path,
    counts: Counter[_Key],
    clients: set[tuple[_dt.date, str, str, str]],
    last: dict[_Download, _dt.datetime],
) -> None:
    today = _dt.datetime.now(_dt.UTC).date()
    rows = [[*k, n] for k, n in counts.items()]
    with connect(home_dir=where) as con:
        con.execute("BEGIN")
        _write_downloads(con, _downloads(counts, last))
        if not is_distributed():
            if rows:
                con.executemany(
                    "INSERT INTO usage_daily VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                    "(day, department_id, dataset_id, version, kind, action, consumer, consumer_department) "
                    "DO UPDATE SET count = count + excluded.count",
                    rows,
                )
            if clients:
                con.executemany("INSERT OR IGNORE INTO usage_clients VALUES (?, ?, ?, ?)", [list(c) for c in clients])
        else:  # DuckLake has no keys: the catalog's writer lock makes these upserts safe
            for row in rows:
                cond = (
                    "day = ? AND department_id = ? AND dataset_id = ? AND version = ? AND kind = ? AND action = ? "
                    "AND consumer = ? AND consumer_department = ?"
                )
                hit = scalar(con, f"SELECT count(*) FROM usage_daily WHERE {cond}", row[:8])
                if hit:
                    con.execute(f"UPDATE usage_daily SET count = count + ? WHERE {cond}", [row[8], *row[:8]])
                else:
                    con.execute("INSERT INTO usage_daily VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            for c in clients:
                cond = "day = ? AND department_id = ? AND dataset_id = ? AND client = ?"
                if not scalar(con, f"SELECT count(*) FROM usage_clients WHERE {cond}", list(c)):
                    con.execute("INSERT INTO usage_clients VALUES (?, ?, ?, ?)", list(c))
        _roll_up(con, today)
        con.execute("COMMIT")


def _roll_up(con: Any, today: _dt.date) -> None:
    """Earlier days' client hashes become counts: no hash outlives its day."""
    old = con.execute(
        "SELECT day, department_id, dataset_id, count(*) FROM usage_clients WHERE day < ? GROUP BY ALL", [today]
    ).fetchall()
    for day, dept, ds, n in old:
        where = "day = ? AND department_id = ? AND dataset_id = ?"
        hit = scalar(con, f"SELECT count(*) FROM usage_unique WHERE {where}", [day, dept, ds])
        if hit:
            con.execute(f"UPDATE usage_unique SET clients = clients + ? WHERE {where}", [n, day, dept, ds])
        else:
            con.execute("INSERT INTO usage_unique VALUES (?, ?, ?, ?)", [day, dept, ds, n])
    if old:
        con.execute("DELETE FROM usage_clients WHERE day < ?", [today])


_RECORDER = Recorder()


def recorder() -> Recorder:
    return _RECORDER


def record(kind: str, **fields: Any) -> None:
    """Count one use in this process's recorder (see :meth:`Recorder.record`)."""
    _RECORDER.record(kind, **fields)


def flush() -> int:
    return _RECORDER.flush()


@atexit.register
def _flush_at_exit() -> None:
    try:
        _RECORDER.flush()
    except Exception:
        pass
