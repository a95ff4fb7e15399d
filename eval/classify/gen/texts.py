"""Free-text generators (hotline work orders, complaints, notes) with planted entities."""
from __future__ import annotations

from . import vocab as V
from .values import Gen, mask_name

HOTLINE_ISSUES = [
    "楼下{shop}油烟扰民，排烟管道直对居民窗户，多次沟通无果",
    "小区{community}门口道路破损，雨天积水严重，影响老人小孩出行",
    "附近工地夜间施工噪音很大，晚上十一点以后仍在作业",
    "{company}拖欠工资三个月未发，共计约{amount}元",
    "小区物业擅自提高停车费，从每月{fee}元涨到{fee2}元",
    "{road}与{road2}交叉口红绿灯时间太短，行人来不及通过",
    "在{shop}办理的预付卡，商家关门跑路，余额{amount}元无法退还",
    "孩子今年秋季入学，户籍在{district}，咨询入学需要准备哪些材料",
    "咨询灵活就业人员社保缴费基数和缴费方式",
    "反映{road}上共享单车乱停放，占用盲道",
    "小区电梯经常故障，上周困人两次，物业不处理",
    "咨询公积金提取用于租房的条件和每月额度",
    "{company}排放刺鼻气味，附近居民晚上无法开窗",
    "家门口垃圾清运不及时，夏天臭味很大",
    "咨询新生儿医保参保办理流程",
]
HEALTH_ADDONS = [
    "本人患有{disease}，行动不便，希望尽快处理",
    "家中老人有{disease}，噪音影响休息，病情加重",
    "母亲{disease}住院，需要办理异地就医备案，咨询流程",
]


def _fill(g: Gen, tpl: str) -> str:
    code = g.one(list(V.DISTRICTS))
    return tpl.format(
        shop=g.one(["烧烤店", "餐馆", "面馆", "火锅店", "小吃店"]), community=g.community_name(),
        company=g.company_name(code), amount=g.randint(2, 90) * 500, fee=g.randint(150, 300),
        fee2=g.randint(350, 600), road=g.one(V.ROADS), road2=g.one(V.ROADS), district=V.DISTRICTS[code],
        disease=g.one(["高血压", "糖尿病", "心脏病", "哮喘", "尿毒症", "抑郁症", "癌症"]),
    )


def hotline_text(g: Gen, name: str, mobile: str, address: str, health_share=0.05) -> str:
    """Caller narrative; about half mention the caller's name/mobile/address, a few an illness."""
    parts = []
    u = g.pr.random()
    if u < 0.25:
        parts.append(f"来电人{name}反映：")
    elif u < 0.5:
        parts.append(f"市民{mask_name(name, 2 if g.pr.random() < 0.5 else 3)}来电反映：")
    else:
        parts.append("来电人反映：")
    if g.pr.random() < 0.45:
        parts.append(f"其住在{address}，")
    parts.append(_fill(g, g.one(HOTLINE_ISSUES)) + "。")
    if g.pr.random() < health_share:
        parts.append(_fill(g, g.one(HEALTH_ADDONS)) + "。")
    parts.append(g.one(["要求相关部门尽快处理。", "希望有关部门核实处理。", "请相关部门给予答复。", "诉求：尽快解决。"]))
    if g.pr.random() < 0.4:
        parts.append(f"联系电话：{mobile}。" if g.pr.random() < 0.7 else f"回电{mobile}。")
    return "".join(parts)


def complaint_text(g: Gen, name: str, mobile: str, company: str) -> str:
    product = g.one(["手机", "冰箱", "羽绒服", "奶粉", "电动车", "课程服务", "装修服务", "健身卡", "外卖", "二手车"])
    problem = g.one(["质量问题，要求退货被拒", "虚假宣传，与描述不符", "预付费后商家拒绝退款", "收到商品已过保质期",
                     "维修三次仍未修好", "被强制收取服务费", "七天无理由退货被拒绝"])
    s = f"消费者于{g.date():%Y年%m月%d日}在{company}购买{product}，{problem}。"
    if g.pr.random() < 0.35:
        s += f"投诉人：{name}，电话{mobile}。"
    elif g.pr.random() < 0.3:
        s += f"联系人{mask_name(name, 0)}。"
    return s


def lost_item_text(g: Gen, name: str, id_no: str) -> str:
    if g.pr.random() < 0.15:
        return f"居民身份证一张（姓名：{name}，号码：{id_no}）"
    if g.pr.random() < 0.1:
        return f"钱包一个，内有现金若干、银行卡两张及{name}的驾驶证"
    return g.one(["黑色双肩包一个，内有笔记本电脑一台", "钥匙一串（5把）", "苹果手机一部，黑色手机壳", "雨伞一把",
                  "棕色皮夹一个，内有少量现金", "儿童书包一个，内有课本", "保温杯一个", "蓝牙耳机一副", "行李箱一个（灰色）",
                  "电动车钥匙一把", "眼镜一副", "文件袋一个，内有合同若干"])


def enforcement_text(g: Gen, debtor: str, creditor: str) -> str:
    amt = g.randint(2, 300) * 1000
    return g.one([
        f"被告{debtor}于本判决生效之日起十日内归还原告{creditor}借款本金{amt}元及利息",
        f"{debtor}应支付{creditor}货款{amt}元，并承担案件受理费",
        f"被执行人{debtor}赔偿申请执行人{creditor}经济损失{amt}元",
        f"双方自愿达成调解协议：{debtor}分期偿还{creditor}{amt}元",
    ])


def accident_text(g: Gen, company: str, victim: str, age: int, sex: str) -> str:
    s = "男" if sex == "1" else "女"
    task = g.one(["清理设备", "高处作业", "操作冲床", "吊装作业", "有限空间作业", "驾驶叉车"])
    mech = g.one(["被卷入传送带", "从脚手架坠落", "被冲床压伤", "被吊物砸中", "吸入有毒气体", "被叉车撞击"])
    injury = g.one(["头部受伤，经送医抢救无效死亡", "右手三根手指离断", "腰椎骨折", "多处骨折", "中毒昏迷后经抢救脱险"])
    return f"{company}作业人员{mask_name(victim, 1)}（{s}，{age}岁）在{task}时{mech}，致{injury}。"


def mediation_text(g: Gen, a: str, b: str, address: str) -> str:
    return g.one([
        f"{a}与{b}系邻居，因{b}在楼道堆放杂物引发纠纷，{a}住{address}",
        f"{a}与{b}因房屋租赁押金退还问题发生纠纷，涉及金额{g.randint(1, 20) * 1000}元",
        f"{a}驾驶电动车与{b}发生碰撞，双方就医疗费赔偿产生争议",
        f"{a}为{b}装修房屋，因工程款结算产生纠纷",
        f"{a}与{b}系夫妻，因赡养老人问题发生家庭矛盾",
    ])
