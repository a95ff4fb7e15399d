"""In-process rate limits: one token bucket per key (a token id, or a keyed hash of a client address).

A limit is ``BURST/SECONDS``: a key may spend BURST at once, and its bucket refills at BURST per
SECONDS (``5/3600``: five at once, then one every twelve minutes). Limits are settings
(:mod:`core.settings`); :func:`limiter` gives the one shared :class:`RateLimiter` of a setting.

    from portal.ratelimit import client_key, limiter
    wait = limiter("PUBDATA_APPLY_LIMIT").take(f"token:{token.id}")
    if wait:
        ...  # refuse with 429 and Retry-After: ceil(wait)

Client addresses are never kept: :func:`client_key` is an HMAC of the address under a key that
lives only in this process's memory, so nothing written anywhere can be turned back into an
address. Buckets live in memory (per portal process) and the least recently used are forgotten
beyond ``max_keys``; a forgotten bucket is a full one, so forgetting never blocks anyone.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from core import ConfigError
from core.settings import get_setting

__all__ = ["RateLimiter", "client_key", "limiter", "parse_limit", "retry_after"]

_CLIENT_KEY = secrets.token_bytes(32)


def parse_limit(text: str, *, name: str = "limit") -> tuple[float, float]:
    """``"BURST/SECONDS"`` -> ``(burst, seconds)``."""
    burst, slash, seconds = text.partition("/")
    try:
        b, s = float(burst), float(seconds)
    except ValueError:
        b = s = -1.0
    if not slash or b < 1 or s <= 0:
        raise ConfigError(
            f"{name}={text!r} is not a limit", hint=f"write {name} as BURST/SECONDS, e.g. 5/3600 (five per hour)"
        )
    return b, s


class RateLimiter:
    """Token buckets: ``burst`` tokens per key, refilled at ``burst / seconds`` per second."""

    def __init__(
        self, burst: float, seconds: float, *, max_keys: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = float(burst)
        self.rate = float(burst) / float(seconds)
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)
        self._lock = threading.Lock()

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - at) * self.rate)

    def take(self, key: str, cost: float = 1.0) -> float:
        """Spend ``cost`` from ``key``'s bucket. Returns 0.0 when allowed, else the seconds until
        it would be (nothing is spent then)."""
        now = self.clock()
        with self._lock:
            tokens = self._level(key, now)
            if tokens < cost:
                self._buckets[key] = (tokens, now)
                self._buckets.move_to_end(key)
                return (cost - tokens) / self.rate
            self._buckets[key] = (tokens - cost, now)
            self._buckets.move_to_end(key)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            return 0.0

    def left(self, key: str) -> float:
        """Tokens ``key`` could spend now."""
        with self._lock:
            return self._level(key, self.clock())


_LIMITERS: dict[str, tuple[str, RateLimiter]] = {}
_LIMITERS_LOCK = threading.Lock()


def limiter(setting: str) -> RateLimiter:
    """The process-wide limiter of a ``BURST/SECONDS`` setting (rebuilt if the setting changes)."""
    value = get_setting(setting)
    with _LIMITERS_LOCK:
        known = _LIMITERS.get(setting)
        if known is None or known[0] != value:
            known = (value, RateLimiter(*parse_limit(value, name=setting)))
            _LIMITERS[setting] = known
        return known[1]


def client_key(scope: Any) -> str:
    """A key for the client of an ASGI ``scope`` (or a Starlette ``Request``): a keyed hash of its
    address, never the address."""
    scope = getattr(scope, "scope", scope)
    client = scope.get("client") or ("unknown", 0)
    digest = hmac.new(_CLIENT_KEY, str(client[0]).encode(), hashlib.sha256).hexdigest()[:20]
    return f"client:{digest}"


def retry_after(wait: float) -> str:
    """The ``Retry-After`` header value (whole seconds, at least 1) for a wait."""
    return str(max(1, math.ceil(wait)))
