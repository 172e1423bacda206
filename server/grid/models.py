"""The grid (网格): cells, households, grid workers' cells, visits, visit tasks and plans.

Cells form a five-level tree (社区 community → 网格 grid → 小区/楼院 compound → 楼栋
building → 单元 unit). Every household, enterprise placement and visit carries the codes of
its cell's ancestors at each level (``community_code`` … ``unit_code``), so a count "per
cell at level X" is one ``GROUP BY`` on one column and a grid worker's visibility is a
filter on the column of the level their cell is at.

Personal data is minimal: a household's phone is kept only as an HMAC (to link a resident
who verified that number in WeChat) and a masked form for display; addresses are masked
in every response.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Level(StrEnum):
    COMMUNITY = "community"  # 社区
    GRID = "grid"  # 网格
    COMPOUND = "compound"  # 小区/楼院
    BUILDING = "building"  # 楼栋
    UNIT = "unit"  # 单元


#: Levels from the top; a cell's parent is exactly one level up.
LEVELS: tuple[Level, ...] = tuple(Level)
#: The ancestor-code column of each level.
LEVEL_COLUMNS: dict[str, str] = {lv.value: f"{lv.value}_code" for lv in LEVELS}


class PathMixin:
    """The codes of the cell's ancestors at each level (its own code at its level)."""

    community_code = fields.CharField(max_length=64, db_index=True)
    grid_code = fields.CharField(max_length=64, null=True, db_index=True)
    compound_code = fields.CharField(max_length=64, null=True, db_index=True)
    building_code = fields.CharField(max_length=64, null=True)
    unit_code = fields.CharField(max_length=64, null=True)


class GridCell(PathMixin, Model):
    """One cell of the grid at one of the five levels."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128)
    level = fields.CharField(max_length=16)
    parent_code = fields.CharField(max_length=64, null=True, db_index=True)
    # GB/T 2260 region (+ township/community digits); inherited from the parent if absent.
    region_code = fields.CharField(max_length=32, default="", db_index=True)
    # The department responsible for a community (staff scope); inherited downwards.
    department_id = fields.IntField(null=True, db_index=True)
    lat = fields.FloatField(null=True)
    lng = fields.FloatField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "grid_cells"


class Household(PathMixin, Model):
    """A household (户) in a cell. ``tags`` are sensitive (独居老人, 低保 …): staff only."""

    id = fields.IntField(primary_key=True)
    external_id = fields.CharField(max_length=64, unique=True)
    cell_id = fields.IntField(db_index=True)
    address = fields.CharField(max_length=200, default="")
    size = fields.IntField(default=1)
    tags: fields.Field[list[str]] = fields.JSONField(default=list)
    # Bit i set when the tag with bit i (table grid_tags) applies: fast tag filters.
    tag_mask = fields.BigIntField(default=0)
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    phone_masked = fields.CharField(max_length=20, default="")
    last_visit_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "grid_households"
        indexes = (("community_code", "tag_mask"),)


class HouseholdTag(Model):
    """The bit of one household tag in ``Household.tag_mask`` (assigned on first sight)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=32, unique=True)
    bit = fields.IntField(unique=True)

    class Meta:
        table = "grid_tags"


class HouseholdStat(PathMixin, Model):
    """Households per (cell, exact tag mask): coverage counts targets without a full scan."""

    id = fields.IntField(primary_key=True)
    cell_id = fields.IntField()
    tag_mask = fields.BigIntField()
    households = fields.IntField()

    class Meta:
        table = "grid_household_stats"
        unique_together = (("cell_id", "tag_mask"),)


class HouseholdMember(Model):
    """A resident (WeChat user) linked to a household by a verified phone number."""

    id = fields.IntField(primary_key=True)
    user_id = fields.IntField(db_index=True)
    household_id = fields.IntField(db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "grid_household_members"
        unique_together = (("user_id", "household_id"),)


class EnterpriseCell(PathMixin, Model):
    """Where an enterprise (by credit code) sits in the grid."""

    id = fields.IntField(primary_key=True)
    uscc = fields.CharField(max_length=18, unique=True)
    name = fields.CharField(max_length=200, default="")
    cell_id = fields.IntField(db_index=True)
    address = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "grid_enterprise_cells"


class WorkerCell(Model):
    """A cell assigned to a grid worker: they see its households and enterprises."""

    id = fields.IntField(primary_key=True)
    user_id = fields.IntField(db_index=True)
    cell_id = fields.IntField(db_index=True)

    class Meta:
        table = "grid_worker_cells"
        unique_together = (("user_id", "cell_id"),)


class VisitType(StrEnum):
    HOME_VISIT = "home_visit"  # 入户走访
    PHONE = "phone"  # 电话
    OTHER = "other"  # 其他


class Visit(PathMixin, Model):
    """One visit (走访) to a household or an enterprise, as last synced."""

    id = fields.BigIntField(primary_key=True)
    client_id = fields.CharField(max_length=64, unique=True)
    revision = fields.IntField(default=1)
    # sha256 of the canonical content: replays compare by it, ties between devices too.
    content_hash = fields.CharField(max_length=64, default="")
    worker_id = fields.IntField(db_index=True)
    household_id = fields.IntField(null=True, db_index=True)
    enterprise_uscc = fields.CharField(max_length=18, null=True, db_index=True)
    cell_code = fields.CharField(max_length=64)
    visited_at = fields.DatetimeField(db_index=True)
    type = fields.CharField(max_length=16)
    policy_ids: fields.Field[list[int]] = fields.JSONField(default=list)
    materials: fields.Field[list[str]] = fields.JSONField(default=list)
    problems: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    notes = fields.TextField(default="")
    photos: fields.Field[list[int]] = fields.JSONField(default=list)
    lat = fields.FloatField(null=True)
    lng = fields.FloatField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "grid_visits"


class VisitRevision(Model):
    """Every revision a visit went through (the history of offline edits)."""

    id = fields.BigIntField(primary_key=True)
    visit_id = fields.BigIntField(db_index=True)
    revision = fields.IntField()
    content: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    recorded_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "grid_visit_revisions"
        unique_together = (("visit_id", "revision"),)


class VisitPolicy(Model):
    """One policy explained in one visit (coverage "reached by visit" reads these)."""

    id = fields.BigIntField(primary_key=True)
    visit_id = fields.BigIntField(db_index=True)
    policy_id = fields.IntField()
    household_id = fields.IntField(null=True)
    enterprise_uscc = fields.CharField(max_length=18, null=True)

    class Meta:
        table = "grid_visit_policies"
        indexes = (("policy_id", "household_id"), ("policy_id", "enterprise_uscc"))


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class VisitTask(PathMixin, Model):
    """A visit to make: assigned by staff, from an unreachable push, or due by a plan."""

    id = fields.BigIntField(primary_key=True)
    source = fields.CharField(max_length=16)  # manual | unreachable | plan
    source_key = fields.CharField(max_length=128, unique=True)
    household_id = fields.IntField(null=True, db_index=True)
    enterprise_uscc = fields.CharField(max_length=18, null=True, db_index=True)
    policy_id = fields.IntField(null=True)
    worker_id = fields.IntField(null=True, db_index=True)
    cell_code = fields.CharField(max_length=64)
    due_date = fields.DateField(db_index=True)
    status = fields.CharField(max_length=16, default=TaskStatus.OPEN.value, db_index=True)
    note = fields.CharField(max_length=200, default="")
    created_by = fields.IntField(null=True)
    closed_by_visit_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "grid_visit_tasks"


class VisitPlan(Model):
    """How often households with a tag are visited (``*``: households with no planned tag)."""

    id = fields.IntField(primary_key=True)
    tag = fields.CharField(max_length=32, unique=True)
    interval_days = fields.IntField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "grid_visit_plans"


class PolicyTarget(Model):
    """Which households a residents' policy targets (regions and tags), by default all."""

    id = fields.IntField(primary_key=True)
    policy_id = fields.IntField(unique=True)
    regions: fields.Field[list[str]] = fields.JSONField(default=list)
    household_tags_any: fields.Field[list[str]] = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "grid_policy_targets"
