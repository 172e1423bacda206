"""Dispatcher lanes (``workers.push.push_dispatch``): leases shared by every worker."""

from __future__ import annotations

from typing import Any

import httpx
import redis.asyncio as aioredis

from server.push.delivery import Dispatcher
from server.push.intents import queue_push
from tests.push.conftest import POLICY_DATA, POLICY_TEMPLATE, MakeUsers
from workers.push import push_dispatch


def _ctx(dispatcher: Dispatcher, redis_client: aioredis.Redis, held: int) -> dict[str, Any]:
    return {"push_dispatcher": dispatcher, "redis": redis_client, "push_lanes_held": held}


async def test_a_worker_holds_at_most_lanes_per_worker(
    dispatcher: Dispatcher,
    redis_client: aioredis.Redis,
    make_users: MakeUsers,
    emulator: httpx.Client,
) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 1})
    assert await queue_push("policy_match", "user", user.id, "policy", 90, POLICY_DATA)
    dispatcher.settings = dispatcher.settings.model_copy(update={"lanes_per_worker": 2})
    # This process already runs two lanes: a third is left to other workers.
    busy = _ctx(dispatcher, redis_client, held=2)
    assert await push_dispatch(busy) == 0
    assert await redis_client.keys("zwgk:push:lane:*") == []
    assert emulator.get("/_emulator/messages").json() == []
    # With a lane to spare it takes one, delivers, and gives it back.
    free = _ctx(dispatcher, redis_client, held=1)
    assert await push_dispatch(free) == 1
    assert free["push_lanes_held"] == 1
    assert await redis_client.keys("zwgk:push:lane:*") == []
    assert len(emulator.get("/_emulator/messages").json()) == 1
