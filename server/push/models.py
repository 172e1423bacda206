"""Push intents, the credit ledger, topic subscriptions and broadcasts (issue 9)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class PushStatus(StrEnum):
    """Where an intent is. ``sent`` and ``failed`` are final."""

    QUEUED = "queued"
    SENDING = "sending"
    RETRYING = "retrying"
    SENT = "sent"
    FAILED = "failed"
    #: A household/enterprise intent handed to one intent per contact (``parent_id``).
    EXPANDED = "expanded"


class FailReason(StrEnum):
    """Why an intent failed (``PushIntent.reason``)."""

    NO_CREDIT = "no_credit"
    INVALID_DATA = "invalid_data"
    USER_BLOCKED = "user_blocked"
    EXPIRED = "expired"
    UNREACHABLE = "unreachable"
    #: Retryable failures (-1, 45009, timeouts, 5xx) until the last attempt.
    RETRIES_EXHAUSTED = "retries_exhausted"
    #: Every contact behind a household/enterprise already had this push.
    DUPLICATE = "duplicate"


class PushIntent(Model):
    """One push to one recipient (推送意图), written by any domain, delivered by ``server.push``.

    ``recipient_type`` is ``user`` (a signed-in WeChat user, by user id), ``enterprise``
    (by credit code: delivered to its bound contacts) or ``household`` (by external id:
    delivered to linked residents). ``dedup_key`` makes a second write of the same push a
    no-op, so a job that runs twice never queues the same message twice.
    """

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32, db_index=True)
    recipient_type = fields.CharField(max_length=16)
    recipient_id = fields.CharField(max_length=64)
    subject_type = fields.CharField(max_length=32)
    subject_id = fields.CharField(max_length=64)
    data: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    urgent = fields.BooleanField(default=False)
    dedup_key = fields.CharField(max_length=200, unique=True)
    status = fields.CharField(max_length=16, default="queued", db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    #: Failure reason (``FailReason``) once failed; last error text while retrying.
    reason = fields.CharField(max_length=32, null=True)
    last_error = fields.CharField(max_length=300, null=True)
    attempts = fields.IntField(default=0)
    #: Not claimed before this time (retry backoff).
    next_attempt_at = fields.DatetimeField(null=True)
    #: The dispatcher holding the intent and until when (a dead one's claim lapses).
    claim_token = fields.CharField(max_length=32, null=True, db_index=True)
    claimed_until = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    opened_at = fields.DatetimeField(null=True)
    msgid = fields.CharField(max_length=32, null=True)
    #: The user the message went to (the recipient itself for ``user`` intents).
    user_id = fields.IntField(null=True, db_index=True)
    parent_id = fields.BigIntField(null=True, db_index=True)
    broadcast_id = fields.BigIntField(null=True, db_index=True)
    #: Set on policy matches folded into a digest message: the digest's intent id.
    digest_id = fields.BigIntField(null=True)

    class Meta:
        table = "push_intents"
        indexes = (("status", "next_attempt_at"),)


class SubscriptionCredit(Model):
    """The credit ledger: what one WeChat user allowed for one template.

    One-time templates: ``credits`` is how many sends the user accepted and we have not
    used yet. Long-term templates: ``status`` ``accept`` means sends are allowed until the
    user turns them off (``reject``) or WeChat bans them (``ban``).
    """

    id = fields.BigIntField(primary_key=True)
    openid = fields.CharField(max_length=64)
    template_id = fields.CharField(max_length=128)
    credits = fields.IntField(default=0)
    status = fields.CharField(max_length=16, default="accept")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "push_credits"
        unique_together = (("openid", "template_id"),)


class GrantReport(Model):
    """A ``wx.requestSubscribeMessage`` result reported by the mini-program, once per request."""

    id = fields.BigIntField(primary_key=True)
    request_id = fields.CharField(max_length=64, unique=True)
    user_id = fields.IntField()
    results: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_grant_reports"


class TopicSubscription(Model):
    """我要订阅: the topics, categories and regions one user follows (one row per user)."""

    id = fields.BigIntField(primary_key=True)
    user_id = fields.IntField(unique=True)
    topics: fields.Field[list[str]] = fields.JSONField(default=list)
    categories: fields.Field[list[str]] = fields.JSONField(default=list)
    regions: fields.Field[list[str]] = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "push_topic_subscriptions"


class Broadcast(Model):
    """An emergency warning to every user of some regions (预警广播)."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    regions: fields.Field[list[str]] = fields.JSONField(default=list)
    title = fields.CharField(max_length=100)
    content = fields.CharField(max_length=500)
    level = fields.CharField(max_length=16, default="")
    created_by = fields.IntField(null=True)
    #: ``fanning_out`` while intents are being written, then ``queued``.
    status = fields.CharField(max_length=16, default="fanning_out")
    targeted = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_broadcasts"
