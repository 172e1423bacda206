"""Per-route request body limits.

Every route accepts at most ``security.default_body_limit`` bytes (1 MiB) unless it
declares its own with :func:`body_limit`::

    @bp.post("/auth/login")
    @public
    @body_limit(8 * 1024)
    async def login(request): ...

The limit is applied right after routing, before the body is read: a declared
``Content-Length`` over the limit is refused at once (413), and a chunked body is cut
off when it passes the limit. Sanic's global ``REQUEST_MAX_SIZE`` is only the ceiling
(the largest route limit).
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


def register_body_limits(app: App) -> None:
    """Install the limit check (after routing, before the body is read)."""
    security = app.ctx.settings.security
    app.config.REQUEST_MAX_SIZE = max(security.default_body_limit, security.upload_body_limit)

    def too_large(limit: int) -> PayloadTooLarge:
        return PayloadTooLarge(f"the request body may be at most {limit} bytes on this route")

    @app.signal("http.routing.after")
    async def apply_limit(request: Request, route: Any, kwargs: Any, handler: Any) -> None:
        limit = route_limit(app, handler)
        request.ctx.body_limit = limit
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            reject(request)
            if request.stream is not None and hasattr(request.stream, "keep_alive"):
                request.stream.keep_alive = False  # do not read the rest of the body
            raise too_large(limit)
        stream = request.stream
        if stream is None or not getattr(stream, "request_body", None):
            return
        if hasattr(stream, "request_max_size"):
            stream.request_max_size = limit
        if not hasattr(handler, "is_stream"):
            # Read the body here (Sanic would, right after this signal) so that a body
            # that grows past the limit is refused as such, before any middleware.
            try:
                await request.receive_body()  # type: ignore[no-untyped-call]
            except SanicPayloadTooLarge:
                reject(request)
                raise too_large(limit) from None

    async def check_loaded_body(request: Request) -> None:
        # The ASGI transport does not enforce request_max_size: check what was read.
        limit = getattr(request.ctx, "body_limit", None)
        if was_rejected(request):
            return
        if limit is not None and len(request.body or b"") > limit:
            reject(request)
            raise too_large(limit)

    app.register_middleware(check_loaded_body, "request", priority=99)
