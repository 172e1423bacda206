"""Sign-in through the real WeChat flow (emulator over HTTP), sessions and staff login."""

from __future__ import annotations

import pytest

from server.accounts.service import create_back_office_user
from server.core.permissions import Role
from tests.helpers import bearer, wx_login


async def test_wx_login_creates_resident_and_me_returns_them(client, emulator):
    token = await wx_login(client, emulator, "o-resident-001")
    me = await client.get("/api/v1/me", headers=bearer(token))
    assert me.status_code == 200
    body = me.json()
    assert body["roles"] == ["resident"]
    assert "openid" not in body  # never handed back to clients
    again = await wx_login(client, emulator, "o-resident-001")
    me2 = await client.get("/api/v1/me", headers=bearer(again))
    assert me2.json()["id"] == body["id"]  # the same person, not a second account


async def test_login_code_is_single_use(client, emulator):
    code = emulator.post("/_emulator/login-codes", json={"openid": "o-x"}).json()["code"]
    first = await client.post("/api/v1/auth/wx-login", json={"code": code})
    assert first.status_code == 200
    second = await client.post("/api/v1/auth/wx-login", json={"code": code})
    assert second.status_code == 400
    assert second.json()["error"]["code"] == "invalid_login_code"
    assert second.json()["error"]["field"] == "code"


@pytest.mark.parametrize("body", [{}, {"code": ""}, {"code": 12}, {"code": "x" * 200}])
async def test_wx_login_rejects_bad_bodies(client, body):
    r = await client.post("/api/v1/auth/wx-login", json=body)
    assert r.status_code == 422
    assert r.json()["error"]["field"] == "code"


async def test_malformed_json_is_400(client):
    r = await client.post(
        "/api/v1/auth/wx-login", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "invalid_json"


async def test_wechat_down_is_503_not_500(client, emulator):
    code = emulator.post("/_emulator/login-codes", json={"openid": "o-y"}).json()["code"]
    emulator.post("/_emulator/faults", json={"error_rate": 1.0, "errcode": -1}).raise_for_status()
    r = await client.post("/api/v1/auth/wx-login", json={"code": code})
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "upstream_unavailable"


async def test_logout_revokes_the_session(client, emulator):
    token = await wx_login(client, emulator, "o-logout")
    assert (await client.post("/api/v1/auth/logout", headers=bearer(token))).status_code == 200
    r = await client.get("/api/v1/me", headers=bearer(token))
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"


async def test_sessions_live_in_redis_with_expiry(client, emulator, redis_client):
    token = await wx_login(client, emulator, "o-ttl")
    keys = [k async for k in redis_client.scan_iter("zwgk:session:*")]
    assert len(keys) == 1
    assert token.encode() not in keys[0]  # only a hash of the token is stored
    ttl = await redis_client.ttl(keys[0])
    assert 0 < ttl <= 7 * 24 * 3600


async def test_staff_login_and_rate_limit(client):
    await create_back_office_user(
        username="li.ming",
        password="correct-horse-1",
        roles=[Role.STAFF],
        display_name="李明",
        department_code="rgrsj",
        create_department=True,
    )
    ok = await client.post(
        "/api/v1/admin/auth/login", json={"username": "li.ming", "password": "correct-horse-1"}
    )
    assert ok.status_code == 200
    assert ok.json()["user"]["roles"] == ["staff"]
    for _ in range(5):
        bad = await client.post(
            "/api/v1/admin/auth/login", json={"username": "li.ming", "password": "wrong-password"}
        )
        assert bad.status_code == 401
    blocked = await client.post(
        "/api/v1/admin/auth/login", json={"username": "li.ming", "password": "correct-horse-1"}
    )
    assert blocked.status_code == 429


async def test_wechat_users_cannot_use_staff_login(client, emulator):
    await wx_login(client, emulator, "o-nopass")
    r = await client.post(
        "/api/v1/admin/auth/login", json={"username": "o-nopass", "password": "whatever-123"}
    )
    assert r.status_code == 401
