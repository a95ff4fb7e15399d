"""The garbage collector during a run (orchestration.collector): off while the libraries load,
back on for the stages, with what the imports left frozen out of its work."""

from __future__ import annotations

import gc
import sys
import types
from collections.abc import Iterator

import pytest

from orchestration import collector


@pytest.fixture
def clean_gc() -> Iterator[None]:
    was = gc.isenabled()
    try:
        yield
    finally:
        collector.release()
        if was:
            gc.enable()


def test_hold_stops_collection_until_a_stage_settles_it(clean_gc: None) -> None:
    gc.enable()
    collector.hold()
    assert not gc.isenabled(), "no automatic collections while the libraries load"
    collector.settle()
    assert gc.isenabled(), "the stages run with the collector on"


def test_settle_freezes_only_after_new_imports(clean_gc: None, monkeypatch: pytest.MonkeyPatch) -> None:
    freezes = []
    real_freeze = gc.freeze

    def counted_freeze() -> None:  # the real freeze, counted (a frozen object may still die,
        freezes.append(1)  # so the permanent generation's size is no measure of "nothing frozen")
        real_freeze()

    monkeypatch.setattr(gc, "freeze", counted_freeze)
    collector.settle()
    frozen = gc.get_freeze_count()
    before = len(freezes)
    collector.settle()
    assert len(freezes) == before, "nothing imported since: nothing new is frozen"
    monkeypatch.setitem(sys.modules, "pubdata_test_loaded_module", types.ModuleType("pubdata_test_loaded_module"))
    keep = [object() for _ in range(10)]  # alive now, like a library's objects
    collector.settle()
    assert gc.get_freeze_count() > frozen, "what a new import left alive is frozen"
    assert keep


def test_a_disabled_collector_is_left_disabled(clean_gc: None) -> None:
    gc.disable()
    collector.hold()
    collector.settle()
    assert not gc.isenabled(), "hold/settle never turn on a collector someone else turned off"
