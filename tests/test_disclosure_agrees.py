"""Decisions and output agree: for every demo dataset, what the dataset page and the disclosure
record say a column's treatment is, is what the published file contains."""

from __future__ import annotations

import html
import re
from pathlib import Path

import duckdb
import httpx
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from core.sql import quote_ident, scalar


def _texts(table: pa.Table, name: str) -> pa.Array:
    col = table.column(name).combine_chunks()
    return col if pa.types.is_string(col.type) else pc.cast(col, pa.string())


def _full_match(values: pa.Array, pattern: str) -> int:
    """Non-null values NOT fully matching ``pattern``."""
    ok = pc.match_substring_regex(values, f"^(?:{pattern})$")
    return len(values) - values.null_count - (pc.sum(ok).as_py() or 0)


def test_every_demo_dataset_page_record_and_file_agree(in_demo_home: Path, live_portal) -> None:
    from catalog.queries import columns_of, list_datasets
    from catalog.risk import release_risk
    from portal.common import ACTION_TITLES
    from privacy.aggregate import TOTAL
    from privacy.deid import MASK_SHAPES
    from privacy.roles import load_roles
    from warehouse.lake import RunPaths

    hierarchies = load_roles().hierarchies
    seen = []
    for d in list_datasets(published_only=True):
        dept, ds, version = d["department_id"], d["dataset_id"], d["version"]
        label = f"{dept}.{ds} v{version}"
        path = in_demo_home / d["path"]
        out = pq.read_table(path)
        record = columns_of(dept, ds, version)
        report = release_risk(dept, ds, version)
        from catalog.queries import version_row

        valid = pq.read_table(RunPaths.for_run(dept, ds, version_row(dept, ds, version)["run_id"]).valid)
        page = httpx.get(f"{live_portal.url}/datasets/{dept}/{ds}", timeout=30).text
        table = page[page.index('id="schema"') :]
        table = table[: table.index("</table>")]
        rows = re.findall(r'<tr[^>]*><td>([^<]*)</td>(?:(?!</tr>).)*?<span class="act act-(\w+)">', table, flags=re.S)
        shown = {html.unescape(n): a for n, a in rows}
        for c in record:
            name, action, method = c["name"], c["action"], c["method"]
            # the page says what the record says
            assert shown.get(name) == action, (label, name, shown.get(name), action)
            assert ACTION_TITLES[action] in page
            if action in ("drop", "encrypt", "hold"):  # hold: awaiting an officer's review (issue 12)
                assert name not in out.column_names and not c["published"], (label, name)
                continue
            assert name in out.column_names and c["published"], (label, name)
            values = _texts(out, name)
            if method and ":" in method:  # a quasi-identifier or sensitive attribute at its level
                h_name, level_name = method.split(":")
                shape = hierarchies[h_name].shape(hierarchies[h_name].levels.index(level_name))
                if shape:
                    assert _full_match(values, shape) == 0, (label, name, method)
            elif method == "dimension":
                assert TOTAL in values.to_pylist(), (label, name)
            elif method in MASK_SHAPES and action in ("mask", "generalise"):
                assert _full_match(values, MASK_SHAPES[method]) == 0, (label, name, method)
            elif action == "pseudonymise":
                assert _full_match(values, "[0-9a-f]{32}") == 0, (label, name)
            elif action == "publish" and method is None and name in valid.column_names:
                # published as is: the values are the source's, and not emptied
                src = set(_texts(valid, name).to_pylist())
                assert set(values.to_pylist()) - {None} <= src, (label, name)
                assert values.null_count < len(values) or _texts(valid, name).null_count == len(valid), (label, name)
        if report is not None and report["kind"] == "anonymisation":
            assert 'id="risk"' in page and "隐私风险评估" in page, label
            qis = [q["name"] for q in report["quasi_identifiers"] if q["name"] in out.column_names]
            if qis and out.num_rows:
                cols = ", ".join(quote_ident(q) for q in qis)
                k = scalar(
                    duckdb, f"SELECT min(n) FROM (SELECT count(*) AS n FROM read_parquet('{path}') GROUP BY {cols})"
                )
                assert k == report["k_achieved"] >= report["k_threshold"], label
                assert f'<strong id="risk-k">{k}</strong>' in page, label
        seen.append(label)
    assert len(seen) >= 9, seen
