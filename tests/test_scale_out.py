"""Scale-out proof on PostgreSQL: two ``zwgk serve`` processes (two Sanic workers each)
and two ``zwgk worker`` processes over one PostgreSQL database and one Redis, plus the
WeChat emulator (``zwgk emulator``), all as real processes talking over TCP/sockets.

It shows that one WeChat access-token refresh serves every process, that a session
works on every process, that a policy edit on one process invalidates the search cache
of the other, and that each outbox event is handled exactly once.
Runs only when ``ZWGK_TEST_DATABASE_URL`` names a PostgreSQL server.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import PG_URL, free_port

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs ZWGK_TEST_DATABASE_URL (PostgreSQL)")

ROOT = Path(__file__).resolve().parents[1]
ADMIN = ("scale-admin", "scale-admin-password-1")
EVENTS = 16


def _scale_database() -> str:
    import asyncpg

    base = PG_URL.rsplit("/", 1)[1].split("?", 1)[0] or "zwgk"
    name = f"{base}_scale_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"

    async def create() -> None:
        conn = await asyncpg.connect(PG_URL.replace("postgres://", "postgresql://", 1))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    asyncio.run(create())
    return PG_URL.rsplit("/", 1)[0] + f"/{name}"


def _prepare(url: str) -> None:
    """Migrate, load the trees and create the admin (as ``zwgk migrate`` would)."""
    from server.accounts.service import create_back_office_user
    from server.config import DatabaseSettings
    from server.core.db import close_db, init_db, migrate
    from server.core.permissions import Role
    from server.policies.service import load_taxonomy

    async def go() -> None:
        await migrate(DatabaseSettings(url=url))
        await init_db(DatabaseSettings(url=url))
        try:
            await load_taxonomy()
            await create_back_office_user(
                username=ADMIN[0], password=ADMIN[1], roles=[Role.ADMIN], display_name="运维"
            )
        finally:
            await close_db()

    asyncio.run(go())


async def _outbox_state(url: str) -> tuple[dict[str, int], list[int]]:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await conn.fetch("SELECT status, count(*) AS n FROM outbox_events GROUP BY status")
        attempts = await conn.fetch("SELECT attempts FROM outbox_deliveries")
        return {r["status"]: r["n"] for r in rows}, [r["attempts"] for r in attempts]
    finally:
        await conn.close()


async def _gateway_token(redis_url: str, emulator: str) -> str:
    import redis.asyncio as aioredis

    from server.config import EMULATOR_APPID, EMULATOR_SECRET
    from server.wechat import WeChatGateway

    client = aioredis.from_url(redis_url)
    gateway = WeChatGateway(
        base_url=emulator, appid=EMULATOR_APPID, secret=EMULATOR_SECRET, redis=client, timeout=5
    )
    try:
        return await gateway.access_token()
    finally:
        await gateway.aclose()
        await client.aclose()


class Stack:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.procs: list[tuple[str, subprocess.Popen[bytes]]] = []

    def spawn(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        log = (self.tmp / f"{name}.log").open("wb")
        proc = subprocess.Popen(
            [sys.executable, *argv],
            env=env,
            cwd=self.tmp,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs.append((name, proc))

    def logs(self) -> str:
        return "\n".join(
            f"--- {name}\n{(self.tmp / f'{name}.log').read_text(errors='replace')[-1500:]}"
            for name, _ in self.procs
        )

    def check_alive(self) -> None:
        for name, proc in self.procs:
            assert proc.poll() is None, f"{name} exited with {proc.returncode}\n{self.logs()}"

    def stop(self) -> None:
        for _, proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
        deadline = time.monotonic() + 15
        for _, proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[dict[str, Any]]:
    from server.core.embedded_redis import start_embedded_redis

    t0 = time.monotonic()
    database_url = _scale_database()
    _prepare(database_url)
    print(f"database ready in {time.monotonic() - t0:.1f}s")
    redis = start_embedded_redis(tmp_path / "redis", persist=False)
    emulator_port = free_port()
    api_ports = [free_port(), free_port()]
    base_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ZWGK_")},
        "PYTHONPATH": str(ROOT),
        "ZWGK_ENV": "development",
        "ZWGK_DATABASE__URL": database_url,
        "ZWGK_REDIS__URL": redis.url,
        "ZWGK_WECHAT__MODE": "emulator",
        "ZWGK_WECHAT__EMULATOR_PORT": str(emulator_port),
        "ZWGK_HTTP__WORKERS": "2",
        "ZWGK_LOGGING__LEVEL": "WARNING",
        "ZWGK_LOGGING__FORMAT": "console",
        "ZWGK_OUTBOX__SWEEP_SECONDS": "30",  # nudges do the work; the sweep is the net
    }
    procs = Stack(tmp_path)
    try:
        procs.spawn("emulator", ["-m", "server.cli", "emulator"], base_env)
        for i, port in enumerate(api_ports):
            # Each API process stands for a host: its own search index, kept by its own
            # indexer from the shared database (the index is a per-host cache).
            env = {
                **base_env,
                "ZWGK_HTTP__PORT": str(port),
                "ZWGK_PATHS__VAR_DIR": str(tmp_path / f"host{i}"),
                "ZWGK_SEARCH__INDEXER": "process",
            }
            procs.spawn(f"indexer{i}", ["-m", "server.cli", "indexer"], env)
            procs.spawn(f"api{i}", ["-m", "server.cli", "serve", "--no-migrate"], env)
        for i in range(2):
            procs.spawn(f"worker{i}", ["-m", "tests.scale_probe"], base_env)
        apis = [f"http://127.0.0.1:{p}" for p in api_ports]
        emulator = f"http://127.0.0.1:{emulator_port}"
        deadline = time.monotonic() + 45
        pending = [f"{a}/readyz" for a in apis] + [f"{emulator}/_emulator/health"]
        while pending:
            procs.check_alive()
            assert time.monotonic() < deadline, procs.logs()
            try:
                if httpx.get(pending[0], timeout=1).status_code == 200:
                    pending.pop(0)
                    continue
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        print(f"stack up in {time.monotonic() - t0:.1f}s")
        yield {
            "apis": apis,
            "emulator": emulator,
            "redis": redis,
            "database_url": database_url,
            "procs": procs,
        }
    finally:
        procs.stop()
        redis.stop()


def test_two_api_and_two_worker_processes_share_one_state(stack: dict[str, Any]) -> None:
    import redis as sync_redis

    a, b = stack["apis"]
    emulator = stack["emulator"]
    r = sync_redis.Redis(unix_socket_path=str(stack["redis"].socket_path))

    # A session made on one process works on every process (and every Sanic worker).
    code = httpx.post(f"{emulator}/_emulator/login-codes", json={"openid": "o-scale-1"}).json()
    login = httpx.post(f"{a}/api/v1/auth/wx-login", json={"code": code["code"]})
    assert login.status_code == 200, login.text
    resident = {"Authorization": f"Bearer {login.json()['token']}"}
    staff = httpx.post(
        f"{b}/api/v1/admin/auth/login", json={"username": ADMIN[0], "password": ADMIN[1]}
    )
    assert staff.status_code == 200, staff.text
    admin = {"Authorization": f"Bearer {staff.json()['token']}"}
    for _ in range(6):
        for api in (a, b):
            assert httpx.get(f"{api}/api/v1/me", headers=resident).json()["roles"] == ["resident"]
            me = httpx.get(f"{api}/api/v1/me", headers=admin)
            assert me.status_code == 200 and "admin" in me.json()["roles"]

    # Policies written on both processes; every publish is an outbox event.
    ids = []
    for n in range(EVENTS):
        api = (a, b)[n % 2]
        body = {
            "title": f"如皋市第{n + 1}批稳岗返还资金发放公示"
            if n
            else "如皋市就业见习补贴申领公示",
            "issuer": "如皋市人力资源和社会保障局",
            "summary": "对符合条件的参保企业返还失业保险费。",
            "audience": "enterprises",
        }
        created = httpx.post(f"{api}/api/v1/admin/policies", json=body, headers=admin)
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
        published = httpx.post(f"{api}/api/v1/admin/policies/{ids[-1]}/publish", headers=admin)
        assert published.status_code == 200, published.text

    # The search cache of process B is filled, then a policy is edited on A.
    def titles(api: str) -> set[str]:
        found = httpx.get(f"{api}/api/v1/policies/search", params={"q": "见习补贴"}).json()
        return {item["title"] for item in found["items"]}

    for _ in range(6):  # both Sanic workers of B cache the page
        assert titles(b) == {"如皋市就业见习补贴申领公示"}
    edited = httpx.patch(
        f"{a}/api/v1/admin/policies/{ids[0]}",
        json={"title": "如皋市就业见习补贴申领公示（更正）"},
        headers=admin,
    )
    assert edited.status_code == 200, edited.text
    started = time.monotonic()
    while True:
        seen = [titles(b) for _ in range(4)]  # several requests: both workers of B
        if all(t == {"如皋市就业见习补贴申领公示（更正）"} for t in seen):
            break
        assert time.monotonic() - started < 3, "B kept serving its stale cache"
        time.sleep(0.1)

    # Each outbox event (16 publishes, 1 edit) is handled exactly once, promptly.
    deadline = time.monotonic() + 20
    while True:
        statuses, attempts = asyncio.run(_outbox_state(stack["database_url"]))
        if statuses.get("done", 0) == EVENTS + 1:
            break
        stack["procs"].check_alive()
        assert time.monotonic() < deadline, (statuses, stack["procs"].logs())
        time.sleep(0.2)
    assert statuses == {"done": EVENTS + 1}
    handled = {k.decode(): int(v) for k, v in r.hgetall("scale:handled").items()}
    assert len(handled) == EVENTS + 1 and set(handled.values()) == {1}, handled
    assert attempts and set(attempts) == {1}  # one delivery row per handler, first try

    # One access-token refresh served both workers (and any later caller).
    tokens = r.smembers("scale:tokens")
    assert len(tokens) == 1
    # A further process (here: this test) gets the same token from Redis, no new mint.
    assert asyncio.run(_gateway_token(stack["redis"].url, emulator)).encode() in tokens
    stats = httpx.get(f"{emulator}/_emulator/stats").json()
    assert stats["calls"].get("/cgi-bin/stable_token") == 1, stats
    workers = {k.decode(): int(v) for k, v in r.hgetall("scale:pids").items()}
    print(f"events per worker process: {workers}")
    r.close()
