"""XLSX workbooks: one sheet, a header row found below title rows, cells as text."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pyarrow as pa

from core import SourceError
from warehouse.sources.result import ReadResult, RejectedRow

__all__ = ["read_xlsx"]


def _xlsx_text(v: object) -> str | None:
    """A cell as text: dates without a time part as ``YYYY-MM-DD``, whole floats without ``.0``."""
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


def read_xlsx(path: Path, sheet: str | int | None) -> ReadResult:
    import openpyxl  # lazy: only XLSX files need it (slow to import)

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds
        raise SourceError(
            f"{path.name}: is not a readable XLSX workbook ({exc.__class__.__name__})",
            hint="re-export the file as .xlsx; it may be truncated or another format",
        ) from None
    try:
        try:
            if sheet is None:
                ws = wb.worksheets[0]
            elif isinstance(sheet, int):
                ws = wb.worksheets[sheet]
            else:
                ws = wb[sheet]
        except (KeyError, IndexError):
            raise SourceError(
                f"{path.name}: has no sheet {sheet!r} (sheets: {wb.sheetnames})",
                hint="set `sheet` in the dataset's source to one of these names",
            ) from None
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
                raise SourceError(
                    f"{path.name}: sheet {ws.title!r} has no header row",
                    hint="put the column names in the first row of the sheet",
                )
        while header and header[-1] is None:
            header.pop()
        names = [h.strip() if h else "" for h in header]
        empty = [_column_letter(i + 1) for i, n in enumerate(names) if not n]
        if empty:
            raise SourceError(
                f"{path.name}: sheet {ws.title!r} row {header_row} (header) has no name in "
                f"column(s) {empty} (merged header cells?)",
                hint="unmerge header cells and give every column one name in a single header row",
            )
        repeated = [_column_letter(i + 1) for i, n in enumerate(names) if names.count(n) > 1]
        if repeated:  # columns, not the names: without a header row, the "names" are a row of data
            raise SourceError(
                f"{path.name}: sheet {ws.title!r} row {header_row} (header) repeats column name(s) in "
                f"column(s) {repeated}",
                hint="make header names unique (unmerge header cells)",
            )
        width = len(names)
        cols: list[list[str | None]] = [[] for _ in names]
        rejected: list[RejectedRow] = []
        for r, row in rows:
            values = [_xlsx_text(v) for v in row]
            if all(v is None for v in values):
                continue
            extra = [v for v in values[width:] if v is not None]
            if extra:
                rejected.append(
                    RejectedRow(
                        r,
                        f"sheet {ws.title!r} row {r} has {len(extra)} value(s) beyond the {width} header columns",
                        "\t".join("" if v is None else v for v in values),
                    )
                )
                continue
            for i in range(width):
                cols[i].append(values[i] if i < len(values) else None)
    finally:
        wb.close()
    return ReadResult(pa.table({n: pa.array(c, pa.string()) for n, c in zip(names, cols)}), None, rejected)
