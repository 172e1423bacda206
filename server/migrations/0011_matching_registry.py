"""惠企政策 matching at scale: the registry generation and stored-reason digests.

* ``enterprises.registry_generation`` (indexed): the generation of the transaction that
  last changed the row; ``enterprise_registry`` holds the counter (one row, created on
  first use with a random ``epoch``, so a copied or truncated database is told apart).
  A matching worker keeps the registry's columns in memory and reads only the rows of
  newer generations (``server.enterprises.registry``).
* ``enterprise_matches.reasons_digest``: a 64-bit digest of the stored reasons, so the
  policy job finds unchanged matches without reading their texts; an index on
  ``(policy_id, enterprise_id)`` lets it read one policy's matches by enterprise range.
"""

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

REGISTRY_UP = """
CREATE TABLE IF NOT EXISTS enterprise_registry (
    id INTEGER PRIMARY KEY,
    epoch VARCHAR(32) NOT NULL,
    generation BIGINT NOT NULL
);
"""
REGISTRY_DOWN = "DROP TABLE IF EXISTS enterprise_registry;"
GENERATION_UP = """
ALTER TABLE enterprises ADD COLUMN registry_generation BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS idx_enterprises_registry_generation
    ON enterprises (registry_generation);
"""
GENERATION_DOWN = """
DROP INDEX IF EXISTS idx_enterprises_registry_generation;
ALTER TABLE enterprises DROP COLUMN registry_generation;
"""


class AddFieldWithSQLDefault(ops.AddField):
    """``AddField`` whose column gets a SQL default: Tortoise adds ``NOT NULL`` without
    one, which SQLite refuses on a table that already has rows."""

    def __init__(self, model_name, name, field, sql, reverse_sql):
        super().__init__(model_name, name, field)
        self.sql, self.reverse_sql = sql, reverse_sql

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor:
            await state_editor.client.execute_script(self.sql)

    async def database_backward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor:
            await state_editor.client.execute_script(self.reverse_sql)


async def forward(apps, schema_editor):
    await schema_editor.client.execute_script(REGISTRY_UP)


async def backward(apps, schema_editor):
    await schema_editor.client.execute_script(REGISTRY_DOWN)


class Migration(migrations.Migration):
    dependencies = [("models", "0010_search_blocked_terms")]

    operations = [
        AddFieldWithSQLDefault(
            model_name="Enterprise",
            name="registry_generation",
            field=fields.BigIntField(default=0, db_index=True),
            sql=GENERATION_UP,
            reverse_sql=GENERATION_DOWN,
        ),
        ops.AddField(
            model_name="EnterpriseMatch",
            name="reasons_digest",
            field=fields.BigIntField(null=True),
        ),
        ops.AddIndex(
            model_name="EnterpriseMatch",
            index=Index(fields=["policy_id", "enterprise_id"]),
        ),
        ops.RunPython(forward, backward),
    ]
