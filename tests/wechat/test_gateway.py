"""The WeChat gateway against the real emulator over HTTP and a real Redis."""

from __future__ import annotations

import asyncio
import logging
import pickle
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from server.wechat import (
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
    WeChatGateway,
    WeChatUnavailable,
    error_from_response,
)
from server.wechat.emulator import (
    COMPLAINT_PROGRESS_TEMPLATE_ID,
    DEFAULT_APPID,
    DEFAULT_SECRET,
    POLICY_PUSH_TEMPLATE_ID,
    WARNING_TEMPLATE_ID,
)
from tests.helpers import running_emulator

STABLE = "/cgi-bin/stable_token"
SEND = "/cgi-bin/message/subscribe/send"
TOKEN_KEY = f"zwgk:wechat:{DEFAULT_APPID}:access_token"
LOCK_KEY = f"{TOKEN_KEY}:lock"

POLICY = {
    "thing1": "关于促进民营经济发展的若干措施",
    "thing2": "县人民政府办公室",
    "date3": "2024年5月20日",
    "thing4": "点击查看政策原文和解读",
}

MakeGateway = Callable[..., Awaitable[WeChatGateway]]


async def calls(ctl: httpx.AsyncClient, path: str) -> int:
    stats = (await ctl.get("/_emulator/stats")).json()
    return int(stats["calls"].get(path, 0))


async def control(ctl: httpx.AsyncClient, path: str, **body: Any) -> Any:
    response = await ctl.post(path, json=body)
    response.raise_for_status()
    return response.json()


async def mint_code(ctl: httpx.AsyncClient, openid: str, **extra: str) -> str:
    return str((await control(ctl, "/_emulator/login-codes", openid=openid, **extra))["code"])


async def grant(ctl: httpx.AsyncClient, openid: str, template_id: str, count: int = 1) -> None:
    await control(ctl, "/_emulator/grants", openid=openid, template_id=template_id, count=count)


async def messages(ctl: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = (await ctl.get("/_emulator/messages", params=params)).json()
    return result


def _gateway_factory(
    base_url: str, redis_url: str
) -> tuple[MakeGateway, Callable[[], Awaitable[None]]]:
    """Gateways that each own an HTTP client and a Redis connection, like processes."""
    created: list[tuple[WeChatGateway, aioredis.Redis]] = []

    async def make(**overrides: Any) -> WeChatGateway:
        client = aioredis.Redis.from_url(redis_url)
        options: dict[str, Any] = {
            "base_url": base_url,
            "appid": DEFAULT_APPID,
            "secret": DEFAULT_SECRET,
            "redis": client,
            "timeout": 2.0,
            **overrides,
        }
        gateway = WeChatGateway(**options)
        created.append((gateway, client))
        return gateway

    async def close() -> None:
        for gateway, client in created:
            await gateway.aclose()
            await client.aclose()

    return make, close


@pytest.fixture
async def make_gateway(
    emulator_url: str, redis_url: str, emulator: httpx.Client, redis_client: aioredis.Redis
) -> AsyncIterator[MakeGateway]:
    make, close = _gateway_factory(emulator_url, redis_url)
    yield make
    await close()


@pytest.fixture
async def ctl(emulator: httpx.Client, emulator_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The emulator's control API, without blocking the event loop (reset by ``emulator``)."""
    async with httpx.AsyncClient(base_url=emulator_url, timeout=10) as client:
        yield client


# --- login and typed errors ------------------------------------------------------------


async def test_code2session(make_gateway: MakeGateway, ctl: httpx.AsyncClient) -> None:
    gateway = await make_gateway()
    session = await gateway.code2session(await mint_code(ctl, "o-alice", unionid="u-alice"))
    assert session.openid == "o-alice"
    assert session.unionid == "u-alice"
    assert session.session_key and session.session_key not in repr(session)
    plain = await gateway.code2session(await mint_code(ctl, "o-bob"))
    assert plain.unionid is None


async def test_login_code_errors_are_typed(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    gateway = await make_gateway()
    code = await mint_code(ctl, "o-carl")
    await gateway.code2session(code)
    with pytest.raises(InvalidLoginCode) as used:
        await gateway.code2session(code)
    assert used.value.errcode == 40163 and not used.value.retryable
    with pytest.raises(InvalidLoginCode) as unknown:
        await gateway.code2session("bogus")
    assert unknown.value.errcode == 40029


async def test_bad_credentials_are_typed(make_gateway: MakeGateway, ctl: httpx.AsyncClient) -> None:
    wrong_secret = await make_gateway(secret="wrong")
    with pytest.raises(InvalidCredential) as secret_error:
        await wrong_secret.code2session(await mint_code(ctl, "o-dora"))
    assert secret_error.value.errcode == 40125
    wrong_appid = await make_gateway(appid="wx1111111111111111")
    with pytest.raises(InvalidCredential) as appid_error:
        await wrong_appid.access_token()
    assert appid_error.value.errcode == 40013


# --- the shared access token -------------------------------------------------------------


async def test_concurrent_first_use_fetches_one_token(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient, redis_client: aioredis.Redis
) -> None:
    gateways = [await make_gateway() for _ in range(5)]
    tokens = await asyncio.gather(*(g.access_token() for g in gateways for _ in range(4)))
    assert len(set(tokens)) == 1
    assert await calls(ctl, STABLE) == 1
    # Stored once, namespaced by appid, expiring with the token; lock released.
    ttl_ms = await redis_client.pttl(TOKEN_KEY)
    assert 7_000_000 < ttl_ms <= 7_200_000
    assert await redis_client.exists(LOCK_KEY) == 0
    assert await gateways[0].access_token() == tokens[0]
    assert await calls(ctl, STABLE) == 1


async def test_invalidated_token_is_refreshed_and_retried_once(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    gateway = await make_gateway()
    await mint_code(ctl, "o-eve")
    await grant(ctl, "o-eve", POLICY_PUSH_TEMPLATE_ID)
    first = await gateway.access_token()
    await control(ctl, "/_emulator/tokens/invalidate")
    await gateway.send_subscribe_message(
        touser="o-eve", template_id=POLICY_PUSH_TEMPLATE_ID, data=POLICY
    )
    assert await calls(ctl, STABLE) == 2
    assert await calls(ctl, SEND) == 2
    assert await gateway.access_token() != first
    assert len(await messages(ctl)) == 1


async def test_refresh_after_invalidation_happens_once_across_processes(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    gateways = [await make_gateway() for _ in range(6)]
    await mint_code(ctl, "o-fay")
    await gateways[0].access_token()
    await control(ctl, "/_emulator/tokens/invalidate")
    await asyncio.gather(
        *(
            g.send_subscribe_message(
                touser="o-fay",
                template_id=WARNING_TEMPLATE_ID,
                data={"thing1": "暴雨预警", "thing2": "请注意防范", "time3": "15:01"},
            )
            for g in gateways
        )
    )
    # One initial fetch plus ONE forced refresh; the others reused the new token.
    assert await calls(ctl, STABLE) == 2
    assert 7 <= await calls(ctl, SEND) <= 12
    assert len(await messages(ctl)) == 6


async def test_token_error_is_retried_exactly_once(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    gateway = await make_gateway()
    await control(ctl, "/_emulator/faults", error_rate=1.0, errcode=40001, paths=[SEND])
    with pytest.raises(AccessTokenInvalid):
        await gateway.send_subscribe_message(
            touser="o-x", template_id=POLICY_PUSH_TEMPLATE_ID, data=POLICY
        )
    assert await calls(ctl, SEND) == 2
    assert await calls(ctl, STABLE) == 2


async def test_force_refresh_quota_falls_back_to_plain_refresh(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    await control(ctl, "/_emulator/config", force_refresh_daily_limit=0)
    await mint_code(ctl, "o-gus")
    gateway = await make_gateway()
    first = await gateway.access_token()
    await control(ctl, "/_emulator/tokens/invalidate")
    await gateway.send_subscribe_message(
        touser="o-gus",
        template_id=WARNING_TEMPLATE_ID,
        data={"thing1": "a", "thing2": "b", "time3": "10:00"},
    )
    assert await gateway.access_token() != first
    assert await calls(ctl, STABLE) == 3  # initial, forced (45009), plain


async def test_waiters_take_over_a_lock_left_by_a_crashed_process(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient, redis_client: aioredis.Redis
) -> None:
    gateway = await make_gateway(timeout=1.0)
    await redis_client.set(LOCK_KEY, "someone-who-died", px=300)
    started = time.monotonic()
    assert await gateway.access_token()
    assert 0.25 < time.monotonic() - started < 2.0
    assert await calls(ctl, STABLE) == 1


async def test_same_token_from_wechat_is_not_refetched_at_once(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    # refresh_ahead == TTL: the token is "due" as soon as it is fetched, and
    # WeChat (plain mode) keeps answering with the same token.
    gateway = await make_gateway(refresh_ahead=7200)
    first = await gateway.access_token()
    assert await gateway.access_token() == first
    assert await gateway.access_token() == first
    assert await calls(ctl, STABLE) == 2  # the second fetch saw the same token: back off


async def test_failed_early_refresh_keeps_the_valid_token(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    gateway = await make_gateway(refresh_ahead=7200)
    first = await gateway.access_token()
    await control(ctl, "/_emulator/faults", error_rate=1.0, paths=[STABLE])
    assert await gateway.access_token() == first
    assert await calls(ctl, STABLE) == 2


# --- subscribe messages, content checks, phone numbers -------------------------------------


async def test_send_subscribe_message_errors_are_typed(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    gateway = await make_gateway()
    await mint_code(ctl, "o-hal")
    await grant(ctl, "o-hal", COMPLAINT_PROGRESS_TEMPLATE_ID, count=1)
    progress = {
        "character_string1": "TS20240520001",
        "phrase2": "已受理",
        "thing3": "已转交县住建局办理",
        "time4": "2024年5月20日 09:30",
    }
    with pytest.raises(InvalidTemplateData) as bad_data:
        await gateway.send_subscribe_message(
            touser="o-hal",
            template_id=COMPLAINT_PROGRESS_TEMPLATE_ID,
            data={**progress, "phrase2": "已经受理完成了"},
        )
    assert bad_data.value.field == "phrase2"
    with pytest.raises(InvalidTemplateId):
        await gateway.send_subscribe_message(touser="o-hal", template_id="nope", data=progress)
    with pytest.raises(InvalidOpenid):
        await gateway.send_subscribe_message(
            touser="o-ghost", template_id=COMPLAINT_PROGRESS_TEMPLATE_ID, data=progress
        )
    await gateway.send_subscribe_message(
        touser="o-hal",
        template_id=COMPLAINT_PROGRESS_TEMPLATE_ID,
        data=progress,
        page="pages/complaint/detail?id=1",
        miniprogram_state="developer",
    )
    with pytest.raises(NoSubscriptionCredit) as no_credit:
        await gateway.send_subscribe_message(
            touser="o-hal", template_id=COMPLAINT_PROGRESS_TEMPLATE_ID, data=progress
        )
    assert no_credit.value.errcode == 43101 and not no_credit.value.retryable
    [message] = await messages(ctl, touser="o-hal")
    assert message["page"] == "pages/complaint/detail?id=1"
    assert message["data"]["phrase2"] == {"value": "已受理"}
    assert message["miniprogram_state"] == "developer"


async def test_msg_sec_check(make_gateway: MakeGateway, ctl: httpx.AsyncClient) -> None:
    gateway = await make_gateway()
    session = await gateway.code2session(await mint_code(ctl, "o-ida"))
    ok = await gateway.msg_sec_check(content="建议增加公交班次", openid=session.openid, scene=2)
    assert ok.passed and ok.suggest == "pass" and ok.label == 100 and ok.trace_id
    risky = await gateway.msg_sec_check(
        content="正文", openid=session.openid, scene=3, title="聚众赌博"
    )
    assert risky.suggest == "risky" and not risky.passed
    assert any(d.get("keyword") == "赌博" for d in risky.detail)
    with pytest.raises(WeChatError) as inactive:
        await gateway.msg_sec_check(content="hi", openid="o-nobody", scene=2)
    assert isinstance(inactive.value, InvalidOpenid)


async def test_get_user_phone_number(make_gateway: MakeGateway, ctl: httpx.AsyncClient) -> None:
    gateway = await make_gateway()
    code = (await control(ctl, "/_emulator/phone-codes", phone="13800138000"))["code"]
    phone = await gateway.get_user_phone_number(code)
    assert phone.phone_number == phone.pure_phone_number == "13800138000"
    assert phone.country_code == "86"
    assert "13800138000" not in repr(phone)
    with pytest.raises(InvalidLoginCode):
        await gateway.get_user_phone_number(code)


async def test_secrets_stay_out_of_logs(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    gateway = await make_gateway()
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="zwgk.wechat")
    session = await gateway.code2session(await mint_code(ctl, "o-jo"))
    code = (await control(ctl, "/_emulator/phone-codes", phone="13912345678"))["code"]
    await gateway.get_user_phone_number(code)
    token = await gateway.access_token()
    text = caplog.text
    assert "/wxa/business/getuserphonenumber" in text  # the call was logged, by path
    for secret in (token, session.session_key, DEFAULT_SECRET, code, "13912345678"):
        assert secret not in text


# --- outages and faults ------------------------------------------------------------------


async def test_timeout_becomes_wechat_unavailable(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient
) -> None:
    await control(ctl, "/_emulator/faults", latency_ms=1500, paths=["/sns/jscode2session"])
    gateway = await make_gateway(timeout=0.3)
    started = time.monotonic()
    with pytest.raises(WeChatUnavailable) as unavailable:
        await gateway.code2session(await mint_code(ctl, "o-kim"))
    assert time.monotonic() - started < 1.5  # gave up before the 1.5 s reply
    assert unavailable.value.retryable
    assert unavailable.value.errcode is None


async def test_unreachable_wechat_is_unavailable(redis_url: str, redis_client: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    make, close = _gateway_factory(f"http://127.0.0.1:{port}", redis_url)
    try:
        gateway = await make()
        with pytest.raises(WeChatUnavailable):
            await gateway.access_token()
    finally:
        await close()


@pytest.mark.parametrize(
    ("errcode", "error_type"), [(45009, RateLimited), (45011, RateLimited), (-1, SystemBusy)]
)
async def test_throttling_and_busy_faults_are_retryable(
    make_gateway: MakeGateway, ctl: httpx.AsyncClient, errcode: int, error_type: type[WeChatError]
) -> None:
    gateway = await make_gateway()
    await gateway.access_token()
    await control(ctl, "/_emulator/faults", error_rate=1.0, errcode=errcode, paths=[SEND])
    with pytest.raises(error_type) as raised:
        await gateway.send_subscribe_message(
            touser="o-x", template_id=POLICY_PUSH_TEMPLATE_ID, data=POLICY
        )
    assert raised.value.retryable
    assert raised.value.errcode == errcode
    assert await calls(ctl, SEND) == 1  # not a token problem: no retry


async def test_http_5xx_is_unavailable(make_gateway: MakeGateway, ctl: httpx.AsyncClient) -> None:
    await control(ctl, "/_emulator/faults", error_rate=1.0, http_status=502, paths=[STABLE])
    gateway = await make_gateway()
    with pytest.raises(WeChatUnavailable, match="HTTP 502"):
        await gateway.access_token()


# --- errors module --------------------------------------------------------------------------


def test_error_from_response_maps_codes() -> None:
    expected: dict[int, type[WeChatError]] = {
        40029: InvalidLoginCode,
        40163: InvalidLoginCode,
        40001: AccessTokenInvalid,
        42001: AccessTokenInvalid,
        40014: AccessTokenInvalid,
        43101: NoSubscriptionCredit,
        47003: InvalidTemplateData,
        40037: InvalidTemplateId,
        40003: InvalidOpenid,
        45009: RateLimited,
        45011: RateLimited,
        -1: SystemBusy,
        40013: InvalidCredential,
        40125: InvalidCredential,
    }
    for code, cls in expected.items():
        error = error_from_response(code, "msg")
        assert type(error) is cls and error.errcode == code
    other = error_from_response(48001, "api unauthorized")
    assert type(other) is WeChatError and not other.retryable
    assert str(other) == "[48001] api unauthorized"


def test_invalid_template_data_field_and_pickling() -> None:
    error = error_from_response(
        47003, "argument invalid! data.thing1.value exceed the limit rid: x"
    )
    assert isinstance(error, InvalidTemplateData) and error.field == "thing1"
    assert InvalidTemplateData(47003, "argument invalid! page").field == "page"
    assert InvalidTemplateData(47003, "weird").field is None
    for original in (error, WeChatUnavailable("timed out calling /x"), RateLimited(45009, "q")):
        copy = pickle.loads(pickle.dumps(original))  # noqa: S301 - our own bytes
        assert type(copy) is type(original)
        assert (copy.errcode, copy.errmsg) == (original.errcode, original.errmsg)
    assert pickle.loads(pickle.dumps(error)).field == "thing1"  # noqa: S301


# --- ahead-of-time refresh (an emulator with a 3-second token) ------------------------------


@pytest.fixture(scope="module")
def short_ttl_emulator_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("short-emulator") / "emulator.log"
    with running_emulator(log, "--token-ttl", "3") as url:
        yield url


async def test_token_is_refreshed_ahead_of_expiry(
    short_ttl_emulator_url: str, redis_url: str, redis_client: aioredis.Redis
) -> None:
    make, close = _gateway_factory(short_ttl_emulator_url, redis_url)
    try:
        async with httpx.AsyncClient(base_url=short_ttl_emulator_url) as short:
            await control(short, "/_emulator/reset")
            gateways = [await make(refresh_ahead=1.5) for _ in range(4)]
            first = await gateways[0].access_token()
            assert await gateways[1].access_token() == first
            await asyncio.sleep(1.7)  # 1.3 s left: inside the refresh window
            during = await asyncio.gather(*(g.access_token() for g in gateways))
            # One process renewed; the others kept using the still-valid token.
            assert await calls(short, STABLE) == 2
            renewed = await gateways[2].access_token()
            assert renewed != first
            assert all(token in (first, renewed) for token in during)
            assert await calls(short, STABLE) == 2
    finally:
        await close()


async def test_the_environment_s_proxy_is_used(
    make_gateway: MakeGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Government networks often reach WeChat only through a proxy (HTTP(S)_PROXY).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_proxy = f"http://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setenv("HTTP_PROXY", dead_proxy)
    monkeypatch.setenv("NO_PROXY", "")
    gateway = await make_gateway()
    with pytest.raises(WeChatUnavailable):
        await gateway.access_token()  # went to the (closed) proxy
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert await gateway.access_token()  # the emulator is exempt: straight there
