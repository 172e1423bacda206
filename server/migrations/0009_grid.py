"""Schema for issue 11 (grid cells, households, visits, tasks, coverage).

Besides the grid tables, one index on ``push_intents`` (owned by the push stream) lets
coverage find the pushes about one policy that reached their recipient without a scan.
"""

import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

PUSH_INDEX = (
    "CREATE INDEX IF NOT EXISTS grid_push_intents_subject "
    "ON push_intents (subject_type, subject_id, recipient_type, status, recipient_id)"
)


async def add_push_indexes(apps, schema_editor):
    await schema_editor.client.execute_script(PUSH_INDEX)


async def drop_push_indexes(apps, schema_editor):
    await schema_editor.client.execute_script("DROP INDEX IF EXISTS grid_push_intents_subject")


class Migration(migrations.Migration):
    dependencies = [("models", "0008_complaints")]

    operations = [
        ops.CreateModel(
            name="EnterpriseCell",
            fields=[
                ("community_code", fields.CharField(db_index=True, max_length=64)),
                ("grid_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("compound_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("building_code", fields.CharField(null=True, max_length=64)),
                ("unit_code", fields.CharField(null=True, max_length=64)),
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("uscc", fields.CharField(unique=True, max_length=18)),
                ("name", fields.CharField(default="", max_length=200)),
                ("cell_id", fields.IntField(db_index=True)),
                ("address", fields.CharField(default="", max_length=200)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "grid_enterprise_cells",
                "app": "models",
                "pk_attr": "id",
                "table_description": "Where an enterprise (by credit code) sits in the grid.",
            },
            bases=["PathMixin", "Model"],
        ),
        ops.CreateModel(
            name="GridCell",
            fields=[
                ("community_code", fields.CharField(db_index=True, max_length=64)),
                ("grid_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("compound_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("building_code", fields.CharField(null=True, max_length=64)),
                ("unit_code", fields.CharField(null=True, max_length=64)),
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("code", fields.CharField(unique=True, max_length=64)),
                ("name", fields.CharField(max_length=128)),
                ("level", fields.CharField(max_length=16)),
                ("parent_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("region_code", fields.CharField(default="", db_index=True, max_length=32)),
                ("department_id", fields.IntField(null=True, db_index=True)),
                ("lat", fields.FloatField(null=True)),
                ("lng", fields.FloatField(null=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "grid_cells",
                "app": "models",
                "pk_attr": "id",
                "table_description": "One cell of the grid at one of the five levels.",
            },
            bases=["PathMixin", "Model"],
        ),
        ops.CreateModel(
            name="Household",
            fields=[
                ("community_code", fields.CharField(db_index=True, max_length=64)),
                ("grid_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("compound_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("building_code", fields.CharField(null=True, max_length=64)),
                ("unit_code", fields.CharField(null=True, max_length=64)),
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("external_id", fields.CharField(unique=True, max_length=64)),
                ("cell_id", fields.IntField(db_index=True)),
                ("address", fields.CharField(default="", max_length=200)),
                ("size", fields.IntField(default=1)),
                (
                    "tags",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("tag_mask", fields.BigIntField(default=0)),
                ("phone_hash", fields.CharField(null=True, db_index=True, max_length=64)),
                ("phone_masked", fields.CharField(default="", max_length=20)),
                (
                    "last_visit_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "grid_households",
                "app": "models",
                "indexes": [Index(fields=["community_code", "tag_mask"])],
                "pk_attr": "id",
                "table_description": "A household (户) in a cell. ``tags`` are sensitive (独居老人, 低保 …): staff only.",
            },
            bases=["PathMixin", "Model"],
        ),
        ops.CreateModel(
            name="HouseholdMember",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("user_id", fields.IntField(db_index=True)),
                ("household_id", fields.IntField(db_index=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "grid_household_members",
                "app": "models",
                "unique_together": (("user_id", "household_id"),),
                "pk_attr": "id",
                "table_description": "A resident (WeChat user) linked to a household by a verified phone number.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="HouseholdStat",
            fields=[
                ("community_code", fields.CharField(db_index=True, max_length=64)),
                ("grid_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("compound_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("building_code", fields.CharField(null=True, max_length=64)),
                ("unit_code", fields.CharField(null=True, max_length=64)),
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("cell_id", fields.IntField()),
                ("tag_mask", fields.BigIntField()),
                ("households", fields.IntField()),
            ],
            options={
                "table": "grid_household_stats",
                "app": "models",
                "unique_together": (("cell_id", "tag_mask"),),
                "pk_attr": "id",
                "table_description": "Households per (cell, exact tag mask): coverage counts targets without a full scan.",
            },
            bases=["PathMixin", "Model"],
        ),
        ops.CreateModel(
            name="HouseholdTag",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("name", fields.CharField(unique=True, max_length=32)),
                ("bit", fields.IntField(unique=True)),
            ],
            options={
                "table": "grid_tags",
                "app": "models",
                "pk_attr": "id",
                "table_description": "The bit of one household tag in ``Household.tag_mask`` (assigned on first sight).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="PolicyTarget",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("policy_id", fields.IntField(unique=True)),
                (
                    "regions",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "household_tags_any",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "grid_policy_targets",
                "app": "models",
                "pk_attr": "id",
                "table_description": "Which households a residents' policy targets (regions and tags), by default all.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Visit",
            fields=[
                ("community_code", fields.CharField(db_index=True, max_length=64)),
                ("grid_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("compound_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("building_code", fields.CharField(null=True, max_length=64)),
                ("unit_code", fields.CharField(null=True, max_length=64)),
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("client_id", fields.CharField(unique=True, max_length=64)),
                ("revision", fields.IntField(default=1)),
                ("content_hash", fields.CharField(default="", max_length=64)),
                ("worker_id", fields.IntField(db_index=True)),
                ("household_id", fields.IntField(null=True, db_index=True)),
                ("enterprise_uscc", fields.CharField(null=True, db_index=True, max_length=18)),
                ("cell_code", fields.CharField(max_length=64)),
                (
                    "visited_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
                ("type", fields.CharField(max_length=16)),
                (
                    "policy_ids",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "materials",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "problems",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("notes", fields.TextField(default="", unique=False)),
                (
                    "photos",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("lat", fields.FloatField(null=True)),
                ("lng", fields.FloatField(null=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "grid_visits",
                "app": "models",
                "pk_attr": "id",
                "table_description": "One visit (走访) to a household or an enterprise, as last synced.",
            },
            bases=["PathMixin", "Model"],
        ),
        ops.CreateModel(
            name="VisitPlan",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("tag", fields.CharField(unique=True, max_length=32)),
                ("interval_days", fields.IntField()),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "grid_visit_plans",
                "app": "models",
                "pk_attr": "id",
                "table_description": "How often households with a tag are visited (``*``: households with no planned tag).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="VisitPolicy",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("visit_id", fields.BigIntField(db_index=True)),
                ("policy_id", fields.IntField()),
                ("household_id", fields.IntField(null=True)),
                ("enterprise_uscc", fields.CharField(null=True, max_length=18)),
            ],
            options={
                "table": "grid_visit_policies",
                "app": "models",
                "indexes": [
                    Index(fields=["policy_id", "household_id"]),
                    Index(fields=["policy_id", "enterprise_uscc"]),
                ],
                "pk_attr": "id",
                "table_description": 'One policy explained in one visit (coverage "reached by visit" reads these).',
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="VisitRevision",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("visit_id", fields.BigIntField(db_index=True)),
                ("revision", fields.IntField()),
                (
                    "content",
                    fields.JSONField(
                        default=dict,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("recorded_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "grid_visit_revisions",
                "app": "models",
                "unique_together": (("visit_id", "revision"),),
                "pk_attr": "id",
                "table_description": "Every revision a visit went through (the history of offline edits).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="VisitTask",
            fields=[
                ("community_code", fields.CharField(db_index=True, max_length=64)),
                ("grid_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("compound_code", fields.CharField(null=True, db_index=True, max_length=64)),
                ("building_code", fields.CharField(null=True, max_length=64)),
                ("unit_code", fields.CharField(null=True, max_length=64)),
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("source", fields.CharField(max_length=16)),
                ("source_key", fields.CharField(unique=True, max_length=128)),
                ("household_id", fields.IntField(null=True, db_index=True)),
                ("enterprise_uscc", fields.CharField(null=True, db_index=True, max_length=18)),
                ("policy_id", fields.IntField(null=True)),
                ("worker_id", fields.IntField(null=True, db_index=True)),
                ("cell_code", fields.CharField(max_length=64)),
                ("due_date", fields.DateField(db_index=True)),
                ("status", fields.CharField(default="open", db_index=True, max_length=16)),
                ("note", fields.CharField(default="", max_length=200)),
                ("created_by", fields.IntField(null=True)),
                ("closed_by_visit_id", fields.BigIntField(null=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("closed_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "grid_visit_tasks",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A visit to make: assigned by staff, from an unreachable push, or due by a plan.",
            },
            bases=["PathMixin", "Model"],
        ),
        ops.CreateModel(
            name="WorkerCell",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("user_id", fields.IntField(db_index=True)),
                ("cell_id", fields.IntField(db_index=True)),
            ],
            options={
                "table": "grid_worker_cells",
                "app": "models",
                "unique_together": (("user_id", "cell_id"),),
                "pk_attr": "id",
                "table_description": "A cell assigned to a grid worker: they see its households and enterprises.",
            },
            bases=["Model"],
        ),
        ops.RunPython(add_push_indexes, drop_push_indexes),
    ]
