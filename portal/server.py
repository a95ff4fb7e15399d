"""The portal's HTTP server configuration (uvicorn), used by ``pubdata serve`` and the tests.

uvicorn's h11 protocol with the server-side limits as settings:

* ``PUBDATA_HEADER_TIMEOUT``: a connection that has not sent a complete request head this many
  seconds after connecting (or after its first byte of the next request on a kept-alive
  connection) is closed -- uvicorn alone keeps a half-sent request head open forever;
* ``PUBDATA_MAX_HEADER_BYTES``: h11's ``max_incomplete_event_size`` (a larger head is refused);
* ``PUBDATA_KEEP_ALIVE_TIMEOUT``: idle keep-alive connections are closed after this;
* ``PUBDATA_TRUSTED_PROXIES``: the only peers whose ``X-Forwarded-For``/``X-Forwarded-Proto`` are
  believed. uvicorn believes them from any loopback peer by default, so a local client (or any client
  behind a proxy that passes the header through) could name itself anew on every request and escape
  the per-client quotas and refusal limits.

Body size and body read time are limited in the application (:mod:`portal.limits`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn import Config
from uvicorn.protocols.http.h11_impl import H11Protocol

from core.settings import float_setting, int_setting, list_setting

__all__ = ["AppFactory", "HeaderTimeoutH11", "PortalConfig", "PortalH11", "serve", "server_config"]


class HeaderTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request head does not arrive in time."""

    header_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._seen_cycle: Any = None
        self._arm()

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _check_cycle(self) -> None:
        if self.cycle is not None and self.cycle is not self._seen_cycle:  # a complete request head arrived
            self._seen_cycle = self.cycle
            self._disarm()

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def data_received(self, data: bytes) -> None:
        if self._waiting_for_head():
            self._arm()
        super().data_received(data)
        self._check_cycle()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._check_cycle()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._waiting_for_head() and not self.transport.is_closing():
            self.transport.close()


class PortalH11(HeaderTimeoutH11):
    """The portal's protocol: the header timeout is the one its server's configuration was made
    with (``PUBDATA_HEADER_TIMEOUT`` when :func:`server_config` ran), so the class can be named by
    import path in a worker process and two servers of one process keep their own timeouts."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        if isinstance(self.config, PortalConfig):
            self.header_timeout = self.config.header_timeout
        super().connection_made(transport)


class PortalConfig(Config):
    """uvicorn's configuration plus the portal's header timeout (pickled with it to workers)."""

    def __init__(self, app: Any, *, header_timeout: float, **kw: Any) -> None:
        super().__init__(app, **kw)
        self.header_timeout = header_timeout


class AppFactory:
    """A picklable factory of the portal application (uvicorn's worker processes are spawned and
    build their own application from it)."""

    def __init__(self, extra_hosts: list[str]) -> None:
        self.extra_hosts = list(extra_hosts)

    def __call__(self) -> Any:
        from portal import create_app

        return create_app(extra_hosts=self.extra_hosts)


def server_config(app: Any, *, host: str = "127.0.0.1", port: int = 8000, **kw: Any) -> Config:
    """The uvicorn configuration of the portal, with every limit from its setting. ``app`` is the
    application, or an :class:`AppFactory` (with ``factory=True``, as worker processes need)."""
    kw.setdefault("log_level", "warning")
    proxies = list_setting("PUBDATA_TRUSTED_PROXIES")
    return PortalConfig(
        app,
        header_timeout=float_setting("PUBDATA_HEADER_TIMEOUT"),
        host=host,
        port=port,
        http="portal.server:PortalH11",
        timeout_keep_alive=int_setting("PUBDATA_KEEP_ALIVE_TIMEOUT"),
        h11_max_incomplete_event_size=int_setting("PUBDATA_MAX_HEADER_BYTES"),
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        **kw,
    )


def serve(host: str, port: int) -> None:
    """Run the portal: ``PUBDATA_PORTAL_WORKERS`` processes on one listening socket (one process:
    in this one)."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    workers = int_setting("PUBDATA_PORTAL_WORKERS")
    if workers <= 1:
        from portal import create_app

        uvicorn.Server(server_config(create_app(extra_hosts=[host]), host=host, port=port)).run()
        return
    config = server_config(AppFactory([host]), host=host, port=port, factory=True, workers=workers)
    Multiprocess(config, sockets=[config.bind_socket()]).run()
