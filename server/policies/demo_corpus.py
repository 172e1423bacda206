"""A realistic demo corpus of policies for the 如皋市 (320682) demo county.

``demo_policies()`` returns plain dicts in the JSONL import format (one dict per policy, keys
``_RECORD_KEYS``). The corpus is written, not generated at random: close to a hundred
hand-written policy *families* (``F``: title pattern, numbered articles, conditions, materials,
Q&A, 图解 cards …), each issued in two to five *variants* (``V``) that differ in year, issuing
body and level, amounts and specific clauses, plus a 《…》政策解读 record for about twenty of
them. Everything is deterministic and free of I/O; the data depend only on this module and
``taxonomy``.

Conventions:

* ``external_id`` is ``rg-<year>-<family><variant>`` for a policy and ``jd-…`` (same number) for
  its 解读; numbers are stable as long as families and variants are only appended.
* A 解读 carries no 文号: its ``doc_number`` is ``""``; every other doc number is unique.
* 名词解释 and 问答 accompany the latest variant of a family and every interpreted variant.
* Dates are relative to ``REFERENCE_DATE`` (2026-11-01): a policy whose expiry date lies before
  it is ``expired``; ``draft`` policies are 征求意见稿 whose 30-day comment window is still open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from server.policies.taxonomy import issuer_by_code

__all__ = ["REFERENCE_DATE", "demo_policies"]

REFERENCE_DATE = dt.date(2026, 11, 1)

_HOURS = "工作日9:00-12:00，13:30-17:00"

# Document-number pattern of each issuer ({year}, {no}).
_DOC: dict[str, str] = {
    "gov-office": "国办发〔{year}〕{no}号",
    "mohrss": "人社部发〔{year}〕{no}号",
    "mof": "财税〔{year}〕{no}号",
    "sta": "国家税务总局公告{year}年第{no}号",
    "miit": "工信部企业〔{year}〕{no}号",
    "most": "国科发火〔{year}〕{no}号",
    "mca": "民发〔{year}〕{no}号",
    "moa": "农财发〔{year}〕{no}号",
    "nhsa": "医保发〔{year}〕{no}号",
    "js-gov-office": "苏政办发〔{year}〕{no}号",
    "js-hrss": "苏人社发〔{year}〕{no}号",
    "js-finance": "苏财规〔{year}〕{no}号",
    "js-sci": "苏科高发〔{year}〕{no}号",
    "js-miit": "苏工信中小〔{year}〕{no}号",
    "nt-gov": "通政发〔{year}〕{no}号",
    "nt-gov-office": "通政办发〔{year}〕{no}号",
    "nt-hrss": "通人社规〔{year}〕{no}号",
    "rg-gov": "皋政发〔{year}〕{no}号",
    "rg-gov-office": "皋政办发〔{year}〕{no}号",
    "rg-hrss": "皋人社发〔{year}〕{no}号",
    "rg-civil": "皋民发〔{year}〕{no}号",
    "rg-sci": "皋科发〔{year}〕{no}号",
    "rg-finance": "皋财发〔{year}〕{no}号",
    "rg-tax": "皋税发〔{year}〕{no}号",
    "rg-housing": "皋住建发〔{year}〕{no}号",
    "rg-edu": "皋教体发〔{year}〕{no}号",
    "rg-agri": "皋农发〔{year}〕{no}号",
    "rg-health": "皋卫健发〔{year}〕{no}号",
    "rg-medins": "皋医保发〔{year}〕{no}号",
    "rg-miit": "皋工信发〔{year}〕{no}号",
    "rg-commerce": "皋商发〔{year}〕{no}号",
    "rg-market": "皋市监发〔{year}〕{no}号",
    "rg-emergency": "皋应急发〔{year}〕{no}号",
    "rg-culture": "皋文广旅发〔{year}〕{no}号",
    "rg-transport": "皋交发〔{year}〕{no}号",
    "rg-ecology": "皋环发〔{year}〕{no}号",
    "rg-resources": "皋自然资规发〔{year}〕{no}号",
    "rg-disabled": "皋残联发〔{year}〕{no}号",
    "rg-veterans": "皋退役军人发〔{year}〕{no}号",
}

_NATIONAL_DEPTS = "各省、自治区、直辖市及计划单列市、新疆生产建设兵团有关部门："
_RG_DEPTS = "各区镇（街道），市各有关单位："

# 主送机关 of a notice, by issuer.
_ADDRESSEE: dict[str, str] = {
    "gov-office": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "mohrss": "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）：",
    "mof": _NATIONAL_DEPTS,
    "sta": _NATIONAL_DEPTS,
    "miit": "各省、自治区、直辖市及计划单列市、新疆生产建设兵团中小企业主管部门：",
    "most": "各省、自治区、直辖市及计划单列市、新疆生产建设兵团科技厅（委、局）：",
    "mca": "各省、自治区、直辖市民政厅（局），新疆生产建设兵团民政局：",
    "moa": "各省、自治区、直辖市及计划单列市农业农村（农牧）厅（局、委）：",
    "nhsa": "各省、自治区、直辖市及新疆生产建设兵团医疗保障局：",
    "js-gov-office": "各市、县（市、区）人民政府，省各委办厅局，省各直属单位：",
    "js-hrss": "各设区市人力资源社会保障局：",
    "js-finance": "各设区市、县（市）财政局：",
    "js-sci": "各设区市科技局，各国家级高新区管委会：",
    "js-miit": "各设区市工业和信息化局：",
    "nt-gov": "各县（市、区）人民政府，市各直属园区管委会，市各委、办、局，市各直属单位：",
    "nt-gov-office": "各县（市、区）人民政府，市各直属园区管委会，市各委、办、局，市各直属单位：",
    "nt-hrss": "各县（市、区）人力资源和社会保障局，市各有关单位：",
    "rg-gov": "各区镇人民政府（管委会、办事处），市各委、办、局，市各直属单位：",
    "rg-gov-office": "各区镇人民政府（管委会、办事处），市各委、办、局，市各直属单位：",
}

# Service hotline of each county department (fixed-line numbers of the 0513 area).
_PHONE: dict[str, str] = {
    "rg-gov": "0513-87651210",
    "rg-gov-office": "0513-87651216",
    "rg-hrss": "0513-87658512",
    "rg-civil": "0513-87523608",
    "rg-sci": "0513-87519135",
    "rg-finance": "0513-87512760",
    "rg-tax": "0513-87660366",
    "rg-housing": "0513-87521482",
    "rg-edu": "0513-87513620",
    "rg-agri": "0513-87515307",
    "rg-health": "0513-87516452",
    "rg-medins": "0513-87658709",
    "rg-miit": "0513-87517823",
    "rg-commerce": "0513-87512964",
    "rg-market": "0513-87659315",
    "rg-emergency": "0513-87690110",
    "rg-culture": "0513-87518541",
    "rg-transport": "0513-87517306",
    "rg-ecology": "0513-87659240",
    "rg-resources": "0513-87520978",
    "rg-disabled": "0513-87526150",
}

# Where to apply in person, by county department.
_PLACE: dict[str, str] = {
    "rg-hrss": "如皋市政务服务中心二楼人社窗口",
    "rg-civil": "户籍所在区镇（街道）为民服务中心民政窗口",
    "rg-sci": "如皋市政务服务中心四楼企业服务专区科技窗口",
    "rg-finance": "如皋市政务服务中心四楼企业服务专区财政窗口",
    "rg-tax": "如皋市政务服务中心三楼办税服务厅",
    "rg-housing": "如皋市政务服务中心二楼住房保障窗口",
    "rg-edu": "如皋市政务服务中心一楼教育窗口",
    "rg-agri": "所在区镇（街道）农业农村服务中心",
    "rg-health": "户籍所在地社区卫生服务中心（卫生院）",
    "rg-medins": "如皋市政务服务中心一楼医保窗口",
    "rg-miit": "如皋市政务服务中心四楼企业服务专区工信窗口",
    "rg-commerce": "如皋市政务服务中心四楼企业服务专区商务窗口",
    "rg-market": "如皋市政务服务中心一楼市场准入窗口",
    "rg-emergency": "如皋市应急管理局二楼行政审批科",
    "rg-culture": "如皋市文化广电和旅游局产业发展科",
    "rg-transport": "如皋市政务服务中心三楼交通运输窗口",
    "rg-ecology": "如皋市政务服务中心三楼生态环境窗口",
    "rg-resources": "如皋市政务服务中心三楼自然资源和规划窗口",
    "rg-disabled": "户籍所在区镇（街道）残联及如皋市政务服务中心一楼残联窗口",
}

_AREA: dict[str, tuple[str, str]] = {
    # level → (area name, "全…" scope word)
    "national": ("全国", "全国"),
    "provincial": ("江苏省", "全省"),
    "city": ("南通市", "全市"),
    "county": ("如皋市", "全市"),
}

_RECORD_KEYS: tuple[str, ...] = (
    "external_id",
    "title",
    "doc_number",
    "issuer",
    "publish_date",
    "effective_date",
    "expiry_date",
    "status",
    "audience",
    "body",
    "summary",
    "topics",
    "industries",
    "stage",
    "categories",
    "regions",
    "illustrated",
    "glossary",
    "qa",
    "guide",
    "related",
)

Kind = Literal["notice", "announcement", "plain"]


@dataclass(frozen=True, slots=True)
class V:
    """One issued variant of a family.

    ``date`` is the publish date as "MM-DD" within ``year``; ``eff``/``exp`` are full ISO
    dates (``eff`` defaults to the publish date); ``window`` is the application window as
    two "MM-DD" dates within ``year`` or two full ISO dates.
    """

    year: int
    issuer: str
    no: int
    date: str
    title: str
    p: Mapping[str, str] = field(default_factory=dict)
    doc: str | None = None
    eff: str | None = None
    exp: str | None = None
    draft: bool = False
    illustrated: bool = False
    window: tuple[str, str] | None = None
    interpret: bool = False
    related: tuple[str, ...] = ()
    kind: Kind | None = None


@dataclass(frozen=True, slots=True)
class G:
    """Application guide (办事指南) template; ``dept`` is the county department that
    accepts applications (its phone and default counter are used)."""

    dept: str
    conditions: tuple[str, ...]
    materials: tuple[tuple[str, str], ...]
    steps: tuple[str, ...]
    place: str | None = None
    online: bool = True
    hours: str | None = _HOURS


@dataclass(frozen=True, slots=True)
class F:
    """A policy family: everything shared by its variants. Text fields are templates filled
    from the variant (see ``_context``)."""

    no: int
    audience: str
    topics: tuple[str, ...]
    stage: str
    summary: str
    body: tuple[str, ...]
    variants: tuple[V, ...]
    categories: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    kind: Kind = "notice"
    addressee: str | None = None
    glossary: tuple[tuple[str, str], ...] = ()
    qa: tuple[tuple[str, str], ...] = ()
    guide: G | None = None
    cards: tuple[str, ...] = ()
    background: str = ""
    points: tuple[str, ...] = ()


# =============================================================================================
# Families — 民生: 养老、社会救助、医保
# =============================================================================================

_ELDERLY_CARD = "持证老人可享受的{n_items}项优待"

_FAMILIES_LIVELIHOOD: tuple[F, ...] = (
    F(
        no=1,
        audience="residents",
        topics=("elderly-care.allowance",),
        stage="service",
        summary=(
            "{area}户籍及常住{age}周岁以上老年人可申领老年人优待证，{fee}。{summary_extra}"
            "持证可享受乘车、游园、就医等{n_items}项优待服务，优待证限本人使用，遗失可补办。"
        ),
        body=(
            "为贯彻落实《中华人民共和国老年人权益保障法》和《江苏省老年人权益保障条例》，"
            "进一步做好老年人优待工作，方便老年人享受各项优待服务，现就{topic}有关事项通知如下。",
            "一、申领对象。具有本市户籍或持有本市居住证的{age}周岁以上老年人，均可申领"
            "老年人优待证。{target_extra}",
            "二、办理方式。{channel}申请人本人或委托家属携带居民身份证（或户口簿）即可办理，"
            "{fee}，符合条件的当场制证。行动不便的高龄、失能老人，可由村（居）委会代为申请，"
            "工作人员上门采集信息。",
            "三、优待项目。持证老人凭证享受以下优待：{items}",
            "四、证件管理。优待证限本人使用，不得转借、涂改。遗失或损坏的，可向原办理地申请补办。"
            "老人去世后，由家属向村（居）委会交回证件或申请注销电子证照。",
            "五、工作要求。各区镇（街道）要将老年人优待证办理纳入为民服务中心日常业务，"
            "做到窗口公开、流程公开、结果公开，不得设置额外条件，不得收取任何费用。{clause}",
        ),
        variants=(
            V(
                2019,
                "rg-civil",
                18,
                "04-12",
                "如皋市民政局关于做好老年人优待证办理工作的通知",
                p={
                    "topic": "老年人优待证办理",
                    "age": "60",
                    "fee": "免收工本费",
                    "summary_extra": "由户籍所在区镇（街道）为民服务中心受理，",
                    "target_extra": "外地来皋投亲的老人，凭居住证享受同等待遇。",
                    "channel": "老年人优待证由户籍所在区镇（街道）为民服务中心民政窗口受理。",
                    "items": "65周岁以上老人免费乘坐城市公交；免费游览水绘园等政府投资的公园、"
                    "景区；在公立医疗机构享受挂号、就诊、取药、缴费优先；法律援助优先受理。",
                    "n_items": "四",
                },
            ),
            V(
                2022,
                "rg-civil",
                9,
                "03-08",
                "如皋市民政局关于推行老年人电子优待证的通知",
                p={
                    "topic": "推行老年人电子优待证",
                    "age": "60",
                    "fee": "实体证和电子证均免费",
                    "summary_extra": "可通过“苏服办”或窗口申领电子优待证，与实体证同等效力，",
                    "target_extra": "已办理实体证的老人，无需重新申请即可同步生成电子优待证。",
                    "channel": "老年人可通过政务服务平台在线申领电子优待证，也可到户籍所在区镇"
                    "（街道）为民服务中心窗口申领，电子证与实体证具有同等效力。",
                    "items": "65周岁以上老人免费乘坐城乡公交；免费游览水绘园、龙游湖等公园景区；"
                    "在公立医疗机构设置老年人优先窗口；80周岁以上老人在二级以上医院免收普通门诊"
                    "诊查费自付部分；法律援助优先受理。",
                    "n_items": "五",
                },
            ),
            V(
                2025,
                "rg-civil",
                11,
                "05-20",
                "如皋市民政局关于进一步扩大老年人优待证优待项目的通知",
                p={
                    "topic": "扩大老年人优待证优待项目",
                    "age": "60",
                    "fee": "免收任何费用",
                    "summary_extra": "新增文体场馆免费开放、银发助餐优惠等项目，",
                    "target_extra": "在本市居住满半年的非户籍老年人同等享受优待。",
                    "channel": "实行“全市通办”，老年人可到任一区镇（街道）为民服务中心申领，"
                    "也可通过小程序在线申领电子优待证。",
                    "items": "65周岁以上老人免费乘坐城乡公交；免费游览政府投资的公园景区；"
                    "公共体育场馆、文化馆、图书馆免费或优惠开放；社区老年助餐点就餐享受每餐"
                    "2元至3元补助；在公立医疗机构享受挂号、就诊、取药优先；80周岁以上老人"
                    "每年可享受一次免费健康体检。",
                    "n_items": "六",
                },
                illustrated=True,
                interpret=True,
            ),
        ),
        glossary=(
            (
                "老年人优待证",
                "证明持证人为60周岁以上老年人、可享受各项优待服务的凭证，分实体证和电子证。",
            ),
        ),
        qa=(
            (
                "非本市户籍的老人能办理优待证吗？",
                "持有本市居住证的60周岁以上老年人可以申领，享受与户籍老人相同的优待项目。",
            ),
            (
                "办理优待证需要带什么材料？",
                "本人居民身份证或户口簿即可，{fee}。委托家属办理的，还需提供受托人身份证。",
            ),
            (
                "优待证丢了怎么办？",
                "可到原办理地为民服务中心申请补办，也可直接使用电子优待证，电子证与实体证同等有效。"
                "",
            ),
        ),
        guide=G(
            dept="rg-civil",
            conditions=("{area}户籍或持本市居住证", "年满{age}周岁"),
            materials=(
                ("居民身份证或户口簿", "原件，现场核验后退还"),
                ("近期一寸免冠照片", "一张；现场可免费拍照"),
            ),
            steps=(
                "到户籍所在区镇（街道）为民服务中心民政窗口或在线提交申请",
                "窗口核验身份信息",
                "符合条件的当场制证，电子证同步生成",
            ),
        ),
        cards=(
            "谁能办：{age}周岁以上户籍及持居住证老人",
            "去哪办：任一区镇（街道）为民服务中心，或小程序在线申领",
            "带什么：本人身份证或户口簿，{fee}",
            _ELDERLY_CARD,
        ),
        background="为落实老年人权益保障法，提升老年人获得感，{issuer}对老年人优待证办理和优待项目"
        "作出调整。",
        points=(
            "申领对象为{age}周岁以上户籍及持本市居住证老年人",
            "实行全市通办，可线上申领电子优待证",
            "优待项目增加到{n_items}项",
        ),
    ),
    F(
        no=2,
        audience="residents",
        topics=("elderly-care.allowance",),
        stage="service",
        summary=(
            "{year}年起{area}高龄津贴标准调整为：80至89周岁每人每月{a80}元，90至99周岁每人每月"
            "{a90}元，100周岁以上每人每月{a100}元，按月发放至老人社会保障卡，所需资金由市、"
            "区镇（街道）两级财政按{share}比例分担。"
        ),
        body=(
            "为弘扬中华民族尊老敬老的传统美德，让高龄老人共享经济社会发展成果，"
            "经市政府同意，{extra_intro}现就调整高龄津贴发放标准有关事项通知如下。",
            "一、发放对象。具有本市户籍、年满80周岁的老年人。{object_extra}",
            "二、发放标准。自{eff_cn}起，高龄津贴（也称高龄补贴）标准调整为：80至89周岁老人每人每月"
            "{a80}元；"
            "90至99周岁老人每人每月{a90}元；100周岁以上老人每人每月{a100}元。",
            "三、申领程序。老人或其家属向户籍所在村（居）委会提出申请，村（居）委会初审后报"
            "区镇（街道）审核，市民政局审批。{apply_extra}年满80周岁的老人，自年满当月起享受。",
            "四、发放方式。高龄津贴由市财政局通过“一卡通”系统按月直接发放至老人本人社会保障卡，"
            "不得由他人代领、截留。",
            "五、动态管理。村（居）委会每半年开展一次生存核查，对去世、户籍迁出的老人，"
            "家属应在30日内告知，自次月起停发。冒领的津贴予以追回。",
            "六、资金保障。所需资金由市、区镇（街道）两级财政按{share}比例分担。{clause}",
        ),
        variants=(
            V(
                2019,
                "rg-civil",
                5,
                "01-16",
                "如皋市民政局 如皋市财政局关于调整2019年高龄津贴发放标准的通知",
                eff="2019-01-01",
                p={
                    "a80": "50",
                    "a90": "150",
                    "a100": "400",
                    "extra_intro": "",
                    "object_extra": "",
                    "apply_extra": "",
                    "share": "7:3",
                },
            ),
            V(
                2021,
                "rg-civil",
                7,
                "02-02",
                "如皋市民政局 如皋市财政局关于提高高龄老人津贴标准的通知",
                eff="2021-01-01",
                p={
                    "a80": "60",
                    "a90": "200",
                    "a100": "500",
                    "extra_intro": "结合我市“长寿之乡”建设，",
                    "object_extra": "在本市居住满五年的退休人员，视同户籍老人纳入发放范围。",
                    "apply_extra": "",
                    "share": "7:3",
                },
            ),
            V(
                2023,
                "rg-civil",
                4,
                "01-10",
                "如皋市民政局关于实行高龄津贴“免申即享”的通知",
                eff="2023-01-01",
                p={
                    "a80": "80",
                    "a90": "260",
                    "a100": "600",
                    "extra_intro": "依托户籍和社保数据比对，实行高龄津贴“免申即享”，",
                    "object_extra": "已纳入特困供养的高龄老人同时享受。",
                    "apply_extra": "实行“免申即享”后，系统根据户籍信息自动生成发放名单，"
                    "老人和家属无需再提交申请材料。",
                    "share": "8:2",
                },
                interpret=True,
                related=("rg-2022-0012",),
            ),
            V(
                2025,
                "rg-civil",
                3,
                "01-08",
                "如皋市民政局 如皋市财政局关于提高2025年高龄津贴标准的通知",
                eff="2025-01-01",
                p={
                    "a80": "100",
                    "a90": "300",
                    "a100": "800",
                    "extra_intro": "",
                    "object_extra": "百岁老人另由市政府每年重阳节发放长寿慰问金1000元。",
                    "apply_extra": "继续实行“免申即享”，老人无需提交申请。",
                    "share": "8:2",
                },
                illustrated=True,
            ),
        ),
        glossary=(
            ("高龄津贴", "政府按月向80周岁以上老年人发放的普惠性生活补贴，也称高龄补贴。"),
            ("免申即享", "通过部门数据共享自动识别符合条件的对象，无需本人申请即可享受政策。"),
        ),
        qa=(
            (
                "老人刚满80周岁，什么时候开始领高龄津贴？",
                "自年满80周岁的当月起享受，津贴按月发放至本人社会保障卡。",
            ),
            (
                "{year}年90岁老人每月能领多少高龄补贴？",
                "90至99周岁老人每人每月{a90}元。",
            ),
            (
                "老人住在养老院还能领高龄津贴吗？",
                "可以，入住养老机构不影响高龄津贴发放。",
            ),
        ),
        guide=G(
            dept="rg-civil",
            conditions=("具有本市户籍", "年满80周岁"),
            materials=(
                ("居民身份证或户口簿", "老人本人的"),
                ("社会保障卡", "用于接收津贴，已激活金融功能"),
            ),
            steps=(
                "村（居）委会摸排或系统比对生成名单",
                "区镇（街道）审核",
                "市民政局审批",
                "按月发放至社会保障卡",
            ),
            place="户籍所在村（居）委会",
            online=False,
        ),
        cards=(
            "80-89周岁：每月{a80}元",
            "90-99周岁：每月{a90}元",
            "100周岁以上：每月{a100}元",
            "按月打卡发放，无需申请",
        ),
        background="我市是全国闻名的长寿之乡，80周岁以上老人数量逐年增加，为让高龄老人共享发展成果"
        "，对高龄津贴发放方式进行改革。",
        points=(
            "80至89周岁、90至99周岁、100周岁以上三档标准分别为{a80}元、{a90}元、{a100}元",
            "依托数据比对实行免申即享",
            "津贴按月发放至社会保障卡",
        ),
    ),
    F(
        no=3,
        audience="residents",
        topics=("elderly-care.home-care",),
        stage="execution",
        summary=(
            "{year}年{area}政府购买居家养老服务，对{target_short}每月提供{hours}小时上门服务"
            "或折算{value}元服务补贴，服务包括助餐、助洁、助浴、助医等；服务机构通过政府采购确定，"
            "满意度低于90%的限期整改。"
        ),
        body=(
            "为积极应对人口老龄化，完善居家为基础、社区为依托、机构为补充的养老服务体系，"
            "现就{year}年政府购买居家养老服务工作通知如下。",
            "一、服务对象。{target}",
            "二、服务标准。服务对象每人每月享受{hours}小时居家上门服务，或折算为{value}元"
            "服务补贴，由服务对象在定点服务机构自主选择服务项目。",
            "三、服务内容。主要包括助餐、助洁、助浴、助行、助医、代办和精神慰藉等，{content_extra}",
            "四、服务机构。通过政府采购确定服务机构，服务机构应具备相应资质，服务人员须持有"
            "健康证并接受岗前培训。{org_extra}",
            "五、监督评估。市民政局通过居家养老服务信息平台对服务过程实时监管，每季度开展一次"
            "满意度回访，满意度低于90%的服务机构限期整改，连续两次不合格的终止合同。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-civil",
                21,
                "04-28",
                "如皋市民政局关于做好2020年政府购买居家养老服务工作的通知",
                p={
                    "target": "本市户籍的城乡特困供养老人、低保家庭中的失能半失能老人、"
                    "80周岁以上空巢老人。",
                    "target_short": "特困、低保失能和80周岁以上空巢老人",
                    "hours": "6",
                    "value": "180",
                    "content_extra": "重点保障失能老人的生活照料需求。",
                    "org_extra": "",
                },
            ),
            V(
                2023,
                "rg-civil",
                14,
                "03-30",
                "如皋市民政局关于扩大居家养老上门服务覆盖面的通知",
                p={
                    "target": "本市户籍的特困供养老人、低保及低保边缘家庭老人、计划生育特殊家庭"
                    "老人、重点优抚对象中的老人，以及75周岁以上独居老人。",
                    "target_short": "特困、低保、计生特殊家庭和75周岁以上独居老人",
                    "hours": "8",
                    "value": "240",
                    "content_extra": "增加适老化改造评估和智能看护设备安装服务。",
                    "org_extra": "服务工单全部通过信息平台派发，实行服务前后拍照上传。",
                },
            ),
            V(
                2026,
                "rg-civil",
                6,
                "10-20",
                "如皋市居家养老服务补贴管理办法（征求意见稿）",
                draft=True,
                p={
                    "target": "本市户籍的特困、低保、低保边缘家庭中的老人，经评估为中度以上失能的"
                    "老人，以及80周岁以上独居、空巢老人。",
                    "target_short": "中度以上失能和80周岁以上独居空巢老人",
                    "hours": "10",
                    "value": "300",
                    "content_extra": "探索建立家庭养老床位，提供远程照护和紧急呼叫服务。",
                    "org_extra": "引入第三方机构开展失能等级评估，评估结果作为补贴档次依据。",
                },
            ),
        ),
        guide=G(
            dept="rg-civil",
            conditions=("本市户籍", "属于当年服务对象范围"),
            materials=(
                ("居民身份证或户口簿", "老人本人的"),
                ("困难身份证明或失能评估报告", "特困、低保等由系统核验，无需提供纸质证明"),
            ),
            steps=("向村（居）委会提出申请", "区镇（街道）审核", "市民政局确认并派单服务"),
            place="户籍所在村（居）委会",
            online=False,
        ),
    ),
    F(
        no=4,
        audience="both",
        topics=("elderly-care.institutions",),
        categories=("education-livelihood",),
        industries=("85",),
        stage="management",
        summary=(
            "{area}对养老机构实行{subsidy_kind}：{subsidy_detail}。养老机构须依法备案，"
            "按星级评定结果享受差异化补贴。"
        ),
        body=(
            "为鼓励社会力量举办养老机构，提升养老服务质量，制定本办法。",
            "第一条 本办法适用于在本市依法登记备案、取得消防验收或备案手续的养老机构，"
            "包括公办民营和民办养老机构。",
            "第二条 建设补贴。{build}",
            "第三条 运营补贴。{operate}",
            "第四条 星级评定。养老机构等级分为一星级至五星级，由市民政局组织第三方每两年评定一次。"
            "{star}",
            "第五条 申报程序。养老机构于每年{month}向市民政局提交补贴申请，经现场核查、"
            "入住人员信息比对和公示无异议后拨付资金。",
            "第六条 弄虚作假骗取补贴的，追回已拨付资金，三年内不得申报各类养老服务补贴。"
            "第七条 本办法由市民政局负责解释。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-civil",
                16,
                "06-15",
                "如皋市民政局 如皋市财政局关于印发《如皋市养老机构建设运营补贴办法》的通知",
                exp="2025-12-31",
                p={
                    "subsidy_kind": "建设补贴和运营补贴",
                    "subsidy_detail": "新建养老机构每张床位补贴5000元，运营补贴按实际收住"
                    "老人每人每月100至200元",
                    "build": "新建的养老机构每张床位一次性补贴5000元，利用闲置房屋改建的每张床位"
                    "补贴3000元，分三年拨付。",
                    "operate": "按实际收住本市户籍老人数给予运营补贴，收住自理老人每人每月100元，"
                    "收住失能半失能老人每人每月200元。",
                    "star": "",
                    "month": "1月",
                },
            ),
            V(
                2024,
                "rg-civil",
                10,
                "09-05",
                "如皋市民政局 如皋市财政局关于印发《如皋市养老机构星级评定与运营补贴管理办法》"
                "的通知",
                eff="2025-01-01",
                p={
                    "subsidy_kind": "与星级挂钩的运营补贴",
                    "subsidy_detail": "收住失能老人每人每月最高300元，四星级以上机构另给予"
                    "一次性奖励10万元至20万元",
                    "build": "不再对新增床位给予建设补贴，改为对护理型床位改造给予每张2000元补贴。",
                    "operate": "按收住老人失能等级和机构星级给予运营补贴，收住中度以上失能老人的，"
                    "一星级机构每人每月150元，每提高一星增加40元，最高300元。",
                    "star": "首次评为四星级、五星级的，分别给予一次性奖励10万元、20万元。",
                    "month": "1月和7月",
                },
            ),
        ),
        guide=G(
            dept="rg-civil",
            conditions=(
                "在本市依法登记并向民政部门备案",
                "取得消防验收合格或备案手续",
                "近一年未发生重大安全责任事故",
            ),
            materials=(
                ("养老机构运营补贴申请表", "加盖机构公章"),
                ("入住老人花名册及服务协议", "含失能等级评估结果"),
                ("消防验收或备案证明", "复印件"),
            ),
            steps=("机构提交申请", "市民政局现场核查", "信息比对并公示5个工作日", "财政拨付"),
            place="如皋市民政局养老服务科",
            online=False,
        ),
    ),
    F(
        no=5,
        audience="residents",
        topics=("social-security.medical-insurance",),
        stage="service",
        summary=(
            "{next}年度城乡居民基本医疗保险集中参保缴费期为{win_cn}，个人缴费标准为每人{fee}元，"
            "财政补助不低于每人{gov}元；{special}"
        ),
        body=(
            "根据上级医疗保障部门部署，现就{next}年度城乡居民基本医疗保险参保缴费工作通知如下。",
            "一、参保范围。本市户籍且未参加职工基本医疗保险的城乡居民，以及持本市居住证的非户籍"
            "居民、在皋就读的大中专院校学生，均可参加城乡居民基本医疗保险（以下简称城乡居民医保）。"
            "",
            "二、缴费标准。{next}年度个人缴费标准为每人每年{fee}元，各级财政补助标准不低于每人"
            "每年{gov}元。{special}",
            "三、缴费时间。集中缴费期为{win_cn}。集中缴费期内参保缴费的，待遇享受期为{next}年"
            "1月1日至12月31日；集中缴费期结束后缴费的，设置{wait}待遇等待期。",
            "四、缴费方式。可通过江苏税务APP、“苏服办”APP、银行网点或村（居）委会代收等方式缴费，"
            "学生由所在学校统一组织参保。{pay_extra}",
            "五、待遇保障。参保居民在一级医疗机构住院，政策范围内费用报销比例为{ratio}左右；"
            "普通门诊统筹年度最高支付限额为{cap}元。",
            "六、工作要求。各区镇（街道）要做好宣传动员，确保户籍人口参保率稳定在98%以上。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-medins",
                22,
                "09-01",
                "如皋市医疗保障局关于做好2021年度城乡居民基本医疗保险参保缴费工作的通知",
                window=("09-01", "12-31"),
                p={
                    "fee": "300",
                    "gov": "580",
                    "special": "特困人员、低保对象个人缴费部分由医疗救助资金全额资助。",
                    "wait": "3个月",
                    "pay_extra": "",
                    "ratio": "85%",
                    "cap": "600",
                },
            ),
            V(
                2021,
                "rg-medins",
                19,
                "09-06",
                "如皋市医疗保障局关于做好2022年度城乡居民基本医疗保险参保缴费工作的通知",
                window=("09-06", "12-31"),
                p={
                    "fee": "320",
                    "gov": "610",
                    "special": "特困人员、低保对象全额资助，低保边缘家庭成员资助70%。",
                    "wait": "3个月",
                    "pay_extra": "推行“一人一码”缴费，家庭成员可互相代缴。",
                    "ratio": "85%",
                    "cap": "700",
                },
            ),
            V(
                2022,
                "rg-medins",
                17,
                "09-01",
                "如皋市医疗保障局关于做好2023年度城乡居民基本医疗保险参保缴费工作的通知",
                window=("09-01", "12-31"),
                p={
                    "fee": "380",
                    "gov": "640",
                    "special": "特困、低保对象全额资助，返贫致贫人口资助不低于80%。",
                    "wait": "3个月",
                    "pay_extra": "新生儿在出生后90日内参保缴费的，自出生之日起享受待遇。",
                    "ratio": "85%",
                    "cap": "800",
                },
            ),
            V(
                2023,
                "rg-medins",
                20,
                "09-04",
                "如皋市医疗保障局关于做好2024年度城乡居民基本医疗保险参保缴费工作的通知",
                window=("09-04", "12-31"),
                p={
                    "fee": "400",
                    "gov": "670",
                    "special": "在集中缴费期内为重度残疾人、计生特殊家庭成员提供代缴服务。",
                    "wait": "3个月",
                    "pay_extra": "可在小程序“我要缴费”栏目扫码完成缴费。",
                    "ratio": "88%",
                    "cap": "900",
                },
                illustrated=True,
                interpret=True,
            ),
            V(
                2025,
                "rg-medins",
                16,
                "09-01",
                "如皋市医疗保障局关于做好2026年度城乡居民基本医疗保险参保缴费工作的通知",
                window=("09-01", "12-31"),
                p={
                    "fee": "400",
                    "gov": "700",
                    "special": "连续参保满4年的，之后每多连续参保1年，大病保险最高支付限额提高"
                    "不低于1000元。",
                    "wait": "3个月至6个月",
                    "pay_extra": "断保后再参保的，每多断保1年，增加1个月待遇等待期。",
                    "ratio": "88%",
                    "cap": "1000",
                },
            ),
        ),
        glossary=(
            (
                "城乡居民医保",
                "城乡居民基本医疗保险的简称，覆盖未参加职工医保的城乡居民，个人缴费与财政补助相结合"
                "。",
            ),
            (
                "待遇等待期",
                "集中缴费期结束后参保或断保后再参保的，需经过一段时间才能享受医保报销待遇。",
            ),
        ),
        qa=(
            (
                "{next}年度城乡居民医保个人要交多少钱？",
                "个人缴费标准为每人每年{fee}元，财政补助不低于每人每年{gov}元。",
            ),
            (
                "错过集中缴费期还能参保吗？",
                "可以，但集中缴费期结束后缴费的，设置{wait}待遇等待期。",
            ),
            (
                "在外地打工的人需要交居民医保吗？",
                "已在工作地参加职工医保的无需重复参保；未参加职工医保的，可在户籍地参加居民医保。",
            ),
        ),
        guide=G(
            dept="rg-medins",
            conditions=("本市户籍或持本市居住证", "未参加职工基本医疗保险"),
            materials=(("居民身份证或户口簿", "新生儿提供出生医学证明"),),
            steps=(
                "选择缴费渠道（江苏税务APP、银行网点、村居代收）",
                "输入身份证号确认参保信息",
                "完成缴费并保存凭证",
            ),
            place="户籍所在村（居）委会或如皋市政务服务中心一楼医保窗口",
        ),
        cards=(
            "缴费时间：{win_cn}",
            "个人缴费：每人{fee}元",
            "财政补助：每人不低于{gov}元",
            "门诊统筹：年度最高支付{cap}元",
            "缴费渠道：江苏税务APP、银行网点、村居代收",
        ),
        background="城乡居民医保是保障群众基本医疗需求的重要制度，每年集中缴费期参保缴费关系到次年"
        "待遇享受。",
        points=(
            "个人缴费标准为每人每年{fee}元",
            "集中缴费期为{win_cn}",
            "门诊统筹最高支付限额提高到{cap}元",
        ),
    ),
    F(
        no=6,
        audience="residents",
        topics=("social-security.pension",),
        stage="execution",
        summary=(
            "{year}年{area}城乡居民基本养老保险基础养老金提高到每人每月{base}元，"
            "个人缴费档次为{tiers}，多缴多补、长缴多得，重度残疾人、低保对象等困难群体由政府按最低"
            "档次代缴保费。"
        ),
        body=(
            "为进一步提高城乡居民养老保障水平，根据省、南通市有关文件精神，经市政府同意，"
            "现就调整城乡居民基本养老保险有关政策通知如下。",
            "一、提高基础养老金。自{eff_cn}起，全市城乡居民基本养老保险基础养老金标准提高到"
            "每人每月{base}元。{base_extra}",
            "二、调整缴费档次。个人缴费档次设为{tiers}，参保人自主选择档次，按年缴费。",
            "三、政府缴费补贴。对选择最低档次缴费的，政府补贴每人每年{sub_low}元；每提高一个档次"
            "增加补贴10元至30元，选择最高档次的补贴每人每年{sub_high}元。",
            "四、困难群体代缴。对重度残疾人、低保对象、特困人员等困难群体，由政府按最低档次"
            "代缴全部保费。",
            "五、长缴多得。缴费年限超过15年的，每多缴1年，基础养老金每月增加{long}元。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-hrss",
                12,
                "06-20",
                "如皋市人力资源和社会保障局 如皋市财政局关于提高2020年城乡居民基本养老保险基础养老"
                "金标准的通知",
                eff="2020-07-01",
                p={
                    "base": "198",
                    "base_extra": "",
                    "tiers": "每年100元至2500元共10个档次",
                    "sub_low": "30",
                    "sub_high": "150",
                    "long": "2",
                },
            ),
            V(
                2022,
                "rg-hrss",
                15,
                "06-28",
                "如皋市人力资源和社会保障局 如皋市财政局关于调整城乡居民基本养老保险缴费档次和基础"
                "养老金的通知",
                eff="2022-07-01",
                p={
                    "base": "228",
                    "base_extra": "年满75周岁的参保人每人每月另加发10元。",
                    "tiers": "每年300元至3000元共12个档次",
                    "sub_low": "40",
                    "sub_high": "180",
                    "long": "3",
                },
            ),
            V(
                2024,
                "rg-hrss",
                13,
                "07-02",
                "如皋市人力资源和社会保障局 如皋市财政局关于2024年提高城乡居民基础养老金标准的通知",
                eff="2024-07-01",
                p={
                    "base": "258",
                    "base_extra": "年满75周岁的每人每月加发15元，年满85周岁的每人每月加发30元。",
                    "tiers": "每年500元至5000元共13个档次",
                    "sub_low": "50",
                    "sub_high": "220",
                    "long": "4",
                },
            ),
        ),
        glossary=(
            (
                "基础养老金",
                "城乡居民养老保险待遇中由政府全额支付的部分，按月发放，标准由政府确定。",
            ),
        ),
        qa=(
            (
                "城乡居民养老保险每年交多少合适？",
                "个人缴费档次为{tiers}，档次越高，政府补贴越多，将来领取的个人账户养老金也越多。",
            ),
            (
                "已经在领养老金的人能享受新标准吗？",
                "可以，自{eff_cn}起所有领取待遇人员同步按新标准发放基础养老金。",
            ),
        ),
    ),
    F(
        no=7,
        audience="residents",
        topics=("social-assistance.minimum-living",),
        stage="execution",
        summary=(
            "自{eff_cn}起，{area}城乡最低生活保障标准统一提高到每人每月{dibao}元，"
            "特困人员基本生活标准提高到每人每月{tekun}元，低保边缘家庭认定标准为每人每月{edge}元，"
            "各{town}须于当月按新标准调整保障金额。"
        ),
        body=(
            "为切实保障困难群众基本生活，根据{basis}，经研究，决定提高{year}年全市城乡低保、"
            "特困人员救助供养等社会救助标准，现将有关事项通知如下。",
            "一、城乡低保标准。自{eff_cn}起，全市城乡最低生活保障标准统一由每人每月{old}元"
            "提高到{dibao}元。",
            "二、特困人员救助供养标准。特困人员基本生活标准按不低于当地低保标准的1.3倍确定，"
            "调整为每人每月{tekun}元；照料护理标准按全自理、半护理、全护理分别确定。",
            "三、低保边缘家庭认定标准。低保边缘家庭人均收入标准按低保标准的1.5倍确定，"
            "即每人每月{edge}元。",
            "四、工作要求。各{town}要按新标准及时调整保障金额，{work_extra}确保新标准"
            "于当月落实到位。调整情况在村（居）务公开栏公示，接受群众监督。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-civil",
                8,
                "06-22",
                "如皋市民政局 如皋市财政局关于提高2020年城乡低保等社会救助标准的通知",
                eff="2020-07-01",
                p={
                    "basis": "省民政厅、省财政厅关于社会救助标准自然增长机制的要求",
                    "old": "700",
                    "dibao": "750",
                    "tekun": "975",
                    "edge": "1125",
                    "work_extra": "",
                },
            ),
            V(
                2022,
                "rg-civil",
                12,
                "06-24",
                "如皋市民政局 如皋市财政局关于提高2022年城乡低保等社会救助标准的通知",
                eff="2022-07-01",
                p={
                    "basis": "《江苏省社会救助办法》和南通市社会救助标准调整要求",
                    "old": "790",
                    "dibao": "830",
                    "tekun": "1080",
                    "edge": "1245",
                    "work_extra": "对困难群众中的重病、重残人员实行单人户施保，",
                },
            ),
            V(
                2023,
                "nt-gov-office",
                35,
                "06-19",
                "南通市人民政府办公室关于调整全市城乡最低生活保障标准的通知",
                eff="2023-07-01",
                p={
                    "basis": "省政府关于建立社会救助标准与经济社会发展水平相适应调整机制的要求",
                    "old": "830",
                    "dibao": "870",
                    "tekun": "1131",
                    "edge": "1305",
                    "work_extra": "各县（市、区）不得低于全市统一标准，",
                },
            ),
            V(
                2024,
                "rg-civil",
                13,
                "06-26",
                "如皋市民政局 如皋市财政局关于提高2024年城乡低保等社会救助标准的通知",
                eff="2024-07-01",
                p={
                    "basis": "南通市城乡最低生活保障标准动态调整机制",
                    "old": "870",
                    "dibao": "910",
                    "tekun": "1183",
                    "edge": "1365",
                    "work_extra": "依托低收入人口动态监测信息平台做好困难群众监测预警，",
                },
                interpret=True,
            ),
        ),
        glossary=(
            (
                "低保边缘家庭",
                "不符合低保条件，但家庭人均收入低于当地低保标准1.5倍且财产状况符合规定的家庭。",
            ),
            (
                "特困人员",
                "无劳动能力、无生活来源、无法定赡养抚养扶养义务人或义务人无履行能力的老年人、"
                "残疾人和未成年人。",
            ),
        ),
        qa=(
            (
                "{year}年低保标准是多少？",
                "自{eff_cn}起，城乡低保标准统一为每人每月{dibao}元。",
            ),
            (
                "怎样申请低保？",
                "以家庭为单位向户籍所在{town}提出申请，也可委托村（居）委会代为提出，"
                "经家庭经济状况核对、入户调查和公示后审批。",
            ),
        ),
        background="社会救助标准与经济社会发展水平相适应，每年根据居民消费支出变化进行调整。",
        points=(
            "城乡低保标准提高到每人每月{dibao}元",
            "特困人员基本生活标准为每人每月{tekun}元",
            "低保边缘家庭认定标准为每人每月{edge}元",
        ),
    ),
    F(
        no=8,
        audience="residents",
        topics=("social-assistance.temporary-relief",),
        stage="management",
        summary=(
            "{area}临时救助对象包括急难型和支出型困难家庭，一般救助标准为{base_rule}，"
            "{emergency}。申请人可向户籍地或经常居住地{town}提出申请，一般在10个工作日内完成"
            "审批。"
        ),
        body=(
            "第一条 为解决城乡居民突发性、紧迫性、临时性基本生活困难问题，发挥临时救助兜底线、"
            "救急难作用，根据《社会救助暂行办法》，结合本{unit}实际，制定本办法。",
            "第二条 临时救助对象分为急难型和支出型两类。因火灾、交通事故、突发重大疾病等意外事件，"
            "导致基本生活陷入困境的家庭或个人为急难型救助对象；因教育、医疗等生活必需支出突然"
            "增加超出家庭承受能力，导致基本生活出现严重困难的低收入家庭为支出型救助对象。",
            "第三条 救助标准。{standard}",
            "第四条 急难救助。{emergency}，事后补充说明情况。",
            "第五条 申请审批。申请人向户籍所在地或经常居住地{town}提出申请，"
            "{town}在10个工作日内完成审核审批。{approve_extra}",
            "第六条 对非本地户籍的生活无着人员，由救助管理机构按规定提供临时食宿、急病救治和"
            "协助返回等救助。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-civil",
                20,
                "08-10",
                "如皋市民政局 如皋市财政局关于印发《如皋市临时救助实施办法》的通知",
                p={
                    "unit": "市",
                    "base_rule": "低保标准的2至6倍",
                    "standard": "一般按当地月低保标准的2至6倍确定，特殊情况经市民政局审批可提高至12"
                    "倍。",
                    "emergency": "对情况紧急的，{town}可先行救助，救助金额在3000元以下的直接发放",
                    "approve_extra": "",
                },
            ),
            V(
                2024,
                "nt-gov-office",
                27,
                "10-15",
                "南通市人民政府办公室关于印发《南通市临时救助办法》的通知",
                p={
                    "unit": "市",
                    "base_rule": "月低保标准的3至12倍",
                    "standard": "按困难类型分档确定，一般为月低保标准的3至12倍；对救助后基本生活"
                    "仍有困难的，可实行“一事一议”，最高不超过月低保标准的36倍。",
                    "emergency": "对遭遇重大生活困难的，实行“先行救助”，县级民政部门可将审批"
                    "权限委托{town}，5000元以下直接审批发放",
                    "approve_extra": "申请人可通过“苏服办”APP网上申请，实行全程电子化审批。",
                },
            ),
        ),
        qa=(
            (
                "家里遭遇火灾，能申请临时救助吗？",
                "可以，属于急难型救助对象，{emergency}。",
            ),
            (
                "外地人在本地遇到困难能申请吗？",
                "可以向经常居住地{town}申请，生活无着的流浪乞讨人员由救助管理机构提供救助。",
            ),
        ),
        guide=G(
            dept="rg-civil",
            conditions=("遭遇突发事件或刚性支出导致基本生活陷入困境", "家庭财产状况符合规定"),
            materials=(
                ("临时救助申请书", "写明困难情形，可由工作人员代写"),
                ("居民身份证或户口簿", "申请人及家庭成员的"),
                ("困难情况证明", "如医疗费用票据、火灾事故认定书等"),
            ),
            steps=("向{town}提出申请", "入户调查和经济状况核对", "审批并发放救助金"),
        ),
    ),
    F(
        no=9,
        audience="residents",
        topics=("social-assistance.disability",),
        stage="service",
        summary=(
            "{area}困难残疾人生活补贴为每人每月{live}元，重度残疾人护理补贴为每人每月{care}元"
            "（一级）和{care2}元（二级），符合条件的自申请受理当月起计发，{extra_short}"
        ),
        body=(
            "为切实保障残疾人基本生活，根据国务院关于全面建立困难残疾人生活补贴和重度残疾人护理"
            "补贴制度的有关要求，结合我市实际，现就残疾人两项补贴有关事项通知如下。",
            "一、补贴对象。困难残疾人生活补贴对象为纳入最低生活保障范围的残疾人及低保边缘家庭中的"
            "重度残疾人；重度残疾人护理补贴对象为残疾等级被评定为一级、二级且需要长期照护的"
            "重度残疾人。{object_extra}",
            "二、补贴标准。自{eff_cn}起，困难残疾人生活补贴标准为每人每月{live}元；重度残疾人"
            "护理补贴标准为一级每人每月{care}元、二级每人每月{care2}元。",
            "三、申请程序。残疾人向户籍所在区镇（街道）提交申请，区镇（街道）受理审核后报"
            "市民政局审定。{apply_extra}",
            "四、发放方式。补贴资金按月发放至残疾人本人社会保障卡。符合条件的，自申请受理当月"
            "起计发。",
            "五、动态管理。残疾人身份、家庭经济状况发生变化的，应及时告知区镇（街道），"
            "不再符合条件的自次月起停发。{clause}",
        ),
        variants=(
            V(
                2019,
                "rg-civil",
                24,
                "07-01",
                "如皋市民政局 如皋市残疾人联合会关于提高残疾人两项补贴标准的通知",
                eff="2019-07-01",
                p={
                    "live": "100",
                    "care": "100",
                    "care2": "80",
                    "extra_short": "按月发放至社会保障卡。",
                    "object_extra": "",
                    "apply_extra": "",
                },
            ),
            V(
                2022,
                "rg-disabled",
                6,
                "02-25",
                "如皋市残疾人联合会 如皋市民政局关于残疾人两项补贴实行“跨省通办”的通知",
                eff="2022-03-01",
                p={
                    "live": "130",
                    "care": "130",
                    "care2": "100",
                    "extra_short": "申请实行“跨省通办”“全程网办”。",
                    "object_extra": "三级、四级智力、精神残疾人纳入护理补贴范围，"
                    "按每人每月50元发放。",
                    "apply_extra": "残疾人可通过全国一体化政务服务平台跨省提交申请，"
                    "无需返回户籍地。",
                },
                interpret=True,
            ),
            V(
                2025,
                "rg-disabled",
                4,
                "01-20",
                "如皋市残疾人联合会 如皋市民政局关于提高2025年残疾人两项补贴标准的通知",
                eff="2025-01-01",
                p={
                    "live": "160",
                    "care": "160",
                    "care2": "120",
                    "extra_short": "持证残疾人“免申即享”，系统自动比对发放。",
                    "object_extra": "三级、四级智力、精神残疾人护理补贴提高到每人每月70元。",
                    "apply_extra": "对已持第三代智能化残疾人证且家庭信息可比对的，实行“免申即享”。",
                },
                illustrated=True,
            ),
        ),
        glossary=(
            ("残疾人两项补贴", "困难残疾人生活补贴和重度残疾人护理补贴的合称。"),
            ("跨省通办", "企业和群众可在异地办理政务服务事项，不必返回户籍地或登记地。"),
        ),
        qa=(
            (
                "两项补贴可以同时领取吗？",
                "可以。既是困难残疾人又是重度残疾人的，可同时享受生活补贴和护理补贴。",
            ),
            (
                "一级重度残疾人护理补贴每月多少钱？",
                "自{eff_cn}起为每人每月{care}元，二级为每人每月{care2}元。",
            ),
        ),
        guide=G(
            dept="rg-disabled",
            conditions=(
                "持有第二代或第三代残疾人证",
                "具有本市户籍",
                "符合生活补贴或护理补贴对象条件",
            ),
            materials=(
                ("残疾人两项补贴申请审批表", "窗口领取或网上填报"),
                ("残疾人证", "原件"),
                ("居民身份证或户口簿", "原件"),
            ),
            steps=("提交申请", "区镇（街道）受理审核", "市民政局审定", "按月发放至社会保障卡"),
        ),
        cards=(
            "生活补贴：每人每月{live}元",
            "一级护理补贴：每人每月{care}元",
            "二级护理补贴：每人每月{care2}元",
            "{extra_short}",
        ),
        background="残疾人两项补贴是保障残疾人基本生活和照护需求的重要福利制度。",
        points=(
            "生活补贴每人每月{live}元",
            "一级、二级护理补贴分别为{care}元、{care2}元",
            "{extra_short}",
        ),
    ),
    F(
        no=10,
        audience="residents",
        topics=("social-assistance.veterans",),
        stage="service",
        summary=(
            "{area}为退役军人、烈士遗属、因公牺牲军人遗属和病故军人遗属等优抚对象制发优待证，"
            "持证可享受{items_short}等优待，"
            "{year}年起{focus}，各服务窗口张贴“军人依法优先”标识。"
        ),
        body=(
            "为深入贯彻《中华人民共和国退役军人保障法》，让军人成为全社会尊崇的职业，"
            "现就退役军人和其他优抚对象优待工作通知如下。",
            "一、优待对象。本市户籍的退役军人、烈士遗属、因公牺牲军人遗属、病故军人遗属。",
            "二、优待证申领。符合条件的对象可向户籍所在区镇（街道）退役军人服务站申请，"
            "由市退役军人事务局审核后统一制发。{focus}",
            "三、优待项目。{items}",
            "四、组织实施。各区镇（街道）退役军人服务站负责政策宣传和申领受理，"
            "各有关单位在服务窗口张贴“军人依法优先”标识。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-veterans",
                12,
                "07-28",
                "如皋市退役军人事务局关于做好退役军人和其他优抚对象优待证申领发放工作的通知",
                p={
                    "items_short": "乘车、游园、就医",
                    "focus": "分批次完成优待证集中申领",
                    "items": "免费乘坐城市公交；免费游览政府投资的公园和A级景区；在公立医疗机构"
                    "享受优先挂号、优先就诊；在政务服务中心优先办理。",
                },
            ),
            V(
                2024,
                "rg-veterans",
                9,
                "07-26",
                "如皋市退役军人事务局关于进一步拓展退役军人优待证优待项目的通知",
                p={
                    "items_short": "乘车、游园、就医、金融服务",
                    "focus": "新增银行、商超等社会优待项目",
                    "items": "免费乘坐城乡公交；免费游览A级景区；在公立医疗机构优先就诊；"
                    "合作银行免收年费和小额账户管理费；签约商超享受不低于九五折优惠。",
                },
            ),
        ),
    ),
)


# =============================================================================================
# Families — 民生: 教育、住房、卫生健康、居民就业
# =============================================================================================

_FAMILIES_PUBLIC: tuple[F, ...] = (
    F(
        no=11,
        audience="residents",
        topics=("education.compulsory",),
        stage="service",
        summary=(
            "{year}年{area}义务教育学校招生实行网上登记，小学招收{born}出生的适龄儿童，"
            "登记时间为{win_cn}；{rule_short}，随迁子女凭居住证和社保缴纳证明入学。"
        ),
        body=(
            "为做好{year}年全市义务教育招生入学工作，保障适龄儿童少年依法接受义务教育，"
            "根据《中华人民共和国义务教育法》和省、南通市有关要求，现就有关事项通知如下。",
            "一、招生对象。小学一年级招收{born}出生的适龄儿童；初中一年级招收全市小学应届毕业生。",
            "二、招生原则。坚持免试就近入学，公办学校按施教区招生，{rule}",
            "三、登记时间与方式。适龄儿童家长于{win_cn}通过“如皋教育”招生入学平台或本小程序"
            "“入学登记”栏目如实填报信息，上传户口簿、房产证明等材料。{online_extra}",
            "四、随迁子女入学。进城务工人员随迁子女凭本市居住证、父母一方连续{months}个月以上"
            "社会保险缴纳证明申请入学，由市教育体育局统筹安排到公办学校或政府购买学位的民办学校就读"
            "。",
            "五、特殊群体。烈士子女、现役军人子女、高层次人才子女、残疾儿童少年等按有关政策优先"
            "安排或适当照顾。{special}",
            "六、纪律要求。严禁以考试、竞赛、培训成绩作为招生依据，严禁提前招生、违规跨区域"
            "招生。招生政策、施教区范围和招生结果在学校公开栏和网站同步公开，接受社会监督。"
            "{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-edu",
                31,
                "05-20",
                "如皋市教育体育局关于做好2021年义务教育学校招生工作的通知",
                window=("06-05", "06-12"),
                p={
                    "born": "2014年9月1日至2015年8月31日",
                    "rule": "施教区内户籍与房产一致的适龄儿童优先入学。",
                    "rule_short": "公办学校按施教区招生，户籍与房产一致的优先",
                    "online_extra": "",
                    "months": "6",
                    "special": "",
                },
            ),
            V(
                2022,
                "rg-edu",
                26,
                "05-18",
                "如皋市教育体育局关于做好2022年义务教育学校招生工作的通知",
                window=("06-06", "06-12"),
                p={
                    "born": "2015年9月1日至2016年8月31日",
                    "rule": "民办义务教育学校与公办学校同步招生，报名人数超过招生计划的实行电脑随机"
                    "录取。",
                    "rule_short": "公民同招，民办学校超计划的电脑随机录取",
                    "online_extra": "房产信息由平台自动核验，家长无需提交纸质证明。",
                    "months": "6",
                    "special": "",
                },
            ),
            V(
                2023,
                "rg-edu",
                24,
                "05-16",
                "如皋市教育体育局关于做好2023年义务教育学校招生入学工作的通知",
                window=("06-03", "06-10"),
                p={
                    "born": "2016年9月1日至2017年8月31日",
                    "rule": "城区学校实行“房户一致”优先、“有户无房”和“有房无户”顺次安排。",
                    "rule_short": "城区学校按房户一致、有户无房、有房无户顺次安排",
                    "online_extra": "户籍、房产、社保信息通过部门数据共享核验，"
                    "实现入学“一次不用跑”。",
                    "months": "6",
                    "special": "多孩家庭子女可申请与在校哥哥姐姐同校就读。",
                },
            ),
            V(
                2024,
                "rg-edu",
                22,
                "05-15",
                "如皋市教育体育局关于做好2024年义务教育学校招生入学工作的通知",
                window=("06-01", "06-09"),
                p={
                    "born": "2017年9月1日至2018年8月31日",
                    "rule": "城区实行施教区“大学区”划片，学位紧张学校提前发布学位预警。",
                    "rule_short": "城区学位紧张学校提前发布学位预警",
                    "online_extra": "登记结果可在平台实时查询，信息有误的可在登记期内修改一次。",
                    "months": "12",
                    "special": "多孩家庭子女同校就读；企业引进人才子女由人才部门出具证明统筹安排。",
                },
                interpret=True,
            ),
            V(
                2025,
                "rg-edu",
                20,
                "05-14",
                "如皋市教育体育局关于做好2025年义务教育学校招生入学工作的通知",
                window=("06-01", "06-08"),
                illustrated=True,
                p={
                    "born": "2018年9月1日至2019年8月31日",
                    "rule": "继续实行公民同招和学位预警，城区新建学校施教区单独公布。",
                    "rule_short": "公民同招，城区新建学校施教区单独公布",
                    "online_extra": "首次开通“入学一件事”联办，同步办理学籍、校车和课后服务登记。",
                    "months": "12",
                    "special": "多孩家庭子女同校就读；符合条件的随迁子女入学“应入尽入”。",
                },
            ),
        ),
        glossary=(
            (
                "施教区",
                "教育行政部门为每所公办学校划定的招生范围，适龄儿童原则上在户籍或居住地所属施教区入"
                "学。",
            ),
            (
                "公民同招",
                "民办义务教育学校与公办学校同步报名、同步招生，超过计划的实行电脑随机录取。",
            ),
            ("随迁子女", "随进城务工的父母在流入地生活、就学的适龄儿童少年。"),
        ),
        qa=(
            (
                "{year}年上小学的年龄要求是什么？",
                "小学一年级招收{born}出生的适龄儿童。",
            ),
            (
                "没有本地户口的孩子怎么上学？",
                "父母一方持本市居住证并连续缴纳社会保险{months}个月以上，可申请入学，"
                "由教育部门统筹安排学位。",
            ),
            (
                "错过登记时间怎么办？",
                "登记截止后可向户籍或居住地所属施教区学校提出补登记申请，由教育部门根据学位情况统筹"
                "安排。",
            ),
        ),
        guide=G(
            dept="rg-edu",
            conditions=("适龄儿童出生日期在{born}之间", "户籍或居住地在本市"),
            materials=(
                ("户口簿", "儿童及监护人的"),
                ("房产证明或租赁备案证明", "已共享核验的无需上传"),
                ("居住证及社保缴纳证明", "随迁子女提供"),
            ),
            steps=(
                "登录入学平台或小程序“入学登记”栏目填报信息",
                "学校和教育部门审核",
                "公布录取结果，按通知到校报到",
            ),
            place="施教区所在学校招生点",
        ),
        cards=(
            "登记时间：{win_cn}",
            "入学年龄：{born}出生",
            "招生原则：{rule_short}",
            "随迁子女：居住证+连续{months}个月社保",
            "全程网上登记，结果实时可查",
        ),
        background="义务教育招生入学关系千家万户，每年招生前制定并公开招生政策，"
        "保障适龄儿童少年平等接受义务教育。",
        points=(
            "小学招收{born}出生的适龄儿童",
            "登记时间为{win_cn}",
            "{rule_short}",
            "随迁子女凭居住证和连续{months}个月社保证明申请入学",
        ),
    ),
    F(
        no=12,
        audience="residents",
        topics=("education.student-aid",),
        stage="service",
        summary=(
            "{area}对家庭经济困难学生实行全学段资助，义务教育阶段寄宿生生活补助每生每年{board}元，"
            "普通高中国家助学金每生每年平均{hs}元，{extra_short}资助申请每学期初受理，"
            "认定结果在校内公示5个工作日。"
        ),
        body=(
            "为确保不让一个学生因家庭经济困难而失学，现就做好{year}年学生资助工作通知如下。",
            "一、资助对象。具有正式学籍的家庭经济困难学生，重点为特困供养、低保、低保边缘家庭学生，"
            "孤儿、事实无人抚养儿童和残疾学生。",
            "二、资助标准。学前教育阶段保育教育费减免每生每年{pre}元；义务教育阶段免除学杂费、"
            "免费提供教科书，家庭经济困难寄宿生生活补助每生每年{board}元；普通高中国家助学金"
            "平均每生每年{hs}元，分{hs_tiers}档发放。{extra}",
            "三、认定程序。学生或监护人每学期初向学校提交家庭经济困难认定申请，学校资助工作小组"
            "结合数据比对、家访情况进行民主评议，结果在校内公示5个工作日。公示时不得泄露学生"
            "家庭隐私。",
            "四、资金发放。资助资金通过学生本人或监护人的银行卡发放，严禁以实物或服务代替。",
            "五、监督管理。市教育体育局学生资助管理中心设立举报电话，对虚报冒领的予以追回。"
            "{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-edu",
                15,
                "03-02",
                "如皋市教育体育局关于做好2020年家庭经济困难学生资助工作的通知",
                p={
                    "pre": "1000",
                    "board": "1250",
                    "hs": "2000",
                    "hs_tiers": "两",
                    "extra": "",
                    "extra_short": "",
                },
            ),
            V(
                2023,
                "rg-edu",
                18,
                "02-27",
                "如皋市教育体育局关于做好2023年学生资助工作的通知",
                p={
                    "pre": "1200",
                    "board": "1500",
                    "hs": "2300",
                    "hs_tiers": "三",
                    "extra": "对低保家庭学生实行“精准资助、免申即享”，相关部门数据比对后直接纳入资"
                    "助名单。",
                    "extra_short": "低保家庭学生实行免申即享，",
                },
            ),
        ),
        guide=G(
            dept="rg-edu",
            conditions=("具有本市学校正式学籍", "家庭经济困难或属于特殊困难群体"),
            materials=(
                ("家庭经济困难学生认定申请表", "由学生或监护人填写"),
                ("困难证明", "低保、特困等可通过数据比对，无需提供"),
            ),
            steps=("学期初向就读学校提交申请", "学校民主评议并公示", "发放资助资金"),
            place="学生就读学校资助工作办公室",
            online=False,
        ),
    ),
    F(
        no=13,
        audience="residents",
        topics=("education.preschool",),
        stage="service",
        summary=(
            "{year}年{area}公办及普惠性民办幼儿园秋季招生面向{born}出生的幼儿，"
            "登记时间为{win_cn}，{fee_short}，公办园招生实行施教区登记、超额摇号。"
        ),
        body=(
            "为规范幼儿园招生行为，促进学前教育普及普惠安全优质发展，现将{year}年秋季幼儿园"
            "招生工作有关事项通知如下。",
            "一、招生对象。公办幼儿园和普惠性民办幼儿园小班招收{born}出生、身体健康的适龄幼儿。",
            "二、招生方式。公办幼儿园按施教区登记，登记人数超过招生计划的，在公证机构监督下"
            "摇号确定；普惠性民办幼儿园按“自主报名、额满为止”原则招生。",
            "三、登记时间。{win_cn}，家长可通过本小程序“入学登记”栏目或到幼儿园现场登记。",
            "四、收费标准。{fee}严禁收取与入园挂钩的赞助费、捐资助学费。",
            "五、入园体检。新入园幼儿须持妇幼保健机构出具的入园健康检查表入园。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-edu",
                28,
                "05-26",
                "如皋市教育体育局关于做好2022年秋季幼儿园招生工作的通知",
                window=("06-13", "06-17"),
                p={
                    "born": "2018年9月1日至2019年8月31日",
                    "fee": "省级优质公办幼儿园保教费每生每月不超过480元，普惠性民办幼儿园执行"
                    "政府指导价。",
                    "fee_short": "省优质公办园保教费每月不超过480元",
                },
            ),
            V(
                2025,
                "rg-edu",
                25,
                "05-22",
                "如皋市教育体育局关于做好2025年秋季幼儿园招生工作的通知",
                window=("06-10", "06-15"),
                p={
                    "born": "2021年9月1日至2022年8月31日",
                    "fee": "自2025年秋季学期起，公办幼儿园大班免除保育教育费，普惠性民办幼儿园"
                    "大班按公办园标准相应减免。",
                    "fee_short": "幼儿园大班免除保育教育费",
                },
            ),
        ),
    ),
    F(
        no=14,
        audience="residents",
        topics=("housing.public-rental",),
        stage="service",
        summary=(
            "{area}城镇住房困难家庭人均月收入低于{income}元、人均住房面积低于{area_m2}平方米的，"
            "可申请公共租赁住房实物配租或每人每月{rent}元租赁补贴；{extra_short}"
        ),
        body=(
            "为完善住房保障体系，解决城镇中低收入住房困难家庭和新就业无房职工的住房问题，"
            "结合我市实际，现就{year}年公共租赁住房保障工作通知如下。",
            "一、保障对象。{target}",
            "二、准入条件。申请家庭人均月收入低于{income}元，家庭人均住房建筑面积低于"
            "{area_m2}平方米，且家庭成员在本市无其他住房。{cond_extra}",
            "三、保障方式。公共租赁住房实行实物配租和租赁补贴相结合。实物配租租金按同地段"
            "市场租金的{ratio}确定；选择租赁补贴的，每人每月补贴{rent}元，每户最多按3人计算。",
            "四、申请程序。申请人向户籍所在社区提出申请，经社区初审、区镇（街道）复核、"
            "市住房和城乡建设局审核，在社区和政府网站公示10日无异议后纳入轮候。{apply_extra}",
            "五、退出管理。承租家庭收入、住房条件发生变化不再符合条件的，应在3个月内腾退；"
            "转租、出借或改变用途的，收回住房并记入个人信用记录。{clause}",
        ),
        variants=(
            V(
                2019,
                "rg-housing",
                23,
                "05-06",
                "如皋市住房和城乡建设局关于做好2019年公共租赁住房保障工作的通知",
                p={
                    "target": "本市城区户籍的中等偏下收入住房困难家庭。",
                    "income": "1800",
                    "area_m2": "16",
                    "cond_extra": "",
                    "ratio": "60%",
                    "rent": "120",
                    "apply_extra": "",
                    "extra_short": "实物配租租金按市场租金的60%确定。",
                },
            ),
            V(
                2022,
                "rg-housing",
                17,
                "04-21",
                "如皋市住房和城乡建设局关于调整公共租赁住房准入条件的通知",
                p={
                    "target": "本市城区户籍的中低收入住房困难家庭，以及在本市稳定就业的新就业无房职"
                    "工"
                    "和外来务工人员。",
                    "income": "2400",
                    "area_m2": "18",
                    "cond_extra": "外来务工人员须在本市连续缴纳社会保险满12个月。",
                    "ratio": "55%",
                    "rent": "150",
                    "apply_extra": "申请可通过本小程序“住房保障”栏目在线提交，收入、"
                    "房产信息由部门共享核验。",
                    "extra_short": "外来务工人员连续缴纳社保满12个月可申请。",
                },
                interpret=True,
            ),
            V(
                2025,
                "rg-housing",
                12,
                "04-15",
                "如皋市住房和城乡建设局关于进一步做好公共租赁住房保障工作的通知",
                p={
                    "target": "本市城镇中低收入住房困难家庭、新就业无房职工、外来务工人员，"
                    "以及环卫、公交等公共服务行业一线职工。",
                    "income": "2800",
                    "area_m2": "20",
                    "cond_extra": "公共服务行业一线职工由所在单位集中申请，不受户籍限制。",
                    "ratio": "50%",
                    "rent": "180",
                    "apply_extra": "实行常态化受理、按季度配租，配租结果在小程序同步公开。",
                    "extra_short": "环卫、公交等一线职工可由单位集中申请。",
                },
            ),
        ),
        glossary=(
            (
                "公共租赁住房",
                "限定建设标准和租金水平，面向符合条件的住房困难群体出租的保障性住房，简称公租房。",
            ),
            ("租赁补贴", "对符合条件但未实物配租的家庭，按月发放的货币补贴，用于在市场上租房。"),
        ),
        qa=(
            (
                "外地户籍可以申请公租房吗？",
                "可以。{extra_short}",
            ),
            (
                "公租房租金怎么算？",
                "实物配租租金按同地段市场租金的{ratio}确定，选择租赁补贴的每人每月{rent}元。",
            ),
            (
                "申请后多久能住进去？",
                "审核公示通过后纳入轮候，按轮候顺序和房源情况配租，配租结果公开。",
            ),
        ),
        guide=G(
            dept="rg-housing",
            conditions=(
                "家庭人均月收入低于{income}元",
                "家庭人均住房建筑面积低于{area_m2}平方米",
                "家庭成员在本市无其他住房",
            ),
            materials=(
                ("公共租赁住房申请表", "申请人签字确认"),
                ("家庭成员身份证、户口簿", "复印件"),
                ("收入证明", "由工作单位出具或个人申报"),
                ("婚姻状况证明", "离异的提供离婚证及协议"),
            ),
            steps=(
                "向社区提交申请",
                "区镇（街道）复核",
                "市住建局审核并公示10日",
                "纳入轮候并配租",
            ),
        ),
        background="随着城镇化推进，新市民、青年人和外来务工人员住房困难问题日益突出，"
        "需进一步扩大公租房保障范围。",
        points=(
            "准入收入线调整为人均月收入{income}元",
            "人均住房面积标准调整为{area_m2}平方米",
            "租赁补贴提高到每人每月{rent}元",
        ),
    ),
    F(
        no=15,
        audience="residents",
        topics=("housing.provident-fund",),
        stage="execution",
        summary=(
            "{area}住房公积金个人贷款最高额度调整为：单缴存职工{single}万元，双缴存职工{double}万元"
            "，"
            "{extra_short}首套住房最低首付比例为{down}，提取公积金支付房租的每年最高可提取{rent}元"
            "，长三角缴存时间互认。"
        ),
        body=(
            "为更好支持缴存职工刚性和改善性住房需求，经南通市住房公积金管理委员会审议通过，"
            "现就调整住房公积金使用政策有关事项通知如下。",
            "一、贷款额度。单方缴存职工家庭最高贷款额度为{single}万元，双方缴存职工家庭为"
            "{double}万元。{extra}",
            "二、首付比例。购买首套住房的，最低首付款比例为{down}；购买第二套住房的，最低首付款"
            "比例为{down2}。",
            "三、租房提取。无房缴存职工租赁住房的，每年可提取住房公积金支付房租，最高{rent}元；"
            "租住公共租赁住房的，按实际租金提取。",
            "四、异地互认。在长三角区域缴存的职工来通购房，缴存时间与本市互认，实行“商转公”"
            "“组合贷”同等待遇。",
            "五、本通知适用于在南通市辖区内购买住房的缴存职工，如皋、海安、启东等县（市）"
            "同步执行。{clause}",
        ),
        variants=(
            V(
                2021,
                "nt-gov-office",
                18,
                "04-08",
                "南通市人民政府办公室关于调整住房公积金个人住房贷款政策的通知",
                p={
                    "single": "40",
                    "double": "60",
                    "extra": "",
                    "extra_short": "",
                    "down": "20%",
                    "down2": "40%",
                    "rent": "12000",
                },
            ),
            V(
                2024,
                "nt-gov-office",
                21,
                "05-30",
                "南通市人民政府办公室关于进一步优化住房公积金使用政策的通知",
                p={
                    "single": "60",
                    "double": "90",
                    "extra": "多子女家庭、高层次人才购买首套住房的，最高贷款额度上浮20%；购买"
                    "绿色建筑二星级以上住房的，再上浮10%。",
                    "extra_short": "多子女家庭和高层次人才额度上浮20%，",
                    "down": "20%",
                    "down2": "25%",
                    "rent": "18000",
                },
            ),
        ),
        qa=(
            (
                "双职工缴存公积金最多能贷多少？",
                "双方缴存职工家庭最高贷款额度为{double}万元。",
            ),
            (
                "租房能提取公积金吗？",
                "无房职工租房每年最高可提取{rent}元，租住公租房的按实际租金提取。",
            ),
        ),
    ),
    F(
        no=16,
        audience="residents",
        topics=("housing.renovation", "urban-rural.municipal"),
        stage="execution",
        summary=(
            "{year}年{area}计划改造老旧小区{count}个，同步推进既有住宅加装电梯，"
            "每台电梯给予{lift}万元财政补贴，改造内容涵盖供排水、供电、燃气、屋面防水和适老化设施。"
            "{extra_short}"
        ),
        body=(
            "为改善居民居住条件，提升城市品质，根据国家和省关于全面推进城镇老旧小区改造工作的部署，"
            "现就{year}年老旧小区改造和既有住宅加装电梯工作通知如下。",
            "一、改造范围。{year}年计划实施{count}个老旧小区改造，重点为2000年底前建成、"
            "基础设施老化、配套设施不完善的住宅小区。{range_extra}",
            "二、改造内容。基础类改造包括供排水、供电、燃气、道路、屋面防水和外墙保温；"
            "完善类改造包括加装电梯、停车设施、电动自行车集中充电设施和适老化改造；"
            "提升类改造包括养老、托育、助餐等社区服务设施。",
            "三、加装电梯补贴。既有多层住宅加装电梯的，经{agree}业主同意并完成公示，"
            "每台电梯给予{lift}万元财政补贴。{lift_extra}",
            "四、居民参与。改造方案在小区内公示不少于7天，充分听取居民意见，"
            "改造完成后组织居民参与验收和满意度评价。",
            "五、长效管理。改造后的小区同步引入物业服务或实行社区托管，建立物业服务费合理"
            "调整机制。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-housing",
                29,
                "03-18",
                "如皋市住房和城乡建设局关于做好2020年城镇老旧小区改造工作的通知",
                p={
                    "count": "12",
                    "range_extra": "",
                    "agree": "本单元三分之二以上",
                    "lift": "15",
                    "lift_extra": "",
                    "extra_short": "改造方案须在小区公示不少于7天。",
                },
            ),
            V(
                2023,
                "rg-housing",
                21,
                "03-10",
                "如皋市住房和城乡建设局关于推进2023年老旧小区改造和加装电梯工作的通知",
                p={
                    "count": "18",
                    "range_extra": "对2005年底前建成、居民改造意愿强烈的小区，可纳入改造计划。",
                    "agree": "本单元三分之二以上且参与表决人数四分之三以上",
                    "lift": "20",
                    "lift_extra": "加装电梯涉及的管线迁移费用由供水、供电、燃气企业承担。",
                    "extra_short": "管线迁移费用由供水、供电、燃气企业承担。",
                },
            ),
        ),
        guide=G(
            dept="rg-housing",
            conditions=("住宅为本市既有多层住宅", "经{agree}业主同意", "完成方案公示"),
            materials=(
                ("加装电梯补贴申请表", "由业主代表签字"),
                ("业主书面意见汇总", "含表决结果"),
                ("施工合同和竣工验收资料", "电梯检验合格证"),
            ),
            steps=("业主协商并公示方案", "办理规划和施工手续", "电梯安装验收", "申请财政补贴"),
        ),
    ),
    F(
        no=17,
        audience="residents",
        topics=("housing",),
        stage="execution",
        summary=(
            "{area}在{period}期间对在城区购买新建商品住房的给予购房补贴：{subsidy_short}，"
            "补贴申请须在网签备案后6个月内提出。"
        ),
        body=(
            "为更好满足居民刚性和改善性住房需求，促进房地产市场平稳健康发展，经市政府同意，"
            "现就阶段性购房补贴有关事项通知如下。",
            "一、补贴对象。{period}期间在本市城区购买新建商品住房并完成网签备案的个人。",
            "二、补贴标准。{subsidy}",
            "三、申请方式。购房人在完成网签备案并缴纳契税后6个月内，向市住房和城乡建设局提交"
            "申请，经核验后30个工作日内将补贴资金发放至购房人银行账户。",
            "四、监督管理。以虚假交易、虚假材料骗取补贴的，追回补贴资金并依法追究责任。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-gov-office",
                36,
                "05-12",
                "如皋市人民政府办公室关于阶段性实施购房补贴促进房地产市场平稳健康发展的通知",
                exp="2022-12-31",
                p={
                    "period": "2022年5月12日至12月31日",
                    "subsidy": "按所缴契税的50%给予补贴；多孩家庭购买首套住房的，按所缴契税的"
                    "100%给予补贴；高层次人才购房的，另按人才安居政策执行。",
                    "subsidy_short": "按契税50%补贴，多孩家庭首套100%",
                },
            ),
            V(
                2023,
                "rg-gov-office",
                8,
                "02-20",
                "如皋市人民政府办公室关于继续实施购房契税补贴的通知",
                exp="2023-12-31",
                p={
                    "period": "2023年2月20日至12月31日",
                    "subsidy": "按所缴契税的60%给予补贴；在白蒲镇、长江镇等区镇集镇区购房的，"
                    "另给予每平方米100元补贴；农村居民进城购房的，补贴比例提高到80%。",
                    "subsidy_short": "按契税60%补贴，农村居民进城购房提高到80%",
                },
                interpret=True,
            ),
        ),
        background="为稳定住房消费预期，支持刚性和改善性住房需求，市政府决定阶段性实施购房补贴。",
        points=(
            "补贴期限为{period}",
            "补贴标准：{subsidy_short}",
            "网签备案后6个月内申请",
        ),
    ),
    F(
        no=18,
        audience="residents",
        topics=("health.primary-care",),
        stage="service",
        summary=(
            "{year}年{area}推进家庭医生签约服务，重点人群签约率达到{rate}以上，签约居民可享受"
            "{package}，基础包服务费由医保基金和基本公共卫生经费共同承担。"
        ),
        body=(
            "为深化家庭医生签约服务，提升基层医疗卫生服务能力，现就{year}年家庭医生签约服务工作"
            "通知如下。",
            "一、工作目标。全市常住人口签约覆盖率稳定在{all_rate}以上，老年人、孕产妇、儿童、"
            "残疾人、慢性病患者等重点人群签约率达到{rate}以上。",
            "二、服务内容。签约居民可享受{package}。{content_extra}",
            "三、服务费用。基础服务包每人每年服务费{fee}元，由医保基金、基本公共卫生服务经费和"
            "签约居民分担，重点人群个人不承担费用。",
            "四、签约方式。居民可到户籍或居住地所属社区卫生服务中心（卫生院）签约，也可通过"
            "家庭医生上门、线上平台签约，签约周期为1年。",
            "五、考核评价。将签约居民满意度、履约率纳入基层医疗机构绩效考核，考核结果与家庭医生"
            "团队收入挂钩。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-health",
                11,
                "03-25",
                "如皋市卫生健康委员会关于做好2020年家庭医生签约服务工作的通知",
                p={
                    "rate": "65%",
                    "all_rate": "35%",
                    "package": "健康评估、慢病随访、优先预约转诊和长处方服务",
                    "content_extra": "",
                    "fee": "120",
                },
            ),
            V(
                2023,
                "rg-health",
                9,
                "03-06",
                "如皋市卫生健康委员会关于提升家庭医生签约服务质量的通知",
                p={
                    "rate": "75%",
                    "all_rate": "40%",
                    "package": "健康评估、慢病管理、预约转诊、用药指导和上门服务",
                    "content_extra": "对失能、高龄老人提供家庭病床和上门巡诊服务。",
                    "fee": "120",
                },
            ),
            V(
                2025,
                "rg-health",
                7,
                "02-28",
                "如皋市卫生健康委员会关于推进家庭医生签约服务扩面提质的通知",
                p={
                    "rate": "80%",
                    "all_rate": "45%",
                    "package": "个性化健康管理、慢病一体化管理、二级以上医院号源优先预约和长处方",
                    "content_extra": "每个家庭医生团队至少预留20%的上级医院专家号源。",
                    "fee": "150",
                },
            ),
        ),
        qa=(
            (
                "签约家庭医生要花钱吗？",
                "基础服务包每人每年{fee}元，由医保基金和公共卫生经费分担，老年人等重点人群个人不承"
                "担费用。",
            ),
            (
                "在哪里签约家庭医生？",
                "到户籍或居住地所属社区卫生服务中心（卫生院）签约，也可预约家庭医生上门签约。",
            ),
        ),
    ),
    F(
        no=19,
        audience="residents",
        topics=("health.maternal-child",),
        stage="service",
        summary=(
            "{year}年{area}为{age_range}妇女免费提供宫颈癌和乳腺癌筛查，计划完成宫颈癌筛查{cervical"
            "}人、"
            "乳腺癌筛查{breast}人，筛查费用全部由财政承担，结果异常的随访率达到95%以上。"
            "{extra_short}"
        ),
        body=(
            "为提高妇女宫颈癌和乳腺癌（以下简称“两癌”）早诊早治率，保障妇女健康，"
            "现就{year}年农村和城镇低收入妇女“两癌”免费筛查工作通知如下。",
            "一、筛查对象。本市户籍{age_range}妇女，优先安排农村妇女和城镇低收入妇女。{object_extra"
            "}",
            "二、任务目标。{year}年完成宫颈癌筛查{cervical}人、乳腺癌筛查{breast}人，"
            "筛查结果异常的随访率达到95%以上。",
            "三、筛查内容。宫颈癌筛查采用{method}；乳腺癌筛查采用乳腺彩超检查，必要时加做"
            "乳腺X线检查。",
            "四、组织实施。市妇幼保健院负责技术指导和质量控制，各区镇卫生院负责组织动员和初筛，"
            "筛查费用全部由财政承担。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-health",
                16,
                "04-02",
                "如皋市卫生健康委员会关于开展2021年妇女“两癌”免费筛查工作的通知",
                p={
                    "age_range": "35至64周岁",
                    "cervical": "15000",
                    "breast": "15000",
                    "object_extra": "",
                    "method": "宫颈细胞学检查",
                    "extra_short": "优先安排农村妇女和城镇低收入妇女。",
                },
            ),
            V(
                2024,
                "rg-health",
                13,
                "03-29",
                "如皋市卫生健康委员会关于做好2024年适龄妇女“两癌”筛查工作的通知",
                p={
                    "age_range": "35至64周岁",
                    "cervical": "20000",
                    "breast": "20000",
                    "object_extra": "同步开展适龄女生HPV疫苗免费接种。",
                    "method": "HPV检测，阳性者加做细胞学检查",
                    "extra_short": "同步开展适龄女生HPV疫苗免费接种。",
                },
            ),
        ),
    ),
    F(
        no=20,
        audience="residents",
        topics=("health.disease-control", "elderly-care"),
        stage="service",
        summary=(
            "{year}年{area}为{target_short}免费接种流感疫苗，接种时间为{win_cn}，"
            "老人可凭身份证到{place_short}接种，{extra_short}"
        ),
        body=(
            "为降低老年人等重点人群流感发病率和重症率，经市政府同意，{year}年继续实施"
            "重点人群流感疫苗免费接种项目，现将有关事项通知如下。",
            "一、接种对象。{target}",
            "二、接种时间。{win_cn}，疫苗用完为止。",
            "三、接种地点。{place}。行动不便的老人可提前向村（居）委会预约，由接种点组织上门或"
            "集中接送。",
            "四、接种要求。接种前如实告知健康状况，接种后留观30分钟。有发热、急性疾病的暂缓接种。",
            "五、费用保障。疫苗及接种服务费由市财政承担，接种对象不承担任何费用。{clause}",
        ),
        variants=(
            V(
                2023,
                "rg-health",
                27,
                "09-20",
                "如皋市卫生健康委员会关于开展2023年65岁以上老人免费接种流感疫苗的通知",
                window=("10-08", "12-31"),
                p={
                    "target": "本市户籍65周岁以上老人。",
                    "target_short": "65周岁以上老人",
                    "place": "户籍所在地社区卫生服务中心（卫生院）预防接种门诊",
                    "place_short": "社区卫生服务中心（卫生院）",
                    "extra_short": "疫苗及接种服务费由市财政承担。",
                },
            ),
            V(
                2025,
                "rg-health",
                24,
                "09-16",
                "如皋市卫生健康委员会关于开展2025年重点人群流感疫苗免费接种的通知",
                window=("09-25", "12-31"),
                p={
                    "target": "本市户籍和居住满半年的60周岁以上老人，以及在校中小学生。",
                    "target_short": "60周岁以上老人和在校中小学生",
                    "place": "户籍或居住地社区卫生服务中心（卫生院）预防接种门诊；学生由学校统一"
                    "组织到校接种",
                    "place_short": "社区卫生服务中心（卫生院）或学校",
                    "extra_short": "学生由学校统一组织接种。",
                },
            ),
        ),
    ),
    F(
        no=21,
        audience="residents",
        topics=("health.medical-assistance", "social-assistance"),
        stage="management",
        summary=(
            "{area}医疗救助对象在定点医疗机构发生的政策范围内自付费用，特困人员按{tekun}比例救助，"
            "低保对象按{dibao}比例救助，年度救助限额{limit}元，实行“一站式”即时结算。"
        ),
        body=(
            "为健全重特大疾病医疗保险和救助制度，防范因病致贫返贫，结合本市实际，制定本办法。",
            "第一条 救助对象。特困人员、低保对象、低保边缘家庭成员、纳入监测范围的易返贫致贫"
            "人口，以及因高额医疗费用支出导致家庭基本生活出现严重困难的大病患者。",
            "第二条 参保资助。特困人员个人缴费部分给予全额资助，低保对象给予{sub_dibao}资助。",
            "第三条 救助标准。救助对象经基本医保、大病保险报销后，政策范围内个人自付费用，"
            "特困人员按{tekun}比例救助，低保对象按{dibao}比例救助，低保边缘家庭成员按{edge}比例"
            "救助；年度救助限额为{limit}元。{extra}",
            "第四条 结算方式。在市内定点医疗机构就医的，基本医保、大病保险、医疗救助实行"
            "“一站式服务、一窗口办理、一单制结算”。",
            "第五条 本办法由市医疗保障局负责解释。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-medins",
                12,
                "11-30",
                "如皋市医疗保障局 如皋市民政局关于印发《如皋市医疗救助办法》的通知",
                eff="2022-01-01",
                exp="2024-12-31",
                p={
                    "sub_dibao": "70%",
                    "tekun": "100%",
                    "dibao": "75%",
                    "edge": "60%",
                    "limit": "50000",
                    "extra": "",
                },
            ),
            V(
                2024,
                "rg-medins",
                15,
                "12-10",
                "如皋市医疗保障局 如皋市民政局关于印发《如皋市重特大疾病医疗保险和救助实施办法》"
                "的通知",
                eff="2025-01-01",
                p={
                    "sub_dibao": "全额",
                    "tekun": "100%",
                    "dibao": "80%",
                    "edge": "70%",
                    "limit": "80000",
                    "extra": "对规范转诊且在省内就医的，经三重制度综合保障后个人负担仍然较重的，"
                    "给予倾斜救助，最高不超过3万元。",
                },
            ),
        ),
    ),
    F(
        no=22,
        audience="residents",
        topics=("employment.key-groups",),
        stage="service",
        summary=(
            "{area}就业困难人员经认定后可享受公益性岗位安置、社保补贴和职业介绍等援助，"
            "公益性岗位工资不低于最低工资标准，{post_short}；认定申请可到户籍所在区镇（街道）办理。"
        ),
        body=(
            "为做好就业困难人员就业援助工作，兜牢民生底线，现就就业困难人员认定和公益性岗位"
            "开发管理有关事项通知如下。",
            "一、认定范围。本市户籍、处于失业状态且有就业意愿的下列人员可申请认定为就业困难"
            "人员：女性满40周岁、男性满50周岁的；持有残疾人证的；低保家庭成员；连续失业"
            "1年以上的；{range_extra}",
            "二、认定程序。申请人向户籍所在区镇（街道）人力资源和社会保障服务中心提出申请，"
            "经审核、公示后由市人力资源和社会保障局认定，认定有效期为3年。",
            "三、公益性岗位。{post}公益性岗位人员工资不低于本市最低工资标准，用人单位为其"
            "缴纳社会保险，财政按规定给予岗位补贴和社保补贴。",
            "四、援助服务。对认定的就业困难人员实行实名制动态管理，提供至少3次岗位推荐、"
            "1次职业指导和1次免费技能培训。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-hrss",
                19,
                "04-09",
                "如皋市人力资源和社会保障局关于做好就业困难人员认定和公益性岗位管理工作的通知",
                p={
                    "range_extra": "城镇零就业家庭成员。",
                    "post": "主要开发保洁、保安、绿化养护、社区协管等岗位，每个区镇（街道）"
                    "不少于20个。",
                    "post_short": "每个区镇（街道）开发不少于20个岗位",
                },
            ),
            V(
                2024,
                "rg-hrss",
                11,
                "03-12",
                "如皋市人力资源和社会保障局关于进一步规范就业困难人员认定和乡村公益性岗位开发的通知"
                "",
                p={
                    "range_extra": "城镇零就业家庭成员；脱贫人口和防止返贫监测对象。",
                    "post": "城镇重点开发社区服务、养老护理岗位；农村开发乡村保洁、护路、"
                    "河道管护、网格协管等乡村公益性岗位，优先安置脱贫人口。",
                    "post_short": "农村开发乡村保洁、护路、河道管护等岗位",
                },
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=("本市户籍", "处于失业状态且有就业意愿", "属于就业困难人员认定范围"),
            materials=(
                ("就业困难人员认定申请表", "窗口领取或网上填报"),
                ("居民身份证", "原件"),
                ("相关证明", "残疾人证等，可共享核验的免于提交"),
            ),
            steps=("向区镇（街道）人社服务中心申请", "审核并公示", "市人社局认定", "提供援助服务"),
            place="户籍所在区镇（街道）人力资源和社会保障服务中心",
        ),
    ),
    F(
        no=23,
        audience="residents",
        topics=("employment.subsidy", "social-security.pension"),
        stage="service",
        summary=(
            "{area}就业困难人员和离校2年内未就业高校毕业生以灵活就业方式参加社会保险的，"
            "按实际缴费的{ratio}给予社会保险补贴，最长{years}，每季度申领一次，"
            "补贴资金直接发放至本人社会保障卡。"
        ),
        body=(
            "为鼓励灵活就业，减轻灵活就业人员缴费负担，现就灵活就业人员社会保险补贴有关事项通知如下"
            "。",
            "一、补贴对象。以个体身份参加职工基本养老保险和职工基本医疗保险的就业困难人员、"
            "离校2年内未就业高校毕业生。{object_extra}",
            "二、补贴标准。按其实际缴纳社会保险费的{ratio}给予补贴，补贴期限最长{years}。"
            "距法定退休年龄不足5年的就业困难人员，可延长至退休。",
            "三、申领方式。每季度结束后次月，通过江苏智慧人社或本小程序在线申请，也可到户籍所在"
            "区镇（街道）人社服务中心申请，补贴资金直接发放至本人社会保障卡。",
            "四、补贴资金从就业补助资金中列支。冒领补贴的，追回资金并纳入失信记录。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-hrss",
                26,
                "05-15",
                "如皋市人力资源和社会保障局 如皋市财政局关于做好灵活就业人员社会保险补贴工作的通知",
                p={
                    "object_extra": "",
                    "ratio": "三分之二",
                    "years": "3年",
                },
            ),
            V(
                2023,
                "rg-hrss",
                22,
                "06-01",
                "如皋市人力资源和社会保障局 如皋市财政局关于调整灵活就业人员社会保险补贴政策的通知",
                p={
                    "object_extra": "新就业形态劳动者中的就业困难人员同等享受。",
                    "ratio": "70%",
                    "years": "3年",
                },
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "已认定为就业困难人员或为离校2年内未就业高校毕业生",
                "以灵活就业身份参保并按时足额缴费",
            ),
            materials=(
                ("灵活就业社会保险补贴申请表", "网上申请的在线填写"),
                ("居民身份证", "原件"),
            ),
            steps=("每季度结束后次月在线申请", "人社部门核验缴费信息", "补贴发放至社会保障卡"),
        ),
    ),
    F(
        no=24,
        audience="both",
        topics=("employment.key-groups",),
        categories=("employment",),
        stage="service",
        summary=(
            "{area}就业见习对象为离校2年内未就业高校毕业生和16至24岁失业青年，见习期{period}，"
            "见习单位按当地最低工资标准的{ratio}获得见习补贴，{bonus_short}"
        ),
        body=(
            "为促进高校毕业生等青年就业，帮助其积累工作经验，现就{year}年就业见习工作通知如下。",
            "一、见习对象。离校2年内未就业高校毕业生、16至24岁失业青年。{object_extra}",
            "二、见习基地。{base}见习基地须提供与见习人员专业相近的见习岗位，安排带教老师，"
            "并为见习人员办理人身意外伤害保险。",
            "三、见习补贴。见习期{period}，见习补贴标准为本市最低工资标准的{ratio}，"
            "用于见习基地支付见习人员基本生活费、办理人身意外伤害保险和带教管理费。"
            "见习留用率达到50%以上的，{bonus}",
            "四、申领程序。见习基地于见习期满后次月向市人力资源和社会保障局申领补贴，"
            "提交见习协议、考勤记录和基本生活费发放凭证。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-hrss",
                21,
                "04-16",
                "如皋市人力资源和社会保障局关于做好2021年高校毕业生就业见习工作的通知",
                window=("04-16", "12-31"),
                p={
                    "object_extra": "",
                    "base": "由企事业单位自愿申报，经评估认定为市级就业见习基地。",
                    "period": "3至12个月",
                    "ratio": "60%",
                    "bonus": "见习补贴提高到最低工资标准的70%。",
                    "bonus_short": "见习留用率达50%以上的，补贴提高到最低工资标准的70%。",
                },
            ),
            V(
                2023,
                "nt-hrss",
                7,
                "03-21",
                "南通市人力资源和社会保障局 南通市财政局关于进一步做好就业见习工作的通知",
                window=("03-21", "12-31"),
                p={
                    "object_extra": "扩大到离校2年内未就业中职毕业生。",
                    "base": "见习基地实行动态管理，重点在专精特新企业、重点产业企业中开发见习岗位。"
                    "",
                    "period": "3至12个月",
                    "ratio": "70%",
                    "bonus": "对留用见习人员并签订1年以上劳动合同的，按每人2000元给予一次性奖励。",
                    "bonus_short": "留用见习人员并签订1年以上劳动合同的，每人奖励2000元。",
                },
            ),
            V(
                2025,
                "rg-hrss",
                17,
                "03-18",
                "如皋市人力资源和社会保障局关于开展2025年百日千万见习岗位募集行动的通知",
                window=("03-18", "12-31"),
                p={
                    "object_extra": "扩大到离校2年内未就业中职毕业生和高校在校生。",
                    "base": "全年募集见习岗位不少于1500个，科研类、技术技能类岗位占比不低于30%。",
                    "period": "3至12个月",
                    "ratio": "80%",
                    "bonus": "按每留用1人给予见习基地3000元一次性奖励。",
                    "bonus_short": "见习基地每留用1人奖励3000元。",
                },
                interpret=True,
            ),
        ),
        glossary=(
            (
                "就业见习",
                "组织未就业的青年到企事业单位进行岗位实践，积累工作经验，见习期间发放基本生活费。",
            ),
        ),
        qa=(
            (
                "见习期间有工资吗？",
                "见习基地按不低于本市最低工资标准的{ratio}向见习人员支付基本生活费，"
                "并办理人身意外伤害保险。",
            ),
            (
                "企业怎样成为见习基地？",
                "企事业单位向市人社局提出申请，评估合格后认定为就业见习基地，按规定享受见习补贴。",
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "经认定的就业见习基地",
                "与见习人员签订见习协议",
                "按月足额发放见习人员基本生活费",
            ),
            materials=(
                ("就业见习补贴申请表", "加盖单位公章"),
                ("见习协议和考勤记录", "复印件"),
                ("基本生活费发放凭证", "银行流水"),
            ),
            steps=("见习期满后次月提交申请", "人社部门审核", "公示5个工作日", "补贴拨付至单位账户"),
        ),
        background="稳就业首先要稳住青年就业，就业见习是帮助青年积累工作经验、实现就业的有效途径。",
        points=(
            "见习对象为离校2年内未就业毕业生和16至24岁失业青年",
            "见习补贴标准为最低工资标准的{ratio}",
            "留用见习人员的给予一次性奖励",
        ),
    ),
    F(
        no=25,
        audience="both",
        topics=("employment.entrepreneurship",),
        categories=("employment",),
        stage="service",
        summary=(
            "{area}对首次创办小微企业或从事个体经营、正常经营{months}个月以上的{target_short}，"
            "给予{amount}元一次性创业补贴；带动就业的另给予每人{drive}元创业带动就业补贴。"
        ),
        body=(
            "为鼓励劳动者自主创业、以创业带动就业，现就一次性创业补贴和创业带动就业补贴有关事项通知"
            "如下。",
            "一、补贴对象。{target}首次在本市创办小微企业或从事个体经营，"
            "且正常经营{months}个月以上。",
            "二、一次性创业补贴。符合条件的，给予{amount}元一次性创业补贴。{extra}",
            "三、创业带动就业补贴。创办的企业吸纳本市劳动者就业并缴纳社会保险满6个月的，"
            "按每吸纳1人{drive}元给予补贴，每户最高不超过{drive_cap}万元。",
            "四、申请方式。创业者通过江苏智慧人社或本小程序在线申请，也可到市人力资源和社会保障局"
            "创业服务窗口申请，审核通过后补贴直接拨付至企业或个人账户。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-hrss",
                28,
                "06-11",
                "如皋市人力资源和社会保障局关于落实一次性创业补贴政策的通知",
                p={
                    "target": "毕业5年内高校毕业生、在校大学生、返乡创业农民工、就业困难人员"
                    "和退役军人，",
                    "target_short": "毕业5年内高校毕业生等人员",
                    "months": "6",
                    "amount": "5000",
                    "extra": "",
                    "drive": "2000",
                    "drive_cap": "5",
                },
            ),
            V(
                2024,
                "rg-hrss",
                14,
                "04-19",
                "如皋市人力资源和社会保障局 如皋市财政局关于调整创业补贴政策的通知",
                p={
                    "target": "毕业5年内高校毕业生、在校大学生、返乡入乡创业人员、就业困难人员、"
                    "退役军人、登记失业半年以上人员，",
                    "target_short": "高校毕业生、返乡入乡创业人员等",
                    "months": "12",
                    "amount": "8000",
                    "extra": "在乡村振兴重点村创业的，补贴提高到10000元。",
                    "drive": "2000",
                    "drive_cap": "10",
                },
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=("属于补贴对象范围", "首次创业且正常经营满{months}个月", "依法办理营业执照"),
            materials=(
                ("一次性创业补贴申请表", "在线填写"),
                ("营业执照", "电子证照可在线核验"),
                ("经营场所证明", "租赁合同或产权证明"),
            ),
            steps=("在线提交申请", "人社部门实地核查", "公示5个工作日", "补贴拨付"),
        ),
    ),
)


# =============================================================================================
# Families — 惠企: 稳岗就业、社保、人才技能
# =============================================================================================

_FAMILIES_EMPLOYMENT: tuple[F, ...] = (
    F(
        no=26,
        audience="enterprises",
        topics=("social-security.unemployment-insurance", "employment.subsidy"),
        categories=("employment", "relief"),
        stage="service",
        summary=(
            "{year}年{area}失业保险稳岗返还政策：上年度未裁员或裁员率不高于{rate}的参保企业，"
            "大型企业按{big}、中小微企业按{small}返还上年度实际缴纳的失业保险费，{mode_short}"
        ),
        body=(
            "为发挥失业保险保生活、防失业、促就业作用，支持企业稳定就业岗位，{intro}现就{year}年"
            "失业保险稳岗返还有关事项通知如下。",
            "一、返还对象。依法参加失业保险并足额缴纳失业保险费12个月以上，上年度未裁员或裁员率"
            "不高于{rate}的企业；参保职工30人（含）以下的企业，裁员率不高于参保职工总数的20%。"
            "{object_extra}",
            "二、返还标准。大型企业按企业及其职工上年度实际缴纳失业保险费的{big}返还，"
            "中小微企业按{small}返还。企业规模按《中小企业划型标准规定》确定。",
            "三、返还方式。{mode}",
            "四、资金用途。返还资金（稳岗补贴）主要用于职工生活补助、缴纳社会保险费、"
            "转岗培训和技能提升"
            "培训等稳定就业岗位的支出。",
            "五、执行期限。{deadline}严重失信企业不得享受稳岗返还政策。{clause}",
        ),
        variants=(
            V(
                2019,
                "mohrss",
                23,
                "03-18",
                "人力资源社会保障部 财政部 国家发展改革委 工业和信息化部关于失业保险支持企业稳定就"
                "业岗位的通知",
                p={
                    "intro": "",
                    "rate": "全国城镇调查失业率控制目标",
                    "object_extra": "对面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的"
                    "参保企业，可按6个月的当地月人均失业保险金和参保职工人数确定返还标准。",
                    "big": "50%",
                    "small": "50%",
                    "mode": "企业向参保地失业保险经办机构提出申请，经审核公示后拨付至企业基本账户。"
                    "",
                    "mode_short": "由企业向经办机构申请。",
                    "deadline": "2019年度稳岗返还资金于2019年12月31日前审核拨付完毕。",
                },
            ),
            V(
                2020,
                "js-hrss",
                14,
                "03-06",
                "江苏省人力资源和社会保障厅 江苏省财政厅关于做好2020年失业保险稳岗返还工作的通知",
                p={
                    "intro": "应对新冠肺炎疫情对企业生产经营的影响，",
                    "rate": "5.5%",
                    "object_extra": "",
                    "big": "50%",
                    "small": "100%",
                    "mode": "实行网上申报、网上审核，各地经办机构在受理后15个工作日内完成审核拨付。"
                    "",
                    "mode_short": "实行网上申报、网上审核。",
                    "deadline": "2020年度返还资金于2020年12月31日前审核拨付完毕。",
                },
            ),
            V(
                2022,
                "mohrss",
                29,
                "04-27",
                "人力资源社会保障部 国家税务总局 财政部关于做好失业保险稳岗位提技能防失业工作的通知"
                "",
                p={
                    "intro": "助企纾困、稳定就业，",
                    "rate": "5.5%",
                    "object_extra": "",
                    "big": "50%",
                    "small": "90%",
                    "mode": "推行“免申即享”经办模式，通过大数据比对识别符合条件的企业，"
                    "直接将资金返还至企业，无需企业申请。",
                    "mode_short": "推行免申即享。",
                    "deadline": "2022年度返还资金于2022年12月31日前审核拨付完毕。",
                },
            ),
            V(
                2023,
                "rg-hrss",
                9,
                "05-26",
                "如皋市人力资源和社会保障局 如皋市财政局关于做好2023年失业保险稳岗返还工作的通知",
                p={
                    "intro": "根据省人力资源和社会保障厅、财政厅关于延续实施失业保险稳岗返还政策的"
                    "要求，",
                    "rate": "5.5%",
                    "object_extra": "",
                    "big": "30%",
                    "small": "60%",
                    "mode": "继续实行“免申即享”，市失业保险经办机构通过比对参保、缴费、裁员等"
                    "数据确定返还名单，在本小程序和市人社局网站公示5个工作日后直接拨付。",
                    "mode_short": "实行免申即享，公示后直接拨付。",
                    "deadline": "返还资金于2023年12月31日前拨付完毕。",
                },
            ),
            V(
                2024,
                "rg-hrss",
                8,
                "05-20",
                "如皋市人力资源和社会保障局 如皋市财政局关于做好2024年失业保险稳岗返还工作的通知",
                illustrated=True,
                interpret=True,
                p={
                    "intro": "延续实施失业保险稳岗返还政策，",
                    "rate": "5.5%",
                    "object_extra": "社会团体、基金会、社会服务机构、律师事务所、会计师事务所、"
                    "以单位形式参保的个体工商户参照实施。",
                    "big": "30%",
                    "small": "60%",
                    "mode": "实行“免申即享”，对没有对公账户的小微企业和个体工商户，可通过企业"
                    "在本小程序确认收款账户后拨付。返还结果通过短信和小程序消息告知企业。",
                    "mode_short": "免申即享，结果通过短信和小程序告知。",
                    "deadline": "返还政策执行至2024年12月31日。",
                },
            ),
        ),
        glossary=(
            (
                "稳岗返还",
                "对不裁员或少裁员的参保企业，按一定比例返还其上年度缴纳的失业保险费，"
                "用于稳定就业岗位。",
            ),
            ("裁员率", "企业上年度减少的参保职工人数占上年度初参保职工总数的比例。"),
            ("免申即享", "经办机构通过数据比对识别符合条件的企业，企业无需申请即可享受政策。"),
        ),
        qa=(
            (
                "{year}年中小微企业稳岗返还比例是多少？",
                "中小微企业按上年度实际缴纳失业保险费的{small}返还，大型企业按{big}返还。",
            ),
            (
                "企业需要自己申请稳岗返还吗？",
                "{mode_short}",
            ),
            (
                "稳岗返还资金可以用来做什么？",
                "主要用于职工生活补助、缴纳社会保险费、转岗培训和技能提升培训等稳定岗位的支出。",
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "依法参加失业保险并足额缴费满12个月",
                "上年度未裁员或裁员率不高于{rate}",
                "不属于严重失信主体",
            ),
            materials=(
                ("企业基本账户信息", "免申即享的由系统自动获取"),
                ("稳岗返还申请表", "仅需申请的企业提交，加盖公章"),
            ),
            steps=("系统比对或企业申请", "经办机构审核", "公示5个工作日", "资金拨付至企业账户"),
        ),
        cards=(
            "谁能享受：参保满12个月、裁员率不高于{rate}的企业",
            "返多少：大型企业{big}，中小微企业{small}",
            "怎么领：{mode_short}",
            "用途：职工生活补助、缴纳社保、转岗和技能培训",
        ),
        background="延续实施失业保险稳岗返还政策，是减轻企业负担、稳定就业岗位的重要举措。",
        points=(
            "大型企业返还比例{big}，中小微企业{small}",
            "裁员率标准为不高于{rate}",
            "{mode_short}",
        ),
    ),
    F(
        no=27,
        audience="enterprises",
        topics=("social-security", "finance-tax.tax-relief"),
        categories=("relief", "fee-reduction"),
        stage="execution",
        summary=(
            "{year}年{scope}对{target_short}阶段性{action}基本养老保险、失业保险和工伤保险三项社会"
            "保险单位缴费部分，"
            "{period_short}，{extra_short}期间职工各项社会保险待遇和个人权益记录不受影响。"
        ),
        body=(
            "为减轻受疫情影响企业的缴费负担，帮助企业渡过难关，经国务院同意，现就阶段性{action}"
            "企业社会保险费有关问题通知如下。",
            "一、适用范围。{target}",
            "二、政策内容。{content}",
            "三、办理程序。企业向参保地社会保险经办机构或税务部门提出申请，{procedure}",
            "四、权益保障。社保费{action}期间，企业职工正常享受各项社会保险待遇，"
            "个人权益记录不受影响。"
            "职工申领养老保险待遇或转移社会保险关系的，企业应补缴{action}的社会保险费。",
            "五、实施期限。{period}{clause}",
        ),
        variants=(
            V(
                2020,
                "mohrss",
                11,
                "02-20",
                "人力资源社会保障部 财政部 国家税务总局关于阶段性减免企业社会保险费的通知",
                exp="2020-12-31",
                p={
                    "action": "减免",
                    "target": "各类中小微企业、以单位方式参保的个体工商户和大型企业。",
                    "target_short": "中小微企业",
                    "content": "自2020年2月起，各省、自治区、直辖市（除湖北省外）可对中小微企业"
                    "三项社会保险单位缴费部分免征，免征期限不超过5个月；对大型企业等其他参保单位"
                    "减半征收，减征期限不超过3个月。",
                    "procedure": "经办机构根据企业划型结果直接减免，企业无需另行申请。",
                    "period": "本通知执行至2020年12月31日。",
                    "period_short": "中小微企业最长免征5个月",
                    "extra_short": "",
                },
            ),
            V(
                2022,
                "mohrss",
                16,
                "04-21",
                "人力资源社会保障部 国家发展改革委 财政部 国家税务总局关于特困行业阶段性实施缓缴企"
                "业社会保险费政策的通知",
                exp="2022-12-31",
                p={
                    "action": "缓缴",
                    "target": "餐饮、零售、旅游、民航、公路水路铁路运输等5个特困行业"
                    "所属企业，以单位方式参保的个体工商户参照执行。",
                    "target_short": "餐饮、零售、旅游等5个特困行业企业",
                    "content": "企业可申请缓缴三项社会保险单位缴费部分，其中养老保险费缓缴实施"
                    "期限到2022年年底，工伤保险费、失业保险费缓缴期限不超过1年。"
                    "缓缴期间免收滞纳金。",
                    "procedure": "经办机构或税务部门在受理后3个工作日内办结。",
                    "period": "养老保险费缓缴实施期限到2022年12月31日。",
                    "period_short": "养老保险费缓缴至2022年年底",
                    "extra_short": "",
                },
            ),
            V(
                2022,
                "js-hrss",
                33,
                "06-10",
                "江苏省人力资源和社会保障厅 江苏省财政厅 国家税务总局江苏省税务局关于扩大阶段性缓缴"
                "社会保险费政策实施范围的通知",
                exp="2022-12-31",
                p={
                    "action": "缓缴",
                    "target": "在餐饮、零售、旅游、民航、公路水路铁路运输5个特困行业基础上，扩大到"
                    "汽车制造、通用设备制造、专用设备制造、纺织业等17个行业中生产经营出现暂时困难的"
                    "所属企业；受疫情影响生产经营出现暂时困难的中小微企业、以单位方式参保的个体工商"
                    "户"
                    "可申请缓缴。",
                    "target_short": "汽车制造、纺织等22个行业及困难中小微企业",
                    "content": "企业可申请缓缴三项社会保险单位缴费部分，缓缴实施期限到2022年"
                    "年底，期间免收滞纳金。企业应于2023年底前补缴缓缴的社会保险费。",
                    "procedure": "企业通过江苏省电子税务局或社保网上经办系统提交承诺书，即时办结。",
                    "period": "缓缴实施期限到2022年12月31日。",
                    "period_short": "缓缴至2022年年底",
                    "extra_short": "企业通过网上承诺即可办理，",
                },
            ),
        ),
        glossary=(
            (
                "社保费缓缴",
                "经批准，企业可暂缓缴纳社会保险单位缴费部分，在规定期限内补缴，缓缴期间免收滞纳金。"
                "",
            ),
        ),
        qa=(
            (
                "缓缴社保会影响职工待遇吗？",
                "不影响。{action}期间职工正常享受各项社会保险待遇，个人权益记录不受影响。",
            ),
            (
                "哪些企业可以享受{action}政策？",
                "{target}",
            ),
        ),
    ),
    F(
        no=28,
        audience="enterprises",
        topics=("employment.subsidy", "employment.key-groups"),
        categories=("employment",),
        stage="service",
        summary=(
            "{area}企业招用{target_short}，与其签订1年以上劳动合同并为其缴纳失业保险费满1个月的，"
            "按每人{amount}元发放一次性吸纳就业补贴（一次性扩岗补助），{extra_short}"
        ),
        body=(
            "为鼓励企业吸纳高校毕业生等青年就业，现就一次性吸纳就业补贴（一次性扩岗补助）政策"
            "通知如下。",
            "一、补贴对象。招用{target}，与其签订1年以上劳动合同，并为其按月足额缴纳失业保险费"
            "满1个月的企业。{object_extra}",
            "二、补贴标准。按每招用1人{amount}元的标准发放一次性吸纳就业补贴，每名劳动者只能"
            "享受一次补贴。同一企业吸纳人数较多的，{cap}",
            "三、办理方式。{procedure}",
            "四、资金来源。所需资金从失业保险基金或就业补助资金中列支，不得与一次性创业补贴、"
            "就业见习补贴重复享受同一人员。",
            "五、实施期限。{deadline}{clause}",
        ),
        variants=(
            V(
                2022,
                "mohrss",
                41,
                "07-29",
                "人力资源社会保障部办公厅 教育部办公厅 财政部办公厅关于加快落实一次性扩岗补助政策有"
                "关工作的通知",
                doc="人社厅发〔2022〕41号",
                p={
                    "target": "毕业年度高校毕业生",
                    "target_short": "毕业年度高校毕业生",
                    "object_extra": "",
                    "amount": "1500",
                    "cap": "不设上限。",
                    "procedure": "推行“免申即享”经办模式，通过大数据比对识别符合条件的企业，"
                    "经确认后发放补助。",
                    "deadline": "政策申领期限截至2022年12月31日。",
                    "extra_short": "实行免申即享。",
                },
            ),
            V(
                2023,
                "js-hrss",
                19,
                "06-20",
                "江苏省人力资源和社会保障厅 江苏省财政厅关于延续实施一次性扩岗补助政策的通知",
                window=("06-20", "12-31"),
                p={
                    "target": "毕业年度或离校2年内未就业高校毕业生、登记失业的16至24岁青年",
                    "target_short": "高校毕业生和16至24岁登记失业青年",
                    "object_extra": "社会组织招用的参照执行。",
                    "amount": "1500",
                    "cap": "不设上限。",
                    "procedure": "企业通过江苏智慧人社网上申请，经办机构在10个工作日内完成审核拨付"
                    "。",
                    "deadline": "政策申领期限截至2023年12月31日。",
                    "extra_short": "通过江苏智慧人社网上申请。",
                },
            ),
            V(
                2024,
                "rg-hrss",
                23,
                "06-14",
                "如皋市人力资源和社会保障局关于落实一次性吸纳就业补贴政策的通知",
                window=("06-14", "12-31"),
                p={
                    "target": "毕业年度或离校2年内未就业高校毕业生、登记失业的16至24岁青年、"
                    "脱贫人口",
                    "target_short": "高校毕业生、16至24岁失业青年和脱贫人口",
                    "object_extra": "在如皋高新区、如皋经济技术开发区和如皋港区重点企业就业的，"
                    "优先审核拨付。",
                    "amount": "2000",
                    "cap": "单个企业年度补贴总额最高50万元。",
                    "procedure": "企业在本小程序“惠企政策”栏目在线申请，或到市政务服务中心二楼"
                    "人社窗口申请，审核通过后公示5个工作日，补贴拨付至企业对公账户。",
                    "deadline": "申请截止时间为2024年12月31日。",
                    "extra_short": "单个企业年度最高50万元。",
                },
            ),
        ),
        glossary=(
            (
                "一次性扩岗补助",
                "对招用高校毕业生等青年并缴纳失业保险费的企业，按人数一次性发放的补助。",
            ),
        ),
        qa=(
            (
                "招一个应届毕业生能拿多少补贴？",
                "按每人{amount}元发放一次性吸纳就业补贴，每名劳动者只能享受一次。",
            ),
            (
                "补贴要怎么申请？",
                "{procedure}",
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "招用{target_short}",
                "签订1年以上劳动合同",
                "按月足额缴纳失业保险费满1个月",
            ),
            materials=(
                ("一次性吸纳就业补贴申请表", "加盖单位公章"),
                ("劳动合同", "复印件，在线申请的上传扫描件"),
                ("毕业证书或失业登记证明", "学信网可查的免于提供"),
            ),
            steps=(
                "企业在线提交申请",
                "人社部门核验参保和学历信息",
                "公示5个工作日",
                "补贴拨付至企业对公账户",
            ),
        ),
    ),
    F(
        no=29,
        audience="both",
        topics=("employment.skills",),
        categories=("employment", "talent"),
        stage="service",
        summary=(
            "{area}参加失业保险{years}以上的企业职工，取得职业资格证书或职业技能等级证书的，"
            "可申领技能提升补贴：初级工{junior}元、中级工{middle}元、高级工{senior}元，"
            "每人每年最多享受{times}次。"
        ),
        body=(
            "为鼓励企业职工提升职业技能，根据失业保险支持参保职工提升职业技能的有关规定，"
            "现就技能提升补贴申领有关事项通知如下。",
            "一、申领条件。依法参加失业保险、累计缴纳失业保险费{years}以上的企业职工，"
            "自{start}起取得初级（五级）、中级（四级）、高级（三级）职业资格证书或职业技能等级"
            "证书的，可申请技能提升补贴。{cond_extra}",
            "二、补贴标准。取得初级证书的补贴{junior}元，中级证书{middle}元，高级证书{senior}元。"
            "{standard_extra}",
            "三、申领期限。职工应在取得证书之日起12个月内提出申请，每人每年享受补贴次数不超过"
            "{times}次，同一职业同一等级只能享受一次。",
            "四、申领方式。{method}补贴资金直接发放至本人社会保障卡。{clause}",
        ),
        variants=(
            V(
                2019,
                "js-hrss",
                41,
                "08-12",
                "江苏省人力资源和社会保障厅 江苏省财政厅关于进一步做好失业保险技能提升补贴工作的通"
                "知",
                p={
                    "years": "1年",
                    "start": "2019年1月1日",
                    "cond_extra": "",
                    "junior": "1000",
                    "middle": "1500",
                    "senior": "2000",
                    "standard_extra": "",
                    "times": "一",
                    "method": "职工通过江苏智慧人社网上申请，也可到参保地失业保险经办机构申请。",
                },
            ),
            V(
                2022,
                "rg-hrss",
                16,
                "05-09",
                "如皋市人力资源和社会保障局关于做好技能提升补贴“直补快办”工作的通知",
                p={
                    "years": "1年",
                    "start": "2022年1月1日",
                    "cond_extra": "领取失业保险金人员取得证书的，同等享受。",
                    "junior": "1000",
                    "middle": "1500",
                    "senior": "2000",
                    "standard_extra": "取得紧缺职业（工种）证书的，补贴标准提高10%。",
                    "times": "三",
                    "method": "推行“直补快办”，职工通过本小程序或江苏智慧人社“掌上办”申请，"
                    "证书信息由系统自动核验。",
                },
                interpret=True,
            ),
            V(
                2024,
                "nt-hrss",
                12,
                "03-28",
                "南通市人力资源和社会保障局 南通市财政局关于调整技能提升补贴申领条件的通知",
                p={
                    "years": "1年",
                    "start": "2024年1月1日",
                    "cond_extra": "企业职工在南通市内跨县（市、区）流动的，参保缴费年限累计计算。",
                    "junior": "1000",
                    "middle": "1500",
                    "senior": "2000",
                    "standard_extra": "取得技师、高级技师证书的，分别给予3000元、4000元补贴。",
                    "times": "三",
                    "method": "实行全市通办，职工可在任一县（市、区）经办窗口或网上申请。",
                },
            ),
        ),
        glossary=(
            (
                "技能提升补贴",
                "对参加失业保险并取得职业资格或技能等级证书的职工给予的补贴，从失业保险基金列支。",
            ),
        ),
        qa=(
            (
                "取得中级工证书能领多少技能提升补贴？",
                "中级（四级）证书补贴{middle}元，初级{junior}元，高级{senior}元。",
            ),
            (
                "证书拿到多久内要申请？",
                "应在取得证书之日起12个月内提出申请，逾期不再受理。",
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=("累计缴纳失业保险费{years}以上", "取得职业资格证书或职业技能等级证书"),
            materials=(
                ("居民身份证", "本人的"),
                ("职业资格证书或职业技能等级证书", "全国联网可查询的免于上传"),
            ),
            steps=("在线提交申请", "系统核验证书和参保信息", "发放至社会保障卡"),
        ),
        background="技能提升补贴是失业保险预防失业、促进就业功能的重要体现，"
        "为方便职工申领推行直补快办。",
        points=(
            "参保{years}以上职工取得证书即可申领",
            "初级、中级、高级分别补贴{junior}元、{middle}元、{senior}元",
            "每人每年最多享受{times}次",
        ),
    ),
    F(
        no=30,
        audience="enterprises",
        topics=("employment.skills",),
        categories=("employment", "talent"),
        stage="service",
        summary=(
            "{area}支持企业开展{program}，按每人每年{amount}元给予培训补贴，"
            "{scope_short}，企业培训计划须报人社部门备案，培训结束后凭培训台账、"
            "考核结果和费用凭证申领，补贴资金从职业技能提升行动专账资金中列支。"
        ),
        body=(
            "为加快培养企业技能人才，现就{program}工作通知如下。",
            "一、培训对象。{target}",
            "二、培训方式。{mode}",
            "三、补贴标准。按每人每年{amount}元给予企业职业培训补贴，{period}。{extra}",
            "四、申领程序。企业制定培训计划报市人力资源和社会保障局备案，培训结束后提交培训"
            "台账、考核结果和费用凭证申领补贴，补贴分期拨付至企业账户。",
            "五、监督检查。市人社局通过实地抽查、视频巡查等方式检查培训过程，虚报培训人数的，"
            "追回补贴资金，三年内不得享受职业培训补贴。{clause}",
        ),
        variants=(
            V(
                2020,
                "js-hrss",
                22,
                "05-18",
                "江苏省人力资源和社会保障厅 江苏省财政厅关于做好以工代训工作的通知",
                p={
                    "program": "以工代训",
                    "target": "受疫情影响的中小微企业新吸纳的劳动者和困难企业组织的在岗职工。",
                    "mode": "企业以“边工作边培训”方式组织职工参加岗位技能培训。",
                    "amount": "500",
                    "period": "按月发放，补贴期限最长6个月，2020年12月31日前完成申领",
                    "extra": "",
                    "scope_short": "面向受疫情影响的中小微企业",
                },
            ),
            V(
                2021,
                "rg-hrss",
                33,
                "03-30",
                "如皋市人力资源和社会保障局关于开展企业新型学徒制培训的通知",
                p={
                    "program": "企业新型学徒制培训",
                    "target": "与企业签订6个月以上劳动合同的技能岗位新招用和转岗职工。",
                    "mode": "实行“招工即招生、入企即入校、企校双师联合培养”，由企业与技工院校、"
                    "职业培训机构合作培养，学徒培训期一般为1至2年。",
                    "amount": "4000",
                    "period": "培养高级工的按每人每年5000元补贴",
                    "extra": "企业为学徒支付的培训费用可按规定在职工教育经费中列支。",
                    "scope_short": "面向技能岗位新招用和转岗职工",
                },
            ),
            V(
                2024,
                "nt-hrss",
                15,
                "04-11",
                "南通市人力资源和社会保障局关于全面推行中国特色企业新型学徒制的实施意见",
                p={
                    "program": "中国特色企业新型学徒制",
                    "target": "各类企业技能岗位职工，重点为汽车制造、船舶海工、电子信息、新材料等"
                    "重点产业企业职工。",
                    "mode": "实行“企校双制、工学一体”培养，鼓励规模以上企业设立职工培训中心，"
                    "开展订单式、项目制培训。",
                    "amount": "6000",
                    "period": "培养技师的按每人每年8000元补贴",
                    "extra": "对学徒培训合格率达到90%以上的企业，给予带徒师傅每人每年1000元津贴补助"
                    "。",
                    "scope_short": "重点面向汽车、船舶海工、电子信息等产业企业",
                },
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "在本市依法登记注册的企业",
                "培训计划已报人社部门备案",
                "培训对象与企业签订劳动合同",
            ),
            materials=(
                ("职业培训补贴申请表", "加盖单位公章"),
                ("培训台账和考核结果", "含签到、课时、考核成绩"),
                ("培训费用支付凭证", "发票或银行流水"),
            ),
            steps=("备案培训计划", "组织培训并接受巡查", "提交补贴申请", "审核拨付"),
        ),
    ),
    F(
        no=31,
        audience="enterprises",
        topics=("employment.skills",),
        categories=("talent",),
        industries=("C",),
        stage="management",
        summary=(
            "{area}支持用人单位开展技能人才自主评价，{year}年备案评价机构{count}家，"
            "企业可自主确定评价职业（工种）和标准，评价结果纳入人才统计，{extra_short}"
        ),
        body=(
            "为健全技能人才评价体系，发挥企业在技能人才评价中的主体作用，现就推进企业职业技能"
            "等级自主评价工作通知如下。",
            "一、评价主体。依法登记、生产经营正常、技能人才较多的企业可申请备案为职业技能等级"
            "认定机构，{year}年计划新增备案{count}家。{body_extra}",
            "二、评价范围。企业可对本企业职工和产业链上下游企业职工开展评价，评价职业（工种）"
            "原则上为国家职业分类大典所列职业，也可结合企业岗位开发新职业评价规范。",
            "三、评价方式。采取理论知识考试、操作技能考核、业绩评审、工作实绩评价相结合的方式，"
            "突出实际操作能力。",
            "四、结果应用。企业自主评价结果与职工薪酬、岗位晋升挂钩，取得证书的职工按规定享受"
            "技能提升补贴和人才政策。{apply_extra}",
            "五、质量监管。市人力资源和社会保障局对评价过程实行“双随机”督导，对违规发证的"
            "暂停或取消备案。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-hrss",
                27,
                "07-05",
                "如皋市人力资源和社会保障局关于推进企业职业技能等级自主评价工作的通知",
                p={
                    "count": "20",
                    "body_extra": "",
                    "apply_extra": "",
                    "extra_short": "取得证书的职工可申领技能提升补贴。",
                },
            ),
            V(
                2024,
                "rg-hrss",
                29,
                "06-28",
                "如皋市人力资源和社会保障局关于扩大企业技能人才自主评价范围的通知",
                p={
                    "count": "35",
                    "body_extra": "支持链主企业牵头开展产业链评价，面向配套中小企业职工提供评价服务"
                    "。",
                    "apply_extra": "探索推行“新八级工”职业技能等级制度，对取得特级技师的给予每人"
                    "2万元一次性奖励。",
                    "extra_short": "链主企业可牵头开展产业链评价。",
                },
            ),
        ),
    ),
    F(
        no=32,
        audience="both",
        topics=("employment.entrepreneurship", "business-environment.financing"),
        categories=("finance", "employment"),
        stage="service",
        summary=(
            "{area}个人创业担保贷款最高{personal}万元，小微企业最高{company}万元，"
            "贷款期限最长{term}，"
            "由政府性融资担保机构提供担保，财政按贷款合同签订日LPR{lpr}给予贴息，{extra_short}"
        ),
        body=(
            "为发挥创业担保贷款支持创业就业作用，{intro}现就创业担保贷款有关事项通知如下。",
            "一、支持对象。城镇登记失业人员、就业困难人员、退役军人、刑满释放人员、高校毕业生"
            "（含大学生村官和留学回国学生）、化解过剩产能企业职工和失业人员、返乡创业农民工、"
            "网络商户、脱贫人口和农村自主创业农民。小微企业当年新招用符合条件人员达到职工总数"
            "{ratio}（超过100人的企业达到{ratio2}）并签订1年以上劳动合同的，可申请小微企业"
            "创业担保贷款。",
            "二、贷款额度。个人最高{personal}万元，对符合条件的个人合伙创业的，可根据人数适当"
            "提高贷款额度，最高不超过{partner}万元；小微企业最高{company}万元。",
            "三、贷款期限和贴息。个人贷款期限最长{term}。贷款利率由经办银行在LPR基础上上浮"
            "不超过{markup}个百分点，{subsidy}",
            "四、担保方式。由政府性融资担保机构提供担保，{guarantee}",
            "五、办理程序。借款人向创业地人社部门提出申请，经资格审核后由担保机构和经办银行"
            "调查放款。{clause}",
        ),
        variants=(
            V(
                2020,
                "mof",
                21,
                "04-28",
                "财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重"
                "点群体创业就业的通知",
                doc="财金〔2020〕21号",
                p={
                    "intro": "应对疫情影响、全力支持重点群体创业就业，",
                    "ratio": "20%",
                    "ratio2": "10%",
                    "personal": "20",
                    "partner": "110",
                    "company": "300",
                    "term": "3年",
                    "markup": "3",
                    "subsidy": "LPR减150个基点以下部分由借款人承担，剩余部分财政给予贴息。",
                    "lpr": "减150个基点以上部分",
                    "guarantee": "个人贷款10万元以下、获得市级以上荣誉称号的免除反担保要求。",
                    "extra_short": "10万元以下个人贷款免除反担保。",
                },
            ),
            V(
                2022,
                "js-finance",
                9,
                "06-16",
                "江苏省财政厅 江苏省人力资源和社会保障厅 中国人民银行南京分行关于进一步做好创业担保"
                "贷款工作的通知",
                p={
                    "intro": "支持重点群体创业带动就业，",
                    "ratio": "15%",
                    "ratio2": "8%",
                    "personal": "30",
                    "partner": "150",
                    "company": "400",
                    "term": "3年",
                    "markup": "3",
                    "subsidy": "LPR减150个基点以下部分由借款人承担，剩余部分财政给予贴息；"
                    "对还款积极、带动就业能力强的，可继续提供贷款扶持，累计次数不超过3次。",
                    "lpr": "减150个基点以上部分",
                    "guarantee": "个人贷款20万元以下免除反担保要求，推行线上申请、线上审批。",
                    "extra_short": "累计可获得3次扶持。",
                },
            ),
            V(
                2024,
                "rg-hrss",
                31,
                "05-08",
                "如皋市人力资源和社会保障局 如皋市财政局关于优化创业担保贷款服务的通知",
                illustrated=True,
                interpret=True,
                p={
                    "intro": "打造“创业如皋”品牌，",
                    "ratio": "15%",
                    "ratio2": "8%",
                    "personal": "30",
                    "partner": "150",
                    "company": "400",
                    "term": "3年",
                    "markup": "1",
                    "subsidy": "借款人按LPR减150个基点承担利息，中央、省和市财政按规定分担贴息；"
                    "对在本市乡村振兴重点村创业的，市财政全额贴息。",
                    "lpr": "减150个基点以上部分",
                    "guarantee": "如皋市政府性融资担保公司提供担保，担保费率不超过0.5%，个人贷款"
                    "30万元以下免除反担保。",
                    "extra_short": "个人30万元以下免反担保，担保费率不超过0.5%。",
                },
            ),
        ),
        glossary=(
            (
                "创业担保贷款",
                "由政府性融资担保机构提供担保、经办银行发放、财政给予贴息的创业贷款。",
            ),
            ("LPR", "贷款市场报价利率，由报价行报价形成，是银行贷款利率的定价基准。"),
            ("反担保", "借款人向担保机构提供的、保障担保机构代偿后追偿权实现的担保。"),
        ),
        qa=(
            (
                "个人创业担保贷款最多能贷多少？",
                "个人最高{personal}万元，合伙创业最高{partner}万元，小微企业最高{company}万元。",
            ),
            (
                "创业担保贷款需要反担保吗？",
                "{guarantee}",
            ),
            (
                "贷款利息谁来承担？",
                "{subsidy}",
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "属于创业担保贷款支持对象",
                "在本市创业并依法办理营业执照",
                "除助学贷款、住房贷款、购车贷款等外无其他未结清贷款",
            ),
            materials=(
                ("创业担保贷款申请表", "在线填写"),
                ("居民身份证及户口簿", "复印件"),
                ("营业执照", "电子证照可核验"),
                ("身份证明材料", "如退役证、毕业证等"),
            ),
            steps=("人社部门资格审核", "担保机构调查担保", "经办银行审批放款", "按季申请贴息"),
        ),
        cards=(
            "个人最高{personal}万元，合伙创业最高{partner}万元",
            "小微企业最高{company}万元",
            "期限最长{term}，财政贴息",
            "{extra_short}",
            "申请：市政务服务中心二楼人社窗口或小程序在线申请",
        ),
        background="创业担保贷款是支持重点群体创业的普惠金融政策，为降低创业融资成本，"
        "进一步优化服务。",
        points=(
            "个人贷款最高{personal}万元，小微企业最高{company}万元",
            "担保费率不超过0.5%",
            "乡村振兴重点村创业的市财政全额贴息",
        ),
    ),
)


# =============================================================================================
# Families — 财税扶持、减税降费
# =============================================================================================

_TAX_GUIDE_STEPS = (
    "登录江苏省电子税务局或到办税服务厅提出申请",
    "税务机关审核",
    "审核通过后办理退库或享受优惠",
)

_FAMILIES_TAX: tuple[F, ...] = (
    F(
        no=33,
        audience="enterprises",
        topics=("finance-tax.vat-refund",),
        categories=("fiscal-tax", "relief"),
        stage="execution",
        summary=(
            "{summary_lead}符合条件的纳税人可向主管税务机关申请退还增量留抵税额{refund_short}，"
            "申请退税前36个月未发生骗取留抵退税、虚开发票等情形，纳税信用等级为A级或B级。"
        ),
        body=(
            "为{purpose}，现将{topic}有关事项{tail}如下：",
            "一、{part1}",
            "二、同时符合以下条件的纳税人，可以向主管税务机关申请退还留抵税额：（一）纳税信用"
            "等级为A级或者B级；（二）申请退税前36个月未发生骗取留抵退税、骗取出口退税或虚开"
            "增值税专用发票情形；（三）申请退税前36个月未因偷税被税务机关处罚两次及以上；"
            "（四）{cond4}",
            "三、退税计算。{calc}",
            "四、办理流程。纳税人应在增值税纳税申报期内，完成本期增值税纳税申报后，通过电子税务局"
            "或办税服务厅提交《退（抵）税申请表》。{process_extra}",
            "五、纳税人取得退还的留抵税额后，应相应调减当期留抵税额。以虚增进项、虚假申报或者"
            "其他欺骗手段骗取留抵退税的，由税务机关追缴其骗取的退税款，并按照《中华人民共和国"
            "税收征收管理法》等有关规定处理。{clause}",
        ),
        variants=(
            V(
                2019,
                "mof",
                39,
                "03-20",
                "财政部 税务总局 海关总署关于深化增值税改革有关政策的公告",
                doc="财政部 税务总局 海关总署公告2019年第39号",
                eff="2019-04-01",
                kind="announcement",
                p={
                    "summary_lead": "自2019年4月1日起，增值税一般纳税人适用16%税率的调整为13%，"
                    "适用10%税率的调整为9%，并试行增值税期末留抵税额退税制度，",
                    "refund_short": "的60%",
                    "purpose": "贯彻落实党中央、国务院决策部署，推进增值税实质性减税",
                    "topic": "深化增值税改革",
                    "tail": "公告",
                    "part1": "增值税一般纳税人发生增值税应税销售行为或者进口货物，原适用16%税率的，"
                    "税率调整为13%；原适用10%税率的，税率调整为9%。自2019年4月1日起，试行增值税"
                    "期末留抵税额退税制度。",
                    "cond4": "自2019年4月税款所属期起，连续六个月增量留抵税额均大于零，且第六个月"
                    "增量留抵税额不低于50万元。",
                    "calc": "允许退还的增量留抵税额＝增量留抵税额×进项构成比例×60%。",
                    "process_extra": "",
                },
            ),
            V(
                2022,
                "mof",
                14,
                "03-21",
                "财政部 税务总局关于进一步加大增值税期末留抵退税政策实施力度的公告",
                doc="财政部 税务总局公告2022年第14号",
                eff="2022-04-01",
                kind="announcement",
                p={
                    "summary_lead": "2022年起加大小微企业和制造业等行业留抵退税力度，",
                    "refund_short": "（100%退还）并一次性退还存量留抵税额",
                    "purpose": "支持小微企业和制造业等行业发展，提振市场主体信心、激发市场主体活力",
                    "topic": "进一步加大增值税期末留抵退税实施力度",
                    "tail": "公告",
                    "part1": "加大小微企业增值税期末留抵退税政策力度，将先进制造业按月全额退还增值"
                    "税"
                    "增量留抵税额政策范围扩大至符合条件的小微企业（含个体工商户），并一次性退还"
                    "小微企业存量留抵税额。加大“制造业”“科学研究和技术服务业”“电力、热力、燃气及"
                    "水生产和供应业”“软件和信息技术服务业”“生态保护和环境治理业”和“交通运输、"
                    "仓储和邮政业”企业增值税期末留抵退税政策力度。",
                    "cond4": "2019年4月1日起未享受即征即退、先征后返（退）政策。",
                    "calc": "允许退还的增量留抵税额＝增量留抵税额×进项构成比例×100%；允许退还的"
                    "存量留抵税额＝存量留抵税额×进项构成比例×100%。",
                    "process_extra": "税务机关按照“快速审核、快速退库”要求，在5个工作日内完成审核。"
                    "",
                },
            ),
            V(
                2022,
                "rg-tax",
                11,
                "04-02",
                "国家税务总局如皋市税务局关于做好大规模增值税留抵退税政策落实工作的通知",
                illustrated=True,
                interpret=True,
                p={
                    "summary_lead": "如皋市税务局落实大规模留抵退税政策，对小微企业和制造业等行业企"
                    "业"
                    "实行“即申即审、即审即退”，",
                    "refund_short": "和存量留抵税额（100%退还）",
                    "purpose": "确保大规模增值税留抵退税政策在我市快速落地、应退尽退",
                    "topic": "留抵退税政策落实",
                    "tail": "通知",
                    "part1": "政策范围。小微企业（含个体工商户）和制造业、科学研究和技术服务业、"
                    "电力热力燃气及水生产和供应业、软件和信息技术服务业、生态保护和环境治理业、"
                    "交通运输仓储和邮政业等行业企业，可按月全额退还增量留抵税额，并一次性退还"
                    "存量留抵税额。",
                    "cond4": "2019年4月1日起未享受即征即退、先征后返（退）政策。",
                    "calc": "退税额按进项构成比例计算，增量和存量留抵税额均按100%比例退还。"
                    "市税务局组建退税服务专班，对符合条件的企业逐户辅导。",
                    "process_extra": "对资料齐全的，实行“即申即审、即审即退”，一般在3个工作日内完成"
                    "审核，由人民银行如皋市支行办理退库。",
                },
            ),
        ),
        glossary=(
            ("留抵退税", "把增值税期末未抵扣完的进项税额退还给纳税人，增加企业现金流。"),
            ("增量留抵税额", "与2019年3月31日相比新增加的期末留抵税额。"),
            ("存量留抵税额", "2019年3月31日的期末留抵税额与当期期末留抵税额中的较小者。"),
            (
                "进项构成比例",
                "已抵扣的增值税专用发票、海关进口增值税专用缴款书等注明的增值税额占同期全部已抵扣进"
                "项税额的比重。",
            ),
        ),
        qa=(
            (
                "纳税信用等级为M级的企业能申请留抵退税吗？",
                "不能。申请留抵退税的纳税人纳税信用等级须为A级或者B级。",
            ),
            (
                "留抵退税多长时间能到账？",
                "资料齐全的，税务机关快速审核，审核通过后由国库办理退库，一般在数个工作日内到账。",
            ),
            (
                "享受即征即退政策的企业能否申请留抵退税？",
                "2019年4月1日起享受即征即退、先征后返（退）政策的，不得申请；"
                "已享受的可在规定期限内一次性缴回后申请。",
            ),
        ),
        guide=G(
            dept="rg-tax",
            conditions=(
                "纳税信用等级为A级或B级",
                "申请退税前36个月未发生骗取留抵退税、虚开增值税专用发票情形",
                "2019年4月1日起未享受即征即退、先征后返（退）政策",
            ),
            materials=(("《退（抵）税申请表》", "通过电子税务局在线填报"),),
            steps=_TAX_GUIDE_STEPS,
            place="如皋市政务服务中心三楼办税服务厅留抵退税专窗",
        ),
        cards=(
            "谁能退：小微企业和制造业等6个行业企业",
            "退多少：增量、存量留抵税额按100%退还",
            "条件：纳税信用A级或B级，36个月内无骗税虚开",
            "怎么办：电子税务局提交《退（抵）税申请表》",
            "多快：即申即审、即审即退",
        ),
        background="实施大规模增值税留抵退税，是稳住宏观经济大盘、为市场主体纾困解难的关键举措。",
        points=(
            "小微企业和制造业等行业企业增量、存量留抵税额全额退还",
            "纳税信用须为A级或B级",
            "实行即申即审、即审即退",
        ),
    ),
    F(
        no=34,
        audience="enterprises",
        topics=("finance-tax.tax-relief",),
        categories=("fiscal-tax", "fee-reduction"),
        stage="execution",
        summary=(
            "{summary_main}小规模纳税人{period_short}，纳税人可通过电子税务局申报即享，无需备案。"
        ),
        body=(
            "为{purpose}，现将有关税收政策{tail}如下：",
            "一、{part1}",
            "二、{part2}",
            "三、适用增值税差额征税政策的小规模纳税人，以差额后的销售额确定是否可以享受上述"
            "免征增值税政策。其他个人采取一次性收取租金形式出租不动产取得的租金收入，可在对应的"
            "租赁期内平均分摊，分摊后的月租金收入未超过规定标准的，免征增值税。",
            "四、小规模纳税人在申报时直接填报享受减免，无需办理备案手续。{extra}",
            "五、执行期限。{period}{clause}",
        ),
        variants=(
            V(
                2019,
                "mof",
                13,
                "01-17",
                "财政部 税务总局关于实施小微企业普惠性税收减免政策的通知",
                eff="2019-01-01",
                exp="2021-12-31",
                p={
                    "summary_main": "2019年至2021年，增值税小规模纳税人月销售额10万元以下免征增值税"
                    "，"
                    "小型微利企业年应纳税所得额不超过100万元的部分减按25%计入，",
                    "period_short": "可在50%税额幅度内减征“六税两费”",
                    "purpose": "贯彻落实党中央、国务院决策部署，进一步支持小微企业发展",
                    "tail": "通知",
                    "part1": "对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税。",
                    "part2": "对小型微利企业年应纳税所得额不超过100万元的部分，减按25%计入应纳税"
                    "所得额，按20%的税率缴纳企业所得税；对年应纳税所得额超过100万元但不超过300万元"
                    "的部分，减按50%计入应纳税所得额，按20%的税率缴纳企业所得税。由省、自治区、"
                    "直辖市人民政府根据本地区实际情况，对增值税小规模纳税人可以在50%的税额幅度内"
                    "减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费"
                    "附加、地方教育附加。",
                    "extra": "",
                    "period": "本通知执行期限为2019年1月1日至2021年12月31日。",
                },
            ),
            V(
                2021,
                "mof",
                11,
                "03-31",
                "财政部 税务总局关于明确增值税小规模纳税人免征增值税政策的公告",
                doc="财政部 税务总局公告2021年第11号",
                eff="2021-04-01",
                exp="2022-12-31",
                kind="announcement",
                p={
                    "summary_main": "自2021年4月1日起，增值税小规模纳税人免征增值税的月销售额标准"
                    "由10万元提高到15万元（季度45万元），",
                    "period_short": "免税政策执行至2022年12月31日",
                    "purpose": "进一步支持小微企业发展",
                    "tail": "公告",
                    "part1": "自2021年4月1日至2022年12月31日，对月销售额15万元以下（含本数）的"
                    "增值税小规模纳税人，免征增值税。",
                    "part2": "小规模纳税人发生增值税应税销售行为，合计月销售额超过15万元，但扣除"
                    "本期发生的销售不动产的销售额后未超过15万元的，其销售货物、劳务、服务、无形资产"
                    "取得的销售额免征增值税。",
                    "extra": "按季度申报的小规模纳税人，季度销售额未超过45万元的，免征增值税。",
                    "period": "本公告执行至2022年12月31日。",
                },
            ),
            V(
                2023,
                "mof",
                19,
                "08-01",
                "财政部 税务总局关于增值税小规模纳税人减免增值税政策的公告",
                doc="财政部 税务总局公告2023年第19号",
                eff="2023-01-01",
                exp="2027-12-31",
                kind="announcement",
                p={
                    "summary_main": "对月销售额10万元以下的增值税小规模纳税人免征增值税，"
                    "适用3%征收率"
                    "的应税销售收入减按1%征收，",
                    "period_short": "减免政策执行至2027年12月31日",
                    "purpose": "支持小微企业和个体工商户发展",
                    "tail": "公告",
                    "part1": "对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税。",
                    "part2": "增值税小规模纳税人适用3%征收率的应税销售收入，减按1%征收率征收增值税"
                    "；"
                    "适用3%预征率的预缴增值税项目，减按1%预征率预缴增值税。",
                    "extra": "小规模纳税人取得应税销售收入，适用减按1%征收率政策的，"
                    "可就该笔销售收入"
                    "选择放弃减税并开具增值税专用发票。",
                    "period": "本公告执行至2027年12月31日。",
                },
            ),
        ),
        qa=(
            (
                "小规模纳税人享受免征增值税需要备案吗？",
                "不需要，在申报时直接填报享受减免即可。",
            ),
            (
                "按季度申报的小规模纳税人如何判断是否免税？",
                "以季度销售额判断，季度销售额未超过月标准3倍的，免征增值税。",
            ),
        ),
    ),
    F(
        no=35,
        audience="enterprises",
        topics=("finance-tax.tax-relief",),
        categories=("fiscal-tax", "fee-reduction"),
        stage="execution",
        summary=(
            "小型微利企业减按25%计算应纳税所得额、按20%税率缴纳企业所得税，小规模纳税人、"
            "小型微利企业和个体工商户减半征收“六税两费”，{summary_extra}政策延续执行至2027年12月31"
            "日。"
        ),
        body=(
            "为{purpose}，进一步落实减税降费政策，现将有关税费政策{tail}如下：",
            "一、对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税。",
            "二、对个体工商户年应纳税所得额不超过200万元的部分，减半征收个人所得税。",
            "三、对增值税小规模纳税人、小型微利企业和个体工商户减半征收资源税（不含水资源税）、"
            "城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和"
            "教育费附加、地方教育附加。",
            "四、{part4}",
            "五、{part5}{clause}",
        ),
        variants=(
            V(
                2023,
                "mof",
                12,
                "08-02",
                "财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告",
                doc="财政部 税务总局公告2023年第12号",
                eff="2023-01-01",
                exp="2027-12-31",
                kind="announcement",
                p={
                    "summary_extra": "个体工商户年应纳税所得额200万元以下部分减半征收个人所得税，",
                    "purpose": "支持小微企业和个体工商户发展",
                    "tail": "公告",
                    "part4": "小型微利企业，是指从事国家非限制和禁止行业，且同时符合年度应纳税所得"
                    "额"
                    "不超过300万元、从业人数不超过300人、资产总额不超过5000万元等三个条件的企业。",
                    "part5": "本公告所称小型微利企业的从业人数和资产总额指标，"
                    "按企业全年的季度平均值"
                    "确定。本公告执行至2027年12月31日。",
                },
            ),
            V(
                2023,
                "rg-tax",
                15,
                "08-18",
                "国家税务总局如皋市税务局关于落实小微企业和个体工商户税费优惠政策的通知",
                exp="2027-12-31",
                p={
                    "summary_extra": "如皋市税务局推行“申报即享、应享尽享”，",
                    "purpose": "确保小微企业和个体工商户税费优惠政策直达快享",
                    "tail": "通知",
                    "part4": "各税务分局要依托税收大数据，筛选可能未享受优惠的纳税人清单，通过"
                    "“征纳互动”平台和电话逐户提醒辅导，对个体工商户实行“一户一辅导”。",
                    "part5": "纳税人通过江苏省电子税务局申报时，系统根据登记和申报信息自动判断并预"
                    "填"
                    "减免税额，纳税人确认后即可享受，无需额外报送资料。政策落实情况每季度在本局网站"
                    "和本小程序公开。",
                },
            ),
        ),
        glossary=(
            (
                "小型微利企业",
                "从事国家非限制和禁止行业，年度应纳税所得额不超过300万元、从业人数不超过300人、"
                "资产总额不超过5000万元的企业。",
            ),
            (
                "六税两费",
                "资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、"
                "地方教育附加。",
            ),
        ),
        qa=(
            (
                "一般纳税人能享受六税两费减半吗？",
                "属于小型微利企业的增值税一般纳税人可以享受六税两费减半征收。",
            ),
            (
                "个体工商户个人所得税怎么减？",
                "年应纳税所得额不超过200万元的部分，减半征收个人所得税。",
            ),
        ),
    ),
    F(
        no=36,
        audience="enterprises",
        topics=("technology.rd", "finance-tax.tax-relief"),
        categories=("fiscal-tax", "technology", "innovation"),
        industries=("C", "I", "M"),
        stage="execution",
        summary=(
            "{summary_main}研发费用未形成无形资产的在据实扣除基础上再按{ratio}加计扣除，"
            "形成无形资产的按{ratio2}在税前摊销，{extra_short}"
        ),
        body=(
            "为{purpose}，现就研发费用税前加计扣除政策有关问题{tail}如下：",
            "一、{part1}",
            "二、加计扣除比例。企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，"
            "在按规定据实扣除的基础上，再按照实际发生额的{ratio}在税前加计扣除；形成无形资产的，"
            "按照无形资产成本的{ratio2}在税前摊销。",
            "三、不适用行业。烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、"
            "娱乐业不适用税前加计扣除政策。",
            "四、享受方式。{method}企业应按规定归集研发费用，设置研发支出辅助账，"
            "留存备查相关资料。",
            "五、{part5}{clause}",
        ),
        variants=(
            V(
                2021,
                "mof",
                13,
                "03-31",
                "财政部 税务总局关于进一步完善研发费用税前加计扣除政策的公告",
                doc="财政部 税务总局公告2021年第13号",
                eff="2021-01-01",
                kind="announcement",
                p={
                    "summary_main": "自2021年1月1日起，制造业企业研发费用加计扣除比例提高到100%，",
                    "ratio": "100%",
                    "ratio2": "200%",
                    "extra_short": "其他企业仍按75%执行。",
                    "purpose": "进一步激励企业加大研发投入，支持科技创新",
                    "tail": "公告",
                    "part1": "适用范围。制造业企业开展研发活动中实际发生的研发费用，"
                    "自2021年1月1日起"
                    "按本公告规定加计扣除。制造业企业是指以制造业业务为主营业务，享受优惠当年主营"
                    "业务收入占收入总额的比例达到50%以上的企业。",
                    "method": "企业在预缴申报当年第3季度（按季预缴）或9月份（按月预缴）"
                    "企业所得税时，"
                    "可以自行选择就当年上半年研发费用享受加计扣除，也可以在汇算清缴时统一享受。",
                    "part5": "除制造业企业外，其他企业研发费用加计扣除比例仍按75%执行。",
                },
            ),
            V(
                2022,
                "mof",
                16,
                "03-23",
                "财政部 税务总局 科技部关于进一步提高科技型中小企业研发费用税前加计扣除比例的公告",
                doc="财政部 税务总局 科技部公告2022年第16号",
                eff="2022-01-01",
                kind="announcement",
                p={
                    "summary_main": "自2022年1月1日起，科技型中小企业研发费用加计扣除比例由75%提高"
                    "到100%，",
                    "ratio": "100%",
                    "ratio2": "200%",
                    "extra_short": "科技型中小企业须按规定取得入库登记编号。",
                    "purpose": "进一步支持科技创新",
                    "tail": "公告",
                    "part1": "适用范围。科技型中小企业开展研发活动中实际发生的研发费用，"
                    "自2022年1月1日"
                    "起按本公告规定加计扣除。科技型中小企业条件和管理办法按照《科技型中小企业评价"
                    "办法》执行。",
                    "method": "科技型中小企业享受研发费用税前加计扣除政策的其他政策口径和管理要求，"
                    "按照现行有关规定执行。",
                    "part5": "科技型中小企业取得入库登记编号后，在企业所得税汇算清缴时享受优惠。",
                },
            ),
            V(
                2023,
                "sta",
                11,
                "06-21",
                "国家税务总局 财政部关于优化预缴申报享受研发费用加计扣除政策有关事项的公告",
                doc="国家税务总局 财政部公告2023年第11号",
                eff="2023-01-01",
                kind="announcement",
                p={
                    "summary_main": "自2023年起，所有适用企业研发费用加计扣除比例统一为100%，"
                    "并可在7月预缴和10月预缴时享受，",
                    "ratio": "100%",
                    "ratio2": "200%",
                    "extra_short": "每年可在预缴时提前享受两次。",
                    "purpose": "更好支持企业创新发展，优化研发费用加计扣除政策享受时点",
                    "tail": "公告",
                    "part1": "享受时点。企业7月份预缴申报第2季度（按季预缴）或6月份（按月预缴）"
                    "企业所得税"
                    "时，能准确归集核算研发费用的，可以结合自身生产经营实际情况，"
                    "自主选择就当年上半年"
                    "研发费用享受加计扣除政策；10月份预缴申报时，可以自主选择就当年前三季度研发费用"
                    "享受加计扣除政策。",
                    "method": "企业在预缴申报时，填报《研发费用加计扣除优惠明细表》，享受加计扣除。"
                    "",
                    "part5": "对10月份预缴申报期未选择享受优惠的，可以在办理当年度汇算清缴时统一享"
                    "受。",
                },
            ),
            V(
                2024,
                "rg-tax",
                9,
                "06-25",
                "国家税务总局如皋市税务局关于做好研发费用加计扣除政策辅导工作的通知",
                illustrated=True,
                interpret=True,
                p={
                    "summary_main": "如皋市税务局对高新技术企业、科技型中小企业开展研发费用加计扣除"
                    "“一对一”辅导，",
                    "ratio": "100%",
                    "ratio2": "200%",
                    "extra_short": "集成电路和工业母机企业按120%加计扣除。",
                    "purpose": "推动研发费用加计扣除政策应享尽享、精准直达",
                    "tail": "通知",
                    "part1": "辅导对象。全市高新技术企业、科技型中小企业、专精特新企业和上年度有研"
                    "发"
                    "投入的规模以上工业企业，由市税务局会同市科技局、市工信局建立清单。",
                    "method": "企业可在7月、10月预缴申报和次年汇算清缴时享受，税务部门通过"
                    "“征纳互动”平台推送政策提醒。",
                    "part5": "集成电路企业和工业母机企业开展研发活动，按实际发生额的120%在税前加计"
                    "扣除，形成无形资产的按220%摊销。",
                },
            ),
        ),
        glossary=(
            (
                "研发费用加计扣除",
                "企业研发费用在据实扣除基础上，再按一定比例额外在企业所得税前扣除的优惠。",
            ),
            (
                "研发支出辅助账",
                "企业按研发项目归集研发费用的专门账簿，是享受加计扣除的留存备查资料。",
            ),
        ),
        qa=(
            (
                "批发零售企业可以享受研发费用加计扣除吗？",
                "不可以。烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、"
                "娱乐业不适用。",
            ),
            (
                "研发费用加计扣除比例是多少？",
                "未形成无形资产的按实际发生额的{ratio}加计扣除，形成无形资产的按成本的{ratio2}摊销"
                "。",
            ),
            (
                "什么时候可以享受？",
                "{method}",
            ),
        ),
        guide=G(
            dept="rg-tax",
            conditions=("会计核算健全、能准确归集研发费用", "不属于不适用加计扣除的行业"),
            materials=(
                ("研发项目立项文件", "留存备查"),
                ("研发支出辅助账", "留存备查"),
                ("《研发费用加计扣除优惠明细表》", "申报时填报"),
            ),
            steps=("归集研发费用", "预缴申报或汇算清缴时填报优惠明细表", "留存备查资料"),
        ),
        cards=(
            "加计扣除比例：{ratio}",
            "形成无形资产：按{ratio2}摊销",
            "享受时点：7月预缴、10月预缴、汇算清缴",
            "不适用：烟草、住宿餐饮、批发零售、房地产、租赁商务、娱乐业",
        ),
        background="研发费用加计扣除是激励企业加大研发投入的普惠性政策，为推动政策应享尽享开展专项"
        "辅导。",
        points=(
            "所有适用企业加计扣除比例为{ratio}",
            "可在7月、10月预缴时提前享受",
            "{extra_short}",
        ),
    ),
    F(
        no=37,
        audience="enterprises",
        topics=("finance-tax.credit-rating",),
        categories=("fiscal-tax",),
        stage="result",
        kind="announcement",
        summary=(
            "如皋市{prev}年度纳税信用评价结果公布，{count}户纳税人被评为A级纳税人，较上年{change}。"
            "A级纳税人可享受发票按需领用、绿色通道和“银税互动”信用贷款等激励措施。"
        ),
        body=(
            "根据《纳税信用管理办法（试行）》《纳税信用评价指标和评价方式（试行）》等规定，"
            "国家税务总局如皋市税务局完成了{prev}年度纳税信用评价工作。经评价，全市共有{count}户"
            "纳税人{prev}年度纳税信用级别为A级，较上年{change}，现予以公告（名单可在本小程序"
            "“信用公示”栏目查询）。",
            "一、对纳税信用A级纳税人，税务机关实施以下激励措施：（一）主动向社会公告年度A级"
            "纳税人名单；（二）一般纳税人可单次领取3个月的增值税发票用量，需要调整增值税发票用量时"
            "即时办理；（三）普通发票按需领用；（四）连续3年被评为A级信用级别的纳税人，除享受"
            "上述措施外，还可由税务机关提供绿色通道或专门人员帮助办理涉税事项。",
            "二、税务机关将A级纳税人名单推送至合作银行，纳税人可凭纳税信用申请“银税互动”"
            "信用贷款。{extra}",
            "三、纳税人对纳税信用评价结果有异议的，可在评价结果确定的当年内，向主管税务机关"
            "提出复评申请。",
            "特此公告。",
        ),
        variants=(
            V(
                2020,
                "rg-tax",
                5,
                "04-22",
                "国家税务总局如皋市税务局关于公布2019年度纳税信用A级纳税人名单的公告",
                doc="皋税告〔2020〕5号",
                p={"count": "1126", "change": "增加98户", "extra": ""},
            ),
            V(
                2022,
                "rg-tax",
                4,
                "04-20",
                "国家税务总局如皋市税务局关于公布2021年度纳税信用A级纳税人名单的公告",
                doc="皋税告〔2022〕4号",
                p={
                    "count": "1387",
                    "change": "增加143户",
                    "extra": "2021年度全市A级纳税人通过“银税互动”获得信用贷款23.6亿元。",
                },
            ),
            V(
                2024,
                "rg-tax",
                6,
                "04-18",
                "国家税务总局如皋市税务局关于公布2023年度纳税信用A级纳税人名单的公告",
                doc="皋税告〔2024〕6号",
                p={
                    "count": "1652",
                    "change": "增加171户",
                    "extra": "市发展改革委、人民银行如皋市支行等部门对A级纳税人实施联合激励，在政府"
                    "采购、评优评先等方面予以优先考虑。",
                },
            ),
        ),
        glossary=(
            ("A级纳税人", "年度纳税信用评价指标得分90分以上的纳税人，为纳税信用最高级别。"),
            ("银税互动", "税务机关与银行合作，以纳税信用为依据向小微企业发放信用贷款。"),
        ),
        qa=(
            (
                "如何查询本企业的纳税信用级别？",
                "登录江苏省电子税务局“纳税信用”模块查询，也可在办税服务厅查询。",
            ),
            (
                "对评价结果有异议怎么办？",
                "可在评价结果确定的当年内向主管税务机关提出复评申请。",
            ),
        ),
    ),
    F(
        no=38,
        audience="enterprises",
        topics=("finance-tax.credit-rating",),
        categories=("fiscal-tax", "finance"),
        stage="management",
        summary=(
            "{summary_main}纳税人可通过电子税务局查询纳税信用级别，A级、B级、M级、C级、D级"
            "纳税人分别适用不同的服务和管理措施。"
        ),
        body=(
            "{intro}",
            "一、{part1}",
            "二、{part2}",
            "三、{part3}",
            "四、纳税信用级别分为A、B、M、C、D五级。税务机关按照守信激励、失信惩戒的原则，"
            "对不同信用级别的纳税人实施分类服务和管理。{clause}",
        ),
        variants=(
            V(
                2019,
                "sta",
                37,
                "11-07",
                "国家税务总局关于纳税信用修复有关事项的公告",
                eff="2020-01-01",
                kind="announcement",
                p={
                    "summary_main": "自2020年起，纳入纳税信用管理的企业纳税人，"
                    "对未按规定期限纳税申报、"
                    "缴纳税款等失信行为在规定期限内纠正的，可向主管税务机关申请纳税信用修复，",
                    "intro": "为贯彻落实国务院关于建立完善守信联合激励和失信联合惩戒制度的要求，"
                    "鼓励和引导纳税人增强依法诚信纳税意识，主动纠正纳税失信行为，现就纳税信用修复"
                    "有关事项公告如下：",
                    "part1": "修复范围。纳税人未按法定期限办理纳税申报、税款缴纳、资料备案等事项"
                    "且已补办的；未按税务机关处理结论缴纳或者足额缴纳税款、罚款、滞纳金且已补缴的；"
                    "履行相应法律义务并由税务机关依法解除非正常户状态的。",
                    "part2": "修复程序。符合条件的纳税人可填写《纳税信用修复申请表》，对当前的纳税"
                    "信用评价结果向主管税务机关申请纳税信用修复，税务机关自受理之日起15个工作日内"
                    "完成审核。",
                    "part3": "修复效果。纳税信用修复后纳税信用级别不再为D级的纳税人，其直接责任人"
                    "注册登记或者负责经营的其他纳税人之前被关联为D级的，可向税务机关申请解除关联。",
                },
            ),
            V(
                2023,
                "rg-tax",
                18,
                "05-16",
                "国家税务总局如皋市税务局关于对纳税信用A级纳税人实施联合激励措施的通知",
                p={
                    "summary_main": "如皋市对连续三年纳税信用A级的企业实施办税绿色通道、"
                    "“银税互动”贷款利率优惠、政府采购信用加分等联合激励，",
                    "intro": "为进一步发挥纳税信用的正向激励作用，经市社会信用体系建设领导小组"
                    "同意，现就对纳税信用A级纳税人实施联合激励有关事项通知如下：",
                    "part1": "办税便利。A级纳税人可享受增值税专用发票按需领用、出口退税审核“容缺"
                    "办理”、办税服务厅“绿色通道”优先办理等服务。",
                    "part2": "融资支持。合作银行对A级纳税人发放的“银税互动”信用贷款，利率下浮"
                    "不低于20个基点，授信额度最高500万元。",
                    "part3": "社会激励。在政府采购、财政资金扶持项目评审中，对A级纳税人给予信用"
                    "加分；在评优评先中同等条件下优先考虑。",
                },
            ),
            V(
                2025,
                "rg-tax",
                7,
                "03-26",
                "国家税务总局如皋市税务局关于优化B级和M级纳税人分类服务的通知",
                p={
                    "summary_main": "如皋市税务局对B级纳税人实行常规服务并加强政策辅导，对M级新设立"
                    "企业提供“新办纳税人套餐”和信用提升指导，",
                    "intro": "为帮助更多纳税人提升纳税信用级别，现就优化B级和M级纳税人分类服务"
                    "有关事项通知如下：",
                    "part1": "B级纳税人服务。对B级纳税人建立信用提升台账，逐户分析扣分原因，"
                    "通过“征纳互动”平台推送提醒，帮助纳税人在下一评价年度提升为A级。",
                    "part2": "M级纳税人服务。对新设立企业和评价年度内无生产经营业务收入的M级纳税人"
                    "，"
                    "提供新办纳税人套餐、首次办税辅导和信用修复指引。",
                    "part3": "结果运用。B级以上纳税人可申请增值税留抵退税、“银税互动”贷款等；"
                    "对连续两年提升级别的纳税人，在本小程序“信用公示”栏目予以展示。",
                },
            ),
        ),
        glossary=(
            ("纳税信用修复", "纳税人纠正失信行为后，向税务机关申请重新评价纳税信用级别。"),
            ("M级纳税人", "新设立企业或评价年度内无生产经营业务收入且评价得分70分以上的企业。"),
        ),
        qa=(
            (
                "B级纳税人可以享受哪些政策？",
                "B级以上纳税人可以申请增值税留抵退税和“银税互动”信用贷款等。",
            ),
            (
                "被评为D级怎么办？",
                "纠正失信行为后，可按规定填写《纳税信用修复申请表》向主管税务机关申请纳税信用修复。"
                "",
            ),
        ),
    ),
    F(
        no=39,
        audience="residents",
        topics=("finance-tax.tax-relief",),
        stage="service",
        kind="announcement",
        summary=(
            "{prev}年度个人所得税综合所得汇算清缴办理时间为{win_cn}，年收入不超过12万元或补税"
            "金额不超过400元的无需办理，{extra_short}"
        ),
        body=(
            "根据《中华人民共和国个人所得税法》及其实施条例等规定，现就办理{prev}年度个人所得税"
            "综合所得汇算清缴有关事项通告如下：",
            "一、办理时间。{win_cn}。在中国境内无住所的纳税人在3月1日前离境的，可以在离境前办理。",
            "二、无需办理的情形。纳税人在{prev}年度已依法预缴个人所得税且符合下列情形之一的，"
            "无需办理汇算：汇算需补税但综合所得收入全年不超过12万元的；汇算需补税金额不超过"
            "400元的；已预缴税额与汇算应纳税额一致的；符合汇算退税条件但不申请退税的。",
            "三、专项附加扣除。{deduction}",
            "四、办理方式。纳税人可优先通过个人所得税APP办理，也可委托扣缴义务人代办或到办税"
            "服务厅办理。{extra}",
            "五、对汇算中发现的虚假申报，税务机关将依法处理。纳税人如需帮助，可拨打12366纳税"
            "服务热线或12345政务服务便民热线咨询。",
            "特此通告。",
        ),
        variants=(
            V(
                2023,
                "rg-tax",
                2,
                "02-20",
                "国家税务总局如皋市税务局关于办理2022年度个人所得税综合所得汇算清缴的通告",
                doc="皋税通〔2023〕2号",
                window=("03-01", "06-30"),
                p={
                    "deduction": "{prev}年度新增3岁以下婴幼儿照护专项附加扣除，按照每个婴幼儿每月"
                    "1000元的标准定额扣除。",
                    "extra": "对老年人等特殊群体，可预约办税服务厅上门辅导。",
                    "extra_short": "新增3岁以下婴幼儿照护扣除每月1000元。",
                },
            ),
            V(
                2025,
                "rg-tax",
                1,
                "02-18",
                "国家税务总局如皋市税务局关于办理2024年度个人所得税综合所得汇算清缴的通告",
                doc="皋税通〔2025〕1号",
                window=("03-01", "06-30"),
                p={
                    "deduction": "3岁以下婴幼儿照护、子女教育专项附加扣除标准为每个子女每月2000元；"
                    "赡养老人专项附加扣除标准为每月3000元，非独生子女分摊每人每月不超过1500元。",
                    "extra": "3月1日至3月20日实行预约办理，纳税人可在个人所得税APP预约办理日期。",
                    "extra_short": "赡养老人专项附加扣除为每月3000元，3月1日至20日需预约办理。",
                },
            ),
        ),
        qa=(
            (
                "哪些人不需要办理个税汇算？",
                "综合所得全年不超过12万元且需补税的，或补税金额不超过400元的，"
                "以及已预缴税额与应纳税额一致的，无需办理。",
            ),
            (
                "个税汇算什么时候办？",
                "{win_cn}，可优先通过个人所得税APP办理。",
            ),
        ),
    ),
)


# =============================================================================================
# Families — 科技创新、专精特新、人才
# =============================================================================================

_FAMILIES_INNOVATION: tuple[F, ...] = (
    F(
        no=40,
        audience="enterprises",
        topics=("technology.high-tech",),
        categories=("technology", "innovation"),
        industries=("C", "I", "M"),
        stage="service",
        summary=(
            "{year}年度高新技术企业认定申报时间为{win_cn}，企业须注册成立一年以上、"
            "科技人员占比不低于10%、高新技术产品收入占比不低于60%；{reward_short}"
        ),
        body=(
            "根据《高新技术企业认定管理办法》（国科发火〔2016〕32号）和《高新技术企业认定管理"
            "工作指引》，现就组织{year}年度高新技术企业认定申报工作通知如下。",
            "一、申报条件。（一）企业申请认定时须注册成立一年以上；（二）通过自主研发、受让、"
            "受赠、并购等方式，获得对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权；"
            "（三）对其主要产品（服务）发挥核心支持作用的技术属于《国家重点支持的高新技术领域》"
            "规定的范围；（四）从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于"
            "10%；（五）近三个会计年度的研究开发费用总额占同期销售收入总额的比例符合要求；（六）"
            "近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%；（七）企业创新能力"
            "评价应达到相应要求；（八）申请认定前一年内未发生重大安全、重大质量事故或严重环境"
            "违法行为。",
            "二、申报时间。{win_cn}，企业登录高新技术企业认定管理工作网在线填报，并将纸质材料"
            "报送{submit}。",
            "三、奖励政策。{reward}",
            "四、工作要求。{work}企业对申报材料的真实性负责，弄虚作假的取消认定资格，"
            "追回已享受的税收优惠和奖励资金。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-sci",
                12,
                "04-10",
                "如皋市科学技术局关于组织申报2020年度高新技术企业的通知",
                window=("04-10", "06-30"),
                p={
                    "submit": "市科学技术局高新技术科",
                    "reward": "对首次认定的高新技术企业，市财政给予20万元奖励；对重新认定的，"
                    "给予5万元奖励。",
                    "reward_short": "首次认定的奖励20万元，重新认定的奖励5万元。",
                    "work": "各区镇（街道）要做好后备企业培育辅导，",
                },
            ),
            V(
                2022,
                "js-sci",
                47,
                "03-30",
                "江苏省科学技术厅 江苏省财政厅 国家税务总局江苏省税务局关于做好2022年度高新技术企业"
                "认定管理工作的通知",
                window=("04-01", "09-30"),
                p={
                    "submit": "所在设区市科技局",
                    "reward": "各地可对首次认定的高新技术企业给予奖励，省级高新技术企业培育资金"
                    "对入库企业给予支持。",
                    "reward_short": "2022年全省分两批组织认定。",
                    "work": "各设区市科技局要加强对申报材料的审核把关，",
                },
            ),
            V(
                2024,
                "rg-sci",
                8,
                "03-28",
                "如皋市科学技术局关于组织申报2024年度高新技术企业的通知",
                window=("04-01", "07-31"),
                illustrated=True,
                interpret=True,
                p={
                    "submit": "市政务服务中心四楼企业服务专区科技窗口",
                    "reward": "对首次认定的高新技术企业，市财政给予30万元奖励，其中由外地整体"
                    "搬迁来皋的高新技术企业给予20万元奖励；对重新认定的，给予10万元奖励；"
                    "对申报未通过但进入省高企培育库的，给予5万元奖励。",
                    "reward_short": "首次认定的奖励30万元，重新认定的奖励10万元，"
                    "入省培育库的奖励5万元。",
                    "work": "市科技局组织专家开展“一对一”申报辅导，",
                },
            ),
        ),
        glossary=(
            (
                "高新技术企业",
                "在《国家重点支持的高新技术领域》内持续研发、形成核心自主知识产权并经认定的居民企业"
                "，减按15%税率缴纳企业所得税。",
            ),
            (
                "研究开发费用占比",
                "最近一年销售收入小于5000万元的不低于5%，5000万元至2亿元的不低于4%，"
                "2亿元以上的不低于3%。",
            ),
        ),
        qa=(
            (
                "高新技术企业可以享受哪些税收优惠？",
                "减按15%的税率缴纳企业所得税，并可享受研发费用加计扣除等政策。",
            ),
            (
                "如皋{year}年认定高企有奖励吗？",
                "{reward_short}",
            ),
            (
                "成立不满一年的企业能申报吗？",
                "不能，企业申请认定时须注册成立一年以上。",
            ),
        ),
        guide=G(
            dept="rg-sci",
            conditions=(
                "注册成立一年以上",
                "拥有核心自主知识产权",
                "科技人员占比不低于10%",
                "近一年高新技术产品（服务）收入占比不低于60%",
            ),
            materials=(
                ("高新技术企业认定申请书", "在线打印并加盖公章"),
                ("知识产权证书", "复印件"),
                ("近三个会计年度研发费用专项审计报告", "由符合条件的中介机构出具"),
                ("近一个会计年度高新技术产品（服务）收入专项审计报告", "由符合条件的中介机构出具"),
            ),
            steps=("网上注册并填报", "提交纸质材料", "专家评审", "认定公示", "颁发证书并兑现奖励"),
        ),
        cards=(
            "申报时间：{win_cn}",
            "门槛：成立满一年，科技人员占比≥10%",
            "收入：高新技术产品收入占比≥60%",
            "奖励：{reward_short}",
            "税收：企业所得税减按15%征收",
        ),
        background="高新技术企业是科技创新的主力军，为壮大创新主体，市科技局组织年度高企申报并提高"
        "奖励标准。",
        points=(
            "申报时间为{win_cn}",
            "{reward_short}",
            "提供一对一申报辅导",
        ),
    ),
    F(
        no=41,
        audience="enterprises",
        topics=("technology",),
        categories=("technology", "innovation"),
        stage="result",
        kind="announcement",
        summary=(
            "如皋市{prev}年度科技创新奖励资金拟兑现名单公示：共{count}家企业、{items}个项目拟获奖励"
            "，"
            "奖励资金合计{total}万元，公示期为{win_cn}，对公示内容有异议的可书面反映。"
        ),
        body=(
            "根据{basis}，经企业申报、区镇（街道）初审、市科学技术局会同市财政局审核，"
            "{prev}年度科技创新奖励资金拟兑现名单已确定，现予以公示。",
            "一、拟兑现情况。共{count}家企业、{items}个项目拟获奖励，奖励资金合计{total}万元。"
            "其中：{detail}",
            "二、公示时间。{win_cn}（5个工作日）。",
            "三、异议处理。任何单位和个人对公示内容有异议的，可在公示期内以书面形式向市科学技术局"
            "反映，并提供必要的证明材料。以单位名义反映的须加盖公章，以个人名义反映的须署实名。",
            "四、公示期满无异议的，奖励资金由市财政局直接拨付至企业基本账户。企业获得的奖励资金"
            "应主要用于研发投入和科技人才引育。",
            "联系电话：0513-87519135。",
        ),
        variants=(
            V(
                2022,
                "rg-sci",
                20,
                "06-13",
                "如皋市2021年度科技创新奖励资金拟兑现名单公示",
                doc="皋科公示〔2022〕3号",
                window=("06-13", "06-17"),
                p={
                    "basis": "《如皋市科技创新奖励办法》",
                    "count": "86",
                    "items": "112",
                    "total": "1846",
                    "detail": "首次认定高新技术企业52家，奖励1040万元；重新认定高新技术企业21家，"
                    "奖励105万元；省级以上研发机构18个，奖励360万元；其他科技项目21个，"
                    "奖励341万元。",
                },
            ),
            V(
                2024,
                "rg-sci",
                17,
                "06-07",
                "如皋市2023年度科技创新奖励资金拟兑现名单公示",
                doc="皋科公示〔2024〕2号",
                window=("06-07", "06-13"),
                p={
                    "basis": "《如皋市科技创新奖励办法（2022年修订）》",
                    "count": "109",
                    "items": "146",
                    "total": "2683",
                    "detail": "首次认定高新技术企业61家，奖励1830万元；重新认定高新技术企业34家，"
                    "奖励340万元；科技型中小企业首次入库奖励28家，奖励56万元；省级以上创新平台"
                    "23个，奖励457万元。",
                },
            ),
            V(
                2025,
                "rg-sci",
                14,
                "06-10",
                "如皋市2024年度科技创新奖励资金拟兑现名单公示",
                doc="皋科公示〔2025〕4号",
                window=("06-10", "06-16"),
                p={
                    "basis": "《如皋市科技创新奖励办法（2022年修订）》和市政府关于加快建设科创"
                    "高地的有关政策",
                    "count": "124",
                    "items": "171",
                    "total": "3125",
                    "detail": "首次认定高新技术企业66家，奖励1980万元；重新认定高新技术企业41家，"
                    "奖励410万元；科技创新券兑付企业37家，兑付214万元；新型研发机构和省级以上"
                    "创新平台27个，奖励521万元。",
                },
            ),
        ),
    ),
    F(
        no=42,
        audience="enterprises",
        topics=("technology.rd", "industry-it.sme"),
        categories=("technology",),
        industries=("C", "I", "M"),
        stage="service",
        summary=(
            "{year}年{area}组织科技型中小企业评价入库，企业职工总数不超过500人、年销售收入不超过"
            "2亿元且综合评价得分不低于60分的可入库；{reward_short}"
        ),
        body=(
            "根据科技部、财政部、国家税务总局《科技型中小企业评价办法》，现就{year}年科技型中小企业"
            "评价工作通知如下。",
            "一、评价条件。（一）在中国境内注册的居民企业；（二）职工总数不超过500人、年销售收入"
            "不超过2亿元、资产总额不超过2亿元；（三）企业提供的产品和服务不属于国家规定的禁止、"
            "限制和淘汰类；（四）企业在填报上一年及当年内未发生重大安全、重大质量事故和严重环境"
            "违法、科研严重失信行为，且企业未列入经营异常名录和严重违法失信企业名单；（五）企业"
            "根据科技型中小企业评价指标进行综合评价所得分值不低于60分，且科技人员指标得分不得为"
            "0分。",
            "二、评价程序。企业在科技型中小企业服务平台自主填报，市科学技术局进行形式审查，"
            "省科技厅组织评价后公示入库。{process}",
            "三、政策支持。入库企业可享受研发费用税前加计扣除100%政策。{reward}",
            "四、动态管理。入库登记编号有效期为当年，企业应于每年3月底前更新信息。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-sci",
                6,
                "03-05",
                "如皋市科学技术局关于开展2021年科技型中小企业评价工作的通知",
                window=("03-05", "09-30"),
                p={
                    "process": "",
                    "reward": "首次入库的企业，纳入市科技企业培育库优先支持。",
                    "reward_short": "入库企业可享受研发费用加计扣除优惠。",
                },
            ),
            V(
                2023,
                "rg-sci",
                5,
                "02-24",
                "如皋市科学技术局关于做好2023年科技型中小企业评价入库工作的通知",
                window=("03-01", "09-30"),
                p={
                    "process": "评价工作分批开展，企业可随时填报，每月集中审查一次。",
                    "reward": "首次入库的企业，市财政给予2万元奖励；同时纳入“苏科贷”支持范围。",
                    "reward_short": "首次入库奖励2万元，并纳入“苏科贷”支持范围。",
                },
            ),
            V(
                2025,
                "rg-sci",
                3,
                "02-21",
                "如皋市科学技术局关于做好2025年科技型中小企业评价入库工作的通知",
                window=("03-01", "10-31"),
                p={
                    "process": "市科学技术局在各区镇（街道）设立评价服务点，提供免费填报辅导。",
                    "reward": "首次入库的企业，市财政给予3万元奖励；入库企业申报高新技术企业的，"
                    "优先纳入培育库。",
                    "reward_short": "首次入库奖励3万元，申报高企优先入培育库。",
                },
            ),
        ),
        glossary=(
            (
                "科技型中小企业",
                "依托一定数量的科技人员从事科学技术研究开发活动，取得自主知识产权并将其转化为高新技"
                "术产品或服务的中小企业，按规定评价入库。",
            ),
        ),
        qa=(
            (
                "科技型中小企业入库有什么好处？",
                "可享受研发费用税前加计扣除100%政策。{reward_short}",
            ),
            (
                "入库编号有效期多久？",
                "入库登记编号有效期为当年，企业应于每年3月底前更新信息。",
            ),
        ),
        guide=G(
            dept="rg-sci",
            conditions=(
                "职工总数不超过500人",
                "年销售收入和资产总额均不超过2亿元",
                "综合评价得分不低于60分且科技人员指标不为0分",
            ),
            materials=(
                ("科技型中小企业信息表", "在服务平台在线填报"),
                ("上一年度汇算清缴的企业所得税年度纳税申报表", "上传扫描件"),
            ),
            steps=("平台注册并填报", "市科技局形式审查", "省科技厅评价公示", "取得入库登记编号"),
        ),
    ),
    F(
        no=43,
        audience="enterprises",
        topics=("industry-it.sme",),
        categories=("innovation", "industry"),
        industries=("C", "I"),
        stage="service",
        summary=(
            "{summary_main}国家级专精特新“小巨人”企业{big}，省级专精特新中小企业{prov}，"
            "创新型中小企业{small}。"
        ),
        body=(
            "为{purpose}，推动中小企业走专业化、精细化、特色化、新颖化发展之路，{lead}",
            "一、梯度培育。构建创新型中小企业、专精特新中小企业、专精特新“小巨人”企业梯度培育"
            "体系。{tier}",
            "二、认定条件。专精特新中小企业应从事特定细分市场时间达到2年以上，上年度研发费用总额"
            "不低于100万元且占营业收入总额比重不低于3%，上年度营业收入总额在1000万元以上或近2年"
            "新增股权融资总额达到2000万元以上，并在专业化、精细化、特色化、创新能力指标中达到"
            "要求。",
            "三、支持政策。对新认定的国家级专精特新“小巨人”企业{big}；对新认定的省级专精特新"
            "中小企业{prov}；对新认定的创新型中小企业{small}。{support}",
            "四、服务保障。{service}{clause}",
        ),
        variants=(
            V(
                2022,
                "miit",
                63,
                "06-01",
                "工业和信息化部关于印发《优质中小企业梯度培育管理暂行办法》的通知",
                doc="工信部企业〔2022〕63号",
                eff="2022-08-01",
                p={
                    "summary_main": "全国建立创新型中小企业、专精特新中小企业、专精特新“小巨人”企业"
                    "三级梯度培育体系，各地按规定给予支持：",
                    "purpose": "提升中小企业创新能力和专业化水平",
                    "lead": "现将《优质中小企业梯度培育管理暂行办法》印发给你们，请认真贯彻执行。",
                    "tier": "创新型中小企业由省级中小企业主管部门组织评价，专精特新中小企业由省级"
                    "中小企业主管部门认定，专精特新“小巨人”企业由工业和信息化部认定，"
                    "有效期均为3年。",
                    "big": "由中央财政通过奖补资金支持",
                    "prov": "由各省按规定支持",
                    "small": "纳入梯度培育库",
                    "support": "",
                    "service": "各级中小企业主管部门要建立优质中小企业库，提供政策咨询、融资对接、"
                    "管理咨询等服务，对认定企业实行动态管理。",
                },
            ),
            V(
                2022,
                "js-miit",
                21,
                "07-12",
                "江苏省工业和信息化厅关于开展2022年度江苏省专精特新中小企业认定工作的通知",
                window=("07-15", "08-31"),
                p={
                    "summary_main": "2022年度江苏省专精特新中小企业认定申报时间为7月15日至8月31日，"
                    "",
                    "purpose": "贯彻落实优质中小企业梯度培育工作部署",
                    "lead": "现就开展2022年度江苏省专精特新中小企业认定工作通知如下。",
                    "tier": "省级专精特新中小企业认定有效期3年，期满后复核。",
                    "big": "优先推荐申报",
                    "prov": "颁发认定证书并纳入省级重点培育",
                    "small": "纳入培育库",
                    "support": "省级中小企业发展专项资金对认定企业的技术改造项目优先支持。",
                    "service": "各设区市工业和信息化局负责组织推荐和初审，对推荐企业的真实性负责。",
                },
            ),
            V(
                2023,
                "rg-miit",
                13,
                "04-20",
                "如皋市工业和信息化局 如皋市财政局关于对专精特新企业给予奖励的通知",
                window=("05-01", "05-31"),
                illustrated=True,
                interpret=True,
                p={
                    "summary_main": "如皋市对新认定的专精特新企业给予一次性奖励：",
                    "purpose": "加快培育一批专注细分市场、创新能力强的优质中小企业",
                    "lead": "经市政府同意，现就对专精特新企业给予奖励有关事项通知如下。",
                    "tier": "建立“创新型—专精特新—小巨人—单项冠军”企业培育库，每年遴选100家"
                    "重点培育企业。",
                    "big": "一次性奖励100万元",
                    "prov": "一次性奖励30万元",
                    "small": "一次性奖励5万元",
                    "support": "对获评国家级制造业单项冠军的，一次性奖励200万元。",
                    "service": "对专精特新企业实行“一企一专员”服务，优先保障用地、用能需求，"
                    "优先推荐上市挂牌和“专精特新贷”。",
                },
            ),
            V(
                2025,
                "rg-gov-office",
                22,
                "08-18",
                "如皋市人民政府办公室关于印发《如皋市专精特新中小企业培育三年行动方案（2025—2027年"
                "）》的通知",
                p={
                    "summary_main": "到2027年，如皋市累计培育创新型中小企业500家以上、省级专精特新"
                    "中小企业200家以上、国家级“小巨人”企业30家以上，奖励标准为：",
                    "purpose": "打造专精特新企业集群",
                    "lead": "现将《如皋市专精特新中小企业培育三年行动方案（2025—2027年）》"
                    "印发给你们，"
                    "请认真组织实施。",
                    "tier": "到2027年，累计培育创新型中小企业500家以上、省级专精特新中小企业200家以"
                    "上、"
                    "国家级专精特新“小巨人”企业30家以上。",
                    "big": "一次性奖励100万元",
                    "prov": "一次性奖励30万元",
                    "small": "一次性奖励5万元",
                    "support": "对专精特新企业数字化转型、首台（套）装备研发项目给予优先立项支持。",
                    "service": "设立专精特新企业服务中心，开展“专精特新企业进高校”产学研对接活动，"
                    "每年组织不少于10场融资路演。",
                },
            ),
        ),
        glossary=(
            (
                "专精特新",
                "专业化、精细化、特色化、新颖化的简称，用于描述在细分市场具有竞争优势的中小企业。",
            ),
            ("小巨人", "专精特新“小巨人”企业，由工业和信息化部认定的专精特新中小企业中的佼佼者。"),
            (
                "单项冠军",
                "长期专注于制造业特定细分产品市场，单项产品市场占有率位居全球前列的企业。",
            ),
        ),
        qa=(
            (
                "专精特新“小巨人”企业奖励多少钱？",
                "对新认定的国家级专精特新“小巨人”企业{big}。",
            ),
            (
                "申报省级专精特新中小企业需要什么条件？",
                "从事特定细分市场2年以上，上年度研发费用不低于100万元且占营业收入比重不低于3%，"
                "营业收入1000万元以上等。",
            ),
        ),
        guide=G(
            dept="rg-miit",
            conditions=(
                "在本市依法注册的中小企业",
                "当年新获国家级或省级专精特新认定，或通过创新型中小企业评价",
            ),
            materials=(
                ("奖励资金申请表", "加盖公章"),
                ("认定文件或公告", "复印件"),
                ("企业承诺书", "对材料真实性作出承诺"),
            ),
            steps=("企业提交申请", "区镇（街道）初审", "市工信局会同市财政局审核", "公示后拨付"),
        ),
        cards=(
            "国家级小巨人：{big}",
            "省级专精特新：{prov}",
            "创新型中小企业：{small}",
            "服务：一企一专员，优先保障用地用能",
        ),
        background="专精特新企业是强链补链的重要力量，我市出台奖励政策推动中小企业梯度成长。",
        points=(
            "国家级小巨人{big}",
            "省级专精特新中小企业{prov}",
            "实行一企一专员服务",
        ),
    ),
    F(
        no=44,
        audience="enterprises",
        topics=("technology.ip", "business-environment.financing"),
        categories=("finance", "innovation"),
        stage="service",
        summary=(
            "{area}企业以专利权、商标专用权等知识产权质押获得银行贷款的，按贷款利息的{ratio}给予贴"
            "息，"
            "单户每年最高{cap}万元，知识产权价值评估费给予补助；{extra_short}"
        ),
        body=(
            "为拓宽科技型中小企业融资渠道，促进知识产权价值实现，现就知识产权质押融资扶持政策"
            "通知如下。",
            "一、支持对象。在本市注册、以自有的专利权、商标专用权、著作权等知识产权作质押，"
            "从银行业金融机构获得贷款并按期还本付息的企业。",
            "二、贴息标准。按企业实际支付贷款利息的{ratio}给予贴息，单户企业每年贴息最高{cap}万元，"
            "同一笔贷款贴息期限不超过{years}。{extra}",
            "三、评估费补助。对企业支付的知识产权价值评估费，按{eval}给予补助。",
            "四、风险补偿。{risk}",
            "五、申报方式。企业于每年{month}向市市场监督管理局（知识产权局）提交申请，经审核公示后"
            "拨付资金。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-market",
                14,
                "04-15",
                "如皋市市场监督管理局 如皋市财政局关于开展知识产权质押融资贴息工作的通知",
                window=("11-01", "11-30"),
                p={
                    "ratio": "50%",
                    "cap": "20",
                    "years": "1年",
                    "extra": "",
                    "eval": "实际发生额的50%，最高2万元",
                    "risk": "设立知识产权质押融资风险补偿资金池，对合作银行发生的不良贷款本金损失，"
                    "按30%给予补偿。",
                    "month": "11月",
                    "extra_short": "设立风险补偿资金池，对合作银行不良贷款本金损失按30%补偿。",
                },
            ),
            V(
                2024,
                "rg-market",
                9,
                "03-22",
                "如皋市市场监督管理局 如皋市财政局关于进一步加大知识产权质押融资支持力度的通知",
                window=("03-22", "11-30"),
                p={
                    "ratio": "60%",
                    "cap": "30",
                    "years": "2年",
                    "extra": "首次办理知识产权质押融资的企业，贴息比例提高到80%。",
                    "eval": "实际发生额给予全额补助，最高3万元",
                    "risk": "风险补偿资金池规模扩大到3000万元，对合作银行和担保机构的不良贷款本金"
                    "损失，分别按40%、30%给予补偿。",
                    "month": "3月至11月",
                    "extra_short": "首次办理的企业贴息比例提高到80%。",
                },
            ),
        ),
        glossary=(
            (
                "知识产权质押融资",
                "企业以合法拥有的专利权、商标专用权、著作权中的财产权经评估后作为质押物，"
                "向银行申请贷款。",
            ),
            (
                "风险补偿资金池",
                "由财政出资设立，用于对合作金融机构发生的贷款损失给予一定比例补偿的资金。",
            ),
        ),
        qa=(
            (
                "只有一件实用新型专利可以质押贷款吗？",
                "可以，经评估具有一定价值的发明、实用新型专利均可质押，也可与商标组合质押。",
            ),
            (
                "贴息最多能拿多少？",
                "按实际支付利息的{ratio}贴息，单户每年最高{cap}万元。",
            ),
        ),
        guide=G(
            dept="rg-market",
            conditions=("在本市注册的企业", "以自有知识产权质押获得银行贷款", "按期还本付息"),
            materials=(
                ("知识产权质押融资贴息申请表", "加盖公章"),
                ("借款合同和质押登记通知书", "复印件"),
                ("利息支付凭证", "银行出具"),
            ),
            steps=("提交申请", "市市场监管局审核", "公示5个工作日", "拨付贴息资金"),
            place="如皋市政务服务中心四楼企业服务专区知识产权窗口",
        ),
    ),
    F(
        no=45,
        audience="enterprises",
        topics=("technology.ip",),
        categories=("innovation",),
        stage="service",
        summary=(
            "{area}对企业获得发明专利授权的每件资助{invent}元，{pct}；{extra_short}"
            "资助资金每年集中申报一次。"
        ),
        body=(
            "为提升知识产权创造质量，培育高价值专利，根据上级关于规范专利资助的要求，"
            "结合我市实际，制定本办法。",
            "第一条 资助对象为在本市注册的企事业单位和本市户籍个人。",
            "第二条 国内发明专利授权的，每件资助{invent}元；不再对实用新型专利和外观设计专利申请"
            "给予资助。",
            "第三条 {pct}。",
            "第四条 {hv}",
            "第五条 对获得中国专利奖金奖、银奖、优秀奖的，分别奖励{award}。",
            "第六条 资助资金每年集中申报一次，申报人对材料真实性负责，对非正常专利申请一律"
            "不予资助。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-market",
                23,
                "06-08",
                "如皋市市场监督管理局 如皋市财政局关于印发《如皋市专利资助办法》的通知",
                p={
                    "invent": "5000",
                    "pct": "通过PCT途径提交国际专利申请并进入国家阶段的，每件资助3万元",
                    "hv": "对企业开展专利导航、知识产权贯标并通过认证的，给予3万元奖励。",
                    "award": "20万元、10万元、5万元",
                    "extra_short": "知识产权贯标通过认证的奖励3万元，",
                },
            ),
            V(
                2023,
                "rg-market",
                18,
                "05-25",
                "如皋市市场监督管理局 如皋市财政局关于印发《如皋市高价值专利培育资助办法》的通知",
                p={
                    "invent": "3000",
                    "pct": "通过PCT途径获得美国、日本、欧洲等国家和地区发明专利授权的，"
                    "每件资助5万元",
                    "hv": "对承担省级高价值专利培育示范中心建设的，按省级资助资金1:1给予配套，"
                    "最高100万元；对发明专利许可、转让实施并取得收益的，按合同金额的5%奖励，"
                    "最高20万元。",
                    "award": "50万元、30万元、10万元",
                    "extra_short": "高价值专利培育中心按省级资金1:1配套，",
                },
            ),
        ),
    ),
    F(
        no=46,
        audience="enterprises",
        topics=("technology.platforms",),
        categories=("innovation", "technology"),
        industries=("C", "M"),
        stage="service",
        summary=(
            "{area}向中小企业发放科技创新券，企业购买检验检测、技术开发、知识产权服务等可按合同金额"
            "的{ratio}抵用，每家企业每年最高{cap}万元，{extra_short}服务完成后由市科学技术局审核兑"
            "付。"
        ),
        body=(
            "为降低中小企业创新成本，促进科技资源开放共享，现就{year}年科技创新券发放使用工作"
            "通知如下。",
            "一、申领对象。在本市注册、具有独立法人资格的中小微企业，重点支持科技型中小企业和"
            "高新技术企业。",
            "二、使用范围。{scope_text}",
            "三、抵用标准。创新券按服务合同金额的{ratio}抵用，每家企业每年累计最高{cap}万元。"
            "{extra}",
            "四、兑付流程。企业在创新券服务平台申领创新券，与入库服务机构签订服务合同并完成服务后，"
            "由服务机构或企业提交兑付申请，市科学技术局审核后拨付。",
            "五、监督管理。严禁企业与服务机构虚构服务合同套取资金，一经查实，追回资金并取消"
            "三年内申领资格。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-sci",
                19,
                "05-12",
                "如皋市科学技术局 如皋市财政局关于开展2020年科技创新券发放工作的通知",
                window=("05-12", "11-30"),
                p={
                    "scope_text": "购买检验检测、研发设计、技术转移和科技咨询等科技服务。",
                    "ratio": "50%",
                    "cap": "10",
                    "extra": "",
                    "extra_short": "由入库服务机构提供服务。",
                },
            ),
            V(
                2022,
                "rg-sci",
                15,
                "04-26",
                "如皋市科学技术局 如皋市财政局关于扩大科技创新券使用范围的通知",
                window=("04-26", "11-30"),
                p={
                    "scope_text": "购买检验检测、研发设计、技术开发、知识产权服务、大型科学仪器"
                    "共享使用等科技服务，使用范围扩大至长三角区域服务机构。",
                    "ratio": "50%",
                    "cap": "20",
                    "extra": "在长三角区域内跨省使用的，与省内同等兑付。",
                    "extra_short": "可在长三角区域跨省通用。",
                },
            ),
            V(
                2025,
                "rg-sci",
                11,
                "04-18",
                "如皋市科学技术局 如皋市财政局关于实施2025年科技创新券“即申即用”的通知",
                window=("04-18", "12-15"),
                p={
                    "scope_text": "购买检验检测、研发设计、技术开发、中试熟化、知识产权服务、"
                    "算力服务等科技服务，新增工业软件和人工智能模型训练算力服务。",
                    "ratio": "60%",
                    "cap": "30",
                    "extra": "首次申领创新券的企业，抵用比例提高到70%。实行“即申即用”，"
                    "企业在线申领后"
                    "当日可用。",
                    "extra_short": "新增算力服务，实行即申即用。",
                },
            ),
        ),
        glossary=(
            (
                "科技创新券",
                "政府向中小企业发放的电子凭证，企业购买科技服务时抵用部分费用，"
                "由政府向服务机构兑付。",
            ),
        ),
        qa=(
            (
                "创新券每家企业一年能用多少？",
                "按服务合同金额的{ratio}抵用，每家企业每年累计最高{cap}万元。",
            ),
            (
                "哪些服务可以用创新券？",
                "{scope_text}",
            ),
        ),
        guide=G(
            dept="rg-sci",
            conditions=("在本市注册的中小微企业", "具有独立法人资格"),
            materials=(
                ("创新券申领表", "服务平台在线填写"),
                ("技术服务合同", "与入库服务机构签订"),
                ("服务费用发票", "兑付时提交"),
            ),
            steps=("平台申领创新券", "签订服务合同并完成服务", "提交兑付申请", "市科技局审核拨付"),
        ),
    ),
    F(
        no=47,
        audience="enterprises",
        topics=("technology.platforms",),
        categories=("technology", "innovation"),
        industries=("C", "M"),
        stage="service",
        summary=(
            "{area}对新认定的企业研发机构给予奖励：国家级{nat}，省级工程技术研究中心{prov}，"
            "南通市级{city}；{extra_short}研发机构每三年绩效评价一次。"
        ),
        body=(
            "为引导企业加大研发投入、提升自主创新能力，现就支持企业建设研发机构和新型研发机构"
            "有关事项通知如下。",
            "一、企业研发机构。对新认定的国家级企业技术中心、重点实验室等研发机构{nat}；"
            "对新认定的省级工程技术研究中心、省级企业技术中心{prov}；对新认定的南通市级工程技术"
            "研究中心{city}。",
            "二、新型研发机构。{new}",
            "三、产学研合作。企业与高校、科研院所签订技术开发合同并实际支付费用的，按实际支付额的"
            "{coop}给予补助。",
            "四、绩效评价。研发机构实行动态管理，每三年进行一次绩效评价，评价不合格的取消资格"
            "并不再享受相关政策。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-sci",
                23,
                "07-09",
                "如皋市科学技术局关于支持企业建设研发机构的通知",
                p={
                    "nat": "奖励100万元",
                    "prov": "奖励20万元",
                    "city": "奖励5万元",
                    "new": "对经认定的新型研发机构，按其上年度研发投入的20%给予支持，最高200万元。",
                    "coop": "10%，最高50万元",
                    "extra_short": "产学研合作按实际支付额的10%补助。",
                },
            ),
            V(
                2023,
                "rg-sci",
                21,
                "06-30",
                "如皋市科学技术局关于加快建设新型研发机构和企业创新平台的通知",
                p={
                    "nat": "奖励200万元",
                    "prov": "奖励30万元",
                    "city": "奖励10万元",
                    "new": "对与“双一流”高校、国家级科研院所共建的新型研发机构，经认定后给予"
                    "最高1000万元的建设经费支持，分三年拨付；对其转化科技成果的，按技术合同成交额"
                    "的5%给予奖励。",
                    "coop": "15%，最高100万元",
                    "extra_short": "与高校共建新型研发机构最高支持1000万元。",
                },
            ),
        ),
        guide=G(
            dept="rg-sci",
            conditions=("在本市注册的企业或新型研发机构", "当年新获认定或签订技术开发合同"),
            materials=(
                ("奖励或补助申请表", "加盖公章"),
                ("认定文件", "复印件"),
                ("技术开发合同及付款凭证", "产学研合作补助提交"),
            ),
            steps=("提交申请", "市科技局审核", "公示", "拨付资金"),
        ),
    ),
    F(
        no=48,
        audience="enterprises",
        topics=("industry-it.manufacturing",),
        categories=("innovation", "industry"),
        industries=("34", "35", "36", "37", "38", "65"),
        stage="service",
        summary=(
            "{area}对认定为首台（套）重大装备、首批次新材料、首版次软件的产品给予奖励，"
            "{reward_short}，首台（套）产品投保综合险的{insurance_short}"
        ),
        body=(
            "为促进首台（套）重大技术装备、首批次新材料和首版次软件推广应用，{intro}现就有关"
            "事项通知如下。",
            "一、认定范围。列入{catalog}的装备、新材料和软件产品，经认定后享受本通知支持政策。",
            "二、奖励标准。{reward}",
            "三、保险补偿。首台（套）产品投保质量安全和责任综合险的，{insurance}",
            "四、推广应用。政府投资项目和国有企业采购中，在技术指标满足要求的前提下，不得以"
            "“首台（套）”“首批次”产品无应用业绩为由限制其参与投标。{clause}",
        ),
        variants=(
            V(
                2021,
                "js-miit",
                33,
                "06-23",
                "江苏省工业和信息化厅 江苏省财政厅关于开展2021年度省首台（套）"
                "重大装备认定工作的通知",
                window=("07-01", "08-15"),
                p={
                    "intro": "",
                    "catalog": "《江苏省首台（套）重大装备及关键部件认定目录》",
                    "reward": "对认定的省首台（套）重大装备，由省级工业和信息化产业转型升级专项资金"
                    "按产品首年销售额的10%给予奖励，最高300万元。",
                    "reward_short": "省首台（套）按首年销售额的10%奖励，最高300万元",
                    "insurance": "省级财政按年度保费的80%给予补贴。",
                    "insurance_short": "省级按保费80%补贴。",
                },
            ),
            V(
                2024,
                "rg-miit",
                16,
                "05-28",
                "如皋市工业和信息化局 如皋市财政局关于支持首台（套）装备首批次材料首版次软件推广应"
                "用的通知",
                window=("06-01", "07-31"),
                p={
                    "intro": "加快汽车及零部件、船舶海工、电子信息等主导产业创新产品迭代，",
                    "catalog": "国家和江苏省首台（套）、首批次、首版次目录",
                    "reward": "对获得国家级首台（套）认定的奖励100万元，省级奖励50万元；"
                    "首批次新材料"
                    "奖励30万元；首版次软件奖励20万元。上级已给予奖励的，按差额补足。",
                    "reward_short": "国家级首台（套）奖励100万元、省级50万元",
                    "insurance": "在上级补贴基础上，市财政再给予保费10%的补贴，单个企业每年最高"
                    "50万元。",
                    "insurance_short": "市财政再补贴保费10%。",
                },
            ),
        ),
        guide=G(
            dept="rg-miit",
            conditions=("产品列入首台（套）、首批次或首版次目录并经认定", "在本市注册的企业"),
            materials=(
                ("奖励申请表", "加盖公章"),
                ("认定证书或公告", "复印件"),
                ("销售合同和发票", "首年销售情况"),
            ),
            steps=("企业申报", "市工信局审核", "公示", "拨付奖励"),
        ),
    ),
    F(
        no=49,
        audience="both",
        topics=("housing.talent-housing",),
        categories=("talent",),
        stage="service",
        summary=(
            "{area}对来皋就业创业的全日制本科及以上学历人才给予安居支持：博士购房补贴{phd}万元、"
            "硕士{master}万元、"
            "“双一流”本科{bachelor}万元，无自有住房的可享受租房补贴或申请人才公寓，{rent_short}"
        ),
        body=(
            "为加快集聚各类人才，为人才提供安居保障，{intro}",
            "第一条 适用对象。全日制本科及以上学历、年龄在{age}周岁以下，{year}年以后首次来皋"
            "就业创业，与本市用人单位签订{contract}年以上劳动合同并在本市缴纳社会保险的人才。"
            "{object_extra}",
            "第二条 购房补贴。在本市首次购买商品住房的，博士研究生补贴{phd}万元，硕士研究生"
            "补贴{master}万元，“双一流”高校本科毕业生补贴{bachelor}万元，其他全日制本科毕业生"
            "补贴{bachelor2}万元，分{installments}年发放。",
            "第三条 租房补贴。在本市无自有住房的，{rent}",
            "第四条 人才公寓。{apartment}",
            "第五条 申请程序。人才通过本小程序“人才安居”栏目或到市政务服务中心提交申请，"
            "经用人单位初审、人社部门审核，公示5个工作日后发放。",
            "第六条 同一人才不得重复享受本市购房补贴和租房补贴，已享受其他人才住房政策的按就高"
            "原则执行，不重复享受。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov-office",
                19,
                "04-16",
                "如皋市人民政府办公室关于印发《如皋市人才安居实施办法》的通知",
                p={
                    "intro": "现就人才安居有关事项制定本办法。",
                    "age": "40",
                    "contract": "3",
                    "object_extra": "",
                    "phd": "20",
                    "master": "10",
                    "bachelor": "5",
                    "bachelor2": "3",
                    "installments": "3",
                    "rent": "博士每月补贴1500元，硕士每月补贴1000元，本科每月补贴600元，最长3年。",
                    "rent_short": "租房补贴最长3年。",
                    "apartment": "筹集人才公寓500套，对引进的高层次人才可免费入住3年。",
                },
            ),
            V(
                2022,
                "rg-housing",
                26,
                "06-06",
                "如皋市住房和城乡建设局 如皋市人力资源和社会保障局关于调整人才安居政策的通知",
                p={
                    "intro": "结合我市人才发展需求，现对人才安居政策作如下调整。",
                    "age": "45",
                    "contract": "3",
                    "object_extra": "技师、高级技师参照本科、硕士研究生标准享受。",
                    "phd": "30",
                    "master": "15",
                    "bachelor": "8",
                    "bachelor2": "5",
                    "installments": "3",
                    "rent": "博士每月补贴2000元，硕士每月补贴1200元，本科每月补贴800元，最长3年。",
                    "rent_short": "技师、高级技师参照本科、硕士标准享受。",
                    "apartment": "人才公寓扩大到1200套，新引进人才可申请拎包入住，租金按市场价的"
                    "30%收取。",
                },
                interpret=True,
            ),
            V(
                2024,
                "rg-gov-office",
                15,
                "03-20",
                "如皋市人民政府办公室关于印发《如皋市“人才安居”十条措施》的通知",
                illustrated=True,
                p={
                    "intro": "打造“青年友好型城市”，现制定人才安居十条措施。",
                    "age": "45",
                    "contract": "2",
                    "object_extra": "技师、高级技师参照本科、硕士研究生标准享受；在如皋高新区、"
                    "如皋经济技术开发区、如皋港区企业就业的，补贴标准上浮20%。",
                    "phd": "40",
                    "master": "20",
                    "bachelor": "10",
                    "bachelor2": "6",
                    "installments": "2",
                    "rent": "博士每月补贴2500元，硕士每月补贴1500元，本科每月补贴1000元，"
                    "最长3年；应届高校毕业生来皋求职的，可在青年驿站免费入住7天。",
                    "rent_short": "应届毕业生来皋求职可在青年驿站免费住7天。",
                    "apartment": "人才公寓达到2000套，引进的高层次人才可免费入住5年，5年后"
                    "购买所住公寓的按评估价8折出售。",
                },
            ),
            V(
                2026,
                "rg-housing",
                8,
                "10-15",
                "如皋市人才安居补贴实施细则（征求意见稿）",
                draft=True,
                p={
                    "intro": "现进一步细化人才安居政策操作口径，制定本细则。",
                    "age": "45",
                    "contract": "2",
                    "object_extra": "新增对高技能领军人才、乡村振兴人才的安居支持。",
                    "phd": "40",
                    "master": "20",
                    "bachelor": "10",
                    "bachelor2": "6",
                    "installments": "2",
                    "rent": "博士每月补贴2500元，硕士每月补贴1500元，本科每月补贴1000元，"
                    "最长3年，租房补贴实行“免申即享”按季发放。",
                    "rent_short": "租房补贴拟实行免申即享。",
                    "apartment": "人才公寓实行线上选房，租金与人才贡献挂钩，最低按市场价的"
                    "20%收取。",
                },
            ),
        ),
        glossary=(
            ("人才安居", "政府为引进人才提供购房补贴、租房补贴和人才公寓等住房保障的政策统称。"),
            ("双一流高校", "入选世界一流大学和一流学科建设名单的高校。"),
        ),
        qa=(
            (
                "硕士研究生来如皋工作买房补贴多少？",
                "在本市首次购买商品住房的，硕士研究生补贴{master}万元，分{installments}年发放。",
            ),
            (
                "购房补贴和租房补贴可以同时享受吗？",
                "不可以，同一人才不得重复享受购房补贴和租房补贴。",
            ),
            (
                "年龄超过{age}岁还能申请吗？",
                "本办法适用于{age}周岁以下人才，高层次人才可按“一事一议”另行申请。",
            ),
        ),
        guide=G(
            dept="rg-hrss",
            conditions=(
                "全日制本科及以上学历，{age}周岁以下",
                "与本市用人单位签订{contract}年以上劳动合同",
                "在本市缴纳社会保险",
            ),
            materials=(
                ("人才安居补贴申请表", "由用人单位签署意见"),
                ("学历学位证书", "学信网可查的免于提供"),
                ("购房合同或租房合同", "已备案的"),
            ),
            steps=("在线提交申请", "用人单位初审", "人社部门审核", "公示5个工作日", "发放补贴"),
            place="如皋市政务服务中心二楼人才服务窗口",
        ),
        cards=(
            "博士：购房补贴{phd}万元，租房每月2500元",
            "硕士：购房补贴{master}万元",
            "本科：购房补贴{bachelor2}至{bachelor}万元",
            "人才公寓：{apartment}",
            "申请：小程序“人才安居”栏目",
        ),
        background="为提升城市对青年人才的吸引力，市政府对人才安居政策进行调整，提高补贴标准、"
        "扩大覆盖范围。",
        points=(
            "博士、硕士购房补贴分别为{phd}万元、{master}万元",
            "{rent_short}",
            "{apartment}",
        ),
    ),
    F(
        no=50,
        audience="both",
        topics=("employment",),
        categories=("talent",),
        stage="decision",
        summary=(
            "{area}{title_short}：对顶尖人才团队给予最高{top}资助，对高层次创新创业人才给予"
            "{high}项目资助和免租研发场地，{extra_short}"
        ),
        body=(
            "为深入实施人才强市战略，加快集聚高层次人才，{intro}",
            "一、顶尖人才团队。对引进的国内外顶尖人才团队，采取“一事一议”方式给予最高{top}"
            "综合资助。",
            "二、高层次创新创业人才。对入选市级高层次创新创业人才计划的，给予{high}项目资助，"
            "并提供不少于200平方米的免租研发场地。",
            "三、企业人才引进。{enterprise}",
            "四、人才服务。{service}",
            "五、组织保障。市人才工作领导小组统筹推进各项政策落实，各部门要按职责制定配套细则，"
            "确保政策兑现“一网通办”。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-gov",
                17,
                "05-06",
                "如皋市人民政府关于印发《如皋市高层次人才引进若干政策》的通知",
                p={
                    "title_short": "高层次人才引进若干政策",
                    "intro": "现制定若干政策如下。",
                    "top": "5000万元",
                    "high": "100万元至300万元",
                    "enterprise": "企业引进年薪50万元以上的高级管理和技术人才，按其个人所得税市级"
                    "留成部分给予等额奖励，最长3年。",
                    "service": "为高层次人才发放“如皋人才卡”，在子女入学、医疗保健、配偶就业等方面"
                    "提供优先服务。",
                    "extra_short": "年薪50万元以上人才按个税市级留成给予奖励。",
                },
            ),
            V(
                2023,
                "rg-gov",
                9,
                "04-12",
                "如皋市人民政府关于印发《如皋市人才发展十条政策》的通知",
                p={
                    "title_short": "人才发展十条政策",
                    "intro": "现制定人才发展十条政策。",
                    "top": "1亿元",
                    "high": "200万元至500万元",
                    "enterprise": "企业引进的高级管理和技术人才，按其年度工资薪金的10%给予奖励，"
                    "每人每年最高20万元；企业引进博士的，给予用人单位每人5万元引才奖励。",
                    "service": "实行人才服务专员制度，为A、B类人才提供“一对一”服务；人才子女入学"
                    "可在全市范围内选择公办学校。",
                    "extra_short": "企业引进博士的给予用人单位每人5万元奖励。",
                },
            ),
            V(
                2025,
                "rg-gov",
                6,
                "03-17",
                "如皋市人民政府关于印发《如皋市加快建设青年发展型城市若干措施》的通知",
                p={
                    "title_short": "加快建设青年发展型城市若干措施",
                    "intro": "吸引更多青年人才来皋留皋，现制定若干措施。",
                    "top": "1亿元",
                    "high": "300万元至600万元",
                    "enterprise": "企业新引进全日制本科以上青年人才的，按每人每年3000元给予企业"
                    "引才补贴，最长3年；对建设博士后科研工作站的，给予50万元建站资助。",
                    "service": "建设青年人才驿站和青年创业社区，提供免费短期住宿、创业辅导和"
                    "融资对接服务。",
                    "extra_short": "企业引进本科以上青年人才按每人每年3000元补贴。",
                },
            ),
        ),
    ),
    F(
        no=51,
        audience="both",
        topics=("education.compulsory",),
        categories=("education-livelihood", "talent"),
        stage="service",
        summary=(
            "{area}为重点企业职工和引进人才子女提供入学保障，{scope_short}，"
            "由企业统一申报、教育部门统筹安排学位，{year}年申报时间为{win_cn}。"
        ),
        body=(
            "为解决企业职工和引进人才的后顾之忧，营造良好的营商环境，现就{year}年重点企业职工"
            "和人才子女入学工作通知如下。",
            "一、保障对象。{target}",
            "二、入学安排。{arrange}",
            "三、申报程序。由企业统一汇总子女入学需求，经所在区镇（街道）审核后，于{win_cn}"
            "报市教育体育局，教育体育局在学位统筹时予以优先安排。",
            "四、工作要求。各学校要做好新生入学适应和随迁子女关爱工作，不得向企业和家长收取"
            "任何额外费用。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-edu",
                27,
                "04-22",
                "如皋市教育体育局关于做好2021年重点企业职工子女入学服务工作的通知",
                window=("05-06", "05-20"),
                p={
                    "target": "年纳税500万元以上企业的中层以上管理人员和技术骨干的子女，"
                    "以及经认定的高层次人才子女。",
                    "arrange": "义务教育阶段子女在企业所在地或居住地施教区学校就读；高层次人才"
                    "子女可在城区公办学校中选择就读。",
                    "scope_short": "覆盖年纳税500万元以上企业骨干和高层次人才",
                },
            ),
            V(
                2024,
                "rg-edu",
                19,
                "04-17",
                "如皋市教育体育局关于做好2024年企业职工和人才子女入学服务工作的通知",
                window=("04-22", "05-10"),
                p={
                    "target": "规模以上工业企业、专精特新企业和高新技术企业的技术骨干、一线产业"
                    "工人子女，以及A、B、C类人才子女。",
                    "arrange": "义务教育阶段优先安排至企业所在区镇或居住地优质学校；A、B类人才"
                    "子女可在全市公办学校中自主选择；产业工人子女入学享受与户籍学生同等待遇。",
                    "scope_short": "覆盖规上、专精特新、高企的骨干和一线产业工人",
                },
            ),
        ),
        guide=G(
            dept="rg-edu",
            conditions=("属于当年保障对象范围", "子女为义务教育阶段适龄儿童少年"),
            materials=(
                ("企业职工子女入学申请汇总表", "企业盖章"),
                ("劳动合同和社保缴纳证明", "复印件"),
                ("子女户口簿或出生医学证明", "复印件"),
            ),
            steps=("企业汇总申报", "区镇（街道）审核", "市教育体育局统筹安排学位", "通知入学"),
            place="如皋市政务服务中心一楼教育窗口",
            online=False,
        ),
    ),
)


# =============================================================================================
# Families — 产业发展、数字经济、绿色低碳、用地用房
# =============================================================================================

_FAMILIES_INDUSTRY: tuple[F, ...] = (
    F(
        no=52,
        audience="enterprises",
        topics=("industry-it.digital",),
        categories=("digital", "industry"),
        industries=("C",),
        stage="service",
        summary=(
            "{area}支持企业{action}：{reward_short}，{year}年计划新增{target_count}，"
            "申报企业须为本地注册的工业企业，奖补资金经审核公示后拨付。"
        ),
        body=(
            "为加快工业互联网创新发展，推动制造业数字化、网络化、智能化转型，现就{year}年"
            "{action}工作通知如下。",
            "一、工作目标。{year}年{scope}新增{target_count}。",
            "二、支持内容。{content}",
            "三、奖补标准。{reward}",
            "四、申报要求。申报企业须在本地依法注册、具有独立法人资格，近三年未发生重大安全、"
            "环保、质量事故，未列入严重失信主体名单。同一项目已获得其他市级财政资金支持的，"
            "不重复支持。{clause}",
        ),
        variants=(
            V(
                2021,
                "js-miit",
                27,
                "05-17",
                "江苏省工业和信息化厅关于开展2021年度星级上云企业认定工作的通知",
                window=("05-20", "07-15"),
                p={
                    "action": "上云用云",
                    "target_count": "三星级上云企业1000家",
                    "content": "引导企业将研发设计、生产制造、经营管理等核心业务系统迁移上云，"
                    "按一星至五星分级认定。",
                    "reward": "对新认定的四星级、五星级上云企业，省级专项资金分别给予10万元、"
                    "20万元奖励。",
                    "reward_short": "四星级、五星级上云企业分别奖励10万元、20万元",
                },
            ),
            V(
                2023,
                "rg-miit",
                15,
                "04-11",
                "如皋市工业和信息化局关于开展2023年工业互联网标杆工厂培育工作的通知",
                window=("04-15", "06-30"),
                p={
                    "action": "建设工业互联网标杆工厂",
                    "target_count": "工业互联网标杆工厂10家、五星级上云企业20家",
                    "content": "支持企业建设基于工业互联网平台的车间级、工厂级数字化系统，"
                    "推动设备联网、数据采集和生产管控一体化，实现设备联网率达到70%以上。",
                    "reward": "对认定为省级工业互联网标杆工厂的，奖励50万元；对新认定的五星级上云"
                    "企业，奖励10万元。",
                    "reward_short": "省级工业互联网标杆工厂奖励50万元，五星级上云企业奖励10万元",
                },
            ),
            V(
                2025,
                "rg-miit",
                10,
                "04-08",
                "如皋市工业和信息化局关于推进工业互联网平台规模化应用的通知",
                window=("04-10", "06-30"),
                p={
                    "action": "应用工业互联网平台",
                    "target_count": "工业互联网平台应用企业300家、“5G+工业互联网”项目15个",
                    "content": "支持汽车及零部件、船舶海工、新材料等产业链龙头企业建设行业级"
                    "工业互联网平台，带动上下游中小企业“链式”转型；支持建设5G全连接工厂。",
                    "reward": "对建成行业级工业互联网平台并服务本地企业50家以上的，给予最高300万元"
                    "补助；对入选国家级“5G+工业互联网”试点示范的，奖励100万元。",
                    "reward_short": "行业级工业互联网平台最高补助300万元，国家级“5G+工业互联网”试点"
                    "奖励100万元",
                },
            ),
        ),
        glossary=(
            (
                "工业互联网",
                "新一代信息通信技术与工业经济深度融合的基础设施和应用模式，通过人、机、"
                "物的全面互联实现数据驱动的生产管理。",
            ),
        ),
        guide=G(
            dept="rg-miit",
            conditions=("本市注册的工业企业", "近三年无重大安全、环保、质量事故"),
            materials=(
                ("项目申报书", "含建设内容、投资和成效"),
                ("设备联网和数据采集情况说明", "附系统截图"),
            ),
            steps=("企业申报", "专家评审和现场核查", "公示", "拨付奖补资金"),
        ),
    ),
    F(
        no=53,
        audience="enterprises",
        topics=("industry-it.digital", "industry-it.manufacturing"),
        categories=("digital", "industry"),
        industries=("C",),
        stage="execution",
        summary=(
            "{area}推进制造业智能化改造和数字化转型（智改数转），{goal_short}；"
            "对智改数转项目按设备和软件投入给予补助，{reward_short}，中小企业诊断费用由财政全额承担"
            "。"
        ),
        body=(
            "为加快制造业智能化改造和数字化转型（以下简称“智改数转”），{intro}",
            "一、工作目标。{goal}",
            "二、重点任务。（一）开展免费诊断，由服务商为企业提供“智改数转”诊断服务，形成诊断"
            "报告和改造方案；（二）实施改造项目，推动企业开展生产线自动化、车间数字化和工厂"
            "智能化改造；（三）培育示范标杆，建设智能车间、智能工厂和工业互联网标杆工厂；"
            "（四）培育服务生态，引进培育一批系统集成和工业软件服务商。",
            "三、支持政策。{reward}",
            "四、保障措施。{guarantee}{clause}",
        ),
        variants=(
            V(
                2022,
                "js-gov-office",
                2,
                "01-06",
                "江苏省人民政府办公厅关于印发江苏省制造业智能化改造和数字化转型三年行动计划（2022—2"
                "024年）的通知",
                p={
                    "intro": "推动制造强省建设，现将《江苏省制造业智能化改造和数字化转型三年"
                    "行动计划（2022—2024年）》印发给你们，请认真组织实施。",
                    "goal": "到2024年底，全省规模以上工业企业全面实施智能化改造和数字化转型，"
                    "生产设备数字化率、关键工序数控化率大幅提升。",
                    "goal_short": "到2024年底全省规上工业企业全面实施智改数转",
                    "reward": "省级财政统筹专项资金，对智改数转项目给予贷款贴息和有效投入补助；"
                    "设立省级智改数转专项贷款，规模不低于100亿元。",
                    "reward_short": "省级设立智改数转专项贷款",
                    "guarantee": "建立省、市、县三级工作推进机制，将智改数转工作纳入高质量发展考核"
                    "。",
                },
            ),
            V(
                2022,
                "rg-gov-office",
                28,
                "04-18",
                "如皋市人民政府办公室关于印发《如皋市制造业智能化改造和数字化转型实施方案》的通知",
                illustrated=True,
                interpret=True,
                p={
                    "intro": "根据省、南通市部署，结合我市实际，制定本实施方案。",
                    "goal": "到2024年，全市规模以上工业企业智改数转覆盖率达到100%，建成省级智能制造"
                    "示范工厂5家、省级智能制造示范车间50个。",
                    "goal_short": "到2024年规上工业企业智改数转全覆盖",
                    "reward": "对企业智改数转项目，按设备和软件投入的10%给予补助，单个项目最高"
                    "300万元；对获评省级智能制造示范工厂、示范车间的，分别奖励100万元、30万元；"
                    "免费诊断费用由市财政全额承担。",
                    "reward_short": "单个项目最高补助300万元",
                    "guarantee": "成立市智改数转工作专班，实行“一企一策”推进，每季度通报进展。",
                },
            ),
            V(
                2024,
                "rg-miit",
                21,
                "03-15",
                "如皋市工业和信息化局关于开展2024年中小企业“智改数转”免费诊断的通知",
                window=("03-15", "10-31"),
                p={
                    "intro": "聚焦中小企业“不会转、不敢转、不能转”问题，现就开展免费诊断工作"
                    "通知如下。",
                    "goal": "2024年完成中小企业免费诊断300家，推动100家企业实施改造项目。",
                    "goal_short": "2024年完成中小企业免费诊断300家",
                    "reward": "诊断费用由市财政全额承担；诊断后一年内实施改造项目、设备和软件投入"
                    "200万元以上的，按投入的12%给予补助，最高200万元。",
                    "reward_short": "诊断后实施改造的按投入12%补助",
                    "guarantee": "诊断服务商实行名录管理，诊断质量纳入年度考核。",
                },
            ),
        ),
        glossary=(
            (
                "智改数转",
                "制造业智能化改造和数字化转型的简称，江苏省推动制造业高质量发展的重点工作。",
            ),
            (
                "智能制造示范工厂",
                "在设计、生产、物流、销售、服务等环节实现全面智能化的工厂，经省级以上部门认定。",
            ),
        ),
        qa=(
            (
                "中小企业做“智改数转”诊断要收费吗？",
                "不收费，诊断费用由财政承担。",
            ),
            (
                "改造项目补助多少？",
                "{reward}",
            ),
        ),
        guide=G(
            dept="rg-miit",
            conditions=("本市注册的工业企业", "项目已完成投资并投入使用"),
            materials=(
                ("智改数转项目补助申请表", "加盖公章"),
                ("设备和软件购置合同、发票", "复印件"),
                ("诊断报告或改造方案", "服务商出具"),
            ),
            steps=("申请免费诊断", "实施改造项目", "申报补助", "审核公示", "拨付资金"),
        ),
        cards=(
            "目标：{goal_short}",
            "免费诊断：费用由市财政承担",
            "项目补助：{reward_short}",
            "示范奖励：省级示范工厂100万元、示范车间30万元",
        ),
        background="智改数转是推动制造业高质量发展的关键举措，我市制定实施方案加快推进。",
        points=("{goal_short}", "{reward_short}", "免费诊断费用由市财政承担"),
    ),
    F(
        no=54,
        audience="enterprises",
        topics=("industry-it.infrastructure",),
        categories=("digital",),
        industries=("63", "I"),
        stage="execution",
        summary=(
            "{area}{year}年计划新建5G基站{count}个，{focus_short}；公共建筑和站址资源免费开放，"
            "{power_short}新建住宅小区和商业楼宇须同步预留5G基站建设空间。"
        ),
        body=(
            "为加快5G网络建设，推动5G与经济社会各领域融合发展，现就{year}年5G基站建设工作"
            "通知如下。",
            "一、建设目标。{year}年全市新建5G基站{count}个，{target}",
            "二、站址资源开放。党政机关、事业单位、国有企业所属的公共建筑、路灯杆、监控杆等"
            "资源向5G基站建设免费开放，不得收取进场费、协调费等费用。",
            "三、用电支持。{power}",
            "四、规划保障。将5G基站站址纳入国土空间详细规划，新建住宅小区、商业楼宇同步预留"
            "5G基站和室内分布系统的建设空间。{plan_extra}",
            "五、工作机制。建立由市工业和信息化局牵头，通信运营商、铁塔公司参与的5G建设协调"
            "机制，每月通报建设进度。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov-office",
                24,
                "04-03",
                "如皋市人民政府办公室关于加快推进5G基站建设的通知",
                p={
                    "count": "600",
                    "target": "实现城区和重点园区5G网络连续覆盖。",
                    "focus_short": "实现城区和重点园区5G网络连续覆盖",
                    "power": "推进5G基站“转改直”，具备条件的由供电企业直接供电，执行工商业电价。",
                    "power_short": "5G基站推进“转改直”供电。",
                    "plan_extra": "",
                },
            ),
            V(
                2022,
                "rg-miit",
                19,
                "03-29",
                "如皋市工业和信息化局关于做好2022年5G基站建设和电费补贴工作的通知",
                p={
                    "count": "800",
                    "target": "实现区镇（街道）和行政村5G网络全覆盖，重点工业企业5G网络覆盖率达到80"
                    "%。",
                    "focus_short": "实现区镇和行政村5G网络全覆盖",
                    "power": "对通信运营商新建5G基站，按实际用电量给予每千瓦时0.1元电费补贴，"
                    "补贴期限2年。",
                    "power_short": "新建5G基站按每千瓦时0.1元给予电费补贴。",
                    "plan_extra": "",
                },
            ),
            V(
                2024,
                "rg-miit",
                24,
                "04-02",
                "如皋市工业和信息化局关于推进5G-A网络和5G基站提质升级的通知",
                p={
                    "count": "500",
                    "target": "在如皋高新区、如皋港区等重点区域率先部署5G-A基站，推动5G基站由"
                    "“广覆盖”向“深覆盖”升级。",
                    "focus_short": "重点区域率先部署5G-A基站",
                    "power": "对5G基站节能改造项目，按改造投资的20%给予补助；继续执行5G基站"
                    "电费补贴政策。",
                    "power_short": "5G基站节能改造按投资的20%补助。",
                    "plan_extra": "对居民反映的5G基站电磁辐射问题，由生态环境部门组织监测并公开"
                    "监测结果。",
                },
            ),
        ),
        qa=(
            (
                "5G基站有辐射吗？",
                "5G基站电磁辐射须符合国家《电磁环境控制限值》标准，生态环境部门定期监测并公开结果。"
                "",
            ),
            (
                "小区物业能收5G基站进场费吗？",
                "公共建筑等资源向5G基站建设免费开放，不得收取进场费、协调费等不合理费用。",
            ),
        ),
    ),
    F(
        no=55,
        audience="enterprises",
        topics=("industry-it.digital",),
        categories=("digital", "industry"),
        industries=("I", "64", "65", "39"),
        stage="decision",
        summary=(
            "{area}加快发展数字经济，{goal_short}；对软件和信息技术服务企业{reward_short}，"
            "对数字经济核心产业项目给予用地、用能和人才支持。"
        ),
        body=(
            "为抢抓数字经济发展机遇，推动数字产业化和产业数字化，{intro}",
            "一、发展目标。{goal}",
            "二、培育数字产业。支持电子信息、软件和信息技术服务、数字内容等数字经济核心产业发展。"
            "{reward}",
            "三、推进产业数字化。实施制造业“智改数转”、服务业数字化提升和农业数字化行动，"
            "推动中小企业“上云用数赋智”。",
            "四、强化要素保障。数字经济重点项目优先纳入市重大项目清单，优先保障用地、用能指标；"
            "对引进的数字经济高端人才，按人才政策给予支持。{extra}{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-gov",
                15,
                "06-20",
                "如皋市人民政府关于加快数字经济发展的实施意见",
                p={
                    "intro": "提出如下实施意见。",
                    "goal": "到2025年，全市数字经济核心产业增加值占地区生产总值比重达到10%，"
                    "软件和信息技术服务业收入突破50亿元。",
                    "goal_short": "到2025年数字经济核心产业增加值占比达到10%",
                    "reward": "对首次入选省规划布局内重点软件企业的，奖励50万元；软件企业年营业"
                    "收入首次突破1亿元的，奖励30万元。",
                    "reward_short": "营业收入首次突破1亿元的奖励30万元",
                    "extra": "",
                },
            ),
            V(
                2024,
                "rg-gov",
                12,
                "07-16",
                "如皋市人民政府关于印发《如皋市促进数字经济高质量发展若干政策》的通知",
                p={
                    "intro": "现制定若干政策如下。",
                    "goal": "到2026年，全市数字经济核心产业规模达到500亿元，培育数字经济领域"
                    "专精特新企业30家。",
                    "goal_short": "到2026年数字经济核心产业规模达到500亿元",
                    "reward": "软件企业年营业收入首次突破5000万元、1亿元、5亿元的，分别奖励20万元、"
                    "50万元、100万元；对新建算力中心和公共数据开发利用项目，按设备投资的10%给予"
                    "补助，最高500万元。",
                    "reward_short": "营业收入首次突破5000万元至5亿元的奖励20万元至100万元",
                    "extra": "推进公共数据授权运营，依法有序开放交通、气象、"
                    "市场监管等领域公共数据。",
                },
            ),
        ),
    ),
    F(
        no=56,
        audience="enterprises",
        topics=("industry-it.manufacturing",),
        categories=("industry",),
        industries=("C",),
        stage="service",
        summary=(
            "{area}对工业企业技术改造项目按设备投资额给予补助：{reward_short}，{year}年项目申报"
            "时间为{win_cn}，{extra_short}"
        ),
        body=(
            "为鼓励工业企业加大有效投入，推动产业转型升级，现就{year}年工业企业技术改造项目"
            "奖补资金申报工作通知如下。",
            "一、支持对象。在本市注册的工业企业，{year}年实施的技术改造项目设备投资额在{min_invest}"
            "以上。{focus}",
            "二、奖补标准。{reward}",
            "三、申报材料。项目备案证明、设备购置合同及发票、设备清单、银行付款凭证、项目竣工"
            "投产证明等。",
            "四、审核程序。企业在{win_cn}提出申请，经区镇（街道）初审、市工业和信息化局会同市财政局"
            "委托第三方审计、现场核查和公示后拨付资金。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-miit",
                22,
                "06-15",
                "如皋市工业和信息化局 如皋市财政局关于组织申报2020年度工业技术改造奖补资金的通知",
                window=("06-15", "07-31"),
                p={
                    "min_invest": "500万元",
                    "focus": "",
                    "reward": "按设备投资额的5%给予补助，单个项目最高200万元。",
                    "reward_short": "按设备投资额的5%补助，单个项目最高200万元",
                    "extra_short": "设备投资额须在500万元以上。",
                },
            ),
            V(
                2022,
                "rg-miit",
                26,
                "05-30",
                "如皋市工业和信息化局 如皋市财政局关于组织申报2022年度工业技术改造奖补资金的通知",
                window=("06-01", "07-15"),
                p={
                    "min_invest": "300万元",
                    "focus": "重点支持汽车及零部件、船舶海工、新材料、电子信息和高端装备等主导产业"
                    "项目。",
                    "reward": "按设备投资额的6%给予补助，主导产业项目提高到8%，"
                    "单个项目最高300万元。",
                    "reward_short": "按设备投资额的6%补助，主导产业提高到8%",
                    "extra_short": "重点支持主导产业项目。",
                },
            ),
            V(
                2024,
                "rg-miit",
                20,
                "05-22",
                "如皋市工业和信息化局 如皋市财政局关于组织申报2024年度工业技术改造奖补资金的通知",
                window=("05-25", "07-10"),
                p={
                    "min_invest": "200万元",
                    "focus": "对“智改数转”、绿色化改造和安全生产改造项目优先支持。",
                    "reward": "按设备投资额的8%给予补助，单个项目最高500万元；"
                    "对采购本市企业生产设备的，"
                    "补助比例再提高2个百分点。",
                    "reward_short": "按设备投资额的8%补助，单个项目最高500万元",
                    "extra_short": "采购本市企业设备的补助比例再提高2个百分点。",
                },
            ),
            V(
                2025,
                "rg-miit",
                18,
                "05-20",
                "如皋市工业和信息化局 如皋市财政局关于组织申报2025年度大规模设备更新和技术改造奖补"
                "资金的通知",
                window=("05-20", "07-10"),
                p={
                    "min_invest": "100万元",
                    "focus": "落实国家推动大规模设备更新行动部署，重点支持高耗能设备淘汰更新、"
                    "老旧生产线改造。",
                    "reward": "按设备投资额的8%给予补助，单个项目最高500万元；对同时享受设备更新"
                    "贷款财政贴息的项目，补助比例不变，贴息另行计算。",
                    "reward_short": "设备更新项目按投资额的8%补助，最高500万元",
                    "extra_short": "可与设备更新贷款贴息叠加享受。",
                },
            ),
        ),
        guide=G(
            dept="rg-miit",
            conditions=("本市注册的工业企业", "项目已备案并竣工投产", "设备投资额达到{min_invest}"),
            materials=(
                ("技术改造项目奖补申请表", "加盖公章"),
                ("项目备案证明", "复印件"),
                ("设备购置合同、发票及付款凭证", "复印件"),
            ),
            steps=("企业申报", "区镇（街道）初审", "第三方审计和现场核查", "公示", "拨付资金"),
        ),
    ),
    F(
        no=57,
        audience="enterprises",
        topics=("industry-it.sme",),
        categories=("industry",),
        industries=("C",),
        stage="service",
        summary=(
            "{area}对首次纳入规模以上工业企业统计的企业（“小升规”）给予奖励：{reward_short}；"
            "主营业务收入1000万元至2000万元的成长型工业企业纳入培育库，{extra_short}"
        ),
        body=(
            "为壮大规模以上工业企业群体，鼓励小微工业企业做大做强，现就{year}年“小升规”工业"
            "企业培育工作通知如下。",
            "一、培育对象。主营业务收入在1000万元至2000万元之间、成长性较好的工业企业，"
            "纳入“小升规”重点培育库。",
            "二、奖励政策。{reward}",
            "三、服务措施。{service}",
            "四、统计要求。企业应依法如实报送统计数据，对弄虚作假的追回奖励并依法处理。",
            "五、兑现程序。奖励资金由企业在入规次年向所在区镇（街道）提出申请，经市工业和信息化局、"
            "市统计局联合审核并公示后拨付至企业账户。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-miit",
                9,
                "03-16",
                "如皋市工业和信息化局关于做好2021年“小升规”工业企业培育工作的通知",
                p={
                    "reward": "对首次纳入规模以上工业企业统计的，奖励10万元，分两年兑现。",
                    "reward_short": "首次入规奖励10万元",
                    "service": "对培育库企业实行挂钩联系，优先推荐融资对接。",
                    "extra_short": "培育库企业实行挂钩联系。",
                },
            ),
            V(
                2023,
                "rg-miit",
                8,
                "03-09",
                "如皋市工业和信息化局关于加大“小升规”工业企业奖励力度的通知",
                p={
                    "reward": "对首次纳入规模以上工业企业统计的，奖励20万元；入规后连续两年"
                    "保持在库且营业收入增长10%以上的，再奖励10万元。",
                    "reward_short": "首次入规奖励20万元，连续两年增长10%以上再奖励10万元",
                    "service": "对培育库企业提供免费“智改数转”诊断和财务规范辅导。",
                    "extra_short": "培育库企业可享受免费智改数转诊断。",
                },
            ),
            V(
                2025,
                "rg-miit",
                7,
                "03-05",
                "如皋市工业和信息化局关于实施2025年工业企业“小升规”专项行动的通知",
                p={
                    "reward": "对首次纳入规模以上工业企业统计的，奖励20万元；对当年新入规企业的"
                    "财务负责人，给予1万元一次性奖励。",
                    "reward_short": "首次入规奖励20万元",
                    "service": "实行“小升规”企业“一企一档”管理，由区镇（街道）明确联系人跟踪服务，"
                    "全年计划新增规上工业企业100家。",
                    "extra_short": "全年计划新增规上工业企业100家。",
                },
            ),
        ),
    ),
    F(
        no=58,
        audience="enterprises",
        topics=("environment.carbon", "industry-it.manufacturing"),
        categories=("green",),
        industries=("C",),
        stage="service",
        summary=(
            "{area}对获评绿色工厂、绿色供应链管理企业、绿色设计产品的企业给予奖励：{reward_short}，"
            "{extra_short}获评企业实行有效期管理，发生环境违法行为的取消称号。"
        ),
        body=(
            "为加快构建绿色制造体系，推动工业绿色低碳转型，现就{year}年绿色制造体系建设工作"
            "通知如下。",
            "一、创建内容。组织企业创建绿色工厂、绿色工业园区、绿色供应链管理企业和绿色设计产品。"
            "绿色工厂应实现用地集约化、原料无害化、生产洁净化、废物资源化、能源低碳化。",
            "二、奖励标准。{reward}",
            "三、申报条件。申报企业须为本市注册的工业企业，近三年未发生较大及以上安全、环境"
            "事故，单位产品能耗、水耗达到行业先进水平。{cond}",
            "四、动态管理。获评企业实行有效期管理，发生环境违法行为或能耗不达标的，取消称号并"
            "追回奖励资金。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-miit",
                24,
                "05-19",
                "如皋市工业和信息化局关于开展2021年绿色工厂创建工作的通知",
                window=("05-20", "06-30"),
                p={
                    "reward": "对获评国家级绿色工厂的奖励50万元，省级绿色工厂奖励20万元。",
                    "reward_short": "国家级绿色工厂奖励50万元，省级20万元",
                    "cond": "",
                    "extra_short": "企业须近三年未发生较大安全、环境事故。",
                },
            ),
            V(
                2023,
                "rg-miit",
                23,
                "05-12",
                "如皋市工业和信息化局关于开展2023年绿色制造体系建设工作的通知",
                window=("05-15", "06-30"),
                p={
                    "reward": "对获评国家级绿色工厂、绿色供应链管理企业的分别奖励80万元，"
                    "省级绿色工厂奖励30万元，国家级绿色设计产品每个奖励10万元。",
                    "reward_short": "国家级绿色工厂奖励80万元，省级30万元",
                    "cond": "申报绿色工厂的须完成碳排放核算并公开年度环境信息。",
                    "extra_short": "申报企业须完成碳排放核算。",
                },
            ),
            V(
                2025,
                "rg-miit",
                25,
                "05-09",
                "如皋市工业和信息化局关于开展2025年绿色工厂和零碳工厂培育工作的通知",
                window=("05-10", "06-30"),
                p={
                    "reward": "对获评国家级绿色工厂的奖励100万元，省级绿色工厂奖励30万元；"
                    "对通过零碳工厂评价的奖励50万元。",
                    "reward_short": "国家级绿色工厂奖励100万元，零碳工厂奖励50万元",
                    "cond": "申报零碳工厂的须实现年度碳排放与碳抵消、可再生能源使用相抵，"
                    "可使用经核证的CCER等减排量。",
                    "extra_short": "零碳工厂可使用CCER等核证减排量抵消碳排放。",
                },
            ),
        ),
        glossary=(
            ("绿色工厂", "实现用地集约化、原料无害化、生产洁净化、废物资源化、能源低碳化的工厂。"),
            (
                "CCER",
                "国家核证自愿减排量，经国家主管部门备案的温室气体自愿减排项目产生的减排量，"
                "可用于抵消碳排放。",
            ),
        ),
        guide=G(
            dept="rg-miit",
            conditions=(
                "本市注册的工业企业",
                "近三年未发生较大及以上安全、环境事故",
                "获评绿色制造称号",
            ),
            materials=(
                ("绿色制造奖励申请表", "加盖公章"),
                ("认定文件", "复印件"),
                ("第三方评价报告", "含能耗、碳排放数据"),
            ),
            steps=("企业申报", "市工信局审核", "公示", "拨付奖励"),
        ),
    ),
    F(
        no=59,
        audience="both",
        topics=("environment.carbon",),
        categories=("green",),
        stage="decision",
        summary=(
            "{area}{doc_short}提出：{goal_short}，重点推进能源、工业、交通、建筑领域碳达峰行动，"
            "{extra_short}同时倡导简约适度、绿色低碳的生活方式。"
        ),
        body=(
            "为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大战略决策，{intro}",
            "一、主要目标。{goal}",
            "二、重点任务。（一）能源绿色低碳转型，大力发展光伏、风电等可再生能源，严控煤炭"
            "消费；（二）工业领域碳达峰，推动钢铁、化工、建材等行业节能降碳改造；（三）交通运输"
            "绿色低碳，推广新能源汽车，完善充电基础设施；（四）城乡建设碳达峰，推广绿色建筑和"
            "超低能耗建筑。",
            "三、政策机制。{mechanism}",
            "四、全民行动。倡导简约适度、绿色低碳的生活方式，开展节约型机关、绿色家庭、绿色社区"
            "创建行动。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-gov",
                21,
                "11-28",
                "如皋市人民政府关于印发《如皋市碳达峰实施方案》的通知",
                p={
                    "doc_short": "碳达峰实施方案",
                    "intro": "现将《如皋市碳达峰实施方案》印发给你们，请认真贯彻落实。",
                    "goal": "到2025年，单位地区生产总值能耗和二氧化碳排放确保完成上级下达目标；"
                    "到2030年，非化石能源消费比重进一步提高，二氧化碳排放量达到峰值并实现稳中有降。"
                    "",
                    "goal_short": "到2030年前二氧化碳排放量达到峰值",
                    "mechanism": "建立碳排放统计核算体系，将碳达峰碳中和目标纳入高质量发展考核；"
                    "支持企业参与全国碳排放权交易市场。",
                    "extra_short": "将碳达峰目标纳入高质量发展考核。",
                },
            ),
            V(
                2024,
                "rg-gov-office",
                31,
                "08-26",
                "如皋市人民政府办公室关于推动能耗双控逐步转向碳排放双控的实施意见",
                p={
                    "doc_short": "碳排放双控实施意见",
                    "intro": "推动能耗双控逐步转向碳排放总量和强度双控，提出如下实施意见。",
                    "goal": "“十五五”时期，实行以强度控制为主、总量控制为辅的碳排放双控制度，"
                    "建立重点企业碳排放核算、报告、核查和考核机制。",
                    "goal_short": "建立以强度控制为主的碳排放双控制度",
                    "mechanism": "对年综合能耗5000吨标准煤以上企业开展碳排放核算报告；支持企业开发"
                    "林业碳汇、光伏等CCER项目；建立碳普惠机制，对居民绿色出行、节能家电消费给予"
                    "积分奖励。",
                    "extra_short": "建立碳普惠机制，居民绿色出行可获积分奖励。",
                },
            ),
            V(
                2026,
                "rg-ecology",
                12,
                "10-12",
                "如皋市碳普惠管理办法（征求意见稿）",
                draft=True,
                p={
                    "doc_short": "碳普惠管理办法（征求意见稿）",
                    "intro": "建立鼓励公众和小微企业参与减排的碳普惠机制，制定本办法。",
                    "goal": "到2028年，碳普惠平台注册用户达到20万人，形成覆盖绿色出行、垃圾分类、"
                    "节约用电等场景的碳积分体系。",
                    "goal_short": "到2028年碳普惠平台注册用户达到20万人",
                    "mechanism": "居民通过公交出行、垃圾分类、光盘行动等低碳行为获得碳积分，可兑换"
                    "公交卡充值、文旅消费券等权益；小微企业减排量经核证后可参与区域碳普惠交易。",
                    "extra_short": "居民低碳行为可获碳积分兑换公交充值和文旅消费券。",
                },
            ),
        ),
        glossary=(
            ("碳达峰", "二氧化碳排放量达到历史最高值后由增转降的拐点。"),
            ("碳普惠", "对公众和小微企业的节能减碳行为进行量化、记录并给予激励的机制。"),
        ),
    ),
    F(
        no=60,
        audience="both",
        topics=("environment.carbon",),
        categories=("green",),
        industries=("44", "D"),
        stage="execution",
        summary=(
            "{area}推进分布式光伏发展，{goal_short}，对工商业屋顶分布式光伏项目{reward_short}，"
            "居民户用光伏可享受并网“一站式”服务，5个工作日内答复接入方案。"
        ),
        body=(
            "为优化能源结构，推动可再生能源高质量发展，现就推进分布式光伏发电项目建设通知如下。",
            "一、建设目标。{goal}",
            "二、支持政策。{reward}",
            "三、并网服务。供电企业为分布式光伏项目提供“一站式”并网服务，居民户用光伏并网"
            "申请在5个工作日内完成接入方案答复。",
            "四、安全管理。{safety}{clause}",
        ),
        variants=(
            V(
                2023,
                "rg-gov-office",
                17,
                "05-08",
                "如皋市人民政府办公室关于推进整市屋顶分布式光伏开发的通知",
                p={
                    "goal": "到2025年，全市新增分布式光伏装机容量30万千瓦，党政机关建筑屋顶"
                    "光伏覆盖率达到50%，工业厂房屋顶光伏覆盖率达到30%。",
                    "goal_short": "到2025年新增分布式光伏30万千瓦",
                    "reward": "对工商业屋顶分布式光伏项目，按装机容量给予每瓦0.1元一次性补助，"
                    "单个项目最高50万元。",
                    "reward_short": "按每瓦0.1元补助",
                    "safety": "光伏项目建设须符合建筑结构安全和消防安全要求，严禁在违章建筑上安装。"
                    "",
                },
            ),
            V(
                2025,
                "rg-miit",
                27,
                "06-05",
                "如皋市工业和信息化局关于推进工商业分布式光伏和储能协同发展的通知",
                p={
                    "goal": "2025年新增工商业分布式光伏10万千瓦、配套用户侧储能2万千瓦时，"
                    "推动重点用能企业绿电消费占比达到20%。",
                    "goal_short": "2025年新增工商业分布式光伏10万千瓦",
                    "reward": "对配建用户侧储能的光伏项目，按储能容量给予每千瓦时100元补助，"
                    "单个项目最高100万元；企业绿电消费量可按规定抵减能耗考核。",
                    "reward_short": "配建储能的按每千瓦时100元补助",
                    "safety": "储能设施须通过消防验收，电池储能电站实行全过程安全监管。",
                },
            ),
        ),
    ),
    F(
        no=61,
        audience="enterprises",
        topics=("urban-rural.old-factory",),
        categories=("land-space", "industry"),
        industries=("C",),
        stage="execution",
        summary=(
            "{area}推进旧厂房改造（工改工），{mode_short}；改造后提高容积率不再增收土地价款，"
            "{reward_short}因自身原因闲置满两年未动工的依法无偿收回。"
        ),
        body=(
            "为拓展产业转型升级发展空间，推动新旧动能转换，盘活存量低效工业用地，{intro}",
            "一、改造范围。{scope}",
            "二、改造模式。{mode}",
            "三、支持政策。在符合国土空间规划的前提下，对现有工业用地提高容积率、增加建筑面积的，"
            "不再增收土地价款。{reward}",
            "四、闲置土地处置。因自身原因闲置的土地，按出让合同约定处置；满两年未动工开发的，"
            "依法无偿收回国有建设用地使用权。",
            "五、工作机制。{mechanism}{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov",
                26,
                "07-21",
                "如皋市人民政府关于推进低效工业用地再开发的实施意见",
                p={
                    "intro": "提出如下实施意见。",
                    "scope": "容积率低于0.8、亩均税收低于5万元的工业用地，以及关停、闲置的"
                    "工业厂房。",
                    "mode": "鼓励原土地使用权人自主改造、企业兼并重组改造和政府收储改造三种模式。",
                    "mode_short": "支持自主改造、兼并重组和政府收储三种模式",
                    "reward": "对自主改造的，按新增建筑面积每平方米100元给予奖励。",
                    "reward_short": "自主改造按新增建筑面积每平方米100元奖励。",
                    "mechanism": "建立低效工业用地数据库，每年公布改造计划和完成情况。",
                },
            ),
            V(
                2022,
                "rg-gov",
                18,
                "08-09",
                "如皋市人民政府关于深入推进旧厂房改造促进高质量发展的实施意见",
                p={
                    "intro": "对2020年政策进行调整优化，提出如下实施意见。",
                    "scope": "容积率低于1.0、亩均税收低于10万元的工业用地，以及连片低效工业集中区。"
                    "",
                    "mode": "新增政府统租统管、村企合作、归宗改造等模式，通过签订搬迁补偿协议方式"
                    "实施归宗改造，推动连片成片改造。",
                    "mode_short": "新增政府统租统管、村企合作、归宗改造等模式",
                    "reward": "对自主改造的，按新增建筑面积每平方米150元给予奖励；改造后建设"
                    "高标准厂房的，再给予每平方米50元奖励；改造期间的搬迁企业由区镇提供周转厂房。",
                    "reward_short": "新增建筑面积每平方米最高奖励200元，改造期间提供周转厂房。",
                    "mechanism": "市级统筹力度加大，土地指标由“镇区自行调剂”和“市级统筹安排”分类解"
                    "决。",
                },
            ),
            V(
                2024,
                "rg-resources",
                11,
                "05-16",
                "如皋市自然资源和规划局关于旧厂房改造项目规划土地办理指引的通知",
                illustrated=True,
                interpret=True,
                p={
                    "intro": "现就规范旧厂房改造项目规划和用地手续办理有关事项通知如下。",
                    "scope": "已列入全市旧厂房改造年度计划的项目。",
                    "mode": "自主改造项目在签订补充出让合同后即可办理规划许可；归宗改造项目"
                    "实行“带方案”供地。",
                    "mode_short": "自主改造签订补充出让合同即可办理规划许可",
                    "reward": "工业用地容积率上限提高到3.0，对建设多层标准厂房的，建筑密度可放宽"
                    "到60%；配套行政办公及生活服务设施用地面积占比可提高到15%。",
                    "reward_short": "容积率上限提高到3.0，配套用地占比可提高到15%。",
                    "mechanism": "实行规划审批、施工许可、竣工验收“并联办理”，审批时限压缩至20个"
                    "工作日以内。",
                },
            ),
        ),
        glossary=(
            ("工改工", "将现有低效工业用地改造为新型产业用地或高标准厂房，用途仍为工业。"),
            ("归宗改造", "通过签订搬迁补偿协议等方式，将分散的土地权属归集到同一主体后整体改造。"),
            (
                "自身原因闲置土地",
                "除政府、政府有关部门行为或自然灾害等不可抗力外，因自身原因导致闲置的土地。",
            ),
        ),
        qa=(
            (
                "旧厂房改造提高容积率要补交土地出让金吗？",
                "不需要。在符合规划的前提下，现有工业用地提高容积率的，不再增收土地价款。",
            ),
            (
                "改造期间企业搬到哪里生产？",
                "区镇（街道）要做好改造期间工厂搬迁对接，提供周转厂房。",
            ),
            (
                "土地闲置两年会怎样？",
                "因自身原因满两年未动工开发的，依法无偿收回国有建设用地使用权。",
            ),
        ),
        guide=G(
            dept="rg-resources",
            conditions=("项目已列入旧厂房改造年度计划", "改造后仍为工业用途", "符合国土空间规划"),
            materials=(
                ("旧厂房改造申请书", "含改造方案和建设计划"),
                ("不动产权证书", "复印件"),
                ("规划设计方案", "由设计单位出具"),
            ),
            steps=(
                "提交改造申请",
                "联合审查改造方案",
                "签订补充出让合同",
                "办理规划和施工许可",
                "竣工验收",
            ),
        ),
        cards=(
            "哪些能改：列入年度计划的低效工业用地",
            "怎么改：{mode_short}",
            "容积率：{reward_short}",
            "办理：规划、施工、验收并联办理",
            "闲置两年未动工：依法无偿收回",
        ),
        background="旧厂房改造是破解产业发展空间瓶颈的重要途径，为方便企业办理规划土地手续制定本指"
        "引。",
        points=("{mode_short}", "{reward_short}", "审批时限压缩至20个工作日以内"),
    ),
    F(
        no=62,
        audience="enterprises",
        topics=("industry-it.sme",),
        categories=("land-space", "relief"),
        industries=("C",),
        stage="service",
        summary=(
            "{area}小微企业入驻标准厂房和小微企业园的，{rent_short}；对建设小微企业园的主体"
            "{build_short}入驻企业须为符合产业政策和环保、安全要求的小微工业企业。"
        ),
        body=(
            "为解决小微企业生产经营场地难题，引导小微企业集聚发展，现就支持小微企业园和"
            "标准厂房建设有关事项通知如下。",
            "一、租金补贴。{rent}",
            "二、建设奖励。{build}",
            "三、入园条件。入驻企业须为本市注册的小微工业企业，符合产业政策和环保、安全要求，"
            "单位面积产出达到园区入园标准。",
            "四、管理要求。标准厂房不得分割转让给不符合条件的企业，不得改变工业用途。",
            "五、服务保障。园区运营主体应为入驻企业提供物业、政策咨询、融资对接等配套服务，"
            "市工业和信息化局每年对园区开展星级评定。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-miit",
                28,
                "06-02",
                "如皋市工业和信息化局关于支持小微企业入驻标准厂房的通知",
                p={
                    "rent": "对新入驻标准厂房的小微工业企业，前两年按每平方米每月3元给予租金补贴，"
                    "单户每年最高20万元。",
                    "rent_short": "前两年按每平方米每月3元补贴租金",
                    "build": "对社会资本建设小微企业园、建筑面积5万平方米以上的，按每平方米20元"
                    "给予奖励。",
                    "build_short": "按每平方米20元奖励。",
                },
            ),
            V(
                2024,
                "rg-miit",
                30,
                "07-08",
                "如皋市工业和信息化局 如皋市自然资源和规划局关于推进小微企业园提质增效的通知",
                p={
                    "rent": "对入驻星级小微企业园的企业，前三年按每平方米每月4元、3元、2元给予"
                    "租金补贴；对专精特新企业入驻的，补贴期限延长至5年。",
                    "rent_short": "前三年分别按每平方米每月4元、3元、2元补贴",
                    "build": "对评为省级星级小微企业园的，奖励50万元；园区建设用地在符合规划的"
                    "前提下可按幢、层分割登记。",
                    "build_short": "获评省级星级园区的奖励50万元。",
                },
            ),
        ),
    ),
)


# =============================================================================================
# Families — 金融支持、市场开拓、纾困帮扶、减费降负、营商环境
# =============================================================================================

_FAMILIES_MARKET: tuple[F, ...] = (
    F(
        no=63,
        audience="enterprises",
        topics=("business-environment.financing",),
        categories=("finance",),
        stage="service",
        summary=(
            "{area}对首次获得银行贷款的小微企业和个体工商户实施首贷贴息，按贷款利息的{ratio}给予"
            "贴息，单户最高{cap}万元，贴息期限{term}；{extra_short}"
        ),
        body=(
            "为破解小微企业“首贷难”问题，降低融资成本，现就实施首贷贴息有关事项通知如下。",
            "一、支持对象。在本市注册、{since}首次从银行业金融机构获得经营性贷款（即此前在人民银行"
            "征信系统中无经营性贷款记录）的小微企业和个体工商户。",
            "二、贴息标准。按实际支付贷款利息的{ratio}给予贴息，单户企业最高{cap}万元，贴息期限"
            "不超过{term}。{extra}",
            "三、首贷服务。各合作银行在市政务服务中心设立首贷服务窗口，对首贷企业实行“专人对接、"
            "限时办结”，贷款审批时间原则上不超过7个工作日。",
            "四、申请方式。企业在贷款结清或满一年后，通过本小程序“惠企政策”栏目或到市财政局窗口"
            "提交申请，经合作银行确认、财政审核后拨付贴息资金。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-finance",
                16,
                "05-24",
                "如皋市财政局 中国人民银行如皋市支行关于实施小微企业首贷贴息的通知",
                p={
                    "since": "2022年1月1日以后",
                    "ratio": "50%",
                    "cap": "5",
                    "term": "1年",
                    "extra": "",
                    "extra_short": "合作银行在市政务服务中心设立首贷服务窗口。",
                },
            ),
            V(
                2024,
                "rg-finance",
                12,
                "04-09",
                "如皋市财政局 中国人民银行如皋市支行关于延续实施首贷贴息并扩大支持范围的通知",
                p={
                    "since": "2024年1月1日以后",
                    "ratio": "50%",
                    "cap": "10",
                    "term": "1年",
                    "extra": "对科技型中小企业、专精特新企业的首笔信用贷款，贴息比例提高到80%。",
                    "extra_short": "科技型、专精特新企业首笔信用贷款贴息比例提高到80%。",
                },
            ),
        ),
        glossary=(
            ("首贷", "企业在人民银行征信系统中无经营性贷款记录时，首次获得的银行经营性贷款。"),
        ),
        qa=(
            (
                "以前办过个人房贷，还算首贷吗？",
                "首贷以经营性贷款为准，个人住房贷款等消费类贷款不影响首贷认定。",
            ),
            (
                "首贷贴息最多能拿多少？",
                "按实际支付利息的{ratio}贴息，单户最高{cap}万元。",
            ),
        ),
        guide=G(
            dept="rg-finance",
            conditions=(
                "本市注册的小微企业或个体工商户",
                "{since}首次获得经营性贷款",
                "按期还本付息",
            ),
            materials=(
                ("首贷贴息申请表", "加盖公章"),
                ("借款合同和利息支付凭证", "银行出具"),
                ("企业征信报告", "显示为首次经营性贷款"),
            ),
            steps=("贷款结清或满一年后提出申请", "合作银行确认", "财政审核公示", "拨付贴息"),
        ),
    ),
    F(
        no=64,
        audience="enterprises",
        topics=("business-environment.financing",),
        categories=("finance", "relief"),
        stage="service",
        summary=(
            "{area}设立{size}元小微企业转贷应急资金，为贷款到期、资金周转困难的企业提供过桥"
            "资金，资金使用费为{fee}，单笔最高{cap}万元，使用期限不超过{days}天，"
            "运营机构在2个工作日内完成审核。"
        ),
        body=(
            "为帮助企业解决贷款到期续贷资金周转难题，防范企业资金链断裂风险，现就转贷应急资金"
            "使用管理有关事项通知如下。",
            "一、资金规模。市财政出资设立转贷应急资金{size}元，委托市国有融资担保公司运营管理。",
            "二、支持对象。在本市注册、生产经营正常、银行贷款即将到期且合作银行已出具续贷意向的"
            "中小微企业。{object_extra}",
            "三、使用标准。单笔使用金额最高{cap}万元，使用期限不超过{days}天，资金使用费为{fee}。",
            "四、办理程序。企业向运营机构提出申请，运营机构在2个工作日内完成审核，资金直接划入"
            "企业在合作银行的还款账户，银行续贷发放后资金直接归还转贷应急资金账户。",
            "五、风险防控。企业套取转贷资金挪作他用的，纳入失信名单，由运营机构依法追偿。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-finance",
                21,
                "03-25",
                "如皋市财政局关于印发《如皋市小微企业转贷应急资金管理办法》的通知",
                p={
                    "size": "5000万",
                    "object_extra": "",
                    "cap": "1000",
                    "days": "10",
                    "fee": "日费率0.1‰",
                },
            ),
            V(
                2023,
                "rg-finance",
                13,
                "02-16",
                "如皋市财政局关于扩大转贷应急资金规模并降低使用费率的通知",
                p={
                    "size": "1亿",
                    "object_extra": "个体工商户和小微企业主经营性贷款续贷的，可参照申请。",
                    "cap": "2000",
                    "days": "15",
                    "fee": "日费率0.05‰，使用3天以内的免收使用费",
                },
            ),
        ),
        guide=G(
            dept="rg-finance",
            conditions=("本市注册的中小微企业", "贷款即将到期", "合作银行出具续贷意向书"),
            materials=(
                ("转贷应急资金使用申请表", "加盖公章"),
                ("原借款合同", "复印件"),
                ("银行续贷意向书", "原件"),
            ),
            steps=("企业申请", "运营机构2个工作日内审核", "资金划入还款账户", "续贷发放后归还"),
            place="如皋市国有融资担保公司服务窗口（市政务服务中心四楼）",
        ),
    ),
    F(
        no=65,
        audience="enterprises",
        topics=("business-environment",),
        categories=("market", "finance"),
        industries=("C", "51"),
        stage="service",
        summary=(
            "{area}支持外贸企业投保出口信用保险，对短期出口信用保险保费给予{ratio}补贴，"
            "{small_short}，{extra_short}企业于{win_cn}提交保单和保费支付凭证申请补贴。"
        ),
        body=(
            "为帮助外贸企业防范收汇风险、稳订单拓市场，现就{year}年出口信用保险保费补贴工作"
            "通知如下。",
            "一、支持对象。在本市注册、具有进出口经营资格的外贸企业。",
            "二、补贴标准。对企业投保短期出口信用保险的保费，按{ratio}给予补贴；{small}{extra}",
            "三、统保平台。市商务局联合中国出口信用保险公司江苏分公司实施小微外贸企业出口信用"
            "保险统保，统保范围内企业保费由财政全额承担。",
            "四、申报方式。企业于{win_cn}通过本小程序“惠企政策”栏目或市商务局窗口提交保单和"
            "保费支付凭证，审核后拨付补贴。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-commerce",
                9,
                "04-13",
                "如皋市商务局 如皋市财政局关于做好2020年出口信用保险保费补贴工作的通知",
                window=("11-01", "11-30"),
                p={
                    "ratio": "50%",
                    "small": "上年度出口额300万美元以下的小微外贸企业，补贴比例提高到70%。",
                    "small_short": "小微外贸企业补贴比例提高到70%",
                    "extra": "",
                    "extra_short": "统保范围内小微企业保费由财政全额承担。",
                },
            ),
            V(
                2022,
                "rg-commerce",
                7,
                "03-31",
                "如皋市商务局 如皋市财政局关于加大出口信用保险支持力度稳外贸的通知",
                window=("03-31", "11-30"),
                p={
                    "ratio": "60%",
                    "small": "小微外贸企业补贴比例提高到80%。",
                    "small_short": "小微外贸企业提高到80%",
                    "extra": "对受疫情影响出现收汇风险的企业，出口信保公司开辟理赔绿色通道，"
                    "对符合条件的先行赔付。",
                    "extra_short": "开辟理赔绿色通道。",
                },
            ),
            V(
                2024,
                "rg-commerce",
                6,
                "03-27",
                "如皋市商务局 如皋市财政局关于做好2024年外贸企业出口信保和稳外贸工作的通知",
                window=("04-01", "11-30"),
                illustrated=True,
                p={
                    "ratio": "60%",
                    "small": "小微外贸企业补贴比例提高到80%；首次投保的企业，首年保费全额补贴。",
                    "small_short": "小微外贸企业提高到80%，首次投保首年全额补贴",
                    "extra": "鼓励企业开拓“一带一路”沿线国家和RCEP成员国市场，对出口至上述市场"
                    "的保单，补贴比例再提高10个百分点。",
                    "extra_short": "出口至“一带一路”和RCEP市场的再提高10个百分点。",
                },
            ),
        ),
        glossary=(
            (
                "出口信用保险",
                "国家为推动出口而设立的政策性保险，承保出口企业因买方或买方国家原因导致的收汇损失。"
                "",
            ),
            ("短期险", "信用期限不超过一年的出口信用保险，适用于一般贸易出口。"),
        ),
        qa=(
            (
                "出口信保保费能补贴多少？",
                "按{ratio}给予补贴，{small_short}。",
            ),
            (
                "小微外贸企业没买过出口信保可以申请统保吗？",
                "可以，统保范围内的小微外贸企业保费由财政全额承担。",
            ),
        ),
        guide=G(
            dept="rg-commerce",
            conditions=("本市注册的外贸企业", "具有进出口经营资格", "已投保短期出口信用保险"),
            materials=(
                ("出口信保保费补贴申请表", "加盖公章"),
                ("出口信用保险保单", "复印件"),
                ("保费支付凭证", "银行回单"),
            ),
            steps=("提交申请", "市商务局审核", "公示", "拨付补贴"),
        ),
        cards=(
            "补贴比例：保费的{ratio}",
            "小微企业：{small_short}",
            "统保：小微外贸企业保费财政全额承担",
            "{extra_short}",
        ),
    ),
    F(
        no=66,
        audience="enterprises",
        topics=("business-environment",),
        categories=("market",),
        industries=("C", "51", "52"),
        stage="service",
        summary=(
            "{area}支持企业开拓国内外市场：参加境外展会的按展位费{booth}给予补助，"
            "{ecommerce_short}，{extra_short}企业应于展会或活动结束后3个月内提交申请。"
        ),
        body=(
            "为鼓励企业积极开拓国内外市场，培育外贸新业态新模式，现就{year}年市场开拓扶持"
            "政策通知如下。",
            "一、境外展会。企业参加市商务局发布的重点境外展会目录内展会的，按展位费{booth}给予"
            "补助，每家企业每年最多补助{times}个展会。",
            "二、跨境电商。{ecommerce}",
            "三、国内市场。{domestic}",
            "四、申报要求。企业于展会或活动结束后3个月内提交申请，提供参展合同、展位费发票、"
            "参展照片等材料。",
            "五、资金管理。同一展会已获得省级以上财政资金支持的，市级按差额补足；对虚报参展"
            "费用的企业，追回补助资金并取消三年内申报资格。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-commerce",
                12,
                "04-20",
                "如皋市商务局 如皋市财政局关于支持企业开拓国际市场的通知",
                p={
                    "booth": "50%",
                    "times": "3",
                    "ecommerce": "对首次在第三方跨境电商平台开设店铺、年销售额达到50万美元的企业，"
                    "给予5万元奖励。",
                    "ecommerce_short": "跨境电商年销售50万美元以上的奖励5万元",
                    "domestic": "对参加中国国际进口博览会等国家级展会的，按展位费的30%给予补助。",
                    "extra_short": "每家企业每年最多补助3个展会。",
                },
            ),
            V(
                2023,
                "rg-commerce",
                10,
                "03-14",
                "如皋市商务局关于组织企业“出海抢订单”拓市场的通知",
                p={
                    "booth": "70%",
                    "times": "5",
                    "ecommerce": "对跨境电商企业建设海外仓的，按仓储面积每平方米100元给予一次性补助"
                    "，"
                    "最高50万元。",
                    "ecommerce_short": "建设海外仓的最高补助50万元",
                    "domestic": "组织企业参加广交会、华交会，由市商务局统一组团并承担特装布展费用。"
                    "",
                    "extra_short": "参加广交会、华交会由市商务局统一组团。",
                },
            ),
            V(
                2025,
                "rg-commerce",
                8,
                "03-10",
                "如皋市商务局 如皋市财政局关于印发《如皋市2025年外贸稳规模优结构若干措施》的通知",
                p={
                    "booth": "60%",
                    "times": "5",
                    "ecommerce": "对跨境电商B2B出口年度超过100万美元的企业，按出口额每美元0.02元"
                    "给予奖励，最高30万元；支持企业参加跨境电商平台“品牌出海”培训。",
                    "ecommerce_short": "跨境电商B2B出口按每美元0.02元奖励",
                    "domestic": "支持外贸企业拓展内销市场，对参加“江苏优品·畅行全国”等内外贸一体化"
                    "活动的给予展位费全额补助。",
                    "extra_short": "内外贸一体化活动展位费全额补助。",
                },
            ),
        ),
        guide=G(
            dept="rg-commerce",
            conditions=("本市注册企业", "参加目录内展会或开展跨境电商业务"),
            materials=(
                ("市场开拓资金申请表", "加盖公章"),
                ("参展合同、展位费发票", "复印件"),
                ("参展照片或跨境电商销售数据", "电子版"),
            ),
            steps=("活动结束后3个月内申请", "市商务局审核", "公示", "拨付资金"),
        ),
    ),
    F(
        no=67,
        audience="enterprises",
        topics=("finance-tax.procurement",),
        categories=("market",),
        stage="management",
        summary=(
            "{area}政府采购支持中小企业：{reserve_short}，对小微企业报价给予{discount}的价格扣除，"
            "采购人不得以企业规模条件对中小企业实行差别待遇，{extra_short}"
        ),
        body=(
            "为发挥政府采购政策功能，促进中小企业发展，根据《政府采购促进中小企业发展管理办法》，"
            "现就有关事项通知如下。",
            "一、预留份额。{reserve}",
            "二、价格评审优惠。对未预留份额专门面向中小企业采购的项目，以及预留份额项目中的非"
            "预留部分，对小微企业报价给予{discount}的扣除，用扣除后的价格参加评审。",
            "三、降低门槛。采购人不得以企业注册资本、资产总额、营业收入、从业人员等规模条件对"
            "中小企业实行差别待遇或歧视待遇。{extra}",
            "四、资金支付。采购人应在收到发票后{days}日内支付款项，不得以机构变动、人员更替、"
            "履行内部付款流程等为由拒绝或延迟支付。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-finance",
                8,
                "03-12",
                "如皋市财政局关于落实政府采购支持中小企业发展政策的通知",
                p={
                    "reserve": "采购限额标准以上、200万元以下的货物和服务采购项目，"
                    "400万元以下的工程"
                    "采购项目，适宜由中小企业提供的，采购人应当专门面向中小企业采购。",
                    "reserve_short": "200万元以下货物服务项目专门面向中小企业",
                    "discount": "6%至10%",
                    "extra": "",
                    "days": "30",
                    "extra_short": "采购人应在收到发票后30日内付款。",
                },
            ),
            V(
                2022,
                "rg-finance",
                19,
                "07-20",
                "如皋市财政局关于进一步加大政府采购支持中小企业力度的通知",
                p={
                    "reserve": "超过200万元的货物和服务采购项目、超过400万元的工程采购项目中适宜"
                    "由中小企业提供的，预留该部分采购项目预算总额的40%以上专门面向中小企业采购，"
                    "其中预留给小微企业的比例不低于70%。",
                    "reserve_short": "预留份额提高到40%以上",
                    "discount": "10%至20%",
                    "extra": "推行政府采购合同融资，中小企业可凭中标通知书和采购合同向合作银行申请"
                    "无抵押信用贷款。",
                    "days": "30",
                    "extra_short": "中小企业可凭采购合同申请合同融资贷款。",
                },
            ),
            V(
                2024,
                "rg-finance",
                10,
                "03-18",
                "如皋市财政局关于优化政府采购营商环境的通知",
                p={
                    "reserve": "继续执行预留份额政策，预留份额比例不低于40%；对采购需求标准、"
                    "评审因素设置不合理的，实行采购文件“事前公示、公开质疑”。",
                    "reserve_short": "预留份额不低于40%",
                    "discount": "10%至20%",
                    "extra": "全面取消投标保证金，推行履约保证金以保函替代，履约保证金比例不超过"
                    "合同金额的5%，对中小企业降低到2.5%。",
                    "days": "10",
                    "extra_short": "全面取消投标保证金，中小企业履约保证金降至2.5%。",
                },
            ),
        ),
        qa=(
            (
                "小微企业参加政府采购有什么优惠？",
                "对小微企业报价给予{discount}的扣除，用扣除后的价格参加评审。",
            ),
            (
                "采购人多久要付款？",
                "采购人应在收到发票后{days}日内支付款项。",
            ),
        ),
    ),
    F(
        no=68,
        audience="enterprises",
        topics=("business-environment",),
        categories=("relief", "fiscal-tax", "finance"),
        stage="execution",
        summary=(
            "{area}出台{doc_short}，从财政、金融、稳岗、保供、纾困等方面推出{count}条措施，"
            "包括{key_short}，帮助市场主体渡过难关。"
        ),
        body=(
            "为贯彻落实国务院扎实稳住经济一揽子政策措施，帮助市场主体纾困解难，{intro}",
            "一、财政政策。{fiscal}",
            "二、金融政策。推动普惠小微贷款增量扩面，对受疫情影响暂时遇到困难的中小微企业和"
            "个体工商户贷款，实行延期还本付息，做到应延尽延。",
            "三、稳岗政策。{jobs}",
            "四、保障产业链供应链稳定。建立重点企业“白名单”，保障物流运输畅通，对货车司机实行"
            "闭环管理、便利通行。",
            "五、纾困帮扶。{relief}{clause}",
        ),
        variants=(
            V(
                2022,
                "js-gov-office",
                19,
                "03-29",
                "江苏省人民政府办公厅关于印发进一步帮助市场主体纾困解难着力稳定经济增长若干政策措施"
                "的通知",
                p={
                    "doc_short": "帮助市场主体纾困解难若干政策措施",
                    "intro": "现将有关政策措施印发给你们，请认真贯彻执行。",
                    "count": "42",
                    "fiscal": "落实增值税留抵退税政策，对小规模纳税人、小型微利企业和个体工商户"
                    "按50%顶格减征“六税两费”。",
                    "jobs": "延续实施阶段性降低失业保险、工伤保险费率政策，扩大稳岗返还受益面。",
                    "relief": "对服务业小微企业和个体工商户承租国有房屋的，2022年减免3个月租金。",
                    "key_short": "留抵退税、“六税两费”减征和国有房屋租金减免",
                },
            ),
            V(
                2022,
                "nt-gov",
                12,
                "06-08",
                "南通市人民政府关于贯彻落实稳经济一揽子政策措施的实施意见",
                p={
                    "doc_short": "贯彻落实稳经济一揽子政策措施的实施意见",
                    "intro": "结合南通实际，提出如下实施意见。",
                    "count": "36",
                    "fiscal": "加快财政支出进度，专项债券资金6月底前基本发行完毕；加大政府采购"
                    "支持中小企业力度。",
                    "jobs": "对中小微企业招用毕业年度高校毕业生的，按每人1500元发放一次性扩岗补助。"
                    "",
                    "relief": "对被列为疫情中高风险地区所在县级行政区域内的服务业小微企业和个体"
                    "工商户承租国有房屋的，2022年减免6个月租金。",
                    "key_short": "专项债加快发行、一次性扩岗补助和国有房屋租金减免6个月",
                },
            ),
            V(
                2022,
                "rg-gov",
                20,
                "06-20",
                "如皋市人民政府关于印发《如皋市稳经济运行若干政策措施》的通知",
                exp="2022-12-31",
                interpret=True,
                p={
                    "doc_short": "稳经济运行若干政策措施",
                    "intro": "结合我市实际，制定如下政策措施。",
                    "count": "30",
                    "fiscal": "设立2亿元稳经济专项资金，对二季度工业用电量增长的企业给予奖励；"
                    "实行涉企财政资金“免申即享”。",
                    "jobs": "对企业吸纳重点群体就业的，一次性吸纳就业补贴提高到每人2000元。",
                    "relief": "对承租市属国有企业经营用房的服务业小微企业和个体工商户，减免6个月"
                    "租金；对餐饮、住宿、零售企业的水电气费用实行“欠费不停供”。",
                    "key_short": "2亿元稳经济专项资金、涉企资金免申即享和国有房租减免6个月",
                },
            ),
        ),
        background="为应对经济下行压力，落实国家稳经济一揽子政策，市政府研究出台稳经济运行若干政策"
        "措施。",
        points=(
            "设立2亿元稳经济专项资金",
            "涉企财政资金实行免申即享",
            "承租市属国有房屋的小微企业和个体工商户减免6个月租金",
        ),
        qa=(
            (
                "哪些企业可以减免房租？",
                "{relief}",
            ),
            (
                "稳经济政策有哪些主要内容？",
                "共{count}条措施，包括{key_short}。",
            ),
        ),
    ),
    F(
        no=69,
        audience="enterprises",
        topics=("business-environment",),
        categories=("relief", "land-space"),
        industries=("F", "H", "O"),
        stage="execution",
        summary=(
            "{area}对承租市属国有企业经营性房屋的{target_short}减免租金{months}，"
            "{extra_short}已缴纳的租金可抵扣以后月份租金或予以退还，转租的须确保减免政策惠及实际承"
            "租人。"
        ),
        body=(
            "为减轻{reason}对服务业小微企业和个体工商户的影响，经市政府同意，现就减免国有房屋"
            "租金有关事项通知如下。",
            "一、减免对象。承租市属国有企业、行政事业单位经营性房屋的{target}",
            "二、减免标准。{standard}",
            "三、转租处理。承租人转租的，出租人须确保减免租金政策惠及最终承租人，由转租方与"
            "最终承租人同步签订减免协议。",
            "四、办理方式。承租人向出租单位提交申请，出租单位在10个工作日内完成审核并签订减免协议，"
            "已缴纳的租金可抵扣以后月份租金或予以退还。{extra}{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov-office",
                11,
                "02-18",
                "如皋市人民政府办公室关于减免中小企业国有房屋租金的通知",
                p={
                    "reason": "新冠肺炎疫情",
                    "target": "中小企业和个体工商户。",
                    "target_short": "中小企业和个体工商户",
                    "months": "2个月、减半收取3个月",
                    "standard": "免收2020年2月、3月两个月租金，4月至6月租金减半收取。",
                    "extra": "",
                    "extra_short": "",
                },
            ),
            V(
                2022,
                "rg-gov-office",
                33,
                "07-04",
                "如皋市人民政府办公室关于做好服务业小微企业和个体工商户房屋租金减免工作的通知",
                p={
                    "reason": "疫情",
                    "target": "服务业小微企业和个体工商户，重点为餐饮、住宿、零售、文化旅游、"
                    "交通运输等行业。",
                    "target_short": "服务业小微企业和个体工商户",
                    "months": "6个月",
                    "standard": "2022年减免6个月租金，可采取直接减免或分期抵扣方式。",
                    "extra": "非国有房屋出租人减免租金的，可按规定减免当年房产税、城镇土地使用税。",
                    "extra_short": "非国有房屋出租人减免租金的可享受房产税、城镇土地使用税减免，",
                },
            ),
        ),
    ),
    F(
        no=70,
        audience="enterprises",
        topics=("finance-tax.tax-relief",),
        categories=("fee-reduction",),
        stage="management",
        summary=(
            "{area}公布{year}年涉企行政事业性收费和政府性基金目录清单，清单内保留收费项目{count}项"
            "，"
            "{extra_short}清单之外一律不得收费，企业可通过12345热线或本小程序“投诉建议”栏目反映违规"
            "收费问题。"
        ),
        body=(
            "为进一步规范涉企收费行为，切实减轻企业负担，根据国家和省有关规定，现将{year}年"
            "涉企收费目录清单公布如下。",
            "一、行政事业性收费。{fees}",
            "二、政府性基金。保留政府性基金项目包括地方水利建设基金、残疾人就业保障金、文化"
            "事业建设费等。{fund_extra}",
            "三、清单管理。目录清单实行动态调整，清单之外一律不得向企业收费。对违规收费行为，"
            "企业可通过12345政务服务便民热线或本小程序“投诉建议”栏目反映。",
            "四、监督检查。市市场监督管理局会同财政、发展改革部门每年开展涉企收费专项检查，"
            "检查结果向社会公开。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-finance",
                11,
                "02-26",
                "如皋市财政局关于公布2021年如皋市涉企行政事业性收费目录清单的通知",
                p={
                    "count": "18",
                    "fees": "本市现行涉企行政事业性收费项目共18项，主要包括不动产登记费、"
                    "污水处理费、土地复垦费等，收费标准按国家和省规定执行。",
                    "fund_extra": "",
                    "extra_short": "",
                },
            ),
            V(
                2023,
                "rg-finance",
                14,
                "03-03",
                "如皋市财政局关于公布2023年如皋市涉企收费目录清单的通知",
                p={
                    "count": "15",
                    "fees": "本市现行涉企行政事业性收费项目共15项。与上年相比，取消3项，"
                    "小微企业不动产登记费继续免收。",
                    "fund_extra": "对在职职工总数30人（含）以下的企业，免征残疾人就业保障金。",
                    "extra_short": "30人以下企业免征残疾人就业保障金，",
                },
            ),
            V(
                2025,
                "rg-finance",
                9,
                "02-28",
                "如皋市财政局关于公布2025年如皋市涉企收费目录清单的通知",
                p={
                    "count": "13",
                    "fees": "本市现行涉企行政事业性收费项目共13项，同时公布涉企经营服务性收费、"
                    "行业协会商会收费清单，首次将中介服务收费纳入清单管理。",
                    "fund_extra": "残疾人就业保障金实行分档减缴，安排残疾人就业比例1%以上但未达到"
                    "1.5%的，按规定应缴费额的50%缴纳。",
                    "extra_short": "首次将中介服务收费纳入清单管理，",
                },
            ),
        ),
    ),
    F(
        no=71,
        audience="enterprises",
        topics=("business-environment",),
        categories=("relief",),
        industries=("F", "H", "O"),
        stage="service",
        summary=(
            "{area}扶持个体工商户发展，{support_short}，对成长型、发展型个体工商户实施“个转企”培育"
            "；个体工商户可通过本小程序查询政策并在线"
            "申请，{extra_short}"
        ),
        body=(
            "为贯彻落实《促进个体工商户发展条例》，帮助个体工商户稳定经营，现就扶持个体工商户"
            "发展有关事项通知如下。",
            "一、登记便利。个体工商户登记实行“一网通办”，全程电子化办理；{register}",
            "二、扶持政策。{support}",
            "三、分型分类。将个体工商户分为生存型、成长型、发展型，对成长型、发展型个体工商户"
            "实施“个转企”培育，转型为企业后给予{convert}。",
            "四、权益保护。严禁对个体工商户违规收费、乱罚款、乱摊派，个体工商户可通过12345热线"
            "反映问题。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-market",
                20,
                "11-02",
                "如皋市市场监督管理局关于贯彻《促进个体工商户发展条例》扶持个体工商户发展的通知",
                p={
                    "register": "经营者可自主选择是否办理名称登记。",
                    "support": "个体工商户可享受增值税小规模纳税人免征政策和“六税两费”减征；"
                    "申请创业担保贷款的，最高30万元并享受贴息。",
                    "support_short": "落实税费减免和创业担保贷款贴息",
                    "convert": "5000元一次性奖励",
                    "extra_short": "“个转企”给予5000元奖励。",
                },
            ),
            V(
                2024,
                "rg-market",
                13,
                "05-14",
                "如皋市市场监督管理局关于开展个体工商户分型分类精准帮扶的通知",
                p={
                    "register": "个体工商户变更经营者实行“直接变更”，无需注销后重新登记。",
                    "support": "对“名特优新”个体工商户，优先推荐参加展会和消费季活动；对发展型"
                    "个体工商户，给予品牌培育、质量管理免费辅导。",
                    "support_short": "对“名特优新”个体工商户开展品牌培育和免费辅导",
                    "convert": "1万元一次性奖励，原个体工商户享受的优惠政策可延续",
                    "extra_short": "“个转企”给予1万元奖励并延续原有优惠。",
                },
            ),
        ),
    ),
    F(
        no=72,
        audience="both",
        topics=("business-environment.registration",),
        categories=("fee-reduction",),
        stage="service",
        summary=(
            "{area}企业开办实现{time}办结，营业执照、公章刻制、发票申领、社保登记、公积金开户等"
            "“一表填报、一网通办”，{free_short}市政务服务中心企业开办专区提供免费帮办代办服务。"
        ),
        body=(
            "为持续优化营商环境，进一步压缩企业开办时间，现就深化企业开办“一件事”改革有关事项"
            "通知如下。",
            "一、办理时限。企业开办全流程（营业执照、公章刻制、发票申领、员工参保登记、住房公积金"
            "企业缴存登记、银行预约开户）压缩至{time}以内。",
            "二、办理方式。申请人通过江苏省企业全链通平台或本小程序“企业开办”入口一次填报，"
            "各部门并联办理，营业执照、电子印章同步发放。{mode_extra}",
            "三、免费服务。{free}",
            "四、帮办代办。市政务服务中心设立企业开办专区，提供免费帮办代办服务。",
            "五、监督评价。企业开办各环节办理时间在本小程序实时公开，申请人可对办理服务进行"
            "“好差评”，差评事项由市政务服务管理部门督促整改。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-market",
                12,
                "05-08",
                "如皋市市场监督管理局关于进一步压缩企业开办时间的通知",
                p={
                    "time": "1个工作日",
                    "mode_extra": "",
                    "free": "新开办企业首套印章由市财政出资免费刻制。",
                    "free_short": "首套印章免费刻制。",
                },
            ),
            V(
                2023,
                "rg-market",
                16,
                "04-06",
                "如皋市市场监督管理局关于推行企业开办“0.5天办结”和“零成本”的通知",
                p={
                    "time": "0.5个工作日",
                    "mode_extra": "推行住所申报承诺制，申请人对住所真实性作出承诺即可办理登记。",
                    "free": "新开办企业首套印章免费刻制、税务UKey免费发放、营业执照免费邮寄，"
                    "实现企业开办“零成本”。",
                    "free_short": "实现首套印章、税务UKey、执照邮寄“零成本”。",
                },
            ),
        ),
        qa=(
            (
                "开办企业要多久？",
                "全流程压缩至{time}以内。",
            ),
            (
                "刻公章要花钱吗？",
                "{free}",
            ),
        ),
        guide=G(
            dept="rg-market",
            conditions=("申请人具有完全民事行为能力", "有符合规定的名称和住所"),
            materials=(
                ("企业登记申请书", "线上一表填报"),
                ("公司章程", "可使用标准化章程模板"),
                ("住所使用证明或承诺书", "实行住所申报承诺制的提交承诺书"),
            ),
            steps=(
                "一表填报",
                "部门并联审核",
                "领取营业执照和电子印章",
                "同步完成涉税、社保、公积金登记",
            ),
        ),
    ),
)


# =============================================================================================
# Families — 农业农村、生态环境
# =============================================================================================

_FAMILIES_RURAL: tuple[F, ...] = (
    F(
        no=73,
        audience="both",
        topics=("agriculture.insurance",),
        categories=("finance",),
        industries=("A", "01", "03"),
        stage="execution",
        summary=(
            "{year}年{area}政策性农业保险：水稻、小麦{grain_short}，保费财政补贴{subsidy}，"
            "{special_short}农户可通过村级协保员或本小程序投保，受灾后48小时内报案，"
            "承保机构达成赔偿协议后10日内支付赔款。"
        ),
        body=(
            "为发挥农业保险防灾减损、稳产保供作用，现就{year}年政策性农业保险工作通知如下。",
            "一、主要险种。{grain}",
            "二、保费补贴。种植业主险种保费由各级财政补贴{subsidy}，农户自缴{self}。{special}",
            "三、承保理赔。承保机构应做到“惠农政策、承保情况、理赔结果、服务标准、监管要求”"
            "五公开，承保到户、定损到户、理赔到户。受灾农户应在灾害发生后48小时内报案，"
            "承保机构在达成赔偿协议后10日内支付赔款。",
            "四、协保服务。各区镇（街道）设立农业保险服务站，村（居）配备协保员，协助做好"
            "宣传投保、查勘定损和理赔公示。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-agri",
                12,
                "03-20",
                "如皋市农业农村局 如皋市财政局关于做好2020年政策性农业保险工作的通知",
                p={
                    "grain": "水稻、小麦、玉米等粮食作物实行物化成本保险，水稻每亩保险金额600元、"
                    "小麦每亩保险金额450元；生猪、能繁母猪实行养殖保险。",
                    "grain_short": "每亩保额分别为600元、450元",
                    "subsidy": "80%",
                    "self": "20%",
                    "special": "",
                    "special_short": "",
                },
            ),
            V(
                2022,
                "rg-agri",
                10,
                "03-15",
                "如皋市农业农村局 如皋市财政局关于做好2022年政策性农业保险工作的通知",
                p={
                    "grain": "水稻、小麦实行完全成本保险，水稻每亩保险金额1000元、小麦每亩保险金额"
                    "800元，覆盖全市种粮大户、家庭农场和农民合作社。",
                    "grain_short": "实行完全成本保险，每亩保额分别为1000元、800元",
                    "subsidy": "80%",
                    "self": "20%",
                    "special": "新增桑园、设施蔬菜、食用菌大棚等地方特色险种，市财政补贴保费50%。",
                    "special_short": "新增桑园、设施蔬菜、食用菌等特色险种，",
                },
            ),
            V(
                2024,
                "rg-agri",
                9,
                "03-12",
                "如皋市农业农村局 如皋市财政局关于做好2024年政策性农业保险工作的通知",
                p={
                    "grain": "水稻、小麦完全成本保险和种植收入保险实现全覆盖，水稻每亩保险金额"
                    "1100元、小麦每亩保险金额900元。",
                    "grain_short": "完全成本和种植收入保险全覆盖，每亩保额1100元、900元",
                    "subsidy": "82.5%",
                    "self": "17.5%",
                    "special": "花木盆景、蚕茧、黑猪等特色险种，市财政补贴保费60%。",
                    "special_short": "花木盆景、蚕茧等特色险种补贴60%，",
                },
            ),
            V(
                2025,
                "rg-agri",
                8,
                "03-10",
                "如皋市农业农村局 如皋市财政局关于做好2025年政策性农业保险扩面增品提标工作的通知",
                p={
                    "grain": "水稻、小麦种植收入保险每亩保险金额分别提高到1200元、1000元，"
                    "推广气象指数保险和“保险+期货”试点。",
                    "grain_short": "收入保险每亩保额提高到1200元、1000元",
                    "subsidy": "82.5%",
                    "self": "17.5%",
                    "special": "对高标准农田种植的粮食作物，保险费率下浮10%；农户可通过本小程序"
                    "“农业保险”栏目在线投保和查询理赔进度。",
                    "special_short": "高标准农田内粮食作物费率下浮10%，",
                },
            ),
        ),
        glossary=(
            (
                "完全成本保险",
                "保险金额覆盖物化成本、土地成本和人工成本等农业生产总成本的农业保险。",
            ),
            ("种植收入保险", "保障农户因产量下降或价格波动导致种植收入损失的农业保险。"),
        ),
        qa=(
            (
                "种小麦每亩保多少钱？",
                "{grain}",
            ),
            (
                "受灾后怎么理赔？",
                "灾害发生后48小时内向承保机构或村协保员报案，承保机构查勘定损，"
                "达成协议后10日内支付赔款。",
            ),
        ),
        guide=G(
            dept="rg-agri",
            conditions=("在本市从事农业生产的农户或新型农业经营主体", "投保标的在保险责任范围内"),
            materials=(
                ("投保清单", "村级协保员协助填写"),
                ("居民身份证和银行账户", "用于理赔款发放"),
                ("土地承包或流转证明", "新型经营主体提供"),
            ),
            steps=(
                "向协保员或在线投保",
                "缴纳自缴部分保费",
                "受灾后48小时内报案",
                "查勘定损并理赔到户",
            ),
        ),
    ),
    F(
        no=74,
        audience="both",
        topics=("agriculture.farmland",),
        categories=(),
        industries=("01",),
        stage="execution",
        summary=(
            "{year}年{area}建设高标准农田{mu}万亩，亩均投入不低于{invest}元，重点实施土地平整、"
            "灌溉排水、田间道路和农田防护工程，建设内容、资金和施工单位在村务公开栏公示，"
            "{extra_short}"
        ),
        body=(
            "为落实“藏粮于地、藏粮于技”战略，提升耕地质量和粮食综合生产能力，现就{year}年"
            "高标准农田建设工作通知如下。",
            "一、建设任务。{year}年全市建设高标准农田{mu}万亩，其中改造提升{upgrade}万亩，"
            "项目涉及{towns}等区镇。",
            "二、建设标准。亩均财政投入不低于{invest}元，实现田成方、渠相连、路相通、旱能灌、"
            "涝能排，建成后耕地质量提升0.5个等级以上。{standard_extra}",
            "三、群众参与。项目规划设计阶段充分征求村民意见，施工期间聘请村民代表担任义务监督员，"
            "建设内容、资金和施工单位在村务公开栏公示。",
            "四、建后管护。落实“谁受益、谁管护”，明确管护主体和经费，建成的高标准农田全部上图"
            "入库，严禁“非农化”。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-agri",
                16,
                "04-06",
                "如皋市农业农村局关于下达2021年高标准农田建设任务的通知",
                p={
                    "mu": "6.5",
                    "upgrade": "2",
                    "towns": "搬经镇、磨头镇、江安镇",
                    "invest": "1500",
                    "standard_extra": "",
                    "extra_short": "建成后耕地质量提升0.5个等级以上。",
                },
            ),
            V(
                2023,
                "rg-agri",
                13,
                "03-28",
                "如皋市农业农村局关于推进2023年高标准农田建设的通知",
                p={
                    "mu": "7",
                    "upgrade": "3.5",
                    "towns": "白蒲镇、下原镇、九华镇、石庄镇",
                    "invest": "2400",
                    "standard_extra": "同步配套智慧灌溉、虫情测报等数字农业设施。",
                    "extra_short": "同步配套智慧灌溉和虫情测报设施。",
                },
            ),
            V(
                2025,
                "rg-agri",
                12,
                "03-25",
                "如皋市农业农村局关于实施2025年高标准农田整区域推进建设的通知",
                p={
                    "mu": "8",
                    "upgrade": "5",
                    "towns": "东陈镇、丁堰镇、吴窑镇、长江镇",
                    "invest": "3000",
                    "standard_extra": "以区镇为单元整区域推进，同步实施农田林网和生态沟渠建设。",
                    "extra_short": "以区镇为单元整区域推进。",
                },
            ),
        ),
        qa=(
            (
                "高标准农田建设要农户出钱吗？",
                "不需要，建设资金由各级财政投入，亩均投入不低于{invest}元。",
            ),
            (
                "建好的高标准农田可以建大棚或者养殖吗？",
                "高标准农田严禁“非农化”，确需建设设施农业的须依法办理设施农业用地备案，"
                "不得占用永久基本农田。",
            ),
        ),
    ),
    F(
        no=75,
        audience="both",
        topics=("agriculture.farmland",),
        industries=("01",),
        stage="result",
        kind="announcement",
        summary=(
            "如皋市{prev}年度高标准农田建设项目竣工验收结果公示：{count}个项目、{mu}万亩通过验收，"
            "完成投资{invest}万元，公示期为{win_cn}，群众可对工程质量提出异议。"
        ),
        body=(
            "根据《高标准农田建设评价激励实施办法》和省农业农村厅关于项目竣工验收的有关要求，"
            "市农业农村局组织对{prev}年度高标准农田建设项目进行了竣工验收，现将验收结果公示如下。",
            "一、验收情况。{prev}年度共实施高标准农田建设项目{count}个，建设面积{mu}万亩，完成"
            "总投资{invest}万元，新建和改造泵站{pumps}座、沟渠{canals}公里、田间道路{roads}公里。"
            "经验收组现场核查和资料审查，{count}个项目全部通过竣工验收。",
            "二、{detail}",
            "三、公示期间，对验收结果有异议的单位和个人，可通过电话、信函或本小程序“投诉建议”"
            "栏目向市农业农村局反映，反映问题应实事求是、具体明确。",
            "公示时间：{win_cn}。联系电话：0513-87515307。",
        ),
        variants=(
            V(
                2022,
                "rg-agri",
                21,
                "05-16",
                "如皋市2021年度高标准农田建设项目竣工验收结果公示",
                doc="皋农公示〔2022〕5号",
                window=("05-16", "05-22"),
                p={
                    "count": "6",
                    "mu": "6.5",
                    "invest": "9750",
                    "pumps": "58",
                    "canals": "142",
                    "roads": "96",
                    "detail": "项目区耕地质量平均提升0.6个等级，粮食亩产平均增加约50公斤。",
                },
            ),
            V(
                2024,
                "rg-agri",
                18,
                "05-20",
                "如皋市2023年度高标准农田建设项目竣工验收结果公示",
                doc="皋农公示〔2024〕4号",
                window=("05-20", "05-26"),
                p={
                    "count": "8",
                    "mu": "7",
                    "invest": "16800",
                    "pumps": "73",
                    "canals": "168",
                    "roads": "121",
                    "detail": "项目区新增智慧灌溉控制点210个、虫情测报站12座，农田灌溉水有效利用"
                    "系数达到0.65以上。",
                },
            ),
        ),
    ),
    F(
        no=76,
        audience="residents",
        topics=("environment.straw", "environment.air"),
        stage="management",
        kind="announcement",
        summary=(
            "{area}人民政府通告：秸秆禁烧时间为{period}，全市范围内禁止露天焚烧秸秆，{penalty_short"
            "}；"
            "鼓励秸秆还田和离田综合利用，{reward_short}群众可拨打12345热线举报焚烧行为。"
        ),
        body=(
            "为保护大气环境，保障人民群众身体健康和交通、航空安全，根据《中华人民共和国大气污染"
            "防治法》《江苏省大气污染防治条例》等规定，现就{year}年秸秆禁烧和综合利用有关事项"
            "通告如下。",
            "一、禁烧范围和时间。禁烧时间为{period}。在本市行政区域内禁止露天焚烧秸秆、落叶、"
            "枯草等产生烟尘污染的物质。",
            "二、综合利用。鼓励秸秆机械化还田和离田收储利用，{reward}",
            "三、法律责任。违反规定露天焚烧秸秆的，{penalty}构成犯罪的，依法追究刑事责任。",
            "四、网格监管。实行市、区镇、村、组四级网格化责任制，网格员负责巡查劝导，{monitor}",
            "五、举报方式。群众发现焚烧秸秆行为，可拨打12345政务服务便民热线或通过本小程序"
            "“投诉建议”栏目举报，经查证属实的给予奖励。",
            "特此通告。",
        ),
        variants=(
            V(
                2019,
                "rg-gov",
                2,
                "05-20",
                "如皋市人民政府关于2019年秸秆禁烧和综合利用的通告",
                doc="皋政通〔2019〕2号",
                p={
                    "period": "2019年5月20日至6月30日",
                    "reward": "对秸秆还田作业给予每亩20元补助。",
                    "reward_short": "还田作业每亩补助20元，",
                    "penalty": "由生态环境部门责令改正，对单位处1万元以上10万元以下罚款，"
                    "对个人处500元以上2000元以下罚款。",
                    "penalty_short": "违者对个人处500元以上2000元以下罚款",
                    "monitor": "利用高空瞭望视频监控系统实时监测火点。",
                },
            ),
            V(
                2021,
                "rg-gov",
                3,
                "05-18",
                "如皋市人民政府关于2021年夏季秸秆禁烧和综合利用的通告",
                doc="皋政通〔2021〕3号",
                p={
                    "period": "2021年5月18日至7月10日",
                    "reward": "对秸秆还田作业给予每亩25元补助，对秸秆离田收储企业按每吨30元给予补助"
                    "。",
                    "reward_short": "还田作业每亩补助25元，离田收储每吨补助30元，",
                    "penalty": "对个人处500元以上2000元以下罚款；焚烧秸秆造成火灾、交通事故的，"
                    "依法从重处理。",
                    "penalty_short": "违者对个人处500元以上2000元以下罚款",
                    "monitor": "对发现火点的，按网格追究村组责任。",
                },
            ),
            V(
                2023,
                "rg-gov",
                2,
                "05-22",
                "如皋市人民政府关于全年全域禁止露天焚烧秸秆的通告",
                doc="皋政通〔2023〕2号",
                p={
                    "period": "全年全域（自本通告发布之日起）",
                    "reward": "对秸秆还田作业给予每亩25元补助，对秸秆收储中心建设给予最高50万元补助"
                    "，"
                    "支持秸秆饲料化、基料化、燃料化利用。",
                    "reward_short": "秸秆收储中心建设最高补助50万元，",
                    "penalty": "对个人处500元以上2000元以下罚款，对单位处1万元以上10万元以下罚款。",
                    "penalty_short": "实行全年全域禁烧",
                    "monitor": "在全市布设秸秆焚烧视频监控点位120个，火点发现后30分钟内处置。",
                },
            ),
            V(
                2025,
                "rg-gov",
                3,
                "05-19",
                "如皋市人民政府关于2025年秸秆禁烧和综合利用工作的通告",
                doc="皋政通〔2025〕3号",
                illustrated=True,
                p={
                    "period": "全年全域，其中5月20日至7月10日、9月25日至11月20日为重点管控期",
                    "reward": "对秸秆还田作业给予每亩30元补助，秸秆用作食用菌基料和饲料的，"
                    "按每吨50元给予收储利用补助。",
                    "reward_short": "秸秆用作食用菌基料和饲料的每吨补助50元，",
                    "penalty": "对个人处500元以上2000元以下罚款，对单位处1万元以上10万元以下罚款，"
                    "相关信息纳入社会信用记录。",
                    "penalty_short": "违者罚款并纳入社会信用记录",
                    "monitor": "运用无人机和高空瞭望视频监控，火点信息同步推送至网格员手机端。",
                },
            ),
        ),
        qa=(
            (
                "烧秸秆会被罚多少钱？",
                "{penalty}",
            ),
            (
                "秸秆不烧怎么处理？",
                "可机械化还田或交给收储中心离田利用，{reward}",
            ),
        ),
        cards=(
            "禁烧时间：全年全域，夏秋两季重点管控",
            "还田补助：每亩30元",
            "处罚：个人500元至2000元，单位1万元至10万元",
            "举报：12345热线或小程序“投诉建议”",
        ),
    ),
    F(
        no=77,
        audience="both",
        topics=("agriculture.specialty",),
        industries=("039", "174"),
        stage="service",
        summary=(
            "{area}扶持蚕桑产业发展：新栽桑园每亩补助{mulberry}元，小蚕共育室建设{room}，"
            "蚕茧收购实行保护价，收购企业不得压级压价、拖欠茧款，{extra_short}"
        ),
        body=(
            "为巩固提升我市蚕桑传统特色产业，促进蚕农增收，现就{year}年蚕桑产业扶持政策通知如下。",
            "一、桑园建设。对新栽植优质桑园连片20亩以上的，每亩补助{mulberry}元；对低产桑园"
            "改造的，每亩补助300元。",
            "二、小蚕共育。新建标准化小蚕共育室的，{room}。",
            "三、蚕茧收购。蚕茧收购实行保护价，{price}收购企业不得压级压价，不得拖欠蚕农茧款，"
            "茧款须在收购后10日内足额发放。",
            "四、技术服务。市农业技术推广中心组织蚕桑技术指导员进村入户，开展蚕病防控、"
            "省力化养蚕等技术培训。{extra}{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-agri",
                19,
                "03-05",
                "如皋市农业农村局关于扶持蚕桑产业发展的通知",
                p={
                    "mulberry": "500",
                    "room": "按每平方米100元给予补助，最高5万元",
                    "price": "春茧、秋茧保护价分别不低于每50公斤1800元、1700元。",
                    "extra": "",
                    "extra_short": "茧款须在收购后10日内发放。",
                },
            ),
            V(
                2023,
                "rg-agri",
                17,
                "03-02",
                "如皋市农业农村局关于推进蚕桑产业提质增效的通知",
                p={
                    "mulberry": "800",
                    "room": "按每平方米150元给予补助，最高8万元；推广方格蔟和自动上蔟设备，"
                    "按购置价的30%给予补助",
                    "price": "春茧、秋茧保护价分别不低于每50公斤2200元、2100元，并按茧质优质优价。",
                    "extra": "支持发展桑叶茶、桑葚采摘、蚕丝被加工等桑蚕综合利用项目。",
                    "extra_short": "支持桑叶茶、桑葚、蚕丝被等综合利用。",
                },
            ),
        ),
        glossary=(
            (
                "小蚕共育",
                "由专业人员集中饲养1至3龄小蚕后再分发给蚕农饲养，可提高蚕的体质和产茧量。",
            ),
        ),
        guide=G(
            dept="rg-agri",
            conditions=("在本市从事蚕桑生产的农户或合作社", "桑园连片20亩以上或新建小蚕共育室"),
            materials=(
                ("蚕桑产业扶持资金申请表", "村委会签署意见"),
                ("桑园面积测量或共育室建设验收资料", "区镇农业农村服务中心出具"),
            ),
            steps=("向区镇农业农村服务中心申请", "现场验收", "公示", "拨付补助"),
            online=False,
        ),
    ),
    F(
        no=78,
        audience="both",
        topics=("agriculture.specialty",),
        industries=("0142", "1372"),
        stage="service",
        summary=(
            "{area}支持食用菌产业发展：新建标准化食用菌大棚{shed_short}，菌种场和菌包加工项目"
            "{factory_short}，{extra_short}"
        ),
        body=(
            "为做大做强食用菌特色产业，促进农业增效、农民增收，现就支持食用菌产业发展有关事项通知如"
            "下。",
            "一、设施建设。{shed}",
            "二、菌种菌包。{factory}",
            "三、秸秆基料化利用。鼓励利用稻麦秸秆、菌渣生产食用菌基料，对年利用秸秆1000吨以上的，"
            "按每吨50元给予补助。",
            "四、品牌营销。{brand}",
            "五、申报程序。经营主体向所在区镇（街道）农业农村服务中心提出申请，经现场验收、"
            "市农业农村局审核并公示后拨付补助资金。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-agri",
                22,
                "04-12",
                "如皋市农业农村局关于支持食用菌产业发展的通知",
                p={
                    "shed": "新建标准化食用菌大棚连片10亩以上的，按每亩8000元给予补助。",
                    "shed_short": "连片10亩以上的每亩补助8000元",
                    "factory": "新建菌种场、菌包加工厂，设备投资200万元以上的，按投资额的20%给予"
                    "补助，最高100万元。",
                    "factory_short": "按投资额的20%补助，最高100万元",
                    "brand": "支持申报绿色食品、地理标志农产品认证，获证的每个奖励2万元。",
                    "extra_short": "秸秆基料化利用每吨补助50元。",
                },
            ),
            V(
                2025,
                "rg-agri",
                20,
                "04-08",
                "如皋市农业农村局关于推进食用菌工厂化生产的通知",
                p={
                    "shed": "对新建工厂化食用菌生产线，日产鲜菇10吨以上的，按设备投资的25%给予"
                    "补助，最高300万元；对标准化菌菇大棚每亩补助1万元。",
                    "shed_short": "每亩补助1万元，工厂化生产线最高补助300万元",
                    "factory": "支持建设区域性菌包供应中心，对年供应菌包500万棒以上的，给予50万元"
                    "一次性奖励。",
                    "factory_short": "年供应菌包500万棒以上的奖励50万元",
                    "brand": "打造“如皋菌菇”区域公用品牌，组织企业参加农产品展销会，"
                    "参展费用全额补助。",
                    "extra_short": "打造“如皋菌菇”区域公用品牌。",
                },
            ),
        ),
    ),
    F(
        no=79,
        audience="residents",
        topics=("agriculture.grain",),
        stage="service",
        summary=(
            "{year}年{area}耕地地力保护补贴标准为每亩{amount}元，补贴对象为拥有耕地承包权的种地农民"
            "，"
            "{extra_short}已改变用途或长年抛荒的耕地不予补贴，补贴资金通过“一卡（折）"
            "通”直接发放到户。"
        ),
        body=(
            "根据财政部、农业农村部关于耕地地力保护补贴的有关规定，现就{year}年耕地地力保护补贴"
            "发放工作通知如下。",
            "一、补贴对象。拥有耕地承包权的种地农民。{object}",
            "二、补贴标准。{year}年补贴标准为每亩{amount}元，补贴面积以二轮承包耕地面积、"
            "确权耕地面积或粮食种植面积为依据。",
            "三、不予补贴情形。已作为畜牧养殖场使用的耕地、林地、成片粮田转为设施农业用地、"
            "非农征（占）用耕地等已改变用途的耕地，以及长年抛荒地、占补平衡中“补”的面积和"
            "质量达不到耕种条件的耕地，不再给予补贴。",
            "四、发放程序。村组申报、区镇审核、村内公示7天后，由市财政局通过“一卡（折）通”"
            "系统直接发放到户。{extra}{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-agri",
                23,
                "05-11",
                "如皋市农业农村局 如皋市财政局关于做好2020年耕地地力保护补贴发放工作的通知",
                p={
                    "object": "",
                    "amount": "108",
                    "extra": "",
                    "extra_short": "",
                },
            ),
            V(
                2022,
                "rg-agri",
                19,
                "05-09",
                "如皋市农业农村局 如皋市财政局关于做好2022年耕地地力保护补贴和实际种粮农民一次性补"
                "贴发放工作的通知",
                p={
                    "object": "同时向实际种粮的农民和新型农业经营主体发放一次性种粮补贴。",
                    "amount": "110",
                    "extra": "实际种粮农民一次性补贴按每亩21元标准发放。",
                    "extra_short": "实际种粮农民另发一次性补贴每亩21元，",
                },
            ),
            V(
                2024,
                "rg-agri",
                15,
                "05-13",
                "如皋市农业农村局 如皋市财政局关于做好2024年耕地地力保护补贴发放工作的通知",
                p={
                    "object": "鼓励承包农户将补贴资金用于耕地地力保护。",
                    "amount": "112",
                    "extra": "补贴发放名单在村务公开栏和本小程序同步公示，农户可凭身份证号查询本户"
                    "补贴面积和金额。",
                    "extra_short": "农户可在小程序查询本户补贴面积和金额，",
                },
            ),
            V(
                2026,
                "rg-agri",
                10,
                "05-08",
                "如皋市农业农村局 如皋市财政局关于做好2026年耕地地力保护补贴发放工作的通知",
                p={
                    "object": "对撂荒耕地复耕复种的农户同等给予补贴。",
                    "amount": "115",
                    "extra": "试点将补贴发放与耕地保护责任落实情况挂钩，对违规占用耕地的农户暂停"
                    "发放补贴。",
                    "extra_short": "补贴发放与耕地保护责任挂钩，",
                },
            ),
        ),
        qa=(
            (
                "耕地流转给别人种了，补贴给谁？",
                "耕地地力保护补贴发放给拥有耕地承包权的农民，流转双方另有约定的从其约定。",
            ),
            (
                "{year}年每亩补贴多少？",
                "每亩{amount}元。",
            ),
        ),
    ),
    F(
        no=80,
        audience="both",
        topics=("agriculture.specialty", "agriculture.rural-revitalization"),
        industries=("0143", "014"),
        stage="execution",
        summary=(
            "{area}推动花木盆景产业{goal_short}，{reward_short}，直播电商年网络销售额100万元以上的"
            "奖励{ecommerce}，支持如皋盆景技艺传承和品牌推广，{extra_short}"
        ),
        body=(
            "如皋盆景是“如派盆景”的发源地，花木盆景是我市富民特色产业。为推动花木盆景产业"
            "高质量发展，现就有关事项通知如下。",
            "一、发展目标。{goal}",
            "二、基地建设。{reward}",
            "三、电商营销。支持花木盆景经营户开展直播电商，对年网络销售额100万元以上的，"
            "给予{ecommerce}奖励。",
            "四、文化传承。支持如派盆景技艺传承人开展带徒授艺，{heritage}",
            "五、资金申报。补助资金每年集中申报一次，由区镇（街道）初审、市农业农村局会同"
            "市财政局审核公示后拨付。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-agri",
                24,
                "04-26",
                "如皋市农业农村局关于推进花木盆景产业高质量发展的通知",
                p={
                    "goal": "到2025年，全市花木盆景种植面积稳定在15万亩，产业年销售额突破60亿元。",
                    "goal_short": "到2025年年销售额突破60亿元",
                    "reward": "对新建连片100亩以上标准化花木基地的，每亩补助500元。",
                    "reward_short": "连片100亩以上标准化花木基地每亩补助500元",
                    "ecommerce": "2万元",
                    "heritage": "每带一名学徒满三年的，给予传承人5000元补助。",
                    "extra_short": "传承人每带一名学徒满三年补助5000元。",
                },
            ),
            V(
                2025,
                "rg-agri",
                23,
                "04-22",
                "如皋市农业农村局 如皋市文化广电和旅游局关于推动花木盆景产业与文旅融合发展的通知",
                p={
                    "goal": "打造花木盆景产业与文旅融合示范带，建成盆景主题精品园10个，年接待游客"
                    "50万人次。",
                    "goal_short": "与文旅融合发展",
                    "reward": "对建成开放的盆景主题园，经评定为市级精品园的奖励20万元；对花木基地"
                    "改造提升的，每亩补助800元。",
                    "reward_short": "市级精品盆景园奖励20万元",
                    "ecommerce": "5万元",
                    "heritage": "举办如皋盆景艺术节，对获得国家级盆景展金奖的作品，奖励作者2万元。",
                    "extra_short": "国家级盆景展金奖作品奖励2万元。",
                },
            ),
        ),
    ),
    F(
        no=81,
        audience="both",
        topics=("environment.air",),
        categories=("green",),
        stage="execution",
        summary=(
            "{year}年{area}大气污染防治目标：PM2.5年均浓度控制在{pm}微克/立方米以下，"
            "空气质量优良天数比率达到{good}，{focus_short}建筑工地落实“六个百分之百”扬尘管控要求。"
        ),
        body=(
            "为持续改善环境空气质量，打赢蓝天保卫战，现就{year}年大气污染防治工作通知如下。",
            "一、工作目标。全市PM2.5年均浓度控制在{pm}微克/立方米以下，空气质量优良天数比率"
            "达到{good}，基本消除重污染天气。",
            "二、重点任务。{tasks}",
            "三、扬尘管控。建筑工地严格落实“六个百分之百”要求，渣土运输车辆全部密闭运输，"
            "城区主次干道机扫率达到95%以上。",
            "四、重污染天气应对。发布重污染天气预警后，列入应急减排清单的企业按黄色、橙色、红色"
            "预警级别落实减排措施。{extra}",
            "五、公众参与。鼓励群众通过12345热线或本小程序举报大气环境违法行为，查证属实的"
            "给予奖励。{clause}",
        ),
        variants=(
            V(
                2019,
                "rg-gov-office",
                21,
                "04-11",
                "如皋市人民政府办公室关于印发2019年如皋市大气污染防治工作计划的通知",
                p={
                    "pm": "42",
                    "good": "72%",
                    "tasks": "推进燃煤锅炉整治，淘汰35蒸吨/小时以下燃煤锅炉；开展化工、涂装等"
                    "行业挥发性有机物治理。",
                    "focus_short": "重点淘汰35蒸吨/小时以下燃煤锅炉。",
                    "extra": "",
                },
            ),
            V(
                2021,
                "rg-gov-office",
                26,
                "04-15",
                "如皋市人民政府办公室关于印发2021年如皋市大气污染防治工作计划的通知",
                p={
                    "pm": "35",
                    "good": "80%",
                    "tasks": "推进重点行业超低排放改造，开展挥发性有机物清洁原料替代；"
                    "淘汰国三及以下排放标准营运柴油货车。",
                    "focus_short": "推进超低排放改造和国三柴油货车淘汰。",
                    "extra": "",
                },
            ),
            V(
                2023,
                "rg-ecology",
                9,
                "03-29",
                "南通市如皋生态环境局关于做好2023年臭氧和PM2.5协同控制工作的通知",
                p={
                    "pm": "30",
                    "good": "82%",
                    "tasks": "实施PM2.5和臭氧协同控制，夏季开展挥发性有机物“错峰生产”；"
                    "推广新能源公交车和渣土车。",
                    "focus_short": "实施PM2.5和臭氧协同控制。",
                    "extra": "对实施绩效分级达到A级的企业，在重污染天气预警期间可自主采取减排措施。"
                    "",
                },
            ),
            V(
                2025,
                "rg-ecology",
                7,
                "03-24",
                "南通市如皋生态环境局关于印发2025年如皋市空气质量持续改善行动计划的通知",
                p={
                    "pm": "28",
                    "good": "85%",
                    "tasks": "推动钢铁、水泥等行业全流程超低排放；开展餐饮油烟、露天烧烤专项整治；"
                    "秸秆禁烧实行全年全域管控。",
                    "focus_short": "开展餐饮油烟和露天烧烤专项整治。",
                    "extra": "对绩效分级为A级、B级的企业，实行差异化管控。",
                },
            ),
        ),
        glossary=(
            ("PM2.5", "环境空气中空气动力学当量直径小于等于2.5微米的颗粒物，也称细颗粒物。"),
        ),
    ),
    F(
        no=82,
        audience="both",
        topics=("environment.water",),
        stage="execution",
        summary=(
            "{area}推进河长制和水环境治理，{goal_short}，对{target_short}实行“一河一策”，"
            "治理进展和水质监测结果定期公开，聘请“民间河长”参与巡河护河，群众可举报黑臭水体线索。"
        ),
        body=(
            "为全面落实河长制，持续改善水环境质量，现就{year}年水环境治理工作通知如下。",
            "一、工作目标。{goal}",
            "二、治理任务。{tasks}",
            "三、信息公开。河长名单、治理方案、工程进度和水质监测结果在河道公示牌、市政府网站和"
            "本小程序定期公开，接受群众监督。",
            "四、群众参与。聘请“民间河长”参与巡河护河，群众发现黑臭水体、偷排污水等问题，"
            "可通过12345热线或本小程序举报，整改结果向举报人反馈并请其评价。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov-office",
                15,
                "03-23",
                "如皋市人民政府办公室关于开展城市黑臭水体整治的通知",
                p={
                    "goal": "年底前城区黑臭水体基本消除，长效管护机制全面建立。",
                    "goal_short": "年底前城区黑臭水体基本消除",
                    "target_short": "城区12条黑臭河道",
                    "tasks": "对城区12条黑臭河道实施控源截污、清淤疏浚、活水畅流和生态修复，"
                    "完成雨污分流改造管网30公里。",
                },
            ),
            V(
                2022,
                "rg-gov-office",
                19,
                "04-07",
                "如皋市人民政府办公室关于深化河长制推进幸福河湖建设的通知",
                p={
                    "goal": "国省考断面水质优Ⅲ比例达到100%，建成幸福河湖20条。",
                    "goal_short": "国省考断面水质优Ⅲ比例达到100%",
                    "target_short": "重点河道",
                    "tasks": "开展入河排污口排查整治，推进农村生活污水治理，行政村覆盖率达到80%；"
                    "实施农业面源污染治理。",
                },
            ),
            V(
                2024,
                "rg-gov-office",
                23,
                "04-02",
                "如皋市人民政府办公室关于开展农村黑臭水体治理的通知",
                p={
                    "goal": "完成国家监管清单内农村黑臭水体治理，治理后水体透明度、溶解氧等指标"
                    "稳定达标。",
                    "goal_short": "完成国家监管清单内农村黑臭水体治理",
                    "target_short": "农村黑臭水体",
                    "tasks": "对纳入清单的48条农村黑臭水体实施截污控源、清淤疏浚和岸坡整治，"
                    "治理前后照片和监测数据在村务公开栏公示。",
                },
            ),
        ),
        qa=(
            (
                "发现河道发黑发臭怎么反映？",
                "可拨打12345热线或通过本小程序“投诉建议”栏目举报，整改结果会反馈给举报人。",
            ),
            (
                "水质监测结果在哪里看？",
                "在河道公示牌、市政府网站和本小程序定期公开。",
            ),
        ),
    ),
    F(
        no=83,
        audience="residents",
        topics=("urban-rural.waste-sorting",),
        stage="execution",
        summary=(
            "{area}推行生活垃圾分类，居民按可回收物、有害垃圾、厨余垃圾、其他垃圾四类投放，"
            "{goal_short}，对未按规定分类投放的单位依法处理，{extra_short}"
        ),
        body=(
            "为改善人居环境，推进生活垃圾减量化、资源化、无害化，现就{year}年生活垃圾分类工作"
            "通知如下。",
            "一、分类标准。生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。",
            "二、工作目标。{goal}",
            "三、设施配置。住宅小区按要求设置分类投放点，实行“定时定点”投放，{facility}",
            "四、激励措施。{reward}",
            "五、监督管理。对未按规定分类投放的单位，由城市管理部门依法处理；居民未分类投放的，"
            "先行劝导教育。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-housing",
                31,
                "06-05",
                "如皋市住房和城乡建设局关于推进城区生活垃圾分类工作的通知",
                p={
                    "goal": "城区住宅小区垃圾分类覆盖率达到70%，公共机构全面实行垃圾分类。",
                    "goal_short": "城区小区覆盖率达到70%",
                    "facility": "每300户至少设置一处分类投放点。",
                    "reward": "开展垃圾分类积分兑换，居民正确分类投放可获得积分兑换生活用品。",
                    "extra_short": "正确投放可获积分兑换生活用品。",
                },
            ),
            V(
                2023,
                "rg-housing",
                25,
                "05-30",
                "如皋市住房和城乡建设局关于推进城乡生活垃圾分类全覆盖的通知",
                p={
                    "goal": "城区住宅小区垃圾分类全覆盖，农村生活垃圾分类行政村覆盖率达到60%。",
                    "goal_short": "城区小区全覆盖、农村覆盖率达到60%",
                    "facility": "厨余垃圾日产日清，农村推行“户分类、村收集、镇转运、市处理”。",
                    "reward": "每年评选垃圾分类示范小区和示范村，分别给予5万元、10万元奖励。",
                    "extra_short": "评选示范小区和示范村给予奖励。",
                },
            ),
        ),
    ),
)


# =============================================================================================
# Families — 交通运输、应急管理、文化旅游、基层治理、市场监管
# =============================================================================================

_FAMILIES_GOVERNANCE: tuple[F, ...] = (
    F(
        no=84,
        audience="residents",
        topics=("transport.rural-roads",),
        stage="execution",
        summary=(
            "{year}年{area}实施农村公路提档升级{km}公里、危桥改造{bridges}座，{goal_short}；"
            "农村公路建设和养护资金纳入财政预算，村民可通过“路长”公示牌反映道路问题。"
        ),
        body=(
            "为深入推进“四好农村路”建设，服务乡村振兴，现就{year}年农村公路工作通知如下。",
            "一、建设任务。实施农村公路提档升级{km}公里、危桥改造{bridges}座，{goal}",
            "二、养护管理。全面落实农村公路“路长制”，市、区镇、村三级路长名单在路口公示牌公开，"
            "农村公路优良中等路率达到{rate}以上。",
            "三、资金保障。农村公路提档升级每公里补助{subsidy}万元，日常养护资金按每年每公里"
            "县道1万元、乡道0.5万元、村道0.3万元标准纳入财政预算。",
            "四、质量监督。项目实行“七公开”制度，建设内容、资金、施工和监理单位等在项目现场"
            "公示，邀请村民代表参与质量监督和交工验收。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-transport",
                9,
                "03-19",
                "如皋市交通运输局关于下达2021年农村公路提档升级工程计划的通知",
                p={
                    "km": "150",
                    "bridges": "30",
                    "goal": "实现20户以上自然村通硬化路。",
                    "goal_short": "实现20户以上自然村通硬化路",
                    "rate": "80%",
                    "subsidy": "50",
                },
            ),
            V(
                2023,
                "rg-transport",
                7,
                "03-14",
                "如皋市交通运输局关于推进2023年“四好农村路”高质量发展的通知",
                p={
                    "km": "180",
                    "bridges": "42",
                    "goal": "建成农村公路特色示范路5条，串联长寿小镇、花木盆景基地等乡村旅游点。",
                    "goal_short": "建成特色示范路5条串联乡村旅游点",
                    "rate": "85%",
                    "subsidy": "60",
                },
            ),
        ),
    ),
    F(
        no=85,
        audience="residents",
        topics=("transport.public-transit", "elderly-care.allowance"),
        stage="service",
        summary=(
            "{area}{age}周岁以上老年人凭老年人优待证或身份证免费乘坐城市公交和城乡公交，"
            "{other_short}，{extra_short}公交企业因此减少的收入由市财政按实际乘车人次给予补贴。"
        ),
        body=(
            "为践行尊老敬老、助残扶弱，发展公共交通，现就特殊群体免费乘坐公交车有关事项通知如下。",
            "一、免费乘车对象。{age}周岁以上老年人；{other}",
            "二、乘车方式。{method}",
            "三、乘车范围。本市城市公交、城乡公交和镇村公交线路，不含旅游专线和定制公交。",
            "四、补贴机制。公交企业因执行免费乘车政策减少的收入，由市财政按实际乘车人次给予补贴。"
            "{extra}",
            "五、监督服务。乘客对免费乘车服务有意见建议的，可拨打12345热线或通过本小程序"
            "“投诉建议”栏目反映，交通运输部门将投诉处理情况纳入公交企业服务质量考核。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-transport",
                14,
                "06-29",
                "如皋市交通运输局关于老年人和残疾人免费乘坐公交车的通知",
                p={
                    "age": "65",
                    "other": "持有残疾人证的残疾人；现役军人、消防救援人员、伤残人民警察。",
                    "other_short": "残疾人、现役军人等凭有效证件免费乘车",
                    "method": "老年人持老年人优待证或社会保障卡在公交车刷卡乘车；残疾人持残疾人证"
                    "办理的免费乘车卡乘车。",
                    "extra": "",
                    "extra_short": "免费乘车范围包括城市公交和城乡公交。",
                },
            ),
            V(
                2024,
                "rg-transport",
                11,
                "05-27",
                "如皋市交通运输局关于扩大公交免费乘车范围并推行“刷脸乘车”的通知",
                p={
                    "age": "60",
                    "other": "持有残疾人证的残疾人；退役军人优待证持有人；全日制在校中小学生"
                    "上下学时段乘车享受半价优惠。",
                    "other_short": "退役军人凭优待证免费乘车，中小学生上下学时段半价",
                    "method": "推行“刷脸乘车”，老年人首次在本小程序完成人脸采集后，即可在公交车"
                    "刷脸乘车，也可继续使用实体卡和电子优待证乘车。",
                    "extra": "公交车辆全部配置老年人爱心座位，驾驶员主动搀扶老人上下车。",
                    "extra_short": "推行刷脸乘车，电子优待证可直接乘车。",
                },
                related=("rg-2025-0013",),
            ),
        ),
        qa=(
            (
                "多大年龄可以免费坐公交？",
                "{age}周岁以上老年人凭老年人优待证或身份证免费乘坐城市公交和城乡公交。",
            ),
            (
                "外地老人在如皋能免费坐公交吗？",
                "持本市居住证的非户籍老人可办理优待证，享受同等免费乘车待遇。",
            ),
        ),
    ),
    F(
        no=86,
        audience="enterprises",
        topics=("transport.logistics",),
        categories=("fee-reduction",),
        industries=("54", "58", "59", "G"),
        stage="execution",
        summary=(
            "{area}道路货运企业安装使用ETC的货车在高速公路通行享受{discount_short}，"
            "{extra_short}货运企业可通过ETC发行网点或线上渠道办理，设备免费安装。"
        ),
        body=(
            "为降低物流成本，推动道路货运行业高质量发展，现就货车ETC通行费优惠等有关事项通知如下。",
            "一、ETC优惠。{discount}",
            "二、办理渠道。货车可在银行网点、ETC服务网点办理ETC，也可通过ETC发行方的线上渠道"
            "申请，设备免费安装。",
            "三、物流降本。{logistics}",
            "四、服务保障。交通运输部门在高速公路服务区设立货车司机之家，提供休息、淋浴、餐饮"
            "等服务。",
            "五、规范执法。严禁在公路上以罚代管、随意拦车检查，对道路货运车辆的超限超载检测"
            "实行非现场执法，执法结果在交通运输部门网站公开。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-transport",
                8,
                "01-02",
                "如皋市交通运输局关于做好货车ETC安装和通行费优惠政策落实工作的通知",
                p={
                    "discount": "自2020年1月1日起，安装使用ETC的货车在全国高速公路通行享受不少于5%"
                    "的车辆通行费基本优惠。",
                    "discount_short": "不少于5%的通行费基本优惠",
                    "logistics": "取消高速公路省界收费站，货车通行费计费方式由计重收费调整为按车（"
                    "轴）"
                    "型收费。",
                    "extra_short": "货车由计重收费调整为按车（轴）型收费。",
                },
            ),
            V(
                2022,
                "rg-transport",
                12,
                "06-15",
                "如皋市交通运输局关于落实货车通行费减免和物流保通保畅政策的通知",
                p={
                    "discount": "安装使用ETC的货车享受不少于5%的通行费基本优惠；对合法装载的"
                    "ETC货车，在江苏省内高速公路实行通行费八五折优惠。",
                    "discount_short": "省内高速通行费八五折优惠",
                    "logistics": "对道路货运企业，按规定发放交通物流专项再贷款，对货车司机贷款"
                    "实行延期还本付息。",
                    "extra_short": "货车司机贷款可延期还本付息。",
                },
            ),
            V(
                2024,
                "rg-transport",
                10,
                "04-23",
                "如皋市交通运输局关于推行高速公路差异化收费降低物流成本的通知",
                p={
                    "discount": "对使用ETC的货车，在指定路段和时段实行差异化收费，通行费最高优惠"
                    "15%；对集装箱运输车辆实行通行费五折优惠。",
                    "discount_short": "差异化收费最高优惠15%、集装箱车辆五折",
                    "logistics": "支持发展多式联运，对如皋港公铁水联运项目给予运营补贴。",
                    "extra_short": "支持如皋港公铁水联运发展。",
                },
            ),
        ),
        glossary=(
            ("ETC", "电子不停车收费系统，车辆通过高速公路收费站时自动识别并扣费，无需停车。"),
        ),
    ),
    F(
        no=87,
        audience="both",
        topics=("emergency.flood",),
        stage="management",
        summary=(
            "{area}{year}年汛期为{season}，防汛预警信息分蓝、黄、橙、红四级，通过{channels_short}"
            "定向发布，{extra_short}汛期实行24小时值班和领导带班制度，遇突发险情立即报告。"
        ),
        body=(
            "为做好{year}年防汛防台和防汛应急预警工作，确保人民群众生命财产安全，"
            "现就有关事项通知如下。",
            "一、汛期时间。{season}为汛期，6月中旬至7月中旬为梅雨期。",
            "二、预警发布。气象、水利部门发布暴雨、洪水、台风预警信息，按蓝色、黄色、橙色、红色"
            "四个等级，通过{channels}向区镇（街道）、村（居）和相关企业定向发布。{warning}",
            "三、转移避险。{evacuation}",
            "四、企业防汛。工业园区和企业要落实防汛主体责任，地下车库、地下仓库等低洼场所要"
            "储备挡水板、沙袋和排水设备，危险化学品企业要落实防雷、防淹措施。",
            "五、值班值守。汛期实行24小时值班和领导带班制度，遇突发险情立即报告，"
            "严禁迟报、漏报、瞒报。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov-office",
                18,
                "05-06",
                "如皋市人民政府办公室关于做好2020年防汛防台工作的通知",
                p={
                    "season": "5月1日至9月30日",
                    "channels": "短信、应急广播、微信公众号",
                    "channels_short": "短信、应急广播和微信公众号",
                    "warning": "",
                    "evacuation": "对低洼易涝区、危旧房屋和在建工地人员，由区镇（街道）提前组织"
                    "转移到安置点。",
                    "extra_short": "低洼易涝区人员提前转移。",
                },
            ),
            V(
                2022,
                "rg-emergency",
                15,
                "04-29",
                "如皋市应急管理局关于建立防汛预警信息“叫应”机制的通知",
                p={
                    "season": "5月1日至9月30日",
                    "channels": "短信、应急广播、“村村响”大喇叭和本小程序消息推送",
                    "channels_short": "短信、“村村响”大喇叭和小程序消息",
                    "warning": "发布橙色、红色预警后，实行“叫应”机制，由区镇（街道）值班人员电话"
                    "逐一叫应村（居）负责人，确认收到并落实防范措施。",
                    "evacuation": "建立危险区域人员转移“一张图”，明确转移责任人、转移路线和安置点，"
                    "网格员逐户通知到人。",
                    "extra_short": "橙色、红色预警实行电话“叫应”机制。",
                },
            ),
            V(
                2024,
                "rg-emergency",
                11,
                "04-26",
                "如皋市应急管理局关于做好2024年汛期防汛预警信息发布工作的通知",
                p={
                    "season": "5月1日至9月30日",
                    "channels": "短信、应急广播、“村村响”大喇叭、本小程序消息推送和网格员上门告知",
                    "channels_short": "短信、大喇叭、小程序推送和网格员上门告知",
                    "warning": "红色预警信息发布后10分钟内推送到全部受影响区域的村（居）负责人、"
                    "网格员和重点企业安全负责人，对未确认收到的由网格员上门告知。",
                    "evacuation": "对老人、残疾人等特殊群体建立“一对一”帮扶转移台账。",
                    "extra_short": "红色预警10分钟内推送到网格员和重点企业。",
                },
            ),
            V(
                2025,
                "rg-gov-office",
                14,
                "04-25",
                "如皋市人民政府办公室关于印发《如皋市防汛防台应急预案（2025年修订）》的通知",
                illustrated=True,
                p={
                    "season": "5月1日至10月15日",
                    "channels": "短信、应急广播、“村村响”大喇叭、本小程序订阅消息和网格员上门告知",
                    "channels_short": "短信、应急广播、小程序订阅消息和网格员",
                    "warning": "预案将应急响应分为四级，Ⅰ级响应由市防汛防旱指挥部总指挥签发，"
                    "预警和响应信息同步向社会公开。",
                    "evacuation": "启动Ⅱ级以上响应时，危险区域人员“应转尽转、不落一人”，"
                    "转移群众在安置点的基本生活由区镇（街道）保障。",
                    "extra_short": "启动Ⅱ级以上响应时危险区域人员应转尽转。",
                },
            ),
        ),
        glossary=(
            (
                "叫应机制",
                "发布高等级预警后，逐级电话呼叫责任人并得到应答，确保预警信息被接收和落实。",
            ),
        ),
        qa=(
            (
                "怎样及时收到暴雨预警？",
                "可在本小程序订阅“防汛预警”消息，同时留意短信、应急广播和“村村响”大喇叭。",
            ),
            (
                "接到转移通知怎么办？",
                "听从村（居）和网格员安排，携带必要证件和药品，按指定路线转移到安置点。",
            ),
        ),
        cards=(
            "汛期：{season}",
            "预警：蓝、黄、橙、红四级",
            "发布渠道：{channels_short}",
            "转移避险：应转尽转、不落一人",
            "报险电话：12345或拨打110",
        ),
    ),
    F(
        no=88,
        audience="enterprises",
        topics=("emergency.work-safety",),
        industries=("C", "26", "E"),
        stage="management",
        summary=(
            "{area}{doc_short}：{focus_short}，企业主要负责人是安全生产第一责任人，"
            "{extra_short}鼓励职工和群众通过12350热线举报事故隐患。"
        ),
        body=(
            "为压紧压实安全生产责任，有效防范遏制生产安全事故，{intro}",
            "一、企业主体责任。企业主要负责人是本单位安全生产第一责任人，应建立全员安全生产责任制，"
            "每月至少组织一次事故隐患排查。",
            "二、重点任务。{tasks}",
            "三、隐患举报。鼓励企业职工和群众举报重大事故隐患和安全生产违法行为，经核查属实的，"
            "按规定给予{reward}奖励。举报可拨打12350安全生产举报热线或12345热线。",
            "四、执法检查。{inspection}{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-emergency",
                6,
                "03-09",
                "如皋市应急管理局关于印发《如皋市安全生产专项整治三年行动实施方案》的通知",
                p={
                    "intro": "现将《如皋市安全生产专项整治三年行动实施方案》印发给你们。",
                    "tasks": "开展危险化学品、工业园区、道路运输、建筑施工、消防等重点行业领域"
                    "专项整治，建立问题隐患和制度措施“两个清单”。",
                    "focus_short": "开展安全生产专项整治三年行动",
                    "doc_short": "安全生产专项整治三年行动实施方案",
                    "reward": "最高3万元",
                    "inspection": "对重点企业实行“双随机、一公开”执法检查，检查结果向社会公开。",
                    "extra_short": "建立问题隐患和制度措施“两个清单”。",
                },
            ),
            V(
                2022,
                "rg-emergency",
                12,
                "04-06",
                "如皋市应急管理局关于贯彻新《安全生产法》落实企业安全生产主体责任的通知",
                p={
                    "intro": "根据新修改的《中华人民共和国安全生产法》，现就有关事项通知如下。",
                    "tasks": "全面推行安全生产风险分级管控和隐患排查治理双重预防机制；"
                    "高危行业企业依法投保安全生产责任保险。",
                    "focus_short": "贯彻新《安全生产法》，推行双重预防机制",
                    "doc_short": "关于落实企业安全生产主体责任的通知",
                    "reward": "最高10万元",
                    "inspection": "对发现的重大事故隐患实行挂牌督办，对拒不整改的依法责令停产停业"
                    "整顿。",
                    "extra_short": "高危行业企业依法投保安全生产责任保险。",
                },
            ),
            V(
                2024,
                "rg-emergency",
                8,
                "03-04",
                "如皋市应急管理局关于开展安全生产治本攻坚三年行动的通知",
                p={
                    "intro": "根据国务院安委会部署，现就开展安全生产治本攻坚三年行动通知如下。",
                    "tasks": "开展重大事故隐患判定标准专项宣贯，企业主要负责人每季度至少带队"
                    "检查一次；推动危险化学品企业安全生产信息化、智能化改造。",
                    "focus_short": "开展治本攻坚三年行动，推动重大事故隐患动态清零",
                    "doc_short": "安全生产治本攻坚三年行动通知",
                    "reward": "最高30万元",
                    "inspection": "推行“互联网+执法”，对违法行为依法从重处罚并公开曝光典型案例。",
                    "extra_short": "举报重大事故隐患最高奖励30万元。",
                },
            ),
            V(
                2026,
                "rg-emergency",
                5,
                "10-08",
                "如皋市企业安全生产标准化建设奖补办法（征求意见稿）",
                draft=True,
                p={
                    "intro": "现就鼓励企业开展安全生产标准化建设制定本办法。",
                    "tasks": "对首次达到安全生产标准化二级、三级的企业，分别给予10万元、3万元奖补；"
                    "对开展安全生产智能化改造的，按投资额的10%给予补助。",
                    "focus_short": "拟对安全生产标准化达标企业给予奖补",
                    "doc_short": "企业安全生产标准化建设奖补办法（征求意见稿）",
                    "reward": "最高30万元",
                    "inspection": "获得奖补的企业发生较大以上生产安全事故的，追回奖补资金。",
                    "extra_short": "标准化二级、三级企业拟分别奖补10万元、3万元。",
                },
            ),
        ),
        qa=(
            (
                "发现企业安全隐患怎么举报？",
                "可拨打12350安全生产举报热线或12345热线，经核查属实的按规定给予奖励。",
            ),
            (
                "谁是企业安全生产第一责任人？",
                "企业主要负责人是本单位安全生产第一责任人。",
            ),
        ),
    ),
    F(
        no=89,
        audience="residents",
        topics=("emergency.fire",),
        stage="management",
        kind="announcement",
        summary=(
            "{area}人民政府通告：禁止在建筑物公共门厅、疏散通道、楼梯间停放电动自行车或为其充电，"
            "{rule_short}，违者由消防救援机构依法处罚；{extra_short}"
        ),
        body=(
            "为预防和减少电动自行车火灾事故，保障人民群众生命财产安全，根据《中华人民共和国"
            "消防法》《江苏省消防条例》等规定，现通告如下。",
            "一、禁止在建筑物的公共门厅、疏散通道、安全出口、楼梯间停放电动自行车或者为其充电；"
            "禁止携带电动自行车及其电池进入电梯轿厢。",
            "二、{rule}",
            "三、住宅小区物业服务企业应当加强巡查，发现违规停放、充电行为的，应当劝阻、制止；"
            "劝阻、制止无效的，及时向消防救援机构或公安派出所报告。",
            "四、{support}",
            "五、违反本通告规定的，由消防救援机构责令改正，对个人处警告或者500元以下罚款；"
            "造成火灾事故的，依法追究责任。",
            "特此通告。",
        ),
        variants=(
            V(
                2021,
                "rg-gov",
                4,
                "07-08",
                "如皋市人民政府关于加强电动自行车停放充电消防安全管理的通告",
                doc="皋政通〔2021〕4号",
                p={
                    "rule": "禁止私拉乱接电线为电动自行车充电，禁止从楼上“飞线”充电。",
                    "rule_short": "禁止私拉电线“飞线”充电",
                    "support": "各区镇（街道）应当在住宅小区规划建设电动自行车集中停放场所和充电设"
                    "施。",
                    "extra_short": "各小区将建设集中充电设施。",
                },
            ),
            V(
                2023,
                "rg-gov",
                3,
                "06-12",
                "如皋市人民政府关于开展电动自行车“进楼入户”专项整治的通告",
                doc="皋政通〔2023〕3号",
                p={
                    "rule": "禁止将电动自行车及其蓄电池带入住宅室内停放、充电；电梯全部安装"
                    "电动自行车阻车系统。",
                    "rule_short": "禁止电动自行车“进楼入户”，电梯安装阻车系统",
                    "support": "对老旧小区建设集中充电设施的，市财政按每个充电端口200元给予补助；"
                    "充电设施实行“一元充电”等惠民收费。",
                    "extra_short": "老旧小区充电端口每个补助200元。",
                },
            ),
            V(
                2025,
                "rg-gov",
                5,
                "05-06",
                "如皋市人民政府关于开展电动自行车以旧换新和违规改装整治的通告",
                doc="皋政通〔2025〕5号",
                p={
                    "rule": "禁止非法改装电动自行车、更换大容量蓄电池；禁止销售不符合国家标准的"
                    "电动自行车和蓄电池。",
                    "rule_short": "禁止非法改装和更换大容量蓄电池",
                    "support": "开展电动自行车以旧换新，交售老旧电动自行车并购买新国标电动自行车的"
                    "，"
                    "给予500元至1200元补贴。",
                    "extra_short": "以旧换新补贴500元至1200元。",
                },
            ),
        ),
    ),
    F(
        no=90,
        audience="residents",
        topics=("emergency.disaster-relief", "social-assistance"),
        stage="management",
        summary=(
            "{area}自然灾害受灾群众救助标准：紧急转移安置每人每天{daily}元，因灾死亡人员"
            "家属抚慰金每人{death}元，倒损住房恢复重建{house}，{extra_short}"
        ),
        body=(
            "为规范自然灾害救助工作，保障受灾群众基本生活，根据《自然灾害救助条例》，"
            "结合本市实际，制定本办法。",
            "第一条 本办法适用于本市行政区域内发生洪涝、台风、冰雹、雪灾、地震等自然灾害时，"
            "对受灾群众的救助。",
            "第二条 紧急转移安置。对紧急转移安置和需要过渡性安置的受灾群众，按每人每天{daily}元"
            "标准给予临时生活救助，期限一般不超过{days}天。",
            "第三条 因灾死亡人员抚慰。对因灾死亡（含失踪）人员家属，按每人{death}元发放抚慰金。",
            "第四条 倒损住房恢复重建。{house_text}",
            "第五条 救助款物的分配发放实行公示制度，在村（居）务公开栏公示不少于3天。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-emergency",
                17,
                "06-01",
                "如皋市应急管理局 如皋市财政局关于印发《如皋市自然灾害救助办法》的通知",
                p={
                    "daily": "40",
                    "days": "30",
                    "death": "20000",
                    "house": "每户最高2万元",
                    "house_text": "因灾倒塌或严重损坏需恢复重建的住房，每户补助最高2万元；对低保、"
                    "特困等困难家庭，每户补助最高3万元。",
                    "extra_short": "困难家庭住房重建每户最高补助3万元。",
                },
            ),
            V(
                2024,
                "rg-emergency",
                13,
                "05-28",
                "如皋市应急管理局 如皋市财政局关于提高自然灾害受灾群众救助标准的通知",
                p={
                    "daily": "60",
                    "days": "60",
                    "death": "30000",
                    "house": "每户最高4万元",
                    "house_text": "因灾倒塌或严重损坏需恢复重建的住房，每户补助最高4万元；一般损坏"
                    "住房维修每户补助最高5000元。受灾群众冬春生活困难救助按每人每月200元标准发放。",
                    "extra_short": "冬春生活困难救助每人每月200元。",
                },
            ),
        ),
    ),
    F(
        no=91,
        audience="both",
        topics=("culture-tourism.consumption",),
        categories=("market",),
        industries=("H", "R", "61", "62"),
        stage="service",
        summary=(
            "{area}发放{total}文旅消费券，分{types_short}，市民和游客可在本小程序“文旅消费券”"
            "栏目领取，{rule_short}；{merchant_short}"
        ),
        body=(
            "为激发文旅消费活力，促进文旅市场繁荣，{intro}现就发放{year}年文旅消费券有关事项通知如"
            "下。",
            "一、发放总额。本次共发放文旅消费券{total}，分{types}。",
            "二、领取方式。市民和游客通过本小程序“文旅消费券”栏目实名领取，每人每轮限领1张，"
            "领取后{valid}内有效，逾期自动作废。",
            "三、使用规则。{rule}消费券不找零、不兑现、不转赠。",
            "四、商户报名。{merchant}",
            "五、资金结算。消费券核销资金由市财政按周与合作支付平台结算，商户在核销后3个工作日内"
            "到账。对虚假交易、套取消费券资金的商户，取消参与资格并追回资金。{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-culture",
                13,
                "07-20",
                "如皋市文化广电和旅游局关于发放文旅消费券促进文旅消费的通知",
                window=("07-25", "09-30"),
                p={
                    "intro": "助力文旅企业复工复产，",
                    "total": "300万元",
                    "types": "景区门票券、住宿券和餐饮券三类",
                    "types_short": "景区门票、住宿、餐饮三类",
                    "valid": "7天",
                    "rule": "景区门票券满100元减50元，住宿券满200元减80元，餐饮券满100元减30元。",
                    "rule_short": "景区门票券满100元减50元",
                    "merchant": "本市A级景区、星级饭店、特色民宿和餐饮企业可向市文化广电和旅游局报"
                    "名。",
                    "merchant_short": "A级景区、星级饭店、民宿和餐饮企业可报名参与。",
                },
            ),
            V(
                2022,
                "rg-culture",
                11,
                "09-26",
                "如皋市文化广电和旅游局关于发放“长寿如皋·欢乐金秋”文旅消费券的通知",
                window=("09-30", "11-30"),
                p={
                    "intro": "迎接国庆和重阳佳节，",
                    "total": "500万元",
                    "types": "景区门票券、住宿券、餐饮券和文化演出券四类",
                    "types_short": "景区、住宿、餐饮、演出四类",
                    "valid": "10天",
                    "rule": "景区门票券满80元减40元，住宿券满300元减100元，餐饮券满150元减50元，"
                    "演出券满100元减50元。60周岁以上老人可凭电子优待证额外领取一张景区券。",
                    "rule_short": "60周岁以上老人可额外领取一张景区券",
                    "merchant": "商户通过本小程序“商户报名”入口在线报名，审核通过后在门店张贴核销码"
                    "。",
                    "merchant_short": "商户可在小程序在线报名。",
                },
            ),
            V(
                2023,
                "rg-culture",
                6,
                "04-14",
                "如皋市文化广电和旅游局关于发放2023年“春游如皋”文旅消费券的通知",
                window=("04-20", "06-30"),
                illustrated=True,
                interpret=True,
                p={
                    "intro": "提振文旅消费信心，",
                    "total": "800万元",
                    "types": "景区门票券、住宿券、餐饮券、文化演出券和体育健身券五类",
                    "types_short": "景区、住宿、餐饮、演出、健身五类",
                    "valid": "10天",
                    "rule": "景区门票券满60元减30元，住宿券满300元减100元，餐饮券满150元减50元，"
                    "演出券和健身券满100元减50元，分五轮发放，每周五上午10点开抢。",
                    "rule_short": "分五轮发放，每周五上午10点开抢",
                    "merchant": "新增乡村旅游点、非遗工坊和体育场馆参与，商户名单在本小程序公开。",
                    "merchant_short": "新增乡村旅游点、非遗工坊和体育场馆参与。",
                },
            ),
            V(
                2025,
                "rg-culture",
                5,
                "04-10",
                "如皋市文化广电和旅游局 如皋市商务局关于发放2025年文旅体育消费券的通知",
                window=("04-18", "10-31"),
                p={
                    "intro": "落实提振消费专项行动，",
                    "total": "1000万元",
                    "types": "景区门票券、住宿券、餐饮券、演出赛事券和银发旅游券五类",
                    "types_short": "景区、住宿、餐饮、演赛、银发旅游五类",
                    "valid": "15天",
                    "rule": "各类消费券按满减方式使用，银发旅游券面向60周岁以上老人，参加本地一日游"
                    "线路的每人立减100元。",
                    "rule_short": "银发旅游券面向60周岁以上老人立减100元",
                    "merchant": "符合条件的文旅体育商户全年可随时报名，每月集中审核一次。",
                    "merchant_short": "商户全年可随时报名。",
                },
            ),
        ),
        glossary=(
            (
                "文旅消费券",
                "政府出资发放、用于景区门票、住宿、餐饮、演出等文旅消费时抵扣部分金额的电子券。",
            ),
        ),
        qa=(
            (
                "文旅消费券在哪里领？",
                "通过本小程序“文旅消费券”栏目实名领取，每人每轮限领1张，领取后{valid}内有效。",
            ),
            (
                "商户怎么参与？",
                "{merchant}",
            ),
            (
                "消费券可以转给别人用吗？",
                "不可以，消费券实名领取，不找零、不兑现、不转赠。",
            ),
        ),
        guide=G(
            dept="rg-culture",
            conditions=("在本市依法经营的景区、饭店、民宿、餐饮或文化体育商户", "接入合作支付平台"),
            materials=(
                ("商户报名表", "在线填写"),
                ("营业执照", "电子证照可核验"),
                ("收款账户信息", "用于核销资金结算"),
            ),
            steps=("商户在线报名", "文旅部门审核", "张贴核销码", "按周结算"),
        ),
        cards=(
            "总额：{total}",
            "券种：{types_short}",
            "领取：小程序“文旅消费券”栏目，每人每轮1张",
            "规则：{rule_short}",
            "有效期：领取后{valid}",
        ),
        background="为提振文旅消费信心，推动文旅市场加快恢复，市文化广电和旅游局发放文旅消费券。",
        points=("发放总额{total}，分{types_short}", "{rule_short}", "{merchant_short}"),
    ),
    F(
        no=92,
        audience="both",
        topics=("culture-tourism.heritage",),
        stage="service",
        summary=(
            "{area}开展{heritage_short}，对新认定的国家级、省级、南通市级非遗代表性传承人"
            "分别给予{award}奖励，{extra_short}"
        ),
        body=(
            "为加强非物质文化遗产保护传承，弘扬如皋优秀传统文化，现就{year}年非遗保护工作通知如下。"
            "",
            "一、项目申报。组织开展{heritage_short}，重点挖掘如派盆景技艺、如皋董糖制作技艺、"
            "白蒲黄酒酿造技艺、如皋香肠制作技艺等传统技艺项目。",
            "二、传承人扶持。对新认定的国家级、省级、南通市级非遗代表性传承人，分别给予{award}"
            "一次性奖励；市级传承人每年给予{annual}传习补助。",
            "三、非遗工坊。{workshop}",
            "四、宣传展示。利用文化和自然遗产日、春节等节点举办非遗展演展销活动，推动非遗进校园、"
            "进社区、进景区。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-culture",
                15,
                "04-27",
                "如皋市文化广电和旅游局关于开展第七批如皋市级非物质文化遗产代表性项目申报工作的通知"
                "",
                p={
                    "heritage_short": "第七批市级非遗代表性项目申报",
                    "award": "5万元、3万元、1万元",
                    "annual": "3000元",
                    "workshop": "支持建设非遗体验馆，对建成开放的给予5万元补助。",
                    "extra_short": "市级传承人每年给予3000元传习补助。",
                },
            ),
            V(
                2024,
                "rg-culture",
                12,
                "05-08",
                "如皋市文化广电和旅游局关于推进非遗工坊建设促进非遗活化利用的通知",
                p={
                    "heritage_short": "非遗工坊建设和非遗活化利用",
                    "award": "10万元、5万元、2万元",
                    "annual": "5000元",
                    "workshop": "支持非遗项目保护单位建设非遗工坊，带动周边群众就业20人以上的，"
                    "给予10万元补助；非遗产品纳入文旅消费券使用范围。",
                    "extra_short": "非遗工坊带动就业20人以上补助10万元。",
                },
            ),
        ),
    ),
    F(
        no=93,
        audience="enterprises",
        topics=("culture-tourism.scenic",),
        categories=("industry", "market"),
        industries=("786", "R", "N"),
        stage="service",
        summary=(
            "{area}对新评定的A级旅游景区给予奖励：5A级{a5}，4A级{a4}，3A级{a3}，"
            "{extra_short}景区管理单位应在取得评定文件后6个月内申请，被降级或取消等级的追回奖励资金"
            "。"
        ),
        body=(
            "为推动全域旅游发展，提升旅游景区品质，现就支持A级旅游景区创建有关事项通知如下。",
            "一、创建奖励。对新评定为国家5A级旅游景区的，奖励{a5}；新评定为4A级的，奖励{a4}；"
            "新评定为3A级的，奖励{a3}。",
            "二、乡村旅游。{rural}",
            "三、旅游住宿。{lodging}",
            "四、申报程序。景区管理单位在取得评定文件后6个月内向市文化广电和旅游局提出申请，"
            "经审核公示后拨付奖励资金。对被降级或取消等级的景区，追回奖励资金。",
            "五、服务保障。市文化广电和旅游局对创建单位提供全程指导，组织专家开展创建评估，"
            "协调解决景区交通、停车、厕所等配套设施建设问题。{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-culture",
                18,
                "06-16",
                "如皋市文化广电和旅游局 如皋市财政局关于支持A级旅游景区创建的通知",
                p={
                    "a5": "300万元",
                    "a4": "100万元",
                    "a3": "30万元",
                    "rural": "对评为省级乡村旅游重点村的，奖励20万元。",
                    "lodging": "对新评定的四星级、五星级旅游饭店，分别奖励30万元、50万元。",
                    "extra_short": "省级乡村旅游重点村奖励20万元。",
                },
            ),
            V(
                2024,
                "rg-culture",
                14,
                "05-21",
                "如皋市文化广电和旅游局 如皋市财政局关于加快全域旅游发展的若干扶持措施",
                p={
                    "a5": "500万元",
                    "a4": "150万元",
                    "a3": "50万元",
                    "rural": "对评为全国乡村旅游重点村的，奖励50万元；对评为省级乡村旅游重点村的，"
                    "奖励30万元。",
                    "lodging": "对评为甲级、乙级旅游民宿的，分别奖励20万元、10万元。",
                    "extra_short": "甲级、乙级旅游民宿分别奖励20万元、10万元。",
                },
            ),
        ),
    ),
    F(
        no=94,
        audience="both",
        topics=("grassroots.grid",),
        stage="management",
        summary=(
            "{area}推进网格化社会治理，全市划分{grids}个综合网格，{ratio_short}，"
            "网格员承担政策宣传、"
            "民情收集、矛盾调解等职责，{extra_short}"
        ),
        body=(
            "为推进基层治理体系和治理能力现代化，深化网格化管理，打通服务群众“最后一公里”，{intro}",
            "一、网格划分。按照“规模适度、便于管理”的原则，全市划分{grids}个综合网格，"
            "城镇社区按{ratio}户左右、农村按自然村或村民小组划分网格。{division}",
            "二、网格员职责。网格员负责政策宣传、信息采集、民情收集、矛盾调解、隐患排查和便民"
            "服务，对信息化手段触及不到的群众，上门宣讲政策、发放宣传资料。",
            "三、事件处置。网格员发现的问题，能现场解决的立即办理；不能解决的通过网格化服务管理"
            "平台上报，按“立即办、转交办、会商办、限期办”分类处置，办理结果向群众反馈。{handling}",
            "四、保障考核。{guarantee}{clause}",
        ),
        variants=(
            V(
                2020,
                "rg-gov-office",
                13,
                "03-12",
                "如皋市人民政府办公室关于深化网格化社会治理的实施意见",
                p={
                    "intro": "提出如下实施意见。",
                    "grids": "1580",
                    "ratio": "300",
                    "ratio_short": "城镇社区按300户左右划分网格",
                    "division": "",
                    "handling": "",
                    "guarantee": "专职网格员报酬纳入财政预算，考核结果与报酬挂钩。",
                    "extra_short": "问题按立即办、转交办、会商办、限期办分类处置。",
                },
            ),
            V(
                2022,
                "rg-gov-office",
                25,
                "05-17",
                "如皋市人民政府办公室关于推行“网格+政务公开”的通知",
                p={
                    "intro": "推动政务公开向网格延伸，现就推行“网格+政务公开”有关事项通知如下。",
                    "grids": "1620",
                    "ratio": "300",
                    "ratio_short": "每个网格配备专职网格员",
                    "division": "每个网格设置政务公开信息栏，公开网格员姓名、照片和联系电话。",
                    "handling": "网格员上门宣讲的政策、走访户数和收集的问题通过本小程序记录，"
                    "政策知晓率纳入网格考核。",
                    "guarantee": "市政务公开办每季度通报各区镇“网格+政务公开”开展情况。",
                    "extra_short": "每个网格设置政务公开信息栏，上门宣讲情况通过小程序记录。",
                },
                interpret=True,
            ),
            V(
                2025,
                "rg-gov-office",
                18,
                "06-09",
                "如皋市人民政府办公室关于印发《如皋市网格事项准入管理办法》的通知",
                p={
                    "intro": "现就减轻网格员负担、规范网格事项准入制定本办法。",
                    "grids": "1650",
                    "ratio": "300至500",
                    "ratio_short": "实行网格事项清单准入管理",
                    "division": "网格事项实行清单管理，未列入清单的事项不得交由网格员承担。",
                    "handling": "对政策宣讲中群众反映的问题，自动进入12345热线工单流转，"
                    "实现“网格发现、热线派单、部门办理、群众评价”闭环。",
                    "guarantee": "建立网格员职业发展通道，对表现优秀的网格员优先推荐进入社区"
                    "“两委”班子。",
                    "extra_short": "网格发现问题自动进入12345热线工单流转。",
                },
            ),
        ),
        glossary=(
            (
                "网格化管理",
                "将城乡社区划分为若干网格，每个网格配备网格员，实行信息采集、问题发现、"
                "分类处置的精细化治理方式。",
            ),
            ("网格+政务公开", "依托网格员将政策信息送到群众家门口，并收集群众对政策的意见诉求。"),
        ),
        qa=(
            (
                "怎么找到我家所在网格的网格员？",
                "网格员姓名、照片和联系电话在网格政务公开信息栏公示，也可在本小程序“我的网格”中查询"
                "。",
            ),
            (
                "向网格员反映的问题多久有结果？",
                "能现场解决的立即办理，不能解决的上报平台分类处置，办理结果向群众反馈。",
            ),
        ),
        background="为推动政务公开向基层延伸，让政策直达群众，市政府决定推行“网格+政务公开”。",
        points=(
            "每个网格设置政务公开信息栏",
            "网格员上门宣讲政策并通过小程序记录走访情况",
            "政策知晓率纳入网格考核",
        ),
    ),
    F(
        no=95,
        audience="both",
        topics=("grassroots.hotline",),
        stage="management",
        summary=(
            "{area}12345政务服务便民热线实行7×24小时服务和{mode_short}，一般诉求{days}个工作日内办"
            "结，"
            "紧急诉求{urgent}内响应，办理结果向诉求人反馈并接受满意度评价，不满意的工单退回重新办理"
            "。"
        ),
        body=(
            "为规范12345政务服务便民热线运行，提高诉求办理质效，{intro}",
            "第一条 12345热线受理企业和群众的咨询、求助、投诉、举报和意见建议，实行7×24小时服务。",
            "第二条 办理模式。{mode}",
            "第三条 办理时限。一般诉求{days}个工作日内办结；紧急诉求{urgent}内响应；"
            "涉及多部门的复杂诉求，由热线中心组织会商，15个工作日内办结。",
            "第四条 回访评价。热线中心对办结工单进行回访，满意度评价分为满意、基本满意和不满意。"
            "对不满意工单，退回承办单位重新办理。{eval_extra}",
            "第五条 考核通报。{exam}{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-gov-office",
                20,
                "05-11",
                "如皋市人民政府办公室关于印发《如皋市12345政务服务便民热线工作办法》的通知",
                p={
                    "intro": "制定本办法。",
                    "mode": "热线中心接到诉求后，能当场答复的直接答复；不能当场答复的，"
                    "按职责派发至承办单位办理。",
                    "mode_short": "接诉即办",
                    "days": "5",
                    "urgent": "2小时",
                    "eval_extra": "",
                    "exam": "热线中心每月通报各单位工单办理情况，办理满意率纳入年度绩效考核。",
                },
            ),
            V(
                2024,
                "rg-gov-office",
                17,
                "04-15",
                "如皋市人民政府办公室关于深化12345热线“接诉即办”改革的实施意见",
                p={
                    "intro": "推动诉求办理由“接诉即办”向“未诉先办”延伸，提出如下意见。",
                    "mode": "实行“热线+网格”联动，热线工单涉及网格内事项的，同步推送网格员上门"
                    "核实处理；对高频诉求开展“每月一题”专项治理，推动“未诉先办”。",
                    "mode_short": "“接诉即办、未诉先办”及“热线+网格”联动",
                    "days": "3",
                    "urgent": "1小时",
                    "eval_extra": "诉求人可通过短信或本小程序对办理结果进行“好差评”，差评工单由"
                    "督查部门跟踪整改。",
                    "exam": "每季度公开各单位诉求办结率、满意率排名，对群众反映强烈的问题挂牌督办。"
                    "",
                },
            ),
        ),
        qa=(
            (
                "打12345反映问题多久能办好？",
                "一般诉求{days}个工作日内办结，紧急诉求{urgent}内响应。",
            ),
            (
                "对办理结果不满意怎么办？",
                "回访时可评价为不满意，工单将退回承办单位重新办理。",
            ),
        ),
    ),
    F(
        no=96,
        audience="both",
        topics=("grassroots.openness",),
        stage="decision",
        summary=(
            "{area}{year}年政务公开工作要点：{focus_short}，推进决策、执行、管理、服务、"
            "结果“五公开”，"
            "坚持“谁起草、谁解读”，{extra_short}"
        ),
        body=(
            "为深入贯彻《中华人民共和国政府信息公开条例》，全面推进基层政务公开标准化规范化，"
            "现将{year}年全市政务公开工作要点印发如下。",
            "一、推进“五公开”。{five}",
            "二、加强政策解读。坚持“谁起草、谁解读”，重要政策文件与解读材料同步组织、同步审签、"
            "同步部署。{interpret}",
            "三、回应社会关切。{respond}",
            "四、平台建设。{platform}",
            "五、依申请公开。严格执行依申请公开办理流程，在法定期限内答复，答复率和按时答复率"
            "均达到100%。{clause}",
        ),
        variants=(
            V(
                2019,
                "rg-gov-office",
                16,
                "04-22",
                "如皋市人民政府办公室关于印发2019年如皋市政务公开工作要点的通知",
                p={
                    "five": "将“五公开”要求落实到公文办理程序和会议办理程序，编制政务公开基础目录，"
                    "对权力运行流程以“五公开”环节为基础进行分段公开。",
                    "interpret": "",
                    "respond": "建立舆情回应机制，涉及重大突发事件的在24小时内发布权威信息。",
                    "platform": "优化政务公开平台智能搜索功能，搜索结果可按决策、执行、管理、服务、"
                    "结果排序。",
                    "focus_short": "编制政务公开基础目录",
                    "extra_short": "政务公开平台搜索结果可按五公开环节排序。",
                },
            ),
            V(
                2021,
                "rg-gov-office",
                12,
                "04-19",
                "如皋市人民政府办公室关于印发2021年如皋市政务公开工作要点的通知",
                p={
                    "five": "涉及群众切身利益的重要决策，决策前向社会公开征求意见，意见征集期一般"
                    "不少于30日，意见采纳情况在征集结束后30日内反馈。",
                    "interpret": "惠企政策实行“原文版+摘要版+图解版”立体解读。",
                    "respond": "做好12345热线与政务公开联动，对热线高频咨询问题编制问答知识库。",
                    "platform": "在政府网站和微信小程序开设“惠企政策”专区，实现政策精准推送。",
                    "focus_short": "惠企政策实行原文、摘要、图解立体解读",
                    "extra_short": "意见征集期一般不少于30日。",
                },
            ),
            V(
                2023,
                "rg-gov-office",
                10,
                "04-12",
                "如皋市人民政府办公室关于印发2023年如皋市政务公开工作要点的通知",
                p={
                    "five": "推进行政规范性文件统一公开，建立全市现行有效规范性文件库，标注文件"
                    "有效、失效和废止状态。",
                    "interpret": "政策解读采取图解、视频、问答等多种形式，惠企政策同步提供申报"
                    "条件、申报材料和申报程序。",
                    "respond": "网格员上门宣讲政策时收集的群众意见，纳入政策评估和回应。",
                    "platform": "推进政务公开专区向村（社区）延伸，配备查阅终端和“帮查”服务。",
                    "focus_short": "建立现行有效规范性文件库",
                    "extra_short": "政务公开专区向村（社区）延伸并提供“帮查”服务。",
                },
            ),
            V(
                2025,
                "rg-gov-office",
                9,
                "04-08",
                "如皋市人民政府办公室关于印发2025年如皋市政务公开工作要点的通知",
                p={
                    "five": "围绕企业和群众全生命周期，推进惠企利民政策“免申即享”“直达快享”，"
                    "公开政策兑现结果。",
                    "interpret": "对重要惠企政策，政策发布后3个工作日内通过本小程序向符合条件的"
                    "企业精准推送。",
                    "respond": "建立政策咨询“一号答”机制，12345热线、网格员和部门窗口共享政策问答库"
                    "。",
                    "platform": "政务公开小程序上线“我要订阅”功能，居民可按主题订阅政策信息。",
                    "focus_short": "推进惠企利民政策免申即享、直达快享",
                    "extra_short": "小程序上线“我要订阅”，按主题精准推送政策。",
                },
            ),
        ),
        glossary=(("五公开", "决策公开、执行公开、管理公开、服务公开、结果公开的合称。"),),
    ),
    F(
        no=97,
        audience="residents",
        topics=("grassroots.village-affairs",),
        stage="management",
        summary=(
            "{area}规范村务公开，村级财务每{freq}公开一次，{items_short}，村民可通过村务公开栏、"
            "本小程序查阅，对公开内容有异议的可向区镇（街道）反映。"
        ),
        body=(
            "为保障村民的知情权、参与权、决策权和监督权，根据《中华人民共和国村民委员会组织法》，"
            "现就规范村务公开工作通知如下。",
            "一、公开内容。政务公开、财务公开和事务公开三个版块，包括惠农补贴发放、低保特困"
            "对象、集体资产资源、工程项目建设等。{items}",
            "二、公开时间。村级财务收支情况每{freq}公开一次；涉及村民利益的重大事项随时公开。",
            "三、公开形式。{form}",
            "四、监督检查。村务监督委员会对公开内容进行审核，区镇（街道）每半年组织一次检查，"
            "村民对公开内容有异议的，村委会应在10日内答复。{clause}",
        ),
        variants=(
            V(
                2022,
                "rg-civil",
                25,
                "06-21",
                "如皋市民政局关于规范村务公开工作的通知",
                p={
                    "items": "",
                    "items_short": "惠农补贴、低保特困、集体资产等随时公开",
                    "freq": "季度",
                    "form": "每个行政村设置规范的村务公开栏，并通过村民微信群同步公开。",
                },
            ),
            V(
                2024,
                "rg-civil",
                21,
                "05-30",
                "如皋市民政局 如皋市农业农村局关于推进村级“三资”和村务公开“云平台”建设的通知",
                p={
                    "items": "村集体资金、资产、资源（“三资”）台账和交易结果全部上平台公开。",
                    "items_short": "村级“三资”台账和交易结果全部上平台公开",
                    "freq": "月",
                    "form": "建设村务公开“云平台”，村民通过本小程序“村务公开”栏目随时查阅；"
                    "同步保留村务公开栏和“村村响”广播。",
                },
            ),
        ),
    ),
    F(
        no=98,
        audience="both",
        topics=("business-environment.food-safety",),
        categories=("relief",),
        industries=("14", "62", "52"),
        stage="management",
        summary=(
            "{area}对食品小作坊、小餐饮、食品摊贩实行{mode_short}，{support_short}，"
            "经营者须持健康证明并建立进货台账，"
            "消费者可通过12345热线或本小程序举报食品安全问题。"
        ),
        body=(
            "为规范食品小作坊、小餐饮和食品摊贩（以下简称“三小”）生产经营行为，保障食品安全，"
            "根据《江苏省食品小作坊和食品摊贩管理条例》，现就有关事项通知如下。",
            "一、登记管理。{mode}",
            "二、经营规范。“三小”经营者应持有健康证明，生产加工场所与生活区分开，建立原料进货"
            "台账，不得生产经营条例禁止的食品。",
            "三、提升扶持。{support}",
            "四、监督检查。市场监管部门对“三小”实行日常巡查和抽检，抽检结果向社会公开。"
            "{extra}{clause}",
        ),
        variants=(
            V(
                2021,
                "rg-market",
                19,
                "07-02",
                "如皋市市场监督管理局关于加强食品小作坊小餐饮和食品摊贩管理的通知",
                p={
                    "mode": "食品小作坊实行登记证管理，小餐饮实行备案管理，食品摊贩实行信息公示卡"
                    "管理，登记、备案均不收费。",
                    "mode_short": "登记、备案、公示卡分类管理",
                    "support": "引导食品摊贩进入市政府划定的集中经营区域经营。",
                    "support_short": "引导食品摊贩集中经营",
                    "extra": "",
                },
            ),
            V(
                2024,
                "rg-market",
                15,
                "06-18",
                "如皋市市场监督管理局关于推进食品小作坊“园区化”提升和“明厨亮灶”的通知",
                p={
                    "mode": "食品小作坊登记实行“告知承诺”，当场发证；小餐饮推行“明厨亮灶”，"
                    "后厨视频可在本小程序查看。",
                    "mode_short": "告知承诺登记和“明厨亮灶”",
                    "support": "建设白蒲黄酒、如皋董糖等传统食品小作坊集聚园区，对入园改造的小作坊"
                    "按改造投入的30%给予补助，最高5万元。",
                    "support_short": "小作坊入园改造最高补助5万元",
                    "extra": "对群众举报查实的食品安全违法行为，按规定给予举报人奖励。",
                },
            ),
        ),
    ),
)


# =============================================================================================
# Assembly
# =============================================================================================

_DOCTYPES: tuple[tuple[str, str], ...] = (
    ("实施细则", "细则"),
    ("细则", "细则"),
    ("办法", "办法"),
    ("意见", "意见"),
    ("方案", "方案"),
    ("措施", "措施"),
    ("规定", "规定"),
    ("通告", "通告"),
    ("公告", "公告"),
    ("通知", "通知"),
    ("规划", "规划"),
    ("计划", "计划"),
    ("指南", "指南"),
    ("规则", "规则"),
    ("标准", "标准"),
)


def _cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _date(year: int, value: str) -> dt.date:
    """``"MM-DD"`` within ``year``, or a full ISO date."""
    if len(value) == 5:
        return dt.date.fromisoformat(f"{year}-{value}")
    return dt.date.fromisoformat(value)


def _inner_name(title: str) -> str:
    """The document a 印发 notice publishes (``…印发《X》的通知`` → ``X``), else the title."""
    start = title.find("印发《")
    end = title.find("》", start)
    if start >= 0 and end > start:
        return title[start + 3 : end]
    return title


def _doctype(title: str) -> str:
    name = _inner_name(title).replace("（征求意见稿）", "").replace("（试行）", "")
    for suffix, word in _DOCTYPES:
        if name.endswith(suffix):
            return word
    return "文件"


def _clause(doctype: str, pub: dt.date, eff: dt.date | None, exp: dt.date | None) -> str:
    this = "本" + doctype
    text = (
        f"{this}自印发之日起施行" if eff is None or eff == pub else f"{this}自{_cn_date(eff)}起施行"
    )
    if exp is not None:
        text += f"，有效期至{_cn_date(exp)}"
    return text + "。"


def _window_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None or end is None:
        return "常年受理"
    if start.year == end.year:
        return f"{_cn_date(start)}至{end.month}月{end.day}日"
    return f"{_cn_date(start)}至{_cn_date(end)}"


def _addressee(f: F, issuer_code: str) -> str:
    if f.addressee is not None:
        return f.addressee
    if issuer_code in _ADDRESSEE:
        return _ADDRESSEE[issuer_code]
    level = issuer_by_code(issuer_code).level
    return _NATIONAL_DEPTS if level == "national" else _RG_DEPTS


def _signatory(title: str, issuer_name: str) -> str:
    """Jointly issued documents are signed by every body named before 关于 in the title."""
    head, sep, _ = title.partition("关于")
    if sep and head.startswith(issuer_name):
        return head.strip()
    return issuer_name


def _fmt(template: str, ctx: Mapping[str, str]) -> str:
    return template.format_map(ctx)


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _external_id(prefix: str, f: F, index: int) -> str:
    return f"{prefix}-{f.variants[index].year}-{f.no:03d}{index + 1}"


def _guide(
    g: G, ctx: Mapping[str, str], ext_id: str, window: tuple[dt.date, dt.date] | None
) -> dict[str, object]:
    return {
        "conditions": [_fmt(c, ctx) for c in g.conditions],
        "materials": [{"name": _fmt(n, ctx), "description": _fmt(d, ctx)} for n, d in g.materials],
        "steps": [_fmt(s, ctx) for s in g.steps],
        "window_start": window[0].isoformat() if window else None,
        "window_end": window[1].isoformat() if window else None,
        "online_url": f"/pages/apply/index?policy={ext_id}" if g.online else None,
        "offline_place": _fmt(g.place, ctx) if g.place is not None else _PLACE[g.dept],
        "hours": g.hours,
        "phone": _PHONE[g.dept],
    }


def _audience_text(audience: str, area: str) -> str:
    if audience == "residents":
        return f"{area}范围内符合条件的城乡居民及其家庭。"
    if audience == "enterprises":
        return f"在{area}范围内依法登记注册、符合条件的企业和其他市场主体。"
    return f"{area}范围内符合条件的居民、企业和其他市场主体。"


def _records_for(f: F) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i, v in enumerate(f.variants):
        issuer = issuer_by_code(v.issuer)
        area, scope = _AREA[issuer.level]
        ext_id = _external_id("rg", f, i)
        pub = _date(v.year, v.date)
        eff = None if v.draft else (_date(v.year, v.eff) if v.eff else pub)
        exp = None if v.draft or v.exp is None else _date(v.year, v.exp)
        window = (_date(v.year, v.window[0]), _date(v.year, v.window[1])) if v.window else None
        doc = v.doc if v.doc is not None else _DOC[v.issuer].format(year=v.year, no=v.no)
        doctype = _doctype(v.title)
        ctx: dict[str, str] = {
            "year": str(v.year),
            "prev": str(v.year - 1),
            "next": str(v.year + 1),
            "issuer": issuer.name,
            "area": area,
            "scope": scope,
            "town": "区镇（街道）" if issuer.level == "county" else "乡镇（街道）",
            "doc": doc,
            "date_cn": _cn_date(pub),
            "eff_cn": _cn_date(eff) if eff else "印发之日",
            "exp_cn": _cn_date(exp) if exp else "长期",
            "win_cn": _window_text(*(window or (None, None))),
            "clause": _clause(doctype, pub, eff, exp),
        }
        base = dict(ctx)
        ctx.update({k: _fmt(val, base) for k, val in v.p.items()})
        paragraphs = [_fmt(p, ctx) for p in f.body]
        if (v.kind or f.kind) == "notice" and not v.draft:
            paragraphs.insert(0, _addressee(f, v.issuer))
        if v.draft:
            close = pub + dt.timedelta(days=30)
            paragraphs.append(
                f"公开征求意见时间：{_window_text(pub, close)}。社会公众可通过本小程序“意见征集”"
                f"栏目提交意见建议，也可书面寄送至{issuer.name}，信封注明“意见征集”字样。"
            )
        else:
            paragraphs.extend((_signatory(v.title, issuer.name), _cn_date(pub)))
        related = []
        if i > 0:
            related.append(_external_id("rg", f, i - 1))
        related.extend(v.related)
        if v.interpret:
            related.append(_external_id("jd", f, i))
        status = "draft" if v.draft else "expired" if exp and exp < REFERENCE_DATE else "published"
        # 名词解释 and 问答 accompany the current version of a family and every interpreted one.
        explained = i == len(f.variants) - 1 or v.interpret
        record: dict[str, object] = {
            "external_id": ext_id,
            "title": v.title,
            "doc_number": doc,
            "issuer": issuer.name,
            "publish_date": pub.isoformat(),
            "effective_date": eff.isoformat() if eff else None,
            "expiry_date": exp.isoformat() if exp else None,
            "status": status,
            "audience": f.audience,
            "body": "\n".join(paragraphs),
            "summary": _fmt(f.summary, ctx),
            "topics": list(f.topics),
            "industries": list(f.industries),
            "stage": f.stage,
            "categories": list(f.categories),
            "regions": list(issuer.regions),
            "illustrated": (
                [{"caption": _fmt(c, ctx).rstrip("。"), "image": None} for c in f.cards]
                if v.illustrated
                else []
            ),
            "glossary": (
                [{"term": t, "definition": _fmt(d, ctx)} for t, d in f.glossary]
                if explained
                else []
            ),
            "qa": (
                [{"question": _fmt(q, ctx), "answer": _fmt(a, ctx)} for q, a in f.qa]
                if explained
                else []
            ),
            "guide": _guide(f.guide, ctx, ext_id, window) if f.guide and not v.draft else None,
            "related": _dedupe(related),
        }
        out.append(record)
        if v.interpret:
            out.append(_interpretation(f, i, record, ctx))
    return out


def _interpretation(
    f: F, index: int, parent: dict[str, object], ctx: Mapping[str, str]
) -> dict[str, object]:
    v = f.variants[index]
    name = _inner_name(v.title)
    pub = dt.date.fromisoformat(str(parent["publish_date"])) + dt.timedelta(days=1)
    points = [_fmt(p, ctx).rstrip("。") for p in f.points]
    guide = parent["guide"]
    phone = _PHONE.get(v.issuer, "12345")
    paragraphs = [
        "一、起草背景",
        _fmt(f.background, ctx),
        "二、主要内容",
        f"《{name}》（{ctx['doc']}）主要包括以下{len(points)}个方面的内容：",
    ]
    numerals = "一二三四五六七八"
    paragraphs.extend(f"（{numerals[k]}）{p}。" for k, p in enumerate(points))
    paragraphs.extend(("三、适用对象", _audience_text(f.audience, ctx["area"]), "四、施行时间"))
    paragraphs.append(ctx["clause"].replace("本" + _doctype(v.title), "该" + _doctype(v.title)))
    paragraphs.append("五、办理渠道")
    if isinstance(guide, dict):
        phone = str(guide["phone"])
        paragraphs.append(
            f"符合条件的可到{guide['offline_place']}办理，办理时间为{guide['hours'] or '工作日'}，"
            f"也可通过本小程序“我要办”栏目在线查询办理进度。咨询电话：{phone}。"
        )
    else:
        paragraphs.append(
            f"具体执行中的问题，可向{ctx['issuer']}咨询，也可拨打12345政务服务便民热线反映。"
        )
    paragraphs.extend(
        (
            "六、解读机关及联系方式",
            f"解读机关：{ctx['issuer']}",
            f"联系电话：{phone}",
        )
    )
    summary = f"本文对《{name}》（{ctx['doc']}）进行解读，要点包括：" + "；".join(points) + "。"
    while len(summary) > 250 and len(points) > 1:
        points = points[:-1]
        summary = f"本文对《{name}》（{ctx['doc']}）进行解读，要点包括：" + "；".join(points) + "。"
    return {
        "external_id": _external_id("jd", f, index),
        "title": f"《{name}》政策解读",
        "doc_number": "",
        "issuer": parent["issuer"],
        "publish_date": pub.isoformat(),
        "effective_date": parent["effective_date"],
        "expiry_date": parent["expiry_date"],
        "status": parent["status"],
        "audience": parent["audience"],
        "body": "\n".join(paragraphs),
        "summary": summary,
        "topics": parent["topics"],
        "industries": parent["industries"],
        "stage": parent["stage"],
        "categories": parent["categories"],
        "regions": parent["regions"],
        "illustrated": parent["illustrated"],
        "glossary": parent["glossary"],
        "qa": parent["qa"],
        "guide": None,
        "related": [parent["external_id"]],
    }


def demo_policies() -> list[dict[str, object]]:
    """The whole demo corpus, in a stable order (family by family, each policy followed by its
    解读 if it has one). Every call builds fresh objects."""
    records: list[dict[str, object]] = []
    for family in _ALL_FAMILIES:
        records.extend(_records_for(family))
    return records


_ALL_FAMILIES: tuple[F, ...] = (
    *_FAMILIES_LIVELIHOOD,
    *_FAMILIES_PUBLIC,
    *_FAMILIES_EMPLOYMENT,
    *_FAMILIES_TAX,
    *_FAMILIES_INNOVATION,
    *_FAMILIES_INDUSTRY,
    *_FAMILIES_MARKET,
    *_FAMILIES_RURAL,
    *_FAMILIES_GOVERNANCE,
)
