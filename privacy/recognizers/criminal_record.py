"""Criminal records (entity CRIMINAL_RECORD, sensitive when about persons): penalty and court
vocabulary (判处, 有期徒刑, 缓刑, 罚金, 刑事拘留...), offences named ``…罪`` and record words (前科,
服刑, 劳教)."""

from __future__ import annotations

from privacy.recognizers._base import ZhPatternRecognizer

VOCABULARY = (
    "有期徒刑",
    "无期徒刑",
    "死刑缓期",
    "死刑",
    "拘役",
    "管制",
    "缓刑",
    "假释",
    "罚金",
    "没收财产",
    "剥夺政治权利",
    "刑事拘留",
    "行政拘留",
    "逮捕",
    "取保候审",
    "监视居住",
    "判处",
    "判决",
    "服刑",
    "刑满释放",
    "前科",
    "犯罪记录",
    "违法犯罪",
    "劳动教养",
    "劳教",
    "社区矫正",
    "强制隔离戒毒",
    "通缉",
    "在逃",
    "羁押",
    "立案侦查",
    "提起公诉",
    "减刑",
    "吊销驾驶证",
)
_OFFENCE = r"[\u4e00-\u9fff]{2,8}罪"
_RE = "|".join(sorted(VOCABULARY, key=len, reverse=True))


class CriminalRecordRecognizer(ZhPatternRecognizer):
    ENTITY = "CRIMINAL_RECORD"
    PATTERNS = (
        ("penalty", rf"(?:{_RE})", 0.5),
        ("offence", rf"(?:犯|涉嫌|以|构成){_OFFENCE}", 0.7),
        ("sentence", r"(?:判处|判)(?:有期徒刑|拘役|管制)[一二三四五六七八九十百零两\d]+(?:年|个月|日)", 0.9),
    )
    CELL_PATTERNS = (
        rf"[\u4e00-\u9fff0-9，,、（）()]{{0,20}}(?:{_RE})[\u4e00-\u9fff0-9，,、（）()]{{0,20}}",
        rf"(?:犯|涉嫌)?{_OFFENCE}(?:[，,、][\u4e00-\u9fff0-9]{{1,20}})?",
    )
    CONTEXT = ("刑事", "处罚", "犯罪")
