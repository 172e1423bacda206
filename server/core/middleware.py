"""Request id, access control and response headers, applied to every route."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from sanic import Request
from sanic.response import HTTPResponse

from server.accounts.service import principal_for
from server.core.errors import Forbidden, Unauthenticated
from server.core.logging import request_id_var
from server.core.permissions import AUTHENTICATED, PUBLIC, access_rule

if TYPE_CHECKING:
    from server.app import App

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
#: Routes added by sanic-ext (OpenAPI document and UI) are public by nature.
_PUBLIC_BLUEPRINTS = ("openapi",)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def register_middleware(app: App) -> None:
    """Install the request-id and access-control middleware."""

    async def assign_request_id(request: Request) -> None:
        incoming = request.headers.get("x-request-id", "")
        rid = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.ctx.request_id = rid
        request.ctx.principal = None
        request.ctx.session_token = None
        request_id_var.set(rid)

    async def check_access(request: Request) -> None:
        route = request.route
        if route is None:  # unknown route: the 404 handler answers
            return
        if route.name.split(".")[1:2] and route.name.split(".")[1] in _PUBLIC_BLUEPRINTS:
            return
        rule = access_rule(route.handler)
        token = bearer_token(request)
        if token is not None:
            session = await app.ctx.sessions.get(token)
            if session is not None:
                request.ctx.principal = await principal_for(session)
                request.ctx.session_token = token
        if rule == PUBLIC:
            return
        if rule is None:
            # Deny by default: a route nobody declared a rule for is nobody's.
            raise Forbidden("this route declares no access rule")
        principal = request.ctx.principal
        if principal is None:
            raise Unauthenticated("sign in first (Authorization: Bearer <token>)")
        if rule == AUTHENTICATED:
            return
        if isinstance(rule, frozenset) and not principal.has(*rule):
            raise Forbidden("your account may not do this")

    async def add_headers(request: Request, response: HTTPResponse) -> None:
        rid = getattr(request.ctx, "request_id", None)
        if rid:
            response.headers["X-Request-ID"] = rid
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.ctx.__dict__.get("principal") is not None:
            response.headers.setdefault("Cache-Control", "no-store")

    app.register_middleware(assign_request_id, "request", priority=100)
    app.register_middleware(check_access, "request", priority=90)
    app.register_middleware(add_headers, "response", priority=100)  # type: ignore[arg-type]
