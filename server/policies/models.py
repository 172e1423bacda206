"""Policies (政策文件) with their three versions, classifications, guide and history."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class PolicyStatus(StrEnum):
    DRAFT = "draft"  # 草稿
    PUBLISHED = "published"  # 已发布
    EXPIRED = "expired"  # 已失效
    WITHDRAWN = "withdrawn"  # 已撤回


class Audience(StrEnum):
    RESIDENTS = "residents"  # 居民
    ENTERPRISES = "enterprises"  # 企业
    BOTH = "both"  # 通用


class Scheme(StrEnum):
    """The classification systems a policy is filed under, all at once."""

    TOPIC = "topic"  # 主题
    INDUSTRY = "industry"  # 行业 (GB/T 4754-2017)
    ISSUER = "issuer"  # 发文机构
    STAGE = "stage"  # 五公开: 决策/执行/管理/服务/结果
    CATEGORY = "category"  # 惠企政策类别
    REGION = "region"  # 适用地区 (GB/T 2260)


class Classification(Model):
    """A node of one classification tree (trees are data, editable by admins)."""

    id = fields.IntField(primary_key=True)
    scheme = fields.CharField(max_length=16)
    code = fields.CharField(max_length=64)
    name = fields.CharField(max_length=128)
    parent_code = fields.CharField(max_length=64, null=True)
    sort_order = fields.IntField(default=0)
    #: Bumped by every edit; an edit names the version it was based on.
    version = fields.IntField(default=1)

    class Meta:
        table = "classifications"
        unique_together = (("scheme", "code"),)


class Policy(Model):
    """A policy document. ``body_html`` is the sanitised full text (原文)."""

    id = fields.IntField(primary_key=True)
    external_id = fields.CharField(max_length=128, unique=True, null=True)
    title = fields.CharField(max_length=300)
    doc_number = fields.CharField(max_length=100, default="")
    issuer = fields.CharField(max_length=128)
    issuer_code = fields.CharField(max_length=64)
    publish_date = fields.DateField(null=True)
    effective_date = fields.DateField(null=True)
    expiry_date = fields.DateField(null=True)
    status = fields.CharField(max_length=16, default=PolicyStatus.DRAFT.value, db_index=True)
    audience = fields.CharField(max_length=16, default=Audience.BOTH.value)
    stage = fields.CharField(max_length=16)
    summary = fields.TextField(default="")
    body_html = fields.TextField(default="")
    body_text = fields.TextField(default="")
    # Denormalised copies of the classification codes, for cheap detail responses.
    topics: fields.Field[list[str]] = fields.JSONField(default=list)
    industries: fields.Field[list[str]] = fields.JSONField(default=list)
    categories: fields.Field[list[str]] = fields.JSONField(default=list)
    regions: fields.Field[list[str]] = fields.JSONField(default=list)
    department: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Department", related_name="policies", null=True, on_delete=fields.SET_NULL
    )
    department_id: int | None
    version = fields.IntField(default=1)
    published_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "policies"


class PolicyTag(Model):
    """One classification code of a policy, for filtering and counting (one row per code)."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="tags", on_delete=fields.CASCADE
    )
    policy_id: int
    scheme = fields.CharField(max_length=16)
    code = fields.CharField(max_length=64)

    class Meta:
        table = "policy_tags"
        unique_together = (("policy", "scheme", "code"),)


class Attachment(Model):
    """A stored file: policy attachment, illustration image or material sample."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyNullableRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="attachments", null=True, on_delete=fields.CASCADE
    )
    policy_id: int | None
    #: The owning department: only its staff (and admins) see an unattached file or
    #: delete it, and only its policies may use it.
    department: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Department", related_name="attachments", null=True, on_delete=fields.SET_NULL
    )
    department_id: int | None
    purpose = fields.CharField(max_length=16, default="attachment")
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    size = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    storage_key = fields.CharField(max_length=255)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "attachments"


class IllustratedCard(Model):
    """One card of the illustrated version (图解版): image and caption, in order."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="cards", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    caption = fields.TextField()
    image: fields.ForeignKeyNullableRelation[Attachment] = fields.ForeignKeyField(
        "models.Attachment", related_name="cards", null=True, on_delete=fields.SET_NULL
    )
    image_id: int | None

    class Meta:
        table = "policy_cards"


class GlossaryTerm(Model):
    """名词解释."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="glossary", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    term = fields.CharField(max_length=100)
    definition = fields.TextField()

    class Meta:
        table = "policy_glossary"


class PolicyQuestion(Model):
    """问答式解读."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="questions", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    question = fields.TextField()
    answer = fields.TextField()

    class Meta:
        table = "policy_questions"


class ApplicationGuide(Model):
    """申报指南: conditions, materials, steps, window and where to apply."""

    id = fields.IntField(primary_key=True)
    policy: fields.OneToOneRelation[Policy] = fields.OneToOneField(
        "models.Policy", related_name="guide", on_delete=fields.CASCADE
    )
    conditions: fields.Field[list[str]] = fields.JSONField(default=list)
    # [{"name", "description", "sample_attachment_id"}]
    materials: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    steps: fields.Field[list[str]] = fields.JSONField(default=list)
    window_start = fields.DateField(null=True)
    window_end = fields.DateField(null=True)
    online_url = fields.CharField(max_length=500, null=True)
    offline_place = fields.CharField(max_length=200, null=True)
    hours = fields.CharField(max_length=100, null=True)
    phone = fields.CharField(max_length=40, null=True)

    class Meta:
        table = "policy_guides"


class PolicyLink(Model):
    """A link to a related policy or an interpretation (解读)."""

    id = fields.IntField(primary_key=True)
    source: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="links_out", on_delete=fields.CASCADE
    )
    source_id: int
    target: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="links_in", on_delete=fields.CASCADE
    )
    target_id: int
    relation = fields.CharField(max_length=16, default="related")

    class Meta:
        table = "policy_links"
        unique_together = (("source", "target"),)


class PolicyRevision(Model):
    """One recorded change of a policy (creation, edit, status change): who, when, what."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyRelation[Policy] = fields.ForeignKeyField(
        "models.Policy", related_name="revisions", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    editor_id = fields.IntField(null=True)
    action = fields.CharField(max_length=16)
    changes: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "policy_revisions"
