"""The arq ``WorkerSettings``: start-up opens the DB, Redis and the WeChat gateway."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from arq import cron, func
from arq.connections import RedisSettings
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from server.app import redis_url
from server.config import ConfigError, OutboxSettings, Settings, load_settings
from server.core.db import close_db, init_db
from server.core.logging import configure_logging
from server.core.outbox import EventHandler, RelayPolicy, prune_processed, relay_pending
from server.core.outbox_nudge import NUDGE_JOB, clear_flag
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


def _outbox_settings(ctx: dict[str, Any]) -> OutboxSettings:
    settings: Settings | None = ctx.get("settings")
    return settings.outbox if settings is not None else OutboxSettings()


async def _relay(ctx: dict[str, Any]) -> int:
    # Tests may put their own handlers in the context.
    handlers = ctx.get("event_handlers", EVENT_HANDLERS)
    done = await relay_pending(handlers, policy=RelayPolicy.from_settings(_outbox_settings(ctx)))
    if done:
        log.info("relayed %d outbox events", done)
    return done


async def relay_outbox(ctx: dict[str, Any]) -> int:
    """Safety-net sweep: hand pending events to their handlers (cron, every few seconds)."""
    return await _relay(ctx)


async def relay_outbox_now(ctx: dict[str, Any]) -> int:
    """The job a nudge enqueues after a commit (see ``server.core.outbox_nudge``)."""
    await clear_flag(ctx["redis"])  # before the pass, so later commits nudge again
    return await _relay(ctx)


async def prune_outbox(ctx: dict[str, Any]) -> int:
    """Delete events processed more than ``outbox.retention_days`` ago (hourly)."""
    pruned = await prune_processed(_outbox_settings(ctx).retention_days)
    if pruned:
        log.info("pruned %d processed outbox events", pruned)
    return pruned


def _sweep_seconds() -> int:
    try:
        return load_settings().outbox.sweep_seconds
    except ConfigError:
        return OutboxSettings().sweep_seconds


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

    functions: ClassVar[list[Any]] = [
        func(relay_outbox_now, name=NUDGE_JOB, keep_result=0, max_tries=1, timeout=300),
        *(f for d in _DOMAINS for f in d.FUNCTIONS),
    ]
    cron_jobs: ClassVar[list[Any]] = [
        cron(
            relay_outbox,
            second=set(range(0, 60, _sweep_seconds())),
            run_at_startup=True,
            timeout=300,
            keep_result=0,
        ),
        cron(prune_outbox, minute=17, second=30, timeout=600, keep_result=0),
        *(job for d in _DOMAINS for job in d.CRON_JOBS),
    ]
    on_startup = startup
    on_shutdown = shutdown
    max_jobs = 20
    # A nudged relay job is picked up within this many seconds of a commit.
    poll_delay = 0.1
    job_timeout = 300
    keep_result = 3600
