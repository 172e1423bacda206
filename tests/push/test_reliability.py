"""Reliability: nothing lost, nothing sent twice, under faults, token loss and worker death.

Sized for CI (``ZWGK_PUSH_RELIABILITY_N`` scales them up, e.g. to the issue's 10,000).
Duplicates are counted at the emulator: every message's page carries its push id.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import redis.asyncio as aioredis

from server.config import Settings
from server.push.delivery import Dispatcher
from server.push.models import PushIntent
from server.wechat import WeChatGateway
from tests.push.conftest import POLICY_DATA, POLICY_TEMPLATE, MakeUsers

N = int(os.environ.get("ZWGK_PUSH_RELIABILITY_N", "0"))
SEND = "/cgi-bin/message/subscribe/send"


async def _queue(users: list[Any], per_user: int, subject: int = 0) -> list[int]:
    ids = []
    for k in range(per_user):
        rows = [
            PushIntent(
                kind="topic_update",
                recipient_type="user",
                recipient_id=str(u.id),
                subject_type="policy",
                subject_id=str(subject + k),
                data=POLICY_DATA,
                dedup_key=f"user:{u.id}:topic_update:policy:{subject + k}",
            )
            for u in users
        ]
        await PushIntent.bulk_create(rows)
    ids = list(await PushIntent.all().values_list("id", flat=True))
    return [int(i) for i in ids]


def _check_exactly_once(emulator: httpx.Client, sent_ids: set[int]) -> dict[str, Any]:
    seen = emulator.get("/_emulator/deliveries").json()
    assert seen["duplicates"] == {}, "a push reached WeChat twice"
    assert seen["without_push_id"] == 0
    return seen


async def test_faults_and_token_loss_everything_sent_once(
    settings: Settings,
    make_users: MakeUsers,
    emulator: httpx.Client,
    redis_client: aioredis.Redis,
) -> None:
    """10% of sends fail with -1 or 45009 and the access token is revoked mid-run:
    every push is eventually sent, once, and the token is refreshed once."""
    total = N or 1000
    users = await make_users(total // 2, {POLICY_TEMPLATE: 2})
    await _queue(users, 2)
    emulator.post(
        "/_emulator/faults",
        json={"error_rate": 0.1, "errcodes": [-1, 45009], "paths": [SEND]},
    )
    gateways = [
        WeChatGateway(
            base_url=settings.wechat.resolved_base_url,
            appid=settings.wechat.appid,
            secret=settings.wechat.secret,
            redis=redis_client,
            timeout=5,
        )
        for _ in range(2)
    ]
    push = settings.push.model_copy(update={"batch_size": 100, "concurrency": 25})
    dispatchers = [Dispatcher(push, gw, redis_client) for gw in gateways]
    await gateways[0].access_token()
    tokens_before = emulator.get("/_emulator/stats").json()["calls"]["/cgi-bin/stable_token"]

    async def run(d: Dispatcher) -> None:
        idle = 0
        while idle < 3:
            stats = await d.run_once()
            idle = idle + 1 if stats.claimed == 0 else 0
            if stats.claimed == 0:
                await asyncio.sleep(0.05)

    async def revoke_midway() -> None:
        while await PushIntent.filter(status="sent").count() < total // 3:
            await asyncio.sleep(0.05)
        emulator.post("/_emulator/tokens/invalidate")

    await asyncio.wait_for(
        asyncio.gather(*(run(d) for d in dispatchers), revoke_midway()), timeout=120
    )
    for gw in gateways:
        await gw.aclose()
    sent = await PushIntent.filter(status="sent").count()
    assert sent == total, await PushIntent.exclude(status="sent").values("status", "reason")
    retried = await PushIntent.filter(attempts__gt=1).count()
    assert retried > total * 0.05  # the faults really happened
    seen = _check_exactly_once(emulator, set())
    assert seen["distinct_pushes"] == total
    tokens_after = emulator.get("/_emulator/stats").json()["calls"]["/cgi-bin/stable_token"]
    assert tokens_after - tokens_before == 1, "the revoked token is refreshed exactly once"


# --------------------------------------------------------------------------- real workers


def _worker_env(settings: Settings, redis_url: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZWGK_")}
    env.update(
        {
            "ZWGK_ENV": "test",
            "ZWGK_DATABASE__URL": settings.database.url,
            "ZWGK_REDIS__URL": redis_url,
            "ZWGK_WECHAT__MODE": "emulator",
            "ZWGK_WECHAT__BASE_URL": settings.wechat.resolved_base_url,
            "ZWGK_PATHS__VAR_DIR": str(tmp_path / "var"),
            "ZWGK_PATHS__FILES_DIR": str(tmp_path / "var" / "files"),
            "ZWGK_LOGGING__LEVEL": "WARNING",
            "ZWGK_PUSH__QUIET_HOURS": "",
            "ZWGK_PUSH__CLAIM_SECONDS": "5",
            "ZWGK_PUSH__RETRY_BASE_SECONDS": "0.2",
            "ZWGK_PUSH__RETRY_MAX_SECONDS": "1",
            "ZWGK_PUSH__MAX_ATTEMPTS": "30",
            "ZWGK_PUSH__SENDS_PER_SECOND": "10000",
        }
    )
    return env


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from server.cli import main; sys.exit(main(['worker']))",
        ],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


async def _wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.2)


async def _all_final() -> bool:
    return not await PushIntent.filter(
        status__in=["queued", "sending", "retrying", "expanded"]
    ).exists()


async def _final_report(emulator: httpx.Client, total: int) -> dict[str, int]:
    rows = await PushIntent.all().values_list("status", "reason")
    outcome: dict[str, int] = {}
    for status, reason in rows:
        assert status in ("sent", "failed"), status
        assert status == "sent" or reason, "a failure without a reason"
        key = status if status == "sent" else f"failed:{reason}"
        outcome[key] = outcome.get(key, 0) + 1
    seen = _check_exactly_once(emulator, set())
    sent_ids = {str(i) for i in await PushIntent.filter(status="sent").values_list("id", flat=True)}
    delivered = seen["distinct_pushes"]
    # Every intent marked sent really reached WeChat (nothing is marked sent on a guess).
    assert delivered >= len(sent_ids)
    assert sum(outcome.values()) == total
    return outcome


async def test_worker_killed_mid_run_loses_nothing_and_sends_nothing_twice(
    settings: Settings,
    make_users: MakeUsers,
    emulator: httpx.Client,
    redis_url: str,
    tmp_path: Path,
) -> None:
    total = N or 1000
    users = await make_users(total, {POLICY_TEMPLATE: 1})
    await _queue(users, 1)
    # WeChat's answers take 20 ms, so the kill lands while sends are in flight.
    emulator.post("/_emulator/faults", json={"latency_ms": 20, "paths": [SEND]})
    env = _worker_env(settings, redis_url, tmp_path)
    log = tmp_path / "worker.log"
    worker = _start_worker(env, log)
    try:

        async def some_sent() -> bool:
            return await PushIntent.filter(status="sent").count() >= total // 4

        await _wait_for(some_sent, 120, "the first sends")
        _stop(worker, signal.SIGKILL)
        worker = _start_worker(env, log)
        await _wait_for(_all_final, 180, "every intent to finish")
    finally:
        _stop(worker)
    outcome = await _final_report(emulator, total)
    # Only sends in flight at the kill can have an unknown outcome.
    assert outcome.get("sent", 0) >= total - 4 * 50, (outcome, log.read_text()[-2000:])
    assert set(outcome) <= {"sent", "failed:expired"}, outcome


async def test_redis_restart_mid_run_loses_nothing_and_sends_nothing_twice(
    settings: Settings,
    make_users: MakeUsers,
    emulator: httpx.Client,
    tmp_path: Path,
) -> None:
    from server.core.embedded_redis import start_embedded_redis

    total = N or 1000
    users = await make_users(total, {POLICY_TEMPLATE: 1})
    await _queue(users, 1)
    emulator.post("/_emulator/faults", json={"latency_ms": 20, "paths": [SEND]})
    redis_dir = tmp_path / "redis"
    redis_dir.mkdir()
    server = start_embedded_redis(redis_dir, persist=False)
    env = _worker_env(settings, server.url, tmp_path)
    log = tmp_path / "worker.log"
    worker = _start_worker(env, log)
    try:

        async def some_sent() -> bool:
            return await PushIntent.filter(status="sent").count() >= total // 4

        await _wait_for(some_sent, 120, "the first sends")
        server.stop()
        await asyncio.sleep(1.0)
        server = start_embedded_redis(redis_dir, persist=False)
        deadline = time.monotonic() + 180
        restarts = 0
        while not await _all_final():
            # arq exits when Redis vanishes under it; like systemd, restart it.
            if worker.poll() is not None:
                worker = _start_worker(env, log)
                restarts += 1
            assert time.monotonic() < deadline, "timed out waiting for every intent to finish"
            await asyncio.sleep(0.3)
    finally:
        _stop(worker)
        server.stop()
    outcome = await _final_report(emulator, total)
    assert outcome.get("sent", 0) >= total - 4 * 50, (outcome, log.read_text()[-2000:])
