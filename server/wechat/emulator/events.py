"""Building and delivering the subscribe-message events WeChat pushes to servers."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any, Literal

import aiohttp
import xmltodict

from server.wechat.callback import SUBSCRIBE_EVENTS, compute_signature, encrypt_body

__all__ = ["DeliveryResult", "build_event", "deliver_event", "event_items"]

EventFormat = Literal["json", "xml"]


def event_items(event: str, request: dict[str, Any], msgid: int | None) -> list[dict[str, str]]:
    """The ``List`` entries for an ``/_emulator/events`` request.

    Either ``items`` (a list of ``{"template_id", "status", ...}``) or a single
    ``template_id``/``status`` pair at the top level of the request.
    """
    raw_items = request.get("items")
    if not isinstance(raw_items, list):
        raw_items = [request]
    items: list[dict[str, str]] = []
    for raw in raw_items:
        if not isinstance(raw, dict) or not raw.get("template_id"):
            raise ValueError("each item needs a template_id")
        entry = {"TemplateId": str(raw["template_id"])}
        if event == "subscribe_msg_sent_event":
            error_code = int(raw.get("error_code", 0))
            entry["MsgID"] = str(raw.get("msg_id") or msgid or secrets.randbelow(10**18))
            entry["ErrorCode"] = str(error_code)
            entry["ErrorStatus"] = str(
                raw.get("error_status")
                or ("success" if error_code == 0 else "fail: user refuse to accept the msg")
            )
        else:
            status = str(raw.get("status", "accept"))
            if status not in ("accept", "reject"):
                raise ValueError("status must be accept or reject")
            entry["SubscribeStatusString"] = status
            if event == "subscribe_msg_popup_event":
                entry["PopupScene"] = str(raw.get("popup_scene", "0"))
        items.append(entry)
    return items


def build_event(
    *,
    event: str,
    openid: str,
    to_user: str,
    create_time: int,
    items: list[dict[str, str]],
    fmt: EventFormat = "json",
    list_style: Literal["array", "object"] = "array",
) -> str:
    """The plaintext push body, shaped like WeChat's JSON or XML rendering.

    JSON carries ``List`` at the top level (an array, or a bare object when
    ``list_style="object"``, a form WeChat also sends); XML nests the ``List``
    elements inside ``<SubscribeMsgPopupEvent>`` and friends.
    """
    if event not in SUBSCRIBE_EVENTS:
        raise ValueError(f"unsupported event {event!r}")
    header: dict[str, Any] = {
        "ToUserName": to_user,
        "FromUserName": openid,
        "CreateTime": create_time,
        "MsgType": "event",
        "Event": event,
    }
    if fmt == "json":
        listed: object = items[0] if list_style == "object" and len(items) == 1 else items
        return json.dumps({**header, "List": listed}, ensure_ascii=False)
    wrapper = {"List": items[0] if len(items) == 1 else items}
    document: str = xmltodict.unparse(
        {"xml": {**header, SUBSCRIBE_EVENTS[event]: wrapper}}, full_document=False
    )
    return document


@dataclass(frozen=True)
class DeliveryResult:
    """What happened when the emulator pushed an event to the callback URL."""

    delivered: bool
    status: int | None
    body: str | None
    error: str | None
    encrypted: bool

    def as_dict(self) -> dict[str, Any]:
        """JSON form for the control API."""
        return {
            "delivered": self.delivered,
            "status": self.status,
            "body": self.body,
            "error": self.error,
            "encrypted": self.encrypted,
        }


async def deliver_event(
    plaintext: str,
    *,
    url: str,
    token: str,
    aes_key: str | None,
    appid: str,
    to_user: str,
    timestamp: int,
    fmt: EventFormat,
    http_timeout: float = 5.0,
) -> DeliveryResult:
    """POST ``plaintext`` to ``url`` signed (and encrypted when ``aes_key`` is set).

    WeChat waits 5 s for an answer, hence the default timeout.
    """
    ts = str(timestamp)
    nonce = str(secrets.randbelow(10**10))
    params = {"signature": compute_signature(token, ts, nonce), "timestamp": ts, "nonce": nonce}
    body = plaintext
    if aes_key:
        body, msg_signature = encrypt_body(
            plaintext,
            token=token,
            encoding_aes_key=aes_key,
            appid=appid,
            timestamp=ts,
            nonce=nonce,
            to_user=to_user,
            fmt=fmt,
        )
        params |= {"encrypt_type": "aes", "msg_signature": msg_signature}
    content_type = "application/json" if fmt == "json" else "text/xml"
    try:
        timeout = aiohttp.ClientTimeout(total=http_timeout)
        async with (
            aiohttp.ClientSession(timeout=timeout) as client,
            client.post(
                url,
                params=params,
                data=body.encode(),
                headers={"Content-Type": f"{content_type}; charset=utf-8"},
            ) as response,
        ):
            status = response.status
            text = (await response.read()).decode("utf-8", "replace")
    except (aiohttp.ClientError, TimeoutError) as exc:
        return DeliveryResult(False, None, None, f"{type(exc).__name__}: {exc}", bool(aes_key))
    return DeliveryResult(
        200 <= status < 300,
        status,
        text[:2000],
        None,
        bool(aes_key),
    )
