"""Reference data for 如皋市: departments that handle cases, the category tree with its
routing rules, and (for demos) a handful of realistic cases in various states."""

from __future__ import annotations

from typing import Any

from server.accounts.service import ensure_department
from server.complaints.models import Complaint, ComplaintCategory

#: (code, name) of the departments cases are routed to. ``rgzwgk`` is the dispatch centre.
DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("rgzwgk", "如皋市政务公开办公室（12345热线）"),
    ("rgcgj", "如皋市城市管理局"),
    ("rgzjj", "如皋市住房和城乡建设局"),
    ("rghbj", "如皋市生态环境局"),
    ("rgrsj", "如皋市人力资源和社会保障局"),
    ("rgscjgj", "如皋市市场监督管理局"),
    ("rgjtj", "如皋市交通运输局"),
    ("rgspj", "如皋市行政审批局"),
)

#: (code, name, parent, department code, expected reply in working days or None = default).
CATEGORIES: tuple[tuple[str, str, str | None, str | None, int | None], ...] = (
    ("city", "城市管理", None, "rgcgj", None),
    ("city.road", "道路破损", "city", "rgcgj", 5),
    ("city.lighting", "路灯不亮", "city", "rgcgj", 3),
    ("city.stall", "占道经营", "city", "rgcgj", 3),
    ("housing", "住房与物业", None, "rgzjj", None),
    ("housing.property", "物业服务", "housing", "rgzjj", 5),
    ("housing.elevator", "老旧小区加装电梯", "housing", "rgzjj", 10),
    ("env", "生态环境", None, "rghbj", None),
    ("env.water", "黑臭水体", "env", "rghbj", 5),
    ("env.noise", "噪声扰民", "env", "rghbj", 3),
    ("social", "社保就业", None, "rgrsj", None),
    ("social.pension", "养老保险", "social", "rgrsj", 5),
    ("social.wage", "拖欠工资", "social", "rgrsj", 3),
    ("market", "市场监管", None, "rgscjgj", None),
    ("market.food", "食品安全", "market", "rgscjgj", 3),
    ("traffic", "交通出行", None, "rgjtj", None),
    ("traffic.bus", "公交线路", "traffic", "rgjtj", 5),
    ("service", "政务服务", None, "rgspj", None),
    ("service.case", "办件投诉（具体办件）", "service", "rgspj", 5),
    ("service.suggest", "政务服务建议", "service", "rgspj", 10),
    ("other", "其他", None, "rgzwgk", None),
)


async def seed_reference_data() -> dict[str, int]:
    """Departments and categories (idempotent). Returns department code → id."""
    ids: dict[str, int] = {}
    for code, name in DEPARTMENTS:
        dept = await ensure_department(code, name)
        ids[code] = dept.id
    for order, (code, name, parent, dept_code, days) in enumerate(CATEGORIES):
        await ComplaintCategory.get_or_create(
            code=code,
            defaults={
                "name": name,
                "parent_code": parent,
                "department_id": ids.get(dept_code or ""),
                "reply_days": days,
                "sort_order": order,
            },
        )
    return ids


#: Demo cases: (kind, category, content, address, lat, lng, public).
DEMO_CASES: tuple[tuple[str, str, str, str, float, float, bool], ...] = (
    (
        "complaint",
        "city.road",
        "如城街道海阳路与福寿路交叉口东侧人行道砖块松动破损，雨天积水，老人经过容易摔倒，希望尽快修复。",
        "如皋市如城街道海阳路与福寿路交叉口",
        32.3713,
        120.5662,
        True,
    ),
    (
        "complaint",
        "city.lighting",
        "万寿路花园小区北门外一排路灯已经一周不亮，晚上出行不安全。",
        "如皋市如城街道万寿路",
        32.3841,
        120.5718,
        True,
    ),
    (
        "suggestion",
        "traffic.bus",
        "建议增开从长江镇到市人民医院的早班公交，目前首班车7点才发，赶不上早上的门诊挂号。",
        "如皋市长江镇",
        32.1213,
        120.5402,
        True,
    ),
    (
        "inquiry",
        "social.pension",
        "灵活就业人员缴纳城镇职工养老保险，今年的缴费基数下限是多少？可以在网上办理吗？",
        "",
        0.0,
        0.0,
        False,
    ),
    (
        "complaint",
        "env.water",
        "龙游河东陈镇段河水发黑发臭，夏天味道很大，疑似有排污口，请相关部门查看。",
        "如皋市东陈镇龙游河",
        32.4402,
        120.6013,
        True,
    ),
    (
        "complaint",
        "service.case",
        "在市政务服务中心办理不动产登记（办件号如不动产2026-118877），承诺10个工作日办结，现已超期仍无答复。",
        "如皋市政务服务中心",
        32.3768,
        120.5589,
        False,
    ),
)


async def seed_demo_cases(settings: Any, user_id: int | None = None) -> int:
    """A few realistic cases (idempotent by ``external_key``); returns how many were added."""
    from server.complaints.schemas import SubmitIn
    from server.complaints.service import create_case

    await seed_reference_data()
    added = 0
    for i, (kind, category, content, address, lat, lng, public) in enumerate(DEMO_CASES):
        key = f"demo:{i}"
        if await Complaint.exists(external_key=key):
            continue
        data = SubmitIn.model_validate(
            {
                "kind": kind,
                "category": category,
                "content": content,
                "address": address,
                "lat": lat or None,
                "lng": lng or None,
                "is_public": public,
            }
        )
        await create_case(data, settings, user_id=user_id, source="demo", external_key=key)
        added += 1
    return added
