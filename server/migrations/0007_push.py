"""Schema for issue 9 (push intents, credits, subscriptions, broadcasts)."""

import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


def _json(default):  # noqa: ANN001, ANN202 - migration helper
    return fields.JSONField(
        default=default, encoder=functools.partial(dumps, separators=(",", ":")), decoder=loads
    )


def _pk():  # noqa: ANN202
    return fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)


class Migration(migrations.Migration):
    dependencies = [("models", "0006_enterprises")]

    operations = [
        ops.CreateModel(
            name="PushIntent",
            fields=[
                ("id", _pk()),
                ("kind", fields.CharField(db_index=True, max_length=32)),
                ("recipient_type", fields.CharField(max_length=16)),
                ("recipient_id", fields.CharField(max_length=64)),
                ("subject_type", fields.CharField(max_length=32)),
                ("subject_id", fields.CharField(max_length=64)),
                ("data", _json(dict)),
                ("urgent", fields.BooleanField(default=False)),
                ("dedup_key", fields.CharField(unique=True, max_length=200)),
                ("status", fields.CharField(default="queued", db_index=True, max_length=16)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("reason", fields.CharField(max_length=32, null=True)),
                ("last_error", fields.CharField(max_length=300, null=True)),
                ("attempts", fields.IntField(default=0)),
                ("next_attempt_at", fields.DatetimeField(null=True)),
                ("claim_token", fields.CharField(max_length=32, null=True, db_index=True)),
                ("claimed_until", fields.DatetimeField(null=True)),
                ("sent_at", fields.DatetimeField(null=True)),
                ("opened_at", fields.DatetimeField(null=True)),
                ("msgid", fields.CharField(max_length=32, null=True)),
                ("user_id", fields.IntField(null=True, db_index=True)),
                ("parent_id", fields.BigIntField(null=True, db_index=True)),
                ("broadcast_id", fields.BigIntField(null=True, db_index=True)),
                ("digest_id", fields.BigIntField(null=True)),
            ],
            options={
                "table": "push_intents",
                "app": "models",
                "pk_attr": "id",
                "indexes": [Index(fields=["status", "next_attempt_at"])],
                "table_description": "One push to one recipient.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="SubscriptionCredit",
            fields=[
                ("id", _pk()),
                ("openid", fields.CharField(max_length=64)),
                ("template_id", fields.CharField(max_length=128)),
                ("credits", fields.IntField(default=0)),
                ("status", fields.CharField(max_length=16, default="accept")),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "push_credits",
                "app": "models",
                "pk_attr": "id",
                "unique_together": (("openid", "template_id"),),
                "table_description": "The credit ledger.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="GrantReport",
            fields=[
                ("id", _pk()),
                ("request_id", fields.CharField(max_length=64, unique=True)),
                ("user_id", fields.IntField()),
                ("results", _json(dict)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "push_grant_reports", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="TopicSubscription",
            fields=[
                ("id", _pk()),
                ("user_id", fields.IntField(unique=True)),
                ("topics", _json(list)),
                ("categories", _json(list)),
                ("regions", _json(list)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={"table": "push_topic_subscriptions", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Broadcast",
            fields=[
                ("id", _pk()),
                ("kind", fields.CharField(max_length=32)),
                ("regions", _json(list)),
                ("title", fields.CharField(max_length=100)),
                ("content", fields.CharField(max_length=500)),
                ("level", fields.CharField(max_length=16, default="")),
                ("created_by", fields.IntField(null=True)),
                ("status", fields.CharField(max_length=16, default="fanning_out")),
                ("targeted", fields.IntField(default=0)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "push_broadcasts", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
