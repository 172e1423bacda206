"""Who may call what. Deny by default: a route without an access rule answers 403.

Handlers declare their rule with one decorator::

    @public                         # anyone, signed in or not
    @authenticated                  # any signed-in user
    @require(Role.STAFF, Role.ADMIN)  # any of these roles

The access middleware (see :func:`server.core.middleware.register_middleware`) reads the
rule, loads the caller's :class:`Principal` from the session and refuses what does not
fit. Object-level checks (a resident sees only their own complaint) live in services,
which receive the principal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from server.core.errors import Forbidden

F = TypeVar("F", bound=Callable[..., Any])

ACCESS_ATTR = "__zwgk_access__"
PUBLIC = "public"
AUTHENTICATED = "authenticated"


class Role(StrEnum):
    """Roles a user may hold (several at once)."""

    RESIDENT = "resident"  # 居民: every WeChat user
    ENTERPRISE = "enterprise"  # 企业联系人: after binding an enterprise
    GRID_WORKER = "grid_worker"  # 网格员: assigned by an admin
    STAFF = "staff"  # 部门工作人员: belongs to a department
    ADMIN = "admin"  # 系统管理员


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller of a request, as far as permissions are concerned."""

    user_id: int
    roles: frozenset[Role]
    department_id: int | None
    session_kind: str  # "wechat" or "staff"

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    def require(self, *roles: Role) -> None:
        """Raise :class:`Forbidden` unless the principal holds one of ``roles``."""
        if not self.has(*roles):
            raise Forbidden("your account may not do this")

    def can_manage_department(self, department_id: int | None) -> bool:
        """Admins manage every department; staff only their own."""
        if Role.ADMIN in self.roles:
            return True
        # No department on either side never matches: staff without a department
        # manage nothing, and nobody but admins manages unowned things.
        return (
            Role.STAFF in self.roles
            and department_id is not None
            and department_id == self.department_id
        )


def public(handler: F) -> F:
    """Anyone may call this route."""
    setattr(handler, ACCESS_ATTR, PUBLIC)
    return handler


def authenticated(handler: F) -> F:
    """Any signed-in user may call this route."""
    setattr(handler, ACCESS_ATTR, AUTHENTICATED)
    return handler


def require(*roles: Role) -> Callable[[F], F]:
    """Only users holding one of ``roles`` may call this route."""
    if not roles:
        raise ValueError("require() needs at least one role")

    def mark(handler: F) -> F:
        setattr(handler, ACCESS_ATTR, frozenset(roles))
        return handler

    return mark


def access_rule(handler: object) -> str | frozenset[Role] | None:
    """The rule a handler declared, or ``None`` (which means: deny)."""
    target = getattr(handler, "view_class", handler)
    rule = getattr(target, ACCESS_ATTR, None)
    if rule is None and hasattr(handler, "__wrapped__"):
        rule = getattr(handler.__wrapped__, ACCESS_ATTR, None)
    return rule
