"""Fixtures of the push tests: WeChat users known to the emulator, a dispatcher on the
real gateway (emulator over HTTP, real Redis), and quick retry settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from server.accounts.models import User
from server.config import PushSettings, Settings
from server.push.delivery import Dispatcher
from server.push.models import SubscriptionCredit
from server.wechat import WeChatGateway

POLICY_TEMPLATE = "emuPolicyPush-0000000000000000000000000001"
COMPLAINT_TEMPLATE = "emuComplaintProgress-0000000000000000000002"
WARNING_TEMPLATE = "emuWarningNotice-000000000000000000000000003"

POLICY_DATA = {
    "title": "关于印发如皋市支持中小微企业稳岗扩就业若干措施的通知",
    "issuer": "如皋市人力资源和社会保障局",
    "date": "2026-05-01",
    "policy_id": 7,
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """No quiet hours and instant retries unless a test says otherwise."""
    return settings.model_copy(
        update={
            "push": PushSettings(
                quiet_hours="",
                retry_base_seconds=0.0,
                retry_max_seconds=0.0,
                sends_per_second=5000,
                max_attempts=8,
            )
        }
    )


MakeUsers = Callable[..., Awaitable[list[User]]]


@pytest.fixture
def make_users(app: Any, emulator: httpx.Client) -> MakeUsers:
    """``await make_users(n, credits={template: n}, ledger=True)``: WeChat users in our
    database and at the emulator, with credits at WeChat and (optionally) in our ledger."""
    counter = [0]

    async def make(
        n: int, credits: dict[str, int] | None = None, *, ledger: bool = True
    ) -> list[User]:
        start = counter[0]
        counter[0] += n
        openids = [f"o-push-user-{start + i:06d}" for i in range(n)]
        await User.bulk_create(
            [
                User(openid=o, display_name=f"居民{start + i}", roles=["resident"])
                for i, o in enumerate(openids)
            ]
        )
        emulator.post(
            "/_emulator/users", json={"openids": openids, "grants": credits or {}}
        ).raise_for_status()
        if ledger and credits:
            await SubscriptionCredit.bulk_create(
                [
                    SubscriptionCredit(openid=o, template_id=t, credits=c)
                    for o in openids
                    for t, c in credits.items()
                ]
            )
        return list(await User.filter(openid__in=openids).order_by("id"))

    return make


@pytest.fixture
async def gateway(settings: Settings, redis_client: aioredis.Redis) -> AsyncIterator[WeChatGateway]:
    gw = WeChatGateway(
        base_url=settings.wechat.resolved_base_url,
        appid=settings.wechat.appid,
        secret=settings.wechat.secret,
        redis=redis_client,
        timeout=5,
    )
    yield gw
    await gw.aclose()


@pytest.fixture
def dispatcher(
    app: Any, settings: Settings, gateway: WeChatGateway, redis_client: aioredis.Redis
) -> Dispatcher:
    return Dispatcher(settings.push, gateway, redis_client)


async def drain(d: Dispatcher, rounds: int = 50) -> None:
    """Run rounds until nothing is due (retries are instant in these settings)."""
    for _ in range(rounds):
        stats = await d.run_once()
        if stats.claimed == 0:
            return
    raise AssertionError("intents still due after many rounds")
