"""Request id, access control and response headers, applied to every route."""

from __future__ import annotations

import ipaddress
import itertools
import os
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from redis.exceptions import RedisError
from sanic import Request
from sanic.response import HTTPResponse

from server.accounts.service import principal_for
from server.config import SecuritySettings
from server.core.errors import Forbidden, Unauthenticated, UpstreamUnavailable
from server.core.limits import was_rejected
from server.core.logging import request_id_var
from server.core.permissions import AUTHENTICATED, PUBLIC, access_rule
from server.core.routing import InvalidText, check_text, is_storable

if TYPE_CHECKING:
    from server.app import App

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
#: Routes added by sanic-ext (OpenAPI document and UI) are public by nature.
_PUBLIC_BLUEPRINTS = ("openapi",)


#: Request ids: a random prefix per process and a counter — unique across processes and
#: hosts (64 random bits), and cheaper than a uuid4 per request (os.urandom each time).
_REQUEST_ID_PREFIX = os.urandom(8).hex()
_request_ids = itertools.count(1)


def _reseed_request_ids() -> None:
    global _REQUEST_ID_PREFIX
    _REQUEST_ID_PREFIX = os.urandom(8).hex()


os.register_at_fork(after_in_child=_reseed_request_ids)  # a forked child is another process


def new_request_id() -> str:
    """A fresh request id (32 hex digits, like a uuid4 without dashes)."""
    return f"{_REQUEST_ID_PREFIX}{next(_request_ids):016x}"


def query_is_plain(query_string: str) -> bool:
    """Whether no value in ``query_string`` can decode to a NUL character.

    Sanic decodes the query string once, with undecodable bytes replaced (never lone
    surrogates), so a NUL can only come from ``%00``; without it every parameter is
    storable text and the string need not be parsed just to be checked.
    """
    return "%00" not in query_string


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _peer_address(request: Request) -> str:
    """The TCP peer (or the ASGI client) of ``request``; never a header."""
    peer = request.conn_info.client_ip if request.conn_info else ""
    if not peer and request.transport is not None:
        info = request.transport.get_extra_info("peername")
        peer = info[0] if info else ""
    return peer or ""


def _parse_ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def client_ip(request: Request) -> str:
    """The client's address, the one place that decides it (rate limits, logs).

    Without ``security.client_ip_header`` it is the TCP peer. With it, the header is
    believed only when the peer is one of ``security.trusted_proxies``: for
    ``x-forwarded-for`` the address ``proxy_hops`` entries from the right (each trusted
    proxy appends the address it saw), for other headers the header's single value.
    A missing or malformed header falls back to the peer address.
    """
    peer = _peer_address(request)
    settings: SecuritySettings = request.app.ctx.settings.security
    header = settings.client_ip_header
    if not header:
        return peer or "unknown"
    peer_ip = _parse_ip(peer)
    if peer_ip is None or not any(
        peer_ip in ipaddress.ip_network(net, strict=False) for net in settings.trusted_proxies
    ):
        return peer or "unknown"
    raw = request.headers.get(header, "")
    if header == "x-forwarded-for":
        hops = [part.strip() for part in raw.split(",") if part.strip()]
        if len(hops) < settings.proxy_hops:
            return peer
        candidate = hops[-settings.proxy_hops]
    else:
        candidate = raw.strip()
    parsed = _parse_ip(candidate)
    return str(parsed) if parsed is not None else peer


def register_middleware(app: App) -> None:
    """Install the request-id and access-control middleware."""

    async def assign_request_id(request: Request) -> None:
        incoming = request.headers.get("x-request-id", "")
        rid = incoming if incoming and _VALID_REQUEST_ID.match(incoming) else new_request_id()
        request.ctx.request_id = rid
        request.ctx.principal = None
        request.ctx.session_token = None
        request_id_var.set(rid)

    async def check_text_params(request: Request) -> None:
        # Percent-encoded lone surrogates or NUL in the path or query cannot be stored
        # or compared by the database: refuse them before any handler runs.
        if request.route is None or was_rejected(request):
            return
        params = request.match_info
        for name, value in params.items() if params else ():
            if not isinstance(value, str):
                continue
            if "%" in value:
                # The router hands path parameters over as sent: clients percent-encode
                # non-ASCII (a tag such as 绿色工厂), and handlers expect the text.
                value = params[name] = unquote(value)
            if not is_storable(value):
                raise InvalidText("the path contains characters that cannot be used", field=name)
        if query_is_plain(request.query_string):
            return
        try:
            args = request.args
        except Exception:
            raise InvalidText("the query string cannot be decoded") from None
        for name, values in args.items():
            check_text(name)
            check_text(values, name)

    async def check_access(request: Request) -> None:
        route = request.route
        if route is None or was_rejected(request):  # the error handler answers
            return
        if route.name.split(".")[1:2] and route.name.split(".")[1] in _PUBLIC_BLUEPRINTS:
            return
        rule = access_rule(route.handler)
        token = bearer_token(request)
        if token is not None:
            try:
                session = await app.ctx.sessions.get(token)
            except (RedisError, OSError):
                # Sessions live in Redis: without it nobody can be identified, and
                # answering as anonymous would be wrong. The client may retry.
                raise UpstreamUnavailable(
                    "sessions are unavailable right now; try again shortly"
                ) from None
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
    app.register_middleware(check_text_params, "request", priority=95)
    app.register_middleware(check_access, "request", priority=90)
    app.register_middleware(add_headers, "response", priority=100)  # type: ignore[arg-type]
