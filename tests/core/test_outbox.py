"""The outbox relay: each event reaches its handlers once; failures are retried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.core.outbox import OutboxEvent, record_event, relay_pending


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


async def test_failing_handler_leaves_event_pending_with_the_error(app):
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
    assert event.last_error == "WeChat is down"
    assert await relay_pending({"policy.published": [flaky]}) == 1
    assert (await OutboxEvent.get(subject_id="3")).processed_at is not None


async def test_claimed_event_is_skipped_by_another_relay(app):
    async def handler(event: OutboxEvent) -> None:
        raise AssertionError("must not run: another relay holds the claim")

    event = await record_event("policy.published", "policy", 4)
    event.claimed_until = datetime.now(UTC) + timedelta(minutes=1)
    await event.save()
    assert await relay_pending({"policy.published": [handler]}) == 0
