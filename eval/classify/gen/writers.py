"""Byte-deterministic writers for CSV (any encoding/delimiter), Parquet, JSONL and XLSX."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import zipfile

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq



def _is_null(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _text(v, dec=None) -> str:
    if isinstance(v, (bool, np.bool_)):
        return "1" if v else "0"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return f"{float(v):.{dec}f}" if dec is not None else repr(float(v))
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def write_csv(path, cols, enc, delim, null="", newline="\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    w.writerow([c.name for c in cols])
    n = len(cols[0].values)
    for i in range(n):
        w.writerow([null if _is_null(c.values[i]) else _text(c.values[i], c.dec) for c in cols])
    data = buf.getvalue().encode(enc)  # strict: a GBK table must be GBK-encodable
    with open(path, "wb") as f:
        f.write(data)


def _arrow_type(c):
    vals = [v for v in c.values if not _is_null(v)]
    hint = c.ptype
    if hint is None:
        if vals and all(isinstance(v, (bool, np.bool_)) for v in vals):
            hint = "bool"
        elif vals and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in vals):
            hint = "int"
        elif vals and all(isinstance(v, (int, float, np.integer, np.floating)) for v in vals):
            hint = "float"
        elif vals and all(isinstance(v, dt.datetime) for v in vals):
            hint = "datetime"
        elif vals and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in vals):
            hint = "date"
        else:
            hint = "str"
    return hint


def write_parquet(path, cols):
    arrays, names = [], []
    for c in cols:
        hint = _arrow_type(c)
        vals = [None if _is_null(v) else v for v in c.values]
        if hint == "int":
            arr = pa.array([None if v is None else int(v) for v in vals], pa.int64())
        elif hint == "float":
            arr = pa.array([None if v is None else float(v) for v in vals], pa.float64())
        elif hint == "date":
            arr = pa.array(vals, pa.date32())
        elif hint == "datetime":
            arr = pa.array(vals, pa.timestamp("s"))
        elif hint == "bool":
            arr = pa.array([None if v is None else bool(v) for v in vals], pa.bool_())
        else:
            arr = pa.array([None if v is None else _text(v, c.dec) for v in vals], pa.string())
        arrays.append(arr)
        names.append(c.name)
    pq.write_table(pa.Table.from_arrays(arrays, names=names), path, compression="snappy")


def write_jsonl(path, cols, omit_nulls=False):
    lines = []
    n = len(cols[0].values)
    for i in range(n):
        obj = {}
        for c in cols:
            v = c.values[i]
            if _is_null(v):
                if not omit_nulls:
                    obj[c.name] = None
                continue
            if isinstance(v, (bool, np.bool_)):
                obj[c.name] = bool(v)
            elif isinstance(v, (int, np.integer)):
                obj[c.name] = int(v)
            elif isinstance(v, (float, np.floating)):
                obj[c.name] = round(float(v), c.dec) if c.dec is not None else float(v)
            else:
                obj[c.name] = _text(v)
        lines.append(json.dumps(obj, ensure_ascii=False))
    with open(path, "wb") as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


_XML_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_EPOCH = dt.datetime(1899, 12, 30)


def _col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _xml_text(s: str) -> str:
    s = "".join(ch for ch in s if ch in "\t\n" or ord(ch) >= 32)
    return s.translate(_XML_ESC)


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')

_PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>',
    "docProps/app.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    "docProps/core.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>admin</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-31T09:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-31T09:00:00Z</dcterms:modified></cp:coreProperties>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>',
    "xl/styles.xml": _STYLES,
}


def write_xlsx(path, cols, title=None):
    """Minimal SpreadsheetML writer (shared strings, real date cells, optional merged title row).

    Hand-written instead of openpyxl's writer for speed and byte-stable output; openpyxl
    and pandas read the result."""
    strings: dict[str, int] = {}

    def sidx(s: str) -> int:
        if s not in strings:
            strings[s] = len(strings)
        return strings[s]

    letters = [_col_letter(j) for j in range(len(cols))]
    out = []
    r = 1
    if title:
        out.append(f'<row r="1"><c r="A1" t="s" s="4"><v>{sidx(title)}</v></c></row>')
        r = 2
    out.append(f'<row r="{r}">' + "".join(f'<c r="{letters[j]}{r}" t="s" s="4"><v>{sidx(c.name)}</v></c>'
                                           for j, c in enumerate(cols)) + "</row>")
    n = len(cols[0].values)
    for i in range(n):
        rr = r + 1 + i
        cells = []
        for j, c in enumerate(cols):
            v = c.values[i]
            if _is_null(v):
                continue
            ref = f"{letters[j]}{rr}"
            if isinstance(v, (bool, np.bool_)):
                cells.append(f'<c r="{ref}" t="b"><v>{int(bool(v))}</v></c>')
            elif isinstance(v, (int, np.integer)):
                cells.append(f'<c r="{ref}"><v>{int(v)}</v></c>')
            elif isinstance(v, (float, np.floating)):
                style = ' s="3"' if c.dec == 2 else ""
                cells.append(f'<c r="{ref}"{style}><v>{float(v)!r}</v></c>')
            elif isinstance(v, dt.datetime):
                serial = (v - _EPOCH).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="2"><v>{serial!r}</v></c>')
            elif isinstance(v, dt.date):
                cells.append(f'<c r="{ref}" s="1"><v>{(v - _EPOCH.date()).days}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sidx(str(v))}</v></c>')
        out.append(f'<row r="{rr}">' + "".join(cells) + "</row>")
    last = f"{letters[-1]}{r + n}"
    merge = f'<mergeCells count="1"><mergeCell ref="A1:{letters[-1]}1"/></mergeCells>' if title else ""
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             f'<dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
             '<sheetFormatPr defaultRowHeight="13.5"/>'
             f'<cols><col min="1" max="{len(cols)}" width="16" customWidth="1"/></cols>'
             "<sheetData>" + "".join(out) + "</sheetData>" + merge + "</worksheet>")
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">']
    for s in strings:
        t = _xml_text(s)
        sp = ' xml:space="preserve"' if t != t.strip() else ""
        sst.append(f"<si><t{sp}>{t}</t></si>")
    sst.append("</sst>")
    parts = dict(_PARTS)
    parts["xl/worksheets/sheet1.xml"] = sheet
    parts["xl/sharedStrings.xml"] = "".join(sst)
    order = ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
             "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in order:
            zi = zipfile.ZipInfo(name, date_time=(2025, 12, 31, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, parts[name].encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())
