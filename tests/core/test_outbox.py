"""The outbox relay: claims, per-handler deliveries, backoff, dead letters, ordering."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from server.core.outbox import (
    EventStatus,
    OutboxDelivery,
    OutboxEvent,
    RelayPolicy,
    handler_name,
    prune_processed,
    record_event,
    relay_pending,
    retry_all_dead,
    retry_event,
)

NO_WAIT = RelayPolicy(backoff_base_seconds=0.001, backoff_cap_seconds=0.001, max_attempts=3)


async def test_events_reach_handlers_once_and_unconsumed_topics_wait(app):
    seen: list[str] = []

    async def handler(event: OutboxEvent) -> None:
        seen.append(event.subject_id)

    await record_event("policy.published", "policy", 1, {"policy_id": 1})
    await record_event("policy.published", "policy", 2, {"policy_id": 2})
    await record_event("complaint.transitioned", "complaint", 9)
    assert await relay_pending({"policy.published": [handler]}) == 2
    assert await relay_pending({"policy.published": [handler]}) == 0
    assert seen == ["1", "2"]
    waiting = await OutboxEvent.get(topic="complaint.transitioned")
    assert waiting.processed_at is None  # no consumer yet: kept for a later release
    assert waiting.status == EventStatus.PENDING


async def test_failing_handler_backs_off_then_succeeds(app):
    calls = 0

    async def flaky(event: OutboxEvent) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("WeChat is down")

    await record_event("policy.published", "policy", 3)
    assert await relay_pending({"policy.published": [flaky]}) == 0
    event = await OutboxEvent.get(subject_id="3")
    assert event.processed_at is None
    assert event.attempts == 1
    assert event.last_error is not None and event.last_error.endswith("WeChat is down")
    assert event.next_attempt_at is not None and event.next_attempt_at > datetime.now(UTC)
    # Backing off: a relay right away does not touch it.
    assert await relay_pending({"policy.published": [flaky]}) == 0
    assert calls == 1
    await OutboxEvent.filter(id=event.id).update(next_attempt_at=datetime.now(UTC))
    assert await relay_pending({"policy.published": [flaky]}) == 1
    done = await OutboxEvent.get(subject_id="3")
    assert done.processed_at is not None and done.status == EventStatus.DONE


def test_backoff_is_exponential_capped_and_jittered():
    p = RelayPolicy(backoff_base_seconds=2, backoff_cap_seconds=60)
    for attempts, full in ((1, 2), (2, 4), (3, 8), (4, 16), (10, 60)):
        delays = {p.backoff(attempts).total_seconds() for _ in range(20)}
        assert all(full / 2 <= d <= full for d in delays)
        assert len(delays) > 1  # jitter


async def test_claimed_event_is_not_run_by_another_relay(app):
    ran: list[int] = []

    async def handler(event: OutboxEvent) -> None:
        ran.append(event.id)

    event = await record_event("policy.published", "policy", 4)
    assert event is not None
    event.claimed_until = datetime.now(UTC) + timedelta(minutes=1)
    await event.save()
    assert await relay_pending({"policy.published": [handler]}) == 0
    assert ran == []  # recorded, not raised: the relay swallows handler exceptions
    assert (await OutboxEvent.get(id=event.id)).status == EventStatus.PENDING


async def test_event_of_a_killed_relay_is_delivered_by_the_next_one(app):
    """A relay dies mid-event (its handler blocks, then the relay task is killed); once
    the claim expires, another relay delivers the event. The claim read back from the
    database (local time zone) must still compare correctly with now (UTC)."""
    started = asyncio.Event()
    delivered: list[str] = []

    async def blocking(event: OutboxEvent) -> None:
        started.set()
        await asyncio.sleep(3600)

    async def working(event: OutboxEvent) -> None:
        delivered.append(event.subject_id)

    await record_event("policy.published", "policy", 5)
    first = asyncio.create_task(relay_pending({"policy.published": [blocking]}, claim_seconds=2))
    await asyncio.wait_for(started.wait(), 10)
    first.cancel()  # the relay is killed mid-event: nothing releases its claim
    await asyncio.gather(first, return_exceptions=True)
    # While the dead relay's claim lasts, another relay leaves the event alone.
    assert await relay_pending({"policy.published": [working]}) == 0
    assert delivered == []
    held = await OutboxEvent.get(subject_id="5")
    assert held.claimed_until is not None and held.claim_token is not None
    assert held.status == EventStatus.PENDING and held.attempts == 0
    await asyncio.sleep(2.1)  # the claim expires
    assert await relay_pending({"policy.published": [working]}) == 1
    assert delivered == ["5"]
    event = await OutboxEvent.get(subject_id="5")
    assert event.status == EventStatus.DONE and event.claim_token is None


async def test_a_handler_cannot_outlive_the_claim(app):
    async def hangs(event: OutboxEvent) -> None:
        await asyncio.sleep(3600)

    await record_event("policy.published", "policy", 50)
    assert await relay_pending({"policy.published": [hangs]}, claim_seconds=1) == 0
    event = await OutboxEvent.get(subject_id="50")
    assert event.status == EventStatus.PENDING and event.attempts == 1
    assert "timed out" in (event.last_error or "")
    assert event.claim_token is None  # released for the retry, after the backoff


async def test_late_relay_cannot_finish_an_event_it_lost(app):
    """A relay whose claim expired (a stalled process) does not mark the event: the
    relay that took it over does."""

    async def ok(event: OutboxEvent) -> None:
        return None

    async def stalls_then_fails(event: OutboxEvent) -> None:
        # The claim runs out while this relay stalls; a second relay takes over.
        past = datetime.now(UTC) - timedelta(seconds=1)
        await OutboxEvent.filter(id=event.id).update(claimed_until=past)
        assert await relay_pending({"policy.published": [ok]}) == 1
        raise RuntimeError("late failure")

    await record_event("policy.published", "policy", 6)
    assert await relay_pending({"policy.published": [stalls_then_fails]}) == 0
    event = await OutboxEvent.get(subject_id="6")
    assert event.status == EventStatus.DONE and event.attempts == 1
    assert event.last_error is None


async def test_one_delivery_per_handler_only_the_failing_one_is_retried(app):
    calls: dict[str, int] = {"a": 0, "b": 0}

    async def a(event: OutboxEvent) -> None:
        calls["a"] += 1

    async def b(event: OutboxEvent) -> None:
        calls["b"] += 1
        if calls["b"] < 3:
            raise RuntimeError("b fails twice")

    handlers = {"policy.published": [a, b]}
    event = await record_event("policy.published", "policy", 7)
    assert event is not None
    for _ in range(3):
        await relay_pending(handlers, policy=NO_WAIT)
        await asyncio.sleep(0.01)
    assert calls == {"a": 1, "b": 3}
    rows = {d.handler: d for d in await OutboxDelivery.filter(event_id=event.id)}
    assert set(rows) == {handler_name(a), handler_name(b)}
    assert handler_name(a).startswith("tests.core.test_outbox:")
    assert rows[handler_name(a)].status == "done" and rows[handler_name(a)].attempts == 1
    assert rows[handler_name(b)].status == "done" and rows[handler_name(b)].attempts == 3
    assert (await OutboxEvent.get(id=event.id)).status == EventStatus.DONE


async def test_exhausted_event_is_dead_and_can_be_retried(app):
    fail = True
    calls = 0

    async def handler(event: OutboxEvent) -> None:
        nonlocal calls
        calls += 1
        if fail:
            raise RuntimeError("permanent")

    handlers = {"policy.published": [handler]}
    event = await record_event("policy.published", "policy", 8)
    assert event is not None
    for _ in range(5):
        await relay_pending(handlers, policy=NO_WAIT)
        await asyncio.sleep(0.01)
    assert calls == 3  # max_attempts, then never silently retried again
    dead = await OutboxEvent.get(id=event.id)
    assert dead.status == EventStatus.DEAD and dead.attempts == 3
    assert "permanent" in (dead.last_error or "")
    delivery = await OutboxDelivery.get(event_id=event.id)
    assert delivery.status == "dead"
    fail = False
    assert await retry_event(event.id)
    assert await relay_pending(handlers, policy=NO_WAIT) == 1
    assert (await OutboxEvent.get(id=event.id)).status == EventStatus.DONE
    assert not await retry_event(event.id)  # done events are not re-driven
    assert await retry_all_dead() == 0


async def test_events_of_one_subject_run_in_order(app):
    order: list[str] = []
    fail_first = True

    async def handler(event: OutboxEvent) -> None:
        if event.payload["n"] == 1 and fail_first:
            raise RuntimeError("first fails once")
        order.append(f"{event.subject_id}:{event.payload['n']}")

    handlers = {"policy.published": [handler], "policy.updated": [handler]}
    await record_event("policy.published", "policy", 10, {"n": 1})
    await record_event("policy.updated", "policy", 10, {"n": 2})
    await record_event("policy.published", "policy", 11, {"n": 1.5})
    await relay_pending(handlers, policy=NO_WAIT)
    # 10:1 failed: 10:2 waits behind it; the other subject is not held up.
    assert order == ["11:1.5"]
    fail_first = False
    await asyncio.sleep(0.01)
    await relay_pending(handlers, policy=NO_WAIT)
    assert order == ["11:1.5", "10:1", "10:2"]


async def test_processed_events_are_pruned_after_retention(app):
    async def handler(event: OutboxEvent) -> None:
        return None

    old = await record_event("policy.published", "policy", 20)
    new = await record_event("policy.published", "policy", 21)
    pending = await record_event("policy.withdrawn", "policy", 22)
    assert old and new and pending
    await relay_pending({"policy.published": [handler]})
    await OutboxEvent.filter(id=old.id).update(processed_at=datetime.now(UTC) - timedelta(days=30))
    assert await prune_processed(14) == 1
    assert not await OutboxEvent.exists(id=old.id)
    assert not await OutboxDelivery.exists(event_id=old.id)
    assert await OutboxEvent.exists(id=new.id) and await OutboxEvent.exists(id=pending.id)


async def test_a_blocked_subject_does_not_starve_other_subjects(app):
    """A subject with a long backlog behind a backing-off event takes no batch slots."""
    seen: list[str] = []

    async def handler(event: OutboxEvent) -> None:
        if event.payload.get("fail"):
            raise RuntimeError("head of subject 30 fails")
        seen.append(event.subject_id)

    handlers = {"policy.published": [handler]}
    await record_event("policy.published", "policy", 30, {"fail": True})
    await relay_pending(handlers)  # the head fails and backs off
    for _ in range(12):
        await record_event("policy.published", "policy", 30)
    await record_event("policy.published", "policy", 31)
    assert await relay_pending(handlers, batch_size=5) == 1
    assert seen == ["31"]
