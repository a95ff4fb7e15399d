"""Department manifests: one YAML file per department, validated before any DAG is built.

Every name in a manifest is treated as hostile: ids are restricted to ``[a-z][a-z0-9_]*`` (they
become file paths, Airflow ids and SQL identifiers); column names may be any text but are always
quoted in SQL and never used in paths.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core import SETTINGS, ManifestError, get_setting, home
from core.netguard import allowed_private_hosts, is_internal_address, literal_ip
from core.settings import REPO_ROOT
from warehouse.sources.local import within_source_roots

ID_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
Identifier = Annotated[str, Field(pattern=ID_PATTERN)]
Level = Literal["none", "personal", "sensitive"]
ColumnType = Literal["string", "integer", "number", "boolean", "date", "datetime"]
Frequency = Literal["realtime", "daily", "weekly", "monthly", "quarterly", "yearly", "irregular"]
Severity = Literal["critical", "warning"]

_DECLARED = {s.name for s in SETTINGS}
_ENV_REF = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Model):
    name: str
    email: str | None = None
    phone: str | None = None


class FileSource(_Model):
    type: Literal["file"]
    path: str = Field(description="File or glob; relative paths resolve against the first source root")
    format: Literal["auto", "csv", "parquet", "jsonl", "xlsx"] = "auto"
    encoding: str = Field("auto", description="auto (UTF-8 with/without BOM, else GB18030) or a codec")
    delimiter: str = ","
    sheet: str | int | None = None

    @field_validator("path")
    @classmethod
    def _no_traversal(cls, v: str) -> str:
        if ".." in Path(v).parts:
            raise ValueError("must not contain '..'; name a file inside the source roots")
        if "\x00" in v:
            raise ValueError("must not contain NUL bytes")
        p = Path(os.path.expanduser(v))
        if p.is_absolute():
            if not within_source_roots(p):  # checked again, symlinks resolved, when the file is read
                raise ValueError(
                    "is outside the allowed source roots (PUBDATA_SOURCE_ROOTS); use a path "
                    "relative to the first root, or add the folder to PUBDATA_SOURCE_ROOTS"
                )
        return v


def check_url(v: str) -> str:
    """An http(s) URL whose host, written as an IP literal, is not internal (unless allowed)."""
    if not re.match(r"^https?://", v):
        raise ValueError("must start with http:// or https://")
    try:
        host = urlparse(v).hostname or ""
    except ValueError:
        raise ValueError("is not a valid URL") from None
    if not host:
        raise ValueError("has no host name")
    ip = literal_ip(host)
    allowed = allowed_private_hosts()
    if ip is not None and is_internal_address(ip) and host not in allowed and str(ip) not in allowed:
        raise ValueError(
            f"points at a private, loopback or link-local address ({ip}); HTTP sources must be "
            "public, or list the host in PUBDATA_HTTP_ALLOW_PRIVATE"
        )
    return v


class HttpSource(_Model):
    type: Literal["http"]
    url: str
    format: Literal["auto", "csv", "json", "jsonl", "parquet", "xlsx"] = "auto"
    encoding: str = "auto"
    delimiter: str = Field(",", description="CSV delimiter, or auto (sniffed from the header line)")
    records_path: str | None = Field(
        None, description="Dotted path to the record list in a JSON reply ('*': the one list of records)"
    )

    @field_validator("url")
    @classmethod
    def _scheme(cls, v: str) -> str:
        return check_url(v)


HarvestFormat = Literal["csv", "json", "parquet", "xlsx"]
_HARVEST_FORMATS: tuple[HarvestFormat, ...] = ("csv", "json", "parquet", "xlsx")


class _HarvestSource(_Model):
    """Another portal's catalog: every remote dataset becomes a dataset of this department."""

    url: str
    data: Literal["metadata", "data"] = Field(
        "metadata", description="metadata only, or also pull the data of CSV/JSON/Parquet/XLSX resources"
    )
    formats: list[HarvestFormat] = Field(
        default_factory=lambda: list(_HARVEST_FORMATS),
        min_length=1,
        description="resource formats whose data is pulled, in order of preference",
    )

    @field_validator("url")
    @classmethod
    def _scheme(cls, v: str) -> str:
        return check_url(v)


class CkanSource(_HarvestSource):
    type: Literal["ckan"]
    organization: str | None = Field(None, max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")
    query: str | None = Field(None, max_length=500, description="package_search q (default: everything)")


class DcatSource(_HarvestSource):
    type: Literal["dcat"]


class SqlSource(_Model):
    type: Literal["sql"]
    url: str = Field(description="SQLAlchemy URL; put passwords in ${ENV_VARS}")
    query: str


Source = Annotated[FileSource | HttpSource | SqlSource | CkanSource | DcatSource, Field(discriminator="type")]
#: source types that harvest another portal's catalog instead of reading one table
HARVEST_TYPES = ("ckan", "dcat")


#: the longest column name a manifest, a source's header or a harvested file may use
MAX_COLUMN_NAME = 128


def _looks_like_a_value(name: str) -> str | None:
    """What personal value ``name`` is shaped like (a header row that is really the first data
    row of a file exported without its header), or None."""
    from core import identifiers

    v = identifiers.strip_separators(name.strip())
    if identifiers.is_valid_resident_id(v, check_region=False):
        return "a resident ID number"
    mobile = identifiers.national_mobile(v)
    if mobile.isdigit() and len(mobile) == 11 and identifiers.mobile_regex().fullmatch(mobile):
        return "a mobile number"
    if v.isdigit() and 16 <= len(v) <= 19 and identifiers.luhn_ok(v):
        return "a card number"
    if identifiers.EMAIL.fullmatch(name.strip()):
        return "an e-mail address"
    return None


def column_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a column name (a header is hostile input), or None. The reason never
    repeats the name."""
    if len(name) > MAX_COLUMN_NAME:
        return f"{len(name)} characters, at most {MAX_COLUMN_NAME}"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "control characters"
    value = _looks_like_a_value(name)
    if value:
        return f"it has the shape of {value}: the file may lack its header row"
    return None


class Column(_Model):
    name: str = Field(min_length=1, max_length=MAX_COLUMN_NAME)
    type: ColumnType = "string"
    description: str = ""
    privacy: Level | None = Field(
        None, description="Declared level; undeclared counts as sensitive until the classifier or an officer decides"
    )
    entity: str | None = None
    standard: str | None = Field(None, description="A data element of the standards library")
    required: bool = False
    unique: bool = False
    enum: list[str] | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    severity: Severity = "warning"

    @field_validator("name")
    @classmethod
    def _printable(cls, v: str) -> str:
        if any(ord(c) < 32 or ord(c) == 127 for c in v):
            raise ValueError("must not contain control characters")
        return v


class Expectation(_Model):
    type: str = Field(pattern=r"^expect_[a-z_]+$")
    kwargs: dict[str, Any] = {}
    severity: Severity = "warning"


class Share(_Model):
    department: Identifier
    purpose: Identifier
    columns: list[str] | None = Field(None, description="Columns the recipient may receive; all if omitted")
    clear: list[str] = Field(
        default_factory=list, description="Columns the recipient may open in clear (encrypted for that department)"
    )


class RowBounds(_Model):
    min: int = 0
    max: int | None = None


def _division_code(value: str | None) -> str | None:
    from core.identifiers import is_valid_division_code

    if value is not None and not is_valid_division_code(str(value)):
        raise ValueError(f"{str(value)[:20]!r} is not a GB/T 2260 division code (six digits, e.g. 330000)")
    return None if value is None else str(value)


class RiskTargets(_Model):
    """Re-identification targets of this dataset's open release; they can only be stricter than
    the negative list's (a larger k or l, a smaller share of records suppressed)."""

    k: int | None = Field(None, ge=1, le=1000)
    l: int | None = Field(None, ge=1, le=100)  # noqa: E741
    max_suppression: float | None = Field(None, ge=0.0, le=1.0)


class Aggregate(_Model):
    """The dataset is released as a statistical table, not row by row: counts (and sums of the
    measures) per combination of the dimensions, with totals, protected against small cells."""

    dimensions: list[str] = Field(min_length=1, max_length=4)
    measures: list[str] = Field(default_factory=list)
    #: the source is already a table of cells: this column holds each cell's number of records
    count_column: str | None = None
    #: cells counting fewer records than this are suppressed (with complementary cells), or noised
    threshold: int = Field(5, ge=1, le=1000)
    method: Literal["suppress", "noise"] = "suppress"
    #: noise: the privacy budget of the release (differential privacy, Laplace mechanism)
    epsilon: float | None = Field(None, gt=0, le=10)
    #: noise: clamping bounds of each measure ([low, high]); default the column's minimum/maximum
    bounds: dict[str, tuple[float, float]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _coherent(self) -> Aggregate:
        if self.method == "noise" and self.epsilon is None:
            raise ValueError("method noise needs epsilon (the privacy budget)")
        if self.method == "suppress" and self.epsilon is not None:
            raise ValueError("epsilon belongs to method noise")
        both = set(self.dimensions) & set(self.measures)
        if both:
            raise ValueError(f"columns {sorted(both)} are both dimensions and measures")
        return self


class Dataset(_Model):
    id: Identifier
    title: str = Field(min_length=1)
    description: str = ""
    theme: str = "other"
    keywords: list[str] = []
    update_frequency: Frequency = "irregular"
    license: str = "CC-BY-4.0"
    source: Source
    primary_key: list[str] = []
    columns: list[Column] = Field(description="Declared columns (none for a harvest source)")
    expectations: list[Expectation] = []
    sharing: list[Share] = []
    row_count: RowBounds = RowBounds()
    about_people: bool | None = Field(None, description="Row-level data about persons (k-anonymity applies)")
    spatial: str | None = Field(
        None, description="GB/T 2260 code of the area the data covers (default: the department's)"
    )

    _spatial = field_validator("spatial")(lambda cls, v: _division_code(v))

    risk: RiskTargets | None = Field(None, description="Stricter re-identification targets than the policy's")
    aggregate: Aggregate | None = Field(None, description="Released as a statistical table (cells, totals)")

    @model_validator(mode="before")
    @classmethod
    def _harvest_declares_no_columns(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("source"), dict):
            if data["source"].get("type") in HARVEST_TYPES and data.get("columns") is None:
                data = {**data, "columns": []}
        return data

    @property
    def is_harvest(self) -> bool:
        return self.source.type in HARVEST_TYPES

    @model_validator(mode="after")
    def _keys_are_columns(self) -> Dataset:
        if self.is_harvest and self.columns:
            raise ValueError("a harvest source (ckan, dcat) declares no columns: each remote dataset brings its own")
        if not self.is_harvest and not self.columns:
            raise ValueError("columns: declare at least one column")
        names = [c.name for c in self.columns]
        folded = [n.casefold() for n in names]
        dupes = sorted({n for n in names if folded.count(n.casefold()) > 1})
        if dupes:
            raise ValueError(f"duplicate column names {dupes} (SQL compares names without case)")
        missing = [k for k in self.primary_key if k not in names]
        if missing:
            raise ValueError(f"primary_key names undeclared columns {missing}")
        if self.aggregate is not None:
            agg = self.aggregate
            named = agg.dimensions + agg.measures + ([agg.count_column] if agg.count_column else [])
            undeclared = [c for c in named if c not in names]
            if undeclared:
                raise ValueError(f"aggregate names undeclared columns {undeclared}")
            unbounded = [
                m
                for m in agg.measures
                if agg.method == "noise"
                and m not in agg.bounds
                and (self.column(m) is None or self.column(m).minimum is None or self.column(m).maximum is None)  # type: ignore[union-attr]
            ]
            if unbounded:
                raise ValueError(
                    f"aggregate method noise needs bounds for the measures {unbounded} (or their minimum/maximum)"
                )
        return self

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


class Department(_Model):
    id: Identifier
    name: str = Field(min_length=1)
    description: str = ""
    contact: Contact
    schedule: str = Field("@daily", description="Airflow schedule: @daily, @hourly, cron, or null")
    datasets: list[Dataset] = Field(min_length=1)
    tags: list[str] = []
    spatial: str | None = Field(None, description="GB/T 2260 code of the area the department serves")

    _spatial = field_validator("spatial")(lambda cls, v: _division_code(v))

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, v: str) -> str:
        presets = {"@once", "@hourly", "@daily", "@weekly", "@monthly", "@quarterly", "@yearly", "none"}
        if v in presets:
            return v
        fields = v.split()
        if len(fields) != 5 or not all(re.fullmatch(r"[0-9*/,\-A-Za-z?]+", f) for f in fields):
            raise ValueError(
                f"{v!r} is neither an Airflow preset ({', '.join(sorted(presets))}) nor a 5-field cron expression"
            )
        try:
            from croniter import croniter
        except ImportError:  # pragma: no cover - Airflow ships croniter
            return v
        if not croniter.is_valid(v):
            raise ValueError(
                f"{v!r} is not a valid cron expression (a field is out of range or unknown): "
                "minute hour day-of-month month day-of-week, e.g. '0 3 * * 1-5'"
            )
        return v

    @model_validator(mode="after")
    def _unique_datasets(self) -> Department:
        ids = [d.id for d in self.datasets]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate dataset ids {dupes}")
        return self

    def dataset(self, dataset_id: str) -> Dataset:
        for d in self.datasets:
            if d.id == dataset_id:
                return d
        raise ManifestError(f"department {self.id!r} has no dataset {dataset_id!r}")


def _interpolate(value: Any, file: Path) -> Any:
    """Replace ``${VAR}`` in strings from the environment (``PUBDATA_HOME`` is always known)."""
    if isinstance(value, str):

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name == "PUBDATA_HOME":
                return str(home())
            if name not in os.environ and name in _DECLARED:
                return get_setting(name)
            if name not in os.environ:
                raise ManifestError(
                    f"{file}: ${{{name}}} is not set in the environment", hint=f"export {name}=... before running"
                )
            return os.environ[name]

        return _ENV_REF.sub(sub, value)
    if isinstance(value, list):
        return [_interpolate(v, file) for v in value]
    if isinstance(value, dict):
        return {k: _interpolate(v, file) for k, v in value.items()}
    return value


def _where(raw: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """Human location of a pydantic error: ``dataset 'x', field 'columns[2].type'``."""
    parts: list[str] = []
    node: Any = raw
    prefix = ""
    i = 0
    if len(loc) >= 2 and loc[0] == "datasets" and isinstance(loc[1], int):
        try:
            ds = raw["datasets"][loc[1]]
            prefix = f"dataset {ds.get('id', '#' + str(loc[1] + 1))!r}, "
        except (KeyError, IndexError, TypeError, AttributeError):
            prefix = f"dataset #{loc[1] + 1}, "
        loc = loc[2:]
        node = None
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part in ("file", "http", "sql", "ckan", "dcat"):  # discriminated-union tag
            continue
        else:
            parts.append(("." if parts else "") + str(part))
        i += 1
    del node
    return prefix + f"field {''.join(parts) or '(top level)'!r}"


def _parse_yaml(text: str) -> Any:
    """A manifest's YAML: libyaml's safe loader when PyYAML has it (a run parses a department's
    manifest several times: the run itself, the DAG file, ``dag.test()``'s re-parse of it; 50
    datasets take ~75 ms each with the pure-Python loader at load ~7, ~11 ms with libyaml). Same
    constructor, so the same values; a text libyaml refuses is parsed again by the pure-Python loader,
    whose error (problem and line) is the one reported, as before."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def load_department(path: str | Path) -> Department:
    """Read and validate one manifest; errors name the file, the dataset and the field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read manifest ({exc.__class__.__name__})") from None
    try:
        raw = _parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ManifestError(f"{path}:{where} is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(raw, dict):
        raise ManifestError(f"{path}: a manifest is a mapping with id, name, contact, datasets")
    raw = _interpolate(raw, path)
    try:
        dept = Department.model_validate(raw)
    except ValidationError as exc:
        lines = []
        for err in exc.errors()[:10]:
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"{path}: {_where(raw, tuple(err['loc']))}: {msg}")
        raise ManifestError("\n".join(lines), hint="see the manifest reference in README.md") from None
    if dept.id != path.stem:
        raise ManifestError(
            f"{path}: field 'id' is {dept.id!r} but the file is named {path.name!r}",
            hint=f"rename the file to {dept.id}.yaml or change its id",
        )
    return dept


def departments_dir() -> Path:
    p = Path(get_setting("PUBDATA_DEPARTMENTS"))
    return p if p.is_absolute() else REPO_ROOT / p


def manifest_paths(folder: Path | None = None) -> list[Path]:
    """The manifest files of a folder (``*.yaml`` / ``*.yml``), in name order."""
    folder = folder or departments_dir()
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file() and p.suffix in (".yaml", ".yml"))


def manifest_path(department_id: str, folder: Path | None = None) -> Path:
    """The manifest file of a department (``<id>.yaml``, else ``<id>.yml``)."""
    folder = folder or departments_dir()
    if not re.fullmatch(ID_PATTERN, department_id):
        raise ManifestError(f"{department_id!r} is not a department id", hint="ids match [a-z][a-z0-9_]*")
    for suffix in (".yaml", ".yml"):
        if (folder / f"{department_id}{suffix}").is_file():
            return folder / f"{department_id}{suffix}"
    raise ManifestError(
        f"no manifest for department {department_id!r} in {folder.name}/",
        hint="see `pubdata list` and the manifest reference in README.md",
    )


def load_department_by_id(department_id: str, folder: Path | None = None) -> Department:
    """Parse one department's manifest, found by its id."""
    return load_department(manifest_path(department_id, folder))


def load_all(folder: Path | None = None) -> tuple[list[Department], dict[Path, ManifestError]]:
    """All valid departments, plus the error of each broken manifest (which do not stop the rest)."""
    good: list[Department] = []
    bad: dict[Path, ManifestError] = {}
    seen: set[str] = set()
    for path in manifest_paths(folder):
        try:
            dept = load_department(path)
        except ManifestError as exc:
            bad[path] = exc
            continue
        if dept.id in seen:
            bad[path] = ManifestError(f"{path}: department id {dept.id!r} is used by another manifest")
            continue
        seen.add(dept.id)
        good.append(dept)
    return good, bad
