"""``pubdata keys``: platform secrets, department key pairs and data keys.

::

    pubdata keys create  [--department D [--alg x25519|rsa] [--public-key PEM]]   (platform secrets always)
    pubdata keys rotate  --department D [--public-key PEM] | --master | --dataset D.DS | --pseudonym --yes
    pubdata keys revoke  --department D [--dataset D.DS]
    pubdata keys destroy --dataset D.DS [--key-id K] --yes        (crypto-shredding)
    pubdata keys list    [--json]

Key files live under ``PUBDATA_KEYS_DIR`` (``--keys-dir`` overrides it), 0600 in a 0700 folder.
Nothing this command prints contains key material.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core import ConfigError

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "keys",
        help="manage platform secrets, department key pairs and data keys",
        description="Create, rotate, revoke or destroy keys. Key material is never printed.",
    )
    p.add_argument("--keys-dir", type=Path, help="key folder (default: setting PUBDATA_KEYS_DIR)")
    acts = p.add_subparsers(dest="keys_action", metavar="ACTION", required=True)

    c = acts.add_parser("create", help="create platform secrets and (optionally) a department key pair")
    c.add_argument("--department", help="department id")
    c.add_argument("--alg", choices=["x25519", "rsa"], default="x25519")
    c.add_argument(
        "--public-key", type=Path, help="import the department's own public key (PEM) instead of generating a pair"
    )

    r = acts.add_parser(
        "rotate", help="rotate a department key pair, the master key, a data key or the pseudonym secret"
    )
    g = r.add_mutually_exclusive_group(required=True)
    g.add_argument("--department")
    g.add_argument("--master", action="store_true", help="new master key; re-wraps every data key")
    g.add_argument("--dataset", metavar="DEPARTMENT.DATASET", help="new data key for future versions")
    g.add_argument(
        "--pseudonym",
        action="store_true",
        help="new pseudonym secret (breaks linkage with earlier versions; needs --yes)",
    )
    r.add_argument("--public-key", type=Path, help="with --department: the department's new public key")
    r.add_argument("--yes", action="store_true")

    v = acts.add_parser("revoke", help="stop a department's access (all datasets, or one)")
    v.add_argument("--department", required=True)
    v.add_argument("--dataset", metavar="DEPARTMENT.DATASET")

    d = acts.add_parser("destroy", help="destroy data keys: their ciphertexts become unreadable")
    d.add_argument("--dataset", metavar="DEPARTMENT.DATASET", required=True)
    d.add_argument("--key-id")
    d.add_argument("--yes", action="store_true")

    ls = acts.add_parser("list", help="show keys (ids, algorithms, status; never material)")
    ls.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _owner(value: str) -> str:
    from warehouse.lake import safe_id

    dept, _, ds = value.partition(".")
    try:
        safe_id(dept, "department")
        safe_id(ds, "dataset")
    except ValueError:
        raise ConfigError("name the dataset as DEPARTMENT.DATASET (plain ids)") from None
    return value


def _read_pem(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read public key file {path} ({exc.__class__.__name__})") from None


def run(args: argparse.Namespace) -> int:
    from privacy.keys import KeyStore
    from warehouse.lake import safe_id

    ks = KeyStore(args.keys_dir)
    act = args.keys_action
    dept = getattr(args, "department", None)
    if dept is not None:
        try:
            safe_id(dept, "department")
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    if act == "create":
        ks.ensure_platform()
        print(f"platform secrets present in {ks.root}")
        if dept:
            try:
                pem = _read_pem(args.public_key)
                k = ks.create_department(dept, alg=args.alg, public_pem=pem)
            except ValueError:
                raise ConfigError("the public key file is not a PEM public key") from None
            held = (
                "private key stored (0600) at " + str(ks.private_key_path(dept))
                if pem is None
                else "public key imported; the department keeps its private key"
            )
            print(f"department {dept}: key {k.key_id} ({k.alg}); {held}")
        return 0
    if act == "rotate":
        if dept:
            n = ks.rotate_department(dept, public_pem=_read_pem(args.public_key))
            key = ks.department(dept)
            assert key is not None  # just rotated
            print(f"department {dept}: new key {key.key_id}; {n} data key(s) re-wrapped, nothing re-published")
        elif args.master:
            n = ks.rotate_master()
            print(f"master key rotated; {n} data key(s) re-wrapped")
        elif args.dataset:
            kid = ks.rotate_data_key(_owner(args.dataset))
            print(f"{args.dataset}: new data key {kid} for future versions (earlier keys kept)")
        else:
            if not args.yes:
                raise ConfigError(
                    "rotating the pseudonym secret unlinks future pseudonyms from all earlier ones",
                    hint="add --yes to confirm",
                )
            ks.rotate_pseudonym_secret()
            print("pseudonym secret rotated: later versions carry new pseudonyms")
        return 0
    if act == "revoke":
        assert dept is not None  # --department is required for revoke
        owner = _owner(args.dataset) if args.dataset else None
        n = ks.revoke(dept, owner=owner)
        scope = owner or "all datasets (no data key will be wrapped for it again)"
        print(f"department {dept}: access revoked for {scope}; {n} wrapped key(s) deleted")
        return 0
    if act == "destroy":
        owner = _owner(args.dataset)
        if not args.yes:
            raise ConfigError(
                "destroying a data key makes its ciphertexts unreadable forever", hint="add --yes to confirm"
            )
        n = ks.destroy_data_key(owner, args.key_id)
        print(f"{owner}: {n} data key(s) destroyed; their ciphertexts can no longer be decrypted")
        return 0
    summary = ks.summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    print(f"keys folder: {summary['root']}  platform secrets: {', '.join(summary['platform']) or 'none'}")
    for d in summary["departments"]:
        print(
            f"department {d['department']:<20} {d['key_id']:<16} {d['alg']:<7} {d['status']}"
            f"{'  (private key held by platform)' if d['private_key_held'] else ''}"
        )
    for k in summary["data_keys"]:
        state = "destroyed" if k["destroyed"] else ("active" if k["active"] else "retired")
        print(f"data key   {k['dataset']:<30} {k['key_id']:<16} {state:<9} -> {', '.join(k['recipients']) or '-'}")
    return 0


if __name__ == "__main__":
    from cli.main import main

    sys.exit(main(["keys", *sys.argv[1:]]))
