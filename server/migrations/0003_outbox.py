"""Schema for issue 6, outbox part: per-handler deliveries, dead letters, claim tokens,
backoff, and an index for per-subject ordering."""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

class AddColumnWithDatabaseDefault(ops.AddField):
    """AddField whose column also gets a default in the database itself, so bulk inserts
    that list their columns (``insert_rows``) need not know about the new column."""

    def __init__(self, model_name, name, field, sql):
        super().__init__(model_name=model_name, name=name, field=field)
        self.sql = sql

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor:
            await state_editor.client.execute_script(self.sql)


# Rows written before this migration: processed ones are done, exhausted ones dead.
BACKFILL = """
UPDATE outbox_events SET status = 'done' WHERE processed_at IS NOT NULL;
UPDATE outbox_events SET status = 'dead' WHERE processed_at IS NULL AND attempts >= 10;
CREATE INDEX IF NOT EXISTS outbox_events_subject_order
    ON outbox_events (subject_type, subject_id, status, id);
CREATE INDEX IF NOT EXISTS outbox_events_ready ON outbox_events (status, id);
"""
DROP_INDEXES = """
DROP INDEX IF EXISTS outbox_events_subject_order;
DROP INDEX IF EXISTS outbox_events_ready;
"""


async def forward(apps, schema_editor):
    await schema_editor.client.execute_script(BACKFILL)


async def backward(apps, schema_editor):
    await schema_editor.client.execute_script(DROP_INDEXES)


class Migration(migrations.Migration):
    dependencies = [("models", "0002_search_index")]

    operations = [
        AddColumnWithDatabaseDefault(
            model_name="OutboxEvent",
            name="status",
            field=fields.CharField(default="pending", db_index=True, max_length=16),
            sql="""ALTER TABLE "outbox_events" ADD COLUMN "status" VARCHAR(16) NOT NULL DEFAULT 'pending';
CREATE INDEX IF NOT EXISTS "outbox_events_status" ON "outbox_events" ("status");""",
        ),
        ops.AddField(
            model_name="OutboxEvent",
            name="next_attempt_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name="OutboxEvent",
            name="claim_token",
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.CreateModel(
            name="OutboxDelivery",
            fields=[
                ("id", fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ("event_id", fields.BigIntField(db_index=True)),
                ("handler", fields.CharField(max_length=200)),
                ("status", fields.CharField(default="pending", max_length=16)),
                ("attempts", fields.IntField(default=0)),
                ("last_error", fields.CharField(null=True, max_length=500)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ("done_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "outbox_deliveries",
                "app": "models",
                "unique_together": (("event_id", "handler"),),
                "pk_attr": "id",
                "table_description": "One handler's delivery of one event.",
            },
            bases=["Model"],
        ),
        ops.RunPython(forward, backward),
    ]
