"""The push endpoints: grants, templates, topics, opens, callbacks, broadcasts, staff views."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from server.accounts.models import User
from server.config import Settings
from server.core.outbox import OutboxEvent
from server.core.permissions import Role
from server.push import broadcasts, ledger
from server.push.delivery import Dispatcher
from server.push.intents import queue_push
from server.push.models import Broadcast, PushIntent, SubscriptionCredit, TopicSubscription
from server.push.topics import queue_topic_updates
from tests.helpers import bearer, sign_in_staff, wx_login
from tests.push.conftest import POLICY_DATA, POLICY_TEMPLATE, WARNING_TEMPLATE, MakeUsers, drain


async def staff_token(client: httpx.AsyncClient, username: str, roles: list[Role]) -> str:
    _, token = await sign_in_staff(client, username, roles, "yjglj", department_name="应急管理局")
    return token


async def test_templates_and_grants_are_idempotent(
    client: httpx.AsyncClient, emulator: httpx.Client
) -> None:
    r = await client.get("/api/v1/subscriptions/templates")
    assert r.status_code == 200
    kinds = {i["kind"]: i for i in r.json()["items"]}
    assert kinds["policy_match"]["template_id"] == POLICY_TEMPLATE
    assert kinds["emergency_warning"]["long_term"] is True

    token = await wx_login(client, emulator, "o-grant-user-0001")
    body = {
        "request_id": "3f0c1a2b-0001",
        "results": {POLICY_TEMPLATE: "accept", "someone-elses-template": "accept"},
    }
    for _ in range(2):
        r = await client.post("/api/v1/subscriptions/grants", json=body, headers=bearer(token))
        assert r.status_code == 200, r.text
    assert r.json()["applied"] is False
    r = await client.post(
        "/api/v1/subscriptions/grants",
        json={"request_id": "3f0c1a2b-0002", "results": {POLICY_TEMPLATE: "accept"}},
        headers=bearer(token),
    )
    mine = await client.get("/api/v1/subscriptions", headers=bearer(token))
    items = {i["template_id"]: i for i in mine.json()["items"]}
    assert items[POLICY_TEMPLATE]["credits"] == 2
    assert items[WARNING_TEMPLATE]["enabled"] is True
    r = await client.put(
        "/api/v1/subscriptions/settings",
        json={"template_id": WARNING_TEMPLATE, "enabled": False},
        headers=bearer(token),
    )
    assert r.status_code == 200
    mine = await client.get("/api/v1/subscriptions", headers=bearer(token))
    items = {i["template_id"]: i for i in mine.json()["items"]}
    assert items[WARNING_TEMPLATE]["enabled"] is False
    # Bad shapes answer 422, never 500; anonymous callers 401.
    r = await client.post(
        "/api/v1/subscriptions/grants",
        json={"request_id": "x", "results": {POLICY_TEMPLATE: "maybe"}},
        headers=bearer(token),
    )
    assert r.status_code == 422
    r = await client.post("/api/v1/subscriptions/grants", json=body)
    assert r.status_code == 401


async def test_wechat_events_update_the_ledger(app: Any, settings: Settings) -> None:
    push = settings.push
    base = {"openid": "o-evt-1", "create_time": 1, "raw": {}}
    popup = {
        **base,
        "event": "subscribe_msg_popup_event",
        "items": [{"template_id": POLICY_TEMPLATE, "status": "accept"}],
    }
    await ledger.apply_wechat_event(push, popup)
    await ledger.apply_wechat_event(push, popup)
    row = await SubscriptionCredit.get(openid="o-evt-1", template_id=POLICY_TEMPLATE)
    assert row.credits == 2
    await ledger.apply_wechat_event(
        push,
        {
            **base,
            "event": "subscribe_msg_sent_event",
            "items": [{"template_id": POLICY_TEMPLATE, "error_code": 43101}],
        },
    )
    assert (await SubscriptionCredit.get(id=row.id)).credits == 0
    await ledger.apply_wechat_event(
        push,
        {
            **base,
            "event": "subscribe_msg_change_event",
            "items": [{"template_id": WARNING_TEMPLATE, "status": "reject"}],
        },
    )
    warn = await SubscriptionCredit.get(openid="o-evt-1", template_id=WARNING_TEMPLATE)
    assert warn.status == "reject"


async def test_callback_event_reaches_the_ledger_through_the_outbox(
    app: Any, client: httpx.AsyncClient, settings: Settings
) -> None:
    """A signed push at /wechat/callback becomes an outbox event the push handler applies."""
    from server.core.outbox import relay_pending
    from server.wechat.callback import compute_signature
    from workers.push import EVENT_HANDLERS, configure

    configure(settings)
    body = (
        '{"ToUserName":"gh_0000emulator0","FromUserName":"o-cb-1","CreateTime":1767225600,'
        '"MsgType":"event","Event":"subscribe_msg_popup_event","List":[{"TemplateId":"'
        + POLICY_TEMPLATE
        + '","SubscribeStatusString":"accept","PopupScene":"0"}]}'
    )
    ts, nonce = str(int(time.time())), "n0nce"  # the callback refuses stale timestamps
    sig = compute_signature(settings.wechat.callback_token, ts, nonce)
    r = await client.post(
        f"/wechat/callback?signature={sig}&timestamp={ts}&nonce={nonce}", content=body
    )
    assert r.status_code == 200, r.text
    assert await relay_pending(EVENT_HANDLERS) >= 1
    row = await SubscriptionCredit.get(openid="o-cb-1", template_id=POLICY_TEMPLATE)
    assert row.credits == 1


async def test_topics_and_published_policy(
    client: httpx.AsyncClient, emulator: httpx.Client, app: Any
) -> None:
    token = await wx_login(client, emulator, "o-topic-user-0001")
    r = await client.get("/api/v1/subscriptions/topics", headers=bearer(token))
    assert r.json() == {"topics": [], "categories": [], "regions": []}
    r = await client.put(
        "/api/v1/subscriptions/topics",
        json={"topics": ["agriculture"], "categories": ["employment"], "regions": ["320682"]},
        headers=bearer(token),
    )
    assert r.status_code == 200, r.text
    r = await client.put(
        "/api/v1/subscriptions/topics", json={"topics": ["no-such-topic"]}, headers=bearer(token)
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "topics"
    user = await User.get(openid="o-topic-user-0001")
    # Another subscriber whose region does not overlap.
    await TopicSubscription.create(
        user_id=user.id + 1000, categories=["employment"], regions=["3401"]
    )
    from server.policies.models import Policy

    policy = await Policy.create(
        title="如皋市稳岗返还政策",
        issuer="如皋市人社局",
        issuer_code="rgrsj",
        stage="service",
        status="published",
        categories=["employment"],
        regions=["320682"],
    )
    assert await queue_topic_updates({"policy_id": policy.id}) == 1
    assert await queue_topic_updates({"policy_id": policy.id}) == 0
    intent = await PushIntent.get(kind="topic_update")
    assert intent.recipient_id == str(user.id)


async def test_opened_only_for_own_push(
    client: httpx.AsyncClient, emulator: httpx.Client, dispatcher: Dispatcher
) -> None:
    token = await wx_login(client, emulator, "o-open-user-0001")
    user = await User.get(openid="o-open-user-0001")
    await SubscriptionCredit.create(openid=user.openid, template_id=POLICY_TEMPLATE, credits=1)
    emulator.post(
        "/_emulator/grants",
        json={"openid": user.openid, "template_id": POLICY_TEMPLATE, "count": 1},
    )
    intent = await queue_push("policy_match", "user", user.id, "policy", 5, POLICY_DATA)
    assert intent is not None
    await drain(dispatcher)
    r = await client.post(f"/api/v1/pushes/{intent.id}/opened", headers=bearer(token))
    assert r.status_code == 200
    other = await wx_login(client, emulator, "o-open-user-0002")
    r = await client.post(f"/api/v1/pushes/{intent.id}/opened", headers=bearer(other))
    assert r.status_code == 404
    assert (await PushIntent.get(id=intent.id)).opened_at is not None


def emulator_messages(emulator: httpx.Client) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = emulator.get("/_emulator/messages").json()
    return messages


async def test_broadcast_progress_and_staff_views(
    client: httpx.AsyncClient,
    dispatcher: Dispatcher,
    make_users: MakeUsers,
    emulator: httpx.Client,
) -> None:
    users = await make_users(5)
    for u in users[:4]:
        await TopicSubscription.create(user_id=u.id, regions=["341021"])
    await TopicSubscription.create(user_id=users[4].id, regions=["320682"])
    # One user turned warnings off.
    await SubscriptionCredit.create(
        openid=users[3].openid, template_id=WARNING_TEMPLATE, status="reject"
    )
    resident = await wx_login(client, emulator, "o-res-1")
    body = {
        "kind": "emergency_warning",
        "regions": ["341021"],
        "title": "暴雨红色预警",
        "content": "新安江水位上涨，沿江居民请立即转移",
        "level": "红色",
    }
    r = await client.post("/api/v1/admin/broadcasts", json=body, headers=bearer(resident))
    assert r.status_code == 403
    staff = await staff_token(client, "yjj-staff", [Role.STAFF])
    r = await client.post("/api/v1/admin/broadcasts", json=body, headers=bearer(staff))
    assert r.status_code == 202, r.text
    bid = r.json()["id"]
    assert await broadcasts.fan_out_pending() == 1
    assert (await Broadcast.get(id=bid)).targeted == 4
    # A fan-out interrupted and run again writes nobody twice.
    assert await broadcasts.fan_out(await Broadcast.get(id=bid)) == 4
    await drain(dispatcher)
    warnings = [m for m in emulator.get("/_emulator/messages").json()]
    assert len(warnings) == 3
    assert all(
        "【红色】暴雨红色预警" in json.dumps(m["data"], ensure_ascii=False) for m in warnings
    )
    r = await client.get(f"/api/v1/admin/broadcasts/{bid}", headers=bearer(staff))
    progress = r.json()
    assert progress["targeted"] == 4 and progress["sent"] == 3
    assert progress["failed"] == {"user_blocked": 1} and progress["unreachable"] == 1
    assert progress["status"] == "done"

    r = await client.get("/api/v1/admin/pushes/stats", headers=bearer(staff))
    (row,) = r.json()["items"]
    assert row["kind"] == "emergency_warning" and row["sent"] == 3
    r = await client.get("/api/v1/admin/pushes/unreachable", headers=bearer(staff))
    assert len(r.json()["items"]) == 1
    r = await client.get("/api/v1/admin/broadcasts/999999", headers=bearer(staff))
    assert r.status_code == 404
    r = await client.get("/api/v1/admin/pushes/reach?policy_id=abc", headers=bearer(staff))
    assert r.status_code == 422
    assert await OutboxEvent.filter(topic="push.unreachable").count() == 1


async def test_retry_dead_letters(
    client: httpx.AsyncClient,
    make_users: MakeUsers,
    dispatcher: Dispatcher,
    emulator: httpx.Client,
) -> None:
    (user,) = await make_users(1)
    intent = await queue_push("policy_match", "user", user.id, "policy", 77, POLICY_DATA)
    assert intent is not None
    await PushIntent.filter(id=intent.id).update(
        status="failed", reason="retries_exhausted", attempts=6
    )
    admin = await staff_token(client, "push-admin", [Role.ADMIN])
    r = await client.get("/api/v1/admin/pushes/dead-letters", headers=bearer(admin))
    assert [i["id"] for i in r.json()["items"]] == [intent.id]
    r = await client.post(
        "/api/v1/admin/pushes/retry", json={"ids": [intent.id]}, headers=bearer(admin)
    )
    assert r.json() == {"queued": 1}
    row = await PushIntent.get(id=intent.id)
    assert (row.status, row.attempts) == ("queued", 0)
    # An old dead letter queued again is not expired at once: it counts from the retry.
    from datetime import UTC, datetime, timedelta

    await PushIntent.filter(id=intent.id).update(created_at=datetime.now(UTC) - timedelta(days=30))
    from server.push.models import SubscriptionCredit as Credit

    await Credit.create(openid=user.openid, template_id=POLICY_TEMPLATE, credits=1)
    emulator.post(
        "/_emulator/grants",
        json={"openid": user.openid, "template_id": POLICY_TEMPLATE, "count": 1},
    )
    await drain(dispatcher)
    assert (await PushIntent.get(id=intent.id)).status == "sent"


async def test_retry_refuses_ids_beyond_64_bits(client: httpx.AsyncClient) -> None:
    # Found by the OpenAPI fuzzer: an id no BIGINT can hold was a database overflow (500).
    admin = await staff_token(client, "push-retry-fuzz", [Role.ADMIN])
    for ids in ([2**63], [-(2**63) - 1], [1, 10**30]):
        r = await client.post(
            "/api/v1/admin/pushes/retry", json={"ids": ids}, headers=bearer(admin)
        )
        assert r.status_code == 422, (ids, r.text)
        assert r.json()["error"]["code"] == "validation_error"
        assert r.json()["error"]["field"].startswith("ids")
    r = await client.post(
        "/api/v1/admin/pushes/retry", json={"ids": [2**63 - 1]}, headers=bearer(admin)
    )
    assert r.json() == {"queued": 0}
