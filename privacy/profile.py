"""What the classifier knows about one column while it decides: the sampled values, their shape
(numbers, dates, Chinese text, distinct values), what the name says, and the decision so far.
Used by :mod:`privacy.classification`, :mod:`privacy.subject` and :mod:`privacy.holds`."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from privacy.name_hints import NameHint, NameInfo, analyse_name
from privacy.recognizers.date_of_birth import parse_date
from privacy.recognizers.person_name import looks_like_name
from privacy.types import Level

__all__ = ["ColumnProfile", "Score", "profile_column"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"^[¥￥]?\s*-?\d[\d,]*(?:\.(\d+))?$")
_DATEISH = re.compile(
    r"^(?:19|20)\d{2}(?:[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
#: a month without a day (2013-01, 2013年1月, 2013.01): when an event happened, or a birth month
_MONTH = re.compile(r"^(?:19|20)\d{2}(?:[-/.]\s*(?:0?[1-9]|1[0-2])|年\s*(?:0?[1-9]|1[0-2])月)$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-./#]*$")


@dataclass
class Score:
    """How many sampled values one entity's recognizers validated."""

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
class ColumnProfile:
    name: str
    info: NameInfo
    values: list[str]
    rows: list[int]
    n: int
    counts: Counter = field(default_factory=Counter)
    #: share of values that are numbers, dates, hold Chinese, look like codes, look like names
    numeric_share: float = 0.0
    date_share: float = 0.0
    #: share of values that are a year and a month without a day (2013-01)
    month_share: float = 0.0
    cjk_share: float = 0.0
    code_share: float = 0.0
    name_shape_share: float = 0.0
    long_text_share: float = 0.0
    numeric_decimals: float = 0.0
    numeric_range: tuple[float, float] | None = None
    integer: bool = False
    dates: list[dt.date] = field(default_factory=list)
    # ---- the decision so far
    entity: str | None = None
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)
    score: Score | None = None
    #: entities found in analysed free text, per entity: values holding it
    text: dict[str, int] | None = None
    free_text: bool = False
    place_share: float = 0.0
    level: Level = "none"
    minors: bool = False
    minor_rows: set[int] = field(default_factory=set)
    #: lowered by context (an organisation's contact, a place, a statistic)
    lowered: bool = False
    #: personal without an entity of its own: "status" (welfare, hardship, credit) | "person_key"
    special: str | None = None
    #: a person key found by its values: the identity column whose person it keys one-to-one
    keys_person_of: str | None = None
    review: bool = False
    review_reason: str = ""
    #: the highest share of sampled values any recognizer validated (for "none" confidence)
    best_share: float = 0.0

    @property
    def hint(self) -> NameHint | None:
        return self.info.hint()

    @property
    def distinct(self) -> int:
        return len(self.counts)

    @property
    def distinct_ratio(self) -> float:
        return self.distinct / self.n if self.n else 0.0


def profile_column(name: str, values: list[str], rows: list[int]) -> ColumnProfile:
    """Shape statistics of a column's sampled values (distinct values are inspected once)."""
    col = ColumnProfile(name=name, info=analyse_name(name), values=values, rows=rows, n=len(values))
    n = col.n
    if not n:
        return col
    counts = col.counts = Counter(v.strip() for v in values)
    numeric = dates = months = cjk = code = namey = longtext = 0
    decimals: list[int] = []
    nums: list[float] = []
    parsed: list[dt.date] = []
    for v, k in counts.items():
        m = _NUMBER.match(v)
        if m:
            numeric += k
            decimals.append(len(m.group(1) or ""))
            try:
                nums.append(float(v.lstrip("¥￥").replace(",", "").strip()))
            except ValueError:
                pass
        d = parse_date(v) if _DATEISH.match(v) else None
        if d is not None:
            dates += k
            parsed.extend([d] * min(k, 20))
        elif _MONTH.match(v):
            months += k
        has_cjk = bool(_CJK.search(v))
        if has_cjk:
            cjk += k
            if looks_like_name(v) is not None:
                namey += k
        elif _CODE.match(v) and not m:
            code += k
        if len(v) >= 12 and (has_cjk or v.count(" ") >= 3):
            longtext += k
    col.numeric_share, col.date_share, col.cjk_share = numeric / n, dates / n, cjk / n
    col.month_share = months / n
    col.code_share, col.name_shape_share, col.long_text_share = code / n, namey / n, longtext / n
    if nums and numeric / n >= 0.8:
        col.numeric_decimals = float(np.median(decimals))
        col.numeric_range = (min(nums), max(nums))
        col.integer = max(decimals) == 0
    col.dates = parsed
    return col
