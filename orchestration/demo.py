"""Deterministic demo sources for the bundled departments (fixed seeds; nothing committed).

``generate()`` writes every demo department's source under ``$PUBDATA_HOME/sources``: a UTF-8
CSV, a GBK CSV, Parquet, JSON Lines, an XLSX workbook, a SQLite database and a CSV served over
HTTP by :func:`serve_http_sources`. Personal values are synthetic but valid (ID check chars,
Luhn card numbers, real mobile prefixes) so that detection and protection are exercised for real.
Planted faults: three clinic visits carry ID numbers with a wrong check char (to be quarantined).
``generate(variant=k)`` writes the sources of an earlier round of the demo's history (a subset of
today's rows; see :mod:`orchestration.demo_history`).

Planted ambiguity: the subsidy table has a column its manifest does not declare (``ext_ref``, a
legacy reference per payment): classified by content, held for an officer's review.

:func:`prepare_demo_sources` is what ``pubdata run`` and ``pubdata airflow start`` call first: when
the manifests in use are the bundled ones (``PUBDATA_DEPARTMENTS`` is the repo's ``departments/``)
and a demo department about to run lacks a source, that department's sources are generated (same
generator, same data as ``pubdata demo-data``). Other manifests never get demo data.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import http.server
import json
import random
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from core import get_setting
from core.identifiers import USCC_CHARSET, id_check_char, uscc_check_char
from core.settings import REPO_ROOT

__all__ = [
    "DEMO_DEPARTMENTS",
    "DEMO_SEED",
    "demo_departments_in_use",
    "generate",
    "missing_demo_sources",
    "planted_bad_ids",
    "prepare_demo_sources",
    "serve_http_sources",
    "sources_dir",
]

DEMO_SEED = 20261121
BASE_DAY = dt.date(2026, 11, 1)

REGIONS = ["330102", "330105", "330106", "330108", "330110", "330183", "330203", "330302"]
DISTRICTS = {
    "330102": "杭州市上城区",
    "330105": "杭州市拱墅区",
    "330106": "杭州市西湖区",
    "330108": "杭州市滨江区",
    "330110": "杭州市余杭区",
    "330183": "杭州市富阳区",
    "330203": "宁波市海曙区",
    "330302": "温州市鹿城区",
}
DIAGNOSES = [
    ("J06.9", "急性上呼吸道感染"),
    ("I10", "原发性高血压"),
    ("E11.9", "2型糖尿病"),
    ("K29.7", "胃炎"),
    ("M54.5", "腰痛"),
    ("J45.9", "哮喘"),
    ("N39.0", "泌尿道感染"),
    ("F32.9", "抑郁发作"),
]
INDUSTRIES = ["批发和零售业", "制造业", "信息传输、软件和信息技术服务业", "住宿和餐饮业", "建筑业"]
STREETS = ["文三路", "学院路", "延安路", "凤起路", "教工路", "天目山路", "解放路", "中山北路"]


def sources_dir() -> Path:
    roots = get_setting("PUBDATA_SOURCE_ROOTS").split(":")
    return Path(roots[0])


def _id_number(rng: random.Random, birth: dt.date, region: str | None = None) -> str:
    first = (region or rng.choice(REGIONS)) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return first + id_check_char(first)


def _bad_id(rng: random.Random, birth: dt.date) -> str:
    good = _id_number(rng, birth)
    wrong = "10X98765432".replace(good[-1], "")
    return good[:17] + rng.choice(wrong)


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        n = int(c)
        if i % 2 == 0:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return body + str((10 - total % 10) % 10)


def _mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "150", "151", "177", "186", "188", "199"]) + f"{rng.randrange(10**8):08d}"


def _uscc(rng: random.Random, individual: bool = False) -> str:
    head = ("92" if individual else "91") + rng.choice(REGIONS)
    body = head + "".join(rng.choice(USCC_CHARSET) for _ in range(9))
    return body + uscc_check_char(body)


def _birth(rng: random.Random, min_age: int, max_age: int) -> dt.date:
    return BASE_DAY - dt.timedelta(days=rng.randrange(min_age * 366, max_age * 365))


def _faker(seed: int):
    from faker import Faker  # lazy: only generating the demo sources needs it

    f = Faker("zh_CN")
    f.seed_instance(seed)
    return f


def _person_address(rng: random.Random, region: str) -> str:
    return f"浙江省{DISTRICTS[region]}{rng.choice(STREETS)}{rng.randrange(1, 400)}号{rng.randrange(1, 30)}幢{rng.randrange(101, 2605)}室"


def planted_bad_ids() -> list[int]:
    """Row numbers (0-based) of clinic visits whose ID number has a wrong check char."""
    return [17, 404, 1203]


def _enterprises(root: Path, rng: random.Random, variant: int = 0) -> None:
    fk = _faker(DEMO_SEED + 1)
    rows = []
    for i in range(1500):
        region = rng.choice(REGIONS)
        individual = i % 7 == 0
        name = (fk.last_name() + "记" + rng.choice(["小吃店", "便利店", "五金店"])) if individual else fk.company()
        rows.append(
            {
                "统一社会信用代码": _uscc(rng, individual),
                "企业名称": name,
                "法定代表人": fk.name(),
                "法定代表人身份证号": _id_number(rng, _birth(rng, 25, 70), region),
                "法人联系电话": _mobile(rng),
                "注册资本万元": str(rng.choice([10, 50, 100, 500, 1000, 5000])),
                "成立日期": (BASE_DAY - dt.timedelta(days=rng.randrange(30, 9000))).isoformat(),
                "行业": rng.choice(INDUSTRIES),
                "住所": f"浙江省{DISTRICTS[region]}{rng.choice(STREETS)}{rng.randrange(1, 500)}号",
                "登记状态": rng.choice(["存续", "存续", "存续", "注销", "吊销"]),
            }
        )
    _write_csv(root / "market_regulation" / "enterprises.csv", _era(rows, variant, "enterprises"), "utf-8-sig")
    inspections = [
        {
            "检查编号": f"JC{2026000000 + i}",
            "统一社会信用代码": rows[rng.randrange(len(rows))]["统一社会信用代码"],
            "检查日期": (BASE_DAY - dt.timedelta(days=rng.randrange(1, 365))).isoformat(),
            "检查结果": rng.choice(["合格", "合格", "合格", "责令整改", "不合格"]),
            "检查机关": rng.choice(["西湖区市场监管局", "上城区市场监管局", "滨江区市场监管局"]),
        }
        for i in range(1000)
    ]
    pq.write_table(
        pa.Table.from_pylist(_era(inspections, variant, "inspections")),
        root / "market_regulation" / "inspections.parquet",
    )


def _health(root: Path, rng: random.Random, variant: int = 0) -> None:
    fk = _faker(DEMO_SEED + 2)
    bad = set(planted_bad_ids())
    hospitals = []
    for i in range(60):
        region = rng.choice(REGIONS)
        hospitals.append(
            {
                "hospital_code": f"H{330000 + i}",
                "name": f"{DISTRICTS[region][3:]}{rng.choice(['人民医院', '中医院', '妇幼保健院', '社区卫生服务中心'])}{i}",
                "level": rng.choice(["三级甲等", "二级甲等", "一级"]),
                "address": f"浙江省{DISTRICTS[region]}{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
                "phone": f"0571-{rng.randrange(80000000, 89999999)}",
                "latitude": round(30.2 + rng.random() * 0.2, 6),
                "longitude": round(120.1 + rng.random() * 0.2, 6),
                "beds": rng.randrange(20, 2000),
            }
        )
    with open(root / "health" / "hospitals.jsonl", "w", encoding="utf-8") as fh:
        for h in _era(hospitals, variant, "hospitals"):
            fh.write(json.dumps(h, ensure_ascii=False) + "\n")
    visits = []
    for i in range(2000):
        child = i % 9 == 0
        birth = _birth(rng, 2, 13) if child else _birth(rng, 18, 90)
        region = rng.choice(REGIONS)
        code, diag = rng.choice(DIAGNOSES)
        visits.append(
            {
                "就诊流水号": f"MZ{20260000000 + i}",
                "患者姓名": fk.name(),
                "身份证号": _bad_id(rng, birth) if i in bad else _id_number(rng, birth, region),
                "联系电话": _mobile(rng),
                "性别": str(rng.choice([1, 2])),
                "就诊日期": (BASE_DAY - dt.timedelta(days=rng.randrange(0, 120))).isoformat(),
                "诊断编码": code,
                "诊断名称": diag,
                "就诊机构": hospitals[rng.randrange(60)]["name"],
                "费用": f"{rng.uniform(20, 3000):.2f}",
                "所在区划": region,
            }
        )
    _write_csv(root / "health" / "clinic_visits.csv", _era(visits, variant, "visits"), "gbk")


def _civil(root: Path, rng: random.Random, variant: int = 0) -> None:
    fk = _faker(DEMO_SEED + 3)
    db = root / "civil_affairs" / "civil.db"
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    con.execute(
        "CREATE TABLE subsidy (recipient_name TEXT, id_number TEXT, bank_card TEXT, mobile TEXT,"
        " subsidy_type TEXT, amount REAL, month TEXT, division_code TEXT, address TEXT, ext_ref TEXT)"
    )
    rows = []
    for i in range(1200):
        region = rng.choice(REGIONS)
        rows.append(
            (
                fk.name(),
                _id_number(rng, _birth(rng, 20, 90), region),
                _luhn_complete("622202", 19, rng),
                _mobile(rng),
                rng.choice(["低保", "特困供养", "临时救助", "高龄津贴"]),
                round(rng.uniform(300, 1500), 2),
                f"2026-{rng.randrange(1, 11):02d}",
                region,
                _person_address(rng, region),
                # a legacy system's reference, one per payment, that the manifest does not declare:
                # the classifier cannot tell whether it identifies a person, so it is held for review
                f"HX{(i * 7919 + 104729) % 1000003:07d}{rng.choice('ABCDEFGHJK')}",
            )
        )
    con.executemany("INSERT INTO subsidy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _era(rows, variant, "subsidy"))
    con.commit()
    con.close()
    import openpyxl  # lazy: slow to import; only the XLSX demo source needs it

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "养老机构"
    ws.append(["机构名称", "地址", "床位数", "联系电话", "运营性质", "所在区划"])
    homes = []
    for i in range(80):
        region = rng.choice(REGIONS)
        homes.append(
            [
                f"{DISTRICTS[region][3:]}{rng.choice(['颐养院', '敬老院', '老年公寓', '康养中心'])}{i}",
                f"浙江省{DISTRICTS[region]}{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
                rng.randrange(30, 600),
                f"0571-{rng.randrange(80000000, 89999999)}",
                rng.choice(["公办", "民办", "公建民营"]),
                region,
            ]
        )
    for row in _era(homes, variant, "homes"):
        ws.append(row)
    wb.save(root / "civil_affairs" / "elderly_care.xlsx")


def _transport(root: Path, rng: random.Random, variant: int = 0) -> None:
    stops = [
        {
            "stop_id": f"S{1000 + i}",
            "stop_name": f"{rng.choice(STREETS)}{rng.choice(['口', '站', '东', '西', '北'])}{i}",
            "latitude": f"{30.2 + rng.random() * 0.2:.6f}",
            "longitude": f"{120.1 + rng.random() * 0.2:.6f}",
            "lines": ";".join(sorted({str(rng.randrange(1, 400)) for _ in range(rng.randrange(1, 5))})),
            "district_code": rng.choice(REGIONS),
        }
        for i in range(300)
    ]
    _write_csv(root / "transport" / "bus_stops.csv", _era(stops, variant, "stops"), "utf-8")
    ridership = [
        {
            "date": (BASE_DAY - dt.timedelta(days=d)).isoformat(),
            "line": str(line),
            "boardings": str(rng.randrange(500, 30000)),
        }
        for d in range(30)
        for line in range(1, 41)
    ]
    (root / "http" / "transport").mkdir(parents=True, exist_ok=True)
    _write_csv(root / "http" / "transport" / "ridership.csv", _era(ridership, variant, "ridership"), "utf-8")


def _ecology(root: Path, rng: random.Random, variant: int = 0) -> None:
    stations = ["西溪", "朝晖", "和睦", "卧龙桥", "下沙", "滨江", "临平", "云栖"]
    rows = []
    for day in range(60):
        for s in stations:
            pm25 = rng.randrange(5, 120)
            rows.append(
                {
                    "station": s,
                    "date": (BASE_DAY - dt.timedelta(days=day)).isoformat(),
                    "aqi": str(int(pm25 * 1.3)),
                    "pm25": str(pm25),
                    "pm10": str(pm25 + rng.randrange(5, 60)),
                    "o3": str(rng.randrange(20, 200)),
                    "no2": str(rng.randrange(5, 80)),
                    "so2": str(rng.randrange(2, 20)),
                }
            )
    _write_csv(root / "ecology" / "air_quality.csv", _era(rows, variant, "air"), "utf-8")


def _write_csv(path: Path, rows: list[dict], encoding: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


#: history rounds of the demo (1 = oldest): the share of today's rows each one had
HISTORY_KEEP = {1: 0.85, 2: 0.9, 3: 0.95}


def _era(rows: list, variant: int, salt: str) -> list:
    """The rows as they were in history round ``variant`` (0: today, all of them): a deterministic
    subset, different in each round, so versions differ by some added and removed rows."""
    if not variant:
        return rows
    pick = random.Random(f"{DEMO_SEED}:{salt}:{variant}")
    return [row for row in rows if pick.random() < HISTORY_KEEP[variant]]


#: The bundled demo departments (``departments/<id>.yaml``): the generator of each one's sources
#: and the files it writes (paths under the first source root). The order fixes each seed.
_DEPARTMENTS: dict[str, tuple[Callable[[Path, random.Random, int], None], tuple[str, ...]]] = {
    "market_regulation": (_enterprises, ("market_regulation/enterprises.csv", "market_regulation/inspections.parquet")),
    "health": (_health, ("health/hospitals.jsonl", "health/clinic_visits.csv")),
    "civil_affairs": (_civil, ("civil_affairs/civil.db", "civil_affairs/elderly_care.xlsx")),
    "transport": (_transport, ("transport/bus_stops.csv", "http/transport/ridership.csv")),
    "ecology": (_ecology, ("ecology/air_quality.csv",)),
}
DEMO_DEPARTMENTS = tuple(_DEPARTMENTS)


def generate(root: Path | None = None, departments: Iterable[str] | None = None, *, variant: int = 0) -> Path:
    """Write the demo sources of ``departments`` (default: all), idempotent: the same bytes every time.
    ``variant``: the sources as they were in an earlier round of the demo's history (:data:`HISTORY_KEEP`)."""
    root = root or sources_dir()
    only = set(DEMO_DEPARTMENTS if departments is None else departments)
    for d in (*only, "http"):
        (root / d).mkdir(parents=True, exist_ok=True)
    for i, (dept, (fn, _files)) in enumerate(_DEPARTMENTS.items()):
        if dept in only:
            fn(root, random.Random(DEMO_SEED * 10 + i), variant)
    return root


def demo_departments_in_use(department_ids: Iterable[str] | None = None) -> list[str]:
    """The bundled demo departments among those about to run (``None``: every manifest), when the
    manifests in use are the repo's own ``departments/`` folder; none with any other folder."""
    from warehouse.manifest import departments_dir, manifest_paths

    if departments_dir().resolve() != (REPO_ROOT / "departments").resolve():
        return []
    ids = set(department_ids) if department_ids else {p.stem for p in manifest_paths()}
    return [d for d in DEMO_DEPARTMENTS if d in ids]


def missing_demo_sources(department_ids: Iterable[str] | None = None, root: Path | None = None) -> list[str]:
    """The demo departments in use (:func:`demo_departments_in_use`) with a source file missing."""
    root = root or sources_dir()
    return [
        d for d in demo_departments_in_use(department_ids) if not all((root / f).is_file() for f in _DEPARTMENTS[d][1])
    ]


def prepare_demo_sources(department_ids: Iterable[str] | None = None, say: Callable[[str], None] = print) -> list[str]:
    """Generate the missing sources of the demo departments about to run (one line said when it
    does); returns those departments. With other manifests nothing is generated."""
    todo = missing_demo_sources(department_ids)
    if todo:
        root = generate(departments=todo)
        say(f"demo sources of {', '.join(todo)} were missing: generated under {root} (as `pubdata demo-data` does)")
    return todo


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_http_sources(root: Path | None = None, port: int | None = None) -> Iterator[str]:
    """Serve ``sources/http`` on 127.0.0.1 (the demo's 'remote' department system)."""
    folder = (root or sources_dir()) / "http"
    folder.mkdir(parents=True, exist_ok=True)
    port = port if port is not None else int(get_setting("PUBDATA_DEMO_SOURCE_PORT"))
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
