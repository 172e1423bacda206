"""Push delivery jobs (issue 9).

The composition root (:mod:`workers.settings`) reads the three names below.

* ``push_dispatch`` (cron, every second): takes one of ``dispatch_lanes`` leases in Redis
  and delivers due intents until none are left or its time budget is spent. The lease is
  short and renewed every round, so a killed worker's lane frees itself within seconds.
* ``push_sweep`` (cron, every 10 s): recovers intents whose dispatcher died, settles
  household/enterprise intents from their contacts' results.
* ``push_fanout`` (cron, every 2 s): writes the intents of new emergency broadcasts.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from typing import Any

from arq import cron
from arq.typing import WorkerCoroutine

from server.config import Settings
from server.core.outbox import EventHandler, OutboxEvent
from server.push import broadcasts, ledger, topics
from server.push.delivery import Dispatcher, sweep
from server.push.recipients import load_resolvers

log = logging.getLogger("zwgk.push")

LEASE_SECONDS = 10
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


def dispatcher(ctx: dict[str, Any]) -> Dispatcher:
    """The worker's dispatcher, built once from its settings, gateway and Redis."""
    found = ctx.get("push_dispatcher")
    if found is None:
        settings: Settings = ctx["settings"]
        found = Dispatcher(
            settings.push,
            ctx["wechat"],
            ctx["redis"],
            ctx.get("push_resolvers") or load_resolvers(),
        )
        ctx["push_dispatcher"] = found
    assert isinstance(found, Dispatcher)
    return found


async def push_dispatch(ctx: dict[str, Any]) -> int:
    """Deliver due intents while holding a lane lease; returns how many were claimed."""
    d = dispatcher(ctx)
    redis = ctx["redis"]
    held: int = ctx.get("push_lanes_held", 0)
    if held >= d.settings.lanes_per_worker:
        # This process is busy enough: a free lane is left to another worker, so lanes
        # spread over processes (and cores) instead of piling onto the first to poll.
        return 0
    # The holder's process id in the lease tells operators who runs which lane.
    token = f"{os.getpid()}:{secrets.token_hex(8)}"
    lane_key = None
    for lane in range(d.settings.dispatch_lanes):
        key = f"zwgk:push:lane:{lane}"
        if await redis.set(key, token, nx=True, px=LEASE_SECONDS * 1000):
            lane_key = key
            break
    if lane_key is None:
        return 0  # every lane is busy: enough dispatchers are running
    claimed = 0
    deadline = time.monotonic() + d.settings.dispatch_seconds
    ctx["push_lanes_held"] = ctx.get("push_lanes_held", 0) + 1
    try:
        while time.monotonic() < deadline:
            renewed = await redis.eval(_RENEW, 1, lane_key, token, LEASE_SECONDS * 1000)
            if not renewed:
                break
            stats = await d.run_once()
            claimed += stats.claimed
            if stats.claimed == 0:
                break
    finally:
        ctx["push_lanes_held"] -= 1
        try:
            await redis.eval(_RELEASE, 1, lane_key, token)
        except Exception:
            log.warning("push: could not release lane %s", lane_key)
    return claimed


async def push_sweep(ctx: dict[str, Any]) -> dict[str, int]:
    settings: Settings = ctx["settings"]
    return await sweep(ctx["redis"], settings.push)


async def push_fanout(ctx: dict[str, Any]) -> int:
    return await broadcasts.fan_out_pending()


_CONFIGURED: dict[str, Settings] = {}


def configure(settings: Settings) -> None:
    """Called at worker start-up so event handlers use the worker's settings."""
    _CONFIGURED["settings"] = settings


def _push_settings() -> Any:
    if "settings" not in _CONFIGURED:
        from server.config import load_settings

        _CONFIGURED["settings"] = load_settings()
    return _CONFIGURED["settings"].push


async def on_subscribe_event(event: OutboxEvent) -> None:
    """``wechat.subscribe_msg_*``: update the credit ledger (idempotent per event)."""
    await ledger.apply_wechat_event(_push_settings(), event.payload)


async def on_policy_published(event: OutboxEvent) -> None:
    """``policy.published``: one topic_update push per matching subscriber."""
    await topics.queue_topic_updates(event.payload)


#: arq functions enqueued by this domain.
FUNCTIONS: list[WorkerCoroutine] = []
#: arq cron jobs of this domain.
CRON_JOBS: list[Any] = [
    cron(push_dispatch, second=set(range(60)), run_at_startup=True, timeout=120, unique=True),
    cron(push_sweep, second=set(range(0, 60, 10)), run_at_startup=True, timeout=60),
    cron(push_fanout, second=set(range(0, 60, 2)), run_at_startup=True, timeout=600),
]
#: Outbox topic → handlers of this domain.
EVENT_HANDLERS: dict[str, list[EventHandler]] = {
    "wechat.subscribe_msg_popup_event": [on_subscribe_event],
    "wechat.subscribe_msg_change_event": [on_subscribe_event],
    "wechat.subscribe_msg_sent_event": [on_subscribe_event],
    "policy.published": [on_policy_published],
}
