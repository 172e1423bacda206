"""Delivery through the real gateway and the emulator: credits, states, retries, fan-out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from server.core.outbox import OutboxEvent
from server.push.delivery import Dispatcher, done_key, in_quiet_hours, sweep, try_key
from server.push.intents import queue_push
from server.push.models import PushIntent, SubscriptionCredit
from tests.push.conftest import (
    POLICY_DATA,
    POLICY_TEMPLATE,
    WARNING_TEMPLATE,
    MakeUsers,
    drain,
)


async def queue_warning(user_id: int, broadcast_id: int) -> PushIntent | None:
    """An urgent emergency warning (山洪预警) for one user."""
    data = {"title": "山洪预警", "content": "请转移", "time": "2026-07-01 22:30"}
    return await queue_push(
        "emergency_warning", "user", user_id, "broadcast", broadcast_id, data, urgent=True
    )


async def test_send_spends_one_credit_and_never_twice(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 2})
    intent = await queue_push("policy_match", "user", user.id, "policy", 7, POLICY_DATA)
    assert intent is not None
    assert await queue_push("policy_match", "user", user.id, "policy", 7, POLICY_DATA) is None
    await drain(dispatcher)
    await drain(dispatcher)
    row = await PushIntent.get(id=intent.id)
    assert row.status == "sent" and row.msgid and row.user_id == user.id
    credit = await SubscriptionCredit.get(openid=user.openid, template_id=POLICY_TEMPLATE)
    assert credit.credits == 1
    messages = emulator.get("/_emulator/messages").json()
    assert len(messages) == 1
    assert messages[0]["page"].startswith("pages/policy/detail?push_id=")
    assert messages[0]["data"]["thing1"]["value"].endswith("…")  # 21+ chars shortened
    assert len(messages[0]["data"]["thing1"]["value"]) == 20


async def test_no_credit_is_unreachable_and_reported(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    (user,) = await make_users(1)
    intent = await queue_push("policy_match", "user", user.id, "policy", 8, POLICY_DATA)
    assert intent is not None
    await drain(dispatcher)
    row = await PushIntent.get(id=intent.id)
    assert (row.status, row.reason) == ("failed", "no_credit")
    event = await OutboxEvent.get(topic="push.unreachable")
    assert event.payload == {
        "intent_id": intent.id,
        "kind": "policy_match",
        "recipient_type": "user",
        "recipient_id": str(user.id),
        "subject_type": "policy",
        "subject_id": "8",
        "reason": "no_credit",
    }
    assert emulator.get("/_emulator/messages").json() == []


async def test_wechat_43101_zeroes_the_ledger(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 3})
    # Our ledger says 3, WeChat has none (the user spent them elsewhere).
    emulator.post(
        "/_emulator/grants",
        json={"openid": user.openid, "template_id": POLICY_TEMPLATE, "count": -3},
    )
    intent = await queue_push("policy_match", "user", user.id, "policy", 9, POLICY_DATA)
    assert intent is not None
    await drain(dispatcher)
    row = await PushIntent.get(id=intent.id)
    assert (row.status, row.reason) == ("failed", "no_credit")
    credit = await SubscriptionCredit.get(openid=user.openid, template_id=POLICY_TEMPLATE)
    assert credit.credits == 0


async def test_long_term_template_needs_no_credit_unless_turned_off(
    dispatcher: Dispatcher, make_users: MakeUsers
) -> None:
    a, b = await make_users(2)
    await SubscriptionCredit.create(openid=b.openid, template_id=WARNING_TEMPLATE, status="reject")
    data = {"title": "暴雨红色预警", "content": "请远离河道，注意安全", "time": "2026-07-01 08:00"}
    ia = await queue_push("emergency_warning", "user", a.id, "broadcast", 1, data, urgent=True)
    ib = await queue_push("emergency_warning", "user", b.id, "broadcast", 1, data, urgent=True)
    assert ia and ib
    await drain(dispatcher)
    assert (await PushIntent.get(id=ia.id)).status == "sent"
    rb = await PushIntent.get(id=ib.id)
    assert (rb.status, rb.reason) == ("failed", "user_blocked")


async def test_invalid_data_fails_before_spending_a_credit(
    dispatcher: Dispatcher, make_users: MakeUsers
) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 1})
    bad = {**POLICY_DATA, "date": "下周一"}
    intent = await queue_push("policy_match", "user", user.id, "policy", 10, bad)
    assert intent is not None
    await drain(dispatcher)
    row = await PushIntent.get(id=intent.id)
    assert (row.status, row.reason) == ("failed", "invalid_data")
    assert "date3" in (row.last_error or "")
    credit = await SubscriptionCredit.get(openid=user.openid, template_id=POLICY_TEMPLATE)
    assert credit.credits == 1


async def test_retryable_errors_retry_then_dead_letter(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    a, b = await make_users(2, {POLICY_TEMPLATE: 1})
    emulator.post(
        "/_emulator/faults",
        json={
            "error_rate": 1.0,
            "errcode": 45009,
            "times": 2,
            "paths": ["/cgi-bin/message/subscribe/send"],
        },
    )
    ia = await queue_push("policy_match", "user", a.id, "policy", 11, POLICY_DATA)
    assert ia is not None
    await dispatcher.run_once()
    assert (await PushIntent.get(id=ia.id)).status == "retrying"
    await drain(dispatcher)
    row = await PushIntent.get(id=ia.id)
    assert row.status == "sent" and row.attempts == 3
    # Credits are refunded on retryable failures: one accept, one message.
    assert (await SubscriptionCredit.get(openid=a.openid, template_id=POLICY_TEMPLATE)).credits == 0
    emulator.post(
        "/_emulator/faults",
        json={"error_rate": 1.0, "errcode": -1, "paths": ["/cgi-bin/message/subscribe/send"]},
    )
    ib = await queue_push("policy_match", "user", b.id, "policy", 11, POLICY_DATA)
    assert ib is not None
    await drain(dispatcher)
    row = await PushIntent.get(id=ib.id)
    assert (row.status, row.reason) == ("failed", "retries_exhausted")
    assert row.attempts == dispatcher.settings.max_attempts


async def test_household_fans_out_to_residents(
    app: Any,
    settings: Any,
    gateway: Any,
    redis_client: aioredis.Redis,
    make_users: MakeUsers,
    emulator: httpx.Client,
) -> None:
    a, b, _ = await make_users(3, {POLICY_TEMPLATE: 1})

    async def households(ids: list[str]) -> dict[str, list[int]]:
        return {"H-001": [a.id, b.id], "H-002": [b.id], "H-003": []}

    d = Dispatcher(settings.push, gateway, redis_client, {"household": households})
    h1 = await queue_push("policy_match", "household", "H-001", "policy", 12, POLICY_DATA)
    h2 = await queue_push("policy_match", "household", "H-002", "policy", 12, POLICY_DATA)
    h3 = await queue_push("policy_match", "household", "H-003", "policy", 12, POLICY_DATA)
    assert h1 and h2 and h3
    await drain(d)
    assert (await PushIntent.get(id=h1.id)).status == "sent"
    # b already gets policy 12 through H-001: no second message.
    r2 = await PushIntent.get(id=h2.id)
    assert r2.status in ("failed", "sent")
    r3 = await PushIntent.get(id=h3.id)
    assert (r3.status, r3.reason) == ("failed", "unreachable")
    touched = sorted(m["touser"] for m in emulator.get("/_emulator/messages").json())
    assert touched == sorted([a.openid, b.openid])
    events = await OutboxEvent.filter(topic="push.unreachable")
    assert any(e.payload["recipient_id"] == "H-003" for e in events)


async def test_digest_folds_many_policy_matches(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 5})
    for pid in range(20, 25):
        await queue_push("policy_match", "user", user.id, "policy", pid, POLICY_DATA)
    await drain(dispatcher)
    messages = emulator.get("/_emulator/messages").json()
    assert len(messages) == 1
    assert messages[0]["data"]["thing1"]["value"] == "您有 5 条新匹配的惠企政策"
    assert await PushIntent.filter(status="sent").count() == 5


async def test_quiet_hours_hold_non_urgent(dispatcher: Dispatcher, make_users: MakeUsers) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 1})
    night = datetime(2026, 7, 1, 14, 30, tzinfo=UTC)  # 22:30 China time
    assert in_quiet_hours("21:00-08:00", night)
    assert not in_quiet_hours("21:00-08:00", night.replace(hour=3))  # 11:00
    assert not in_quiet_hours("", night)
    dispatcher.settings = dispatcher.settings.model_copy(update={"quiet_hours": "21:00-08:00"})
    await queue_push("policy_match", "user", user.id, "policy", 30, POLICY_DATA)
    await queue_warning(user.id, 2)
    claimed = await dispatcher.claim(10, now=night)
    assert [i.kind for i in claimed] == ["emergency_warning"]


async def test_sweeper_recovers_a_dead_dispatcher(
    app: Any, settings: Any, redis_client: aioredis.Redis, make_users: MakeUsers
) -> None:
    users = await make_users(3, {POLICY_TEMPLATE: 1})
    ids = []
    for u in users:
        intent = await queue_push("policy_match", "user", u.id, "policy", 40, POLICY_DATA)
        assert intent is not None
        ids.append(intent.id)
    past = datetime.now(UTC) - timedelta(minutes=5)
    await PushIntent.filter(id__in=ids).update(
        status="sending", claim_token="dead", claimed_until=past
    )
    # 1: WeChat answered (done marker); 2: the call may have gone out; 3: never tried.
    await redis_client.set(done_key(ids[0]), "3000000123")
    await redis_client.set(try_key(ids[0], 0), "1")
    await redis_client.set(try_key(ids[1], 0), "1")
    result = await sweep(redis_client, settings.push)
    assert result == {"recovered_sent": 1, "requeued": 1, "expired": 1}
    rows = {r.id: r for r in await PushIntent.filter(id__in=ids)}
    assert (rows[ids[0]].status, rows[ids[0]].msgid) == ("sent", "3000000123")
    assert (rows[ids[1]].status, rows[ids[1]].reason) == ("failed", "expired")
    assert rows[ids[2]].status == "queued"


@pytest.mark.parametrize("kind", ["complaint_progress"])
async def test_complaint_progress_renders_its_template(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client, kind: str
) -> None:
    from tests.push.conftest import COMPLAINT_TEMPLATE

    (user,) = await make_users(1, {COMPLAINT_TEMPLATE: 1})
    data = {
        "case_no": "RG2026-000123",
        "status": "已受理",
        "opinion": "已转交住建局办理",
        "time": "2026-05-03 10:20",
    }
    intent = await queue_push(kind, "user", user.id, "complaint", 123, data)
    assert intent is not None
    await drain(dispatcher)
    assert (await PushIntent.get(id=intent.id)).status == "sent"
    (message,) = emulator.get("/_emulator/messages").json()
    assert message["data"]["phrase2"]["value"] == "已受理"


async def test_old_intents_expire_unless_urgent(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    (user,) = await make_users(1, {POLICY_TEMPLATE: 1})
    stale = await queue_push("policy_match", "user", user.id, "policy", 50, POLICY_DATA)
    warning = await queue_warning(user.id, 5)
    fresh = await queue_push("policy_match", "user", user.id, "policy", 51, POLICY_DATA)
    assert stale and warning and fresh
    # expire_hours is 72: four days old is too late to tell anyone about a policy, but an
    # emergency warning still goes out.
    old = datetime.now(UTC) - timedelta(days=4)
    await PushIntent.filter(id__in=[stale.id, warning.id]).update(created_at=old)
    await drain(dispatcher)
    rows = {r.id: r for r in await PushIntent.filter(recipient_id=str(user.id))}
    assert (rows[stale.id].status, rows[stale.id].reason) == ("failed", "expired")
    assert rows[warning.id].status == "sent"
    assert rows[fresh.id].status == "sent"
    sent = {m["template_id"] for m in emulator.get("/_emulator/messages").json()}
    assert sent == {POLICY_TEMPLATE, WARNING_TEMPLATE}


async def test_a_claim_lapsed_before_sending_is_left_to_its_new_holder(
    dispatcher: Dispatcher, make_users: MakeUsers, emulator: httpx.Client
) -> None:
    users = await make_users(2, {POLICY_TEMPLATE: 1})
    for u in users:
        assert await queue_push("policy_match", "user", u.id, "policy", 60, POLICY_DATA)
    claimed = await dispatcher.claim(10)
    assert len(claimed) == 2
    # This dispatcher stalled past its claim; the sweeper re-queued one intent and another
    # dispatcher holds it now. Only the one still ours may be sent from here.
    token = claimed[0].claim_token or ""
    dispatcher._claimed_at[token] -= dispatcher.settings.claim_seconds
    await PushIntent.filter(id=claimed[0].id).update(claim_token="someone-else")
    from server.push.delivery import RoundStats

    await dispatcher.deliver(claimed, RoundStats())
    messages = emulator.get("/_emulator/messages").json()
    assert [m["touser"] for m in messages] == [users[1].openid]
    assert (await PushIntent.get(id=claimed[0].id)).status == "sending"
    assert (await PushIntent.get(id=claimed[1].id)).status == "sent"
    assert token not in dispatcher._claimed_at


async def test_a_claim_that_finds_nothing_remembers_nothing(
    dispatcher: Dispatcher, make_users: MakeUsers
) -> None:
    """A claim that loses every row to another dispatcher leaves no entry behind (a busy
    dispatcher claims thousands of times an hour)."""
    other = Dispatcher(dispatcher.settings, dispatcher.gateway, dispatcher.redis)
    users = await make_users(2, {POLICY_TEMPLATE: 1})
    for u in users:
        assert await queue_push("policy_match", "user", u.id, "policy", 61, POLICY_DATA)
    # Both select the same rows; the first update takes them, the second finds none.
    first, second = await asyncio.gather(dispatcher.claim(10), other.claim(10))
    assert sorted([len(first), len(second)]) == [0, 2]
    winner, loser = (dispatcher, other) if first else (other, dispatcher)
    assert len(winner._claimed_at) == 1 and loser._claimed_at == {}


async def test_done_markers_are_group_committed_and_survive_a_cancelled_write(
    redis_client: aioredis.Redis,
) -> None:
    import asyncio

    from server.push.delivery import DoneMarkers

    markers = DoneMarkers(redis_client)
    await asyncio.gather(*(markers.mark(i, f"msg{i}") for i in range(1, 51)))
    values = await redis_client.mget([done_key(i) for i in range(1, 51)])
    assert values == [f"msg{i}".encode() for i in range(1, 51)]
    # A write cancelled while it waits (a worker shutting down) must not wedge the next.
    waiting = asyncio.ensure_future(markers.mark(60, "lost"))
    await asyncio.sleep(0)
    assert markers._write is not None
    markers._write.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await asyncio.wait_for(markers.mark(61, None), timeout=2)
    assert await redis_client.get(done_key(61)) == b""
