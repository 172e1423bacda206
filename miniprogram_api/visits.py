"""网格员: my cells, households, offline visit sync, my tasks; residents link their household."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.core.db import fetch_page
from server.core.errors import AppError, UpstreamUnavailable, ValidationFailed
from server.core.limits import MIB, body_limit
from server.core.openapi import documented
from server.core.permissions import Role, authenticated, require
from server.core.requests import parse_body, parse_query
from server.grid import admin as grid_admin
from server.grid import service, tasks, visits
from server.grid.models import Visit
from server.grid.schemas import (
    CellQuery,
    HouseholdQuery,
    PageQuery,
    PhoneLinkIn,
    TaskQuery,
    VisitBatchIn,
)
from server.wechat import WeChatError

bp = Blueprint("mp_visits", url_prefix="/api/v1")


@bp.get("/grid/my/cells")
@require(Role.GRID_WORKER)
@documented(summary="My grid cells (网格员)", tag="grid", query=CellQuery)
async def my_cells(request: Request) -> HTTPResponse:
    return await grid_admin.list_cells_for(request)


@bp.get("/grid/my/households")
@require(Role.GRID_WORKER)
@documented(summary="Households in my cells (masked)", tag="grid", query=HouseholdQuery)
async def my_households(request: Request) -> HTTPResponse:
    return await grid_admin.list_households_for(request)


@bp.post("/grid/household-link")
@authenticated
@documented(
    summary="Link me to my household by the phone number WeChat verifies",
    tag="grid",
    body=PhoneLinkIn,
)
async def link_household(request: Request) -> HTTPResponse:
    body = parse_body(request, PhoneLinkIn)
    try:
        phone = await request.app.ctx.wechat.get_user_phone_number(body.code)
    except WeChatError as exc:
        if exc.retryable:
            raise UpstreamUnavailable("WeChat is unavailable; try again shortly") from None
        raise AppError("the phone code is invalid or used", code="invalid_phone_code") from None
    key = request.app.ctx.settings.security.secret_key
    linked = await service.link_resident(
        request.ctx.principal.user_id, phone.pure_phone_number, key
    )
    return json({"households": linked, "phone": service.mask_phone(phone.pure_phone_number)})


@bp.post("/visits/batch")
@require(Role.GRID_WORKER, Role.ADMIN)
# Up to 500 visits recorded offline, notes included: more than the 1 MiB default.
@body_limit(4 * MIB)
@documented(
    summary="Sync visits recorded offline (≤500; one result per item, replays are safe)",
    tag="grid",
    body=VisitBatchIn,
)
async def sync_visits(request: Request) -> HTTPResponse:
    body = parse_body(request, VisitBatchIn)
    limit = request.app.ctx.settings.grid.max_batch
    if len(body.visits) > limit:
        raise ValidationFailed(f"at most {limit} visits per batch", field="visits")
    results = await visits.sync_batch(request.ctx.principal, body.visits)
    return json({"results": results})


@bp.get("/visits")
@require(Role.GRID_WORKER)
@documented(summary="My synced visits, newest first", tag="grid", query=PageQuery)
async def my_visits(request: Request) -> HTTPResponse:
    params = parse_query(request, PageQuery)
    query = Visit.filter(worker_id=request.ctx.principal.user_id)
    rows, total = await fetch_page(query, params.page, params.page_size, "-visited_at", "-id")
    return json({"items": [visits.visit_out(v) for v in rows], "total": total})


@bp.get("/grid/my/tasks")
@require(Role.GRID_WORKER)
@documented(summary="My visit tasks, by deadline then place", tag="grid", query=TaskQuery)
async def my_tasks(request: Request) -> HTTPResponse:
    params = parse_query(request, TaskQuery)
    return json(
        await tasks.list_tasks(
            request.ctx.principal,
            status=params.status,
            worker_id=None,
            mine=True,
            page=params.page,
            page_size=params.page_size,
        )
    )
