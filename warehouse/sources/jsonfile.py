"""JSON Lines and JSON documents (records at a dotted path) as Arrow tables of strings."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from core import SourceError
from warehouse.sources.encoding import detect_encoding
from warehouse.sources.result import ReadResult, RejectedRow

__all__ = ["read_json", "read_jsonl"]


def read_jsonl(path: Path, encoding: str = "auto") -> ReadResult:
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
            raise SourceError(
                f"{path.name}: is not valid {enc} text", hint="JSON Lines must be UTF-8; re-export the file"
            ) from None
    if not records and rejected:
        raise SourceError(
            f"{path.name}: is not valid JSON Lines (line {rejected[0].row}: {rejected[0].reason})",
            hint="one JSON object per line, UTF-8",
        )
    return ReadResult(_records_to_table(records, path.name), enc, rejected)


def _records_to_table(records: list, where: str) -> pa.Table:
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise SourceError(
            f"{where}: expected a JSON list of objects", hint="set records_path to the key holding the record list"
        )
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


def read_json(path: Path, records_path: str | None) -> ReadResult:
    try:
        data = json.loads(path.read_text(encoding=detect_encoding(path).replace("utf-8-sig", "utf-8-sig")))
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path.name}: is not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    if records_path == "*":  # the one list of records in the document (another portal's JSON)
        data = _only_record_list(data, path.name)
        records_path = None
    for key in (records_path or "").split(".") if records_path else []:
        if not isinstance(data, dict) or key not in data:
            raise SourceError(f"{path.name}: records_path {records_path!r} not found in the JSON reply")
        data = data[key]
    return ReadResult(_records_to_table(data, path.name))


def _only_record_list(data: object, where: str) -> object:
    """``data`` itself when it is a list; else the single list of objects among a mapping's
    values (``{"records": [...]}``, ``{"result": {"records": [...]}}``)."""
    if isinstance(data, list):
        return data
    found: list[list] = []

    def walk(node: object, depth: int) -> None:
        if depth > 3 or not isinstance(node, dict):
            return
        for value in node.values():
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                found.append(value)
            else:
                walk(value, depth + 1)

    walk(data, 0)
    if len(found) != 1:
        raise SourceError(
            f"{where}: {'no' if not found else len(found)} list(s) of records in the JSON document",
            hint="a JSON resource must be a list of objects, or hold exactly one such list",
        )
    return found[0]
