"""Idempotency keys for writes the mini-program (or a flaky network) may retry.

A client sends ``Idempotency-Key: <8–128 chars>`` with a write. The first request runs
and its response is kept in Redis for 24 hours; a retry with the same key and the same
body gets that response again (header ``Idempotent-Replayed: true``) instead of doing
the work twice. The same key with a different body is refused (400), and a retry that
arrives while the first is still running gets 409.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sanic import Request
from sanic.response import HTTPResponse

from server.core.errors import AppError, Conflict

HEADER = "Idempotency-Key"
_KEY_FORM = re.compile(r"^[A-Za-z0-9_.:-]{8,128}$")
_PENDING_SECONDS = 60
_KEEP_SECONDS = 24 * 3600

Handler = Callable[..., Awaitable[HTTPResponse]]
H = TypeVar("H", bound=Handler)


def idempotent(*, required: bool = True, keep_seconds: int = _KEEP_SECONDS) -> Callable[[H], H]:
    """Make a write handler safe to retry (see the module docstring).

    ``keep_seconds`` bounds how long the response is kept: short for responses that
    carry a credential (a login's session token must not sit in Redis for a day).
    """

    def decorate(handler: H) -> H:
        @functools.wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            key = request.headers.get(HEADER.lower())
            if not key:
                if required:
                    raise AppError(
                        f"send an {HEADER} header with this request",
                        field=HEADER,
                        code="idempotency_key_required",
                    )
                return await handler(request, *args, **kwargs)
            if not _KEY_FORM.match(key):
                raise AppError(
                    f"{HEADER} must be 8–128 letters, digits or -_.:",
                    field=HEADER,
                    code="invalid_idempotency_key",
                )
            principal = request.ctx.principal
            owner = principal.user_id if principal is not None else "anonymous"
            route = request.route.name if request.route else request.path
            redis_key = f"zwgk:idem:{owner}:{route}:{key}"
            fingerprint = hashlib.sha256(request.body or b"").hexdigest()
            redis = request.app.ctx.redis
            pending = json.dumps({"state": "pending", "fingerprint": fingerprint})
            if not await redis.set(redis_key, pending, nx=True, ex=_PENDING_SECONDS):
                return _replay(await redis.get(redis_key), fingerprint)
            # The handler and the recording of its response run as one task shielded
            # from the request's cancellation: a client that disconnects after the
            # write commits does not cancel the recording, so its retry is answered
            # from the store instead of writing a second time.
            task = asyncio.ensure_future(
                _run_and_record(
                    handler(request, *args, **kwargs), redis, redis_key, fingerprint, keep_seconds
                )
            )
            _background.add(task)
            task.add_done_callback(_background.discard)
            return await asyncio.shield(task)

        return wrapper  # type: ignore[return-value]

    return decorate


#: Recording tasks that outlive a cancelled request (kept referenced until done).
_background: set[asyncio.Future[HTTPResponse]] = set()


async def _run_and_record(
    work: Awaitable[HTTPResponse],
    redis: Any,
    redis_key: str,
    fingerprint: str,
    keep_seconds: int,
) -> HTTPResponse:
    try:
        response = await work
    except BaseException:
        # Nothing was committed (services are transactional): let a retry run again.
        await redis.delete(redis_key)
        raise
    if response.status >= 500:
        await redis.delete(redis_key)
        return response
    stored = {
        "state": "done",
        "fingerprint": fingerprint,
        "status": response.status,
        "content_type": response.content_type,
        "body": base64.b64encode(response.body or b"").decode(),
    }
    await redis.set(redis_key, json.dumps(stored), ex=keep_seconds)
    return response


def _replay(raw: bytes | None, fingerprint: str) -> HTTPResponse:
    if raw is None:  # expired between our SET and GET: treat as still running
        raise Conflict("a request with this idempotency key is in progress", field=HEADER)
    stored = json.loads(raw)
    if stored["fingerprint"] != fingerprint:
        raise AppError(
            f"this {HEADER} was used with a different request body",
            field=HEADER,
            code="idempotency_key_reused",
        )
    if stored["state"] != "done":
        raise Conflict("a request with this idempotency key is in progress", field=HEADER)
    return HTTPResponse(
        base64.b64decode(stored["body"]),
        status=stored["status"],
        content_type=stored["content_type"],
        headers={"Idempotent-Replayed": "true"},
    )
