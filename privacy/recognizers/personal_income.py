"""Personal income and assets (entity PERSONAL_INCOME, sensitive property information): in
text, an amount introduced by an income/asset word (月收入 8500 元, 年薪 30 万, 存款 12 万元); in a
column, numeric amounts under a column-name hint (工资, 月收入, income, gz...) -- numbers alone
prove nothing (``NEEDS_HINT``)."""

from __future__ import annotations

from privacy.recognizers._base import CellMatch, CellRecognizer

#: whole numbers of this many digits (a billion yuan and up) are codes, not a person's amounts
CODE_DIGITS = 10

_WORDS = (
    r"(?:月收入|年收入|家庭收入|人均收入|个人收入|收入|月工资|工资|月薪|年薪|薪资|薪酬|存款|个人资产|家庭资产|资产|房产价值|"
    r"退休金|养老金|补助金|救助金|低保金|账户余额|余额|公积金|欠款|借款|本金|利息|债务|赔偿金?|给付|偿还|拖欠|工资款|货款|"
    r"违约金|执行标的|标的额)"
)
_AMOUNT = r"\d[\d,]*(?:\.\d+)?\s*(?:万|千|百)?元?"


class PersonalIncomeRecognizer(CellRecognizer):
    ENTITY = "PERSONAL_INCOME"
    NEEDS_HINT = True
    PATTERNS = (("income_amount", rf"{_WORDS}(?:为|是|约|：|:|\s){{0,3}}{_AMOUNT}", 0.6),)
    CELL_PATTERNS = (r"[¥￥]?\s*-?\d[\d,]*(?:\.\d{1,2})?\s*(?:万|千)?元?",)
    CONTEXT = ("收入", "工资", "资产")
    MASKED = (r"\*{2,}(?:\.\*+)?元?", r"\d\*{2,}(?:\.\d+)?元?")

    def match_cell(self, value: str, hinted: bool = False) -> CellMatch | None:
        v = value.strip()
        if v.isdigit() and len(v) >= CODE_DIGITS:
            return None  # ten or more digits without a decimal point: a code, not a person's money
        return super().match_cell(value, hinted)
