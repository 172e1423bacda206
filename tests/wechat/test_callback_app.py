"""WeChat event pushes reach the outbox through the app's callback route, once each."""

from __future__ import annotations

import json
import time

from server.config import DEV_CALLBACK_TOKEN
from server.core.outbox import OutboxEvent
from server.wechat.callback import compute_signature


def _push(event: dict[str, object]) -> tuple[dict[str, str], bytes]:
    body = json.dumps(event, ensure_ascii=False).encode()
    timestamp, nonce = str(int(time.time())), "n0nce42"
    signature = compute_signature(DEV_CALLBACK_TOKEN, timestamp, nonce)
    return {"signature": signature, "timestamp": timestamp, "nonce": nonce}, body


EVENT = {
    "ToUserName": "gh_0000emulator0",
    "FromUserName": "o-subscriber-1",
    "CreateTime": 1763870000,
    "MsgType": "event",
    "Event": "subscribe_msg_popup_event",
    "List": [
        {"TemplateId": "tpl-policy-push", "SubscribeStatusString": "accept", "PopupScene": "0"}
    ],
}


async def test_signed_push_is_recorded_once_even_when_retried(client):
    params, body = _push(EVENT)
    for _ in range(3):  # WeChat retries when it does not hear back in time
        r = await client.post(
            "/wechat/callback",
            params=params,
            content=body,
            headers={"content-type": "application/json"},
        )
        assert r.status_code == 200
        assert r.text == "success"
    events = await OutboxEvent.filter(topic="wechat.subscribe_msg_popup_event")
    assert len(events) == 1
    assert events[0].subject_id == "o-subscriber-1"


async def test_push_with_a_bad_signature_is_refused_and_not_recorded(client):
    params, body = _push(EVENT)
    params["signature"] = "0" * 40
    r = await client.post("/wechat/callback", params=params, content=body)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "invalid_signature"
    assert await OutboxEvent.all().count() == 0


async def test_server_verification_echoes_echostr(client):
    params, _ = _push(EVENT)
    r = await client.get("/wechat/callback", params={**params, "echostr": "hello-wechat"})
    assert r.status_code == 200
    assert r.text == "hello-wechat"
