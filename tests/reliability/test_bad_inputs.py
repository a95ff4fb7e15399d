"""Bad inputs, table-driven (cases.py): each case runs the real stages in-process against a home
where a good version 1 is already published, then the "nothing lost" invariants are checked:

* the raw input is in ``landing/`` byte for byte;
* ``valid + quarantined + unparseable (kept in landing) = input rows``; quarantined rows carry
  their rule ids, unparseable rows their line and reason;
* handled: version 2 holds exactly the valid rows; clear error: version 1 is still the latest,
  readable through the ``open`` view and intact (sha256);
* a clear error names the file/row/field and says what to do (a hint); no raw ID number or
  mobile from the input appears in the error or in the run record.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from cases import CASES
from harness import BASE_MANIFEST, DEPT, DS, Case, catalog_rows, clone_base, leaked, sha256, versions_intact

from core import PubdataError


def run_case(case: Case, env, monkeypatch) -> dict:
    env.activate(monkeypatch)
    manifest = copy.deepcopy(BASE_MANIFEST)
    if case.tweak:
        case.tweak(manifest)
    env.write_manifest(manifest)
    built = case.build(env.src / DEPT)
    run_id = f"case_{case.name}"
    out: dict = {"built": built, "run_id": run_id, "error": None}
    from orchestration.pipeline import run_dataset

    try:
        out["result"] = run_dataset(DEPT, DS, run_id)
    except PubdataError as exc:
        out["error"] = exc
    return out


@pytest.mark.reliability("bad_input")
@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=c.marks) for c in CASES])
def test_bad_input(case: Case, base: dict, tmp_path: Path, monkeypatch, case_record) -> None:
    env = clone_base(base, tmp_path / "case")
    out = run_case(case, env, monkeypatch)
    err = out["error"]
    built = out["built"]
    home = env.home
    case_record.outcome = "clear_error" if err else "handled"
    case_record.detail = f"{type(err).__name__}: {err}" if err else f"published v{out['result']['version']}"

    # --- nothing lost --------------------------------------------------------------------------
    landing = home / "landing" / DEPT / DS / out["run_id"].replace(":", "_")
    src_files = [p for p in (env.src / DEPT).iterdir() if p.is_file()]
    manifest_path = copy.deepcopy(BASE_MANIFEST)
    if case.tweak:
        case.tweak(manifest_path)
    wanted = Path(manifest_path["datasets"][0]["source"]["path"]).name
    for f in src_files:
        if f.name == wanted:
            kept = landing / f.name
            if not (kept.is_file() and kept.read_bytes() == f.read_bytes()):
                case_record.lost += built.input_rows or 1
    run = catalog_rows(
        "SELECT status, stage, message, input_rows, valid_rows, quarantined_rows FROM runs WHERE run_id = ?",
        [out["run_id"]],
    )
    assert run, "the run was not recorded in the catalog"
    status, stage, message, input_rows, valid_rows, quarantined_rows = run[0]
    unparseable_file = landing / "unparseable_rows.parquet"
    unparseable = pq.read_table(unparseable_file) if unparseable_file.exists() else None
    n_unparseable = unparseable.num_rows if unparseable is not None else 0
    out["unparseable_lines"] = unparseable.column("row").to_pylist() if unparseable is not None else []
    if unparseable is not None:
        assert all(r > 0 for r in out["unparseable_lines"]), "an unparseable row has no line number"
        assert all(unparseable.column("reason").to_pylist())
    if valid_rows is not None:  # validation ran: every received row is accounted for
        accounted = valid_rows + quarantined_rows + n_unparseable
        if accounted != built.input_rows:
            case_record.lost += abs(built.input_rows - accounted)
        qfile = home / "lake" / "quarantine" / DEPT / DS / f"{out['run_id']}.parquet"
        if quarantined_rows:
            q = pq.read_table(qfile)
            assert q.num_rows == quarantined_rows
            assert all(q.column("_rejected_rules").to_pylist()), "a quarantined row has no reason"
    versions = catalog_rows(
        "SELECT version, rows, run_id FROM versions WHERE department_id = ? AND dataset_id = ? ORDER BY version",
        [DEPT, DS],
    )
    assert versions_intact(home) == []
    assert catalog_rows(f'SELECT count(*) FROM open."{DEPT}__{DS}"')  # the open view reads

    # --- secrets -----------------------------------------------------------------------------
    texts = [str(err or ""), getattr(err, "hint", "") or ""] + [
        r[0] or "" for r in catalog_rows("SELECT message FROM runs")
    ]
    leaks = leaked("\n".join(texts))
    case_record.leaks = len(leaks)
    assert not leaks, "raw personal values in an error message or run record"

    assert case_record.lost == 0, f"{case_record.lost} input rows unaccounted for"
    if case.expect == "clear_error":
        assert err is not None, f"expected a clear error, but the run published {out.get('result')}"
        text = f"{err} {err.hint}"
        for part in case.message:
            assert part in text, f"{part!r} not in error: {text}"
        assert err.hint, "the error does not say what to do"
        assert status in ("failed", "blocked") and message and err.hint in message
        assert [v[0] for v in versions] == [1] and versions[0][1] == base["rows"], "the last good version moved"
        assert sha256(home / base["path"]) == base["sha256"]
        assert catalog_rows(f'SELECT count(*) FROM open."{DEPT}__{DS}"') == [(base["rows"],)]
    else:
        assert err is None, f"expected handled, got {type(err).__name__}: {err} — {getattr(err, 'hint', '')}"
        res = out["result"]
        assert status == "published" and res["version"] == 2
        assert [v[0] for v in versions] == [1, 2]
        assert catalog_rows(f"SELECT count(*) FROM read_parquet('{base['path']}')") == [(base["rows"],)]
        published = catalog_rows(f'SELECT * FROM open."{DEPT}__{DS}" ORDER BY "编号"')
        cols = [r[0] for r in catalog_rows(f'DESCRIBE open."{DEPT}__{DS}"')]
        out["published_columns"] = cols
        out["published_values"] = {c: [row[i] for row in published] for i, c in enumerate(cols)}
        if case.valid is not None:
            assert valid_rows == case.valid, (valid_rows, quarantined_rows, n_unparseable)
        if case.quarantined is not None:
            assert quarantined_rows == case.quarantined
        if case.unparseable is not None:
            assert n_unparseable == case.unparseable
        if built.valid_ids is not None:
            assert sorted(out["published_values"]["编号"]) == built.valid_ids
        assert res["rows"] == valid_rows  # (about_people: false -> no k-anonymity suppression)
        assert "身份证号" not in cols  # the sensitive column never published
        if case.check:
            case.check(out)
