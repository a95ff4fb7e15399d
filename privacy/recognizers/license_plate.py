"""Motor-vehicle licence plates (GA 36): province character + letter + 5 characters, or the
new-energy form with ``D``/``F`` (6 characters after the letter), optional ``·``/space, and
trailer/coach/police suffixes. Letters ``I`` and ``O`` are never used."""

from __future__ import annotations

from privacy.recognizers._base import CellRecognizer, nfkc

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_L = "A-HJ-NP-Z"
_BODY = (
    rf"(?:[DF][{_L}0-9]\d{{4}}|\d{{5}}[DF]|[DF]\d{{5}}"
    rf"|(?=[{_L}0-9]{{0,4}}\d)[{_L}0-9]{{4}}[{_L}0-9挂学警港澳领])"
)


class LicensePlateRecognizer(CellRecognizer):
    ENTITY = "LICENSE_PLATE"
    PATTERNS = (("plate", rf"(?<![\u4e00-\u9fff][{_L}])[{PROVINCES}][{_L}][·• ]?{_BODY}(?![0-9A-Za-z])", 0.6),)
    CELL_PATTERNS = (rf"[{PROVINCES}][{_L}]{_BODY}",)
    CONTEXT = ("车牌", "号牌", "车辆")
    MASKED = (rf"[{PROVINCES}][{_L}][{_L}0-9*]{{0,3}}\*{{2,4}}[{_L}0-9]{{0,3}}",)

    def normalise_cell(self, value: str) -> str:
        return nfkc(value).strip().upper().replace("·", "").replace("•", "").replace(" ", "").replace("-", "")
