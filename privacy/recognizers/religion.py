"""Religious belief (entity RELIGION, sensitive): the religions recognised in China and common
others, adherents (佛教徒, 穆斯林...), and stated absence of belief (无宗教信仰) -- which is
religious information too."""

from __future__ import annotations

from privacy.recognizers._base import ZhPatternRecognizer

RELIGIONS = (
    "藏传佛教",
    "汉传佛教",
    "南传佛教",
    "佛教",
    "道教",
    "伊斯兰教",
    "天主教",
    "基督教",
    "基督新教",
    "东正教",
    "犹太教",
    "印度教",
    "喇嘛教",
    "萨满教",
    "锡克教",
    "耶稣教",
    "回教",
    "佛教徒",
    "基督徒",
    "天主教徒",
    "穆斯林",
    "道士",
    "无宗教信仰",
    "不信教",
    "无神论",
)
_RE = "|".join(sorted(RELIGIONS, key=len, reverse=True))


class ReligionRecognizer(ZhPatternRecognizer):
    ENTITY = "RELIGION"
    PATTERNS = (
        ("religion", rf"(?:{_RE})", 0.5),
        ("religion_stated", rf"(?:信仰|信奉|皈依|宗教信仰[：:]?)\s*(?:{_RE})", 0.8),
    )
    CELL_PATTERNS = (rf"(?:信仰)?(?:{_RE})(?:信徒|教徒)?",)
    CONTEXT = ("宗教", "信仰")
