"""Every setting is declared once and documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

from core.settings import SETTINGS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_in_the_readme() -> None:
    documented = set(re.findall(r"^\| `(PUBDATA_[A-Z_]+)` \|", README, flags=re.M))
    declared = {s.name for s in SETTINGS}
    assert declared - documented == set(), "add these to the README settings table"
    assert documented - declared == set(), "the README documents settings that do not exist"


def test_no_setting_is_read_without_being_declared() -> None:
    repo = Path(__file__).resolve().parents[2]
    used: set[str] = set()
    for pkg in ("pubdata", "warehouse", "catalog", "quality", "privacy", "dags"):
        for f in (repo / pkg).rglob("*.py"):
            used |= set(re.findall(r"[\"'](PUBDATA_[A-Z_]+)[\"']", f.read_text(encoding="utf-8")))
    used -= {"PUBDATA_HOME"}  # read before settings exist (it locates everything else)
    assert used - {s.name for s in SETTINGS} == set()
