"""Python's garbage collector during a run: not while the libraries load, and never again over them.

A ``pubdata run`` process holds ~600,000 objects once Airflow, its execution API, Great
Expectations and Presidio are imported; almost all of them (modules, classes, functions, pydantic
and SQLAlchemy models) live until the process ends. Every full collection walks all of them:
measured on a 20-dataset run (load ~6), 9 full collections took 3.5 s of wall time, seven of them
during the start-up (imports, DAG parse, execution API, ``dag.test()``'s set-up), where they found
5–110 dead objects each.

:func:`hold` turns automatic collection off for the start-up; :func:`settle`, called by the stage
tasks after each dataset's stage, *freezes* what is alive whenever modules were imported since the
last time (:func:`gc.freeze`: those objects are left out of every later collection; the libraries
a stage imports for its first dataset are frozen after it) and turns collection back on. The data
work's own objects (frames, tables, validation results) are collected as before. What is frozen
stays in memory: the imported libraries, which stay anyway, and whatever cyclic garbage existed at
that moment (a few hundred objects at each freeze, once per batch of new imports).
"""

from __future__ import annotations

import gc
import sys

__all__ = ["hold", "release", "settle"]

_state = {"modules": 0, "held": False}


def hold() -> None:
    """No automatic collections until :func:`settle` or :func:`release` (the start-up of a run)."""
    if gc.isenabled():
        gc.disable()
        _state["held"] = True


def settle() -> None:
    """Freeze the objects alive now when modules were imported since the last freeze; collection on
    again if :func:`hold` turned it off."""
    loaded = len(sys.modules)
    if loaded > _state["modules"]:
        _state["modules"] = loaded
        gc.freeze()
    release()


def release() -> None:
    """Collection back on, if :func:`hold` turned it off (the run ended, or failed before a task)."""
    if _state["held"]:
        _state["held"] = False
        gc.enable()
