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
* row keys (the dataset's ``primary_key`` columns that are not themselves identifiers) become
  keyed pseudonyms with a key of their own per recipient
  (``HMAC-SHA256(purpose key, "pubdata/row-key/v1|<dataset>|<recipient>")``), never clear
  values, whatever ``clear`` says: a recipient cannot link its rows to the rows of the
  conditional file (which carries the key in clear), nor to another recipient's variant; rows
  stay distinct and stable from version to version;
* a column held for an officer's review goes only to a recipient whose scope names it, and
  then encrypted (never in clear while undecided);
* every other column gets its floor treatment (masking, generalisation, drop: for a table about
  people the treatment before the open release's risk treatment, kept as the decision's
  *authorised* treatment); no k-anonymity suppression (the recipient is a known, accountable
  department).

Only the columns the scope names go (``Share.columns``; all when the manifest omits it).

A department whose access was revoked (``pubdata keys revoke``, everywhere or for this
dataset) gets nothing: its report says ``revoked`` and no file is written. Rows about minors
are not emptied in shared variants (the recipient is accountable and within purpose); their
sensitive columns are still pseudonymised, encrypted or dropped like every row's.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from typing import Any

import pyarrow as pa

from core import ManifestError
from privacy.crypto import ColumnCipher
from privacy.deid import SqlContext, build_plan
from privacy.keys import KeyStore
from privacy.policy import ColumnAction, DatasetDecision
from privacy.variants import Variant
from warehouse.manifest import Share

__all__ = ["ShareReport", "row_key_key", "row_keys", "share_spec"]


@dataclass
class ShareReport:
    recipient: str
    purpose: str
    path: Any  # Path | storage.LakePath | None
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


def _treatments(
    decision: DatasetDecision, share: Share, label: str, row_keys: list[str]
) -> tuple[set[str], dict[str, tuple[ColumnAction, str | None]]]:
    names = [c.name for c in decision.columns]
    # a column held for review goes only where the scope names it, and then encrypted
    held = {c.name for c in decision.columns if c.action == "hold"}
    allowed = list(share.columns) if share.columns is not None else [n for n in names if n not in held]
    for c in share.clear:
        if c not in allowed:
            allowed.append(c)
    unknown = [c for c in allowed if c not in names]
    if unknown:
        raise ManifestError(
            f"dataset {label}: sharing with {share.department}/{share.purpose} names unknown columns {unknown}"
        )
    ident = set(decision.identifier_entities)
    determ = set(decision.deterministic_entities)
    overrides: dict[str, tuple[ColumnAction, str | None]] = {}
    for name in allowed:
        dec = decision.column(name)
        assert dec is not None
        if name in row_keys:
            overrides[name] = ("pseudonymise", "hmac")
        elif (name in share.clear and dec.level != "none") or dec.action in ("encrypt", "hold"):
            enc_mode = "aes_siv" if (dec.entity in determ or dec.method == "aes_siv") else "aes_gcm"
            overrides[name] = ("encrypt", enc_mode)
        elif name in share.clear:
            overrides[name] = ("publish", None)
        elif dec.level != "none" and dec.entity in ident:
            overrides[name] = ("pseudonymise", "hmac")
        elif dec.authorised_action is not None:  # the open release about people differs from the floor
            overrides[name] = (dec.authorised_action, dec.authorised_method)
    return set(allowed), overrides


def row_keys(decision: DatasetDecision, primary_key: list[str] | tuple[str, ...]) -> list[str]:
    """The primary key columns that get a per-recipient pseudonym (identifiers keep the purpose's
    pseudonym: they are the join keys of sharing, and never clear anyway)."""
    ident = set(decision.identifier_entities)
    out = []
    for name in primary_key:
        dec = decision.column(name)
        if dec is not None and not (dec.level != "none" and dec.entity in ident):
            out.append(name)
    return out


def row_key_key(purpose_key: bytes, owner: str, recipient: str) -> bytes:
    """The key of a recipient's row-key pseudonyms, derived from its purpose key."""
    return hmac.new(purpose_key, f"pubdata/row-key/v1|{owner}|{recipient}".encode(), hashlib.sha256).digest()


def share_spec(
    schema: pa.Schema,
    decision: DatasetDecision,
    share: Share,
    out_path: Any,
    keys: KeyStore,
    ctx: SqlContext,
    *,
    primary_key: list[str] | tuple[str, ...] = (),
) -> tuple[ShareReport, Variant | None]:
    """The report and the :class:`~privacy.variants.Variant` of one shared variant (None when the
    recipient's access is revoked: nothing is written for it)."""
    label = f"{decision.department}.{decision.dataset}"
    if keys.is_revoked(share.department, owner=label):
        return ShareReport(share.department, share.purpose, None, 0, status="revoked"), None
    pk = row_keys(decision, primary_key)
    keep, overrides = _treatments(decision, share, label, pk)
    key = keys.pseudonym_key(share.purpose)
    rk = row_key_key(key, label, share.department)
    plan = build_plan(
        decision,
        schema,
        pseudonym_key=key,
        overrides=overrides,
        keep=keep,
        minors_nulling=False,
        ctx=ctx,
        column_keys={name: rk for name in pk if name in keep},
    )
    encrypt = {
        o.name: ("sm4-gcm" if decision.crypto_suite == "national" else "gcm")
        if overrides.get(o.name, ("", None))[1] != "aes_siv"
        else "siv"
        for o in plan.outputs
        if overrides.get(o.name, ("", None))[0] == "encrypt"
    }
    cipher: ColumnCipher | None = None
    key_id = None
    if encrypt:
        key_id, dek = keys.data_key(label)
        keys.grant(label, key_id, share.department)
        cipher = ColumnCipher(
            dek, label, key_id, encrypt, recipient=share.department, purpose=share.purpose, suite=decision.crypto_suite
        )
    md = {
        b"pubdata.share": json.dumps(
            {
                "owner": label,
                "recipient": share.department,
                "purpose": share.purpose,
                "created": _dt.datetime.now(_dt.UTC).isoformat(),
            }
        ).encode()
    }
    outputs = {o.name for o in plan.outputs}
    report = ShareReport(
        share.department,
        share.purpose,
        out_path,
        0,
        pseudonymised=[n for n, (a, _) in overrides.items() if a == "pseudonymise" and n in outputs],
        encrypted=sorted(encrypt),
        columns=[o.name for o in plan.outputs],
        key_id=key_id,
    )
    return report, Variant(plan, out_path, pseudonym_key=key, cipher=cipher, metadata=md, private=True)
