"""Dead letters are visible to admins and re-driven by the API and by ``zwgk outbox``."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from server.core.outbox import EventStatus, OutboxDelivery, OutboxEvent, record_event
from server.core.outbox_nudge import NUDGE_FLAG
from server.core.permissions import Role
from tests.conftest import PG_URL, _truncate_postgres
from tests.helpers import bearer


async def _dead_event(subject: str, topic: str = "policy.published") -> OutboxEvent:
    event = await record_event(topic, "policy", subject, {"policy_id": subject})
    assert event is not None
    await OutboxEvent.filter(id=event.id).update(
        status=EventStatus.DEAD.value, attempts=8, last_error="x: WeChat is down"
    )
    await OutboxDelivery.create(
        event_id=event.id, handler="x:h", status="dead", attempts=8, last_error="WeChat is down"
    )
    return event


async def test_admin_lists_dead_events_and_retries_them(client, staff_login, redis_client):
    dead1 = await _dead_event("1")
    dead2 = await _dead_event("2", topic="policy.updated")
    await record_event("policy.published", "policy", "3")  # pending
    await record_event("wechat.subscribe", "wechat_user", "o-secret-openid-123")
    token = await staff_login("ops", [Role.ADMIN])
    r = await client.get("/api/v1/admin/outbox", headers=bearer(token))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 2 and [e["id"] for e in body["items"]] == [dead1.id, dead2.id]
    first = body["items"][0]
    assert first["status"] == "dead" and first["attempts"] == 8
    assert first["deliveries"] == [
        {"handler": "x:h", "status": "dead", "attempts": 8, "last_error": "WeChat is down"}
    ]
    r = await client.get(
        "/api/v1/admin/outbox",
        params={"status": "dead", "topic": "policy.updated"},
        headers=bearer(token),
    )
    assert [e["id"] for e in r.json()["items"]] == [dead2.id]
    r = await client.get(
        "/api/v1/admin/outbox", params={"status": "pending"}, headers=bearer(token)
    )
    pending = r.json()["items"]
    assert len(pending) == 2
    assert pending[1]["subject_id"] == "o-s***123"  # an openid is personal data
    r = await client.get("/api/v1/admin/outbox", params={"status": "lost"}, headers=bearer(token))
    assert r.status_code == 422

    r = await client.post(f"/api/v1/admin/outbox/{dead1.id}/retry", headers=bearer(token))
    assert r.status_code == 200 and r.json() == {"id": dead1.id, "status": "pending"}
    again = await OutboxEvent.get(id=dead1.id)
    assert again.status == "pending" and again.attempts == 0
    assert (await OutboxDelivery.get(event_id=dead1.id)).status == "pending"
    assert await redis_client.exists(NUDGE_FLAG)  # a worker relays it now
    r = await client.post("/api/v1/admin/outbox/99999/retry", headers=bearer(token))
    assert r.status_code == 404
    r = await client.post("/api/v1/admin/outbox/retry-dead", headers=bearer(token))
    assert r.json() == {"retried": 1}
    assert await OutboxEvent.filter(status="dead").count() == 0
    await OutboxEvent.filter(id=dead1.id).update(status="done")
    r = await client.post(f"/api/v1/admin/outbox/{dead1.id}/retry", headers=bearer(token))
    assert r.status_code == 409


async def test_only_admins_see_the_outbox(client, staff_login):
    token = await staff_login("clerk", [Role.STAFF], department="rgrsj")
    r = await client.get("/api/v1/admin/outbox", headers=bearer(token))
    assert r.status_code == 403
    r = await client.post("/api/v1/admin/outbox/retry-dead", headers=bearer(token))
    assert r.status_code == 403
    r = await client.get("/api/v1/admin/outbox")
    assert r.status_code == 401


def _zwgk(database_url: str, redis_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZWGK_DATABASE__URL": database_url, "ZWGK_REDIS__URL": redis_url}
    env.pop("ZWGK_CONFIG", None)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "outbox", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_lists_retries_and_prunes(database_url, redis_url, tmp_path):
    from datetime import UTC, datetime, timedelta

    from server.config import DatabaseSettings
    from server.core.db import close_db, init_db

    async def setup() -> tuple[int, int]:
        if PG_URL:
            await _truncate_postgres(database_url)
        await init_db(DatabaseSettings(url=database_url))
        try:
            a = await _dead_event("11")
            b = await _dead_event("12")
            old = await record_event("policy.published", "policy", "13")
            assert old is not None
            await OutboxEvent.filter(id=old.id).update(
                status="done", processed_at=datetime.now(UTC) - timedelta(days=40)
            )
            return a.id, b.id
        finally:
            await close_db()

    a, b = asyncio.run(setup())
    out = _zwgk(database_url, redis_url, "dead")
    assert out.returncode == 0, out.stderr
    assert f"{a}\tpolicy.published\tpolicy:11\tattempts=8" in out.stdout
    assert str(b) in out.stdout
    out = _zwgk(database_url, redis_url, "retry", str(a))
    assert out.returncode == 0 and f"event {a} queued again" in out.stdout, out.stderr
    out = _zwgk(database_url, redis_url, "retry", "--all-dead")
    assert out.returncode == 0 and "1 dead events queued again" in out.stdout, out.stderr
    out = _zwgk(database_url, redis_url, "prune")
    assert out.returncode == 0 and "1 processed events" in out.stdout, out.stderr
