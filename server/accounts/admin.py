"""Back-office accounts: staff sign-in, departments, users and their roles."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json
from tortoise.exceptions import IntegrityError

from server.accounts import service
from server.accounts.models import Department, User
from server.accounts.schemas import (
    BackOfficeUserIn,
    DepartmentIn,
    DepartmentOut,
    LoginResponse,
    RolesIn,
    StaffLoginRequest,
    UserList,
    UserOut,
)
from server.core.errors import AppError, Conflict, NotFound
from server.core.limits import KIB, body_limit
from server.core.middleware import client_ip
from server.core.openapi import documented
from server.core.permissions import Role, authenticated, public, require
from server.core.requests import parse_body

bp = Blueprint("admin_accounts", url_prefix="/api/v1/admin")


def _roles(names: list[str]) -> list[Role]:
    try:
        return [Role(n) for n in names]
    except ValueError:
        raise AppError(
            f"unknown role; use one of {', '.join(r.value for r in Role)}", field="roles"
        ) from None


@bp.post("/auth/login")
@public
@body_limit(8 * KIB)
@documented(
    summary="Staff sign-in",
    tag="admin-auth",
    body=StaffLoginRequest,
    response=LoginResponse,
    secured=False,
)
async def staff_login(request: Request) -> HTTPResponse:
    body = parse_body(request, StaffLoginRequest)
    security = request.app.ctx.settings.security
    token, user = await service.staff_login(
        request.app.ctx.redis,
        request.app.ctx.sessions,
        username=body.username,
        password=body.password,
        client_ip=client_ip(request),
        ttl_seconds=security.staff_session_ttl_seconds,
        limits=request.app.ctx.login_limits,
    )
    out = LoginResponse(
        token=token, expires_in=security.staff_session_ttl_seconds, user=UserOut.of(user)
    )
    return json(out.model_dump())


@bp.post("/auth/logout")
@authenticated
@documented(summary="Staff sign-out", tag="admin-auth")
async def staff_logout(request: Request) -> HTTPResponse:
    await request.app.ctx.sessions.revoke(request.ctx.session_token)
    return json({"ok": True})


@bp.get("/departments")
@require(Role.STAFF, Role.ADMIN)
@documented(summary="List departments", tag="admin-accounts")
async def list_departments(request: Request) -> HTTPResponse:
    rows = await Department.all().order_by("code")
    return json(
        {"items": [DepartmentOut(id=d.id, code=d.code, name=d.name).model_dump() for d in rows]}
    )


@bp.post("/departments")
@require(Role.ADMIN)
@documented(
    summary="Create a department",
    tag="admin-accounts",
    body=DepartmentIn,
    response=DepartmentOut,
    status=201,
)
async def create_department(request: Request) -> HTTPResponse:
    body = parse_body(request, DepartmentIn)
    if await Department.exists(code=body.code):
        raise Conflict("a department with this code exists", field="code")
    try:
        d = await Department.create(code=body.code, name=body.name)
    except IntegrityError:
        # Created concurrently between the check above and this insert.
        raise Conflict("a department with this code exists", field="code") from None
    return json(DepartmentOut(id=d.id, code=d.code, name=d.name).model_dump(), status=201)


@bp.get("/users")
@require(Role.ADMIN)
@documented(summary="List accounts", tag="admin-accounts", response=UserList)
async def list_users(request: Request) -> HTTPResponse:
    users = await User.all().order_by("id").limit(500)
    items = [UserOut.of(u) for u in users]
    return json(UserList(items=items, total=await User.all().count()).model_dump())


@bp.post("/users")
@require(Role.ADMIN)
@documented(
    summary="Create a staff, grid-worker or admin account",
    tag="admin-accounts",
    body=BackOfficeUserIn,
    response=UserOut,
    status=201,
)
async def create_user(request: Request) -> HTTPResponse:
    body = parse_body(request, BackOfficeUserIn)
    user = await service.create_back_office_user(
        username=body.username,
        password=body.password,
        roles=_roles(body.roles),
        display_name=body.display_name,
        department_code=body.department_code,
    )
    return json(UserOut.of(user).model_dump(), status=201)


@bp.put("/users/<user_id:int>/roles")
@require(Role.ADMIN)
@documented(
    summary="Assign roles (and department) to an account",
    tag="admin-accounts",
    body=RolesIn,
    response=UserOut,
)
async def assign_roles(request: Request, user_id: int) -> HTTPResponse:
    body = parse_body(request, RolesIn)
    roles = _roles(body.roles)
    user = await User.get_or_none(id=user_id)
    if user is None:
        raise NotFound("no such user")
    if Role.STAFF in roles and not (body.department_code or user.department_id):
        raise AppError("staff accounts need a department", field="department_code")
    if body.department_code:
        department = await Department.get_or_none(code=body.department_code)
        if department is None:
            raise AppError("unknown department", field="department_code")
        user.department = department
    user.roles = sorted(
        {r.value for r in roles} | ({Role.RESIDENT.value} if user.openid else set())
    )
    await user.save()
    # Role changes take effect at once: sessions carry only the user id.
    return json(UserOut.of(user).model_dump())
