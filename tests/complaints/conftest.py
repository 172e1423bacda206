"""Fixtures of the complaints tests: 如皋 departments and categories, staff and residents
signed in through the real flows (staff login, WeChat login via the emulator)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
import pytest

from server.complaints.deadlines import invalidate_cache
from server.complaints.seed import seed_reference_data
from server.core.clock import CHINA
from server.core.permissions import Role
from tests.helpers import bearer, sign_in_staff, wx_login


@pytest.fixture(autouse=True)
def _fresh_calendar_cache() -> None:
    """Each test has a fresh database: forget the calendar another test loaded."""
    invalidate_cache()


@dataclass
class World:
    """Departments (code → id) and signed-in headers for the usual actors."""

    client: httpx.AsyncClient
    depts: dict[str, int]
    dispatcher: dict[str, str]
    chengguan: dict[str, str]  # 城管局 staff
    zhujian: dict[str, str]  # 住建局 staff
    admin: dict[str, str]
    resident: dict[str, str]
    other_resident: dict[str, str]


async def _staff(
    client: httpx.AsyncClient, username: str, roles: list[Role], dept: str | None
) -> dict[str, str]:
    return bearer((await sign_in_staff(client, username, roles, dept, create_department=False))[1])


@pytest.fixture
async def world(app: Any, client: httpx.AsyncClient, emulator: httpx.Client) -> World:
    depts = await seed_reference_data()
    return World(
        client=client,
        depts=depts,
        dispatcher=await _staff(client, "rx.dispatch", [Role.STAFF], "rgzwgk"),
        chengguan=await _staff(client, "cg.wang", [Role.STAFF], "rgcgj"),
        zhujian=await _staff(client, "zj.li", [Role.STAFF], "rgzjj"),
        admin=await _staff(client, "admin.zhao", [Role.ADMIN], None),
        resident=bearer(await wx_login(client, emulator, "o-resident-zhang")),
        other_resident=bearer(await wx_login(client, emulator, "o-resident-li")),
    )


_keys = iter(range(10**9))

Submit = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def submit(world: World) -> Submit:
    """``await submit(**overrides)`` → the created case (201 asserted)."""

    async def go(headers: dict[str, str] | None = None, **overrides: Any) -> dict[str, Any]:
        body = {
            "kind": "complaint",
            "category": "city.road",
            "content": "如城街道海阳路人行道砖块松动破损，雨天积水，老人经过容易摔倒。",
            "lat": 32.3713,
            "lng": 120.5662,
            "address": "如皋市如城街道海阳路",
            "is_public": True,
            "contact_name": "张建国",
            "contact_phone": "13812345678",
            **overrides,
        }
        r = await world.client.post(
            "/api/v1/complaints",
            json=body,
            headers={
                **(headers or world.resident),
                "Idempotency-Key": f"submit-key-{next(_keys):06d}",
            },
        )
        assert r.status_code == 201, r.text
        return dict(r.json())

    return go


async def act(
    world: World, headers: dict[str, str], case_id: int, action: str, **body: Any
) -> httpx.Response:
    return await world.client.post(
        f"/api/v1/admin/complaints/{case_id}/{action}", json=body, headers=headers
    )


class FrozenClock:
    """Sets what ``local_now`` returns in the complaints modules (China time)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._now = datetime(2026, 9, 30, 10, 0, tzinfo=CHINA)
        from server.complaints import ratings, service, workflow

        for module in (service, workflow, ratings):
            monkeypatch.setattr(module, "local_now", lambda: self._now)

    def set(self, iso: str) -> None:
        self._now = datetime.fromisoformat(iso).replace(tzinfo=CHINA)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    return FrozenClock(monkeypatch)


async def closed_case(
    world: World, submit: Submit, *, mode: str = "transfer", **overrides: Any
) -> dict[str, Any]:
    """A case taken through accept → dispatch → reply → resident's "resolved"."""
    case = await submit(**overrides)
    assert (await act(world, world.dispatcher, case["id"], "accept")).status_code == 200
    body: dict[str, Any] = {"mode": mode}
    handler = world.dispatcher
    if mode != "immediate":
        body["department"] = world.depts["rgcgj"]
        handler = world.chengguan
    r = await act(world, world.dispatcher, case["id"], "dispatch", **body)
    assert r.status_code == 200, r.text
    if mode != "immediate":
        await act(world, handler, case["id"], "start")
    r = await act(world, handler, case["id"], "reply", answer="已处理完毕，感谢您的反映。")
    assert r.status_code == 200, r.text
    r = await world.client.post(
        f"/api/v1/complaints/{case['tracking_no']}/feedback",
        json={"resolved": True},
        headers=world.resident,
    )
    assert r.json()["status"] == "closed"
    return dict(r.json())
