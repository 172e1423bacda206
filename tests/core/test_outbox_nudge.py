"""The outbox fast path: a nudge after commit gets an event to its handler within ~1 s
through a real arq worker and Redis, without the cron sweep."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis.asyncio as aioredis
from arq.connections import ArqRedis
from arq.worker import Worker
from tortoise.transactions import in_transaction

from server.core.outbox import EventStatus, OutboxEvent, record_event
from server.core.outbox_nudge import NUDGE_FLAG, nudge
from workers.settings import WorkerSettings


@pytest.fixture
async def worker_seen(app: Any, redis_url: str) -> AsyncIterator[dict[str, float]]:
    """An arq worker with the real job functions but no cron: only nudges relay."""
    seen: dict[str, float] = {}

    async def handler(event: OutboxEvent) -> None:
        seen[event.subject_id] = time.monotonic()

    pool = ArqRedis.from_url(redis_url)
    worker = Worker(
        functions=WorkerSettings.functions,
        redis_pool=pool,
        handle_signals=False,
        poll_delay=WorkerSettings.poll_delay,
        ctx={"settings": app.ctx.settings, "event_handlers": {"policy.published": [handler]}},
    )
    task = asyncio.create_task(worker.async_run())
    try:
        yield seen
    finally:
        worker.handle_sig(signal.SIGUSR1)  # cancels the main loop and running jobs
        await asyncio.gather(task, *worker.tasks.values(), return_exceptions=True)
        await pool.aclose()


async def _wait_for(seen: dict[str, float], key: str, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while key not in seen:
        assert time.monotonic() < deadline, f"event {key} not handled within {timeout}s"
        await asyncio.sleep(0.01)
    return seen[key]


async def test_committed_event_reaches_its_handler_within_a_second(app, worker_seen):
    for n in range(3):
        async with in_transaction() as conn:
            await record_event("policy.published", "policy", n, using_db=conn)
        committed = time.monotonic()
        # False when a queued job has not started its pass yet: that pass sees this event.
        await nudge(app.ctx.redis)
        handled = await _wait_for(worker_seen, str(n), 5)
        assert handled - committed < 1.0
    deadline = time.monotonic() + 5  # the handler ran; the relay marks the event next
    while await OutboxEvent.filter(status=EventStatus.DONE).count() < 3:
        assert time.monotonic() < deadline
        await asyncio.sleep(0.02)


async def test_a_burst_of_commits_costs_few_jobs_and_none_is_missed(app, worker_seen):
    enqueued = 0
    for n in range(30):
        await record_event("policy.published", "policy", 100 + n)
        enqueued += await nudge(app.ctx.redis)
    for n in range(30):
        await _wait_for(worker_seen, str(100 + n), 5)
    assert 1 <= enqueued < 30


async def test_policy_publish_through_the_api_nudges(app, client, redis_client):
    from server.accounts.service import create_back_office_user
    from server.core.permissions import Role

    await create_back_office_user(
        username="nudger", password="password-123456", roles=[Role.ADMIN], display_name="n"
    )
    login = await client.post(
        "/api/v1/admin/auth/login", json={"username": "nudger", "password": "password-123456"}
    )
    token = login.json()["token"]
    body = {
        "title": "关于做好2026年稳岗返还工作的通知",
        "issuer": "如皋市人力资源和社会保障局",
        "audience": "enterprises",
        "summary": "稳岗返还",
    }
    r = await client.post(
        "/api/v1/admin/policies", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert r.status_code == 201, r.text
    await redis_client.delete(NUDGE_FLAG)
    r = await client.post(
        f"/api/v1/admin/policies/{r.json()['id']}/publish",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text
    assert await OutboxEvent.filter(topic="policy.published").count() == 1
    assert await redis_client.exists(NUDGE_FLAG)  # a relay job was asked for
    assert await redis_client.zcard("arq:queue") >= 1


async def test_nudge_without_redis_is_harmless(app):
    dead = aioredis.from_url("redis://127.0.0.1:1", socket_connect_timeout=0.2)
    assert await nudge(dead) is False
    assert await nudge(None) is False
    await dead.aclose()
