"""Benchmark of the column classifier.

1. Classification time for the same table at 1e4, 1e5, 1e6 and 1e7 rows (1e5 distinct rows
   generated once, then tiled with zero-copy ``pyarrow.concat_tables``): it must stay flat.
2. Side by side with presidio-structured (``PandasAnalysisBuilder`` analysing every row +
   ``StructuredEngine`` anonymising, with the same offline analyzer) on the same 1e5-row
   table: time, ratio, and column-level accuracy of both against the table's labels.
3. ``pubdata classify FILE --json`` as a user runs it, interpreter start-up included, on a
   10-column, 1,000-row CSV (median wall time of a few runs), with and without
   ``PYTHONDONTWRITEBYTECODE=1`` (``make install`` compiles the bytecode once; goal <= 1.5 s).

Usage: ``.venv/bin/python bench/classify.py [--quick]`` (``--quick``: up to 1e6 rows and a
5,000-row presidio-structured comparison). The last line is
``BENCH classify rows=<n> seconds=<s> ratio_vs_presidio_structured=<x>``.
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

from privacy.classification import TableClassification, classify_table
from privacy.engine import LANGUAGE, new_analyzer
from tests.testdata import LabelledTable, bench_table


def tiled(base: pa.Table, rows: int) -> pa.Table:
    if rows <= base.num_rows:
        return base.slice(0, rows)
    copies = -(-rows // base.num_rows)
    return pa.concat_tables([base] * copies).slice(0, rows)


def accuracy_ours(lt: LabelledTable, result: TableClassification) -> tuple[float, float]:
    cols = result.columns
    entity_ok = sum(c.entity == lt.labels[c.name].entity for c in cols)
    both_ok = sum((c.entity, c.level) == (lt.labels[c.name].entity, lt.labels[c.name].level) for c in cols)
    return entity_ok / len(cols), both_ok / len(cols)


def small_csv(path: Path, rows: int = 1000) -> None:
    """A 10-column, 1,000-row CSV of the kind a department exports."""
    lt = bench_table(rows, seed=11)
    names = lt.table.column_names[:10]
    cols = [lt.table.column(n).to_pylist() for n in names]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for i in range(rows):
            w.writerow(["" if c[i] is None else c[i] for c in cols])


def cli_seconds(path: Path, runs: int, no_bytecode: bool) -> float:
    """Median wall time of ``pubdata classify PATH --json``, interpreter start-up included."""
    env = dict(os.environ)
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    exe = Path(sys.executable).with_name("pubdata")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(exe), "classify", str(path), "--json"], env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller run (up to 1e6 rows, 5k-row comparison)")
    ap.add_argument("--presidio-rows", type=int, default=None, help="rows for the presidio-structured run")
    ap.add_argument("--cli-runs", type=int, default=5, help="runs of `pubdata classify` per setting")
    args = ap.parse_args()
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    sizes = [10_000, 100_000, 1_000_000] + ([] if args.quick else [10_000_000])
    cmp_rows = args.presidio_rows or (5_000 if args.quick else 100_000)

    t = time.perf_counter()
    lt = bench_table(100_000)
    print(
        f"generated {lt.table.num_rows} distinct rows x {lt.table.num_columns} columns in "
        f"{time.perf_counter() - t:.1f}s"
    )
    t = time.perf_counter()
    classify_table(lt.table.slice(0, 100))  # loads the analyzer and jieba once
    print(f"warm-up (analyzer + jieba load): {time.perf_counter() - t:.1f}s")

    print("\nclassification time vs table size (sample_size = PUBDATA_SAMPLE_SIZE):")
    print(f"{'rows':>12} {'seconds':>9} {'entity acc':>11} {'entity+level acc':>17}")
    ours_at: dict[int, float] = {}
    for n in sizes:
        t = time.perf_counter()
        table = tiled(lt.table, n)
        build = time.perf_counter() - t
        t = time.perf_counter()
        result = classify_table(table)
        secs = time.perf_counter() - t
        ours_at[n] = secs
        ea, la = accuracy_ours(lt, result)
        print(f"{n:>12,} {secs:>9.3f} {ea:>11.0%} {la:>17.0%}   (table built in {build:.2f}s)")

    # ---------------------------------------------------------------- presidio-structured
    from presidio_structured import PandasAnalysisBuilder, PandasDataProcessor, StructuredEngine

    cmp_table = tiled(lt.table, cmp_rows)
    t = time.perf_counter()
    ours = classify_table(cmp_table)
    ours_secs = time.perf_counter() - t
    ours_entity_acc, ours_level_acc = accuracy_ours(lt, ours)

    df = cmp_table.to_pandas().astype(object)  # object columns: avoids its O(n^2) anonymize trap
    builder = PandasAnalysisBuilder(analyzer=new_analyzer())
    print(f"\npresidio-structured on {cmp_rows:,} rows x {df.shape[1]} columns (every row analysed) ...", flush=True)
    t = time.perf_counter()
    analysis = builder.generate_analysis(df, language=LANGUAGE)
    ps_secs = time.perf_counter() - t
    mapping = analysis.entity_mapping
    ps_acc = sum(mapping.get(c) == lt.labels[c].entity for c in df.columns) / df.shape[1]
    t = time.perf_counter()
    StructuredEngine(data_processor=PandasDataProcessor()).anonymize(df.copy(), analysis)
    anon_secs = time.perf_counter() - t
    ratio = ps_secs / ours_secs

    print(f"\n{'':28} {'seconds':>9} {'entity acc':>11}")
    print(f"{'presidio-structured analyse':28} {ps_secs:>9.2f} {ps_acc:>11.0%}   (+ anonymize {anon_secs:.2f}s)")
    print(
        f"{'pubdata classify_table':28} {ours_secs:>9.3f} {ours_entity_acc:>11.0%}   "
        f"(entity+level {ours_level_acc:.0%})"
    )
    print(f"ratio (presidio-structured / ours): {ratio:.0f}x")
    wrong = {c: (mapping.get(c), lt.labels[c].entity) for c in df.columns if mapping.get(c) != lt.labels[c].entity}
    print(f"presidio-structured mislabels (got, want): {wrong}")
    ours_wrong = {
        c.name: (c.entity, c.level)
        for c in ours.columns
        if (c.entity, c.level) != (lt.labels[c.name].entity, lt.labels[c.name].level)
    }
    print(f"pubdata mislabels: {ours_wrong or 'none'}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "department_export.csv"
        small_csv(path)
        cli_runs = max(1, args.cli_runs)
        cli_seconds(path, 1, no_bytecode=False)  # the file system cache warm, as on a user's machine
        with_bc = cli_seconds(path, cli_runs, no_bytecode=False)
        without_bc = cli_seconds(path, cli_runs, no_bytecode=True)
    print(f"\n`pubdata classify FILE --json`, 10 columns x 1,000 rows, start-up included (median of {cli_runs}):")
    print(f"  bytecode written/used as usual       {with_bc:6.2f} s per file")
    print(f"  PYTHONDONTWRITEBYTECODE=1            {without_bc:6.2f} s per file   (goal <= 1.5 s)")
    biggest = sizes[-1]
    print(f"BENCH classify rows={biggest} seconds={ours_at[biggest]:.3f} ratio_vs_presidio_structured={ratio:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
