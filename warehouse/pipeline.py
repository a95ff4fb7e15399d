"""The five stages of a dataset run, callable without a scheduler.

Each stage takes the department id, dataset id and run id, reads its input from the lake by
path, writes its output to the lake, records the run in the catalog and returns a small JSON-able
summary (paths and counts only: never rows, values or keys). Stages are idempotent: re-running
a run overwrites that run's files and rows.

The lake's paths come from :class:`warehouse.lake.RunPaths`: local files, or (distributed profile)
objects in the S3 store; every read and write goes through :mod:`warehouse.storage`.

    extract -> validate -> classify -> protect -> publish
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from pubdata import ManifestError, PubdataError, QualityGateError, SourceError
from warehouse import progress, storage
from warehouse.lake import RunPaths
from warehouse.manifest import Dataset, Department, departments_dir, load_department

__all__ = ["classify", "extract", "load", "protect", "publish", "validate", "run_dataset", "STAGES"]

STAGES = ("extract", "validate", "classify", "protect", "publish")


def load(department_id: str, dataset_id: str) -> tuple[Department, Dataset]:
    path = departments_dir() / f"{department_id}.yaml"
    if not path.exists():
        path = departments_dir() / f"{department_id}.yml"
    if not path.exists():
        raise ManifestError(f"no manifest for department {department_id!r} in {departments_dir().name}/")
    dept = load_department(path)
    return dept, dept.dataset(dataset_id)


def _record(paths: RunPaths, run_id: str, status: str, stage: str, message: str = "", **fields: Any) -> None:
    from catalog.publish import record_run
    record_run(paths, run_id, status=status, stage=stage, message=message, **fields)
    progress.emit(paths.department, paths.dataset, stage, status, message)


def _audit(action: str, paths: RunPaths, run_id: str, detail: dict[str, Any]) -> None:
    """Every publication decision goes to the hash-chained audit log (ids and decisions only)."""
    from catalog.audit import append
    append("pipeline", action, f"{paths.department}.{paths.dataset}", {"run_id": run_id, **detail})


def _stage(stage: str):
    """Record start/failure of a stage in the catalog; errors keep their safe message."""
    def wrap(fn):
        def inner(department_id: str, dataset_id: str, run_id: str, *args: Any, **kw: Any) -> dict[str, Any]:
            paths = RunPaths.for_run(department_id, dataset_id, run_id)
            _record(paths, run_id, "running", stage)
            try:
                return fn(paths, run_id, *args, **kw)
            except PubdataError as exc:
                status = "blocked" if exc.__class__.__name__ in ("QualityGateError", "PrivacyError") else "failed"
                hint = f" — {exc.hint}" if exc.hint else ""
                _record(paths, run_id, status, stage, f"{exc.__class__.__name__}: {exc}{hint}")
                raise
            except Exception as exc:  # unexpected: record the type only (messages may hold values)
                _record(paths, run_id, "failed", stage, f"internal error {exc.__class__.__name__} in {stage}")
                raise
        inner.__name__ = fn.__name__
        inner.__doc__ = fn.__doc__
        return inner
    return wrap


@_stage("extract")
def extract(paths: RunPaths, run_id: str) -> dict[str, Any]:
    """Land the source bytes and write all source columns to ``lake/raw`` as Parquet."""
    from catalog.publish import register_department
    from warehouse import sources

    dept, ds = load(paths.department, paths.dataset)
    register_department(dept)
    src = ds.source
    rejected: list[sources.RejectedRow] = []
    encoding = None
    if src.type == "file":
        files = sources.resolve_local(src.path)
        with _landing(paths) as landing:
            landed = _keep_landed(paths, sources.copy_to_landing(files, landing))
            where = ", ".join(f.name for f in landed[:3]) + (f" (+{len(landed) - 3} more)" if len(landed) > 3 else "")
            tables = []
            for f in landed:
                res = sources.read_file(f, src.format, encoding=src.encoding, delimiter=src.delimiter,
                                        sheet=src.sheet)
                tables.append(res.table)
                rejected += [sources.RejectedRow(r.row, r.reason if len(landed) == 1 else f"{f.name}: {r.reason}",
                                                 r.text) for r in res.rejected]
                encoding = res.encoding
        table = tables[0] if len(tables) == 1 else _concat(tables, [f.name for f in landed])
    elif src.type == "http":
        name = _safe_name(Path(urlsplit(src.url).path).name)
        where = sources.display_url(src.url)
        with _landing(paths) as landing:
            (dest,) = _keep_landed(paths, [sources.fetch_http(src.url, landing / name)])
            fmt = src.format
            if fmt == "auto":
                fmt = "json" if dest.suffix.lower() == ".json" else ("jsonl" if dest.suffix.lower() in (".jsonl", ".ndjson") else "csv")
            res = sources.read_file(dest, fmt, encoding=src.encoding, records_path=src.records_path)
        table, rejected, encoding = res.table, res.rejected, res.encoding
    else:
        where = "the SQL query result"
        table = sources.read_sql(src.url, src.query)
        paths.landing.mkdir(parents=True, exist_ok=True)
        storage.write_parquet_table(table, paths.landing / "query_result.parquet")
    unparseable = paths.landing / "unparseable_rows.parquet"
    if rejected:
        storage.write_parquet_table(pa.table({"row": pa.array([r.row for r in rejected], pa.int64()),
                                              "reason": pa.array([r.reason for r in rejected], pa.string()),
                                              "text": pa.array([r.text for r in rejected], pa.string())}),
                                    unparseable)
    else:
        unparseable.unlink(missing_ok=True)  # a retry of this run that now parses cleanly
    if table.num_rows == 0:
        if rejected:
            raise SourceError(f"{where}: none of the {len(rejected)} rows could be parsed "
                              f"(first at line {rejected[0].row}: {rejected[0].reason})",
                              hint="fix the export; the rejected rows and reasons are kept in "
                                   f"{_rel(unparseable)}; the last good version stays published")
        raise SourceError(f"{where}: the source has a header but no rows",
                          hint="check the department's export; the last good version stays published")
    declared = [c.name for c in ds.columns]
    if not any(n in table.column_names for n in declared):
        shown = ", ".join(repr(n) for n in declared[:5]) + (", ..." if len(declared) > 5 else "")
        raise SourceError(f"{where}: none of the declared columns ({shown}) is in the header row",
                          hint="the first row must name the columns as declared in the manifest; the file may "
                               "lack a header row, or use another delimiter or column names")
    table, serial = _excel_serial_dates(table, ds)
    storage.write_parquet_table(table, paths.raw)
    summary = {"raw": str(paths.raw), "rows": table.num_rows, "columns": table.num_columns,
               "unparseable_rows": len(rejected), "encoding": encoding, "excel_serial_dates": serial}
    message = f"{table.num_rows} rows extracted"
    if rejected:
        message += (f", {len(rejected)} unparseable row(s) kept in {_rel(unparseable)} "
                    f"(first at line {rejected[0].row}: {rejected[0].reason})")
    _record(paths, run_id, "running", "extract", message, input_rows=table.num_rows + len(rejected))
    return summary


@contextlib.contextmanager
def _landing(paths: RunPaths) -> Iterator[Path]:
    """The local folder the source's bytes land in to be parsed: the landing folder itself in the
    local profile; in the distributed profile a private scratch folder of this worker (removed
    afterwards), whose files :func:`_keep_landed` stores as the run's landing objects."""
    if isinstance(paths.landing, Path):
        yield paths.landing
        return
    with tempfile.TemporaryDirectory(prefix="pubdata-landing-") as scratch:
        yield Path(scratch)


def _keep_landed(paths: RunPaths, files: list[Path]) -> list[Path]:
    """Keep the raw bytes as received in the lake's landing zone (before they are parsed, so a
    source that does not parse is still kept); the local files, to be parsed, are returned."""
    for f in files:
        target = paths.landing / f.name
        if target != f:  # distributed profile: upload the scratch copy
            storage.copy_file(f, target)
    return files


def _rel(path: Path | storage.LakePath) -> str:
    from pubdata import home
    try:
        return path.relative_to(home()).as_posix()
    except ValueError:
        return path.name


def _safe_name(name: str) -> str:
    """A landing file name from a URL's last path segment (never '..', never a separator)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:100]
    return name or "download"


_EXCEL_EPOCH = _dt.datetime(1899, 12, 30)


def _excel_serial_dates(table: pa.Table, ds: Dataset) -> tuple[pa.Table, list[str]]:
    """Declared date/datetime text columns holding only Excel serial numbers (e.g. ``46000`` for
    2025-12-09, as Excel writes dates of cells formatted as numbers) become ISO dates."""
    import pyarrow.compute as pc
    converted = []
    for col in ds.columns:
        if col.type not in ("date", "datetime") or col.name not in table.column_names:
            continue
        arr = table.column(col.name)
        if not pa.types.is_string(arr.type):
            continue
        values = pc.drop_null(pc.utf8_trim_whitespace(arr))
        if len(values) == 0 or not pc.all(pc.match_substring_regex(values, r"^[0-9]{5}(\.[0-9]+)?$")).as_py():
            continue
        nums = pc.cast(values, pa.float64())
        if pc.min(nums).as_py() < 10000 or pc.max(nums).as_py() > 80000:  # 1927 .. 2119
            continue
        out = []
        for v in arr.to_pylist():
            if v is None or not v.strip():
                out.append(None)
                continue
            when = _EXCEL_EPOCH + _dt.timedelta(days=float(v))
            out.append(when.date().isoformat() if col.type == "date" or when.time() == _dt.time(0)
                       else when.replace(microsecond=0).isoformat(sep=" "))
        table = table.set_column(table.column_names.index(col.name), col.name, pa.array(out, pa.string()))
        converted.append(col.name)
    return table, converted


def _concat(tables: list[pa.Table], names: list[str]) -> pa.Table:
    first = tables[0].schema.names
    for t, n in zip(tables[1:], names[1:]):
        if t.schema.names != first:
            raise SourceError(f"{n}: columns differ from {names[0]} (files matched by one glob must share a header)")
    return pa.concat_tables(tables, promote_options="permissive")


def _previous_columns(paths: RunPaths) -> tuple[dict[str, str] | None, _dt.datetime | None]:
    from catalog.store import connect
    with connect() as con:
        row = con.execute("SELECT schema_json, published_at FROM versions WHERE department_id = ? AND "
                          "dataset_id = ? ORDER BY version DESC LIMIT 1",
                          [paths.department, paths.dataset]).fetchone()
    if not row:
        return None, None
    return {c["name"]: c["type"] for c in json.loads(row[0])}, row[1]


@_stage("validate")
def validate(paths: RunPaths, run_id: str) -> dict[str, Any]:
    """Run the dataset's Great Expectations suite; quarantine failing rows; gate critical failures."""
    from quality import validate_dataset

    _, ds = load(paths.department, paths.dataset)
    redact = {c.name for c in ds.columns if c.privacy != "none"}
    previous, last_published = _previous_columns(paths)
    report = validate_dataset(paths.raw, ds, paths, redact_columns=redact, previous_columns=previous,
                              last_published_at=last_published)
    summary = report.to_summary()
    unparseable_file = paths.landing / "unparseable_rows.parquet"
    unparseable = storage.parquet_file(unparseable_file).metadata.num_rows if unparseable_file.exists() else 0
    summary["unparseable_rows"] = unparseable
    extra = f", {unparseable} unparseable (kept in the landing zone)" if unparseable else ""
    _record(paths, run_id, "running", "validate",
            f"{report.valid_rows} valid, {report.quarantined_rows} quarantined{extra}, score {report.score:.1f}",
            input_rows=report.input_rows + unparseable, valid_rows=report.valid_rows,
            quarantined_rows=report.quarantined_rows, quality_score=report.score,
            summary_json=json.dumps(summary, ensure_ascii=False, default=str))
    report.raise_for_gate()
    if report.valid_rows == 0 and report.input_rows > 0:
        paths.valid.unlink(missing_ok=True)
        rules = sorted({r["rule"] for r in report.rule_results if not r.get("success")})[:5]
        raise QualityGateError(
            f"dataset {paths.department}.{paths.dataset} run {paths.run}: all {report.input_rows} rows were "
            f"quarantined (failed rules: {', '.join(rules) or 'see the report'}); an empty version is not published",
            hint=f"fix the export; the rows and reasons are in {_rel(paths.quarantine)}; "
                 "the last good version stays live")
    return {"valid": str(paths.valid), "score": report.score, "valid_rows": report.valid_rows,
            "quarantined_rows": report.quarantined_rows, "unparseable_rows": unparseable}


@_stage("classify")
def classify(paths: RunPaths, run_id: str) -> dict[str, Any]:
    """Classify every column (detector + manifest declarations + officers' reviews)."""
    from privacy import classify_table
    from privacy.review import resolve

    _, ds = load(paths.department, paths.dataset)
    table = _clip_long_text(storage.read_parquet_table(paths.valid))
    detected = classify_table(table, context={"dataset_title": ds.title, "about_people": ds.about_people,
                                              "theme": ds.theme})
    final = resolve(paths, run_id, ds, detected.columns)
    paths.classification.parent.mkdir(parents=True, exist_ok=True)
    paths.classification.write_text(json.dumps([c.to_dict() for c in final], ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    counts = {lvl: sum(1 for c in final if c.level == lvl) for lvl in ("sensitive", "personal", "none")}
    return {"classification": str(paths.classification), **counts,
            "needs_review": sum(1 for c in final if c.needs_review)}


#: the classifier sees at most this many characters of a value (a 10 MB cell took minutes);
#: the leak gate still scans every published value in full
CLASSIFY_MAX_CHARS = 8192


def _clip_long_text(table: pa.Table) -> pa.Table:
    import pyarrow.compute as pc
    for i, name in enumerate(table.column_names):
        col = table.column(i)
        if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)) or len(col) == 0:
            continue
        longest = pc.max(pc.utf8_length(col)).as_py()
        if longest is not None and longest > CLASSIFY_MAX_CHARS:
            table = table.set_column(i, name, pc.utf8_slice_codeunits(col, 0, CLASSIFY_MAX_CHARS))
    return table


def _decision_path(paths: RunPaths) -> Path | storage.LakePath:
    return paths.classification.with_name(f"{paths.run}.decision.json")


@_stage("protect")
def protect(paths: RunPaths, run_id: str) -> dict[str, Any]:
    """Apply the negative list and the privacy floor; build shared variants; run the leak gate."""
    from catalog.publish import set_tier
    from privacy import KeyStore, decide, leak_gate, load_policy, protect
    from privacy.types import ColumnClassification

    dept, ds = load(paths.department, paths.dataset)
    cols = [ColumnClassification(**c) for c in json.loads(paths.classification.read_text(encoding="utf-8"))]
    decision = decide(dept, ds, cols, load_policy())
    _decision_path(paths).write_text(json.dumps(decision.to_dict(), ensure_ascii=False, default=str),
                                     encoding="utf-8")
    set_tier(paths.department, paths.dataset, decision.open_tier, decision.rule_id, decision.basis)
    _audit("decision.open_tier", paths, run_id, {"open_tier": decision.open_tier, "rule": decision.rule_id,
                                                  "columns": {c.name: c.action for c in decision.columns}})
    if decision.open_tier == "withheld":
        return {"open_tier": "withheld", "rule": decision.rule_id, "protected": None}
    # the open variant and every shared variant, written from one scan of the valid rows
    report, shares = protect(paths.valid, decision, paths.protected, dataset=ds, paths=paths, keys=KeyStore())
    assert report is not None
    leak_gate(paths.protected, decision, dataset_label=f"{paths.department}.{paths.dataset}")
    return {"open_tier": decision.open_tier, "protected": str(paths.protected), **report.to_dict(),
            "shared": [s.to_dict() for s in shares]}


@_stage("publish")
def publish(paths: RunPaths, run_id: str, protected: dict[str, Any], validated: dict[str, Any]) -> dict[str, Any]:
    """Publish the protected variant as the next immutable version (atomic)."""
    from catalog.publish import publish_version

    if protected.get("open_tier") == "withheld":
        _record(paths, run_id, "withheld", "publish", f"withheld by negative-list rule {protected.get('rule')}")
        return {"version": None, "open_tier": "withheld"}
    decision = json.loads(_decision_path(paths).read_text(encoding="utf-8"))
    on_time = _on_time(paths)
    result = publish_version(paths, run_id, paths.protected, columns=decision["columns"],
                             quality_score=validated.get("score"), open_tier=decision["open_tier"],
                             k_achieved=protected.get("k_achieved"),
                             suppressed_rows=protected.get("suppressed_rows") or 0)
    _audit("publish.version", paths, run_id, {"version": result["version"], "rows": result["rows"],
                                               "sha256": result["sha256"], "open_tier": decision["open_tier"]})
    _record(paths, run_id, "published", "publish", f"version {result['version']} ({result['rows']} rows)",
            version=result["version"], on_time=on_time)
    return {**result, "quality_score": validated.get("score"), "open_tier": decision["open_tier"]}


def _on_time(paths: RunPaths) -> bool:
    """Published within the declared update frequency of the previous version (first: on time)."""
    from quality.validate import FRESHNESS_HOURS

    _, ds = load(paths.department, paths.dataset)
    _, last = _previous_columns(paths)
    hours = FRESHNESS_HOURS.get(ds.update_frequency)
    if last is None or hours is None:
        return True
    now = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
    return (now - last).total_seconds() <= hours * 3600


def run_dataset(department_id: str, dataset_id: str, run_id: str) -> dict[str, Any]:
    """All five stages in order, in this process (no scheduler): for tests and benchmarks."""
    extract(department_id, dataset_id, run_id)
    validated = validate(department_id, dataset_id, run_id)
    classify(department_id, dataset_id, run_id)
    protected = protect(department_id, dataset_id, run_id)
    return publish(department_id, dataset_id, run_id, protected, validated)

