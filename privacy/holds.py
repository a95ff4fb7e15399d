"""Safe by default: in a table about people, a column is published only if it is positively
recognised as not personal; anything else is held for an officer's review.

:func:`why_not_personal` gives the positive reason (a code, an enumeration with few values, an
organisation or place name, the date of an event, a plain amount, an aggregate, free text in
which nothing personal was found, small numbers...) or None. :func:`apply_holds` marks the
columns without one: ``review`` is true, ``review_reason`` says what the column looks like, and
the level is ``personal`` until an officer decides (the policy gives such a column the action
``hold``: left out of the open variant, the rest of the dataset publishes).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from privacy.profile import ColumnProfile

__all__ = [
    "HOLD_SUBJECTS",
    "apply_holds",
    "civil_causes",
    "long_codes",
    "names_a_record",
    "numbers_rows_of_persons",
    "org_or_place_share",
    "row_numbers",
    "why_not_personal",
]

#: table subjects whose unexplained columns are held
HOLD_SUBJECTS = frozenset({"people", "mixed"})
#: an enumeration: at most this many distinct values (and a small share of the rows)
ENUM_MAX = 12
ENUM_MAX_RATIO = 0.2


@functools.cache
def _rules() -> dict[str, Any]:
    """``holds`` of ``privacy/levels.yaml``: when few values or small numbers are not enough."""
    from privacy.vocabulary import default_levels

    return dict(default_levels().get("holds") or {})


@functools.cache
def _category_matchers() -> tuple[tuple[str, Any], ...]:
    from privacy.recognizers import recognizers
    from privacy.recognizers._terms import TermSet
    from privacy.vocabulary import value_terms

    recs = {r.ENTITY: r for r in recognizers().values()}
    statuses = TermSet(t for group in value_terms("statuses").values() for t in group)
    return (
        ("MEDICAL_CONDITION", lambda v: recs["MEDICAL_CONDITION"].match_cell(v) is not None),
        ("CRIMINAL_RECORD", lambda v: recs["CRIMINAL_RECORD"].match_cell(v) is not None),
        ("RELIGION", lambda v: recs["RELIGION"].match_cell(v) is not None),
        ("welfare or credit status", statuses.search),
    )


@functools.cache
def _neutral() -> frozenset[str]:
    from privacy.vocabulary import value_terms

    return frozenset(value_terms("neutral")["neutral"])


def _category_hits(c: ColumnProfile, skip_orgs: bool = False) -> tuple[str, float, int] | None:
    """The sensitive vocabulary most of the column's short values belong to: (what, share of
    non-null-like sampled values, distinct values), or None."""
    max_len = int(_rules().get("category_max_length", 20))
    neutral = _neutral()
    short = [(v, k) for v, k in c.counts.items() if v not in neutral and len(v) <= max_len]
    if skip_orgs:  # 某某康复中心 carries the word of its trade: not a category of the row's person
        from privacy.recognizers.org_name import is_org_name

        short = [(v, k) for v, k in short if not is_org_name(v)]
    base = sum(k for v, k in c.counts.items() if v not in neutral)
    if not short or not base or c.distinct > int(_rules().get("category_max_distinct", 60)):
        return None
    per: dict[str, int] = {}
    hit_values = hit_rows = 0
    for v, k in short:
        found = [what for what, match in _category_matchers() if match(v)]
        for what in found:
            per[what] = per.get(what, 0) + k
        if found:
            hit_values += 1
            hit_rows += k
    if not hit_values:
        return None
    # several vocabularies may share a column (失能老人, 低保老人): the column is named by the largest
    return max(per, key=lambda w: per[w]), hit_rows / base, hit_values


def sensitive_categories(c: ColumnProfile) -> tuple[str, float] | None:
    """The sensitive vocabulary (health, offences, religion, welfare or credit status) that some of
    the column's short values belong to, with the share of (non null-like) sampled values it
    covers, when it covers at least ``holds.sensitive_terms_min_share``: an enumeration of such
    categories (血型, 失能等级, 救助类别) is itself sensitive information about each row's person."""
    rule = _rules()
    hit = _category_hits(c)
    if hit is None:
        return None
    what, share, values = hit
    if share >= float(rule.get("sensitive_terms_min_share", 0.05)) and values >= int(
        rule.get("sensitive_terms_min_values", 2)
    ):
        return what, share
    return None


def money_shaped(c: ColumnProfile) -> bool:
    """Whole amounts of money (200, 330, 9500: multiples of ``holds.money_step`` from
    ``holds.money_min`` up) rather than counts, scores or codes: in a table about people, a few
    such values are benefit standards, fines or pay scales of each row's person."""
    rule = _rules()
    if c.numeric_range is None or not c.integer:
        return False
    step, low = int(rule.get("money_step", 10)), float(rule.get("money_min", 50))
    if long_codes(c):
        return False  # 330100000000: an agency's or a region's code padded with zeros, not a sum
    nums = [(v.lstrip("¥￥").replace(",", "").strip(), k) for v, k in c.counts.items()]
    whole = sum(k for v, k in nums if v.isdigit() and int(v) >= low and int(v) % step == 0)
    zero = sum(k for v, k in nums if v == "0")
    base = c.n - zero
    return base > 0 and whole >= float(rule.get("money_min_share", 0.9)) * base and c.numeric_range[1] >= 100


def _enum(c: ColumnProfile, limit: int = ENUM_MAX) -> bool:
    return c.distinct <= limit and (c.distinct_ratio <= ENUM_MAX_RATIO or c.n < 3 * limit) and c.distinct < c.n


def _date_serials(c: ColumnProfile) -> bool:
    """Numbers of one length that begin with a date (20251016849805): order or case serials."""
    import re

    digits = [v for v in c.counts if v.isdigit() and len(v) >= 12]
    if len(digits) < 0.9 * c.distinct or len({len(v) for v in digits}) != 1:
        return False
    dated = sum(1 for v in digits if re.match(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])", v))
    return dated >= 0.9 * len(digits)


def long_codes(c: ColumnProfile) -> bool:
    """Whole numbers of ``CODE_DIGITS`` digits or more (agency or region codes), not amounts."""
    from privacy.recognizers.personal_income import CODE_DIGITS

    return sum(k for v, k in c.counts.items() if v.isdigit() and len(v) >= CODE_DIGITS) >= 0.8 * c.n


def _division_codes(c: ColumnProfile) -> bool:
    """GB/T 2260 codes of provinces, prefectures and counties (a household registration's or
    birthplace's region written as its code), also as the 9- and 12-digit statistical division
    codes of the National Bureau of Statistics (统计用区划代码: the county's six digits, then
    township and village), ``holds.region_min_share``."""
    from core.identifiers import division_codes

    codes = division_codes()
    hits = sum(k for v, k in c.counts.items() if len(v) in (6, 9, 12) and v.isdigit() and v[:6] in codes)
    return hits >= float(_rules().get("region_min_share", 0.9)) * c.n


def civil_causes(c: ColumnProfile) -> bool:
    """``holds.civil_cause_min_share`` of the (non null-like) sampled values are causes of action
    of civil or administrative cases (离婚纠纷, 劳动争议): disputes, not offences."""
    from privacy.recognizers.criminal_record import is_civil_cause

    neutral = _neutral()
    base = sum(k for v, k in c.counts.items() if v not in neutral)
    hits = sum(k for v, k in c.counts.items() if v not in neutral and is_civil_cause(v))
    return base > 0 and hits >= float(_rules().get("civil_cause_min_share", 0.8)) * base


def dwellings(c: ColumnProfile) -> bool:
    """``holds.dwelling_min_share`` of the sampled values name a dwelling: a number right before a
    ``holds.dwelling_marks`` word (2单元, 501室): an address, whatever the column is called."""
    import re

    marks = "|".join(re.escape(str(m)) for m in _rules().get("dwelling_marks") or [])
    if not marks:
        return False
    pat = re.compile(rf"[0-9０-９一二三四五六七八九十]\s*(?:{marks})")
    hits = sum(k for v, k in c.counts.items() if pat.search(v))
    return c.n > 0 and hits >= float(_rules().get("dwelling_min_share", 0.5)) * c.n


def goods_measure(c: ColumnProfile, cols: list[ColumnProfile]) -> bool:
    """Numbers under a measure word that names no body (``holds.goods_measure_words``: weight,
    重量) in a table another column of which numbers shipments (``holds.goods_record_words``:
    运单, waybill): the parcel's weight, not the person's."""
    rule = _rules()
    words = {str(w).lower() for w in rule.get("goods_measure_words") or []}
    if c.numeric_range is None or c.numeric_range[0] < 0 or c.info.key.lower() not in words:
        return False
    records = [str(w) for w in rule.get("goods_record_words") or []]
    return any(o is not c and _names_a_record(o.name, records) for o in cols)


def _org_name_share(c: ColumnProfile) -> float:
    from privacy.recognizers.org_name import is_org_name, is_place_name

    return sum(k for v, k in c.counts.items() if is_org_name(v) and not is_place_name(v)) / max(c.n, 1)


def org_or_place_share() -> float:
    """``holds.org_or_place_min_share``: values that are organisations' or places' names together."""
    return float(_rules().get("org_or_place_min_share", 0.8))


def _dated(c: ColumnProfile) -> bool:
    """Codes of which 90% carry a whole date (AB20250724…): serials of records made that day."""
    import re

    pat = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
    return sum(k for v, k in c.counts.items() if pat.search(v)) >= 0.9 * c.n


def row_numbers(c: ColumnProfile) -> bool:
    """The codes number the rows of the file: one constant prefix, then a number that equals the
    row's position plus one constant offset, in every sampled row (LY202600001, LY202600002...;
    ``holds.row_numbers`` of levels.yaml). Such a code is a function of the row's position and
    carries nothing else: the table's record numbering, not an identifier given to a person
    (a person's own number, a bib or a certificate, is not the row's position in an export, or
    varies its letters: A00001, B00002)."""
    import re

    rule = _rules().get("row_numbers") or {}
    if c.n < int(rule.get("min_rows", 20)) or c.distinct < c.n:
        return False
    least = int(rule.get("min_digits", 3))
    pat = re.compile(rf"^(\D*)(\d{{{least},}})$")
    prefixes: set[str] = set()
    offsets: set[int] = set()
    for v, r in zip(c.values, c.rows):
        m = pat.match(v.strip())
        if m is None:
            return False
        prefixes.add(m.group(1))
        offsets.add(int(m.group(2)) - r)
        if len(prefixes) > 1 or len(offsets) > 1:
            return False
    return True


def numbers_rows_of_persons(c: ColumnProfile, cols: list[ColumnProfile]) -> bool:
    """Codes that change between rows of one person: an identity-document column of the table
    (resident ID, passport; masked values left out), or a key that follows one person's name
    one-to-one, repeats over rows (a person with several
    visits, doses or orders), and in ``holds.rows_of_a_person.min_share`` of the rows sharing an
    identity number this column's codes differ. A person's own number (patient, member,
    certificate) repeats with the person; codes that differ, unique to each row, number the rows
    (visits, orders). A staff number also differs between one patient's visits, but repeats over
    the table (one doctor, many rows): not released."""
    rule = _rules().get("rows_of_a_person") or {}
    least, share = int(rule.get("min_repeated_rows", 10)), float(rule.get("min_share", 0.95))
    if c.entity is not None or c.n == 0 or c.distinct_ratio < float(rule.get("min_distinct_ratio", 0.98)):
        return False  # codes repeating over rows (a doctor's or a case worker's number) are not one row's
    mine = {r: v.strip() for r, v in zip(c.rows, c.values)}
    for ident in cols:
        one_person = ident.entity in ("CN_RESIDENT_ID", "PASSPORT") or ident.keys_person_of is not None
        if not one_person or ident.free_text or ident is c:
            continue
        groups: dict[str, list[str]] = {}
        for r, v in zip(ident.rows, ident.values):
            key = v.strip()
            if "*" not in key and r in mine:
                groups.setdefault(key, []).append(mine[r])
        repeated = [g for g in groups.values() if len(g) > 1]
        rows = sum(len(g) for g in repeated)
        if rows >= least and sum(len(g) for g in repeated if len(set(g)) == len(g)) >= share * rows:
            return True
    return False


def _event_dates(c: ColumnProfile, today: dt.date) -> bool:
    return c.date_share >= 0.8


def _not_orgs(c: ColumnProfile) -> bool:
    """An organisation-name hint the values contradict (see ``classification._hint_only``)."""
    return any(e.startswith("an organisation name hint, but") for e in c.evidence)


#: kinds of names that say what a column's small numbers count (not only an entity or a person)
_COUNTING_KINDS = frozenset({"aggregate", "amount", "not_income", "code", "enum", "attribute", "event_date", "text"})


def _count_unit(name: str) -> bool:
    """The name ends in a unit of consumption or of counting people (``holds.count_units``),
    bracketed (用电量（千瓦时）) or as the last word of a Latin name (meterReadingKwh, water_m3)."""
    import re

    units = {str(u).lower() for u in _rules().get("count_units") or []}
    m = re.search(r"[(（]\s*([^()（）]+?)\s*[)）]\s*$", name)
    if m is not None:
        return m.group(1).lower() in units
    if not name.isascii():
        return False
    words = re.split(r"[^0-9a-z³]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower())
    return len([w for w in words if w]) > 1 and words[-1] in units


def _ages(c: ColumnProfile, cols: list[ColumnProfile], today: dt.date) -> bool:
    """Each row's age: the numbers follow the birth dates of the same rows (an ID number's digits
    or a birth-date column) with one offset, in ``holds.age_min_share`` of the rows."""
    from core.identifiers import birth_date_of_id
    from privacy.recognizers.date_of_birth import parse_date

    rule = _rules()
    mine = {r: v for r, v in zip(c.rows, c.values) if v.strip().isdigit()}
    for other in cols:
        if other.entity == "CN_RESIDENT_ID" and not other.free_text:
            born = {r: birth_date_of_id(v.strip()) for r, v in zip(other.rows, other.values)}
        elif other.entity == "DATE_OF_BIRTH":
            born = {r: parse_date(v) for r, v in zip(other.rows, other.values)}
        else:
            continue
        offsets = [
            (today.year - b.year - ((today.month, today.day) < (b.month, b.day))) - int(mine[r])
            for r, b in born.items()
            if b is not None and r in mine
        ]
        if len(offsets) < 10:
            continue
        best = max(
            range(-1, int(rule.get("age_max_offset", 10)) + 1), key=lambda o: sum(abs(x - o) <= 1 for x in offsets)
        )
        if sum(abs(x - best) <= 1 for x in offsets) >= float(rule.get("age_min_share", 0.8)) * len(offsets):
            return True
    return False


def _unexplained_numbers(c: ColumnProfile, cols: list[ColumnProfile], today: dt.date) -> bool:
    """Whole numbers (more than one value) that neither the name (a counting kind, a unit) nor the
    rows (each row's age) explain."""
    if c.numeric_range is None or not c.integer or c.distinct < 2:
        return False
    return not (c.info.kind in _COUNTING_KINDS or _count_unit(c.name) or _ages(c, cols, today))


def why_not_personal(c: ColumnProfile, today: dt.date, cols: list[ColumnProfile] | None = None) -> str | None:
    """The positive reason this column is not personal, or None (``cols``: the table's columns,
    for numbers that are each row's age)."""
    if c.entity in ("USCC", "ORG_NAME"):
        return f"{c.entity}: identifies an organisation"
    if c.n == 0:
        return "empty in the sample"
    kind = c.info.kind
    # names of organisations under an organisation name (定点康复机构: 某某康复中心) carry the words of
    # their trade (康复, 医院): not categories of the row's person
    org_names = (
        kind == "org_name_word"
        and not c.info.person
        and _org_name_share(c) >= org_or_place_share()
        and _category_hits(c, skip_orgs=True) is None
    )
    if kind not in ("aggregate", "code", "event_date", "amount", "not_income", "free_text_public") and not org_names:
        # evidence conflicts: few values, but they are health, offence, belief or welfare categories
        # (or whole sums of money) of the row's person: nothing shows the column is not personal
        if sensitive_categories(c) is not None or money_shaped(c):
            return None
    few_names = c.name_shape_share < 0.2
    if kind == "aggregate" and c.numeric_share >= 0.8:
        return "aggregate (counts, totals, rates)"
    if kind == "code" and few_names:
        return "a code or record number"
    if kind in ("enum", "attribute") and (few_names or _enum(c, 30)):
        return "an enumeration of categories" if kind == "enum" else "an attribute with few values (quasi-identifier)"
    if kind == "event_date" and (c.date_share + c.month_share >= 0.5 or c.numeric_share >= 0.8):
        return "the date or time of an event"
    if kind in ("amount", "not_income") and c.numeric_share >= 0.8:
        return "an amount that is not a person's income (by its name)"
    if (
        (kind == "free_text_public" or (kind == "org_name_word" and not c.info.person))
        and few_names
        and not _not_orgs(c)
    ):
        return "names or public text of organisations"
    if c.place_share >= 0.5:
        return "names of places"
    if c.place_share + _org_name_share(c) >= org_or_place_share():
        return "names of organisations and their sites (营业部, 分部, 网点)"
    if _division_codes(c):
        return "administrative division codes (GB/T 2260): regions, not addresses"
    if civil_causes(c):
        return "causes of action of civil or administrative cases (disputes, not offences)"
    if goods_measure(c, cols or []):
        return "measures of the goods in a table of shipments (weight of a parcel, not of a person)"
    if c.text is not None and not c.entity and not any(k for e, k in c.text.items() if e not in ("ORG_NAME", "USCC")):
        return "free text in which nothing personal was found (every analysed value)"
    if _enum(c) and (c.name_shape_share < 0.5 or c.n >= 50) and not _unexplained_numbers(c, cols or [], today):
        return f"an enumeration ({c.distinct} distinct values)"
    if _date_serials(c):
        return "serial numbers that begin with a date (orders, cases, work orders)"
    if row_numbers(c):
        return "the rows' own numbering (one prefix, then the row's position): a record number, not a person's"
    if c.code_share + c.numeric_share >= 0.8 and numbers_rows_of_persons(c, cols or []):
        return (
            "codes that differ between the rows of one person (by the ID numbers): numbers of records, not of persons"
        )
    if c.numeric_range is not None and c.numeric_range[0] >= 0 and _count_unit(c.name):
        return "quantities in the unit the name gives (consumption, distance, heads): not a person's body or property"
    if c.numeric_range is not None:
        lo, hi = c.numeric_range
        if c.integer and hi < 1000 and lo >= -1000:
            if not _unexplained_numbers(c, cols or [], today):
                return "small whole numbers (counts, scores, codes, ages) of which the name or the rows say what they count"
    if _event_dates(c, today):
        return "dates of events (not spread like birth dates)"
    # codes that repeat may still be persons' (a case worker's number): not a positive reason
    return None


def _looks(c: ColumnProfile) -> str:
    cats = sensitive_categories(c)
    if cats is not None:
        return f"categories of which {100 * cats[1]:.0f}% of sampled values are {cats[0]} terms"
    if money_shaped(c):
        return "whole sums of money of unknown meaning (could be a person's benefit, pay or fine)"
    if c.text is not None:
        found = ", ".join(f"{e} in {k} value(s)" for e, k in sorted(c.text.items()) if e not in ("ORG_NAME", "USCC"))
        return f"free text ({found or 'entities below the thresholds'})"
    if c.numeric_range is not None:
        if c.numeric_decimals and c.numeric_decimals <= 2:
            return "amounts of unknown meaning (could be a person's income or property)"
        if c.integer and c.numeric_range[1] < 1000:
            return "small whole numbers under a name that does not say what they count (could be a measurement of the person or offence points)"
        return f"numbers ({c.distinct} distinct in {c.n} sampled values)"
    if c.name_shape_share >= 0.2:
        return f"text shaped like names in {100 * c.name_shape_share:.0f}% of sampled values"
    if c.code_share >= 0.5:
        return f"identifiers or codes ({c.distinct} distinct in {c.n} sampled values)"
    return f"values of unknown meaning ({c.distinct} distinct in {c.n} sampled values)"


def person_numbers(c: ColumnProfile) -> bool:
    """Identifier-shaped codes (PersonIdRecognizer: letters and at least four digits), most values
    distinct: numbers of persons or of records, which the values alone cannot tell
    (``person_key.suspect_codes`` of levels.yaml)."""
    from privacy.recognizers.person_id import PersonIdRecognizer
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("person_key") or {}).get("suspect_codes") or {}
    if c.n == 0 or c.distinct_ratio < float(rule.get("min_distinct_ratio", 0.5)):
        return False
    rec, least = PersonIdRecognizer(), int(rule.get("min_length", 6))
    ok = sum(k for v, k in c.counts.items() if len(v.strip()) >= least and rec.match_cell(v, hinted=True) is not None)
    return ok >= float(rule.get("min_share", 0.8)) * c.n


def _one_per_person(cols: list[ColumnProfile]) -> bool:
    """The table has one row per person: an identity document column (resident ID, passport)
    whose sampled values are all but unique (``person_key.one_per_row`` of levels.yaml)."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("person_key") or {}).get("one_per_row") or {}
    ratio, least = float(rule.get("min_distinct_ratio", 0.98)), int(rule.get("min_rows", 20))
    return any(
        c.entity in ("CN_RESIDENT_ID", "PASSPORT") and not c.free_text and c.n >= least and c.distinct_ratio >= ratio
        for c in cols
    )


def _names_a_record(name: str, words: list[str]) -> bool:
    """The column's name says its codes number a transaction (a visit, an order, an application),
    not a person: ``person_key.one_per_row.record_words``."""
    import re

    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()
    tokens = set(re.split(r"[^0-9a-z]+", spaced))
    return any(w in tokens if w.isascii() else w in name for w in words)


def names_a_record(name: str) -> bool:
    """``person_key.one_per_row.record_words`` of levels.yaml: the name numbers a transaction,
    a case or an item (msgId, 信访件编号, lotNo), not a person."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("person_key") or {}).get("one_per_row") or {}
    words = [str(w) for w in rule.get("record_words") or []]
    return _names_a_record(name, words) or _spells_a_record(name, words)


def _spells_a_record(name: str, words: list[str]) -> bool:
    """The record words written in pinyin (``qianyue_bianhao``: 签约) or in initials before the
    initials of a representation term (``sqbh``, ``gsrdbh``: 申请, 认定 + 编号), both derived from
    ``record_words`` with pypinyin (``privacy/vocabulary/initialisms.yaml``); or the code term a
    pinyin name was read as holds one (``sqbh`` read as 申请编号)."""
    import re

    from privacy.name_hints import analyse_name
    from privacy.vocabulary import initialisms

    if any(t.kind == "code" and t.form != "zh" and any(w in t.term for w in words) for t in analyse_name(name).terms):
        return True
    rule = initialisms()
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()
    for tok in (t for t in re.split(r"[^a-z]+", spaced) if t):
        for full, short in rule["records"]:
            if tok.startswith(full) or any(tok.endswith(short + head) for head in rule["heads"]):
                return True
    return False


def _own_number(c: ColumnProfile) -> bool:
    """Letter-and-digit codes, one per sampled row: in a table of one row per person, each is as
    likely that person's own number (a certificate, member or bib number) as the row's."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("person_key") or {}).get("one_per_row") or {}
    return (
        c.entity is None
        and not names_a_record(c.name)
        and not _dated(c)
        and not row_numbers(c)
        and c.date_share + c.month_share < 0.5  # dates (迁入日期) are when something happened, not numbers
        and c.code_share >= float(rule.get("min_code_share", 0.8))
        and c.distinct_ratio >= float(rule.get("min_distinct_ratio", 0.98))
        and c.n >= int(rule.get("min_rows", 20))
    )


def _certificate_numbers(c: ColumnProfile) -> bool:
    """Certificate numbers in the 字号 form (川林证字（2011）第…号) under a name that says
    nothing (``person_key.certificate_numbers`` of levels.yaml)."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("person_key") or {}).get("certificate_numbers") or {}
    marks = [str(m) for m in rule.get("marks") or []]
    if c.info.kind is not None or c.n == 0 or c.distinct_ratio < float(rule.get("min_distinct_ratio", 0.9)):
        return False
    hits = sum(k for v, k in c.counts.items() if v.endswith("号") and any(m in v for m in marks))
    return hits >= float(rule.get("min_share", 0.8)) * c.n


def apply_holds(cols: list[ColumnProfile], subject: str, rows_org: bool, today: dt.date) -> None:
    """Hold every column of a table about people that nothing shows to be non-personal (a
    register of organisations with their representatives is not: its other columns describe
    the organisations)."""
    if subject not in HOLD_SUBJECTS or rows_org:
        return
    per_person = _one_per_person(cols)
    for c in cols:
        if c.level != "none" or c.lowered:
            continue
        if (per_person and _own_number(c)) or _certificate_numbers(c):
            c.review = True
            c.level = "personal"
            c.review_reason = "not recognised as non-personal in a table about people: " + (
                "certificate numbers (…证字…第…号) unique to each row, could be each person's certificate"
                if _certificate_numbers(c)
                else "codes unique to each row of a table with one row per person, could be each person's "
                "own number (certificate, member, ticket)"
            )
            c.evidence.append(c.review_reason + "; held for an officer's review")
            _suspect(c)
            if c.entity is None:
                c.entity = "PERSON_ID"
                c.evidence.append("suspected PERSON_ID (each row's own number), not confirmed: held whatever it is")
            continue
        if why_not_personal(c, today, cols) is not None:
            continue
        c.review = True
        c.level = "personal"
        about = "people" if subject == "people" else "people and organisations"
        c.review_reason = f"not recognised as non-personal in a table about {about}: {_looks(c)}"
        c.evidence.append(c.review_reason + "; held for an officer's review")
        _suspect(c)


#: entities a recognizer validates (check digits, real dates, allocated ranges): a held column under
#: such a name failed those checks, so identifier-shaped codes in it are more likely a person's number
_CHECKED = frozenset({"CN_RESIDENT_ID", "BANK_CARD", "CREDIT_CARD", "DATE_OF_BIRTH", "PHONE_NUMBER"})

#: entities whose values are words, never plain numbers
_WORDS = frozenset({"PERSON_NAME", "ADDRESS", "RELIGION", "MEDICAL_CONDITION", "CRIMINAL_RECORD"})


def _suspect(c: ColumnProfile) -> None:
    """A held column's most likely entity, for the officer who reviews it: the one its name
    suggests (the content neither confirmed nor ruled it out), else the sensitive vocabulary
    its values belong to. The column stays held whatever it is."""
    hint = c.hint
    entity = hint.entity if hint is not None and hint.entity not in (None, "ORG_NAME", "USCC") else None
    if entity in _WORDS and c.numeric_share >= 0.8:
        entity = None  # numbers under a name read as words (y_zj: 宗教 by its initials, or 月租金)
    by = "its name"
    if entity in _CHECKED and person_numbers(c):
        # the name says card, ID or birth date, but the codes failed that entity's checks
        entity, by = "PERSON_ID", f"its values: codes that fail the checks of the {entity} its name suggests"
    if entity is None:
        cats = sensitive_categories(c)
        if cats is not None and cats[0] in _WORDS:
            entity, by = cats[0], "its values"
        elif money_shaped(c) or (c.numeric_range is not None and 0 < c.numeric_decimals <= 2):
            entity, by = "PERSONAL_INCOME", "its values: amounts"
        elif person_numbers(c):
            entity, by = "PERSON_ID", "its values: identifier-shaped codes, nearly one per row"
    if entity is not None:
        c.entity = entity
        c.evidence.append(f"suspected {entity} (by {by}), not confirmed: held whatever it is")
