"""Complaints, suggestions and inquiries (诉求), their timeline, 好差评 ratings, rectification,
the working-day calendar, pre-aggregated statistics and Open311 API keys."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Kind(StrEnum):
    COMPLAINT = "complaint"  # 投诉
    SUGGESTION = "suggestion"  # 建议
    INQUIRY = "inquiry"  # 咨询


class Status(StrEnum):
    HELD = "held"  # 待审核: content safety said "review"
    SUBMITTED = "submitted"  # 已提交, waiting for 受理
    ACCEPTED = "accepted"  # 已受理, waiting for 派单 (also after 退单)
    REJECTED = "rejected"  # 不予受理 (terminal)
    DISPATCHED = "dispatched"  # 已派单
    IN_PROGRESS = "in_progress"  # 办理中
    SUSPENDED = "suspended"  # 待补充材料: the clock stops
    REPLIED = "replied"  # 已答复, waiting for 回访
    CLOSED = "closed"  # 办结 (terminal)
    MERGED = "merged"  # 合并到另一件 (terminal)


class Mode(StrEnum):
    IMMEDIATE = "immediate"  # 立即办
    TRANSFER = "transfer"  # 转交办
    JOINT = "joint"  # 会商办
    DEADLINE = "deadline"  # 限期办


class ComplaintCategory(Model):
    """A node of the admin-editable category tree, with its routing department."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=64)
    parent_code = fields.CharField(max_length=64, null=True)
    department_id = fields.IntField(null=True)  # routing rule: suggested department
    reply_days = fields.IntField(null=True)  # expected reply time; None = the default
    sort_order = fields.IntField(default=0)
    active = fields.BooleanField(default=True)

    class Meta:
        table = "complaint_categories"


class Complaint(Model):
    """One case (一件诉求). ``tracking_no`` is what residents and Open311 see."""

    id = fields.IntField(primary_key=True)
    tracking_no = fields.CharField(max_length=24, unique=True)
    kind = fields.CharField(max_length=16)
    category_id = fields.IntField(db_index=True)
    user_id = fields.IntField(null=True, db_index=True)  # submitter (None: Open311 / grid)
    source = fields.CharField(max_length=16, default="miniprogram")
    content = fields.TextField()
    images: fields.Field[list[int]] = fields.JSONField(default=list)
    lat = fields.FloatField(null=True)
    lng = fields.FloatField(null=True)
    address = fields.CharField(max_length=200, default="")
    cell_code = fields.CharField(max_length=64, null=True)
    related_case_no = fields.CharField(max_length=64, null=True)
    is_public = fields.BooleanField(default=False)
    contact_name = fields.CharField(max_length=32, default="")
    contact_phone = fields.CharField(max_length=20, default="")
    status = fields.CharField(max_length=16, db_index=True)
    mode = fields.CharField(max_length=16, null=True)
    department_id = fields.IntField(null=True, db_index=True)  # lead / handling department
    # 会商办 co-departments as ",3,7," so a queue can filter with LIKE on both databases.
    co_departments = fields.CharField(max_length=200, default=",")
    accept_due = fields.DateField(null=True)
    reply_due = fields.DateField(null=True, db_index=True)
    deadline_info: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    provisional = fields.BooleanField(default=False)
    suspended_from = fields.CharField(max_length=16, null=True)
    suspended_on = fields.DateField(null=True)
    reopen_count = fields.IntField(default=0)
    merged_into_id = fields.IntField(null=True)
    answer = fields.TextField(default="")
    resolved = fields.BooleanField(null=True)
    warned = fields.BooleanField(default=False)
    escalated = fields.BooleanField(default=False)
    external_key = fields.CharField(max_length=128, null=True, unique=True)  # grid visit etc.
    open311_token = fields.CharField(max_length=40, null=True, unique=True)
    submitted_at = fields.DatetimeField(auto_now_add=True)
    accepted_at = fields.DatetimeField(null=True)
    dispatched_at = fields.DatetimeField(null=True)
    replied_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "complaints"


class ComplaintEvent(Model):
    """One recorded transition or note: who, when, what. ``internal`` never reaches residents."""

    id = fields.IntField(primary_key=True)
    complaint_id = fields.IntField(db_index=True)
    action = fields.CharField(max_length=24)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16, null=True)
    actor_id = fields.IntField(null=True)
    actor_role = fields.CharField(max_length=16, default="system")
    note = fields.TextField(default="")
    internal = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "complaint_events"


class Rating(Model):
    """好差评: one rating per subject per user (一事一评), editable for a few days."""

    id = fields.IntField(primary_key=True)
    subject_type = fields.CharField(max_length=16)  # complaint | service | department
    subject_id = fields.CharField(max_length=64)
    complaint_id = fields.IntField(null=True, db_index=True)
    department_id = fields.IntField(null=True, db_index=True)
    user_id = fields.IntField()
    level = fields.IntField()  # 5 非常满意 … 1 非常不满意
    tags: fields.Field[list[str]] = fields.JSONField(default=list)
    comment = fields.TextField(default="")
    counted_month = fields.CharField(max_length=7)  # statistics bucket (YYYY-MM)
    appeal_status = fields.CharField(max_length=16, default="none")  # none|pending|upheld|excluded
    appeal_reason = fields.TextField(default="")
    review_note = fields.TextField(default="")
    excluded = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "complaint_ratings"
        unique_together = (("subject_type", "subject_id", "user_id"),)


class Rectification(Model):
    """整改: opened by a bad rating, answered by the department, then a return visit."""

    id = fields.IntField(primary_key=True)
    rating_id = fields.IntField(unique=True)
    department_id = fields.IntField(null=True, db_index=True)
    due = fields.DateField()
    status = fields.CharField(max_length=16, default="open")  # open | responded | visited
    response = fields.TextField(default="")
    responded_at = fields.DatetimeField(null=True)
    visit_note = fields.TextField(default="")
    visited_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "complaint_rectifications"


class StatCounter(Model):
    """Pre-aggregated figures per (department, month); department 0 is the whole platform."""

    id = fields.IntField(primary_key=True)
    department_id = fields.IntField()
    month = fields.CharField(max_length=7)
    received = fields.IntField(default=0)
    on_spot = fields.IntField(default=0)
    completed = fields.IntField(default=0)
    on_time = fields.IntField(default=0)
    level1 = fields.IntField(default=0)
    level2 = fields.IntField(default=0)
    level3 = fields.IntField(default=0)
    level4 = fields.IntField(default=0)
    level5 = fields.IntField(default=0)

    class Meta:
        table = "complaint_stats"
        unique_together = (("department_id", "month"),)


class HolidayDay(Model):
    """A day that differs from Monday–Friday: a statutory holiday or a 调休 make-up workday."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField(unique=True)
    kind = fields.CharField(max_length=8)  # holiday | workday
    name = fields.CharField(max_length=32, default="")

    class Meta:
        table = "holiday_days"


class HolidayYear(Model):
    """A year whose schedule is known (loaded from chinese_calendar or entered by an admin)."""

    year = fields.IntField(primary_key=True, generated=False)
    source = fields.CharField(max_length=32)
    loaded_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "holiday_years"


class Open311Key(Model):
    """An Open311 API key (only its SHA-256 is stored)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=64)
    key_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "open311_keys"


class ComplaintImage(Model):
    """A photo a resident uploaded (type checked by content); attached to a case on submit."""

    id = fields.IntField(primary_key=True)
    user_id = fields.IntField(db_index=True)
    complaint_id = fields.IntField(null=True, db_index=True)
    content_type = fields.CharField(max_length=32)
    size = fields.IntField()
    storage_key = fields.CharField(max_length=255)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "complaint_images"
