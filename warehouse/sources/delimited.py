"""CSV and other delimited text (comma, semicolon, tab, vertical bar), read as strings with
pyarrow; rows with the wrong field count or NUL bytes are rejected with their line."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from core import SourceError
from warehouse.sources.encoding import SNIFF, NotUtf8, detect_encoding, first_decode_error, line_of, sniff_encoding
from warehouse.sources.readahead import PacedFile
from warehouse.sources.result import BatchStream, ReadResult, RejectedRow

__all__ = ["csv_batches", "read_csv", "sniff_delimiter"]


#: text parsed per batch: a record must fit in one block; memory of a streamed read stays near a few
#: blocks (the reader reads at most one block ahead of the batch taken: :class:`PacedFile`)
BLOCK_BYTES = 8 << 20

_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def sniff_delimiter(path: Path, encoding: str = "auto") -> str:
    """The delimiter of a file whose header line holds more of it than of any other (comma when
    none occurs): for files from other portals, whose manifests cannot name one."""
    enc = sniff_encoding(path)[0] if encoding == "auto" else encoding
    try:
        with open(path, encoding=enc, errors="replace", newline="") as fh:
            line = fh.readline(1 << 20)
    except (OSError, LookupError):
        return ","
    counts = {d: line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _header(path: Path, encoding: str, delimiter: str) -> list[str]:
    with open(path, encoding=encoding, newline="") as fh:
        try:
            row = next(csv.reader(fh, delimiter=delimiter))
        except StopIteration:
            raise SourceError(f"{path.name}: the file is empty", hint="export the data with a header row") from None
        except csv.Error as exc:
            raise SourceError(f"{path.name}: row 1 (header) cannot be parsed ({exc})") from None
        except UnicodeError:
            raise SourceError(
                f"{path.name}: the header is not valid {encoding} text",
                hint="re-export the file as UTF-8 or name its encoding in the manifest",
            ) from None
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
                "or re-export the file with commas",
            )
    empty = [i + 1 for i, n in enumerate(names) if not n]
    if empty:
        raise SourceError(
            f"{path.name}: header has empty column name(s) at position(s) {empty}",
            hint="name every column in the header row",
        )
    repeated = [i + 1 for i, n in enumerate(names) if names.count(n) > 1]
    if repeated:  # positions, not the names: without a header row, the "names" are a row of data
        raise SourceError(
            f"{path.name}: header repeats column name(s) at position(s) {repeated}", hint="make header names unique"
        )
    return names


#: encodings in which the byte 0x22 is always a double quote (so quotes can be counted in bytes)


_QUOTE_SAFE = {"utf-8", "utf-8-sig", "utf8", "gb18030", "gbk", "gb2312", "ascii", "latin-1", "cp1252"}


def _quotes_balanced(path: Path, encoding: str) -> bool:
    count = 0
    if encoding.lower() in _QUOTE_SAFE:
        with open(path, "rb") as fh:
            while chunk := fh.read(SNIFF * 8):
                count += chunk.count(b'"')
    else:
        with open(path, encoding=encoding, newline="") as fh:
            while text := fh.read(SNIFF * 8):
                count += text.count('"')
    return count % 2 == 0


def _records(path: Path, encoding: str, delimiter: str, *, strict: bool = False):
    """Yield (line where the record starts, fields) for every data record after the header
    (Python's csv module; quoted fields may span lines). Blank lines are skipped like pyarrow."""
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


def read_csv(path: Path, encoding: str, delimiter: str) -> ReadResult:
    """The whole file as one table (:func:`csv_batches`, gathered)."""
    try:
        stream = csv_batches(path, encoding, delimiter)
        batches = list(stream)
    except NotUtf8:  # UTF-8 at the start only: read again with the encoding detected over the whole file
        stream = csv_batches(path, encoding, delimiter, sniff=False)
        batches = list(stream)
    table = pa.Table.from_batches(batches, stream.schema)
    return ReadResult(table, stream.encoding, stream.rejected)


def csv_batches(path: Path, encoding: str, delimiter: str, *, sniff: bool = True) -> BatchStream:
    """The file's rows as a stream of record batches of strings (one parse block of
    :data:`BLOCK_BYTES` at a time: memory stays flat in rows). The encoding and header are checked before the first
    batch; an unclosed quote is found after the last; rejected rows (wrong field count, NUL bytes)
    are left out of the batches and listed with their lines once the stream is exhausted.

    With ``encoding="auto"`` and ``sniff``, a file whose first MiB is UTF-8 is read as UTF-8 (the
    reader validates every value) and the stream raises :class:`NotUtf8` if it turns out not to be:
    the caller discards what it read and asks again with ``sniff=False`` (the encoding detected
    over the whole file first, as before)."""
    provisional = False
    if encoding == "auto" and sniff:
        enc, provisional = sniff_encoding(path)
    elif encoding == "auto":
        enc = detect_encoding(path)
    else:
        enc = encoding
    if encoding != "auto":
        try:
            codecs.lookup(enc)
        except LookupError:
            raise SourceError(
                f"{path.name}: unknown encoding {enc!r} in the manifest", hint="use auto, utf-8, gb18030, gbk or utf-16"
            ) from None
        bad = first_decode_error(path, enc)
        if bad is not None:
            raise SourceError(
                f"{path.name}: line {line_of(path, bad)} (byte offset {bad}) is not valid {enc} text",
                hint="re-export the file in the declared encoding, or set `encoding: auto`",
            )
    names = _header(path, enc, delimiter)
    stream = BatchStream(pa.schema([(n, pa.string()) for n in names]), enc)
    stream.batches = _csv_batches(path, enc, delimiter, names, stream, provisional)
    return stream


def _parse_error(path: Path, exc: Exception) -> SourceError:
    reason = str(exc).split(":", 2)[:2]
    if "straddling" in str(exc) or "block" in str(exc).lower():
        reason = [f"a single row is larger than the {BLOCK_BYTES >> 20} MiB block size"]
    return SourceError(
        f"{path.name}: cannot be parsed as CSV ({': '.join(reason)})",
        hint="check the delimiter, quoting and encoding of the export",
    )


def _csv_batches(
    path: Path, enc: str, delimiter: str, names: list[str], stream: BatchStream, provisional: bool = False
) -> Iterator[pa.RecordBatch]:
    rejected: list[RejectedRow] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        n = row.number or 0
        rejected.append(
            RejectedRow(n, f"expected {row.expected_columns} fields, found {row.actual_columns}", row.text or "")
        )
        return "skip"

    #: rows holding NUL bytes: (index among the well-formed rows, first such column, the row's text)
    nul_rows: list[tuple[int, str, str]] = []
    seen = 0
    # in these encodings a NUL byte is a NUL character and 0x22 a quote: both are noted as the bytes
    # are read (a batch holds a NUL only if a NUL byte was read by the time it was parsed)
    scan = enc.lower() in _QUOTE_SAFE
    paced = PacedFile(path, BLOCK_BYTES, ratio=2 if enc.lower().startswith("utf-16") else 1, scan=scan)
    try:
        reader = pacsv.open_csv(
            pa.PythonFile(paced, mode="r"),
            read_options=pacsv.ReadOptions(
                encoding=enc.replace("utf-8-sig", "utf8"), column_names=names, skip_rows=1, block_size=BLOCK_BYTES
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=True,
                null_values=[""],
                quoted_strings_can_be_null=True,
            ),
        )
        while True:
            paced.waiting(True)
            batch = next(reader, None)
            paced.waiting(False)
            if batch is None:
                break
            hits = _rows_with_nul(batch) if paced.nul or not scan else {}
            if hits:
                for i, col in sorted(hits.items()):
                    row = (batch.column(n)[i].as_py() for n in names)
                    nul_rows.append((seen + i, col, delimiter.join("" if v is None else str(v) for v in row)))
                batch = batch.filter(pa.array([i not in hits for i in range(batch.num_rows)]))
            seen += batch.num_rows + len(hits)
            yield batch
            del batch  # the consumer is done with it: let the reader parse the next block
            paced.advance()
    except (pa.ArrowInvalid, UnicodeError) as exc:
        if provisional and first_decode_error(path, "utf-8") is not None:
            raise NotUtf8(f"{path.name}: not UTF-8 beyond its first MiB", hint="read it again") from None
        raise _parse_error(path, exc) from None
    finally:
        paced.close()
    balanced = paced.quotes % 2 == 0 if scan and paced.eof else _quotes_balanced(path, enc)
    if not balanced:
        where = _unclosed_quote(path, enc, delimiter)
        if where is not None:
            raise SourceError(
                f"{path.name}: row {where[0]} (line {where[1]}) opens a quoted field that is never closed: "
                "the rest of the file would be read as one value",
                hint='fix the quoting in the export (a quote inside a quoted field is written "")',
            )
    if rejected or nul_rows:
        _locate_rejects(path, enc, delimiter, len(names), seen, rejected, nul_rows)
    stream.rejected = rejected


def _rows_with_nul(batch: pa.RecordBatch) -> dict[int, str]:
    """Row index -> first column holding a NUL byte (NUL is never valid in a text export)."""
    out: dict[int, str] = {}
    for name in batch.schema.names:
        col = batch.column(name)
        if not pa.types.is_string(col.type) and not pa.types.is_large_string(col.type):
            continue
        hit = pc.fill_null(pc.match_substring(col, "\x00"), False)
        if pc.any(hit).as_py():
            for i in pc.indices_nonzero(hit).to_pylist():
                out.setdefault(i, name)
    return out


def _locate_rejects(
    path: Path,
    enc: str,
    delimiter: str,
    width: int,
    parsed: int,
    rejected: list[RejectedRow],
    nul_rows: list[tuple[int, str, str]],
) -> None:
    """Give rejected rows their line numbers (pyarrow has none when values may hold newlines)
    and add the rows holding NUL bytes (``parsed``: well-formed rows, those included)."""
    bad_lines: list[int] = []
    good_lines: list[int] = []
    for line, rec in _records(path, enc, delimiter):
        (good_lines if len(rec) == width else bad_lines).append(line)
    if len(bad_lines) == len(rejected):
        for r, line in zip(rejected, bad_lines):
            r.row = line
    if nul_rows:
        for i, col, text in nul_rows:
            line = good_lines[i] if len(good_lines) == parsed else 0
            rejected.append(RejectedRow(line, f"field {col!r} contains NUL bytes", text))
        rejected.sort(key=lambda r: r.row)
