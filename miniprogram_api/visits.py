"""网格员: my cells, households, offline visit sync, my tasks; residents link their household."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.core.errors import AppError, UpstreamUnavailable
from server.core.openapi import documented
from server.core.permissions import Role, authenticated, require
from server.core.requests import parse_body
from server.grid import admin as grid_admin
from server.grid import service
from server.grid.schemas import CellQuery, HouseholdQuery, PhoneLinkIn
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
