"""Organisation names (entity ORG_NAME, not personal): Chinese names ending in an organisation
suffix (公司, 局, 医院, 学校, 银行, 委员会...). :func:`is_place_name` recognises names of public
places (bus stops, parks, stations) -- also not personal, and a sign that coordinates or
phone numbers in the same table describe places rather than people."""

from __future__ import annotations

import re

from privacy.recognizers._base import ZhPatternRecognizer

ORG_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "分公司",
    "公司",
    "集团",
    "医院",
    "卫生院",
    "卫生服务中心",
    "诊所",
    "门诊部",
    "学校",
    "大学",
    "学院",
    "中学",
    "小学",
    "幼儿园",
    "职业技术学院",
    "银行",
    "支行",
    "分行",
    "信用社",
    "局",
    "厅",
    "委员会",
    "办公室",
    "中心",
    "研究院",
    "研究所",
    "协会",
    "学会",
    "商会",
    "基金会",
    "事务所",
    "合作社",
    "人民政府",
    "政府",
    "办事处",
    "派出所",
    "法院",
    "检察院",
    "大队",
    "支队",
    "图书馆",
    "博物馆",
    "纪念馆",
    "体育馆",
    "文化馆",
    "科技馆",
    "美术馆",
    "厂",
    "商行",
    "经营部",
    "门市部",
    "工作室",
    "酒店",
    "宾馆",
    "超市",
    "药房",
    "药店",
    "社区居委会",
    "居委会",
    "村委会",
    "社区",
    "出版社",
    "报社",
    "电视台",
)
PLACE_SUFFIXES = (
    "站",
    "公交站",
    "地铁站",
    "火车站",
    "公园",
    "广场",
    "码头",
    "机场",
    "景区",
    "停车场",
    "充电站",
    "加油站",
    "路口",
    "桥",
    "小区",
    "大厦",
    "商场",
    "市场",
    "服务区",
    "收费站",
    "垃圾站",
    "公厕",
    "网点",
    "服务点",
    "营业厅",
    "体育场",
    "游泳馆",
    "球场",
    "驿站",
)
_SUFFIX_RE = "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True))
_ORG_CELL = re.compile(
    rf"[\u4e00-\u9fff（）()A-Za-z0-9·]{{2,40}}(?:{_SUFFIX_RE})(?:[（(][\u4e00-\u9fff]{{1,12}}[)）])?"
)
_PLACE_CELL = re.compile(
    rf"[\u4e00-\u9fff（）()A-Za-z0-9·]{{1,30}}(?:{'|'.join(sorted(PLACE_SUFFIXES, key=len, reverse=True))})"
    r"(?:[（(][\u4e00-\u9fff0-9A-Za-z]{1,12}[)）])?"
)


def is_place_name(value: str) -> bool:
    return bool(_PLACE_CELL.fullmatch(value.strip()))


class OrgNameRecognizer(ZhPatternRecognizer):
    ENTITY = "ORG_NAME"
    PATTERNS = (("org_name", rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{_SUFFIX_RE})", 0.4),)
    CELL_PATTERNS = (_ORG_CELL.pattern,)
    CONTEXT = ("单位", "机构", "企业", "名称")
