"""The transactional outbox: domain events written in the same transaction as the change.

A service that publishes a policy writes the policy rows and an ``OutboxEvent`` together,
so an event is never lost when a worker is down and never sent for a rolled-back change.
The arq cron job ``relay_outbox`` hands pending events to the handlers registered for
their topic and marks them done; a failing handler leaves the event pending for retry.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.models import Model

log = logging.getLogger("zwgk.outbox")


class OutboxEvent(Model):
    """A domain event waiting to be consumed (``policy.published``, …)."""

    id = fields.BigIntField(primary_key=True)
    topic = fields.CharField(max_length=64, db_index=True)
    subject_type = fields.CharField(max_length=32)
    subject_id = fields.CharField(max_length=64)
    payload: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    # Set when the same event may be reported twice (WeChat retries its pushes).
    dedup_key = fields.CharField(max_length=128, null=True, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # A relay holding the event sets this; another relay skips it until it passes.
    claimed_until = fields.DatetimeField(null=True)
    processed_at = fields.DatetimeField(null=True, db_index=True)
    attempts = fields.IntField(default=0)
    last_error = fields.CharField(max_length=500, null=True)

    class Meta:
        table = "outbox_events"


async def record_event(
    topic: str,
    subject_type: str,
    subject_id: object,
    payload: Mapping[str, Any] | None = None,
    *,
    using_db: BaseDBAsyncClient | None = None,
    dedup_key: str | None = None,
) -> OutboxEvent | None:
    """Write an event; pass the transaction's connection as ``using_db``.

    With ``dedup_key``, an event already recorded under that key is not written again
    (returns ``None``): retried deliveries of the same fact become one event.
    """
    if dedup_key is not None:
        existing = await OutboxEvent.filter(dedup_key=dedup_key).using_db(using_db).exists()
        if existing:
            return None
    try:
        return await OutboxEvent.create(
            topic=topic,
            subject_type=subject_type,
            subject_id=str(subject_id),
            payload=dict(payload or {}),
            dedup_key=dedup_key,
            using_db=using_db,
        )
    except IntegrityError:
        if dedup_key is None:
            raise
        return None  # a concurrent delivery of the same event won the race


EventHandler = Callable[[OutboxEvent], Awaitable[None]]


async def relay_pending(
    handlers: Mapping[str, list[EventHandler]],
    *,
    batch_size: int = 100,
    claim_seconds: int = 120,
    max_attempts: int = 10,
) -> int:
    """Deliver up to ``batch_size`` pending events; returns how many were processed.

    Only topics with a registered handler are touched: an event nobody consumes yet
    stays pending, so a consumer added later (a new worker release) still receives it.
    """
    topics = [topic for topic, registered in handlers.items() if registered]
    if not topics:
        return 0
    now = datetime.now(UTC)
    candidates = (
        await OutboxEvent.filter(
            processed_at__isnull=True, attempts__lt=max_attempts, topic__in=topics
        )
        .order_by("id")
        .limit(batch_size)
    )
    done = 0
    for event in candidates:
        if event.claimed_until is not None and event.claimed_until > now:
            continue
        # Claim with a conditional update so two relays never run the same event at once.
        claimed = await OutboxEvent.filter(
            id=event.id, processed_at__isnull=True, claimed_until=event.claimed_until
        ).update(claimed_until=now + timedelta(seconds=claim_seconds))
        if not claimed:
            continue
        try:
            for handler in handlers[event.topic]:
                await handler(event)
        except Exception as exc:
            log.exception("outbox handler failed for event %s (%s)", event.id, event.topic)
            await OutboxEvent.filter(id=event.id).update(
                attempts=event.attempts + 1, last_error=str(exc)[:500], claimed_until=None
            )
            continue
        await OutboxEvent.filter(id=event.id).update(
            processed_at=datetime.now(UTC), attempts=event.attempts + 1, claimed_until=None
        )
        done += 1
    return done
