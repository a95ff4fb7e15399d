"""Department scorecards in the portal: ranking, trend charts (inline SVG) and a JSON endpoint."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from catalog import scorecard
from portal.charts import lines_svg
from portal.pages import templates

router = APIRouter()


def _trends(runs: list[dict[str, Any]], names: dict[str, str]) -> dict[str, Any]:
    by_dept: dict[str, list[dict[str, Any]]] = {}
    for r in runs:
        by_dept.setdefault(r["department_id"], []).append(r)
    charts = {}
    for key, title, scale in (
        ("composite", "综合得分", 1),
        ("quality", "平均质量评分", 1),
        ("open_share", "开放率 (%)", 100),
        ("on_time", "按时更新率 (%)", 100),
        ("usage", "使用率 (%)", 100),
    ):
        series = {
            names.get(d, d): [(f"#{i + 1}", float(r[key]) * scale) for i, r in enumerate(rs)]
            for d, rs in by_dept.items()
        }
        charts[key] = (title, lines_svg(series, title=title))
    return charts


@router.get("/scorecard", response_class=HTMLResponse, include_in_schema=False)
def scorecard_page(request: Request) -> HTMLResponse:
    ranking = scorecard.ranking()
    names = {r["department_id"]: r["department_name"] for r in ranking}
    return templates.TemplateResponse(
        request,
        "scorecard.html",
        {
            "ranking": ranking,
            "charts": _trends(scorecard.department_runs(), names),
            "withheld": scorecard.withheld_report(),
            "awaiting": scorecard.awaiting_review(),
            "weights": scorecard.WEIGHTS,
        },
    )


@router.get(
    "/api/scorecard", summary="Department scorecard: ranking, history, withheld datasets and columns awaiting review"
)
def scorecard_json() -> dict[str, Any]:
    return {
        "weights": scorecard.WEIGHTS,
        "ranking": scorecard.ranking(),
        "history": scorecard.department_runs(),
        "withheld_without_rule": scorecard.withheld_report(),
        "awaiting_review": {
            d: [{"dataset": r["dataset_id"], "column": r["column"], "reason": r["reason"]} for r in items]
            for d, items in scorecard.awaiting_review().items()
        },
    }
