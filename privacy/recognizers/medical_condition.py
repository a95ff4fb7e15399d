"""Medical conditions (entity MEDICAL_CONDITION, sensitive): a dictionary of diagnoses and
health terms, ICD-10 codes (``[A-TV-Z]\\d{2}(\\.\\d+)?``; ``U`` is reserved) and free-text
patterns (``患有…``, ``诊断为…``). An ICD code alone is only weak evidence in text."""

from __future__ import annotations

from privacy.recognizers._base import ZhPatternRecognizer

TERMS = (
    "高血压", "糖尿病", "冠心病", "心脏病", "心肌梗死", "心肌梗塞", "心力衰竭", "心律失常", "脑梗死", "脑梗塞", "脑出血",
    "脑卒中", "中风", "肺炎", "肺结核", "结核病", "慢性阻塞性肺疾病", "慢阻肺", "哮喘", "支气管炎", "肝炎", "乙肝", "丙肝",
    "乙型肝炎", "丙型肝炎", "肝硬化", "脂肪肝", "肾炎", "肾衰竭", "尿毒症", "痛风", "甲亢", "甲减", "甲状腺结节",
    "癌症", "肺癌", "肝癌", "胃癌", "乳腺癌", "宫颈癌", "结肠癌", "直肠癌", "食管癌", "鼻咽癌", "白血病", "淋巴瘤",
    "肿瘤", "恶性肿瘤", "抑郁症", "焦虑症", "精神分裂症", "双相情感障碍", "自闭症", "孤独症", "阿尔茨海默病",
    "老年痴呆", "帕金森病", "癫痫", "艾滋病", "HIV阳性", "HIV感染", "梅毒", "淋病", "性病", "新冠肺炎", "流感",
    "手足口病", "水痘", "麻疹", "骨折", "关节炎", "类风湿", "红斑狼疮", "贫血", "残疾", "肢体残疾", "视力残疾",
    "听力残疾", "智力残疾", "精神残疾", "不孕不育", "流产", "妊娠", "胃溃疡", "胃炎", "阑尾炎", "胆结石", "肾结石",
    "白内障", "青光眼", "近视", "药物过敏", "过敏性鼻炎", "湿疹", "银屑病", "牛皮癣", "吸毒", "戒毒", "心理疾病",
)
_TERMS_RE = "|".join(sorted(TERMS, key=len, reverse=True))
ICD10 = r"[A-TV-Z]\d{2}(?:\.\d{1,4})?"


class MedicalConditionRecognizer(ZhPatternRecognizer):
    ENTITY = "MEDICAL_CONDITION"
    PATTERNS = (
        ("diagnosis_term", rf"(?:{_TERMS_RE})", 0.6),
        ("diagnosed_as", r"(?:患有|确诊为?|诊断为|诊断：|诊断:|罹患|病史[：:])[\u4e00-\u9fff]{2,12}", 0.6),
        ("icd10", rf"(?<![0-9A-Za-z]){ICD10}(?![0-9A-Za-z])", 0.05),
        ("icd10_in_context", rf"(?:ICD-?10|诊断编码|疾病编码|诊断代码)[：:\s]{{0,2}}{ICD10}", 0.7),
    )
    CELL_PATTERNS = (
        rf"[\u4e00-\u9fff、，,（）()0-9]{{0,12}}(?:{_TERMS_RE})[\u4e00-\u9fff、，,（）()0-9期型级度]{{0,12}}",
        rf"{ICD10}(?:\s*[\u4e00-\u9fff]{{2,16}})?",
    )
    CONTEXT = ("诊断", "病史", "疾病", "病情")
