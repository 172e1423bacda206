"""The arq ``WorkerSettings``: start-up opens the DB, Redis and the WeChat gateway."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from arq import cron
from arq.connections import RedisSettings
from arq.typing import WorkerCoroutine
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from server.app import redis_url
from server.config import Settings, load_settings
from server.core.db import close_db, init_db
from server.core.logging import configure_logging
from server.core.outbox import EventHandler, relay_pending
from server.push.recipients import load_resolvers
from server.wechat import WeChatGateway
from workers import complaints, grid, matching, push

#: Recipient type → resolver (``enterprise`` from matching, ``household`` from grid),
#: gathered from the modules that are installed (a stream not merged yet is skipped).
RECIPIENT_RESOLVERS = load_resolvers()

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
        # Room for every send the push dispatchers keep in flight.
        max_connections=max(100, settings.push.concurrency * 2),
    )
    ctx["push_resolvers"] = RECIPIENT_RESOLVERS
    push.configure(settings)


async def shutdown(ctx: dict[str, Any]) -> None:
    if "wechat" in ctx:
        await ctx["wechat"].aclose()
    await close_db()


def redis_settings(settings: Settings) -> RedisSettings:
    """Redis for arq, reconnecting after a Redis restart instead of failing jobs."""
    url = redis_url(settings)
    base = (
        RedisSettings(unix_socket_path=url.removeprefix("unix://"))
        if url.startswith("unix://")
        else RedisSettings.from_dsn(url)
    )
    base.conn_retries = 30
    base.retry_on_timeout = True
    # OSError: a restarting Redis has no socket file yet, or refuses connections.
    base.retry_on_error = [RedisConnectionError, RedisTimeoutError, OSError]
    base.retry = Retry(ExponentialBackoff(cap=2.0, base=0.05), retries=20)
    return base


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
