"""Small helpers shared by the v4 table modules: value formats and free-text generators."""

from __future__ import annotations

import datetime as dt

from v4lib import ICD, COUNTIES, ROADS, ESTATES, mask_name

D = dt.date


def sex(ps, style="zh"):
    out = []
    for p in ps:
        m = p["male"]
        out.append({"zh": "男" if m else "女", "code": 1 if m else 2, "scode": "1" if m else "2",
                    "en": "M" if m else "F", "word": "male" if m else "female"}[style])
    return out


def dfmt(d, style):
    if d is None:
        return None
    if style == "iso":
        return d.isoformat()
    if style == "compact":
        return d.strftime("%Y%m%d")
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "dot":
        return d.strftime("%Y.%m.%d")
    if style == "serial":
        return (d - D(1899, 12, 30)).days
    if style == "date":
        return d
    raise ValueError(style)


def dts(g, n, start, end):
    """Datetimes as 'YYYY-MM-DD HH:MM:SS' strings."""
    out = []
    for _ in range(n):
        d = g.date(start, end)
        out.append(f"{d.isoformat()} {g.r.randint(7, 21):02d}:{g.r.randrange(60):02d}:{g.r.randrange(60):02d}")
    return out


def hotline_text(g, p):
    """A citizen's narrative: name, mobile, home address; a few mention an illness."""
    r = g.r
    who = r.choice([p["name"], mask_name(p["name"], r), p["name"][0] + r.choice(["先生", "女士"])])
    home = g.home_addr(p["county"], short=True)
    topics = [
        f"来电人{who}反映其居住的{home}楼下餐馆油烟扰民，请尽快处理，回电{p['mobile']}。",
        f"市民{who}（电话{p['mobile']}）称{home}小区电梯多次困人，物业未维修。",
        f"{who}反映{r.choice(ROADS)}路段夜间渣土车噪音，影响休息，联系方式{p['mobile']}。",
        f"来电人称其母亲患{r.choice(ICD)[1]}行动不便，咨询居家养老上门服务，地址{home}，联系人{who}。",
        f"{who}投诉{home}附近工地夜间施工，要求核查，手机{p['mobile'][:3]}****{p['mobile'][-4:]}。",
        f"市民反映公交站台破损，建议更换，无需回电。",
        f"来电人{who}咨询新生儿医保参保流程，要求短信回复至{p['mobile']}。",
    ]
    return r.choice(topics)


def complaint_text(g, p, shop):
    r = g.r
    amt = r.randint(30, 6000)
    return r.choice([
        f"本人{p['name']}于{r.randint(1, 28)}日在{shop}购买商品{amt}元，收到后发现质量问题，商家拒绝退货，联系电话{p['mobile']}。",
        f"消费者在{shop}办理预付卡{amt}元，门店关闭无法退款，要求处理。",
        f"{shop}销售过期食品，本人食用后腹泻就医，请求赔偿，电话{p['mobile']}。",
        f"投诉{shop}虚假宣传，价格标示与结算不符，多收{r.randint(5, 200)}元。",
        f"网购商品未发货，客服不回复，订单金额{amt}元，消费者{mask_name(p['name'], r)}。",
    ])


def case_text(g, p):
    r = g.r
    return r.choice([
        f"{p['name']}于{r.randint(2019, 2025)}年在{COUNTIES[r.choice(sorted(COUNTIES))]}务工期间被拖欠工资{r.randint(3, 60)}千元，"
        f"用人单位拒不支付，现住{g.home_addr(p['county'], short=True)}。",
        f"申请人{p['name']}（身份证号{p['id']}）反映公司未签订劳动合同、未缴纳社会保险。",
        f"职工{p['name']}反映加班费未足额发放，手机{p['mobile']}。",
        f"反映单位克扣工资，涉及{r.randint(2, 40)}名工人，联系人{p['name']}，电话{p['mobile']}。",
    ])


def estate_addr(g, county):
    return (COUNTIES[county] + g.r.choice(ROADS) + f"{g.r.randint(1, 300)}号" + g.r.choice(ESTATES)
            + f"{g.r.randint(1, 40)}幢{g.r.randint(1, 30)}0{g.r.randint(1, 4)}室")
