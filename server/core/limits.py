"""Per-route request body limits.

Every route accepts at most ``security.default_body_limit`` bytes (1 MiB) unless it
declares its own with :func:`body_limit`::

    @bp.post("/auth/login")
    @public
    @body_limit(8 * 1024)
    async def login(request): ...

The limit is applied right after routing, as the body is read (:class:`LimitedRequest`,
the app's request class): a declared ``Content-Length`` over the limit is refused at once
(413), and a chunked body is cut off when it passes the limit. Sanic's global
``REQUEST_MAX_SIZE`` is only the ceiling (the largest route limit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sanic import Request
from sanic.exceptions import PayloadTooLarge as SanicPayloadTooLarge

from server.core.errors import PayloadTooLarge

if TYPE_CHECKING:
    from server.app import App

F = TypeVar("F", bound=Callable[..., Any])

LIMIT_ATTR = "__zwgk_body_limit__"
#: Marks the upload route: its limit is ``security.upload_body_limit``.
UPLOAD = -1
KIB = 1024
MIB = 1024 * KIB


def body_limit(max_bytes: int) -> Callable[[F], F]:
    """Accept at most ``max_bytes`` of request body on this route (``UPLOAD``: uploads)."""

    def mark(handler: F) -> F:
        setattr(handler, LIMIT_ATTR, max_bytes)
        return handler

    return mark


def declared_limit(handler: object) -> int | None:
    target = getattr(handler, "view_class", handler)
    while target is not None:
        limit = getattr(target, LIMIT_ATTR, None)
        if limit is not None:
            return int(limit)
        target = getattr(target, "__wrapped__", None)
    return None


def route_limit(app: App, handler: object) -> int:
    security = app.ctx.settings.security
    limit = declared_limit(handler)
    if limit is None:
        return security.default_body_limit
    return security.upload_body_limit if limit == UPLOAD else limit


def reject(request: Request) -> None:
    """Mark ``request`` as refused before its handler: access checks then stay silent, so
    the client hears the real reason (413), not "sign in first"."""
    request.ctx.rejected = True


def was_rejected(request: Request) -> bool:
    return bool(request.ctx.__dict__.get("rejected"))


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"the request body may be at most {limit} bytes on this route")


def _limit_of(request: Request) -> int | None:
    """The limit of the route ``request`` was routed to (``None`` before routing)."""
    known = request.ctx.__dict__.get("body_limit")
    if known is None and request.route is not None:
        app: App = request.app  # type: ignore[assignment]
        known = request.ctx.body_limit = route_limit(app, request.route.handler)
    return None if known is None else int(known)


class LimitedRequest(Request):
    """A request whose body is held to its route's limit.

    Sanic reads a body right after routing, before any middleware, by calling
    :meth:`receive_body` — and only when there is a body: requests without one (nearly
    every GET) pay nothing, where a routing signal cost every request its dispatch.
    """

    async def receive_body(self) -> None:
        if self.body:
            return
        limit = _limit_of(self)
        if limit is not None:
            declared = self.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > limit:
                reject(self)
                if self.stream is not None and hasattr(self.stream, "keep_alive"):
                    self.stream.keep_alive = False  # do not read the rest of the body
                raise _too_large(limit)
            if self.stream is not None and hasattr(self.stream, "request_max_size"):
                self.stream.request_max_size = limit
        try:
            await super().receive_body()  # type: ignore[no-untyped-call]
        except SanicPayloadTooLarge:
            # A chunked body that grew past the limit is refused as such.
            reject(self)
            ceiling = int(self.app.config.REQUEST_MAX_SIZE)
            raise _too_large(ceiling if limit is None else limit) from None


def register_body_limits(app: App) -> None:
    """Install the limit check (the app must be built with ``request_class=LimitedRequest``)."""
    security = app.ctx.settings.security
    app.config.REQUEST_MAX_SIZE = max(security.default_body_limit, security.upload_body_limit)

    async def check_loaded_body(request: Request) -> None:
        # The ASGI transport does not enforce request_max_size: check what was read.
        if was_rejected(request) or not request.body:
            return
        limit = _limit_of(request)
        if limit is not None and len(request.body) > limit:
            reject(request)
            raise _too_large(limit)

    app.register_middleware(check_loaded_body, "request", priority=99)
