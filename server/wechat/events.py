"""Wiring of WeChat's event pushes into the outbox.

WeChat expects an answer within 5 seconds and retries otherwise, so the callback only
verifies, decrypts and records the event; the push domain consumes ``wechat.*`` topics.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, is_dataclass
from typing import Any

from sanic import Blueprint, Request

from server.config import Settings
from server.core.outbox import record_event
from server.core.outbox_nudge import nudge
from server.wechat.callback import WeChatEvent, create_callback_blueprint

#: Event names that become outbox topics ``wechat.<Event>``. Anything else WeChat (or
#: someone holding a signed query) sends is acknowledged and dropped, so nobody can
#: mint arbitrary topics. The push stream needs the three subscribe-message events.
RECORDED_EVENTS: frozenset[str] = frozenset(
    {
        "subscribe_msg_popup_event",
        "subscribe_msg_change_event",
        "subscribe_msg_sent_event",
        "user_authorization_revoke",
        "user_info_modified",
    }
)
log = logging.getLogger("zwgk.wechat")


def event_dedup_key(event: WeChatEvent) -> str:
    """The same push retried by WeChat has the same sender, time, event and content."""
    body = json.dumps(event.raw, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(body.encode()).hexdigest()[:32]
    return f"wechat:{event.event}:{event.create_time}:{digest}"


async def record_wechat_event(event: WeChatEvent) -> None:
    """Store a verified event as ``wechat.<event name>`` for the workers, once.

    Only :data:`RECORDED_EVENTS` are stored; others are logged by name and dropped.
    """
    if event.event not in RECORDED_EVENTS:
        log.info("wechat push with unrecorded event %r dropped", event.event[:64])
        return
    payload: dict[str, Any] = asdict(event) if is_dataclass(event) else dict(vars(event))
    await record_event(
        f"wechat.{event.event}",
        "wechat_user",
        event.openid,
        payload,
        dedup_key=event_dedup_key(event),
    )


async def record_and_nudge(event: WeChatEvent) -> None:
    """Record the event, then (committed) wake a worker to relay it at once."""
    await record_wechat_event(event)
    await nudge(getattr(Request.get_current().app.ctx, "redis", None))


def callback_blueprint(settings: Settings) -> Blueprint:
    return create_callback_blueprint(
        token=settings.wechat.callback_token,
        encoding_aes_key=settings.wechat.encoding_aes_key or None,
        appid=settings.wechat.appid,
        on_event=record_and_nudge,
    )
