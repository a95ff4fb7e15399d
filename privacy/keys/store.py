"""Key management: platform secrets, department key pairs and per-dataset data keys.

Layout under ``PUBDATA_KEYS_DIR`` (default ``$PUBDATA_HOME/keys``; a 0700 folder, every file
0600, written atomically; never inside the repository except under the ignored ``.pubdata``)::

    platform/master.key          32 random bytes: wraps data keys at rest (AES-256-GCM)
    platform/pseudonym.key       32 random bytes: root of the per-purpose pseudonym keys
    departments/<dept>/key.json  public key (PEM), algorithm, key id, status (active|revoked)
    departments/<dept>/private.pem   the department's private key when the platform generated it
    datakeys/<dept>/<dataset>.json   data keys of one dataset: each wrapped by the master key and,
                                     per authorised recipient, by that department's public key

* Pseudonym keys: ``HMAC-SHA256(root, "pubdata/pseudonym/v1/share/<purpose>")`` for a sharing
  purpose and ``.../public`` for open data, so pseudonyms of different purposes (and the
  public ones) cannot be linked, while two departments of the same purpose join.
* Wrapping: X25519 (ephemeral ECDH → HKDF-SHA256 → AES-256-GCM) or RSA-3072 OAEP-SHA256.
* Rotation of a department key pair re-wraps every data key it may open (no data is
  re-published); rotation of the master key re-wraps every data key at rest; rotation of a
  data key gives future versions a new key. Revocation deletes a department's wrapped copies
  (all datasets, or one) and, for a whole department, stops future wrapping. Destroying a
  data key (crypto-shredding) makes every ciphertext under it unreadable.

No key material is ever logged, printed or put into an error message.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa, x25519

from core import ConfigError, PrivacyError
from core.locks import file_lock
from core.settings import REPO_ROOT, path_setting
from privacy.keys.files import now, read_json, shred, write_json, write_secret
from privacy.keys.wrapping import master_id, unwrap_for, unwrap_master, wrap_for, wrap_master
from warehouse.lake import safe_id

__all__ = ["DepartmentKey", "KeyStore", "WrapAlg"]

WrapAlg = Literal["x25519", "rsa"]
_PSEUDONYM_LABEL = b"pubdata/pseudonym/v1/"


@dataclass(frozen=True)
class DepartmentKey:
    department: str
    key_id: str
    alg: WrapAlg
    public_pem: bytes
    status: str
    created: str

    def public_key(self) -> x25519.X25519PublicKey | rsa.RSAPublicKey:
        key = serialization.load_pem_public_key(self.public_pem)
        if not isinstance(key, (x25519.X25519PublicKey, rsa.RSAPublicKey)):
            raise ConfigError(f"department {self.department}: unsupported public key type")
        return key


class KeyStore:
    """Platform secrets and key pairs in a 0700 folder (default: setting ``PUBDATA_KEYS_DIR``)."""

    def __init__(self, root: Path | None = None, *, default_alg: WrapAlg = "x25519") -> None:
        self.root = (Path(root) if root is not None else path_setting("PUBDATA_KEYS_DIR")).resolve()
        self.default_alg = default_alg
        repo = REPO_ROOT.resolve()
        if self.root.is_relative_to(repo) and not self.root.is_relative_to(repo / ".pubdata"):
            raise ConfigError(
                f"keys folder {self.root} is inside the repository",
                hint="set PUBDATA_KEYS_DIR or PUBDATA_HOME outside the repo "
                "(or keep the default .pubdata, which git ignores)",
            )
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.root, 0o700)

    # ---------------------------------------------------------------- locking / files
    def _lock(self) -> contextlib.AbstractContextManager[None]:
        return file_lock(self.root / ".lock", mode=0o600)

    def _dir(self, *parts: str) -> Path:
        p = self.root.joinpath(*parts)
        for parent in reversed([p, *p.parents]):
            if parent.is_relative_to(self.root) and parent != self.root and not parent.exists():
                parent.mkdir(mode=0o700)
        return p

    def _read_json(self, path: Path) -> dict[str, Any] | None:
        return read_json(path)

    def _write_json(self, path: Path, data: dict[str, Any]) -> None:
        self._dir(*path.parent.relative_to(self.root).parts)
        write_json(path, data)

    # ---------------------------------------------------------------- platform secrets
    def _secret(self, name: str) -> bytes:
        path = self._dir("platform") / f"{name}.key"
        if not path.exists():
            write_secret(path, secrets.token_bytes(32), exclusive=True)
        if path.stat().st_mode & 0o077:
            raise ConfigError(f"secret file {path} is readable by others", hint=f"chmod 600 {path}")
        data = path.read_bytes()
        if len(data) != 32:
            raise ConfigError(f"secret file {path} is malformed (expected 32 bytes)")
        return data

    def ensure_platform(self) -> None:
        """Create the platform secrets if missing (idempotent)."""
        self._secret("master")
        self._secret("pseudonym")

    def _master_id(self, master: bytes) -> str:
        return master_id(master)

    def pseudonym_key(self, purpose: str) -> bytes:
        """Key of a sharing purpose (departments of the same purpose can join)."""
        safe_id(purpose, "purpose")
        return hmac.new(
            self._secret("pseudonym"), _PSEUDONYM_LABEL + b"share/" + purpose.encode(), hashlib.sha256
        ).digest()

    def public_pseudonym_key(self) -> bytes:
        """Key of pseudonyms in open data, distinct from every sharing key."""
        return hmac.new(self._secret("pseudonym"), _PSEUDONYM_LABEL + b"public", hashlib.sha256).digest()

    def rotate_master(self) -> int:
        """New master key; every stored data key is re-wrapped. Returns how many."""
        with self._lock():
            old = self._secret("master")
            new = secrets.token_bytes(32)
            files = sorted((self.root / "datakeys").glob("*/*.json")) if (self.root / "datakeys").exists() else []
            staged: list[tuple[Path, dict[str, Any]]] = []
            n = 0
            for f in files:
                doc = self._read_json(f) or {}
                owner = f"{f.parent.name}.{f.stem}"
                for kid, entry in doc.get("keys", {}).items():
                    if entry.get("destroyed"):
                        continue
                    dek = self._unwrap_master(old, owner, kid, entry["master"])
                    entry["master"] = self._wrap_master(new, owner, kid, dek)
                    n += 1
                staged.append((f, doc))
            for f, doc in staged:
                self._write_json(f, doc)
            write_secret(self._dir("platform") / "master.key", new)
            return n

    def rotate_pseudonym_secret(self) -> None:
        """New pseudonym root: pseudonyms of later versions no longer link to earlier ones."""
        with self._lock():
            write_secret(self._dir("platform") / "pseudonym.key", secrets.token_bytes(32))

    # ---------------------------------------------------------------- service secrets
    def webhook_secret(self, webhook_id: str, *, create: bool = False) -> bytes | None:
        """The HMAC secret of a registered webhook (``webhooks/<id>.key``; created when asked)."""
        path = self._dir("webhooks") / f"{safe_id(webhook_id, 'webhook')}.key"
        if create and not write_secret(path, secrets.token_bytes(32), exclusive=True):
            raise ConfigError(f"webhook {webhook_id} already has a secret")
        if not path.exists():
            return None
        return path.read_bytes()

    def delete_webhook_secret(self, webhook_id: str) -> None:
        shred(self._dir("webhooks") / f"{safe_id(webhook_id, 'webhook')}.key")

    def daily_key(self, purpose: str, day: str) -> bytes:
        """A random key that lives for one day (``daily/<purpose>.key`` holds only today's): on
        the first use of a new day it replaces, and shreds, the previous one, so whatever was
        keyed with an earlier day's key cannot be recomputed or linked across days."""
        path = self._dir("daily") / f"{safe_id(purpose, 'purpose')}.key"
        label = day.encode("ascii")
        with self._lock():
            if path.exists():
                data = path.read_bytes()
                if data[: len(label) + 1] == label + b"\n" and len(data) == len(label) + 33:
                    return data[len(label) + 1 :]
                shred(path)
            key = secrets.token_bytes(32)
            write_secret(path, label + b"\n" + key)
            return key

    # ---------------------------------------------------------------- department keys
    def _dept_dir(self, department: str) -> Path:
        return self._dir("departments", safe_id(department, "department"))

    def department(self, department: str) -> DepartmentKey | None:
        doc = self._read_json(self._dept_dir(department) / "key.json")
        if doc is None:
            return None
        return DepartmentKey(
            department, doc["key_id"], doc["alg"], doc["public_pem"].encode("ascii"), doc["status"], doc["created"]
        )

    def is_revoked(self, department: str, *, owner: str | None = None) -> bool:
        """Whether a department's access is revoked (everywhere, or for ``dept.dataset``)."""
        key = self.department(department)
        if key is not None and key.status == "revoked":
            return True
        if owner is not None:
            doc = self._read_json(self._datakey_path(owner)) or {}
            return department in doc.get("revoked", [])
        return False

    def restore(self, department: str, *, owner: str) -> None:
        """Lift a per-dataset revocation (future versions are shared again)."""
        with self._lock():
            path = self._datakey_path(owner)
            doc = self._read_json(path)
            if doc and department in doc.get("revoked", []):
                doc["revoked"].remove(department)
                self._write_json(path, doc)

    def private_key_path(self, department: str) -> Path:
        return self._dept_dir(department) / "private.pem"

    def create_department(
        self, department: str, *, alg: WrapAlg | None = None, public_pem: bytes | None = None, replace: bool = False
    ) -> DepartmentKey:
        """Generate (or import the public half of) a department key pair."""
        with self._lock():
            return self._create_department(department, alg=alg, public_pem=public_pem, replace=replace)

    def _create_department(
        self, department: str, *, alg: WrapAlg | None, public_pem: bytes | None, replace: bool
    ) -> DepartmentKey:
        d = self._dept_dir(department)
        existing = self.department(department)
        if existing is not None and not replace and existing.status == "active":
            raise ConfigError(
                f"department {department} already has a key pair ({existing.key_id})",
                hint="use `pubdata keys rotate --department` to replace it",
            )
        private_pem: bytes | None = None
        if public_pem is not None:
            pub = serialization.load_pem_public_key(public_pem)
            if isinstance(pub, x25519.X25519PublicKey):
                alg = "x25519"
            elif isinstance(pub, rsa.RSAPublicKey) and pub.key_size >= 2048:
                alg = "rsa"
            else:
                raise ConfigError("public key must be X25519 or RSA (>= 2048 bits)")
        else:
            alg = alg or self.default_alg
            priv: x25519.X25519PrivateKey | rsa.RSAPrivateKey
            priv = (
                x25519.X25519PrivateKey.generate()
                if alg == "x25519"
                else rsa.generate_private_key(public_exponent=65537, key_size=3072)
            )
            private_pem = priv.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            public_pem = priv.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        key_id = "k-" + secrets.token_hex(6)
        if private_pem is not None:
            write_secret(d / "private.pem", private_pem)
        else:
            (d / "private.pem").unlink(missing_ok=True)
        doc = {
            "department": department,
            "key_id": key_id,
            "alg": alg,
            "created": now(),
            "status": "active",
            "public_pem": public_pem.decode("ascii"),
        }
        self._write_json(d / "key.json", doc)
        key = self.department(department)
        assert key is not None  # just written
        return key

    def department_key(self, department: str, *, create: bool = True) -> DepartmentKey:
        key = self.department(department)
        if key is not None and key.status == "revoked":
            raise PrivacyError(f"department {department}'s access is revoked")
        if key is None:
            if not create:
                raise ConfigError(
                    f"department {department} has no key pair",
                    hint=f"run `pubdata keys create --department {department}`",
                )
            with self._lock():
                key = self.department(department) or self._create_department(
                    department, alg=None, public_pem=None, replace=False
                )
        return key

    def rotate_department(self, department: str, *, public_pem: bytes | None = None) -> int:
        """New key pair for a department; every data key it holds is re-wrapped. Returns how many."""
        with self._lock():
            old = self.department(department)
            if old is None:
                raise ConfigError(f"department {department} has no key pair to rotate")
            if old.status == "revoked":
                raise PrivacyError(f"department {department}'s access is revoked; create a new key pair to restore it")
            new = self._create_department(department, alg=old.alg, public_pem=public_pem, replace=True)
            master = self._secret("master")
            n = 0
            for f, doc in self._datakey_docs():
                owner = f"{f.parent.name}.{f.stem}"
                changed = False
                for kid, entry in doc.get("keys", {}).items():
                    if entry.get("destroyed") or department not in entry.get("recipients", {}):
                        continue
                    dek = self._unwrap_master(master, owner, kid, entry["master"])
                    entry["recipients"][department] = self._wrap_for(new, owner, kid, dek)
                    changed = True
                    n += 1
                if changed:
                    self._write_json(f, doc)
            return n

    def revoke(self, department: str, *, owner: str | None = None) -> int:
        """Delete a department's wrapped data keys (of one ``dept.dataset`` or all) and mark it
        revoked there (or everywhere) so nothing is wrapped or shared for it again (until
        :meth:`restore` / a new key pair). Returns how many wrapped keys were deleted."""
        with self._lock():
            n = 0
            for f, doc in self._datakey_docs():
                name = f"{f.parent.name}.{f.stem}"
                if owner is not None and name != owner:
                    continue
                changed = False
                for entry in doc.get("keys", {}).values():
                    if entry.get("recipients", {}).pop(department, None) is not None:
                        changed = True
                        n += 1
                if owner is not None and department not in doc.setdefault("revoked", []):
                    doc["revoked"].append(department)
                    changed = True
                if changed:
                    self._write_json(f, doc)
            if owner is not None and not self._datakey_path(owner).exists():
                self._write_json(
                    self._datakey_path(owner), {"owner": owner, "active": None, "keys": {}, "revoked": [department]}
                )
            if owner is None:
                d = self._dept_dir(department)
                key_doc = self._read_json(d / "key.json")
                if key_doc is None:
                    key_doc = {
                        "department": department,
                        "key_id": "none",
                        "alg": self.default_alg,
                        "created": now(),
                        "public_pem": "",
                    }
                key_doc["status"] = "revoked"
                key_doc["revoked"] = now()
                self._write_json(d / "key.json", key_doc)
                if (d / "private.pem").exists():
                    shred(d / "private.pem")
            return n

    # ---------------------------------------------------------------- data keys
    def _datakey_path(self, owner: str) -> Path:
        dept, _, dataset = owner.partition(".")
        return self._dir("datakeys", safe_id(dept, "department")) / f"{safe_id(dataset, 'dataset')}.json"

    def _datakey_docs(self) -> list[tuple[Path, dict[str, Any]]]:
        base = self.root / "datakeys"
        if not base.exists():
            return []
        return [(f, self._read_json(f) or {}) for f in sorted(base.glob("*/*.json"))]

    def _wrap_master(self, master: bytes, owner: str, key_id: str, dek: bytes) -> dict[str, str]:
        return wrap_master(master, owner, key_id, dek)

    def _unwrap_master(self, master: bytes, owner: str, key_id: str, w: dict[str, str]) -> bytes:
        return unwrap_master(master, owner, key_id, w)

    def _wrap_for(self, dk: DepartmentKey, owner: str, key_id: str, dek: bytes) -> dict[str, str]:
        return wrap_for(dk.public_key(), dk.key_id, dk.department, owner, key_id, dek)

    def data_key(self, owner: str, *, size: int = 32) -> tuple[str, bytes]:
        """The active data key of ``dept.dataset`` (created on first use): (key id, key)."""
        with self._lock():
            path = self._datakey_path(owner)
            doc = self._read_json(path) or {"owner": owner, "active": None, "keys": {}}
            master = self._secret("master")
            kid = doc.get("active")
            if kid and not doc["keys"].get(kid, {}).get("destroyed"):
                return kid, self._unwrap_master(master, owner, kid, doc["keys"][kid]["master"])
            return self._new_data_key(path, doc, owner, master, size)

    def _new_data_key(self, path: Path, doc: dict[str, Any], owner: str, master: bytes, size: int) -> tuple[str, bytes]:
        kid = "dk-" + secrets.token_hex(6)
        dek = secrets.token_bytes(size)
        doc["keys"][kid] = {
            "created": now(),
            "size": size,
            "destroyed": False,
            "master": self._wrap_master(master, owner, kid, dek),
            "recipients": {},
        }
        doc["active"] = kid
        self._write_json(path, doc)
        return kid, dek

    def rotate_data_key(self, owner: str) -> str:
        """A new active data key for future versions of ``dept.dataset`` (old ones still open old data)."""
        with self._lock():
            path = self._datakey_path(owner)
            doc = self._read_json(path) or {"owner": owner, "active": None, "keys": {}}
            old = doc["keys"].get(doc.get("active") or "", {})
            kid, _ = self._new_data_key(path, doc, owner, self._secret("master"), int(old.get("size", 32)))
            return kid

    def grant(self, owner: str, key_id: str, recipient: str) -> None:
        """Wrap data key ``key_id`` of ``dept.dataset`` for a recipient department."""
        dk = self.department_key(recipient)
        with self._lock():
            path = self._datakey_path(owner)
            doc = self._read_json(path) or {}
            if recipient in doc.get("revoked", []):
                raise PrivacyError(f"department {recipient}'s access to {owner} is revoked")
            entry = doc.get("keys", {}).get(key_id)
            if entry is None or entry.get("destroyed"):
                raise PrivacyError(f"data key {key_id} of {owner} does not exist or was destroyed")
            current = entry["recipients"].get(recipient)
            if current is not None and current.get("dept_key_id") == dk.key_id:
                return
            dek = self._unwrap_master(self._secret("master"), owner, key_id, entry["master"])
            entry["recipients"][recipient] = self._wrap_for(dk, owner, key_id, dek)
            self._write_json(path, doc)

    def destroy_data_key(self, owner: str, key_id: str | None = None) -> int:
        """Crypto-shredding: erase one data key (or all of ``dept.dataset``). Returns how many."""
        with self._lock():
            path = self._datakey_path(owner)
            doc = self._read_json(path)
            if doc is None:
                return 0
            n = 0
            for kid, entry in doc["keys"].items():
                if (key_id is None or kid == key_id) and not entry.get("destroyed"):
                    doc["keys"][kid] = {
                        "created": entry.get("created"),
                        "destroyed": True,
                        "destroyed_at": now(),
                        "recipients": {},
                    }
                    n += 1
            if doc.get("active") and doc["keys"].get(doc["active"], {}).get("destroyed"):
                doc["active"] = None
            tmp_old = path.with_name(path.name + ".old")
            os.replace(path, tmp_old)
            self._write_json(path, doc)
            shred(tmp_old)
            return n

    def unwrap(self, owner: str, key_id: str, recipient: str, private_key_pem: bytes) -> bytes:
        """Open a data key with a department's private key (what ``pubdata decrypt`` does)."""
        path = self._datakey_path(owner)
        doc = self._read_json(path) or {}
        entry = doc.get("keys", {}).get(key_id)
        if entry is None or entry.get("destroyed"):
            raise PrivacyError(
                f"data key {key_id} of {owner} was destroyed or never existed: the data cannot be decrypted"
            )
        w = entry.get("recipients", {}).get(recipient)
        if w is None:
            why = "access revoked" if self.is_revoked(recipient) else "not granted or revoked"
            raise PrivacyError(f"department {recipient} holds no key for {owner} ({why})")
        return unwrap_for(w, private_key_pem, recipient, owner, key_id)

    # ---------------------------------------------------------------- listing
    def summary(self) -> dict[str, Any]:
        """What exists (ids, algorithms, statuses, recipients); never key material."""
        depts = []
        base = self.root / "departments"
        if base.exists():
            for d in sorted(p for p in base.iterdir() if p.is_dir()):
                k = self.department(d.name)
                if k:
                    depts.append(
                        {
                            "department": k.department,
                            "key_id": k.key_id,
                            "alg": k.alg,
                            "status": k.status,
                            "created": k.created,
                            "private_key_held": (d / "private.pem").exists(),
                        }
                    )
        data = []
        for f, doc in self._datakey_docs():
            for kid, entry in doc.get("keys", {}).items():
                data.append(
                    {
                        "dataset": f"{f.parent.name}.{f.stem}",
                        "key_id": kid,
                        "active": doc.get("active") == kid,
                        "destroyed": bool(entry.get("destroyed")),
                        "recipients": sorted(entry.get("recipients", {})),
                    }
                )
        plat = self.root / "platform"
        return {
            "root": str(self.root),
            "platform": sorted(p.stem for p in plat.glob("*.key")) if plat.exists() else [],
            "departments": depts,
            "data_keys": data,
        }
