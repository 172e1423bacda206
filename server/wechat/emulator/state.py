"""The emulator's in-memory world: users, codes, tokens, templates, credits, messages.

Everything here is synchronous and free of I/O so the HTTP layer (``app.py``)
stays thin; the Sanic app keeps one :class:`EmulatorState` on ``app.ctx``. The
emulator runs one process with one event loop, so each method runs atomically.
"""

from __future__ import annotations

import base64
import random
import re
import secrets
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from server.wechat.emulator.keywords import KEYWORD_PATTERN, validate_value
from server.wechat.emulator.settings import EmulatorSettings

__all__ = [
    "COMPLAINT_PROGRESS_TEMPLATE_ID",
    "DEFAULT_REVIEW_WORDS",
    "DEFAULT_RISKY_WORDS",
    "DEFAULT_TEMPLATES",
    "POLICY_PUSH_TEMPLATE_ID",
    "WARNING_TEMPLATE_ID",
    "WECHAT_PATHS",
    "ApiError",
    "EmulatorState",
    "Faults",
    "Template",
]

TemplateKind = Literal["one_time", "long_term"]

POLICY_PUSH_TEMPLATE_ID = "emuPolicyPush-0000000000000000000000000001"
COMPLAINT_PROGRESS_TEMPLATE_ID = "emuComplaintProgress-0000000000000000000002"
WARNING_TEMPLATE_ID = "emuWarningNotice-000000000000000000000000003"

#: The WeChat API paths the emulator serves; only these count in stats and get faults.
WECHAT_PATHS = frozenset(
    {
        "/sns/jscode2session",
        "/cgi-bin/stable_token",
        "/cgi-bin/token",
        "/cgi-bin/message/subscribe/send",
        "/wxa/msg_sec_check",
        "/wxa/business/getuserphonenumber",
    }
)

#: Default words that make msg_sec_check answer ``risky`` / ``review``. The odd
#: last entry is WeChat's own documented test string for this API.
DEFAULT_RISKY_WORDS: tuple[str, ...] = (
    "赌博",
    "毒品",
    "枪支弹药",
    "办证刻章",
    "特3456书yuuo莞6543李zxcz蒜7782法fgnv级",
)
DEFAULT_REVIEW_WORDS: tuple[str, ...] = ("代开发票", "刷单", "高额返利")
RISKY_LABEL = 20006  # 违法犯罪
REVIEW_LABEL = 21000  # 其他
PASS_LABEL = 100

#: The usual errmsg for codes the emulator produces by itself or via faults.
ERRMSGS: dict[int, str] = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40013: "invalid appid",
    40014: "invalid access_token",
    40029: "invalid code",
    40037: "invalid template_id",
    40097: "invalid args",
    40125: "invalid appsecret",
    40129: "invalid scene",
    40163: "code been used",
    41001: "access_token missing",
    41002: "appid missing",
    41004: "appsecret missing",
    41008: "missing code",
    41030: "invalid page",
    42001: "access_token expired",
    43101: "user refuse to accept the msg",
    44002: "empty post data",
    45009: "reach max api daily quota limit",
    45011: "api minute-quota reach limit  mustslower  retry next minute",
    47001: "data format error",
    47003: "argument invalid!",
    61010: "code is expired",
}

#: Settings ``POST /_emulator/config`` may change, with their value type.
_CONFIGURABLE: dict[str, type] = {
    "original_id": str,
    "token_ttl": int,
    "token_renew_window": float,
    "force_refresh_daily_limit": int,
    "login_code_ttl": float,
    "phone_code_ttl": float,
    "active_window": float,
    "callback_url": str,
    "callback_token": str,
    "callback_aes_key": str,
}
_NULLABLE = frozenset({"token_renew_window", "callback_url", "callback_token", "callback_aes_key"})

_TOKEN_SHAPE = re.compile(r"^\d+_[A-Za-z0-9_-]+$")
# A mini-program page: relative path (no scheme, no leading slash), optional query.
_PAGE = re.compile(r"^[A-Za-z0-9_\-]+(?:/[A-Za-z0-9_\-.]+)*(?:\?[^\s#]*)?$")
_STATES = frozenset({"developer", "trial", "formal"})
_LANGS = frozenset({"zh_CN", "en_US", "zh_HK", "zh_TW"})


class ApiError(Exception):
    """A WeChat-shaped failure; the HTTP layer answers ``{"errcode", "errmsg"}``."""

    def __init__(self, errcode: int, detail: str | None = None) -> None:
        base = ERRMSGS.get(errcode, "error")
        message = f"{base} {detail}" if detail else base
        # WeChat appends a request id to every errmsg; parsers must cope with it.
        self.errmsg = f"{message} rid: {secrets.token_hex(4)}-{secrets.token_hex(4)}"
        self.errcode = errcode
        super().__init__(errcode, self.errmsg)


@dataclass(frozen=True)
class Template:
    """A subscribe-message template of the emulated mini-program."""

    template_id: str
    title: str
    keywords: tuple[str, ...]
    kind: TemplateKind = "one_time"
    #: Human labels of the keywords (政策名称...), for people browsing the emulator.
    labels: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON form for the control API."""
        return {
            "template_id": self.template_id,
            "title": self.title,
            "keywords": list(self.keywords),
            "labels": list(self.labels),
            "kind": self.kind,
        }


DEFAULT_TEMPLATES: tuple[Template, ...] = (
    Template(
        POLICY_PUSH_TEMPLATE_ID,
        "政策推送",
        ("thing1", "thing2", "date3", "thing4"),
        "one_time",
        ("政策名称", "发文机关", "发布日期", "温馨提示"),
    ),
    Template(
        COMPLAINT_PROGRESS_TEMPLATE_ID,
        "投诉进度",
        ("character_string1", "phrase2", "thing3", "time4"),
        "one_time",
        ("工单编号", "办理状态", "处理意见", "更新时间"),
    ),
    Template(
        WARNING_TEMPLATE_ID,
        "预警通知",
        ("thing1", "thing2", "time3"),
        "long_term",
        ("预警类型", "预警内容", "发布时间"),
    ),
)


@dataclass
class Faults:
    """Injected failures for WeChat API paths (never for ``/_emulator``)."""

    error_rate: float = 0.0
    errcode: int = -1
    errmsg: str | None = None
    latency_ms: int = 0
    paths: frozenset[str] | None = None
    #: Inject at most this many errors, then stop (``None``: no limit).
    times: int | None = None
    http_status: int = 200
    #: When set, each injected error uses one of these codes at random (e.g. -1 and 45009).
    errcodes: tuple[int, ...] | None = None

    def applies_to(self, path: str) -> bool:
        """Whether this fault configuration covers ``path``."""
        return self.paths is None or path in self.paths

    def as_dict(self) -> dict[str, Any]:
        """JSON form for the control API."""
        return {
            "error_rate": self.error_rate,
            "errcode": self.errcode,
            "errmsg": self.errmsg,
            "latency_ms": self.latency_ms,
            "paths": None if self.paths is None else sorted(self.paths),
            "times": self.times,
            "http_status": self.http_status,
            "errcodes": None if self.errcodes is None else list(self.errcodes),
        }


@dataclass
class _Code:
    value: str
    expires_at: float
    used: bool = False


@dataclass
class _Token:
    expires_at: float
    revoked: bool = False


@dataclass
class _Message:
    touser: str
    template_id: str
    page: str | None
    data: dict[str, Any]
    miniprogram_state: str
    lang: str
    msgid: int
    sent_at: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "touser": self.touser,
            "template_id": self.template_id,
            "page": self.page,
            "data": self.data,
            "miniprogram_state": self.miniprogram_state,
            "lang": self.lang,
            "msgid": self.msgid,
            "sent_at": int(self.sent_at),
        }


def _new_openid() -> str:
    # Real openids are 28 characters starting with "o".
    return "o" + secrets.token_urlsafe(20)[:27]


def _str(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    return value if isinstance(value, str) else ""


@dataclass
class EmulatorState:
    """All mutable emulator state; :meth:`reset` returns to ``startup`` settings."""

    startup: EmulatorSettings
    settings: EmulatorSettings = field(init=False)
    clock_offset: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        self.reset()

    # -- housekeeping -----------------------------------------------------------

    def reset(self) -> None:
        """Forget everything and go back to the start-up settings and templates."""
        self.settings = self.startup
        self.clock_offset = 0.0
        self.login_codes: dict[str, _Code] = {}
        self.phone_codes: dict[str, _Code] = {}
        self.phones: dict[str, tuple[str, str]] = {}  # code -> (pure number, country code)
        self.known_openids: set[str] = set()
        self.unionids: dict[str, str] = {}
        self.last_active: dict[str, float] = {}
        self.tokens: dict[str, _Token] = {}
        self.stable_token: str | None = None
        self.legacy_token: str | None = None
        self.token_serial = 0
        self.force_refreshes: dict[str, int] = {}
        self.templates: dict[str, Template] = {t.template_id: t for t in DEFAULT_TEMPLATES}
        self.credits: dict[tuple[str, str], int] = {}
        self.rejected: set[tuple[str, str]] = set()
        self.messages: list[_Message] = []
        self.next_msgid = 3_000_000_001
        self.risky_words: list[str] = list(DEFAULT_RISKY_WORDS)
        self.review_words: list[str] = list(DEFAULT_REVIEW_WORDS)
        self.faults = Faults()
        self.rng = random.Random(0)
        self.calls: dict[str, int] = {}

    def now(self) -> float:
        """The emulated wall clock (real time plus ``POST /_emulator/clock`` advances)."""
        return time.time() + self.clock_offset

    def configure(self, changes: dict[str, Any]) -> EmulatorSettings:
        """Change run-time settings (until the next reset); ValueError if invalid."""
        unknown = set(changes) - set(_CONFIGURABLE)
        if unknown:
            raise ValueError(f"unknown or read-only settings: {sorted(unknown)}")
        for key, value in changes.items():
            kind = _CONFIGURABLE[key]
            if value is None:
                if key not in _NULLABLE:
                    raise ValueError(f"{key} cannot be null")
            elif kind is str:
                if not isinstance(value, str):
                    raise ValueError(f"{key} must be a string")
            elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{key} must be a number >= 0")
        aes_key = changes.get("callback_aes_key")
        if aes_key is not None:
            try:
                valid = len(base64.b64decode(aes_key + "=", validate=True)) == 32
            except ValueError:
                valid = False
            if not valid:
                raise ValueError("callback_aes_key must be 43 characters of base64")
        if "token_ttl" in changes:
            changes = {**changes, "token_ttl": int(changes["token_ttl"])}
        self.settings = replace(self.settings, **changes)
        return self.settings

    def remember(self, openid: str) -> None:
        """Make ``openid`` a user of this mini-program (valid for 40003 checks)."""
        self.known_openids.add(openid)

    def add_users(self, openids: list[str], grants: dict[str, int]) -> int:
        """Make many openids users at once, each with ``grants`` (template → credits)."""
        for template_id in grants:
            if template_id not in self.templates:
                raise ValueError(f"unknown template_id {template_id!r}")
        for openid in openids:
            self.known_openids.add(openid)
            for template_id, count in grants.items():
                key = (openid, template_id)
                self.credits[key] = max(0, self.credits.get(key, 0) + count)
        return len(self.known_openids)

    def deliveries(self) -> dict[str, Any]:
        """Messages counted per ``push_id`` found in their page (to spot double sends)."""
        per_push: dict[str, int] = {}
        without = 0
        for message in self.messages:
            match = re.search(r"[?&]push_id=(\d+)", message.page or "")
            if match is None:
                without += 1
                continue
            per_push[match.group(1)] = per_push.get(match.group(1), 0) + 1
        duplicates = {k: n for k, n in per_push.items() if n > 1}
        return {
            "messages": len(self.messages),
            "distinct_pushes": len(per_push),
            "without_push_id": without,
            "duplicates": duplicates,
        }

    def record_call(self, path: str) -> None:
        """Count one call to a WeChat API path (for ``GET /_emulator/stats``)."""
        self.calls[path] = self.calls.get(path, 0) + 1

    def pick_fault(self, path: str) -> tuple[float, ApiError | None, int]:
        """Latency (s), the error to inject (if any) and its HTTP status for ``path``."""
        faults = self.faults
        if not faults.applies_to(path):
            return 0.0, None, 200
        latency = faults.latency_ms / 1000
        if faults.times is not None and faults.times <= 0:
            return latency, None, 200
        # rng.random() < 1.0 always holds, so error_rate 1.0 fails every call.
        if faults.error_rate <= 0 or self.rng.random() >= faults.error_rate:
            return latency, None, 200
        if faults.times is not None:
            faults.times -= 1
        errcode = self.rng.choice(faults.errcodes) if faults.errcodes else faults.errcode
        error = ApiError(errcode)
        if faults.errmsg:
            error.errmsg = faults.errmsg
        return latency, error, faults.http_status

    # -- credentials and tokens ---------------------------------------------------

    def _check_app(self, appid: str, secret: str) -> None:
        if not appid:
            raise ApiError(41002)
        if appid != self.settings.appid:
            raise ApiError(40013)
        if not secret:
            raise ApiError(41004)
        if not secrets.compare_digest(secret, self.settings.secret):
            raise ApiError(40125)

    def _mint_token(self, now: float) -> str:
        self.token_serial += 1
        token = f"{self.token_serial}_{secrets.token_urlsafe(48)}"
        self.tokens[token] = _Token(expires_at=now + self.settings.token_ttl)
        return token

    def _usable(self, token: str | None, now: float) -> _Token | None:
        record = self.tokens.get(token) if token else None
        if record is None or record.revoked or record.expires_at <= now:
            return None
        return record

    def get_stable_token(self, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /cgi-bin/stable_token``: the shared token, rotated only when needed."""
        if _str(body, "grant_type") != "client_credential":
            raise ApiError(40002)
        self._check_app(_str(body, "appid"), _str(body, "secret"))
        force = body.get("force_refresh") in (True, "true", 1)
        now = self.now()
        if force:
            day = datetime.fromtimestamp(now, UTC).date().isoformat()
            used = self.force_refreshes.get(day, 0)
            if used >= self.settings.force_refresh_daily_limit:
                raise ApiError(45009)
            self.force_refreshes[day] = used + 1
            current = self.tokens.get(self.stable_token or "")
            if current is not None:
                current.revoked = True
        current = self._usable(self.stable_token, now)
        if current is None or current.expires_at - now <= self.settings.renew_window:
            # Like WeChat, a token close to expiry is replaced by a plain call
            # while the old one stays valid until it runs out.
            self.stable_token = self._mint_token(now)
            current = self.tokens[self.stable_token]
        return {
            "access_token": self.stable_token,
            "expires_in": int(current.expires_at - now),
        }

    def get_legacy_token(self, args: dict[str, str]) -> dict[str, Any]:
        """``GET /cgi-bin/token``: a new token per call; the previous one lives 5 more minutes."""
        if args.get("grant_type", "") != "client_credential":
            raise ApiError(40002)
        self._check_app(args.get("appid", ""), args.get("secret", ""))
        now = self.now()
        previous = self._usable(self.legacy_token, now)
        if previous is not None:
            previous.expires_at = min(previous.expires_at, now + 300)
        self.legacy_token = self._mint_token(now)
        return {"access_token": self.legacy_token, "expires_in": self.settings.token_ttl}

    def invalidate_tokens(self) -> int:
        """Revoke every token (calls with them now get 40001); returns how many."""
        count = 0
        for record in self.tokens.values():
            if not record.revoked:
                record.revoked = True
                count += 1
        return count

    def check_token(self, token: str | None) -> None:
        """Raise the WeChat error for a missing, malformed, revoked or expired token."""
        if not token:
            raise ApiError(41001)
        if not _TOKEN_SHAPE.match(token):
            raise ApiError(40014)
        record = self.tokens.get(token)
        if record is None or record.revoked:
            raise ApiError(40001)
        if record.expires_at <= self.now():
            raise ApiError(42001)

    # -- login ------------------------------------------------------------------

    def mint_login_code(
        self, openid: str | None, unionid: str | None, expires_in: float | None
    ) -> dict[str, Any]:
        """A ``wx.login`` code for ``openid`` (a new openid when omitted)."""
        openid = openid or _new_openid()
        ttl = self.settings.login_code_ttl if expires_in is None else expires_in
        code = secrets.token_urlsafe(24)
        self.login_codes[code] = _Code(openid, self.now() + ttl)
        self.remember(openid)
        if unionid:
            self.unionids[openid] = unionid
        return {"code": code, "openid": openid, "unionid": unionid, "expires_in": ttl}

    def code2session(self, args: dict[str, str]) -> dict[str, Any]:
        """``GET /sns/jscode2session``: exchange a login code once."""
        self._check_app(args.get("appid", ""), args.get("secret", ""))
        if args.get("grant_type", "") != "authorization_code":
            raise ApiError(40002)
        js_code = args.get("js_code", "")
        if not js_code:
            raise ApiError(41008)
        record = self.login_codes.get(js_code)
        if record is None or record.expires_at <= self.now():
            raise ApiError(40029)
        if record.used:
            raise ApiError(40163)
        record.used = True
        openid = record.value
        self.last_active[openid] = self.now()
        result: dict[str, Any] = {
            "openid": openid,
            "session_key": base64.b64encode(secrets.token_bytes(16)).decode(),
        }
        if openid in self.unionids:
            result["unionid"] = self.unionids[openid]
        return result

    # -- phone numbers ------------------------------------------------------------

    def mint_phone_code(
        self, phone: str, country_code: str, expires_in: float | None
    ) -> dict[str, Any]:
        """A ``getPhoneNumber`` button code that resolves to ``phone`` once."""
        ttl = self.settings.phone_code_ttl if expires_in is None else expires_in
        code = secrets.token_hex(32)
        self.phone_codes[code] = _Code(code, self.now() + ttl)
        self.phones[code] = (phone, country_code)
        return {"code": code, "expires_in": ttl}

    def phone_number(self, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /wxa/business/getuserphonenumber``."""
        code = _str(body, "code")
        if not code:
            raise ApiError(41008)
        record = self.phone_codes.get(code)
        if record is None or record.used or record.expires_at <= self.now():
            raise ApiError(40029)
        record.used = True
        pure, country = self.phones[code]
        return {
            "phone_info": {
                # WeChat only prefixes foreign numbers with their country code.
                "phoneNumber": pure if country == "86" else f"+{country}{pure}",
                "purePhoneNumber": pure,
                "countryCode": country,
                "watermark": {"timestamp": int(self.now()), "appid": self.settings.appid},
            }
        }

    # -- templates, credits, messages ---------------------------------------------

    def register_template(
        self, template_id: str, title: str, keywords: list[str], kind: str
    ) -> Template:
        """Add or replace a template (``POST /_emulator/templates``)."""
        if not template_id or not keywords:
            raise ValueError("template_id and keywords are required")
        bad = [k for k in keywords if not KEYWORD_PATTERN.match(k)]
        if bad:
            raise ValueError(f"keywords must look like thing1, time2...: {bad}")
        if kind not in ("one_time", "long_term"):
            raise ValueError("kind must be one_time or long_term")
        template = Template(template_id, title, tuple(keywords), kind)  # type: ignore[arg-type]
        self.templates[template_id] = template
        return template

    def grant(self, openid: str, template_id: str, count: int) -> int:
        """Give ``openid`` ``count`` more one-time credits for a template."""
        if template_id not in self.templates:
            raise ValueError(f"unknown template_id {template_id!r}")
        self.remember(openid)
        key = (openid, template_id)
        self.credits[key] = max(0, self.credits.get(key, 0) + count)
        return self.credits[key]

    def set_subscription(self, openid: str, template_id: str, status: str) -> None:
        """A settings-page choice: ``reject`` blocks sends (43101) until ``accept``."""
        self.remember(openid)
        if status == "reject":
            self.rejected.add((openid, template_id))
        else:
            self.rejected.discard((openid, template_id))

    def send_subscribe_message(self, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /cgi-bin/message/subscribe/send``, checked the way WeChat checks it."""
        template_id = _str(body, "template_id")
        template = self.templates.get(template_id)
        if template is None:
            raise ApiError(40037)
        touser = _str(body, "touser")
        if touser not in self.known_openids:
            raise ApiError(40003)
        page = body.get("page")
        if page not in (None, "") and not (isinstance(page, str) and _PAGE.match(page)):
            raise ApiError(41030)
        state = body.get("miniprogram_state") or "formal"
        if state not in _STATES:
            raise ApiError(40097, "miniprogram_state must be developer, trial or formal")
        lang = body.get("lang") or "zh_CN"
        if lang not in _LANGS:
            raise ApiError(40097, "lang must be zh_CN, en_US, zh_HK or zh_TW")
        data = body.get("data")
        if not isinstance(data, dict):
            raise ApiError(47001, "data must be an object")
        for keyword in template.keywords:
            entry = data.get(keyword)
            value = entry.get("value") if isinstance(entry, dict) else None
            reason = "is empty" if value is None else validate_value(keyword, value)
            if reason:
                raise ApiError(47003, f"data.{keyword}.value {reason}")
        key = (touser, template_id)
        if key in self.rejected:
            raise ApiError(43101)
        if template.kind == "one_time":
            if self.credits.get(key, 0) <= 0:
                raise ApiError(43101)
            self.credits[key] -= 1
        message = _Message(
            touser=touser,
            template_id=template_id,
            page=page if isinstance(page, str) and page else None,
            data=data,
            miniprogram_state=str(state),
            lang=str(lang),
            msgid=self.next_msgid,
            sent_at=self.now(),
        )
        self.next_msgid += 1
        self.messages.append(message)
        return {"msgid": message.msgid}

    # -- content security ---------------------------------------------------------

    def msg_sec_check(self, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /wxa/msg_sec_check`` version 2 with a keyword list instead of a model.

        Error choices: version other than 2 → 40097; scene outside 1–4 → 40129;
        empty content → 44002; over 2,500 characters → 47001 (WeChat documents the
        limit but not a dedicated code; 47001 is its "bad argument format"); openid
        never seen → 40003; no login within ``active_window`` → 61010, whose real
        errmsg is the odd "code is expired".
        """
        if body.get("version") not in (2, "2"):
            raise ApiError(40097, "only version 2 is emulated")
        if body.get("scene") not in (1, 2, 3, 4, "1", "2", "3", "4"):
            raise ApiError(40129)
        content = _str(body, "content")
        if not content:
            raise ApiError(44002, "content is empty")
        if len(content) > 2500:
            raise ApiError(47001, "content is longer than 2500 characters")
        openid = _str(body, "openid")
        if openid not in self.known_openids:
            raise ApiError(40003)
        if self.now() - self.last_active.get(openid, float("-inf")) > self.settings.active_window:
            raise ApiError(61010)
        text = "\n".join(
            _str(body, k) for k in ("title", "nickname", "signature", "content") if _str(body, k)
        )
        suggest, label = "pass", PASS_LABEL
        detail: list[dict[str, Any]] = []
        for words, verdict, verdict_label, level in (
            (self.risky_words, "risky", RISKY_LABEL, 90),
            (self.review_words, "review", REVIEW_LABEL, 60),
        ):
            for word in words:
                if word and word in text:
                    detail.append(
                        {
                            "strategy": "keyword",
                            "errcode": 0,
                            "suggest": verdict,
                            "label": verdict_label,
                            "level": level,
                            "keyword": word,
                        }
                    )
                    if suggest == "pass" or (suggest == "review" and verdict == "risky"):
                        suggest, label = verdict, verdict_label
        detail.insert(
            0,
            {
                "strategy": "content_model",
                "errcode": 0,
                "suggest": suggest,
                "label": label,
                "prob": 90 if suggest != "pass" else 0,
            },
        )
        return {
            "result": {"suggest": suggest, "label": label},
            "detail": detail,
            "trace_id": f"{secrets.token_hex(4)}-{secrets.token_hex(4)}-{secrets.token_hex(4)}",
        }
