"""Chinese addresses (entity ADDRESS): administrative levels (省/自治区/市/区/县/镇/乡/街道)
followed by a road/village and a number (路/街/巷/弄/号/栋/单元/室...). Personal for a person's
home address; an office's address is not (decided by table context)."""

from __future__ import annotations

import re

from privacy.recognizers._base import CellRecognizer, nfkc

_ADMIN = r"(?:省|自治区|特别行政区|市|自治州|地区|盟|区|县|旗|镇|乡|街道)"
_STREET = r"(?:大道|路|街|道|巷|弄|胡同|里|村|组|社区|小区|花园|苑|新村|大厦|广场)"
_NUMBER = r"(?:\d+|[一二三四五六七八九十百]+|[A-Za-z])(?:号|弄|栋|幢|座|楼|单元|室|组|户)"
_CHARS = r"[\u4e00-\u9fff0-9A-Za-z\-－#（）()·]"


class AddressRecognizer(CellRecognizer):
    ENTITY = "ADDRESS"
    PATTERNS = (
        (
            "admin_street_number",
            rf"[\u4e00-\u9fff]{{2,12}}?{_ADMIN}{_CHARS}{{0,20}}?{_STREET}{_CHARS}{{0,12}}?{_NUMBER}(?:{_CHARS}{{0,12}}?{_NUMBER})*",
            0.6,
        ),
        (
            "street_number",
            rf"[\u4e00-\u9fff]{{1,10}}?{_STREET}(?:\d+|[一二三四五六七八九十百]+)号(?:{_CHARS}{{0,12}}?{_NUMBER})*",
            0.4,
        ),
    )
    CELL_PATTERNS = (
        rf"{_CHARS}{{0,20}}{_ADMIN}{_CHARS}{{0,30}}{_STREET}{_CHARS}{{0,30}}",
        rf"{_CHARS}{{0,30}}{_STREET}{_CHARS}{{0,12}}{_NUMBER}{_CHARS}{{0,20}}",
        rf"{_CHARS}{{0,16}}{_ADMIN}{_CHARS}{{0,30}}{_NUMBER}{_CHARS}{{0,20}}",
    )
    CONTEXT = ("住址", "地址", "居住地", "户籍")
    MASKED = (rf"[\u4e00-\u9fff]{{2,20}}{_ADMIN}[\u4e00-\u9fff0-9]{{0,12}}\*{{2,}}.*",)

    def normalise_cell(self, value: str) -> str:
        return re.sub(r"\s+", "", nfkc(value).strip())

    def validate_result(self, pattern_text: str) -> bool | None:
        # a road + number, or two administrative levels: not a bare place or org name
        v = self.normalise_cell(pattern_text)
        if len(v) < 6:
            return False
        levels = len(re.findall(_ADMIN, v))
        return bool(re.search(_NUMBER, v)) or levels >= 2 or None
