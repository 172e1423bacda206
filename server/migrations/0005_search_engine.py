"""Issue 7 (search on Tantivy): the policy change sequence the indexer follows, the
admin-edited synonym table, and the end of the in-database full-text index.

* ``policy_changes``: one row per changed policy, written in the same transaction as the
  change (``server.search.changes.record_changes``); ``seq`` is the indexer's cursor.
* ``search_synonyms``: one synonym group per row (terms separated by commas), seeded
  with the defaults of ``server.search.synonyms``.
* ``policy_fts`` (SQLite FTS5) and ``policy_search`` (PostgreSQL tsvector) are dropped:
  the engine's index, rebuilt from the database, replaces them.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

SQLITE_UP = """
CREATE TABLE IF NOT EXISTS policy_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    policy_id INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS search_synonyms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    terms VARCHAR(500) NOT NULL UNIQUE
);
DROP TABLE IF EXISTS policy_fts;
"""
POSTGRES_UP = """
CREATE TABLE IF NOT EXISTS policy_changes (
    seq BIGSERIAL PRIMARY KEY,
    policy_id INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS search_synonyms (
    id SERIAL PRIMARY KEY,
    terms VARCHAR(500) NOT NULL UNIQUE
);
DROP TABLE IF EXISTS policy_search;
"""
SQLITE_DOWN = """
DROP TABLE IF EXISTS policy_changes;
DROP TABLE IF EXISTS search_synonyms;
CREATE VIRTUAL TABLE IF NOT EXISTS policy_fts USING fts5(
    title, summary, body, tokenize = 'ascii'
);
"""
POSTGRES_DOWN = """
DROP TABLE IF EXISTS policy_changes;
DROP TABLE IF EXISTS search_synonyms;
CREATE TABLE IF NOT EXISTS policy_search (
    policy_id INTEGER PRIMARY KEY REFERENCES policies (id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS policy_search_document_gin ON policy_search USING GIN (document);
"""


async def forward(apps, schema_editor):
    from server.search.synonyms import DEFAULT_GROUPS

    client = schema_editor.client
    sqlite = client.capabilities.dialect == "sqlite"
    await client.execute_script(SQLITE_UP if sqlite else POSTGRES_UP)
    mark = "?" if sqlite else "$1"
    for group in DEFAULT_GROUPS:
        await client.execute_query(
            f"INSERT INTO search_synonyms (terms) VALUES ({mark}) ON CONFLICT DO NOTHING",
            [",".join(group)],
        )
    # Existing policies: one change each, so an indexer starting from an old index (or
    # none) sees them; a fresh index is built from the policies table anyway.
    await client.execute_script(
        "INSERT INTO policy_changes (policy_id, created_at) "
        "SELECT id, CURRENT_TIMESTAMP FROM policies ORDER BY id"
    )


async def backward(apps, schema_editor):
    client = schema_editor.client
    sqlite = client.capabilities.dialect == "sqlite"
    await client.execute_script(SQLITE_DOWN if sqlite else POSTGRES_DOWN)


class Migration(migrations.Migration):
    dependencies = [("models", "0004_foundation")]

    operations = [ops.RunPython(forward, backward)]
