"""Harvesting another portal's catalog: list remote -> diff -> fetch changed -> (pull data).

A manifest dataset with ``source: {type: ckan | dcat, ...}`` is a *harvest entry*. Each run:

1. **list** the remote datasets (CKAN: ``package_list`` or a search limited to the entry's
   organization/query; DCAT: every Hydra page);
2. **diff** against what earlier harvests brought: new keys, keys whose remote modified date
   changed (CKAN asks only for those: ``fq=metadata_modified:[<high water> TO *]``), keys gone
   upstream (-> *withdrawn*), the rest unchanged (not fetched again);
3. **fetch** the new and changed datasets' metadata and write it in one catalog transaction, each
   under a stable local id (:func:`warehouse.sources.remote.local_id`, kept across runs);
4. with ``data: data``, each new or changed dataset with a CSV/JSON/Parquet/XLSX resource gets
   that resource **pulled through the same five stages** as any dataset (:func:`pull_job` builds
   its :class:`~orchestration.pipeline.Job`: an HTTP source with the columns the file turns out
   to have), so standards, classification, release risk and the leak gate apply before anything
   is republished.

A remote that is down or answers garbage fails the run with an error naming the portal and what
was wrong; nothing of that run is written but its failure, so the last good harvest stays.
Personal contact details in remote metadata are not republished: maintainer and author fields
are dropped and e-mail addresses, mobile and ID numbers in remote text are masked.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from core import PubdataError, SourceError, SourceUnavailable, identifiers
from core.clock import utcnow
from core.netguard import display_url
from warehouse.manifest import CkanSource, Column, Dataset, DcatSource, Department, HttpSource
from warehouse.sources.remote import RemoteDataset, local_id
from warehouse.types import table_schema_type

__all__ = ["HarvestResult", "harvest", "harvest_department", "pull_job", "run_pulls"]


@dataclass
class HarvestResult:
    """What one harvest run of one entry did (ids and counts only)."""

    department: str
    entry: str
    run_id: str
    status: str = "ok"  # ok | failed
    message: str = ""
    listed: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    withdrawn: list[str] = field(default_factory=list)
    to_pull: list[str] = field(default_factory=list)
    requests: int = 0
    pulls: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        if self.status != "ok":
            return self.message
        text = (
            f"{self.listed} listed: {len(self.added)} new, {len(self.changed)} changed, "
            f"{self.unchanged} unchanged, {len(self.withdrawn)} withdrawn; {len(self.to_pull)} to pull"
        )
        if self.pulls:
            ok = sum(1 for p in self.pulls if p["status"] in ("published", "withheld"))
            text += f" ({ok} published, {len(self.pulls) - ok} failed)"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


# ---------------------------------------------------------------- list and diff


def _normal_date(value: str | None) -> _dt.datetime | None:
    if not value:
        return None
    try:
        when = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(_dt.UTC).replace(tzinfo=None) if when.tzinfo else when


def _high_water(values: list[str | None]) -> str | None:
    dated = [(d, v) for v in values if (d := _normal_date(v)) is not None and v is not None]
    return max(dated)[1] if dated else None


def _list_ckan(portal, entry: Dataset, known: dict[str, dict], last: dict | None, full: bool):
    """(remote datasets fetched, keys listed): only the changed ones when the portal allows."""
    from warehouse.sources.ckan import CkanActionError, solr_date

    src = entry.source
    assert isinstance(src, CkanSource)
    q = src.query or "*:*"
    org = f"organization:{src.organization}" if src.organization else ""
    since = solr_date(last["high_water"]) if last and last.get("high_water") else None
    if full or not known or since is None:
        fetched = [d for d in map(portal.dataset, portal.search(q, org)) if d]
        return fetched, {d.key for d in fetched}
    listed = portal.names(q, org)
    window = f"metadata_modified:[{since} TO *]"
    try:
        pkgs = list(portal.search(q, f"+{org} +{window}" if org else window))
    except CkanActionError as exc:
        if exc.type not in ("Search Query Error", "Validation Error"):
            raise
        pkgs = list(portal.search(q, org))  # the portal cannot filter by date: compare here
    fetched = [d for d in map(portal.dataset, pkgs) if d and d.key in listed]
    have = {d.key for d in fetched}
    for name in sorted(listed - have):
        row = known.get(name)
        if row is None or row["state"] != "current":  # new, or back after a withdrawal
            pkg = portal.show(name)
            if pkg and (d := portal.dataset(pkg)):
                fetched.append(d)
    return fetched, listed


# ---------------------------------------------------------------- what is republished

_EMAIL = identifiers.EMAIL  # bounded parts: hostile remote text is scrubbed in linear time
_CN_ID = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])")
_CN_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
_LABELLED_PHONE = re.compile(
    r"((?:tel|phone|telephone|fax|mobile|电话|手机|联系电话|传真)[.:：]?\s*)\+?[0-9][0-9 ()./-]{5,}[0-9]", re.IGNORECASE
)


def scrub(text: str) -> str:
    """Remote text without e-mail addresses, phone and resident ID numbers (masked)."""
    text = _EMAIL.sub("[邮箱已隐去]", text)
    text = _CN_ID.sub("[证件号已隐去]", text)
    text = _LABELLED_PHONE.sub(lambda m: m.group(1) + "[电话已隐去]", text)
    return _CN_MOBILE.sub("[电话已隐去]", text)


def _chosen_resource(entry: Dataset, remote: RemoteDataset) -> dict[str, Any] | None:
    """The resource whose data is pulled: the first of the entry's formats (its order is the
    preference) that the dataset offers with a URL."""
    src = entry.source
    if not isinstance(src, (CkanSource, DcatSource)) or src.data != "data":
        return None
    for fmt in src.formats:
        for r in remote.resources:
            if r.kind == fmt and r.url:
                return {"url": r.url, "format": fmt, "name": r.name, "remote_id": r.remote_id}
    return None


def _rows(entry: Dataset, dataset_id: str, remote: RemoteDataset) -> dict[str, Any]:
    description = scrub(remote.description)
    keywords = [scrub(k) for k in remote.keywords]
    manifest = {
        "id": dataset_id,
        "title": scrub(remote.title),
        "description": description,
        "keywords": keywords,
        "license": remote.license or "other",
        "harvested_by": entry.id,
    }
    rem = remote.to_dict()
    rem["resources"] = [
        {k: r[k] for k in ("name", "url", "format", "media_type", "size")} | {"name": scrub(r["name"])}
        for r in rem["resources"]
    ]
    rem["organization"] = scrub(remote.organization or "") or None
    return {
        "dataset_id": dataset_id,
        "dataset": {
            "title": scrub(remote.title),
            "description": description,
            "keywords": keywords,
            "license": remote.license,
            "theme": "other",
            "update_frequency": "irregular",
            "manifest_json": _json(manifest),
        },
        "remote": rem,
        "data_resource": _chosen_resource(entry, remote),
    }


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------- one harvest


def harvest(department: Department, entry: Dataset, run_id: str, *, full: bool = False) -> HarvestResult:
    """List, diff and fetch one harvest entry and write the result; raises on a failed harvest
    (after recording the failure). The datasets to pull are ``result.to_pull``."""
    from catalog import harvest as store
    from catalog.publish import register_department

    if not entry.is_harvest:
        raise SourceError(f"{department.id}.{entry.id} is not a harvest entry (source type {entry.source.type})")
    started = utcnow()
    src = entry.source
    assert isinstance(src, (CkanSource, DcatSource))
    portal = display_url(src.url)
    register_department(department)
    known = store.harvested_keys(department.id, entry.id)
    result = HarvestResult(department.id, entry.id, run_id)
    from warehouse.sources.ckan import CkanPortal
    from warehouse.sources.dcat import DcatCatalog

    reader = CkanPortal(src.url) if src.type == "ckan" else DcatCatalog(src.url)
    try:
        if isinstance(reader, CkanPortal):
            last = store.last_good(department.id, entry.id)
            fetched, listed = _list_ckan(reader, entry, known, last, full)
        else:
            fetched = reader.datasets()
            listed = {d.key for d in fetched}
    except PubdataError as exc:
        kind = "unavailable" if isinstance(exc, SourceUnavailable) else "failed"
        result.status, result.requests = "failed", reader.requests
        result.message = f"harvest of {portal} ({src.type}) {kind}: {exc}"
        store.record_failure(
            department.id,
            entry.id,
            run_id,
            source_kind=src.type,
            source_portal=portal,
            message=result.message + (f" — {exc.hint}" if exc.hint else ""),
            requests=result.requests,
            started_at=started,
        )
        raise exc.__class__(result.message, hint=exc.hint or "the last good harvest stays published") from None
    result.requests = reader.requests
    result.listed = len(listed)
    taken = store.dataset_ids(department.id) | {d.id for d in department.datasets}
    upserts = []
    for remote in fetched:
        row = known.get(remote.key)
        if row is not None and row["state"] == "current" and row["remote_modified"] == remote.modified and not full:
            continue
        if row is None:
            dataset_id = local_id(remote.key, taken, remote.slug)
            taken.add(dataset_id)
            result.added.append(dataset_id)
        else:
            dataset_id = row["dataset_id"]
            result.changed.append(dataset_id)
        item = _rows(entry, dataset_id, remote)
        upserts.append(item)
        if item["data_resource"]:
            result.to_pull.append(dataset_id)
    gone = [k for k, r in known.items() if r["state"] == "current" and k not in listed]
    result.withdrawn = [known[k]["dataset_id"] for k in gone]
    result.unchanged = len(listed) - len(result.added) - len(result.changed)
    modified = [r["remote_modified"] for k, r in known.items() if k in listed] + [d.modified for d in fetched]
    store.apply_harvest(
        department.id,
        entry.id,
        run_id,
        source_kind=src.type,
        source_portal=portal,
        upserts=upserts,
        withdrawn=gone,
        listed=sorted(listed),
        summary={
            "listed": result.listed,
            "added": len(result.added),
            "changed": len(result.changed),
            "unchanged": result.unchanged,
            "withdrawn": len(result.withdrawn),
            "to_pull": len(result.to_pull),
            "high_water": _high_water(modified),
            "requests": result.requests,
        },
        started_at=started,
    )
    from catalog.audit import append

    append(
        "pipeline",
        "harvest.run",
        f"{department.id}.{entry.id}",
        {
            "run_id": run_id,
            "portal": portal,
            "added": len(result.added),
            "changed": len(result.changed),
            "withdrawn": result.withdrawn,
        },
    )
    return result


# ---------------------------------------------------------------- pulling data


def _inferred_columns(raw) -> list[Column]:
    """The columns of an extracted file, typed as Arrow read them (text stays ``string``)."""
    from pydantic import ValidationError

    from warehouse import storage

    out = []
    for f in storage.parquet_file(raw).schema_arrow:
        kind = table_schema_type(str(f.type), default="string")
        if kind == "time":  # not a manifest column type
            kind = "string"
        try:
            out.append(Column(name=f.name, type=kind))
        except ValidationError:
            raise SourceError(
                f"a column name of the harvested file is not usable (longer than 128 characters or with "
                f"control characters; column #{len(out) + 1})",
                hint="the remote file is published as metadata only",
            ) from None
    return out


def pull_job(department: Department, entry: Dataset, dataset_id: str, run_id: str):
    """The pipeline job that pulls a harvested dataset's chosen resource: an HTTP source with
    no declared columns before extraction, then the columns the extracted file has."""
    from pydantic import ValidationError

    from catalog.harvest import record
    from orchestration.pipeline import Job
    from warehouse.lake import RunPaths

    rec = record(department.id, dataset_id)
    if rec is None or rec["harvest_id"] != entry.id or not rec["data_resource"]:
        raise SourceError(f"{department.id}.{dataset_id} has no harvested resource to pull")
    res = rec["data_resource"]
    paths = RunPaths.for_run(department.id, dataset_id, run_id)
    columns = _inferred_columns(paths.raw) if paths.raw.exists() else []
    src = HttpSource(
        type="http",
        url=res["url"],
        format=res["format"],
        delimiter="auto",
        records_path="*" if res["format"] == "json" else None,
    )
    from catalog.queries import dataset_detail

    row = dataset_detail(department.id, dataset_id) or {}
    fields = {
        "id": dataset_id,
        "title": row.get("title") or dataset_id,
        "description": row.get("description") or "",
        "keywords": list(row.get("keywords") or []),
        "license": row.get("license") or "other",
        "source": src,
        "columns": columns,
    }
    try:
        # before extraction nothing is declared (a manifest dataset could not be built); after
        # it, the same checks as any manifest dataset (names unique regardless of case ...)
        probe = Dataset(**{**fields, "columns": columns or [Column(name="_")]})
        dataset = probe if columns else probe.model_copy(update={"columns": []})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SourceError(
            f"{department.id}.{dataset_id}: the harvested file cannot be described as a dataset "
            f"({'.'.join(str(p) for p in first['loc'])}: {first['msg']})"
        ) from None
    return Job(department, dataset, run_id)


def run_pulls(department: Department, entry: Dataset, dataset_ids: list[str], run_id: str) -> list[dict[str, Any]]:
    """The five stages for each pulled dataset, in this process (what the DAG maps over tasks)."""
    from orchestration import pipeline

    out = []
    for dataset_id in dataset_ids:
        try:
            pipeline.extract(pull_job(department, entry, dataset_id, run_id))
            job = pull_job(department, entry, dataset_id, run_id)
            validated = pipeline.validate(job)
            pipeline.classify(job)
            protected = pipeline.protect(job)
            published = pipeline.publish(job, protected, validated)
            status = "withheld" if published.get("version") is None else "published"
            out.append({"dataset": dataset_id, "status": status, "version": published.get("version")})
        except PubdataError as exc:
            out.append({"dataset": dataset_id, "status": "failed", "message": f"{exc.__class__.__name__}: {exc}"})
    return out


def harvest_department(
    department: Department, run_id: str, *, entries: list[str] | None = None, full: bool = False, pull: bool = True
) -> list[HarvestResult]:
    """Every harvest entry of a department (or the named ones), with their pulls, in this process."""
    results = []
    for entry in department.datasets:
        if not entry.is_harvest or (entries and entry.id not in entries):
            continue
        try:
            result = harvest(department, entry, run_id, full=full)
        except PubdataError as exc:
            result = HarvestResult(department.id, entry.id, run_id, status="failed", message=str(exc))
            results.append(result)
            continue
        if pull and result.to_pull:
            result.pulls = run_pulls(department, entry, result.to_pull, run_id)
        results.append(result)
    return results
