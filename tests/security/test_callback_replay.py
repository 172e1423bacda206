"""WeChat callback: no replays of old signed query strings, only known events recorded."""

from __future__ import annotations

import json
import time

import pytest

from server.config import DEV_CALLBACK_TOKEN, ConfigError, load_settings
from server.core.outbox import OutboxEvent
from server.wechat.callback import compute_signature
from server.wechat.events import RECORDED_EVENTS


def _signed(timestamp: int, event: dict[str, object]) -> tuple[dict[str, str], bytes]:
    ts, nonce = str(timestamp), "n0nce-replay"
    params = {
        "signature": compute_signature(DEV_CALLBACK_TOKEN, ts, nonce),
        "timestamp": ts,
        "nonce": nonce,
    }
    return params, json.dumps(event).encode()


def _event(name: str) -> dict[str, object]:
    return {
        "ToUserName": "gh_0000emulator0",
        "FromUserName": "o-replay",
        "CreateTime": int(time.time()),
        "MsgType": "event",
        "Event": name,
        "List": [{"TemplateId": "tpl-a", "SubscribeStatusString": "accept"}],
    }


async def test_a_captured_signed_query_cannot_be_replayed_later(client):
    params, body = _signed(int(time.time()) - 301, _event("subscribe_msg_popup_event"))
    r = await client.post("/wechat/callback", params=params, content=body)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "stale_timestamp"
    params, body = _signed(int(time.time()) + 3600, _event("subscribe_msg_popup_event"))
    assert (await client.post("/wechat/callback", params=params, content=body)).status_code == 403
    assert await OutboxEvent.all().count() == 0
    params, body = _signed(int(time.time()) - 60, _event("subscribe_msg_popup_event"))
    assert (await client.post("/wechat/callback", params=params, content=body)).status_code == 200
    assert await OutboxEvent.all().count() == 1


async def test_a_signed_timestamp_that_is_no_ascii_number_is_403_not_500(client):
    # "²" passes str.isdigit() but not int(): the freshness check raised (500).
    nonce = "n0nce-digits"
    for ts in ("²", "١٧٠٠٠٠٠٠٠٠"):
        params = {
            "signature": compute_signature(DEV_CALLBACK_TOKEN, ts, nonce),
            "timestamp": ts,
            "nonce": nonce,
        }
        body = json.dumps(_event("subscribe_msg_popup_event")).encode()
        r = await client.post("/wechat/callback", params=params, content=body)
        assert r.status_code == 403, (ts, r.text)
        assert r.json()["error"]["code"] == "stale_timestamp"
    assert await OutboxEvent.all().count() == 0


async def test_unknown_event_names_do_not_become_topics(client):
    for name in ("'; DROP TABLE x; --", "policy.published", "anything_else"):
        params, body = _signed(int(time.time()), _event(name))
        r = await client.post("/wechat/callback", params=params, content=body)
        assert r.status_code == 200  # acknowledged, so WeChat does not retry
    assert await OutboxEvent.all().count() == 0


@pytest.mark.parametrize(
    "name",
    ["subscribe_msg_popup_event", "subscribe_msg_change_event", "subscribe_msg_sent_event"],
)
async def test_subscribe_message_events_are_recorded(client, name):
    assert name in RECORDED_EVENTS
    params, body = _signed(int(time.time()), _event(name))
    assert (await client.post("/wechat/callback", params=params, content=body)).status_code == 200
    assert await OutboxEvent.filter(topic=f"wechat.{name}").count() == 1


def test_production_requires_safe_mode(monkeypatch):
    values = {
        "ZWGK_ENV": "production",
        "ZWGK_SECURITY__SECRET_KEY": "k" * 48,
        "ZWGK_WECHAT__MODE": "real",
        "ZWGK_WECHAT__APPID": "wx1234567890abcdef",
        "ZWGK_WECHAT__SECRET": "real-secret",
        "ZWGK_WECHAT__CALLBACK_TOKEN": "real-token",
        "ZWGK_DATABASE__URL": "postgres://zwgk@db/zwgk",
        "ZWGK_REDIS__URL": "redis://redis:6379/0",
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(ConfigError, match="encoding_aes_key"):
        load_settings()
    monkeypatch.setenv("ZWGK_WECHAT__ENCODING_AES_KEY", "a" * 43)
    assert load_settings().wechat.encoding_aes_key
