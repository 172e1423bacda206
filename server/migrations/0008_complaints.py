"""Schema for issue 10 (complaints, ratings, holidays, Open311 keys)."""

from tortoise import migrations
from tortoise.migrations import operations as ops  # noqa: F401


class Migration(migrations.Migration):
    dependencies = [("models", "0007_push")]

    operations: list[object] = []
