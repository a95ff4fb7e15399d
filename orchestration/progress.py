"""Progress events from pipeline stages, for whoever shows them (the CLI's live display)."""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str, str, str, str, str], None]  # department, dataset, stage, status, detail
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def emit(department: str, dataset: str, stage: str, status: str, detail: str = "") -> None:
    for listener in list(_listeners):
        listener(department, dataset, stage, status, detail)
