"""12345政务服务热线: work orders, online messages, monthly statistics, service directory, call-back records."""
from __future__ import annotations

import datetime as dt

import numpy as np

from .. import vocab as V
from ..table import EMAIL, EVENT_Q, IP, NAME, OTHER, PHONE, PID, REGION_Q, STAT, org, table
from ..texts import hotline_text
from ..values import mapv, mask_name, sparse

RESULTS = ["已联系来电人，经核实情况属实，已责令整改", "已转交属地街道处理，现场核查后已整改到位", "经核实，该情况不属实，已向来电人解释",
           "已向来电人解释相关政策，来电人表示理解", "问题涉及历史遗留，已纳入年度计划解决", "已协调相关单位处理，来电人表示满意"]


@table("hotline_work_orders", "hotline", "people", "12345热线工单明细", "csv", 3000, "chinese", enc="utf-8-sig")
def work_orders(t):
    g = t.g
    P = g.persons(t.n, 18, 85)
    when = np.array(sorted(g.datetimes(t.n, dt.date(2025, 1, 1), dt.date(2025, 12, 20), hours=(0, 24))), dtype=object)
    style = g.choice(["full", "title", "anon"], t.n, [0.5, 0.35, 0.15])
    caller = mapv(lambda n, s: n if s == "full" else (mask_name(n, 2 if g.pr.random() < 0.5 else 3) if s == "title" else "匿名"), P.name, style)
    phone = np.where(g.flag(0.86, t.n), P.mobile, mapv(lambda c: g.landline(c[:4], dashed=g.pr.random() < 0.5), P.district))
    t.col("工单编号", np.array([f"{w:%Y%m%d}{i:06d}" for i, w in enumerate(when)], dtype=object), OTHER)
    t.col("来电时间", when, EVENT_Q)
    t.col("来电人", caller, NAME, note="full names, 王先生/李女士 forms and 匿名", tags=("masked", "placeholder"))
    t.col("来电号码", phone, PHONE, note="caller's mobile or home landline")
    t.col("诉求类型", g.choice(["投诉", "咨询", "求助", "建议", "举报"], t.n, [0.45, 0.3, 0.12, 0.08, 0.05]), OTHER)
    t.col("诉求分类", g.choice(V.HOTLINE_CATEGORIES, t.n), OTHER)
    t.col("诉求内容", mapv(lambda n, m, a: hotline_text(g, n, m, a), P.name, P.mobile, P.addr), ("sensitive", "FREE_TEXT", "direct"),
          note="caller narrative mixing names, mobiles and home addresses; ~5% mention an illness (hence sensitive)",
          tags=("free_text",))
    t.col("涉及区县", mapv(lambda c: V.DISTRICTS[c], P.district), REGION_Q)
    t.col("承办单位", mapv(lambda c: g.one([f"{V.DISTRICTS[c]}人民政府{g.street(c)}办事处", f"{V.DISTRICTS[c]}住房和城乡建设局",
                                            f"{V.DISTRICTS[c]}市场监督管理局", f"{V.DISTRICTS[c]}综合行政执法局"]), P.district), org("ORG_NAME"))
    t.col("办理结果", g.choice(RESULTS, t.n), OTHER, note="formulaic case-handling result without names")
    t.col("满意度", g.choice(["满意", "基本满意", "不满意", "未回访"], t.n, [0.6, 0.2, 0.1, 0.1]), OTHER)
    t.col("回访时间", mapv(lambda w: (w + dt.timedelta(days=g.randint(1, 10))).strftime("%Y-%m-%d"), when), EVENT_Q)


TITLES = ["关于{c}小区噪音扰民的投诉", "{r}路段积水问题", "咨询{d}入学政策", "{c}物业收费不合理", "建议{r}增设公交站点",
          "{d}某工地夜间施工扰民", "反映{c}电梯故障", "咨询灵活就业社保缴费"]


@table("hotline_online_messages", "hotline", "people", "政府网站“民意直通车”留言", "jsonl", 1500, "english_snake")
def online_messages(t):
    g = t.g
    P = g.persons(t.n, 18, 75)
    nick = mapv(lambda n: g.one([g.zh.user_name(), f"{g.zh.last_romanized_name().lower()}{g.randint(1, 9999)}",
                                 f"{n[0]}{g.one(['先生', '女士'])}{g.randint(1, 99)}", f"市民{g.digits(6)}", f"{g.one(V.COMMUNITY_PREFIX)}业主"]), P.name)
    t.col("message_id", np.array([f"LY{g.digits(10)}" for _ in range(t.n)], dtype=object), OTHER)
    t.col("nickname", nick, PID, note="forum nickname: account identifier of a person")
    t.col("title", mapv(lambda c: g.one(TITLES).format(c=g.community_name(), r=g.one(V.ROADS), d=V.DISTRICTS[c]), P.district), OTHER)
    t.col("content", mapv(lambda n, m, a: hotline_text(g, n, m, a, health_share=0.0).replace("来电人", "本人").replace("来电", "留言"), P.name, P.mobile, P.addr),
          ("personal", "FREE_TEXT", "direct"), note="message text; some give the author's name, mobile or address", tags=("free_text",))
    t.col("post_time", mapv(lambda w: w.strftime("%Y-%m-%d %H:%M"), g.datetimes(t.n, dt.date(2024, 6, 1), dt.date(2025, 12, 20), hours=(0, 24))),
          EVENT_Q)
    t.col("ip", np.array([g.ip() for _ in range(t.n)], dtype=object), IP, note="IP of the citizen who posted")
    t.col("email", sparse(g, np.array([g.personal_email() for _ in range(t.n)], dtype=object), 0.3), EMAIL, tags=("sparse",))
    t.col("reply_unit", mapv(lambda c: f"{V.DISTRICTS[c]}{g.one(['住房和城乡建设局', '教育局', '综合行政执法局', '人力资源和社会保障局'])}", P.district),
          org("ORG_NAME"))
    t.col("reply_content", g.choice(RESULTS, t.n), OTHER)
    t.col("status", g.choice(["已回复", "办理中", "已受理"], t.n, [0.8, 0.12, 0.08]), OTHER)


@table("hotline_monthly_stats", "hotline", "aggregate", "12345热线诉求分类月度统计", "parquet", 1440, "chinese")
def monthly_stats(t):
    g = t.g
    rows = [(f"{y}-{m:02d}", k, c) for y in (2024, 2025) for m in range(1, 13) for k in V.HOTLINE_CATEGORIES[:10] for c in list(V.DISTRICTS)[:6]]
    t.col("月份", [r[0] for r in rows], STAT)
    t.col("诉求类别", [r[1] for r in rows], STAT)
    t.col("区县", [V.DISTRICTS[r[2]] for r in rows], org("REGION"))
    t.col("工单量", g.r.poisson(320, len(rows)), STAT)
    t.col("按时办结率", np.round(g.r.uniform(0.9, 1.0, len(rows)), 4), STAT)
    t.col("满意率", np.round(g.r.uniform(0.8, 0.99, len(rows)), 4), STAT)


@table("hotline_service_directory", "hotline", "organisations", "政务服务咨询电话目录", "xlsx", 220, "pinyin")
def service_directory(t):
    g = t.g
    depts = ["人力资源和社会保障局", "医疗保障局", "住房公积金管理中心", "市场监督管理局", "税务局", "公安局出入境管理局", "民政局", "教育局",
             "不动产登记中心", "交通运输局"]
    codes = g.choice(list(V.DISTRICTS), t.n)
    d = g.choice(depts, t.n)
    t.col("danweimingcheng", mapv(lambda c, x: f"{g.city_of(c)}{x}" if g.pr.random() < 0.4 else f"{V.DISTRICTS[c]}{x}", codes, d), org("ORG_NAME"))
    t.col("fuwushixiang", mapv(lambda x: g.one(["政策咨询", "业务办理预约", "投诉举报", "进度查询"]), d), STAT)
    t.col("zixundianhua", mapv(lambda c: g.one([g.landline(c[:4]), g.hotline400(), g.one(["12333", "12366", "12315", "12329"])]), codes),
          org("PHONE_NUMBER"), note="landlines, 400 numbers and short service codes")
    t.col("bangongdizhi", mapv(g.org_address, codes), org("ADDRESS"))
    t.col("gongzuoshijian", g.choice(["工作日 9:00-17:00", "周一至周五 8:30-12:00，13:30-17:00", "7×24小时"], t.n), STAT)
    t.col("dianziyouxiang", np.array([g.org_email("gov") for _ in range(t.n)], dtype=object), org("EMAIL"), note="office mailbox")
    t.col("wangzhan", np.array([f"http://www.{g.pick('abcdefghjkmnprstwxyz', 5)}.gov.cn" for _ in range(t.n)], dtype=object), STAT)


@table("hotline_callback_records", "hotline", "people", "热线工单回访记录", "csv", 1200, "opaque", delim="\t")
def callback_records(t):
    g = t.g
    mob = g.mobiles(t.n)
    when = g.datetimes(t.n, dt.date(2025, 6, 1), dt.date(2025, 12, 20), hours=(9, 18))
    t.col("col_1", np.array([f"{w:%Y%m%d}{g.digits(6)}" for w in when], dtype=object), OTHER, note="work-order number")
    t.col("col_2", g.choice([f"HF{x:03d}" for x in range(1, 26)], t.n), PID, note="call-back agent's staff number")
    t.col("col_3", mob, PHONE, note="citizen's mobile")
    t.col("col_4", mapv(lambda w: w.strftime("%Y/%m/%d"), when), EVENT_Q)
    sat = g.choice(["满意", "基本满意", "不满意"], t.n, [0.7, 0.2, 0.1])
    t.col("col_5", sat, OTHER)
    t.col("col_6", mapv(lambda s: g.one(["办理时间太长", "问题未解决", "答复敷衍", "未联系本人"]) if s == "不满意" else None, sat), OTHER,
          tags=("sparse",))
    t.col("col_7", mapv(lambda w, m: f"{w:%Y%m%d%H%M%S}_{m}.wav", when, mob), PHONE,
          note="recording file name embeds the citizen's mobile")
