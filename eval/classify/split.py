#!/usr/bin/env python3
"""The tune/report split: assigned once per table id, frozen in split.tsv.

Rule (applied only to ids not yet in split.tsv, by `python eval/classify/split.py --freeze`):
new tables are grouped by (sector, kind) and ordered by h(id) = sha256("pubdata-eval/split/" + id).
Consecutive pairs in a group go one to each half (the first hex digit of h decides which);
the odd one out of each group is then placed, in h order, in the half that keeps its sector
closest to 50/50, then its kind (remaining ties broken by the second hex digit of h), and a
deterministic hill-climb flips or swaps odd-ones-out while that reduces the number of sectors
and kinds more than one table away from an even split.
Existing lines are never changed: a table's split is looked up by its id only and never
depends on data, labels or classifier results.
"""
from __future__ import annotations

import collections
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLIT_FILE = os.path.join(HERE, "split.tsv")
SPLITS = ("tune", "report")


def _h(s: str) -> str:
    return hashlib.sha256(("pubdata-eval/split/" + s).encode()).hexdigest()


def load(path: str = SPLIT_FILE) -> dict[str, str]:
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                tid, split = line.rstrip("\n").split("\t")[:2]
                assert split in SPLITS, line
                out[tid] = split
    return out


def freeze(defs, path: str = SPLIT_FILE) -> list[tuple[str, str]]:
    """Assign splits to ids missing from `path` and append them. Returns the new lines."""
    existing = load(path)
    meta = {d.id: (d.sector, d.kind) for d in defs}
    count: collections.Counter = collections.Counter()

    def add(tid: str, sp: str) -> None:
        s, k = meta[tid]
        count[("s", s, sp)] += 1
        count[("k", k, sp)] += 1

    def imbalance(tid: str, sp: str) -> tuple[int, int]:
        s, k = meta[tid]
        other = "report" if sp == "tune" else "tune"
        return (abs(count[("s", s, sp)] + 1 - count[("s", s, other)]),
                abs(count[("k", k, sp)] + 1 - count[("k", k, other)]))

    for tid, sp in existing.items():
        if tid in meta:
            add(tid, sp)
    groups: dict[tuple, list[str]] = {}
    for d in defs:
        if d.id not in existing:
            groups.setdefault((d.sector, d.kind), []).append(d.id)
    new, leftovers = [], []
    for key in sorted(groups):
        ids = sorted(groups[key], key=_h)
        for i in range(0, len(ids) - 1, 2):  # pairs: one each way, the hash decides which
            first = int(_h(ids[i])[0], 16) % 2
            for j, tid in enumerate(ids[i:i + 2]):
                sp = SPLITS[(first + j) % 2]
                new.append((tid, sp))
                add(tid, sp)
        if len(ids) % 2:
            leftovers.append(ids[-1])
    placed = {}
    for tid in sorted(leftovers, key=_h):  # odd ones out: keep the sector, then the kind, near 50/50
        tie = int(_h(tid)[1], 16) % 2
        sp = min(SPLITS, key=lambda s: (imbalance(tid, s), SPLITS.index(s) != tie))
        placed[tid] = sp
        add(tid, sp)
    _improve(placed, meta, count)
    new += sorted(placed.items())
    if new:
        header = not os.path.exists(path)
        with open(path, "a", encoding="utf-8") as f:
            if header:
                f.write("# table_id<TAB>split — assigned once by split.py --freeze; never edit existing lines\n")
            for tid, sp in sorted(new):
                f.write(f"{tid}\t{sp}\n")
    return new


def _penalty(count: collections.Counter, meta: dict) -> int:
    keys = {("s", s) for s, _ in meta.values()} | {("k", k) for _, k in meta.values()}
    return sum(max(0, abs(count[(a, b, "tune")] - count[(a, b, "report")]) - 1) for a, b in keys)


def _improve(placed: dict, meta: dict, count: collections.Counter) -> None:
    """Deterministic hill-climb over the odd-one-out tables: flip one, or swap two in opposite halves,
    while that lowers the number of sectors/kinds more than one table away from 50/50."""
    def move(tid: str, to: str) -> None:
        s, k = meta[tid]
        frm = placed[tid]
        for key in (("s", s), ("k", k)):
            count[key + (frm,)] -= 1
            count[key + (to,)] += 1
        placed[tid] = to

    ids = sorted(placed, key=_h)
    improved = True
    while improved:
        improved = False
        base = _penalty(count, meta)
        for a in ids:
            for b in [None] + [x for x in ids if placed[x] != placed[a]]:
                pa = placed[a]
                move(a, "report" if pa == "tune" else "tune")
                if b is not None:
                    move(b, pa)
                if _penalty(count, meta) < base:
                    improved = True
                    break
                if b is not None:
                    move(b, "report" if pa == "tune" else "tune")
                move(a, pa)
            if improved:
                break


def main() -> int:
    if "--freeze" not in sys.argv:
        print(__doc__)
        return 0
    sys.path.insert(0, HERE)
    import gen.sectors  # noqa: F401
    from gen.table import REGISTRY
    new = freeze(REGISTRY)
    for tid, sp in new:
        print(f"{tid}\t{sp}")
    print(f"{len(new)} new assignments", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
