"""Each recognizer, through the real offline Presidio engine and through its whole-cell matcher:
valid examples are found, invalid ones (bad check digits, impossible dates, decoys) are not."""

from __future__ import annotations

import datetime as dt

import pytest

from privacy.engine import analyze_text, analyzer
from privacy.recognizers import ENTITIES, RECOGNIZER_CLASSES, recognizers


def _mrz_check(field: str) -> str:
    """ICAO 9303 check digit (weights 7-3-1), written here independently of the recognizer."""
    total = 0
    for i, c in enumerate(field):
        v = int(c) if c.isdigit() else (0 if c == "<" else ord(c) - 55)
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def _mrz_line(number: str = "EA1234567", birth: str = "880412", expiry: str = "320101") -> str:
    doc = number.ljust(9, "<")
    personal = "<" * 14
    head = doc + _mrz_check(doc) + "CHN" + birth + _mrz_check(birth) + "F" + expiry + _mrz_check(expiry)
    personal_part = personal + "<"
    composite = doc + _mrz_check(doc) + birth + _mrz_check(birth) + expiry + _mrz_check(expiry) + personal_part
    return head + personal_part + _mrz_check(composite)


MRZ = _mrz_line()
MRZ_BAD = MRZ[:9] + str((int(MRZ[9]) + 1) % 10) + MRZ[10:]

# recognizer class name -> (texts where the entity must be found, texts where it must not)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "CnResidentIdRecognizer": (
        [
            "身份证号11010519491231002X",
            "公民身份号码：11010519491231002X 已核验",
            "旧证号 110105491231002",
            "ID 11010519491231002x",
            "证件号码 １１０１０５１９４９１２３１００２Ｘ",
        ],
        [
            "11010519491231002Y",
            "110105194912310022",
            "110105194913310028",
            "999999194912310025",
            "110105209912310023",
            "订单号211010519491231002X9",
        ],
    ),
    "PassportRecognizer": (
        [
            "护照号码E12345678",
            "passport EA1234567",
            "G12345678",
            "往来港澳通行证 C87654321",
            "台湾通行证L12345678",
            "回乡证 H0123456789",
            "MRZ " + MRZ,
        ],
        ["E1234567", "E00000000", "AE12345678", MRZ_BAD],
    ),
    "BankCardRecognizer": (
        ["卡号6222021234567890128", "银行卡 6222 0212 3456 7890 128", "6217001234567893"],
        ["6222021234567890127", "6217001234567891", "1234567890123456"],
    ),
    "CreditCardRecognizer": (
        ["信用卡4111111111111111", "5500 0000 0000 0004", "Amex 378282246310005"],
        ["4111111111111112", "6222021234567890128"],
    ),
    "CnMobileRecognizer": (
        [
            "手机13812345678",
            "+86 138-1234-5678",
            "电话：139 1234 5678",
            "008613812345678",
            "联系方式１３８１２３４５６７８",
        ],
        ["12345678901", "10012345678", "138123456789", "1381234567"],
    ),
    "CnLandlineRecognizer": (["电话0571-87654321", "(010)62345678", "服务热线400-123-4567"], ["0571-1234", "12345678"]),
    "EmailAddressRecognizer": (
        ["邮箱zhang.san@example.com", "联系 li_si@163.com 谢谢", "反馈至ＷＡＮＧ＠１２６.ＣＯＭ"],
        ["zhang.san@", "@example.com", "邮箱地址未填写", "a@b.notatld"],
    ),
    "IpAddressRecognizer": (
        ["登录IP地址192.168.1.10", "来源 2001:db8::1", "IP:114.114.114.114"],
        ["999.1.1.1", "版本1.2.3.45"],
    ),
    "LicensePlateRecognizer": (
        ["车牌京A12345", "浙A·D12345", "沪AD12345", "粤B12345F"],
        ["京AO1234", "京A1234", "ABC12345"],
    ),
    "DateOfBirthRecognizer": (
        ["出生日期：1990-01-02", "生于1985年3月4日", "DOB 1970/12/31"],
        ["出生日期：1990-02-30", "登记日期 2020-01-02", "2020-01-02"],
    ),
    "PreciseLocationRecognizer": (
        ["位置116.397128,39.916527", "POINT(120.15507 30.27415)"],
        ["116.3,39.9", "价格 12.5,13.8", "1234.56789,12.34567"],
    ),
    "UsccRecognizer": (
        ["统一社会信用代码91350100M000100Y43", "代码 92330106MA2CDE0X16"],
        ["91350100M000100Y44", "91350100M000100I43"],
    ),
    "OrgNameRecognizer": (["杭州市西湖区人民政府", "浙江大学医学院附属第一医院", "某某科技有限公司"], ["今天天气很好"]),
    "PersonIdRecognizer": (
        ["该生学号：2024123456，已发放", "病案号 ZY2024000123"],
        ["请携带学号办理", "编号2024123456"],
    ),
    "PersonNameRecognizer": (
        ["姓名：张伟", "联系人王秀英，电话见后", "当事人张某某", "患者李某"],
        ["银行卡已挂失", "今天天气很好", "人民广场站"],
    ),
    "LatinNameRecognizer": (
        ["Contact: Zhang Wei", "signed by John Smith today", "applicant Maria Garcia"],
        ["Beijing Road", "Hello World", "Annual Report"],
    ),
    "AddressRecognizer": (
        ["住址：浙江省杭州市西湖区文三路90号3单元502室", "北京市朝阳区建国路88号"],
        ["浙江省", "今天天气很好"],
    ),
    "MedicalConditionRecognizer": (
        [
            "既往患有高血压",
            "诊断为2型糖尿病",
            "ICD-10：E11.9",
            "对青霉素过敏",
            "口服阿莫西林胶囊",
            "空腹血糖 7.8 mmol/L",
            "确诊慢性阻塞性肺疾病",
        ],
        ["身体健康", "E11.9", "看病难问题", "病房改造工程"],
    ),
    "ReligionRecognizer": (["信仰佛教", "宗教信仰：伊斯兰教", "a practising Buddhist"], ["文化旅游"]),
    "CriminalRecordRecognizer": (["因犯盗窃罪被判处有期徒刑三年", "曾被刑事拘留", "有吸毒史"], ["表现良好"]),
    "PersonalIncomeRecognizer": (
        ["月收入8500元", "年薪30万元", "存款：120000元", "低保金 650元"],
        ["收入分配制度改革", "8500元"],
    ),
}

# recognizer -> (whole cells that validate, cells that are masked, cells that fail or do not match)
CELLS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "CnResidentIdRecognizer": (
        ["11010519491231002X", "110105491231002", " 11010519491231002x ", "G11010519491231002X"],
        ["110105********002X", "1101**********002X"],
        ["11010519491231002Y", "110105194912310022", "abc", "6222 **** **** 1234"],
    ),
    "PassportRecognizer": (
        ["E12345678", "EA1234567", "G12345678", "C12345678", "CA1234567", "L12345678", "H1234567890", MRZ],
        ["E1****678", "E*****78"],
        ["E00000000", "12345678", "TK1234567", MRZ_BAD, "AB"],
    ),
    "BankCardRecognizer": (
        ["6222021234567890128", "6222 0212 3456 7890 128"],
        ["6222 **** **** 1234"],
        ["6222021234567890127", "4111111111111111"],
    ),
    "CreditCardRecognizer": (["4111111111111111", "5500-0000-0000-0004"], ["4111*******1111"], ["4111111111111112"]),
    "CnMobileRecognizer": (
        [
            "13812345678",
            "+86 138 1234 5678",
            "138-1234-5678",
            "13812345678.0",
            "１３８１２３４５６７８",
            "0086 13812345678",
        ],
        ["138****5678"],
        ["12345678901", "10086"],
    ),
    "CnLandlineRecognizer": (["0571-87654321", "010-62345678", "400-123-4567"], ["0571****4321"], ["0571-1234"]),
    "EmailAddressRecognizer": (["zhang@example.com", "ＬＩ＠163.com"], ["z***@example.com"], ["zhang@", "x@y.notatld"]),
    "IpAddressRecognizer": (["192.168.1.10", "2001:db8::1"], ["192.168.*.*"], ["999.1.1.1", "1.2.3.45"]),
    "LicensePlateRecognizer": (["京A12345", "浙AD12345", "粤B·12345"], ["京A***45"], ["京AO1234", "ABC1234"]),
    "DateOfBirthRecognizer": (["1990-01-02", "1985年3月4日", "19700101"], ["1990-**-**"], ["1990-02-30", "2999-01-01"]),
    "PreciseLocationRecognizer": (["116.397128,39.916527", "POINT(120.15507 30.27415)"], [], ["116.3,39.9"]),
    "UsccRecognizer": (["91350100M000100Y43"], [], ["91350100M000100Y44"]),
    "OrgNameRecognizer": (
        ["杭州市西湖区人民政府", "浙江某某科技有限公司", "王记小吃店", "Acme Trading Co., Ltd."],
        [],
        ["张伟", "人民路站", "公司"],
    ),
    "PersonNameRecognizer": (
        ["张伟", "欧阳建国", "王秀英", "阿卜杜拉·买买提"],
        ["张某某", "王女士", "李*"],
        ["今天", "人民广场站", "abc", "王府井路", "银行卡"],
    ),
    "LatinNameRecognizer": (["Zhang Wei", "ZHANG San", "Wang Xiaoming", "John Smith"], [], ["Beijing Road", "Hello"]),
    "AddressRecognizer": (["浙江省杭州市西湖区文三路90号3单元502室", "北京市朝阳区建国路88号"], [], ["浙江省", "今天"]),
    "MedicalConditionRecognizer": (
        ["2型糖尿病", "E11.9", "I10.x00x002", "慢性胃炎", "青霉素过敏", "阿莫西林胶囊", "7.8 mmol/L", "140/90mmHg"],
        [],
        ["合格", "病房", "疾病", "E11", "阳性"],
    ),
    "ReligionRecognizer": (["佛教", "伊斯兰教", "无宗教信仰", "Buddhism", "基督徒"], [], ["无", "文化"]),
    "CriminalRecordRecognizer": (["盗窃罪", "有期徒刑三年", "犯诈骗罪，判处缓刑"], [], ["罚款", "警告", "合格"]),
    "PersonalIncomeRecognizer": (["8500", "8,500.00", "￥12000元"], ["***"], ["abc"]),
    "PersonIdRecognizer": (["2025449844", "HZ1000238X", "ZY-2024-000123"], ["2024****1234"], ["12", "A1B2", "张三"]),
}

#: cells that count only when the column name hints the entity
HINTED: dict[str, tuple[list[str], list[str]]] = {
    "PassportRecognizer": (["TK1234567", "C01X00T47", "12345678"], ["ABCDEFG"]),
    "MedicalConditionRecognizer": (["E11", "阳性", "未见异常"], ["合格"]),
    "PersonNameRecognizer": (["张", "欧阳", "秀英"], ["公司"]),
    "LatinNameRecognizer": (["Zhang", "Wei", "Xiaoming", "Smith"], ["Qwrtz"]),
}


def test_registry_has_one_recognizer_per_module_and_all_entities() -> None:
    modules = {cls.__module__ for cls in RECOGNIZER_CLASSES}
    assert len(modules) == len(RECOGNIZER_CLASSES)
    assert {cls.ENTITY for cls in RECOGNIZER_CLASSES} == set(ENTITIES)
    engine_recs = {r.to_dict()["name"] for r in analyzer().registry.get_recognizers(language="zh", all_fields=True)}
    assert engine_recs == set(recognizers())


def test_every_recognizer_has_cases() -> None:
    assert set(CASES) == {cls.__name__ for cls in RECOGNIZER_CLASSES}


@pytest.mark.parametrize("rec_name", sorted(CASES))
def test_recognizer_in_text(rec_name: str) -> None:
    rec = recognizers()[rec_name]
    positives, negatives = CASES[rec_name]
    for text in positives:
        found = [
            r
            for r in analyze_text(text, entities=[rec.ENTITY], score_threshold=0.35)
            if (r.recognition_metadata or {}).get("recognizer_name") == rec_name
        ]
        assert found, f"{rec_name} missed a positive example #{positives.index(text)}"
    for text in negatives:
        found = [
            r
            for r in analyze_text(text, entities=[rec.ENTITY], score_threshold=0.35)
            if (r.recognition_metadata or {}).get("recognizer_name") == rec_name
        ]
        assert not found, f"{rec_name} fired on negative example #{negatives.index(text)}"


@pytest.mark.parametrize("rec_name", sorted(CELLS))
def test_recognizer_on_cells(rec_name: str) -> None:
    rec = recognizers()[rec_name]
    valid, masked, bad = CELLS[rec_name]
    assert [rec.match_cell(v) for v in valid] == ["valid"] * len(valid)
    assert [rec.match_cell(v) for v in masked] == ["masked"] * len(masked)
    assert all(rec.match_cell(v) in (None, "invalid") for v in bad)


@pytest.mark.parametrize("rec_name", sorted(HINTED))
def test_hinted_forms_count_only_under_a_name_hint(rec_name: str) -> None:
    rec = recognizers()[rec_name]
    valid, bad = HINTED[rec_name]
    assert [rec.match_cell(v, hinted=True) for v in valid] == ["valid"] * len(valid)
    assert all(rec.match_cell(v, hinted=False) != "valid" for v in valid)
    assert all(rec.match_cell(v, hinted=True) != "valid" for v in bad)


def test_recognizers_do_not_import_presidio_or_jieba() -> None:
    """Whole-cell matching is plain Python: the column classifier starts without Presidio or jieba."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from privacy.recognizers import recognizers\n"
        "for r in recognizers().values(): r.match_cell('张伟'); r.match_cell('13812345678')\n"
        "print(sorted(m for m in ('presidio_analyzer', 'jieba', 'spacy', 'pypinyin') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_bad_check_digits_are_reported_as_invalid() -> None:
    recs = recognizers()
    assert recs["CnResidentIdRecognizer"].match_cell("11010519491231002Y") is None  # not even the format
    assert recs["CnResidentIdRecognizer"].match_cell("110105194912310022") == "invalid"
    assert recs["UsccRecognizer"].match_cell("91350100M000100Y44") == "invalid"
    assert recs["BankCardRecognizer"].match_cell("6222021234567890127") == "invalid"


def test_presidio_scores_validated_matches_at_one() -> None:
    [res] = [r for r in analyze_text("号码11010519491231002X") if r.entity_type == "CN_RESIDENT_ID"]
    assert res.score == 1.0


def test_engine_is_offline_and_cached() -> None:
    import os

    assert os.environ.get("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS") == ""
    assert analyzer() is analyzer()
    assert analyzer().nlp_engine.__class__.__name__ == "NoOpNlpEngine"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1990-01-02", dt.date(1990, 1, 2)),
        ("1990/1/2", dt.date(1990, 1, 2)),
        ("19900102", dt.date(1990, 1, 2)),
        ("１９９０年１月２日", dt.date(1990, 1, 2)),
        ("1990-01-02 10:00:00", dt.date(1990, 1, 2)),
        ("1962.12", dt.date(1962, 12, 1)),  # a year and a month: was read as 1962-01-02
        ("1962年12月", dt.date(1962, 12, 1)),
        ("196212", dt.date(1962, 12, 1)),
        ("1990-13-01", None),
        ("19900102123", None),  # eleven digits are not a date
        ("not a date", None),
    ],
)
def test_parse_date_reads_full_dates_and_year_months_without_inventing_days(value, expected) -> None:
    from privacy.recognizers.date_of_birth import parse_date

    assert parse_date(value) == expected
