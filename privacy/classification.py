"""Column classification: which personal information each column of a table holds, and how
sensitive it is (``sensitive`` | ``personal`` | ``none``), with evidence a data officer can read.

Public API (re-exported by :mod:`privacy`)::

    classify_table(table, *, sample_size=None, context=None, levels=None) -> TableClassification
    analyzer() -> presidio_analyzer.AnalyzerEngine        # offline, all recognizers registered
    find_sensitive_values(array) -> dict[entity, count]   # whole-column scan (leak gate)
    load_levels(path=None) -> LevelPolicy

How a column is scored:

1. At most ``sample_size`` non-null values (``PUBDATA_SAMPLE_SIZE``, default 1000) are taken
   at evenly spaced rows over the whole table (:mod:`privacy.sampling`): the cost is flat in
   the number of rows.
2. Structured cells: every recognizer's :meth:`match_cell` is run on the distinct sampled
   values (checksums, real dates, allocated phone ranges...). The share of sampled values that
   validate (masked forms count: masking keeps the entity) must reach 50 % for entities with
   a check digit, 80 % for the others, or 20 % when the column name hints the same entity;
   and at least ``MIN_SUPPORT`` values must match -- a single hit never labels a column.
   Entities whose values are ambiguous on their own (plain dates, plain amounts) need a name
   hint. Serial numbers (evenly increasing values) are never phones or passports.
3. Free text: values are analysed with the Presidio engine; the column gets the level of the
   most sensitive entity found in at least 5 % of the analysed rows (20 % for names and
   addresses), with the same minimum support.
4. Pairs of latitude/longitude columns with >= 4 decimals are PRECISE_LOCATION.
5. Context: the table's subject (people, organisations/places, mixed, unknown) comes from
   ``context`` (``about_people``, ``dataset_title``) and from the other columns. Contacts of
   organisations (landlines, 400 numbers, office mailboxes and addresses, name hints such as
   单位电话), coordinates of places and special categories in tables about organisations are
   level ``none`` (the entity is kept in the output).
6. Minors: digits 7-14 of valid ID numbers or a birth-date column giving an age under 14 make
   the table's personal columns ``sensitive`` (PIPL Art. 28), ``minors`` is set on them.

Evidence never quotes a value: examples are reduced to their shape (``11***************X``).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from core.identifiers import birth_date_of_id
from privacy.engine import LANGUAGE, analyzer
from privacy.levels import LevelPolicy, load_levels
from privacy.name_hints import NameHint, hint_for, is_aggregate_name, is_people_key_name
from privacy.recognizers import ENTITIES, recognizers
from privacy.recognizers.cn_landline import is_service_number
from privacy.recognizers.date_of_birth import parse_date
from privacy.recognizers.email import is_org_mailbox
from privacy.recognizers.org_name import is_place_name
from privacy.recognizers.person_name import surname_of
from privacy.sampling import column_sample, default_sample_size, sample_rows
from privacy.scan import find_sensitive_values
from privacy.types import ColumnClassification, Level, stricter

__all__ = [
    "ENTITIES",
    "ColumnClassification",
    "LevelPolicy",
    "TableClassification",
    "analyzer",
    "classify_table",
    "find_sensitive_values",
    "load_levels",
    "mask_example",
]

#: Minimum number of sampled values that must validate before content labels a column.
MIN_SUPPORT = 3
#: Share of validated values needed without a name hint: entities with a check digit / others.
SHARE_CHECKSUM = 0.5
SHARE_PLAIN = 0.8
#: Share needed when the column name hints the same entity.
SHARE_WITH_HINT = 0.2
#: Free text: share of analysed rows holding an entity for the column to take its level.
TEXT_SHARE = 0.05
TEXT_SHARE_BY_ENTITY = {"PERSON_NAME": 0.2, "ADDRESS": 0.2, "ORG_NAME": 1.1, "USCC": 1.1}
#: Free text: at most this many sampled values go through the Presidio engine per column.
TEXT_ANALYSE_MAX = 400
#: Presidio score a free-text finding must reach (validated patterns score 1.0).
TEXT_SCORE = 0.5

CHECKSUM_ENTITIES = frozenset({"CN_RESIDENT_ID", "USCC", "BANK_CARD", "CREDIT_CARD"})
#: Entities judged on dictionaries: a name hint plus Chinese text is enough.
DICTIONARY_ENTITIES = frozenset({"MEDICAL_CONDITION", "RELIGION", "CRIMINAL_RECORD"})
#: Values that are not about a person when the table describes organisations or places.
CONTEXT_ENTITIES = frozenset(
    {
        "PHONE_NUMBER",
        "EMAIL",
        "ADDRESS",
        "PRECISE_LOCATION",
        "LICENSE_PLATE",
        "MEDICAL_CONDITION",
        "RELIGION",
        "CRIMINAL_RECORD",
        "PERSONAL_INCOME",
        "IP_ADDRESS",
    }
)
#: Columns whose presence says the rows are people.
PERSON_ENTITIES = frozenset({"CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "DATE_OF_BIRTH"})
NOT_SERIAL = frozenset({"CN_RESIDENT_ID", "USCC", "BANK_CARD", "CREDIT_CARD"})

_TITLE_PEOPLE = re.compile(
    r"人员|居民|人口|患者|病人|学生|职工|员工|乘客|用户|会员|驾驶员|个人|轨迹|户籍|参保|就诊|低保|"
    r"救助对象|志愿者|家庭成员|people|person|resident|patient|student|user|passenger|trajector",
    re.I,
)
_TITLE_PLACES = re.compile(
    r"企业|单位|机构|学校|医院|站点|公交站|车站|网点|设施|场所|名录|点位|景区|公园|停车场|充电|"
    r"公厕|药店|商户|门店|organi[sz]ation|compan|facilit|station|stop|school|hospital|poi",
    re.I,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"^-?\d+(?:\.(\d+))?$")


# ------------------------------------------------------------------------------------ results


@dataclass
class TableClassification:
    """The classification of one table (see :func:`classify_table`)."""

    columns: list[ColumnClassification]
    rows: int
    sampled: int
    sample_size: int
    #: share of sampled rows that are about children under 14 (ID digits or birth date)
    minors_rows_share: float = 0.0
    #: people | organisations | mixed | unknown
    subject: str = "unknown"
    seconds: float = 0.0
    policy: LevelPolicy | None = field(default=None, repr=False)

    @property
    def minors(self) -> bool:
        return self.minors_rows_share > 0

    def column(self, name: str) -> ColumnClassification:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def by_level(self, level: Level) -> list[str]:
        return [c.name for c in self.columns if c.level == level]

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON object of ``pubdata classify --json``."""
        cols = []
        for c in self.columns:
            d = c.to_dict()
            d["clause"] = self._clause(c)
            cols.append(d)
        return {
            "columns": cols,
            "rows": self.rows,
            "sampled": self.sampled,
            "sample_size": self.sample_size,
            "minors_rows_share": round(self.minors_rows_share, 4),
            "subject": self.subject,
            "levels_policy": self.policy.source if self.policy else None,
            "seconds": round(self.seconds, 4),
        }

    def _clause(self, c: ColumnClassification) -> str:
        if self.policy is None:
            return ""
        if c.minors and c.level == self.policy.minors_level and c.level != self.policy.level(c.entity):
            return self.policy.minors_clause
        if c.entity and c.level != self.policy.level(c.entity) and c.level == self.policy.context_level:
            return self.policy.context_clause
        return self.policy.clause(c.entity)


@dataclass
class _Score:
    entity: str
    recognizer: str
    valid: int = 0
    masked: int = 0
    invalid: int = 0
    extra: Counter = field(default_factory=Counter)  # sub-kinds (landline, service, org mailbox)
    example: str = ""

    def support(self) -> int:
        return self.valid + self.masked


@dataclass
class _Column:
    name: str
    hint: NameHint | None
    values: list[str]
    rows: list[int]
    n: int
    entity: str | None = None
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)
    score: _Score | None = None
    text: dict[str, int] | None = None
    numeric_decimals: float = 0.0
    numeric_range: tuple[float, float] | None = None
    minor_rows: set[int] = field(default_factory=set)
    place_share: float = 0.0
    level: Level = "none"
    minors: bool = False
    #: the highest share of sampled values any recognizer validated (for "none" confidence)
    best_share: float = 0.0


# ------------------------------------------------------------------------------------ helpers


def mask_example(value: str) -> str:
    """The shape of a value without its content: first two and last characters of IDs and
    numbers (``11***************X``), the surname of a name (``张*``), ``*`` elsewhere."""
    v = value.strip()
    if not v:
        return ""
    if _CJK.match(v[0]):
        return v[0] + "*" * min(len(v) - 1, 12)
    if len(v) <= 4:
        return "*" * len(v)
    return v[:2] + re.sub(r"[^\s\-@.:]", "*", v[2:-1]) + ("*" if _CJK.search(v[-1]) else v[-1])


def _pct(k: int, n: int) -> str:
    return f"{k}/{n} ({100.0 * k / max(n, 1):.1f}%)"


def _looks_serial(values: list[str]) -> bool:
    """Evenly increasing numbers in row order (sequence numbers, not identifiers)."""
    digits = [v.strip() for v in values if v.strip().isdigit() and len(v.strip()) <= 19]
    if len(digits) < 10 or len(digits) < 0.9 * len(values):
        return False
    nums = np.array([int(v) for v in digits], dtype=np.float64)
    diffs = np.diff(nums)
    if (diffs > 0).mean() < 0.9:
        return False
    distinct = len(np.unique(diffs))
    return distinct <= max(3, int(0.05 * len(diffs))) or bool(np.std(diffs) / max(float(np.mean(diffs)), 1e-9) < 0.05)


def _age_at(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


# ------------------------------------------------------------------------------------ scoring


def _score_cells(col: _Column) -> list[_Score]:
    """Run every recognizer's whole-cell matcher over the distinct sampled values."""
    counts = Counter(col.values)
    recs = recognizers()
    scores: dict[str, _Score] = {}
    namey = sum(
        c
        for v, c in counts.items()
        if 2 <= len(v.strip()) <= 4 and _CJK.match(v.strip()[:1] or " ") and surname_of(v.strip()) is not None
    )
    for rec_name, rec in recs.items():
        if rec_name == "PersonNameRecognizer" and namey < 0.2 * col.n:
            continue
        entity = rec.ENTITY
        s = scores.get(entity) or _Score(entity, rec_name)
        fired = False
        for value, k in counts.items():
            m = rec.match_cell(value)
            if m is None:
                continue
            fired = True
            if m == "valid":
                s.valid += k
                if not s.example:
                    s.example = mask_example(value)
                if rec_name == "CnLandlineRecognizer":
                    s.extra["service" if is_service_number(value) else "landline"] += k
                elif rec_name == "EmailAddressRecognizer" and is_org_mailbox(value):
                    s.extra["org_mailbox"] += k
            elif m == "masked":
                s.masked += k
                s.example = s.example or mask_example(value)
            else:
                s.invalid += k
        if fired:
            if entity in scores and rec_name not in scores[entity].recognizer:
                s.recognizer = f"{scores[entity].recognizer}+{rec_name}"
            scores[entity] = s
    return list(scores.values())


def _threshold(entity: str, hint: NameHint | None) -> float:
    if hint is not None and hint.entity == entity:
        return SHARE_WITH_HINT
    return SHARE_CHECKSUM if entity in CHECKSUM_ENTITIES else SHARE_PLAIN


def _choose_structured(col: _Column, scores: list[_Score]) -> None:
    recs = {r.ENTITY: r for r in recognizers().values()}
    n = col.n
    hint = col.hint
    col.best_share = max(
        (
            s.support() / n
            for s in scores
            if not recs[s.entity].NEEDS_HINT or (hint is not None and hint.entity == s.entity)
        ),
        default=0.0,
    )
    min_support = MIN_SUPPORT if n >= MIN_SUPPORT else n
    hint = col.hint
    serial = None
    best: tuple[float, int, _Score] | None = None
    order = {e: i for i, e in enumerate(r.ENTITY for r in recognizers().values())}
    for s in scores:
        share = s.support() / n
        hinted = hint is not None and hint.entity == s.entity
        if recs[s.entity].NEEDS_HINT and not hinted:
            continue
        if share < _threshold(s.entity, hint) or s.support() < (1 if hinted else min_support):
            continue
        if s.entity not in NOT_SERIAL:
            if serial is None:
                serial = _looks_serial(col.values)
            if serial:
                col.evidence.append(f"values increase evenly (serial numbers): not {s.entity}")
                continue
        key = (share, -order.get(s.entity, 99))
        if best is None or key > best[:2]:
            best = (share, -order.get(s.entity, 99), s)
    if best is None:
        return
    s = best[2]
    share = s.support() / n
    hinted = hint is not None and hint.entity == s.entity
    col.entity, col.score = s.entity, s
    base = share if s.entity in CHECKSUM_ENTITIES else 0.9 * share
    col.confidence = min(0.99, 0.5 + 0.5 * share) if hinted else base
    if s.masked and not s.valid:
        col.confidence *= 0.9
    what = f"{s.recognizer}: {_pct(s.valid, n)} of sampled values valid"
    if s.masked:
        what += f", {_pct(s.masked, n)} masked"
    if s.example:
        what += f" (shape {s.example})"
    col.evidence.append(what)
    if s.invalid:
        col.evidence.append(f"{_pct(s.invalid, n)} have the format but fail validation (check digit, date, range)")


def _analyse_text(col: _Column) -> None:
    """Free text: Presidio over (up to TEXT_ANALYSE_MAX of) the sampled values."""
    values = col.values
    if len(values) > TEXT_ANALYSE_MAX:
        values = [values[i] for i in sample_rows(len(values), TEXT_ANALYSE_MAX)]
    engine = analyzer()
    found: Counter = Counter()
    recognizers_fired: dict[str, set[str]] = {}
    for v in values:
        entities_here = set()
        for r in engine.analyze(text=v, language=LANGUAGE, score_threshold=TEXT_SCORE):
            entities_here.add(r.entity_type)
            name = (r.recognition_metadata or {}).get("recognizer_name", "")
            recognizers_fired.setdefault(r.entity_type, set()).add(name)
        found.update(entities_here)
    col.text = dict(found)
    n = len(values)
    policy_order = {"sensitive": 2, "personal": 1, "none": 0}
    chosen: tuple[int, float, str] | None = None
    for entity, k in found.items():
        share = k / n
        if share < TEXT_SHARE_BY_ENTITY.get(entity, TEXT_SHARE) or k < min(2, n):
            continue
        col.evidence.append(
            f"free text: {'+'.join(sorted(recognizers_fired[entity]))} found {entity} in "
            f"{_pct(k, n)} of analysed values"
        )
        rank = policy_order[load_levels().level(entity)]
        if chosen is None or (rank, share) > chosen[:2]:
            chosen = (rank, share, entity)
    if chosen is not None:
        col.entity = chosen[2]
        col.confidence = min(0.95, 0.5 + chosen[1])
    elif found:
        col.evidence.append(
            "free text: entities found only in a negligible share of values: "
            + ", ".join(f"{e} {_pct(k, n)}" for e, k in sorted(found.items()))
        )


def _numeric_profile(col: _Column) -> None:
    decimals, nums = [], []
    for v in col.values[:1000]:
        m = _NUMBER.match(v.strip())
        if not m:
            return
        nums.append(float(v))
        decimals.append(len(m.group(1) or ""))
    if nums:
        col.numeric_decimals = float(np.median(decimals))
        col.numeric_range = (min(nums), max(nums))


def _coordinates(cols: list[_Column]) -> None:
    """Latitude/longitude column pairs with >= 4 decimals."""

    def kind(c: _Column) -> str | None:
        if c.entity or c.numeric_range is None or c.numeric_decimals < 4:
            return None
        lo, hi = c.numeric_range
        name = c.name.lower()
        hinted = c.hint is not None and c.hint.entity == "PRECISE_LOCATION"
        if hinted and re.search(r"lat|纬|wd|(^|_)y($|_)", name) and lo >= -90 and hi <= 90:
            return "lat"
        if hinted and re.search(r"lon|lng|经|jd|(^|_)x($|_)", name) and lo >= -180 and hi <= 180:
            return "lon"
        if lo >= 3.5 and hi <= 54:
            return "lat?"
        if lo >= 73 and hi <= 136:
            return "lon?"
        return None

    kinds = {c.name: kind(c) for c in cols}
    has_lat = any(k and k.startswith("lat") for k in kinds.values())
    has_lon = any(k and k.startswith("lon") for k in kinds.values())
    for c in cols:
        k = kinds[c.name]
        if k is None:
            continue
        sure = not k.endswith("?")
        if (k.startswith("lat") and has_lon) or (k.startswith("lon") and has_lat) or sure:
            if not sure and not (has_lat and has_lon):
                continue
            c.entity = "PRECISE_LOCATION"
            c.confidence = 0.9 if sure else 0.75
            c.evidence.append(
                f"coordinates: {'latitude' if k.startswith('lat') else 'longitude'} values with "
                f"{c.numeric_decimals:.0f} decimals (about {111_000 / 10**c.numeric_decimals:.2g} m), "
                f"paired with a {'longitude' if k.startswith('lat') else 'latitude'} column"
            )


def _hint_only(col: _Column) -> None:
    """No content evidence: a name hint may still label the column, if the content allows it."""
    hint = col.hint
    if hint is None or hint.entity is None:
        return
    if col.n == 0:
        col.entity, col.confidence = hint.entity, 0.3
        col.evidence.append("column is empty in the sample; labelled from its name only")
        return
    cjk_share = sum(1 for v in col.values if _CJK.search(v)) / col.n
    if hint.entity in DICTIONARY_ENTITIES and cjk_share >= 0.5:
        col.entity, col.confidence = hint.entity, 0.6
        col.evidence.append(f"Chinese text under a {hint.entity} name hint (terms outside the dictionary)")
    elif hint.entity == "ORG_NAME" and cjk_share >= 0.5 and col.place_share < 0.5:
        col.entity, col.confidence = "ORG_NAME", 0.6
        col.evidence.append("Chinese text under an organisation name hint")


# ------------------------------------------------------------------------------------ context


def _subject(cols: list[_Column], context: dict | None) -> tuple[str, list[str]]:
    ctx = context or {}
    people: list[str] = []
    orgs: list[str] = []
    about = ctx.get("about_people")
    if about is True:
        people.append("context: about_people=true")
    elif about is False:
        orgs.append("context: about_people=false")
    title = str(ctx.get("dataset_title") or ctx.get("title") or "")
    if title and about is None:
        if _TITLE_PEOPLE.search(title):
            people.append("dataset title names people")
        if _TITLE_PLACES.search(title):
            orgs.append("dataset title names organisations or places")
    has_org_cols = any(c.entity in ("ORG_NAME", "USCC") for c in cols)
    for c in cols:
        if about is not None:
            break
        if c.entity in PERSON_ENTITIES:
            people.append(f"column {c.name!r} is {c.entity}")
        elif c.entity == "PERSON_NAME" and not has_org_cols:
            people.append(f"column {c.name!r} is PERSON_NAME")
        elif is_people_key_name(c.name):
            people.append(f"column {c.name!r} keys people")
        if c.entity in ("ORG_NAME", "USCC"):
            orgs.append(f"column {c.name!r} is {c.entity}")
        elif c.place_share >= 0.5:
            orgs.append(f"column {c.name!r} names places")
        elif is_aggregate_name(c.name) and c.numeric_range is not None:
            orgs.append(f"column {c.name!r} holds aggregates")
    if people and orgs:
        return "mixed", people + orgs
    if people:
        return "people", people
    if orgs:
        return "organisations", orgs
    return "unknown", []


def _org_value(col: _Column) -> str | None:
    """Why this column's values are an organisation's contact, if they are."""
    if col.hint is not None and col.hint.org:
        return f"name hint {col.hint.key!r} names an organisation's contact"
    s = col.score
    if s is None:
        return None
    if col.entity == "PHONE_NUMBER" and s.extra.get("service", 0) >= 0.5 * max(s.support(), 1):
        return "mostly 400/800 service numbers (organisations' hotlines)"
    if col.entity == "EMAIL" and s.extra.get("org_mailbox", 0) >= 0.5 * max(s.support(), 1):
        return "mostly organisation mailboxes (office@, *.gov.cn, *.edu.cn)"
    return None


def _apply_levels(cols: list[_Column], subject: str, why: list[str], policy: LevelPolicy) -> None:
    for c in cols:
        level = policy.level(c.entity)
        if c.entity in CONTEXT_ENTITIES and level != "none":
            reason = _org_value(c)
            landline = (
                c.entity == "PHONE_NUMBER"
                and c.score is not None
                and c.score.extra.get("landline", 0) + c.score.extra.get("service", 0)
                >= 0.5 * max(c.score.support(), 1)
            )
            if reason is None and subject == "organisations":
                reason = "the table describes organisations or places (" + "; ".join(why[:2]) + ")"
            elif reason is None and subject == "mixed" and landline:
                if not any(w.startswith("context: about_people=true") for w in why):
                    reason = "landlines beside organisation columns are the organisation's switchboards"
            if reason is not None:
                c.evidence.append(f"context: {reason} -> not personal")
                level = policy.context_level
            elif subject == "unknown" and c.entity in ("PRECISE_LOCATION",):
                c.evidence.append("context: unknown whether rows are people; treated as about people")
                c.confidence = min(c.confidence, 0.6)
        c.level = level


def _minors(cols: list[_Column], policy: LevelPolicy, today: dt.date) -> float:
    share = 0.0
    for c in cols:
        if c.entity == "CN_RESIDENT_ID":
            births = [(r, birth_date_of_id(v.strip())) for r, v in zip(c.rows, c.values)]
        elif c.entity == "DATE_OF_BIRTH" and c.score is not None:
            births = [(r, parse_date(v)) for r, v in zip(c.rows, c.values)]
        else:
            continue
        known = [(r, b) for r, b in births if b is not None and b <= today]
        minors = {r for r, b in known if _age_at(b, today) < policy.minors_age}
        if minors and known:
            c.minor_rows = minors
            share = max(share, len(minors) / len(known))
            c.evidence.append(
                f"minors: {_pct(len(minors), len(known))} of sampled birth dates give an age under {policy.minors_age}"
            )
    return share


# ------------------------------------------------------------------------------------ main


def classify_table(
    table: pa.Table,
    *,
    sample_size: int | None = None,
    context: dict | None = None,
    levels: LevelPolicy | str | Path | None = None,
    today: dt.date | None = None,
) -> TableClassification:
    """Classify every column of ``table``.

    ``sample_size``: non-null values sampled per column (default ``PUBDATA_SAMPLE_SIZE``).
    ``context``: optional ``{"about_people": bool, "dataset_title": str}`` deciding whether
    contacts and coordinates describe people. ``levels``: a :class:`LevelPolicy` or the path of
    a levels YAML (default ``privacy/levels.yaml``).
    """
    started = time.perf_counter()
    policy = levels if isinstance(levels, LevelPolicy) else load_levels(levels)
    size = sample_size if sample_size is not None else default_sample_size()
    if size < 1:
        raise ValueError("sample_size must be at least 1")
    today = today or dt.date.today()
    rows = sample_rows(table.num_rows, size)
    cols: list[_Column] = []
    for name in table.column_names:
        values, row_ids = column_sample(table.column(name), rows, size)
        col = _Column(name=name, hint=hint_for(name), values=values, rows=row_ids, n=len(values))
        if col.hint is not None:
            col.evidence.append(
                f"name hint: {col.hint.key!r} suggests {col.hint.entity}"
                + (" (organisation contact)" if col.hint.org else "")
            )
        if col.n:
            _numeric_profile(col)
            _choose_structured(col, _score_cells(col))
            if col.entity is None:
                long_text = sum(1 for v in col.values if len(v) >= 12 and (_CJK.search(v) or v.count(" ") >= 3))
                if long_text >= 0.3 * col.n:
                    _analyse_text(col)
            if col.entity is None:
                col.place_share = sum(1 for v in col.values if is_place_name(v)) / col.n
        if col.entity is None:
            _hint_only(col)
        cols.append(col)
    _coordinates(cols)
    subject, why = _subject(cols, context)
    _apply_levels(cols, subject, why, policy)
    minors_share = _minors(cols, policy, today)
    if minors_share > 0:
        for c in cols:
            if c.level == "personal" or c.minor_rows:
                if c.level != policy.minors_level:
                    c.evidence.append(
                        f"level raised: the table holds rows of children under {policy.minors_age} "
                        f"({100 * minors_share:.1f}% of sampled rows)"
                    )
                c.level = stricter(c.level, policy.minors_level)
                c.minors = True
    out = []
    for c in cols:
        if c.entity is None:
            if not c.evidence:
                c.evidence.append("no recognizer matched a meaningful share of sampled values")
            # how sure we are that nothing personal is there: less when something fired
            c.confidence = 0.5 if c.n == 0 else max(0.5, 1.0 - c.best_share)
        else:
            c.evidence.append(
                f"level {c.level}: {policy.clause(c.entity)}"
                if c.level == policy.level(c.entity)
                else f"level {c.level}"
            )
        out.append(
            ColumnClassification(
                name=c.name,
                entity=c.entity,
                level=c.level,
                confidence=round(float(c.confidence), 2),
                evidence=c.evidence,
                minors=c.minors,
            )
        )
    return TableClassification(
        columns=out,
        rows=table.num_rows,
        sampled=len(rows),
        sample_size=size,
        minors_rows_share=minors_share,
        subject=subject,
        seconds=time.perf_counter() - started,
        policy=policy,
    )
