"""Build a small but realistic catalog directly (no Airflow): every demo department registered,
datasets published from small pyarrow tables with Chinese text, several versions, every tier.

Layout of the catalog it builds:

* ``health.hospitals`` — open, 3 versions (v2 adds rows; v3 renames ``phone`` -> ``telephone``
  and drops ``beds``: a breaking change), quality 92 -> 95 -> 88.
* ``transport.bus_stops`` — open, 1 version.
* ``transport.ridership`` — open, 1 version (column ``address`` withheld).
* ``health.clinic_visits`` — conditional (shared with civil_affairs for medical_assistance).
* ``civil_affairs.subsidy_recipients`` — conditional.
* ``market_regulation.enterprise_registry`` — withheld (metadata only).
* other datasets: registered, never published.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[2]
SECRET_PHONE = "13800138000"  # a value that exists only in the raw (withheld) column
CONDITIONAL_MARK = "就诊流水-保密-0001"  # a value that exists only in conditional rows


def _cols(table: pa.Table, overrides: dict[str, dict] | None = None, dropped: dict[str, dict] | None = None):
    out = []
    for name in table.column_names:
        o = (overrides or {}).get(name, {})
        out.append(
            {
                "name": name,
                "level": o.get("level", "none"),
                "entity": o.get("entity"),
                "action": o.get("action", "publish"),
                "method": o.get("method"),
                "reason": o.get("reason"),
                "rule_id": o.get("rule_id"),
            }
        )
    for name, o in (dropped or {}).items():
        out.append(
            {
                "name": name,
                "level": o.get("level", "personal"),
                "entity": o.get("entity"),
                "action": "drop",
                "method": None,
                "reason": o.get("reason", "个人信息，不予公开"),
                "rule_id": o.get("rule_id", "NL-01"),
            }
        )
    return out


def _publish(
    tmp: Path, dept: str, ds: str, run: str, table: pa.Table, *, tier: str, quality: float, overrides=None, dropped=None
) -> None:
    from catalog.publish import publish_version
    from warehouse.lake import RunPaths

    src = tmp / f"{dept}_{ds}_{run}.parquet"
    pq.write_table(table, src)
    publish_version(
        RunPaths.for_run(dept, ds, run),
        run,
        src,
        columns=_cols(table, overrides, dropped),
        quality_score=quality,
        open_tier=tier,
    )


def hospitals(n: int, *, v3: bool = False) -> pa.Table:
    names = [f"第{i}人民医院" if i % 3 else f"市中医院分院{i}" for i in range(n)]
    data: dict[str, list[Any]] = {
        "hospital_code": [f"H{i:04d}" for i in range(n)],
        "name": names,
        "level": ["三级甲等" if i % 4 == 0 else "二级" for i in range(n)],
        "address": [f"解放路{i}号" for i in range(n)],
    }
    if v3:
        data["telephone"] = [f"0571-8{i:07d}" for i in range(n)]
    else:
        data["phone"] = [f"0571-8{i:07d}" for i in range(n)]
    data["latitude"] = [30.2 + i / 1000 for i in range(n)]
    data["longitude"] = [120.1 + i / 1000 for i in range(n)]
    if not v3:
        data["beds"] = [100 + i for i in range(n)]
    return pa.table(data)


def build(home: Path) -> Path:
    """Populate ``home`` (which must be the current PUBDATA_HOME) and return it."""
    from catalog.publish import register_department
    from warehouse.manifest import load_department

    tmp = home / "_src"
    tmp.mkdir(parents=True, exist_ok=True)
    for path in sorted((REPO / "departments").glob("*.yaml")):
        register_department(load_department(path))

    _publish(tmp, "health", "hospitals", "run1", hospitals(20), tier="open", quality=92.0)
    _publish(tmp, "health", "hospitals", "run2", hospitals(25), tier="open", quality=95.0)
    _publish(tmp, "health", "hospitals", "run3", hospitals(24, v3=True), tier="open", quality=88.0)

    stops = pa.table(
        {
            "stop_id": [f"S{i:03d}" for i in range(30)],
            "stop_name": [f"西湖文化广场{i}站" if i % 2 else f"武林门{i}站" for i in range(30)],
            "latitude": [30.27 + i / 1e4 for i in range(30)],
            "longitude": [120.16 + i / 1e4 for i in range(30)],
            "lines": ["B1;K7" if i % 2 else "Y9" for i in range(30)],
            "district_code": ["330106" for _ in range(30)],
        }
    )
    _publish(tmp, "transport", "bus_stops", "run1", stops, tier="open", quality=99.0)

    days = [dt.date(2024, 1, 1) + dt.timedelta(days=i // 5) for i in range(50)]
    ridership = pa.table(
        {
            "date": days,
            "line": [f"{i % 5 + 1}路" for i in range(50)],
            "boardings": [1000 + 7 * i for i in range(50)],
            "amount": [2000.5 + i for i in range(50)],
            "month": [d.strftime("%Y-%m") for d in days],
            "division_code": ["330102" for _ in range(50)],
        }
    )
    _publish(
        tmp,
        "transport",
        "ridership",
        "run1",
        ridership,
        tier="open",
        quality=97.0,
        dropped={"address": {"entity": "ADDRESS", "reason": "住址属于个人信息"}},
    )

    visits = pa.table(
        {
            "就诊流水号": [CONDITIONAL_MARK] + [f"V{i:05d}" for i in range(1, 40)],
            "性别": ["男" if i % 2 else "女" for i in range(40)],
            "就诊日期": [dt.date(2024, 3, 1 + i % 28) for i in range(40)],
            "诊断编码": ["J0*" for _ in range(40)],
            "就诊机构": ["第1人民医院" for _ in range(40)],
            "费用": [120.0 + i for i in range(40)],
            "所在区划": ["3301**" for _ in range(40)],
        }
    )
    _publish(
        tmp,
        "health",
        "clinic_visits",
        "run1",
        visits,
        tier="conditional",
        quality=90.0,
        overrides={
            "诊断编码": {
                "level": "sensitive",
                "entity": "MEDICAL_CONDITION",
                "action": "generalise",
                "method": "truncate:3",
                "reason": "诊断属于敏感个人信息，泛化到类目",
            },
            "所在区划": {"action": "generalise", "method": "prefix:4", "reason": "降低再识别风险"},
        },
        dropped={
            "患者姓名": {"entity": "PERSON_NAME"},
            "身份证号": {"level": "sensitive", "entity": "CN_RESIDENT_ID"},
            "联系电话": {"entity": "PHONE_NUMBER"},
        },
    )
    # the shared variant for civil_affairs / medical_assistance
    shared = home / "lake" / "shared" / "civil_affairs" / "health" / "clinic_visits"
    shared.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"就诊流水号": ["V00001"], "费用": [121.0]}), shared / "medical_assistance__run1.parquet")

    subsidy = pa.table({"month": ["2024-01", "2024-02"], "subsidy_type": ["低保", "特困"], "amount": [800.0, 900.0]})
    _publish(tmp, "civil_affairs", "subsidy_recipients", "run1", subsidy, tier="conditional", quality=85.0)

    ent = pa.table({"统一社会信用代码": ["91330100MA2XXXXX1A"], "企业名称": ["某某科技有限公司"]})
    _publish(tmp, "market_regulation", "enterprise_registry", "run1", ent, tier="withheld", quality=80.0)
    return home


def big_parquet(home: Path, rows: int) -> None:
    """Publish ``ecology.air_quality`` with ``rows`` generated rows (for the bench)."""
    import duckdb

    from catalog.publish import publish_version
    from warehouse.lake import RunPaths

    src = home / "_src" / "big.parquet"
    src.parent.mkdir(parents=True, exist_ok=True)
    duckdb.sql(f"""COPY (SELECT range AS id, 'station_' || (range % 500) AS station,
                   DATE '2020-01-01' + CAST(range % 1500 AS INTEGER) AS day,
                   (range * 7919 % 500) / 10.0 AS pm25, '杭州市西湖区' AS district
                   FROM range({int(rows)})) TO '{src}' (FORMAT parquet, ROW_GROUP_SIZE 122880)""")
    table = pq.read_schema(src)
    cols = [{"name": n, "level": "none", "action": "publish"} for n in table.names]
    publish_version(
        RunPaths.for_run("ecology", "air_quality", "big"),
        "big",
        src,
        columns=cols,
        quality_score=96.0,
        open_tier="open",
    )
