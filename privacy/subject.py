"""What a table's rows are about, and what context may lower.

:func:`infer_subject` says ``people``, ``organisations`` (or places), ``mixed`` (a register of
organisations with their representatives, a table of people with their employers),
``aggregates`` (statistics) or ``unknown``, from the manifest's ``about_people``, the dataset
title and the columns.

:func:`organisation_reason` is the only way context lowers a level, and only for what is an
organisation's or a place's (PIPL Art. 4 and 73: information about an organisation or a place is
not personal information): switchboards and hotlines, office mailboxes, the organisation's own
address, coordinates of places, penalties against organisations, religions of religious sites,
statistics. Never the phone, plate, e-mail or IP of a named person: a role word in the name
(负责人电话, 车主) keeps the value a person's, in any table.
"""

from __future__ import annotations

import functools
import re

from privacy.profile import ColumnProfile

__all__ = ["PERSON_ENTITIES", "infer_subject", "organisation_reason", "person_evidence", "rows_are_organisations"]

#: Columns whose presence says the rows are people.
PERSON_ENTITIES = frozenset({"CN_RESIDENT_ID", "PASSPORT", "BANK_CARD", "CREDIT_CARD", "DATE_OF_BIRTH"})
#: Special categories that, in a table about organisations or in statistics, describe those.
_SPECIAL = frozenset({"MEDICAL_CONDITION", "RELIGION", "CRIMINAL_RECORD", "PERSONAL_INCOME"})


@functools.cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from privacy.vocabulary import value_terms

    v = value_terms("subjects")

    def rx(terms: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))), re.I)

    return rx(v["people"]), rx(v["places"]), rx(v["personal_address_words"])


def rows_are_organisations(cols: list[ColumnProfile]) -> bool:
    """An organisation or place identifier (USCC, organisation name, place name) is (nearly)
    unique per row, and the persons in the table are named by their role (法定代表人, 负责人) or
    absent: a register of organisations or places, not a table of people who happen to have an
    employer or a hospital."""

    def unique(c: ColumnProfile) -> bool:
        return c.n >= 3 and c.distinct_ratio >= 0.9

    def names_org(c: ColumnProfile) -> bool:
        named = c.entity is None and c.info.kind == "org_name_word" and c.cjk_share >= 0.5
        return c.entity in ("USCC", "ORG_NAME") or c.place_share >= 0.5 or named

    # rows numbered as records (a contract or case number, unique, first) on which an organisation's
    # code is unique while its names repeat (a developer's or project company's USCC on each sales
    # contract): the organisation is a party on many rows, the rows are the records and their
    # persons (the buyers), not a register of organisations
    org_names = [c for c in cols if c.entity == "ORG_NAME" and c.n >= 3]
    head = cols[0] if cols else None
    records = (
        head is not None and head.entity is None and head.info.kind == "code" and not head.info.org and unique(head)
    )
    names_repeat = records and bool(org_names) and not any(unique(c) for c in org_names)

    def row_org(c: ColumnProfile) -> bool:
        return unique(c) and names_org(c) and not (c.entity == "USCC" and names_repeat)

    persons = [c for c in cols if c.entity in PERSON_ENTITIES or c.entity == "PERSON_NAME"]
    facility = _facility_register(cols, persons) or _role_register(cols, persons)
    if not facility and not any(row_org(c) for c in cols):
        return False
    # what a row is about comes first: a complaint's complainant before the company complained
    # about is a table of people; a company before its legal representative, a register
    first = next((c for c in cols if ((facility and names_org(c)) or row_org(c)) or c in persons), None)
    if first is None or first in persons:
        return False
    if all(c.info.person for c in persons):
        return True
    # persons named without a role word, but only by name (no identity document, card or birth
    # date) after the organisation: its representatives or contacts
    return all(c.info.person or c.entity == "PERSON_NAME" for c in persons)


def _facility_register(cols: list[ColumnProfile], persons: list[ColumnProfile]) -> bool:
    """Rows that are facilities or offices, though their names repeat (several lockers, towers or
    stations of one operator share a name): each row has a place of its own, unique to it
    (coordinates, or an address not named as a home), and a contact of its own that the name
    gives to an organisation (值班电话, 客服电话, officePhone); the persons are only named (the
    staff on duty), with no identity document, card or birth date, and no health, offence,
    belief, income or welfare column speaks of them (``subject.facility_register`` of levels.yaml)."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("subject") or {}).get("facility_register") or {}
    ratio = float(rule.get("min_place_distinct_ratio", 0.9))
    about_persons = PERSON_ENTITIES | _SPECIAL
    if any(c.entity in about_persons or c.info.entity in about_persons or c.info.status for c in cols):
        return False
    if len(persons) > int(rule.get("max_person_columns", 2)):
        return False
    own_contact = any(c.info.org and not c.info.person and c.entity in ("PHONE_NUMBER", "EMAIL") for c in cols)
    own_place = any(
        c.n >= int(rule.get("min_rows", 20))
        and c.distinct_ratio >= ratio
        and not c.info.person
        and (c.entity == "PRECISE_LOCATION" or (c.entity == "ADDRESS" and not _personal_address_name(c)))
        for c in cols
    )
    return own_contact and own_place


def _role_register(cols: list[ColumnProfile], persons: list[ColumnProfile]) -> bool:
    """A register of organisations or venues whose names repeat (many sites share a name: 观音寺,
    社区卫生服务站): each row has a place of its own, unique to it and not a home (an address that
    is no flat, or coordinates), an organisation-name column, and the only persons are named by
    their role (负责人, principal_doctor: at most ``max_person_columns``) with no identity
    document, card, birth date, key of persons, status or free text about them. Special
    categories must be categories of the organisation (its religion, its clinical subjects: few
    short values), not one per row (``subject.role_register`` of levels.yaml). The role-named
    persons' own contacts stay theirs (:func:`organisation_reason`)."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("subject") or {}).get("role_register") or {}
    if not persons or len(persons) > int(rule.get("max_person_columns", 2)):
        return False
    if any(c.entity in PERSON_ENTITIES or not c.info.person for c in persons):
        return False
    if not any(c.entity == "ORG_NAME" or (c.entity is None and c.info.kind == "org_name_word") for c in cols):
        return False
    most = int(rule.get("max_category_values", 60))
    for c in cols:
        # a key of persons named by a role (负责人执业证书编号) is the role person's, like their phone
        if (c.info.people_key and not c.info.person) or c.info.status or c.free_text:
            return False
        special = c.entity in _SPECIAL or c.info.entity in _SPECIAL
        if special and (c.distinct > most or c.long_text_share > 0):
            return False
    least, ratio = int(rule.get("min_rows", 20)), float(rule.get("min_place_distinct_ratio", 0.9))
    return any(
        c.n >= least
        and c.distinct_ratio >= ratio
        and not c.info.person
        and (
            c.entity == "PRECISE_LOCATION"
            or (c.entity == "ADDRESS" and not _personal_address_name(c) and not _dwellings(c))
        )
        for c in cols
    )


def person_evidence(c: ColumnProfile) -> str | None:
    """Why this column says the rows are (about) people, if it does."""
    if c.entity in PERSON_ENTITIES:
        return f"column {c.name!r} is {c.entity}"
    if c.entity == "PERSON_NAME":
        s = c.score
        masked = s.masked / c.n if s is not None and c.n else 0.0
        latin = c.cjk_share < 0.5 and s is not None and s.valid >= 3
        if c.free_text or c.name_shape_share >= 0.3 or masked >= 0.3 or latin:  # not a column of surnames
            return f"column {c.name!r} holds names of persons"
    if c.entity == "PHONE_NUMBER" and c.score is not None:
        s = c.score
        fixed = s.extra.get("landline", 0) + s.extra.get("service", 0)
        if fixed < 0.5 * max(s.support(), 1):
            return f"column {c.name!r} holds mobile numbers"
    if c.entity == "EMAIL" and c.score is not None and _org_mailboxes(c):
        return None  # office@, *.gov.cn, *.edu.cn: the mailboxes of organisations say nothing of people
    if c.entity in ("EMAIL", "LICENSE_PLATE", "IP_ADDRESS") and not c.info.org:
        return f"column {c.name!r} is {c.entity}"
    if c.info.people_key:
        return f"column {c.name!r} keys people"
    if c.info.status and not c.info.aggregate:  # 低保人数 counts people, it is no one's status
        return f"column {c.name!r} is a person's welfare or credit status"
    return None


def _groups_by_status(cols: list[ColumnProfile]) -> bool:
    """Statistics broken down by welfare or aid categories (资助项目 by 区县): the only columns that
    speak of persons are status categories with few values (``subject.status_groups`` of
    levels.yaml), repeated over rows like the table's other grouping columns; nothing names,
    numbers or contacts a person. Each row is a group (region x category) and its counts, not
    one person's status."""
    from privacy.vocabulary import default_levels

    rule = (default_levels().get("subject") or {}).get("status_groups") or {}
    most, ratio = int(rule.get("max_distinct", 12)), float(rule.get("max_distinct_ratio", 0.2))
    evidence = [c for c in cols if person_evidence(c)]
    return bool(evidence) and all(
        c.entity is None
        and c.info.status
        and not c.info.people_key
        and not c.free_text
        and c.distinct <= most
        and c.distinct_ratio <= ratio
        for c in evidence
    )


def _org_mailboxes(c: ColumnProfile) -> bool:
    """Most (half) of the column's validated e-mail addresses are organisation mailboxes."""
    s = c.score
    return s is not None and s.extra.get("org_mailbox", 0) >= 0.5 * max(s.support(), 1)


def infer_subject(cols: list[ColumnProfile], context: dict | None) -> tuple[str, list[str]]:
    """people | organisations | mixed | aggregates | unknown, with the reasons."""
    ctx = context or {}
    about = ctx.get("about_people")
    if about is True:
        return "people", ["context: about_people=true"]
    people = [w for c in cols if (w := person_evidence(c))]
    orgs: list[str] = []
    aggregates: list[str] = []
    for c in cols:
        if c.entity in ("ORG_NAME", "USCC"):
            orgs.append(f"column {c.name!r} is {c.entity}")
        elif c.place_share >= 0.5:
            orgs.append(f"column {c.name!r} names places")
        if c.info.aggregate and c.numeric_range is not None:
            aggregates.append(f"column {c.name!r} holds aggregates")
    if about is False:
        return "organisations", ["context: about_people=false", *orgs[:2]]
    if rows_are_organisations(cols):
        return ("mixed", people + orgs) if people else ("organisations", orgs or ["rows are organisations"])
    if people and aggregates and _groups_by_status(cols):
        return "aggregates", [
            *aggregates,
            "persons only as categories of groups (no name, document or key of a person)",
        ]
    if people:
        return "people", people
    if aggregates:
        return "aggregates", aggregates
    if orgs:
        return "organisations", orgs
    title = str(ctx.get("dataset_title") or ctx.get("title") or "")
    people_rx, places_rx, _ = _words()
    if title and places_rx.search(title):
        return "organisations", ["dataset title names organisations, places or statistics"]
    if title and people_rx.search(title):
        return "people", ["dataset title names people"]
    if not _possible_tracks(cols):
        return "unknown", [NO_PERSONS]
    return "unknown", []


#: reason of an ``unknown`` subject when no column speaks of persons and none could group rows into
#: one entity's track: context may then lower coordinates and landlines (:func:`organisation_reason`)
NO_PERSONS = "no column names, numbers or contacts a person, and no code repeats over rows"


def _possible_tracks(cols: list[ColumnProfile]) -> bool:
    """A column of unrecognised codes (letters and digits, or whole numbers of six digits or more)
    that repeat over rows (a device, card or subscriber key): coordinates beside it may be one
    person's track."""

    from privacy.vocabulary import default_levels

    rule = (default_levels().get("subject") or {}).get("possible_tracks") or {}
    least, share = int(rule.get("min_digits", 6)), float(rule.get("min_code_share", 0.5))
    ratio = float(rule.get("max_distinct_ratio", 0.9))

    def key_like(c: ColumnProfile) -> bool:
        digits = sum(k for v, k in c.counts.items() if v.isdigit() and len(v) >= least)
        return c.code_share + digits / max(c.n, 1) >= share

    return any(
        c.entity is None and c.n >= 3 and c.distinct > 1 and c.distinct_ratio < ratio and key_like(c) for c in cols
    )


def _personal_address_name(c: ColumnProfile) -> bool:
    return bool(_words()[2].search(c.name))


def personal_address_words() -> re.Pattern[str]:
    """Words naming a person's home address (住址, 户籍, home: ``personal_address_words`` of
    ``values/subjects.yaml``)."""
    return _words()[2]


#: a dwelling's address ends in a flat: a building or unit mark, then a room number (室, 号, 户)
_FLAT_END = re.compile(r"\d{2,5}\s*[室号户]?\s*$")
#: share of sampled values that must be dwellings
DWELLING_SHARE = 0.5


@functools.cache
def _dwelling_marks() -> tuple[str, ...]:
    from privacy.vocabulary import value_terms

    return value_terms("subjects")["dwelling_marks"]


def _dwellings(c: ColumnProfile) -> bool:
    """Most sampled values are addresses down to a flat (3幢2单元501室, values/subjects.yaml
    ``dwelling_marks``): homes, not an organisation's own address."""
    marks = _dwelling_marks()
    hits = sum(k for v, k in c.counts.items() if any(m in v for m in marks) and _FLAT_END.search(v))
    return c.n > 0 and hits >= DWELLING_SHARE * c.n


def _narrates_harm(c: ColumnProfile) -> bool:
    """Sentences (not categories) of which most sampled values name an injury or an illness: an
    organisation has no health, the people it tells of do."""
    s = c.score
    sentences = sum(k for v, k in c.counts.items() if "，" in v or "。" in v)
    return sentences >= 0.5 * max(c.n, 1) and s is not None and s.support() >= 0.5 * max(c.n, 1)


def organisation_reason(c: ColumnProfile, subject: str, rows_org: bool, why: list[str]) -> str | None:
    """Why this column's (personal-looking) values are an organisation's or a place's, if they are."""
    if c.info.person:
        return None  # 负责人电话, 车主: a named person's, in any table
    e = c.entity
    s = c.score
    about_orgs = subject in ("organisations", "aggregates") or rows_org
    if e == "ADDRESS" and subject == "people" and not about_orgs and _dwellings(c):
        return None  # 服务地址 of a home-care order: flats of the people the rows are about
    narrative = s is None and c.long_text_share >= 0.5
    if narrative and e in ("PHONE_NUMBER", "EMAIL", "CN_RESIDENT_ID", "PASSPORT", "BANK_CARD"):
        return None  # identifiers inside sentences (a 110 call's account): of the people told of, not the owner's
    if c.info.org and e in (
        "PHONE_NUMBER",
        "EMAIL",
        "ADDRESS",
        "PRECISE_LOCATION",
        "LICENSE_PLATE",
        "IP_ADDRESS",
        "BANK_CARD",
    ):
        return f"the name ({c.info.key!r} after an organisation word) says it is an organisation's"
    if e == "PHONE_NUMBER" and s is not None:
        support = max(s.support(), 1)
        if s.extra.get("service", 0) >= 0.5 * support:
            return "mostly 400/800 service numbers (organisations' hotlines)"
        landlines = s.extra.get("landline", 0) + s.extra.get("service", 0)
        if landlines >= 0.5 * support and about_orgs:
            return "landlines in a table about organisations: their switchboards"
        if landlines >= 0.5 * support and subject == "unknown" and NO_PERSONS in why:
            return "landlines in a table where no column names, numbers or contacts a person: sites' phones"
        return None
    if e == "EMAIL":
        if _org_mailboxes(c):
            return "mostly organisation mailboxes (office@, *.gov.cn, *.edu.cn)"
        return None
    if e == "ADDRESS" and about_orgs and not _personal_address_name(c):
        return "the table's rows are organisations: their own address"
    if e == "PRECISE_LOCATION" and about_orgs:
        return "coordinates of organisations or places (" + "; ".join(why[:2]) + ")"
    if e == "PRECISE_LOCATION" and subject == "unknown" and NO_PERSONS in why:
        return "coordinates in a table where no column names, numbers or contacts a person: places"
    if e == "MEDICAL_CONDITION" and subject != "aggregates" and _narrates_harm(c):
        return None  # accounts of injuries or illness (事故经过) tell of people, not of the organisation
    if (e in _SPECIAL or c.special) and about_orgs:
        if subject == "aggregates":
            return "statistics about groups, not one person"
        return "the table's rows are organisations (penalties, services or finances of organisations)"
    return None
