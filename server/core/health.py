"""Liveness and readiness probes."""

from __future__ import annotations

import asyncio
import logging

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.core.db import connection
from server.core.permissions import public

bp = Blueprint("health")
log = logging.getLogger("zwgk.health")


@bp.get("/healthz")
@public
async def healthz(request: Request) -> HTTPResponse:
    """The process is alive."""
    return json({"status": "ok"})


@bp.get("/readyz")
@public
async def readyz(request: Request) -> HTTPResponse:
    """The database and Redis answer; 503 names what does not."""
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(connection().execute_query("SELECT 1"), 2)
        checks["database"] = "ok"
    except Exception:
        log.warning("readiness: database unreachable", exc_info=True)
        checks["database"] = "unreachable"
    try:
        await asyncio.wait_for(request.app.ctx.redis.ping(), 2)
        checks["redis"] = "ok"
    except Exception:
        log.warning("readiness: redis unreachable", exc_info=True)
        checks["redis"] = "unreachable"
    ready = all(v == "ok" for v in checks.values())
    return json(
        {"status": "ready" if ready else "not_ready", "checks": checks},
        status=200 if ready else 503,
    )
