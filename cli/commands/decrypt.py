"""``pubdata decrypt``: a department opens its shared variant with its private key.

::

    pubdata decrypt SHARED.parquet --output OUT.parquet [--department D] [--private-key PEM]

The recipient and the data key id are read from the file's metadata; the department's wrapped
data key from the key store (``--keys-dir``/``PUBDATA_KEYS_DIR``); the private key from
``--private-key`` (default: the one the platform generated for the department). The output is
written 0600. A wrong private key, a revoked department or a destroyed data key fail with an
error naming the cause -- never a value or a key.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core import ConfigError, PrivacyError

__all__ = ["decrypt_file", "register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "decrypt",
        help="decrypt a shared variant with a department's private key",
        description="Open the encrypted columns of a shared variant (whole file).",
    )
    p.add_argument("shared", type=Path, metavar="SHARED.parquet")
    p.add_argument("--output", "-o", type=Path, required=True, help="decrypted Parquet (written 0600)")
    p.add_argument("--department", help="recipient department (default: from the file)")
    p.add_argument("--private-key", type=Path, help="the department's private key (PEM)")
    p.add_argument("--keys-dir", type=Path, help="key folder (default: setting PUBDATA_KEYS_DIR)")
    p.set_defaults(func=run)


def decrypt_file(
    shared: Path,
    output: Path,
    *,
    department: str | None = None,
    private_key: Path | None = None,
    keys_dir: Path | None = None,
) -> tuple[int, list[str]]:
    """Decrypt ``shared`` into ``output``; returns (rows, decrypted column names)."""
    import pyarrow.parquet as pq

    from privacy.crypto import decrypt_table, read_encryption_meta, write_private_parquet
    from privacy.keys import KeyStore

    shared, output = Path(shared), Path(output)
    if not shared.is_file():
        raise ConfigError(f"{shared} is not a file")
    if output.resolve() == shared.resolve():
        raise ConfigError("--output must differ from the shared file")
    try:
        meta = read_encryption_meta(shared)
    except (OSError, ValueError) as exc:
        raise PrivacyError(f"{shared.name} is not a readable Parquet file ({exc.__class__.__name__})") from None
    if meta is None:
        raise PrivacyError(f"{shared.name} has no encrypted columns (nothing to decrypt)")
    recipient = department or meta.get("recipient") or ""
    if department and meta.get("recipient") and department != meta["recipient"]:
        raise PrivacyError(f"{shared.name} was shared with {meta['recipient']}, not {department}")
    ks = KeyStore(keys_dir)
    pk_path = private_key or ks.private_key_path(recipient)
    try:
        pem = pk_path.read_bytes()
    except OSError:
        raise ConfigError(
            f"no private key for department {recipient} at {pk_path}", hint="pass --private-key PATH"
        ) from None
    dek = ks.unwrap(meta["owner"], meta["key_id"], recipient, pem)
    table = decrypt_table(pq.read_table(shared), meta, dek)
    write_private_parquet(table, output)
    return table.num_rows, sorted(meta["columns"])


def run(args: argparse.Namespace) -> int:
    rows, cols = decrypt_file(
        args.shared, args.output, department=args.department, private_key=args.private_key, keys_dir=args.keys_dir
    )
    print(f"decrypted {rows} rows ({', '.join(cols)}) -> {args.output}")
    return 0


if __name__ == "__main__":
    from cli.main import main

    sys.exit(main(["decrypt", *sys.argv[1:]]))
