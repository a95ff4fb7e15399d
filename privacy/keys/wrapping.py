"""Envelope encryption of data keys: wrapped at rest by the master key (AES-256-GCM), and per
recipient by that department's public key (X25519 ephemeral ECDH -> HKDF-SHA256 -> AES-256-GCM,
or RSA-3072 OAEP-SHA256). The associated data binds each wrapped key to its dataset, key id and
recipient, so a wrapped copy cannot be moved to another dataset or department."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core import PrivacyError
from privacy.keys.files import b64, unb64

__all__ = ["aad", "master_id", "unwrap_for", "unwrap_master", "wrap_for", "wrap_master"]


def aad(owner: str, key_id: str, recipient: str = "") -> bytes:
    """Associated data of a wrapped data key."""
    return f"pubdata/datakey/v1|{owner}|{key_id}|{recipient}".encode()


def master_id(master: bytes) -> str:
    """A short public id of a master key (which key wrapped a document), not the key."""
    return hmac.new(master, b"pubdata/key-id", hashlib.sha256).hexdigest()[:12]


def wrap_master(master: bytes, owner: str, key_id: str, dek: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {
        "kek": master_id(master),
        "nonce": b64(nonce),
        "ct": b64(AESGCM(master).encrypt(nonce, dek, aad(owner, key_id))),
    }


def unwrap_master(master: bytes, owner: str, key_id: str, w: dict[str, str]) -> bytes:
    try:
        return AESGCM(master).decrypt(unb64(w["nonce"]), unb64(w["ct"]), aad(owner, key_id))
    except (InvalidTag, KeyError, ValueError):
        raise PrivacyError(f"data key {key_id} of {owner} cannot be unwrapped with the master key") from None


def wrap_for(
    public: x25519.X25519PublicKey | rsa.RSAPublicKey,
    dept_key_id: str,
    recipient: str,
    owner: str,
    key_id: str,
    dek: bytes,
) -> dict[str, str]:
    """``dek`` wrapped for a recipient department's public key."""
    ad = aad(owner, key_id, recipient)
    if isinstance(public, x25519.X25519PublicKey):
        eph = x25519.X25519PrivateKey.generate()
        epk = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        kek = HKDF(hashes.SHA256(), 32, salt=epk, info=ad).derive(eph.exchange(public))
        nonce = secrets.token_bytes(12)
        return {
            "alg": "X25519-HKDF-SHA256-A256GCM",
            "dept_key_id": dept_key_id,
            "epk": b64(epk),
            "nonce": b64(nonce),
            "ct": b64(AESGCM(kek).encrypt(nonce, dek, ad)),
        }
    ct = public.encrypt(dek, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=ad))
    return {"alg": "RSA-OAEP-SHA256", "dept_key_id": dept_key_id, "ct": b64(ct)}


def unwrap_for(w: dict[str, str], private_key_pem: bytes, recipient: str, owner: str, key_id: str) -> bytes:
    """Open a wrapped data key with the recipient's private key."""
    ad = aad(owner, key_id, recipient)
    try:
        priv = serialization.load_pem_private_key(private_key_pem, password=None)
        if w["alg"].startswith("X25519"):
            if not isinstance(priv, x25519.X25519PrivateKey):
                raise ValueError
            epk = unb64(w["epk"])
            shared = priv.exchange(x25519.X25519PublicKey.from_public_bytes(epk))
            kek = HKDF(hashes.SHA256(), 32, salt=epk, info=ad).derive(shared)
            return AESGCM(kek).decrypt(unb64(w["nonce"]), unb64(w["ct"]), ad)
        if not isinstance(priv, rsa.RSAPrivateKey):
            raise ValueError
        return priv.decrypt(
            unb64(w["ct"]), padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=ad)
        )
    except (InvalidTag, ValueError, TypeError, KeyError):
        raise PrivacyError(
            f"the private key given does not open {recipient}'s key for {owner} "
            "(wrong key, or the key pair was rotated)"
        ) from None
