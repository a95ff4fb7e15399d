"""Webhooks: a department is told, by an HMAC-signed HTTP POST, when a dataset it receives gets a
new version.

A department may register a webhook for a dataset that is open, or shared with it (named in the
owner's manifest ``sharing``, or granted to one of its tokens' scopes); this is checked again at
every delivery. The registration (``webhooks``) is in the catalog; its secret is not: it is a
32-byte key in the key store (``keys/webhooks/<id>.key``), shown once when registered.

Each delivery is one JSON document (event ``version.published``: dataset, version, rows, digest,
schema changes with a ``breaking`` flag, links; never data values) POSTed through the network
guard (:func:`warehouse.sources.http.request`: checked and pinned address, no redirects, a
timeout) with headers::

    X-Pubdata-Event: version.published
    X-Pubdata-Delivery: <uuid>
    X-Pubdata-Timestamp: <unix seconds>
    X-Pubdata-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>

A receiver recomputes the signature over the timestamp and the raw body, compares in constant
time, and refuses timestamps older than a few minutes and delivery ids it has seen (replay).
A failed attempt (connection error, timeout, non-2xx) is retried ``PUBDATA_WEBHOOK_RETRIES``
times with back-off; every attempt is recorded in ``webhook_deliveries``. A failing receiver
never fails the publish.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import uuid
from typing import Any

from catalog import audit
from catalog.changes import version_changes
from catalog.store import connect, has_table, rows_as_dicts
from catalog.tokens import check_id, split_dataset
from core import CatalogError, PubdataError, get_setting
from core.clock import utcnow, utcnow_iso
from core.netguard import display_url
from core.settings import int_setting
from core.sql import scalar

__all__ = ["add", "deliveries", "hooks_for", "list_webhooks", "notify_new_version", "remove", "sign"]

EVENT = "version.published"


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """The ``X-Pubdata-Signature`` value of a delivery."""
    return "sha256=" + hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def _keys():
    from privacy.keys import KeyStore

    return KeyStore()


def _receives(con, department: str, owner: str, dataset: str) -> str | None:
    """Why ``department`` receives ``owner.dataset`` (open / shared / granted), or None."""
    row = con.execute(
        "SELECT open_tier, manifest_json FROM datasets WHERE department_id = ? AND dataset_id = ?", [owner, dataset]
    ).fetchone()
    if row is None:
        return None
    if row[0] == "open":
        return "open"
    manifest = json.loads(row[1] or "{}")
    if any(s.get("department") == department for s in manifest.get("sharing") or []):
        return "shared"
    now = utcnow()
    granted = con.execute(
        "SELECT count(*) FROM token_scopes s JOIN tokens t ON t.id = s.token_id WHERE t.department_id = ? "
        "AND t.kind = 'department' AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) "
        "AND s.department_id = ? AND s.dataset_id = ? AND (s.expires_at IS NULL OR s.expires_at > ?)",
        [department, now, owner, dataset, now],
    ).fetchone()[0]
    return "granted" if granted else None


def _check_url(url: str) -> str:
    from warehouse.manifest import check_url

    try:
        return check_url(url.strip())
    except ValueError as exc:
        raise CatalogError(f"webhook url {display_url(url)} {exc}") from None


def add(department: str, dataset_ref: str, url: str, *, actor: str = "cli") -> tuple[dict[str, Any], str]:
    """Register a webhook; returns its row and its secret (hex), which is shown only now."""
    check_id(department, "department")
    owner, dataset = split_dataset(dataset_ref)
    url = _check_url(url)
    with connect() as con:
        if scalar(con, "SELECT count(*) FROM departments WHERE id = ?", [department]) == 0:
            raise CatalogError(f"department {department} is not in the catalog", hint="run its DAG once first")
        why = _receives(con, department, owner, dataset)
        if why is None:
            raise CatalogError(
                f"department {department} does not receive {owner}.{dataset}: it is neither open nor shared "
                "with it (manifest sharing or an approved token scope)",
                hint="apply for access first (pubdata tokens apply)",
            )
        webhook_id = "wh_" + secrets.token_hex(6)
        secret = _keys().webhook_secret(webhook_id, create=True)
        assert secret is not None
        con.execute(
            "INSERT INTO webhooks VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
            [webhook_id, department, owner, dataset, url, utcnow(), actor],
        )
        audit.append(
            actor,
            "webhook.add",
            f"{owner}.{dataset}",
            {"webhook": webhook_id, "department": department, "basis": why, "url": display_url(url)},
            con=con,
        )
        row = rows_as_dicts(con.execute("SELECT * FROM webhooks WHERE id = ?", [webhook_id]))[0]
    return row, secret.hex()


def remove(
    webhook_id: str | None = None,
    *,
    department: str | None = None,
    dataset_ref: str | None = None,
    url: str | None = None,
    actor: str = "cli",
) -> int:
    """Unregister by id, or every webhook of a department (for a dataset, for a URL); the
    secrets are shredded. Returns how many."""
    where, args = [], []
    if webhook_id:
        where.append("id = ?")
        args.append(webhook_id)
    if department:
        where.append("department_id = ?")
        args.append(check_id(department, "department"))
    if dataset_ref:
        owner, dataset = split_dataset(dataset_ref)
        where += ["owner_department_id = ?", "dataset_id = ?"]
        args += [owner, dataset]
    if url:
        where.append("url = ?")
        args.append(url.strip())
    if not where:
        raise CatalogError("name the webhook: --id, or --department with --dataset / --url")
    with connect() as con:
        ids = [r[0] for r in con.execute(f"SELECT id FROM webhooks WHERE {' AND '.join(where)}", args).fetchall()]
        for i in ids:
            con.execute("DELETE FROM webhooks WHERE id = ?", [i])
            audit.append(actor, "webhook.remove", None, {"webhook": i}, con=con)
    keys = _keys()
    for i in ids:
        keys.delete_webhook_secret(i)
    return len(ids)


def list_webhooks(department: str | None = None) -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        if not has_table(con, "webhooks"):
            return []
        sql = "SELECT * FROM webhooks" + (" WHERE department_id = ?" if department else "") + " ORDER BY created_at"
        rows = rows_as_dicts(con.execute(sql, [department] if department else []))
    for r in rows:
        r["url"] = display_url(r["url"])  # a token in a query string is not shown
    return rows


def deliveries(webhook_id: str | None = None) -> list[dict[str, Any]]:
    with connect(read_only=True) as con:
        if not has_table(con, "webhook_deliveries"):
            return []
        sql = "SELECT * FROM webhook_deliveries" + (" WHERE webhook_id = ?" if webhook_id else "")
        return rows_as_dicts(con.execute(sql + " ORDER BY attempted_at", [webhook_id] if webhook_id else []))


def _payload(owner: str, dataset: str, version: int) -> dict[str, Any] | None:
    base = get_setting("PUBDATA_PORTAL_URL").rstrip("/")
    with connect(read_only=True) as con:
        rows = rows_as_dicts(
            con.execute(
                "SELECT v.*, d.title FROM versions v JOIN datasets d USING (department_id, dataset_id) "
                "WHERE v.department_id = ? AND v.dataset_id = ? AND v.version IN (?, ?) ORDER BY v.version DESC",
                [owner, dataset, version, version - 1],
            )
        )
    if not rows or rows[0]["version"] != version:
        return None
    new, old = rows[0], (rows[1] if len(rows) > 1 else None)
    changes = version_changes(old["schema_json"] if old else None, new["schema_json"])
    page = f"{base}/datasets/{owner}/{dataset}"
    return {
        "event": EVENT,
        "dataset": {"department": owner, "id": dataset, "name": f"{owner}__{dataset}", "title": new["title"]},
        "version": {
            "number": version,
            "rows": new["rows"],
            "sha256": new["sha256"],
            "published_at": new["published_at"].isoformat() + "Z" if new["published_at"] else None,
            "quality_score": new["quality_score"],
            "open_tier": new["open_tier"],
        },
        "schema_change": changes,
        "breaking": bool(changes and changes["breaking"]),
        "links": {
            "page": page,
            **{fmt: f"{page}/download.{fmt}?version={version}" for fmt in ("csv", "parquet", "json")},
            "feed": f"{base}/feeds/{owner}/{dataset}.atom",
        },
    }


def hooks_for(owner: str, dataset: str) -> list[dict[str, Any]]:
    """The webhooks registered for ``owner.dataset``."""
    with connect(read_only=True) as con:
        if not has_table(con, "webhooks"):
            return []
        return rows_as_dicts(
            con.execute("SELECT * FROM webhooks WHERE owner_department_id = ? AND dataset_id = ?", [owner, dataset])
        )


def notify_new_version(
    owner: str, dataset: str, version: int, hooks: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """POST the new version to every webhook registered for ``owner.dataset`` (``hooks``: those,
    when the caller read them with :func:`hooks_for`); returns one result per webhook (never
    raises for a receiver's failure)."""
    hooks = hooks_for(owner, dataset) if hooks is None else hooks
    if not hooks:
        return []
    payload = _payload(owner, dataset, version)
    if payload is None:
        return []
    return [_deliver(hook, payload) for hook in hooks]


def _deliver(hook: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    from warehouse.sources.http import request

    delivery = str(uuid.uuid4())
    with connect(read_only=True) as con:
        allowed = _receives(con, hook["department_id"], hook["owner_department_id"], hook["dataset_id"])
    secret = _keys().webhook_secret(hook["id"])
    if allowed is None or secret is None:
        status = "skipped: " + ("no longer received" if allowed is None else "secret missing from the key store")
        _record(hook, delivery, 0, None, False, status, 0.0, final=status)
        return {"webhook": hook["id"], "ok": False, "status": status}
    body = json.dumps({**payload, "delivery": delivery, "sent_at": utcnow_iso()}, ensure_ascii=False).encode()
    retries = max(0, int_setting("PUBDATA_WEBHOOK_RETRIES"))
    timeout = float(get_setting("PUBDATA_WEBHOOK_TIMEOUT"))
    outcome = "failed"
    for attempt in range(1, retries + 2):
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-Pubdata-Event": EVENT,
            "X-Pubdata-Delivery": delivery,
            "X-Pubdata-Timestamp": timestamp,
            "X-Pubdata-Signature": sign(secret, timestamp, body),
        }
        t0 = time.monotonic()
        code, error = None, ""
        try:
            reply = request(hook["url"], method="POST", body=body, headers=headers, cap=1 << 16, timeout=timeout)
            code = reply.status
            ok = 200 <= code < 300
            error = "" if ok else f"HTTP {code}"
        except PubdataError as exc:
            ok, error = False, str(exc)[:300]
        last = ok or attempt == retries + 1
        outcome = "delivered" if ok else f"failed after {attempt} attempt(s): {error}"
        _record(hook, delivery, attempt, code, ok, error, time.monotonic() - t0, final=outcome if last else None)
        if ok:
            break
        if not last:
            time.sleep(min(30.0, 0.5 * 2 ** (attempt - 1)))
    return {"webhook": hook["id"], "ok": outcome == "delivered", "status": outcome, "delivery": delivery}


def _record(
    hook: dict[str, Any],
    delivery: str,
    attempt: int,
    code: int | None,
    ok: bool,
    error: str,
    seconds: float,
    *,
    final: str | None,
) -> None:
    with connect() as con:
        con.execute(
            "INSERT INTO webhook_deliveries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                delivery,
                hook["id"],
                EVENT,
                f"{hook['owner_department_id']}.{hook['dataset_id']}",
                attempt,
                code,
                ok,
                error[:300],
                round(seconds * 1000),
                utcnow(),
            ],
        )
        if final is not None:
            con.execute(
                "UPDATE webhooks SET last_status = ?, last_delivery_at = ? WHERE id = ?",
                [final[:300], utcnow(), hook["id"]],
            )
