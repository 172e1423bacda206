"""登录: WeChat sign-in, the current user, sign-out."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.accounts import service
from server.accounts.models import User
from server.accounts.schemas import LoginResponse, UserOut, WxLoginRequest
from server.core.errors import Unauthenticated
from server.core.idempotency import idempotent
from server.core.limits import KIB, body_limit
from server.core.openapi import documented
from server.core.permissions import authenticated, public
from server.core.requests import parse_body

bp = Blueprint("mp_auth", url_prefix="/api/v1")


@bp.post("/auth/wx-login")
@public
@documented(
    summary="Sign in with a wx.login code",
    tag="auth",
    body=WxLoginRequest,
    response=LoginResponse,
    secured=False,
)
# A wx.login code lives 5 minutes, so a retry comes within that; the stored response
# holds a session token, which must not outlive the need.
@idempotent(required=False, keep_seconds=300)
@body_limit(4 * KIB)
async def wx_login(request: Request) -> HTTPResponse:
    body = parse_body(request, WxLoginRequest)
    ttl = request.app.ctx.settings.security.session_ttl_seconds
    token, user = await service.wechat_login(
        request.app.ctx.wechat, request.app.ctx.sessions, body.code, ttl
    )
    out = LoginResponse(token=token, expires_in=ttl, user=UserOut.of(user))
    return json(out.model_dump())


@bp.get("/me")
@authenticated
@documented(summary="The signed-in user", tag="auth", response=UserOut)
async def me(request: Request) -> HTTPResponse:
    user = await User.get_or_none(id=request.ctx.principal.user_id)
    if user is None:
        raise Unauthenticated("the account no longer exists")
    return json(UserOut.of(user).model_dump())


@bp.post("/auth/logout")
@authenticated
@documented(summary="Revoke the current session", tag="auth")
async def logout(request: Request) -> HTTPResponse:
    await request.app.ctx.sessions.revoke(request.ctx.session_token)
    return json({"ok": True})
