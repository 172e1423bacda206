"""Staff API for the grid, grid workers, visit tasks and coverage (后台: 网格化管理).

Who sees what: admins everything; staff the communities of their department (and the
cells below); grid workers their assigned cells. Household tags are sensitive and shown
only to these back-office roles; phones and addresses are always masked.
"""

from __future__ import annotations

from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json
from tortoise.expressions import RawSQL

from server.core.db import fetch_page
from server.core.errors import Forbidden, NotFound, ValidationFailed
from server.core.openapi import documented
from server.core.permissions import Role, require
from server.core.requests import parse_body, parse_query
from server.grid import coverage, service, tasks, visits
from server.grid.models import LEVEL_COLUMNS, GridCell, Household, HouseholdTag
from server.grid.schemas import (
    CellQuery,
    CellsIn,
    CoverageQuery,
    HouseholdQuery,
    PlansIn,
    TargetIn,
    TaskIn,
    TaskQuery,
    VisitStatsQuery,
)

bp = Blueprint("admin_grid", url_prefix="/api/v1/admin")
_BACK_OFFICE = (Role.STAFF, Role.ADMIN, Role.GRID_WORKER)
_STAFF = (Role.STAFF, Role.ADMIN)


def cell_out(c: GridCell) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": c.name,
        "level": c.level,
        "parent_code": c.parent_code,
        "region_code": c.region_code,
        "lat": c.lat,
        "lng": c.lng,
    }


async def list_cells_for(request: Request) -> HTTPResponse:
    params = parse_query(request, CellQuery)
    scope = await service.scope_for(request.ctx.principal)
    query = GridCell.filter(scope.q())
    if params.parent_code:
        query = query.filter(parent_code=params.parent_code)
    if params.level:
        query = query.filter(level=params.level)
    rows = await query.order_by("code").limit(2000)
    return json({"items": [cell_out(c) for c in rows]})


async def list_households_for(request: Request) -> HTTPResponse:
    params = parse_query(request, HouseholdQuery)
    scope = await service.scope_for(request.ctx.principal)
    query = Household.filter(scope.q())
    if params.cell_code:
        cell = await GridCell.get_or_none(code=params.cell_code)
        if cell is None:
            return json({"items": [], "total": 0})
        query = query.filter(**{LEVEL_COLUMNS[cell.level]: cell.code})
    if params.tag:
        tag = await HouseholdTag.get_or_none(name=params.tag)
        if tag is None:
            return json({"items": [], "total": 0})
        # The tag's bit in tag_mask (an int from our table, never user input).
        query = query.annotate(has_tag=RawSQL(f"(tag_mask >> {int(tag.bit)}) & 1")).filter(
            has_tag=1
        )
    rows, total = await fetch_page(query, params.page, params.page_size, "external_id")
    return json({"items": [service.household_out(h) for h in rows], "total": total})


@bp.get("/grid/cells")
@require(*_BACK_OFFICE)
@documented(summary="Grid cells the caller may see", tag="admin-grid", query=CellQuery)
async def list_cells(request: Request) -> HTTPResponse:
    return await list_cells_for(request)


@bp.get("/grid/households")
@require(*_BACK_OFFICE)
@documented(
    summary="Households the caller may see (masked)", tag="admin-grid", query=HouseholdQuery
)
async def list_households(request: Request) -> HTTPResponse:
    return await list_households_for(request)


@bp.put("/grid-workers/<user_id:int>/cells")
@require(*_STAFF)
@documented(summary="Replace a grid worker's cells", tag="admin-grid", body=CellsIn)
async def put_worker_cells(request: Request, user_id: int) -> HTTPResponse:
    body = parse_body(request, CellsIn)
    cells = await service.assign_cells(request.ctx.principal, user_id, body.cells)
    return json({"user_id": user_id, "cells": cells})


@bp.get("/grid-workers/<user_id:int>/cells")
@require(*_STAFF)
@documented(summary="A grid worker's cells", tag="admin-grid")
async def get_worker_cells(request: Request, user_id: int) -> HTTPResponse:
    cells = await service.worker_cells(user_id)
    return json({"user_id": user_id, "cells": sorted(code for _, code in cells)})


@bp.post("/grid/tasks")
@require(*_STAFF)
@documented(summary="Assign visit tasks", tag="admin-grid", body=TaskIn, status=201)
async def create_tasks(request: Request) -> HTTPResponse:
    body = parse_body(request, TaskIn)
    result = await tasks.assign_tasks(
        request.ctx.principal,
        body.households,
        body.enterprises,
        body.policy_id,
        body.due_date,
        body.note,
    )
    return json(result, status=201)


@bp.get("/grid/tasks")
@require(*_STAFF)
@documented(summary="Visit tasks in my communities", tag="admin-grid", query=TaskQuery)
async def list_tasks(request: Request) -> HTTPResponse:
    params = parse_query(request, TaskQuery)
    return json(
        await tasks.list_tasks(
            request.ctx.principal,
            status=params.status,
            worker_id=params.worker_id,
            mine=False,
            page=params.page,
            page_size=params.page_size,
        )
    )


@bp.get("/grid/visit-plans")
@require(*_STAFF)
@documented(summary="Visit frequency per household tag", tag="admin-grid")
async def get_plans(request: Request) -> HTTPResponse:
    return json({"plans": await tasks.list_plans()})


@bp.put("/grid/visit-plans")
@require(Role.ADMIN)
@documented(
    summary="Set visit frequency per household tag (* = others)", tag="admin-grid", body=PlansIn
)
async def put_plans(request: Request) -> HTTPResponse:
    body = parse_body(request, PlansIn)
    tags = [p.tag for p in body.plans]
    if len(set(tags)) != len(tags):
        raise ValidationFailed("each tag at most once", field="plans")
    return json({"plans": await tasks.set_plans([(p.tag, p.interval_days) for p in body.plans])})


@bp.put("/policies/<policy_id:int>/household-target")
@require(*_STAFF)
@documented(
    summary="Which households a residents' policy targets (regions, tags)",
    tag="admin-grid",
    body=TargetIn,
)
async def put_target(request: Request, policy_id: int) -> HTTPResponse:
    from server.policies.models import Policy

    body = parse_body(request, TargetIn)
    policy = await Policy.get_or_none(id=policy_id)
    if policy is None:
        raise NotFound("no policy with this id")
    if not request.ctx.principal.can_manage_department(policy.department_id):
        raise Forbidden("this policy belongs to another department")
    regions = sorted({r.strip() for r in body.regions if r.strip()})
    if any(not r.isdigit() for r in regions):
        raise ValidationFailed("regions are GB/T 2260 digit codes", field="regions")
    await coverage.set_household_target(policy_id, regions, body.household_tags_any)
    target, _ = await coverage.household_target(policy_id)
    return json({"policy_id": policy_id, **target})


@bp.get("/policies/<policy_id:int>/coverage")
@require(*_STAFF)
@documented(
    summary="Coverage (知晓率) of a policy per cell: targeted, reached by push / visit",
    tag="admin-grid",
    query=CoverageQuery,
)
async def get_coverage(request: Request, policy_id: int) -> HTTPResponse:
    params = parse_query(request, CoverageQuery)
    scope = await service.scope_for(request.ctx.principal)
    return json(await coverage.coverage(policy_id, params.level, scope, params.within))


@bp.get("/grid/visit-stats")
@require(*_STAFF)
@documented(
    summary="Visits per grid worker per period (default: the last 180 days by month)",
    tag="admin-grid",
    query=VisitStatsQuery,
)
async def get_visit_stats(request: Request) -> HTTPResponse:
    from datetime import timedelta

    from server.core.clock import local_today

    params = parse_query(request, VisitStatsQuery)
    until = params.until or local_today()
    since = params.since or until - timedelta(days=180)
    if since > until or (until - since).days > 731:
        raise ValidationFailed("since must be before until, at most two years apart", field="since")
    scope = await service.scope_for(request.ctx.principal)
    items = await visits.visit_stats(scope, params.period, since, until)
    return json({"period": params.period, "since": since, "until": until, "items": items})
