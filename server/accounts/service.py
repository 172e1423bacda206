"""Sign-in, roles and accounts: every rule about who a user is lives here."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from server.accounts.models import Department, User
from server.accounts.sessions import Session, SessionStore
from server.core.errors import (
    AppError,
    Conflict,
    TooManyRequests,
    Unauthenticated,
    UpstreamUnavailable,
)
from server.core.permissions import Principal, Role
from server.wechat import InvalidLoginCode, WeChatError, WeChatGateway

_hasher = PasswordHasher()
#: Verifying against this keeps a sign-in for an unknown username as slow as a real one.
_DUMMY_HASH = _hasher.hash("zwgk-timing-equaliser")
_BACK_OFFICE_ROLES = frozenset({Role.STAFF.value, Role.ADMIN.value, Role.GRID_WORKER.value})


async def hash_password(password: str) -> str:
    # Argon2 is deliberately slow: keep it off the event loop.
    return await asyncio.to_thread(_hasher.hash, password)


async def _verify_password(password_hash: str, password: str) -> bool:
    def check() -> bool:
        try:
            return _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(check)


async def wechat_login(
    gateway: WeChatGateway, sessions: SessionStore, code: str, ttl_seconds: int
) -> tuple[str, User]:
    """Exchange a ``wx.login`` code for a session; the first login creates a resident."""
    try:
        info = await gateway.code2session(code)
    except InvalidLoginCode:
        raise AppError(
            "the login code is invalid, expired or already used; call wx.login again",
            code="invalid_login_code",
            field="code",
        ) from None
    except WeChatError as exc:
        if exc.retryable:
            raise UpstreamUnavailable("WeChat is unavailable; try again shortly") from None
        raise AppError("WeChat refused the login", code="wechat_error") from None
    async with in_transaction():
        user = await User.get_or_none(openid=info.openid)
        if user is None:
            user = await User.create(
                openid=info.openid,
                unionid=info.unionid,
                roles=[Role.RESIDENT.value],
                display_name="微信用户",
            )
        if not user.is_active:
            raise AppError("this account is disabled", code="account_disabled")
        user.last_login_at = datetime.now(UTC)
        if info.unionid and not user.unionid:
            user.unionid = info.unionid
        await user.save(update_fields=["last_login_at", "unionid"])
    token = await sessions.create(user.id, "wechat", ttl_seconds)
    return token, user


async def staff_login(
    redis: Redis,
    sessions: SessionStore,
    *,
    username: str,
    password: str,
    client_ip: str,
    ttl_seconds: int,
    max_attempts: int,
    window_seconds: int,
) -> tuple[str, User]:
    """Back-office sign-in by username and password, rate-limited per username and address."""
    limit_key = f"zwgk:login-fail:{username.lower()}:{client_ip}"
    failures = int(await redis.get(limit_key) or 0)
    if failures >= max_attempts:
        raise TooManyRequests("too many failed sign-ins; wait a few minutes and try again")
    user = await User.get_or_none(username=username)
    ok = await _verify_password(
        user.password_hash if user and user.password_hash else _DUMMY_HASH, password
    )
    allowed = user is not None and user.is_active and bool(_BACK_OFFICE_ROLES & set(user.roles))
    if not ok or not allowed or user is None:
        async with redis.pipeline(transaction=True) as pipe:
            pipe.incr(limit_key)
            pipe.expire(limit_key, window_seconds)
            await pipe.execute()
        raise Unauthenticated("wrong username or password", code="invalid_credentials")
    await redis.delete(limit_key)
    user.last_login_at = datetime.now(UTC)
    await user.save(update_fields=["last_login_at"])
    token = await sessions.create(user.id, "staff", ttl_seconds)
    return token, user


async def principal_for(session: Session) -> Principal | None:
    """The principal behind a live session, or ``None`` if the account is gone or disabled."""
    user = await User.get_or_none(id=session.user_id)
    if user is None or not user.is_active:
        return None
    roles = frozenset(Role(r) for r in user.roles if r in Role._value2member_map_)
    return Principal(
        user_id=user.id,
        roles=roles,
        department_id=user.department_id,
        session_kind=session.kind,
    )


async def ensure_department(code: str, name: str | None = None) -> Department:
    department, _ = await Department.get_or_create(code=code, defaults={"name": name or code})
    return department


async def create_back_office_user(
    *,
    username: str,
    password: str,
    roles: list[Role],
    display_name: str,
    department_code: str | None = None,
    department_name: str | None = None,
    create_department: bool = False,
) -> User:
    """Create a staff, grid-worker or admin account. Staff must belong to a department."""
    if len(password) < 10:
        raise AppError("password must be at least 10 characters", field="password")
    if Role.STAFF in roles and not department_code:
        raise AppError("staff accounts need a department", field="department_code")
    if await User.exists(username=username):
        raise Conflict(f"username {username!r} is taken", field="username")
    department = None
    if department_code:
        department = await Department.get_or_none(code=department_code)
        if department is None:
            if not create_department:
                raise AppError("unknown department", field="department_code")
            department = await ensure_department(department_code, department_name)
    return await User.create(
        username=username,
        password_hash=await hash_password(password),
        roles=sorted({r.value for r in roles}),
        display_name=display_name,
        department=department,
    )
