"""Read department sources into Arrow tables.

Local files (CSV in UTF-8 with/without BOM, UTF-16 with BOM, GBK/GB18030 detected; Parquet; JSON
Lines; XLSX), HTTP(S) URLs returning CSV or JSON, and SQL queries over a SQLAlchemy URL.
Text formats are read as strings (leading zeros in IDs and phones survive; typing happens at
validation) and ``""`` is read as null. Error messages name the file and row but never echo a
data value.
"""

from __future__ import annotations

import codecs
import glob as _glob
import ipaddress
import json
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pubdata import SourceError, SourceUnavailable, get_setting
from pubdata.settings import int_setting

__all__ = ["RejectedRow", "ReadResult", "detect_encoding", "read_file", "source_roots",
           "resolve_local", "fetch_http", "read_sql"]

_SNIFF = 1 << 20


@dataclass
class RejectedRow:
    """A source row that could not be parsed (kept, with why, in the landing zone)."""
    row: int
    reason: str
    text: str = field(repr=False, default="")


@dataclass
class ReadResult:
    table: pa.Table
    encoding: str | None = None
    rejected: list[RejectedRow] = field(default_factory=list)


def detect_encoding(path: Path) -> str:
    """utf-8-sig / utf-16 by BOM, utf-8 if the file decodes, else gb18030 (a superset of GBK)."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(_SNIFF):
                dec.decode(chunk)
            dec.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        dec = codecs.getincrementaldecoder("gb18030")()
        offset = 0
        try:
            while chunk := fh.read(_SNIFF):
                dec.decode(chunk)
                offset += len(chunk)
            dec.decode(b"", final=True)
            return "gb18030"
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"{path.name}: bytes at offset {offset + exc.start} are neither UTF-8 nor GB18030",
                hint="re-export the file as UTF-8 (or name its encoding in the manifest source)") from None


def _header(path: Path, encoding: str, delimiter: str) -> list[str]:
    import csv
    with open(path, encoding=encoding, newline="") as fh:
        try:
            row = next(csv.reader(fh, delimiter=delimiter))
        except StopIteration:
            raise SourceError(f"{path.name}: the file is empty", hint="export the data with a header row") from None
        except csv.Error as exc:
            raise SourceError(f"{path.name}: row 1 (header) cannot be parsed ({exc})") from None
        except UnicodeError:
            raise SourceError(f"{path.name}: the header is not valid {encoding} text",
                              hint="re-export the file as UTF-8 or name its encoding in the manifest") from None
    names = [n.strip().replace("\x00", "") for n in row]
    if not any(names):
        raise SourceError(f"{path.name}: row 1 has no column names", hint="the first row must be a header")
    empty = [i + 1 for i, n in enumerate(names) if not n]
    if empty:
        raise SourceError(f"{path.name}: header has empty column name(s) at position(s) {empty}",
                          hint="name every column in the header row")
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourceError(f"{path.name}: header repeats column name(s) {dupes}",
                          hint="make header names unique")
    return names


def _read_csv(path: Path, encoding: str, delimiter: str) -> ReadResult:
    enc = detect_encoding(path) if encoding == "auto" else encoding
    names = _header(path, enc, delimiter)
    rejected: list[RejectedRow] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        n = (row.number or 0)
        rejected.append(RejectedRow(n, f"expected {row.expected_columns} fields, found {row.actual_columns}",
                                    row.text or ""))
        return "skip"

    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(encoding=enc.replace("utf-8-sig", "utf8"), column_names=names,
                                           skip_rows=1, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                             invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=True, null_values=[""],
                                                 quoted_strings_can_be_null=True),
        )
    except (pa.ArrowInvalid, UnicodeError) as exc:
        reason = str(exc).split(":", 2)[:2]
        raise SourceError(f"{path.name}: cannot be parsed as CSV ({': '.join(reason)})",
                          hint="check the delimiter, quoting and encoding of the export") from None
    if enc == "utf-8-sig":  # pyarrow strips the BOM from the data, our header reader already did
        pass
    return ReadResult(table, enc, rejected)


def _read_jsonl(path: Path) -> ReadResult:
    import pyarrow.json as pajson
    try:
        return ReadResult(pajson.read_json(path))
    except pa.ArrowInvalid as exc:
        raise SourceError(f"{path.name}: is not valid JSON Lines ({str(exc).splitlines()[0][:120]})",
                          hint="one JSON object per line, UTF-8") from None


def _records_to_table(records: list, where: str) -> pa.Table:
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise SourceError(f"{where}: expected a JSON list of objects",
                          hint="set records_path to the key holding the record list")
    names: dict[str, None] = {}
    for r in records:
        names.update(dict.fromkeys(r))
    cols = {n: [None if r.get(n) in (None, "") else
                (json.dumps(r[n], ensure_ascii=False) if isinstance(r[n], (dict, list)) else str(r[n]))
                for r in records] for n in names}
    return pa.table({n: pa.array(v, pa.string()) for n, v in cols.items()})


def _read_json(path: Path, records_path: str | None) -> ReadResult:
    try:
        data = json.loads(path.read_text(encoding=detect_encoding(path).replace("utf-8-sig", "utf-8-sig")))
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path.name}: is not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    for key in (records_path or "").split(".") if records_path else []:
        if not isinstance(data, dict) or key not in data:
            raise SourceError(f"{path.name}: records_path {records_path!r} not found in the JSON reply")
        data = data[key]
    return ReadResult(_records_to_table(data, path.name))


def _read_xlsx(path: Path, sheet: str | int | None) -> ReadResult:
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds
        raise SourceError(f"{path.name}: is not a readable XLSX workbook ({exc.__class__.__name__})") from None
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int):
            ws = wb.worksheets[sheet]
        else:
            ws = wb[sheet]
    except (KeyError, IndexError):
        raise SourceError(f"{path.name}: has no sheet {sheet!r} (sheets: {wb.sheetnames})") from None
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if not header or not any(h is not None for h in header):
        raise SourceError(f"{path.name}: sheet {ws.title!r} has no header row")
    names = [str(h).strip() if h is not None else "" for h in header]
    if "" in names or len(set(names)) != len(names):
        raise SourceError(f"{path.name}: sheet {ws.title!r} header has empty or repeated names",
                          hint="unmerge header cells and name every column once")
    cols: list[list[str | None]] = [[] for _ in names]
    for row in rows:
        for i in range(len(names)):
            v = row[i] if i < len(row) else None
            if hasattr(v, "isoformat"):
                v = v.isoformat()
            cols[i].append(None if v is None or v == "" else str(v))
    wb.close()
    return ReadResult(pa.table({n: pa.array(c, pa.string()) for n, c in zip(names, cols)}))


def read_file(path: str | Path, fmt: str = "auto", *, encoding: str = "auto", delimiter: str = ",",
              sheet: str | int | None = None, records_path: str | None = None) -> ReadResult:
    """Read one local file into Arrow. Raises :class:`SourceError` naming the file."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file", hint="check the source path in the manifest")
    if fmt == "auto":
        suffix = path.suffix.lower().lstrip(".")
        fmt = {"txt": "csv", "tsv": "csv", "pq": "parquet", "ndjson": "jsonl", "xls": "xlsx"}.get(suffix, suffix)
        if suffix == "tsv":
            delimiter = "\t"
    if path.stat().st_size == 0:
        raise SourceError(f"{path.name}: the file is empty", hint="the department's export produced no bytes")
    if fmt == "csv":
        return _read_csv(path, encoding, delimiter)
    if fmt == "parquet":
        try:
            return ReadResult(pq.read_table(path))
        except (pa.ArrowInvalid, OSError) as exc:
            raise SourceError(f"{path.name}: is not a readable Parquet file ({str(exc)[:120]})",
                              hint="re-export the file; it may be truncated") from None
    if fmt == "jsonl":
        return _read_jsonl(path)
    if fmt == "json":
        return _read_json(path, records_path)
    if fmt == "xlsx":
        return _read_xlsx(path, sheet)
    raise SourceError(f"{path.name}: unknown format {fmt!r}", hint="use csv, parquet, jsonl, json or xlsx")


def source_roots() -> list[Path]:
    raw = get_setting("PUBDATA_SOURCE_ROOTS")
    return [Path(p).expanduser().resolve() for p in raw.split(":") if p]


def resolve_local(pattern: str) -> list[Path]:
    """Files matching a manifest path (or glob), refusing anything outside the source roots."""
    roots = source_roots()
    p = Path(pattern).expanduser()
    full = p if p.is_absolute() else roots[0] / p
    matches = sorted(Path(m) for m in _glob.glob(str(full))) if any(c in pattern for c in "*?[") else [full]
    files = []
    for m in matches:
        real = m.resolve()
        if not any(real.is_relative_to(r) for r in roots):
            raise SourceError(f"{pattern}: resolves outside the allowed source roots",
                              hint="place the file under PUBDATA_SOURCE_ROOTS or add its folder there")
        files.append(real)
    if not files or not files[0].exists():
        raise SourceError(f"{pattern}: no such file under {roots[0].name}/",
                          hint="check the source path, or generate the demo data with `pubdata demo-data`")
    return files


def _check_host(url: str) -> None:
    host = urlparse(url).hostname or ""
    allowed = {h.strip() for h in get_setting("PUBDATA_HTTP_ALLOW_PRIVATE").split(",") if h.strip()}
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        raise SourceUnavailable(f"{url}: host {host!r} cannot be resolved") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified) and host not in allowed and str(ip) not in allowed:
            raise SourceError(f"{url}: points at a private or link-local address ({ip})",
                              hint="HTTP sources must be public, or the host listed in PUBDATA_HTTP_ALLOW_PRIVATE")


def fetch_http(url: str, dest: Path) -> Path:
    """Download a URL to ``dest`` with a timeout and a size cap. 5xx/timeouts are retryable."""
    import httpx
    _check_host(url)
    cap = int_setting("PUBDATA_MAX_SOURCE_BYTES")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    try:
        with httpx.stream("GET", url, timeout=float(get_setting("PUBDATA_HTTP_TIMEOUT")),
                          follow_redirects=False) as resp:
            if resp.status_code >= 500:
                raise SourceUnavailable(f"{url}: server answered HTTP {resp.status_code}")
            if resp.status_code != 200:
                raise SourceError(f"{url}: server answered HTTP {resp.status_code}",
                                  hint="check the URL in the manifest")
            size = 0
            with open(tmp, "wb") as fh:
                for chunk in resp.iter_bytes(1 << 20):
                    size += len(chunk)
                    if size > cap:
                        raise SourceError(f"{url}: reply exceeds {cap} bytes (PUBDATA_MAX_SOURCE_BYTES)")
                    fh.write(chunk)
    except httpx.TimeoutException:
        tmp.unlink(missing_ok=True)
        raise SourceUnavailable(f"{url}: timed out") from None
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise SourceUnavailable(f"{url}: {exc.__class__.__name__}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(dest)
    return dest


def read_sql(url: str, query: str) -> pa.Table:
    """Run a read query over a SQLAlchemy URL. The URL (which may hold a password) is never echoed."""
    import sqlalchemy as sa
    safe = sa.engine.make_url(url).render_as_string(hide_password=True) if "://" in url else "<sql source>"
    try:
        engine = sa.create_engine(url)
    except Exception as exc:
        raise SourceError(f"{safe}: invalid SQL source URL ({exc.__class__.__name__})") from None
    try:
        with engine.connect() as conn:
            result = conn.execute(sa.text(query))
            names = list(result.keys())
            rows = result.fetchall()
    except sa.exc.OperationalError as exc:
        raise SourceUnavailable(f"{safe}: database unavailable or query failed ({str(exc.orig)[:120]})") from None
    except sa.exc.SQLAlchemyError as exc:
        raise SourceError(f"{safe}: query failed ({exc.__class__.__name__})") from None
    finally:
        engine.dispose()
    cols = list(zip(*rows)) if rows else [[] for _ in names]
    arrays = {}
    for n, c in zip(names, cols):
        try:
            arrays[n] = pa.array(list(c))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays[n] = pa.array([None if v is None else str(v) for v in c], pa.string())
    return pa.table(arrays)


def copy_to_landing(files: list[Path], dest_dir: Path) -> list[Path]:
    dest_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for i, f in enumerate(files):
        target = dest_dir / (f"{i:03d}_" + f.name if len(files) > 1 else f.name)
        shutil.copyfile(f, target)
        out.append(target)
    return out
