"""Print, as JSON, what a PUBDATA_HOME published: run with the environment of one profile.

``python tests/distributed/snapshot.py`` — used by the distributed tests to compare the local and
the distributed profile's results (and by ``bench/scale.py``). Rows of every published version
are read back through the profile's own storage (local path or ``s3://`` via httpfs) and through
the catalog's ``open`` view, sorted, and summarised (count, duplicates, a content digest; random
per-release surrogate keys are left out of the digest).
``objects`` lists the lake as the profile's storage holds it (``landing/``, ``lake/``, ``open/``:
files under PUBDATA_HOME, or objects in the bucket), with ``where`` saying which.
"""

from __future__ import annotations

import hashlib
import json


def lake_objects() -> dict[str, list[str]]:
    """The keys under ``landing/``, ``lake/`` and ``open/``, listed through the profile's filesystem."""
    from pyarrow import fs

    from warehouse import storage

    out = {}
    for prefix in ("landing", "lake", "open"):
        sel = fs.FileSelector(storage.fs_path(prefix), allow_not_found=True, recursive=True)
        root = storage.fs_path("")
        out[prefix] = sorted(
            i.path[len(root) :] for i in storage.filesystem().get_file_info(sel) if i.type == fs.FileType.File
        )
    return out


def main() -> dict:
    from catalog import audit
    from catalog.store import connect, open_view_name, rows_as_dicts
    from core.sql import quote_ident, scalar
    from warehouse import storage

    with connect(read_only=True) as con:
        versions = rows_as_dicts(
            con.execute(
                "SELECT department_id, dataset_id, version, run_id, rows, path, sha256, quality_score, open_tier, "
                "k_achieved, suppressed_rows FROM versions ORDER BY department_id, dataset_id, version"
            )
        )
        columns = rows_as_dicts(
            con.execute(
                "SELECT department_id, dataset_id, version, position, name, type, level, entity, action, method, "
                "reason, rule_id, published FROM columns ORDER BY department_id, dataset_id, version, position"
            )
        )
        runs = rows_as_dicts(
            con.execute(
                "SELECT run_id, department_id, dataset_id, status, stage, quality_score, input_rows, valid_rows, "
                "quarantined_rows, version FROM runs ORDER BY department_id, dataset_id, run_id"
            )
        )
        datasets = rows_as_dicts(
            con.execute("SELECT department_id, dataset_id, open_tier, tier_rule FROM datasets ORDER BY ALL")
        )
        view_counts = {}
        for d in {(v["department_id"], v["dataset_id"]) for v in versions}:
            view_counts[".".join(d)] = scalar(con, f"SELECT count(*) FROM {open_view_name(*d)}")
        # what each open.* relation is: a view over an s3:// URI (distributed) or a table (local)
        open_relations = {
            name: ("view", sql)
            for name, sql in con.execute(
                "SELECT view_name, sql FROM duckdb_views() WHERE schema_name = 'open' AND NOT internal"
            ).fetchall()
        }
        open_relations.update(
            {
                name: ("table", None)
                for (name,) in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'open' AND NOT internal"
                ).fetchall()
            }
        )
    tables = {}
    dcon = storage.duckdb_connect()
    # a row key of a release about people is a random surrogate per release (never the same twice)
    surrogates = {
        (c["department_id"], c["dataset_id"], c["version"], c["name"]) for c in columns if c["method"] == "surrogate"
    }
    for v in versions:
        uri = storage.uri(v["path"])
        random_cols = [
            n for (d, ds, ver, n) in surrogates if (d, ds, ver) == (v["department_id"], v["dataset_id"], v["version"])
        ]
        exclude = f" EXCLUDE ({', '.join(quote_ident(n) for n in random_cols)})" if random_cols else ""
        rows = dcon.execute(f"SELECT *{exclude} FROM read_parquet('{uri}')").fetchall()
        text = sorted(json.dumps(r, ensure_ascii=False, default=str) for r in rows)
        tables[f"{v['department_id']}.{v['dataset_id']}.v{v['version']}"] = {
            "rows": len(text),
            "distinct": len(set(text)),
            "digest": hashlib.sha256("\n".join(text).encode()).hexdigest(),
            "uri": uri,
        }
    report = audit.verify_report()
    ok, bad = report.ok, report.first_bad
    with connect(read_only=True) as con:
        seqs = con.execute("SELECT count(*), count(DISTINCT seq) FROM audit_log").fetchone()
        assert seqs is not None  # an aggregate query returns one row
        # the entries around the first bad one (who, what, the links' first characters; never details)
        around = (
            con.execute(
                "SELECT seq, ts, actor, action, subject, left(prev_hash, 10), left(hash, 10) FROM audit_log "
                "WHERE seq BETWEEN ? AND ? ORDER BY seq, ts",
                [bad - 3, bad + 2],
            ).fetchall()
            if bad
            else []
        )
    return {
        "profile": storage.profile(),
        "versions": versions,
        "columns": columns,
        "runs": runs,
        "datasets": datasets,
        "tables": tables,
        "view_counts": view_counts,
        "open_relations": open_relations,
        "where": storage.fs_path(""),
        "objects": lake_objects(),
        "audit": {
            "ok": ok,
            "first_bad": bad,
            "entries": seqs[0],
            "distinct_seq": seqs[1],
            # what verification found (seq numbers and checkpoint places, never entry contents)
            "missing": report.missing[:20],
            "altered": report.altered[:20],
            "problems": report.problems[:5],
            "around": [list(map(str, r)) for r in around],
        },
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, default=str))
