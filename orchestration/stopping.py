"""Stopping a `pubdata run` on SIGTERM or SIGINT (Ctrl-C): promptly, also while Airflow waits to retry.

``dag.test()`` swallows what a task raises (Airflow's task runner catches ``BaseException`` and
sets the task up for retry) and installs its own SIGTERM handler for every task (calling the
operator's ``on_kill``, nothing more), so neither Ctrl-C nor SIGTERM ended a run: it went on
retrying, or waited out the retry back-off. :class:`StopOnSignals` makes a signal stop it:

* its handler records the signal and raises :class:`RunStopped` -- a ``BaseException``, like
  ``KeyboardInterrupt`` -- when the main thread is inside an *interruptible* region
  (:meth:`StopOnSignals.interruptible`: around ``dag.test()``);
* a raise inside a task is swallowed by Airflow (the task fails), so after the first signal a
  watchdog thread nudges the main thread (``SIGUSR1``) every 0.2 s until the exception has left
  ``dag.test()`` -- it then lands in Airflow's scheduling loop, or in its retry wait;
* each pipeline stage calls :func:`reassert` first: Airflow replaced the SIGTERM handler for the
  task; ours is put back, and a stage never starts once a stop was requested.

Outside the interruptible region a signal is only recorded (:meth:`StopOnSignals.check` raises
it at the next safe point), so the clean-up after a stop (marking Airflow's task instances and
the catalog's runs as stopped) is never interrupted itself.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

__all__ = ["RunStopped", "StopOnSignals", "reassert"]

_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_NUDGE = signal.SIGUSR1


class RunStopped(BaseException):
    """A run was stopped by a signal (a ``BaseException``: ``except Exception`` does not catch it)."""

    def __init__(self, signame: str) -> None:
        super().__init__(f"stopped by {signame}")
        self.signame = signame

    @property
    def exit_code(self) -> int:
        return 128 + int(getattr(signal, self.signame))


class _Interruptible:
    def __init__(self, owner: StopOnSignals) -> None:
        self.owner = owner

    def __enter__(self) -> None:
        self.owner.check()
        self.owner.inside = True

    def __exit__(self, *exc: object) -> None:
        self.owner.inside = False  # first statement: the handler never raises in this frame


_ACTIVE: StopOnSignals | None = None


class StopOnSignals:
    """Context manager: SIGTERM/SIGINT stop the run (see the module docstring)."""

    def __init__(self) -> None:
        self.requested: str | None = None
        #: the main thread is inside :meth:`interruptible`
        self.inside = False
        self._settled = threading.Event()
        self._watchdog: threading.Thread | None = None
        self._previous: dict[int, Any] = {}

    # -- installing
    def __enter__(self) -> StopOnSignals:
        global _ACTIVE
        if threading.current_thread() is not threading.main_thread():
            return self  # signals are delivered to the main thread only: nothing to install
        for sig in (*_SIGNALS, _NUDGE):
            self._previous[sig] = signal.signal(sig, self._handler)
        _ACTIVE = self
        return self

    def __exit__(self, *exc: object) -> None:
        global _ACTIVE
        self.inside = False
        self._settled.set()
        if self._watchdog is not None:
            self._watchdog.join(2)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        _ACTIVE = None

    # -- using
    def interruptible(self) -> _Interruptible:
        """A region a signal may interrupt at any point (around ``dag.test()``)."""
        return _Interruptible(self)

    def check(self) -> None:
        """Raise :class:`RunStopped` if a stop was requested (a safe point)."""
        if self.requested:
            raise RunStopped(self.requested)

    def install_term_handler(self) -> None:
        """Put this handler back for SIGTERM (Airflow's task runner replaces it per task)."""
        if signal.getsignal(signal.SIGTERM) != self._handler:
            signal.signal(signal.SIGTERM, self._handler)

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if signum != _NUDGE and not self.requested:
            self.requested = signal.Signals(signum).name
            self._start_watchdog()
        if not self.requested or not self.inside:
            return
        if frame is not None and frame.f_code is _Interruptible.__exit__.__code__:
            return
        raise RunStopped(self.requested)

    def _start_watchdog(self) -> None:
        if self._watchdog is not None:
            return
        main = threading.main_thread().ident

        def nudge() -> None:
            while not self._settled.wait(0.2):
                if self.inside and main is not None:
                    signal.pthread_kill(main, _NUDGE)

        self._watchdog = threading.Thread(target=nudge, name="pubdata-stop-nudge", daemon=True)
        self._watchdog.start()


def reassert() -> None:
    """Called as a pipeline stage starts: restore the stop handler Airflow replaced for this task,
    and stop before the stage does anything if a stop was requested. A no-op outside a run."""
    stop = _ACTIVE
    if stop is None or threading.current_thread() is not threading.main_thread():
        return
    stop.install_term_handler()
    if stop.requested:
        raise RunStopped(stop.requested)
