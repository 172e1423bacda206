"""好差评 (国办发〔2019〕51号): five levels, one rating per subject per user, editable for a
few days; 不满意/非常不满意 open a rectification (整改) with a return visit; departments may
appeal (申诉) and an admin's review may exclude a rating from the statistics.

Raters stay anonymous to staff: staff views never carry the user id.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.accounts.models import Department
from server.complaints import stats
from server.complaints.deadlines import load_calendar
from server.complaints.models import Complaint, Rating, Rectification, Status
from server.complaints.schemas import RatingIn, SubjectRatingIn
from server.complaints.service import _iso, dispatch_department_id, is_dispatcher, visible_case
from server.config import ComplaintSettings
from server.core.clock import local_now
from server.core.errors import AppError, Conflict, Forbidden, NotFound
from server.core.permissions import Principal, Role
from server.core.routing import INT32_MAX
from server.push.intents import queue_push

LEVEL_NAMES = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BAD = 2  # levels at or below this are 差评


async def rate_case(
    principal: Principal, settings: ComplaintSettings, tracking_no: str, data: RatingIn
) -> Rating:
    case = await visible_case(principal, settings, tracking_no=tracking_no)
    if case.user_id != principal.user_id:
        raise Forbidden("only the person who filed the case may rate it")
    if case.status != Status.CLOSED:
        raise Conflict("only a closed case can be rated", field="status", code="not_closed")
    return await _upsert(
        principal,
        settings,
        "complaint",
        str(case.id),
        data,
        case=case,
        department=case.department_id,
    )


async def rate_subject(
    principal: Principal, settings: ComplaintSettings, data: SubjectRatingIn
) -> Rating:
    department: int | None = None
    if data.subject_type == "department":
        # ASCII digits within the id column's range only ("²" is a digit but no int; a wider
        # number overflows the database): anything else names no department.
        sid = data.subject_id
        if not (sid.isascii() and sid.isdigit()) or int(sid) > INT32_MAX:
            raise AppError("unknown department", field="subject_id")
        if not await Department.exists(id=int(sid)):
            raise AppError("unknown department", field="subject_id")
        department = int(data.subject_id)
    return await _upsert(
        principal, settings, data.subject_type, data.subject_id, data, department=department
    )


async def _upsert(
    principal: Principal,
    settings: ComplaintSettings,
    subject_type: str,
    subject_id: str,
    data: RatingIn,
    *,
    case: Complaint | None = None,
    department: int | None,
) -> Rating:
    now = local_now()
    tags = [t.strip()[:20] for t in data.tags if t.strip()]
    async with in_transaction() as conn:
        rating = (
            await Rating.filter(
                subject_type=subject_type, subject_id=subject_id, user_id=principal.user_id
            )
            .using_db(conn)
            .select_for_update()
            .first()
        )
        if rating is None:
            rating = await Rating.create(
                subject_type=subject_type,
                subject_id=subject_id,
                complaint_id=case.id if case else None,
                department_id=department,
                user_id=principal.user_id,
                level=data.level,
                tags=tags,
                comment=data.comment,
                counted_month=stats.month_of(now),
                using_db=conn,
            )
            await stats.bump(
                conn, [0, department or 0], rating.counted_month, **{f"level{data.level}": 1}
            )
        else:
            if now - rating.created_at > timedelta(days=settings.rating_edit_days):
                raise Conflict(
                    f"a rating can be changed within {settings.rating_edit_days} days",
                    code="rating_locked",
                )
            old = rating.level
            rating.level = data.level
            rating.tags = tags
            rating.comment = data.comment
            await rating.save(using_db=conn)
            if not rating.excluded and old != data.level:
                dept = [0, rating.department_id or 0]
                await stats.bump(conn, dept, rating.counted_month, **{f"level{old}": -1})
                await stats.bump(conn, dept, rating.counted_month, **{f"level{data.level}": 1})
        if rating.level <= BAD:
            await _open_rectification(rating, settings, conn)
    return rating


async def _open_rectification(
    rating: Rating, settings: ComplaintSettings, conn: BaseDBAsyncClient
) -> None:
    if await Rectification.filter(rating_id=rating.id).using_db(conn).exists():
        return
    today = local_now().date()
    cal = await load_calendar(today)
    due = cal.add_working_days(today, settings.rectify_days)
    await Rectification.create(
        rating_id=rating.id, department_id=rating.department_id, due=due.due, using_db=conn
    )


async def my_case_rating(
    principal: Principal, settings: ComplaintSettings, tracking_no: str
) -> Rating:
    case = await visible_case(principal, settings, tracking_no=tracking_no)
    rating = await Rating.get_or_none(
        subject_type="complaint", subject_id=str(case.id), user_id=principal.user_id
    )
    if rating is None:
        raise NotFound("you have not rated this case")
    return rating


async def rating_view(rating: Rating, *, for_rater: bool, edit_days: int = 7) -> dict[str, Any]:
    rect = await Rectification.get_or_none(rating_id=rating.id)
    view: dict[str, Any] = {
        "id": rating.id,
        "subject_type": rating.subject_type,
        "subject_id": rating.subject_id,
        "level": rating.level,
        "level_name": LEVEL_NAMES[rating.level],
        "tags": rating.tags,
        "comment": rating.comment,
        "created_at": _iso(rating.created_at),
        "updated_at": _iso(rating.updated_at),
        "rectification": None
        if rect is None
        else {
            "id": rect.id,
            "status": rect.status,
            "due": _iso(rect.due),
            "response": rect.response,
            "responded_at": _iso(rect.responded_at),
        },
    }
    if not for_rater:
        # Staff never see who rated; they see the case number to find the facts.
        view.update(
            department_id=rating.department_id,
            appeal_status=rating.appeal_status,
            appeal_reason=rating.appeal_reason,
            review_note=rating.review_note,
            excluded=rating.excluded,
        )
        if rating.complaint_id:
            no = await Complaint.filter(id=rating.complaint_id).values_list(
                "tracking_no", flat=True
            )
            view["tracking_no"] = no[0] if no else None
        if rect is not None and view["rectification"] is not None:
            view["rectification"]["visit_note"] = rect.visit_note
    else:
        view["editable_until"] = _iso(rating.created_at + timedelta(days=edit_days))
    return view


def _staff_may(principal: Principal, department_id: int | None, dispatch: int | None) -> bool:
    if Role.ADMIN in principal.roles or is_dispatcher(principal, dispatch):
        return True
    return department_id is not None and principal.department_id == department_id


async def staff_ratings(principal: Principal, settings: ComplaintSettings) -> list[Rating]:
    dispatch = await dispatch_department_id(settings)
    query = Rating.all().order_by("-id").limit(200)
    if not (Role.ADMIN in principal.roles or is_dispatcher(principal, dispatch)):
        query = query.filter(department_id=principal.department_id or -1)
    return list(await query)


def _check_id(value: int) -> None:
    if not 0 < value < 2**31:
        raise NotFound("no such resource")


async def _rating_for_staff(principal: Principal, settings: ComplaintSettings, rid: int) -> Rating:
    _check_id(rid)
    rating = await Rating.get_or_none(id=rid)
    dispatch = await dispatch_department_id(settings)
    if rating is None or not _staff_may(principal, rating.department_id, dispatch):
        raise NotFound("no such rating")
    return rating


async def appeal(
    principal: Principal, settings: ComplaintSettings, rid: int, reason: str
) -> Rating:
    rating = await _rating_for_staff(principal, settings, rid)
    if rating.appeal_status != "none":
        raise Conflict("this rating was already appealed", code="already_appealed")
    rating.appeal_status = "pending"
    rating.appeal_reason = reason
    await rating.save()
    return rating


async def review(
    principal: Principal, settings: ComplaintSettings, rid: int, exclude: bool, note: str
) -> Rating:
    if Role.ADMIN not in principal.roles:
        raise Forbidden("only an administrator reviews appeals")
    _check_id(rid)
    async with in_transaction() as conn:
        rating = await Rating.filter(id=rid).using_db(conn).select_for_update().first()
        if rating is None:
            raise NotFound("no such rating")
        if rating.appeal_status != "pending":
            raise Conflict("no pending appeal on this rating", code="no_pending_appeal")
        rating.review_note = note
        if exclude:
            rating.appeal_status = "excluded"
            rating.excluded = True
            await stats.bump(
                conn,
                [0, rating.department_id or 0],
                rating.counted_month,
                **{f"level{rating.level}": -1},
            )
        else:
            rating.appeal_status = "upheld"
        await rating.save(using_db=conn)
    return rating


async def rectifications(principal: Principal, settings: ComplaintSettings) -> list[dict[str, Any]]:
    dispatch = await dispatch_department_id(settings)
    query = Rectification.all().order_by("due", "id").limit(200)
    if not (Role.ADMIN in principal.roles or is_dispatcher(principal, dispatch)):
        query = query.filter(department_id=principal.department_id or -1)
    out = []
    for rect in await query:
        rating = await Rating.get(id=rect.rating_id)
        out.append(
            {
                "id": rect.id,
                "status": rect.status,
                "due": _iso(rect.due),
                "department_id": rect.department_id,
                "response": rect.response,
                "visit_note": rect.visit_note,
                "rating": await rating_view(rating, for_rater=False),
            }
        )
    return out


async def rectify(
    principal: Principal, settings: ComplaintSettings, rect_id: int, step: str, text: str
) -> Rectification:
    """``respond`` (the department's answer, shown to the rater) then ``visit`` (回访)."""
    _check_id(rect_id)
    dispatch = await dispatch_department_id(settings)
    async with in_transaction() as conn:
        rect = await Rectification.filter(id=rect_id).using_db(conn).select_for_update().first()
        if rect is None or not _staff_may(principal, rect.department_id, dispatch):
            raise NotFound("no such rectification")
        now = local_now()
        if step == "respond":
            if rect.status != "open":
                raise Conflict("already answered", code="illegal_transition")
            rect.status = "responded"
            rect.response = text
            rect.responded_at = now
            rating = await Rating.filter(id=rect.rating_id).using_db(conn).get()
            await queue_push(
                "complaint_progress",
                "user",
                rating.user_id,
                "rating",
                rating.id,
                {"status": "整改已答复", "time": now.strftime("%Y-%m-%d %H:%M")},
                using_db=conn,
            )
        elif step == "visit":
            if rect.status != "responded":
                raise Conflict("answer the rectification first", code="illegal_transition")
            rect.status = "visited"
            rect.visit_note = text
            rect.visited_at = now
        else:
            raise NotFound("no such step")
        await rect.save(using_db=conn)
    return rect
