"""Precise coordinates: a ``lon,lat`` (or ``lat,lon``) pair with at least 4 decimals (~10 m) in
one value. Pairs of separate latitude/longitude columns are found by the column classifier
(:func:`privacy.classification.classify_table`) from numeric ranges and precision. Whether a
location is personal (a person's trajectory) or not (bus stops) is decided by table context."""

from __future__ import annotations

import re

from privacy.recognizers._base import CellRecognizer

_NUM = r"-?\d{1,3}\.\d{4,}"
_PAIR = re.compile(r"(-?\d{1,3}\.\d+)\s*[,，;\s]\s*(-?\d{1,3}\.\d+)")


def plausible_pair(a: float, b: float) -> bool:
    return (-180 <= a <= 180 and -90 <= b <= 90) or (-90 <= a <= 90 and -180 <= b <= 180)


class PreciseLocationRecognizer(CellRecognizer):
    ENTITY = "PRECISE_LOCATION"
    PATTERNS = (
        ("lonlat_pair", rf"(?<![0-9.]){_NUM}\s*[,，]\s*{_NUM}(?![0-9])", 0.6),
        ("wkt_point", rf"POINT\s*\(\s*{_NUM}\s+{_NUM}\s*\)", 0.7),
    )
    CELL_PATTERNS = (rf"\(?{_NUM}\s*[,，;\s]\s*{_NUM}\)?", rf"POINT\s*\(\s*{_NUM}\s+{_NUM}\s*\)")
    CONTEXT = ("经纬度", "坐标", "位置", "location")

    def validate_result(self, pattern_text: str) -> bool:
        m = _PAIR.search(pattern_text)
        if not m:
            return False
        a, b = float(m.group(1)), float(m.group(2))
        return plausible_pair(a, b) and not (a == 0 and b == 0)
