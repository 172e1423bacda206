"""Schema for issue 11 (grid cells, households, visits, tasks)."""

from tortoise import migrations
from tortoise.migrations import operations as ops  # noqa: F401


class Migration(migrations.Migration):
    dependencies = [("models", "0008_complaints")]

    operations: list[object] = []
