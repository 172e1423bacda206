"""Users, departments and their roles (账号、部门、角色)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Department(Model):
    """A government department (部门). Staff belong to exactly one."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "departments"


class User(Model):
    """Anyone who signs in: a WeChat user (by openid) or a back-office account (by username).

    Personal data is kept to what the features need: no phone or ID number here.
    """

    id = fields.IntField(primary_key=True)
    openid = fields.CharField(max_length=64, unique=True, null=True)
    unionid = fields.CharField(max_length=64, null=True, db_index=True)
    username = fields.CharField(max_length=64, unique=True, null=True)
    password_hash = fields.CharField(max_length=256, null=True)
    display_name = fields.CharField(max_length=64, default="")
    # Role names (see ``server.core.permissions.Role``); several may apply at once.
    roles: fields.Field[list[str]] = fields.JSONField(default=list)
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="staff", null=True, on_delete=fields.SET_NULL
    )
    department_id: int | None
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "users"
