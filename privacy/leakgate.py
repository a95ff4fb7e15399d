"""The leak gate: the last check before a version of open data is published.

The open Parquet is read batch by batch (Arrow, no per-row Python) and each column is checked:

1. a column the decision drops or encrypts, or that no decision covers, must not be there;
2. no column may hold a value the detectors (:func:`privacy.scan.find_sensitive_values`)
   validate as sensitive (resident ID number, bank card);
3. a column the decision masks or generalises may not hold a value the detectors validate as
   ordinary personal data (mobile number), and every non-null value of a masked, generalised
   or pseudonymised column must have the method's output shape (``privacy.deid.MASK_SHAPES``,
   e.g. ``138****8000``, 32 hex chars for a pseudonym -- which is why the detectors are not
   run on pseudonyms: digit runs inside random hex would only be false positives); a
   quasi-identifier or sensitive attribute of a release about people has the shape of the
   hierarchy level it was released at (``2026-Q4``, ``30-39``, ``330100``, ``[1200,1300)``).

Any finding raises :class:`pubdata.PrivacyError` naming the dataset, the column, the entity
and the count -- never a value -- so the publish stops (the pipeline adds what stays published:
the previous version, or nothing on a first run).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from core import PrivacyError
from privacy.aggregate import TOTAL
from privacy.deid import MASK_SHAPES, is_text
from privacy.policy import DatasetDecision
from privacy.roles import load_roles
from privacy.scan import find_sensitive_values
from warehouse import storage

__all__ = ["SENSITIVE_ENTITIES", "leak_gate"]

#: Entities whose presence anywhere in open data blocks a publish.
SENSITIVE_ENTITIES = frozenset({"CN_RESIDENT_ID", "BANK_CARD", "CREDIT_CARD", "PASSPORT"})
_BATCH = 1_000_000
_PAST = {"mask": "masked", "generalise": "generalised", "pseudonymise": "pseudonymised"}
_HINT = "fix the decision (or the data) and run again"


def _blocked(label: str, column: str, what: str) -> PrivacyError:
    return PrivacyError(f"leak gate: dataset {label}, column {column!r}: {what}; publish blocked", hint=_HINT)


def leak_gate(open_parquet: Any, decision: DatasetDecision, *, dataset_label: str) -> None:
    """Raise :class:`PrivacyError` if the open output (a local path or, in the distributed
    profile, a lake object) holds what the decision says it must not."""
    pf = storage.parquet_file(open_parquet)
    schema = pf.schema_arrow
    for name in schema.names:
        dec = decision.column(name)
        if dec is None:
            raise _blocked(dataset_label, name, "no decision covers this column")
        if dec.action in ("drop", "encrypt"):
            raise _blocked(dataset_label, name, f"the decision is {dec.action} but the column is present")
    scan_cols = [f.name for f in schema if is_text(f.type) or pa.types.is_integer(f.type)]
    shapes = {}
    for name in scan_cols:
        dec = decision.column(name)
        assert dec is not None
        method = "hmac" if dec.action == "pseudonymise" else dec.method
        if dec.hierarchy is not None and dec.action != "pseudonymise":
            # a quasi-identifier or sensitive attribute of a release about people, at its level
            shape = load_roles(decision.roles_source).hierarchies[dec.hierarchy].shape(dec.hierarchy_level or 0)
            if shape is not None:
                if dec.method == "dimension":  # a statistical table's dimension: values and total rows
                    shape = f"{shape}|{TOTAL}"
                shapes[name] = f"^(?:{shape})?$"
        elif dec.action in ("mask", "generalise", "pseudonymise") and method in MASK_SHAPES:
            shapes[name] = f"^(?:{MASK_SHAPES[method]})?$"  # empty stays empty
    if not scan_cols:
        return

    def check(name: str, arr: pa.Array) -> PrivacyError | None:
        dec = decision.column(name)
        assert dec is not None
        text = arr if is_text(arr.type) else pc.cast(arr, pa.string())
        # a pseudonym column is proven by its shape (32 hex chars); digit runs inside random
        # hex would only give the detectors false positives
        found = {} if dec.action == "pseudonymise" else find_sensitive_values(text)
        for entity, n in sorted(found.items()):
            if n <= 0:
                continue
            if entity in SENSITIVE_ENTITIES:
                return _blocked(dataset_label, name, f"{n} value(s) validate as {entity} (sensitive)")
            if dec.action in ("mask", "generalise", "pseudonymise"):
                return _blocked(
                    dataset_label,
                    name,
                    f"{n} value(s) validate as {entity} in a column "
                    f"the decision says is {_PAST[dec.action]} ({dec.method})",
                )
        if name in shapes:
            ok = pc.match_substring_regex(text, shapes[name])
            bad = len(text) - text.null_count - (pc.sum(ok).as_py() or 0)
            if bad:
                return _blocked(
                    dataset_label,
                    name,
                    f"{bad} value(s) do not have the {dec.method or 'hmac'} output shape (not de-identified)",
                )
        return None

    # columns are checked in parallel (Arrow and numpy kernels release the GIL); the first
    # finding in column order is reported
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for batch in pf.iter_batches(batch_size=_BATCH, columns=scan_cols):
            for error in pool.map(check, batch.schema.names, batch.columns):
                if error is not None:
                    raise error
