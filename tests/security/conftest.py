"""Fixtures of the security tests: cheap Argon2 and back-office sign-in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest

from server.accounts.service import create_back_office_user
from server.core.permissions import Role

PASSWORD = "password-123456"
StaffLogin = Callable[..., Awaitable[str]]


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with minimal cost: still real hashing, but fast."""
    from argon2 import PasswordHasher

    from server.accounts import service

    monkeypatch.setattr(
        service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def staff_login(client: httpx.AsyncClient) -> StaffLogin:
    """``await staff_login(username, [roles], department)`` → a bearer token."""

    async def login(
        username: str, roles: list[Role] | None = None, department: str | None = None
    ) -> str:
        await create_back_office_user(
            username=username,
            password=PASSWORD,
            roles=roles or [Role.STAFF],
            display_name=username,
            department_code=department,
            create_department=True,
        )
        r = await client.post(
            "/api/v1/admin/auth/login", json={"username": username, "password": PASSWORD}
        )
        assert r.status_code == 200, r.text
        return str(r.json()["token"])

    return login
