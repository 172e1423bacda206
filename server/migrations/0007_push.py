"""Schema for issue 9 (push intents, credits, subscriptions, broadcasts)."""

import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0006_enterprises")]

    operations = [
        ops.CreateModel(
            name="PushIntent",
            fields=[
                ("id", fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("kind", fields.CharField(db_index=True, max_length=32)),
                ("recipient_type", fields.CharField(max_length=16)),
                ("recipient_id", fields.CharField(max_length=64)),
                ("subject_type", fields.CharField(max_length=32)),
                ("subject_id", fields.CharField(max_length=64)),
                ("data", fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(",", ":")), decoder=loads)),
                ("urgent", fields.BooleanField(default=False)),
                ("dedup_key", fields.CharField(unique=True, max_length=200)),
                ("status", fields.CharField(default="queued", db_index=True, max_length=16)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "push_intents", "app": "models", "pk_attr": "id", "table_description": "One push to one recipient."},
            bases=["Model"],
        ),
    ]
