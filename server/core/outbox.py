"""The transactional outbox: domain events written in the same transaction as the change.

A service that publishes a policy writes the policy rows and an ``OutboxEvent`` together,
so an event is never lost when a worker is down and never sent for a rolled-back change.

Delivery (:func:`relay_pending`, run by the worker's ``relay_outbox`` job):

- A relay **claims** an event with a conditional update (``claimed_until`` unset or in the
  past) and a random claim token; only the holder of the token finishes the event. A
  relay that dies mid-event loses its claim when ``claimed_until`` passes, and the next
  relay takes the event over. Claims are compared with ``<``, never by equality on a
  stored datetime (which differs in time zone once read back).
- Each (event, handler) pair has one :class:`OutboxDelivery` row: a handler that
  succeeded is never run again for that event; a failing one is retried alone.
- Failures back off exponentially with jitter (``outbox.backoff_*``). After
  ``outbox.max_attempts`` the delivery and its event become ``dead``: listed for admins
  (``/api/v1/admin/outbox``, ``zwgk outbox dead``) and re-driven by an admin.
- Events of one subject (``subject_type``, ``subject_id``) are handled in id order: an
  earlier pending event of the subject blocks the later ones (a dead one does not).
- Processed events are pruned after ``outbox.retention_days`` (:func:`prune_processed`).

Handlers must be idempotent: an event may still be handled twice (a relay that lost its
claim while its handler was running).
"""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.functions import Min
from tortoise.models import Model

log = logging.getLogger("zwgk.outbox")


class EventStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    DEAD = "dead"


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
    #: ``pending``, ``done`` or ``dead`` (see :class:`EventStatus`).
    status = fields.CharField(max_length=16, default=EventStatus.PENDING.value, db_index=True)
    #: Backoff: not retried before this moment.
    next_attempt_at = fields.DatetimeField(null=True)
    #: Random token of the relay holding the claim; only it may finish the event.
    claim_token = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "outbox_events"


class OutboxDelivery(Model):
    """One handler's delivery of one event (handler identity: ``module:qualname``)."""

    id = fields.BigIntField(primary_key=True)
    event_id = fields.BigIntField(db_index=True)
    handler = fields.CharField(max_length=200)
    status = fields.CharField(max_length=16, default=EventStatus.PENDING.value)
    attempts = fields.IntField(default=0)
    last_error = fields.CharField(max_length=500, null=True)
    updated_at = fields.DatetimeField(auto_now=True)
    done_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbox_deliveries"
        unique_together = (("event_id", "handler"),)


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
    After the transaction commits, call :func:`server.core.outbox_nudge.nudge` so a
    worker relays it at once instead of at the next sweep.
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


def handler_name(handler: EventHandler) -> str:
    """A handler's stable identity in ``outbox_deliveries``: ``module:qualname``."""
    module = getattr(handler, "__module__", None) or "?"
    qualname = getattr(handler, "__qualname__", None) or type(handler).__qualname__
    return f"{module}:{qualname}"[:200]


@dataclass(frozen=True)
class RelayPolicy:
    """Retry tuning of a relay (from ``[outbox]`` in the settings)."""

    max_attempts: int = 8
    backoff_base_seconds: float = 2.0
    backoff_cap_seconds: float = 600.0
    claim_seconds: int = 120
    batch_size: int = 100

    @classmethod
    def from_settings(cls, outbox: Any) -> RelayPolicy:
        return cls(
            max_attempts=outbox.max_attempts,
            backoff_base_seconds=outbox.backoff_base_seconds,
            backoff_cap_seconds=outbox.backoff_cap_seconds,
            claim_seconds=outbox.claim_seconds,
            batch_size=outbox.batch_size,
        )

    def backoff(self, attempts: int) -> timedelta:
        """Delay before attempt ``attempts + 1``: exponential, capped, half jittered."""
        exp = min(self.backoff_cap_seconds, self.backoff_base_seconds * 2 ** (attempts - 1))
        return timedelta(seconds=exp / 2 + random.uniform(0, exp / 2))


async def relay_pending(
    handlers: Mapping[str, Sequence[EventHandler]],
    *,
    policy: RelayPolicy | None = None,
    batch_size: int | None = None,
    claim_seconds: int | None = None,
    max_attempts: int | None = None,
) -> int:
    """Deliver pending events until none is ready; returns how many were completed.

    Only topics with a registered handler are touched: an event nobody consumes yet
    stays pending, so a consumer added later (a new worker release) still receives it.
    At most ``batch_size`` events are completed per call.
    """
    p = policy or RelayPolicy()
    p = RelayPolicy(
        max_attempts=max_attempts or p.max_attempts,
        backoff_base_seconds=p.backoff_base_seconds,
        backoff_cap_seconds=p.backoff_cap_seconds,
        claim_seconds=claim_seconds or p.claim_seconds,
        batch_size=batch_size or p.batch_size,
    )
    topics = [topic for topic, registered in handlers.items() if registered]
    if not topics:
        return 0
    done = 0
    tried: set[int] = set()
    while done < p.batch_size:
        ready = await _ready_events(topics, p.batch_size, exclude=tried)
        if not ready:
            break
        for event in ready:
            tried.add(event.id)
            if await _process(event, handlers[event.topic], p):
                done += 1
    return done


async def _ready_events(topics: list[str], limit: int, *, exclude: set[int]) -> list[OutboxEvent]:
    """Due, unclaimed events that are the first pending one of their subject.

    The "first of its subject" test is part of the query, so a subject with a long
    backlog behind a failing event never hides other subjects' events from the batch.
    """
    now = datetime.now(UTC)
    heads = (
        OutboxEvent.filter(status=EventStatus.PENDING.value, topic__in=topics)
        .group_by("subject_type", "subject_id")
        .annotate(first=Min("id"))
        .values("first")
    )
    query = OutboxEvent.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        status=EventStatus.PENDING.value,
        topic__in=topics,
        id__in=Subquery(heads),
    )
    if exclude:
        query = query.exclude(id__in=list(exclude))
    return await query.order_by("id").limit(limit)


async def _process(event: OutboxEvent, handlers: Sequence[EventHandler], p: RelayPolicy) -> bool:
    now = datetime.now(UTC)
    token = secrets.token_hex(16)
    claimed = await OutboxEvent.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        id=event.id,
        status=EventStatus.PENDING.value,
    ).update(claimed_until=now + timedelta(seconds=p.claim_seconds), claim_token=token)
    if not claimed:
        return False  # another relay took it first
    names = {handler_name(h): h for h in handlers}
    deliveries = {
        d.handler: d
        for d in await OutboxDelivery.filter(event_id=event.id, handler__in=list(names))
    }
    errors: list[str] = []
    dead = False
    # Handlers must finish within the claim, or another relay could take the event over
    # while they still run.
    loop = asyncio.get_running_loop()
    deadline = loop.time() + p.claim_seconds * 0.9
    for name, handler in names.items():
        delivery = deliveries.get(name)
        if delivery is not None and delivery.status != EventStatus.PENDING.value:
            continue  # done earlier (never rerun) or dead (waits for an admin)
        attempts = (delivery.attempts if delivery else 0) + 1
        try:
            await asyncio.wait_for(handler(event), max(0.001, deadline - loop.time()))
        except Exception as exc:
            log.exception("outbox handler %s failed for event %s (%s)", name, event.id, event.topic)
            reason = "timed out within the claim" if isinstance(exc, TimeoutError) else exc
            error = f"{name}: {reason}"[:500]
            errors.append(error)
            status = EventStatus.DEAD if attempts >= p.max_attempts else EventStatus.PENDING
            dead = dead or status == EventStatus.DEAD
            await _save_delivery(event.id, name, status, attempts, error)
        else:
            await _save_delivery(event.id, name, EventStatus.DONE, attempts, None)
    mine = OutboxEvent.filter(id=event.id, claim_token=token)
    finished = datetime.now(UTC)
    if not errors:
        await mine.update(
            status=EventStatus.DONE.value,
            processed_at=finished,
            attempts=event.attempts + 1,
            claimed_until=None,
            claim_token=None,
            next_attempt_at=None,
        )
        return True
    attempts = event.attempts + 1
    if dead or attempts >= p.max_attempts:
        log.error("outbox event %s (%s) is dead after %d attempts", event.id, event.topic, attempts)
        await mine.update(
            status=EventStatus.DEAD.value,
            attempts=attempts,
            last_error=errors[0],
            claimed_until=None,
            claim_token=None,
        )
        return False
    await mine.update(
        attempts=attempts,
        last_error=errors[0],
        next_attempt_at=finished + p.backoff(attempts),
        claimed_until=None,
        claim_token=None,
    )
    return False


async def _save_delivery(
    event_id: int, name: str, status: EventStatus, attempts: int, error: str | None
) -> None:
    values: dict[str, Any] = {"status": status.value, "attempts": attempts, "last_error": error}
    if status == EventStatus.DONE:
        values["done_at"] = datetime.now(UTC)
    updated = await OutboxDelivery.filter(event_id=event_id, handler=name).update(**values)
    if updated:
        return
    try:
        await OutboxDelivery.create(event_id=event_id, handler=name, **values)
    except IntegrityError:  # another relay (which lost its claim meanwhile) wrote it first
        await OutboxDelivery.filter(event_id=event_id, handler=name).update(**values)


# --------------------------------------------------------------------------- operations


async def retry_event(event_id: int) -> bool:
    """Re-drive a dead (or backing-off) event now: its failed deliveries start over."""
    event = await OutboxEvent.get_or_none(id=event_id)
    if event is None or event.status == EventStatus.DONE.value:
        return False
    await OutboxDelivery.filter(event_id=event_id, status=EventStatus.DEAD.value).update(
        status=EventStatus.PENDING.value, attempts=0
    )
    await OutboxEvent.filter(id=event_id).update(
        status=EventStatus.PENDING.value,
        attempts=0,
        next_attempt_at=None,
        claimed_until=None,
        claim_token=None,
    )
    return True


async def retry_all_dead() -> int:
    """Re-drive every dead event; returns how many."""
    ids = await OutboxEvent.filter(status=EventStatus.DEAD.value).values_list("id", flat=True)
    count = 0
    for event_id in ids:
        if await retry_event(int(str(event_id))):
            count += 1
    return count


async def prune_processed(retention_days: float) -> int:
    """Delete events processed more than ``retention_days`` ago (and their deliveries)."""
    cutoff = datetime.now(UTC) - timedelta(days=retention_days)
    total = 0
    while True:
        ids = (
            await OutboxEvent.filter(status=EventStatus.DONE.value, processed_at__lt=cutoff)
            .limit(1000)
            .values_list("id", flat=True)
        )
        if not ids:
            return total
        await OutboxDelivery.filter(event_id__in=list(ids)).delete()
        total += await OutboxEvent.filter(id__in=list(ids)).delete()
