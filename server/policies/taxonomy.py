"""Classification trees for policies, as pure data.

Four independent classification systems are attached to every policy (cf. the 交通运输部
主题/行业/机构 catalogue and the 如皋 五公开 stages in the seeds):

* ``TOPICS`` (主题分类) — what the policy is about, two levels, dotted slugs
  (``social-security`` → ``social-security.pension``);
* ``ENTERPRISE_CATEGORIES`` (惠企政策类别) — the 14 flat classes of 裕华区's 惠企政策 board;
* ``DISCLOSURE_STAGES`` (五公开) — 决策/执行/管理/服务/结果, in that order (a sort key);
* ``AUDIENCES`` — residents, enterprises or both.

Industries are GB/T 4754-2017 codes (see ``server/policies/data/gbt4754-2017.csv``) and are
not repeated here. Regions are the complete GB/T 2260 list of provinces, prefectures and
counties (``server/policies/data/gbt2260-regions.csv``, see the README beside it), read once
at import. Only national issuing bodies are built in (``ISSUERS``); a deployment's own
province, city and county bodies come from its data (the demo's from ``server/demo``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "AUDIENCES",
    "DISCLOSURE_STAGES",
    "ENTERPRISE_CATEGORIES",
    "ISSUERS",
    "REGIONS",
    "TOPICS",
    "Issuer",
    "IssuerLevel",
    "Region",
    "TaxonomyNode",
    "audience_codes",
    "category_codes",
    "find_node",
    "issuer_by_code",
    "issuer_by_name",
    "iter_nodes",
    "region_ancestors",
    "region_by_code",
    "stage_codes",
    "stage_sort_key",
    "topic_codes",
    "topic_top_level",
]


@dataclass(frozen=True, slots=True)
class TaxonomyNode:
    """One node of a classification tree. ``code`` is a lowercase ASCII slug; a child's code
    is its parent's code, a dot, and its own slug."""

    code: str
    name: str
    children: tuple[TaxonomyNode, ...] = ()


def _tree(code: str, name: str, *children: tuple[str, str]) -> TaxonomyNode:
    return TaxonomyNode(
        code=code,
        name=name,
        children=tuple(TaxonomyNode(f"{code}.{slug}", child) for slug, child in children),
    )


# ---------------------------------------------------------------------------------------------
# 主题分类
# ---------------------------------------------------------------------------------------------

TOPICS: tuple[TaxonomyNode, ...] = (
    _tree(
        "social-security",
        "社会保障",
        ("pension", "养老保险"),
        ("medical-insurance", "医疗保险"),
        ("unemployment-insurance", "失业保险"),
        ("work-injury", "工伤保险"),
    ),
    _tree(
        "employment",
        "就业创业",
        ("subsidy", "就业补贴"),
        ("entrepreneurship", "创业扶持"),
        ("skills", "职业技能培训"),
        ("key-groups", "重点群体就业"),
    ),
    _tree(
        "education",
        "教育",
        ("compulsory", "义务教育"),
        ("preschool", "学前教育"),
        ("student-aid", "学生资助"),
        ("vocational", "职业教育"),
    ),
    _tree(
        "health",
        "医疗卫生",
        ("primary-care", "基层医疗与家庭医生"),
        ("maternal-child", "妇幼健康"),
        ("disease-control", "疾病预防控制"),
        ("medical-assistance", "医疗救助"),
    ),
    _tree(
        "housing",
        "住房保障",
        ("public-rental", "公共租赁住房"),
        ("provident-fund", "住房公积金"),
        ("talent-housing", "人才安居"),
        ("renovation", "老旧小区改造"),
    ),
    _tree(
        "elderly-care",
        "养老服务",
        ("allowance", "高龄津贴与老年优待"),
        ("home-care", "居家社区养老"),
        ("institutions", "养老机构"),
    ),
    _tree(
        "social-assistance",
        "社会救助与民政",
        ("minimum-living", "最低生活保障"),
        ("temporary-relief", "临时救助"),
        ("disability", "残疾人保障"),
        ("veterans", "退役军人优待"),
    ),
    _tree(
        "transport",
        "交通运输",
        ("rural-roads", "农村公路"),
        ("public-transit", "城乡公交"),
        ("logistics", "物流与货运"),
    ),
    _tree(
        "urban-rural",
        "城乡建设",
        ("old-factory", "旧厂房改造"),
        ("municipal", "市政设施"),
        ("waste-sorting", "垃圾分类"),
    ),
    _tree(
        "agriculture",
        "农业农村",
        ("grain", "粮食生产"),
        ("farmland", "高标准农田"),
        ("insurance", "农业保险"),
        ("specialty", "特色产业"),
        ("rural-revitalization", "乡村振兴"),
    ),
    _tree(
        "environment",
        "生态环境",
        ("air", "大气污染防治"),
        ("water", "水环境治理"),
        ("straw", "秸秆禁烧与综合利用"),
        ("carbon", "碳达峰碳中和"),
    ),
    _tree(
        "technology",
        "科技创新",
        ("high-tech", "高新技术企业"),
        ("rd", "研发投入"),
        ("ip", "知识产权"),
        ("platforms", "创新平台"),
    ),
    _tree(
        "finance-tax",
        "财政税务",
        ("tax-relief", "减税降费"),
        ("vat-refund", "留抵退税"),
        ("credit-rating", "纳税信用"),
        ("procurement", "政府采购"),
    ),
    _tree(
        "business-environment",
        "市场监管与营商环境",
        ("registration", "市场主体登记"),
        ("food-safety", "食品安全"),
        ("quality", "质量品牌"),
        ("financing", "融资服务"),
    ),
    _tree(
        "emergency",
        "应急管理与安全生产",
        ("flood", "防汛防台"),
        ("work-safety", "安全生产"),
        ("fire", "消防安全"),
        ("disaster-relief", "自然灾害救助"),
    ),
    _tree(
        "culture-tourism",
        "文化旅游",
        ("consumption", "文旅消费"),
        ("heritage", "文物与非遗保护"),
        ("public-culture", "公共文化服务"),
        ("scenic", "景区建设"),
    ),
    _tree(
        "industry-it",
        "工业和信息化",
        ("manufacturing", "制造业发展"),
        ("digital", "数字化转型"),
        ("infrastructure", "新型基础设施"),
        ("sme", "中小企业发展"),
    ),
    _tree(
        "grassroots",
        "基层治理与政务公开",
        ("grid", "网格化管理"),
        ("hotline", "12345热线"),
        ("openness", "政务公开"),
        ("village-affairs", "村务公开"),
    ),
)


# ---------------------------------------------------------------------------------------------
# 惠企政策类别 (裕华区 政务公开专区, 14 classes)
# ---------------------------------------------------------------------------------------------

ENTERPRISE_CATEGORIES: tuple[TaxonomyNode, ...] = (
    TaxonomyNode("employment", "稳岗就业"),
    TaxonomyNode("fiscal-tax", "财税扶持"),
    TaxonomyNode("finance", "金融支持"),
    TaxonomyNode("talent", "人才政策"),
    TaxonomyNode("innovation", "创新政策"),
    TaxonomyNode("education-livelihood", "教育民生"),
    TaxonomyNode("technology", "科技政策"),
    TaxonomyNode("industry", "产业发展"),
    TaxonomyNode("market", "市场开拓"),
    TaxonomyNode("fee-reduction", "减费降负"),
    TaxonomyNode("land-space", "用地用房"),
    TaxonomyNode("relief", "纾困帮扶"),
    TaxonomyNode("digital", "数字经济"),
    TaxonomyNode("green", "绿色低碳"),
)


# ---------------------------------------------------------------------------------------------
# 五公开 (the order is the sort order used by search results)
# ---------------------------------------------------------------------------------------------

DISCLOSURE_STAGES: tuple[TaxonomyNode, ...] = (
    TaxonomyNode("decision", "决策"),
    TaxonomyNode("execution", "执行"),
    TaxonomyNode("management", "管理"),
    TaxonomyNode("service", "服务"),
    TaxonomyNode("result", "结果"),
)

AUDIENCES: tuple[TaxonomyNode, ...] = (
    TaxonomyNode("residents", "居民"),
    TaxonomyNode("enterprises", "企业"),
    TaxonomyNode("both", "通用"),
)


# ---------------------------------------------------------------------------------------------
# Regions (GB/T 2260)
# ---------------------------------------------------------------------------------------------

RegionLevel = Literal["province", "city", "county"]


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: RegionLevel
    parent: str | None


#: GB/T 2260 province, prefecture and county codes (``data/gbt2260-regions.csv``).
REGIONS_FILE = Path(__file__).resolve().parent / "data" / "gbt2260-regions.csv"


def _load_regions() -> tuple[Region, ...]:
    levels: dict[str, RegionLevel] = {"province": "province", "city": "city", "county": "county"}
    with REGIONS_FILE.open(encoding="utf-8", newline="") as f:
        return tuple(
            Region(row["code"], row["name"], levels[row["level"]], row["parent"] or None)
            for row in csv.DictReader(f)
        )


REGIONS: tuple[Region, ...] = _load_regions()

_REGIONS_BY_CODE: dict[str, Region] = {r.code: r for r in REGIONS}


def region_by_code(code: str) -> Region | None:
    """The GB/T 2260 province, prefecture or county with this code, if it exists."""
    return _REGIONS_BY_CODE.get(code)


def region_ancestors(code: str) -> list[str]:
    """The code itself followed by its ancestors up to the province, nearest first.

    ``"320682"`` → ``["320682", "320600", "320000"]``. Known regions follow ``REGIONS``
    (so ``429004`` 仙桃市 climbs through ``429000`` 省直辖县级行政区划);
    other six-digit codes are climbed structurally (``xxyyzz`` → ``xxyy00`` → ``xx0000``).
    A nine-digit town code yields itself and then its county's chain.
    """
    if not code.isascii() or not code.isdigit() or len(code) not in (6, 9):
        raise ValueError(f"not a 6- or 9-digit region code: {code!r}")
    chain: list[str] = []
    if len(code) == 9:
        chain.append(code)
        code = code[:6]
    known = _REGIONS_BY_CODE.get(code)
    if known is not None:
        node: Region | None = known
        while node is not None:
            chain.append(node.code)
            node = _REGIONS_BY_CODE.get(node.parent) if node.parent else None
        return chain
    for candidate in (code, code[:4] + "00", code[:2] + "0000"):
        if candidate not in chain:
            chain.append(candidate)
    return chain


# ---------------------------------------------------------------------------------------------
# Issuing bodies (机构分类)
# ---------------------------------------------------------------------------------------------

IssuerLevel = Literal["national", "provincial", "city", "county"]


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuing body. ``regions`` is where its policies apply; empty means nationwide."""

    code: str
    name: str
    level: IssuerLevel
    regions: tuple[str, ...]


_NATIONAL: tuple[str, ...] = ()

#: National issuing bodies, valid in every deployment. Provincial, city and county bodies
#: are added to the issuer tree by a deployment's data (imports add unknown names with an
#: ``org-…`` code; the demo's are in ``server/demo/data/demo.json``).
ISSUERS: tuple[Issuer, ...] = (
    Issuer("gov-office", "国务院办公厅", "national", _NATIONAL),
    Issuer("mohrss", "人力资源社会保障部", "national", _NATIONAL),
    Issuer("mof", "财政部", "national", _NATIONAL),
    Issuer("sta", "国家税务总局", "national", _NATIONAL),
    Issuer("miit", "工业和信息化部", "national", _NATIONAL),
    Issuer("most", "科学技术部", "national", _NATIONAL),
    Issuer("mca", "民政部", "national", _NATIONAL),
    Issuer("moa", "农业农村部", "national", _NATIONAL),
    Issuer("nhsa", "国家医疗保障局", "national", _NATIONAL),
)

_ISSUERS_BY_CODE: dict[str, Issuer] = {i.code: i for i in ISSUERS}
_ISSUERS_BY_NAME: dict[str, Issuer] = {i.name: i for i in ISSUERS}


def issuer_by_code(code: str) -> Issuer:
    """The issuer with this slug; ``KeyError`` if there is none."""
    return _ISSUERS_BY_CODE[code]


def issuer_by_name(name: str) -> Issuer:
    """The issuer with this exact name; ``KeyError`` if there is none."""
    return _ISSUERS_BY_NAME[name]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def iter_nodes(nodes: Iterable[TaxonomyNode]) -> Iterator[TaxonomyNode]:
    """Every node of a forest, depth first, parents before children."""
    for node in nodes:
        yield node
        yield from iter_nodes(node.children)


def find_node(nodes: Iterable[TaxonomyNode], code: str) -> TaxonomyNode | None:
    """The node with this code anywhere in the forest, or ``None``."""
    for node in iter_nodes(nodes):
        if node.code == code:
            return node
    return None


def topic_codes() -> frozenset[str]:
    """All topic codes, top-level and children."""
    return frozenset(n.code for n in iter_nodes(TOPICS))


def topic_top_level(code: str) -> str:
    """The top-level topic a (possibly dotted) topic code belongs to."""
    return code.split(".", 1)[0]


def category_codes() -> frozenset[str]:
    return frozenset(n.code for n in ENTERPRISE_CATEGORIES)


def audience_codes() -> frozenset[str]:
    return frozenset(n.code for n in AUDIENCES)


def stage_codes() -> tuple[str, ...]:
    """The five stage codes in disclosure order."""
    return tuple(n.code for n in DISCLOSURE_STAGES)


_STAGE_RANK: dict[str, int] = {n.code: i for i, n in enumerate(DISCLOSURE_STAGES)}


def stage_sort_key(code: str) -> int:
    """0 for 决策 … 4 for 结果; ``KeyError`` for an unknown stage."""
    return _STAGE_RANK[code]
