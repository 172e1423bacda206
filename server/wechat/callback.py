"""WeChat message-push callbacks: signatures, safe-mode crypto, event parsing.

WeChat pushes events (``subscribe_msg_popup_event`` and friends) to our server
as ``POST /wechat/callback?signature=&timestamp=&nonce=`` with a JSON or XML
body. ``signature`` is ``sha1(sorted([token, timestamp, nonce]))``; it does not
cover the body, so in safe mode (``encrypt_type=aes``) the body carries an
``Encrypt`` field (AES-256-CBC with the EncodingAESKey) and ``msg_signature`` is
``sha1(sorted([token, timestamp, nonce, encrypt]))``.

Everything except :func:`create_callback_blueprint` is pure and synchronous;
the AES work is a few microseconds for event-sized bodies, so it runs inline.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import xmltodict
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text
from sanic.response import json as json_response
from wechatpy.crypto import PrpCrypto, WeChatCrypto

from server.core.limits import KIB, body_limit
from server.core.permissions import public

__all__ = [
    "SUBSCRIBE_EVENTS",
    "CallbackError",
    "SubscribeItem",
    "WeChatEvent",
    "compute_signature",
    "create_callback_blueprint",
    "decrypt",
    "decrypt_body",
    "encrypt",
    "encrypt_body",
    "parse_event",
    "verify_msg_signature",
    "verify_signature",
]

logger = logging.getLogger("zwgk.wechat")

#: Event name → the XML element wrapping its ``List`` items.
SUBSCRIBE_EVENTS: Mapping[str, str] = {
    "subscribe_msg_popup_event": "SubscribeMsgPopupEvent",
    "subscribe_msg_change_event": "SubscribeMsgChangeEvent",
    "subscribe_msg_sent_event": "SubscribeMsgSentEvent",
}

# The permission layer looks for this attribute; see create_callback_blueprint.


class CallbackError(Exception):
    """A push that must be refused; ``code`` is the API error code we answer with."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- signatures --------------------------------------------------------------


def compute_signature(*parts: str) -> str:
    """WeChat's signature: sha1 hex of the parts sorted and concatenated."""
    return hashlib.sha1("".join(sorted(parts)).encode(), usedforsecurity=False).hexdigest()


def verify_signature(token: str, timestamp: str, nonce: str, signature: str) -> bool:
    """Whether ``signature`` is ``sha1(sorted([token, timestamp, nonce]))``.

    Compared in constant time so the expected value cannot be probed byte by byte.
    """
    expected = compute_signature(token, timestamp, nonce)
    return hmac.compare_digest(expected.encode(), signature.encode())


def verify_msg_signature(
    token: str, timestamp: str, nonce: str, encrypt_text: str, msg_signature: str
) -> bool:
    """Whether ``msg_signature`` signs the ciphertext ``encrypt_text`` (safe mode)."""
    expected = compute_signature(token, timestamp, nonce, encrypt_text)
    return hmac.compare_digest(expected.encode(), msg_signature.encode())


# --- safe-mode crypto ---------------------------------------------------------


def _crypto(token: str, encoding_aes_key: str, appid: str) -> WeChatCrypto:
    try:
        return WeChatCrypto(token, encoding_aes_key, appid)
    except (AssertionError, binascii.Error, ValueError) as exc:
        # wechatpy asserts on the key length; turn that into a clear error.
        raise ValueError("EncodingAESKey must be 43 characters of base64") from exc


def encrypt(plaintext: str, *, token: str, encoding_aes_key: str, appid: str) -> str:
    """The ``Encrypt`` value WeChat would send for ``plaintext`` (base64 text)."""
    crypto = _crypto(token, encoding_aes_key, appid)
    ciphertext: bytes = PrpCrypto(crypto.key).encrypt(plaintext, appid)
    return ciphertext.decode()


def decrypt(encrypt_text: str, *, token: str, encoding_aes_key: str, appid: str) -> str:
    """The plaintext of an ``Encrypt`` value; :class:`CallbackError` if it is not ours.

    The signature is NOT checked here; use :func:`decrypt_body` for pushes.
    """
    crypto = _crypto(token, encoding_aes_key, appid)
    try:
        plaintext: str = PrpCrypto(crypto.key).decrypt(encrypt_text, appid)
    except Exception as exc:
        # Garbage ciphertext surfaces as anything from binascii.Error to
        # UnicodeDecodeError or wechatpy's InvalidAppIdException.
        raise CallbackError("invalid_message", "the message could not be decrypted") from exc
    return plaintext


def encrypt_body(
    plaintext: str,
    *,
    token: str,
    encoding_aes_key: str,
    appid: str,
    timestamp: str,
    nonce: str,
    to_user: str,
    fmt: Literal["json", "xml"] = "json",
) -> tuple[str, str]:
    """A safe-mode push body for ``plaintext`` and its ``msg_signature``.

    The body is ``{"ToUserName", "Encrypt"}`` (JSON) or the equivalent
    ``<xml>`` document, as WeChat sends it. Used by the emulator and tests.
    """
    encrypted = encrypt(plaintext, token=token, encoding_aes_key=encoding_aes_key, appid=appid)
    signature = compute_signature(token, timestamp, nonce, encrypted)
    if fmt == "json":
        body = json.dumps({"ToUserName": to_user, "Encrypt": encrypted}, ensure_ascii=False)
    else:
        body = xmltodict.unparse(
            {"xml": {"ToUserName": to_user, "Encrypt": encrypted}}, full_document=False
        )
    return body, signature


def _load_body(body: str | bytes) -> dict[str, Any]:
    """JSON or XML (sniffed from the first character) as a dict."""
    raw = body.decode("utf-8") if isinstance(body, bytes) else body
    raw = raw.strip()
    try:
        # xmltodict refuses entity declarations by default (no entity bombs).
        loaded = xmltodict.parse(raw).get("xml") if raw.startswith("<") else json.loads(raw)
    except Exception as exc:
        raise CallbackError("invalid_body", "the body is neither JSON nor XML") from exc
    if not isinstance(loaded, dict):
        raise CallbackError("invalid_body", "the body is not an object")
    return loaded


def decrypt_body(
    body: str | bytes,
    *,
    token: str,
    encoding_aes_key: str,
    appid: str,
    timestamp: str,
    nonce: str,
    msg_signature: str,
) -> str:
    """Verify ``msg_signature`` over a safe-mode body and return its plaintext.

    Raises :class:`CallbackError` (``invalid_signature``, ``invalid_body`` or
    ``invalid_message``).
    """
    envelope = _load_body(body)
    encrypted = envelope.get("Encrypt")
    if not isinstance(encrypted, str) or not encrypted:
        raise CallbackError("invalid_body", "the body has no Encrypt field")
    if not verify_msg_signature(token, timestamp, nonce, encrypted, msg_signature):
        raise CallbackError("invalid_signature", "msg_signature does not match")
    return decrypt(encrypted, token=token, encoding_aes_key=encoding_aes_key, appid=appid)


# --- events ------------------------------------------------------------------


@dataclass(frozen=True)
class SubscribeItem:
    """One template in a subscribe event's ``List``.

    ``status`` is ``"accept"``/``"reject"`` for popup and change events, and
    WeChat's ``ErrorStatus`` (``"success"`` or a failure text) for sent events,
    which also carry ``msg_id`` and ``error_code``.
    """

    template_id: str
    status: str
    popup_scene: str | None = None
    msg_id: str | None = None
    error_code: int | None = None


@dataclass(frozen=True)
class WeChatEvent:
    """A parsed push. ``raw`` is the whole decoded message, for anything not lifted out."""

    event: str
    openid: str
    create_time: int
    raw: dict[str, Any]
    items: list[SubscribeItem] = field(default_factory=list)
    to_user: str = ""
    msg_type: str = ""


def _as_int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def _items(raw: Mapping[str, Any], event: str) -> list[SubscribeItem]:
    container: object = raw.get("List")
    if container is None:
        # XML (and some JSON renderings) nest the list in a wrapper element.
        wrapper = raw.get(SUBSCRIBE_EVENTS.get(event, ""))
        if isinstance(wrapper, Mapping):
            container = wrapper.get("List")
    # One item arrives as an object, several as an array.
    entries = container if isinstance(container, list) else [container]
    items: list[SubscribeItem] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not entry.get("TemplateId"):
            continue
        status = entry.get("SubscribeStatusString", entry.get("ErrorStatus", ""))
        scene = entry.get("PopupScene")
        msg_id = entry.get("MsgID")
        items.append(
            SubscribeItem(
                template_id=str(entry["TemplateId"]),
                status=str(status or ""),
                popup_scene=None if scene is None else str(scene),
                msg_id=None if msg_id is None else str(msg_id),
                error_code=_as_int(entry.get("ErrorCode")),
            )
        )
    return items


def parse_event(payload: str | bytes) -> WeChatEvent:
    """Parse a plaintext push (JSON or XML) into a :class:`WeChatEvent`.

    Raises :class:`CallbackError` (``invalid_body``) for anything unparsable.
    """
    raw = _load_body(payload)
    event = str(raw.get("Event") or "")
    return WeChatEvent(
        event=event,
        openid=str(raw.get("FromUserName") or ""),
        create_time=_as_int(raw.get("CreateTime")) or 0,
        raw=raw,
        items=_items(raw, event) if event in SUBSCRIBE_EVENTS else [],
        to_user=str(raw.get("ToUserName") or ""),
        msg_type=str(raw.get("MsgType") or ""),
    )


# --- Sanic blueprint ---------------------------------------------------------


def _error(status: int, code: str, message: str) -> HTTPResponse:
    return json_response({"error": {"code": code, "message": message, "field": None}}, status)


def _check_aes_key(encoding_aes_key: str) -> None:
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except binascii.Error as exc:
        raise ValueError("EncodingAESKey must be 43 characters of base64") from exc
    if len(key) != 32:
        raise ValueError("EncodingAESKey must be 43 characters of base64")


#: Pushes signed more than this many seconds ago (or ahead) are refused as replays.
MAX_AGE_SECONDS = 300


def is_fresh(timestamp: str, max_age_seconds: int, now: float) -> bool:
    """Whether the signed ``timestamp`` (Unix seconds) is within ``max_age_seconds`` of now."""
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:  # "²": no int
        return False
    return abs(now - int(timestamp)) <= max_age_seconds


def create_callback_blueprint(
    *,
    token: str,
    encoding_aes_key: str | None,
    appid: str,
    on_event: Callable[[WeChatEvent], Awaitable[None]],
    max_age_seconds: int = MAX_AGE_SECONDS,
    clock: Callable[[], float] = time.time,
) -> Blueprint:
    """The ``wechat_callback`` blueprint serving ``GET``/``POST /wechat/callback``.

    ``GET`` answers WeChat's server verification (echoes ``echostr`` when the
    signature is valid). ``POST`` verifies, decrypts when an EncodingAESKey is
    configured, parses and awaits ``on_event`` before replying ``success``. When
    a key is configured plaintext pushes are refused: the plain signature does
    not cover the body, so only the encrypted form proves the body is WeChat's.
    WeChat retries a push that fails or takes over 5 s, so ``on_event`` must be
    idempotent; if it raises, the request fails (500) and WeChat retries.

    A push whose ``timestamp`` is more than ``max_age_seconds`` away from ``clock()``
    is refused (``stale_timestamp``): a captured signed query string cannot be
    replayed later.
    """
    if not token:
        raise ValueError("the callback token must not be empty")
    if encoding_aes_key:
        _check_aes_key(encoding_aes_key)
    bp = Blueprint("wechat_callback")

    def signed(request: Request) -> bool:
        args = request.args
        return verify_signature(
            token,
            args.get("timestamp", ""),
            args.get("nonce", ""),
            args.get("signature", ""),
        )

    async def verify_server(request: Request) -> HTTPResponse:
        """WeChat's URL verification: echo ``echostr`` back when signed by our token."""
        if not signed(request):
            return _error(403, "invalid_signature", "signature does not match")
        return text(request.args.get("echostr", ""))

    async def receive_event(request: Request) -> HTTPResponse:
        """Receive one pushed event."""
        if not signed(request):
            return _error(403, "invalid_signature", "signature does not match")
        args = request.args
        if not is_fresh(args.get("timestamp", ""), max_age_seconds, clock()):
            return _error(403, "stale_timestamp", "the push is too old (or from the future)")
        try:
            if encoding_aes_key:
                if args.get("encrypt_type", "") != "aes":
                    return _error(400, "encryption_required", "pushes must be encrypted")
                plaintext = decrypt_body(
                    request.body,
                    token=token,
                    encoding_aes_key=encoding_aes_key,
                    appid=appid,
                    timestamp=args.get("timestamp", ""),
                    nonce=args.get("nonce", ""),
                    msg_signature=args.get("msg_signature", ""),
                )
                event = parse_event(plaintext)
            elif args.get("encrypt_type", "raw") not in ("", "raw"):
                return _error(400, "encryption_unsupported", "no EncodingAESKey is configured")
            else:
                event = parse_event(request.body)
        except CallbackError as exc:
            status = 403 if exc.code == "invalid_signature" else 400
            return _error(status, exc.code, exc.message)
        logger.info("wechat push %s (%d items)", event.event or event.msg_type, len(event.items))
        await on_event(event)
        return text("success")

    # WeChat authenticates by signature, not by a user session.
    for handler in (verify_server, receive_event):
        public(handler)
        body_limit(64 * KIB)(handler)  # event pushes are a few hundred bytes
    bp.add_route(verify_server, "/wechat/callback", methods=["GET"], name="verify_server")
    bp.add_route(receive_event, "/wechat/callback", methods=["POST"], name="receive_event")
    return bp
