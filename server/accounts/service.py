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
    ServiceBusy,
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


class LoginLimits:
    """How many staff sign-in attempts are allowed, and how many Argon2 checks at once."""

    def __init__(
        self,
        *,
        per_account_address: int,
        per_account: int,
        per_address: int,
        window_seconds: int,
        max_concurrent: int,
        queue_seconds: float,
    ) -> None:
        self.per_account_address = per_account_address
        self.per_account = per_account
        self.per_address = per_address
        self.window_seconds = window_seconds
        self.queue_seconds = queue_seconds
        self.slots = asyncio.Semaphore(max_concurrent)


async def _count_attempt(redis: Redis, username: str, client_ip: str, limits: LoginLimits) -> None:
    """Count this attempt in all three windows at once (before any password is checked).

    Counting first, atomically, means concurrent guesses cannot all read a low count
    and pass together; the per-account key stops guesses spread over many addresses
    and the per-address key one address spraying many accounts.
    """
    name = username.lower()
    keys = (
        (f"zwgk:login:acct-ip:{name}:{client_ip}", limits.per_account_address),
        (f"zwgk:login:acct:{name}", limits.per_account),
        (f"zwgk:login:ip:{client_ip}", limits.per_address),
    )
    async with redis.pipeline(transaction=True) as pipe:
        for key, _ in keys:
            # SET NX starts a window with its expiry; INCR keeps the expiry.
            pipe.set(key, 0, ex=limits.window_seconds, nx=True)
            pipe.incr(key)
        results = await pipe.execute()
    counts = results[1::2]
    if any(int(count) > cap for count, (_, cap) in zip(counts, keys, strict=True)):
        raise TooManyRequests("too many sign-in attempts; wait a few minutes and try again")


async def _clear_attempts(redis: Redis, username: str, client_ip: str) -> None:
    name = username.lower()
    async with redis.pipeline(transaction=True) as pipe:
        pipe.delete(f"zwgk:login:acct-ip:{name}:{client_ip}", f"zwgk:login:acct:{name}")
        pipe.decr(f"zwgk:login:ip:{client_ip}")
        await pipe.execute()


async def _bounded_verify(password_hash: str, password: str, limits: LoginLimits) -> bool:
    """Verify with at most ``max_concurrent`` Argon2 runs at once; 503 when saturated."""
    try:
        await asyncio.wait_for(limits.slots.acquire(), limits.queue_seconds)
    except TimeoutError:
        raise ServiceBusy("sign-in is busy; try again in a moment") from None
    try:
        return await _verify_password(password_hash, password)
    finally:
        limits.slots.release()


async def staff_login(
    redis: Redis,
    sessions: SessionStore,
    *,
    username: str,
    password: str,
    client_ip: str,
    ttl_seconds: int,
    limits: LoginLimits,
) -> tuple[str, User]:
    """Back-office sign-in by username and password, rate-limited per account and address."""
    await _count_attempt(redis, username, client_ip, limits)
    user = await User.get_or_none(username=username)
    ok = await _bounded_verify(
        user.password_hash if user and user.password_hash else _DUMMY_HASH, password, limits
    )
    allowed = user is not None and user.is_active and bool(_BACK_OFFICE_ROLES & set(user.roles))
    if not ok or not allowed or user is None:
        raise Unauthenticated("wrong username or password", code="invalid_credentials")
    await _clear_attempts(redis, username, client_ip)
    user.last_login_at = datetime.now(UTC)
    await user.save(update_fields=["last_login_at"])
    token = await sessions.create(user.id, "staff", ttl_seconds)
    return token, user


#: Roles that only a back-office (staff) session carries.
_STAFF_ONLY_ROLES = frozenset({Role.STAFF, Role.ADMIN})


async def principal_for(session: Session) -> Principal | None:
    """The principal behind a live session, or ``None`` if the account is gone or disabled."""
    user = await User.get_or_none(id=session.user_id)
    if user is None or not user.is_active:
        return None
    roles = frozenset(Role(r) for r in user.roles if r in Role._value2member_map_)
    if session.kind != "staff":
        # Back-office rights only through a back-office sign-in: a WeChat session of an
        # account that also holds staff or admin roles acts as a resident.
        roles = roles - _STAFF_ONLY_ROLES
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
