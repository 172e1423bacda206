"""Enterprises (企业画像), their contacts, policy eligibility rules and stored matches."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Outcome(StrEnum):
    ELIGIBLE = "eligible"  # 符合
    UNKNOWN = "unknown"  # 信息不全, 无法判断
    NOT_ELIGIBLE = "not_eligible"  # 不符合


class Answer(StrEnum):
    APPLIED = "applied"  # 已申报
    RECEIVING = "receiving"  # 已享受
    NOT_INTERESTED = "not_interested"  # 不感兴趣


class Enterprise(Model):
    """One registered enterprise (工商登记资料). Empty figures are unknown, never zero."""

    id = fields.IntField(primary_key=True)
    uscc = fields.CharField(max_length=18, unique=True)  # 统一社会信用代码
    name = fields.CharField(max_length=200)
    legal_representative = fields.CharField(max_length=64, default="")
    region = fields.CharField(max_length=12, db_index=True)
    industry = fields.CharField(max_length=8, null=True, db_index=True)
    nature = fields.CharField(max_length=16, null=True)
    size = fields.CharField(max_length=8, null=True)
    size_declared = fields.BooleanField(default=False)
    established_on = fields.DateField(null=True)
    # "MM-DD" of ``established_on``: the daily job finds today's anniversaries by index.
    anniversary = fields.CharField(max_length=5, null=True, db_index=True)
    registered_capital = fields.FloatField(null=True)  # 万元
    employees = fields.IntField(null=True)
    annual_revenue = fields.FloatField(null=True)  # 万元
    tags: fields.Field[list[str]] = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    # The registry generation of the transaction that last changed this row (see
    # ``server.enterprises.registry``): a matching worker's columns catch up by it.
    registry_generation = fields.BigIntField(default=0, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "enterprises"


class EnterpriseContact(Model):
    """A mini-program user bound to an enterprise (法定代表人 or 经办人)."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="contacts", on_delete=fields.CASCADE
    )
    enterprise_id: int
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name="enterprise_contacts", on_delete=fields.CASCADE
    )
    user_id: int
    role = fields.CharField(max_length=24, default="manager")
    # pending (waits for staff), approved, rejected
    status = fields.CharField(max_length=12, default="pending", db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "enterprise_contacts"
        unique_together = (("enterprise", "user"),)


class EnterpriseCorrection(Model):
    """A correction of the registry profile asked by a contact, applied or rejected by staff."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="corrections", on_delete=fields.CASCADE
    )
    enterprise_id: int
    user_id = fields.IntField()
    changes: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    note = fields.CharField(max_length=500, default="")
    status = fields.CharField(max_length=12, default="pending", db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise_corrections"


class PolicyEligibility(Model):
    """The eligibility rule of one policy (申报条件, machine-readable), versioned."""

    id = fields.IntField(primary_key=True)
    policy_id = fields.IntField(unique=True)
    rule: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    version = fields.IntField(default=1)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "policy_eligibility"


class PolicyEligibilityRevision(Model):
    """Every saved version of the eligibility rule of a policy (who changed what, when)."""

    id = fields.IntField(primary_key=True)
    policy_id = fields.IntField(db_index=True)
    version = fields.IntField()
    rule: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    editor_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "policy_eligibility_revisions"


class EnterpriseMatch(Model):
    """A stored decision (eligible, near miss or unknown) with its explanation.

    ``active`` false means revoked: the match no longer holds. Rows for plain
    ``not_eligible`` decisions are not kept.
    """

    id = fields.BigIntField(primary_key=True)
    enterprise_id = fields.IntField()
    policy_id = fields.IntField(db_index=True)
    outcome = fields.CharField(max_length=16)
    near_miss = fields.BooleanField(default=False)
    reasons: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    # 64-bit digest of ``reasons`` (``server.enterprises.reasons.reasons_digest``): the
    # policy job compares digests, not texts; ``null`` (older rows) = compare unknown.
    reasons_digest = fields.BigIntField(null=True)
    # The version of the rule that last changed this decision (outcome or texts).
    rule_version = fields.IntField(default=0)
    active = fields.BooleanField(default=True)
    answer = fields.CharField(max_length=16, null=True)
    answered_at = fields.DatetimeField(null=True)
    pushed = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "enterprise_matches"
        unique_together = (("enterprise_id", "policy_id"),)
        # (policy, enterprise): the policy job reads one policy's matches by id range.
        indexes = (("policy_id", "active", "outcome"), ("policy_id", "enterprise_id"))
