"""Retried writes carrying an Idempotency-Key are done once and answered the same."""

from __future__ import annotations

from server.accounts.models import User
from server.accounts.service import create_back_office_user
from server.core.permissions import Role
from server.policies.models import Policy
from tests.helpers import bearer


async def test_retried_login_returns_the_same_session(client, emulator, redis_client):
    code = emulator.post("/_emulator/login-codes", json={"openid": "o-flaky"}).json()["code"]
    headers = {"Idempotency-Key": "login-attempt-0001"}
    first = await client.post("/api/v1/auth/wx-login", json={"code": code}, headers=headers)
    retry = await client.post("/api/v1/auth/wx-login", json={"code": code}, headers=headers)
    assert first.status_code == retry.status_code == 200
    assert retry.json()["token"] == first.json()["token"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert await User.filter(openid="o-flaky").count() == 1
    # The kept response carries a session token: it expires with the login code.
    keys = [k async for k in redis_client.scan_iter("zwgk:idem:*")]
    assert len(keys) == 1 and 0 < await redis_client.ttl(keys[0]) <= 300
    # Without the key the single-use code is spent: the retry would have failed.
    again = await client.post("/api/v1/auth/wx-login", json={"code": code})
    assert again.status_code == 400


async def test_same_key_with_another_body_is_refused(client, emulator):
    headers = {"Idempotency-Key": "login-attempt-0002"}
    c1 = emulator.post("/_emulator/login-codes", json={"openid": "o-a"}).json()["code"]
    c2 = emulator.post("/_emulator/login-codes", json={"openid": "o-b"}).json()["code"]
    assert (
        await client.post("/api/v1/auth/wx-login", json={"code": c1}, headers=headers)
    ).status_code == 200
    r = await client.post("/api/v1/auth/wx-login", json={"code": c2}, headers=headers)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "idempotency_key_reused"


async def test_malformed_key_is_rejected(client):
    r = await client.post(
        "/api/v1/auth/wx-login", json={"code": "abc"}, headers={"Idempotency-Key": "short"}
    )
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "Idempotency-Key"


async def test_failed_request_can_be_retried_with_the_same_key(client, emulator):
    headers = {"Idempotency-Key": "login-attempt-0003"}
    code = emulator.post("/_emulator/login-codes", json={"openid": "o-c"}).json()["code"]
    emulator.post("/_emulator/faults", json={"error_rate": 1.0, "errcode": -1})
    down = await client.post("/api/v1/auth/wx-login", json={"code": code}, headers=headers)
    assert down.status_code == 503
    emulator.delete("/_emulator/faults")
    up = await client.post("/api/v1/auth/wx-login", json={"code": code}, headers=headers)
    assert up.status_code == 200


async def test_staff_create_retried_makes_one_policy(client):
    await create_back_office_user(
        username="wang.fang",
        password="password-123456",
        roles=[Role.STAFF],
        display_name="王芳",
        department_code="rgmzj",
        create_department=True,
    )
    login = await client.post(
        "/api/v1/admin/auth/login", json={"username": "wang.fang", "password": "password-123456"}
    )
    headers = {**bearer(login.json()["token"]), "Idempotency-Key": "create-policy-0001"}
    body = {
        "title": "如皋市困难群众临时救助实施办法",
        "issuer": "如皋市民政局",
        "body": "第一条 为规范临时救助工作，制定本办法。",
        "topics": ["social-assistance"],
    }
    first = await client.post("/api/v1/admin/policies", json=body, headers=headers)
    retry = await client.post("/api/v1/admin/policies", json=body, headers=headers)
    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert await Policy.all().count() == 1
