"""The one place that talks to WeChat's server APIs.

* Async (aiohttp: a push worker keeps a hundred sends in flight, and httpx's pool
  managed a few hundred requests per second where aiohttp manages thousands — see
  docs/push.md), every request bounded by ``timeout``; network trouble becomes
  :class:`~server.wechat.errors.WeChatUnavailable` (retryable).
* One access token for the whole deployment, kept in Redis: WeChat's
  ``stable_token`` is meant to be shared, and every extra refresh by another
  process can rotate the token under everybody else's feet. A Redis lock makes
  sure only one process refreshes at a time; the others poll Redis briefly.
* WeChat errors become typed exceptions (see :mod:`server.wechat.errors`); a
  call rejected for its token (40001/42001/40014) is retried exactly once with
  a refreshed token.
* Nothing secret is logged: not the token, session keys or phone numbers; the
  debug line per call names the path only (query strings carry the token).
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import aiohttp
import redis.asyncio as aioredis
from yarl import URL

from server.wechat.errors import (
    AccessTokenInvalid,
    RateLimited,
    WeChatError,
    WeChatUnavailable,
    error_from_response,
)

__all__ = ["ContentCheckResult", "PhoneNumber", "SessionInfo", "WeChatGateway"]

logger = logging.getLogger("zwgk.wechat")

DEFAULT_BASE_URL: Final = "https://api.weixin.qq.com"

# Compare-and-delete: release the lock only if we still own it (it may have
# expired and been taken by another process meanwhile).
_RELEASE_LOCK = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""

#: How long a process trusts the token it last read from Redis without asking again.
TOKEN_MEMO_SECONDS: Final = 1.0

#: Errors worth a warning even though retrying does not help: misconfiguration.
_LOUD = frozenset({40013, 40125, 40164, 48001, 61024})


@dataclass(frozen=True)
class SessionInfo:
    """The result of ``jscode2session``. ``session_key`` is kept out of ``repr``."""

    openid: str
    session_key: str = field(repr=False)
    unionid: str | None = None


@dataclass(frozen=True)
class ContentCheckResult:
    """A ``msg_sec_check`` v2 verdict: ``suggest`` is ``pass``, ``review`` or ``risky``."""

    suggest: str
    label: int
    trace_id: str | None = None
    detail: tuple[Mapping[str, Any], ...] = field(default=(), repr=False)

    @property
    def passed(self) -> bool:
        """Whether the content may be published without review."""
        return self.suggest == "pass"


@dataclass(frozen=True)
class PhoneNumber:
    """A user's phone number; ``repr`` masks it so it cannot leak into logs."""

    phone_number: str = field(repr=False)
    pure_phone_number: str = field(repr=False)
    country_code: str

    def __repr__(self) -> str:
        masked = self.pure_phone_number[:3] + "****" + self.pure_phone_number[-4:]
        return f"PhoneNumber(pure_phone_number={masked!r}, country_code={self.country_code!r})"


@dataclass(frozen=True)
class _CachedToken:
    token: str
    expires_at: float
    refresh_after: float

    def dumps(self) -> str:
        return json.dumps(
            {
                "token": self.token,
                "expires_at": self.expires_at,
                "refresh_after": self.refresh_after,
            }
        )

    @classmethod
    def loads(cls, raw: bytes | str) -> _CachedToken | None:
        try:
            data = json.loads(raw)
            return cls(str(data["token"]), float(data["expires_at"]), float(data["refresh_after"]))
        except (ValueError, KeyError, TypeError):
            return None


class WeChatGateway:
    """Async client for the WeChat mini-program server APIs (or the emulator).

    ``refresh_ahead`` is how long before expiry the token is renewed;
    ``min_refresh_interval`` stops a process from asking again and again when
    WeChat keeps returning the same soon-to-expire token. ``poll_interval`` is
    how often processes waiting for another's refresh look at Redis.
    """

    def __init__(
        self,
        *,
        base_url: str,
        appid: str,
        secret: str,
        redis: aioredis.Redis,
        timeout: float = 5.0,
        refresh_ahead: float = 300.0,
        min_refresh_interval: float = 30.0,
        poll_interval: float = 0.05,
        max_connections: int = 100,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._appid = appid
        self._secret = secret
        self._redis = redis
        self._timeout = timeout
        self._max_connections = max_connections
        # Made on first use: an aiohttp session belongs to the running event loop, and
        # gateways are built before one runs (app factory, worker settings).
        self._http: aiohttp.ClientSession | None = None
        self._memo: _CachedToken | None = None
        self._token_urls: dict[tuple[str, str], URL] = {}
        self._memo_until = 0.0
        self._refresh_ahead = refresh_ahead
        self._min_refresh_interval = min_refresh_interval
        self._poll_interval = poll_interval
        self._token_key = f"zwgk:wechat:{appid}:access_token"
        self._lock_key = f"zwgk:wechat:{appid}:access_token:lock"
        # Long enough for a refresh (a forced call plus a fallback call), short
        # enough that a crashed holder does not stall everybody for long.
        self._lock_ttl = 2 * timeout + 1.0
        self._release_lock = redis.register_script(_RELEASE_LOCK)

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        if self._http is not None:
            await self._http.close()
            self._http = None

    # -- HTTP ---------------------------------------------------------------------

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(
                # Pushes keep many sends in flight: the pool holds them all, kept alive.
                connector=aiohttp.TCPConnector(limit=self._max_connections),
                timeout=aiohttp.ClientTimeout(total=self._timeout),
                # WeChat's answers are JSON; we parse them ourselves.
                raise_for_status=False,
                # Government networks often reach the internet through a proxy:
                # HTTPS_PROXY / NO_PROXY are honoured (as httpx did before).
                trust_env=True,
            )
        return self._http

    def _url(self, path: str, params: Mapping[str, str] | None) -> URL:
        """The call's URL; the token URLs a push worker repeats thousands of times a
        second are built once (yarl's query encoding is a visible cost per send)."""
        if params is None or params.keys() != {"access_token"}:
            return URL(f"{self._base_url}{path}").with_query(params or {})
        key = (path, params["access_token"])
        url = self._token_urls.get(key)
        if url is None:
            if len(self._token_urls) > 32:  # old tokens: drop them all
                self._token_urls.clear()
            url = self._token_urls[key] = URL(f"{self._base_url}{path}").with_query(params)
        return url

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One HTTP call; WeChat's errcode becomes a typed exception."""
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json; charset=utf-8"} if content else None
        started = time.perf_counter()
        try:
            # The session's total timeout bounds the whole call: waiting for a pooled
            # connection, connecting, sending and reading (slow drips included).
            async with self._session().request(
                method,
                self._url(path, params),
                data=content,
                headers=headers,
            ) as response:
                status = response.status
                raw = await response.read()
        except TimeoutError as exc:
            # The message names the path only: the URL carries the token.
            raise WeChatUnavailable(f"timed out calling {path}") from exc
        except aiohttp.ClientError as exc:
            raise WeChatUnavailable(f"{type(exc).__name__} calling {path}") from exc
        logger.debug(
            "wechat %s %s -> %s in %.1f ms",
            method,
            path,
            status,
            (time.perf_counter() - started) * 1000,
        )
        if status != 200:
            raise WeChatUnavailable(f"HTTP {status} from {path}")
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise WeChatUnavailable(f"non-JSON answer from {path}") from exc
        if not isinstance(data, dict):
            raise WeChatUnavailable(f"unexpected answer from {path}")
        errcode = data.get("errcode") or 0
        if errcode != 0:
            error = error_from_response(int(errcode), str(data.get("errmsg", "")))
            # 43101, 47003... are everyday outcomes for callers to handle; only
            # outages and configuration problems deserve a warning.
            level = logging.WARNING if error.retryable or error.errcode in _LOUD else logging.INFO
            logger.log(level, "wechat %s failed: %s", path, error)
            raise error
        return data

    async def _with_token(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST ``body`` to a token-authenticated API, retrying once on a bad token."""
        token = await self.access_token()
        try:
            return await self._request("POST", path, params={"access_token": token}, body=body)
        except AccessTokenInvalid as exc:
            logger.info("wechat %s rejected the access token (%s); refreshing", path, exc.errcode)
            token = await self._refresh(failed_token=token)
            return await self._request("POST", path, params={"access_token": token}, body=body)

    # -- access token ---------------------------------------------------------------

    async def access_token(self) -> str:
        """The shared access token, refreshed (by one process only) when due."""
        memo = self._memo
        now = time.monotonic()
        if memo is not None and now < self._memo_until and time.time() < memo.refresh_after:
            return memo.token
        cached = await self._load_token()
        if cached is not None and time.time() < cached.refresh_after:
            return cached.token
        return await self._refresh(failed_token=None)

    async def _load_token(self) -> _CachedToken | None:
        raw = await self._redis.get(self._token_key)
        cached = None if raw is None else _CachedToken.loads(raw)
        # Kept in memory for a moment: a push worker sending thousands per second would
        # otherwise ask Redis once per send. A token another process replaced meanwhile
        # is answered 40001 and re-read (``_with_token``), so staleness costs one retry.
        self._memo = cached
        self._memo_until = time.monotonic() + TOKEN_MEMO_SECONDS
        return cached

    async def _refresh(self, *, failed_token: str | None) -> str:
        """Get a fresh token, or wait for the process that is already getting one.

        ``failed_token`` is the token WeChat just rejected: a forced refresh is
        only done if Redis still holds it; otherwise someone already replaced it.
        """
        deadline = time.monotonic() + self._lock_ttl + self._timeout
        while True:
            lock_id = secrets.token_hex(16)
            acquired = await self._redis.set(
                self._lock_key, lock_id, nx=True, px=int(self._lock_ttl * 1000)
            )
            if acquired:
                try:
                    current = await self._load_token()
                    if current is not None:
                        if failed_token is not None and current.token != failed_token:
                            return current.token
                        if failed_token is None and time.time() < current.refresh_after:
                            return current.token  # refreshed while we queued for the lock
                    try:
                        return await self._fetch_and_store(
                            force=failed_token is not None, previous=current
                        )
                    except WeChatError:
                        if failed_token is not None or current is None:
                            raise
                        # An early refresh failed, but the current token is
                        # still valid (Redis drops it at expiry): keep using it.
                        logger.warning("wechat early token refresh failed; using current token")
                        return current.token
                finally:
                    await self._release_lock(keys=[self._lock_key], args=[lock_id])
            current = await self._load_token()
            # Another process is refreshing. A still-valid token (Redis drops it
            # at expiry) that is not the rejected one is good enough meanwhile.
            if current is not None and current.token != failed_token:
                return current.token
            if time.monotonic() > deadline:
                raise WeChatUnavailable("timed out waiting for the access token refresh")
            await asyncio.sleep(self._poll_interval)

    async def _fetch_and_store(self, *, force: bool, previous: _CachedToken | None) -> str:
        try:
            token, expires_in = await self._fetch_stable_token(force=force)
        except RateLimited:
            if not force:
                raise
            # force_refresh is limited (20/day); a plain call still returns a
            # new token when the current one is no longer valid.
            logger.warning("wechat force_refresh quota exhausted; trying a plain refresh")
            token, expires_in = await self._fetch_stable_token(force=False)
        now = time.time()
        expires_at = now + expires_in
        refresh_after = expires_at - self._refresh_ahead
        if previous is not None and previous.token == token:
            # WeChat handed back the token we already had: asking again at once
            # would only get it again, so wait a little (never past expiry).
            refresh_after = max(refresh_after, min(now + self._min_refresh_interval, expires_at))
        cached = _CachedToken(token, expires_at, refresh_after)
        await self._redis.set(self._token_key, cached.dumps(), px=max(1, int(expires_in * 1000)))
        self._memo, self._memo_until = cached, time.monotonic() + TOKEN_MEMO_SECONDS
        logger.info("wechat access token refreshed (force=%s, expires_in=%s)", force, expires_in)
        return token

    async def _fetch_stable_token(self, *, force: bool) -> tuple[str, int]:
        data = await self._request(
            "POST",
            "/cgi-bin/stable_token",
            body={
                "grant_type": "client_credential",
                "appid": self._appid,
                "secret": self._secret,
                "force_refresh": force,
            },
        )
        token = data.get("access_token")
        expires_in = data.get("expires_in")
        if not isinstance(token, str) or not token or not isinstance(expires_in, int):
            raise WeChatUnavailable("malformed stable_token answer")
        return token, expires_in

    # -- APIs -----------------------------------------------------------------------

    async def code2session(self, code: str) -> SessionInfo:
        """Exchange a ``wx.login`` code (single use, ~5 minutes) for the user's ids.

        Raises :class:`~server.wechat.errors.InvalidLoginCode` for unknown,
        expired or already used codes.
        """
        data = await self._request(
            "GET",
            "/sns/jscode2session",
            params={
                "appid": self._appid,
                "secret": self._secret,
                "js_code": code,
                "grant_type": "authorization_code",
            },
        )
        openid, session_key = data.get("openid"), data.get("session_key")
        if not isinstance(openid, str) or not isinstance(session_key, str):
            raise WeChatUnavailable("malformed jscode2session answer")
        unionid = data.get("unionid")
        return SessionInfo(openid, session_key, unionid if isinstance(unionid, str) else None)

    async def send_subscribe_message(
        self,
        *,
        touser: str,
        template_id: str,
        data: Mapping[str, str],
        page: str | None = None,
        miniprogram_state: str = "formal",
        lang: str = "zh_CN",
    ) -> str | None:
        """Send a subscribe message; ``data`` maps keywords to values (``{"thing1": "..."}``).

        Returns WeChat's ``msgid`` (as text) when it gives one.

        Raises :class:`~server.wechat.errors.NoSubscriptionCredit` (43101),
        :class:`~server.wechat.errors.InvalidTemplateData` (47003, with ``field``)
        and the other typed errors.
        """
        body: dict[str, Any] = {
            "touser": touser,
            "template_id": template_id,
            "data": {key: {"value": value} for key, value in data.items()},
            "miniprogram_state": miniprogram_state,
            "lang": lang,
        }
        if page:
            body["page"] = page
        answer = await self._with_token("/cgi-bin/message/subscribe/send", body)
        msgid = answer.get("msgid")
        return None if msgid is None else str(msgid)

    async def msg_sec_check(
        self, *, content: str, openid: str, scene: int, title: str | None = None
    ) -> ContentCheckResult:
        """Content-safety check (v2). ``openid`` must have used the mini-program recently.

        ``scene``: 1 profile, 2 comment, 3 forum, 4 social log.
        """
        body: dict[str, Any] = {"content": content, "version": 2, "scene": scene, "openid": openid}
        if title:
            body["title"] = title
        data = await self._with_token("/wxa/msg_sec_check", body)
        result = data.get("result")
        if not isinstance(result, dict) or not isinstance(result.get("suggest"), str):
            raise WeChatUnavailable("malformed msg_sec_check answer")
        detail = data.get("detail")
        trace_id = data.get("trace_id")
        return ContentCheckResult(
            suggest=result["suggest"],
            label=int(result.get("label") or 0),
            trace_id=trace_id if isinstance(trace_id, str) else None,
            detail=tuple(d for d in detail if isinstance(d, Mapping))
            if isinstance(detail, list)
            else (),
        )

    async def get_user_phone_number(self, code: str) -> PhoneNumber:
        """Resolve a ``getPhoneNumber`` button code (single use) to the phone number."""
        data = await self._with_token("/wxa/business/getuserphonenumber", {"code": code})
        info = data.get("phone_info")
        if not isinstance(info, dict):
            raise WeChatUnavailable("malformed getuserphonenumber answer")
        return PhoneNumber(
            phone_number=str(info.get("phoneNumber", "")),
            pure_phone_number=str(info.get("purePhoneNumber", "")),
            country_code=str(info.get("countryCode", "")),
        )
