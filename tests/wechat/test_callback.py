"""Callback signatures, safe-mode crypto, event parsing and the Sanic blueprint."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx
import pytest
from sanic import Sanic

from server.wechat import (
    CallbackError,
    SubscribeItem,
    WeChatEvent,
    create_callback_blueprint,
    decrypt_body,
    encrypt_body,
    parse_event,
    verify_msg_signature,
    verify_signature,
)
from server.wechat.callback import compute_signature, decrypt, encrypt
from server.wechat.emulator import DEFAULT_APPID, POLICY_PUSH_TEMPLATE_ID, WARNING_TEMPLATE_ID

TOKEN = "callback-token"
AES_KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")

POPUP_JSON = {
    "ToUserName": "gh_123456789abc",
    "FromUserName": "o7esq5OI1Uej6Xixw1lA2H7XDVbc",
    "CreateTime": "1620973045",
    "MsgType": "event",
    "Event": "subscribe_msg_popup_event",
    "List": [
        {"TemplateId": "tmpl-a", "SubscribeStatusString": "accept", "PopupScene": "2"},
        {"TemplateId": "tmpl-b", "SubscribeStatusString": "reject", "PopupScene": "2"},
    ],
}

POPUP_XML = """<xml>
<ToUserName><![CDATA[gh_123456789abc]]></ToUserName>
<FromUserName><![CDATA[otFpruAK8D-E6EfStSYonYSBZ8_4]]></FromUserName>
<CreateTime>1610969440</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe_msg_popup_event]]></Event>
<SubscribeMsgPopupEvent>
<List>
<TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId>
<SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString>
<PopupScene>2</PopupScene>
</List>
</SubscribeMsgPopupEvent>
</xml>"""

SENT_XML = """<xml>
<ToUserName><![CDATA[gh_123456789abc]]></ToUserName>
<FromUserName><![CDATA[o-user]]></FromUserName>
<CreateTime>1620963428</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe_msg_sent_event]]></Event>
<SubscribeMsgSentEvent>
<List>
<TemplateId><![CDATA[tmpl-a]]></TemplateId>
<MsgID>1700827132819554304</MsgID>
<ErrorCode>0</ErrorCode>
<ErrorStatus><![CDATA[success]]></ErrorStatus>
</List>
<List>
<TemplateId><![CDATA[tmpl-b]]></TemplateId>
<MsgID>1700827132819554305</MsgID>
<ErrorCode>43101</ErrorCode>
<ErrorStatus><![CDATA[fail: user refuse to accept the msg]]></ErrorStatus>
</List>
</SubscribeMsgSentEvent>
</xml>"""


def signed_query(token: str = TOKEN) -> dict[str, str]:
    timestamp, nonce = str(int(time.time())), str(secrets.randbelow(10**9))
    return {
        "timestamp": timestamp,
        "nonce": nonce,
        "signature": compute_signature(token, timestamp, nonce),
    }


# --- signatures and crypto --------------------------------------------------------------


def test_signature_is_sha1_of_sorted_parts() -> None:
    joined = "".join(sorted([TOKEN, "1700000000", "42"]))
    expected = hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()
    assert compute_signature(TOKEN, "1700000000", "42") == expected
    assert verify_signature(TOKEN, "1700000000", "42", expected)
    assert not verify_signature(TOKEN, "1700000001", "42", expected)
    assert not verify_signature("other", "1700000000", "42", expected)
    assert not verify_signature(TOKEN, "1700000000", "42", "")


def test_encrypt_decrypt_round_trip() -> None:
    plaintext = json.dumps(POPUP_JSON, ensure_ascii=False) + "中文"
    ciphertext = encrypt(plaintext, token=TOKEN, encoding_aes_key=AES_KEY, appid=DEFAULT_APPID)
    assert plaintext not in ciphertext
    assert decrypt(ciphertext, token=TOKEN, encoding_aes_key=AES_KEY, appid=DEFAULT_APPID) == (
        plaintext
    )
    with pytest.raises(CallbackError) as wrong_app:
        decrypt(ciphertext, token=TOKEN, encoding_aes_key=AES_KEY, appid="wx-someone-else")
    assert wrong_app.value.code == "invalid_message"
    other_key = base64.b64encode(os.urandom(32)).decode().rstrip("=")
    with pytest.raises(CallbackError):
        decrypt(ciphertext, token=TOKEN, encoding_aes_key=other_key, appid=DEFAULT_APPID)
    with pytest.raises(ValueError, match="EncodingAESKey"):
        encrypt("x", token=TOKEN, encoding_aes_key="short", appid=DEFAULT_APPID)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_encrypted_body_round_trip(fmt: str) -> None:
    plaintext = POPUP_XML if fmt == "xml" else json.dumps(POPUP_JSON)
    query = signed_query()
    body, msg_signature = encrypt_body(
        plaintext,
        token=TOKEN,
        encoding_aes_key=AES_KEY,
        appid=DEFAULT_APPID,
        timestamp=query["timestamp"],
        nonce=query["nonce"],
        to_user="gh_123456789abc",
        fmt=fmt,  # type: ignore[arg-type]
    )
    assert body.lstrip().startswith("<xml>" if fmt == "xml" else "{")
    options = {
        "token": TOKEN,
        "encoding_aes_key": AES_KEY,
        "appid": DEFAULT_APPID,
        "timestamp": query["timestamp"],
        "nonce": query["nonce"],
    }
    assert decrypt_body(body, msg_signature=msg_signature, **options) == plaintext
    assert decrypt_body(body.encode(), msg_signature=msg_signature, **options) == plaintext
    with pytest.raises(CallbackError) as bad:
        decrypt_body(body, msg_signature="0" * 40, **options)
    assert bad.value.code == "invalid_signature"
    with pytest.raises(CallbackError) as tampered:
        decrypt_body(body, msg_signature=msg_signature, **{**options, "nonce": "1"})
    assert tampered.value.code == "invalid_signature"


def test_msg_signature_covers_the_ciphertext() -> None:
    signature = compute_signature(TOKEN, "1", "2", "cipher")
    assert verify_msg_signature(TOKEN, "1", "2", "cipher", signature)
    assert not verify_msg_signature(TOKEN, "1", "2", "cipher2", signature)


def test_decrypt_body_rejects_envelopes_without_encrypt() -> None:
    with pytest.raises(CallbackError) as missing:
        decrypt_body(
            json.dumps(POPUP_JSON),
            token=TOKEN,
            encoding_aes_key=AES_KEY,
            appid=DEFAULT_APPID,
            timestamp="1",
            nonce="2",
            msg_signature="x",
        )
    assert missing.value.code == "invalid_body"


# --- parsing ------------------------------------------------------------------------------


def test_parse_json_popup_with_list() -> None:
    event = parse_event(json.dumps(POPUP_JSON))
    assert event.event == "subscribe_msg_popup_event"
    assert event.openid == "o7esq5OI1Uej6Xixw1lA2H7XDVbc"
    assert event.create_time == 1620973045
    assert event.to_user == "gh_123456789abc"
    assert event.msg_type == "event"
    assert event.items == [
        SubscribeItem("tmpl-a", "accept", popup_scene="2"),
        SubscribeItem("tmpl-b", "reject", popup_scene="2"),
    ]
    assert event.raw["List"][0]["TemplateId"] == "tmpl-a"


def test_parse_json_change_event_with_object_list() -> None:
    payload = {
        **POPUP_JSON,
        "CreateTime": 1620973046,
        "Event": "subscribe_msg_change_event",
        "List": {"TemplateId": "tmpl-c", "SubscribeStatusString": "reject"},
    }
    event = parse_event(json.dumps(payload).encode())
    assert event.create_time == 1620973046
    assert event.items == [SubscribeItem("tmpl-c", "reject")]


def test_parse_xml_popup_single_item() -> None:
    event = parse_event(POPUP_XML)
    assert event.event == "subscribe_msg_popup_event"
    assert event.openid == "otFpruAK8D-E6EfStSYonYSBZ8_4"
    assert event.create_time == 1610969440
    assert event.items == [
        SubscribeItem("VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", "accept", popup_scene="2")
    ]


def test_parse_xml_sent_event_with_several_items() -> None:
    event = parse_event(SENT_XML.encode())
    assert [(i.template_id, i.status, i.msg_id, i.error_code) for i in event.items] == [
        ("tmpl-a", "success", "1700827132819554304", 0),
        ("tmpl-b", "fail: user refuse to accept the msg", "1700827132819554305", 43101),
    ]


def test_parse_other_messages_and_garbage() -> None:
    text_message = parse_event(
        json.dumps({"FromUserName": "o1", "MsgType": "text", "Content": "hi", "CreateTime": 5})
    )
    assert text_message.event == "" and text_message.msg_type == "text"
    assert text_message.items == []
    for garbage in ("", "not json", "[1, 2]", "<xml><unclosed></xml>"):
        with pytest.raises(CallbackError) as error:
            parse_event(garbage)
        assert error.value.code == "invalid_body"
    with pytest.raises(CallbackError):
        parse_event('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xml>&a;</xml>')


# --- the blueprint, served for real -------------------------------------------------------


@dataclass
class Served:
    url: str
    events: list[WeChatEvent] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def serve(*, aes_key: str | None, fail: bool = False) -> AsyncIterator[Served]:
    """Serve the blueprint on a real port inside this event loop."""
    port = _free_port()
    served = Served(url=f"http://127.0.0.1:{port}/wechat/callback")

    async def on_event(event: WeChatEvent) -> None:
        if fail:
            raise RuntimeError("handler failed")
        served.events.append(event)

    app = Sanic(f"callback-test-{secrets.token_hex(4)}", configure_logging=False)
    app.config.AUTO_EXTEND = False
    # TouchUp rewrites Sanic's protocol class source once per process; a second
    # in-process app would trip over the rewritten source.
    app.config.TOUCHUP = False
    app.blueprint(
        create_callback_blueprint(
            token=TOKEN, encoding_aes_key=aes_key, appid=DEFAULT_APPID, on_event=on_event
        )
    )
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    assert server is not None
    await server.startup()  # type: ignore[no-untyped-call]
    await server.start_serving()  # type: ignore[no-untyped-call]
    try:
        yield served
    finally:
        server.close()  # type: ignore[no-untyped-call]
        await server.wait_closed()  # type: ignore[no-untyped-call]


Post = Callable[..., Awaitable[httpx.Response]]


async def test_blueprint_shape() -> None:
    async def on_event(event: WeChatEvent) -> None:
        return None

    bp = create_callback_blueprint(
        token=TOKEN, encoding_aes_key=None, appid=DEFAULT_APPID, on_event=on_event
    )
    assert bp.name == "wechat_callback"
    handlers = [route.handler for route in bp._future_routes]
    assert len(handlers) == 2
    assert all(getattr(h, "__zwgk_access__", None) == "public" for h in handlers)
    with pytest.raises(ValueError, match="EncodingAESKey"):
        create_callback_blueprint(
            token=TOKEN, encoding_aes_key="bad", appid=DEFAULT_APPID, on_event=on_event
        )


async def test_get_echoes_echostr_only_when_signed() -> None:
    async with serve(aes_key=None) as served, httpx.AsyncClient() as client:
        query = signed_query()
        ok = await client.get(served.url, params={**query, "echostr": "hello-123"})
        assert ok.status_code == 200 and ok.text == "hello-123"
        bad = await client.get(
            served.url, params={**query, "signature": "0" * 40, "echostr": "hello-123"}
        )
        assert bad.status_code == 403
        assert bad.json()["error"]["code"] == "invalid_signature"


async def test_post_plaintext_event() -> None:
    async with serve(aes_key=None) as served, httpx.AsyncClient() as client:
        response = await client.post(
            served.url, params=signed_query(), content=json.dumps(POPUP_JSON)
        )
        assert response.status_code == 200 and response.text == "success"
        xml = await client.post(served.url, params=signed_query(), content=POPUP_XML)
        assert xml.text == "success"
        assert [e.items[0].template_id for e in served.events] == [
            "tmpl-a",
            "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc",
        ]
        forged = await client.post(
            served.url,
            params={**signed_query(), "signature": "f" * 40},
            content=json.dumps(POPUP_JSON),
        )
        assert forged.status_code == 403
        assert forged.json() == {
            "error": {
                "code": "invalid_signature",
                "message": "signature does not match",
                "field": None,
            }
        }
        unsigned = await client.post(served.url, content=json.dumps(POPUP_JSON))
        assert unsigned.status_code == 403
        garbage = await client.post(served.url, params=signed_query(), content="nonsense")
        assert garbage.status_code == 400
        assert len(served.events) == 2


async def test_post_in_safe_mode_requires_encryption() -> None:
    async with serve(aes_key=AES_KEY) as served, httpx.AsyncClient() as client:
        plain = await client.post(served.url, params=signed_query(), content=json.dumps(POPUP_JSON))
        assert plain.status_code == 400
        assert plain.json()["error"]["code"] == "encryption_required"
        query = signed_query()
        body, msg_signature = encrypt_body(
            json.dumps(POPUP_JSON),
            token=TOKEN,
            encoding_aes_key=AES_KEY,
            appid=DEFAULT_APPID,
            timestamp=query["timestamp"],
            nonce=query["nonce"],
            to_user="gh_x",
        )
        params = {**query, "encrypt_type": "aes", "msg_signature": msg_signature}
        ok = await client.post(served.url, params=params, content=body)
        assert ok.status_code == 200 and ok.text == "success"
        wrong = await client.post(
            served.url, params={**params, "msg_signature": "a" * 40}, content=body
        )
        assert wrong.status_code == 403
        assert len(served.events) == 1 and served.events[0].openid == POPUP_JSON["FromUserName"]


async def test_failing_handler_gives_500_so_wechat_retries() -> None:
    async with serve(aes_key=None, fail=True) as served, httpx.AsyncClient() as client:
        response = await client.post(
            served.url, params=signed_query(), content=json.dumps(POPUP_JSON)
        )
        assert response.status_code == 500


@pytest.mark.parametrize(("aes_key", "fmt"), [(None, "json"), (AES_KEY, "json"), (AES_KEY, "xml")])
async def test_emulator_pushes_reach_the_blueprint(
    emulator: httpx.Client, emulator_url: str, aes_key: str | None, fmt: str
) -> None:
    """End to end: the emulator signs/encrypts like WeChat and our blueprint accepts it."""
    async with serve(aes_key=aes_key) as served, httpx.AsyncClient(base_url=emulator_url) as ctl:
        config = {"callback_url": served.url, "callback_token": TOKEN, "callback_aes_key": aes_key}
        (await ctl.post("/_emulator/config", json=config)).raise_for_status()
        answer = await ctl.post(
            "/_emulator/events",
            json={
                "event": "subscribe_msg_popup_event",
                "openid": "o-end-to-end",
                "format": fmt,
                "items": [
                    {"template_id": POLICY_PUSH_TEMPLATE_ID, "status": "accept"},
                    {"template_id": WARNING_TEMPLATE_ID, "status": "reject"},
                ],
            },
        )
        result = answer.json()
        assert result["status"] == 200 and result["body"] == "success", result
        assert result["encrypted"] is (aes_key is not None)
        [event] = served.events
        assert event.event == "subscribe_msg_popup_event"
        assert event.openid == "o-end-to-end"
        assert [(i.template_id, i.status) for i in event.items] == [
            (POLICY_PUSH_TEMPLATE_ID, "accept"),
            (WARNING_TEMPLATE_ID, "reject"),
        ]
