"""IP addresses (v4, v6): digit look-arounds instead of ``\\b`` (so ``IP地址1.2.3.4`` is found),
Presidio's IPv6 forms, and validation with :mod:`ipaddress` (as Presidio's ``IpRecognizer``).
Version numbers (``1.2.3.45``) are not addresses."""

from __future__ import annotations

import ipaddress

from privacy.recognizers._base import CellRecognizer

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_V4 = rf"(?<![0-9.]){_OCTET}(?:\.{_OCTET}){{3}}(?![0-9]|\.\d)"
_H = r"[0-9A-Fa-f]{1,4}"
_V6 = (
    rf"(?<![\w:])(?:(?:{_H}:){{7}}{_H}|(?:{_H}:){{1,7}}:|(?:{_H}:){{1,6}}:{_H}|(?:{_H}:){{1,5}}(?::{_H}){{1,2}}"
    rf"|(?:{_H}:){{1,4}}(?::{_H}){{1,3}}|(?:{_H}:){{1,3}}(?::{_H}){{1,4}}|(?:{_H}:){{1,2}}(?::{_H}){{1,5}}"
    rf"|{_H}:(?::{_H}){{1,6}}|:(?::{_H}){{1,7}})(?![\w:]|\.\d)"
)


class IpAddressRecognizer(CellRecognizer):
    ENTITY = "IP_ADDRESS"
    PATTERNS = (("IPv4", _V4, 0.6), ("IPv6", _V6, 0.6))
    CELL_PATTERNS = (
        rf"{_OCTET}(?:\.{_OCTET}){{3}}(?:/\d{{1,2}})?",
        r"(?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}",
    )
    CONTEXT = ("ip", "IP地址", "登录IP")
    MASKED = (rf"{_OCTET}\.{_OCTET}\.\*{{1,3}}\.\*{{1,3}}", rf"{_OCTET}\.{_OCTET}\.{_OCTET}\.\*{{1,3}}")

    def validate_result(self, pattern_text: str) -> bool:
        parts = pattern_text.split(".")
        if len(parts) == 4 and all(len(p) == 1 for p in parts[:3]):
            return False  # version numbers (1.2.3.45), not addresses
        if ":" in pattern_text and pattern_text.count(":") < 2:
            return False
        try:
            ipaddress.ip_interface(pattern_text)
        except ValueError:
            return False
        return True
