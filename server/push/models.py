"""Push intents: every push is first a row here, then delivered by the push workers."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


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

    class Meta:
        table = "push_intents"
