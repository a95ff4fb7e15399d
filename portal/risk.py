"""Re-identification risk of releases: the JSON report of a dataset's version and the officers'
list (the dataset page's 隐私风险评估 section is rendered by :mod:`portal.pages` with
:func:`risk_view`). Reports hold counts and levels, never a value."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from catalog import risk as catalog_risk
from portal.access import require_officer
from portal.charts import grouped_bars_svg
from portal.common import checked_ids
from portal.pages import templates

router = APIRouter()

LEVEL_TITLES = {
    "day": "日",
    "month": "月",
    "quarter": "季度",
    "year": "年",
    "age_5": "5 岁年龄段",
    "age_10": "10 岁年龄段",
    "age_20": "20 岁年龄段",
    "value": "原值",
    "county": "区县",
    "city": "地市",
    "province": "省",
    "area": "邮区",
    "type": "机构类型",
    "band_2": "金额区间（两位有效数字）",
    "band_1": "金额区间（一位有效数字）",
    "magnitude": "金额数量级",
    "suppressed": "全部抑制（不发布）",
}


def class_sizes_chart(report: dict[str, Any]) -> Markup:
    """Share of records per equivalence-class size, before and after treatment."""
    after, before = report.get("class_sizes") or [], report.get("class_sizes_before") or []
    if not after:
        return Markup("")
    rows_before = sum(b["rows"] for b in before) or 1
    rows_after = sum(a["rows"] for a in after) or 1
    return grouped_bars_svg(
        [b["label"] for b in after],
        {
            "处理前": [100 * b["rows"] / rows_before for b in before],
            "发布版本": [100 * a["rows"] / rows_after for a in after],
        },
        svg_id="risk-chart",
        title="各等价类大小的记录占比（%）",
    )


def risk_view(report: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the dataset page shows of a report."""
    if not report:
        return None
    chart = class_sizes_chart(report) if report.get("kind", "anonymisation") == "anonymisation" else Markup("")
    return {"r": report, "chart": chart, "levels": LEVEL_TITLES}


@router.get(
    "/api/datasets/{department}/{dataset}/risk",
    tags=["metadata"],
    summary="Re-identification risk report of a version (latest by default)",
    description="k achieved, highest and average prosecutor risk, records at risk, l per sensitive "
    "attribute, generalisation level per quasi-identifier, suppressions, information lost (row-level "
    "releases about people); or the cells suppressed or noised (statistical tables). No values.",
)
def risk_report(department: str, dataset: str, version: int | None = None) -> dict[str, Any]:
    checked_ids(department, dataset)
    if version is not None and not (1 <= version <= 10**9):
        raise HTTPException(400, "version must be a positive number")
    report = catalog_risk.release_risk(department, dataset, version)
    if report is None:
        raise HTTPException(404, "no risk report: not a release about people or not published yet")
    return {"department": department, "dataset": dataset, **report}


@router.get("/officers/risk", response_class=HTMLResponse, include_in_schema=False)
def risk_page(request: Request) -> HTMLResponse:
    require_officer(request)
    return templates.TemplateResponse(
        request, "officers_risk.html", {"releases": catalog_risk.risk_overview(), "levels": LEVEL_TITLES}
    )


@router.get("/api/officers/risk", tags=["officers"], summary="Risk of every dataset's latest release, riskiest first")
def risk_api(request: Request) -> list[dict[str, Any]]:
    require_officer(request)
    return catalog_risk.risk_overview()
