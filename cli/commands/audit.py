"""``pubdata audit``: verify the MACed, checkpointed audit log, write a checkpoint, show entries."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="verify, checkpoint or show the audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser(
        "verify",
        help="check every entry's MAC and link, the head and the latest signed checkpoint "
        "(exit 1 naming the missing and altered entries)",
    )
    v.set_defaults(func=run_verify)
    c = asub.add_parser("checkpoint", help="sign the log's head now and append it to the checkpoint file")
    c.set_defaults(func=run_checkpoint)
    s = asub.add_parser("show", help="print the newest entries")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--action", help="only actions starting with this (e.g. access)")
    s.add_argument("--subject", help="only this subject (e.g. health.clinic_visits)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_show)


def ranges(seqs: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``1-3, 5``."""
    runs: list[list[int]] = []
    for s in sorted(set(seqs)):
        if runs and runs[-1][1] == s - 1:
            runs[-1][1] = s
        else:
            runs.append([s, s])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def run_verify(args: argparse.Namespace) -> int:
    from catalog import audit

    r = audit.verify_report()
    cp = r.checkpoint
    cp_text = f"latest signed checkpoint: seq {cp['seq']} ({cp['time']})" if cp else "no signed checkpoint yet"
    if r.ok:
        if r.keyed:
            print(f"audit log intact: {r.entries} entries, MACs and links verified with the audit key; {cp_text}")
        else:
            print(
                f"audit log intact: {r.entries} entries (unkeyed: written before the audit key; their hash chain "
                "verified; sealed with the key at the next entry or by `pubdata audit checkpoint`)"
            )
        return 0
    bad = r.first_bad
    print(
        f"audit log BROKEN{f' at entry {bad}' if bad else ''}: {len(r.missing)} missing, {len(r.altered)} altered "
        f"({r.entries} entries left; {cp_text})"
    )
    if r.missing:
        print(f"missing: {ranges(r.missing)}")
    if r.altered:
        print(f"altered: {ranges(r.altered)}")
    for p in r.problems:
        print(f"problem: {p}")
    return 1


def run_checkpoint(args: argparse.Namespace) -> int:
    from catalog import audit
    from core.settings import path_setting

    cp = audit.checkpoint(reason="pubdata audit checkpoint")
    print(
        f"checkpoint written: seq {cp['seq']}, {cp['count']} entries, head {cp['hash'][:16]}…, signed; "
        f"appended to {path_setting('PUBDATA_AUDIT_CHECKPOINTS')}"
    )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from catalog import audit

    rows = audit.entries(limit=args.limit, action=args.action, subject=args.subject)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    for e in reversed(rows):
        print(
            f"{e['seq']:>6} {e['ts'][:19]} {e['actor']:<28} {e['action']:<22} {e['subject'] or '':<28} "
            f"{json.dumps(e['detail'], ensure_ascii=False)}"
        )
    return 0
