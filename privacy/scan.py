"""Whole-column scan for structured identifiers, cheap enough for millions of values.

Unlike the classifier (which samples), :func:`scan_column` looks at EVERY value of a column --
for the leak gate on published output. It finds, both as whole cells and embedded in text:
resident ID numbers (18 digits with check char, legacy 15 digits), passports and permits (PRC
passports, Hong Kong/Macao/Taiwan permits, home-return permits, ICAO machine-readable lines with
valid check digits), UnionPay bank cards and international credit cards (Luhn), mainland mobile
numbers in every written form (``+86``/``0086``, spaces, dashes, full-width digits, integers),
personal e-mail addresses (organisation mailboxes are not counted), IP addresses and licence
plates:

1. full-width characters are folded to ASCII (NFKC) when a column has any;
2. ONE vectorised regex prefilter (``pyarrow.compute``, RE2: the union of every entity's
   pattern) keeps only candidate cells; nothing else looks at the other cells;
3. cells that are exactly one identifier are validated with vectorised checks (GB 11643 check
   char + birth date + region code; Luhn; the CN mobile ranges of ``phonenumbers``; strict
   RE2 forms for plates, IPs, passports and e-mails, with the public-suffix list);
4. the few candidates with an identifier inside longer text are validated in Python with the
   recognizers' own validators.

A value holding a valid resident ID is not also counted as a bank card (Gansu IDs start with
``62``). Counts are of *values* (cells), not of matches. :func:`scan_column` also says how many
cells had each entity's shape, and how many hits were embedded in text (the leak gate judges
weak formats -- a 16-digit number that passes Luhn -- by their share).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from core.identifiers import division_codes, is_valid_resident_id, luhn_ok, mobile_regex, national_mobile

__all__ = [
    "ALL_ENTITIES",
    "SCANNED_ENTITIES",
    "Hits",
    "find_sensitive_values",
    "scan_column",
    "scan_table",
    "valid_id_mask",
]

#: what :func:`find_sensitive_values` looks for by default (ID numbers, bank cards, mobiles)
SCANNED_ENTITIES: tuple[str, ...] = ("CN_RESIDENT_ID", "BANK_CARD", "PHONE_NUMBER")
#: every structured entity the leak gate looks for
ALL_ENTITIES: tuple[str, ...] = (
    "CN_RESIDENT_ID",
    "PASSPORT",
    "BANK_CARD",
    "CREDIT_CARD",
    "PHONE_NUMBER",
    "EMAIL",
    "IP_ADDRESS",
    "LICENSE_PLATE",
)

_ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_ID_CHECK_VALUE = np.array([1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int64)  # "10X98765432"
_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)

# RE2 prefilters (no look-arounds in RE2: boundaries are spelled out)
# (an 18-character ID may be written in groups 6-8-4 with a space or dash between them)
_ID_ANY = r"(?:^|[^0-9A-Za-z])[1-9]\d{5}[ \-]?(?:18|19|20)\d{2}[01]\d[0-3]\d[ \-]?\d{3}[0-9Xx](?:[^0-9A-Za-z]|$)|(?:^|[^0-9])[1-9]\d{14}(?:[^0-9]|$)"
#: an 18-character ID shape glued to a letter or digit (an identifier built on the ID number: a
#: disability certificate is the ID and two digits, a national student number G and the ID)
_ID_SHAPE = r"[1-9]\d{5}(?:18|19|20)\d{2}[01]\d[0-3]\d\d{3}[0-9Xx]"
_ID_GLUED_ANY = rf"[0-9A-Za-z]{_ID_SHAPE}|{_ID_SHAPE}[0-9A-Za-z]"
_CARD_ANY = r"(?:^|[^0-9A-Za-z])62\d{2}[ \-]?\d{4}[ \-]?\d{4}[ \-]?\d{4}[ \-]?\d{0,3}(?:[^0-9A-Za-z]|$)"
_CREDIT_ANY = (
    r"(?:^|[^0-9A-Za-z])(?:4\d{3}|5[1-5]\d{2}|2[2-7]\d{2}|35\d{2})(?:[ \-]?\d{4}){3}(?:[^0-9A-Za-z]|$)"
    r"|(?:^|[^0-9A-Za-z])3[47]\d{2}[ \-]?\d{6}[ \-]?\d{5}(?:[^0-9A-Za-z]|$)"
)
_MOBILE_ANY = r"(?:^|[^0-9])1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?:[^0-9]|$)"
_L = "A-HJ-NP-Z"
_PASSPORT_FORMS = rf"E[0-9{_L}]\d{{7}}|[EGCWLT]\d{{8}}|[DSP]E?\d{{7}}|C[{_L}]\d{{7}}|[HM]\d{{8}}(?:\d{{2}})?"
_PASSPORT_ANY = (
    rf"(?:^|[^0-9A-Za-z])(?:{_PASSPORT_FORMS})(?:[^0-9A-Za-z]|$)"
    r"|[A-Z0-9<]{9}\d[A-Z<]{3}\d{6}\d[MF<]\d{6}\d"  # ICAO 9303 line 2
)
_EMAIL_ANY = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}"
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IP_ANY = (
    rf"(?:^|[^0-9.])(?:{_OCTET}\.){{3}}{_OCTET}(?:[^0-9.]|\.[^0-9]|\.$|$)"
    r"|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){7}|[0-9A-Fa-f]{0,4}::[0-9A-Fa-f]{1,4}"
)
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE_BODY = rf"(?:[DF][{_L}0-9]\d{{4}}|\d{{5}}[DF]|[DF]\d{{5}}|[{_L}0-9]{{4}}[{_L}0-9挂学警港澳领])"
_PLATE_ANY = rf"[{_PROVINCES}][{_L}][·• \-]?{_PLATE_BODY}(?:[^0-9A-Za-z]|$)"
_SEPARATORS = r"[\s\-]"
_FULLWIDTH = r"[\x{FF10}-\x{FF19}\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A}\x{FF20}\x{FF0B}\x{3000}]"

_PREFILTER = {
    "CN_RESIDENT_ID": (_ID_ANY, _ID_GLUED_ANY),
    "BANK_CARD": (_ID_ANY, _CARD_ANY),
    "CREDIT_CARD": (_CREDIT_ANY,),
    "PHONE_NUMBER": (_MOBILE_ANY,),
    "PASSPORT": (_PASSPORT_ANY,),
    "EMAIL": (_EMAIL_ANY,),
    "IP_ADDRESS": (_IP_ANY,),
    "LICENSE_PLATE": (_PLATE_ANY,),
}

_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:[1-9]\d{5}[ \-]?\d{8}[ \-]?\d{3}[0-9Xx]|[1-9]\d{14})(?![0-9A-Za-z])")
_ID_GLUED_IN_TEXT = re.compile(rf"(?=({_ID_SHAPE}))")  # every start, overlapping
_CARD_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])62\d{2}(?:[ \-]?\d{4}){3}(?:[ \-]?\d{1,3})?(?![0-9A-Za-z])")
_CREDIT_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])(?:(?:4\d{3}|5[1-5]\d{2}|2[2-7]\d{2}|35\d{2})(?:[ \-]?\d{4}){3}|3[47]\d{2}[ \-]?\d{6}[ \-]?\d{5})"
    r"(?![0-9A-Za-z])"
)
_MOBILE_IN_TEXT = re.compile(r"(?<![0-9])(?:(?:\+|00)?86[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?![0-9])")

#: a character every candidate of an entity holds (checked with a literal search first), or ""
_GATES = {"EMAIL": "@", "IP_ADDRESS": ".", "PASSPORT": "[A-Z<]", "LICENSE_PLATE": f"[{_PROVINCES}]"}
#: entities whose whole-cell form is distinctive enough that one value is a leak
STRONG_FORMS = frozenset({"EMAIL", "IP_ADDRESS", "LICENSE_PLATE"})


@dataclass
class Hits:
    """One entity in one column: cells holding a valid value, cells with the entity's shape
    (valid or not), and valid values found inside longer text."""

    cells: int = 0
    candidates: int = 0
    embedded: int = 0
    #: 18-digit ID numbers with a valid check char, ICAO lines with valid check digits
    checked: int = 0
    #: cells holding a valid ID number glued inside a longer code (not counted in ``cells``), and
    #: cells with such a glued shape: a finding when it is how the column's codes are built
    glued: int = 0
    glued_candidates: int = 0

    def add(self, other: Hits) -> None:
        """Add another batch's counts of the same entity and column."""
        for name in ("cells", "candidates", "embedded", "checked", "glued", "glued_candidates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@functools.cache
def _region_codes() -> np.ndarray:
    return np.array(sorted(int(c) for c in division_codes()), dtype=np.int64)


def _as_strings(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    t = array.type
    if pa.types.is_dictionary(t):
        array = array.dictionary_decode()
        t = array.type
    if pa.types.is_large_string(t):
        return array
    if not pa.types.is_string(t):
        array = pc.cast(array, pa.string())
    return array


def _char_matrix(arr: pa.Array, width: int) -> np.ndarray:
    """(n, width) uint8 matrix of an all-``width``-long, non-null string array."""
    arr = pc.cast(arr, pa.large_string()) if not pa.types.is_large_string(arr.type) else arr
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = np.frombuffer(arr.buffers()[2], dtype=np.uint8)
    return data[offsets[:-1, None] + np.arange(width)[None, :]]


def _date_ok(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    today = dt.date.today()
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    m = np.clip(month, 0, 12)
    dim = _DAYS[m] + ((m == 2) & leap)
    ok = (month >= 1) & (month <= 12) & (day >= 1) & (day <= dim) & (year >= 1880)
    ymd = year * 10000 + month * 100 + day
    return ok & (ymd <= today.year * 10000 + today.month * 100 + today.day)


def valid_id_mask(arr: pa.Array) -> np.ndarray:
    """Vectorised GB 11643 validity of each value of a string array (whole cell, 15 or 18
    characters; nulls and other lengths are False). Same rules as
    :func:`core.identifiers.is_valid_resident_id`."""
    arr = _as_strings(arr)
    n = len(arr)
    out = np.zeros(n, dtype=bool)
    lengths = pc.fill_null(pc.utf8_length(arr), 0).to_numpy(zero_copy_only=False)
    for width in (18, 15):
        idx = np.nonzero(lengths == width)[0]
        if not len(idx):
            continue
        sub = arr.take(pa.array(idx))
        pattern = r"^[1-9]\d{16}[0-9Xx]$" if width == 18 else r"^[1-9]\d{14}$"
        fmt = pc.fill_null(pc.match_substring_regex(sub, pattern), False).to_numpy(zero_copy_only=False)
        idx, sub = idx[fmt], sub.filter(pa.array(fmt))
        if not len(idx):
            continue
        mat = _char_matrix(sub, width).astype(np.int64)
        digits = mat - 48
        region = digits[:, :6] @ np.array([100000, 10000, 1000, 100, 10, 1])
        ok = np.isin(region, _region_codes())
        if width == 18:
            year = digits[:, 6:10] @ np.array([1000, 100, 10, 1])
            month, day = digits[:, 10] * 10 + digits[:, 11], digits[:, 12] * 10 + digits[:, 13]
            last = np.where((mat[:, 17] == ord("X")) | (mat[:, 17] == ord("x")), 10, digits[:, 17])
            ok &= _ID_CHECK_VALUE[(digits[:, :17] @ _ID_WEIGHTS) % 11] == last
        else:
            year = 1900 + digits[:, 6] * 10 + digits[:, 7]
            month, day = digits[:, 8] * 10 + digits[:, 9], digits[:, 10] * 10 + digits[:, 11]
        ok &= _date_ok(year, month, day)
        out[idx[ok]] = True
    return out


def _luhn_mask(arr: pa.Array, widths: range = range(16, 20)) -> np.ndarray:
    """Luhn validity of all-digit strings of the given lengths."""
    n = len(arr)
    out = np.zeros(n, dtype=bool)
    lengths = pc.fill_null(pc.utf8_length(arr), 0).to_numpy(zero_copy_only=False)
    for width in widths:
        idx = np.nonzero(lengths == width)[0]
        if not len(idx):
            continue
        digits = _char_matrix(arr.take(pa.array(idx)), width).astype(np.int64) - 48
        rev = digits[:, ::-1]
        doubled = rev[:, 1::2] * 2
        doubled = np.where(doubled > 9, doubled - 9, doubled)
        out[idx] = (rev[:, 0::2].sum(axis=1) + doubled.sum(axis=1)) % 10 == 0
    return out


def _mask(arr: pa.Array, pattern: str) -> np.ndarray:
    return pc.fill_null(pc.match_substring_regex(arr, pattern), False).to_numpy(zero_copy_only=False)


def _embedded(values: list[str | None], rx: re.Pattern[str], check: Callable[[str], bool]) -> np.ndarray:
    return np.array([v is not None and any(check(m.group()) for m in rx.finditer(v)) for v in values], dtype=bool)


def _glued(values: list[str | None]) -> np.ndarray:
    """Which values hold a valid ID number at some position of a longer code (every start tried)."""
    return np.array(
        [
            v is not None and any(is_valid_resident_id(m.group(1)) for m in _ID_GLUED_IN_TEXT.finditer(v))
            for v in values
        ],
        dtype=bool,
    )


def _card_ok(text: str) -> bool:
    digits = re.sub(r"[ \-]", "", text)
    return 16 <= len(digits) <= 19 and luhn_ok(digits) and not is_valid_resident_id(digits)


def _credit_ok(text: str) -> bool:
    digits = re.sub(r"[ \-]", "", text)
    return 15 <= len(digits) <= 16 and luhn_ok(digits)


def _mobile_ok(text: str) -> bool:
    return bool(mobile_regex().fullmatch(national_mobile(text)))


def _looks_serial(arr: pa.Array) -> bool:
    """Evenly increasing integers in row order: record numbers, never phone numbers (the head
    of the column is looked at first: most columns are rejected there)."""
    if len(arr) < 10:
        return False
    if len(arr) > 4000 and not _looks_serial(arr.slice(0, 2000)):
        return False
    nums = pc.cast(arr, pa.float64(), safe=False) if pa.types.is_integer(arr.type) else None
    if nums is None:
        try:
            nums = pc.cast(pc.replace_substring_regex(arr, _SEPARATORS, ""), pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return False
    x = nums.to_numpy(zero_copy_only=False)
    x = x[~np.isnan(x)]
    if len(x) < 10:
        return False
    d = np.diff(x)
    return bool((d > 0).mean() >= 0.98 and len(np.unique(d)) <= max(3, len(d) // 20))


@functools.cache
def _validators():
    """The recognizers' whole-cell matchers, for candidates inside text (imported lazily)."""
    from privacy.recognizers import recognizers

    recs = recognizers()
    return {
        "PASSPORT": recs["PassportRecognizer"],
        "EMAIL": recs["EmailAddressRecognizer"],
        "IP_ADDRESS": recs["IpAddressRecognizer"],
        "LICENSE_PLATE": recs["LicensePlateRecognizer"],
    }


def _text_entity(entity: str, values: list[str | None]) -> np.ndarray:
    """Per value: does it hold a valid ``entity`` (passport, e-mail, IP, plate) anywhere?"""
    from privacy.recognizers.email import is_org_mailbox

    rec = _validators()[entity]
    out = np.zeros(len(values), dtype=bool)
    for i, v in enumerate(values):
        if v is None:
            continue
        for span in rec.find_in_text(v):
            if span.score < 0.4:
                continue
            if entity == "EMAIL" and is_org_mailbox(v[span.start : span.end]):
                continue
            out[i] = True
            break
    return out


_CREDIT_EXACT = r"^(?:(?:4\d{3}|5[1-5]\d{2}|2[2-7]\d{2}|35\d{2})\d{12}|3[47]\d{13})$"


def _cards(
    arr: pa.Array, compact: pa.Array, id_valid: np.ndarray, prefilter: str, exact_rx: str, widths: range, in_text, ok
) -> Hits:
    """Card numbers: whole cells by a vectorised Luhn check, the rest inside text in Python.
    A valid ID number is never also counted as a card (Gansu IDs start with 62)."""
    cand = _mask(arr, prefilter) & ~id_valid
    if not cand.any():
        return Hits()
    idx = np.nonzero(cand)[0]
    sub = compact.take(pa.array(idx))
    exact = _mask(sub, exact_rx)
    valid = np.zeros(len(idx), dtype=bool)
    if exact.any():
        e = np.nonzero(exact)[0]
        valid[e] = _luhn_mask(sub.take(pa.array(e)), widths)
    rest = np.nonzero(~exact)[0]
    emb = np.zeros(len(idx), dtype=bool)
    if len(rest):
        emb[rest] = _embedded(arr.take(pa.array(idx[rest])).to_pylist(), in_text, ok)
    return Hits(int((valid | emb).sum()), len(idx), int(emb.sum()))


def scan_column(array: pa.Array | pa.ChunkedArray, entities: tuple[str, ...] = ALL_ENTITIES) -> dict[str, Hits]:
    """For every entity asked: cells holding a valid value (whole cell or inside text), cells
    with its shape, hits inside longer text. Integer columns are read as their digits (phones
    stored as integers); full-width digits count."""
    out = {e: Hits() for e in entities}
    arr = _as_strings(array)
    if len(arr) == 0 or arr.null_count == len(arr):
        return out
    # one pass of the union of the prefilters; the rest looks at the candidate cells only
    wanted = dict.fromkeys(p for e in entities for p in _PREFILTER[e])
    union = "|".join(wanted) + "|" + _FULLWIDTH
    any_cand = _mask(arr, union)
    if not any_cand.any():
        return out
    column_strings = arr
    arr = arr.take(pa.array(np.nonzero(any_cand)[0]))
    if _mask(arr, _FULLWIDTH).any():
        arr = pc.utf8_normalize(arr, "NFKC")
    compact = pc.replace_substring_regex(arr, _SEPARATORS, "")
    id_valid = np.zeros(len(arr), dtype=bool)
    if "CN_RESIDENT_ID" in entities or "BANK_CARD" in entities:
        cand = _mask(arr, _ID_ANY)
        if cand.any():
            idx = np.nonzero(cand)[0]
            sub = arr.take(pa.array(idx))
            sub_compact = compact.take(pa.array(idx))
            whole = valid_id_mask(sub_compact)
            checked = whole & (pc.fill_null(pc.utf8_length(sub_compact), 0).to_numpy(zero_copy_only=False) == 18)
            rest = np.nonzero(~whole)[0]
            embedded = np.zeros(len(idx), dtype=bool)
            if len(rest):
                embedded[rest] = _embedded(
                    sub.take(pa.array(rest)).to_pylist(),
                    _ID_IN_TEXT,
                    lambda t: is_valid_resident_id(re.sub(r"[ \-]", "", t)),
                )
            id_valid[idx] = whole | embedded
            if "CN_RESIDENT_ID" in out:
                h = out["CN_RESIDENT_ID"]
                h.cells, h.candidates = int((whole | embedded).sum()), len(idx)
                h.embedded, h.checked = int(embedded.sum()), int(checked.sum()) + int(embedded.sum())
    if "CN_RESIDENT_ID" in entities:
        glued = _mask(compact, _ID_GLUED_ANY) & ~id_valid
        if glued.any():
            idx = np.nonzero(glued)[0]
            found = _glued(compact.take(pa.array(idx)).to_pylist())
            h = out["CN_RESIDENT_ID"]
            h.glued, h.glued_candidates = int(found.sum()), len(idx)
    for entity, prefilter, exact_rx, widths, in_text, ok_text in (
        ("BANK_CARD", _CARD_ANY, r"^62\d{14,17}$", range(16, 20), _CARD_IN_TEXT, _card_ok),
        ("CREDIT_CARD", _CREDIT_ANY, _CREDIT_EXACT, range(15, 17), _CREDIT_IN_TEXT, _credit_ok),
    ):
        if entity in entities:
            out[entity] = _cards(arr, compact, id_valid, prefilter, exact_rx, widths, in_text, ok_text)
    if "PHONE_NUMBER" in entities:
        cand = _mask(arr, _MOBILE_ANY)
        if cand.any():
            idx = np.nonzero(cand)[0]
            sub = pc.replace_substring_regex(compact.take(pa.array(idx)), r"^(?:\+86|0086|86(\d{11})$)", r"\1")
            sub = pc.replace_substring_regex(sub, r"\.0$", "")  # integers that went through a float column
            exact = _mask(sub, f"^(?:{mobile_regex().pattern})$")
            if exact.any() and _looks_serial(column_strings):
                exact[:] = False  # record numbers that happen to fall in mobile ranges
            emb = np.zeros(len(idx), dtype=bool)
            rest = np.nonzero(~exact & ~_mask(sub, r"^\d+$"))[0]
            if len(rest):
                emb[rest] = _embedded(arr.take(pa.array(idx[rest])).to_pylist(), _MOBILE_IN_TEXT, _mobile_ok)
            out["PHONE_NUMBER"] = Hits(int((exact | emb).sum()), len(idx), int(emb.sum()))
    for entity, exact_rx in (
        ("PASSPORT", rf"^(?:{_PASSPORT_FORMS})$"),
        ("EMAIL", rf"^{_EMAIL_ANY}$"),
        ("IP_ADDRESS", rf"^(?:{_OCTET}\.){{3}}{_OCTET}$"),
        ("LICENSE_PLATE", rf"^[{_PROVINCES}][{_L}][·• \-]?{_PLATE_BODY}$"),
    ):
        if entity not in entities:
            continue
        gate = _GATES[entity]  # a cheap test (a literal, a character class) before the entity's regex
        if len(gate) == 1:
            cand = pc.fill_null(pc.match_substring(arr, gate), False).to_numpy(zero_copy_only=False)
        else:
            cand = _mask(arr, gate)
        if not cand.any():
            continue
        cand &= _mask(arr, _PREFILTER[entity][0])
        if not cand.any():
            continue
        idx = np.nonzero(cand)[0]
        sub = arr.take(pa.array(idx))
        trimmed = pc.utf8_trim_whitespace(sub)
        exact = _mask(trimmed, exact_rx)
        if entity == "EMAIL" and exact.any():
            exact &= ~_mask(trimmed, _org_mailbox_rx()) & _mask(trimmed, _tld_rx())
        elif entity == "IP_ADDRESS" and exact.any():
            exact &= ~_mask(trimmed, r"^\d\.\d\.\d\.")  # version numbers, not addresses
        rest = np.nonzero(~exact)[0]
        emb = np.zeros(len(idx), dtype=bool)
        if len(rest):
            emb[rest] = _text_entity(entity, sub.take(pa.array(rest)).to_pylist())
        out[entity] = Hits(int((exact | emb).sum()), len(idx), int(emb.sum()))
    return out


@functools.cache
def _org_mailbox_rx() -> str:
    from privacy.recognizers.email import _ORG_DOMAIN, _ORG_LOCAL

    return f"(?i)(?:{_ORG_LOCAL.pattern})|(?:{_ORG_DOMAIN.pattern})"


@functools.cache
def _tld_rx() -> str:
    from privacy.recognizers.email import public_suffixes

    tlds = sorted(t for t in public_suffixes() if t.isascii() and t.isalnum())
    return rf"(?i)\.(?:{'|'.join(tlds)})$"


def find_sensitive_values(
    array: pa.Array | pa.ChunkedArray, entities: tuple[str, ...] = SCANNED_ENTITIES
) -> dict[str, int]:
    """Number of values of ``array`` holding a *valid* identifier of each entity asked (as the
    whole value or inside text), checked on ALL values; zeros included. Roughly 5-20 M values/s
    for columns without candidates, ~1-2 M values/s for columns full of identifiers."""
    return {e: h.cells for e, h in scan_column(array, entities).items()}


def scan_table(table: pa.Table, entities: tuple[str, ...] = SCANNED_ENTITIES) -> dict[str, dict[str, int]]:
    """:func:`find_sensitive_values` for every string or integer column; only non-zero counts."""
    out: dict[str, dict[str, int]] = {}
    for name in table.column_names:
        col = table.column(name)
        t = col.type
        if not (
            pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_integer(t) or pa.types.is_dictionary(t)
        ):
            continue
        found = {k: v for k, v in find_sensitive_values(col, entities).items() if v}
        if found:
            out[name] = found
    return out
