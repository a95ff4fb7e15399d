"""Privacy-preserving sharing (数据可用不可见): one shared variant per ``Share`` of a dataset.

For each recipient department and purpose in the manifest's sharing scope:

* only the columns of the scope (``Share.columns``, all if omitted, plus ``clear``);
* identifier columns (the policy's identifier entities, at level personal or sensitive) become
  keyed pseudonyms with the *purpose's* key: two departments of the same purpose join on them,
  pseudonyms of different purposes (and of open data) cannot be linked;
* ``clear`` columns that are personal or sensitive, and columns a rule marks ``encrypt``, are
  encrypted with the dataset's data key (AES-256-GCM; AES-SIV for the policy's
  ``deterministic_entities``; SM4-GCM in the national suite), wrapped for the recipient's
  public key; ``clear`` columns that are not personal go as they are;
* every other column gets its open-data treatment (masking, generalisation, drop); no
  k-anonymity suppression (the recipient is a known, accountable department).

A department whose access was revoked (``pubdata keys revoke``, everywhere or for this
dataset) gets nothing: its report says ``revoked`` and no file is written. Rows about minors
are not emptied in shared variants (the recipient is accountable and within purpose); their
sensitive columns are still pseudonymised, encrypted or dropped like every row's.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from privacy.crypto import ColumnCipher
from privacy.deid import HELPER, Plan, build_plan, qident
from privacy.keys import KeyStore
from privacy.policy import DatasetDecision
from pubdata import ManifestError
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset, Share

__all__ = ["ShareReport", "share_variant", "share_variants"]

#: rows per AES-GCM segment of an encrypted column (one AES call each)
BATCH_ROWS = 1_000_000
#: DuckDB's virtual column of ``read_parquet(..., file_row_number=true)``
ROW_NUMBER = "file_row_number"


@dataclass
class ShareReport:
    recipient: str
    purpose: str
    path: Path | None
    rows: int
    #: written | revoked
    status: str = "written"
    pseudonymised: list[str] | None = None
    encrypted: list[str] | None = None
    columns: list[str] | None = None
    key_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = str(self.path) if self.path else None
        return d


def _treatments(decision: DatasetDecision, share: Share, label: str) -> tuple[set[str], dict[str, tuple[str, str | None]]]:
    names = [c.name for c in decision.columns]
    allowed = list(share.columns) if share.columns is not None else list(names)
    for c in share.clear:
        if c not in allowed:
            allowed.append(c)
    unknown = [c for c in allowed if c not in names]
    if unknown:
        raise ManifestError(f"dataset {label}: sharing with {share.department}/{share.purpose} names "
                            f"unknown columns {unknown}")
    ident = set(decision.identifier_entities)
    determ = set(decision.deterministic_entities)
    enc_mode = "aes_siv"
    overrides: dict[str, tuple[str, str | None]] = {}
    for name in allowed:
        dec = decision.column(name)
        assert dec is not None
        if (name in share.clear and dec.level != "none") or dec.action == "encrypt":
            enc_mode = "aes_siv" if (dec.entity in determ or dec.method == "aes_siv") else "aes_gcm"
            overrides[name] = ("encrypt", enc_mode)
        elif name in share.clear:
            overrides[name] = ("publish", None)
        elif dec.level != "none" and dec.entity in ident:
            overrides[name] = ("pseudonymise", "hmac")
    return set(allowed), overrides


def share_variant(input_parquet: Path, decision: DatasetDecision, share: Share, out_path: Path,
                  keys: KeyStore) -> ShareReport:
    """Write one shared variant atomically (tmp + rename)."""
    label = f"{decision.department}.{decision.dataset}"
    if keys.is_revoked(share.department, owner=label):
        return ShareReport(share.department, share.purpose, None, 0, status="revoked")
    keep, overrides = _treatments(decision, share, label)
    schema = pq.read_schema(input_parquet)
    plan = build_plan(decision, schema, pseudonym_key=keys.pseudonym_key(share.purpose),
                      overrides=overrides, keep=keep, minors_nulling=False)
    encrypt = {o.name: ("sm4-gcm" if decision.crypto_suite == "national" else "gcm")
               if overrides.get(o.name, ("", None))[1] != "aes_siv" else "siv"
               for o in plan.outputs if overrides.get(o.name, ("", None))[0] == "encrypt"}
    cipher: ColumnCipher | None = None
    key_id = None
    if encrypt:
        key_id, dek = keys.data_key(label)
        keys.grant(label, key_id, share.department)
        cipher = ColumnCipher(dek, label, key_id, encrypt, recipient=share.department,
                              purpose=share.purpose, suite=decision.crypto_suite)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # a private (0700) directory next to the target: the file is never readable by others,
    # not even while it is being written; renamed into place when complete
    tmpdir = Path(tempfile.mkdtemp(prefix=f".{out_path.name}.", dir=out_path.parent))
    tmp = tmpdir / "variant.parquet"
    con = duckdb.connect()
    try:
        plan.prepare(con)
        md = {b"pubdata.share": json.dumps({
            "owner": label, "recipient": share.department, "purpose": share.purpose,
            "created": _dt.datetime.now(_dt.timezone.utc).isoformat()}).encode()}
        if cipher and ROW_NUMBER in schema.names:
            # cannot number the rows in SQL (a column has the reserved name): stream via Python
            rows = _write_streaming(con, plan, input_parquet, cipher, tmp, md)
        else:
            rows = _write_copy(con, plan, input_parquet, cipher, tmp, md)
        os.chmod(tmp, 0o600)
        os.replace(tmp, out_path)
    finally:
        con.close()
        shutil.rmtree(tmpdir, ignore_errors=True)
    return ShareReport(share.department, share.purpose, out_path, rows,
                       pseudonymised=[n for n, (a, _) in overrides.items() if a == "pseudonymise" and n in
                                      {o.name for o in plan.outputs}],
                       encrypted=sorted(encrypt), columns=[o.name for o in plan.outputs], key_id=key_id)


def _kv_literal(md: dict[bytes, bytes]) -> str:
    """DuckDB ``KV_METADATA`` map literal (our own JSON, quotes doubled)."""
    def lit(b: bytes) -> str:
        return "'" + b.decode("utf-8").replace("'", "''") + "'"
    return "{" + ", ".join(f"{lit(k)}: {lit(v)}" for k, v in md.items()) + "}"


def _write_copy(con: duckdb.DuckDBPyConnection, plan: Plan, input_parquet: Path,
                cipher: ColumnCipher | None, tmp: Path, md: dict[bytes, bytes]) -> int:
    """One parallel DuckDB ``COPY ... TO parquet`` for the whole variant.

    Encrypted columns: a first pass reads just those columns (in file order) and encrypts them
    in segments of :data:`BATCH_ROWS` rows (one AES call per segment and column); the COPY then
    takes each row's ciphertext by its file row number through a vectorised Arrow UDF
    (``take`` of 2048 rows), so masking, pseudonyms and Parquet writing stay parallel in DuckDB.
    The written ciphertext is compared with the expected one (row order), else the COPY is
    redone with an explicit ORDER BY.
    """
    params = dict(plan.ctx.params)
    params["src"] = str(input_parquet)
    exprs = {o.name: o.sql for o in plan.outputs}
    expected: dict[str, pa.ChunkedArray] = {}
    if cipher:
        enc_cols = [o.name for o in plan.outputs if o.name in cipher.columns]
        cols = ", ".join(f"{qident(n)}" for n in enc_cols)
        raw = con.execute(f"SELECT {ROW_NUMBER}, {cols} FROM read_parquet($src, {ROW_NUMBER}=true)",
                          {"src": str(input_parquet)}).to_arrow_table()
        order = raw.column(0).to_numpy()
        if len(order) and not (order[0] == 0 and np.all(np.diff(order) == 1)):
            raw = raw.take(pa.array(np.argsort(order, kind="stable")))
        for i, name in enumerate(enc_cols):
            enc = cipher.encrypt_column(name, raw.column(name), BATCH_ROWS)
            expected[name] = enc
            udf = f"{HELPER}enc{i}"
            con.create_function(udf, _taker(enc), ["BIGINT"], "BLOB", type="arrow", null_handling="special",
                                side_effects=False)
            exprs[name] = f"{udf}(src.{ROW_NUMBER})"
        del raw
        md = {**md, **cipher.metadata()}
    select = ", ".join(f"{exprs[o.name]} AS {qident(o.name)}" for o in plan.outputs) or "NULL AS __empty"
    src_cte = plan.source_cte("$src", row_number=bool(cipher))
    sql = f"WITH {src_cte} SELECT {select} FROM {plan.from_sql()}"
    con.execute("SET preserve_insertion_order = true")
    opts = f"FORMAT parquet, KV_METADATA {_kv_literal(md)}"
    res = con.execute(f"COPY ({sql}) TO '{_sql_str(tmp)}' ({opts})", params).fetchone()
    if expected:
        got = pq.read_table(tmp, columns=list(expected))
        if not all(got.column(n).equals(expected[n]) for n in expected):
            res = con.execute(f"COPY ({sql} ORDER BY src.{ROW_NUMBER}) TO '{_sql_str(tmp)}' ({opts})",
                              params).fetchone()
    return int(res[0]) if res else 0


def _taker(values: pa.ChunkedArray):  # type: ignore[no-untyped-def]
    one = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)

    def take(rows: pa.Array) -> pa.Array:
        r = rows.to_numpy(zero_copy_only=False)
        if len(r) and int(r[-1]) - int(r[0]) + 1 == len(r) and (len(r) < 3 or bool(np.all(np.diff(r) == 1))):
            return one.slice(int(r[0]), len(r))
        return one.take(rows)
    return take


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_streaming(con: duckdb.DuckDBPyConnection, plan: Plan, input_parquet: Path,
                     cipher: ColumnCipher, tmp: Path, md: dict[bytes, bytes]) -> int:
    """Fallback: stream DuckDB's record batches through Python (encrypt per batch), pyarrow writes."""
    params = dict(plan.ctx.params)
    params["src"] = str(input_parquet)
    select = ", ".join(f"{o.sql} AS {qident(o.name)}" for o in plan.outputs) or "NULL AS __empty"
    sql = f"WITH {plan.source_cte('$src')} SELECT {select} FROM {plan.from_sql()}"
    reader = con.execute(sql, params).to_arrow_reader(BATCH_ROWS)
    rows = 0
    with pq.ParquetWriter(tmp, cipher.output_schema(reader.schema)) as writer:
        for batch in reader:
            batch = cipher.encrypt_batch(batch)
            writer.write_batch(batch)
            rows += batch.num_rows
        writer.add_key_value_metadata({**md, **cipher.metadata()})
    return rows


def share_variants(input_parquet: Path, decision: DatasetDecision, dataset: Dataset, paths: RunPaths,
                   keys: KeyStore) -> list[ShareReport]:
    """One shared variant per ``Share`` in the dataset's sharing scope."""
    return [share_variant(Path(input_parquet), decision, share, paths.shared(share.department, share.purpose),
                          keys) for share in dataset.sharing]
