"""Quotas and rate limits on downloads, datastore, verification and query calls.

Limits are data: the ``quotas`` section of the policy (``policy/negative_list.yaml``, documented
in ``policy/README.md``): calls per window per service, one figure for anonymous clients and a
larger one for token holders. A caller is its token (``token:<id>``) when it presents a valid
one, else its client address — kept only as a keyed hash (HMAC-SHA256 with the platform's
``client-address`` service key, first 16 hex characters), never the raw address. Beyond the
limit the answer is 429 with ``Retry-After`` (seconds to the window's end) and a CKAN-style JSON
error. ``GET /api/quota`` shows the caller its limits and what it has used.

Counters are fixed windows kept in a small SQLite file under ``PUBDATA_HOME``
(``run/quota.sqlite``: service, caller key, window start, calls), so that the portal's worker
processes (``PUBDATA_PORTAL_WORKERS``) count one caller's calls together; each call is one short
``BEGIN IMMEDIATE`` transaction. Portals on other machines each count their own share.
"""

from __future__ import annotations

import functools
import hmac
import sqlite3
import threading
import time
from hashlib import sha256
from typing import Any

from fastapi import APIRouter, Request

from catalog import tokens
from portal.access import optional_token, presented_secret
from privacy.policy.services import QuotaService

__all__ = ["QuotaExceeded", "caller", "check", "limits", "router", "usage"]

router = APIRouter()
_MAX_KEYS = 100_000
_PRUNE_EVERY = 1000  # calls of this process between removals of windows that have ended


class _Counters:
    """Fixed-window call counters in ``$PUBDATA_HOME/run/quota.sqlite``, shared by processes."""

    def __init__(self) -> None:
        self._local = threading.local()  # one connection per thread and file
        self._calls = 0
        self._turn = threading.Lock()  # one counting transaction of this process at a time

    def _con(self) -> sqlite3.Connection:
        from core import home

        path = home() / "run" / "quota.sqlite"
        cons = getattr(self._local, "cons", None)
        if cons is None:
            cons = self._local.cons = {}
        con = cons.get(path)
        if con is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = OFF")  # counters need no durability across a crash
            con.execute(
                "CREATE TABLE IF NOT EXISTS counts (service TEXT NOT NULL, caller TEXT NOT NULL, "
                "start REAL NOT NULL, calls INTEGER NOT NULL, PRIMARY KEY (service, caller))"
            )
            cons[path] = con
        return con

    def hit(self, service: str, who: str, window: float, limit: int) -> int | None:
        """Count one call unless the caller's window is used up; returns None (counted) or the
        seconds until the window ends (refused, not counted)."""
        con = self._con()
        # the threads of this process take turns here, not in SQLite: a connection that finds the
        # file locked sleeps in SQLite's busy handler (1, 2, 5, 10, ... ms, longer than the
        # transaction) -- with 8 concurrent datastore calls that sleep was the p99 of a filtered query
        with self._turn:
            return self._hit(con, service, who, window, limit)

    def _hit(self, con: sqlite3.Connection, service: str, who: str, window: float, limit: int) -> int | None:
        now = time.time()
        con.execute("BEGIN IMMEDIATE")
        try:
            row = con.execute(
                "SELECT start, calls FROM counts WHERE service = ? AND caller = ?", (service, who)
            ).fetchone()
            start, calls = row if row else (now, 0)
            if now - start >= window or start > now:  # the window ended (or the clock went back)
                start, calls = now, 0
            if calls >= limit:
                con.execute("ROLLBACK")
                return max(1, int(window - (now - start) + 0.999))
            con.execute(
                "INSERT INTO counts VALUES (?, ?, ?, ?) ON CONFLICT (service, caller) "
                "DO UPDATE SET start = excluded.start, calls = excluded.calls",
                (service, who, start, calls + 1),
            )
            self._calls += 1
            if self._calls % _PRUNE_EVERY == 0:
                con.execute("DELETE FROM counts WHERE ? - start >= ?", (now, window))
                if con.execute("SELECT count(*) FROM counts").fetchone()[0] >= _MAX_KEYS:
                    con.execute("DELETE FROM counts")  # bounded; a reset only ever grants more calls
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return None

    def used(self, service: str, who: str, window: float) -> tuple[float, int]:
        """(seconds since the window started, calls in it) of a caller."""
        now = time.time()
        row = (
            self._con()
            .execute("SELECT start, calls FROM counts WHERE service = ? AND caller = ?", (service, who))
            .fetchone()
        )
        if not row or now - row[0] >= window or row[0] > now:
            return 0.0, 0
        return now - row[0], int(row[1])

    def clear(self) -> None:
        """Forget every count (of the current ``PUBDATA_HOME``)."""
        self._con().execute("DELETE FROM counts")


_COUNTS = _Counters()


class QuotaExceeded(Exception):
    def __init__(self, service: str, limit: int, retry_after: int, who: str) -> None:
        super().__init__(f"quota exceeded: {limit} {service} calls per window for this {who}")
        self.service = service
        self.limit = limit
        self.retry_after = retry_after
        self.message = str(self)


def limits() -> Any:
    """The policy's ``quotas`` section (cached while the file is unchanged)."""
    return _quotas()


def _quotas() -> Any:
    from privacy.policy import current_policy

    return current_policy().quotas


@functools.cache
def _address_key(keys_dir: str) -> bytes:
    from privacy.keys import KeyStore

    return KeyStore().service_key("client-address")


def client_hash(request: Request) -> str:
    """A keyed hash of the client's address (the address itself is never kept)."""
    host = request.client.host if request.client else "unknown"
    from core.settings import path_setting

    key = _address_key(str(path_setting("PUBDATA_KEYS_DIR")))
    return hmac.new(key, host.encode(), sha256).hexdigest()[:16]


def caller(request: Request) -> tuple[str, bool]:
    """``(key, has_token)``: ``token:<id>`` for a valid token, else ``client:<keyed hash>``.

    Counting never refuses: a token that is malformed, unknown, revoked or expired counts as no
    token here (and is not audited here); the route's own access check decides what it means
    (open data ignores it, anything else answers 401/403 and audits the refusal once)."""
    token = request.scope.get("pubdata.token")
    if token is None:
        secret = presented_secret(request)
        token = tokens.check(secret[:200])[0] if secret is not None else None
    if token:
        return f"token:{token.id}", True
    return f"client:{client_hash(request)}", False


def check(request: Request, service: QuotaService) -> None:
    """Count one ``service`` call of the caller; :class:`QuotaExceeded` beyond its limit."""
    q = _quotas()
    who, with_token = caller(request)
    limit = q.limit(service, with_token=with_token)
    retry = _COUNTS.hit(service, who, q.window_seconds, limit)
    if retry is not None:
        raise QuotaExceeded(service, limit, retry, "token" if with_token else "client")


def usage(request: Request) -> dict[str, Any]:
    """The caller's limits and use in the current window, per service."""
    q = _quotas()
    who, with_token = caller(request)
    out = {}
    for service in q.limits:
        elapsed, calls = _COUNTS.used(service, who, q.window_seconds)
        limit = q.limit(service, with_token=with_token)
        out[service] = {
            "limit": limit,
            "used": calls,
            "remaining": max(0, limit - calls),
            "resets_in": max(0, int(q.window_seconds - elapsed)),
        }
    return {
        "caller": "token" if with_token else "client",
        "window_seconds": q.window_seconds,
        "services": out,
        "verify_batch_max": q.verify_batch_max,
        "grant_calls_per_day": q.grant_calls_per_day,
    }


@router.get(
    "/api/quota",
    tags=["sharing services"],
    summary="Your quotas: calls per window per service (larger with a token) and what you have used",
)
def quota(request: Request) -> dict[str, Any]:
    out = usage(request)
    token = optional_token(request)
    if token is not None and token.kind == "department":
        from catalog.grants import list_grants

        out["grants"] = [
            {
                "grant_id": g["id"],
                "dataset": f"{g['department_id']}.{g['dataset_id']}",
                "services": g["services"],
                "calls_per_day": g["calls_per_day"] or out["grant_calls_per_day"],
                "budget": None
                if g["epsilon_total"] is None
                else {
                    "total": g["epsilon_total"],
                    "spent": g["epsilon_spent"],
                    "remaining": max(0.0, g["epsilon_total"] - g["epsilon_spent"]),
                },
            }
            for g in list_grants(token.department_id)
            if g["recipient"] == token.department_id and g["active"]
        ]
    return out
