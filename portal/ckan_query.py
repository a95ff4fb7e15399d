"""The Solr query syntax CKAN clients send in ``package_search``'s ``q`` and ``fq`` (pure).

The subset real clients and harvesters use: ``*:*``; free text (one or more words, searched in
the full-text index); ``field:value``, ``field:"a phrase"``, ``field:val*`` (wildcards),
``field:*`` (has a value), ``field:[a TO b]`` / ``{a TO b}`` ranges with ``*`` open ends and Solr
date math (``NOW``, ``NOW-7DAYS``, ``NOW/DAY``), ``field:(a OR b)``; ``AND`` / ``&&``, ``OR`` /
``||``, ``NOT`` / ``!``, ``+`` / ``-`` prefixes and parentheses. Adjacent clauses are ANDed (CKAN
sets ``q.op=AND``); adjacent bare words stay one free-text clause (ranked by the index).

:func:`parse` turns a query into a tree; :func:`evaluate` runs it over documents through callbacks
(field values, full-text search), so the field vocabulary lives with its user (``portal.ckan``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import fnmatch
import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["QueryError", "evaluate", "parse", "parse_date", "text_of"]

MAX_QUERY = 1000
MAX_DEPTH = 20


class QueryError(ValueError):
    """The query cannot be parsed (a client error)."""


# ---- tokens ---------------------------------------------------------------------------------

_SPECIAL = set('()"[]{}')


def _tokens(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            out.append((c, c))
            i += 1
        elif text.startswith("&&", i):
            out.append(("AND", None))
            i += 2
        elif text.startswith("||", i):
            out.append(("OR", None))
            i += 2
        elif c in "+-!" and i + 1 < n and not text[i + 1].isspace():
            out.append(({"+": "PLUS", "-": "NOT", "!": "NOT"}[c], None))
            i += 1
        elif c == '"':
            j, buf = i + 1, []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                buf.append(text[j])
                j += 1
            if j >= n:
                raise QueryError('unterminated phrase (a " without its closing ")')
            out.append(("PHRASE", "".join(buf)))
            i = j + 1
        elif c in "[{":
            close = "]" if c == "[" else "}"
            j = i + 1
            while j < n and text[j] not in "]}":
                j += 1
            if j >= n:
                raise QueryError(f"unterminated range (a {c} without its closing {close})")
            parts = text[i + 1 : j].split()
            if len(parts) != 3 or parts[1] != "TO":
                raise QueryError("a range is written [start TO end]")
            out.append(("RANGE", (_unquote(parts[0]), _unquote(parts[2]), c == "[", text[j] == "]")))
            i = j + 1
        elif text.startswith("*:*", i) and (i + 3 == n or text[i + 3].isspace() or text[i + 3] == ")"):
            out.append(("ALL", None))
            i += 3
        else:
            value_of_field = bool(out) and out[-1][0] == "FIELD"  # "field:2024-01-01T00:00:00Z"
            j, buf, field = i, [], None
            while j < n and not text[j].isspace() and text[j] not in _SPECIAL:
                if text[j] == "\\" and j + 1 < n:
                    buf.append(text[j + 1])
                    j += 2
                    continue
                if text[j] == ":" and buf and not value_of_field:
                    field = "".join(buf)
                    j += 1
                    break
                buf.append(text[j])
                j += 1
            word = "".join(buf)
            if field is not None:
                out.append(("FIELD", field))
            elif word in ("AND", "OR", "NOT") and not value_of_field:
                out.append((word, None))
            else:
                out.append(("WORD", word))
            i = j
    return out


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


# ---- parser ---------------------------------------------------------------------------------
# nodes: ("all",) ("text", str) ("term", field, kind, value) ("and", [..]) ("or", [..]) ("not", node)
#        term kinds: "eq" (value), "range" ((lo, hi, inc_lo, inc_hi)), "any" (None)


class _Parser:
    def __init__(self, tokens: list[tuple[str, Any]]) -> None:
        self.toks = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.toks[self.pos][0] if self.pos < len(self.toks) else None

    def take(self) -> tuple[str, Any]:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def or_expr(self, field: str | None) -> tuple:
        parts = [self.and_expr(field)]
        while self.peek() == "OR":
            self.take()
            parts.append(self.and_expr(field))
        return parts[0] if len(parts) == 1 else ("or", parts)

    def and_expr(self, field: str | None) -> tuple:
        parts: list[tuple] = []
        explicit = False
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.take()
                explicit = True
                continue
            node = self.unary(field)
            if parts and not explicit and node[0] == "text" and parts[-1][0] == "text":
                parts[-1] = ("text", parts[-1][1] + " " + node[1])  # adjacent words: one text clause
            else:
                parts.append(node)
            explicit = False
        if not parts:
            raise QueryError("empty clause")
        return parts[0] if len(parts) == 1 else ("and", parts)

    def unary(self, field: str | None) -> tuple:
        kind = self.peek()
        if kind == "NOT":
            self.take()
            return ("not", self.unary(field))
        if kind == "PLUS":
            self.take()
            return self.unary(field)
        return self.primary(field)

    def primary(self, field: str | None) -> tuple:
        kind, value = self.take()
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError("too deeply nested")
            node = self.or_expr(field)
            if self.peek() != ")":
                raise QueryError("unbalanced parentheses")
            self.take()
            self.depth -= 1
            return node
        if kind == "ALL":
            return ("all",)
        if kind == "FIELD":
            if self.peek() is None:
                raise QueryError(f"no value after {value}:")
            return self.primary(value)
        if kind == "RANGE":
            if field is None:
                raise QueryError("a range needs a field (field:[a TO b])")
            return ("term", field, "range", value)
        if kind in ("WORD", "PHRASE"):
            if field is None:
                return ("text", value)
            if kind == "WORD" and value == "*":
                return ("term", field, "any", None)
            return ("term", field, "eq" if kind == "PHRASE" else "word", value)
        raise QueryError(f"unexpected {kind if kind not in ('(', ')') else repr(kind)}")


def parse(text: str | None) -> tuple:
    """The tree of a Solr query (``*:*`` when empty)."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY:
        raise QueryError(f"the query is longer than {MAX_QUERY} characters")
    if not text or text in ('""', "''"):
        return ("all",)
    parser = _Parser(_tokens(text))
    node = parser.or_expr(None)
    if parser.pos != len(parser.toks):
        raise QueryError("unbalanced parentheses")
    return node


def text_of(node: tuple) -> str:
    """The free text of a query (its text clauses joined), for highlighting."""
    if node[0] == "text":
        return node[1]
    if node[0] in ("and", "or"):
        return " ".join(t for t in (text_of(n) for n in node[1]) if t)
    return ""


def fields_of(node: tuple) -> set[str]:
    if node[0] == "term":
        return {node[1]}
    if node[0] in ("and", "or"):
        return set().union(*(fields_of(n) for n in node[1]))
    if node[0] == "not":
        return fields_of(node[1])
    return set()


# ---- dates (Solr date math) -----------------------------------------------------------------

_WORDS = re.compile(r"[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MATH = re.compile(r"([+-]\d+|/)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?")


def _add_months(t: dt.datetime, months: int) -> dt.datetime:
    y, m = divmod(t.month - 1 + months, 12)
    year, month = t.year + y, m + 1
    return t.replace(year=year, month=month, day=min(t.day, calendar.monthrange(year, month)[1]))


def parse_date(value: str, now: dt.datetime | None = None) -> dt.datetime:
    """An ISO date/time (``Z`` or offset: converted to naive UTC) or Solr date math on ``NOW``."""
    value = value.strip()
    if value.startswith("NOW"):
        # Solr's NOW is the request's instant at full precision (``NOW/SECOND`` rounds): cut to the
        # second, ``[* TO NOW]`` missed a dataset published earlier in the same second
        t = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rest = value[3:]
        pos = 0
        for m in _MATH.finditer(rest):
            if m.start() != pos:
                break
            op, unit = m.group(1), m.group(2)
            if op == "/":
                fields = ["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"]
                keep = fields.index(unit) + 1  # rounding down to a unit keeps it and the larger ones
                parts = [t.year, t.month, t.day, t.hour, t.minute, t.second][:keep]
                parts += [t.year, 1, 1, 0, 0, 0][keep:]
                t = dt.datetime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
            elif unit in ("YEAR", "MONTH"):
                t = _add_months(t, int(op) * (12 if unit == "YEAR" else 1))
            else:
                t += dt.timedelta(**{unit.lower() + "s": int(op)})
            pos = m.end()
        if pos != len(rest):
            raise QueryError(f"cannot read the date {value[:40]!r}")
        return t
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise QueryError(f"cannot read the date {value[:40]!r} (ISO 8601, e.g. 2024-01-31T00:00:00Z)") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


# ---- evaluation -----------------------------------------------------------------------------


def _compare(kind: str, value: Any, bound: str, now: dt.datetime | None) -> Any:
    if kind == "date":
        return parse_date(bound, now)
    if kind == "int":
        try:
            return float(bound)
        except ValueError:
            raise QueryError(f"{bound[:40]!r} is not a number") from None
    return bound


def _matches(kind: str, values: list[Any], op: str, arg: Any, now: dt.datetime | None) -> bool:
    values = [v for v in values if v is not None and v != ""]
    if op == "any":
        return bool(values)
    if op == "range":
        lo, hi, inc_lo, inc_hi = arg
        lo_v = None if lo == "*" else _compare(kind, None, lo, now)
        hi_v = None if hi == "*" else _compare(kind, None, hi, now)
        for v in values:
            v = float(v) if kind == "int" else v
            if lo_v is not None and (v < lo_v or (v == lo_v and not inc_lo)):
                continue
            if hi_v is not None and (v > hi_v or (v == hi_v and not inc_hi)):
                continue
            return True
        return False
    text = str(arg)
    wild = op == "word" and ("*" in text or "?" in text)
    if kind == "text":
        # as Solr's standard tokenizer: ASCII words, and each CJK character a token of its own
        needle = text.lower()
        terms = _WORDS.findall(needle)
        for v in values:
            hay = str(v).lower()
            if wild and fnmatch.fnmatchcase(hay, needle):
                return True
            if not wild and terms and all(t in hay for t in terms):
                return True
        return False
    if kind == "date":
        if wild:
            return any(fnmatch.fnmatchcase(v.isoformat(), text) for v in values)
        when = parse_date(text, now)
        return any(v == when for v in values)
    if kind == "int":
        return any(str(v) == text or (_is_number(text) and float(v) == float(text)) for v in values)
    if kind == "bool":
        return any(str(v).lower() == text.lower() for v in values)
    if wild:
        return any(fnmatch.fnmatchcase(str(v), text) for v in values)
    return any(str(v) == text for v in values)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def evaluate(
    node: tuple,
    docs: Iterable[Any],
    *,
    values: Callable[[Any, str], list[Any]],
    kinds: dict[str, str],
    text_search: Callable[[str], dict[Any, float]],
    key: Callable[[Any], Any],
    now: dt.datetime | None = None,
) -> dict[Any, float]:
    """``{key(doc): score}`` of the documents matching ``node``.

    ``values(doc, field)`` lists a field's values, ``kinds[field]`` says how to compare them
    (``string`` exact, ``text`` case-insensitive words, ``date``, ``int``, ``bool``; a field not in
    ``kinds`` is a :class:`QueryError`), ``text_search(text)`` scores free text.
    """
    docs = list(docs)
    by_key = {key(d): d for d in docs}
    unknown = sorted(f for f in fields_of(node) if f not in kinds)
    if unknown:
        raise QueryError(f"unknown field {unknown[0][:40]!r}")

    def run(n: tuple) -> dict[Any, float]:
        tag = n[0]
        if tag == "all":
            return dict.fromkeys(by_key, 0.0)
        if tag == "text":
            return {k: s for k, s in text_search(n[1]).items() if k in by_key}
        if tag == "term":
            _, field, op, arg = n
            kind = kinds[field]
            return {k: 0.0 for k, d in by_key.items() if _matches(kind, values(d, field), op, arg, now)}
        if tag == "not":
            inner = run(n[1])
            return {k: 0.0 for k in by_key if k not in inner}
        parts = [run(p) for p in n[1]]
        if tag == "and":
            # a pure negation inside AND filters the others (Solr's "a -b")
            both = parts[0]
            for p in parts[1:]:
                both = {k: s + p[k] for k, s in both.items() if k in p}
            return both
        out: dict[Any, float] = {}
        for p in parts:
            for k, s in p.items():
                out[k] = out.get(k, 0.0) + s
        return out

    return run(node)
