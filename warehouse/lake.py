"""Where a dataset run's files live in the lake. The one place paths are built.

Every path is a lake key resolved by :func:`warehouse.storage.lake_path`: a :class:`~pathlib.Path`
under ``PUBDATA_HOME`` in the local profile, a :class:`~warehouse.storage.LakePath` (an object in
the S3 bucket) in the distributed profile. Layout (keys)::

    landing/<dept>/<dataset>/<run>/            raw bytes as received (never deleted by a run)
    lake/raw/<dept>/<dataset>/<run>.parquet    extracted, all source columns
    lake/valid/<dept>/<dataset>/<run>.parquet  rows that passed validation
    lake/quarantine/<dept>/<dataset>/<run>.parquet  rejected rows + reasons (not public)
    lake/classified/<dept>/<dataset>/<run>.json     column classification
    lake/protected/<dept>/<dataset>/<run>.parquet   open variant, before publish
    lake/shared/<recipient>/<dept>/<dataset>/<run>.parquet  per-department shared variants
    lake/verify/<dept>/<dataset>/<run>__<keyset>.parquet    verification index (keyed hashes only)
    open/<dept>/<dataset>/v000001.parquet      immutable published versions
    reports/data_docs/                         Great Expectations Data Docs (local: not lake data)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core import home
from warehouse.storage import LakePath, lake_path

__all__ = ["RunPaths", "run_slug", "safe_id"]

_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def safe_id(value: str, what: str = "id") -> str:
    """Refuse anything that is not a plain identifier (no separators, no '..')."""
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(f"{what} {value!r} is not a plain identifier ([a-z][a-z0-9_]*)")
    return value


def run_slug(run_id: str) -> str:
    """A file-name-safe, stable form of an Airflow run id."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", run_id).strip("._")
    return slug[:120] or "run"


@dataclass(frozen=True)
class RunPaths:
    department: str
    dataset: str
    run: str  # already a slug

    @classmethod
    def for_run(cls, department: str, dataset: str, run_id: str) -> RunPaths:
        return cls(safe_id(department, "department"), safe_id(dataset, "dataset"), run_slug(run_id))

    @property
    def home(self) -> Path:
        return home()

    def _p(self, *parts: str) -> Path | LakePath:
        return lake_path("/".join(parts))

    @property
    def landing(self) -> Path | LakePath:
        return self._p("landing", self.department, self.dataset, self.run)

    @property
    def raw(self) -> Path | LakePath:
        return self._p("lake", "raw", self.department, self.dataset, f"{self.run}.parquet")

    @property
    def valid(self) -> Path | LakePath:
        return self._p("lake", "valid", self.department, self.dataset, f"{self.run}.parquet")

    @property
    def quarantine(self) -> Path | LakePath:
        return self._p("lake", "quarantine", self.department, self.dataset, f"{self.run}.parquet")

    @property
    def classification(self) -> Path | LakePath:
        return self._p("lake", "classified", self.department, self.dataset, f"{self.run}.json")

    @property
    def decision(self) -> Path | LakePath:
        """The protect stage's decision (tier, per-column treatment, about_people) of this run."""
        return self._p("lake", "classified", self.department, self.dataset, f"{self.run}.decision.json")

    @property
    def protected(self) -> Path | LakePath:
        return self._p("lake", "protected", self.department, self.dataset, f"{self.run}.parquet")

    def shared(self, recipient: str, purpose: str) -> Path | LakePath:
        return self._p(
            "lake",
            "shared",
            safe_id(recipient, "department"),
            self.department,
            self.dataset,
            f"{safe_id(purpose, 'purpose')}__{self.run}.parquet",
        )

    def verification(self, keyset: str) -> Path | LakePath:
        """The verification index of this run for one set of key columns (``keyset``: a hex id)."""
        if not re.fullmatch(r"[0-9a-f]{8,64}", keyset):
            raise ValueError("a key-set id is hex")
        return self._p("lake", "verify", self.department, self.dataset, f"{self.run}__{keyset}.parquet")

    @property
    def open_dir(self) -> Path | LakePath:
        return self._p("open", self.department, self.dataset)

    @property
    def data_docs(self) -> Path:
        return self.home / "reports" / "data_docs"
