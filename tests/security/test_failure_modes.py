"""Redis down, disconnect-then-retry, duplicates and stale edits: 4xx/503, never 500."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from server.accounts.models import Department
from server.core.permissions import Role
from server.policies.models import Classification, Policy
from tests.conftest import free_port
from tests.helpers import Lifespan, bearer, client_for

POLICY = {
    "title": "关于做好2025年稳岗返还工作的通知",
    "issuer": "县人力资源和社会保障局",
    "stage": "execution",
    "summary": "对不裁员或少裁员的参保企业返还部分失业保险费。",
    "body": "一、返还对象\n依法参加失业保险的企业。",
}


@pytest.fixture
async def app_without_redis(settings: Any) -> Any:
    from server.app import create_app

    broken = settings.model_copy(
        update={
            "redis": settings.redis.model_copy(update={"url": f"redis://127.0.0.1:{free_port()}/0"})
        }
    )
    application = create_app(broken, name="zwgk_test_no_redis", run_migrations=False)
    async with Lifespan(application):
        yield application


async def test_redis_down_bearer_request_is_503_and_readyz_names_it(app_without_redis):
    async with client_for(app_without_redis) as c:
        r = await c.get("/api/v1/me", headers=bearer("some-token-value"))
        assert r.status_code == 503, r.text
        assert r.json()["error"]["code"] == "upstream_unavailable"
        ready = await c.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"] == {"database": "ok", "redis": "unreachable"}
        # Anonymous public reads do not touch sessions.
        assert (await c.get("/healthz")).status_code == 200


async def test_disconnect_after_commit_then_retry_gets_the_stored_response(
    client, staff_login, monkeypatch
):
    from server.policies import admin

    token = bearer(await staff_login("rs.idem", [Role.STAFF], "rgrsj"))
    committed = asyncio.Event()
    release = asyncio.Event()
    real_after_write = admin._after_write

    async def slow_after_write(request: Any) -> None:
        committed.set()  # the policy row is committed by now
        await release.wait()
        await real_after_write(request)

    monkeypatch.setattr(admin, "_after_write", slow_after_write)
    headers = {**token, "Idempotency-Key": "create-policy-disconnect-1"}
    first = asyncio.create_task(client.post("/api/v1/admin/policies", json=POLICY, headers=headers))
    await asyncio.wait_for(committed.wait(), 30)
    first.cancel()  # the client goes away after the commit
    with pytest.raises(asyncio.CancelledError):
        await first
    release.set()
    for _ in range(100):
        retry = await client.post("/api/v1/admin/policies", json=POLICY, headers=headers)
        if retry.status_code != 409:
            break
        await asyncio.sleep(0.05)
    assert retry.status_code == 201, retry.text
    assert retry.headers.get("idempotent-replayed") == "true"
    assert await Policy.all().count() == 1


async def test_duplicate_department_and_classification_are_409_even_concurrently(
    client, staff_login
):
    admin = bearer(await staff_login("root.dup", [Role.ADMIN]))
    dept = {"code": "rgj-dup", "name": "重复的部门"}
    results = await asyncio.gather(
        *(client.post("/api/v1/admin/departments", json=dept, headers=admin) for _ in range(6))
    )
    assert sorted(r.status_code for r in results) == [201] + [409] * 5
    assert await Department.filter(code="rgj-dup").count() == 1
    node = {"scheme": "topic", "code": "dup-node", "name": "重复节点"}
    results = await asyncio.gather(
        *(client.post("/api/v1/admin/classifications", json=node, headers=admin) for _ in range(6))
    )
    assert sorted(r.status_code for r in results) == [201] + [409] * 5
    assert await Classification.filter(code="dup-node").count() == 1


async def test_stale_edits_are_refused(client, staff_login):
    staff = bearer(await staff_login("rs.ver", [Role.STAFF], "rgrsj"))
    created = await client.post("/api/v1/admin/policies", json=POLICY, headers=staff)
    assert created.status_code == 201
    pid, version = created.json()["id"], created.json()["version"]
    ok = await client.patch(
        f"/api/v1/admin/policies/{pid}",
        json={"summary": "第一次修改。", "version": version},
        headers=staff,
    )
    assert ok.status_code == 200 and ok.json()["version"] == version + 1
    stale = await client.patch(
        f"/api/v1/admin/policies/{pid}",
        json={"summary": "基于旧版本的修改。", "version": version},
        headers=staff,
    )
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "stale_version"
    assert (await Policy.get(id=pid)).summary == "第一次修改。"

    admin = bearer(await staff_login("root.ver", [Role.ADMIN]))
    node = await Classification.filter(scheme="topic").first()
    assert node is not None
    path = f"/api/v1/admin/classifications/topic/{node.code}"
    first = await client.patch(path, json={"name": "改名一", "version": 1}, headers=admin)
    assert first.status_code == 200 and first.json()["version"] == 2
    second = await client.patch(path, json={"name": "改名二", "version": 1}, headers=admin)
    assert second.status_code == 409
    assert (await Classification.get(id=node.id)).name == "改名一"


async def test_a_duplicate_that_slips_past_the_check_is_409(client, staff_login, monkeypatch):
    """The race made deterministic: the existence check says "free", the insert collides."""
    admin = bearer(await staff_login("root.race", [Role.ADMIN]))
    assert (
        await client.post(
            "/api/v1/admin/departments", json={"code": "race", "name": "竞态"}, headers=admin
        )
    ).status_code == 201
    node = {"scheme": "topic", "code": "race-node", "name": "竞态节点"}
    assert (
        await client.post("/api/v1/admin/classifications", json=node, headers=admin)
    ).status_code == 201

    async def never(*args: Any, **kwargs: Any) -> bool:
        return False

    monkeypatch.setattr(Department, "exists", never)
    monkeypatch.setattr(Classification, "exists", never)
    r = await client.post(
        "/api/v1/admin/departments", json={"code": "race", "name": "竞态"}, headers=admin
    )
    assert r.status_code == 409, r.text
    r = await client.post("/api/v1/admin/classifications", json=node, headers=admin)
    assert r.status_code == 409, r.text
