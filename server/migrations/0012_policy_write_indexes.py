"""Issue 7 (search speed): drop four indexes that no query uses any more.

Since the search engine answers every search, browse, filter and document-number lookup,
nothing reads ``policies`` by ``doc_number``, ``issuer_code`` or ``publish_date``, and the
one query over ``policy_tags`` (classification counts while the engine is not ready) is
planned through the ``(policy_id, scheme, code)`` unique index. Every policy write still
paid for the four: in a bulk import they were most of the database's time (inserting
100,000 policies: 7.6 s with them, 2.6 s without, on SQLite).

The names are Tortoise's (a hash of table and columns), the same on SQLite and
PostgreSQL. ``backward`` recreates them.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

INDEXES = {
    "idx_policies_doc_num_16e150": ("policies", "doc_number"),
    "idx_policies_issuer__517b1b": ("policies", "issuer_code"),
    "idx_policies_publish_2bcdc8": ("policies", "publish_date"),
    "idx_policy_tags_scheme_09ae52": ("policy_tags", "scheme, code, policy_id"),
}


async def forward(apps, schema_editor):
    await schema_editor.client.execute_script(
        "".join(f"DROP INDEX IF EXISTS {name};\n" for name in INDEXES)
    )


async def backward(apps, schema_editor):
    await schema_editor.client.execute_script(
        "".join(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns});\n"
            for name, (table, columns) in INDEXES.items()
        )
    )


class Migration(migrations.Migration):
    dependencies = [("models", "0011_matching_registry")]

    operations = [ops.RunPython(forward, backward)]
