"""Server-rendered HTML pages: home (dataset list), dataset page, department page."""

from __future__ import annotations

import re

import pyarrow.parquet as pq
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from catalog import queries
from catalog.portal.app import HERE
from pubdata import home

router = APIRouter()
templates = Jinja2Templates(directory=HERE / "templates")
_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def checked_ids(department: str, dataset: str | None = None) -> None:
    """Ids from a URL are hostile: anything but a plain identifier is simply not found."""
    if not _ID.match(department) or (dataset is not None and not _ID.match(dataset)):
        raise HTTPException(404, "no such dataset")


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request) -> HTMLResponse:
    datasets = queries.list_datasets()
    return templates.TemplateResponse(request, "index.html", {"datasets": datasets,
                                                               "departments": queries.department_list()})


@router.get("/datasets/{department}/{dataset}", response_class=HTMLResponse, include_in_schema=False)
def dataset_page(request: Request, department: str, dataset: str) -> HTMLResponse:
    checked_ids(department, dataset)
    detail = queries.dataset_detail(department, dataset)
    if detail is None:
        raise HTTPException(404, "no such dataset")
    columns = queries.columns_of(department, dataset, detail["version"]) if detail["version"] else []
    preview_rows: list[dict] = []
    if detail["version"] and detail["open_tier"] == "open":
        pf = pq.ParquetFile(home() / detail["path"])
        if pf.metadata.num_rows:
            preview_rows = next(pf.iter_batches(batch_size=10)).to_pylist()
    return templates.TemplateResponse(request, "dataset.html", {
        "d": detail, "columns": columns, "preview": preview_rows,
        "versions": queries.versions_of(department, dataset)})


@router.get("/departments/{department}", response_class=HTMLResponse, include_in_schema=False)
def department_page(request: Request, department: str) -> HTMLResponse:
    checked_ids(department)
    dept = next((d for d in queries.department_list() if d["id"] == department), None)
    if dept is None:
        raise HTTPException(404, "no such department")
    datasets = [d for d in queries.list_datasets() if d["department_id"] == department]
    return templates.TemplateResponse(request, "department.html", {"dept": dept, "datasets": datasets})
