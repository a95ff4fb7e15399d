"""The officers' 运营评估 page: operations evaluated by use (top datasets, trend per department,
datasets never used, use per published version, demand fulfilment) with SVG charts, its JSON
twin, and the monthly export for the national platform (CSV / JSON). Uses are recorded by
:func:`portal.tracking.track`."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from catalog import usage_recorder, usage_stats
from core import CatalogError
from portal.access import require_officer
from portal.charts import bars_svg, counts_svg
from portal.pages import templates

__all__ = ["router"]

router = APIRouter()


# ---- the officers' page ---------------------------------------------------------------------


def _report(department: str | None, since: str | None) -> dict[str, Any]:
    usage_recorder.flush()  # what this process buffered is shown too
    try:
        return usage_stats.report(department=department or None, since=since or None)
    except CatalogError as exc:
        raise HTTPException(400, str(exc)) from None


def _charts(rep: dict[str, Any]) -> dict[str, Any]:
    top = [(f"{d['title']}", d["total"]) for d in rep["by_dataset"][:10]]
    versions = [(f"{v['department']}.{v['dataset']} v{v['version']}", v["uses"]) for v in rep["by_version"][:10]]
    days = sorted({r["day"] for r in rep["by_day"]})[-31:]
    names = {d["department"]: d["department_name"] for d in rep["by_department"]}
    series: dict[str, list[tuple[str, float]]] = {}
    for dept in sorted({r["department"] for r in rep["by_day"]}):
        per_day = {r["day"]: r["uses"] for r in rep["by_day"] if r["department"] == dept}
        series[names.get(dept, dept)] = [(day[5:], float(per_day.get(day, 0))) for day in days]
    return {
        "top": bars_svg(top, title="使用量最高的数据集", svg_id="usage-top"),
        "versions": bars_svg(versions, title="各发布版本的使用量", svg_id="usage-versions"),
        "trend": counts_svg(series, title="各部门每日使用量", svg_id="usage-trend"),
    }


@router.get("/officers/usage", response_class=HTMLResponse, include_in_schema=False)
def usage_page(request: Request, department: str = "", since: str = "", month: str = "") -> HTMLResponse:
    require_officer(request)
    department, since = department[:63], since[:10]
    rep = _report(department, since)
    today = _dt.datetime.now(_dt.UTC).date()
    months = [(today.replace(day=1) - _dt.timedelta(days=31 * i)).strftime("%Y-%m") for i in range(12)]
    return templates.TemplateResponse(
        request,
        "officers_usage.html",
        {
            "rep": rep,
            "charts": _charts(rep),
            "kinds": usage_stats.KIND_TITLES,
            "months": sorted(set(months), reverse=True),
            "month": month[:7] or today.strftime("%Y-%m"),
            "department": department,
            "since": since,
        },
    )


@router.get("/api/officers/usage", tags=["officers"], summary="Usage statistics (what `pubdata usage --json` prints)")
def usage_json(request: Request, department: str | None = None, since: str | None = None) -> JSONResponse:
    require_officer(request)
    return JSONResponse(_json_safe(_report(department, since)))


@router.get("/officers/usage/export.{fmt}", include_in_schema=False)
def usage_export(request: Request, fmt: str, month: str) -> Response:
    """The monthly report for the national platform's evaluation, as CSV (UTF-8 with BOM) or JSON."""
    require_officer(request)
    if fmt not in ("csv", "json") or not re.fullmatch(r"\d{4}-\d{2}", month or ""):
        raise HTTPException(400, "export.csv or export.json, with month=YYYY-MM")
    import tempfile
    from pathlib import Path

    usage_recorder.flush()
    with tempfile.TemporaryDirectory() as tmp:
        try:
            csv_path, json_path = usage_stats.export_month(month, Path(tmp))
        except CatalogError as exc:
            raise HTTPException(400, str(exc)) from None
        body = (csv_path if fmt == "csv" else json_path).read_bytes()
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return Response(
        body,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="pubdata-usage-{month}.{fmt}"',
            "Cache-Control": "no-store",
        },
    )


def _json_safe(value: Any) -> Any:
    import json

    return json.loads(json.dumps(value, default=str))
