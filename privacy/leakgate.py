"""The leak gate: the last check before a version of open data is published.

The open Parquet is read batch by batch (Arrow, no per-row Python) and each column is checked:

1. a column the decision drops, encrypts or holds for review, or that no decision covers, must
   not be there;
2. no published value may hold a structured identifier the scanner (:func:`privacy.scan.scan_column`:
   one vectorised prefilter, then the candidate cells only) validates: resident ID numbers
   (18 and 15 digits), passports and permits, bank and credit cards, mobile numbers in every
   written form, personal e-mail addresses, IP addresses, licence plates -- in whole cells and
   inside free text, in every column. Two exceptions: a column the decision publishes as an
   organisation's contact keeps that entity (an office mailbox, a switchboard); and formats
   too weak to prove anything alone (a 16-digit number that passes Luhn, an 11-digit number in
   a mobile range, an ``E`` + 8 digits code) block when they fill half of the cells of their
   shape or appear inside text, not when one random code happens to pass a check; likewise an ID
   number glued inside a longer code (a disability certificate number is the ID and two digits,
   a national student number ``G`` and the ID) blocks when half of the column's codes of that
   shape hold one, not when one long random number does by chance;
3. every non-null value of a masked, generalised or pseudonymised column must have the
   method's output shape (``privacy.deid.MASK_SHAPES``, e.g. ``138****8000``, 32 hex chars
   for a pseudonym -- which is why the scanner is not run on pseudonyms: digit runs inside
   random hex would only be false positives), and may hold no identifier at all; a
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
from privacy.policy import ColumnDecision, DatasetDecision
from privacy.roles import load_roles
from privacy.scan import ALL_ENTITIES, Hits, scan_column
from warehouse import storage

__all__ = ["SENSITIVE_ENTITIES", "leak_gate"]

#: Entities whose presence anywhere in open data blocks a publish (sensitive identifiers).
SENSITIVE_ENTITIES = frozenset({"CN_RESIDENT_ID", "BANK_CARD", "CREDIT_CARD", "PASSPORT"})
#: share of the cells with an entity's shape that must validate before a weak format blocks
WEAK_SHARE = 0.5
#: rows read per batch: the findings are summed over the batches (the same verdict for any batch
#: size), so memory stays flat in rows (batches of 1e6 rows held ~100-200 MB of a wide table)
_BATCH = 131_072
_PAST = {"mask": "masked", "generalise": "generalised", "pseudonymise": "pseudonymised"}
_HINT = "fix the decision (or the data) and run again"


def _blocked(label: str, column: str, what: str) -> PrivacyError:
    return PrivacyError(f"leak gate: dataset {label}, column {column!r}: {what}; publish blocked", hint=_HINT)


def _finding(dec: ColumnDecision, entity: str, h: Hits) -> bool:
    """Do these valid ``entity`` values in this column make a leak?"""
    from privacy.scan import STRONG_FORMS

    if h.glued and h.glued >= WEAK_SHARE * h.glued_candidates:
        return True  # ID numbers inside longer codes, as the column's codes are built
    if h.cells <= 0:
        return False
    if dec.action in ("mask", "generalise"):
        return True  # a de-identified column holds no identifier at all
    if dec.level == "none" and dec.entity == entity:
        return False  # published as an organisation's contact (office mailbox, switchboard)
    if entity in STRONG_FORMS or h.embedded or h.checked:
        return True
    return h.cells >= WEAK_SHARE * max(h.candidates, 1)


def leak_gate(open_parquet: Any, decision: DatasetDecision, *, dataset_label: str) -> None:
    """Raise :class:`PrivacyError` if the open output (a local path or, in the distributed
    profile, a lake object) holds what the decision says it must not."""
    pf = storage.parquet_file(open_parquet)
    schema = pf.schema_arrow
    for name in schema.names:
        dec = decision.column(name)
        if dec is None:
            raise _blocked(dataset_label, name, "no decision covers this column")
        if dec.action in ("drop", "encrypt", "hold"):
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
    totals: dict[str, dict[str, Hits]] = {n: {} for n in scan_cols}

    def check(name: str, arr: pa.Array) -> PrivacyError | None:
        dec = decision.column(name)
        assert dec is not None
        text = arr if is_text(arr.type) else pc.cast(arr, pa.string())
        if dec.action != "pseudonymise":  # a pseudonym column is proven by its shape (32 hex chars)
            for entity, h in scan_column(text, ALL_ENTITIES).items():
                totals[name].setdefault(entity, Hits()).add(h)
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
    for name in scan_cols:
        dec = decision.column(name)
        assert dec is not None
        for entity, h in sorted(totals[name].items(), key=lambda kv: kv[0] not in SENSITIVE_ENTITIES):
            if not _finding(dec, entity, h):
                continue
            if h.glued and not h.cells:
                raise _blocked(
                    dataset_label,
                    name,
                    f"{h.glued} value(s) hold a valid {entity} inside a longer code (an identifier built on "
                    "the ID number) in a published column",
                )
            where = " (inside text)" if h.embedded else ""
            if dec.action in _PAST:
                raise _blocked(
                    dataset_label,
                    name,
                    f"{h.cells} value(s) validate as {entity}{where} in a column "
                    f"the decision says is {_PAST[dec.action]} ({dec.method})",
                )
            kind = "sensitive" if entity in SENSITIVE_ENTITIES else "personal"
            raise _blocked(
                dataset_label, name, f"{h.cells} value(s) validate as {entity} ({kind}){where} in a published column"
            )
