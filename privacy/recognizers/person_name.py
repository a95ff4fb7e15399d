"""Chinese person names (entity PERSON_NAME) with jieba part-of-speech tags (``nr*``) plus a
surname list, and masked forms (张某某, 王女士, 李*, 欧阳**). A Presidio
:class:`EntityRecognizer` (no spaCy model: jieba ships its dictionary).

A whole cell is a name when it is 2-4 Chinese characters starting with a known surname and
jieba tags it as a person name; a name-shaped cell that jieba tags otherwise counts as
``invalid`` (weak) evidence.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from privacy.recognizers._base import LANGUAGE, CellMatch, CellRecognizer

COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "申屠",
    "太史",
    "万俟",
    "闻人",
    "澹台",
    "公冶",
    "宗政",
    "濮阳",
    "淳于",
    "单于",
    "赫连",
    "钟离",
    "拓跋",
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
    "哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HONORIFIC = "先生|女士|小姐|老师|同志|师傅|大爷|阿姨|某某|某"
_MASKED = re.compile(
    rf"^(?:{'|'.join(COMPOUND_SURNAMES)}|[\u4e00-\u9fff])(?:{_HONORIFIC}|[*＊×xX]{{1,3}}|[*＊]?[\u4e00-\u9fff][*＊])$"
)
_MASKED_IN_TEXT = re.compile(
    rf"(?:{'|'.join(COMPOUND_SURNAMES)}|[\u4e00-\u9fff])(?:某某|某|[*＊]{{1,2}})(?![\u4e00-\u9fff]{{0,1}}(?:单位|公司|地|处|种|些|天|时|日))"
)
#: Last characters that make a jieba "nr" token a thing rather than a person (银行卡, 王府井路).
_NOT_NAME_END = frozenset("卡号证码局院区市县镇乡村路街道站所厂店馆园场库楼门桥湖山河江省州部处科室队组")
_LEAD = re.compile(
    r"(?:姓名|联系人|患者|申请人|当事人|负责人|户主|法定代表人|法人|经办人|被告人?|原告|嫌疑人|"
    r"学生|家长|监护人|驾驶员|司机|居民|村民|病人|死者|受害人)[：:\s为是]{0,2}$"
)


def surname_of(value: str) -> str | None:
    if value[:2] in COMPOUND_SURNAMES:
        return value[:2]
    return value[0] if value[:1] in SURNAMES else None


@functools.cache
def _posseg():  # -> jieba.posseg.POSTokenizer
    import jieba  # lazy: jieba loads its dictionary (~1 s); only name checks need it
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return pseg


def is_masked_name(value: str) -> bool:
    v = value.strip()
    return bool(_MASKED.match(v)) and surname_of(v) is not None


class PersonNameRecognizer(CellRecognizer, EntityRecognizer):
    ENTITY = "PERSON_NAME"
    SCORE: ClassVar[float] = 0.6
    SCORE_WITH_LEAD: ClassVar[float] = 0.85
    name: str  # set by EntityRecognizer.__init__ (mypy cannot infer it across Presidio's branches)

    def __init__(self) -> None:
        EntityRecognizer.__init__(
            self,
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=LANGUAGE,
            context=["姓名", "联系人"],
        )
        self._compile_cells([])

    def load(self) -> None:
        _posseg()

    def match_cell(self, value: str) -> CellMatch | None:
        v = value.strip().replace("·", "")
        if is_masked_name(v):
            return "masked"
        if not _CJK.match(v) or surname_of(v) is None or v[-1] in _NOT_NAME_END:
            return None
        return "valid" if self.validate_result(v) else "invalid"

    def validate_result(self, pattern_text: str) -> bool:
        """jieba tags the name as a person (as one token or as a surname-led run)."""
        if pattern_text[:2] in COMPOUND_SURNAMES and 3 <= len(pattern_text) <= 4:
            return True
        words = list(_posseg().cut(pattern_text))
        if len(words) == 1:
            return words[0].flag.startswith("nr")
        return words[0].flag.startswith("nr") or (
            len(words[0].word) == 1 and all(w.flag.startswith("nr") or len(w.word) == 1 for w in words)
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        if self.ENTITY not in entities or not re.search(r"[\u4e00-\u9fff]", text):
            return results
        tokens = []
        pos = 0
        for w in _posseg().cut(text):
            tokens.append((w.word, w.flag, pos))
            pos += len(w.word)
        i = 0
        while i < len(tokens):
            word, flag, start = tokens[i]
            # jieba splits some names: 王/nr + 秀英/nr, 欧阳/ns + 建国/ns
            if i + 1 < len(tokens) and _CJK.match(word + tokens[i + 1][0]):
                nxt, nflag, _ = tokens[i + 1]
                if (
                    len(word) == 1
                    and word in SURNAMES
                    and flag.startswith("nr")
                    and nflag.startswith("nr")
                    and len(nxt) <= 2
                ) or (word in COMPOUND_SURNAMES and len(nxt) <= 2):
                    word, flag = word + nxt, "nr"
                    i += 1
            i += 1
            end = start + len(word)
            if (
                not flag.startswith("nr")
                or not 2 <= len(word) <= 4
                or surname_of(word) is None
                or word[-1] in _NOT_NAME_END
            ):
                continue
            score = self.SCORE_WITH_LEAD if _LEAD.search(text[max(0, start - 8) : start]) else self.SCORE
            results.append(self._result(start, end, score, "jieba nr tag + surname"))
        for m in _MASKED_IN_TEXT.finditer(text):
            if surname_of(m.group()) is not None:
                results.append(self._result(m.start(), m.end(), 0.7, "masked name"))
        return results

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=score, textual_explanation=why
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
