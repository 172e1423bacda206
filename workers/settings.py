"""The arq ``WorkerSettings``: start-up opens the DB, Redis and the WeChat gateway."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from arq import cron
from arq.connections import RedisSettings
from arq.typing import WorkerCoroutine

from server.app import redis_url
from server.config import Settings, load_settings
from server.core.db import close_db, init_db
from server.core.logging import configure_logging
from server.core.outbox import EventHandler, relay_pending
from server.wechat import WeChatGateway
from workers import complaints, grid, matching, push

log = logging.getLogger("zwgk.worker")

_DOMAINS = (matching, push, complaints, grid)


def _merge_handlers() -> dict[str, list[EventHandler]]:
    merged: dict[str, list[EventHandler]] = {}
    for domain in _DOMAINS:
        for topic, handlers in domain.EVENT_HANDLERS.items():
            merged.setdefault(topic, []).extend(handlers)
    return merged


#: Topic → handlers, gathered from every domain's ``workers/<domain>.py``.
EVENT_HANDLERS: dict[str, list[EventHandler]] = _merge_handlers()


async def relay_outbox(ctx: dict[str, Any]) -> int:
    """Hand pending outbox events to their handlers (cron, every few seconds)."""
    done = await relay_pending(EVENT_HANDLERS)
    if done:
        log.info("relayed %d outbox events", done)
    return done


async def startup(ctx: dict[str, Any]) -> None:
    settings: Settings = ctx.get("settings") or load_settings()
    configure_logging(settings.logging.level, settings.logging.format)
    ctx["settings"] = settings
    await init_db(settings.database)
    ctx["wechat"] = WeChatGateway(
        base_url=settings.wechat.resolved_base_url,
        appid=settings.wechat.appid,
        secret=settings.wechat.secret,
        redis=ctx["redis"],
        timeout=settings.wechat.timeout_seconds,
    )


async def shutdown(ctx: dict[str, Any]) -> None:
    if "wechat" in ctx:
        await ctx["wechat"].aclose()
    await close_db()


def redis_settings(settings: Settings) -> RedisSettings:
    url = redis_url(settings)
    if url.startswith("unix://"):
        return RedisSettings(unix_socket_path=url.removeprefix("unix://"))
    return RedisSettings.from_dsn(url)


class WorkerSettings:
    """Run with ``zwgk worker``, which supplies the Redis connection from the settings."""

    functions: ClassVar[list[WorkerCoroutine]] = [f for d in _DOMAINS for f in d.FUNCTIONS]
    cron_jobs: ClassVar[list[Any]] = [
        cron(relay_outbox, second=set(range(0, 60, 5)), run_at_startup=True, timeout=60),
        *(job for d in _DOMAINS for job in d.CRON_JOBS),
    ]
    on_startup = startup
    on_shutdown = shutdown
    max_jobs = 20
    job_timeout = 300
    keep_result = 3600
