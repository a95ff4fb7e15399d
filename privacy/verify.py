"""Verification (核验) without disclosure: answer "does this record say so?" with yes or no.

At publish time the pipeline builds, for a dataset whose grants allow verification, an index
per set of key columns (:func:`build_index`): per row

* ``k`` = the first 64 bits of HMAC-SHA256(K, ``"k" ␟ key₁ ␟ key₂ …``) over the *normalised*
  key values (e.g. ID number + nothing, or USCC), and
* per verifiable field ``f``: the first 64 bits of HMAC-SHA256(K, ``"v" ␟ f ␟ hex(k) ␟ value``)
  over its normalised value (bound to the field and the row's key: equal values of two rows or
  two fields do not hash alike),

with ``K`` the dataset's verification key from the key store (``KeyStore.service_key``, never in
the catalog or the lake). The index file holds no clear identifier and no value: without ``K``
nothing in it can be enumerated. Rows are sorted by ``k``; several rows may share a key (a
person's monthly records): a field *matches* when any of them holds the value.

:func:`verify` computes the same hashes for submitted key sets and answers per key set and field
``match`` / ``no_match`` / ``not_found`` — never a value.

Normalisation (:func:`canonical`, one function for both sides): Unicode NFKC (full-width digits
and letters become ASCII), control characters removed, trimmed; ID-like entities (resident ID,
passport, USCC, cards, plates) lose spaces and dashes and are upper-cased, 15-digit resident IDs
become their 18-digit form; phone numbers keep their digits (without +86); e-mail is lower-cased;
names lose inner spaces; other text has its whitespace runs collapsed. Numbers compare as numbers
(``800`` = ``800.00``), dates as ISO dates.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core import PrivacyError
from core.identifiers import id_check_char

__all__ = ["MATCH", "NO_MATCH", "NOT_FOUND", "VerificationIndex", "build_index", "canonical", "keyset_id", "verify"]

MATCH, NO_MATCH, NOT_FOUND = "match", "no_match", "not_found"
_US = "\x1f"
_FORMAT = 1
_META = b"pubdata.verify"
_ID_LIKE = {
    "CN_RESIDENT_ID",
    "PASSPORT",
    "USCC",
    "BANK_CARD",
    "CREDIT_CARD",
    "LICENSE_PLATE",
    "SOCIAL_SECURITY_NUMBER",
    "PERSON_ID",
}


def keyset_id(key_columns: list[str]) -> str:
    """A stable short id of a set of key columns (names the index file)."""
    return hashlib.sha256(json.dumps(sorted(key_columns), ensure_ascii=False).encode()).hexdigest()[:12]


def _category(t: pa.DataType) -> str:
    if pa.types.is_integer(t):
        return "integer"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "number"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "datetime"
    if pa.types.is_boolean(t):
        return "bool"
    return "text"


def _typed_text(arr: pa.Array, category: str) -> pa.Array:
    """Text of typed column values, in the one form both sides use."""
    if category == "integer":
        return arr.cast(pa.int64()).cast(pa.string())
    if category == "number":
        return arr.cast(pa.float64()).cast(pa.string())
    if category == "date":
        return arr.cast(pa.date32()).cast(pa.string())
    if category == "datetime":
        return arr.cast(pa.timestamp("s")).cast(pa.string())
    return arr.cast(pa.string())


def _submitted(values: list[Any], category: str) -> pa.Array:
    """Submitted (JSON) values as the column's type would hold them; unreadable ones become null."""
    if category == "text":
        return pa.array([None if v is None or isinstance(v, dict | list) else str(v) for v in values], pa.string())
    out: list[Any] = []
    for v in values:
        try:
            if v is None or isinstance(v, dict | list):
                out.append(None)
            elif category == "integer":
                f = float(str(v).strip())
                out.append(int(f) if f.is_integer() and abs(f) < 2**63 else None)
            elif category == "number":
                out.append(float(str(v).strip()))
            elif category == "date":
                out.append(_dt.date.fromisoformat(str(v).strip()[:10]))
            elif category == "datetime":
                out.append(_dt.datetime.fromisoformat(str(v).strip()).replace(tzinfo=None))
            elif category == "bool":
                text = str(v).strip().lower()
                out.append(True if text in ("true", "1", "是") else False if text in ("false", "0", "否") else None)
            else:
                out.append(str(v))
        except (ValueError, OverflowError):
            out.append(None)
    types = {
        "integer": pa.int64(),
        "number": pa.float64(),
        "date": pa.date32(),
        "datetime": pa.timestamp("s"),
        "bool": pa.bool_(),
    }
    return pa.array(out, types.get(category, pa.string()))


def _id18(values: pa.Array) -> pa.Array:
    """15-digit resident IDs (the legacy form) in their 18-digit form."""
    is15 = pc.match_substring_regex(values, r"^[0-9]{15}$")
    if not pc.any(is15).as_py():
        return values
    out = []
    for v, short in zip(values.to_pylist(), is15.to_pylist()):
        if short:
            first17 = v[:6] + "19" + v[6:]
            v = first17 + id_check_char(first17)
        out.append(v)
    return pa.array(out, pa.string())


def canonical(text: pa.Array, category: str, entity: str | None) -> pa.Array:
    """The normalised text both sides hash (see the module docstring); empty -> null."""
    a = text
    if category == "text":
        a = pc.utf8_normalize(a, "NFKC")
        a = pc.replace_substring_regex(a, r"[\x00-\x1f\x7f]", "")
        a = pc.utf8_trim_whitespace(a)
        if entity in _ID_LIKE:
            a = pc.utf8_upper(pc.replace_substring_regex(a, r"[\s\-]+", ""))
            if entity == "CN_RESIDENT_ID":
                a = _id18(a)
        elif entity == "PHONE_NUMBER":
            a = pc.replace_substring_regex(a, r"[^0-9]", "")
            a = pc.replace_substring_regex(a, r"^(?:0086|86)(1[0-9]{10})$", r"\1")
        elif entity == "EMAIL":
            a = pc.utf8_lower(a)
        elif entity == "PERSON_NAME":
            a = pc.replace_substring_regex(a, r"\s+", "")
        else:
            a = pc.replace_substring_regex(a, r"\s+", " ")
    return pc.if_else(pc.equal(a, ""), pa.scalar(None, pa.string()), a)


def _hex16(strings: pa.Array, key: bytes) -> pa.Array:
    """First 16 hex characters of HMAC-SHA256 of every value (nulls kept)."""
    from privacy.deid import hmac_hex, native_hmac

    if native_hmac():
        return hmac_hex(strings, key, 16)
    return pa.array(
        [
            None if v is None else hmac.new(key, v.encode(), hashlib.sha256).hexdigest()[:16]
            for v in strings.to_pylist()
        ],
        pa.string(),
    )


def _u64(hex16: pa.Array) -> np.ndarray:
    """16-hex strings -> uint64 (null -> 0; an HMAC is 0 with probability 2^-64)."""
    arr = pc.fill_null(hex16, "0" * 16)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.offset:
        arr = pa.concat_arrays([arr])
    n = len(arr)
    data = arr.buffers()[2]
    raw = bytes(data)[: n * 16] if data is not None else b""
    return np.frombuffer(bytes.fromhex(raw.decode("ascii")), dtype=">u8").astype(np.uint64)


def _key_text(parts: list[pa.Array]) -> pa.Array:
    """``"k" ␟ part₁ ␟ part₂ …``; null when any part is null."""
    return pc.binary_join_element_wise(pa.scalar("k"), *parts, _US, null_handling="emit_null")


def _value_text(field: str, khex: pa.Array, values: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise(pa.scalar("v"), pa.scalar(field), khex, values, _US, null_handling="emit_null")


def build_index(
    valid: Any,
    out: Any,
    *,
    key_columns: list[str],
    fields: list[str],
    entities: dict[str, str | None],
    key: bytes,
    label: str,
    batch_rows: int = 262_144,
) -> dict[str, Any]:
    """Write the verification index of the Parquet file ``valid`` to ``out`` (atomically);
    returns a summary of counts (no values)."""
    from warehouse import storage

    pf = storage.parquet_file(valid)
    schema = pf.schema_arrow
    missing = [c for c in key_columns + fields if c not in schema.names]
    if missing:
        raise PrivacyError(f"dataset {label}: verification names columns the data lacks {missing[:5]}")
    cats = {c: _category(schema.field(c).type) for c in key_columns + fields}
    keys_out: list[np.ndarray] = []
    values_out: dict[str, list[np.ndarray]] = {f: [] for f in fields}
    rows = skipped = 0
    for batch in pf.iter_batches(batch_size=batch_rows, columns=key_columns + fields):
        canon = {
            c: canonical(_typed_text(batch.column(c), cats[c]), cats[c], entities.get(c)) for c in key_columns + fields
        }
        khex = _hex16(_key_text([canon[c] for c in key_columns]), key)
        present = pc.is_valid(khex)
        k = _u64(khex)
        mask = present.to_numpy(zero_copy_only=False)
        skipped += int((~mask).sum())
        keys_out.append(k[mask])
        for f in fields:
            values_out[f].append(_u64(_hex16(_value_text(f, khex, canon[f]), key))[mask])
        rows += batch.num_rows
    keys = np.concatenate(keys_out) if keys_out else np.zeros(0, np.uint64)
    order = np.argsort(keys, kind="stable")
    columns = {"k": pa.array(keys[order], pa.uint64())}
    for i, f in enumerate(fields):
        col = np.concatenate(values_out[f]) if values_out[f] else np.zeros(0, np.uint64)
        columns[f"v{i}"] = pa.array(col[order], pa.uint64())
    meta = {
        "format": _FORMAT,
        "dataset": label,
        "key_columns": key_columns,
        "fields": fields,
        "categories": cats,
        "entities": {c: entities.get(c) for c in key_columns + fields},
    }
    table = pa.table(columns).replace_schema_metadata({_META: json.dumps(meta, ensure_ascii=False).encode()})
    storage.write_parquet_table(table, out, compression="none", write_statistics=False)
    return {"rows": rows, "indexed": int(len(keys)), "without_key": skipped, "keys": key_columns, "fields": fields}


@dataclass
class VerificationIndex:
    keys: np.ndarray
    values: dict[str, np.ndarray]
    key_columns: list[str]
    fields: list[str]
    categories: dict[str, str]
    entities: dict[str, str | None]

    def _column(self, keysets: list[dict[str, Any]], name: str) -> pa.Array:
        cat = self.categories[name]
        typed = _submitted([ks.get(name) for ks in keysets], cat)
        return canonical(_typed_text(typed, cat), cat, self.entities.get(name))


_CACHE: dict[str, tuple[Any, VerificationIndex]] = {}
_CACHE_LOCK = threading.Lock()


def load_index(path: Any) -> VerificationIndex:
    """The index at ``path`` (kept in memory while the file is unchanged)."""
    from warehouse import storage

    st = path.stat()
    stamp = (st.st_size, st.st_mtime_ns)
    with _CACHE_LOCK:
        hit = _CACHE.get(str(path))
        if hit and hit[0] == stamp:
            return hit[1]
    table = storage.read_parquet_table(path)
    meta = json.loads((table.schema.metadata or {}).get(_META, b"{}"))
    if meta.get("format") != _FORMAT:
        raise PrivacyError("the verification index has an unknown format; rebuild it with the next run")
    index = VerificationIndex(
        keys=table.column("k").to_numpy(),
        values={f: table.column(f"v{i}").to_numpy() for i, f in enumerate(meta["fields"])},
        key_columns=meta["key_columns"],
        fields=meta["fields"],
        categories=meta["categories"],
        entities=meta["entities"],
    )
    with _CACHE_LOCK:
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[str(path)] = (stamp, index)
    return index


def verify(
    index: VerificationIndex, key: bytes, keysets: list[dict[str, Any]], fields: list[str]
) -> list[dict[str, str]]:
    """Per key set, per field: ``match`` / ``no_match`` / ``not_found`` (never a value).

    Every key set must carry the index's key columns and a claimed value of each field; a key
    set whose key cannot be read (empty, malformed) is ``not_found``."""
    canon_keys = [index._column(keysets, c) for c in index.key_columns]
    khex = _hex16(_key_text(canon_keys), key)
    present = pc.is_valid(khex).to_numpy(zero_copy_only=False)
    k = _u64(khex)
    lo = np.searchsorted(index.keys, k, side="left")
    hi = np.searchsorted(index.keys, k, side="right")
    found = present & (hi > lo)
    hashes = {f: _u64(_hex16(_value_text(f, khex, index._column(keysets, f)), key)) for f in fields}
    claimed = {f: pc.is_valid(index._column(keysets, f)).to_numpy(zero_copy_only=False) for f in fields}
    rows = np.flatnonzero(found)
    span = (hi - lo)[rows]
    matched: dict[str, np.ndarray] = {}
    for f in fields:
        stored, hit = index.values[f], np.zeros(len(keysets), dtype=bool)
        for offset in range(int(span.max()) if len(rows) else 0):  # a key's rows, one offset at a time
            sel = rows[span > offset]
            hit[sel] |= stored[lo[sel] + offset] == hashes[f][sel]
        matched[f] = hit & claimed[f]
    answers = {f: np.where(found, np.where(matched[f], MATCH, NO_MATCH), NOT_FOUND).tolist() for f in fields}
    return [dict(zip(fields, row)) for row in zip(*(answers[f] for f in fields))]
