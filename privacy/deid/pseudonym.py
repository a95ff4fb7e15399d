"""Keyed pseudonyms: HMAC-SHA256 (HMAC-SM3 in the national suite) in batches, in SQL, and a reference."""

from __future__ import annotations

import functools
import hashlib
import hmac

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as chmac
from duckdb.func import PythonUDFType

__all__ = ["PSEUDONYM_HEX", "hmac_hex", "hmac_pads", "hmac_sql", "native_hmac", "pseudonym_py", "register_udfs"]


PSEUDONYM_HEX = 32

#: Regular expression every non-null, non-empty output of a method (also after k-anonymity's
#: further generalisation) must fully match (leak-gate check).


def hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """The (inner, outer) 64-byte HMAC-SHA256 pads of a key."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\x00")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def hmac_sql(message_blob_sql: str, ipad_param: str, opad_param: str) -> str:
    """SQL of HMAC-SHA256 (hex) of a BLOB expression, pads given as BLOB parameters."""
    return f"sha256({opad_param} || unhex(sha256({ipad_param} || {message_blob_sql})))"


@functools.lru_cache(maxsize=64)
def _midstates(key: bytes) -> tuple[bytes, bytes]:
    from privacy import _hmac  # the optional native helper: imported where it is known to be built

    ipad, opad = hmac_pads(key)
    return _hmac.midstate(ipad), _hmac.midstate(opad)


@functools.cache
def native_hmac() -> bool:
    """Whether the compiled batch HMAC (``privacy._hmac``, built by ``make install``) is usable."""
    try:
        from privacy import _hmac  # noqa: F401
    except ImportError:
        return False
    return True


def hmac_hex(arr: pa.Array | pa.ChunkedArray, key: bytes, nhex: int = PSEUDONYM_HEX) -> pa.Array:
    """HMAC-SHA256 (first ``nhex`` hex characters) of every value of a text array, nulls kept:
    one call into :mod:`privacy._hmac` (GIL released, SHA-NI when the CPU has it)."""
    from privacy import _hmac  # the optional native helper: imported where it is known to be built

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_string(arr.type):
        arr = arr.cast(pa.string())
    if arr.offset:
        arr = pa.concat_arrays([arr])
    n = len(arr)
    inner, outer = _midstates(key)
    out = bytearray(n * nhex)
    data = arr.buffers()[2] if n else None
    _hmac.hex_batch(inner, outer, arr.buffers()[1] or bytes(4), data if data is not None else b"", out, n, nhex, False)
    big = n * nhex >= 2**31  # int32 offsets would overflow
    offsets = np.arange(n + 1, dtype=np.int64 if big else np.int32) * nhex
    return pa.Array.from_buffers(
        pa.large_string() if big else pa.string(),
        n,
        [arr.buffers()[0], pa.py_buffer(offsets), pa.py_buffer(out)],
        arr.null_count,
    )


def pseudonym_py(value: str, key: bytes, suite: str = "standard") -> str:
    """Reference implementation (tests, tools): pseudonym of an already-normalised value."""
    if suite == "national":
        h = chmac.HMAC(key, hashes.SM3())
        h.update(value.encode("utf-8"))
        return h.finalize().hex()[:PSEUDONYM_HEX]
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:PSEUDONYM_HEX]


def register_udfs(con: duckdb.DuckDBPyConnection) -> None:
    """Register the Arrow UDF of HMAC-SM3 (national suite)."""

    def _sm3(keys: pa.Array, values: pa.Array) -> pa.Array:
        key = keys[0].as_py() if len(keys) else b""
        uniq = values.unique()
        out: list[str | None] = []
        for v in uniq.to_pylist():  # per distinct value in a 2048-row vector
            if v is None:
                out.append(None)
                continue
            h = chmac.HMAC(key, hashes.SM3())
            h.update(v.encode("utf-8"))
            out.append(h.finalize().hex()[:PSEUDONYM_HEX])

        return pc.take(pa.array(out, pa.string()), pc.index_in(values, uniq))

    try:
        con.create_function(
            "pubdata_hmac_sm3", _sm3, ["BLOB", "VARCHAR"], "VARCHAR", type=PythonUDFType.ARROW, side_effects=False
        )
    except duckdb.Error:
        pass  # already registered on this connection
