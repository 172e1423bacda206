"""Request and response shapes of the accounts endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field

from server.accounts.models import User


class WxLoginRequest(BaseModel):
    code: str = Field(min_length=1, max_length=128, description="the code from wx.login()")


class StaffLoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    """What a client may know about a user: no openid, no personal data."""

    id: int
    display_name: str
    roles: list[str]
    department_id: int | None

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            id=user.id,
            display_name=user.display_name,
            roles=sorted(user.roles),
            department_id=user.department_id,
        )


class LoginResponse(BaseModel):
    token: str
    expires_in: int
    user: UserOut


class DepartmentIn(BaseModel):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1, max_length=128)


class DepartmentOut(BaseModel):
    id: int
    code: str
    name: str


class BackOfficeUserIn(BaseModel):
    username: str = Field(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    password: str = Field(min_length=10, max_length=256)
    display_name: str = Field(min_length=1, max_length=64)
    roles: list[str] = Field(min_length=1)
    department_code: str | None = None


class RolesIn(BaseModel):
    roles: list[str] = Field(min_length=1)
    department_code: str | None = None


class UserList(BaseModel):
    items: list[UserOut]
    total: int
