"""The one way a domain asks for a push: :func:`queue_push`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from server.push.models import PushIntent

#: Push kinds; each maps to a subscription-message template in config.
KINDS = frozenset(
    {
        "policy_match",
        "policy_deadline",
        "topic_update",
        "complaint_progress",
        "rating_reminder",
        "visit_task",
        "emergency_warning",
        "digest",
    }
)


def dedup_key_for(
    recipient_type: str, recipient_id: object, kind: str, subject_type: str, subject_id: object
) -> str:
    """The default dedup key: one push per (recipient, kind, subject)."""
    return f"{recipient_type}:{recipient_id}:{kind}:{subject_type}:{subject_id}"


async def queue_push(
    kind: str,
    recipient_type: str,
    recipient_id: object,
    subject_type: str,
    subject_id: object,
    data: Mapping[str, Any] | None = None,
    *,
    urgent: bool = False,
    dedup_key: str | None = None,
    using_db: BaseDBAsyncClient | None = None,
) -> PushIntent | None:
    """Write a push intent in the caller's transaction (pass it as ``using_db``).

    Returns ``None`` when the same push (same dedup key) was already queued. ``data``
    holds the values the template's keywords are rendered from.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown push kind {kind!r}")
    key = dedup_key or dedup_key_for(recipient_type, recipient_id, kind, subject_type, subject_id)
    if await PushIntent.filter(dedup_key=key).using_db(using_db).exists():
        return None
    try:
        return await PushIntent.create(
            kind=kind,
            recipient_type=recipient_type,
            recipient_id=str(recipient_id),
            subject_type=subject_type,
            subject_id=str(subject_id),
            data=dict(data or {}),
            urgent=urgent,
            dedup_key=key,
            using_db=using_db,
        )
    except IntegrityError:
        return None  # a concurrent writer queued the same push
