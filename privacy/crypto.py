"""Column encryption of shared variants, vectorised over Arrow buffers.

Modes (per column; the data key is per dataset, see :mod:`privacy.keys`; each column gets its
own subkey ``HKDF-SHA256(data key, "pubdata/column/v1|<mode>|<column>")``):

* ``gcm`` (default): the column is cast to text; for every record batch ("segment") the
  concatenated value bytes are encrypted in ONE AES-256-GCM call (random 96-bit nonce); each
  row keeps its own slice of the ciphertext (GCM is a counter mode, so slices align with the
  plaintext offsets) in a BINARY column; the tag authenticates the whole segment, and the
  additional data binds the dataset, column, key id, segment number and a SHA-256 of the
  value lengths, so moving, dropping or re-cutting rows fails decryption. A recipient opens a
  whole file (``pubdata decrypt``), not single cells. Lengths of values stay visible (as
  with any per-cell encryption).
* ``siv`` (deterministic, for equality matching): AES-SIV (RFC 5297, 512-bit subkey) per
  *distinct* value; equal plaintexts give equal ciphertexts within one dataset and column.
* ``sm4-gcm`` (national suite): like ``gcm`` with SM4-GCM (128-bit subkey), if the OpenSSL
  build offers SM4.

The file's key-value metadata ``pubdata.encryption`` (JSON) names the dataset, data key id,
recipient, and per column the mode, original Arrow type and per-segment (rows, nonce, tag).
No value or key ever goes there.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core import ConfigError, PrivacyError

__all__ = [
    "META_KEY",
    "ColumnCipher",
    "decrypt_table",
    "national_available",
    "read_encryption_meta",
]

META_KEY = b"pubdata.encryption"


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"))


def national_available() -> bool:
    """Whether the OpenSSL build offers SM3 and SM4-GCM."""
    try:
        if not default_backend().hash_supported(hashes.SM3()):
            return False
        Cipher(algorithms.SM4(b"\x00" * 16), modes.GCM(b"\x00" * 12)).encryptor()
        return True
    except Exception:
        return False


def _subkey(dek: bytes, mode: str, column: str) -> bytes:
    size = {"gcm": 32, "siv": 64, "sm4-gcm": 16}[mode]
    return HKDF(hashes.SHA256(), size, salt=None, info=f"pubdata/column/v1|{mode}|{column}".encode()).derive(dek)


def _type_b64(t: pa.DataType) -> str:
    return _b64(pa.schema([pa.field("v", t)]).serialize().to_pybytes())


def _type_from_b64(s: str) -> pa.DataType:
    return pa.ipc.read_schema(pa.py_buffer(_unb64(s))).field("v").type


def _as_text(arr: pa.Array) -> pa.StringArray:
    if not pa.types.is_string(arr.type):
        arr = pc.cast(arr, pa.string())
    if arr.offset != 0:
        arr = pa.concat_arrays([arr])
    return arr


def _offsets(arr: pa.Array) -> np.ndarray:
    return np.frombuffer(arr.buffers()[1], dtype=np.int32, count=len(arr) + 1)


def _gcm_encrypt(mode: str, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> tuple[bytes, bytes]:
    if mode == "gcm":
        out = AESGCM(key).encrypt(nonce, data, aad)
        return out[:-16], out[-16:]
    enc = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
    enc.authenticate_additional_data(aad)
    ct = enc.update(data) + enc.finalize()
    return ct, enc.tag


def _gcm_decrypt(mode: str, key: bytes, nonce: bytes, ct: bytes, tag: bytes, aad: bytes) -> bytes:
    if mode == "gcm":
        return AESGCM(key).decrypt(nonce, ct + tag, aad)
    dec = Cipher(algorithms.SM4(key), modes.GCM(nonce, tag)).decryptor()
    dec.authenticate_additional_data(aad)
    return dec.update(ct) + dec.finalize()


@dataclass
class ColumnCipher:
    """Encrypts the named columns of successive record batches of one shared variant."""

    dek: bytes = field(repr=False)
    owner: str
    key_id: str
    columns: dict[str, str]  # column -> mode (gcm | siv | sm4-gcm)
    recipient: str = ""
    purpose: str = ""
    suite: str = "standard"
    _meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    _keys: dict[str, bytes] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for col, mode in self.columns.items():
            if mode == "sm4-gcm" and not national_available():
                raise ConfigError("the national suite needs SM4, which this OpenSSL build lacks")
            self._keys[col] = _subkey(self.dek, mode, col)
            self._meta[col] = {"mode": mode, "type": None, "segments": []}

    def _aad(self, column: str, segment: int | None, lengths_hash: bytes = b"") -> bytes:
        seg = "" if segment is None else str(segment)
        return f"pubdata/column/v1|{self.owner}|{self.key_id}|{column}|{seg}|".encode() + lengths_hash

    def encrypt_batch(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        arrays = []
        for name, arr in zip(batch.schema.names, batch.columns):
            if name in self.columns:
                arr = self._encrypt_array(name, arr)
            arrays.append(arr)
        return pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)

    def _encrypt_array(self, name: str, arr: pa.Array) -> pa.Array:
        meta = self._meta[name]
        if meta["type"] is None:
            meta["type"] = _type_b64(arr.type)
        mode = meta["mode"]
        text = _as_text(arr)
        if mode == "siv":
            uniq = pc.unique(text)
            siv = AESSIV(self._keys[name])
            aad = self._aad(name, None)
            enc = [None if v is None else siv.encrypt(v.encode("utf-8"), [aad]) for v in uniq.to_pylist()]
            return pc.take(pa.array(enc, pa.binary()), pc.index_in(text, uniq))
        offs = _offsets(text)
        start, end = int(offs[0]), int(offs[-1])
        rel = (offs - start).astype(np.int32)
        data = text.buffers()[2]
        plain = data[start:end].to_pybytes() if data is not None else b""
        seg = len(meta["segments"])
        nonce = secrets.token_bytes(12)
        lh = hashlib.sha256(rel.tobytes()).digest()
        ct, tag = _gcm_encrypt(mode, self._keys[name], nonce, plain, self._aad(name, seg, lh))
        meta["segments"].append([len(text), _b64(nonce), _b64(tag)])
        return pa.Array.from_buffers(
            pa.binary(), len(text), [text.buffers()[0], pa.py_buffer(rel.tobytes()), pa.py_buffer(ct)], text.null_count
        )

    def metadata(self) -> dict[bytes, bytes]:
        doc = {
            "v": 1,
            "owner": self.owner,
            "key_id": self.key_id,
            "recipient": self.recipient,
            "purpose": self.purpose,
            "suite": self.suite,
            "columns": self._meta,
        }
        return {META_KEY: json.dumps(doc, ensure_ascii=False).encode("utf-8")}


def read_encryption_meta(path: Path) -> dict[str, Any] | None:
    md = pq.ParquetFile(path).metadata.metadata or {}
    raw = md.get(META_KEY)
    if raw is None:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:
        raise PrivacyError(f"{path.name}: encryption metadata is corrupt") from None


def decrypt_table(table: pa.Table, meta: dict[str, Any], dek: bytes) -> pa.Table:
    """Decrypt every encrypted column of a shared variant (whole file, rows in order)."""
    owner, key_id = meta["owner"], meta["key_id"]
    opener = ColumnCipher(dek, owner, key_id, {})
    for name, cm in meta["columns"].items():
        if name not in table.column_names:
            raise PrivacyError(f"{owner}: encrypted column {name!r} is missing from the file")
        mode = cm["mode"]
        key = _subkey(dek, mode, name)
        col = table[name]
        pieces: list[pa.Array] = []
        try:
            if mode == "siv":
                arr = col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
                uniq = pc.unique(arr)
                siv = AESSIV(key)
                aad = opener._aad(name, None)
                dec = [None if v is None else siv.decrypt(v, [aad]).decode("utf-8") for v in uniq.to_pylist()]
                pieces.append(pc.take(pa.array(dec, pa.string()), pc.index_in(arr, uniq)))
            else:
                start = 0
                for seg, (rows, nonce, tag) in enumerate(cm["segments"]):
                    part = col.slice(start, rows)
                    start += rows
                    arr = part.combine_chunks() if part.num_chunks != 1 else part.chunk(0)
                    if arr.offset != 0:
                        arr = pa.concat_arrays([arr])
                    offs = _offsets(arr)
                    s0 = int(offs[0])
                    rel = (offs - s0).astype(np.int32)
                    buf = arr.buffers()[2]
                    ct = buf[s0 : int(offs[-1])].to_pybytes() if buf is not None else b""
                    lh = hashlib.sha256(rel.tobytes()).digest()
                    plain = _gcm_decrypt(mode, key, _unb64(nonce), ct, _unb64(tag), opener._aad(name, seg, lh))
                    pieces.append(
                        pa.Array.from_buffers(
                            pa.string(),
                            len(arr),
                            [arr.buffers()[0], pa.py_buffer(rel.tobytes()), pa.py_buffer(plain)],
                            arr.null_count,
                        )
                    )
                if start != len(col):
                    raise ValueError("row count differs from the encrypted segments")
        except (InvalidTag, ValueError, KeyError, UnicodeDecodeError):
            raise PrivacyError(
                f"{owner}: column {name!r} does not decrypt: wrong or destroyed key, or the file was altered"
            ) from None
        text = pa.chunked_array(pieces, pa.string())
        typ = _type_from_b64(cm["type"]) if cm.get("type") else pa.string()
        try:
            restored = pc.cast(text, typ) if typ != pa.string() else text
        except pa.ArrowInvalid:
            restored = text
        table = table.set_column(table.column_names.index(name), pa.field(name, restored.type), restored)
    md = dict(table.schema.metadata or {})
    md.pop(META_KEY, None)
    return table.replace_schema_metadata(md)


def write_private_parquet(table: pa.Table, out: Path) -> None:
    """Write decrypted data as a 0600 file, atomically."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
