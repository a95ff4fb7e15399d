"""Column classification: which personal information each column of a table holds, how
sensitive it is (``sensitive`` | ``personal`` | ``none``), and whether an officer must look at it
(``review``), with evidence a data officer can read.

Public API (re-exported by :mod:`privacy`)::

    classify_table(table, *, sample_size=None, context=None, levels=None) -> TableClassification
    find_sensitive_values(array) -> dict[entity, count]   # whole-column scan (leak gate)
    load_levels(path=None) -> LevelPolicy

How a column is scored:

1. At most ``sample_size`` non-null values (``PUBDATA_SAMPLE_SIZE``, default 1000) are taken
   at evenly spaced rows over the whole table (:mod:`privacy.sampling`): the cost is flat in
   the number of rows.
2. The column name is read with the sector vocabularies (:mod:`privacy.name_hints`): the entity
   it suggests, whose it is (a role word: 负责人电话; an organisation word: 单位电话) and what
   kind of column it is (code, enumeration, date of an event, amount, aggregate...).
3. Structured cells: every recognizer's whole-cell matcher runs on the distinct sampled values
   (checksums, real dates, allocated phone ranges, dictionaries...). The share of values that
   validate (masked forms count: masking keeps the entity; null-like values such as 无 do not
   count for dictionaries) must reach 50 % for entities with a check digit, 80 % for others (50 %
   for dictionary entities), or 20 % when the name hints the same entity; at least
   ``MIN_SUPPORT`` values must match. Entities whose values are ambiguous alone (plain dates,
   plain amounts) need a name hint. Serial numbers are never phones or passports.
4. Free text: values go through the offline Presidio engine (:mod:`privacy.engine`, imported
   only then). A validated identifier with a check digit in one analysed value labels the column;
   other entities need 5 % of the values (20 % for names and addresses). Free text holding
   personal information is marked ``free_text`` (the policy drops it: masking would destroy it).
5. Content without a name: dates whose spread looks like births (ages spread over decades) in a
   table about people are birth dates; latitude/longitude pairs with >= 4 decimals are
   coordinates; amounts beside income columns of a pay table are income.
6. Subject (:mod:`privacy.subject`): people, organisations, mixed, aggregates or unknown.
   Context may lower only what is an organisation's: switchboards, hotlines and office
   mailboxes, the organisation's own address, coordinates of places, penalties against
   companies, statistics. Never the phone, plate, e-mail or IP of a named person.
7. Safe by default (:mod:`privacy.holds`): in a table about people, a column not positively
   recognised as non-personal (codes, enumerations with few values, organisation names, event
   dates, plain amounts, aggregates...) is held for review: ``review`` is true, with the reason.
   Few values are no such reason when they read as health, offence, belief or welfare
   categories or whole sums of money (evidence in conflict: held). A date column repeating the
   birth dates inside the same rows' ID numbers is a birth date whatever its name.
8. Minors: digits 7-14 of valid ID numbers or a birth-date column giving an age under 14 make
   the table's personal columns ``sensitive`` (PIPL Art. 28), ``minors`` is set on them.

Evidence never quotes a value: examples are reduced to their shape (``11***************X``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from core.identifiers import birth_date_of_id
from privacy.holds import (
    apply_holds,
    civil_causes,
    dwellings,
    goods_measure,
    long_codes,
    names_a_record,
    org_or_place_share,
)
from privacy.levels import LevelPolicy, load_levels
from privacy.name_hints import NONPERSONAL_KINDS
from privacy.person_content import court_case_numbers, exam_results, name_lists, venue_of_person, venue_of_stay
from privacy.profile import ColumnProfile, Score, profile_column
from privacy.recognizers import ENTITIES, CellRecognizer, recognizers
from privacy.recognizers.cn_landline import is_service_number
from privacy.recognizers.date_of_birth import parse_date
from privacy.recognizers.email import is_org_mailbox
from privacy.recognizers.org_name import is_place_name
from privacy.sampling import TableSample, default_sample_size, sample_rows
from privacy.scan import Hits, find_sensitive_values
from privacy.structural import (
    hold_structural,
    names_over_org_word,
    persons_among_orgs,
    property_addresses,
    trajectory_places,
)
from privacy.subject import infer_subject, organisation_reason, rows_are_organisations
from privacy.types import ColumnClassification, Level, stricter
from privacy.vocabulary import default_levels

__all__ = [
    "ENTITIES",
    "ColumnClassification",
    "LevelPolicy",
    "TableClassification",
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
#: Dictionary entities (null-like values left out of the share).
SHARE_DICTIONARY = 0.5
#: Share needed when the column name hints the same entity.
SHARE_WITH_HINT = 0.2
#: Long values under a name of these kinds are analysed as free text only when they are sentences
#: (SENTENCE_SHARE of the values hold a clause mark): sentences under 事项 or 情况 are not categories,
#: the values contradict the name (a petition's matter tells of a relative's illness).
TEXT_SENTENCE_KINDS = frozenset({"enum", "attribute"})
SENTENCE_SHARE = 0.3
#: Free text: share of analysed rows holding an entity for the column to take its level.
TEXT_SHARE = 0.05
TEXT_SHARE_BY_ENTITY = {"PERSON_NAME": 0.2, "ADDRESS": 0.2, "ORG_NAME": 1.1, "USCC": 1.1, "DATE_OF_BIRTH": 0.2}
#: Free text: entities one validated occurrence is enough for (check digits make them certain).
TEXT_CERTAIN = frozenset({"CN_RESIDENT_ID", "BANK_CARD", "CREDIT_CARD"})
#: Free text: at most this many sampled values go through the Presidio engine per column.
TEXT_ANALYSE_MAX = 300
#: Presidio score a free-text finding must reach (validated patterns score 1.0).
TEXT_SCORE = 0.5
#: A recognizer that matches none of a column's first PROBE distinct values (spread over the
#: table) stops there: at a true share of 20 % the chance of no hit is 0.8^PROBE (< 1e-5).
PROBE = 50

CHECKSUM_ENTITIES = frozenset({"CN_RESIDENT_ID", "USCC", "BANK_CARD", "CREDIT_CARD"})
#: Entities judged by shape alone: a name of a non-personal kind (``NONPERSONAL_KINDS``) outweighs
#: such content evidence (a seat number looks like an address, a district like a name).
SHAPE_ENTITIES = frozenset({"ADDRESS", "PERSON_NAME", "DATE_OF_BIRTH", "PRECISE_LOCATION", "MEDICAL_CONDITION"})
#: Free text: sensitive entities count from this share of analysed values (and two values).
TEXT_SHARE_SENSITIVE = 0.02
#: Values holding an identifier inside longer text (file names, remarks): share to label a column.
EMBEDDED_SHARE = 0.2
#: Entities judged on dictionaries: a name hint plus Chinese text is enough.
DICTIONARY_ENTITIES = frozenset({"MEDICAL_CONDITION", "RELIGION", "CRIMINAL_RECORD"})
#: identity documents without a check digit: a record's number of the same shape is not one
NO_CHECK_DOCUMENTS = frozenset({"PASSPORT"})
NOT_SERIAL = frozenset({"CN_RESIDENT_ID", "USCC", "BANK_CARD", "CREDIT_CARD"})

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORDS = re.compile(r"^[A-Za-z][A-Za-z'\-]*(?:[ .,]+[A-Za-z][A-Za-z'\-]*)+$")


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
    #: people | organisations | mixed | aggregates | unknown
    subject: str = "unknown"
    seconds: float = 0.0
    policy: LevelPolicy | None = field(default=None, repr=False)

    @property
    def minors(self) -> bool:
        return self.minors_rows_share > 0

    @property
    def held(self) -> list[str]:
        """Columns held for an officer's review."""
        return [c.name for c in self.columns if c.review]

    def column(self, name: str) -> ColumnClassification:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def by_level(self, level: Level) -> list[str]:
        return [c.name for c in self.columns if c.level == level]

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON object of ``pubdata classify --json``: per column ``name``,
        ``entity``, ``level``, ``confidence``, ``review`` (and evidence, clause...)."""
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
            "held_for_review": self.held,
            "levels_policy": self.policy.source if self.policy else None,
            "seconds": round(self.seconds, 4),
        }

    def _clause(self, c: ColumnClassification) -> str:
        if self.policy is None or c.review:
            return ""
        if c.minors and c.level == self.policy.minors_level and c.level != self.policy.level(c.entity):
            return self.policy.minors_clause
        if c.entity and c.level != self.policy.level(c.entity) and c.level == self.policy.context_level:
            return self.policy.context_clause
        return self.policy.clause(c.entity)


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


@functools.cache
def _neutral() -> frozenset[str]:
    from privacy.vocabulary import value_terms

    return frozenset(value_terms("neutral")["neutral"])


def _could(entity: str, v: str, cjk: bool, digit: bool) -> bool:
    """Cheap shape test before a recognizer looks at a value (most pairs are ruled out here)."""
    if entity in ("CN_RESIDENT_ID", "BANK_CARD", "CREDIT_CARD", "USCC", "PHONE_NUMBER", "IP_ADDRESS"):
        return digit or "*" in v
    if entity == "PASSPORT":
        return digit and not cjk
    if entity == "EMAIL":
        return "@" in v
    if entity == "LICENSE_PLATE":
        return cjk and len(v) <= 12
    if entity in ("PRECISE_LOCATION",):
        return "." in v
    if entity in ("DATE_OF_BIRTH", "PERSONAL_INCOME"):
        return digit or "*" in v
    if entity in ("CRIMINAL_RECORD", "ADDRESS"):
        return cjk
    return True


# ------------------------------------------------------------------------------------ scoring


def _score_cells(col: ColumnProfile) -> list[Score]:
    """Run every recognizer's whole-cell matcher over the distinct sampled values."""
    counts = col.counts
    recs = recognizers()
    hint = col.hint
    scores: dict[str, Score] = {}
    namey = col.name_shape_share * col.n
    latin = sum(k for v, k in counts.items() if v.isascii() and _LATIN_WORDS.match(v))
    shapes = [(v, k, bool(_CJK.search(v)), any(ch.isdigit() for ch in v)) for v, k in counts.items()]
    for rec_name, rec in recs.items():
        entity = rec.ENTITY
        hinted = hint is not None and hint.entity == entity
        if rec_name == "PersonNameRecognizer" and namey < 0.2 * col.n and not hinted:
            continue
        if rec_name == "LatinNameRecognizer" and latin < 0.2 * col.n and not hinted:
            continue
        if rec.NEEDS_HINT and not hinted:
            continue  # ambiguous alone (plain numbers, codes): its score would not be used
        s = scores.get(entity) or Score(entity, rec_name)
        fired = False
        for i, (value, k, cjk, digit) in enumerate(shapes):
            if i == PROBE and not fired:
                break  # nothing in a spread-out first probe: the share could not reach a threshold
            if not _could(entity, value, cjk, digit):
                continue
            m = rec.match_cell(value, hinted)
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


def _threshold(entity: str, hint: Any) -> float:
    if hint is not None and hint.entity == entity:
        return SHARE_WITH_HINT
    if entity in DICTIONARY_ENTITIES:
        return SHARE_DICTIONARY
    return SHARE_CHECKSUM if entity in CHECKSUM_ENTITIES else SHARE_PLAIN


def _base(col: ColumnProfile, entity: str) -> int:
    """Values a share is counted on: null-like values (无, 不详) do not count for dictionaries."""
    if entity in DICTIONARY_ENTITIES:
        neutral = _neutral()
        return max(1, col.n - sum(k for v, k in col.counts.items() if v in neutral))
    return col.n


def _choose_structured(col: ColumnProfile, scores: list[Score]) -> None:
    recs: dict[str, CellRecognizer] = {r.ENTITY: r for r in recognizers().values()}
    hint = col.hint
    n = col.n
    usable = [s for s in scores if not recs[s.entity].NEEDS_HINT or (hint is not None and hint.entity == s.entity)]
    col.best_share = max((s.support() / _base(col, s.entity) for s in usable), default=0.0)
    min_support = MIN_SUPPORT if n >= MIN_SUPPORT else n
    serial: bool | None = None
    best: tuple[float, int, Score] | None = None
    order = {e: i for i, e in enumerate(r.ENTITY for r in recognizers().values())}
    for s in usable:
        base = _base(col, s.entity)
        share = s.support() / base
        hinted = hint is not None and hint.entity == s.entity
        if share < _threshold(s.entity, hint) or s.support() < (1 if hinted else min_support):
            continue
        if not hinted and s.entity in SHAPE_ENTITIES and col.info.kind in NONPERSONAL_KINDS:
            if s.entity == "ADDRESS" and dwellings(col):
                col.evidence.append(
                    f"the name says {col.info.kind}, but the values name dwellings (单元, 室): addresses"
                )
            else:
                col.evidence.append(f"values shaped like {s.entity}, but the name says {col.info.kind}: not {s.entity}")
                continue
        if not hinted and s.entity in NO_CHECK_DOCUMENTS and col.info.kind == "code" and names_a_record(col.name):
            # M + 10 digits is a permit's shape and a message's number: the name says which
            col.evidence.append(f"values shaped like {s.entity}, but the name numbers a record (message, case, lot)")
            continue
        if s.entity == "PERSON_NAME" and not hinted:
            distinct_names = sum(1 for v in col.counts if v and s.support())
            if min(distinct_names, col.distinct) < min(5, max(2, n // 2)):
                col.evidence.append("name-shaped values repeat too much for a column of names")
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
    base = _base(col, s.entity)
    share = s.support() / base
    hinted = hint is not None and hint.entity == s.entity
    col.entity, col.score = s.entity, s
    conf = share if s.entity in CHECKSUM_ENTITIES else 0.9 * share
    col.confidence = min(0.99, 0.5 + 0.5 * share) if hinted else conf
    if s.masked and not s.valid:
        col.confidence *= 0.9
    what = f"{s.recognizer}: {_pct(s.valid, base)} of sampled values valid"
    if s.masked:
        what += f", {_pct(s.masked, base)} masked"
    if base != n:
        what += f" ({n - base} null-like values such as 无 not counted)"
    if s.example:
        what += f" (shape {s.example})"
    col.evidence.append(what)
    if s.invalid:
        col.evidence.append(f"{_pct(s.invalid, n)} have the format but fail validation (check digit, date, range)")


def _text_to_analyse(col: ColumnProfile) -> bool:
    """Long values go through the free-text engine unless the name says what they are; under an
    enumeration's name (事项, 情况) sentences (``SENTENCE_SHARE`` of the values hold a clause
    mark) contradict the name and are analysed (places and categories are not sentences)."""
    kind = col.info.kind
    if kind not in NONPERSONAL_KINDS:
        return True
    if kind not in TEXT_SENTENCE_KINDS:
        return False
    marks = sum(k for v, k in col.counts.items() if any(m in v for m in "，。；！？"))
    return marks >= SENTENCE_SHARE * max(col.n, 1)


#: characters before a landline searched for a word that makes it an organisation's
ORG_CONTACT_WINDOW = 8


@functools.cache
def _org_contact_words() -> Any:
    from privacy.recognizers._terms import TermSet
    from privacy.vocabulary import value_terms

    return TermSet(value_terms("organisations")["org_contact_words"])


def _after_org_contact_word(text: str, start: int) -> bool:
    """A word introducing an organisation's contact (咨询电话, 服务热线: ``org_contact_words`` of
    the organisations vocabulary) ends just before ``start``."""
    before = text[max(0, start - ORG_CONTACT_WINDOW) : start].rstrip("：:，, 为是")
    return any(before.endswith(w) for w in _org_contact_words().terms)


def _analyse_text(col: ColumnProfile, policy: LevelPolicy) -> None:
    """Free text: the offline Presidio engine over (up to TEXT_ANALYSE_MAX of) the sampled values."""
    from privacy.engine import LANGUAGE, analyzer  # Presidio and jieba: only when text needs them

    values = col.values
    if len(values) > TEXT_ANALYSE_MAX:
        values = [values[i] for i in sample_rows(len(values), TEXT_ANALYSE_MAX)]
    engine = analyzer()
    found: Counter = Counter()
    recognizers_fired: dict[str, set[str]] = {}
    for v, k in Counter(values).items():  # each distinct text once
        entities_here = set()
        for r in engine.analyze(text=v, language=LANGUAGE, score_threshold=TEXT_SCORE):
            name = (r.recognition_metadata or {}).get("recognizer_name", "")
            if name == "CnLandlineRecognizer" and _after_org_contact_word(v, r.start):
                continue  # 咨询电话028-…: the office's landline in a reply, not the writer's
            entities_here.add(r.entity_type)
            recognizers_fired.setdefault(r.entity_type, set()).add(name)
        for e in entities_here:
            found[e] += k
    col.text = dict(found)
    n = len(values)
    rank = {"sensitive": 2, "personal": 1, "none": 0}
    chosen: tuple[int, float, str] | None = None
    for entity, k in found.items():
        share = k / n
        certain = entity in TEXT_CERTAIN
        needed = TEXT_SHARE_BY_ENTITY.get(entity, TEXT_SHARE)
        if policy.level(entity) == "sensitive":
            needed = min(needed, TEXT_SHARE_SENSITIVE)
        if not certain and (share < needed or k < min(2, n)):
            continue
        col.evidence.append(
            f"free text: {'+'.join(sorted(recognizers_fired[entity]))} found {entity} in "
            f"{_pct(k, n)} of analysed values" + (" (validated by its check digit)" if certain else "")
        )
        key = (rank[policy.level(entity)], share, entity)
        if chosen is None or key[:2] > chosen[:2]:
            chosen = key
    if chosen is not None:
        col.entity = chosen[2]
        col.confidence = min(0.95, 0.6 + chosen[1])
        col.free_text = policy.level(chosen[2]) != "none"
    elif found:
        col.evidence.append(
            "free text: entities found only in a negligible share of values: "
            + ", ".join(f"{e} {_pct(k, n)}" for e, k in sorted(found.items()))
        )
    else:
        col.evidence.append(f"free text: nothing personal found in {n} analysed values")


# ------------------------------------------------------------------------------------ content


def _coordinates(cols: list[ColumnProfile]) -> None:
    """Latitude/longitude column pairs with >= 4 decimals."""

    def kind(c: ColumnProfile) -> str | None:
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


def _regions_not_addresses(col: ColumnProfile) -> None:
    """Addresses that stop at a division (a township, street office or village: 余杭区仁和街道,
    某某镇某某村), with no road, house number or building, name a region of thousands of people,
    not where one lives (``holds.region_min_share`` of levels.yaml)."""
    rule = default_levels().get("holds") or {}
    need = float(rule.get("region_min_share", 0.9))
    from privacy.recognizers.org_name import is_division_group

    groups = sum(k for v, k in col.counts.items() if is_division_group(v))
    shared = (
        col.n < 20 or groups < 0.5 * col.n or col.distinct_ratio < float(rule.get("region_max_distinct_ratio", 0.9))
    )
    if col.entity == "ADDRESS" and col.place_share >= need and shared:
        col.entity, col.score, col.confidence = None, None, 0.0
        col.evidence.append(
            f"{100 * col.place_share:.0f}% of sampled values name a division (township, street office, "
            "village) with no road or house number: a region, not an address"
        )


def _birth_like(c: ColumnProfile, today: dt.date) -> bool:
    """Dates spread like births: ages over decades, the median adult or teenage."""
    if len(c.dates) < 10:
        return False
    ages = np.array([(today - d).days / 365.25 for d in c.dates])
    if ages.min() < 0:
        return False
    p10, p50, p90 = np.percentile(ages, [10, 50, 90])
    return bool(p50 >= 12 and p90 - p10 >= 15 and ages.max() <= 120)


def _embedded(col: ColumnProfile) -> None:
    """Identifiers inside longer values (a recording's file name holding the caller's mobile, an
    ID number in a remark): the vectorised scanner of the leak gate, run on the sample."""
    from privacy.scan import ALL_ENTITIES, scan_column

    hits = scan_column(pa.array(col.values, pa.string()), ALL_ENTITIES)

    def enough(entity: str, h: Hits) -> bool:
        share = h.cells / max(col.n, 1)
        return h.cells >= MIN_SUPPORT and (share >= EMBEDDED_SHARE or (entity in TEXT_CERTAIN and h.checked > 0))

    # the most sensitive identifier found often enough names the column (an ID number beside a phone)
    found = [(entity in TEXT_CERTAIN, h.cells, entity, h) for entity, h in hits.items() if enough(entity, h)]
    if found:
        _, _, entity, h = max(found, key=lambda f: f[:2])
        share = h.cells / max(col.n, 1)
        col.entity, col.confidence = entity, min(0.95, 0.6 + share)
        col.evidence.append(f"scanner: {_pct(h.cells, col.n)} of sampled values hold a valid {entity} inside them")
        return
    _glued_ids(col, hits.get("CN_RESIDENT_ID"))


def _glued_ids(col: ColumnProfile, h: Hits | None = None) -> None:
    """Codes built on the holder's resident ID number (a disability certificate is the ID and two
    digits, a national student number G and the ID): the leak gate's ``Hits.glued``, run on the
    sample. Whatever the name calls them (a code, 证号, col_3), they carry the ID number."""
    if h is None:
        from privacy.scan import scan_column

        h = scan_column(pa.array(col.values, pa.string()), ("CN_RESIDENT_ID",)).get("CN_RESIDENT_ID")
    if h is None or h.glued < MIN_SUPPORT or h.glued < EMBEDDED_SHARE * max(col.n, 1):
        return
    col.entity, col.confidence = "CN_RESIDENT_ID", min(0.95, 0.6 + h.glued / max(col.n, 1))
    col.evidence.append(
        f"scanner: {_pct(h.glued, col.n)} of sampled values hold a valid CN_RESIDENT_ID glued inside a longer code "
        "(an identifier built on the holder's ID number)"
    )


def _content_rules(cols: list[ColumnProfile], subject: str, rows_org: bool, today: dt.date) -> None:
    """What content shows once the table's subject is known: statuses and keys of persons,
    identifiers inside values, birth dates under opaque names, income beside income columns,
    and entities a name hint alone may give."""
    about_people = subject in ("people", "mixed", "unknown") and not rows_org
    pay_table = about_people and any(c.entity == "PERSONAL_INCOME" for c in cols)
    identities = [c for c in cols if c.entity in _IDENTITY_ENTITIES and not c.free_text]
    for c in cols:
        if c.entity == "PERSON_NAME" and subject != "people" and _surnames_only(c):
            c.entity, c.score = None, None
            c.evidence.append("surnames alone (one or two characters) name no one outside a table of people")
    for c in cols:
        if about_people and venue_of_stay(c):
            c.entity, c.confidence = "PRECISE_LOCATION", 0.7
            c.evidence.append("names of hotels or venues under a lodging or whereabouts name: where the person stayed")
    for c in cols:
        if subject == "people" and not rows_org and persons_among_orgs(c):
            c.entity, c.score, c.confidence = "PERSON_NAME", None, 0.7
            c.evidence.append(
                f"{100 * c.name_shape_share:.0f}% of the values are shaped like persons' names, the rest like "
                "organisations': persons and organisations mixed, the persons' names are personal"
            )
    for c in cols:
        if subject == "people" and not rows_org and (venue := venue_of_person(c)) is not None:
            c.entity, c.score, c.confidence = venue, None, 0.7
            c.evidence.append(
                "venues repeated over the rows of a table of people (lodgings, internet cafés, places of worship): "
                + (
                    "where each person stayed or went"
                    if venue == "PRECISE_LOCATION"
                    else "each person's religious belief"
                )
            )
    for c in cols:
        if c.entity is not None:
            continue
        info, hint = c.info, c.hint
        if c.n and info.kind not in ("code", "event_date", "amount", "aggregate"):
            _embedded(c)
            if c.entity is not None:
                continue
        elif c.n and info.kind == "code" and c.code_share >= 0.5:
            _glued_ids(c)
            if c.entity is not None:
                continue
        if c.n and c.cjk_share >= 0.5 and not info.aggregate and name_lists(c):
            c.entity, c.confidence = "PERSON_NAME", 0.8
            c.evidence.append("values list several names of persons (张*、李*...)")
            continue
        if about_people and c.n and not info.aggregate and exam_results(c):
            c.entity, c.confidence = "MEDICAL_CONDITION", 0.8
            c.evidence.append("values are results of a laboratory test or screening (阴性/阳性...) of the row's person")
            continue
        if about_people and info.status and not info.aggregate and c.n:
            c.special, c.confidence = "status", 0.7
            c.evidence.append(f"name: {info.key!r} is a person's welfare, hardship or credit status")
            continue
        if about_people and c.cjk_share >= 0.5 and info.kind not in ("org_name_word", "free_text_public"):
            share = _status_share(c)
            if share >= 0.5:
                c.special, c.confidence = "status", 0.6
                c.evidence.append(f"{100 * share:.0f}% of sampled values state a welfare, hardship or credit status")
                continue
        if subject == "people" and not rows_org and (mixed := _category_among(c)) is not None:
            entity, share = mixed
            c.entity, c.confidence = entity, 0.6
            c.evidence.append(
                f"a few categories of the row's person, one of which ({100 * share:.0f}% of sampled values) is a "
                f"{entity} term: published, it tells those rows' persons' {entity}"
            )
            continue
        if (about_people or info.person) and info.people_key and c.n:
            # a role word says whose number it is (律师执业证号, 负责人工号): a person's in any table
            c.special, c.entity, c.confidence = "person_key", "PERSON_ID", 0.7
            c.evidence.append(
                f"name: {info.key!r} is an internal identifier of persons"
                + ("" if about_people else " (a person's, by its role word)")
            )
            continue
        if about_people and subject != "unknown" and c.n and court_case_numbers(c):
            c.special, c.entity, c.confidence = "person_key", "PERSON_ID", 0.7
            c.evidence.append("values are court case numbers ((年度)法院代字类型代字编号号) of the row's person")
            continue
        key_of = _follows_person(c, identities) if about_people and info.kind in (None, "code") else None
        if key_of is not None:
            c.special, c.entity, c.confidence = "person_key", "PERSON_ID", 0.7
            c.keys_person_of = key_of.name
            c.evidence.append(f"values repeat one-to-one with the person of column {key_of.name!r}: a key of persons")
            continue
        if c.n == 0:
            if hint is not None:
                c.entity, c.confidence = hint.entity, 0.3
                c.evidence.append("column is empty in the sample; labelled from its name only")
            continue
        id_col = _births_of_ids(c, cols) if about_people and c.date_share >= 0.8 else None
        if id_col is not None:
            c.entity, c.confidence = "DATE_OF_BIRTH", 0.9
            c.evidence.append(
                f"dates equal the birth dates inside the ID numbers of column {id_col.name!r}, row by row"
            )
            continue
        if (
            about_people
            and c.date_share >= 0.8
            and info.kind not in NONPERSONAL_KINDS
            and (hint is None or hint.entity == "DATE_OF_BIRTH")
            and _birth_like(c, today)
        ):
            c.entity, c.confidence = "DATE_OF_BIRTH", 0.7
            c.evidence.append("dates spread like births (ages over decades) in a table about people")
            continue
        if (
            pay_table
            and c.numeric_range is not None
            and 0 < c.numeric_decimals <= 2
            and info.kind in (None, "text")
            and c.numeric_range[0] >= 0
            and c.numeric_range[1] >= 10
        ):
            c.entity, c.confidence = "PERSONAL_INCOME", 0.6
            c.evidence.append("amounts beside the income columns of a table about people (a pay or benefit item)")
            continue
        if hint is not None and hint.entity == "MEDICAL_CONDITION" and goods_measure(c, cols):
            c.evidence.append("a measure word beside a column numbering shipments: the goods' measure, not a body's")
            continue
        if subject == "people" and not rows_org and info.kind in NONPERSONAL_KINDS:
            category = _categories_over_name(c)
            if category is not None:
                c.entity, c.confidence = category, 0.7
                c.evidence.append(
                    f"the name says {info.kind}, but the values are {category} categories of the row's person"
                )
                continue
        if subject == "people" and not rows_org and names_over_org_word(c):
            c.entity, c.confidence = "PERSON_NAME", 0.7
            c.evidence.append(
                "values shaped like persons' names, varied and none like an organisation's, under a generic "
                "organisation word: names of persons"
            )
            continue
        _hint_only(c, about_people)


#: entities that tell which person a row is about (for keys that follow a person)
_IDENTITY_ENTITIES = ("CN_RESIDENT_ID", "PASSPORT", "PERSON_NAME")


def _pairing(a: dict[int, str], b: dict[int, str]) -> float:
    """Share of rows (present in both) whose ``a`` value maps to the most common ``b`` value of
    that ``a`` value: 1.0 when ``a`` determines ``b``."""
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for r, v in a.items():
        if r in b:
            pairs[v][b[r]] += 1
    total = sum(sum(c.values()) for c in pairs.values())
    return sum(c.most_common(1)[0][1] for c in pairs.values()) / total if total else 0.0


def _follows_person(c: ColumnProfile, identities: list[ColumnProfile]) -> ColumnProfile | None:
    """The identity column whose person this column's codes key one-to-one (``follows_person``
    thresholds of ``privacy/levels.yaml``), or None."""
    rule = (default_levels().get("person_key") or {}).get("follows_person") or {}
    if c.n == 0 or c.distinct < int(rule.get("min_distinct", 5)) or c.cjk_share >= 0.5 or c.date_share >= 0.5:
        return None
    if c.distinct_ratio > float(rule.get("max_distinct_ratio", 0.9)):
        return None
    need = float(rule.get("min_consistency", 0.95))
    mine = dict(zip(c.rows, c.values))
    for ident in identities:
        if ident is c or ident.distinct < c.distinct * 0.9:
            continue
        theirs = dict(zip(ident.rows, ident.values))
        if _pairing(mine, theirs) >= need and _pairing(theirs, mine) >= need:
            return ident
    return None


@functools.cache
def _statuses() -> Any:
    from privacy.recognizers._terms import TermSet
    from privacy.vocabulary import value_terms

    return TermSet(t for group in value_terms("statuses").values() for t in group)


def _status_share(c: ColumnProfile) -> float:
    neutral = _neutral()
    base = sum(k for v, k in c.counts.items() if v not in neutral)
    hits = sum(k for v, k in c.counts.items() if v not in neutral and len(v) <= 40 and _statuses().search(v))
    return hits / base if base else 0.0


def _surnames_only(c: ColumnProfile) -> bool:
    from privacy.recognizers.person_name import surname_of

    short = sum(k for v, k in c.counts.items() if 1 <= len(v) <= 2 and surname_of(v) == v)
    return c.n > 0 and short >= 0.9 * c.n


def _account_numbers(c: ColumnProfile) -> bool:
    """Digit strings of 8-19 characters (bank and provident-fund accounts; longer numbers are
    card serials of other systems)."""
    ok = sum(k for v, k in c.counts.items() if re.fullmatch(r"\d{8,19}", re.sub(r"[\s\-]", "", v)))
    return ok >= 0.8 * c.n


#: share of rows (with both values) whose date equals the birth date inside the row's ID number
BIRTH_MATCH_SHARE = 0.8


def _births_of_ids(c: ColumnProfile, cols: list[ColumnProfile]) -> ColumnProfile | None:
    """The resident-ID column whose birth dates this date column repeats row by row (a birth date
    whatever the column is called, also of children, whose dates do not spread like adults')."""
    for ident in cols:
        if ident.entity != "CN_RESIDENT_ID" or ident.free_text:
            continue
        births = {r: birth_date_of_id(v.strip()) for r, v in zip(ident.rows, ident.values)}
        pairs = [(parse_date(v), births[r]) for r, v in zip(c.rows, c.values) if births.get(r) is not None]
        if len(pairs) >= MIN_SUPPORT and sum(a == b for a, b in pairs) >= BIRTH_MATCH_SHARE * len(pairs):
            return ident
    return None


#: a mobile cell's location area code and cell id (3GPP TS 23.003: LAC 16 bits, CI up to 28 bits)
_CELL_ID = re.compile(r"\d{1,5}\s*[-_:/]\s*\d{1,9}")


def _cell_ids(c: ColumnProfile) -> bool:
    return sum(k for v, k in c.counts.items() if _CELL_ID.fullmatch(v.strip())) >= 0.8 * c.n


def _org_hint_share() -> float:
    """``name_rules.org_hint_min_share`` of ``privacy/levels.yaml``."""
    return float((default_levels().get("name_rules") or {}).get("org_hint_min_share", 0.3))


def _weak_reading(c: ColumnProfile) -> bool:
    """The name was read through pinyin initials (fwxm: 服务 + 姓名?), not written out."""
    return any(t.form == "initials" for t in c.info.terms)


def _org_share(c: ColumnProfile) -> float:
    from privacy.recognizers.org_name import is_org_name

    return sum(k for v, k in c.counts.items() if is_org_name(v)) / max(c.n, 1)


def _not_categories(c: ColumnProfile, entity: str) -> str | None:
    """What a column's values positively are, instead of the health or offence categories its
    name suggests (a station's name ZM read as 罪名, a civil court's 案由): places, organisations,
    civil causes of action. None when they may be such categories."""
    from privacy.recognizers.org_name import is_division_stem

    places = sum(k for v, k in c.counts.items() if is_division_stem(v)) / max(c.n, 1)
    if c.place_share >= 0.5 or c.place_share + places >= org_or_place_share():
        return "names of places"
    if entity == "CRIMINAL_RECORD" and _org_share(c) >= org_or_place_share():
        return "names of organisations"  # (where a person is treated may tell the illness: not for health)
    if entity == "CRIMINAL_RECORD" and civil_causes(c):
        return "causes of action of civil or administrative cases (disputes, not offences)"
    if _attribute_values(c):
        return "a person's gender (values/attributes.yaml), a quasi-identifier"
    return None


@functools.cache
def _attribute_terms() -> frozenset[str]:
    from privacy.vocabulary import value_terms

    return frozenset(t for terms in value_terms("attributes").values() for t in terms)


def _attribute_values(c: ColumnProfile) -> bool:
    """Every sampled value that says something is a basic attribute's (男, 女: ``values/attributes.yaml``)."""
    terms, neutral = _attribute_terms(), _neutral()
    said = {v: k for v, k in c.counts.items() if v.strip() not in neutral}
    return bool(said) and all(v.strip() in terms for v in said)


def _categories_over_name(c: ColumnProfile) -> str | None:
    """Health or offence categories (the dictionary recognizers) in ``categories_min_share`` of
    the non-null-like values (``person_content`` of levels.yaml), at most ``holds.category_max_distinct``
    distinct: under a name of a code or an enumeration (item_code, 管理类别) in a table of people,
    the values outweigh the name. None when they are not, or are places, organisations or civil causes."""
    rules = default_levels()
    need = float((rules.get("person_content") or {}).get("categories_min_share", 0.8))
    if c.distinct > int((rules.get("holds") or {}).get("category_max_distinct", 60)):
        return None
    neutral = _neutral()
    counted = [(v, k) for v, k in c.counts.items() if v not in neutral]
    base = sum(k for _, k in counted)
    if base < MIN_SUPPORT:
        return None
    by_entity = {r.ENTITY: r for r in recognizers().values()}
    for entity in ("MEDICAL_CONDITION", "CRIMINAL_RECORD"):
        rec = by_entity[entity]
        hits = sum(k for v, k in counted if rec.match_cell(v) is not None)
        if hits >= need * base and _not_categories(c, entity) is None:
            return entity
    return None


def _category_among(c: ColumnProfile) -> tuple[str, float] | None:
    """A column of a few categories of persons (at most ``person_content.mixture_max_distinct``
    distinct, Chinese) of which one health or offence category of the dictionary recognizers holds
    at least ``mixture_min_share`` of the sampled values (a legal-aid case type 刑事辩护 among civil
    disputes, a withdrawal reason 重大疾病 among housing purposes, an aid reason 残疾人): a column is
    as sensitive as its most sensitive category, since publishing it tells every row of that
    category (GB/T 35273-2020 Annex B). Returns the entity and the category's share, or None when
    the values are places, organisations or attributes (:func:`_not_categories`)."""
    rule = default_levels().get("person_content") or {}
    most, least = int(rule.get("mixture_max_distinct", 12)), float(rule.get("mixture_min_share", 0.05))
    if c.n < int(rule.get("mixture_min_rows", 20)) or c.distinct > most or c.distinct < 2 or c.cjk_share < 0.5:
        return None
    if c.info.aggregate or c.info.kind in ("org_name_word", "free_text_public", "event_date"):
        return None
    by_entity = {r.ENTITY: r for r in recognizers().values()}
    neutral = _neutral()
    negations = tuple(str(w) for w in rule.get("mixture_negations") or [])
    for entity in ("MEDICAL_CONDITION", "CRIMINAL_RECORD"):
        rec = by_entity[entity]
        best = max(
            (
                k
                for v, k in c.counts.items()
                if v not in neutral and not v.startswith(negations) and rec.match_cell(v) is not None
            ),
            default=0,
        )
        if best >= max(MIN_SUPPORT, least * c.n):
            other = _not_categories(c, entity)
            if other is None or (entity == "CRIMINAL_RECORD" and other.startswith("causes of action")):
                return entity, best / c.n
    return None


_INTERNATIONAL = re.compile(r"(?:\+|00)[1-9]\d{0,2}[-\s]?\d[\d\-\s]{5,16}")


def _international_numbers(c: ColumnProfile) -> bool:
    """At least 80 % of the values are phone numbers in international format (+country code)."""
    hits = sum(k for v, k in c.counts.items() if _INTERNATIONAL.fullmatch(v.strip()))
    return c.n > 0 and hits >= 0.8 * c.n


def _hint_only(c: ColumnProfile, about_people: bool) -> None:
    """No content evidence: a name hint may still label the column, if the content allows it."""
    hint = c.hint
    if hint is None or hint.entity is None:
        return
    e = hint.entity
    cjk = c.cjk_share
    digits = sum(k for v, k in c.counts.items() if any(ch.isdigit() for ch in v)) / max(c.n, 1)
    if e in ("MEDICAL_CONDITION", "CRIMINAL_RECORD") and about_people and (other := _not_categories(c, e)):
        c.evidence.append(f"a {e} name hint, but the values are {other}: not {e}")
    elif e in ("MEDICAL_CONDITION", "CRIMINAL_RECORD") and about_people:
        c.entity, c.confidence = e, 0.6
        c.evidence.append(f"values under a {e} name in a table about people (terms outside the dictionary)")
    elif e == "RELIGION" and cjk >= 0.5 and about_people:
        c.entity, c.confidence = e, 0.6
        c.evidence.append("Chinese text under a religion name in a table about people")
    elif e == "PERSONAL_INCOME" and about_people and c.date_share + c.month_share >= 0.5:
        c.evidence.append("an income or property name hint, but the values are dates (when it was paid), not sums")
    elif e == "PERSONAL_INCOME" and about_people and digits >= 0.5 and not long_codes(c):
        c.entity, c.confidence = e, 0.6
        c.evidence.append("numbers or ranges under an income or property name")
    elif e == "PERSON_NAME" and c.name_shape_share >= 0.3 and c.distinct >= min(5, c.n):
        c.entity, c.confidence = e, 0.6
        c.evidence.append("short Chinese text under a name hint")
    elif e == "ADDRESS" and cjk >= 0.5 and not c.info.org and c.place_share < 0.5:
        c.entity, c.confidence = e, 0.5
        c.evidence.append("Chinese text under an address name hint")
    elif e == "PRECISE_LOCATION" and about_people and (cjk >= 0.5 or c.place_share >= 0.5):
        c.entity, c.confidence = e, 0.6
        c.evidence.append("places under a trajectory name (where a person was) in a table about people")
    elif e == "PRECISE_LOCATION" and about_people and _cell_ids(c):
        c.entity, c.confidence = e, 0.6
        c.evidence.append("cell identifiers (LAC-CI) under a location name: the tower a person's phone was seen at")
    elif e == "BANK_CARD" and about_people and _account_numbers(c):
        c.entity, c.confidence = e, 0.6
        c.evidence.append("account numbers under an account name (no card check digit)")
    elif e == "PHONE_NUMBER" and c.info.person and _international_numbers(c):
        # a role word says whose phone it is (会长电话): theirs also abroad (+61-726-3307735), which
        # the mainland phone recognizer does not read
        c.entity, c.confidence = e, 0.6
        c.evidence.append("international phone numbers under the phone name of a person named by their role")
    elif e == "DATE_OF_BIRTH" and c.date_share + c.numeric_share >= 0.5:
        c.entity, c.confidence = e, 0.6
        c.evidence.append("dates (or parts of dates) under a birth-date name hint")
    elif (
        e == "ORG_NAME"
        and cjk >= 0.5
        and c.place_share < 0.5
        and (not about_people or not _weak_reading(c) or _org_share(c) >= _org_hint_share())
    ):
        c.entity, c.confidence = e, 0.6
        c.evidence.append("Chinese text under an organisation name hint")
    elif e == "ORG_NAME" and about_people and _weak_reading(c):
        c.evidence.append("an organisation name hint, but the values do not look like organisation names")


# ------------------------------------------------------------------------------------ context


def _apply_levels(cols: list[ColumnProfile], subject: str, why: list[str], rows_org: bool, policy: LevelPolicy) -> None:
    for c in cols:
        level = policy.level(c.entity)
        if c.special == "status":
            level = policy.status_level
        elif c.special == "person_key":
            level = policy.person_key_level
        if c.info.level in ("personal", "sensitive") and c.entity == c.info.entity:
            level = stricter(level, c.info.level)  # type: ignore[arg-type]
            if level != policy.level(c.entity):
                c.evidence.append(f"name: {c.info.key!r} makes it {level} (vocabulary: {c.info.terms[-1].source})")
        if level != "none":
            reason = organisation_reason(c, subject, rows_org, why)
            if reason is not None:
                c.evidence.append(f"context: {reason} -> not personal")
                level = policy.context_level
                c.lowered = True
                c.free_text = False
        c.level = level


def _minors(cols: list[ColumnProfile], policy: LevelPolicy, today: dt.date) -> float:
    share = 0.0
    for c in cols:
        if c.entity == "CN_RESIDENT_ID" and not c.free_text:
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
    table: pa.Table | TableSample,
    *,
    sample_size: int | None = None,
    context: dict | None = None,
    levels: LevelPolicy | str | Path | None = None,
    today: dt.date | None = None,
) -> TableClassification:
    """Classify every column of ``table`` (an Arrow table, or its :class:`~privacy.sampling.TableSample`
    already taken, e.g. from a Parquet file by :func:`privacy.sampling.parquet_sample`).

    ``sample_size``: non-null values sampled per column (default ``PUBDATA_SAMPLE_SIZE``).
    ``context``: optional ``{"about_people": bool, "dataset_title": str}`` deciding whether
    contacts and coordinates describe people. ``levels``: a :class:`LevelPolicy` or the path of
    a levels YAML (default ``privacy/levels.yaml``).
    """
    started = time.perf_counter()
    policy = levels if isinstance(levels, LevelPolicy) else load_levels(levels)
    if isinstance(table, TableSample):
        size = table.sample_size
    else:
        size = sample_size if sample_size is not None else default_sample_size()
    if size < 1:
        raise ValueError("sample_size must be at least 1")
    today = today or dt.date.today()
    sample = table if isinstance(table, TableSample) else TableSample.of_table(table, size)
    cols: list[ColumnProfile] = []
    for name, (values, row_ids) in sample.columns.items():
        col = profile_column(name, values, row_ids)
        info = col.info
        if info.entity is not None:
            col.evidence.append(
                f"name hint: {info.key!r} suggests {info.entity}"
                + (" (a person's, by its role word)" if info.person else "")
                + (" (an organisation's contact)" if info.org else "")
            )
        elif info.kind is not None:
            col.evidence.append(f"name hint: {info.key!r} names a column of kind {info.kind}")
        if col.n:
            _choose_structured(col, _score_cells(col))
            if col.entity is None and col.long_text_share >= 0.3 and _text_to_analyse(col):
                _analyse_text(col, policy)
            if col.entity in (None, "ADDRESS") and not col.free_text:
                col.place_share = sum(k for v, k in col.counts.items() if is_place_name(v)) / col.n
                _regions_not_addresses(col)
        cols.append(col)
    _coordinates(cols)
    subject, why = infer_subject(cols, context)
    rows_org = rows_are_organisations(cols)
    _content_rules(cols, subject, rows_org, today)
    _apply_levels(cols, subject, why, rows_org, policy)
    if subject == "people" and not rows_org:
        for c in property_addresses(cols):
            c.level = "sensitive"
            c.evidence.append(
                "level sensitive: beside a column measuring the area of a house or plot, an address that is "
                "no home address by its name locates the person's property (GB/T 35273-2020 Annex B, 房产信息)"
            )
        key, places = trajectory_places(cols)
        for c in places:
            c.entity, c.level, c.lowered, c.confidence = "PRECISE_LOCATION", "sensitive", False, 0.7
            c.evidence.append(
                f"the rows repeat each person of column {key.name if key else ''!r} at their own moments: a log "
                "of where those persons were, so this place is the person's whereabouts (行踪轨迹)"
            )
    hold_structural(cols, subject, rows_org)
    apply_holds(cols, subject, rows_org, today)
    minors_share = _minors(cols, policy, today)
    if minors_share > 0:
        # the columns keep their levels; ``minors`` tells the policy to treat the rows of
        # children under 14 as sensitive (emptied row by row, or dropped without an age column)
        for c in cols:
            if c.level != "none":
                c.minors = True
                c.evidence.append(
                    f"minors: the table holds rows of children under {policy.minors_age} "
                    f"({100 * minors_share:.1f}% of sampled rows): their values are treated as sensitive"
                )
    out = []
    for c in cols:
        if c.entity is None and not c.review and c.special is None:
            if not any(e.startswith(("no recognizer", "free text")) for e in c.evidence):
                c.evidence.append("no recognizer matched a meaningful share of sampled values")
            # how sure we are that nothing personal is there: less when something fired
            c.confidence = 0.5 if c.n == 0 else max(0.5, 1.0 - c.best_share)
        elif c.review:
            c.confidence = 0.5
        elif c.special is not None:
            clause = policy.status_clause if c.special == "status" else policy.person_key_clause
            c.evidence.append(f"level {c.level}: {clause}")
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
                review=c.review,
                review_reason=c.review_reason,
                free_text=c.free_text,
            )
        )
    return TableClassification(
        columns=out,
        rows=sample.num_rows,
        sampled=len(sample.rows),
        sample_size=size,
        minors_rows_share=minors_share,
        subject=subject,
        seconds=time.perf_counter() - started,
        policy=policy,
    )
