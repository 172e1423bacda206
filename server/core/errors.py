"""The one error shape every endpoint returns: ``{"error": {"code", "message", "field"}}``.

Services raise :class:`AppError` subclasses; the handler registered by
:func:`register_error_handlers` turns them, Sanic's own exceptions and anything
unexpected into JSON. Nothing reaches the client as a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError
from redis.exceptions import RedisError
from sanic import Request, Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, json
from tortoise.exceptions import IntegrityError
from tortoise.exceptions import ValidationError as OrmValidationError

log = logging.getLogger("zwgk.errors")


class AppError(Exception):
    """A failure the client can act on. Subclasses fix the HTTP status and code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code


class ValidationFailed(AppError):
    status = 422
    code = "validation_error"


class Unauthenticated(AppError):
    status = 401
    code = "unauthenticated"


class Forbidden(AppError):
    status = 403
    code = "forbidden"


class NotFound(AppError):
    status = 404
    code = "not_found"


class Conflict(AppError):
    status = 409
    code = "conflict"


class PayloadTooLarge(AppError):
    status = 413
    code = "payload_too_large"


class UnsupportedMedia(AppError):
    status = 415
    code = "unsupported_media_type"


class TooManyRequests(AppError):
    status = 429
    code = "too_many_requests"


class UpstreamUnavailable(AppError):
    """A dependency (WeChat) failed; the client may retry later."""

    status = 503
    code = "upstream_unavailable"


class ServiceBusy(AppError):
    """This process is at capacity for the operation; retry shortly."""

    status = 503
    code = "busy"


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


def from_pydantic(exc: ValidationError, prefix: str = "") -> ValidationFailed:
    """The first validation error of a request body/query as a :class:`ValidationFailed`."""
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"] if p != "__root__")
    field = f"{prefix}{loc}" if loc else (prefix.rstrip(".") or None)
    message = first["msg"].removeprefix("Value error, ")
    return ValidationFailed(message, field=field)


_SANIC_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    416: "range_not_satisfiable",
    503: "service_unavailable",
}


def _route_of(request: Request) -> str:
    """Method and route pattern, for logs: the path itself may carry personal data (a name,
    a credit code), percent-encoded or not."""
    route = request.route
    return f"{request.method} /{route.path}" if route is not None else request.method


def register_error_handlers(app: Sanic[Any, Any]) -> None:
    """Install the JSON error handler on ``app``."""

    async def handle(request: Request, exc: Exception) -> HTTPResponse:
        if isinstance(exc, AppError):
            return json(error_body(exc.code, exc.message, exc.field), status=exc.status)
        if isinstance(exc, ValidationError):
            failed = from_pydantic(exc)
            return json(error_body(failed.code, failed.message, failed.field), status=422)
        if isinstance(exc, IntegrityError):
            # A unique constraint lost a race the handler did not foresee: a conflict.
            # The driver's message quotes the clashing values ("Key (uscc)=(…)"): not logged.
            log.warning("integrity error on %s: %s", _route_of(request), type(exc).__name__)
            return json(error_body("conflict", "this conflicts with existing data"), status=409)
        if isinstance(exc, OrmValidationError):
            # A value the model refuses (too long for its column...) that no schema caught.
            # Tortoise's message quotes the refused value, which may be personal data:
            # log the field only.
            field = str(exc).split(":", 1)[0]
            log.warning("model validation on %s: field %s", _route_of(request), field)
            return json(error_body("validation_error", "a value is out of range"), status=422)
        if isinstance(exc, RedisError):
            log.warning("redis unavailable on %s: %s", _route_of(request), exc)
            return json(
                error_body("upstream_unavailable", "a backing service is unavailable; retry"),
                status=503,
            )
        if isinstance(exc, SanicException) and exc.status_code < 500:
            status = exc.status_code
            code = _SANIC_CODES.get(status, "bad_request")
            message = str(exc) if status != 404 else "no such resource"
            return json(error_body(code, message), status=status)
        # Unexpected: log with the stack (the request id ties it to the client's report).
        log.exception("unhandled error on %s", _route_of(request))
        return json(
            error_body("internal_error", "an internal error occurred; it has been logged"),
            status=500,
        )

    app.error_handler.add(Exception, handle)
