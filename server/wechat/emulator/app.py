"""The WeChat API emulator as a Sanic app.

WeChat endpoints live at WeChat's own paths and answer in WeChat's shape
(HTTP 200, ``{"errcode": n, "errmsg": "..."}`` on failure), so the gateway only
swaps its base URL. Control endpoints live under ``/_emulator`` and answer in
plain JSON (HTTP 400 ``{"error": "..."}`` on bad requests).
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

from sanic import Request, Sanic
from sanic.config import Config
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from server.wechat.emulator.events import build_event, deliver_event, event_items
from server.wechat.emulator.settings import EmulatorSettings
from server.wechat.emulator.state import WECHAT_PATHS, ApiError, EmulatorState, Faults

__all__ = ["create_emulator_app"]

Handler = Callable[[Request], Awaitable[HTTPResponse]]


class BadRequest(Exception):
    """A malformed control request (answered with HTTP 400)."""


def _ok(payload: dict[str, Any] | None = None) -> HTTPResponse:
    return json_response({"errcode": 0, "errmsg": "ok", **(payload or {})})


def _wechat_error(error: ApiError, status: int = 200) -> HTTPResponse:
    return json_response({"errcode": error.errcode, "errmsg": error.errmsg}, status=status)


def _wechat_body(request: Request) -> dict[str, Any]:
    """A WeChat API JSON body; WeChat ignores Content-Type, so we do too."""
    try:
        body = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise ApiError(47001) from exc
    if not isinstance(body, dict):
        raise ApiError(47001)
    return body


def _control_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise BadRequest("the body must be JSON") from exc
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    return body


def _args(request: Request) -> dict[str, str]:
    return {key: values[0] for key, values in request.args.items() if values}


def _opt_str(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRequest(f"{key} must be a string")
    return value


def _opt_float(body: dict[str, Any], key: str) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadRequest(f"{key} must be a number")
    return float(value)


def _faults_from(body: dict[str, Any]) -> Faults:
    rate = _opt_float(body, "error_rate") or 0.0
    if not 0.0 <= rate <= 1.0:
        raise BadRequest("error_rate must be between 0 and 1")
    paths = body.get("paths")
    if paths is not None and (
        not isinstance(paths, list) or not all(isinstance(p, str) for p in paths)
    ):
        raise BadRequest("paths must be a list of strings")
    times = body.get("times")
    if times is not None and (isinstance(times, bool) or not isinstance(times, int)):
        raise BadRequest("times must be an integer")
    errcodes = body.get("errcodes")
    if errcodes is not None and (
        not isinstance(errcodes, list)
        or not errcodes
        or not all(isinstance(c, int) and not isinstance(c, bool) for c in errcodes)
    ):
        raise BadRequest("errcodes must be a non-empty list of integers")
    try:
        return Faults(
            errcodes=None if errcodes is None else tuple(errcodes),
            error_rate=rate,
            errcode=int(body.get("errcode", -1)),
            errmsg=_opt_str(body, "errmsg"),
            latency_ms=int(body.get("latency_ms", 0)),
            paths=None if paths is None else frozenset(paths),
            times=times,
            http_status=int(body.get("http_status", 200)),
        )
    except (TypeError, ValueError) as exc:
        raise BadRequest("errcode, latency_ms and http_status must be integers") from exc


def create_emulator_app(
    settings: EmulatorSettings | None = None, *, name: str | None = None
) -> Sanic[Config, SimpleNamespace]:
    """A new emulator app with its own in-memory state on ``app.ctx.state``.

    ``name`` defaults to a unique one because Sanic refuses two apps with the
    same name in one process (tests may build several emulators).
    """
    state = EmulatorState(settings or EmulatorSettings())
    # `zwgk emulator` routes Sanic's loggers through zwgk's one handler; Sanic's own
    # handlers would print every line a second time.
    app = Sanic(name or f"wechat-emulator-{secrets.token_hex(4)}", configure_logging=False)
    # sanic-ext is installed for the real API; the emulator needs none of it.
    app.config.AUTO_EXTEND = False
    app.ctx.state = state

    def wechat(path: str, methods: list[str]) -> Callable[[Handler], Handler]:
        """Register a WeChat API handler; ApiError becomes WeChat's error shape."""

        def decorate(handler: Handler) -> Handler:
            async def wrapped(request: Request) -> HTTPResponse:
                try:
                    return await handler(request)
                except ApiError as error:
                    return _wechat_error(error)

            app.add_route(wrapped, path, methods=methods, name=handler.__name__)
            return handler

        return decorate

    def control(path: str, methods: list[str]) -> Callable[[Handler], Handler]:
        """Register a control handler; BadRequest/ValueError become HTTP 400."""

        def decorate(handler: Handler) -> Handler:
            async def wrapped(request: Request) -> HTTPResponse:
                try:
                    return await handler(request)
                except (BadRequest, ValueError) as error:
                    return json_response({"error": str(error)}, status=400)

            route_name = f"control_{handler.__name__}_{'_'.join(methods).lower()}"
            app.add_route(wrapped, path, methods=methods, name=route_name)
            return handler

        return decorate

    @app.on_request
    async def count_and_inject_faults(request: Request) -> HTTPResponse | None:
        # Only WeChat API paths are counted and faulted; control calls never are,
        # so a test can always inspect and reset a misbehaving emulator.
        path = request.path
        if path not in WECHAT_PATHS:
            return None
        state.record_call(path)
        latency, error, status = state.pick_fault(path)
        if latency > 0:
            await asyncio.sleep(latency)
        if error is not None:
            return _wechat_error(error, status)
        return None

    # -- WeChat API ---------------------------------------------------------------

    @wechat("/sns/jscode2session", ["GET"])
    async def jscode2session(request: Request) -> HTTPResponse:
        # jscode2session is the one API that answers without errcode on success.
        return json_response(state.code2session(_args(request)))

    @wechat("/cgi-bin/stable_token", ["POST"])
    async def stable_token(request: Request) -> HTTPResponse:
        return json_response(state.get_stable_token(_wechat_body(request)))

    @wechat("/cgi-bin/token", ["GET"])
    async def legacy_token(request: Request) -> HTTPResponse:
        return json_response(state.get_legacy_token(_args(request)))

    @wechat("/cgi-bin/message/subscribe/send", ["POST"])
    async def subscribe_send(request: Request) -> HTTPResponse:
        state.check_token(request.args.get("access_token"))
        return _ok(state.send_subscribe_message(_wechat_body(request)))

    @wechat("/wxa/msg_sec_check", ["POST"])
    async def msg_sec_check(request: Request) -> HTTPResponse:
        state.check_token(request.args.get("access_token"))
        return _ok(state.msg_sec_check(_wechat_body(request)))

    @wechat("/wxa/business/getuserphonenumber", ["POST"])
    async def get_user_phone_number(request: Request) -> HTTPResponse:
        state.check_token(request.args.get("access_token"))
        return _ok(state.phone_number(_wechat_body(request)))

    # -- control API --------------------------------------------------------------

    @control("/_emulator/health", ["GET"])
    async def health(request: Request) -> HTTPResponse:
        return json_response({"status": "ok", "appid": state.settings.appid})

    @control("/_emulator/reset", ["POST"])
    async def reset(request: Request) -> HTTPResponse:
        state.reset()
        return json_response({"status": "reset"})

    def config_view() -> dict[str, Any]:
        s = state.settings
        return {
            "appid": s.appid,
            "original_id": s.original_id,
            "token_ttl": s.token_ttl,
            "token_renew_window": s.renew_window,
            "force_refresh_daily_limit": s.force_refresh_daily_limit,
            "login_code_ttl": s.login_code_ttl,
            "phone_code_ttl": s.phone_code_ttl,
            "active_window": s.active_window,
            "callback_url": s.callback_url,
            "callback_token": s.callback_token,
            "callback_aes_key": s.callback_aes_key,
        }

    @control("/_emulator/config", ["GET"])
    async def get_config(request: Request) -> HTTPResponse:
        return json_response(config_view())

    @control("/_emulator/config", ["POST"])
    async def set_config(request: Request) -> HTTPResponse:
        state.configure(_control_body(request))
        return json_response(config_view())

    @control("/_emulator/clock", ["GET"])
    async def get_clock(request: Request) -> HTTPResponse:
        return json_response({"offset": state.clock_offset, "now": state.now()})

    @control("/_emulator/clock", ["POST"])
    async def advance_clock(request: Request) -> HTTPResponse:
        seconds = _opt_float(_control_body(request), "advance")
        if seconds is None or seconds < 0:
            raise BadRequest("advance must be a number of seconds >= 0")
        state.clock_offset += seconds
        return json_response({"offset": state.clock_offset, "now": state.now()})

    @control("/_emulator/login-codes", ["POST"])
    async def mint_login_code(request: Request) -> HTTPResponse:
        body = _control_body(request)
        return json_response(
            state.mint_login_code(
                _opt_str(body, "openid"), _opt_str(body, "unionid"), _opt_float(body, "expires_in")
            )
        )

    @control("/_emulator/phone-codes", ["POST"])
    async def mint_phone_code(request: Request) -> HTTPResponse:
        body = _control_body(request)
        phone = _opt_str(body, "phone")
        if not phone:
            raise BadRequest("phone is required")
        country = _opt_str(body, "country_code") or "86"
        return json_response(state.mint_phone_code(phone, country, _opt_float(body, "expires_in")))

    @control("/_emulator/tokens/invalidate", ["POST"])
    async def invalidate_tokens(request: Request) -> HTTPResponse:
        return json_response({"revoked": state.invalidate_tokens()})

    @control("/_emulator/templates", ["GET"])
    async def list_templates(request: Request) -> HTTPResponse:
        return json_response([t.as_dict() for t in state.templates.values()])

    @control("/_emulator/templates", ["POST"])
    async def register_template(request: Request) -> HTTPResponse:
        body = _control_body(request)
        keywords = body.get("keywords")
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise BadRequest("keywords must be a list of strings")
        template = state.register_template(
            _opt_str(body, "template_id") or "",
            _opt_str(body, "title") or "",
            keywords,
            _opt_str(body, "kind") or "one_time",
        )
        return json_response(template.as_dict())

    @control("/_emulator/grants", ["GET"])
    async def list_grants(request: Request) -> HTTPResponse:
        openid = request.args.get("openid")
        template_id = request.args.get("template_id")
        return json_response(
            [
                {"openid": o, "template_id": t, "credits": n}
                for (o, t), n in sorted(state.credits.items())
                if (openid is None or o == openid) and (template_id is None or t == template_id)
            ]
        )

    @control("/_emulator/grants", ["POST"])
    async def grant(request: Request) -> HTTPResponse:
        body = _control_body(request)
        openid = _opt_str(body, "openid")
        template_id = _opt_str(body, "template_id")
        count = body.get("count", 1)
        if not openid or not template_id or isinstance(count, bool) or not isinstance(count, int):
            raise BadRequest("openid, template_id and an integer count are required")
        credits = state.grant(openid, template_id, count)
        return json_response({"openid": openid, "template_id": template_id, "credits": credits})

    @control("/_emulator/messages", ["GET"])
    async def list_messages(request: Request) -> HTTPResponse:
        touser = request.args.get("touser")
        template_id = request.args.get("template_id")
        return json_response(
            [
                m.as_dict()
                for m in state.messages
                if (touser is None or m.touser == touser)
                and (template_id is None or m.template_id == template_id)
            ]
        )

    @control("/_emulator/users", ["POST"])
    async def add_users(request: Request) -> HTTPResponse:
        body = _control_body(request)
        openids = body.get("openids")
        grants = body.get("grants") or {}
        if not isinstance(openids, list) or not all(isinstance(o, str) and o for o in openids):
            raise BadRequest("openids must be a list of strings")
        if not isinstance(grants, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in grants.values()
        ):
            raise BadRequest("grants must map template ids to integers")
        return json_response({"users": state.add_users(openids, grants)})

    @control("/_emulator/deliveries", ["GET"])
    async def deliveries(request: Request) -> HTTPResponse:
        return json_response(state.deliveries())

    @control("/_emulator/risky-words", ["GET"])
    async def get_risky_words(request: Request) -> HTTPResponse:
        return json_response({"risky": state.risky_words, "review": state.review_words})

    @control("/_emulator/risky-words", ["POST"])
    async def set_risky_words(request: Request) -> HTTPResponse:
        body = _control_body(request)
        for key in ("risky", "review"):
            words = body.get(key)
            if words is None:
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise BadRequest(f"{key} must be a list of strings")
            setattr(state, f"{key}_words", list(words))
        return json_response({"risky": state.risky_words, "review": state.review_words})

    @control("/_emulator/faults", ["GET"])
    async def get_faults(request: Request) -> HTTPResponse:
        return json_response(state.faults.as_dict())

    @control("/_emulator/faults", ["POST"])
    async def set_faults(request: Request) -> HTTPResponse:
        state.faults = _faults_from(_control_body(request))
        return json_response(state.faults.as_dict())

    @control("/_emulator/faults", ["DELETE"])
    async def clear_faults(request: Request) -> HTTPResponse:
        state.faults = Faults()
        return json_response(state.faults.as_dict())

    @control("/_emulator/stats", ["GET"])
    async def stats(request: Request) -> HTTPResponse:
        return json_response({"calls": dict(state.calls), "messages": len(state.messages)})

    @control("/_emulator/events", ["POST"])
    async def push_event(request: Request) -> HTTPResponse:
        body = _control_body(request)
        event = _opt_str(body, "event") or ""
        openid = _opt_str(body, "openid")
        if not openid:
            raise BadRequest("openid is required")
        fmt = _opt_str(body, "format") or "json"
        list_style = _opt_str(body, "list_style") or "array"
        if fmt not in ("json", "xml") or list_style not in ("array", "object"):
            raise BadRequest("format must be json|xml and list_style array|object")
        items = event_items(event, body, None)
        for item in items:
            if item["TemplateId"] not in state.templates:
                raise BadRequest(f"unknown template_id {item['TemplateId']!r}")
        create_time = int(state.now())
        plaintext = build_event(
            event=event,
            openid=openid,
            to_user=state.settings.original_id,
            create_time=create_time,
            items=items,
            fmt=fmt,  # type: ignore[arg-type]
            list_style=list_style,  # type: ignore[arg-type]
        )
        # The user's choice takes effect in WeChat whether or not our server
        # hears about it, so apply it before delivering.
        for item in items:
            status = item.get("SubscribeStatusString")
            if event == "subscribe_msg_popup_event" and status == "accept":
                state.grant(openid, item["TemplateId"], 1)
            elif event == "subscribe_msg_change_event" and status:
                state.set_subscription(openid, item["TemplateId"], status)
            else:
                state.remember(openid)
        settings = state.settings
        if not settings.callback_url or not settings.callback_token:
            return json_response(
                {
                    "delivered": False,
                    "status": None,
                    "body": None,
                    "error": "callback_url and callback_token are not configured",
                    "encrypted": False,
                    "message": plaintext,
                }
            )
        result = await deliver_event(
            plaintext,
            url=settings.callback_url,
            token=settings.callback_token,
            aes_key=settings.callback_aes_key,
            appid=settings.appid,
            to_user=settings.original_id,
            timestamp=create_time,
            fmt=fmt,  # type: ignore[arg-type]
        )
        return json_response({**result.as_dict(), "message": plaintext})

    return app
