"""Issue 6 (hot words): terms admins block from the public hot-word list.

* ``search_blocked_terms``: one normalized term per row (unique), who blocked it
  (``users.id``) and when. Merged with ``search.blocked_hot_words``; see
  ``server.search.blocked``.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

SQLITE_UP = """
CREATE TABLE IF NOT EXISTS search_blocked_terms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    term VARCHAR(64) NOT NULL UNIQUE,
    created_by INTEGER,
    created_at TIMESTAMP NOT NULL
);
"""
POSTGRES_UP = """
CREATE TABLE IF NOT EXISTS search_blocked_terms (
    id SERIAL PRIMARY KEY,
    term VARCHAR(64) NOT NULL UNIQUE,
    created_by INTEGER,
    created_at TIMESTAMPTZ NOT NULL
);
"""
DOWN = "DROP TABLE IF EXISTS search_blocked_terms;"


async def forward(apps, schema_editor):
    client = schema_editor.client
    sqlite = client.capabilities.dialect == "sqlite"
    await client.execute_script(SQLITE_UP if sqlite else POSTGRES_UP)


async def backward(apps, schema_editor):
    await schema_editor.client.execute_script(DOWN)


class Migration(migrations.Migration):
    dependencies = [("models", "0009_grid")]

    operations = [ops.RunPython(forward, backward)]
