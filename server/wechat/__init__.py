"""WeChat integration: API gateway, typed errors, push callbacks (and an emulator).

The emulator lives in :mod:`server.wechat.emulator` and is not imported here.
"""

from __future__ import annotations

from server.wechat.callback import (
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
from server.wechat.errors import (
    AccessTokenInvalid,
    InvalidCredential,
    InvalidLoginCode,
    InvalidOpenid,
    InvalidTemplateData,
    InvalidTemplateId,
    NoSubscriptionCredit,
    RateLimited,
    SystemBusy,
    WeChatError,
    WeChatUnavailable,
    error_from_response,
)
from server.wechat.gateway import ContentCheckResult, PhoneNumber, SessionInfo, WeChatGateway

__all__ = [
    "AccessTokenInvalid",
    "CallbackError",
    "ContentCheckResult",
    "InvalidCredential",
    "InvalidLoginCode",
    "InvalidOpenid",
    "InvalidTemplateData",
    "InvalidTemplateId",
    "NoSubscriptionCredit",
    "PhoneNumber",
    "RateLimited",
    "SessionInfo",
    "SubscribeItem",
    "SystemBusy",
    "WeChatError",
    "WeChatEvent",
    "WeChatGateway",
    "WeChatUnavailable",
    "create_callback_blueprint",
    "decrypt_body",
    "encrypt_body",
    "error_from_response",
    "parse_event",
    "verify_msg_signature",
    "verify_signature",
]
