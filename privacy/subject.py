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

__all__ = ["PERSON_ENTITIES", "infer_subject", "organisation_reason", "rows_are_organisations"]

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
    """An organisation identifier (USCC, organisation name) is (nearly) unique per row, and the
    persons in the table are named by their role (法定代表人, 负责人) or absent: a register of
    organisations, not a table of people who happen to have an employer."""
    unique_org = any(c.entity in ("USCC", "ORG_NAME") and c.n >= 3 and c.distinct_ratio >= 0.9 for c in cols)
    if not unique_org:
        return False
    named_org = any(c.entity == "ORG_NAME" for c in cols)
    persons = [c for c in cols if c.entity in PERSON_ENTITIES or c.entity == "PERSON_NAME"]
    return named_org or not persons or all(c.info.person for c in persons)


def infer_subject(cols: list[ColumnProfile], context: dict | None) -> tuple[str, list[str]]:
    ctx = context or {}
    people: list[str] = []
    orgs: list[str] = []
    about = ctx.get("about_people")
    if about is True:
        return "people", ["context: about_people=true"]
    title = str(ctx.get("dataset_title") or ctx.get("title") or "")
    people_rx, places_rx, _ = _words()
    if title and about is None:
        if people_rx.search(title):
            people.append("dataset title names people")
        if places_rx.search(title):
            orgs.append("dataset title names organisations, places or statistics")
    has_org_cols = any(c.entity in ("ORG_NAME", "USCC") for c in cols)
    aggregates = 0
    for c in cols:
        if c.entity in PERSON_ENTITIES:
            people.append(f"column {c.name!r} is {c.entity}")
        elif c.entity == "PERSON_NAME" and (not has_org_cols or not c.info.person):
            people.append(f"column {c.name!r} is PERSON_NAME")
        elif c.info.people_key:
            people.append(f"column {c.name!r} keys people")
        if c.entity in ("ORG_NAME", "USCC"):
            orgs.append(f"column {c.name!r} is {c.entity}")
        elif c.place_share >= 0.5:
            orgs.append(f"column {c.name!r} names places")
        elif c.info.aggregate and c.numeric_range is not None:
            aggregates += 1
            orgs.append(f"column {c.name!r} holds aggregates")
    if about is False:
        return "organisations", ["context: about_people=false", *orgs[:2]]
    if people and orgs:
        if aggregates and not any(c.entity in PERSON_ENTITIES or c.entity == "PERSON_NAME" for c in cols):
            return "aggregates", orgs
        return "mixed", people + orgs
    if people:
        return "people", people
    if orgs:
        return ("aggregates" if aggregates and not has_org_cols else "organisations"), orgs
    return "unknown", []


def _personal_address_name(c: ColumnProfile) -> bool:
    return bool(_words()[2].search(c.name))


def organisation_reason(c: ColumnProfile, subject: str, rows_org: bool, why: list[str]) -> str | None:
    """Why this column's (personal-looking) values are an organisation's or a place's, if they are."""
    if c.info.person:
        return None  # 负责人电话, 车主: a named person's, in any table
    e = c.entity
    s = c.score
    about_orgs = subject in ("organisations", "aggregates") or (subject == "mixed" and rows_org)
    if c.info.org and e in ("PHONE_NUMBER", "EMAIL", "ADDRESS", "PRECISE_LOCATION", "LICENSE_PLATE", "IP_ADDRESS"):
        return f"the name ({c.info.key!r} after an organisation word) says it is an organisation's"
    if e == "PHONE_NUMBER" and s is not None:
        support = max(s.support(), 1)
        if s.extra.get("service", 0) >= 0.5 * support:
            return "mostly 400/800 service numbers (organisations' hotlines)"
        landlines = s.extra.get("landline", 0) + s.extra.get("service", 0)
        if landlines >= 0.5 * support and (about_orgs or subject == "mixed"):
            return "landlines in a table about organisations: their switchboards"
        return None
    if e == "EMAIL":
        if s is not None and s.extra.get("org_mailbox", 0) >= 0.5 * max(s.support(), 1):
            return "mostly organisation mailboxes (office@, *.gov.cn, *.edu.cn)"
        return None
    if e == "ADDRESS" and about_orgs and not _personal_address_name(c):
        return "the table's rows are organisations: their own address"
    if e == "PRECISE_LOCATION" and about_orgs:
        return "coordinates of organisations or places (" + "; ".join(why[:2]) + ")"
    if e in _SPECIAL and about_orgs:
        if subject == "aggregates":
            return "statistics about groups, not one person"
        return "the table's rows are organisations (penalties, services or finances of organisations)"
    return None
