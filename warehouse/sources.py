"""Read department sources into Arrow tables.

Local files (CSV in UTF-8 with/without BOM, UTF-16 with or without BOM, GBK/GB18030 detected;
Parquet; JSON Lines; XLSX), HTTP(S) URLs returning CSV or JSON, and SQL queries over a SQLAlchemy
URL. Text formats are read as strings (leading zeros in IDs and phones survive; typing happens at
validation) and ``""`` is read as null. Rows that cannot be parsed (wrong field count, NUL bytes,
XLSX values beyond the header) are returned as :class:`RejectedRow` with their line; files that
cannot be read at all (mixed or invalid encodings, a quote never closed, a wrong delimiter) raise
:class:`SourceError`. Error messages name the file, line and field but never echo a data value.
"""

from __future__ import annotations

import codecs
import glob as _glob
import ipaddress
import json
import re
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
from warehouse.manifest import allowed_private_hosts, is_internal_address

__all__ = ["RejectedRow", "ReadResult", "detect_encoding", "read_file", "source_roots",
           "resolve_local", "fetch_http", "read_sql", "display_url", "is_internal_address", "allowed_private_hosts"]

_SNIFF = 1 << 20


@dataclass
class RejectedRow:
    """A source row that could not be parsed (kept, with why, in the landing zone).

    ``row`` is the line of the file where the record starts (the header is line 1; for XLSX the
    sheet row); 0 when it could not be located."""
    row: int
    reason: str
    text: str = field(repr=False, default="")


@dataclass
class ReadResult:
    table: pa.Table
    encoding: str | None = None
    rejected: list[RejectedRow] = field(default_factory=list)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when a BOM-less sample looks like UTF-16 text (NULs in every
    other byte for ASCII, none in the other half), else None."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    zero_even, zero_odd = even.count(0), odd.count(0)
    half = n // 2
    if zero_odd >= 0.3 * half and zero_even <= 0.02 * half:
        return "utf-16-le"
    if zero_even >= 0.3 * half and zero_odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _line_of(path: Path, offset: int) -> int:
    """1-based line number of a byte offset."""
    line = 1
    done = 0
    with open(path, "rb") as fh:
        while done < offset and (chunk := fh.read(min(_SNIFF, offset - done))):
            line += chunk.count(b"\n")
            done += len(chunk)
    return line


def _first_decode_error(path: Path, encoding: str) -> int | None:
    """Byte offset of the first byte that does not decode in ``encoding`` (None: all decode)."""
    dec = codecs.getincrementaldecoder(encoding)()
    offset = 0  # bytes fed to the decoder so far
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_SNIFF)
            pending = len(dec.getstate()[0])  # bytes of an incomplete sequence held back
            try:
                dec.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return max(0, offset - pending + exc.start)
            if not chunk:
                return None
            offset += len(chunk)


def _non_utf8_lines(path: Path) -> tuple[int | None, int | None, int | None]:
    """(first line of non-ASCII UTF-8 text, first line that is not UTF-8, first line that is
    neither UTF-8 nor GB18030) of a file that failed to decode as UTF-8."""
    utf8_line = other_line = invalid_line = None
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if line.isascii():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                other_line = other_line or n
                try:
                    line.decode("gb18030")
                except UnicodeDecodeError:
                    invalid_line = invalid_line or n
            else:
                if sum(1 for c in text if ord(c) > 0x7F) >= 2:
                    utf8_line = utf8_line or n
            if utf8_line and other_line and invalid_line:
                break
    return utf8_line, other_line, invalid_line


def detect_encoding(path: Path) -> str:
    """utf-8-sig / utf-16 by BOM, UTF-16 without BOM by its NUL pattern, utf-8 if the file
    decodes, else gb18030 (a superset of GBK). A file mixing UTF-8 and another encoding, or
    holding bytes valid in neither, is refused naming the line."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if (utf16 := _utf16_without_bom(head)) is not None:
        return utf16
    if _first_decode_error(path, "utf-8") is None:
        return "utf-8"
    utf8_line, other_line, invalid_line = _non_utf8_lines(path)
    if invalid_line is not None:
        raise SourceError(f"{path.name}: line {invalid_line} holds bytes that are neither UTF-8 nor GB18030",
                          hint="re-export the file as UTF-8 (or name its encoding in the manifest source)")
    if utf8_line is not None and other_line is not None:
        raise SourceError(
            f"{path.name}: line {other_line} is not UTF-8 but line {utf8_line} is: the file mixes text encodings",
            hint="re-export the whole file in one encoding (UTF-8 preferred)")
    bad = _first_decode_error(path, "gb18030")
    if bad is None:
        return "gb18030"
    raise SourceError(
        f"{path.name}: line {_line_of(path, bad)} (byte offset {bad}) holds bytes that are neither UTF-8 nor GB18030",
        hint="re-export the file as UTF-8 (or name its encoding in the manifest source)")


_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


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
    if len(names) == 1:
        other = [d for d in _DELIMITERS if d != delimiter and d in names[0]]
        if other:
            d = other[0]
            raise SourceError(
                f"{path.name}: the header is a single column that contains {_DELIMITERS[d]}s: the file seems "
                f"to be delimited by {d!r}, not {delimiter!r}",
                hint=f"set `delimiter: {json.dumps(d)}` in the dataset's source in the manifest, "
                     "or re-export the file with commas")
    empty = [i + 1 for i, n in enumerate(names) if not n]
    if empty:
        raise SourceError(f"{path.name}: header has empty column name(s) at position(s) {empty}",
                          hint="name every column in the header row")
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourceError(f"{path.name}: header repeats column name(s) {dupes}",
                          hint="make header names unique")
    return names


#: encodings in which the byte 0x22 is always a double quote (so quotes can be counted in bytes)
_QUOTE_SAFE = {"utf-8", "utf-8-sig", "utf8", "gb18030", "gbk", "gb2312", "ascii", "latin-1", "cp1252"}


def _quotes_balanced(path: Path, encoding: str) -> bool:
    count = 0
    if encoding.lower() in _QUOTE_SAFE:
        with open(path, "rb") as fh:
            while chunk := fh.read(_SNIFF * 8):
                count += chunk.count(b'"')
    else:
        with open(path, encoding=encoding, newline="") as fh:
            while chunk := fh.read(_SNIFF * 8):
                count += chunk.count('"')
    return count % 2 == 0


def _records(path: Path, encoding: str, delimiter: str, *, strict: bool = False):
    """Yield (line where the record starts, fields) for every data record after the header
    (Python's csv module; quoted fields may span lines). Blank lines are skipped like pyarrow."""
    import csv
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter, strict=strict)
        next(reader, None)
        start = reader.line_num + 1
        for rec in reader:
            if rec:
                yield start, rec
            start = reader.line_num + 1


def _unclosed_quote(path: Path, encoding: str, delimiter: str) -> tuple[int, int] | None:
    """(row number, line) of a quoted field that is never closed, if any (header = row 1)."""
    import csv
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        row = 0
        start = 1
        try:
            for rec in reader:
                row += 1 if rec else 0
                start = reader.line_num + 1
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                return row + 1, start
    return None


def _read_csv(path: Path, encoding: str, delimiter: str) -> ReadResult:
    enc = detect_encoding(path) if encoding == "auto" else encoding
    if encoding != "auto":
        try:
            codecs.lookup(enc)
        except LookupError:
            raise SourceError(f"{path.name}: unknown encoding {enc!r} in the manifest",
                              hint="use auto, utf-8, gb18030, gbk or utf-16") from None
        bad = _first_decode_error(path, enc)
        if bad is not None:
            raise SourceError(f"{path.name}: line {_line_of(path, bad)} (byte offset {bad}) is not valid {enc} text",
                              hint="re-export the file in the declared encoding, or set `encoding: auto`")
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
                                           skip_rows=1, block_size=32 << 20),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                             invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=True, null_values=[""],
                                                 quoted_strings_can_be_null=True),
        )
    except (pa.ArrowInvalid, UnicodeError) as exc:
        reason = str(exc).split(":", 2)[:2]
        if "straddling" in str(exc) or "block" in str(exc).lower():
            reason = ["a single row is larger than the 32 MiB block size"]
        raise SourceError(f"{path.name}: cannot be parsed as CSV ({': '.join(reason)})",
                          hint="check the delimiter, quoting and encoding of the export") from None
    if not _quotes_balanced(path, enc):
        where = _unclosed_quote(path, enc, delimiter)
        if where is not None:
            raise SourceError(
                f"{path.name}: row {where[0]} (line {where[1]}) opens a quoted field that is never closed: "
                "the rest of the file would be read as one value",
                hint='fix the quoting in the export (a quote inside a quoted field is written "")')
    nul_rows = _rows_with_nul(table)
    if rejected or nul_rows:
        table, rejected = _locate_rejects(path, enc, delimiter, names, table, rejected, nul_rows)
    return ReadResult(table, enc, rejected)


def _rows_with_nul(table: pa.Table) -> dict[int, str]:
    """Row index -> first column holding a NUL byte (NUL is never valid in a text export)."""
    import pyarrow.compute as pc
    out: dict[int, str] = {}
    for name in table.column_names:
        col = table.column(name)
        if not pa.types.is_string(col.type) and not pa.types.is_large_string(col.type):
            continue
        hit = pc.fill_null(pc.match_substring(col, "\x00"), False)
        if pc.any(hit).as_py():
            for i in pc.indices_nonzero(hit).to_pylist():
                out.setdefault(i, name)
    return out


def _locate_rejects(path: Path, enc: str, delimiter: str, names: list[str], table: pa.Table,
                    rejected: list[RejectedRow], nul_rows: dict[int, str]) -> tuple[pa.Table, list[RejectedRow]]:
    """Give rejected rows their line numbers (pyarrow has none when values may hold newlines)
    and move rows holding NUL bytes out of the table into the rejects."""
    width = len(names)
    bad_lines: list[int] = []
    good_lines: list[int] = []
    for line, rec in _records(path, enc, delimiter):
        (good_lines if len(rec) == width else bad_lines).append(line)
    if len(bad_lines) == len(rejected):
        for r, line in zip(rejected, bad_lines):
            r.row = line
    if nul_rows:
        import pyarrow.compute as pc
        keep = pa.array([i not in nul_rows for i in range(table.num_rows)])
        for i, col in sorted(nul_rows.items()):
            line = good_lines[i] if len(good_lines) == table.num_rows else 0
            text = delimiter.join("" if v is None else str(v) for v in
                                  (table.column(n)[i].as_py() for n in names))
            rejected.append(RejectedRow(line, f"field {col!r} contains NUL bytes", text))
        table = pc.filter(table, keep)
        rejected.sort(key=lambda r: r.row)
    return table, rejected


def _read_jsonl(path: Path, encoding: str = "auto") -> ReadResult:
    """One JSON object per line, every value as text (like CSV: ISO dates stay dates, not
    timestamps); a line that is not a JSON object is rejected with its line number."""
    enc = detect_encoding(path) if encoding == "auto" else encoding
    records: list[dict] = []
    rejected: list[RejectedRow] = []
    with open(path, encoding=enc, errors="strict", newline="") as fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    rejected.append(RejectedRow(n, f"not valid JSON (column {exc.colno})", line.rstrip("\r\n")))
                    continue
                if not isinstance(obj, dict):
                    rejected.append(RejectedRow(n, "not a JSON object", line.rstrip("\r\n")))
                    continue
                records.append(obj)
        except UnicodeDecodeError:
            raise SourceError(f"{path.name}: is not valid {enc} text",
                              hint="JSON Lines must be UTF-8; re-export the file") from None
    if not records and rejected:
        raise SourceError(f"{path.name}: is not valid JSON Lines (line {rejected[0].row}: {rejected[0].reason})",
                          hint="one JSON object per line, UTF-8")
    return ReadResult(_records_to_table(records, path.name), enc, rejected)


def _records_to_table(records: list, where: str) -> pa.Table:
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise SourceError(f"{where}: expected a JSON list of objects",
                          hint="set records_path to the key holding the record list")
    names: dict[str, None] = {}
    for r in records:
        names.update(dict.fromkeys(r))
    def text(v: object) -> str | None:
        if v is None or v == "":
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (dict, list)):
            return json.dumps(v, ensure_ascii=False)
        return str(v)

    cols = {n: [text(r.get(n)) for r in records] for n in names}
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


def _xlsx_text(v: object) -> str | None:
    """A cell as text: dates without a time part as ``YYYY-MM-DD``, whole floats without ``.0``."""
    import datetime as _dt
    if v is None:
        return None
    if isinstance(v, _dt.datetime):
        return v.date().isoformat() if v.time() == _dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, (_dt.date, _dt.time)):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    text = str(v)
    return None if text.strip() == "" else text


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(i)


def _read_xlsx(path: Path, sheet: str | int | None) -> ReadResult:
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds
        raise SourceError(f"{path.name}: is not a readable XLSX workbook ({exc.__class__.__name__})",
                          hint="re-export the file as .xlsx; it may be truncated or another format") from None
    try:
        try:
            if sheet is None:
                ws = wb.worksheets[0]
            elif isinstance(sheet, int):
                ws = wb.worksheets[sheet]
            else:
                ws = wb[sheet]
        except (KeyError, IndexError):
            raise SourceError(f"{path.name}: has no sheet {sheet!r} (sheets: {wb.sheetnames})",
                              hint="set `sheet` in the dataset's source to one of these names") from None
        rows = enumerate(ws.iter_rows(values_only=True), 1)
        # the header is the first row with two or more values; a single-value row above it is a
        # title (often a merged cell spanning the table)
        header: list[str | None] = []
        header_row = 0
        pending: list[tuple[int, tuple]] = []
        for r, row in rows:
            values = [_xlsx_text(v) for v in row]
            filled = sum(v is not None for v in values)
            if filled == 0:
                continue
            if filled == 1 and header_row == 0 and r <= 20:
                pending.append((r, row))
                continue
            header, header_row = values, r
            break
        if not header_row:
            if pending:  # a one-column sheet: its first value is the header
                header_row, first = pending.pop(0)
                header = [_xlsx_text(v) for v in first]
            else:
                raise SourceError(f"{path.name}: sheet {ws.title!r} has no header row",
                                  hint="put the column names in the first row of the sheet")
        while header and header[-1] is None:
            header.pop()
        names = [h.strip() if h else "" for h in header]
        empty = [_column_letter(i + 1) for i, n in enumerate(names) if not n]
        if empty:
            raise SourceError(f"{path.name}: sheet {ws.title!r} row {header_row} (header) has no name in "
                              f"column(s) {empty} (merged header cells?)",
                              hint="unmerge header cells and give every column one name in a single header row")
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise SourceError(f"{path.name}: sheet {ws.title!r} row {header_row} (header) repeats column "
                              f"name(s) {dupes}", hint="make header names unique (unmerge header cells)")
        width = len(names)
        cols: list[list[str | None]] = [[] for _ in names]
        rejected: list[RejectedRow] = []
        for r, row in rows:
            values = [_xlsx_text(v) for v in row]
            if all(v is None for v in values):
                continue
            extra = [v for v in values[width:] if v is not None]
            if extra:
                rejected.append(RejectedRow(r, f"sheet {ws.title!r} row {r} has {len(extra)} value(s) beyond "
                                            f"the {width} header columns",
                                            "\t".join("" if v is None else v for v in values)))
                continue
            for i in range(width):
                cols[i].append(values[i] if i < len(values) else None)
    finally:
        wb.close()
    return ReadResult(pa.table({n: pa.array(c, pa.string()) for n, c in zip(names, cols)}), None, rejected)


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
        return _read_jsonl(path, encoding)
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


def display_url(url: str) -> str:
    """A URL safe to show in errors and logs: no user:password, no query string (tokens are
    often interpolated there from ${ENV} variables)."""
    try:
        parts = urlparse(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        if ":" in (parts.hostname or ""):
            host = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
        user = "***@" if parts.username or parts.password else ""
        return f"{parts.scheme}://{user}{host}{parts.path}" + ("?…" if parts.query else "")
    except ValueError:
        return "<invalid url>"


def _check_host(url: str) -> str:
    """Resolve the URL's host once and check every address; returns the address to connect to
    (the download connects to exactly that address, so a DNS answer that changes between this
    check and the connection, DNS rebinding, cannot point it at an internal address)."""
    host = urlparse(url).hostname or ""
    shown = display_url(url)
    allowed = allowed_private_hosts()
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        raise SourceUnavailable(f"{shown}: host {host!r} cannot be resolved") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if is_internal_address(ip) and host not in allowed and str(ip) not in allowed:
            raise SourceError(f"{shown}: points at a private or link-local address ({ip})",
                              hint="HTTP sources must be public, or the host listed in PUBDATA_HTTP_ALLOW_PRIVATE")
        addresses.append(ip)
    if not addresses:
        raise SourceUnavailable(f"{shown}: host {host!r} cannot be resolved")
    return str(addresses[0])


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """``url`` with its host replaced by the checked ``address``, plus the ``Host`` header and
    the TLS server name (certificates are still verified for the original host name)."""
    parts = urlparse(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if ":" in address else address
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + literal + (f":{parts.port}" if parts.port else "")
    host_header = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, extensions


def fetch_http(url: str, dest: Path) -> Path:
    """Download a URL to ``dest`` with a timeout and a size cap. 5xx/timeouts are retryable.

    The cap (``PUBDATA_MAX_SOURCE_BYTES``) is checked against ``Content-Length`` before reading
    and again while streaming; the whole download must finish within 20 x ``PUBDATA_HTTP_TIMEOUT``
    (a server trickling bytes never trips the per-read timeout). A partial file never stays.
    """
    import time

    import httpx
    pinned, headers, extensions = _pinned(url, _check_host(url))
    shown = display_url(url)
    cap = int_setting("PUBDATA_MAX_SOURCE_BYTES")
    timeout = float(get_setting("PUBDATA_HTTP_TIMEOUT"))
    deadline = time.monotonic() + 20 * timeout
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False) as client, \
                client.stream("GET", pinned, headers=headers, extensions=extensions) as resp:
            if resp.status_code >= 500:
                raise SourceUnavailable(f"{shown}: server answered HTTP {resp.status_code}",
                                        hint="retried with back-off; if it persists, contact the department")
            if resp.status_code != 200:
                raise SourceError(f"{shown}: server answered HTTP {resp.status_code}",
                                  hint="check the URL in the manifest")
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise SourceError(f"{shown}: reply declares {int(declared)} bytes, more than the "
                                  f"{cap} allowed (PUBDATA_MAX_SOURCE_BYTES)",
                                  hint="raise PUBDATA_MAX_SOURCE_BYTES or ask the department for a smaller export")
            size = 0
            with open(tmp, "wb") as fh:
                for chunk in resp.iter_bytes():  # as received (decoded: a compressed bomb hits the cap too)
                    size += len(chunk)
                    if size > cap:
                        raise SourceError(f"{shown}: reply exceeds {cap} bytes (PUBDATA_MAX_SOURCE_BYTES); "
                                          "download stopped",
                                          hint="raise PUBDATA_MAX_SOURCE_BYTES or ask the department for a "
                                               "smaller export")
                    if time.monotonic() > deadline:
                        raise SourceUnavailable(f"{shown}: download did not finish within {20 * timeout:g} s "
                                                f"({size} bytes received)",
                                                hint="the server is too slow; retried with back-off")
                    fh.write(chunk)
    except httpx.TimeoutException:
        tmp.unlink(missing_ok=True)
        raise SourceUnavailable(f"{shown}: timed out after {timeout:g} s",
                                hint="retried with back-off; raise PUBDATA_HTTP_TIMEOUT if the server is slow") from None
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise SourceUnavailable(f"{shown}: {exc.__class__.__name__} (connection failed or reply cut short)",
                                hint="retried with back-off") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(dest)
    return dest


_QUERY_ERROR = re.compile(r"no such (table|column|function)|syntax error|ambiguous column name", re.IGNORECASE)


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
        reason = str(exc.orig)[:120]
        # SQLite reports a wrong query as an OperationalError too: that will not heal by retrying
        if _QUERY_ERROR.search(reason):
            raise SourceError(f"{safe}: query failed ({reason})",
                              hint="check the query and the table names in the manifest") from None
        raise SourceUnavailable(f"{safe}: database unavailable or query failed ({reason})") from None
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
