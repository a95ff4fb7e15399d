"""IP addresses (v4, v6): Presidio's :class:`IpRecognizer` with digit look-arounds instead of
``\\b`` (so ``IP地址1.2.3.4`` is found) and its ``ipaddress`` invalidation."""

from __future__ import annotations

import ipaddress

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import IpRecognizer

from privacy.recognizers._base import FLAGS, LANGUAGE, CellRecognizer

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_V4 = rf"(?<![0-9.]){_OCTET}(?:\.{_OCTET}){{3}}(?![0-9]|\.\d)"


class IpAddressRecognizer(CellRecognizer, IpRecognizer):
    ENTITY = "IP_ADDRESS"
    CELL_PATTERNS = (rf"{_OCTET}(?:\.{_OCTET}){{3}}", r"(?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}")
    MASKED = (rf"{_OCTET}\.{_OCTET}\.\*{{1,3}}\.\*{{1,3}}", rf"{_OCTET}\.{_OCTET}\.{_OCTET}\.\*{{1,3}}")

    def __init__(self) -> None:
        patterns = [Pattern("IPv4", _V4, 0.6)] + [p for p in IpRecognizer.PATTERNS if p.name.startswith("IPv6")]
        IpRecognizer.__init__(
            self,
            patterns=patterns,
            context=["ip", "IP地址", "登录IP"],
            supported_language=LANGUAGE,
            supported_entity=self.ENTITY,
            name=type(self).__name__,
        )
        self.global_regex_flags = FLAGS
        self._compile_cells([])

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
