"""Complaint intake, visibility and views. Transitions live in :mod:`.workflow`.

Who sees a case: the submitter (residents see only their own), staff of the dispatch
department (they accept and dispatch everything), staff of the lead or a co-department,
and admins. Anyone else gets 404, as if the case did not exist.
"""

from __future__ import annotations

import math
import uuid
from datetime import date, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.accounts.models import Department
from server.complaints import stats
from server.complaints.deadlines import load_calendar
from server.complaints.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintImage,
    Kind,
    Status,
)
from server.complaints.schemas import SubmitIn
from server.config import ComplaintSettings
from server.core.clock import CHINA, local_now
from server.core.errors import AppError, NotFound
from server.core.permissions import Principal, Role

OPEN_STATUSES = (
    Status.HELD,
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.DISPATCHED,
    Status.IN_PROGRESS,
    Status.SUSPENDED,
    Status.REPLIED,
)
STATUS_NAMES = {
    Status.HELD: "待审核",
    Status.SUBMITTED: "已提交",
    Status.ACCEPTED: "已受理",
    Status.REJECTED: "不予受理",
    Status.DISPATCHED: "已派单",
    Status.IN_PROGRESS: "办理中",
    Status.SUSPENDED: "待补充材料",
    Status.REPLIED: "已答复",
    Status.CLOSED: "已办结",
    Status.MERGED: "已合并",
}
KIND_NAMES = {Kind.COMPLAINT: "投诉", Kind.SUGGESTION: "建议", Kind.INQUIRY: "咨询"}
MODE_NAMES = {"immediate": "立即办", "transfer": "转交办", "joint": "会商办", "deadline": "限期办"}


# --------------------------------------------------------------------------- masking


def mask_phone(phone: str) -> str:
    """138****1234; shorter numbers keep only their last two digits."""
    if len(phone) >= 11:
        return phone[:3] + "****" + phone[-4:]
    if len(phone) > 2:
        return "*" * (len(phone) - 2) + phone[-2:]
    return "*" * len(phone)


def mask_name(name: str) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


# --------------------------------------------------------------------------- departments


async def dispatch_department_id(settings: ComplaintSettings) -> int | None:
    dept = await Department.get_or_none(code=settings.dispatch_department)
    return dept.id if dept else None


def co_departments(case: Complaint) -> list[int]:
    return [int(x) for x in case.co_departments.strip(",").split(",") if x]


def co_departments_text(ids: list[int]) -> str:
    return "," + "".join(f"{i}," for i in dict.fromkeys(ids))


def is_dispatcher(principal: Principal, dispatch_dept: int | None) -> bool:
    if Role.ADMIN in principal.roles:
        return True
    return (
        Role.STAFF in principal.roles
        and principal.department_id is not None
        and principal.department_id == dispatch_dept
    )


def is_assigned(principal: Principal, case: Complaint) -> bool:
    """Admin, or staff of the lead department."""
    if Role.ADMIN in principal.roles:
        return True
    return (
        Role.STAFF in principal.roles
        and case.department_id is not None
        and principal.department_id == case.department_id
    )


def can_see(principal: Principal, case: Complaint, dispatch_dept: int | None) -> bool:
    if case.user_id is not None and case.user_id == principal.user_id:
        return True
    if is_dispatcher(principal, dispatch_dept) or is_assigned(principal, case):
        return True
    return (
        Role.STAFF in principal.roles
        and principal.department_id is not None
        and principal.department_id in co_departments(case)
    )


async def visible_case(
    principal: Principal,
    settings: ComplaintSettings,
    *,
    tracking_no: str | None = None,
    case_id: int | None = None,
) -> Complaint:
    if tracking_no is not None:
        case = await Complaint.get_or_none(tracking_no=tracking_no[:24])
    elif case_id is not None and 0 < case_id < 2**31:
        case = await Complaint.get_or_none(id=case_id)
    else:
        case = None
    if case is None or not can_see(principal, case, await dispatch_department_id(settings)):
        raise NotFound("no such case")
    return case


def staff_scope(principal: Principal, dispatch_dept: int | None) -> Q | None:
    """The queue filter of a staff member (None: everything)."""
    if is_dispatcher(principal, dispatch_dept):
        return None
    dept = principal.department_id
    if dept is None:
        return Q(id=-1)
    return Q(department_id=dept) | Q(co_departments__contains=f",{dept},")


# --------------------------------------------------------------------------- intake


async def categories(*, include_inactive: bool = False) -> list[dict[str, Any]]:
    query = ComplaintCategory.all().order_by("sort_order", "id")
    if not include_inactive:
        query = query.filter(active=True)
    names = dict(await Department.all().values_list("id", "name"))
    out = []
    for c in await query:
        out.append(
            {
                "code": c.code,
                "name": c.name,
                "parent_code": c.parent_code,
                "department_id": c.department_id,
                "department_name": names.get(c.department_id) if c.department_id else None,
                "reply_days": c.reply_days,
                "active": c.active,
            }
        )
    return out


async def expected_reply_days(category: ComplaintCategory, settings: ComplaintSettings) -> int:
    return category.reply_days or settings.reply_days


def distance_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


async def similar_cases(
    category_code: str, lat: float, lng: float, settings: ComplaintSettings
) -> list[dict[str, Any]]:
    """Open public cases of the category within the radius ("已有相似诉求")."""
    category = await ComplaintCategory.get_or_none(code=category_code)
    if category is None:
        raise AppError("unknown category", field="category", code="unknown_category")
    radius = settings.similar_radius_m
    dlat = radius / 111_320.0
    dlng = radius / (111_320.0 * max(0.01, math.cos(math.radians(lat))))
    rows = await Complaint.filter(
        category_id=category.id,
        status__in=[s.value for s in OPEN_STATUSES if s != Status.HELD],
        is_public=True,
        lat__gte=lat - dlat,
        lat__lte=lat + dlat,
        lng__gte=lng - dlng,
        lng__lte=lng + dlng,
    ).limit(50)
    out = []
    for case in rows:
        assert case.lat is not None and case.lng is not None
        d = distance_m(lat, lng, case.lat, case.lng)
        if d <= radius:
            out.append(
                {
                    "tracking_no": case.tracking_no,
                    "status": case.status,
                    "status_name": STATUS_NAMES[Status(case.status)],
                    "summary": case.content[:60],
                    "distance_m": round(d),
                    "submitted_at": case.submitted_at.isoformat(),
                }
            )
    out.sort(key=lambda x: float(str(x["distance_m"])))
    return out[:10]


async def create_case(
    data: SubmitIn,
    settings: ComplaintSettings,
    *,
    user_id: int | None,
    source: str,
    held: bool = False,
    external_key: str | None = None,
    cell_code: str | None = None,
    open311_token: str | None = None,
    conn: BaseDBAsyncClient | None = None,
) -> Complaint:
    """Write a new case with its first event and deadlines; returns it with its number."""
    category = await ComplaintCategory.get_or_none(code=data.category, active=True)
    if category is None:
        raise AppError("unknown category", field="category", code="unknown_category")
    if len(data.content) > settings.max_text_chars:
        raise AppError(
            f"content is longer than {settings.max_text_chars} characters", field="content"
        )
    if len(data.images) > settings.max_images:
        raise AppError(f"at most {settings.max_images} images", field="images")
    images = list(dict.fromkeys(data.images))
    if images:
        owned = await ComplaintImage.filter(
            id__in=images, user_id=user_id or -1, complaint_id__isnull=True
        ).count()
        if owned != len(images):
            raise AppError("unknown or already used image", field="images", code="unknown_image")
    now = local_now()
    cal = await load_calendar(now.date())
    accept = cal.add_working_days(now.date(), settings.accept_days)
    status = Status.HELD if held else Status.SUBMITTED

    async def write(c: BaseDBAsyncClient) -> Complaint:
        case = await Complaint.create(
            tracking_no=uuid.uuid4().hex[:24],
            kind=data.kind.value,
            category_id=category.id,
            user_id=user_id,
            source=source,
            content=data.content,
            images=images,
            lat=data.lat,
            lng=data.lng,
            address=data.address,
            cell_code=cell_code,
            related_case_no=data.related_case_no,
            is_public=data.is_public,
            contact_name=data.contact_name,
            contact_phone=data.contact_phone,
            status=status.value,
            department_id=category.department_id,
            accept_due=accept.due,
            deadline_info={"accept": accept.explain()},
            provisional=accept.provisional,
            external_key=external_key,
            open311_token=open311_token,
            using_db=c,
        )
        case.tracking_no = f"{settings.tracking_prefix}{now:%Y%m%d}-{case.id:06d}"
        await Complaint.filter(id=case.id).using_db(c).update(tracking_no=case.tracking_no)
        await ComplaintEvent.create(
            complaint_id=case.id,
            action="submit",
            to_status=status.value,
            actor_id=user_id,
            actor_role="resident" if user_id else source,
            note="内容待审核" if held else "",
            using_db=c,
        )
        if images:
            await (
                ComplaintImage.filter(id__in=images, complaint_id__isnull=True)
                .using_db(c)
                .update(complaint_id=case.id)
            )
        await stats.bump(c, [0], stats.month_of(now), received=1)
        return case

    if conn is not None:
        return await write(conn)
    async with in_transaction() as c:
        return await write(c)


# --------------------------------------------------------------------------- views


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(CHINA).isoformat()
    return value.isoformat()


async def case_view(case: Complaint, *, staff: bool, with_timeline: bool = True) -> dict[str, Any]:
    """A case as JSON. Personal data is always masked; internal notes only for staff."""
    category = await ComplaintCategory.get_or_none(id=case.category_id)
    dept_ids = [d for d in [case.department_id, *co_departments(case)] if d]
    names = dict(await Department.filter(id__in=dept_ids).values_list("id", "name"))
    view: dict[str, Any] = {
        "id": case.id,
        "tracking_no": case.tracking_no,
        "kind": case.kind,
        "kind_name": KIND_NAMES[Kind(case.kind)],
        "category": category.code if category else None,
        "category_name": category.name if category else None,
        "content": case.content,
        "images": [{"id": i, "url": f"/api/v1/complaint-images/{i}"} for i in case.images],
        "lat": case.lat,
        "lng": case.lng,
        "address": case.address,
        "related_case_no": case.related_case_no,
        "is_public": case.is_public,
        "contact_name": mask_name(case.contact_name),
        "contact_phone": mask_phone(case.contact_phone),
        "status": case.status,
        "status_name": STATUS_NAMES[Status(case.status)],
        "mode": case.mode,
        "mode_name": MODE_NAMES.get(case.mode or ""),
        "department": names.get(case.department_id) if case.department_id else None,
        "co_departments": [names[d] for d in co_departments(case) if d in names],
        "answer": case.answer,
        "resolved": case.resolved,
        "submitted_at": _iso(case.submitted_at),
        "replied_at": _iso(case.replied_at),
        "closed_at": _iso(case.closed_at),
        "deadlines": {
            "accept_due": _iso(case.accept_due),
            "reply_due": _iso(case.reply_due),
            "provisional": case.provisional,
            "explain": case.deadline_info,
        },
    }
    if case.merged_into_id:
        target = await Complaint.get_or_none(id=case.merged_into_id)
        view["merged_into"] = target.tracking_no if target else None
    if staff:
        view.update(
            department_id=case.department_id,
            co_department_ids=co_departments(case),
            source=case.source,
            cell_code=case.cell_code,
            warned=case.warned,
            escalated=case.escalated,
            reopen_count=case.reopen_count,
        )
    if with_timeline:
        events = ComplaintEvent.filter(complaint_id=case.id).order_by("id")
        if not staff:
            events = events.filter(internal=False)
        view["timeline"] = [
            {
                "action": e.action,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "status_name": STATUS_NAMES[Status(e.to_status)] if e.to_status else None,
                "note": e.note,
                "at": _iso(e.created_at),
                **(
                    {"internal": e.internal, "actor_id": e.actor_id, "actor_role": e.actor_role}
                    if staff
                    else {"by": _actor_label(e.actor_role)}
                ),
            }
            for e in await events
        ]
    return view


def _actor_label(role: str) -> str:
    return {"resident": "我", "staff": "工作人员", "admin": "工作人员"}.get(role, "系统")


def list_item(case: Complaint) -> dict[str, Any]:
    return {
        "id": case.id,
        "tracking_no": case.tracking_no,
        "kind": case.kind,
        "status": case.status,
        "status_name": STATUS_NAMES[Status(case.status)],
        "summary": case.content[:60],
        "submitted_at": _iso(case.submitted_at),
        "reply_due": _iso(case.reply_due),
        "department_id": case.department_id,
    }
