"""Full-text index for policy search: FTS5 on SQLite, a tsvector + GIN index on PostgreSQL.

Both hold text pre-tokenised by ``server.policies.search_text`` (CJK bigrams plus the
terminal character of each run), so 1- and 2-character Chinese queries work the same on
both databases.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

SQLITE_UP = """
CREATE VIRTUAL TABLE IF NOT EXISTS policy_fts USING fts5(
    title, summary, body, tokenize = 'ascii'
);
"""
SQLITE_DOWN = "DROP TABLE IF EXISTS policy_fts;"
POSTGRES_UP = """
CREATE TABLE IF NOT EXISTS policy_search (
    policy_id INTEGER PRIMARY KEY REFERENCES policies (id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS policy_search_document_gin ON policy_search USING GIN (document);
"""
POSTGRES_DOWN = "DROP TABLE IF EXISTS policy_search;"


async def forward(apps, schema_editor):
    dialect = schema_editor.client.capabilities.dialect
    await schema_editor.client.execute_script(SQLITE_UP if dialect == "sqlite" else POSTGRES_UP)


async def backward(apps, schema_editor):
    dialect = schema_editor.client.capabilities.dialect
    await schema_editor.client.execute_script(
        SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN
    )


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    operations = [ops.RunPython(forward, backward)]
