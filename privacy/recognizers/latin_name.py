"""Person names written in Latin letters (entity PERSON_NAME): pinyin names (``Zhang Wei``,
``ZHANG San``, ``Wang Xiaoming``, ``Ouyang Jianguo``) and names in other languages (``John
Smith``, ``Maria Garcia``).

A pinyin name is a pinyin surname (derived from the surname list with pypinyin, never typed)
plus a given name made of one to three valid pinyin syllables; an English name is two or three
capitalised words with a common given name or surname among them. Under a name hint a single
pinyin or English word is a name too (split surname / given-name columns: ``Zhang`` / ``Wei``).
"""

from __future__ import annotations

import functools
import re

from privacy.recognizers._base import CellMatch, CellRecognizer, Span, nfkc

_WORDS = re.compile(r"^[A-Za-z][A-Za-z'\-]*(?:[ .,][ ]?[A-Za-z][A-Za-z'\-]*){0,3}$")
_IN_TEXT = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?![A-Za-z])")


@functools.cache
def _sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from privacy.vocabulary import pinyin_surnames, pinyin_syllables, value_terms

    v = value_terms("persons")
    english = frozenset(t.lower() for t in v["english_given_names"] + v["english_surnames"])
    return pinyin_surnames(), pinyin_syllables(), english


@functools.cache
def pinyin_split(word: str) -> tuple[str, ...] | None:
    """``xiaoming`` -> ``("xiao", "ming")``: the fewest valid pinyin syllables, or None."""
    syllables = _sets()[1]
    w = word.lower().replace("'", "").replace("-", "")
    if not w or len(w) > 18:
        return None
    best: list[tuple[str, ...] | None] = [None] * (len(w) + 1)
    best[0] = ()
    for i in range(len(w)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(w), i + 6) + 1):
            if w[i:j] in syllables:
                cand = best[i] + (w[i:j],)  # type: ignore[operator]
                if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    return best[len(w)]


def _is_pinyin_name(words: list[str]) -> bool:
    surnames = _sets()[0]
    lower = [w.lower().replace("-", "") for w in words]
    for s_idx in (0, len(words) - 1):  # Zhang Wei / Wei Zhang
        if lower[s_idx] not in surnames:
            continue
        given = [w for i, w in enumerate(lower) if i != s_idx]
        parts = [pinyin_split(g) for g in given]
        if given and all(p is not None and 1 <= len(p) <= 3 for p in parts):
            return True
    return False


def _is_english_name(words: list[str]) -> bool:
    english = _sets()[2]
    return all(w[:1].isupper() for w in words) and any(w.lower() in english for w in words)


class LatinNameRecognizer(CellRecognizer):
    ENTITY = "PERSON_NAME"
    CONTEXT = ("name", "姓名")

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = nfkc(value).strip()
        if not v or not _WORDS.match(v):
            return None
        words = [w for w in re.split(r"[ .,]+", v) if w]
        if 2 <= len(words) <= 3:
            if _is_pinyin_name(words) or _is_english_name(words):
                return "valid"
            return None
        if len(words) == 1 and hinted:
            w = words[0].lower()
            surnames, _, english = _sets()
            split = pinyin_split(w)
            if w in surnames or w in english or (split is not None and 1 <= len(split) <= 3):
                return "valid"
        return None

    def find_in_text(self, text: str) -> list[Span]:
        out = []
        for m in _IN_TEXT.finditer(nfkc(text)):
            words = m.group().split()
            if _is_pinyin_name(words) or _is_english_name(words):
                out.append(Span(m.start(), m.end(), 0.6, "latin name"))
        return out
