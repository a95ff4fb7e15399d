"""Chinese wording, at render time, of the English texts the Chinese pages show (decision records,
scorecard notes, statuses, error messages): ``portal/data/messages_zh.yaml``. The records stay
English where they are stored; :func:`zh` translates a text, :func:`js_translations` serves the
same table as CKAN's JavaScript translations (``/api/i18n/zh_Hans_CN``)."""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from portal.paths import HERE

__all__ = ["api_text", "js_translations", "label", "table", "zh", "zh_error"]

_TABLE_OF = {
    "action": "actions",
    "level": "levels",
    "entity": "entities",
    "status": "statuses",
    "tier": "tiers",
    "kind": "kinds",
    "what": "fields",
}
_RECURSIVE = {"why", "rest"}


@functools.cache
def _data() -> dict[str, Any]:
    with open(HERE / "data" / "messages_zh.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _pattern(entry: dict[str, Any]) -> re.Pattern[str]:
    if entry.get("pattern"):
        return re.compile(entry["pattern"])
    parts = re.split(r"\{(\w+)\}", entry["en"])
    rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(rx)


@functools.cache
def _compiled() -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    return [(_pattern(e), e) for e in _data()["messages"]]


def table(name: str) -> dict[str, str]:
    """A table of names: levels, actions, entities, statuses, tiers, kinds, fields."""
    return dict(_data()[name])


def label(table: str, value: Any) -> str:
    """``value`` in a table of names (levels, actions, entities, statuses, tiers, kinds, fields)."""
    if value is None:
        return ""
    return _data().get(table, {}).get(str(value), str(value))


def _part(name: str, value: str | None, entry: dict[str, Any]) -> str:
    if value is None:
        return ""
    if name in _TABLE_OF:
        value = label(_TABLE_OF[name], value)
    elif name in _RECURSIVE:
        value = zh(value)
    wrap = (entry.get("wrap") or {}).get(name)
    return wrap.format(value) if wrap else value


def zh(text: Any) -> str:
    """``text`` with every known English message in it replaced by its Chinese wording."""
    if text is None:
        return ""
    out = str(text)
    if not re.search(r"[A-Za-z]{2}", out):
        return out
    for rx, entry in _compiled():
        if entry["en"] not in out and not entry.get("pattern") and "{" not in entry["en"]:
            continue

        def repl(m: re.Match[str], entry: dict[str, Any] = entry) -> str:
            parts = {k: _part(k, v, entry) for k, v in m.groupdict().items()}
            return entry["zh"].format(**parts)

        out = rx.sub(repl, out)
    return out


def zh_error(status: int, message: Any) -> tuple[str, str | None]:
    """What an error page says: the Chinese message, and the original text when it stayed English
    (shown as a technical detail)."""
    text = zh(message)
    if message and text != str(message) and not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", text):
        return text, None
    generic = _data()["errors"].get(status) or _data()["errors"][500 if status >= 500 else 400]
    return generic, (str(message) if message else None)


def js_translations(lang: str) -> dict[str, Any]:
    """CKAN's JavaScript translations (Jed format, as ``ckan/lib/i18n.py`` builds them)."""
    out: dict[str, Any] = {"": {"domain": "ckan", "lang": lang, "plural-forms": "nplurals=1; plural=0;"}}
    for entry in _data()["messages"]:
        out[entry["en"]] = [None, entry["zh"]]
    for table in ("levels", "actions", "statuses", "kinds"):
        for en, zh_text in _data()[table].items():
            out.setdefault(en, [None, zh_text])
    return out


_ACTIONS_LIST = re.compile(r"^CKAN Action API \(CKAN 2\.10 shapes\): (?P<actions>[a-z_, ]+)\. ")


def api_text(text: Any) -> tuple[str, bool]:
    """An OpenAPI summary, description or tag in Chinese, and whether it was translated."""
    if not text:
        return "", True
    api = _data().get("api", {})
    text = str(text)
    if text in api:
        return api[text], True
    m = _ACTIONS_LIST.match(text)
    if m:
        template = next(k for k in api if k.startswith("CKAN Action API (CKAN 2.10 shapes): {actions}"))
        if template.replace("{actions}", m.group("actions")) == text:
            return api[template].replace("{actions}", m.group("actions")), True
    return text, False
