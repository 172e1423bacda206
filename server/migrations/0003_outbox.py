"""Schema for issue 6, outbox part (per-handler deliveries, dead letters, ordering)."""

from tortoise import migrations
from tortoise.migrations import operations as ops  # noqa: F401


class Migration(migrations.Migration):
    dependencies = [("models", "0002_search_index")]

    operations: list[object] = []
