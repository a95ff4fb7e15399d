"""Source data for ``bench/pipeline.py``: one department of many tiny datasets, and one big
person-level table (generated in DuckDB so that 1e7 rows take seconds, not minutes)."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from core.identifiers import id_check_char

#: source formats of the tiny datasets, in rotation
FORMATS = ("csv_utf8", "csv_gbk", "parquet", "jsonl", "xlsx")
_SUFFIX = {"csv_utf8": "csv", "csv_gbk": "csv", "parquet": "parquet", "jsonl": "jsonl", "xlsx": "xlsx"}
_REGIONS = ("330102", "330105", "330106", "330108", "330110", "330183", "330203", "330302")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
_STREETS = ("文三路", "学院路", "延安路", "凤起路", "教工路", "天目山路", "解放路", "中山北路")
_COLUMNS = (
    "记录编号",
    "姓名",
    "身份证号",
    "手机号码",
    "业务类别",
    "办理日期",
    "金额",
    "所在区划",
)


def _rows(rng: random.Random, prefix: str, n: int) -> list[dict[str, str]]:
    out = []
    for r in range(n):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 50))
        region = rng.choice(_REGIONS)
        first = region + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
        out.append(
            {
                "记录编号": f"{prefix}{r:06d}",
                "姓名": rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN),
                "身份证号": first + id_check_char(first),
                "手机号码": rng.choice(("138", "139", "150", "186", "199")) + f"{rng.randrange(10**8):08d}",
                "业务类别": rng.choice("ABCDE"),
                "办理日期": (dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300))).isoformat(),
                "金额": f"{rng.uniform(0, 5000):.2f}",
                "所在区划": region,
            }
        )
    return out


def _write(path: Path, fmt: str, rows: list[dict[str, str]]) -> None:
    if fmt.startswith("csv"):
        import csv

        with open(path, "w", newline="", encoding="gbk" if fmt == "csv_gbk" else "utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(_COLUMNS))
            w.writeheader()
            w.writerows(rows)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(list(_COLUMNS))
        for r in rows:
            ws.append([r[c] for c in _COLUMNS])
        wb.save(path)


def _dataset_yaml(ds_id: str, title: str, source: str) -> list[str]:
    return [
        f"  - id: {ds_id}",
        f"    title: {title}",
        f"    description: {title}的办理明细（基准测试用合成数据）。",
        "    theme: social",
        "    keywords: [基准, 办理]",
        "    update_frequency: irregular",
        "    about_people: true",
        f"    source: {{type: file, path: {source}}}",
        "    primary_key: [记录编号]",
        "    columns:",
        "      - {name: 记录编号, required: true}",
        "      - {name: 姓名, privacy: personal, entity: PERSON_NAME}",
        "      - {name: 身份证号, standard: cn_resident_id, privacy: sensitive, entity: CN_RESIDENT_ID}",
        "      - {name: 手机号码, standard: cn_mobile, privacy: personal, entity: PHONE_NUMBER}",
        "      - {name: 业务类别, enum: [A, B, C, D, E]}",
        "      - {name: 办理日期, type: date, standard: date}",
        "      - {name: 金额, type: number, standard: amount, minimum: 0}",
        "      - {name: 所在区划, standard: division_code}",
    ]


def _department_yaml(dept_id: str, datasets: list[list[str]]) -> str:
    head = [
        f"id: {dept_id}",
        "name: 基准测试厅",
        "contact: {name: 测试处, email: bench@example.gov.cn}",
        "schedule: none",
        "datasets:",
    ]
    return "\n".join(head + [line for ds in datasets for line in ds]) + "\n"


def tiny_department(departments: Path, sources: Path, n: int = 50, rows: int = 100, dept_id: str = "tiny") -> list[str]:
    """``n`` datasets of ``rows`` rows, one source format per dataset in rotation; returns the formats."""
    rng = random.Random(19)
    (sources / dept_id).mkdir(parents=True, exist_ok=True)
    departments.mkdir(parents=True, exist_ok=True)
    blocks, formats = [], []
    for i in range(n):
        fmt = FORMATS[i % len(FORMATS)]
        name = f"ds{i:03d}.{_SUFFIX[fmt]}"
        _write(sources / dept_id / name, fmt, _rows(rng, f"R{i:03d}", rows))
        blocks.append(_dataset_yaml(f"ds{i:03d}", f"基准业务{i:03d}", f"{dept_id}/{name}"))
        formats.append(fmt)
    (departments / f"{dept_id}.yaml").write_text(_department_yaml(dept_id, blocks), encoding="utf-8")
    return formats


_BIG_COLUMNS = [
    "      - {name: 记录编号, required: true}",
    "      - {name: 姓名, privacy: personal, entity: PERSON_NAME}",
    "      - {name: 身份证号, standard: cn_resident_id, privacy: sensitive, entity: CN_RESIDENT_ID}",
    "      - {name: 手机号码, standard: cn_mobile, privacy: personal, entity: PHONE_NUMBER}",
    "      - {name: 住址, privacy: personal, entity: ADDRESS}",
    "      - {name: 业务类别, enum: [A, B, C, D, E]}",
    "      - {name: 办理日期, type: date, standard: date}",
    "      - {name: 金额, type: number, standard: amount, minimum: 0}",
    "      - {name: 所在区划, standard: division_code}",
]


def big_department(departments: Path, sources: Path, rows: int, dept_id: str = "big") -> Path:
    """One person-level table of ``rows`` rows as a UTF-8 CSV (generated by DuckDB), and its manifest."""
    import duckdb

    (sources / dept_id).mkdir(parents=True, exist_ok=True)
    departments.mkdir(parents=True, exist_ok=True)
    path = sources / dept_id / "people.csv"
    surnames = "[" + ",".join(f"'{c}'" for c in _SURNAMES) + "]"
    given = "[" + ",".join(f"'{c}'" for c in dict.fromkeys(_GIVEN)) + "]"
    regions = "[" + ",".join(f"'{r}'" for r in _REGIONS) + "]"
    streets = "[" + ",".join(f"'{s}'" for s in _STREETS) + "]"
    weights = "[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]"
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    con.execute(
        f"""
        COPY (
          WITH base AS (
            SELECT i,
                   hash(i) AS h,
                   {regions}[1 + (hash(i) % 8)::INT] AS region,
                   DATE '1950-01-01' + ((hash(i * 7) % 18250)::INT) AS birth
            FROM range({int(rows)}) t(i)
          ), ids AS (
            SELECT *, region || strftime(birth, '%Y%m%d') || lpad(((h >> 20) % 1000)::VARCHAR, 3, '0') AS first17
            FROM base
          )
          SELECT 'P' || lpad(i::VARCHAR, 9, '0') AS 记录编号,
                 {surnames}[1 + (h % {len(_SURNAMES)})::INT] || {given}[1 + ((h >> 8) % {len(dict.fromkeys(_GIVEN))})::INT]
                   || {given}[1 + ((h >> 16) % {len(dict.fromkeys(_GIVEN))})::INT] AS 姓名,
                 first17 || substr('10X98765432', 1 + (list_sum(list_transform(range(17),
                   k -> (ascii(substr(first17, k + 1, 1)) - 48) * {weights}[k + 1])) % 11)::INT, 1) AS 身份证号,
                 ['138','139','150','186','199'][1 + ((h >> 24) % 5)::INT] || lpad(((h >> 28) % 100000000)::VARCHAR, 8, '0')
                   AS 手机号码,
                 '杭州市' || {streets}[1 + ((h >> 36) % 8)::INT] || ((h >> 40) % 300 + 1)::VARCHAR || '号' AS 住址,
                 ['A','B','C','D','E'][1 + ((h >> 44) % 5)::INT] AS 业务类别,
                 strftime(DATE '2026-01-01' + ((h >> 48) % 300)::INT, '%Y-%m-%d') AS 办理日期,
                 printf('%.2f', ((h >> 12) % 500000) / 100.0) AS 金额,
                 region AS 所在区划
          FROM ids ORDER BY i
        ) TO '{path}' (HEADER, DELIMITER ',')
        """
    )
    con.close()
    head = [
        f"id: {dept_id}",
        "name: 基准测试大表厅",
        "contact: {name: 测试处, email: bench@example.gov.cn}",
        "schedule: none",
        "datasets:",
        "  - id: people",
        "    title: 基准人员办理明细",
        "    description: 个人办理业务明细（基准测试用合成数据）。",
        "    theme: social",
        "    keywords: [基准, 办理]",
        "    update_frequency: irregular",
        "    about_people: true",
        f"    source: {{type: file, path: {dept_id}/people.csv}}",
        "    primary_key: [记录编号]",
        "    columns:",
    ]
    (departments / f"{dept_id}.yaml").write_text("\n".join(head + _BIG_COLUMNS) + "\n", encoding="utf-8")
    return path
