#!/usr/bin/env python3
"""Turn the generated evaluation tables into pubdata department manifests (column NAMES only).

    from manifests import write_departments
    write_departments(out_dir, labels_path, split, target_dir)

or  python eval/classify/manifests.py --data DIR --split tune --target DEPT_DIR

One YAML file per sector (department id ``eval_<sector>``), one dataset per table. The
manifests declare what a busy engineer would declare: names of the columns and where the
file is; no privacy fields, no formats, no header row. Tables whose XLSX has a title row
above the header are marked ``title_row: true`` in labels.json; the manifests leave them
as they are so the lead can decide. Standard library + PyYAML only.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

import yaml

DEPARTMENTS = {
    "population": "省人口与民族宗教事务数据（评测）",
    "health": "省卫生健康委员会（评测）",
    "civil": "省民政厅（评测）",
    "hrss": "省人力资源和社会保障厅（评测）",
    "police": "省公安厅（评测）",
    "market": "省市场监督管理局（评测）",
    "fund": "省住房公积金管理中心（评测）",
    "education": "省教育厅（评测）",
    "transport": "省交通运输厅（评测）",
    "environment": "省自然资源厅与生态环境厅（评测）",
    "tax": "国家税务总局省税务局（评测）",
    "justice": "省高级人民法院与司法厅（评测）",
    "agriculture": "省农业农村厅（评测）",
    "culture": "省文化和旅游厅（评测）",
    "emergency": "省应急管理厅（评测）",
    "hotline": "省12345政务服务热线（评测）",
}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _dataset_id(table_id: str, sector: str) -> str:
    ds = table_id[len(sector) + 1:] if table_id.startswith(sector + "_") else table_id
    if not _ID.match(ds):
        ds = "t_" + re.sub(r"[^a-z0-9_]", "_", ds.lower())
    return ds


def build_departments(out_dir: str, labels: dict, split: str | None) -> dict[str, dict]:
    """Department manifests keyed by department id. split: 'tune', 'report' or None/'all'."""
    depts: dict[str, dict] = {}
    for t in sorted(labels["tables"], key=lambda t: t["id"]):
        if split not in (None, "all") and t["split"] != split:
            continue
        sector = t["sector"]
        dep_id = f"eval_{sector}"
        dep = depts.setdefault(dep_id, {
            "id": dep_id,
            "name": DEPARTMENTS.get(sector, t.get("sector_name", sector)),
            "contact": {"name": "数据管理员", "email": f"data-{sector}@eval.pubdata.example", "phone": "0571-00000000"},
            "schedule": "none",
            "datasets": [],
        })
        ds_id = _dataset_id(t["id"], sector)
        if any(d["id"] == ds_id for d in dep["datasets"]):
            raise ValueError(f"duplicate dataset id {ds_id} in {dep_id}")
        dep["datasets"].append({
            "id": ds_id,
            "title": t["title"],
            "source": {"type": "file", "path": os.path.abspath(os.path.join(out_dir, t["file"])),
                       "format": "auto", "encoding": "auto"},
            "columns": [{"name": c["name"]} for c in t["columns"]],
        })
    return depts


def write_departments(out_dir: str, labels_path: str, split: str | None, target_dir: str) -> list[str]:
    """Write one <department id>.yaml per sector into target_dir; returns the written paths."""
    with open(labels_path, encoding="utf-8") as f:
        labels = json.load(f)
    os.makedirs(target_dir, exist_ok=True)
    written = []
    for dep_id, dep in build_departments(out_dir, labels, split).items():
        path = os.path.join(target_dir, f"{dep_id}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(dep, f, allow_unicode=True, sort_keys=False, width=1000)
        written.append(path)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="directory written by generate.py --out")
    ap.add_argument("--split", choices=["tune", "report", "all"], required=True)
    ap.add_argument("--target", required=True, help="directory for the department YAML files")
    a = ap.parse_args(argv)
    paths = write_departments(a.data, os.path.join(a.data, "labels.json"), a.split, a.target)
    print(f"wrote {len(paths)} department manifests to {a.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
