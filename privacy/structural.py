"""Decisions read from the shape of a table about people rather than from word lists (issue 12,
recall round 6: what the earlier rounds' vocabularies did not carry to unseen tables).

Each function combines what the table's other columns say with how a column's values vary over
the rows; none of them adds words to a vocabulary. Thresholds are data: ``structural`` of
``privacy/levels.yaml``, each with its source.

* :func:`money_per_row`: amounts under a price or per-head name that differ from row to row in
  a table about people. A catalogue price or a tariff repeats a few levels (the README's judgement:
  price tiers and statutory fees are none); amounts that vary with each row are what that row's
  person paid or earned (GB/T 35273-2020 Annex B: 交易和消费记录, 收入), unless each row also names
  its own organisation and no column holds a person's identity document (a bid won by a company,
  with its contact persons).
* :func:`flags_without_name`: yes/no flags (是/否, Y/N) under a name that says nothing (a legacy
  field number, initials nobody can read, or 是否 + initials no vocabulary reads: sfdb). A flag tells nothing without its name, exactly like 0/1
  (already held): it may mark a relapse, a disability or a low-income discount.
* :func:`names_over_org_word`: values shaped like persons' names (a surname and one or two
  characters), varied, none shaped like an organisation's, under a generic organisation word
  (名称): the contracting household's or the taxpayer's name, not a company's.
* :func:`trajectory_places`: a table whose rows repeat one person's identifier (an ID number, a
  mobile, a key of persons; not a role-named clerk's) each at its own moment is a log of where
  those persons were: its coordinates, the places and venues of its rows are the person's
  whereabouts (GB/T 35273-2020 Annex B, 行踪轨迹), not an organisation's own address or site.
* :func:`property_addresses`: an address that is no home address by its name, in a table about
  people with a column measuring the floor area of a house or plot: the location of the person's
  property (GB/T 35273-2020 Annex B, 个人财产信息: 房产信息), sensitive like 房屋坐落.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from privacy.profile import ColumnProfile

__all__ = [
    "flags_without_name",
    "hold_structural",
    "money_per_row",
    "names_over_org_word",
    "persons_among_orgs",
    "property_addresses",
    "trajectory_places",
]


@functools.cache
def _rules() -> dict[str, Any]:
    from privacy.vocabulary import default_levels

    return dict(default_levels().get("structural") or {})


def _org_per_row(cols: list[ColumnProfile], ratio: float) -> bool:
    """Some column names an organisation (or its USCC) that changes with the rows, and no column
    holds a person's identity document: the rows are the organisations' (a bid won), the persons
    only their contacts."""
    documents = ("CN_RESIDENT_ID", "PASSPORT")
    if any((o.entity in documents or o.info.entity in documents) and not o.free_text for o in cols):
        return False  # (by its values, or by its name when they are masked)
    return any(o.entity in ("ORG_NAME", "USCC") and o.distinct_ratio >= ratio for o in cols)


def money_per_row(c: ColumnProfile, cols: list[ColumnProfile]) -> str | None:
    """Why the amounts of ``c`` are a person's money though its name says price or per head, or
    None (see the module). Only for a table about people (the caller decides)."""
    rule = _rules().get("money_per_row") or {}
    if c.numeric_range is None or c.numeric_range[0] < 0 or c.numeric_share < 0.8:
        return None
    priced = c.info.kind == "not_income"
    # an average or per-head amount in cents (人均纯收入 read as 人均 alone) varying with the rows is
    # the row's household's money, like one the name calls income; counts and scores are whole
    heads = [str(w).lower() for w in rule.get("per_head_words") or []]
    cents = not c.integer and c.numeric_decimals >= 1 and any(w in t.term.lower() for t in c.info.terms for w in heads)
    per_head = c.info.kind == "aggregate" and (cents or any(t.entity == "PERSONAL_INCOME" for t in c.info.terms))
    if not (priced or per_head):
        return None
    if c.distinct < int(rule.get("min_distinct", 20)) or c.distinct_ratio < float(rule.get("min_distinct_ratio", 0.2)):
        return None
    if _org_per_row(cols, float(rule.get("org_distinct_ratio", 0.5))):
        return None
    if priced:
        return (
            f"amounts under a price name that differ from row to row ({c.distinct} distinct in {c.n} sampled "
            "values), not a few catalogue prices: what each row's person paid"
        )
    return (
        f"an income per head that differs from row to row ({c.distinct} distinct in {c.n} sampled values): "
        "the income of each row's person or household, not a statistic"
    )


@functools.cache
def _flag_terms() -> frozenset[str]:
    return frozenset(str(t).strip().lower() for t in _rules().get("flag_values") or [])


def field_number(name: str) -> bool:
    """The name is a field's number, not a word: a legacy positional name (``name_rules.
    positional_prefixes``: zd01, 字段5, EXT_9) or one to three letters and a number (F10, C07, R9)."""
    from privacy.name_hints import _positional

    return _positional(name) or re.fullmatch(r"[A-Za-z]{1,3}[ _\-]?\d{1,3}", name.strip()) is not None


def unread_question(name: str) -> bool:
    """Pinyin initials of a yes/no question whose subject no vocabulary reads: ``sf`` (是否, the
    prefix of boolean data elements in the sectors' standards) and one or two more letters, one
    short word (sfdb, sfkn): the name says only that it asks something. Longer initials (sfsqzn)
    are a phrase someone chose, left to the vocabularies (false-alarm round 3)."""
    return re.fullmatch(r"sf[_\-]?[a-z]{1,2}", name.strip().lower()) is not None


def flags_without_name(c: ColumnProfile) -> bool:
    """Every sampled value is a yes/no flag (``structural.flag_values``) under a field number
    (:func:`field_number`) no vocabulary reads: nothing says what the flag marks. (A word nobody
    reads, sfsqzn, is still a word someone chose; a field number says nothing by design.)"""
    if c.info.terms or c.n == 0 or not (field_number(c.name) or unread_question(c.name)):
        return False
    terms = _flag_terms()
    return c.distinct >= 2 and all(v.strip().lower() in terms for v in c.counts)


def names_over_org_word(c: ColumnProfile) -> bool:
    """Values that read as persons' names outweigh a generic organisation word in the name (see
    the module): ``structural.person_names`` shares, and no value shaped like an organisation."""
    from privacy.recognizers.org_name import is_org_name

    rule = _rules().get("person_names") or {}
    if c.info.kind != "org_name_word" or c.n < int(rule.get("min_rows", 20)):
        return False
    if c.name_shape_share < float(rule.get("min_name_share", 0.9)):
        return False
    if c.distinct_ratio < float(rule.get("min_distinct_ratio", 0.5)):
        return False  # a few names repeated: shops or brands (张记, 老王) rather than persons
    orgs = sum(k for v, k in c.counts.items() if is_org_name(v))
    return orgs <= float(rule.get("max_org_share", 0.02)) * c.n


def persons_among_orgs(c: ColumnProfile) -> bool:
    """A column read as organisations' names in which persons' names are mixed: at least
    ``structural.person_names.mixed_min_name_share`` of the values shaped like persons' names, the
    rest shaped like organisations' (``mixed_max_other_share`` neither), varied. Taxpayers, buyers
    or parties are persons and companies alike; the persons' names among them are personal (GB/T
    35273-2020 Annex A), whatever share the companies have."""
    from privacy.recognizers.org_name import is_org_name

    rule = _rules().get("person_names") or {}
    read_org = c.entity == "ORG_NAME" or (c.entity is None and c.info.kind == "org_name_word")
    if not read_org or c.n < int(rule.get("min_rows", 20)) or c.info.org:
        return False
    if c.distinct_ratio < float(rule.get("min_distinct_ratio", 0.5)):
        return False
    if c.name_shape_share < float(rule.get("mixed_min_name_share", 0.5)):
        return False
    orgs = sum(k for v, k in c.counts.items() if is_org_name(v)) / c.n
    return 1.0 - c.name_shape_share - orgs <= float(rule.get("mixed_max_other_share", 0.05))


def _measures_property(c: ColumnProfile, words: list[str]) -> bool:
    return any(t.entity == "PERSONAL_INCOME" and any(w in t.term.lower() for w in words) for t in c.info.terms)


def property_addresses(cols: list[ColumnProfile]) -> list[ColumnProfile]:
    """Address columns of a table about people that locate the person's property (see the module):
    a column measures a floor or plot area (``structural.property_area_words``), and the address's
    name is no home's (住址, 户籍: ``personal_address_words``) nor a named role's."""
    from privacy.subject import personal_address_words

    words = [str(w).lower() for w in _rules().get("property_area_words") or []]
    if not words or not any(_measures_property(o, words) for o in cols):
        return []
    homes = personal_address_words()

    def home(c: ColumnProfile) -> bool:  # HJDZ read as 户籍地址
        return any(homes.search(text) for text in (c.name, *(t.term for t in c.info.terms)))

    return [
        c
        for c in cols
        if c.entity == "ADDRESS"
        and c.level == "personal"
        and (c.score is not None or c.free_text)  # the values are addresses, not only the name (房号)
        and c.info.kind in (None, "entity")  # not a certificate's number or a code that looks like one
        and not c.lowered
        and not c.info.person
        and not home(c)
    ]


def hold_structural(cols: list[ColumnProfile], subject: str, rows_org: bool) -> None:
    """Hold, in a table about people (the subjects :mod:`privacy.holds` holds in), the columns whose
    shape contradicts what their name explains: per-row money under a price or per-head name, and
    flags under a name that says nothing. Runs before :func:`privacy.holds.apply_holds`, which
    leaves held columns alone."""
    from privacy.holds import HOLD_SUBJECTS

    if subject not in HOLD_SUBJECTS or rows_org:
        return
    for c in cols:
        if c.level != "none" or c.lowered or c.review or c.entity is not None or c.special is not None:
            continue
        money = money_per_row(c, cols)
        if money is not None:
            reason, entity = money, "PERSONAL_INCOME"
        elif flags_without_name(c):
            reason, entity = "yes/no flags under a name that does not say what they mark (like 0/1)", None
        else:
            continue
        c.review, c.level = True, "personal"
        c.review_reason = f"not recognised as non-personal in a table about people: {reason}"
        c.evidence.append(c.review_reason + "; held for an officer's review")
        if entity is not None:
            c.entity = entity
            c.evidence.append(f"suspected {entity} (by its values), not confirmed: held whatever it is")


#: entities whose values identify the person a row is about (repeated over a log of that person)
_KEY_ENTITIES = frozenset({"CN_RESIDENT_ID", "PASSPORT", "PHONE_NUMBER", "LICENSE_PLATE", "PERSON_ID"})


def _person_log(cols: list[ColumnProfile]) -> ColumnProfile | None:
    """The identifier of the person whose log the table is (see :func:`trajectory_places`), or None:
    ``structural.trajectory`` thresholds."""
    rule = _rules().get("trajectory") or {}
    least, per = int(rule.get("min_rows", 50)), float(rule.get("min_rows_per_person", 3))
    moments = any(
        c.date_share >= 0.8 and c.distinct_ratio >= float(rule.get("min_moment_distinct_ratio", 0.5)) for c in cols
    )
    if not moments:
        return None
    for c in cols:
        if c.info.person or c.free_text or c.n < least or c.distinct < int(rule.get("min_persons", 5)):
            continue
        key = c.entity in _KEY_ENTITIES or c.special == "person_key" or c.info.people_key
        if key and c.n / c.distinct >= per:
            return c
    return None


def trajectory_places(cols: list[ColumnProfile]) -> tuple[ColumnProfile | None, list[ColumnProfile]]:
    """The person's identifier and the place columns of a log of persons (see the module): lowered
    coordinates, addresses that are no home by their name, and venues under an organisation word
    that no recognizer read as organisations. Only for a table about people (the caller decides)."""
    from privacy.subject import personal_address_words

    key = _person_log(cols)
    if key is None:
        return None, []
    homes = personal_address_words()
    places = []
    for c in cols:
        if c is key or c.info.person or c.n == 0:
            continue
        lowered = c.entity == "PRECISE_LOCATION" and c.lowered
        address = c.entity == "ADDRESS" and c.level == "personal" and not homes.search(c.name)
        venue = c.entity is None and c.special is None and c.info.kind == "org_name_word" and c.cjk_share >= 0.5
        if lowered or address or venue:
            places.append(c)
    return key, places
