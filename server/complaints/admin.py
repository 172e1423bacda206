"""Staff API for complaints, dispatch, deadlines, ratings and statistics (后台: 诉求办理)."""

from __future__ import annotations

from datetime import date

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.accounts.models import Department
from server.complaints import deadlines, ratings, service, stats, workflow
from server.complaints.models import Complaint, ComplaintCategory, HolidayDay, HolidayYear
from server.complaints.schemas import (
    ActionIn,
    AppealIn,
    CategoryIn,
    CategoryPatch,
    HolidayYearIn,
    QueueQuery,
    RectifyIn,
    ReviewIn,
    StatsQuery,
)
from server.config import ComplaintSettings
from server.core.clock import local_today
from server.core.errors import AppError, Conflict, NotFound
from server.core.openapi import documented
from server.core.permissions import Role, require
from server.core.requests import parse_body, parse_query

bp = Blueprint("admin_complaints", url_prefix="/api/v1/admin")

_STAFF = (Role.STAFF, Role.ADMIN)
_TAG = "admin-complaints"
_ACTIONS = "|".join(a for a in workflow.ACTIONS if a != "feedback")


def _settings(request: Request) -> ComplaintSettings:
    settings: ComplaintSettings = request.app.ctx.settings.complaints
    return settings


@bp.get("/complaints")
@require(*_STAFF)
@documented(summary="Queue of cases by department, status and deadline", tag=_TAG, query=QueueQuery)
async def queue(request: Request) -> HTTPResponse:
    q = parse_query(request, QueueQuery)
    principal = request.ctx.principal
    dispatch = await service.dispatch_department_id(_settings(request))
    query = Complaint.all()
    scope = service.staff_scope(principal, dispatch)
    if scope is not None:
        query = query.filter(scope)
    if q.status:
        query = query.filter(status=q.status)
    if q.department:
        query = query.filter(department_id=q.department)
    if q.due_before:
        query = query.filter(reply_due__lte=q.due_before)
    if q.overdue:
        query = query.filter(
            reply_due__lt=local_today(),
            status__in=["accepted", "dispatched", "in_progress"],
        )
    if q.before_id:
        query = query.filter(id__lt=q.before_id)
    rows = await query.order_by("-id").limit(q.limit)
    items = [service.list_item(c) for c in rows]
    return json(
        {"items": items, "next_before_id": items[-1]["id"] if len(items) == q.limit else None}
    )


@bp.get("/complaints/<case_id:int>")
@require(*_STAFF)
@documented(summary="A case with its full timeline (internal notes included)", tag=_TAG)
async def get_case(request: Request, case_id: int) -> HTTPResponse:
    case = await service.visible_case(request.ctx.principal, _settings(request), case_id=case_id)
    return json(await service.case_view(case, staff=True))


@bp.post(f"/complaints/<case_id:int>/<action:{_ACTIONS}>")
@require(*_STAFF)
@documented(
    summary="Run a transition: accept, reject, dispatch, start, return, reply, visit, "
    "suspend, resume, merge, approve, note",
    tag=_TAG,
    body=ActionIn,
)
async def act(request: Request, case_id: int, action: str) -> HTTPResponse:
    data = parse_body(request, ActionIn)
    case = await workflow.perform(request.ctx.principal, _settings(request), case_id, action, data)
    return json(await service.case_view(case, staff=True))


# --------------------------------------------------------------------------- categories


@bp.get("/complaint-categories")
@require(*_STAFF)
@documented(summary="Every category, inactive ones included", tag=_TAG)
async def list_categories(request: Request) -> HTTPResponse:
    return json({"items": await service.categories(include_inactive=True)})


async def _check_department(department: int | None) -> None:
    if department is not None and not await Department.exists(id=department):
        raise AppError("unknown department", field="department")


@bp.post("/complaint-categories")
@require(Role.ADMIN)
@documented(
    summary="Add a category with its routing department", tag=_TAG, body=CategoryIn, status=201
)
async def add_category(request: Request) -> HTTPResponse:
    data = parse_body(request, CategoryIn)
    await _check_department(data.department)
    if await ComplaintCategory.exists(code=data.code):
        raise Conflict("category code taken", field="code")
    if data.parent_code and not await ComplaintCategory.exists(code=data.parent_code):
        raise AppError("unknown parent", field="parent_code")
    await ComplaintCategory.create(
        code=data.code,
        name=data.name,
        parent_code=data.parent_code,
        department_id=data.department,
        reply_days=data.reply_days,
        sort_order=data.sort_order,
        active=data.active,
    )
    return json({"items": await service.categories(include_inactive=True)}, status=201)


@bp.patch("/complaint-categories/<code:str>")
@require(Role.ADMIN)
@documented(
    summary="Edit a category (routing rule, expected reply time)", tag=_TAG, body=CategoryPatch
)
async def edit_category(request: Request, code: str) -> HTTPResponse:
    data = parse_body(request, CategoryPatch)
    category = await ComplaintCategory.get_or_none(code=code)
    if category is None:
        raise NotFound("no such category")
    changes = data.model_dump(exclude_unset=True)
    if "department" in changes:
        await _check_department(changes["department"])
        category.department_id = changes.pop("department")
    for key, value in changes.items():
        setattr(category, key, value)
    await category.save()
    return json({"items": await service.categories(include_inactive=True)})


# --------------------------------------------------------------------------- holidays


@bp.get("/complaint-holidays/<year:int>")
@require(*_STAFF)
@documented(summary="A year's holidays and make-up workdays; whether the year is known", tag=_TAG)
async def get_holidays(request: Request, year: int) -> HTTPResponse:
    if not 2000 <= year <= 2100:
        raise NotFound("no such year")
    await deadlines.ensure_years([year])
    known = await HolidayYear.get_or_none(year=year)
    days = await HolidayDay.filter(day__gte=date(year, 1, 1), day__lte=date(year, 12, 31)).order_by(
        "day"
    )
    return json(
        {
            "year": year,
            "known": known is not None,
            "source": known.source if known else None,
            "days": [{"date": d.day.isoformat(), "kind": d.kind, "name": d.name} for d in days],
        }
    )


@bp.put("/complaint-holidays/<year:int>")
@require(Role.ADMIN)
@documented(
    summary="Load a year's schedule (State Council notice); provisional deadlines are recomputed",
    tag=_TAG,
    body=HolidayYearIn,
)
async def put_holidays(request: Request, year: int) -> HTTPResponse:
    if not 2000 <= year <= 2100:
        raise NotFound("no such year")
    data = parse_body(request, HolidayYearIn)
    if any(item.date.year != year for item in data.days):
        raise AppError(f"every date must be in {year}", field="days")
    holidays = {i.date: i.name for i in data.days if i.kind == "holiday"}
    workdays = {i.date: i.name for i in data.days if i.kind == "workday"}
    await deadlines.store_year(year, holidays, workdays, source="admin")
    changed = await deadlines_recompute(_settings(request))
    return json({"year": year, "days": len(data.days), "recomputed_cases": changed})


async def deadlines_recompute(settings: ComplaintSettings) -> int:
    from server.complaints.recompute import recompute_provisional

    return await recompute_provisional(settings)


# --------------------------------------------------------------------------- statistics


@bp.get("/complaint-stats")
@require(*_STAFF)
@documented(summary="Figures by department and period", tag=_TAG, query=StatsQuery)
async def staff_stats(request: Request) -> HTTPResponse:
    q = parse_query(request, StatsQuery)
    overall = await stats.figures(q.department, q.start, q.end)
    return json({"overall": overall, "departments": await stats.by_department(q.start, q.end)})


# --------------------------------------------------------------------------- ratings


@bp.get("/complaint-ratings")
@require(*_STAFF)
@documented(summary="Ratings of my department (raters are not shown)", tag=_TAG)
async def list_ratings(request: Request) -> HTTPResponse:
    rows = await ratings.staff_ratings(request.ctx.principal, _settings(request))
    return json({"items": [await ratings.rating_view(r, for_rater=False) for r in rows]})


@bp.post("/complaint-ratings/<rating_id:int>/appeal")
@require(*_STAFF)
@documented(summary="Appeal a mistaken or malicious rating (申诉)", tag=_TAG, body=AppealIn)
async def appeal(request: Request, rating_id: int) -> HTTPResponse:
    data = parse_body(request, AppealIn)
    rating = await ratings.appeal(request.ctx.principal, _settings(request), rating_id, data.reason)
    return json(await ratings.rating_view(rating, for_rater=False))


@bp.post("/complaint-ratings/<rating_id:int>/review")
@require(Role.ADMIN)
@documented(
    summary="Review an appeal; excluding removes the rating from the figures",
    tag=_TAG,
    body=ReviewIn,
)
async def review(request: Request, rating_id: int) -> HTTPResponse:
    data = parse_body(request, ReviewIn)
    rating = await ratings.review(
        request.ctx.principal, _settings(request), rating_id, data.exclude, data.note
    )
    return json(await ratings.rating_view(rating, for_rater=False))


@bp.get("/complaint-rectifications")
@require(*_STAFF)
@documented(summary="Rectification tasks (整改) of my department", tag=_TAG)
async def list_rectifications(request: Request) -> HTTPResponse:
    return json({"items": await ratings.rectifications(request.ctx.principal, _settings(request))})


@bp.post("/complaint-rectifications/<rect_id:int>/<step:respond|visit>")
@require(*_STAFF)
@documented(
    summary="Answer a rectification, then record the return visit", tag=_TAG, body=RectifyIn
)
async def rectify(request: Request, rect_id: int, step: str) -> HTTPResponse:
    data = parse_body(request, RectifyIn)
    rect = await ratings.rectify(
        request.ctx.principal, _settings(request), rect_id, step, data.text
    )
    return json({"id": rect.id, "status": rect.status, "response": rect.response})
